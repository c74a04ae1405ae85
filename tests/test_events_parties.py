"""Types and parties: which countries meet, call, issue, sign, travel or host.

(event_types.py, parties.py, visits.py)
"""

from __future__ import annotations

import pytest
from eventkit import ENVOY, events, of_type

import extractor
from extractor.models import EventType


@pytest.mark.parametrize(
    ("text", "kind", "countries"),
    [
        (
            "최유진 외교부 제1차관은 오전 마이클 던 주한캐나다대사를 접견하였다.",
            EventType.COURTESY_CALL,
            ["CAN", "KOR"],
        ),
        (
            "이도윤 외교부 장관은 오늘 인도네시아 외교장관과 전화 통화를 갖고 협력 방안을 논의하였다.",
            EventType.PHONE_CALL,
            ["IDN", "KOR"],
        ),
        (
            "한미일 3국은 북한의 미사일 발사를 규탄하는 공동성명을 발표하였다.",
            EventType.JOINT_STATEMENT,
            ["JPN", "KOR", "USA"],
        ),
        ("정부는 오늘 캐나다와 핵심광물 협력 양해각서에 서명하였다.", EventType.AGREEMENT, ["CAN", "KOR"]),
        (
            "정하늘 외교부 한반도정책국장은 미국 국무부 대북고위관리와 화상으로 협의하였다.",
            EventType.CONSULTATION,
            ["KOR", "USA"],
        ),
    ],
)
def test_event_types_and_parties(
    korex: extractor.Extractor, text: str, kind: EventType, countries: list[str]
) -> None:
    found = events(korex, text)
    assert [(e.type, e.countries) for e in found] == [(kind, countries)]
    assert found[0].date == "2025-03-14"  # reported as today's in a release dated that day


def test_a_statement_with_no_named_issuer_is_the_governments(korex: extractor.Extractor) -> None:
    (statement,) = events(
        korex, "정부는 오늘 우크라이나 민간시설에 대한 공격을 규탄하는 대변인 성명을 발표하였다."
    )
    assert (statement.type, statement.countries, statement.format.value) == (
        EventType.STATEMENT,
        ["KOR"],
        "unilateral",
    )


def test_a_meeting_of_office_holders_is_no_body(korex: extractor.Extractor) -> None:
    doc = korex.extract("제16차 한미일 외교차관협의회가 오늘 도쿄에서 개최되었다.", doc_date="2025-10-28")
    assert doc.organizations == []
    (meeting,) = doc.events
    assert (meeting.type, meeting.countries, meeting.round) == (
        EventType.CONSULTATION,
        ["JPN", "KOR", "USA"],
        16,
    )


def test_the_name_fixes_the_parties(korex: extractor.Extractor) -> None:
    text = (
        "한일중 외교장관회의 계기에 박서진 외교부 장관은 다카하시 겐(高橋 健) 일본 외무대신과 "
        "한일 외교장관회담을 가졌다."
    )
    (talks,) = of_type(events(korex, text), EventType.TALKS)
    assert talks.countries == ["JPN", "KOR"]


def test_an_envoy_sent_abroad_is_a_visit_of_both_sides(korex: extractor.Extractor) -> None:
    found = events(korex, ENVOY, doc_date="2025-09-08")
    visits = of_type(found, EventType.VISIT)
    assert [(v.countries, v.date, v.trigger) for v in visits] == [
        (["KOR", "VNM"], "2025-09-03", "파견"),
        (["KOR", "VNM"], "2025-09-05", "방문"),
    ]
    assert [p.name for p in visits[0].participants] == ["김태호"]
    assert all(v.name is None for v in visits)  # 베트남 방문 says where, it names no meeting


def test_a_visit_by_a_named_visitor(korex: extractor.Extractor) -> None:
    (visit,) = events(korex, "블라디미르 푸틴 러시아 대통령의 평양 방문 이후 러북 협력이 강화되었다.")
    assert (visit.type, visit.salience.value, visit.countries) == (
        EventType.VISIT,
        "mentioned",
        ["PRK", "RUS"],
    )
    assert visit.location is not None and (visit.location.city, visit.location.country) == (
        "Pyongyang",
        "PRK",
    )
    assert [p.name for p in visit.participants] == ["블라디미르 푸틴"]
    assert visit.date is None  # background, with no date of its own: never a guess


def test_a_visit_takes_its_visitor_from_the_sentence_subject(korex: extractor.Extractor) -> None:
    text = (
        "조현우 외교부 장관은 9.22.(월) 마르틴 에체베리아 아르헨티나 외교장관과 전화 통화를 가졌다.\n\n"
        "에체베리아 장관은 연내 방한을 추진하겠다고 하였다."
    )
    (visit,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.VISIT)
    assert visit.countries == ["ARG", "KOR"]
    assert [p.name for p in visit.participants] == ["마르틴 에체베리아"]


@pytest.mark.parametrize(
    ("text", "visitors", "countries"),
    [
        (
            "김수진 외교부 장관은 10일 방한한 마리아 로페스 칠레 외교장관과 회담을 가졌다.",
            ["마리아 로페스"],
            ["CHL", "KOR"],
        ),
        ("이수민 외교부 제2차관은 11일 방한 중인 베트남 경제사절단을 접견했다.", [], ["KOR", "VNM"]),
        (
            "일본을 방문한 이정호 통일부 장관은 12일 도쿄에서 일본 외무대신과 회담했다.",
            ["이정호"],
            ["JPN", "KOR"],
        ),
    ],
)
def test_a_visit_written_as_a_participle_is_made_by_those_it_describes(
    korex: extractor.Extractor, text: str, visitors: list[str], countries: list[str]
) -> None:
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert visit.countries == countries
    assert [p.name for p in visit.participants] == visitors  # the host in the clause is no visitor


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("김민재 대통령은 12일 독일 총리와 회담을 가졌다.", EventType.SUMMIT),
        ("김민재 대통령은 12일 독일 총리와 양자회담을 했다.", EventType.SUMMIT),
        ("윤하늘 국무총리는 12일 독일 총리와 회담했다.", EventType.SUMMIT),
        ("김수진 외교부 장관은 12일 독일 외교장관과 회담을 가졌다.", EventType.TALKS),
    ],
)
def test_talks_held_by_a_head_of_state_are_a_summit(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    found = events(korex, text, doc_date="2025-05-12")
    assert [(e.type, e.countries) for e in found] == [(kind, ["DEU", "KOR"])]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("김 장관은 캐나다·멕시코 외교장관과 3자 회담을 가졌다.", ["CAN", "KOR", "MEX"]),
        ("푸틴 러시아 대통령은 이날 일본 총리와 정상회담을 가졌다.", ["JPN", "RUS"]),
        ("조 차관은 오늘 인도 외교차관과 통화했다.", ["IND", "KOR"]),
    ],
)
def test_the_side_met_and_the_subjects_side(
    korex: extractor.Extractor, text: str, countries: list[str]
) -> None:
    (event,) = events(korex, text)
    assert event.countries == countries


@pytest.mark.parametrize(
    ("second", "kind", "countries"),
    [
        (
            "김 대통령은 23일 타지키스탄 국빈 방문에 나선다. 양국 정상은 두샨베에서 정상회담을 연다.",
            EventType.SUMMIT,
            ["KOR", "TJK"],
        ),
        (
            "김 대통령은 이어 24일 카자흐스탄을 공식 방문해 정상회담을 갖는다.",
            EventType.SUMMIT,
            ["KAZ", "KOR"],
        ),
        (
            "김 대통령은 25일 헝가리를 방문한다. 방문 기간 중 양국은 원자력 협력 양해각서를 체결한다.",
            EventType.AGREEMENT,
            ["HUN", "KOR"],
        ),
    ],
)
def test_an_event_naming_no_party_is_between_those_of_the_event_just_before(
    korex: extractor.Extractor, second: str, kind: EventType, countries: list[str]
) -> None:
    text = "김 대통령은 19일 라오스를 공식 방문해 비엔티안에서 라오스 주석과 회담을 한다.\n\n" + second
    found = of_type(events(korex, text), kind)
    assert countries in [e.countries for e in found]
    assert all(e.countries != ["KOR", "LAO"] for e in found[1:])


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("백악관은 14일 성명을 내고 양국의 합의를 환영한다고 밝혔다.", ["USA"]),
        ("일본 외무성은 이날 대변인 담화를 발표했다.", ["JPN"]),
        (
            "조국평화통일위원회 대변인은 14일 남조선의 훈련과 관련하여 다음과 같은 성명을 발표하였다.",
            ["PRK"],
        ),
        ("러시아 외무부는 이날 성명에서 미국 국무장관 방문 중 여러 현안이 논의될 것이라고 밝혔다.", ["RUS"]),
        ("북한 김여정 노동당 부부장은 지난 13일 담화를 내고 연합훈련을 비난했다.", ["PRK"]),
    ],
)
def test_a_statement_is_its_issuers(korex: extractor.Extractor, text: str, issuer: list[str]) -> None:
    (statement,) = of_type(events(korex, text), EventType.STATEMENT)
    assert statement.countries == issuer


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("조선민주주의인민공화국 외무성 보도국장 담화\n미국은 무모한 훈련을 멈춰야 한다.", ["PRK"]),
        ("일본 외무성 보도관 담화\n일본 정부는 한국과의 협력을 강화해 나갈 것이다.", ["JPN"]),
        ("우크라이나 민간시설 공격 관련 외교부 대변인 논평\n정부는 어제 발생한 공격을 규탄한다.", ["KOR"]),
    ],
)
def test_a_statement_named_by_a_title_line(korex: extractor.Extractor, text: str, issuer: list[str]) -> None:
    (statement,) = of_type(events(korex, text), EventType.STATEMENT)
    assert statement.countries == issuer


def test_a_line_with_a_predicate_before_a_statement_word_is_no_title(korex: extractor.Extractor) -> None:
    text = "다음은 미국이 문제 삼은 담화\n정부는 대화에 나설 것을 촉구했다."
    assert of_type(events(korex, text), EventType.STATEMENT) == []


def test_the_country_of_the_venue_is_no_party(korex: extractor.Extractor) -> None:
    text = "양국 외교장관은 14일 스위스 제네바에서 회담했다. 앞서 두 사람은 지난달 스웨덴에서 만났다."
    doc = korex.extract(text, doc_date="2025-03-14")
    assert all("CHE" not in e.countries and "SWE" not in e.countries for e in doc.events)


def test_a_country_naming_another_event_of_the_clause_is_no_party(korex: extractor.Extractor) -> None:
    text = "이집트 순방을 마친 뒤 황 차관은 31일 앙골라로 이동해 국방장관과 면담한다."
    found = events(korex, text, doc_date="2025-03-27")
    assert [e.countries for e in of_type(found, EventType.TALKS)] == [["AGO", "KOR"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "강 장관은 동아시아정상회의(EAS) 국방장관회의 참석차 태국을 방문 중이다.",
            [(EventType.CONFERENCE, ["KOR", "THA"]), (EventType.VISIT, ["KOR", "THA"])],
        ),
        (
            "김 차관은 20일 국방장관회의에 참석하기 위해 라오스를 방문할 예정이다.",
            [(EventType.CONFERENCE, ["KOR", "LAO"]), (EventType.VISIT, ["KOR", "LAO"])],
        ),
        (
            "김 대통령은 G20 정상회의와 APEC 정상회의 참석차 인도와 페루를 방문한다.",
            [
                (EventType.SUMMIT, ["IND", "KOR"]),
                (EventType.SUMMIT, ["KOR", "PER"]),
                (EventType.VISIT, ["IND", "KOR"]),
                (EventType.VISIT, ["KOR", "PER"]),
            ],
        ),
    ],
)
def test_a_meeting_a_trip_is_made_to_attend_is_held_where_it_goes(
    korex: extractor.Extractor, text: str, expected: list[tuple[EventType, list[str]]]
) -> None:
    assert [(e.type, e.countries) for e in events(korex, text)] == expected


def test_a_meeting_attended_before_a_trip_is_not_held_where_it_goes(korex: extractor.Extractor) -> None:
    text = "윌슨 장관은 캐나다에서 개최되는 G7 재무장관회의에 들른 다음 멕시코를 찾을 계획이다."
    (conference,) = of_type(events(korex, text), EventType.CONFERENCE)
    assert "MEX" not in conference.countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "김민재 대통령과 살림 대통령은 아랍에미리트(UAE) 두바이에서 단독회담을 열었다.",
            ["ARE", "KOR"],
        ),
        ("김민재 대통령은 카타르 도하에서 타밈 국왕과 정상회담을 했다.", ["KOR", "QAT"]),
        ("조현우 장관은 요르단에서 아이만 사파디 부총리와 회담을 가졌다.", ["JOR", "KOR"]),
    ],
)
def test_a_leader_of_no_stated_country_met_in_his_country_is_the_hosts(
    korex: extractor.Extractor, text: str, countries: list[str]
) -> None:
    (meeting,) = events(korex, text)
    assert meeting.countries == countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "우루과이 외교장관은 12일까지 국립묘지 헌화, 조선소 방문 등을 소화한 후 출국한다.",
            ["KOR", "URY"],
        ),
        ("케냐 대통령 일행은 15일 판교의 기술 기업들을 방문했다.", ["KEN", "KOR"]),
    ],
)
def test_a_foreign_visitors_visit_with_no_destination_is_to_korea(
    korex: extractor.Extractor, text: str, countries: list[str]
) -> None:
    text = "정부는 한국과의 협력을 강조했다. " + text
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert visit.countries == countries


def test_in_a_text_not_about_korea_a_visit_gets_no_korean_destination(korex: extractor.Extractor) -> None:
    text = "미국 국무부 부대변인은 7일 장관의 이번 방문이 대화 채널 유지를 위한 것이라고 설명했다."
    assert all("KOR" not in v.countries for v in of_type(events(korex, text), EventType.VISIT))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "장원삼 코이카 이사장은 바시루 파예 세네갈 대통령, 폴 카가메 르완다 대통령을 연이어 만났다.",
            [["KOR", "RWA"], ["KOR", "SEN"]],
        ),
        ("박영수 코이카 이사는 4일 탄자니아 산업부 장관과 면담했다.", [["KOR", "TZA"]]),
        ("이집트 순방을 마친 뒤 황 차관은 31일 앙골라 국방장관을 만났다.", [["AGO", "KOR"]]),
    ],
)
def test_the_body_of_the_one_who_meets_is_a_party(
    korex: extractor.Extractor, text: str, expected: list[list[str]]
) -> None:
    found = [e for e in events(korex, text, doc_date="2024-06-04") if e.type is not EventType.VISIT]
    assert sorted(e.countries for e in found) == expected


@pytest.mark.parametrize(
    "text",
    [
        "최영수 국방부 차관은 8일 방산포럼 참석차 방문한 쩐반떤 베트남 국방차관과 만나 회담했다.",
        "조현우 외교부 장관은 8일 포럼에 참석하기 위해 방한한 베트남 외교차관을 접견했다.",
        "김민수 국방부 차관은 8일 국제회의 참석차 방문 중인 베트남 국방차관과 면담했다.",
    ],
)
def test_a_visit_made_to_attend_a_meeting_here(korex: extractor.Extractor, text: str) -> None:
    visits = of_type(events(korex, text, doc_date="2017-09-08"), EventType.VISIT)
    assert [v.countries for v in visits] == [["KOR", "VNM"]]


def test_koreas_meeting_abroad_with_no_other_party_named_is_with_the_host(korex: extractor.Extractor) -> None:
    text = "윤 대통령은 지난 11일 키르기스스탄 수도 비슈케크에서 정상회담을 했다."
    assert [e.countries for e in of_type(events(korex, text), EventType.SUMMIT)] == [["KGZ", "KOR"]]


def test_a_meeting_of_two_foreign_sides_in_a_third_country_gets_no_host(korex: extractor.Extractor) -> None:
    text = "프랑스 대통령은 스위스 제네바에서 이란 대통령과 정상회담을 열 계획이다."
    assert [e.countries for e in of_type(events(korex, text), EventType.SUMMIT)] == [["FRA", "IRN"]]


def test_a_meeting_naming_too_few_parties_takes_the_trip_just_before(korex: extractor.Extractor) -> None:
    text = (
        "김 대통령은 21일 몽골을 국빈 방문한다.\n\n"
        "김 대통령은 23일 타지키스탄을 국빈 방문한다. 김 대통령은 또 경제협력위원회 합동회의에 참석한다."
    )
    found = of_type(events(korex, text), EventType.CONFERENCE)
    assert [e.countries for e in found] == [["KOR", "TJK"]]


def test_a_meeting_of_many_takes_no_partner_of_the_bilaterals_before_it(korex: extractor.Extractor) -> None:
    text = (
        "강 장관은 필리핀 마닐라를 방문 중이다. "
        "강 장관은 5일 브루나이, 싱가포르와 잇달아 양자 회담을 가졌다. "
        "강 장관은 6일 외교장관회의에 참석한다."
    )
    found = of_type(events(korex, text), EventType.CONFERENCE)
    assert all("BRN" not in e.countries and "SGP" not in e.countries for e in found)


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("조현 외교부 장관은 9일 오후 워싱턴에서 마코 루비오 국무장관과 회담했다.", ["KOR", "USA"]),
        ("외교장관은 이날 오전 청사에서 왕이 외교부장과 회담을 가졌다.", ["CHN", "KOR"]),
        (
            "조현 장관은 10일 서울에서 방한 중인 마코 루비오 국무장관과 회담을 갖고 협력을 논의했다.",
            ["KOR", "USA"],
        ),
    ],
)
def test_a_known_official_is_a_party_when_no_country_is_written(
    korex: extractor.Extractor, text: str, countries: list[str]
) -> None:
    talks = of_type(events(korex, text, doc_date="2025-09-10"), EventType.TALKS)
    assert [e.countries for e in talks] == [countries]


def test_a_known_official_alone_makes_no_foreign_event(korex: extractor.Extractor) -> None:
    assert events(korex, "조현 외교부 장관은 9일 국회에서 예산안을 설명하고 회의를 주재했다.") == []


@pytest.mark.parametrize(
    ("text", "kind", "countries"),
    [
        (
            "조선중앙통신에 의하면 조선과 러시아는 14일 모스크바에서 회담을 진행하였다.",
            EventType.TALKS,
            ["PRK", "RUS"],
        ),
        (
            "조선중앙통신에 의하면 공화국 정부 대표단은 14일 평양을 출발하여 중국으로 향하였다.",
            EventType.VISIT,
            ["CHN", "PRK"],
        ),
        ("남조선 외교부 장관이 이달 초 일본행각에 나섰다.", EventType.VISIT, ["JPN", "KOR"]),
        ("로동신문은 미국 국무장관의 지난주 남조선 행각을 비난하였다.", EventType.VISIT, ["KOR", "USA"]),
    ],
)
def test_the_norths_usage_names_its_parties(
    korex: extractor.Extractor, text: str, kind: EventType, countries: list[str]
) -> None:
    assert [e.countries for e in of_type(events(korex, text), kind)] == [countries]


@pytest.mark.parametrize(
    "text",
    [
        "조선시대 외교 문서를 다룬 한일 학술회의가 14일 도쿄에서 열렸다.",
        "그는 오랜 행각 끝에 산사에 도착했다.",
    ],
)
def test_outside_the_norths_usage_its_words_name_no_party(korex: extractor.Extractor, text: str) -> None:
    assert all("PRK" not in e.countries for e in events(korex, text))


@pytest.mark.parametrize(
    ("text", "kind", "countries"),
    [
        (
            "6월 북미 정상 간의 첫 만남을 앞두고, 올해 초 한-러 정상간 전화통화에서 나온 구상도 다룬다.",
            EventType.PHONE_CALL,
            ["KOR", "RUS"],
        ),
        (
            "미국은 지난달 한일 외교장관 간 통화에서 나온 제안을 환영했다.",
            EventType.PHONE_CALL,
            ["JPN", "KOR"],
        ),
        ("북미 정상 간의 첫 만남은 12일 싱가포르에서 열렸다.", EventType.SUMMIT, ["PRK", "USA"]),
    ],
)
def test_the_countries_before_the_leaders_who_meet_are_the_parties(
    korex: extractor.Extractor, text: str, kind: EventType, countries: list[str]
) -> None:
    assert [e.countries for e in of_type(events(korex, text), kind)] == [countries]


def test_a_meeting_with_one_leader_is_no_summit(korex: extractor.Extractor) -> None:
    text = "김 장관은 14일 자카르타에서 인도네시아 대통령을 면담했다."
    assert {e.type for e in events(korex, text)} == {EventType.TALKS}


@pytest.mark.parametrize(
    "text",
    [
        "한-베트남 정상회담 결과를 설명하겠습니다. 찐 주석님의 이번 국빈 방한은 뜻깊습니다.",
        "한-캐나다 정상회담이 열렸다. 총리의 이번 방한은 수교 60주년을 기념하는 것이다.",
        "한-가나 정상회담이 14일 열렸다. 대통령의 공식 방한은 양국 관계의 이정표다.",
    ],
)
def test_a_visit_here_by_a_leader_of_no_stated_country_is_the_main_partners(
    korex: extractor.Extractor, text: str
) -> None:
    (summit,) = of_type(events(korex, text), EventType.SUMMIT)
    assert [v.countries for v in of_type(events(korex, text), EventType.VISIT)] == [summit.countries]


def test_a_visit_named_as_a_series_topic_is_no_event(korex: extractor.Extractor) -> None:
    text = "한-캐나다 정상회담이 열렸다. 방한은 정상외교의 중요한 수단이다."
    assert of_type(events(korex, text), EventType.VISIT) == []


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("김 대통령은 2026 G20 정상회의 의장국인 미국의 대통령과 통화했다.", ["USA"]),
        ("올해 APEC 정상회의 개최를 앞두고 의장국인 페루의 외교장관이 방한했다.", ["PER"]),
        ("김 장관은 ARF 의장국인 라오스의 외교장관을 만났다.", ["LAO"]),
    ],
)
def test_a_meeting_named_by_its_chair_has_the_chair_alone(
    korex: extractor.Extractor, text: str, host: list[str]
) -> None:
    many = [e for e in events(korex, text) if e.type in (EventType.SUMMIT, EventType.CONFERENCE)]
    assert all(e.countries == host for e in many)


def test_a_meeting_attended_keeps_the_attendee(korex: extractor.Extractor) -> None:
    text = "김 대통령은 15일 페루 리마에서 열린 APEC 정상회의에 참석했다."
    (summit,) = of_type(events(korex, text), EventType.SUMMIT)
    assert "KOR" in summit.countries


@pytest.mark.parametrize(
    "text",
    [
        "올레그 페트로프 러시아 대통령과 다나카 히로시 일본 총리가 10일 정상회담을 가졌다. "
        "이날 국제경제회의 참석을 위해 하바롭스크를 방문해 마주 앉은 두 정상은 "
        "회담을 마친 뒤 공동 회견에 나섰다.",
        "에마뉘엘 르블랑 프랑스 대통령은 15일 마리오 로시 이탈리아 총리와 파리에서 회담했다. "
        "양국 정상은 회담 이후 공동 기자회견을 가졌다.",
        "미국 국무부는 존 밀러 장관이 다음 주 인도를 방문해 라지브 싱 인도 외교장관과 회담한다고 밝혔다. "
        "밀러 장관의 이번 방문은 취임 후 처음이다.",
    ],
)
def test_a_text_naming_no_korean_side_gives_korea_no_part(korex: extractor.Extractor, text: str) -> None:
    found = events(korex, text)
    assert found
    assert all("KOR" not in e.countries and len(e.countries) == 2 for e in found)


def test_the_guest_of_two_leaders_visiting_is_the_side_not_visited(korex: extractor.Extractor) -> None:
    text = (
        "올레그 페트로프 러시아 대통령과 다나카 히로시 일본 총리가 10일 정상회담을 가졌다. "
        "이날 국제경제회의 참석을 위해 하바롭스크를 방문해 마주 앉은 두 정상은 "
        "회담을 마친 뒤 공동 회견에 나섰다."
    )
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert visit.countries == ["JPN", "RUS"]


def test_a_visit_named_again_by_its_visitor_is_the_trip(korex: extractor.Extractor) -> None:
    text = (
        "미국 국무부는 존 밀러 장관이 다음 주 인도를 방문해 라지브 싱 인도 외교장관과 회담한다고 밝혔다. "
        "마크 존스 국무부 대변인은 밀러 장관의 이번 방문은 취임 후 처음이라고 말했다."
    )
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert (visit.countries, [p.name for p in visit.participants]) == (["IND", "USA"], ["존 밀러"])


def test_a_clause_with_its_own_subject_has_its_own_visitor(korex: extractor.Extractor) -> None:
    text = (
        "리웨이 중국 외교부장은 지난해 11월 방한할 예정이었으나 이를 연기한다고 통보했으며, "
        "사흘 뒤 왕창 중국 국무위원이 방한했었다."
    )
    (visit,) = of_type(events(korex, text, doc_date="2011-02-22"), EventType.VISIT)
    assert [p.name for p in visit.participants] == ["왕창"]


def test_a_visit_first_since_another_act_is_no_act_done_after(korex: extractor.Extractor) -> None:
    text = "정부 대변인은 라지브 싱 인도 외교장관의 이번 방한이 취임 후 처음이라고 말했다."
    (visit,) = events(korex, text)
    assert (visit.countries, [p.name for p in visit.participants]) == (["IND", "KOR"], ["라지브 싱"])


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("양국 정상은 30일 프랑스 파리에서 개막한 ‘기후변화협약 당사국 총회’에서 따로 만났다.", "FRA"),
        ("양국 장관은 케냐 나이로비에서 '유엔 환경총회' 개막에 앞서 회담했다.", "KEN"),
        ("양측 대표는 스위스 제네바에서 개최된 국제노동기구 총회에 함께 참석했다.", "CHE"),
    ],
)
def test_the_place_a_conference_opens_in_hosts_it(korex: extractor.Extractor, text: str, host: str) -> None:
    found = events(korex, "한국과 미국은 협력을 확대하기로 했다. " + text)
    (conference,) = of_type(found, EventType.CONFERENCE)
    assert host in conference.countries


def test_the_venue_of_a_meeting_of_two_is_no_party(korex: extractor.Extractor) -> None:
    text = "리웨이 중국 국무원 총리와 스즈키 마사오 일본 총리가 12일 부산에서 양자 정상회담을 했다."
    (summit,) = events(korex, text)
    assert summit.countries == ["CHN", "JPN"]


def test_people_of_two_other_countries_are_the_pair_of_a_text_naming_no_korean_side(
    korex: extractor.Extractor,
) -> None:
    text = (
        "리웨이 중국 국가주석이 21일 김철민 북한 국무위원장과 회견했다. "
        "리웨이 주석은 이번 방문이 우호적인 분위기 속에서 진행됐다고 말했다."
    )
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert visit.countries == ["CHN", "PRK"]
    assert visit.location is not None and visit.location.country == "PRK"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "김 장관은 12일부터 벨기에를 방문한다. 김 장관은 13일 브뤼셀에서 EU 집행위원과 면담한다.",
            EventType.TALKS,
        ),
        ("김 장관은 뉴욕을 방문 중이다. 김 장관은 이날 유엔 사무총장과 통화했다.", EventType.PHONE_CALL),
        (
            "이 장관은 14일 프랑스를 방문한다. 이 장관은 15일 경제협력개발기구(OECD) 사무총장과 면담한다.",
            EventType.TALKS,
        ),
    ],
)
def test_a_meeting_with_an_international_bodys_people_takes_no_country_from_around(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    assert [e.countries for e in of_type(events(korex, text), kind)] == [["KOR"]]


def test_a_meeting_with_a_countrys_official_after_a_visit_is_with_that_country(
    korex: extractor.Extractor,
) -> None:
    text = "박 차관은 독일을 방문해 독일 외교차관과 회담했다. 이어 독일 국방차관과도 면담했다."
    assert [e.countries for e in of_type(events(korex, text), EventType.TALKS)] == [["DEU", "KOR"]] * 2
