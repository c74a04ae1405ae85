"""Titles and people: what no list holds, found around the gazetteer's titles and organisations.

Press releases and news name officials in a few shapes, all anchored on a title:

    김민준 외교부 제1차관            name, organisation, title
    외교부 김민준 정책기획관          organisation, name, title
    존 스미스(John Smith) 미국 국무부 부장관      name, original in parentheses, country, organisation, title
    하따 경제조정부 장관, 루덴코 아태담당 차관    a body or a portfolio the gazetteer lacks
    최민식(왼쪽) SK 회장               a photo caption's position between name and title
    대통령 특사인 존 스미스는           a name after its title (`특사인`)
    김 차관 / 스미스 부장관           a short reference to someone named before or after

A title is a gazetteer title, a word ending in one (북미국장), or a place's name with a title
ending (부산시장). Walking left from the title over the organisation, country, portfolio and
modifier words reaches the name, whose shape `names.py` judges; with an original in parentheses,
the original's word count says how many Hangul words it has. No walk crosses a line break. Short
references become mentions of the person they abbreviate (`links.py`), never new people.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import InitVar, dataclass, field
from itertools import count
from operator import attrgetter

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.gazetteer import Entry
from extractor.mentions import Mention, mentions
from extractor.models import EntityLabel, EntitySource
from extractor.ruler import squash
from extractor.rules.date_mentions import anchor_of
from extractor.rules.names import (
    MAX_NAME_WORDS,
    Candidate,
    Cues,
    Shape,
    accept_run,
    korean_name,
    load_cues,
    shape_of,
)
from extractor.rules.person_links import Found, link_people
from extractor.rules.words import HANGUL, Word, core_tags, words
from extractor.tokens import text_of

_ORIGINAL = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z .'\-·]+$")
_ACRONYM = re.compile(r"^[A-Z]{2,}$")
_NEWLINE = re.compile("\n")
_OPENING_PAREN = re.compile(r"\(")
_LATIN_NAME = re.compile(r"^[A-Z][a-z]+$")
_INITIAL = re.compile(r"^[A-Za-z]\.?$")
_AGE = re.compile(r"^\d{1,3}(세)?$")
_PREFIXES = frozenset({EntityLabel.ORG, EntityLabel.COUNTRY})
#: Closing brackets and quotes that hold a name written between them (「모하메드 ...」 대통령, ‘도 바 띠’).
_CLOSERS = {"」": "「", "』": "『", "》": "《", "〉": "〈", "’": "‘", "”": "“"}
_QUOTES = frozenset("'\"’”")
_OPENERS = frozenset(_CLOSERS.values())
#: Separators that join a word to the one before it (한-태평양도서국): such a word is not a name.
_JOINERS = frozenset("-·ㆍ/")
#: Separators between portfolio words (경제·통상 정책 조정관).
_PORTFOLIO_JOINERS = frozenset("·ㆍ")
#: Separators between names that share the title after the last (A·B 집행위원, 김민수, 박지은 여사).
_LIST_SEPARATORS = frozenset("·ㆍ,")
#: Ending of a title word that puts the name after it (대통령 특사인 존 스미스는).
_APPOSITION = "인"
#: Most plain words a portfolio may have between an organisation and its title.
_MAX_PORTFOLIO_WORDS = 4


@dataclass(frozen=True)
class _Page:
    """One Doc as the people rules read it: its text, its words, the mentions on each word (see
    `_index`), its country mentions, and the words a line break separates from the word before."""

    text: str
    ws: list[Word]
    found: InitVar[Sequence[Mention]]
    countries: list[Mention]
    word_starts: list[int] = field(init=False)
    at_start: dict[int, dict[EntityLabel, Mention]] = field(init=False)
    country_starts: list[int] = field(init=False)
    breaks: frozenset[int] = field(init=False)

    def __post_init__(self, found: Sequence[Mention]) -> None:
        word_starts = list(map(attrgetter("start"), self.ws))
        object.__setattr__(self, "word_starts", word_starts)
        object.__setattr__(self, "at_start", _index(found, self.ws, word_starts))
        object.__setattr__(self, "country_starts", [m.start for m in self.countries])
        object.__setattr__(self, "breaks", _breaks(self.text, self.ws, word_starts))

    def broken(self, i: int) -> bool:
        """A line break lies between word i-1 and word i."""
        return i in self.breaks

    def token(self, i: int) -> str:
        """The text of word `i`."""
        return self.text[self.ws[i].start : self.ws[i].end]


def _index(
    found: Sequence[Mention], ws: Sequence[Word], word_starts: list[int]
) -> dict[int, dict[EntityLabel, Mention]]:
    """Mentions by the index of the word they start on; a body or country written over several words
    (호주 외교통상부) also under the word whose core it ends, so a walk from the right meets it."""
    starts = dict(zip(word_starts, count()))
    core_ends = dict(zip(map(attrgetter("core_end"), ws), count()))
    index: dict[int, dict[EntityLabel, Mention]] = {}
    for m in found:
        i = starts.get(m.start)
        if i is not None:
            index.setdefault(i, {}).setdefault(m.label, m)
        j = core_ends.get(m.end)
        if j is not None and j != i and m.label in _PREFIXES:
            index.setdefault(j, {}).setdefault(m.label, m)
    return index


def _breaks(text: str, ws: Sequence[Word], word_starts: list[int]) -> frozenset[int]:
    """The indexes of the words with a line break between them and the word before."""
    broken = set()
    for newline in _NEWLINE.finditer(text):
        i = bisect_right(word_starts, newline.start())
        if 0 < i < len(ws) and ws[i - 1].end <= newline.start():
            broken.add(i)
    return frozenset(broken)


@dataclass
class _Chain:
    """What the walk from a title to its name collected: the organisation, country and original."""

    org: Mention | None = None
    org_text: str | None = None
    country: str | None = None
    original: str | None = None
    attached: bool = False


@dataclass
class PeopleRules:
    """spaCy component: TITLE mentions for title words, PERSON mentions for the people they name."""

    cues: Cues
    title_forms: frozenset[str]
    places: frozenset[str]
    #: officials by each Hangul form, spaces dropped (마코루비오), for names Kiwi splits past the ruler
    officials: dict[str, tuple[Entry, ...]]

    def __post_init__(self) -> None:
        self.longest_title = max((len(form) for form in self.title_forms), default=0)
        families: dict[str, list[Entry]] = {}
        for entries in self.officials.values():
            for entry in entries:
                for form in entry.forms:
                    family = form.split(" ")[-1]
                    if " " in form and entry not in families.setdefault(family, []):
                        families[family].append(entry)
        self.families = {family: tuple(entries) for family, entries in families.items()}
        self.title_lasts = frozenset(form[-1] for form in (*self.title_forms, *self.cues.title_suffix))
        self.portfolio_endings = tuple(self.cues.portfolio)  # for str.endswith, made once

    def _title_end(self, core: str) -> str | None:
        """The longest title form `core` ends with (북미국장 → 북미국장; 한반도정책국장 → 국장)."""
        for k in range(min(len(core), self.longest_title), 0, -1):
            if core[-k:] in self.title_forms:
                return core[-k:]
        return None

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found = mentions(doc)
        known = [m for m in found if m.label is EntityLabel.PERSON]
        found[:] = [m for m in found if m.label is not EntityLabel.PERSON]
        ws = words(doc)
        countries = sorted((m for m in found if m.label is EntityLabel.COUNTRY), key=lambda m: m.start)
        page = _Page(text, ws, found, countries)
        titles = self._titles(page)
        found.extend(m for m in titles.values() if m.source is EntitySource.RULE)
        people = self._people(page, titles) + self._aged(page)
        people = self._with_officials(page, people, known, anchor_of(doc))
        found.extend(link_people(people, text, self.cues.surname))
        return doc

    def _titles(self, page: _Page) -> dict[int, Mention]:
        """The title of each word that is (or ends in) one, keyed by word index."""
        text, ws, at_start = page.text, page.ws, page.at_start
        titles: dict[int, Mention] = {}
        covered_to = -1
        lasts = self.title_lasts
        ending = [i for i, w in enumerate(ws) if text[w.core_end - 1] in lasts]  # 국장, 부산시장
        known_at = [i for i, here in at_start.items() if EntityLabel.TITLE in here]
        for i in sorted({*ending, *known_at}):
            w = ws[i]
            if w.punct or w.start < covered_to:
                continue
            here = at_start.get(i)
            known = here.get(EntityLabel.TITLE) if here else None
            core = text[w.start : w.core_end]
            if known is not None and known.end >= w.core_end:
                last = i
                while last + 1 < len(ws) and ws[last + 1].start < known.end:
                    last += 1
                titles[last] = known
                covered_to = known.end
            elif (
                core
                and core[-1] in self.title_lasts
                and HANGUL.match(core)
                and (self._title_word(core, w) or self._regional(page, i, core))
            ):
                titles[i] = Mention(
                    EntityLabel.TITLE, w.start, w.core_end, norm=core, source=EntitySource.RULE
                )
        return titles

    def _regional(self, page: _Page, i: int, core: str) -> bool:
        """A title that is one only after a region's name (고치현 지사, 부산시 시장) or a person's
        (송하진 지사): the word before is a place, a proper noun ending in a region suffix, or a Korean
        name, with no particle."""
        if core not in self.cues.title_suffix or i == 0 or page.broken(i):
            return False
        before = page.ws[i - 1]
        name = before.core(page.text)
        if before.punct or before.core_end != before.end:
            return False
        place = EntityLabel.LOCATION in page.at_start.get(i - 1, {}) or name in self.places
        return (
            place
            or ("NNP" in before.tags and name.endswith(self.cues.region_suffix))
            or self._named_before(page, i)
        )

    def _named_before(self, page: _Page, i: int) -> bool:
        """A Korean name stands right before word `i` (송하진 지사, 박민수 시장): a title ending used
        alone names that person's office; a name ending like a region (고치현) is read as the region."""
        if i == 0 or page.broken(i):
            return False
        before = page.ws[i - 1]
        name = before.core(page.text)
        regional = name.endswith(self.cues.region_suffix)  # 고치현 지사: the region's, as above
        shaped = "NNP" in before.tags and korean_name(name, before, self.cues)
        return before.core_end == before.end and shaped and not regional

    def _title_word(self, core: str, w: Word) -> bool:
        """A word ending in a title (북미국장, 경제수석), unless it is a surname and a two-syllable
        title that Kiwi reads as one proper noun (서주석: a name); or a place's name, or a region's
        kind, with a title ending (부산시장, 강원지사, 도지사)."""
        head = self._title_end(core)
        if head is not None:
            named = len(core) == len(head) + 1 and core[0] in self.cues.surname and w.tags == ("NNP",)
            return not named
        suffix = next((s for s in self.cues.title_suffix if core.endswith(s) and len(core) > len(s)), None)
        if suffix is None:
            return False
        place = core[: -len(suffix)]
        if place in self.cues.region_suffix:
            return True  # 도지사: the governor of a province
        return any(form in self.places for form in (place, place + "시", place + "도"))

    def _people(self, page: _Page, titles: dict[int, Mention]) -> list[Found]:
        people: dict[int, Found] = {}
        taken: set[int] = set()
        known: set[str] = set()
        for t, title in titles.items():
            found = (
                self._before_title(page, t, title, taken, known)
                or self._after_title(page, t, title)
                or self._apposition(page, t, title)
            )
            for person in found:
                if person.start not in people:
                    people[person.start] = person
                    known.update(person.name.split())
        return sorted(people.values(), key=lambda p: p.start)

    def _before_title(
        self, page: _Page, t: int, title: Mention, taken: set[int], known: set[str]
    ) -> list[Found]:
        """The people a title names: walk left over the organisation/country chain to the name.

        Where no name stands there (미국 국무부 대북고위관리), the title records the unnamed official's
        organisation and country in `data["official"]`, for events to count as a participant."""
        text, ws = page.text, page.ws
        chain = _Chain()
        i = bisect_left(page.word_starts, title.start) - 1
        regional = title.source is EntitySource.RULE and title.norm in self.cues.title_suffix
        if regional and not self._named_before(page, i + 1):
            i -= 1  # 고치현 지사: the region is the office's
        i = self._walk(page, i, title, chain)
        if i is None:
            return []
        if isinstance(i, Found):
            return [i]
        names, end = self._name_words(page, i, chain, known)
        if not names:
            self._unnamed(page, title, chain)
            return []
        if names[0] in taken:
            return []
        taken.update(names)
        org = chain.org or _org_within(page, title) or _org_at(page, names[0] - 1)
        country = (
            chain.country
            or _genitive_country(page, names[0] - 1)
            or _country_within(page, title)
            or (org.country if org else None)
            or title.country
        )
        start = ws[names[0]].start
        person = Found(
            start,
            end,
            text[start:end],
            title=title,
            org=org,
            org_text=chain.org_text,
            country=country,
            name_original=chain.original,
            title_text=_title_text(page, title),
            lone=len(names) == 1 and "NNP" in ws[names[0]].tags and text[start:end] not in self.cues.pair,
        )
        return [person, *self._listed_before(page, names[0], person, taken, known)]

    def _walk(self, page: _Page, i: int, title: Mention, chain: _Chain) -> int | Found | None:
        """Walk left from word `i` over what stands between a name and its title, filling `chain`.
        Returns the index of the name's last word, a person found between brackets, or None when the
        walk meets something no name can stand behind."""
        text, ws, at_start = page.text, page.ws, page.at_start
        joined = False  # passed a 겸: the titles before it are the same person's
        while i >= 0:
            if page.broken(i + 1):
                return -1  # a line break: nothing before it names this title
            w = ws[i]
            token = page.token(i)
            here = at_start.get(i, {})
            core = w.core(text)
            if w.punct:
                if token == ")":
                    paren = _paren(page, i)
                    if paren is None:
                        return None
                    if _ORIGINAL.match(paren.inside) and not _ACRONYM.match(paren.inside):
                        chain.original, chain.attached = paren.inside, paren.attached
                        return paren.opened - 1
                    if self._caption(paren):
                        return paren.opened - 1
                    i = paren.opened - 1
                    continue
                if token in _CLOSERS:
                    bracketed = self._bracketed(page, i, title, chain)
                    if bracketed is not None or token not in _QUOTES:
                        return bracketed
                if token in _QUOTES or token in _OPENERS:
                    i -= 1  # 전 《대통령》: a title between brackets
                    continue
                compound = (
                    token in _PORTFOLIO_JOINERS
                    and 0 < i < len(ws) - 1
                    and ws[i - 1].end == w.start
                    and w.end == ws[i + 1].start
                    and not ws[i - 1].punct
                    and self._office_word(ws[i + 1], ws[i + 1].core(text))
                )
                if compound:
                    i -= 2  # 극동·북극개발부: one body's name
                    continue
                skipped = self._portfolio_before(page, i) if token in _PORTFOLIO_JOINERS else i
                if skipped == i:
                    return i
                i = skipped
                continue
            if EntityLabel.ORG in here and here[EntityLabel.ORG].end <= title.start:
                chain.org = chain.org or here[EntityLabel.ORG]
                chain.country = chain.country or chain.org.country
                i -= 1
                continue
            if EntityLabel.COUNTRY in here and w.core_end == here[EntityLabel.COUNTRY].end:
                chain.country = chain.country or here[EntityLabel.COUNTRY].norm
                i -= 1
                continue
            if EntityLabel.LOCATION in here and here[EntityLabel.LOCATION].end == w.end:
                i -= 1  # where the office is (모스크바 한인회장, 고치현 지사)
                continue
            if self._residence(page, i, core):
                i -= 1
                continue
            after_gyeom = i + 1 < len(ws) and ws[i + 1].core(text) == "겸"
            if (
                core in self.cues.modifier
                or core == "겸"
                or (core.endswith("겸") and self._is_title(core[:-1]))
            ):
                joined = joined or "겸" in core
                i -= 1
                continue
            if (joined or after_gyeom) and (EntityLabel.TITLE in here or self._is_title(core)):
                i -= 1
                continue
            if core.endswith(self.portfolio_endings):
                i -= 2 if core in self.cues.portfolio else 1  # 에너지 담당: the portfolio's word too
                continue
            party = core in self.cues.body_suffix and page.ws[i + 1].start >= title.start  # 당 대표
            if self._office_word(w, core) or _ACRONYM.match(token) or party:
                chain.org_text = chain.org_text or token
                inside = here.get(EntityLabel.COUNTRY)
                if inside is not None and not chain.country:
                    chain.country = inside.norm  # 한국전력공사: a body named after its country
                i -= 1
                continue
            caption = self._caption_before(page, i)
            if caption is not None:
                return caption
            skipped = self._portfolio_before(page, i)
            if skipped != i:
                i = skipped
                continue
            return i
        return i

    def _residence(self, page: _Page, i: int, core: str) -> bool:
        """Where an ambassador resides, written before the title (주한 중국대사, 주부산 미국 총영사)."""
        if core in self.cues.residence:
            return True
        if len(core) < 3 or not core.startswith("주") or page.ws[i].core_end != page.ws[i].end:
            return False
        if core[1:] in self.places:
            return True
        k = bisect_left(page.country_starts, page.ws[i].start + 1)
        inside = page.countries[k] if k < len(page.countries) else None
        return inside is not None and (inside.start, inside.end) == (
            page.ws[i].start + 1,
            page.ws[i].core_end,
        )

    def _is_title(self, core: str) -> bool:
        """A word that is, or ends in, a title."""
        return bool(core) and HANGUL.match(core) is not None and self._title_end(core) is not None

    def _office_word(self, w: Word, core: str) -> bool:
        """A body the gazetteer lacks, written as a word ending in a body suffix (경제개발부, 고치현의회,
        인민해방군) with no particle, and not a Korean name that happens to end so (윤종원)."""
        if w.core_end != w.end or w.predicate or not HANGUL.match(core):
            return False
        if not core.endswith(self.cues.body_suffix):
            return False
        suffix = next(s for s in self.cues.body_suffix if core.endswith(s))
        if len(core) < max(3, len(suffix)):
            return len(core) > 1 and core in self.cues.body_suffix and core_tags(w) == ["NNG"]  # 의회 의장
        return not (suffix in self.cues.name_ending and korean_name(core, w, self.cues))

    def _caption_before(self, page: _Page, i: int) -> int | None:
        """A photo caption's position in parentheses a few words left of `i` (최민식(왼쪽) SK 회장): the
        index of the name's last word, right before the parenthesis."""
        ws = page.ws
        for j in range(i, max(-1, i - 3), -1):
            if page.broken(j + 1):
                return None
            if ws[j].punct:
                paren = _paren(page, j) if page.token(j) == ")" else None
                return paren.opened - 1 if paren is not None and self._caption(paren) else None
            if ws[j].core_end != ws[j].end or ws[j].predicate or not core_tags(ws[j]):
                return None
        return None

    def _caption(self, paren: _Paren) -> bool:
        """A photo caption's position in parentheses right after a name (최민식(왼쪽))."""
        return paren.attached and paren.inside.split(" ")[0] in self.cues.caption

    def _portfolio_before(self, page: _Page, i: int) -> int:
        """Plain words of a portfolio between an organisation and its title (방산협력단 함정
        사업부장, NSC 경제·통상 정책 조정관): the index before the organisation they follow, or `i`
        when no organisation comes within a few words."""
        text, ws, at_start = page.text, page.ws, page.at_start
        j = i
        plain = 0
        while plain <= _MAX_PORTFOLIO_WORDS:
            if j < 0 or page.broken(j + 1):
                return i
            w = ws[j]
            token = page.token(j)
            here = at_start.get(j, {})
            bare = w.core_end == w.end and any(m.end == w.end for m in here.values())
            if (
                (bare and (EntityLabel.ORG in here or EntityLabel.COUNTRY in here))
                or _ACRONYM.match(token)
                or self._office_word(w, w.core(text))
            ):
                return j
            if w.punct and token in _PORTFOLIO_JOINERS:
                j -= 1
                continue
            if w.punct and token == ")":
                paren = _paren(page, j)
                if paren is None or not _ACRONYM.match(paren.inside):
                    return i
                j = paren.opened - 1  # 방산협력단(DCA) 함정 사업부장
                continue
            if not _plain(w, token) or korean_name(token, w, self.cues, after_org=True, placed=j == i):
                return i
            plain += 1
            j -= 1
        return i

    def _name_words(
        self, page: _Page, last: int, chain: _Chain, known: set[str], *, particle: bool = False
    ) -> tuple[list[int], int]:
        """Word indexes of the name ending at word `last`, and where the name ends: exactly as many
        words as the original in parentheses has, else the run `names.accept_run` takes, else one word
        that is a name by itself."""
        if last < 0:
            return [], 0
        if chain.original:
            return self._counted(page, last, chain)
        official = self._official_before(page, last)
        found = self._shaped(page, last, chain, known, particle=particle)
        if official[0] and (not found[0] or found[0][0] > official[0][0]):
            return official  # 왕이 외교부장 (Kiwi: 왕 + 이): the gazetteer's form, whole
        return found

    def _shaped(
        self, page: _Page, last: int, chain: _Chain, known: set[str], *, particle: bool
    ) -> tuple[list[int], int]:
        """The name ending at word `last` judged by its shape (`names.py`)."""
        text, ws = page.text, page.ws
        window: list[Candidate] = []
        i = last
        while i >= 0 and len(window) < MAX_NAME_WORDS and (i == last or not page.broken(i + 1)):
            if page.at_start.get(i) and (i == last or ws[i].core(text) not in self.cues.name_particle):
                break  # a mention ends the name, unless it is a particle inside one (빈: Vienna)
            if i != last and self._office_word(ws[i], ws[i].core(text)):
                break  # 민주당 이정민 원내대표: the party is no part of the name
            candidate = shape_of(ws, i, text, self.cues, known, last=i == last, particle=particle)
            if candidate is None:
                break
            window.append(candidate)
            i -= 1
        if not window:
            return self._one_syllable_pair(page, last)
        first = window[0]
        if len(first.text) == 1 and first.text in self.cues.surname:
            window = window[:1]  # 박 대통령: a surname is a short reference, whatever stands before it
        end = ws[last].start + len(first.text)
        after_org = EntityLabel.ORG in page.at_start.get(last - 1, {})
        placed = after_org or chain.org is not None
        korean = korean_name(ws[last].core(text), ws[last], self.cues, after_org=after_org, placed=placed)
        chosen: list[int] = []
        if not (korean and (len(window) == 1 or window[1].shape not in (Shape.PROPER, Shape.PARTICLE))):
            run = accept_run(window)
            leftmost = run[-1] if run else None
            if leftmost is not None and all(c.shape is Shape.PLAIN for c in run[:-1]):
                w = ws[leftmost.index]
                if korean_name(leftmost.text, w, self.cues) and "NNP" in w.tags:
                    run = [leftmost]  # 김민수 전략기획조정 차관보: a Korean name, then its portfolio
                    end = w.end
            chosen = [c.index for c in reversed(run)]
        if not chosen and self._alone(first, known, chain, korean=korean):
            chosen = [last]
        if not chosen:
            return self._one_syllable_pair(page, last)
        if _joined(page, chosen[0]):
            return [], 0
        return self._hyphenated(page, chosen), end

    def _hyphenated(self, page: _Page, chosen: list[int]) -> list[int]:
        """A given name joined by a hyphen (장-이브 르드리앙, 장-마르크 에로): its first part too."""
        first = chosen[0]
        if first < 2 or page.token(first - 1) not in ("-", "‐"):
            return chosen
        part, dash = page.ws[first - 2], page.ws[first - 1]
        core = part.core(page.text)
        if part.end != dash.start or dash.end != page.ws[first].start or page.at_start.get(first - 2):
            return chosen
        if part.core_end != part.end or not HANGUL.match(core) or len(core) > 3:
            return chosen
        return [first - 2, *chosen]

    def _official_before(self, page: _Page, last: int) -> tuple[list[int], int]:
        """An official the gazetteer holds, written in the one to three words ending at `last`, whole
        (왕이 외교부장: Kiwi may read 왕 + the particle 이): the longest such name."""
        text, ws = page.text, page.ws
        for first in range(max(0, last - 2), last + 1):
            if any(ws[j].punct or page.broken(j + 1) for j in range(first, last)) or ws[last].punct:
                continue
            if self.officials.get(squash(text[ws[first].start : ws[last].end])):
                return list(range(first, last + 1)), ws[last].end
        return [], 0

    def _counted(self, page: _Page, last: int, chain: _Chain) -> tuple[list[int], int]:
        """The Hangul words an original in parentheses asks for (존 케리(John F. Kerry): two)."""
        text, ws = page.text, page.ws
        count, limit = _original_words(chain.original or "", self.cues.latin_honorific)
        wanted = count or limit
        chosen: list[int] = []
        i = last
        while i >= 0 and len(chosen) < wanted and (i == last or not page.broken(i + 1)):
            w = ws[i]
            written = text[w.start : w.end] if (i != last or chain.attached) else w.core(text)
            latin = not count and _LATIN_NAME.match(written) is not None  # Huang Ping(黃屛)
            if w.punct or page.at_start.get(i) or not (HANGUL.match(written) or latin):
                break
            if not count and i != last and "NNP" not in w.tags and not latin:
                break
            chosen.append(i)
            i -= 1
        if not chosen:
            return [], 0
        end = ws[last].end if chain.attached else ws[last].core_end
        return list(reversed(chosen)), end

    def _alone(self, c: Candidate, known: set[str], chain: _Chain, *, korean: bool) -> bool:
        """One word that is a name by itself: a proper noun, a word of a name already found, a Korean
        name's shape, a surname (a short reference), or a long unknown word between a name's place and
        a body or country (마샤오린 중국 인민해방군 부참모장)."""
        if c.shape is Shape.PARTICLE:
            return False
        if len(c.text) == 1:
            surname = c.text in self.cues.surname and c.shape is Shape.PLAIN
            return surname or c.shape is Shape.PROPER  # 김 차관; 시 주석 (a proper noun)
        if c.text in known or korean:
            return True
        if c.shape is Shape.PROPER:
            return True
        chained = chain.org is not None or chain.country is not None or chain.org_text is not None
        unknown = (c.shape is Shape.PLAIN and len(c.text) >= 3) or (c.shape is Shape.ODD and not c.determiner)
        return chained and unknown  # 마샤오린 중국 인민해방군, 하따(하/IC 따) 경제조정부

    def _one_syllable_pair(self, page: _Page, last: int) -> tuple[list[int], int]:
        """A name of two one-syllable words whose first is a Korean word (또 럼): taken when the
        last syllable cannot stand alone as a name or a word."""
        text, ws = page.text, page.ws
        if last < 1 or page.broken(last):
            return [], 0
        a, b = ws[last - 1], ws[last]
        first, second = a.core(text), b.core(text)
        if a.punct or b.punct or a.core_end != a.end or b.predicate or a.predicate:
            return [], 0
        if not (len(first) == 1 and len(second) == 1 and HANGUL.match(first + second)):
            return [], 0
        if second in self.cues.surname or first in self.cues.conjunction or page.at_start.get(last - 1):
            return [], 0
        if "NNP" in b.tags:
            return [], 0  # 또 시 주석: a proper noun alone is a short name, not a name's second half
        before = ws[last - 2] if last >= 2 else None
        if before is not None and not (
            before.punct
            or before.core_end != before.end
            or page.broken(last - 1)
            or page.at_start.get(last - 2)
            or before.core(text) in self.cues.stop
        ):
            return [], 0  # the pair must start a phrase: 이날 또 럼, 또 럼, not 양국 세 정상
        return [last - 1, last], b.core_end

    def _listed_before(
        self, page: _Page, first: int, person: Found, taken: set[int], known: set[str]
    ) -> list[Found]:
        """A second name joined to this one by `·` or `,` under one title (A·B 집행위원, 김민수, 박지은
        여사): a Korean name or a run of words with a proper noun."""
        text, ws = page.text, page.ws
        sep = first - 1
        if sep < 1 or not ws[sep].punct or page.token(sep) not in _LIST_SEPARATORS:
            return []
        if ws[sep - 1].end != ws[sep].start or page.broken(first):
            return []
        names, end = self._name_words(page, sep - 1, _Chain(), known)
        if not names or names[0] in taken:
            return []
        only = ws[names[0]]
        korean = len(names) == 1 and korean_name(only.core(text), only, self.cues) and "NNP" in only.tags
        if not korean and (len(names) == 1 or page.token(sep) == ","):
            return []  # after a comma only a Korean name: a foreign name there may have its own title
        taken.update(names)
        start = ws[names[0]].start
        return [
            Found(
                start,
                end,
                text[start:end],
                title=person.title,
                org=person.org,
                org_text=person.org_text,
                country=person.country,
                title_text=person.title_text,
            )
        ]

    def _unnamed(self, page: _Page, title: Mention, chain: _Chain) -> None:
        """Record an unnamed official's organisation and country on its title (미국 국무부 대북고위관리)."""
        org = chain.org or _org_within(page, title)
        country = chain.country or _country_within(page, title) or (org.country if org else None)
        if org is None and country is None:
            return  # a bare title word (영사 분야, 회의장에서) names no official
        title.data["official"] = {
            "title": _title_text(page, title),
            "org": page.text[org.start : org.end] if org else chain.org_text,
            "country": country,
        }

    def _bracketed(self, page: _Page, close: int, title: Mention, chain: _Chain) -> Found | None:
        """A name between brackets or quotes in front of its title: 「모하메드 울드 가즈아니」 대통령,
        ‘도 바 띠’ 前 국회부의장."""
        text, ws = page.text, page.ws
        opener = _CLOSERS[page.token(close)]
        for j in range(close - 1, max(-1, close - 2 * MAX_NAME_WORDS - 3), -1):
            if ws[j].punct and page.token(j) == opener:
                inner = ws[j + 1 : close]
                paren = next((k for k in range(j + 1, close) if page.token(k) == "("), None)
                original = None
                if paren is not None:  # 「아흐마드 빈 칼리드(Ahmad bin Khalid)」: the original inside
                    original = text[ws[paren].end : ws[close - 1].start].strip()
                    if page.token(close - 1) != ")" or not _ORIGINAL.match(original):
                        return None
                    inner = ws[j + 1 : paren]
                if not inner or not all(
                    not w.punct and w.core_end == w.end and HANGUL.match(text[w.start : w.end]) for w in inner
                ):
                    return None
                if len(inner) == 1 and core_tags(inner[0]) == ["NNG"]:
                    return None  # ‘평화’ 특사: a quoted word, not a name
                start, end = inner[0].start, inner[-1].end
                return Found(
                    start,
                    end,
                    text[start:end],
                    title=title,
                    org=chain.org,
                    org_text=chain.org_text,
                    country=chain.country or _genitive_country(page, j - 1) or title.country,
                    name_original=original,
                    title_text=_title_text(page, title),
                )
            if page.broken(j + 1):
                return None
        return None

    def _after_title(self, page: _Page, t: int, title: Mention) -> list[Found]:
        """A name right after its title, closed by `)` or `,`: (회장 김민준), (부총리 겸 장관 박서연)."""
        text, ws, at_start = page.text, page.ws, page.at_start
        if t + 2 >= len(ws):
            return []
        name, closer = ws[t + 1], ws[t + 2]
        core = name.core(text)
        if name.punct or at_start.get(t + 1) or not (closer.punct and page.token(t + 2) in "),"):
            return []
        if not (HANGUL.match(core) and 2 <= len(core) <= 4 and core[0] in self.cues.surname):
            return []
        if "NNP" not in name.tags or name.core_end != name.end:
            return []
        return [Found(name.start, name.core_end, core, title=title, title_text=_title_text(page, title))]

    def _apposition(self, page: _Page, t: int, title: Mention) -> list[Found]:
        """A name after a title that ends in the copula (대통령 특사인 존 스미스는, 차석대표인
        류젠밍(劉建明)): the words up to the first particle or original in parentheses."""
        text, ws = page.text, page.ws
        w = ws[t]
        if text[w.core_end : w.end] != _APPOSITION or title.end != w.core_end:
            return []
        last = None
        for j in range(t + 1, min(len(ws), t + 1 + 4)):
            if ws[j].punct or page.broken(j) or page.at_start.get(j):
                break
            if ws[j].core_end != ws[j].end:
                last = j
                break
            if j + 1 < len(ws) and page.token(j + 1) == "(" and ws[j + 1].start == ws[j].end:
                last = j
                break
        if last is None:
            return []
        names, end = self._name_words(page, last, _Chain(), set(), particle=True)
        if not names or names[0] != t + 1:
            return []
        start = ws[names[0]].start
        return [Found(start, end, text[start:end], title=title, title_text=_title_text(page, title))]

    def _aged(self, page: _Page) -> list[Found]:
        """Korean names followed by an age in parentheses (김민수(45)씨, 이지은(29세, 여)씨)."""
        text, ws = page.text, page.ws
        people: list[Found] = []
        for opening in _OPENING_PAREN.finditer(text):
            i = bisect_left(page.word_starts, opening.start()) - 1  # the word before a `(`
            if not 0 <= i < len(ws) - 2 or ws[i + 1].start != opening.start():
                continue
            w = ws[i]
            if w.punct or page.token(i + 1) != "(" or ws[i + 1].start != w.end:
                continue
            if not _AGE.match(page.token(i + 2)):
                continue
            core = w.core(text)
            if korean_name(core, w, self.cues) and w.core_end == w.end and "NNP" in w.tags:
                people.append(Found(w.start, w.end, core))
        return people

    def _with_officials(
        self, page: _Page, people: list[Found], known: Sequence[Mention], on: dt.date | None
    ) -> list[Found]:
        """Attach gazetteer officials to the people the rules found; officials named without a title
        become people too, unless the name is part of a longer word (한정된다) or names an
        administration (윤석열 정부)."""
        for p in people:
            entries = (
                (self.officials.get(squash(p.name)) or self._by_family(p)) if p.official is None else None
            )
            if entries:
                official = pick_official(entries, on)
                if p.country in (None, official.country):
                    p.official, p.country = official, official.country
        starts = [p.start for p in people]
        added: list[Found] = []
        for m in known:
            entries = m.data.get("entries") or ()
            if not entries:
                continue
            official = pick_official(entries, on)
            k = bisect_right(starts, m.start) - 1
            match = people[k] if k >= 0 and m.end <= people[k].end else None
            if match is not None:
                match.official = official
                match.country = match.country or official.country
                continue
            overlaps = (k >= 0 and m.start < people[k].end) or (
                k + 1 < len(people) and people[k + 1].start < m.end
            )
            if overlaps or not self._stands_alone(page, m):
                continue
            added.append(
                Found(m.start, m.end, page.text[m.start : m.end], official=official, country=official.country)
            )
        return sorted(people + added, key=lambda p: p.start) if added else people

    def _by_family(self, p: Found) -> tuple[Entry, ...]:
        """Officials a family name and title name (루비오 장관: 마코 루비오, 국무장관): one person only, whose
        office ends in the title written."""
        if " " in p.name or not p.title_text:
            return ()
        found = tuple(
            entry
            for entry in self.families.get(p.name, ())
            if str(entry.attrs.get("title", "")).endswith(p.title_text)
        )
        return found if len({entry.en for entry in found}) == 1 else ()

    def _stands_alone(self, page: _Page, m: Mention) -> bool:
        """A gazetteer name with no title that names the person: not the start of a predicate
        (한정된다) and not followed by a word for an administration or an era (윤석열 정부 시절)."""
        i = bisect_right(page.word_starts, m.end - 1) - 1
        if i < 0:
            return False
        w = page.ws[i]
        if w.predicate or m.end < w.core_end:
            return False
        nxt = i + 1
        return not (
            nxt < len(page.ws) and not page.broken(nxt) and page.ws[nxt].core(page.text) in self.cues.era
        )


def _plain(w: Word, token: str) -> bool:
    """A Hangul word of common nouns, with no particle (정책, 장갑차량), or a proper noun compounded
    with them (북극협력, 아태협력): a portfolio's word, not a name."""
    tags = core_tags(w)
    compound = len(tags) > 1 and tags[0] == "NNP"
    return (
        not w.punct
        and w.core_end == w.end
        and bool(tags)
        and all(tag == "NNG" for tag in tags[1 if compound else 0 :])
        and HANGUL.match(token) is not None
    )


def _joined(page: _Page, first: int) -> bool:
    """The word before the name's first word joins it without a space (한-태평양도서국, 인도·태평양):
    no name, unless a `·` joins two names (우필라이넨·야넷)."""
    i = first - 1
    if not (i >= 0 and page.ws[i].punct and page.ws[i].end == page.ws[first].start):
        return False
    if page.token(i) not in _JOINERS:
        return False
    if i == 0:
        return True
    if page.token(i) in ("-", "‐"):
        return bool(page.at_start.get(i - 1)) or not HANGUL.match(page.token(i - 1))  # 한-태평양도서국
    if page.token(i) not in _PORTFOLIO_JOINERS:
        return True
    before = page.ws[i - 1]
    return bool(page.at_start.get(i - 1)) or before.punct or "NNP" not in before.tags


def _org_within(page: _Page, title: Mention) -> Mention | None:
    """An organisation written inside a gazetteer title (외교부 장관)."""
    first, last = bisect_left(page.word_starts, title.start), bisect_left(page.word_starts, title.end)
    for i in range(first, last):
        org = page.at_start.get(i, {}).get(EntityLabel.ORG)
        if org is not None:
            return org
    return None


def _country_within(page: _Page, title: Mention) -> str | None:
    """A country written inside the title (주한중국대사 → CHN)."""
    k = bisect_left(page.country_starts, title.start)
    while k < len(page.countries) and page.countries[k].start < title.end:
        m = page.countries[k]
        if m.end <= title.end and m.norm:
            return m.norm
        k += 1
    return None


def _genitive_country(page: _Page, i: int) -> str | None:
    """A country in the genitive just before a name sets its country (모리타니아의 … 대통령)."""
    text, ws, at_start = page.text, page.ws, page.at_start
    if i < 0 or ws[i].punct or text[ws[i].core_end : ws[i].end] != "의":
        return None
    country = at_start.get(i, {}).get(EntityLabel.COUNTRY)
    return country.norm if country is not None and country.end == ws[i].core_end else None


def _org_at(page: _Page, i: int) -> Mention | None:
    """The organisation written just before a name (외교부 김민준 정책기획관)."""
    return page.at_start.get(i, {}).get(EntityLabel.ORG) if i >= 0 else None


@dataclass(frozen=True)
class _Paren:
    """A parenthesis closed at a word: the index of the word that opens it, what it holds (stripped),
    and whether it is attached to the word before it (최민식(왼쪽), 존 케리(John Kerry))."""

    opened: int
    inside: str
    attached: bool


def _paren(page: _Page, close: int) -> _Paren | None:
    """The parenthesis the `)` at word `close` closes, if it opens within a few words."""
    ws = page.ws
    opened = _open_paren(page.text, ws, close)
    if opened is None:
        return None
    inside = page.text[ws[opened].end : ws[close].start].strip()
    return _Paren(opened, inside, opened > 0 and ws[opened - 1].end == ws[opened].start)


def _open_paren(text: str, ws: Sequence[Word], close: int) -> int | None:
    """Index of the `(` matching the `)` at `close`, within a few words."""
    for j in range(close - 1, max(-1, close - 12), -1):
        if ws[j].punct and text[ws[j].start : ws[j].end] == "(":
            return j
    return None


def _original_words(original: str, honorifics: frozenset[str]) -> tuple[int, int]:
    """`(count, limit)` of Hangul words an original asks for: one per Latin word or spaced CJK part
    (honorifics such as His Highness and initials such as the F. of John F. Kerry left out); an
    unspaced CJK name of three characters (趙兌烈, 岩屋毅) leaves the count open, up to two
    proper-noun words; four or more (藤沢健太郎) are a Japanese name in two."""
    parts = [p for p in re.split(r"[\s·]+", original) if p and p not in honorifics and not _INITIAL.match(p)]
    if len(parts) == 1 and not parts[0].isascii():
        return (2, 2) if len(parts[0]) >= 4 else (0, 2)  # 藤沢健太郎: a Japanese name in two words
    return len(parts), len(parts)


def pick_official(entries: Sequence[Entry], on: dt.date | None) -> Entry:
    """The office row in force on the document's date, else the most recent one."""
    day = on.isoformat() if on else None
    if day:
        for entry in entries:
            start, end = entry.attrs.get("from", ""), entry.attrs.get("to", "")
            if start[: len(day)] <= day and (not end or day <= end + "-99"):
                return entry
    return max(entries, key=lambda entry: entry.attrs.get("from", ""))


def _title_text(page: _Page, title: Mention) -> str:
    """The title as the text writes it, without a country or organisation in front (외교부 장관 → 장관)."""
    text, ws, at_start = page.text, page.ws, page.at_start
    start = title.start
    for i in range(bisect_left(page.word_starts, start), bisect_left(page.word_starts, title.end)):
        w = ws[i]
        if w.start < start:
            continue
        if w.start > start:
            break
        prefix = at_start.get(i, {})
        inner = [m.end for label, m in prefix.items() if label in _PREFIXES and m.end < title.end]
        if not inner:
            break
        start = max(inner)
        while start < title.end and text[start].isspace():
            start += 1
    return text[start : title.end]


def title_forms(entries: gazetteer.Gazetteer) -> frozenset[str]:
    """Every Hangul title form, for titles written as the end of a word (북미국장)."""
    return frozenset(
        form for entry in entries.of(EntityLabel.TITLE) for form in entry.forms if HANGUL.match(form)
    )


def place_forms(entries: gazetteer.Gazetteer) -> frozenset[str]:
    """Hangul forms of the gazetteer's places, for titles made of a place and a title ending (부산시장)."""
    return frozenset(
        form for entry in entries.of(EntityLabel.LOCATION) for form in entry.forms if HANGUL.match(form)
    )


def official_forms(entries: gazetteer.Gazetteer) -> dict[str, tuple[Entry, ...]]:
    """The gazetteer's officials by each Hangul form, spaces dropped."""
    forms: dict[str, list[Entry]] = {}
    for entry in entries.of(EntityLabel.PERSON):
        for form in entry.forms:
            key = squash(form)
            if HANGUL.match(key) and entry not in forms.setdefault(key, []):
                forms[key].append(entry)
    return {key: tuple(found) for key, found in forms.items()}


@Language.factory("korex_people", default_config={"gazetteers": []})
def make_people_rules(nlp: Language, name: str, gazetteers: list[str]) -> PeopleRules:
    """Factory: titles and places from the shipped and the user's gazetteers, cues from `person_cues.csv`."""
    entries = gazetteer.load(gazetteers)
    return PeopleRules(load_cues(), title_forms(entries), place_forms(entries), official_forms(entries))
