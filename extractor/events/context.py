"""Parties an event takes from the events around it, not from its own clause.

An event naming fewer than two parties takes those of the event just before it in its sentence or
the one before, else the document's main pair (the first event naming two, else Korea and the
countries of the people named); a meeting a trip is made to attend takes the trip's; a summit of Korea
with a group (한-아프리카) takes every member the text names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events import cues
from extractor.events.clauses import Sentences, comitative, labelled, local_mentions
from extractor.events.draft import HOME, Draft
from extractor.events.event_types import MET_ONE_SIDE, MULTILATERAL, OWN_PARTIES, generic_round, of_many
from extractor.events.labels import Label, Type
from extractor.events.naming import JOINERS
from extractor.mentions import Mention, mentions
from extractor.tokens import table_of, text_of

#: How far after a meeting's term the word for its chair may stand (정상회의 개최를 앞두고 의장국인).
_CHAIR_REACH = 16
#: A dateline's place, which says where a report was written, not who acts (서울=뉴스1, 서울(한국)=).
_DATELINE = re.compile(r"\s?(\([^()]{1,8}\))?\s?=")
#: A name written as one word of one to four syllables, as Korean names are (김, 진희완).
_KOREAN_NAME = re.compile(r"[가-힣]{1,4}")


def main_pair(doc: Doc, drafts: Sequence[Draft], anchor: dt.date | None = None) -> list[str]:
    """The document's main pair: the parties of its first event with two that is no earlier year's
    (지난해 빌뉴스에서 열린 정상회의에 이어 …: the news is this year's), else of its first with two,
    else Korea and the countries of the people it names."""
    paired = [d for d in drafts if len(d.countries) >= 2]
    current = [d for d in paired if not (anchor and d.date and int(d.date[:4]) < anchor.year)]
    return next((d.countries for d in current or paired), []) or _people_pair(doc)


def without_home(doc: Doc, drafts: Sequence[Draft]) -> None:
    """A text that names no Korean side (no Korean country word, body, person, or place but a dateline's)
    and reports events between other countries (러일정상회담) has Korea as no party: the home side a
    stage gave an event for want of a stated one goes, and a visit naming one side takes the other
    from the document's main pair (두 정상은 … 블라디보스토크를 방문해: the guest's) unless it names
    no destination and a trip is reported (틸러슨 장관의 이번 방문은: that trip, `merge.py` joins it)."""
    if _names_home(doc):
        return
    abroad = [[code for code in d.countries if code != HOME] for d in drafts]
    pair = next((countries for countries in abroad if len(countries) >= 2), None) or _people_pair(doc)
    if not pair:
        return
    trips = [
        d
        for d, countries in zip(drafts, abroad, strict=True)
        if d.type is Type.VISIT and len(countries) >= 2
    ]
    for draft, countries in zip(drafts, abroad, strict=True):
        draft.countries = countries
        draft.destination = [code for code in draft.destination if code != HOME]
        other = [code for code in pair if code not in countries]
        named_again = not draft.destination and trips  # 틸러슨 장관의 이번 방문은: the trip reported
        if draft.type is Type.VISIT and len(countries) == 1 and len(other) == 1 and not named_again:
            draft.countries = sorted(countries + other)
            draft.destination = draft.destination or other  # 습근평 … 이번 방문은: to the other side


def _names_home(doc: Doc) -> bool:
    """The text names Korea, a Korean body or person, a Korean place other than a dateline's, or someone
    of no stated country whose name may be Korean (김 장관은, 진희완 의장)."""
    text = text_of(doc)
    located = (Label.COUNTRY, Label.ORG, Label.PERSON, Label.LOCATION)
    return any(
        (
            (m.norm if m.label is Label.COUNTRY else m.country) == HOME
            and not (m.label is Label.LOCATION and _DATELINE.match(text, m.end))
        )
        or (m.label is Label.PERSON and not m.country and _KOREAN_NAME.fullmatch(text[m.start : m.end]))
        for m in mentions(doc)
        if m.label in located
    )


def _people_pair(doc: Doc) -> list[str]:
    """Without an event naming two parties, the countries of the people the text names, with Korea's
    unless it names no Korean side (습근평 총서기 … 김정은 위원장: China and the North)."""
    codes = {m.country for m in mentions(doc) if m.label is Label.PERSON}
    codes = {code for code in codes if code} | ({HOME} if _names_home(doc) else set())
    return sorted(codes) if len(codes) >= 2 else []


def fill_main_pair(doc: Doc, draft: Draft, drafts: Sequence[Draft], pair: list[str]) -> None:
    """An event naming fewer than two parties is between the parties of an event before it in its
    sentence or the one before that names two (김 대통령은 오늘 카타르를 공식 방문한다. 양국
    정상은 회담에서 …; 한·카타르 경제공동위 회의), else the document's main pair (a statement and a
    visit keep their own)."""
    if draft.type is Type.VISIT and set(draft.countries) == {HOME} and _visit_here(doc, draft):
        # 푹 주석님의 국빈 방한: a visit here by a leader of no stated country is the main partner's
        draft.countries = sorted(set(pair) | {HOME}) if len(pair) == 2 else draft.countries
        return
    chair = _chair(doc, draft) if draft.type in MULTILATERAL else None
    if chair is not None:
        draft.countries = [chair]  # G20 정상회의 의장국인 인도네시아: the meeting named by its chair
        return
    if draft.type in OWN_PARTIES or len(draft.countries) >= 2 or _with_body(doc, draft):
        return
    if draft.kind == "listed" and not draft.countries:
        return  # 10:30 위원회 회의(대회의실): a schedule's item names its own parties, or is none of ours
    sentences = Sentences.of_doc(doc)
    previous = sentences.of(max(0, draft.sentence.start_char - 1)).start_char
    near = [
        d
        for d in drafts
        if d.sentence.start_char >= previous
        and d.trigger.start < draft.trigger.start
        and len(d.countries) >= 2
        and not d.background
        and not (of_many(d) and len(d.countries) > 2)
        and not (of_many(draft) and d.distributed)  # a meeting of many is none of the bilaterals around it
    ]
    context = max(near, key=lambda d: d.trigger.start).countries if near else pair
    draft.countries = sorted(set(draft.countries) | set(context))


def _with_body(doc: Doc, draft: Draft) -> bool:
    """A meeting with the people of an international body (EU 집행위원과 면담, 유엔 사무총장과 통화): its
    sides are the body, no country, and the one meeting it; it takes no pair from around it."""
    if draft.type not in MET_ONE_SIDE:
        return False
    table = table_of(doc)
    local = local_mentions(doc).get(draft.sentence.start_char, [])
    found = [m for m in local if draft.sentence.start_char <= m.start < draft.trigger.start]
    bodies = [m for m in found if m.label is Label.ORG and not m.country and _international(m)]
    if not bodies:
        return False
    body = bodies[-1]
    if any(m.label in (Label.COUNTRY, Label.MEETING) and m.start >= body.end for m in found):
        return False  # EU 주재 독일 대사와, 회의를 마친 뒤 …: another side, or another act
    joined = table.within(body.end, draft.trigger.start)
    return any(comitative(table, i) for i in joined)


def _international(body: Mention) -> bool:
    """The body is an international organisation (유럽연합, 유엔, 나토)."""
    return any(entry.attrs.get("kind") == "international" for entry in body.data.get("entries", ()))


def series_parties(drafts: Sequence[Draft]) -> None:
    """A round written by its term alone (작년 제14차 포럼, 부산 15차 포럼) is a meeting of the series the
    text names in full with the same term (제15차 한-중앙아 협력 포럼): it has that series' parties."""
    named = [d for d in drafts if d.round and d.name and not generic_round(d) and len(d.countries) >= 2]
    for draft in drafts:
        if not (draft.round and (draft.name is None or generic_round(draft))):
            continue
        entry = draft.trigger.data["entries"][0]
        full = next((d for d in named if d.trigger.data["entries"][0] is entry), None)
        if full is not None:
            draft.countries = list(full.countries)


def chaired(doc: Doc, draft: Draft) -> bool:
    """The meeting is named as what a country chairs (G20 정상회의 의장국인 X의 Y 대통령을 만났다): a
    description of X, whose people are not named for it."""
    return _chair(doc, draft) is not None


def _chair(doc: Doc, draft: Draft) -> str | None:
    """The country a meeting is named as chaired by (G20 정상회의 의장국인 X, 정상회의 개최를 앞두고
    의장국인 X): the word for the chair a few words after the term, then the country it names."""
    text = text_of(doc)
    end = min(draft.sentence.end_char, draft.trigger.end + _CHAIR_REACH)
    found = [text.find(word, draft.trigger.end, end) for word in cues.words("chair")]
    at = min((i for i in found if i != -1), default=-1)
    if at == -1:
        return None
    country = next(
        (
            m
            for m in sorted(mentions(doc), key=lambda m: m.start)
            if m.label is Label.COUNTRY and m.norm and at < m.start <= at + _CHAIR_REACH
        ),
        None,
    )
    return country.norm if country is not None else None


def _visit_here(doc: Doc, draft: Draft) -> bool:
    """The visit word itself names Korea as where it goes (방한, 국빈 방한)."""
    trigger = draft.trigger
    return any(
        m.label is Label.COUNTRY and m.norm == HOME and trigger.start <= m.start < trigger.end
        for m in mentions(doc)
    )


def purpose_of_trip(text: str, drafts: Sequence[Draft]) -> None:
    """Meetings of many that a trip in their sentence is made to attend are held where the trip goes
    (OSCE 각료회의 참석차 오스트리아에 체류 중인; 보건장관회의에 참석차 태국을 찾을 예정): the trip's
    parties are theirs, each meeting with its own stop when as many are listed (G20 정상회의와
    동아시아 정상회의 참석차 인도와 말레이시아를 찾아)."""
    for visit in drafts:
        if visit.type is not Type.VISIT or not visit.destination:
            continue
        stops = [d for d in drafts if d.type is Type.VISIT and d.trigger is visit.trigger]
        meetings = [
            d
            for d in drafts
            if 0 < visit.trigger.start - d.trigger.end <= 60
            and d.sentence == visit.sentence
            and of_many(d)
            and set(d.countries) <= {HOME}
            and attended_for(text[d.trigger.end : visit.trigger.start])
        ]
        if not meetings or stops[0] is not visit:
            continue
        paired = len(meetings) == len(stops)
        for i, meeting in enumerate(meetings):
            trip = [stops[i]] if paired else stops
            meeting.countries = sorted(set(meeting.countries).union(*(s.countries for s in trip)))


def attended_for(between: str) -> bool:
    """The words between a meeting and a trip say the trip is made to attend it (참석차, 참석 차,
    참석하기 위해), not that it was attended before (참석한 뒤)."""
    words = between.split()
    for i, word in enumerate(words):
        form = next((f for f in cues.words("attended") if word.startswith(f)), None)
        if form is not None:
            rest = word[len(form) :] + "".join(words[i + 1 : i + 3])
            return rest.startswith(tuple(cues.words("purpose")))
    return False


def group_parties(doc: Doc, draft: Draft) -> None:
    """A main summit of Korea with a group (한-아프리카, 한-태평양도서국 정상회의) has as parties every
    country the text names, but those it says were absent (불참) or names only as a territory's owner."""
    if draft.type not in MULTILATERAL or not draft.name or not _with_group(doc, draft):
        return
    text = text_of(doc)
    absent = tuple(cues.words("absent"))
    territory = cues.words("territory")
    named: set[str] = set()
    left_out: set[str] = set()
    for m in labelled(doc, Label.COUNTRY):
        if not m.norm:
            continue
        named.add(m.norm)
        after = text[m.end : m.end + 12].split()
        owner = text[m.end : m.end + 1] in territory or (after and after[0] in territory)
        if owner or any(word.startswith(absent) for word in after[:2]):
            left_out.add(m.norm)
    draft.countries = sorted(set(draft.countries) | (named - left_out))


def _with_group(doc: Doc, draft: Draft) -> bool:
    """The name joins a country to a group that is no country (한-아프리카, 한-태평양도서국), where the
    name is written (a later, fuller mention may have given it: 15차 포럼 … 제15차 한-중앙아 협력 포럼)."""
    text = text_of(doc)
    start, end = draft.name_start, draft.trigger.start
    written = text.find(draft.name or "")
    if draft.name and written != -1 and text[start:end].strip() != draft.name:
        start, end = written, written + len(draft.name)
    countries = [m for m in labelled(doc, Label.COUNTRY) if start <= m.start < end]
    for m in countries:
        if text[m.end : m.end + 1] in JOINERS and not any(c.start == m.end + 1 for c in countries):
            return True
    return False
