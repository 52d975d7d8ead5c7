"""Extraction time per megabyte for single documents of 10 KB, 100 KB, 1 MB and 10 MB.

Usage (from the repository root)::

    python benchmarks/extraction_linearity.py              # writes benchmarks/results/linearity.csv
    python benchmarks/extraction_linearity.py --sizes 10000,100000 --timeout 300

A run of some sizes replaces their rows in the CSV and keeps the others.

Each document is ONE text made of the bodies of the benchmark articles (``make_corpus.py``:
varied copies of the bundled and Wikinews seed articles) as paragraphs, cut at the first
paragraph that reaches the size. Each size runs in a fresh process (so no cache carries over
from another size), is warmed up on an unrelated article, then times the steps of
:func:`stance.run.document.process_document` one by one: boilerplate marking
(:func:`stance.text.clean.find_boilerplate`), statement extraction
(:func:`stance.extract.attribute.extract_statements`) and stance scoring
(:func:`stance.run.document.score_statement_targets`). Repeats of one size use different
articles, so no cache sees a repeated document. Seconds per megabyte that stay flat from
10 KB to 10 MB mean the cost is linear in the document's length.
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))

from make_corpus import make_article, seed_articles  # noqa: E402

RESULTS_CSV = REPO / "benchmarks" / "results" / "linearity.csv"
#: Document sizes in bytes (UTF-8).
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
#: Repeats per size (each on other articles); the median is reported.
REPEATS = {10_000: 15, 100_000: 5, 1_000_000: 3, 10_000_000: 1}
#: Articles set aside for each repeat: more than the 10 MB document needs (~3,000).
ARTICLES_PER_REPEAT = 4_000
#: Seconds a size may take before it is reported as a time-out.
TIMEOUT = 1_800
COLUMNS = ["bytes", "megabytes", "repeats", "statements", "seconds", "s_per_mb",
           "clean_s_per_mb", "extract_s_per_mb", "score_s_per_mb", "peak_rss_mb", "status"]


def build_document(size: int, first_article: int) -> str:
    """One document of about ``size`` bytes: article bodies (no titles) as paragraphs."""
    seeds = seed_articles()
    parts: list[str] = []
    total, i = 0, first_article
    while total < size:
        text = make_article(i, seeds)["text"]
        # Drop the title (first paragraph) and the article-number line (last).
        body = text.strip().split("\n\n")[1:-1]
        for para in body:
            parts.append(para)
            total += len(para.encode("utf-8")) + 2
            if total >= size:
                break
        i += 1
    return "\n\n".join(parts) + "\n"


def time_document(text: str, doc_id: str) -> dict:
    """Seconds for each step of ``process_document`` on one document."""
    from stance.extract.attribute import extract_statements
    from stance.text.clean import find_boilerplate
    from stance.io.load import Document
    from stance.run.document import Config, document_year, registries, score_statement_targets

    config = Config()
    actors, targets = registries(config)
    doc = Document(doc_id, text, {"date": "2022-02-01"}, "benchmark")
    t0 = time.perf_counter()
    masks = find_boilerplate(doc.text)
    t1 = time.perf_counter()
    statements = extract_statements(doc.doc_id, doc.text, actors=actors, masks=masks,
                                    year=document_year(doc))
    t2 = time.perf_counter()
    rows = []
    for s in statements:
        rows.extend(score_statement_targets(s, doc, targets, method=config.method))
    t3 = time.perf_counter()
    return {"clean": t1 - t0, "extract": t2 - t1, "score": t3 - t2, "total": t3 - t0,
            "statements": len(statements), "stances": len(rows)}


def run_size(size: int, repeats: int) -> dict:
    """Measure one size in this process (called in a fresh subprocess)."""
    from stance.io.load import Document
    from stance.run.document import process_document

    # Warm-up: registries, lexicons, the sentence splitter, VADER; on an unrelated article.
    warm = make_article(10**7, seed_articles())
    process_document(Document("warm", warm["text"], {"date": warm["date"]}))
    results = []
    for r in range(repeats):
        text = build_document(size, first_article=r * ARTICLES_PER_REPEAT)
        results.append(time_document(text, f"doc-{size}-{r}") | {"bytes": len(text.encode())})
    med = {k: statistics.median(x[k] for x in results) for k in ("clean", "extract", "score",
                                                                  "total", "bytes")}
    mb = med["bytes"] / 1e6
    return {"bytes": size, "megabytes": round(mb, 4), "repeats": repeats,
            "statements": int(statistics.median(x["statements"] for x in results)),
            "seconds": round(med["total"], 4), "s_per_mb": round(med["total"] / mb, 3),
            "clean_s_per_mb": round(med["clean"] / mb, 3),
            "extract_s_per_mb": round(med["extract"] / mb, 3),
            "score_s_per_mb": round(med["score"] / mb, 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "status": "ok"}


def markdown(rows: list[dict]) -> str:
    lines = ["| document | statements | seconds | s/MB | clean s/MB | extract s/MB | "
             "score s/MB | peak RSS MB |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        size = int(r["bytes"])
        name = f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"
        if r["status"] != "ok":
            lines.append(f"| {name} | | {r['status']} | | | | | |")
            continue
        lines.append(f"| {name} | {r['statements']} | {float(r['seconds']):.2f} | "
                     f"{float(r['s_per_mb']):.2f} | {float(r['clean_s_per_mb']):.2f} | "
                     f"{float(r['extract_s_per_mb']):.2f} | {float(r['score_s_per_mb']):.2f} | "
                     f"{float(r['peak_rss_mb']):.0f} |")
    ok = [float(r["s_per_mb"]) for r in rows if r["status"] == "ok"]
    if len(ok) >= 2:
        lines.append("")
        lines.append(f"Largest / smallest seconds per MB: {max(ok) / min(ok):.2f} "
                     f"(1.00 = exactly linear)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, SIZES)),
                   help="document sizes in bytes (default: %(default)s)")
    p.add_argument("--timeout", type=float, default=TIMEOUT,
                   help="seconds per size before giving up (default: %(default)s)")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)
    p.add_argument("--repeats", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one, args.repeats or REPEATS.get(args.one, 1))))
        return 0
    rows = []
    for size in (int(x) for x in args.sizes.split(",") if x.strip()):
        cmd = [sys.executable, __file__, "--one", str(size)]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout,
                                 check=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            row = {"bytes": size, "status": f"timeout > {args.timeout:.0f} s"}
        except subprocess.CalledProcessError as exc:
            sys.stderr.write(exc.stderr[-2000:])
            row = {"bytes": size, "status": f"failed (status {exc.returncode})"}
        rows.append(row)
        print(f"{size:>10} bytes: {row}", file=sys.stderr, flush=True)
    # Rows of sizes not measured now are kept, so a subset run does not erase the others.
    measured = {int(r["bytes"]) for r in rows}
    if RESULTS_CSV.is_file():
        with open(RESULTS_CSV, encoding="utf-8", newline="") as fh:
            rows += [r for r in csv.DictReader(fh) if int(r["bytes"]) not in measured]
    rows.sort(key=lambda r: int(r["bytes"]))
    RESULTS_CSV.parent.mkdir(parents=True, exist_ok=True)
    tmp = RESULTS_CSV.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(RESULTS_CSV)
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
