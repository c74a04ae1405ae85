"""The North's usage: in a text that speaks it, 조선 and 공화국 name North Korea.

A text quoting the North's agencies or written in its usage (조선중앙통신, 로동당, 남조선,
조선민주주의인민공화국) calls the country 조선 or 공화국; elsewhere 조선 is the dynasty or shipbuilding
(조선시대, 조선업) and 공화국 any republic. The words are data in `north_korean_usage.csv`.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from extractor import gazetteer
from extractor.mentions import Mention
from extractor.models import EntityLabel, EntitySource
from extractor.tokens import SPACE_TAG, TokenTable

#: Tags of the token right after the word that keep it a word of its own: particles, punctuation, a space.
_ENDS_WORD = ("J", "S")


@cache
def _markers() -> tuple[str, ...]:
    """The words of `north_korean_usage.csv` that show a text speaks the North's usage."""
    return tuple(form for form, kind in gazetteer.north_korean_usage().items() if kind == "marker")


@cache
def _country_forms() -> dict[str, str]:
    """The words of `north_korean_usage.csv` that name a country in such a text, with its code."""
    return {form: code for form, code in gazetteer.north_korean_usage().items() if code != "marker"}


def speaks_it(text: str) -> bool:
    """The text uses a word only the North's usage has (조선중앙통신, 남조선)."""
    return any(form in text for form in _markers())


def country_words(table: TokenTable, taken: Collection[int]) -> list[Mention]:
    """COUNTRY mentions for 조선 and 공화국 written as words of their own (조선과, 공화국 정부), in a
    text that speaks the North's usage; none elsewhere. `taken`: the characters COUNTRY mentions cover."""
    text = table.text
    if not speaks_it(text):
        return []
    words = _country_forms()
    found = []
    for i, start in enumerate(table.starts):
        word = text[start : table.ends[i]]
        code = words.get(word)
        if code is None or start in taken:
            continue
        before = text[start - 1] if start else " "
        following = i + 1 < len(table.tags) and table.tags[i + 1] != SPACE_TAG
        glued = (
            following
            and table.starts[i + 1] == table.ends[i]
            and not table.heads[i + 1].startswith(_ENDS_WORD)
        )
        if before.isalnum() or glued:
            continue  # 조선반도, 조선로동당, 체코공화국: part of another word
        found.append(
            Mention(
                EntityLabel.COUNTRY, start, table.ends[i], norm=code, kb_id=code, source=EntitySource.RULE
            )
        )
    return found
