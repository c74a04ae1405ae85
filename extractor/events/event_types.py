"""Deciding an event's type: the meeting term's row in `meeting_types.csv`, then what the parties and
the document's series make of it (a statement of several governments is a joint one; 제14차 회의 is a
round of the series the document is about).

Also the groups of types the other stages treat alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from extractor.events import cues
from extractor.events.clauses import Clause, subject_end, word_start
from extractor.events.draft import Draft
from extractor.events.labels import Label, Type
from extractor.events.naming import ROUND
from extractor.mentions import Mention, mentions
from extractor.models import EventType, Participant
from extractor.tokens import stripped_end

#: Ranks whose meetings are summits.
_HEADS = frozenset({"head_of_state", "head_of_government"})

#: Types of meetings a bare general term may refer back to (오늘 회담에서 …).
MEETINGS = frozenset(
    {
        Type.SUMMIT,
        Type.TALKS,
        Type.STRATEGIC_DIALOGUE,
        Type.CONSULTATION,
        Type.CONFERENCE,
    }
)
#: Types whose bare terms (회담, 회의, 협의) are general words for a meeting of any kind.
GENERAL = frozenset({Type.TALKS, Type.CONFERENCE, Type.CONSULTATION})
#: Types whose records merge whatever word names them: a statement (규탄 성명, 공동성명), a call
#: (외교장관 통화, 전화 통화), a courtesy call, a visit or a signing (협정 서명식, 양해각서 체결) of the
#: same parties on the same day is one, unless their names differ.
ONE_WORD_TYPES = frozenset(
    {
        Type.JOINT_STATEMENT,
        Type.STATEMENT,
        Type.PHONE_CALL,
        Type.COURTESY_CALL,
        Type.VISIT,
        Type.AGREEMENT,
    }
)
MULTILATERAL = frozenset({Type.CONFERENCE, Type.SUMMIT})
#: Meetings held with one side at a time (talks, a call, a courtesy call): whom they are with tells
#: one from another, partners joined by `or` are one meeting with each, and the side met may be a
#: body of no country (EU 집행위원과 면담).
MET_ONE_SIDE = frozenset({Type.TALKS, Type.COURTESY_CALL, Type.PHONE_CALL})
#: Event types whose parties are their own, never the document's main pair: a statement is issued
#: by one government, a visit is made by a visitor to a host.
OWN_PARTIES = frozenset({Type.STATEMENT, Type.VISIT})


def of_trigger(trigger: Mention) -> tuple[EventType, str | None, str | None]:
    """The type, CAMEO and PLOVER codes of the term's gazetteer row."""
    attrs = trigger.data["entries"][0].attrs
    return EventType(attrs["event_type"]), attrs.get("cameo") or None, attrs.get("plover") or None


def by_parties(draft: Draft, clause: Clause) -> None:
    """A statement several governments issue together is a joint statement; a meeting (회의) named by
    the two countries that hold it is a consultation between them (제12차 한·중 영사국장회의, 한일
    재무장관 회의), not a conference of many; talks named by a group (G20 개발장관회담) are one."""
    if draft.type is Type.STATEMENT and len(draft.countries) >= 2:
        draft.type = Type.JOINT_STATEMENT
    if draft.type is Type.CONFERENCE and len(draft.countries) == 2 and _a_meeting(draft):
        start = _phrase_start(clause.text, draft.name_start)  # 한·우즈벡 경제협력위 합동회의
        named = {
            m.norm
            for m in clause.in_sentence
            if m.label is Label.COUNTRY and start <= m.start and m.end <= draft.trigger.start
        }
        if named == set(draft.countries) and not _groups_named(draft, clause):
            draft.type = Type.CONSULTATION
    if draft.type is Type.TALKS and draft.name and _groups_named(draft, clause):
        draft.type = Type.CONFERENCE  # G20 개발장관회담: ministers of a group meet as a conference


@cache
def _between_leaders() -> re.Pattern[str]:
    """Between the title of the people who meet and the term they hold: 정상간의 (첫) 만남, 정상 간
    회동 (`between_leaders` cues)."""
    between = "|".join(cues.words("between_leaders"))
    return re.compile(rf"^\s?({between})\s?(첫|첫번째|역사적인|\s)*$")


def _phrase_start(text: str, start: int) -> int:
    """Where the noun phrase ending at `start` begins: back over up to three words that carry no
    particle (한·우즈벡 경제협력위 합동회의: at 한·우즈벡)."""
    for _ in range(3):
        end = stripped_end(text, start)
        begins = word_start(text, end)
        word = text[begins:end]
        if not word or word.endswith(cues.endings("phrase_particle")) or not word[-1].isalnum():
            break
        start = begins
    return start


def _a_meeting(draft: Draft) -> bool:
    """The term is a word for a meeting (회의, 위원회), not a forum or a congress of many (포럼, 총회)."""
    written = draft.trigger.data["entries"][0].canonical.replace(" ", "")
    return not written.endswith(tuple(cues.words("gathering")))


def _groups_named(draft: Draft, clause: Clause) -> bool:
    """The name holds an international body (G20, 아세안): its meetings are of many."""
    return any(
        m.label is Label.ORG and not m.country and draft.name_start <= m.start < draft.trigger.start
        for m in clause.in_sentence
    )


def by_level(doc: Doc, draft: Draft, clause: Clause) -> None:
    """A meeting named by a general word (회담, 양자회담, 만남) held by a head of state or government, or
    written with a partner (X와의 회담) when all its people are heads, is a summit: 윤 대통령은 … 10여
    개국과 연쇄 양자회담, 북미 정상간의 첫 만남, (푸틴 대통령은 …) 메르켈 총리와의 회담. A subject
    joining a head to someone of lower rank holds talks (장원삼 이사장과 … 대통령이 면담)."""
    entry = draft.trigger.data["entries"][0]
    if draft.type is not Type.TALKS or entry.attrs.get("level") != "any":
        return
    text = clause.text
    end = subject_end(doc, clause.start, draft.trigger.start)
    titles = [m for m in clause.in_sentence if _head(m)]
    subject = [m for m in titles if end is not None and clause.start <= m.start and m.end <= end]
    holding = [m for m in titles if _between_leaders().match(text[m.end : draft.trigger.start])]
    people = [p for p in draft.participants if p.name]
    of_heads = draft.kind == "with" and len(people) >= 2 and _all_heads(doc, people)
    in_subject = [
        m
        for m in clause.in_sentence
        if m.label is Label.TITLE and end is not None and clause.start <= m.start and m.end <= end
    ]
    below = any(not _head(m) for m in in_subject)  # 장원삼 이사장과 … 대통령이 면담: of two ranks
    if (subject and not below) or holding or of_heads:
        draft.type = Type.SUMMIT  # 윤 대통령은 … 양자회담; 북미 정상간의 첫 만남; 총리와의 회담


def of_many(draft: Draft) -> bool:
    """A meeting of many by its term (회의, 정상회의, or a term PLOVER counts as multilateral)."""
    plover = draft.trigger.data["entries"][0].attrs.get("plover") or ""
    return draft.type is Type.CONFERENCE or plover.endswith("multilateral")
def _all_heads(doc: Doc, people: Sequence[Participant]) -> bool:
    """Every person holds a title the text gives a head of state or government."""
    heads = {m.norm for m in mentions(doc) if _head(m)}
    return all(p.title in heads for p in people)


def _head(m: Mention) -> bool:
    """The mention is the title of a head of state or government (대통령, 총리, 국왕)."""
    return m.label is Label.TITLE and any(
        e.attrs.get("rank") in _HEADS for e in m.data.get("entries", ())
    )


def series_of(drafts: Sequence[Draft], first_round: Draft | None) -> Draft | None:
    """The series the document is about: its first event with a round, unless that is a bare term
    itself (제2차 회의), then its first named meeting (한-몽골 전략대화가 열렸다. … 제2차 회의 이후)."""
    if first_round is None or not generic_round(first_round):
        return first_round
    return next((d for d in drafts if d.type in MEETINGS and d.name and not generic_round(d)), first_round)


def follow_series(draft: Draft, series: Draft | None) -> None:
    """A bare term with a round (제14차 회의) is a round of the series the document is about: it takes
    that series' type and no name of its own."""
    if series is not None and draft is not series and draft.round and generic_round(draft):
        draft.type, draft.name = series.type, None


def generic_round(draft: Draft) -> bool:
    """A bare term (회의, 대화) with a round refers to the series the document is about (제14차 회의)."""
    entry = draft.trigger.data["entries"][0]
    if entry.attrs.get("level") != "any" or draft.name is None or " " not in draft.name:
        return False
    head, last = draft.name.rsplit(" ", 1)
    # 제14차 회의, not 제6차 파리평화포럼 (a name of its own around the term)
    terms = {form.replace(" ", "") for form in entry.forms}
    return ROUND.fullmatch(head.replace(" ", "")) is not None and last in terms
