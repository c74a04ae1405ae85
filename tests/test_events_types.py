"""Deciding an event's type (extractor/events/event_types.py)."""

from __future__ import annotations

import pytest
from eventkit import events, of_type

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


@pytest.mark.parametrize(
    "text",
    [
        "한-베트남 정상이 서명한 문서 4건은 원자력 MOU, 보건 MOU, 문화 협정, 청년 교류 양해각서다.",
        "이날 한-베트남 두 정상 임석하에 서명된 문서는 모두 6건이다.",
        "한국과 베트남이 이날 체결한 문서는 에너지와 보건 분야에 걸쳐 있다.",
    ],
)
def test_documents_signed_are_an_agreement(korex: extractor.Extractor, text: str) -> None:
    assert [e.countries for e in of_type(events(korex, text), EventType.AGREEMENT)] == [["KOR", "VNM"]]


def test_documents_released_are_no_agreement(korex: extractor.Extractor) -> None:
    assert (
        of_type(events(korex, "베트남 외교부는 14일 남중국해에 관한 문서를 발표했다."), EventType.AGREEMENT)
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "양국은 정상회담 후 '한-캐나다 공동성명'과 함께 핵심광물 협력에 관한 '공동설명서'를 채택했다.",
        "한미 양국은 공동성명과 별도로 공동설명서를 발표했다.",
        "한일 정상은 공동선언과 함께 공동언론발표문을 발표했다.",
    ],
)
def test_a_second_joint_document_adopted_together_is_a_second_record(
    korex: extractor.Extractor, text: str
) -> None:
    assert len(of_type(events(korex, text), EventType.JOINT_STATEMENT)) == 2


def test_a_joint_document_named_again_is_one_record(korex: extractor.Extractor) -> None:
    text = "한일 정상은 공동선언을 채택했다. 이번 공동선언은 미래 협력의 틀이다."
    assert len(of_type(events(korex, text), EventType.JOINT_STATEMENT)) == 1


def test_an_action_plan_adopted_with_a_statement_is_an_agreement(korex: extractor.Extractor) -> None:
    text = "양국은 '한-라오스 공동성명'과 함께 개발협력 방향의 '3개년 행동계획'을 채택했다."
    found = events(korex, text)
    assert sorted(e.type.value for e in found) == ["AGREEMENT", "JOINT_STATEMENT"]


@pytest.mark.parametrize(
    "text",
    [
        "김 장관은 6일 서울에서 칠레 국방장관과 '한·칠레 국방장관 대담'을 갖고 협력을 논의했다.",
        "한-몽골 외교장관 대담이 14일 울란바토르에서 열렸다.",
        "박 차관은 태국 외교차관과 대담을 가졌다.",
    ],
)
def test_a_dialogue_of_two_officials_is_talks(korex: extractor.Extractor, text: str) -> None:
    assert [e.type for e in events(korex, text)] == [EventType.TALKS]


def test_a_broadcast_dialogue_is_no_event(korex: extractor.Extractor) -> None:
    assert events(korex, "그는 방송 대담 프로그램에 출연했다.") == []


@pytest.mark.parametrize(
    "text",
    [
        "김 총리는 한·우즈벡 교역위 합동회의를 주재했다.",
        "양국은 한-몽골 자원협력위 제3차 회의를 울란바토르에서 열었다.",
        "박 차관은 한·칠레 통상위 실무회의를 주재했다.",
    ],
)
def test_a_meeting_of_a_two_country_body_is_a_consultation(korex: extractor.Extractor, text: str) -> None:
    assert [e.type for e in events(korex, text)] == [EventType.CONSULTATION]


def test_a_meeting_of_three_countries_stays_a_conference(korex: extractor.Extractor) -> None:
    assert [e.type for e in events(korex, "김 장관은 한중일 외교장관회의에 참석했다.")] == [
        EventType.CONFERENCE
    ]


@pytest.mark.parametrize(
    "text",
    [
        "오민석 한국국제협력단 이사장과 아마두 디알로 세네갈 대통령이 4일 면담을 가졌다.",
        "한지훈 경기도지사는 이날 피에르 무살리 르완다 대통령과 회담했다.",
        "유정민 한국수출입은행 이사장과 피에르 무살리 르완다 대통령은 5일 서울에서 회담했다.",
    ],
)
def test_a_head_with_someone_of_lower_rank_holds_talks(korex: extractor.Extractor, text: str) -> None:
    assert [e.type for e in events(korex, text)] == [EventType.TALKS]


@pytest.mark.parametrize(
    ("text", "name", "round_"),
    [
        (
            "한·스페인 외교장관회담…협력 강화\n김 장관은 제4차 마드리드평화포럼 참석차 스페인을 방문했다.",
            "제4차 마드리드평화포럼",
            4,
        ),
        (
            "한·이집트 외교장관회담 개최\n김 장관은 제2차 카이로물포럼 참석차 이집트를 방문했다.",
            "제2차 카이로물포럼",
            2,
        ),
        (
            "한·UAE 장관회담\n김 장관은 두바이에서 개막한 '유엔기후변화협약 당사국 총회(COP28)'에 참석했다.",
            "유엔기후변화협약 당사국 총회(COP28)",
            28,
        ),
    ],
)
def test_a_conference_with_a_name_of_its_own_keeps_its_type_and_round(
    korex: extractor.Extractor, text: str, name: str, round_: int
) -> None:
    (conference,) = of_type(events(korex, text), EventType.CONFERENCE)
    assert (conference.name, conference.round) == (name, round_)

