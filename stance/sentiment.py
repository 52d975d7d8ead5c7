"""Plain sentence sentiment (VADER), kept apart from stance.

The stance scorer reports VADER's compound score next to its stance score so that readers can
see the two disagree ("a further invasion of Ukraine would be met with severe consequences" is
negative in tone and in favour of Ukraine). VADER also backs the stance scorer's weak fallback.

nltk's VADER wants its lexicon from an nltk data directory, normally fetched with
nltk's downloader. The ``vaderSentiment`` package (a declared dependency) ships the same lexicon
file, so :func:`vader` reads it from there and never touches the network or ``~/nltk_data``.
"""
from __future__ import annotations

import functools
import os

import nltk
from nltk.sentiment.vader import SentimentIntensityAnalyzer

#: File name of the lexicon inside the installed ``vaderSentiment`` package (its wheel layout).
VADER_LEXICON_FILE = "vader_lexicon.txt"
#: Texts whose compound score is cached; statements repeat across targets and methods.
SENTIMENT_CACHE_SIZE = 65536

__all__ = ["vader", "sentiment"]


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
    import vaderSentiment

    directory = os.path.dirname(vaderSentiment.__file__)
    if not os.path.isfile(os.path.join(directory, VADER_LEXICON_FILE)):
        raise RuntimeError(f"{VADER_LEXICON_FILE} not found in {directory}; reinstall the "
                           "'vaderSentiment' package "
                           "(pip install --force-reinstall vaderSentiment)")
    # nltk >= 3.9 only opens files below a directory on nltk.data.path, so the package directory
    # is put there just for the one load and taken off again: nothing global is left changed.
    nltk.data.path.insert(0, directory)
    try:
        return SentimentIntensityAnalyzer(lexicon_file=VADER_LEXICON_FILE)
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
    if not text.strip():
        return 0.0
    return float(vader().polarity_scores(text)["compound"])
