"""Participants, dates, places, names and salience of events.

(participants.py, dates.py, places.py, naming.py, salience.py)
"""

from __future__ import annotations

from eventkit import ENVOY, events, of_type

import extractor
from extractor.models import EventType


def test_an_unnamed_official_is_a_participant(korex: extractor.Extractor) -> None:
    (event,) = events(korex, "정하늘 외교부 한반도정책국장은 미국 국무부 대북고위관리와 화상으로 협의하였다.")
    unnamed = [p for p in event.participants if p.name is None]
    assert [(p.title, p.org, p.country) for p in unnamed] == [("대북고위관리", "미국 국무부", "USA")]


def test_without_a_document_date_no_date_is_guessed(korex: extractor.Extractor) -> None:
    (call,) = events(korex, "정부는 캐나다와 외교장관 전화 통화를 가졌다.", doc_date=None)
    assert call.date is None


def test_the_agent_of_an_embedded_clause(korex: extractor.Extractor) -> None:
    text = (
        "박서진 제1차관은 오늘 호주 외교통상부 차관과 회담하였다. "
        "박 차관은 지난달 20일 양국 외교장관이 전화 통화를 통해 합의한 사항을 재확인하였다."
    )
    (call,) = of_type(events(korex, text), EventType.PHONE_CALL)
    assert (call.type, call.date) == (EventType.PHONE_CALL, "2025-02-20")
    assert all(p.name != "박서진" for p in call.participants)


def test_a_planned_meeting_is_mentioned_and_undated(korex: extractor.Extractor) -> None:
    text = (
        "김민준 외교부 제1차관은 오늘 토마스 뮐러(Thomas Müller) 독일 외교부 차관과 화상으로 협의하였다. "
        "양측은 차관급 전략대화를 개최하는 방안을 검토하기로 하였다."
    )
    found = events(korex, text)
    consultation = of_type(found, EventType.CONSULTATION)[0]
    (planned,) = of_type(found, EventType.STRATEGIC_DIALOGUE)
    assert consultation.salience.value == "main"
    assert (planned.salience.value, planned.date) == ("mentioned", None)


def test_events_listed_in_a_note_with_their_dates(korex: extractor.Extractor) -> None:
    text = (
        "김민준 외교부 제1차관은 오늘 주한베트남대사를 접견하였다.\n"
        "* 응우옌 반 남(Nguyen Van Nam) 베트남 외교장관 실무방한(8.21-22, 한-베트남 외교장관회담, "
        "국무총리 예방) 등"
    )
    found = events(korex, text, doc_date="2025-09-24")
    visit = of_type(found, EventType.VISIT)[0]
    assert (visit.salience.value, visit.date, visit.end_date) == ("mentioned", "2025-08-21", "2025-08-22")
    assert visit.location is not None and visit.location.country == "KOR"
    talks = of_type(found, EventType.TALKS)[0]
    assert (talks.countries, talks.salience.value) == (["KOR", "VNM"], "mentioned")
    assert talks.location is not None and talks.location.country == "KOR"


def test_acts_in_sequence_share_the_earlier_clause_date(korex: extractor.Extractor) -> None:
    (call,) = of_type(events(korex, ENVOY, doc_date="2025-09-08"), EventType.COURTESY_CALL)
    assert call.date == "2025-09-05"
    text = "외교부는 9.4.(목) 일본과의 실무협의 결과를 발표하였으며, 조현우 장관은 일본 총리를 예방하였다."
    (courtesy,) = of_type(events(korex, text, doc_date="2025-09-08"), EventType.COURTESY_CALL)
    assert courtesy.date == "2025-09-08"  # another subject (조현우 장관은) in between: not the same acts


DATED = (
    "조현우 외교부 장관은 9.24.(수) 오전 외교부 청사에서 신임 주한베트남대사를 접견하였다.\n\n"
    "조 장관은 지난 6월 양국 정상 간 첫 통화 등 고위급 교류가 활발하게 이어지고 있는 것을 평가하였다."
)


def test_a_date_before_a_term_in_one_phrase_mentions_that_event(korex: extractor.Extractor) -> None:
    found = events(korex, DATED, doc_date="2025-09-24")
    (call,) = of_type(found, EventType.PHONE_CALL)
    assert (call.countries, call.date, call.salience.value) == (["KOR", "VNM"], "2025-06", "mentioned")
    assert call.participants == []  # 조 장관 evaluates the call; she did not make it
    (courtesy,) = of_type(found, EventType.COURTESY_CALL)
    assert courtesy.salience.value == "main"


def test_a_dated_mention_never_leads_the_document(korex: extractor.Extractor) -> None:
    text = (
        "지난 6월 양국 정상 간 첫 통화 등 교류가 늘었다.\n\n"
        "조현우 장관과 베트남 외교장관은 9.24.(수) 회담을 가졌다."
    )
    found = events(korex, text, doc_date="2025-09-24")
    (talks,) = of_type(found, EventType.TALKS)
    assert talks.salience.value == "main"
    assert all(e.salience.value == "mentioned" for e in of_type(found, EventType.PHONE_CALL))


def test_a_place_before_a_meeting_name_is_not_part_of_it(korex: extractor.Extractor) -> None:
    text = (
        "조현우 외교부 장관은 9.22.(월) 독일 베를린 외교장관회의 참석 계기에 프랑스 외교장관과 회담을 가졌다."
    )
    (conference,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.CONFERENCE)
    assert conference.name == "베를린 외교장관회의"  # the city stays: 외교장관회의 alone names no meeting
