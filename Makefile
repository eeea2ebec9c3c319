# make demo: set up and run sitrep on the bundled example articles into sitrep.db.
# make test: set up and run the linters, the type checker and the tests (eval gate included).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint unit gate benchmark gazetteer clean

$(BIN)/sitrep: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

demo: $(BIN)/sitrep
	$(BIN)/sitrep run examples/ --db sitrep.db

lint: $(BIN)/sitrep
	$(BIN)/ruff check src tests eval benchmarks
	$(BIN)/mypy src

unit: $(BIN)/sitrep
	$(BIN)/pytest -m "not slow"

test: lint
	$(BIN)/pytest

gate: $(BIN)/sitrep
	$(BIN)/python eval/gate.py

benchmark: $(BIN)/sitrep
	$(BIN)/python benchmarks/throughput.py

gazetteer: $(BIN)/sitrep
	$(BIN)/sitrep gazetteer build

clean:
	rm -rf $(VENV) sitrep.db .pytest_cache .mypy_cache .ruff_cache
