"""Words: runs of Kiwi tokens between spaces and punctuation, with the core before the particles.

The rules reason about words as a Korean reader does (`외교부장관은` is one word whose core is
`외교부장관`), while the tokens give them each morpheme's tag.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

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
    add = found.append
    text, starts, ends, heads, spaced = table.text, table.starts, table.ends, table.heads, table.spaced
    # Each token's kind, and a whitespace after the last one that closes the last word.
    kinds = [*map({head: _kind(head) for head in set(heads)}.__getitem__, heads), _SPACE]
    predicate = {tag: _predicate_tag(tag) for tag in set(table.tags)}.__getitem__
    predicates_before = list(accumulate(map(predicate, table.tags), initial=0))
    first = -1  # the open word's first token, -1 when none is open
    core_last = -1  # its last token that belongs to the core

    for i, kind in enumerate(kinds):
        if kind <= _SUFFIX:
            if first < 0:
                first = core_last = i
            elif kind == _CORE or (kind == _SUFFIX and text[starts[i] : ends[i]] not in honorifics):
                core_last = i
            if not spaced[i]:
                continue
            last = i
        elif first < 0:
            if kind == _PUNCT:
                add(Word(starts[i], ends[i], ends[i], (heads[i],), punct=True))
            continue
        else:
            last = i - 1
        add(
            Word(
                starts[first],
                ends[last],
                ends[last] if core_last == last else starts[core_last + 1],
                tuple(heads[first : last + 1]),
                predicate=predicates_before[last + 1] > predicates_before[first],
            )
        )
        first = -1
        if kind == _PUNCT:
            add(Word(starts[i], ends[i], ends[i], (heads[i],), punct=True))
    return found


#: What a token's first morpheme makes it: part of a word's core, a trailing particle or ending, a
#: noun suffix (in the core unless honorific), punctuation, or whitespace.
_CORE, _TRAILING_PART, _SUFFIX, _PUNCT, _SPACE = range(5)


def _kind(head: str) -> int:
    """The kind (above) of a token whose first morpheme has tag `head`."""
    if head == SPACE_TAG:
        return _SPACE
    if head in _PUNCT_TAGS:
        return _PUNCT
    if head.startswith(_TRAILING):
        return _TRAILING_PART
    return _SUFFIX if head == "XSN" else _CORE


def _predicate_tag(tag: str) -> bool:
    """A token tag (`XSV+EP`) holding a morpheme that makes its word a predicate."""
    return any(part in _PREDICATE for part in tag.split("+"))


def core_tags(w: Word) -> list[str]:
    """The tags of a word's core, without particles and endings."""
    return [tag for tag in w.tags if not tag.startswith(_TRAILING)]
