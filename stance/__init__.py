"""stance: who said what about whom in news, and how favourably.

The pipeline, one subpackage per stage::

    io/       load documents and metadata; write tables atomically
    text/     clean (boilerplate), segment (paragraphs, sentences)
    extract/  quotes, registries of actors and targets, mentions, attribution, speaker names
    score/    stance: lexicon frame rules, sentiment, classifier, encoder model
    report/   aggregate, plots, figures, HTML report, evaluation against gold
    run/      document (one document), engine (the corpus loop, in processes or Dask),
              pipeline (a corpus in memory), CLI

``stance.schema`` holds the columns and labels of every table, ``stance.paths`` the bundled
files.

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

# Names are looked up in the stage subpackages on first use. ``sentiment`` and ``evaluate``
# keep the exported names they had when they were top-level modules.
# Heavy modules (scikit-learn, matplotlib) load on first use, so `stance --version`
# and the per-document workers start fast.
_EXPORTS = {
    "score_documents": "run.pipeline", "Result": "run.pipeline", "process_document": "run.document",
    "Document": "io.load", "LoadError": "io.load", "InputError": "io.load",
    "load_documents": "io.load", "iter_documents": "io.load",
    "find_boilerplate": "text.clean", "Mask": "text.clean",
    "split_sentences": "text.segment", "split_paragraphs": "text.segment",
    "Sentence": "text.segment", "Paragraph": "text.segment",
    "load_actors": "extract.registry", "load_targets": "extract.registry",
    "RegistryError": "extract.registry_yaml",
    "extract_statements": "extract.attribute", "Statement": "extract.attribute",
    "score_span": "score", "SpanScore": "score", "score_statement": "score",
    "score_mention": "score", "load_lexicon": "score.lexicon", "Lexicon": "score.lexicon",
    "LexiconEntry": "score.lexicon", "run_corpus": "run.engine",
    "sentiment_score": ("score.sentiment", "sentiment"),
    "StanceClassifier": "score.classifier", "StanceModel": "score.model",
    "actor_target": "report.aggregate", "aggregate_by": "report.aggregate",
    "save_figure": "report.figures", "make_figures": "report.figures",
    "figures_from_results": "report.figures",
    "evaluate_gold": ("report.evaluate", "evaluate"), "Report": "report.evaluate",
    "render_html": "report.render",
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
