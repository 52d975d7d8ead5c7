"""Stage 6b, classify: a trainable, target-aware stance classifier (a scikit-learn estimator).

:class:`StanceClassifier` learns the stance (``against`` / ``neutral`` / ``favor``) that a text
expresses toward one mention ``text[start:end]`` inside it. Every feature is computed by
stateless code, :func:`stance.score.features.feature_matrix` (masked word and character
n-grams, context windows, position-tagged words and polar words, the speaker's relation to the
target, and the lexicon scorer's and VADER's view of the mention), so a trained model is
nothing but the parameters, the classes and a linear model's weights: it is saved as plain
JSON plus a NumPy ``.npz`` file, never as a pickle (:mod:`stance.score.classifier_file`).

:func:`ensemble_scores` blends the lexicon score with a model's class probabilities; it is what
``stance score --method ensemble`` uses.
"""
from __future__ import annotations

import warnings
from numbers import Integral, Real
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.utils.multiclass import unique_labels
from sklearn.utils.validation import check_is_fitted

from ..schema import LABELS as _SCHEMA_LABELS
from .classifier_file import read_model, write_model
from .features import check_mention_frame, feature_matrix, n_feature_columns

__all__ = ["StanceClassifier", "ensemble_scores", "LABELS"]

#: The three stance labels, sorted as scikit-learn sorts ``classes_``.
LABELS = tuple(sorted(_SCHEMA_LABELS))

#: Default inverse regularisation strength of the logistic regression. 5-fold cross-validation
#: on NewsMTSC ``train.jsonl`` (``python benchmarks/external.py --tune`` repeats it) is flat:
#: macro-F1 0.668 / 0.670 / 0.670 / 0.669 / 0.671 / 0.670 for C = 0.5 / 1 / 2 / 4 / 8 / 16
#: (feature version 3). With the version-2 features it was 0.656 / 0.659 / 0.659 for C = 1 / 2 /
#: 4, and on the NewsMTSC dev splits C = 2 scored 0.654 against 0.651 for C = 4; 2 kept.
_DEFAULT_C = 2.0
#: Default class weighting: none. Cross-validation on train cannot tell ``None`` from
#: ``"balanced"`` (above), but on the NewsMTSC dev splits balanced weights lost 0.01-0.02
#: macro-F1 at every C tried (0.635-0.644 against 0.651-0.654): the train labels are only
#: mildly skewed (38 % against, 35 % neutral, 27 % favor), and up-weighting ``favor`` mostly
#: turns neutral targets into favor ones.
_DEFAULT_CLASS_WEIGHT = None


# --------------------------------------------------------------------------------------------
# The estimator
# --------------------------------------------------------------------------------------------

class StanceClassifier(ClassifierMixin, BaseEstimator):
    """Target-aware stance classifier: hashed n-grams + lexicon features + logistic regression.

    Parameters
    ----------
    C : float, default=2.0
        Inverse L2 regularisation strength of the logistic regression (chosen by 5-fold
        cross-validation on NewsMTSC ``train.jsonl`` and the dev splits; see
        :data:`_DEFAULT_C`).
    window : int, default=5
        Number of words before and after the mention that form the left and right context
        feature sets (and the texts whose VADER sentiment is a feature).
    word_ngram_range : tuple of (int, int), default=(1, 2)
        Smallest and largest word n-gram of the masked sentence and of the windows.
    char_ngram_range : tuple of (int, int) or None, default=(2, 5)
        Smallest and largest character n-gram (within word boundaries) of the masked sentence;
        ``None`` leaves character n-grams out.
    n_features : int, default=2**18
        Number of hash buckets of each hashed feature family (words, characters). 2**20 scored
        the same in cross-validation on NewsMTSC train and makes four times larger models.
    use_lexicon : bool, default=True
        Add the rule-based scorer's output (:func:`stance.score.score_span`) and the VADER and
        AFINN sentiment of the sentence, the context windows and the mention's clause as
        features.
    use_positions : bool, default=True
        Add the position-tagged families: context words and word pairs, and the signs of polar
        words, each with its side and distance from the mention (three more hashed blocks of
        ``n_features`` buckets each).
    use_relation : bool, default=False
        Add the speaker's relation to the target (column ``relation`` of ``X``: ``own``,
        ``other`` or ``unknown``) as three indicator features. What a mention-level data set
        such as NewsMTSC cannot know, and what the pipeline knows from the actor registry:
        speakers in official communications speak for their own state (see
        ``benchmarks/train_realtext.py``).
    class_weight : dict, "balanced" or None, default=None
        Passed to :class:`~sklearn.linear_model.LogisticRegression` (see
        :data:`_DEFAULT_CLASS_WEIGHT` for why no weighting is the default).
    tol : float, default=1e-3
        Stopping tolerance of the solver (saga: largest relative change of the weights in an
        epoch). 1e-3 gives the same NewsMTSC scores as 1e-4 within 0.01 at a sixth of the time.
    max_iter : int, default=1000
        Epoch limit of the solver.
    random_state : int, RandomState instance or None, default=None
        Seed of saga's sample order; fix it for reproducible weights.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The labels seen in ``fit``, sorted.
    n_iter_ : int
        Epochs the solver ran.
    coef_ : ndarray of shape (n_classes, n_features_total)
        Weights of the linear model (one row per class, also for two classes).
    intercept_ : ndarray of shape (n_classes,)
        Intercepts of the linear model.
    n_features_in_ : int
        Always 3: the columns ``text``, ``start``, ``end``.
    feature_names_in_ : ndarray of str
        ``["text", "start", "end"]``.

    See Also
    --------
    stance.score.score_span : the rule-based scorer whose output is a feature family.
    ensemble_scores : blend the lexicon score with this model's probabilities.

    Notes
    -----
    All features come from stateless functions, so ``fit`` learns only ``coef_`` and
    ``intercept_``; :meth:`save` writes those and the parameters as plain data.

    Examples
    --------
    >>> import pandas as pd
    >>> from stance import StanceClassifier
    >>> X = pd.DataFrame({
    ...     "text": ["Critics condemned Ostrava for the failed reform.",
    ...              "Voters praised Ostrava for the excellent reform.",
    ...              "Ostrava met the delegation on Tuesday.",
    ...              "The council attacked Brno over the disastrous plan.",
    ...              "The council thanked Brno for the wonderful plan.",
    ...              "Brno published the plan on Monday."],
    ...     "start": [18, 15, 0, 21, 20, 0],
    ...     "end": [25, 22, 7, 25, 24, 4]})
    >>> y = ["against", "favor", "neutral", "against", "favor", "neutral"]
    >>> clf = StanceClassifier(C=10.0, use_lexicon=False).fit(X, y)
    >>> clf.classes_.tolist()
    ['against', 'favor', 'neutral']
    >>> clf.predict_proba(X).shape
    (6, 3)
    """

    def __init__(self, C=_DEFAULT_C, *, window=5, word_ngram_range=(1, 2),
                 char_ngram_range=(2, 5), n_features=2 ** 18, use_lexicon=True,
                 use_positions=True, use_relation=False, class_weight=_DEFAULT_CLASS_WEIGHT,
                 tol=1e-3, max_iter=1000, random_state=None):
        self.C = C
        self.window = window
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.n_features = n_features
        self.use_lexicon = use_lexicon
        self.use_positions = use_positions
        self.use_relation = use_relation
        self.class_weight = class_weight
        self.tol = tol
        self.max_iter = max_iter
        self.random_state = random_state

    # ---------------------------------------------------------------------------- validation
    def _check_params(self) -> None:
        if not isinstance(self.C, Real) or not self.C > 0:
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        if not isinstance(self.window, Integral) or self.window < 0:
            raise ValueError(f"window must be a non-negative integer, got {self.window!r}")
        for name in ("word_ngram_range", "char_ngram_range"):
            value = getattr(self, name)
            if value is None and name == "char_ngram_range":
                continue
            if (not isinstance(value, (tuple, list)) or len(value) != 2
                    or not all(isinstance(v, Integral) for v in value)
                    or not 1 <= value[0] <= value[1]):
                raise ValueError(f"{name} must be a pair (lo, hi) with 1 <= lo <= hi, "
                                 f"got {value!r}")
        if not isinstance(self.n_features, Integral) or self.n_features < 2:
            raise ValueError(f"n_features must be an integer >= 2, got {self.n_features!r}")

    @staticmethod
    def _check_X(X) -> pd.DataFrame:
        return check_mention_frame(X)

    # ---------------------------------------------------------------------------- features
    def transform(self, X) -> sp.csr_matrix:
        """Return the feature matrix of ``X`` (stateless: needs no fitting).

        Parameters
        ----------
        X : DataFrame with columns ``text``, ``start``, ``end``
            One row per (text, target mention) pair.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_samples, n_features_total)
            Word block, character block (unless ``char_ngram_range=None``), with
            ``use_positions=True`` the three position blocks and, with ``use_lexicon=True``, the
            dense lexicon block and the hashed rule block, side by side.

        Examples
        --------
        >>> import pandas as pd
        >>> from stance import StanceClassifier
        >>> X = pd.DataFrame({"text": ["Anna praised Boris."] * 2, "start": [0, 13],
        ...                   "end": [4, 18]})
        >>> F = StanceClassifier(use_lexicon=False).transform(X)
        >>> (F[0] != F[1]).nnz > 0
        True
        """
        self._check_params()
        X = self._check_X(X)
        return feature_matrix(X, window=self.window, word_ngram_range=self.word_ngram_range,
                              char_ngram_range=self.char_ngram_range,
                              n_features=self.n_features, use_positions=self.use_positions,
                              use_relation=self.use_relation, use_lexicon=self.use_lexicon)

    @property
    def _n_features_total(self) -> int:
        return n_feature_columns(char_ngram_range=self.char_ngram_range,
                                 n_features=self.n_features, use_positions=self.use_positions,
                                 use_relation=self.use_relation, use_lexicon=self.use_lexicon)

    # ---------------------------------------------------------------------------- fit/predict
    def _linear_model(self, **overrides) -> LogisticRegression:
        """The unfitted linear model that :meth:`fit` trains on :meth:`transform`'s output."""
        params = dict(C=float(self.C), class_weight=self.class_weight, solver="saga",
                      tol=float(self.tol), max_iter=int(self.max_iter),
                      random_state=self.random_state)
        params.update(overrides)
        return LogisticRegression(**params)

    def fit(self, X, y):
        """Fit the linear model on the features of ``X``.

        Parameters
        ----------
        X : DataFrame with columns ``text``, ``start``, ``end``
            One row per (text, target mention) pair.
        y : array-like of shape (n_samples,)
            Labels, normally ``against`` / ``neutral`` / ``favor`` (any hashable labels work).

        Returns
        -------
        self : StanceClassifier
            The fitted estimator.
        """
        X = self._check_X(X)
        y = np.asarray(y)
        if y.ndim != 1 or len(y) != len(X):
            raise ValueError(f"y must be one label per row of X: X has {len(X)} rows, "
                             f"y has shape {y.shape}")
        classes = unique_labels(y)
        if len(classes) < 2:
            raise ValueError(f"fit needs at least two different labels, got only {classes!r}")
        features = self.transform(X)
        model = self._linear_model()
        with warnings.catch_warnings():
            # saga stops at `tol`; a ConvergenceWarning at max_iter is reported once, here
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(features, y)
        if int(np.max(model.n_iter_)) >= int(self.max_iter):
            warnings.warn(f"StanceClassifier: the solver stopped at max_iter={self.max_iter} "
                          f"before reaching tol={self.tol}; raise max_iter or tol",
                          ConvergenceWarning, stacklevel=2)
        self.n_iter_ = int(np.max(model.n_iter_))
        self.classes_ = model.classes_
        coef, intercept = model.coef_, model.intercept_
        if len(self.classes_) == 2:  # store one row per class, like the multiclass case
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        self.coef_ = np.asarray(coef, dtype=np.float64)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.n_features_in_ = 3
        self.feature_names_in_ = np.array(["text", "start", "end"], dtype=object)
        return self

    def decision_function(self, X) -> np.ndarray:
        """Return the linear scores, shape (n_samples, n_classes), columns as ``classes_``."""
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        features = self.transform(X)
        if features.shape[1] != self.coef_.shape[1]:
            raise ValueError(f"the features have {features.shape[1]} columns but the model was "
                             f"fitted with {self.coef_.shape[1]}; were parameters changed after "
                             "fit?")
        return np.asarray(features @ self.coef_.T) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Return class probabilities, shape (n_samples, n_classes), columns as ``classes_``.

        Parameters
        ----------
        X : DataFrame with columns ``text``, ``start``, ``end``

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
            Softmax of :meth:`decision_function`; each row sums to 1.
        """
        scores = self.decision_function(X)
        scores = scores - scores.max(axis=1, keepdims=True)
        expd = np.exp(scores)
        return expd / expd.sum(axis=1, keepdims=True)

    def predict(self, X) -> np.ndarray:
        """Return the most probable label of each row of ``X``.

        Parameters
        ----------
        X : DataFrame with columns ``text``, ``start``, ``end``

        Returns
        -------
        ndarray of shape (n_samples,)
            Labels from ``classes_``.
        """
        scores = self.decision_function(X)  # checks that the model is fitted
        return self.classes_[np.argmax(scores, axis=1)]

    def stance_score(self, X) -> np.ndarray:
        """Return P(favor) - P(against) per row: a stance score in [-1, 1]."""
        proba = self.predict_proba(X)
        classes = list(self.classes_)
        fav = proba[:, classes.index("favor")] if "favor" in classes else 0.0
        ag = proba[:, classes.index("against")] if "against" in classes else 0.0
        return np.asarray(fav - ag, dtype=np.float64)

    # ---------------------------------------------------------------------------- persistence
    def save(self, path) -> Path:
        """Write the fitted model as plain data: ``path`` (JSON) and ``path`` with ``.npz``.

        The JSON file holds the format marker, the parameters, the classes and the intercepts;
        the ``.npz`` beside it (same name, suffix ``.npz``) holds the non-zero weights as
        index/value arrays. Neither file contains pickled objects.

        Parameters
        ----------
        path : str or Path
            The JSON file to write, conventionally ``something.json``.

        Returns
        -------
        Path
            ``path`` as a :class:`~pathlib.Path`.
        """
        check_is_fitted(self, ("coef_", "intercept_", "classes_"))
        return write_model(path, self.get_params(deep=False), self.classes_, self.coef_,
                           self.intercept_)

    @classmethod
    def load(cls, path) -> "StanceClassifier":
        """Read a model written by :meth:`save`.

        Parameters
        ----------
        path : str or Path
            The JSON file written by :meth:`save` (its ``.npz`` must sit beside it).

        Returns
        -------
        StanceClassifier
            A fitted estimator that predicts exactly as the saved one did.

        Raises
        ------
        ValueError, FileNotFoundError
            As :func:`stance.score.classifier_file.read_model` says.
        """
        def make(params):
            for key in ("word_ngram_range", "char_ngram_range"):
                if isinstance(params.get(key), list):  # JSON has no tuples
                    params[key] = tuple(params[key])
            return cls(**params)

        model, classes, coef, intercept = read_model(path, make,
                                                     lambda m: m._n_features_total)
        model.classes_ = np.asarray(classes)
        model.coef_ = coef
        model.intercept_ = intercept
        model.n_features_in_ = 3
        model.feature_names_in_ = np.array(["text", "start", "end"], dtype=object)
        return model


# --------------------------------------------------------------------------------------------
# Ensemble of the lexicon scorer and the model
# --------------------------------------------------------------------------------------------

#: Weight of the lexicon score in the ensemble (the model gets 1 - this). A grid on the NewsMTSC
#: dev splits (``paper_splits/{rw,mt}/dev.jsonl``, ``benchmarks/external.py --tune``) is flat:
#: macro-F1 0.641-0.650 at the best threshold of every weight from 0.0 to 0.5 (0.647 at 0.3,
#: feature version 3; 0.613-0.621 with version 2). 0.3 gives the geopolitical lexicon a real say at no
#: measurable cost on NewsMTSC. On the real training set (grouped 5-fold CV of the encoder head,
#: 1,446 statement × target pairs, ``benchmarks/tune_ensemble.py``) the grid is a flat ridge,
#: 0.69-0.70 from (0.1, 0.4) to (0.4, 0.25), with 0.670 here; the CV best, (0.4, 0.25), scored
#: 0.690 on real-text dev against 0.706 for these values, so they stay.
ENSEMBLE_WEIGHT = 0.3
#: |score| below this is ``neutral``. Chosen on the same dev grid (0.1 to 0.3 in steps of 0.05)
#: with the version-2 features, where it was best for :data:`ENSEMBLE_WEIGHT`; with version 3,
#: 0.15 / 0.2 / 0.25 score 0.636 / 0.637 / 0.647 there, within the noise of 785 targets, so it
#: stays. It was 0.15 while the classifier used
#: balanced class weights; without them its P(favor) - P(against) is larger, so the neutral band
#: is wider.
ENSEMBLE_THRESHOLD = 0.2


def ensemble_scores(lexicon_score, proba, classes=LABELS, *, weight=ENSEMBLE_WEIGHT,
                    threshold=ENSEMBLE_THRESHOLD):
    """Blend a lexicon stance score with a classifier's probabilities.

    The score is ``weight * lexicon_score + (1 - weight) * (P(favor) - P(against))``, a number
    in [-1, 1]; the label is ``favor`` above ``threshold``, ``against`` below ``-threshold`` and
    ``neutral`` in between.

    Parameters
    ----------
    lexicon_score : float or array-like of shape (n,)
        Score(s) of :func:`stance.score.score_span`, in [-1, 1].
    proba : array-like of shape (n_classes,) or (n, n_classes)
        Class probabilities, e.g. a row of :meth:`StanceClassifier.predict_proba`.
    classes : sequence of str, default=("against", "favor", "neutral")
        The labels of the columns of ``proba`` (the model's ``classes_``).
    weight : float, default=ENSEMBLE_WEIGHT
        Weight of the lexicon score, in [0, 1].
    threshold : float, default=ENSEMBLE_THRESHOLD
        Half-width of the neutral band.

    Returns
    -------
    (score, label)
        A float and a str for one example; two arrays for several.

    Examples
    --------
    >>> from stance.score.classifier import ensemble_scores
    >>> ensemble_scores(-0.6, [0.7, 0.1, 0.2], ["against", "favor", "neutral"])
    (-0.6, 'against')
    >>> ensemble_scores(0.0, [0.2, 0.2, 0.6], ["against", "favor", "neutral"])
    (0.0, 'neutral')
    """
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"weight must be in [0, 1], got {weight!r}")
    proba = np.asarray(proba, dtype=np.float64)
    single = proba.ndim == 1
    proba = np.atleast_2d(proba)
    classes = [str(c) for c in classes]
    if proba.shape[1] != len(classes):
        raise ValueError(f"proba has {proba.shape[1]} columns but {len(classes)} classes were "
                         f"given ({classes})")
    fav = proba[:, classes.index("favor")] if "favor" in classes else 0.0
    ag = proba[:, classes.index("against")] if "against" in classes else 0.0
    lex = np.broadcast_to(np.asarray(lexicon_score, dtype=np.float64), proba.shape[:1])
    score = np.clip(weight * lex + (1.0 - weight) * (fav - ag), -1.0, 1.0)
    label = np.where(score > threshold, "favor", np.where(score < -threshold, "against",
                                                          "neutral"))
    if single:
        return round(float(score[0]), 6), str(label[0])
    return score, label.astype(object)
