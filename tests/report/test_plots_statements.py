"""Tests for stance.report.plots_statements: stance over time, sentiment against stance
(fictional stances)."""
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from stance.report.aggregate import actor_target  # noqa: E402
from stance.report.plots_statements import (plot_sentiment_vs_stance,  # noqa: E402
                                            plot_stance_over_time)


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_time_plot_draws_one_line_per_pair(stances):
    ax = plot_stance_over_time(stances, freq="W")
    pairs = [line for line in ax.lines if " \u2013 " in line.get_label()]
    assert len(pairs) == len(actor_target(stances))


@pytest.mark.parametrize("dates", ["", np.nan, "not a date"])
def test_time_plot_without_dates_says_so(stances, dates):
    ax = plot_stance_over_time(stances.assign(date=dates))
    assert any("No dated statements" in t for t in _texts(ax))
    ax = plot_stance_over_time(stances.drop(columns="date"))
    assert any("No dated statements" in t for t in _texts(ax))


def test_sentiment_plot_reports_correlation(stances):
    ax = plot_sentiment_vs_stance(stances)
    r = np.corrcoef(stances["sentiment"], stances["score"])[0, 1]
    note = [t for t in _texts(ax) if "Pearson r" in t]
    assert len(note) == 1
    assert f"{abs(r):.2f}" in note[0] and "opposite sign" in note[0]
    points = sum(len(c.get_offsets()) for c in ax.collections)
    assert points == len(stances)


def test_sentiment_plot_survives_constant_values(stances):
    ax = plot_sentiment_vs_stance(stances.assign(sentiment=0.0))
    assert any("undefined" in t for t in _texts(ax))


def test_stance_over_time_breaks_lines_at_empty_periods():
    rows = pd.DataFrame({"speaker": "Ana Roth", "target": "NATO", "score": [0.5, 0.4, -0.2],
                         "statement_id": ["a:1", "b:1", "c:1"], "label": "favor",
                         "date": ["2031-01-05", "2031-02-03", "2031-05-02"]})
    ax = plot_stance_over_time(rows, freq="M")
    y = np.asarray(ax.get_lines()[0].get_ydata(), dtype=float)
    assert len(y) == 5 and np.isnan(y).sum() == 2     # March and April are gaps
