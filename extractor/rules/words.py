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
_WORDS_KEY = "korex_words"
HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")


@dataclass(slots=True)
class Word:
    """A run of tokens between spaces and punctuation, with the end of its core (before particles)."""

    start: int
    end: int
    core_end: int
    tags: tuple[str, ...]
    punct: bool = False

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
    current: list[int] = []
    text, starts, ends, heads = table.text, table.starts, table.ends, table.heads

    def close() -> None:
        core_end = ends[current[-1]]
        for i in reversed(current[1:]):
            head = heads[i]
            honorific = head == "XSN" and text[starts[i] : ends[i]] in honorifics
            if not (head.startswith(_TRAILING) or honorific):
                break
            core_end = starts[i]
        found.append(Word(starts[current[0]], ends[current[-1]], core_end, tuple(heads[i] for i in current)))
        current.clear()

    for i, (tag, head, spaced) in enumerate(zip(table.tags, heads, table.spaced, strict=True)):
        if tag == SPACE_TAG:
            if current:
                close()
            continue
        if head in _PUNCT_TAGS:
            if current:
                close()
            found.append(Word(starts[i], ends[i], ends[i], (head,), punct=True))
        else:
            current.append(i)
        if spaced and current:
            close()
    if current:
        close()
    return found
