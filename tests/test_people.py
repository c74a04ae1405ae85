"""People and titles: the shapes press releases name officials in, and what must not become a person."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor.rules.people import _Page
from extractor.rules.words import words
from extractor.tokens import text_of


def people(ex: extractor.Extractor, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {p.name: (p.title, p.org, p.country) for p in ex.extract(text).persons}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("박서진 외교부 제1차관은 오늘 기자들과 만났다.", "박서진", ("제1차관", "외교부", "KOR")),
        ("외교부 정하늘 한반도정책국장은 협의를 가졌다.", "정하늘", ("한반도정책국장", "외교부", "KOR")),
        (
            "엘리자베스 하딩(Elizabeth Harding) 호주 외교통상부 차관은 지지를 표명하였다.",
            "엘리자베스 하딩",
            ("차관", "호주 외교통상부", "AUS"),
        ),
        (
            "최유진 제1차관은 마이클 던 주한캐나다대사를 접견하였다.",
            "마이클 던",
            ("주한캐나다대사", None, "CAN"),
        ),
        ("교육부(부총리 겸 교육부장관 김민서)는 계획을 발표하였다.", "김민서", None),
    ],
)
def test_name_shapes(korex: extractor.Extractor, text: str, name: str, expected: tuple | None) -> None:
    found = people(korex, text)
    assert name in found
    if expected is not None:
        assert found[name] == expected


def test_original_in_parentheses_sets_the_number_of_words(korex: extractor.Extractor) -> None:
    doc = korex.extract(
        "하야시 겐타(林 健太) 일본 외무성 국장과 만났다. "
        "로버트 마틴(Robert Martin) 미국 국무부 부차관보도 참석했다."
    )
    found = {p.name: p.name_original for p in doc.persons}
    assert found == {"하야시 겐타": "林 健太", "로버트 마틴": "Robert Martin"}


def test_latin_honorifics_are_not_name_words(korex: extractor.Extractor) -> None:
    doc = korex.extract(
        "정부는 파루크 빈 살렘(His Excellency Farouk bin Salem) 카타르 외교장관과 회담하였다."
    )
    assert [p.name for p in doc.persons] == ["파루크 빈 살렘"]


def test_names_between_brackets_with_an_honorific_title(korex: extractor.Extractor) -> None:
    doc = korex.extract("이번 회의를 가나의 「코피 아산테 멘사」 대통령님과 공동으로 주재하였습니다.")
    assert {p.name: p.country for p in doc.persons} == {"코피 아산테 멘사": "GHA"}


def test_short_references_are_mentions_of_the_full_name(korex: extractor.Extractor) -> None:
    text = (
        "박서진 외교부 제1차관은 엘리자베스 하딩(Elizabeth Harding) 호주 외교통상부 차관과 회담하였다. "
        "박 차관은 협력을 당부하였고, 하딩 차관은 공감하였다."
    )
    doc = korex.extract(text)
    assert [p.name for p in doc.persons] == ["박서진", "엘리자베스 하딩"]
    assert [len(p.mentions) for p in doc.persons] == [2, 2]
    assert [text[a:b] for a, b in doc.persons[1].mentions] == ["엘리자베스 하딩", "하딩"]


def test_officials_gazetteer_links_known_people(korex: extractor.Extractor) -> None:
    doc = korex.extract("블라디미르 푸틴 러시아 대통령은 성명을 냈다.")
    (putin,) = doc.persons
    assert putin.kb_id and putin.kb_id.startswith("person:")
    assert putin.name_en == "Vladimir Putin"
    assert putin.country == "RUS"


@pytest.mark.parametrize(
    "text",
    [
        "외교부 장관은 오늘 성명을 발표하였다.",  # a title with no name
        "미국 국무부 대북고위관리와 협의하였다.",  # an unnamed official
        "정부는 정책 기획관 회의를 열었다.",  # common nouns before a title
        "한-태평양도서국 정상 회의가 열렸다.",  # a word joined by a hyphen is no name
        "국무부 부장관과 통화하였다.",  # a body, not a person
    ],
)
def test_no_person_where_no_name_is_written(korex: extractor.Extractor, text: str) -> None:
    assert korex.extract(text).persons == []


def test_every_person_mention_indexes_the_text(korex: extractor.Extractor) -> None:
    text = "김민준 외교부 제2차관은 하야시 겐타(林 健太) 일본 외무성 국장과 만났다. 김 차관은 만족을 표했다."
    doc = korex.extract(text)
    for person in doc.persons:
        for start, end in person.mentions:
            assert text[start:end] in (person.name, person.name.split()[0], person.name[0])


def test_an_unspaced_japanese_original_gives_two_words(korex: extractor.Extractor) -> None:
    doc = korex.extract("김민준 제1차관은 후지사와 겐타로(藤沢健太郎) 일본 외무성 사무차관과 회담했다.")
    assert [p.name for p in doc.persons] == ["김민준", "후지사와 겐타로"]


def test_a_bare_title_word_is_no_unnamed_official(korex: extractor.Extractor) -> None:
    doc = korex.extract("양측은 영사 분야 협력을 논의했다. 회의장에서 만난 대표들은 캐나다 측과 협의했다.")
    assert all(p.name is not None or p.org or p.country for e in doc.events for p in e.participants)
    assert not [p for e in doc.events for p in e.participants if p.title in ("영사", "회의장")]


#: Words, brackets and the whitespace between them: line breaks among words.
LINES = ["김민수", "외교부", "장관", "은", "(", ")", "·", " ", "  ", "\n", " \n", "\n\n", "3"]


@given(st.lists(st.sampled_from(LINES), max_size=30).map("".join))
@settings(max_examples=60, deadline=None)
def test_a_line_break_parts_just_the_words_it_stands_between(korex: extractor.Extractor, text: str) -> None:
    doc = korex.nlp.make_doc(text)
    ws = words(doc)
    page = _Page(text_of(doc), ws, [], [])
    for i in range(len(ws) + 1):
        between = 0 < i < len(ws) and "\n" in page.text[ws[i - 1].end : ws[i].start]
        assert page.broken(i) == between
