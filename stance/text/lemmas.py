"""Lemmas: the base forms a word may be an inflection of, from a maintained lemmatiser.

The lexicon and the scorer's word lists hold lemmas ("invade", "fight", "sanction"); a word in
the text matches an entry when one of its lemmas does. Lemmas come from LemmInflect
(``lemminflect``, MIT licence, Brad Jascob; its dictionary is built from the Automatically
Generated Inflection Database, AGID, of English words), which knows irregular forms ("fought" ->
"fight", "struck" -> "strike", "overran" -> "overrun") and falls back on its own trained rules for
words it has not seen. Its data ships inside the wheel (about 1 MB), so nothing is downloaded.

No part of speech is chosen here: every lemma the dictionary lists for any part of speech is a
candidate, and candidates are only ever compared against known entries, so a reading that does
not apply does no harm.
"""

from __future__ import annotations

import functools

__all__ = ["inflections", "lemmas"]

#: Parts of speech asked of the dictionary, in the order their lemmas are listed (verbs first:
#: the lexicon's cues are mostly acts; nouns next, for "sanctions", "crises").
UPOS = ("VERB", "NOUN", "ADJ", "ADV", "AUX")
#: Parts of speech the out-of-dictionary rules are asked for, when the dictionary has no entry.
OOV_UPOS = ("VERB", "NOUN")


@functools.lru_cache(maxsize=1)
def _lemminflect():
    # Imported on first use: the package loads its tables when imported (about 0.4 s), and a run
    # that never looks up a word (``stance --version``) should not pay for it.
    import lemminflect
    return lemminflect


# Called for every token of every scored statement; news vocabulary repeats (on the bundled press
# corpus about 555,000 calls fall on about 21,000 distinct tokens), so a bounded cache answers most.
@functools.lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """Return the lemmas of ``word`` (lower-cased), most likely part of speech first.

    Examples
    --------
    >>> lemmas("fought")
    ('fight',)
    >>> lemmas("invading")
    ('invade',)
    """
    w = word.lower()
    if not w.replace("-", "").isalpha():
        # Numbers, abbreviations ("u.s."), clitics ("'s"): the dictionary would read "'s" as
        # "be", and the scorer's copula rule must not see a possessive as a verb.
        return ()
    lib = _lemminflect()
    found = lib.getAllLemmas(w)
    upos = UPOS
    if not found:
        found = {}
        for u in OOV_UPOS:
            found.update(lib.getAllLemmasOOV(w, u))
        upos = OOV_UPOS
    out: list[str] = []
    for u in upos:
        for lemma in found.get(u, ()):
            lemma = lemma.lower()
            if lemma not in out:
                out.append(lemma)
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def inflections(word: str) -> tuple[str, ...]:
    """Return ``word`` (lower-cased) and the lemmas it may be an inflection of, word first.

    Examples
    --------
    >>> inflections("struck")
    ('struck', 'strike')
    >>> "stop" in inflections("stopped"), "supply" in inflections("supplies")
    (True, True)
    """
    w = word.lower()
    return (w, *(lemma for lemma in lemmas(w) if lemma != w))
