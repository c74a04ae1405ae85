"""Batch runs: which files to read, one Document (or FileError row) per document in them, on N processes.

`extract_folder` yields results in a fixed order (the sorted file paths) whatever the number of
jobs. `jobs` is the number of cores a run uses: one job analyses one document at a time in this
process; with `jobs > 1` each of that many worker processes builds its own Extractor once, at
start-up (Kiwi cannot be shared between processes, and a customised one cannot be pickled), and
analyses one document at a time; only file paths go to the workers and only finished records come
back. Processes rather than Kiwi's own threads, because a third of the time per document is spent
in Python (the spaCy components and the records), which threads cannot run in parallel: two
processes give about 1.9x, Kiwi's threads feeding one process about 1.6x (`benchmarks/RESULTS.md`).

`extract_to` is the whole `korex extract` run: skip the files an output already holds unchanged,
extract the others, write them as they come, show progress, and sum up.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor import loader
from extractor.errors import KorexError
from extractor.models import Document, FileError

if TYPE_CHECKING:
    from extractor import Extractor

PathLike = str | os.PathLike[str]

#: File suffixes read from folders; a file named explicitly is read whatever its suffix.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"})

#: Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
_AHEAD = 3
#: A task for a worker: consecutive files up to this many bytes (or files), so that small files
#: do not each pay a round trip between processes.
_TASK_BYTES = 32_768
_TASK_FILES = 32


def iter_paths(paths: PathLike | Iterable[PathLike], *, pattern: str = "*") -> Iterator[Path]:
    """Files to read, in a stable order: named files as given, each folder's files sorted by path.

    In folders, only files whose name matches `pattern` and whose suffix is a document format
    are taken; hidden files and folders (`.git`, `.ipynb_checkpoints`) are skipped. A file reached
    twice is read once. A path that does not exist is still yielded, so the reader reports it as
    an error row instead of losing it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()

    def first_time(path: Path) -> bool:
        resolved = path.resolve()
        if resolved in seen:
            return False
        seen.add(resolved)
        return True

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            if first_time(path):
                yield path
            continue
        found: list[Path] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if name.startswith(".") or not fnmatch(name, pattern):
                    continue
                if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                    found.append(Path(root) / name)
        for file in sorted(found, key=lambda p: p.relative_to(path).parts):
            if first_time(file):
                yield file


def file_hash(path: PathLike) -> str | None:
    """SHA-256 of a file's bytes (what decides that a file is unchanged), or None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass
class FileResult:
    """What one input file gave: its Documents and FileError rows in order, and the characters analysed."""

    path: str
    items: list[Document | FileError] = field(default_factory=list)
    chars: int = 0

    @property
    def documents(self) -> list[Document]:
        """The Documents only."""
        return [item for item in self.items if isinstance(item, Document)]

    @property
    def errors(self) -> list[FileError]:
        """The FileError rows only."""
        return [item for item in self.items if isinstance(item, FileError)]


def extract_path(extractor: Extractor, path: PathLike) -> FileResult:
    """Read one file and analyse its documents one at a time; one FileResult, in the file's order.

    Whatever goes wrong becomes a FileError row, never an exception: a file that cannot be read gets
    its reason, a record that fails on a bug rather than on bad input gets `internal_error`, so one
    odd document never stops a run of thousands.
    """
    where = os.fspath(path)
    result = FileResult(where)
    try:
        loaded = loader.load_file(path)
    except KorexError as exc:
        result.items.append(FileError(path=where, reason=exc.reason, message=str(exc)))
        return result
    except Exception as exc:  # a loader bug must not stop the run
        result.items.append(_internal(where, None, exc))
        return result
    for number, item in enumerate(loaded):
        record = number if len(loaded) > 1 else None
        try:
            result.items.append(extractor.extract_loaded(item, record=record))
        except KorexError as exc:
            result.items.append(FileError(path=where, reason=exc.reason, message=str(exc), record=number))
        except Exception as exc:
            result.items.append(_internal(where, record, exc))
        else:
            result.chars += len(item.text)
    return result


def _internal(where: str, record: int | None, exc: Exception) -> FileError:
    at = where if record is None else f"{where} (record {record})"
    return FileError(
        path=where, reason="internal_error", message=f"{at}: {type(exc).__name__}: {exc}", record=record
    )


def run(extractor: Extractor, paths: Iterable[PathLike], *, jobs: int = 1) -> Iterator[FileResult]:
    """One FileResult per path, in the order given; `jobs > 1` spreads the files over worker processes."""
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        for path in paths:
            yield extract_path(extractor, path)
        return
    yield from _parallel(extractor, (Path(p) for p in paths), jobs)


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
) -> Iterator[Document | FileError]:
    """Documents of every file under `paths`, in sorted order; a file that cannot be read becomes a FileError.

    `jobs` is the number of cores: 1 analyses one document at a time in this process, `jobs > 1` in
    that many worker processes (each builds its pipeline once, which takes a few seconds); the order
    of the results does not depend on `jobs`. A script that uses
    `jobs > 1` must guard its top level with `if __name__ == "__main__":`, as for any multiprocessing.
    """
    for result in run(extractor, iter_paths(paths, pattern=pattern), jobs=jobs):
        yield from result.items


# --------------------------------------------------------------------------- worker processes

_worker: Extractor | None = None


def _portable(extractor: Extractor) -> tuple[type, dict[str, Any]]:
    """The Extractor's class and settings without its built pipeline (which cannot cross processes)."""
    state = {name: value for name, value in vars(extractor).items() if name != "_nlp"}
    return type(extractor), state


def _init_worker(cls: type, state: dict[str, Any], parent: int, kiwi_threads: int) -> None:
    """Worker start-up: build the pipeline once (Kiwi with its share of the cores), leave Ctrl-C to the
    parent, exit if the parent dies."""
    global _worker
    from extractor import tokenizer  # here, not at the top: a parent of workers never loads spaCy

    tokenizer.set_threads(kiwi_threads)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="korex-watch-parent").start()
    worker = cls.__new__(cls)
    worker.__dict__.update(state)
    worker.__dict__["_nlp"] = None
    worker.extract("")  # builds Kiwi and the pipeline now rather than on the first file
    gc.freeze()  # what start-up built lives as long as the worker: spare the collector scanning it
    _worker = worker


def _watch_parent(parent: int) -> None:
    """End this worker when its parent is gone (killed with SIGKILL, say): never leave orphans behind."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


#: A FileResult on its way back from a worker: its path, characters, and each item as JSON.
_Packed = tuple[str, int, list[tuple[bool, bytes]]]


def _work(paths: list[str]) -> list[_Packed]:
    assert _worker is not None, "worker not initialised"
    return [_pack(extract_path(_worker, path)) for path in paths]


def _pack(result: FileResult) -> _Packed:
    """A worker's result as JSON: a third of the pickled models' size, and a quarter of the time to
    write and read back (the parent shares the cores with its workers)."""
    items = [(isinstance(item, Document), item.model_dump_json().encode()) for item in result.items]
    return result.path, result.chars, items


def _unpack(packed: _Packed) -> FileResult:
    path, chars, items = packed
    result = FileResult(path, chars=chars)
    for is_document, data in items:
        try:
            model = Document if is_document else FileError
            result.items.append(model.model_validate_json(data))
        except ValueError as exc:  # a record that does not survive the trip is a row, not a crash
            result.items.append(_internal(path, None, exc))
    return result


def _batches(paths: Iterator[Path]) -> Iterator[list[Path]]:
    """Consecutive files grouped into tasks of about `_TASK_BYTES` (fewer round trips for small files)."""
    batch: list[Path] = []
    size = 0
    for path in paths:
        batch.append(path)
        with contextlib.suppress(OSError):  # a missing file: its task reports it
            size += path.stat().st_size
        if size >= _TASK_BYTES or len(batch) >= _TASK_FILES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _start_pool(extractor: Extractor, jobs: int) -> ProcessPoolExecutor:
    # spawn, not fork: the parent may hold a Kiwi whose threads a forked child would not have.
    cls, state = _portable(extractor)
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(cls, state, os.getpid(), max(1, (os.cpu_count() or 1) // jobs)),
    )


def _stop_pool(pool: ProcessPoolExecutor, *, kill: bool) -> None:
    if kill:
        # Workers ignore SIGINT and would finish their current file first: end them now.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.terminate()
    pool.shutdown(wait=not kill, cancel_futures=True)


def _parallel(extractor: Extractor, paths: Iterator[Path], jobs: int) -> Iterator[FileResult]:
    """Results in path order from `jobs` worker processes, a bounded number of tasks in flight.

    If a worker dies (a crash in native code, the out-of-memory killer), the files it may have held
    are run again one at a time; the file that kills a worker on its own becomes a FileError row.
    """
    again: deque[Path] = deque()  # files to run again, one per task, after a worker died
    batches = _batches(paths)
    inflight: deque[tuple[list[Path], Future[list[_Packed]]]] = deque()
    suspects: set[Path] = set()
    pool = _start_pool(extractor, jobs)
    finished = False
    try:
        while True:
            width = 1 if suspects else jobs * _AHEAD
            while len(inflight) < width:
                batch = [again.popleft()] if again else next(batches, None)
                if batch is None:
                    break
                inflight.append((batch, pool.submit(_work, [str(path) for path in batch])))
            if not inflight:
                finished = True
                return
            batch, future = inflight[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                crashed = [path for held, _ in inflight for path in held]
                inflight.clear()
                _stop_pool(pool, kill=True)
                pool = _start_pool(extractor, jobs)
                if len(crashed) == 1:
                    suspects.discard(crashed[0])
                    where = str(crashed[0])
                    message = f"{where}: the worker process analysing this file died"
                    yield FileResult(where, [FileError(path=where, reason="worker_crashed", message=message)])
                else:
                    suspects.update(crashed)
                    again.extendleft(reversed(crashed))
                continue
            inflight.popleft()
            suspects.difference_update(batch)
            yield from map(_unpack, results)
    finally:
        _stop_pool(pool, kill=not finished)


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
    """How outputs remember an input file: its absolute path, so a run from another folder still matches."""
    return str(Path(path).resolve())


def describe(error: FileError) -> str:
    """A FileError as one line for a person: the message, which names the file (prefixed if it does not)."""
    if error.message.startswith(error.path):
        return error.message
    return f"{error.path}: {error.message}"


def _is_output(path: Path, output: PathLike | None) -> bool:
    """Whether `path` is the output itself (or inside it): an output in the input folder is not input."""
    if output is None:
        return False
    target = Path(output).resolve()
    found = path.resolve()
    return found == target or target in found.parents


def extract_to(
    extractor: Extractor,
    paths: PathLike | Sequence[PathLike],
    output: PathLike | None,
    *,
    pattern: str = "*",
    jobs: int = 1,
    force: bool = False,
    table: str | None = None,
    quiet: bool = False,
    on_error: Callable[[FileError], None] | None = None,
) -> Summary:
    """Extract every file under `paths` into `output` (format by suffix; stdout JSON Lines when None).

    Files the output already holds with the same content (SHA-256) are skipped unless `force`; a run
    interrupted at any point and started again with the same arguments ends with every document in
    the output exactly once. Unless `quiet`, each FileError of this run is printed on stderr and a
    progress bar is shown there when it is a terminal. `on_error` is called with each FileError.
    """
    from extractor.progress import Progress
    from extractor.sinks import open_sink

    started = time.perf_counter()
    summary = Summary()
    with open_sink(output, table=table) as sink:
        todo: list[Path] = []
        hashes: dict[Path, str | None] = {}
        for path in iter_paths(paths, pattern=pattern):
            if _is_output(path, output):
                continue
            summary.files += 1
            digest = file_hash(path)
            before = sink.previous(file_key(path))
            if not force and digest is not None and before is not None and before.hash == digest:
                summary.skipped += 1
                summary.earlier_errors += len(before.errors)
                continue
            todo.append(path)
            hashes[path] = digest
        with Progress(len(todo), skipped=summary.skipped, enabled=not quiet) as progress:
            for result in run(extractor, todo, jobs=jobs):
                path = Path(result.path)
                sink.add(file_key(path), hashes.get(path), result)
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
