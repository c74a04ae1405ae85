"""Meetings reported by a verb alone: `X 장관과 만나 … 논의했다`, `Y 대통령을 만났다`.

The verbs are data (`gazetteers/event_verbs.csv`), each standing for the meeting term whose type it
reports (만나다: 회동, TALKS). A verb is a meeting when it has a foreign partner before it (중국 외교부장과
만나; 라브로프 장관을 만날 예정) or a pair as its subject (두 사람은 … 만났지만), and when no meeting term
follows as what it led to (만나 정상회담을 개최했다: one summit, found by its term).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache

from extractor import gazetteer
from extractor.events import cues
from extractor.gazetteer import Entry
from extractor.mentions import Mention
from extractor.models import EntityLabel
from extractor.tokens import SPACE_TAG, TokenTable

#: Particles that mark the one met: 과/와 (X와 만나) or the object (X를 만나).
_PARTNER_MARKS = frozenset({"JKB", "JC", "JKO"})


@cache
def _verbs() -> dict[str, Entry]:
    """Each verb stem of `event_verbs.csv` with the meeting row it stands for."""
    rows = gazetteer.load()
    with (gazetteer.shipped_dir() / "event_verbs.csv").open(encoding="utf-8", newline="") as handle:
        return {row["form"]: rows[row["meeting"]] for row in csv.DictReader(handle)}


def find(table: TokenTable, found: Sequence[Mention]) -> list[Mention]:
    """A MEETING mention for each verb that reports a meeting, over the verb's token."""
    verbs = _verbs()
    triggers = []
    for i, lemma in enumerate(table.lemmas):
        if table.heads[i] != "VV" or lemma not in verbs:
            continue
        if not (_foreign_partner(table, found, i) or _pair_subject(table, i)) or _term_follows(
            table, found, i
        ):
            continue
        entry = verbs[lemma]
        triggers.append(
            Mention(
                EntityLabel.MEETING,
                table.starts[i],
                table.ends[i],
                norm=entry.canonical,
                kb_id=entry.id,
                data={"entries": (entry,), "verb": True},
            )
        )
    return triggers


def kind(table: TokenTable, span: range) -> str | None:
    """How a verb reports its meeting: done (만나, 만났다), planned (만날 예정, 만나기로), done before
    (만난 뒤), or no event of its own (만난 것은: a relative clause about it)."""
    verb = span[-1]
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
    before = [
        i for i in range(max(0, verb - 4), verb) if table.tags[i] != SPACE_TAG and table.heads[i] != "MAG"
    ]
    if not before or table.heads[before[-1]] not in _PARTNER_MARKS:
        return False
    mark = before[-1]
    start = mark
    while start > 0 and not table.heads[start - 1].startswith(("J", "S", "E")):
        start -= 1
    first, last = table.starts[start], table.starts[mark]
    return any(
        first <= m.start
        and m.end <= last
        and m.label in (EntityLabel.COUNTRY, EntityLabel.ORG, EntityLabel.PERSON, EntityLabel.TITLE)
        and (m.norm if m.label is EntityLabel.COUNTRY else m.country)
        for m in found
    )


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
    했다): the meeting is that term's."""
    end = verb + 1
    while end < len(table) and not any(tag in table.tags[end] for tag in ("EC", "EF", "ETM", "SF")):
        end += 1
    first = table.ends[verb]
    last = table.ends[min(end, len(table) - 1)]
    return any(m.label is EntityLabel.MEETING and first <= m.start < last for m in found)
