"""Gazetteer files: validation errors that name file, line and problem; user folders override."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


PLACES = "id,ko,en,country,kind,source\n"


def test_check_reports_every_bad_row_not_only_the_first(tmp_path: Path) -> None:
    write(
        tmp_path,
        "places.csv",
        PLACES
        + "place:gyeongju,경주,Gyeongju,KOR,city,https://www.gyeongju.go.kr\n"
        + "place:bad one,부산,Busan,KOR,city,https://www.busan.go.kr\n"
        + "place:andong,안동,Andong,KOR,town,https://www.andong.go.kr\n"
        + "place:jeonju,전주,Jeonju,KOR,city,\n",
    )
    report = gazetteer.check_folder(tmp_path)
    assert not report.ok
    assert report.rows == {"places.csv": 1}
    assert [(problem.line, problem.path) for problem in report.problems] == [
        (3, str(tmp_path / "places.csv")),
        (4, str(tmp_path / "places.csv")),
        (5, str(tmp_path / "places.csv")),
    ]
    assert "id must be" in str(report.problems[0])
    assert "'town' is not one of" in str(report.problems[1])
    assert "every row needs a source" in str(report.problems[2])
    with pytest.raises(GazetteerError) as caught:
        gazetteer.check(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path}: 3 problems\n")
    assert all(f"places.csv:{line}:" in str(caught.value) for line in (3, 4, 5))


def test_check_reports_duplicate_ids_within_a_folder(tmp_path: Path) -> None:
    write(tmp_path, "places.csv", PLACES + "place:suwon,수원,Suwon,KOR,city,https://www.suwon.go.kr\n")
    write(
        tmp_path,
        "organizations.csv",
        "id,ko,en,country,kind,parent,source\n"
        "place:suwon,수원시청,Suwon City Hall,KOR,office,,https://www.suwon.go.kr\n",
    )
    (problem,) = gazetteer.check_folder(tmp_path).problems
    assert "id 'place:suwon' is already the id of the row at" in str(problem)
    assert problem.path == str(tmp_path / "places.csv") and problem.line == 2


def test_overriding_a_shipped_id_is_no_duplicate(tmp_path: Path) -> None:
    write(tmp_path, "countries.csv", HEADER + "TWN,중화민국|대만,,,Taiwan,TWN,user test file\n")
    assert gazetteer.check_folder(tmp_path).ok


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("my_places.csv", "did you mean places.csv?"),
        ("notes.csv", "korex reads no file of this name;"),
        ("person_cues.csv", "only from its own gazetteer folder"),
    ],
)
def test_check_reports_files_it_would_not_read(tmp_path: Path, name: str, hint: str) -> None:
    write(tmp_path, name, PLACES + "place:gimhae,김해,Gimhae,KOR,city,https://www.gimhae.go.kr\n")
    write(tmp_path, "README.md", "notes on our own rows\n")
    report = gazetteer.check_folder(tmp_path)
    assert report.rows == {}
    (problem,) = report.problems
    assert problem.path == str(tmp_path / name)
    assert hint in str(problem)
    with pytest.raises(GazetteerError, match="1 problem\n"):
        gazetteer.check(tmp_path)


def test_check_reports_every_reference_to_no_row(tmp_path: Path) -> None:
    write(
        tmp_path,
        "organizations.csv",
        "id,ko,en,country,kind,parent,source\n"
        "org:kor-mofa-x1,가상국,Bureau X1,KOR,bureau,org:kor-mofa,https://www.mofa.go.kr\n"
        "org:kor-x2,가상과,Division X2,KOR,division,org:kor-nowhere,https://www.mofa.go.kr\n"
        "org:kor-x3,가상실,Office X3,KOR,office,org:kor-elsewhere,https://www.mofa.go.kr\n",
    )
    problems = gazetteer.check_folder(tmp_path).problems
    assert [p.line for p in problems] == [3, 4]
    assert "parent 'org:kor-nowhere' is not the id of any row" in str(problems[0])


def test_a_report_of_a_good_folder_counts_its_rows(tmp_path: Path) -> None:
    write(tmp_path, "places.csv", PLACES + "place:pohang,포항,Pohang,KOR,city,https://www.pohang.go.kr\n")
    report = gazetteer.check_folder(tmp_path)
    assert report.ok and report.n_rows == 1
    assert report.describe() == f"{tmp_path}: 1 rows OK"
    assert gazetteer.check_folder(tmp_path / "nowhere").problems[0].path == str(tmp_path / "nowhere")


def test_the_fingerprint_follows_every_file_the_pipeline_reads(tmp_path: Path) -> None:
    shipped = gazetteer.fingerprint()
    assert shipped == gazetteer.fingerprint() and len(shipped) == 64
    ours = tmp_path / "ours"
    path = write(ours, "places.csv", PLACES + "place:mokpo,목포,Mokpo,KOR,city,https://www.mokpo.go.kr\n")
    with_ours = gazetteer.fingerprint([ours])
    assert with_ours != shipped
    write(ours, "notes.csv", "anything\n")  # a file korex does not read changes nothing
    assert gazetteer.fingerprint([ours]) == with_ours
    path.write_text(PLACES + "place:mokpo,목포시,Mokpo,KOR,city,https://www.mokpo.go.kr\n", encoding="utf-8")
    assert gazetteer.fingerprint([ours]) != with_ours
    twin = tmp_path / "twin"
    write(twin, "places.csv", path.read_text(encoding="utf-8"))
    assert gazetteer.fingerprint([twin]) == gazetteer.fingerprint([ours])  # contents, not paths
    assert gazetteer.fingerprint([ours, twin]) != gazetteer.fingerprint([ours])
    with pytest.raises(GazetteerError, match="not a gazetteer folder"):
        gazetteer.fingerprint([tmp_path / "nowhere"])


def test_the_fingerprint_follows_the_korex_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gazetteer.fingerprint()
    monkeypatch.setattr(extractor, "__version__", "99.0.0")
    assert gazetteer.fingerprint() != before


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda text: (PLACES + text).encode("utf-8")))
def test_any_bytes_in_a_gazetteer_file_give_a_report_never_a_crash(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "places.csv").write_bytes(data)
        report = gazetteer.check_folder(folder)
    assert all(isinstance(problem, GazetteerError) and problem.path for problem in report.problems)
    assert report.ok == (not report.problems)
