"""Organisations: gazetteer bodies, bodies named by their ending, and the country a country word gives."""

from __future__ import annotations

import extractor


def orgs(ex: extractor.Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(o.name, o.country) for o in ex.extract(text).organizations]


def test_gazetteer_bodies_are_named_as_written(korex: extractor.Extractor) -> None:
    assert orgs(korex, "외교부와 일본 외무성, 유엔 안보리가 협의하였다.") == [
        ("외교부", "KOR"),
        ("일본 외무성", "JPN"),
        ("유엔 안보리", None),
    ]


def test_a_country_word_sets_the_country_of_a_generic_body(korex: extractor.Extractor) -> None:
    found = orgs(korex, "박서진 외교부 제1차관은 카타르(이하 ‘카타르’) 외교부 차관과 회담하였다.")
    assert ("외교부", "KOR") in found
    assert ("외교부", "QAT") in found


def test_bodies_named_by_their_ending(korex: extractor.Extractor) -> None:
    found = dict(orgs(korex, "주한캐나다대사관과 전국시도지사협의회, 기후정책조정위원회가 참석하였다."))
    assert found["주한캐나다대사관"] == "CAN"
    assert "전국시도지사협의회" in found
    assert "기후정책조정위원회" in found


def test_a_meeting_named_in_full_is_no_body(korex: extractor.Extractor) -> None:
    assert "안보정책협의회" not in dict(orgs(korex, "한미 안보정책협의회가 서울에서 열렸다."))


def test_a_body_named_only_inside_a_meeting_name_is_not_listed(korex: extractor.Extractor) -> None:
    doc = korex.extract("양측은 올가을 APEC 정상회의를 차질 없이 치르도록 힘을 모으기로 하였다.")
    assert doc.organizations == []
    assert any(e.label.value == "ORG" and e.text == "APEC" for e in doc.entities)
