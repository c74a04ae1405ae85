"""Short references: one person per person, however often and however briefly the text names them.

A headline may give only the surname (`푸틴, 아베 기다리게 해`) that the body then writes in full; a
later sentence says `김 차관` or `스미스 장관` for someone named before, or misspells the name
(`루터 대통령` for 루토). Each of these becomes a mention of the person it abbreviates: the nearest
full name before it, else the first one after it. A surname with no full name anywhere (`윤
대통령은`) is a person named by that surname when Kiwi reads it as a proper noun.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from extractor.gazetteer import Entry
from extractor.mentions import Mention
from extractor.models import EntityLabel, EntitySource
from extractor.ruler import jamo

#: Fewest syllables a word must have to be matched despite a misspelling (루터 for 루토).
_MIN_MISSPELT = 2


@dataclass
class Found:
    """A person being assembled: name span, original, and the context around it."""

    start: int
    end: int
    name: str
    title: Mention | None = None
    org: Mention | None = None
    org_text: str | None = None
    country: str | None = None
    name_original: str | None = None
    title_text: str | None = None
    official: Entry | None = None
    #: a lone surname Kiwi reads as a proper noun (윤 대통령): a person even with no full name
    lone: bool = False


class _Index:
    """Full names by the words they are made of, each list in text order."""

    def __init__(self) -> None:
        self.people: dict[str, list[Found]] = {}
        self.starts: dict[str, list[int]] = {}

    def add(self, key: str, p: Found) -> None:
        self.people.setdefault(key, []).append(p)
        self.starts.setdefault(key, []).append(p.start)

    def nearest(self, key: str, at: int) -> Found | None:
        """The entry under `key` nearest before `at`, else the first after it."""
        found = self.people.get(key)
        if not found:
            return None
        k = bisect_left(self.starts[key], at)
        return found[k - 1] if k > 0 else found[0]


def link_people(people: Sequence[Found], text: str, surnames: frozenset[str]) -> list[Mention]:
    """PERSON mentions for `people` (in text order); short references point at the full name."""
    by_word, by_surname, singles = _Index(), _Index(), _Index()
    for p in people:
        if " " in p.name:
            for part in p.name.split():
                by_word.add(part, p)
        elif len(p.name) >= 2:
            by_surname.add(p.name[0], p)
            singles.add(p.name, p)
    spelt: dict[tuple[int, str], list[str]] = {}  # words of full names by length and first consonant
    for word in by_word.people:
        if len(word) >= _MIN_MISSPELT:
            spelt.setdefault((len(word), jamo(word[0])[0]), []).append(word)
    targets: list[tuple[Found, Found]] = []
    for p in people:
        target = _target(p, by_word, by_surname, singles)
        if target is None and len(p.name) >= _MIN_MISSPELT and " " not in p.name and p.official is None:
            near = spelt.get((len(p.name), jamo(p.name[0])[0]), [])
            hit = process.extractOne(
                jamo(p.name), [jamo(w) for w in near], scorer=Levenshtein.distance, score_cutoff=1
            )
            if hit is not None:
                target = by_word.nearest(near[hit[2]], p.start)
        if target is None and len(p.name) == 1 and not (p.lone and p.title and p.name in surnames):
            continue
        targets.append((p, target or p))
    for p, person in targets:
        person.country = person.country or p.country  # UAE 살만 대통령 says whose the full name is
    return [_mention(p, person, text) for p, person in targets]


def _target(p: Found, by_word: _Index, by_surname: _Index, singles: _Index) -> Found | None:
    """The full name `p` abbreviates, or None when `p` is a full name itself."""
    if " " in p.name:
        return None
    if len(p.name) == 1:
        return by_surname.nearest(p.name, p.start)  # 김 차관 → 김민준; 시 주석 → 시진핑
    if p.name in by_word.people:
        return by_word.nearest(p.name, p.start)
    first = singles.nearest(p.name, p.start)
    return first if first is not None and first is not p and first.start < p.start else None


def _mention(p: Found, person: Found, text: str) -> Mention:
    official = person.official
    org = text[person.org.start : person.org.end] if person.org else person.org_text
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
