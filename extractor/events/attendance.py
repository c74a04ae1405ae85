"""People an event's text says were there beyond its clause: those a later sentence says attended
(이번 면담에는 … 참석했다), those present while it was held (A와 B가 배석한 가운데), and the
travellers of a trip made to attend it (회의 참석차 라오스를 방문); and who an official written by
country and title alone is (케냐 대통령의 방한: the one Kenyan president the text names)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events import context, cues, roles
from extractor.events.clauses import Sentence, Sentences, local_mentions
from extractor.events.draft import Draft
from extractor.events.labels import Label, Type
from extractor.events.participants import participant
from extractor.mentions import Mention, mentions
from extractor.models import Participant
from extractor.tokens import SPACE_TAG, TokenTable, table_of, text_of

#: Most characters between a meeting and the trip made to attend it (회의 참석차 라오스를 방문).
_TRIP_GAP = 60


def attendees(doc: Doc, lead: Draft, drafts: Sequence[Draft]) -> None:
    """People a later sentence says attended (미국 측에서는 ... 부차관보가 참석하였다, 이번 면담에는 …이
    참석했다) join the lead event, or the main event of the type the sentence names (면담에는: the
    talks, when the lead is the visit)."""
    attended = cues.words("attended")
    by_sentence = local_mentions(doc)
    table = table_of(doc)
    lemmas = table.lemmas
    for sentence in Sentences.of_doc(doc).spans:
        if sentence.start_char <= lead.sentence.start_char:
            continue
        if attended.isdisjoint(lemmas[sentence.start : sentence.end]):
            continue
        found = by_sentence.get(sentence.start_char, [])
        meetings = [
            m
            for m in found
            if m.label is Label.MEETING and sentence.start_char <= m.start < sentence.end_char
        ]
        if not all(_topic_of(table, sentence, m) for m in meetings):
            continue  # 이번 면담에는 …이 참석했다: the meeting told of; 회의에 참석한 뒤: another
        kinds = {m.data["entries"][0].attrs["event_type"] for m in meetings}
        told = [
            d
            for d in drafts
            if d.type.value in kinds
            and d.trigger.start < sentence.start_char
            and not (d.background or d.subordinate or d.earlier)
        ]
        target = told[-1] if told else lead
        known = {p.name for p in target.participants}
        for m in found:
            in_it = sentence.start_char <= m.start < sentence.end_char
            if in_it and m.label is Label.PERSON and m.data.get("name") not in known:
                target.participants.append(participant(m))
                known.add(m.data.get("name"))
                if m.data.get("country"):
                    target.countries = sorted(set(target.countries) | {m.data["country"]})


def _topic_of(table: TokenTable, sentence: Sentence, meeting: Mention) -> bool:
    """The meeting is what the sentence is about: among its first two words, its word made topic
    (이번 면담에는, 이날 체결식에는, 회의는)."""
    if len(table.text[sentence.start_char : meeting.start].split()) > 1:
        return False
    word_end = next(
        (k for k in range(meeting.end, sentence.end_char) if table.text[k].isspace()), meeting.end
    )
    rest = [table.heads[i] for i in table.within(meeting.end, word_end) if table.tags[i] != SPACE_TAG]
    return bool(rest) and rest[-1] == "JX"  # 면담에는, 체결식에는, 회의는


def amid(doc: Doc, draft: Draft) -> None:
    """People the trigger's sentence says were present before it (A와 B 등이 배석한 가운데 양 정상은
    회담했다, … 자리한 가운데) take part too."""
    if draft.subordinate or draft.background or draft.tentative:
        return
    sentence = draft.sentence
    end = roles.present_until(table_of(doc), sentence, draft.trigger)
    if end is None:
        return
    known = {p.name for p in draft.participants}
    for m in mentions(doc):
        present = m.label is Label.PERSON and sentence.start_char <= m.start < end
        if present and m.data.get("name") not in known:
            draft.participants.append(participant(m))
            known.add(m.data.get("name"))


def of_trip(text: str, drafts: Sequence[Draft]) -> None:
    """A meeting a trip is made to attend (APEC 정상회의 참석차 베트남을 방문, 회의에 참석하기 위해
    출국한 X) is attended by the travellers, when its own clause names nobody."""
    for visit in drafts:
        if visit.type is not Type.VISIT or not visit.participants:
            continue
        for meeting in drafts:
            gap = visit.trigger.start - meeting.trigger.end
            if (
                0 < gap <= _TRIP_GAP
                and meeting.type is not Type.VISIT
                and not meeting.participants
                and meeting.sentence == visit.sentence
                and context.attended_for(text[meeting.trigger.end : visit.trigger.start])
            ):
                meeting.participants = list(visit.participants)


def named_by_title(doc: Doc, drafts: Sequence[Draft]) -> None:
    """An official of a current event written by country and title alone (가나 대통령의 방한) is the one
    person the text names with that title and country (존 쿠포르 가나 대통령); an earlier event's holder
    of the office may be another (당시 가나 대통령은 2006년 …)."""
    text = text_of(doc)
    people = [m for m in mentions(doc) if m.label is Label.PERSON and m.data.get("name")]
    former = {m.data["name"] for m in people if _former(text, m)}
    named: dict[tuple[str, str], set[str]] = {}
    for m in people:
        name, title, country = (m.data.get(k) for k in ("name", "title", "country"))
        if title and country and name not in former:
            named.setdefault((country, title), set()).add(name)
    for draft in drafts:
        if draft.recalled or draft.earlier or draft.background:
            continue
        known = {p.name for p in draft.participants if p.name}
        draft.participants = [_by_title(p, named, known) for p in draft.participants]


def _former(text: str, person: Mention) -> bool:
    """The person is named as a former holder of the office (쿠포르 당시 가나 대통령, 전 총리)."""
    around = text[max(0, person.start - 4) : person.end + 6].split()
    return any(word in cues.words("former") for word in around)


def _by_title(person: Participant, named: dict[tuple[str, str], set[str]], known: set[str]) -> Participant:
    """The person with the participant's title and country, when the text names one only."""
    if person.name or not (person.country and person.title):
        return person
    names = named.get((person.country, person.title), set())
    if len(names) != 1 or names & known:
        return person
    return person.model_copy(update={"name": next(iter(names))})
