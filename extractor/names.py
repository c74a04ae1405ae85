"""English names of people: the Latin original the text gives, else a romanised Korean name.

A press release writes a foreign name in Hangul with its original in parentheses (`존 스미스(John
Smith)`): that original is the English name. A Korean name is romanised by the Revised
Romanization of Korean (2000) as it applies to personal names: surname first, each syllable of the
given name as written, without the sound changes between syllables (`한복남` is Han Bok-nam, not
Hanbongnam), a hyphen between the given name's syllables; the surname takes its usual spelling
(`surname_spellings.csv`: 이 Lee, 박 Park, 정 Jung). Hangul names of other countries are left alone:
their English form is not a romanisation of the Hangul (`왕이` is Wang Yi, `두다` is Duda).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache

from extractor import gazetteer
from extractor.models import NameSource
from extractor.rules.people import load_cues

_FIRST_SYLLABLE, _LAST_SYLLABLE = 0xAC00, 0xD7A3
_MEDIALS, _FINALS = 21, 28
_EU = 18  # the vowel ㅡ

#: Revised Romanization: initial consonants, vowels and final consonants in Unicode's jamo order.
#: A final is written as it sounds at the end of a syllable (ㅅ, ㅈ, ㅎ → t; ㄲ, ㅋ → k; ㅍ → p).
_INITIAL = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
    "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
)  # fmt: skip
_MEDIAL = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
_FINAL = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip

#: Countries whose people bear Korean names.
KOREAN_NAME_COUNTRIES = frozenset({"KOR", "PRK"})
#: Syllables of a Korean name: two to four (a two-syllable surname starts only a name of four).
_KOREAN_NAME = re.compile(r"^[\uac00-\ud7a3]{2,4}$")


def _jamo(syllable: str) -> tuple[int, int, int]:
    """Indexes of a Hangul syllable's initial, vowel and final in Unicode's jamo order."""
    code = ord(syllable) - _FIRST_SYLLABLE if len(syllable) == 1 else -1
    if not 0 <= code <= _LAST_SYLLABLE - _FIRST_SYLLABLE:
        raise ValueError(f"{syllable!r} is not one Hangul syllable")
    initial, rest = divmod(code, _MEDIALS * _FINALS)
    medial, final = divmod(rest, _FINALS)
    return initial, medial, final


def romanize_syllable(syllable: str) -> str:
    """One Hangul syllable in Revised Romanization, read on its own (`석` → seok, `라` → ra)."""
    initial, medial, final = _jamo(syllable)
    return _INITIAL[initial] + _MEDIAL[medial] + _FINAL[final]


def _epenthetic(syllable: str) -> bool:
    """A bare consonant with ㅡ (스, 트, 흐): the vowel Korean adds to write a foreign consonant
    (크리스트, 나흐얀); no Korean given name is made of one."""
    _, medial, final = _jamo(syllable)
    return medial == _EU and final == 0


@cache
def surname_spellings() -> dict[str, str]:
    """Korean surname → its usual English spelling, from the shipped `surname_spellings.csv`."""
    with (gazetteer.shipped_dir() / "surname_spellings.csv").open(encoding="utf-8", newline="") as handle:
        return {row["ko"]: row["en"] for row in csv.DictReader(handle)}


def romanize_korean_name(name: str) -> str | None:
    """`김민준` → `Kim Min-jun`; None unless `name` is two to four Hangul syllables led by a known surname,
    with no syllable of a transliterated foreign word (`나흐얀`).

    A two-syllable surname (남궁, 선우) is read as one only in a four-syllable name: three syllables
    (`선우진`: 선 + 우진 or 선우 + 진) cannot be told apart, and one-syllable surnames are far commoner."""
    if not _KOREAN_NAME.match(name):
        return None
    spellings = surname_spellings()
    surname = name[:2] if len(name) == 4 and name[:2] in spellings else name[:1]
    given = name[len(surname) :]
    if surname not in spellings or not given or any(_epenthetic(s) for s in given):
        return None
    return f"{spellings[surname]} " + "-".join(romanize_syllable(s) for s in given).capitalize()


def _latin(original: str) -> bool:
    """Every letter of `original` is a Latin letter (José María, not 趙兌烈)."""
    letters = [ch for ch in original if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def english_name(
    name: str, original: str | None, country: str | None, known: str | None
) -> tuple[str | None, NameSource | None]:
    """A person's English name and where it comes from: the gazetteer's (`known`), the Latin original
    the text gives (honorifics such as His Excellency left out), or the romanised Korean name.

    A Korean name is romanised when the person is Korean, or of unknown country and the name has
    three syllables (two-syllable names of unknown country are as often foreign: 두다, 카비)."""
    if known:
        return known, NameSource.GAZETTEER
    if original and _latin(original):
        honorifics = load_cues().latin_honorific
        words = [word for word in original.split() if word not in honorifics]
        if words:
            return " ".join(words), NameSource.ORIGINAL
    korean = country in KOREAN_NAME_COUNTRIES or (country is None and len(name) == 3)
    romanized = romanize_korean_name(name) if korean else None
    return (romanized, NameSource.ROMANIZED) if romanized else (None, None)
