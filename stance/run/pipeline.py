"""The whole flow for a corpus, in memory: load → clean → segment → mentions → attribute →
score → aggregate.

:func:`score_documents` is the Python entry point; it runs the same loop as ``stance score``
(:func:`stance.run.engine.iter_results`, over :func:`stance.run.document.process_document`) and
returns the tables of CONTRACT.md as DataFrames instead of writing them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from ..io.atomic import write_csv_atomic
from ..io.load import Document, LoadError, iter_documents
from ..paths import DEFAULT_METHOD
from ..schema import (ACTOR_TARGET_COLUMNS, ERROR_COLUMNS, STANCE_COLUMNS, STATEMENT_COLUMNS,
                      row_key)
from .document import METHODS, Config, load_model, registries, stance_lexicon
from .engine import iter_results


@dataclass
class Result:
    """The tables of one run (CONTRACT.md), as DataFrames."""

    statements: pd.DataFrame
    stances: pd.DataFrame
    actor_target: pd.DataFrame
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ERROR_COLUMNS))

    def save(self, out_dir: str | os.PathLike) -> list[Path]:
        """Write the four CSV tables into ``out_dir`` atomically; return their paths."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, frame in (("statements", self.statements), ("stances", self.stances),
                            ("actor_target", self.actor_target), ("errors", self.errors)):
            path = out / f"{name}.csv"
            write_csv_atomic(frame, path)
            paths.append(path)
        return paths


def _frames(st_rows: list[dict], sc_rows: list[dict], err_rows: list[dict]) -> Result:
    from ..report.aggregate import actor_target

    from ..extract.speakers import apply, canonical_names

    canonical = canonical_names((r["speaker"], r["speaker_type"]) for r in st_rows)
    statements = pd.DataFrame([apply(canonical, r) for r in st_rows],
                              columns=list(STATEMENT_COLUMNS))
    stances = pd.DataFrame([apply(canonical, r) for r in sc_rows], columns=list(STANCE_COLUMNS))
    errors = pd.DataFrame(err_rows, columns=list(ERROR_COLUMNS))
    at = (actor_target(stances).round({"mean": 4, "ci_low": 4, "ci_high": 4}) if len(stances)
          else pd.DataFrame(columns=list(ACTOR_TARGET_COLUMNS)))
    return Result(statements, stances, at, errors)


def score_documents(inputs: str | os.PathLike | Iterable, *, actors: str | None = None,
                    targets: str | None = None, alias_groups: Sequence[str] | None = None,
                    method: str = DEFAULT_METHOD, model: str | None = None,
                    metadata: str | os.PathLike | None = None,
                    lexicon: str | os.PathLike | None = None,
                    encoder: str | os.PathLike | None = None) -> Result:
    """Score every document of ``inputs`` and return the tables of CONTRACT.md.

    Parameters
    ----------
    inputs : path, iterable of paths, or iterable of Document
        Articles: ``.txt`` files, folders, ``.csv`` or ``.jsonl`` files, or documents.
    actors, targets : str, optional
        YAML registries replacing the defaults in ``stance/resources``.
    alias_groups : sequence of str, optional
        Target alias groups to switch on (None: the defaults, e.g. "the West" as NATO).
    method : {"lexicon", "model", "ensemble"}, default "ensemble"
        The stance scorer (:data:`stance.paths.DEFAULT_METHOD`: the best on the real-text dev
        split); "lexicon" needs no model and is several times faster.
    model : str, optional
        A model saved by :meth:`stance.score.model.StanceModel.save` or
        :meth:`stance.StanceClassifier.save` (for "model" and "ensemble"; default: the model
        shipped in ``stance/resources/models``).
    encoder : path, optional
        The encoder model directory of an encoder head (default: ``$STANCE_ENCODER`` or the
        bundled fine-tuned all-MiniLM-L6-v2, int8 ONNX).
    lexicon : path, optional
        A stance lexicon TSV (``term, valence, frame, source``, as
        ``stance/resources/geopolitical_lexicon.tsv``) whose entries extend the bundled
        lexicon, replacing bundled entries of the same term.
    metadata : path, optional
        A metadata CSV (``doc_id`` or ``file``; ``date``, ``source``, ``title``, ``url``) joined
        to the documents; without it a folder's ``articles.csv``/``metadata.csv`` is used.

    Returns
    -------
    Result
        ``statements``, ``stances``, ``actor_target`` and ``errors`` DataFrames.

    Examples
    --------
    >>> from stance import score_documents
    >>> result = score_documents("data/articles")            # doctest: +SKIP
    >>> result.actor_target.head()                            # doctest: +SKIP
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    if method in ("model", "ensemble") and not model:
        from ..paths import bundled_model
        model = bundled_model()
        if model is None:
            raise ValueError(f"method {method!r} needs a model file: pass model=PATH "
                             "(train one with StanceClassifier.fit and save it)")
    config = Config(actors=str(actors) if actors else None,
                    targets=str(targets) if targets else None,
                    alias_groups=tuple(alias_groups) if alias_groups is not None else None,
                    method=method, model=str(model) if model else None,
                    lexicon=str(lexicon) if lexicon else None,
                    encoder=str(encoder) if encoder else None)
    registries(config)  # fail early, before any document, on a broken registry
    stance_lexicon(config.lexicon)  # and on a broken lexicon
    if model:
        load_model(config.model, config.encoder)
    errors: list[LoadError] = []
    st_rows: list[dict] = []
    sc_rows: list[dict] = []
    err_rows: list[dict] = []
    for _, st, sc, err in iter_results(_documents(inputs, errors, metadata), config,
                                       load_errors=errors):
        st_rows.extend(st)
        sc_rows.extend(sc)
        err_rows.extend(err)
    # Contract order over the whole corpus (documents by doc_id), as run_corpus's merge gives.
    st_rows.sort(key=row_key)
    sc_rows.sort(key=row_key)
    return _frames(st_rows, sc_rows, err_rows)


def _documents(inputs, errors: list[LoadError], metadata=None):
    if isinstance(inputs, Document):
        yield inputs
        return
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    paths = []
    for item in inputs:
        if isinstance(item, Document):
            yield item
        else:
            paths.append(item)
    if paths:
        yield from iter_documents(paths, errors=errors, metadata=metadata)
