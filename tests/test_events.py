"""Event records: triggers, parties, participants, date, place, round, salience; one event, one record."""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Event, EventType

DIALOGUE = """박서진 외교부 제1차관은 3.14.(금) 서울에서 엘리자베스 하딩(Elizabeth Harding) \
호주 외교통상부 차관과 제9차 한-호주 차관전략대화를 개최하고, 양국 관계 전반에 대해 의견을 교환하였다.

양 차관은 핵심광물 분야 협력을 강화하기로 하였다. 이번 전략대화는 양국 관계의 폭을 넓히는 계기가 되었다.

※ 양국은 2024년 제8차 회의를 캔버라에서 개최

한편, 박 차관은 같은 날 오후 하딩 차관과 함께 국립외교원을 방문하였다."""

OCCASION = (
    "강민호 외교부 장관은 2025 아세안 관련 외교장관회의(7.8-10, 말레이시아 쿠알라룸푸르) 참석 계기 7.9.(수) "
    "응우옌 반 탄(Nguyen Van Thanh) 베트남 외교장관과 한-베트남 외교장관회담을 갖고 협력 방안을 논의하였다."
)


def events(ex: extractor.Extractor, text: str, doc_date: str | None = "2025-03-14") -> list[Event]:
    return ex.extract(text, doc_date=doc_date).events


def of_type(found: list[Event], kind: EventType) -> list[Event]:
    return [e for e in found if e.type is kind]


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


@pytest.mark.parametrize(
    ("text", "kind", "countries"),
    [
        (
            "최유진 외교부 제1차관은 오전 마이클 던 주한캐나다대사를 접견하였다.",
            EventType.COURTESY_CALL,
            ["CAN", "KOR"],
        ),
        (
            "이도윤 외교부 장관은 오늘 인도네시아 외교장관과 전화 통화를 갖고 협력 방안을 논의하였다.",
            EventType.PHONE_CALL,
            ["IDN", "KOR"],
        ),
        (
            "한미일 3국은 북한의 미사일 발사를 규탄하는 공동성명을 발표하였다.",
            EventType.JOINT_STATEMENT,
            ["JPN", "KOR", "USA"],
        ),
        ("정부는 오늘 캐나다와 핵심광물 협력 양해각서에 서명하였다.", EventType.AGREEMENT, ["CAN", "KOR"]),
        (
            "정하늘 외교부 한반도정책국장은 미국 국무부 대북고위관리와 화상으로 협의하였다.",
            EventType.CONSULTATION,
            ["KOR", "USA"],
        ),
    ],
)
def test_event_types_and_parties(
    korex: extractor.Extractor, text: str, kind: EventType, countries: list[str]
) -> None:
    found = events(korex, text)
    assert [(e.type, e.countries) for e in found] == [(kind, countries)]
    assert found[0].date == "2025-03-14"  # reported as today's in a release dated that day


def test_an_unnamed_official_is_a_participant(korex: extractor.Extractor) -> None:
    (event,) = events(korex, "정하늘 외교부 한반도정책국장은 미국 국무부 대북고위관리와 화상으로 협의하였다.")
    unnamed = [p for p in event.participants if p.name is None]
    assert [(p.title, p.org, p.country) for p in unnamed] == [("대북고위관리", "미국 국무부", "USA")]


def test_a_visit_by_a_named_visitor(korex: extractor.Extractor) -> None:
    (visit,) = events(korex, "블라디미르 푸틴 러시아 대통령의 평양 방문 이후 러북 협력이 강화되었다.")
    assert (visit.type, visit.salience.value, visit.countries) == (
        EventType.VISIT,
        "mentioned",
        ["PRK", "RUS"],
    )
    assert visit.location is not None and (visit.location.city, visit.location.country) == (
        "Pyongyang",
        "PRK",
    )
    assert [p.name for p in visit.participants] == ["블라디미르 푸틴"]
    assert visit.date is None  # background, with no date of its own: never a guess


def test_without_a_document_date_no_date_is_guessed(korex: extractor.Extractor) -> None:
    (call,) = events(korex, "정부는 캐나다와 외교장관 전화 통화를 가졌다.", doc_date=None)
    assert call.date is None


@pytest.mark.parametrize(
    "text",
    [
        "교육부는 오늘 제2차 교육정책위원회 회의를 개최하였다.",  # domestic: no foreign country
        "※ 한-캐나다 외교장관회의는 2015년 출범한 협의체이다.",  # a series described, not an event
        "정부는 캐나다와 각급 협의를 지속해 나가기로 하였다.",  # consultations in general
        "양국은 사회보장협정의 연내 타결을 위해 노력하기로 하였다.",  # an agreement named, not signed
        "외교부는 한-캐나다 관계에 관한 자료를 배포하였다.",
    ],
)
def test_no_event_where_none_is_reported(korex: extractor.Extractor, text: str) -> None:
    assert events(korex, text) == []


def test_a_relative_clause_visit_is_part_of_the_courtesy_call(korex: extractor.Extractor) -> None:
    found = events(korex, "박서진 제1차관은 부임 인사차 방문한 마이클 던 주한캐나다대사를 접견하였다.")
    assert [e.type for e in found] == [EventType.COURTESY_CALL]


def test_an_event_done_before_another_is_reported(korex: extractor.Extractor) -> None:
    text = (
        "정하늘 외교부 한반도정책국장과 미국 국무부 대북고위관리는 전날 화상으로 협의한 뒤 "
        "공동성명을 발표하였다."
    )
    found = {e.type: e for e in events(korex, text)}
    assert set(found) == {EventType.CONSULTATION, EventType.JOINT_STATEMENT}
    consultation = found[EventType.CONSULTATION]
    assert consultation.salience.value == "mentioned"
    assert consultation.date == "2025-03-13"
    assert [p.name for p in consultation.participants] == ["정하늘", None]


def test_the_agent_of_an_embedded_clause(korex: extractor.Extractor) -> None:
    text = (
        "박서진 제1차관은 오늘 호주 외교통상부 차관과 회담하였다. "
        "박 차관은 지난달 20일 양국 외교장관이 전화 통화를 통해 합의한 사항을 재확인하였다."
    )
    (call,) = of_type(events(korex, text), EventType.PHONE_CALL)
    assert (call.type, call.date) == (EventType.PHONE_CALL, "2025-02-20")
    assert all(p.name != "박서진" for p in call.participants)


def test_a_headline_and_the_body_name_one_call(korex: extractor.Extractor) -> None:
    text = (
        "한-인도네시아 외교장관 통화\n\n"
        "이도윤 외교부 장관은 오늘 아디 프라셋요(Adi Prasetyo) 인도네시아 외교장관과 전화 통화를 가졌다."
    )
    (call,) = events(korex, text)
    assert call.countries == ["IDN", "KOR"]
    assert [p.name for p in call.participants] == ["이도윤", "아디 프라셋요"]


def test_receiving_a_courtesy_call(korex: extractor.Extractor) -> None:
    (call,) = events(
        korex, "최유진 외교부 제1차관은 오전 마이클 던 주한캐나다대사의 예방을 받고 협력을 논의하였다."
    )
    assert (call.type, call.countries) == (EventType.COURTESY_CALL, ["CAN", "KOR"])


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


def test_a_statement_with_no_named_issuer_is_the_governments(korex: extractor.Extractor) -> None:
    (statement,) = events(
        korex, "정부는 오늘 우크라이나 민간시설에 대한 공격을 규탄하는 대변인 성명을 발표하였다."
    )
    assert (statement.type, statement.countries, statement.format.value) == (
        EventType.STATEMENT,
        ["KOR"],
        "unilateral",
    )


def test_a_visit_under_way(korex: extractor.Extractor) -> None:
    found = events(
        korex, "이집트를 공식 방문 중인 한서연 외교부 제2차관은 오늘 카이로에서 협정에 서명하였다."
    )
    assert {e.type for e in found} >= {EventType.VISIT, EventType.AGREEMENT}


def test_a_signing_ceremony(korex: extractor.Extractor) -> None:
    found = events(korex, "양국 정상 임석하에 한-태국 간 3건의 양해각서 서명식이 진행되었다.")
    assert [(e.type, e.countries) for e in found] == [(EventType.AGREEMENT, ["KOR", "THA"])]


def test_a_meeting_of_office_holders_is_no_body(korex: extractor.Extractor) -> None:
    doc = korex.extract("제16차 한미일 외교차관협의회가 오늘 도쿄에서 개최되었다.", doc_date="2025-10-28")
    assert doc.organizations == []
    (meeting,) = doc.events
    assert (meeting.type, meeting.countries, meeting.round) == (
        EventType.CONSULTATION,
        ["JPN", "KOR", "USA"],
        16,
    )


def test_the_name_fixes_the_parties(korex: extractor.Extractor) -> None:
    text = (
        "한일중 외교장관회의 계기에 박서진 외교부 장관은 다카하시 겐(高橋 健) 일본 외무대신과 "
        "한일 외교장관회담을 가졌다."
    )
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert talks.countries == ["JPN", "KOR"]


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


ENVOY = (
    "정부는 9.3.(수) 김태호 전 국회의장을 대통령 특사로 베트남에 파견하였다.\n\n"
    "특사단은 9.5.(금) 하노이를 방문하여 베트남 국가주석을 예방하고 대통령 친서를 전달하였다."
)


def test_an_envoy_sent_abroad_is_a_visit_of_both_sides(korex: extractor.Extractor) -> None:
    found = events(korex, ENVOY, doc_date="2025-09-08")
    visits = of_type(found, EventType.VISIT)
    assert [(v.countries, v.date, v.trigger) for v in visits] == [
        (["KOR", "VNM"], "2025-09-03", "파견"),
        (["KOR", "VNM"], "2025-09-05", "방문"),
    ]
    assert [p.name for p in visits[0].participants] == ["김태호"]
    assert all(v.name is None for v in visits)  # 베트남 방문 says where, it names no meeting


def test_staff_sent_abroad_is_no_visit(korex: extractor.Extractor) -> None:
    text = "정부는 9.3.(수) 지진 피해를 입은 베트남에 긴급구호대와 의료진을 파견하였다."
    assert of_type(events(korex, text, doc_date="2025-09-08"), EventType.VISIT) == []


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


@pytest.mark.parametrize("joined", ["오찬을 겸한 회담", "만찬 겸 회담"])
def test_a_meal_joined_to_a_meeting_is_one_event(korex: extractor.Extractor, joined: str) -> None:
    text = f"조현우 외교부 장관은 9.22.(월) 서울에서 프랑스 외교장관과 {joined}을 가졌다."
    (talks,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.TALKS)
    assert (talks.countries, talks.date, talks.trigger) == (["FRA", "KOR"], "2025-09-22", "회담")


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


def test_a_place_before_a_meeting_name_is_not_part_of_it(korex: extractor.Extractor) -> None:
    text = (
        "조현우 외교부 장관은 9.22.(월) 독일 베를린 외교장관회의 참석 계기에 프랑스 외교장관과 회담을 가졌다."
    )
    (conference,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.CONFERENCE)
    assert conference.name == "베를린 외교장관회의"  # the city stays: 외교장관회의 alone names no meeting


def test_an_event_named_twice_keeps_its_fuller_name(korex: extractor.Extractor) -> None:
    text = (
        "한-베트남 전략대화가 9.22.(월) 서울에서 열렸다.\n\n"
        "제9차 한-베트남 전략대화에서 양측은 공급망 협력 방안을 논의하였다."
    )
    (dialogue,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.STRATEGIC_DIALOGUE)
    assert (dialogue.name, dialogue.round) == ("제9차 한-베트남 전략대화", 9)


def test_a_visit_takes_its_visitor_from_the_sentence_subject(korex: extractor.Extractor) -> None:
    text = (
        "조현우 외교부 장관은 9.22.(월) 마르틴 에체베리아 아르헨티나 외교장관과 전화 통화를 가졌다.\n\n"
        "에체베리아 장관은 연내 방한을 추진하겠다고 하였다."
    )
    (visit,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.VISIT)
    assert visit.countries == ["ARG", "KOR"]
    assert [p.name for p in visit.participants] == ["마르틴 에체베리아"]
