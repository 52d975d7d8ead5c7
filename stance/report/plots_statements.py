"""Plots of the statements themselves: mean stance over time, sentiment against stance.

Same conventions as :mod:`stance.report.plots` (a tidy ``stances`` table in, an Axes out,
nothing shown or saved); unlike the per-speaker charts there, these have no speaker rows: one
puts periods on the x axis, the other a statement's sentiment. Both are also importable from
:mod:`stance.report.plots`, where the notebooks find every chart.
"""
from __future__ import annotations

from typing import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .aggregate import FREQ_NAMES, FREQS, LABELS, period_range, period_start
from .plot_style import (LABEL_COLORS, SCORE_LABEL, STANCE_LABEL, TARGET_MARKERS, check_table,
                         no_data, signed, speaker_name, target_colour, target_order)

__all__ = ["plot_stance_over_time", "plot_sentiment_vs_stance"]


def plot_stance_over_time(stances: pd.DataFrame, *, freq: str = "W", max_lines: int = 8,
                          targets: Sequence[str] | None = None, ax: Axes | None = None,
                          **kwargs) -> Axes:
    """Draw the mean stance per period of the most-quoted speaker × target pairs.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table with a ``date`` column. Rows without a parseable date are left
        out; when none is left the Axes says so instead of raising.
    freq : {"D", "W", "M", "Q", "Y"}, default "W"
        Period: day, week (Monday to Sunday, plotted at its Monday), month, quarter or year.
        A period without statements is a gap: lines never join across it.
    max_lines : int, default 8
        Keep this many speaker × target pairs, those with the most dated statements, so the
        lines stay tellable apart.
    targets : list of str, optional
        Targets to include (default: all).
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.plot` (one call per pair).

    Returns
    -------
    Axes
        One line with markers per pair: colour is the target, marker and dash the speaker.
    """
    ax = plt.gca() if ax is None else ax
    if freq not in FREQS:
        raise ValueError(f"plot_stance_over_time: unknown freq {freq!r}; use one of "
                         f"{', '.join(FREQS)}")
    frame = check_table(stances, ("speaker", "target", "score"), "plot_stance_over_time")
    unit = FREQ_NAMES[freq]
    ax.set_title(f"Mean stance per {unit}")
    if "date" in frame:
        frame["period"] = period_start(frame["date"], freq).to_numpy()
        frame = frame[frame["period"].notna() & frame["score"].notna()]
    else:
        frame = frame.iloc[:0]
    if targets is not None:
        frame = frame[frame["target"].isin(targets)]
    if frame.empty:
        return no_data(ax, "No dated statements: stance over time needs\n"
                            "a date for the articles (the `date` column)")
    per = (frame.groupby(["speaker", "target", "period"], sort=True)["score"]
           .agg(["mean", "size"]).reset_index())
    totals = per.groupby(["speaker", "target"], sort=True)["size"].sum()
    totals = totals.reset_index().sort_values(["size", "speaker", "target"],
                                              ascending=[False, True, True], kind="stable")
    shown = totals.head(max_lines)
    cols = target_order(shown, targets)
    speakers = sorted(shown["speaker"].unique(), key=str)
    styles = ("-", "--", ":", "-.")
    shown = shown.assign(_t=shown["target"].map({t: i for i, t in enumerate(cols)}))
    periods = period_range(per["period"].min(), per["period"].max(), freq)
    for _, pair in shown.sort_values(["_t", "speaker"], kind="stable").iterrows():
        line = per[(per["speaker"] == pair["speaker"]) & (per["target"] == pair["target"])]
        line = line.set_index("period").reindex(periods).rename_axis("period").reset_index()
        k = speakers.index(pair["speaker"])
        opts = dict(color=target_colour(int(pair["_t"])),
                    marker=TARGET_MARKERS[k % len(TARGET_MARKERS)],
                    linestyle=styles[k % len(styles)], markersize=5, linewidth=1.4)
        opts.update(kwargs)
        ax.plot(line["period"], line["mean"],
                label=f"{speaker_name(pair['speaker'])} \u2013 {pair['target']}", **opts)

    ax.axhline(0, color="0.35", linewidth=0.8, linestyle="--", zorder=1)
    ax.set_ylim(-1.08, 1.08)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("week (plotted at its Monday)" if freq == "W" else unit)
    ax.set_ylabel(STANCE_LABEL)
    if len(totals) > len(shown):
        ax.set_title(f"Mean stance per {unit}, the {len(shown)} speaker \u2013 target pairs "
                     "with most statements")
    ax.legend(title="speaker \u2013 target", loc="upper left", bbox_to_anchor=(1.01, 1),
              frameon=False)
    return ax


def plot_sentiment_vs_stance(stances: pd.DataFrame, *, ax: Axes | None = None,
                             **kwargs) -> Axes:
    """Scatter each statement's sentiment (x) against its stance toward a target (y).

    Points are coloured by stance label; lines at 0 split the quadrants. A note beside the
    Axes gives the Pearson correlation and the share of points whose sentiment and stance
    have opposite signs: a negative-sounding statement can still favour a target
    ("Russia's brutal attack shows why Ukraine needs NATO").

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table (``score``, ``sentiment``, ``label``); rows missing either
        number are left out.
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.scatter` (one call per label).

    Returns
    -------
    Axes
    """
    ax = plt.gca() if ax is None else ax
    frame = check_table(stances, ("score", "sentiment", "label"), "plot_sentiment_vs_stance")
    for col in ("score", "sentiment"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    frame = frame.dropna(subset=["score", "sentiment"])
    ax.set_title("Sentiment of the statement vs. stance toward the target")
    if frame.empty:
        return no_data(ax, "No statements with both a sentiment and a stance score")

    ax.axhline(0, color="0.35", linewidth=0.8, zorder=1)
    ax.axvline(0, color="0.35", linewidth=0.8, zorder=1)
    known = frame["label"].isin(LABELS)
    for label in ("against", "neutral", "favor"):
        sub = frame[frame["label"] == label]
        if len(sub):
            opts = dict(s=18, color=LABEL_COLORS[label], alpha=0.7, linewidths=0.3,
                        edgecolors="white", zorder=2)
            opts.update(kwargs)
            ax.scatter(sub["sentiment"], sub["score"], label=label, **opts)
    if (~known).any():
        ax.scatter(frame.loc[~known, "sentiment"], frame.loc[~known, "score"], s=18,
                   color="0.6", marker="x", label="other label", zorder=2)

    x = frame["sentiment"].to_numpy(dtype=float)
    y = frame["score"].to_numpy(dtype=float)
    if len(x) >= 2 and x.std() > 0 and y.std() > 0:
        r_text = f"Pearson r = {signed(np.corrcoef(x, y)[0, 1])}"
    else:
        r_text = "Pearson r undefined (too few or constant values)"
    opposite = float(np.mean(x * y < 0))
    note = (f"{r_text}, n = {len(x)}\n"
            f"{opposite:.0%} of points: sentiment and\nstance of opposite sign")
    ax.annotate(note, xy=(1.03, 0.0), xycoords="axes fraction", ha="left", va="bottom",
                fontsize=plt.rcParams["font.size"] * 0.9)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("sentiment of the statement (VADER compound, \u22121 \u2026 +1)")
    ax.set_ylabel(SCORE_LABEL)
    ax.legend(title="stance label", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return ax
