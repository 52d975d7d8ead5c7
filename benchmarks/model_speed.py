"""Whole-process cost of the default (encoder-based) method against the encoder alone.

Usage (from the repository root)::

    python benchmarks/model_speed.py              # 400 press items; writes results/model_speed.csv
    python benchmarks/model_speed.py --docs 1783  # the whole bundled corpus

Three fresh processes, one after the other, each on one core (``--jobs 1``, one torch thread):

- ``default``: ``stance score CORPUS --jobs 1`` with the default method;
- ``lexicon``: the same with ``--method lexicon``;
- ``encoder``: a program that imports only :mod:`stance.score.encoder` and embeds, in batches of
  32, exactly the statements that the default run scored (those with a stance row), whole
  statement texts cut at 256 sub-word tokens: the floor of any scorer that reads every
  scored statement through this encoder.

``ratio`` is the default method's throughput over the encoder's (time of ``encoder`` over time
of ``default``); the stance-model issue asks for at least 0.7. Start-up (imports, loading the
model) is included in every process, as a user would pay it.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PRESS = ROOT / "data" / "corpora" / "presidential-press"
RESULTS = ROOT / "benchmarks" / "results" / "model_speed.csv"
ENCODE = """
import sys, pandas as pd
from stance.score.encoder import Encoder
st = pd.read_csv(sys.argv[1], keep_default_na=False)
sc = pd.read_csv(sys.argv[2], keep_default_na=False)
texts = st[st["statement_id"].isin(set(sc["statement_id"]))]["text"].tolist()
Encoder().encode(texts)
print(len(texts))
"""


def corpus(n: int, folder: Path) -> Path:
    """The first ``n`` items of the bundled corpus (both offices, alternating) as one JSONL."""
    items = []
    for name in ("kremlin", "president-of-ukraine"):
        with gzip.open(PRESS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            items.append([json.loads(line) for line in fh])
    merged = [r for pair in zip(*items) for r in pair][:n]
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in merged), encoding="utf-8")
    return path


def timed(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - t0, out.stdout.strip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    args = parser.parse_args(argv)
    from stance.paths import DEFAULT_METHOD
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = corpus(args.docs, tmp)
        t_default, _ = timed([py, "-m", "stance", "score", str(src), "--out", str(tmp / "d"),
                              "--jobs", "1", "--quiet"])
        t_lexicon, _ = timed([py, "-m", "stance", "score", str(src), "--out", str(tmp / "l"),
                              "--jobs", "1", "--quiet", "--method", "lexicon"])
        t_encoder, n = timed([py, "-c", ENCODE, str(tmp / "d" / "statements.csv"),
                              str(tmp / "d" / "stances.csv")])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=ROOT).stdout.strip()
    row = {"commit": commit, "documents": args.docs, "scored_statements": int(n),
           "default_method": DEFAULT_METHOD, "default_s": round(t_default, 1),
           "lexicon_s": round(t_lexicon, 1), "encoder_alone_s": round(t_encoder, 1),
           "ratio_default_to_encoder": round(t_encoder / t_default, 3),
           "default_s_per_1000_statements": round(t_default * 1000 / max(int(n), 1), 1)}
    print(pd.Series(row).to_string())
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame([row]).to_csv(RESULTS, index=False)
    print(f"written: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
