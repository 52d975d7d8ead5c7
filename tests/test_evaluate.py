"""Evaluation against gold: the metrics on small hand-made tables, then the seed article's
stance scores against the project's own annotations (data/annotations/seed.csv)."""
from pathlib import Path

import pandas as pd
import pytest

from stance.evaluate import evaluate, format_report, stance_scores

ROOT = Path(__file__).resolve().parents[1]
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


@pytest.fixture(scope="module")
def seed_report():
    return evaluate(SEED_GOLD, [ARTICLES])


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
    report = wikinews.run(folder, split)
    assert report.metric("precision") >= WIKINEWS_PRECISION
    assert report.metric("recall") >= WIKINEWS_RECALL
    assert report.metric("spurious_polar_rate") <= WIKINEWS_SPURIOUS
