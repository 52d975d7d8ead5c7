import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.container import BarContainer, ErrorbarContainer  # noqa: E402

from stance.report import plots  # noqa: E402
from stance.report.aggregate import actor_target  # noqa: E402


@pytest.fixture
def table(stances):
    return actor_target(stances)


AFFILIATIONS = {"Ada Vale": "Northland", "Bo Krell": "Southland", "Cy Marsh": "Northland"}


def _texts(ax):
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("func, data", [
    (plots.plot_actor_target_heatmap, "table"), (plots.plot_actor_target_intervals, "table"),
    (plots.plot_statement_strip, "stances"), (plots.plot_actor_target_network, "table"),
    (plots.plot_stance_over_time, "stances"), (plots.plot_sentiment_vs_stance, "stances"),
    (plots.plot_label_counts, "table"),
])
def test_uses_given_axes_or_current_one(func, data, request):
    frame = request.getfixturevalue(data)
    _, ax1 = plt.subplots()
    assert func(frame, ax=ax1) is ax1
    plt.figure()
    ax2 = func(frame)
    assert ax2 is not ax1 and ax2 is plt.gca()
    assert ax2.get_title()


@pytest.mark.parametrize("func", [plots.plot_actor_target_heatmap,
                                  plots.plot_actor_target_intervals,
                                  plots.plot_actor_target_network, plots.plot_label_counts])
def test_empty_table_says_so(func, table):
    ax = func(table.iloc[:0])
    assert any("No" in t for t in _texts(ax))


def test_heatmap_annotates_every_filled_cell_and_marks_empty_ones(table):
    ax = plots.plot_actor_target_heatmap(table)
    texts = _texts(ax)
    filled = [t for t in texts if "n=" in t]
    assert len(filled) == len(table)
    for n in table["n"]:
        assert any(f"n={n}" in t for t in filled)
    n_cells = table["speaker"].nunique() * table["target"].nunique()
    assert texts.count(plots.EMPTY_MARK) == n_cells - len(table)
    assert ax.images[0].get_array().mask.sum() == n_cells - len(table)
    colourbar = ax.images[0].colorbar
    assert "mean stance" in colourbar.ax.get_ylabel()
    assert colourbar.vmin == -1 and colourbar.vmax == 1


def test_heatmap_without_annotation_keeps_empty_marks(table):
    ax = plots.plot_actor_target_heatmap(table, annotate=False, cbar=False)
    assert not any("n=" in t for t in _texts(ax))
    assert plots.EMPTY_MARK in _texts(ax)


def test_heatmap_text_is_readable_on_its_cell():
    table = pd.DataFrame({"speaker": ["A", "B"], "target": ["NATO", "NATO"], "n": [3, 3],
                          "mean": [-0.95, 0.02]})
    ax = plots.plot_actor_target_heatmap(table, order=None)
    colours = {t.get_text().split("\n")[0]: t.get_color() for t in ax.texts}
    assert colours["\u22120.95"] == "white" and colours["+0.02"] == "black"


def test_speaker_order_by_affiliation_then_name_or_by_stance(table):
    ax = plots.plot_actor_target_heatmap(table, affiliations=AFFILIATIONS)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Ada Vale (Northland)", "Cy Marsh (Northland)", "Bo Krell (Southland)"]
    weighted = (table.assign(w=table["mean"] * table["n"]).groupby("speaker")[["w", "n"]].sum())
    expected = list((weighted["w"] / weighted["n"]).sort_values(ascending=False).index)
    ax = plots.plot_actor_target_heatmap(table, order="stance")
    assert [t.get_text() for t in ax.get_yticklabels()] == expected


def test_intervals_one_errorbar_per_target(table):
    ax = plots.plot_actor_target_intervals(table)
    containers = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert len(containers) == table["target"].nunique()
    assert [c.get_label() for c in containers] == ["NATO", "Ukraine", "Russia"]
    assert any(line.get_xdata()[0] == 0 for line in ax.lines if len(line.get_xdata()) == 2)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["NATO", "Ukraine", "Russia"]


def test_strip_has_one_point_per_row(stances):
    ax = plots.plot_statement_strip(stances, seed=1)
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert sum(len(c.get_offsets()) for c in points) == len(stances)
    means = [line for line in ax.lines if line.get_label() == "mean"]
    assert len(means) == 1 and len(means[0].get_xdata()) == len(actor_target(stances))


def test_strip_jitter_is_seeded(stances):
    def offsets(seed, frame):
        _, ax = plt.subplots()
        plots.plot_statement_strip(frame, seed=seed, ax=ax)
        return np.concatenate([c.get_offsets() for c in ax.collections])
    same = offsets(0, stances)
    np.testing.assert_array_equal(same, offsets(0, stances.iloc[::-1]))
    assert not np.array_equal(same, offsets(1, stances))


def test_network_one_edge_per_row(table):
    ax = plots.plot_actor_target_network(table, affiliations=AFFILIATIONS)
    edges = [c for c in ax.collections
             if isinstance(c, LineCollection) and c.get_gid() == "stance-edges"]
    assert len(edges) == 1 and len(edges[0].get_segments()) == len(table)
    widths = edges[0].get_linewidths()
    assert max(widths) > min(widths)  # n differs, so do the widths
    assert {t.get_text() for t in ax.get_yticklabels()} == {
        "Ada Vale (Northland)", "Bo Krell (Southland)", "Cy Marsh (Northland)"}


def test_label_counts_stack_three_labels(table):
    ax = plots.plot_label_counts(table)
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert [b.get_label() for b in bars] == ["against", "neutral", "favor"]
    assert all(len(b) == len(table) for b in bars)
    widths = np.sum([[p.get_width() for p in b] for b in bars], axis=0)
    assert sorted(widths) == sorted(table["n"])


def test_bad_order_is_explained(table):
    with pytest.raises(ValueError, match="order must be"):
        plots.plot_actor_target_heatmap(table, order="size")


def test_duplicate_pairs_are_explained(table):
    with pytest.raises(ValueError, match="several rows"):
        plots.plot_actor_target_heatmap(pd.concat([table, table]))


def test_intervals_show_n_and_no_bar_below_three_statements():
    table = pd.DataFrame({"speaker": ["Ana Roth", "Karel Vos"], "target": ["NATO", "NATO"],
                          "n": [2, 12], "mean": [0.3, -0.2], "ci_low": [0.1, -0.4],
                          "ci_high": [0.5, 0.0], "favor": [1, 2], "neutral": [1, 4],
                          "against": [0, 6]})
    ax = plots.plot_actor_target_intervals(table, order=None)
    labels = sorted(t.get_text() for t in ax.texts if t.get_text().startswith("n="))
    assert labels == ["n=12", "n=2"]
    bars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)][0]
    widths = [seg[1][0] - seg[0][0] for seg in bars.lines[2][0].get_segments()]
    assert widths[0] == pytest.approx(0.0) and widths[1] == pytest.approx(0.4)
