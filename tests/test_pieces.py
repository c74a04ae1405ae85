"""Long texts are analysed in pieces and read as one document: offsets index the whole text, people
and events that span pieces are one, and nothing fails up to several million characters."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor import loader, pieces
from extractor.models import Document
from extractor.records import Meta, document

DAY = dt.date(2025, 3, 20)
#: A paragraph in which the pipeline finds nothing: the bulk of the long texts here.
FILLER = "Annex record 000123 archived copy kept for later reading only.\n\n"
#: (country, Korean official, title, surname, foreign official, original, foreign surname, round)
MEETINGS = [
    ("브라질", "김서준", "제2차관", "김", "마르타 실바", "Marta Silva", "실바", 7),
    ("멕시코", "박하린", "제1차관", "박", "루이스 모랄레스", "Luis Morales", "모랄레스", 4),
    ("케냐", "조민석", "제2차관", "조", "그레이스 와웨루", "Grace Waweru", "와웨루", 3),
    ("베트남", "윤지호", "제1차관", "윤", "응우옌 반 탄", "Nguyen Van Thanh", "탄", 11),
    ("폴란드", "장세아", "제2차관", "장", "아그니에슈카 노바크", "Agnieszka Nowak", "노바크", 6),
    ("칠레", "오태윤", "제1차관", "오", "카밀라 로하스", "Camila Rojas", "로하스", 9),
]


def _opening(n: int) -> str:
    country, official, title, _, foreign, original, _, number = MEETINGS[n]
    return (
        f"{official} 외교부 {title}은 3월 {12 + n}일 서울에서 {foreign}({original}) {country} 외교부 차관과 "
        f"제{number}차 한-{country} 정책협의회를 개최하였다.\n\n"
        "양측은 교역과 투자, 기후변화 대응 분야의 협력 방안을 폭넓게 논의하였다.\n\n"
    )


def _closing(n: int) -> str:
    country, _, _, surname, _, _, foreign_surname, _ = MEETINGS[n]
    return (
        f"{surname} 차관은 {country} 정부의 협력에 사의를 표하고, "
        f"{foreign_surname} 차관의 적극적인 관심을 평가하였다.\n\n"
    )


def _article(n: int) -> str:
    return _opening(n) + _closing(n)


def _analysed(korex: extractor.Extractor, text: str, limit: int) -> Document:
    found = pieces.analyse(korex.nlp, text, DAY, limit=limit)
    return document(found.text, found.mentions, found.events, Meta(id="test", doc_date=DAY.isoformat()))


def _entities(doc: Document, shift: int = 0) -> list[tuple[str, int, int, str | None, str | None]]:
    return [(e.label.value, e.start + shift, e.end + shift, e.norm, e.kb_id) for e in doc.entities]


def _events(doc: Document, shift: int = 0) -> list[str]:
    moved = []
    for event in doc.events:
        assert event.evidence is not None
        evidence = event.evidence.model_copy(
            update={"start": event.evidence.start + shift, "end": event.evidence.end + shift}
        )
        moved.append(event.model_copy(update={"evidence": evidence}).model_dump_json())
    return moved


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("가나다 .\n\t다.") | st.characters(), max_size=400),
    st.integers(min_value=1, max_value=60),
)
def test_pieces_cover_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    spans = pieces.cut(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in pairwise(spans))
    assert all(0 < end - start <= limit for start, end in spans) or text == ""


def test_pieces_end_at_blank_lines_then_sentence_ends() -> None:
    paragraphs = "".join(_article(n) for n in range(3))
    spans = pieces.cut(paragraphs, 200)
    assert len(spans) >= 3
    assert all(paragraphs[start:end].endswith("\n\n") for start, end in spans[:-1])
    one_line = _article(0).replace("\n\n", " ")
    spans = pieces.cut(one_line, 150)
    assert all(one_line[start:end].rstrip().endswith("다.") for start, end in spans[:-1])


def test_a_person_named_in_an_earlier_piece_is_one_person(korex: extractor.Extractor) -> None:
    text = (
        _opening(0) + FILLER * 30 + _closing(0) + FILLER * 30 + "김 차관은 이어 브라질 측과 만찬을 가졌다.\n"
    )
    cut = _analysed(korex, text, limit=1_500)
    assert len(pieces.cut(text, 1_500)) >= 3
    (official,) = [p for p in cut.persons if p.name == "김서준"]
    short = [text[start:end] for start, end in official.mentions]
    assert short == ["김서준", "김", "김"]
    (foreign,) = [p for p in cut.persons if p.name == "마르타 실바"]
    assert len(foreign.mentions) == 2
    assert cut.persons == _analysed(korex, text, limit=len(text)).persons


def test_an_event_mentioned_in_two_pieces_is_one_event(korex: extractor.Extractor) -> None:
    text = (
        _article(1)
        + FILLER * 30
        + "제4차 한-멕시코 정책협의회에서 양측은 영사 분야 협력 강화 방안도 논의하였다.\n\n"
        + FILLER * 30
        + "이번 정책협의회는 수교 64주년을 맞아 열렸다.\n"
    )
    cut = _analysed(korex, text, limit=1_500)
    whole = _analysed(korex, text, limit=len(text))
    consultations = [e for e in cut.events if e.type.value == "CONSULTATION"]
    assert [(e.round, e.countries) for e in consultations] == [(4, ["KOR", "MEX"])]
    assert _events(cut) == _events(whole)


def test_an_event_whose_sentence_the_lead_in_left_out_is_still_one_event(
    korex: extractor.Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pieces, "LEAD_IN_CHARS", 0)
    text = (
        _article(1)
        + FILLER * 30
        + "제4차 한-멕시코 정책협의회에서 양측은 영사 분야 협력 강화 방안도 논의하였다.\n"
    )
    cut = _analysed(korex, text, limit=1_500)
    assert [(e.type.value, e.round) for e in cut.events] == [("CONSULTATION", 4)]


def test_a_text_without_dateline_keeps_its_first_full_date_across_pieces(
    korex: extractor.Extractor,
) -> None:
    text = (
        "외교부는 2025.3.12.(수) 중남미 지역 공관장 명단을 발표하였다.\n\n"
        + FILLER * 30
        + "양측은 지난 10일 실무 협의에서 마련한 협력 방안을 점검하였다.\n"
    )
    found = pieces.analyse(korex.nlp, text, None, limit=1_500)
    cut = document(found.text, found.mentions, found.events, Meta(id="test"))
    whole = pieces.analyse(korex.nlp, text, None, limit=len(text))
    assert [(d.text, d.value) for d in cut.dates] == [
        (d.text, d.value) for d in document(text, whole.mentions, whole.events, Meta(id="test")).dates
    ]
    assert any(d.value.endswith("-03-10") for d in cut.dates)


def test_a_window_past_a_million_characters_reads_as_it_does_alone(korex: extractor.Extractor) -> None:
    gap = FILLER * 200  # 13,000 characters between meetings, so that a piece boundary falls among them
    window = "".join(_article(n) + gap for n in range(len(MEETINGS)))
    head = FILLER * (1_060_000 // len(FILLER))
    text = head + window
    cuts = [start for start, _ in pieces.cut(text)]
    assert any(len(head) < start < len(text) for start in cuts)
    whole = korex.extract(text, doc_date=DAY)
    alone = korex.extract(window, doc_date=DAY)
    assert whole.text == text and alone.text == window
    assert _entities(whole) == _entities(alone, shift=len(head))
    assert _events(whole) == _events(alone, shift=len(head))
    assert len(whole.events) == len(MEETINGS)
    assert sorted(p.name for p in whole.persons) == sorted(p.name for p in alone.persons)


def test_three_million_characters_extract(korex: extractor.Extractor) -> None:
    half = FILLER * (1_500_000 // len(FILLER) + 1)
    text = half + _article(2) + half
    assert len(text) > 3_000_000
    found = korex.extract(text, doc_date=DAY)
    assert [(e.type.value, e.round) for e in found.events] == [("CONSULTATION", 3)]
    assert all(found.text[e.start : e.end] == e.text for e in found.entities)


def test_many_documents_with_a_long_one_come_out_as_one_at_a_time(korex: extractor.Extractor) -> None:
    long_text = FILLER * 1_600 + _article(4)
    assert len(long_text) > pieces.PIECE_CHARS
    items = [(loader.read_text(text), None) for text in (_article(3), long_text, _article(5))]
    many = korex.extract_many(items)
    assert [d.model_dump() for d in many if isinstance(d, Document)] == [
        korex.extract_loaded(loaded).model_dump() for loaded, _ in items
    ]


@pytest.mark.parametrize(
    ("first", "later", "name"),
    [
        (
            "이수아 외교부 제1차관은 3월 14일 모스크바에서 안드레이 볼코프 러시아 외무차관과 한러 차관 "
            "전략대화를 개최하였다.",
            "이 차관은 한-러 차관 전략대화에서 양국 간 영사 협력 확대를 제안하였다.",
            "한-러 차관 전략대화",
        ),
        (
            "최다인 외교부 제2차관은 3월 11일 도쿄에서 사토 겐지 일본 외무심의관과 한일 차관 전략대화를 "
            "가졌다.",
            "최 차관은 한·일 차관 전략대화 계기에 양국 청년 교류 확대를 당부하였다.",
            "한·일 차관 전략대화",
        ),
        (
            "한서진 외교부 제1차관은 3월 13일 베이징에서 왕리 중국 외교부 부부장과 한중 외교차관 전략대화를 "
            "개최하였다.",
            "양측은 한-중 외교차관 전략대화를 정례화하기로 하였다.",
            "한-중 외교차관 전략대화",
        ),
    ],
)
@pytest.mark.parametrize("lead_in", [pieces.LEAD_IN_CHARS, 0])
def test_a_meeting_named_two_ways_in_two_pieces_takes_the_name_one_analysis_gives(
    korex: extractor.Extractor,
    monkeypatch: pytest.MonkeyPatch,
    first: str,
    later: str,
    name: str,
    lead_in: int,
) -> None:
    monkeypatch.setattr(pieces, "LEAD_IN_CHARS", lead_in)  # 0: the first mention is not read again
    text = first + "\n\n" + FILLER * 30 + later + "\n"
    cut = _analysed(korex, text, limit=1_500)
    assert len(pieces.cut(text, 1_500)) == 2
    assert [e.name for e in cut.events] == [name]
    assert _events(cut) == _events(_analysed(korex, text, limit=len(text)))


def test_meetings_of_other_rounds_in_two_pieces_stay_two(korex: extractor.Extractor) -> None:
    text = (
        "이수아 외교부 제1차관은 3월 14일 모스크바에서 안드레이 볼코프 러시아 외무차관과 제3차 한러 차관 "
        "전략대화를 개최하였다.\n\n"
        + FILLER * 30
        + "이 차관은 내년 제4차 한-러 차관 전략대화를 서울에서 열자고 제안하였다.\n"
    )
    cut = _analysed(korex, text, limit=1_500)
    assert [(e.name, e.round) for e in cut.events] == [
        ("제3차 한러 차관 전략대화", 3),
        ("제4차 한-러 차관 전략대화", 4),
    ]
    assert _events(cut) == _events(_analysed(korex, text, limit=len(text)))


@pytest.mark.parametrize(
    ("first", "later", "members"),
    [
        (
            "정하윤 외교부 장관은 3월 14일 마닐라에서 열린 한-아세안 외교장관회의에 참석하였다.",
            "이번 한-아세안 외교장관회의에는 필리핀, 말레이시아, 싱가포르 외교장관이 함께하였다.",
            ["KOR", "MYS", "PHL", "SGP"],
        ),
        (
            "류도현 외교부 제2차관은 3월 12일 헬싱키에서 열린 한-북유럽 외교차관회의에 참석하였다.",
            "한-북유럽 외교차관회의에는 핀란드, 스웨덴, 노르웨이, 덴마크 외교차관이 참석하였다.",
            ["DNK", "FIN", "KOR", "NOR", "SWE"],
        ),
    ],
)
def test_a_meeting_of_many_whose_later_piece_names_more_members_has_them_all(
    korex: extractor.Extractor, first: str, later: str, members: list[str]
) -> None:
    text = first + "\n\n" + FILLER * 30 + later + "\n"
    cut = _analysed(korex, text, limit=1_500)
    assert len(pieces.cut(text, 1_500)) == 2
    assert [e.countries for e in cut.events] == [members]
    assert _events(cut) == _events(_analysed(korex, text, limit=len(text)))
