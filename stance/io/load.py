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
the exception: their text is extracted first (see :func:`html_to_text`).
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import logging
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from ..schema import META_COLUMNS


#: Metadata files of a folder of articles: one row per article (``doc_id`` or ``file``, then
#: any of META_COLUMNS), joined to the folder's documents instead of read as articles.
SIDECAR_NAMES = ("articles.csv", "metadata.csv")
#: A date at the start of a file name ("2008-08-17_merkel-georgia.txt"), used when nothing
#: else dates the document.
_NAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[_\-. ]|$)")

#: File types read from a folder, and accepted as a single input (CONTRACT.md, plus HTML).
SUFFIXES = (".txt", ".csv", ".jsonl", ".html", ".htm")

#: Of those, the types also read gzip-compressed (``corpus.jsonl.gz``): corpora are shipped
#: and exchanged that way, and decompressing them by hand first doubles the disk they take.
GZIP_SUFFIXES = (".txt", ".csv", ".jsonl")

# How many leading bytes are checked for NUL bytes before a table is read: enough to
# catch a spreadsheet or archive saved under a .csv/.jsonl name without reading it all.
_SNIFF_BYTES = 8192

# Share of control bytes (C0 other than tab/newline/form feed, and DEL) above which a file
# without NUL bytes is still called binary. Text in any 8-bit encoding has next to none;
# 10% leaves room for a few stray escape characters in scraped text.
_BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])

# Byte-order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Bytes that are not valid UTF-8 come back from the "surrogateescape" handler as lone
# surrogates U+DC80..U+DCFF; each is then read as cp1252 (latin-1 for the five bytes
# cp1252 leaves undefined). Doing it per byte keeps the valid UTF-8 of a mostly-UTF-8
# file intact, where decoding the whole file as cp1252 would garble every “curly quote”.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NEWLINE = re.compile(r"\r\n?")


def _kind(path: Path) -> str:
    """The file type that decides the reader: ``.jsonl`` for both ``a.jsonl`` and ``a.jsonl.gz``."""
    suffixes = [x.lower() for x in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz" and suffixes[-2] in GZIP_SUFFIXES:
        return suffixes[-2]
    return path.suffix.lower()


def _gzipped(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def _stem(path: Path) -> str:
    """The file name without its type (and without ``.gz``): the default ``doc_id`` base."""
    name = path.name[:-3] if _gzipped(path) else path.name
    return Path(name).stem


def _open_bytes(path: Path):
    return gzip.open(path, "rb") if _gzipped(path) else open(path, "rb")


def _read_bytes(path: Path) -> bytes:
    with _open_bytes(path) as fh:
        return fh.read()

# Bytes of a table read to detect a legacy 8-bit encoding: enough text for charset-normalizer
# to tell cp1251 from cp1252 (it needs a few hundred letters), small beside any real corpus.
_DETECT_BYTES = 64 * 1024
# Fewer non-ASCII bytes than this are too little to tell one 8-bit code page from another
# (cp1252 test strings of two or three accented letters came out as cp1250 or cp1251); such a
# file keeps the cp1252 reading. Eight is a few words of Cyrillic or a sentence of Polish.
_DETECT_MIN_BYTES = 8

# Articles longer than the csv module's default field limit (128 KiB) exist (long
# reports, transcripts); 64 MiB still stops a runaway unquoted field.
_CSV_FIELD_LIMIT = 64 * 1024 * 1024

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Document:
    """One article as loaded; every later offset points into ``text``."""

    doc_id: str
    text: str
    meta: Mapping[str, str] = field(default_factory=dict)
    input: str = ""


@dataclass(frozen=True)
class LoadError:
    """An input, or one document of it, that was skipped (or loaded with a warning)."""

    input: str
    doc_id: str
    reason: str


class InputError(Exception):
    """An input that is unusable as a whole: missing, unreadable, or a table without text."""


# -- decoding -------------------------------------------------------------------------------

class _Fallback:
    """Counts the bytes of one file that were not UTF-8 and how they were read."""

    def __init__(self) -> None:
        self.cp1252 = 0
        self.latin1 = 0
        self.first_line: int | None = None
        self.legacy: str | None = None  # an 8-bit encoding detected for the whole file

    def _byte(self, match: re.Match) -> str:
        byte = bytes([ord(match.group()) - 0xDC00])
        try:
            char = byte.decode("cp1252")
            self.cp1252 += 1
        except UnicodeDecodeError:
            char = byte.decode("latin-1")
            self.latin1 += 1
        return char

    def decode(self, data: bytes, line: int | None = None) -> str:
        """Decode ``data`` as UTF-8, reading invalid bytes as cp1252 (then latin-1)."""
        text = data.decode("utf-8", errors="surrogateescape")
        if _ESCAPED_BYTE.search(text):
            if self.first_line is None:
                self.first_line = line
            text = _ESCAPED_BYTE.sub(self._byte, text)
        return text

    def warning(self) -> str | None:
        """The ``warning:`` reason for errors.csv, or None when the file was clean UTF-8."""
        if self.legacy:
            return _legacy_warning(self.legacy)
        if not (self.cp1252 or self.latin1):
            return None
        used = []
        if self.cp1252:
            used.append(f"{self.cp1252} byte(s) as cp1252")
        if self.latin1:
            used.append(f"{self.latin1} byte(s) as latin-1")
        where = f" (first on line {self.first_line})" if self.first_line else ""
        return (f"warning: not valid UTF-8; read {' and '.join(used)}{where}; check the text "
                f"and re-save the file as UTF-8 to be sure")


def _binary_reason(data: bytes) -> str | None:
    """Why ``data`` (without a byte-order mark) looks binary, or None when it looks like text."""
    if b"\x00" in data:
        return ("binary file (contains NUL bytes); if it is UTF-16 text without a byte-order "
                "mark, re-save it as UTF-8")
    if data:
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if controls / len(data) > _BINARY_CONTROL_SHARE:
            return "binary file (mostly control bytes, not text); remove it from the input"
    return None


def _bom(data: bytes) -> tuple[str | None, int]:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None, 0


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode a whole file: ``(text, None)``, ``(text, warning)`` or ``(None, reason)``."""
    encoding, skip = _bom(data)
    if encoding in ("utf-16", "utf-32"):
        try:
            return _NEWLINE.sub("\n", data.decode(encoding)), None
        except UnicodeDecodeError as exc:
            return None, (f"not valid {encoding.upper()} although it starts with a "
                          f"{encoding.upper()} byte-order mark ({exc.reason} at byte "
                          f"{exc.start}); re-save it as UTF-8")
    body = data[skip:]
    reason = _binary_reason(body)
    if reason:
        return None, reason
    fallback = _Fallback()
    text = fallback.decode(body)
    legacy = _legacy_encoding(body, text)
    if legacy is not None:
        return _NEWLINE.sub("\n", body.decode(legacy, errors="replace")), _legacy_warning(legacy)
    return _NEWLINE.sub("\n", text), fallback.warning()


def _legacy_encoding(sample: bytes, fallback_text: str) -> str | None:
    """The 8-bit encoding of a file that is not UTF-8 at all, when it is not cp1252.

    A file with valid multi-byte UTF-8 in it is UTF-8 with stray bytes (kept to the per-byte
    cp1252 reading of :class:`_Fallback`). Otherwise charset-normalizer guesses the encoding;
    a guess that reads the bytes as cp1252 does is left to that reading, so a Cyrillic
    cp1251 or a Polish latin-2 file is decoded as such instead of as "Ïóòèí".
    """
    if sum(b > 0x7F for b in sample[:_DETECT_BYTES]) < _DETECT_MIN_BYTES:
        return None
    try:
        sample.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    if any(ord(c) > 0x7F and not 0xDC80 <= ord(c) <= 0xDCFF
           for c in sample.decode("utf-8", errors="surrogateescape")):
        return None
    from charset_normalizer import from_bytes
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    if best.encoding in ("utf_8", "ascii") or any(
            m.encoding == "cp1252" and m.chaos <= best.chaos for m in matches):
        return None  # cp1252 reads it as well as any: keep that reading
    try:
        if sample.decode(best.encoding, errors="strict") == fallback_text:
            return None
    except (UnicodeDecodeError, LookupError):
        return None
    return best.encoding


def _legacy_warning(encoding: str) -> str:
    return (f"warning: not UTF-8; read as {encoding} (detected by charset-normalizer); check "
            f"the text and re-save the file as UTF-8 to be sure")


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``, the only change loading makes to text."""
    return _NEWLINE.sub("\n", text)


# -- HTML -----------------------------------------------------------------------------------

# Elements whose content is never shown as article text.
# (``head`` is not listed: sloppy pages never close it, and what it holds besides the
# title is scripts, styles and void elements, which show no text anyway.)
_HTML_DROP = frozenset({"script", "style", "noscript", "template", "nav", "aside", "footer",
                        "header", "form", "menu"})
# Elements that start a new paragraph (HTML's block-level and table-row elements).
_HTML_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "ul",
})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.drop: list[str] = []  # stack of open dropped elements
        self.in_title = False

    def _break(self) -> None:
        # HTML collapses runs of white space into one space when it renders text.
        para = "\n".join(_HTML_SPACE.sub(" ", line).strip()
                         for line in "".join(self.current).split("\n"))
        para = para.strip("\n ")
        if para:
            self.paragraphs.append(para)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in _HTML_DROP:
            self.drop.append(tag)
        elif self.drop:
            return
        elif tag == "br":
            self.current.append("\n")
        elif tag in _HTML_BLOCK:
            self._break()
        elif tag in ("td", "th"):
            self.current.append(" ")

    def handle_startendtag(self, tag, attrs):
        if not self.drop and tag == "br":
            self.current.append("\n")
        elif not self.drop and tag in _HTML_BLOCK:
            self._break()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in self.drop:
            # Close up to the matching start tag; HTML in the wild is not always well nested.
            while self.drop and self.drop.pop() != tag:
                pass
        elif not self.drop and tag in _HTML_BLOCK:
            self._break()

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.drop:
            # A newline in HTML source is white space, not a line break; only <br> is.
            self.current.append(data.replace("\n", " "))

    def close(self):
        super().close()
        self._break()


def html_to_text(html: str) -> tuple[str, str]:
    """Extract ``(text, title)`` from an HTML page.

    The article is found by trafilatura (Barbaresi 2021, ACL demo), the field's maintained
    main-content extractor: navigation, asides, footers, "most read" boxes and comment forms
    are left out, and each paragraph it keeps is separated from the next by a blank line.
    Pages too small for it to find a main text (a fragment, a bare paragraph) are read with
    the standard library's parser instead, which drops script, style, navigation, asides,
    headers and footers and makes block elements paragraphs. The title is the page's
    ``<title>``.

    Examples
    --------
    >>> html_to_text("<title>T</title><h1>Putin  speaks</h1><script>x()</script><p>He said.</p>")
    ('Putin speaks\n\nHe said.', 'T')
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    title = _HTML_SPACE.sub(" ", "".join(parser.title)).strip()
    fallback = "\n\n".join(parser.paragraphs)
    main = _main_text(html) if len(fallback) >= _MAIN_TEXT_MIN else None
    return (main if main else fallback), title


# Below this many characters of text a page is a fragment, not an article page: trafilatura
# finds no main text in it (it returns nothing for a bare "<p>…</p>"), so it is not asked.
_MAIN_TEXT_MIN = 200


def _main_text(html: str) -> str | None:
    import trafilatura
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False, output_format="txt")
    if not text or not text.strip():
        return None
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


# -- readers --------------------------------------------------------------------------------

_Report = Callable[[LoadError], None]


def _text_problem(text: str, what: str = "text") -> str | None:
    if not text.strip():
        return f"empty {what} (nothing but white space)" if text else f"empty {what}"
    if "\x00" in text:
        return f"{what} contains NUL characters (binary data?); fix or remove it"
    return None


def _read_txt(path: Path, report: _Report) -> Iterator[Document]:
    data = _read_bytes(path)
    stem = _stem(path)
    if not data:
        report(LoadError(str(path), stem, "empty file"))
        return
    text, note = _decode(data)
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


def _read_html(path: Path, report: _Report) -> Iterator[Document]:
    data = path.read_bytes()
    html, note = _decode(data) if data else ("", None)
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


def _table_lines(path: Path, fallback: _Fallback) -> Iterator[str]:
    """Decoded lines of a CSV/JSONL file, line endings kept, read one at a time."""
    with _open_bytes(path) as fh:
        head = fh.read(4)
        fh.seek(0)
        encoding, skip = _bom(head)
        if encoding in ("utf-16", "utf-32"):
            # Splitting UTF-16 bytes on b"\n" would cut characters in half: let io decode.
            with _open_bytes(path) as raw, io.TextIOWrapper(raw, encoding=encoding,
                                                            newline="") as text_fh:
                yield from text_fh
            return
        fh.seek(skip)
        sample = fh.read(_DETECT_BYTES)
        legacy = _legacy_encoding(sample, _Fallback().decode(sample))
        if legacy is not None:
            fallback.legacy = legacy
        fh.seek(skip)
        for n, raw in enumerate(fh, start=1):
            yield raw.decode(legacy, errors="replace") if legacy else fallback.decode(raw, n)


def _sniff(path: Path) -> None:
    """Raise InputError when a table file is binary (a workbook saved as .csv, say)."""
    try:
        with _open_bytes(path) as fh:
            head = fh.read(_SNIFF_BYTES)
    except (gzip.BadGzipFile, EOFError) as exc:
        raise InputError(f"{path}: not a readable gzip file ({exc}); re-compress it or give "
                         f"the uncompressed {_kind(path)} file") from exc
    encoding, skip = _bom(head)
    if encoding not in ("utf-16", "utf-32"):
        reason = _binary_reason(head[skip:])
        if reason:
            raise InputError(f"{path}: {reason}; a {_kind(path)} input must be a text file "
                             f"(export spreadsheets as 'CSV UTF-8')")


def _csv_header(path: Path) -> list[str]:
    _sniff(path)
    reader = csv.reader(_table_lines(path, _Fallback()))
    for header in reader:
        if any(cell.strip() for cell in header):
            return [cell.strip().lower() for cell in header]
    raise InputError(f"{path}: the CSV file is empty; it needs a header row with a 'text' "
                     f"column and one article per row")


def _check_csv(path: Path) -> None:
    header = _csv_header(path)
    if "text" not in header:
        shown = ", ".join(repr(c) for c in header[:10])
        raise InputError(f"{path}: no 'text' column (the header has {shown}); name the column "
                         f"holding the article text 'text'")


def _meta(row: Mapping[str, object]) -> dict[str, str]:
    meta = {}
    for key in META_COLUMNS:
        value = row.get(key)
        if value is None or isinstance(value, (dict, list)):
            continue
        value = str(value).strip()
        if value:
            meta[key] = value
    return meta


def _read_csv(path: Path, report: _Report) -> Iterator[Document]:
    _check_csv(path)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    fallback = _Fallback()
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
        doc_id = row.get("doc_id", "").strip() or f"{_stem(path)}-{row_number}"
        text = normalise_newlines(row.get("text", ""))
        problem = _text_problem(text)
        if problem:
            report(LoadError(str(path), doc_id, f"row {row_number}: {problem}; row skipped"))
            continue
        yield Document(doc_id, text, _meta(row), str(path))
    warning = fallback.warning()
    if warning:
        report(LoadError(str(path), "", warning))


def _check_jsonl(path: Path) -> None:
    """Raise InputError when lines parse but none has ``text``; stops at the first that has."""
    _sniff(path)
    parsed = nonblank = False
    for line in _table_lines(path, _Fallback()):
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


def _read_jsonl(path: Path, report: _Report) -> Iterator[Document]:
    _check_jsonl(path)
    fallback = _Fallback()
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
        doc_id = doc_id or f"{_stem(path)}-{n}"
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
        yield Document(doc_id, text, _meta(record), str(path))
    warning = fallback.warning()
    if warning:
        report(LoadError(str(path), "", warning))


_READERS = {".txt": _read_txt, ".html": _read_html, ".htm": _read_html,
            ".csv": _read_csv, ".jsonl": _read_jsonl}


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
            if _kind(Path(name)) in SUFFIXES:
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
    if _kind(path) not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; give a "
                         f"{supported} file (or {', '.join(s + '.gz' for s in GZIP_SUFFIXES)}) "
                         f"or a folder of them")
    try:
        if _kind(path) == ".csv":
            _check_csv(path)
        elif _kind(path) == ".jsonl":
            _check_jsonl(path)
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
        meta = _meta(row)
        for k in keys:
            value = row.get(k, "").strip()
            if value:
                out.setdefault(value, meta)
                out.setdefault(_stem(Path(value)), meta)
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
    report: _Report = errors.append if errors is not None else _report_to_log
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
        reader = _READERS[_kind(path)]
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
