"""Splitting and merging: one mention that is several events, several mentions that are one.

(split.py, merge.py)
"""

from __future__ import annotations

from eventkit import events, of_type

import extractor
from extractor.models import EventType


def test_calls_with_several_parties_respectively_are_one_per_party(korex: extractor.Extractor) -> None:
    text = (
        "한도경 외교부 제1차관은 9.22.(월) 오후 미국 국무부 부장관 및 일본 외무성 사무차관과 각각 "
        "유선 협의를 갖고 북한 정세에 대한 평가를 공유하였다."
    )
    calls = of_type(events(korex, text, doc_date="2025-09-22"), EventType.PHONE_CALL)
    assert sorted((c.countries, c.date) for c in calls) == [
        (["JPN", "KOR"], "2025-09-22"),
        (["KOR", "USA"], "2025-09-22"),
    ]
    together = text.replace("각각 ", "")
    (call,) = of_type(events(korex, together, doc_date="2025-09-22"), EventType.PHONE_CALL)
    assert call.countries == ["JPN", "KOR", "USA"]


def test_a_headline_and_the_body_name_one_call(korex: extractor.Extractor) -> None:
    text = (
        "한-인도네시아 외교장관 통화\n\n"
        "이도윤 외교부 장관은 오늘 아디 프라셋요(Adi Prasetyo) 인도네시아 외교장관과 전화 통화를 가졌다."
    )
    (call,) = events(korex, text)
    assert call.countries == ["IDN", "KOR"]
    assert [p.name for p in call.participants] == ["이도윤", "아디 프라셋요"]


def test_an_event_named_twice_keeps_its_fuller_name(korex: extractor.Extractor) -> None:
    text = (
        "한-베트남 전략대화가 9.22.(월) 서울에서 열렸다.\n\n"
        "제9차 한-베트남 전략대화에서 양측은 공급망 협력 방안을 논의하였다."
    )
    (dialogue,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.STRATEGIC_DIALOGUE)
    assert (dialogue.name, dialogue.round) == ("제9차 한-베트남 전략대화", 9)
