"""Countries: full names from the gazetteer, and compounds split into one mention per country."""

from __future__ import annotations

import pytest

import extractor
from extractor.models import EntityLabel


def country_mentions(ex: extractor.Extractor, text: str) -> list[tuple[str, str]]:
    doc = ex.extract(text)
    return [(e.text, e.norm) for e in doc.entities if e.label is EntityLabel.COUNTRY]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("정부는 캐나다, 멕시코와 협력하기로 했다.", [("캐나다", "CAN"), ("멕시코", "MEX")]),
        (
            "대한민국과 사우디아라비아는 투자 협력을 논의했다.",
            [("대한민국", "KOR"), ("사우디아라비아", "SAU")],
        ),
        ("북한은 어제 탄도미사일을 발사했다.", [("북한", "PRK")]),
        ("美 국무부는 성명을 냈다.", [("美", "USA")]),
        ("러시아 연방 대표단이 도착했다.", [("러시아 연방", "RUS")]),
    ],
)
def test_country_names(korex: extractor.Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert country_mentions(korex, text) == expected


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("한미일 3국은 공조를 강화하기로 했다.", ["KOR", "USA", "JPN"]),
        ("한·미·일 외교차관 협의회가 열렸다.", ["KOR", "USA", "JPN"]),
        ("정부는 러북 군사협력에 우려를 표명했다.", ["RUS", "PRK"]),
        ("남북 관계가 경색되었다.", ["KOR", "PRK"]),
        ("한중간 교역이 늘었다.", ["KOR", "CHN"]),
        ("韓美日 협력이 강조됐다.", ["KOR", "USA", "JPN"]),
        ("한·호 외교국방장관회의가 열렸다.", ["KOR", "AUS"]),
        ("한미호 국장급 협의가 열렸다.", ["KOR", "USA", "AUS"]),
        ("한-아세안 대화관계 수립 기념식이 열렸다.", ["KOR"]),
    ],
)
def test_compounds_give_one_mention_per_country(
    korex: extractor.Extractor, text: str, codes: list[str]
) -> None:
    found = country_mentions(korex, text)
    assert [code for _, code in found] == codes
    assert all(len(surface) == 1 for surface, _ in found)


def test_compound_before_a_full_name(korex: extractor.Extractor) -> None:
    assert country_mentions(korex, "한-베트남 외교장관 회담이 열렸다.") == [("한", "KOR"), ("베트남", "VNM")]


@pytest.mark.parametrize(
    "text",
    [
        "중남미 순방 일정이 발표되었다.",  # a region, not China-Korea-USA
        "남미 국가들과의 교역이 늘었다.",  # South America
        "재외 한인 사회를 지원한다.",  # 한인 = ethnic Koreans, 인 is a marked short form
        "한영 사전을 새로 펴냈다.",  # Korean-English
        "범죄인 인도 조약을 체결했다.",  # 인도 = extradition (NNG), not India
        "그 수단이 중요하다.",  # 수단 = means
        "회의 중 일부 의견이 나왔다.",
        "29일-30일 이틀간 열린다.",
    ],
)
def test_ordinary_words_are_not_countries(korex: extractor.Extractor, text: str) -> None:
    assert country_mentions(korex, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "정부는 한-중남미 협력 기금을 늘리기로 했다.",
        "양측은 한·남미 교역 확대를 논의했다.",
        "올해 한-중남미 포럼은 리마에서 열린다.",
    ],
)
def test_a_region_after_korea_is_no_run_of_countries(korex: extractor.Extractor, text: str) -> None:
    assert country_mentions(korex, text) == [("한", "KOR")]


def test_china_and_the_us_glued_after_korea_stay_three(korex: extractor.Extractor) -> None:
    assert [code for _, code in country_mentions(korex, "한중미 3국 협의가 열렸다.")] == ["KOR", "CHN", "USA"]


def test_document_countries_are_sorted_and_unique(korex: extractor.Extractor) -> None:
    doc = korex.extract("한일 외교장관이 29일 도쿄에서 회담했다. 일본 측은 한국과 협력하기로 했다.")
    assert doc.countries == ["JPN", "KOR"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("대통령의 방북 이후 협력이 강화되었다.", ["PRK"]),
        ("총리는 다음 주 방한할 예정이다.", ["KOR"]),
        ("장관의 방일 일정이 확정되었다.", ["JPN"]),
        ("국무장관은 방중 기간 회담을 가졌다.", ["CHN"]),
    ],
)
def test_visit_words_name_the_country_visited(
    korex: extractor.Extractor, text: str, codes: list[str]
) -> None:
    assert [code for _, code in country_mentions(korex, text)] == codes


@pytest.mark.parametrize(
    "text", ["새로운 방법을 찾았다.", "정부의 방침은 확고하다.", "방미란 씨가 참석했다."]
)
def test_words_starting_with_bang_are_not_visits(korex: extractor.Extractor, text: str) -> None:
    assert country_mentions(korex, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "양국은 '한-호주 공동성명'을 채택했다.",
        "그는 “한-호주 관계가 깊어졌다”고 말했다.",
        "‘한·호주 경제협력 포럼’이 열렸다.",
    ],
)
def test_korea_before_a_partner_after_a_quote_is_a_country(korex: extractor.Extractor, text: str) -> None:
    assert [code for _, code in country_mentions(korex, text)] == ["KOR", "AUS"]


def test_one_or_two_written_with_a_hyphen_is_no_country(korex: extractor.Extractor) -> None:
    assert country_mentions(korex, "그는 '한-두 차례 더 들르겠다'고 말했다.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("조선중앙통신은 조선과 중국의 친선을 강조하였다.", ["PRK", "CHN"]),
        ("로동당 대표단은 공화국 정부의 입장을 밝혔다.", ["PRK"]),
        ("남조선 당국은 훈련을 중단해야 한다.", ["KOR"]),
    ],
)
def test_the_norths_words_for_the_two_koreas(
    korex: extractor.Extractor, text: str, expected: list[str]
) -> None:
    assert [code for _, code in country_mentions(korex, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "조선시대 외교 문서가 공개되었다.",
        "조선업 수주가 늘었다.",
        "조선중앙통신은 조선반도 정세를 논평하였다.",
    ],
)
def test_joseon_as_a_dynasty_an_industry_or_a_region_is_no_country(
    korex: extractor.Extractor, text: str
) -> None:
    assert "조선" not in [form for form, _ in country_mentions(korex, text)]


@pytest.mark.parametrize(
    "text", ["우즈벡 대통령이 방한했다.", "한·우즈벡 협력 포럼이 열렸다.", "정부는 우즈벡과 협정을 맺었다."]
)
def test_the_press_short_form_of_uzbekistan(korex: extractor.Extractor, text: str) -> None:
    assert "UZB" in [code for _, code in country_mentions(korex, text)]
