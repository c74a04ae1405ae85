"""The `korex` command: extract, show, eval, info, schema, gazetteer check.

Exit statuses (`Exit`). An error korex raises on purpose is printed as one line (a list of gazetteer
problems follows it indented), `korex: error: ...`, and exits with the status of its class in
`STATUS` (the nearest class in its hierarchy):

- 0: every input was read.
- 1: some inputs failed; they are error rows and the output holds the rest (`KorexError`); none of
  the paths given exists, and nothing is written (`MissingInputError`); `korex gazetteer check`
  found problems.
- 2: usage: a bad option, a broken `--gazetteer` folder (`GazetteerError`), or an output korex will
  not write: an unknown format, a file korex did not write (without `--overwrite`), one of the
  inputs, another table or layout (`OutputRefusedError`). Nothing is written.
- 3: the output cannot be written: read-only, disk full, name too long (`OutputError`).
- 4: another korex run is writing the output (`OutputBusyError`).
- 130: interrupted (Ctrl-C), whatever the output; what was done is kept.

A new kind of failure gets a `KorexError` subclass in `extractor.errors` and, if none of these
statuses fits it, a new `Exit` member and a `STATUS` entry.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.errors import (
    GazetteerError,
    KorexError,
    OutputBusyError,
    OutputError,
    OutputRefusedError,
)

if TYPE_CHECKING:
    from extractor import Extractor


class Exit(IntEnum):
    """Exit statuses of `korex` (see the module docstring)."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    OUTPUT = 3
    BUSY = 4
    INTERRUPTED = 130


#: The exit status of each error class; an error takes that of the nearest class in its hierarchy.
STATUS: dict[type[KorexError], Exit] = {
    KorexError: Exit.SOME_FAILED,
    OutputError: Exit.OUTPUT,
    OutputRefusedError: Exit.USAGE,
    OutputBusyError: Exit.BUSY,
    GazetteerError: Exit.USAGE,
}


def exit_status(error: KorexError) -> Exit:
    """The exit status of an error (see `STATUS`)."""
    return next(STATUS[cls] for cls in type(error).__mro__ if cls in STATUS)


#: `--max-bytes` units (powers of 1024).
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}


def byte_count(text: str) -> int:
    """A `--max-bytes` value: a number of bytes, or one with K, M or G (powers of 1024): `50M`."""
    found = re.fullmatch(r"\s*(\d+)\s*([kmg]?)b?\s*", text.lower())
    if found is None or int(found.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size in bytes (such as 20000000 or 50M)")
    return int(found.group(1)) * _UNITS[found.group(2)]


def _gazetteer_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of gazetteer files of your own, taking precedence over the shipped ones (repeatable)",
    )


def _parser() -> argparse.ArgumentParser:
    from extractor import __version__
    from extractor.batch import DEFAULT_TIMEOUT
    from extractor.frames import TABLES
    from extractor.loader import MAX_BYTES

    parser = argparse.ArgumentParser(
        prog="korex", description="Entities and diplomatic events from Korean diplomatic texts."
    )
    parser.add_argument("--version", action="version", version=f"korex {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser(
        "extract",
        help="files or folders in; JSON Lines, CSV, Parquet or DuckDB out",
        description=(
            "Extract every document under the PATHs (`-`: standard input; or one --text). The output's "
            "suffix chooses the format: .jsonl (one Document per line), .csv or .parquet (a folder with one "
            "file per table, or one table with --table), .duckdb (a database with every table); --format "
            "names it for a folder of tables (-o tables/ --format parquet). A run can be stopped at any "
            "point and started again with the same command: files the output holds unchanged, analysed by "
            "the same korex and gazetteers, are skipped."
        ),
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to read; - reads stdin")
    extract.add_argument("--text", metavar="TEXT", help="analyse this text (instead of PATHs)")
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="OUT.jsonl, OUT.csv, OUT.parquet or OUT.duckdb (default: JSON Lines on stdout)",
    )
    extract.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet", "duckdb"),
        help="the output's format when its name does not say it (a folder of CSV or Parquet tables)",
    )
    extract.add_argument("--pattern", default="*", help="file-name glob for folders (default: *)")
    extract.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="cores to use (default 1: this process; N > 1: N worker processes, each loading its own "
        "pipeline, ~0.5 GB; 0 = one per CPU)",
    )
    extract.add_argument(
        "--force",
        action="store_true",
        help="extract again the files the output already holds unchanged (korex redoes files by itself "
        "when its version or the gazetteers changed)",
    )
    extract.add_argument(
        "--overwrite",
        action="store_true",
        help="write OUT afresh even if it exists and korex did not write it (by default korex adds to an "
        "output it wrote and refuses any other file)",
    )
    extract.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time budget per document (default {DEFAULT_TIMEOUT:g}; 0: none): a document that takes "
        "longer becomes a 'timeout' error row and the run goes on",
    )
    extract.add_argument(
        "--max-bytes",
        type=byte_count,
        default=MAX_BYTES,
        metavar="SIZE",
        help=f"the largest file read, in bytes or with K, M, G (default {MAX_BYTES // 2**20}M): a larger "
        "one becomes a 'too_large' error row",
    )
    extract.add_argument(
        "--table",
        choices=TABLES,
        help="write this one table to OUT.csv or OUT.parquet (instead of a folder of tables)",
    )
    _gazetteer_option(extract)
    extract.add_argument(
        "--quiet", action="store_true", help="no progress bar and no per-file error lines on stderr"
    )

    show = commands.add_parser(
        "show",
        help="a readable table of documents' entities and events, or an HTML page",
        description=(
            "Show the documents of FILE: a document (analysed; every record of a JSON list or JSON Lines "
            "file), a JSON Lines or JSON output of korex, a .duckdb database or a folder of CSV or Parquet "
            "tables."
        ),
    )
    show.add_argument("file", metavar="FILE", help="a document, or an output of `korex extract`")
    show.add_argument("--id", metavar="ID", help="show only the document with this id (or doc_key)")
    show.add_argument("--events", action="store_true", help="show the events only, not the entities")
    show.add_argument(
        "--html",
        metavar="OUT.html",
        help="write an HTML page instead: the entities highlighted in each text (displaCy) and its events",
    )
    _gazetteer_option(show)

    evaluate = commands.add_parser(
        "eval",
        help="score korex on a folder of gold files",
        description="Extract the text of every gold file (*.json) in GOLD_DIR and print the figures of "
        "`extractor.evaluate`: precision, recall and F1 per item, accuracies of event attributes. The gold "
        "format: docs/gold-format.md.",
    )
    evaluate.add_argument("gold", metavar="GOLD_DIR", help="a folder of gold files")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    _gazetteer_option(evaluate)

    info = commands.add_parser(
        "info", help="versions, and the gazetteer folders in use with their row counts"
    )
    _gazetteer_option(info)

    commands.add_parser("schema", help="print the JSON Schema of the Document record")

    gazetteer = commands.add_parser("gazetteer", help="gazetteer tools")
    gazetteer_commands = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    check = gazetteer_commands.add_parser(
        "check",
        help="validate gazetteer folders (default: the shipped one): every bad row, duplicate id and file "
        "korex does not read",
    )
    check.add_argument("dirs", nargs="*", metavar="DIR")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `korex` console script; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(parser, args)
        if args.command == "show":
            return _show(args)
        if args.command == "eval":
            return _eval(args)
        if args.command == "info":
            return _info(args.gazetteer)
        if args.command == "schema":
            from extractor.models import json_schema_text

            print(json_schema_text())
            return Exit.OK
        return _check(args.dirs)
    except KorexError as exc:
        print(f"korex: error: {exc}", file=sys.stderr)
        if isinstance(exc, OutputError) and exc.path is None:
            _drop_stdout()  # stdout failed: Python's last flush of it at exit would fail again
        return exit_status(exc)
    except KeyboardInterrupt:
        print("korex: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED
    except BrokenPipeError:
        _drop_stdout()
        return Exit.OK


def _drop_stdout() -> None:
    """Send what is left of stdout to /dev/null (its reader is gone, or its disk full)."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _inputs(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[Any]:
    """What `korex extract` reads: its PATHs, stdin for `-`, or the `--text`."""
    from extractor.batch import Given

    if args.text is not None:
        if args.paths:
            parser.error("extract: give PATHs or --text, not both")
        return [Given("<text>", args.text.encode("utf-8", "surrogatepass"))]
    if not args.paths:
        parser.error("extract: give the PATHs to read (- for stdin), or --text")
    if "-" in args.paths:
        if len(args.paths) > 1:
            parser.error("extract: - (stdin) is read alone, without other PATHs")
        return [Given("<stdin>", sys.stdin.buffer.read())]
    return list(args.paths)


def _extract(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from extractor import Extractor
    from extractor.batch import extract_to
    from extractor.sinks import check_output

    check_output(args.output, table=args.table, fmt=args.format)  # a wrong output fails before any work
    inputs = _inputs(parser, args)
    extractor = Extractor(gazetteers=args.gazetteer)
    try:
        summary = extract_to(
            extractor,
            inputs,
            args.output,
            pattern=args.pattern,
            jobs=args.jobs,
            force=args.force,
            overwrite=args.overwrite,
            timeout=args.timeout if args.timeout > 0 else None,
            table=args.table,
            fmt=args.format,
            max_bytes=args.max_bytes,
            quiet=args.quiet,
        )
    except KeyboardInterrupt:
        print("korex: interrupted; what was done is kept: the same command goes on", file=sys.stderr)
        return Exit.INTERRUPTED
    if not args.quiet or summary.failed:
        print(f"korex: {summary.line()}", file=sys.stderr)
    return Exit.SOME_FAILED if summary.failed else Exit.OK


def _check(dirs: Sequence[str]) -> int:
    """Every problem of each folder, one per line; status 1 when there is any."""
    from extractor import gazetteer

    reports = [gazetteer.check_folder(folder) for folder in dirs or [str(gazetteer.shipped_dir())]]
    for report in reports:
        print(report.describe())
    return Exit.OK if all(report.ok for report in reports) else Exit.SOME_FAILED


def _show(args: argparse.Namespace) -> int:
    from extractor import Extractor, show
    from extractor.batch import counted, describe

    def make() -> Extractor:
        return Extractor(gazetteers=args.gazetteer)

    found, errors = show.documents(args.file, make)
    for error in errors:
        print(f"korex: {describe(error)}", file=sys.stderr)
    if args.id is not None:
        found = show.pick(found, args.id)
    if args.html:
        out = Path(args.html)
        try:
            out.write_text(show.page(found, title=f"korex: {Path(args.file).name}"), encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{out}: cannot write the page ({exc.strerror or exc})", path=out) from None
        print(f"korex: {out} ({counted(len(found), 'document')})", file=sys.stderr)
    else:
        print("\n\n".join(show.render(document, events_only=args.events) for document in found))
    return Exit.SOME_FAILED if errors else Exit.OK


def _eval(args: argparse.Namespace) -> int:
    from extractor import Extractor, evaluate
    from extractor.batch import check_gazetteers, counted

    extractor = Extractor(gazetteers=args.gazetteer)
    check_gazetteers(extractor)  # else every gold document would fail on the same problem
    scores = evaluate.score(args.gold, extractor=extractor)
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
        return Exit.OK
    from extractor.show import table

    tallies = [
        [name, scores[name]["p"], scores[name]["r"], scores[name]["f1"], scores[name]["gold"]]
        for name in evaluate.TALLIES
    ]
    singles = [
        [name, "-" if scores[name] is None else scores[name]]
        for name in ["main_event_recall", *(f"{a}_accuracy" for a in evaluate.ATTRIBUTES), "false_alarm_docs"]
    ]
    print(
        f"{counted(scores['documents'], 'gold document')} in {args.gold}, "
        f"{scores['errors']} failed to extract, {scores['seconds']} s\n"
    )
    print(table(["items", "precision", "recall", "F1", "gold"], tallies))
    print()
    print(table(["figure", "value"], singles))
    return Exit.OK


def _info(gazetteers: Sequence[str]) -> int:
    """Versions of korex and what it runs on, then the gazetteer folders in use with their row counts."""
    import platform
    from importlib import metadata

    from extractor import Extractor, __version__, gazetteer
    from extractor.batch import counted
    from extractor.show import table

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    print(f"korex {__version__} (python {platform.python_version()}, {sys.executable})")
    print(table(["package", "version"], [[name, version(name)] for name in _PACKAGES]))
    folders = [(gazetteer.shipped_dir(), "shipped"), *((Path(d).resolve(), "yours") for d in gazetteers)]
    sound = True
    for folder, whose in folders:
        report = gazetteer.check_folder(folder)
        sound = sound and report.ok
        problems = (
            f"; {counted(len(report.problems), 'problem')}: korex gazetteer check" if not report.ok else ""
        )
        print(f"\ngazetteers ({whose}) {folder}: {counted(report.n_rows, 'row')}{problems}")
        print(table(["file", "rows"], sorted(report.rows.items())))
    if sound:
        print(f"\npipeline fingerprint {Extractor(gazetteers=gazetteers).fingerprint()[:16]}")
    return Exit.OK


#: The packages whose versions `korex info` prints.
_PACKAGES = ("kiwipiepy", "kiwipiepy_model", "spacy", "pydantic", "rapidfuzz", "pandas", "pyarrow", "duckdb")


if __name__ == "__main__":
    sys.exit(main())
