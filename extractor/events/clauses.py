"""Where a trigger stands: its sentence, its clause, the subject before it, the parenthesis after it.

Every stage reads the trigger's surroundings the same way, so they are found here once: sentences by
character offset, the clause between connective endings (하고, 하며), the subject up to a topic or
subject particle, and a parenthesis right after a name (X(8.6-8, 마닐라)).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.events import cues
from extractor.events.labels import Label
from extractor.mentions import Mention, mentions
from extractor.models import EntityLabel
from extractor.tokens import SPACE_TAG, TokenTable, stripped_end, table_of, text_of

_SENTENCES_KEY = "korex_sentences"
_LOCAL_KEY = "korex_sentence_mentions"
_LABELLED_KEY = "korex_mentions_by_label"
_SUBJECT_ENDS_KEY = "korex_subject_ends"
#: Meeting terms a sentence may hold and stay whole (written ones hold up to about six; a run of
#: names without stops holds one every few words).
_LISTED_TERMS = 12
#: A short word glued to a parenthesis after a term: 참석(…), 개최(…).
_REPORTING_WORD = re.compile(r"\s?[가-힣]{1,4}(?=\()")
#: Kinds of the words that report a term before its parenthesis.
_REPORTS = frozenset({"held", "attended", "issued", "signed"})
#: Most words between a participle and the term it describes (약속하는 자매결연 체결식).
_PARTICIPLE_WORDS = 2
#: Tags of 과/와 read as `with` (a case particle) or `and` (a conjunctive particle).
_COMITATIVE_TAGS = ("JKB", "JC")
#: Tags of a clause-ending connective (하고, 하며, 하면서) after which a new clause starts.
CLAUSE_END = frozenset({"EC"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's token indexes and character offsets (those of spaCy's `Span`, which holds its Doc:
    kept in the Doc's `user_data`, a Span would make the Doc a reference cycle that only the garbage
    collector frees)."""

    start: int
    end: int
    start_char: int
    end_char: int


class Sentences:
    """A Doc's sentences, computed once and found by character offset (`Span.sent` rescans the Doc)."""

    def __init__(self, spans: list[Sentence]) -> None:
        self.spans = spans
        self.starts = [span.start_char for span in spans]

    @classmethod
    def of_doc(cls, doc: Doc) -> Sentences:
        """The Doc's sentences, built once per Doc."""
        found = doc.user_data.get(_SENTENCES_KEY)
        if found is None:
            spans = [Sentence(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
            found = doc.user_data[_SENTENCES_KEY] = cls(_listings_apart(doc, spans))
        return found

    def of(self, char: int) -> Sentence:
        """The sentence holding character `char`."""
        return self.spans[max(0, bisect_right(self.starts, char) - 1)]

    def touching(self, found: Sequence[Mention]) -> dict[int, list[Mention]]:
        """The mentions that share characters with each sentence, in their order in `found`, by the
        sentence's first character: what a trigger's sentence is searched for, without a pass over all."""
        touching: dict[int, list[Mention]] = {}
        for m in found:
            k = max(0, bisect_right(self.starts, m.start) - 1)
            while k < len(self.spans) and self.starts[k] < m.end:
                if m.start < self.spans[k].end_char:
                    touching.setdefault(self.starts[k], []).append(m)
                k += 1
        return touching


def local_mentions(doc: Doc) -> dict[int, list[Mention]]:
    """Each sentence's mentions by the sentence's first character, built once per Doc when the events
    stage first asks (every mention is found by then): what a look within one sentence reads."""
    found = doc.user_data.get(_LOCAL_KEY)
    if found is None:
        found = doc.user_data[_LOCAL_KEY] = Sentences.of_doc(doc).touching(mentions(doc))
    return found


def labelled(doc: Doc, label: EntityLabel) -> list[Mention]:
    """The mentions of one label, in the order found, built once per Doc for the events stage."""
    by_label = doc.user_data.setdefault(_LABELLED_KEY, {})
    found = by_label.get(label)
    if found is None:
        found = by_label[label] = [m for m in mentions(doc) if m.label is label]
    return found


def _listings_apart(doc: Doc, spans: list[Sentence]) -> list[Sentence]:
    """Sentences holding more meeting terms than any written one, cut after each term: a run of
    names without stops (a tag list, a schedule on one line) is read item by item, as a reader
    does, and each term's look over its sentence stays short."""
    ends = sorted(m.end for m in mentions(doc) if m.label is Label.MEETING)
    if len(ends) <= _LISTED_TERMS:
        return spans
    table = table_of(doc)
    cut: list[Sentence] = []
    for span in spans:
        inside = ends[bisect_left(ends, span.start_char + 1) : bisect_left(ends, span.end_char)]
        if len(inside) <= _LISTED_TERMS:
            cut.append(span)
            continue
        start = span.start
        for end in inside:
            following = table.first_from(end)
            while following < span.end and table.tags[following] == SPACE_TAG:
                following += 1
            if start < following < span.end:
                last = following - 1
                while table.tags[last] == SPACE_TAG:
                    last -= 1
                cut.append(Sentence(start, following, table.starts[start], table.ends[last]))
                start = following
        cut.append(Sentence(start, span.end, table.starts[start], span.end_char))
    return cut


@dataclass(frozen=True, slots=True)
class Clause:
    """A trigger's surroundings: the mentions inside its sentence and the bounds of its clause."""

    text: str
    in_sentence: list[Mention]
    start: int
    end: int
    #: The trigger's line with the lines it wraps onto (`wrapped_line`), as (start, end).
    line: tuple[int, int]

    @classmethod
    def around(cls, doc: Doc, sentence: Sentence, trigger: Mention, local: Sequence[Mention]) -> Clause:
        """The clause of `trigger`; `local` holds the mentions touching its sentence. A sentence that
        runs over headline lines is read as its trigger's line (`wrapped_line`)."""
        line_start, line_end = wrapped_line(table_of(doc), sentence, trigger)
        in_sentence = [m for m in local if line_start <= m.start and m.end <= line_end]
        return cls(
            text_of(doc),
            in_sentence,
            max(line_start, clause_start(doc, sentence, trigger)),
            min(line_end, clause_end(doc, sentence, trigger)),
            (line_start, line_end),
        )


def clause_start(doc: Doc, sentence: Sentence, trigger: Mention) -> int:
    """Start of the trigger's clause: after the last connective ending (하고, 하며) before it, or a
    clause of circumstance followed by a subject (배석한 가운데 양 정상은), unless that ending joins two
    verbs of a participle that describes the trigger (협력을 강화하고 발전을 약속하는 체결식: one clause)."""
    table = table_of(doc)
    start = sentence.start_char
    closes = cues.words("amid")  # read further by `_amid`
    heads, tags = table.heads, table.tags
    for i in range(sentence.start, min(sentence.end, table.first_from(trigger.start))):
        ends = heads[i] in CLAUSE_END or tags[i].endswith("+EC")
        if (
            ends
            and not _joins_participle(table, i, trigger.start)
            and not _meets_into(table, i, trigger.start)
            and not _adverb(table, i)
        ):
            start = table.ends[i]
        elif (
            table.lemmas[i] in closes
            and _amid(table, i)
            and _has_subject(table, table.ends[i], trigger.start)
        ):
            start = table.ends[i]  # 수행원들이 배석한 가운데 | 양 정상은 …: a subject of its own
    return start


def comitative(table: TokenTable, i: int) -> bool:
    """Token `i` is the particle 과/와 that names a side met or joins two (미국과 회담, 한국과 미국은)."""
    return table.heads[i] in _COMITATIVE_TAGS and table.lemmas[i] in cues.words("comitative")


def _amid(table: TokenTable, i: int) -> bool:
    """Token `i` closes a clause of circumstance (… 배석한 가운데, 자리 한 가운데): a modifier before it."""
    if table.lemmas[i] not in cues.words("amid") or i == 0:
        return False
    previous = i - 1 if table.tags[i - 1] != SPACE_TAG else i - 2
    text = table.text[table.starts[previous] : table.ends[previous]]
    return previous >= 0 and ("ETM" in table.tags[previous] or text == "한")


def _has_subject(table: TokenTable, start: int, end: int) -> bool:
    """A subject or topic particle stands between `start` and `end` (양 정상은)."""
    return any(table.heads[k] in ("JX", "JKS") for k in table.within(start, end))


def _adverb(table: TokenTable, i: int) -> bool:
    """The connective at `i` ends a word used as an adverb of order (연이어 만나, 잇따라 면담):
    no clause ends there."""
    k = i
    while k > 0 and table.starts[k] == table.ends[k - 1] and table.tags[k - 1] != SPACE_TAG:
        k -= 1
    word = table.text[table.starts[k] : table.ends[i]]
    return word in cues.any_of("in_turn", "respectively")


def _meets_into(table: TokenTable, i: int, position: int) -> bool:
    """The connective at `i` ends a verb of meeting that leads straight into the term (일본 총리와 만나
    회담했다): one act, whose side met is named before the verb."""
    verb = i if table.heads[i] != "EC" else i - 1
    following = table.solid_within(table.ends[i], position)
    return verb >= 0 and table.lemmas[verb] in cues.words("meet") and len(following) <= 1


def _joins_participle(table: TokenTable, i: int, position: int) -> bool:
    """The connective at `i` joins a verb to the participle right before `position` (강화하고 …
    약속하는 체결식): no subject, topic or other connective between, and a participle ending within
    the last words before `position`."""
    following = table.solid_within(table.ends[i], position)
    if not following or "ETM" not in "".join(table.tags[k] for k in following):
        return False
    modifier = max(k for k in following if "ETM" in table.tags[k])
    between = [k for k in following if k < modifier]
    if any(table.heads[k] in ("JX", "JKS") or table.tags[k].endswith("EC") for k in between):
        return False
    return len(table.text[table.ends[modifier] : position].split()) <= _PARTICIPLE_WORDS


def clause_end(doc: Doc, sentence: Sentence, trigger: Mention) -> int:
    """End of the trigger's clause: its first connective ending (하고, 하며) after the trigger."""
    table = table_of(doc)
    for i in range(max(sentence.start, table.first_from(trigger.end)), sentence.end):
        if table.heads[i] in CLAUSE_END or table.tags[i].endswith("+EC"):
            return table.ends[i]
    return sentence.end_char


def subject_end(doc: Doc, start: int, end: int, *, last: bool = False) -> int | None:
    """Where the subject of the text between `start` and `end` ends: its first topic or subject
    particle, or with `last` the one nearest `end` (the agent of an embedded clause); a place or a
    time made topic (회담에서는, 4일에는) is no subject. Each span's answer is kept for the Doc: the
    stages of one trigger ask it of the same spans."""
    found = doc.user_data.get(_SUBJECT_ENDS_KEY)
    if found is None:
        found = doc.user_data[_SUBJECT_ENDS_KEY] = {}
    key = (start, end, last)
    if key not in found:
        found[key] = _subject_end(table_of(doc), start, end, last)
    return found[key]


def _subject_end(table: TokenTable, start: int, end: int, last: bool) -> int | None:
    """`subject_end`, computed."""
    tokens = table.within(start, end)
    order = reversed(tokens) if last else tokens
    marks = ("JKS", "JX")  # read further by `_subject_mark`
    mark = next((i for i in order if table.heads[i] in marks and _subject_mark(table, i, tokens.start)), None)
    return table.starts[mark] if mark is not None else None


def _subject_mark(table: TokenTable, i: int, first: int) -> bool:
    """Token `i` marks a subject or topic, not a place or time made topic (회담에서는, 4일에는); the
    token before it is read only from `first`, where the text looked at starts."""
    return table.heads[i] == "JKS" or (
        table.heads[i] == "JX" and not (i > first and table.heads[i - 1].startswith(("JKB", "E")))
    )


def word_start(text: str, end: int) -> int:
    """Where the word ending at `end` begins: after the last space or line break before it (the line
    break looked for only after that space, not back over a whole line)."""
    space = text.rfind(" ", 0, end)
    return max(space, text.rfind("\n", space + 1, end)) + 1


def aside(text: str, end: int) -> tuple[int, int] | None:
    """The parentheses right after a meeting's name, which give its own date and place: X(8.6-8, 마닐라)."""
    if text[end : end + 1] != "(":
        return None
    close = text.find(")", end, end + 60)
    return (end + 1, close) if close != -1 else None


def wrapped_line(table: TokenTable, sentence: Sentence, trigger: Mention) -> tuple[int, int]:
    """The line of the sentence holding the trigger, joined to the lines it wraps onto: a line break
    after a particle, an ending or a comma continues the sentence (정상회의를\n… 대통령님과\n…), one
    after a term or a name ends a headline (… 정상회담·업무오찬\n반도체 대화체 …)."""
    text = table.text
    start = trigger.start
    while True:
        brk = text.rfind("\n", sentence.start_char, start)
        if brk == -1 or not _continues(table, brk):
            start = max(sentence.start_char, brk + 1)
            break
        start = brk
    end = trigger.end
    while True:
        brk = text.find("\n", end, sentence.end_char)
        if brk == -1:
            end = sentence.end_char
            break
        if not _continues(table, brk):
            end = brk
            break
        end = brk + 1
    return start, end


def _continues(table: TokenTable, line_break: int) -> bool:
    """The text before a line break goes on after it: it ends in a particle, an ending or a comma."""
    end = stripped_end(table.text, line_break)
    if end == 0 or table.text[end - 1] in (",", "，"):
        return end > 0
    last = table.holding(end - 1)
    tag = table.tags[last]
    return table.heads[last].startswith("J") or tag.endswith(("EC", "ETM", "JKB", "JKO", "JKS", "JX", "JKG"))


def aside_after(text: str, end: int) -> tuple[int, int] | None:
    """The parentheses right after a meeting's name, or after the word that reports it (외교장관회의
    참석(∼6일, 캄보디아 프놈펜)), which give its own date and place."""
    found = aside(text, end)
    if found:
        return found
    word = _REPORTING_WORD.match(text[end : end + 6])
    if word is None or cues.kind_of(word.group().strip()) not in _REPORTS:
        return None
    return aside(text, end + word.end())
