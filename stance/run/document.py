"""One document through every stage: clean → segment → mentions → attribute → score.

:func:`process_document` is the pure per-document function that every way of running a corpus
(:func:`stance.run.pipeline.score_documents` in memory, :func:`stance.run.engine.run_corpus`
in one process, several processes or on Dask) calls, so the output does not depend on how the
work was spread. :class:`Config` says what to score with, and the loaders below build each
resource once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..extract.attribute import Statement, extract_statements
from ..extract.actors import ActorRegistry
from ..extract.registry import load_actors, load_targets
from ..extract.targets import TargetRegistry
from ..io.load import Document
from ..text.clean import find_boilerplate

METHODS = ("lexicon", "model", "ensemble")


@dataclass(frozen=True)
class Config:
    """Everything a worker needs to score a document; paths, so it pickles cheaply.

    ``Config()`` scores with the lexicon, which needs no model; ``stance score`` and
    :func:`~stance.run.pipeline.score_documents` use
    ``Config(method=stance.paths.DEFAULT_METHOD)``. With ``model`` or
    ``ensemble`` and no ``model`` path, the shipped head is used.
    """

    actors: str | None = None
    targets: str | None = None
    alias_groups: tuple[str, ...] | None = None
    method: str = "lexicon"
    model: str | None = None
    lexicon: str | None = None
    #: Encoder model directory for an encoder head (None: $STANCE_ENCODER or the packaged one).
    encoder: str | None = None


@lru_cache(maxsize=8)
def registries(config: Config) -> tuple[ActorRegistry, TargetRegistry]:
    """The actor and target registries of ``config`` (built once per process)."""
    return (load_actors(config.actors),
            load_targets(config.targets, alias_groups=config.alias_groups))


@lru_cache(maxsize=4)
def stance_lexicon(path: str | None = None):
    """The bundled stance lexicon, extended by a researcher's TSV (its entries replace bundled
    entries of the same term); None: the bundled one."""
    from ..score.lexicon import load_lexicon
    return load_lexicon() if path is None else load_lexicon().extend(load_lexicon(path).entries)


@lru_cache(maxsize=4)
def load_model(path: str, encoder: str | None = None):
    """A saved model: an encoder head (:class:`~stance.score.model.StanceModel`, format
    ``stance-model``) or a :class:`~stance.score.classifier.StanceClassifier`."""
    import json
    try:
        head = json.loads(Path(path).read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError, AttributeError):
        head = None  # let the classifier's loader say what is wrong with the file
    if head == "stance-model":
        from ..score.model import StanceModel
        return StanceModel.load(path, encoder=encoder)
    from ..score.classifier import StanceClassifier
    return StanceClassifier.load(path)


def document_year(doc: Document) -> int | None:
    """The year of the document's ``date`` metadata, or None (for dated offices in the registry)."""
    date = str(doc.meta.get("date", ""))[:4]
    return int(date) if date.isdigit() else None


#: Words by which a speaker refers to their own side: first person plural in any statement,
#: and "it"/"its" when the speaker is itself an institution or state ("Russia has argued that
#: NATO forces near its borders threaten its security").
_SELF_WORDS = {"person": re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Oo]urs)\b"),
               "institution": re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Oo]urs|[Ii]ts|[Ii]t)\b")}


def _self_mentions(st: Statement, text: str, targets: TargetRegistry, found) -> list:
    """Mentions of the speaker's own side by pronoun, when that side is a target.

    Scored like any mention, so "Should we fight NATO?" by a Russian speaker addresses
    Russia as well as NATO. Only when the statement does not name that side already.
    """
    side = st.affiliation
    if not side or side not in targets.names or any(m.target == side for m in found):
        return []
    words = _SELF_WORDS.get(st.speaker_type)
    if words is None:
        return []
    m = words.search(text, st.start, st.end)
    if m is None:
        return []
    from ..extract.targets import TargetMention
    return [TargetMention(m.start(), m.end(), side, m.group(), "self")]


def _addressed(st: Statement, doc: Document, targets: TargetRegistry):
    """The statement's content and its target mentions, offsets relative to the content."""
    mentions = targets.find(doc.text, st.start, st.end, doc_text=doc.text,
                            speaker=st.affiliation or None)
    mentions += _self_mentions(st, doc.text, targets, mentions)
    content = doc.text[st.start:st.end]
    local = [type(m)(m.start - st.start, m.end - st.start, m.target, m.text, m.group)
             for m in mentions]
    return content, local


def score_statement_targets(st: Statement, doc: Document, targets: TargetRegistry, *,
                            method: str = "lexicon", model=None, lexicon=None) -> list[dict]:
    """Stance rows (CONTRACT.md) for one statement: one per target its content addresses."""
    return _score_statements([st], doc, targets, method=method, model=model, lexicon=lexicon)


def _score_statements(statements, doc: Document, targets: TargetRegistry, *,
                      method: str = "lexicon", model=None, lexicon=None) -> list[dict]:
    """Stance rows of a document's statements; a model sees all of their mentions at once,
    so an encoder runs one batched pass per document (the same batches whatever ``--jobs``)."""
    from ..score import score_statement

    work = []
    for st in statements:
        content, local = _addressed(st, doc, targets)
        if not local:
            continue
        scores = score_statement(content, local, speaker_affiliation=st.affiliation or None,
                                 lexicon=lexicon, sides=targets.sides)
        work.append((st, content, local, scores))
    if method in ("model", "ensemble") and model is not None and work:
        rescored = _model_scores(work, model, method)
        work = [(st, content, local, new) for (st, content, local, _), new in zip(work, rescored)]
    rows = []
    for st, content, local, scores in work:
        by_target: dict[str, list] = {}
        for m in local:
            by_target.setdefault(m.target, []).append(m.text)
        for target in sorted(scores):
            sc = scores[target]
            rows.append({
                "doc_id": st.doc_id, "statement_id": st.statement_id, "speaker": st.speaker,
                "target": target, "target_mention": "; ".join(dict.fromkeys(by_target[target])),
                "score": round(float(sc.score), 4), "label": sc.label,
                "sentiment": round(float(sc.sentiment), 4), "method": method,
                "evidence": sc.evidence, "date": doc.meta.get("date", ""),
                "source": doc.meta.get("source", ""),
            })
    return rows


def relation(affiliation: str | None, target: str) -> str:
    """The speaker's relation to a target: ``own`` (its own state), ``other`` or ``unknown``."""
    if not affiliation:
        return "unknown"
    return "own" if affiliation == target else "other"


def _model_scores(work, model, method):
    """Model (or ensemble) scores for each ``(statement, content, mentions, lexicon scores)``."""
    from ..score.classifier import ensemble_scores
    from ..score import SpanScore

    owner = [i for i, (_, _, local, _) in enumerate(work) for _ in local]
    frame = pd.DataFrame({
        "text": [content for _, content, local, _ in work for _ in local],
        "start": [m.start for _, _, local, _ in work for m in local],
        "end": [m.end for _, _, local, _ in work for m in local],
        "relation": [relation(st.affiliation, m.target) for st, _, local, _ in work
                     for m in local],
        "affiliation": [st.affiliation or "" for st, _, local, _ in work for _ in local],
        "target": [m.target for _, _, local, _ in work for m in local]})
    owner = np.asarray(owner)
    # The rows of each statement's mentions of each target; the first one names the nearest
    # training statement, so only those rows are compared with the training rows.
    groups = []
    for i, (st, content, local, lexicon_scores) in enumerate(work):
        rows = np.flatnonzero(owner == i)
        groups.append({target: [int(rows[k]) for k, m in enumerate(local) if m.target == target]
                       for target in lexicon_scores})
    firsts = sorted({idx[0] for g in groups for idx in g.values()})
    if hasattr(model, "proba_from_features"):  # an encoder head: features once, for evidence too
        with model.thread_limits():
            F = model.transform(frame)
            proba = model.proba_from_features(F)
            nearest = dict(zip(firsts, model.neighbours(F[firsts])))
    else:
        proba = model.predict_proba(frame)
        nearest = dict.fromkeys(firsts, "")
    classes = list(model.classes_)
    out = []
    for (st, content, local, lexicon_scores), group in zip(work, groups):
        scores = {}
        for target in lexicon_scores:
            idx = group[target]
            p = proba[idx].mean(axis=0)
            p_favor = p[classes.index("favor")] if "favor" in classes else 0.0
            p_against = p[classes.index("against")] if "against" in classes else 0.0
            lex = lexicon_scores[target]
            probs = f"P(favor)={p_favor:.2f} P(against)={p_against:.2f}"
            near = nearest[idx[0]]
            if method == "model":
                why = f"model: {probs}"
                if near:
                    why += f"; nearest training statement {near}"
                why += f"; lexicon: {lex.evidence}"
                scores[target] = SpanScore(float(p_favor - p_against),
                                           classes[int(p.argmax())], why, lex.sentiment,
                                           lex.cues)
            else:
                score, label = ensemble_scores(lex.score, p, classes)
                why = f"ensemble of lexicon ({lex.evidence}) and model ({probs}"
                why += f"; nearest training statement {near})" if near else ")"
                scores[target] = SpanScore(score, label, why, lex.sentiment, lex.cues)
        out.append(scores)
    return out


def process_document(doc: Document, config: Config = Config()) -> tuple[list[dict], list[dict]]:
    """Statement rows and stance rows for one document (pure: same input, same output)."""
    actors, targets = registries(config)
    model = None
    if config.method in ("model", "ensemble"):
        from ..paths import bundled_model
        path = config.model or bundled_model()
        if path is None:  # never score with the lexicon under a model's name
            raise ValueError(f"method {config.method!r} needs a model file (Config.model)")
        model = load_model(path, config.encoder)
    masks = find_boilerplate(doc.text)
    statements = extract_statements(doc.doc_id, doc.text, actors=actors, masks=masks,
                                    year=document_year(doc))
    st_rows = [s.row() for s in statements]
    stance_rows = _score_statements(statements, doc, targets, method=config.method,
                                    lexicon=stance_lexicon(config.lexicon), model=model)
    return st_rows, stance_rows


def safe_process(doc: Document, config: Config) -> tuple[list[dict], list[dict], list[dict]]:
    """:func:`process_document`, with any failure turned into an ``errors.csv`` row."""
    try:
        st, sc = process_document(doc, config)
        return st, sc, []
    except Exception as exc:  # one bad document must not sink the corpus run
        reason = f"failed while scoring: {type(exc).__name__}: {exc}"
        return [], [], [{"input": doc.input, "doc_id": doc.doc_id, "reason": reason}]
