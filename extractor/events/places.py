"""Attaching places: where an event happened.

In order: a city in the parenthesis after its name (X(8.6-8, 마닐라)), a visit's destination (the
city just before the visit word, else the country), a place the clause says it is held at (서울에서,
부산 개최, 뮌헨안보회의), where a listed item happened, a body's building (외교부 청사에서); then the
place of the occasion in the same sentence, and for a main event the lead's or the document's place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from extractor.events import cues
from extractor.events.clauses import Clause, Sentence, Sentences, aside_after
from extractor.events.draft import HOME, Draft
from extractor.events.labels import Label, Type
from extractor.gazetteer import Entry
from extractor.mentions import Mention, mentions
from extractor.models import Location
from extractor.tokens import SPACE_TAG, TokenTable, table_of, text_of

_CITIES_KEY = "korex_cities"
#: What marks a place as where something happens: 에서, 서, or 개최 (부산 개최 FEALAC 외교장관회의).
_PLACE_MARK = re.compile(r"^\s?(에서(?!는)|서\b|\s*개최)")
#: A dateline's place, which says where the report was written (서울=연합뉴스, 워싱턴(미국)=).
_DATELINE = re.compile(r"\s?(\([^()]{1,8}\))?\s?=")
#: Tags of the words between a city and the venue it holds (서울 소공동 롯데호텔에서, 워싱턴의 백악관에서).
_VENUE_TAGS = frozenset({"NNP", "NNG", "NNB", "SL", "SN", "SH", "XSN", "XPN", "JKG"})
#: Words of the venue between a city and 에서, at most.
_VENUE_WORDS = 4


@dataclass(frozen=True, eq=False)
class Seats:
    """The gazetteers' places by id (a venue's `parent` city) and by form (the city of a 시청)."""

    by_id: Mapping[str, Entry]
    by_form: Mapping[str, Entry]

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Seats:
        """The places among `entries`."""
        places = [e for e in entries if e.label is Label.LOCATION]
        return cls({e.id: e for e in places}, {form: e for e in places for form in e.forms})


def attach(doc: Doc, draft: Draft, clause: Clause, seats: Seats) -> None:
    """The place the trigger's sentence gives the event; `seats` holds the gazetteers' places, where a
    venue's city is found."""
    table = table_of(doc)
    text, in_sentence, trigger = clause.text, clause.in_sentence, draft.trigger
    after_name = aside_after(text, trigger.end)
    if after_name:
        inside = [m for m in in_sentence if after_name[0] <= m.start and m.end <= after_name[1]]
        cities = [m for m in inside if m.label is Label.LOCATION]
        if cities:
            draft.location = location(text, cities[0], seats)
        else:
            draft.location = _hall(text, *after_name, seats)  # 예방(울산시청): Ulsan
    if draft.type is Type.VISIT and draft.location is None and draft.destination:
        target = _visited_place(in_sentence, trigger)
        draft.location = location(text, target, seats) if target else Location(country=draft.destination[0])
    places = [
        m
        for m in in_sentence
        if m.label in (Label.LOCATION, Label.COUNTRY)
        and _where_held(table, m, draft.name_start, trigger.end, clause.end)
        and not _anothers(table, m, in_sentence, draft.name_start)
    ]
    if places and draft.location is None:
        cities = [m for m in places if m.label is Label.LOCATION]
        towns = [m for m in cities if not _venue_place(m)]
        chosen = (towns or cities or places)[-1]
        draft.location = location(text, _city_before(doc, chosen) if _venue_place(chosen) else chosen, seats)
    if draft.kind == "listed" and draft.location is None:
        draft.location = _list_place(text, trigger, in_sentence, seats)
    if draft.location is None and draft.type is not Type.VISIT:
        trip = _trip_place(table, in_sentence, draft.sentence.start_char, draft.name_start)
        draft.location = location(text, trip, seats) if trip else None
    if draft.location is None:
        draft.location = _venue(text, in_sentence, clause.start, trigger)
    if draft.location is None:
        draft.location = _hall(text, clause.start, trigger.start, seats, marked=True)
    if draft.location is not None and draft.location.country is None:
        draft.location = None  # 한반도에서 방문한: a region of several countries is no event's place


def location(text: str, place: Mention, seats: Seats) -> Location:
    """A LOCATION mention as an event's place: the city in English and as written, and its country;
    a venue the city it stands in (정부과천청사: Gwacheon); a COUNTRY mention: the country alone."""
    if place.label is Label.COUNTRY:
        return Location(country=place.norm)
    entries = place.data.get("entries") or ()
    seat = seats.by_id.get(entries[0].attrs.get("parent", "")) if entries else None
    if seat is not None:
        return Location(city=seat.en, city_ko=seat.canonical, country=place.country)
    return Location(
        city=entries[0].en if entries else None,
        city_ko=text[place.start : place.end],
        country=place.country,
    )


def _venue_place(place: Mention) -> bool:
    """A LOCATION that is a venue (유엔본부, 판문점) rather than a city."""
    entries = place.data.get("entries") or ()
    return place.label is Label.LOCATION and bool(entries) and entries[0].attrs.get("kind") == "venue"


def _city_before(doc: Doc, venue: Mention) -> Mention:
    """The city a venue stands in when the sentence names only the venue: the last city of its country
    named within the two sentences before (… 뉴욕에 도착했다. … 유엔본부에서 회담), as written, else the
    venue (whose `parent` in places.csv is its city)."""
    spans = Sentences.of_doc(doc).spans
    index = next((k for k, s in enumerate(spans) if s.start_char <= venue.start < s.end_char), 0)
    floor = spans[max(0, index - 2)].start_char
    cities = [
        m
        for m in mentions(doc)
        if m.label is Label.LOCATION
        and not _venue_place(m)
        and m.country == venue.country
        and floor <= m.start
        and m.end <= venue.start
    ]
    return max(cities, key=lambda m: m.start) if cities else venue


def _where_held(
    table: TokenTable, place: Mention, name_start: int, trigger_end: int, clause_end: int
) -> bool:
    """A place (a city or country mention) the clause says the meeting is held at: a city in its name
    (뮌헨안보회의), or a city or country marked before it (서울에서, 부산 개최, 서울 롯데호텔에서) or
    after it (회의를 캔버라에서 개최), but no dateline (서울=연합뉴스) and no origin (중국에서 온)."""
    if place.end > clause_end:
        return False
    if not place.country:
        return False  # 한반도에서, 인도-태평양에서: a region of several countries, no venue
    text = table.text
    if _DATELINE.match(text, place.end):
        return False
    if name_start <= place.start < trigger_end:
        return place.label is Label.LOCATION
    marked = _marked_at(table, place.end)
    if marked is None or _from(table, marked):
        return False
    if place.start >= trigger_end:
        return text[marked - 1 : marked] == "서"  # 회의를 캔버라에서 (도쿄서) …, not the next one's 다낭 개최
    return marked <= name_start


def _anothers(table: TokenTable, place: Mention, in_sentence: Sequence[Mention], name_start: int) -> bool:
    """The place is where another meeting before the event was held (빌뉴스에서 열린 정상회의에 이어
    …): a participle after it describes a meeting term that stands before the event's name."""
    marked = _marked_at(table, place.end)
    if marked is None or marked > name_start:
        return False
    others = [m for m in in_sentence if m.label is Label.MEETING and marked <= m.start < name_start]
    if not others:
        return False
    between = table.within(marked, others[0].start)
    return any("ETM" in table.tags[i] for i in between)


def _marked_at(table: TokenTable, end: int) -> int | None:
    """Where the place ending at `end` is marked as a venue: the end of its 에서 (or 서, 개최), right
    after it or after the venue's words (서울 소공동 롯데호텔에서, 워싱턴의 백악관에서)."""
    text = table.text
    mark = _PLACE_MARK.match(text[end : end + 6])
    if mark:
        return end + mark.end()
    for i in table.within(end, end + 40):
        if table.tags[i] == SPACE_TAG:
            return None
        if (
            text[table.starts[i] : table.ends[i]] == "에서"
            and text[table.ends[i] : table.ends[i] + 1] != "는"
        ):
            words = text[end : table.starts[i]].split()
            return table.ends[i] if 0 < len(words) <= _VENUE_WORDS else None
        if table.tags[i] not in _VENUE_TAGS:
            return None
    return None


def _from(table: TokenTable, marked: int) -> bool:
    """The place is where someone comes from (중국에서 온 대표단), not where the meeting is."""
    following = table.first_from(marked)
    while following < len(table) and table.tags[following] == SPACE_TAG:
        following += 1
    return following < len(table) and table.lemmas[following] in cues.words("origin")


def _trip_place(table: TokenTable, in_sentence: Sequence[Mention], start: int, end: int) -> Mention | None:
    """Where the sentence's traveller is when the meeting happens: the place they visit, move to or
    arrive at before it (자카르타를 방문해 … 참석, 부산으로 이동해 … 정상회담, 평양에 도착한 …, 방한
    기간 중 …), unless they left it (사우디 방문을 마치고 …)."""
    places = [
        m
        for m in in_sentence
        if m.label in (Label.LOCATION, Label.COUNTRY) and start <= m.start and m.end <= end
    ]
    if not places:
        return None
    visits = [
        m
        for m in in_sentence
        if m.label is Label.MEETING
        and m.data["entries"][0].attrs["event_type"] == Type.VISIT.value
    ]
    for place in reversed(places):
        term = next((v for v in visits if v.start <= place.start and place.end <= v.end), None)
        after = term.end if term else place.end  # 방한 기간 중: the visit word names where it goes
        tokens = table.solid_within(after, end, 5)
        k = 1 if tokens and table.heads[tokens[0]].startswith("J") else 0
        if term is None and (k >= len(tokens) or table.lemmas[tokens[k]] not in cues.words("trip")):
            continue
        if any(table.lemmas[i] in cues.words("ending") for i in tokens[k:]):
            continue
        return place
    return None


def _visited_place(in_sentence: Sequence[Mention], trigger: Mention) -> Mention | None:
    """The city a visit goes to, written just before the visit word (평양 방문)."""
    places = [m for m in in_sentence if m.label is Label.LOCATION and m.end <= trigger.start]
    near = places[-1] if places and trigger.start - places[-1].end <= 3 else None
    return near if near is not None and near.country else None  # 한반도: no one country's


def _venue(text: str, in_sentence: Sequence[Mention], clause_start: int, trigger: Mention) -> Location | None:
    """A body's building as the place (청와대 영빈관에서, 외교부 청사에서): the body's country."""
    venues = cues.words("venue")
    for m in in_sentence:
        if m.label is not Label.ORG or not clause_start <= m.start < trigger.start:
            continue
        word = (text[m.end : m.end + 8].split() or [""])[0]
        at_venue = word.startswith("에서") or (word.endswith("에서") and word[:-2] in venues)
        if at_venue and m.country:
            return Location(country=m.country)
    return None


@cache
def _hall_word() -> re.Pattern[str]:
    """A hall word with the name written before it (울산시청, 전남도청에서), compiled once per process."""
    halls = "|".join(cues.words("hall"))
    return re.compile(rf"([가-힣]{{1,6}}?)({halls})(에서)?")


def _hall(text: str, start: int, end: int, seats: Seats, *, marked: bool = False) -> Location | None:
    """The place whose hall the text names between `start` and `end` (울산시청, 전남도청에서): a city
    or region the gazetteers know, written before a hall word; with `marked`, only as where something
    happens (시청에서)."""
    if all(text.find(hall, start, end) == -1 for hall in cues.words("hall")):
        return None  # no hall word at all, as in most clauses
    for found in _hall_word().finditer(text[start:end]):
        if marked and not found.group(3):
            continue
        stem = found.group(1)
        place = next((seats.by_form[f] for f in (stem, stem + "시", stem + "도") if f in seats.by_form), None)
        if place is not None and place.country:
            return Location(city=place.en, city_ko=stem, country=place.country)
    return None


def _list_place(
    text: str, trigger: Mention, in_sentence: Sequence[Mention], seats: Seats
) -> Location | None:
    """Where a listed item happened: the place of the visit or country the list's parenthesis follows
    (실무방한(8.21-22, … 예방): Korea; 인도네시아 파견(8.14, … 예방): Indonesia)."""
    opened = text.rfind("(", max(0, trigger.start - 60), trigger.start)
    if opened == -1:
        return None
    before = [
        m
        for m in in_sentence
        if m.label in (Label.COUNTRY, Label.LOCATION) and opened - 12 <= m.end <= opened
    ]
    if not before:
        return None
    place = before[-1]
    if place.label is Label.COUNTRY:
        return Location(country=place.norm)
    return location(text, place, seats)


def borrow_occasion_place(drafts: Sequence[Draft]) -> None:
    """An event with no place of its own takes that of the occasion in its sentence (X 참석 계기)."""
    occasions: dict[Sentence, Location] = {}
    for d in drafts:
        if d.subordinate and d.location:
            occasions.setdefault(d.sentence, d.location)
    for draft in drafts:
        if draft.location is None:
            draft.location = occasions.get(draft.sentence)


def main_place(drafts: Sequence[Draft]) -> Location | None:
    """The document's place: that of its first main event with one (not of an earlier meeting it
    recalls: 지난해 빌뉴스에서 열린 정상회의)."""
    return next((d.location for d in drafts if d.location and d.main), None)


def from_trips(drafts: Sequence[Draft]) -> None:
    """A visit with no place of its own, or one in a country it does not go to (taken from a mention
    that named no destination: 금번 순방에서), is where it goes (a tour's stops); an event with no place of
    its own between the parties of a trip the text reports is held where the trip goes (카타르를 국빈
    방문 … 정상회담: Doha)."""
    for trip in drafts:
        if trip.type is not Type.VISIT or not trip.destination:
            continue
        if trip.location is None or trip.location.country not in trip.destination:
            trip.location = Location(country=trip.destination[0])  # a tour's stop, not a place it took on
    trips = [d for d in drafts if d.type is Type.VISIT and d.location and not d.background]
    for draft in drafts:
        if draft.location is not None or draft.type is Type.VISIT or draft.background:
            continue
        draft.location = next(
            (
                trip.location
                for trip in trips
                if trip.location
                and trip.location.country in draft.countries
                and set(trip.countries) <= set(draft.countries)
            ),
            None,
        )


def _cities(doc: Doc) -> dict[str, list[Mention]]:
    """The cities the text names, by country: built once per Doc. A dateline's city counts abroad
    (워싱턴=특파원: a correspondent posted where it happens), not at home (서울=연합뉴스: a desk that
    reports the whole country)."""
    found = doc.user_data.get(_CITIES_KEY)
    if found is None:
        found = doc.user_data[_CITIES_KEY] = {}
        text = text_of(doc)
        for m in mentions(doc):
            if m.label is not Label.LOCATION or not m.country:
                continue
            if m.country != HOME or not _DATELINE.match(text, m.end):
                found.setdefault(m.country, []).append(m)
    return found


def recorded(
    doc: Doc, draft: Draft, lead: Draft | None, place: Location | None, seats: Seats
) -> Location | None:
    """The place the record carries: the event's own, or for a main event the lead's or the document's;
    with the city of that country the text names nearest, where it names only the country."""
    found = draft.location or (((lead.location if lead else None) or place) if draft.main else None)
    if found is None or found.city or not found.country:
        return found
    cities = _cities(doc).get(found.country, [])
    if not cities:
        return found
    nearest = min(cities, key=lambda m: abs(m.start - draft.sentence.start_char))
    return location(text_of(doc), nearest, seats)
