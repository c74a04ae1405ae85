"""Splitting and merging: one mention that is several events, several mentions that are one.

(split.py, merge.py)
"""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.models import EventType


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


def test_a_headline_and_the_body_name_one_call(korex: extractor.Extractor) -> None:
    text = (
        "한-인도네시아 외교장관 통화\n\n"
        "이도윤 외교부 장관은 오늘 아디 프라셋요(Adi Prasetyo) 인도네시아 외교장관과 전화 통화를 가졌다."
    )
    (call,) = events(korex, text)
    assert call.countries == ["IDN", "KOR"]
    assert [p.name for p in call.participants] == ["이도윤", "아디 프라셋요"]


def test_an_event_named_twice_keeps_its_fuller_name(korex: extractor.Extractor) -> None:
    text = (
        "한-베트남 전략대화가 9.22.(월) 서울에서 열렸다.\n\n"
        "제9차 한-베트남 전략대화에서 양측은 공급망 협력 방안을 논의하였다."
    )
    (dialogue,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.STRATEGIC_DIALOGUE)
    assert (dialogue.name, dialogue.round) == ("제9차 한-베트남 전략대화", 9)


@pytest.mark.parametrize(
    ("text", "visited"),
    [
        (
            "김하늘 외교부 장관은 10일부터 15일까지 브라질·아르헨티나·칠레를 차례로 순방한다.",
            ["BRA", "ARG", "CHL"],
        ),
        ("이정민 국방부 차관은 이번 주 이집트와 요르단을 공식 방문한다.", ["EGY", "JOR"]),
        ("정부 대표단은 서아프리카 3개국(가나, 세네갈, 나이지리아)을 방문하였다.", ["GHA", "SEN", "NGA"]),
        ("박서윤 대통령은 말레이시아, 태국, 라오스 등 동남아 3개국을 국빈 방문한다.", ["MYS", "THA", "LAO"]),
    ],
)
def test_a_trip_to_several_countries_is_one_visit_each(
    korex: extractor.Extractor, text: str, visited: list[str]
) -> None:
    visits = of_type(events(korex, text), EventType.VISIT)
    assert [v.countries for v in visits] == [sorted(["KOR", code]) for code in visited]


def test_each_stop_of_a_trip_keeps_its_own_dates(korex: extractor.Extractor) -> None:
    text = "박서윤 대통령은 오는 3~5일 베트남, 5~7일 필리핀을 방문할 예정이다."
    visits = of_type(events(korex, text, doc_date="2025-06-01"), EventType.VISIT)
    assert [(v.countries, v.date, v.end_date) for v in visits] == [
        (["KOR", "VNM"], "2025-06-03", "2025-06-05"),
        (["KOR", "PHL"], "2025-06-05", "2025-06-07"),
    ]


def test_countries_named_beside_a_visit_are_no_stops_of_it(korex: extractor.Extractor) -> None:
    text = "최민호 외교부 장관은 중국과 러시아의 반발 속에 몽골을 방문했다."
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert visit.countries == ["KOR", "MNG"]


def test_a_visit_reported_on_two_days_of_the_trip_is_one_visit(korex: extractor.Extractor) -> None:
    text = (
        "덴마크를 국빈 방문한 김민재 대통령은 12일 코펜하겐에서 동포 간담회를 가졌다.\n\n"
        "덴마크를 국빈 방문한 김 대통령은 13일 덴마크 총리와 정상회담을 가졌다."
    )
    visits = of_type(events(korex, text, doc_date="2025-05-13"), EventType.VISIT)
    assert [v.countries for v in visits] == [["DNK", "KOR"]]


@pytest.mark.parametrize(
    ("text", "kind", "partners"),
    [
        (
            "이 장관은 영국, 독일, 캐나다 외교장관과 잇따라 통화했다.",
            EventType.PHONE_CALL,
            ["GBR", "DEU", "CAN"],
        ),
        (
            "정 장관은 오후 브루나이, 싱가포르, 라오스와 연이어 양자 외교장관 회담을 가졌다.",
            EventType.TALKS,
            ["BRN", "SGP", "LAO"],
        ),
        (
            "한 장관은 아세안 관련 회의 기간 중 캐나다·이탈리아와는 따로 양자회담을 했다.",
            EventType.TALKS,
            ["CAN", "ITA"],
        ),
        (
            "김 대통령은 이날 독일, 캐나다, 스웨덴 등 5개국과 연쇄 양자회담을 진행했다.",
            EventType.SUMMIT,
            ["DEU", "CAN", "SWE"],
        ),
        ("서 장관은 회의장에서 멕시코·칠레와 약식 회담을 했다.", EventType.TALKS, ["MEX", "CHL"]),
        (
            "오 장관은 이날 필리핀과는 양자회담을, 태국·말레이시아와는 약식회담을 각자 가졌다.",
            EventType.TALKS,
            ["PHL", "THA", "MYS"],
        ),
    ],
)
def test_a_meeting_with_a_list_in_turn_is_one_with_each(
    korex: extractor.Extractor, text: str, kind: EventType, partners: list[str]
) -> None:
    found = of_type(events(korex, text), kind)
    assert [e.countries for e in found] == [sorted(["KOR", code]) for code in partners]


def test_a_meeting_with_a_list_and_no_word_of_turn_is_one_meeting(korex: extractor.Extractor) -> None:
    (talks,) = of_type(events(korex, "김 장관은 호주·뉴질랜드 외교장관과 회담을 가졌다."), EventType.TALKS)
    assert talks.countries == ["AUS", "KOR", "NZL"]


@pytest.mark.parametrize(
    "text",
    [
        "김민재 대통령은 12일 덴마크 총리와 정상회담을 가진 데 이어 업무 오찬을 가졌다.",
        "김민재 대통령은 12일 덴마크 총리와 정상회담 및 만찬을 가졌다.",
        "김민재 대통령은 12일 저녁 만찬을 가졌다. 앞서 김 대통령은 덴마크 총리와 정상회담을 가졌다.",
    ],
)
def test_a_meal_with_a_meeting_is_part_of_it(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text, doc_date="2025-05-12")
    assert [(e.type, e.countries) for e in found] == [(EventType.SUMMIT, ["DNK", "KOR"])]


TOUR = "김민재 대통령은 10일부터 16일까지 가나, 세네갈, 케냐 등 아프리카 3개국을 국빈 방문한다.\n\n"


@pytest.mark.parametrize(
    ("second", "kind"),
    [
        ("김 대통령은 이번 일정 중 각국 정상과 차례로 정상회담을 연다.", EventType.SUMMIT),
        ("김 대통령은 방문국 3국 정상과의 회담에서 투자 확대를 요청할 계획이다.", EventType.SUMMIT),
        ("방문 기간 각국과 개발협력 양해각서를 체결한다.", EventType.AGREEMENT),
    ],
)
def test_on_a_tour_a_meeting_with_each_country_is_one_per_stop(
    korex: extractor.Extractor, second: str, kind: EventType
) -> None:
    found = of_type(events(korex, TOUR + second, doc_date="2025-06-09"), kind)
    assert sorted(e.countries for e in found) == [["GHA", "KOR"], ["KEN", "KOR"], ["KOR", "SEN"]]


def test_a_meeting_of_the_countries_together_is_one(korex: extractor.Extractor) -> None:
    text = TOUR + "김 대통령은 14일 3국 정상이 함께하는 정상회의에 참석한다."
    found = of_type(events(korex, text, doc_date="2025-06-09"), EventType.SUMMIT)
    assert len(found) == 1


@pytest.mark.parametrize(
    ("second", "kind", "earlier"),
    [
        ("왕 부장의 공식 방한은 2019년 5월에 이어 두 번째다.", EventType.VISIT, "2019-05"),
        ("왕 부장의 한국 방문은 지난 2022년 8월 이후 2년 9개월 만이다.", EventType.VISIT, "2022-08"),
        (
            "두 장관은 지난 2월에 이어 3개월 만에 개최된 외교장관회담에서 협력을 논의했다.",
            EventType.TALKS,
            "2025-02",
        ),
    ],
)
def test_an_event_counted_from_an_earlier_one_reports_that_one_too(
    korex: extractor.Extractor, second: str, kind: EventType, earlier: str
) -> None:
    first = "왕이 중국 외교부장은 14일 한국을 공식 방문해 조현우 외교부 장관과 외교장관회담을 가졌다.\n\n"
    found = of_type(events(korex, first + second, doc_date="2025-05-14"), kind)
    assert (["CHN", "KOR"], earlier, "mentioned") in [(e.countries, e.date, e.salience.value) for e in found]
    assert all(e.date != earlier for e in found if e.salience.value == "main")


@pytest.mark.parametrize(
    ("text", "kind", "earlier"),
    [
        (
            "한국은 12일 파라과이와 국방협력 양해각서를 체결했다. 중남미 국가와는 2006년 브라질, 2011년 "
            "페루에 이어 파라과이가 세 번째다.",
            EventType.AGREEMENT,
            [(["BRA", "KOR"], "2006"), (["KOR", "PER"], "2011")],
        ),
        (
            "김 장관은 10일 베트남 외교장관과 전략대화를 가졌다. 아시아 국가와는 2015년 일본, 2019년 "
            "인도네시아에 이어 베트남이 세 번째다.",
            EventType.STRATEGIC_DIALOGUE,
            [(["JPN", "KOR"], "2015"), (["IDN", "KOR"], "2019")],
        ),
        (
            "한국과 캐나다는 11일 오타와에서 자유무역협정에 서명했다. 미주 국가로는 2004년 칠레, 2012년 "
            "미국에 이어 캐나다가 세 번째 상대국이다.",
            EventType.AGREEMENT,
            [(["CHL", "KOR"], "2004"), (["KOR", "USA"], "2012")],
        ),
    ],
)
def test_dated_partners_the_current_one_is_counted_after_are_earlier_events(
    korex: extractor.Extractor, text: str, kind: EventType, earlier: list[tuple[list[str], str]]
) -> None:
    found = [e for e in of_type(events(korex, text), kind) if e.salience.value == "mentioned"]
    assert [(e.countries, e.date) for e in found] == earlier


def test_partners_counted_without_dates_are_no_earlier_events(korex: extractor.Extractor) -> None:
    text = (
        "한국은 12일 파라과이와 국방협력 양해각서를 체결했다. 중남미 국가와는 브라질, 페루에 이어 "
        "파라과이가 세 번째다."
    )
    assert [e.countries for e in events(korex, text)] == [["KOR", "PRY"]]


@pytest.mark.parametrize(
    ("text", "country", "earlier"),
    [
        (
            "윤 대통령은 23일 가나 대통령과 정상회담을 가졌다. 가나 대통령의 방한은 17년 만이다. 존 쿠포르 "
            "당시 가나 대통령은 지난 2006년 한국을 방문했다.",
            "GHA",
            "2006",
        ),
        (
            "김 대통령은 12일 칠레 대통령과 정상회담을 했다. 칠레 대통령의 방한은 10년 만이다. 당시 칠레 "
            "대통령은 지난 2015년 한국을 방문했다.",
            "CHL",
            "2015",
        ),
        (
            "김 대통령은 12일 페루 대통령과 정상회담을 했다. 페루 대통령은 2019년 한국을 국빈 방문했다. "
            "페루 대통령의 이번 방한은 두 번째다.",
            "PER",
            "2019",
        ),
    ],
)
def test_a_visit_counted_from_long_before_is_not_the_earlier_visit(
    korex: extractor.Extractor, text: str, country: str, earlier: str
) -> None:
    found = of_type(events(korex, text, doc_date="2025-03-24"), EventType.VISIT)
    assert sorted((e.date or "")[:4] for e in found) == sorted([earlier, "2025"])
    assert all(e.countries == sorted([country, "KOR"]) for e in found)


@pytest.mark.parametrize(
    ("text", "visitor"),
    [
        (
            "윤 대통령은 23일 가나 대통령과 정상회담을 가졌다. 가나 대통령의 방한은 17년 만이다. 존 쿠포르 "
            "당시 가나 대통령은 지난 2006년 한국을 방문했다. 쿠포르 대통령은 수교 이후 한국을 방문한 최초의 "
            "가나 정상이었다.",
            "존 쿠포르",
        ),
        (
            "김 대통령은 12일 칠레 대통령과 정상회담을 했다. 칠레 대통령의 방한은 10년 만이다. 미첼 로하스 "
            "당시 칠레 대통령은 지난 2015년 한국을 방문했다. 로하스 대통령은 수교 이후 한국을 방문한 최초의 "
            "칠레 정상이었다.",
            "미첼 로하스",
        ),
        (
            "김 대통령은 9일 페루 대통령과 정상회담을 했다. 페루 대통령의 방한은 12년 만이다. 알베르토 "
            "가르시아 당시 페루 대통령은 지난 2013년 한국을 방문했다. 가르시아 대통령은 수교 이후 서울을 "
            "방문한 최초의 페루 정상이었다.",
            "알베르토 가르시아",
        ),
    ],
)
def test_a_later_mention_of_the_earlier_visitor_goes_with_the_earlier_visit(
    korex: extractor.Extractor, text: str, visitor: str
) -> None:
    found = of_type(events(korex, text, doc_date="2025-03-24"), EventType.VISIT)
    with_visitor = [e.date for e in found if visitor in {p.name for p in e.participants}]
    assert len(found) == 2
    assert len(with_visitor) == 1
    assert with_visitor[0] is not None and with_visitor[0] < "2020"


def test_a_visit_named_again_without_a_count_is_the_dated_one(korex: extractor.Extractor) -> None:
    text = "페루 대통령은 2019년 한국을 국빈 방문했다. 페루 대통령의 방한 기간 중 양국 정상은 회담을 했다."
    found = of_type(events(korex, text, doc_date="2025-03-24"), EventType.VISIT)
    assert [e.date for e in found] == ["2019"]


def test_a_count_with_no_earlier_date_reports_no_earlier_event(korex: extractor.Extractor) -> None:
    text = "왕이 중국 외교부장은 14일 한국을 공식 방문했다. 중국 외교부장의 방한은 이번이 처음이다."
    visits = of_type(events(korex, text, doc_date="2025-05-14"), EventType.VISIT)
    assert len(visits) == 1


def test_a_meeting_met_on_the_occasion_of_a_conference_is_its_own(korex: extractor.Extractor) -> None:
    text = (
        "조 장관은 21일 브라질에서 열린 G20 외교장관회의 참석 계기로 마자오쉬 중국 외교부 "
        "상무부부장(차관)과 만났다."
    )
    found = events(korex, text, doc_date="2025-02-22")
    assert (EventType.TALKS, ["CHN", "KOR"]) in [(e.type, e.countries) for e in found]


def test_a_meeting_reported_by_its_verb_and_its_term_is_one(korex: extractor.Extractor) -> None:
    text = (
        "한·아르헨티나 정상회담\n\n김 대통령은 1일 아르헨티나 대통령을 만났습니다.\n\n"
        "1일 오전 대통령궁에서 김민재 대통령과 아르헨티나 대통령 사이의 정상회담이 열렸습니다."
    )
    found = events(korex, text, doc_date="2025-12-01")
    assert [(e.type, e.countries) for e in found] == [(EventType.SUMMIT, ["ARG", "KOR"])]


@pytest.mark.parametrize(
    "text",
    [
        "김 차관과 존 스미스 미국 국무부 부장관이 12일 서울 외교부 청사에서 만나 악수하고 있다.\n\n"
        "존 스미스 부장관은 12일 김 차관을 예방했다.",
        "조 장관과 마리아 로페스 스페인 외교부 차관이 4일 서울 외교부 청사에서 만나 악수하고 있다.\n\n"
        "로페스 차관은 4일 조 장관을 예방했다.",
        "박 장관과 토마스 뮐러 독일 외무부 차관이 11일 서울 외교부 청사에서 만나 대화하고 있다.\n\n"
        "뮐러 차관은 11일 박 장관을 예방하고 협력 방안을 논의했다.",
    ],
)
def test_a_meeting_reported_by_its_verb_before_its_term_is_the_term(
    korex: extractor.Extractor, text: str
) -> None:
    assert [e.type for e in events(korex, text)] == [EventType.COURTESY_CALL]


@pytest.mark.parametrize(
    "text",
    [
        "일본 의원단은 10일 국회에서 한국 의원들과 면담했다. 이어 부산에서 부산시장과 면담했다.",
        "베트남 대표단은 12일 서울에서 통일부 차관과 면담했다. 이어서 대전에서 충남 부지사와 면담을 가졌다.",
        "몽골 대표단은 14일 서울에서 외교부 국장과 면담했다. 곧이어 인천에서 인천시장과 면담했다.",
    ],
)
def test_a_meeting_with_a_side_named_after_a_word_of_sequence_is_the_next_one(
    korex: extractor.Extractor, text: str
) -> None:
    assert len(of_type(events(korex, text, doc_date="2025-03-24"), EventType.TALKS)) == 2


def test_a_meeting_named_again_after_a_word_of_sequence_is_the_same(korex: extractor.Extractor) -> None:
    text = "김 장관은 12일 일본 외무상과 면담했다. 이어 양측은 면담에서 협력 방안을 논의했다."
    assert len(of_type(events(korex, text, doc_date="2025-03-24"), EventType.TALKS)) == 1


def test_a_verb_and_a_term_of_one_sentence_are_two_meetings(korex: extractor.Extractor) -> None:
    text = "김 장관은 3일 도쿄에서 가와무라 일본 외무상과 만나 협력을 논의한 뒤 일본 총리를 예방했다."
    assert [e.type for e in events(korex, text)] == [EventType.TALKS, EventType.COURTESY_CALL]


def test_leaders_met_in_turn_are_one_meeting_each(korex: extractor.Extractor) -> None:
    text = (
        "조현우 외교부 장관은 4일 오후 바시루 파예 세네갈 대통령, 폴 카가메 르완다 대통령을 "
        "연이어 만나 양자 현안을 논의했다."
    )
    found = events(korex, text, doc_date="2024-06-04")
    assert sorted(e.countries for e in found) == [["KOR", "RWA"], ["KOR", "SEN"]]


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        (
            "김 장관은 캐나다·호주(9일), 인도·브라질(13일)에 이어 14일 멕시코 외교장관과 통화했다.",
            ["CAN", "AUS", "IND", "BRA"],
        ),
        ("이 차관은 독일, 이탈리아에 이어 15일 스페인 외교차관과 화상 통화를 가졌다.", ["DEU", "ITA"]),
        ("정 장관은 베트남에 이어 16일 태국 외교장관과 통화했다.", ["VNM"]),
    ],
)
def test_the_same_acts_listed_before_e_ieo_were_done_earlier(
    korex: extractor.Extractor, text: str, earlier: list[str]
) -> None:
    calls = of_type(events(korex, text), EventType.PHONE_CALL)
    mentioned = [c.countries for c in calls if c.salience.value == "mentioned"]
    assert mentioned == [sorted(["KOR", code]) for code in earlier]


def test_e_ieo_of_another_act_lends_no_earlier_partners(korex: extractor.Extractor) -> None:
    text = "김 장관은 미국에 이어 14일 영국 외교장관과 통화함으로써 6개국 장관들과 모두 전화 협의를 마쳤다."
    calls = of_type(events(korex, text), EventType.PHONE_CALL)
    assert sorted(c.countries for c in calls) == [["GBR", "KOR"], ["KOR", "USA"]]


@pytest.mark.parametrize(
    ("text", "kind", "pairs"),
    [
        (
            "정부는 14일 서울에서 한중·한일 국장급 협의를 잇따라 개최했다.",
            EventType.CONSULTATION,
            [["CHN", "KOR"], ["JPN", "KOR"]],
        ),
        ("한미·한일 외교장관회담이 14일 열렸다.", EventType.TALKS, [["KOR", "USA"], ["JPN", "KOR"]]),
        (
            "브라질과 칠레, 브라질과 페루는 각각 양자 협정을 체결했다.",
            EventType.AGREEMENT,
            [["BRA", "CHL"], ["BRA", "PER"]],
        ),
    ],
)
def test_pairs_before_one_term_are_one_event_each(
    korex: extractor.Extractor, text: str, kind: EventType, pairs: list[list[str]]
) -> None:
    assert [e.countries for e in of_type(events(korex, text), kind)] == pairs


def test_a_group_of_three_before_a_term_is_one_event(korex: extractor.Extractor) -> None:
    found = events(korex, "한미일·한중일 협력 방안을 논의하는 한미일 외교장관회의가 14일 열렸다.")
    assert [e.countries for e in of_type(found, EventType.CONFERENCE)] == [["JPN", "KOR", "USA"]]


@pytest.mark.parametrize(
    "text",
    [
        "장 차관은 이반 페트로프 러시아 외교부 1차관과 세르게이 볼코프 차관을 각각 면담했다.",
        "박 장관은 도쿄에서 다나카 히로시 일본 외무대신과 스즈키 겐 방위대신을 각각 만났다.",
        "김 차관은 베이징에서 왕리췬 중국 외교부 부부장과 천밍하오 상무부 부부장을 잇따라 면담했다.",
    ],
)
def test_two_people_of_one_country_met_respectively_are_two_meetings(
    korex: extractor.Extractor, text: str
) -> None:
    found = [e for e in events(korex, text) if e.type in (EventType.TALKS, EventType.SUMMIT)]
    assert len(found) == 2 and found[0].countries == found[1].countries


def test_two_people_met_together_are_one_meeting(korex: extractor.Extractor) -> None:
    text = "장 차관은 이반 페트로프 러시아 외교부 1차관, 세르게이 볼코프 차관과 함께 면담했다."
    assert len(of_type(events(korex, text), EventType.TALKS)) == 1


def test_visits_of_two_people_to_one_country_days_apart_are_two(korex: extractor.Extractor) -> None:
    text = "이정호 국방부 차관은 27일 이집트를 방문한다. 앞서 김수민 외교부 1차관은 25일 이집트를 방문했다."
    visits = of_type(events(korex, text, doc_date="2025-03-24"), EventType.VISIT)
    assert [[p.name for p in v.participants] for v in visits] == [["이정호"], ["김수민"]]


def test_on_a_tour_agreements_counted_after_the_meetings_with_each_are_with_each(
    korex: extractor.Extractor,
) -> None:
    text = (
        TOUR + "김 대통령은 방문국 3국 정상과의 회담으로 협력을 넓히고 40건의 MOU 체결을 통해 발판을 다졌다."
    )
    found = of_type(events(korex, text, doc_date="2025-06-09"), EventType.AGREEMENT)
    assert sorted(e.countries for e in found) == [["GHA", "KOR"], ["KEN", "KOR"], ["KOR", "SEN"]]


@pytest.mark.parametrize(
    "text",
    [
        "김 대통령은 12일 하노이에서 베트남 주석과 정상회담을 가졌다. 이번 회담을 계기로 MOU 5건이 교환됐다.",
        "김 대통령은 12일 하노이에서 베트남 주석과 정상회담을 가졌다. 회담 결과는 공동기자회견에서 발표됐다.",
        "김 대통령, 12일 베트남 주석과 정상회담\n양 정상, 회담 후 협정 서명식 가져",
    ],
)
def test_a_bare_term_in_a_later_sentence_or_line_is_the_meeting_before(
    korex: extractor.Extractor, text: str
) -> None:
    meetings = [e for e in events(korex, text) if e.type in (EventType.SUMMIT, EventType.TALKS)]
    assert [(e.type, e.countries) for e in meetings] == [(EventType.SUMMIT, ["KOR", "VNM"])]


def test_a_bare_term_with_someone_else_met_is_a_meeting_of_its_own(korex: extractor.Extractor) -> None:
    text = (
        "박 장관은 12일 모스크바에서 알렉세이 이바노프 러시아 부총리와 회담했다. "
        "박 장관은 이날 드미트리 소콜로프 에너지장관과도 회담을 가졌다."
    )
    assert len(of_type(events(korex, text), EventType.TALKS)) == 2


def test_a_bare_term_is_no_back_reference_to_a_meeting_it_prepares(korex: extractor.Extractor) -> None:
    text = "한중일 정상회의를 준비하기 위한 국장급 회의가 오는 15일 도쿄에서 열린다."
    kinds = sorted(e.type.value for e in events(korex, text))
    assert kinds == ["CONFERENCE", "SUMMIT"]


@pytest.mark.parametrize(
    "second",
    [
        "김 대통령은 이번 국빈방문을 통해 몽골과의 자원 협력을 넓힐 계획이다.",
        "방문 첫 일정으로 김 대통령은 현지 동포들과 간담회를 가졌다.",
        "김 대통령은 금번 순방에서 양국 관계를 한 단계 끌어올렸다고 평가했다.",
    ],
)
def test_a_visit_named_again_without_a_destination_is_the_trip(
    korex: extractor.Extractor, second: str
) -> None:
    text = "김 대통령은 11일 몽골 울란바토르에 도착해 국빈 방문 일정을 시작했다. " + second
    assert [v.countries for v in of_type(events(korex, text), EventType.VISIT)] == [["KOR", "MNG"]]


def test_a_visit_to_a_body_it_names_stays_its_own(korex: extractor.Extractor) -> None:
    text = (
        "김 대통령은 11일 에티오피아를 국빈 방문했다. "
        "김 대통령은 이어 한국 대통령 가운데 처음으로 AU 본부를 방문해 연설했다."
    )
    assert len(of_type(events(korex, text), EventType.VISIT)) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("제9차 한일 차관전략대화가 5일 서울에서 열렸다.", "한일 외교차관 전략대화는 6년 만이다."),
        ("한-미 외교장관회담이 5일 워싱턴에서 열렸다.", "미-한 외교장관회담에서 양측은 공조를 다짐했다."),
        ("부산 21차 협력 포럼 개막", "제21차 한-칠레 협력 포럼이 5일 부산에서 열렸다."),
    ],
)
def test_two_writings_of_one_meetings_name_are_one_event(
    korex: extractor.Extractor, first: str, second: str
) -> None:
    found = events(korex, f"{first}\n\n{second}", doc_date="2025-06-05")
    assert len(found) == 1


def test_meetings_named_for_other_ministers_are_two(korex: extractor.Extractor) -> None:
    text = "한미 외교장관회담이 5일 열렸다.\n\n한미 국방장관회담은 6일 열린다."
    assert len(of_type(events(korex, text, doc_date="2025-06-05"), EventType.TALKS)) == 2


@pytest.mark.parametrize(
    "later",
    [
        "양측은 작년 제20차 포럼에서 교류 확대를 선언했다.",
        "2023년 제19차 포럼은 산티아고에서 열렸다.",
        "지난해 열린 제20차 포럼에서도 같은 논의가 있었다.",
    ],
)
def test_a_round_written_by_its_term_alone_has_the_series_parties(
    korex: extractor.Extractor, later: str
) -> None:
    text = "제21차 한-칠레 협력 포럼이 5일 부산에서 열렸다. " + later
    found = of_type(events(korex, text, doc_date="2025-06-05"), EventType.CONFERENCE)
    assert [e.countries for e in found] == [["CHL", "KOR"], ["CHL", "KOR"]]


@pytest.mark.parametrize(
    ("text", "kind", "earlier"),
    [
        (
            "이번 한일 국장급 협의는 지난해 11월 5일 도쿄에서 마주 앉은 이후 약 4개월 만이다.",
            EventType.CONSULTATION,
            "2024-11-05",
        ),
        (
            "리창 중국 총리의 방한은 세 번째로, 2019년 당시 부총리로 방한한 것을 포함하면 네 번째다.",
            EventType.VISIT,
            "2019",
        ),
        (
            "한-몽골 전략대화가 14일 열렸다. 이번 전략대화는 2019년 제2차 회의 이후 처음이다.",
            EventType.STRATEGIC_DIALOGUE,
            "2019",
        ),
    ],
)
def test_the_earlier_occurrence_a_sentence_counts_from_is_its_own_event(
    korex: extractor.Extractor, text: str, kind: EventType, earlier: str
) -> None:
    found = of_type(events(korex, text, doc_date="2025-03-14"), kind)
    assert len(found) == 2
    assert [e.date for e in found if e.salience.value == "mentioned" and e.date == earlier]


def test_another_event_in_a_counting_sentence_is_not_counted(korex: extractor.Extractor) -> None:
    text = "박 대표의 대통령 예방은 한미 정상회담을 앞둔 지난해 3월 이후 1년 만이다."
    assert len(of_type(events(korex, text, doc_date="2025-03-14"), EventType.SUMMIT)) == 1


def test_an_event_dated_after_the_count_keeps_its_own_date(korex: extractor.Extractor) -> None:
    text = "한중 교류사업은 지난해 4년 만에 재개된 이후 올해 2월에는 중국 국장급 대표단이 방한했다."
    visits = of_type(events(korex, text, doc_date="2025-03-14"), EventType.VISIT)
    assert [v.date for v in visits] == ["2025-02"]


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "한미 외교장관은 지난해 6월의 한미일 외교장관회의 공동성명을 토대로 협력하기로 했다.",
            EventType.JOINT_STATEMENT,
            "2024-06",
        ),
        (
            "양국은 2023년 8월 발표한 한미 정상 공동성명을 바탕으로 공조를 강화하기로 했다.",
            EventType.JOINT_STATEMENT,
            "2023-08",
        ),
        (
            "양측은 2022년 11월 체결한 한-베트남 원자력 협정에 따라 협력하기로 했다.",
            EventType.AGREEMENT,
            "2022-11",
        ),
    ],
)
def test_an_earlier_document_named_as_a_basis_is_an_event_of_its_date(
    korex: extractor.Extractor, text: str, kind: EventType, date: str
) -> None:
    assert [(e.date, e.salience.value) for e in of_type(events(korex, text), kind)] == [(date, "mentioned")]


@pytest.mark.parametrize(
    "text",
    [
        "두 장관은 '한·칠레 해양 협력 양해각서(MOU)'를 체결할 계획이다.",
        "한미 정상은 '에너지 안보 협정' 서명식을 가졌다. 두 정상이 서명한 협정은 공급망 협력을 담았다.",
        "한국과 가나는 이번 방문 계기에 '보건 협력 양해각서(MOU)'가 체결됨에 따라 협력을 넓힌다.",
    ],
)
def test_one_signing_written_with_several_words_is_one_agreement(
    korex: extractor.Extractor, text: str
) -> None:
    assert len(of_type(events(korex, text), EventType.AGREEMENT)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "한국과 인도네시아는 이날 자카르타에서 5건의 양해각서를 체결했다. 또 '수소 협력에 관한 MOU'도 "
        "맺었다. 이와 별도로 '교육 교류 양해각서'도 함께 채택했다.",
        "한국과 칠레는 12일 산티아고에서 총 3건의 MOU에 서명했다. 양국은 '광물 공급망 협력 양해각서'에 "
        "서명했으며 '수소 협력 MOU'도 체결했다.",
        "한국과 베트남은 10일 하노이에서 4건의 MOU를 교환했다. 양국은 '디지털 전환 협력 양해각서'를 "
        "체결했다. 이와 함께 '해양 협력 양해각서'도 서명됐다.",
    ],
)
def test_documents_named_after_a_count_of_them_are_one_signing(korex: extractor.Extractor, text: str) -> None:
    found = of_type(events(korex, text), EventType.AGREEMENT)
    assert [(len(found), found[0].name)] == [(1, None)]


def test_a_document_signed_in_an_earlier_year_is_no_part_of_a_counted_signing(
    korex: extractor.Extractor,
) -> None:
    text = "한국과 칠레는 12일 2건의 양해각서를 체결했다. 앞서 양국은 2019년 '투자 보장 협정'을 맺었다."
    found = of_type(events(korex, text), EventType.AGREEMENT)
    assert [(e.date, e.name) for e in found] == [("2025-03-12", None), ("2019", "투자 보장 협정")]


def test_documents_named_apart_are_agreements_apart(korex: extractor.Extractor) -> None:
    text = "한국과 가나는 '보건 협력 양해각서'와 '교육 교류 양해각서'를 체결했다."
    assert len(of_type(events(korex, text), EventType.AGREEMENT)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "조 장관은 인도의 G20 외교장관회의에 참석했다. 중국 외교부장은 이번 G20 외교장관회의에 불참했다.",
        "김 장관은 리마에서 열린 APEC 통상장관회의에 참석했다. 일본 대표도 APEC 통상장관회의에서 발언했다.",
        "정 장관은 방콕의 아세안 국방장관회의에 참석했다. 호주 장관도 같은 아세안 국방장관회의에 나왔다.",
    ],
)
def test_mentions_of_one_named_meeting_of_many_are_one(korex: extractor.Extractor, text: str) -> None:
    assert len(of_type(events(korex, text), EventType.CONFERENCE)) == 1


def test_meetings_of_many_named_apart_stay_apart(korex: extractor.Extractor) -> None:
    text = "조 장관은 인도에서 열린 G20 외교장관회의에 참석했다. 일본 외무대신은 G7 외교장관회의에 참석했다."
    assert len(of_type(events(korex, text), EventType.CONFERENCE)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "응우옌 베트남 대사는 2019년 부산을 방문한 적이 있다. 이번 베트남 대사의 부산 방문은 첫 일정이다.",
        "주한 베트남 대사는 2019년 대구를 방문한 적이 있다. 이번 베트남 대사의 대구 방문은 공식 일정이다.",
        "베트남 부총리는 2019년 한국을 방문한 적이 있다. 이번 부총리의 방한은 취임 후 첫 해외 일정이다.",
    ],
)
def test_a_visit_recalled_is_not_the_one_named_this_time(korex: extractor.Extractor, text: str) -> None:
    assert len(of_type(events(korex, text, doc_date="2025-03-14"), EventType.VISIT)) == 2


@pytest.mark.parametrize(
    "second",
    [
        "한-칠레 경제공동위원회는 2001년 처음 열린 이래 올해로 12차 회의를 맞았다.",
        "이번 12차 회의에서는 공급망 협력이 논의된다.",
        "양측은 12차 회의를 계기로 협력을 넓히기로 했다.",
    ],
)
def test_a_round_named_by_a_general_term_is_the_meeting_of_that_round(
    korex: extractor.Extractor, second: str
) -> None:
    text = "한국과 칠레는 7일 서울에서 제12차 한-칠레 경제공동위원회를 개최한다. " + second
    assert len(of_type(events(korex, text, doc_date="2025-03-04"), EventType.CONSULTATION)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "존 밀러 미국 부장관은 16일 김철수 외교부 1차관을 예방했다. 그는 이어 박영희 총리를 예방한다.",
        "존 밀러 미국 특사는 오전에 이민호 국회의장을 예방하고 오후에 최정우 국무총리를 예방했다.",
        "존 밀러 미국 대표는 16일 장민수 통일부 장관을 예방했다. 그는 오후 정우진 외교부 장관도 예방했다.",
    ],
)
def test_one_visitor_calling_on_two_hosts_makes_two_courtesy_calls(
    korex: extractor.Extractor, text: str
) -> None:
    assert len(of_type(events(korex, text, doc_date="2025-03-16"), EventType.COURTESY_CALL)) == 2


def test_one_courtesy_call_named_twice_is_one(korex: extractor.Extractor) -> None:
    text = (
        "존 밀러 미국 특사는 16일 김철수 외교부 1차관을 예방했다. 밀러 특사의 김 차관 예방은 30분간 이어졌다."
    )
    assert len(of_type(events(korex, text, doc_date="2025-03-16"), EventType.COURTESY_CALL)) == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("윤 대통령은 14일 일본 총리와 만나 회담했다.", EventType.SUMMIT),
        ("김 장관은 일본 외무대신을 만나 양자 협의를 가졌다.", EventType.CONSULTATION),
        ("박 차관은 베트남 외교차관과 만나 회담을 했다.", EventType.TALKS),
    ],
)
def test_a_meeting_verb_leading_into_its_term_gives_the_term_its_side(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    assert [(e.type, len(e.countries)) for e in events(korex, text)] == [(kind, 2)]


@pytest.mark.parametrize(
    ("text", "kind", "partners"),
    [
        (
            "알렉세이 모로조프 러시아 대통령은 영국 국왕이나 일본 총리와의 만남에도 늦은 적이 있다.",
            EventType.SUMMIT,
            ["GBR", "JPN"],
        ),
        (
            "안 장관은 그간 스페인 외교장관이나 포르투갈 외교장관과의 회담에서 이 문제를 거론해 왔다.",
            EventType.TALKS,
            ["ESP", "PRT"],
        ),
        (
            "노 차관은 지난주 독일 또는 오스트리아 외교차관과의 통화에서도 같은 입장을 밝혔다.",
            EventType.PHONE_CALL,
            ["AUT", "DEU"],
        ),
    ],
)
def test_partners_joined_by_or_are_met_one_at_a_time(
    korex: extractor.Extractor, text: str, kind: EventType, partners: list[str]
) -> None:
    found = of_type(events(korex, text), kind)
    own = {code for e in found for code in e.countries} - set(partners)
    assert len(own) == 1
    assert sorted(e.countries for e in found) == sorted(sorted([*own, code]) for code in partners)


def test_partners_met_together_are_one_meeting(korex: extractor.Extractor) -> None:
    text = "안 장관은 스페인 외교장관, 포르투갈 외교장관과 함께 회담을 갖고 협력을 논의했다."
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert talks.countries == ["ESP", "KOR", "PRT"]


@pytest.mark.parametrize(
    "text",
    [
        "김도현 총리와 부인 최수진 여사는 오늘 일주일간의 베트남·라오스 순방을 마치고 귀국했다.",
        "김도현 대통령과 최수진 여사는 이날 3박5일간의 베트남·라오스 순방을 마무리했다.",
        "김도현 특사와 최수진 대사는 지난주 베트남과 라오스를 차례로 순방했다.",
    ],
)
def test_a_tour_by_its_stops_is_made_by_all_its_travellers(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text), EventType.VISIT)
    assert sorted(v.countries for v in visits) == [["KOR", "LAO"], ["KOR", "VNM"]]
    assert all([p.name for p in v.participants] == ["김도현", "최수진"] for v in visits)


def test_a_tour_named_again_by_its_stops_is_the_visits_reported(korex: extractor.Extractor) -> None:
    text = (
        "김도현 대통령은 25일 라오스 국빈 방문을 마치고 서울로 돌아왔다. 김 대통령 내외는 "
        "이날 5박6일 일정의 베트남·라오스 순방을 마무리했다. 김 대통령은 앞서 21~23일 베트남을 국빈 방문했다."
    )
    visits = of_type(events(korex, text), EventType.VISIT)
    assert sorted(v.countries for v in visits) == [["KOR", "LAO"], ["KOR", "VNM"]]


@pytest.mark.parametrize(
    "text",
    [
        "김 장관은 알랭 르루 프랑스 외교장관과 회담했다. 외교부는 지난 9월 이후 2개월 만에 열린 "
        "양국 외교장관 회담을 통해 소통이 강화됐다고 밝혔다.",
        "김 장관은 알랭 르루 프랑스 외교장관과 회담했다. 양국 외교장관의 회담은 지난 3월 이후 8개월 만이다.",
        "김 장관은 알랭 르루 프랑스 외교장관과 회담했다. 이번 회담은 지난해 5월에 이어 두 번째다.",
    ],
)
def test_an_earlier_occurrence_no_dateline_dates_is_an_event(korex: extractor.Extractor, text: str) -> None:
    talks = of_type(events(korex, text, doc_date=None), EventType.TALKS)
    assert [t.countries for t in talks] == [["FRA", "KOR"], ["FRA", "KOR"]]
