"""Where records go: JSON Lines, CSV, Parquet or DuckDB, chosen by the output's suffix.

| output | holds |
| --- | --- |
| stdout (no output) | JSON Lines, one Document per line, written as they come |
| `out.jsonl` | JSON Lines, one Document per line |
| `out.csv`, `out.parquet` | a folder with one file per table (`documents.csv`, `events.csv`, ...) |
| `events.csv`, `events.parquet` with `table="events"` | that one table |
| `out.duckdb` | a DuckDB database with every table, plus `files` (what each input file gave) |

The tables are those of `extractor.frames`. Every file output is resumable and crash-safe, and every
change to it on disk goes through `extractor.durable`:

- results are committed about once a second to a state folder beside the output (`.out.jsonl.korex/`,
  or `out.csv/.korex/`): chunk files first (written, fsynced, renamed), then a line naming them in a
  journal (appended, fsynced). A run killed at any point loses at most its uncommitted second.
- at the end of a run (or on Ctrl-C) the output and the committed chunks are merged into temporary
  files, the new manifest is written beside them (complete once it exists under its name), then each
  is renamed over the old one: the output is always a complete earlier or later version, and a merge
  cut short is finished by the next run.
- the manifest holds, per input file, its SHA-256, its error rows and the size of its rows in each
  table, and the output's size: a manifest or an output cut short (a torn tail) is cut back to its
  last complete file when opened, and the files after it are extracted again.
- files already in the output and unchanged are skipped; changed ones (or all, with `force`) are
  extracted again and replace their old rows. A file output holds its input files in path order.

DuckDB commits each chunk in one transaction, with the `files` table in the same transaction.
An output keeps the rows of every file it was given; `overwrite` starts it afresh. An existing file
or folder that korex did not write is never written over unless `overwrite` is given.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from pydantic import BaseModel

from extractor import durable
from extractor.errors import OutputBusyError, OutputError, OutputRefusedError
from extractor.models import Document, FileError

if TYPE_CHECKING:
    from extractor.batch import FileResult

__all__ = [
    "FORMATS",
    "DuckDBSink",
    "JsonlSink",
    "OutputBusyError",
    "OutputError",
    "OutputRefusedError",
    "Recorded",
    "Sink",
    "StagedSink",
    "check_output",
    "document_line",
    "is_folder",
    "open_sink",
    "output_format",
    "read_manifest",
    "recorded_errors",
    "state_folder",
]

#: Output suffixes and the format each selects.
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".duckdb": "duckdb"}
_FORMAT_NAMES = ("jsonl", "csv", "parquet", "duckdb")

#: A chunk is committed when this many documents wait, or this many seconds after the last commit.
COMMIT_DOCUMENTS = 256
COMMIT_SECONDS = 1.0

#: The layout of each format's outputs; an output of another layout is refused (`overwrite` starts it
#: afresh). Layout 3: Parquet and DuckDB hold list columns.
_LAYOUTS = {"jsonl": 2, "csv": 2, "parquet": 3, "duckdb": 3}

#: How an error message says that `--overwrite` (the CLI) or `overwrite=True` (the API) would go on.
_OVERWRITE = "--overwrite (overwrite=True) replaces it"

#: Characters JSON allows raw in strings but line-splitting readers take for line ends, and their escapes.
_LINE_BREAKS = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\u0085", "\\u0085"))


def document_line(record: BaseModel) -> str:
    """A record as one line of JSON Lines: UTF-8 JSON, Hangul as is, U+2028, U+2029 and U+0085 escaped.

    (`str.replace` where one occurs: `str.translate` over a whole record cost three quarters of
    writing JSON Lines.)"""
    line = record.model_dump_json()
    for char, escape in _LINE_BREAKS:
        if char in line:
            line = line.replace(char, escape)
    return line


@dataclass
class Recorded:
    """What an output remembers of one input file: its hash, documents, error rows, the size of its rows
    in each table (bytes for JSON Lines and CSV, rows for Parquet), and the fingerprint of the pipeline
    that analysed it (`Extractor.fingerprint`: korex's version and gazetteers)."""

    hash: str | None
    documents: int = 0
    errors: list[FileError] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    fingerprint: str | None = None

    def to_json(self, key: str) -> dict[str, Any]:
        """The manifest (or journal) entry of this file."""
        return {
            "key": key,
            "hash": self.hash,
            "documents": self.documents,
            "errors": [e.model_dump(mode="json") for e in self.errors],
            "sizes": self.sizes,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> tuple[str, Recorded]:
        """An entry read back from a manifest or journal line (one of an older korex has no fingerprint)."""
        errors = [FileError.model_validate(e) for e in data.get("errors", [])]
        sizes = {str(table): int(size) for table, size in dict(data.get("sizes", {})).items()}
        fingerprint = data.get("fingerprint")
        return str(data["key"]), cls(
            data.get("hash"),
            int(data.get("documents", 0)),
            errors,
            sizes,
            str(fingerprint) if fingerprint is not None else None,
        )


def _state_line(data: dict[str, Any]) -> bytes:
    """A line of a state file: ASCII JSON, so that any file key round-trips, whatever its characters."""
    return (json.dumps(data, ensure_ascii=True) + "\n").encode("ascii")


def output_format(output: str | os.PathLike[str], fmt: str | None = None) -> str:
    """`jsonl`, `csv`, `parquet` or `duckdb`: `fmt` if given, else from the output's suffix, else the
    format an existing folder output of korex was written in (OutputRefusedError otherwise)."""
    if fmt is not None:
        if fmt not in _FORMAT_NAMES:
            raise OutputRefusedError(f"unknown output format {fmt!r}; use one of {', '.join(_FORMAT_NAMES)}")
        return fmt
    suffix = Path(output).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    written = _written_format(Path(output))
    if written is not None:
        return written
    known = ", ".join(sorted(FORMATS))
    raise OutputRefusedError(
        f"{output}: unknown output format {suffix or '(no suffix)'}; use one of {known}, "
        "or name the format of a folder of tables (--format csv, --format parquet)"
    )


def _written_format(output: Path) -> str | None:
    """The format recorded in the state of a folder output korex wrote, or None."""
    try:
        found = json.loads((state_folder(output, folder=True) / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    fmt = found.get("format") if isinstance(found, dict) else None
    return fmt if fmt in ("csv", "parquet") else None


def is_folder(output: str | os.PathLike[str], fmt: str, table: str | None) -> bool:
    """Whether a CSV or Parquet output is a folder of table files: always for every table; for one
    table unless the output is named for that format (`events.csv`)."""
    if fmt not in ("csv", "parquet"):
        return False
    return table is None or Path(output).suffix.lower() != f".{fmt}"


def check_output(
    output: str | os.PathLike[str] | None, *, table: str | None = None, fmt: str | None = None
) -> str:
    """The format of `output` (`stdout` when None); OutputRefusedError if it cannot hold `table`."""
    from extractor.frames import TABLES

    if output is None:
        if table is not None:
            raise OutputRefusedError("a single table needs an output file (-o events.csv)")
        if fmt not in (None, "jsonl"):
            raise OutputRefusedError(f"stdout takes JSON Lines only; write {fmt} to a file or folder (-o)")
        return "stdout"
    fmt = output_format(output, fmt)
    if table is not None:
        if fmt not in ("csv", "parquet"):
            raise OutputRefusedError(f"{output}: a single table is written to .csv or .parquet, not .{fmt}")
        if table not in TABLES:
            raise OutputRefusedError(f"unknown table {table!r}; the tables are {', '.join(TABLES)}")
    return fmt


def open_sink(
    output: str | os.PathLike[str] | None,
    *,
    table: str | None = None,
    overwrite: bool = False,
    fmt: str | None = None,
    fingerprint: str | None = None,
) -> Sink:
    """The sink for `output` (stdout JSON Lines when None); `table` writes that one table (CSV/Parquet);
    `fmt` names the format where the output's suffix does not (a folder of tables). `fingerprint` is
    recorded with each input file (see `Recorded`).

    An existing `output` that korex did not write raises OutputRefusedError unless `overwrite`, which
    starts the output afresh whatever it holds.
    """
    fmt = check_output(output, table=table, fmt=fmt)
    sink: Sink
    if output is None:
        sink = JsonlSink(None)
    elif fmt == "duckdb":
        sink = DuckDBSink(output, overwrite=overwrite)
    else:
        sink = StagedSink(output, fmt=fmt, table=table, overwrite=overwrite)
    sink.fingerprint = fingerprint
    return sink


@contextlib.contextmanager
def _writing(output: str | os.PathLike[str] | None) -> Iterator[None]:
    """Turn the OS's write errors (read-only, disk full, name too long) into one OutputError line."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = output if output is not None else "stdout"
        what = exc.strerror or str(exc)
        raise OutputError(f"{where}: cannot write the output ({what})", path=output) from None


class Sink:
    """Base of outputs: remembers what each input file gave, takes results, commits them durably."""

    #: The pipeline's fingerprint, recorded with each input file taken (see `Recorded`).
    fingerprint: str | None = None

    def previous(self, key: str) -> Recorded | None:
        """What the output holds for the input file `key` (see `batch.file_key`), or None."""
        return None

    def add(self, key: str, result: FileResult) -> None:
        """Take one file's results (they replace what the output held for that file)."""
        raise NotImplementedError

    def commit(self) -> None:
        """Make the results taken so far durable."""

    def close(self) -> None:
        """Commit everything and finish the output."""

    def abandon(self) -> None:
        """Let go of the output after an OutputError, leaving it as its last durable state."""

    def __enter__(self) -> Sink:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # Whatever stopped the run (Ctrl-C, a bug), the files already taken are complete: keep them;
        # after an output error, writing again would only fail again.
        if isinstance(exc, OutputError):
            self.abandon()
        else:
            self.close()


class JsonlSink(Sink):
    """Writes Documents as JSON Lines to stdout as they come, or to a file renamed into place when closed.

    Nothing is remembered between runs: use an output file (`open_sink`) to resume and skip.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._partial = self.path.with_name(self.path.name + ".part") if self.path else None
        self._handle: IO[str] | None = None
        self.written = 0

    def __enter__(self) -> JsonlSink:
        with _writing(self.path):
            if self._partial is not None:
                self._partial.parent.mkdir(parents=True, exist_ok=True)
                self._handle = self._partial.open("w", encoding="utf-8", newline="\n")
            else:
                self._handle = sys.stdout
        return self

    def write(self, record: BaseModel) -> None:
        """Append one record as a line of JSON (see `document_line`)."""
        assert self._handle is not None, "use the sink as a context manager"
        with _writing(self.path):
            self._handle.write(document_line(record) + "\n")
        self.written += 1

    def add(self, key: str, result: FileResult) -> None:
        """Write the file's Documents (its FileErrors are for the caller to report)."""
        for item in result.items:
            if isinstance(item, Document):
                self.write(item)
        if self._handle is sys.stdout:
            with _writing(self.path):
                self._handle.flush()

    def close(self) -> None:
        """Flush; a file output is renamed into place."""
        self._finish(ok=True)

    def abandon(self) -> None:
        """Drop a partial file; stop writing."""
        self._finish(ok=False)

    def _finish(self, *, ok: bool) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        with _writing(self.path):
            if self._partial is None or self.path is None:
                if ok:
                    handle.flush()
                return
            handle.close()
            if ok:
                durable.replace(self._partial, self.path)
            else:
                durable.unlink(self._partial)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._finish(ok=exc_type is None or self.path is None)


# --------------------------------------------------------------------------- file formats

#: Pieces of files to copy into a merged output: (file, start, size) in the format's unit.
Pieces = Sequence[tuple[Path, int, int]]


#: Parquet tables a merge keeps read at once: the output's and a few chunks', which its pieces interleave.
_OPEN_TABLES = 4


class _Files:
    """Open files read by a merge, a few at a time (a journal may name thousands of chunks)."""

    def __init__(self, limit: int = 32) -> None:
        self.limit = limit
        self.open: OrderedDict[Path, BinaryIO] = OrderedDict()

    def get(self, path: Path) -> BinaryIO:
        handle = self.open.pop(path, None) or path.open("rb")
        self.open[path] = handle
        while len(self.open) > self.limit:
            self.open.popitem(last=False)[1].close()
        return handle

    def close(self) -> None:
        for handle in self.open.values():
            handle.close()
        self.open.clear()


def _coalesced(pieces: Pieces) -> list[tuple[Path, int, int]]:
    """Adjacent pieces of the same file as one."""
    out: list[tuple[Path, int, int]] = []
    for path, start, size in pieces:
        if size <= 0:
            continue
        if out and out[-1][0] == path and out[-1][1] + out[-1][2] == start:
            out[-1] = (path, out[-1][1], out[-1][2] + size)
        else:
            out.append((path, start, size))
    return out


class _Bytes:
    """Formats whose rows are bytes one after another (JSON Lines, CSV): sizes are byte counts, and a
    merge copies byte ranges."""

    ext = ""
    unit = "bytes"

    def head(self, table: str) -> bytes:
        """What starts every file of `table` before its rows."""
        return b""

    def start(self, table: str) -> int:
        """Where the rows of a file of `table` begin: after its head."""
        return len(self.head(table))

    def size(self, payload: bytes) -> int:
        return len(payload)

    def holds(self, path: Path, table: str, size: int) -> bool:
        """Whether the chunk file `path` is whole: its head and rows of `size` bytes, no more, no less."""
        return _size(path) == self.start(table) + size

    def write(self, path: Path, table: str, payloads: Sequence[bytes]) -> None:
        def fill(handle: BinaryIO) -> None:
            handle.write(self.head(table))
            handle.writelines(payloads)

        durable.write(path, fill)

    def merge(self, table: str, pieces: Pieces, dest: Path) -> int:
        files = _Files()

        def fill(handle: BinaryIO) -> None:
            handle.write(self.head(table))
            for path, start, size in _coalesced(pieces):
                source = files.get(path)
                source.seek(start)
                left = size
                while left:
                    block = source.read(min(left, 1 << 20))
                    if not block:
                        raise OutputError(f"{path}: shorter than its manifest says; delete the output")
                    handle.write(block)
                    left -= len(block)

        try:
            return durable.write(dest, fill)
        finally:
            files.close()

    def available(self, path: Path, table: str) -> int:
        """How much of `path` after its head is there to read (-1: none, not even the head)."""
        try:
            return path.stat().st_size - len(self.head(table))
        except OSError:
            return -1


class _Jsonl(_Bytes):
    """JSON Lines: the `documents` 'table' is one Document per line."""

    ext = ".jsonl"

    def encode(self, result: FileResult, file: str, tables: Sequence[str]) -> dict[str, bytes]:
        lines = [document_line(doc) + "\n" for doc in result.documents]
        return {"documents": "".join(lines).encode("utf-8")}


class _Csv(_Bytes):
    """CSV, UTF-8 with a byte-order mark (so that spreadsheet programs read Hangul right); cells a
    spreadsheet would evaluate as formulas are defused (`frames.defuse`)."""

    ext = ".csv"

    def head(self, table: str) -> bytes:
        from extractor.frames import columns

        return b"\xef\xbb\xbf" + _csv_bytes([columns(table)])

    def encode(self, result: FileResult, file: str, tables: Sequence[str]) -> dict[str, bytes]:
        from extractor.frames import defuse, flat_rows, rows

        found = rows(result.items, file=file)
        return {
            table: _csv_bytes([[defuse(cell) for cell in row] for row in flat_rows(table, found[table])])
            for table in tables
        }


def _csv_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


class _Parquet:
    """Parquet (pyarrow), one file per table, typed columns: sizes are row counts."""

    ext = ".parquet"
    unit = "rows"

    def __init__(self) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise OutputRefusedError("Parquet output needs pyarrow: pip install 'korex[parquet]'") from None

    def encode(self, result: FileResult, file: str, tables: Sequence[str]) -> dict[str, list[Any]]:
        from extractor.frames import rows

        found = rows(result.items, file=file)
        return {table: found[table] for table in tables}

    def start(self, table: str) -> int:
        """Where the rows of a file begin: at the first (a Parquet file has no head among its rows)."""
        return 0

    def size(self, payload: list[Any]) -> int:
        return len(payload)

    def holds(self, path: Path, table: str, size: int) -> bool:
        """Whether the chunk file `path` is there (written whole and renamed into place, or not at all)."""
        return _size(path) is not None

    def write(self, path: Path, table: str, payloads: Sequence[list[Any]]) -> None:
        import pyarrow.parquet as pq

        data = arrow_table(table, [row for rows in payloads for row in rows])
        durable.write(path, lambda handle: pq.write_table(data, handle))

    def merge(self, table: str, pieces: Pieces, dest: Path) -> int:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(table)
        tables: OrderedDict[Path, Any] = OrderedDict()  # the output's table and the chunks' interleave

        def fill(handle: BinaryIO) -> None:
            waiting: list[Any] = []
            rows = 0
            with pq.ParquetWriter(handle, schema) as writer:
                for path, start, count in _coalesced(pieces):
                    read = tables.pop(path, None) or pq.read_table(path, memory_map=True)
                    tables[path] = read
                    while len(tables) > _OPEN_TABLES:
                        tables.popitem(last=False)
                    waiting.append(read.slice(start, count).cast(schema))
                    rows += waiting[-1].num_rows
                    if rows >= 65_536:
                        writer.write_table(pa.concat_tables(waiting))
                        waiting.clear()
                        rows = 0
                if waiting:
                    writer.write_table(pa.concat_tables(waiting))

        return durable.write(dest, fill)

    def available(self, path: Path, table: str) -> int:
        """Rows in `path` (-1 if it is missing or unreadable: a torn Parquet file has no footer)."""
        import pyarrow.parquet as pq

        try:
            return int(pq.ParquetFile(path).metadata.num_rows)
        except Exception:  # missing (OSError), or torn: pyarrow's ArrowInvalid
            return -1


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a korex table."""
    import pyarrow as pa

    from extractor.frames import SCHEMA

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}
    return pa.schema([(name, kinds[kind]) for name, kind in SCHEMA[table]])


def arrow_table(table: str, rows: Sequence[tuple[Any, ...]]) -> Any:
    """Raw rows of a korex table as a pyarrow Table with its schema."""
    import pyarrow as pa

    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    return pa.table(
        [pa.array(list(col), type=f.type) for col, f in zip(columns, schema, strict=True)], schema=schema
    )


_FORMATS: dict[str, type] = {"jsonl": _Jsonl, "csv": _Csv, "parquet": _Parquet}


# --------------------------------------------------------------------------- manifests


@dataclass
class Manifest:
    """A manifest as read: its header (None if missing or torn) and its complete entries, in output order."""

    header: dict[str, Any] | None
    entries: list[tuple[str, Recorded]]

    @property
    def complete(self) -> bool:
        """Whether every entry the header announces was read (a torn tail loses some)."""
        return self.header is not None and self.header.get("entries") == len(self.entries)


def read_manifest(path: Path) -> Manifest:
    """The complete lines of a manifest: reading stops at a torn or unreadable line."""
    header: dict[str, Any] | None = None
    entries: list[tuple[str, Recorded]] = []
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Manifest(None, [])
    for number, line in enumerate(data.splitlines(keepends=True)):
        if not line.endswith(b"\n"):
            break
        try:
            found = json.loads(line)
            if number == 0 and "manifest" in found:
                header = found
                continue
            entries.append(Recorded.from_json(found))
        except (ValueError, KeyError, TypeError, AttributeError):
            break
    return Manifest(header, entries)


def _order(key: str) -> tuple[str, ...]:
    """Where an input file's rows go in a file output: in path order."""
    return Path(key).parts


# --------------------------------------------------------------------------- staged file outputs


class StagedSink(Sink):
    """A JSON Lines, CSV or Parquet output written through committed chunks (see the module docstring).

    State folder: `config.json` (format, table and layout), `manifest.jsonl` (a header with the number
    of entries and the output's sizes, then one line per input file the output holds, in output order,
    with its hash, error rows and the size of its rows per table), `journal.jsonl` (chunks committed
    since the last merge), the chunk files, and `lock`.
    """

    def __init__(
        self, output: str | os.PathLike[str], *, fmt: str, table: str | None = None, overwrite: bool = False
    ) -> None:
        from extractor.frames import TABLES

        self.output = Path(output)
        self.fmt = fmt
        self.table = table
        self.format = _FORMATS[fmt]()
        if fmt == "jsonl":
            self.tables: tuple[str, ...] = ("documents",)
        else:
            self.tables = (table,) if table else TABLES
        self.folder = is_folder(output, fmt, table)
        self.state = state_folder(self.output, folder=self.folder)
        if self.folder:
            self.targets = {t: self.output / f"{t}{self.format.ext}" for t in self.tables}
        else:
            self.targets = {self.tables[0]: self.output}
        self._lock_handle: IO[str] | None = None
        self._closed = False
        self.stale = False
        with _writing(self.output):
            self._open(overwrite)

    def _open(self, overwrite: bool) -> None:
        if self.output.exists() and self.folder != self.output.is_dir():
            kind = "a folder" if self.output.is_dir() else "a file"
            raise OutputRefusedError(
                f"{self.output}: is {kind}; this output needs {'a folder' if self.folder else 'a file'}"
            )
        if not (self.state / "config.json").exists() and self._occupied() and not overwrite:
            raise OutputRefusedError(f"{self.output}: exists and was not written by korex; {_OVERWRITE}")
        self.state.mkdir(parents=True, exist_ok=True)
        self._lock_handle = self._lock()
        try:
            fresh = self._check_config(overwrite)
            self._recover()
            manifest = Manifest(None, []) if fresh else read_manifest(self.state / "manifest.jsonl")
            self.manifest = self._reconcile(manifest)
            self.stale = self.stale or fresh
            self.journal: list[tuple[str, list[tuple[str, Recorded]]]] = [] if fresh else self._read_journal()
        except BaseException:
            self.abandon()
            raise
        self.latest: dict[str, Recorded] = dict(self.manifest)
        for _, entries in self.journal:
            self.latest.update(entries)
        self._pending: list[tuple[str, Recorded, dict[str, Any]]] = []
        self._pending_documents = 0
        self._last_commit = _now()

    def _occupied(self) -> bool:
        """Whether the output path already holds something (that korex's state does not describe)."""
        if not self.folder:
            return self.output.exists()
        return self.output.is_dir() and any(entry != self.state for entry in self.output.iterdir())

    # ----- state files

    def _lock(self) -> IO[str] | None:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; one writer per output is the user's care
            return None
        handle = (self.state / "lock").open("a")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise OutputBusyError(f"{self.output}: another korex run is writing this output") from None
        return handle

    def _check_config(self, overwrite: bool) -> bool:
        """Check that the state folder is of this format, table and layout; True when it starts afresh."""
        layout = _LAYOUTS[self.fmt]
        config = {"format": self.fmt, "table": self.table, "layout": layout}
        path = self.state / "config.json"
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = None
        if found == config and not overwrite:
            return False
        if isinstance(found, dict) and not overwrite:
            if found.get("layout") != layout:
                raise OutputRefusedError(
                    f"{self.output}: written by another korex version (layout {found.get('layout')}); "
                    + _OVERWRITE
                )
            if found.get("table") != self.table:
                was = f"table {found.get('table')!r}" if found.get("table") else "every table"
                raise OutputRefusedError(
                    f"{self.output}: was written with {was}; use another output, or {_OVERWRITE}"
                )
        self._clear_state()
        durable.write_atomic(path, lambda handle: handle.write(_state_line(config)))
        return True

    def _clear_state(self) -> None:
        """Drop every state file but the lock: the output is written afresh."""
        self._clear_journal()
        for name in ("manifest.next.jsonl", "manifest.jsonl"):
            durable.unlink(self.state / name)
        for target in self.targets.values():
            durable.unlink(self._tmp(target))

    def _tmp(self, target: Path) -> Path:
        return target.with_name(f".{target.name}.tmp")

    def _recover(self) -> None:
        """Finish a merge that was cut short, or drop its temporary files."""
        following = self.state / "manifest.next.jsonl"
        if following.exists():
            for target in self.targets.values():
                tmp = self._tmp(target)
                if tmp.exists():
                    durable.replace(tmp, target)
            durable.fsync_dir(self.output if self.folder else self.output.parent)
            self._clear_journal()
            durable.replace(following, self.state / "manifest.jsonl")
            durable.fsync_dir(self.state)
            return
        for target in self.targets.values():
            durable.unlink(self._tmp(target))

    def _reconcile(self, manifest: Manifest) -> list[tuple[str, Recorded]]:
        """The manifest's entries whose rows the output holds whole: all of them when the header's count
        and sizes match; after a torn manifest or output, those up to the first file not (fully) there."""
        sizes = manifest.header.get("sizes", {}) if manifest.header else {}
        if manifest.complete and all(_size(target) == sizes.get(t) for t, target in self.targets.items()):
            return manifest.entries
        self.stale = True  # the output is rewritten from what is kept, even if nothing else changes
        available = {t: self.format.available(target, t) for t, target in self.targets.items()}
        used = dict.fromkeys(self.tables, 0)
        kept: list[tuple[str, Recorded]] = []
        for key, entry in manifest.entries:
            if any(used[t] + entry.sizes.get(t, 0) > available[t] for t in self.tables):
                break
            for t in self.tables:
                used[t] += entry.sizes.get(t, 0)
            kept.append((key, entry))
        return kept

    def _clear_journal(self) -> None:
        durable.unlink(self.state / "journal.jsonl")
        for chunk in sorted(self.state.glob("chunk-*")):
            durable.unlink(chunk)

    def _read_journal(self) -> list[tuple[str, list[tuple[str, Recorded]]]]:
        """Committed chunks; a torn last line (a kill while writing it) is cut off, with its chunk."""
        path = self.state / "journal.jsonl"
        chunks: list[tuple[str, list[tuple[str, Recorded]]]] = []
        good = 0
        if path.exists():
            data = path.read_bytes()
            for line in data.splitlines(keepends=True):
                if not line.endswith(b"\n"):
                    break
                try:
                    record = json.loads(line)
                    name = str(record["chunk"])
                    entries = [Recorded.from_json(e) for e in record["entries"]]
                except (ValueError, KeyError, TypeError, AttributeError):
                    break
                if not self._chunk_whole(name, entries):
                    break
                chunks.append((name, entries))
                good += len(line)
            if good < len(data):
                durable.truncate(path, good)
        names = {name for name, _ in chunks}
        for chunk in sorted(self.state.glob("chunk-*")):
            if chunk.name.split(".")[0] not in names:
                durable.unlink(chunk)
        return chunks

    def _chunk_whole(self, name: str, entries: list[tuple[str, Recorded]]) -> bool:
        """Whether every file of a chunk is there, and (for byte formats) of the size its entries say."""
        return all(
            self.format.holds(self._chunk_file(name, t), t, sum(e.sizes.get(t, 0) for _, e in entries))
            for t in self.tables
        )

    def _chunk_file(self, name: str, table: str) -> Path:
        return self.state / f"{name}.{table}{self.format.ext}"

    # ----- the Sink interface

    def previous(self, key: str) -> Recorded | None:
        """What the output (with its committed chunks) holds for input file `key`."""
        return self.latest.get(key)

    def add(self, key: str, result: FileResult) -> None:
        """Queue one file's results; commit a chunk when enough wait or a second has passed."""
        payloads = self.format.encode(result, key, self.tables)
        documents = len(result.documents)
        sizes = {table: self.format.size(payloads[table]) for table in self.tables}
        entry = Recorded(result.hash, documents, result.errors, sizes, self.fingerprint)
        self._pending.append((key, entry, payloads))
        self._pending_documents += documents
        if self._pending_documents >= COMMIT_DOCUMENTS or _now() - self._last_commit >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        """Write the queued results as a chunk and record it in the journal (durably)."""
        if not self._pending:
            return
        self._last_commit = _now()
        with _writing(self.output):
            number = 1 + max((int(name.split("-")[1]) for name, _ in self.journal), default=0)
            name = f"chunk-{number:06d}"
            for table in self.tables:
                final = self._chunk_file(name, table)
                tmp = final.with_name(final.name + ".tmp")
                self.format.write(tmp, table, [payloads[table] for _, _, payloads in self._pending])
                durable.replace(tmp, final)
            durable.fsync_dir(self.state)
            entries = [(key, entry) for key, entry, _ in self._pending]
            line = _state_line({"chunk": name, "entries": [e.to_json(k) for k, e in entries]})
            durable.append(self.state / "journal.jsonl", line)
        self.journal.append((name, entries))
        self.latest.update(entries)
        self._pending.clear()
        self._pending_documents = 0

    def close(self) -> None:
        """Commit, then merge the chunks into the output (nothing changes if nothing was added)."""
        if self._closed:
            return
        self._closed = True
        try:
            self.commit()
            if self.journal or self.stale or not all(t.exists() for t in self.targets.values()):
                with _writing(self.output):
                    self._merge()
        finally:
            self._release()

    def abandon(self) -> None:
        """Release the output; what was committed stays for the next run."""
        self._closed = True
        self._release()

    def _release(self) -> None:
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None

    def _merge(self) -> None:
        """The kept output and the chunks, in path order, into temporary files renamed over the output."""
        # Where each entry's rows are now: (entry, file per table, offset per table); a file a later
        # chunk holds again is taken from there.
        located: dict[str, tuple[Recorded, dict[str, tuple[Path, int]]]] = {}
        sources = [(self.targets, self.manifest)] + [
            ({t: self._chunk_file(name, t) for t in self.tables}, entries) for name, entries in self.journal
        ]
        for files, entries in sources:
            offsets = {t: self.format.start(t) for t in self.tables}
            for key, entry in entries:
                located[key] = (entry, {t: (files[t], offsets[t]) for t in self.tables})
                for t in self.tables:
                    offsets[t] += entry.sizes.get(t, 0)
        final = sorted(located, key=_order)
        if self.folder:
            self.output.mkdir(parents=True, exist_ok=True)
        else:
            self.output.parent.mkdir(parents=True, exist_ok=True)
        sizes: dict[str, int] = {}
        for table, target in self.targets.items():
            pieces = [
                (where[table][0], where[table][1], entry.sizes.get(table, 0))
                for entry, where in (located[key] for key in final)
            ]
            sizes[table] = self.format.merge(table, pieces, self._tmp(target))
        header = {"manifest": _LAYOUTS[self.fmt], "entries": len(final), "sizes": sizes}
        lines = [_state_line(header), *(_state_line(located[key][0].to_json(key)) for key in final)]
        following = self.state / "manifest.next.jsonl"
        durable.write_atomic(following, lambda handle: handle.writelines(lines))
        for target in self.targets.values():
            durable.replace(self._tmp(target), target)
        durable.fsync_dir(self.output if self.folder else self.output.parent)
        # The chunks are in the output now: drop them before the new manifest takes over, so that a
        # crash in between never merges them twice (recovery redoes these last steps).
        self._clear_journal()
        durable.replace(following, self.state / "manifest.jsonl")
        durable.fsync_dir(self.state)
        self.manifest = [(key, located[key][0]) for key in final]
        self.journal = []
        self.stale = False


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _now() -> float:
    import time

    return time.monotonic()


def state_folder(output: Path, *, folder: bool | None = None) -> Path:
    """The folder of korex's state for a file output (beside it) or a folder output (inside it); `folder`
    says which the output is (None: what the path is on disk)."""
    if folder is None:
        folder = output.is_dir()
    return output / ".korex" if folder else output.with_name(f".{output.name}.korex")


def recorded_errors(output: str | os.PathLike[str]) -> list[FileError]:
    """The FileError rows an output's manifest holds (JSON Lines keeps them beside the output)."""
    manifest = read_manifest(state_folder(Path(output)) / "manifest.jsonl")
    return [error for _, entry in manifest.entries for error in entry.errors]


# --------------------------------------------------------------------------- DuckDB


class DuckDBSink(Sink):
    """Every table in a DuckDB database; each chunk of files is one transaction (with the `files` table).

    Besides the tables of `extractor.frames` (list columns as `VARCHAR[]`): `files` (one row per input
    file: its key, hash, document keys, error rows and pipeline fingerprint), `korex_layout`, and in
    `errors` a `file_key` column naming each row's file. A commit costs a fixed number of statements,
    however many files it holds: one delete per table for the files it replaces, one insert per table.
    """

    def __init__(self, output: str | os.PathLike[str], *, overwrite: bool = False) -> None:
        try:
            import duckdb
        except ImportError:
            raise OutputRefusedError("DuckDB output needs duckdb: pip install 'korex[duckdb]'") from None
        self.output = Path(output)
        self._duckdb_error: type[Exception] = duckdb.Error
        self._interrupt: tuple[type[Exception], ...] = tuple(
            cls for cls in (getattr(duckdb, "InterruptException", None),) if cls is not None
        )
        self._closed = False
        with _writing(self.output), self._database():
            self.output.parent.mkdir(parents=True, exist_ok=True)
            existed = self.output.exists()
            self.con = self._connect()
            try:
                present = self._tables()
                if overwrite and existed:
                    self.con.close()
                    durable.unlink(self.output)
                    durable.unlink(self.output.with_name(self.output.name + ".wal"))
                    self.con = self._connect()
                elif present and "files" not in present:
                    raise OutputRefusedError(f"{self.output}: a database korex did not write; {_OVERWRITE}")
                elif "files" in present and self._layout(present) != _LAYOUTS["duckdb"]:
                    raise OutputRefusedError(f"{self.output}: written by another korex version; {_OVERWRITE}")
                self._create()
                self.latest = self._files()
            except BaseException:
                self.con.close()
                raise
        self._pending: list[tuple[str, Recorded, FileResult]] = []
        self._pending_documents = 0
        self._last_commit = _now()

    @contextlib.contextmanager
    def _database(self) -> Iterator[None]:
        """DuckDB's own errors while writing (its disk full, say) as one OutputError line; Ctrl-C during
        a statement, which DuckDB reports as its own error, as the KeyboardInterrupt it is."""
        try:
            yield
        except self._interrupt:
            raise KeyboardInterrupt from None
        except self._duckdb_error as exc:
            raise OutputError(f"{self.output}: cannot write the database ({exc})", path=self.output) from None
        except RuntimeError as exc:
            if "interrupted" in str(exc).lower():
                raise KeyboardInterrupt from None
            raise

    def _connect(self) -> Any:
        import duckdb

        try:
            # One thread: a commit's inserts are small, and the cores are the analysis's (--jobs).
            return duckdb.connect(str(self.output), config={"threads": 1})
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise OutputBusyError(f"{self.output}: another korex run is writing this output") from None
            raise OutputError(f"{self.output}: cannot open the database ({exc})", path=self.output) from None
        except duckdb.Error as exc:
            raise OutputRefusedError(
                f"{self.output}: not a DuckDB database korex can open ({exc}); {_OVERWRITE}"
            ) from None

    def _tables(self) -> set[str]:
        found = self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        return {row[0] for row in found}

    def _layout(self, present: set[str]) -> int | None:
        """The layout a korex database records (None: none recorded)."""
        if "korex_layout" not in present:
            return None
        found = self.con.execute("SELECT max(layout) FROM korex_layout").fetchone()
        return found[0] if found else None

    def _create(self) -> None:
        from extractor.frames import SCHEMA

        kinds = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "list": "VARCHAR[]"}
        con = self.con
        con.execute("BEGIN TRANSACTION")
        for table, cols in SCHEMA.items():
            spec = ", ".join(f'"{name}" {kinds[kind]}' for name, kind in cols)
            extra = ', "file_key" VARCHAR' if table == "errors" else ""
            con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({spec}{extra})')
        con.execute(
            "CREATE TABLE IF NOT EXISTS files (path VARCHAR PRIMARY KEY, hash VARCHAR, doc_keys VARCHAR[],"
            " n_documents BIGINT, n_errors BIGINT, errors VARCHAR, extracted_at TIMESTAMP,"
            " fingerprint VARCHAR)"
        )
        con.execute("CREATE TABLE IF NOT EXISTS korex_layout (layout INTEGER)")
        if not con.execute("SELECT count(*) FROM korex_layout").fetchone()[0]:
            con.execute("INSERT INTO korex_layout VALUES (?)", [_LAYOUTS["duckdb"]])
        con.execute("COMMIT")

    def _files(self) -> dict[str, tuple[Recorded, list[str]]]:
        latest: dict[str, tuple[Recorded, list[str]]] = {}
        for path, digest, keys, n_documents, errors, fingerprint in self.con.execute(
            "SELECT path, hash, doc_keys, n_documents, errors, fingerprint FROM files"
        ).fetchall():
            found = [FileError.model_validate(e) for e in json.loads(errors or "[]")]
            latest[path] = (Recorded(digest, n_documents, found, fingerprint=fingerprint), list(keys or []))
        return latest

    def previous(self, key: str) -> Recorded | None:
        """What the database holds for input file `key`."""
        found = self.latest.get(key)
        return found[0] if found else None

    def add(self, key: str, result: FileResult) -> None:
        """Queue one file's results; commit when enough wait or a second has passed."""
        entry = Recorded(result.hash, len(result.documents), result.errors, fingerprint=self.fingerprint)
        self._pending.append((key, entry, result))
        self._pending_documents += entry.documents
        if self._pending_documents >= COMMIT_DOCUMENTS or _now() - self._last_commit >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        """One transaction: delete the replaced files' rows, insert the new ones and their `files` rows."""
        if not self._pending:
            return
        self._last_commit = _now()
        with _writing(self.output), self._database():
            keys = self._write_pending()
        for (key, entry, _), doc_keys in zip(self._pending, keys, strict=True):
            self.latest[key] = (entry, doc_keys)
        self._pending.clear()
        self._pending_documents = 0

    def _write_pending(self) -> list[list[str]]:
        from extractor.frames import TABLES, rows

        con = self.con
        found: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TABLES}
        keys: list[list[str]] = []
        for key, _, result in self._pending:
            made = rows(result.items, file=key)
            keys.append([row[0] for row in made["documents"]])  # each document's row opens with its key
            for table, table_rows in made.items():
                if table == "errors":
                    table_rows = [(*row, key) for row in table_rows]
                found[table].extend(table_rows)
        replaced = [key for key, _, _ in self._pending if key in self.latest]
        old_documents = [doc for key in replaced for doc in self.latest[key][1]]
        files = [
            (
                key,
                entry.hash,
                doc_keys,
                entry.documents,
                len(entry.errors),
                json.dumps([e.model_dump(mode="json") for e in entry.errors], ensure_ascii=False),
                entry.fingerprint,
            )
            for (key, entry, _), doc_keys in zip(self._pending, keys, strict=True)
        ]
        con.execute("BEGIN TRANSACTION")
        try:
            if old_documents:
                for table in TABLES[:-1]:
                    con.execute(f'DELETE FROM "{table}" WHERE doc_key IN (SELECT unnest(?))', [old_documents])
            if replaced:
                con.execute('DELETE FROM "errors" WHERE file_key IN (SELECT unnest(?))', [replaced])
            for table in TABLES:
                if found[table]:
                    self._insert(table, _duckdb_frame(table, found[table]), "SELECT *")
            self._insert(
                "files",
                _files_frame(files),
                "SELECT path, hash, doc_keys, n_documents, n_errors, errors, now(), fingerprint",
                replace=True,
            )
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            raise
        return keys

    def _insert(self, table: str, data: Any, select: str, *, replace: bool = False) -> None:
        """Insert the rows of a DataFrame into `table` in one statement."""
        self.con.register("korex_rows", data)
        try:
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f'{verb} INTO "{table}" {select} FROM korex_rows')
        finally:
            self.con.unregister("korex_rows")

    def close(self) -> None:
        """Commit and close the database."""
        if self._closed:
            return
        self._closed = True
        try:
            self.commit()
            with _writing(self.output), self._database():
                self.con.execute("CHECKPOINT")
        finally:
            self.con.close()

    def abandon(self) -> None:
        """Close the database; what was committed stays."""
        if not self._closed:
            self._closed = True
            self.con.close()


def _duckdb_frame(table: str, found: Sequence[tuple[Any, ...]]) -> Any:
    """Raw rows of a table (with `file_key` last for `errors`) as a DataFrame DuckDB inserts as they are:
    typed columns, list columns as lists."""
    import pandas as pd

    from extractor.frames import columns, dtypes, list_columns

    names = columns(table) + (["file_key"] if table == "errors" else [])
    data = pd.DataFrame.from_records(list(found), columns=names)
    lists = {names[i] for i in list_columns(table)}
    return data.astype({name: kind for name, kind in dtypes(table).items() if name not in lists})


def _files_frame(files: Sequence[tuple[Any, ...]]) -> Any:
    """The `files` rows of a commit as a DataFrame."""
    import pandas as pd

    names = ["path", "hash", "doc_keys", "n_documents", "n_errors", "errors", "fingerprint"]
    data = pd.DataFrame.from_records(list(files), columns=names)
    return data.astype({"path": "string", "hash": "string", "errors": "string", "fingerprint": "string"})
