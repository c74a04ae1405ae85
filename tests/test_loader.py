"""Tests of the loader: formats, encodings, boilerplate, metadata, bad and hostile input."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import loader
from extractor.errors import (
    BinaryInputError,
    EmptyInputError,
    GazetteerError,
    InputError,
    InputTooLargeError,
    InvalidJSONError,
    KorexError,
    MissingTextError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from extractor.loader import LoadedText, decode_bytes, load_file, read_text

SHARED = Path(__file__).resolve().parents[2] / "shared"

# --------------------------------------------------------------- texts written for the tests

P1 = (
    "   정민호 외교부 제1차관은 3.14.(금) 오타와에서 캐나다 외교부 차관과 제3차 한-캐나다 외교차관"
    " 전략대화를 개최하고, 양국 관계와 지역 정세 전반에 대해 의견을 교환하였다."
)
P2 = (
    "   양 차관은 양국이 수교 이래 쌓아 온 신뢰를 바탕으로 공급망, 청정에너지, 방산 분야의 협력을"
    " 확대해 나가기로 하였으며, 내년 고위급 교류를 활발히 이어 나가자는 데 공감하였다."
)
P3 = (
    "   정 차관은 한반도 문제와 관련한 우리 정부의 입장을 설명하고, 캐나다 측의 지속적인 지지를"
    " 당부하였다. 캐나다 측은 긴밀히 협력해 나가겠다고 하였다."
)
ARTICLE = "\n\n".join([P1, P2, P3])

BRIEFING_PAGE = "\n".join(
    [
        "본문 바로가기 메인메뉴 바로가기",
        "",
        "대한민국 공식 전자정부 누리집입니다.",
        "",
        "브리핑룸",
        "",
        "콘텐츠 영역",
        "",
        "제3차 한-캐나다 외교차관 전략대화 개최",
        "",
        "2025.03.14 외교부",
        "목록",
        "",
        P1,
        "",
        P2,
        "",
        P3,
        "",
        "영문보도자료 바로가기(Eng. Version)",
        "",
        "“이 기사는 외교부 보도자료를 전재하여 제공합니다.”",
        "",
        "이전다음기사",
        "",
        "다음기사 농림축산식품부 차관, 「수출 농가 간담회」 개최",
        "",
        "하단 배너 영역",
        "",
        "추천 뉴스",
        "",
        "게시물 운영원칙에 따라 아래와 같은 댓글은 예고 없이 삭제될 수 있습니다.",
        "",
        "  • 1. 다른 사람의 연락처를 적은 경우",
        "  • 2. 광고나 홍보를 목적으로 한 경우",
        "  • 3. 관계 법령에 어긋나는 경우",
    ]
)


def _body_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# --------------------------------------------------------------- plain text and offsets


def test_plain_text_without_boilerplate_is_returned_unchanged() -> None:
    raw = "\n  " + ARTICLE + "\n\n"
    loaded = read_text(raw, source="memo.txt")
    assert loaded.text == raw
    assert loaded.source == "memo.txt"
    assert loaded.warnings == ()
    assert loaded.doc_date is None and loaded.title is None and loaded.id is None
    start = raw.index("오타와")
    assert loaded.text[start : start + 3] == "오타와"


def test_read_text_rejects_bytes_with_a_typed_error() -> None:
    with pytest.raises(InputError, match="decode_bytes"):
        read_text(ARTICLE.encode())  # type: ignore[arg-type]


def test_empty_string_reads_as_empty_document() -> None:
    assert read_text("").text == ""


# --------------------------------------------------------------- the policy-briefing page


def test_briefing_page_body_metadata_and_warnings() -> None:
    loaded = read_text(BRIEFING_PAGE)
    assert loaded.doc_date == "2025-03-14"
    assert loaded.title == "제3차 한-캐나다 외교차관 전략대화 개최"
    assert loaded.publisher == "외교부"
    for paragraph in (P1, P2, P3):
        assert paragraph in loaded.text  # lines are kept verbatim, indentation included
    assert loaded.text.startswith(P1)
    assert loaded.text.endswith(P3)
    for gone in (
        "바로가기",
        "목록",
        "다음기사",
        "운영원칙",
        "배너",
        "추천 뉴스",
        "전재",
        "2025.03.14",
        "누리집",
    ):
        assert gone not in loaded.text
    joined = " ".join(loaded.warnings)
    assert "page-header" in joined
    assert "next article" in joined
    assert "to the end" in joined


# --------------------------------------------------------------- each boilerplate kind

KIND_CASES = [
    ("navigation", ["본문 바로가기"], "middle"),
    ("navigation", ["Skip to main content"], "start"),
    ("navigation", ["▲ 맨 위로"], "end"),
    ("share", ["페이스북 트위터 카카오톡 URL복사"], "end"),
    ("share", ["기사 공유하기"], "middle"),
    ("banner", ["하단 배너 영역"], "end"),
    ("banner", ["많이 본 뉴스"], "end"),
    ("footer", ["<저작권자 ⓒ 한반도통신, 무단 전재 및 재배포 금지>"], "end"),
    ("footer", ["Copyright © Ministry of Foreign Affairs. All rights reserved."], "end"),
    ("byline", ["김하늘 기자 sky@example.co.kr"], "end"),
    ("byline", ["문의 : 외교부 북미국 북미1과(02-2100-0000)"], "end"),
    ("byline", ["담당 부서 : 외교부 유럽국  044-000-0000"], "end"),
    (
        "next article",
        ["다음기사 해양수산부, 「연안 안전 점검 회의」 개최", "◀ 이전기사 한-칠레 외교장관 통화"],
        "end",
    ),
    ("next article", ["[관련기사]", "한-캐나다 정상 통화", "한-캐나다 공급망 협의 개최"], "end"),
    (
        "comment policy",
        ["댓글 운영원칙", "1. 욕설이나 비방이 담긴 댓글", "2. 광고성 댓글", "3. 같은 내용을 되풀이한 댓글"],
        "end",
    ),
]


@pytest.mark.parametrize(("kind", "lines", "where"), KIND_CASES)
def test_each_boilerplate_kind_is_dropped(kind: str, lines: list[str], where: str) -> None:
    block = "\n".join(lines)
    if where == "start":
        raw = block + "\n\n" + ARTICLE
    elif where == "middle":
        raw = "\n\n".join([P1, block, P2, P3])
    else:
        raw = ARTICLE + "\n\n" + block + "\n"
    loaded = read_text(raw)
    for paragraph in (P1, P2, P3):
        assert paragraph in loaded.text
    for line in lines:
        assert line not in loaded.text
    assert any(kind in warning for warning in loaded.warnings), loaded.warnings


def test_marker_words_inside_article_sentences_are_kept() -> None:
    sentences = [
        "양측은 공급망 위기 대응 정보를 신속히 공유하기로 하였다.",
        "문의 사항은 외교부 민원실로 연락해 주시기 바랍니다.",
        "이번 협의는 다음 회의의 의제를 정하는 자리였다.",
    ]
    raw = ARTICLE + "\n\n" + "\n\n".join(sentences)
    loaded = read_text(raw)
    assert loaded.text == raw
    assert loaded.warnings == ()


def test_block_marker_before_the_article_drops_only_its_line() -> None:
    raw = "관련기사\n\n" + ARTICLE + "\n"
    loaded = read_text(raw)
    assert "관련기사" not in loaded.text
    for paragraph in (P1, P2, P3):
        assert paragraph in loaded.text


def test_comment_policy_before_the_article_drops_heading_and_rules_only() -> None:
    raw = "댓글 운영원칙\n1. 욕설이 담긴 댓글\n2. 광고성 댓글\n\n" + ARTICLE
    loaded = read_text(raw)
    assert loaded.text == ARTICLE
    assert any("comment policy" in w for w in loaded.warnings)


def test_short_lines_between_boilerplate_lines_go_with_them() -> None:
    raw = ARTICLE + "\n\n공유하기\n정책 소식지\n페이스북 트위터\n"
    loaded = read_text(raw)
    assert "정책 소식지" not in loaded.text
    assert loaded.text.endswith(P3)


def test_article_table_text_stays() -> None:
    raw = ARTICLE + "\n\n구분 | 2023년 | 2024년\n교역액 | 100억 불 | 120억 불\n"
    loaded = read_text(raw)
    assert loaded.text == raw


# --------------------------------------------------------------- datelines and titles


@pytest.mark.parametrize(
    ("dateline", "date", "publisher"),
    [
        ("2025.03.14 외교부", "2025-03-14", "외교부"),
        ("입력 2025-03-14 14:00", "2025-03-14", None),
        ("기사입력 2025.03.14. 오후 2:05", "2025-03-14", None),
        ("2025-03-14", "2025-03-14", None),
        ("2025년 3월 14일(금)", "2025-03-14", None),
        ("대한민국 통일부 2025. 3. 14. 10:30", "2025-03-14", "통일부"),
        ("발표일자 2025-03-14 장소 오타와", "2025-03-14", None),
        ("2025.03.14 -", "2025-03-14", None),
    ],
)
def test_dateline_forms(dateline: str, date: str, publisher: str | None) -> None:
    raw = f"제3차 한-캐나다 외교차관 전략대화 개최\n{dateline}\n\n{ARTICLE}\n"
    loaded = read_text(raw)
    assert loaded.doc_date == date
    assert loaded.publisher == publisher
    assert loaded.title == "제3차 한-캐나다 외교차관 전략대화 개최"
    assert dateline not in loaded.text and "전략대화 개최\n" not in loaded.text
    assert loaded.text.startswith(P1)


def test_labelled_metadata_block() -> None:
    raw = "\n".join(
        [
            "최근소식",
            "",
            "제목",
            "한-캐나다 외교차관 전략대화 개최(3.14)",
            "출처",
            "외교부",
            "작성일",
            "2025.03.14",
            "조회",
            "1,204",
            "",
            ARTICLE,
        ]
    )
    loaded = read_text(raw)
    assert (loaded.doc_date, loaded.title, loaded.publisher) == (
        "2025-03-14",
        "한-캐나다 외교차관 전략대화 개최(3.14)",
        "외교부",
    )
    assert loaded.text == ARTICLE


def test_counters_between_title_and_dateline_are_metadata() -> None:
    raw = "[외교부] 한-캐나다 외교차관 전략대화 개최\n정책\n0\n212\n2025.03.14 15:12\n" + ARTICLE
    loaded = read_text(raw)
    assert loaded.doc_date == "2025-03-14"
    assert loaded.title == "[외교부] 한-캐나다 외교차관 전략대화 개최"
    assert loaded.text == ARTICLE


def test_no_dateline_means_no_doc_date_even_with_dates_in_the_body() -> None:
    raw = (
        "정 차관은 3.14.(금) 캐나다 외교부 차관과 통화하였다.\n"
        "양측은 2024년 6월 합의한 2025-2027년 협력 계획의 이행을 점검하였다.\n"
        "※ 제1차 회의(2021.9.8.), 제2차 회의(2023.10.25.) 개최\n"
    )
    loaded = read_text(raw)
    assert loaded.doc_date is None
    assert loaded.text == raw


def test_a_date_line_after_the_article_is_not_a_dateline() -> None:
    raw = ARTICLE + "\n\n2025.03.20 외교부\n\n" + P1 + "\n"
    loaded = read_text(raw)
    assert loaded.doc_date is None
    assert loaded.text == raw


def test_a_period_is_not_a_dateline() -> None:
    raw = "2025.03.14 ~ 2025.03.20\n" + ARTICLE
    assert read_text(raw).doc_date is None


# --------------------------------------------------------------- publication dates on news pages

NEWS_LEAD = (
    "[서울=한빛통신] 이도윤 기자 = 정민호 외교부 제1차관은 14일 오타와에서 캐나다 외교부 차관과"
    " 제3차 한-캐나다 외교차관 전략대화를 개최하고 양국 관계 전반에 대해 의견을 교환했다."
)
NEWS_BODY = "\n\n".join([NEWS_LEAD, P2, P3])
TITLE = "한-캐나다 외교차관 전략대화…공급망 협력 확대"


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("입력 2025-03-14 09:00", "2025-03-14"),
        ("입력 2025-03-14 09:00 | 수정 2025-03-15 11:20", "2025-03-14"),
        ("수정 2025-03-15 11:20 입력 2025-03-14 09:00", "2025-03-14"),
        ("최종수정 2025.03.15 11:20\n입력 2025.03.14 09:00", "2025-03-14"),
        ("기사입력 2025.03.14. 오전 9:00", "2025-03-14"),
        ("승인 2025.03.14 09:00", "2025-03-14"),
        ("기사승인 2025. 03. 14. 09:00", "2025-03-14"),
        ("등록일 : 2025.03.14 09:00", "2025-03-14"),
        ("작성일\n2025-03-14", "2025-03-14"),
        ("Write: 2025-03-14 09:00:12", "2025-03-14"),
        ("2025.03.14 09:00 | 조회 1,204", "2025-03-14"),
        ("조회수 1204 | 2025-03-14", "2025-03-14"),
        ("09:00, March 14, 2025", "2025-03-14"),
    ],
)
def test_news_header_forms(header: str, date: str) -> None:
    loaded = read_text(f"{TITLE}\n{header}\n\n{NEWS_BODY}\n")
    assert loaded.doc_date == date
    assert loaded.text.startswith(NEWS_LEAD)
    assert loaded.dateline and "2025" in loaded.dateline


@pytest.mark.parametrize(
    "tail",
    [
        "입력\n2025-03-14 09:00\n|\n수정 2025-03-14 10:30",
        "기사승인 2025.03.14 09:00",
        "<저작권자(c) 한빛통신, 무단 전재-재배포 금지> 2025/03/14 09:00 송고",
        "송고시간2025-03-14 09:00",
    ],
)
def test_a_labelled_date_at_the_page_end_is_the_publication_date(tail: str) -> None:
    loaded = read_text(f"{NEWS_BODY}\n\n{tail}\n")
    assert loaded.doc_date == "2025-03-14"


def test_of_several_labelled_dates_the_earliest_is_the_publication() -> None:
    tail = "송고시간 2025-03-14 09:00\n기사승인 2025-03-15 10:30"
    assert read_text(f"{NEWS_BODY}\n\n{tail}\n").doc_date == "2025-03-14"


def test_a_related_article_further_down_does_not_date_the_page() -> None:
    tail = "입력 2025-03-14 09:00\n\n\n\n\n\n다른 기사 보기\n한-일 협의 개최 입력 2024-11-02 10:00"
    assert read_text(f"{NEWS_BODY}\n\n{tail}\n").doc_date == "2025-03-14"


def test_an_update_label_alone_gives_no_date() -> None:
    assert read_text(f"{NEWS_BODY}\n\n수정 2025-03-15 10:30\n").doc_date is None


@pytest.mark.parametrize(
    "head",
    [
        "대전--(한빛와이어) 2025년 03월 14일 --",
        "서울 -- (한빛와이어) 2025년 3월 14일 --",
        "부산--(한빛와이어)--2025.03.14--",
    ],
)
def test_wire_head(head: str) -> None:
    lead = "외교부는 캐나다와 전략대화를 열었다고 밝혔다."
    raw = f"{TITLE}\n\n{head} {lead}\n\n{P2}\n"
    assert read_text(raw).doc_date == "2025-03-14"


def test_a_wire_head_without_a_date() -> None:
    lead = "외교부는 캐나다와 전략대화를 열었다고 밝혔다."
    no_date = f"{TITLE}\n\n대전--(한빛와이어)--{lead}\n\n{P2}\n"
    assert read_text(no_date).doc_date is None


def test_a_city_lead_carries_no_date() -> None:
    raw = "(서울=한빛통신) 이도윤 기자 = 외교부는 14일 캐나다와 전략대화를 열었다고 밝혔다.\n\n" + P2
    loaded = read_text(raw)
    assert loaded.doc_date is None
    assert loaded.text == raw


@pytest.mark.parametrize(
    ("caption", "date"),
    [
        ("정 차관이 14일 오타와에서 발언하고 있다.[사진=외교부] 2025.03.14 dy@hanbit.kr |", "2025-03-14"),
        ("정 차관이 14일 오타와에서 발언하고 있다. 2025.3.14/한빛통신\ndy@hanbit.kr", "2025-03-14"),
        ("양국 차관이 악수하고 있다. (사진=외교부 제공) 2025-03-14 photo@hanbit.kr", "2025-03-14"),
        ("정 차관이 지난해 회의에서 발언하고 있다. 2024.11.02 dy@hanbit.kr", None),  # a file photo
        ("정 차관이 14일 오타와에서 발언하고 있다. 2025.03.14", None),  # no address: no caption
    ],
)
def test_a_photo_caption_dates_the_page_when_the_lead_reports_that_day(
    caption: str, date: str | None
) -> None:
    loaded = read_text(f"{NEWS_LEAD}\n{caption}\n{P2}\n")
    assert loaded.doc_date == date
    assert caption.split("\n")[0] in loaded.text  # a caption is article text, not a byline


def test_a_caption_credit_after_a_sentence_is_kept() -> None:
    caption = "▲ 14일 오타와에서 양국 차관이 악수하고 있다. ⓒ 한빛통신"
    loaded = read_text(f"{NEWS_LEAD}\n{caption}\n{P2}\n\nCopyright ⓒ 한빛통신. 무단 전재 금지\n")
    assert caption in loaded.text
    assert "무단 전재" not in loaded.text


@pytest.mark.parametrize(
    "stamp",
    [f"{TITLE}2025-03-14 20:00:44", "정치 | 2025.03.14 20:00:44", "최종 업데이트 2025/03/14 08:12:05"],
)
def test_a_timestamp_to_the_second(stamp: str) -> None:
    assert read_text(f"{NEWS_BODY}\n\n{TITLE}\n정치\n{stamp}\n").doc_date == "2025-03-14"


def test_a_time_to_the_minute_in_the_body_is_no_timestamp() -> None:
    assert read_text(f"{NEWS_BODY}\n\n회의 일정: 2025.03.20 14:00\n").doc_date is None


def test_a_closing_dateline_above_a_place() -> None:
    raw = f"{P2}\n{P3}\n\n2025년 3월 14일\n평양\n"
    assert read_text(raw).doc_date == "2025-03-14"
    signed = f"{P2}\n{P3}\n2025.3.14.\n외교부 대변인\n"
    assert read_text(signed).doc_date == "2025-03-14"
    issuer = f"{P2}\n{P3}\n2025년 3월 14일 외무성 대변인\n"
    assert read_text(issuer).doc_date == "2025-03-14"
    followed = f"{ARTICLE}\n2025년 3월 14일\n{P2}\n"
    assert read_text(followed).doc_date is None


@pytest.mark.parametrize(
    "title",
    ["[국방소식]25.03.14 한·캐나다, 국방협력 논의", "[KTV] 25.03.14 외교차관 방미", "25.03.14 외교부 브리핑"],
)
def test_a_two_digit_date_opening_the_title(title: str) -> None:
    raw = f"Write For Us\n\n{title}\n\n{NEWS_BODY}\n"
    assert read_text(raw).doc_date == "2025-03-14"


def test_a_version_number_opening_a_title_is_no_date() -> None:
    assert read_text(f"[공지] 25.13.40 업데이트 안내\n\n{NEWS_BODY}\n").doc_date is None


def test_a_page_flattened_into_one_line() -> None:
    raw = f"국제소식 {TITLE} Reporter 2025-03-14 외교부 홈페이지 {NEWS_LEAD} {P2} {P3}"
    assert read_text(raw).doc_date == "2025-03-14"
    sentence_first = f"{NEWS_LEAD} 차기 회의는 2025-06-20 열린다. {P2} {P3}"
    assert read_text(sentence_first).doc_date is None


@pytest.mark.parametrize(
    ("first", "date"),
    [
        (" date 2025-03-14 ▲ 양국 차관이 악수하고 있다.", "2025-03-14"),
        (" date 2025-03 ▲ 양국 차관이 악수하고 있다.", None),  # a month is no publication day
    ],
)
def test_front_matter_flattened_into_the_first_line(first: str, date: str | None) -> None:
    loaded = read_text(f"{first}\n\n{NEWS_BODY}\n")
    assert loaded.doc_date == date
    assert loaded.text.startswith(first)


def test_a_long_site_banner_before_the_dateline() -> None:
    banner = "\n".join(f"메뉴 {i}" for i in range(90))
    loaded = read_text(f"{banner}\n{TITLE}\n2025.03.14 09:00\n\n{NEWS_BODY}\n")
    assert loaded.doc_date == "2025-03-14"
    assert loaded.text.startswith(NEWS_LEAD)


def test_the_archive_clock_above_the_title_gives_way_to_the_article_dateline() -> None:
    site = "한빛통신 | 한빛통신 국제판\n2026년11월02일"
    raw = f"{site}\n\n{TITLE}\n\n한빛통신 국제판 intl@hanbit.kr\n09:00, March 14, 2025\n\n{NEWS_BODY}\n"
    loaded = read_text(raw)
    assert (loaded.doc_date, loaded.title) == ("2025-03-14", TITLE)
    assert "2026" not in loaded.text


def test_a_date_beside_the_weather_is_the_site_clock() -> None:
    widget = "2026.11.02 (월)\n  • 맑음서울 3.2℃\n  • 흐림부산 7.7℃\n기상청 제공"
    loaded = read_text(f"{widget}\n\n{TITLE}\n\n{NEWS_BODY}\n")
    assert loaded.doc_date is None
    assert "2026" not in loaded.text and "℃" not in loaded.text


def test_the_dateline_date_is_listed_in_document_dates() -> None:
    import extractor

    doc = extractor.extract(f"{TITLE}\n2025.03.14 09:00\n\n{P2}\n")
    assert doc.doc_date == "2025-03-14"
    assert (doc.dates[0].text, doc.dates[0].value, doc.dates[0].start, doc.dates[0].end) == (
        "2025.03.14",
        "2025-03-14",
        0,
        0,
    )
    caller = extractor.extract(P2, doc_date="2025-03-14")
    assert all(d.value != "2025-03-14" for d in caller.dates)  # the caller's date is not the page's


_PAGE_PARTS = st.sampled_from(
    [
        "입력",
        "수정",
        "송고",
        "조회",
        "기사승인",
        "2025.03.14",
        "2025-03-14 09:00",
        "09:00:12",
        " ",
        "\n",
        "dy@hanbit.kr",
        "|",
        "14일",
        "--(한빛와이어)",
        "대전",
        "date",
        "평양",
        "[국방]",
        "25.03.14",
        "℃",
        "October 9, 2021",
        "정 차관은 회담했다. ",
        P1,
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PAGE_PARTS, max_size=40).map("".join))
def test_a_found_publication_date_is_written_in_the_page(raw: str) -> None:
    loaded = read_text(raw)
    if loaded.doc_date is not None:
        year, _, day = loaded.doc_date.split("-")
        assert year in raw or year[2:] in raw
        assert str(int(day)) in raw


# --------------------------------------------------------------- front matter, Markdown, YAML safety

FRONT_MATTER_HTML = """---
title: 한-캐나다, 공급망 협력 확대 합의
date: 2025-03-15
categories:
  - News
excerpt: >
  요약문은 메타데이터이며 본문이 아니다.
feature_text: >
  ## 속보 안내 문구
---

<p><img src="https://example.kr/a.jpg" alt="속보 이미지" /></p>
<h2>한-캐나다 외교차관 전략대화 개최</h2>
<p>정민호 외교부 제1차관은 캐나다 외교부 차관과 <b>제3차 전략대화</b>를 개최하였습니다.</p>
<table><tbody><tr><td>구분</td><td>2024년 교역액</td></tr>
<tr><td>한-캐나다</td><td>150억 불</td></tr></tbody></table>
<table><tbody><tr><td><b>문의 : 외교부 북미국(02-2100-0000)</b></td></tr></tbody></table>
<p>정책브리핑의 자료는 「공공누리 제1유형:출처표시」 조건에 따라 이용할 수 있습니다.</p>
<hr>
최신 뉴스는 <a href="https://example.kr">https://example.kr</a>
"""


def test_front_matter_with_html_body() -> None:
    loaded = read_text(FRONT_MATTER_HTML)
    assert loaded.title == "한-캐나다, 공급망 협력 확대 합의"
    assert loaded.doc_date == "2025-03-15"
    text = loaded.text
    assert "<" not in text and "&nbsp;" not in text
    assert "제3차 전략대화를 개최하였습니다." in text
    assert "한-캐나다 외교차관 전략대화 개최" in text
    assert "150억 불" in text  # the article's own table stays
    for gone in ("요약문", "속보 안내", "속보 이미지", "문의", "공공누리", "example.kr", "categories"):
        assert gone not in text


def test_front_matter_with_markdown_body() -> None:
    raw = (
        "---\ntitle: 제목\ndate: '2025-03-16T09:00:00+09:00'\n---\n"
        "## 한-캐나다 협의\n\n**정 차관**은 [캐나다 외교부](https://example.ca) 차관을 만났다.\n\n"
        "![사진](https://example.ca/p.jpg)\n\n> 양국은 협력을 확대하기로 하였다.\n"
    )
    loaded = read_text(raw)
    assert loaded.doc_date == "2025-03-16"
    assert loaded.text.split("\n")[0] == "한-캐나다 협의"
    assert "정 차관은 캐나다 외교부 차관을 만났다." in loaded.text
    assert "https://" not in loaded.text and "사진" not in loaded.text
    assert "양국은 협력을 확대하기로 하였다." in loaded.text


def test_yaml_tags_never_run_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran"
    raw = (
        f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
        f"date: !!python/object/apply:os.system ['touch {marker}']\n---\n{ARTICLE}\n"
    )
    loaded = read_text(raw)
    assert not marker.exists()
    assert loaded.title is None and loaded.doc_date is None
    assert any("YAML" in w for w in loaded.warnings)
    assert P1 in loaded.text
    import yaml

    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)  # the pure-Python safe loader too
    assert read_text(raw).title is None
    assert not marker.exists()


@pytest.mark.parametrize(
    "front",
    ["title: [unclosed\n", "- a list\n- not a mapping\n", "x: " + "[" * 200 + "\n", "title: : :\n  - :\n"],
)
def test_malformed_front_matter_is_a_warning(front: str) -> None:
    loaded = read_text(f"---\n{front}---\n{ARTICLE}\n")
    assert P1 in loaded.text and P3 in loaded.text
    assert loaded.warnings
    assert "front matter" in " ".join(loaded.warnings)


def test_unclosed_front_matter_is_plain_text() -> None:
    raw = "---\n" + ARTICLE
    assert read_text(raw).text == raw


# --------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html lang="ko"><head>
<meta charset="utf-8">
<title>한-캐나다 외교차관 전략대화 개최 | 보도자료 | 외교부</title>
<meta property="og:site_name" content="외교부">
<meta property="article:published_time" content="2025-03-14T10:00:00+09:00">
<script>var menu = "본문 바로가기";</script>
<style>.gnb { color: red }</style>
</head>
<body>
<a class="skip" href="#content">본문 바로가기</a>
<nav class="gnb"><ul><li><a href="/">홈</a></li><li><a href="/press">보도자료</a></li></ul></nav>
<div id="lnb">외교정책 · 재외국민 · 영사</div>
<article>
<h1>한-캐나다 외교차관 전략대화 개최</h1>
<div class="article-share"><button>공유</button><a href="#">페이스북</a></div>
<p>정민호 외교부 제1차관은 3.14.(금) 오타와에서 캐나다 외교부 차관과 전략대화를 개최하였다.</p>
<p>양 차관은 공급망&nbsp;협력을 확대하기로 하였다.<br>또한 고위급 교류를 이어 가기로 하였다.</p>
<table><tr><th>분야</th><th>합의</th></tr><tr><td>공급망</td><td>핵심광물 협력</td></tr></table>
<div class="related-news"><h3>관련기사</h3><ul><li>한-캐나다 정상 통화</li></ul></div>
</article>
<aside>많이 본 뉴스: 다른 기사</aside>
<footer class="footer">Copyright ⓒ 외교부. All rights reserved.</footer>
</body></html>
"""


def test_html_page_main_text_and_metadata() -> None:
    loaded = read_text(HTML_PAGE)
    assert loaded.title == "한-캐나다 외교차관 전략대화 개최"
    assert loaded.doc_date == "2025-03-14"
    assert loaded.publisher == "외교부"
    lines = _body_lines(loaded.text)
    assert lines[0] != loaded.title  # the h1 is the title, metadata
    assert "정민호 외교부 제1차관은 3.14.(금) 오타와에서 캐나다 외교부 차관과 전략대화를 개최하였다." in lines
    assert "양 차관은 공급망 협력을 확대하기로 하였다." in lines
    assert "또한 고위급 교류를 이어 가기로 하였다." in lines
    assert "공급망 핵심광물 협력" in loaded.text  # table cells stay, row by row
    for gone in (
        "var menu",
        "color",
        "바로가기",
        "보도자료",
        "재외국민",
        "페이스북",
        "관련기사",
        "정상 통화",
    ):
        assert gone not in loaded.text
    for gone in ("많이 본", "Copyright"):
        assert gone not in loaded.text
    assert any("HTML element" in w for w in loaded.warnings)


def test_html_without_article_uses_body_and_text_dateline() -> None:
    raw = (
        "<html><body><div class='menu'>전체메뉴</div><div id='content'>"
        "<h2>한-캐나다 협의 결과</h2><p>입력 2025-03-14 14:00</p>"
        f"<p>{P1.strip()}</p><p>{P2.strip()}</p></div></body></html>"
    )
    loaded = read_text(raw)
    assert loaded.doc_date == "2025-03-14"
    assert loaded.title == "한-캐나다 협의 결과"
    assert loaded.text.startswith(P1.strip())
    assert "전체메뉴" not in loaded.text


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        ('<meta name="date" content="2025-03-14">', "2025-03-14"),
        ('<meta name="pubdate" content="20250314">', "2025-03-14"),
        ('<meta property="og:published_time" content="2025.03.14">', "2025-03-14"),
        ('<meta itemprop="datePublished" content="2025-03-14T09:00">', "2025-03-14"),
        ('<time pubdate datetime="2025-03-14">3월 14일</time>', "2025-03-14"),
    ],
)
def test_html_date_sources(meta: str, date: str) -> None:
    head = f"<head>{meta}<meta property='og:title' content='제목 하나'></head>"
    raw = f"<html>{head}<body><p>{P1}</p></body></html>"
    loaded = read_text(raw)
    assert loaded.doc_date == date
    assert loaded.title == "제목 하나"


def test_unclosed_head_and_broken_markup() -> None:
    raw = "<html><head><title>협의 결과</title><body><p>" + P1 + "<p>" + P2 + "<div><span></p></b></html>"
    loaded = read_text(raw)
    assert loaded.title == "협의 결과"
    assert P1.strip() in loaded.text and P2.strip() in loaded.text


def test_class_words_that_hide_everything_are_ignored() -> None:
    raw = f"<html><body><div class='menu-open'><p>{P1}</p></div></body></html>"
    # `menu` is a navigation word, but dropping it would leave nothing: the text is kept
    assert P1.strip() in read_text(raw).text


# --------------------------------------------------------------- load_file: formats


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_load_txt_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.txt", BRIEFING_PAGE)
    [loaded] = load_file(path)
    assert loaded.source == str(path)
    assert loaded.doc_date == "2025-03-14"
    assert loaded.text.startswith(P1)


def test_load_md_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "post.md", FRONT_MATTER_HTML)
    [loaded] = load_file(path)
    assert loaded.title == "한-캐나다, 공급망 협력 확대 합의"
    assert "제3차 전략대화를 개최하였습니다." in loaded.text


def test_load_md_file_without_front_matter(tmp_path: Path) -> None:
    path = _write(tmp_path / "note.md", "# 한-캐나다 협의\n\n**정 차관**은 협의를 가졌다.\n")
    [loaded] = load_file(path)
    assert loaded.text == "한-캐나다 협의\n\n정 차관은 협의를 가졌다."


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_load_html_file(tmp_path: Path, suffix: str) -> None:
    [loaded] = load_file(_write(tmp_path / f"page{suffix}", HTML_PAGE))
    assert loaded.doc_date == "2025-03-14"
    assert "전략대화를 개최하였다." in loaded.text


def test_load_html_fragment_by_extension(tmp_path: Path) -> None:
    [loaded] = load_file(_write(tmp_path / "frag.html", f"{P1}<br>{P2}"))
    assert _body_lines(loaded.text) == [P1.strip(), P2.strip()]


def test_load_json_object_and_list(tmp_path: Path) -> None:
    record = {
        "id": "mofa-0001",
        "title": "한-캐나다 외교차관 전략대화",
        "doc_date": "2025-03-14",
        "source": {"url": "https://example.kr/1", "publisher": "외교부"},
        "text": ARTICLE,
    }
    [one] = load_file(_write(tmp_path / "one.json", json.dumps(record, ensure_ascii=False)))
    assert one == LoadedText(
        text=ARTICLE,
        title="한-캐나다 외교차관 전략대화",
        doc_date="2025-03-14",
        source="https://example.kr/1",
        publisher="외교부",
        id="mofa-0001",
        warnings=(),
    )
    records = [{"id": 7, "body": P1}, {"id": "b", "content": BRIEFING_PAGE, "date": "2025-03-15T08:00:00"}]
    many = load_file(_write(tmp_path / "many.json", json.dumps(records, ensure_ascii=False)))
    assert [d.id for d in many] == ["7", "b"]
    assert many[0].text == P1 and many[0].source == str(tmp_path / "many.json")
    assert many[1].doc_date == "2025-03-15"  # the record's own date wins over the dateline
    assert many[1].text.startswith(P1)


def test_record_text_is_read_like_read_text(tmp_path: Path) -> None:
    [loaded] = load_file(_write(tmp_path / "r.json", json.dumps({"text": BRIEFING_PAGE}, ensure_ascii=False)))
    assert loaded.doc_date == "2025-03-14" and loaded.publisher == "외교부"
    assert "다음기사" not in loaded.text


def test_load_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": p}, ensure_ascii=False) for i, p in enumerate((P1, P2, P3))]
    docs = load_file(_write(tmp_path / "batch.jsonl", "\n".join(lines[:2]) + "\n\n" + lines[2] + "\n"))
    assert [d.id for d in docs] == ["r0", "r1", "r2"]
    assert [d.text for d in docs] == [P1, P2, P3]


def test_jsonl_content_under_json_name(tmp_path: Path) -> None:
    lines = [json.dumps({"text": p}, ensure_ascii=False) for p in (P1, P2)]
    assert len(load_file(_write(tmp_path / "batch.json", "\n".join(lines)))) == 2


def test_custom_text_and_id_fields(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", json.dumps({"doc_no": 12, "본문": P1}, ensure_ascii=False))
    [loaded] = load_file(path, text_fields=("본문",), id_fields=("doc_no",))
    assert (loaded.id, loaded.text) == ("12", P1)


def test_format_by_content_for_unknown_extension(tmp_path: Path) -> None:
    [rec] = load_file(_write(tmp_path / "export.dat", json.dumps([{"text": P1}], ensure_ascii=False)))
    assert rec.text == P1
    [page] = load_file(_write(tmp_path / "saved", HTML_PAGE))
    assert page.doc_date == "2025-03-14"
    [text] = load_file(_write(tmp_path / "notes.dat", "[참고] " + P1))
    assert text.text == "[참고] " + P1


# --------------------------------------------------------------- encodings


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    [loaded] = load_file(path)
    assert loaded.text == ARTICLE
    assert decode_bytes(path.read_bytes()) == (ARTICLE, "utf-8-sig")


def test_euc_kr_file(tmp_path: Path) -> None:
    page = BRIEFING_PAGE.replace("•", "·")  # U+2022 is not in KS X 1001
    [loaded] = load_file(_write(tmp_path / "old.txt", page, "euc-kr"))
    assert loaded.doc_date == "2025-03-14"
    assert loaded.text.startswith(P1)
    assert decode_bytes(ARTICLE.encode("euc-kr")) == (ARTICLE, "euc-kr")


def test_cp949_file(tmp_path: Path) -> None:
    text = ARTICLE + "\n\n똠방각하 같은 표현은 EUC-KR에 없는 글자를 쓴다.\n"
    assert text.encode("cp949") != text.encode("euc-kr")  # 똠 is a CP949 extension (UHC) syllable
    [loaded] = load_file(_write(tmp_path / "old.txt", text, "cp949"))
    assert loaded.text == text
    assert decode_bytes(text.encode("cp949")) == (text, "cp949")


def test_utf16_with_bom(tmp_path: Path) -> None:
    [loaded] = load_file(_write(tmp_path / "u16.txt", "\ufeff" + ARTICLE, "utf-16-le"))
    assert loaded.text == ARTICLE


def test_undecodable_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8") + b"\n\xff\xfe\xfa\n" + P1.encode("utf-8")
    with pytest.warns(UnicodeWarning, match="replaced"):
        text, encoding = decode_bytes(data)
    assert encoding == "utf-8" and "\ufffd" in text and text.startswith(ARTICLE)
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    [loaded] = load_file(path)
    assert any("replaced" in w for w in loaded.warnings)


def test_other_encodings_are_detected() -> None:
    text = (
        "Déclaration conjointe franco-coréenne sur la coopération économique et la sécurité régionale. " * 5
    )
    with pytest.warns(UnicodeWarning, match="detected"):
        decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert encoding


# --------------------------------------------------------------- bad input


def _assert_typed(error: KorexError, path: Path | str, reason: str) -> None:
    assert isinstance(error, InputError)
    assert error.reason == reason
    assert error.path == str(path)
    assert str(path) in str(error)


def test_empty_files(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\t\n"), ("bom.txt", b"\xef\xbb\xbf\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(EmptyInputError) as info:
            load_file(path)
        _assert_typed(info.value, path, "empty")
    path = _write(tmp_path / "empty.json", "[]")
    with pytest.raises(EmptyInputError):
        load_file(path)


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), BinaryInputError, "binary"),
        (b"abc\x00def" * 50, BinaryInputError, "binary"),
        (bytes(range(1, 32)) * 40, BinaryInputError, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", UnsupportedFormatError, "unsupported_format"),
        (b"PK\x03\x04\x14\x00\x06\x00", UnsupportedFormatError, "unsupported_format"),
    ],
)
def test_binary_files(tmp_path: Path, data: bytes, error: type[InputError], reason: str) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        load_file(path)
    _assert_typed(info.value, path, reason)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", ARTICLE * 10)
    with pytest.raises(InputTooLargeError) as info:
        load_file(path, max_bytes=100)
    _assert_typed(info.value, path, "too_large")
    assert "100" in str(info.value)
    assert load_file(path, max_bytes=path.stat().st_size)  # exactly at the limit is fine


def test_unreadable_paths(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "missing.txt"):
        with pytest.raises(UnreadableInputError) as info:
            load_file(path)
        _assert_typed(info.value, path, "unreadable")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_files_are_unreadable(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(UnreadableInputError):
        load_file(pipe)


def test_invalid_json(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.json", '{"text": "본문",\n "id": }')
    with pytest.raises(InvalidJSONError) as info:
        load_file(path)
    _assert_typed(info.value, path, "invalid_json")
    assert info.value.line == 2 and "line 2" in str(info.value)


def test_invalid_jsonl_line_is_named(tmp_path: Path) -> None:
    good = json.dumps({"text": P1}, ensure_ascii=False)
    path = _write(tmp_path / "bad.jsonl", f"{good}\n{good}\n{{not json}}\n")
    with pytest.raises(InvalidJSONError) as info:
        load_file(path)
    assert info.value.line == 3
    assert f"{path}:3" in str(info.value)


def test_record_without_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.json", json.dumps([{"text": P1}, {"id": "x", "title": "제목만"}]))
    with pytest.raises(MissingTextError) as info:
        load_file(path)
    _assert_typed(info.value, path, "missing_text")
    assert info.value.record == 1 and "record 1" in str(info.value)
    for record in ({"text": "   "}, {"text": ["목록"]}, {"body": None}):
        with pytest.raises(MissingTextError):
            load_file(_write(tmp_path / "x.jsonl", json.dumps(record)))


def test_json_that_is_not_records(tmp_path: Path) -> None:
    for content in ("42", '"본문"', "[1, 2]"):
        with pytest.raises(UnsupportedFormatError):
            load_file(_write(tmp_path / "x.json", content))


@pytest.mark.parametrize("content", ["[" * 100_000, '{"a":' * 100_000, "[" * 100_000 + "]" * 100_000])
def test_deep_json_is_invalid_json_not_recursion_error(tmp_path: Path, content: str) -> None:
    with pytest.raises(InvalidJSONError, match=r"nested too deeply|invalid JSON"):
        load_file(_write(tmp_path / "deep.json", content))
    with pytest.raises(InvalidJSONError):
        load_file(_write(tmp_path / "deep.jsonl", content))


def test_huge_json_number_is_invalid_json(tmp_path: Path) -> None:
    with pytest.raises(InvalidJSONError):
        load_file(_write(tmp_path / "n.json", '{"text": "본문", "n": ' + "9" * 5000 + "}"))


def test_error_hierarchy() -> None:
    for error in (
        EmptyInputError,
        BinaryInputError,
        InputTooLargeError,
        UnreadableInputError,
        InvalidJSONError,
        MissingTextError,
        UnsupportedFormatError,
    ):
        assert issubclass(error, InputError) and issubclass(error, KorexError)
    assert issubclass(GazetteerError, KorexError) and not issubclass(GazetteerError, InputError)
    assert len({e.reason for e in (EmptyInputError, BinaryInputError, InvalidJSONError, GazetteerError)}) == 4
    error = GazetteerError("g.csv:3: bad row", path="g.csv", line=3)
    assert (error.path, error.line, str(error)) == ("g.csv", 3, "g.csv:3: bad row")


# --------------------------------------------------------------- hostile input (correctness only)


def test_hostile_inputs_do_not_break_the_reader() -> None:
    nested = "<html><body>" + "<div>" * 50_000 + "본문" + "</div>" * 50_000
    assert read_text(nested).text == "본문"
    assert "본문" in read_text("<html><body>" + "<div class='x'>" * 50_000 + "본문").text
    for raw in (
        "<html><body><p>" + "<!--" * 5_000,
        "<html><body><p>" + "</" * 5_000,
        "<html><body><p>" + "<a " * 5_000,
        "1." * 50_000,
        "(" * 50_000,
        "제\n" * 50_000,
        "가" * 500_000,
        "---\nx: " + "[" * 5_000 + "\n---\n본문",
    ):
        assert isinstance(read_text(raw), LoadedText)


def test_unterminated_comment_becomes_text() -> None:
    loaded = read_text("<html><body><p>본문</p><!-- 닫히지 않은 주석")
    assert "본문" in loaded.text


# --------------------------------------------------------------- the rule file


def test_boilerplate_rules_are_valid_and_cover_every_kind() -> None:
    rules = loader.boilerplate_rules()
    assert {r.kind for r in rules} == set(loader.KINDS)
    assert len({r.id for r in rules}) == len(rules)
    assert all(r.source for r in rules)
    assert loader.boilerplate_rules() is rules  # read once per process


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("id,pattern,kind\n", "header"),
        ("id,pattern,kind,scope,source\nboilerplate:a,x,menu,line,korex\n", "unknown kind"),
        ("id,pattern,kind,scope,source\nboilerplate:a,x,footer,everywhere,korex\n", "unknown scope"),
        ("id,pattern,kind,scope,source\nboilerplate:a,x,footer,line,\n", "empty source"),
        ("id,pattern,kind,scope,source\nboilerplate:a,^$,footer,line,korex\n", "empty pattern"),
        ("id,pattern,kind,scope,source\nboilerplate:a,x,footer,label,korex\n", "label"),
        (
            "id,pattern,kind,scope,source\nboilerplate:a,x,footer,line,korex\nboilerplate:a,y,footer,line,k\n",
            "dup",
        ),
        ("id,pattern,kind,scope,source\nBad Id,x,footer,line,korex\n", "bad id"),
    ],
)
def test_bad_rule_files_raise_gazetteer_error(tmp_path: Path, content: str, problem: str) -> None:
    path = _write(tmp_path / "boilerplate.csv", content)
    with pytest.raises(GazetteerError, match=problem) as info:
        loader._read_rules(path)
    assert info.value.path == str(path) and info.value.reason == "gazetteer"


# --------------------------------------------------------------- properties

SUFFIXES = ["", ".txt", ".md", ".html", ".json", ".jsonl", ".dat"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_give_documents_or_input_errors(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    try:
        result = load_file(path)
    except InputError:
        return
    assert isinstance(result, list) and result
    assert all(isinstance(doc, LoadedText) and isinstance(doc.text, str) for doc in result)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.lists(
        st.sampled_from(
            [b"{", b"}", b"[", b"]", b'"text"', b":", b",", b'"\xea\xb0\x80"', b"\n", b"1", b"null"]
        ),
        max_size=60,
    ),
    suffix=st.sampled_from([".json", ".jsonl"]),
)
def test_json_like_bytes_give_documents_or_input_errors(
    tmp_path: Path, data: list[bytes], suffix: str
) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(b"".join(data))
    try:
        result = load_file(path)
    except InputError:
        return
    assert all(isinstance(doc, LoadedText) for doc in result)


_PLAIN_CHARS = st.sampled_from(
    [*"외교부장관회담개최 .,()·-※△12034\n제차년월일", "2025.03.14", "목록", "다음기사"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PLAIN_CHARS, max_size=80).map("".join))
def test_plain_text_is_unchanged_unless_something_was_dropped(raw: str) -> None:
    loaded = read_text(raw)
    assert isinstance(loaded.text, str)
    if not loaded.warnings and loaded.doc_date is None:
        assert loaded.text == raw
    if loaded.text != raw:
        kept = [line for line in loaded.text.split("\n") if line.strip()]
        original = raw.split("\n")
        assert all(line in original for line in kept)  # only whole lines are dropped


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_string_reads(raw: str) -> None:
    loaded = read_text(raw)
    assert isinstance(loaded, LoadedText)
    assert loaded.doc_date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", loaded.doc_date)


# --------------------------------------------------------------- the shared seeds (read at test time)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not present")
def test_policy_briefing_seed() -> None:
    raw = (SHARED / "seeds" / "vice-ministerial-dialogue-korea-kr.txt").read_text(encoding="utf-8")
    loaded = read_text(raw)
    assert loaded.doc_date == "2024-06-28"
    assert loaded.publisher == "외교부"
    assert loaded.title
    raw_lines = raw.split("\n")
    end = next(i for i, line in enumerate(raw_lines) if "영문보도자료" in line)
    paragraphs = [line for line in raw_lines[:end] if len(line.strip()) >= 60 and "누리집" not in line]
    assert len(paragraphs) >= 5
    for paragraph in paragraphs:  # every paragraph of the release, verbatim
        assert paragraph in loaded.text
    for line in loaded.text.split("\n"):
        for marker in ("바로가기", "다음기사", "운영원칙", "목록", "배너", "•"):
            assert marker not in line
    assert loaded.text.strip().startswith(paragraphs[0].strip())
    assert any("next article" in w for w in loaded.warnings)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not present")
def test_front_matter_seed() -> None:
    path = SHARED / "seeds" / "joint-statement-newsdao.md"
    [loaded] = load_file(path)
    assert loaded.title and loaded.doc_date is None
    assert "<" not in loaded.text and "data-ke-size" not in loaded.text
    for marker in ("공공누리", "문의", "http", "excerpt", "feature_text"):
        assert marker not in loaded.text
    assert len(_body_lines(loaded.text)) >= 6


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="../shared/corpus/dev is not present")
def test_dev_corpus_doc_dates() -> None:
    files = sorted((SHARED / "corpus" / "dev").glob("*.json"))
    assert files
    for file in files:
        gold = json.loads(file.read_text(encoding="utf-8"))
        assert read_text(gold["text"]).doc_date == gold["doc_date"], file.name
