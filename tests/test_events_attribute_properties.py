"""Properties of event attributes over arbitrary text built from the pieces the attribute stages read:
names are written in the text, rounds count from one, spans run forward, places have a country."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor

PIECES = st.lists(
    st.sampled_from(
        [
            "정하늘 외교부 장관은",
            "존 밀러 미국 국무장관과",
            "양 정상은",
            "그는",
            "이어",
            "앞서",
            "14일",
            "지난해",
            "오는 18일",
            "26일부터",
            "30일까지",
            "서울 롯데호텔에서",
            "한반도에서",
            "(서울=코리아뉴스)",
            "서울--(코리아와이어)--",
            "‘제7차 한-페루 정책협의회’를",
            "제 6차",
            "6차",
            "첫",
            "한미",
            "한-호주 방산협력",
            "공동위원회를",
            "정상회담을",
            "회담을",
            "방한해",
            "방문한",
            "국빈방문을 마친",
            "△2022년 수교 준비",
            "가졌다.",
            "갖는다.",
            "개최할 예정이다.",
            "검토하고 있다.",
            "밝혔다.",
            '"',
            "\n",
            " ",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(PIECES)
def test_attributes_stay_well_formed(korex: extractor.Extractor, text: str) -> None:
    doc = korex.extract(text, doc_date="2025-03-14")
    squashed = "".join(doc.text.split())
    for event in doc.events:
        if event.name:
            assert "".join(event.name.split()) in squashed
        assert event.round is None or event.round >= 1
        if event.date and event.end_date:
            assert event.date <= event.end_date
        assert event.location is None or event.location.country
        assert doc.text[event.evidence.start : event.evidence.end] == event.evidence.text
