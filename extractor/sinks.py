"""Where records go: JSON Lines, one Document per line.

A file sink writes to `NAME.part` and renames it over `NAME` only when closed cleanly, so a
crash never leaves a half-written output where a finished one is expected.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from pydantic import BaseModel


class JsonlSink:
    """Writes records as JSON Lines to a file (atomically) or to stdout."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._partial = self.path.with_name(self.path.name + ".part") if self.path else None
        self._handle: IO[str] | None = None
        self.written = 0

    def __enter__(self) -> JsonlSink:
        if self._partial is not None:
            self._partial.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self._partial.open("w", encoding="utf-8", newline="\n")
        else:
            self._handle = sys.stdout
        return self

    def write(self, record: BaseModel) -> None:
        """Append one record as a line of JSON (UTF-8, Hangul kept as is)."""
        assert self._handle is not None, "use the sink as a context manager"
        self._handle.write(record.model_dump_json() + "\n")
        self.written += 1

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._handle is None:
            return
        self._handle.flush()
        if self._partial is None or self.path is None:
            return
        self._handle.close()
        if exc_type is None:
            os.replace(self._partial, self.path)
        else:
            self._partial.unlink(missing_ok=True)
