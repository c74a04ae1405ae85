"""Files taken back from a slow worker: whatever order the worker and the parent hear each other in, each
file is put together from one whole run, never from pieces of two. The orders are scripted with played
workers (`played_workers.py`); no test here waits on the clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from played_workers import Stage
from stub import StubExtractor

from extractor import batch, workers

# Written for these tests in the style of ministry press releases; people and meetings are invented.
RELEASE = "{mark} {name} 외교부 장관은 {day}일 서울에서 일본 외교장관과 회담을 갖고 협력 방안을 논의하였다.\n"


def write_files(folder: Path) -> list[Path]:
    """Four files: one document (held at `표지A`), two records (`표지B0`, `표지B1`), then two more."""
    folder.mkdir()
    first = folder / "r0.txt"
    first.write_text(RELEASE.format(mark="표지A", name="김도윤", day=3), encoding="utf-8")
    pair = folder / "r1.jsonl"
    lines = [
        json.dumps({"id": f"b{i}", "text": RELEASE.format(mark=f"표지B{i}", name="박서준", day=10 + i)})
        for i in (0, 1)
    ]
    pair.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rest = [folder / "r2.txt", folder / "r3.txt"]
    for day, path in enumerate(rest, start=20):
        path.write_text(RELEASE.format(mark="표지C", name="이하은", day=day), encoding="utf-8")
    return [first, pair, *rest]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The four files, written once for all the runs here."""
    return write_files(tmp_path_factory.mktemp("take-back") / "in")


def summary(result: batch.FileResult) -> tuple[Any, ...]:
    """What a file's result says, to compare runs."""
    return result.path, result.hash, result.chars, [item.model_dump_json() for item in result.items]


def serial(paths: list[Path]) -> list[tuple[Any, ...]]:
    """Each file analysed in this process, start to end: what a run must give."""
    return [summary(batch.extract_path(StubExtractor(), path)) for path in paths]


def is_take_back(message: Any) -> bool:
    """Whether the parent's message takes files back."""
    return isinstance(message, tuple) and message[0] == "take-back"


class BegunBeforeTakeBack:
    """The worker, slow on `표지A`, has its queued files taken back; it ends `표지A` and begins the next
    file before the take-back reaches it, and is still on that file (at `표지B1`) when the parent, with
    no other worker, may send it the same file again. The file's second record goes on a wait later."""

    def __init__(self) -> None:
        self.reached = False

    def __call__(self, stage: Stage) -> None:
        if stage.sent("take-back"):
            stage.closed.discard("표지A")
        began = stage.begun_with("표지B1") > 0
        if self.reached:
            stage.closed.discard("표지B1")
        self.reached = began
        stage.held = lambda message: is_take_back(message) and not began


def test_a_file_begun_before_its_take_back_arrived_is_done_whole_once(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    stage = Stage(BegunBeforeTakeBack())
    stage.closed = {"표지A", "표지B1"}
    stage.install(monkeypatch)
    results = list(workers.run(StubExtractor(), files, jobs=1, timeout=None))
    assert stage.sent("take-back")
    assert stage.begun_with("표지B1") == 2  # begun, taken back while on it, then done again
    assert [summary(result) for result in results] == serial(files)
    assert [result.index for result in results] == [0, 1, 2, 3]


class TakeBackInTime:
    """The take-back reaches the worker before it ends `표지A`: the files it names are never begun there."""

    def __call__(self, stage: Stage) -> None:
        if stage.sent("take-back"):
            stage.closed.discard("표지A")


def test_files_taken_back_in_time_are_begun_once(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    stage = Stage(TakeBackInTime())
    stage.closed = {"표지A"}
    stage.install(monkeypatch)
    results = list(workers.run(StubExtractor(), files, jobs=1, timeout=None))
    assert stage.sent("take-back")
    assert [stage.begun_with(mark) for mark in ("표지A", "표지B0", "표지B1", "표지C")] == [1, 1, 1, 2]
    assert [summary(result) for result in results] == serial(files)


def test_a_file_taken_back_while_begun_is_done_by_another_worker(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    stage = Stage(BegunBeforeTakeBack())
    stage.closed = {"표지A", "표지B1"}
    stage.install(monkeypatch)
    results = list(workers.run(StubExtractor(), files, jobs=2, timeout=None, ordered=False))
    by_path = sorted(summary(result) for result in results)
    assert by_path == sorted(serial(files))


class StaleOverBudget:
    """As in BegunBeforeTakeBack, but `표지B1` never ends: the time budget ends each worker on it."""

    def __call__(self, stage: Stage) -> None:
        if stage.sent("take-back"):
            stage.closed.discard("표지A")
        began = stage.begun_with("표지B1") > 0
        stage.held = lambda message: is_take_back(message) and not began


def test_a_taken_back_file_over_budget_gets_its_row_once(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    stage = Stage(StaleOverBudget())
    stage.closed = {"표지A", "표지B1"}
    stage.install(monkeypatch)
    results = list(workers.run(StubExtractor(), files, jobs=1, timeout=10.0))
    expected = serial(files)
    assert [summary(result) for result in results if result.index != 1] == [expected[0], *expected[2:]]
    pair = results[1]
    assert pair.hash == expected[1][1]
    assert [item.model_dump_json() for item in pair.items[:1]] == expected[1][3][:1]
    assert [(row.reason, row.record) for row in pair.items[1:]] == [("timeout", 1)]
    assert stage.begun_with("표지B1") == 2  # by the worker it was taken back from, then by its replacement


MARKS = ("표지A", "표지B0", "표지B1", "표지C")


class Planned:
    """Stretches of waits, each with the documents held at their gate and whether the parent's news stays
    in the pipes, as drawn; after the plan, nothing is held."""

    def __init__(self, plan: list[tuple[frozenset[str], bool, int]]) -> None:
        self.waits = [(closed, hold) for closed, hold, waits in plan for _ in range(waits)]

    def __call__(self, stage: Stage) -> None:
        closed, hold = self.waits[stage.waits - 1] if stage.waits <= len(self.waits) else (frozenset(), False)
        stage.closed = set(closed)
        stage.held = lambda message: hold


STRETCH = st.tuples(st.frozensets(st.sampled_from(MARKS)), st.booleans(), st.integers(1, 4))


@settings(max_examples=100, deadline=None)
@given(plan=st.lists(STRETCH, max_size=8), jobs=st.sampled_from([1, 2]))
def test_any_order_of_news_gives_each_file_whole_once(
    files: list[Path], plan: list[tuple[frozenset[str], bool, int]], jobs: int
) -> None:
    """Whatever the documents' pace and the pipes' delays, every file as if analysed alone."""
    stage = Stage(Planned(plan))
    with pytest.MonkeyPatch.context() as monkeypatch:
        stage.install(monkeypatch)
        results = list(workers.run(StubExtractor(), files, jobs=jobs, timeout=None, ordered=False))
    assert sorted(summary(result) for result in results) == sorted(serial(files))
