"""Turn an analysed spaCy Doc into the pydantic `Document` record.

Entities come from the Doc's mentions in text order; the document-level lists (persons,
organisations, countries, dates) are those entities deduplicated, each with its mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from extractor.mentions import Mention, mentions
from extractor.models import (
    DateResolution,
    DateValue,
    Document,
    EntityLabel,
    Event,
    Organization,
    Person,
)
from extractor.names import english_name
from extractor.tokens import text_of

EVENTS_KEY = "korex_events"


@dataclass(frozen=True)
class Meta:
    """What the loader and the caller know of a document besides its text."""

    id: str
    source: str | None = None
    title: str | None = None
    publisher: str | None = None
    doc_date: str | None = None
    dateline: str | None = None  # `doc_date` as the page writes it, if the page states it
    warnings: tuple[str, ...] = field(default_factory=tuple)


def entities(ordered: Iterable[Mention], text: str) -> list[dict[str, Any]]:
    """The fields of an `Entity` for each mention, in the order given (`document` gives text order).

    `Document` validates them all in one call: half the cost of building an `Entity` per mention.
    """
    return [
        {
            "label": m.label,
            "text": text[m.start : m.end],
            "start": m.start,
            "end": m.end,
            "norm": m.norm,
            "kb_id": m.kb_id,
            "source": m.source,
            "score": m.score,
        }
        for m in ordered
    ]


def organizations(found: Sequence[Mention], text: str) -> list[Organization]:
    """One Organization per body, named by the fullest form the text writes, with all its mentions.

    A body named only inside a meeting's name (APEC in `APEC 정상회의`) names the meeting, not an
    actor, and is not listed.
    """
    meeting_starts = {m.start for m in found if m.label is EntityLabel.MEETING}
    by_key: dict[tuple[str, str | None], Organization] = {}
    for m in found:
        if m.label is not EntityLabel.ORG or _names_meeting(m, text, meeting_starts):
            continue
        entries = m.data.get("entries") or (None,)
        entry = entries[0]
        country = m.country
        key = (m.kb_id or m.norm or text[m.start : m.end], country)
        org = by_key.get(key)
        if org is None:
            org = by_key[key] = Organization(
                name=text[m.start : m.end],
                name_en=entry.en if entry and m.kb_id else None,
                country=country,
                kb_id=m.kb_id,
            )
        org.mentions.append([m.start, m.end])
        if m.end - m.start > len(org.name):
            org.name = text[m.start : m.end]
    return list(by_key.values())


def _names_meeting(org: Mention, text: str, meeting_starts: set[int]) -> bool:
    """The body's name is the first part of a meeting's name (`APEC 정상회의`, `한-아세안 정상회의`)."""
    following = org.end + 1 if text[org.end : org.end + 1] == " " else org.end
    return following in meeting_starts


def persons(found: Iterable[Mention], text: str) -> list[Person]:
    """One Person per person, linking short references to the full name through `data['person']`, with
    an English name (`extractor.names`)."""
    by_key: dict[str, Person] = {}
    for m in found:
        if m.label is not EntityLabel.PERSON:
            continue
        name = m.data.get("name") or text[m.start : m.end]
        key = m.kb_id or m.data.get("person") or name
        person = by_key.get(key)
        if person is None:
            person = by_key[key] = Person(
                name=name,
                name_original=m.data.get("name_original"),
                name_en=m.data.get("name_en"),
                title=m.data.get("title"),
                org=m.data.get("org"),
                country=m.data.get("country"),
                kb_id=m.kb_id,
            )
        person.mentions.append([m.start, m.end])
    for person in by_key.values():
        person.name_en, person.name_en_source = english_name(
            person.name, person.name_original, person.country, person.name_en
        )
    return list(by_key.values())


def countries(found: Iterable[Mention]) -> list[str]:
    """Every country the text refers to, ISO alpha-3, sorted."""
    codes: set[str] = set()
    for m in found:
        if m.label is EntityLabel.COUNTRY and m.norm:
            codes.add(m.norm)
        if listed := m.data.get("countries"):
            codes.update(listed)
    return sorted(codes)


def dates(found: Iterable[Mention], text: str, meta: Meta | None = None) -> list[DateValue]:
    """Every resolved date, once per expression and value (a range gives both ends).

    The publication date the page states comes first when no expression of the text gives it (the
    loader took its dateline out of the text): its span is empty, at 0, and its `text` is the date
    as the page writes it. Unresolved expressions (`norm` None) are entities only.
    """
    values: list[DateValue] = []
    for m in found:
        if m.label is not EntityLabel.DATE:
            continue
        for value in (m.norm, m.data.get("end_value")):
            if value:
                values.append(
                    DateValue(
                        text=text[m.start : m.end],
                        value=value,
                        start=m.start,
                        end=m.end,
                        resolved_from=m.data.get("resolved_from", DateResolution.EXPLICIT),
                    )
                )
    written = meta.dateline if meta is not None else None
    stated = meta.doc_date if meta is not None else None
    if written and stated and all(value.value != stated for value in values):
        values.insert(0, DateValue(text=written, value=stated, start=0, end=0))
    return values


def to_document(doc: Doc, meta: Meta) -> Document:
    """The `Document` record of an analysed Doc."""
    return document(text_of(doc), mentions(doc), doc.user_data.get(EVENTS_KEY, []), meta)


def document(text: str, all_mentions: Sequence[Mention], events: list[Event], meta: Meta) -> Document:
    """The `Document` record of a text analysed into these mentions and events (one Doc's, or those of
    a long text's pieces, `extractor.pieces`)."""
    found = sorted(all_mentions, key=_text_order)
    return Document.model_validate(
        {
            "id": meta.id,
            "source": meta.source,
            "title": meta.title,
            "publisher": meta.publisher,
            "doc_date": meta.doc_date,
            "text": text,
            "entities": entities(found, text),
            "persons": persons(found, text),
            "organizations": organizations(found, text),
            "countries": countries(found),
            "dates": dates(found, text, meta),
            "events": events,
            "warnings": list(meta.warnings),
        }
    )


def _text_order(m: Mention) -> tuple[int, int, str]:
    """Mentions in text order; of those on one span, the longer first, then by label."""
    return m.start, -m.end, m.label
