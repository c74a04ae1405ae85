"""Name shapes in news prose: each construction in three wordings, and one that must not match.

Every sentence here is written for these tests, in the style of Korean news and press releases.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import extractor
from extractor.linker import southern
from extractor.rules.words import HANGUL


def names(ex: extractor.Extractor, text: str) -> list[str]:
    return [p.name for p in ex.extract(text).persons]


# (construction, sentence, the name it must give)
FOUND = [
    ("hyphenated given name", "장-이브 르드리앙 프랑스 외교장관은 성명을 냈다.", "장-이브 르드리앙"),
    ("hyphenated given name", "장관은 장-마르크 에로 프랑스 총리와 만났다.", "장-마르크 에로"),
    ("hyphenated given name", "마리-엘렌 뒤부아 캐나다 국제개발부 장관이 방한했다.", "마리-엘렌 뒤부아"),
    ("bin and al", "무함마드 빈 살만 사우디아라비아 왕세자가 서울에 도착했다.", "무함마드 빈 살만"),
    (
        "bin and al",
        "정부는 압둘라 빈 자이드 알 나흐얀 아랍에미리트 외교장관과 회담했다.",
        "압둘라 빈 자이드 알 나흐얀",
    ),
    ("bin and al", "공항에는 알 하마르 주한카타르대사가 나왔다.", "알 하마르"),
    ("syllable chain", "응우옌 쑤언 푹 베트남 국가주석은 만찬을 주최했다.", "응우옌 쑤언 푹"),
    ("syllable chain", "장관은 하노이에 도착해 응웬 치 빙 베트남 국방차관과 만났다.", "응웬 치 빙"),
    ("syllable chain", "주한 베트남 응웬 부 뚜언 대사가 시청을 방문했다.", "응웬 부 뚜언"),
    ("first syllable a Korean word", "또 럼 베트남 당서기장은 국빈 방한했다.", "또 럼"),
    ("first syllable a Korean word", "대통령은 이날 또 럼 베트남 국가주석과 통화했다.", "또 럼"),
    ("first syllable a Korean word", "회담에는 또 럼 서기장이 참석했다.", "또 럼"),
    ("split by Kiwi", "스티븐 비건 미국 국무부 부장관이 방한했다.", "스티븐 비건"),
    ("split by Kiwi", "차관은 스티븐 비건 국무부 대북특별대표와 전화로 협의했다.", "스티븐 비건"),
    ("split by Kiwi", "장관은 장-마르크 에로 프랑스 총리와 오찬을 했다.", "장-마르크 에로"),
    (
        "brackets",
        "「아흐마드 빈 칼리드(Ahmad bin Khalid)」 바레인 외교장관이 방한했다.",
        "아흐마드 빈 칼리드",
    ),
    ("brackets", "면담에는 ‘도 바 띠’ 前 국회부의장이 참석했다.", "도 바 띠"),
    ("brackets", "대통령은 가나의 「코피 멘사 아산테」 대통령과 만났다.", "코피 멘사 아산테"),
    (
        "original with an initial",
        "김민준 장관은 26일 오후 존 케리(John F. Kerry) 국무장관과 통화했다.",
        "존 케리",
    ),
    ("original with an initial", "워싱턴 존 케리(John F. Kerry) 국무장관은 기자회견을 했다.", "존 케리"),
    (
        "original with an initial",
        "이날 오전 마이클 폼페이오(Michael R. Pompeo) 국무장관이 도착했다.",
        "마이클 폼페이오",
    ),
    ("line break", "정례 브리핑\n\n문재인 대통령은 오늘 출국했다.", "문재인"),
    ("line break", "기사수정\n\n박근혜 대통령이 남미를 순방한다.", "박근혜"),
    ("line break", "정의당\n\n이은정 비상대책위원장은 회의를 열었다.", "이은정"),
    ("unknown ministry", "이고르 페트로프 러시아 극동·북극개발부 장관은 회의에 참석했다.", "이고르 페트로프"),
    ("unknown ministry", "세르게이 이바노프 경제개발부 장관과 면담했다.", "세르게이 이바노프"),
    ("unknown ministry", "장관은 파울로 실바 브라질 광업에너지부 장관과 만났다.", "파울로 실바"),
    ("portfolio", "김민수 전략기획조정 차관보는 회의를 주재했다.", "김민수"),
    ("portfolio", "안드레이 볼코프 아태담당 차관을 면담했다.", "안드레이 볼코프"),
    ("portfolio", "살렘 알 마리(Salem Al Marri) 쿠웨이트 에너지 담당 국무장관을 접견했다.", "살렘 알 마리"),
    ("portfolio", "박지훈 경제수석과 이현우 홍보수석이 배석했다.", "박지훈"),
    ("portfolio", "최민호 안보실 1차장이 브리핑했다.", "최민호"),
    ("portfolio", "제임스 브라운 NSC 보좌관은 기자들에게 말했다.", "제임스 브라운"),
    ("double title", "앨리슨 후커 국무부 부장관 겸 대북특별대표가 방한했다.", "앨리슨 후커"),
    ("double title", "파벨 소콜로프(Pavel Sokolov) 부총리겸 시베리아전권대표를 만났다.", "파벨 소콜로프"),
    ("double title", "이민호 부총리 겸 기획재정부 장관은 회의를 열었다.", "이민호"),
    (
        "international organisation",
        "안토니우 구테흐스 유엔(UN) 사무총장은 성명을 발표했다.",
        "안토니우 구테흐스",
    ),
    (
        "international organisation",
        "크리스탈리나 게오르기에바 IMF 총재가 방한했다.",
        "크리스탈리나 게오르기에바",
    ),
    ("international organisation", "장관은 마크 뤼터 나토 사무총장과 통화했다.", "마크 뤼터"),
    ("residence", "싱하이밍 주한 중국대사는 외교부를 방문했다.", "싱하이밍"),
    ("residence", "조태용 주미 대사는 이날 국무부를 찾았다.", "조태용"),
    ("residence", "야마다 겐이치 주한 일본대사 등이 참석했다.", "야마다 겐이치"),
    ("domestic politics", "국민의힘 김영훈 의원은 이날 기자회견을 열었다.", "김영훈"),
    ("domestic politics", "민주당 이정민 원내대표는 회의를 주재했다.", "이정민"),
    ("domestic politics", "대통령실 박소영 대변인은 브리핑에서 밝혔다.", "박소영"),
    ("domestic politics", "정의당 김미정 대표는 성명을 냈다.", "김미정"),
    ("domestic politics", "회의에는 최유나 정무비서관이 배석했다.", "최유나"),
    ("appositive title", "대통령 특사인 존 스미스는 서울에 도착했다.", "존 스미스"),
    ("appositive title", "정부 특사인 마이클 브라운(Michael Brown) 전 의원이 출국했다.", "마이클 브라운"),
    ("appositive title", "중국 측 차석대표인 류젠밍(劉建明) 참사관이 동행했다.", "류젠밍"),
    ("Korean name that is a word", "외교부 조현 차관은 이날 회의를 열었다.", "조현"),
    ("Korean name that is a word", "외교부 정한 국장은 협의를 가졌다.", "정한"),
    ("Korean name that is a word", "외교부 한결 과장이 참석했다.", "한결"),
    ("Korean name that is a word", "외교부 조명 국장이 발표했다.", "조명"),
    ("Korean name that is a word", "정한 외교부 국장은 협의를 가졌다.", "정한"),
    ("Korean name that is a word", "오늘 최정한 외교부 아시아태평양국장이 입장했다.", "최정한"),
    ("caption", "최태식(왼쪽) SK 회장이 악수하고 있다.", "최태식"),
    ("caption", "이재호(왼쪽 두번째) 대한전자 회장과 인사했다.", "이재호"),
    ("caption", "피터 베커(맨 오른쪽) ASML 회장이 설명했다.", "피터 베커"),
    ("unknown body", "하따 경제조정부 장관과 만났다.", "하따"),
    ("unknown body", "임명규 도의회 의장 등이 참석했다.", "임명규"),
    ("unknown body", "마샤오린 중국 인민해방군 부참모장과 회담했다.", "마샤오린"),
    ("aged", "수석 합격의 영예는 경제외교 분야 한지우(27세, 남)씨에게 돌아갔다.", "한지우"),
    ("aged", "사고로 박준호(45)씨가 다쳤다.", "박준호"),
    ("aged", "이날 이수민(31·회사원)씨가 증언했다.", "이수민"),
    ("regional title after a name", "대사는 23일 송하진 지사를 면담했다.", "송하진"),
    ("regional title after a name", "김영록 지사는 일본 대표단을 맞았다.", "김영록"),
    ("regional title after a name", "이날 박형준 시장이 환영사를 했다.", "박형준"),
    ("after a bound noun of time", "장관은 다음 주 존 밀러 미국 국무장관과 만난다.", "존 밀러"),
    ("after a bound noun of time", "이번 주 마리아 로페스 스페인 외교장관이 방한한다.", "마리아 로페스"),
    ("after a bound noun of time", "차관은 지난 달 응우옌 반 뚜언 외교차관과 통화했다.", "응우옌 반 뚜언"),
]


@pytest.mark.parametrize(("construction", "text", "name"), FOUND)
def test_names_are_found_whatever_their_shape(
    korex: extractor.Extractor, construction: str, text: str, name: str
) -> None:
    assert name in names(korex, text), construction


# (construction, sentence, names that must not come out as a person)
NOT_FOUND = [
    ("hyphen after a country", "한-태평양도서국 정상회의 의장이 개회사를 했다.", None),
    ("Vienna is no particle", "오스트리아 빈 주재 대사가 참석했다.", None),
    ("determiner before a title", "각 부처 장관이 참석했다.", None),
    ("adverb before a short name", "또 시 주석은 연설했다.", "또 시"),
    (
        "verb before a title",
        "협력 강화에 기여할 수 있도록 주한필리핀대사로서 노력하겠다고 말했다.",
        None,
    ),
    ("a quoted word", "정부는 ‘평화’ 특사를 보냈다.", None),
    ("time word", "26일 오후 존 케리 국무장관이 도착했다.", "오후 존 케리"),
    ("line break", "브리핑\n\n대통령은 출국했다.", None),
    ("unknown ministry without a name", "경제개발부 장관은 성명을 냈다.", None),
    ("plain portfolio", "정부는 외교 정책 기획관 회의를 열었다.", None),
    ("international organisation without a name", "유엔 사무총장은 성명을 냈다.", None),
    ("residence", "주한 중국대사는 외교부를 방문했다.", None),
    ("appositive title without a name", "그가 특사인 것으로 알려졌다.", None),
    ("pair word", "양국 외교부 장관은 회담했다.", None),
    ("former", "전직 외교부 장관들이 모였다.", None),
    ("administration", "오바마 행정부 당시 국무부는 성명을 냈다.", None),
    ("era", "바이든 정부 시절 합의가 이뤄졌다.", None),
    ("a word that starts like an official", "신청 자격은 성인으로 한정된다.", None),
    ("particle after a name", "김민준과 미국 국무부 부장관이 만났다.", None),
    ("pronoun", "우리 두 정상은 협력을 논의했다.", None),
    ("company before a caption-less title", "한국전력공사 사장과 원자력공사 사장이 서명했다.", None),
    ("bound noun of time", "다음 주 존 밀러 국무장관이 방한한다.", "주 존 밀러"),
    ("region before a regional title", "고치현 지사가 도청을 찾았다.", None),
    ("portfolio compounded with a place", "캐나다 북극협력 대표는 서울에 도착했다.", None),
    ("portfolio compounded with a place", "양국은 한-캐나다 북극협력 대표 협의를 가졌다.", None),
    ("portfolio compounded with a region", "일본 외무성 아태협력 대사가 참석했다.", None),
]


@pytest.mark.parametrize(("construction", "text", "forbidden"), NOT_FOUND)
def test_no_person_where_the_shape_is_not_a_name(
    korex: extractor.Extractor, construction: str, text: str, forbidden: str | None
) -> None:
    found = names(korex, text)
    if forbidden is None:
        assert found == [], construction
    else:
        assert forbidden not in found, construction


def test_the_place_before_an_original_is_not_swallowed(korex: extractor.Extractor) -> None:
    assert names(korex, "워싱턴 존 케리(John F. Kerry) 국무장관은 회견을 했다.") == ["존 케리"]


def test_residence_is_never_part_of_the_name(korex: extractor.Extractor) -> None:
    for text in ("야마다 겐이치 주한 일본대사 등이 참석했다.", "조태용 주미 대사는 국무부를 찾았다."):
        assert all("주한" not in n and "주미" not in n for n in names(korex, text))


def test_a_list_of_attendees_gives_every_name(korex: extractor.Extractor) -> None:
    assert names(korex, "우리측에서 김태훈 북미국장, 이수진 기획단장이 배석했다.") == ["김태훈", "이수진"]
    assert names(korex, "유럽연합(EU) 주타 라이넨·야넷 레나르 집행위원과 회의를 가졌다.") == [
        "주타 라이넨",
        "야넷 레나르",
    ]
    assert names(korex, "김현주, 루토 여사와 별도로 환담했다.") == ["김현주", "루토"]


def test_a_list_of_countries_is_no_list_of_names(korex: extractor.Extractor) -> None:
    assert names(korex, "미국, 중국 대사들이 참석했다.") == []


@pytest.mark.parametrize(
    ("text", "name", "count"),
    [
        ("박민수 외교부 제1차관은 회담했다. 박 차관은 만족을 표했다.", "박민수", 2),
        ("존 스미스 미국 국무부 부장관과 회담했다. 스미스 부장관은 사의를 표했다.", "존 스미스", 2),
        ("아베 신조 일본 총리와 만났다. 아베 총리님은 감사를 표했다.", "아베 신조", 2),
        ("조코 위도도 인도네시아 대통령이 방한했다. 장관은 위도도 대통령과 회담했다.", "조코 위도도", 2),
        ("마르타 로도도 볼리비아 외교장관이 도착했다. 장관은 로도도 장관과 회담했다.", "마르타 로도도", 2),
    ],
)
def test_a_short_reference_is_a_mention_of_the_person(
    korex: extractor.Extractor, text: str, name: str, count: int
) -> None:
    (person,) = korex.extract(text).persons
    assert person.name == name
    assert len(person.mentions) == count


@pytest.mark.parametrize(
    "text",
    [
        "스미스 장관 방한\n존 스미스 미국 국무장관이 내일 방한한다.",
        "볼코프 외무차관과 회담\n드미트리 볼코프 러시아 외무차관이 평양에 도착했다.",
        "에르도안 대통령 ‘지각’\n레제프 에르도안 터키 대통령이 한 시간 늦게 도착했다.",
    ],
)
def test_a_headlines_surname_is_the_person_the_body_names_in_full(
    korex: extractor.Extractor, text: str
) -> None:
    (person,) = korex.extract(text).persons
    assert " " in person.name
    assert len(person.mentions) == 2


@pytest.mark.parametrize(
    "text",
    [
        "윌리엄 루토 케냐 대통령은 회담했다. 루터 대통령은 감사를 표했다.",
        "안드레아스 슈미트 독일 외교차관과 만났다. 슈미드 차관은 협력을 약속했다.",
        "카를로스 멘데스 칠레 외교장관이 방한했다. 멘데즈 장관은 환영에 감사했다.",
    ],
)
def test_a_misspelt_back_reference_makes_no_new_person(korex: extractor.Extractor, text: str) -> None:
    (person,) = korex.extract(text).persons
    assert len(person.mentions) == 2


def test_a_word_before_a_short_reference_is_not_part_of_it(korex: extractor.Extractor) -> None:
    text = "박진호 외교부 장관은 회의를 열었다. 회의장 가운데 박 장관이 앉았다."
    (person,) = korex.extract(text).persons
    assert person.name == "박진호"
    assert [text[a:b] for a, b in person.mentions] == ["박진호", "박"]


def test_a_surname_with_no_full_name_is_a_person(korex: extractor.Extractor) -> None:
    assert names(korex, "윤 대통령은 이날 기자회견을 열었다.") == ["윤"]
    assert names(korex, "양 장관은 이날 회담을 가졌다.") == []  # 양: both ministers


@pytest.mark.parametrize(
    ("text", "kb_id"),
    [
        ("뿌찐 대통령은 축전을 보냈다.", "person:putin-rus-president"),
        ("울라지미르 뿌찐 동지에게 축전을 보냈다.", "person:putin-rus-president"),
        ("습근평 총서기는 연설했다.", "person:xi-jinping-chn-president"),
    ],
)
def test_north_korean_spellings_link_to_the_same_official(
    korex: extractor.Extractor, text: str, kb_id: str
) -> None:
    assert [p.kb_id for p in korex.extract(text).persons] == [kb_id]


@pytest.mark.parametrize(
    ("north", "south"),
    [("로무현", "노무현"), ("리용호", "이용호"), ("량강도", "양강도"), ("녀성", "여성"), ("뿌찐", "푸친")],
)
def test_southern_spelling(north: str, south: str) -> None:
    assert southern(north) == south


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("조현 장관은 방한 중인 마코 루비오 국무장관을 접견했다.", "마코 루비오", "USA"),
        ("조현 장관은 방한 중인 루비오 장관과 만찬을 함께 했다.", "루비오", "USA"),
        ("박서진 장관은 왕이 외교부장과 회담했다.", "왕이", "CHN"),
        ("외교부 장관은 9일 마코 루비오와 전화 통화를 했다.", "마코 루비오", "USA"),
        ("조현 장관은 7일 외교부 청사에서 회의를 주재했다.", "조현", "KOR"),
    ],
)
def test_a_known_official_is_found_with_their_country(
    korex: extractor.Extractor, text: str, name: str, country: str
) -> None:
    found = {p.name: p for p in korex.extract(text).persons}
    assert found[name].country == country
    assert found[name].kb_id is not None


_WORDS = st.sampled_from(
    [
        "존", "스미스", "빈", "알", "또", "럼", "김민준", "외교부", "미국", "국무부", "장관", "차관",
        "대통령", "주한", "대사", "겸", "특사인", "(", ")", "「", "」", "‘", "’", "-", "·", ",",
        "John", "F.", "의원", "담당", "오후", "정부", "님", "은", "과", "\n", "박", "왼쪽",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.lists(st.sampled_from(["", " "]), min_size=14, max_size=14))
def test_person_mentions_are_clean_spans_of_any_text(
    korex: extractor.Extractor, words: list[str], gaps: list[str]
) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    doc = korex.extract(text)
    spans = sorted((a, b) for p in doc.persons for a, b in p.mentions)
    for a, b in spans:
        written = doc.text[a:b]
        assert written and written == written.strip() and "\n" not in written
    assert all(b <= c for (_, b), (c, _) in pairwise(spans))


@given(st.text(max_size=40))
@example("\u0f93")  # a letter NFC does not rebuild from its parts
@example("가\u11a8 e\u0301")  # a syllable and a final jamo, a letter and its accent: never joined
def test_southern_keeps_length_and_settles(text: str) -> None:
    south = southern(text)
    assert len(south) == len(text)
    assert southern(south) == south
    assert all(a == b for a, b in zip(text, south, strict=True) if not HANGUL.match(a))


def test_southern_respells_northern_syllables_only() -> None:
    assert southern("리용호 로동신문") == "이용호 노동신문"
    assert southern("뿌찐 Ryu") == "푸친 Ryu"
