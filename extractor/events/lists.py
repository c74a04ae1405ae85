"""Coordinated lists of countries: several countries written one after another as one argument.

`태국, 라오스, 캄보디아 등 3개국을`, `모로코와 튀니지를`, `오만·쿠웨이트`,
`중남미 3개국(칠레, 볼리비아, 에콰도르)을`, `3~5일 멕시코, 5~8일 파나마를`: the countries are
joined by commas, middle dots, 와/과, 및, and may each carry their own date; the list may close with
`등 N개국`. A visit to such a list is one visit per country, a call `각각` with one is one call each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.events import cues
from extractor.events.labels import Label
from extractor.mentions import Mention

#: What separates two pairs of one list: 한중·한일; 브라질과 칠레, 브라질과 페루.
_PAIR_BREAK = re.compile(r"[,·ㆍ・]|및")
#: A short aside in parentheses after a list item: its date (9일), an abbreviation (UAE).
_ASIDES = re.compile(r"\([^()]{0,12}\)")
#: What may stand between two countries of one list: separators, 와/과, 및, 그리고, list bullets.
_JOIN = re.compile(r"^(\s|,|·|ㆍ|・|/|▲|와|과|및|그리고|또는)*$")
#: What may close a list before the word it belongs to: `등 (중앙아시아) 3개국`, `)`, a particle.
_TAIL = re.compile(
    r"^\s*\)?\s*(등\s*([가-힣]+\s*)?(\d+\s*여?\s*개?\s*국|국가들?|나라들?)?)?\s*\)?\s*"
    r"(을|를|에|으로|로|과|와|과는|와는|과도|와도|과의|와의|간|간의)?\s*$"
)
#: A trip's length before its verb (을 9박 12일의 일정으로 방문, 를 닷새 일정으로 순방).
_SCHEDULE = re.compile(r"(?:\s+\S+){0,2}?\s+일정으로$")
#: The same, where the list names its people by one title word (영국, 독일 외교장관과; A·B 정상들과).
_TITLED_TAIL = re.compile(r"^\s*(등\s*)?[가-힣]{1,8}\s*(과|와|과는|와는|과도|와도|과의|와의|을|를)\s*$")


def before(
    text: str, found: Sequence[Mention], end: int, start: int, *, titled: bool = False
) -> list[Mention]:
    """The countries of the list that ends just before `end` (the word it belongs to), in text order,
    each with no more than its own date between it and the one before; empty if no list ends there.
    With `titled`, the list may end in a title word for its people (영국, 독일 외교장관과)."""
    countries = sorted(
        (m for m in found if m.label is Label.COUNTRY and m.norm and start <= m.start and m.end <= end),
        key=lambda m: m.start,
    )
    dates = [(m.start, m.end) for m in found if m.label is Label.DATE and start <= m.start < end]
    if not countries or not _closes(_without(text, countries[-1].end, end, dates), titled=titled):
        return []
    listed = [countries[-1]]
    for m in reversed(countries[:-1]):
        gap = _without(text, m.end, listed[0].start, dates)
        if m.end > listed[0].start or not _JOIN.match(gap):
            break
        listed.insert(0, m)
    return listed


def _closes(tail: str, *, titled: bool) -> bool:
    """The text between a list's last country and its word closes the list: `등 3개국을`, `를 차례로`,
    `을 9박 12일의 일정으로`."""
    order = cues.any_of("respectively", "in_turn", "bilateral")
    rest = _SCHEDULE.sub("", tail.rstrip())
    tail = rest
    for word in reversed(tail.split()):
        if word not in order:
            break
        rest = rest[: -len(word)].rstrip()
    return bool(_TAIL.match(rest) or (titled and _TITLED_TAIL.match(rest)))


def dated(found: Sequence[Mention], listed: Sequence[Mention], start: int) -> dict[int, Mention]:
    """Each listed country's own date, written right before it (16~18일 콜롬비아, 18~21일 페루), by the
    country's position; none when the list shares one date."""
    dates = sorted((m for m in found if m.label is Label.DATE and m.norm), key=lambda m: m.start)
    own: dict[int, Mention] = {}
    previous = start
    for country in listed:
        between = [d for d in dates if previous <= d.start and d.end <= country.start]
        if between:
            own[country.start] = between[-1]
        previous = country.end
    return own if len(own) == len(listed) else {}


def _without(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """`text[start:end]` with the given spans (dates) cut out."""
    kept = []
    position = start
    for a, b in sorted(spans):
        if b <= position or a >= end:
            continue
        kept.append(text[position:a])
        position = b
    kept.append(text[position:end])
    return _ASIDES.sub("", "".join(kept))  # 캐나다·호주(9일), 인도: a short aside is no part of the list


def pairs(text: str, found: Sequence[Mention], start: int, end: int) -> list[list[str]]:
    """The pairs of countries written one after another between `start` and `end` (한중·한일;
    브라질과 칠레, 브라질과 페루): each item of two countries, at least two items that
    differ; empty if the text is no such list."""
    countries = sorted(
        (m for m in found if m.label is Label.COUNTRY and m.norm and start <= m.start and m.end <= end),
        key=lambda m: m.start,
    )
    if len(countries) < 4:
        return []
    items: list[list[str]] = [[]]
    previous = countries[0].start
    for m in countries:
        between = text[previous : m.start]
        if _PAIR_BREAK.search(between) and items[-1]:
            items.append([])
        items[-1].append(m.norm or "")
        previous = m.end
    distinct = [sorted(set(item)) for item in items]
    if len(distinct) < 2 or any(len(item) != 2 for item in distinct) or len({tuple(i) for i in distinct}) < 2:
        return []
    return distinct
