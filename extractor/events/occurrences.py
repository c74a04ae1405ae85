"""Occurrences: the current event and the earlier one its sentence counts it from are two.

`가나 총리의 방한은 17년 만이다` reports this visit; `2008년 … 한국을 방문했다` the earlier one. The
undated mention a count describes stays apart from a mention dated in a year before the document's,
and a mention naming someone goes with the one naming that person; a meeting with a side named in a
sentence opening on `이어` is the next one.
"""

from __future__ import annotations

import re

from extractor.events import cues
from extractor.events.clauses import Sentence
from extractor.events.draft import Draft
from extractor.events.event_types import MET_ONE_SIDE

#: A count from an earlier occurrence: N년 만(이다), N개월 만에, 두 번째(다), X 이후 처음.
COUNTED_FROM = re.compile(
    r"\d+\s*(년|개월|달|주|일)\s*만(이다|에|의|이며|으로)?|(두|세|네|다섯|\d+)\s*번째|(이후|이래)\s*처음"
)
#: A word every count from an earlier occurrence holds (`COUNTED_FROM`).
_COUNT_WORDS = ("만", "번째", "처음")


def then_and_now(text: str, a: Draft, b: Draft, year: int | None) -> bool:
    """A mention its sentence counts from long before (방한은 17년 만이다) is the current event; one
    dated in a year before the document's (2008년 … 방문했다) is the earlier one: two events."""
    pairs = ((a, b), (b, a))
    return year is not None and any(
        counts(text, x.sentence) and not (x.date or x.recalled) and y.date and int(y.date[:4]) < year
        for x, y in pairs
    )


def same_people(a: Draft, b: Draft) -> bool:
    """Both name someone, and someone of one shares a word of a name with someone of the other (조세
    마리아, 조세 마리아 페레이라 네베스): mentions of that person's act."""
    x = [p.name.split() for p in a.participants if p.name]
    y = [p.name.split() for p in b.participants if p.name]
    return any(set(m) & set(n) for m in x for n in y)


def next_act(text: str, draft: Draft) -> bool:
    """The draft's sentence opens on a word of sequence (이어 … 대사와 면담했다): the next meeting, with
    the side its clause names, not the one before."""
    first = text[draft.sentence.start_char : draft.trigger.start].split(maxsplit=1)[:1]
    met = draft.type in MET_ONE_SIDE
    return met and bool(first) and first[0].rstrip(",") in cues.words("sequence")


def counts(text: str, sentence: Sentence) -> bool:
    """The sentence counts an event from an earlier one: 32년 만이다, 2개월 만에, 두 번째다."""
    if not any(text.find(word, sentence.start_char, sentence.end_char) != -1 for word in _COUNT_WORDS):
        return False  # most sentences hold none of the words every count has
    return bool(COUNTED_FROM.search(text, sentence.start_char, sentence.end_char))
