"""Attaching dates: the date of an event is the one written in its own parenthesis (X(8.6-8, 마닐라)),
else the nearest before it in its clause, else the first after it, else the date of an earlier clause
reporting an act of the same subject (9.5. 하노이를 방문하여 … 예방하고), else, for a sentence that
goes on with the same acts (이어 …), the date of the sentence before. A date is not the event's when
it is the day a report was made (…고 25일 밝혔다), or when another meeting stands between them
(지난해 열린 정상회의에 이어 …). A span (26일부터 30일까지) gives the event's first and last day;
a visit under way or ending (방문 중인, 방문을 마친) on a day of its sentence, only the month, unless a
length of stay counts back to its first day (2박 3일간의 방문을 마치고 19일: the 17th to the 19th). An
event on an occasion its sentence points back to (이번 회담을 계기로) takes that event's date. A main
event without a date takes the document's day (a visit, which spans days, its month).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from extractor.events import cues, date_owners, verbs
from extractor.events.clauses import Clause, aside, labelled, subject_end
from extractor.events.draft import Draft
from extractor.events.labels import Label, Type
from extractor.mentions import Mention, mentions
from extractor.models import DateResolution
from extractor.tokens import SPACE_TAG, TokenTable, stripped_end, table_of

#: How a day the text states was resolved: written whole, or a day of the dateline's month (28일).
_STATED = frozenset({DateResolution.EXPLICIT, DateResolution.DATELINE})
#: Marks before a day that make it the last of a span whose start is not written (∼6일).
_UNTIL = frozenset("∼~〜")
#: A length of stay (2박 3일): nights and days.
_STAY = re.compile(r"(?<!\d)\d{1,2}\s?박\s?(?P<days>\d{1,2})\s?일")
#: The days before the document's that `이날` may still mean when counted back (지난 10일).
_RECENT = dt.timedelta(days=7)
#: Events that last days: a day of their sentence that is not their own gives only the month.
_LASTING = frozenset({Type.VISIT, Type.CONFERENCE})


@cache
def _hours_made_topic() -> frozenset[str]:
    """A time of day made topic (오후에는), built once."""
    marks = date_owners.TOPIC_MARKS
    return frozenset(f"{hour}{mark}" for hour in cues.words("time_of_day") for mark in marks)


@cache
def _hour() -> re.Pattern[str]:
    """A time of day and its hour (오전 10시), compiled once."""
    return re.compile(rf"(?:{'|'.join(cues.words('time_of_day'))})\s?\d{{1,2}}시")


def attach(doc: Doc, draft: Draft, clause: Clause) -> None:
    """The date (and a span's end) the trigger's sentence gives the event."""
    table = table_of(doc)
    line_end = clause.text.find("\n", draft.trigger.end, draft.sentence.end_char)
    end = draft.sentence.end_char if line_end == -1 else line_end
    draft.reported_coming = _coming(table, draft.trigger, end)
    trigger, in_sentence = draft.trigger, clause.in_sentence
    draft.vaguely_dated = any(
        m.label is Label.DATE and not m.norm and clause.start <= m.start and m.end <= trigger.start
        for m in in_sentence
    )
    draft.timed = bool(_hour().search(table.text, clause.start, trigger.start))
    dates = [m for m in in_sentence if m.label is Label.DATE and m.norm]
    dates = [m for m in dates if not (draft.name_start <= m.start and m.end <= trigger.end)]
    dates = [m for m in dates if not date_owners.reporting(table, m, trigger, draft.sentence.end_char)]
    dates = [m for m in dates if not date_owners.in_other_item(clause.text, m, trigger)]
    dates = [m for m in dates if not date_owners.of_another_noun(table, m, trigger)]
    after_name = aside(clause.text, trigger.end)
    own = [m for m in dates if after_name and after_name[0] <= m.start and m.end <= after_name[1]]
    if own:
        _set(draft, own[0], dates, clause.text)
        return
    meetings = [m for m in in_sentence if m.label is Label.MEETING and m is not trigger]
    others = date_owners.dates_of_others(table, dates, meetings, draft.name_start)
    named = [m for m in dates if date_owners.names_another(table, m, meetings)]
    before = [
        m for m in dates if clause.start <= m.start and m.end <= trigger.start and m not in others + named
    ]
    chosen = before[-1] if before else None
    if chosen is None and not draft.subordinate:
        chosen = _after(table, dates, meetings, trigger, clause.end)
    own_clause = chosen is not None
    earlier = [m for m in dates if m.end <= clause.start and m not in named]
    if chosen is None and earlier and (not draft.subordinate or draft.kind == "done_before"):
        chosen = _sequence_date(doc, earlier[-1], in_sentence, clause.start, trigger)  # … 체결한 바 있다
    if chosen is None and earlier and _after_circumstance(table, clause.start):
        chosen = earlier[-1]  # 지난 31일 … 대표단이 참석한 가운데 체결식을 가졌다: the sentence's day
    if chosen is None and not draft.background:
        chosen = _going_on(doc, table, draft)
    lasting = draft.type in _LASTING and not (draft.subordinate or draft.future or draft.background)
    if chosen is not None:
        chosen = _that_day(doc, table, chosen)
        _set(draft, chosen, dates, clause.text)
        phrase = chosen.end <= trigger.start and len(clause.text[chosen.end : draft.name_start].split()) <= 1
        if draft.type is Type.VISIT and draft.date and _ending(table, trigger) and not draft.end_date:
            _ended(draft, table.text[draft.sentence.start_char : draft.sentence.end_char])
        elif lasting and draft.date and _under_way(table, trigger) and not (phrase or draft.end_date):
            draft.date = draft.date[:7]
        if draft.end_date and not own_clause and draft.type not in _LASTING and draft.date:
            draft.date, draft.end_date = (
                draft.date[:7],
                None,
            )  # a trip's 21∼26일 방문해 … 회담: one of its days
    elif lasting:
        during = [m for m in dates if m.start >= trigger.end and m not in others and len(m.norm or "") == 10]
        draft.date = during[0].norm if during and during[0].norm else None
        if draft.date and _ending(table, trigger):
            _ended(draft, table.text[draft.sentence.start_char : draft.sentence.end_char])
        else:
            draft.date = draft.date[:7] if draft.date else None


def _after(
    table: TokenTable,
    dates: Sequence[Mention],
    meetings: Sequence[Mention],
    trigger: Mention,
    clause_end: int,
) -> Mention | None:
    """The first date after the trigger in its clause, when the trigger's participle describes it
    (방문한 지난 9월) or it dates the trigger's own predicate (정상회담을 8일 가졌다): no verb between
    (참석하기 위해 5일 방문: the visit's), and no other meeting after it in the clause (회동은 이날
    통화에서 합의: the call's)."""
    after = [m for m in dates if m.start >= trigger.end and m.end <= clause_end]
    if not after:
        return None
    date = after[0]
    if date_owners.in_noun_phrase(table, date):
        return None  # 만나 … 2014년 박람회 참가를 요청: the fair's year
    between = table.within(trigger.end, date.start)
    glued = text_end = trigger.end
    for i in between:  # the participle's ending glued to the term (방문한: 방문 + 하 + ㄴ)
        if table.starts[i] != glued:
            break
        glued = table.ends[i]
        text_end = glued if "ETM" in table.tags[i] else text_end
    gap = table.text[text_end : date.start].split()
    modified = text_end > trigger.end and all(word in cues.words("direction") for word in gap)
    if modified:
        return date  # 방문한 지난 9월: the month the visit's participle describes
    if any(table.heads[i].startswith(("VV", "VA", "XSV")) for i in between):
        return None  # 참석하기 위해 5일 방문: the visit's
    if any(trigger.end <= m.start < clause_end for m in meetings):
        return None
    return date


def _coming(table: TokenTable, trigger: Mention, end: int) -> bool:
    """The sentence reports the event as coming, in the plain present (정상회담을 갖는다, 회의가
    열린다) rather than in the past (가졌다), before `end` (its line's or its own end)."""
    for i in table.within(trigger.end, end):
        if "EP" in table.tags[i]:
            return False
        if table.tags[i].endswith("EF"):
            return table.text[table.starts[i] : table.ends[i]].endswith(("는다", "ㄴ다", "한다"))
    return False


def _set(draft: Draft, chosen: Mention, dates: Sequence[Mention], text: str) -> None:
    """Give the draft the chosen date, or the span it opens or closes (26일부터 30일까지), or the month
    of a span whose last day alone is written (∼6일, 오는 8일까지)."""
    draft.date, draft.end_date = chosen.norm, chosen.data.get("end_value")
    following = [m for m in dates if m.start > chosen.end]
    preceding = [m for m in dates if m.end < chosen.start]
    until = text[max(0, chosen.start - 2) : chosen.start].strip()[-1:] in _UNTIL or (
        text.startswith("까지", chosen.end) and not (preceding and text.startswith("부터", preceding[-1].end))
    )
    if until and chosen.norm and not (preceding and chosen.start - preceding[-1].end <= 2):
        draft.date, draft.end_date = chosen.norm[:7], chosen.norm  # (∼6일, 프놈펜): it ends that day
        return
    if following and text.startswith("부터", chosen.end) and text.startswith("까지", following[0].end):
        draft.end_date = following[0].norm
    elif preceding and text.startswith("까지", chosen.end) and text.startswith("부터", preceding[-1].end):
        draft.date, draft.end_date = preceding[-1].norm, chosen.norm


def _sequence_date(
    doc: Doc, date: Mention, in_sentence: Sequence[Mention], clause_start: int, trigger: Mention
) -> Mention | None:
    """The date of an earlier clause that reports another act of the same subject, which this act
    follows (9.5. 하노이를 방문하여 … 예방하고, 28일 … 장관을 만나 … 체결한다): no new subject between,
    a meeting term or verb in that clause, and the clause not one this act comes after (X에 이어)."""
    table = table_of(doc)
    if date_owners.topic(table.text, date):
        return date  # 2일에는 (김 차관은) 전시회에 참석한 데 이어 … 만났다: the day of all its acts
    if subject_end(doc, date.end, trigger.start) is not None:
        return None
    joint = table.solid_within(date.end, clause_start)[-3:]
    if any(date_owners.after_or_during(table.lemmas[i]) for i in joint):
        return None
    acts = (m for m in in_sentence if m.label is Label.MEETING and m is not trigger)
    if any(date.end <= m.start and m.end <= clause_start for m in acts):
        return date
    verbs_of_acts = verbs.stems()
    return (
        date if any(table.lemmas[i] in verbs_of_acts for i in table.within(date.end, clause_start)) else None
    )


def _after_circumstance(table: TokenTable, clause_start: int) -> bool:
    """The clause opens after a clause of circumstance (… 참석한 가운데), whose day is its own."""
    end = start = stripped_end(table.text, clause_start)
    while start > 0 and not table.text[start - 1].isspace():
        start -= 1  # back to the last word's first character
    return end > 0 and table.text[start:end] in cues.words("amid")


def _going_on(doc: Doc, table: TokenTable, draft: Draft) -> Mention | None:
    """The last day written before the sentence, when it goes on with the acts reported before (이어,
    곧이어 …) or opens on a time of day of it (6일 오전에는 … . 오후에는 …): the next act of that day."""
    sentence = draft.sentence
    opening = table.text[sentence.start_char : draft.trigger.start].split(maxsplit=3)[:3]
    sequence = cues.words("sequence")
    if not any(word.rstrip(",") in sequence for word in opening) and not (
        opening and opening[0].rstrip(",") in _hours_made_topic()
    ):
        return None
    dates = [
        m
        for m in labelled(doc, Label.DATE)
        if m.norm
        and len(m.norm) == 10
        and m.end <= sentence.start_char
        and not date_owners.reporting(table, m, draft.trigger, sentence.start_char)
    ]
    return dates[-1] if dates else None


def _that_day(doc: Doc, table: TokenTable, date: Mention) -> Mention:
    """`이날` (that day) is the day the text last stated before it, as a plain day, a full date or a
    day of the days just before the dateline (미국 정부는 28일(현지시간) … 이날 성명을 내고: the 28th,
    not the day of a Seoul dateline; 지난 10일 가진 회담 … 이날: the 10th), not one counted back
    further or ahead (지난달 2일, 오는 21일) nor the day a report is made (…고 1일 밝혔다)."""
    if table.text[date.start : date.end] not in cues.words("that_day"):
        return date
    reporting = cues.words("reporting")
    stated = [
        m
        for m in mentions(doc)
        if m.label is Label.DATE
        and m.end <= date.start
        and len(m.norm or "") == 10
        and (m.data.get("resolved_from") in _STATED or _just_before(table.text, m, date.norm))
        and table.lemmas[_next_token(table, m.end)] not in reporting
    ]
    return stated[-1] if stated else date


def _just_before(text: str, day: Mention, today: str | None) -> bool:
    """The day is written by its number and lies in the week before the document's day (지난 10일 in a
    report of the 11th), unlike a day named from another (전날, 어제)."""
    if not today or len(today) != 10 or not any(ch.isdigit() for ch in text[day.start : day.end]):
        return False
    gap = dt.date.fromisoformat(today) - dt.date.fromisoformat(day.norm or today)
    return dt.timedelta(0) < gap <= _RECENT


def _next_token(table: TokenTable, position: int) -> int:
    """The first token from `position` that is not a space (the last token at the text's end)."""
    i = table.first_from(position)
    while i < len(table) - 1 and table.tags[i] == SPACE_TAG:
        i += 1
    return min(i, len(table) - 1)


def _under_way(table: TokenTable, trigger: Mention) -> bool:
    """The visit is under way or ending (방문 중인, 방문을 마친), or describes the one who acts (방한한
    장관과 만나): a day of its sentence is another act's."""
    following = table.solid_within(trigger.end, trigger.end + 8)
    return any(
        cues.kind_of(table.lemmas[i]) == "ongoing" or table.lemmas[i] in cues.words("ending")
        for i in following[:3]
    ) or _describes_someone(table, trigger.end, following)


def _describes_someone(table: TokenTable, end: int, following: Sequence[int]) -> bool:
    """The term is a participle glued to it (방한한, 방문한) before a name or title, not before a bound
    noun (방문한 적이, 방문한 것은)."""
    if len(following) < 2 or table.starts[following[0]] != end or "ETM" not in table.tags[following[0]]:
        return False
    return table.heads[following[1]] in ("NNP", "NNG")


def _ending(table: TokenTable, trigger: Mention) -> bool:
    """The visit is reported as ending (방문을 마친, 일정을 마치고)."""
    following = table.solid_within(trigger.end, trigger.end + 12)
    return any(table.lemmas[i] in cues.words("ending") for i in following[:4])


def _ended(draft: Draft, sentence: str) -> None:
    """A visit ending on the day its sentence gives: that day is its last, and a length of stay written
    there (2박 3일간의 방문을 마치고 19일 출국) counts back to its first; without one, only the month."""
    stay = _STAY.search(sentence) if len(draft.destination) <= 1 else None  # a tour's days are not its stops
    if draft.date is None or len(draft.date) != 10 or stay is None:
        draft.date = draft.date[:7] if draft.date else None
        return
    last = dt.date.fromisoformat(draft.date)
    draft.date = (last - dt.timedelta(days=int(stay["days"]) - 1)).isoformat()
    draft.end_date = last.isoformat()
