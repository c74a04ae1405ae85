"""An event mentioned again: whether two mentions may be one (no date, round or name tells them apart)
and what the later adds to the first. Drafts merge by it within a text (`merge`), and so do the records
of a long text's pieces (`extractor.pieces`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from extractor.events.event_types import MULTILATERAL
from extractor.events.naming import ABBREVIATION, ROUND
from extractor.events.participants import without_unnamed_twins
from extractor.models import EventType, Location, Participant

#: An abbreviation in parentheses that ends a name (양해각서(MOU)).
_ABBREVIATED = re.compile(ABBREVIATION.pattern + "$")


class Mentioned(Protocol):
    """What a draft and an event record both say of an event: a long text's pieces merge records
    (`extractor.pieces`) by the rules that merge drafts within one piece."""

    type: EventType
    countries: list[str]
    date: str | None
    end_date: str | None
    location: Location | None
    round: int | None
    name: str | None
    participants: list[Participant]
    confidence: float


M = TypeVar("M", bound=Mentioned)


def agree(a: M, b: M, same_days: Callable[[M, M], bool] | None = None) -> bool:
    """No date, round or name tells two mentions of an event apart: two dates are of one event if
    `same_days` says so (by default if one is the other's day, month or year)."""
    if a.date and b.date and not (same_days(a, b) if same_days else nested(a.date, b.date)):
        return False
    if a.round and b.round and a.round != b.round:
        return False
    x, y = name_key(a.name), name_key(b.name)
    return not (x and y and not same_name(x, y))


def nested(x: str, y: str) -> bool:
    """One date is the other's day, month or year (2024-05, 2024-05-13)."""
    return x.startswith(y) or y.startswith(x)


def same_name(x: str, y: str) -> bool:
    """Two ways of writing one meeting's name: one ends the other (차관전략대화, 한일 차관전략대화),
    one's letters run through the other's without its round (한일 외교차관 전략대화, 제14차 한일
    차관전략대화), or the countries before the same words come in another order (한미, 미한)."""
    if x.endswith(y) or y.endswith(x):
        return True
    bare_x, bare_y = ROUND.sub("", x), ROUND.sub("", y)
    shorter, longer = sorted((bare_x, bare_y), key=len)
    letters = iter(longer)
    if shorter and all(ch in letters for ch in shorter):
        return True
    common = next((k for k in range(min(len(x), len(y))) if x[-1 - k] != y[-1 - k]), min(len(x), len(y)))
    return common > 0 and sorted(x[: len(x) - common]) == sorted(y[: len(y) - common])


@lru_cache(maxsize=4096)
def name_key(name: str | None) -> str:
    """A name without spaces, punctuation and a trailing abbreviation (양해각서(MOU)), to compare how
    two mentions write it."""
    return "".join(ch for ch in _ABBREVIATED.sub("", name or "") if ch.isalnum())


def added(first: Mentioned, later: Mentioned) -> dict[str, Any]:
    """What a later mention of an event adds to the first, field by field: the more precise date, the
    fuller name (2024 한-아프리카 정상회의 over 한-아프리카 정상회의, 한-러 over 한러), more participants,
    and a meeting of many's fuller member list (이번 G20 외교장관회의: a later mention naming more)."""
    names = (n for n in (first.name, later.name) if n)
    known = {p.name for p in first.participants}
    fuller = first.type in MULTILATERAL and set(first.countries) < set(later.countries)
    return {
        "date": max((d for d in (first.date, later.date) if d), key=len, default=None),
        "end_date": first.end_date or later.end_date,
        "location": first.location or later.location,
        "round": first.round or later.round,
        "name": max(names, key=lambda n: (len(name_key(n)), len(n)), default=None),
        "participants": without_unnamed_twins(
            first.participants + [p for p in later.participants if p.name is None or p.name not in known]
        ),
        "confidence": max(first.confidence, later.confidence),
        "countries": list(later.countries) if fuller else first.countries,
    }
