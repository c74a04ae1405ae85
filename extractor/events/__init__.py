"""The event assembler: meeting-type mentions become one Event record per diplomatic event.

Each trigger goes through the stages in the order of this package's files:

- `triggers.py`      which meeting terms (and `verbs.py`: which verbs) report an event
- `reports.py`       how each is reported (held, an occasion, a plan, a schedule's item, ...)
- `event_types.py`   the event's type (a statement of two governments is a joint statement)
- `naming.py`        its name and round (제15차 한일 차관전략대화)
- `participants.py`  the people taking part (who does not, or is the actor, in `roles.py`; those
                     attending or present beyond the clause in `attendance.py`)
- `parties.py`       the countries that are its parties; a visit's visitor and destination in `visits.py`;
                     those it takes from the events around it in `context.py`
- `dates.py`, `places.py`   its date and place (the dates of its sentence that are others' in
                     `date_owners.py`; a date taken from the events around it in `borrowed_dates.py`)
- `split.py`         one mention that is several events (`각각`)
- `merge.py`         several mentions that are one event (documents signed at one occasion in `signings.py`,
                     the current event and the earlier one it is counted from in `occurrences.py`;
                     whether two mentions may be one, and what the later adds, in `restated.py`);
                     earlier partners a sentence counts the current one after in `precedents.py`
- `salience.py`      what the document is about

An event needs a country party, and a document that names no foreign country holds no diplomatic
events. The cue words every stage reads are data in `gazetteers/event_cues.csv` (`cues.py`); labels and
event types are read as `labels.Label.PERSON`, `labels.Type.VISIT` (an enum member's read is slow).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.events import (
    attendance,
    borrowed_dates,
    context,
    cues,
    dates,
    event_types,
    merge,
    naming,
    participants,
    parties,
    places,
    precedents,
    reports,
    salience,
    split,
    triggers,
)
from extractor.events.clauses import Clause, Sentences, local_mentions
from extractor.events.draft import HOME, Draft
from extractor.events.labels import Label
from extractor.mentions import Mention, mentions
from extractor.models import Event, EventFormat, Evidence, Location, Salience
from extractor.records import EVENTS_KEY
from extractor.rules.date_mentions import anchor_of
from extractor.tokens import table_of, text_of


class EventAssembler:
    """spaCy component: `doc.user_data['korex_events']`, a list of `Event` records."""

    def __init__(self, gazetteers: Sequence[str] = ()) -> None:
        cues.load_cues()  # read the cue words when the pipeline is built, not on its first document
        #: the places by id, where a venue's city is found (정부과천청사: Gwacheon)
        self.seats = places.Seats.of(gazetteer.load(gazetteers).entries.values())

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        if not _foreign(found):
            doc.user_data[EVENTS_KEY] = []
            return doc
        sentences = Sentences.of_doc(doc)
        touching = local_mentions(doc)
        drafts = [
            d
            for d in (
                _draft(doc, m, sentences, touching, self.seats)
                for m in triggers.find(found, table_of(doc))
            )
            if d
        ]
        drafts = [
            one
            for draft in drafts
            for one in split.apart(doc, found, draft, drafts, touching.get(draft.sentence.start_char, []))
        ]
        doc.user_data[EVENTS_KEY] = _finish(doc, drafts, self.seats)
        return doc


def _foreign(found: Sequence[Mention]) -> bool:
    """The document names a foreign country, a foreign body (백악관, 조평통), a foreign city (자카르타)
    or a foreign official the gazetteer knows (`마코 루비오 국무장관과 회담했다`)."""
    located = (Label.ORG, Label.LOCATION, Label.PERSON)
    for m in found:  # stops at the first foreign one, most often among the first mentions
        code = m.norm if m.label is Label.COUNTRY else m.country if m.label in located else None
        if code is not None and code != HOME:
            return True
    return False


def _draft(
    doc: Doc,
    trigger: Mention,
    sentences: Sentences,
    touching: dict[int, list[Mention]],
    seats: places.Seats,
) -> Draft | None:
    """The event one trigger reports, or None; `touching` holds each sentence's mentions."""
    table = table_of(doc)
    span = table.within(trigger.start, trigger.end)
    if not span:
        return None
    text = table.text
    sentence = sentences.of(trigger.start)
    local = touching.get(sentence.start_char, [])
    name_start = naming.name_start(table, sentence, trigger, local)
    kind = reports.how_reported(table, trigger, span, sentence, local, name_start)
    if not triggers.reports_event(table, trigger, span, kind, local, sentence, name_start):
        return None
    event_type, cameo, plover = event_types.of_trigger(trigger)
    draft = Draft(
        trigger=trigger,
        type=event_type,
        sentence=sentence,
        name_start=name_start,
        cameo=cameo,
        plover=plover,
        confidence=reports.confidence(kind),
        subordinate=kind in reports.SUBORDINATE,
        kind=kind,
        future=kind == "before",
    )
    if name_start < trigger.start:
        naming.name_and_round(text, draft, local)
    draft.background = salience.in_note(text, trigger.start)
    draft.earlier = salience.earlier(table, sentence.start_char, trigger)
    draft.refers_back = merge.refers_back(text, name_start)
    clause = Clause.around(doc, sentence, trigger, local)
    draft.partnered = merge.partnered(doc, clause.start, trigger)
    participants.attach(doc, draft, clause)
    parties.decide(doc, draft, clause)
    event_types.by_parties(draft, clause)
    event_types.by_level(doc, draft, clause)
    parties.add_host(draft, clause)
    dates.attach(doc, draft, clause)
    places.attach(doc, draft, clause, seats)
    return draft


def _finish(doc: Doc, drafts: list[Draft], seats: places.Seats) -> list[Event]:
    """Fill parties from the document's main pair, merge repeated mentions, set salience."""
    text = text_of(doc)
    anchor = anchor_of(doc)
    context.without_home(doc, drafts)
    main_pair = context.main_pair(doc, drafts, anchor)
    main_people = participants.main_people(drafts)
    series = event_types.series_of(drafts, naming.series(drafts))
    context.series_parties(drafts)
    places.borrow_occasion_place(drafts)
    context.purpose_of_trip(text, drafts)
    attendance.of_trip(text, drafts)
    borrowed_dates.across_occasions(text, drafts)  # 20일 A회의 및 21일 B회의 참석차 … 방문: the month
    for draft in drafts:
        event_types.follow_series(draft, series)
        context.fill_main_pair(doc, draft, drafts, main_pair)
        participants.pair(doc, draft, main_people)
        attendance.amid(doc, draft)
    borrowed_dates.by_occasion(text, drafts)
    merged = merge.merge(text, drafts, anchor.year if anchor else None)
    lead = salience.lead(merged, anchor)
    borrowed_dates.restated(lead, merged)
    if lead is not None:
        attendance.attendees(doc, lead, merged)
        for draft in merged:
            if draft is lead or not (draft.background or draft.subordinate):
                context.group_parties(doc, draft)
        context.series_parties(merged)  # 작년 제14차 포럼: the series' members, once a group is read
    attendance.named_by_title(doc, merged)  # 케냐 대통령의 방한: the Kenyan president the text names
    merged += precedents.listed(doc, merged)  # 2006년 브라질에 이어 파라과이가 두 번째: Brazil's in 2006
    places.from_trips(merged)
    salience.mark(merged, lead, anchor)
    place = places.main_place(merged)
    borrowed_dates.by_meetings(merged, anchor)
    borrowed_dates.by_trip(merged, anchor)
    for draft in merged:
        participants.from_lead(draft, lead)
        participants.visitors_only(draft)
    return [
        _event(text, d, borrowed_dates.recorded(d, anchor, lead), places.recorded(doc, d, lead, place, seats))
        for d in merged
    ]


def _event(text: str, draft: Draft, date: str | None, location: Location | None) -> Event:
    """The record of one merged draft."""
    return Event(
        type=draft.type,
        format=EventFormat.for_parties(len(draft.countries)),
        salience=Salience.MAIN if draft.main else Salience.MENTIONED,
        countries=draft.countries,
        date=date,
        end_date=draft.end_date,
        location=location,
        participants=draft.participants,
        round=draft.round,
        name=draft.name,
        trigger=text[draft.trigger.start : draft.trigger.end],
        evidence=Evidence(
            text=text[draft.sentence.start_char : draft.sentence.end_char],
            start=draft.sentence.start_char,
            end=draft.sentence.end_char,
        ),
        cameo=draft.cameo,
        plover=draft.plover,
        confidence=draft.confidence,
    )


@Language.factory("korex_events", default_config={"gazetteers": []})
def make_event_assembler(nlp: Language, name: str, gazetteers: list[str]) -> EventAssembler:
    """Factory: the cue words of `event_cues.csv` and the gazetteers' places (visit words come as
    COUNTRY mentions from the rules)."""
    return EventAssembler(gazetteers)
