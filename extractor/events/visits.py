"""A visit's parties: who travels (the visitor) and where to (the destination).

The visitor is the person before a genitive (푸틴 대통령의 방북) or, with nobody else named, the
sentence's subject; the destination is the country the visit word names (방북, 방한) or the place
written before it (일본 방문, 하노이를 방문). A trip abroad by nobody of another country is Korea's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events import lists, reports
from extractor.events.clauses import Clause, aside_after, subject_end
from extractor.events.draft import HOME, Draft
from extractor.events.labels import Label
from extractor.events.participants import participant
from extractor.events.roles import genitive_visitor
from extractor.mentions import Mention, mentions
from extractor.tokens import table_of

#: How far before a visit word the genitive of its visitor may stand (베트남 대사의 전북 방문).
_GENITIVE_REACH = 12


def parties(doc: Doc, draft: Draft, clause: Clause, countries: list[str]) -> list[str]:
    """The countries found so far (`countries`) with the visitor's and the destination's; sets the
    visit's destination, and the visitor as its participant when the clause named nobody."""
    text, in_sentence, trigger = clause.text, clause.in_sentence, draft.trigger
    described = _described(doc, trigger, in_sentence)
    if described:  # 방한한 X 장관: the visitors are those the participle describes, not the clause's people
        people = [m for m in described if m.label is Label.PERSON]
        draft.participants = [participant(m) for m in people]
        countries = [m.country or "" for m in people if m.country]
        countries += [m.norm or "" for m in described if m.label is Label.COUNTRY and m.norm]
        visitor = people[-1] if people else None
    else:
        visitor = genitive_visitor(text, draft.name_start, in_sentence)
        if visitor is None and not draft.participants:
            visitor = _subject_person(doc, draft.sentence.start_char, trigger.start, in_sentence)
        if visitor is not None and not draft.participants:
            draft.participants = [participant(visitor)]
            countries += [visitor.data["country"]] if visitor.data.get("country") else []
    if visitor is None and not described:
        countries += _genitive_side(text, in_sentence, trigger)  # 베트남 대사의 전북 방문: Viet Nam's
    destination = _destination(text, trigger, in_sentence, draft.sentence.start_char)
    if not destination and countries and HOME not in countries and _home_named(doc):
        destination = [HOME]  # 마르티네스 국방장관은 … 방위산업체 방문: a foreign visitor's visit here
    draft.destination = destination
    if visitor is None and not described and not any(p.country for p in draft.participants):
        # the clause's subject, else the sentence's (공화국 대표단은 … 평양을 출발하여 중국으로 향하였다)
        start = clause.start if subject_end(doc, clause.start, trigger.start) else draft.sentence.start_char
        subject = subject_end(doc, start, trigger.start) or trigger.start
        countries += [
            m.norm
            for m in in_sentence
            if m.label is Label.COUNTRY
            and start <= m.start
            and m.end <= subject
            and not any(o.label is Label.MEETING and 0 <= o.start - m.end <= 1 for o in in_sentence)
            and m.norm
            and m.norm not in destination
        ]
    countries += destination
    abroad = bool(destination) and HOME not in destination
    stateless = visitor is None or not visitor.data.get("country")
    if stateless and abroad and set(countries) <= set(destination):
        countries.append(HOME)  # a trip abroad by no one of another country: the home side's
    return countries


def _genitive_side(text: str, in_sentence: Sequence[Mention], trigger: Mention) -> list[str]:
    """The country of a visitor written as a country and a title before a genitive, a few words before
    the visit word (이번 베트남 대사의 전북 방문, 캐나다 총리님의 국빈 방한)."""
    for title in in_sentence:
        if title.label is not Label.TITLE or not 0 < trigger.start - title.end <= _GENITIVE_REACH:
            continue
        if not re.match(r"(님)?의\s", text[title.end : title.end + 3]):
            continue
        country = next(
            (
                m
                for m in in_sentence
                if m.label is Label.COUNTRY and m.norm and 0 <= title.start - m.end <= 1
            ),
            None,
        )
        if country is not None:
            return [country.norm or ""]
    return []


def _home_named(doc: Doc) -> bool:
    """The text names Korea, or a Korean body, place or person: a text written from here."""
    return any(
        (m.norm if m.label is Label.COUNTRY else m.country) == HOME
        for m in mentions(doc)
        if m.label in (Label.COUNTRY, Label.ORG, Label.LOCATION, Label.PERSON)
    )


def _described(doc: Doc, trigger: Mention, in_sentence: Sequence[Mention]) -> list[Mention]:
    """The people and countries of the noun phrase a visit participle describes (방한한 X 카타르 장관과,
    방한 중인 베트남 대표단을): the visitors, up to the phrase's particle."""
    table = table_of(doc)
    first = reports.participle_after(table, table.within(trigger.start, trigger.end))
    if first is None:
        return []
    phrase = range(first, min(len(table), first + 20))
    end = next((i for i in phrase if table.heads[i].startswith(("JK", "JX", "SF"))), None)
    if end is None:
        return []
    start, stop = table.starts[first], table.starts[end]
    return [
        m
        for m in in_sentence
        if m.label in (Label.PERSON, Label.COUNTRY) and start <= m.start and m.end <= stop
    ]


def _subject_person(doc: Doc, start: int, end: int, in_sentence: Sequence[Mention]) -> Mention | None:
    """The person who is the sentence's subject before `end` (에체베리아 장관은 연내 방한을 추진): the
    last one named before its first topic or subject particle."""
    subject = subject_end(doc, start, end)
    if subject is None:
        return None
    people = [m for m in in_sentence if m.label is Label.PERSON and m.end <= subject]
    return people[-1] if people else None


def _destination(text: str, trigger: Mention, in_sentence: Sequence[Mention], start: int) -> list[str]:
    """A visit's destinations: the country the visit word names (방북: the countries rule's mention of
    북), the countries listed before it (이집트와 앙골라를 방문), or the place visited (X를 방문)."""
    named = [
        m.norm
        for m in in_sentence
        if m.label is Label.COUNTRY and trigger.start < m.start < trigger.end and m.norm
    ]
    if named:
        return named[:1]
    listed = list(dict.fromkeys(m.norm or "" for m in lists.before(text, in_sentence, trigger.start, start)))
    if len(listed) >= 2:
        return listed
    after = aside_after(text, trigger.end)  # 국외공무출장(∼6일 호주)
    inside = [
        m
        for m in in_sentence
        if after
        and after[0] <= m.start
        and m.end <= after[1]
        and m.label in (Label.COUNTRY, Label.LOCATION)
    ]
    codes = [(m.norm if m.label is Label.COUNTRY else m.country) or "" for m in inside]
    if any(codes):
        return [next(code for code in codes if code)]
    bodies = [(m.start, m.end) for m in in_sentence if m.label is Label.ORG]
    before = [
        m
        for m in in_sentence
        if m.end <= trigger.start
        and m.label in (Label.COUNTRY, Label.LOCATION)
        and not any(a <= m.start and m.end <= b for a, b in bodies)
    ]
    if before:
        m = max(before, key=lambda m: m.end)
        code = m.norm if m.label is Label.COUNTRY else m.country
        if code:
            return [code]
    return []
