"""Speed and memory of ``stance score`` on varied real press text, against two baselines.

Usage (from the repository root)::

    python benchmarks/scale.py                   # 1k to 30k articles; writes results/scale.csv
    python benchmarks/scale.py --sizes 100 --model-sizes 100 --repeats 1   # a quick check
    python benchmarks/scale.py --sizes 1000,3000 --variants vader,lexicon1,lexicon2
    python benchmarks/scale.py --report          # print the table of results/scale.csv again
    nohup python benchmarks/scale.py > benchmarks/_work/scale.log 2>&1 &   # the full run

The corpora are built by ``make_corpus.py`` into ``benchmarks/_work`` (varied copies of the
bundled presidential press items, then of the other seed articles). For each size, in one run
and interleaved (the order rotates from one repeat to the next), each a fresh process:

- ``vader``: bare VADER as a user runs it, importing nothing of ``stance``: ``vaderSentiment``'s
  ``SentimentIntensityAnalyzer``, every article split into sentences by a plain regex, every
  sentence scored with ``polarity_scores``, nothing written (``--vader-baseline CORPUS``);
- ``lexicon1``, ``lexicon2``: ``stance score --method lexicon CORPUS --out OUT --jobs 1|2
  --quiet``;
- ``default1``, ``default2``: the same with the default method (the encoder-based ensemble);
- ``encoder``: the encoder alone. A process that imports only :mod:`stance.score.encoder` and embeds,
  in one ``Encoder().encode`` call, exactly the statements the ``default1`` run of the same
  repeat scored (those with a row in ``stances.csv``). It always runs right after
  ``default1``;
- ``vader-start``, ``lexicon-start``, ``default-start``: ``vader``, ``lexicon1`` and
  ``default1`` on a one-article corpus: the start-up cost, taken off to get the cost per
  article.

The default method costs about 0.19 s per article on one core, so ``default1``, ``default2``,
``encoder`` and ``default-start`` run only at the sizes of ``--model-sizes`` (1,000 and 3,000
unless told otherwise). ``--variants`` picks a subset.

Wall time is measured here; CPU time and the peak resident set of the largest single process
come from ``/usr/bin/time`` (else from ``getrusage`` in a wrapper process); the peak memory of
the whole process tree (the program's resident set plus the unique set of each worker, so
pages a forked worker shares with its parent count once) is sampled every 0.1 s with
``psutil``. After the runs the ``lexicon1`` and ``lexicon2`` tables are compared byte for byte,
and so are the ``default1`` and ``default2`` ones; on the 1,000-article corpus also those of
``--engine dask --jobs 2 --method lexicon`` against ``lexicon1`` (one timed run).

First, the machine's own ceiling for two processes: the VADER baseline on 1,000 articles alone,
two copies at once, alone again (three times; the median). Two independent processes on two
virtual CPUs do not always run twice as fast as one; ``--jobs 2`` cannot beat that ceiling.

Ratios are taken within one repeat of one size (runs back to back), then their median is
reported, because other programs may share the machine; absolute times are only indicative.
Before each run the script waits (up to ``--max-wait`` seconds) until other programs use less
than a quarter of a core, and it records how many cores they used during the run
(``others_cores``, from ``/proc/stat``): a ``--jobs 2`` speed-up measured while others held a
core says little. Each row records the commit (``+dirty`` when ``stance/`` had uncommitted
changes, ``+changed`` when its files changed between two runs of the size).
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import hashlib
import json
import os
import platform
import re
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

# make_corpus imports only the standard library, so the VADER baseline, which runs this file,
# stays free of stance (check: python -X importtime benchmarks/scale.py --vader-baseline ...).
from make_corpus import SIZES, WORK, build_corpus  # noqa: E402

RESULTS_CSV = REPO / "benchmarks" / "results" / "scale.csv"
#: Every measured run, one row each (not committed).
RUNS_CSV = WORK / "scale-runs.csv"
TABLES = ("statements.csv", "stances.csv", "actor_target.csv", "errors.csv")
#: Sizes at which the default method and the encoder run, when not given (``--model-sizes``).
MODEL_SIZES = (1_000, 3_000)
#: Rotation order of the variants; ``encoder`` is not in it, it follows ``default1``.
ROTATION = ("vader", "lexicon1", "lexicon2", "default1", "default2", "vader-start",
            "lexicon-start", "default-start")
VARIANTS = ROTATION + ("encoder",)
#: Variants that load the encoder model: only at the sizes of ``--model-sizes``.
MODEL_VARIANTS = frozenset({"default1", "default2", "encoder", "default-start"})
#: Variants on the whole corpus (the others run on one article).
CORPUS_VARIANTS = ("vader", "lexicon1", "lexicon2", "default1", "default2", "encoder")
#: Each variant and the start-up run taken off it for the cost per article.
START_OF = {"vader": "vader-start", "lexicon1": "lexicon-start",
            "lexicon2": "lexicon-start", "default1": "default-start",
            "default2": "default-start"}
#: Repeats per size when not given: small corpora are quick and noisier.
AUTO_REPEATS = {100: 3, 1_000: 3, 3_000: 3}
#: The corpus on which ``--engine dask`` is checked.
DASK_SIZE = 1_000
#: The corpus of the two-process calibration (or the largest size asked for, if smaller).
CALIBRATE_SIZE = 1_000
#: How often the process tree's memory is sampled (seconds).
SAMPLE_EVERY = 0.1
#: Other programs' CPU use (cores) below which the machine counts as quiet before a run.
QUIET_CORES = 0.25
#: Longest wait for a quiet machine before each run (seconds; ``--max-wait``).
MAX_WAIT = 30.0
#: Targets of the project (see benchmarks/README.md). They are judged on corpora of at least
#: TARGET_FROM articles: below that, start-up (imports, the model) is most of the run.
TARGET_LEXICON_VS_VADER = 1.0   # lexicon --jobs 1 throughput / bare VADER
TARGET_DEFAULT_VS_ENCODER = 0.7  # default --jobs 1 throughput / the encoder alone
TARGET_JOBS2_SPEEDUP = 1.8      # --jobs 2 over --jobs 1, where the machine's ceiling allows
TARGET_MEMORY_GROWTH = 0.20     # lexicon --jobs 1 peak RSS, 1,000 -> 30,000 articles
TARGET_FROM = 1_000
PYTHON = sys.executable
GNU_TIME = "/usr/bin/time"
#: The baseline's sentence split: after ., ! or ? and white space, or at a blank line (a title
#: has no full stop and would otherwise be glued to the first sentence).
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n\s*\n")

#: The ``encoder`` variant. The csv module, not pandas, reads the tables, so the baseline pays
#: for nothing but the encoder.
ENCODE = """\
import csv, sys
from stance.score.encoder import Encoder
csv.field_size_limit(sys.maxsize)
with open(sys.argv[2], encoding="utf-8", newline="") as fh:
    scored = {row["statement_id"] for row in csv.DictReader(fh)}
with open(sys.argv[1], encoding="utf-8", newline="") as fh:
    texts = [row["text"] for row in csv.DictReader(fh) if row["statement_id"] in scored]
Encoder().encode(texts)
print(len(texts))
"""

MEMORY_COLUMNS = [f"{v}_peak_{k}_mb" for v in CORPUS_VARIANTS for k in ("rss", "tree")]
SUMMARY_COLUMNS = [
    "articles", "megabytes", "repeats", "vader_sentences", "scored_statements",
    *(f"{v}_docs_per_s" for v in CORPUS_VARIANTS),
    "lexicon1_vs_vader", "lexicon1_vs_vader_cpu", "default1_vs_encoder",
    "lexicon_jobs2_speedup", "default_jobs2_speedup", "machine_pair_speedup",
    *(f"{v}_ms_per_doc" for v in START_OF),
    "vader_start_s", "lexicon_start_s", "default_start_s",
    *MEMORY_COLUMNS,
    "lexicon1_equals_lexicon2", "default1_equals_default2", "dask_equals_lexicon1",
    "dask_docs_per_s", "others_cores", "measured", "commit"]


# -- the VADER baseline ----------------------------------------------------------------------

def vader_baseline(corpus: Path) -> int:
    """Score every sentence of every article of ``corpus`` with bare VADER.

    Parameters
    ----------
    corpus : Path
        A JSONL corpus with a ``text`` per line.

    Returns
    -------
    int
        Sentences scored.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    n = 0
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            for sentence in SENTENCE_SPLIT.split(json.loads(line)["text"]):
                if sentence.strip():
                    analyser.polarity_scores(sentence)
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
    #: What the program printed as its count (sentences for ``vader``, statements for
    #: ``encoder``), else blank.
    units: int | str
    started: str
    commit: str
    #: Digest of the ``stance/`` sources when the run started: shows edits between runs.
    source: str


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
                for main in root.children():
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

    Returns
    -------
    float
        The cores they used in the last one-second window.
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


def source_digest() -> str:
    """Short SHA-1 of every file under ``stance/`` (names and contents; caches left out)."""
    digest = hashlib.sha1()
    for path in sorted((REPO / "stance").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def measure(cmd: list[str], *, articles: int, variant: str, repeat: int,
            commit: str = "") -> Run:
    """Run ``cmd`` as a fresh process; wall time, CPU time and peak memory."""
    source = source_digest()
    fd, stats = tempfile.mkstemp(prefix="stance-scale-", suffix=".txt")
    os.close(fd)
    use_time = os.access(GNU_TIME, os.X_OK)
    full = ([GNU_TIME, "-f", "%U %S %M %x", "-o", stats] + cmd if use_time
            else [PYTHON, "-c", _WRAPPER, stats] + cmd)
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    load = os.getloadavg()[0]
    busy0 = _busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
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
    lines = out.decode("utf-8", "replace").split()
    units = int(lines[-1]) if lines and lines[-1].isdigit() else ""
    # CPU the rest of the machine used meanwhile (our sampler thread is counted as "other").
    others = max(0.0, busy - cpu) / wall if busy == busy else float("nan")
    return Run(articles, variant, repeat, round(wall, 3), round(cpu, 3),
               round(maxrss_kb / 1024, 1), round(sampler.peak / 2**20, 1), round(load, 2),
               round(others, 2), rc, units, started, commit, source)


# -- the benchmark -------------------------------------------------------------------------

def calibrate(n: int = CALIBRATE_SIZE, repeats: int = 3, max_wait: float = MAX_WAIT) -> float:
    """Speed-up of two independent VADER baselines run at once over one alone (median).

    Two copies of a process that shares nothing: the most ``--jobs 2`` could gain here.
    """
    cmd = [PYTHON, __file__, "--vader-baseline", str(build_corpus(n))]

    def timed(copies: int) -> float:
        wait_quiet(max_wait)
        t0 = time.perf_counter()
        procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=REPO)
                 for _ in range(copies)]
        if any(p.wait() for p in procs):
            raise SystemExit("the VADER baseline failed during calibration")
        return time.perf_counter() - t0

    ratios = []
    for r in range(repeats):
        # One alone before and after the pair: the machine's speed drifts.
        before, both, after = timed(1), timed(2), timed(1)
        ratios.append((before + after) / both)
        _log(f"calibration #{r + 1} ({n:,} articles): one {before:.2f} / {after:.2f} s, "
             f"two at once {both:.2f} s -> {ratios[-1]:.2f}x")
    return round(statistics.median(ratios), 3)


def commands(corpus: Path, one: Path, out: Path) -> dict[str, list[str]]:
    """The command line of every variant, writing under ``out``."""
    def score(src: Path, name: str, jobs: int, method: list[str]) -> list[str]:
        return [PYTHON, "-m", "stance", "score", *method, str(src), "--out", str(out / name),
                "--jobs", str(jobs), "--quiet"]

    lexicon = ["--method", "lexicon"]
    default = out / "default1"
    return {
        "vader": [PYTHON, __file__, "--vader-baseline", str(corpus)],
        "lexicon1": score(corpus, "lexicon1", 1, lexicon),
        "lexicon2": score(corpus, "lexicon2", 2, lexicon),
        "default1": score(corpus, "default1", 1, []),
        "default2": score(corpus, "default2", 2, []),
        "encoder": [PYTHON, "-c", ENCODE, str(default / "statements.csv"),
                    str(default / "stances.csv")],
        "vader-start": [PYTHON, __file__, "--vader-baseline", str(one)],
        "lexicon-start": score(one, "lexicon-start", 1, lexicon),
        "default-start": score(one, "default-start", 1, []),
    }


def run_order(variants: list[str], repeat: int) -> list[str]:
    """The variants of one repeat: rotated by ``repeat``, ``encoder`` right after ``default1``.

    Examples
    --------
    >>> run_order(["vader", "lexicon1", "default1", "encoder"], 1)
    ['lexicon1', 'default1', 'encoder', 'vader']
    """
    base = [v for v in ROTATION if v in variants]
    k = repeat % len(base) if base else 0
    order = base[k:] + base[:k]
    if "encoder" in variants:
        order.insert(order.index("default1") + 1, "encoder")
    return order


def same_tables(a: Path, b: Path) -> bool | str:
    """Whether the four output tables of two runs are byte-identical ('' if one is missing)."""
    if not (a.is_dir() and b.is_dir()):
        return ""
    return all(filecmp.cmp(a / t, b / t, shallow=False) for t in TABLES)


def git_commit() -> str:
    """Short hash of HEAD, with ``+dirty`` when ``stance/`` differs from it."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                                  check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    head = git("rev-parse", "--short", "HEAD")
    return head + ("+dirty" if head and git("status", "--porcelain", "--", "stance") else "")


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def bench_size(n: int, *, repeats: int, variants: list[str], dask: bool,
               max_wait: float = MAX_WAIT, ceiling: float | str = "") -> tuple[dict, list[Run]]:
    """Measure one corpus size; return its summary row and every run."""
    corpus = build_corpus(n)
    out = WORK / "out" / str(n)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    cmds = commands(corpus, build_corpus(1), out)
    # Taken once per size: the other engineer's edits may land between sizes.
    commit = git_commit()
    runs: list[Run] = []
    for r in range(repeats):
        for variant in run_order(variants, r):
            wait_quiet(max_wait)
            run = measure(cmds[variant], articles=n, variant=variant, repeat=r + 1,
                          commit=commit)
            runs.append(run)
            _log(f"{n:>6} {variant:<13} #{r + 1}: {run.wall_s:8.2f} s wall, {run.cpu_s:8.2f} s "
                 f"CPU, {run.peak_rss_mb:7.1f} MB RSS, {run.peak_tree_mb:7.1f} MB tree, "
                 f"others {run.others_cores:.2f} cores"
                 + (f", {run.units} counted" if run.units != "" else ""))
    checks = {"lexicon1_equals_lexicon2": same_tables(out / "lexicon1", out / "lexicon2"),
              "default1_equals_default2": same_tables(out / "default1", out / "default2")}
    if dask and "lexicon1" in variants:
        cmd = [PYTHON, "-m", "stance", "score", "--method", "lexicon", str(corpus), "--out",
               str(out / "dask2"), "--engine", "dask", "--jobs", "2", "--quiet"]
        wait_quiet(max_wait)
        run = measure(cmd, articles=n, variant="dask2", repeat=1, commit=commit)
        runs.append(run)
        checks["dask_equals_lexicon1"] = same_tables(out / "lexicon1", out / "dask2")
        checks["dask_docs_per_s"] = round(n / run.wall_s, 2)
        _log(f"{n:>6} dask2         #1: {run.wall_s:8.2f} s wall, identical to lexicon1: "
             f"{checks['dask_equals_lexicon1']}")
    summary = summarise(n, corpus, runs)
    if len({r.source for r in runs}) > 1:
        # Someone edited stance/ between two runs: the runs measured different code, and two
        # tables may differ for that reason alone.
        commit += "+changed"
        _log(f"{n:>6} WARNING: stance/ changed during the runs (digests "
             f"{', '.join(sorted({r.source for r in runs}))}); comparisons are unreliable")
    summary.update(checks, machine_pair_speedup=ceiling, commit=commit)
    return summary, runs


def _paired(runs: list[Run], num: str, den: str, field: str = "wall_s") -> float | str:
    """Median over repeats of ``num``'s ``field`` over ``den``'s, taken within each repeat."""
    ratios = []
    for r in sorted({x.repeat for x in runs}):
        got = {x.variant: getattr(x, field) for x in runs if x.repeat == r}
        if num in got and den in got and got[den] > 0:
            ratios.append(got[num] / got[den])
    return round(statistics.median(ratios), 3) if ratios else ""


def summarise(n: int, corpus: Path, runs: list[Run]) -> dict:
    """The summary row of one size from its runs (medians over repeats).

    Ratios of throughputs are ratios of wall times the other way round (``lexicon1_vs_vader``
    is VADER's time over the lexicon's), each taken within one repeat.
    """
    row: dict = dict.fromkeys(SUMMARY_COLUMNS, "")
    variants = {r.variant for r in runs}
    wall = {v: statistics.median(r.wall_s for r in runs if r.variant == v) for v in variants}
    for v in CORPUS_VARIANTS:
        if v in wall:
            row[f"{v}_docs_per_s"] = round(n / wall[v], 2)
            row[f"{v}_peak_rss_mb"] = max(r.peak_rss_mb for r in runs if r.variant == v)
            row[f"{v}_peak_tree_mb"] = max(r.peak_tree_mb for r in runs if r.variant == v)
    for v, start in START_OF.items():
        # The start-up run scores one article, so the difference is the other n - 1.
        if v in wall and start in wall and n > 1:
            row[f"{v}_ms_per_doc"] = round(max(0.0, wall[v] - wall[start]) / (n - 1) * 1000, 3)
    for col, v in (("vader_start_s", "vader-start"), ("lexicon_start_s", "lexicon-start"),
                   ("default_start_s", "default-start")):
        if v in wall:
            row[col] = round(wall[v], 3)
    for col, v in (("vader_sentences", "vader"), ("scored_statements", "encoder")):
        counts = {r.units for r in runs if r.variant == v and r.units != ""}
        if counts:
            row[col] = max(counts)
    row.update(
        articles=n, megabytes=round(corpus.stat().st_size / 1e6, 2),
        repeats=max(r.repeat for r in runs),
        lexicon1_vs_vader=_paired(runs, "vader", "lexicon1"),
        lexicon1_vs_vader_cpu=_paired(runs, "vader", "lexicon1", "cpu_s"),
        default1_vs_encoder=_paired(runs, "encoder", "default1"),
        lexicon_jobs2_speedup=_paired(runs, "lexicon1", "lexicon2"),
        default_jobs2_speedup=_paired(runs, "default1", "default2"),
        others_cores=round(statistics.mean(r.others_cores for r in runs), 2),
        measured=time.strftime("%Y-%m-%d %H:%M"))
    return row


def _read_rows(path: Path) -> tuple[list[str], list[dict]]:
    if not path.is_file():
        return [], []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write_rows(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore",
                           restval="")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def results_rows() -> list[dict]:
    """The rows of ``scale.csv`` in the current schema (rows of an older one are dropped)."""
    columns, rows = _read_rows(RESULTS_CSV)
    return rows if columns == SUMMARY_COLUMNS else []


def save(summary: dict, runs: list[Run]) -> list[dict]:
    """Replace the row of this size in ``scale.csv`` (other sizes kept); append the runs."""
    rows = [r for r in results_rows() if int(r["articles"]) != summary["articles"]]
    rows.append(summary)
    rows.sort(key=lambda r: int(r["articles"]))
    _write_rows(RESULTS_CSV, SUMMARY_COLUMNS, rows)
    _, old = _read_rows(RUNS_CSV)
    _write_rows(RUNS_CSV, list(asdict(runs[0])), old + [asdict(r) for r in runs])
    return rows


# -- the report ----------------------------------------------------------------------------

def _f(x) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")


def _fmt(x, spec: str) -> str:
    v = _f(x)
    return format(v, spec) if v == v else "–"


def _same(x) -> str:
    return {"True": "yes", "False": "NO"}.get(str(x), "–")


def markdown(rows: list[dict]) -> str:
    """The summary as a markdown table, then the ceiling, memory growth and targets."""
    head = ("| articles | MB | VADER doc/s | lexicon -j1 doc/s | lexicon -j1 / VADER | "
            "lexicon -j2 speed-up | default -j1 doc/s | encoder doc/s | default -j1 / encoder | "
            "default -j2 speed-up | lexicon ms/doc | default ms/doc | peak RSS lexicon -j1 MB | "
            "peak tree default -j2 MB | lexicon -j1 = -j2 | default -j1 = -j2 | "
            "others' CPU (cores) |")
    lines = [head, "|" + "---:|" * 14 + ":---:|:---:|---:|"]
    for r in rows:
        lines.append(
            f"| {int(r['articles']):,} | {_fmt(r['megabytes'], '.1f')} | "
            f"{_fmt(r['vader_docs_per_s'], '.0f')} | {_fmt(r['lexicon1_docs_per_s'], '.0f')} | "
            f"{_fmt(r['lexicon1_vs_vader'], '.2f')} | "
            f"{_fmt(r['lexicon_jobs2_speedup'], '.2f')} | "
            f"{_fmt(r['default1_docs_per_s'], '.1f')} | {_fmt(r['encoder_docs_per_s'], '.1f')} | "
            f"{_fmt(r['default1_vs_encoder'], '.2f')} | "
            f"{_fmt(r['default_jobs2_speedup'], '.2f')} | "
            f"{_fmt(r['lexicon1_ms_per_doc'], '.2f')} | {_fmt(r['default1_ms_per_doc'], '.1f')} | "
            f"{_fmt(r['lexicon1_peak_rss_mb'], '.0f')} | "
            f"{_fmt(r['default2_peak_tree_mb'], '.0f')} | "
            f"{_same(r['lexicon1_equals_lexicon2'])} | {_same(r['default1_equals_default2'])} | "
            f"{_fmt(r['others_cores'], '.2f')} |")
    lines.append("")
    ceilings = sorted({c for c in (_f(r.get("machine_pair_speedup")) for r in rows) if c == c})
    if ceilings:
        lines.append("Two independent processes at once ran "
                     + " / ".join(f"{c:.2f}" for c in ceilings)
                     + "x as fast as one (the machine's ceiling for --jobs 2).")
    for r in rows:
        if r.get("dask_equals_lexicon1") not in ("", None):
            lines.append(f"--engine dask --jobs 2 on {int(r['articles']):,} articles: "
                         f"{_fmt(r['dask_docs_per_s'], '.0f')} doc/s, tables identical to "
                         f"lexicon -j1: {_same(r['dask_equals_lexicon1'])}.")
    if rows:
        lines.append("Commit: " + ", ".join(sorted({r.get("commit") or "?" for r in rows})) + ".")
    growth = memory_growth(rows)
    if growth:
        lines.append(growth)
    lines.append("")
    lines.extend(targets(rows))
    return "\n".join(lines)


def memory_growth(rows: list[dict]) -> str:
    """Growth of the peak memory from 1,000 to 30,000 articles, or '' without both rows."""
    by = {int(r["articles"]): r for r in rows}
    if 1_000 not in by or 30_000 not in by:
        return ""
    parts = []
    for col, name in (("lexicon1_peak_rss_mb", "lexicon -j1 peak RSS"),
                      ("lexicon2_peak_tree_mb", "lexicon -j2 peak tree")):
        a, b = _f(by[1_000][col]), _f(by[30_000][col])
        if a == a and b == b and a > 0:
            parts.append(f"{name} {a:.0f} -> {b:.0f} MB ({b / a - 1:+.1%})")
    return ("Memory growth 1,000 -> 30,000 articles: " + "; ".join(parts) + ".") if parts else ""


def targets(rows: list[dict]) -> list[str]:
    """One verdict per project target (met / not met / not measured), then the identity checks."""
    judged = [r for r in rows if int(r["articles"]) >= TARGET_FROM]
    out = []

    def verdict(name: str, col: str, target: float, *, ceiling: bool = False):
        have = [(int(r["articles"]), _f(r[col]), _f(r.get("machine_pair_speedup")))
                for r in judged if _f(r[col]) == _f(r[col])]
        small = [f"{int(r['articles']):,}: {_f(r[col]):.2f}" for r in rows
                 if int(r["articles"]) < TARGET_FROM and _f(r[col]) == _f(r[col])]
        if not have:
            note = f" (only below {TARGET_FROM:,} articles: {', '.join(small)})" if small else ""
            out.append(f"- {name}: not measured{note}")
            return
        values = ", ".join(f"{n:,}: {v:.2f}" for n, v, _ in have)
        worst = min(v for _, v, _ in have)
        if worst >= target:
            state = "met"
        elif ceiling and any(c == c and c < target for _, _, c in have):
            # Two independent processes did not reach the target here, so the code cannot.
            c = min(c for _, _, c in have if c == c)
            state = (f"not measured: the machine's ceiling is {c:.2f} < {target}; worst "
                     f"{worst / c:.0%} of it")
        else:
            state = "not met"
        out.append(f"- {name} >= {target} ({values}): {state}")

    verdict("lexicon -j1 throughput / bare VADER", "lexicon1_vs_vader", TARGET_LEXICON_VS_VADER)
    verdict("default -j1 throughput / encoder alone", "default1_vs_encoder",
            TARGET_DEFAULT_VS_ENCODER)
    verdict("lexicon --jobs 2 speed-up", "lexicon_jobs2_speedup", TARGET_JOBS2_SPEEDUP,
            ceiling=True)
    verdict("default --jobs 2 speed-up", "default_jobs2_speedup", TARGET_JOBS2_SPEEDUP,
            ceiling=True)
    by = {int(r["articles"]): r for r in rows}
    name = f"lexicon -j1 peak RSS growth 1,000 -> 30,000 articles < {TARGET_MEMORY_GROWTH:.0%}"
    a = _f(by[1_000]["lexicon1_peak_rss_mb"]) if 1_000 in by else float("nan")
    b = _f(by[30_000]["lexicon1_peak_rss_mb"]) if 30_000 in by else float("nan")
    if a == a and b == b and a > 0:
        g = b / a - 1
        out.append(f"- {name} ({g:+.1%}): {'met' if g < TARGET_MEMORY_GROWTH else 'not met'}")
    else:
        out.append(f"- {name}: not measured")
    for col, name in (("lexicon1_equals_lexicon2", "lexicon -j1 and -j2 tables identical"),
                      ("default1_equals_default2", "default -j1 and -j2 tables identical"),
                      ("dask_equals_lexicon1", "dask -j2 tables identical to lexicon -j1")):
        got = [(int(r["articles"]), str(r[col])) for r in rows if r.get(col) not in ("", None)]
        if not got:
            out.append(f"- {name}: not measured")
        else:
            bad = [f"{n:,}" for n, v in got if v != "True"]
            out.append(f"- {name} ({', '.join(f'{n:,}' for n, _ in got)} articles): "
                       + ("yes" if not bad else "NO at " + ", ".join(bad)))
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


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, SIZES)),
                   help="comma-separated corpus sizes (default: %(default)s)")
    p.add_argument("--model-sizes", default=",".join(map(str, MODEL_SIZES)),
                   help="sizes at which the default method and the encoder also run "
                        "(default: %(default)s; '' for none)")
    p.add_argument("--variants", default=",".join(VARIANTS),
                   help="comma-separated subset of the variants (default: all)")
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
    p.add_argument("--vader-baseline", metavar="CORPUS",
                   help="run only the bare VADER baseline on CORPUS and print its sentence count")
    args = p.parse_args(argv)
    if args.vader_baseline:
        print(vader_baseline(Path(args.vader_baseline)))
        return 0
    if args.report:
        print(markdown(results_rows()))
        return 0
    chosen = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = sorted(set(chosen) - set(VARIANTS))
    if unknown:
        p.error(f"unknown variant(s) {', '.join(unknown)}; choose from {', '.join(VARIANTS)}")
    if "encoder" in chosen and "default1" not in chosen:
        p.error("the encoder variant embeds what default1 scored: add default1 to --variants")
    sizes, model_sizes = _sizes(args.sizes), set(_sizes(args.model_sizes))
    _log(f"machine: {machine()}")
    rows = results_rows()
    ceiling: float | str = ""
    if not args.no_calibrate:
        ceiling = calibrate(min(CALIBRATE_SIZE, max(sizes)), max_wait=args.max_wait)
    for n in sizes:
        variants = [v for v in chosen if n in model_sizes or v not in MODEL_VARIANTS]
        if not variants:
            continue
        repeats = args.repeats or AUTO_REPEATS.get(n, 1)
        summary, runs = bench_size(n, repeats=repeats, variants=variants,
                                   dask=(n == DASK_SIZE and not args.no_dask),
                                   max_wait=args.max_wait, ceiling=ceiling)
        rows = save(summary, runs)
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
