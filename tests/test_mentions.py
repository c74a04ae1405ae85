"""Mentions by start (`ByStart`): each query gives what a pass over every span gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.mentions import ByStart, Mention
from extractor.models import EntityLabel

Case = tuple[list[Mention], int, int]


@st.composite
def spans_and_query(draw: st.DrawFn) -> Case:
    pairs = draw(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=25))
    spans = [Mention(EntityLabel.ORG, start, start + length) for start, length in pairs]
    start = draw(st.integers(0, 70))
    return spans, start, start + draw(st.integers(0, 15))


@given(spans_and_query())
def test_starting_gives_the_spans_starting_in_the_range_by_start(case: Case) -> None:
    spans, low, high = case
    expected = sorted((m for m in spans if low <= m.start <= high), key=lambda m: m.start)
    assert ByStart(spans).starting(low, high) == expected


@given(spans_and_query())
def test_holding_gives_the_spans_that_hold_the_range(case: Case) -> None:
    spans, start, end = case
    expected = sorted((m for m in spans if m.start <= start and m.end >= end), key=lambda m: m.start)
    assert ByStart(spans).holding(start, end) == expected
    assert ByStart(spans).holds(start, end) is bool(expected)


@given(spans_and_query())
def test_inside_gives_the_spans_within_the_range_in_the_order_given(case: Case) -> None:
    spans, start, end = case
    assert ByStart(spans).inside(start, end) == [m for m in spans if start <= m.start and m.end <= end]


def test_spans_on_one_start_keep_the_order_given() -> None:
    wide, narrow = Mention(EntityLabel.ORG, 3, 9), Mention(EntityLabel.COUNTRY, 3, 5)
    assert ByStart([wide, narrow]).holding(4, 5) == [wide, narrow]
    assert ByStart([narrow, wide]).inside(0, 10) == [narrow, wide]
    assert ByStart([]).holding(0, 1) == []
