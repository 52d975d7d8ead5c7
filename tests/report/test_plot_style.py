"""The shared look and checks of the plots (stance.report.plot_style). Speakers and targets
are fictional."""
import math

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from stance import schema
from stance.report import plot_style as ps


def test_stance_norm_is_fixed_at_minus_one_to_one():
    norm = ps.stance_norm()
    assert (norm(-1), norm(0), norm(1)) == (0.0, 0.5, 1.0)
    matplotlib.colormaps[ps.STANCE_CMAP]        # a colormap matplotlib knows


def test_colours_and_markers():
    assert set(ps.LABEL_COLORS) == set(schema.LABELS)
    assert len(ps.TARGET_COLORS) == len(ps.TARGET_MARKERS)
    assert len(set(ps.TARGET_COLORS)) == len(ps.TARGET_COLORS)
    assert len(set(ps.TARGET_MARKERS)) == len(ps.TARGET_MARKERS)
    n = len(ps.TARGET_COLORS)
    assert ps.target_colour(0) == ps.target_colour(n) == ps.TARGET_COLORS[0]
    assert ps.target_colour(n + 1) == ps.TARGET_COLORS[1]


def test_check_table_names_the_missing_column_and_the_plot():
    frame = pd.DataFrame({"speaker": ["Ana Roth"], "target": ["Concord"]})
    with pytest.raises(ValueError, match=r"speaker_plot: the table has no column 'score'"):
        ps.check_table(frame, ["speaker", "target", "score"], "speaker_plot")


def test_check_table_fills_unknown_speakers_on_a_copy():
    frame = pd.DataFrame({"speaker": ["Ana Roth", None, ""], "target": ["Concord", 7, "Lumen"],
                          "score": [0.5, -0.2, 0.0]})
    out = ps.check_table(frame, ["speaker", "target"], "plot")
    assert list(out["speaker"]) == ["Ana Roth", ps.UNKNOWN_SPEAKER, ps.UNKNOWN_SPEAKER]
    assert list(out["target"]) == ["Concord", "7", "Lumen"]
    assert pd.isna(frame["speaker"].iloc[1]) and frame["target"].iloc[1] == 7   # input untouched


def test_target_order():
    table = pd.DataFrame({"target": ["Lumen", "Russia", "Concord", "NATO", "Lumen"]})
    assert ps.target_order(table, None) == ["NATO", "Russia", "Concord", "Lumen"]
    assert ps.target_order(table, ["Lumen", "Ukraine", "NATO"]) == ["Lumen", "NATO"]
    assert ps.target_order(table, []) == []


def test_no_data_writes_the_message_on_a_bare_axes():
    fig, ax = plt.subplots()
    assert ps.no_data(ax, "no statements") is ax
    assert [t.get_text() for t in ax.texts] == ["no statements"]
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    assert not any(s.get_visible() for s in ax.spines.values())


@pytest.mark.parametrize("value, expected", [
    (None, ps.UNKNOWN_SPEAKER), (math.nan, ps.UNKNOWN_SPEAKER), ("Ana Roth", "Ana Roth"),
    (12, "12"),
])
def test_speaker_name(value, expected):
    assert ps.speaker_name(value) == expected


def test_signed_uses_a_real_minus_and_always_a_sign():
    assert ps.signed(0.25) == "+0.25"
    assert ps.signed(-0.5) == "\u22120.50"
    assert ps.signed(0) == "+0.00"
    assert len(ps.signed(0.25)) == len(ps.signed(-0.25))
