"""Spellings made comparable, and the patterns that find a list of words in text.

One folding for every stage. :func:`fold_cased` strips the marks that Unicode decomposition
splits off, spells the letters that decomposition leaves alone as English news does (ł, ø, đ,
ß, æ, œ, ı), makes every apostrophe (right and left single quote, modifier letter, backtick)
``'``, and keeps case; :func:`fold` is the same, lower-cased: the form in which the mention
resolver, attribution, speaker merging and evaluation compare words. :func:`name_key` goes
further for the registries' names and aliases: dots dropped, hyphens read as spaces, spacing
collapsed.

>>> fold("Radosław Sikorski"), fold_cased("Radosław Sikorski"), name_key("Radosław Sikorski")
('radoslaw sikorski', 'Radoslaw Sikorski', 'radoslaw sikorski')
>>> fold("U.S. Thomas-Greenfield"), name_key("U.S. Thomas-Greenfield")
('u.s. thomas-greenfield', 'us thomas greenfield')
>>> fold("Putin‘s Straße"), fold_cased("Putin‘s Straße")
("putin's strasse", "Putin's Strasse")
>>> fold("Orbán’s"), fold_cased("Orbán’s"), name_key("Orbán’s")
("orban's", "Orban's", "orban's")

:func:`trie_regex` turns a list of words into one alternation that a regex engine matches in
linear time; :func:`case_variants` lists the spellings of an alias that a case-sensitive
pattern accepts; :func:`whole_words` compiles an alternation to match whole words only.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

#: Letters that Unicode decomposition leaves alone but English news spells without the mark
#: (Radosław → Radoslaw, Løkke → Lokke).
_LETTER_FOLD = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
    "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "’": "'", "‘": "'", "ʼ": "'", "`": "'",
})
_HYPHENS = "-‐‑"
_APOSTROPHES = "'’‘ʼ"
#: A possessive ending, never part of a name or an alias ("Putin's").
POSSESSIVE = re.compile(r"['’]s$")
#: A leading "the" in lower case, as :func:`name_key` writes it.
LEADING_THE = re.compile(r"^the\s+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """:func:`fold_cased`, lower-cased, so "Orbán", "ORBAN" and "orban" compare equal.

    Only for comparing: the result may be shorter or longer than ``text`` ("ß" -> "ss"), so
    offsets are never taken from it.
    """
    if text.isascii() and "`" not in text:  # most tokens: nothing to fold but case
        return text.lower()
    return fold_cased(text).lower()


def fold_cased(text: str) -> str:
    """Strip diacritics, spell ł, ø, ß and the like without marks, unify apostrophes; keep case."""
    text = text.translate(_LETTER_FOLD)
    norm = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in norm if not unicodedata.combining(c)))


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Comparison key: folded, lower-case, no dots, hyphens as spaces, single spaces.

    So "U.S." is "US", "Thomas-Greenfield" is "Thomas Greenfield", "Orbán" is "ORBAN".
    """
    k = fold(text).casefold().replace(".", "")
    for h in _HYPHENS:
        k = k.replace(h, " ")
    return " ".join(k.split())


def phrase_key(text: str) -> str:
    """Key of a title or role description, without a leading "the"."""
    return LEADING_THE.sub("", name_key(text))


def case_variants(alias: str) -> set[str]:
    """The spellings a case-sensitive pattern accepts for ``alias``.

    Capitals must stay capitals; a lower-case word start may be capitalised (sentence starts,
    headline case); the all-capitals form is accepted for headlines.
    """
    out = set()
    for base in {alias, fold_cased(alias)}:
        words = re.split(r"(\s+)", base)
        flexible = [i for i, w in enumerate(words) if w[:1].islower()]
        # Four flexible words give 16 spellings; beyond that only the first word varies,
        # which keeps the pattern small for long aliases.
        if len(flexible) > 4:
            flexible = flexible[:1]
        for mask in range(1 << len(flexible)):
            ws = list(words)
            for bit, i in enumerate(flexible):
                if mask >> bit & 1:
                    ws[i] = ws[i][:1].upper() + ws[i][1:]
            out.add("".join(ws))
        out.add(base.upper())
    return out


def _atoms(word: str) -> list[str]:
    """Regex pieces for ``word``: runs of whitespace, any apostrophe and any hyphen are classes."""
    atoms: list[str] = []
    for c in word:
        if c.isspace():
            if not atoms or atoms[-1] != r"\s+":
                atoms.append(r"\s+")
        elif c in _APOSTROPHES:
            atoms.append("['’‘ʼ]")
        elif c in _HYPHENS:
            atoms.append("[-‐‑]")
        else:
            atoms.append(re.escape(c))
    return atoms


def trie_regex(words: Iterable[str]) -> str:
    """One alternation for ``words`` shaped as a trie, preferring longer words.

    A trie keeps the branches at each position disjoint, so matching backtracks at most the
    length of the longest word: linear time, and fast on long documents. A greedy ``?`` on
    each word end tries the longer continuation first.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for atom in _atoms(w):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        if len(branches) == 1:
            body = branches[0]
            return f"(?:{body})?" if "" in node else body
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def whole_words(alternation: str, flags: int = 0) -> re.Pattern | None:
    """``alternation`` compiled to match whole words only; None when it is empty."""
    if not alternation:
        return None
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", flags)

