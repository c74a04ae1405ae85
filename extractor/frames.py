"""Documents as tables: pandas DataFrames an analyst filters and joins, and `read()` for every output.

`to_frames(documents)` gives the same seven tables that `korex extract` writes to CSV, Parquet and
DuckDB outputs:

| table | one row per | key |
| --- | --- | --- |
| `documents` | document | `doc_key` |
| `entities` | entity mention | `doc_key`, `entity_idx` |
| `persons` | person of a document | `doc_key`, `person_idx` |
| `organizations` | organisation of a document | `doc_key`, `org_idx` |
| `events` | event, its parties and participants flattened into columns | `doc_key`, `event_idx` |
| `participants` | participant of an event | `doc_key`, `event_idx`, `participant_idx` |
| `errors` | file (or record) that could not be read | `path`, `record` |

`doc_key` is a stable hash that no two documents share. In the outputs of `korex extract` it hashes
the input file's absolute path and the record's index in that file, so two files holding the same
record (same `url` and `id`) keep their own rows; in tables made from Documents in memory it hashes
the document's `source` and `id`. List values (countries, participant names) are joined with `;`
(`"JPN;KOR"`), so every table fits CSV as well as Parquet. In CSV, a cell a spreadsheet would run as
a formula (starting with `=`, `+`, `-`, `@`) is written with a `'` before it; `read` removes it.
pandas is imported when a frame is made: `import extractor` stays light.

    import extractor
    from extractor import frames

    tables = frames.to_frames(extractor.extract_folder("examples"))
    events = tables["events"]
    events[events.countries.str.contains("JPN")]
    frames.read("out.duckdb")["events"]          # any output of `korex extract` back as tables
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.errors import InputError
from extractor.models import Document, FileError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULA_STARTS", "LIST_SEP", "SCHEMA", "TABLES", "defuse", "doc_key", "read", "to_frames"]

#: Separator of list values in one cell (`"JPN;KOR"`).
LIST_SEP = ";"

#: Column names and kinds (`str`, `int`, `float`) of every table, in order.
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_key", "str"),
        ("doc_id", "str"),
        ("source", "str"),
        ("title", "str"),
        ("publisher", "str"),
        ("doc_date", "str"),
        ("countries", "str"),
        ("n_entities", "int"),
        ("n_persons", "int"),
        ("n_organizations", "int"),
        ("n_events", "int"),
        ("warnings", "str"),
        ("text", "str"),
    ),
    "entities": (
        ("doc_key", "str"),
        ("entity_idx", "int"),
        ("label", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("norm", "str"),
        ("kb_id", "str"),
        ("source", "str"),
        ("score", "float"),
    ),
    "persons": (
        ("doc_key", "str"),
        ("person_idx", "int"),
        ("name", "str"),
        ("name_original", "str"),
        ("name_en", "str"),
        ("name_en_source", "str"),
        ("title", "str"),
        ("org", "str"),
        ("country", "str"),
        ("kb_id", "str"),
        ("n_mentions", "int"),
        ("mentions", "str"),
    ),
    "organizations": (
        ("doc_key", "str"),
        ("org_idx", "int"),
        ("name", "str"),
        ("name_en", "str"),
        ("country", "str"),
        ("kb_id", "str"),
        ("n_mentions", "int"),
        ("mentions", "str"),
    ),
    "events": (
        ("doc_key", "str"),
        ("event_idx", "int"),
        ("doc_id", "str"),
        ("doc_date", "str"),
        ("type", "str"),
        ("format", "str"),
        ("salience", "str"),
        ("countries", "str"),
        ("n_countries", "int"),
        ("date", "str"),
        ("end_date", "str"),
        ("city", "str"),
        ("city_ko", "str"),
        ("location_country", "str"),
        ("round", "int"),
        ("name", "str"),
        ("trigger", "str"),
        ("n_participants", "int"),
        ("participant_names", "str"),
        ("participant_countries", "str"),
        ("participants", "str"),
        ("cameo", "str"),
        ("plover", "str"),
        ("confidence", "float"),
        ("evidence", "str"),
        ("evidence_start", "int"),
        ("evidence_end", "int"),
    ),
    "participants": (
        ("doc_key", "str"),
        ("event_idx", "int"),
        ("participant_idx", "int"),
        ("name", "str"),
        ("title", "str"),
        ("org", "str"),
        ("country", "str"),
    ),
    "errors": (
        ("path", "str"),
        ("record", "int"),
        ("reason", "str"),
        ("message", "str"),
    ),
}

#: The tables, in the order outputs hold them.
TABLES: tuple[str, ...] = tuple(SCHEMA)

_PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "float64"}


def columns(table: str) -> list[str]:
    """The column names of `table`, in order."""
    return [name for name, _ in SCHEMA[table]]


def dtypes(table: str) -> dict[str, str]:
    """The pandas dtype of every column of `table` (nullable `string` and `Int64`)."""
    return {name: _PANDAS_DTYPES[kind] for name, kind in SCHEMA[table]}


#: Where a document was read: the input file's key (`batch.file_key`) and its record's index there.
Origin = tuple[str, int]


def doc_key(document: Document | dict[str, Any], origin: Origin | None = None) -> str:
    """The document's key in every table, a 16-hex hash stable across runs: of its `origin` (input file
    and record index, unique per output) when given, else of its `source` and `id`."""
    if origin is not None:
        raw = f"\x1e{origin[0]}\x1f{origin[1]}"
    elif isinstance(document, Document):
        raw = f"{document.source or ''}\x1f{document.id}"
    else:
        raw = f"{document.get('source') or ''}\x1f{document['id']}"
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _joined(values: Iterable[str | None]) -> str | None:
    text = LIST_SEP.join(value or "" for value in values)
    return text or None


def _participant(p: dict[str, Any]) -> str:
    """`김민수 (외교부, 제1차관, KOR)`: a participant as one readable phrase."""
    about = ", ".join(str(p[k]) for k in ("org", "title", "country") if p.get(k))
    who = p.get("name") or p.get("title") or "?"
    return f"{who} ({about})" if about else who


def document_rows(document: Document, origin: Origin | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """The rows one Document adds to each table (the `errors` table gets none), keyed by `doc_key`.

    An empty string is stored as null, as CSV would read it back: every format gives the same tables.
    """
    data = document.model_dump(mode="json")
    key = doc_key(data, origin)
    events = data["events"]
    out: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TABLES}
    out["documents"].append(
        (
            key,
            data["id"],
            data["source"],
            data["title"],
            data["publisher"],
            data["doc_date"],
            _joined(data["countries"]),
            len(data["entities"]),
            len(data["persons"]),
            len(data["organizations"]),
            len(events),
            "\n".join(data["warnings"]) or None,
            data["text"],
        )
    )
    out["entities"] = [
        (key, i, e["label"], e["text"], e["start"], e["end"], e["norm"], e["kb_id"], e["source"], e["score"])
        for i, e in enumerate(data["entities"])
    ]
    out["persons"] = [
        (
            key,
            i,
            p["name"],
            p["name_original"],
            p["name_en"],
            p["name_en_source"],
            p["title"],
            p["org"],
            p["country"],
            p["kb_id"],
            len(p["mentions"]),
            json.dumps(p["mentions"]),
        )
        for i, p in enumerate(data["persons"])
    ]
    out["organizations"] = [
        (
            key,
            i,
            o["name"],
            o["name_en"],
            o["country"],
            o["kb_id"],
            len(o["mentions"]),
            json.dumps(o["mentions"]),
        )
        for i, o in enumerate(data["organizations"])
    ]
    for i, ev in enumerate(events):
        location = ev.get("location") or {}
        evidence = ev.get("evidence") or {}
        people = ev["participants"]
        out["events"].append(
            (
                key,
                i,
                data["id"],
                data["doc_date"],
                ev["type"],
                ev["format"],
                ev["salience"],
                _joined(ev["countries"]),
                len(ev["countries"]),
                ev["date"],
                ev["end_date"],
                location.get("city"),
                location.get("city_ko"),
                location.get("country"),
                ev["round"],
                ev["name"],
                ev["trigger"],
                len(people),
                _joined(p.get("name") for p in people if p.get("name")),
                _joined(p.get("country") for p in people) if any(p.get("country") for p in people) else None,
                "; ".join(_participant(p) for p in people) or None,
                ev["cameo"],
                ev["plover"],
                ev["confidence"],
                evidence.get("text"),
                evidence.get("start"),
                evidence.get("end"),
            )
        )
        out["participants"].extend(
            (key, i, j, p.get("name"), p.get("title"), p.get("org"), p.get("country"))
            for j, p in enumerate(people)
        )
    return {table: _blank_to_null(found) for table, found in out.items()}


def error_row(error: FileError) -> tuple[Any, ...]:
    """The `errors` row of a file (or record) that could not be read."""
    return (error.path, error.record, error.reason, error.message)


def rows(
    items: Iterable[Document | FileError], *, file: str | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every table for Documents and FileErrors, in order (the raw form sinks write).

    `file` is the key of the input file all `items` come from, one item per record in the file's order:
    the documents are then keyed by their origin (see `doc_key`).
    """
    out: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TABLES}
    for index, item in enumerate(items):
        if isinstance(item, FileError):
            out["errors"].append(error_row(item))
            continue
        origin = None if file is None else (file, index)
        for table, found in document_rows(item, origin).items():
            out[table].extend(found)
    return out


def _blank_to_null(found: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(None if value == "" else value for value in row) for row in found]


def frame(table: str, records: Sequence[tuple[Any, ...]] = ()) -> pd.DataFrame:
    """A DataFrame of `table` from raw rows, with the table's columns and nullable dtypes."""
    import pandas as pd

    names = columns(table)
    data = pd.DataFrame.from_records(list(records), columns=names) if records else pd.DataFrame(columns=names)
    return conform(table, data)


def conform(table: str, data: pd.DataFrame) -> pd.DataFrame:
    """`data` with exactly the columns and dtypes of `table` (what every reader returns)."""
    names = columns(table)
    missing = [name for name in names if name not in data.columns]
    if missing:
        raise InputError(f"table {table!r} lacks the columns {', '.join(missing)}")
    data = data[names].astype(dtypes(table))
    return data.reset_index(drop=True)


def to_frames(items: Iterable[Document | FileError]) -> dict[str, pd.DataFrame]:
    """The seven tables of some Documents (and FileError rows, which go to `errors`) as DataFrames.

    Takes whatever `extract_folder` yields, a list of Documents, or Documents read back from JSON Lines.
    """
    found = rows(items)
    tables = {table: frame(table, found[table]) for table in TABLES}
    tables["events"] = with_event_groups(tables["events"])
    return tables


def with_event_groups(events: pd.DataFrame) -> pd.DataFrame:
    """The events table with an `event_group` column: one id per real event, however many documents
    report it (`extractor.dedupe`: same type and parties, agreeing dates, no differing round; an
    undated event is compared by its document's date)."""
    import pandas as pd

    from extractor.dedupe import group_rows

    def value(cell: Any) -> Any:
        return None if pd.isna(cell) else cell

    keyed = (
        (
            row.type,
            [code for code in (value(row.countries) or "").split(";") if code],
            value(row.date),
            int(row.round) if value(row.round) is not None else None,
            value(row.name),
            value(row.doc_date),
        )
        for row in events.itertuples(index=False)
    )
    grouped = events.copy()
    grouped["event_group"] = group_rows(keyed) if len(events) else pd.Series(dtype="string")
    return grouped


# --------------------------------------------------------------------------- reading outputs back


def _table_of(names: Sequence[str], where: str) -> str:
    """Which table a file holds, from its columns."""
    for table in TABLES:
        if list(names) == columns(table):
            return table
    raise InputError(f"{where}: not a korex table (columns {', '.join(map(str, names))})", path=where)


#: A CSV cell a spreadsheet would evaluate as a formula (OWASP's CSV-injection list) starts with one
#: of these; korex writes such a cell with a `'` before it, and `read` takes that `'` off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DEFUSED = re.compile("^'(?='*[=+\\-@\t\r])")


def defuse(cell: Any) -> Any:
    """A value as written to CSV: a string a spreadsheet would run as a formula gets a leading `'`.

    Strings already starting with quotes before such a character get one more, so `restore` is exact.
    """
    if isinstance(cell, str) and cell.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _read_csv(path: Path, table: str | None = None) -> tuple[str, pd.DataFrame]:
    import pandas as pd

    if table is None:
        table = _table_of(list(pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns), str(path))
    data = pd.read_csv(path, dtype=dtypes(table), keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    for name, kind in SCHEMA[table]:
        if kind == "str" and name in data:
            data[name] = data[name].str.replace(_DEFUSED, "", n=1, regex=True)
    return table, conform(table, data)


def _read_parquet(path: Path, table: str | None = None) -> tuple[str, pd.DataFrame]:
    import pyarrow.parquet as pq

    if table is None:
        table = _table_of(pq.read_schema(path).names, str(path))
    return table, conform(table, pq.read_table(path).to_pandas())


def _read_duckdb(path: Path, tables: Sequence[str]) -> dict[str, pd.DataFrame]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        present = {
            row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        out = {}
        for table in tables:
            if table in present:
                out[table] = conform(table, con.execute(f'SELECT * FROM "{table}"').df())
        return out
    finally:
        con.close()


def _read_jsonl(path: Path) -> dict[str, pd.DataFrame]:
    """A JSON Lines output as tables: documents keyed by their origin where korex's state beside the
    file says which input file and record each line comes from, and the error rows it keeps there."""
    from extractor.sinks import read_manifest, state_folder

    documents: list[Document] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                documents.append(Document.model_validate_json(line))
            except ValueError as exc:
                raise InputError(
                    f"{path}:{number}: not a korex Document ({exc})", path=path, line=number
                ) from None
    entries = read_manifest(state_folder(path) / "manifest.jsonl").entries
    origins: list[Origin | None] = [
        (key, index) for key, entry in entries for index in _document_records(entry.documents, entry.errors)
    ]
    if len(origins) != len(documents):  # not an output korex's state describes
        origins = [None] * len(documents)
    found: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TABLES}
    for document, origin in zip(documents, origins, strict=True):
        for table, table_rows in document_rows(document, origin).items():
            found[table].extend(table_rows)
    found["errors"] = [error_row(error) for _, entry in entries for error in entry.errors]
    return {table: frame(table, found[table]) for table in TABLES}


def _document_records(documents: int, errors: Sequence[FileError]) -> list[int]:
    """The record indices of a file's documents: the first ones its error rows leave free."""
    taken = {error.record for error in errors}
    out: list[int] = []
    index = 0
    while len(out) < documents:
        if index not in taken:
            out.append(index)
        index += 1
    return out


def read(path: str | os.PathLike[str], *, tables: Sequence[str] | None = None) -> dict[str, pd.DataFrame]:
    """Load any output of `korex extract` back as DataFrames, keyed by table name.

    Reads JSON Lines (`.jsonl`), a folder of per-table `.csv` or `.parquet` files, a single-table
    `.csv`/`.parquet` file (`--table events`), a DuckDB database (`.duckdb`), and the folder of Parquet
    partitions that `extractor.distributed` writes (`TABLE/part-*.parquet`). `tables` picks some tables.
    """
    import pandas as pd

    where = Path(os.fspath(path))
    wanted = list(tables) if tables is not None else list(TABLES)
    unknown = [t for t in wanted if t not in SCHEMA]
    if unknown:
        raise ValueError(f"unknown tables {unknown}; korex tables are {', '.join(TABLES)}")
    suffix = where.suffix.lower()
    if not where.exists():
        raise InputError(f"{where}: no such output", path=where)
    if where.is_dir():
        found: dict[str, pd.DataFrame] = {}
        for table in wanted:
            parts = sorted((where / table).glob("*.parquet")) if (where / table).is_dir() else []
            if parts:
                found[table] = pd.concat([_read_parquet(part, table)[1] for part in parts], ignore_index=True)
            elif (where / f"{table}.parquet").is_file():
                found[table] = _read_parquet(where / f"{table}.parquet", table)[1]
            elif (where / f"{table}.csv").is_file():
                found[table] = _read_csv(where / f"{table}.csv", table)[1]
        if not found:
            raise InputError(f"{where}: holds no korex tables", path=where)
        return _grouped(found)
    if suffix == ".duckdb":
        return _grouped(_read_duckdb(where, wanted))
    if suffix in (".csv", ".parquet"):
        table, data = (_read_csv if suffix == ".csv" else _read_parquet)(where)
        return _grouped({table: data} if table in wanted else {})
    if suffix in (".jsonl", ".ndjson"):
        everything = _read_jsonl(where)
        return _grouped({table: everything[table] for table in wanted})
    raise InputError(f"{where}: unknown output format {suffix or '(no suffix)'}", path=where)


def _grouped(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Tables read back, the events table with its `event_group` column."""
    if "events" in tables and "event_group" not in tables["events"]:
        tables["events"] = with_event_groups(tables["events"])
    return tables
