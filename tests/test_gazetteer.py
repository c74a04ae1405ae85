"""Gazetteer files: validation errors that name file, line and problem; user folders override."""

from __future__ import annotations

from pathlib import Path

import pytest

import extractor
from extractor import gazetteer
from extractor.errors import GazetteerError
from extractor.models import EntityLabel

HEADER = "id,ko,short,compound,en,country,source\n"


def write(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_shipped_gazetteers_validate() -> None:
    assert gazetteer.check(gazetteer.shipped_dir()) >= 249


def test_every_country_row_has_a_source_and_an_iso_id() -> None:
    countries = gazetteer.load().of(EntityLabel.COUNTRY)
    assert len(countries) == 249
    assert all(entry.attrs is not None and entry.id.isupper() and len(entry.id) == 3 for entry in countries)
    assert gazetteer.load()["KOR"].canonical == "한국"
    assert "동경" not in gazetteer.load()["JPN"].forms


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("FOO,가나,,,Foo,FOO,\n", "every row needs a source"),
        ("FOO,가나||다,,,Foo,FOO,somewhere\n", "empty form"),
        ("FOO,가나,,loose,Foo,FOO,somewhere\n", "compound must be free, marked or empty"),
        ("FOO,가나,,,Foo,Japan,somewhere\n", "not an ISO 3166-1 alpha-3 code"),
        ("Foo Bar,가나,,,Foo,FOO,somewhere\n", "id must be"),
        ("FOO,가나,,,Foo,FOO,somewhere,extra\n", "more cells than columns"),
    ],
)
def test_a_malformed_row_names_file_line_and_problem(tmp_path: Path, row: str, problem: str) -> None:
    path = write(tmp_path, "countries.csv", HEADER + "KOR,한국,,,Korea,KOR,x\n" + row)
    with pytest.raises(GazetteerError) as caught:
        gazetteer.check(tmp_path)
    assert f"{path}:3:" in str(caught.value)
    assert problem in str(caught.value)


def test_a_wrong_header_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "countries.csv", "id,korean,en,source\n")
    with pytest.raises(GazetteerError, match=r"unknown columns.*korean"):
        gazetteer.check(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not a gazetteer folder"):
        gazetteer.check(tmp_path / "nowhere")


def test_a_user_row_overrides_the_shipped_row_with_the_same_id(tmp_path: Path) -> None:
    write(tmp_path, "countries.csv", HEADER + "TWN,중화민국|대만,,,Taiwan,TWN,user test file\n")
    merged = gazetteer.load([tmp_path])
    assert merged["TWN"].forms == ("중화민국", "대만")
    assert merged["TWN"].origin.startswith(str(tmp_path))
    custom = extractor.Extractor(gazetteers=[tmp_path])
    assert custom.extract("중화민국 외교부가 발표했다.").countries == ["TWN"]


@pytest.mark.parametrize(
    ("text", "label", "surface", "kb_id"),
    [
        ("대표단이 동경에 도착했다.", EntityLabel.LOCATION, "동경", "place:tokyo"),
        ("일 외무성은 입장을 밝혔다.", EntityLabel.ORG, "일 외무성", "org:jpn-mofa"),
        ("총리대신은 담화를 냈다.", EntityLabel.TITLE, "총리대신", "title:jpn-prime-minister"),
        (
            "양국은 외교 장관 회담을 가졌다.",
            EntityLabel.MEETING,
            "외교 장관 회담",
            "meeting:foreign-ministers-talks",
        ),
        ("카미카와 요코 외무대신이 말했다.", EntityLabel.PERSON, "카미카와 요코", "person:kamikawa-jpn-fm"),
        ("대한민국 정부는 환영했다.", EntityLabel.COUNTRY, "대한민국", "KOR"),
    ],
)
def test_an_alias_of_every_file_links_to_its_row(
    korex: extractor.Extractor, text: str, label: EntityLabel, surface: str, kb_id: str
) -> None:
    found = [(e.text, e.kb_id) for e in korex.extract(text).entities if e.label is label]
    assert (surface, kb_id) in found
