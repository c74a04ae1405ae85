"""Deciding an event's type (extractor/events/event_types.py)."""

from __future__ import annotations

import pytest
from eventkit import events

import extractor
from extractor.models import EventType


@pytest.mark.parametrize(
    ("text", "kind", "countries"),
    [
        ("제5차 한·칠레 외교차관 회의가 14일 서울에서 열렸다.", EventType.CONSULTATION, ["CHL", "KOR"]),
        ("한일 재무장관 회의가 14일 도쿄에서 열렸다.", EventType.CONSULTATION, ["JPN", "KOR"]),
        ("제3차 한-인도 영사국장회의가 14일 뉴델리에서 개최되었다.", EventType.CONSULTATION, ["IND", "KOR"]),
        ("한-러 비즈니스 포럼이 14일 모스크바에서 열렸다.", EventType.CONFERENCE, ["KOR", "RUS"]),
        ("한미일 외교장관회의가 14일 열렸다.", EventType.CONFERENCE, ["JPN", "KOR", "USA"]),
        (
            "김 장관은 14일 인도 뉴델리에서 열린 G20 개발장관회담에 참석했다.",
            EventType.CONFERENCE,
            ["IND", "KOR"],
        ),
    ],
)
def test_a_meeting_of_two_countries_is_a_consultation_and_one_of_a_group_a_conference(
    korex: extractor.Extractor, text: str, kind: EventType, countries: list[str]
) -> None:
    assert [(e.type, e.countries) for e in events(korex, text)] == [(kind, countries)]
