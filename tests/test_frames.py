"""Tables: to_frames keys that join, flattened events, and read() of every output format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from outputs import output_tables

import extractor
from extractor import batch, frames
from extractor.errors import InputError
from extractor.models import Document, Event, EventFormat, EventType, FileError, Participant

ROOT = Path(__file__).resolve().parent.parent

# Written for these tests in the style of ministry press releases; people and meetings are invented.
TEXTS = {
    "dialogue.txt": (
        "2025.02.03 외교부\n\n정민호 외교부 제1차관은 2.3.(월) 서울에서 응우옌 반 탄 베트남 외교부 차관과 "
        "제5차 한-베트남 차관전략대화를 개최하고, 양국 간 공급망 협력 방안을 논의하였다.\n"
    ),
    "call.txt": (
        "2025.03.12 외교부\n\n조현우 외교부 장관은 3.12.(수) 오후 마리 뒤부아 프랑스 외교장관과 전화 통화를 "
        "갖고, 한반도 문제에 대해 의견을 교환하였다.\n"
    ),
    "talks.md": (
        "---\ntitle: 한일 외교장관회담 결과\ndate: 2025-04-08\n---\n\n"
        "한일 외교장관은 8일 도쿄에서 회담하였다.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("frames") / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    return docs


@pytest.fixture(scope="module")
def items(folder: Path, korex: extractor.Extractor) -> list[Document | FileError]:
    return list(korex.extract_folder(folder))


def test_import_extractor_does_not_import_pandas() -> None:
    code = "import sys, extractor, extractor.frames, extractor.sinks, extractor.batch, extractor.progress; "
    code += "print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_tables_columns_and_keys_that_join(items: list[Document | FileError]) -> None:
    tables = frames.to_frames(items)
    assert list(tables) == list(frames.TABLES)
    for name, table in tables.items():
        derived = ["event_group"] if name == "events" else []
        assert list(table.columns) == frames.columns(name) + derived
    documents, events = tables["documents"], tables["events"]
    assert documents.doc_key.is_unique and len(documents) == 3
    assert set(events.doc_key) <= set(documents.doc_key)
    assert set(tables["entities"].doc_key) <= set(documents.doc_key)
    joined = tables["participants"].merge(
        events, on=["doc_key", "event_idx"], how="left", validate="many_to_one"
    )
    assert joined.type.notna().all()
    assert tables["errors"].path.str.endswith("empty.txt").tolist() == [True]
    assert str(events["round"].dtype) == "Int64" and str(events.type.dtype) == "string"
    docs = [item for item in items if isinstance(item, Document)]
    assert len(events) == sum(len(d.events) for d in docs)
    assert len(tables["entities"]) == sum(len(d.entities) for d in docs)


def test_events_are_flattened_for_filtering() -> None:
    event = Event(
        type=EventType.TALKS,
        format=EventFormat.BILATERAL,
        countries=["JPN", "KOR"],
        date="2025-04-08",
        participants=[
            Participant(name="정민호", title="제1차관", org="외교부", country="KOR"),
            Participant(title="사무차관", country="JPN"),
        ],
        round=3,
    )
    doc = Document(id="x", source="x.txt", text="본문", events=[event])
    row = frames.to_frames([doc])["events"].iloc[0]
    assert row.countries == "JPN;KOR" and row.n_countries == 2
    assert row.participant_names == "정민호" and row.participant_countries == "KOR;JPN"
    assert row.participants == "정민호 (외교부, 제1차관, KOR); 사무차관 (사무차관, JPN)"
    assert row.n_participants == 2 and row["round"] == 3 and row.doc_id == "x"
    assert pd.isna(row.city)


def test_empty_input_gives_empty_typed_tables() -> None:
    tables = frames.to_frames([])
    assert all(len(t) == 0 for t in tables.values())
    assert str(tables["events"].confidence.dtype) == "float64"


def _assert_same(
    expected: dict[str, pd.DataFrame], found: dict[str, pd.DataFrame], tables=frames.TABLES
) -> None:
    assert sorted(found) == sorted(tables)
    for table in tables:
        pd.testing.assert_frame_equal(found[table], expected[table], obj=table)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet", ".duckdb"])
def test_every_output_reads_back_as_the_same_tables(
    suffix: str, folder: Path, items: list[Document | FileError], korex: extractor.Extractor, tmp_path: Path
) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    if suffix == ".duckdb":
        pytest.importorskip("duckdb")
    out = tmp_path / f"out{suffix}"
    summary = batch.extract_to(korex, folder, out, quiet=True)
    assert (summary.documents, summary.errors) == (3, 1)
    expected = output_tables(korex, folder)
    _assert_same(expected, frames.read(out))
    # Another run over the same files changes nothing.
    assert batch.extract_to(korex, folder, out, quiet=True).skipped == 4
    _assert_same(expected, frames.read(out))
    assert list(frames.read(out, tables=["events"])) == ["events"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_single_table_output(
    suffix: str, folder: Path, items: list[Document | FileError], korex: extractor.Extractor, tmp_path: Path
) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"events{suffix}"
    batch.extract_to(korex, folder, out, table="events", quiet=True)
    assert out.is_file()
    _assert_same(output_tables(korex, folder), frames.read(out), tables=["events"])


def test_read_rejects_what_is_not_an_output(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a korex table"):
        frames.read(tmp_path / "notes.csv")
    with pytest.raises(InputError, match="no such output"):
        frames.read(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="unknown output format"):
        (tmp_path / "x.xlsx").write_bytes(b"")
        frames.read(tmp_path / "x.xlsx")


_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=60
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_text, text=_text, name=_text)
def test_csv_keeps_any_text(
    tmp_path_factory: pytest.TempPathFactory, title: str, text: str, name: str
) -> None:
    """Commas, quotes, line breaks and Hangul in values survive the CSV output and read()."""
    from extractor.batch import FileResult
    from extractor.sinks import StagedSink

    event = Event(
        type=EventType.VISIT, format=EventFormat.UNILATERAL, participants=[Participant(name=name)], name=text
    )
    doc = Document(id="d", source="d.txt", title=title, text=text, events=[event])
    out = tmp_path_factory.mktemp("csv") / "out.csv"
    with StagedSink(out, fmt="csv") as sink:
        sink.add("/d.txt", FileResult("d.txt", [doc], hash="h"))
    expected = frames.to_frames([doc])
    key = frames.doc_key(doc, ("/d.txt", 0))
    for table in frames.TABLES[:-1]:
        expected[table]["doc_key"] = pd.Series([key] * len(expected[table]), dtype="string")
    _assert_same(expected, frames.read(out))


def test_events_of_one_real_event_share_an_event_group(items: list[Document | FileError]) -> None:
    events = frames.to_frames(items)["events"]
    assert events["event_group"].notna().all()
    for _, group in events.groupby("event_group"):
        assert group["type"].nunique() == 1
        assert group["countries"].nunique() == 1
