"""Stage 6d, model: stance from a frozen pretrained encoder, the pipeline's knowledge and the
lexicon's cues (a scikit-learn estimator).

:class:`StanceModel` predicts the stance (``against`` / ``neutral`` / ``favor``) of a text
toward the mention ``text[start:end]``. Its features, for each (text, mention) row:

* **encoder block**: the sentence(s) of ``text`` holding the mention go through the encoder
  (:mod:`stance.score.encoder`, a fine-tuned all-MiniLM-L6-v2 by default) once; the token vectors are averaged
  over the mention, the words before it, the words after it and the whole window (4 × 384);
* **lexicon block**: the rule-based scorer's score, label and cue firing, and VADER/AFINN
  tone around the mention (:func:`stance.score.features.lexicon_features`), so tone and rules are
  inputs the model can weigh, not its answer;
* **relation block**: the speaker's relation to the target from the actor registry
  (``own`` state, ``other``, ``unknown``), from an optional ``relation`` column, which a
  mention-level corpus such as NewsMTSC cannot know;
* **side block**: the speaker's affiliation paired with the target (optional columns
  ``affiliation`` and ``target``), one indicator per pair seen at least
  :data:`MIN_PAIR_ROWS` times in training (say "Russia → NATO"): the prior a reader brings to
  a statement from a side, learned from the training data and stored with the head; a pair
  not seen in training contributes nothing.

The blocks are standardised and fed to a multinomial logistic regression. A fitted model is
saved as plain JSON + ``.npz`` carrying the encoder's identity (name, packaging, SHA-256 of its
weights) and :data:`FEATURE_VERSION`; loading it beside another encoder or feature version
fails with a message. Each prediction can name its nearest real training statement
(:meth:`StanceModel.neighbours`), part of the evidence the pipeline writes.
"""
from __future__ import annotations

import json
import warnings
import zipfile
from functools import lru_cache
from numbers import Real
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from ..io.atomic import atomic_open, write_text_atomic
from .features import RELATIONS, check_mention_frame, lexicon_features

__all__ = ["StanceModel", "FEATURE_VERSION", "ModelError"]

_FORMAT = "stance-model"
#: Bumped whenever the features change; a head saved with another version is refused.
FEATURE_VERSION = 1
#: Characters kept on each side of the mention when its sentence is longer (transcripts
#: without full stops): about 80 sub-word tokens a side, inside the encoder's 256.
_WINDOW_CHARS = 400
#: Context words on each side for the lexicon block's tone windows (StanceClassifier's
#: default, chosen there by cross-validation on NewsMTSC train).
_LEXICON_WINDOW = 5
#: Training rows (mentions) a speaker-affiliation × target pair needs to get its own
#: indicator; with fewer, its weight would rest on a few statements of one or two documents. In
#: the real training set the pairs kept have 23 to 1,436 rows (ten pairs, mostly Russia and
#: Ukraine); the 20 left out have 1 to 10 each.
MIN_PAIR_ROWS = 20
#: Default inverse regularisation; benchmarks/train_model.py picks C by grouped
#: cross-validation on the real training set and saves the choice with the head.
_DEFAULT_C = 1.0
#: How far below a row's best float32 cosine a training row is still compared in float64. For
#: unit vectors of d entries a float32 dot product is off by at most about d × 2**-24 (the
#: worst-case rounding bound; 2.3e-5 for the 384 of all-MiniLM-L6-v2, 4.6e-5 for 768), so a
#: margin of 1e-3, over twice that for any d below 8,000, keeps every row float64 could rank
#: first.
NEIGHBOUR_MARGIN = 1e-3


class ModelError(ValueError):
    """A model file that cannot be used (format, feature version or encoder mismatch)."""


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) of ``text`` overlapping the mention, clipped around it if very long."""
    lo, hi = start, end
    for s in _sentences(text):
        if s[0] < max(end, start + 1) and s[1] > start:
            lo, hi = min(lo, s[0]), max(hi, s[1])
    if start - lo > _WINDOW_CHARS:
        cut = text.find(" ", start - _WINDOW_CHARS)
        lo = cut + 1 if 0 <= cut < start else start - _WINDOW_CHARS
    if hi - end > _WINDOW_CHARS:
        cut = text.rfind(" ", end, end + _WINDOW_CHARS)
        hi = cut if cut > end else end + _WINDOW_CHARS
    return lo, hi


@lru_cache(maxsize=4096)  # a document's statements, each asked once per mention
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    from ..text.segment import split_sentences
    return tuple((s.start, s.end) for s in split_sentences(text)) or ((0, len(text)),)


def _strings(column: pd.Series, missing: str | None = None) -> list[str]:
    """``column.astype(str).tolist()`` (after ``fillna(missing)`` if given), without pandas'
    copies when the column already holds only strings, as the pipeline's frames do: per
    document those copies cost more than the logistic head."""
    values = column.tolist()
    if all(type(v) is str for v in values):
        return values
    if missing is not None:
        column = column.fillna(missing)
    return column.astype(str).tolist()


def _mean(states: np.ndarray, keep: np.ndarray) -> np.ndarray:
    return states[keep].mean(axis=0) if keep.any() else np.zeros(states.shape[1], np.float32)


def encoder_block(encoder, texts, starts, ends) -> np.ndarray:
    """Mention, left, right and window means of the encoder's token vectors (rows × 4·dim)."""
    windows, keys = [], {}
    spans = []
    for text, s, e in zip(texts, starts, ends):
        lo, hi = _sentence_window(text, s, e)
        w = text[lo:hi]
        if w not in keys:
            keys[w] = len(windows)
            windows.append(w)
        spans.append((keys[w], s - lo, e - lo))
    encoded = encoder.encode(windows) if windows else []
    dim = encoder.identity.dim
    out = np.zeros((len(spans), 4 * dim), dtype=np.float32)
    for row, (k, s, e) in enumerate(spans):
        states, offsets = encoded[k]
        if not len(states):
            continue
        a, b = offsets[:, 0], offsets[:, 1]
        target = (a < e) & (b > s)
        out[row] = np.concatenate([_mean(states, target), _mean(states, b <= s),
                                   _mean(states, a >= e), states.mean(axis=0)])
    return out


@lru_cache(maxsize=4)
def _thread_controller(encoder_path: str):
    """threadpoolctl's view of the thread pools loaded beside an encoder, found once per
    encoder: finding them walks every loaded library, about 1.5 ms a call, which once per
    document was 1.5 % of the default method's time (benchmarks/README.md)."""
    from threadpoolctl import ThreadpoolController
    return ThreadpoolController()


class StanceModel(ClassifierMixin, BaseEstimator):
    """Target-aware stance model: frozen encoder features + lexicon cues + speaker relation,
    logistic regression on top.

    Parameters
    ----------
    C : float, default=1.0
        Inverse L2 regularisation of the logistic regression.
    encoder : str or None, default=None
        Model directory of the encoder; None: ``$STANCE_ENCODER`` or the bundled fine-tuned
        all-MiniLM-L6-v2 (:func:`stance.score.encoder.default_encoder_path`).
    use_lexicon : bool, default=True
        Add the lexicon block.
    use_relation : bool, default=True
        Add the speaker's relation to the target (column ``relation`` of ``X``).
    use_sides : bool, default=True
        Add the speaker-affiliation × target indicators (columns ``affiliation`` and
        ``target`` of ``X``).
    class_weight : dict, "balanced" or None, default=None
        Passed to :class:`~sklearn.linear_model.LogisticRegression`.
    max_iter : int, default=3000
        Iteration limit of the lbfgs solver.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    coef_ : ndarray of shape (n_classes, n_features)
    intercept_ : ndarray of shape (n_classes,)
    mean_, scale_ : ndarray of shape (n_features,)
        Standardisation learned in ``fit``.
    encoder_identity_ : dict
        The encoder the model was fitted with (name, version, weights_sha256, dim).

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"text": ["Critics condemned Ostrava.", "Voters praised Ostrava."],
    ...                   "start": [18, 15], "end": [25, 22]})
    >>> m = StanceModel(C=10.0).fit(X, ["against", "favor"])     # doctest: +SKIP
    >>> m.predict(X).tolist()                                     # doctest: +SKIP
    ['against', 'favor']
    """

    def __init__(self, C=_DEFAULT_C, *, encoder=None, use_lexicon=True, use_relation=True,
                 use_sides=True, class_weight=None, max_iter=3000):
        self.C = C
        self.encoder = encoder
        self.use_lexicon = use_lexicon
        self.use_relation = use_relation
        self.use_sides = use_sides
        self.class_weight = class_weight
        self.max_iter = max_iter

    # ------------------------------------------------------------------------------ features
    def _encoder(self):
        from .encoder import get_encoder
        return get_encoder(None if self.encoder is None else str(self.encoder))

    def thread_limits(self):
        """A context that holds every thread pool (OpenMP, BLAS) to the encoder's thread count.

        Left free, their idle threads spin beside the encoder: on 300 varied press items with
        ``--jobs 1`` the process took 1.4 cores, limited it takes 1.0 at the same wall time
        (36-42 s either way on a 2-core machine), which leaves ``--jobs 2`` its second core.
        """
        encoder = self._encoder()
        encoder.load()  # its own pools (torch's OpenMP, if torch) must be loaded to be found
        return _thread_controller(str(encoder.path)).limit(limits=encoder.threads)

    @staticmethod
    def _check_X(X) -> pd.DataFrame:
        return check_mention_frame(X)

    @staticmethod
    def sides(X) -> list[str]:
        """``"affiliation → target"`` per row of ``X`` ('' where either is unknown)."""
        if "affiliation" not in X.columns or "target" not in X.columns:
            return [""] * len(X)
        return [f"{a} → {t}" if a and t else "" for a, t in
                zip(_strings(X["affiliation"], ""), _strings(X["target"], ""))]

    def learn_sides(self, X) -> "StanceModel":
        """Choose the side indicators: pairs of ``X`` with at least MIN_PAIR_ROWS rows."""
        from collections import Counter
        counts = Counter(p for p in self.sides(X) if p)
        self.sides_ = sorted(p for p, n in counts.items() if n >= MIN_PAIR_ROWS) \
            if self.use_sides else []
        return self

    def side_block(self, X) -> np.ndarray:
        """Indicators of the learned side pairs (rows × len(sides_))."""
        known = {p: i for i, p in enumerate(getattr(self, "sides_", []))}
        out = np.zeros((len(X), len(known)))
        for row, p in enumerate(self.sides(X)):
            if p in known:
                out[row, known[p]] = 1.0
        return out

    def transform(self, X) -> np.ndarray:
        """The unscaled feature matrix of ``X``: :meth:`base_features` and the side block."""
        base = self.base_features(X)
        return np.hstack([base, self.side_block(X)])

    def base_features(self, X) -> np.ndarray:
        """Encoder, lexicon and relation blocks of ``X`` (stateless: needs no fitting)."""
        X = self._check_X(X)
        if not isinstance(self.C, Real) or not self.C > 0:
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        texts = _strings(X["text"])
        starts = X["start"].astype(int).tolist()
        ends = X["end"].astype(int).tolist()
        for i, (t, s, e) in enumerate(zip(texts, starts, ends)):
            if not 0 <= s <= e <= len(t):
                raise ValueError(f"row {i}: the mention offsets start={s}, end={e} do not fit in "
                                 f"a text of {len(t)} characters")
        blocks = [encoder_block(self._encoder(), texts, starts, ends).astype(np.float64)]
        if self.use_lexicon:
            blocks.append(lexicon_features(texts, starts, ends, window=_LEXICON_WINDOW))
        if self.use_relation:
            rel = (_strings(X["relation"]) if "relation" in X.columns
                   else ["unknown"] * len(texts))
            blocks.append(np.array([[r == k for k in RELATIONS] for r in rel],
                                   dtype=np.float64).reshape(len(rel), len(RELATIONS)))
        return np.hstack(blocks)

    # ------------------------------------------------------------------------------ fitting
    def fit(self, X, y, sample_weight=None):
        """Fit on rows of ``X`` (text, start, end[, relation, affiliation, target]) and ``y``."""
        self.learn_sides(X)
        self.fit_features(self.transform(X), y, sample_weight=sample_weight)
        self.n_features_in_ = 3
        self.feature_names_in_ = np.array(["text", "start", "end"], dtype=object)
        return self

    def fit_features(self, F, y, sample_weight=None):
        """Fit on a precomputed :meth:`transform` matrix (cross-validation reuses features;
        call :meth:`learn_sides` first when the matrix has a side block)."""
        if not hasattr(self, "sides_"):
            self.sides_ = []
        F = np.asarray(F, dtype=np.float64)
        y = np.asarray(y)
        self.mean_ = F.mean(axis=0)
        scale = F.std(axis=0)
        self.scale_ = np.where(scale > 1e-12, scale, 1.0)
        lr = LogisticRegression(C=float(self.C), class_weight=self.class_weight,
                                max_iter=int(self.max_iter))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            lr.fit((F - self.mean_) / self.scale_, y, sample_weight=sample_weight)
        self.classes_ = lr.classes_
        self.coef_ = lr.coef_ if len(lr.classes_) > 2 else np.vstack([-lr.coef_, lr.coef_])
        self.intercept_ = (lr.intercept_ if len(lr.classes_) > 2
                           else np.array([-lr.intercept_[0], lr.intercept_[0]]))
        self.encoder_identity_ = self._encoder().identity.as_dict()
        return self

    # ------------------------------------------------------------------------------ predicting
    def proba_from_features(self, F) -> np.ndarray:
        check_is_fitted(self, ("coef_", "intercept_", "classes_", "mean_"))
        z = ((np.asarray(F, dtype=np.float64) - self.mean_) / self.scale_) @ self.coef_.T
        z += self.intercept_
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self, ("coef_", "intercept_", "classes_", "mean_"))
        return ((self.transform(X) - self.mean_) / self.scale_) @ self.coef_.T + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        return self.proba_from_features(self.transform(X))

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def stance_score(self, X) -> np.ndarray:
        """P(favor) − P(against) per row, in [-1, 1]."""
        p = self.predict_proba(X)
        classes = list(self.classes_)
        fav = p[:, classes.index("favor")] if "favor" in classes else 0.0
        ag = p[:, classes.index("against")] if "against" in classes else 0.0
        return fav - ag

    # ------------------------------------------------------------------------------ evidence
    def set_neighbours(self, F, labels, refs) -> "StanceModel":
        """Keep the window vectors of real training rows, to name the nearest one as evidence.

        ``refs`` are plain references (``doc_id@start-end``) into openly licensed texts; no
        training text is stored.
        """
        dim = int(self.encoder_identity_["dim"])
        W = np.asarray(F, dtype=np.float64)[:, 3 * dim:4 * dim]
        W /= np.maximum(np.linalg.norm(W, axis=1, keepdims=True), 1e-12)
        self.neighbour_vectors_ = W.astype(np.float16)
        self.neighbour_labels_ = np.asarray(labels, dtype=str)
        self.neighbour_refs_ = np.asarray(refs, dtype=str)
        return self

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_neighbour_cache", None)  # rebuilt on demand; not worth pickling
        return state

    def _neighbour_matrix(self) -> np.ndarray:
        # Built once per head, not once per document; C order: 2-3 times faster products than
        # the transposed view for the few rows of one document.
        cached = getattr(self, "_neighbour_cache", None)
        if cached is None or cached[0] is not self.neighbour_vectors_:
            cached = (self.neighbour_vectors_,
                      np.ascontiguousarray(self.neighbour_vectors_.T, dtype=np.float32))
            self._neighbour_cache = cached
        return cached[1]

    def neighbours(self, F) -> list[str]:
        """For each feature row, ``"ref (label, cos 0.83)"`` of the nearest training row, or ''.

        All cosines are first taken in float32; the training rows within
        :data:`NEIGHBOUR_MARGIN` of a row's best are then compared in float64, each as an
        element-wise product summed by numpy, so equal training vectors get equal cosines and
        the first of them is named, whatever the BLAS library.
        """
        if getattr(self, "neighbour_vectors_", None) is None or not len(self.neighbour_refs_):
            return [""] * len(F)
        dim = int(self.encoder_identity_["dim"])
        W = np.asarray(F, dtype=np.float64)[:, 3 * dim:4 * dim]
        W /= np.maximum(np.linalg.norm(W, axis=1, keepdims=True), 1e-12)
        rough = W.astype(np.float32) @ self._neighbour_matrix()
        floor = rough.max(axis=1) - NEIGHBOUR_MARGIN
        out = []
        for i, row in enumerate(W):
            near = np.flatnonzero(rough[i] >= floor[i])
            sims = (self.neighbour_vectors_[near].astype(np.float64) * row).sum(axis=1)
            k = int(sims.argmax())
            j = near[k]
            out.append(f"{self.neighbour_refs_[j]} ({self.neighbour_labels_[j]}, "
                       f"cos {sims[k]:.2f})")
        return out

    # ------------------------------------------------------------------------------ files
    def save(self, path) -> Path:
        """Write the head as ``path`` (JSON) and ``path`` with suffix ``.npz`` (no pickles)."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_", "mean_"))
        from .. import __version__
        path = Path(path)
        weights = path.with_suffix(".npz")
        params = self.get_params(deep=False)
        if params.get("encoder") is not None:
            params["encoder"] = None  # a local path means nothing elsewhere; identity says which
        meta = {"format": _FORMAT, "feature_version": FEATURE_VERSION,
                "stance_version": __version__, "encoder": self.encoder_identity_,
                "params": params, "classes": [str(c) for c in self.classes_],
                "sides": list(self.sides_),
                "n_features": int(self.coef_.shape[1]), "weights": weights.name}
        arrays = {"coef": self.coef_, "intercept": self.intercept_, "mean": self.mean_,
                  "scale": self.scale_}
        if getattr(self, "neighbour_vectors_", None) is not None:
            arrays.update(neighbour_vectors=self.neighbour_vectors_,
                          neighbour_labels=self.neighbour_labels_,
                          neighbour_refs=self.neighbour_refs_)
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_open(weights, "wb") as fh:
            np.savez_compressed(fh, **arrays)
        write_text_atomic(path, json.dumps(meta, indent=1, sort_keys=True) + "\n")
        return path

    @classmethod
    def load(cls, path, *, encoder=None) -> "StanceModel":
        """Read a head written by :meth:`save`, for ``encoder`` (default: the default encoder).

        Raises
        ------
        ModelError
            Not a stance model file, another feature version, or an encoder whose weights
            differ from those the head was trained on.
        """
        path = Path(path)
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"{path}: not a stance model file ({exc})") from exc
        if not isinstance(meta, dict) or meta.get("format") != _FORMAT:
            raise ModelError(f"{path}: not a stance model file (no \"format\": \"{_FORMAT}\")")
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ModelError(f"{path}: saved with feature version {meta.get('feature_version')!r}"
                             f", this stance computes version {FEATURE_VERSION}; retrain it "
                             "(benchmarks/train_model.py)")
        params = dict(meta.get("params") or {})
        params["encoder"] = None if encoder is None else str(encoder)
        model = cls(**params)
        saved = dict(meta.get("encoder") or {})
        have = model._encoder().identity
        if saved.get("weights_sha256") != have.weights_sha256:
            raise ModelError(
                f"{path}: this head was trained on the encoder {saved.get('name')!r} "
                f"({saved.get('version')}, weights sha256 {str(saved.get('weights_sha256'))[:12]}"
                f"…), but the encoder in use is {have.name!r} ({have.version}, weights sha256 "
                f"{have.weights_sha256[:12]}…); use that encoder or retrain the head")
        weights = path.parent / str(meta.get("weights", ""))
        if not weights.is_file():
            raise FileNotFoundError(f"{path}: its weights file {weights} is missing")
        try:
            with np.load(weights, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except (ValueError, OSError, zipfile.BadZipFile) as exc:
            raise ModelError(f"{weights}: not a stance model weights file ({exc})") from exc
        model.classes_ = np.asarray(meta["classes"])
        model.coef_ = arrays["coef"]
        model.intercept_ = arrays["intercept"]
        model.mean_ = arrays["mean"]
        model.scale_ = arrays["scale"]
        if model.coef_.shape != (len(model.classes_), int(meta["n_features"])):
            raise ModelError(f"{weights}: the weights do not match the head's description")
        model.encoder_identity_ = saved
        model.sides_ = [str(p) for p in meta.get("sides", [])]
        if "neighbour_vectors" in arrays:
            model.neighbour_vectors_ = arrays["neighbour_vectors"]
            model.neighbour_labels_ = arrays["neighbour_labels"]
            model.neighbour_refs_ = arrays["neighbour_refs"]
        model.n_features_in_ = 3
        model.feature_names_in_ = np.array(["text", "start", "end"], dtype=object)
        return model

