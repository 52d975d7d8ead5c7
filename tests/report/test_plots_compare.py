"""Tests for stance.report.plots_compare and stance.report.aggregate.compare_periods
(fictional stances)."""
import numpy as np
import pandas as pd
import pytest

from stance.report.aggregate import compare_periods
from stance.report.plots_compare import MIN_PERIOD_N, plot_before_after, plot_source_over_time


@pytest.fixture
def stances():
    rng = np.random.default_rng(3)
    rows = []
    dates = pd.date_range("2031-01-05", "2031-06-25", freq="5D")
    for i, day in enumerate(dates):
        for source, shift in (("Norland Office", 0.4), ("Vesta Press", -0.3)):
            after = day >= pd.Timestamp("2031-03-01")
            score = float(np.clip(shift - (0.5 if after else 0) + rng.normal(0, 0.1), -1, 1))
            rows.append(dict(doc_id=f"{source[:1]}{i}", statement_id=f"{source[:1]}{i}:1",
                             speaker="Ana Roth", target="Norland", score=score,
                             label="favor" if score > 0.1 else "against" if score < -0.1
                             else "neutral", date=day.strftime("%Y-%m-%d"), source=source))
    return pd.DataFrame(rows)


def test_compare_periods_splits_at_the_date(stances):
    table = compare_periods(stances, break_date="2031-03-01")
    assert list(table.columns[:3]) == ["source", "target", "period"]
    before = table[(table["source"] == "Norland Office") & (table["period"] == "before")]
    after = table[(table["source"] == "Norland Office") & (table["period"] == "after")]
    assert float(after["mean"].iloc[0]) < float(before["mean"].iloc[0])
    assert int(before["n"].iloc[0]) + int(after["n"].iloc[0]) == \
        int((stances["source"] == "Norland Office").sum())
    assert (table["ci_low"] <= table["mean"]).all() and (table["mean"] <= table["ci_high"]).all()


def test_compare_periods_leaves_out_undated_rows(stances):
    stances.loc[0, "date"] = ""
    table = compare_periods(stances, break_date="2031-03-01")
    assert table["n"].sum() == len(stances) - 1


def test_compare_periods_rejects_non_metadata_groupings(stances):
    with pytest.raises(ValueError, match="cannot group by 'target'"):
        compare_periods(stances, break_date="2031-03-01", by="target")


def test_compare_periods_by_any_metadata_column(stances):
    stances = stances.assign(outlet=["Wire" if i % 3 else "Daily" for i in range(len(stances))])
    table = compare_periods(stances, break_date="2031-03-01", by="outlet")
    assert set(table["outlet"]) == {"Wire", "Daily"} and table.columns[0] == "outlet"


def test_before_after_draws_two_points_per_row(stances):
    ax = plot_before_after(stances, break_date="2031-03-01")
    assert len(ax.get_yticklabels()) == 2             # two sources x one target
    assert len(ax.containers) == 4                     # before and after for each row
    assert any(t.get_text().startswith("n=") for t in ax.texts)


def test_source_over_time_leaves_gaps_for_thin_periods(stances):
    thin = stances[~((stances["source"] == "Vesta Press") &
                     (stances["date"].str[:7] == "2031-04"))].copy()
    keep = thin[(thin["source"] == "Vesta Press") & (thin["date"].str[:7] == "2031-05")]
    thin = thin.drop(keep.index[MIN_PERIOD_N - 1:])    # May keeps too few statements
    ax = plot_source_over_time(thin, freq="M")
    lines = {ln.get_label(): ln for ln in ax.get_lines() if "Press" in ln.get_label()}
    y = np.asarray(lines["Vesta Press \u2013 Norland"].get_ydata(), dtype=float)
    assert np.isnan(y).sum() == 2                      # April (empty) and May (thin)
    assert len(ax.get_lines()) == 3                    # two sources and the zero line


def test_source_over_time_without_dates_says_so(stances):
    ax = plot_source_over_time(stances.assign(date=""))
    assert "No dated statements" in ax.texts[0].get_text()


def test_tone_beside_stance_uses_the_sentiment_column(stances):
    stances = stances.assign(sentiment=-0.9)
    tone = compare_periods(stances, break_date="2031-03-01", value="sentiment")
    assert np.allclose(tone["mean"], -0.9)
    ax = plot_before_after(stances, break_date="2031-03-01", value="sentiment")
    assert "sentiment" in ax.get_title() and "not stance" in ax.get_title()
    with pytest.raises(ValueError, match="value must be"):
        compare_periods(stances, break_date="2031-03-01", value="label")


def test_period_difference_has_an_interval_around_the_change(stances):
    from stance.report.aggregate import period_difference
    diff = period_difference(stances, break_date="2031-03-01").set_index("source")
    row = diff.loc["Norland Office"]
    assert row["difference"] == pytest.approx(row["after"] - row["before"])
    assert row["difference"] < -0.3                     # the fixture drops by 0.5
    assert row["ci_low"] <= row["difference"] <= row["ci_high"] < 0
    ax = plot_before_after(stances, break_date="2031-03-01")
    assert sum(t.get_text().startswith("\u0394") for t in ax.texts) == 2
