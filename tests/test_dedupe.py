"""Cross-document grouping: reports of one real event become one group that keeps every source."""

from __future__ import annotations

import extractor
from extractor.dedupe import dates_agree, group_ids

RELEASE = (
    "김민준 외교부 제2차관은 4.10.(목) 서울에서 카를로스 로페스(Carlos Lopez) 멕시코 외교부 차관과 "
    "제5차 한-멕시코 정책협의회를 개최하였다."
)
NEWS = "외교부는 지난 10일 서울에서 한-멕시코 정책협의회가 열렸다고 밝혔다. 양측은 교역 확대에 합의했다."
OTHER = "김민준 외교부 제2차관은 4.22.(화) 마리아 곤살레스 주한멕시코대사를 접견하였다."


def test_two_reports_of_one_meeting_form_one_group(korex: extractor.Extractor) -> None:
    docs = [
        korex.extract(RELEASE, doc_date="2025-04-10", source="release.txt"),
        korex.extract(NEWS, doc_date="2025-04-11", source="news.txt"),
        korex.extract(OTHER, doc_date="2025-04-22", source="other.txt"),
    ]
    groups = extractor.dedupe(docs)
    consultations = [g for g in groups if g.type.value == "CONSULTATION"]
    assert len(consultations) == 1
    (group,) = consultations
    assert group.countries == ["KOR", "MEX"]
    assert group.date == "2025-04-10"
    assert group.round == 5
    assert group.name == "제5차 한-멕시코 정책협의회"
    assert {ref.source for ref in group.refs} == {"release.txt", "news.txt"}
    assert sum(len(d.events) for d in docs) == sum(len(g.refs) for g in groups)
    ids = group_ids(groups)
    assert ids[(docs[0].id, 0)] == ids[(docs[1].id, 0)] == group.id


def test_undated_reports_join_only_by_name_and_round() -> None:
    from extractor.models import Document, Event, EventFormat, EventType

    def doc(name: str | None, doc_id: str) -> Document:
        event = Event(
            type=EventType.COURTESY_CALL, format=EventFormat.BILATERAL, countries=["CHN", "KOR"], name=name
        )
        return Document(id=doc_id, text="", events=[event])

    assert len(extractor.dedupe([doc(None, "a"), doc(None, "b")])) == 2
    assert len(extractor.dedupe([doc("신임 대사 접견", "a"), doc("신임 대사 접견", "b")])) == 1


def test_dates_agree() -> None:
    assert dates_agree("2025-04-10", "2025-04-11", window_days=1)
    assert not dates_agree("2025-04-10", "2025-04-13", window_days=1)
    assert dates_agree("2025-04", "2025-04-10", window_days=0)
    assert dates_agree("2025", "2025-04-10", window_days=0)
    assert not dates_agree(None, "2025-04-10", window_days=1)
