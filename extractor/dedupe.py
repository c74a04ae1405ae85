"""Cross-document deduplication: one group per real event, however many documents report it.

GDELT removes only exact duplicates; the Phoenix pipeline keeps one (date, source, target, event)
per day. korex groups records of the same type and parties whose dates agree (equal, within a few
days, or one the month or year of the other) and whose rounds do not differ. A record without a
date of its own is grouped by its document's date (the record keeps no date). A record that has
neither joins a dated group only when both give the same name and round, and never a group that
already holds such a record: three spokesperson statements of unknown dates are three statements.
Every group keeps every source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

from pydantic import Field, PrivateAttr

from extractor.models import (
    CountryCode,
    Document,
    Event,
    EventFormat,
    EventType,
    Location,
    PartialDate,
    Participant,
    Record,
)


class EventRef(Record):
    """Where a grouped record comes from: the document and the event's position in it."""

    document_id: str
    index: int = Field(ge=0)
    source: str | None = None
    salience: str


class EventGroup(Record):
    """One real event and every record of it; its fields are the most precise any record gives."""

    id: str
    type: EventType
    countries: list[CountryCode]
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    round: int | None = None
    name: str | None = None
    location: Location | None = None
    participants: list[Participant] = Field(default_factory=list)
    refs: list[EventRef] = Field(default_factory=list)
    _reported_on: str | None = PrivateAttr(default=None)
    _holds_undated: bool = PrivateAttr(default=False)

    def grouping_date(self) -> str | None:
        """The date the group is compared by: its own, else that of the document that first reported it."""
        return self.date or self._reported_on


def _day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if len(value) == 10 else None


def dates_agree(a: str | None, b: str | None, window_days: int) -> bool:
    """Both dates known and equal, within `window_days`, or one the month or year of the other."""
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    first, second = _day(a), _day(b)
    return first is not None and second is not None and abs((first - second).days) <= window_days


def _squash(name: str | None) -> str:
    return "".join(ch for ch in name or "" if ch.isalnum())


def same_event(group: EventGroup, event: Event, window_days: int, doc_date: str | None = None) -> bool:
    """Whether `event`, reported in a document of `doc_date`, reports the event `group` stands for."""
    if group.type is not event.type or group.countries != sorted(event.countries):
        return False
    if group.round and event.round and group.round != event.round:
        return False
    ours, theirs = group.grouping_date(), event.date or doc_date
    if ours and theirs:
        return dates_agree(ours, theirs, window_days)
    if not theirs and group._holds_undated:
        return False
    named = _squash(group.name) and _squash(group.name) == _squash(event.name)
    return bool(named) and group.round == event.round


def _group_id(event: Event, doc_date: str | None, groups: Sequence[EventGroup]) -> str:
    """An id from the event's type, parties, date and round; a suffix keeps apart groups that share them
    (undated events that never group)."""
    key = "|".join(
        [
            event.type.value,
            ",".join(sorted(event.countries)),
            event.date or doc_date or "",
            str(event.round or ""),
        ]
    )
    base = "event-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    taken = {group.id for group in groups}
    group_id, n = base, 1
    while group_id in taken:
        n += 1
        group_id = f"{base}-{n}"
    return group_id


def _absorb(group: EventGroup, event: Event) -> None:
    """Take what `event` knows more precisely than the group does."""
    if event.date and (not group.date or len(event.date) > len(group.date)):
        group.date = event.date
    group.end_date = group.end_date or event.end_date
    group.round = group.round or event.round
    if event.name and (not group.name or len(event.name) > len(group.name)):
        group.name = event.name
    if event.location and (group.location is None or (event.location.city and not group.location.city)):
        group.location = event.location
    names = {p.name for p in group.participants}
    group.participants += [p for p in event.participants if p.name is None or p.name not in names]


def _place(groups: list[EventGroup], event: Event, window_days: int, doc_date: str | None) -> EventGroup:
    """The group `event` belongs to, made if none fits yet, with what `event` adds to it."""
    group = next((g for g in groups if same_event(g, event, window_days, doc_date)), None)
    if group is None:
        group = EventGroup(
            id=_group_id(event, doc_date, groups), type=event.type, countries=sorted(event.countries)
        )
        group._reported_on = doc_date
        groups.append(group)
    group._holds_undated = group._holds_undated or not (event.date or doc_date)
    _absorb(group, event)
    return group


def dedupe(documents: Iterable[Document], *, window_days: int = 1) -> list[EventGroup]:
    """Group the events of `documents` into real events, in the order they are first reported."""
    groups: list[EventGroup] = []
    for document in documents:
        for index, event in enumerate(document.events):
            ref = EventRef(
                document_id=document.id, index=index, source=document.source, salience=event.salience.value
            )
            _place(groups, event, window_days, document.doc_date).refs.append(ref)
    return groups


def group_rows(
    rows: Iterable[tuple[str, Sequence[str], str | None, int | None, str | None, str | None]],
    *,
    window_days: int = 1,
) -> list[str]:
    """The group id of each `(type, countries, date, round, name, doc_date)` row of an events table."""
    groups: list[EventGroup] = []
    ids = []
    for kind, countries, date, number, name, doc_date in rows:
        event = Event(
            type=kind,
            format=EventFormat.for_parties(len(countries)),
            countries=sorted(countries),
            date=date,
            round=number,
            name=name,
        )
        ids.append(_place(groups, event, window_days, doc_date).id)
    return ids


def group_ids(groups: Iterable[EventGroup]) -> dict[tuple[str, int], str]:
    """`(document_id, event index) → group id`, for an events table's `event_group` column."""
    return {(ref.document_id, ref.index): group.id for group in groups for ref in group.refs}
