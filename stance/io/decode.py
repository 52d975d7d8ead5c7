"""Stage 1, load: bytes to "the text as loaded", whatever the encoding of the file.

A file is UTF-8 with or without a byte-order mark, UTF-16 or UTF-32 with one, or else UTF-8
with its stray bytes read as cp1252 (then latin-1), unless charset-normalizer finds the whole
file in another legacy 8-bit encoding (cp1251, cp1250, ...). ``\\r\\n`` and lone ``\\r``
become ``\\n``; nothing else changes. A file that looks binary (NUL or many control bytes) is
refused with a reason. Whole files are decoded by :func:`decode_bytes`, tables line by line
by :func:`decoded_lines`; each reading that is not clean UTF-8 gives a ``warning:`` reason.
"""
from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO, Callable, Iterator

__all__ = ["decode_bytes", "decoded_lines", "binary_reason", "normalise_newlines", "Fallback"]

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

# Bytes of a table read to detect a legacy 8-bit encoding: enough text for charset-normalizer
# to tell cp1251 from cp1252 (it needs a few hundred letters), small beside any real corpus.
_DETECT_BYTES = 64 * 1024
# Fewer non-ASCII bytes than this are too little to tell one 8-bit code page from another
# (cp1252 test strings of two or three accented letters came out as cp1250 or cp1251); such a
# file keeps the cp1252 reading. Eight is a few words of Cyrillic or a sentence of Polish.
_DETECT_MIN_BYTES = 8


class Fallback:
    """Counts the bytes of one file that were not UTF-8 and how they were read.

    One per file: :meth:`decode` its lines, then ask :meth:`warning` once. ``legacy`` names
    the 8-bit encoding the whole file was read in, when one was detected.
    """

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


def _unmarked_binary_reason(data: bytes) -> str | None:
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


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
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
    reason = _unmarked_binary_reason(body)
    if reason:
        return None, reason
    fallback = Fallback()
    text = fallback.decode(body)
    legacy = _legacy_encoding(body, text)
    if legacy is not None:
        return _NEWLINE.sub("\n", body.decode(legacy, errors="replace")), _legacy_warning(legacy)
    return _NEWLINE.sub("\n", text), fallback.warning()


def binary_reason(head: bytes) -> str | None:
    """Why ``head``, the start of a file, looks binary, or None when it looks like text.

    A UTF-16 or UTF-32 byte-order mark makes it text; a UTF-8 one is skipped.
    """
    encoding, skip = _bom(head)
    if encoding in ("utf-16", "utf-32"):
        return None
    return _unmarked_binary_reason(head[skip:])


def decoded_lines(open_bytes: Callable[[], BinaryIO], fallback: Fallback) -> Iterator[str]:
    """Decoded lines of a file, line endings kept, read one at a time.

    Parameters
    ----------
    open_bytes : callable
        Opens the file for reading bytes (called a second time for UTF-16 or UTF-32 text).
    fallback : Fallback
        Counts the bytes that were not UTF-8, or gets the file's legacy encoding.

    Yields
    ------
    str
        Each line, decoded as :func:`decode_bytes` decodes a whole file but for newlines.
    """
    with open_bytes() as fh:
        head = fh.read(4)
        fh.seek(0)
        encoding, skip = _bom(head)
        if encoding in ("utf-16", "utf-32"):
            # Splitting UTF-16 bytes on b"\n" would cut characters in half: let io decode.
            with open_bytes() as raw, io.TextIOWrapper(raw, encoding=encoding,
                                                       newline="") as text_fh:
                yield from text_fh
            return
        fh.seek(skip)
        sample = fh.read(_DETECT_BYTES)
        legacy = _legacy_encoding(sample, Fallback().decode(sample))
        if legacy is not None:
            fallback.legacy = legacy
        fh.seek(skip)
        for n, raw in enumerate(fh, start=1):
            yield raw.decode(legacy, errors="replace") if legacy else fallback.decode(raw, n)


def _legacy_encoding(sample: bytes, fallback_text: str) -> str | None:
    """The 8-bit encoding of a file that is not UTF-8 at all, when it is not cp1252.

    A file with valid multi-byte UTF-8 in it is UTF-8 with stray bytes (kept to the per-byte
    cp1252 reading of :class:`Fallback`). Otherwise charset-normalizer guesses the encoding;
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
