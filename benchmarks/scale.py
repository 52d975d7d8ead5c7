"""Speed and memory of ``stance score`` against bare VADER, from 100 to 30,000 articles.

Usage (from the repository root)::

    python benchmarks/scale.py                        # every size; writes results/scale.csv
    python benchmarks/scale.py --sizes 100,1000,3000  # a subset (rows of other sizes are kept)
    nohup python benchmarks/scale.py > benchmarks/_work/scale.log 2>&1 &   # the full run

For each corpus size (built by ``make_corpus.py`` into ``benchmarks/_work``), in one run and
interleaved (the order rotates from one repeat to the next), each a fresh process:

- ``vader``: the baseline. Read the same JSONL, split every article into sentences with
  :func:`stance.segment.split_sentences` and score EVERY sentence with
  ``stance.sentiment.vader().polarity_scores``; write nothing;
- ``jobs1``: ``stance score --method lexicon CORPUS --out OUT --jobs 1 --quiet``;
- ``jobs2``: the same with ``--jobs 2``;
- ``vader-start``, ``stance-start``: the same two programs on a one-article corpus: the
  start-up cost (imports, lexicons, registries), taken off to get the cost per article.

Wall time is measured here; CPU time and the peak resident set of the largest single process
come from ``/usr/bin/time`` (else from ``getrusage`` in a wrapper process); the peak memory of
the whole process tree (the program's resident set plus the unique set of each worker, so
pages a forked worker shares with its parent count once) is sampled every 0.1 s with
``psutil``.
After the runs the ``jobs1`` and ``jobs2`` tables are compared byte for byte, and for the
1,000-article corpus also those of ``--engine dask --jobs 2`` (one timed run).

First, the machine's own ceiling for two processes: the VADER baseline on 1,000 articles alone,
two copies at once, alone again (three times; the median). Two independent processes on two virtual
CPUs do not always run twice as fast as one; ``--jobs 2`` cannot beat that ceiling.

Ratios are taken within one size group of one run, because other programs may share the
machine; absolute times are only indicative. Before each run the script waits (up to
``--max-wait`` seconds) until other programs use less than a quarter of a core, and it records
how many cores they used during the run (``others_cores``, from ``/proc/stat``): a ``--jobs 2``
speed-up measured while others held a core says little.
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))

from make_corpus import SIZES, WORK, build_corpus  # noqa: E402

RESULTS_CSV = REPO / "benchmarks" / "results" / "scale.csv"
#: Every measured run, one row each (not committed).
RUNS_CSV = WORK / "scale-runs.csv"
TABLES = ("statements.csv", "stances.csv", "actor_target.csv", "errors.csv")
#: Repeats per size when not given: small corpora are quick and noisier.
AUTO_REPEATS = {100: 3, 1_000: 3, 3_000: 3}
#: The corpus on which ``--engine dask`` is checked.
DASK_SIZE = 1_000
#: How often the process tree's memory is sampled (seconds).
SAMPLE_EVERY = 0.1
#: Other programs' CPU use (cores) below which the machine counts as quiet before a run.
QUIET_CORES = 0.25
#: Longest wait for a quiet machine before each run (seconds; ``--max-wait``).
MAX_WAIT = 30.0
#: Targets of the project (see benchmarks/README.md).
TARGET_VADER_RATIO = 0.8     # stance --jobs 1 throughput / bare VADER, on 3,000 articles
TARGET_SPEEDUP = 1.6         # --jobs 2 over --jobs 1
TARGET_MEMORY_GROWTH = 0.20  # peak memory, 1,000 -> 30,000 articles
TARGET_FLAT = 0.10           # cost per article (relative to VADER's) within +-10% of the median
PYTHON = sys.executable
GNU_TIME = "/usr/bin/time"

SUMMARY_COLUMNS = [
    "articles", "megabytes", "repeats", "vader_docs_per_s", "jobs1_docs_per_s",
    "jobs2_docs_per_s", "jobs1_vs_vader", "jobs1_vs_vader_cpu", "jobs2_speedup",
    "machine_pair_speedup", "jobs1_ms_per_doc", "jobs2_ms_per_doc", "vader_ms_per_doc",
    "jobs1_cost_vs_vader", "jobs1_cpu_ms_per_doc", "jobs2_cpu_ms_per_doc",
    "vader_peak_rss_mb", "jobs1_peak_rss_mb", "jobs2_peak_rss_mb", "jobs1_peak_tree_mb",
    "jobs2_peak_tree_mb", "jobs1_equals_jobs2", "dask_equals_jobs1", "dask_docs_per_s",
    "others_cores", "measured"]


# -- the baseline --------------------------------------------------------------------------

def vader_baseline(corpus: Path) -> int:
    """Split every article of ``corpus`` into sentences and VADER-score each; return the count."""
    from stance.segment import split_sentences
    from stance.sentiment import vader

    analyser = vader()
    n = 0
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            for s in split_sentences(text):
                analyser.polarity_scores(text[s.start:s.end])
                n += 1
    return n


# -- measuring one process -----------------------------------------------------------------

@dataclass
class Run:
    """One measured process."""

    articles: int
    variant: str
    repeat: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    peak_tree_mb: float
    load_avg: float
    others_cores: float
    returncode: int


class _TreeSampler(threading.Thread):
    """Peak memory of the process tree under one process (the timer or wrapper).

    The measured program counts with its resident set (RSS); its worker processes with their
    unique set (USS: pages no other process maps), so pages a forked worker shares with its
    parent are not counted twice. Unlike PSS, neither depends on what other programs on the
    machine happen to map.
    """

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.stop = threading.Event()

    def run(self):
        try:
            import psutil
        except ImportError:  # pragma: no cover - psutil comes with the dev environment
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            total = 0
            try:
                mains = root.children()
                for main in mains:
                    total += main.memory_info().rss
                    for p in main.children(recursive=True):
                        try:
                            total += p.memory_full_info().uss
                        except psutil.Error:
                            pass
            except psutil.Error:
                pass
            self.peak = max(self.peak, total)
            self.stop.wait(SAMPLE_EVERY)


def _busy_seconds() -> float:
    """CPU seconds the whole machine has been busy since boot (``/proc/stat``)."""
    try:
        with open("/proc/stat") as fh:
            f = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return float("nan")
    idle = f[3] + (f[4] if len(f) > 4 else 0)
    return (sum(f[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_quiet(max_wait: float) -> float:
    """Wait (at most ``max_wait`` s) until other programs use under ``QUIET_CORES`` cores.

    Returns the cores they used in the last one-second window.
    """
    deadline = time.monotonic() + max_wait
    while True:
        b0, t0 = _busy_seconds(), time.monotonic()
        time.sleep(1.0)
        used = (_busy_seconds() - b0) / (time.monotonic() - t0)
        if not used == used or used < QUIET_CORES or time.monotonic() >= deadline:
            return used


_WRAPPER = ("import json,resource,subprocess,sys\n"
            "rc=subprocess.call(sys.argv[2:])\n"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "open(sys.argv[1],'w').write(json.dumps([u.ru_utime+u.ru_stime,u.ru_maxrss,rc]))\n")


def measure(cmd: list[str], *, articles: int, variant: str, repeat: int) -> Run:
    """Run ``cmd`` as a fresh process; wall time, CPU time and peak memory."""
    fd, stats = tempfile.mkstemp(prefix="stance-scale-", suffix=".txt")
    os.close(fd)
    use_time = os.access(GNU_TIME, os.X_OK)
    full = ([GNU_TIME, "-f", "%U %S %M %x", "-o", stats] + cmd if use_time
            else [PYTHON, "-c", _WRAPPER, stats] + cmd)
    load = os.getloadavg()[0]
    busy0 = _busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    busy = _busy_seconds() - busy0
    sampler.stop.set()
    sampler.join()
    text = Path(stats).read_text().strip().splitlines()
    os.unlink(stats)
    if use_time:
        user, system, maxrss, rc = text[-1].split()
        cpu, maxrss_kb, rc = float(user) + float(system), int(maxrss), int(rc)
    else:
        cpu, maxrss_kb, rc = json.loads(text[-1])
    if rc != 0 or proc.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
        raise SystemExit(f"{variant} on {articles} articles failed (status {rc}): "
                         f"{' '.join(cmd)}")
    # CPU the rest of the machine used meanwhile (our sampler thread is counted as "other").
    others = max(0.0, busy - cpu) / wall if busy == busy else float("nan")
    return Run(articles, variant, repeat, round(wall, 3), round(cpu, 3),
               round(maxrss_kb / 1024, 1), round(sampler.peak / 2**20, 1), round(load, 2),
               round(others, 2), rc)


# -- the benchmark -------------------------------------------------------------------------

def calibrate(repeats: int = 3, max_wait: float = MAX_WAIT) -> float:
    """Speed-up of two independent VADER baselines run at once over one alone (median).

    Two copies of a process that shares nothing: the most ``--jobs 2`` could gain here.
    """
    corpus = build_corpus(DASK_SIZE)
    cmd = [PYTHON, __file__, "--vader-baseline", str(corpus)]
    def timed(copies: int) -> float:
        wait_quiet(max_wait)
        t0 = time.perf_counter()
        procs = [subprocess.Popen(cmd) for _ in range(copies)]
        if any(p.wait() for p in procs):
            raise SystemExit("the VADER baseline failed during calibration")
        return time.perf_counter() - t0

    ratios = []
    for r in range(repeats):
        # One alone before and after the pair: the machine's speed drifts.
        before, both, after = timed(1), timed(2), timed(1)
        ratios.append(2 * (before + after) / 2 / both)
        _log(f"calibration #{r + 1}: one {before:.2f} / {after:.2f} s, two at once {both:.2f} s"
             f" -> {ratios[-1]:.2f}x")
    return round(statistics.median(ratios), 3)


def _commands(corpus: Path, out: Path) -> dict[str, list[str]]:
    # The lexicon method, which these rows have always measured (the default became the
    # ensemble with the encoder model on 2026-12-02; its cost is in the README).
    stance = [PYTHON, "-m", "stance", "score", "--method", "lexicon"]
    return {
        "vader": [PYTHON, __file__, "--vader-baseline", str(corpus)],
        "jobs1": stance + [str(corpus), "--out", str(out / "jobs1"), "--jobs", "1", "--quiet"],
        "jobs2": stance + [str(corpus), "--out", str(out / "jobs2"), "--jobs", "2", "--quiet"],
    }


def same_tables(a: Path, b: Path) -> bool:
    """Whether the four output tables of two runs are byte-identical."""
    return all(filecmp.cmp(a / t, b / t, shallow=False) for t in TABLES)


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def bench_size(n: int, *, repeats: int, dask: bool, max_wait: float = MAX_WAIT,
               ceiling: float | str = "") -> tuple[dict, list[Run]]:
    """Measure one corpus size; return its summary row and every run."""
    corpus = build_corpus(n)
    one = build_corpus(1)
    out = WORK / "out" / str(n)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    cmds = _commands(corpus, out)
    start = _commands(one, out / "start")
    cmds["vader-start"] = start["vader"]
    cmds["stance-start"] = start["jobs1"]
    order = list(cmds)
    runs: list[Run] = []
    for r in range(repeats):
        k = r % len(order)
        for variant in order[k:] + order[:k]:
            wait_quiet(max_wait)
            run = measure(cmds[variant], articles=n, variant=variant, repeat=r + 1)
            runs.append(run)
            _log(f"{n:>6} {variant:<12} #{r + 1}: {run.wall_s:8.2f} s wall, {run.cpu_s:8.2f} s CPU,"
                 f" {run.peak_rss_mb:7.1f} MB RSS, {run.peak_tree_mb:7.1f} MB tree,"
                 f" others {run.others_cores:.2f} cores")
    equal = same_tables(out / "jobs1", out / "jobs2")
    dask_equal, dask_rate = "", ""
    if dask:
        cmd = [PYTHON, "-m", "stance", "score", "--method", "lexicon", str(corpus), "--out",
               str(out / "dask2"), "--engine", "dask", "--jobs", "2", "--quiet"]
        wait_quiet(max_wait)
        run = measure(cmd, articles=n, variant="dask2", repeat=1)
        runs.append(run)
        dask_equal = same_tables(out / "jobs1", out / "dask2")
        dask_rate = round(n / run.wall_s, 1)
        _log(f"{n:>6} dask2        #1: {run.wall_s:8.2f} s wall, identical to jobs1: {dask_equal}")
    summary = summarise(n, corpus, runs, equal, dask_equal, dask_rate)
    summary["machine_pair_speedup"] = ceiling
    return summary, runs


def _median(runs: list[Run], variant: str, field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs if r.variant == variant)


def summarise(n: int, corpus: Path, runs: list[Run], equal, dask_equal, dask_rate) -> dict:
    """The summary row of one size from its runs (medians over repeats)."""
    wall = {v: _median(runs, v, "wall_s") for v in
            ("vader", "jobs1", "jobs2", "vader-start", "stance-start")}
    cpu = {v: _median(runs, v, "cpu_s") for v in
           ("vader", "jobs1", "jobs2", "vader-start", "stance-start")}
    # Per-repeat ratios (each pair measured back to back), then their median.
    ratio, ratio_cpu, speedup = [], [], []
    for r in sorted({x.repeat for x in runs}):
        w = {x.variant: x.wall_s for x in runs if x.repeat == r}
        c = {x.variant: x.cpu_s for x in runs if x.repeat == r}
        if {"vader", "jobs1", "jobs2"} <= set(w):
            ratio.append(w["vader"] / w["jobs1"])
            ratio_cpu.append(c["vader"] / c["jobs1"])
            speedup.append(w["jobs1"] / w["jobs2"])
    net = lambda v, start: max(0.0, wall[v] - wall[start]) / n * 1000  # noqa: E731
    net_cpu = lambda v, start: max(0.0, cpu[v] - cpu[start]) / n * 1000  # noqa: E731
    return {
        "articles": n,
        "megabytes": round(corpus.stat().st_size / 1e6, 2),
        "repeats": max(r.repeat for r in runs),
        "vader_docs_per_s": round(n / wall["vader"], 1),
        "jobs1_docs_per_s": round(n / wall["jobs1"], 1),
        "jobs2_docs_per_s": round(n / wall["jobs2"], 1),
        "jobs1_vs_vader": round(statistics.median(ratio), 3),
        "jobs1_vs_vader_cpu": round(statistics.median(ratio_cpu), 3),
        "jobs2_speedup": round(statistics.median(speedup), 3),
        "jobs1_ms_per_doc": round(net("jobs1", "stance-start"), 3),
        "jobs2_ms_per_doc": round(net("jobs2", "stance-start"), 3),
        "vader_ms_per_doc": round(net("vader", "vader-start"), 3),
        "jobs1_cost_vs_vader": round(net("jobs1", "stance-start") / net("vader", "vader-start"), 3)
        if net("vader", "vader-start") else "",
        "jobs1_cpu_ms_per_doc": round(net_cpu("jobs1", "stance-start"), 3),
        "jobs2_cpu_ms_per_doc": round(net_cpu("jobs2", "stance-start"), 3),
        "vader_peak_rss_mb": max(r.peak_rss_mb for r in runs if r.variant == "vader"),
        "jobs1_peak_rss_mb": max(r.peak_rss_mb for r in runs if r.variant == "jobs1"),
        "jobs2_peak_rss_mb": max(r.peak_rss_mb for r in runs if r.variant == "jobs2"),
        "jobs1_peak_tree_mb": max(r.peak_tree_mb for r in runs if r.variant == "jobs1"),
        "jobs2_peak_tree_mb": max(r.peak_tree_mb for r in runs if r.variant == "jobs2"),
        "jobs1_equals_jobs2": equal,
        "dask_equals_jobs1": dask_equal,
        "dask_docs_per_s": dask_rate,
        "others_cores": round(statistics.mean(r.others_cores for r in runs), 2),
        "measured": time.strftime("%Y-%m-%d %H:%M"),
    }


def _read_rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_rows(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def save(summary: dict, runs: list[Run]) -> list[dict]:
    """Replace the row of this size in ``scale.csv`` (other sizes kept); append the runs."""
    rows = [r for r in _read_rows(RESULTS_CSV) if int(r["articles"]) != summary["articles"]]
    rows.append(summary)
    rows.sort(key=lambda r: int(r["articles"]))
    _write_rows(RESULTS_CSV, SUMMARY_COLUMNS, rows)
    old = _read_rows(RUNS_CSV)
    _write_rows(RUNS_CSV, list(asdict(runs[0])), old + [asdict(r) for r in runs])
    return rows


# -- the report ----------------------------------------------------------------------------

def _f(x) -> float:
    return float(x) if x not in ("", None) else float("nan")


def markdown(rows: list[dict]) -> str:
    """The summary as a markdown table, then the targets."""
    head = ("| articles | MB | VADER doc/s | stance -j1 doc/s | -j1 / VADER | -j2 doc/s | "
            "-j1 / VADER (CPU) | -j2 speed-up | -j1 ms/doc | VADER ms/doc | -j1 / VADER "
            "cost per doc | peak RSS -j1 MB | peak tree -j2 MB | -j1 = -j2 | others' CPU "
            "(cores) |")
    lines = [head, "|" + "---:|" * 13 + ":---:|---:|"]
    for r in rows:
        lines.append(
            f"| {int(r['articles']):,} | {_f(r['megabytes']):.1f} | "
            f"{_f(r['vader_docs_per_s']):.0f} | "
            f"{_f(r['jobs1_docs_per_s']):.0f} | {_f(r['jobs1_vs_vader']):.2f} | "
            f"{_f(r['jobs2_docs_per_s']):.0f} | {_f(r['jobs1_vs_vader_cpu']):.2f} | "
            f"{_f(r['jobs2_speedup']):.2f} | "
            f"{_f(r['jobs1_ms_per_doc']):.2f} | {_f(r['vader_ms_per_doc']):.2f} | "
            f"{_f(r.get('jobs1_cost_vs_vader')):.2f} | "
            f"{_f(r['jobs1_peak_rss_mb']):.0f} | {_f(r['jobs2_peak_tree_mb']):.0f} | "
            f"{'yes' if str(r['jobs1_equals_jobs2']) == 'True' else 'NO'} | "
            f"{_f(r.get('others_cores')):.2f} |")
    lines.append("")
    ceilings = {_f(r.get("machine_pair_speedup")) for r in rows} - {float("nan")}
    ceilings = {c for c in ceilings if c == c}
    if ceilings:
        lines.append("Two independent processes at once ran "
                     + " / ".join(f"{c:.2f}" for c in sorted(ceilings))
                     + "x as fast as one (the machine's ceiling for --jobs 2).")
        lines.append("")
    lines.extend(targets(rows))
    return "\n".join(lines)


def targets(rows: list[dict]) -> list[str]:
    """One line per project target: measured value and whether it is met."""
    by = {int(r["articles"]): r for r in rows}
    out = []

    def line(name, value, ok):
        out.append(f"- {name}: {value} — {'met' if ok else 'NOT met'}")

    if 3000 in by:
        v = _f(by[3000]["jobs1_vs_vader"])
        line(f"stance --jobs 1 / bare VADER throughput on 3,000 articles >= {TARGET_VADER_RATIO}",
             f"{v:.2f}", v >= TARGET_VADER_RATIO)
    big = [r for n, r in sorted(by.items()) if n >= 1000]
    par = [r for n, r in sorted(by.items()) if n >= 3000]
    if par:
        worst = min(_f(r["jobs2_speedup"]) for r in par)
        line(f"--jobs 2 speed-up over --jobs 1 >= {TARGET_SPEEDUP} (>= 3,000 articles, worst)",
             " / ".join(f"{_f(r['jobs2_speedup']):.2f}" for r in par), worst >= TARGET_SPEEDUP)
    if 1000 in by and 30000 in by:
        for col, name in (("jobs1_peak_rss_mb", "--jobs 1 peak RSS"),
                          ("jobs2_peak_tree_mb", "--jobs 2 peak memory of the process tree")):
            g = _f(by[30000][col]) / _f(by[1000][col]) - 1
            line(f"{name} growth 1,000 -> 30,000 articles < {TARGET_MEMORY_GROWTH:.0%}",
                 f"{g:+.1%} ({_f(by[1000][col]):.0f} -> {_f(by[30000][col]):.0f} MB)",
                 g < TARGET_MEMORY_GROWTH)
    if len(big) >= 2:
        # The machine's speed drifts between size groups measured minutes apart; VADER's cost
        # per article is linear by construction, so stance's cost is compared to it.
        costs = [_f(r["jobs1_ms_per_doc"]) / _f(r["vader_ms_per_doc"]) for r in big]
        med = statistics.median(costs)
        spread = max(abs(c / med - 1) for c in costs)
        line(f"cost per article flat (--jobs 1 / VADER per article, net of start-up, >= 1,000 "
             f"articles, within +-{TARGET_FLAT:.0%} of the median)",
             " / ".join(f"{c:.2f}" for c in costs) + f" (max deviation {spread:.1%}; "
             "ms: " + " / ".join(f"{_f(r['jobs1_ms_per_doc']):.2f}" for r in big) + ")",
             spread <= TARGET_FLAT)
    ident = [r for r in rows if str(r["jobs1_equals_jobs2"]) != "True"]
    line("--jobs 1 and --jobs 2 tables byte-identical at every size",
         "yes" if not ident else "differ at " + ", ".join(r["articles"] for r in ident),
         not ident)
    dask = [r for r in rows if r.get("dask_equals_jobs1") not in ("", None)]
    for r in dask:
        line(f"--engine dask --jobs 2 tables identical to --jobs 1 ({int(r['articles']):,} "
             f"articles)", r["dask_equals_jobs1"], str(r["dask_equals_jobs1"]) == "True")
    return out


def machine() -> str:
    """nproc, CPU model and Python version."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, SIZES)),
                   help="comma-separated corpus sizes (default: %(default)s)")
    p.add_argument("--repeats", type=int, default=None,
                   help="runs of each variant per size (default: 3 up to 3,000 articles, else 1)")
    p.add_argument("--max-wait", type=float, default=MAX_WAIT,
                   help="seconds to wait for a quiet machine before each run "
                        "(default: %(default)s)")
    p.add_argument("--no-dask", action="store_true", help="skip the --engine dask check")
    p.add_argument("--no-calibrate", action="store_true",
                   help="skip measuring two independent processes at once")
    p.add_argument("--report", action="store_true",
                   help="only print the table of benchmarks/results/scale.csv")
    p.add_argument("--vader-baseline", metavar="CORPUS", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.report:
        print(markdown(_read_rows(RESULTS_CSV)))
        return 0
    if args.vader_baseline:
        vader_baseline(Path(args.vader_baseline))
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    _log(f"machine: {machine()}")
    rows = _read_rows(RESULTS_CSV)
    ceiling = "" if args.no_calibrate else calibrate(max_wait=args.max_wait)
    for n in sizes:
        repeats = args.repeats or AUTO_REPEATS.get(n, 1)
        summary, runs = bench_size(n, repeats=repeats,
                                   dask=(n == DASK_SIZE and not args.no_dask),
                                   max_wait=args.max_wait, ceiling=ceiling)
        rows = save(summary, runs)
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
