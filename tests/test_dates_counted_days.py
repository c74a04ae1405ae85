"""Days counted from the day a text last states (`extractor.dates`): `첫날`, `이튿날`, `다음 날`.

Every sentence here is written for these tests, in the style of a news report on a trip.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.dates import Resolution, find_dates

ANCHOR = dt.date(2025, 3, 14)


def values(text: str, anchor: dt.date | None = ANCHOR) -> dict[str, str | None]:
    """Each expression's value, by its text."""
    return {m.text: m.value for m in find_dates(text, anchor)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "박 장관은 지난 3일 하노이에 도착했다. 첫날에는 동포들을 만났고 이튿날에는 총리와 회담했다.",
            {"첫날": "2025-03-03", "이튿날": "2025-03-04"},
        ),
        (
            "대표단은 10일부터 12일까지 캔버라에 머문다. 이튿날 오전에는 광산 기업을 둘러본다.",
            {"이튿날": "2025-03-11"},
        ),
        (
            "협의회는 7일 제네바에서 개막했다. 다음 날 양측 대표는 합의문에 서명했다.",
            {"다음 날": "2025-03-08"},
        ),
        (
            "사절단은 9일 리마에 닿았다. 다음날 오후 외교부를 찾았다.",
            {"다음날": "2025-03-10"},
        ),
    ],
)
def test_a_counted_day_follows_the_day_last_stated(text: str, expected: dict[str, str]) -> None:
    found = values(text)
    assert {word: found.get(word) for word in expected} == expected


def test_the_day_of_writing_is_not_counted_from() -> None:
    text = "장관은 지난 11일 입국했고 이날 오후 회견을 가졌다. 이튿날에는 총리를 예방했다."
    assert values(text, dt.date(2025, 3, 13))["이튿날"] == "2025-03-12"


def test_a_counted_day_is_marked_relative() -> None:
    found = find_dates("회담은 5일 열렸다. 이튿날 공동성명이 나왔다.", ANCHOR)
    (counted,) = [m for m in found if m.text == "이튿날"]
    assert counted.resolved_from is Resolution.RELATIVE


@pytest.mark.parametrize(
    "text",
    [
        "방문 첫날인 9일 대통령은 동포 간담회에 참석한다.",  # the day is written after it
        "다음날인 현지시간 17일에는 정상회담이 열린다.",
        "대통령은 다음날 오전 귀국한다.",  # no day stated before it
        "첫날밤을 보낸 대표단은 다음날짜 일정을 조정했다.",  # parts of other words
        "회의는 2일 열렸다.\n\n다음 날 대표단은 귀국했다.",  # another paragraph
    ],
)
def test_words_that_only_look_like_counted_days(text: str) -> None:
    assert not {"첫날", "이튿날", "다음날", "다음 날"} & set(values(text))


@given(st.text(alphabet="첫날이튿다음 0123456789일에는.\n", max_size=60))
def test_counted_days_never_break_the_finder(text: str) -> None:
    for match in find_dates(text, ANCHOR):
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("회담은 지난해 11월 26일 열릴 예정이었으나 이틀 전인 24일 연기됐다.", "24일", "2024-11-24"),
        ("대표단은 지난해 10월 5일 도착했고, 3일 뒤인 8일 귀국했다.", "8일", "2024-10-08"),
        ("장관은 지난해 9월 2일 취임했으며 닷새 후인 7일 첫 통화를 했다.", "7일", "2024-09-07"),
    ],
)
def test_a_day_counted_from_the_day_before_it_is_in_that_days_month(
    text: str, expression: str, value: str
) -> None:
    assert values(text)[expression] == value


def test_a_day_far_from_its_count_keeps_its_own_reading() -> None:
    text = "대표단은 지난해 10월 5일 도착했고, 3일 뒤인 20일 귀국했다."
    assert values(text)["20일"] != "2024-10-20"
