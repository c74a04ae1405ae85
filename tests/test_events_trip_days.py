"""The days of a trip and of what happens on it (events/dates.py, salience.py): a day made topic
past the subject, a visit ended after a stated length of stay, an occasion pointed back to, a span
shared by a tour's stops, and the meetings of a main trip.

Every sentence here is written for these tests, in the style of a news report on a trip.
"""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.models import EventType


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "윤 장관은 지난 3일 하노이에 도착했다. 이튿날에는 윤 장관은 베트남 외교장관과 회담을 가졌다.",
            EventType.TALKS,
        ),
        ("4일에는 박 차관은 하노이에서 베트남 외교차관과 정책협의회를 열었다.", EventType.CONSULTATION),
        (
            "대통령은 3일 밤 하노이에 닿았다. "
            "다음 날에는 대통령은 주석궁에서 베트남 국가주석과 정상회담을 했다.",
            EventType.SUMMIT,
        ),
    ],
)
def test_a_day_made_topic_dates_the_acts_past_a_subject(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    (meeting,) = of_type(events(korex, text, doc_date="2025-03-06"), kind)
    assert meeting.date == "2025-03-04"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("대통령은 2박 3일간의 몽골 국빈 방문 일정을 마치고 19일 귀국했다.", "2025-03-17", "2025-03-19"),
        ("3박 4일 일정의 인도 방문을 마친 최 장관은 20일 뉴델리를 떠났다.", "2025-03-17", "2025-03-20"),
        ("김 장관은 1박2일간의 일본 방문을 마치고 13일 귀국길에 올랐다.", "2025-03-12", "2025-03-13"),
    ],
)
def test_a_visit_ended_after_a_stated_stay_counts_back_to_its_first_day(
    korex: extractor.Extractor, text: str, first: str, last: str
) -> None:
    (visit,) = [v for v in of_type(events(korex, text, doc_date="2025-03-20"), EventType.VISIT) if v.date]
    assert (visit.date, visit.end_date) == (first, last)


def test_a_visit_ended_without_a_stated_stay_keeps_only_the_month(korex: extractor.Extractor) -> None:
    text = "몽골 국빈 방문 일정을 마친 대통령은 19일 귀국했다."
    visits = of_type(events(korex, text, doc_date="2025-03-20"), EventType.VISIT)
    assert visits
    assert all(v.date in (None, "2025-03") for v in visits)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "한-베트남 정상은 12일 하노이에서 정상회담을 가졌다. "
            "이번 회담을 계기로 양국은 5건의 양해각서를 체결했다.",
            "2025-03-12",
        ),
        (
            "앞서 조 장관은 10일 호주 외교장관과 회담했다. "
            "이번 회담을 계기로 양측은 핵심광물 협력 양해각서(MOU)에 서명했다.",
            "2025-03-10",
        ),
        (
            "대통령은 8∼10일 인도네시아를 국빈 방문했다. "
            "이번 방문을 계기로 양국은 산업 협력 양해각서를 체결했다.",
            "2025-03",
        ),
    ],
)
def test_an_event_on_an_occasion_pointed_back_to_takes_its_date(
    korex: extractor.Extractor, text: str, date: str
) -> None:
    lead = "조 장관은 14일 일본 외무상과 전화 통화를 했다. "
    (signing,) = of_type(events(korex, lead + text, doc_date="2025-03-14"), EventType.AGREEMENT)
    assert signing.date == date


def test_an_occasion_of_another_kind_lends_no_date(korex: extractor.Extractor) -> None:
    text = (
        "조 장관은 지난달 3일 호주 외교장관과 통화했다. "
        "이번 회담을 계기로 양측은 핵심광물 협력 양해각서(MOU)에 서명할 예정이다."
    )
    signings = of_type(events(korex, text, doc_date="2025-03-14"), EventType.AGREEMENT)
    assert signings
    assert all(s.date != "2025-02-03" for s in signings)


@pytest.mark.parametrize(
    ("text", "first", "others"),
    [
        ("최 장관은 18~20일 우크라이나와 독일을 방문한다.", "UKR", ["DEU"]),
        ("대통령은 5∼9일 베트남, 캄보디아를 차례로 순방한다.", "VNM", ["KHM"]),
        ("국방부는 김 차관이 5일부터 9일까지 이집트와 요르단을 공식 방문한다고 밝혔다.", "EGY", ["JOR"]),
    ],
)
def test_a_span_shared_by_a_tours_stops_opens_the_first(
    korex: extractor.Extractor, text: str, first: str, others: list[str]
) -> None:
    visits = of_type(events(korex, text, doc_date="2025-03-04"), EventType.VISIT)
    by_stop = {next(c for c in v.countries if c != "KOR" and c != "USA"): v.date for v in visits}
    start = "2025-03-18" if first == "UKR" else "2025-03-05"
    assert by_stop[first] == start
    assert all(by_stop[code] == "2025-03" for code in others)


def test_stops_each_with_their_own_days_keep_them(korex: extractor.Extractor) -> None:
    text = "대통령은 오는 5~7일 베트남, 7~9일 캄보디아를 방문할 계획이다."
    visits = of_type(events(korex, text, doc_date="2025-03-04"), EventType.VISIT)
    assert {v.date for v in visits} == {"2025-03-05", "2025-03-07"}


@pytest.mark.parametrize(
    "second",
    [
        "이튿날에는 대통령은 타밈 국왕과 정상회담을 했다.",
        "다음 날 대통령은 타밈 국왕과 정상회담을 가졌다.",
        "18일에는 대통령은 타밈 국왕과 정상회담을 열었다.",
    ],
)
def test_a_meeting_on_a_main_trips_days_is_main(korex: extractor.Extractor, second: str) -> None:
    text = (
        "대통령은 2박 3일간의 카타르 국빈 방문 일정을 마치고 19일 이집트로 출발했다. "
        f"대통령은 지난 17일 도하에 도착했다. {second}"
    )
    found = events(korex, text, doc_date="2025-03-19")
    (summit,) = of_type(found, EventType.SUMMIT)
    (trip,) = [v for v in of_type(found, EventType.VISIT) if "QAT" in v.countries]
    assert (summit.date, summit.salience.value) == ("2025-03-18", "main")
    assert (trip.date, trip.salience.value) == ("2025-03-17", "main")


def test_a_meeting_after_a_main_trip_is_not_made_main_by_it(korex: extractor.Extractor) -> None:
    text = (
        "대통령은 2박 3일간의 카타르 국빈 방문 일정을 마치고 19일 이집트로 출발했다. "
        "대통령은 다음 달 2일 서울에서 카타르 총리와 정상회담을 가질 예정이다."
    )
    (summit,) = of_type(events(korex, text, doc_date="2025-03-19"), EventType.SUMMIT)
    assert summit.salience.value == "mentioned"


@pytest.mark.parametrize(
    "text",
    [
        "김 장관은 이날 서울에서 3년 만에 방한한 카타르 국무장관과 회담했다.",
        "총리는 14일 오후 총리공관에서 이번 주 방한한 베트남 외교장관을 접견했다.",
        "박 차관은 14일 국방부 청사에서 안보회의 참석차 방한한 인도 국방차관과 만나 협력 방안을 논의했다.",
    ],
)
def test_a_visit_describing_the_one_met_takes_only_the_month(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text, doc_date="2025-03-14"), EventType.VISIT)
    assert visits
    assert all(v.date == "2025-03" for v in visits)


def test_a_visit_on_the_day_written_before_it_keeps_the_day(korex: extractor.Extractor) -> None:
    text = "지난 12일 부산을 방문한 베트남 부총리는 부산시장과 면담했다."
    (visit,) = of_type(events(korex, text, doc_date="2025-03-14"), EventType.VISIT)
    assert visit.date == "2025-03-12"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "북한 외무성 대변인은 13일 2018년에 진행된 정상회담의 합의문을 근거로 담화를 발표했다.",
            EventType.STATEMENT,
        ),
        (
            "차관은 13일 지난달 진행된 협상의 결과를 토대로 베트남 외교차관과 전략대화를 가졌다.",
            EventType.STRATEGIC_DIALOGUE,
        ),
        ("장관은 13일 지난해 열린 포럼의 결과를 바탕으로 일본 외무상과 회담했다.", EventType.TALKS),
    ],
)
def test_a_date_of_a_participle_describing_another_noun_is_not_the_events(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    (event,) = of_type(events(korex, text, doc_date="2025-03-14"), kind)
    assert event.date == "2025-03-13"


def test_a_date_of_a_participle_describing_the_event_is_its_own(korex: extractor.Extractor) -> None:
    text = "지난 2일 도쿄에서 열린 한일 외교장관회담에서 양 장관은 협력 방안을 논의했다."
    (talks,) = of_type(events(korex, text, doc_date="2025-03-14"), EventType.TALKS)
    assert talks.date == "2025-03-02"


@pytest.mark.parametrize(
    "text",
    [
        "대통령은 오는 5~7일 베트남, 7~9일 캄보디아를 4박 5일의 일정으로 방문할 계획이다.",
        "대통령은 오는 5~7일 베트남, 7~9일 캄보디아를 닷새 일정으로 순방한다.",
        "대통령은 오는 5~7일 베트남, 7~9일 캄보디아를 4박5일 일정으로 국빈 방문한다.",
    ],
)
def test_a_tours_length_after_its_stops_keeps_each_stops_days(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text, doc_date="2025-03-04"), EventType.VISIT)
    by_stop = {next(c for c in v.countries if c != "KOR"): v.date for v in visits}
    assert by_stop == {"VNM": "2025-03-05", "KHM": "2025-03-07"}


def test_a_stop_keeps_its_country_when_the_tour_is_named_again(korex: extractor.Extractor) -> None:
    text = (
        "대통령은 오는 5~7일 베트남, 7~9일 캄보디아를 4박 5일의 일정으로 방문할 계획이다. "
        "대통령은 이번 순방 기간 두 나라 정상과 각각 회담할 예정이다."
    )
    visits = of_type(events(korex, text, doc_date="2025-03-04"), EventType.VISIT)
    assert visits
    assert all(v.location is not None and v.location.country in v.countries for v in visits)


@pytest.mark.parametrize(
    "text",
    [
        "대통령은 앞서 10~13일 사우디아라비아를 국빈 방문해 공동성명을 채택하고 신규 MOU를 체결한 바 있다.",
        "장관은 지난 3~5일 인도를 방문해 외교장관회담을 갖고 협력 양해각서를 체결한 바 있다.",
        "총리는 앞서 10~12일 호주를 공식 방문하는 동안 정상회담을 하고 협정에 서명한 바 있다.",
    ],
)
def test_a_signing_done_before_takes_the_trips_days(korex: extractor.Extractor, text: str) -> None:
    signings = of_type(events(korex, text, doc_date="2025-03-14"), EventType.AGREEMENT)
    assert signings
    assert all(s.date == "2025-03" for s in signings)


@pytest.mark.parametrize(
    ("text", "doc_date", "date"),
    [
        (
            "박 장관, 카보베르데 방문…친서 전달\n장관은 29일 대통령궁에서 카보베르데 대통령을 예방했다.",
            "2025-10-03",
            "2025-09-29",
        ),
        (
            "김 장관, 칠레 방문…협력 논의\n장관은 지난달 28일 산티아고에서 칠레 외교장관과 회담했다.",
            "2025-10-03",
            "2025-09-28",
        ),
        (
            "이 차관, 폴란드 방문…방산 협력\n차관은 2일 바르샤바에서 폴란드 국방차관과 회담을 가졌다.",
            "2025-10-06",
            "2025-10-02",
        ),
    ],
)
def test_a_trip_without_a_date_is_on_its_meetings_days(
    korex: extractor.Extractor, text: str, doc_date: str, date: str
) -> None:
    (trip,) = of_type(events(korex, text, doc_date=doc_date), EventType.VISIT)
    assert trip.date == date


def test_a_trip_whose_meeting_is_on_the_documents_day_keeps_the_month(korex: extractor.Extractor) -> None:
    text = "김 장관, 칠레 방문…협력 논의\n장관은 3일 산티아고에서 칠레 외교장관과 회담했다."
    (trip,) = of_type(events(korex, text, doc_date="2025-10-03"), EventType.VISIT)
    assert trip.date == "2025-10"


def test_a_trip_weeks_before_is_not_made_main_by_an_undated_meeting(korex: extractor.Extractor) -> None:
    text = (
        "중국 외교부장이 23일 서울을 공식 방문한다. 외교부장은 방한 중 김 장관과 회담할 전망이다. "
        "외교부장은 지난해 11월 한국을 방문한 바 있다."
    )
    found = events(korex, text, doc_date="2025-03-22")
    old = [v for v in of_type(found, EventType.VISIT) if (v.date or "").startswith("2024")]
    assert old
    assert all(v.salience.value == "mentioned" for v in old)


@pytest.mark.parametrize(
    "text",
    [
        "대통령은 3박 4일간의 인도 국빈 방문을 마무리하고 20일 귀국했다.",
        "대통령은 20일 3박 4일간의 인도 국빈 방문 일정을 마무리하고 귀국길에 올랐다.",
        "3박 4일 일정의 인도 방문을 마무리한 대통령은 20일 서울에 도착했다.",
    ],
)
def test_a_visit_wrapped_up_after_a_stated_stay_counts_back(korex: extractor.Extractor, text: str) -> None:
    visits = [
        v
        for v in of_type(events(korex, text, doc_date="2025-03-20"), EventType.VISIT)
        if "IND" in v.countries
    ]
    assert [(v.date, v.end_date) for v in visits] == [("2025-03-17", "2025-03-20")]


def test_a_tour_wrapped_up_after_a_stated_stay_does_not_date_its_stops(korex: extractor.Extractor) -> None:
    text = "대통령은 이날 4박 6일간의 베트남·라오스 순방을 마무리하고 귀국길에 올랐다."
    visits = of_type(events(korex, text, doc_date="2025-03-20"), EventType.VISIT)
    assert visits
    assert all(v.date in (None, "2025-03") for v in visits)


@pytest.mark.parametrize(
    "text",
    [
        "지사는 6일 오전에는 박람회 개막식에 참석한 뒤 중국 성장과 특별회동을 갖는다.",
        "지사는 6일 오후엔 시내를 둘러본 뒤 중국 성장과 회담을 한다.",
        "6일 오전에는 지사가 박람회를 둘러보고, 이어 중국 성장과 회동을 갖는다.",
    ],
)
def test_a_day_made_topic_with_a_time_of_day_dates_its_acts(korex: extractor.Extractor, text: str) -> None:
    (talks,) = of_type(events(korex, text, doc_date="2025-03-04"), EventType.TALKS)
    assert talks.date == "2025-03-06"


@pytest.mark.parametrize(
    "second",
    [
        "오후에는 시청에서 중국 성장과 회담을 갖는다.",
        "오전에는 중국 부성장과 만나 협력 방안을 논의한다.",
        "오후엔 중국 성장과 회동한다.",
    ],
)
def test_a_sentence_opening_on_a_time_of_day_goes_on_with_the_day_before(
    korex: extractor.Extractor, second: str
) -> None:
    text = f"지사는 6일 베이징에 도착한다. {second}"
    (talks,) = of_type(events(korex, text, doc_date="2025-03-04"), EventType.TALKS)
    assert talks.date == "2025-03-06"


@pytest.mark.parametrize(
    "text",
    [
        "지사는 2025 국제도시포럼 개막식에서 축사를 한 후, 중국 우호협회 회장과 만나 협력을 요청했다.",
        "지사는 중국 우호협회 회장과 만나 중국의 2026년 무역박람회 참가를 요청했다.",
        "지사는 중국 우호협회 회장과 만나 지방정부의 2026년 박람회 참가를 요청했다.",
    ],
)
def test_a_year_of_another_name_is_not_the_meetings(korex: extractor.Extractor, text: str) -> None:
    (talks,) = of_type(events(korex, text, doc_date="2025-03-07"), EventType.TALKS)
    assert talks.date == "2025-03-07"


@pytest.mark.parametrize("when", ["6일 서울에서", "6일 오후"])
def test_a_date_after_the_meeting_that_dates_it_is_its_own(korex: extractor.Extractor, when: str) -> None:
    text = f"지사는 중국 성장과 회담을 {when} 가졌다."
    (talks,) = of_type(events(korex, text, doc_date="2025-03-07"), EventType.TALKS)
    assert talks.date == "2025-03-06"


@pytest.mark.parametrize(
    "text",
    [
        "러일 정상은 지난 10일 정상회담을 가졌다고 외신이 11일 전했다. 이날 양국은 공동성명을 냈다.",
        "양국 장관은 지난 10일 회담했다. 장관은 이날 저녁 일본 외무상과 전화 통화도 했다.",
        "외교부는 지난 10일 베트남과 협의회를 열었다. 차관은 이날 오후 베트남 부총리를 예방했다.",
    ],
)
def test_that_day_may_be_a_day_of_the_week_before_the_dateline(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text, doc_date="2025-03-11")
    later = [
        e for e in found if e.evidence and e.evidence.text.lstrip().startswith(("이날", "장관은", "차관은"))
    ]
    assert later
    assert all(e.date == "2025-03-10" for e in later)


def test_that_day_is_not_counted_from_the_day_before(korex: extractor.Extractor) -> None:
    text = "전날 아스타나에서 일정을 마친 대통령은 이날 투르크메니스탄에 도착했다."
    visits = [
        v
        for v in of_type(events(korex, text, doc_date="2025-03-11"), EventType.VISIT)
        if "TKM" in v.countries
    ]
    assert [v.date for v in visits] == ["2025-03-11"]
