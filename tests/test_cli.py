"""The korex command: extract folders to JSON Lines, show, schema, gazetteer check, bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.models import Document, FileError

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


def test_gazetteer_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["gazetteer", "check"]) == 0
    assert "rows OK" in capsys.readouterr().out
    (tmp_path / "countries.csv").write_text("id,ko,en,source\nFOO,,Foo,x\n", encoding="utf-8")
    assert main(["gazetteer", "check", str(tmp_path)]) == 1
    assert "countries.csv" in capsys.readouterr().err


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
