"""Worker processes for batch runs: each analyses one file at a time and reports every document as it
ends; a worker that dies, or spends longer than the time budget on one document, is replaced.

Each worker builds its own Extractor once, at start-up (Kiwi cannot be shared between processes, and
a customised one cannot be pickled). Only file paths go to a worker and only finished records come
back, as JSON: a third of the pickled models' size, and a quarter of the time to write and read back
(the parent shares the cores with its workers). Processes rather than Kiwi's own threads, because a
third of the time per document is spent in Python (the spaCy components and the records), which
threads cannot run in parallel: two processes give about 1.9x, Kiwi's threads feeding one process
about 1.6x (`benchmarks/RESULTS.md`).

The parent gives each worker a few files at a time over its own pipe and hears of every step, so it
always knows which document each worker is on: when a worker dies (a crash in native code, the
out-of-memory killer) or overruns the budget (then the parent kills it), that document alone becomes a
`worker_crashed` or `timeout` row, a new worker takes the worker's other files, and the file goes on
from its next record. A worker that spends more than two seconds on one document hands the files
queued behind it back, to the other workers: no file waits for a slow one. Each file sent is numbered,
and the worker says the number with each piece of news: if it began one of those files before the
take-back reached it, that run's news match nothing and count for nothing (the file is done again, whole,
where it went), and it gets no new file until it answers the take-back. Results come out as files
finish (or in path order when `ordered`).
"""

from __future__ import annotations

import ast
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.batch import (
    IDLE_SECONDS,
    Assembly,
    Event,
    FileResult,
    Item,
    Read,
    Records,
    internal_error,
    iter_file,
    timeout_message,
)
from extractor.errors import KorexError
from extractor.loader import MAX_BYTES
from extractor.models import Document, FileError

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from extractor import Extractor

#: Files sent to a worker ahead of the one it is on: enough to keep it busy, few enough that a
#: replaced worker hands back little.
_AHEAD = 3
#: In path order, files may run this many times the in-flight width ahead of the first unfinished one.
_WINDOW = 8
#: After this many seconds on one document, a worker's queued files are given to the other workers.
_STEAL_SECONDS = 2.0


class WorkerStartError(KorexError):
    """A worker process could not build its pipeline (the same error would hit every document)."""

    reason = "worker_start"


# --------------------------------------------------------------------------- the main script


def unguarded_main() -> tuple[str, int] | None:
    """The main script's file and line where it asks for worker processes outside `if __name__ ==
    "__main__":`, or None (no such script, or the call is guarded).

    A worker process starts by running the main script again (multiprocessing's `spawn`, as on
    Windows and macOS): what its top level does, each worker would do again, down to starting
    workers of its own, which multiprocessing refuses. Scripts that `spawn` does not run again (a
    package's `__main__.py`, `python -c`, a notebook) never count as unguarded.
    """
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    name = getattr(getattr(main, "__spec__", None), "name", None)
    if main is None or not script or (name is not None and name.split(".")[-1] == "__main__"):
        return None
    frame = sys._getframe(1)
    while frame is not None and not (frame.f_globals is vars(main) and frame.f_code.co_name == "<module>"):
        frame = frame.f_back
    if frame is None:
        return None
    line = frame.f_lineno
    try:
        tree = ast.parse(Path(script).read_bytes(), script)
    except (OSError, SyntaxError, ValueError):
        return None
    guarded = (
        (node.body[0].lineno, node.body[-1].end_lineno or node.body[-1].lineno)
        for node in tree.body
        if isinstance(node, ast.If) and _is_main_test(node.test)
    )
    if any(first <= line <= last for first, last in guarded):
        return None
    return os.path.abspath(script), line


def _is_main_test(test: ast.expr) -> bool:
    """Whether an `if` test compares `__name__` with `"__main__"`."""
    for node in ast.walk(test):
        if isinstance(node, ast.Compare) and len(node.comparators) == 1:
            sides = [node.left, node.comparators[0]]
            names = any(isinstance(side, ast.Name) and side.id == "__name__" for side in sides)
            mains = any(isinstance(side, ast.Constant) and side.value == "__main__" for side in sides)
            if names and mains and isinstance(node.ops[0], ast.Eq):
                return True
    return False


def unguarded_message(script: str, jobs: int) -> str:
    """What korex says (one line) when an unguarded script asks for `jobs` worker processes."""
    return (
        f'{os.path.basename(script)} asks for {jobs} worker processes outside `if __name__ == "__main__":`,'
        " and each would run the script again; korex analyses in this process instead (one core). Put the"
        f" script's code under that `if` to use {jobs} cores."
    )


# --------------------------------------------------------------------------- in the worker


def _portable(extractor: Extractor) -> tuple[type, dict[str, Any]]:
    """The Extractor's class and settings without its built pipeline (which cannot cross processes)."""
    state = {name: value for name, value in vars(extractor).items() if name != "_nlp"}
    return type(extractor), state


def _start(cls: type, state: dict[str, Any], parent: int, kiwi_threads: int) -> Extractor:
    """Worker start-up: build the pipeline once (Kiwi with its share of the cores), leave Ctrl-C to the
    parent, exit if the parent dies."""
    from extractor import tokenizer  # here, not at the top: a parent of workers never loads spaCy

    tokenizer.set_threads(kiwi_threads)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="korex-watch-parent").start()
    worker = cls.__new__(cls)
    worker.__dict__.update(state)
    worker.__dict__["_nlp"] = None
    worker.extract("")  # builds Kiwi and the pipeline now rather than on the first file
    gc.freeze()  # what start-up built lives as long as the worker: spare the collector scanning it
    return worker


def _watch_parent(parent: int) -> None:
    """End this worker when its parent is gone (killed with SIGKILL, say): never leave orphans behind."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _pack(event: Event) -> tuple[Any, ...]:
    """An event for the pipe; a record as JSON (see the module docstring)."""
    if isinstance(event, Item):
        return ("item", isinstance(event.item, Document), event.item.model_dump_json().encode(), event.chars)
    if isinstance(event, Read):
        return ("read", event.hash)
    return ("records", event.count)


def _packed(event: Event, path: str) -> tuple[Any, ...]:
    """`_pack`, or the error row of a record that cannot be written as JSON (a bug, not bad input)."""
    try:
        return _pack(event)
    except ValueError as exc:
        return _pack(Item(internal_error(path, None, exc)))


def _serve(
    conn: Connection, cls: type, state: dict[str, Any], parent: int, kiwi_threads: int, max_bytes: int
) -> None:
    """A worker's life: start, then analyse each file sent, reporting every step, until told to stop."""
    try:
        worker = _start(cls, state, parent, kiwi_threads)
    except BaseException as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    queued: deque[tuple[int, str, int]] = deque()  # (dispatch, path, first record)

    def hear(message: tuple[Any, ...] | None) -> bool:
        """Take a message from the parent: a file, files taken back (answered: none of them is begun after
        this), or the end (False)."""
        if message is None:
            return False
        if message[0] == "take-back":
            gone = set(message[1])
            kept = [task for task in queued if task[0] not in gone]
            queued.clear()
            queued.extend(kept)
            conn.send(("took-back",))
        else:
            queued.append(message[1:])
        return True

    try:
        conn.send(("ready",))
        while True:
            while conn.poll():  # files taken back while it was busy are not begun
                if not hear(conn.recv()):
                    return
            if not queued:
                if not hear(conn.recv()):
                    return
                continue
            dispatch, path, first = queued.popleft()
            for event in iter_file(worker, path, first=first, max_bytes=max_bytes):
                conn.send((dispatch, *_packed(event, path)))
            conn.send((dispatch, "done"))
    except (EOFError, OSError):  # the parent is gone (it ended, or was killed): so is the work
        return


# --------------------------------------------------------------------------- in the parent


def _unpack(path: str, message: tuple[Any, ...]) -> Event:
    kind = message[0]
    if kind == "read":
        return Read(message[1])
    if kind == "records":
        return Records(message[1])
    _, is_document, data, chars = message
    try:
        model = Document if is_document else FileError
        return Item(model.model_validate_json(data), chars)
    except ValueError as exc:  # a record that does not survive the trip is a row, not a crash
        return Item(internal_error(path, None, exc))


@dataclass
class _Task:
    seq: int
    path: str
    first: int = 0
    dispatch: int = 0  # its number on the worker it was last sent to, which says it beside each piece of news
    heard: bool = False  # the worker said something about it
    retried: bool = False  # sent again after its worker died before saying anything


@dataclass
class _Worker:
    """One worker process, its pipe, and the files sent to it (the first is the one it is on)."""

    process: BaseProcess
    conn: Connection
    tasks: deque[_Task] = field(default_factory=deque)
    ready: bool = False
    since: float = 0.0  # when the document it is on started (its last word)
    dispatched: int = 0  # files sent to it so far: each file sent is numbered, never twice the same
    taking_back: bool = False  # files taken back, and it has not yet said it will begin none of them

    def send(self, task: _Task) -> None:
        if not self.tasks:
            self.since = time.monotonic()
        self.dispatched += 1
        task.dispatch = self.dispatched
        self.tasks.append(task)
        self.conn.send(("file", task.dispatch, task.path, task.first))

    def take_back(self) -> list[_Task]:
        """The files queued behind the one it is on, taken back. It may begin one before the take-back
        reaches it: until it answers, that file's news match no file sent and it gets no new file."""
        queued = list(self.tasks)[1:]
        if queued:
            self.conn.send(("take-back", [task.dispatch for task in queued]))
            self.tasks = deque([self.tasks[0]])
            self.taking_back = True
        return queued

    def on(self, dispatch: int) -> _Task | None:
        """The file sent as `dispatch` if it is the one it is on, or None (a file taken back after it
        had begun, which is done again, whole, by a worker that has it)."""
        return self.tasks[0] if self.tasks and self.tasks[0].dispatch == dispatch else None

    def has_room(self, now: float) -> bool:
        """Whether to send it another file: few queued, not long on one document, no take-back unanswered."""
        return len(self.tasks) <= _AHEAD and not self.taking_back and not self.slow(now)

    def busy_for(self, now: float) -> float | None:
        """Seconds it has been on the document it is on (since its last word), or None: not started, or
        no file to work on (neither sent nor, as far as it has said, taken back after it began)."""
        return now - self.since if self.ready and (self.tasks or self.taking_back) else None

    def busy_over(self, seconds: float, now: float) -> bool:
        """Whether it has been on one document for more than `seconds`."""
        busy = self.busy_for(now)
        return busy is not None and busy > seconds

    def slow(self, now: float) -> bool:
        """Whether it has been on one document for more than _STEAL_SECONDS."""
        return self.busy_over(_STEAL_SECONDS, now)

    def stop(self, *, kill: bool) -> None:
        if not kill and self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                kill = True
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class _Pool:
    """Worker processes and the files in flight on them."""

    def __init__(self, extractor: Extractor, jobs: int, timeout: float | None, max_bytes: int) -> None:
        cls, state = _portable(extractor)
        # spawn, not fork: the parent may hold a Kiwi whose threads a forked child would not have.
        self.context = multiprocessing.get_context("spawn")
        self.args = (cls, state, os.getpid(), max(1, (os.cpu_count() or 1) // jobs), max_bytes)
        self.jobs = jobs
        self.timeout = timeout
        self.workers: list[_Worker] = []

    def start(self) -> _Worker:
        ours, theirs = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_serve, args=(theirs, *self.args), daemon=True, name="korex-worker"
        )
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    def remove(self, worker: _Worker) -> list[_Task]:
        """Kill `worker` (it died or overran) and return its files; the next dispatch starts another."""
        worker.stop(kill=True)
        self.workers.remove(worker)
        return list(worker.tasks)

    def stuck(self) -> list[_Worker]:
        """Workers on one document for a while, with files queued behind it."""
        now = time.monotonic()
        return [w for w in self.workers if len(w.tasks) > 1 and w.slow(now)]

    def overdue(self) -> list[_Worker]:
        """Workers on one document for longer than the time budget."""
        if self.timeout is None:
            return []
        now = time.monotonic()
        return [w for w in self.workers if w.busy_over(self.timeout, now)]

    def wait_seconds(self) -> float:
        """How long to wait for news before a deadline or an idle commit is due."""
        wait_for = IDLE_SECONDS / 2
        if self.timeout is not None:
            now = time.monotonic()
            for busy in (worker.busy_for(now) for worker in self.workers):
                if busy is not None:
                    wait_for = min(wait_for, max(0.0, self.timeout - busy) + 0.01)
        return wait_for

    def close(self, *, kill: bool) -> None:
        for worker in self.workers:
            worker.stop(kill=kill)
        self.workers.clear()


def run(
    extractor: Extractor,
    paths: Iterable[Any],
    *,
    jobs: int,
    timeout: float | None,
    ordered: bool = True,
    on_idle: Callable[[], None] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[FileResult]:
    """One FileResult per path from `jobs` worker processes, as files finish (in path order if `ordered`);
    `on_idle` is called while no file has finished for a second; a file over `max_bytes` is a row."""
    pool = _Pool(extractor, jobs, timeout, max_bytes)
    source = enumerate(paths)
    again: deque[_Task] = deque()  # files handed back by a replaced worker, first in line
    assemblies: dict[int, Assembly] = {}
    finished: dict[int, FileResult] = {}
    next_out = 0  # in path order: the next result to give
    exhausted = False
    last_out = time.monotonic()
    clean = False

    def next_task() -> _Task | None:
        nonlocal exhausted
        if again:
            return again.popleft()
        if exhausted or (ordered and len(assemblies) + len(finished) >= jobs * (_AHEAD + 1) * _WINDOW):
            return None
        found = next(source, None)
        if found is None:
            exhausted = True
            return None
        seq, path = found
        assemblies[seq] = Assembly(path, seq)
        return _Task(seq, str(path))

    def lose(worker: _Worker, reason: str, message: str) -> None:
        tasks = pool.remove(worker)
        if not tasks:
            return
        running, rest = tasks[0], tasks[1:]
        again.extendleft(reversed(rest))
        if reason == "worker_crashed" and not running.heard and not running.retried:
            # It died before this file began (or at once): try the file once more before blaming it.
            again.appendleft(_Task(running.seq, running.path, running.first, retried=True))
            return
        assembly = assemblies[running.seq]
        first = assembly.fail(reason, message)
        if first is None:
            finished[running.seq] = assemblies.pop(running.seq).result
        else:
            again.appendleft(_Task(running.seq, running.path, first))

    def drain(worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                hear(worker, worker.conn.recv())
        except (EOFError, OSError):  # it died: what it sent before is heard
            pass

    def hear(worker: _Worker, message: tuple[Any, ...]) -> None:
        if message[0] == "failed":
            raise WorkerStartError(f"a worker process could not start: {message[1]}")
        worker.since = time.monotonic()
        if message[0] == "ready":
            worker.ready = True
            return
        if message[0] == "took-back":
            worker.taking_back = False
            return
        task = worker.on(message[0])
        if task is None:
            return
        task.heard = True
        if message[1] == "done":
            worker.tasks.popleft()
            finished[task.seq] = assemblies.pop(task.seq).result
            return
        assembly = assemblies[task.seq]
        assembly.take(_unpack(assembly.result.path, message[1:]))

    try:
        while True:
            now = time.monotonic()
            for worker in list(pool.workers):
                while worker.has_room(now) and (task := next_task()) is not None:
                    worker.send(task)
            while len(pool.workers) < jobs and (again or not exhausted):
                task = next_task()
                if task is None:
                    break
                pool.start().send(task)
            if not assemblies and not finished and not again and exhausted:
                clean = True
                return
            conns = {worker.conn: worker for worker in pool.workers}
            sentinels = {worker.process.sentinel: worker for worker in pool.workers}
            for ready in wait([*conns, *sentinels], timeout=pool.wait_seconds()):
                worker = conns.get(ready) or sentinels.get(ready)
                if worker is None or worker not in pool.workers:
                    continue
                drain(worker)
                if not worker.process.is_alive():
                    if not worker.ready:
                        raise WorkerStartError(
                            "a worker process died while starting (from a script: is its code under "
                            '`if __name__ == "__main__":`?)'
                        )
                    lose(worker, "worker_crashed", "the worker process analysing this file died")
            for worker in pool.overdue():
                drain(worker)  # news that came in after the wait may show it finished in time
                if worker in pool.overdue():
                    lose(worker, "timeout", timeout_message(timeout or 0))
            for worker in pool.stuck():
                again.extendleft(reversed(worker.take_back()))
            gave = False
            if ordered:
                while next_out in finished:
                    gave = True
                    yield finished.pop(next_out)
                    next_out += 1
            else:
                for seq in list(finished):
                    gave = True
                    yield finished.pop(seq)
            now = time.monotonic()
            if gave:
                last_out = now
            elif on_idle is not None and now - last_out >= IDLE_SECONDS:
                last_out = now
                on_idle()
    finally:
        pool.close(kill=not clean)
