"""stance: who said what about whom in news, and how favourably.

The pipeline, one module per stage::

    load → clean → segment → mentions → attribute → score → aggregate → plots/figures

Public API (see each object's docstring):

- :func:`score_documents` → :class:`Result` with the tables of CONTRACT.md
- :func:`extract_statements`, :class:`Statement` — who said what
- :func:`score_span`, :class:`SpanScore` — stance toward one target mention
- :class:`StanceClassifier` — a trainable scikit-learn estimator (n-grams and lexicon)
- :class:`StanceModel` — the encoder-based estimator behind the default method
- :func:`load_documents`, :func:`find_boilerplate`, :func:`split_sentences`,
  :func:`load_actors`, :func:`load_targets`, :func:`actor_target`, :func:`evaluate_gold`,
  :func:`sentiment_score` (VADER compound, kept apart from stance)
"""
from importlib import import_module

__version__ = "0.1.0"

# A name that is also a submodule (``stance.sentiment``, ``stance.evaluate``) would be shadowed
# by the submodule once imported, so such functions are exported under another name.
# Heavy modules (scikit-learn, matplotlib) load on first use, so `stance --version`
# and the per-document workers start fast.
_EXPORTS = {
    "score_documents": "pipeline", "Result": "pipeline", "process_document": "pipeline",
    "Document": "load", "LoadError": "load", "InputError": "load",
    "load_documents": "load", "iter_documents": "load",
    "find_boilerplate": "clean", "Mask": "clean",
    "split_sentences": "segment", "split_paragraphs": "segment",
    "Sentence": "segment", "Paragraph": "segment",
    "load_actors": "registry", "load_targets": "registry", "RegistryError": "registry",
    "extract_statements": "attribute", "Statement": "attribute",
    "score_span": "score", "SpanScore": "score", "score_statement": "score",
    "score_mention": "score", "load_lexicon": "lexicon", "Lexicon": "lexicon",
    "LexiconEntry": "lexicon", "run_corpus": "engine",
    "sentiment_score": ("sentiment", "sentiment"),
    "StanceClassifier": "classifier", "StanceModel": "model",
    "actor_target": "aggregate", "aggregate_by": "aggregate",
    "save_figure": "figures", "make_figures": "figures", "figures_from_results": "figures",
    "evaluate_gold": ("evaluate", "evaluate"), "Report": "evaluate",
    "render_html": "render",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name):
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'stance' has no attribute {name!r}")
    module, attr = where if isinstance(where, tuple) else (where, name)
    value = getattr(import_module(f".{module}", __name__), attr)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)
