"""Dates an event takes from the events around it, once every event is drafted: the day or month of
the lead for a main event without its own, of a trip for the meetings held on it, of an occasion its
sentence points back to (이번 회담을 계기로 … 체결), of a later mention of a headline's event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from extractor.events import context, cues
from extractor.events.clauses import Sentence
from extractor.events.draft import Draft
from extractor.events.labels import Type
from extractor.mentions import Mention
from extractor.models import EventType


def day_or_month(anchor: dt.date, event_type: EventType) -> str:
    """The date a main event without its own takes from the document: the day, or for a visit (a trip
    spans days, the release is one of them) the month."""
    return anchor.isoformat()[:7] if event_type is Type.VISIT else anchor.isoformat()


def by_trip(drafts: Sequence[Draft], anchor: dt.date | None) -> None:
    """A main meeting with no date of its own, held on a main trip to one of its parties, that is still
    to come (갖는다, 가질 예정) or whose trip lies on other days than the document's, takes place on some
    day of the trip: the trip's month (정상회담 during a three-country tour), not the document's day."""
    trips = [d for d in drafts if d.type is Type.VISIT and d.main and d.destination]
    today = anchor.isoformat() if anchor else None
    for draft in drafts:
        if draft.date or not draft.main or draft.type is Type.VISIT or draft.timed:
            continue  # 오전 11시부터는 … 예방한다: at an hour of the document's day
        trip = next((t for t in trips if set(t.destination) & set(draft.countries)), None)
        if trip is None:
            continue
        start = trip.date or (anchor.isoformat()[:7] if anchor else None)
        if not start or len(start) < 7:
            continue
        last = trip.end_date or start
        elsewhere = len(start) == 10 and not (today and start <= today <= last)
        if draft.future or elsewhere or draft.reported_coming:
            draft.date = start[:7]


def by_meetings(drafts: Sequence[Draft], anchor: dt.date | None) -> None:
    """A main trip written without a date (a headline's 카보베르데 방문) is on the days of the main
    meetings held where it goes, when they lie before the document's day: its first such day (29일 …
    대통령궁에서 예방, in a report of 3 October). A meeting on the document's day leaves it the month
    (`day_or_month`): the report is written during the trip."""
    for trip in drafts:
        if trip.type is not Type.VISIT or trip.date or not trip.main or not trip.destination:
            continue
        days = [
            d.date
            for d in drafts
            if d.main
            and d.type is not Type.VISIT
            and d.date
            and len(d.date) == 10
            and d.location is not None
            and d.location.country in trip.destination
            and set(trip.countries) <= set(d.countries)
        ]
        today = anchor.isoformat() if anchor else None
        if days and today not in days:
            trip.date = min(days)


def by_occasion(text: str, drafts: Sequence[Draft]) -> None:
    """An event with no date of its own, held on an occasion its sentence points back to (이번 회담을
    계기로 … MOU를 체결했다), takes the date of that earlier event: its day, or of a trip (이번 방문을
    계기로) the month."""
    occasions: dict[Sentence, Draft] = {}
    for d in drafts:
        if d.kind == "occasion" and not d.date and d.sentence not in occasions and _pointed(text, d):
            occasions[d.sentence] = d
    for draft in drafts:
        if draft.date or draft.subordinate or draft.background:
            continue
        occasion = occasions.get(draft.sentence)
        if occasion is None:
            continue
        term = _term(text, occasion.trigger)
        told = [
            d
            for d in drafts
            if d.date
            and not d.subordinate
            and d.trigger.end <= occasion.trigger.start
            and _term(text, d.trigger).endswith(term)
            and set(d.countries) == set(occasion.countries)
        ]
        if told:
            day = told[-1].date or ""
            draft.date = day[:7] if told[-1].type is Type.VISIT else day


def _pointed(text: str, draft: Draft) -> bool:
    """The event is named by a demonstrative (이번 회담, 금번 방문): one the text told before."""
    before = text[draft.sentence.start_char : draft.name_start].split()
    return bool(before) and before[-1] in cues.words("demonstrative")


def _term(text: str, trigger: Mention) -> str:
    """The meeting term as written, without spaces (정상 회담: 정상회담)."""
    return text[trigger.start : trigger.end].replace(" ", "")


def restated(lead: Draft | None, drafts: Sequence[Draft]) -> None:
    """A lead written without a date (a headline: 이스라엘-UAE 협정 서명) takes that of the first later
    event of its type between the same parties, of no other round, that has one (현지시간 15일 … 협정에
    서명했다): the same event told again, whose date is evidence, where the document's day would be a
    guess."""
    if lead is None or lead.date or lead.vaguely_dated:
        return
    again = next(
        (
            d
            for d in drafts
            if d is not lead
            and d.date
            and d.type is lead.type
            and d.trigger.start > lead.trigger.start
            and len(set(d.countries) & set(lead.countries)) >= 2
            and not (d.round and lead.round and d.round != lead.round)
            and not (d.background or d.subordinate or d.earlier or d.future)
        ),
        None,
    )
    if again is not None:
        lead.date, lead.end_date = again.date, again.end_date


def recorded(draft: Draft, anchor: dt.date | None, lead: Draft | None) -> str | None:
    """The date the record carries: the event's own, or for a main event that is not still to come
    nor dated by words no dateline resolves (다음 주), the day of the lead told in another sentence (a
    main event is one of the lead's day), else the document's."""
    if draft.date or not draft.main or draft.future or draft.vaguely_dated:
        return draft.date
    own = day_or_month(anchor, draft.type) if anchor else None
    day = lead.date if lead is not None and lead is not draft and lead.sentence != draft.sentence else None
    if draft.timed or day is None or len(day) != 10:
        return own  # at an hour of the document's day; within the lead's sentence its clauses decide
    return day[:7] if draft.type is Type.VISIT else day


def across_occasions(text: str, drafts: Sequence[Draft]) -> None:
    """A trip made to attend meetings held on different days (20일 A회의 및 21일 B회의에 참석차 라오스를
    방문) lasts across them: dated by one of their days alone, it takes their month."""
    for visit in drafts:
        if visit.type is not Type.VISIT or not visit.date or len(visit.date) != len("2025-01-01"):
            continue
        days = {
            d.date
            for d in drafts
            if d is not visit
            and d.sentence == visit.sentence
            and d.trigger.end <= visit.trigger.start
            and d.date
            and len(d.date) == len(visit.date)
            and context.attended_for(text[d.trigger.end : visit.trigger.start])
        }
        if len(days) >= 2 and visit.date in days:
            visit.date = visit.date[:7]
