"""Hostile inputs and outputs never hang, abort or stall a run: special files, slow documents, names and
fields no encoding can write, spreadsheet formulas, line separators, full or read-only disks, a second run.

Most tests run the stub extractor (`stub.py`); the CLI is run in a subprocess, with a timeout, where a
hang is what could go wrong.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stub import StubExtractor

import extractor
from extractor import batch, durable, frames, loader, sinks
from extractor.cli import main
from extractor.errors import InputError, UnreadableInputError
from extractor.models import Document, FileError

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent

# Written for these tests in the style of ministry press releases; people and meetings are invented.
RELEASE = "{name} 외교부 장관은 {day}일 서울에서 회담을 갖고 양국 관계를 논의하였다.\n"


def write_releases(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (folder / f"r{i:02d}.txt").write_text(RELEASE.format(name=f"김{i}수", day=i + 1), encoding="utf-8")
    return folder


def korex(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess[str]:
    """`korex extract ARGS` with the stub extractor, in a subprocess that must end in `timeout`."""
    code = (
        "import sys, extractor, stub; extractor.Extractor = stub.StubExtractor; "
        "from extractor.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(TESTS)]))
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(
        [sys.executable, "-c", code, "extract", *args], env=env, text=True, timeout=timeout, **streams
    )


@pytest.fixture()
def stub(monkeypatch: pytest.MonkeyPatch) -> StubExtractor:
    """The stub extractor, also as what the CLI builds."""
    monkeypatch.setattr(extractor, "Extractor", StubExtractor)
    return StubExtractor()


# --------------------------------------------------------------------------- only regular files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_and_a_link_to_dev_zero_are_error_rows_not_hangs(tmp_path: Path) -> None:
    folder = write_releases(tmp_path / "docs", 2)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    out = tmp_path / "out.jsonl"
    for _ in range(2):  # the second run skips nothing it could not read
        result = korex(str(folder), "-o", str(out), timeout=60)
        assert result.returncode == 1, result.stderr
        assert "pipe.txt: a named pipe, not a regular file" in result.stderr
        assert "zero.txt: a character device, not a regular file" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert {(Path(e.path).name, e.reason) for e in sinks.recorded_errors(out)} == {
        ("pipe.txt", "unreadable"),
        ("zero.txt", "unreadable"),
    }
    named = korex(str(folder / "zero.txt"), timeout=60)  # named explicitly, to stdout
    assert named.returncode == 1 and named.stdout == ""


def test_devices_sockets_and_symlink_loops_are_error_rows(tmp_path: Path, stub: StubExtractor) -> None:
    folder = write_releases(tmp_path / "docs", 1)
    (folder / "null.txt").symlink_to("/dev/null")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    server = socket.socket(socket.AF_UNIX)
    where = Path(f"/tmp/korex-{os.getpid()}.txt")  # a socket path must be short
    server.bind(str(where))
    try:
        items = list(batch.extract_folder(stub, [folder, where]))
    finally:
        server.close()
        where.unlink()
    errors = {Path(item.path).name: item.message for item in items if isinstance(item, FileError)}
    assert sorted(errors) == sorted(["a.txt", "b.txt", "loop.txt", "null.txt", where.name])
    assert "character device" in errors["null.txt"] and "socket" in errors[where.name]
    assert all("link" in errors[name].lower() for name in ("a.txt", "b.txt", "loop.txt"))
    assert [item.id for item in items if isinstance(item, Document)] == ["r00"]
    assert batch.file_hash(folder / "loop.txt") is None
    with pytest.raises(UnreadableInputError):
        loader.read_file(folder / "null.txt")


# --------------------------------------------------------------------------- a time budget per document


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_its_budget_is_a_timeout_row_and_the_run_goes_on(tmp_path: Path, jobs: int) -> None:
    folder = write_releases(tmp_path / "docs", 4)
    (folder / "r01.txt").write_text("SLOW " + RELEASE.format(name="서", day=2), encoding="utf-8")
    texts = [("SLOW " if i == 1 else "") + RELEASE.format(name="문", day=i) for i in range(3)]
    records = [{"id": f"j{i}", "text": text} for i, text in enumerate(texts)]
    (folder / "s.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = list(batch.extract_folder(StubExtractor(), folder, jobs=jobs, timeout=1.0))
    found = [getattr(item, "id", None) or (item.reason, item.record) for item in items]
    assert found == ["r00", ("timeout", None), "r02", "r03", "j0", ("timeout", 1), "j2"]
    assert "took longer than 1 s" in items[1].message and items[1].path.endswith("r01.txt")


@pytest.mark.parametrize(("jobs", "slow"), [("1", 5), ("2", 0)])
def test_results_are_committed_while_a_slow_document_runs(tmp_path: Path, jobs: str, slow: int) -> None:
    """One job commits the files before a slow one while it runs; two jobs commit all the others."""
    folder = write_releases(tmp_path / "docs", 6)
    (folder / f"r{slow:02d}.txt").write_text("SLOW " + RELEASE.format(name="서", day=2), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    journal = tmp_path / ".out.jsonl.korex" / "journal.jsonl"
    others = {batch.file_key(folder / f"r{i:02d}.txt") for i in range(6) if i != slow}
    code = (
        "import sys, extractor, stub; extractor.Extractor = stub.StubExtractor; "
        "from extractor.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(TESTS)]))
    args = ["extract", str(folder), "-o", str(out), "-j", jobs, "--timeout", "900", "--quiet"]
    process = subprocess.Popen([sys.executable, "-c", code, *args], env=env, stderr=subprocess.PIPE)
    committed: set[str] = set()
    try:
        deadline = time.monotonic() + 120
        while not others <= committed and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            if journal.exists():
                for line in journal.read_text(encoding="utf-8").splitlines():
                    committed.update(entry["key"] for entry in json.loads(line)["entries"])
        assert process.poll() is None  # the slow document still runs
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert committed == others


# --------------------------------------------------------------------------- what no encoding can write


def test_file_names_that_are_not_utf8_are_kept_escaped(tmp_path: Path, stub: StubExtractor) -> None:
    folder = write_releases(tmp_path / "docs", 1)
    name = os.fsdecode(b"caf\xe9 \xff.txt")
    (folder / name).write_text(RELEASE.format(name="홍", day=3), encoding="utf-8")
    (folder / os.fsdecode(b"bad\xfe.txt")).write_bytes(b"")
    for suffix in (".jsonl", ".csv", ".duckdb"):
        out = tmp_path / f"out{suffix}"
        assert batch.extract_to(stub, folder, out, quiet=True).documents == 2
        tables = frames.read(out)
        assert "caf\\xe9 \\xff" in set(tables["documents"].doc_id)
        assert tables["errors"].path.str.endswith("bad\\xfe.txt").tolist() == [True]
        assert batch.extract_to(stub, folder, out, quiet=True).skipped == 3  # remembered, skipped
    result = korex(str(folder), timeout=60)
    assert result.returncode == 1 and "bad\\xfe.txt: empty file" in result.stderr
    assert {json.loads(line)["id"] for line in result.stdout.splitlines()} == {"r00", "caf\\xe9 \\xff"}


def test_record_fields_with_lone_surrogates_never_abort(tmp_path: Path, stub: StubExtractor) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    lines = [
        '{"id": "a\\ud800", "publisher": "x\\udc00", "url": "https://a.kr/\\udfff", "text": "본문입니다."}',
        '{"id": "b", "text": "본문\\ud83d 입니다."}',
        '{"id": "c", "title": "\\ud800\\udc00 제목", "text": "정상 본문입니다."}',
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = batch.extract_to(stub, folder, out, quiet=True)
    assert (summary.documents, summary.errors) == (2, 1)
    documents = [Document.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d.id for d in documents] == ["a\ufffd", "c"]
    assert documents[0].publisher == "x\ufffd" and documents[0].source == "https://a.kr/\ufffd"
    assert any("surrogate" in warning for warning in documents[0].warnings)
    assert documents[1].title == "\U00010000 제목"  # a pair JSON wrote as two escapes is one character
    [error] = sinks.recorded_errors(out)
    assert (error.reason, error.record) == ("invalid_input", 1) and "surrogate" in error.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fields=st.dictionaries(
        st.sampled_from(["id", "title", "publisher", "url", "summary", "date", "text"]),
        st.text(alphabet=st.characters(codec=None, categories=None), max_size=12),
    )
)
def test_any_record_is_a_writable_document_or_an_error_row(fields: dict[str, str]) -> None:
    data = json.dumps(fields).encode("ascii")  # ASCII JSON: lone surrogates as \ud800 escapes
    for item in loader.load_records(data, "feed.jsonl"):
        if isinstance(item, InputError):
            FileError(path="feed.jsonl", reason=item.reason, message=str(item)).model_dump_json()
            continue
        StubExtractor().extract_loaded(item).model_dump_json()  # never raises


def test_extract_of_a_string_with_lone_surrogates_is_an_input_error() -> None:
    for text in ("한미 정상회담\ud800", "\udcff", "앞\udc80뒤 회담"):
        with pytest.raises(InputError, match="unpaired surrogate"):
            extractor.extract(text)


@pytest.mark.parametrize(
    ("text", "doc_date"),
    [
        ("제0차 한미 정상회담이 서울에서 열렸다.", "2025-03-14"),
        ("양국은 제00차 한-일 차관전략대화를 개최하였다.", "2025-03-14"),
        ("양측은 11월~2월 사이 외교장관 회담을 열기로 하였다.", "9999-12-20"),
        ("양국은 10월~3월 실무 협의를 이어가기로 하였다.", "9999-11-02"),
    ],
)
def test_out_of_range_values_never_reach_the_records(text: str, doc_date: str) -> None:
    """A round of 0 is no round, and no date past year 9999 is produced: the document still comes back."""
    doc = extractor.extract(text, doc_date=doc_date)
    assert all(event.round is None for event in doc.events)
    assert all(value.value[:4] <= "9999" and len(value.value.split("-")[0]) == 4 for value in doc.dates)


# --------------------------------------------------------------------------- spreadsheets and line breaks


def test_csv_cells_a_spreadsheet_would_run_are_defused(tmp_path: Path, stub: StubExtractor) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    record = {
        "id": "=1+1",
        "title": '=HYPERLINK("http://example.org/x", "보도자료")',
        "url": "@SUM(A1:A9)",
        "text": "-2+3 외교부 장관은 회담하였다.",
    }
    (folder / "feed.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.csv"
    batch.extract_to(stub, folder, out, quiet=True)
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["doc_id"] == "'=1+1" and row["title"].startswith("'=HYPERLINK")
    assert row["source"] == "'@SUM(A1:A9)" and row["text"].startswith("'-2+3")
    assert all(not value.startswith(frames.FORMULA_STARTS) for value in row.values())
    [document] = frames.read(out)["documents"].itertuples()
    assert (document.doc_id, document.title, document.source) == (
        record["id"],
        record["title"],
        record["url"],
    )
    assert document.text == record["text"]


@given(st.text(max_size=20))
def test_defused_cells_read_back_as_written(value: str) -> None:
    cell = frames.defuse(value)
    assert not cell.startswith(frames.FORMULA_STARTS)
    assert frames._DEFUSED.sub("", cell, count=1) == value


def test_jsonl_escapes_the_characters_line_readers_split_on(tmp_path: Path, stub: StubExtractor) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, separator in enumerate(["\u2028", "\u2029", "\u0085"]):
        (folder / f"r{i}.txt").write_text(f"외교부 장관은{separator}회담하였다.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    batch.extract_to(stub, folder, out, quiet=True)
    for text in (out.read_text(encoding="utf-8"), korex(str(folder), timeout=60).stdout):
        lines = text.splitlines()  # splits on U+2028, U+2029 and U+0085 too
        assert len(lines) == 3
        assert [json.loads(line)["text"][7] for line in lines] == ["\u2028", "\u2029", "\u0085"]


# --------------------------------------------------------------------------- output errors, a second run


def test_a_full_disk_on_stdout_is_one_line_and_its_own_status(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    folder = write_releases(tmp_path / "docs", 3)
    with open("/dev/full", "w") as full:
        result = korex(str(folder), timeout=60, stdout=full)
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "stdout: cannot write the output (No space left on device)" in result.stderr


@pytest.mark.parametrize("problem", [errno.ENOSPC, errno.EROFS])
def test_a_full_or_read_only_disk_is_one_line_and_its_own_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stub: StubExtractor, monkeypatch, problem: int
) -> None:
    folder = write_releases(tmp_path / "docs", 3)
    out = tmp_path / "out.csv"
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    write_releases(folder, 2, start=3)

    def fail(*args, **kwargs):
        raise OSError(problem, os.strerror(problem))

    monkeypatch.setattr(durable, "write", fail)
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot write the output ({os.strerror(problem)})" in err
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before  # the last complete output
    monkeypatch.undo()
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 0
    assert len(frames.read(out)["documents"]) == 5


def test_an_output_name_too_long_is_one_line_and_its_own_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stub: StubExtractor
) -> None:
    folder = write_releases(tmp_path / "docs", 1)
    out = tmp_path / ("가" * 90 + ".jsonl")  # 270 bytes: over the usual 255
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "File name too long" in err and "Traceback" not in err


def test_a_second_run_on_the_same_output_is_refused_with_its_own_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stub: StubExtractor
) -> None:
    folder = write_releases(tmp_path / "docs", 1)
    for out in (tmp_path / "out.jsonl", tmp_path / "out.csv"):
        with sinks.open_sink(out):
            assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 4
        assert "another korex run is writing this output" in capsys.readouterr().err
    assert main(["extract", str(folder), "-o", str(tmp_path / "out.csv"), "--quiet"]) == 0
    assert main(["extract", str(tmp_path / "missing.txt"), "--quiet"]) == 1  # an input failed: still 1
