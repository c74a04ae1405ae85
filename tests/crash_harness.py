"""Crash points of `korex extract`: end the process at each step that changes an output, then finish.

    python tests/crash_harness.py WORKDIR [--part K/N] [--per-scenario M]

A scenario is an output format (JSON Lines, CSV, Parquet, DuckDB), a number of jobs (1, 2) and a
phase: `first` crashes the first run into an empty output, `second` a run after the inputs changed
(files edited, one emptied, one added, a bad JSON line mended) over an output holding the first ones.
A counting run lists the scenario's steps: every `extractor.durable` write, append, fsync, rename,
unlink and truncate, and every DuckDB statement. A deterministic sample of them become crash points:
at each, a run ends with `os._exit` just before that step (or, for a write or an append, after
writing only part of it: a torn file), then, for every third point, the next run ends again early in
its recovery, and a last run goes to the end. That run must succeed without a traceback, and every
table must equal a clean run's over the same files: each document and each error row exactly once.

Runs are forked from this process (the stub extractor needs no pipeline, so a run takes milliseconds;
two jobs start two worker processes). Commits happen after every file, so the journal holds many
chunks. fsync is counted but not done: it matters for power cuts, not for a killed process, whose
writes the kernel keeps. Prints one JSON report on stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMATS = ("jsonl", "csv", "parquet", "duckdb")
CRASHED = 77  # the exit status of a run ended at its crash point

# Written for these tests in the style of ministry press releases; people and meetings are invented.
RELEASE = "{name} 외교부 장관은 {day}일 서울에서 {country} 외교장관과 회담을 갖고 양국 관계를 논의하였다.\n"


def write_inputs(folder: Path, version: int) -> None:
    """The inputs of a scenario: version 1, or version 2 (after edits)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = ["김민수", "이서연", "박지훈", "최유진", "정하늘"]
    for i, name in enumerate(names):
        day = i + 1 if not (version == 2 and i == 1) else 28
        text = RELEASE.format(name=name, day=day, country="일본")
        if version == 2 and i == 3:
            text = ""  # emptied: now an error row
        (folder / f"r{i}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    good = [
        json.dumps({"id": f"f{i}", "text": RELEASE.format(name="한", day=i, country="호주")}) for i in (1, 2)
    ]
    middle = (
        "{not json"
        if version == 1
        else json.dumps({"id": "f9", "text": RELEASE.format(name="윤", day=9, country="캐나다")})
    )
    (folder / "feed.jsonl").write_text(f"{good[0]}\n{middle}\n{good[1]}\n", encoding="utf-8")
    records = [
        {"id": "l1", "text": RELEASE.format(name="오", day=3, country="독일")},
        {"id": "l2", "title": "본문 없음"},
    ]
    (folder / "list.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    if version == 2:
        (folder / "r9.txt").write_text(RELEASE.format(name="강", day=19, country="인도"), encoding="utf-8")


# --------------------------------------------------------------------------- one run, in a forked child


class Steps:
    """Counts the steps of a run and ends it at one of them (`at`, 1-based), torn or not."""

    def __init__(self, at: int | None, torn: bool, log: Path | None) -> None:
        self.at, self.torn, self.log = at, torn, log
        self.count = 0
        self.kinds: list[str] = []

    def step(self, kind: str, tear: Callable[[], None] | None = None) -> None:
        self.count += 1
        self.kinds.append(kind)
        if self.count == self.at:
            if self.torn and tear is not None:
                tear()
            os._exit(CRASHED)

    def install(self) -> None:
        """Wrap every durable step, and DuckDB's statements."""
        import duckdb

        from extractor import durable, sinks

        sinks.COMMIT_SECONDS = 0.0  # a chunk per file
        real = {name: getattr(durable, name) for name in ("write", "append", "replace", "unlink", "truncate")}

        def write(path: Path, fill: Callable[[Any], None]) -> int:
            def tear() -> None:
                import io

                buffer = io.BytesIO()
                fill(buffer)
                data = buffer.getvalue()
                path.write_bytes(data[: len(data) // 2])

            self.step("write", tear)
            return real["write"](path, fill)

        def append(path: Path, data: bytes) -> None:
            def tear() -> None:
                with path.open("ab") as handle:
                    handle.write(data[: len(data) // 2])

            self.step("append", tear)
            real["append"](path, data)

        def plain(name: str) -> Callable[..., Any]:
            def run(*args: Any) -> Any:
                self.step(name)
                return real[name](*args)

            return run

        durable.write = write
        durable.append = append
        for name in ("replace", "unlink", "truncate"):
            setattr(durable, name, plain(name))
        durable.fsync = lambda fd: self.step("fsync")
        real_connect = duckdb.connect
        steps = self

        class Connection:
            def __init__(self, con: Any) -> None:
                self.con = con

            def execute(self, *args: Any) -> Any:
                steps.step("sql")
                return self.con.execute(*args)

            def __getattr__(self, name: str) -> Any:
                return getattr(self.con, name)

        duckdb.connect = lambda *a, **k: Connection(real_connect(*a, **k))

    def save(self) -> None:
        if self.log is not None:
            self.log.write_text(json.dumps(self.kinds), encoding="utf-8")


def korex_run(folder: Path, out: Path, jobs: int, steps: Steps | None, err: Path) -> int:
    """One `korex extract` run in a forked child; its exit status."""
    pid = os.fork()
    if pid == 0:
        status = 70
        try:
            fd = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
            os.dup2(fd, 2)
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            from stub import StubExtractor

            import extractor
            from extractor import cli

            extractor.Extractor = StubExtractor  # what the command builds
            if steps is not None:
                steps.install()
            status = cli.main(["extract", str(folder), "-o", str(out), "-j", str(jobs), "--quiet"])
            if steps is not None:
                steps.save()
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            sys.stderr.flush()
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def digest(out: Path, into: Path) -> None:
    """Every table of `out`, each as its sorted rows, written as JSON (read in a forked child, so that
    this process never starts DuckDB's or Arrow's threads before it forks again)."""
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            import pandas as pd

            from extractor import frames

            tables = frames.read(out)
            found = {}
            for table in frames.TABLES:
                data = tables[table][frames.columns(table)].astype(object)
                rows = [[None if pd.isna(v) else v for v in row] for row in data.itertuples(index=False)]
                found[table] = sorted(json.dumps(row, ensure_ascii=False, default=str) for row in rows)
            into.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
            status = 0
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"cannot read {out} back")


def leftovers(out: Path) -> list[str]:
    """Temporary files, chunks or a journal left in a file output's state after a finished run."""
    from extractor.sinks import state_folder

    if out.suffix == ".duckdb":
        return []
    state = state_folder(out)
    found = [
        p.name for p in state.iterdir() if p.name.startswith(("chunk-", "journal", ".")) or "next" in p.name
    ]
    found += [p.name for p in (out.glob(".*.tmp") if out.is_dir() else out.parent.glob(f".{out.name}.tmp"))]
    return sorted(found)


# --------------------------------------------------------------------------- scenarios and points


def output_path(root: Path, fmt: str, name: str) -> Path:
    return root / name / f"out.{fmt}"


def remove_output(out: Path) -> None:
    from extractor.sinks import state_folder

    if out.is_dir():
        shutil.rmtree(out)
    else:
        for path in (out, out.with_name(out.name + ".wal"), state_folder(out)):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)


def copy_output(source: Path, target: Path) -> None:
    from extractor.sinks import state_folder

    remove_output(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target)
        return
    shutil.copy2(source, target)
    if state_folder(source).exists():
        shutil.copytree(state_folder(source), state_folder(target))


def sample(count: int, kinds: list[str], wanted: int) -> list[tuple[int, bool]]:
    """`wanted` crash points of `count` steps, spread evenly (with the first and last), deterministic;
    at a write or an append the run ends halfway through it (a crash just before one is a crash just
    after the step before, which other points cover)."""
    if count == 0:
        return []
    picks = sorted({1, count, *(1 + round(i * (count - 1) / max(1, wanted - 1)) for i in range(wanted))})
    return [(step, kinds[step - 1] in ("write", "append")) for step in picks]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--part", default="1/1", help="K/N: run the K-th of N interleaved shares of points")
    parser.add_argument("--per-scenario", type=int, default=10, help="crash points per scenario with 1 job")
    args = parser.parse_args()
    part, parts = (int(x) for x in args.part.split("/"))
    started = time.monotonic()
    # Imported once here, before any fork, so that each run starts in milliseconds.
    import duckdb  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    import extractor  # noqa: F401
    from extractor import cli, frames, sinks  # noqa: F401

    root = args.workdir
    inputs = {"first": root / "inputs-first", "second": root / "inputs-second"}
    write_inputs(inputs["first"], 1)
    write_inputs(inputs["second"], 1)
    err = root / "stderr.log"
    failures: list[dict[str, Any]] = []
    bases: dict[str, Path] = {}  # an output of the second phase's inputs before they change, per format
    for fmt in FORMATS:
        bases[fmt] = output_path(root, fmt, "base")
        korex_run(inputs["second"], bases[fmt], 1, None, err)
    write_inputs(inputs["second"], 2)
    references: dict[tuple[str, str], str] = {}
    for phase, folder in inputs.items():
        for fmt in FORMATS:
            out = output_path(root, fmt, f"reference-{phase}")
            korex_run(folder, out, 1, None, err)
            digest(out, root / "digest.json")
            references[phase, fmt] = (root / "digest.json").read_text(encoding="utf-8")

    # The steps of a run do not depend on its jobs (the output commits after each file either way):
    # they are counted with one job.
    counts: dict[str, int] = {}
    plan: list[tuple[str, int, str, int, bool]] = []
    for fmt in FORMATS:
        for phase in inputs:
            out = output_path(root, fmt, "count")
            remove_output(out)
            if phase == "second":
                copy_output(bases[fmt], out)
            log = root / "steps.json"
            korex_run(inputs[phase], out, 1, Steps(None, False, log), err)
            kinds = json.loads(log.read_text(encoding="utf-8"))
            counts[f"{fmt}/{phase}"] = len(kinds)
            for jobs in (1, 2):
                wanted = args.per_scenario if jobs == 1 else max(2, args.per_scenario // 3)
                for step, torn in sample(len(kinds), kinds, wanted):
                    plan.append((fmt, jobs, phase, step, torn))

    mine = [point for n, point in enumerate(plan) if n % parts == part - 1]
    for n, (fmt, jobs, phase, step, torn) in enumerate(mine):
        name = f"{fmt}/{jobs}/{phase}/{step}{'t' if torn else ''}"
        out = output_path(root, fmt, "point")
        remove_output(out)
        if phase == "second":
            copy_output(bases[fmt], out)
        err.write_text("", encoding="utf-8")
        crashed = korex_run(inputs[phase], out, jobs, Steps(step, torn, None), err)
        statuses = [crashed]
        if n % 3 == 0:  # a second crash, early in the recovery of the first
            statuses.append(korex_run(inputs[phase], out, jobs, Steps(1 + n % 5, False, None), err))
        final = korex_run(inputs[phase], out, jobs, None, err)
        log = err.read_text(encoding="utf-8", errors="replace")
        problem = None
        if crashed != CRASHED:
            problem = f"the run did not reach its crash point (exit {crashed})"
        elif final not in (0, 1) or "Traceback" in log:
            problem = f"the last run failed (exit {final}): {log[-2000:]}"
        else:
            digest(out, root / "digest.json")
            if (root / "digest.json").read_text(encoding="utf-8") != references[phase, fmt]:
                problem = "the tables differ from a clean run's"
            elif leftovers(out):
                problem = f"left behind: {leftovers(out)}"
        if problem is not None:
            failures.append({"point": name, "statuses": [*statuses, final], "problem": problem})
    report = {
        "points": len(mine),
        "planned": len(plan),
        "one_job": sum(1 for point in mine if point[1] == 1),
        "torn": sum(1 for point in mine if point[4]),
        "second_crash": len(range(0, len(mine), 3)),
        "scenarios": counts,
        "failures": failures,
        "seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
