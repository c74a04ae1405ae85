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
from extractor.mentions import text_of
from extractor.ruler import first_tags
from extractor.tokenizer import SPACE_TAG

#: Tags that end a word's core: particles, copula and endings (외교부장관은 → 외교부장관).
_TRAILING = re.compile(r"^(J|VCP|E)")
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
        found = doc.user_data[_WORDS_KEY] = _words(doc, honorifics())
    return found


@cache
def honorifics() -> frozenset[str]:
    """Suffixes that end a word's core like a particle (대통령님, 장관들): `honorific` rows of
    `person_cues.csv`."""
    with (gazetteer.shipped_dir() / "person_cues.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(row["form"] for row in csv.DictReader(handle) if row["kind"] == "honorific")


def _words(doc: Doc, honorifics: frozenset[str]) -> list[Word]:
    """The Doc's words in order; punctuation tokens are words of their own (`punct`). A word's core
    ends before its particles and endings, and before honorific or plural suffixes (대통령님, 장관들)."""
    found: list[Word] = []
    current: list[tuple[int, int, str]] = []
    text = text_of(doc)

    def close() -> None:
        if not current:
            return
        core_end = current[-1][1]
        for start, end, tag in reversed(current[1:]):
            if not (_TRAILING.match(tag) or (tag == "XSN" and text[start:end] in honorifics)):
                break
            core_end = start
        found.append(Word(current[0][0], current[-1][1], core_end, tuple(tag for _, _, tag in current)))
        current.clear()

    for token in doc:
        tag = first_tags(token.tag_)
        if token.tag_ == SPACE_TAG:
            close()
            continue
        start, end = token.idx, token.idx + len(token.text)
        if tag in _PUNCT_TAGS:
            close()
            found.append(Word(start, end, end, (tag,), punct=True))
        else:
            current.append((start, end, tag))
        if token.whitespace_:
            close()
    close()
    return found
