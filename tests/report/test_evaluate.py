"""Evaluation against gold: the metrics on small hand-made tables, then the seed article's
stance scores against the project's own annotations (data/annotations/seed.csv)."""
from pathlib import Path

import pandas as pd
import pytest

from stance.report.evaluate import evaluate, format_report, stance_interval, stance_scores

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "data" / "annotations" / "seed.csv"
ARTICLES = ROOT / "data" / "articles"


def _gold(rows):
    return pd.DataFrame(rows, columns=["doc_id", "anchor", "speaker", "kind", "NATO", "Russia"])


def test_stance_scores_counts_unaddressed_polar_labels():
    gold = _gold([["d", "a", "X", "direct", "against", ""],
                  ["d", "b", "Y", "direct", "", "favor"]])
    matches = pd.DataFrame({"found": [True, True], "statement_id": ["d:1", "d:2"]})
    stances = pd.DataFrame({"statement_id": ["d:1", "d:1", "d:2"],
                            "target": ["NATO", "Russia", "Russia"],
                            "label": ["against", "favor", "favor"]})
    table, pairs, _ = stance_scores(gold, matches, stances, ["NATO", "Russia"])
    overall = table.set_index("target").loc["all"]
    assert overall["macro_f1"] == pytest.approx(1.0)
    # d:1 → Russia is polar though the gold says the statement does not address Russia.
    assert overall["spurious_polar_rate"] == pytest.approx(0.5)
    assert len(pairs) == 4


def test_unfound_statements_are_left_out_of_stance():
    gold = _gold([["d", "a", "X", "direct", "against", ""]])
    matches = pd.DataFrame({"found": [False], "statement_id": [""]})
    table, pairs, _ = stance_scores(gold, matches, pd.DataFrame(
        columns=["statement_id", "target", "label"]), ["NATO", "Russia"])
    assert pairs.empty


def _pairs(docs, gold, predicted, target="NATO", clear=True):
    return pd.DataFrame({"doc_id": docs, "anchor": [f"{d}{i}" for i, d in enumerate(docs)],
                         "target": target, "gold": gold, "predicted": predicted,
                         "clear": clear})


def test_stance_interval_value_is_the_tables_macro_f1():
    # Three fictional documents; "none" predicted counts as neutral, as in stance_scores.
    pairs = _pairs(["a", "a", "b", "b", "c", "c"],
                   ["favor", "against", "neutral", "favor", "against", "none"],
                   ["favor", "neutral", "none", "favor", "against", "favor"])
    value, low, high = stance_interval(pairs)
    from sklearn.metrics import f1_score
    expected = f1_score(["favor", "against", "neutral", "favor", "against"],
                        ["favor", "neutral", "neutral", "favor", "against"], average="macro")
    assert value == pytest.approx(expected)
    assert 0.0 <= low <= high <= 1.0


def test_stance_interval_resamples_documents_not_pairs():
    # Document a is all right, b all wrong: resampling documents swings the F1 from 0 to 1;
    # resampling 40 pairs independently would keep it near the middle.
    docs = ["a"] * 20 + ["b"] * 20
    gold = ["favor", "against"] * 20
    predicted = ["favor", "against"] * 10 + ["against", "favor"] * 10
    value, low, high = stance_interval(_pairs(docs, gold, predicted), n_boot=500)
    assert value == pytest.approx(0.5)
    assert low < 0.2 and high > 0.8


def test_stance_interval_of_one_document_is_its_value():
    value, low, high = stance_interval(_pairs(["a", "a"], ["favor", "against"],
                                              ["favor", "favor"]))
    assert low == value == high


def test_stance_interval_filters_clear_pairs_and_targets():
    pairs = pd.concat([_pairs(["a", "b"], ["favor", "against"], ["favor", "against"]),
                       _pairs(["a", "b"], ["favor", "against"], ["against", "favor"],
                              target="Russia", clear=False)], ignore_index=True)
    assert stance_interval(pairs, clear=True)[0] == pytest.approx(1.0)
    assert stance_interval(pairs, target="Russia")[0] == pytest.approx(0.0)
    assert stance_interval(pairs, target="Ukraine")[0] != stance_interval(pairs)[0]  # NaN


def test_stance_interval_of_a_paired_difference():
    docs = ["a", "a", "b", "b", "c", "c"]
    gold = ["favor", "against"] * 3
    right = _pairs(docs, gold, gold)
    assert stance_interval(right, right) == (0.0, 0.0, 0.0)
    # The second run errs in document c only: a positive difference, never below zero.
    worse = _pairs(docs, gold, gold[:4] + ["against", "favor"])
    d, low, high = stance_interval(right, worse, n_boot=500)
    assert d > 0 and low >= 0.0 and high >= d
    with pytest.raises(ValueError, match="same gold"):
        stance_interval(right, worse.iloc[:4])


def test_evaluation_tables_carry_the_intervals():
    gold = _gold([["d", "a", "X", "direct", "against", ""],
                  ["e", "b", "Y", "direct", "favor", "favor"]])
    matches = pd.DataFrame({"found": [True, True], "statement_id": ["d:1", "e:1"]})
    stances = pd.DataFrame({"statement_id": ["d:1", "e:1", "e:1"],
                            "target": ["NATO", "NATO", "Russia"],
                            "label": ["against", "favor", "neutral"]})
    _, pairs, _ = stance_scores(gold, matches, stances, ["NATO", "Russia"])
    from stance.report.evaluate import stance_intervals
    table = stance_intervals(pairs, ["NATO", "Russia"]).set_index("target")
    assert list(table.columns) == ["macro_f1_low", "macro_f1_high", "macro_f1_clear_low",
                                   "macro_f1_clear_high"]
    assert table.loc["NATO", "macro_f1_low"] == pytest.approx(1.0)
    assert table.loc["Russia", "macro_f1_high"] == pytest.approx(0.0)


@pytest.fixture(scope="module")
def seed_report():
    # In-sample: the rules were written on this article, so the floor is the lexicon's.
    return evaluate(SEED_GOLD, [ARTICLES], method="lexicon")


def test_seed_stance_macro_f1(seed_report):
    overall = seed_report.stance.set_index("target").loc["all"]
    assert overall["addressed"] >= 30
    assert overall["macro_f1"] >= 0.85


def test_seed_polar_labels_only_where_addressed(seed_report):
    overall = seed_report.stance.set_index("target").loc["all"]
    assert overall["spurious_polar_rate"] <= 0.05


def test_seed_report_prints(seed_report):
    text = format_report(seed_report)
    assert "macro_f1" in text and "speaker_accuracy" in text


@pytest.fixture(scope="module")
def seed_table():
    import stance
    return stance.score_documents(ARTICLES).actor_target.set_index(["speaker", "target"])


@pytest.mark.parametrize("speaker, target, sign", [
    ("Vladimir Putin", "NATO", -1), ("Vladimir Putin", "Russia", 1),
    ("Sergey Lavrov", "NATO", -1),
    ("Antony Blinken", "Russia", -1), ("Antony Blinken", "Ukraine", 1),
    ("Mateusz Morawiecki", "Russia", -1), ("Mateusz Morawiecki", "Ukraine", 1),
    ("Volodymyr Zelenskyy", "Ukraine", 1),
])
def test_seed_actor_target_signs(seed_table, speaker, target, sign):
    table = seed_table
    assert (speaker, target) in table.index, f"{speaker} → {target} not scored"
    assert table.loc[(speaker, target), "mean"] * sign > 0


# -------------------------------------------------------------------------------- unseen text

#: Floors for the Wikinews gold (benchmarks/wikinews.py), below what every split measures (dev:
#: precision 0.897, recall 0.743; held-out: 0.938, 0.833; held-out-2: 1.000, 0.900); the
#: spurious-polar bound is the issue's 5 % (held-out-2 measures 4 %).
WIKINEWS_PRECISION, WIKINEWS_RECALL, WIKINEWS_SPURIOUS = 0.85, 0.70, 0.05


@pytest.mark.parametrize("split", ["dev", "held-out", "held-out-2"])
def test_wikinews_articles(benchmark_module, split):
    """Statements and stance on real Wikinews articles (read from ../shared)."""
    wikinews = benchmark_module("wikinews")
    folder = wikinews.articles_dir()
    if folder is None:
        pytest.skip("Wikinews articles not found: ../shared/corpora/wikinews-ukraine is absent "
                    "(set STANCE_SHARED)")
    report = wikinews.run(folder, split, method="lexicon")
    assert report.metric("precision") >= WIKINEWS_PRECISION
    assert report.metric("recall") >= WIKINEWS_RECALL
    assert report.metric("spurious_polar_rate") <= WIKINEWS_SPURIOUS


def test_wikinews_default_method_polar_only_where_addressed(benchmark_module):
    """The default method's favor/against on targets the gold marks as not addressed, over
    the three Wikinews splits pooled (119 such pairs; per split they are 24 to 59, where one
    label moves the rate by 2-4 points: held-out-2 measures 2 of 24 with the ensemble, 1 of
    24 with the lexicon)."""
    pytest.importorskip("onnxruntime", reason="the default method needs the `onnx` extra")
    wikinews = benchmark_module("wikinews")
    folder = wikinews.articles_dir()
    if folder is None:
        pytest.skip("Wikinews articles not found: ../shared/corpora/wikinews-ukraine is absent "
                    "(set STANCE_SHARED)")
    polar = total = 0
    for split in wikinews.SPLITS:
        st = wikinews.run(folder, split).stance.set_index("target").loc["all"]
        not_addressed = st["pairs"] - st["addressed"]
        polar += st["spurious_polar_rate"] * not_addressed
        total += not_addressed
    assert total > 100
    assert polar / total <= WIKINEWS_SPURIOUS


# ------------------------------------------------------------------ gold formats and reports

DOC = ("Ana Roth said Norland would never join NATO. "
       "The leaders agreed that Russia must withdraw. Karel Vos praised Ukraine.")


def _write_gold(path, rows, columns):
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return path


@pytest.fixture
def doc_folder(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "d1.txt").write_text(DOC, encoding="utf-8")
    (folder / "d2.txt").write_text("Nothing was said here about anyone.", encoding="utf-8")
    return folder


def test_gold_by_offsets_is_resolved_and_hash_checked():
    import hashlib
    from stance.report.evaluate import resolve_anchors
    start = DOC.index("Norland would")
    end = start + len("Norland would never join NATO")
    sha = hashlib.sha1(DOC[start:end].encode()).hexdigest()[:12]
    gold = pd.DataFrame([{"doc_id": "d1", "start": str(start), "end": str(end), "sha1": sha,
                          "speaker": "Ana Roth", "kind": "reported", "NATO": "against"}])
    resolved = resolve_anchors(gold.assign(anchor=""), {"d1": DOC})
    assert resolved.loc[0, "anchor"] == "Norland would never join NATO"
    with pytest.raises(ValueError, match="does not match"):
        resolve_anchors(gold.assign(anchor="", sha1="ffffffffffff"), {"d1": DOC})
    with pytest.raises(ValueError, match="outside the document"):
        resolve_anchors(gold.assign(anchor="", end="9999"), {"d1": DOC})


def test_read_gold_needs_an_anchor_or_offsets(tmp_path):
    from stance.report.evaluate import read_gold
    path = _write_gold(tmp_path / "g.csv", [["d1", "Ana Roth", "reported"]],
                       ["doc_id", "speaker", "kind"])
    with pytest.raises(ValueError, match="anchor"):
        read_gold(path)


def test_read_gold_selects_a_split(tmp_path):
    from stance.report.evaluate import read_gold
    path = _write_gold(tmp_path / "g.csv",
                       [["d1", "a", "X", "direct", "dev"], ["d2", "b", "Y", "direct", "test"]],
                       ["doc_id", "anchor", "speaker", "kind", "split"])
    assert list(read_gold(path, split="test")["doc_id"]) == ["d2"]
    with pytest.raises(ValueError, match="no gold rows of split 'train'"):
        read_gold(path, split="train")


@pytest.mark.parametrize("predicted, gold, ok", [
    ("Ana Roth", "Ana Roth", True),
    ("ana roth", "Ana Roth", True),
    ("Karel Vos", "Ana Roth + Karel Vos", True),
    ("leaders", "Ana Roth + Karel Vos", False),
    ("Ana", "Ana Roth", False),
])
def test_speaker_matches_joint_participants(predicted, gold, ok):
    from stance.report.evaluate import speaker_matches
    assert speaker_matches(predicted, gold) is ok


def test_clear_pairs_are_scored_apart():
    gold = pd.DataFrame([["d", "a", "X", "direct", "against", "", "yes"],
                         ["d", "b", "Y", "direct", "favor", "", "no"]],
                        columns=["doc_id", "anchor", "speaker", "kind", "NATO", "Russia",
                                 "clear"])
    matches = pd.DataFrame({"found": [True, True], "statement_id": ["d:1", "d:2"]})
    stances = pd.DataFrame({"statement_id": ["d:1", "d:2"], "target": ["NATO", "NATO"],
                            "label": ["against", "against"]})
    table, pairs, _ = stance_scores(gold, matches, stances, ["NATO", "Russia"])
    row = table.set_index("target").loc["NATO"]
    assert row["addressed"] == 2 and row["addressed_clear"] == 1
    assert row["macro_f1_clear"] == pytest.approx(1.0)
    assert row["macro_f1"] < 1.0


def test_sign_agreement_compares_means_per_speaker_and_target():
    from stance.report.evaluate import sign_agreement
    gold = pd.DataFrame({"doc_id": ["d", "d", "d"], "speaker": ["X", "X", "Y"],
                         "NATO": ["against", "against", "favor"]})
    stances = pd.DataFrame({"doc_id": ["d", "d"], "speaker": ["X", "Y"],
                            "target": ["NATO", "NATO"], "score": [-0.4, -0.2]})
    signs = sign_agreement(gold, stances, ["NATO"]).set_index("speaker")
    assert bool(signs.loc["X", "agree"]) and not bool(signs.loc["Y", "agree"])
    assert signs.loc["X", "gold_n"] == 2


def test_evaluate_on_a_fictional_folder(tmp_path, doc_folder):
    import stance
    gold = _write_gold(tmp_path / "g.csv", [
        ["d1", "Norland would never join NATO", "Ana Roth", "reported", "against", "", "", "dev"],
        ["d1", "Ukraine", "Karel Vos", "reported", "", "favor", "", "dev"],
        ["d2", "", "", "", "", "", "", "dev"],
    ], ["doc_id", "anchor", "speaker", "kind", "NATO", "Ukraine", "Russia", "split"])
    report = stance.evaluate_gold(gold, [doc_folder], split="dev")
    assert report.metric("gold") == 2          # the marker row of d2 is not a statement
    assert set(report.matches["doc_id"]) == {"d1"}
    assert 0.0 <= report.metric("recall") <= 1.0
    kinds = set(report.errors["error"])
    assert kinds <= {"missed statement", "wrong speaker", "statement not in gold",
                     "wrong stance"}
    assert (report.errors["sentence"] != "").all()
    assert "sign agreement" in format_report(report)


def test_statements_in_a_marked_empty_document_count_against_precision(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "e1.txt").write_text("Ana Roth said the talks had failed.", encoding="utf-8")
    gold = _write_gold(tmp_path / "g.csv", [["e1", "", "", ""]],
                       ["doc_id", "anchor", "speaker", "kind"])
    report = evaluate(gold, [folder])
    assert report.metric("predicted") >= 1
    assert report.metric("precision") == 0.0
    assert (report.errors["error"] == "statement not in gold").any()


def test_evaluate_reports_documents_not_among_the_inputs(tmp_path, doc_folder):
    gold = _write_gold(tmp_path / "g.csv", [["zz", "Ukraine", "Karel Vos", "reported"]],
                       ["doc_id", "anchor", "speaker", "kind"])
    report = evaluate(gold, [doc_folder])
    assert report.skipped_docs == ("zz",)
    assert "Not evaluated" in format_report(report)


# ------------------------------------------------------------------------ annotator agreement

def _pass(labels):
    return pd.DataFrame({"doc_id": "d", "start": [str(i * 10) for i in range(len(labels))],
                         "end": [str(i * 10 + 5) for i in range(len(labels))],
                         "NATO": labels})


def test_identical_passes_have_kappa_one():
    from stance.report.evaluate import annotator_agreement
    a = _pass(["against", "", "favor", "neutral"])
    table = annotator_agreement(a, a.copy(), ["NATO"]).set_index("target")
    assert table.loc["NATO", "kappa"] == pytest.approx(1.0)
    assert table.loc["all", "agreement"] == pytest.approx(1.0)


def test_disagreement_lowers_kappa_below_raw_agreement():
    from stance.report.evaluate import annotator_agreement
    a = _pass(["against", "", "", "", "favor", "neutral"])
    b = _pass(["against", "", "", "favor", "against", "neutral"])
    row = annotator_agreement(a, b, ["NATO"]).set_index("target").loc["NATO"]
    assert row["agreement"] == pytest.approx(4 / 6)
    assert row["kappa"] < row["agreement"]
    assert row["both_addressed"] == 3


def test_passes_over_different_statements_are_refused():
    from stance.report.evaluate import annotator_agreement
    with pytest.raises(ValueError, match="only one pass"):
        annotator_agreement(_pass(["against", ""]), _pass(["against"]), ["NATO"])


# ------------------------------------------------------------------ real-text gold, dev split

#: Floors on the real-text **dev** split (benchmarks/realtext.py; never the test split). On the
#: 30 bundled presidential documents the dev split measures (after the attribution changes of
#: 2026-12-01): precision 0.900, recall 0.839, speaker accuracy 0.920, 0 % spurious
#: favor/against; stance macro-F1 0.772 over 198 addressed pairs with the default ensemble on
#: the bundled encoder (2026-12-03; 0.766 with the head trained on training batches 1-15,
#: 2026-12-04; 0.735 over 179 on the frozen torch encoder, 2026-12-02),
#: 0.474 with the lexicon alone. Each floor sits about 0.05
#: below, about what losing ten of the 193 gold statements (or nine of the 179 pairs) would
#: cost, so a change has to lose accuracy on real text, not move one statement, to fail. The
#: spurious bound is 5 %, as for Wikinews.
REALTEXT_DEV_FLOORS = {"precision": 0.85, "recall": 0.79, "speaker_accuracy": 0.87,
                       "macro_f1": 0.72}
REALTEXT_LEXICON_MACRO_F1 = 0.42
REALTEXT_SPURIOUS = 0.05


def _realtext(**options):
    import importlib.util
    spec = importlib.util.spec_from_file_location("_realtext", ROOT / "benchmarks" / "realtext.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run("dev", module.GOLD / "presidential.csv", **options)


@pytest.fixture(scope="module")
def realtext_dev():
    pytest.importorskip("onnxruntime", reason="the default method needs the `onnx` extra")
    return _realtext()  # the default method


@pytest.mark.parametrize("name", sorted(REALTEXT_DEV_FLOORS))
def test_realtext_dev_floor(realtext_dev, name):
    assert realtext_dev.metric(name) >= REALTEXT_DEV_FLOORS[name]


def test_realtext_dev_polar_labels_only_where_addressed(realtext_dev):
    assert realtext_dev.metric("spurious_polar_rate") <= REALTEXT_SPURIOUS


def test_realtext_dev_lexicon_floor():
    report = _realtext(method="lexicon")
    assert report.metric("macro_f1") >= REALTEXT_LEXICON_MACRO_F1
    assert report.metric("spurious_polar_rate") <= REALTEXT_SPURIOUS


def test_realtext_gold_is_split_by_document():
    from stance.report.evaluate import read_gold
    gold = read_gold(ROOT / "data" / "annotations" / "realtext")
    assert set(gold["split"]) == {"dev", "test"}
    per_doc = gold.groupby("doc_id")["split"].nunique()
    assert (per_doc == 1).all()
    assert gold.loc[gold["split"] == "test", "doc_id"].nunique() >= 25
