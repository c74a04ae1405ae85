"""What `korex show` shows: documents from any source, as text tables or as one HTML page.

A source is a document file (analysed: every record of a JSON list or JSON Lines file), a JSON Lines
or JSON output of Documents, or a table output (`.duckdb`, a folder of CSV or Parquet tables), whose
rows are put back together as documents. In a terminal each document is a header and two tables
(entities, events) whose columns are as wide as their longest cell, Hangul counted as two columns:
places, ids and names are never cut. The HTML page holds, per document, displaCy's rendering of the
entities in the text and the table of events; it needs no network and opens in any browser.
"""

from __future__ import annotations

import html
import json
import os
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.errors import InputError
from extractor.frames import LIST_SEP
from extractor.models import Document, FileError

if TYPE_CHECKING:
    import pandas as pd

    from extractor import Extractor

__all__ = ["documents", "page", "pick", "render", "table"]

#: Document data as `Document.model_dump(mode="json")` gives it (or the part a table output keeps).
Data = dict[str, Any]

_TABLE_SUFFIXES = (".duckdb", ".parquet")


def documents(
    path: str | os.PathLike[str], extractor: Callable[[], Extractor]
) -> tuple[list[Data], list[FileError]]:
    """The documents `path` holds or, for a document file, those the extractor finds in it (with a
    FileError for each record it cannot read). `extractor` makes the Extractor when one is needed."""
    where = Path(path)
    if not where.exists():
        raise InputError(f"{where}: no such file or folder", path=where)
    if where.is_dir() or where.suffix.lower() in _TABLE_SUFFIXES:
        from extractor import frames

        return from_tables(frames.read(where)), []
    written = _written_documents(where)
    if written is not None:
        return written, []
    found = list(extractor().extract_folder([where], timeout=None))
    errors = [item for item in found if isinstance(item, FileError)]
    return [item.model_dump(mode="json") for item in found if isinstance(item, Document)], errors


def _written_documents(path: Path) -> list[Data] | None:
    """The Documents of a JSON Lines or JSON output of korex, or None when `path` holds something else."""
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        return None
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            data = json.loads(text)
            records = data if isinstance(data, list) else [data]
        else:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not records or not all(isinstance(r, dict) and "entities" in r and "text" in r for r in records):
        return None
    return records


def _value(cell: Any) -> Any:
    """A table cell as plain Python: null for any kind of missing value."""
    import pandas as pd

    if cell is None or (not isinstance(cell, (list, tuple)) and pd.isna(cell)):
        return None
    return cell.item() if hasattr(cell, "item") else cell


def _split(cell: Any) -> list[str]:
    value = _value(cell)
    return [code for code in value.split(LIST_SEP) if code] if value else []


def _records(data: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """A table's rows as dictionaries, grouped by `doc_key`, in the table's order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in data.to_dict("records"):
        out.setdefault(str(row["doc_key"]), []).append({k: _value(v) for k, v in row.items()})
    return out


def from_tables(tables: dict[str, pd.DataFrame]) -> list[Data]:
    """Documents put back together from korex's tables (the fields `render` and `page` show)."""
    if "documents" not in tables:
        raise InputError("the output holds no documents table")
    entities = _records(tables["entities"]) if "entities" in tables else {}
    events = _records(tables["events"]) if "events" in tables else {}
    participants = _records(tables["participants"]) if "participants" in tables else {}
    out = []
    for doc in _records(tables["documents"]).values():
        row = doc[0]
        key = str(row["doc_key"])
        people: dict[int, list[dict[str, Any]]] = {}
        for p in participants.get(key, []):
            people.setdefault(int(p["event_idx"]), []).append(
                {name: p[name] for name in ("name", "title", "org", "country")}
            )
        out.append(
            {
                "id": row["doc_id"],
                "doc_key": key,
                "title": row["title"],
                "doc_date": row["doc_date"],
                "source": row["source"],
                "countries": _split(row["countries"]),
                "text": row["text"] or "",
                "entities": [
                    {
                        name: e[name]
                        for name in ("label", "text", "start", "end", "norm", "kb_id", "source", "score")
                    }
                    for e in entities.get(key, [])
                ],
                "events": [
                    {
                        "type": e["type"],
                        "salience": e["salience"],
                        "countries": _split(e["countries"]),
                        "date": e["date"],
                        "location": {
                            "city": e["city"],
                            "city_ko": e["city_ko"],
                            "country": e["location_country"],
                        },
                        "round": e["round"],
                        "name": e["name"],
                        "participants": people.get(int(e["event_idx"]), []),
                    }
                    for e in events.get(key, [])
                ],
            }
        )
    return out


def pick(found: Sequence[Data], ident: str) -> list[Data]:
    """The documents whose id (or `doc_key`, in a table output) is `ident`; InputError if none is."""
    chosen = [doc for doc in found if ident in (doc.get("id"), doc.get("doc_key"))]
    if not chosen:
        ids = [str(doc.get("id")) for doc in found]
        shown = ", ".join(ids[:10]) + (f", ... ({len(ids)} in all)" if len(ids) > 10 else "")
        raise InputError(f"no document with the id {ident!r}; the ids are {shown or '(none)'}")
    return chosen


# --------------------------------------------------------------------------- text


def _width(text: str) -> int:
    """Terminal columns of `text`: Hangul and CJK take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _text(value: object) -> str:
    return "" if value is None else str(value).replace("\n", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table whose columns line up in a terminal, Hangul included; no cell is cut."""
    cells = [[_text(v) for v in row] for row in [headers, *rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip(" ")

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths), *(line(row) for row in cells[1:])])


def _where(event: Data) -> str | None:
    location = event.get("location") or {}
    return location.get("city_ko") or location.get("city")


def _who(event: Data) -> str:
    return ", ".join(p.get("name") or p.get("title") or "?" for p in event.get("participants") or [])


def _event_rows(document: Data) -> list[list[object]]:
    return [
        [
            e["type"],
            e["salience"],
            ",".join(e["countries"]),
            e["date"],
            _where(e),
            e.get("round"),
            e.get("name"),
            _who(e),
        ]
        for e in document.get("events") or []
    ]


_EVENT_HEADERS = ["type", "salience", "countries", "date", "where", "round", "name", "participants"]


def render(document: Data, *, events_only: bool = False) -> str:
    """A readable summary of one document: header, entities (unless `events_only`), events."""
    out = [
        f"document  {document.get('id')}",
        f"title     {document.get('title') or '-'}",
        f"date      {document.get('doc_date') or '-'}",
        f"source    {document.get('source') or '-'}",
        f"countries {' '.join(document.get('countries') or []) or '-'}",
        "",
    ]
    if not events_only:
        entities = document.get("entities") or []
        out.append(f"entities ({len(entities)})")
        out.append(
            table(
                ["label", "text", "norm", "kb_id", "span", "source"],
                [
                    [e["label"], e["text"], e["norm"], e["kb_id"], f"{e['start']}-{e['end']}", e["source"]]
                    for e in entities
                ],
            )
        )
        out.append("")
    events = document.get("events") or []
    out.append(f"events ({len(events)})")
    out.append(table(_EVENT_HEADERS, _event_rows(document)))
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML

_STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; }
section { border-top: 1px solid #ccc; margin-top: 2em; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dt { font-weight: bold; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
"""


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_text(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(document: Data) -> str:
    from extractor.viz import displacy_html

    shown = Document.model_validate(
        {
            "id": str(document.get("id")),
            "text": document.get("text") or "",
            "entities": document.get("entities") or [],
        }
    )
    facts = [
        ("date", document.get("doc_date")),
        ("source", document.get("source")),
        ("countries", " ".join(document.get("countries") or [])),
    ]
    about = "".join(f"<dt>{name}</dt><dd>{html.escape(_text(value) or '-')}</dd>" for name, value in facts)
    heading = html.escape(
        " — ".join(str(part) for part in (document.get("id"), document.get("title")) if part)
    )
    events = document.get("events") or []
    return (
        f"<section><h2>{heading}</h2><dl>{about}</dl>"
        f"{displacy_html(shown, title='')}"
        f"<h3>events ({len(events)})</h3>{_html_table(_EVENT_HEADERS, _event_rows(document))}</section>"
    )


def page(found: Sequence[Data], *, title: str = "korex") -> str:
    """One HTML page showing every document: displaCy's rendering of its entities and its events."""
    sections = "\n".join(_section(document) for document in found)
    return (
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body><h1>{html.escape(title)}</h1>\n{sections}\n</body></html>\n"
    )
