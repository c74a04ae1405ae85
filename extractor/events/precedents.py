"""Precedents: earlier partners a sentence of its own counts the current partner after.

`2006년 브라질, 2011년 페루에 이어 파라과이가 세 번째다` names no meeting term: it counts the
document's event with Paraguay as the third of its kind, after one with Brazil in 2006 and one with
Peru in 2011. Each dated partner before `에 이어` is an earlier event of that kind, between the
current event's other side and that partner, at its own date; an undated partner reports none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from extractor.events import split
from extractor.events.clauses import Sentences
from extractor.events.draft import Draft
from extractor.events.labels import Label
from extractor.mentions import Mention, mentions
from extractor.tokens import text_of

#: After the current partner, its place in the count (파라과이가 세 번째다, 캐나다가 세 번째 상대국).
_COUNTED = re.compile(r"^(이|가|은|는)?\s*\S{1,4}\s?번째")
#: What may stand between a partner's date and the partner (2006년 브라질).
_DATE_GAP = re.compile(r"^\s*(에는|에)?\s*$")


def listed(doc: Doc, merged: Sequence[Draft]) -> list[Draft]:
    """The earlier events of the sentences that count a current event's partner after dated others."""
    text = text_of(doc)
    found: list[Mention] = []
    starts: list[int] = []
    earlier: list[Draft] = []
    for sentence in Sentences.of_doc(doc).spans:
        following = split.FOLLOWING.search(text, sentence.start_char, sentence.end_char)
        if following is None:
            continue
        if not found:  # sorted only for a document with 에 이어, and once
            found = sorted(mentions(doc), key=lambda m: m.start)
            starts = [m.start for m in found]
        inside = found[bisect_left(starts, sentence.start_char) : bisect_left(starts, sentence.end_char)]
        if any(m.label is Label.MEETING for m in inside):
            continue  # a term of the sentence's own reports it (split.py)
        countries = [m for m in inside if m.label is Label.COUNTRY and m.norm]
        after = [m for m in countries if m.start >= following.end()]
        if not after or not _COUNTED.match(text[after[0].end : sentence.end_char]):
            continue
        terms = [m for m in found if m.label is Label.MEETING and m.end <= sentence.start_char]
        kind = terms[-1].data["entries"][0].attrs["event_type"] if terms else None
        current = _current(merged, after[0].norm or "", kind)
        if current is None:
            continue
        own = [c for c in current.countries if c != after[0].norm]
        for partner, date in _dated_partners(text, inside, following.start()):
            if partner not in own:
                earlier.append(_precedent(current, own, partner, date))
    return earlier


def _current(merged: Sequence[Draft], partner: str, kind: str | None) -> Draft | None:
    """The event counted: of the kind the last term before names (… 양해각서를 체결했다. … 세 번째다),
    with the counted partner and one other side, no earlier occurrence."""
    return next(
        (
            d
            for d in merged
            if d.type.value == kind
            and partner in d.countries
            and len(d.countries) == 2
            and not (d.recalled or d.earlier)
        ),
        None,
    )


def _dated_partners(text: str, inside: Sequence[Mention], end: int) -> list[tuple[str, Mention]]:
    """The countries before `end` each written right after a date of its own (2006년 브라질)."""
    dates = [m for m in inside if m.label is Label.DATE and m.norm and m.end <= end]
    pairs = []
    for country in (m for m in inside if m.label is Label.COUNTRY and m.norm and m.end <= end):
        date = next((d for d in reversed(dates) if d.end <= country.start), None)
        if date is not None and _DATE_GAP.match(text[date.end : country.start]):
            pairs.append((country.norm or "", date))
    return pairs


def _precedent(current: Draft, own: list[str], partner: str, date: Mention) -> Draft:
    """The earlier event of the current one's kind with `partner`, at `date`."""
    return replace(
        current,
        countries=sorted({*own, partner}),
        participants=[],
        date=date.norm,
        end_date=None,
        name=None,
        round=None,
        location=None,
        kind="after",
        subordinate=True,
        future=False,
        main=False,
        recalled=True,
        refers_back=False,
        distributed=True,
        destination=[partner] if current.destination else [],
    )
