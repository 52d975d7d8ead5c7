"""The package's top-level names: every export resolves, and none is shadowed by a submodule."""
import importlib

import stance


def test_every_export_resolves():
    for name in stance.__all__:
        assert getattr(stance, name) is not None, name


def test_exports_survive_submodule_imports():
    # Importing every submodule sets package attributes; an export that shares a submodule's
    # name would then silently change from a function into a module.
    import pkgutil
    for info in pkgutil.walk_packages(stance.__path__, "stance."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    for name in stance.__all__:
        if name == "__version__":
            continue
        value = getattr(stance, name)
        assert not isinstance(value, type(stance)), f"stance.{name} is a module"


def test_sentiment_score_is_vader_compound():
    assert stance.sentiment_score("A wonderful, peaceful day.") > 0.5
    assert stance.sentiment_score("A horrible, brutal war.") < -0.5


def test_an_extended_lexicon_is_used_in_a_corpus_run(tmp_path):
    import stance
    doc = tmp_path / "d.txt"
    doc.write_text("Ana Roth said that Russia had been zorbling the harbour for weeks.",
                   encoding="utf-8")
    plain = stance.score_documents([doc]).stances
    extra = tmp_path / "extra.tsv"
    extra.write_text("term\tvalence\tframe\tsource\nzorbling\t-0.9\thostile_act\ttest\n",
                     encoding="utf-8")
    extended = stance.score_documents([doc], lexicon=extra).stances
    russia = extended[extended["target"] == "Russia"].iloc[0]
    before = plain[plain["target"] == "Russia"].iloc[0]
    # The default blends the lexicon with a model, so its label also hangs on the model's
    # probabilities; what the new entry must do there is show in the evidence and pull the
    # score towards against. The lexicon method alone must turn the label.
    assert "zorbling" in russia["evidence"] and "zorbling" not in before["evidence"]
    assert russia["score"] < before["score"] - 0.1
    lexicon_only = stance.score_documents([doc], lexicon=extra, method="lexicon").stances
    assert lexicon_only[lexicon_only["target"] == "Russia"].iloc[0]["label"] == "against"
    plain_lexicon = stance.score_documents([doc], method="lexicon").stances
    assert plain_lexicon[plain_lexicon["target"] == "Russia"].iloc[0]["label"] != "against"
