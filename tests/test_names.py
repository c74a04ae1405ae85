"""English names of people: the gazetteer's, the Latin original the text gives, or a romanised Korean name."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor import gazetteer
from extractor.models import NameSource
from extractor.names import english_name, romanize_korean_name, romanize_syllable, surname_spellings

LATIN_NAME = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]*(-[a-z]+)*$")


@pytest.mark.parametrize(
    ("syllable", "latin"),
    [
        ("석", "seok"),
        ("라", "ra"),
        ("열", "yeol"),
        ("꽃", "kkot"),
        ("의", "ui"),
        ("밝", "bak"),
        ("쌍", "ssang"),
    ],
)
def test_a_syllable_is_read_on_its_own(syllable: str, latin: str) -> None:
    assert romanize_syllable(syllable) == latin


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("김민준", "Kim Min-jun"),
        ("이서연", "Lee Seo-yeon"),
        ("박지훈", "Park Ji-hun"),
        ("최윤아", "Choi Yun-a"),
        ("정하늘", "Jung Ha-neul"),
        ("한복남", "Han Bok-nam"),  # no sound change between the given name's syllables (not Bongnam)
        ("신라희", "Shin Ra-hui"),  # not Silla-hui
        ("박진", "Park Jin"),
        ("남궁민수", "Namgung Min-su"),
        ("황보서윤", "Hwangbo Seo-yun"),
    ],
)
def test_korean_names_take_the_usual_surname_spelling(name: str, latin: str) -> None:
    assert romanize_korean_name(name) == latin


@pytest.mark.parametrize(
    "name",
    ["나흐얀", "마이클 던", "김", "뭉크바트", "김민준서연", "Kim", "김민준(金)"],
)
def test_what_is_not_a_korean_name_is_not_romanised(name: str) -> None:
    assert romanize_korean_name(name) is None


def test_the_source_of_an_english_name() -> None:
    assert english_name("조태열", None, "KOR", "Cho Tae-yul") == ("Cho Tae-yul", NameSource.GAZETTEER)
    assert english_name("존 스미스", "John Smith", "USA", None) == ("John Smith", NameSource.ORIGINAL)
    assert english_name("호세 마리아", "José María", None, None) == ("José María", NameSource.ORIGINAL)
    assert english_name("김서준", "金瑞俊", "KOR", None) == ("Kim Seo-jun", NameSource.ROMANIZED)
    assert english_name("왕웨이", "王伟", "CHN", None) == (None, None)
    assert english_name("이준호", None, None, None) == ("Lee Jun-ho", NameSource.ROMANIZED)
    assert english_name("두다", None, None, None) == (None, None)  # two syllables, country unknown
    assert english_name("리궈펑", None, "KOR", None) == (None, None)  # 리 is no surname spelling here


def test_honorifics_of_an_original_are_left_out() -> None:
    assert english_name("살만", "His Highness Salman", "SAU", None) == ("Salman", NameSource.ORIGINAL)
    smith = english_name("존 스미스", "H.E. Mr. John Smith", "USA", None)
    assert smith == ("John Smith", NameSource.ORIGINAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "존 스미스(John Smith) 미국 국무부 부장관은 5일 서울에서 김민준 외교부 제1차관과 회담했다.",
            {"존 스미스": ("John Smith", "original"), "김민준": ("Kim Min-jun", "romanized")},
        ),
        (
            "외교부 박서윤 동북아시아국장은 12일 도쿄에서 다나카 겐지(田中健二) 일본 외무성 "
            "아시아대양주국장과 국장급 협의를 가졌다.",
            {"박서윤": ("Park Seo-yun", "romanized"), "다나카 겐지": (None, None)},
        ),
        (
            "조태열 외교부 장관은 오늘 마리아 로페스(Maria Lopez) 멕시코 외교부 차관을 접견하였다.",
            {"조태열": ("Cho Tae-yul", "gazetteer"), "마리아 로페스": ("Maria Lopez", "original")},
        ),
    ],
)
def test_every_person_gets_an_english_name_and_its_source(
    korex: extractor.Extractor, text: str, expected: dict[str, tuple[str | None, str | None]]
) -> None:
    found = {
        p.name: (p.name_en, p.name_en_source.value if p.name_en_source else None)
        for p in korex.extract(text).persons
    }
    assert {name: found.get(name) for name in expected} == expected


def test_every_surname_has_a_spelling_with_a_source() -> None:
    path = gazetteer.shipped_dir() / "surname_spellings.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert all(re.fullmatch(r"[가-힣]{1,2}", r["ko"]) and re.fullmatch(r"[A-Z][a-z]+", r["en"]) for r in rows)
    assert all(r["source"].strip() for r in rows)
    with (gazetteer.shipped_dir() / "person_cues.csv").open(encoding="utf-8", newline="") as handle:
        surnames = {r["form"] for r in csv.DictReader(handle) if r["kind"] == "surname"}
    assert surnames <= set(surname_spellings())


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xD7A3), max_size=8))
def test_any_text_gives_a_latin_name_or_none(name: str) -> None:
    latin = romanize_korean_name(name)
    assert latin is None or LATIN_NAME.match(latin)


@given(st.text(min_size=1, max_size=4, alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)))
def test_romanised_hangul_names_are_latin(name: str) -> None:
    latin = romanize_korean_name("김" + name)
    assert latin is None or (LATIN_NAME.match(latin) and latin.startswith("Kim "))
