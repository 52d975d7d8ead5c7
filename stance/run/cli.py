"""Command line: ``stance score``, ``stance figures``, ``stance evaluate`` (CONTRACT.md).

Unusable invocations exit with status 2 and a one-line message naming the file and what to
do, never a traceback; documents that fail are skipped and listed in ``errors.csv``.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import __version__
from ..io.atomic import atomic_open
from ..paths import DEFAULT_METHOD

EXIT_USAGE = 2
#: Exit status of an unexpected internal error (a bug), apart from usage and input errors.
EXIT_INTERNAL = 1


class UsageError(Exception):
    """An invocation that cannot run as a whole; the message says what to do."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stance", description=(
        "Who said what about whom in news: statements, speakers and stance toward targets."))
    p.add_argument("--version", action="version", version=f"stance {__version__}",
                   help="print the version and exit")
    p.add_argument("--debug", action="store_true",
                   help="on an internal error, print the traceback (to attach to a report)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("score", help="extract statements and score stance; write the tables")
    s.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt file, folder, .csv or .jsonl with a text column")
    s.add_argument("--out", required=True, metavar="DIR", help="output directory")
    s.add_argument("--actors", metavar="FILE", help="actor registry YAML (default: built in)")
    s.add_argument("--targets", metavar="FILE", help="target registry YAML (default: built in)")
    s.add_argument("--alias-groups", metavar="NAMES", default=None,
                   help="comma-separated target alias groups to use ('' for none; "
                        "default: the registry's defaults, e.g. 'west')")
    s.add_argument("--method", choices=("lexicon", "model", "ensemble"), default=DEFAULT_METHOD,
                   help="stance scorer: lexicon rules (fast, no model), the shipped encoder "
                        "model, or the ensemble of both (default: the best on the real-text "
                        "dev split)")
    s.add_argument("--model", metavar="FILE", help="a saved StanceModel or StanceClassifier "
                   "(JSON; default for --method model/ensemble: the model shipped in "
                   "stance/resources/models)")
    s.add_argument("--encoder", metavar="DIR", default=None,
                   help="encoder model directory for the model (default: $STANCE_ENCODER or "
                        "the bundled fine-tuned all-MiniLM-L6-v2, int8 ONNX)")
    s.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: all cores)")
    s.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster (see --scheduler)")
    s.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address")
    s.add_argument("--lexicon", metavar="FILE",
                   help="stance lexicon TSV (term, valence, frame, source) whose entries extend "
                        "the bundled lexicon")
    s.add_argument("--metadata", metavar="FILE",
                   help="CSV of article metadata (doc_id or file; date, source, title, url) "
                        "to join; default: an articles.csv or metadata.csv inside a folder")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.add_argument("--resume", action="store_true",
                   help="continue an interrupted run in --out without redoing finished documents")

    f = sub.add_parser("figures", help="draw every report figure")
    f.add_argument("--results", metavar="DIR",
                   help="a `stance score` output directory (default: score the bundled data)")
    f.add_argument("--out", metavar="DIR", default=None, help="figure directory (default: figures/)")
    f.add_argument("--formats", default="png,svg,pdf", help="comma-separated: png,svg,pdf")
    f.add_argument("--freq", choices=("D", "W", "M", "Q", "Y"), default=None,
                   help="period of the figures over time: day, week, month, quarter or year "
                        "(default: W; M for the bundled press corpus)")
    f.add_argument("--by", metavar="COLUMN", default=None,
                   help="metadata column the corpus figures compare (default: source): "
                        "stance over time, before/after (at --break-date, else the median "
                        "date) and one heatmap per group")
    f.add_argument("--break-date", metavar="YYYY-MM-DD", default=None,
                   help="also draw each source's stance before and after this date")

    e = sub.add_parser("evaluate", help="compare with gold annotations")
    e.add_argument("--gold", required=True, metavar="FILE_OR_DIR",
                   help="gold CSV, or a folder of them (data/annotations/GUIDELINES.md)")
    e.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="where the gold's documents are (a whole corpus is fine: only the "
                        "documents the gold names are scored)")
    e.add_argument("--split", metavar="NAME", help="evaluate only gold rows of this split "
                                                    "(dev or test)")
    e.add_argument("--out", metavar="DIR", help="write metrics CSVs here")
    e.add_argument("--errors", metavar="FILE",
                   help="write every miss (missed statement, wrong speaker, statement not in "
                        "gold, wrong stance) with its sentence to this CSV")
    e.add_argument("--actors", metavar="FILE", help="actor registry YAML (default: built in)")
    e.add_argument("--targets", metavar="FILE", help="target registry YAML (default: built in)")
    e.add_argument("--method", choices=("lexicon", "model", "ensemble"), default=DEFAULT_METHOD,
                   help="the stance scorer to evaluate")
    e.add_argument("--model", metavar="FILE", help="a saved StanceModel or StanceClassifier (JSON)")
    e.add_argument("--encoder", metavar="DIR", default=None,
                   help="encoder model directory (default: $STANCE_ENCODER or the packaged one)")
    return p


def _check_inputs(inputs: list[str]) -> None:
    for item in inputs:
        if not Path(item).exists():
            raise UsageError(f"{item}: no such file or folder; give a .txt, .html, .csv or .jsonl "
                             "file or a folder of them")


def _check_out(out: str) -> Path:
    path = Path(out)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{out}: cannot create the output directory ({exc.strerror}); "
                         "choose a writable --out") from None
    if not os.access(path, os.W_OK):
        raise UsageError(f"{out}: the output directory is not writable; choose another --out")
    return path


def _median_date(stances_csv: Path) -> str | None:
    """The median date of the dated stance rows (ISO), or None without dates."""
    import pandas as pd
    dates = pd.to_datetime(pd.read_csv(stances_csv, usecols=["date"], dtype=str,
                                       keep_default_na=False)["date"], errors="coerce",
                           format="mixed").dropna()
    return dates.sort_values().iloc[len(dates) // 2].strftime("%Y-%m-%d") if len(dates) else None


def _log_to_stderr() -> None:
    """Show the package's information lines (``stance: …``) on stderr."""
    import logging
    logger = logging.getLogger("stance")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("stance: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def _alias_groups(value: str | None):
    if value is None:
        return None
    return tuple(x.strip() for x in value.split(",") if x.strip())


def _score(args) -> int:
    _check_inputs(args.inputs)
    created = not Path(args.out).exists()
    out = _check_out(args.out)
    try:
        return _score_into(args, out)
    except BaseException:
        _remove_if_empty(out / ".partial")
        if created:
            _remove_if_empty(out)
        raise


def _remove_if_empty(folder: Path) -> None:
    """A failed run leaves no empty output folder behind (finished chunks stay, for --resume)."""
    try:
        folder.rmdir()  # only succeeds on an empty folder
    except OSError:
        pass


def _score_into(args, out: Path) -> int:
    from .engine import run_corpus
    from .document import Config, load_model, registries, stance_lexicon
    if args.method in ("model", "ensemble") and not args.model:
        from ..paths import bundled_model
        args.model = bundled_model()
        if args.model is None:
            raise UsageError(f"--method {args.method} needs --model FILE (a model saved with "
                             "StanceClassifier.save)")
    if args.model and not Path(args.model).is_file():
        raise UsageError(f"{args.model}: model file not found")
    jobs = args.jobs or os.cpu_count() or 1
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    config = Config(actors=args.actors, targets=args.targets,
                    alias_groups=_alias_groups(args.alias_groups), method=args.method,
                    model=args.model, lexicon=args.lexicon, encoder=args.encoder)
    registries(config)  # a broken registry stops here with its own message
    if args.lexicon:
        if not Path(args.lexicon).is_file():
            raise UsageError(f"{args.lexicon}: lexicon file not found")
        stance_lexicon(args.lexicon)
    if args.model:
        load_model(args.model, args.encoder)
    if args.metadata and not Path(args.metadata).is_file():
        raise UsageError(f"{args.metadata}: metadata file not found")
    if not args.quiet:
        _log_to_stderr()
    counts = run_corpus(args.inputs, out, config=config, jobs=jobs, engine=args.engine,
                        scheduler=args.scheduler, progress=not args.quiet, resume=args.resume,
                        metadata=args.metadata)
    if not args.quiet or counts["errors"]:
        print(f"stance: {counts['statements']} statements, {counts['stances']} stance rows, "
              f"{counts['errors']} documents skipped or flagged (see {out / 'errors.csv'})",
              file=sys.stderr)
    return 0


def _figures(args) -> int:
    from ..report.figures import figures_from_results
    from ..paths import ARTICLES_DIR, FIGURES_DIR
    formats = tuple(x.strip() for x in args.formats.split(",") if x.strip())
    bad = [x for x in formats if x not in ("png", "svg", "pdf")]
    if bad:
        raise UsageError(f"--formats: unknown format {bad[0]!r}; use png, svg and/or pdf")
    if args.break_date is not None:
        import datetime
        try:
            datetime.date.fromisoformat(args.break_date)
        except ValueError:
            raise UsageError(f"--break-date: {args.break_date!r} is not a date; use "
                             "YYYY-MM-DD") from None
    out = _check_out(args.out or str(FIGURES_DIR))
    if args.results is not None:
        if not (Path(args.results) / "stances.csv").is_file():
            raise UsageError(f"{args.results}: no stances.csv here; run `stance score ... "
                             f"--out {args.results}` first")
        break_date = args.break_date
        if break_date is None and args.by is not None:
            break_date = _median_date(Path(args.results) / "stances.csv")
            if break_date:
                print(f"stance: no --break-date given; comparing before and after the median "
                      f"statement date, {break_date}", file=sys.stderr)
        paths = figures_from_results(args.results, out_dir=out, formats=formats,
                                     freq=args.freq or "W", break_date=break_date,
                                     by=args.by or "source")
        print(f"stance: wrote {len(paths)} figure files to {out}", file=sys.stderr)
        return 0
    # No --results: every report figure from the bundled data, the seed article into OUT and
    # the press corpus into OUT/presidential-press.
    import tempfile
    from ..paths import PRESS_BREAK_DATE, PRESS_DIR
    from .pipeline import score_documents
    if not ARTICLES_DIR.is_dir():
        raise UsageError(f"{ARTICLES_DIR}: bundled data not found; pass --results DIR "
                         "from a `stance score` run")
    runs = [(ARTICLES_DIR, out, args.freq or "W", args.break_date)]
    if PRESS_DIR.is_dir():
        runs.append((PRESS_DIR, out / "presidential-press", args.freq or "M",
                     args.break_date or PRESS_BREAK_DATE))
    for data, fig_dir, freq, break_date in runs:
        with tempfile.TemporaryDirectory(prefix="stance-figures-") as tmp:
            score_documents(data).save(tmp)
            paths = figures_from_results(tmp, out_dir=fig_dir, formats=formats, freq=freq,
                                         break_date=break_date)
        print(f"stance: wrote {len(paths)} figure files to {fig_dir}", file=sys.stderr)
    return 0


def _evaluate(args) -> int:
    from ..report.evaluate import evaluate, format_report
    _check_inputs(args.inputs)
    if not Path(args.gold).exists():
        raise UsageError(f"{args.gold}: gold annotations not found; give a CSV file or a folder")
    if args.method in ("model", "ensemble") and not args.model:
        from ..paths import bundled_model
        args.model = bundled_model()
        if args.model is None:
            raise UsageError(f"--method {args.method} needs --model FILE")
    report = evaluate(args.gold, args.inputs, split=args.split, actors=args.actors,
                      targets=args.targets, method=args.method, model=args.model,
                      encoder=args.encoder)
    print(format_report(report))
    if args.out:
        report.save(_check_out(args.out))
    if args.errors:
        path = Path(args.errors)
        if path.parent and not path.parent.exists():
            raise UsageError(f"{args.errors}: its folder does not exist")
        with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
            report.errors.to_csv(fh, index=False)
        print(f"\n{len(report.errors)} errors written to {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from ..io.load import InputError
    from ..extract.registry_yaml import RegistryError

    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    handlers = {"score": _score, "figures": _figures, "evaluate": _evaluate}
    try:
        return handlers[args.command](args)
    except (UsageError, InputError, RegistryError) as exc:
        print(f"stance {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:
        # Invalid options or model files surface as ValueError with a message for the user.
        print(f"stance {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"stance {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not the user's input: say so, and how to report it
        if args.debug:
            import traceback
            traceback.print_exc()
        print(f"stance {args.command}: internal error, please report it ({type(exc).__name__}: "
              f"{exc}){'' if args.debug else '; rerun with --debug for the traceback'}",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
