"""Korean date expressions → normalised values (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).

A pure-Python rule set in the manner of HeidelTime's news mode: every expression is found by a
regular expression and resolved against the document's publication date (the *anchor*). Explicit
dates (`2024.6.28.`, `2024년 6월 28일`, `’97년 7월`, `October 9, 2021`) need no anchor; a month-day
(`6.28.(금)`), a bare day (`28일`) or a relative word (`지난해`, `지난달 30일`, `오는 5일`) takes its
missing parts from it. A bare day is the nearest such day that fits the tense of its clause (in a page
of 1 January, `31일 회담했다` is the day before). Durations (`9년간`, `3일 동안`), numbers (`1.5%`),
phone numbers, versions, section numbers, comparisons (`전년 대비`) and the year of a name (`비전 2030`)
are not dates.

Every expression is returned, resolved or not: one that no anchor lets the finder resolve (`4일`
without a publication date, `지난주`, `1990년대`) has `value` None. A year is never guessed: without
an anchor, a weekday-checked month-day (`6.20.(목)`) takes the latest year the text itself states that
fits its weekday, and stays unresolved where the text states none. With `infer_anchor`, what needs an
anchor is resolved against the nearest full date the text states before it (a caption's date, an earlier
paragraph's), and a month-day below a year standing alone on its line (`2016`, `#2016`) takes that year.
Inside a quotation, `어제`, `오늘` and `내일` count from the date of the quoted words when the sentence
gives one before the quotation (`9일(현지시간) "어제 통화했다"` is the 8th).

The words the rules use are data, in `gazetteers/date_words.csv`, read once (the regexes built
from them are compiled once, on first use). Its columns:

| column | meaning |
| --- | --- |
| `id` | `date:` and a lowercase ASCII slug (`date:last-year`). |
| `ko` | the forms, pipe-separated; a space inside a form also matches no space (`다음 달`). |
| `kind` | what the forms are; it says what `offset` means (below). |
| `offset` | an integer, read according to `kind`; 0 where the kind has no use for it. |
| `source` | where the word and its meaning can be checked. |

| `kind` | forms | `offset` |
| --- | --- | --- |
| `day_relative` | `오늘`, `어제`, `내일` | days from the anchor |
| `month_relative` | `이달`, `지난달`, `다음 달` | months from the anchor's month |
| `year_relative` | `올해`, `지난해`, `내년` | years from the anchor's year |
| `week_relative` | `지난주`, `다음 주` (resolved only before a weekday name) | weeks from the anchor's week |
| `day_following` | `첫날`, `이튿날`, `다음 날` | days from the day the text last states (c) |
| `direction` | `지난`, `이번`, `오는` + day, month, weekday | -1 last before anchor, 0 current, 1 next |
| `weekday` | `금요일`, `금` | weekday index, 0 = Monday |
| `month_name` | `October`, `Oct` (any case) | the month's number |
| `period` | `초`, `중순`, `말`, `상반기` | part of the month or year: -1 early, 0 middle, 1 late (a) |
| `duration_suffix` | `간`, `동안`, `만에` | 0; makes a number a duration (`9년간`) |
| `duration_prefix` | `박` | 0; `3박` before a day makes it a length of stay (`3박 5일`) |
| `offset_suffix` | `뒤`, `전` | 1 on, -1 back; after a number it makes an offset (`3일 뒤인`) (d) |
| `day_count` | `이틀`, `사흘` | the number of days (`이틀 전인 24일`) |
| `number_unit` | `%`, `배`, `억` | 0; after `1.5` it makes a number, not a month-day |
| `name_suffix` | `선언`, `전쟁`, `절` | 0; a word so ending names an event (`6.15 공동선언`) |
| `name_head` | `비전`, `엑스포` | 0; a year after such a word, or after a Latin word, is part of a name |
| `particle` | `에`, `부터`, `은` | 0; may follow a date word (`올해는`) (b) |
| `not_date` | `오늘날`, `전년 대비` | 0; starts like a date word, is not one |
| `tense_past`, `tense_future` | `했다`, `예정` | -1 / 1; the tense that places a bare day or a month-day |
| `quotative` | `고`, `라고` | 0; after a tense word, reported speech (`논의한다고`), not the clause's tense |

(a) the value keeps the enclosing month (`10월 말` → `YYYY-10`) or year (`2021년 하반기` → `2021`).
(b) any other syllable after a date word makes it part of a longer word (`모레노`, `이달고`).
(c) from a span's first day; not from `이날` or `오늘` (the day of writing); no date at all where no
day is stated shortly before in the paragraph, or where the word announces the day after it (`첫날인 5일`).
(d) a day written after such a count (`3일 뒤인 27일`) is the one counted from the day stated before it.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from extractor.errors import GazetteerError
from extractor.models import DateResolution

__all__ = ["DateMatch", "Resolution", "find_dates", "month_names"]

DATE_WORDS_FILE = "date_words.csv"


#: Where a date's missing parts came from: the record contract's enum.
Resolution = DateResolution


@dataclass(frozen=True)
class DateMatch:
    """One date expression: `text == source[start:end]`, `value` normalised (None: unresolved), ranges
    with `end_value`."""

    text: str
    start: int
    end: int
    value: str | None
    resolved_from: Resolution | None
    end_value: str | None = None


# --------------------------------------------------------------------------------------------
# Data


def _gazetteer_dir() -> Path:
    """The gazetteer folder: inside the package when installed, beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    inside = here / "gazetteers"
    return inside if inside.is_dir() else here.parent / "gazetteers"


@functools.lru_cache(maxsize=1)
def _date_words() -> dict[str, tuple[tuple[str, int], ...]]:
    """`date_words.csv` as kind → ((form, offset), ...), read once."""
    path = _gazetteer_dir() / DATE_WORDS_FILE
    table: dict[str, list[tuple[str, int]]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(f"{path}: cannot read the date words: {exc}", path=path) from exc
    for line, row in enumerate(rows, start=2):
        try:
            offset = int(row["offset"])
            kind, forms = row["kind"].strip(), row["ko"]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GazetteerError(
                f"{path}, line {line}: needs columns id,ko,kind,offset,source with an integer offset",
                path=path,
                line=line,
            ) from exc
        for form in forms.split("|"):
            form = form.strip()
            if form:
                table.setdefault(kind, []).append((form, offset))
    return {kind: tuple(forms) for kind, forms in table.items()}


@functools.lru_cache(maxsize=1)
def month_names() -> Mapping[str, int]:
    """English month names and their abbreviations, casefolded, with the month's number (`oct` → 10)."""
    names = {_key(form).casefold(): month for form, month in _date_words().get("month_name", ())}
    return MappingProxyType(names)


# --------------------------------------------------------------------------------------------
# Grammar

_SP = "[ \u00a0]?"  # at most one space between the parts of an expression
_SEP = f"{_SP}[-~\u2013\u223c\u301c\uff5e]{_SP}"  # range separators: - – ∼ 〜 ～ ~
_HANGUL = "가-힣"
_APOSTROPHES = "'’‘"  # before a two-digit year: ’97년, '24.6.28.
_QUOTES = {"“": "”", '"': '"'}  # quotation marks: opening → closing
_LINE_START_LOOKBACK = 8
_INHERIT_GAP = 12  # at most this many characters between a date and a day taking its month
_QUOTE_REACH = 20  # a quotation mark closed within this many characters opened a quotation
_NAME_REACH = 16  # characters before a bare year searched for the name it belongs to
_TENSE_REACH = 300  # characters after a date searched for the tense of its clause
_QUOTATION = re.compile(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"")
_CLAUSE_END = re.compile(r",|\.(?:\s|$)")


def _form_re(form: str) -> str:
    """A word form as a regex: escaped, an inner space matching an optional space."""
    return _SP.join(re.escape(part) for part in form.split(" "))


def _alt(forms: list[str] | tuple[str, ...]) -> str:
    """An alternation of word forms, longest first so the longest form wins; none matches nothing."""
    unique = sorted(set(forms), key=lambda f: (-len(f), f))
    if not unique:
        return "(?!)"
    return "|".join(_form_re(f) for f in unique)


def _opening(forms: list[str]) -> str:
    """A lookahead on the characters that open `forms`, for a rule that starts with one of them:
    checked first, it fails fast on most of a text (no lookahead where a form opens with a space)."""
    if not forms or any(form.startswith(" ") for form in forms):
        return ""
    return f"(?=[{''.join(sorted({re.escape(form[0]) for form in forms}))}])"


def _key(form: str) -> str:
    """A matched word form without spaces, for looking up its offset."""
    return _SPACES.sub("", form)


_SPACES = re.compile(r"\s")


@dataclass(frozen=True)
class _Grammar:
    """The compiled rules and the word tables they use."""

    offsets: dict[str, dict[str, int]]
    rules: tuple[tuple[re.Pattern[str], str], ...]
    relative_rules: frozenset[str]
    tail_day: re.Pattern[str]
    tail_month: re.Pattern[str]
    unit_attached: re.Pattern[str]
    unit_spaced: re.Pattern[str]
    name_attached: re.Pattern[str]
    name_spaced: re.Pattern[str]
    name_before: re.Pattern[str]
    duration: re.Pattern[str]
    offset: re.Pattern[str]
    duration_before: re.Pattern[str]
    not_date: re.Pattern[str]
    particle: re.Pattern[str]
    tense: re.Pattern[str]
    tense_sign: dict[str, int]
    quotative: re.Pattern[str]
    counted: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    """Build the rules from the word lists, once."""
    words = _date_words()

    def forms(kind: str) -> list[str]:
        return [f for f, _ in words.get(kind, ())]

    offsets = {kind: {_key(f): o for f, o in pairs} for kind, pairs in words.items()}
    month_name = f"(?i:{_alt(forms('month_name'))})"
    wd_all = _alt(forms("weekday"))
    wd_full = _alt([f for f in forms("weekday") if len(f) > 1])
    period = f"(?:{_alt(forms('period'))})(?=[^{_HANGUL}]|$|(?:{_alt(forms('particle'))}))"

    def wd(name: str) -> str:
        return rf"(?:{_SP}\({_SP}(?P<{name}>{wd_all}){_SP}\))?"

    day_k = rf"(?P<d>\d{{1,2}})(?:{_SP}(?P<il>일)|(?={_SEP}\d))"  # `28일`, or `28` before `~30일`
    month_day_k = rf"(?P<m>\d{{1,2}}){_SP}월(?:{_SP}{day_k}{wd('wd')}|{_SP}(?P<per>{period}))?"
    dot_md = rf"(?P<m2>\d{{1,2}})\.(?P<d2>\d{{1,2}})(?P<dot>\.)?{wd('wd2')}"
    # A rule opening with a digit checks one first: most of a Korean text is none, and the lookbehinds
    # that follow cost a scan of every character.
    num_left = r"(?=\d)(?<![\w.,/:'’\-~])"
    apostrophe = f"[{_APOSTROPHES}]"

    raw_rules: list[tuple[str, str]] = [
        # 2005-2014년간, 2014-2017년, 2023년~2025년, 2020-2025.7월, 2014-17년
        (
            rf"{num_left}(?P<y1>\d{{4}})(?P<n1>{_SP}년도?)?{_SEP}(?P<y2>\d{{4}}|\d{{2}}(?={_SP}년))"
            rf"(?:(?P<n2>{_SP}년도?)(?:{_SP}(?P<m2k>\d{{1,2}}){_SP}월)?|\.(?P<m2d>\d{{1,2}})"
            rf"(?=[.)월]|{_SP}월)(?:{_SP}월|\.)?)?(?P<gan>간)?",
            "year_range",
        ),
        # 2024.06.28 / 2024. 6. 28.(금) / 2024-06-28 / 2024/06/28
        (
            rf"{num_left}(?P<y>\d{{4}})(?:\.[ ]{{0,2}}(?P<m>\d{{1,2}})\.[ ]{{0,2}}(?P<d>\d{{1,2}})"
            rf"(?P<dot>\.)?"
            rf"|-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})|/(?P<m4>\d{{1,2}})/(?P<d4>\d{{1,2}})){wd('wd')}",
            "ymd",
        ),
        # 2024.06 / 2024.6월 / 2024.6. / 2022-11
        (
            rf"{num_left}(?P<y>\d{{4}})(?:\.(?P<m>\d{{1,2}})(?P<suffix>{_SP}월|\.)?"
            rf"|-(?P<md>0[1-9]|1[0-2])(?![\d\-~.년]))",
            "ym",
        ),
        # '24.6.28. / ’18.12~’19.2월 / ’97년 7월 / ’20년 / (’21안)
        (
            rf"(?={apostrophe})(?<![\w{_APOSTROPHES}])(?P<q>{apostrophe})(?P<yy>\d{{2}})(?:"
            rf"\.(?P<m>\d{{1,2}})\.(?P<d>\d{{1,2}})(?P<dot>\.)?{wd('wd')}"
            rf"|\.(?P<ym>\d{{1,2}})(?P<ymw>{_SP}월|\.(?!\d))?"
            rf"(?:{_SEP}{apostrophe}(?P<yy2>\d{{2}})\.(?P<ym2>\d{{1,2}})(?:{_SP}월|\.)?)?"
            rf"|{_SP}년(?P<do>도)?(?:{_SP}(?P<km>\d{{1,2}}){_SP}월(?:{_SP}(?P<kd>\d{{1,2}}){_SP}일)?)?"
            r"|(?=안))",
            "yy",
        ),
        # a year alone on its line (`2016`, `2016년`) or a hashtag year (`#2016`): a heading
        (
            rf"(?=[\d#])(?:(?<![^\n \t\u00a0])(?P<y>(?:19|20)\d{{2}})(?:{_SP}년)?(?=[ \t\u00a0]*(?:\n|$))"
            rf"|#(?P<yt>(?:19|20)\d{{2}})(?!\d))",
            "year_alone",
        ),
        # 2024년 6월 28일(금) / 2024년 6월 / 2024년 10월 말 / 2021년 하반기 / 2024년
        (
            rf"(?=\d)(?<![\w.,/:'’])(?P<y>\d{{4}}){_SP}년(?P<do>도)?(?:{_SP}{month_day_k}|{_SP}(?P<yper>{period}))?",
            "year_k",
        ),
        # October 9, 2021 / 9 October 2021 / October 2021 (each form opens with a letter or a digit,
        # which the lookahead checks first: most of a Korean text is neither)
        (
            r"(?=[A-Za-z\d])"
            rf"(?:(?<![A-Za-z])(?P<mon>{month_name})\.?[ \u00a0](?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[ \u00a0]"
            rf"(?P<y>\d{{4}})(?!\d)"
            rf"|(?<![\w.])(?P<d2>\d{{1,2}})[ \u00a0](?P<mon2>{month_name})\.?,?[ \u00a0](?P<y2>\d{{4}})(?!\d)"
            rf"|(?<![A-Za-z])(?P<mon3>{month_name})\.?,?[ \u00a0](?P<y3>\d{{4}})(?!\d))",
            "en_date",
        ),
        # 1990년대, 2000년대 초반: a decade, a date mention that names no one value
        (rf"(?=\d)(?<![\w.,/:'’])\d{{3}}0{_SP}년대(?:{_SP}(?:초반|중반|후반|{period}))?", "decade"),
        # 2024 한-아프리카 정상회의: a bare year before a word
        (rf"(?=\d)(?<![\w.,/:\-~])(?P<y>(?:19|20)\d{{2}})(?=[ ][{_HANGUL}A-Za-z])", "bare_year"),
        # 6.28. / 6.28.(금) / 6. 28(금) / 8.31 / 6.12일
        (
            rf"{num_left}(?P<m>\d{{1,2}})\.(?:(?P<d>\d{{1,2}})|[ ]{{1,2}}(?P<ds>\d{{1,2}}))"
            rf"(?:(?P<dot>\.)|(?P<mdil>일))?{wd('wd')}",
            "md",
        ),
        # 01-14(금) / 6/28(금): only with a weekday
        (
            rf"{num_left}(?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}}){_SP}\({_SP}(?P<wd>{wd_all}){_SP}\)",
            "md_dash",
        ),
        # 6월 28일(금) / 6월 / 10월 말
        (rf"(?=\d)(?<![\d.,]){month_day_k}", "month_k"),
        # 28일 / 28일(금) / 28~30일
        (
            rf"(?=\d)(?<![\w.,/:\-~])(?P<d>\d{{1,2}})(?:(?P<il>일)|(?={_SEP}\d{{1,2}}일)){wd('wd')}",
            "day",
        ),
        # 오늘, 어제, 내일(5일)
        (
            rf"{_opening(forms('day_relative'))}(?<![{_HANGUL}])(?P<w>{_alt(forms('day_relative'))})"
            rf"(?:{_SP}\({_SP}(?P<pd>\d{{1,2}}){_SP}일{_SP}\))?",
            "day_word",
        ),
        # 지난달, 이달 5일, 다음 달 초
        (
            rf"{_opening(forms('month_relative'))}(?<![{_HANGUL}])(?P<w>{_alt(forms('month_relative'))})"
            rf"(?:{_SP}{day_k}{wd('wd')}|{_SP}(?P<per>{period}))?",
            "month_word",
        ),
        # 올해, 지난해 12.28., 내년 3월, 금년 7월, 지난해 하반기
        (
            rf"{_opening(forms('year_relative'))}(?<![{_HANGUL}])(?P<w>{_alt(forms('year_relative'))})"
            rf"(?:{_SP}(?:{month_day_k}|{dot_md}|(?P<yper>{period})))?",
            "year_word",
        ),
        # 지난 5일, 오는 6월, 지난 6월 3일, 오는 금요일, 지난 12.28.
        (
            rf"{_opening(forms('direction'))}(?<![{_HANGUL}])(?P<dir>{_alt(forms('direction'))}){_SP}"
            rf"(?:{month_day_k}|{dot_md}|(?P<dd>\d{{1,2}})(?:(?P<il3>일)|(?={_SEP}\d{{1,2}}일)){wd('wd3')}"
            rf"|(?P<wdn>{wd_full}))",
            "direction",
        ),
        # 첫날, 이튿날, 다음 날: a day counted from the last day the text states
        (
            rf"{_opening(forms('day_following'))}(?<![{_HANGUL}])(?P<w>{_alt(forms('day_following'))})",
            "day_following",
        ),
        # 다음 주 화요일, 지난주 금요일; 지난주 alone names no one day
        (
            rf"{_opening(forms('week_relative'))}(?<![{_HANGUL}])(?P<w>{_alt(forms('week_relative'))})(?:{_SP}(?P<wdn>{wd_full}))?",
            "week_word",
        ),
    ]
    rules = tuple((re.compile(p), name) for p, name in raw_rules)

    tail_day = re.compile(
        rf"{_SEP}(?:(?P<y>\d{{4}}){_SP}(?:[./\-]|년){_SP})?(?:(?P<m>\d{{1,2}}){_SP}(?:\.|월){_SP})?"
        rf"(?P<d>\d{{1,2}})(?P<suffix>{_SP}일|\.)?{wd('wd')}"
    )
    tail_month = re.compile(rf"{_SEP}(?:(?P<y>\d{{4}}){_SP}년{_SP})?(?P<m>\d{{1,2}}){_SP}월")
    units = forms("number_unit")
    names = forms("name_suffix")
    not_hangul_next = f"(?![{_HANGUL}])"
    word_end = f"(?=[^{_HANGUL}]|$|(?:{_alt(forms('particle'))}))"  # a word ends, maybe with a particle
    tense_words = [(f, -1) for f in forms("tense_past")] + [(f, 1) for f in forms("tense_future")]
    return _Grammar(
        offsets=offsets,
        rules=rules,
        relative_rules=frozenset({"day_word", "month_word", "year_word", "direction", "week_word"}),
        tail_day=tail_day,
        tail_month=tail_month,
        unit_attached=re.compile(rf"(?:{_SEP}[\d.]{{1,12}})?(?:{_alt(units)})"),
        unit_spaced=re.compile(rf"(?:{_SEP}[\d.]{{1,12}})?[ \u00a0](?:{_alt(units)}){not_hangul_next}"),
        name_attached=re.compile(rf"\S{{0,10}}?(?:{_alt(names)}){word_end}"),
        name_spaced=re.compile(rf"[ \u00a0](?:\S{{1,10}}[ \u00a0])?\S{{0,10}}?(?:{_alt(names)}){word_end}"),
        name_before=re.compile(rf"(?:{_alt(forms('name_head'))}|[A-Za-z]{{2,}})[ \u00a0]\Z"),
        duration=re.compile(f"{_SP}(?:{_alt(forms('duration_suffix'))})"),
        offset=re.compile(f"{_SP}(?:{_alt(forms('offset_suffix'))}){word_end}"),
        duration_before=re.compile(rf"\d(?:{_alt(forms('duration_prefix'))}){_SP}$"),
        not_date=re.compile(_alt(forms("not_date"))),
        particle=re.compile(_alt(forms("particle"))),
        tense=re.compile(_alt([f for f, _ in tense_words])),
        tense_sign={_key(f): s for f, s in tense_words},
        quotative=re.compile(_alt(forms("quotative"))),
        counted=re.compile(
            rf"(?:(?P<n>\d{{1,3}}){_SP}일|(?P<w>{_alt(forms('day_count'))})){_SP}"
            rf"(?P<dir>{_alt(forms('offset_suffix'))})인{_SP}$"
        ),
    )


# --------------------------------------------------------------------------------------------
# Calendar helpers


def _date(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None if it does not exist."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _toward(options: list[dt.date], anchor: dt.date, direction: int) -> dt.date | None:
    """The last option before the anchor (지난, direction < 0) or the first on or after it (오는)."""
    if direction < 0:
        return max((c for c in options if c < anchor), default=None)
    return min((c for c in options if c >= anchor), default=None)


def _nearest(options: list[dt.date], anchor: dt.date) -> dt.date | None:
    """The option nearest the anchor, on a tie the one in the anchor's month."""
    return min(options, key=lambda c: (abs((c - anchor).days), c.month != anchor.month), default=None)


def _add_months(y: int, m: int, months: int) -> tuple[int, int]:
    """(year, month) moved by `months`."""
    index = y * 12 + (m - 1) + months
    return index // 12, index % 12 + 1


def _year_ok(y: int) -> bool:
    """Years a diplomatic text plausibly writes."""
    return 1000 <= y <= 2199


# --------------------------------------------------------------------------------------------
# Matching


@dataclass
class _Cand:
    """A candidate match with the parts of its value, before overlaps are settled."""

    start: int
    end: int
    y: int | None  # None: a date mention no anchor resolves (`지난주`, `1990년대`)
    m: int | None
    d: int | None
    resolved: Resolution | None
    end_value: str | None = None
    ranged: bool = True  # whether a range tail may extend it
    bare_day: bool = False  # a day alone (`30일`): may take its month from a date just before it
    pending: bool = False  # a day alone with no anchor: kept only if a date just before it resolves it
    rule: str = ""  # the grammar rule that found it
    match: re.Match[str] | None = None  # what the rule matched, to resolve it again against another date

    def value(self) -> str | None:
        """The normalised value, None if unresolved."""
        return None if self.y is None else _fmt(self.y, self.m, self.d)

    def day(self) -> dt.date | None:
        """The day it names, if it names one."""
        return None if self.y is None or self.m is None or self.d is None else _date(self.y, self.m, self.d)

    def result(self, text: str) -> DateMatch:
        """The public record of this candidate."""
        value = self.value()
        end_value = self.end_value if value is not None else None
        resolved = self.resolved if value is not None else None
        return DateMatch(text[self.start : self.end], self.start, self.end, value, resolved, end_value)


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


class _Finder:
    """Runs the rules over one text and resolves what they find."""

    def __init__(
        self, text: str, anchor: dt.date | None, today: dt.date, years: set[int] | None = None
    ) -> None:
        self.text = text
        self.anchor = anchor
        self.today = today
        self.g = _grammar()
        self.years: set[int] = set() if years is None else years  # the years the text states
        self.rejected: dict[str, list[re.Match[str]]] = {}  # matches `run` did not resolve, by rule

    # ---- driver

    def scan(self) -> list[tuple[str, list[re.Match[str]]]]:
        """Each rule's matches in the text: what `run` resolves (other `_Finder`s with other anchors
        take them too, without scanning again). Explicit rules come first."""
        return [(name, list(rule.finditer(self.text))) for rule, name in self.g.rules]

    def run(self, scanned: list[tuple[str, list[re.Match[str]]]]) -> list[_Cand]:
        """The candidates of `scanned`, longest first on overlaps, sorted by start. Explicit dates
        run first: the years they state are what a weekday month-day without an anchor may take."""
        cands: list[_Cand] = []
        for name, matches in scanned:
            if self.anchor is None and name in self.g.relative_rules and name != "week_word":
                self.rejected.setdefault(name, []).extend(matches)
                continue
            for match in matches:
                cand = self.resolve(name, match)
                if cand is None:
                    self.rejected.setdefault(name, []).append(match)
                    continue
                cands.append(cand)
                if cand.resolved is Resolution.EXPLICIT and cand.y is not None:
                    self.years.add(cand.y)
                    if cand.end_value:
                        self.years.add(int(cand.end_value[:4]))
        return self._inherit(_select(cands))

    def resolve(self, name: str, match: re.Match[str]) -> _Cand | None:
        """The candidate of one rule's match against this finder's anchor, range tail included."""
        try:
            cand = _HANDLERS[name](self, match)
        except OverflowError:  # a relative date beyond 0001-01-01 .. 9999-12-31
            return None
        if cand is None or (cand.y is not None and not 1 <= cand.y <= 9999):
            return None
        cand.rule, cand.match = name, match
        if cand.y is not None and cand.ranged and cand.end_value is None:
            extended = self._extend(cand)
            if extended is None or (extended.end_value is None and _needs_tail(match)):
                return None  # `28` of `28~30일` without its tail is no date
            return extended
        return cand

    def _inherit(self, chosen: list[_Cand]) -> list[_Cand]:
        """Give a day alone the month of a date just before it (`7월 1일부터 30일까지`).

        HeidelTime's narrative reference: the last date mentioned, if it is in the same clause
        (a short gap, no line or sentence end) and the day comes after it.
        """
        kept: list[_Cand] = []
        for cand in chosen:
            prev = kept[-1] if kept else None
            if cand.bare_day and prev is not None and prev.y is not None and prev.m and prev.d:
                gap = self.text[prev.end : cand.start]
                same_clause = len(gap) <= _INHERIT_GAP and "\n" not in gap and ". " not in gap
                day = _date(prev.y, prev.m, cand.d or 0)
                last = _date(prev.y, prev.m, int(cand.end_value[8:])) if cand.end_value else day
                if same_clause and day is not None and day.day > prev.d and last is not None and last >= day:
                    cand.y, cand.m, cand.resolved, cand.pending = day.year, day.month, prev.resolved, False
                    if cand.end_value:
                        cand.end_value = _fmt(last.year, last.month, last.day)
            if not cand.pending:
                kept.append(cand)
            elif cand.match is not None:
                self.rejected.setdefault(cand.rule, []).append(cand.match)
        return kept

    def rejected_scan(self) -> list[tuple[str, list[re.Match[str]]]]:
        """What the last `run` did not resolve, in rule order: the matches a probe may find to be
        date expressions all the same."""
        return [(name, self.rejected[name]) for _, name in self.g.rules if name in self.rejected]

    # ---- context checks

    def _weekday(self, match: re.Match[str], group: str) -> int | None:
        """The weekday index of a parenthesised weekday group, if present."""
        try:
            form = match.group(group)
        except IndexError:
            return None
        return None if form is None else self.g.offsets["weekday"][_key(form)]

    def _number_follows(self, end: int) -> bool:
        """Whether the text at `end` makes the preceding digits a number: a digit, `.5`, a unit, a name."""
        text = self.text
        nxt = text[end : end + 1]
        if nxt.isdigit() or (nxt in ".," and text[end + 1 : end + 2].isdigit()):
            return True
        if nxt.isascii() and nxt.isalpha():
            return True
        if "가" <= nxt <= "힣" and not self.g.particle.match(text, end):
            return True  # 1.5트랙, 1.2항: part of a word
        return bool(
            self.g.unit_attached.match(text, end)
            or self.g.unit_spaced.match(text, end)
            or self.g.name_attached.match(text, end)
            or self.g.name_spaced.match(text, end)
        )

    def _digit_follows(self, end: int) -> bool:
        """Whether a digit, or `.digit`, continues the number at `end`."""
        text = self.text
        nxt = text[end : end + 1]
        return nxt.isdigit() or (nxt in ".," and text[end + 1 : end + 2].isdigit())

    def _at_line_start(self, pos: int) -> bool:
        """Whether only a little indentation separates `pos` from a line start (`1.1. 개요`)."""
        i = pos - 1
        while i >= 0 and pos - i <= _LINE_START_LOOKBACK and self.text[i] in " \t\u00a0":
            i -= 1
        return i < 0 or self.text[i] == "\n"

    def _duration_follows(self, end: int) -> bool:
        """Whether a duration word (`간`, `동안`, `만에`) or an offset (`3일 뒤`, `이틀 전`) follows."""
        return bool(self.g.duration.match(self.text, end) or self.g.offset.match(self.text, end))

    def _tense(self, after: int) -> int:
        """-1 if the clause from `after` (a date's end) reads past, 1 if future or planned, 0 if unsaid.

        The clause ends at a comma or a sentence end; quoted words and reported verbs (`논의한다고`,
        `예정이라고`) are someone's speech, not the tense of the date's clause.
        """
        window = self.text[after : after + _TENSE_REACH].split("\n", 1)[0]
        window = _QUOTATION.sub(lambda quoted: " " * len(quoted.group()), window)
        window = _CLAUSE_END.split(window, 1)[0]
        for found in self.g.tense.finditer(window):
            if not self.g.quotative.match(window, found.end()):
                return self.g.tense_sign.get(_key(found.group()), 0)
        return 0

    # ---- resolution against the anchor

    def _month_day(
        self, m: int, d: int, weekday: int | None, direction: int | None, after: int
    ) -> tuple[dt.date, Resolution] | None:
        """Resolve month-day: direction words, else the nearest year to the anchor; a weekday checks it."""
        a = self.anchor
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return None
        if a is None:  # the latest year the text states in which the weekday fits; no year is guessed
            fits = [y for y in self.years if (day := _date(y, m, d)) and day.weekday() == weekday]
            if weekday is None or not fits:
                return None
            return dt.date(max(fits), m, d), Resolution.WEEKDAY
        options = [c for c in (_date(y, m, d) for y in range(a.year - 4, a.year + 5)) if c is not None]
        if not options:
            return None
        chosen: dt.date | None
        if direction:
            chosen = _toward(options, a, direction)
        else:
            near = [c for c in options if abs(c.year - a.year) <= 1]
            if not near:
                return None
            chosen = min(near, key=lambda c: (abs((c - a).days), c.year != a.year))
            same = _date(a.year, m, d)
            if chosen.year != a.year and same is not None:
                tense = self._tense(after)
                if (chosen < a and tense > 0) or (chosen > a and tense < 0):
                    chosen = same
        if chosen is None:
            return None
        resolved = Resolution.DATELINE if direction is None else Resolution.RELATIVE
        if weekday is not None and chosen.weekday() != weekday:
            fits = [c for c in options if abs(c.year - a.year) <= 1 and c.weekday() == weekday]
            if fits:
                chosen = min(fits, key=lambda c: abs((c - a).days))
                resolved = Resolution.WEEKDAY
        return chosen, resolved

    def _month_only(self, m: int, direction: int | None, after: int) -> tuple[int, Resolution] | None:
        """The year of a month without one: direction words, else nearest to the anchor."""
        a = self.anchor
        if a is None or not 1 <= m <= 12:
            return None
        if direction is not None:
            if direction < 0:
                return (a.year if m < a.month else a.year - 1), Resolution.RELATIVE
            if direction > 0:
                return (a.year if m >= a.month else a.year + 1), Resolution.RELATIVE
            return a.year, Resolution.RELATIVE
        options = [(y, mid) for y in (a.year - 1, a.year, a.year + 1) if (mid := _date(y, m, 15))]
        if not options:
            return None
        year, mid = min(options, key=lambda o: (abs((o[1] - a).days), o[0] != a.year))
        if year != a.year:
            tense = self._tense(after)
            if (mid < a and tense > 0) or (mid > a and tense < 0):
                year = a.year
        return year, Resolution.DATELINE

    def _day_only(
        self, d: int, weekday: int | None, direction: int | None, after: int
    ) -> tuple[dt.date, Resolution] | None:
        """A bare day: with 지난/오는 the last before or the next after the anchor, else the nearest
        such day that fits the tense of its clause (`31일 회담했다` in a page of 1 January: 31 December),
        unless that is more than twice as far as the nearest day."""
        a = self.anchor
        if a is None or not 1 <= d <= 31:
            return None
        months = [_add_months(a.year, a.month, k) for k in (-2, -1, 0, 1, 2)]
        options = [c for c in (_date(y, m, d) for y, m in months) if c is not None]
        if direction:
            chosen = _toward(options, a, direction)
        else:
            tense = self._tense(after)
            fitting = [c for c in options if (tense >= 0 or c <= a) and (tense <= 0 or c >= a)]
            chosen = _nearest(options, a)
            fit = _nearest(fitting, a)
            if chosen is not None and fit is not None and abs((fit - a).days) <= 2 * abs((chosen - a).days):
                chosen = fit  # the tense decides between days comparably near; a misread one cannot go far
        if chosen is None:
            return None
        resolved = Resolution.DATELINE if direction is None else Resolution.RELATIVE
        if weekday is not None and chosen.weekday() != weekday:
            fits = [c for c in options if abs((c - a).days) <= 40 and c.weekday() == weekday]
            if fits:
                chosen = min(fits, key=lambda c: abs((c - a).days))
                resolved = Resolution.WEEKDAY
        return chosen, resolved

    # ---- rule handlers

    def _year_range(self, match: re.Match[str]) -> _Cand | None:
        """`2005-2014년간`, `2023년~2025년`, `2020-2025.7월`: both ends."""
        if self._digit_follows(match.end()):
            return None
        y1 = int(match["y1"])
        raw2 = match["y2"]
        y2 = int(raw2)
        if len(raw2) == 2:
            y2 += y1 // 100 * 100
            if y2 <= y1:
                y2 += 100
        m2 = match["m2k"] or match["m2d"]
        marked = match["n1"] or match["n2"] or m2
        if not (_year_ok(y1) and _year_ok(y2) and y1 < y2):
            return None
        if not marked and not (y1 >= 1900 and y2 <= 2099):
            return None
        if m2 is not None and not 1 <= int(m2) <= 12:
            return None
        end_value = _fmt(y2, int(m2)) if m2 else _fmt(y2)
        return _Cand(match.start(), match.end(), y1, None, None, Resolution.EXPLICIT, end_value, False)

    def _ymd(self, match: re.Match[str]) -> _Cand | None:
        """`2024.06.28`, `2024. 6. 28.(금)`, `2024-06-28`, `2024/06/28`."""
        y = int(match["y"])
        m = int(match["m"] or match["m3"] or match["m4"])
        d = int(match["d"] or match["d3"] or match["d4"])
        end = match.end()
        if match["wd"] is None and not match["dot"] and self._digit_follows(end):
            return None
        if match["m3"] and self.text[end : end + 1] in ("-",) and self.text[end + 1 : end + 2].isdigit():
            return None  # 2024-06-28-1: an identifier
        if not _year_ok(y) or _date(y, m, d) is None:
            return None
        return _Cand(match.start(), end, y, m, d, Resolution.EXPLICIT)

    def _ym(self, match: re.Match[str]) -> _Cand | None:
        """`2024.06`, `2024.6월`, `2024.6.`, `2022-11`: a month."""
        y, m = int(match["y"]), int(match["m"] or match["md"])
        end = match.end()
        if not (_year_ok(y) and 1 <= m <= 12):
            return None
        suffix = match["suffix"]
        if match["md"] is None and suffix is None and self._number_follows(end):
            return None
        if suffix == "." and self._digit_follows(end):
            return None
        return _Cand(match.start(), end, y, m, None, Resolution.EXPLICIT)

    def _two_digit_year(self, yy: str) -> int:
        """The year of `’24`: this century's, unless that is more than ten years after the anchor."""
        y = 2000 + int(yy)
        return y - 100 if y > (self.anchor or self.today).year + 10 else y

    def _quoted_number(self, match: re.Match[str]) -> bool:
        """Whether the mark before the digits opens a quotation (`‘30년 전쟁’`) rather than
        shortening a year: the same line closes it soon after, and not with another short year."""
        closing = "’" if match["q"] == "‘" else match["q"]
        if closing == "’" and match["q"] == "’":
            return False  # ’ is the apostrophe itself, never an opening mark
        tail = self.text[match.end() : match.end() + _QUOTE_REACH].split("\n", 1)[0]
        at = tail.find(closing)
        return at >= 0 and not tail[at + 1 : at + 2].isdigit()

    def _yy(self, match: re.Match[str]) -> _Cand | None:
        """`'24.6.28.`, `’18.12~’19.2월`, `’97년 7월`, `’20년`, `’21안`: a year in two digits after an
        apostrophe."""
        if self._quoted_number(match):
            return None
        y = self._two_digit_year(match["yy"])
        start, end = match.start(), match.end()
        if match["m"] is not None:
            m, d = int(match["m"]), int(match["d"])
            if (not match["dot"] and self._digit_follows(end)) or _date(y, m, d) is None:
                return None
            return _Cand(start, end, y, m, d, Resolution.EXPLICIT)
        if match["ym"] is not None:
            m = int(match["ym"])
            if not 1 <= m <= 12 or (not match["ymw"] and not match["yy2"] and self._number_follows(end)):
                return None  # ’18.5%
            end_value = None
            if match["yy2"] is not None:
                y2, m2 = self._two_digit_year(match["yy2"]), int(match["ym2"])
                if not 1 <= m2 <= 12 or (y2, m2) <= (y, m):
                    return None
                end_value = _fmt(y2, m2)
            return _Cand(start, end, y, m, None, Resolution.EXPLICIT, end_value)
        if self._duration_follows(end):
            return None  # ’20년간, ’10년 만에
        if match["km"] is None:
            return _Cand(start, end, y, None, None, Resolution.EXPLICIT, ranged=False)
        m = int(match["km"])
        d = int(match["kd"]) if match["kd"] else None
        if not 1 <= m <= 12 or (d is not None and _date(y, m, d) is None):
            return None
        return _Cand(start, end, y, m, d, Resolution.EXPLICIT)

    def _year_k(self, match: re.Match[str]) -> _Cand | None:
        """`2024년 6월 28일(금)`, `2024년 6월`, `2024년 10월 말`, `2021년 하반기`, `2024년`."""
        y = int(match["y"])
        if not _year_ok(y):
            return None
        start, end = match.start(), match.end()
        if match["m"] is None:
            nxt = self.text[end : end + 1]
            if match["yper"] is None and (nxt == "대" or (match["do"] is None and nxt == "간")):
                return None  # 1990년대, 2000년간
            return _Cand(start, end, y, None, None, Resolution.EXPLICIT, ranged=False)
        m = int(match["m"])
        if match["d"] is None:
            if not 1 <= m <= 12:
                return None
            return _Cand(start, end, y, m, None, Resolution.EXPLICIT)
        d = int(match["d"])
        if _date(y, m, d) is None:
            return None
        return _Cand(start, end, y, m, d, Resolution.EXPLICIT)

    def _bare_year(self, match: re.Match[str]) -> _Cand | None:
        """`2024 한-아프리카 정상회의`: four digits before a word, unless the word is a unit or the year
        belongs to the name before it (`비전 2030`, `엑스포 2025`, `SA 2015 WG`)."""
        start, end = match.start(), match.end()
        if self.g.unit_spaced.match(self.text, end):
            return None
        if self.g.name_before.search(self.text[max(0, start - _NAME_REACH) : start]):
            return None
        return _Cand(start, end, int(match["y"]), None, None, Resolution.EXPLICIT, ranged=False)

    def _year_alone(self, match: re.Match[str]) -> _Cand | None:
        """`2016` alone on its line, `#2016`: a year heading, which also dates the month-days below it."""
        start = match.start()
        if match["y"] is not None and self.text[self.text.rfind("\n", 0, start) + 1 : start].strip():
            return None  # something precedes it on its line
        year = int(match["y"] or match["yt"])
        return _Cand(start, match.end(), year, None, None, Resolution.EXPLICIT, ranged=False)

    def _en_date(self, match: re.Match[str]) -> _Cand | None:
        """`October 9, 2021`, `9 Oct. 2021`, `October 2021`: a date written in English."""
        months = month_names()
        y = int(match["y"] or match["y2"] or match["y3"])
        m = months[_key(match["mon"] or match["mon2"] or match["mon3"]).casefold()]
        raw_day = match["d"] or match["d2"]
        if not _year_ok(y):
            return None
        if raw_day is None:
            return _Cand(match.start(), match.end(), y, m, None, Resolution.EXPLICIT, ranged=False)
        if _date(y, m, int(raw_day)) is None:
            return None
        return _Cand(match.start(), match.end(), y, m, int(raw_day), Resolution.EXPLICIT, ranged=False)

    def _decade(self, match: re.Match[str]) -> _Cand | None:
        """`1990년대`: a date mention with no single value."""
        return _Cand(match.start(), match.end(), None, None, None, None, ranged=False)

    def _md_dot(self, match: re.Match[str]) -> _Cand | None:
        """`6.28.(금)`, `6.28.`, `6. 28(금)`, `8.31`, `6.12일`: month-day, the year from the anchor or the
        weekday."""
        spaced = match["d"] is None
        m = int(match["m"])
        d = int(match["d"] or match["ds"])
        weekday = self._weekday(match, "wd")
        dotted = bool(match["dot"] or match["mdil"])
        start, end = match.start(), match.end()
        if match["mdil"] and self._duration_follows(end):
            return None  # 1.5일간
        if weekday is None:
            if spaced and not dotted:
                return None  # `1. 2개국`
            if d <= 9 and self._at_line_start(start):
                return None  # `1.1. 개요`, `2.3 배경`: a section number
            if dotted and self._digit_follows(end):
                return None  # 3.8.18
            if not dotted and self._number_follows(end):
                return None  # 1.5%, 3.8배, 6.15 공동선언
        resolved = self._month_day(m, d, weekday, None, end)
        if resolved is None:
            return None
        day, how = resolved
        return _Cand(start, end, day.year, day.month, day.day, how)

    def _md_dash(self, match: re.Match[str]) -> _Cand | None:
        """`01-14(금)`: month-day with a weekday."""
        resolved = self._month_day(
            int(match["m"]), int(match["d"]), self._weekday(match, "wd"), None, match.end()
        )
        if resolved is None:
            return None
        day, how = resolved
        return _Cand(match.start(), match.end(), day.year, day.month, day.day, how)

    def _month_day_groups(
        self, match: re.Match[str], direction: int | None, start: int, wd_group: str = "wd"
    ) -> _Cand | None:
        """Resolve the `month_day_k` groups (`6월 28일`, `6월`, `10월 말`) of a match."""
        m = int(match["m"])
        end = match.end()
        if match["d"] is not None:
            if self._duration_follows(end):
                return None
            resolved = self._month_day(m, int(match["d"]), self._weekday(match, wd_group), direction, end)
            if resolved is None:
                return None
            day, how = resolved
            return _Cand(start, end, day.year, day.month, day.day, how)
        found = self._month_only(m, direction, end)
        if found is None:
            return None
        year, how = found
        return _Cand(start, end, year, m, None, how)

    def _month_k(self, match: re.Match[str]) -> _Cand | None:
        """`6월 28일(금)`, `6월`, `10월 말`, the year from the anchor."""
        if self.anchor is None and match["d"] is None:
            return None
        return self._month_day_groups(match, None, match.start())

    def _day(self, match: re.Match[str]) -> _Cand | None:
        """`28일`, `28일(금)`: a day of the anchor's month; `28일간` and `3박 5일` are durations."""
        start, end = match.start(), match.end()
        if self._duration_follows(end) or self.g.duration_before.search(self.text, max(0, start - 4), start):
            return None
        d = int(match["d"])
        if self.anchor is None:
            if not 1 <= d <= 31:
                return None
            return _Cand(start, end, 1, 1, d, Resolution.DATELINE, ranged=False, bare_day=True, pending=True)
        resolved = self._day_only(d, self._weekday(match, "wd"), None, end)
        if resolved is None:
            return None
        day, how = resolved
        return _Cand(start, end, day.year, day.month, day.day, how, bare_day=True)

    def _is_not_date(self, match: re.Match[str]) -> bool:
        """Whether a date word is part of another word: `오늘날`, or `모레노` (a syllable not a particle)."""
        if self.g.not_date.match(self.text, match.start()):
            return True
        end = match.end()
        if end != match.end("w"):
            return False
        nxt = self.text[end : end + 1]
        return "가" <= nxt <= "힣" and not self.g.particle.match(self.text, end)

    def _day_word(self, match: re.Match[str]) -> _Cand | None:
        """`오늘`, `어제`, `내일(5일)`: the anchor moved by days; a parenthesised day overrides."""
        a = self.anchor
        if a is None or self._is_not_date(match):
            return None
        day = a + dt.timedelta(days=self.g.offsets["day_relative"][_key(match["w"])])
        if match["pd"] is not None:
            pd = int(match["pd"])
            months = [_add_months(day.year, day.month, k) for k in (-1, 0, 1)]
            options = [c for c in (_date(y, m, pd) for y, m in months) if c is not None]
            if not options:
                return None
            day = min(options, key=lambda c: abs((c - day).days))
        return _Cand(match.start(), match.end(), day.year, day.month, day.day, Resolution.RELATIVE)

    def _month_word(self, match: re.Match[str]) -> _Cand | None:
        """`지난달`, `이달 5일`, `다음 달 초`: the anchor's month moved."""
        a = self.anchor
        if a is None or self._is_not_date(match):
            return None
        y, m = _add_months(a.year, a.month, self.g.offsets["month_relative"][_key(match["w"])])
        word_only = self._word_only(match, y, m)
        if match["d"] is None:
            return _Cand(match.start(), match.end(), y, m, None, Resolution.RELATIVE)
        if self._duration_follows(match.end()):
            return word_only
        day = _date(y, m, int(match["d"]))
        if day is None:
            return word_only
        return _Cand(match.start(), match.end(), y, m, day.day, Resolution.RELATIVE)

    def _year_word(self, match: re.Match[str]) -> _Cand | None:
        """`올해`, `지난해 12.28.`, `내년 3월`, `지난해 하반기`: the anchor's year moved."""
        a = self.anchor
        if a is None or self._is_not_date(match):
            return None
        y = a.year + self.g.offsets["year_relative"][_key(match["w"])]
        start, end = match.start(), match.end()
        word_only = self._word_only(match, y)
        if match["m"] is not None:
            m = int(match["m"])
            if not 1 <= m <= 12:
                return word_only
            if match["d"] is None:
                return _Cand(start, end, y, m, None, Resolution.RELATIVE)
            if self._duration_follows(end):
                return word_only
            day = _date(y, m, int(match["d"]))
            return word_only if day is None else _Cand(start, end, y, m, day.day, Resolution.RELATIVE)
        if match["m2"] is not None:
            if not match["dot"] and match["wd2"] is None and self._number_follows(end):
                return word_only  # 작년 1.5% 증가
            day = _date(y, int(match["m2"]), int(match["d2"]))
            if day is None:
                return word_only
            return _Cand(start, end, y, day.month, day.day, Resolution.RELATIVE)
        return _Cand(start, end, y, None, None, Resolution.RELATIVE, ranged=False)

    def _word_only(self, match: re.Match[str], y: int, m: int | None = None) -> _Cand | None:
        """The relative word alone (`작년` of `작년 1.5% 증가`), when what follows it is no date."""
        end = match.end("w")
        nxt = self.text[end : end + 1]
        if "가" <= nxt <= "힣" and not self.g.particle.match(self.text, end):
            return None
        return _Cand(match.start(), end, y, m, None, Resolution.RELATIVE, ranged=False)

    def _direction(self, match: re.Match[str]) -> _Cand | None:
        """`지난 5일`, `오는 6월`, `지난 6월 3일`, `지난 12.28.`, `오는 금요일`."""
        a = self.anchor
        if a is None:
            return None
        direction = self.g.offsets["direction"][_key(match["dir"])]
        start, end = match.start(), match.end()
        if match["m"] is not None:
            return self._month_day_groups(match, direction, start)
        if match["m2"] is not None:
            if not match["dot"] and match["wd2"] is None and self._number_follows(end):
                return None
            resolved = self._month_day(
                int(match["m2"]), int(match["d2"]), self._weekday(match, "wd2"), direction, end
            )
        elif match["dd"] is not None:
            if self._duration_follows(end):
                return None
            resolved = self._day_only(int(match["dd"]), self._weekday(match, "wd3"), direction, end)
        else:
            weekday = self.g.offsets["weekday"][_key(match["wdn"])]
            if direction < 0:
                back = (a.weekday() - weekday) % 7 or 7
                day = a - dt.timedelta(days=back)
            elif direction > 0:
                ahead = (weekday - a.weekday()) % 7 or 7
                day = a + dt.timedelta(days=ahead)
            else:
                day = a + dt.timedelta(days=weekday - a.weekday())
            resolved = (day, Resolution.RELATIVE)
        if resolved is None:
            return None
        day, how = resolved
        return _Cand(start, end, day.year, day.month, day.day, how)

    def _week_word(self, match: re.Match[str]) -> _Cand | None:
        """`다음 주 화요일`: the weekday in the anchor's week moved by weeks; `지난주` alone is a mention
        of a whole week, which no value names."""
        a = self.anchor
        if match["wdn"] is None:
            if self._is_not_date(match):
                return None  # 이번 주말, 내주다
            return _Cand(match.start(), match.end(), None, None, None, None, ranged=False)
        if a is None:
            return None
        weeks = self.g.offsets["week_relative"][_key(match["w"])]
        weekday = self.g.offsets["weekday"][_key(match["wdn"])]
        day = a - dt.timedelta(days=a.weekday()) + dt.timedelta(days=7 * weeks + weekday)
        return _Cand(match.start(), match.end(), day.year, day.month, day.day, Resolution.RELATIVE)

    def _day_following(self, match: re.Match[str]) -> _Cand | None:
        """`첫날`, `이튿날`: a mention whose day comes from the day stated before it (`_count_days`)."""
        if self._is_not_date(match):
            return None  # 첫날밤, 다음날짜
        return _Cand(match.start(), match.end(), None, None, None, None, ranged=False)

    # ---- ranges

    def _extend(self, cand: _Cand) -> _Cand | None:
        """Extend a day or month by a range tail (`8.6-8`, `6월 28일~30일`, `6월~7월`); None if a number."""
        if cand.m is None:
            return cand
        if cand.d is not None:
            tail = self.g.tail_day.match(self.text, cand.end)
            if tail is None:
                return cand
            end = tail.end()
            period = not tail["suffix"] and self.g.duration.match(self.text, end)  # 5.8-12간: from 8 to 12
            if not tail["suffix"] and tail["wd"] is None and not period and self._number_follows(end):
                return None if self.g.unit_attached.match(self.text, end) else cand
            if tail["suffix"] == "." and self._digit_follows(end):
                return cand
            y = int(tail["y"]) if tail["y"] else cand.y
            m = int(tail["m"]) if tail["m"] else cand.m
            last = _date(y, m, int(tail["d"]))
            first = dt.date(cand.y, cand.m, cand.d)
            if last is not None and last < first and not tail["y"] and tail["m"]:
                last = _date(y + 1, m, int(tail["d"]))
            if last is None or last <= first or (last - first).days > 366:
                return cand
            if tail["suffix"] and tail["suffix"].strip() == "일" and self._duration_follows(end):
                return cand
            cand.end, cand.end_value = end, _fmt(last.year, last.month, last.day)
            return cand
        tail = self.g.tail_month.match(self.text, cand.end)
        if tail is None or self._duration_follows(tail.end()):
            return cand
        y = int(tail["y"]) if tail["y"] else cand.y
        m = int(tail["m"])
        if not 1 <= m <= 12:
            return cand
        if not tail["y"] and m < cand.m:
            y += 1
        if (y, m) <= (cand.y, cand.m) or y > dt.MAXYEAR:
            return cand
        cand.end, cand.end_value = tail.end(), _fmt(y, m)
        return cand


def _needs_tail(match: re.Match[str]) -> bool:
    """Whether a day was matched without its `일` only because a range tail follows (`28~30일`)."""
    groups = match.groupdict()
    return (groups.get("d") is not None and "il" in groups and groups["il"] is None) or (
        groups.get("dd") is not None and groups.get("il3") is None
    )


#: The rule of each grammar name (unbound, so that a _Finder holds no cycle through its own methods).
_HANDLERS: dict[str, Callable[[_Finder, re.Match[str]], _Cand | None]] = {
    "year_range": _Finder._year_range,
    "ymd": _Finder._ymd,
    "ym": _Finder._ym,
    "yy": _Finder._yy,
    "year_k": _Finder._year_k,
    "year_alone": _Finder._year_alone,
    "en_date": _Finder._en_date,
    "decade": _Finder._decade,
    "bare_year": _Finder._bare_year,
    "md": _Finder._md_dot,
    "md_dash": _Finder._md_dash,
    "month_k": _Finder._month_k,
    "day": _Finder._day,
    "day_word": _Finder._day_word,
    "month_word": _Finder._month_word,
    "year_word": _Finder._year_word,
    "direction": _Finder._direction,
    "week_word": _Finder._week_word,
    "day_following": _Finder._day_following,
}


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, sorted by start; on an overlap the longer one wins."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Cand] = []
    for cand in cands:
        if chosen and cand.start < chosen[-1].end:
            last = chosen[-1]
            if cand.end - cand.start > last.end - last.start:
                chosen[-1] = cand
            continue
        chosen.append(cand)
    return chosen


def find_dates(
    text: str,
    anchor: dt.date | None = None,
    *,
    today: dt.date | None = None,
    infer_anchor: bool = False,
) -> list[DateMatch]:
    """Every date expression in `text`, resolved against `anchor` (the publication date) if given.

    Results are sorted by start and do not overlap; an expression nothing resolves has `value` None.
    `today` (default: the current date) only places a two-digit year (`’97년`) when there is no
    anchor. With `infer_anchor` and no anchor, what needs an anchor is resolved against the nearest
    full date the text states before it, and a month-day below a year heading takes that year; what
    these resolve is marked `relative`.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates() needs a str, not {type(text).__name__}")
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if anchor is not None and not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date or None, not {type(anchor).__name__}")
    if isinstance(today, dt.datetime):
        today = today.date()
    finder = _Finder(text, anchor, today or dt.date.today())
    scanned = finder.scan()
    chosen = finder.run(scanned)
    probed = _Finder(text, _PROBE, finder.today).run(finder.rejected_scan())
    cands = sorted(chosen + _unresolved(probed, chosen), key=lambda c: c.start)
    if anchor is None and infer_anchor:
        cands = _resolve_nearby(finder, cands)
    cands = _count_days(finder, _resolve_quoted_days(finder, cands))
    return [c.result(text) for c in _count_offsets(finder, cands)]


#: The anchor that finds the date expressions no real anchor resolves: in a leap year's mid-August,
#: every month-day and every day of a month has a date near it.
_PROBE = dt.date(2000, 8, 15)
#: Rules whose expressions have a month but no year: a year heading gives them theirs.
_MONTH_RULES = frozenset({"md", "md_dash", "month_k"})
_QUOTE_WINDOW = 300  # characters searched back for the quotation a relative day stands in


def _unresolved(probed: list[_Cand], chosen: list[_Cand]) -> list[_Cand]:
    """The probe's expressions that overlap nothing resolved, stripped of the probe's values."""
    taken = [(c.start, c.end) for c in chosen]
    starts = [start for start, _ in taken]
    out: list[_Cand] = []
    for cand in probed:
        i = bisect.bisect_right(starts, cand.start)
        if (i and taken[i - 1][1] > cand.start) or (i < len(taken) and taken[i][0] < cand.end):
            continue
        out.append(_Cand(cand.start, cand.end, None, None, None, None, rule=cand.rule, match=cand.match))
    return out


def _again(finder: _Finder, cand: _Cand, anchor: dt.date) -> _Cand | None:
    """`cand`'s expression resolved against `anchor` instead, marked relative; None if it does not resolve."""
    if cand.match is None:
        return None
    other = _Finder(finder.text, anchor, finder.today, finder.years).resolve(cand.rule, cand.match)
    if other is None or other.y is None:
        return None
    other.resolved = Resolution.RELATIVE
    return other


def _fits(cands: list[_Cand], i: int, cand: _Cand) -> bool:
    """Whether `cand` may take the place of `cands[i]` without overlapping its neighbours."""
    before = cands[i - 1].end if i else 0
    after = cands[i + 1].start if i + 1 < len(cands) else len(cand.match.string if cand.match else "")
    return before <= cand.start and cand.end <= after


def _resolve_nearby(finder: _Finder, cands: list[_Cand]) -> list[_Cand]:
    """Unresolved expressions resolved against a full date stated on their own line (a caption's, at
    its end), else the nearest one stated before them, or a month-day against a year heading above it
    (`2016` alone on its line, `#2016`)."""
    refs = [(c.start, day) for c in cands if c.y is not None and (day := c.day()) is not None]
    ref_starts = [start for start, _ in refs]
    headings = [(c.start, c.y) for c in cands if c.rule == "year_alone" and c.y is not None]
    heading_starts = [start for start, _ in headings]
    breaks = [found.start() for found in re.finditer("\n", finder.text)]

    def line(pos: int) -> int:
        return bisect.bisect_left(breaks, pos)

    out = list(cands)
    for i, cand in enumerate(out):
        if cand.y is not None:
            continue
        k = bisect.bisect_left(ref_starts, cand.start)
        anchor = refs[k - 1][1] if k else None
        here = line(cand.start)
        if k < len(refs) and line(refs[k][0]) == here and (not k or line(refs[k - 1][0]) != here):
            anchor = refs[k][1]  # a caption's date, written at its end
        if anchor is None and cand.rule in _MONTH_RULES:
            h = bisect.bisect_right(heading_starts, cand.start)
            anchor = dt.date(headings[h - 1][1], 7, 1) if h else None
        if anchor is None:
            continue
        other = _again(finder, cand, anchor)
        if other is not None and _fits(out, i, other):
            out[i] = other
    return out


def _quote_opening(text: str, pos: int) -> int:
    """Where the quotation that `pos` stands in opens on its line, or -1 if it stands in none."""
    start = max(text.rfind("\n", max(0, pos - _QUOTE_WINDOW), pos) + 1, pos - _QUOTE_WINDOW)
    before = text[start:pos]
    opening = -1
    for mark, closing in _QUOTES.items():
        at = before.rfind(mark)
        inside = before.count(mark) % 2 == 1 if mark == closing else at > before.rfind(closing)
        if at >= 0 and inside:
            opening = max(opening, start + at)
    return opening


def _resolve_quoted_days(finder: _Finder, cands: list[_Cand]) -> list[_Cand]:
    """`어제` inside a quotation counts from the quotation's own date, given before it in the same
    sentence (`9일(현지시간) "어제 통화했다"`: the 8th), not from the publication date."""
    out = list(cands)
    for i, cand in enumerate(out):
        if cand.rule != "day_word":
            continue
        opening = _quote_opening(finder.text, cand.start)
        if opening < 0:
            continue
        j = i - 1
        while j >= 0 and out[j].end > opening:  # the expressions inside the quotation
            j -= 1
        said = out[j] if j >= 0 else None
        day = said.day() if said is not None else None
        if said is None or day is None or opening - said.end > _QUOTE_WINDOW:
            continue
        between = finder.text[said.end : opening]
        if "\n" in between or ". " in between or "다." in between:
            continue
        other = _again(finder, cand, day)
        if other is not None and _fits(out, i, other):
            out[i] = other
    return out


def _count_days(finder: _Finder, cands: list[_Cand]) -> list[_Cand]:
    """`첫날` is the day last stated before it, `이튿날` (`다음 날`) the day after it (`17일 도착했다.
    첫날에는 … 이튿날에는 …`: the 17th and the 18th); a span stated (`5일부터 7일까지`) counts from its
    first day, and `이날`, `오늘` (the day of writing) are not counted from. No date at all: a word
    that only announces the day written after it (`첫날인 5일`), or one with no day stated shortly
    before it in its paragraph (`다음날 오전 귀국했다`)."""
    text = finder.text
    offsets = finder.g.offsets["day_following"]
    for i, cand in enumerate(cands):
        if cand.rule != "day_following":
            continue
        following = cands[i + 1] if i + 1 < len(cands) else None
        if following is not None and _APPOSITION.match(text, cand.end, following.start):
            continue
        stated = _stated_before(cands, i, 2, counted_from=True)
        if not stated or "\n\n" in text[stated[-1].end : cand.start]:
            continue
        start = stated[-1]
        if text.startswith("까지", start.end) and len(stated) > 1 and text.startswith("부터", stated[-2].end):
            start = stated[-2]  # 5일부터 7일까지 … 이튿날: the 6th
        first = start.day()
        if first is None:
            continue
        day = first + dt.timedelta(days=offsets[_key(text[cand.start : cand.end])])
        cand.y, cand.m, cand.d, cand.resolved = day.year, day.month, day.day, Resolution.RELATIVE
    return [c for c in cands if c.rule != "day_following" or c.y is not None]


def _count_offsets(finder: _Finder, cands: list[_Cand]) -> list[_Cand]:
    """A day written as counted from the day stated before it (`지난해 11월 26일 … 이틀 전인 24일`,
    `3일 뒤인 27일`) is that day's month's, not the nearest to the dateline: the day with its number
    nearest the count."""
    text, offsets = finder.text, finder.g.offsets
    for i, cand in enumerate(cands):
        if cand.rule != "day" or cand.d is None or cand.end_value:
            continue
        counted = finder.g.counted.search(text, max(0, cand.start - 16), cand.start)
        if counted is None:
            continue
        stated = _stated_before(cands, i, 1)
        if not stated:
            continue
        days = int(counted["n"]) if counted["n"] else offsets["day_count"][_key(counted["w"])]
        reference = stated[-1].day()
        if reference is None:
            continue
        aim = reference + dt.timedelta(days=days * offsets["offset_suffix"][_key(counted["dir"])])
        months = [_add_months(aim.year, aim.month, k) for k in (-1, 0, 1)]
        options = [c for c in (_date(y, m, cand.d) for y, m in months) if c is not None]
        day = min(options, key=lambda c: abs((c - aim).days), default=None)
        if day is not None and abs((day - aim).days) <= _COUNT_SLACK:
            cand.y, cand.m, cand.resolved = day.year, day.month, Resolution.RELATIVE
    return cands


def _stated_before(cands: list[_Cand], i: int, count: int, *, counted_from: bool = False) -> list[_Cand]:
    """The last `count` candidates before the i-th that state a day within `_COUNT_REACH` characters
    of it, in text order (with `counted_from`, not a day of writing): walked back from it, so a
    count costs the dates it passes, not every date of the text."""
    start = cands[i].start
    found: list[_Cand] = []
    for c in map(cands.__getitem__, range(i - 1, -1, -1)):
        if c.day() is not None and start - c.end <= _COUNT_REACH and not (counted_from and _deictic(c)):
            found.append(c)
            if len(found) == count:
                break
    return found[::-1]


def _deictic(cand: _Cand) -> bool:
    """`이날`, `오늘`, `어제`: a day counted from the day of writing, which no narrative counts on from."""
    return cand.rule == "day_word" and cand.match is not None and cand.match["pd"] is None


#: How far back (in characters) `첫날` and `이튿날` look for the day they count from.
_COUNT_REACH = 400
#: How many days a counted day (`3일 뒤인 27일`) may lie from the count and still be the one meant.
_COUNT_SLACK = 3
#: A day word that only announces the day written after it (`방문 첫날인 5일`, `다음날인 현지시간 17일`).
_APPOSITION = re.compile(r"인[ \u00a0]+(?:\S+[ \u00a0]+)?\Z")
