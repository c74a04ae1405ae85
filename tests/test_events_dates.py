"""Dates of events (dates.py): the expression tied to the event, never the report's day or another
meeting's, spans, visits under way, and acts that go on from the sentence before."""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.models import EventType


@pytest.mark.parametrize(
    "text",
    [
        "외교부는 박민재 차관보가 중국 베이징에서 중국 외교부 부장조리와 업무 협의를 가졌다고 24일 밝혔다.",
        "국방부는 김태윤 국방차관이 터키 국방부를 방문해 터키 국방차관과 회담했다고 24일 전했다.",
        "국방부는 24일 김태윤 국방차관이 터키 국방부를 방문해 터키 국방차관과 회담했다고 전했다.",
    ],
)
def test_the_day_of_the_report_is_not_the_events(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text, doc_date="2025-03-25")
    assert found
    assert all(e.date != "2025-03-24" for e in found)


def test_a_day_ahead_is_the_events_even_in_a_report(korex: extractor.Extractor) -> None:
    text = "외교부는 오는 18일 부산에서 한국과 호주가 한-호주 핵심광물대화 첫 회의를 개최한다고 밝혔다."
    (dialogue,) = [e for e in events(korex, text, doc_date="2025-03-10") if e.round == 1]
    assert dialogue.date == "2025-03-18"


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "김 장관은 지난달 마닐라에서 열린 한-필리핀 외교장관회담에 이어 오늘 필리핀 장관과 통화했다.",
            EventType.PHONE_CALL,
            "2025-03-14",
        ),
        (
            "여승민 차관보는 4.27.(수) 오후 4.24(일)-30(토) 간 방한 중인 베트남 인사들을 면담하였다.",
            EventType.TALKS,
            "2025-04-27",
        ),
        (
            "조 장관은 9.22.(월) 베를린 외교장관회의 참석 계기에 한-프랑스 외교장관회담을 가졌다.",
            EventType.TALKS,
            "2025-09-22",
        ),
    ],
)
def test_a_date_dates_its_own_meeting(
    korex: extractor.Extractor, text: str, kind: EventType, date: str
) -> None:
    (meeting,) = of_type(events(korex, text), kind)
    assert meeting.date == date


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "김 장관은 지난달 마닐라에서 열린 한-필리핀 외교장관회담에 이어 한-필리핀 장관 통화를 가졌다.",
            EventType.PHONE_CALL,
        ),
        (
            "양국 정상은 지난해 서울에서 열린 한일 정상회담에 이어 한일 정상 간 전화 통화를 가졌다.",
            EventType.PHONE_CALL,
        ),
        (
            "강 장관은 2월 열린 한-호주 외교장관회담 이후 처음으로 호주 외교장관과 통화하였다.",
            EventType.PHONE_CALL,
        ),
    ],
)
def test_an_earlier_meeting_does_not_lend_its_date(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    later = of_type(events(korex, text), kind)[-1]
    assert later.date not in ("2025-02", "2024")


def test_a_date_after_a_purpose_is_the_trips(korex: extractor.Extractor) -> None:
    text = "오 장관은 아세안 관련 외교장관회의에 참석하기 위해 5일 라오스 비엔티안을 방문했다."
    found = events(korex, text, doc_date="2025-08-05")
    (visit,) = of_type(found, EventType.VISIT)
    assert visit.date == "2025-08-05"
    assert all(e.date != "2025-08-05" for e in of_type(found, EventType.CONFERENCE))


@pytest.mark.parametrize(
    "text",
    [
        "군산시 대표단은 지난 10월 26일부터 30일까지 중국 연대시를 방문하고 있다.",
        "박 지사는 10월 26일부터 30일까지 닷새간 일본을 방문한다.",
        "도지사 일행은 10.26.부터 10.30.까지 중국 지린성을 방문하였다.",
    ],
)
def test_a_span_gives_the_first_and_last_day(korex: extractor.Extractor, text: str) -> None:
    (visit,) = of_type(events(korex, text, doc_date="2014-10-29"), EventType.VISIT)
    assert (visit.date, visit.end_date) == ("2014-10-26", "2014-10-30")


@pytest.mark.parametrize(
    "text",
    [
        "러시아를 국빈방문 중인 문 대통령이 21일 오후 모스크바에서 동포들과 만났다.",
        "스페인 출장 중인 강 장관을 대신해 조 차관이 21일 미국 대표를 접견했다.",
        "카자흐스탄 국빈방문을 마친 박 대통령이 21일 투르크메니스탄에 도착했다.",
    ],
)
def test_a_visit_under_way_takes_the_month(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text, doc_date="2018-06-22"), EventType.VISIT)
    under_way = [v for v in visits if v.trigger != "도착"]  # 투르크메니스탄에 도착했다: that visit's own day
    assert under_way
    assert all(v.date in (None, "2018-06") for v in under_way)


@pytest.mark.parametrize(
    "opening",
    ["이어 한 대통령은", "한 대통령은 이어", "곧이어 한 대통령은"],
)
def test_an_act_that_goes_on_takes_the_day_before(korex: extractor.Extractor, opening: str) -> None:
    text = (
        "한 대통령은 9일 오전 하노이에서 경제인 간담회에 참석한다. 축사도 한다. "
        f"{opening} 주석궁으로 옮겨 르엉 반 꽝 베트남 국가주석과 정상회담을 할 예정이다."
    )
    (summit,) = of_type(events(korex, text, doc_date="2017-11-08"), EventType.SUMMIT)
    assert summit.date == "2017-11-09"


def test_an_act_that_does_not_go_on_keeps_no_borrowed_day(korex: extractor.Extractor) -> None:
    text = (
        "한 대통령은 9일 오전 하노이에서 경제인 간담회에 참석한다. "
        "한 대통령은 다음 달 르엉 반 꽝 베트남 국가주석과 정상회담을 할 예정이다."
    )
    (summit,) = of_type(events(korex, text, doc_date="2017-11-08"), EventType.SUMMIT)
    assert summit.date == "2017-12"


@pytest.mark.parametrize(
    "text",
    [
        "한동수 대통령은 21일부터 26일까지 카자흐스탄을 국빈 방문한다. "
        "한 대통령은 카심 토카예프 카자흐스탄 대통령과 한-카자흐스탄 정상회담을 갖는다.",
        "한동수 대통령이 21∼26일 카자흐스탄을 국빈 방문해 한-카자흐스탄 정상회담을 가질 예정이다.",
        "한동수 대통령은 오는 21일 카자흐스탄을 방문한다. "
        "양국 정상은 한-카자흐스탄 정상회담에서 협력을 논의한다.",
    ],
)
def test_a_meeting_on_a_trip_of_other_days_takes_its_month(korex: extractor.Extractor, text: str) -> None:
    summits = of_type(events(korex, text, doc_date="2011-08-14"), EventType.SUMMIT)
    assert summits
    assert all(s.date == "2011-08" for s in summits)


def test_a_meeting_on_a_trip_of_the_documents_day_takes_that_day(korex: extractor.Extractor) -> None:
    text = "한동수 대통령은 14일 카자흐스탄을 국빈 방문해 한-카자흐스탄 정상회담을 가졌다."
    (summit,) = of_type(events(korex, text, doc_date="2011-08-14"), EventType.SUMMIT)
    assert summit.date == "2011-08-14"


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "황 차관은 오는 28일 이집트에서 이집트 국방장관을 만나 한·이집트 국방협력 양해각서를 체결한다.",
            EventType.AGREEMENT,
            "2017-03-28",
        ),
        (
            "김 장관은 25일 미국 국무장관을 만나 한미 공동성명을 발표했다.",
            EventType.JOINT_STATEMENT,
            "2017-03-25",
        ),
        (
            "김 장관은 25일 워싱턴으로 이동해 한미 외교장관 공동성명을 발표했다.",
            EventType.JOINT_STATEMENT,
            "2017-03-25",
        ),
    ],
)
def test_acts_in_sequence_share_the_day_of_a_verb(
    korex: extractor.Extractor, text: str, kind: EventType, date: str
) -> None:
    (event,) = of_type(events(korex, text, doc_date="2017-03-27"), kind)
    assert event.date == date


def test_another_subject_does_not_share_the_day(korex: extractor.Extractor) -> None:
    text = "김 장관은 25일 미국 국무장관을 만났고, 영국 외교장관은 다음 주 한-영 공동성명을 발표한다."
    statements = of_type(events(korex, text, doc_date="2017-03-27"), EventType.JOINT_STATEMENT)
    assert all(s.date != "2017-03-25" for s in statements)


@pytest.mark.parametrize(
    "text",
    [
        "한국과 베트남 외교장관은 14일 회담을 갖고 △고위급 교류 △2022년 수교 30주년 준비 "
        "△경제 협력에 대해 협의하였다.",
        "양국 외교장관은 회담에서 △2022년 수교 기념사업 △공급망 협력 등을 논의했다. "
        "한국과 베트남은 14일 회담을 가졌다.",
        "한국과 베트남 외교장관은 △2023년 정상 방문 추진 △교역 확대를 위해 14일 회담을 가졌다.",
    ],
)
def test_a_year_in_an_agenda_item_is_not_the_date(korex: extractor.Extractor, text: str) -> None:
    talks = of_type(events(korex, text, doc_date="2021-03-20"), EventType.TALKS)
    assert talks
    assert all(t.date == "2021-03-14" for t in talks)


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "외교부는 지난 10일 리마에서 교역을 늘리고 투자를 장려하는 "
            "한-페루 투자협정에 서명했다고 14일 밝혔다.",
            EventType.AGREEMENT,
            "2025-03-10",
        ),
        (
            "한국과 베트남은 지난 11일 하노이에서 관계를 격상하고 협력을 넓히는 "
            "공동성명을 채택했다고 14일 전했다.",
            EventType.JOINT_STATEMENT,
            "2025-03-11",
        ),
        (
            "경기도는 지난 12일 도청에서 베트남 대표단과 교류를 넓히고 우호를 다지는 협력 협정 "
            "체결식을 가졌다고 14일 밝혔다.",
            EventType.AGREEMENT,
            "2025-03-12",
        ),
        (
            "한국과 베트남은 지난 11일 하노이에서 정상회담을 갖고, 13일 공동성명을 채택했다고 14일 전했다.",
            EventType.JOINT_STATEMENT,
            "2025-03-13",
        ),
    ],
)
def test_verbs_joined_inside_a_participle_keep_the_sentences_date(
    korex: extractor.Extractor, text: str, kind: EventType, date: str
) -> None:
    (event,) = of_type(events(korex, text, doc_date="2025-03-14"), kind)
    assert event.date == date


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "미국 정부는 13일(현지시간) 양국의 합의를 환영했다. 국무장관은 이날 성명을 내고 지지를 밝혔다.",
            EventType.STATEMENT,
        ),
        (
            "현지시간 13일 제네바에서 협상이 타결됐다. "
            "한미 외교장관은 이날 밤 전화 통화를 갖고 결과를 점검했다.",
            EventType.PHONE_CALL,
        ),
        (
            "외교부 대변인은 13일 정례 브리핑에서 일정을 소개했다. "
            "장관은 이날 오후 미국 국무장관과 통화했다.",
            EventType.PHONE_CALL,
        ),
    ],
)
def test_that_day_is_the_day_the_text_last_stated(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    (event,) = of_type(events(korex, text, doc_date="2025-03-14"), kind)
    assert event.date == "2025-03-13"


def test_that_day_is_not_a_day_counted_back(korex: extractor.Extractor) -> None:
    text = "양국은 지난달 2일 처음 만났다. 장관은 이날 오후 미국 국무장관과 통화했다."
    (call,) = of_type(events(korex, text, doc_date="2025-03-14"), EventType.PHONE_CALL)
    assert call.date == "2025-03-14"


@pytest.mark.parametrize(
    "headline",
    ["한-페루 투자협정 서명", "한-페루 투자협정 서명…교역 확대 기대", "[속보] 한-페루 투자협정 서명"],
)
def test_a_headline_without_a_date_is_the_body_event_that_has_one(
    korex: extractor.Extractor, headline: str
) -> None:
    text = f"{headline}\n\n정부는 현지시간 12일 리마에서 페루 정부와 투자협정에 서명했다."
    signings = of_type(events(korex, text, doc_date="2025-03-14"), EventType.AGREEMENT)
    assert signings
    assert all(s.date == "2025-03-12" for s in signings)


@pytest.mark.parametrize(
    "second",
    [
        "장관은 이어 인도네시아 외교장관과도 양자회담을 했다.",
        "같은 자리에서 양국 장관은 양해각서에 서명했다.",
        "양국 장관은 공동 기자회견을 열고 회담 결과를 발표했다.",
    ],
)
def test_a_main_event_without_a_date_is_on_the_leads_day(korex: extractor.Extractor, second: str) -> None:
    text = f"김민준 외교부 장관은 12일 자카르타에서 인도네시아 외교장관과 회담했다. {second}"
    found = [e for e in events(korex, text, doc_date="2025-03-14") if e.salience.value == "main"]
    assert found
    assert all(e.date == "2025-03-12" for e in found)


def test_a_day_after_a_tilde_ends_the_span(korex: extractor.Extractor) -> None:
    text = "▲ 김민준 장관, 메콩 협력 외교장관회의 참석(∼6일, 라오스 비엔티안)"
    (conference,) = of_type(events(korex, text, doc_date="2025-08-05"), EventType.CONFERENCE)
    assert (conference.date, conference.end_date) == ("2025-08", "2025-08-06")


def test_a_vaguely_dated_event_takes_no_other_day(korex: extractor.Extractor) -> None:
    text = "김 장관은 12일 미국 국무장관을 만났다. 영국 외교장관은 다음 주 한-영 공동성명을 발표한다."
    statements = of_type(events(korex, text, doc_date="2025-03-14"), EventType.JOINT_STATEMENT)
    assert all(s.date is None for s in statements)


@pytest.mark.parametrize(
    "text",
    [
        "앞서 오 차관은 2일에는 방산 박람회에 들른 데 이어 케말 아슬란 터키 국방차관을 만났다.",
        "김 장관은 2일엔 유엔 회의에 참석한 데 이어 터키 외교장관과 회담했다.",
        "김 장관은 2일에는 포럼에서 연설한 뒤 터키 외교장관과 회담을 가졌다.",
    ],
)
def test_a_day_made_the_topic_dates_every_act_of_the_sentence(korex: extractor.Extractor, text: str) -> None:
    talks = of_type(events(korex, text, doc_date="2025-05-04"), EventType.TALKS)
    assert talks
    assert all(t.date == "2025-05-02" for t in talks)


def test_a_day_of_a_meeting_followed_is_not_the_next_acts(korex: extractor.Extractor) -> None:
    text = "김 장관은 2일 열린 유엔 회의에 이어 터키 외교장관과 회담했다."
    talks = of_type(events(korex, text, doc_date="2025-05-04"), EventType.TALKS)
    assert all(t.date != "2025-05-02" for t in talks)


@pytest.mark.parametrize(
    "second",
    [
        "그는 오전 11시부터는 청와대에서 한동수 대통령을 예방한다.",
        "오후 3시에는 한동수 대통령을 예방한다.",
        "이어 오후 4시 정부서울청사에서 통일부 장관을 면담한다.",
    ],
)
def test_an_hour_without_a_date_is_the_documents_day(korex: extractor.Extractor, second: str) -> None:
    text = f"존 밀러 미국 국무부 부장관이 방한 중이다. {second}"
    later = [e for e in events(korex, text, doc_date="2025-03-14") if e.evidence.text.startswith(second[:4])]
    assert later
    assert all(e.date == "2025-03-14" for e in later if e.type is not EventType.VISIT)


@pytest.mark.parametrize(
    "text",
    [
        "경기도는 지난 12일 도청에서 베트남 대표단이 참석한 가운데 우호협력 협정 체결식을 가졌다.",
        "외교부는 12일 양국 장관이 배석한 가운데 한-페루 투자협정 서명식을 열었다.",
        "정부는 지난 12일 각국 대사들이 자리한 가운데 한-칠레 협정에 서명했다.",
    ],
)
def test_a_clause_of_circumstance_keeps_the_sentences_day(korex: extractor.Extractor, text: str) -> None:
    signings = of_type(events(korex, text, doc_date="2025-03-14"), EventType.AGREEMENT)
    assert signings
    assert all(s.date == "2025-03-12" for s in signings)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("또 왕 주석이 캐나다를 국빈방문한 지난 9월에도 양측은 교역 확대를 논의했다.", "2024-09"),
        ("총리가 일본을 방문한 지난 9월 양국은 협정에 서명했다.", "2024-09"),
        ("장관이 프랑스를 공식 방문한 지난 10월에 양국은 합의문을 냈다.", "2024-10"),
    ],
)
def test_a_date_a_visit_participle_describes_is_the_visits(
    korex: extractor.Extractor, text: str, date: str
) -> None:
    visits = of_type(events(korex, text, doc_date="2024-12-14"), EventType.VISIT)
    assert visits
    assert visits[0].date == date


@pytest.mark.parametrize(
    "text",
    [
        "페루 통상장관 일행은 오는 8일까지 한국을 공식 방문한다.",
        "칠레 외교장관은 오는 8일까지 한국을 방문한다.",
        "칠레 대표단은 8일까지 서울을 방문한다.",
    ],
)
def test_a_last_day_alone_gives_the_month_and_the_end(korex: extractor.Extractor, text: str) -> None:
    visits = [v for v in of_type(events(korex, text, doc_date="2025-03-04"), EventType.VISIT) if v.end_date]
    assert visits
    assert all((v.date, v.end_date) == ("2025-03", "2025-03-08") for v in visits)
