"""Tests for `extractor.dates`: Korean date expressions found, resolved and normalised.

Every sentence here is written for these tests, in the style of a ministry press release.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from outputs import output_tables

import extractor
from extractor import batch, dates, frames
from extractor.dates import DateMatch, Resolution, find_dates
from extractor.models import Document, EntityLabel

ANCHOR = dt.date(2024, 6, 28)  # a Friday
TODAY = dt.date(2026, 11, 22)
VALUE_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

E, D, R, W = Resolution.EXPLICIT, Resolution.DATELINE, Resolution.RELATIVE, Resolution.WEEKDAY


def found(text: str, anchor: dt.date | None = ANCHOR, **kwargs: object) -> list[tuple[str, str, Resolution]]:
    """(text, value, resolved_from) of every match."""
    return [(m.text, m.value, m.resolved_from) for m in find_dates(text, anchor, today=TODAY, **kwargs)]


def only(text: str, anchor: dt.date | None = ANCHOR, **kwargs: object) -> DateMatch:
    """The one match in `text`."""
    matches = find_dates(text, anchor, today=TODAY, **kwargs)
    assert len(matches) == 1, matches
    return matches[0]


# --------------------------------------------------------------------------------------------
# Explicit dates


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("외교부는 2024.06.28 보도자료를 배포하였다.", "2024.06.28", "2024-06-28"),
        ("양국은 2024. 6. 28. 서울에서 협정에 서명하였다.", "2024. 6. 28.", "2024-06-28"),
        ("장관은 2024.6.28.(금) 오후 회담을 가졌다.", "2024.6.28.(금)", "2024-06-28"),
        ("등록일 2024-06-28 조회 1,204", "2024-06-28", "2024-06-28"),
        ("기준일 2024/06/28 현재", "2024/06/28", "2024-06-28"),
        ("양국은 2024년 6월 28일 공동성명을 채택하였다.", "2024년 6월 28일", "2024-06-28"),
        ("협의회는 2024년 6월 28일(금) 개최되었다.", "2024년 6월 28일(금)", "2024-06-28"),
        ("대표단은 2024년 6월 방한하였다.", "2024년 6월", "2024-06"),
        ("양국은 1992년 수교하였다.", "1992년", "1992"),
        ("특사단은 '24.6.28. 출국하였다.", "'24.6.28.", "2024-06-28"),
        ("협력 현황(2023.12) 자료", "2023.12", "2023-12"),
        ("2024 한-중앙아 정상회의가 열렸다.", "2024", "2024"),
        ("조사는 2024년 10월 말 마무리된다.", "2024년 10월 말", "2024-10"),
        ("2021년 하반기 추진 실적을 점검하였다.", "2021년 하반기", "2021"),
        ("협의체는 ’97년 7월 처음 열렸다.", "’97년 7월", "1997-07"),
        ("’20년 목표를 달성하였다.", "’20년", "2020"),
        ("예산(’21안)을 편성하였다.", "’21", "2021"),
        ("대표단은 '19년 3월 5일 방한하였다.", "'19년 3월 5일", "2019-03-05"),
        ("인민망 15:42, October 09, 2021", "October 09, 2021", "2021-10-09"),
        ("회의는 9 Oct. 2021 열렸다.", "9 Oct. 2021", "2021-10-09"),
        ("보고서(March 2022) 참조", "March 2022", "2022-03"),
        (" date 2022-11 관련 기사", "2022-11", "2022-11"),
        ("통계(2023-07 기준)", "2023-07", "2023-07"),
        ("2016\n대통령 순방", "2016", "2016"),
        ("#2024 #외교", "#2024", "2024"),
    ],
)
def test_explicit_dates(sentence: str, expression: str, value: str) -> None:
    for anchor in (ANCHOR, None):
        match = only(sentence, anchor)
        assert (match.text, match.value, match.resolved_from) == (expression, value, E)
        assert sentence[match.start : match.end] == expression


def test_full_date_is_one_match_not_its_parts() -> None:
    assert found("양국 장관은 2024년 6월 28일 회담하였다.") == [("2024년 6월 28일", "2024-06-28", E)]


def test_explicit_date_keeps_its_year_even_if_the_weekday_disagrees() -> None:
    assert found("장관은 2024.6.27.(금) 출국하였다.") == [("2024.6.27.(금)", "2024-06-27", E)]


# --------------------------------------------------------------------------------------------
# Month-day without a year


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("차관은 6.28.(금) 도쿄에서 협의회를 개최하였다.", "6.28.(금)", "2024-06-28"),
        ("차관은 6.28. 도쿄에서 협의회를 개최하였다.", "6.28.", "2024-06-28"),
        ("대통령은 6. 28(금) 오후 정상회의를 주재하였다.", "6. 28(금)", "2024-06-28"),
        ("장관은 6월 28일 회담을 가졌다.", "6월 28일", "2024-06-28"),
        ("장관은 6월 28일(금) 회담을 가졌다.", "6월 28일(금)", "2024-06-28"),
        ("[외교부+06-28(금)+보도자료].pdf", "06-28(금)", "2024-06-28"),
        ("회담 개최(6.27)", "6.27", "2024-06-27"),
        ("양측은 8.31 부산에서 다시 만나기로 하였다.", "8.31", "2024-08-31"),
        ("양측은 10월 말 정상회의 성공을 위해 협력하기로 하였다.", "10월 말", "2024-10"),
        ("양측은 6.12일 회담 이후 협의를 이어 왔다.", "6.12일", "2024-06-12"),
        ("대표단은 9월 초 방한할 예정이다.", "9월 초", "2024-09"),
        ("협상은 7월 중순 재개된다.", "7월 중순", "2024-07"),
    ],
)
def test_month_day_takes_the_year_from_the_anchor(sentence: str, expression: str, value: str) -> None:
    match = only(sentence)
    assert (match.text, match.value, match.resolved_from) == (expression, value, D)


def test_month_day_picks_the_year_nearest_the_anchor() -> None:
    january = dt.date(2022, 1, 13)
    assert found("지난 연말인 12.28. 발표된 전략에 따라 추진하였다.", january)[0][1] == "2021-12-28"
    assert found("정상회의는 1.20. 개최된다.", dt.date(2021, 12, 20))[0][1] == "2022-01-20"


def test_tense_keeps_the_anchor_year_when_the_nearest_year_contradicts_it() -> None:
    march = dt.date(2024, 3, 1)
    assert found("양측은 9.10. 회의를 개최하였다.", march) == [("9.10.", "2023-09-10", D)]
    assert found("양측은 9.10. 회의를 개최할 예정이다.", march) == [("9.10.", "2024-09-10", D)]


def test_month_day_without_anchor_or_weekday_is_an_unresolved_mention() -> None:
    assert found("차관은 6.28. 도쿄에서 협의회를 개최하였다.", None) == [("6.28.", None, None)]
    assert found("장관은 6월 28일 회담을 가졌다.", None) == [("6월 28일", None, None)]
    assert found("양측은 10월 말 다시 만나기로 하였다.", None) == [("10월 말", None, None)]


# --------------------------------------------------------------------------------------------
# Weekdays: a check, never the source of a year


@pytest.mark.parametrize(
    "sentence",
    [
        "양국 장관은 7.8.(금) 전화 통화를 갖고 의견을 교환하였다.",
        "양국 장관은 7월 8일(금) 전화 통화를 갖고 의견을 교환하였다.",
        "[자료+07-08(금)+조간]",
    ],
)
def test_yearless_weekday_date_stays_unresolved(sentence: str) -> None:
    match = only(sentence, None)
    assert (match.value, match.resolved_from) == (None, None)
    assert only(sentence, None, infer_anchor=True).value is None


@pytest.mark.parametrize(
    "sentence",
    [
        "장관은 9.24.(수) 대사를 접견하였다. 대사는 2016-2019년 본부에서 근무하였다.",
        "장관은 9월 24일(수) 대사를 접견하였다. 양국은 2025년 수교 기념사업을 추진 중이다.",
        "[자료+09-24(수)+조간] 2014년 이후 세 번째 방한",
    ],
)
def test_weekday_picks_the_latest_stated_year_it_fits(sentence: str) -> None:
    weekday_match = found(sentence, None)[0]
    assert weekday_match[1:] == ("2025-09-24", W) if "2025" in sentence else ("2014-09-24", W)


def test_weekday_fitting_no_stated_year_stays_unresolved() -> None:
    # 24 September is a Wednesday in neither 2023 nor 2024.
    text = "장관은 9.24.(수) 대사를 접견하였다. 2023-2024년 협력 계획"
    assert found(text, None)[0] == ("9.24.(수)", None, None)


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
)
@settings(max_examples=200, deadline=None)
def test_a_weekday_date_takes_only_a_stated_year_that_fits(day: dt.date, other: dt.date) -> None:
    weekday = "월화수목금토일"[day.weekday()]
    text = f"회의는 {day.month}.{day.day}.({weekday}) 열렸다. 양국은 {other.year}년 협정을 체결하였다."
    got = find_dates(text, None, today=TODAY)[0]
    fits = dates._date(other.year, day.month, day.day)
    if fits and fits.weekday() == day.weekday():
        assert (got.value, got.resolved_from) == (fits.isoformat(), W)
    else:
        assert (got.value, got.resolved_from) == (None, None)


def test_weekday_chooses_a_neighbouring_year_when_it_contradicts_the_anchor() -> None:
    # 28 June is a Wednesday in 2023, not in 2024: the weekday wins within one year of the anchor.
    assert found("차관은 6.28.(수) 협의회를 가졌다.") == [("6.28.(수)", "2023-06-28", W)]


def test_weekday_matching_no_neighbouring_year_keeps_the_anchor_year() -> None:
    # 28 June is a Thursday in none of 2023-2025.
    assert found("차관은 6.28.(목) 협의회를 가졌다.") == [("6.28.(목)", "2024-06-28", D)]


# --------------------------------------------------------------------------------------------
# Without a publication date: a full date the text states nearby


def test_infer_anchor_resolves_the_rest_from_a_full_date_stated_before_it() -> None:
    text = "장관은 2025.9.24.(수) 대사를 접견하였다. 지난 6월 통화와 8.14 특사 파견(8.21-22 방한)을 평가했다."
    assert [v for _, v, _ in found(text, None)] == ["2025-09-24", None, None, None]
    got = find_dates(text, None, today=TODAY, infer_anchor=True)
    assert [(m.value, m.end_value, m.resolved_from) for m in got] == [
        ("2025-09-24", None, E),
        ("2025-06", None, R),
        ("2025-08-14", None, R),
        ("2025-08-21", "2025-08-22", R),
    ]


def test_a_caption_date_resolves_what_follows_it_but_not_what_precedes_it() -> None:
    text = (
        "정부는 8일 협의 결과를 공개하였다.\n"
        "[서울=한빛통신] 박선우 기자 = 한수진 차관이 12일 청사에서 발언하고 있다. 2023.04.12 sw@hanbit.kr\n"
        "한 차관은 지난 4월 7일 임명되었으며, 내일 출국한다."
    )
    got = find_dates(text, None, today=TODAY, infer_anchor=True)
    assert [(m.text, m.value) for m in got] == [
        ("8일", None),
        ("12일", "2023-04-12"),
        ("2023.04.12", "2023-04-12"),
        ("지난 4월 7일", "2023-04-07"),
        ("내일", "2023-04-13"),
    ]


@pytest.mark.parametrize("heading", ["2016", "#2016", "  2016년  "])
def test_month_days_under_a_year_heading_take_its_year(heading: str) -> None:
    body = "대통령은 6월 13일부터 6월 21일까지 3개국을 방문하였다. 그는 5일 귀국했다."
    text = f"{heading}\n대통령 중앙아시아 순방\n{body}"
    got = find_dates(text, None, today=TODAY, infer_anchor=True)
    assert [(m.text, m.value) for m in got if m.text != heading.strip()] == [
        ("6월 13일", "2016-06-13"),
        ("6월 21일", "2016-06-21"),
        ("5일", None),  # a year heading gives no month
    ]


def test_a_year_inside_a_sentence_is_no_heading() -> None:
    text = "양국은 2016년 협정을 맺었다.\n대통령은 6월 13일 방문하였다."
    assert find_dates(text, None, today=TODAY, infer_anchor=True)[-1].value is None


def test_infer_anchor_changes_nothing_when_there_is_an_anchor() -> None:
    text = "장관은 9.24.(수) 대사를 접견하였다. 2025.9.1 발표한 계획에 따라 3일 출국한다."
    assert find_dates(text, ANCHOR, infer_anchor=True) == find_dates(text, ANCHOR)


# --------------------------------------------------------------------------------------------
# Relative days inside a quotation


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ('대통령은 9일(현지시간) 기자들에게 "어제 총리와 통화했다"고 말했다.', "어제", "2024-07-08"),
        ("장관은 9일 “오늘 양국 관계는 새로운 단계에 들어섰다”고 밝혔다.", "오늘", "2024-07-09"),
        ('대변인은 지난 9일 브리핑에서 "내일 대표단이 출국한다"고 전했다.', "내일", "2024-07-10"),
    ],
)
def test_relative_day_in_a_quotation_counts_from_the_quotation_date(
    sentence: str, expression: str, value: str
) -> None:
    anchor = dt.date(2024, 7, 10)
    got = {m.text: m.value for m in find_dates(sentence, anchor, today=TODAY)}
    assert got[expression] == value


def test_relative_day_outside_a_quotation_counts_from_the_publication_date() -> None:
    anchor = dt.date(2024, 7, 10)
    text = '대통령은 9일(현지시간) "협력을 확대하겠다"고 말했다. 총리는 어제 귀국했다.'
    assert {m.text: m.value for m in find_dates(text, anchor)}["어제"] == "2024-07-09"


def test_a_quotation_in_another_sentence_keeps_the_publication_date() -> None:
    anchor = dt.date(2024, 7, 10)
    text = '대통령은 9일(현지시간) 회담했다. 대변인은 "어제 통화했다"고 말했다.'
    assert {m.text: m.value for m in find_dates(text, anchor)}["어제"] == "2024-07-09"


# --------------------------------------------------------------------------------------------
# Day only


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("양국 정상은 28일 정상회담을 가졌다.", "28일", "2024-06-28"),
        ("장관은 27일(현지시간) 뉴욕에서 연설하였다.", "27일", "2024-06-27"),
        ("장관은 28일(금) 출국하였다.", "28일(금)", "2024-06-28"),
    ],
)
def test_day_only_takes_year_and_month_from_the_anchor(sentence: str, expression: str, value: str) -> None:
    match = only(sentence)
    assert (match.text, match.value, match.resolved_from) == (expression, value, D)


def test_day_only_without_anchor_is_an_unresolved_mention() -> None:
    assert found("양국 정상은 28일 정상회담을 가졌다.", None) == [("28일", None, None)]


def test_day_only_takes_the_month_of_a_date_just_before_it() -> None:
    assert found("협의는 7월 1일부터 30일까지 진행된다.") == [
        ("7월 1일", "2024-07-01", D),
        ("30일", "2024-07-30", D),
    ]
    assert found("협의는 2023년 7월 1일부터 30일까지 진행되었다.", None) == [
        ("2023년 7월 1일", "2023-07-01", E),
        ("30일", "2023-07-30", E),
    ]
    # A sentence end between them: the day goes back to the anchor's month.
    assert found("협의는 7월 1일 시작된다. 30일 폐막한다.")[-1] == ("30일", "2024-06-30", D)


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("연기를 통보했으며, 3일 뒤인 27일 대표단이 방한했다.", ["27일"]),
        ("회담은 이틀 전인 24일 취소되었다.", ["24일"]),
        ("합의는 5일 후에 발표되었다.", []),
        ("정상회의 10일 전 실무협의가 열렸다.", []),
        ("장관은 28일 오후 출국했다.", ["28일"]),
    ],
)
def test_a_day_counted_from_another_day_is_no_date(sentence: str, days: list[str]) -> None:
    assert [m.text for m in find_dates(sentence, ANCHOR)] == days


def test_length_of_stay_is_not_a_date() -> None:
    assert found("대통령은 29일부터 3박 5일 일정으로 순방한다.") == [("29일", "2024-06-29", D)]


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        ("양국 외교장관은 31일 회담했다.", dt.date(2024, 1, 1), "2023-12-31"),
        ("대통령은 3일 방한한다.", dt.date(2024, 1, 1), "2024-01-03"),
        ("대통령은 3일 방한할 예정이다.", dt.date(2024, 1, 1), "2024-01-03"),
        ("양측은 29일 서명했다.", dt.date(2024, 3, 2), "2024-02-29"),
        ("특사는 2일 출국할 예정이다.", dt.date(2024, 3, 30), "2024-04-02"),
        ("대표단은 25일 귀국하였다.", dt.date(2024, 3, 30), "2024-03-25"),
        ("회의는 31일 열렸다.", ANCHOR, "2024-05-31"),  # June has no 31st
        ("정상은 30일(현지시간) 파리에서 회담을 하고 있다.", dt.date(2015, 12, 1), "2015-11-30"),
    ],
)
def test_a_bare_day_is_the_nearest_such_day_that_fits_the_tense(
    sentence: str, anchor: dt.date, value: str
) -> None:
    assert only(sentence, anchor).value == value


# --------------------------------------------------------------------------------------------
# Relative dates


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("대통령은 오늘 정상회의를 주재하였습니다.", "오늘", "2024-06-28"),
        ("장관은 이날 오후 대사를 접견하였다.", "이날", "2024-06-28"),
        ("외교부는 금일 입장을 발표하였다.", "금일", "2024-06-28"),
        ("대표단은 회의 당일 입국하였다.", "당일", "2024-06-28"),
        ("양국 장관은 어제 통화하였다.", "어제", "2024-06-27"),
        ("장관은 전날 도착하였다.", "전날", "2024-06-27"),
        ("특사는 내일 출국한다.", "내일", "2024-06-29"),
        ("특사는 내일(29일) 출국한다.", "내일(29일)", "2024-06-29"),
        ("특사는 내일(1일) 출국한다.", "내일(1일)", "2024-07-01"),
        ("양측은 지난달 30일 회담하였다.", "지난달 30일", "2024-05-30"),
        ("양측은 이달 5일 회담하였다.", "이달 5일", "2024-06-05"),
        ("양측은 다음 달 3일 회담할 예정이다.", "다음 달 3일", "2024-07-03"),
        ("양측은 다음달 3일 회담할 예정이다.", "다음달 3일", "2024-07-03"),
        ("지난달 방한한 대표단", "지난달", "2024-05"),
        ("장관은 오는 5일 출국한다.", "오는 5일", "2024-07-05"),
        ("장관은 오는 30일 출국한다.", "오는 30일", "2024-06-30"),
        ("장관은 지난 5일 귀국하였다.", "지난 5일", "2024-06-05"),
        ("장관은 지난 29일 귀국하였다.", "지난 29일", "2024-05-29"),
        ("양국 정상은 지난 6월 통화하였다.", "지난 6월", "2023-06"),
        ("양국 정상은 지난 3월 통화하였다.", "지난 3월", "2024-03"),
        ("양측은 지난 6월 3일 회담하였다.", "지난 6월 3일", "2024-06-03"),
        ("대표단은 오는 7월 초 방한한다.", "오는 7월 초", "2024-07"),
        ("올해 수교 30주년을 맞아", "올해", "2024"),
        ("금년 수교 25주년을 맞아", "금년", "2024"),
        ("올해 3월 출범한 협의체", "올해 3월", "2024-03"),
        ("금년 7월 정상회담에서", "금년 7월", "2024-07"),
        ("내년 국교정상화 60주년을 맞아", "내년", "2025"),
        ("명년 개최국으로서", "명년", "2025"),
        ("내년 3월 개최될 회의", "내년 3월", "2025-03"),
        ("작년 양국 교역액은", "작년", "2023"),
        ("지난해 교역액은", "지난해", "2023"),
        ("전년도 사업 실적을 점검하였다.", "전년도", "2023"),
        ("교역액은 작년 1.5% 증가하였다.", "작년", "2023"),
        ("협의회는 지난달 3일간 열렸다.", "지난달", "2024-05"),
        ("지난해 12.28. 발표된 전략", "지난해 12.28.", "2023-12-28"),
        ("지난해 12월 5일 서명한 협정", "지난해 12월 5일", "2023-12-05"),
        ("지난해 하반기부터 지원하고 있다.", "지난해 하반기", "2023"),
        ("올해 상반기 중 타결을 목표로", "올해 상반기", "2024"),
        ("장관은 다음 주 화요일 방한한다.", "다음 주 화요일", "2024-07-02"),
        ("정상은 지난 금요일 통화하였다.", "지난 금요일", "2024-06-21"),
        ("정상은 오는 월요일 방한한다.", "오는 월요일", "2024-07-01"),
    ],
)
def test_relative_dates(sentence: str, expression: str, value: str) -> None:
    match = only(sentence)
    assert (match.text, match.value, match.resolved_from) == (expression, value, R)


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        # across a month boundary
        ("양측은 지난달 29일 회담하였다.", dt.date(2024, 3, 1), "2024-02-29"),
        ("장관은 어제 귀국하였다.", dt.date(2024, 3, 1), "2024-02-29"),
        ("특사는 내일 출국한다.", dt.date(2024, 4, 30), "2024-05-01"),
        ("장관은 지난 30일 도착하였다.", dt.date(2024, 5, 2), "2024-04-30"),
        ("장관은 오는 2일 출국한다.", dt.date(2024, 4, 28), "2024-05-02"),
        ("정상은 지난 금요일 통화하였다.", dt.date(2024, 3, 4), "2024-03-01"),
        # across a year boundary
        ("양측은 지난달 30일 회담하였다.", dt.date(2024, 1, 2), "2023-12-30"),
        ("장관은 그제 귀국하였다.", dt.date(2024, 1, 1), "2023-12-30"),
        ("장관은 이날 대사를 접견하였다.", dt.date(2024, 1, 1), "2024-01-01"),
        ("대표단은 전날 도착하였다.", dt.date(2024, 1, 1), "2023-12-31"),
        ("양국은 다음 달 5일 회담할 예정이다.", dt.date(2023, 12, 20), "2024-01-05"),
        ("대표단은 지난 12월 방한하였다.", dt.date(2024, 1, 3), "2023-12"),
        ("정상회의는 오는 1월 열린다.", dt.date(2023, 11, 30), "2024-01"),
        ("올해 수교 40주년을 맞아", dt.date(2024, 1, 1), "2024"),
        ("지난해 교역액은 늘었다.", dt.date(2024, 1, 1), "2023"),
        ("다음 주 화요일 방한한다.", dt.date(2023, 12, 29), "2024-01-02"),
    ],
)
def test_relative_dates_across_month_and_year_boundaries(sentence: str, anchor: dt.date, value: str) -> None:
    assert only(sentence, anchor).value == value


def test_next_year_first_half_is_that_year() -> None:
    assert only("양국은 내년 상반기 중 협정을 타결할 예정이다.", dt.date(2023, 12, 28)).value == "2024"


@pytest.mark.parametrize(
    "sentence",
    [
        "대통령은 오늘 회의를 주재하였다.",
        "양측은 지난달 30일 회담하였다.",
        "내년 수교 60주년",
        "장관은 오는 5일 출국한다.",
    ],
)
def test_relative_dates_without_anchor_are_unresolved_mentions(sentence: str) -> None:
    [match] = find_dates(sentence, None, today=TODAY)
    assert (match.value, match.resolved_from, match.end_value) == (None, None, None)
    assert match.text in sentence and not match.text[0].isspace()


@pytest.mark.parametrize(
    "sentence",
    [
        "오늘날 국제 정세는 엄중하다.",
        "모레노 대사는 협력을 당부하였다.",
        "이달고 장관과 면담하였다.",
        "전월세 대책을 발표하였다.",
        "양측은 사회보장협정의 연내 타결을 위해 노력하기로 하였다.",
        "다음날 오전 귀국하였다.",
    ],
)
def test_words_that_look_relative_but_are_not_dates(sentence: str) -> None:
    assert found(sentence) == []


# --------------------------------------------------------------------------------------------
# Ranges


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "end_value", "resolved"),
    [
        ("대화는 2005-2014년간 9회 개최되었다.", "2005-2014년간", "2005", "2014", E),
        ("그는 2014-2017년 공사로 근무하였다.", "2014-2017년", "2014", "2017", E),
        ("단계적 방안(2023년~2025년)을 논의하였다.", "2023년~2025년", "2023", "2025", E),
        ("그는 2020-2025.7월 간 기조실장을 역임하였다.", "2020-2025.7월", "2020", "2025-07", E),
        ("그는 2014-17년 서기관으로 근무하였다.", "2014-17년", "2014", "2017", E),
        ("외교장관회의(8.6-8, 마닐라) 참석 계기", "8.6-8", "2024-08-06", "2024-08-08", D),
        ("외교장관 방한(8.21-22) 계기", "8.21-22", "2024-08-21", "2024-08-22", D),
        ("금년 11.10-11 정상회의 계기", "금년 11.10-11", "2024-11-10", "2024-11-11", R),
        ("협의회(6.28~29, 서울)", "6.28~29", "2024-06-28", "2024-06-29", D),
        ("포럼은 6월 28일~30일 열렸다.", "6월 28일~30일", "2024-06-28", "2024-06-30", D),
        ("포럼은 6월 28일~7월 2일 열린다.", "6월 28일~7월 2일", "2024-06-28", "2024-07-02", D),
        ("연수는 6.28~7.2 진행된다.", "6.28~7.2", "2024-06-28", "2024-07-02", D),
        ("기간: 2024.6.1-2024.6.5 서울", "2024.6.1-2024.6.5", "2024-06-01", "2024-06-05", E),
        ("박람회는 28~30일 열린다.", "28~30일", "2024-06-28", "2024-06-30", D),
        ("협의는 6월~7월 진행된다.", "6월~7월", "2024-06", "2024-07", D),
        ("대표단은 7.8-12간 유럽을 순방한다.", "7.8-12", "2024-07-08", "2024-07-12", D),
        ("※ 8.1~3간 실무 협의 진행", "8.1~3", "2024-08-01", "2024-08-03", D),
        ("시행 기간(‘18.12~’19.2월) 중", "‘18.12~’19.2월", "2018-12", "2019-02", E),
    ],
)
def test_ranges_give_both_ends(
    sentence: str, expression: str, value: str, end_value: str, resolved: Resolution
) -> None:
    match = only(sentence)
    assert (match.text, match.value, match.end_value, match.resolved_from) == (
        expression,
        value,
        end_value,
        resolved,
    )


def test_backwards_year_pair_is_not_a_range() -> None:
    assert [m.end_value for m in find_dates("2017-2014년 자료", ANCHOR)] == [None]


# --------------------------------------------------------------------------------------------
# Things that are not dates


@pytest.mark.parametrize(
    "sentence",
    [
        "대화는 9년간 중단되었다.",
        "협의회는 13회 개최되었다.",
        "장관은 2일간 방한하였다.",
        "대표단은 3일 동안 체류하였다.",
        "14년 만에 방문하였다.",
        "10년 만에 재개되었다.",
        "나흘 동안 머물렀다.",
        "3개월 만에 열렸다.",
        "2주 후 재개된다.",
        "문의: 북미국 (02-2100-7875)",
        "담당자 044-202-7529",
        "제15차 정책협의회",
        "회의는 14:00 개최",
        "경제성장률은 1.5% 수준이다.",
        "교역액은 3.8배 증가하였다.",
        "성장률 1.5-2.0% 전망",
        "김 제1차관은",
        "1. 추진 배경",
        "1.1. 개요",
        "  2.3 세부 내용",
        "버전 3.8.18 사용",
        "법률 제12345호",
        "6.25 전쟁 참전국",
        "9.19 군사합의 이행",
        "3.1절 기념식",
        "교역액은 전년 대비 10% 늘었다.",
        "수출은 전년 동기 대비 3% 줄었다.",
        "양국은 비전 2030 이행 방안을 논의하였다.",
        "엑스포 2025 유치를 지지하였다.",
        "‘30년 전쟁’ 연구",
        "교역액 1,000억불",
        "총 2000명이 참석하였다.",
        "사우디 비전 2030'",
        "12개국 정상과 5개국 부총리",
        "고객센터 1588-1012",
        "코드 2024-13 참조",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert found(sentence) == []
    assert found(sentence, None) == []


# --------------------------------------------------------------------------------------------
# A whole release


def test_a_whole_release() -> None:
    text = (
        "한-칠레 외교차관 정책협의회 개최(6.27)\n"
        "2024.06.28 외교부\n"
        "김민수 외교부 제2차관은 6.27.(목) 오후 외교부 청사에서 제7차 한-칠레 정책협의회를 개최하였다.\n"
        "※ 정책협의회는 2010-2019년간 6회 개최 후 중단되었으며, 지난해 11월 재개\n"
        "양측은 내년 수교 63주년을 맞아 협력을 확대해 나가기로 하였다. 끝.\n"
        "문의: 중남미국 (02-2100-7000)\n"
    )
    got = [(m.text, m.value, m.end_value, m.resolved_from) for m in find_dates(text, ANCHOR)]
    assert got == [
        ("6.27", "2024-06-27", None, D),
        ("2024.06.28", "2024-06-28", None, E),
        ("6.27.(목)", "2024-06-27", None, D),
        ("2010-2019년간", "2010", "2019", E),
        ("지난해 11월", "2023-11", None, R),
        ("내년", "2025", None, R),
    ]


# --------------------------------------------------------------------------------------------
# Unresolved expressions are mentions


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("대표단은 지난주 방한하였다.", "지난주"),
        ("양국은 다음 주 협의를 갖는다.", "다음 주"),
        ("1990년대 초반 양국은 수교하였다.", "1990년대 초반"),
        ("2000년대 들어 교역이 늘었다.", "2000년대"),
    ],
)
def test_expressions_that_name_no_one_value_are_unresolved_mentions(sentence: str, expression: str) -> None:
    for anchor in (ANCHOR, None):
        assert found(sentence, anchor) == [(expression, None, None)]


def test_week_words_inside_longer_words_are_no_mention() -> None:
    assert found("이번 주말 회의가 열린다.") == []


def test_an_unresolved_mention_is_still_an_entity(korex: extractor.Extractor) -> None:
    doc = korex.extract("정 장관은 4일 방한해 지난주 합의를 점검하였다.\n양국은 1990년대 수교하였다.")
    dates_found = [(e.text, e.norm) for e in doc.entities if e.label is EntityLabel.DATE]
    assert dates_found == [("4일", None), ("지난주", None), ("1990년대", None)]
    assert doc.dates == [] and doc.doc_date is None
    dumped = Document.model_validate_json(doc.model_dump_json())
    assert dumped == doc


def test_unresolved_dates_reach_every_output(korex: extractor.Extractor, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "undated.txt").write_text("정 장관은 4일 방한해 지난주 합의를 점검하였다.\n", encoding="utf-8")
    (folder / "dated.txt").write_text("2025.03.14 외교부\n\n정 장관은 14일 방한하였다.\n", encoding="utf-8")
    items = list(korex.extract_folder(folder))
    expected = frames.to_frames(items)
    norms = expected["entities"].set_index("text").norm
    assert pd.isna(norms["4일"]) and pd.isna(norms["지난주"]) and norms["14일"] == "2025-03-14"
    for suffix in (".jsonl", ".csv", ".parquet", ".duckdb"):
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        if suffix == ".duckdb":
            pytest.importorskip("duckdb")
        out = tmp_path / f"out{suffix}"
        batch.extract_to(korex, folder, out, quiet=True)
        written = output_tables(korex, folder)  # keyed as outputs key documents: by file and record
        pd.testing.assert_frame_equal(frames.read(out)["entities"], written["entities"], obj=suffix)


# --------------------------------------------------------------------------------------------
# Data and errors


def test_date_words_gazetteer_has_its_columns_and_sources() -> None:
    path = dates._gazetteer_dir() / dates.DATE_WORDS_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert list(rows[0]) == ["id", "ko", "kind", "offset", "source"]
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert None not in row and all(v is not None for v in row.values()), row  # five cells exactly
        assert re.fullmatch(r"date:[a-z0-9-]+", row["id"]), row
        assert row["source"].strip(), row
        int(row["offset"])
    weekdays = {r["offset"]: r["ko"].split("|") for r in rows if r["kind"] == "weekday"}
    assert [weekdays[str(i)][-1] for i in range(7)] == list("월화수목금토일")


def test_bad_arguments_raise_type_error() -> None:
    with pytest.raises(TypeError):
        find_dates(b"2024.6.28.")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_dates("2024.6.28.", "2024-06-28")  # type: ignore[arg-type]


def test_datetime_anchor_is_accepted() -> None:
    assert found("오늘 회의", dt.datetime(2024, 6, 28, 9, 30)) == [("오늘", "2024-06-28", R)]


@pytest.mark.parametrize("anchor", [dt.date.min, dt.date.max, dt.date(1, 12, 31), dt.date(9999, 1, 1)])
def test_relative_dates_at_the_ends_of_the_calendar_are_dropped_not_raised(anchor: dt.date) -> None:
    text = "어제 오늘 내일 지난해 내년 지난달 다음 달 3일 10월 말 지난 금요일 다음 주 화요일 12.28. 28일"
    _check(text, find_dates(text, anchor))


def test_empty_text() -> None:
    assert find_dates("", ANCHOR) == []


# --------------------------------------------------------------------------------------------
# Properties over arbitrary text

# fmt: off
FRAGMENTS = [
    "2024", "2024.", "6.", "28", "28.", ". ", ".", "-", "~", "(", ")", "(금)", "(목)", "년", "월", "일",
    "간", "지난", "오는", "지난해", "올해", "오늘", "이달", "다음 달", "내일(", "5일)", " ", "\n", "제",
    "말", "하반기", "02-2100-7875", "1.5%", "31", "2", "0", "12", "13", "29", "2.", "'24", "~30일",
    "“", "”", '"', "’", "‘", "#", "2016\n", "October", " 9, ", "뒤", "이라고", "했다", "예정", "지난주",
    "년대", "어제", "(현지시간)", "비전 ", "안", "2023.04.12", "2024-", "-11",
]
# fmt: on


def _check(text: str, matches: list[DateMatch]) -> None:
    """The invariants every result must keep."""
    previous_end = 0
    for match in matches:
        assert match.text == text[match.start : match.end]
        assert match.text
        assert match.start >= previous_end
        previous_end = match.end
        for value in (match.value, match.end_value):
            if value is None:
                continue
            assert VALUE_SHAPE.match(value), value
            parts = [int(p) for p in value.split("-")]
            if len(parts) == 3:
                dt.date(*parts)
            elif len(parts) == 2:
                assert 1 <= parts[1] <= 12
        if match.end_value is not None:
            assert match.value is not None
            assert match.end_value[: len(match.value)] >= match.value[: len(match.end_value)]
        assert isinstance(match.resolved_from, Resolution) == (match.value is not None)


@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_valid_sorted_non_overlapping_matches(text: str, anchor: dt.date | None) -> None:
    _check(text, find_dates(text, anchor, today=TODAY))


@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
    st.booleans(),
)
@settings(max_examples=500, deadline=None)
def test_date_like_text_gives_valid_sorted_non_overlapping_matches(
    text: str, anchor: dt.date | None, infer: bool
) -> None:
    _check(text, find_dates(text, anchor, today=TODAY, infer_anchor=infer))
