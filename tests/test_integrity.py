"""Data integrity of folder runs: torn state, key collisions, races, foreign outputs, bad records, folders.

Most tests run the stub extractor (`stub.py`): what is tested is the bookkeeping around the analysis.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from outputs import output_tables
from stub import StubExtractor

from extractor import batch, frames, sinks
from extractor.cli import main
from extractor.models import Document

# Written for these tests in the style of ministry press releases; people and meetings are invented.
RELEASE = "{name} 외교부 장관은 {day}일 서울에서 회담을 갖고 양국 관계를 논의하였다.\n"


@pytest.fixture()
def stub() -> StubExtractor:
    return StubExtractor()


@pytest.fixture()
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync off, for tests that run hundreds of small runs: it guards against power cuts, which these
    tests do not make (they cut files themselves), and costs tens of milliseconds on a busy disk."""
    from extractor import durable

    monkeypatch.setattr(durable, "fsync", lambda fd: None)


def write_releases(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"r{i:02d}.txt").write_text(RELEASE.format(name=f"김{i}수", day=i + 1), encoding="utf-8")
    return folder


def canonical(tables: dict[str, pd.DataFrame]) -> dict[str, list[tuple[object, ...]]]:
    """Every table as a sorted list of rows: outputs compared as multisets, whatever their order."""
    out = {}
    for table in frames.TABLES:
        data = tables[table][frames.columns(table)].astype(object)
        rows = [tuple(None if pd.isna(v) else v for v in row) for row in data.itertuples(index=False)]
        out[table] = sorted(rows, key=repr)
    return out


def assert_exactly_once(extractor: object, folder: Path, out: Path) -> None:
    assert canonical(frames.read(out)) == canonical(output_tables(extractor, folder))


# --------------------------------------------------------------------------- torn state and outputs


def test_a_torn_next_manifest_is_finished_not_trusted(tmp_path: Path, stub: StubExtractor) -> None:
    """A merge killed while writing `manifest.next.jsonl` (what the old code wrote in place) never
    wedges the output nor duplicates its rows."""
    folder = write_releases(tmp_path / "docs", 6)
    out = tmp_path / "out.jsonl"
    batch.extract_to(stub, folder, out, quiet=True)
    state = tmp_path / ".out.jsonl.korex"
    whole = (state / "manifest.jsonl").read_bytes()
    for cut in (len(whole) // 2, whole.rindex(b"\n", 0, len(whole) - 1) + 1):  # mid-line, line boundary
        (state / "manifest.next.jsonl").write_bytes(whole[:cut])
        batch.extract_to(stub, folder, out, quiet=True)
        assert_exactly_once(stub, folder, out)
        assert batch.extract_to(stub, folder, out, quiet=True, force=True).extracted == 6
        assert_exactly_once(stub, folder, out)


def _cuts(data: bytes) -> range:
    """Every byte offset inside the last line of `data` (from its first byte to its newline)."""
    start = data.rindex(b"\n", 0, len(data) - 1) + 1
    return range(start, len(data))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.usefixtures("no_fsync")
def test_a_manifest_cut_at_any_byte_of_its_last_record_resumes_exactly_once(
    tmp_path: Path, stub: StubExtractor, fmt: str
) -> None:
    folder = write_releases(tmp_path / "docs", 3)
    out = tmp_path / f"out.{fmt}"
    batch.extract_to(stub, folder, out, quiet=True)
    assert_exactly_once(stub, folder, out)
    manifest = sinks.state_folder(out) / "manifest.jsonl"
    whole, output = manifest.read_bytes(), {p: p.read_bytes() for p in _files(out)}
    for cut in _cuts(whole):
        manifest.write_bytes(whole[:cut])
        summary = batch.extract_to(stub, folder, out, quiet=True)
        assert summary.extracted == 1, cut  # the file whose entry was cut, and only it
        # Exactly once: byte for byte the complete output checked above, and its manifest.
        assert {p: p.read_bytes() for p in _files(out)} == output, cut
        assert manifest.read_bytes() == whole, cut


@pytest.mark.usefixtures("no_fsync")
def test_a_jsonl_output_cut_at_any_byte_of_its_last_record_resumes_exactly_once(
    tmp_path: Path, stub: StubExtractor
) -> None:
    folder = write_releases(tmp_path / "docs", 3)
    out = tmp_path / "out.jsonl"
    batch.extract_to(stub, folder, out, quiet=True)
    assert_exactly_once(stub, folder, out)
    manifest = sinks.state_folder(out) / "manifest.jsonl"
    whole, state = out.read_bytes(), manifest.read_bytes()
    for cut in _cuts(whole):
        out.write_bytes(whole[:cut])
        assert batch.extract_to(stub, folder, out, quiet=True).extracted == 1, cut
        assert out.read_bytes() == whole, cut  # the complete output checked above, byte for byte
        assert manifest.read_bytes() == state, cut


def _files(out: Path) -> list[Path]:
    return sorted(out.glob("*.csv")) if out.is_dir() else [out]


def test_a_csv_output_cut_short_is_repaired(tmp_path: Path, stub: StubExtractor) -> None:
    folder = write_releases(tmp_path / "docs", 4)
    out = tmp_path / "out.csv"
    batch.extract_to(stub, folder, out, quiet=True)
    events = out / "events.csv"
    whole = events.read_bytes()
    for cut in (len(whole) - 1, len(whole) // 2, 5):
        events.write_bytes(whole[:cut])
        batch.extract_to(stub, folder, out, quiet=True)
        assert_exactly_once(stub, folder, out)


def test_state_files_are_written_whole_or_not_at_all(
    tmp_path: Path, stub: StubExtractor, monkeypatch
) -> None:
    """A kill while a state file is being written leaves no file of that name but the complete one."""
    from extractor import durable

    folder = write_releases(tmp_path / "docs", 3)
    out = tmp_path / "out.jsonl"
    written: list[Path] = []
    real_write = durable.write

    def write(path: Path, fill) -> int:
        written.append(path)
        return real_write(path, fill)

    monkeypatch.setattr(durable, "write", write)
    batch.extract_to(stub, folder, out, quiet=True)
    state = sinks.state_folder(out)
    names = {path.name for path in written}
    # Nothing is written in place under the name a reader trusts: always a temporary name first.
    assert not names & {"manifest.jsonl", "manifest.next.jsonl", "config.json", out.name}
    assert {".manifest.next.jsonl.tmp", f".{out.name}.tmp"} <= names
    assert not list(state.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


# --------------------------------------------------------------------------- keys


@pytest.mark.parametrize("suffix", [".duckdb", ".csv", ".parquet", ".jsonl"])
def test_two_files_holding_the_same_record_keep_their_own_rows(
    tmp_path: Path, stub: StubExtractor, suffix: str
) -> None:
    pytest.importorskip({".duckdb": "duckdb", ".parquet": "pyarrow"}.get(suffix, "json"))
    folder = tmp_path / "docs"
    folder.mkdir()
    record = {
        "id": "2025-0412",
        "url": "https://example.org/press/2025-0412",
        "text": RELEASE.format(name="박", day=3),
    }
    for name in ("feed-a.jsonl", "feed-b.jsonl"):
        (folder / name).write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    batch.extract_to(stub, folder, out, quiet=True)
    changed = dict(record, text=RELEASE.format(name="이", day=4))
    (folder / "feed-b.jsonl").write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    assert batch.extract_to(stub, folder, out, quiet=True).extracted == 1
    tables = frames.read(out)
    assert len(tables["documents"]) == 2 and tables["documents"].doc_key.is_unique
    assert sorted(tables["documents"].text) == sorted([record["text"], changed["text"]])
    assert len(tables["entities"]) == 2 and set(tables["entities"].doc_key) == set(
        tables["documents"].doc_key
    )
    assert_exactly_once(stub, folder, out)


# --------------------------------------------------------------------------- races


class Meddling(StubExtractor):
    """Changes another input file while analysing the first one, as a user or a scraper might."""

    def __init__(self, action) -> None:
        super().__init__()
        self.action = action

    def extract_loaded(self, loaded, *, record=None) -> Document:
        if self.action is not None and loaded.source and loaded.source.endswith("r00.txt"):
            self.action()
            self.action = None
        return super().extract_loaded(loaded, record=record)


def test_a_file_that_vanishes_mid_run_and_comes_back_is_extracted(tmp_path: Path) -> None:
    folder = write_releases(tmp_path / "docs", 3)
    out = tmp_path / "out.jsonl"
    victim = folder / "r02.txt"
    kept = victim.read_bytes()
    summary = batch.extract_to(Meddling(victim.unlink), folder, out, quiet=True)
    assert summary.errors == 1  # it was gone when its turn came
    victim.write_bytes(kept)  # back, unchanged
    again = batch.extract_to(StubExtractor(), folder, out, quiet=True)
    assert (again.extracted, again.failed) == (1, 0)
    assert sorted(d.id for d in map(Document.model_validate_json, out.read_text().splitlines())) == [
        "r00",
        "r01",
        "r02",
    ]


def test_a_file_changed_mid_run_is_remembered_by_what_was_read(tmp_path: Path) -> None:
    folder = write_releases(tmp_path / "docs", 3)
    out = tmp_path / "out.jsonl"
    victim = folder / "r02.txt"
    first = victim.read_text(encoding="utf-8")
    second = RELEASE.format(name="최", day=20)
    batch.extract_to(Meddling(lambda: victim.write_text(second, encoding="utf-8")), folder, out, quiet=True)
    victim.write_text(first, encoding="utf-8")  # back to what it held when the run began
    assert batch.extract_to(StubExtractor(), folder, out, quiet=True).extracted == 1
    texts = {d.id: d.text for d in map(Document.model_validate_json, out.read_text().splitlines())}
    assert texts["r02"] == first


# --------------------------------------------------------------------------- outputs korex did not write


def test_an_existing_file_korex_did_not_write_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stub: StubExtractor, monkeypatch
) -> None:
    monkeypatch.setattr("extractor.Extractor", StubExtractor)
    folder = write_releases(tmp_path / "docs", 2)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"mine": true}\n', encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(feed), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not written by korex" in err and "--overwrite" in err
    assert feed.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert main(["extract", str(folder), "-o", str(feed), "--quiet", "--overwrite"]) == 0
    assert len(feed.read_text(encoding="utf-8").splitlines()) == 2
    assert main(["extract", str(folder), "-o", str(feed), "--quiet"]) == 0  # now korex's: goes on

    tables = tmp_path / "tables.csv"
    tables.mkdir()
    (tables / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(tables), "--quiet"]) == 2
    assert sorted(p.name for p in tables.iterdir()) == ["notes.txt"]


def test_a_database_korex_did_not_write_is_refused(tmp_path: Path, capsys, monkeypatch) -> None:
    duckdb = pytest.importorskip("duckdb")
    monkeypatch.setattr("extractor.Extractor", StubExtractor)
    folder = write_releases(tmp_path / "docs", 2)
    db = tmp_path / "mine.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE documents (title VARCHAR)")
    con.execute("INSERT INTO documents VALUES ('my own')")
    con.close()
    assert main(["extract", str(folder), "-o", str(db), "--quiet"]) == 2
    assert "not write" in capsys.readouterr().err
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT * FROM documents").fetchall() == [("my own",)]
    con.close()
    assert main(["extract", str(folder), "-o", str(db), "--quiet", "--overwrite"]) == 0
    assert len(frames.read(db)["documents"]) == 2


def test_an_output_among_the_inputs_is_refused(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("extractor.Extractor", StubExtractor)
    folder = write_releases(tmp_path / "docs", 2)
    feed = folder / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "f1", "text": RELEASE.format(name="한", day=9)}) + "\n", encoding="utf-8"
    )
    before = feed.read_bytes()
    for extra in ([], ["--overwrite"]):
        assert main(["extract", str(feed), "-o", str(feed), "--quiet", *extra]) == 2
        assert "is also an input" in capsys.readouterr().err
    assert main(["extract", str(folder), "-o", str(feed), "--quiet"]) == 2  # in a folder read: still input
    assert feed.read_bytes() == before


# --------------------------------------------------------------------------- bad records, bad folders


def test_one_bad_record_keeps_its_neighbours(tmp_path: Path, stub: StubExtractor) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    good = [
        json.dumps({"id": f"n{i}", "text": RELEASE.format(name="정", day=i)}, ensure_ascii=False)
        for i in (1, 2)
    ]
    (folder / "feed.jsonl").write_text(f"{good[0]}\n{{broken\n{good[1]}\n", encoding="utf-8")
    records = [{"id": "j1", "text": RELEASE.format(name="윤", day=5)}, {"id": "j2", "title": "본문 없음"}]
    (folder / "list.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = list(batch.extract_folder(stub, folder))
    assert [getattr(item, "id", None) or (item.reason, item.record) for item in items] == [
        "n1",
        ("invalid_json", 1),
        "n2",
        "j1",
        ("missing_text", 1),
    ]
    assert "feed.jsonl:2" in items[1].message and "record 1" in items[4].message
    out = tmp_path / "out.csv"
    summary = batch.extract_to(stub, folder, out, quiet=True)
    assert (summary.documents, summary.errors) == (3, 2)
    assert_exactly_once(stub, folder, out)


def test_an_unreadable_folder_is_an_error_row_and_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setattr("extractor.Extractor", StubExtractor)
    folder = write_releases(tmp_path / "docs", 2)
    locked = folder / "locked"
    write_releases(locked, 1)
    real_scandir = os.scandir

    def scandir(path=".", *args, **kwargs):  # root reads any folder: refuse this one as chmod 000 would
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "locked: cannot read the folder (Permission denied)" in err
    assert [(e.reason, Path(e.path).name) for e in sinks.recorded_errors(out)] == [("unreadable", "locked")]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_an_output_of_another_layout_is_refused_unless_overwritten(
    tmp_path: Path, stub: StubExtractor
) -> None:
    """Outputs of korex before this layout (other keys, no sizes in the manifest) are not mixed with it."""
    folder = write_releases(tmp_path / "docs", 2)
    out = tmp_path / "out.jsonl"
    batch.extract_to(stub, folder, out, quiet=True)
    config = sinks.state_folder(out) / "config.json"
    config.write_text(json.dumps({"format": "jsonl", "table": None, "layout": 1}), encoding="utf-8")
    with pytest.raises(sinks.OutputRefusedError, match=r"layout 1\); --overwrite"):
        batch.extract_to(stub, folder, out, quiet=True)
    assert batch.extract_to(stub, folder, out, quiet=True, overwrite=True).extracted == 2
    assert batch.extract_to(stub, folder, out, quiet=True).skipped == 2
    assert_exactly_once(stub, folder, out)
