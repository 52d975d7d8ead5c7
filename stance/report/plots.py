"""Report plots of stance tables, in the manner of seaborn's axes-level functions.

Every function takes a tidy table of CONTRACT.md (``actor_target`` or ``stances``), draws on
``ax`` (the current Axes when ``None``) and returns that Axes; none of them shows or saves a
figure (see :mod:`stance.report.figures`). Extra keyword arguments go to the main matplotlib call
named in each docstring.

This module holds the per-speaker charts, one row (or node) per speaker; the two charts of
single statements, :func:`plot_stance_over_time` and :func:`plot_sentiment_vs_stance`, are
defined in :mod:`stance.report.plots_statements` and importable from here too, so every chart
of the report is found in one place. Colours, markers and labels are those of
:mod:`stance.report.plot_style`.

Speaker order, shared by every per-speaker plot (``order=``):

- ``"affiliation"`` (default): grouped by affiliation, then by name, when ``affiliations``
  (a mapping speaker → affiliation, e.g. from the actor registry) is given; speakers it does
  not list come last. Without ``affiliations`` this falls back to ``"stance"``.
- ``"stance"``: by mean stance over all of the speaker's statements, most favourable first.
- ``None``: alphabetical; or pass a list of speaker names.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from .aggregate import LABELS
from .plot_style import (LABEL_COLORS, MIN_INTERVAL_N, SCORE_LABEL, STANCE_CMAP, STANCE_LABEL,
                         TARGET_MARKERS, check_table, no_data, signed, speaker_name, stance_norm,
                         target_colour, target_order)
from .plots_statements import plot_sentiment_vs_stance, plot_stance_over_time

__all__ = [
    "plot_actor_target_heatmap", "plot_actor_target_intervals", "plot_statement_strip",
    "plot_actor_target_network", "plot_stance_over_time", "plot_sentiment_vs_stance",
    "plot_label_counts",
]

#: Fill of heatmap cells without any statement: light enough not to read as a stance.
EMPTY_COLOR = "#ececec"
#: Hatching of empty heatmap cells, light so the "–" mark stays legible on top.
EMPTY_HATCH = "////"
EMPTY_HATCH_COLOR = "#d2d2d2"
#: Shown in empty cells.
EMPTY_MARK = "\u2013"


def plot_actor_target_heatmap(actor_target: pd.DataFrame, *, order: str | Sequence[str] | None
                              = "affiliation", affiliations: Mapping[str, str] | None = None,
                              targets: Sequence[str] | None = None, annotate: bool = True,
                              cbar: bool = True, ax: Axes | None = None, **kwargs) -> Axes:
    """Draw mean stance per speaker (rows) × target (columns) as a heatmap.

    Parameters
    ----------
    actor_target : DataFrame
        One row per speaker × target with ``speaker``, ``target``, ``n`` and ``mean``.
    order : {"affiliation", "stance"}, list or None, default "affiliation"
        Row order (see the module docstring).
    affiliations : mapping, optional
        Speaker → affiliation; shown after the name and used by ``order="affiliation"``.
    targets : list of str, optional
        Targets to show, in column order (default: all, NATO, Ukraine, Russia first).
    annotate : bool, default True
        Write the mean and the number of statements in each cell.
    cbar : bool, default True
        Add a colourbar.
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.imshow`.

    Returns
    -------
    Axes
        Cells without statements are light grey and marked "–".
    """
    ax = plt.gca() if ax is None else ax
    table = check_table(actor_target, ("speaker", "target", "n", "mean"),
                        "plot_actor_target_heatmap")
    ax.set_title("Mean stance by speaker and target")
    if table.empty:
        return no_data(ax, "No speaker \u00d7 target rows to show")
    _check_unique(table, "plot_actor_target_heatmap")
    speakers = _speaker_order(table, order=order, affiliations=affiliations)
    cols = target_order(table, targets)
    means = (table.pivot(index="speaker", columns="target", values="mean")
             .reindex(index=speakers, columns=cols).to_numpy(dtype=float))
    counts = (table.pivot(index="speaker", columns="target", values="n")
              .reindex(index=speakers, columns=cols).to_numpy(dtype=float))

    cmap = plt.get_cmap(STANCE_CMAP).with_extremes(bad=EMPTY_COLOR)
    kwargs.setdefault("aspect", "auto")
    kwargs.setdefault("interpolation", "nearest")
    image = ax.imshow(np.ma.masked_invalid(means), cmap=cmap, norm=stance_norm(), **kwargs)

    size = plt.rcParams["font.size"] * (0.85 if len(cols) <= 6 else 0.7)
    for i in range(len(speakers)):
        for j in range(len(cols)):
            if np.isnan(means[i, j]):
                # Hatched as well as grey: a near-neutral cell is almost as pale.
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, hatch=EMPTY_HATCH,
                                       facecolor="none", edgecolor=EMPTY_HATCH_COLOR,
                                       linewidth=0))
                ax.text(j, i, EMPTY_MARK, ha="center", va="center", color="#6f6f6f",
                        fontsize=size)
            elif annotate:
                colour = _text_colour(cmap(stance_norm()(means[i, j])))
                ax.text(j, i, f"{signed(means[i, j])}\nn={int(counts[i, j])}", ha="center",
                        va="center", color=colour, fontsize=size, linespacing=1.15)

    ax.set_xticks(range(len(cols)), cols)
    ax.set_yticks(range(len(speakers)), _speaker_labels(speakers, affiliations))
    # White hairlines between cells keep neighbouring cells of similar colour apart.
    ax.set_xticks(np.arange(-0.5, len(cols)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(speakers)), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for boundary in _group_breaks(speakers, affiliations if order == "affiliation" else None):
        ax.axhline(boundary, color="white", linewidth=5)
    ax.set_xlabel("target")
    ax.set_ylabel("speaker")
    if np.isnan(means).any():
        key = Patch(facecolor=EMPTY_COLOR, edgecolor=EMPTY_HATCH_COLOR, hatch=EMPTY_HATCH,
                    linewidth=0.5, label=f"{EMPTY_MARK}  no statements")
        # Below the colourbar, right of the target names, where it covers nothing.
        ax.legend(handles=[key], loc="upper left", bbox_to_anchor=(1.0, -0.01),
                  frameon=False, handlelength=1.2, borderaxespad=0.0)
    if cbar:
        bar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.03, shrink=0.9,
                                 ticks=[-1, -0.5, 0, 0.5, 1])
        bar.set_label(STANCE_LABEL)
        bar.outline.set_visible(False)
    return ax


def plot_actor_target_intervals(actor_target: pd.DataFrame, *, order: str | Sequence[str] | None
                                = "affiliation", affiliations: Mapping[str, str] | None = None,
                                targets: Sequence[str] | None = None, ci: float = 0.95,
                                ax: Axes | None = None, **kwargs) -> Axes:
    """Draw each speaker's mean stance per target with its bootstrap interval.

    Speakers are rows; targets are dodged within a row and told apart by colour and marker.

    Parameters
    ----------
    actor_target : DataFrame
        One row per speaker × target with ``speaker``, ``target``, ``mean``, ``ci_low`` and
        ``ci_high``.
    order, affiliations, targets
        As in :func:`plot_actor_target_heatmap`.
    ci : float, default 0.95
        Coverage the intervals were computed at; used in the title only.
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.errorbar` (one call per target).

    Returns
    -------
    Axes
    """
    ax = plt.gca() if ax is None else ax
    table = check_table(actor_target, ("speaker", "target", "mean", "ci_low", "ci_high"),
                        "plot_actor_target_intervals")
    ax.set_title(f"Mean stance per speaker and target, {ci:.0%} bootstrap intervals "
                 "(resampling documents)")
    if table.empty:
        return no_data(ax, "No speaker \u00d7 target rows to show")
    _check_unique(table, "plot_actor_target_intervals")
    speakers = _speaker_order(table, order=order, affiliations=affiliations)
    cols = target_order(table, targets)
    row = {s: i for i, s in enumerate(speakers)}
    offsets = _dodge(len(cols))

    _bands(ax, len(speakers))
    ax.axvline(0, color="0.35", linewidth=0.8, linestyle="--", zorder=1)
    for j, target in enumerate(cols):
        sub = table[(table["target"] == target) & table["speaker"].isin(row)]
        if sub.empty:
            continue
        mean = sub["mean"].to_numpy(dtype=float)
        low = sub["ci_low"].fillna(sub["mean"]).to_numpy(dtype=float)
        high = sub["ci_high"].fillna(sub["mean"]).to_numpy(dtype=float)
        if "n" in sub:
            few = sub["n"].to_numpy() < MIN_INTERVAL_N
            low, high = np.where(few, mean, low), np.where(few, mean, high)
        opts = dict(fmt=TARGET_MARKERS[j % len(TARGET_MARKERS)], color=target_colour(j),
                    markersize=5, capsize=2.5, elinewidth=1.2, linestyle="none", zorder=3)
        opts.update(kwargs)
        ys = sub["speaker"].map(row).to_numpy() + offsets[j]
        ax.errorbar(mean, ys, xerr=[np.maximum(mean - low, 0), np.maximum(high - mean, 0)],
                    label=target, **opts)
        if "n" in sub:
            for x, y, n in zip(np.maximum(high, mean), ys, sub["n"]):
                ax.annotate(f"n={int(n)}", (x, y), xytext=(4, 0), textcoords="offset points",
                            va="center", fontsize=plt.rcParams["font.size"] * 0.7, color="0.3")

    _group_lines(ax, speakers, affiliations if order == "affiliation" else None)
    ax.set_yticks(range(len(speakers)), _speaker_labels(speakers, affiliations))
    ax.set_ylim(len(speakers) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(STANCE_LABEL)
    ax.legend(title="target", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    if (table["ci_low"] == table["ci_high"]).any() or \
            ("n" in table and (table["n"] < MIN_INTERVAL_N).any()):
        # Say why some points have no bar, beside the Axes where it covers no data.
        ax.annotate(f"no bar: fewer than {MIN_INTERVAL_N} statements,\none document, or all "
                    "scores equal", xy=(1.01, 0.0),
                    xycoords="axes fraction", ha="left", va="bottom", color="0.3",
                    fontsize=plt.rcParams["font.size"] * 0.85)
    return ax


def plot_statement_strip(stances: pd.DataFrame, *, order: str | Sequence[str] | None
                         = "affiliation", affiliations: Mapping[str, str] | None = None,
                         targets: Sequence[str] | None = None, seed: int = 0,
                         ax: Axes | None = None, **kwargs) -> Axes:
    """Draw every statement-target score as a jittered point, one row per speaker.

    Points are coloured by target; a black bar marks the mean of each speaker × target.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table (``speaker``, ``target``, ``score``; ``statement_id`` if present
        fixes the jitter independently of the row order).
    order, affiliations, targets
        As in :func:`plot_actor_target_heatmap`; ``"stance"`` uses the mean of the scores.
    seed : int, default 0
        Seed of the vertical jitter.
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.scatter` (one call per target).

    Returns
    -------
    Axes
    """
    ax = plt.gca() if ax is None else ax
    frame = check_table(stances, ("speaker", "target", "score"), "plot_statement_strip")
    frame = frame[frame["score"].notna()]
    ax.set_title("Stance of every statement, by speaker and target")
    if frame.empty:
        return no_data(ax, "No scored statements to show")
    # Sort first so that the same rows in another order get the same jitter.
    keys = ["speaker", "target"] + (["statement_id"] if "statement_id" in frame else []) + ["score"]
    frame = frame.sort_values(keys, kind="stable").reset_index(drop=True)
    summary = frame.groupby(["speaker", "target"], sort=True)["score"].agg(["mean", "size"])
    summary = summary.rename(columns={"size": "n"}).reset_index()
    speakers = _speaker_order(summary, order=order, affiliations=affiliations)
    cols = target_order(summary, targets)
    row = {s: i for i, s in enumerate(speakers)}
    offsets = _dodge(len(cols))
    half = 0.3 * (offsets[1] - offsets[0]) if len(cols) > 1 else 0.2
    jitter = np.random.default_rng(seed).uniform(-half, half, size=len(frame))

    _bands(ax, len(speakers))
    ax.axvline(0, color="0.35", linewidth=0.8, linestyle="--", zorder=1)
    mean_x, mean_y = [], []
    for j, target in enumerate(cols):
        mask = ((frame["target"] == target) & frame["speaker"].isin(row)).to_numpy()
        if not mask.any():
            continue
        sub = frame[mask]
        y = sub["speaker"].map(row).to_numpy() + offsets[j] + jitter[mask]
        opts = dict(s=16, color=target_colour(j), marker=TARGET_MARKERS[j % len(TARGET_MARKERS)],
                    alpha=0.8, linewidths=0.4, edgecolors="white", zorder=3)
        opts.update(kwargs)
        ax.scatter(sub["score"], y, label=target, **opts)
        means = summary[(summary["target"] == target) & summary["speaker"].isin(row)]
        mean_x.extend(means["mean"])
        mean_y.extend(means["speaker"].map(row).to_numpy() + offsets[j])
    # One Line2D for all means, so the points are the only collections on the Axes; drawn
    # under the points and taller than them, so a lone statement stays visible on its mean.
    ax.plot(mean_x, mean_y, linestyle="none", marker="|", markersize=13, markeredgewidth=1.8,
            color="black", zorder=2, label="mean")

    _group_lines(ax, speakers, affiliations if order == "affiliation" else None)
    ax.set_yticks(range(len(speakers)), _speaker_labels(speakers, affiliations))
    ax.set_ylim(len(speakers) - 0.5, -0.5)
    ax.set_xlim(-1.08, 1.08)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(SCORE_LABEL)
    ax.legend(title="target", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return ax


def plot_actor_target_network(actor_target: pd.DataFrame, *, order: str | Sequence[str] | None
                              = "affiliation", affiliations: Mapping[str, str] | None = None,
                              targets: Sequence[str] | None = None, cbar: bool = True,
                              ax: Axes | None = None, **kwargs) -> Axes:
    """Draw speakers (left) linked to targets (right); edge colour is mean stance, width the
    number of statements.

    Parameters
    ----------
    actor_target : DataFrame
        One row per speaker × target with ``speaker``, ``target``, ``n`` and ``mean``.
    order, affiliations, targets
        As in :func:`plot_actor_target_heatmap`.
    cbar : bool, default True
        Add a horizontal colourbar under the Axes.
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :class:`~matplotlib.collections.LineCollection` (all edges are one
        collection with gid ``"stance-edges"``, thin ones drawn first, over a grey casing).

    Returns
    -------
    Axes
        Node names are tick labels (speakers left, targets on a secondary axis right), so
        ``bbox_inches="tight"`` and layout engines keep them inside the figure.
    """
    ax = plt.gca() if ax is None else ax
    table = check_table(actor_target, ("speaker", "target", "n", "mean"),
                        "plot_actor_target_network")
    ax.set_title("Speakers and the targets they address", pad=30)
    if table.empty:
        return no_data(ax, "No speaker \u00d7 target rows to show")
    speakers = _speaker_order(table, order=order, affiliations=affiliations)
    cols = target_order(table, targets)
    sy = _spread(len(speakers), 1.0)
    # Targets are few: keep them off the very top and bottom so edges fan out evenly.
    ty = _spread(len(cols), min(1.0, 0.25 + 0.25 * len(cols)))
    edges = table[table["speaker"].isin(speakers) & table["target"].isin(cols)]
    edges = edges.sort_values(["n", "speaker", "target"], kind="stable")
    ys = dict(zip(speakers, sy))
    yt = dict(zip(cols, ty))
    segments = [[(0.0, ys[s]), (1.0, yt[t])] for s, t in zip(edges["speaker"], edges["target"])]
    n_max = max(float(edges["n"].max()), 1.0) if len(edges) else 1.0
    cmap = plt.get_cmap(STANCE_CMAP)
    norm = stance_norm()
    widths = _edge_width(edges["n"].to_numpy(dtype=float), n_max)
    # A grey casing under each edge: near-neutral edges are almost white in RdBu and would
    # otherwise vanish against the background.
    ax.add_collection(LineCollection(segments, colors="0.72", linewidths=widths + 1.0,
                                     capstyle="round", zorder=1.5, gid="edge-casing"))
    opts = dict(colors=cmap(norm(edges["mean"].to_numpy(dtype=float))), linewidths=widths,
                capstyle="round", zorder=2, gid="stance-edges")
    opts.update(kwargs)
    ax.add_collection(LineCollection(segments, **opts))
    ax.scatter(np.zeros(len(sy)), sy, s=22, color="0.3", zorder=3)
    ax.scatter(np.ones(len(ty)), ty, s=60, marker="s", color="0.15", zorder=3)

    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.06, 1.06)
    ax.set_xticks([])
    ax.set_yticks(sy, _speaker_labels(speakers, affiliations))
    right = ax.secondary_yaxis("right")
    right.set_yticks(ty, cols)
    for axis in (ax, right):
        axis.tick_params(axis="y", length=0)
        for spine in axis.spines.values():
            spine.set_visible(False)
    sizes = _legend_sizes(edges["n"].to_numpy(dtype=int))
    handles = [Line2D([], [], color="0.35", linewidth=float(_edge_width(np.array([k]), n_max)[0]),
                      label=str(k)) for k in sizes]
    ax.legend(handles=handles, title="statements (edge width)", loc="lower center",
              bbox_to_anchor=(0.5, 1.0), ncol=len(handles), frameon=False,
              handlelength=2.5, borderaxespad=0.2)
    if cbar:
        bar = ax.figure.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax,
                                 orientation="horizontal", fraction=0.05, pad=0.04, shrink=0.6,
                                 ticks=[-1, -0.5, 0, 0.5, 1])
        bar.set_label(STANCE_LABEL + ", edge colour")
        bar.outline.set_visible(False)
    return ax


def plot_label_counts(actor_target: pd.DataFrame, *, order: str | Sequence[str] | None
                      = "affiliation", affiliations: Mapping[str, str] | None = None,
                      targets: Sequence[str] | None = None, ax: Axes | None = None,
                      **kwargs) -> Axes:
    """Draw stacked horizontal bars of against / neutral / favor counts per speaker × target.

    Parameters
    ----------
    actor_target : DataFrame
        One row per speaker × target with ``speaker``, ``target``, ``favor``, ``neutral``
        and ``against``.
    order, affiliations, targets
        As in :func:`plot_actor_target_heatmap`; bars of one speaker stay together.
    ax : Axes, optional
        Axes to draw on; the current Axes by default.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh` (one call per label).

    Returns
    -------
    Axes
        The total number of statements is written at the end of each bar.
    """
    ax = plt.gca() if ax is None else ax
    table = check_table(actor_target, ("speaker", "target", *LABELS), "plot_label_counts")
    ax.set_title("Statements per speaker and target, by stance label")
    if table.empty:
        return no_data(ax, "No speaker \u00d7 target rows to show")
    if "mean" not in table:
        total = table[list(LABELS)].sum(axis=1).replace(0, np.nan)
        table["mean"] = (table["favor"] - table["against"]) / total
    speakers = _speaker_order(table, order=order, affiliations=affiliations)
    cols = target_order(table, targets)
    table = table[table["speaker"].isin(speakers) & table["target"].isin(cols)].copy()
    table["_s"] = table["speaker"].map({s: i for i, s in enumerate(speakers)})
    table["_t"] = table["target"].map({t: i for i, t in enumerate(cols)})
    table = table.sort_values(["_s", "_t"], kind="stable").reset_index(drop=True)
    y = np.arange(len(table))
    left = np.zeros(len(table))
    bars = None
    # Against left, favour right: the bar reads along the same axis as the stance scale.
    for label in ("against", "neutral", "favor"):
        values = table[label].to_numpy(dtype=float)
        opts = dict(color=LABEL_COLORS[label], height=0.7, edgecolor="white", linewidth=0.5)
        opts.update(kwargs)
        bars = ax.barh(y, values, left=left, label=label, **opts)
        left = left + values
    ax.bar_label(bars, labels=[str(int(v)) for v in left], padding=3,
                 fontsize=plt.rcParams["font.size"] * 0.85, color="0.25")
    for boundary in np.flatnonzero(np.diff(table["_s"].to_numpy())):
        ax.axhline(boundary + 0.5, color="0.8", linewidth=0.8)
    names = _speaker_labels(list(table["speaker"]), affiliations)
    ax.set_yticks(y, [f"{s} \u2013 {t}" for s, t in zip(names, table["target"])])
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, max(left.max(), 1) * 1.1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("statements")
    ax.legend(title="stance label", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return ax


# --- helpers ------------------------------------------------------------------------------

def _check_unique(table: pd.DataFrame, who: str) -> None:
    if table.duplicated(["speaker", "target"]).any():
        raise ValueError(f"{who}: several rows for the same speaker and target; pass the "
                         "output of stance.actor_target, or one group of aggregate_by's output")


def _speaker_order(table: pd.DataFrame, *, order, affiliations) -> list[str]:
    names = sorted(table["speaker"].unique(), key=str)
    if order is None:
        return names
    if not isinstance(order, str):
        wanted = [speaker_name(s) for s in order]
        return [s for s in wanted if s in set(names)]
    if order not in ("affiliation", "stance"):
        raise ValueError(f"order must be 'affiliation', 'stance', None or a list of speakers, "
                         f"not {order!r}")
    if order == "affiliation" and affiliations:
        # Speakers without an affiliation go last, still sorted by name.
        return sorted(names, key=lambda s: (s not in affiliations, str(affiliations.get(s, "")),
                                            s))
    weight = table["n"].astype(float) if "n" in table else pd.Series(1.0, index=table.index)
    value = table["mean"].astype(float)
    ok = value.notna()
    total = (value[ok] * weight[ok]).groupby(table.loc[ok, "speaker"]).sum()
    mean = total / weight[ok].groupby(table.loc[ok, "speaker"]).sum()
    return sorted(names, key=lambda s: (-mean.get(s, -np.inf), s))


def _speaker_labels(speakers: Sequence[str], affiliations: Mapping[str, str] | None) -> list[str]:
    if not affiliations:
        return list(speakers)
    return [f"{s} ({affiliations[s]})" if affiliations.get(s) and affiliations[s] != s else s
            for s in speakers]


def _dodge(k: int) -> np.ndarray:
    # Spread k targets over at most 0.7 of a row, so neighbouring rows never touch.
    step = min(0.25, 0.7 / max(k, 1))
    return (np.arange(k) - (k - 1) / 2) * step


def _bands(ax: Axes, rows: int) -> None:
    # Light bands on every other row help the eye follow a speaker across the plot.
    for i in range(0, rows, 2):
        ax.axhspan(i - 0.5, i + 0.5, color="0.955", linewidth=0, zorder=0)


def _group_breaks(speakers: Sequence[str], affiliations: Mapping[str, str] | None) -> list[float]:
    # Row boundaries (between row i and i + 1 at i + 0.5) where the affiliation changes.
    if not affiliations:
        return []
    groups = [affiliations.get(s) for s in speakers]
    return [i + 0.5 for i in range(len(groups) - 1) if groups[i] != groups[i + 1]]


def _group_lines(ax: Axes, speakers: Sequence[str], affiliations) -> None:
    for boundary in _group_breaks(speakers, affiliations):
        ax.axhline(boundary, color="0.6", linewidth=0.8, zorder=1)


def _spread(k: int, extent: float) -> np.ndarray:
    if k == 1:
        return np.array([0.5])
    return np.linspace(0.5 + extent / 2, 0.5 - extent / 2, k)


def _edge_width(n: np.ndarray, n_max: float) -> np.ndarray:
    # Square-root scaling: the line's visual weight then grows about linearly with n.
    return 0.8 + 5.2 * np.sqrt(np.asarray(n, dtype=float) / n_max)


def _legend_sizes(n: np.ndarray) -> list[int]:
    if len(n) == 0:
        return [1]
    return sorted({int(n.min()), int(np.median(n)), int(n.max())})


def _text_colour(rgba) -> str:
    # WCAG relative luminance; dark text on light cells, white on dark ones.
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(rgba)]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "black" if luminance > 0.25 else "white"
