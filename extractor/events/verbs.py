"""Events reported by a verb alone: `X 장관과 만나 … 논의했다`, `Y 대통령을 만났다`, `자카르타로 출국한다`,
`Z 차관과 … 방안을 논의했다`.

The verbs are data (`gazetteers/event_verbs.csv`), each standing for the meeting term whose type it
reports (만나다: 회동, TALKS; 출국하다: 방문, VISIT) and naming the argument it needs. A verb of meeting
is an event when it has a foreign partner before it (중국 외교부장과 만나; 라브로프 장관을 만날 예정) or
a pair as its subject (두 사람은 … 만났지만), and when no meeting term follows as what it led to
(만나 정상회담을 개최했다: one summit, found by its term). A verb of departure is a visit when a
country or city is its destination (리마로 향할 예정, 앙골라로 이동해) or where it arrives or stays
(투르크메니스탄에 도착했다, 사우디아라비아에 머물고 있는), not when it leaves (출국할 예정).
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractor import gazetteer
from extractor.events import cues
from extractor.events.clauses import comitative
from extractor.events.event_types import MEETINGS
from extractor.events.labels import Label, Type
from extractor.gazetteer import Entry
from extractor.mentions import Mention
from extractor.tokens import SPACE_TAG, TokenTable

#: Types of the terms a meeting verb may lead to (만나 회담을 했다), not signings or statements
#: (만나 양해각서를 체결한다: a meeting and a signing).
_MEETING_TYPES = frozenset(t.value for t in (*MEETINGS, Type.COURTESY_CALL, Type.PHONE_CALL))
#: The particles that mark a place for each argument: where to (X로 출국), where at (X에 도착).
_PLACE_MARKS = {"destination": frozenset({"로", "으로"}), "arrival": frozenset({"에"})}
#: Particles that mark the one met: 과/와 (X와 만나) or the object (X를 만나).
_PARTNER_MARKS = frozenset({"JKB", "JC", "JKO"})


@dataclass(frozen=True)
class Verb:
    """A verb of `event_verbs.csv`: the meeting row it stands for and the argument it needs."""

    meeting: Entry
    #: `partner` (the one met: X와 만나) or `destination` (where to: X로 출국).
    argument: str


@cache
def _verbs() -> dict[str, Verb]:
    """Each verb stem of `event_verbs.csv`."""
    rows = gazetteer.load()
    with (gazetteer.shipped_dir() / "event_verbs.csv").open(encoding="utf-8", newline="") as handle:
        return {row["form"]: Verb(rows[row["meeting"]], row["argument"]) for row in csv.DictReader(handle)}


def stems() -> frozenset[str]:
    """The verb stems that report a meeting or a trip (만나, 출국, 이동)."""
    return frozenset(_verbs())


def find(table: TokenTable, found: Sequence[Mention]) -> list[Mention]:
    """A MEETING mention for each verb that reports a meeting, over the verb's token (or its noun, for
    a verb made with 하다: 출국한다)."""
    verbs = _verbs()
    triggers = []
    held = sorted(
        m.start
        for m in found
        if m.label is Label.MEETING and m.data["entries"][0].attrs["event_type"] in _MEETING_TYPES
    )
    for i in [i for i, lemma in enumerate(table.lemmas) if lemma in verbs]:
        verb = verbs[table.lemmas[i]]
        if not _verb_at(table, i):
            continue
        if verb.argument in _PLACE_MARKS:
            wanted = _destination(table, found, i, _PLACE_MARKS[verb.argument])
        elif verb.argument == "discussed_with":
            wanted = _discussed_with(table, found, i, held)
        else:
            wanted = (_foreign_partner(table, found, i) or _pair_subject(table, i)) and not _term_follows(
                table, found, i
            )
        if not wanted:
            continue
        triggers.append(
            Mention(
                Label.MEETING,
                table.starts[i],
                table.ends[i],
                norm=verb.meeting.canonical,
                kb_id=verb.meeting.id,
                data={"entries": (verb.meeting,), "verb": True},
            )
        )
    return triggers


def _verb_at(table: TokenTable, i: int) -> bool:
    """Token `i` is a verb, or a noun made a verb by the 하다 glued to it (출국한다)."""
    if table.heads[i] == "VV":
        return True
    glued = i + 1 < len(table) and table.starts[i + 1] == table.ends[i]
    return table.heads[i] == "NNG" and glued and table.heads[i + 1] == "XSV"


def kind(table: TokenTable, span: range) -> str | None:
    """How a verb reports its meeting: done (만나, 만났다), planned (만날 예정, 만나기로), done before
    (만난 뒤), or no event of its own (만난 것은: a relative clause about it)."""
    verb = span[-1]
    if table.heads[verb] == "NNG":  # 출국한다: the endings are those of the glued 하다
        verb += 1
    following = [i for i in range(verb + 1, min(len(table), verb + 4)) if table.tags[i] != SPACE_TAG]
    if "ETM" in table.tags[verb]:
        noun = following[0] if following else None
        reported = cues.kind_of(table.lemmas[noun]) if noun is not None else None
        return reported if reported in ("before", "after") else None
    if following and table.heads[following[0]] == "ETN":
        return "before"
    return "verb"


def _foreign_partner(table: TokenTable, found: Sequence[Mention], verb: int) -> bool:
    """The phrase marked as the one met, right before the verb, names a country, a foreign body or a
    person of a country (마자오쉬 중국 외교부 상무부부장과 만나), not reporters (기자들과 만나)."""
    order = cues.any_of("respectively", "in_turn")
    before = [
        i
        for i in range(max(0, verb - 4), verb)
        if table.tags[i] != SPACE_TAG and table.heads[i] != "MAG" and _surface(table, i) not in order
    ]
    if not before or table.heads[before[-1]] not in _PARTNER_MARKS:
        return False
    mark = before[-1]
    start = mark
    while start > 0 and not table.heads[start - 1].startswith(("J", "E", "SF", "SP")):
        start -= 1  # back over the phrase, its parentheses too: 마자오쉬 … 상무부부장(차관)과
    first, last = table.starts[start], table.starts[mark]
    return any(
        first <= m.start
        and m.end <= last
        and m.label in (Label.COUNTRY, Label.ORG, Label.PERSON, Label.TITLE)
        and (m.norm if m.label is Label.COUNTRY else m.country)
        for m in found
    )


def _discussed_with(table: TokenTable, found: Sequence[Mention], verb: int, held: Sequence[int]) -> bool:
    """A discussion with a foreign side named by 과/와 in the verb's sentence (터키를 방문해 알파이 국방차관과
    협력 방안을 논의했다), where no meeting term reports what the discussion took place at (`held`: where
    the meeting terms start, in order)."""
    start = verb
    while start > 0 and table.heads[start - 1] not in ("SF",) and not table.heads[start - 1].startswith("EF"):
        start -= 1
    first, last = table.starts[start], table.starts[verb]
    k = bisect_left(held, first)
    if k < len(held) and held[k] < last:
        return False  # 회담에서 … 논의했다: what the meeting covered
    subject = next((i for i in range(start, verb) if table.heads[i] in ("JX", "JKS")), start)
    marks = [
        i for i in range(subject, verb) if comitative(table, i)
    ]  # after the subject: 김 국장과 다키자키 국장은 … 논의한다 is the pair that meets, reported already
    for mark in marks:
        phrase = mark
        while phrase > start and not table.heads[phrase - 1].startswith(("J", "E", "SF", "SP")):
            phrase -= 1
        head, end = table.starts[phrase], table.starts[mark]
        people = [
            m
            for m in found
            if head <= m.start and m.end <= end and m.label in (Label.PERSON, Label.TITLE)
        ]
        if any(m.country for m in people) or (people and _foreign_named(found, first, last)):
            return (
                True  # a foreign official, or one the sentence places abroad (터키 국방부를 방문해 … 차관과)
            )
    return False


def _foreign_named(found: Sequence[Mention], first: int, last: int) -> bool:
    """A foreign country is named between `first` and `last`."""
    return any(
        m.label is Label.COUNTRY and m.norm not in (None, "KOR") and first <= m.start < last
        for m in found
    )


def _destination(table: TokenTable, found: Sequence[Mention], verb: int, marks: frozenset[str]) -> bool:
    """A country or a city marked with one of `marks` right before the verb: where the trip goes
    (이집트로 출발, 투르크메니스탄에 도착)."""
    before = [
        i for i in range(max(0, verb - 4), verb) if table.tags[i] != SPACE_TAG and table.heads[i] != "MAG"
    ]
    if not before or table.heads[before[-1]] != "JKB" or table.lemmas[before[-1]] not in marks:
        return False
    end = table.starts[before[-1]]
    return any(
        m.end == end and m.label in (Label.COUNTRY, Label.LOCATION) and (m.norm or m.country)
        for m in found
    )


def _surface(table: TokenTable, i: int) -> str:
    """Token `i` as written (연이어, 각각: adverbs Kiwi reads as verbs)."""
    return table.text[table.starts[i] : table.ends[i]]


def _pair_subject(table: TokenTable, verb: int) -> bool:
    """The verb's subject is a pair already introduced (두 사람은, 양 장관은 … 만났다)."""
    start = verb
    while start > 0 and table.heads[start - 1] != "SF":
        start -= 1
    subject = next((i for i in range(start, verb) if table.heads[i] in ("JX", "JKS")), None)
    if subject is None:
        return False
    return any(table.lemmas[i] in cues.words("pair") for i in range(start, subject))


def _term_follows(table: TokenTable, found: Sequence[Mention], verb: int) -> bool:
    """A meeting term follows in the clause the verb leads to (만나 중일 정상회담을 개최했다, 만나 회담을
    했다): the meeting is that term's. A signing there is an event of its own."""
    end = verb + 1
    while end < len(table) and not any(tag in table.tags[end] for tag in ("EC", "EF", "ETM", "SF")):
        end += 1
    first = table.ends[verb]
    last = table.ends[min(end, len(table) - 1)]
    return any(
        m.label is Label.MEETING
        and first <= m.start < last
        and m.data["entries"][0].attrs["event_type"] in _MEETING_TYPES
        for m in found
    )
