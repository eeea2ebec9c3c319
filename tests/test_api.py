"""The Python API, and the README's Python examples, which must run as written."""

from __future__ import annotations

import re

import sitrep
from support import README_PATH


def test_extract_returns_an_article_result_with_the_publication_date():
    result = sitrep.extract("Shelling hit the town on Monday.", published="2023-09-19",
                            url="https://example.org/a", title="Town shelled")
    assert isinstance(result, sitrep.ArticleResult)
    assert result.published == "2023-09-19"
    assert result.source.url == "https://example.org/a"
    assert result.to_dict()["schema"] == "sitrep/1"


def test_extract_normalises_a_datetime_published_value():
    assert sitrep.extract("Troops withdrew.", published="2023-09-19T10:00:00Z").published == (
        "2023-09-19"
    )


def test_readme_python_examples_run():
    text = README_PATH.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    for block in blocks:
        namespace: dict[str, object] = {}
        exec(compile(block, "README.md", "exec"), namespace)
