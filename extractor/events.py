"""The event assembler: meeting-type mentions become one Event record per diplomatic event.

A MEETING mention (정상회담, 차관전략대화, 예방, 공동성명, ...) is an event when the text reports it:
used as a verb (예방하고, 방문했다), followed by a predicate that reports it held, attended, issued
or signed (회담을 갖고, 공동성명을 발표했다), or given a specific name (제15차 한일 차관전략대화,
APEC 정상회의). Its arguments come from the clause around it: the parties from country words in
its name, its participants and a visit's destination; the participants from the people in the
clause (`양 차관` stands for the two already named); the date and place from the nearest date and
place before it. Repeated mentions of one event merge into one record. An event needs a country
party, and a document that names no foreign country holds no diplomatic events.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.mentions import Mention, mentions
from extractor.models import (
    EntityLabel,
    Event,
    EventFormat,
    EventType,
    Evidence,
    Location,
    Participant,
    Salience,
)
from extractor.records import EVENTS_KEY
from extractor.rules.date_mentions import anchor_of
from extractor.tokens import SPACE_TAG, TokenTable, table_of, text_of

HOME = "KOR"
_SENTENCES_KEY = "korex_sentences"
_ROUND = re.compile(r"제\s*(\d{1,3})\s*차")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_LEVEL = re.compile(r"^[가-힣]+급$")
#: Tags of a clause-ending connective (하고, 하며, 하면서) after which a new clause starts.
_CLAUSE_END = frozenset({"EC"})
#: Mentions that may make up a meeting's name: 한미일, APEC, 뮌헨(안보회의), 정상회의 (공동선언).
_NAMING = frozenset({EntityLabel.COUNTRY, EntityLabel.ORG, EntityLabel.LOCATION, EntityLabel.MEETING})
#: A country joined to a partner by these (한-아프리카, 한·아세안) names a relation.
_JOINERS = frozenset("-·ㆍ・")
#: Types of meetings a bare general term may refer back to (오늘 회담에서 …).
_MEETINGS = frozenset(
    {
        EventType.SUMMIT,
        EventType.TALKS,
        EventType.STRATEGIC_DIALOGUE,
        EventType.CONSULTATION,
        EventType.CONFERENCE,
    }
)
#: Types whose bare terms (회담, 회의, 협의) are general words for a meeting of any kind.
_GENERAL = frozenset({EventType.TALKS, EventType.CONFERENCE, EventType.CONSULTATION})
#: Between a place and a meeting it hosts: 에서 개최중인 / 에서 열린 (마닐라에서 개최중인 외교장관회의).
_HELD_AT = re.compile(r"^에서\s*(개최|열리|열린|진행)\S*\s*$")
#: What marks a place as where something happens: 에서, 서, or 개최 (부산 개최 FEALAC 외교장관회의).
_PLACE_MARK = re.compile(r"^\s?(에서|서\b|\s*개최)")
#: What may stand between the country words of one subject: 과/와, 및, commas, separators (한국과 미국은).
_SUBJECT_JOIN = re.compile(r"^(과|와|및|,|·|ㆍ|-|\s)*$")
#: Types whose records merge whatever word names them: a statement (규탄 성명, 공동성명), a call
#: (외교장관 통화, 전화 통화), a courtesy call or a visit of the same parties on the same day is one.
_ONE_WORD_TYPES = frozenset(
    {
        EventType.JOINT_STATEMENT,
        EventType.STATEMENT,
        EventType.PHONE_CALL,
        EventType.COURTESY_CALL,
        EventType.VISIT,
    }
)
_MULTILATERAL = frozenset({EventType.CONFERENCE, EventType.SUMMIT})
#: Types that are acts rather than named meetings: the words before them (일본 방문, 정상 간 통화)
#: say where or who, and their records carry no name.
_ACTS = frozenset({EventType.PHONE_CALL, EventType.COURTESY_CALL, EventType.VISIT})
#: How a signing is reported: as a verb (서명하였다), signed, issued (채택된), or held (서명식을 가졌다).
_SIGNING = frozenset({"verb", "signed", "issued", "held"})
_REPORTING = frozenset(
    {"held", "attended", "issued", "signed", "via", "occasion", "after", "before", "listed"}
)
#: Cues that make a meeting the background of another (X 참석 계기에, X 이후).
_SUBORDINATE = frozenset({"occasion", "after", "via"})
#: Background events the sentence's subject did itself (X 후 …, X를 통해 …): they take its people.
_SUBJECT_ACTS = frozenset({"after", "via"})
#: Event types whose parties are their own, never the document's main pair: a statement is issued
#: by one government, a visit is made by a visitor to a host.
_OWN_PARTIES = frozenset({EventType.STATEMENT, EventType.VISIT})
#: Markers of background: a note line, or words that put the event in the past or future.
_BACKGROUND = ("※", "*", "☞")


@dataclass(frozen=True)
class Cues:
    """Predicate stems by kind (held, attended, issued, signed, via, occasion, after, before, pair)."""

    kinds: dict[str, frozenset[str]]
    #: Each form's kind (the first listed where a form has several), for one lookup per word.
    by_form: dict[str, str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        by_form: dict[str, str] = {}
        for kind, forms in self.kinds.items():
            for form in forms:
                by_form.setdefault(form, kind)
        object.__setattr__(self, "by_form", by_form)

    def kind_of(self, lemma: str) -> str | None:
        """The kind of a predicate stem, or None."""
        return self.by_form.get(lemma)


@cache
def load_cues() -> Cues:
    """`event_cues.csv`, read once per process."""
    kinds: dict[str, set[str]] = {}
    with (gazetteer.shipped_dir() / "event_cues.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kinds.setdefault(row["kind"], set()).add(row["form"])
    return Cues({kind: frozenset(forms) for kind, forms in kinds.items()})


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's token indexes and character offsets (those of spaCy's `Span`, which holds its Doc:
    kept in the Doc's `user_data`, a Span would make the Doc a reference cycle that only the garbage
    collector frees)."""

    start: int
    end: int
    start_char: int
    end_char: int


class Sentences:
    """A Doc's sentences, computed once and found by character offset (`Span.sent` rescans the Doc)."""

    def __init__(self, spans: list[Sentence]) -> None:
        self.spans = spans
        self.starts = [span.start_char for span in spans]

    @classmethod
    def of_doc(cls, doc: Doc) -> Sentences:
        """The Doc's sentences, built once per Doc."""
        found = doc.user_data.get(_SENTENCES_KEY)
        if found is None:
            spans = [Sentence(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
            found = doc.user_data[_SENTENCES_KEY] = cls(spans)
        return found

    def of(self, char: int) -> Sentence:
        """The sentence holding character `char`."""
        return self.spans[max(0, bisect_right(self.starts, char) - 1)]

    def touching(self, found: Sequence[Mention]) -> dict[int, list[Mention]]:
        """The mentions that share characters with each sentence, in their order in `found`, by the
        sentence's first character: what a trigger's sentence is searched for, without a pass over all."""
        touching: dict[int, list[Mention]] = {}
        for m in found:
            k = max(0, bisect_right(self.starts, m.start) - 1)
            while k < len(self.spans) and self.starts[k] < m.end:
                if m.start < self.spans[k].end_char:
                    touching.setdefault(self.starts[k], []).append(m)
                k += 1
        return touching


@dataclass
class _Draft:
    """An event being assembled from one trigger."""

    trigger: Mention
    type: EventType
    sentence: Sentence
    name_start: int
    countries: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    date: str | None = None
    end_date: str | None = None
    location: Location | None = None
    round: int | None = None
    name: str | None = None
    cameo: str | None = None
    plover: str | None = None
    confidence: float = 0.5
    background: bool = False
    subordinate: bool = False
    future: bool = False
    refers_back: bool = False
    kind: str | None = None


class EventAssembler:
    """spaCy component: `doc.user_data['korex_events']`, a list of `Event` records."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        doc_countries = {m.norm for m in found if m.label is EntityLabel.COUNTRY}
        if not doc_countries - {HOME}:
            doc.user_data[EVENTS_KEY] = []
            return doc
        sentences = Sentences.of_doc(doc)
        triggers = self._triggers(found, text_of(doc))
        touching = sentences.touching(found)
        drafts = [d for d in (self._draft(doc, m, found, sentences, touching) for m in triggers) if d]
        drafts = [one for draft in drafts for one in self._respectively(text_of(doc), draft)]
        doc.user_data[EVENTS_KEY] = self._finish(doc, drafts)
        return doc

    def _triggers(self, found: Sequence[Mention], text: str) -> list[Mention]:
        """MEETING mentions that name an event: not part of an organisation's name (전국시도교육감협의회),
        and not the verb of the term before them (양해각서에 서명: 서명 reports the 양해각서)."""
        orgs = [(m.start, m.end) for m in found if m.label is EntityLabel.ORG]
        meetings = sorted(
            (
                m
                for m in found
                if m.label is EntityLabel.MEETING and not any(a <= m.start and m.end <= b for a, b in orgs)
            ),
            key=lambda m: m.start,
        )
        kept: list[Mention] = []
        for i, m in enumerate(meetings):
            previous = kept[-1] if kept else None
            following = meetings[i + 1] if i + 1 < len(meetings) else None
            is_verb = self.cues.kind_of(text[m.start : m.end]) in _REPORTING
            if previous is not None and is_verb and 0 < m.start - previous.end <= 3:
                continue
            if following is not None and self._combined(text[m.end : following.start]):
                continue  # 오찬을 겸한 회담: one meeting over lunch
            kept.append(m)
        return kept

    def _name_after_place(self, text: str, start: int, trigger: Mention, local: Sequence[Mention]) -> int:
        """Where the name begins once a leading place is left out: a city (함부르크 G20 정상회의) or a
        country before one of its cities (독일 뮌헨안보회의) says where the meeting is, unless the rest
        would no longer say which meeting it is (서울 안보대화)."""
        word_end = text.find(" ", start, trigger.start)
        if word_end == -1:
            return start
        rest = word_end + len(text[word_end : trigger.start]) - len(text[word_end : trigger.start].lstrip())
        exact = {m.label for m in local if m.start == start and m.end == word_end}
        city_next = any(m.label is EntityLabel.LOCATION and m.start == rest for m in local)
        place = EntityLabel.LOCATION in exact or (EntityLabel.COUNTRY in exact and city_next)
        name_words = self.cues.kinds.get("name_word", frozenset())
        if place and rest < trigger.start and _specific(text[rest : trigger.start], name_words):
            return rest
        return start

    def _respectively(self, text: str, draft: _Draft) -> list[_Draft]:
        """A meeting held with several countries `각각` (respectively) is one bilateral event per country:
        조 장관은 프랑스 및 독일 외교장관과 각각 통화하였다 gives a call with each."""
        foreign = [code for code in draft.countries if code != HOME]
        if HOME not in draft.countries or len(foreign) < 2 or draft.type in _MULTILATERAL:
            return [draft]
        words = text[draft.sentence.start_char : draft.trigger.start].split()
        if not any(word in self.cues.kinds.get("respectively", ()) for word in words[-3:]):
            return [draft]
        return [
            replace(
                draft,
                countries=sorted([HOME, code]),
                participants=[p for p in draft.participants if p.country in (None, HOME, code)],
            )
            for code in foreign
        ]

    def _combined(self, between: str) -> bool:
        """The words between two terms join them into one event (오찬을 겸한 회담, 만찬 겸 회의)."""
        words = between.split()
        joins = tuple(self.cues.kinds.get("combined", ()))
        return bool(joins) and 0 < len(words) <= 3 and any(word.startswith(joins) for word in words)

    def _draft(
        self,
        doc: Doc,
        trigger: Mention,
        found: Sequence[Mention],
        sentences: Sentences,
        touching: dict[int, list[Mention]],
    ) -> _Draft | None:
        """The event one trigger reports, or None; `touching` holds each sentence's mentions."""
        table = table_of(doc)
        span = table.within(trigger.start, trigger.end)
        if not span:
            return None
        sentence = sentences.of(trigger.start)
        local = touching.get(sentence.start_char, [])
        entry = trigger.data["entries"][0]
        name_start = self._name_start(doc, sentence, trigger, local)
        kind = (
            self._reported(table, span, sentence)
            or self._participle_before(table, name_start)
            or _listed(table.text, trigger, found)
            or _dated(table, local, sentence, name_start)
        )
        if self._generic_before(table.text, trigger.start):
            return None
        if self._dispatch(table.text, trigger) and not _envoy_before(local, sentence, trigger):
            return None  # 인력 파견, 의료진 파견: people sent, no envoy travelling
        if entry.attrs["event_type"] == EventType.AGREEMENT.value and kind not in _SIGNING:
            return None  # 협정 체결을 통해 …, 협정의 타결을 위해: an agreement named, not signed
        specific = name_start < trigger.start
        if kind is None and (not specific or _topic_follows(table, span)):
            return None  # a name alone, as a sentence's topic, describes a series (X는 … 출범한 협의체)
        draft = _Draft(
            trigger=trigger,
            type=EventType(entry.attrs["event_type"]),
            sentence=sentence,
            name_start=name_start,
            cameo=entry.attrs.get("cameo") or None,
            plover=entry.attrs.get("plover") or None,
            confidence=0.9 if kind in ("verb", "held", "issued", "signed") else 0.7 if kind else 0.6,
            subordinate=kind in _SUBORDINATE,
            kind=kind,
            future=kind == "before",
        )
        text = table.text
        if specific:
            written = text[self._name_after_place(text, name_start, trigger, local) : trigger.end]
            rounds = _ROUND.search(written)
            draft.round = int(rounds.group(1)) if rounds else None
            draft.name = None if draft.type in _ACTS else written
        draft.background = _in_note(text, trigger.start)
        before = text[max(0, name_start - 8) : name_start].split()
        draft.refers_back = bool(before) and before[-1] in self.cues.kinds.get("demonstrative", frozenset())
        self._arguments(doc, draft, local)
        return draft

    def _participle_before(self, table: TokenTable, start: int) -> str | None:
        """A reporting verb that modifies the meeting's name starting at `start` (채택된
        무역투자촉진프레임워크, 열린 회의)."""
        text = table.text
        word_of_name = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        before = text[:word_of_name].rstrip()
        word_start = max(before.rfind(" "), before.rfind("\n")) + 1
        word = table.within(word_start, len(before))
        if not word or not any("ETM" in table.tags[i] for i in word):
            return None
        kind = self.cues.kind_of(table.lemmas[word[0]])
        return kind if kind in ("held", "issued", "signed") else None

    def _mentions_pair(self, text: str, draft: _Draft) -> bool:
        """The sentence says `양 차관`, `양측`, `3국 장관들`: the people already introduced."""
        pairs = self.cues.kinds.get("pair", frozenset())
        sentence = text[draft.sentence.start_char : draft.sentence.end_char]
        return any(word in pairs for word in sentence.split())

    def _dispatch(self, text: str, trigger: Mention) -> bool:
        """The term is a dispatch (파견), an event only for an envoy."""
        return self.cues.kind_of(text[trigger.start : trigger.end]) == "dispatch"

    def _generic_before(self, text: str, start: int) -> bool:
        """The term follows a word that makes it no one event (각급 협의, 향후 협의)."""
        before = text[max(0, start - 12) : start].split()
        return bool(before) and before[-1] in self.cues.kinds.get("generic", frozenset())

    def _reported(self, table: TokenTable, span: range, sentence: Sentence) -> str | None:
        """How the text reports the trigger: `verb` (예방하고), a predicate kind (held...), or None."""
        tags, heads, lemmas, starts = table.tags, table.heads, table.lemmas, table.starts
        after = [i for i in range(span.stop, min(sentence.end, span.stop + 30)) if tags[i] != SPACE_TAG]
        adjacent = bool(after) and starts[after[0]] == table.ends[span[-1]]
        if adjacent and heads[after[0]] in ("XSV", "XSA"):
            modifier = "ETM" in tags[after[0]] or (len(after) > 1 and heads[after[1]] == "ETM")
            if not modifier:
                return "verb"
            following = next((i for i in after[1:] if "ETM" not in tags[i]), None)
            later = following is not None and self.cues.kind_of(lemmas[following]) == "after"
            return "after" if later else None  # 협의한 뒤: done before; 방문한 대사: a relative clause
        if adjacent and table.text[starts[after[0]] : table.ends[after[0]]] == "에서":
            return "held"  # 회담에서 …: the meeting is where something happened
        if after and self.cues.kind_of(lemmas[after[0]]) == "ongoing":
            return "held"  # 방문 중인: a visit under way
        kinds: list[str] = []
        for i in after:
            tag = heads[i]
            if tag == "SF":
                break
            if tag.startswith(("VV", "NNG", "NNB")) or tag == "XSV":
                kind = self.cues.kind_of(lemmas[i])
                if kind in _REPORTING:
                    kinds.append(kind)
            if tag in _CLAUSE_END:
                break
        for preferred in (_SUBORDINATE, {"before"}):
            if any(kind in preferred for kind in kinds):
                return next(kind for kind in kinds if kind in preferred)
        return kinds[0] if kinds else None

    def _name_start(self, doc: Doc, sentence: Sentence, trigger: Mention, local: Sequence[Mention]) -> int:
        """Where the meeting's name begins: 제15차, a year, country words and bodies before the term."""
        text = text_of(doc)
        named = [
            (m.start, m.end)
            for m in local
            if m.label in _NAMING and m.end > sentence.start_char and m.start < trigger.start
        ]
        start = trigger.start
        position = trigger.start
        while position > sentence.start_char:
            word_end = position
            while word_end > sentence.start_char and text[word_end - 1] == " ":
                word_end -= 1
            if word_end > sentence.start_char and text[word_end - 1].isspace():
                break
            word_start = word_end
            while word_start > sentence.start_char and not text[word_start - 1].isspace():
                word_start -= 1
            word = text[word_start:word_end]
            if not word or word.startswith("[") or not self._name_word(word, word_start, word_end, named):
                break
            start = word_start
            position = word_start
        if (
            start < trigger.start
            and text[start : trigger.start].strip()
            and not _specific(text[start : trigger.start], self.cues.kinds.get("name_word", frozenset()))
        ):
            return trigger.start
        return start

    def _name_word(self, word: str, start: int, end: int, named: Sequence[tuple[int, int]]) -> bool:
        if _ROUND.fullmatch(word.replace(" ", "")) or _YEAR.match(word) or _LEVEL.match(word):
            return True
        if word in self.cues.kinds.get("name_word", frozenset()):
            return True
        covered = {i for a, b in named for i in range(max(a, start), min(b, end))}
        if start not in covered:
            return False
        head = start
        while head in covered:
            head += 1
        rest = word[head - start :]
        joined = rest[:1] in _JOINERS
        return joined or all(
            i in covered or not ch.isalnum() or ch.isascii() for i, ch in enumerate(rest, head)
        )

    def _arguments(self, doc: Doc, draft: _Draft, local: Sequence[Mention]) -> None:
        """Parties, participants, date and place from the trigger's clause and sentence (`local`: the
        mentions touching it)."""
        sentence, trigger = draft.sentence, draft.trigger
        text = text_of(doc)
        in_sentence = [m for m in local if sentence.start_char <= m.start and m.end <= sentence.end_char]
        clause_start = self._clause_start(doc, sentence, trigger)
        named = [m for m in in_sentence if draft.name_start <= m.start and m.end <= trigger.end]
        countries = [m.norm for m in named if m.label is EntityLabel.COUNTRY and m.norm]
        destination: list[str] = []
        clause_end = self._clause_end(doc, sentence, trigger)
        if draft.kind == "listed":  # a list item names its own people (…, 프라보워 수비안토 대통령 예방)
            item = _item_start(text, sentence.start_char, trigger.start)
            people = [m for m in self._people(in_sentence, trigger.end) if m.start >= item]
            draft.participants = [_participant(m) for m in people]
            draft.participants += _officials(in_sentence, item, trigger.end)
        elif draft.kind in _SUBJECT_ACTS:
            subject_end = _subject_end(doc, sentence.start_char, trigger.start, last=True)
            subject_end = subject_end or sentence.start_char
            subject_start = (
                _subject_end(doc, sentence.start_char, subject_end, last=True) or sentence.start_char
            )
            people = [m for m in self._people(in_sentence, subject_end) if m.start >= subject_start]
            draft.participants = [_participant(m) for m in people]
            draft.participants += _officials(in_sentence, subject_start, subject_end)
        elif not (draft.subordinate or draft.future or draft.kind == "dated"):  # a dated phrase: no people
            people = self._people(in_sentence, clause_end)
            draft.participants = [_participant(m) for m in people]
            draft.participants += _officials(in_sentence, clause_start, clause_end)
        if len(set(countries)) >= 2:  # the name says who the parties are (한일 외교장관회담)
            draft.participants = [p for p in draft.participants if not p.country or p.country in countries]
        else:
            countries += [p.country for p in draft.participants if p.country]
        if len(set(countries)) < 2:
            countries += _subject_countries(doc, sentence.start_char, trigger, in_sentence)
        if not countries:
            leading = _first_country_word(text, in_sentence, clause_start, trigger.start)
            # a statement's clause names its topic, not its issuer, unless the country opens it (한미일, …)
            if draft.type is not EventType.STATEMENT or _opens_clause(text, in_sentence, clause_start):
                countries += leading
            if countries and self._home_subject(text, clause_start, trigger.start):
                countries.append(HOME)
        if draft.type is EventType.VISIT:
            visitor = _visitor(text, draft.name_start, in_sentence)
            if visitor is None and not draft.participants:
                visitor = _subject_person(doc, sentence.start_char, trigger.start, in_sentence)
            if visitor is not None and not draft.participants:
                draft.participants = [_participant(visitor)]
                countries += [visitor.data["country"]] if visitor.data.get("country") else []
            destination = self._visit_parties(trigger, in_sentence)
            if visitor is None:
                countries += [
                    m.norm
                    for m in in_sentence
                    if m.label is EntityLabel.COUNTRY
                    and clause_start <= m.start
                    and m.end <= trigger.start
                    and m.norm
                    and m.norm not in destination
                ]
            countries += destination
            abroad = bool(destination) and HOME not in destination
            if visitor is None and abroad and set(countries) <= set(destination):
                countries.append(HOME)  # a trip abroad by no one of another country: the home side's
        if draft.type is EventType.STATEMENT and not countries:
            countries.append(HOME)  # a statement in a Korean release with no issuer named: the government's
        if (
            len(set(countries)) == 1
            and HOME not in countries
            and any(not p.country for p in draft.participants)
        ):
            countries.append(HOME)  # someone of no stated country meeting a foreign party: the home side
        draft.countries = sorted(set(countries))
        if draft.type is EventType.STATEMENT and len(draft.countries) >= 2:
            draft.type = EventType.JOINT_STATEMENT  # a statement several governments issue together
        dates = [m for m in in_sentence if m.label is EntityLabel.DATE and m.norm]
        dates = [m for m in dates if not (draft.name_start <= m.start and m.end <= trigger.end)]
        aside = _aside(text, trigger.end)
        own = [m for m in dates if aside and aside[0] <= m.start and m.end <= aside[1]]
        before = [m for m in dates if m.end <= trigger.start and m.start >= clause_start]
        chosen = own[0] if own else before[-1] if before else None
        if chosen is None:
            after = [m for m in dates if m.start >= trigger.end]
            chosen = after[0] if after and not draft.subordinate else None
        earlier = [m for m in dates if m.end <= clause_start]
        if chosen is None and earlier and not draft.subordinate:
            chosen = _sequence_date(doc, earlier[-1], in_sentence, clause_start, trigger)
        if chosen is not None:
            draft.date, draft.end_date = chosen.norm, chosen.data.get("end_value")
        host = self._host(text, draft.name_start, in_sentence)
        if aside:
            inside = [m for m in in_sentence if aside[0] <= m.start and m.end <= aside[1]]
            named = [m.norm for m in inside if m.label is EntityLabel.COUNTRY and m.norm]
            host = host or (named[0] if named else None)
            cities = [m for m in inside if m.label is EntityLabel.LOCATION]
            if cities:
                draft.location = _location(text, cities[0])
        if host and draft.type in _MULTILATERAL:
            draft.countries = sorted(set(draft.countries) | {host})
        if draft.type is EventType.VISIT and draft.location is None and destination:
            target = _visited_place(in_sentence, trigger)
            draft.location = _location(text, target) if target else Location(country=destination[0])
        places = [m for m in in_sentence if _where_held(text, m, draft.name_start, trigger.end, clause_end)]
        if places and draft.location is None:
            draft.location = _location(text, places[-1])
        if draft.kind == "listed" and draft.location is None:
            draft.location = self._list_place(text, trigger, in_sentence)
        if draft.location is None:
            draft.location = self._venue(text, in_sentence, clause_start, trigger)

    def _clause_start(self, doc: Doc, sentence: Sentence, trigger: Mention) -> int:
        """Start of the trigger's clause: after the last connective ending (하고, 하며) before it."""
        table = table_of(doc)
        start = sentence.start_char
        for i in range(sentence.start, sentence.end):
            if table.starts[i] >= trigger.start:
                break
            if table.heads[i] in _CLAUSE_END or table.tags[i].endswith("+EC"):
                start = table.ends[i]
        return start

    def _home_subject(self, text: str, start: int, end: int) -> bool:
        """The clause's subject is the home government (정부는, 우리 정부는)."""
        home = self.cues.kinds.get("home", frozenset())
        return any(word.rstrip("은는이가") in home for word in text[start:end].split()[:2])

    def _venue(
        self, text: str, in_sentence: Sequence[Mention], clause_start: int, trigger: Mention
    ) -> Location | None:
        """A body's building as the place (청와대 영빈관에서, 외교부 청사에서): the body's country."""
        venues = self.cues.kinds.get("venue", frozenset())
        for m in in_sentence:
            if m.label is not EntityLabel.ORG or not clause_start <= m.start < trigger.start:
                continue
            word = (text[m.end : m.end + 8].split() or [""])[0]
            at_venue = word.startswith("에서") or (word.endswith("에서") and word[:-2] in venues)
            if at_venue and m.country:
                return Location(country=m.country)
        return None

    def _list_place(self, text: str, trigger: Mention, in_sentence: Sequence[Mention]) -> Location | None:
        """Where a listed item happened: the place of the visit or country the list's parenthesis follows
        (실무방한(8.21-22, … 예방): Korea; 인도네시아 파견(8.14, … 예방): Indonesia)."""
        opened = text.rfind("(", max(0, trigger.start - 60), trigger.start)
        if opened == -1:
            return None
        before = [
            m
            for m in in_sentence
            if m.label in (EntityLabel.COUNTRY, EntityLabel.LOCATION) and opened - 12 <= m.end <= opened
        ]
        if not before:
            return None
        place = before[-1]
        if place.label is EntityLabel.COUNTRY:
            return Location(country=place.norm)
        return _location(text, place)

    def _host(self, text: str, name_start: int, in_sentence: Sequence[Mention]) -> str | None:
        """The country of a place the text says the meeting is held in (마닐라에서 개최중인 X)."""
        places = [
            m
            for m in in_sentence
            if m.label in (EntityLabel.LOCATION, EntityLabel.COUNTRY) and m.end <= name_start
        ]
        if not places:
            return None
        place = places[-1]
        between = text[place.end : name_start]
        if not _HELD_AT.match(between):
            return None
        return place.norm if place.label is EntityLabel.COUNTRY else place.country

    def _clause_end(self, doc: Doc, sentence: Sentence, trigger: Mention) -> int:
        """End of the trigger's clause: its first connective ending (하고, 하며) after the trigger."""
        table = table_of(doc)
        for i in range(sentence.start, sentence.end):
            if table.starts[i] >= trigger.end and (
                table.heads[i] in _CLAUSE_END or table.tags[i].endswith("+EC")
            ):
                return table.ends[i]
        return sentence.end_char

    def _people(self, in_sentence: Sequence[Mention], clause_end: int) -> list[Mention]:
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

    def _visit_parties(self, trigger: Mention, in_sentence: Sequence[Mention]) -> list[str]:
        """A visit's destination: the country the visit word names (방북: the countries rule's mention of
        북), or the place visited (X를 방문)."""
        named = [
            m.norm
            for m in in_sentence
            if m.label is EntityLabel.COUNTRY and trigger.start < m.start < trigger.end and m.norm
        ]
        if named:
            return named[:1]
        bodies = [(m.start, m.end) for m in in_sentence if m.label is EntityLabel.ORG]
        before = [
            m
            for m in in_sentence
            if m.end <= trigger.start
            and m.label in (EntityLabel.COUNTRY, EntityLabel.LOCATION)
            and not any(a <= m.start and m.end <= b for a, b in bodies)
        ]
        if before:
            m = before[-1]
            code = m.norm if m.label is EntityLabel.COUNTRY else m.country
            if code:
                return [code]
        return []

    def _finish(self, doc: Doc, drafts: list[_Draft]) -> list[Event]:
        """Fill parties from the document's main pair, merge repeated mentions, set salience."""
        anchor = anchor_of(doc)
        main_pair: list[str] = next(
            (d.countries for d in drafts if len(d.countries) >= 2), []
        ) or _people_pair(doc)
        main_people: list[Participant] = next(
            (d.participants for d in drafts if len(d.participants) >= 2), []
        )
        series = next((d for d in drafts if d.round), None)
        for draft in drafts:
            if draft.location is None:
                draft.location = next(
                    (
                        d.location
                        for d in drafts
                        if d.subordinate and d.location and d.sentence == draft.sentence
                    ),
                    None,
                )
        merged: list[_Draft] = []
        for draft in drafts:
            if series is not None and draft is not series and draft.round and _generic(draft):
                draft.type, draft.name = series.type, None
            pair = self._mentions_pair(text_of(doc), draft) and not draft.subordinate and not draft.background
            if not draft.participants and pair:
                draft.participants = list(main_people)
                draft.countries = sorted(set(draft.countries) | {p.country for p in main_people if p.country})
            if draft.type not in _OWN_PARTIES and len(draft.countries) < 2:
                draft.countries = sorted(set(draft.countries) | set(main_pair))
            if not draft.countries:
                continue
            twin = next((m for m in merged if _same_event(m, draft)), None)
            if (
                twin is None
                and merged
                and _bare(draft)
                and merged[0].type in _MEETINGS
                and set(draft.countries) <= set(merged[0].countries)
            ):
                twin = merged[0]
            if twin is None:
                merged.append(draft)
            else:
                _absorb(twin, draft)
        lead = next((d for d in merged if d.kind not in (None, "dated") and not _aside_event(d)), None)
        if lead is not None:
            _attendees(doc, lead)
            for draft in merged:
                if draft is lead or not (draft.background or draft.subordinate):
                    self._group_parties(doc, draft)
        place = next(
            (d.location for d in merged if d.location and d.kind and not (d.background or d.subordinate)),
            None,
        )
        return [self._event(doc, draft, lead, anchor, place) for draft in merged]

    def _group_parties(self, doc: Doc, draft: _Draft) -> None:
        """A main summit of Korea with a group (한-아프리카, 한-태평양도서국 정상회의) has as parties every
        country the text names, but those it says were absent (불참) or names only as a territory's owner."""
        if draft.type not in _MULTILATERAL or not draft.name or not _with_group(doc, draft):
            return
        text = text_of(doc)
        absent = self.cues.kinds.get("absent", frozenset())
        territory = self.cues.kinds.get("territory", frozenset())
        named: set[str] = set()
        left_out: set[str] = set()
        for m in mentions(doc):
            if m.label is not EntityLabel.COUNTRY or not m.norm:
                continue
            named.add(m.norm)
            after = text[m.end : m.end + 12].split()
            owner = text[m.end : m.end + 1] in territory or (after and after[0] in territory)
            if owner or any(word.startswith(tuple(absent)) for word in after[:2]):
                left_out.add(m.norm)
        draft.countries = sorted(set(draft.countries) | (named - left_out))

    def _event(
        self, doc: Doc, draft: _Draft, lead: _Draft | None, anchor: dt.date | None, place: Location | None
    ) -> Event:
        """The record of one merged draft; main events take the lead's date and place when they have none.
        Without a lead (every event is background) no event is main."""
        lead_date = lead and (lead.date or (_day_or_month(anchor, lead.type) if anchor else None))
        main = lead is not None and (
            draft is lead
            or (
                not _aside_event(draft)
                and _same_day(draft.date, lead_date)
                and (draft.kind is not None or draft.countries == lead.countries)
            )
        )
        date = draft.date or (_day_or_month(anchor, draft.type) if main and anchor else None)
        if main and lead is not None and draft.type is EventType.JOINT_STATEMENT and not draft.participants:
            draft.participants = list(lead.participants)
        location = draft.location or (((lead.location if lead else None) or place) if main else None)
        return Event(
            type=draft.type,
            format=EventFormat.for_parties(len(draft.countries)),
            salience=Salience.MAIN if main else Salience.MENTIONED,
            countries=draft.countries,
            date=date,
            end_date=draft.end_date,
            location=location,
            participants=draft.participants,
            round=draft.round,
            name=draft.name,
            trigger=text_of(doc)[draft.trigger.start : draft.trigger.end],
            evidence=Evidence(
                text=text_of(doc)[draft.sentence.start_char : draft.sentence.end_char],
                start=draft.sentence.start_char,
                end=draft.sentence.end_char,
            ),
            cameo=draft.cameo,
            plover=draft.plover,
            confidence=draft.confidence,
        )


def _bare(draft: _Draft) -> bool:
    """A bare general term (회담, 회의) with no name or round: the text referring back to its event."""
    return (
        draft.type in _GENERAL
        and not (draft.subordinate or draft.background)
        and draft.name is None
        and not draft.round
        and draft.trigger.data["entries"][0].attrs.get("level") == "any"
    )


def _people_pair(doc: Doc) -> list[str]:
    """Without an event naming two parties, Korea and the countries of the people the text names."""
    codes = {m.country for m in mentions(doc) if m.label is EntityLabel.PERSON}
    codes = {code for code in codes if code} | {HOME}
    return sorted(codes) if len(codes) >= 2 else []


def _generic(draft: _Draft) -> bool:
    """A bare term (회의, 대화) with a round refers to the series the document is about (제14차 회의)."""
    return (
        draft.trigger.data["entries"][0].attrs.get("level") == "any"
        and draft.name is not None
        and (_ROUND.fullmatch(draft.name.rsplit(" ", 1)[0].replace(" ", "")) is not None)
    )


def _attendees(doc: Doc, lead: _Draft) -> None:
    """People a later sentence says attended (미국 측에서는 ... 부차관보가 참석하였다) join the lead event."""
    cues = load_cues().kinds.get("attended", frozenset())
    found = mentions(doc)
    lemmas = table_of(doc).lemmas
    known = {p.name for p in lead.participants}
    for sentence in Sentences.of_doc(doc).spans:
        if sentence.start_char <= lead.sentence.start_char:
            continue
        if not any(lemma in cues for lemma in lemmas[sentence.start : sentence.end]):
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
                lead.participants.append(_participant(m))
                known.add(m.data.get("name"))
                if m.data.get("country"):
                    lead.countries = sorted(set(lead.countries) | {m.data["country"]})


def _same_day(date: str | None, lead_date: str | None) -> bool:
    """A date that does not contradict the lead's: none, or one that is the other's day, month or year."""
    return not date or not lead_date or date.startswith(lead_date) or lead_date.startswith(date)


def _day_or_month(anchor: dt.date, event_type: EventType) -> str:
    """The date a main event without its own takes from the document: the day, or for a visit (a trip
    spans days, the release is one of them) the month."""
    return anchor.isoformat()[:7] if event_type is EventType.VISIT else anchor.isoformat()


def _with_group(doc: Doc, draft: _Draft) -> bool:
    """The name joins a country to a group that is no country (한-아프리카, 한-태평양도서국)."""
    found = mentions(doc)
    countries = [
        m
        for m in found
        if m.label is EntityLabel.COUNTRY and draft.name_start <= m.start < draft.trigger.start
    ]
    for m in countries:
        if text_of(doc)[m.end : m.end + 1] in _JOINERS and not any(c.start == m.end + 1 for c in countries):
            return True
    return False


def _where_held(text: str, place: Mention, name_start: int, trigger_end: int, clause_end: int) -> bool:
    """A place the clause says the meeting is held at: in its name (뮌헨안보회의), marked before it
    (서울에서, 부산 개최), or marked with 에서 after it (회의를 캔버라에서 개최)."""
    if place.label is not EntityLabel.LOCATION or place.end > clause_end:
        return False
    if name_start <= place.start < trigger_end:
        return True
    if place.start >= trigger_end:
        return text.startswith("에서", place.end)
    return bool(_PLACE_MARK.match(text[place.end : place.end + 4]))


def _visited_place(in_sentence: Sequence[Mention], trigger: Mention) -> Mention | None:
    """The city a visit goes to, written just before the visit word (평양 방문)."""
    places = [m for m in in_sentence if m.label is EntityLabel.LOCATION and m.end <= trigger.start]
    return places[-1] if places and trigger.start - places[-1].end <= 3 else None


def _sequence_date(
    doc: Doc, date: Mention, in_sentence: Sequence[Mention], clause_start: int, trigger: Mention
) -> Mention | None:
    """The date of an earlier clause that reports another act of the same subject, which this act
    follows (9.5. 하노이를 방문하여 … 예방하고): no new subject between, and a meeting term in that clause."""
    if _subject_end(doc, date.end, trigger.start) is not None:
        return None
    acts = (m for m in in_sentence if m.label is EntityLabel.MEETING and m is not trigger)
    return date if any(date.end <= m.start and m.end <= clause_start for m in acts) else None


#: Tags of the words that may stand between a date and the term it dates (지난 6월 정상 간 첫 통화).
_DATED_BETWEEN = frozenset({"NNG", "NNP", "NNB", "MM", "SN"})


def _dated(table: TokenTable, local: Sequence[Mention], sentence: Sentence, name_start: int) -> str | None:
    """`dated` when a date modifies the term in one noun phrase (지난 6월 정상 간 첫 통화, 6.20. 통화):
    a particular event, mentioned without a predicate."""
    dates = [
        m
        for m in local
        if m.label is EntityLabel.DATE and m.norm and sentence.start_char <= m.start and m.end <= name_start
    ]
    if not dates:
        return None
    between = [i for i in table.within(dates[-1].end, name_start) if table.tags[i] != SPACE_TAG]
    if len(between) > 4 or any(table.heads[i] not in _DATED_BETWEEN for i in between):
        return None
    return "dated"


def _aside_event(draft: _Draft) -> bool:
    """An event the text mentions aside: background, subordinate to another, or still to come."""
    return draft.background or draft.subordinate or draft.future


def _envoy_before(local: Sequence[Mention], sentence: Sentence, trigger: Mention) -> bool:
    """An envoy's title (특사, 대통령 특사) stands in the sentence before the trigger."""
    return any(
        m.label is EntityLabel.TITLE
        and sentence.start_char <= m.start
        and m.end <= trigger.start
        and any(entry.attrs.get("rank") == "envoy" for entry in m.data.get("entries", ()))
        for m in local
    )


def _listed(text: str, trigger: Mention, found: Sequence[Mention]) -> str | None:
    """A term in a note's list with its date: written before a parenthesis that opens with a date
    (실무방한(8.21-22, …)), or inside one (… 파견(8.14, 대통령 예방))."""
    starts = {m.start for m in found if m.label is EntityLabel.DATE}
    aside = _aside(text, trigger.end)
    if aside and len(text[aside[0] :]) - len(text[aside[0] :].lstrip()) + aside[0] in starts:
        return "listed"
    opened = text.rfind("(", max(0, trigger.start - 60), trigger.start)
    if opened == -1 or ")" in text[opened : trigger.start] or "\n" in text[opened : trigger.start]:
        return None
    first = opened + 1 + len(text[opened + 1 :]) - len(text[opened + 1 :].lstrip())
    return "listed" if first in starts else None


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


def _aside(text: str, end: int) -> tuple[int, int] | None:
    """The parentheses right after a meeting's name, which give its own date and place: X(8.6-8, 마닐라)."""
    if text[end : end + 1] != "(":
        return None
    close = text.find(")", end, end + 60)
    return (end + 1, close) if close != -1 else None


def _location(text: str, place: Mention) -> Location:
    """A LOCATION mention as an event's place: the city in English and as written, and its country."""
    entries = place.data.get("entries") or ()
    return Location(
        city=entries[0].en if entries else None,
        city_ko=text[place.start : place.end],
        country=place.country,
    )


def _topic_follows(table: TokenTable, span: range) -> bool:
    """The term is followed by a topic particle (차관전략대화는 …)."""
    following = span.stop
    return (
        following < len(table)
        and table.starts[following] == table.ends[span[-1]]
        and table.heads[following] == "JX"
    )


def _in_note(text: str, position: int) -> bool:
    """Whether `position` lies in a note (a line starting ※ or *) or in a `-` sub-item under one."""
    line_start = text.rfind("\n", 0, position) + 1
    while True:
        line = text[line_start:position].lstrip()
        if line.startswith(_BACKGROUND):
            return True
        if not line.startswith("-") or line_start == 0:
            return False
        previous = text[:line_start].rstrip()
        position = len(previous)
        line_start = text.rfind("\n", 0, position) + 1


def _opens_clause(text: str, in_sentence: Sequence[Mention], start: int) -> bool:
    """A country word opens the clause (한미일, 러북 간 … 성명 발표: the issuer, written first)."""
    first = text[start:].lstrip()
    offset = len(text[start:]) - len(first) + start
    return any(m.label is EntityLabel.COUNTRY and m.start == offset for m in in_sentence)


def _first_country_word(text: str, in_sentence: Sequence[Mention], start: int, end: int) -> list[str]:
    """The countries of the clause's first word that names any (캐나다와 …, 한미일, 러북 간 …: 한미일)."""
    countries = sorted(
        (m for m in in_sentence if m.label is EntityLabel.COUNTRY and m.norm and start <= m.start < end),
        key=lambda m: m.start,
    )
    if not countries:
        return []
    first = countries[0]
    word_end = next((i for i in range(first.end, end) if text[i].isspace()), end)
    return [m.norm or "" for m in countries if m.start < word_end]


def _subject_end(doc: Doc, start: int, end: int, *, last: bool = False) -> int | None:
    """Where the subject of the text between `start` and `end` ends: its first topic or subject
    particle, or with `last` the one nearest `end` (the agent of an embedded clause)."""
    table = table_of(doc)
    marks = [table.starts[i] for i in table.within(start, end) if table.heads[i] in ("JX", "JKS")]
    return (marks[-1] if last else marks[0]) if marks else None


def _subject_countries(
    doc: Doc, sentence_start: int, trigger: Mention, in_sentence: Sequence[Mention]
) -> list[str]:
    """Countries that are the sentence's subject (한미일은 ... 공동성명을 발표했다; 한국과 미국은 ...): the
    country words that run up to its first topic or subject particle, joined by 과/와, 및 or commas."""
    subject_end = _subject_end(doc, sentence_start, trigger.start)
    if subject_end is None:
        return []
    text = text_of(doc)
    countries = sorted(
        (m for m in in_sentence if m.label is EntityLabel.COUNTRY and m.norm and m.end <= subject_end),
        key=lambda m: m.start,
    )
    chosen: list[str] = []
    position = subject_end
    for m in reversed(countries):
        if not _SUBJECT_JOIN.match(text[m.end : position]):
            break
        chosen.append(m.norm or "")
        position = m.start
    return chosen


def _officials(in_sentence: Sequence[Mention], start: int, end: int) -> list[Participant]:
    """Unnamed officials in the clause (미국 국무부 대북고위관리): titles with no name found for them."""
    return [
        Participant(**m.data["official"])
        for m in in_sentence
        if m.label is EntityLabel.TITLE and "official" in m.data and start <= m.start < end
    ]


def _participant(person: Mention) -> Participant:
    """A PERSON mention as an event participant."""
    data = person.data
    return Participant(
        name=data.get("name"), title=data.get("title"), org=data.get("org"), country=data.get("country")
    )


#: Between a visitor and the visit: their title and a genitive (푸틴 대통령의 방북).
_VISITOR_GAP = re.compile(r"^[^,.()\n]{0,16}의\s*$")


def _visitor(text: str, start: int, in_sentence: Sequence[Mention]) -> Mention | None:
    """Who makes a visit written as `X의 방북`: the person just before the genitive."""
    people = [m for m in in_sentence if m.label is EntityLabel.PERSON and m.end <= start]
    if people and _VISITOR_GAP.match(text[people[-1].end : start]):
        return people[-1]
    return None


def _subject_person(doc: Doc, start: int, end: int, in_sentence: Sequence[Mention]) -> Mention | None:
    """The person who is the sentence's subject before `end` (에체베리아 장관은 연내 방한을 추진): the
    last one named before its first topic or subject particle."""
    subject_end = _subject_end(doc, start, end)
    if subject_end is None:
        return None
    people = [m for m in in_sentence if m.label is EntityLabel.PERSON and m.end <= subject_end]
    return people[-1] if people else None


def _specific(prefix: str, name_words: frozenset[str]) -> bool:
    """A name prefix says which meeting it is when it holds more than a level word (국장급)."""
    words = prefix.split()
    return bool(words) and not all(_LEVEL.match(w) or w in name_words for w in words)


def _same_event(a: _Draft, b: _Draft) -> bool:
    """Two mentions of one event: same type and parties, and no date, round or name that differs."""
    if a.type is not b.type or a.countries != b.countries:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if a.round and b.round and a.round != b.round:
        return False
    if a.type not in _ONE_WORD_TYPES and not _same_term(a, b):
        return False
    x, y = _name_key(a.name), _name_key(b.name)
    return not (x and y and not (x.endswith(y) or y.endswith(x)))


def _same_term(first: _Draft, later: _Draft) -> bool:
    """Two terms for one meeting: the same entry, one ending the other (차관전략대화, 전략대화), or a
    later mention pointing back (동 전략대화, 이번 회의)."""
    a, b = first.trigger.data["entries"][0], later.trigger.data["entries"][0]
    x, y = a.canonical.replace(" ", ""), b.canonical.replace(" ", "")
    return a is b or x.endswith(y) or y.endswith(x) or later.refers_back


def _without_unnamed_twins(people: list[Participant]) -> list[Participant]:
    """Drop an unnamed official where a named participant of the same country is there (the headline's
    외교장관 and the body's named minister), and unnamed repeats."""
    named = {p.country for p in people if p.name}
    kept: list[Participant] = []
    for p in people:
        if p.name is None and (p.country in named or p in kept):
            continue
        kept.append(p)
    return kept


def _name_key(name: str | None) -> str:
    """A name without spaces and punctuation, to compare how two mentions write it."""
    return "".join(ch for ch in name or "" if ch.isalnum())


def _absorb(into: _Draft, other: _Draft) -> None:
    """Fill what the first mention of an event left open from a later one (the more precise date and
    the fuller name win: 2024 한-아프리카 정상회의 over 한-아프리카 정상회의)."""
    into.date = max((d for d in (into.date, other.date) if d), key=len, default=None)
    into.end_date = into.end_date or other.end_date
    into.location = into.location or other.location
    into.round = into.round or other.round
    into.name = max((n for n in (into.name, other.name) if n), key=lambda n: len(_name_key(n)), default=None)
    known = {p.name for p in into.participants}
    into.participants = _without_unnamed_twins(
        into.participants + [p for p in other.participants if p.name is None or p.name not in known]
    )
    into.confidence = max(into.confidence, other.confidence)
    into.kind = into.kind or other.kind


@Language.factory("korex_events", default_config={"gazetteers": []})
def make_event_assembler(nlp: Language, name: str, gazetteers: list[str]) -> EventAssembler:
    """Factory: the cue words of `event_cues.csv` (visit words come as COUNTRY mentions from the rules)."""
    return EventAssembler(load_cues())
