"""Whose a date of an event's sentence is, when it is not the event's: the day a report was made
(…고 25일 밝혔다), a day of another meeting the event follows (지난해 열린 정상회의에 이어 …), an
agenda item's (△2022년 수교 60주년 준비), another noun's (2007년에 진행된 회담의 대화록, 2013
국제도시포럼, 2014년 박람회 참가를). `dates.py` leaves these out when it dates an event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.events import cues
from extractor.mentions import Mention
from extractor.tokens import SPACE_TAG, TokenTable

#: The two words after a date, where the subject of a reported clause stands (4일 김 차관이 …).
_NEXT_WORDS = re.compile(r"\s*\S+(\s+\S+)?")
#: Up to three words ending at `에서`, optionally with a comma, right after a date (1일 취임 기자회견에서,).
_OCCASION = re.compile(r"\s*((?:\S+\s+){0,2}?\S+)에서,?")
#: What opens an item of an agenda list (△고위급 교류, △2022년 수교 60주년 준비).
_ITEM = "△"
#: Particles that make a date the topic of its sentence (2일에는 …): the day of all its acts.
TOPIC_MARKS = ("에는", "엔")
#: How far (in characters) a year may stand before the term of a meeting whose name it opens.
_NAME_REACH = 24


def names_another(table: TokenTable, date: Mention, meetings: Sequence[Mention]) -> bool:
    """A year alone that opens another meeting's name (2015 국제도시포럼 개막식에서 … 만나):
    nothing but nouns between it and that meeting's term, which is no verb (지난해 체결한 협정)."""
    if len(date.norm or "") != 4:
        return False
    for meeting in meetings:
        if meeting.start < date.end or meeting.start - date.end > _NAME_REACH:
            continue
        between = table.solid_within(date.end, meeting.start)
        after = table.first_from(meeting.end)
        verb = after < len(table) and table.starts[after] == meeting.end and table.heads[after] == "XSV"
        return not verb and all(table.heads[i] in ("NNG", "NNP", "SL", "SN", "SH") for i in between)
    return False


def in_noun_phrase(table: TokenTable, date: Mention) -> bool:
    """The date modifies a noun rather than the predicate: after a genitive (지방정부의 2014년 …), or
    before nouns that end as a subject, object or genitive (2014년 투자박람회 참가를), not as a place
    or time (2일 서울에서, 8일 오후)."""
    before = table.first_from(date.start) - 1
    while before >= 0 and table.tags[before] == SPACE_TAG:
        before -= 1
    if before >= 0 and table.heads[before] == "JKG":
        return True
    nouns = 0
    for i in table.within(date.end, date.end + 40):
        head = table.heads[i]
        if table.tags[i] == SPACE_TAG:
            continue
        if head in ("NNG", "NNP", "SL", "SN") and table.lemmas[i] not in cues.words("time_of_day"):
            nouns += 1
            continue
        return nouns > 0 and head in ("JKO", "JKS", "JKG")
    return False


def reporting(table: TokenTable, date: Mention, trigger: Mention, sentence_end: int) -> bool:
    """The date is the day of the report, not of the event: it stands before the reporting verb
    (…갖는다고 25일 밝혔다), or between the reporter and the subject of what is reported (국방부는
    4일 김 차관이 … 방문했다고 전했다; 총장은 1일 기자회견에서 A국이 …), unless it is ahead (오는 18일)."""
    following = table.first_from(date.end)
    while following < len(table) and table.tags[following] == SPACE_TAG:
        following += 1
    reporting = cues.words("reporting")
    if following < len(table) and table.lemmas[following] in reporting:
        return True
    if date.end > trigger.start or _ahead(table.text, date):
        return False
    after_date = _speech_occasion_end(table.text, date.end, trigger.start)
    next_words = _NEXT_WORDS.match(table.text, after_date, trigger.start)
    subject = table.within(after_date, next_words.end() if next_words else after_date)
    if after_date == date.end and not any(table.heads[i] == "JKS" for i in subject):
        return False  # no subject of a reported clause, nor the occasion of a speech, after the date
    before = table.within(table.text.rfind("\n", 0, date.start) + 1, date.start)
    reported = table.within(trigger.end, sentence_end)
    return any(table.heads[i] == "JX" for i in before) and any(table.lemmas[i] in reporting for i in reported)


def _speech_occasion_end(text: str, start: int, end: int) -> int:
    """Past the occasion of a speech that follows a report's date (1일 취임 기자회견에서, 김 차관이 …):
    where the reported clause begins; `start` if no such occasion follows."""
    occasion = _OCCASION.match(text, start, end)
    if occasion is None or not any(occasion.group(1).endswith(w) for w in cues.words("speech_occasion")):
        return start
    return occasion.end()


def in_other_item(text: str, date: Mention, trigger: Mention) -> bool:
    """The date belongs to an item of an agenda list (△2022년 수교 60주년 준비) that does not hold the
    trigger."""
    line_start = text.rfind("\n", 0, date.start) + 1
    marker = text.rfind(_ITEM, line_start, date.start)
    if marker == -1:
        return False
    line_end = text.find("\n", date.end)
    line_end = len(text) if line_end == -1 else line_end
    following = text.find(_ITEM, date.end, line_end)
    return not (marker < trigger.start < (line_end if following == -1 else following))


def of_another_noun(table: TokenTable, date: Mention, trigger: Mention) -> bool:
    """The date is that of a participle of holding that describes another noun than the trigger
    (2007년에 진행된 수뇌회담의 대화록을 … 성명을 발표: the talks'), not of one describing the trigger
    (2일 열린 한일 정상회담에서)."""
    if date.end > trigger.start:
        return False
    tokens = table.solid_within(date.end, trigger.start)
    if tokens and table.heads[tokens[0]] == "JKB":
        tokens = tokens[1:]  # 2007년에
    held = cues.words("held")
    for k, i in enumerate(tokens[:2]):
        if "ETM" in table.tags[i] and (table.lemmas[i] in held or (k and table.lemmas[tokens[0]] in held)):
            return any(table.heads[j].startswith("J") for j in tokens[k + 1 :])
        if table.lemmas[i] not in held:
            return False
    return False


def _ahead(text: str, date: Mention) -> bool:
    """The date is written as one to come (오는 18일), which no report is dated."""
    before = text[max(0, date.start - 4) : date.start + 3]
    return any(word in cues.words("ahead") for word in before.split())


def dates_of_others(
    table: TokenTable, dates: Sequence[Mention], meetings: Sequence[Mention], name_start: int
) -> list[Mention]:
    """Dates before the event that are another meeting's: the nearest before a meeting the event
    follows or happens during (지난해 열린 정상회의에 이어 …, 4.24-30 간 방한 중인 인사들을 면담),
    and those joined to it (2022년 마드리드와 지난해 빌뉴스에서 열린 …); not a date made the topic
    of the sentence (2일에는 전시회에 참석한 데 이어 …: the day of both)."""
    taken: list[Mention] = []
    text = table.text
    dates = [m for m in dates if not topic(text, m)]  # 2일에는 A에 이어 B: both
    for meeting in meetings:
        if meeting.end > name_start:
            continue
        following = table.solid_within(meeting.end, name_start, 3)
        if not any(after_or_during(table.lemmas[i]) for i in following):
            continue
        own = [m for m in dates if m.end <= meeting.start]
        while own:
            taken.append(own.pop())
            if not own or not _joined(table.text[own[-1].end : taken[-1].start]):
                break
    return taken


def _joined(between: str) -> bool:
    """Two dates joined as one list (2022년 마드리드와 지난해 …): a few words ending in 와/과/및/,."""
    words = between.split()
    return 0 < len(words) <= 3 and words[-1].endswith(("와", "과", "및", ","))


def after_or_during(lemma: str) -> bool:
    """A word that makes a meeting the one an event follows or happens during (이어, 이후, 중)."""
    return cues.kind_of(lemma) in ("after", "ongoing") or lemma in cues.words("sequence")


def topic(text: str, date: Mention) -> bool:
    """The date is made the topic of its sentence, with or without a time of day (2일에는, 6일
    오전에는): the day of all its acts."""
    rest = text[date.end : date.end + 10]
    hour = next((h for h in cues.words("time_of_day") if rest.lstrip().startswith(h)), None)
    if hour is not None:
        rest = rest.lstrip()[len(hour) :]
    return rest.startswith(TOPIC_MARKS)
