"""Throughput and memory of the default pipeline, with 1 and 2 worker processes.

The corpus is N articles: copies of the bundled examples (each copy made distinct by a
numbered final line, so nothing is shared between them) or the texts of a gold file.

    python benchmarks/throughput.py                          # 1,000 example copies, 1 and 2 workers
    python benchmarks/throughput.py --articles 200 --gold ../shared/gold/geo/lgl.jsonl
    python benchmarks/throughput.py --stages-only --articles 100   # per-stage time, one process

It reports articles/s, words/s and peak RSS (the parent and its worker processes), and the
share of time each stage takes in one process, as Markdown rows for BENCHMARKS.md. The
``--cli`` mode runs ``sitrep extract`` itself on a JSONL file of the corpus, with its progress
bar, the way users run it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(articles: int, gold: Path | None) -> list[dict[str, str | None]]:
    if gold is not None:
        records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
        base = [{"text": r["text"], "published": r.get("published")} for r in records]
    else:
        base = [
            {"text": path.read_text(encoding="utf-8"), "published": path.stem[-10:]}
            for path in sorted((ROOT / "examples").glob("*.txt"))
        ]
    out = []
    for i in range(articles):
        item = dict(base[i % len(base)])
        item["text"] = f"{item['text']}\n(copy {i})\n"
        out.append(item)
    return out


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run_pipeline(items: list[dict[str, str | None]], workers: int) -> dict[str, float]:
    from sitrep.pipeline import Document, Pipeline

    pipeline = Pipeline()
    docs = (Document(text=str(i["text"]), published=i["published"]) for i in items)
    words = sum(len(str(i["text"]).split()) for i in items)
    started = time.perf_counter()
    count = sum(1 for _ in pipeline.extract_many(docs, workers=workers))
    seconds = time.perf_counter() - started
    return {"articles": count, "seconds": seconds, "articles_s": count / seconds,
            "words_s": words / seconds}


def stage_shares(items: list[dict[str, str | None]]) -> dict[str, float]:
    from sitrep.pipeline import Document, Pipeline

    pipeline = Pipeline()
    list(pipeline.pipe(Document(text=str(i["text"]), published=i["published"]) for i in items))
    return dict(pipeline.timings)


def run_cli(items: list[dict[str, str | None]], workers: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for n, item in enumerate(items):
                handle.write(json.dumps({"id": f"doc{n}", **item}) + "\n")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "sitrep", "extract", str(path), "--progress",
             "--workers", str(workers)],
            check=True, stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--gold", type=Path, help="a gold JSONL file to take the texts from")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--stages-only", action="store_true", help="per-stage time only")
    parser.add_argument("--cli", action="store_true", help="run `sitrep extract` itself")
    args = parser.parse_args()
    items = corpus(args.articles, args.gold)
    words = sum(len(str(i["text"]).split()) for i in items)
    print(f"# {len(items)} articles, {words / len(items):.0f} words each on average; "
          f"{platform.python_version()}, {os.cpu_count()} CPUs", file=sys.stderr)
    if args.stages_only:
        shares = stage_shares(items)
        total = sum(shares.values())
        print("| stage | ms per article | share of pipeline time |")
        print("|---|---:|---:|")
        for name, seconds in shares.items():
            print(f"| {name} | {1000 * seconds / len(items):.1f} | {seconds / total:.1%} |")
        return 0
    print("| workers | articles | seconds | articles/s | words/s | peak RSS parent / worker MB |")
    print("|---:|---:|---:|---:|---:|---|")
    for workers in (int(w) for w in args.workers.split(",")):
        if args.cli:
            seconds = run_cli(items, workers)
            stats = {"articles": len(items), "seconds": seconds,
                     "articles_s": len(items) / seconds, "words_s": words / seconds}
        else:
            stats = run_pipeline(items, workers)
        own, child = peak_rss_mb()
        print(f"| {workers} | {stats['articles']:.0f} | {stats['seconds']:.1f} | "
              f"{stats['articles_s']:.2f} | {stats['words_s']:.0f} | {own:.0f} / {child:.0f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
