"""Round and name of events (naming.py): the name as written, its round, and the fuller of two mentions."""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.models import EventType


@pytest.mark.parametrize(
    ("text", "kind", "name", "round_"),
    [
        (
            "양국은 5월 2일 서울에서 ‘제7차 한-페루 정책협의회’를 개최하였다.",
            EventType.CONSULTATION,
            "제7차 한-페루 정책협의회",
            7,
        ),
        (
            "박지훈 차관보는 어제 리마에서 열린 '제12차 한-페루 경제공동위원회'에 참석하였다.",
            EventType.CONSULTATION,
            "제12차 한-페루 경제공동위원회",
            12,
        ),
        (
            '산업부는 "제4차 한-칠레 에너지공동위원회"가 오늘 산티아고에서 열렸다고 밝혔다.',
            EventType.CONSULTATION,
            "제4차 한-칠레 에너지공동위원회",
            4,
        ),
    ],
)
def test_a_quoted_name_is_the_quoted_text(
    korex: extractor.Extractor, text: str, kind: EventType, name: str, round_: int
) -> None:
    (event,) = of_type(events(korex, text), kind)
    assert (event.name, event.round) == (name, round_)


@pytest.mark.parametrize(
    ("text", "round_"),
    [
        ("양국은 오늘 제3차 ‘한-우즈베키스탄 공급망 협의’를 서울에서 개최하였다.", 3),
        ("한국과 호주는 제2차 '한-호주 핵심광물 협의'를 캔버라에서 가졌다.", 2),
        ("한미 양국은 첫 번째 '한미 경제안보 협의'를 워싱턴에서 개최했다.", 1),
    ],
)
def test_a_round_before_the_quotes_is_the_round(korex: extractor.Extractor, text: str, round_: int) -> None:
    (event,) = [e for e in events(korex, text) if e.name]
    assert event.round == round_


@pytest.mark.parametrize(
    ("text", "name", "round_"),
    [
        (
            "김하늘 국방부 차관은 8일 응우옌 베트남 국방차관과 7차 한-베트남 국방전략대화를 개최했다.",
            "7차 한-베트남 국방전략대화",
            7,
        ),
        (
            "양측은 오늘 서울에서 제 5차 한일중 3국 정상회의의 준비 상황을 논의하였다.",
            "제 5차 한일중 3국 정상회의",
            5,
        ),
        (
            "한국과 미국은 18일 서울에서 한미 우주협력그룹(SCG) 첫 회의를 열었다.",
            "한미 우주협력그룹(SCG) 첫 회의",
            1,
        ),
    ],
)
def test_a_round_without_je_or_with_a_space(
    korex: extractor.Extractor, text: str, name: str, round_: int
) -> None:
    (event,) = [e for e in events(korex, text) if e.name == name]
    assert event.round == round_


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "김철수 아중동국장은 18일 일본 외무성 중동국장과 "
            "제6차 한-일 국장급 아프리카정책협의회를 화상으로 개최하였다.",
            "제6차 한-일 국장급 아프리카정책협의회",
        ),
        (
            "방위사업청은 22일 제11차 한-호주 방산협력 공동위원회를 개최했다고 밝혔다.",
            "제11차 한-호주 방산협력 공동위원회",
        ),
        (
            "양국은 2일 부산에서 제4차 한-캐나다 북극협력 대표 협의를 가졌다.",
            "제4차 한-캐나다 북극협력 대표 협의",
        ),
        (
            "외교부는 제2차 한-덴마크 녹색성장 대사 회의를 열었다고 밝혔다.",
            "제2차 한-덴마크 녹색성장 대사 회의",
        ),
        ("두 나라는 한-칠레 통상 차관 협의를 가졌다.", "한-칠레 통상 차관 협의"),
    ],
)
def test_a_name_runs_over_plain_nouns_to_its_countries(
    korex: extractor.Extractor, text: str, name: str
) -> None:
    assert name in [e.name for e in events(korex, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "양국은 오늘 한-폴란드 투자촉진프레임워크(TIPF)를 채택하였다.",
            "한-폴란드 투자촉진프레임워크(TIPF)",
        ),
        (
            "양국은 10월 열릴 제45차 한-미 안보협의회의(SCM)에 대비해 의제를 점검하였다.",
            "제45차 한-미 안보협의회의(SCM)",
        ),
        ("한국과 노르웨이는 '해양 협력 양해각서(MOU)'를 체결하였다.", "해양 협력 양해각서(MOU)"),
    ],
)
def test_a_name_keeps_a_glued_term_and_its_abbreviation(
    korex: extractor.Extractor, text: str, name: str
) -> None:
    assert name in [e.name for e in events(korex, text)]


def test_the_fuller_mention_names_the_event(korex: extractor.Extractor) -> None:
    text = (
        "한러정상회담 의제 조율\n\n"
        "양국은 오늘 다음 달 열릴 한-러 정상회담의 의제를 조율하기 위해 서울에서 협의를 가졌다."
    )
    summits = of_type(events(korex, text), EventType.SUMMIT)
    assert [s.name for s in summits] == ["한-러 정상회담"]


@pytest.mark.parametrize(
    "text",
    [
        "조 장관은 오늘 카타르 외교장관과 3차례 회담을 가졌다.",
        "한국과 베트남 정상은 지난 6월 첫 통화를 가졌다.",
        "라오스를 방문한 오 장관은 10일 한-메콩 외교장관회의, "
        "11일 동아시아정상회의(EAS) 외교장관회의에 잇따라 나선다.",
    ],
)
def test_no_round_or_name_that_is_not_written(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text)
    assert found
    assert all(e.round is None for e in found)
    assert all(e.name is None or "," not in e.name for e in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("아베 총리는 9일 러시아 동방경제포럼에 참석해 연설하였다.", "동방경제포럼"),
        ("조 장관은 독일 뮌헨안보회의에 참석해 기조연설을 하였다.", "뮌헨안보회의"),
        ("양국 정상은 중국 보아오포럼 개막식에 참석하였다.", "보아오포럼"),
    ],
)
def test_a_leading_country_says_where_not_which(korex: extractor.Extractor, text: str, name: str) -> None:
    assert name in [e.name for e in events(korex, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "서울--(코리아와이어)--제3차 한-페루 정책협의회가 14일 서울에서 열렸다.",
            "제3차 한-페루 정책협의회",
        ),
        ("리마--(코리아와이어)--한-페루 경제공동위원회가 14일 리마에서 열렸다.", "한-페루 경제공동위원회"),
        ("양국은 14일 산업·에너지 분야 한-페루 정책협의회를 개최하였다.", "한-페루 정책협의회"),
    ],
)
def test_a_dateline_glued_to_a_name_is_no_part_of_it(
    korex: extractor.Extractor, text: str, name: str
) -> None:
    assert name in [e.name for e in events(korex, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("한국과 인도네시아는 산업·교통 협력 양해각서(MOU)를 맺었다.", "산업·교통 협력 양해각서(MOU)"),
        ("양측은 카타르와 방산 군수 협력 양해각서를 체결했다.", "방산 군수 협력 양해각서"),
        ("정부는 14일 페루와 해양 수산 협정에 서명했다.", "해양 수산 협정"),
    ],
)
def test_a_document_is_named_by_the_field_before_it(korex: extractor.Extractor, text: str, name: str) -> None:
    assert name in [e.name for e in of_type(events(korex, text), EventType.AGREEMENT)]


@pytest.mark.parametrize(
    "text",
    [
        "한국과 페루는 양해각서를 체결했다.",
        "한국과 페루는 14일 협정에 서명했다. 이번 양해각서 체결로 협력이 넓어질 전망이다.",
    ],
)
def test_a_bare_or_referring_document_has_no_name(korex: extractor.Extractor, text: str) -> None:
    assert all(e.name is None for e in of_type(events(korex, text), EventType.AGREEMENT))
