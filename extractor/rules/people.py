"""Titles and people: what no list holds, found around the gazetteer's titles and organisations.

Press releases name officials in a few fixed shapes, all anchored on a title:

    김민준 외교부 제1차관            name, organisation, title
    외교부 김민준 정책기획관          organisation, name, title
    존 스미스(John Smith) 미국 국무부 부장관      name, original in parentheses, country, organisation, title
    김 차관 / 스미스 부장관           a later short reference to someone already named

A title is a gazetteer title, or a word ending in one (북미국장, 주한캐나다대사). The name is
the run of proper-noun words just before the organisation/country chain in front of the title;
with an original in parentheses, the original's word count says how many Hangul words it has.
Short references become mentions of the person they abbreviate, never new people.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.gazetteer import Entry
from extractor.mentions import Mention, mentions
from extractor.models import EntityLabel, EntitySource
from extractor.rules.date_mentions import anchor_of
from extractor.rules.words import HANGUL, Word, words
from extractor.tokens import text_of

#: Tags a name word may carry; Kiwi tags unknown names NNP, sometimes NNG.
_NAME_TAGS = frozenset({"NNP", "NNG"})
_ORIGINAL = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z .'\-·]+$")
_MAX_NAME_WORDS = 6
_PREFIXES = frozenset({EntityLabel.ORG, EntityLabel.COUNTRY})
#: Closing brackets that hold a name written between them (「모하메드 ...」 대통령).
_CLOSERS = {"」": "「", "』": "『", "》": "《", "〉": "〈"}
_QUOTES = frozenset("'\"’”")
#: Separators that join a word to the one before it (한-태평양도서국): such a word is not a name.
_JOINERS = frozenset("-·ㆍ/")


@dataclass(frozen=True)
class Cues:
    """Word lists the rules need: surnames, modifiers between name and title, and stop words."""

    surnames: frozenset[str]
    modifiers: frozenset[str]
    stops: frozenset[str]
    latin_honorifics: frozenset[str]


@cache
def load_cues() -> Cues:
    """`person_cues.csv` plus the title heads from the titles gazetteer, read once."""
    kinds: dict[str, set[str]] = {kind: set() for kind in ("surname", "modifier", "stop", "latin_honorific")}
    with (gazetteer.shipped_dir() / "person_cues.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] in kinds:
                kinds[row["kind"]].add(row["form"])
    return Cues(*(frozenset(kinds[kind]) for kind in ("surname", "modifier", "stop", "latin_honorific")))


@dataclass
class _Found:
    """A person being assembled: name span, original, and the context around it."""

    start: int
    end: int
    name: str
    title: Mention | None = None
    org: Mention | None = None
    country: str | None = None
    name_original: str | None = None
    title_text: str | None = None
    official: Entry | None = None


@dataclass(frozen=True)
class _Page:
    """One Doc as the people rules read it: its text, its words, the mentions on each word (see
    `PeopleRules._index`) and its country mentions."""

    text: str
    ws: list[Word]
    at_start: dict[int, dict[EntityLabel, Mention]]
    countries: list[Mention]
    word_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "word_starts", [w.start for w in self.ws])


@dataclass
class PeopleRules:
    """spaCy component: TITLE mentions for title words, PERSON mentions for the people they name."""

    cues: Cues
    title_heads: dict[str, tuple[str, ...]]

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found = mentions(doc)
        known = [m for m in found if m.label is EntityLabel.PERSON]
        found[:] = [m for m in found if m.label is not EntityLabel.PERSON]
        ws = words(doc)
        page = _Page(text, ws, self._index(found, ws), [m for m in found if m.label is EntityLabel.COUNTRY])
        titles = self._titles(page)
        found.extend(m for m in titles.values() if m.source is EntitySource.RULE)
        people = self._people(page, titles)
        people = _with_officials(people, known, text, anchor_of(doc))
        found.extend(self._link(people, text))
        return doc

    def _index(self, found: Sequence[Mention], ws: Sequence[Word]) -> dict[int, dict[EntityLabel, Mention]]:
        """Mentions by the index of the word they start on; a body or country written over several
        words (호주 외교통상부) also under the word it ends on, so a walk from the right meets it."""
        starts = {w.start: i for i, w in enumerate(ws)}
        core_ends = {w.core_end: i for i, w in enumerate(ws)}
        index: dict[int, dict[EntityLabel, Mention]] = {}
        for m in found:
            i = starts.get(m.start)
            if i is not None:
                index.setdefault(i, {}).setdefault(m.label, m)
            j = core_ends.get(m.end)
            if j is not None and j != i and m.label in _PREFIXES:
                index.setdefault(j, {}).setdefault(m.label, m)
        return index

    def _titles(self, page: _Page) -> dict[int, Mention]:
        """The title of each word that is (or ends in) one, keyed by word index."""
        text, ws, at_start = page.text, page.ws, page.at_start
        titles: dict[int, Mention] = {}
        covered_to = -1
        for i, w in enumerate(ws):
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
            elif core and core.endswith(self.title_heads.get(core[-1], ())) and HANGUL.match(core):
                titles[i] = Mention(
                    EntityLabel.TITLE, w.start, w.core_end, norm=core, source=EntitySource.RULE
                )
        return titles

    def _people(self, page: _Page, titles: dict[int, Mention]) -> list[_Found]:
        people: list[_Found] = []
        taken: set[int] = set()
        known: set[str] = set()
        for t, title in titles.items():
            person = self._before_title(page, t, title, taken, known) or self._after_title(page, t, title)
            if person is not None and not any(p.start == person.start for p in people):
                people.append(person)
                known.update(person.name.split())
        return sorted(people, key=lambda p: p.start)

    def _before_title(
        self, page: _Page, t: int, title: Mention, taken: set[int], known: set[str]
    ) -> _Found | None:
        """The person a title names: walk left over the organisation/country chain to the name.

        Where no name stands there (미국 국무부 대북고위관리), the title records the unnamed official's
        organisation and country in `data["official"]`, for events to count as a participant."""
        text, ws, at_start, countries = page.text, page.ws, page.at_start, page.countries
        org: Mention | None = None
        country: str | None = None
        original: str | None = None
        i = t
        while i >= 0 and ws[i].start >= title.start:
            i -= 1
        while i >= 0:
            w = ws[i]
            here = at_start.get(i, {})
            if w.punct and text[w.start : w.end] == ")":
                opened = _open_paren(text, ws, i)
                if opened is None:
                    return None
                inside = text[ws[opened].end : w.start].strip()
                i = opened - 1
                if _ORIGINAL.match(inside):
                    original = inside
                    break
                continue
            if w.punct and text[w.start : w.end] in _CLOSERS:
                return self._bracketed(page, i, title, org, country)
            if w.punct and text[w.start : w.end] in _QUOTES:
                i -= 1
                continue
            if EntityLabel.ORG in here and here[EntityLabel.ORG].end <= title.start:
                org = org or here[EntityLabel.ORG]
                country = country or org.country
                i -= 1
                continue
            if EntityLabel.COUNTRY in here and w.core_end == here[EntityLabel.COUNTRY].end:
                country = country or here[EntityLabel.COUNTRY].norm
                i -= 1
                continue
            joined_title = EntityLabel.TITLE in here and i + 1 < len(ws) and ws[i + 1].core(text) == "겸"
            if w.core(text) in self.cues.modifiers or joined_title or w.core(text) == "겸":
                i -= 1
                continue
            break
        count, limit = (
            _original_words(original, self.cues.latin_honorifics) if original else (0, _MAX_NAME_WORDS)
        )
        names = self._name_words(page, i, count, limit, original=original is not None, known=known)
        if not names:
            org = org or _org_within(page, title)
            country = country or _country_within(title, countries) or (org.country if org else None)
            if org is None and country is None:
                return None  # a bare title word (영사 분야, 회의장에서) names no official
            title.data["official"] = {
                "title": _title_text(page, title),
                "org": text[org.start : org.end] if org else None,
                "country": country,
            }
            return None
        if names[0] in taken:
            return None
        taken.update(names)
        org = org or _org_within(page, title) or _org_at(page, names[0] - 1)
        country = (
            country
            or _genitive_country(page, names[0] - 1)
            or _country_within(title, countries)
            or (org.country if org else None)
            or title.country
        )
        start, end = ws[names[0]].start, ws[names[-1]].core_end
        return _Found(
            start,
            end,
            text[start:end],
            title=title,
            org=org,
            country=country,
            name_original=original,
            title_text=_title_text(page, title),
        )

    def _bracketed(
        self, page: _Page, close: int, title: Mention, org: Mention | None, country: str | None
    ) -> _Found | None:
        """A name between brackets in front of its title: 「모하메드 울드 가즈아니」 대통령."""
        text, ws = page.text, page.ws
        opener = _CLOSERS[text[ws[close].start : ws[close].end]]
        for j in range(close - 1, max(-1, close - _MAX_NAME_WORDS - 2), -1):
            if ws[j].punct and text[ws[j].start : ws[j].end] == opener:
                inner = ws[j + 1 : close]
                if inner and all(not w.punct and HANGUL.match(text[w.start : w.end]) for w in inner):
                    start, end = inner[0].start, inner[-1].end
                    return _Found(
                        start,
                        end,
                        text[start:end],
                        title=title,
                        org=org,
                        country=country or _genitive_country(page, j - 1) or title.country,
                        title_text=_title_text(page, title),
                    )
                return None
        return None

    def _after_title(self, page: _Page, t: int, title: Mention) -> _Found | None:
        """A name right after its title, closed by `)` or `,`: (회장 김민준), (부총리 겸 장관 박서연)."""
        text, ws, at_start = page.text, page.ws, page.at_start
        if t + 2 >= len(ws):
            return None
        name, closer = ws[t + 1], ws[t + 2]
        core = name.core(text)
        if (
            name.punct
            or at_start.get(t + 1)
            or not (closer.punct and text[closer.start : closer.end] in "),")
        ):
            return None
        if not (HANGUL.match(core) and 2 <= len(core) <= 4 and core[0] in self.cues.surnames):
            return None
        if "NNP" not in name.tags or name.core_end != name.end:
            return None
        return _Found(name.start, name.core_end, core, title=title, title_text=_title_text(page, title))

    def _name_words(
        self,
        page: _Page,
        last: int,
        count: int,
        limit: int,
        *,
        original: bool = False,
        known: set[str] | frozenset[str] = frozenset(),
    ) -> list[int]:
        """Word indexes of the name ending at word `last`: exactly `count` words when an original gives
        the number, else at most `limit` proper-noun words; a word of a name already found (하딩 of
        엘리자베스 하딩) is taken whatever Kiwi tagged it."""
        text, ws, at_start = page.text, page.ws, page.at_start
        chosen: list[int] = []
        i = last
        limit = count or limit
        while i >= 0 and len(chosen) < limit:
            w = ws[i]
            core = w.core(text)
            ends_name = i == last
            if w.punct or at_start.get(i) or core in self.cues.stops or core in self.cues.modifiers:
                break
            if not HANGUL.match(text[w.start : w.end] if not ends_name else core):
                break
            trusted = bool(count) or (ends_name and (original or core in known))
            if not trusted and not set(w.tags) <= _NAME_TAGS:
                break
            if not trusted and not ends_name and "NNP" not in w.tags and len(core) < 3:
                break
            chosen.append(i)
            i -= 1
        joined = chosen and i >= 0 and ws[i].punct and ws[i].end == ws[chosen[-1]].start
        if joined and text[ws[i].start : ws[i].end] in _JOINERS:
            return []
        chosen.reverse()
        if not chosen:
            return []
        if not count and not original and not (len(chosen) == 1 and ws[chosen[0]].core(text) in known):
            after_org = bool(chosen) and EntityLabel.ORG in at_start.get(chosen[0] - 1, {})
            chosen = self._plausible(page, chosen, after_org=after_org)
        return chosen

    def _plausible(self, page: _Page, chosen: list[int], *, after_org: bool) -> list[int]:
        """Without an original, keep a lone proper-noun name, or a run of proper-noun words. Between an
        organisation and a title (외교부 김민준 국장) a three-syllable word led by a surname is a name
        even where Kiwi tags it a common noun."""
        text, ws = page.text, page.ws
        last = ws[chosen[-1]]
        core = last.core(text)
        if len(chosen) == 1:
            if len(core) == 1:
                return chosen if core in self.cues.surnames else []
            korean_name = after_org and len(core) == 3 and core[0] in self.cues.surnames
            return chosen if "NNP" in last.tags or korean_name else []
        return [i for i in chosen if 1 <= len(ws[i].core(text)) <= 8]

    def _link(self, people: Iterable[_Found], text: str) -> list[Mention]:
        """PERSON mentions; short references (김 차관, 스미스 부장관) point at the full name."""
        full: list[_Found] = []
        out: list[Mention] = []
        for p in people:
            target = _abbreviates(p, full, self.cues.surnames)
            if target is None and len(p.name) == 1:
                continue
            if target is None:
                full.append(p)
                target = p
            out.append(_mention(p, target, text))
        return out


def _org_within(page: _Page, title: Mention) -> Mention | None:
    """An organisation written inside a gazetteer title (외교부 장관)."""
    first, last = bisect_left(page.word_starts, title.start), bisect_left(page.word_starts, title.end)
    for i in range(first, last):
        org = page.at_start.get(i, {}).get(EntityLabel.ORG)
        if org is not None:
            return org
    return None


def _country_within(title: Mention, countries: Sequence[Mention]) -> str | None:
    """A country written inside the title (주한중국대사 → CHN)."""
    inside = [m.norm for m in countries if title.start <= m.start and m.end <= title.end and m.norm]
    return inside[0] if inside else None


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


def _open_paren(text: str, ws: Sequence[Word], close: int) -> int | None:
    """Index of the `(` matching the `)` at `close`, within a few words."""
    for j in range(close - 1, max(-1, close - 12), -1):
        if ws[j].punct and text[ws[j].start : ws[j].end] == "(":
            return j
    return None


def _original_words(original: str, honorifics: frozenset[str]) -> tuple[int, int]:
    """`(count, limit)` of Hangul words an original asks for: one per Latin word or spaced CJK part
    (honorifics such as His Highness left out); an unspaced CJK name of three characters (趙兌烈, 岩屋毅)
    leaves the count open, up to two proper-noun words; four or more (藤沢健太郎) are a Japanese name in
    two."""
    parts = [p for p in re.split(r"[\s·]+", original) if p and p not in honorifics]
    if len(parts) == 1 and not parts[0].isascii():
        return (2, 2) if len(parts[0]) >= 4 else (0, 2)  # 藤沢健太郎: a Japanese name in two words
    return len(parts), len(parts)


def _abbreviates(p: _Found, full: Sequence[_Found], surnames: frozenset[str]) -> _Found | None:
    """The earlier full name `p` is a short form of: its surname, or one of its words."""
    for q in reversed(full):
        if p.name == q.name:
            return q
        if len(p.name) == 1 and p.name in surnames and q.name.startswith(p.name) and " " not in q.name:
            return q
        if " " in q.name and p.name in q.name.split():
            return q
    return None


def _mention(p: _Found, person: _Found, text: str) -> Mention:
    official = person.official
    org = text[person.org.start : person.org.end] if person.org else None
    return Mention(
        EntityLabel.PERSON,
        p.start,
        p.end,
        norm=person.name,
        kb_id=official.id if official else None,
        source=EntitySource.GAZETTEER if official and p is person else EntitySource.RULE,
        data={
            "name": person.name,
            "person": person.name,
            "title": person.title_text or (official.attrs.get("title") if official else None),
            "org": org,
            "country": person.country or (official.country if official else None),
            "name_original": person.name_original
            or (official.attrs.get("name_original") if official else None)
            or None,
            "name_en": official.en if official else None,
        },
    )


def pick_official(entries: Sequence[Entry], on: dt.date | None) -> Entry:
    """The office row in force on the document's date, else the most recent one."""
    day = on.isoformat() if on else None
    if day:
        for entry in entries:
            start, end = entry.attrs.get("from", ""), entry.attrs.get("to", "")
            if start[: len(day)] <= day and (not end or day <= end + "-99"):
                return entry
    return max(entries, key=lambda entry: entry.attrs.get("from", ""))


def _with_officials(
    people: list[_Found], known: Sequence[Mention], text: str, on: dt.date | None
) -> list[_Found]:
    """Attach gazetteer officials to the people the rules found; officials named without a title
    become people too."""
    for m in known:
        entries = m.data.get("entries") or ()
        if not entries:
            continue
        official = pick_official(entries, on)
        match = next((p for p in people if p.start <= m.start and m.end <= p.end), None)
        if match is not None:
            match.official = official
            match.country = match.country or official.country
        elif not any(p.start < m.end and m.start < p.end for p in people):
            people.append(
                _Found(m.start, m.end, text[m.start : m.end], official=official, country=official.country)
            )
    return sorted(people, key=lambda p: p.start)


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


def title_heads(entries: gazetteer.Gazetteer) -> dict[str, tuple[str, ...]]:
    """Every Hangul title form by its last syllable, for titles written as the end of a word (북미국장)."""
    forms = {form for entry in entries.of(EntityLabel.TITLE) for form in entry.forms if HANGUL.match(form)}
    heads: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        heads.setdefault(form[-1], []).append(form)
    return {last: tuple(found) for last, found in heads.items()}


@Language.factory("korex_people", default_config={"gazetteers": []})
def make_people_rules(nlp: Language, name: str, gazetteers: list[str]) -> PeopleRules:
    """Factory: titles from the shipped and the user's `titles.csv`, cues from `person_cues.csv`."""
    return PeopleRules(load_cues(), title_heads(gazetteer.load(gazetteers)))
