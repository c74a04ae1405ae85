"""The fuzzy linker: gazetteer links for variants the exact ruler misses, and none for near-miss words."""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import extractor.linker  # noqa: F401  (registers korex_linker)
from extractor import pipeline
from extractor.linker import THRESHOLD, indexes, southern
from extractor.mentions import Mention, mentions
from extractor.models import Document, EntityLabel, EntitySource
from extractor.records import Meta, to_document
from extractor.ruler import jamo
from extractor.rules.date_mentions import ANCHOR_KEY


def with_linker(nlp: Language, gazetteers: list[str] | None = None) -> Language:
    """`nlp` with the linker right after the people rule, unless the pipeline already has it."""
    if "korex_linker" not in nlp.pipe_names:
        nlp.add_pipe("korex_linker", after="korex_people", config={"gazetteers": gazetteers or []})
    return nlp


@cache
def nlp() -> Language:
    """A pipeline of its own (the shared one is left as the other tests expect it)."""
    return with_linker(pipeline.build())


def analyse(text: str, on: dt.date | None = None, lang: Language | None = None) -> tuple[Doc, Document]:
    """The analysed Doc and its Document record, as `Extractor.extract` makes them."""
    lang = lang or nlp()
    doc = lang.make_doc(text)
    doc.user_data[ANCHOR_KEY] = on
    doc = lang(doc)
    return doc, to_document(doc, Meta(id="test", doc_date=on.isoformat() if on else None))


def fuzzy(doc: Doc) -> list[Mention]:
    return [m for m in mentions(doc) if m.source is EntitySource.FUZZY]


def mention_of(doc: Doc, label: EntityLabel, text: str) -> Mention:
    found = [m for m in mentions(doc) if m.label is label and doc.text[m.start : m.end] == text]
    assert found, (
        f"no {label.value} mention {text!r}: {[(m.label.value, m.start, m.end) for m in mentions(doc)]}"
    )
    return found[0]


# Links that must happen


def test_spacing_is_ignored_on_both_sides() -> None:
    link = indexes()[EntityLabel.ORG].best("과학기술 정보 통신부", THRESHOLD, 0.05)
    assert link is not None
    assert link.target.entries[0].id == "org:kor-msit"
    assert link.score == 1.0


def test_a_spaced_ministry_with_a_changed_syllable_is_linked() -> None:
    doc, record = analyse("이번 회의에는 행정 안정부와 재외동포청 관계자들이 배석했다.")
    m = mention_of(doc, EntityLabel.ORG, "행정 안정부")
    assert m.kb_id == "org:kor-mois"
    assert m.norm == "행정안전부"
    assert m.source is EntitySource.FUZZY
    assert THRESHOLD <= m.score < 1.0
    entity = next(e for e in record.entities if e.text == "행정 안정부")
    assert entity.source is EntitySource.FUZZY
    assert entity.score == m.score
    assert any(o.kb_id == "org:kor-mois" for o in record.organizations)


def test_a_bureau_with_a_misspelt_syllable_is_linked() -> None:
    doc, _ = analyse("외교부 한반도평화교섭분부는 이날 유관국과 협의를 가졌다.")
    m = mention_of(doc, EntityLabel.ORG, "한반도평화교섭분부")
    assert m.kb_id == "org:kor-mofa-okpp"
    assert m.source is EntitySource.FUZZY


def test_a_japanese_name_kiwi_cuts_short_is_widened_and_linked() -> None:
    # 카미카와 is read as 카미카 + the particle 와, so the rules only see 요꼬 (a spelling the
    # gazetteer lacks: 요코); the linker widens the name by the word before and links it.
    doc, record = analyse("카미카와 요꼬 일본 외무대신은 오늘 서울에서 외교장관회담을 가졌다.")
    m = mention_of(doc, EntityLabel.PERSON, "카미카와 요꼬")
    assert m.kb_id == "person:kamikawa-jpn-fm"
    assert m.source is EntitySource.FUZZY
    assert m.score > THRESHOLD
    person = next(p for p in record.persons if p.kb_id == "person:kamikawa-jpn-fm")
    assert person.name == "카미카와 요꼬"
    assert person.name_en == "Yoko Kamikawa"
    assert person.country == "JPN"


def test_a_name_kiwi_cuts_short_in_the_gazetteers_spelling_is_found_whole() -> None:
    # the people rule reads the gazetteer's own spelling over Kiwi's particle (카미카 + 와)
    doc, record = analyse("카미카와 요코 일본 외무대신은 오늘 서울에서 외교장관회담을 가졌다.")
    m = mention_of(doc, EntityLabel.PERSON, "카미카와 요코")
    assert m.kb_id == "person:kamikawa-jpn-fm"
    assert [p.name for p in record.persons] == ["카미카와 요코"]


def test_a_one_syllable_variant_of_a_us_officials_name_is_linked_with_its_short_references() -> None:
    text = (
        "마르코 루비오 미국 국무장관은 이날 통화에서 한미동맹의 중요성을 강조했다. "
        "루비오 장관은 이어 방한 계획을 밝혔다."
    )
    doc, record = analyse(text, on=dt.date(2025, 3, 10))
    full = mention_of(doc, EntityLabel.PERSON, "마르코 루비오")
    assert full.kb_id == "person:rubio-usa-secstate"
    assert full.source is EntitySource.FUZZY
    assert THRESHOLD <= full.score < 1.0
    short = mention_of(doc, EntityLabel.PERSON, "루비오")
    assert short.kb_id == full.kb_id
    assert short.source is EntitySource.RULE
    rubio = [p for p in record.persons if p.kb_id == "person:rubio-usa-secstate"]
    assert len(rubio) == 1
    assert len(rubio[0].mentions) == 2
    assert rubio[0].name_en == "Marco Rubio"


def test_another_transliteration_links_to_the_official_named_exactly_elsewhere() -> None:
    doc, record = analyse("앤토니 블링컨 미 국무장관은 기자회견에서 토니 블링컨 장관의 발언을 소개했다.")
    m = mention_of(doc, EntityLabel.PERSON, "앤토니 블링컨")
    assert m.kb_id == "person:blinken-usa-secstate"
    assert m.source is EntitySource.FUZZY
    blinken = [p for p in record.persons if p.kb_id == "person:blinken-usa-secstate"]
    assert len(blinken) == 1


def test_a_users_official_is_linked_too(tmp_path: Path) -> None:
    (tmp_path / "officials.csv").write_text(
        "id,ko,name_original,en,country,title,org,from,to,source\n"
        "person:test-envoy,아르만도 벨라스케스,,Armando Velasquez,MEX,대사,,2024-01-01,,korex test\n",
        encoding="utf-8",
    )
    folders = [str(tmp_path.resolve())]
    lang = with_linker(pipeline.build(folders), folders)
    doc, _ = analyse("아르만도 벨라스케즈 멕시코 대사는 외교부를 방문했다.", lang=lang)
    m = mention_of(doc, EntityLabel.PERSON, "아르만도 벨라스케즈")
    assert m.kb_id == "person:test-envoy"
    assert m.source is EntitySource.FUZZY


# Links that must not happen


def test_common_words_beside_a_ministry_are_not_linked() -> None:
    text = (
        "외교부는 국방비 증액과 유무상 원조, 국제기구 분담금 문제를 논의했으며, "
        "외교관 출신 인사들과 검찰청 관계자도 참석했다."
    )
    doc, _ = analyse(text)
    assert mention_of(doc, EntityLabel.ORG, "외교부").source is EntitySource.GAZETTEER
    assert fuzzy(doc) == []


def test_a_different_foreign_official_is_not_linked() -> None:
    # 마크 램버트 is more than a syllable away from 마크 리퍼트, a former ambassador in the gazetteer.
    doc, record = analyse("마크 램버트 미국 국무부 부차관보는 이날 외교부를 방문했다.")
    m = mention_of(doc, EntityLabel.PERSON, "마크 램버트")
    assert m.kb_id is None
    assert m.source is EntitySource.RULE
    assert all(p.kb_id is None for p in record.persons if p.name == "마크 램버트")


@given(st.text())
@example("김 민준\t대사")
def test_jamo_is_the_text_without_whitespace_with_every_syllable_in_letters(text: str) -> None:
    key = jamo(text)
    assert not any(c.isspace() for c in key)
    assert not any("가" <= c <= "힣" for c in key)
    assert unicodedata.normalize("NFC", key) == unicodedata.normalize("NFC", "".join(text.split()))


def test_a_korean_name_one_jamo_from_an_official_is_another_person() -> None:
    doc, _ = analyse("외교부 조태영 국장은 이날 브리핑에서 협의 결과를 설명했다.")
    assert all(m.kb_id != "person:cho-tae-yong-kor-nsa" for m in mentions(doc))
    assert fuzzy(doc) == []


def test_short_words_are_never_linked() -> None:
    doc, _ = analyse("내부 검토를 마친 외부 전문가와 지부 관계자, 본부 직원이 함께 회의했다.")
    assert fuzzy(doc) == []


def test_a_tie_between_two_entries_links_neither() -> None:
    titles = indexes()[EntityLabel.TITLE]
    # 제3차관 is as close to 제1차관 as to 제2차관: no margin, no link, however low the threshold.
    assert titles.best("제3차관", 0.5, 0.05) is None
    assert titles.best("제1차관", 0.5, 0.05) is not None


def test_a_changed_head_is_a_different_thing() -> None:
    # 국방비 (the defence budget) is one jamo from 국방부 but ends in another head syllable.
    assert indexes()[EntityLabel.ORG].best("국방비", 0.5, 0.0) is None


@pytest.mark.parametrize(("north", "near"), [("로규덕", "로규독"), ("리명박", "리명밖")])
def test_a_northern_spelling_links_only_where_its_southern_one_is_a_form(north: str, near: str) -> None:
    # 로규덕 is written 노규덕 in the South, a listed form; 로규독 would be 노규독, one jamo from it.
    people = indexes()[EntityLabel.PERSON]
    assert jamo(southern(north)) in people.exact and jamo(southern(near)) not in people.exact
    for name, linked in ((north, True), (near, False)):
        doc, _ = analyse(f"남측의 {name} 대표는 회담에 나섰다.")
        found = [m for m in mentions(doc) if m.label is EntityLabel.PERSON]
        assert [m.kb_id is not None for m in found] == [linked]


# Any text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "외교부",
                "외교 부",
                "행정안정부",
                "카미카와",
                "요코",
                " ",
                "\n",
                "와",
                "는",
                "의",
                "마르코 루비오",
                "장관",
                "국무장관",
                "일본",
                "미국",
                "(",
                ")",
                "·",
                "분부",
                "한반도평화교섭",
                "국방비",
                "가",
                "외무대신",
                "회담",
                "전략대하",
                "2025.3.10",
            ]
        )
        | st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        max_size=30,
    ).map("".join)
)
def test_fuzzy_mentions_index_the_text_and_never_overlap_their_label(text: str) -> None:
    doc, record = analyse(text)
    found = mentions(doc)
    for m in fuzzy(doc):
        assert 0 <= m.start < m.end <= len(text)
        assert 0.0 < m.score <= 1.0
        assert m.kb_id
        same = [o for o in found if o is not m and o.label is m.label and o.start < m.end and m.start < o.end]
        assert same == [], (m, same)
    for entity in record.entities:
        assert text[entity.start : entity.end] == entity.text


@pytest.mark.parametrize("threshold", [1.0])
def test_the_threshold_is_configurable(threshold: float) -> None:
    lang = pipeline.build()
    if "korex_linker" in lang.pipe_names:
        lang.remove_pipe("korex_linker")
    lang.add_pipe("korex_linker", after="korex_people", config={"gazetteers": [], "threshold": threshold})
    doc, _ = analyse("이번 회의에는 행정 안정부 관계자들이 배석했다.", lang=lang)
    assert fuzzy(doc) == []
