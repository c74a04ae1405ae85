"""Deciding parties: the countries that meet, call, issue, sign, travel or host.

In order: the country words of the meeting's name (한일 외교장관회담), else its participants'
countries, the countries that are the sentence's subject (한국과 미국은), the clause's first country
word, Korea where the clause's subject is the government (정부는); a visit's visitor and destination
(`visits.py`); the host of a multilateral meeting (마닐라에서 개최중인 X); the document's main pair for
an event that names too few; and every member named for a summit with a group (한-아프리카).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events import cues, lists, visits
from extractor.events.clauses import Clause, aside_after, comitative, subject_end
from extractor.events.draft import HOME, Draft
from extractor.events.event_types import OWN_PARTIES, of_many
from extractor.events.labels import Label, Type
from extractor.mentions import Mention
from extractor.tokens import SPACE_TAG, stripped_end, stripped_start, table_of, text_of

#: What may stand between the country words of one subject: 과/와, 및, commas, separators (한국과 미국은).
_SUBJECT_JOIN = re.compile(r"^(과|와|및|,|·|ㆍ|-|\s)*$")
#: Between a speaker and the statement that is theirs: a title and a genitive (김여정 부부장의 담화).
_GENITIVE = re.compile(r"^[^,.()\n]{0,16}의\s*$")
#: A country's abbreviation in parentheses after its name: 아랍에미리트(UAE).
_ABBREVIATED = re.compile(r"\([A-Za-z]{2,6}\)")
#: The word for a capital between a country and its city: 카자흐스탄 수도 아스타나.
_CAPITAL = re.compile(r"\s?수도\s?")
#: Between a place and a meeting it hosts: 에서 개최중인 / 에서 열린 / 에서 개막한 / 에서, before the
#: name's quote (마닐라에서 개최중인 외교장관회의, 파리에서 ‘기후변화협약 당사국 총회’).
_HELD_AT = re.compile(r"^에서\s*((개최|열리|열린|진행|개막)\S*\s*)?['‘\"“]?\s*$")


def decide(doc: Doc, draft: Draft, clause: Clause) -> None:
    """The draft's countries from its clause (participants must be attached already)."""
    sentence, trigger, text, in_sentence = draft.sentence, draft.trigger, clause.text, clause.in_sentence
    named = [m for m in in_sentence if draft.name_start <= m.start and m.end <= trigger.end]
    countries = [m.norm for m in named if m.label is Label.COUNTRY and m.norm]
    countries = countries or _of_leaders(text, in_sentence, trigger.start)
    if draft.type is Type.STATEMENT and not countries:
        issuer = _issuer(doc, clause, trigger, sentence.start_char)
        if issuer:  # 조평통 대변인은 … 성명을 발표, 러시아 외무부는 이날 성명에서: the issuer's country
            draft.countries = issuer
            return
    if len(set(countries)) >= 2 and draft.type is not Type.VISIT:
        # the name says who the parties are (한일 외교장관회담), unlike a tour's stops (사우디·카타르 순방)
        draft.participants = [p for p in draft.participants if not p.country or p.country in countries]
    else:
        countries += [p.country for p in draft.participants if p.country]
    if len(set(countries)) < 2:
        countries += _subject_countries(doc, sentence.start_char, trigger, in_sentence)
    if len(set(countries)) < 2 and draft.type not in (Type.VISIT, Type.STATEMENT):
        partners = _partners(doc, clause, trigger)
        if partners and set(countries) <= set(partners):
            # the subject's side: its country (푸틴 러시아 대통령이), else home (김 장관은 …)
            countries += _subject_side(doc, clause, trigger) or [HOME]
        countries += partners
    if draft.kind == "verb" and draft.type is not Type.VISIT:
        # 장원삼 코이카 이사장은 … 대통령을 연이어 만나: the side of the one who meets
        countries += [
            c for c in _subject_bodies(doc, clause, trigger, sentence.start_char) if c not in countries
        ]
    if not countries:
        leading = _first_country_word(text, in_sentence, clause.start, trigger.start)
        # a statement's clause names its topic, not its issuer, unless the country opens it (한미일, …)
        if draft.type is not Type.STATEMENT or _opens_clause(text, in_sentence, clause.start):
            countries += leading
        if countries and _home_subject(text, clause.start, trigger.start):
            countries.append(HOME)
    if draft.type is Type.VISIT:
        countries = visits.parties(doc, draft, clause, countries)
    if draft.type is Type.STATEMENT and not countries:
        countries.append(HOME)  # a statement in a Korean release with no issuer named: the government's
    stateless = any(not p.country for p in draft.participants)
    if len(set(countries)) == 1 and HOME not in countries and stateless:
        countries.append(HOME)  # someone of no stated country meeting a foreign party: the home side
    if draft.kind == "listed" and len(set(countries)) == 1 and HOME not in countries:
        countries.append(HOME)  # 15:00 주부산 미국 총영사 예방: an item of a schedule here
    homeless = HOME not in countries and draft.type is not Type.VISIT
    if homeless and _stateless_subject(doc, clause, trigger):
        # 김 장관은 … 회의에 참석했다, … 외교장관과 함께 회담을 갖고: an official of no stated country
        countries.append(HOME)
    if set(countries) == {HOME} and draft.type not in OWN_PARTIES:
        # 이 대통령과 무하마드 대통령이 아랍에미리트 아부다비에서 정상회담, 카자흐스탄 수도 아스타나에서
        # 정상회담을 …: with no other party named, Korea's meeting abroad is with the host
        countries += _venues(text, in_sentence, clause.start, trigger.start)
    draft.countries = sorted(set(countries))


def add_host(draft: Draft, clause: Clause) -> None:
    """A multilateral meeting counts its host among its parties: the country of the place the text says it is
    held in (마닐라에서 개최중인 X), or the first country in the parenthesis after its name."""
    if not of_many(draft):
        return  # not 경주에서 정상회담
    text = clause.text
    host = _host(text, draft.name_start, clause.in_sentence)
    after = aside_after(text, draft.trigger.end)
    if after:
        inside = [m for m in clause.in_sentence if after[0] <= m.start and m.end <= after[1]]
        named = [m.norm for m in inside if m.label is Label.COUNTRY and m.norm]
        host = host or (named[0] if named else None)
    if host:
        draft.countries = sorted(set(draft.countries) | {host})


def _host(text: str, name_start: int, in_sentence: Sequence[Mention]) -> str | None:
    """The country of a place the text says the meeting is held in (마닐라에서 개최중인 X, 파리에서
    개막한 X)."""
    places = [
        m
        for m in in_sentence
        if m.label in (Label.LOCATION, Label.COUNTRY) and m.end <= name_start
    ]
    if not places:
        return None
    place = places[-1]
    between = text[place.end : name_start]
    if not _HELD_AT.match(between):
        return None
    return place.norm if place.label is Label.COUNTRY else place.country


def _issuer(doc: Doc, clause: Clause, trigger: Mention, sentence_start: int) -> list[str]:
    """Who issues a statement: the body, person or office whose statement it is (김여정 부부장의 담화),
    else the country of those that are the subject of its clause or, if it has none, of its sentence
    (백악관은, 일본 외무성이, 조평통 대변인은 … 관련하여 긴급성명을 발표).
    A subject of several countries is left to the rules for joint statements."""
    text = clause.text
    speakers = [
        m
        for m in clause.in_sentence
        if m.label in (Label.ORG, Label.PERSON, Label.TITLE, Label.COUNTRY)
        and (m.norm if m.label is Label.COUNTRY else m.country)
    ]
    before = [m for m in speakers if m.end <= trigger.start]
    if before:
        nearest = max(before, key=lambda m: m.end)
        if _GENITIVE.match(text[nearest.end : trigger.start]):
            return [_country(nearest)]
    start = clause.start if subject_end(doc, clause.start, trigger.start) else sentence_start
    end = subject_end(doc, start, trigger.start)
    if end is None:
        return []
    issuers = {_country(m) for m in speakers if start <= m.start and m.end <= end}
    return sorted(issuers) if len(issuers) == 1 else []  # several: a joint statement, named by its subject


def _country(m: Mention) -> str:
    """The country a mention names or belongs to."""
    return (m.norm if m.label is Label.COUNTRY else m.country) or ""


def _stateless_subject(doc: Doc, clause: Clause, trigger: Mention) -> bool:
    """The clause's subject is an official named by title alone, of no stated country (김 장관은)."""
    end = subject_end(doc, clause.start, trigger.start)
    if end is None:
        return False
    if any(word in cues.words("pair") for word in clause.text[clause.start : end].split()):
        return False  # 두 정상은, 양 장관은: the people already introduced, of their own countries
    subject = [m for m in clause.in_sentence if clause.start <= m.start and m.end <= end]
    titles = [m for m in subject if m.label is Label.TITLE and not m.country]
    return bool(titles) and not any(_country(m) for m in subject if m.label is not Label.TITLE)


def _subject_bodies(doc: Doc, clause: Clause, trigger: Mention, sentence_start: int) -> list[str]:
    """The countries of the bodies, people and countries named in the subject of the clause, or of the
    sentence when the clause has none (장원삼 코이카 이사장은 … 연이어 만나: 코이카's)."""
    start = clause.start if subject_end(doc, clause.start, trigger.start) else sentence_start
    end = subject_end(doc, start, trigger.start)
    if end is None:
        return []
    subject = [
        m
        for m in clause.in_sentence
        if m.label in (Label.ORG, Label.PERSON, Label.COUNTRY)
        and start <= m.start
        and m.end <= end
        and not (m.label is Label.COUNTRY and _venue(clause.text, m, clause.in_sentence))
    ]
    return list(dict.fromkeys(code for code in (_country(m) for m in subject) if code))


def _subject_side(doc: Doc, clause: Clause, trigger: Mention) -> list[str]:
    """The countries named in the clause's subject (푸틴 러시아 대통령이 …)."""
    end = subject_end(doc, clause.start, trigger.start)
    if end is None:
        return []
    return [
        m.norm
        for m in clause.in_sentence
        if m.label is Label.COUNTRY
        and m.norm
        and clause.start <= m.start
        and m.end <= end
        and not _venue(clause.text, m, clause.in_sentence)
    ]


def _partners(doc: Doc, clause: Clause, trigger: Mention) -> list[str]:
    """The countries of the phrase after the clause's subject that names the side met (호주·뉴질랜드
    외교장관과 회담, 캐나다와 통화, 라브로프 외무장관을 만나): every country of the list before its
    과/와, or before the object particle of a verb that is the trigger."""
    table = table_of(doc)
    start = subject_end(doc, clause.start, trigger.start) or clause.start
    order = cues.any_of("respectively", "in_turn")
    tokens = [
        i
        for i in table.within(start, trigger.start)
        if table.tags[i] != SPACE_TAG and clause.text[table.starts[i] : table.ends[i]] not in order
    ]
    marks = [
        table.ends[i] for i in tokens if comitative(table, i)
    ]
    if tokens and table.heads[tokens[-1]] == "JKO":
        marks.append(table.ends[tokens[-1]])  # 라브로프 외무장관을 만나, 국왕을 예방하고: the one met
    if not marks:
        return []
    between = table.within(marks[-1], trigger.start)
    if any("ETM" in table.tags[i] or table.lemmas[i] in ("에서", "에") for i in between):
        return []  # 마드리드와 … 빌뉴스에서 열린 정상회의: the list says where, not with whom
    listed = lists.before(clause.text, clause.in_sentence, marks[-1], start, titled=True)
    return list(dict.fromkeys(m.norm or "" for m in listed))


def _home_subject(text: str, start: int, end: int) -> bool:
    """The clause's subject is the home government (정부는, 우리 정부는)."""
    home = cues.words("home")
    topic = "".join(cues.endings("topic"))
    return any(word.rstrip(topic) in home for word in text[start:end].split(maxsplit=2)[:2])


def _opens_clause(text: str, in_sentence: Sequence[Mention], start: int) -> bool:
    """A country word opens the clause (한미일, 러북 간 … 성명 발표: the issuer, written first)."""
    offset = stripped_start(text, start)
    return any(m.label is Label.COUNTRY and m.start == offset for m in in_sentence)


def _first_country_word(text: str, in_sentence: Sequence[Mention], start: int, end: int) -> list[str]:
    """The countries of the clause's first word that names any (캐나다와 …, 한미일, 러북 간 …: 한미일)."""
    countries = sorted(
        (
            m
            for m in in_sentence
            if m.label is Label.COUNTRY
            and m.norm
            and start <= m.start < end
            and not _venue(text, m, in_sentence)
        ),
        key=lambda m: m.start,
    )
    if not countries:
        return []
    first = countries[0]
    word_end = next((i for i in range(first.end, end) if text[i].isspace()), end)
    return [m.norm or "" for m in countries if m.start < word_end]


def _venues(text: str, in_sentence: Sequence[Mention], start: int, end: int) -> list[str]:
    """The countries the clause says its meeting is held in (아랍에미리트 아부다비에서)."""
    return [
        m.norm or ""
        for m in in_sentence
        if m.label is Label.COUNTRY
        and m.norm
        and start <= m.start < end
        and not any(o.label is Label.MEETING and 0 <= o.start - m.end <= 1 for o in in_sentence)
        and _venue(text, m, in_sentence)
    ]


def _venue(text: str, country: Mention, in_sentence: Sequence[Mention]) -> bool:
    """The country says where a meeting is held (스웨덴 스톡홀름에서, 스위스에서), or names another event
    of the clause (이집트 순방을 마친 뒤 … 앙골라로 이동해): no party to this one."""
    if any(m.label is Label.MEETING and 0 <= m.start - country.end <= 1 for m in in_sentence):
        return True
    after = country.end
    abbreviation = _ABBREVIATED.match(text, after)  # 아랍에미리트(UAE) 아부다비에서
    after = abbreviation.end() if abbreviation else after
    capital = _CAPITAL.match(text, after)  # 카자흐스탄 수도 아스타나에서
    after = capital.end() if capital else after
    city = next(
        (m for m in in_sentence if m.label is Label.LOCATION and m.start in (after, after + 1)), None
    )
    if city is not None:
        after = city.end
    return text.startswith("에서", after)


def _of_leaders(text: str, in_sentence: Sequence[Mention], end: int) -> list[str]:
    """The countries written right before the title of the people who meet and the term (한-러 정상간
    전화통화, 한일 외교장관 간 통화): the parties, whatever the clause names first."""
    position = end
    while True:
        stop = stripped_end(text, position)
        for word in cues.words("between_leaders"):  # none ends another: any order
            if text.endswith(word, 0, stop):
                stop = stripped_end(text, stop - len(word))
                break
        title = next((m for m in in_sentence if m.label is Label.TITLE and m.end == stop), None)
        if title is None:
            position = stop
            break
        position = title.start
    if position == end:
        return []
    countries: list[Mention] = []
    for m in sorted(in_sentence, key=lambda m: -m.start):
        if m.label is not Label.COUNTRY or not m.norm or m.end > position:
            continue
        gap = text[m.end : countries[-1].start if countries else position]
        if gap.strip(" ·ㆍ-") or (not countries and gap):
            break
        countries.append(m)
    return [m.norm or "" for m in reversed(countries)] if len(countries) >= 2 else []


def _before_titles(text: str, in_sentence: Sequence[Mention], end: int) -> int:
    """Where the title words just before `end` begin (한미 외교장관은: before 외교장관)."""
    position = end
    while True:
        title = next(
            (
                m
                for m in in_sentence
                if m.label is Label.TITLE and m.end <= position and not text[m.end : position].strip()
            ),
            None,
        )
        if title is None or title.start >= position:
            return position
        position = title.start


def _subject_countries(
    doc: Doc, sentence_start: int, trigger: Mention, in_sentence: Sequence[Mention]
) -> list[str]:
    """Countries that are the sentence's subject (한미일은 ... 공동성명을 발표했다; 한국과 미국은 ...;
    한-베트남 정상이 …): the country words that run up to its first topic or subject particle, joined
    by 과/와, 및 or commas, and the title of their people."""
    end = subject_end(doc, sentence_start, trigger.start)
    if end is None:
        return []
    text = text_of(doc)
    countries = sorted(
        (m for m in in_sentence if m.label is Label.COUNTRY and m.norm and m.end <= end),
        key=lambda m: m.start,
    )
    chosen: list[str] = []
    position = _before_titles(text, in_sentence, end)  # 한-베트남 정상이: the countries of the leaders
    for m in reversed(countries):
        if not _SUBJECT_JOIN.match(text[m.end : position]):
            break
        chosen.append(m.norm or "")
        position = m.start
    return chosen
