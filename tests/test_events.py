"""Event records end to end: a whole release's events with all their arguments."""

from __future__ import annotations

from eventkit import events, of_type

import extractor
from extractor.models import EventType

DIALOGUE = """박서진 외교부 제1차관은 3.14.(금) 서울에서 엘리자베스 하딩(Elizabeth Harding) \
호주 외교통상부 차관과 제9차 한-호주 차관전략대화를 개최하고, 양국 관계 전반에 대해 의견을 교환하였다.

양 차관은 핵심광물 분야 협력을 강화하기로 하였다. 이번 전략대화는 양국 관계의 폭을 넓히는 계기가 되었다.

※ 양국은 2024년 제8차 회의를 캔버라에서 개최

한편, 박 차관은 같은 날 오후 하딩 차관과 함께 국립외교원을 방문하였다."""


OCCASION = (
    "강민호 외교부 장관은 2025 아세안 관련 외교장관회의(7.8-10, 말레이시아 쿠알라룸푸르) 참석 계기 7.9.(수) "
    "응우옌 반 탄(Nguyen Van Thanh) 베트남 외교장관과 한-베트남 외교장관회담을 갖고 협력 방안을 논의하였다."
)


def test_a_strategic_dialogue_with_all_its_arguments(korex: extractor.Extractor) -> None:
    doc = korex.extract(DIALOGUE, doc_date="2025-03-14")
    (dialogue, series) = of_type(doc.events, EventType.STRATEGIC_DIALOGUE)
    assert dialogue.salience.value == "main"
    assert dialogue.countries == ["AUS", "KOR"]
    assert dialogue.format.value == "bilateral"
    assert dialogue.date == "2025-03-14"
    assert (dialogue.location.city, dialogue.location.city_ko, dialogue.location.country) == (
        "Seoul",
        "서울",
        "KOR",
    )
    assert dialogue.round == 9
    assert dialogue.name == "제9차 한-호주 차관전략대화"
    assert [p.name for p in dialogue.participants] == ["박서진", "엘리자베스 하딩"]
    assert (dialogue.cameo, dialogue.plover) == ("040", "CONSULT")
    assert dialogue.evidence is not None
    assert doc.text[dialogue.evidence.start : dialogue.evidence.end] == dialogue.evidence.text
    assert dialogue.trigger == "차관전략대화"
    # the note about an earlier round is the same series, in the background
    assert (series.salience.value, series.round, series.date) == ("mentioned", 8, "2024")
    assert series.location is not None and series.location.city == "Canberra"
    assert series.participants == []


def test_later_mentions_merge_into_one_record(korex: extractor.Extractor) -> None:
    found = of_type(events(korex, DIALOGUE), EventType.STRATEGIC_DIALOGUE)
    assert [e.round for e in found] == [9, 8]


def test_a_meeting_held_on_the_occasion_of_another(korex: extractor.Extractor) -> None:
    found = events(korex, OCCASION, doc_date=None)
    conference = of_type(found, EventType.CONFERENCE)[0]
    talks = of_type(found, EventType.TALKS)[0]
    assert conference.salience.value == "mentioned"
    assert conference.countries == ["KOR", "MYS", "VNM"]  # Malaysia hosts
    assert (conference.date, conference.end_date) == ("2025-07-08", "2025-07-10")
    assert conference.participants == []
    assert talks.salience.value == "main"
    assert talks.countries == ["KOR", "VNM"]
    assert talks.date == "2025-07-09"
    assert talks.location is not None and talks.location.city == "Kuala Lumpur"
    assert [p.name for p in talks.participants] == ["강민호", "응우옌 반 탄"]
