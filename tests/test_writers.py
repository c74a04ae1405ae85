"""The outputs' writers: list columns, DuckDB's batched commits, and Ctrl-C in every format.

The stub extractor (`stub.py`) makes the documents: what is tested is how they are written.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from outputs import output_tables
from stub import StubExtractor

import extractor
from extractor import batch, frames, loader, sinks
from extractor.cli import main
from extractor.models import Document, Event, EventFormat, EventType, Participant

# Written for these tests in the style of ministry press releases; people and meetings are invented.
RELEASE = "{name} 외교부 장관은 {day}일 서울에서 회담을 갖고 양국 관계를 논의하였다.\n"


def write_releases(folder: Path, count: int, *, stop_at: int | None = None) -> Path:
    """`count` releases; the one numbered `stop_at` holds STOP (where `Interrupting` is interrupted)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = RELEASE.format(name=f"김{i}수", day=i + 1) + ("STOP\n" if i == stop_at else "")
        (folder / f"r{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


class Interrupting(StubExtractor):
    """The stub, but Ctrl-C arrives while it analyses a text holding STOP."""

    def extract_loaded(self, loaded: loader.LoadedText, *, record: int | None = None) -> Document:
        if "STOP" in loaded.text:
            raise KeyboardInterrupt
        return super().extract_loaded(loaded, record=record)


def canonical(tables: dict[str, pd.DataFrame]) -> dict[str, list[tuple[object, ...]]]:
    """Every table as a sorted list of rows: outputs compared as multisets, whatever their order."""
    out = {}
    for table in frames.TABLES:
        data = tables[table][frames.columns(table)].astype(object)
        rows = [tuple(None if pd.isna(v) else v for v in row) for row in data.itertuples(index=False)]
        out[table] = sorted(rows, key=repr)
    return out


def needs(fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    if fmt == "duckdb":
        pytest.importorskip("duckdb")


# --------------------------------------------------------------------------- list columns


def listed_document() -> Document:
    event = Event(
        type=EventType.TALKS,
        format=EventFormat.BILATERAL,
        countries=["JPN", "KOR"],
        participants=[Participant(name="정민호", country="KOR"), Participant(title="사무차관")],
    )
    return Document(id="d", source="d.txt", text="본문", countries=["JPN", "KOR"], events=[event])


def test_parquet_and_duckdb_hold_list_columns_and_csv_joined_strings(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    result = batch.FileResult("d.txt", [listed_document()], hash="h")
    for fmt in ("csv", "parquet", "duckdb"):
        with sinks.open_sink(tmp_path / f"out.{fmt}") as sink:
            sink.add("/d.txt", result)
    events = pq.read_table(tmp_path / "out.parquet" / "events.parquet").to_pylist()[0]
    assert events["countries"] == ["JPN", "KOR"]
    assert (events["participant_names"], events["participant_countries"]) == (["정민호"], ["KOR", None])
    documents = pq.read_table(tmp_path / "out.parquet" / "documents.parquet")
    kind = documents.schema.field("countries").type
    assert pa.types.is_list(kind) and kind.value_type == pa.string()
    con = duckdb.connect(str(tmp_path / "out.duckdb"), read_only=True)
    try:
        found = con.execute(
            "SELECT countries, participant_countries FROM events WHERE list_contains(countries, 'JPN')"
        ).fetchall()
        kind = con.execute("SELECT data_type FROM information_schema.columns WHERE column_name = 'countries'")
        assert {row[0] for row in kind.fetchall()} == {"VARCHAR[]"}
    finally:
        con.close()
    assert found == [(["JPN", "KOR"], ["KOR", None])]
    csv_events = (tmp_path / "out.csv" / "events.csv").read_text(encoding="utf-8-sig")
    assert ",JPN;KOR,2," in csv_events and ",KOR;," in csv_events
    tables = [frames.read(tmp_path / f"out.{fmt}")["events"] for fmt in ("csv", "parquet", "duckdb")]
    for other in tables[1:]:
        pd.testing.assert_frame_equal(other, tables[0])
    assert tables[0].loc[0, "countries"] == "JPN;KOR" and tables[0].loc[0, "participant_countries"] == "KOR;"


def test_an_older_parquet_or_duckdb_layout_is_refused(tmp_path: Path) -> None:
    """Outputs written before the list columns hold strings there: they are not mixed with lists."""
    pytest.importorskip("duckdb")
    import duckdb

    old = tmp_path / "old.duckdb"
    with sinks.open_sink(old):
        pass
    con = duckdb.connect(str(old))
    con.execute("UPDATE korex_layout SET layout = 2")
    con.close()
    with pytest.raises(sinks.OutputRefusedError, match="another korex version; --overwrite"):
        sinks.open_sink(old)
    sinks.open_sink(old, overwrite=True).close()


# --------------------------------------------------------------------------- DuckDB commits


class Counting:
    """A DuckDB connection that counts the statements executed through it."""

    def __init__(self, con: Any) -> None:
        self.con = con
        self.statements: list[str] = []

    def execute(self, sql: str, *args: Any) -> Any:
        table = re.search(r'(?:INTO|FROM) "?(\w+)', sql)
        self.statements.append(f"{sql.split()[0]} {table.group(1) if table else ''}".strip())
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def commit_statements(
    out: Path, files: int, stub: StubExtractor, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """The statements of one commit of `files` files (into a new database, or over one holding them)."""
    monkeypatch.setattr(sinks, "COMMIT_DOCUMENTS", 10**9)
    monkeypatch.setattr(sinks, "COMMIT_SECONDS", 10.0**9)
    folder = write_releases(out.parent / f"docs-{files}", files)
    sink = sinks.open_sink(out)
    counting = Counting(sink.con)
    sink.con = counting
    for result in batch.run(stub, sorted(folder.iterdir())):
        sink.add(batch.file_key(sorted(folder.iterdir())[result.index]), result)
    sink.commit()
    statements = list(counting.statements)
    sink.close()
    return statements


def test_a_duckdb_commit_costs_the_same_statements_for_one_file_or_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One delete per table for the files replaced and one insert per table, however many files a commit
    holds (not a statement per file), in a new database and over one holding the files already."""
    pytest.importorskip("duckdb")
    stub = StubExtractor()
    found = {}
    for files in (1, 40):
        out = tmp_path / f"out-{files}.duckdb"
        found[files] = [commit_statements(out, files, stub, monkeypatch) for _ in range(2)]
        folder = tmp_path / f"docs-{files}"
        assert canonical(frames.read(out)) == canonical(output_tables(stub, folder))
    assert found[1] == found[40]
    fresh, replacing = found[40]
    assert fresh == ["BEGIN", *(f"INSERT {table}" for table in frames.TABLES[:-1]), "INSERT files", "COMMIT"]
    deletes = [f"DELETE {table}" for table in frames.TABLES]
    assert replacing == ["BEGIN", *deletes, *fresh[1:]]


# --------------------------------------------------------------------------- Ctrl-C


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "duckdb"])
def test_ctrl_c_in_any_output_is_one_line_and_status_130(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    needs(fmt)
    monkeypatch.setattr(extractor, "Extractor", Interrupting)
    monkeypatch.setattr(sinks, "COMMIT_SECONDS", 0.0)
    folder = write_releases(tmp_path / "docs", 6, stop_at=4)
    out = tmp_path / f"out.{fmt}"
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 130
    err = capsys.readouterr().err
    assert err == "korex: interrupted; what was done is kept: the same command goes on\n"
    write_releases(folder, 6)
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 0
    assert canonical(frames.read(out)) == canonical(output_tables(StubExtractor(), folder))


@pytest.mark.parametrize("how", ["interrupt", "ctrl-c"])
def test_an_interrupted_duckdb_statement_is_an_interruption_too(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB reports a statement it stopped as an error of its own: `InterruptException` when its
    connection is interrupted, `RuntimeError: Query interrupted` when Ctrl-C reaches it mid-statement
    (DuckDB 2; which of Python or DuckDB sees a Ctrl-C is a matter of timing, so the test raises that
    error itself). korex takes either for the interruption it is, keeps what was done, and the same
    command goes on."""
    pytest.importorskip("duckdb")
    monkeypatch.setattr(extractor, "Extractor", StubExtractor)
    monkeypatch.setattr(sinks, "COMMIT_SECONDS", 0.0)
    real = sinks.DuckDBSink._insert
    interrupted: list[str] = []

    def insert(self: sinks.DuckDBSink, table: str, data: Any, select: str, *, replace: bool = False) -> None:
        if table == "documents" and not interrupted:
            interrupted.append(table)
            if how == "ctrl-c":
                raise RuntimeError("Query interrupted")
            threading.Timer(0.2, self.con.interrupt).start()
            self.con.execute("SELECT count(*) FROM range(10000000000000) numbers")  # runs until interrupted
        real(self, table, data, select, replace=replace)

    monkeypatch.setattr(sinks.DuckDBSink, "_insert", insert)
    folder = write_releases(tmp_path / "docs", 4)
    out = tmp_path / "out.duckdb"
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 130
    assert capsys.readouterr().err == "korex: interrupted; what was done is kept: the same command goes on\n"
    assert interrupted == ["documents"]
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 0
    assert canonical(frames.read(out)) == canonical(output_tables(StubExtractor(), folder))
