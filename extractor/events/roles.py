"""Roles of the people in a trigger's sentence that decide who takes part in its event.

Not everyone a sentence names takes part: the reporter of the event (외교부는 / 김 대변인은 … A가 B와
회담했다고 밝혔다), the speaker of a quotation about it, the host who invited a visitor (X의
초청으로), the one whose adviser takes part (X 대통령의 참모인 Y), and bystanders by title (기자,
대변인) do not; those present (A가 배석한 가운데) are named before the clause of the act. A
participle names its own actor: the person it describes (방한 중인 Y, 회의에 참석한 Y, 카타르를 방문한
Y).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.events import cues
from extractor.events.clauses import Sentence
from extractor.events.labels import Label
from extractor.mentions import Mention
from extractor.tokens import TokenTable

#: Between a visitor and the visit: their title and a genitive (푸틴 대통령의 방북).
_VISITOR_GAP = re.compile(r"^[^,.()\n]{0,16}의\s*$")
#: What follows a host who invited or asked for a visit (카리모프 대통령의 초청으로, 장관의 요청에 의한).
_INVITED = re.compile(r"^[^,.()\n]{0,20}?의\s*(초청|초대|요청)")
#: A person's title and a genitive, then the words naming whom they have (대통령의 외교참모인 ).
_POSSESSOR = re.compile(r"\s?[^\s,.()]{0,8}(\s[^\s,.()]{1,8})?의\s")
#: Most characters of the role between a genitive and the person it names (외교참모인 ).
_POSSESSED_WORDS = 12
#: Double quotes that enclose a quotation, each with its closing forms.
_QUOTATION = {"“": "”", '"': '"'}


def reporter_end(table: TokenTable, sentence: Sentence, trigger: Mention) -> int | None:
    """Where the topic of a reporting sentence ends when its event has a subject of its own (외교부는 /
    김 대변인은 … A가 B와 회담했다고 밝혔다): the topic reports, the embedded subject acts."""
    whole = table.within(sentence.start_char, sentence.end_char)
    after = table.lemmas[max(whole.start, table.first_from(trigger.end)) : whole.stop]
    if cues.words("reporting").isdisjoint(after):
        return None  # no reporting verb after the trigger (a whitespace token's lemma is no cue)
    tokens = table.solid_within(sentence.start_char, sentence.end_char)
    before = [i for i in tokens if table.ends[i] <= trigger.start]
    topic = next((i for i in before if table.heads[i] == "JX"), None)
    if topic is None:
        return None
    embedded = any(table.heads[i] == "JKS" and table.starts[i] > table.ends[topic] for i in before)
    return table.ends[topic] if embedded else None


def quotation(text: str, sentence: Sentence, position: int) -> tuple[int, int] | None:
    """The double-quoted span of the sentence that holds `position`, if any."""
    for opening, closing in _QUOTATION.items():
        start = text.rfind(opening, sentence.start_char, position)
        if start == -1:
            continue
        end = text.find(closing, start + 1, sentence.end_char)
        if end != -1 and end >= position:
            return start, end
    return None


def participle_head(table: TokenTable, trigger: Mention, people: Sequence[Mention]) -> Mention | None:
    """The person a participle of the event describes (방한 중인 Y, 회의에 참석한 Y, 방문한 Y): the one
    named right after the trigger's participle."""
    tokens = table.solid_within(trigger.end, trigger.end + 16, 4)
    modifier = next((i for i in tokens if "ETM" in table.tags[i]), None)
    if modifier is None or any(table.heads[i] in ("JKS", "JX", "JKO") for i in tokens if i < modifier):
        return None
    end = table.ends[modifier]
    following = [m for m in people if end <= m.start <= end + 2]
    return following[0] if following else None


def bystander(person: Mention) -> bool:
    """A person named by a title that never takes part (기자, 대변인)."""
    title = person.data.get("title") or ""
    return title.endswith(tuple(cues.words("bystander")))


def possessor(text: str, person: Mention, people: Sequence[Mention]) -> bool:
    """The person only qualifies another named after a genitive (존 밀러 대통령의 외교참모인 제인
    스미스): the other takes part, not the one whose adviser or envoy they are."""
    gap = _POSSESSOR.match(text, person.end)
    if gap is None or any(word.endswith(cues.endings("topic")) for word in gap.group().split()[:-1]):
        return False  # 박 대통령은 짧은 일정의 …: the subject, not a genitive
    return any(gap.end() <= m.start <= gap.end() + _POSSESSED_WORDS for m in people)


def inviter(text: str, person: Mention, trigger: Mention) -> bool:
    """The person invited the visitor or asked for the visit (카리모프 대통령의 초청으로 … 방문, 방한은
    김 장관의 요청에 의한 것): a host, not a traveller."""
    end = trigger.start if person.end <= trigger.start else len(text)
    return bool(_INVITED.match(text[person.end : end]))


def genitive_visitor(text: str, start: int, in_sentence: Sequence[Mention]) -> Mention | None:
    """Who makes a visit written as `X의 방북`, `X의 한국 국빈방문`, `X의 이번 방문`: the person just
    before the genitive (its name starting at `start`), whoever the sentence is about."""
    people = [m for m in in_sentence if m.label is Label.PERSON and m.end <= start]
    words = text[people[-1].end : start].split() if people else []
    while words and words[-1] in cues.words("demonstrative"):
        words.pop()  # 틸러슨 장관의 이번 방문
    gap = " " + " ".join(words) + " "
    topic = any(word.endswith(("은", "는")) for word in words[:-1])  # 김 여사는 이날 4박6일간의
    if people and _VISITOR_GAP.match(gap) and not topic:
        return people[-1]
    return None


def present_until(table: TokenTable, sentence: Sentence, trigger: Mention) -> int | None:
    """Where a clause of those present before the trigger ends (… 배석한 가운데 |), if there is one."""
    before = table.within(sentence.start_char, trigger.start)
    if cues.words("amid").isdisjoint(table.lemmas[before.start : before.stop]):
        return None  # no 가운데 at all, as in most sentences (a whitespace token's lemma is no cue)
    present = cues.any_of("attended", "present")
    tokens = table.solid_within(sentence.start_char, trigger.start)
    ends = [
        table.ends[tokens[k]]
        for k in range(2, len(tokens))
        if table.lemmas[tokens[k]] in cues.words("amid")
        and _modifier(table, tokens[k - 1])
        and table.lemmas[tokens[k - 2]] in present
    ]
    return ends[-1] if ends else None


def _modifier(table: TokenTable, i: int) -> bool:
    """Token `i` makes the verb before it a modifier (배석한, also 자리 한 as Kiwi may read it)."""
    return "ETM" in table.tags[i] or table.text[table.starts[i] : table.ends[i]] == "한"
