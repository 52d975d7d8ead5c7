"""Every report figure from the result tables, saved reproducibly.

:func:`save_figure` writes PNG, SVG and PDF that are byte-identical from run to run (fixed dpi,
no timestamps or version strings, fixed SVG ids). :func:`make_figures` draws the report's
figures from ``stances`` and ``actor_target`` with a fixed style, so the output does not depend
on the user's ``matplotlibrc``; :func:`figures_from_results` does the same from the CSV tables
of a ``stance score`` run (this is what ``stance figures`` calls).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Sequence

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from . import plots, plots_statements

from . import plots_compare
from ..io.atomic import atomic_open
from .aggregate import actor_target as _actor_target

__all__ = ["save_figure", "make_figures", "figures_from_results", "FIGURE_NAMES",
           "CORPUS_FIGURE_NAMES", "STYLE"]

FORMATS = ("png", "svg", "pdf")
#: File stems of the report figures, in the order :func:`make_figures` draws them.
FIGURE_NAMES = ("actor_target_heatmap", "actor_target_intervals", "statement_strip",
                "actor_target_network", "stance_over_time", "sentiment_vs_stance",
                "label_counts")
#: Figures drawn in addition for a dated corpus with two or more sources, or one source and a
#: break date (``stance_by_source_over_time``, named after the ``by`` column), and the
#: before/after comparisons when a break date is given; with two to six sources, also one
#: ``actor_target_heatmap_<source>`` each.
CORPUS_FIGURE_NAMES = ("stance_by_source_over_time", "stance_before_after",
                       "sentiment_before_after")
#: The style of every report figure. DejaVu Sans ships with matplotlib, so the same glyphs
#: (including the minus sign and "…") are used on every machine.
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
}
# Metadata that would otherwise carry the date or the matplotlib version into the files.
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
}
#: Speakers shown in the per-speaker figures: past about 20 rows a heatmap or interval chart
#: stops being readable on a page (20 rows at the default size fill an A4 page's height).
MAX_SPEAKERS = 20
#: Per-group heatmaps are drawn for at most this many groups: past that a corpus is compared
#: better in one chart over time than in a folder of heatmaps.
_MAX_GROUP_FIGURES = 6
# SVG element ids are hashes salted with this; a fixed salt makes them the same every run.
_SVG_SALT = "stance-figures"


def save_figure(fig: Figure, path_stem: str | os.PathLike, *,
                formats: Sequence[str] = FORMATS, dpi: int = 200) -> list[Path]:
    """Save ``fig`` as ``path_stem.<format>`` for each format, reproducibly and atomically.

    Parameters
    ----------
    fig : Figure
        The figure to save.
    path_stem : path
        Output path without suffix, e.g. ``figures/actor_target_heatmap``; folders are created.
    formats : sequence of {"png", "svg", "pdf"}, default all three
        Formats to write.
    dpi : int, default 200
        Resolution of raster output (and of raster parts of SVG/PDF).

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Notes
    -----
    Saved with ``bbox_inches="tight"``; dates and software versions are left out of the
    metadata, so saving the same figure twice gives byte-identical files. Each file is
    written to a temporary name in the same folder and renamed, so a crash never leaves a
    half-written figure behind.
    """
    stem = Path(path_stem)
    bad = [f for f in formats if f not in _METADATA]
    if bad:
        raise ValueError(f"save_figure: unknown format {bad[0]!r}; use png, svg and/or pdf")
    stem.parent.mkdir(parents=True, exist_ok=True)
    paths = []
    with matplotlib.rc_context({"svg.hashsalt": _SVG_SALT}):
        for fmt in formats:
            path = stem.with_name(f"{stem.name}.{fmt}")
            with atomic_open(path, "wb") as fh:
                fig.savefig(fh, format=fmt, dpi=dpi, bbox_inches="tight",
                            metadata=_METADATA[fmt])
            paths.append(path)
    return paths


def make_figures(stances: pd.DataFrame, actor_target: pd.DataFrame | None = None, *,
                 out_dir: str | os.PathLike, formats: Sequence[str] = FORMATS,
                 affiliations: Mapping[str, str] | None = None, dpi: int = 200,
                 freq: str = "W", break_date: str | None = None,
                 max_speakers: int | None = MAX_SPEAKERS, by: str = "source") -> list[Path]:
    """Draw and save every report figure.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table of CONTRACT.md.
    actor_target : DataFrame, optional
        The ``actor_target`` table; computed from ``stances`` when omitted.
    out_dir : path
        Folder for the figures (created if needed).
    formats : sequence of {"png", "svg", "pdf"}, default all three
        Formats to write for each figure.
    affiliations : mapping, optional
        Speaker → affiliation, to group speakers (see :mod:`stance.report.plots`).
    dpi : int, default 200
        Resolution of raster output.
    freq : {"D", "W", "M"}, default "W"
        Period of the figures over time.
    break_date : str, optional
        ISO date: also draw ``stance_before_after``, each source's stance before and after it.
    max_speakers : int or None, default :data:`MAX_SPEAKERS`
        The per-speaker figures show only this many speakers, those with most statements (a
        note under the figure says so); ``None`` shows all.
    by : str, default "source"
        The metadata column the corpus figures compare: ``stance_by_<by>_over_time``,
        ``stance_before_after`` and ``sentiment_before_after`` group by it, and with two to
        six groups each gets its own ``actor_target_heatmap_<group>``.

    Returns
    -------
    list of Path
        Every file written: for each name of :data:`FIGURE_NAMES`, one file per format; and of
        :data:`CORPUS_FIGURE_NAMES` when the statements are dated and come from two or more
        sources (or a break date is given).
    """
    if actor_target is None:
        actor_target = _actor_target(stances)
    all_stances, note = stances, None
    if max_speakers is not None and actor_target["speaker"].nunique() > max_speakers:
        note = (f"The {max_speakers} speakers with most statements, of "
                f"{actor_target['speaker'].nunique()}.")
        actor_target = _top_speakers(actor_target, max_speakers)
        stances = stances[stances["speaker"].isin(set(actor_target["speaker"]))]
    per_speaker = {"actor_target_heatmap", "actor_target_intervals", "statement_strip",
                   "actor_target_network", "label_counts"}
    out = Path(out_dir)
    n_speakers = max(actor_target["speaker"].nunique() if len(actor_target) else 0, 1)
    n_targets = max(actor_target["target"].nunique() if len(actor_target) else 0, 1)
    n_pairs = max(len(actor_target), 1)
    rows = dict(affiliations=affiliations)
    # (name, figure size in inches, drawing function); heights grow with the rows shown.
    jobs = [
        ("actor_target_heatmap", (2.6 + 1.05 * n_targets, max(3.2, 1.3 + 0.42 * n_speakers)),
         lambda ax: plots.plot_actor_target_heatmap(actor_target, ax=ax, **rows)),
        ("actor_target_intervals", (7.0, max(2.4, 1.2 + 0.38 * n_speakers)),
         lambda ax: plots.plot_actor_target_intervals(actor_target, ax=ax, **rows)),
        ("statement_strip", (7.0, max(2.4, 1.2 + 0.45 * n_speakers)),
         lambda ax: plots.plot_statement_strip(stances, ax=ax, **rows)),
        ("actor_target_network", (6.5, max(3.8, 1.9 + 0.3 * n_speakers)),
         lambda ax: plots.plot_actor_target_network(actor_target, ax=ax, **rows)),
        ("stance_over_time", (8.0, 4.0),
         lambda ax: plots_statements.plot_stance_over_time(all_stances, ax=ax, freq=freq)),
        ("sentiment_vs_stance", (7.0, 4.6),
         lambda ax: plots_statements.plot_sentiment_vs_stance(all_stances, ax=ax)),
        ("label_counts", (7.0, max(2.4, 1.2 + 0.24 * n_pairs)),
         lambda ax: plots.plot_label_counts(actor_target, ax=ax, **rows)),
    ]
    sources = _dated_sources(all_stances, by)
    if sources >= 2 or (sources and break_date):
        n_rows = max(sources, 1) * n_targets
        jobs.append((f"stance_by_{_slug(by)}_over_time", (9.0, 4.2),
                     lambda ax: plots_compare.plot_source_over_time(all_stances, ax=ax,
                                                                    freq=freq, by=by)))
        if 2 <= sources <= _MAX_GROUP_FIGURES:
            groups = all_stances[by].astype(str).str.strip()
            for value in sorted(set(groups) - {""}):
                part = _top_speakers(_actor_target(all_stances[groups == value]), max_speakers)
                jobs.append((f"actor_target_heatmap_{_slug(value)}",
                             (2.6 + 1.05 * n_targets,
                              max(3.2, 1.3 + 0.42 * max(part["speaker"].nunique(), 1))),
                             lambda ax, part=part, value=value: (
                                 plots.plot_actor_target_heatmap(part, ax=ax, **rows),
                                 ax.set_title(f"Mean stance by speaker and target: {value}"))))
        if break_date:
            jobs.append(("stance_before_after", (7.5, max(2.4, 1.0 + 0.45 * n_rows)),
                         lambda ax: plots_compare.plot_before_after(
                             all_stances, ax=ax, break_date=break_date, by=by)))
            if "sentiment" in all_stances:
                jobs.append(("sentiment_before_after", (7.5, max(2.4, 1.0 + 0.45 * n_rows)),
                             lambda ax: plots_compare.plot_before_after(
                                 all_stances, ax=ax, break_date=break_date, by=by,
                                 value="sentiment")))
    paths: list[Path] = []
    with matplotlib.rc_context(STYLE):
        for name, size, draw in jobs:
            fig, ax = plt.subplots(figsize=size)
            try:
                draw(ax)
                if note and name in per_speaker:
                    fig.text(0.01, 0.0, note, fontsize=7, color="0.35", ha="left", va="top")
                paths.extend(save_figure(fig, out / name, formats=formats, dpi=dpi))
            finally:
                plt.close(fig)
    return paths


def figures_from_results(results_dir: str | os.PathLike, *, out_dir: str | os.PathLike,
                         formats: Sequence[str] = FORMATS,
                         affiliations: Mapping[str, str] | None = None, freq: str = "W",
                         break_date: str | None = None,
                         max_speakers: int | None = MAX_SPEAKERS,
                         by: str = "source") -> list[Path]:
    """Draw every report figure from the tables of a ``stance score --out DIR`` run.

    Parameters
    ----------
    results_dir : path
        Folder holding ``stances.csv`` and (optionally) ``actor_target.csv``.
    out_dir : path
        Folder for the figures.
    formats : sequence of {"png", "svg", "pdf"}, default all three
        Formats to write.
    affiliations : mapping, optional
        Speaker → affiliation. By default taken from the bundled actor registry; speakers it
        does not list are grouped last. Pass ``{}`` to order speakers by stance instead.
    freq, break_date, max_speakers, by
        As in :func:`make_figures`.

    Returns
    -------
    list of Path
        The files written.
    """
    results = Path(results_dir)
    path = results / "stances.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not found; run `stance score INPUT --out {results}` "
                                "first")
    stances = _read_table(path, numeric=("score", "sentiment", "start", "end"))
    at_path = results / "actor_target.csv"
    at = (_read_table(at_path, numeric=("n", "mean", "ci_low", "ci_high", "favor", "neutral",
                                        "against"))
          if at_path.is_file() else None)
    if affiliations is None:
        affiliations = _default_affiliations()
    return make_figures(stances, at, out_dir=out_dir, formats=formats, affiliations=affiliations,
                        freq=freq, break_date=break_date, max_speakers=max_speakers, by=by)


def _top_speakers(table: pd.DataFrame, most: int | None) -> pd.DataFrame:
    """The rows of the ``most`` speakers with most statements (all with ``None``)."""
    if most is None or table["speaker"].nunique() <= most:
        return table
    total = table.groupby("speaker")["n"].sum().reset_index()
    keep = total.sort_values(["n", "speaker"], ascending=[False, True], kind="stable")
    return table[table["speaker"].isin(set(keep["speaker"].head(most)))]


def _slug(value: str) -> str:
    """A file-name-safe form of a group's value ("President of Russia (en.kremlin.ru)" ->
    "president-of-russia-en-kremlin-ru")."""
    import re
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")[:60] or "none"


def _dated_sources(stances: pd.DataFrame, by: str = "source") -> int:
    """How many groups of ``by`` have dated statements (0 without a date or that column)."""
    if "date" not in stances or by not in stances:
        return 0
    source = stances[by].astype(str).str.strip()
    dated = stances["date"].astype(str).str.strip() != ""
    return int(source[dated & (source != "")].nunique())


def _read_table(path: Path, *, numeric: Sequence[str]) -> pd.DataFrame:
    # Read text as text: a speaker called "NA" or a doc_id "001" must survive the round trip.
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for col in frame.columns:
        if col in numeric:
            frame[col] = pd.to_numeric(frame[col], errors="coerce")  # "" -> NaN
    return frame


def _default_affiliations() -> dict[str, str]:
    try:
        from ..extract.registry import load_actors
        return {actor.name: actor.affiliation for actor in load_actors()}
    except (ImportError, OSError, ValueError):
        # Figures are still worth drawing without the registry: speakers then go by stance.
        return {}
