"""Load and validate the gazetteer CSV files (see `gazetteers/README.md`).

The shipped folder is read first; a user's folders are read after it, and their rows replace
shipped rows with the same `id`. Every row is checked against its file's schema: a malformed
row raises `GazetteerError` naming the file, the line and the problem. `check_folder` reports
every problem of a folder at once (bad rows, duplicate ids, files korex would not read), and
`fingerprint` digests the version and every file read, so a run can tell that its gazetteers
changed. The csv module and pydantic do the work (pandas would add half a second to every
start-up for no gain here).
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extractor.errors import GazetteerError
from extractor.models import EntityLabel, EventType

PACKAGED_DIR = Path(__file__).resolve().parent / "gazetteers"
SOURCE_DIR = Path(__file__).resolve().parent.parent / "gazetteers"

_ISO3 = r"^[A-Z]{3}$"
_ID = re.compile(r"^([a-z]+:[a-z0-9][a-z0-9._-]*|[A-Z]{3})$")


def shipped_dir() -> Path:
    """The gazetteer folder shipped with korex (inside the wheel, or the source checkout's)."""
    return PACKAGED_DIR if PACKAGED_DIR.is_dir() else SOURCE_DIR


class Row(BaseModel):
    """Columns every gazetteer file shares."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str
    ko: str
    en: str
    country: str = ""
    source: str

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(
                "id must be a kind prefix and a lowercase slug (org:kor-mofa) or an ISO alpha-3 code"
            )
        return value

    @field_validator("ko")
    @classmethod
    def _forms(cls, value: str) -> str:
        forms = value.split("|")
        if not all(form.strip() for form in forms):
            raise ValueError("ko holds an empty form (a stray or doubled |)")
        return value

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        if value and not re.match(_ISO3, value):
            raise ValueError(f"country {value!r} is not an ISO 3166-1 alpha-3 code")
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        if not value:
            raise ValueError("every row needs a source")
        return value


class CountryRow(Row):
    """A country: ISO code as id, the one-syllable forms it takes in compounds."""

    short: str = ""
    compound: str = ""

    @field_validator("compound")
    @classmethod
    def _compound(cls, value: str) -> str:
        if value not in ("", "free", "marked"):
            raise ValueError("compound must be free, marked or empty")
        return value


class OrganizationRow(Row):
    """A government body or international organisation."""

    kind: str
    parent: str = ""


class TitleRow(Row):
    """An official title and its rank."""

    rank: str


class MeetingTypeRow(Row):
    """A Korean term for a diplomatic event, with its event type and codes."""

    event_type: EventType
    level: str
    cameo: str = ""
    plover: str = ""


class PlaceRow(Row):
    """A capital, city, region or venue; `parent` is the place it lies in (a venue's city)."""

    kind: str
    parent: str = ""


class OfficialRow(Row):
    """A person holding an office over a span of dates."""

    name_original: str = ""
    title: str = ""
    org: str = ""
    from_: str = Field(default="", alias="from")
    to: str = ""


@dataclass(frozen=True)
class Kind:
    """One gazetteer file: its name, schema, entity label, and allowed values of its enum columns."""

    file: str
    row: type[Row]
    label: EntityLabel
    enums: Mapping[str, frozenset[str]] = field(default_factory=dict)


KINDS: tuple[Kind, ...] = (
    Kind("countries.csv", CountryRow, EntityLabel.COUNTRY),
    Kind(
        "organizations.csv",
        OrganizationRow,
        EntityLabel.ORG,
        {
            "kind": frozenset(
                [
                    "government",
                    "ministry",
                    "office",
                    "bureau",
                    "division",
                    "agency",
                    "committee",
                    "legislature",
                    "embassy",
                    "leader_office",
                    "international",
                    "party",
                ]
            )
        },
    ),
    Kind(
        "titles.csv",
        TitleRow,
        EntityLabel.TITLE,
        {
            "rank": frozenset(
                [
                    "head_of_state",
                    "head_of_government",
                    "deputy_head_of_government",
                    "minister",
                    "vice_minister",
                    "deputy_minister",
                    "director_general",
                    "director",
                    "ambassador",
                    "envoy",
                    "spokesperson",
                    "secretary_general",
                    "adviser",
                    "official",
                ]
            )
        },
    ),
    Kind(
        "meeting_types.csv",
        MeetingTypeRow,
        EntityLabel.MEETING,
        {"level": frozenset(["summit", "ministerial", "vice_ministerial", "senior", "working", "any"])},
    ),
    Kind(
        "places.csv",
        PlaceRow,
        EntityLabel.LOCATION,
        {"kind": frozenset(["capital", "city", "region", "venue"])},
    ),
    Kind("officials.csv", OfficialRow, EntityLabel.PERSON),
)


@dataclass(frozen=True, eq=False)
class Entry:
    """One validated gazetteer row: its forms (canonical first) and its other columns."""

    id: str
    label: EntityLabel
    forms: tuple[str, ...]
    en: str
    country: str | None
    attrs: Mapping[str, str]
    origin: str

    @property
    def canonical(self) -> str:
        """The canonical Korean form."""
        return self.forms[0]

    @property
    def norm(self) -> str:
        """What a linked entity normalises to: the ISO code for countries, else the canonical form."""
        return self.id if self.label is EntityLabel.COUNTRY else self.canonical


def read_file(path: Path, kind: Kind) -> list[Entry]:
    """Read and validate one gazetteer file; raise `GazetteerError` at the first bad row."""
    entries, problems = scan_file(path, kind)
    if problems:
        raise problems[0]
    return entries


def scan_file(path: Path, kind: Kind) -> tuple[list[Entry], list[GazetteerError]]:
    """Every valid row of one gazetteer file, and a `GazetteerError` for each bad row (or for the file
    itself when it cannot be read as that kind: empty, not UTF-8, a wrong header, broken CSV)."""
    entries: list[Entry] = []
    problems: list[GazetteerError] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = {info.alias or name: info for name, info in kind.row.model_fields.items()}
            header = set(reader.fieldnames or ())
            if not header:
                return [], [GazetteerError(f"{path}: the file is empty (no header row)", path=str(path))]
            unknown = header - set(columns)
            missing = {name for name, info in columns.items() if info.is_required()} - header
            if unknown or missing:
                message = (
                    f"{path}:1: header does not match {kind.file}'s schema"
                    + (f"; unknown columns {sorted(unknown)}" if unknown else "")
                    + (f"; missing columns {sorted(missing)}" if missing else "")
                )
                return [], [GazetteerError(message, path=str(path), line=1)]
            for raw in reader:
                try:
                    entries.append(_entry(path, reader.line_num, raw, kind))
                except GazetteerError as exc:
                    problems.append(exc)
    except UnicodeDecodeError as exc:
        problems.append(GazetteerError(f"{path}: not UTF-8 text ({exc.reason})", path=str(path)))
    except csv.Error as exc:
        problems.append(GazetteerError(f"{path}: malformed CSV ({exc})", path=str(path)))
    return entries, problems


def _entry(path: Path, line: int, raw: dict[str | None, str | list[str] | None], kind: Kind) -> Entry:
    if None in raw:
        raise GazetteerError(
            f"{path}:{line}: more cells than columns (an unquoted comma?)", path=str(path), line=line
        )
    values = {key: value or "" for key, value in raw.items() if key}
    try:
        row = kind.row.model_validate(values)
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in exc.errors())
        raise GazetteerError(f"{path}:{line}: {problem}", path=str(path), line=line) from None
    data = row.model_dump(mode="json", by_alias=True)
    for column, allowed in kind.enums.items():
        if data[column] not in allowed:
            raise GazetteerError(
                f"{path}:{line}: {column} {data[column]!r} is not one of {sorted(allowed)}",
                path=str(path),
                line=line,
            )
    forms = tuple(dict.fromkeys(form.strip() for form in row.ko.split("|")))
    attrs = {
        key: str(value) for key, value in data.items() if key not in ("id", "ko", "en", "country", "source")
    }
    return Entry(
        row.id, kind.label, forms, row.en, row.country or None, MappingProxyType(attrs), f"{path}:{line}"
    )


#: Columns that hold the `id` of another row, which must exist.
REFERENCES = ("parent", "org")


def _located(entry: Entry, message: str) -> GazetteerError:
    """An error about a row, at the row's file and line."""
    path, _, line = entry.origin.rpartition(":")
    return GazetteerError(f"{entry.origin}: {message}", path=path, line=int(line))


def dangling_references(entries: Iterable[Entry], ids: Mapping[str, Entry]) -> list[GazetteerError]:
    """An error for each `parent` or `org` of `entries` that is not an id in `ids`."""
    return [
        _located(entry, f"{column} {entry.attrs[column]!r} is not the id of any row")
        for entry in entries
        for column in REFERENCES
        if entry.attrs.get(column) and entry.attrs[column] not in ids
    ]


class Gazetteer:
    """All entries of a stack of gazetteer folders; later folders override earlier ones by `id`."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
        self._check_references()

    def _check_references(self) -> None:
        """Raise `GazetteerError` for a `parent` or `org` that names no row."""
        dangling = dangling_references(self.entries.values(), self.entries)
        if dangling:
            raise dangling[0]

    def of(self, label: EntityLabel) -> list[Entry]:
        """Entries of one label, in file order."""
        return [entry for entry in self.entries.values() if entry.label is label]

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self.entries.get(entry_id)


def read_dir(folder: Path) -> list[Entry]:
    """Every known gazetteer file in `folder` (missing files are skipped)."""
    if not folder.is_dir():
        raise GazetteerError(f"{folder}: not a gazetteer folder", path=str(folder))
    entries: list[Entry] = []
    for kind in KINDS:
        path = folder / kind.file
        if path.is_file():
            entries.extend(read_file(path, kind))
    return entries


@cache
def _load(folders: tuple[str, ...]) -> Gazetteer:
    return Gazetteer(entry for folder in folders for entry in read_dir(Path(folder)))


def forget() -> None:
    """Read the gazetteer files again on next `load` (after they changed on disk)."""
    _load.cache_clear()


def load(extra_dirs: Sequence[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteers plus the user's folders (later ones take precedence), read once per process."""
    folders = (str(shipped_dir()), *(str(Path(folder).resolve()) for folder in extra_dirs))
    return _load(folders)


@dataclass(frozen=True)
class CheckReport:
    """What `check_folder` found in one folder: the valid rows of each file it reads, and every problem
    (bad rows, duplicate ids, references to no row, files korex would not read)."""

    folder: str
    rows: Mapping[str, int]
    problems: tuple[GazetteerError, ...]

    @property
    def ok(self) -> bool:
        """No problem found."""
        return not self.problems

    @property
    def n_rows(self) -> int:
        """Valid rows in the folder's files."""
        return sum(self.rows.values())

    def describe(self) -> str:
        """One line for the folder, then one line per problem."""
        if self.ok:
            return f"{self.folder}: {self.n_rows} row{'' if self.n_rows == 1 else 's'} OK"
        count = f"{len(self.problems)} problem" + ("" if len(self.problems) == 1 else "s")
        return "\n".join([f"{self.folder}: {count}", *(f"  {problem}" for problem in self.problems)])


def _unknown_file(path: Path) -> GazetteerError:
    """A CSV file in a user's folder that korex does not read, with what it reads instead."""
    readable = [kind.file for kind in KINDS]
    if (shipped_dir() / path.name).is_file():
        hint = "korex reads this rule file only from its own gazetteer folder"
    else:
        close = difflib.get_close_matches(path.name, readable, n=1, cutoff=0.8)
        hint = "korex reads no file of this name" + (f" (did you mean {close[0]}?)" if close else "")
    return GazetteerError(f"{path}: {hint}; a gazetteer folder holds {', '.join(readable)}", path=str(path))


def check_folder(folder: str | Path) -> CheckReport:
    """Check every gazetteer file in `folder` on top of the shipped ones (a user's rows may refer to
    shipped ids) and report all that is wrong, not only the first problem."""
    folder = Path(folder)
    if not folder.is_dir():
        return CheckReport(
            str(folder), {}, (GazetteerError(f"{folder}: not a gazetteer folder", path=str(folder)),)
        )
    shipped = folder.resolve() == shipped_dir().resolve()
    rows: dict[str, int] = {}
    problems: list[GazetteerError] = []
    entries: list[Entry] = []
    for kind in KINDS:
        path = folder / kind.file
        if path.is_file():
            found, bad = scan_file(path, kind)
            rows[kind.file] = len(found)
            entries += found
            problems += bad
    first: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in first:
            problems.append(
                _located(entry, f"id {entry.id!r} is already the id of the row at {first[entry.id].origin}")
            )
        first.setdefault(entry.id, entry)
    ids = first if shipped else {**load().entries, **first}
    problems += dangling_references(entries, ids)
    if not shipped:
        problems += [_unknown_file(path) for path in sorted(folder.glob("*.csv")) if path.name not in rows]
    return CheckReport(str(folder), rows, tuple(problems))


def check(folder: str | Path) -> int:
    """Validate every gazetteer file in `folder` (see `check_folder`); return the number of rows in `folder`,
    or raise `GazetteerError` listing every problem."""
    report = check_folder(folder)
    if not report.ok:
        raise GazetteerError(report.describe(), path=str(folder))
    return report.n_rows


def _files_read(folder: Path, shipped: bool) -> list[Path]:
    """The files korex reads from a folder: every CSV of its own, a user's gazetteer files."""
    if not folder.is_dir():
        raise GazetteerError(f"{folder}: not a gazetteer folder", path=str(folder))
    if shipped:
        return sorted(folder.glob("*.csv"))
    return [folder / kind.file for kind in KINDS if (folder / kind.file).is_file()]


def fingerprint(extra_dirs: Sequence[str | Path] = ()) -> str:
    """A digest of what the output depends on besides the text: the korex version and the contents of
    every gazetteer and rule file the pipeline reads (shipped, then the user's folders in order).

    A batch that stores it with each document can redo the documents a changed gazetteer affects."""
    from extractor import __version__

    digest = hashlib.sha256(f"korex {__version__}\n".encode())
    folders = [(shipped_dir(), True), *((Path(folder), False) for folder in extra_dirs)]
    for index, (folder, shipped) in enumerate(folders):
        for path in _files_read(folder, shipped):
            data = path.read_bytes()
            digest.update(f"{index}/{path.name} {len(data)}\n".encode())
            digest.update(data)
    return digest.hexdigest()


@cache
def north_korean_usage() -> dict[str, str]:
    """The North's usage: each word's kind (`marker`: a word showing a text speaks it; else the ISO
    code the word names in such a text: 조선, 공화국)."""
    path = shipped_dir() / "north_korean_usage.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["form"]: row["kind"] for row in csv.DictReader(handle)}


@cache
def compound_exceptions() -> frozenset[str]:
    """Words made of country short forms that are not country compounds (남미, 중남미)."""
    path = shipped_dir() / "country_compound_exceptions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["form"] for row in csv.DictReader(handle))
