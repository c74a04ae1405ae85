"""An Extractor that makes small Documents without the pipeline, for tests of batch runs and outputs.

Analysis is beside the point there, and the real pipeline takes seconds to load in every process.
The Documents still fill every table: an entity, an event with a participant, a person, an
organisation. A text holding `SLOW` sleeps (a document over its time budget), one holding `CRASH`
ends its process (a crash in native code).

A korex worker process sets Kiwi's threads through `extractor.tokenizer`, whose import loads spaCy
(seconds). In a worker that runs this stub, which never builds a pipeline, a stand-in module with
only `set_threads` takes its place, so that tests can start hundreds of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
import types
from pathlib import Path

import extractor
from extractor import loader
from extractor.models import (
    Document,
    Entity,
    EntityLabel,
    Event,
    EventFormat,
    EventType,
    Organization,
    Participant,
    Person,
)

#: Seconds a `SLOW` text takes: longer than any test waits, so only a time budget ends it.
SLOW_SECONDS = 600.0


class StubExtractor(extractor.Extractor):
    """Documents from the text alone, in microseconds."""

    def extract(self, text: str, *, doc_date: object = None, source: str | None = None) -> Document:
        """A Document of one string (no pipeline is ever built)."""
        return (
            self.extract_loaded(loader.read_text(text, source=source)) if text else Document(id="x", text="")
        )

    def extract_loaded(self, loaded: loader.LoadedText, *, record: int | None = None) -> Document:
        """A Document whose tables all get rows, decided by the text."""
        if "CRASH" in loaded.text:
            os._exit(1)
        if "SLOW" in loaded.text:
            time.sleep(SLOW_SECONDS)
        stem = Path(loaded.source).stem if loaded.source else "doc"
        ident = loaded.id or (stem if record is None else f"{stem}#{record}")
        first = loaded.text.split()[0] if loaded.text.split() else "-"
        return Document(
            id=ident,
            source=loaded.source,
            title=loaded.title,
            publisher=loaded.publisher,
            text=loaded.text,
            warnings=list(loaded.warnings),
            countries=["JPN", "KOR"],
            entities=[Entity(label=EntityLabel.COUNTRY, text=loaded.text[:1], start=0, end=1, norm="KOR")],
            persons=[Person(name=first, title="장관", country="KOR", mentions=[[0, 1]])],
            organizations=[Organization(name="외교부", country="KOR", mentions=[[0, 1]])],
            events=[
                Event(
                    type=EventType.TALKS,
                    format=EventFormat.BILATERAL,
                    countries=["JPN", "KOR"],
                    participants=[Participant(name=first, country="KOR")],
                    name=loaded.text[:20],
                )
            ],
        )


if multiprocessing.current_process().name == "korex-worker" and "extractor.tokenizer" not in sys.modules:
    _threads_only = types.ModuleType("extractor.tokenizer")
    _threads_only.set_threads = lambda threads: None  # type: ignore[attr-defined]
    sys.modules["extractor.tokenizer"] = _threads_only
