"""Participants of events (participants.py, roles.py): who of the people a sentence names takes part."""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.models import Event, EventType


def names(event: Event) -> set[str]:
    """The named participants of an event."""
    return {p.name for p in event.participants if p.name}


@pytest.mark.parametrize(
    "text",
    [
        "김민수 외교부 대변인은 정하늘 외교부 장관이 내일 서울에서 호주 외교장관과 회담한다고 밝혔다.",
        "김민수 대변인은 15일 정하늘 외교부 장관이 호주 외교장관과 회담을 가질 예정이라고 말했다.",
        "외교부 김민수 대변인은 정례브리핑에서 정하늘 장관이 호주 외교장관과 회담했다고 전했다.",
    ],
)
def test_the_spokesperson_announcing_an_event_takes_no_part(korex: extractor.Extractor, text: str) -> None:
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert "정하늘" in names(talks)
    assert "김민수" not in names(talks)


def test_a_minister_reporting_her_own_meeting_takes_part(korex: extractor.Extractor) -> None:
    text = "정하늘 외교부 장관은 호주 외교장관과 회담을 가졌다고 밝혔다."
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert "정하늘" in names(talks)


@pytest.mark.parametrize(
    "text",
    [
        '이진우 교수는 "이번 한미 정상회담은 동맹의 폭을 넓혔다"고 말했다.',
        '박소연 연구위원은 "한미 정상회담이 남긴 과제가 많다"고 평가했다.',
        "최민호 전 대사는 “한미 정상회담에서 양국이 큰 진전을 이뤘다”고 분석했다.",
    ],
)
def test_the_speaker_of_a_quotation_about_an_event_takes_no_part(
    korex: extractor.Extractor, text: str
) -> None:
    found = of_type(events(korex, text), EventType.SUMMIT)
    assert all(not names(e) & {"이진우", "박소연", "최민호"} for e in found)


def test_a_speaker_telling_what_she_did_takes_part(korex: extractor.Extractor) -> None:
    text = '정하늘 장관은 "방금 존 밀러 미국 국무장관과 전화 통화를 마쳤다"고 밝혔다.'
    (call,) = of_type(events(korex, text), EventType.PHONE_CALL)
    assert "정하늘" in names(call)


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "방한 중인 존 밀러 미국 국무부 부장관이 16일 김현우 외교부 1차관을 예방했다.",
            EventType.VISIT,
            "존 밀러",
        ),
        (
            "아세안 외교장관회의에 참석한 정하늘 외교부 장관이 23일 일본 외무상과 회담했다.",
            EventType.CONFERENCE,
            "정하늘",
        ),
        (
            "카타르를 국빈 방문한 한동수 대통령은 이날 카타르 국왕과 정상회담을 열었다.",
            EventType.VISIT,
            "한동수",
        ),
    ],
)
def test_a_participle_names_its_own_actor(
    korex: extractor.Extractor, text: str, kind: EventType, actor: str
) -> None:
    event = of_type(events(korex, text), kind)[0]
    assert names(event) == {actor}


@pytest.mark.parametrize(
    "text",
    [
        "한동수 대통령은 11~13일 누르벡 사디로프 대통령의 초청으로 키르기스스탄을 국빈방문한다.",
        "한동수 대통령은 누르벡 사디로프 키르기스스탄 대통령의 초청으로 다음 달 키르기스스탄을 방문한다.",
        "누르벡 사디로프 키르기스스탄 대통령의 초청으로 한동수 대통령이 키르기스스탄을 공식 방문한다.",
    ],
)
def test_the_host_who_invited_a_visitor_does_not_travel(korex: extractor.Extractor, text: str) -> None:
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert names(visit) == {"한동수"}


@pytest.mark.parametrize(
    "second",
    [
        "22일 중국 외교부에 따르면 왕 부장의 이번 방한은 김도윤 외교부 장관의 요청에 의한 것이다.",
        "중국 외교부는 왕 부장의 이번 방한이 김도윤 외교부 장관의 초청에 따른 것이라고 밝혔다.",
        "외교부에 따르면 왕 부장의 이번 방한은 김도윤 장관의 초대로 성사됐다.",
    ],
)
def test_a_host_who_asked_for_the_visit_is_no_traveller(korex: extractor.Extractor, second: str) -> None:
    text = f"왕하이 중국 외교부장이 23일 한국을 방문한다. {second}"
    (visit,) = of_type(events(korex, text, doc_date="2025-03-22"), EventType.VISIT)
    assert names(visit) == {"왕하이"}


@pytest.mark.parametrize(
    ("text", "kind", "left_out"),
    [
        (
            "평양에 도착한 이고르 페트로프 러시아 국방장관은 박철 국방상과 회담하고 "
            "김영호 국무위원장도 예방했다.",
            EventType.COURTESY_CALL,
            "박철",
        ),
        (
            "정하늘 장관은 오전에 존 밀러 미국 국무장관과 회담하고 "
            "오후에는 제인 브라운 미국 상무장관을 예방했다.",
            EventType.COURTESY_CALL,
            "존 밀러",
        ),
        (
            "정하늘 장관은 존 밀러 미국 국무장관을 예방한 뒤 제인 브라운 미국 상무장관과 회담을 가졌다.",
            EventType.TALKS,
            "존 밀러",
        ),
    ],
)
def test_a_counterpart_of_an_earlier_clause_is_not_the_next_ones(
    korex: extractor.Extractor, text: str, kind: EventType, left_out: str
) -> None:
    event = of_type(events(korex, text, doc_date="2024-11-30"), kind)[-1]
    assert left_out not in names(event)
    assert len(names(event)) == 2


def test_a_counterpart_is_shared_by_an_act_that_names_none(korex: extractor.Extractor) -> None:
    text = "정하늘 외교부 장관은 존 밀러 미국 국무장관과 회담하고 공동성명을 발표했다."
    (statement,) = of_type(events(korex, text), EventType.JOINT_STATEMENT)
    assert names(statement) == {"정하늘", "존 밀러"}


def test_a_headline_line_does_not_lend_its_people(korex: extractor.Extractor) -> None:
    text = (
        "정하늘 장관, 존 밀러 미국 국무장관과 회담\n"
        "카를로스 페레스 칠레 외교장관 방한 예정\n"
        "[워싱턴=코리아뉴스] 정하늘 외교부 장관은 14일 존 밀러 미국 국무장관과 회담을 가졌다."
    )
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert names(talks) == {"정하늘", "존 밀러"}
    assert talks.countries == ["KOR", "USA"]


def test_a_sentence_wrapped_over_lines_keeps_its_people(korex: extractor.Extractor) -> None:
    text = (
        "이번 회의를\n\n모리타니아의 아흐메드 울드 바바 대통령님과\n\n공동으로 주재하였습니다. "
        "한국과 모리타니아는 정상회의를 가졌다."
    )
    found = events(korex, text)
    assert any("아흐메드 울드 바바" in names(e) for e in found)


@pytest.mark.parametrize(
    "pair",
    ["양 정상은", "두 정상은", "양측은"],
)
def test_the_pair_is_the_last_named_of_each_party(korex: extractor.Extractor, pair: str) -> None:
    text = (
        "한동수 대통령은 21일 몽골을 방문해 바트 에르덴 몽골 대통령과 정상회담을 가졌다. "
        "한동수 대통령은 24일 카자흐스탄을 방문한다. "
        "한 대통령은 공항에서 카심 토카예프 카자흐스탄 대통령의 영접을 받는다. "
        f"{pair} 25일 한-카자흐스탄 정상회담을 갖는다."
    )
    summit = next(e for e in of_type(events(korex, text), EventType.SUMMIT) if "KAZ" in e.countries)
    assert names(summit) == {"한동수", "카심 토카예프"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("정하늘 장관은 다음 주 존 밀러 미국 국무장관과 회담을 가질 예정이다.", {"정하늘", "존 밀러"}),
        ("정하늘 장관은 존 밀러 미국 국무장관과의 회담을 앞두고 기자들과 만났다.", {"정하늘", "존 밀러"}),
        ("정하늘 장관은 존 밀러 미국 국무장관과의 회담 개최를 검토하고 있다.", set()),
    ],
)
def test_a_scheduled_event_has_its_people_a_proposed_one_none(
    korex: extractor.Extractor, text: str, expected: set[str]
) -> None:
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert names(talks) == expected


@pytest.mark.parametrize(
    "second",
    [
        "이어 1일에는 스웨덴을 방문해 스웨덴 외교장관과 회담한다.",
        "4일에는 프랑크 뮐러 독일 대통령을 예방한다.",
        "더불어 회의를 전후해 독일 외교장관과 양자 회담을 개최할 예정이다.",
    ],
)
def test_a_sentence_that_drops_its_subject_goes_on_about_the_last_one(
    korex: extractor.Extractor, second: str
) -> None:
    text = f"정하늘 외교부 장관은 30일 벨기에를 방문한다. {second}"
    later = [e for e in events(korex, text, doc_date="2024-04-26") if e.evidence.text.startswith(second[:4])]
    assert later
    assert all("정하늘" in names(e) for e in later)


def test_a_sentence_with_its_own_subject_keeps_it(korex: extractor.Extractor) -> None:
    text = (
        "정하늘 외교부 장관은 30일 벨기에를 방문한다. "
        "이에 앞서 존 밀러 미국 국무장관은 독일 외교장관과 회담했다."
    )
    talks = [e for e in events(korex, text, doc_date="2024-04-26") if e.type is EventType.TALKS]
    assert talks
    assert all("정하늘" not in names(e) for e in talks)


@pytest.mark.parametrize(
    "sentence",
    [
        "양국 정상은 이어 한-카자흐스탄 정상회담을 갖는다.",
        "두 정상은 이어 한-카자흐스탄 정상회담을 갖는다.",
        "양측은 이어 한-카자흐스탄 정상회담을 갖는다.",
    ],
)
def test_a_pair_as_subject_or_with_a_title_is_the_people_named(
    korex: extractor.Extractor, sentence: str
) -> None:
    text = f"한동수 대통령은 공항에서 카심 토카예프 카자흐스탄 대통령의 영접을 받는다. {sentence}"
    (summit,) = of_type(events(korex, text), EventType.SUMMIT)
    assert names(summit) >= {"카심 토카예프"}


def test_two_countries_relations_name_no_people(korex: extractor.Extractor) -> None:
    text = (
        "한 대통령은 공항에서 카심 토카예프 카자흐스탄 대통령의 영접을 받는다. "
        "양국 관계는 한-카자흐스탄 정상회담 이후 크게 발전했다."
    )
    summits = of_type(events(korex, text), EventType.SUMMIT)
    assert all("카심 토카예프" not in names(s) for s in summits)


@pytest.mark.parametrize(
    "text",
    [
        "정하늘 장관은 왕리 중국 국가주석의 한국 국빈방문을 앞두고 준비 상황을 점검했다.",
        "정하늘 장관은 왕리 중국 국가주석의 방한을 계기로 중국 외교부장과 회담을 가졌다.",
        "정하늘 장관은 15일 왕리 중국 국가주석의 한국 방문 준비를 위해 중국 외교부장과 통화했다.",
    ],
)
def test_a_visit_written_with_a_genitive_is_the_visitors(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text), EventType.VISIT)
    assert visits
    assert all(names(v) == {"왕리"} for v in visits)


@pytest.mark.parametrize(
    "second",
    [
        "그는 이어 존 밀러 미국 국무장관과 회담을 가졌다.",
        "그는 같은 날 존 밀러 미국 국무장관과 회담했다.",
        "이어 워싱턴에서는 존 밀러 미국 국무장관과 회담했다.",
    ],
)
def test_a_pronoun_or_a_place_topic_goes_on_about_the_last_actor(
    korex: extractor.Extractor, second: str
) -> None:
    text = f"정하늘 외교부 장관은 14일 뉴욕에서 유엔 사무총장을 면담했다. {second}"
    talks = [e for e in of_type(events(korex, text), EventType.TALKS) if "존 밀러" in names(e)]
    assert talks
    assert all("정하늘" in names(t) for t in talks)


@pytest.mark.parametrize(
    "second",
    [
        "이번 회의에는 김수진 외교부 심의관과 존 밀러 미국 국무부 부차관보가 참석했다.",
        "회의에는 우리측에서 김수진 외교부 심의관이, 미국측에서 존 밀러 국무부 부차관보가 배석했다.",
        "이날 회의에는 김수진 외교부 심의관과 존 밀러 미국 국무부 부차관보가 함께 참석했다.",
    ],
)
def test_a_separate_attendance_sentence_names_the_people(korex: extractor.Extractor, second: str) -> None:
    text = f"한미 양국은 14일 서울에서 제3차 한미 공급망 협의를 개최하였다. {second}"
    consultation = next(e for e in events(korex, text) if e.round == 3)
    assert {"김수진", "존 밀러"} <= names(consultation)


def test_a_source_phrase_is_not_the_subject(korex: extractor.Extractor) -> None:
    text = "외교부에 따르면 정하늘 장관은 14일 존 밀러 미국 국무장관과 회담을 가졌다."
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert names(talks) == {"정하늘", "존 밀러"}


@pytest.mark.parametrize(
    "second",
    [
        "지난해에는 일본 측과 지사 회담을 갖고 교류 확대에 합의했다.",
        "이어 작년 가을에는 일본 측과 부지사 회담을 열었다.",
        "올해 초에는 일본 측과 실무 회담을 개최하기도 했다.",
    ],
)
def test_a_dropped_subject_goes_on_about_the_subject_before_even_when_no_person(
    korex: extractor.Extractor, second: str
) -> None:
    text = (
        "박지성 도지사는 12일 기자들에게 교류 성과를 설명했다. "
        f"전라남도와 일본 오이타현은 2010년 교류협정을 맺었다. {second}"
    )
    later = [e for e in events(korex, text) if e.evidence.text.startswith(second[:4])]
    assert later
    assert all("박지성" not in names(e) for e in later)


@pytest.mark.parametrize(
    "second",
    [
        "이날 오스트리아 빈을 방문해 만난 미국과 러시아 두 장관은 협력을 약속했다.",
        "같은 날 스위스를 방문해 회동한 미·러 외교장관은 공동 회견을 열었다.",
        "이날 핀란드를 방문해 회담한 양국 장관은 공동 발표문을 냈다.",
    ],
)
def test_an_act_inside_a_participle_has_the_subject_it_describes(
    korex: extractor.Extractor, second: str
) -> None:
    text = f"김민수 외교부 대변인은 14일 정례 브리핑을 열었다. {second}"
    later = [e for e in events(korex, text) if e.evidence.text.startswith(second[:4])]
    assert later
    assert all("김민수" not in names(e) for e in later)


@pytest.mark.parametrize(
    "text",
    [
        "정하늘 외교부 장관은 아세안 외교장관회의 참석차 라오스를 방문한다.",
        "정하늘 외교부 장관은 G20 외교장관회의에 참석하기 위해 뉴욕을 방문했다.",
        "정하늘 외교부 장관은 베를린 기후회의 참석 차 독일을 방문했다.",
    ],
)
def test_a_meeting_a_trip_is_made_to_attend_has_the_travellers(korex: extractor.Extractor, text: str) -> None:
    (conference,) = of_type(events(korex, text), EventType.CONFERENCE)
    assert names(conference) == {"정하늘"}


def test_a_meeting_a_trip_follows_is_not_attended_for_it(korex: extractor.Extractor) -> None:
    text = "정하늘 외교부 장관은 아세안 외교장관회의를 마친 뒤 베트남을 방문했다."
    conferences = of_type(events(korex, text), EventType.CONFERENCE)
    assert all(not names(c) or names(c) == {"정하늘"} for c in conferences)


@pytest.mark.parametrize(
    ("second", "guest"),
    [
        ("서명식에는 아궁 위자야 인도네시아 무역장관이 참석했다.", "위자야"),
        ("이날 서명식에는 마리아 산토스 필리핀 농업장관이 참석했다.", "마리아 산토스"),
        ("이번 서명식에는 마리아 산토스 필리핀 농업장관도 함께 참석하였다.", "마리아 산토스"),
    ],
)
def test_an_attendance_sentence_about_the_event_names_its_people(
    korex: extractor.Extractor, second: str, guest: str
) -> None:
    text = f"정부는 12일 서울에서 인도네시아와 경제협력 양해각서 서명식을 가졌다. {second}"
    signing = of_type(events(korex, text), EventType.AGREEMENT)[0]
    assert guest in names(signing)


def test_attending_another_meeting_names_no_people_of_this_one(korex: extractor.Extractor) -> None:
    text = (
        "정부는 12일 서울에서 인도네시아와 경제협력 양해각서 서명식을 가졌다. "
        "아궁 위자야 인도네시아 무역장관은 이튿날 부산 회의에 참석했다."
    )
    signing = of_type(events(korex, text), EventType.AGREEMENT)[0]
    assert "위자야" not in names(signing)


@pytest.mark.parametrize(
    "second",
    [
        "김민준 외교부 장관 등 수행 인사들이 자리한 가운데 두 대통령은 정상회담을 진행했다.",
        "김민준 외교부 장관과 박지훈 차관이 배석한 가운데 두 정상은 정상회담을 가졌다.",
        "김민준 외교부 장관이 참석한 가운데 양국 정상은 단독 정상회담을 했다.",
    ],
)
def test_those_present_at_an_event_take_part_beside_the_pair(korex: extractor.Extractor, second: str) -> None:
    text = f"한동수 대통령은 12일 마닐라에서 마르코스 필리핀 대통령과 만났다. {second}"
    later = [e for e in of_type(events(korex, text), EventType.SUMMIT) if "김민준" in names(e)]
    assert later
    assert all({"한동수", "마르코스"} <= names(e) for e in later)


@pytest.mark.parametrize(
    "text",
    [
        "미국을 방문 중인 김민준 장관은 14일 존 밀러 미국 국무장관과 회담했다.",
        "김민준 장관은 14일 미국을 방문해 존 밀러 미국 국무장관을 만났다.",
        "방미 중인 김민준 장관은 존 밀러 미국 국무장관과 만찬을 함께했다.",
    ],
)
def test_a_visit_is_made_by_its_visitors_not_its_hosts(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text), EventType.VISIT)
    assert visits
    assert all("존 밀러" not in names(v) for v in visits)


@pytest.mark.parametrize(
    "text",
    [
        "김민준 장관과 존 밀러 미국 국무장관은 이날 회담을 계기로 총 5건의 양해각서를 체결했다.",
        "이번 방문을 계기로 한국과 베트남은 12건의 양해각서(MOU)를 교환했다.",
        "한동수 대통령은 케냐 순방에서 모두 30건의 MOU 체결을 통해 협력 기반을 넓혔다.",
    ],
)
def test_documents_signed_by_count_name_no_signers(korex: extractor.Extractor, text: str) -> None:
    signings = of_type(events(korex, text), EventType.AGREEMENT)
    assert signings
    assert all(not names(s) for s in signings)


@pytest.mark.parametrize(
    ("second", "signers"),
    [
        ("이번 회담을 계기로 양국은 원자력 협력 양해각서를 체결했다.", set()),
        ("양측은 회담 후 원자력 협력 양해각서에 서명했다.", set()),
        ("양 정상은 회담 후 원자력 협력 양해각서에 서명했다.", {"한동수", "마르코스"}),
    ],
)
def test_the_countries_sign_unless_the_pair_is_people(
    korex: extractor.Extractor, second: str, signers: set[str]
) -> None:
    text = f"한동수 대통령은 12일 마닐라에서 마르코스 필리핀 대통령과 정상회담을 가졌다. {second}"
    (signing,) = of_type(events(korex, text), EventType.AGREEMENT)
    assert names(signing) == signers


def test_a_statement_after_a_visit_is_not_the_visitors(korex: extractor.Extractor) -> None:
    text = (
        "한동수 대통령은 21일 몽골을 국빈 방문한다. "
        "이번 방문을 계기로 양국은 한·몽골 공동성명을 채택한다."
    )
    statements = of_type(events(korex, text), EventType.JOINT_STATEMENT)
    assert statements
    assert all("한동수" not in names(s) for s in statements)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("존 밀러 대통령의 외교참모인 제인 스미스 보좌관은 14일 성명을 발표했다.", EventType.STATEMENT),
        ("한동수 대통령의 특사인 김민준 전 장관은 베트남 주석을 예방했다.", EventType.COURTESY_CALL),
        ("마크 존슨 총리의 부인인 에마 존슨 여사는 청와대에서 김 여사와 환담했다.", EventType.TALKS),
    ],
)
def test_the_one_whose_adviser_acts_takes_no_part(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    found = of_type(events(korex, text), kind)
    assert all(not names(e) & {"존 밀러", "한동수", "마크 존슨"} for e in found)


def test_a_subject_before_a_genitive_phrase_still_takes_part(korex: extractor.Extractor) -> None:
    text = (
        "한동수 대통령은 짧은 일정의 이번 카자흐스탄 국빈방문을 통해 "
        "카심 토카예프 대통령과 정상회담을 가졌다."
    )
    (summit,) = of_type(events(korex, text), EventType.SUMMIT)
    assert "한동수" in names(summit)


def test_a_bare_meeting_of_two_leaders_is_not_the_summit_of_many_before(korex: extractor.Extractor) -> None:
    text = (
        "한동수 대통령은 G20 정상회의 의장국인 필리핀의 마르코스 대통령을 만났다.\n"
        "한동수 대통령과 마르코스 필리핀 대통령은 1일 마닐라에서 한-필리핀 정상회담을 가졌다.\n"
        "김민준 외교부 장관 등 수행 인사들이 배석한 가운데 양 정상은 첫 회동을 가졌다."
    )
    summits = [e for e in of_type(events(korex, text), EventType.SUMMIT) if "김민준" in names(e)]
    assert summits
    assert all(e.name != "G20 정상회의" for e in summits)


@pytest.mark.parametrize(
    "first",
    [
        "한동수 대통령은 23일 사이드 라히모프 대통령의 초청으로 타지키스탄을 국빈방문한다.",
        "한동수 대통령은 사이드 라히모프 대통령의 초청에 따라 23일 타지키스탄을 방문한다.",
        "사이드 라히모프 대통령의 초청으로 한동수 대통령이 23일 타지키스탄을 공식 방문한다.",
    ],
)
def test_the_pair_takes_a_host_whose_sentence_names_the_country(
    korex: extractor.Extractor, first: str
) -> None:
    text = f"{first} 양 정상은 정상회담을 갖고 협력 방안을 논의한다."
    summits = of_type(events(korex, text), EventType.SUMMIT)
    assert summits
    assert all(names(s) == {"한동수", "사이드 라히모프"} for s in summits)


@pytest.mark.parametrize(
    "text",
    [
        "몽골 국빈방문을 마친 한동수 대통령과 김민지 여사가 19일 귀국길에 올랐다.",
        "몽골 방문 일정을 끝낸 한동수 대통령과 김민지 여사는 19일 서울로 돌아왔다.",
        "몽골 국빈방문을 마친 한동수 대통령과 김민지 여사를 환송했다.",
    ],
)
def test_the_people_a_participle_of_an_ended_act_describes_made_it(
    korex: extractor.Extractor, text: str
) -> None:
    visits = of_type(events(korex, text, doc_date="2025-03-19"), EventType.VISIT)
    assert visits
    assert any(names(v) == {"한동수", "김민지"} for v in visits)


def test_a_meeting_named_by_its_chair_names_no_one(korex: extractor.Extractor) -> None:
    text = "한동수 대통령은 G20 정상회의 의장국인 브라질의 카를로스 실바 대통령을 만났다."
    summits = [e for e in of_type(events(korex, text), EventType.SUMMIT) if e.countries == ["BRA"]]
    assert all(not names(s) for s in summits)


#: A summit of two leaders, the sentence before a signing.
SUMMIT = "한동수 대통령과 조코 위도도 인도네시아 대통령은 9일 정상회담을 가졌다. "


@pytest.mark.parametrize(
    "signing",
    [
        "두 정상 임석 하에 양국은 산업 협력 양해각서를 맺었다.",
        "양국 정상 입회하에 양측은 교통 협력 MOU에 서명했다.",
        "이어 두 정상 임석 아래 양국은 협정을 체결했다.",
    ],
)
def test_leaders_witnessing_a_signing_of_the_sides_are_not_its_signers(
    korex: extractor.Extractor, signing: str
) -> None:
    signings = of_type(events(korex, SUMMIT + signing, doc_date="2025-03-10"), EventType.AGREEMENT)
    assert signings
    assert all(not names(s) for s in signings)


def test_leaders_who_sign_are_its_signers(korex: extractor.Extractor) -> None:
    text = SUMMIT + "이어 두 정상은 산업 협력 양해각서에 서명했다."
    (signing,) = of_type(events(korex, text, doc_date="2025-03-10"), EventType.AGREEMENT)
    assert names(signing) == {"한동수", "조코 위도도"}
