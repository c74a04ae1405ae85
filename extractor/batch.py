"""Batch runs: which files to read, one Document (or FileError row) per document in them, on N processes.

`extract_folder` yields results in a fixed order (the sorted file paths) whatever the number of
jobs. `jobs` is the number of cores a run uses: one job analyses one document at a time in this
process; with `jobs > 1`, worker processes do (`extractor.workers`).

Every document has a time budget (`timeout`, 120 s by default): one that takes longer becomes a
`timeout` error row and the run goes on with the next. In worker processes the worker is replaced;
in this process a timer interrupts the analysis (on the main thread only, and only between Python
steps: a budget cannot cut a single call into native code short).

`extract_to` is the whole `korex extract` run: skip the files an output already holds unchanged,
extract the others, write them as they finish, show progress, and sum up.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from extractor import loader
from extractor.errors import (
    GazetteerError,
    InputError,
    InputTooLargeError,
    KorexError,
    MissingInputError,
    OutputRefusedError,
)
from extractor.models import Document, FileError

if TYPE_CHECKING:
    from extractor import Extractor

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Given:
    """A document given as bytes rather than as a file (`korex extract -`, `--text`): `name` stands for
    its path in error rows and in outputs; the format is found from the content."""

    name: str
    data: bytes


#: What a run reads: files and folders, or given bytes.
Input = PathLike | Given

#: File suffixes read from folders; a file named explicitly is read whatever its suffix.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"})

#: Seconds one document may take in a batch run before it becomes a `timeout` row (about a thousand
#: times what a press release takes; None: no limit).
DEFAULT_TIMEOUT = 120.0

#: How long a run may go without a finished file before `on_idle` lets the output commit what it has.
IDLE_SECONDS = 1.0


def resolved(path: PathLike) -> Path:
    """`path` made absolute with symlinks resolved where they can be (a symlink loop stays as it is)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # Python < 3.13 raises RuntimeError for a loop
        return Path(os.path.abspath(path))


def iter_paths(paths: Input | Iterable[Input], *, pattern: str = "*") -> Iterator[Path | Given]:
    """Files to read, in a stable order: named files as given, each folder's files sorted by path.

    In folders, only files whose name matches `pattern` and whose suffix is a document format
    are taken; hidden files and folders (`.git`, `.ipynb_checkpoints`) are skipped. A file reached
    twice is read once. A path that does not exist, and a folder that cannot be listed, is still
    yielded, so the reader reports it as an error row instead of losing it.
    """
    for path, _ in _iter_found(paths, pattern=pattern):
        yield path


def _iter_found(
    paths: Input | Iterable[Input], *, pattern: str = "*"
) -> Iterator[tuple[Path | Given, Path | None]]:
    """`iter_paths`, each file with its `resolved` path (None for a given document): resolved once."""
    if isinstance(paths, (str, os.PathLike, Given)):
        paths = [paths]
    seen: set[Path] = set()

    def first_time(path: Path) -> Iterator[tuple[Path, Path]]:
        found = resolved(path)
        if found not in seen:
            seen.add(found)
            yield path, found

    for given in paths:
        if isinstance(given, Given):
            yield given, None
            continue
        path = Path(given)
        if not path.is_dir():
            yield from first_time(path)
            continue
        found: list[Path] = []
        unlisted: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=unlisted.append):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if name.startswith(".") or not fnmatch(name, pattern):
                    continue
                if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                    found.append(Path(root) / name)
        found.extend(Path(error.filename) for error in unlisted if error.filename is not None)
        for file in sorted(found, key=lambda p: p.relative_to(path).parts):
            yield from first_time(file)


def file_hash(path: Input) -> str | None:
    """SHA-256 of a regular file's bytes (what decides that a file is unchanged), or None if it cannot
    be read; never blocks on a named pipe or a device."""
    if isinstance(path, Given):
        return hashlib.sha256(path.data).hexdigest()
    digest = hashlib.sha256()
    try:
        with loader.open_regular(path) as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except (InputError, OSError):
        return None
    return digest.hexdigest()


@dataclass
class FileResult:
    """What one input file gave: its Documents and FileError rows in order (one per record), the
    characters analysed, the SHA-256 of the bytes read (None if unread), and its place in the run."""

    path: str
    items: list[Document | FileError] = field(default_factory=list)
    chars: int = 0
    hash: str | None = None
    index: int = 0

    @property
    def documents(self) -> list[Document]:
        """The Documents only."""
        return [item for item in self.items if isinstance(item, Document)]

    @property
    def errors(self) -> list[FileError]:
        """The FileError rows only."""
        return [item for item in self.items if isinstance(item, FileError)]


# --------------------------------------------------------------------------- one file


@dataclass(frozen=True)
class Read:
    """A file's bytes were read: their SHA-256."""

    hash: str


@dataclass(frozen=True)
class Records:
    """A file was parsed: how many records (documents or record errors) follow."""

    count: int


@dataclass(frozen=True)
class Item:
    """One record's Document or FileError (a FileError before any `Records` is the whole file's)."""

    item: Document | FileError
    chars: int = 0


Event = Read | Records | Item


def where_of(path: Input) -> str:
    """How rows and messages name an input: its path as text, or a given document's name."""
    return path.name if isinstance(path, Given) else loader.display_path(path)


def _read(path: Input, max_bytes: int) -> bytes:
    """The bytes of an input (see `loader.read_file`), never more than `max_bytes`."""
    if not isinstance(path, Given):
        return loader.read_file(path, max_bytes=max_bytes)
    if len(path.data) > max_bytes:
        raise InputTooLargeError(
            f"{path.name}: {len(path.data):,} bytes, over the limit of {max_bytes:,} bytes (max_bytes)",
            path=path.name,
        )
    return path.data


def _records(data: bytes, path: Input) -> list[loader.Record]:
    """The records of an input's bytes; a given document has no source of its own (as with `extract`)."""
    records = loader.load_records(data, where_of(path))
    if not isinstance(path, Given):
        return records
    return [
        replace(record, source=None)
        if isinstance(record, loader.LoadedText) and record.source == path.name
        else record
        for record in records
    ]


def iter_file(
    extractor: Extractor, path: Input, *, first: int = 0, max_bytes: int = loader.MAX_BYTES
) -> Iterator[Event]:
    """Read one file (at most `max_bytes`) and analyse its records from `first` on, one at a time,
    saying each step as it ends.

    Whatever goes wrong becomes a FileError, never an exception: a file that cannot be read gets its
    reason, a bad record its own row (its neighbours are kept), a record that fails on a bug rather
    than on bad input gets `internal_error`, so one odd document never stops a run of thousands.
    """
    where = where_of(path)
    try:
        data = _read(path, max_bytes)
        yield Read(hashlib.sha256(data).hexdigest())
        records = _records(data, path)
    except KorexError as exc:
        yield Item(FileError(path=where, reason=exc.reason, message=str(exc)))
        return
    except Exception as exc:  # a loader bug must not stop the run
        yield Item(internal_error(where, None, exc))
        return
    yield Records(len(records))
    for number in range(first, len(records)):
        loaded = records[number]
        record = number if len(records) > 1 else None
        if isinstance(loaded, InputError):
            yield Item(FileError(path=where, reason=loaded.reason, message=str(loaded), record=record))
            continue
        try:
            document = extractor.extract_loaded(loaded, record=record)
        except KorexError as exc:
            yield Item(FileError(path=where, reason=exc.reason, message=str(exc), record=record))
        except Exception as exc:
            yield Item(internal_error(where, record, exc))
        else:
            yield Item(document, len(loaded.text))


def internal_error(where: str, record: int | None, exc: Exception) -> FileError:
    """The row of a document that failed on a bug rather than on its input (`internal_error`)."""
    at = where if record is None else f"{where} (record {record})"
    return FileError(
        path=where, reason="internal_error", message=f"{at}: {type(exc).__name__}: {exc}", record=record
    )


class Assembly:
    """One file's result put together from the events of `iter_file`, across restarts: a document that
    overran its budget or killed its worker becomes a row, and the file goes on after it."""

    def __init__(self, path: Input, index: int = 0) -> None:
        self.path = path
        self.result = FileResult(where_of(path), index=index)
        self.count: int | None = None
        self._reads = 0

    def take(self, event: Event) -> None:
        """Add one event."""
        if isinstance(event, Read):
            # Read again after a restart: if the bytes changed, no one hash describes what was analysed.
            self._reads += 1
            self.result.hash = event.hash if self._reads == 1 or event.hash == self.result.hash else None
        elif isinstance(event, Records):
            self.count = event.count
        else:
            self.result.items.append(event.item)
            self.result.chars += event.chars

    def fail(self, reason: str, message: str) -> int | None:
        """The document being analysed failed (`timeout`, `worker_crashed`): its row; then the record to
        go on from, or None when the file is finished."""
        where = self.result.path
        if self.count is None:  # reading or parsing the file itself failed
            self.result.items = [FileError(path=where, reason=reason, message=f"{where}: {message}")]
            return None
        number = len(self.result.items)
        record = number if self.count > 1 else None
        at = where if record is None else f"{where} (record {record})"
        self.result.items.append(
            FileError(path=where, reason=reason, message=f"{at}: {message}", record=record)
        )
        return number + 1 if number + 1 < self.count else None


def timeout_message(seconds: float) -> str:
    """What a `timeout` row says."""
    return f"took longer than {seconds:g} s (the time budget per document); not analysed"


def extract_path(extractor: Extractor, path: Input, *, max_bytes: int = loader.MAX_BYTES) -> FileResult:
    """Read one file and analyse its documents one at a time; one FileResult, in the file's order."""
    assembly = Assembly(path)
    for event in iter_file(extractor, path, max_bytes=max_bytes):
        assembly.take(event)
    return assembly.result


# --------------------------------------------------------------------------- in this process


class _OverBudget(BaseException):
    """Raised into a document's analysis when its time is up (BaseException: no handler on the way
    that catches `Exception` may swallow it)."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _OverBudget


def _within(events: Iterator[Event], seconds: float | None) -> Iterator[Event]:
    """`events`, each step of which must end within `seconds` (else _OverBudget is raised in it)."""
    if seconds is None:
        yield from events
        return
    while True:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            event = next(events, None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if event is None:
            return
        yield event


def _run_file(
    extractor: Extractor, path: Input, index: int, seconds: float | None, max_bytes: int
) -> FileResult:
    assembly = Assembly(path, index)
    first: int | None = 0
    while first is not None:
        try:
            for event in _within(iter_file(extractor, path, first=first, max_bytes=max_bytes), seconds):
                assembly.take(event)
            first = None
        except _OverBudget:
            first = assembly.fail("timeout", timeout_message(seconds or 0))
    return assembly.result


class _Idle:
    """Calls `on_idle` from a thread when no file has finished for IDLE_SECONDS (a long document), so
    that an output commits what it already has; an error it raises is raised again by `touch`."""

    def __init__(self, on_idle: Callable[[], None]) -> None:
        self.on_idle = on_idle
        self.last = time.monotonic()
        self.fired = False
        self.error: BaseException | None = None
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True, name="korex-idle-commit")
        self.thread.start()

    def _watch(self) -> None:
        while not self.stop.wait(IDLE_SECONDS / 4):
            if not self.fired and time.monotonic() - self.last >= IDLE_SECONDS:
                self.fired = True
                try:
                    self.on_idle()
                except BaseException as exc:  # raised again in the run's own thread
                    self.error = exc

    def touch(self) -> None:
        """A file finished."""
        self.last = time.monotonic()
        self.fired = False
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """Stop watching."""
        self.stop.set()
        self.thread.join()


def _in_process(
    extractor: Extractor,
    paths: Iterable[Input],
    timeout: float | None,
    on_idle: Callable[[], None] | None,
    max_bytes: int,
) -> Iterator[FileResult]:
    budget = timeout is not None and hasattr(signal, "setitimer")
    budget = budget and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _alarm) if budget else None
    idle = _Idle(on_idle) if on_idle is not None else None
    try:
        for index, path in enumerate(paths):
            result = _run_file(extractor, path, index, timeout if budget else None, max_bytes)
            if idle is not None:
                idle.touch()
            yield result
    finally:
        if idle is not None:
            idle.close()
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)


def run(
    extractor: Extractor,
    paths: Iterable[Input],
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    ordered: bool = True,
    on_idle: Callable[[], None] | None = None,
    max_bytes: int = loader.MAX_BYTES,
) -> Iterator[FileResult]:
    """One FileResult per path (`index`: its place in `paths`); `jobs > 1` spreads the files over
    worker processes. In the order given, or as they finish when not `ordered`.

    `timeout` is each document's time budget in seconds (None: none); a file over `max_bytes` is a
    `too_large` row. `on_idle` is called when no file has finished for a second (from another thread
    when `jobs` is 1). Called from the top level of a script that worker processes would run again
    (no `if __name__ == "__main__":`), it warns in one line and works in this process.
    """
    jobs = resolve_jobs(jobs)
    if jobs > 1:
        from extractor import workers

        unguarded = workers.unguarded_main()
        if unguarded is not None:
            script, line = unguarded
            warnings.warn_explicit(
                workers.unguarded_message(script, jobs), RuntimeWarning, script, line, registry=_WARNED
            )
            jobs = 1
    if jobs == 1:
        yield from _in_process(extractor, paths, timeout, on_idle, max_bytes)
        return
    yield from workers.run(
        extractor, paths, jobs=jobs, timeout=timeout, ordered=ordered, on_idle=on_idle, max_bytes=max_bytes
    )


#: Where the unguarded-script warning was given (once per place, as Python's own warnings).
_WARNED: dict[object, object] = {}


def resolve_jobs(jobs: int) -> int:
    """`jobs` as a number of processes: 0 or less means one per CPU."""
    if jobs <= 0:
        return max(1, os.cpu_count() or 1)
    return jobs


def extract_folder(
    extractor: Extractor,
    paths: PathLike | Iterable[PathLike],
    *,
    pattern: str = "*",
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_bytes: int = loader.MAX_BYTES,
) -> Iterator[Document | FileError]:
    """Documents of every file under `paths`, in sorted order; a file that cannot be read becomes a FileError.

    `jobs` is the number of cores: 1 analyses one document at a time in this process, `jobs > 1` in
    that many worker processes (each builds its pipeline once, which takes a few seconds); the order
    of the results does not depend on `jobs`. `timeout` is each document's time budget in seconds, and
    `max_bytes` the largest file read. A script that uses `jobs > 1` must guard its top level with
    `if __name__ == "__main__":`, as for any multiprocessing (unguarded, it runs in one process and
    warns). The extractor's gazetteer folders are checked first (GazetteerError listing every problem).
    """
    check_gazetteers(extractor)
    found = iter_paths(paths, pattern=pattern)
    for result in run(extractor, found, jobs=jobs, timeout=timeout, max_bytes=max_bytes):
        yield from result.items


def check_gazetteers(extractor: Extractor) -> None:
    """Check the extractor's own gazetteer folders before a run reads any document: GazetteerError,
    listing every problem of every folder, rather than one failed document after another."""
    folders = getattr(extractor, "gazetteers", ())
    if not folders:
        return
    from extractor import gazetteer

    bad = [report for report in map(gazetteer.check_folder, folders) if not report.ok]
    if bad:
        hint = "fix them (`korex gazetteer check DIR` lists them again); no document was read"
        raise GazetteerError("\n".join([*(r.describe() for r in bad), hint]), path=bad[0].folder)


# --------------------------------------------------------------------------- a whole `korex extract` run


@dataclass
class Summary:
    """What a run did: files seen, extracted and skipped, documents written, errors, time taken."""

    files: int = 0
    extracted: int = 0
    skipped: int = 0
    documents: int = 0
    errors: int = 0
    earlier_errors: int = 0
    chars: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """Error rows of this run's inputs, including those recorded for files skipped as unchanged."""
        return self.errors + self.earlier_errors

    def line(self) -> str:
        """The one-line summary printed at the end of `korex extract`."""
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        failed = f"{self.failed} failed" + (
            f" ({self.earlier_errors} in earlier runs)" if self.earlier_errors else ""
        )
        parts = [f"{counted(self.documents, 'document')}, {failed}", counted(self.files, "file")]
        if self.skipped:
            parts.append(f"{self.skipped} unchanged and skipped")
        parts.append(f"{self.seconds:.1f} s, {rate:.1f} docs/s")
        return "; ".join(parts)


def counted(n: int, word: str) -> str:
    """`1 document`, `2 documents`."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def file_key(path: Input, found: Path | None = None) -> str:
    """How outputs remember an input file: its absolute path (as `loader.display_path` writes it), so
    a run from another folder still matches; a given document by its name. `found`: the path already
    `resolved`."""
    if isinstance(path, Given):
        return path.name
    return loader.display_path(found or resolved(path))


def describe(error: FileError) -> str:
    """A FileError as one line for a person: the message, which names the file (prefixed if it does not)."""
    if error.message.startswith(error.path):
        return error.message
    return f"{error.path}: {error.message}"


def _is_output(found: Path | None, target: Path | None) -> bool:
    """Whether a resolved input path is the resolved output itself (or inside it): an output in the
    input folder is not input."""
    if found is None or target is None:
        return False
    return found == target or target in found.parents


def _refuse_output_among_inputs(given: Sequence[Input], output: PathLike | None, target: Path | None) -> None:
    """OutputRefusedError if the output (`target` resolved) is one of the paths given to read (or inside
    one given file)."""
    if target is None:
        return
    for path in given:
        if isinstance(path, Given):
            continue
        found = resolved(path)
        if found == target or (target in found.parents and not found.is_dir()):
            raise OutputRefusedError(f"{output}: is also an input; write the output elsewhere")


def _require_input(given: Sequence[Input]) -> None:
    """MissingInputError when no path given exists (so that no output is created for nothing); a
    missing path among others is an error row of the run."""
    if any(isinstance(path, Given) or os.path.lexists(path) for path in given):
        return
    names = ", ".join(loader.display_path(path) for path in given) or "(no path)"
    raise MissingInputError(f"{names}: no such file or folder; nothing was read or written")


def extract_to(
    extractor: Extractor,
    paths: Input | Sequence[Input],
    output: PathLike | None,
    *,
    pattern: str = "*",
    jobs: int = 1,
    force: bool = False,
    overwrite: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    table: str | None = None,
    fmt: str | None = None,
    max_bytes: int = loader.MAX_BYTES,
    quiet: bool = False,
    on_error: Callable[[FileError], None] | None = None,
) -> Summary:
    """Extract every file under `paths` into `output` (format by suffix, or `fmt`; stdout JSON Lines
    when None).

    Files the output already holds with the same content (SHA-256), analysed by the same pipeline
    (`Extractor.fingerprint`: korex's version and gazetteers), are skipped unless `force`; a run
    interrupted at any point and started again with the same arguments ends with every document in
    the output exactly once. An existing output korex did not write is refused unless `overwrite`
    (which starts the output afresh); an output among the inputs is refused. Before anything is
    written, the extractor's gazetteer folders are checked (GazetteerError listing every problem) and
    at least one path given must exist (MissingInputError). Results are committed as they finish,
    never held back by a slow document; `timeout` is each document's time budget, `max_bytes` the
    largest file read. Unless `quiet`, each FileError of this run is printed on stderr and a progress
    bar is shown there when it is a terminal. `on_error` is called with each FileError. Raises
    `OutputError` (and its subclasses) when the output cannot or may not be written.
    """
    from extractor.progress import Progress
    from extractor.sinks import check_output, open_sink

    started = time.perf_counter()
    summary = Summary()
    given: list[Input] = [paths] if isinstance(paths, (str, os.PathLike, Given)) else list(paths)
    check_output(output, table=table, fmt=fmt)
    target = resolved(output) if output is not None else None
    _refuse_output_among_inputs(given, output, target)
    _require_input(given)
    check_gazetteers(extractor)
    fingerprint = extractor.fingerprint()
    extractor._follow_files(fingerprint)
    if any(isinstance(path, Given) for path in given):
        jobs = 1  # its bytes are here, not in a file a worker could read
    with open_sink(output, table=table, overwrite=overwrite, fmt=fmt, fingerprint=fingerprint) as sink:
        todo: list[Path | Given] = []
        keys: list[str] = []
        for path, found in _iter_found(given, pattern=pattern):
            if _is_output(found, target):
                continue
            summary.files += 1
            key = file_key(path, found)
            before = sink.previous(key)
            if (
                not force
                and before is not None
                and before.hash is not None
                and before.fingerprint == fingerprint
                and before.hash == file_hash(path)
            ):
                summary.skipped += 1
                summary.earlier_errors += len(before.errors)
                continue
            todo.append(path)
            keys.append(key)
        lock = threading.Lock()

        def commit() -> None:
            with lock:
                sink.commit()

        with Progress(len(todo), skipped=summary.skipped, enabled=not quiet) as progress:
            results = run(
                extractor,
                todo,
                jobs=jobs,
                timeout=timeout,
                ordered=False,
                on_idle=commit,
                max_bytes=max_bytes,
            )
            for result in results:
                with lock:
                    sink.add(keys[result.index], result)
                summary.extracted += 1
                summary.documents += len(result.items) - len(result.errors)
                summary.chars += result.chars
                for error in result.errors:
                    summary.errors += 1
                    if not quiet:
                        progress.write(f"korex: {describe(error)}")
                    if on_error is not None:
                        on_error(error)
                progress.update(result)
    summary.seconds = time.perf_counter() - started
    return summary
