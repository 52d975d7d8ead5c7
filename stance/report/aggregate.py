"""From statement-level stance rows to one summary per speaker × target (and per group).

:func:`actor_target` builds the ``actor_target.csv`` table of CONTRACT.md: how many statements
a speaker made about a target, their mean stance with a percentile bootstrap interval, and the
label counts. :func:`aggregate_by` computes the same statistics within documents, sources or
calendar periods.

The mean is over statements: a statement that addresses the same target twice counts once
(its scores averaged), so a long quotation does not weigh more than a short one. The interval
resamples **documents** by default (a cluster bootstrap): the statements of one article share
its author, its occasion and its framing, so they are not independent draws, and resampling
them one by one would make the interval too narrow. ``unit="statement"`` gives the old,
statement-level interval for comparison.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..schema import ACTOR_TARGET_COLUMNS, LABELS

__all__ = ["actor_target", "aggregate_by", "compare_periods", "period_difference",
           "ACTOR_TARGET_COLUMNS",
           "STAT_COLUMNS"]

#: The statistics of every summary row, after its grouping keys.
STAT_COLUMNS = ACTOR_TARGET_COLUMNS[2:]
#: Grouping keys that :func:`aggregate_by` accepts, besides ``"period"``.
BY_COLUMNS = ("doc_id", "source")
#: Period lengths for ``aggregate_by(by="period")``: day, week (Monday to Sunday), month.
FREQS = {"D": "D", "W": "W-SUN", "M": "M", "Q": "Q", "Y": "Y"}
#: What each period is called on a chart.
FREQ_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
#: pandas frequency of the periods' first days, for a gapless range of periods.
_PERIOD_STARTS = {"D": "D", "W": "W-MON", "M": "MS", "Q": "QS", "Y": "YS"}
# Above this many resampled values a bootstrap draw is made in slices, so one very talkative
# speaker cannot ask for gigabytes (one slice: 1M indices ≈ 8 MB, and as much again gathered).
_MAX_DRAW = 1_000_000
_REQUIRED = ("statement_id", "speaker", "target", "score", "label")
#: What the bootstrap may resample (see the module docstring).
UNITS = ("document", "statement")


def actor_target(stances: pd.DataFrame, *, min_n: int = 1, n_boot: int = 2000, seed: int = 0,
                 ci: float = 0.95, unit: str = "document") -> pd.DataFrame:
    """Summarise stance per speaker × target.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table of CONTRACT.md (at least ``statement_id``, ``speaker``,
        ``target``, ``score`` and ``label``). Rows without a score are left out.
    min_n : int, default 1
        Drop speaker × target pairs with fewer statements than this.
    n_boot : int, default 2000
        Number of bootstrap resamples for the interval.
    seed : int, default 0
        Seed of :func:`numpy.random.default_rng`; the same input gives the same interval.
    ci : float, default 0.95
        Coverage of the percentile bootstrap interval.
    unit : {"document", "statement"}, default "document"
        What the bootstrap resamples: documents (each with all its statements; the document is
        the ``doc_id`` column, else the part of ``statement_id`` before its last colon), or
        single statements.

    Returns
    -------
    DataFrame
        Columns ``speaker, target, n, mean, ci_low, ci_high, favor, neutral, against``,
        sorted by speaker then target. ``n`` counts distinct statements; with one statement,
        or (for ``unit="document"``) all statements in one document, the interval is the point
        itself: there is nothing to resample.

    Notes
    -----
    Each pair's interval depends only on its own scores and ``seed`` (pairs with the same
    ``n`` share one set of resampling indices), so adding a speaker to the corpus does not
    move the intervals of the others.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"statement_id": ["d:1", "d:2"], "speaker": ["A", "A"],
    ...                      "target": ["NATO", "NATO"], "score": [0.5, -0.1],
    ...                      "label": ["favor", "neutral"]})
    >>> actor_target(rows)[["speaker", "target", "n", "mean", "favor"]]
      speaker target  n  mean  favor
    0       A   NATO  2   0.2      1
    """
    return _summarise(stances, [], min_n=min_n, n_boot=n_boot, seed=seed, ci=ci, unit=unit)


def aggregate_by(stances: pd.DataFrame, by: str | Sequence[str], *, freq: str = "W",
                 min_n: int = 1, n_boot: int = 2000, seed: int = 0,
                 ci: float = 0.95) -> pd.DataFrame:
    """Summarise stance per speaker × target within documents, sources or periods.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table of CONTRACT.md.
    by : {"doc_id", "source", "period"} or list of them
        Extra grouping keys. ``"period"`` groups by the calendar period of ``date`` (see
        ``freq``); rows whose ``date`` is missing or cannot be parsed are left out, and so
        are rows without a ``source`` when grouping by source.
    freq : {"D", "W", "M", "Q", "Y"}, default "W"
        Period length for ``by="period"``: day, week (Monday to Sunday), calendar month,
        quarter or year.
    min_n, n_boot, seed, ci
        As in :func:`actor_target`.

    Returns
    -------
    DataFrame
        The grouping keys, then the columns of :func:`actor_target`, sorted by the keys. The
        ``period`` column holds the first day of each period (a timestamp).

    Examples
    --------
    >>> weekly = aggregate_by(stances, "period", freq="W")      # doctest: +SKIP
    """
    keys = [by] if isinstance(by, str) else list(by)
    bad = [k for k in keys if k not in (*BY_COLUMNS, "period")]
    if bad or not keys:
        raise ValueError(f"aggregate_by: cannot group by {bad[0] if bad else 'nothing'!r}; "
                         f"use one or more of {', '.join(BY_COLUMNS)}, period")
    if freq not in FREQS:
        raise ValueError(f"aggregate_by: unknown freq {freq!r}; use 'D' (day), 'W' (week), "
                         "'M' (month), 'Q' (quarter) or 'Y' (year)")
    _check_columns(stances, [k for k in keys if k != "period"] +
                   (["date"] if "period" in keys else []), "aggregate_by")
    frame = stances.copy()
    if "period" in keys:
        frame["period"] = period_start(frame["date"], freq)
    for key in keys:
        # Blank strings are how the CSV tables spell "unknown"; treat them like NaN.
        if key != "period":
            frame[key] = frame[key].replace("", np.nan)
        frame = frame[frame[key].notna()]
    return _summarise(frame, keys, min_n=min_n, n_boot=n_boot, seed=seed, ci=ci)


def compare_periods(stances: pd.DataFrame, *, break_date: str, by: str = "source",
                    value: str = "score", n_boot: int = 2000, seed: int = 0,
                    ci: float = 0.95) -> pd.DataFrame:
    """Mean stance per group × target before and after a date, with bootstrap intervals.

    Parameters
    ----------
    stances : DataFrame
        The ``stances`` table of CONTRACT.md, with ``date`` and the ``by`` column.
    break_date : str
        ISO date; statements dated before it are ``before``, on or after it ``after``.
    by : str, default "source"
        What to compare: the publishing source (e.g. one office per source), the speaker, or
        any other metadata column of the table.
    value : {"score", "sentiment"}, default "score"
        What to average: the stance score, or the statements' plain sentiment (VADER
        compound), to set tone beside stance.
    n_boot, seed, ci
        As in :func:`actor_target`.

    Returns
    -------
    DataFrame
        Columns ``by, target, period, n, mean, ci_low, ci_high, favor, neutral, against``;
        ``period`` is ``before`` or ``after``. Rows without a parseable date or a ``by`` value
        are left out.

    Examples
    --------
    >>> table = compare_periods(stances, break_date="2022-02-24")    # doctest: +SKIP
    """
    if by in ("date", "score", "sentiment", "statement_id", "target", "label"):
        raise ValueError(f"compare_periods: cannot group by {by!r}; use source, speaker or "
                         f"another metadata column")
    if value not in ("score", "sentiment"):
        raise ValueError(f"compare_periods: value must be 'score' or 'sentiment', not {value!r}")
    _check_columns(stances, ["date", by, value], "compare_periods")
    cut = pd.Timestamp(break_date)
    frame = stances.copy()
    frame["score"] = frame[value]
    day = period_start(frame["date"], "D")
    frame["period"] = np.where(day.isna(), None, np.where(day < cut, "before", "after"))
    frame[by] = frame[by].replace("", np.nan)
    frame = frame[frame["period"].notna() & frame[by].notna()]
    # Summarise with the group in the speaker slot, so each group x target is one "pair".
    frame = frame.assign(speaker=frame[by])
    out = _summarise(frame, ["period"], min_n=1, n_boot=n_boot, seed=seed, ci=ci)
    out = out.rename(columns={"speaker": by})
    out["period"] = pd.Categorical(out["period"], ["before", "after"])
    out = out.sort_values([by, "target", "period"], kind="stable").reset_index(drop=True)
    out["period"] = out["period"].astype(str)
    return out[[by, "target", "period", *STAT_COLUMNS]]


def period_difference(stances: pd.DataFrame, *, break_date: str, by: str = "source",
                      value: str = "score", n_boot: int = 2000, seed: int = 0,
                      ci: float = 0.95) -> pd.DataFrame:
    """The change of the mean (after minus before ``break_date``) per group × target, with a
    bootstrap interval that resamples the documents of each period independently.

    Returns
    -------
    DataFrame
        Columns ``by, target, n_before, n_after, before, after, difference, ci_low,
        ci_high``; a group × target seen on one side of the break only is left out.

    Examples
    --------
    >>> period_difference(stances, break_date="2022-02-24")   # doctest: +SKIP
    """
    _check_columns(stances, ["date", by, value], "period_difference")
    cut = pd.Timestamp(break_date)
    frame = stances.copy()
    frame["score"] = pd.to_numeric(frame[value], errors="coerce")
    day = period_start(frame["date"], "D")
    frame["period"] = np.where(day.isna(), None, np.where(day < cut, "before", "after"))
    frame["_doc"] = (frame["doc_id"].astype(str) if "doc_id" in frame.columns
                     else frame["statement_id"].astype(str).str.rsplit(":", n=1).str[0])
    frame = frame[frame["period"].notna() & frame["score"].notna()]
    # One value per statement, as in the means of compare_periods.
    per = (frame.groupby([by, "target", "period", "statement_id"], sort=True)
           .agg(score=("score", "mean"), _doc=("_doc", "first")).reset_index())
    rows = []
    alpha = (1 - ci) / 2
    for (group, target), g in per.groupby([by, "target"], sort=True):
        sides = {p: g[g["period"] == p] for p in ("before", "after")}
        if any(side.empty for side in sides.values()):
            continue
        rng = np.random.default_rng(seed)
        draws = {}
        for p, side in sides.items():
            codes, inv = np.unique(side["_doc"].to_numpy(), return_inverse=True)
            sums = np.bincount(inv, weights=side["score"].to_numpy(dtype=float))
            counts = np.bincount(inv).astype(float)
            idx = rng.integers(0, len(codes), size=(n_boot, len(codes)))
            draws[p] = sums[idx].sum(axis=1) / counts[idx].sum(axis=1)
        diff = draws["after"] - draws["before"]
        before = float(sides["before"]["score"].mean())
        after = float(sides["after"]["score"].mean())
        low, high = np.quantile(diff, [alpha, 1 - alpha])
        rows.append({by: group, "target": target, "n_before": len(sides["before"]),
                     "n_after": len(sides["after"]), "before": before, "after": after,
                     "difference": after - before, "ci_low": float(min(low, after - before)),
                     "ci_high": float(max(high, after - before))})
    return pd.DataFrame(rows, columns=[by, "target", "n_before", "n_after", "before", "after",
                                       "difference", "ci_low", "ci_high"])


def period_range(first, last, freq: str = "W") -> pd.DatetimeIndex:
    """Every period start from ``first`` to ``last`` (both period starts), empty ones too, so
    a line drawn over it breaks where a period has no data instead of joining across it."""
    return pd.date_range(first, last, freq=_PERIOD_STARTS[freq])


def period_start(dates: pd.Series, freq: str = "W") -> pd.Series:
    """Return the first day of the ``freq`` period of each date (NaT where unparseable).

    Time zones are dropped after conversion to UTC, so an article dated late on Sunday in New
    York and one dated early on Monday in Moscow may share a week; at day resolution and
    coarser this is the least surprising choice for news metadata.
    """
    raw = pd.Series(dates, dtype="object")
    raw = raw.mask(raw.astype(str).str.strip() == "")
    parsed = pd.to_datetime(raw, errors="coerce", utc=True, format="mixed")
    naive = parsed.dt.tz_convert(None)
    return naive.dt.to_period(FREQS[freq]).dt.start_time


def _check_columns(frame: pd.DataFrame, extra: Iterable[str], who: str) -> None:
    missing = [c for c in (*_REQUIRED, *extra) if c not in frame.columns]
    if missing:
        raise ValueError(f"{who}: the stances table has no column {', '.join(map(repr, missing))}; "
                         "pass the `stances` table of a `stance score` run (see CONTRACT.md)")


def _summarise(stances: pd.DataFrame, keys: list[str], *, min_n: int, n_boot: int, seed: int,
               ci: float, unit: str = "document") -> pd.DataFrame:
    _check_columns(stances, keys, "actor_target")
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1 (e.g. 0.95), not {ci!r}")
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, not {n_boot!r}")
    columns = [*keys, *ACTOR_TARGET_COLUMNS]
    frame = stances[[*keys, *_REQUIRED]].copy()
    frame["_doc"] = (stances["doc_id"].astype(str) if "doc_id" in stances.columns
                     else stances["statement_id"].astype(str).str.rsplit(":", n=1).str[0])
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    frame = frame[frame["score"].notna()]
    if frame.empty:
        return _typed(pd.DataFrame(columns=columns))

    pair = [*keys, "speaker", "target"]
    # One row per statement: average repeated rows, keep the first row's label.
    per_statement = (frame.groupby([*pair, "statement_id"], sort=True, dropna=False)
                     .agg(score=("score", "mean"), label=("label", "first"),
                          _doc=("_doc", "first"))
                     .reset_index())
    groups = per_statement.groupby(pair, sort=True, dropna=False)
    out = groups["score"].agg(n="size", mean="mean").reset_index()
    counts = (pd.crosstab([per_statement[k] for k in pair], per_statement["label"], dropna=False)
              .reindex(columns=list(LABELS), fill_value=0))
    out = out.merge(counts.reset_index(), on=pair, how="left")

    lows, highs = [], []
    for _, g in groups:
        scores = g["score"].to_numpy(dtype=float)
        if unit == "document":
            low, high = _cluster_bootstrap(scores, g["_doc"].to_numpy(), n_boot, seed, ci)
        else:
            low, high = _bootstrap(scores, n_boot, seed, ci)
        lows.append(low)
        highs.append(high)
    out["ci_low"] = lows
    out["ci_high"] = highs
    # The percentile interval of the mean contains the mean except for float rounding
    # (e.g. the mean of 2000 identical resamples); clamp so ci_low <= mean <= ci_high holds.
    out["ci_low"] = np.minimum(out["ci_low"], out["mean"])
    out["ci_high"] = np.maximum(out["ci_high"], out["mean"])

    out = out[out["n"] >= min_n]
    out = out.sort_values(pair, kind="stable", na_position="last")
    return _typed(out[columns].reset_index(drop=True))


def _cluster_bootstrap(scores: np.ndarray, docs: np.ndarray, n_boot: int, seed: int,
                       ci: float) -> tuple[float, float]:
    """Percentile interval of the mean statement score, resampling whole documents.

    Each resample draws documents with replacement and takes the mean over all their
    statements (the ratio of summed scores to summed counts), through
    :func:`scipy.stats.bootstrap` with the documents' (sum, count) pairs as paired samples.
    """
    from scipy.stats import bootstrap

    codes, inverse = np.unique(docs, return_inverse=True)
    if len(codes) == 1:
        mean = float(scores.mean())
        return mean, mean
    sums = np.bincount(inverse, weights=scores)
    counts = np.bincount(inverse).astype(float)

    def ratio(s, c, axis=-1):
        return s.sum(axis=axis) / c.sum(axis=axis)

    res = bootstrap((sums, counts), ratio, paired=True, vectorized=True, n_resamples=n_boot,
                    batch=max(1, _MAX_DRAW // len(codes)), confidence_level=ci,
                    method="percentile", rng=np.random.default_rng(seed))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def _bootstrap(scores: np.ndarray, n_boot: int, seed: int, ci: float) -> tuple[float, float]:
    n = len(scores)
    if n == 1:
        return float(scores[0]), float(scores[0])
    # A fresh generator per pair keeps each pair's interval a function of its own scores only
    # (see actor_target's Notes). Resamples are drawn in slices of at most _MAX_DRAW indices
    # and reduced at once, so memory stays bounded however many statements a pair has.
    rng = np.random.default_rng(seed)
    rows = max(1, _MAX_DRAW // n)
    means = np.concatenate([scores[rng.integers(0, n, size=(min(rows, n_boot - i), n))].mean(axis=1)
                            for i in range(0, n_boot, rows)])
    alpha = (1 - ci) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    return float(low), float(high)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    # Empty frames come out as object columns; give every column its documented type.
    for col in ("n", *LABELS):
        frame[col] = frame[col].fillna(0).astype("int64")
    for col in ("mean", "ci_low", "ci_high"):
        frame[col] = frame[col].astype("float64")
    return frame
