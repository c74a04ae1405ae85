"""Places of events (places.py): a city with its venue, a named venue, a trip's place for its meetings,
and places that are never an event's venue (a dateline, an origin)."""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.models import Event, EventType


def place(event: Event) -> tuple[str | None, str | None]:
    """An event's city as written and its country."""
    return (event.location.city_ko, event.location.country) if event.location else (None, None)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("정하늘 장관은 8일 서울 롯데호텔에서 존 밀러 미국 국무장관과 회담을 가졌다.", "서울"),
        ("정하늘 장관은 8일 워싱턴 DC 주미대사관에서 존 밀러 미국 국무장관과 면담했다.", "워싱턴 DC"),
        ("정하늘 장관은 뉴욕 유엔본부 양자회담장에서 존 밀러 미국 국무장관과 회담을 가졌다.", "뉴욕"),
    ],
)
def test_a_city_with_its_venue_is_the_place(korex: extractor.Extractor, text: str, city: str) -> None:
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert place(talks)[0] == city


def test_a_venue_alone_takes_the_city_of_the_sentence_before(korex: extractor.Extractor) -> None:
    text = "정하늘 장관은 7일 뉴욕에 도착했다. 정 장관은 8일 유엔본부에서 존 밀러 미국 국무장관과 회담했다."
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert place(talks) == ("뉴욕", "USA")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("기재부는 14일 정부과천청사에서 일본 재무성과 제20차 한-일 경제정책협의회를 열었다.", "Gwacheon"),
        ("정하늘 장관은 8일 백악관에서 존 밀러 미국 국가안보보좌관과 면담했다.", "Washington, D.C."),
        ("통일부 장관은 14일 정부서울청사에서 신임 미국 대사를 면담했다.", "Seoul"),
        ("김민준 장관은 4일 크렘린궁에서 러시아 대통령을 예방했다.", "Moscow"),
    ],
)
def test_a_named_venue_alone_is_in_its_city(korex: extractor.Extractor, text: str, city: str) -> None:
    (event,) = events(korex, text)
    assert event.location is not None and event.location.city == city


def test_a_body_that_speaks_is_no_venue(korex: extractor.Extractor) -> None:
    text = "백악관은 14일 한미 정상회담 결과에 대한 성명을 발표했다."
    statements = of_type(events(korex, text), EventType.STATEMENT)
    assert all(s.location is None or s.location.city is None for s in statements)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("정하늘 장관은 8일 백악관에서 존 밀러 미국 국가안보보좌관과 면담했다.", "USA"),
        ("한동수 대통령은 청와대에서 존 밀러 미국 국무장관을 접견했다.", "KOR"),
        ("김하늘 국방차관은 22일 중국에서 왕리 중국 국방부 부부장과 국방전략대화를 갖는다.", "CHN"),
    ],
)
def test_a_named_venue_or_country_gives_the_country(
    korex: extractor.Extractor, text: str, country: str
) -> None:
    (event,) = events(korex, text)
    assert place(event)[1] == country


@pytest.mark.parametrize(
    ("text", "kind", "city"),
    [
        (
            "정하늘 장관은 인도네시아 자카르타를 방문해 한-아세안 외교장관회의에 참석했다.",
            EventType.CONFERENCE,
            "자카르타",
        ),
        (
            "파리를 방문한 김 차관은 9일 프랑스 외교부 사무총장을 예방했다.",
            EventType.COURTESY_CALL,
            "파리",
        ),
        (
            "한 대통령은 부산으로 이동해 조코 위도도 인도네시아 대통령과 정상회담을 가졌다.",
            EventType.SUMMIT,
            "부산",
        ),
    ],
)
def test_a_trips_meetings_are_where_it_goes(
    korex: extractor.Extractor, text: str, kind: EventType, city: str
) -> None:
    (event,) = of_type(events(korex, text), kind)
    assert place(event)[0] == city


def test_a_meeting_on_a_trip_in_another_sentence_takes_its_place(korex: extractor.Extractor) -> None:
    text = (
        "한동수 대통령은 21일 몽골을 국빈방문한다. "
        "한 대통령은 22일 수도 울란바토르에서 바트 에르덴 몽골 대통령과 정상회담을 갖는다. "
        "두 정상은 회담 뒤 한-몽골 공동성명을 채택한다."
    )
    found = events(korex, text)
    (visit,) = of_type(found, EventType.VISIT)
    assert place(visit) == ("울란바토르", "MNG")
    assert all(place(e)[1] == "MNG" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "카를로스 페레스 칠레 외교장관이 14일 방한해 정하늘 장관과 회담했다.",
        "방한 중인 카를로스 페레스 칠레 외교장관은 14일 정하늘 장관과 회담했다.",
        "카를로스 페레스 칠레 외교장관은 방한 기간 중 정하늘 장관과 회담했다.",
    ],
)
def test_a_visit_to_korea_is_in_korea(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text)
    assert all(place(e)[1] == "KOR" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "(서울=코리아뉴스) 김기자 기자 = 정하늘 장관은 8일 존 밀러 미국 국무장관과 전화 통화를 했다.",
        "[서울=코리아뉴스] 정하늘 장관은 8일 존 밀러 미국 국무장관과 통화했다.",
        "정하늘 장관은 8일 중국에서 온 왕리 중국 외교부 부부장과 면담했다.",
    ],
)
def test_a_dateline_or_an_origin_is_no_venue(korex: extractor.Extractor, text: str) -> None:
    (event,) = events(korex, text)
    assert place(event) != ("서울", "KOR")
    assert place(event)[1] != "CHN"


@pytest.mark.parametrize(
    "text",
    [
        "(서울=코리아뉴스) 정하늘 외교부 장관은 8일 외교부 청사에서 사토 겐 일본 외무상과 회담했다.",
        "(서울=코리아뉴스) 한동수 대통령은 8일 방한한 마리아 로페스 칠레 대통령과 정상회담을 했다.",
        "[서울=한빛통신] 정하늘 외교부 장관은 9일 방한 중인 사토 겐 일본 외무상과 회담했다.",
    ],
)
def test_a_home_desks_dateline_is_not_the_city_of_a_meeting_at_home(
    korex: extractor.Extractor, text: str
) -> None:
    found = events(korex, text)
    assert found
    assert all(place(e) in ((None, "KOR"), (None, None)) for e in found)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "(워싱턴=코리아뉴스) 김가람 특파원 = 정하늘 장관은 24일 국무부에서 존 밀러 국무장관과 회담했다.",
            "워싱턴",
        ),
        ("[도쿄=이하나 특파원] 정하늘 장관은 9일 일본 외무성에서 사토 겐 일본 외무상과 회담했다.", "도쿄"),
        ("(베이징=한빛뉴스) 박민 특파원 = 한중은 3일 중국 외교부에서 차관급 전략대화를 가졌다.", "베이징"),
    ],
)
def test_a_correspondents_dateline_abroad_names_the_city_of_a_meeting_there(
    korex: extractor.Extractor, text: str, city: str
) -> None:
    (event,) = events(korex, text)
    assert place(event)[0] == city


def test_a_dateline_abroad_is_no_city_of_a_meeting_in_another_country(korex: extractor.Extractor) -> None:
    text = "[도쿄=이하나 특파원] 정하늘 외교부 장관은 9일 중국 외교부에서 왕리 중국 외교부장과 회담했다."
    (event,) = events(korex, text)
    assert place(event) == (None, "CHN")


@pytest.mark.parametrize(
    "text",
    [
        "한동수 대통령이 콜롬비아, 페루, 칠레 등 남미 3개국을 순방한다.",
        "한동수 대통령은 다음 주 콜롬비아와 페루, 칠레를 차례로 방문한다.",
        "한동수 대통령은 21일부터 콜롬비아, 페루, 칠레를 잇따라 국빈 방문할 예정이다.",
    ],
)
def test_each_stop_of_a_tour_is_in_its_country(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text, doc_date="2015-04-10"), EventType.VISIT)
    assert sorted(place(v)[1] or "" for v in visits) == ["CHL", "COL", "PER"]
    assert all(place(v)[1] in v.countries for v in visits)


@pytest.mark.parametrize(
    "text",
    [
        "정하늘 장관은 14일 존 밀러 미국 국무장관과 회담하고 한반도에서 긴장이 높아지는 데 우려를 표명했다.",
        "정하늘 장관과 존 밀러 미국 국무장관은 14일 회담에서 인도-태평양에서 협력을 넓히기로 했다.",
        "정하늘 장관은 14일 존 밀러 미국 국무장관과 통화하고 한반도에서의 평화 정착 방안을 논의했다.",
        "한반도에서 방문한 ‘제7차 한-페루 정책협의회’를",
    ],
)
def test_a_region_of_several_countries_is_no_venue(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text)
    assert found
    assert all(e.location is None or e.location.country for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "김 대통령은 지난해 빌뉴스에서 열린 정상회의에 이어 올해도 나토 정상회의에 참석한다.",
        "정 장관은 작년 도쿄에서 개최된 외교장관회의에 이어 올해 한일중 외교장관회의에 참석한다.",
        "한 총리는 2023년 자카르타에서 열린 정상회의에 이어 오는 10월 아세안 정상회의에도 참석한다.",
    ],
)
def test_the_place_of_an_earlier_meeting_is_not_the_next_ones(korex: extractor.Extractor, text: str) -> None:
    later = [e for e in events(korex, text) if e.name and e.salience.value == "main"]
    assert later
    assert all(e.location is None or e.location.city_ko is None for e in later)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("10:30 주광주 일본 총영사 접견(광주시청)", "광주"),
        ("박 지사는 14일 전남도청에서 일본 대사를 면담했다.", "전남"),
        ("김 시장은 14일 부산시청에서 베트남 대사 일행을 접견했다.", "부산"),
    ],
)
def test_a_hall_names_its_place(korex: extractor.Extractor, text: str, city: str) -> None:
    (event,) = events(korex, text)
    assert place(event) == (city, "KOR")


def test_a_hall_of_an_unknown_place_is_no_place(korex: extractor.Extractor) -> None:
    (event,) = events(korex, "15:00 주부산 미국 총영사 예방(대회의실)")
    assert event.location is None or event.location.city is None


@pytest.mark.parametrize(
    "text",
    [
        "▲ 김민준 장관, 메콩 협력 외교장관회의 참석(∼7일, 캄보디아 수도 프놈펜)",
        "김민준 장관, 동아시아 외교장관회의 참석(8.5.-6., 캄보디아 프놈펜)",
        "▲ 김민준 장관 메콩 협력 외교장관회의 참석(캄보디아 프놈펜)",
    ],
)
def test_the_parenthesis_after_the_reporting_word_gives_the_place(
    korex: extractor.Extractor, text: str
) -> None:
    (conference,) = of_type(events(korex, text, doc_date="2025-08-05"), EventType.CONFERENCE)
    assert place(conference) == ("프놈펜", "KHM")


def test_a_later_meeting_written_with_seo_after_its_term_is_there(korex: extractor.Extractor) -> None:
    text = "한일 재무장관 회의가 25일 서울에서 열린다. 앞서 제8차 회의는 2023년 일본 오사카서 개최됐다."
    eighth = next(e for e in events(korex, text) if e.round == 8)
    assert place(eighth) == ("오사카", "JPN")


@pytest.mark.parametrize(
    "text",
    [
        "오 회장은 4일 고양 킨텍스 제5회의실에서 케냐 대통령과 가나 대통령을 연이어 만났다.",
        "오 회장은 4일 고양 킨텍스 제1회의실에서 케냐 대통령과 가나 대통령을 잇따라 면담했다.",
        "오 회장은 4일 고양 킨텍스 제3홀에서 케냐, 가나 대통령과 잇달아 회담했다.",
    ],
)
def test_meetings_in_turn_keep_the_date_and_numbered_venue_of_their_sentence(
    korex: extractor.Extractor, text: str
) -> None:
    found = events(korex, text, doc_date="2025-06-05")
    assert found
    assert all(place(e) == ("고양", "KOR") and e.date == "2025-06-04" for e in found)
