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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from extractor import loader
from extractor.errors import InputError, KorexError, OutputRefusedError
from extractor.models import Document, FileError

if TYPE_CHECKING:
    from extractor import Extractor

PathLike = str | os.PathLike[str]

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


def iter_paths(paths: PathLike | Iterable[PathLike], *, pattern: str = "*") -> Iterator[Path]:
    """Files to read, in a stable order: named files as given, each folder's files sorted by path.

    In folders, only files whose name matches `pattern` and whose suffix is a document format
    are taken; hidden files and folders (`.git`, `.ipynb_checkpoints`) are skipped. A file reached
    twice is read once. A path that does not exist, and a folder that cannot be listed, is still
    yielded, so the reader reports it as an error row instead of losing it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()

    def first_time(path: Path) -> bool:
        found = resolved(path)
        if found in seen:
            return False
        seen.add(found)
        return True

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            if first_time(path):
                yield path
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
            if first_time(file):
                yield file


def file_hash(path: PathLike) -> str | None:
    """SHA-256 of a regular file's bytes (what decides that a file is unchanged), or None if it cannot
    be read; never blocks on a named pipe or a device."""
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


def iter_file(extractor: Extractor, path: PathLike, *, first: int = 0) -> Iterator[Event]:
    """Read one file and analyse its records from `first` on, one at a time, saying each step as it ends.

    Whatever goes wrong becomes a FileError, never an exception: a file that cannot be read gets its
    reason, a bad record its own row (its neighbours are kept), a record that fails on a bug rather
    than on bad input gets `internal_error`, so one odd document never stops a run of thousands.
    """
    where = loader.display_path(path)
    try:
        data = loader.read_file(path)
        yield Read(hashlib.sha256(data).hexdigest())
        records = loader.load_records(data, path)
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

    def __init__(self, path: PathLike, index: int = 0) -> None:
        self.path = path
        self.result = FileResult(loader.display_path(path), index=index)
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


def extract_path(extractor: Extractor, path: PathLike) -> FileResult:
    """Read one file and analyse its documents one at a time; one FileResult, in the file's order."""
    assembly = Assembly(path)
    for event in iter_file(extractor, path):
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


def _run_file(extractor: Extractor, path: PathLike, index: int, seconds: float | None) -> FileResult:
    assembly = Assembly(path, index)
    first: int | None = 0
    while first is not None:
        try:
            for event in _within(iter_file(extractor, path, first=first), seconds):
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
    paths: Iterable[PathLike],
    timeout: float | None,
    on_idle: Callable[[], None] | None,
) -> Iterator[FileResult]:
    budget = timeout is not None and hasattr(signal, "setitimer")
    budget = budget and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _alarm) if budget else None
    idle = _Idle(on_idle) if on_idle is not None else None
    try:
        for index, path in enumerate(paths):
            result = _run_file(extractor, path, index, timeout if budget else None)
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
    paths: Iterable[PathLike],
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    ordered: bool = True,
    on_idle: Callable[[], None] | None = None,
) -> Iterator[FileResult]:
    """One FileResult per path (`index`: its place in `paths`); `jobs > 1` spreads the files over
    worker processes. In the order given, or as they finish when not `ordered`.

    `timeout` is each document's time budget in seconds (None: none). `on_idle` is called when no file
    has finished for a second (from another thread when `jobs` is 1).
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        yield from _in_process(extractor, paths, timeout, on_idle)
        return
    from extractor import workers

    yield from workers.run(extractor, paths, jobs=jobs, timeout=timeout, ordered=ordered, on_idle=on_idle)


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
) -> Iterator[Document | FileError]:
    """Documents of every file under `paths`, in sorted order; a file that cannot be read becomes a FileError.

    `jobs` is the number of cores: 1 analyses one document at a time in this process, `jobs > 1` in
    that many worker processes (each builds its pipeline once, which takes a few seconds); the order
    of the results does not depend on `jobs`. `timeout` is each document's time budget in seconds.
    A script that uses `jobs > 1` must guard its top level with `if __name__ == "__main__":`, as
    for any multiprocessing.
    """
    for result in run(extractor, iter_paths(paths, pattern=pattern), jobs=jobs, timeout=timeout):
        yield from result.items


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
        parts = [f"{self.documents} documents, {failed}", f"{self.files} files"]
        if self.skipped:
            parts.append(f"{self.skipped} unchanged and skipped")
        parts.append(f"{self.seconds:.1f} s, {rate:.1f} docs/s")
        return "; ".join(parts)


def file_key(path: PathLike) -> str:
    """How outputs remember an input file: its absolute path (as `loader.display_path` writes it), so
    a run from another folder still matches."""
    return loader.display_path(resolved(path))


def describe(error: FileError) -> str:
    """A FileError as one line for a person: the message, which names the file (prefixed if it does not)."""
    if error.message.startswith(error.path):
        return error.message
    return f"{error.path}: {error.message}"


def _is_output(path: Path, output: PathLike | None) -> bool:
    """Whether `path` is the output itself (or inside it): an output in the input folder is not input."""
    if output is None:
        return False
    target = resolved(output)
    found = resolved(path)
    return found == target or target in found.parents


def _refuse_output_among_inputs(given: Sequence[PathLike], output: PathLike | None) -> None:
    """OutputRefusedError if the output is one of the paths given to read (or inside one given file)."""
    if output is None:
        return
    target = resolved(output)
    for path in given:
        found = resolved(path)
        if found == target or (target in found.parents and not found.is_dir()):
            raise OutputRefusedError(f"{output}: is also an input; write the output elsewhere")


def extract_to(
    extractor: Extractor,
    paths: PathLike | Sequence[PathLike],
    output: PathLike | None,
    *,
    pattern: str = "*",
    jobs: int = 1,
    force: bool = False,
    overwrite: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    table: str | None = None,
    quiet: bool = False,
    on_error: Callable[[FileError], None] | None = None,
) -> Summary:
    """Extract every file under `paths` into `output` (format by suffix; stdout JSON Lines when None).

    Files the output already holds with the same content (SHA-256) are skipped unless `force`; a run
    interrupted at any point and started again with the same arguments ends with every document in
    the output exactly once. An existing output korex did not write is refused unless `overwrite`
    (which starts the output afresh); an output among the inputs is refused. Results are committed as
    they finish, never held back by a slow document; `timeout` is each document's time budget.
    Unless `quiet`, each FileError of this run is printed on stderr and a progress bar is shown there
    when it is a terminal. `on_error` is called with each FileError. Raises `OutputError` (and its
    subclasses) when the output cannot or may not be written.
    """
    from extractor.progress import Progress
    from extractor.sinks import open_sink

    started = time.perf_counter()
    summary = Summary()
    given: list[PathLike] = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    _refuse_output_among_inputs(given, output)
    with open_sink(output, table=table, overwrite=overwrite) as sink:
        todo: list[Path] = []
        for path in iter_paths(given, pattern=pattern):
            if _is_output(path, output):
                continue
            summary.files += 1
            before = sink.previous(file_key(path))
            if (
                not force
                and before is not None
                and before.hash is not None
                and before.hash == file_hash(path)
            ):
                summary.skipped += 1
                summary.earlier_errors += len(before.errors)
                continue
            todo.append(path)
        lock = threading.Lock()

        def commit() -> None:
            with lock:
                sink.commit()

        with Progress(len(todo), skipped=summary.skipped, enabled=not quiet) as progress:
            for result in run(extractor, todo, jobs=jobs, timeout=timeout, ordered=False, on_idle=commit):
                with lock:
                    sink.add(file_key(todo[result.index]), result)
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
