"""Salience: which events the document is about (`main`) and which it mentions in passing.

The lead is the first event the text reports in the foreground (not in a note, not an occasion or an
earlier or coming event); it is main, and so is every other foreground event of its day that the text
reports or that has its parties. Without a lead no event is main.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from extractor.events.dates import day_or_month
from extractor.events.draft import Draft

#: Markers of background: a note line, or words that put the event in the past or future.
_BACKGROUND = ("※", "*", "☞")


def in_note(text: str, position: int) -> bool:
    """Whether `position` lies in a note (a line starting ※ or *) or in a `-` sub-item under one."""
    line_start = text.rfind("\n", 0, position) + 1
    while True:
        line = text[line_start:position].lstrip()
        if line.startswith(_BACKGROUND):
            return True
        if not line.startswith("-") or line_start == 0:
            return False
        previous = text[:line_start].rstrip()
        position = len(previous)
        line_start = text.rfind("\n", 0, position) + 1


def aside_event(draft: Draft) -> bool:
    """An event the text mentions aside: background, subordinate to another, or still to come."""
    return draft.background or draft.subordinate or draft.future


def lead(drafts: Sequence[Draft]) -> Draft | None:
    """The event the document leads with: its first reported event that is not aside."""
    return next((d for d in drafts if d.kind not in (None, "dated") and not aside_event(d)), None)


def mark(drafts: Sequence[Draft], lead: Draft | None, anchor: dt.date | None) -> None:
    """Set `main` on the lead and the foreground events of its day."""
    lead_date = lead and (lead.date or (day_or_month(anchor, lead.type) if anchor else None))
    for draft in drafts:
        draft.main = lead is not None and (
            draft is lead
            or (
                not aside_event(draft)
                and _same_day(draft.date, lead_date)
                and (draft.kind is not None or draft.countries == lead.countries)
            )
        )


def _same_day(date: str | None, lead_date: str | None) -> bool:
    """A date that does not contradict the lead's: none, or one that is the other's day, month or year."""
    return not date or not lead_date or date.startswith(lead_date) or lead_date.startswith(date)
