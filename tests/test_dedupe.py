"""Cross-document grouping: reports of one real event become one group that keeps every source."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor import frames
from extractor.dedupe import EventGroup, _absorb, dates_agree, group_ids, group_rows, same_event
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


def test_grouping_of_the_shared_corpus_is_kept() -> None:
    """The groups, ids included, that the all-pairs grouping gave on `../shared/corpus` (dev then news),
    stored as each event's type, parties, dates and round, its name replaced by a code of the same
    length (the corpus text stays out of the repository)."""
    path = Path(__file__).parent / "data" / "dedupe_corpus.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    documents = [Document.model_validate(d) for d in data["documents"]]
    found = [
        {"id": g.id, "refs": [f"{r.document_id}#{r.index}" for r in g.refs]}
        for g in extractor.dedupe(documents)
    ]
    assert found == data["groups"]


def _linear(documents: list[Document], window_days: int) -> list[tuple[str, list[tuple[str, int]]]]:
    """The definition the indexes keep: each event joins the first group so far that `same_event`
    accepts, compared with every group in order."""
    groups: list[tuple[EventGroup, list[tuple[str, int]]]] = []
    ids: dict[str, int] = {}
    for document in documents:
        for index, event in enumerate(document.events):
            found = next((g for g in groups if same_event(g[0], event, window_days, document.doc_date)), None)
            if found is None:
                base = extractor.dedupe([_doc("x", event, doc_date=document.doc_date)])[0].id
                ids[base] = ids.get(base, 0) + 1
                group = EventGroup(
                    id=base if ids[base] == 1 else f"{base}-{ids[base]}",
                    type=event.type,
                    countries=sorted(event.countries),
                )
                group._reported_on = document.doc_date
                found = (group, [])
                groups.append(found)
            found[0]._holds_undated = found[0]._holds_undated or not (event.date or document.doc_date)
            _absorb(found[0], event)
            found[1].append((document.id, index))
    return [(group.id, refs) for group, refs in groups]


_DATES = [None, "2024", "2025", "2025-03", "2025-04", "2025-03-30", "2025-03-31", "2025-04-01", "2025-04-03"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([EventType.TALKS, EventType.STATEMENT]),
            st.sampled_from([["KOR"], ["JPN", "KOR"], ["KOR", "JPN"]]),
            st.sampled_from(_DATES),
            st.sampled_from([None, "2025-03-31", "2025-04-02", "2025-05-01"]),
            st.sampled_from([None, 3, 4]),
            st.sampled_from([None, "한일 회담", "한일회담", "제3차 한일 외교장관회담"]),
        ),
        max_size=25,
    ),
    st.sampled_from([0, 1, 3]),
)
def test_grouping_is_that_of_comparing_every_event_with_every_group(
    rows: list[tuple[EventType, list[str], str | None, str | None, int | None, str | None]], window_days: int
) -> None:
    documents = [
        _doc(
            f"d{i}",
            Event(
                type=kind,
                format=EventFormat.for_parties(len(countries)),
                countries=countries,
                date=date,
                round=number,
                name=name,
            ),
            doc_date=doc_date,
        )
        for i, (kind, countries, date, doc_date, number, name) in enumerate(rows)
    ]
    groups = extractor.dedupe(documents, window_days=window_days)
    found = [(g.id, [(r.document_id, r.index) for r in g.refs]) for g in groups]
    assert found == _linear(documents, window_days)


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


def _talks(doc_id: str, day: str) -> Document:
    return _doc(doc_id, _event(EventType.TALKS, ["JPN", "KOR"], date=day), doc_date=day)


@pytest.mark.parametrize("enabled", [True, False])
def test_grouping_leaves_the_collector_as_the_caller_had_it(enabled: bool) -> None:
    """The collector is paused only while events are placed: the caller's documents are made with it as
    the caller set it, and it is left so afterwards, after a failure too."""
    states: list[bool] = []

    def documents() -> Iterator[Document]:
        for day in ("2025-04-10", "2025-04-11", "2025-05-02"):
            states.append(gc.isenabled())
            yield _talks(day, day)

    def failing() -> Iterator[Document]:
        yield _talks("a", "2025-04-10")
        raise RuntimeError("the caller's reader failed")

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert len(extractor.dedupe(documents())) == 2
        assert states == [enabled] * 3
        assert gc.isenabled() is enabled
        rows = [("TALKS", ["JPN", "KOR"], "2025-04-10", None, None, None)] * 2
        assert len(set(group_rows(iter(rows)))) == 1
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError):
            extractor.dedupe(failing())
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
