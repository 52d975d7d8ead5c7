"""The package's top-level names: every export resolves, and none is shadowed by a submodule."""
import importlib

import stance


def test_every_export_resolves():
    for name in stance.__all__:
        assert getattr(stance, name) is not None, name


def test_exports_survive_submodule_imports():
    # Importing every submodule sets package attributes; an export that shares a submodule's
    # name would then silently change from a function into a module.
    for module in ("sentiment", "evaluate", "score", "aggregate", "classifier", "render"):
        importlib.import_module(f"stance.{module}")
    for name in stance.__all__:
        if name == "__version__":
            continue
        value = getattr(stance, name)
        assert not isinstance(value, type(stance)), f"stance.{name} is a module"


def test_sentiment_score_is_vader_compound():
    assert stance.sentiment_score("A wonderful, peaceful day.") > 0.5
    assert stance.sentiment_score("A horrible, brutal war.") < -0.5
