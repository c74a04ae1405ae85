"""The `korex` command: extract, show, schema, gazetteer check.

Exit statuses (`Exit`). An error korex raises on purpose is printed as one line, `korex: error: ...`,
and exits with the status of its class in `STATUS` (the nearest class in its hierarchy):

- 0: every input was read.
- 1: some inputs failed; they are error rows and the output holds the rest (`KorexError`).
- 2: usage: a bad option, or an output korex will not write: an unknown format, a file korex did not
  write (without `--overwrite`), one of the inputs, another table or layout (`OutputRefusedError`).
- 3: the output cannot be written: read-only, disk full, name too long (`OutputError`).
- 4: another korex run is writing the output (`OutputBusyError`).
- 130: interrupted (Ctrl-C); what was done is kept.

A new kind of failure gets a `KorexError` subclass in `extractor.errors` and, if none of these
statuses fits it, a new `Exit` member and a `STATUS` entry.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path

from extractor.errors import KorexError, OutputBusyError, OutputError, OutputRefusedError


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
}


def exit_status(error: KorexError) -> Exit:
    """The exit status of an error (see `STATUS`)."""
    return next(STATUS[cls] for cls in type(error).__mro__ if cls in STATUS)


def _parser() -> argparse.ArgumentParser:
    from extractor import __version__
    from extractor.batch import DEFAULT_TIMEOUT
    from extractor.frames import TABLES

    parser = argparse.ArgumentParser(
        prog="korex", description="Entities and diplomatic events from Korean diplomatic texts."
    )
    parser.add_argument("--version", action="version", version=f"korex {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser(
        "extract",
        help="files or folders in; JSON Lines, CSV, Parquet or DuckDB out",
        description=(
            "Extract every document under the PATHs. The output's suffix chooses the format: .jsonl (one "
            "Document per line), .csv or .parquet (a folder with one file per table, or one table with "
            "--table), .duckdb (a database with every table). A run can be stopped at any point and started "
            "again with the same command: files the output holds unchanged are skipped."
        ),
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="OUT.jsonl, OUT.csv, OUT.parquet or OUT.duckdb (default: JSON Lines on stdout)",
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
        "--force", action="store_true", help="extract again the files the output already holds unchanged"
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
        "--table",
        choices=TABLES,
        help="write this one table to OUT.csv or OUT.parquet (instead of a folder of tables)",
    )
    extract.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of gazetteer files of your own, taking precedence over the shipped ones (repeatable)",
    )
    extract.add_argument(
        "--quiet", action="store_true", help="no progress bar and no per-file error lines on stderr"
    )

    show = commands.add_parser("show", help="a readable table of a document's entities and events")
    show.add_argument("file", metavar="FILE", help="a document, or a JSON Lines output of `korex extract`")

    commands.add_parser("schema", help="print the JSON Schema of the Document record")

    gazetteer = commands.add_parser("gazetteer", help="gazetteer tools")
    gazetteer_commands = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    check = gazetteer_commands.add_parser(
        "check", help="validate gazetteer folders (default: the shipped one)"
    )
    check.add_argument("dirs", nargs="*", metavar="DIR")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `korex` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "show":
            return _show(Path(args.file))
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
    except BrokenPipeError:
        _drop_stdout()
        return Exit.OK


def _drop_stdout() -> None:
    """Send what is left of stdout to /dev/null (its reader is gone, or its disk full)."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _extract(args: argparse.Namespace) -> int:
    from extractor import Extractor
    from extractor.batch import extract_to
    from extractor.sinks import check_output

    check_output(args.output, table=args.table)  # a wrong output fails before any work
    extractor = Extractor(gazetteers=args.gazetteer)
    try:
        summary = extract_to(
            extractor,
            args.paths,
            args.output,
            pattern=args.pattern,
            jobs=args.jobs,
            force=args.force,
            overwrite=args.overwrite,
            timeout=args.timeout if args.timeout > 0 else None,
            table=args.table,
            quiet=args.quiet,
        )
    except KeyboardInterrupt:
        print("korex: interrupted; what was done is kept: the same command goes on", file=sys.stderr)
        return Exit.INTERRUPTED
    if not args.quiet or summary.failed:
        print(f"korex: {summary.line()}", file=sys.stderr)
    return Exit.SOME_FAILED if summary.failed else Exit.OK


def _check(dirs: Sequence[str]) -> int:
    from extractor import gazetteer

    for folder in dirs or [str(gazetteer.shipped_dir())]:
        print(f"{folder}: {gazetteer.check(folder)} rows OK")
    return Exit.OK


def _width(text: str) -> int:
    """Terminal columns of `text`: Hangul and CJK take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _cell(value: object, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    while _width(text) > width:
        text = text[:-2] + "…"
    return text + " " * (width - _width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int]) -> str:
    """A plain-text table whose columns line up in a terminal, Hangul included."""
    lines = ["  ".join(_cell(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_cell(v, w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def render(document: dict[str, object]) -> str:
    """A readable summary of one Document (as JSON data): header, entities, events."""
    out = [
        f"document  {document.get('id')}",
        f"title     {document.get('title') or '-'}",
        f"date      {document.get('doc_date') or '-'}",
        f"source    {document.get('source') or '-'}",
        f"countries {' '.join(document.get('countries') or []) or '-'}",
        "",
    ]
    entities = document.get("entities") or []
    out.append(f"entities ({len(entities)})")
    out.append(
        table(
            ["label", "text", "norm", "kb_id", "span", "source"],
            [
                [e["label"], e["text"], e["norm"], e["kb_id"], f"{e['start']}-{e['end']}", e["source"]]
                for e in entities
            ],
            [9, 24, 16, 22, 11, 9],
        )
    )
    events = document.get("events") or []
    out += ["", f"events ({len(events)})"]
    out.append(
        table(
            ["type", "salience", "countries", "date", "where", "name / participants"],
            [
                [
                    e["type"],
                    e["salience"],
                    ",".join(e["countries"]),
                    e["date"],
                    (e.get("location") or {}).get("city_ko") or (e.get("location") or {}).get("city"),
                    e.get("name")
                    or ", ".join(p.get("name") or p.get("title") or "?" for p in e["participants"]),
                ]
                for e in events
            ],
            [18, 9, 15, 10, 10, 36],
        )
    )
    return "\n".join(out)


def _show(path: Path) -> int:
    documents: list[dict[str, object]] = []
    if path.suffix.lower() == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
            try:
                if first.strip() and "entities" in json.loads(first):
                    documents = [json.loads(line) for line in [first, *handle] if line.strip()]
            except json.JSONDecodeError:
                documents = []
    if not documents:
        from extractor import extract_file

        documents = [extract_file(path).model_dump(mode="json")]
    print("\n\n".join(render(document) for document in documents))
    return Exit.OK


if __name__ == "__main__":
    sys.exit(main())
