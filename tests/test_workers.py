"""How the parent of worker processes judges a worker busy: slow (its queued files go to others) or over
the time budget (it is replaced). Clock readings are given, not waited for."""

from __future__ import annotations

import time
from typing import Any

from extractor import workers


def worker(
    *, ready: bool = True, files: int = 1, since: float = 100.0, taking_back: bool = False
) -> workers._Worker:
    """A worker as the parent sees it (no process behind it: only its bookkeeping is read)."""
    found = workers._Worker(process=None, conn=None, ready=ready, since=since, taking_back=taking_back)  # type: ignore[arg-type]
    found.tasks.extend(workers._Task(seq, f"r{seq:02d}.txt") for seq in range(files))
    return found


def pool(timeout: float | None, *members: workers._Worker) -> workers._Pool:
    """A pool of the given workers (none started) with a time budget."""
    found: Any = workers._Pool.__new__(workers._Pool)
    found.timeout = timeout
    found.workers = list(members)
    return found


def test_a_worker_is_busy_only_when_started_and_on_a_file() -> None:
    assert worker().busy_for(112.5) == 12.5
    assert worker(ready=False).busy_for(112.5) is None  # still building its pipeline
    assert worker(files=0).busy_for(112.5) is None  # idle, whatever its last word
    # no file, but it may be on one taken back after it began, until it answers the take-back
    assert worker(files=0, taking_back=True).busy_for(112.5) == 12.5


def test_a_worker_gets_more_files_only_when_not_long_on_one_and_no_take_back_is_unanswered() -> None:
    assert worker(files=workers._AHEAD).has_room(101.0)
    assert not worker(files=workers._AHEAD + 1).has_room(101.0)
    assert not worker(files=0, taking_back=True).has_room(101.0)
    assert not worker().has_room(100.0 + workers._STEAL_SECONDS + 1)


def test_slow_is_past_the_steal_time_on_one_document() -> None:
    steal = workers._STEAL_SECONDS
    assert not worker().slow(100.0 + steal)
    assert worker().slow(100.0 + steal + 0.5)
    assert not worker(files=0).slow(100.0 + steal + 60)
    assert not worker(ready=False).slow(100.0 + steal + 60)


def test_overdue_workers_are_those_past_the_budget() -> None:
    now = time.monotonic()
    late = worker(since=now - 1000)
    fresh = worker(since=now + 1000)  # its last word is later than any reading taken here
    idle = worker(files=0, since=now - 1000)
    starting = worker(ready=False, since=now - 1000)
    assert pool(30.0, late, fresh, idle, starting).overdue() == [late]
    assert pool(None, late).overdue() == []  # no budget, no time-out


def test_the_wait_ends_at_the_nearest_deadline() -> None:
    now = time.monotonic()
    idle_wait = workers.IDLE_SECONDS / 2
    assert pool(None, worker(since=now)).wait_seconds() == idle_wait
    assert pool(30.0, worker(files=0, since=now - 1000)).wait_seconds() == idle_wait
    assert pool(30.0, worker(since=now - 1000)).wait_seconds() == 0.01  # overdue: look at once
    assert pool(3600.0, worker(since=now)).wait_seconds() == idle_wait
