"""Country compounds: 한미일, 한·미·일, 러북, 韓美日, 한-베트남, 한-아세안.

Korean writes the parties of a relation as one-syllable country forms run together or joined by
`·`/`-`. Each syllable becomes its own COUNTRY mention, so `Entity.norm` is always one ISO code.
Short forms marked `free` in `countries.csv` (한 미 일 중 러 북 남) may join without punctuation;
`marked` ones (영 독 불 호 인 ...) only with a separator (한·호), or after two free ones (한미호),
since 한영 and 한인 are ordinary words.
Words listed in `country_compound_exceptions.csv` (남미, 중남미) are regions, not compounds. A visit
word (방북, 방한, 방일) names the country visited by its second syllable. In a text that speaks the
North's usage, 조선 and 공화국 name North Korea (`north_korean.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from spacy.language import Language
from spacy.tokens import Doc

from extractor import gazetteer
from extractor.mentions import Mention, covered, mentions
from extractor.models import EntityLabel, EntitySource
from extractor.rules import north_korean
from extractor.tokens import table_of

SEPARATORS = frozenset("·ㆍ・‧∙-–/")
#: Tags the characters of a compound may carry: nouns, Hanja and the separators.
COMPOUND_TAGS = frozenset({"NNP", "NNG", "SH", "SO", "SP", "SW", "XPN", "XSN", "UN"})
#: Tags a lone short form must carry to stand for a country before `-name` (한/NNP-아세안; after a
#: quote Kiwi reads it as the determiner: '한/MM-호주 정상회담').
LONE_TAGS = frozenset({"NNP", "SH", "MM"})
#: Tags of the word after `한-` that make `한` a party on its own (한-아세안, 한-아프리카).
PARTNER_TAGS = frozenset({"NNP", "NNG", "SL", "SH"})


@dataclass(frozen=True)
class Short:
    """A one-syllable country form and whether it joins others without punctuation."""

    country: str
    free: bool


@dataclass
class CountryCompounds:
    """spaCy component: one COUNTRY mention per syllable of a country compound."""

    shorts: dict[str, Short]
    exceptions: frozenset[str]

    def __post_init__(self) -> None:
        #: The characters a compound or a visit word may start with, to find them without a pass
        #: over every token.
        initials = "".join(sorted(re.escape(form) for form in self.shorts if len(form) == 1))
        short = f"[{initials}]" if initials else "(?!)"
        #: A compound's first syllable, followed by another or by a separator (한미, 한·호, 한-아세안):
        #: one alone is no compound.
        follows = sorted({*SEPARATORS, *(form for form in self.shorts if len(form) == 1)})
        self.initials = re.compile(f"{short}(?=[{''.join(map(re.escape, follows))}])")
        self.visit_words = re.compile(f"방(?={short})")
        #: Region words listed as no compound (`_region_at`), by the fewest letters they have.
        self.regions = {
            shortest: _any_of(r for r in self.exceptions if len(r) >= shortest) for shortest in (2, 3)
        }

    def __call__(self, doc: Doc) -> Doc:
        table = table_of(doc)
        text = table.text
        tag_at = TagAt(table.solid)
        taken = _covered_chars(covered(doc, EntityLabel.COUNTRY))
        found = mentions(doc)
        found.extend(self._visits(text, tag_at, taken))
        found.extend(north_korean.country_words(table, taken))
        position = 0
        for initial in self.initials.finditer(text):
            start = initial.start()
            if start < position or not tag_at.starts_token(start):
                continue
            parts = self._longest_accepted(text, start, tag_at)
            if not parts:
                continue
            end = parts[-1][0] + 1
            position = end
            for offset, short in parts:
                if offset not in taken:
                    found.append(
                        Mention(
                            EntityLabel.COUNTRY,
                            offset,
                            offset + 1,
                            norm=short.country,
                            kb_id=short.country,
                            source=EntitySource.RULE,
                        )
                    )
        return doc

    def _visits(self, text: str, tag_at: TagAt, taken: set[int]) -> list[Mention]:
        """Visit words (방북, 방한, 실무방한): 방 and a country's short form making up whole tokens; the
        short form names the country visited."""
        found = []
        for visit in self.visit_words.finditer(text):
            start = visit.start()
            offset = start + 1
            if not tag_at.starts_token(start):
                continue
            if not tag_at.ends_token(offset + 1) or offset in taken:
                continue
            country = self.shorts[text[offset]].country
            found.append(
                Mention(
                    EntityLabel.COUNTRY,
                    offset,
                    offset + 1,
                    norm=country,
                    kb_id=country,
                    source=EntitySource.RULE,
                )
            )
        return found

    def _longest_accepted(self, text: str, start: int, tag_at: TagAt) -> list[tuple[int, Short]]:
        """The longest run of short forms from `start` that reads as a compound (not 한-베 of 한-베트남)."""
        parts, _ = self._parts(text, start)
        for count in range(len(parts), 0, -1):
            head = parts[:count]
            if self._accept(text, head, start, head[-1][0] + 1, tag_at):
                return head
        return []

    def _parts(self, text: str, start: int) -> tuple[list[tuple[int, Short]], int]:
        """The short forms from `start` on, with separators between them checked for `marked` forms."""
        parts: list[tuple[int, Short]] = [(start, self.shorts[text[start]])]
        position = start + 1
        while position < len(text):
            char = text[position]
            if self._region_at(text, position, 3) or (
                char in SEPARATORS and self._region_at(text, position + 1, 2)
            ):
                break  # 한중남미, 한-남미: the region is a word of its own, no run of short forms
            if char in self.shorts and (self.shorts[char].free or len(parts) >= 2) and parts[-1][1].free:
                parts.append((position, self.shorts[char]))
                position += 1
            elif char in SEPARATORS and position + 1 < len(text) and text[position + 1] in self.shorts:
                parts.append((position + 1, self.shorts[text[position + 1]]))
                position += 2
            else:
                break
        return parts, position

    def _region_at(self, text: str, position: int, shortest: int) -> bool:
        """A region word listed as no compound (중남미, 남미), of at least `shortest` letters, starts at
        `position` (중미 glued after 한 may be 한중미, Korea, China and the US)."""
        return self.regions[shortest].match(text, position) is not None

    def _accept(
        self,
        text: str,
        parts: list[tuple[int, Short]],
        start: int,
        end: int,
        tag_at: TagAt,
    ) -> bool:
        if text[start:end] in self.exceptions:
            return False
        if len(parts) == 1:
            return tag_at.get(start) in LONE_TAGS and self._before_partner(text, end, tag_at)
        tagged = all(tag_at.get(offset) in COMPOUND_TAGS for offset in range(start, end))
        if not tagged and not _whole_word(text, start, end, tag_at):
            return False
        return tag_at.ends_token(end) and len({short.country for _, short in parts}) >= 2

    def _before_partner(self, text: str, end: int, tag_at: TagAt) -> bool:
        """`한-아세안`, `한·베트남`: one short form, a separator, then a name."""
        return end + 1 < len(text) and text[end] in SEPARATORS and tag_at.get(end + 1) in PARTNER_TAGS


def _any_of(forms: Iterable[str]) -> re.Pattern[str]:
    """A regex matching any of `forms` (none: nothing)."""
    return re.compile("|".join(map(re.escape, forms)) or "(?!)")


def _covered_chars(spans: list[tuple[int, int]]) -> set[int]:
    """The character offsets the spans cover, for a membership test per syllable."""
    return {offset for start, end in spans for offset in range(start, end)}


class TagAt:
    """The tag of the token covering a character offset (None between tokens), by binary search."""

    def __init__(self, tokens: list[tuple[int, int, str]]) -> None:
        self.tokens = tokens
        self.starts = list(map(itemgetter(0), tokens))

    def get(self, offset: int, default: str | None = None) -> str | None:
        """Like `dict.get`: the covering token's first tag, or `default`."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.tokens[i][1]:
            return self.tokens[i][2]
        return default

    def starts_token(self, offset: int) -> bool:
        """A token starts at `offset`."""
        i = bisect_left(self.starts, offset)
        return i < len(self.starts) and self.starts[i] == offset

    def ends_token(self, offset: int) -> bool:
        """A token ends at `offset`."""
        i = bisect_left(self.starts, offset) - 1
        return i >= 0 and self.tokens[i][1] == offset


def _whole_word(text: str, start: int, end: int, tag_at: TagAt) -> bool:
    """The compound is a word of its own (a particle may follow): Kiwi sometimes misreads such a word
    (계기 러북 → 계기이+러), and a whole word of country syllables is a compound."""
    before = text[start - 1] if start else " "
    if not (before.isspace() or before in "(\"'“‘「『<"):
        return False
    return end == len(text) or not text[end].isalnum() or tag_at.get(end, "").startswith("J")


def load_shorts(entries: gazetteer.Gazetteer) -> dict[str, Short]:
    """Every one-syllable form of `countries.csv` with its country."""
    shorts: dict[str, Short] = {}
    for entry in entries.of(EntityLabel.COUNTRY):
        for form in filter(None, entry.attrs.get("short", "").split("|")):
            shorts[form] = Short(entry.id, entry.attrs.get("compound") == "free")
    return shorts


@Language.factory("korex_country_compounds", default_config={"gazetteers": []})
def make_country_compounds(nlp: Language, name: str, gazetteers: list[str]) -> CountryCompounds:
    """Factory: short forms from the shipped and the user's `countries.csv`."""
    return CountryCompounds(load_shorts(gazetteer.load(gazetteers)), gazetteer.compound_exceptions())
