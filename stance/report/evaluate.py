"""Evaluation against gold annotations (CONTRACT.md's gold format, plus a few columns).

A gold table has ``doc_id``, ``speaker``, ``kind``, one column per target, and either an
``anchor`` (a verbatim piece of the statement's content) or ``start``/``end`` offsets into the
document (with an optional ``sha1``: the first hex digits of the anchor's SHA-1, so gold for
texts that may not be copied can still be checked against them). Optional columns: ``form``
(``cue``, ``transcript``, ``joint``, …), ``clear`` (``yes``/``no``: whether the row's stance
labels are clear-cut), ``split`` (``dev``/``test``) and ``note``. The guideline is
``data/annotations/GUIDELINES.md``.

A row with neither anchor nor offsets marks a document that was annotated and holds no
statement: what the system extracts there counts against its precision.

Matching rule: a gold statement is found when its anchor lies inside a predicted statement's
text in the same document. Then

- statement **recall** = found gold statements / gold statements;
- statement **precision** = predicted statements that contain at least one gold anchor /
  predicted statements (in the gold's documents);
- **speaker accuracy** = found gold statements whose predicted speaker is the gold speaker
  (compared case- and diacritic-insensitively; for a joint statement, ``A + B``, any one
  participant counts) / found gold statements;
- **stance**: for every found gold statement and every target, the gold label (favor, against,
  neutral, or empty = not addressed) against the predicted label (no stance row = not
  addressed). Macro-F1 is over favor/against/neutral on the pairs the gold addresses, a
  predicted "not addressed" counting as neutral, over all such pairs and over the *clear* ones
  (rows whose ``clear`` is not ``no``); the *spurious polar rate* is the share of pairs the
  gold leaves unaddressed that got a favor or against label;
- **actor × target sign agreement**: for every gold speaker × target with an addressed gold
  label, whether the mean of the system's stance scores for that speaker and target (in the
  gold's documents) has the sign of the gold mean (favor +1, neutral 0, against −1); a pair the
  system has no score for counts as a disagreement.

Each macro-F1 comes with a 95 % percentile interval that resamples whole documents
(:func:`stance_interval`, ``macro_f1_low`` / ``macro_f1_high`` and the ``_clear`` pair in the
stance table); given a second run on the same gold it gives the interval of the paired
difference, which says whether two methods differ by more than the split's noise.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import confusion_matrix, f1_score

from ..io.atomic import atomic_open
from ..text.normalize import fold
from ..schema import LABELS as _SCHEMA_LABELS

#: Gold columns that are not targets.
GOLD_FIXED = ("doc_id", "anchor", "speaker", "kind", "form", "clear", "split", "note",
              "start", "end", "sha1")
#: The labels from unfavourable to favourable, the order of the confusion tables.
LABELS = tuple(reversed(_SCHEMA_LABELS))
NONE = "none"
#: Separator of the participants of a joint statement in the gold ``speaker`` column.
JOINT = " + "
_SIGN = {"favor": 1.0, "neutral": 0.0, "against": -1.0}


def read_gold(path: str | os.PathLike, *, split: str | None = None) -> pd.DataFrame:
    """Read a gold CSV, or every CSV in a folder, with all columns as strings.

    Parameters
    ----------
    path : path-like
        A CSV file or a folder of them (not recursive).
    split : str, optional
        Keep only the rows whose ``split`` column has this value (``dev``, ``test``).

    Raises
    ------
    ValueError
        When a required column is missing, or ``split`` selects nothing.
    """
    p = Path(path)
    files = sorted(p.glob("*.csv")) if p.is_dir() else [p]
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files]
    if not frames:
        raise ValueError(f"{path}: no gold CSV files found")
    for f, frame in zip(files, frames):
        missing = [c for c in ("doc_id", "speaker", "kind") if c not in frame.columns]
        if "anchor" not in frame.columns and not {"start", "end"} <= set(frame.columns):
            missing.append("anchor (or start and end)")
        if missing:
            raise ValueError(f"{f}: gold annotations lack the column(s) {', '.join(missing)}")
    gold = pd.concat(frames, ignore_index=True).fillna("")
    for col in ("anchor", "form", "clear", "split", "start", "end", "sha1"):
        if col not in gold.columns:
            gold[col] = ""
    if split is not None:
        if not (gold["split"] == split).any():
            have = sorted(set(gold["split"]) - {""})
            raise ValueError(f"{path}: no gold rows of split {split!r} (splits: "
                             f"{', '.join(have) or 'none'})")
        gold = gold[gold["split"] == split].reset_index(drop=True)
    return gold


def resolve_anchors(gold: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """Fill the ``anchor`` of rows given by offsets from the document texts.

    Rows whose document is not in ``texts`` are dropped (see :func:`evaluate`).

    Raises
    ------
    ValueError
        When offsets fall outside the text or the anchor's hash does not match ``sha1``
        (the document changed since it was annotated).
    """
    gold = gold[gold["doc_id"].isin(set(texts))].copy()
    anchors = []
    for row in gold.itertuples():
        if row.anchor or not (row.start and row.end):
            anchors.append(row.anchor)
            continue
        text = texts[row.doc_id]
        start, end = int(row.start), int(row.end)
        if not 0 <= start < end <= len(text):
            raise ValueError(f"gold {row.doc_id} [{start}:{end}]: offsets outside the "
                             f"document ({len(text)} characters); was the text changed?")
        anchor = text[start:end]
        if row.sha1 and not hashlib.sha1(anchor.encode("utf-8")).hexdigest().startswith(row.sha1):
            raise ValueError(f"gold {row.doc_id} [{start}:{end}]: the text there does not "
                             f"match the annotated anchor (sha1 {row.sha1}); the document "
                             f"changed since it was annotated")
        anchors.append(anchor)
    gold["anchor"] = anchors
    return gold.reset_index(drop=True)


def gold_targets(gold: pd.DataFrame) -> list[str]:
    """The target columns of a gold table (all columns but the fixed ones)."""
    return [c for c in gold.columns if c not in GOLD_FIXED]


def speaker_matches(predicted: str, gold: str) -> bool:
    """Whether a predicted speaker is the gold one (any participant of a joint statement)."""
    p = fold(str(predicted))
    names = [gold] + (gold.split(JOINT) if JOINT in gold else [])
    return any(p == fold(n.strip()) for n in names)


def match_statements(gold: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """For each gold row, the predicted statement whose text contains its anchor (or none)."""
    rows = []
    by_doc = {d: g for d, g in statements.groupby("doc_id")} if len(statements) else {}
    for _, g in gold.iterrows():
        pred = by_doc.get(g["doc_id"])
        hit = None
        if pred is not None and g["anchor"]:
            for _, s in pred.iterrows():
                if g["anchor"] in str(s["text"]):
                    hit = s
                    break
        rows.append({
            "doc_id": g["doc_id"], "anchor": g["anchor"], "gold_speaker": g["speaker"],
            "gold_kind": g["kind"], "gold_form": g.get("form", ""),
            "statement_id": hit["statement_id"] if hit is not None else "",
            "speaker": hit["speaker"] if hit is not None else "",
            "kind": hit["kind"] if hit is not None else "",
            "found": hit is not None,
            "speaker_ok": hit is not None and speaker_matches(hit["speaker"], g["speaker"]),
        })
    return pd.DataFrame(rows, columns=["doc_id", "anchor", "gold_speaker", "gold_kind",
                                       "gold_form", "statement_id", "speaker", "kind",
                                       "found", "speaker_ok"])


@dataclass
class Report:
    """Evaluation tables: attribution per kind and form, stance per target, sign agreement,
    confusions and every error."""

    attribution: pd.DataFrame
    stance: pd.DataFrame
    matches: pd.DataFrame
    pairs: pd.DataFrame
    confusion: dict = field(default_factory=dict)
    signs: pd.DataFrame = field(default_factory=pd.DataFrame)
    errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    skipped_docs: tuple = ()

    def save(self, out_dir: str | os.PathLike) -> None:
        """Write the report's tables as CSV files into ``out_dir``."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name in ("attribution", "stance", "matches", "pairs", "signs", "errors"):
            with atomic_open(out / f"eval_{name}.csv", "w", encoding="utf-8", newline="") as fh:
                getattr(self, name).to_csv(fh, index=False)

    def metric(self, name: str, *, kind: str = "all", target: str = "all") -> float:
        """One number, e.g. ``report.metric("recall")`` or ``metric("macro_f1", target="NATO")``.

        ``kind`` also takes a form (``"form:transcript"``); ``"sign_agreement"`` is the share of
        actor × target pairs whose mean has the gold sign.
        """
        if name == "sign_agreement":
            return float(self.signs["agree"].mean()) if len(self.signs) else float("nan")
        if name in self.attribution.columns:
            row = self.attribution[self.attribution["kind"] == kind]
            return float(row[name].iloc[0])
        row = self.stance[self.stance["target"] == target]
        return float(row[name].iloc[0])


def _prf(found: pd.Series, correct: int, predicted: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else float("nan")
    recall = float(found.mean()) if len(found) else float("nan")
    f1 = (2 * precision * recall / (precision + recall)
          if precision == precision and recall == recall and precision + recall else float("nan"))
    return precision, recall, f1


def attribution_scores(gold: pd.DataFrame, statements: pd.DataFrame, *,
                       docs: set[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Precision, recall, F1 and speaker accuracy overall, per kind and per gold form.

    ``docs`` are the annotated documents (default: those of ``gold``; give them when some
    document was annotated as holding no statement). Forms (rows ``form:…``) have no
    predicted counterpart, so only recall and speaker accuracy are given for them.
    """
    matches = match_statements(gold, statements)
    docs = set(gold["doc_id"]) if docs is None else set(docs)
    in_docs = statements[statements["doc_id"].isin(docs)] if len(statements) else statements
    anchors: dict[str, list[str]] = {}
    for doc_id, anchor in zip(gold["doc_id"], gold["anchor"]):
        if anchor:
            anchors.setdefault(doc_id, []).append(anchor)
    hits = pd.Series([any(a in str(t) for a in anchors.get(d, []))
                      for d, t in zip(in_docs.get("doc_id", []), in_docs.get("text", []))],
                     dtype=bool, index=in_docs.index)
    rows = []
    forms = sorted(set(gold["form"]) - {""}) if "form" in gold.columns else []
    for kind in ["all"] + sorted(set(gold["kind"])) + [f"form:{f}" for f in forms]:
        if kind.startswith("form:"):
            m = matches[matches["gold_form"] == kind[5:]]
            precision, recall, f1 = _prf(m["found"], 0, 0)
            n_pred = float("nan")
        else:
            m = matches if kind == "all" else matches[matches["gold_kind"] == kind]
            sel = hits if kind == "all" else hits[in_docs["kind"] == kind]
            precision, recall, f1 = _prf(m["found"], int(sel.sum()), len(sel))
            n_pred = len(sel)
        found = m[m["found"]]
        rows.append({"kind": kind, "gold": len(m), "predicted": n_pred,
                     "precision": precision, "recall": recall, "f1": f1,
                     "speaker_accuracy": found["speaker_ok"].mean() if len(found) else float("nan")})
    return pd.DataFrame(rows), matches


def _macro_f1(addressed: pd.DataFrame) -> tuple[float, float]:
    y_true = addressed["gold"].tolist()
    y_pred = [x if x != NONE else "neutral" for x in addressed["predicted"]]
    if not y_true:
        return float("nan"), float("nan")
    present = [lab for lab in LABELS if lab in y_true or lab in y_pred]
    macro = f1_score(y_true, y_pred, labels=present, average="macro", zero_division=0)
    return float(macro), float(np.mean(np.array(y_true) == np.array(y_pred)))


def stance_scores(gold: pd.DataFrame, matches: pd.DataFrame, stances: pd.DataFrame,
                  targets: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Macro-F1 per target and overall (all and clear pairs), the spurious polar rate, and
    confusion matrices."""
    pred_label = {}
    for sid, target, label in zip(stances.get("statement_id", []), stances.get("target", []),
                                  stances.get("label", [])):
        pred_label[(sid, target)] = label
    pairs = []
    for (_, g), (_, m) in zip(gold.iterrows(), matches.iterrows()):
        if not m["found"]:
            continue
        clear = str(g.get("clear", "") or "").strip().lower() != "no"
        for t in targets:
            gl = (g.get(t) or "").strip() or NONE
            pl = pred_label.get((m["statement_id"], t), NONE)
            pairs.append({"doc_id": g["doc_id"], "anchor": g["anchor"], "target": t,
                          "gold": gl, "predicted": pl, "clear": clear,
                          "statement_id": m["statement_id"]})
    pairs = pd.DataFrame(pairs, columns=["doc_id", "anchor", "target", "gold", "predicted",
                                         "clear", "statement_id"])
    rows, confusion = [], {}
    for t in ["all"] + list(targets):
        p = pairs if t == "all" else pairs[pairs["target"] == t]
        addressed = p[p["gold"] != NONE]
        macro, accuracy = _macro_f1(addressed)
        macro_clear, _ = _macro_f1(addressed[addressed["clear"].astype(bool)])
        unaddressed = p[p["gold"] == NONE]
        spurious = (unaddressed["predicted"].isin(["favor", "against"]).mean()
                    if len(unaddressed) else float("nan"))
        rows.append({"target": t, "pairs": len(p), "addressed": len(addressed),
                     "addressed_clear": int(addressed["clear"].astype(bool).sum()),
                     "macro_f1": macro, "macro_f1_clear": macro_clear, "accuracy": accuracy,
                     "spurious_polar_rate": spurious})
        labels = list(LABELS) + [NONE]
        confusion[t] = pd.DataFrame(confusion_matrix(p["gold"], p["predicted"], labels=labels),
                                    index=[f"gold {x}" for x in labels],
                                    columns=[f"pred {x}" for x in labels]) if len(p) else None
    return pd.DataFrame(rows), pairs, confusion


#: Resamples of the documents for the intervals of the stance macro-F1. 2,000 is the count the
#: actor × target intervals use (aggregate.actor_target's default); on the real-text dev split
#: (34 documents) a second seed moves the bounds by less than 0.01.
N_BOOT = 2000


def _label_counts(pairs: pd.DataFrame, docs: Sequence[str]) -> np.ndarray:
    """Per document, the gold × predicted counts over LABELS (a predicted none as neutral):
    shape (documents, 9), in the order of ``docs``."""
    index = {lab: i for i, lab in enumerate(LABELS)}
    row_of = {d: i for i, d in enumerate(docs)}
    out = np.zeros((len(docs), len(LABELS) ** 2))
    for doc, g, p in zip(pairs["doc_id"], pairs["gold"], pairs["predicted"]):
        p = "neutral" if p == NONE else p
        out[row_of[doc], index[g] * len(LABELS) + index[p]] += 1
    return out


def _macro_from_counts(counts: np.ndarray) -> np.ndarray:
    """Macro-F1 from summed gold × predicted counts (last axis, 9 cells): the labels present in
    gold or prediction, F1 = 2 TP / (gold + predicted), as :func:`_macro_f1` computes it."""
    k = len(LABELS)
    m = counts.reshape(counts.shape[:-1] + (k, k))
    tp = np.diagonal(m, axis1=-2, axis2=-1)
    size = m.sum(axis=-1) + m.sum(axis=-2)
    present = size > 0
    f1 = np.where(present, 2 * tp / np.where(present, size, 1), 0.0)
    return f1.sum(axis=-1) / np.maximum(present.sum(axis=-1), 1)


def stance_interval(pairs: pd.DataFrame, other: pd.DataFrame | None = None, *,
                    target: str = "all", clear: bool = False, n_boot: int = N_BOOT,
                    seed: int = 0, ci: float = 0.95) -> tuple[float, float, float]:
    """Stance macro-F1 with a percentile interval that resamples whole **documents**.

    Statements of one document share its speaker, occasion and framing, so pairs are not
    independent; as for the actor × target intervals, each resample draws documents with
    replacement (:func:`scipy.stats.bootstrap`, the documents' label counts as paired samples).

    Parameters
    ----------
    pairs : DataFrame
        :attr:`Report.pairs` (``doc_id``, ``target``, ``gold``, ``predicted``, ``clear``).
    other : DataFrame, optional
        The pairs of a second run on the same gold (another method or model). Then the value
        and interval are of the paired difference, ``pairs`` minus ``other``, over the same
        resampled documents: the way to ask whether two methods differ by more than the
        split's noise.
    target : str, default "all"
    clear : bool, default False
        Only pairs the gold marks clear.
    n_boot, seed, ci
        Resamples, seed of the generator, coverage.

    Returns
    -------
    (value, low, high)
        NaN where no pair is addressed; the value itself as both bounds for one document.

    Examples
    --------
    >>> pairs = pd.DataFrame({"doc_id": ["a", "a", "b"], "target": "NATO",
    ...                       "gold": ["favor", "against", "favor"],
    ...                       "predicted": ["favor", "against", "neutral"], "clear": True})
    >>> value, low, high = stance_interval(pairs)
    >>> round(value, 3), low <= value <= high
    (0.556, True)
    """
    from scipy.stats import bootstrap

    def addressed(p):
        keep = p["gold"] != NONE
        if target != "all":
            keep &= p["target"] == target
        if clear:
            keep &= p["clear"].astype(bool)
        return p[keep]

    runs = [addressed(pairs)] + ([] if other is None else [addressed(other)])
    if other is not None:
        keys = ["doc_id", "anchor", "target"] if "anchor" in pairs.columns else None
        if keys is None or sorted(map(tuple, runs[0][keys].to_numpy())) != \
                sorted(map(tuple, runs[1][keys].to_numpy())):
            raise ValueError("stance_interval: the two runs do not cover the same gold pairs "
                             "(compare runs of the same gold and split)")
    docs = sorted(set(runs[0]["doc_id"]))
    if not docs:
        return float("nan"), float("nan"), float("nan")
    counts = [_label_counts(r, docs) for r in runs]
    cells = counts[0].shape[1]
    samples = tuple(np.hstack(counts).T)

    def statistic(*columns, axis=-1):
        summed = np.stack([c.sum(axis=axis) for c in columns], axis=-1)
        value = _macro_from_counts(summed[..., :cells])
        return value - _macro_from_counts(summed[..., cells:]) if other is not None else value

    value = float(statistic(*samples))
    # Percentile bounds, as for the actor × target means. A resample that thins out a rare
    # label lowers macro-F1 more than one that thickens it raises it, so the interval of a
    # split with few documents leans below the value (dev: 0.739 in 0.656-0.798).
    if len(docs) == 1:
        return value, value, value
    res = bootstrap(samples, statistic, paired=True, vectorized=True, n_resamples=n_boot,
                    confidence_level=ci, method="percentile", rng=np.random.default_rng(seed))
    return value, float(res.confidence_interval.low), float(res.confidence_interval.high)


def stance_intervals(pairs: pd.DataFrame, targets: Sequence[str], **options) -> pd.DataFrame:
    """:func:`stance_interval` per target and overall, for all and for clear pairs: columns
    ``target``, ``macro_f1_low``, ``macro_f1_high``, ``macro_f1_clear_low``,
    ``macro_f1_clear_high``."""
    rows = []
    for t in ["all"] + list(targets):
        _, low, high = stance_interval(pairs, target=t, **options)
        _, clow, chigh = stance_interval(pairs, target=t, clear=True, **options)
        rows.append({"target": t, "macro_f1_low": low, "macro_f1_high": high,
                     "macro_f1_clear_low": clow, "macro_f1_clear_high": chigh})
    return pd.DataFrame(rows)


def sign_agreement(gold: pd.DataFrame, stances: pd.DataFrame,
                   targets: Sequence[str]) -> pd.DataFrame:
    """Gold speaker × target means against the system's means for the same speaker and target.

    The system's mean is over all its stance rows for that speaker (by name, folded) and target
    in the gold's documents, as the actor × target table a researcher reads would show it.
    """
    docs = set(gold["doc_id"])
    pred = stances[stances["doc_id"].isin(docs)] if len(stances) else stances
    pred_scores: dict[tuple[str, str], list[float]] = {}
    for speaker, target, score in zip(pred.get("speaker", []), pred.get("target", []),
                                      pred.get("score", [])):
        pred_scores.setdefault((fold(str(speaker)), target), []).append(float(score))
    rows = []
    for t in targets:
        addressed = gold[gold[t].isin(list(_SIGN))]
        for speaker, g in addressed.groupby("speaker", sort=True):
            gold_mean = float(np.mean([_SIGN[x] for x in g[t]]))
            names = [speaker] + (speaker.split(JOINT) if JOINT in speaker else [])
            scores = [s for n in names for s in pred_scores.get((fold(n.strip()), t), [])]
            pred_mean = float(np.mean(scores)) if scores else float("nan")
            agree = bool(scores) and np.sign(round(pred_mean, 6)) == np.sign(gold_mean)
            rows.append({"speaker": speaker, "target": t, "gold_n": len(g),
                         "gold_mean": round(gold_mean, 4), "predicted_n": len(scores),
                         "predicted_mean": round(pred_mean, 4) if scores else float("nan"),
                         "agree": bool(agree)})
    return pd.DataFrame(rows, columns=["speaker", "target", "gold_n", "gold_mean",
                                       "predicted_n", "predicted_mean", "agree"])


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or the line) around ``text[start:end]``, for error listings."""
    from ..text.segment import split_sentences
    for s in split_sentences(text):
        if s.start <= start < s.end:
            return text[s.start:max(s.end, min(end, len(text)))].strip()
    return text[start:end]


def error_table(gold: pd.DataFrame, matches: pd.DataFrame, pairs: pd.DataFrame,
                statements: pd.DataFrame, texts: Mapping[str, str], *,
                docs: set[str] | None = None) -> pd.DataFrame:
    """Every miss: gold statements not found or given the wrong speaker, predicted statements
    that hold no gold anchor, and wrong stance labels, each with its sentence."""
    rows = []

    def sentence(doc_id: str, piece: str) -> str:
        text = texts.get(doc_id, "")
        i = text.find(piece) if piece else -1
        return _sentence_at(text, i, i + len(piece)) if i >= 0 else ""

    for m in matches.itertuples():
        if not m.found:
            rows.append({"error": "missed statement", "doc_id": m.doc_id, "anchor": m.anchor,
                         "target": "", "gold": m.gold_speaker, "predicted": "",
                         "sentence": sentence(m.doc_id, m.anchor)})
        elif not m.speaker_ok:
            rows.append({"error": "wrong speaker", "doc_id": m.doc_id, "anchor": m.anchor,
                         "target": "", "gold": m.gold_speaker, "predicted": m.speaker,
                         "sentence": sentence(m.doc_id, m.anchor)})
    anchors: dict[str, list[str]] = {d: [] for d in (docs or ())}
    for doc_id, anchor in zip(gold["doc_id"], gold["anchor"]):
        anchors.setdefault(doc_id, []).append(anchor)
    for s in statements[statements["doc_id"].isin(set(anchors))].itertuples():
        if not any(a and a in str(s.text) for a in anchors[s.doc_id]):
            rows.append({"error": "statement not in gold", "doc_id": s.doc_id,
                         "anchor": str(s.text)[:120], "target": "", "gold": "",
                         "predicted": s.speaker, "sentence": sentence(s.doc_id, str(s.text))})
    for p in pairs[pairs["gold"] != pairs["predicted"]].itertuples():
        rows.append({"error": "wrong stance", "doc_id": p.doc_id, "anchor": p.anchor,
                     "target": p.target, "gold": p.gold, "predicted": p.predicted,
                     "sentence": sentence(p.doc_id, p.anchor)})
    return pd.DataFrame(rows, columns=["error", "doc_id", "anchor", "target", "gold",
                                       "predicted", "sentence"])


def evaluate(gold_path, inputs, *, split: str | None = None, actors=None, targets=None,
             method: str | None = None, model=None, encoder=None) -> Report:
    """Score the gold's documents among ``inputs`` and compare them with the gold.

    Parameters
    ----------
    gold_path : path-like
        A gold CSV or a folder of them (see the module docstring).
    inputs : path, iterable of paths
        Where the documents are (as for :func:`stance.score_documents`); only the documents the
        gold names are scored, so a whole corpus may be given.
    split : str, optional
        Evaluate only the gold rows of this split (``dev`` or ``test``).
    actors, targets, method, model, encoder
        As for :func:`stance.score_documents` (``method=None``: its default).

    Returns
    -------
    Report
        Gold rows whose document is not among the inputs are left out and their documents
        listed in ``skipped_docs``.

    Examples
    --------
    >>> from stance import evaluate_gold
    >>> report = evaluate_gold("data/annotations/seed.csv", "data/articles")  # doctest: +SKIP
    >>> report.metric("recall"), report.metric("macro_f1_clear")              # doctest: +SKIP
    """
    from ..io.load import iter_documents
    from ..run.pipeline import score_documents

    gold = read_gold(gold_path, split=split)
    wanted = set(gold["doc_id"])
    paths = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    documents = [d for d in iter_documents(paths, errors=[]) if d.doc_id in wanted]
    texts = {d.doc_id: d.text for d in documents}
    skipped = tuple(sorted(wanted - set(texts)))
    gold = resolve_anchors(gold, texts)
    docs = set(gold["doc_id"])
    # A row with neither anchor nor offsets says "annotated, no statement in this document".
    gold = gold[gold["anchor"] != ""].reset_index(drop=True)
    from ..paths import DEFAULT_METHOD
    result = score_documents(documents, actors=actors, targets=targets,
                             method=method or DEFAULT_METHOD,
                             model=model, encoder=encoder)
    names = gold_targets(gold)
    attribution, matches = attribution_scores(gold, result.statements, docs=docs)
    stance, pairs, confusion = stance_scores(gold, matches, result.stances, names)
    stance = stance.merge(stance_intervals(pairs, names), on="target", how="left")[
        ["target", "pairs", "addressed", "addressed_clear", "macro_f1", "macro_f1_low",
         "macro_f1_high", "macro_f1_clear", "macro_f1_clear_low", "macro_f1_clear_high",
         "accuracy", "spurious_polar_rate"]]
    signs = sign_agreement(gold, result.stances, names)
    errors = error_table(gold, matches, pairs, result.statements, texts, docs=docs)
    return Report(attribution, stance, matches, pairs, confusion, signs, errors, skipped)


def format_report(report: Report) -> str:
    """The report as plain text tables."""
    fmt = lambda x: f"{x:.3f}"  # noqa: E731
    parts = ["Statements and speakers (gold anchor inside a predicted statement):",
             report.attribution.to_string(index=False, float_format=fmt),
             "", "Stance (macro-F1 over favor/against/neutral on gold-addressed pairs; "
                 "_clear: pairs the gold marks clear):",
             report.stance.to_string(index=False, float_format=fmt)]
    if len(report.signs):
        agree = report.signs["agree"]
        parts += ["", f"Actor x target sign agreement: {agree.mean():.3f} "
                      f"({int(agree.sum())} of {len(agree)} speaker x target pairs)"]
    conf = report.confusion.get("all")
    if conf is not None:
        parts += ["", "Confusion (all targets; 'none' = not addressed):", conf.to_string()]
    if report.skipped_docs:
        shown = ", ".join(report.skipped_docs[:5])
        more = f" and {len(report.skipped_docs) - 5} more" if len(report.skipped_docs) > 5 else ""
        parts += ["", f"Not evaluated (documents not among the inputs): {shown}{more}"]
    return "\n".join(parts)


def annotator_agreement(first: pd.DataFrame, second: pd.DataFrame,
                        targets: Sequence[str], *,
                        keys: Sequence[str] = ("doc_id", "start", "end")) -> pd.DataFrame:
    """Agreement of two independent stance passes over the same statements.

    Parameters
    ----------
    first, second : DataFrame
        One row per statement, with the ``keys`` columns and one column per target holding
        ``favor``, ``against``, ``neutral`` or empty (not addressed).
    targets : sequence of str
        Target columns to compare.
    keys : sequence of str
        Columns that identify a statement in both tables.

    Returns
    -------
    DataFrame
        One row per target and one ``all`` row (pairs pooled): ``pairs``, ``agreement``
        (share of identical labels), ``kappa`` (Cohen's kappa over favor / neutral / against /
        not addressed), ``addressed_kappa`` (kappa of addressed versus not), and
        ``polar_agreement`` (identical labels among pairs both passes address).

    Raises
    ------
    ValueError
        When the two tables do not hold the same statements.

    Examples
    --------
    >>> a = pd.DataFrame({"doc_id": ["d", "d"], "start": [0, 9], "end": [5, 14],
    ...                   "NATO": ["against", ""]})
    >>> b = a.assign(NATO=["against", "neutral"])
    >>> float(annotator_agreement(a, b, ["NATO"]).loc[0, "agreement"])
    0.5
    """
    from sklearn.metrics import cohen_kappa_score

    keys = list(keys)
    a = first[keys + list(targets)].astype(str)
    b = second[keys + list(targets)].astype(str)
    if a.duplicated(keys).any() or b.duplicated(keys).any():
        raise ValueError("annotator_agreement: a statement appears twice in one pass")
    merged = a.merge(b, on=keys, how="outer", suffixes=("_1", "_2"), indicator=True)
    if (merged["_merge"] != "both").any():
        n = int((merged["_merge"] != "both").sum())
        raise ValueError(f"annotator_agreement: {n} statement(s) are in only one pass; both "
                         "passes must label the same statements")
    rows = []
    pooled_1: list[str] = []
    pooled_2: list[str] = []
    for t in targets:
        l1 = [x.strip() or NONE for x in merged[f"{t}_1"].fillna("")]
        l2 = [x.strip() or NONE for x in merged[f"{t}_2"].fillna("")]
        pooled_1 += l1
        pooled_2 += l2
        rows.append(_agreement_row(t, l1, l2, cohen_kappa_score))
    rows.insert(0, _agreement_row("all", pooled_1, pooled_2, cohen_kappa_score))
    return pd.DataFrame(rows)


def _agreement_row(target: str, l1: list[str], l2: list[str], kappa) -> dict:
    x, y = np.array(l1, dtype=object), np.array(l2, dtype=object)
    both = (x != NONE) & (y != NONE)

    def safe(u, v):
        # Kappa is undefined when both passes use one category only; say so as NaN.
        return float(kappa(u, v)) if len(set(u) | set(v)) > 1 else float("nan")

    return {"target": target, "pairs": len(x),
            "agreement": float(np.mean(x == y)) if len(x) else float("nan"),
            "kappa": safe(list(x), list(y)) if len(x) else float("nan"),
            "addressed_kappa": safe(list(x != NONE), list(y != NONE)) if len(x) else float("nan"),
            "both_addressed": int(both.sum()),
            "polar_agreement": float(np.mean(x[both] == y[both])) if both.any() else float("nan")}
