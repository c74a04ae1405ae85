"""Finding triggers: which meeting terms the text reports as events (extractor/events/triggers.py)."""

from __future__ import annotations

import pytest
from eventkit import events, of_type

import extractor
from extractor.events.clauses import Sentences
from extractor.models import EventType


@pytest.mark.parametrize(
    "text",
    [
        "교육부는 오늘 제2차 교육정책위원회 회의를 개최하였다.",  # domestic: no foreign country
        "※ 한-캐나다 외교장관회의는 2015년 출범한 협의체이다.",  # a series described, not an event
        "정부는 캐나다와 각급 협의를 지속해 나가기로 하였다.",  # consultations in general
        "양국은 사회보장협정의 연내 타결을 위해 노력하기로 하였다.",  # an agreement named, not signed
        "외교부는 한-캐나다 관계에 관한 자료를 배포하였다.",
    ],
)
def test_no_event_where_none_is_reported(korex: extractor.Extractor, text: str) -> None:
    assert events(korex, text) == []


def test_a_relative_clause_visit_is_part_of_the_courtesy_call(korex: extractor.Extractor) -> None:
    found = events(korex, "박서진 제1차관은 부임 인사차 방문한 마이클 던 주한캐나다대사를 접견하였다.")
    assert [e.type for e in found] == [EventType.COURTESY_CALL]


def test_an_event_done_before_another_is_reported(korex: extractor.Extractor) -> None:
    text = (
        "정하늘 외교부 한반도정책국장과 미국 국무부 대북고위관리는 전날 화상으로 협의한 뒤 "
        "공동성명을 발표하였다."
    )
    found = {e.type: e for e in events(korex, text)}
    assert set(found) == {EventType.CONSULTATION, EventType.JOINT_STATEMENT}
    consultation = found[EventType.CONSULTATION]
    assert consultation.salience.value == "mentioned"
    assert consultation.date == "2025-03-13"
    assert [p.name for p in consultation.participants] == ["정하늘", None]


def test_receiving_a_courtesy_call(korex: extractor.Extractor) -> None:
    (call,) = events(
        korex, "최유진 외교부 제1차관은 오전 마이클 던 주한캐나다대사의 예방을 받고 협력을 논의하였다."
    )
    assert (call.type, call.countries) == (EventType.COURTESY_CALL, ["CAN", "KOR"])


def test_a_visit_under_way(korex: extractor.Extractor) -> None:
    found = events(
        korex, "이집트를 공식 방문 중인 한서연 외교부 제2차관은 오늘 카이로에서 협정에 서명하였다."
    )
    assert {e.type for e in found} >= {EventType.VISIT, EventType.AGREEMENT}


def test_a_signing_ceremony(korex: extractor.Extractor) -> None:
    found = events(korex, "양국 정상 임석하에 한-태국 간 3건의 양해각서 서명식이 진행되었다.")
    assert [(e.type, e.countries) for e in found] == [(EventType.AGREEMENT, ["KOR", "THA"])]


@pytest.mark.parametrize("joined", ["오찬을 겸한 회담", "만찬 겸 회담"])
def test_a_meal_joined_to_a_meeting_is_one_event(korex: extractor.Extractor, joined: str) -> None:
    text = f"조현우 외교부 장관은 9.22.(월) 서울에서 프랑스 외교장관과 {joined}을 가졌다."
    (talks,) = of_type(events(korex, text, doc_date="2025-09-22"), EventType.TALKS)
    assert (talks.countries, talks.date, talks.trigger) == (["FRA", "KOR"], "2025-09-22", "회담")


def test_staff_sent_abroad_is_no_visit(korex: extractor.Extractor) -> None:
    text = "정부는 9.3.(수) 지진 피해를 입은 베트남에 긴급구호대와 의료진을 파견하였다."
    assert of_type(events(korex, text, doc_date="2025-09-08"), EventType.VISIT) == []


@pytest.mark.parametrize(
    "text",
    [
        "박서윤 대통령은 다음 달 인도를 국빈 방문할 예정이다.",
        "외교부 장관은 내주 인도를 방문할 계획이라고 밝혔다.",
        "정부 대표단은 오는 20일 인도를 방문할 예정인 것으로 알려졌다.",
    ],
)
def test_a_planned_visit_is_reported(korex: extractor.Extractor, text: str) -> None:
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert visit.countries == ["IND", "KOR"]


@pytest.mark.parametrize(
    ("text", "salience"),
    [
        ("한 장관은 14일 밤 중국 외교부장과 전화 통화를 했다.", "main"),
        ("최 차관은 14일 중국 외교차관과 통화를 하고 협력 방안을 논의했다.", "main"),
        ("김 장관은 14일 중국 외교부장과 전화 협의를 했다.", "main"),
        ("양 장관은 지난달에도 중국 외교부장과 통화한 바 있다.", "mentioned"),
        ("이 장관은 중국 외교부장과 조만간 통화를 하기로 했다.", "mentioned"),
    ],
)
def test_a_call_done_with_the_light_verb_hada(korex: extractor.Extractor, text: str, salience: str) -> None:
    found = events(korex, text)
    assert [(e.type, e.countries, e.salience.value) for e in found] == [
        (EventType.PHONE_CALL, ["CHN", "KOR"], salience)
    ]


def test_hada_after_a_word_about_a_meeting_reports_no_meeting(korex: extractor.Extractor) -> None:
    text = "대변인은 중국과의 회담 결과에 대해 설명했다."
    assert of_type(events(korex, text), EventType.TALKS) == []


@pytest.mark.parametrize(
    ("text", "kind", "countries", "salience"),
    [
        (
            "조 장관은 14일 베를린에서 독일 외교장관과 만나 양국 협력 방안을 논의했다.",
            EventType.TALKS,
            ["DEU", "KOR"],
            "main",
        ),
        ("최 외무상은 이날 모스크바에서 러시아 외무장관을 만났다.", EventType.TALKS, ["KOR", "RUS"], "main"),
        ("김 차관은 다음 주 인도 외교차관과 만날 예정이다.", EventType.TALKS, ["IND", "KOR"], "main"),
        (
            "김민재 대통령은 14일 독일 총리와 만나 공급망 협력을 논의했다.",
            EventType.SUMMIT,
            ["DEU", "KOR"],
            "main",
        ),
    ],
)
def test_a_meeting_reported_by_the_verb_manada(
    korex: extractor.Extractor, text: str, kind: EventType, countries: list[str], salience: str
) -> None:
    found = events(korex, text)
    assert [(e.type, e.countries, e.salience.value) for e in found] == [(kind, countries, salience)]


@pytest.mark.parametrize(
    "text",
    [
        "외교부 당국자는 14일 기자들과 만나 한일 관계를 설명했다.",
        "시진핑 중국 주석과 일본 총리는 14일 만나 중일 정상회담을 개최했다.",
    ],
)
def test_manada_with_no_foreign_partner_or_before_a_term_is_no_meeting_of_its_own(
    korex: extractor.Extractor, text: str
) -> None:
    assert all(not e.trigger.startswith("만") for e in events(korex, text))


@pytest.mark.parametrize(
    ("text", "countries", "salience"),
    [
        ("김 장관은 14일 자카르타로 출국했다.", ["IDN", "KOR"], "main"),
        ("박 차관보는 15일 베이징으로 향할 예정이다.", ["CHN", "KOR"], "main"),
        ("이 대통령은 방문 일정을 마치고 14일 이집트로 출발했다.", ["EGY", "KOR"], "main"),
        ("황 차관은 14일 앙골라로 이동해 국방장관과 면담한다.", ["AGO", "KOR"], "main"),
    ],
)
def test_a_departure_to_a_country_is_a_visit(
    korex: extractor.Extractor, text: str, countries: list[str], salience: str
) -> None:
    visits = of_type(events(korex, text), EventType.VISIT)
    assert [(v.countries, v.salience.value) for v in visits] == [(countries, salience)]


@pytest.mark.parametrize(
    "text",
    [
        "마르티네스 파라과이 국방장관은 일정을 마친 뒤 8일 출국할 예정이다.",
        "류 부장은 27일 베이징으로 귀국하는 것으로 전해졌다.",
    ],
)
def test_leaving_or_going_home_is_no_visit(korex: extractor.Extractor, text: str) -> None:
    assert of_type(events(korex, text), EventType.VISIT) == []


@pytest.mark.parametrize(
    ("text", "salience"),
    [
        ("양국은 14일 인도네시아와 해양협력 양해각서(MOU)를 맺었다.", "main"),
        ("정부는 지난해 인도네시아와 해양협력 양해각서를 체결한 바 있다.", "mentioned"),
        ("두 장관은 인도네시아 측과 양해각서 체결식을 마친 뒤 기념촬영을 했다.", "mentioned"),
    ],
)
def test_an_agreement_concluded_or_signed_before(
    korex: extractor.Extractor, text: str, salience: str
) -> None:
    found = of_type(events(korex, text), EventType.AGREEMENT)
    assert [(e.countries, e.salience.value) for e in found] == [(["IDN", "KOR"], salience)]


@pytest.mark.parametrize(
    "text",
    [
        "양국은 인도네시아와의 경제동반자협정 체결을 통해 교역을 확대해 나가기로 했다.",
        "인도네시아와의 원자력협정 개정 협상 이후 양국 관계가 개선되었다.",
    ],
)
def test_an_agreement_named_as_an_aim_or_a_topic_is_no_signing(korex: extractor.Extractor, text: str) -> None:
    assert of_type(events(korex, text), EventType.AGREEMENT) == []


@pytest.mark.parametrize(
    "text",
    [
        "윤 장관은 14일 중국 외교부장과 전화 통화를 갖고 한반도 정세에 대해 협의했다.",
        "두 정상은 14일 정상회담에서 중국과의 경제 협력 방안에 대해 협의하고 의견을 교환했다.",
        "양측은 일본 측과의 회담에서 기후 관련 현안도 함께 협의했다.",
    ],
)
def test_what_a_meeting_covered_is_no_consultation_of_its_own(korex: extractor.Extractor, text: str) -> None:
    assert of_type(events(korex, text), EventType.CONSULTATION) == []


def test_a_consultation_with_someone_named_is_one(korex: extractor.Extractor) -> None:
    text = "정 국장은 14일 중국 외교부 국장과 화상으로 협의했다."
    assert [e.countries for e in of_type(events(korex, text), EventType.CONSULTATION)] == [["CHN", "KOR"]]


@pytest.mark.parametrize(
    "text",
    [
        "한-베트남 국방전략대화는 2012년 이후 매년 개최되고 있다.",
        "한미 양국은 핵협의그룹을 통해 확장억제를 강화하기로 했다.",
        "양국은 국장급 이상 협의 채널을 재가동하기로 했다.",
        "양국은 앞으로 후속 협의를 통해 구체적 방안을 모색하기로 했다.",
    ],
)
def test_standing_arrangements_and_bodies_are_no_events(korex: extractor.Extractor, text: str) -> None:
    assert events(korex, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "한국과 일본은 나토 정상회의와 외교장관회의에 3년 연속 초청된 바 있다.",
        "호주 총리는 한국 정부의 초청으로 G20 정상회의에 4년 연속 참석했다.",
        "한국과 호주는 아세안 외교장관회의, 동아시아정상회의에 2년 연속 함께 참석했다.",
    ],
)
def test_meetings_attended_years_running_are_no_one_event(korex: extractor.Extractor, text: str) -> None:
    assert events(korex, text) == []


def test_a_run_of_days_leaves_the_meeting_an_event(korex: extractor.Extractor) -> None:
    text = "김 장관은 12일 뉴욕에서 일본 외무상과 회담을 갖고 이틀 연속 협의를 이어갔다."
    assert [e.countries for e in of_type(events(korex, text), EventType.TALKS)] == [["JPN", "KOR"]]


def test_the_meeting_a_run_of_years_counts_is_an_event(korex: extractor.Extractor) -> None:
    text = "박 총리는 2022년 독일 엘마우 정상회의에 이어 올해도 3년 연속 G7 정상회의에 초청받아 참석했다."
    assert any(e.name == "G7 정상회의" for e in events(korex, text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("김 장관은 12일 중국 외교부장과 회담을 갖고 6자회담의 재개 방안을 논의했다.", EventType.TALKS),
        ("양국 외교장관은 북미 정상회담의 성사 여부에 대해 의견을 나눴다.", EventType.SUMMIT),
        ("양측은 한중 전략대화의 재가동을 위해 협력하기로 했다.", EventType.STRATEGIC_DIALOGUE),
    ],
)
def test_a_meeting_whose_resumption_is_discussed_is_no_event(
    korex: extractor.Extractor, text: str, kind: EventType
) -> None:
    assert [e.name for e in of_type(events(korex, text), kind) if e.name] == []


def test_talks_held_while_a_resumption_is_discussed_are_an_event(korex: extractor.Extractor) -> None:
    text = "한중 외교장관은 12일 베이징에서 회담을 갖고 6자회담 재개 방안을 논의했다."
    assert [e.date for e in of_type(events(korex, text), EventType.TALKS)] == ["2025-03-12"]


def test_an_agreement_to_be_concluded_is_no_signing(korex: extractor.Extractor) -> None:
    text = "한국과 일본은 연내 투자협정 협상을 타결하기로 했다."
    assert of_type(events(korex, text), EventType.AGREEMENT) == []


@pytest.mark.parametrize(
    "text",
    [
        "양국 외교장관은 내년 상반기 일본에서 전략대화를 개최하기로 합의했다.",
        "두 장관은 일본과의 전략대화를 조속히 개최하기 위해 노력하기로 했다.",
        "양측은 일본과 전략대화를 정례적으로 열기로 했다.",
    ],
)
def test_a_meeting_decided_on_is_still_to_come(korex: extractor.Extractor, text: str) -> None:
    assert all(e.salience.value == "mentioned" for e in events(korex, text))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("[국방]\n\n▲ 이 장관, 국외공무출장(8~10일 일본)\n", "JPN"),
        ("[외교]\n\n▲ 박 차관, 공무출장(∼12일, 베트남 하노이)\n", "VNM"),
        ("[통상]\n\n▲ 최 장관, 해외공무출장(∼7일, 인도 뉴델리)\n", "IND"),
    ],
)
def test_an_official_trip_in_a_schedule_is_a_visit(
    korex: extractor.Extractor, text: str, country: str
) -> None:
    found = of_type(events(korex, text, doc_date="2025-03-05"), EventType.VISIT)
    assert [e.countries for e in found] == [sorted([country, "KOR"])]


def test_a_report_on_a_trip_in_a_schedule_is_no_visit(korex: extractor.Extractor) -> None:
    assert events(korex, "[외교]\n\n▲ 박 차관, 출장 결과 보고(10:00 청사)\n", doc_date="2025-03-05") == []


SCHEDULE = """[외교·안보]

▲ 조현우 장관, 메콩 외교장관회의 참석(∼6일, 라오스 비엔티안)

▲ 통일부, 필립 존슨 신임 주한 미국대사 면담(10:30 정부서울청사)

▲ 김민수 부산시장
15:00 주부산 일본 총영사 예방(부산시청)
16:00 시정 조정회의(대회의실)
"""


def test_the_items_of_a_days_schedule_are_events(korex: extractor.Extractor) -> None:
    found = events(korex, SCHEDULE, doc_date="2025-08-05")
    assert [(e.type, e.countries) for e in found] == [
        (EventType.CONFERENCE, ["KOR", "LAO"]),
        (EventType.TALKS, ["KOR", "USA"]),
        (EventType.COURTESY_CALL, ["JPN", "KOR"]),
    ]  # the city's own meeting names no party: it is none of these


def test_a_visit_before_hyeobui_leaves_it_a_consultation(korex: extractor.Extractor) -> None:
    text = "김 국장은 14일 베이징을 방문하여 중국 외교부 국장과 협의했다."
    assert [e.countries for e in of_type(events(korex, text), EventType.CONSULTATION)] == [["CHN", "KOR"]]


@pytest.mark.parametrize(
    "text",
    [
        "두 정상은 13일 회담한다. 반도체 대화체 신설과 네덜란드와의 MOU 체결 등이 예정이다.",
        "양국 정상 임석 하에 한-네덜란드 원자력 협력 양해각서 서명식도 예정돼 있다.",
        "양국은 네덜란드와 원자력 협력 양해각서에 서명할 예정이다.",
    ],
)
def test_a_signing_scheduled_is_an_agreement(korex: extractor.Extractor, text: str) -> None:
    assert [e.countries for e in of_type(events(korex, text), EventType.AGREEMENT)] == [["KOR", "NLD"]]


def test_a_signing_as_an_aim_is_none(korex: extractor.Extractor) -> None:
    text = "양국은 네덜란드와 원자력 협정 체결을 위해 노력하기로 했다."
    assert of_type(events(korex, text), EventType.AGREEMENT) == []


def test_a_visit_participle_whose_object_is_a_place_a_word_away(korex: extractor.Extractor) -> None:
    text = "최 부총리는 회의 참석차 미국 워싱턴D.C.를 방문중인 가운데 재무장관과 회담했다."
    assert [v.countries for v in of_type(events(korex, text), EventType.VISIT)] == [["KOR", "USA"]]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("김 대통령은 20일 오후 키르기스스탄 비슈케크에 도착했다.", ["KGZ", "KOR"]),
        ("순방 중인 김 대통령은 사흘째 카타르에 머물고 있다.", ["KOR", "QAT"]),
        ("김 대통령을 태운 공군 1호기가 20일 몰디브에 안착했다.", ["KOR", "MDV"]),
    ],
)
def test_arriving_or_staying_in_a_country_is_a_visit(
    korex: extractor.Extractor, text: str, countries: list[str]
) -> None:
    assert [v.countries for v in of_type(events(korex, text), EventType.VISIT)] == [countries]


def test_arriving_at_home_is_no_visit(korex: extractor.Extractor) -> None:
    text = "일정을 마친 김 대통령은 20일 서울공항에 도착했다. 이번 순방에서 캐나다와 협정을 체결했다."
    assert of_type(events(korex, text), EventType.VISIT) == []


@pytest.mark.parametrize(
    "text",
    [
        "양국은 이번 회담을 계기로 인도네시아와 7건의 양해각서를 교환했다.",
        "인도네시아와 총 12건의 MOU 체결을 통해 협력의 기반을 마련했다.",
    ],
)
def test_a_count_of_agreements_says_they_were_concluded(korex: extractor.Extractor, text: str) -> None:
    assert [e.countries for e in of_type(events(korex, text), EventType.AGREEMENT)] == [["IDN", "KOR"]]


@pytest.mark.parametrize(
    "text",
    [
        "이번 국장급 회의를 통해 3국은 정상회의 일정 등을 협의할 예정이라고 밝혔다.",
        "양측은 다음 주 회담에서 관세 문제를 집중적으로 협의할 계획이다.",
        "두 장관은 통화에서 공급망 협력 방안을 협의하기로 했다.",
    ],
)
def test_a_plan_to_discuss_at_another_meeting_is_no_consultation(
    korex: extractor.Extractor, text: str
) -> None:
    assert of_type(events(korex, text), EventType.CONSULTATION) == []


def test_a_plan_to_consult_someone_is_a_consultation(korex: extractor.Extractor) -> None:
    text = "김 차관은 내일 일본 외무성 심의관과 수출 규제 문제를 협의할 예정이다."
    assert [e.countries for e in of_type(events(korex, text), EventType.CONSULTATION)] == [["JPN", "KOR"]]


@pytest.mark.parametrize(
    "text",
    [
        "한-필리핀 공동위원회 위원장인 김철 차관은 필리핀 외교차관과 통화했다.",
        "행사에는 박영호 재일 한인기업협의회장과 일본 외무성 국장이 함께했다.",
        "6자회담 수석대표인 이 본부장은 미국 국무부 특별대표와 통화했다.",
    ],
)
def test_a_meeting_term_in_someones_title_is_no_event(korex: extractor.Extractor, text: str) -> None:
    kinds = {e.type for e in events(korex, text)}
    assert not kinds & {EventType.CONSULTATION, EventType.TALKS}


def test_a_meeting_whose_chair_is_named_after_it_is_still_held(korex: extractor.Extractor) -> None:
    text = "양국은 14일 마닐라에서 한-필리핀 공동위원회를 열었다. 위원장은 김철 차관이 맡았다."
    assert [e.countries for e in of_type(events(korex, text), EventType.CONSULTATION)] == [["KOR", "PHL"]]


@pytest.mark.parametrize(
    "text",
    [
        "최 차관보는 12일 '제7차 한-일 협력 포럼 준비를 위한 한-일 고위관리회의'를 화상으로 열었다.",
        "양국은 '2026 한-캐나다 정상회담 후속 조치 점검을 위한 국장급 협의'를 서울에서 가졌다.",
        "정부는 3일 '한-호주 외교장관회의 의제 협의를 위한 실무회의'를 캔버라에서 개최했다.",
    ],
)
def test_only_the_head_of_a_quoted_name_is_its_event(korex: extractor.Extractor, text: str) -> None:
    assert len(events(korex, text)) == 1


def test_a_meeting_right_before_the_head_of_a_quoted_name_is_its_occasion(
    korex: extractor.Extractor,
) -> None:
    text = "양국은 '한-호주 정상회담 공동성명'을 채택했다."
    assert {e.type for e in events(korex, text)} == {EventType.SUMMIT, EventType.JOINT_STATEMENT}


@pytest.mark.parametrize(
    "text",
    [
        '최 차관보는 "2010년 창설된 한-일 협력 포럼이 양국 교류의 중심이 됐다"고 말했다.',
        "양국은 2015년 발족한 한-베트남 공동위원회를 중심으로 협력해 왔다.",
        "2012년 설립된 한-인도 협력위원회가 교류의 틀이 되어 왔다.",
    ],
)
def test_a_series_described_as_founded_is_no_meeting(korex: extractor.Extractor, text: str) -> None:
    assert events(korex, text) == []


def test_a_meeting_described_as_held_is_one(korex: extractor.Extractor) -> None:
    text = "지난 5월 도쿄에서 열린 한-일 협력 포럼에서 양측은 협력을 다짐했다."
    assert [e.countries for e in of_type(events(korex, text), EventType.CONFERENCE)] == [["JPN", "KOR"]]


@pytest.mark.parametrize(
    "text",
    [
        "이 장관은 다음 달 미국 방문을 계획했으나 국내 현안으로 출장을 보류했다.",
        "한일 외교장관 회담은 아직 추진되지 않고 있다.",
        "양제리 중국 외교부장은 다음 달 방한할 예정이었으나 일정상의 이유로 방한을 연기했다.",
        "정부는 이달 말로 예정됐던 한중 전략대화를 취소했다.",
        "올해 한일 국장급 협의는 끝내 열리지 못했다.",
    ],
)
def test_a_meeting_called_off_or_not_held_is_no_event(korex: extractor.Extractor, text: str) -> None:
    assert events(korex, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "김 장관은 14일 일본 외무대신과 회담을 갖고 합의하지 못했다.",
        "김 장관은 15일 일본 외무대신과 회담했으나 회담 뒤 만찬은 취소됐다.",
        "한일 국장급 협의가 예정대로 열렸으며 연기 요청은 없었다.",
    ],
)
def test_a_meeting_held_stays_when_something_else_is_called_off(
    korex: extractor.Extractor, text: str
) -> None:
    assert [e.countries for e in events(korex, text)] == [["JPN", "KOR"]]


@pytest.mark.parametrize(
    "text",
    [
        "한국과 캐나다는 지난 2007년 FTA 협상을 시작했으나 쟁점 때문에 교착 상태에 빠졌다.",
        "두 정상은 이란 핵협상 결과를 환영했다.",
        "한일 투자협정 협상은 2012년 한일 정상회담에서 합의된 것이다.",
    ],
)
def test_negotiations_as_a_process_are_no_meeting(korex: extractor.Extractor, text: str) -> None:
    assert of_type(events(korex, text), EventType.TALKS) == []
    assert of_type(events(korex, text), EventType.AGREEMENT) == []


def test_negotiations_held_with_a_side_are_talks(korex: extractor.Extractor) -> None:
    text = "김 본부장은 14일 워싱턴에서 미국 무역대표부 대표와 관세 협상을 가졌다."
    assert [e.countries for e in of_type(events(korex, text), EventType.TALKS)] == [["KOR", "USA"]]


@pytest.mark.parametrize(
    "text",
    [
        "서 차관은 터키 국방부를 방문해 알파이 터키 국방차관과 방산협력 증진 방안을 논의했다.",
        "김 대사는 14일 페루 외교차관과 광물 분야 협력 확대를 논의했다.",
        "박 장관은 이날 리마에서 페루 통상장관과 자유무역협정 개선 방향을 논의했다.",
    ],
)
def test_a_discussion_with_a_foreign_official_is_a_meeting(korex: extractor.Extractor, text: str) -> None:
    assert len(of_type(events(korex, text), EventType.TALKS)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "김 장관은 14일 일본 외무대신과 회담을 갖고 협력 방안을 논의했다.",
        "김 국장과 일본 외무성 국장은 상호 관심사를 논의했다.",
    ],
)
def test_what_a_meeting_discussed_or_its_pair_is_no_second_meeting(
    korex: extractor.Extractor, text: str
) -> None:
    assert len(events(korex, text)) <= 1


@pytest.mark.parametrize(
    ("text", "kind", "countries", "date"),
    [
        (
            "알렉세이 모로조프 러시아 대통령은 2017년 한스 페테르센 덴마크 총리와의 회담에도 "
            "한 시간가량 늦었다.",
            EventType.SUMMIT,
            ["DNK", "RUS"],
            "2017",
        ),
        (
            "이도윤 외교부 장관은 지난 5월 마리아 곤살레스 칠레 외교장관과의 회담을 떠올리며 "
            "협력을 강조했다.",
            EventType.TALKS,
            ["CHL", "KOR"],
            "2024-05",
        ),
        (
            "그는 지난해 10월 아메드 칼릴 이집트 외교차관과의 통화도 소개했다.",
            EventType.PHONE_CALL,
            ["EGY", "KOR"],
            "2024-10",
        ),
    ],
)
def test_a_meeting_written_with_the_person_met_is_an_event(
    korex: extractor.Extractor, text: str, kind: EventType, countries: list[str], date: str
) -> None:
    (found,) = events(korex, text)
    assert (found.type, found.countries, found.date) == (kind, countries, date)


def test_a_meeting_with_a_country_named_without_a_predicate_is_a_topic(korex: extractor.Extractor) -> None:
    assert events(korex, "김민수 장관은 이집트와의 회담에 기대를 나타냈다.") == []


def test_a_dropped_subject_is_the_actor_of_the_sentence_before(korex: extractor.Extractor) -> None:
    text = (
        "알렉세이 모로조프 러시아 대통령은 회의에 늦기로 유명하다. "
        "지난해 핀란드에서 열린 행사 때에도 늦었으며 2016년 한스 페테르센 덴마크 총리와의 회담에는 "
        "두 시간 지각하기도 했다."
    )
    (summit,) = of_type(events(korex, text), EventType.SUMMIT)
    assert summit.countries == ["DNK", "RUS"]
    assert [p.name for p in summit.participants] == ["알렉세이 모로조프", "한스 페테르센"]


@pytest.mark.parametrize(
    ("text", "destination", "date"),
    [
        ("김 대통령은 지난 8~9일 미국 시애틀을 방문했을 땐 동포 간담회를 열었다.", "USA", "2025-03-08"),
        ("마쓰다 겐지 일본 총리가 2006년 중국을 방문했을 때 두 나라는 이 방침을 확인했다.", "CHN", "2006"),
        ("박 장관은 지난달 베트남을 방문했을 때에도 같은 입장을 밝혔다.", "VNM", "2025-02"),
    ],
)
def test_a_visit_made_when_something_else_happened_is_an_event(
    korex: extractor.Extractor, text: str, destination: str, date: str
) -> None:
    (visit,) = of_type(events(korex, text), EventType.VISIT)
    assert destination in visit.countries and len(visit.countries) == 2
    assert (visit.date, visit.salience.value) == (date, "mentioned")


def test_whenever_a_visit_is_made_is_no_visit(korex: extractor.Extractor) -> None:
    assert events(korex, "박 장관은 베트남을 방문할 때마다 같은 입장을 밝힌다.") == []


def test_bilateral_meetings_with_partners_only_counted_are_no_event(korex: extractor.Extractor) -> None:
    text = "한국수출입은행은 중남미 장관급 인사를 포함해 12개국과 양자회담을 열었다고 전했다."
    assert of_type(events(korex, text), EventType.TALKS) == []


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("리웨이 중국 국가주석은 21일 영빈관에서 김철민 북한 국무위원장과 회견했다.", ["CHN", "PRK"]),
        ("올레그 페트로프 러시아 대통령은 이날 크렘린궁에서 리명수 북한 외무상과 회견했다.", ["PRK", "RUS"]),
        ("왕칭 중국 국가주석은 이날 리영철 북한 총리와 회견하며 협력을 논의했다.", ["CHN", "PRK"]),
    ],
)
def test_a_meeting_reported_as_hoegyeon_with_someone_is_an_event(
    korex: extractor.Extractor, text: str, countries: list[str]
) -> None:
    (meeting,) = events(korex, text)
    assert meeting.type in (EventType.TALKS, EventType.SUMMIT) and meeting.countries == countries


@pytest.mark.parametrize(
    "text",
    [
        "존 밀러 미국 대통령은 이날 기자회견을 열고 관세 문제를 설명했다.",
        "존 밀러 미국 대통령은 회견에서 입장을 밝혔다.",
    ],
)
def test_a_press_conference_is_no_meeting(korex: extractor.Extractor, text: str) -> None:
    assert events(korex, text) == []


@pytest.mark.parametrize(
    "unit",
    ["한-칠레 외교장관 회담 ", "한중 외교차관 전략대화 ", "제5차 한-몽골 정책협의회, "],
)
def test_a_run_of_terms_without_stops_is_read_item_by_item(korex: extractor.Extractor, unit: str) -> None:
    doc = korex.nlp(unit * 40)
    spans = Sentences.of_doc(doc).spans
    assert len(spans) >= 30
    assert all(len(doc.text[s.start_char : s.end_char]) <= 2 * len(unit) for s in spans)


def test_a_written_sentence_naming_several_meetings_stays_whole(korex: extractor.Extractor) -> None:
    text = (
        "김 장관은 이번 순방 기간 한-칠레 외교장관 회담, 한-페루 외교장관 회담, 한-멕시코 정책협의회, "
        "한-콜롬비아 공동위원회, 한-에콰도르 차관 협의, 한-파나마 외교장관 회담에 잇따라 참석했다."
    )
    assert len(Sentences.of_doc(korex.nlp(text)).spans) == 1
