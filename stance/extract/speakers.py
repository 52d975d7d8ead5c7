"""One canonical name per speaker across a corpus.

Within a document the mention resolver already turns "Erdoğan" into "Recep Tayyip Erdoğan"
once the full name has been given. Across documents it cannot: an article that names only
"Erdoğan" makes a speaker of its own, and "Erdogan" spelled without the breve another. After
a run, :func:`canonical_names` maps such names to one, from the speakers of the whole corpus:

- names that differ only in case and diacritics are one speaker, under their most frequent
  spelling (ties: the alphabetically first);
- a one-word person name (a surname) is the full person name that ends in it, when exactly
  one such full name occurs in the corpus; with two candidates ("Johnson" with "Boris Johnson"
  and "Mike Johnson") it stays as it is, as no choice is safe.

The mapping depends only on the set of speakers and their counts, so it is the same whatever
order or worker the documents were scored in.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from ..text.normalize import fold

__all__ = ["canonical_names"]


def canonical_names(speakers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map speaker names to canonical ones.

    Parameters
    ----------
    speakers : iterable of (speaker, speaker_type)
        One pair per statement (repeats count as frequency).

    Returns
    -------
    dict
        Only the names that change, each to its canonical form.

    Examples
    --------
    >>> canonical_names([("Ana Roth", "person"), ("Roth", "person"), ("ANA ROTH", "person"),
    ...                  ("Ana Roth", "person")])
    {'ANA ROTH': 'Ana Roth', 'Roth': 'Ana Roth'}
    """
    counts: Counter = Counter()
    types: dict[str, str] = {}
    for name, kind in speakers:
        if name:
            counts[name] += 1
            types.setdefault(name, kind)
    # Spelling variants: one folded key, the most frequent spelling wins.
    by_key: dict[str, list[str]] = {}
    for name in counts:
        by_key.setdefault(fold(name), []).append(name)
    spelling = {key: min(names, key=lambda n: (-counts[n], n)) for key, names in by_key.items()}
    mapping = {name: spelling[fold(name)] for name in counts if spelling[fold(name)] != name}
    # Surnames: a one-word person name that ends exactly one full person name.
    full = {}
    for key, name in spelling.items():
        if types.get(name) == "person" and len(key.split()) >= 2:
            full.setdefault(key.split()[-1], set()).add(name)
    for key, name in spelling.items():
        if types.get(name) == "person" and len(key.split()) == 1 and len(full.get(key, ())) == 1:
            target = next(iter(full[key]))
            for variant in by_key[key]:
                mapping[variant] = target
    return mapping


def apply(mapping: Mapping[str, str], row: dict) -> dict:
    """``row`` with its ``speaker`` replaced by the canonical name (the row itself if none)."""
    name = row.get("speaker")
    if name in mapping:
        row = dict(row)
        row["speaker"] = mapping[name]
    return row
