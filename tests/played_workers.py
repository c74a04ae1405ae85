"""Worker processes played by threads over scripted pipes, for tests of `workers.run` that choose the
order in which the parent and its workers hear each other (races that real timing shows once in a while).

Each played worker runs the real worker loop (`workers._serve`) in a thread, with a `StubExtractor`
whose documents can be held at a gate (the worker stops inside their analysis). A worker's messages
reach the parent at once; what the parent sends stays in the pipe until a wait lets it through, in the
order sent. At each of the parent's waits the clock moves one second, the script runs (it opens gates and
says which messages stay in the pipe), the pipes deliver, and the wait returns once every worker has
stopped: at a closed gate, on an empty pipe, or at its end. Nothing here sleeps or reads the clock.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Any

import pytest
from stub import StubExtractor

from extractor import loader, workers
from extractor.models import Document

#: Seconds to wait for played workers to stop: only a broken harness ever waits this long.
_STUCK = 60.0


class _Killed(BaseException):
    """Ends a played worker's thread wherever it is (its process was killed)."""


class Stage:
    """The clock, the gates and the pipes that the parent and its played workers share."""

    def __init__(self, script: Callable[[Stage], None]) -> None:
        self.lock = threading.Condition()
        self.script = script
        self.now = 0.0
        self.waits = 0
        self.closed: set[str] = set()  # documents holding one of these words wait at their gate
        self.begun: list[str] = []  # each document's text as its analysis began, in order
        self.held: Callable[[Any], bool] = lambda message: False  # stays in the pipe, with what follows
        self.played: list[PlayedWorker] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Make `workers.run` start played workers, wait on this stage, and read its clock."""
        monkeypatch.setattr(workers._Pool, "start", lambda pool: self._start(pool))
        monkeypatch.setattr(workers, "_start", lambda *args: GatedExtractor(self))
        monkeypatch.setattr(workers, "wait", self.wait)
        monkeypatch.setattr(workers, "time", SimpleNamespace(monotonic=lambda: self.now))

    def begun_with(self, word: str) -> int:
        """How many times a document holding `word` began."""
        return sum(word in text for text in self.begun)

    def sent(self, kind: str) -> bool:
        """Whether the parent has sent a message of this kind to any worker."""
        return any(
            isinstance(message, tuple) and message[0] == kind
            for played in self.played
            for message in played.log
        )

    def _start(self, pool: workers._Pool) -> workers._Worker:
        """`_Pool.start`: a played worker in the pool."""
        played = PlayedWorker(self, pool.args)
        worker = workers._Worker(played, played.parent_end)  # type: ignore[arg-type]
        pool.workers.append(worker)
        return worker

    def wait(self, objects: Iterable[Any], timeout: float | None = None) -> list[Any]:
        """The parent's wait: a second passes, the script acts, the pipes deliver, the workers run."""
        waited = set(objects)
        with self.lock:
            self.waits += 1
            self.now += 1.0
            self.script(self)
            for played in self.played:
                played.deliver(everything=False)
        self.settle()
        with self.lock:
            return [
                end
                for played in self.played
                for end, news in ((played.parent_end, played.outbox), (played, played.finished))
                if end in waited and news
            ]

    def settle(self) -> None:
        """Wait until every played worker has stopped where only the script or the parent can move it."""
        with self.lock:
            self.lock.notify_all()
            if not self.lock.wait_for(lambda: all(played.stopped() for played in self.played), _STUCK):
                raise AssertionError("a played worker neither stopped nor ended")

    def gate(self, text: str) -> None:
        """In a worker: note the document begun, and wait while one of its words is closed."""
        with self.lock:
            self.begun.append(text)
            _here.played.block_until(lambda: not any(word in text for word in self.closed))


class GatedExtractor(StubExtractor):
    """The stub's documents, each begun at the stage's gate."""

    def __init__(self, stage: Stage) -> None:
        super().__init__()
        self.stage = stage

    def extract_loaded(self, loaded: loader.LoadedText, *, record: int | None = None) -> Document:
        self.stage.gate(loaded.text)
        return super().extract_loaded(loaded, record=record)


_here = threading.local()  # in a played worker's thread: `played`, that worker


class PlayedWorker:
    """One worker as both its process (for the parent) and its thread running `workers._serve`."""

    def __init__(self, stage: Stage, args: tuple[Any, ...]) -> None:
        self.stage = stage
        self.inbox: deque[Any] = deque()  # delivered to the worker, not yet read
        self.in_pipe: deque[Any] = deque()  # sent by the parent, not yet delivered
        self.log: list[Any] = []  # everything the parent sent, in order
        self.outbox: deque[Any] = deque()  # sent by the worker, not yet read by the parent
        self.waiting_for: Callable[[], bool] | None = None
        self.finished = False
        self.killed = False
        self.parent_end = _ParentEnd(self)
        self.sentinel = self
        stage.played.append(self)
        self.thread = threading.Thread(target=self._live, args=(args,), daemon=True)
        self.thread.start()

    def _live(self, args: tuple[Any, ...]) -> None:
        _here.played = self
        try:
            workers._serve(_WorkerEnd(self), *args)  # type: ignore[arg-type]
        except _Killed:
            pass
        finally:
            with self.stage.lock:
                self.finished = True
                self.stage.lock.notify_all()

    def block_until(self, ready: Callable[[], bool]) -> None:
        """In the worker's thread, with the stage's lock held: wait for `ready` (or the kill)."""
        while not ready():
            if self.killed:
                raise _Killed
            self.waiting_for = ready
            self.stage.lock.notify_all()
            self.stage.lock.wait()
        self.waiting_for = None

    def stopped(self) -> bool:
        """Ended, or waiting for what the script or the parent has not yet given."""
        return self.finished or (self.waiting_for is not None and not self.waiting_for() and not self.killed)

    def deliver(self, *, everything: bool) -> None:
        """Pass on what the parent sent, in order, up to the first message the script holds."""
        while self.in_pipe and (everything or not self.stage.held(self.in_pipe[0])):
            self.inbox.append(self.in_pipe.popleft())
        self.stage.lock.notify_all()

    # the process, as the parent sees it
    def is_alive(self) -> bool:
        with self.stage.lock:
            return not self.finished

    def join(self, timeout: float | None = None) -> None:
        with self.stage.lock:
            self.deliver(everything=True)
        self.stage.settle()

    def kill(self) -> None:
        with self.stage.lock:
            self.killed = True
            self.stage.lock.notify_all()
        self.thread.join(_STUCK)


class _ParentEnd:
    """The parent's end of a played worker's pipe."""

    def __init__(self, played: PlayedWorker) -> None:
        self.played = played

    def send(self, message: Any) -> None:
        with self.played.stage.lock:
            self.played.in_pipe.append(message)
            self.played.log.append(message)

    def poll(self) -> bool:
        with self.played.stage.lock:
            return bool(self.played.outbox)

    def recv(self) -> Any:
        with self.played.stage.lock:
            if not self.played.outbox:
                raise EOFError
            return self.played.outbox.popleft()

    def close(self) -> None:
        return None


class _WorkerEnd:
    """The worker's end of its pipe."""

    def __init__(self, played: PlayedWorker) -> None:
        self.played = played

    def send(self, message: Any) -> None:
        with self.played.stage.lock:
            self.played.outbox.append(message)

    def poll(self) -> bool:
        with self.played.stage.lock:
            return bool(self.played.inbox)

    def recv(self) -> Any:
        with self.played.stage.lock:
            self.played.block_until(lambda: bool(self.played.inbox))
            return self.played.inbox.popleft()
