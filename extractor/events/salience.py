"""Salience: which events the document is about (`main`) and which it mentions in passing.

The lead is the first event the text reports in the foreground (not in a note, not an occasion or an
earlier or coming event); it is main, and so is every other foreground event of its day that the text
reports or that has its parties. Without a lead no event is main.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from extractor.events import cues
from extractor.events.borrowed_dates import day_or_month
from extractor.events.draft import TRIP, Draft
from extractor.events.labels import Type
from extractor.mentions import Mention
from extractor.tokens import TokenTable, stripped_end

#: Days before the document's date beyond which an event is no longer its news.
_RECENT_DAYS = 14
#: Markers of background: a note line, or words that put the event in the past or future.
_BACKGROUND = ("※", "*", "☞")


def earlier(table: TokenTable, sentence_start: int, trigger: Mention) -> bool:
    """The event is reported as before the news: its sentence opens with 앞서 (이에 앞서 …), or it is
    recalled as an experience (방문한 적이 있다)."""
    opening = table.text[sentence_start : trigger.start].split(maxsplit=2)[:2]
    earlier_words = cues.words("earlier")
    if any(word.rstrip(",") in earlier_words for word in opening):
        return True
    following = table.solid_within(trigger.end, trigger.end + 12, 4)
    experience = cues.words("experience")
    return any(
        table.lemmas[i] in experience and k > 0 and "ETM" in table.tags[following[k - 1]]
        for k, i in enumerate(following)
    )


#: Sub-items a note's reach runs over (a longer list of `-` lines is no note's, and each term
#: looking further back would make a long list cost the square of its length).
_NOTE_REACH = 200
def in_note(text: str, position: int) -> bool:
    """Whether `position` lies in a note (a line starting ※ or *) or in a `-` sub-item under one."""
    line_start = text.rfind("\n", 0, position) + 1
    for _ in range(_NOTE_REACH):
        line = text[line_start:position].lstrip()
        if line.startswith(_BACKGROUND):
            return True
        if not line.startswith("-") or line_start == 0:
            return False
        position = stripped_end(text, line_start)
        line_start = text.rfind("\n", 0, position) + 1
    return False


def aside_event(draft: Draft) -> bool:
    """An event the text mentions aside: background, what happened before the news (앞서 …), an
    occasion or an earlier act of another (X 참석 계기에, X 이후), or one only proposed (개최를 검토);
    not a means (협의를 통해 점검했다) or an event scheduled (회담을 가질 예정)."""
    return draft.background or draft.earlier or (draft.subordinate and draft.kind != "via") or draft.tentative


def lead(drafts: Sequence[Draft], anchor: dt.date | None) -> Draft | None:
    """The event the document leads with: its first reported event that is not aside nor long past
    (a file photo's 지난달 2일 회동)."""
    return next(
        (d for d in drafts if d.kind not in (None, "dated") and not aside_event(d) and not _past(d, anchor)),
        None,
    )


def _past(draft: Draft, anchor: dt.date | None) -> bool:
    """The event's day, or the last day of its month or year, lies weeks before the document's: news
    of another day."""
    if anchor is None or not draft.date:
        return False
    parts = [int(part) for part in draft.date.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return (anchor - dt.date(year, month, day)).days > _RECENT_DAYS


def mark(drafts: Sequence[Draft], lead: Draft | None, anchor: dt.date | None) -> None:
    """Set `main` on the lead and the foreground events of its day, and on the trip during which main
    meetings happen (몽골을 국빈방문해 … 정상회담), unless it lies weeks before the document."""
    lead_date = lead and (lead.date or (day_or_month(anchor, lead.type) if anchor else None))
    for draft in drafts:
        draft.main = lead is not None and (
            draft is lead
            or (
                not aside_event(draft)
                and bool(set(draft.countries) & set(lead.countries))
                and _same_day(draft, lead, lead_date)
                and (draft.kind is not None or draft.countries == lead.countries)
            )
        )
    for trip in drafts:
        if trip.type is Type.VISIT and not (
            trip.main or trip.background or trip.tentative or trip.earlier or _past(trip, anchor)
        ):
            trip.main = _spans(trip, lead_date) or any(
                _during(trip, d) for d in drafts if d.main and d.type is not Type.VISIT
            )
    tours = {id(d.trigger) for d in drafts if d.type is Type.VISIT and d.main and d.distributed}
    for stop in drafts:
        if stop.type is Type.VISIT and stop.distributed and id(stop.trigger) in tours:
            stop.main = True  # 이집트와 앙골라를 방문: every stop of a main tour
    for trip in (d for d in drafts if d.type is Type.VISIT and d.main):
        for draft in drafts:
            if not (draft.main or aside_event(draft)) and _within(draft, trip):
                draft.main = True  # 17∼19일 국빈 방문 … 이튿날 정상회담: a meeting of the main trip


def _spans(trip: Draft, day: str | None) -> bool:
    """The lead's day is one of the trip's (17∼19일 국빈 방문을 마치고 19일 출국: the trip it ends)."""
    return bool(day and trip.date and trip.end_date and len(day) == 10 and trip.date <= day <= trip.end_date)


def _within(meeting: Draft, trip: Draft) -> bool:
    """A meeting between the trip's parties, on a day of its span (a trip's first to last day), or on
    a tour's stop known by its first day alone, within a trip's length after it."""
    date = meeting.date or ""
    if set(meeting.countries) != set(trip.countries) or len(date) != 10:
        return False
    if not trip.end_date:
        return trip.distributed and _days_on(meeting, trip)  # a stop of a tour: its days are the tour's
    return (trip.date or "") <= date <= trip.end_date


def _during(trip: Draft, meeting: Draft) -> bool:
    """A main meeting happens during the trip: held where it goes, between its parties, on a day the
    trip's date does not contradict."""
    where = meeting.location.country if meeting.location else None
    if not trip.destination or where not in trip.destination:
        return False
    on_trip = not trip.date or _same_day(meeting, trip, trip.date) or _days_on(meeting, trip)
    return set(meeting.countries) >= set(trip.countries) and on_trip


def _days_on(meeting: Draft, trip: Draft) -> bool:
    """A trip known only by its first day (27일부터 이집트와 앙골라를: Egypt from the 27th) goes on for
    days: a meeting dated within a trip's length after it is one of them."""
    start, day = trip.date or "", meeting.date or ""
    if trip.end_date or len(start) != 10 or len(day) != 10:
        return False
    gap = dt.date.fromisoformat(day) - dt.date.fromisoformat(start)
    return dt.timedelta(0) <= gap <= TRIP


def _same_day(draft: Draft, lead: Draft, lead_date: str | None) -> bool:
    """The event's date does not contradict the lead's: none, one that is the other's day, month or
    year, or a day within the lead's span (a trip's meetings). Without any date for the lead (no
    dateline), an event dated on its own is another day's."""
    date = draft.date
    if not date:
        return True
    if not lead_date:
        return False
    if lead.end_date and lead_date <= date <= lead.end_date:
        return True
    return date.startswith(lead_date) or lead_date.startswith(date)
