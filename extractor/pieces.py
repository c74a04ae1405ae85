"""Long texts: analysed in pieces cut at paragraph or sentence ends, and read as one document.

spaCy refuses a text past `nlp.max_length` (1,000,000 characters), and an analysed Doc holds about
0.45 KB per character (its tokens, the token table, the words), so a text longer than `PIECE_CHARS`
is cut into pieces at blank lines, else line ends, else sentence ends, else spaces. Offsets are moved
to index the whole text.

A reader of a long document keeps in mind who was introduced and what it is about. So each piece
after the first is read after a lead-in, each sentence a paragraph of its own: those of earlier
pieces that report the document's first and lead events, name its first foreign country and (with
no dateline) state the last full date, which anchors the dates after it; then, within
`LEAD_IN_CHARS`, the most recent of those that first named a person, then of those that first
reported an event. `김 차관` in a later piece is then the person named earlier, a later mention of
an event is merged into it, and what is main is decided against the document's lead, as in one
analysis of the whole text. What lies in the lead-in was reported by the piece that holds it and is
dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractor.dates import find_dates
from extractor.events.clauses import Sentences
from extractor.events.draft import HOME
from extractor.events.restated import added, agree
from extractor.mentions import Mention, mentions
from extractor.models import DateResolution, EntityLabel, Event, EventFormat, Salience
from extractor.records import EVENTS_KEY
from extractor.rules.date_mentions import ANCHOR_KEY
from extractor.tokens import text_of

#: Longest text analysed as one Doc: about 45 MB of Doc (measured in `benchmarks/length.py`).
PIECE_CHARS = 100_000
#: Longest lead-in read before a piece, and longest sentence kept for one.
LEAD_IN_CHARS = 10_000
_LONGEST_SENTENCE = 2_000
Span = tuple[int, int]
#: Where a piece may end, best first: after a blank line, a line end, a sentence end, a space.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[\uac00-\ud7a3][.!?])[\"'”’)]*\s"),
    re.compile(r"\s"),
)


def cut(text: str, limit: int = PIECE_CHARS) -> list[Span]:
    """`(start, end)` of pieces of at most `limit` characters covering `text`, each ending at the best
    break (see `_BREAKS`) in the second half of its room."""
    spans: list[Span] = []
    start = 0
    while len(text) - start > limit:
        end = _break(text, start + limit // 2, start + limit) or start + limit
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _break(text: str, low: int, high: int) -> int | None:
    """The end of the last break of the best kind between `low` and `high`."""
    for pattern in _BREAKS:
        ends = [match.end() for match in pattern.finditer(text, low, high)]
        if ends:
            return ends[-1]
    return None


@dataclass
class Analysis:
    """What the pipeline found in a text: its mentions and events, offsets into `text`."""

    text: str
    mentions: list[Mention]
    events: list[Event]


def analyse(nlp: Any, text: str, anchor: dt.date | None, *, limit: int = PIECE_CHARS) -> Analysis:
    """Run the pipeline over `text`, in pieces when it is longer than `limit` characters."""
    spans = cut(text, limit)
    if len(spans) == 1:
        return of_doc(_run(nlp, text, anchor))
    memory = _Memory(text, inferred_anchor=anchor is None)
    found: list[Mention] = []
    reported = _Reported()
    for start, end in spans:
        lead_in, origins = memory.lead_in()
        doc = _run(nlp, lead_in + text[start:end], anchor)
        shift = start - len(lead_in)
        own = [_moved(m, shift) for m in mentions(doc) if m.start >= len(lead_in)]
        earlier = len(reported.events)
        new = []
        for event in doc.user_data.get(EVENTS_KEY, []):
            if event.evidence is not None and event.evidence.start < len(lead_in):
                reported.again(event, origins.get(event.evidence.start))
            elif not reported.merged(moved := _moved_event(event, shift), earlier):
                new.append(moved)
        memory.learn(Sentences.of_doc(doc), shift, own, new, (start, end))
        reported.extend(new)
        found.extend(own)
    return Analysis(text, found, reported.events)


def of_doc(doc: Any) -> Analysis:
    """What the pipeline found in one analysed Doc."""
    return Analysis(text_of(doc), mentions(doc), doc.user_data.get(EVENTS_KEY, []))


def _run(nlp: Any, text: str, anchor: dt.date | None) -> Any:
    doc = nlp.make_doc(text)
    doc.user_data[ANCHOR_KEY] = anchor
    return nlp(doc)


class _Reported:
    """The events of the pieces read so far, found again by their sentence and by what they are."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.by_sentence: dict[int, list[int]] = {}
        self.by_kind: dict[tuple[str, tuple[str, ...], str | None], list[int]] = {}

    def extend(self, events: Sequence[Event]) -> None:
        """Add a piece's new events."""
        for event in events:
            if event.evidence is not None:
                self.by_sentence.setdefault(event.evidence.start, []).append(len(self.events))
            self.by_kind.setdefault(_kind(event), []).append(len(self.events))
            self.events.append(event)

    def again(self, twin: Event, sentence: int | None) -> None:
        """An event of the lead-in (on the sentence starting at `sentence` of the text), reported by an
        earlier piece: what a later mention added to it goes to that piece's record."""
        for i in self.by_sentence.get(sentence, []) if sentence is not None else ():
            event = self.events[i]
            if event.type is twin.type and event.trigger == twin.trigger:
                self.events[i] = _absorbed(event, twin) or event
                return

    def merged(self, event: Event, before: int) -> bool:
        """Whether `event` is one of the first `before` events written with the same term, parties and
        no date, round or name that differs (`extractor.events.merge`), whose sentence the lead-in no
        longer holds; if so that record takes what it adds."""
        for i in self.by_kind.get(_kind(event), []):
            if i >= before:
                break
            if (absorbed := _absorbed(self.events[i], event)) is not None:
                self.events[i] = absorbed
                return True
        return False


def _kind(event: Event) -> tuple[str, tuple[str, ...], str | None]:
    return event.type.value, tuple(event.countries), event.trigger


def _absorbed(event: Event, later: Event) -> Event | None:
    """`event` with what a later mention of it adds (`extractor.events.restated.added`); None if a date,
    round or name tells them apart (`restated.agree`). Two dates agree only as day, month or year: the
    term and notes by which merge takes days of one trip as one visit's are not in a record. The
    format follows the parties, as when a record is made (`extractor.events`)."""
    if not agree(event, later):
        return None
    update = added(event, later)
    update["format"] = EventFormat.for_parties(len(update["countries"]))
    return event.model_copy(update=update)


def _moved(m: Mention, shift: int) -> Mention:
    return dataclasses.replace(m, start=m.start + shift, end=m.end + shift)


def _moved_event(event: Event, shift: int) -> Event:
    if event.evidence is None:
        return event
    evidence = event.evidence.model_copy(
        update={"start": event.evidence.start + shift, "end": event.evidence.end + shift}
    )
    return event.model_copy(update={"evidence": evidence})


@dataclass
class _Memory:
    """The sentences of earlier pieces (spans of the whole text) that the next piece is read after."""

    text: str
    inferred_anchor: bool
    #: Sentences always kept: the first event's, the lead event's, the first foreign country's and the
    #: last full date's.
    fixed: dict[str, Span] = field(default_factory=dict)
    #: Sentences that first named a person, then those that first reported an event, in text order.
    people: dict[Span, None] = field(default_factory=dict)
    events: dict[Span, None] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)

    def lead_in(self) -> tuple[str, dict[int, int]]:
        """The kept sentences in text order, a paragraph each, within `LEAD_IN_CHARS` (the fixed ones,
        then the most recent people's, then the most recent events'), and where each one starts in
        the whole text by where it starts in the lead-in."""
        chosen = set(self.fixed.values())
        room = LEAD_IN_CHARS - sum(end - start for start, end in chosen)
        for tier in (self.people, self.events):
            for span in reversed(tier):
                if span not in chosen and span[1] - span[0] <= room:
                    chosen.add(span)
                    room -= span[1] - span[0]
        parts: list[str] = []
        origins: dict[int, int] = {}
        size = 0
        for start, end in sorted(chosen):
            sentence = self.text[start:end]
            part = sentence.strip()
            if part:
                origins[size] = start + len(sentence) - len(sentence.lstrip())
                parts.append(f"{part}\n\n")
                size += len(part) + 2
        return "".join(parts), origins

    def learn(
        self,
        sentences: Sentences,
        shift: int,
        found: Sequence[Mention],
        events: Sequence[Event],
        piece: Span,
    ) -> None:
        """Keep what a piece (`piece` of the text; its mentions and events moved by `shift`) introduced."""

        def keep(position: int) -> Span | None:
            s = sentences.of(position - shift)
            span = (s.start_char + shift, s.end_char + shift)
            return span if 0 < span[1] - span[0] <= _LONGEST_SENTENCE else None

        for m in sorted((m for m in found if m.label is EntityLabel.PERSON), key=lambda m: m.start):
            key = m.kb_id or m.data.get("person") or self.text[m.start : m.end]
            if key not in self.known and (span := keep(m.start)):
                self.known.add(key)
                self.people[span] = None
        abroad = [m.start for m in found if m.label is EntityLabel.COUNTRY and m.norm not in (None, HOME)]
        if abroad:
            self._fix("country", keep(min(abroad)))
        if self.inferred_anchor and (span := _last_full_date(self.text, *piece, keep)):
            self.fixed["date"] = span
        for event in events:
            span = keep(event.evidence.start) if event.evidence else None
            if span:
                self._fix("first", span)
                if event.salience is Salience.MAIN:
                    self._fix("lead", span)
                self.events[span] = None

    def _fix(self, what: str, span: Span | None) -> None:
        """Keep `span` as the sentence of `what` unless one is kept already."""
        if span and what not in self.fixed:
            self.fixed[what] = span


def _last_full_date(text: str, start: int, end: int, keep: Callable[[int], Span | None]) -> Span | None:
    """The sentence of `text[start:end]` holding the last full date it states, which anchors the dates
    after it when a text has no dateline (`extractor.dates.find_dates` with `infer_anchor`)."""
    stated = (DateResolution.EXPLICIT, DateResolution.WEEKDAY)
    for match in reversed(find_dates(text[start:end])):
        if match.resolved_from in stated and match.value and match.value.count("-") == 2:
            return keep(start + match.start)
    return None
