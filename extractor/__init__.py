"""korex: entities and diplomatic events from Korean diplomatic texts.

>>> import extractor
>>> doc = extractor.extract("한일 외교장관이 29일 도쿄에서 회담했다.")
>>> doc.countries
['JPN', 'KOR']

`extract`, `extract_file` and `extract_folder` use one default `Extractor`, built on first use;
make your own `Extractor(gazetteers=[...])` to add gazetteer folders of your own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from extractor import batch, loader
from extractor.dedupe import EventGroup, dedupe
from extractor.errors import InputError, KorexError
from extractor.models import (
    DateValue,
    Document,
    Entity,
    EntityLabel,
    Event,
    EventFormat,
    EventType,
    FileError,
    Location,
    Organization,
    Participant,
    Person,
    Salience,
)

__version__ = "0.1.0"

__all__ = [
    "DateValue",
    "Document",
    "Entity",
    "EntityLabel",
    "Event",
    "EventFormat",
    "EventGroup",
    "EventType",
    "Extractor",
    "FileError",
    "InputError",
    "KorexError",
    "Location",
    "Organization",
    "Participant",
    "Person",
    "Salience",
    "dedupe",
    "extract",
    "extract_file",
    "extract_folder",
]

DateLike = str | dt.date | None
PathLike = str | os.PathLike[str]


def _iso(value: DateLike) -> str | None:
    """A caller's date as `YYYY-MM-DD` (raises ValueError for anything else)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(value).isoformat()


def _doc_id(loaded: loader.LoadedText, record: int | None = None) -> str:
    """A readable, stable id: the record's own id, else the file name, else a hash of the text."""
    if loaded.id:
        return loaded.id
    if loaded.source:
        stem = Path(loaded.source).stem or loaded.source
        return stem if record is None else f"{stem}#{record}"
    return "doc-" + hashlib.sha1(loaded.text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def with_headline(loaded: loader.LoadedText) -> str:
    """The text to analyse: the body, led by its headline and its publisher's summary (front matter
    `excerpt`) when the loader took them out.

    A headline names the event a release is about (`한-폴란드 정상회담`) and a summary often names the
    officials the body leaves out, so both belong to the analysed text; `Document.text` is this text
    and every offset indexes it.
    """
    lead = [
        part.strip()
        for part in (loaded.title, loaded.summary)
        if part and part.strip() and part.strip() not in loaded.text
    ]
    return "\n\n".join([*lead, loaded.text]) if lead else loaded.text


class Extractor:
    """A configured korex pipeline; build one per process and reuse it (Kiwi takes a second to load)."""

    def __init__(self, *, gazetteers: Sequence[PathLike] = ()) -> None:
        self.gazetteers = tuple(str(Path(folder).resolve()) for folder in gazetteers)
        self._nlp = None

    @property
    def nlp(self):
        """The spaCy pipeline, built on first use and shared by Extractors with the same gazetteers."""
        if self._nlp is None:
            from extractor import pipeline

            self._nlp = pipeline.shared(self.gazetteers)
        return self._nlp

    def extract(self, text: str, *, doc_date: DateLike = None, source: str | None = None) -> Document:
        """Analyse one whole document given as a string (front matter, HTML and boilerplate are stripped).

        `doc_date` anchors relative dates when the text carries no dateline of its own.
        """
        if not isinstance(text, str):
            raise TypeError(f"extract() takes a str, not {type(text).__name__}; use extract_file() for files")
        return self._analyse(loader.read_text(text, source=source), doc_date=_iso(doc_date))

    def extract_file(self, path: PathLike, *, doc_date: DateLike = None) -> Document:
        """Analyse one file holding one document (.txt, .md, .html, .json, or a one-record .jsonl)."""
        loaded = loader.load_file(path)
        if len(loaded) != 1:
            raise InputError(
                f"{path}: holds {len(loaded)} documents; extract_folder() yields one Document per record",
                path=str(path),
            )
        return self._analyse(loaded[0], doc_date=_iso(doc_date))

    def extract_folder(
        self,
        paths: PathLike | Iterable[PathLike],
        *,
        pattern: str = "*",
        jobs: int = 1,
        timeout: float | None = batch.DEFAULT_TIMEOUT,
    ) -> Iterator[Document | FileError]:
        """One Document per document found under `paths` (files or folders), or a FileError per bad file.

        Files come in sorted order whatever `jobs` is. `jobs` is the number of cores used: 1 analyses
        one document at a time in this process, `jobs > 1` in that many worker processes (0: one per
        CPU), each loading its own pipeline once. A bad file never stops the run:
        it becomes a `FileError` with its path and reason, and so does a document that takes longer
        than `timeout` seconds (reason `timeout`; None: no limit). For resumable runs into JSON Lines,
        CSV, Parquet or DuckDB outputs see `extractor.batch.extract_to` (what `korex extract` runs).
        """
        return batch.extract_folder(self, paths, pattern=pattern, jobs=jobs, timeout=timeout)

    def extract_loaded(self, loaded: loader.LoadedText, *, record: int | None = None) -> Document:
        """Analyse a document the loader has already read (batch runs read files themselves)."""
        return self._analyse(loaded, record=record)

    def extract_many(
        self, items: Sequence[tuple[loader.LoadedText, int | None]]
    ) -> list[Document | Exception]:
        """Analyse many read documents (each with its record number) as one stream: Kiwi's threads
        analyse the next texts, without holding the GIL, while the components run on this one. A
        second core for one process and one model in memory; `extract_folder(jobs=2)` gains more.

        The result holds, in order, each Document or the exception its analysis raised, so one bad
        document costs only its own result.
        """
        from extractor.rules.date_mentions import ANCHOR_KEY

        anchors = [self._anchor(loaded) for loaded, _ in items]

        def docs() -> Iterator[Any]:
            texts = (with_headline(loaded) for loaded, _ in items)
            for doc, anchor in zip(self.nlp.tokenizer.pipe(texts), anchors, strict=True):
                doc.user_data[ANCHOR_KEY] = dt.date.fromisoformat(anchor) if anchor else None
                yield doc

        try:
            analysed = list(self.nlp.pipe(docs()))
        except Exception:  # find the document that failed: the others must still come out
            return [_outcome(partial(self._analyse, loaded, record=record)) for loaded, record in items]
        return [
            _outcome(partial(self._record, doc, loaded, anchor, record))
            for doc, (loaded, record), anchor in zip(analysed, items, anchors, strict=True)
        ]

    @staticmethod
    def _anchor(loaded: loader.LoadedText, doc_date: str | None = None) -> str | None:
        return loaded.doc_date or doc_date

    def _analyse(
        self, loaded: loader.LoadedText, *, doc_date: str | None = None, record: int | None = None
    ) -> Document:
        from extractor.rules.date_mentions import ANCHOR_KEY

        anchor = self._anchor(loaded, doc_date)
        doc = self.nlp.make_doc(with_headline(loaded))
        doc.user_data[ANCHOR_KEY] = dt.date.fromisoformat(anchor) if anchor else None
        return self._record(self.nlp(doc), loaded, anchor, record)

    @staticmethod
    def _record(doc: Any, loaded: loader.LoadedText, anchor: str | None, record: int | None) -> Document:
        from extractor.records import Meta, to_document

        meta = Meta(
            id=_doc_id(loaded, record),
            source=loaded.source,
            title=loaded.title,
            publisher=loaded.publisher,
            doc_date=anchor,
            dateline=(loaded.dateline or loaded.doc_date) if loaded.doc_date else None,
            warnings=tuple(loaded.warnings),
        )
        return to_document(doc, meta)


def _outcome(work: Callable[[], Document]) -> Document | Exception:
    """What `work` returns, or the exception it raised (so one document's failure stays its own)."""
    try:
        return work()
    except Exception as exc:
        return exc


_default: Extractor | None = None


def default_extractor() -> Extractor:
    """The Extractor behind the module-level functions."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: str, *, doc_date: DateLike = None, source: str | None = None) -> Document:
    """Analyse one document given as a string with the default Extractor."""
    return default_extractor().extract(text, doc_date=doc_date, source=source)


def extract_file(path: PathLike, *, doc_date: DateLike = None) -> Document:
    """Analyse one file with the default Extractor."""
    return default_extractor().extract_file(path, doc_date=doc_date)


def extract_folder(
    paths: PathLike | Iterable[PathLike],
    *,
    pattern: str = "*",
    jobs: int = 1,
    timeout: float | None = batch.DEFAULT_TIMEOUT,
) -> Iterator[Document | FileError]:
    """Analyse every document under `paths` with the default Extractor (see `Extractor.extract_folder`)."""
    return default_extractor().extract_folder(paths, pattern=pattern, jobs=jobs, timeout=timeout)
