"""Stage 6b, classify: the features of a (text, mention) row, computed without fitting.

:class:`stance.score.classifier.StanceClassifier` learns from :func:`feature_matrix`;
:class:`stance.score.model.StanceModel` uses its lexicon block, :func:`lexicon_features`. All of
it is stateless code (hashing vectorisers and the rule-based scorer of :mod:`stance.score`), so
a trained model needs nothing from here but :data:`FEATURE_VERSION`.

The features of one row, the stance that ``text`` expresses toward the mention
``text[start:end]``:

* word uni- and bigrams of the sentence with the mention replaced by a placeholder (``<T>``), so
  the words around the target, not its name, carry the signal; words inside a negation's scope
  get a second, ``not_``-prefixed copy;
* character n-grams of the same masked, lower-cased sentence (robust to inflection and typos);
* n-grams of the ``window`` words just before and just after the mention, as separate feature
  sets, so "<T> attacked" and "attacked <T>" are told apart;
* with ``use_positions=True``: each nearby word and word pair tagged with its side and its
  distance from the mention in buckets (1, 2, 3-4, 5-8, 9+ words), and the same for the sign of
  every polar word (VADER or AFINN) within 20 words, so "attacked" right before the target
  weighs differently from "attacked" at the far end of the sentence;
* with ``use_relation=True``: the speaker's relation to the target, from an optional
  ``relation`` column of ``X`` (``own``: the speaker's own state; ``other``; ``unknown``, also
  when the column is absent), one indicator each;
* with ``use_lexicon=True``: the lexicon scorer's score and label, its rule families (with the
  sign of their contribution) and cue words, VADER compound sentiment of the sentence, of each
  context window and of the mention's clause, and the summed VADER valence of the polar words
  around the mention (also weighted by closeness to it), and the AFINN sums of the sentence,
  the clause and the two windows.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import functools
import re
from typing import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

__all__ = ["feature_matrix", "n_feature_columns", "lexicon_features", "check_mention_frame",
           "LEXICON_FEATURE_NAMES", "RELATIONS", "FEATURE_VERSION"]

#: Values of the optional ``relation`` column (``use_relation=True``).
RELATIONS = ("own", "other", "unknown")

#: Version of these features, written into a saved classifier and checked when it is loaded;
#: bumped whenever the features change, so an old model is not silently read with new features.
#: 2: :func:`stance.score.score_span` falls back to the tone of the mention's clause
#: (``fallback:vader-clause``), which changes the lexicon features.
#: 3: position-tagged context words, word pairs and polar-word signs; AFINN sums; and
#: ``score_span``'s fallback adds AFINN words, reads the rest of the sentence when the clause
#: has no tone (``fallback:vader-sentence``) and drops a speaker's negative tone.
FEATURE_VERSION = 3

#: Placeholder for the target mention. Angle brackets never occur in the tokens of real text,
#: because :data:`_TOKEN` only keeps word characters and a few punctuation marks.
_TARGET_TOKEN = "<T>"
#: Placeholder word for the mention inside the character n-gram text (a non-word in English).
_TARGET_CHARS = " qqtgtqq "
#: Words and the punctuation that signals quotation, questions and emphasis.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[!?\"“”]")
#: Negators that open a negation scope (the usual list of sentiment-analysis work, cf. Das &
#: Chen 2001, Pang et al. 2002: a scope runs from the negator to the next punctuation mark).
_NEGATORS = frozenset({"not", "no", "never", "nor", "without", "cannot", "none", "nobody",
                       "nothing", "neither", "n't", "don't", "doesn't", "didn't", "isn't",
                       "wasn't", "aren't", "weren't", "won't", "wouldn't", "can't", "couldn't",
                       "shouldn't", "hasn't", "haven't", "hadn't"})
#: Characters that close a negation scope.
_SCOPE_END = re.compile(r"[.,;:!?()\"“”]")

#: Weight of the dense (lexicon and VADER) features relative to the hashed n-gram blocks. Each
#: n-gram block is L2-normalised to length 1, so a dense feature in [-1, 1] at weight 1 can move
#: the decision as much as a whole block. Not tuned.
_DENSE_SCALE = 1.0


# --------------------------------------------------------------------------------------------
# Lexicon features: the rule-based scorer and VADER
# --------------------------------------------------------------------------------------------

def _score_span(text: str, start: int, end: int):
    from .frames import score_span
    return score_span(text, start, end)


def _sentiment(text: str) -> float:
    from .sentiment import sentiment
    return float(sentiment(text)) if text.strip() else 0.0


#: One rule's entry in :attr:`stance.score.SpanScore.evidence`: an optional modifier (a negation
#: that flipped or cancelled it, the own-side rule), the rule family (``verb:object``,
#: ``frame:patient``, ``fallback``, ...), and its signed contribution in parentheses.
_EVIDENCE_PART = re.compile(r"^(?P<neg>negation '[^']*' \w+ )?(?P<own>own side cancels )?"
                            r"(?P<rule>[a-z_]+(?::[a-z_-]+)?)")
_EVIDENCE_VALUE = re.compile(r"\(([+-]\d+(?:\.\d+)?)")
#: Evidence separators used by :mod:`stance.score` between rules and between mentions.
_EVIDENCE_SPLIT = re.compile(r"; | \| ")


def _lexicon_tokens(span) -> list[str]:
    """Hashed features of a :class:`stance.score.SpanScore`: rule families, signs, cue words.

    A rule family is counted with the sign of its contribution (``rule=frame:patient:-``), with
    a ``neg`` marker when a negation modified it, and each cue word with the sign of the score.
    Rule names unknown today still become features, so the scorer can grow new rules.
    """
    out = []
    evidence = str(getattr(span, "evidence", "") or "")
    for part in _EVIDENCE_SPLIT.split(evidence):
        m = _EVIDENCE_PART.match(part.strip())
        if not m or m.group("rule") == "no":  # "no cue", "no words in the mention"
            continue
        rule = m.group("rule")
        value = _EVIDENCE_VALUE.findall(part)
        sign = "0" if not value or float(value[-1]) == 0 else ("+" if float(value[-1]) > 0 else "-")
        out.append(f"rule={rule}")
        out.append(f"rule={rule}:{sign}")
        if m.group("neg"):
            out.append(f"negated:{sign}")
        if m.group("own"):
            out.append("own_side")
    score = float(span.score)
    sign = "0" if score == 0 else ("+" if score > 0 else "-")
    for cue in tuple(getattr(span, "cues", ()) or ()):
        out.append(f"cue={str(cue).lower()}:{sign}")
    return out or ["no_rule"]


#: Names of the dense features, in column order.
_DENSE_NAMES = ("lex_score", "lex_favor", "lex_against", "lex_rule_fired", "sent_all",
                "sent_left", "sent_right", "sent_clause",
                "valence_pos", "valence_neg", "valence_left_pos", "valence_left_neg",
                "valence_right_pos", "valence_right_neg", "valence_near_left",
                "valence_near_right", "afinn_all", "afinn_clause", "afinn_left", "afinn_right")
#: VADER's scalar for a negated word's valence (``N_SCALAR`` in vaderSentiment).
_VADER_NEGATION = -0.74
#: A negator flips the valence of the next words up to this many (VADER looks 3 words back).
_VADER_NEGATION_SCOPE = 3
#: Divisor of summed valences before ``log1p`` (VADER valences run to ±4; a sum of 2 is one
#: clearly polar word).
_VALENCE_UNIT = 2.0
#: Divisor of distance-weighted valences before ``tanh`` (the VADER word range, ±4).
_VALENCE_NEAR_UNIT = 4.0
#: Divisor of AFINN sums before ``tanh`` (AFINN valences run to ±5; one strong word is 0.6).
_AFINN_UNIT = 5.0


def _valences(tokens: Sequence[str]) -> list[float]:
    """VADER lexicon valence of each token (0 when absent), flipped inside a negation scope."""
    return _scoped_valences(tokens, 0)[0]


def _scoped_valences(tokens: Sequence[str], scope: int) -> tuple[list[float], int]:
    """:func:`_valences` from a negation scope of ``scope`` more words; and the scope left."""
    lexicon = _vader_lexicon()
    out = []
    for tok in tokens:
        if _is_negator(tok):
            scope = _VADER_NEGATION_SCOPE
            continue
        v = float(lexicon.get(tok, 0.0))
        if scope:
            v *= _VADER_NEGATION
            scope -= 1
        out.append(v)
    return out, scope


def _pos_neg(values) -> list[float]:
    """Positive and negative valence mass of ``values``, log-scaled."""
    return [float(np.log1p(sum(v for v in values if v > 0) / _VALENCE_UNIT)),
            float(np.log1p(-sum(v for v in values if v < 0) / _VALENCE_UNIT))]


def _valence_features(left_tokens: Sequence[str], right_tokens: Sequence[str],
                      window: int) -> list[float]:
    """Polar word mass around the mention: sentence, windows, and weighted by closeness."""
    left, right = _valences(left_tokens), _valences(right_tokens)
    near_left = sum(v / (1 + i) for i, v in enumerate(reversed(left)))
    near_right = sum(v / (1 + i) for i, v in enumerate(right))
    return (_pos_neg(left + right) + _pos_neg(left[-window:] if window else [])
            + _pos_neg(right[:window]) + [float(np.tanh(near_left / _VALENCE_NEAR_UNIT)),
                                         float(np.tanh(near_right / _VALENCE_NEAR_UNIT))])


#: Buckets of the hashed lexicon-token block (rule families x signs and cue words: a few hundred
#: distinct values, so collisions are rare).
_LEXICON_BUCKETS = 2 ** 14


def _dense_features(span, text: str, ex, valence: list[float]) -> list[float]:
    """The dense lexicon row: the lexicon score, VADER and AFINN of ``text`` and of the raw
    pieces of ``ex`` (``left_text``, ``right_text``, ``clause``), and the ``valence`` block."""
    if span is None:  # empty mention
        lexicon = [0.0, 0.0, 0.0, 0.0]
    else:
        label = str(getattr(span, "label", "neutral"))
        evidence = str(getattr(span, "evidence", "") or "")
        fired = bool(evidence) and not evidence.startswith(("no ", "fallback"))
        lexicon = [float(span.score), float(label == "favor"), float(label == "against"),
                   float(fired)]
    return (lexicon + [_sentiment(text), _sentiment(ex.left_text), _sentiment(ex.right_text),
                       _sentiment(ex.clause)]
            + valence
            + [float(np.tanh(_afinn(t) / _AFINN_UNIT))
               for t in (text, ex.clause, ex.left_text, ex.right_text)])


def check_mention_frame(X) -> pd.DataFrame:
    """``X`` itself if it is a DataFrame with the columns ``text``, ``start``, ``end``."""
    if not isinstance(X, pd.DataFrame):
        raise TypeError("X must be a pandas DataFrame with columns text, start, end "
                        f"(the target mention is text[start:end]); got {type(X).__name__}")
    missing = [c for c in ("text", "start", "end") if c not in X.columns]
    if missing:
        raise ValueError(f"X lacks the column(s) {', '.join(missing)}; it needs text, start "
                         "and end (the target mention is text[start:end])")
    return X


#: Names of the columns of :func:`lexicon_features`.
LEXICON_FEATURE_NAMES = _DENSE_NAMES


def lexicon_features(texts: Sequence[str], starts: Sequence[int], ends: Sequence[int], *,
                     window: int = 5) -> np.ndarray:
    """The dense lexicon block of :func:`feature_matrix` for (text, mention) rows.

    The rule-based scorer's score, label and whether a rule fired, VADER and AFINN sentiment
    of the text, the mention's clause and the ``window`` words on each side, and the valence
    sums around the mention (:data:`LEXICON_FEATURE_NAMES`); one row per mention.
    """
    rows = []
    window = int(window)
    valences: dict[str, _TextValences] = {}  # a statement's mentions come together
    for text, s, e in zip(texts, starts, ends):
        text, s, e = str(text), int(s), int(e)
        if text not in valences:
            valences[text] = _TextValences(text)
        ex = _DenseExample(text, s, e, window)
        span = _score_span(text, s, e) if e > s else None
        rows.append(_dense_features(span, text, ex, valences[text].features(s, e, window)))
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(_DENSE_NAMES))


class _DenseExample:
    """The raw-text pieces of a (text, mention) row that the dense block reads (those of
    :class:`_Example`, without its token lists)."""

    __slots__ = ("left_text", "right_text", "clause")

    def __init__(self, text: str, start: int, end: int, window: int):
        self.left_text, self.right_text, self.clause = _raw_pieces(text, start, end, window)


def _raw_pieces(text: str, start: int, end: int, window: int) -> tuple[str, str, str]:
    """About ``window`` words of raw text on each side of the mention (for VADER), and its
    clause."""
    left = " ".join(text[:start].split()[-window:]) if window > 0 else ""
    right = " ".join(text[end:].split()[:window]) if window > 0 else ""
    return left, right, _clause_around(text, start, end)


class _TextValences:
    """The tokens of one text and their VADER valences, read once for all of its mentions.

    :func:`_valence_features` walks every token on both sides of a mention, so a statement with
    k mentions cost k walks of its whole text (about a quarter of the model method's lexicon
    block on press items). Here the text is tokenised once, and each mention reads only the
    polar tokens on either side, plus the pieces of a token its edge cuts ("Russia" in
    "Russia's"); the values, and the order they are summed in, are those of
    :func:`_valence_features`, so the features are the same floats
    (``tests/score/test_features.py`` compares the two). A text whose lower-casing is not
    character for character takes that function.
    """

    def __init__(self, text: str):
        low = text.lower()
        self.text, self.low = text, low
        # Final sigma makes lower() depend on what follows, so a cut text could lower otherwise.
        self.exact = len(low) == len(text) and "\u03a3" not in text
        if not self.exact:
            return
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(low)]
        self.starts = [a for a, _, _ in tokens]
        self.ends = [b for _, b, _ in tokens]
        lexicon = _vader_lexicon()
        self.kept_before = [0]     # non-negator tokens before each token: list positions
        self.prev_negator = [-1]   # the last negator before each token, -1 if none
        self.polar: list[int] = []  # tokens with a valence, not negators
        self.value: list[float] = []
        for k, (_, _, tok) in enumerate(tokens):
            negator = _is_negator(tok)
            self.kept_before.append(self.kept_before[-1] + (not negator))
            self.prev_negator.append(k if negator else self.prev_negator[-1])
            if not negator:
                v = float(lexicon.get(tok, 0.0))
                if v:
                    self.polar.append(k)
                    self.value.append(v)

    @staticmethod
    def _loose(tokens, scope: int, pos: int, out: list) -> tuple[int, int]:
        """:func:`_valences` over a few loose tokens from ``scope``, their non-zero values
        appended to ``out`` from list position ``pos``; returns (scope, pos) after them."""
        values, scope = _scoped_valences(tokens, scope)
        out.extend((pos + i, v) for i, v in enumerate(values) if v)
        return scope, pos + len(values)

    def _side(self, before: list[str], lo: int, hi: int, after: list[str]):
        """(list position, valence) of the non-zero valences of the side ``before`` + tokens
        ``lo..hi-1`` + ``after``, read from a fresh negation scope as :func:`_valences` does;
        and the length of its valence list."""
        out: list[tuple[int, float]] = []
        scope, pos = self._loose(before, 0, 0, out)
        base = self.kept_before[lo]
        for n in range(bisect_left(self.polar, lo), bisect_left(self.polar, hi)):
            k, v = self.polar[n], self.value[n]
            p = self.prev_negator[k]
            # after a negator inside the side, its scope; before any, what ``before`` left
            if (k - p <= _VADER_NEGATION_SCOPE) if p >= lo else (k - lo < scope):
                v *= _VADER_NEGATION
            out.append((pos + self.kept_before[k] - base, v))
        if after:
            p = self.prev_negator[hi]
            scope = (max(0, _VADER_NEGATION_SCOPE - (hi - 1 - p)) if p >= lo
                     else max(0, scope - (hi - lo)))
        pos += self.kept_before[hi] - base
        _, pos = self._loose(after, scope, pos, out)
        return out, pos

    def features(self, start: int, end: int, window: int) -> list[float]:
        """:func:`_valence_features` of the mention ``text[start:end]``."""
        if not self.exact:
            return _valence_features(_tokens(self.text[:start]), _tokens(self.text[end:]),
                                     window)
        starts, ends, low = self.starts, self.ends, self.low
        n = len(starts)
        a = bisect_right(ends, start)         # tokens wholly before the mention
        b = max(a, bisect_left(starts, end))  # the first token wholly after it
        # A token the mention's edge cuts leaves its outer piece to that side.
        left_cut = (_TOKEN.findall(low[starts[a]:start]) if a < n and starts[a] < start
                    else [])
        right_cut = (_TOKEN.findall(low[end:ends[b - 1]]) if b > 0 and ends[b - 1] > end
                     and starts[b - 1] < end else [])
        left, size = self._side([], 0, a, left_cut)
        right, _ = self._side(right_cut, b, n, [])

        near_left = sum(v / (1 + (size - 1 - j)) for j, v in reversed(left))
        near_right = sum(v / (1 + j) for j, v in right)
        return (_pos_neg([v for _, v in left] + [v for _, v in right])
                + _pos_neg([v for j, v in left if j >= size - window] if window else [])
                + _pos_neg([v for j, v in right if j < window])
                + [float(np.tanh(near_left / _VALENCE_NEAR_UNIT)),
                   float(np.tanh(near_right / _VALENCE_NEAR_UNIT))])


def _is_negator(tok: str) -> bool:
    return tok in _NEGATORS or tok.endswith("n't")


def _vader_lexicon() -> dict:
    from .sentiment import vader
    return vader().lexicon


def _afinn(text: str) -> int:
    from .sentiment import afinn_score
    return afinn_score(text)


# --------------------------------------------------------------------------------------------
# Position features: which words stand how far from the mention, on which side
# --------------------------------------------------------------------------------------------

#: Context words on each side that get a position-tagged feature. The three reaches below were
#: measured together by 5-fold cross-validation on NewsMTSC train (macro-F1 0.659 without the
#: position families, 0.668 with all three and the AFINN sums; ``benchmarks/external.py
#: --tune``); not tuned one by one. The ``window`` of the older families is as flat: 3 / 5 / 8
#: words gave 0.672 / 0.670 / 0.673.
_POSITION_WORDS = 12
#: Context words on each side whose adjacent pairs get a position-tagged feature.
_POSITION_PAIR_WORDS = 8
#: Context words on each side whose polarity sign (VADER, else AFINN) gets a feature.
_POLAR_WORDS = 20


def _bucket(distance: int) -> str:
    """Distance bucket of a context word: 1, 2, 3-4, 5-8 or 9 and more words away."""
    if distance <= 2:
        return str(distance)
    return "3" if distance <= 4 else ("5" if distance <= 8 else "9")


@functools.lru_cache(maxsize=1)
def _polarity_lexicon() -> dict[str, int]:
    """Sign of each word's valence: VADER's where it has one, else AFINN's (single words)."""
    from .sentiment import tone_lexicon
    return {w: int(np.sign(v)) for w, v in tone_lexicon().items() if v}


def _position_words(ex: "_Example") -> list[str]:
    """``l3:attacked``: the word ``attacked`` 3-4 words left of the mention."""
    return ([f"l{_bucket(i + 1)}:{w}" for i, w in enumerate(ex.before[:_POSITION_WORDS])]
            + [f"r{_bucket(i + 1)}:{w}" for i, w in enumerate(ex.after[:_POSITION_WORDS])])


def _position_pairs(ex: "_Example") -> list[str]:
    """``r1:was praised``: a word pair starting right after the mention, in reading order."""
    left, right = ex.before[:_POSITION_PAIR_WORDS], ex.after[:_POSITION_PAIR_WORDS]
    return ([f"l{_bucket(i + 1)}:{left[i + 1]} {left[i]}" for i in range(len(left) - 1)]
            + [f"r{_bucket(i + 1)}:{right[i]} {right[i + 1]}" for i in range(len(right) - 1)])


def _polar_positions(ex: "_Example") -> list[str]:
    """``l1-``: a negative word right before the mention; ``r+``: a positive one after it."""
    signs = _polarity_lexicon()
    out = []
    for side, words in (("l", ex.before), ("r", ex.after)):
        for i, w in enumerate(words[:_POLAR_WORDS]):
            sign = signs.get(w, 0)
            if sign:
                mark = "+" if sign > 0 else "-"
                out += [f"{side}{_bucket(i + 1)}{mark}", f"{side}{mark}"]
    return out or ["no_polar_word"]


# --------------------------------------------------------------------------------------------
# Text features
# --------------------------------------------------------------------------------------------

def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _negation_marked(text: str) -> list[str]:
    """Tokens of ``text`` inside a negation scope, prefixed ``not_`` (the negator excluded)."""
    out = []
    for piece in _SCOPE_END.split(text.lower()):
        toks = _TOKEN.findall(piece)
        for i, tok in enumerate(toks):
            if tok in _NEGATORS or tok.endswith("n't"):
                out.extend("not_" + t for t in toks[i + 1:])
                break
    return out


def _ngrams(tokens: Sequence[str], lo: int, hi: int, prefix: str) -> list[str]:
    out = []
    n_tok = len(tokens)
    for n in range(lo, hi + 1):
        for i in range(n_tok - n + 1):
            out.append(prefix + " ".join(tokens[i:i + n]))
    return out


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause holding the mention: from the previous to the next ``, ; : ( )`` or dash."""
    stops = ",;:()—–"
    lo = max(text.rfind(c, 0, start) for c in stops) + 1
    his = [text.find(c, end) for c in stops]
    hi = min([h for h in his if h >= 0], default=len(text))
    return text[lo:hi]


class _Example:
    """The pieces of one (text, mention) example that the feature families need."""

    __slots__ = ("words", "target_at", "left", "right", "before", "after", "chars",
                 "left_text", "right_text", "clause")

    def __init__(self, text: str, start: int, end: int, window: int):
        left_tokens = _tokens(text[:start])
        right_tokens = _tokens(text[end:])
        self.words = left_tokens + [_TARGET_TOKEN] + right_tokens
        self.target_at = len(left_tokens)
        self.left = left_tokens[-window:] if window > 0 else []
        self.right = right_tokens[:window] if window > 0 else []
        # all words before the mention, nearest first, and all words after it
        self.before = left_tokens[::-1]
        self.after = right_tokens
        self.chars = text[:start].lower() + _TARGET_CHARS + text[end:].lower()
        self.left_text, self.right_text, self.clause = _raw_pieces(text, start, end, window)



# --------------------------------------------------------------------------------------------
# The feature matrix
# --------------------------------------------------------------------------------------------

def _identity(tokens):
    return tokens


def _hashers(n_features: int, char_ngram_range):
    word = HashingVectorizer(analyzer=_identity, n_features=n_features,
                             alternate_sign=False, norm="l2", lowercase=False)
    chars = None
    if char_ngram_range is not None:
        chars = HashingVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngram_range),
                                  n_features=n_features, alternate_sign=False,
                                  norm="l2", lowercase=False, dtype=np.float64)
    return word, chars


def _word_features(ex: _Example, word_ngram_range) -> list[str]:
    lo, hi = word_ngram_range
    feats = _ngrams(ex.words, lo, hi, "w:")
    feats += _ngrams(ex.left, lo, hi, "L:")
    feats += _ngrams(ex.right, lo, hi, "R:")
    feats += ["neg:" + t for t in _negation_marked(" ".join(ex.words))]
    return feats


def feature_matrix(X: pd.DataFrame, *, window: int, word_ngram_range, char_ngram_range,
                   n_features: int, use_positions: bool, use_relation: bool,
                   use_lexicon: bool) -> sp.csr_matrix:
    """Return the feature matrix of the (text, mention) rows of ``X``.

    Parameters
    ----------
    X : DataFrame with columns ``text``, ``start``, ``end``
        One row per (text, target mention) pair, as :func:`check_mention_frame` accepts it;
        an optional ``relation`` column is read with ``use_relation=True``.
    window, word_ngram_range, char_ngram_range, n_features, use_positions, use_relation, use_lexicon
        As the parameters of :class:`stance.score.classifier.StanceClassifier`.

    Returns
    -------
    scipy.sparse.csr_matrix of shape (n_samples, n_feature_columns(...))
        Word block, character block (unless ``char_ngram_range=None``), with
        ``use_positions=True`` the three position blocks, with ``use_relation=True`` the
        relation indicators and, with ``use_lexicon=True``, the dense lexicon block and the
        hashed rule block, side by side.

    Raises
    ------
    ValueError
        A row's mention offsets do not fit in its text.
    """
    texts = X["text"].astype(str).tolist()
    starts = X["start"].astype(int).tolist()
    ends = X["end"].astype(int).tolist()
    examples = []
    for i, (text, s, e) in enumerate(zip(texts, starts, ends)):
        if not 0 <= s <= e <= len(text):
            raise ValueError(f"row {i}: the mention offsets start={s}, end={e} do not fit in "
                             f"a text of {len(text)} characters")
        examples.append(_Example(text, s, e, int(window)))
    word, chars = _hashers(n_features, char_ngram_range)
    blocks = [word.transform([_word_features(ex, word_ngram_range) for ex in examples])]
    if chars is not None:
        blocks.append(chars.transform([ex.chars for ex in examples]))
    if use_positions:
        for family in (_position_words, _position_pairs, _polar_positions):
            blocks.append(word.transform([family(ex) for ex in examples]))
    if use_relation:
        rel = (X["relation"].astype(str).tolist() if "relation" in X.columns
               else ["unknown"] * len(examples))
        blocks.append(sp.csr_matrix(np.array([[r == k for k in RELATIONS] for r in rel],
                                             dtype=np.float64).reshape(len(rel), 3)))
    if use_lexicon:
        spans = [_score_span(t, s, e) if e > s else None
                 for t, s, e in zip(texts, starts, ends)]
        dense = np.array([_dense_features(span, t, ex, _valence_features(
                              ex.words[:ex.target_at], ex.words[ex.target_at + 1:], int(window)))
                          for span, t, ex in zip(spans, texts, examples)],
                         dtype=np.float64).reshape(len(examples), len(_DENSE_NAMES))
        lexicon = HashingVectorizer(analyzer=_identity, n_features=_LEXICON_BUCKETS,
                                    alternate_sign=False, norm=None, binary=True)
        blocks.append(sp.csr_matrix(dense * _DENSE_SCALE))
        blocks.append(lexicon.transform([_lexicon_tokens(span) if span is not None
                                         else ["no_mention"] for span in spans]))
    return sp.hstack(blocks, format="csr")


def n_feature_columns(*, char_ngram_range, n_features: int, use_positions: bool,
                      use_relation: bool, use_lexicon: bool) -> int:
    """Number of columns of :func:`feature_matrix` with these parameters (any number of rows)."""
    n = n_features * ((1 if char_ngram_range is None else 2) + (3 if use_positions else 0))
    n += len(RELATIONS) if use_relation else 0
    return n + (len(_DENSE_NAMES) + _LEXICON_BUCKETS if use_lexicon else 0)
