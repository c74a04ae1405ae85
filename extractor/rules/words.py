"""Words: runs of Kiwi tokens between spaces and punctuation, with the core before the particles.

The rules reason about words as a Korean reader does (`외교부장관은` is one word whose core is
`외교부장관`), while the tokens give them each morpheme's tag.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from extractor import gazetteer
from extractor.tokens import SPACE_TAG, TokenTable, table_of

#: Tag prefixes that end a word's core: particles, copula and endings (외교부장관은 → 외교부장관).
_TRAILING = ("J", "VCP", "E")
#: Punctuation tags that separate words even without a space.
_PUNCT_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SB"})
#: Morphemes that make a word a predicate (방문한, 열렸다, 회담하고): such a word is never part of a name.
_PREDICATE = frozenset({"XSV", "XSA", "EP", "EF", "ETN", "VX"})
_WORDS_KEY = "korex_words"
HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")


@dataclass(slots=True)
class Word:
    """A run of tokens between spaces and punctuation, with the end of its core (before particles), and
    whether a verb derivation or ending makes it a predicate (`predicate`)."""

    start: int
    end: int
    core_end: int
    tags: tuple[str, ...]
    punct: bool = False
    predicate: bool = False

    def core(self, text: str) -> str:
        """The word without trailing particles or endings."""
        return text[self.start : self.core_end]


def words(doc: Doc) -> list[Word]:
    """The Doc's words (see `_words`), built once per Doc."""
    found = doc.user_data.get(_WORDS_KEY)
    if found is None:
        found = doc.user_data[_WORDS_KEY] = _words(table_of(doc), honorifics())
    return found


@cache
def honorifics() -> frozenset[str]:
    """Suffixes that end a word's core like a particle (대통령님, 장관들): `honorific` rows of
    `person_cues.csv`."""
    with (gazetteer.shipped_dir() / "person_cues.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(row["form"] for row in csv.DictReader(handle) if row["kind"] == "honorific")


def _words(table: TokenTable, honorifics: frozenset[str]) -> list[Word]:
    """The Doc's words in order; punctuation tokens are words of their own (`punct`). A word's core
    ends before its particles and endings, and before honorific or plural suffixes (대통령님, 장관들)."""
    found: list[Word] = []
    text, starts, ends, heads = table.text, table.starts, table.ends, table.heads
    first = -1  # the open word's first token, -1 when none is open
    core_last = -1  # its last token that belongs to the core

    for i, (tag, head, spaced) in enumerate(zip(table.tags, heads, table.spaced, strict=True)):
        punct = head in _PUNCT_TAGS
        if tag != SPACE_TAG and not punct:
            if first < 0:
                first = core_last = i
            elif not (
                head.startswith(_TRAILING) or (head == "XSN" and text[starts[i] : ends[i]] in honorifics)
            ):
                core_last = i
            if not spaced:
                continue
            last = i
        elif first < 0:
            if punct:
                found.append(Word(starts[i], ends[i], ends[i], (head,), punct=True))
            continue
        else:
            last = i - 1
        found.append(_word(table, first, last, core_last))
        first = -1
        if punct:
            found.append(Word(starts[i], ends[i], ends[i], (head,), punct=True))
    if first >= 0:
        found.append(_word(table, first, len(heads) - 1, core_last))
    return found


@cache
def _predicate_tag(tag: str) -> bool:
    """A token tag (`XSV+EP`) holding a morpheme that makes its word a predicate."""
    return any(part in _PREDICATE for part in tag.split("+"))


def _word(table: TokenTable, first: int, last: int, core_last: int) -> Word:
    """The word of tokens `first`..`last`, its core ending with token `core_last`."""
    core_end = table.ends[last] if core_last == last else table.starts[core_last + 1]
    tags = table.tags[first : last + 1]
    predicate = any(map(_predicate_tag, tags))
    return Word(
        table.starts[first],
        table.ends[last],
        core_end,
        tuple(table.heads[first : last + 1]),
        predicate=predicate,
    )
