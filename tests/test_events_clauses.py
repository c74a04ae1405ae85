"""What every event stage reads around a trigger: the subject's end, the 과/와 particle, cue kinds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor.events import cues
from extractor.events.clauses import comitative, subject_end, word_start
from extractor.events.labels import Label, Type
from extractor.models import EntityLabel, EventType
from extractor.tokens import table_of


def _at(text: str, word: str) -> int:
    """Where `word` starts in `text`."""
    return text.index(word)


def test_the_first_and_the_last_subject_of_one_span_are_each_its_own(korex: extractor.Extractor) -> None:
    """Asked of the same span with and without `last`, and of a shorter span, each answer is that
    span's (the answers are kept per Doc and span)."""
    text = "외교부는 박서준 차관이 오늘 캐나다 외교차관과 회담했다고 밝혔다."
    doc = korex.nlp(text)
    end = _at(text, "회담")
    first = subject_end(doc, 0, end)
    last = subject_end(doc, 0, end, last=True)
    assert first == _at(text, "는 박")
    assert last == _at(text, "이 오늘")
    assert subject_end(doc, 0, end) == first
    assert subject_end(doc, _at(text, "박서준"), end) == last
    assert subject_end(doc, _at(text, "오늘"), end) is None


@pytest.mark.parametrize(
    ("text", "particle"),
    [
        ("김 장관은 일본 외무상과 회담을 가졌다.", "과 회담"),
        ("한국과 베트남은 공동성명을 채택했다.", "과 베트남"),
        ("이 차관은 오후 라오스 대표와 통화했다.", "와 통화"),
    ],
)
def test_the_particle_gwa_wa_is_comitative(korex: extractor.Extractor, text: str, particle: str) -> None:
    table = table_of(korex.nlp(text))
    i = table.holding(_at(text, particle))
    assert comitative(table, i)


def test_gwa_inside_a_noun_is_no_particle(korex: extractor.Extractor) -> None:
    text = "양국은 과학기술 협력 양해각서에 서명했다."
    table = table_of(korex.nlp(text))
    assert not any(comitative(table, i) for i in range(len(table)))


@pytest.mark.parametrize("kind", ["after", "held", "ongoing", "when", "comitative"])
def test_the_forms_first_of_a_kind_are_those_kind_of_gives_it(kind: str) -> None:
    forms = cues.first_of(kind)
    assert forms
    assert all(cues.kind_of(form) == kind for form in forms)
    assert all(form in forms for form in cues.words(kind) if cues.kind_of(form) == kind)


@given(st.text(alphabet="가나 \n\t.", max_size=30), st.integers(min_value=0, max_value=32))
def test_a_word_starts_after_the_last_space_or_line_break_before_it(text: str, end: int) -> None:
    assert word_start(text, end) == max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1


def test_the_fast_labels_are_the_enums_members_by_name() -> None:
    for mirror, enum in ((Label, EntityLabel), (Type, EventType)):
        copied = {name: value for name, value in vars(mirror).items() if not name.startswith("_")}
        assert copied == {member.name: member for member in enum}
