"""Salience of events (salience.py): what the headline and lead report is main; occasions, earlier,
follow-up and proposed meetings are mentioned."""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.models import Event, EventType


def main_types(found: list[Event]) -> set[EventType]:
    """The types of the main events."""
    return {e.type for e in found if e.salience.value == "main"}


@pytest.mark.parametrize(
    "text",
    [
        "정하늘 외교부 장관은 14일 존 밀러 미국 국무장관과 회담을 시작했다.",
        "정하늘 외교부 장관은 14일 한미 외교장관 회담을 통해 대북 공조 방안을 점검했다.",
        "정하늘 외교부 장관이 14일 서울에서 열린 한미 외교장관 회담에 앞서 "
        "존 밀러 미국 국무장관과 악수하고 있다.",
    ],
)
def test_the_lead_event_is_main(korex: extractor.Extractor, text: str) -> None:
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert talks.salience.value == "main"


@pytest.mark.parametrize(
    "text",
    [
        "한동수 대통령은 내일 말레이시아를 방문해 이스마일 아지즈 총리와 정상회담을 할 예정이다.",
        "한동수 대통령은 14일 말레이시아를 국빈방문해 이스마일 아지즈 총리와 정상회담을 했다.",
        "말레이시아를 국빈 방문한 한동수 대통령은 14일 이스마일 아지즈 총리와 정상회담을 열었다.",
    ],
)
def test_the_trip_of_the_main_meetings_is_main(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text)
    assert {EventType.VISIT, EventType.SUMMIT} <= main_types(found)


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        (
            "정하늘 장관은 G20 외교장관회의 기간 중 존 밀러 미국 국무장관과 한미 외교장관회담을 가졌다.",
            EventType.CONFERENCE,
        ),
        (
            "정하늘 장관은 베를린 기후회의 참석차 독일을 방문해 한-독 외교장관회담을 가졌다.",
            EventType.CONFERENCE,
        ),
        (
            "양국 장관은 내년 초 한-영 전략대화를 열어 협력 방안을 모색해 나가기로 했다. "
            "정하늘 장관은 14일 한-영 외교장관회담을 가졌다.",
            EventType.STRATEGIC_DIALOGUE,
        ),
    ],
)
def test_an_occasion_or_a_follow_up_is_mentioned(
    korex: extractor.Extractor, text: str, aside: EventType
) -> None:
    found = events(korex, text)
    assert EventType.TALKS in main_types(found)
    assert all(e.salience.value == "mentioned" for e in of_type(found, aside))


@pytest.mark.parametrize(
    "text",
    [
        "앞서 정하늘 장관은 지난 9월 영국 외교장관과 통화한 바 있다.\n"
        "정하늘 장관은 14일 영국 외교장관과 회담했다.",
        "존 밀러 미국 국무장관이 이반 페트로프 러시아 외무장관과 지난달 2일 만나고 있다. (사진=로이터)\n"
        "밀러 장관은 14일 빈에서 미러 외교장관회담을 가졌다.",
        "이에 앞서 양국 정상은 지난 5월 통화를 갖고 협력을 약속했다.\n"
        "정하늘 장관은 14일 영국 외교장관과 회담했다.",
    ],
)
def test_an_earlier_event_is_not_the_lead(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text, doc_date="2025-03-14")
    assert main_types(found) == {EventType.TALKS}
    assert all(e.date == "2025-03-14" for e in found if e.salience.value == "main")


def test_without_a_dateline_a_dated_past_event_is_mentioned(korex: extractor.Extractor) -> None:
    text = (
        "이도윤 국방부 차관이 오는 22일 베이징에서 천밍 중국 국방부 부부장과 "
        "제6차 한-중 국방전략대화를 개최한다. "
        "이 차관은 2022년 9월 개최된 제5차 한-중 국방전략대화에서도 대표로 나섰다."
    )
    found = of_type(events(korex, text, doc_date=None), EventType.STRATEGIC_DIALOGUE)
    assert [(e.round, e.salience.value) for e in found] == [(6, "main"), (5, "mentioned")]


def test_a_third_countries_act_in_a_main_sentence_is_mentioned(korex: extractor.Extractor) -> None:
    text = (
        "한일 정상회담에서는 이란과 북한이 협정을 체결하며 가까워지는 데 대한 대응책이 다뤄진다. "
        "한동수 대통령은 14일 일본 총리와 정상회담을 가졌다."
    )
    found = events(korex, text)
    assert all(e.salience.value == "mentioned" for e in of_type(found, EventType.AGREEMENT))


@pytest.mark.parametrize(
    "text",
    [
        "쩐 반 꽝 주한베트남대사는 2016년 여수에서 열린 국제행사 참석차 전남을 방문한 적이 있다. "
        "쩐 대사는 14일 전남도지사와 면담했다.",
        "쩐 반 꽝 주한베트남대사는 예전에 전남을 방문한 적이 있었지만 공식 방문은 이번이 처음이다. "
        "쩐 대사는 14일 전남도지사와 면담했다.",
        "쩐 반 꽝 주한베트남대사는 유학 시절 부산을 방문한 적이 있다고 회고했다. "
        "쩐 대사는 14일 정하늘 장관과 면담했다.",
    ],
)
def test_a_recalled_visit_is_mentioned(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text)
    assert all(
        e.salience.value == "mentioned"
        for e in found
        if "방문한 적" in e.evidence.text and e.type is EventType.VISIT
    )
