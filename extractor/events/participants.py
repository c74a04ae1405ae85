"""Attaching participants: the people of the trigger's clause, of a list item, of the subject that did
an earlier act, the pair already introduced (`양 차관`); those attending or present beyond the clause
are `attendance.py`'s.

The parties stage reads these people's countries, so this stage runs before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from extractor.events import clauses, context, cues, reports, roles
from extractor.events.clauses import Clause, Sentence, Sentences, subject_end
from extractor.events.draft import HOME, Draft
from extractor.events.labels import Label, Type
from extractor.mentions import Mention
from extractor.models import Participant
from extractor.tokens import SPACE_TAG, TokenTable, stripped_start, table_of, text_of

#: Documents the sides themselves conclude (양국은 … MOU를 체결): a pair names their people only
#: with a title (양 정상은 … 서명).
_SIGNED_BY_COUNTRIES = frozenset({Type.AGREEMENT, Type.JOINT_STATEMENT})
#: Reports by a predicate of the event's own (회담을 가졌다, 방문해, 참석한다): a sentence that drops its
#: subject goes on about the actor of the sentence before.
_PREDICATED = frozenset({"verb", "held", "attended", "before", "signed", "issued", "with"})
#: Most characters after an act in which a participle may make it describe its subject (방문해 만난).
_PARTICIPLE_REACH = 12
#: Most characters of the subject a participle describes (만난 미국과 러시아 두 장관은).
_HEAD_REACH = 20
#: Background events the sentence's subject did itself (X 후 …, X를 통해 …): they take its people.
_SUBJECT_ACTS = frozenset({"after", "via", "done_before"})


def attach(doc: Doc, draft: Draft, clause: Clause) -> None:
    """The people taking part, by how the event is reported: a list item names its own, an earlier
    act takes the subject's, a dated phrase or an aside event none, any other the clause's."""
    sentence, trigger, in_sentence = draft.sentence, draft.trigger, clause.in_sentence
    if draft.kind == "listed":  # a list item names its own people (…, 프라보워 수비안토 대통령 예방)
        item = _item_start(clause.text, sentence.start_char, trigger.start)
        people = [m for m in _people(in_sentence, trigger.end) if m.start >= item]
        line = clause.text.rfind("\n", 0, item) + 1  # 이 장관, 국외출장(∼6일 호주): the item's head goes
        people = people or [m for m in _people(in_sentence, item) if m.start >= line]
        draft.participants = [participant(m) for m in people]
        draft.participants += _officials(in_sentence, item, trigger.end)
    elif draft.kind in _SUBJECT_ACTS:
        end = subject_end(doc, sentence.start_char, trigger.start, last=True) or sentence.start_char
        start = subject_end(doc, sentence.start_char, end, last=True) or sentence.start_char
        people = [m for m in _people(in_sentence, end) if m.start >= start]
        people = people or _done_by(table_of(doc), trigger, in_sentence)
        draft.participants = [participant(m) for m in people]
        draft.participants += _officials(in_sentence, start, end)
    elif reports.counted_documents(clause.text, trigger) or context.chaired(doc, draft):
        draft.participants = []  # 총 7건의 MOU를 체결, G20 정상회의 의장국인 X: no one named for it
    elif not (draft.subordinate or draft.kind == "dated"):
        draft.tentative = _tentative(doc, draft, clause)
        if draft.tentative:
            return
        draft.participants = [participant(m) for m in _taking_part(doc, draft, clause)]
        draft.participants += _officials(in_sentence, clause.start, clause.end)


def _done_by(table: TokenTable, trigger: Mention, in_sentence: Sequence[Mention]) -> list[Mention]:
    """The people a participle of the act describes (국빈방문을 마친 A 대통령과 B 여사가): all of its
    noun phrase, up to its particle."""
    after = table.solid_within(trigger.end, trigger.end + _PARTICIPLE_REACH)
    modifier = next((i for i in after if "ETM" in table.tags[i]), None)
    if modifier is None:
        return []
    phrase = [i for i in table.within(table.ends[modifier], table.ends[modifier] + _HEAD_REACH * 2)]
    close = next((i for i in phrase if table.heads[i] in ("JKS", "JX", "JKO")), None)
    if close is None:
        return []
    start, stop = table.ends[modifier], table.starts[close]
    return [m for m in in_sentence if m.label is Label.PERSON and start <= m.start and m.end <= stop]


def _after_earlier_act(table: TokenTable, start: int, end: int) -> int:
    """Where the part of a clause after an earlier act begins (…을 예방한 뒤 / 회담한 후 …): the act's
    counterpart is not the next one's."""
    after = start
    words_of_after = cues.first_of("after")
    for i in table.within(start, end):
        if table.lemmas[i] not in words_of_after:
            continue
        previous = i - 1 if i > 0 and table.tags[i - 1] != SPACE_TAG else i - 2
        if previous >= 0 and "ETM" in table.tags[previous]:
            after = table.ends[i]
    return after


def _tentative(doc: Doc, draft: Draft, clause: Clause) -> bool:
    """A coming event only proposed, planned, aimed at or agreed on (개최를 검토, 방한을 추진, 성공적
    개최를 위해, 개최하기로 합의, 대화를 열어 … 나가기로 했다), whose people are not yet known, unlike
    one scheduled (회담을 가질 예정) or to be attended (회의에 참석하기 위해)."""
    table = table_of(doc)
    tags, lemmas = table.tags, table.lemmas
    attended, tentative = cues.words("attended"), cues.words("tentative")
    following = table.solid_within(draft.trigger.end, draft.sentence.end_char)
    for k, i in enumerate(following):
        ends_act = k > 0 and tags[following[k - 1]].endswith("EC") and not _chained(table, following[k - 1])
        if table.starts[i] >= clause.end and ends_act:
            return False
        if lemmas[i] in attended:
            return False
        decided = "ETN" in tags[i] and k + 1 < len(following) and lemmas[following[k + 1]] == "로"
        if (draft.future and lemmas[i] in tentative) or decided:
            return True
    return False


def _chained(table: TokenTable, i: int) -> bool:
    """The connective ending at token `i` chains its verb to the next (열어 … 나가기로, 모색해 나가):
    an ending in 어/아/여, not one that ends an act (하고, 하며)."""
    return table.text[table.starts[i] : table.ends[i]].endswith(("어", "아", "여", "해"))


def _taking_part(doc: Doc, draft: Draft, clause: Clause) -> list[Mention]:
    """The people of the sentence who take part: the one a participle describes (방한 중인 Y) with its
    objects, else the acting subject (not the reporter: 외교부는 A가 …고 밝혔다) with the people of the
    trigger's clause, or of the clauses before when it names none; never bystanders, hosts who
    invited a visitor, or the speaker of a quotation that has a subject of its own ("이번 회담은 …"),
    unlike one where the speaker tells what they did ("방금 푸틴 대통령과 통화를 마쳤다")."""
    table = table_of(doc)
    text, sentence, trigger = table.text, draft.sentence, draft.trigger
    line = clause.line
    people = [m for m in _people(clause.in_sentence, clause.end) if not roles.bystander(m)]
    people = [m for m in people if not roles.possessor(text, m, people)]
    quoted = roles.quotation(text, sentence, trigger.start)
    told = bool(quoted) and draft.kind in _PREDICATED and subject_end(doc, quoted[0], quoted[1]) is None
    if quoted is not None and not told:
        people = [m for m in people if quoted[0] < m.start < quoted[1]]  # "이번 회담은 …"이라고 말했다
    named = [m for m in clause.in_sentence if m.label is Label.PERSON]
    head = roles.participle_head(table, trigger, named)
    if head is not None:
        floor = subject_end(doc, line[0], trigger.start, last=True) or line[0]
        objects = [m for m in people if floor <= m.start and m.end <= trigger.start]
        return ([] if draft.type is Type.VISIT else objects) + [head]
    present = roles.present_until(table, sentence, trigger) or 0  # … 배석한 가운데 |
    floor = max(roles.reporter_end(table, sentence, trigger) or 0, line[0], present)
    people = [m for m in people if m.start >= floor]
    if draft.type is Type.VISIT:
        visitor = roles.genitive_visitor(text, draft.name_start, clause.in_sentence)
        if visitor is not None:
            return [visitor]  # 시진핑 주석의 한국 국빈방문: his visit, whoever the sentence is about
        people = [m for m in people if not roles.inviter(text, m, trigger)]
    if clause.start > floor and _named_subject(table, clause.start, trigger.start):
        floor = clause.start  # …고 통보했으며, 3일 뒤 다이빙궈 국무위원이 방한했었다: the clause's own
        people = [m for m in people if m.start >= floor]
    end = subject_end(doc, floor, trigger.start)
    subjects = [m for m in people if end is not None and m.end <= end]
    start = max(clause.start, _after_earlier_act(table, clause.start, trigger.start))
    in_clause = [m for m in people if m.start >= start and m not in subjects]
    earlier = [m for m in people if m not in subjects and m not in in_clause]
    chosen = subjects + (in_clause or earlier)
    dropped = not (_has_subject(table, floor, trigger.start) or _heads_participle(table, trigger.end))
    dropped = dropped or _pronoun_subject(table, floor, end)
    signed = draft.type in _SIGNED_BY_COUNTRIES  # 이번 방문을 계기로 … 공동성명을 채택한다: the sides'
    if draft.kind in _PREDICATED and not draft.background and dropped and not signed:
        chosen = _subject_before(doc, table, sentence) + chosen  # 이어 1일에는 …: the same actor
    return chosen


def _named_subject(table: TokenTable, start: int, end: int) -> bool:
    """A subject or topic particle (이, 가, 은, 는) closes a noun between `start` and `end`: the clause
    names its own actor (not `김 위원장도 예방했다`, whose 도 marks the one met)."""
    tokens = table.solid_within(start, end)
    return any(
        k > 0
        and table.heads[tokens[k - 1]].startswith("N")
        and (table.heads[i] == "JKS" or (table.heads[i] == "JX" and table.lemmas[i] in ("은", "는")))
        for k, i in enumerate(tokens)
    )


def _heads_participle(table: TokenTable, start: int) -> bool:
    """The act is part of a participle whose head is the subject (… 방문해 만난 두 정상은): the actor
    is named after it, not dropped."""
    tokens = table.solid_within(start, start + _PARTICIPLE_REACH)
    modifier = next((i for i in tokens if "ETM" in table.tags[i]), None)
    if modifier is None:
        return False
    end = table.ends[modifier]
    for i in table.within(end, end + _HEAD_REACH):
        if table.heads[i] in ("JX", "JKS"):
            return True
        joined = table.lemmas[i] in ("과", "와")  # 미국과 러시아 두 장관은
        if table.heads[i].startswith(("V", "E", "JKO", "JKB")) and not joined:
            return False
    return False


def _pronoun_subject(table: TokenTable, start: int, end: int | None) -> bool:
    """The subject is a pronoun (그는, 이들은): the actor of the sentence before."""
    if end is None:
        return False
    words = table.text[start:end].split()  # up to the particle: 그(는), 이들(은)
    topic = "".join(cues.endings("topic"))
    pronouns = {form.rstrip(topic) for form in cues.words("pronoun")}
    return len(words) <= 2 and bool(words) and words[-1].rstrip(topic) in pronouns


def _has_subject(table: TokenTable, start: int, end: int) -> bool:
    """A subject or topic is marked between `start` and `end` (장관은, 양국이), not only a place or a
    time made topic (4일에는, 도쿄에서는)."""
    tokens = table.solid_within(start, end)
    for k, i in enumerate(tokens):
        if table.heads[i] == "JKS":
            return True
        if table.heads[i] == "JX" and not (k > 0 and table.heads[tokens[k - 1]] == "JKB"):
            return True
    return False


def _subject_before(doc: Doc, table: TokenTable, sentence: Sentence) -> list[Mention]:
    """The people who are the subject of the nearest of the three sentences before that has one: the
    actor a sentence with its subject dropped goes on about (none when that subject is no person:
    양 도는 …. 지난달에는 … 회담을 갖고)."""
    spans = Sentences.of_doc(doc).spans
    index = next((k for k, s in enumerate(spans) if s.start_char == sentence.start_char), 0)
    by_sentence = clauses.local_mentions(doc)
    for previous in reversed(spans[max(0, index - 3) : index]):
        end = subject_end(doc, previous.start_char, previous.end_char)
        if end is None:
            continue
        people = [
            m
            for m in by_sentence.get(previous.start_char, [])
            if m.label is Label.PERSON and previous.start_char <= m.start and m.end <= end
        ]
        return people
    return []


def participant(person: Mention) -> Participant:
    """A PERSON mention as an event participant."""
    data = person.data
    return Participant(
        name=data.get("name"), title=data.get("title"), org=data.get("org"), country=data.get("country")
    )


def _people(in_sentence: Sequence[Mention], clause_end: int) -> list[Mention]:
    """People taking part: everyone named in the sentence up to the end of the trigger's clause."""
    seen: set[str] = set()
    people = []
    for m in in_sentence:
        if m.label is not Label.PERSON or m.start > clause_end:
            continue
        key = m.data.get("person") or m.norm or ""
        if key not in seen:
            seen.add(key)
            people.append(m)
    return people


def _officials(in_sentence: Sequence[Mention], start: int, end: int) -> list[Participant]:
    """Unnamed officials in the clause (미국 국무부 대북고위관리): titles with no name found for them."""
    return [
        Participant(**m.data["official"])
        for m in in_sentence
        if m.label is Label.TITLE and "official" in m.data and start <= m.start < end
    ]


def _item_start(text: str, sentence_start: int, position: int) -> int:
    """Where the list item holding `position` begins: after the last `,` or `(` before it."""
    return (
        max(
            text.rfind(",", sentence_start, position),
            text.rfind("(", sentence_start, position),
            sentence_start - 1,
        )
        + 1
    )


def main_people(drafts: Sequence[Draft]) -> list[Participant]:
    """The document's main pair of people: those of its first event with two or more, of two sides."""
    return next(
        (d.participants for d in drafts if len({p.country or HOME for p in d.participants}) >= 2),
        [],
    )


def pair(doc: Doc, draft: Draft, people: list[Participant]) -> None:
    """An event whose sentence says `양 정상`, `양측`, `3국 장관들` and names nobody takes the people
    already introduced: for each of its parties the one named last before it, else those of the
    document's main pair who are of its parties (a summit after a second visit is not the first one's)."""
    aside = draft.subordinate or draft.background or draft.tentative or draft.kind == "dated"
    # 양국은 … MOU를 체결: the countries sign; 양 정상은 … 서명: the people
    titled = draft.type in _SIGNED_BY_COUNTRIES
    counted = reports.counted_documents(text_of(doc), draft.trigger)
    if draft.participants or aside or counted or not _mentions_pair(doc, draft, titled=titled):
        return
    sides = {p.country or HOME for p in people}
    fits = not draft.countries or sides <= set(draft.countries)
    of_parties = [p for p in people if fits or (p.country or HOME) in draft.countries]
    draft.participants = _latest_of(doc, draft) or of_parties
    draft.countries = sorted(set(draft.countries) | {p.country for p in draft.participants if p.country})


def _latest_of(doc: Doc, draft: Draft) -> list[Participant]:
    """For each party of the event, the person of that country named last before its trigger (a person
    of no stated country is the home side's, or a foreign party's when their sentence names it and no
    one else is), not one said to be present (… 배석한 가운데 양 정상은); empty unless every party has
    one."""
    present = roles.present_until(table_of(doc), draft.sentence, draft.trigger)  # 대표단이 자리한 가운데
    named = [
        m
        for m in clauses.labelled(doc, Label.PERSON)
        if m.end <= draft.trigger.start
        and not (present and draft.sentence.start_char <= m.start < present)
    ]
    spans = Sentences.of_doc(doc)
    found = clauses.local_mentions(doc)
    chosen: dict[str, Mention] = {}
    for country in sorted(draft.countries, key=lambda c: c == HOME):  # foreign parties first
        of_country = [m for m in named if (m.data.get("country") or HOME) == country]
        if country != HOME and not of_country:  # 라히모프 대통령의 초청으로 타지키스탄을 방문
            of_country = [m for m in named if not m.data.get("country") and _names(spans, found, m, country)]
        if country == HOME:
            of_country = [m for m in of_country if m not in chosen.values()]
        if not of_country:
            return []
        chosen[country] = max(of_country, key=lambda m: m.start)
    people = [participant(chosen[c]) for c in draft.countries]
    return people if len(people) >= 2 else []


def _names(spans: Sentences, found: dict[int, list[Mention]], person: Mention, country: str) -> bool:
    """The sentence of a person of no stated country names `country` (… 대통령의 초청으로 타지키스탄을
    방문한다): that person may be its side."""
    sentence = spans.of(person.start)
    return any(
        m.label is Label.COUNTRY
        and m.norm == country
        and sentence.start_char <= m.start < sentence.end_char
        for m in found.get(sentence.start_char, ())
    )


def _mentions_pair(doc: Doc, draft: Draft, *, titled: bool = False) -> bool:
    """The sentence says `양 차관`, `양국 정상`, `양측은` before the trigger, or as the head of the
    participle the act is in (방문해 만난 두 정상은): the people already introduced, named by a title
    after the pair word or as the subject (not 양국 관계); with `titled`, only by a title, and not as
    witnesses (두 정상 임석 하에)."""
    text = text_of(doc)
    table = table_of(doc)
    position = draft.sentence.start_char
    end = draft.trigger.start
    if _heads_participle(table, draft.trigger.end):  # 방문해 만난 두 정상은: the pair the act describes
        end = draft.trigger.end + _PARTICIPLE_REACH + _HEAD_REACH
    for word in text[draft.sentence.start_char : end].split():
        start = text.index(word, position)
        position = start + len(word)
        if word.rstrip("은는이가도") not in cues.words("pair"):
            continue
        following = stripped_start(text, position)
        next_words = text[following:end].split(maxsplit=2)
        next_word = next_words[0] if next_words else ""
        if titled and len(next_words) > 1 and next_words[1].startswith(tuple(cues.words("witnessed"))):
            continue  # 두 정상 임석 하에 양국은 … 체결: witnesses of what the sides sign
        person_word = next_word.startswith(tuple(cues.words("person_word")))
        if (word != word.rstrip("은는이가도") and not titled) or person_word:
            return True
        if any(m.start == following for m in clauses.labelled(doc, Label.TITLE)):
            return True
    return False


def visitors_only(draft: Draft) -> None:
    """A visit is made by its visitors: people of the country it goes to are its hosts, whom the
    visitor meets at other events (네덜란드를 국빈 방문한 … 국왕과, 방미 중 … 국무장관과 회담)."""
    if draft.type is not Type.VISIT or not draft.destination:
        return
    draft.participants = [p for p in draft.participants if p.country not in draft.destination]


def from_lead(draft: Draft, lead: Draft | None) -> None:
    """A main joint statement that names nobody was issued by the people of the lead meeting (not by
    the travellers of a lead visit, who are one side)."""
    if lead is None or lead.type is Type.VISIT:
        return
    if draft.main and draft.type is Type.JOINT_STATEMENT and not draft.participants:
        draft.participants = list(lead.participants)


def without_unnamed_twins(people: list[Participant]) -> list[Participant]:
    """Drop an unnamed official where a named participant of the same country is there (the headline's
    외교장관 and the body's named minister), and unnamed repeats."""
    named = {p.country for p in people if p.name}
    kept: list[Participant] = []
    for p in people:
        if p.name is None and (p.country in named or p in kept):
            continue
        kept.append(p)
    return kept
