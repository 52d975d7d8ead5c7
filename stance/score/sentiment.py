"""Plain sentence sentiment (VADER), kept apart from stance.

The stance scorer reports VADER's compound score next to its stance score so that readers can
see the two disagree ("a further invasion of Ukraine would be met with severe consequences" is
negative in tone and in favour of Ukraine). VADER also backs the stance scorer's weak fallback.

nltk's VADER wants its lexicon from an nltk data directory, normally fetched with
nltk's downloader. The ``vaderSentiment`` package (a declared dependency) ships the same lexicon
file, so :func:`vader` reads it from there and never touches the network or ``~/nltk_data``.

AFINN (Nielsen 2011, "A new ANEW: evaluation of a word list for sentiment analysis in
microblogs"; the ``afinn`` package, lexicon under the ODbL) is a second word list, used only as
features of :class:`stance.score.classifier.StanceClassifier`: it knows words VADER lacks.
:func:`afinn_lexicon` reads its English list from the installed package, :func:`afinn_score`
sums it over a text.
"""
from __future__ import annotations

import functools
import os
import string
import types

import nltk
from nltk.sentiment import vader as _nltk_vader
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

#: File name of the lexicon inside the installed ``vaderSentiment`` package (its wheel layout).
VADER_LEXICON_FILE = "vader_lexicon.txt"
#: Texts whose compound score is cached. A statement is scored again for each target and
#: method of its own document, seldom in another, so the cache need hold one document's
#: statements (at most 257 in the bundled press corpus): 4,096 leaves room for long documents.
#: It was 65,536 statement texts (about 400 characters each, in three caches), which held
#: some 50 MB more by 30,000 articles than at 1,000 (benchmarks/scale.py memory growth).
SENTIMENT_CACHE_SIZE = 4096

#: File name of the English AFINN list inside the installed ``afinn`` package (its ``data/``).
AFINN_LEXICON_FILE = "AFINN-en-165.txt"

__all__ = ["vader", "sentiment", "compound", "afinn_lexicon", "afinn_score", "tone_lexicon"]


def _package_file(package: str, *parts: str) -> str:
    """Path of a data file shipped inside an installed package; a clear error if it is absent."""
    import importlib

    path = os.path.join(os.path.dirname(importlib.import_module(package).__file__), *parts)
    if not os.path.isfile(path):
        raise RuntimeError(f"{parts[-1]} not found in the installed '{package}' package at "
                           f"{path}; reinstall it (pip install --force-reinstall {package})")
    return path


class _QuickSentiText(SentiText):
    """nltk's ``SentiText`` with the same words, found without its pair table.

    nltk strips punctuation by building every listed mark before and after every word of the
    text (about 34 dictionary entries per word) and looking each token up; on a statement of a
    few hundred words that table was 40 % of VADER's time on the bundled press corpus. The
    mapping it encodes is a token equal to a listed mark and a punctuation-free word of the
    text, in either order; since marks are all ASCII punctuation and those words hold none, the
    word is the token stripped of punctuation at that end, so one strip per token finds it.
    ``tests/score/test_sentiment.py`` checks the words and the scores against nltk's own.
    """

    def _words_and_emoticons(self):
        marks = set(self.PUNC_LIST)
        plain = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split()
                 if len(w) > 1}
        out = []
        for token in self.text.split():
            if len(token) < 2:
                continue
            word = token.rstrip(string.punctuation)
            if token[len(word):] in marks and word in plain:
                out.append(word)
                continue
            word = token.lstrip(string.punctuation)
            if token[:len(token) - len(word)] in marks and word in plain:
                out.append(word)
                continue
            out.append(token)
        return out


def _quick_polarity_scores():
    """nltk's own ``polarity_scores``, reading :class:`_QuickSentiText` for ``SentiText``; None
    when this nltk's method does not build a ``SentiText`` (then the stock method is used)."""
    method = SentimentIntensityAnalyzer.polarity_scores
    if "SentiText" not in method.__code__.co_names:
        return None
    scope = dict(vars(_nltk_vader), SentiText=_QuickSentiText)
    return types.FunctionType(method.__code__, scope, method.__name__, method.__defaults__,
                              method.__closure__)


class _Analyser(SentimentIntensityAnalyzer):
    """nltk's analyser, its ``polarity_scores`` reading :class:`_QuickSentiText` (same scores,
    faster); a subclass, so that copies of it (the tone analyser) keep the method."""


if _quick_polarity_scores() is not None:
    _Analyser.polarity_scores = _quick_polarity_scores()


def _may_have_tone(text: str, lexicon) -> bool:
    """False only when no word VADER reads in ``text`` is in ``lexicon``.

    VADER's words are the text's white-space tokens, some with a run of punctuation cut off at
    one end (:class:`_QuickSentiText`); each is looked up lower-cased. Lower-casing a text
    neither makes nor removes white space or ASCII punctuation (``tests/score/
    test_sentiment.py`` checks every code point), so the tokens of ``text.lower()``, whole or
    stripped of punctuation at one end, hold every word VADER can look up, and some more.
    """
    for token in text.lower().split():
        if token in lexicon or token.rstrip(string.punctuation) in lexicon or \
                token.lstrip(string.punctuation) in lexicon:
            return True
    return False


def compound(analyser: SentimentIntensityAnalyzer, text: str) -> float:
    """``analyser``'s compound score of ``text``: VADER's own, without running it when no
    word of the text is in its lexicon.

    Every valence VADER sums comes from a lexicon word (boosters, negation, "but" and
    punctuation only scale or add to a non-zero sum), so such a text scores 0.0, as VADER would
    give it. On the bundled press corpus 45 % of the texts the default method asks VADER about
    (19,690 of 43,735) are such texts.

    Examples
    --------
    >>> compound(vader(), "the talks were held on Tuesday"), compound(vader(), "a good day") > 0
    (0.0, True)
    """
    if not text.strip() or not _may_have_tone(text, analyser.lexicon):
        return 0.0
    return float(analyser.polarity_scores(text)["compound"])


@functools.lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """Return nltk's VADER analyser, built once from the lexicon bundled with ``vaderSentiment``.

    Returns
    -------
    nltk.sentiment.vader.SentimentIntensityAnalyzer
        A shared analyser; treat it as read-only.

    Raises
    ------
    RuntimeError
        If the installed ``vaderSentiment`` package has no lexicon file.

    Examples
    --------
    >>> vader().polarity_scores("a good day")["compound"] > 0
    True
    """
    directory = os.path.dirname(_package_file("vaderSentiment", VADER_LEXICON_FILE))
    # nltk >= 3.9 only opens files below a directory on nltk.data.path, so the package directory
    # is put there just for the one load and taken off again: nothing global is left changed.
    nltk.data.path.insert(0, directory)
    try:
        return _Analyser(lexicon_file=VADER_LEXICON_FILE)
    finally:
        nltk.data.path.remove(directory)


@functools.lru_cache(maxsize=SENTIMENT_CACHE_SIZE)
def sentiment(text: str) -> float:
    """Return VADER's compound sentiment of ``text`` in [-1, 1].

    Parameters
    ----------
    text : str
        Any text; the empty string scores 0.

    Returns
    -------
    float
        The compound score: tone, not stance.

    Examples
    --------
    >>> sentiment("We condemn the brutal attack.") < 0
    True
    """
    return compound(vader(), text)


@functools.lru_cache(maxsize=1)
def afinn_lexicon() -> dict[str, int]:
    """Return the English AFINN word list (word or phrase -> valence from -5 to 5).

    Read from the data file that the ``afinn`` package ships, so nothing is downloaded.

    Returns
    -------
    dict of str to int
        A shared mapping; treat it as read-only.

    Raises
    ------
    RuntimeError
        If the installed ``afinn`` package has no English list.

    Examples
    --------
    >>> afinn_lexicon()["good"] > 0
    True
    """
    path = _package_file("afinn", "data", AFINN_LEXICON_FILE)
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, sep, value = line.rstrip("\n").rpartition("\t")
            if sep and word:
                out[word.strip()] = int(value)
    return out


@functools.lru_cache(maxsize=1)
def tone_lexicon() -> dict[str, float]:
    """VADER's lexicon with the single words of the AFINN list that VADER lacks.

    VADER has no entry for many words that judge people in news ("arrogant", "allegations",
    "atrocious", "blackmail", "breach"); AFINN has about 700 single words VADER lacks. They come
    with their AFINN value (-5 .. +5, read on VADER's -4 .. +4 scale unchanged: a factor of 0.5
    or 0.8 scored the same or lower on NewsMTSC train); words VADER has keep VADER's value.
    Used by :func:`stance.score.score_span`'s tone fallback and the classifier's polar-word
    features; :func:`sentiment` stays plain VADER.

    Returns
    -------
    dict of str to float
        A shared mapping; treat it as read-only.

    Examples
    --------
    >>> "atrocious" in vader().lexicon, tone_lexicon()["atrocious"] < 0
    (False, True)
    """
    lexicon = dict(vader().lexicon)
    for word, value in afinn_lexicon().items():
        if " " not in word and word not in lexicon:
            lexicon[word] = float(value)
    return lexicon


@functools.lru_cache(maxsize=1)
def _afinn_pattern():
    import re

    # Longest phrases first, so "does not work" wins over "work". A word ends where no word
    # character follows and no apostrophe leads on into one, so the "won" of "won't" is no win.
    # Grouped by first letter, so each position tries only the entries that can start there:
    # the same matches as one flat longest-first alternation (the groups exclude each other),
    # 12 times faster on the sentences of 1,000 press items (benchmarks/README.md).
    groups: dict[str, list[str]] = {}
    for word in sorted(afinn_lexicon(), key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in tails) + ")"
        for first, tails in sorted(groups.items())) + r")(?!\w|['’]\w)")


@functools.lru_cache(maxsize=SENTIMENT_CACHE_SIZE)
def afinn_score(text: str) -> int:
    """Return the AFINN sum of ``text``: the valences of its listed words and phrases.

    Parameters
    ----------
    text : str
        Any text; matched lower-cased, phrases before their words.

    Returns
    -------
    int
        Summed valence (0 when no listed word occurs). Tone, not stance.

    Examples
    --------
    >>> afinn_score("a good day") > 0, afinn_score("a terrible war") < 0
    (True, True)
    """
    if not text.strip():
        return 0
    lexicon = afinn_lexicon()
    return int(sum(lexicon[m] for m in _afinn_pattern().findall(text.lower())))
