"""Stage 4, stance toward each target: lexicon frame rules, sentiment, classifier, model.

``frames`` scores a target mention with ordered frame rules over the cue ``lexicon``;
``sentiment`` is the tone (VADER), kept apart from stance; ``classifier`` and ``model`` are
trainable scikit-learn estimators (n-grams; the frozen ``encoder``). ``features`` computes the
classifier's features of a mention (the model uses their lexicon block); ``classifier_file``
is the classifier's saved, pickle-free format.

The lexicon scorer's public functions are re-exported here, so ``from stance.score import
score_span`` works as before the package was laid out by stage.
"""
from importlib import import_module

__all__ = ["SpanScore", "score_mention", "score_span", "score_statement",
           "FAVOR_THRESHOLD", "AGAINST_THRESHOLD", "label_for"]


def __getattr__(name):
    # Lazily, so that importing a sibling (``stance.score.sentiment``) does not load the rules.
    if name not in __all__:
        raise AttributeError(f"module 'stance.score' has no attribute {name!r}")
    value = getattr(import_module(".frames", __name__), name)
    globals()[name] = value
    return value
