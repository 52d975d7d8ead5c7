"""Plots that compare groups of a dated corpus: sources over time, before and after a date.

Same conventions as :mod:`stance.report.plots`: a tidy ``stances`` table in, an Axes out, nothing
shown or saved. Both plots pool every speaker quoted by a source, so they answer "how does
this outlet's or office's output speak of each target", not what one person said.
"""
from __future__ import annotations

from typing import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .aggregate import (FREQ_NAMES, FREQS, compare_periods, period_difference, period_range,
                        period_start)
from .plot_style import (MIN_INTERVAL_N, STANCE_LABEL, TARGET_MARKERS, check_table, no_data,
                         target_colour, target_order)

__all__ = ["plot_source_over_time", "plot_before_after"]

#: Line styles that tell the sources apart, so colour can stay the target's.
SOURCE_STYLES = ("-", "--", ":", "-.")
#: A period mean resting on fewer statements than this is not drawn: with one or two
#: statements the "mean" is one statement's score, which reads as a trend it is not.
MIN_PERIOD_N = 3


def plot_source_over_time(stances: pd.DataFrame, *, freq: str = "M", by: str = "source",
                          targets: Sequence[str] | None = None, ax: Axes | None = None,
                          **kwargs) -> Axes:
    """Draw each source's mean stance toward each target per period.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table with ``date`` and ``source`` columns.
    freq : {"D", "W", "M", "Q", "Y"}, default "M"
        Period length.
    by : str, default "source"
        The metadata column whose groups get one line per target (any column of the table).
    targets : list of str, optional
        Targets to include (default: all).
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.plot` (one call per source × target).

    Returns
    -------
    Axes
        Colour and marker are the target, line style the source. A period with fewer than
        :data:`MIN_PERIOD_N` statements is a gap, and lines never join across gaps.
    """
    ax = plt.gca() if ax is None else ax
    if freq not in FREQS:
        raise ValueError(f"plot_source_over_time: unknown freq {freq!r}; use one of "
                         f"{', '.join(FREQS)}")
    frame = check_table(stances, (by, "target", "score", "date"), "plot_source_over_time")
    frame["period"] = period_start(frame["date"], freq).to_numpy()
    frame = frame[frame["period"].notna() & frame["score"].notna() &
                  frame[by].notna() & (frame[by].astype(str) != "")]
    frame = frame.assign(source=frame[by].astype(str))
    if targets is not None:
        frame = frame[frame["target"].isin(targets)]
    unit = FREQ_NAMES[freq]
    ax.set_title(f"Mean stance per {unit} and {by} (all speakers quoted)")
    if frame.empty:
        return no_data(ax, f"No dated statements with a {by}")
    per = (frame.groupby(["source", "target", "period"], sort=True)["score"]
           .agg(["mean", "size"]).reset_index())
    periods = period_range(per["period"].min(), per["period"].max(), freq)
    cols = target_order(per, targets)
    sources = sorted(per["source"].unique(), key=str)
    for j, target in enumerate(cols):
        for k, source in enumerate(sources):
            line = per[(per["source"] == source) & (per["target"] == target)]
            if line.empty:
                continue
            line = line.set_index("period").reindex(periods)
            y = line["mean"].where(line["size"] >= MIN_PERIOD_N)
            opts = dict(color=target_colour(j), marker=TARGET_MARKERS[j % len(TARGET_MARKERS)],
                        linestyle=SOURCE_STYLES[k % len(SOURCE_STYLES)], markersize=4,
                        linewidth=1.4)
            opts.update(kwargs)
            ax.plot(periods, y.to_numpy(dtype=float), label=f"{source} \u2013 {target}", **opts)
    ax.axhline(0, color="0.35", linewidth=0.8, linestyle="--", zorder=1)
    ax.set_ylim(-1.08, 1.08)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel(f"{unit} (periods with fewer than {MIN_PERIOD_N} statements left out)")
    ax.set_ylabel(STANCE_LABEL)
    ax.legend(title=f"{by} \u2013 target", loc="upper left", bbox_to_anchor=(1.01, 1),
              frameon=False)
    return ax


def plot_before_after(stances: pd.DataFrame, *, break_date: str, by: str = "source",
                      value: str = "score", targets: Sequence[str] | None = None,
                      ax: Axes | None = None, **kwargs) -> Axes:
    """Draw each group's mean stance toward each target before and after ``break_date``.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table with ``date`` and the ``by`` column.
    break_date : str
        ISO date of the break (e.g. ``"2022-02-24"``).
    by : str, default "source"
        One row of the chart per group × target: the source, the speaker, or any other
        metadata column.
    value : {"score", "sentiment"}, default "score"
        Stance, or the plain sentiment (VADER) of the same statements: tone beside stance.
    targets : list of str, optional
        Targets to include (default: all).
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.errorbar` (one call per period).

    Returns
    -------
    Axes
        Per row: the mean before (hollow) and after (filled) with 95 % bootstrap intervals
        resampling documents (none under :data:`~stance.report.plot_style.MIN_INTERVAL_N`
        statements), the number of statements of each beside it, and the change (Δ, after
        minus before) with its 95 % interval.
    """
    ax = plt.gca() if ax is None else ax
    table = compare_periods(stances, break_date=break_date, by=by, value=value)
    if targets is not None:
        table = table[table["target"].isin(targets)]
    what = "stance" if value == "score" else "sentiment (VADER, not stance)"
    ax.set_title(f"Mean {what} before and after {break_date}\n(by {by}; 95 % intervals "
                 "resample documents)")
    if table.empty:
        return no_data(ax, "No dated statements on either side of the break")
    cols = target_order(table, targets)
    groups = sorted(table[by].unique(), key=str)
    rows = [(g, t) for g in groups for t in cols
            if ((table[by] == g) & (table["target"] == t)).any()]
    ypos = {r: i for i, r in enumerate(rows)}
    for period, dy, fill in (("before", -0.15, False), ("after", 0.15, True)):
        part = table[table["period"] == period]
        for _, r in part.iterrows():
            key = (r[by], r["target"])
            if key not in ypos:
                continue
            j = cols.index(r["target"])
            colour = target_colour(j)
            y = ypos[key] + dy
            err = np.array([[r["mean"] - r["ci_low"]], [r["ci_high"] - r["mean"]]])
            if r["n"] < MIN_INTERVAL_N:
                err = np.zeros((2, 1))
            opts = dict(fmt=TARGET_MARKERS[j % len(TARGET_MARKERS)], color=colour,
                        markerfacecolor=colour if fill else "white", markersize=5,
                        capsize=2, linewidth=1.2)
            opts.update(kwargs)
            ax.errorbar([r["mean"]], [y], xerr=err, **opts)
            ax.annotate(f"n={int(r['n'])}", (1.1, y), xycoords=("data", "data"),
                        fontsize=6.5, va="center", color="0.3")
    # The change and its interval (documents of each period resampled independently).
    for r in period_difference(stances, break_date=break_date, by=by, value=value).itertuples():
        key = (getattr(r, by) if by.isidentifier() else r[1], r.target)
        if key in ypos:
            ax.annotate(f"\u0394 {r.difference:+.2f} [{r.ci_low:+.2f}, {r.ci_high:+.2f}]",
                        (1.1, ypos[key] + 0.38), fontsize=6, va="center", color="0.15")
    ax.axvline(0, color="0.35", linewidth=0.8, linestyle="--", zorder=1)
    ax.set_xlim(-1.08, 1.35)
    ax.set_yticks(range(len(rows)), [f"{g} \u2013 {t}" for g, t in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel((STANCE_LABEL if value == "score" else
                   "mean sentiment of the statements (VADER compound, \u22121 \u2026 +1)")
                  + "; hollow: before, filled: after")
    return ax
