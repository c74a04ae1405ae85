"""Where records go: JSON Lines, CSV, Parquet or DuckDB, chosen by the output's suffix.

| output | holds |
| --- | --- |
| stdout (no output) | JSON Lines, one Document per line, written as they come |
| `out.jsonl` | JSON Lines, one Document per line |
| `out.csv`, `out.parquet` | a folder with one file per table (`documents.csv`, `events.csv`, ...) |
| `events.csv`, `events.parquet` with `table="events"` | that one table |
| `out.duckdb` | a DuckDB database with every table, plus `files` (what each input file gave) |

The tables are those of `extractor.frames`. Every file output is resumable and crash-safe:

- results are committed in small chunks (every second or so) to a state folder beside the output
  (`.out.jsonl.korex/`, or `out.csv/.korex/`): chunk files first, then a line in a journal naming
  them, each flushed to disk. A run killed at any point loses at most its uncommitted chunk.
- at the end of a run (or on Ctrl-C) the committed chunks are merged into the output through
  temporary files renamed over the old ones, so the output is always a complete earlier or later
  version, never a half-written one. A merge cut short is finished by the next run.
- the state folder remembers each input file's SHA-256: files already in the output and unchanged
  are skipped, changed ones (or all, with `force`) are extracted again and replace their old rows.

DuckDB commits each chunk in one transaction, with the `files` table in the same transaction.
An output keeps the rows of every file it was given; delete it to start afresh.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from pydantic import BaseModel

from extractor.errors import KorexError
from extractor.models import Document, FileError

if TYPE_CHECKING:
    from extractor.batch import FileResult

__all__ = [
    "FORMATS",
    "DuckDBSink",
    "JsonlSink",
    "OutputError",
    "Recorded",
    "Sink",
    "StagedSink",
    "check_output",
    "open_sink",
    "output_format",
    "recorded_errors",
]

#: Output suffixes and the format each selects.
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".duckdb": "duckdb"}

#: A chunk is committed when this many documents wait, or this many seconds after the last commit.
COMMIT_DOCUMENTS = 256
COMMIT_SECONDS = 1.0

_LAYOUT = 1


class OutputError(KorexError):
    """The output cannot be written: an unknown format, another run writing it, a different layout."""

    reason = "output"


@dataclass
class Recorded:
    """What an output remembers of one input file: its hash, its documents and error rows."""

    hash: str | None
    documents: int = 0
    errors: list[FileError] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    def to_json(self, key: str) -> dict[str, Any]:
        """The manifest line of this entry."""
        return {
            "key": key,
            "hash": self.hash,
            "documents": self.documents,
            "errors": [e.model_dump(mode="json") for e in self.errors],
            "rows": self.rows,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> tuple[str, Recorded]:
        """An entry read back from a manifest line."""
        errors = [FileError.model_validate(e) for e in data.get("errors", [])]
        return data["key"], cls(
            data.get("hash"), data.get("documents", 0), errors, dict(data.get("rows", {}))
        )


def output_format(output: str | os.PathLike[str]) -> str:
    """`jsonl`, `csv`, `parquet` or `duckdb`, from the output's suffix (raises OutputError otherwise)."""
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise OutputError(f"{output}: unknown output format {suffix or '(no suffix)'}; use one of {known}")
    return FORMATS[suffix]


def check_output(output: str | os.PathLike[str] | None, *, table: str | None = None) -> str:
    """The format of `output` (`stdout` when None); OutputError if it cannot be written (with `table`)."""
    from extractor.frames import TABLES

    if output is None:
        if table is not None:
            raise OutputError("a single table needs an output file (-o events.csv)")
        return "stdout"
    fmt = output_format(output)
    if table is not None:
        if fmt not in ("csv", "parquet"):
            raise OutputError(f"{output}: a single table is written to .csv or .parquet, not .{fmt}")
        if table not in TABLES:
            raise OutputError(f"unknown table {table!r}; the tables are {', '.join(TABLES)}")
    return fmt


def open_sink(output: str | os.PathLike[str] | None, *, table: str | None = None) -> Sink:
    """The sink for `output` (stdout JSON Lines when None); `table` writes that one table (CSV/Parquet)."""
    fmt = check_output(output, table=table)
    if output is None:
        return JsonlSink(None)
    if fmt == "duckdb":
        return DuckDBSink(output)
    return StagedSink(output, fmt=fmt, table=table)


class Sink:
    """Base of outputs: remembers what each input file gave, takes results, commits them durably."""

    def previous(self, key: str) -> Recorded | None:
        """What the output holds for the input file `key` (see `batch.file_key`), or None."""
        return None

    def add(self, key: str, file_hash: str | None, result: FileResult) -> None:
        """Take one file's results (they replace what the output held for that file)."""
        raise NotImplementedError

    def close(self) -> None:
        """Commit everything and finish the output."""

    def __enter__(self) -> Sink:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # Whatever stopped the run (Ctrl-C, a bug), the files already taken are complete: keep them.
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
        if self._partial is not None:
            self._partial.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self._partial.open("w", encoding="utf-8", newline="\n")
        else:
            self._handle = sys.stdout
        return self

    def write(self, record: BaseModel) -> None:
        """Append one record as a line of JSON (UTF-8, Hangul kept as is)."""
        assert self._handle is not None, "use the sink as a context manager"
        self._handle.write(record.model_dump_json() + "\n")
        self.written += 1

    def add(self, key: str, file_hash: str | None, result: FileResult) -> None:
        """Write the file's Documents (its FileErrors are for the caller to report)."""
        for item in result.items:
            if isinstance(item, Document):
                self.write(item)
        if self._handle is sys.stdout:
            self._handle.flush()

    def close(self) -> None:
        """Flush; a file output is renamed into place."""
        self._finish(ok=True)

    def _finish(self, *, ok: bool) -> None:
        if self._handle is None:
            return
        self._handle.flush()
        if self._partial is not None and self.path is not None:
            self._handle.close()
            if ok:
                os.replace(self._partial, self.path)
            else:
                self._partial.unlink(missing_ok=True)
        self._handle = None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._finish(ok=exc_type is None or self.path is None)


# --------------------------------------------------------------------------- file formats


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a directory
    finally:
        os.close(fd)


def _spans(ranges: Sequence[tuple[int, int]], offset: int, length: int) -> Iterator[tuple[int, int]]:
    """The parts of `ranges` (start, stop) inside rows `offset .. offset+length`, relative to `offset`."""
    for start, stop in ranges:
        lo, hi = max(start, offset), min(stop, offset + length)
        if lo < hi:
            yield lo - offset, hi - offset


def _keep(ranges: Sequence[tuple[int, int]] | None, index: int) -> bool:
    return ranges is None or any(start <= index < stop for start, stop in ranges)


Source = tuple[Path, "list[tuple[int, int]] | None"]  # a file, and the row ranges to keep (None: all)


class _Jsonl:
    """JSON Lines: the `documents` 'table' is one Document per line."""

    ext = ".jsonl"

    def rows(self, result: FileResult, tables: Sequence[str]) -> dict[str, list[Any]]:
        return {"documents": [doc.model_dump_json() for doc in result.documents]}

    def write(self, path: Path, table: str, rows: list[Any]) -> None:
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(line + "\n" for line in rows)
            handle.flush()
            os.fsync(handle.fileno())

    def merge(self, table: str, sources: Sequence[Source], dest: Path) -> None:
        with dest.open("wb") as out:
            for path, ranges in sources:
                if not path.exists():
                    continue
                with path.open("rb") as handle:
                    if ranges is None:
                        shutil.copyfileobj(handle, out, 1 << 20)
                        continue
                    for index, line in enumerate(handle):
                        if _keep(ranges, index):
                            out.write(line)
            out.flush()
            os.fsync(out.fileno())


class _Csv:
    """CSV, UTF-8 with a byte-order mark (so that spreadsheet programs read Hangul right)."""

    ext = ".csv"

    def rows(self, result: FileResult, tables: Sequence[str]) -> dict[str, list[Any]]:
        from extractor.frames import rows

        found = rows(result.items)
        return {table: found[table] for table in tables}

    def write(self, path: Path, table: str, rows: list[Any]) -> None:
        from extractor.frames import columns

        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns(table))
            writer.writerows(rows)
            handle.flush()
            os.fsync(handle.fileno())

    def merge(self, table: str, sources: Sequence[Source], dest: Path) -> None:
        from extractor.frames import columns

        with dest.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns(table))
            for path, ranges in sources:
                if not path.exists():
                    continue
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    reader = csv.reader(handle)
                    next(reader, None)  # header
                    if ranges is None:
                        writer.writerows(reader)
                    else:
                        writer.writerows(row for index, row in enumerate(reader) if _keep(ranges, index))
            out.flush()
            os.fsync(out.fileno())


class _Parquet:
    """Parquet (pyarrow), one file per table, typed columns."""

    ext = ".parquet"

    def __init__(self) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise OutputError("Parquet output needs pyarrow: pip install 'korex[parquet]'") from None

    rows = _Csv.rows

    def write(self, path: Path, table: str, rows: list[Any]) -> None:
        import pyarrow.parquet as pq

        pq.write_table(arrow_table(table, rows), path)
        _fsync(path)

    def merge(self, table: str, sources: Sequence[Source], dest: Path) -> None:
        import pyarrow.parquet as pq

        schema = arrow_schema(table)
        with pq.ParquetWriter(dest, schema) as writer:
            for path, ranges in sources:
                if not path.exists():
                    continue
                offset = 0
                for batch in pq.ParquetFile(path).iter_batches(batch_size=8192):
                    count = batch.num_rows
                    pieces = [(0, count)] if ranges is None else list(_spans(ranges, offset, count))
                    for start, stop in pieces:
                        writer.write_batch(batch.slice(start, stop - start).cast(schema))
                    offset += count
        _fsync(dest)


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a korex table."""
    import pyarrow as pa

    from extractor.frames import SCHEMA

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
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


# --------------------------------------------------------------------------- staged file outputs


class StagedSink(Sink):
    """A JSON Lines, CSV or Parquet output written through committed chunks (see the module docstring).

    State folder: `config.json` (format and layout), `manifest.jsonl` (one line per input file the
    output holds, in output order, with its hash, error rows and row counts per table),
    `journal.jsonl` (chunks committed since the last merge) and the chunk files themselves.
    """

    def __init__(self, output: str | os.PathLike[str], *, fmt: str, table: str | None = None) -> None:
        from extractor.frames import TABLES

        self.output = Path(output)
        self.fmt = fmt
        self.table = table
        self.format = _FORMATS[fmt]()
        if fmt == "jsonl":
            self.tables: tuple[str, ...] = ("documents",)
        else:
            self.tables = (table,) if table else TABLES
        self.folder = fmt != "jsonl" and table is None
        if self.folder:
            self.state = self.output / ".korex"
            self.targets = {t: self.output / f"{t}{self.format.ext}" for t in self.tables}
        else:
            self.state = self.output.with_name(f".{self.output.name}.korex")
            self.targets = {self.tables[0]: self.output}
        if self.output.exists() and self.folder != self.output.is_dir():
            kind = "a folder" if self.output.is_dir() else "a file"
            raise OutputError(
                f"{self.output}: is {kind}; this output needs {'a folder' if self.folder else 'a file'}"
            )
        self.state.mkdir(parents=True, exist_ok=True)
        self._lock_handle = self._lock()
        self._check_config()
        self._recover()
        # The manifest describes the output: without it (an output written otherwise) the output's
        # content is unknown and is replaced; without the output (deleted) the manifest is void.
        self.known = (self.state / "manifest.jsonl").exists() and all(
            t.exists() for t in self.targets.values()
        )
        self.manifest: list[tuple[str, Recorded]] = (
            self._read_lines(self.state / "manifest.jsonl") if self.known else []
        )
        self.journal: list[tuple[str, list[tuple[str, Recorded]]]] = self._read_journal()
        self.latest: dict[str, Recorded] = dict(self.manifest)
        for _, entries in self.journal:
            self.latest.update(entries)
        self._pending: list[tuple[str, Recorded, dict[str, list[Any]]]] = []
        self._pending_documents = 0
        self._last_commit = _now()
        self._closed = False

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
            raise OutputError(f"{self.output}: another korex run is writing this output") from None
        return handle

    def _check_config(self) -> None:
        config = {"format": self.fmt, "table": self.table, "layout": _LAYOUT}
        path = self.state / "config.json"
        if path.exists():
            try:
                found = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                found = None
            if found == config:
                return
            if isinstance(found, dict) and found.get("table") != self.table:
                was = f"table {found.get('table')!r}" if found.get("table") else "every table"
                raise OutputError(f"{self.output}: was written with {was}; use another output or delete it")
            if (self.state / "manifest.jsonl").exists() or (self.state / "journal.jsonl").exists():
                raise OutputError(
                    f"{self.output}: written by another korex layout; use another output or delete it"
                )
        tmp = self.state / "config.json.tmp"
        tmp.write_text(json.dumps(config), encoding="utf-8")
        os.replace(tmp, path)

    def _tmp(self, target: Path) -> Path:
        return target.with_name(f".{target.name}.tmp")

    def _recover(self) -> None:
        """Finish a merge that was cut short, or drop its temporary files; drop uncommitted chunk files."""
        following = self.state / "manifest.next.jsonl"
        if following.exists():
            for target in self.targets.values():
                tmp = self._tmp(target)
                if tmp.exists():
                    os.replace(tmp, target)
            self._clear_journal()
            os.replace(following, self.state / "manifest.jsonl")
            return
        for target in self.targets.values():
            self._tmp(target).unlink(missing_ok=True)

    def _clear_journal(self) -> None:
        (self.state / "journal.jsonl").unlink(missing_ok=True)
        for chunk in self.state.glob("chunk-*"):
            chunk.unlink(missing_ok=True)

    def _read_lines(self, path: Path) -> list[tuple[str, Recorded]]:
        if not path.exists():
            return []
        with path.open(encoding="utf-8") as handle:
            return [Recorded.from_json(json.loads(line)) for line in handle if line.strip()]

    def _read_journal(self) -> list[tuple[str, list[tuple[str, Recorded]]]]:
        """Committed chunks; a torn last line (a kill while writing it) is cut off with its chunk."""
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
                    name = record["chunk"]
                    entries = [Recorded.from_json(e) for e in record["entries"]]
                except (ValueError, KeyError, TypeError):
                    break
                if not all(self._chunk_file(name, t).exists() for t in self.tables):
                    break
                chunks.append((name, entries))
                good += len(line)
            if good < len(data):
                with path.open("r+b") as handle:
                    handle.truncate(good)
        names = {name for name, _ in chunks}
        for chunk in self.state.glob("chunk-*"):
            if chunk.name.split(".")[0] not in names:
                chunk.unlink(missing_ok=True)
        return chunks

    def _chunk_file(self, name: str, table: str) -> Path:
        return self.state / f"{name}.{table}{self.format.ext}"

    # ----- the Sink interface

    def previous(self, key: str) -> Recorded | None:
        """What the output (with its committed chunks) holds for input file `key`."""
        return self.latest.get(key)

    def add(self, key: str, file_hash: str | None, result: FileResult) -> None:
        """Queue one file's results; commit a chunk when enough wait or a second has passed."""
        rows = self.format.rows(result, self.tables)
        documents = result.documents
        entry = Recorded(
            file_hash,
            len(documents),
            result.errors,
            {table: len(rows.get(table, [])) for table in self.tables},
        )
        self._pending.append((key, entry, rows))
        self._pending_documents += len(documents)
        if self._pending_documents >= COMMIT_DOCUMENTS or _now() - self._last_commit >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        """Write the queued results as a chunk and record it in the journal (durably)."""
        self._last_commit = _now()
        if not self._pending:
            return
        number = 1 + max((int(name.split("-")[1]) for name, _ in self.journal), default=0)
        name = f"chunk-{number:06d}"
        for table in self.tables:
            rows = [row for _, _, found in self._pending for row in found.get(table, [])]
            final = self._chunk_file(name, table)
            tmp = final.with_name(final.name + ".tmp")
            self.format.write(tmp, table, rows)
            os.replace(tmp, final)
        _fsync(self.state)
        entries = [(key, entry) for key, entry, _ in self._pending]
        line = json.dumps({"chunk": name, "entries": [e.to_json(k) for k, e in entries]}, ensure_ascii=False)
        with (self.state / "journal.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
            handle.flush()
            os.fsync(handle.fileno())
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
            if self.journal or not all(t.exists() for t in self.targets.values()):
                self._merge()
        finally:
            if self._lock_handle is not None:
                self._lock_handle.close()

    def _merge(self) -> None:
        """Old output minus replaced files, then the chunks, into temporary files renamed over the output."""
        last: dict[str, tuple[int, int]] = {}
        for c, (_, entries) in enumerate(self.journal):
            for i, (key, _) in enumerate(entries):
                last[key] = (c, i)
        kept_old = [i for i, (key, _) in enumerate(self.manifest) if key not in last]
        final = [self.manifest[i] for i in kept_old]
        for c, (_, entries) in enumerate(self.journal):
            final.extend(entries[i] for i, (key, _) in enumerate(entries) if last[key] == (c, i))
        if self.folder:
            self.output.mkdir(parents=True, exist_ok=True)
        else:
            self.output.parent.mkdir(parents=True, exist_ok=True)
        for table, target in self.targets.items():
            sources: list[Source] = []
            if self.known and target.exists():
                ranges = _ranges([entry for _, entry in self.manifest], table, set(kept_old))
                everything = len(kept_old) == len(self.manifest)
                sources.append((target, None if everything else ranges))
            for c, (name, entries) in enumerate(self.journal):
                live = {i for i, (key, _) in enumerate(entries) if last[key] == (c, i)}
                ranges = _ranges([entry for _, entry in entries], table, live)
                sources.append((self._chunk_file(name, table), None if len(live) == len(entries) else ranges))
            self.format.merge(table, sources, self._tmp(target))
        following = self.state / "manifest.next.jsonl"
        with following.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(e.to_json(k), ensure_ascii=False) + "\n" for k, e in final)
            handle.flush()
            os.fsync(handle.fileno())
        for target in self.targets.values():
            os.replace(self._tmp(target), target)
        _fsync(self.output if self.folder else self.output.parent)
        # The chunks are in the output now: drop them before the new manifest takes over, so that a
        # crash in between never merges them twice (recovery redoes these last two steps).
        self._clear_journal()
        os.replace(following, self.state / "manifest.jsonl")
        self.manifest = final
        self.journal = []
        self.known = True


def _ranges(entries: Sequence[Recorded], table: str, live: set[int]) -> list[tuple[int, int]]:
    """Row ranges of the live entries of a file whose entries wrote their rows one after another."""
    out: list[tuple[int, int]] = []
    offset = 0
    for index, entry in enumerate(entries):
        count = entry.rows.get(table, 0)
        if index in live and count:
            if out and out[-1][1] == offset:
                out[-1] = (out[-1][0], offset + count)
            else:
                out.append((offset, offset + count))
        offset += count
    return out


def _now() -> float:
    import time

    return time.monotonic()


def recorded_errors(output: str | os.PathLike[str]) -> list[FileError]:
    """The FileError rows an output's manifest holds (JSON Lines keeps them beside the output)."""
    path = Path(output)
    state = path / ".korex" if path.is_dir() else path.with_name(f".{path.name}.korex")
    manifest = state / "manifest.jsonl"
    if not manifest.exists():
        return []
    errors: list[FileError] = []
    with manifest.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                errors.extend(Recorded.from_json(json.loads(line))[1].errors)
    return errors


# --------------------------------------------------------------------------- DuckDB


class DuckDBSink(Sink):
    """Every table in a DuckDB database; each chunk of files is one transaction (with the `files` table)."""

    def __init__(self, output: str | os.PathLike[str]) -> None:
        from extractor.frames import SCHEMA

        try:
            import duckdb
        except ImportError:
            raise OutputError("DuckDB output needs duckdb: pip install 'korex[duckdb]'") from None
        self.output = Path(output)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.output))
        except duckdb.Error as exc:
            raise OutputError(f"{self.output}: cannot open the database ({exc})") from None
        kinds = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE"}
        for table, cols in SCHEMA.items():
            spec = ", ".join(f'"{name}" {kinds[kind]}' for name, kind in cols)
            self.con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({spec})')
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS files (path VARCHAR PRIMARY KEY, hash VARCHAR, doc_keys VARCHAR[],"
            " n_documents BIGINT, n_errors BIGINT, errors VARCHAR, extracted_at TIMESTAMP)"
        )
        self.latest: dict[str, tuple[Recorded, list[str]]] = {}
        for path, digest, keys, n_documents, errors in self.con.execute(
            "SELECT path, hash, doc_keys, n_documents, errors FROM files"
        ).fetchall():
            found = [FileError.model_validate(e) for e in json.loads(errors or "[]")]
            self.latest[path] = (Recorded(digest, n_documents, found), list(keys or []))
        self._pending: list[tuple[str, Recorded, FileResult]] = []
        self._pending_documents = 0
        self._last_commit = _now()
        self._closed = False

    def previous(self, key: str) -> Recorded | None:
        """What the database holds for input file `key`."""
        found = self.latest.get(key)
        return found[0] if found else None

    def add(self, key: str, file_hash: str | None, result: FileResult) -> None:
        """Queue one file's results; commit when enough wait or a second has passed."""
        entry = Recorded(file_hash, len(result.documents), result.errors)
        self._pending.append((key, entry, result))
        self._pending_documents += entry.documents
        if self._pending_documents >= COMMIT_DOCUMENTS or _now() - self._last_commit >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        """One transaction: delete the replaced files' rows, insert the new ones and their `files` rows."""
        from extractor.frames import TABLES, doc_key, frame, rows

        self._last_commit = _now()
        if not self._pending:
            return
        found = rows(item for _, _, result in self._pending for item in result.items)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for key, _, _ in self._pending:
                old = self.latest.get(key)
                if old is None:
                    continue
                recorded, keys = old
                if keys:
                    for table in TABLES[:-1]:
                        con.execute(f'DELETE FROM "{table}" WHERE doc_key IN (SELECT unnest(?))', [keys])
                paths = sorted({e.path for e in recorded.errors})
                if paths:
                    con.execute('DELETE FROM "errors" WHERE path IN (SELECT unnest(?))', [paths])
            for table in TABLES:
                if found[table]:
                    con.register("korex_rows", frame(table, found[table]))
                    try:
                        con.execute(f'INSERT INTO "{table}" SELECT * FROM korex_rows')
                    finally:
                        con.unregister("korex_rows")
            for key, entry, result in self._pending:
                keys = [doc_key(doc) for doc in result.documents]
                errors = json.dumps([e.model_dump(mode="json") for e in entry.errors], ensure_ascii=False)
                con.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, now())",
                    [key, entry.hash, keys, entry.documents, len(entry.errors), errors],
                )
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            raise
        for key, entry, result in self._pending:
            self.latest[key] = (entry, [doc_key(doc) for doc in result.documents])
        self._pending.clear()
        self._pending_documents = 0

    def close(self) -> None:
        """Commit and close the database."""
        if self._closed:
            return
        self._closed = True
        try:
            self.commit()
            self.con.execute("CHECKPOINT")
        finally:
            self.con.close()
