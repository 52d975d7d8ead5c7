"""Stage 1, load: one reader per file type, each turning a file into documents.

``.txt`` (one article), ``.html``/``.htm`` (the page's article text and title), ``.csv`` and
``.jsonl`` (one article per row or line), the last three also gzip-compressed. A reader
yields :class:`~stance.io.records.Document` records and reports what it skips (an empty file,
a broken line, a row without text) as a :class:`~stance.io.records.LoadError`; a table that
cannot be read at all (binary, no ``text`` column) raises
:class:`~stance.io.records.InputError`. :mod:`stance.io.load` picks the reader by
:func:`file_kind`.
"""
from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Iterator, Mapping

from ..schema import META_COLUMNS
from .decode import Fallback, binary_reason, decode_bytes, decoded_lines, normalise_newlines
from .html_text import html_to_text
from .records import Document, InputError, LoadError, Report

__all__ = ["SUFFIXES", "GZIP_SUFFIXES", "READERS", "file_kind", "file_stem", "row_metadata",
           "check_csv", "check_jsonl"]

#: File types read from a folder, and accepted as a single input (CONTRACT.md, plus HTML).
SUFFIXES = (".txt", ".csv", ".jsonl", ".html", ".htm")

#: Of those, the types also read gzip-compressed (``corpus.jsonl.gz``): corpora are shipped
#: and exchanged that way, and decompressing them by hand first doubles the disk they take.
GZIP_SUFFIXES = (".txt", ".csv", ".jsonl")

# How many leading bytes are checked for NUL bytes before a table is read: enough to
# catch a spreadsheet or archive saved under a .csv/.jsonl name without reading it all.
_SNIFF_BYTES = 8192

# Articles longer than the csv module's default field limit (128 KiB) exist (long
# reports, transcripts); 64 MiB still stops a runaway unquoted field.
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


def file_kind(path: Path) -> str:
    """The file type that picks the reader: ``.jsonl`` for ``a.jsonl`` and ``a.jsonl.gz``."""
    suffixes = [x.lower() for x in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz" and suffixes[-2] in GZIP_SUFFIXES:
        return suffixes[-2]
    return path.suffix.lower()


def _gzipped(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def file_stem(path: Path) -> str:
    """The file name without its type (and without ``.gz``): the default ``doc_id`` base."""
    name = path.name[:-3] if _gzipped(path) else path.name
    return Path(name).stem


def _open_bytes(path: Path):
    return gzip.open(path, "rb") if _gzipped(path) else open(path, "rb")


def _read_bytes(path: Path) -> bytes:
    with _open_bytes(path) as fh:
        return fh.read()


# -- readers --------------------------------------------------------------------------------

def _text_problem(text: str, what: str = "text") -> str | None:
    if not text.strip():
        return f"empty {what} (nothing but white space)" if text else f"empty {what}"
    if "\x00" in text:
        return f"{what} contains NUL characters (binary data?); fix or remove it"
    return None


def _read_txt(path: Path, report: Report) -> Iterator[Document]:
    data = _read_bytes(path)
    stem = file_stem(path)
    if not data:
        report(LoadError(str(path), stem, "empty file"))
        return
    text, note = decode_bytes(data)
    if text is None:
        report(LoadError(str(path), stem, note))
        return
    problem = _text_problem(text, "file")
    if problem:
        report(LoadError(str(path), stem, problem))
        return
    if note:
        report(LoadError(str(path), stem, note))
    yield Document(stem, text, {}, str(path))


def _read_html(path: Path, report: Report) -> Iterator[Document]:
    data = path.read_bytes()
    html, note = decode_bytes(data) if data else ("", None)
    if html is None:
        report(LoadError(str(path), path.stem, note))
        return
    text, title = html_to_text(html)
    if not text.strip():
        report(LoadError(str(path), path.stem, "no text found in the HTML page"))
        return
    if note:
        report(LoadError(str(path), path.stem, note))
    yield Document(path.stem, text, {"title": title} if title else {}, str(path))


def _table_lines(path: Path, fallback: Fallback) -> Iterator[str]:
    """Decoded lines of a CSV/JSONL file, line endings kept, read one at a time."""
    return decoded_lines(lambda: _open_bytes(path), fallback)


def _sniff(path: Path) -> None:
    """Raise InputError when a table file is binary (a workbook saved as .csv, say)."""
    try:
        with _open_bytes(path) as fh:
            head = fh.read(_SNIFF_BYTES)
    except (gzip.BadGzipFile, EOFError) as exc:
        raise InputError(f"{path}: not a readable gzip file ({exc}); re-compress it or give "
                         f"the uncompressed {file_kind(path)} file") from exc
    reason = binary_reason(head)
    if reason:
        raise InputError(f"{path}: {reason}; a {file_kind(path)} input must be a text file "
                         f"(export spreadsheets as 'CSV UTF-8')")


def _csv_header(path: Path) -> list[str]:
    _sniff(path)
    reader = csv.reader(_table_lines(path, Fallback()))
    for header in reader:
        if any(cell.strip() for cell in header):
            return [cell.strip().lower() for cell in header]
    raise InputError(f"{path}: the CSV file is empty; it needs a header row with a 'text' "
                     f"column and one article per row")


def check_csv(path: Path) -> None:
    """Raise InputError when a CSV file is binary, empty or has no ``text`` column."""
    header = _csv_header(path)
    if "text" not in header:
        shown = ", ".join(repr(c) for c in header[:10])
        raise InputError(f"{path}: no 'text' column (the header has {shown}); name the column "
                         f"holding the article text 'text'")


def row_metadata(row: Mapping[str, object]) -> dict[str, str]:
    """The non-empty :data:`~stance.schema.META_COLUMNS` values of a table row, as strings."""
    meta = {}
    for key in META_COLUMNS:
        value = row.get(key)
        if value is None or isinstance(value, (dict, list)):
            continue
        value = str(value).strip()
        if value:
            meta[key] = value
    return meta


def _read_csv(path: Path, report: Report) -> Iterator[Document]:
    check_csv(path)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    fallback = Fallback()
    reader = csv.reader(_table_lines(path, fallback))
    header: list[str] | None = None
    row_number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # The reader starts afresh at the next record, so one bad row costs one row.
            row_number += 1
            report(LoadError(str(path), "", f"row {row_number} (line {reader.line_num}): "
                                            f"malformed CSV ({exc}); row skipped"))
            continue
        if not any(c.strip() for c in cells):
            continue  # blank lines are not rows, as in pandas.read_csv
        if header is None:
            header = [c.strip().lower() for c in cells]
            continue
        row_number += 1
        row: dict[str, str] = {}
        for key, value in zip(header, cells):
            row.setdefault(key, value)
        doc_id = row.get("doc_id", "").strip() or f"{file_stem(path)}-{row_number}"
        text = normalise_newlines(row.get("text", ""))
        problem = _text_problem(text)
        if problem:
            report(LoadError(str(path), doc_id, f"row {row_number}: {problem}; row skipped"))
            continue
        yield Document(doc_id, text, row_metadata(row), str(path))
    warning = fallback.warning()
    if warning:
        report(LoadError(str(path), "", warning))


def check_jsonl(path: Path) -> None:
    """Raise InputError when a JSONL file is binary, empty, or its lines parse but none has
    ``text``; stops at the first line that has it."""
    _sniff(path)
    parsed = nonblank = False
    for line in _table_lines(path, Fallback()):
        nonblank = nonblank or bool(line.strip())
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            if "text" in record:
                return
            parsed = True
    if parsed:
        raise InputError(f"{path}: no line has a 'text' key; each line must be a JSON object "
                         f"such as {{\"doc_id\": \"a1\", \"text\": \"...\"}}")
    if not nonblank:
        raise InputError(f"{path}: the JSONL file is empty; it needs one JSON object with a "
                         f"'text' key per line")


def _read_jsonl(path: Path, report: Report) -> Iterator[Document]:
    check_jsonl(path)
    fallback = Fallback()
    for n, line in enumerate(_table_lines(path, fallback), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            report(LoadError(str(path), "", f"line {n}: not valid JSON ({exc}); line skipped, "
                                            f"the other lines were loaded"))
            continue
        if not isinstance(record, dict):
            report(LoadError(str(path), "", f"line {n}: not a JSON object; line skipped"))
            continue
        raw_id = record.get("doc_id")
        doc_id = str(raw_id).strip() if raw_id is not None else ""
        doc_id = doc_id or f"{file_stem(path)}-{n}"
        if "text" not in record:
            report(LoadError(str(path), doc_id, f"line {n}: no 'text' key; line skipped"))
            continue
        text = record["text"]
        if text is not None and not isinstance(text, str):
            report(LoadError(str(path), doc_id, f"line {n}: 'text' is a {type(text).__name__}, "
                                                f"not a string; line skipped"))
            continue
        text = normalise_newlines(text or "")
        problem = _text_problem(text)
        if problem:
            report(LoadError(str(path), doc_id, f"line {n}: {problem}; line skipped"))
            continue
        yield Document(doc_id, text, row_metadata(record), str(path))
    warning = fallback.warning()
    if warning:
        report(LoadError(str(path), "", warning))


#: The reader of each :func:`file_kind`: ``reader(path, report)`` yields the documents of
#: ``path`` and calls ``report`` with each :class:`~stance.io.records.LoadError`.
READERS = {".txt": _read_txt, ".html": _read_html, ".htm": _read_html,
           ".csv": _read_csv, ".jsonl": _read_jsonl}
