"""Stage 1, load: read articles from .txt files, folders, .csv and .jsonl into documents.

Every input becomes a stream of :class:`Document` records; an input or row that cannot be
used is reported as a :class:`LoadError` (input, doc_id, reason) and skipped, never raised.
Only an input that is unusable as a whole (a missing path, a table without a ``text``
column) raises :class:`InputError`.

Text, CSV and JSONL files may be gzip-compressed (``corpus.jsonl.gz``); "the text as
loaded", which every later offset points into, is then the decompressed bytes decoded as
below. "The text as loaded" is the file's bytes decoded
(UTF-8 with or without a byte-order mark, UTF-16/32 with one, else UTF-8 with the stray
bytes read as cp1252) with ``\\r\\n`` and lone ``\\r`` turned into ``\\n``. Nothing else is
changed: inner white space, zero-width characters and the like are kept. HTML files are
the exception: their text is extracted first (see :func:`stance.io.html_text.html_to_text`).

This module walks the inputs and their folders, joins metadata files and file-name dates to
the documents and drops duplicate ``doc_id``; one file is read by the reader of its type
(:mod:`stance.io.readers`), which decodes it with :mod:`stance.io.decode`.
"""
from __future__ import annotations

import csv
import logging
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from .readers import (GZIP_SUFFIXES, READERS, SUFFIXES, check_csv, check_jsonl, file_kind,
                      file_stem, row_metadata)
from .records import Document, InputError, LoadError, Report


#: Metadata files of a folder of articles: one row per article (``doc_id`` or ``file``, then
#: any of META_COLUMNS), joined to the folder's documents instead of read as articles.
SIDECAR_NAMES = ("articles.csv", "metadata.csv")
#: A date at the start of a file name ("2008-08-17_merkel-georgia.txt"), used when nothing
#: else dates the document.
_NAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[_\-. ]|$)")

_log = logging.getLogger(__name__)


# -- inputs ---------------------------------------------------------------------------------

_PathLike = str | os.PathLike


def _as_paths(inputs: _PathLike | Iterable[_PathLike]) -> list[Path]:
    if isinstance(inputs, (str, os.PathLike)):
        return [Path(inputs)]
    return [Path(p) for p in inputs]


def _folder_files(folder: Path, unsupported: list[Path] | None = None) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        # Hidden folders hold editor and notebook copies (.ipynb_checkpoints), not articles.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.lower() in SIDECAR_NAMES or name.startswith("."):
                continue  # metadata of the folder's articles, or a hidden file
            if file_kind(Path(name)) in SUFFIXES:
                found.append(Path(root) / name)
            elif unsupported is not None:
                unsupported.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _plan(path: Path) -> list[tuple[Path, bool]]:
    """The files of one input, each with whether it was named directly; raise InputError."""
    supported = ", ".join(SUFFIXES)
    if path.is_dir():
        files = _folder_files(path)
        if not files:
            raise InputError(f"{path}: the folder holds no {supported} files; point at the "
                             f"folder with the articles")
        return [(f, False) for f in files]
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")
    if file_kind(path) not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; give a "
                         f"{supported} file (or {', '.join(s + '.gz' for s in GZIP_SUFFIXES)}) "
                         f"or a folder of them")
    try:
        if file_kind(path) == ".csv":
            check_csv(path)
        elif file_kind(path) == ".jsonl":
            check_jsonl(path)
        elif not os.access(path, os.R_OK):
            raise PermissionError(13, "permission denied")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}); check its "
                         f"permissions") from exc
    return [(path, True)]


def read_metadata(path: _PathLike) -> dict[str, dict[str, str]]:
    """Read a metadata file: key (``doc_id``, else the ``file`` name and its stem) → metadata.

    Raises
    ------
    InputError
        When the file cannot be read or has neither a ``doc_id`` nor a ``file`` column.
    """
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = [c.strip().lower() for c in (rows[0].keys() if rows else [])]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: the metadata file cannot be read ({exc}); give a UTF-8 CSV "
                         f"with a doc_id or file column and date, source, title, url") from exc
    keys = [k for k in ("doc_id", "file", "filename") if k in header]
    if rows and not keys:
        raise InputError(f"{path}: the metadata file has no doc_id or file column (the header "
                         f"has {', '.join(header[:8])}); name the column that identifies each "
                         f"article doc_id (its file name without .txt) or file")
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        row = {k.strip().lower(): (v or "") for k, v in row.items() if k}
        meta = row_metadata(row)
        for k in keys:
            value = row.get(k, "").strip()
            if value:
                out.setdefault(value, meta)
                out.setdefault(file_stem(Path(value)), meta)
    return out


def _with_metadata(doc: Document, tables: list[dict[str, dict[str, str]]]) -> tuple[Document, bool]:
    """``doc`` with metadata filled in from ``tables`` (the document's own values win) and a
    date from its file name when nothing else dates it; and whether that date was used."""
    meta = dict(doc.meta)
    name = Path(doc.input).name if doc.input else ""
    for table in tables:
        extra = table.get(doc.doc_id) or table.get(name) or {}
        for k, v in extra.items():
            meta.setdefault(k, v)
    from_name = False
    if "date" not in meta:
        m = _NAME_DATE.match(doc.doc_id) or _NAME_DATE.match(name)
        if m:
            meta["date"] = m.group(1)
            from_name = True
    if meta == dict(doc.meta):
        return doc, False
    return Document(doc.doc_id, doc.text, meta, doc.input), from_name


def _report_to_log(error: LoadError) -> None:
    _log.warning("%s [%s]: %s", error.input, error.doc_id, error.reason)


def iter_documents(inputs: _PathLike | Iterable[_PathLike], *,
                   errors: list[LoadError] | None = None,
                   metadata: _PathLike | None = None) -> Iterator[Document]:
    """Yield the documents of ``inputs`` one at a time, in input order.

    Parameters
    ----------
    inputs : str, path-like, or iterable of them
        ``.txt`` files (one article, ``doc_id`` = file stem), ``.html``/``.htm`` pages (text
        extracted, ``title`` from ``<title>``), ``.csv``/``.jsonl`` tables (one article per
        row: a ``text`` column and optional ``doc_id``, ``date``, ``source``, ``title``,
        ``url``; a missing ``doc_id`` becomes ``{file stem}-{row number}``, the row number
        counting data rows from 1 for CSV and lines from 1 for JSONL), the same three types
        gzip-compressed (``.txt.gz``, ``.csv.gz``, ``.jsonl.gz``, read without unpacking to
        disk), and folders (every such file inside, recursively, sorted by relative path;
        hidden files skipped).
    errors : list of LoadError, optional
        Receives one record per skipped document (empty, binary, broken line, duplicate
        ``doc_id``, …) and per warning (reason starting ``warning:``, the document was
        loaded). When omitted these go to the ``stance.io.load`` logger.
    metadata : path, optional
        A metadata CSV (``doc_id`` or ``file``, then ``date``, ``source``, ``title``,
        ``url``) joined to every document. Without it, an ``articles.csv`` or
        ``metadata.csv`` inside a folder is joined to that folder's documents (and not read
        as articles). A document's own metadata (from its CSV/JSONL row) wins; a document
        that nothing dates and whose file name starts with a date (``2008-08-17_…``) gets
        that date, and the ``stance.io.load`` logger says how many did.

    Yields
    ------
    Document
        ``text`` is the text as loaded (see the module docstring); ``meta`` holds the
        non-empty metadata values; ``input`` the path of the file it came from.

    Raises
    ------
    InputError
        On the first ``next()``, before anything is yielded, when an input does not exist,
        has an unsupported type, cannot be read, or is a table without a ``text`` column.
        Such a table found inside a folder is reported in ``errors`` and skipped instead.

    Examples
    --------
    >>> errors = []
    >>> for doc in iter_documents("data/articles", errors=errors):  # doctest: +SKIP
    ...     print(doc.doc_id, len(doc.text))
    """
    report: Report = errors.append if errors is not None else _report_to_log
    paths = _as_paths(inputs)
    plan = [item for path in paths for item in _plan(path)]
    for path in paths:
        others: list[Path] = []
        if path.is_dir():
            _folder_files(path, others)
        for other in sorted(others):
            # Not read, but said: a PDF or Word file a researcher put in the folder must not
            # vanish from the run without a word.
            report(LoadError(str(other), "", f"unsupported file type "
                             f"{other.suffix or '(none)'!r}; not read (convert it to .txt, "
                             f"or give .txt, .csv, .jsonl or .html files)"))
    explicit = [read_metadata(metadata)] if metadata is not None else []
    sidecars: dict[Path, dict] = {}
    if metadata is None:
        for path in paths:
            for folder in ([path] if path.is_dir() else []):
                for root, dirs, names in os.walk(folder):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    for name in names:
                        if name.lower() in SIDECAR_NAMES:
                            try:
                                sidecars[Path(root)] = read_metadata(Path(root) / name)
                            except InputError as exc:
                                report(LoadError(str(Path(root) / name), "",
                                                 f"{exc}; metadata not used"))
    dated_by_name = 0
    seen: dict[str, str] = {}
    for path, direct in plan:
        reader = READERS[file_kind(path)]
        tables = explicit or ([sidecars[path.parent]] if path.parent in sidecars else [])
        try:
            for doc in reader(path, report):
                doc, by_name = _with_metadata(doc, tables)
                dated_by_name += by_name
                if doc.doc_id in seen:
                    report(LoadError(doc.input, doc.doc_id,
                                     f"duplicate doc_id (first loaded from {seen[doc.doc_id]}); "
                                     f"this later copy was skipped; give each article a "
                                     f"unique doc_id"))
                    continue
                seen[doc.doc_id] = doc.input
                yield doc
        except InputError as exc:
            if direct:
                raise
            report(LoadError(str(path), "", f"{exc}; file skipped"))
        except (OSError, EOFError) as exc:
            # EOFError: a truncated .gz file, found only when its end is read.
            why = getattr(exc, "strerror", None) or exc or "truncated file"
            if direct:
                raise InputError(f"{path}: cannot be read ({why}); check "
                                 f"the file") from exc
            report(LoadError(str(path), "", f"cannot be read ({why}); "
                                            f"file skipped"))
    if dated_by_name:
        _log.info("%d document(s) dated by their file names (YYYY-MM-DD_…), as no metadata "
                  "dated them", dated_by_name)


def load_documents(inputs: _PathLike | Iterable[_PathLike], *,
                   metadata: _PathLike | None = None
                   ) -> tuple[list[Document], list[LoadError]]:
    """Load every document of ``inputs`` into memory; see :func:`iter_documents`.

    Returns
    -------
    documents : list of Document
    errors : list of LoadError
        Skipped documents and warnings, in the order they were met.

    Examples
    --------
    >>> docs, errors = load_documents(["data/articles"])  # doctest: +SKIP
    """
    errors: list[LoadError] = []
    documents = list(iter_documents(inputs, errors=errors, metadata=metadata))
    return documents, errors
