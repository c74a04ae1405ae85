"""Cross-document grouping: reports of one real event become one group that keeps every source."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor import frames
from extractor.dedupe import dates_agree, group_ids
from extractor.models import Document, Event, EventFormat, EventType

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


def _doc(doc_id: str, *events: Event, doc_date: str | None = None) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", doc_date=doc_date, text="", events=list(events))


def _event(kind: EventType, countries: list[str], date: str | None = None, name: str | None = None) -> Event:
    parties = EventFormat.for_parties(len(countries))
    return Event(type=kind, format=parties, countries=countries, date=date, name=name)


def test_undated_statements_never_group() -> None:
    statements = [
        _doc(doc_id, _event(EventType.STATEMENT, ["KOR"], name="외교부 대변인 성명"))
        for doc_id in ("earthquake", "missile-launch", "election")
    ]
    groups = extractor.dedupe(statements)
    assert [len(g.refs) for g in groups] == [1, 1, 1]
    assert len({g.id for g in groups}) == 3
    assert len(set(group_ids(groups).values())) == 3


def test_an_undated_event_is_grouped_by_its_documents_date() -> None:
    call = _event(EventType.PHONE_CALL, ["JPN", "KOR"])
    next_day = [_doc("a", call, doc_date="2025-05-02"), _doc("b", call, doc_date="2025-05-03")]
    (group,) = extractor.dedupe(next_day)
    assert group.date is None  # the document's date groups; it is not the event's date
    months_apart = [_doc("a", call, doc_date="2025-05-02"), _doc("b", call, doc_date="2025-09-30")]
    assert len(extractor.dedupe(months_apart)) == 2
    dated = _doc("c", _event(EventType.PHONE_CALL, ["JPN", "KOR"], date="2025-05-02"))
    (group,) = extractor.dedupe([_doc("a", call, doc_date="2025-05-02"), dated])
    assert group.date == "2025-05-02"


def test_a_record_without_any_date_joins_a_dated_one_only_by_name_and_round() -> None:
    named = _event(EventType.COURTESY_CALL, ["CHN", "KOR"], name="신임 대사 접견")
    dated = _event(EventType.COURTESY_CALL, ["CHN", "KOR"], date="2025-03-12", name="신임 대사 접견")
    assert len(extractor.dedupe([_doc("a", dated), _doc("b", named)])) == 1
    unnamed = _event(EventType.COURTESY_CALL, ["CHN", "KOR"])
    assert len(extractor.dedupe([_doc("a", dated), _doc("b", unnamed)])) == 2
    assert len(extractor.dedupe([_doc("a", named), _doc("b", named)])) == 2
    groups = extractor.dedupe([_doc("a", named), _doc("b", dated), _doc("c", named)])
    assert [[ref.document_id for ref in g.refs] for g in groups] == [["a", "b"], ["c"]]


def _examples() -> tuple[list[Document], list[set[str]]]:
    """The events korex found in `examples/` (types, parties, dates, rounds, names) and their groups."""
    data = json.loads((Path(__file__).parent / "data" / "dedupe_examples.json").read_text(encoding="utf-8"))
    return [Document.model_validate(d) for d in data["documents"]], [set(g) for g in data["groups"]]


def test_grouping_of_the_examples_is_kept() -> None:
    documents, expected = _examples()
    groups = extractor.dedupe(documents)
    found = [{f"{ref.source}#{ref.index}" for ref in g.refs} for g in groups if len(g.refs) > 1]
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))


def test_the_events_table_groups_as_dedupe_does() -> None:
    documents, _ = _examples()
    by_ref = group_ids(extractor.dedupe(documents))
    events = frames.to_frames(documents)["events"]
    table = {(row.doc_id, row.event_idx): row.event_group for row in events.itertuples(index=False)}
    assert table == by_ref


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, "2025-01-01", "2025-01-02", "2025-01", "2025-03-09"]),
            st.sampled_from([None, "2025-01-01", "2025-02-20"]),
            st.sampled_from([None, "대변인 성명"]),
        ),
        max_size=12,
    )
)
def test_every_event_is_in_exactly_one_group_with_a_unique_id(
    rows: list[tuple[str | None, str | None, str | None]],
) -> None:
    documents = [
        _doc(f"d{i}", _event(EventType.STATEMENT, ["KOR"], date=date, name=name), doc_date=doc_date)
        for i, (date, doc_date, name) in enumerate(rows)
    ]
    groups = extractor.dedupe(documents)
    refs = [(ref.document_id, ref.index) for g in groups for ref in g.refs]
    assert sorted(refs) == sorted((d.id, 0) for d in documents)
    assert len({g.id for g in groups}) == len(groups)
    undated = {d.id for d in documents if not d.events[0].date and not d.doc_date}
    assert all(len({ref.document_id for ref in g.refs} & undated) <= 1 for g in groups)


def test_dates_agree() -> None:
    assert dates_agree("2025-04-10", "2025-04-11", window_days=1)
    assert not dates_agree("2025-04-10", "2025-04-13", window_days=1)
    assert dates_agree("2025-04", "2025-04-10", window_days=0)
    assert dates_agree("2025", "2025-04-10", window_days=0)
    assert not dates_agree(None, "2025-04-10", window_days=1)
