"""Organisations no list holds, named by their ending: 주한인도네시아대사관, 교육회복지원위원회.

A word that ends in an organisation suffix (`org_suffixes.csv`) and has a name in front of it is
an ORG. An embassy's country is the one after 주한 (주한캐나다대사관 is Canada's); one after 주 alone
is where a Korean mission sits (주캐나다대사관 is Korea's). A word the meeting gazetteer names in full
(안보정책협의회) is a meeting, not a body. A country word in front of a body sets its country
(`사우디 외교부`: the gazetteer's bare 외교부 is Korea's).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.mentions import ByStart, Mention, mentions
from extractor.models import EntityLabel, EntitySource
from extractor.rules.words import HANGUL, Word, words
from extractor.tokens import text_of

HOME = "KOR"


@cache
def load_suffixes() -> dict[str, str]:
    """`org_suffixes.csv`: suffix → kind, longest suffixes first."""
    with (gazetteer.shipped_dir() / "org_suffixes.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["form"]: row["kind"] for row in csv.DictReader(handle)}
    return dict(sorted(rows.items(), key=lambda item: -len(item[0])))


@dataclass
class OrgSuffixes:
    """spaCy component: ORG mentions for words ending in an organisation suffix."""

    suffixes: dict[str, str]
    title_forms: frozenset[str]

    def __post_init__(self) -> None:
        self.endings = tuple(self.suffixes)
        self.title_endings = tuple(form for form in self.title_forms if len(form) >= 2)

    def _titled(self, stem: str) -> bool:
        """The part before the suffix ends in a title (외교차관 of 외교차관협의회)."""
        return stem.endswith(self.title_endings)

    def __call__(self, doc: Doc) -> Doc:
        self._suffixed(doc)
        _country_words(doc)
        return doc

    def _suffixed(self, doc: Doc) -> None:
        text = text_of(doc)
        found = mentions(doc)
        orgs = {(m.start, m.end) for m in found if m.label is EntityLabel.ORG}
        meetings_ending: dict[int, list[Mention]] = {}
        for m in found:
            if m.label is EntityLabel.MEETING:
                meetings_ending.setdefault(m.end, []).append(m)
        countries = ByStart(m for m in found if m.label is EntityLabel.COUNTRY)
        for w in self._candidates(text, words(doc)):
            core = text[w.start : w.core_end]
            if not core.endswith(self.endings):
                continue
            suffix = next((s for s in self.suffixes if core.endswith(s) and len(core) > len(s)), None)
            if w.punct or suffix is None or not HANGUL.match(core) or (w.start, w.core_end) in orgs:
                continue
            ending_here = meetings_ending.get(w.core_end, ())
            if any(m.start <= w.start or m.end - m.start > len(suffix) for m in ending_here):
                continue  # 안보정책협의회, 경제공동위원회: the meeting gazetteer names more than the suffix
            if self._titled(core[: -len(suffix)]):
                continue  # 외교차관협의회: a meeting of office holders, not a body
            inside = [m.norm for m in countries.inside(w.start, w.core_end) if m.norm]
            found.append(
                Mention(
                    EntityLabel.ORG,
                    w.start,
                    w.core_end,
                    norm=core,
                    source=EntitySource.RULE,
                    data={"name": core, "country": _country(core, inside), "kind": self.suffixes[suffix]},
                )
            )

    def _candidates(self, text: str, ws: list[Word]) -> list[Word]:
        """The words whose core may end in a suffix, in order: those whose core ends where a suffix
        written in the text ends (found by substring search, not by a pass over every word)."""
        chosen: set[int] = set()
        for suffix in self.endings:
            at = text.find(suffix)
            while at >= 0:
                end = at + len(suffix)
                i = bisect_right(ws, end - 1, key=_START) - 1
                if i >= 0 and ws[i].core_end == end:
                    chosen.add(i)
                at = text.find(suffix, at + 1)
        return [ws[i] for i in sorted(chosen)]


_START = attrgetter("start")


#: What may stand between a country word and its body: spaces, or an aside in parentheses.
_BETWEEN = re.compile(r"^(\s*\([^()]{0,30}\))?[\s'\"’”)]*$")


def _country_words(doc: Doc) -> None:
    """A country word in front of a body sets its country (사우디 외교부 is Saudi Arabia's)."""
    text = text_of(doc)
    found = mentions(doc)
    countries = sorted((m for m in found if m.label is EntityLabel.COUNTRY and m.norm), key=lambda m: m.end)
    ends = [m.end for m in countries]
    for org in (m for m in found if m.label is EntityLabel.ORG):
        i = bisect_right(ends, org.start) - 1  # the country ending nearest before the body
        if i < 0 or org.start - ends[i] > 40 or not _BETWEEN.match(text[ends[i] : org.start]):
            continue
        code = countries[i].norm
        entries = org.data.get("entries") or ()
        if entries and entries[0].country not in (None, code):
            org.data["country"] = code
            org.kb_id = None
            org.norm = text[org.start : org.end]


def _country(name: str, inside: list[str]) -> str | None:
    """Whose body it is: the country after 주한, Korea for a mission 주 + country, else the one named."""
    others = [code for code in inside if code != HOME]
    if name.startswith("주한") and others:
        return others[0]
    if name.startswith("주") and others:
        return HOME
    return inside[0] if inside else None


@Language.factory("korex_org_suffixes", default_config={"gazetteers": []})
def make_org_suffixes(nlp: Language, name: str, gazetteers: list[str]) -> OrgSuffixes:
    """Factory: suffixes from `org_suffixes.csv`."""
    entries = gazetteer.load(gazetteers)
    titles = frozenset(
        form for entry in entries.of(EntityLabel.TITLE) for form in entry.forms if HANGUL.match(form)
    )
    return OrgSuffixes(load_suffixes(), titles)
