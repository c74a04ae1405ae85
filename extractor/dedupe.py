"""Cross-document deduplication: one group per real event, however many documents report it.

GDELT removes only exact duplicates; the Phoenix pipeline keeps one (date, source, target, event)
per day. korex groups records of the same type and parties whose dates agree (equal, within a few
days, or one the month or year of the other) and whose rounds do not differ. A record without a
date of its own is grouped by its document's date (the record keeps no date). A record that has
neither joins a dated group only when both give the same name and round, and never a group that
already holds such a record: three spokesperson statements of unknown dates are three statements.
Every group keeps every source.

Python's cyclic garbage collector is paused while events are placed (`_collector_paused`), as bulk
loaders commonly do: grouping makes no reference cycles, and the collector's passes over a heap that
grows with the corpus cost more per event the larger the corpus (1.6x from 1,000 to 100,000 events,
`benchmarks/grouping.py`), not the comparisons themselves.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import heapq
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

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


def _group_key(event: Event, doc_date: str | None) -> str:
    """The id of a group before any suffix: a hash of the event's type, parties, date and round."""
    key = "|".join(
        [
            event.type.value,
            ",".join(sorted(event.countries)),
            event.date or doc_date or "",
            str(event.round or ""),
        ]
    )
    return "event-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


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


NameKey = tuple[str, int | None]
T = TypeVar("T")


class _Shelf:
    """The groups of one type and set of parties, indexed so that an event is compared only with the
    groups `same_event` may accept: those whose date agrees with its own, and those with its name and
    round that the name alone may join (a group without a date, for a dated event; a group not yet
    holding an undated record, for an undated one)."""

    def __init__(self) -> None:
        self.groups: list[EventGroup] = []
        #: Group positions, in order of creation, by exact date and by the year and the month of their
        #: date. A group whose date changes is filed under the new one too (the old entry stays and is
        #: checked like any candidate).
        self.on: dict[str, list[int]] = {}
        self.in_year: dict[str, list[int]] = {}
        self.in_month: dict[str, list[int]] = {}
        #: Positions by name and round: of the groups without a date, and of those holding no undated
        #: record (with the keys each is filed under, to take it out when it comes to hold one).
        self.dateless: dict[NameKey, list[int]] = {}
        self.open: dict[NameKey, list[int]] = {}
        self.open_keys: dict[int, set[NameKey]] = {}

    def find(self, event: Event, window_days: int, doc_date: str | None) -> int | None:
        """The position of the first group (in order of creation) that `event` reports, as
        `same_event` decides."""
        seen: set[int] = set()
        for i in heapq.merge(*self._candidates(event, window_days, doc_date)):
            if i not in seen:
                seen.add(i)
                if same_event(self.groups[i], event, window_days, doc_date):
                    return i
        return None

    def _candidates(self, event: Event, window_days: int, doc_date: str | None) -> list[list[int]]:
        """Lists of positions holding every group `same_event` may accept for `event`."""
        key = (_squash(event.name), event.round)
        theirs = event.date or doc_date
        if not theirs:
            return [self.open.get(key, [])] if key[0] else []
        found = [self.dateless.get(key, [])] if key[0] else []
        if len(theirs) == 4:
            return [*found, self.in_year.get(theirs, [])]
        found.append(self.on.get(theirs[:4], []))
        day = _day(theirs)
        if day is None:
            return [*found, self.in_month.get(theirs[:7], [])]
        found.append(self.on.get(theirs[:7], []))
        for offset in range(-window_days, window_days + 1):
            found.append(self.on.get((day + dt.timedelta(days=offset)).isoformat(), []))
        return found

    def add(self, group: EventGroup) -> int:
        """Shelve a new group; its position."""
        self.groups.append(group)
        return len(self.groups) - 1

    def index(self, i: int) -> None:
        """File group `i` under its grouping date, or under its name and round."""
        group = self.groups[i]
        date = group.grouping_date()
        if date:
            _file(self.on, date, i)
            _file(self.in_year, date[:4], i)
            if len(date) >= 7:
                _file(self.in_month, date[:7], i)
        key = (_squash(group.name), group.round)
        if key[0]:
            if not date:
                _file(self.dateless, key, i)
            if not group._holds_undated:
                _file(self.open, key, i)
                self.open_keys.setdefault(i, set()).add(key)

    def close(self, i: int) -> None:
        """Group `i` now holds an undated record: no other undated record joins it by name."""
        for key in self.open_keys.pop(i, ()):
            positions = self.open[key]
            del positions[bisect_left(positions, i)]


def _file(index: dict[Any, list[int]], key: Any, i: int) -> None:
    """Add position `i` under `key`, keeping the positions in order."""
    positions = index.setdefault(key, [])
    if not positions or positions[-1] < i:
        positions.append(i)
    elif positions[bisect_left(positions, i)] != i:
        insort(positions, i)


class _Grouper:
    """Groups built one event at a time; each event meets only the groups of its type and parties whose
    date agrees or that bear its name, so grouping grows linearly with the corpus."""

    def __init__(self, window_days: int) -> None:
        self.window_days = window_days
        self.groups: list[EventGroup] = []
        self.shelves: dict[tuple[EventType, tuple[str, ...]], _Shelf] = {}
        self.suffixes: dict[str, int] = {}

    def place(self, event: Event, doc_date: str | None) -> EventGroup:
        """The group `event` belongs to, made if none fits yet, with what `event` adds to it."""
        shelf = self.shelves.setdefault((event.type, tuple(sorted(event.countries))), _Shelf())
        position = shelf.find(event, self.window_days, doc_date)
        if position is None:
            group = EventGroup(
                id=self._new_id(event, doc_date), type=event.type, countries=sorted(event.countries)
            )
            group._reported_on = doc_date
            self.groups.append(group)
            position = shelf.add(group)
            before: tuple[str | None, str | None, int | None] | None = None
        else:
            group = shelf.groups[position]
            before = (group.grouping_date(), group.name, group.round)
        held = group._holds_undated
        group._holds_undated = held or not (event.date or doc_date)
        _absorb(group, event)
        if group._holds_undated and not held:
            shelf.close(position)
        if (group.grouping_date(), group.name, group.round) != before:
            shelf.index(position)
        return group

    def _new_id(self, event: Event, doc_date: str | None) -> str:
        """The group key, with a suffix for groups that share it (undated events that never group)."""
        base = _group_key(event, doc_date)
        n = self.suffixes[base] = self.suffixes.get(base, 0) + 1
        return base if n == 1 else f"{base}-{n}"


def dedupe(documents: Iterable[Document], *, window_days: int = 1) -> list[EventGroup]:
    """Group the events of `documents` into real events, in the order they are first reported."""
    grouper = _Grouper(window_days)
    for document in _each_paused(documents):
        for index, event in enumerate(document.events):
            ref = EventRef(
                document_id=document.id, index=index, source=document.source, salience=event.salience.value
            )
            grouper.place(event, document.doc_date).refs.append(ref)
    return grouper.groups


def group_rows(
    rows: Iterable[tuple[str, Sequence[str], str | None, int | None, str | None, str | None]],
    *,
    window_days: int = 1,
) -> list[str]:
    """The group id of each `(type, countries, date, round, name, doc_date)` row of an events table."""
    grouper = _Grouper(window_days)
    ids = []
    with _collector_paused():  # rows come from a table: reading them makes no cycles either
        for kind, countries, date, number, name, doc_date in rows:
            event = Event(
                type=kind,
                format=EventFormat.for_parties(len(countries)),
                countries=sorted(countries),
                date=date,
                round=number,
                name=name,
            )
            ids.append(grouper.place(event, doc_date).id)
    return ids


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, and leave it as the caller had it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _each_paused(items: Iterable[T]) -> Iterator[T]:
    """`items` one by one, the collector paused while the caller works on each and left as the caller
    had it while the next one is made (the caller's iterable may be a run of extractions)."""
    for item in items:
        with _collector_paused():
            yield item


def group_ids(groups: Iterable[EventGroup]) -> dict[tuple[str, int], str]:
    """`(document_id, event index) → group id`, for an events table's `event_group` column."""
    return {(ref.document_id, ref.index): group.id for group in groups for ref in group.refs}
