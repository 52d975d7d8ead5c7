"""Running the per-document function over a corpus: one process, all cores, or Dask.

Documents are streamed in chunks; each chunk's rows are sorted and written to a *run* file in
``OUT/.partial/``, with a list of the documents it holds written last (atomically), so an
interrupted run can ``resume`` without redoing or duplicating a document. At the end the runs
are merged (a k-way merge by ``doc_id`` and position) into the final tables, which are
therefore identical whatever the chunking, the number of jobs or the engine.
"""
from __future__ import annotations

import csv
import gc
import heapq
import os
import sys
from array import array
from collections import deque
from contextlib import closing
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

from ..io.atomic import atomic_open, write_csv_atomic, write_text_atomic
from ..io.load import Document, LoadError, iter_documents
from ..schema import (ACTOR_TARGET_COLUMNS, ERROR_COLUMNS, STANCE_COLUMNS, STATEMENT_COLUMNS,
                      row_key)
from .document import Config, registries, safe_process

#: Documents per chunk: large enough to keep workers busy, small enough that a chunk's rows
#: stay a few megabytes (memory must not grow with the corpus).
CHUNK_DOCS = 256
#: Chunks handed to the workers beyond the one being written.
AHEAD = 1
#: Stance rows summarised at once for ``actor_target.csv``.
BATCH_ROWS = 50_000
PARTIAL = ".partial"
TABLES = (("statements", STATEMENT_COLUMNS), ("stances", STANCE_COLUMNS), ("errors", ERROR_COLUMNS))


# A short made-up passage that touches every lazily built resource (registries and their
# compiled patterns, cue table, Punkt, boilerplate rules, lexicon, VADER).
_WARM_TEXT = ("“We will support Ukraine,” the minister said on Monday. NATO allies condemned "
              "Russia's aggression, according to a statement.")


def _preload(config: Config) -> None:
    """Build every lazy resource in this process. Run in the parent before forking, so the
    workers share it instead of each building its own (a second or so per worker, much of a
    short run); run again as the worker initializer, where it is then nearly free (and where
    a spawned worker does need it)."""
    safe_process(Document("_preload", _WARM_TEXT), config)


def _process_chunk(docs: list[Document], config: Config):
    return [safe_process(d, config) for d in docs]


class _LocalPool:
    """Process-based map over chunks, in order."""

    def __init__(self, jobs: int, config: Config):
        self.jobs = jobs
        self.config = config
        self.pool = None
        if jobs > 1:
            _preload(config)
            import multiprocessing as mp
            ctx = mp.get_context("spawn" if sys.platform == "win32" else "fork")
            # Forked workers leave what they inherit out of their garbage collections, which
            # would otherwise write to, and so copy, each shared page: lexicon -j2 peak tree
            # memory at 30,000 articles 543 -> 451 MB (benchmarks/README.md). The caller's
            # own process collects as before.
            gc.freeze()
            try:
                self.pool = ctx.Pool(jobs, initializer=_preload, initargs=(config,))
            finally:
                gc.unfreeze()

    def submit(self, docs: list[Document]):
        """Start scoring ``docs``; :meth:`result` returns their results in order."""
        if self.pool is None:
            return [safe_process(d, self.config) for d in docs]
        # Several slices per worker, so a slow document does not leave the others idle.
        size = max(1, len(docs) // (self.jobs * 4))
        call = _ChunkCall(self.config)
        return [self.pool.apply_async(call, (docs[i:i + size],))
                for i in range(0, len(docs), size)]

    def result(self, handle) -> list:
        if self.pool is None:
            return handle
        out = []
        for part in handle:
            out.extend(part.get())
        return out

    def close(self):
        if self.pool is not None:
            self.pool.close()
            self.pool.join()


class _ChunkCall:
    """Picklable callable for pool workers."""

    def __init__(self, config: Config):
        self.config = config

    def __call__(self, docs):
        return _process_chunk(docs, self.config)


class _DaskPool:
    """The same per-document function on a Dask distributed cluster."""

    def __init__(self, scheduler: str | None, jobs: int, config: Config):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise ValueError("--engine dask needs the 'dask' extra: pip install "
                             "'stance[dask]'") from exc
        self.config = config
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1,
                                        processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        self.jobs = max(1, jobs)

    def submit(self, docs: list[Document]):
        size = max(1, len(docs) // (self.jobs * 2))
        slices = [docs[i:i + size] for i in range(0, len(docs), size)]
        return self.client.map(_process_chunk, slices, config=self.config, pure=False)

    def result(self, futures) -> list:
        out = []
        for part in self.client.gather(futures):
            out.extend(part)
        return out

    def close(self):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _chunks(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


def _write_rows(path: Path, columns, rows: list[dict]) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


class _Aggregator:
    """Streaming collector of (speaker, target, score, label, document, statement) for
    ``actor_target.csv`` (the interval resamples documents).

    Keeps only compact arrays, so memory stays small for millions of stance rows.
    """

    def __init__(self):
        self.groups: dict[tuple[str, str], tuple[array, list, list, list]] = {}

    def add(self, row: dict) -> None:
        scores, labels, docs, ids = self.groups.setdefault((row["speaker"], row["target"]),
                                                           (array("d"), [], [], []))
        scores.append(float(row["score"]))
        labels.append(sys.intern(row["label"]))
        docs.append(sys.intern(str(row["doc_id"])))
        ids.append(str(row["statement_id"]))

    def frame(self) -> pd.DataFrame:
        from ..report.aggregate import actor_target
        if not self.groups:
            return pd.DataFrame(columns=list(ACTOR_TARGET_COLUMNS))
        # A batch of pairs at a time: each pair's summary depends on its own scores only, so
        # memory holds at most BATCH_ROWS stance rows (plus one large pair), never every row of
        # the corpus, while thousands of small pairs still cost one pandas call per batch.
        parts, batch, rows = [], [], 0
        for key, group in sorted(self.groups.items()):
            batch.append((key, group))
            rows += len(group[0])
            if rows >= BATCH_ROWS:
                parts.append(actor_target(_batch_frame(batch)))
                batch, rows = [], 0
        if batch:
            parts.append(actor_target(_batch_frame(batch)))
        return _rounded(pd.concat(parts, ignore_index=True))


def _batch_frame(batch) -> pd.DataFrame:
    """Stance rows of several (speaker, target) pairs, for
    :func:`stance.report.aggregate.actor_target`."""
    speakers, targets, labels, docs, ids = [], [], [], [], []
    for (sp, tg), (sc, lb, dc, st) in batch:
        speakers += [sp] * len(sc)
        targets += [tg] * len(sc)
        labels += lb
        docs += dc
        ids += st
    scores = np.concatenate([np.frombuffer(sc, dtype=float) for _, (sc, *_rest) in batch])
    return pd.DataFrame({"speaker": speakers, "target": targets, "doc_id": docs,
                         "statement_id": ids, "score": scores, "label": labels})


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    # Four decimals, as in stances.csv: more digits are noise of the bootstrap, not precision.
    return frame.round({"mean": 4, "ci_low": 4, "ci_high": 4})


def run_corpus(inputs, out_dir, *, config: Config = Config(), jobs: int = 1,
               engine: str = "local", scheduler: str | None = None, progress: bool = False,
               resume: bool = False, chunk_docs: int = CHUNK_DOCS,
               documents: Iterable[Document] | None = None,
               metadata: str | os.PathLike | None = None) -> dict:
    """Score a corpus into ``out_dir`` (the tables of CONTRACT.md), streaming.

    Parameters
    ----------
    inputs : path or iterable of paths
        Articles (see :func:`stance.io.load.iter_documents`); ignored when ``documents`` is given.
    out_dir : path
        Output directory; ``OUT/.partial`` holds finished chunks until the final merge.
    config : Config
        Registries, method and model (``Config()``: the lexicon; ``stance score`` passes
        ``Config(method=stance.paths.DEFAULT_METHOD)``).
    jobs : int
        Worker processes (local engine) or Dask workers for a local cluster.
    engine : {"local", "dask"}
    scheduler : str, optional
        Address of a running Dask scheduler; a local cluster is started when omitted.
    progress : bool
        Show a progress bar on stderr.
    resume : bool
        Keep the finished chunks of an interrupted run in ``out_dir`` and skip their documents.
    chunk_docs : int
        Documents per chunk; the output does not depend on it.
    documents : iterable of Document, optional
        Documents already loaded, instead of ``inputs``.
    metadata : path, optional
        A metadata CSV joined to the documents (see :func:`stance.io.load.iter_documents`).

    Returns
    -------
    dict
        Counts: documents, statements, stances, errors.
    """
    out = Path(out_dir)
    partial = out / PARTIAL
    partial.mkdir(parents=True, exist_ok=True)
    done: set[str] = set()
    existing = sorted(partial.glob("done-*.txt"))
    if resume:
        for f in existing:
            done.update(x for x in f.read_text(encoding="utf-8").splitlines() if x)
    else:
        for f in partial.iterdir():
            f.unlink()
        existing = []
    next_chunk = len(existing) + 1
    load_errors: list[LoadError] = []
    docs = documents if documents is not None else iter_documents(inputs, errors=load_errors,
                                                                   metadata=metadata)
    bar = None
    counts = {"documents": len(done), "statements": 0, "stances": 0, "errors": 0}
    results = iter_results((d for d in docs if d.doc_id not in done), config, jobs=jobs,
                           engine=engine, scheduler=scheduler, load_errors=load_errors,
                           chunk_docs=chunk_docs)
    # closing(): a failed write shuts the workers down at once, not when the loop is collected.
    try:
        with closing(results):
            for chunk, st_rows, sc_rows, err_rows in results:
                if progress and bar is None:
                    # Made once the first chunk was read: an input that is unusable as a whole
                    # stops the run (exit 2) before any bar is drawn.
                    from tqdm import tqdm
                    bar = tqdm(unit="doc", desc="stance", file=sys.stderr, smoothing=0.1,
                               mininterval=0.5, initial=len(done))
                tag = f"{next_chunk:06d}"
                for (name, cols), rows in zip(TABLES, (st_rows, sc_rows, err_rows)):
                    _write_rows(partial / f"{name}-{tag}.csv", cols, rows)
                # The list of finished documents is written last: a chunk without it is redone.
                write_text_atomic(partial / f"done-{tag}.txt",
                                  "".join(d.doc_id + "\n" for d in chunk))
                next_chunk += 1
                counts["statements"] += len(st_rows)
                if bar is not None and chunk:
                    bar.update(len(chunk))
                    rate = counts["statements"] / max(bar.format_dict["elapsed"], 1e-9)
                    bar.set_postfix_str(f"{counts['statements']} statements, "
                                        f"{rate:.0f} statements/s", refresh=False)
    finally:
        if bar is not None:
            bar.close()
    counts.update(_merge(partial, out))
    return counts


def iter_results(documents: Iterable[Document], config: Config = Config(), *, jobs: int = 1,
                 engine: str = "local", scheduler: str | None = None,
                 load_errors: list[LoadError] | None = None,
                 chunk_docs: int = CHUNK_DOCS) -> Iterator[tuple[list, list, list, list]]:
    """Score documents chunk by chunk: the one corpus loop, whatever the engine.

    Parameters
    ----------
    documents : iterable of Document
        Read lazily, one chunk at a time.
    config, jobs, engine, scheduler, chunk_docs
        As for :func:`run_corpus`.
    load_errors : list of LoadError, optional
        The list the document reader appends to; each chunk's error rows start with the
        reader's new errors since the previous chunk.

    Yields
    ------
    chunk, statement_rows, stance_rows, error_rows
        The chunk's documents and its rows, statement and stance rows sorted by
        :func:`stance.schema.row_key`, chunks in input order. Load errors found after the last
        document come as a final chunk without documents.
    """
    load_errors = [] if load_errors is None else load_errors
    if jobs > 1 or engine == "dask":
        registries(config)  # validate in the parent first: clear errors, no worker tracebacks
    pool = _DaskPool(scheduler, jobs, config) if engine == "dask" else _LocalPool(jobs, config)
    seen_errors = 0
    # The next chunk is read and handed to the workers before the current one is yielded, so
    # workers never wait for the caller's writing; at most AHEAD chunks are held in memory.
    pending: deque = deque()

    def finish():
        chunk, new_load, handle = pending.popleft()
        st_rows, sc_rows, err_rows = [], [], []
        for st, sc, err in pool.result(handle):
            st_rows.extend(st)
            sc_rows.extend(sc)
            err_rows.extend(err)
        st_rows.sort(key=row_key)
        sc_rows.sort(key=row_key)
        return chunk, st_rows, sc_rows, _error_rows(new_load) + err_rows

    try:
        ahead = AHEAD if (jobs > 1 or engine == "dask") else 0
        chunks = _chunks(documents, chunk_docs)
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except Exception:
                # Reading the input failed: hand over what the workers already finished (so
                # --resume does not redo it), then fail.
                while pending:
                    yield finish()
                raise
            new_load = load_errors[seen_errors:]
            seen_errors = len(load_errors)
            pending.append((chunk, new_load, pool.submit(chunk)))
            if len(pending) > ahead:
                yield finish()
        while pending:
            yield finish()
        trailing = load_errors[seen_errors:]
        if trailing:
            yield [], [], [], _error_rows(trailing)
    finally:
        pool.close()


def _error_rows(errors: list[LoadError]) -> list[dict]:
    return [{"input": e.input, "doc_id": e.doc_id, "reason": e.reason} for e in errors]


def _read_runs(partial: Path, name: str) -> list[Path]:
    chunks = {p.name.split("-")[1].split(".")[0] for p in partial.glob("done-*.txt")}
    return [partial / f"{name}-{c}.csv" for c in sorted(chunks)]


def _iter_csv(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _merge(partial: Path, out: Path) -> dict:
    """Merge the chunk files into the final tables (k-way merge), then remove them."""
    from ..extract.speakers import apply, canonical_names
    agg = _Aggregator()
    counts = {}
    docs = set()
    # One pass over the statements first: canonical speaker names need the whole corpus.
    canonical = canonical_names((row["speaker"], row["speaker_type"])
                                for p in _read_runs(partial, "statements") if p.exists()
                                for row in _iter_csv(p))
    for name, cols in TABLES:
        runs = _read_runs(partial, name)
        streams = [_iter_csv(p) for p in runs if p.exists()]
        merged = heapq.merge(*streams, key=row_key) if name != "errors" else \
            (row for s in streams for row in s)
        target = out / f"{name}.csv"
        n = 0
        with atomic_open(target, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(cols), lineterminator="\n", extrasaction="ignore")
            w.writeheader()
            for row in merged:
                if name != "errors":
                    row = apply(canonical, row)
                w.writerow(row)
                n += 1
                if name == "stances":
                    agg.add(row)
                elif name == "statements":
                    docs.add(row["doc_id"])
        counts[name] = n
    write_csv_atomic(agg.frame(), out / "actor_target.csv")
    for f in partial.iterdir():
        f.unlink()
    partial.rmdir()
    return {"statements": counts["statements"], "stances": counts["stances"],
            "errors": counts["errors"], "documents_with_statements": len(docs)}
