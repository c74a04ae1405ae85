"""The korex command: extract folders to JSON Lines, show, schema, gazetteer check, bad files."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import batch, frames, sinks
from extractor.cli import byte_count, main
from extractor.models import (
    Document,
    Entity,
    EntityLabel,
    Event,
    EventFormat,
    EventType,
    FileError,
    Location,
    Participant,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KOREX = Path(sys.executable).with_name("korex")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text("한일 외교장관이 도쿄에서 회담했다.", encoding="utf-8")
    (docs / "sub" / "b.txt").write_text("정부는 미국 국무부와 협의했다.", encoding="utf-8")
    (docs / "notes.csv").write_text("not,a,document\n", encoding="utf-8")
    return docs


def test_extract_writes_one_document_per_file(folder: Path, tmp_path: Path, korex: object) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 0
    documents = [Document.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d.id for d in documents] == ["a", "b"]
    assert documents[0].countries == ["JPN", "KOR"]
    assert not out.with_name("out.jsonl.part").exists()


def test_a_bad_file_is_reported_and_the_rest_still_written(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err
    assert "2 documents, 1 failed" in err


def test_extract_folder_yields_error_rows(folder: Path, korex: object) -> None:
    import extractor

    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    items = list(extractor.extract_folder([folder, folder / "missing.txt"]))
    errors = [item for item in items if isinstance(item, FileError)]
    assert {Path(e.path).name for e in errors} == {"broken.json", "missing.txt"}
    assert all(e.reason and e.message for e in errors)
    assert len(items) - len(errors) == 2


def test_show_prints_entities(folder: Path, capsys: pytest.CaptureFixture[str], korex: object) -> None:
    assert main(["show", str(folder / "a.txt")]) == 0
    out = capsys.readouterr().out
    assert "COUNTRY" in out and "JPN" in out and "entities" in out


def test_show_reads_jsonl_output(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    out = tmp_path / "out.jsonl"
    main(["extract", str(folder), "-o", str(out), "--quiet"])
    capsys.readouterr()
    assert main(["show", str(out)]) == 0
    assert capsys.readouterr().out.count("document  ") == 2


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "korex Document"


def test_gazetteer_check_lists_every_problem_of_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every bad row, a duplicate id and a file korex does not read: one line each, status 1."""
    assert main(["gazetteer", "check"]) == 0
    assert "rows OK" in capsys.readouterr().out
    (tmp_path / "countries.csv").write_text(
        "id,ko,en,source\nFOO,,Foo,x\nBAR,바르,Bar,x\nbad id,바,Baz,x\nBAR,바르2,Bar,x\n", encoding="utf-8"
    )
    (tmp_path / "my_places.csv").write_text("id,ko,en,kind,source\n", encoding="utf-8")
    assert main(["gazetteer", "check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{tmp_path}: 4 problems"
    assert "countries.csv:2: ko" in out and "countries.csv:4: id" in out
    assert "countries.csv:5: id 'BAR' is already the id of the row at" in out
    assert "my_places.csv: korex reads no file of this name" in out


def test_installed_command_runs_from_another_directory(tmp_path: Path) -> None:
    """The console script, run where the source tree is not, reads the examples folder."""
    assert KOREX.exists(), "install the project first (see README): the korex command is missing"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [str(KOREX), "extract", str(EXAMPLES), "--quiet"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    documents = [Document.model_validate_json(line) for line in result.stdout.splitlines()]
    files = {p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".json", ".jsonl"}}
    assert {Path(d.source or "").name for d in documents} == files
    assert len(documents) >= len(files)
    assert all(d.countries for d in documents)


# --------------------------------------------------------------------------- habits of other CLIs


def test_extract_reads_stdin_with_a_dash(tmp_path: Path) -> None:
    text = "한일 외교장관이 도쿄에서 회담했다.\n"
    result = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "-"],
        input=text.encode("utf-8"),
        capture_output=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    (document,) = [Document.model_validate_json(line) for line in result.stdout.decode().splitlines()]
    assert document.text == text and document.countries == ["JPN", "KOR"] and document.source is None
    assert "1 document, 0 failed; 1 file;" in result.stderr.decode()


def test_extract_takes_a_text_and_writes_any_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    text = "한미 외교장관은 워싱턴에서 회담했다."
    assert main(["extract", "--text", text]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert Document.model_validate_json(line).model_dump() == korex.extract(text).model_dump()
    out = tmp_path / "one.csv"
    assert main(["extract", "--text", text, "-o", str(out), "--quiet"]) == 0
    assert frames.read(out)["events"]["countries"].tolist() == ["KOR;USA"]
    with pytest.raises(SystemExit) as usage:
        main(["extract", "--text", text, "a.txt"])
    assert usage.value.code == 2 and "give PATHs or --text, not both" in capsys.readouterr().err


def test_the_summary_counts_in_the_singular_for_one(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    assert main(["extract", str(folder / "a.txt"), "-o", str(tmp_path / "one.jsonl")]) == 0
    assert "korex: 1 document, 0 failed; 1 file;" in capsys.readouterr().err


def test_max_bytes_sets_the_largest_file_read(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    size = min(path.stat().st_size for path in folder.rglob("*.txt"))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--max-bytes", str(size - 1)]) == 1
    assert capsys.readouterr().err.count(f"over the limit of {size - 1:,} bytes (max_bytes)") == 2
    assert [e.reason for e in sinks.recorded_errors(out)] == ["too_large", "too_large"]
    assert main(["extract", str(folder), "-o", str(out), "--max-bytes", "1k", "--quiet"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    with pytest.raises(SystemExit) as usage:
        main(["extract", str(folder), "--max-bytes", "lots"])
    assert usage.value.code == 2 and "'lots' is not a size in bytes" in capsys.readouterr().err


def test_none_of_the_paths_exists_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    for name in ("out.jsonl", "out.duckdb", "tables.csv"):
        out = tmp_path / "outputs" / name
        assert (
            main(["extract", str(tmp_path / "nowhere"), str(tmp_path / "nor-here.txt"), "-o", str(out)]) == 1
        )
        assert "no such file or folder; nothing was read or written" in capsys.readouterr().err
    assert not (tmp_path / "outputs").exists()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_folder_of_tables_needs_no_suffix(
    fmt: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "tables"
    assert main(["extract", str(folder), "-o", f"{out}/", "--format", fmt, "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([".korex", *(f"{t}.{fmt}" for t in frames.TABLES)])
    reference = tmp_path / f"reference.{fmt}"
    assert main(["extract", str(folder), "-o", str(reference), "--quiet"]) == 0
    for table, data in frames.read(reference).items():
        pd.testing.assert_frame_equal(frames.read(out)[table], data)
    again = batch.extract_to(korex, folder, out, quiet=True)  # the folder remembers its format
    assert (again.skipped, again.extracted) == (2, 0)
    assert main(["extract", str(folder), "-o", str(tmp_path / "loose"), "--quiet"]) == 2
    assert "--format csv" in capsys.readouterr().err
    single = tmp_path / "one-table"
    assert main(["extract", str(folder), "-o", str(single), "--format", fmt, "--table", "events"]) == 0
    assert sorted(p.name for p in single.iterdir()) == [".korex", f"events.{fmt}"]


# --------------------------------------------------------------------------- show, eval, info

# Written for these tests; the people, places and ids are invented.
LONG = Document(
    id="release-2025-0314-vice-ministerial-strategic-dialogue",
    source="pages/release.txt",
    text="가나다",
    entities=[
        Entity(
            label=EntityLabel.ORG,
            text="가나다",
            start=0,
            end=3,
            kb_id="org:kor-mofa-bilateral-economic-bureau",
        )
    ],
    events=[
        Event(
            type=EventType.TALKS,
            format=EventFormat.BILATERAL,
            countries=["KOR", "USA"],
            location=Location(city="Washington, D.C.", city_ko="워싱턴 디씨 국무부 청사", country="USA"),
            participants=[Participant(name="엘리자베스 하딩 몽고메리"), Participant(name="박서진")],
        )
    ],
)


@pytest.fixture()
def written(tmp_path: Path) -> Path:
    """A JSON Lines output of two Documents, one of them with long ids, places and names."""
    out = tmp_path / "written.jsonl"
    short = Document(id="short", text="한", countries=["KOR"])
    out.write_text("".join(d.model_dump_json() + "\n" for d in (LONG, short)), encoding="utf-8")
    return out


def test_show_cuts_no_id_place_or_name(written: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(written)]) == 0
    out = capsys.readouterr().out
    for whole in (LONG.id, "org:kor-mofa-bilateral-economic-bureau", "워싱턴 디씨 국무부 청사"):
        assert whole in out
    assert "엘리자베스 하딩 몽고메리, 박서진" in out and "…" not in out


def test_show_picks_one_document_and_its_events(written: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(written), "--id", "short", "--events"]) == 0
    out = capsys.readouterr().out
    assert out.count("document  ") == 1 and "document  short" in out
    assert "events (0)" in out and "entities" not in out
    assert main(["show", str(written), "--id", "nobody"]) == 1
    assert "no document with the id 'nobody'; the ids are release-2025" in capsys.readouterr().err


def test_show_reads_a_database_and_a_json_list_of_records(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    pytest.importorskip("duckdb")
    out = tmp_path / "out.duckdb"
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["show", str(out), "--id", "a"]) == 0
    from_database = capsys.readouterr().out
    assert main(["show", str(folder / "a.txt")]) == 0
    assert capsys.readouterr().out.replace(str(folder / "a.txt"), "") == from_database.replace(
        str(folder / "a.txt"), ""
    )
    records = [
        {"id": "r1", "text": "한일 외교장관이 도쿄에서 회담했다."},
        {"id": "r2", "text": "한중 정상이 통화했다."},
    ]
    listing = tmp_path / "records.json"
    listing.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert main(["show", str(listing), "--events"]) == 0
    out_text = capsys.readouterr().out
    assert "document  r1" in out_text and "document  r2" in out_text and "PHONE_CALL" in out_text


def test_show_writes_an_html_page(written: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    assert main(["show", str(written), "--html", str(page)]) == 0
    assert f"{page} (2 documents)" in capsys.readouterr().err
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert html.count("<section>") == 2 and 'class="entities"' in html
    assert "워싱턴 디씨 국무부 청사" in html and "<td>TALKS</td>" in html


def test_eval_prints_the_figures_of_evaluate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], korex: object
) -> None:
    from extractor import evaluate

    gold = Path(__file__).parent / "data" / "gold"
    expected = evaluate.score(gold)
    assert main(["eval", str(gold), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {k: v for k, v in found.items() if k != "seconds"} == {
        k: v for k, v in expected.items() if k != "seconds"
    }
    assert main(["eval", str(gold)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"3 gold documents in {gold}, 0 failed to extract")
    events = next(line.split() for line in out.splitlines() if line.startswith("events "))
    assert events[1:] == [str(expected["events"][k]) for k in ("p", "r", "f1", "gold")]
    assert main(["eval", str(gold / "nowhere")]) == 1
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "countries.csv").write_text("id,ko,en,source\nFOO,,Foo,x\n", encoding="utf-8")
    assert main(["eval", str(gold), "--gazetteer", str(bad)]) == 2
    assert f"korex: error: {bad}: 1 problem\n" in capsys.readouterr().err


def test_info_prints_versions_and_the_gazetteers_in_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import extractor
    from extractor import gazetteer

    (tmp_path / "places.csv").write_text(
        "id,ko,en,kind,source\nplace:nowhere-town,카르보니아,Nowhere Town,city,invented for a test\n",
        encoding="utf-8",
    )
    assert main(["info", "--gazetteer", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"korex {extractor.__version__} (python ")
    assert re.search(r"^spacy\s+3\.", out, flags=re.M) and re.search(r"^kiwipiepy\s+0\.", out, flags=re.M)
    shipped = gazetteer.check_folder(gazetteer.shipped_dir())
    assert f"gazetteers (shipped) {gazetteer.shipped_dir()}: {shipped.n_rows} rows" in out
    assert re.search(rf"^countries\.csv\s+{shipped.rows['countries.csv']}$", out, flags=re.M)
    assert f"gazetteers (yours) {tmp_path}: 1 row\n" in out
    assert re.search(r"^places\.csv\s+1$", out, flags=re.M)
    assert "pipeline fingerprint " in out


# --------------------------------------------------------------------------- gazetteers of your own

# Written for these tests; the town is invented, and so is its gazetteer row.
TOWN_TEXT = "한일 외교장관은 5일 카르보니아에서 회담하고 양국 관계를 논의했다.\n"
TOWN_ROW = "place:nowhere-town,카르보니아,{en},JPN,city,{source}\n"
PLACES_HEAD = "id,ko,en,country,kind,source\n"


def write_town(folder: Path, *, en: str = "Nowhere Town", source: str = "invented for a test") -> None:
    folder.mkdir(exist_ok=True)
    (folder / "places.csv").write_text(PLACES_HEAD + TOWN_ROW.format(en=en, source=source), encoding="utf-8")


def cities(out: Path) -> list[str | None]:
    return [
        event.location.city if event.location else None
        for line in out.read_text(encoding="utf-8").splitlines()
        for event in Document.model_validate_json(line).events
    ]


def test_a_broken_gazetteer_stops_the_run_once_and_the_fixed_one_is_used(tmp_path: Path) -> None:
    """The same command, before and after mending the folder: one message and nothing written, then
    every document extracted with the mended rows (none skipped as unchanged)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(3):
        (docs / f"r{n}.txt").write_text(TOWN_TEXT, encoding="utf-8")
    mine, out = tmp_path / "mine", tmp_path / "out" / "out.jsonl"
    write_town(mine, source="")
    command = [
        sys.executable,
        "-m",
        "extractor",
        "extract",
        str(docs),
        "-o",
        str(out),
        "--gazetteer",
        str(mine),
    ]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300, check=False)

    broken = run()
    assert broken.returncode == 2
    lines = broken.stderr.splitlines()
    assert lines[0] == f"korex: error: {mine}: 1 problem"
    assert lines[1] == f"  {mine / 'places.csv'}:2: source: Value error, every row needs a source"
    assert len(lines) == 3 and "no document was read" in lines[2]
    assert not (tmp_path / "out").exists()
    write_town(mine)
    fixed = run()
    assert fixed.returncode == 0, fixed.stderr
    assert "3 documents, 0 failed; 3 files;" in fixed.stderr and "unchanged" not in fixed.stderr
    assert cities(out) == ["Nowhere Town"] * 3


def test_a_changed_gazetteer_redoes_the_files_it_may_change(tmp_path: Path) -> None:
    """The output records the fingerprint of the pipeline that analysed each file; a file analysed
    under another is extracted again, by the same Extractor too, with the files as they are now."""
    import extractor

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "r.txt").write_text(TOWN_TEXT, encoding="utf-8")
    mine, out = tmp_path / "mine", tmp_path / "out.jsonl"
    write_town(mine)
    custom = extractor.Extractor(gazetteers=[mine])
    first = batch.extract_to(custom, docs, out, quiet=True)
    assert (first.extracted, cities(out)) == (1, ["Nowhere Town"])
    (entry,) = sinks.read_manifest(sinks.state_folder(out) / "manifest.jsonl").entries
    assert entry[1].fingerprint == custom.fingerprint()
    assert batch.extract_to(custom, docs, out, quiet=True).skipped == 1
    write_town(mine, en="Nowhere Village")
    again = batch.extract_to(custom, docs, out, quiet=True)
    assert (again.extracted, again.skipped, cities(out)) == (1, 0, ["Nowhere Village"])
    assert batch.extract_to(extractor.Extractor(gazetteers=[mine]), docs, out, quiet=True).skipped == 1


# --------------------------------------------------------------------------- any text


@given(st.text(max_size=12))
def test_max_bytes_takes_a_size_or_says_it_is_none(text: str) -> None:
    try:
        found = byte_count(text)
    except argparse.ArgumentTypeError as exc:
        assert repr(text) in str(exc)
    else:
        assert isinstance(found, int) and found > 0


@given(
    st.integers(1, 10**6), st.sampled_from([("", 1), ("k", 2**10), ("M", 2**20), ("G", 2**30), ("kb", 2**10)])
)
def test_max_bytes_units_are_powers_of_1024(n: int, unit: tuple[str, int]) -> None:
    assert byte_count(f"{n}{unit[0]}") == n * unit[1]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_given_on_stdin_become_documents_or_rows_named_stdin(data: bytes) -> None:
    from stub import StubExtractor

    result = batch.extract_path(StubExtractor(), batch.Given("<stdin>", data), max_bytes=200)
    assert result.items and result.path == "<stdin>"
    assert all(error.path == "<stdin>" for error in result.errors)
    assert all(document.source != "<stdin>" for document in result.documents)
    if len(data) > 200:
        assert [error.reason for error in result.errors] == ["too_large"]


@given(st.lists(st.lists(st.text(max_size=15), min_size=3, max_size=3), max_size=5))
def test_show_tables_line_up_and_cut_nothing(rows: list[list[str]]) -> None:
    from extractor import show

    lines = show.table(["a", "b", "c"], rows).split("\n")
    widths = [len(cell) for cell in lines[1].split("  ")]
    for line, row in zip(lines[2:], rows, strict=True):
        line = line.ljust(sum(widths) + 10)  # the trailing blanks a line drops
        start = 0
        for cell, width in zip(row, widths, strict=True):
            text = cell.replace("\n", " ")
            assert line[start:].startswith(text)
            start += len(text) + (width - show._width(text)) + 2
