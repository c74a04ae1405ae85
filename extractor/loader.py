"""Read real documents: bytes, files and strings → clean body text plus metadata (`LoadedText`).

A document arrives as plain text (a scraped policy-briefing page, a press release), as a
Markdown post with YAML front matter, as an HTML page, or as JSON / JSONL records with a
text field, in UTF-8 or a legacy Korean encoding. The loader finds the body, the title, the
publication date (dateline, front matter or HTML meta) and the publisher, and drops the page
around the article: navigation, banners, share buttons, next-article lines, comment
policies, copyright footers and contact lines. Where a string has no front matter, HTML or
boilerplate, `LoadedText.text` is that string unchanged, so offsets index the caller's text.

Every rule works line by line on cheap signals (marker words, list shape, line length,
position after the end of the article, runs of such lines) and no regular expression can
backtrack: the patterns used are anchored or bounded, and long lines are never matched
against markers at all. Cost per character stays close to that of ordinary text.

Marker words are data: `gazetteers/boilerplate.csv`, read once per process. Its columns:

- `id`: stable identifier, `boilerplate:` and a lowercase ASCII slug.
- `pattern`: literal text, matched ignoring case and all whitespace (`본문 바로가기` also
  matches `본문바로가기`). A leading `^` anchors it at the start of the line, a trailing `$`
  at the end; both make it match the whole line. Anchored patterns ignore bullets,
  brackets and quotes at the edges of the line (`◀ 이전기사`, `[관련기사]`). No other
  character is special (there is no other regex syntax), so no pattern can be slow. For
  scope `element` the pattern is one word of an HTML `class`/`id` attribute (split on
  non-alphanumerics, compared whole); for the label scopes it is a label word.
- `kind`: `navigation`, `next_article`, `comment_policy`, `footer`, `byline`, `share`,
  `banner`, or `metadata` (the labels of a page's metadata block).
- `scope`:
  - `line`: drop the matching line, if it is short enough for its kind (80 characters
    for navigation and share, 150 for bylines, 200 for banners and next-article lines,
    400 for footers and comment policies); longer lines are article text.
  - `block_start`: the line starts the page's tail; it and everything after it is
    dropped, but only after the article has begun and when more article text precedes
    the line than follows it. Otherwise a comment-policy heading drops itself and the
    list of rules after it, any other marker only its own line.
  - `element`: drop an HTML element whose class or id holds the word.
  - `label`, `title_label`, `publisher_label`, `date_label`, `counter_label` (kind `metadata`
    only): a label of the metadata block around a dateline (`수정`, `제목`, `출처`, `입력`,
    `조회`). A line starting with it, or the bare label and the value line after it, is
    metadata; the value of a `title_label` is the title, of a `publisher_label` the
    publisher. A `date_label` names the publication date (`입력`, `기사승인`, `송고`, `Write`)
    and is trusted wherever it stands; a `counter_label` is a view counter, whose number
    belongs to it.
- `source`: where the convention is observed, or `korex`.

The dateline is the first short line that holds one full date and at most a publisher name
or metadata labels besides (`2024.06.28 외교부`, `입력 2024-06-28 14:00`, `발표일자
2023-07-13 장소 폴란드`, `15:42, October 09, 2021`), among the first 60 lines or, below a
long site banner, anywhere before the article's first prose; and only if it comes before
the article's text. A date with weather beside it is the site's clock, not a dateline; a bare
date above the title gives way to a dateline between the title and the article (an archived
page shows the day it was archived above both); of several labelled dates the earliest is
the publication (`입력` before `수정`). The title is the value of a `제목` label, else the
nearest title-like line before the dateline. Everything before the title is page header;
title, dateline and the labels around them are metadata: none of it is body text.

A page without such a header may still state its date where a reader finds it, and the loader
looks there in this order: front matter flattened into the first line (` date 2025-11-19 …`),
a date beside a `date_label` anywhere (`입력` on its own line with the date below it at the
page's end, `2019/03/02 10:00 송고` in a copyright line), a wire head (`광주--(뉴스와이어)
2016년 03월 02일 --`), a timestamp to the second, a line holding a date and a view counter,
a photo caption ending in a date and an e-mail address whose day the lead reports, a date
closing the text above only a place or a signature (`2025년 2월 11일` / `평양`), a two-digit
date opening the title (`[국방뉴스]17.09.11 …`), and a numeric date near the start of a page
flattened into one long line. Dates inside the article's sentences are never promoted.

Besides the markers, code signals drop short lines that carry an e-mail address or a phone
number (contact lines), lines that are only a link, lines made only of share or menu words
(`페이스북 트위터 카카오톡`), and short unmarked lines caught between dropped lines.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import json
import os
import re
import stat
import warnings as pywarnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from extractor.dates import month_names
from extractor.errors import (
    BinaryInputError,
    EmptyInputError,
    GazetteerError,
    InputError,
    InputTooLargeError,
    InvalidJSONError,
    MissingTextError,
    UnreadableInputError,
    UnsupportedFormatError,
)

__all__ = [
    "MAX_BYTES",
    "LoadedText",
    "boilerplate_rules",
    "decode_bytes",
    "display_path",
    "load_file",
    "load_records",
    "open_regular",
    "read_file",
    "read_text",
]


@dataclass(frozen=True)
class LoadedText:
    """One document as read: the clean body the extractor analyses, and its metadata."""

    text: str
    title: str | None = None
    doc_date: str | None = None
    source: str | None = None
    publisher: str | None = None
    id: str | None = None
    warnings: tuple[str, ...] = ()
    summary: str | None = None
    dateline: str | None = None  # `doc_date` as the page writes it, where that is not part of `text`


# --------------------------------------------------------------------------- rules (data)

KINDS = frozenset(
    {"navigation", "next_article", "comment_policy", "footer", "byline", "share", "banner", "metadata"}
)
_LABEL_SCOPES = frozenset({"label", "title_label", "publisher_label", "date_label", "counter_label"})
SCOPES = frozenset({"line", "block_start", "element"}) | _LABEL_SCOPES
_COLUMNS = ("id", "pattern", "kind", "scope", "source")
# Longest line (stripped) a marker of each kind may drop: longer lines are article text.
_KIND_MAX_LEN = {
    "navigation": 80,
    "share": 80,
    "byline": 150,
    "banner": 200,
    "next_article": 200,
    "footer": 400,
    "comment_policy": 400,
}
_MAX_MARKED_LINE = max(_KIND_MAX_LEN.values())
_KIND_NAMES = {"next_article": "next article", "comment_policy": "comment policy"}

_PACKAGED_DIR = Path(__file__).resolve().parent / "gazetteers"
_SOURCE_DIR = Path(__file__).resolve().parent.parent / "gazetteers"


@dataclass(frozen=True)
class Rule:
    """One row of `boilerplate.csv`."""

    id: str
    pattern: str
    kind: str
    scope: str
    source: str


_EDGE = "◀▶◁▷<>[](){}【】〔〕「」『』《》〈〉|·•∙-–—※*#:：,.…→←▲▼△▽○●□■◇◆\"'“”‘’"


def _norm(text: str) -> str:
    """Whitespace-free, case-folded form used to compare lines with markers."""
    return "".join(text.split()).casefold()


@dataclass
class _Matcher:
    """Literal markers (optionally anchored) looked up by dict or one literal alternation."""

    exact: dict[str, Rule] = field(default_factory=dict)
    prefix: dict[int, dict[str, Rule]] = field(default_factory=dict)
    suffix: dict[int, dict[str, Rule]] = field(default_factory=dict)
    contains: dict[str, Rule] = field(default_factory=dict)
    _regex: re.Pattern[str] | None = None

    def add(self, rule: Rule) -> None:
        """Index one rule by its anchoring."""
        pat = rule.pattern
        start, end = pat.startswith("^"), pat.endswith("$") and len(pat) > 1
        body = _norm(pat[1 if start else 0 : len(pat) - 1 if end else len(pat)])
        body = body.strip(_EDGE) if start or end else body
        if start and end:
            self.exact.setdefault(body, rule)
        elif start:
            self.prefix.setdefault(len(body), {}).setdefault(body, rule)
        elif end:
            self.suffix.setdefault(len(body), {}).setdefault(body, rule)
        else:
            self.contains.setdefault(body, rule)

    def compile(self) -> None:
        """Build the alternation of the unanchored literals (longest first)."""
        if self.contains:
            alts = sorted(self.contains, key=len, reverse=True)
            self._regex = re.compile("|".join(re.escape(a) for a in alts))

    def match(self, norm: str) -> Rule | None:
        """The rule a normalised line matches, or None (anchors ignore bullets and brackets at the edges)."""
        found = self._regex.search(norm) if self._regex is not None else None
        if found is not None:
            return self.contains[found.group()]
        norm = norm.strip(_EDGE)
        rule = self.exact.get(norm)
        if rule is not None:
            return rule
        size = len(norm)
        for length, table in self.prefix.items():
            if size >= length:
                rule = table.get(norm[:length])
                if rule is not None:
                    return rule
        for length, table in self.suffix.items():
            if size >= length:
                rule = table.get(norm[-length:])
                if rule is not None:
                    return rule
        return None


@dataclass
class _Rules:
    """The boilerplate rules, indexed for the loader."""

    rules: tuple[Rule, ...]
    markers: _Matcher
    tokens: dict[str, Rule]  # whole-line share/navigation words, for lines made only of them
    elements: dict[str, Rule]
    labels: dict[str, Rule]
    date_before: re.Pattern[str]  # a `date_label` ending just before a date (`입력 `, `송고시간`)
    date_after: re.Pattern[str]  # a `date_label` just after a date and its time (` 10:00 송고`)


def _rules_path() -> Path:
    folder = _PACKAGED_DIR if _PACKAGED_DIR.is_dir() else _SOURCE_DIR
    return folder / "boilerplate.csv"


def _read_rules(path: Path) -> tuple[Rule, ...]:
    """Read and validate a boilerplate file; raise `GazetteerError` at the first bad row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header) != _COLUMNS:
                raise GazetteerError(f"{path}:1: header must be {','.join(_COLUMNS)}", path=path, line=1)
            rules: list[Rule] = []
            seen: set[str] = set()
            for row in reader:
                line = reader.line_num
                if not row or all(not cell.strip() for cell in row):
                    continue
                if len(row) != len(_COLUMNS):
                    raise GazetteerError(
                        f"{path}:{line}: expected {len(_COLUMNS)} cells, found {len(row)}",
                        path=path,
                        line=line,
                    )
                rule = Rule(*(cell.strip() for cell in row))
                problem = _rule_problem(rule, seen)
                if problem:
                    raise GazetteerError(f"{path}:{line}: {problem}", path=path, line=line)
                seen.add(rule.id)
                rules.append(rule)
    except OSError as exc:
        raise GazetteerError(
            f"{path}: cannot read the boilerplate rules ({exc.strerror})", path=path
        ) from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason})", path=path) from exc
    except csv.Error as exc:
        raise GazetteerError(f"{path}: malformed CSV ({exc})", path=path) from exc
    return tuple(rules)


def _rule_problem(rule: Rule, seen: set[str]) -> str | None:
    if not re.fullmatch(r"[a-z]+:[a-z0-9][a-z0-9._-]*", rule.id):
        return f"bad id {rule.id!r}"
    if rule.id in seen:
        return f"duplicate id {rule.id!r}"
    if rule.kind not in KINDS:
        return f"unknown kind {rule.kind!r} (one of {', '.join(sorted(KINDS))})"
    if rule.scope not in SCOPES:
        return f"unknown scope {rule.scope!r} (one of {', '.join(sorted(SCOPES))})"
    if (rule.kind == "metadata") != (rule.scope in _LABEL_SCOPES):
        return "label scopes go with kind metadata, and only with it"
    if not _norm(rule.pattern.strip("^$")):
        return "empty pattern"
    if not rule.source:
        return "empty source"
    return None


@functools.lru_cache(maxsize=1)
def _load_rules() -> _Rules:
    rules = _read_rules(_rules_path())
    markers = _Matcher()
    tokens: dict[str, Rule] = {}
    elements: dict[str, Rule] = {}
    labels: dict[str, Rule] = {}
    for rule in sorted(rules, key=lambda r: r.scope != "block_start"):
        if rule.scope == "element":
            elements.setdefault(rule.pattern.strip().lower(), rule)
        elif rule.scope in _LABEL_SCOPES:
            labels.setdefault(_norm(rule.pattern), rule)
        else:
            markers.add(rule)
            pat = rule.pattern
            if rule.kind in ("share", "navigation") and pat.startswith("^") and pat.endswith("$"):
                tokens.setdefault(_norm(pat[1:-1]), rule)
    markers.compile()
    words = sorted({r.pattern for r in rules if r.scope == "date_label"}, key=len, reverse=True)
    alternation = "|".join(r"\s?".join(map(re.escape, word.split())) for word in words) or "(?!)"
    date_before = re.compile(rf"(?<![A-Za-z가-힣])(?:{alternation})\s{{0,3}}[:：]?\s{{0,3}}\Z", re.I)
    date_after = re.compile(
        rf"\s{{0,3}}(?:(?:오전|오후)\s?)?(?:\d{{1,2}}:\d\d(?::\d\d)?\s{{0,3}})?(?:{alternation})(?![A-Za-z가-힣])",
        re.I,
    )
    return _Rules(rules, markers, tokens, elements, labels, date_before, date_after)


def boilerplate_rules() -> tuple[Rule, ...]:
    """The rows of `gazetteers/boilerplate.csv`, validated, read once per process."""
    return _load_rules().rules


# --------------------------------------------------------------------------- decoding

_HANGUL = re.compile("[\uac00-\ud7a3]")
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
_BINARY_MAGIC: tuple[tuple[bytes, str, type[InputError]], ...] = (
    (b"%PDF-", "a PDF document", UnsupportedFormatError),
    (b"PK\x03\x04", "a ZIP archive (DOCX, HWPX, XLSX, ...)", UnsupportedFormatError),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (HWP, DOC, XLS)", UnsupportedFormatError),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", BinaryInputError),
    (b"\xff\xd8\xff", "a JPEG image", BinaryInputError),
    (b"GIF87a", "a GIF image", BinaryInputError),
    (b"GIF89a", "a GIF image", BinaryInputError),
    (b"\x1f\x8b", "gzip-compressed data", BinaryInputError),
    (b"\x7fELF", "an executable", BinaryInputError),
)


def _korean_share(text: str) -> float:
    """Share of Hangul syllables among the non-ASCII characters of a sample of `text`."""
    sample = text[:100_000]
    non_ascii = sum(1 for ch in sample if ch > "\x7f")
    if not non_ascii:
        return 1.0
    return len(_HANGUL.findall(sample)) / non_ascii


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes; returns (text, encoding, warnings). Never raises on bad bytes."""
    notes: list[str] = []
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, notes
            except UnicodeDecodeError:
                text = data.decode(enc, errors="replace")
                bad = text.count("\ufffd")
                return text, enc, [f"{bad} undecodable byte sequence(s) replaced by U+FFFD ({enc})"]
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    for enc in ("euc-kr", "cp949"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _korean_share(text) >= 0.5:
            return text, enc, notes
    limit = max(1, len(data) // 200)
    for enc in ("utf-8", "cp949"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if bad <= limit and (enc == "utf-8" or _korean_share(text) >= 0.5):
            return text, enc, [f"{bad} undecodable byte sequence(s) replaced by U+FFFD ({enc})"]
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # a detector failure must not stop reading
        best = None
    if best is not None and best.encoding:
        text = str(best)
        return text, best.encoding, [f"encoding not UTF-8 nor CP949; detected as {best.encoding}"]
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text, "utf-8", [f"{bad} undecodable byte sequence(s) replaced by U+FFFD (utf-8)"]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a document's bytes: BOM, strict UTF-8, then EUC-KR/CP949, then detection.

    Returns (text, encoding name). Undecodable bytes never abort: they become U+FFFD and a
    `UnicodeWarning` says how many.
    """
    text, encoding, notes = _decode(bytes(data))
    for note in notes:
        pywarnings.warn(note, UnicodeWarning, stacklevel=2)
    return text, encoding


# --------------------------------------------------------------------------- dates

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s{0,3}(?:[./-]|년)\s{0,3}(\d{1,2})\s{0,3}(?:[./-]|월)\s{0,3}(\d{1,2})(?!\d)"
    r"(?:\s{0,3}(?:일|\.))?"
)
_COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d\d(?::\d\d)?(?!\d)|(?<!\d)\d{1,2}시(?:\s{0,2}\d{1,2}분)?")
_WEEKDAY = re.compile(r"[(（]\s{0,2}[월화수목금토일](?:요일)?\s{0,2}[)）]")
_SEPARATORS = re.compile(r"[\s\-–—|·•:,\[\]()<>/~=]+")
_COUNT = re.compile(r"[\d,.]+")
_DIGIT = re.compile(r"\d")
_TIME_WORDS = frozenset({"오전", "오후", "am", "pm", "kst"})
_PLACE_PARTICLES = ("에서", "에서는", "으로", "에")
_MAX_DATELINE = 80
_FRONT_MATTER_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "doc_date")
_TEMPERATURE = re.compile(r"\d\s?(?:℃|°C)")  # a weather widget: the date beside it is the site's clock
_WEATHER_MAX = 40  # a line this short with a temperature is a weather widget's


def _valid_date(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _date_in(value: object) -> str | None:
    """The first YYYY-MM-DD date in a metadata value (str, date or datetime)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    text = str(value)[:100]
    for regex in (_DATE, _COMPACT_DATE):
        for found in regex.finditer(text):
            date = _valid_date(*found.groups()[:3])
            if date:
                return date
    return None


@functools.lru_cache(maxsize=1)
def _english_date() -> re.Pattern[str]:
    """`October 09, 2021` and `9 Oct. 2021`, with the month names of `gazetteers/date_words.csv`."""
    names = "|".join(re.escape(name) for name in sorted(month_names(), key=len, reverse=True))
    return re.compile(
        rf"(?<![A-Za-z])(?i:(?P<mon>{names}))\.?\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y>(?:19|20)\d\d)(?!\d)"
        rf"|(?<![\d.])(?P<d2>\d{{1,2}})\s(?i:(?P<mon2>{names}))\.?,?\s(?P<y2>(?:19|20)\d\d)(?!\d)"
    )


@dataclass(frozen=True)
class _Found:
    """A full date in a line: where it is written and the day it names."""

    start: int
    end: int
    date: str


def _full_dates(line: str) -> list[_Found]:
    """Every valid full date in `line` (`2024.06.28`, `2024년 6월 28일`, `October 9, 2021`), in order."""
    if not _DIGIT.search(line):
        return []
    found = [
        _Found(m.start(), m.end(), day) for m in _DATE.finditer(line) if (day := _valid_date(*m.groups()[:3]))
    ]
    months = month_names()
    for m in _english_date().finditer(line):
        name = (m["mon"] or m["mon2"]).casefold()
        day = _valid_date(m["y"] or m["y2"], str(months[name]), m["d"] or m["d2"])
        if day:
            found.append(_Found(m.start(), m.end(), day))
    return sorted(found, key=lambda f: f.start)


@dataclass
class _Dateline:
    date: str
    publisher: str | None
    text: str  # the date as the line writes it
    labelled: bool  # the line holds a metadata label (`입력`, `수정`, `조회`)
    timed: bool  # the line holds a time of day
    counted: bool  # the line holds a view counter

    @property
    def bare(self) -> bool:
        """Whether the line holds the date alone: no label, time or publisher."""
        return not (self.labelled or self.timed or self.publisher)


def _parse_dateline(line: str, labels: dict[str, Rule]) -> _Dateline | None:
    """A line that is a dateline (`2024.06.28 외교부`, `입력 2024-06-28 14:00`), or None."""
    if len(line) > _MAX_DATELINE:
        return None
    dates = _full_dates(line)
    if not dates:
        return None
    rest = line
    for found in reversed(dates):
        rest = rest[: found.start] + " " + rest[found.end :]
    timed = _TIME.search(rest) is not None
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", rest))
    tokens = [t for t in _SEPARATORS.split(rest) if t]
    name: list[str] = []
    labelled = after_label = counted = count_follows = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        pair = _norm(token + tokens[i + 1]) if i + 1 < len(tokens) else ""
        if pair and pair in labels:
            rule, i = labels[pair], i + 2
        elif _norm(token) in labels:
            rule, i = labels[_norm(token)], i + 1
        else:
            rule = None
            i += 1
        if rule is not None:
            labelled = True
            count_follows = rule.scope == "counter_label"
            counted = counted or count_follows
            # a label after the date (장소, 조회) takes the rest of the line as its value
            after_label = after_label or line.find(token) > dates[0].start
            continue
        if count_follows and _COUNT.fullmatch(token):
            continue  # the number of a view counter (`조회 1,204`)
        count_follows = False
        if token.casefold() in _TIME_WORDS:
            continue
        if not after_label:
            name.append(token)
    if len(dates) > 1 and not labelled:
        return None  # a period (2024.06.28 ~ 2024.07.05), not a dateline
    if any(ch.isdigit() for t in name for ch in t):
        return None
    if name and name[0] == "대한민국" and len(name) > 1:
        name = name[1:]
    publisher = " ".join(name) or None
    if publisher and (len(name) > 3 or len(publisher) > 20 or _ends_sentence(publisher)):
        return None
    if publisher and publisher.endswith(_PLACE_PARTICLES):
        publisher = None  # `2024년 6월 28일 서울에서`: a place, not who published
    first = min(dates, key=lambda f: f.date)  # of `입력 …` and `수정 …`, the first publication
    written = line[first.start : first.end].strip()
    return _Dateline(first.date, publisher, written, labelled, timed, counted)


# --------------------------------------------------------------------------- line cleaning

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:0\d{1,2}|1\d{3})[-.)\s]\s?\d{3,4}[-.\s]\d{4}(?!\d)")
_LIST_ITEM = re.compile(r"\s{0,8}(?:[•·∙○●◦▪■□▶▷\-*]\s{0,3})?(?:\d{1,3}[.)]|[①-⑳]|\(\d{1,3}\))")
_TOKEN_SPLIT = re.compile(r"[\s|/·,]+")
_LETTER = re.compile(r"[^\W\d_]|[©ⓒ]")
_SENTENCE_END = ("다", "요", "죠", "음", "함", "임", "됨", "니다")
_SENTENCE_INSIDE = re.compile(r"[다요]\.(?!\d)")  # a sentence ending inside a line
_PROSE_MIN = 40  # a line of at least this many characters, not boilerplate, is article text
_HEADER_LINES = 60  # a dateline is looked for among the first non-blank lines only
_HEADER_WINDOW = 8  # lines before a dateline searched for the title and labels
_DENSITY_MAX = 40  # unmarked lines between dropped lines are dropped when this short
_DENSITY_RUN = 5


def _ends_sentence(text: str) -> bool:
    return text.rstrip(" .!?\"'”’」』)").endswith(_SENTENCE_END)


def _is_url_token(token: str) -> bool:
    low = token.lower()
    return "http://" in low or "https://" in low or low.startswith("www.")


def _classify(line: str, rules: _Rules) -> Rule | str | None:
    """What kind of boilerplate a stripped, non-blank line is: a Rule, a code-signal kind, or None."""
    size = len(line)
    if size > _MAX_MARKED_LINE:
        return None
    norm = _norm(line)
    if _LETTER.search(norm) is None:  # no letters: only a phone line can be boilerplate
        return "byline" if size <= 150 and _PHONE.search(line) else None
    rule = rules.markers.match(norm)
    if rule is not None and size <= _KIND_MAX_LEN[rule.kind]:
        # a byline marker on a sentence (`문의 사항은 ...로 연락 바랍니다.`) is article text, and so
        # is a photo caption whose sentence ends before a footer sign (`… 있다. ⓒ 연합뉴스`)
        sentence = (rule.kind == "byline" and _ends_sentence(line)) or (
            rule.kind == "footer" and _after_sentence(norm, rule)
        )
        if not sentence:
            return rule
    if size > 150:
        return None
    if size <= _KIND_MAX_LEN["share"]:  # a line made only of share or menu words
        tokens = [t for t in _TOKEN_SPLIT.split(line) if t]
        if len(tokens) > 1 and all(_norm(t) in rules.tokens for t in tokens):
            return rules.tokens[_norm(tokens[0])]
    if (":" in line or "www." in line) and size <= 120:  # a link, with at most a few words
        parts = line.replace(",", " ").split()
        words = [t for t in parts if not _is_url_token(t)]
        if len(words) < len(parts) and len(words) <= 4 and not _ends_sentence(" ".join(words)):
            return "navigation"
    if size <= _WEATHER_MAX and _TEMPERATURE.search(line):
        return "banner"  # a weather widget (`흐림 서울 3.2℃`)
    if _ends_sentence(line) or _SENTENCE_INSIDE.search(line):
        return None  # a sentence, or a photo caption ending in its date and an address
    if ("@" in line and _EMAIL.search(line)) or _PHONE.search(line):
        return "byline"
    return None


def _after_sentence(norm: str, rule: Rule) -> bool:
    """Whether a sentence ends in the normalised line before the rule's marker."""
    at = norm.find(_norm(rule.pattern.strip("^$")).strip(_EDGE))
    return at > 0 and _SENTENCE_INSIDE.search(norm, 0, at) is not None


_UNSEEN: Any = object()


def _kind(mark: Rule | str) -> str:
    return mark.kind if isinstance(mark, Rule) else mark


def _label_of(line: str, rules: _Rules) -> tuple[Rule, str] | None:
    """(label rule, value) when a stripped line starts with a metadata label, else None."""
    if len(line) > 200:
        return None
    head = line.split(None, 1)
    if not head:
        return None
    first = head[0]
    for sep in (":", "："):
        if sep in first:
            first = first.split(sep, 1)[0]
    rule = rules.labels.get(_norm(first))
    if rule is None:
        return None
    value = line[len(line) - len(line.lstrip()) :]
    value = value[value.find(first) + len(first) :].lstrip(" :：\t")
    return rule, value


def _title_like(line: str) -> bool:
    letters = sum(1 for ch in line[:200] if ch.isalpha())
    return len(line) >= 6 and letters >= 4


@dataclass
class _Header:
    start: int  # first metadata line (the title, else the dateline)
    end: int  # last metadata line
    date: str
    date_text: str  # the date as the dateline writes it
    bare: bool  # the dateline holds the date alone
    title: str | None
    publisher: str | None
    meta: set[int]


def _find_header(stripped: list[str], marks: list[Rule | str | None], rules: _Rules) -> _Header | None:
    """The title + dateline block at the top of a page, if the page has one: among the first lines,
    or further down below a long site banner, as long as no article text came before it."""
    upto = [0]  # upto[i]: article-like characters in the lines before line i
    for i, s in enumerate(stripped):
        upto.append(upto[-1] + (len(s) if len(s) >= _PROSE_MIN and marks[i] is None else 0))
    seen = 0
    for d, line in enumerate(stripped):
        if not line:
            continue
        seen += 1
        if seen > _HEADER_LINES and upto[d]:
            return None
        header = _header_if_dateline(d, stripped, marks, rules, upto)
        if header is None:
            continue
        if header.bare:
            later = _dateline_below(header, stripped, marks, rules, upto)
            if later is not None:
                return later
        return header
    return None


def _header_if_dateline(
    d: int, stripped: list[str], marks: list[Rule | str | None], rules: _Rules, upto: list[int]
) -> _Header | None:
    """The header around line `d` if that line is a dateline before the article's text."""
    line = stripped[d]
    if marks[d] is not None or len(line) > _MAX_DATELINE:
        return None
    found = _parse_dateline(line, rules.labels)
    if found is None:
        return None
    header = _header_at(d, found, stripped, marks, rules)
    lead = upto[header.start]
    tail = upto[-1] - upto[header.end + 1]
    return header if lead == 0 or tail >= 2 * lead else None  # else the "dateline" sits inside the article


def _mark_site_clock(stripped: list[str], marks: list[Rule | str | None], rules: _Rules) -> None:
    """Mark as banner a date heading a weather widget near the top of a page: the site's clock,
    the day the page was viewed, is no dateline and no date of the article."""
    seen = 0
    for d, line in enumerate(stripped):
        if not line:
            continue
        seen += 1
        if seen > _HEADER_LINES:
            return
        if marks[d] is None and len(line) <= _MAX_DATELINE and _parse_dateline(line, rules.labels):
            near = [other for other in stripped[d : d + 4] if other][:3]
            if any(_TEMPERATURE.search(other) for other in near):
                marks[d] = "banner"


def _dateline_below(
    header: _Header, stripped: list[str], marks: list[Rule | str | None], rules: _Rules, upto: list[int]
) -> _Header | None:
    """A dateline between a bare date's header and the article's first prose: an archived page shows
    the day it was archived above the title, and the article's own dateline below it."""
    for i in range(header.end + 1, len(stripped)):
        line = stripped[i]
        if len(line) >= _PROSE_MIN and marks[i] is None:
            return None
        if line:
            found = _header_if_dateline(i, stripped, marks, rules, upto)
            if found is not None:
                return found
    return None


def _header_at(
    d: int, found: _Dateline, stripped: list[str], marks: list[Rule | str | None], rules: _Rules
) -> _Header:
    meta = {d}
    title: str | None = None
    title_at: int | None = None
    publisher = found.publisher
    # labels and their values just before the dateline
    window = [i for i in range(max(0, d - 3 * _HEADER_WINDOW), d) if stripped[i]][-_HEADER_WINDOW:]
    k = 0
    while k < len(window):
        i = window[k]
        label = _label_of(stripped[i], rules)
        if label is not None and marks[i] is None:
            rule, value = label
            meta.add(i)
            if not value and k + 1 < len(window):  # a bare label: the next line is its value
                k += 1
                meta.add(window[k])
                value = stripped[window[k]] if window[k] != d else ""
            if rule.scope == "title_label" and value:
                title, title_at = value, i
            elif rule.scope == "publisher_label" and value and not publisher and len(value) <= 30:
                publisher = value
        k += 1
    if title is None:
        for i in reversed(window):
            if i not in meta and marks[i] is None and _title_like(stripped[i]):
                title, title_at = stripped[i], i
                break
    start = title_at if title_at is not None else min(meta)
    # labels, counters and page tools right after the dateline
    end, count, i = d, 0, d + 1
    while i < len(stripped) and count < 6:
        line = stripped[i]
        if not line:
            i += 1
            continue
        label = _label_of(line, rules)
        if label is not None and marks[i] is None:
            meta.add(i)
            end = i
            if not label[1]:
                j = i + 1
                while j < len(stripped) and not stripped[j]:
                    j += 1
                if j < len(stripped) and len(stripped[j]) <= 200:
                    meta.add(j)
                    end = i = j
        elif marks[i] is not None and _kind(marks[i]) in ("navigation", "share"):
            end = i
        else:
            break
        count += 1
        i += 1
    # of several labelled dates in the block (`입력 …`, `수정 …`), the first publication
    dated = [_parse_dateline(stripped[i], rules.labels) for i in sorted(meta) if i != d]
    first = min([found, *(x for x in dated if x is not None)], key=lambda x: x.date)
    return _Header(start, end, first.date, first.text, found.bare, title, publisher, meta)


# --------------------------------------------------------------------------- the date elsewhere on a page

_INLINE_FRONT_MATTER = re.compile(
    rf"(?i:{'|'.join(_FRONT_MATTER_DATE_KEYS)})(?![A-Za-z_])\s{{0,3}}[:：]?\s{{0,3}}(?=\d)"
)
_WIRE_HEAD = re.compile(r"[^\s\-(]{1,20}\s{0,2}-{2}\s{0,2}\([^()\n]{1,20}\)\s{0,2}(?:-{2})?\s{0,2}(?=\d)")
_SECONDS = re.compile(r"\s{0,3}\d{1,2}:\d\d:\d\d(?!\d)")
_CAPTION_END = re.compile(
    r"(?:/\s{0,2}[^\s/@|]{1,20})?\s{0,2}(?P<mail>[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})?\s{0,2}\|?\s{0,2}$"
)
_LEAD_DAY = re.compile(r"(?<![\d.])(\d{1,2})(?=\s?(?:일|[~∼\-–]\s?\d{1,2}\s?일))")
_TITLE_DATE = re.compile(r"(?:\[[^\]\n]{1,20}\]\s?)?(\d{2})\.(\d{2})\.(\d{2})(?=\s|$)")
_NUMERIC_DATE = re.compile(r"(?<![\d.])((?:19|20)\d\d)([-.])(\d\d)\2(\d\d)(?![\d.])")
_LABEL_BLOCK = 4  # lines after the first labelled date that may hold the block's other dates
_CLOSING_LINES = 3  # a closing dateline stands among the text's last lines
_CLOSING_NAME_MAX = 20  # after it, only a place or a signature this short
_LEAD_LINES = 12  # lines searched for the lead a caption's date must agree with
_FLAT_MIN = 300  # a first line this long is a page flattened into one line
_FLAT_HEAD = 200  # the part of it searched for the page's date


def _body_date(stripped: list[str], marks: list[Rule | str | None], rules: _Rules) -> str | None:
    """The publication date of a page without a header dateline, where else the page states it."""
    lines = [(i, line) for i, line in enumerate(stripped) if line]
    if not lines:
        return None
    return (
        _inline_front_matter(lines[0][1])
        or _labelled_date(stripped, rules)
        or _wire_head(lines)
        or _timestamp(lines, marks)
        or _counter_line(lines, marks, rules)
        or _caption_date(lines, marks)
        or _closing_dateline(lines, marks, rules)
        or _title_date(lines, marks)
        or _flattened_header(lines[0][1])
    )


def _inline_front_matter(first: str) -> str | None:
    """` date 2025-11-19 ▲ …`: front matter a scraper flattened into the text's first line."""
    key = _INLINE_FRONT_MATTER.match(first)
    found = _DATE.match(first, key.end()) if key else None
    return _valid_date(*found.groups()[:3]) if found else None


def _labelled_date(stripped: list[str], rules: _Rules) -> str | None:
    """A date written beside a `date_label` anywhere on the page (`송고시간2019-12-16`, `2019/03/02
    10:00 송고`), or below a `date_label` standing alone on the line above (`입력`): the earliest in
    the first block of lines that has one (`승인 …` / `입력 …`), not a related article's further down."""
    best: str | None = None
    block_end = len(stripped)
    previous = ""
    for i, line in enumerate(stripped):
        if i > block_end:
            break
        if not line:
            continue
        for found in _full_dates(line):
            before = line[max(0, found.start - 16) : found.start]
            labelled = rules.date_before.search(before) or rules.date_after.match(line, found.end)
            if labelled or (found.start == 0 and _is_date_label(previous, rules)):
                best = found.date if best is None else min(best, found.date)
                block_end = min(block_end, i + _LABEL_BLOCK)
        previous = line
    return best


def _is_date_label(line: str, rules: _Rules) -> bool:
    label = _label_of(line, rules)
    return label is not None and not label[1] and label[0].scope == "date_label"


def _wire_head(lines: list[tuple[int, str]]) -> str | None:
    """`광주--(뉴스와이어) 2016년 03월 02일 --`: the head of a press-wire release."""
    for _, line in lines[:_HEADER_WINDOW]:
        head = _WIRE_HEAD.match(line)
        found = _DATE.match(line, head.end()) if head else None
        if found and line[found.end() :].lstrip().startswith("-"):
            return _valid_date(*found.groups()[:3])
    return None


def _timestamp(lines: list[tuple[int, str]], marks: list[Rule | str | None]) -> str | None:
    """A date with a time to the second on a line that is no sentence (`…방일2023-09-14 20:00:44`)."""
    for i, line in lines:
        if marks[i] is not None or len(line) > 200 or _ends_sentence(line):
            continue
        for found in _full_dates(line):
            if _SECONDS.match(line, found.end):
                return found.date
    return None


def _counter_line(lines: list[tuple[int, str]], marks: list[Rule | str | None], rules: _Rules) -> str | None:
    """A line holding a date and a view counter (`2019.03.02 | 조회 1,204`)."""
    for i, line in lines:
        if marks[i] is None and len(line) <= _MAX_DATELINE:
            found = _parse_dateline(line, rules.labels)
            if found is not None and found.counted:
                return found.date
    return None


def _caption_date(lines: list[tuple[int, str]], marks: list[Rule | str | None]) -> str | None:
    """A photo caption ending in a date and an e-mail address (`… 2023.10.25 photo@…`, or the address
    on the next line), when the lead reports that day: a file photo's date is no publication date."""
    lead_days = _lead_days(lines, marks)
    for k, (_, line) in enumerate(lines):
        tail = line[-120:]
        for found in reversed(_full_dates(tail)):
            end = _CAPTION_END.match(tail, found.end)
            if end is None:
                continue
            mailed = end["mail"] or (k + 1 < len(lines) and _EMAIL.fullmatch(lines[k + 1][1]))
            if mailed and int(found.date[8:]) in lead_days:
                return found.date
            break
    return None


def _lead_days(lines: list[tuple[int, str]], marks: list[Rule | str | None]) -> set[int]:
    """The days of the month (`25일`, `28~29일`) that the first line reporting any names."""
    for i, line in lines[:_LEAD_LINES]:
        if marks[i] is None:
            days = {int(day) for day in _LEAD_DAY.findall(line)}
            if days:
                return days
    return set()


def _closing_dateline(
    lines: list[tuple[int, str]], marks: list[Rule | str | None], rules: _Rules
) -> str | None:
    """A date closing the text, above at most a place or a signature (`2025년 2월 11일` / `평양`)."""
    kept = [(i, line) for i, line in lines if marks[i] is None]
    for k in range(len(kept) - 1, max(-1, len(kept) - 1 - _CLOSING_LINES), -1):
        found = _parse_dateline(kept[k][1], rules.labels)
        if found is None or found.labelled or found.timed:
            continue  # a label or a clock time (`수정 … 10:30`) makes a page's metadata, not a signature
        after = [line for _, line in kept[k + 1 :]]
        signed = all(len(line) <= _CLOSING_NAME_MAX and not _DIGIT.search(line) for line in after)
        prose = any(len(line) >= _PROSE_MIN for _, line in kept[:k])
        return found.date if signed and prose else None
    return None


def _title_date(lines: list[tuple[int, str]], marks: list[Rule | str | None]) -> str | None:
    """`[국방뉴스]17.09.11 …`: a two-digit date opening a title above the article."""
    for i, line in lines[:_HEADER_WINDOW]:
        if len(line) >= _PROSE_MIN and marks[i] is None:
            return None
        found = _TITLE_DATE.match(line)
        if found:
            yy, mm, dd = found.groups()
            century = 2000 if int(yy) <= dt.date.today().year % 100 + 1 else 1900
            return _valid_date(str(century + int(yy)), mm, dd)
    return None


def _flattened_header(first: str) -> str | None:
    """A page flattened into one long line: a numeric date near its start, before any sentence ends
    (`… 자기모순” Reporter 2023-07-18 …`)."""
    if len(first) < _FLAT_MIN:
        return None
    head = first[:_FLAT_HEAD]
    for found in _NUMERIC_DATE.finditer(head):
        if _SENTENCE_INSIDE.search(head, 0, found.start()):
            return None
        if head[found.end() : found.end() + 1] in (" ", ""):
            return _valid_date(found.group(1), found.group(3), found.group(4))
    return None


@dataclass
class _Cleaned:
    text: str
    title: str | None = None
    doc_date: str | None = None
    dateline: str | None = None  # the date as the page writes it, when it was taken out of the text
    publisher: str | None = None
    warnings: list[str] = field(default_factory=list)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _clean(text: str, *, changed: bool = False) -> _Cleaned:
    """Drop page boilerplate and the title/dateline block; return the body and what was found.

    When nothing is dropped and `changed` is false, the text is returned as it is.
    """
    rules = _load_rules()
    lines = text.split("\n")
    stripped = [ln.strip() for ln in lines]
    seen: dict[str, Rule | str | None] = {}  # pages repeat lines; classify each once
    marks: list[Rule | str | None] = []
    for s in stripped:
        if not s:
            marks.append(None)
            continue
        mark = seen.get(s, _UNSEEN)
        if mark is _UNSEEN:
            mark = seen[s] = _classify(s, rules)
        marks.append(mark)
    _mark_site_clock(stripped, marks, rules)
    n = len(lines)
    drop: list[str | None] = [None] * n  # why a line is dropped: a kind, "header" or "meta"
    out = _Cleaned(text)

    header = _find_header(stripped, marks, rules)
    if header is None:
        out.doc_date = _body_date(stripped, marks, rules)
    body_start = 0
    if header is not None:
        out.doc_date, out.title, out.publisher = header.date, header.title, header.publisher
        out.dateline = header.date_text
        for i in range(header.start):
            drop[i] = "header"
        for i in range(header.start, header.end + 1):
            drop[i] = "meta"
        body_start = header.end + 1
        if header.title:  # the title repeated as the body's first line
            j = body_start
            while j < n and not stripped[j]:
                j += 1
            if j < n and _norm(stripped[j]) == _norm(header.title):
                drop[j] = "meta"
                body_start = j + 1

    # the page's tail: from a block_start marker after the article to the end
    suffix = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        s = stripped[i]
        suffix[i] = suffix[i + 1] + (len(s) if len(s) >= _PROSE_MIN and marks[i] is None else 0)
    i = body_start
    while i < n:
        mark = marks[i]
        if isinstance(mark, Rule) and mark.scope == "block_start" and drop[i] is None:
            before = suffix[body_start] - suffix[i]
            after = suffix[i + 1]
            if before > 0 and after < before:
                for j in range(i, n):
                    drop[j] = "tail"
                out.warnings.append(
                    f"dropped {_plural(n - i, 'line')} from {_snippet(stripped[i])!r} to the end"
                    f" ({_KIND_NAMES.get(mark.kind, mark.kind)})"
                )
                break
            drop[i] = mark.kind
            if mark.kind == "comment_policy":  # the heading and the list of rules after it
                j = i + 1
                while j < n and (not stripped[j] or _LIST_ITEM.match(stripped[j][:40])):
                    if stripped[j]:
                        drop[j] = mark.kind
                    j += 1
                i = j
                continue
        elif mark is not None and drop[i] is None:
            drop[i] = _kind(mark)
        i += 1

    _drop_runs(stripped, drop, body_start)

    dropped = [i for i in range(n) if drop[i] is not None]
    if not dropped and not changed:
        return out
    counts: dict[str, int] = {}
    for i in dropped:
        if stripped[i]:
            counts[drop[i] or ""] = counts.get(drop[i] or "", 0) + 1
    if counts.get("header"):
        out.warnings.insert(0, f"dropped {_plural(counts['header'], 'page-header line')} before the title")
    for kind, count in counts.items():
        if kind not in ("header", "meta", "tail"):
            name = _KIND_NAMES.get(kind, kind)
            out.warnings.append(f"dropped {_plural(count, 'boilerplate line')} ({name})")
    kept: list[str] = []
    blanks = 0
    for i in range(n):
        if drop[i] is None:
            blanks = blanks + 1 if not stripped[i] else 0
            if blanks <= 2:  # removal leaves no gap wider than two blank lines
                kept.append(lines[i])
    first = next((k for k, line in enumerate(kept) if line.strip()), len(kept))
    last = next((k for k in range(len(kept) - 1, first - 1, -1) if kept[k].strip()), first - 1)
    out.text = "\n".join(kept[first : last + 1])
    if not out.text:
        out.warnings.append("no body text left after removing boilerplate")
    return out


def _drop_runs(stripped: list[str], drop: list[str | None], start: int) -> None:
    """Drop short unmarked lines caught between dropped boilerplate lines (menus, link lists)."""
    n = len(stripped)
    prev_kind: str | None = None
    run: list[int] = []
    for i in range(start, n):
        if not stripped[i]:
            continue
        why = drop[i]
        if why is not None and why not in ("header", "meta", "tail"):
            if prev_kind is not None and 0 < len(run) <= _DENSITY_RUN:
                for j in run:
                    drop[j] = prev_kind
            prev_kind, run = why, []
        elif why is None:
            line = stripped[i]
            if prev_kind is not None and len(line) <= _DENSITY_MAX and not _ends_sentence(line):
                run.append(i)
            else:
                prev_kind, run = None, []


def _snippet(line: str) -> str:
    return line if len(line) <= 24 else line[:23] + "…"


# --------------------------------------------------------------------------- HTML

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track"}
    | {"wbr", "keygen", "command", "basefont", "frame"}
)
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed", "select"}
    | {"option", "button", "textarea", "form", "canvas", "audio", "video", "map", "datalist"}
)
_DROP_TAGS = {"nav": "navigation", "footer": "footer", "aside": "banner"}
_STRUCTURAL = frozenset({"html", "body", "main", "article"})
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt"}
    | {"fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup"}
    | {"hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot"}
    | {"tr", "ul", "caption", "center"}
)
_CELL = frozenset({"td", "th"})
_WORDS = re.compile(r"[a-z0-9]+")
_COMMENT_CLOSE = re.compile(r"--\s*>")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|span|a|table|tr|td|li|ul|ol|article|section|main|img|b|strong)\b", re.I
)
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
)
_PUBLISHER_META = ("og:site_name", "publisher", "dc.publisher", "article:publisher")


_Region = tuple[int, int, int]  # ids of the innermost articleBody, <article> and <main> (0: none)
_Frame = tuple[str, bool, "str | None", _Region, bool]  # tag, skipped, dropped kind, region, in <pre>
_ROOT: _Frame = ("", False, None, (0, 0, 0), False)
_NO_ATTRS: dict[str, str] = {}


class _HTMLText(HTMLParser):
    """Streams an HTML page into text pieces per region, plus its title and meta tags.

    Keeps only a stack of open elements (no tree), so nesting depth costs nothing but memory,
    and stray end tags are ignored in constant time.
    """

    def __init__(self, elements: dict[str, Rule], use_elements: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.elements = elements if use_elements else {}
        self.stack: list[_Frame] = []
        self.open: dict[str, int] = {}
        self.pieces: list[tuple[_Region, str]] = []
        self.meta: dict[str, str] = {}
        self.time_published: str | None = None
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.dropped: dict[str, int] = {}
        self.ids = 0

    def _break(self, region: _Region, tag: str) -> None:
        piece = "\n" if tag in _BLOCK else " "
        pieces = self.pieces
        if not pieces or pieces[-1] != (region, piece):
            pieces.append((region, piece))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: note meta tags, regions and whether its text is dropped."""
        top = self.stack[-1] if self.stack else _ROOT
        attr = {k: (v or "") for k, v in attrs[:64]} if attrs else _NO_ATTRS
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").strip().lower()
            if key and key not in self.meta:
                self.meta[key] = attr.get("content", "")[:1000]
            return
        if tag == "time" and self.time_published is None and attr:
            if "pubdate" in attr or attr.get("itemprop", "").lower() == "datepublished":
                self.time_published = attr.get("datetime", "")[:100]
        elif tag == "title" and self.title is None and self.title_parts is None:
            self.title_parts = []
        elif tag == "h1" and self.h1 is None and self.h1_parts is None and not top[1] and not top[2]:
            self.h1_parts = []
        if tag in _BLOCK or tag in _CELL:
            self._break(top[3], tag)
        if tag in _VOID:
            return
        if tag == "body" and self.open.get("head"):
            self.handle_endtag("head")  # an unclosed <head> ends where <body> starts
            top = self.stack[-1] if self.stack else _ROOT
        skip = top[1] or tag in _SKIP
        dropped = top[2]
        if not dropped and not skip:
            if tag in _DROP_TAGS:
                dropped = _DROP_TAGS[tag]
            elif attr and self.elements and tag not in _STRUCTURAL:
                names = f"{attr.get('class', '')[:300]} {attr.get('id', '')[:100]}".lower()
                for word in _WORDS.findall(names):
                    rule = self.elements.get(word)
                    if rule is not None:
                        dropped = rule.kind
                        break
            if dropped:
                self.dropped[dropped] = self.dropped.get(dropped, 0) + 1
        region = top[3]
        if tag == "article" or tag == "main" or attr:
            abody, article, main = region
            if attr and attr.get("itemprop", "").lower() == "articlebody":
                self.ids += 1
                abody = self.ids
            elif tag == "article":
                self.ids += 1
                article = self.ids
            elif tag == "main" or (attr and attr.get("role", "").lower() == "main"):
                self.ids += 1
                main = self.ids
            region = (abody, article, main)
        self.stack.append((tag, skip, dropped, region, top[4] or tag == "pre"))
        self.open[tag] = self.open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing tag opens and closes at once."""
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.open.get(tag):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of this name (and any left open inside it)."""
        if tag in _BLOCK or tag in _CELL:
            self._break((self.stack[-1] if self.stack else _ROOT)[3], tag)
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split())
            self.title_parts = None
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = " ".join("".join(self.h1_parts).split())
            self.h1_parts = None
        if not self.open.get(tag):
            return
        stack, opened = self.stack, self.open
        while stack:
            name = stack.pop()[0]
            opened[name] -= 1
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        """Text: kept per region unless inside a skipped or dropped element."""
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        top = self.stack[-1] if self.stack else _ROOT
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if top[1] or top[2]:
            return
        if top[4]:  # <pre>: its line breaks are kept
            for k, part in enumerate(data.split("\n")):
                if k:
                    self.pieces.append((top[3], "\n"))
                self.pieces.append((top[3], part))
        else:
            self.pieces.append((top[3], data))

    def text(self) -> str:
        """The text of the main region: articleBody, else the largest <article>, else <main>, else all."""
        sizes: dict[tuple[int, int], int] = {}
        for region, piece in self.pieces:
            if region != (0, 0, 0) and piece not in ("\n", " "):
                for level in (0, 1, 2):
                    key = region[level]
                    if key:
                        sizes[(level, key)] = sizes.get((level, key), 0) + len(piece.strip())
        chosen: tuple[int, int] | None = None
        for level in (0, 1, 2):
            best = [(size, key) for (lv, key), size in sizes.items() if lv == level and size > 0]
            if best:
                chosen = (level, max(best)[1])
                break
        if chosen is None:
            parts = [piece for _, piece in self.pieces]
        else:
            level, key = chosen
            parts = [piece for region, piece in self.pieces if region[level] == key]
        out = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        return "\n\n".join(line for line in out if line)


@dataclass
class _Page:
    text: str
    title: str | None
    doc_date: str | None
    publisher: str | None
    warnings: list[str]


def _looks_like_html(text: str) -> bool:
    head = text[:5000].lstrip("\ufeff \t\r\n")
    if len(head) < 2 or head[0] != "<" or not (head[1].isascii() and (head[1].isalpha() or head[1] in "!?")):
        return False
    return bool(_HTML_START.search(head[:2000])) or len(_HTML_TAG.findall(head)) >= 2


def _has_html_tags(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:20000])) >= 2


def _defuse(raw: str) -> str:
    """Escape markup that html.parser would rescan to the end of the input again and again.

    The stdlib parser searches the rest of the input for the end of every comment, tag or
    marked section it meets; where there is none it gives up one character later and searches
    again, which is quadratic. Comments opened after the last comment close, any `<` after the
    last `>`, and marked sections (`<![`) become text, so every search it makes succeeds.
    """
    if "<![" in raw:
        raw = raw.replace("<![", "&lt;![")
    if "<!--" in raw:
        last = -1
        for found in _COMMENT_CLOSE.finditer(raw):
            last = found.start()
        cut = max(0, last - 3)
        if raw.find("<!--", cut) >= 0:
            raw = raw[:cut] + raw[cut:].replace("<!--", "&lt;!--")
    gt = raw.rfind(">")
    if raw.find("<", gt + 1) >= 0:
        raw = raw[: gt + 1] + raw[gt + 1 :].replace("<", "&lt;")
    return raw


def _parse_html(raw: str, use_elements: bool = True) -> _HTMLText:
    parser = _HTMLText(_load_rules().elements, use_elements)
    try:
        parser.feed(_defuse(raw))
        parser.close()
    except (AssertionError, ValueError, IndexError) as exc:  # html.parser on broken markup
        parser.pieces.append(((0, 0, 0), "\n"))
        parser.meta.setdefault("korex:parse-error", str(exc)[:200])
    return parser


def _html_page(raw: str) -> _Page:
    """Main text, title, date and publisher of an HTML page or fragment."""
    parser = _parse_html(raw)
    text = parser.text()
    notes: list[str] = []
    if not text.strip() and parser.dropped:
        parser = _parse_html(raw, use_elements=False)  # class words hid everything: keep it all
        text = parser.text()
    for kind, count in sorted(parser.dropped.items()):
        notes.append(
            f"dropped {_plural(count, 'HTML element')} marked as {_KIND_NAMES.get(kind, kind)} by class or id"
        )
    if "korex:parse-error" in parser.meta:
        notes.append(f"HTML could not be fully parsed: {parser.meta['korex:parse-error']}")
    date = None
    for key in _DATE_META:
        if key in parser.meta:
            date = _date_in(parser.meta[key])
            if date:
                break
    if date is None and parser.time_published:
        date = _date_in(parser.time_published)
    title = parser.meta.get("og:title", "").strip() or None
    if title is None and parser.title:
        title = parser.title
        for sep in (" | ", " :: ", " < ", " – ", " — "):
            title = title.split(sep, 1)[0]
        title = title.strip() or None
    if title is None and parser.h1:
        title = parser.h1
    publisher = None
    for key in _PUBLISHER_META:
        value = " ".join(parser.meta.get(key, "").split())
        if value and not _is_url_token(value) and len(value) <= 60:
            publisher = value
            break
    return _Page(text, title, date, publisher, notes)


# --------------------------------------------------------------------------- Markdown, front matter

_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")
_MD_HEADING = re.compile(r"[ ]{0,3}#{1,6}[ \t]+")
_MD_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_FM_MAX = 64 * 1024
_FM_DEPTH = 32
_YAML_BRACKETS = re.compile(r"[\[\]{}]")


def _markdown_text(text: str) -> str:
    """Markdown reduced to text: markers of headings, quotes, emphasis, images and links removed."""
    out: list[str] = []
    fence = False
    for line in text.split("\n"):
        if len(line) > 100_000:
            out.append(line)
            continue
        bare = line.strip()
        if bare.startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence:
            out.append(line)
            continue
        marks = set(bare.replace(" ", ""))
        if len(bare) >= 3 and len(marks) == 1 and marks <= {"-", "*", "_"}:  # a thematic break
            out.append("")
            continue
        line = _MD_HEADING.sub("", line, count=1) if "#" in line else line
        line = _MD_QUOTE.sub("", line, count=1) if ">" in line else line
        if "](" in line:
            line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        line = line.replace("**", "").replace("__", "").replace("`", "")
        out.append(line)
    return "\n".join(out)


def _split_front_matter(raw: str) -> tuple[str, str] | None:
    """(YAML text, body) when `raw` starts with a `---` front-matter block, else None."""
    start = 1 if raw.startswith("\ufeff") else 0
    first_end = raw.find("\n", start)
    if first_end < 0 or raw[start:first_end].rstrip("\r \t") != "---":
        return None
    found = _FM_CLOSE.search(raw, first_end + 1)
    if found is None:
        return None
    body_start = raw.find("\n", found.end())
    body = "" if body_start < 0 else raw[body_start + 1 :]
    return raw[first_end + 1 : found.start()], body


def _yaml_depth(text: str) -> int:
    """Deepest nesting of flow collections (`[`, `{`) or indentation levels, counted cheaply."""
    depth = deepest = 0
    for ch in _YAML_BRACKETS.findall(text):
        depth = depth + 1 if ch in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    indents = {len(line) - len(line.lstrip(" ")) for line in text.split("\n") if line.strip()}
    return max(deepest, len(indents))


def _parse_front_matter(text: str) -> tuple[dict[str, Any], list[str]]:
    """YAML front matter through yaml's safe loader only; a bad block becomes a warning, no metadata.

    The loader is `CSafeLoader` where PyYAML has libyaml (what `yaml.safe_load` does, with the
    same SafeConstructor, in C), else `SafeLoader`: tags such as `!!python/object` are
    rejected, never run. Oversized or deeply nested blocks are not parsed at all.
    """
    if len(text) > _FM_MAX:
        return {}, [f"front matter larger than {_FM_MAX // 1024} KiB; not parsed"]
    if _yaml_depth(text) > _FM_DEPTH:
        return {}, [f"front matter nested deeper than {_FM_DEPTH} levels; not parsed"]
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # a safe loader: see the docstring
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return {}, [f"malformed YAML front matter ignored ({first[:120]})"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"front matter is a YAML {type(data).__name__}, not a mapping; ignored"]
    return data, []


def _scalar(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


# --------------------------------------------------------------------------- read_text


def _read(raw: str, *, source: str | None, fmt: str | None) -> LoadedText:
    """Read one document; `fmt` forces "html", "markdown" or "text" (None: by content)."""
    notes: list[str] = []
    title = doc_date = publisher = summary = None
    fm = _split_front_matter(raw) if fmt != "html" else None
    if fm is not None:
        meta, fm_notes = _parse_front_matter(fm[0])
        notes.extend(fm_notes)
        title = _scalar(meta.get("title"))
        summary = next(
            filter(None, (_scalar(meta.get(key)) for key in ("excerpt", "summary", "description"))), None
        )
        for key in _FRONT_MATTER_DATE_KEYS:
            doc_date = doc_date or _date_in(meta.get(key))
        publisher = _scalar(meta.get("publisher"))
        body = fm[1]
        if _has_html_tags(body):
            page = _html_page(body)
            notes.extend(page.warnings)
            title, doc_date = title or page.title, doc_date or page.doc_date
            publisher = publisher or page.publisher
            cleaned = _clean(page.text, changed=True)
        else:
            cleaned = _clean(_markdown_text(body), changed=True)
    elif fmt == "html" or (fmt is None and _looks_like_html(raw)):
        page = _html_page(raw)
        notes.extend(page.warnings)
        title, doc_date, publisher = page.title, page.doc_date, page.publisher
        cleaned = _clean(page.text, changed=True)
    elif fmt == "markdown":
        body = _markdown_text(raw)
        cleaned = _clean(body, changed=body != raw)
    else:
        cleaned = _clean(raw)
    notes.extend(cleaned.warnings)
    text = cleaned.text
    if title and text is not raw:
        text = _without_title_line(text, title)
    return LoadedText(
        text=text,
        title=title or cleaned.title,
        doc_date=doc_date or cleaned.doc_date,
        source=source,
        publisher=publisher or cleaned.publisher,
        id=None,
        warnings=tuple(notes),
        summary=summary,
        dateline=doc_date or cleaned.dateline,  # metadata dates are never part of the text
    )


def _without_title_line(text: str, title: str) -> str:
    """The text without its first line when that line is the title (an HTML h1, a Markdown heading)."""
    stripped = text.lstrip()
    end = stripped.find("\n")
    first = stripped if end < 0 else stripped[:end]
    if len(first) <= 300 and _norm(first) == _norm(title):
        return "" if end < 0 else stripped[end + 1 :].lstrip("\r\n")
    return text


def read_text(raw: str, *, source: str | None = None) -> LoadedText:
    """Read one whole document given as a string (plain text, front matter + Markdown/HTML, or HTML).

    Strips page boilerplate and finds title, doc_date and publisher. Where the string has no
    front matter, HTML or boilerplate, `text` is `raw` unchanged, so offsets index it.
    """
    if not isinstance(raw, str):
        raise InputError(
            f"read_text expects str, got {type(raw).__name__}"
            + (
                "; decode bytes with decode_bytes() or use load_file()"
                if isinstance(raw, (bytes, bytearray))
                else ""
            ),
            path=source,
        )
    _check_encodable(raw, source)
    return _encodable(_read(raw, source=source, fmt=None))


#: Unpaired UTF-16 surrogates: a Python string can hold them (JSON `\\ud800`, a bad file name) but
#: no UTF-8 output can, so they never reach a Document.
_SURROGATE = re.compile("[\ud800-\udfff]")
_METADATA = ("title", "doc_date", "source", "publisher", "id", "summary")


def _check_encodable(
    text: str, where: str | None, *, line: int | None = None, record: int | None = None
) -> None:
    """InputError if a text holds unpaired surrogates: it could be neither analysed nor written."""
    found = _SURROGATE.search(text)
    if found is not None:
        at = where if line is None else f"{where}:{line}"
        raise InputError(
            f"{at or 'text'}: unpaired surrogate U+{ord(found.group()):04X} at offset {found.start()}; "
            "the text is not valid Unicode",
            path=where,
            line=line,
            record=record,
        )


def _encodable(loaded: LoadedText) -> LoadedText:
    """`loaded` with unpaired surrogates in its metadata replaced by U+FFFD, and a warning saying so."""
    bad = [
        name
        for name in _METADATA
        if (value := getattr(loaded, name)) is not None and _SURROGATE.search(value)
    ]
    if not bad:
        return loaded
    fixed = {name: _SURROGATE.sub("\ufffd", getattr(loaded, name)) for name in bad}
    note = f"unpaired surrogates in {', '.join(bad)} replaced by U+FFFD"
    return replace(loaded, **fixed, warnings=(*loaded.warnings, note))


# --------------------------------------------------------------------------- load_file

_JSON_EXT = (".json",)
_JSONL_EXT = (".jsonl", ".ndjson", ".jsonlines")
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
_MD_EXT = (".md", ".markdown", ".mdown", ".mkd")
_TEXT_EXT = (".txt", ".text")
_RECORD_DATE_KEYS = ("doc_date", "date", "published", "published_at", "pubdate", "publish_date", "datetime")


#: Files larger than this are not read (`max_bytes`): a document of 20 MB is already a dump, not a page.
MAX_BYTES = 20 * 2**20

_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be written out: bytes of a file name that are not UTF-8 become
    `\\xNN` (the name `caf\\xe9.txt` for a Latin-1 `café.txt`); every other name is unchanged."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return os.fsencode(text).decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate no file system gave: escape it as such
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _not_regular(where: str, info: os.stat_result) -> UnreadableInputError | None:
    """Why a file of this kind is not read, or None for a regular file."""
    if stat.S_ISREG(info.st_mode):
        return None
    if stat.S_ISDIR(info.st_mode):
        return UnreadableInputError(f"{where}: is a directory, not a file", path=where)
    kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "a special file")
    return UnreadableInputError(f"{where}: {kind}, not a regular file; not read", path=where)


def _unlistable(path: str | os.PathLike[str], where: str) -> UnreadableInputError | None:
    """The error of a folder that cannot be listed (a folder reached as a path means exactly that)."""
    try:
        with os.scandir(path):
            return None
    except OSError as exc:
        return UnreadableInputError(f"{where}: cannot read the folder ({exc.strerror or exc})", path=where)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """A regular file opened for reading (symlinks followed); never blocks, never opens anything else.

    A named pipe, a device (a link to `/dev/zero`), a socket, a directory or a symbolic-link loop is
    an `UnreadableInputError` before it is opened, never a read that blocks or never ends; the file
    is checked again once open, so one swapped in meanwhile is refused too.
    """
    where = display_path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnreadableInputError(f"{where}: no such file", path=where) from None
    except OSError as exc:
        raise UnreadableInputError(f"{where}: cannot read ({exc.strerror or exc})", path=where) from None
    problem = _not_regular(where, info)
    if problem is not None and stat.S_ISDIR(info.st_mode):
        problem = _unlistable(path, where) or problem
    if problem is not None:
        raise problem
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnreadableInputError(f"{where}: cannot read ({exc.strerror or exc})", path=where) from None
    problem = _not_regular(where, os.fstat(fd))
    if problem is not None:
        os.close(fd)
        raise problem
    return open(fd, "rb", closefd=True)


def read_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file (see `open_regular`), never more than `max_bytes`."""
    where = display_path(path)
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"{where}: {size:,} bytes, over the limit of {max_bytes:,} bytes (max_bytes)", path=where
            )
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise UnreadableInputError(f"{where}: cannot read ({exc.strerror or exc})", path=where) from None
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{where}: over the limit of {max_bytes:,} bytes (max_bytes)", path=where)
    return data


def _check_binary(data: bytes, where: str) -> None:
    for magic, what, error in _BINARY_MAGIC:
        if data.startswith(magic):
            raise error(f"{where}: {what}, not a text document", path=where)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16/32 text: NUL bytes are expected
    sample = data[:8192]
    if b"\x00" in sample:
        raise BinaryInputError(f"{where}: binary data (NUL bytes), not text", path=where)
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > max(2, len(sample) // 20):
        raise BinaryInputError(
            f"{where}: binary data ({controls} control bytes in the first {len(sample)})", path=where
        )


def _json_error(exc: Exception, where: str, line: int | None = None) -> InvalidJSONError:
    at = f"{where}:{line}" if line is not None else where
    if isinstance(exc, RecursionError):
        return InvalidJSONError(f"{at}: JSON nested too deeply to read", path=where, line=line)
    if isinstance(exc, json.JSONDecodeError):
        pos = f"line {exc.lineno} column {exc.colno}" if line is None else f"column {exc.colno}"
        return InvalidJSONError(
            f"{at}: invalid JSON at {pos}: {exc.msg}", path=where, line=line or exc.lineno
        )
    return InvalidJSONError(f"{at}: invalid JSON ({exc})", path=where, line=line)


def _json_loads(text: str, where: str, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except (RecursionError, ValueError) as exc:  # JSONDecodeError is a ValueError; so are huge ints
        raise _json_error(exc, where, line) from None


def _record(
    obj: object,
    *,
    where: str,
    at: str,
    line: int | None,
    index: int | None,
    text_fields: Sequence[str],
    id_fields: Sequence[str],
    notes: list[str],
) -> LoadedText:
    """One JSON object → LoadedText (its text field read like read_text, its metadata kept)."""
    if not isinstance(obj, dict):
        raise UnsupportedFormatError(
            f"{at}: expected a JSON object with a text field, found a {type(obj).__name__}",
            path=where,
            line=line,
            record=index,
        )
    text: str | None = None
    for name in text_fields:
        if name in obj:
            value = obj[name]
            if not isinstance(value, str):
                raise MissingTextError(
                    f"{at}: field {name!r} is a {type(value).__name__}, not a string",
                    path=where,
                    line=line,
                    record=index,
                )
            if value.strip():
                _check_encodable(value, where, line=line, record=index)
                text = value
                break
    if text is None:
        present = [name for name in text_fields if name in obj]
        what = (
            f"empty {', '.join(map(repr, present))}"
            if present
            else f"none of the fields {', '.join(text_fields)}"
        )
        raise MissingTextError(f"{at}: record has {what}", path=where, line=line, record=index)
    record_id = None
    for name in id_fields:
        value = obj.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            record_id = str(value).strip()
            break
    src = obj.get("source")
    src_dict = src if isinstance(src, dict) else {}
    url = (
        _scalar(obj.get("url"))
        or _scalar(src_dict.get("url"))
        or (_scalar(src) if isinstance(src, str) else None)
    )
    date = None
    for key in _RECORD_DATE_KEYS:
        date = date or _date_in(obj.get(key))
    loaded = _read(text, source=url or where, fmt=None)
    return _encodable(
        replace(
            loaded,
            title=_scalar(obj.get("title")) or loaded.title,
            doc_date=date or loaded.doc_date,
            source=url or where,
            publisher=_scalar(obj.get("publisher")) or _scalar(src_dict.get("publisher")) or loaded.publisher,
            id=record_id,
            warnings=tuple(notes) + loaded.warnings,
            summary=_scalar(obj.get("summary")) or loaded.summary,
        )
    )


#: A document read from a file, or the error of that one record (its neighbours are still read).
Record = LoadedText | InputError


def _jsonl_records(text: str, where: str, **kw: Any) -> list[Record]:
    """One item per non-blank line; a line that is not JSON (or not a record) is its error, in its place.

    A file none of whose lines is JSON is not JSON Lines at all: that is one error for the whole file.
    """
    out: list[Record] = []
    parsed = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        index = len(out)
        try:
            obj = _json_loads(line, where, number)
            parsed = True
            out.append(_record(obj, where=where, at=f"{where}:{number}", line=number, index=index, **kw))
        except InputError as exc:
            exc.record = index
            out.append(exc)
    if not out:
        raise EmptyInputError(f"{where}: no JSON records", path=where)
    if not parsed:
        first = out[0]
        assert isinstance(first, InputError)
        first.record = None
        raise first
    return out


def _json_records(text: str, where: str, **kw: Any) -> list[Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several JSON values, one per line: JSONL under a .json name
            return _jsonl_records(text, where, **kw)
        raise _json_error(exc, where) from None
    except (RecursionError, ValueError) as exc:
        raise _json_error(exc, where) from None
    if isinstance(data, dict):
        return [_record(data, where=where, at=where, line=None, index=None, **kw)]
    if isinstance(data, list):
        if not data:
            raise EmptyInputError(f"{where}: an empty JSON list, no records", path=where)
        out: list[Record] = []
        for i, obj in enumerate(data):
            try:
                out.append(_record(obj, where=where, at=f"{where} (record {i})", line=None, index=i, **kw))
            except InputError as exc:
                out.append(exc)
        return out
    raise UnsupportedFormatError(
        f"{where}: JSON {type(data).__name__} at the top level; expected an object or a list of objects",
        path=where,
    )


def load_records(
    data: bytes,
    path: str | os.PathLike[str],
    *,
    text_fields: Sequence[str] = ("text", "body", "content"),
    id_fields: Sequence[str] = ("id",),
) -> list[Record]:
    """The documents in a file's bytes (`path` names it and chooses the format by its extension).

    One item per document, in the file's order: a JSON or JSONL record that cannot be read is its
    `InputError` (naming the line or record) in its place, and the good records around it are kept.
    A file that cannot be read at all (empty, binary, not JSON) raises its `InputError`.
    """
    file = Path(os.fspath(path))
    where = display_path(path)
    if not data.strip():
        raise EmptyInputError(f"{where}: empty file", path=where)
    _check_binary(data, where)
    text, _encoding, notes = _decode(data)
    if text.count("\ufffd") > max(8, len(text) // 20):
        raise BinaryInputError(f"{where}: mostly undecodable bytes, not text", path=where)
    if not text.strip("\ufeff \t\r\n\x0b\x0c"):
        raise EmptyInputError(f"{where}: empty file", path=where)
    ext = file.suffix.lower()
    kw: dict[str, Any] = {"text_fields": tuple(text_fields), "id_fields": tuple(id_fields), "notes": notes}
    if ext in _JSONL_EXT:
        return _jsonl_records(text, where, **kw)
    if ext in _JSON_EXT:
        return _json_records(text, where, **kw)
    if ext not in _HTML_EXT + _MD_EXT + _TEXT_EXT and text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        try:
            return _json_records(text, where, **kw)
        except (InvalidJSONError, UnsupportedFormatError):
            pass  # not records after all: read it as text
    fmt = "html" if ext in _HTML_EXT else "markdown" if ext in _MD_EXT else None
    loaded = _read(text, source=where, fmt=fmt)
    return [_encodable(_with_notes(loaded, notes))]


def load_file(
    path: str | os.PathLike[str],
    *,
    text_fields: Sequence[str] = ("text", "body", "content"),
    id_fields: Sequence[str] = ("id",),
    max_bytes: int = MAX_BYTES,
) -> list[LoadedText]:
    """Read a .txt, .md, .html/.htm, .json or .jsonl file into documents (one per JSON record).

    The format is chosen by extension and confirmed by content; bad input raises an
    `InputError` subclass naming the file (and the line or record of the first bad record).
    """
    data = read_file(path, max_bytes=max_bytes)
    records = load_records(data, path, text_fields=text_fields, id_fields=id_fields)
    for item in records:
        if isinstance(item, InputError):
            raise item
    return [item for item in records if isinstance(item, LoadedText)]


def _with_notes(loaded: LoadedText, notes: Iterable[str]) -> LoadedText:
    notes = tuple(notes)
    if not notes:
        return loaded
    return replace(loaded, warnings=notes + loaded.warnings)
