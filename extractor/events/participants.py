"""Attaching participants: the people of the trigger's clause, of a list item, of the subject that did
an earlier act, the pair already introduced (`양 차관`), and attendees a later sentence names.

The parties stage reads these people's countries, so this stage runs before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events import cues
from extractor.events.clauses import Clause, Sentences, subject_end
from extractor.events.draft import Draft
from extractor.mentions import Mention, mentions
from extractor.models import EntityLabel, EventType, Participant
from extractor.tokens import table_of

#: Background events the sentence's subject did itself (X 후 …, X를 통해 …): they take its people.
_SUBJECT_ACTS = frozenset({"after", "via", "done_before"})


def attach(doc: Doc, draft: Draft, clause: Clause) -> None:
    """The people taking part, by how the event is reported: a list item names its own, an earlier
    act takes the subject's, a dated phrase or an aside event none, any other the clause's."""
    sentence, trigger, in_sentence = draft.sentence, draft.trigger, clause.in_sentence
    if draft.kind == "listed":  # a list item names its own people (…, 프라보워 수비안토 대통령 예방)
        item = _item_start(clause.text, sentence.start_char, trigger.start)
        people = [m for m in _people(in_sentence, trigger.end) if m.start >= item]
        draft.participants = [participant(m) for m in people]
        draft.participants += _officials(in_sentence, item, trigger.end)
    elif draft.kind in _SUBJECT_ACTS:
        end = subject_end(doc, sentence.start_char, trigger.start, last=True) or sentence.start_char
        start = subject_end(doc, sentence.start_char, end, last=True) or sentence.start_char
        people = [m for m in _people(in_sentence, end) if m.start >= start]
        draft.participants = [participant(m) for m in people]
        draft.participants += _officials(in_sentence, start, end)
    elif not (draft.subordinate or draft.future or draft.kind == "dated"):  # a dated phrase: no people
        people = _people(in_sentence, clause.end)
        draft.participants = [participant(m) for m in people]
        draft.participants += _officials(in_sentence, clause.start, clause.end)


def participant(person: Mention) -> Participant:
    """A PERSON mention as an event participant."""
    data = person.data
    return Participant(
        name=data.get("name"), title=data.get("title"), org=data.get("org"), country=data.get("country")
    )


def _people(in_sentence: Sequence[Mention], clause_end: int) -> list[Mention]:
    """People taking part: everyone named in the sentence up to the end of the trigger's clause."""
    seen: set[str] = set()
    people = []
    for m in in_sentence:
        if m.label is not EntityLabel.PERSON or m.start > clause_end:
            continue
        key = m.data.get("person") or m.norm or ""
        if key not in seen:
            seen.add(key)
            people.append(m)
    return people


def _officials(in_sentence: Sequence[Mention], start: int, end: int) -> list[Participant]:
    """Unnamed officials in the clause (미국 국무부 대북고위관리): titles with no name found for them."""
    return [
        Participant(**m.data["official"])
        for m in in_sentence
        if m.label is EntityLabel.TITLE and "official" in m.data and start <= m.start < end
    ]


def _item_start(text: str, sentence_start: int, position: int) -> int:
    """Where the list item holding `position` begins: after the last `,` or `(` before it."""
    return (
        max(
            text.rfind(",", sentence_start, position),
            text.rfind("(", sentence_start, position),
            sentence_start - 1,
        )
        + 1
    )


def main_people(drafts: Sequence[Draft]) -> list[Participant]:
    """The document's main pair of people: those of its first event with two or more."""
    return next((d.participants for d in drafts if len(d.participants) >= 2), [])


def pair(text: str, draft: Draft, people: list[Participant]) -> None:
    """An event whose sentence says `양 차관`, `양측`, `3국 장관들` and names nobody takes the people
    already introduced, and their countries."""
    if draft.participants or draft.subordinate or draft.background or not _mentions_pair(text, draft):
        return
    draft.participants = list(people)
    draft.countries = sorted(set(draft.countries) | {p.country for p in people if p.country})


def _mentions_pair(text: str, draft: Draft) -> bool:
    """The sentence says `양 차관`, `양측`, `3국 장관들`: the people already introduced."""
    sentence = text[draft.sentence.start_char : draft.sentence.end_char]
    return any(word in cues.words("pair") for word in sentence.split())


def attendees(doc: Doc, lead: Draft) -> None:
    """People a later sentence says attended (미국 측에서는 ... 부차관보가 참석하였다) join the lead event."""
    attended = cues.words("attended")
    found = mentions(doc)
    lemmas = table_of(doc).lemmas
    known = {p.name for p in lead.participants}
    for sentence in Sentences.of_doc(doc).spans:
        if sentence.start_char <= lead.sentence.start_char:
            continue
        if not any(lemma in attended for lemma in lemmas[sentence.start : sentence.end]):
            continue
        if any(
            m.label is EntityLabel.MEETING
            for m in found
            if sentence.start_char <= m.start < sentence.end_char
        ):
            continue
        for m in found:
            in_it = sentence.start_char <= m.start < sentence.end_char
            if in_it and m.label is EntityLabel.PERSON and m.data.get("name") not in known:
                lead.participants.append(participant(m))
                known.add(m.data.get("name"))
                if m.data.get("country"):
                    lead.countries = sorted(set(lead.countries) | {m.data["country"]})


def from_lead(draft: Draft, lead: Draft | None) -> None:
    """A main joint statement that names nobody was issued by the lead event's people."""
    if draft.main and lead is not None and draft.type is EventType.JOINT_STATEMENT and not draft.participants:
        draft.participants = list(lead.participants)


def without_unnamed_twins(people: list[Participant]) -> list[Participant]:
    """Drop an unnamed official where a named participant of the same country is there (the headline's
    외교장관 and the body's named minister), and unnamed repeats."""
    named = {p.country for p in people if p.name}
    kept: list[Participant] = []
    for p in people:
        if p.name is None and (p.country in named or p in kept):
            continue
        kept.append(p)
    return kept
