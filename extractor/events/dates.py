"""Attaching dates: the date of an event is the one written in its own parenthesis (X(8.6-8, 마닐라)),
else the nearest before it in its clause, else the first after it, else the date of an earlier clause
reporting an act of the same subject (9.5. 하노이를 방문하여 … 예방하고). A main event without one
takes the document's day (a visit, which spans days, its month).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events.clauses import Clause, aside, subject_end
from extractor.events.draft import Draft
from extractor.mentions import Mention
from extractor.models import EntityLabel, EventType


def attach(doc: Doc, draft: Draft, clause: Clause) -> None:
    """The date (and a span's end) the trigger's sentence gives the event."""
    trigger, in_sentence = draft.trigger, clause.in_sentence
    dates = [m for m in in_sentence if m.label is EntityLabel.DATE and m.norm]
    dates = [m for m in dates if not (draft.name_start <= m.start and m.end <= trigger.end)]
    after_name = aside(clause.text, trigger.end)
    own = [m for m in dates if after_name and after_name[0] <= m.start and m.end <= after_name[1]]
    before = [m for m in dates if m.end <= trigger.start and m.start >= clause.start]
    chosen = own[0] if own else before[-1] if before else None
    if chosen is None:
        after = [m for m in dates if m.start >= trigger.end]
        chosen = after[0] if after and not draft.subordinate else None
    earlier = [m for m in dates if m.end <= clause.start]
    if chosen is None and earlier and not draft.subordinate:
        chosen = _sequence_date(doc, earlier[-1], in_sentence, clause.start, trigger)
    if chosen is not None:
        draft.date, draft.end_date = chosen.norm, chosen.data.get("end_value")


def _sequence_date(
    doc: Doc, date: Mention, in_sentence: Sequence[Mention], clause_start: int, trigger: Mention
) -> Mention | None:
    """The date of an earlier clause that reports another act of the same subject, which this act
    follows (9.5. 하노이를 방문하여 … 예방하고): no new subject between, and a meeting term in that clause."""
    if subject_end(doc, date.end, trigger.start) is not None:
        return None
    acts = (m for m in in_sentence if m.label is EntityLabel.MEETING and m is not trigger)
    return date if any(date.end <= m.start and m.end <= clause_start for m in acts) else None


def day_or_month(anchor: dt.date, event_type: EventType) -> str:
    """The date a main event without its own takes from the document: the day, or for a visit (a trip
    spans days, the release is one of them) the month."""
    return anchor.isoformat()[:7] if event_type is EventType.VISIT else anchor.isoformat()


def recorded(draft: Draft, anchor: dt.date | None) -> str | None:
    """The date the record carries: the event's own, or for a main event the document's."""
    return draft.date or (day_or_month(anchor, draft.type) if draft.main and anchor else None)
