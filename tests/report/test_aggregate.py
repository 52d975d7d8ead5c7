import numpy as np
import pandas as pd
import pytest

from stance.report.aggregate import ACTOR_TARGET_COLUMNS, actor_target, aggregate_by, period_start


def _rows(records):
    """Stance rows from (statement_id, speaker, target, score, label[, date, source])."""
    cols = ["statement_id", "speaker", "target", "score", "label", "date", "source"]
    frame = pd.DataFrame([r + ("",) * (len(cols) - len(r)) for r in records], columns=cols)
    frame["doc_id"] = frame["statement_id"].str.split(":").str[0]
    return frame


@pytest.fixture
def stances():
    return _rows([
        ("d1:1", "Ada Vale", "NATO", 0.6, "favor", "2024-01-01", "Gazette"),
        ("d1:2", "Ada Vale", "NATO", 0.2, "favor", "2024-01-02", "Gazette"),
        ("d2:1", "Ada Vale", "NATO", -0.5, "against", "2024-01-10", "Courier"),
        ("d2:1", "Ada Vale", "Russia", -0.8, "against", "2024-01-10", "Courier"),
        ("d2:2", "Bo Krell", "Ukraine", 0.0, "neutral", "", "Courier"),
        ("d3:1", "Bo Krell", "Ukraine", 0.4, "favor", "2024-02-15", ""),
    ])


def test_columns_order_and_sorting(stances):
    out = actor_target(stances)
    assert tuple(out.columns) == ACTOR_TARGET_COLUMNS
    assert list(zip(out["speaker"], out["target"])) == [
        ("Ada Vale", "NATO"), ("Ada Vale", "Russia"), ("Bo Krell", "Ukraine")]


def test_mean_and_counts(stances):
    out = actor_target(stances).set_index(["speaker", "target"])
    row = out.loc[("Ada Vale", "NATO")]
    assert row["n"] == 3
    assert row["mean"] == pytest.approx(0.1)
    assert (row["favor"], row["neutral"], row["against"]) == (2, 0, 1)
    assert out.loc[("Bo Krell", "Ukraine"), "neutral"] == 1


def test_n_counts_distinct_statements():
    # The same statement addressing NATO twice counts once, with its scores averaged.
    rows = _rows([("d1:1", "Ada Vale", "NATO", 0.2, "favor"),
                  ("d1:1", "Ada Vale", "NATO", 0.6, "favor"),
                  ("d1:2", "Ada Vale", "NATO", -0.4, "against")])
    out = actor_target(rows)
    assert out.loc[0, "n"] == 2
    assert out.loc[0, "mean"] == pytest.approx((0.4 - 0.4) / 2)
    assert out.loc[0, ["favor", "neutral", "against"]].sum() == 2


def test_interval_contains_mean_and_single_statement_is_a_point(stances):
    out = actor_target(stances)
    assert (out["ci_low"] <= out["mean"]).all() and (out["mean"] <= out["ci_high"]).all()
    single = out[out["n"] == 1].iloc[0]
    assert single["ci_low"] == single["mean"] == single["ci_high"]
    spread = out[out["n"] == 3].iloc[0]
    assert spread["ci_low"] < spread["ci_high"]


def test_deterministic_with_seed(stances):
    pd.testing.assert_frame_equal(actor_target(stances, seed=3), actor_target(stances, seed=3))
    rng = np.random.default_rng(0)
    many = _rows([(f"d{i}:1", "Ada Vale", "NATO", float(s), "neutral")
                  for i, s in enumerate(rng.uniform(-1, 1, 40))])
    a, b = actor_target(many, seed=1), actor_target(many, seed=2)
    assert a.loc[0, "mean"] == b.loc[0, "mean"]
    assert a.loc[0, "ci_low"] != b.loc[0, "ci_low"]


def test_interval_of_a_pair_does_not_depend_on_other_pairs(stances):
    alone = actor_target(stances[stances["speaker"] == "Ada Vale"])
    together = actor_target(stances)
    pd.testing.assert_frame_equal(alone, together[together["speaker"] == "Ada Vale"])


def test_wider_coverage_gives_wider_interval():
    rng = np.random.default_rng(5)
    rows = _rows([(f"d{i}:1", "Ada Vale", "NATO", float(s), "neutral")
                  for i, s in enumerate(rng.uniform(-1, 1, 30))])
    narrow, wide = actor_target(rows, ci=0.5), actor_target(rows, ci=0.99)
    assert wide.loc[0, "ci_low"] < narrow.loc[0, "ci_low"]
    assert wide.loc[0, "ci_high"] > narrow.loc[0, "ci_high"]


def test_min_n_drops_small_pairs(stances):
    out = actor_target(stances, min_n=2)
    assert list(out["n"]) == [3, 2]
    assert actor_target(stances, min_n=10).empty


def test_rows_without_score_are_left_out(stances):
    stances.loc[0, "score"] = np.nan
    out = actor_target(stances).set_index(["speaker", "target"])
    assert out.loc[("Ada Vale", "NATO"), "n"] == 2


def test_empty_input_gives_typed_empty_table(stances):
    out = actor_target(stances.iloc[:0])
    assert tuple(out.columns) == ACTOR_TARGET_COLUMNS and out.empty
    assert out["n"].dtype == "int64" and out["mean"].dtype == "float64"


def test_missing_column_is_explained(stances):
    with pytest.raises(ValueError, match="'score'"):
        actor_target(stances.drop(columns="score"))


def test_many_groups_stay_fast():
    import time
    rng = np.random.default_rng(0)
    n = 30_000
    rows = pd.DataFrame({"statement_id": [f"d:{i}" for i in range(n)],
                         "speaker": rng.integers(0, 1000, n).astype(str),
                         "target": rng.choice(["NATO", "Ukraine", "Russia"], n),
                         "score": rng.uniform(-1, 1, n), "label": "neutral"})
    start = time.perf_counter()
    out = actor_target(rows)
    assert len(out) == 3000
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize("by, key, expected", [
    ("doc_id", "doc_id", {("d1", "NATO"): 2, ("d2", "NATO"): 1, ("d2", "Russia"): 1,
                          ("d2", "Ukraine"): 1, ("d3", "Ukraine"): 1}),
    ("source", "source", {("Courier", "NATO"): 1, ("Courier", "Russia"): 1,
                          ("Courier", "Ukraine"): 1, ("Gazette", "NATO"): 2}),
])
def test_aggregate_by_column(stances, by, key, expected):
    out = aggregate_by(stances, by)
    assert list(out.columns) == [key, *ACTOR_TARGET_COLUMNS]
    assert dict(zip(zip(out[key], out["target"]), out["n"])) == expected


def test_aggregate_by_period_leaves_out_undated_rows(stances):
    weekly = aggregate_by(stances, "period", freq="W")
    assert weekly["n"].sum() == len(stances) - 1
    first = weekly[(weekly["period"] == pd.Timestamp("2024-01-01"))
                   & (weekly["target"] == "NATO")].iloc[0]
    assert first["n"] == 2 and first["mean"] == pytest.approx(0.4)
    monthly = aggregate_by(stances, "period", freq="M")
    assert set(monthly["period"]) == {pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01")}
    assert list(aggregate_by(stances, ["source", "period"], freq="D").columns[:2]) == [
        "source", "period"]


@pytest.mark.parametrize("kwargs, match", [
    (dict(by="speaker"), "cannot group by 'speaker'"),
    (dict(by="period", freq="H"), "unknown freq"),
])
def test_aggregate_by_rejects_bad_options(stances, kwargs, match):
    with pytest.raises(ValueError, match=match):
        aggregate_by(stances, **kwargs)


def test_period_start_parses_mixed_dates():
    out = period_start(pd.Series(["2024-03-06", "March 7, 2024", "2024-03-08T23:00:00Z",
                                  "", None, "not a date"]), "W")
    assert list(out[:3]) == [pd.Timestamp("2024-03-04")] * 3
    assert out[3:].isna().all()


def test_quarters_and_years(stances):
    quarterly = aggregate_by(stances, "period", freq="Q")
    assert set(quarterly["period"]) == {pd.Timestamp("2024-01-01")}
    yearly = aggregate_by(stances, "period", freq="Y")
    assert set(yearly["period"]) == {pd.Timestamp("2024-01-01")}


def test_period_range_keeps_empty_periods():
    from stance.report.aggregate import period_range
    months = period_range(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-04-01"), "M")
    assert len(months) == 4


def test_document_bootstrap_is_wider_when_statements_repeat_within_documents():
    # Ten articles, each repeating one position five times: 50 statements, but only ten
    # independent draws. Resampling statements would pretend there were fifty.
    rng = np.random.default_rng(7)
    rows = _rows([(f"d{d}:{k}", "Ada Vale", "NATO", float(s), "neutral")
                  for d, s in enumerate(rng.uniform(-1, 1, 10)) for k in range(1, 6)])
    by_doc = actor_target(rows).loc[0]
    by_statement = actor_target(rows, unit="statement").loc[0]
    assert by_doc["mean"] == pytest.approx(by_statement["mean"])
    assert by_doc["ci_high"] - by_doc["ci_low"] > 1.5 * (by_statement["ci_high"] -
                                                         by_statement["ci_low"])


def test_one_document_gives_no_spread():
    rows = _rows([("d1:1", "Ada Vale", "NATO", 0.5, "favor"),
                  ("d1:2", "Ada Vale", "NATO", -0.1, "neutral")])
    out = actor_target(rows).loc[0]
    assert out["ci_low"] == out["mean"] == out["ci_high"]
    assert actor_target(rows, unit="statement").loc[0, "ci_low"] < out["mean"]


def test_unknown_unit_is_refused(stances):
    with pytest.raises(ValueError, match="unit must be"):
        actor_target(stances, unit="paragraph")
