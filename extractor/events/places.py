"""Attaching places: where an event happened.

In order: a city in the parenthesis after its name (X(8.6-8, 마닐라)), a visit's destination (the
city just before the visit word, else the country), a place the clause says it is held at (서울에서,
부산 개최, 뮌헨안보회의), where a listed item happened, a body's building (외교부 청사에서); then the
place of the occasion in the same sentence, and for a main event the lead's or the document's place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.events import cues
from extractor.events.clauses import Clause, aside
from extractor.events.draft import Draft
from extractor.mentions import Mention
from extractor.models import EntityLabel, EventType, Location

#: What marks a place as where something happens: 에서, 서, or 개최 (부산 개최 FEALAC 외교장관회의).
_PLACE_MARK = re.compile(r"^\s?(에서|서\b|\s*개최)")


def attach(draft: Draft, clause: Clause) -> None:
    """The place the trigger's sentence gives the event."""
    text, in_sentence, trigger = clause.text, clause.in_sentence, draft.trigger
    after_name = aside(text, trigger.end)
    if after_name:
        inside = [m for m in in_sentence if after_name[0] <= m.start and m.end <= after_name[1]]
        cities = [m for m in inside if m.label is EntityLabel.LOCATION]
        if cities:
            draft.location = location(text, cities[0])
    if draft.type is EventType.VISIT and draft.location is None and draft.destination:
        target = _visited_place(in_sentence, trigger)
        draft.location = location(text, target) if target else Location(country=draft.destination[0])
    places = [m for m in in_sentence if _where_held(text, m, draft.name_start, trigger.end, clause.end)]
    if places and draft.location is None:
        draft.location = location(text, places[-1])
    if draft.kind == "listed" and draft.location is None:
        draft.location = _list_place(text, trigger, in_sentence)
    if draft.location is None:
        draft.location = _venue(text, in_sentence, clause.start, trigger)


def location(text: str, place: Mention) -> Location:
    """A LOCATION mention as an event's place: the city in English and as written, and its country."""
    entries = place.data.get("entries") or ()
    return Location(
        city=entries[0].en if entries else None,
        city_ko=text[place.start : place.end],
        country=place.country,
    )


def _where_held(text: str, place: Mention, name_start: int, trigger_end: int, clause_end: int) -> bool:
    """A place the clause says the meeting is held at: in its name (뮌헨안보회의), marked before it
    (서울에서, 부산 개최), or marked with 에서 after it (회의를 캔버라에서 개최)."""
    if place.label is not EntityLabel.LOCATION or place.end > clause_end:
        return False
    if name_start <= place.start < trigger_end:
        return True
    if place.start >= trigger_end:
        return text.startswith("에서", place.end)
    return bool(_PLACE_MARK.match(text[place.end : place.end + 4]))


def _visited_place(in_sentence: Sequence[Mention], trigger: Mention) -> Mention | None:
    """The city a visit goes to, written just before the visit word (평양 방문)."""
    places = [m for m in in_sentence if m.label is EntityLabel.LOCATION and m.end <= trigger.start]
    return places[-1] if places and trigger.start - places[-1].end <= 3 else None


def _venue(text: str, in_sentence: Sequence[Mention], clause_start: int, trigger: Mention) -> Location | None:
    """A body's building as the place (청와대 영빈관에서, 외교부 청사에서): the body's country."""
    venues = cues.words("venue")
    for m in in_sentence:
        if m.label is not EntityLabel.ORG or not clause_start <= m.start < trigger.start:
            continue
        word = (text[m.end : m.end + 8].split() or [""])[0]
        at_venue = word.startswith("에서") or (word.endswith("에서") and word[:-2] in venues)
        if at_venue and m.country:
            return Location(country=m.country)
    return None


def _list_place(text: str, trigger: Mention, in_sentence: Sequence[Mention]) -> Location | None:
    """Where a listed item happened: the place of the visit or country the list's parenthesis follows
    (실무방한(8.21-22, … 예방): Korea; 인도네시아 파견(8.14, … 예방): Indonesia)."""
    opened = text.rfind("(", max(0, trigger.start - 60), trigger.start)
    if opened == -1:
        return None
    before = [
        m
        for m in in_sentence
        if m.label in (EntityLabel.COUNTRY, EntityLabel.LOCATION) and opened - 12 <= m.end <= opened
    ]
    if not before:
        return None
    place = before[-1]
    if place.label is EntityLabel.COUNTRY:
        return Location(country=place.norm)
    return location(text, place)


def borrow_occasion_place(drafts: Sequence[Draft]) -> None:
    """An event with no place of its own takes that of the occasion in its sentence (X 참석 계기)."""
    for draft in drafts:
        if draft.location is None:
            draft.location = next(
                (d.location for d in drafts if d.subordinate and d.location and d.sentence == draft.sentence),
                None,
            )


def main_place(drafts: Sequence[Draft]) -> Location | None:
    """The document's place: that of its first reported event in the foreground."""
    return next(
        (d.location for d in drafts if d.location and d.kind and not (d.background or d.subordinate)),
        None,
    )


def recorded(draft: Draft, lead: Draft | None, place: Location | None) -> Location | None:
    """The place the record carries: the event's own, or for a main event the lead's or the document's."""
    return draft.location or (((lead.location if lead else None) or place) if draft.main else None)
