"""Load and validate the gazetteer CSV files (see `gazetteers/README.md`).

The shipped folder is read first; a user's folders are read after it, and their rows replace
shipped rows with the same `id`. Every row is checked against its file's schema: a malformed
row raises `GazetteerError` naming the file, the line and the problem. The csv module and
pydantic do the work (pandas would add half a second to every start-up for no gain here).
"""

from __future__ import annotations

import csv
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
    """A capital, city, region or venue."""

    kind: str


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
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = {info.alias or name: info for name, info in kind.row.model_fields.items()}
            header = set(reader.fieldnames or ())
            if not header:
                raise GazetteerError(f"{path}: the file is empty (no header row)", path=str(path))
            unknown = header - set(columns)
            missing = {name for name, info in columns.items() if info.is_required()} - header
            if unknown or missing:
                raise GazetteerError(
                    f"{path}:1: header does not match {kind.file}'s schema"
                    + (f"; unknown columns {sorted(unknown)}" if unknown else "")
                    + (f"; missing columns {sorted(missing)}" if missing else ""),
                    path=str(path),
                )
            return [_entry(path, reader.line_num, raw, kind) for raw in reader]
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason})", path=str(path)) from exc
    except csv.Error as exc:
        raise GazetteerError(f"{path}: malformed CSV ({exc})", path=str(path)) from exc


def _entry(path: Path, line: int, raw: dict[str | None, str | list[str] | None], kind: Kind) -> Entry:
    if None in raw:
        raise GazetteerError(f"{path}:{line}: more cells than columns (an unquoted comma?)", path=str(path))
    values = {key: value or "" for key, value in raw.items() if key}
    try:
        row = kind.row.model_validate(values)
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in exc.errors())
        raise GazetteerError(f"{path}:{line}: {problem}", path=str(path)) from None
    data = row.model_dump(mode="json", by_alias=True)
    for column, allowed in kind.enums.items():
        if data[column] not in allowed:
            raise GazetteerError(
                f"{path}:{line}: {column} {data[column]!r} is not one of {sorted(allowed)}", path=str(path)
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


class Gazetteer:
    """All entries of a stack of gazetteer folders; later folders override earlier ones by `id`."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
        self._check_references()

    def _check_references(self) -> None:
        """Raise `GazetteerError` for a `parent` or `org` that names no row."""
        for entry in self.entries.values():
            for column in REFERENCES:
                target = entry.attrs.get(column)
                if target and target not in self.entries:
                    raise GazetteerError(f"{entry.origin}: {column} {target!r} is not the id of any row")

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


def load(extra_dirs: Sequence[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteers plus the user's folders (later ones take precedence), read once per process."""
    folders = (str(shipped_dir()), *(str(Path(folder).resolve()) for folder in extra_dirs))
    return _load(folders)


def check(folder: str | Path) -> int:
    """Validate every gazetteer file in `folder` on top of the shipped ones (a user's rows may refer
    to shipped ids); return the number of rows in `folder` (raises `GazetteerError`)."""
    rows = read_dir(Path(folder))
    Gazetteer([*read_dir(shipped_dir()), *rows])
    return len(rows)


@cache
def compound_exceptions() -> frozenset[str]:
    """Words made of country short forms that are not country compounds (남미, 중남미)."""
    path = shipped_dir() / "country_compound_exceptions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["form"] for row in csv.DictReader(handle))
