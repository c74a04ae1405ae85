"""Batch runs: bad files become error rows, jobs keep the order, outputs resume after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from outputs import output_tables

import extractor
from extractor import batch, durable, frames, sinks
from extractor.cli import main
from extractor.models import Document, FileError

ROOT = Path(__file__).resolve().parent.parent

# Written for these tests in the style of ministry press releases; people and meetings are invented.
DIALOGUE = (
    "2025.02.03 외교부\n\n"
    "정민호 외교부 제1차관은 2.3.(월) 서울에서 응우옌 반 탄 베트남 외교부 차관과 제{n}차 한-베트남 "
    "차관전략대화를 개최하고, 양국 간 교역 확대와 공급망 협력 방안을 논의하였다.\n\n"
    "양 차관은 내년 수교 기념행사를 차질 없이 준비해 나가기로 하였다.\n"
)
CALL = (
    "2025.03.12 외교부\n\n"
    "조현우 외교부 장관은 3.12.(수) 오후 마리 뒤부아 프랑스 외교장관과 전화 통화를 갖고, "
    "우크라이나 정세와 한반도 문제에 대해 의견을 교환하였다. 양 장관은 {n}월 중 회담을 갖기로 하였다.\n"
)
LEGACY = (
    "2025.04.08 외교부\n\n"
    "한일 외교장관은 4.8.(화) 도쿄에서 회담하고 북한 문제에 대한 긴밀한 공조를 재확인하였다.\n"
)


def write_mixed(folder: Path) -> Path:
    """Good UTF-8 files, an empty one, a binary one and a CP949 one."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-dialogue.txt").write_text(DIALOGUE.format(n=5), encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "d-legacy.txt").write_bytes(LEGACY.encode("cp949"))
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "e-call.txt").write_text(CALL.format(n=4), encoding="utf-8")
    return folder


def write_many(folder: Path, count: int) -> Path:
    """`count` small releases that differ from each other (a round number, a month)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        template = DIALOGUE if i % 2 == 0 else CALL
        (folder / f"release-{i:04d}.txt").write_text(template.format(n=i + 1), encoding="utf-8")
    return folder


def test_good_empty_binary_and_cp949_files(tmp_path: Path, korex: extractor.Extractor) -> None:
    folder = write_mixed(tmp_path / "docs")
    items = list(korex.extract_folder(folder))
    documents = [item for item in items if isinstance(item, Document)]
    errors = {Path(item.path).name: item for item in items if isinstance(item, FileError)}
    assert [d.id for d in documents] == ["a-dialogue", "d-legacy", "e-call"]
    assert {name: e.reason for name, e in errors.items()} == {
        "b-empty.txt": "empty",
        "c-binary.txt": "binary",
    }
    assert all(e.message and e.path.endswith(name) for name, e in errors.items())
    legacy = documents[1]
    assert "도쿄에서 회담하고" in legacy.text
    assert {"JPN", "KOR"} <= set(legacy.countries)
    assert [Path(item.path if isinstance(item, FileError) else item.source).name for item in items] == [
        "a-dialogue.txt",
        "b-empty.txt",
        "c-binary.txt",
        "d-legacy.txt",
        "e-call.txt",
    ]


def test_paths_are_sorted_and_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "b").mkdir(parents=True)
    for name in ("z.txt", "a.txt", "b/m.txt", ".hidden.txt", "notes.csv"):
        (folder / name).write_text("본문", encoding="utf-8")
    found = [p.relative_to(folder).as_posix() for p in batch.iter_paths([folder, folder / "a.txt"])]
    assert found == ["a.txt", "b/m.txt", "z.txt"]


def test_two_jobs_give_the_same_results_in_the_same_order(tmp_path: Path, korex: extractor.Extractor) -> None:
    folder = write_mixed(tmp_path / "docs")
    write_many(folder / "more", 6)
    one = [item.model_dump_json() for item in korex.extract_folder(folder, jobs=1)]
    two = [item.model_dump_json() for item in korex.extract_folder(folder, jobs=2)]
    assert one == two
    assert len(one) == 11


def fail_on_third_round(korex: extractor.Extractor, monkeypatch) -> None:
    """Make the records of the release about 제3차 fail as a bug would (IndexError)."""
    real = korex._record

    def flaky(doc, loaded, anchor, record):
        if "제3차" in loaded.text:
            raise IndexError("boom")
        return real(doc, loaded, anchor, record)

    monkeypatch.setattr(korex, "_record", flaky)


def test_a_bug_on_one_file_is_a_row_not_a_crash(
    tmp_path: Path, korex: extractor.Extractor, monkeypatch
) -> None:
    folder = write_many(tmp_path / "docs", 3)
    fail_on_third_round(korex, monkeypatch)
    items = list(korex.extract_folder(folder))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "FileError"]
    assert items[2].reason == "internal_error" and "IndexError: boom" in items[2].message


def test_extract_many_on_kiwi_threads_matches_one_at_a_time(
    tmp_path: Path, korex: extractor.Extractor, monkeypatch
) -> None:
    from extractor import loader

    folder = write_many(tmp_path / "docs", 5)
    items = [(loader.load_file(path)[0], None) for path in sorted(folder.iterdir())]
    alone = [korex.extract_loaded(item) for item, _ in items]
    assert korex.extract_many(items) == alone

    fail_on_third_round(korex, monkeypatch)
    outcomes = korex.extract_many(items)
    bad = next(i for i, (item, _) in enumerate(items) if "제3차" in item.text)
    assert isinstance(outcomes[bad], IndexError)
    assert [o for i, o in enumerate(outcomes) if i != bad] == [d for i, d in enumerate(alone) if i != bad]


class CrashingExtractor(extractor.Extractor):
    """Kills its worker process on one text, as a crash in native code would."""

    def extract_loaded(self, loaded, *, record=None):
        if "제3차" in loaded.text:
            os._exit(1)
        return super().extract_loaded(loaded, record=record)


def test_a_file_that_kills_its_worker_is_a_row(tmp_path: Path) -> None:
    folder = write_many(tmp_path / "docs", 6)
    items = list(CrashingExtractor().extract_folder(folder, jobs=2))
    assert [getattr(item, "id", None) for item in items] == [
        "release-0000",
        "release-0001",
        None,
        "release-0003",
        "release-0004",
        "release-0005",
    ]
    assert items[2].reason == "worker_crashed" and items[2].path.endswith("release-0002.txt")


def read_jsonl(path: Path) -> list[Document]:
    return [Document.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_unchanged_files_are_skipped_changed_ones_replaced(
    tmp_path: Path, korex: extractor.Extractor
) -> None:
    folder = write_mixed(tmp_path / "docs")
    out = tmp_path / "out.jsonl"
    first = batch.extract_to(korex, folder, out, quiet=True)
    assert (first.files, first.extracted, first.documents, first.errors) == (5, 5, 3, 2)
    before = out.read_bytes()

    again = batch.extract_to(korex, folder, out, quiet=True)
    assert (again.extracted, again.skipped, again.documents, again.failed) == (0, 5, 0, 2)
    assert out.read_bytes() == before

    (folder / "a-dialogue.txt").write_text(DIALOGUE.format(n=6), encoding="utf-8")
    (folder / "f-new.txt").write_text(CALL.format(n=9), encoding="utf-8")
    changed = batch.extract_to(korex, folder, out, quiet=True)
    assert (changed.extracted, changed.skipped) == (2, 4)
    documents = read_jsonl(out)
    assert sorted(d.id for d in documents) == ["a-dialogue", "d-legacy", "e-call", "f-new"]
    assert "제6차" in next(d for d in documents if d.id == "a-dialogue").text

    forced = batch.extract_to(korex, folder, out, quiet=True, force=True)
    assert (forced.extracted, forced.skipped) == (6, 0)
    assert sorted(d.id for d in read_jsonl(out)) == ["a-dialogue", "d-legacy", "e-call", "f-new"]
    assert {e.reason for e in sinks.recorded_errors(out)} == {"empty", "binary"}


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".duckdb"])
def test_table_outputs_replace_changed_files(tmp_path: Path, suffix: str, korex: extractor.Extractor) -> None:
    pytest.importorskip({".csv": "csv", ".parquet": "pyarrow", ".duckdb": "duckdb"}[suffix])

    folder = write_mixed(tmp_path / "docs")
    out = tmp_path / f"out{suffix}"
    batch.extract_to(korex, folder, out, quiet=True)
    (folder / "a-dialogue.txt").write_text(DIALOGUE.format(n=6), encoding="utf-8")
    (folder / "b-empty.txt").write_text(CALL.format(n=2), encoding="utf-8")  # an error fixed
    assert batch.extract_to(korex, folder, out, quiet=True).extracted == 2
    assert batch.extract_to(korex, folder, out, quiet=True, force=True).extracted == 5
    tables = frames.read(out)
    assert sorted(tables["documents"].doc_id) == ["a-dialogue", "b-empty", "d-legacy", "e-call"]
    assert tables["errors"].reason.tolist() == ["binary"]
    expected = output_tables(korex, folder)
    for table in ("entities", "events", "participants"):
        assert sorted(tables[table].doc_key) == sorted(expected[table].doc_key), table
    assert "제6차" in tables["documents"].set_index("doc_id").loc["a-dialogue", "text"]


def test_cli_flags_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object) -> None:
    folder = write_mixed(tmp_path / "docs")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "b-empty.txt" in err and "c-binary.txt" in err and "3 documents, 2 failed" in err
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 1  # failures recorded earlier count
    assert "unchanged and skipped" in capsys.readouterr().err
    assert main(["extract", str(folder), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main(["extract", str(folder), "-o", str(tmp_path / "x.jsonl"), "--table", "events"]) == 2
    assert "usage" not in capsys.readouterr().out


def test_cli_table_choices_are_the_frames_tables() -> None:
    from extractor.frames import TABLES

    parser_help = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert all(table in parser_help for table in TABLES)
    assert "--jobs" in parser_help and "--force" in parser_help


def test_an_interrupted_merge_is_finished_or_dropped(
    tmp_path: Path, korex: extractor.Extractor, monkeypatch
) -> None:
    folder = write_many(tmp_path / "docs", 4)
    out = tmp_path / "out.jsonl"
    results = list(batch.run(korex, batch.iter_paths(folder)))
    real_replace = durable.replace

    def crash_on_output(src, dst):
        if Path(dst) == out:
            raise KeyboardInterrupt  # killed between writing the merged file and renaming it
        return real_replace(src, dst)

    sink = sinks.StagedSink(out, fmt="jsonl")
    for result in results:
        sink.add(batch.file_key(result.path), result)
    monkeypatch.setattr(durable, "replace", crash_on_output)
    with pytest.raises(KeyboardInterrupt):
        sink.close()
    monkeypatch.setattr(durable, "replace", real_replace)
    assert not out.exists()  # the merged file waits beside the output, with its manifest

    reopened = sinks.StagedSink(out, fmt="jsonl")  # recovery finishes the rename
    reopened.close()
    assert [d.id for d in read_jsonl(out)] == [f"release-{i:04d}" for i in range(4)]

    # A torn journal line (killed while writing it) is cut off; the chunk it named is dropped.
    sink = sinks.StagedSink(out, fmt="jsonl")
    results[0].hash = "other"
    sink.add(batch.file_key(results[0].path), results[0])
    sink.commit()
    journal = sink.state / "journal.jsonl"
    sink.abandon()
    journal.write_bytes(journal.read_bytes()[:-10])
    reopened = sinks.StagedSink(out, fmt="jsonl")
    assert reopened.journal == []
    reopened.close()
    assert [d.id for d in read_jsonl(out)] == [f"release-{i:04d}" for i in range(4)]


def test_deleting_the_output_starts_afresh_and_outputs_are_not_inputs(
    tmp_path: Path, korex: extractor.Extractor
) -> None:
    folder = write_many(tmp_path / "docs", 3)
    out = folder / "out.jsonl"  # inside the folder it reads: never read back as input
    assert batch.extract_to(korex, folder, out, quiet=True).files == 3
    assert batch.extract_to(korex, folder, out, quiet=True).files == 3
    out.unlink()  # the state folder beside it stays, but describes an output that is gone
    again = batch.extract_to(korex, folder, out, quiet=True)
    assert (again.extracted, again.skipped) == (3, 0)
    assert [d.id for d in read_jsonl(out)] == ["release-0000", "release-0001", "release-0002"]
    # An output korex has no state for (written by hand here) is replaced, never mixed in.
    out.write_text(read_jsonl(out)[0].model_dump_json() + "\n", encoding="utf-8")
    (folder / ".out.jsonl.korex" / "manifest.jsonl").unlink()
    assert batch.extract_to(korex, folder, out, quiet=True).extracted == 3
    assert [d.id for d in read_jsonl(out)] == ["release-0000", "release-0001", "release-0002"]


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = sinks.open_sink(out)
    try:
        with pytest.raises(sinks.OutputError, match="another korex run"):
            sinks.open_sink(out)
    finally:
        first.close()


# --------------------------------------------------------------------------- killed with SIGKILL


def _korex(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "extractor.cli", "extract", *args, "--quiet"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _kill_when(process: subprocess.Popen[bytes], ready, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else "exited"
        assert time.monotonic() < deadline, "the run never committed anything"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def _finish(args: list[str], cwd: Path) -> None:
    process = _korex(args, cwd)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()


def _journal_lines(state: Path) -> int:
    journal = state / "journal.jsonl"
    return journal.read_bytes().count(b"\n") if journal.exists() else 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_killed_run_restarted_writes_each_document_once_jsonl(tmp_path: Path, jobs: str) -> None:
    folder = write_many(tmp_path / "docs", 60)
    out = tmp_path / "out.jsonl"
    state = tmp_path / ".out.jsonl.korex"
    _kill_when(
        _korex([str(folder), "-o", str(out), "-j", jobs], tmp_path), lambda: _journal_lines(state) >= 1
    )
    committed = sum(
        len(json.loads(line)["entries"]) for line in (state / "journal.jsonl").read_text().splitlines()
    )
    assert 0 < committed < 60, "the kill should land in the middle of the run"
    _finish([str(folder), "-o", str(out), "-j", jobs], tmp_path)
    ids = [d.id for d in read_jsonl(out)]
    assert ids == [f"release-{i:04d}" for i in range(60)]

    fresh = tmp_path / "fresh.jsonl"
    _finish([str(folder), "-o", str(fresh)], tmp_path)
    assert out.read_bytes() == fresh.read_bytes()


def test_killed_run_restarted_writes_each_document_once_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    folder = write_many(tmp_path / "docs", 60)
    out = tmp_path / "out.duckdb"
    wal = tmp_path / "out.duckdb.wal"
    probe = sinks.DuckDBSink(tmp_path / "probe.duckdb")  # the log of a database with its tables only
    created = (tmp_path / "probe.duckdb.wal").stat().st_size
    probe.close()

    def committed_once() -> bool:  # the log grows past its size after the tables were created
        return wal.exists() and wal.stat().st_size > created

    _kill_when(_korex([str(folder), "-o", str(out)], tmp_path), committed_once)
    con = duckdb.connect(str(out), read_only=True)
    committed = con.execute("SELECT count(*) FROM files").fetchone()[0]
    con.close()
    assert 0 < committed < 60, "the kill should land in the middle of the run"
    _finish([str(folder), "-o", str(out)], tmp_path)
    con = duckdb.connect(str(out), read_only=True)
    try:
        ids = [row[0] for row in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
        assert ids == [f"release-{i:04d}" for i in range(60)]
        assert con.execute("SELECT count(*) FROM files").fetchone()[0] == 60
        orphans = con.execute(
            "SELECT count(*) FROM events e LEFT JOIN documents d USING (doc_key) WHERE d.doc_key IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        per_doc = con.execute("SELECT doc_key, count(*) FROM entities GROUP BY doc_key").fetchall()
    finally:
        con.close()
    expected = output_tables(extractor.default_extractor(), folder)["entities"]
    assert dict(per_doc) == expected.groupby("doc_key").size().to_dict()
