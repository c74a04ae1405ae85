"""Splitting: one mention that reports several bilateral events.

A meeting held with several countries `각각` (respectively) is one bilateral event per country:
조 장관은 프랑스 및 독일 외교장관과 각각 통화하였다 gives a call with each.
"""

from __future__ import annotations

from dataclasses import replace

from extractor.events import cues
from extractor.events.draft import HOME, Draft
from extractor.events.event_types import MULTILATERAL


def respectively(text: str, draft: Draft) -> list[Draft]:
    """One draft per foreign party when `각각` stands just before the trigger, else the draft itself."""
    foreign = [code for code in draft.countries if code != HOME]
    if HOME not in draft.countries or len(foreign) < 2 or draft.type in MULTILATERAL:
        return [draft]
    words = text[draft.sentence.start_char : draft.trigger.start].split()
    if not any(word in cues.words("respectively") for word in words[-3:]):
        return [draft]
    return [
        replace(
            draft,
            countries=sorted([HOME, code]),
            participants=[p for p in draft.participants if p.country in (None, HOME, code)],
        )
        for code in foreign
    ]
