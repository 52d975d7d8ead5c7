"""The shared look and checks of the report plots: colours, markers, labels, target order.

:mod:`stance.report.plots`, :mod:`stance.report.plots_statements` and
:mod:`stance.report.plots_compare` draw with these, so a target has the same colour and marker
and a stance the same scale in every chart. The helpers check an input table, order the
targets and write the message an empty Axes shows.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Normalize

__all__ = [
    "STANCE_CMAP", "STANCE_LABEL", "SCORE_LABEL", "LABEL_COLORS", "TARGET_COLORS",
    "TARGET_MARKERS", "TARGET_ORDER", "UNKNOWN_SPEAKER", "MIN_INTERVAL_N", "stance_norm",
    "check_table", "no_data", "target_order", "target_colour", "speaker_name", "signed",
]

#: Diverging colormap for stance: ColorBrewer's RdBu, which stays distinguishable under the
#: common red-green colour-vision deficiencies and in greyscale (its lightness is symmetric
#: around a near-white centre), and reads as red = against, blue = in favour.
STANCE_CMAP = "RdBu"
#: Axis and colourbar label for a mean stance; the scale is the ``score`` of CONTRACT.md.
STANCE_LABEL = "mean stance (\u22121 against \u2026 +1 favour)"
#: Axis label for single statement-target scores.
SCORE_LABEL = "stance score (\u22121 against \u2026 +1 favour)"
#: Label colours: the two ends of RdBu (so they match the stance colourbar) and a mid grey.
LABEL_COLORS = {"against": "#b2182b", "neutral": "#8c8c8c", "favor": "#2166ac"}
#: Target colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), safe
#: for colour-blind readers; black and yellow are last because they carry the least contrast
#: against the mean markers and a white background respectively.
TARGET_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
                 "#000000", "#F0E442")
#: Target markers, so targets stay apart in greyscale print too.
TARGET_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
#: Default targets first, in the order the project reports them; other targets follow sorted.
TARGET_ORDER = ("NATO", "Ukraine", "Russia")
#: Shown for statements without a named speaker.
UNKNOWN_SPEAKER = "(unknown speaker)"
#: Means resting on fewer statements than this get no interval bar: a percentile bootstrap of
#: one or two values says nothing about the speaker's position, only about those values.
MIN_INTERVAL_N = 3


def stance_norm() -> Normalize:
    """Return the colour normalisation of stance: fixed at −1 … +1, so 0 is always the
    neutral centre of :data:`STANCE_CMAP` whatever the data's range."""
    return Normalize(vmin=-1, vmax=1)


def check_table(frame: pd.DataFrame, columns: Sequence[str], who: str) -> pd.DataFrame:
    """Return a copy of ``frame`` with string speakers and targets; raise if it lacks ``columns``.

    Parameters
    ----------
    frame : DataFrame
        A ``stances`` or ``actor_target`` table.
    columns : sequence of str
        Columns the plot needs.
    who : str
        The plot's name, for the error message.

    Returns
    -------
    DataFrame
        Missing or empty speakers become :data:`UNKNOWN_SPEAKER`.
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{who}: the table has no column {', '.join(map(repr, missing))}; "
                         "pass the `stances` or `actor_target` table of CONTRACT.md")
    out = frame.copy()
    if "speaker" in out:
        out["speaker"] = out["speaker"].where(out["speaker"].notna() & (out["speaker"] != ""),
                                              UNKNOWN_SPEAKER).astype(str)
    if "target" in out:
        out["target"] = out["target"].astype(str)
    return out


def no_data(ax: Axes, message: str) -> Axes:
    """Write ``message`` in the middle of ``ax``, without ticks or spines; return ``ax``."""
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            color="0.35", wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def target_order(table: pd.DataFrame, targets: Sequence[str] | None) -> list[str]:
    """The targets of ``table`` to show: ``targets`` (those present), else :data:`TARGET_ORDER`
    first and the rest sorted."""
    present = set(table["target"])
    if targets is not None:
        return [t for t in targets if t in present]
    first = [t for t in TARGET_ORDER if t in present]
    return first + sorted(present - set(first))


def target_colour(j: int) -> str:
    """Colour of the ``j``-th target shown (:data:`TARGET_COLORS`, repeating)."""
    return TARGET_COLORS[j % len(TARGET_COLORS)]


def speaker_name(value) -> str:
    """``value`` as a speaker name: :data:`UNKNOWN_SPEAKER` when missing."""
    return UNKNOWN_SPEAKER if value is None or (isinstance(value, float) and np.isnan(value)) \
        else str(value)


def signed(value: float) -> str:
    """``value`` with two decimals and always a sign (``+0.25``, ``−0.50``)."""
    # A real minus sign, the width of the plus, so columns of numbers line up.
    return f"{value:+.2f}".replace("-", "\u2212")
