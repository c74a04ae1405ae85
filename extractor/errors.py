"""Typed errors: every error korex raises on purpose is a `KorexError`.

Each class has a short machine-readable `reason` (for logs, CLI exit summaries and
tests) and carries the `path` of the file concerned, and where it applies the `line`
(JSONL, CSV) or `record` (index in a JSON list) at fault. The message itself says what
is wrong and with which file, so `str(error)` is fit to show to a user as it is.
"""

from __future__ import annotations

import os
from typing import ClassVar

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "GazetteerError",
    "InputError",
    "InputTooLargeError",
    "InvalidJSONError",
    "KorexError",
    "MissingInputError",
    "MissingTextError",
    "OutputBusyError",
    "OutputError",
    "OutputRefusedError",
    "UnreadableInputError",
    "UnsupportedFormatError",
]


class KorexError(Exception):
    """Base of every error the library raises; `reason` says which kind, `path` which file."""

    reason: ClassVar[str] = "error"

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        record: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path: str | None = os.fspath(path) if path is not None else None
        self.line = line
        self.record = record


class InputError(KorexError):
    """The input cannot be read as a document (bad file, bad bytes, bad record)."""

    reason: ClassVar[str] = "invalid_input"


class EmptyInputError(InputError):
    """The file (or string) holds nothing but whitespace."""

    reason: ClassVar[str] = "empty"


class BinaryInputError(InputError):
    """The file holds binary data (NUL bytes, control characters, an image), not text."""

    reason: ClassVar[str] = "binary"


class InputTooLargeError(InputError):
    """The file is larger than the `max_bytes` limit the caller set."""

    reason: ClassVar[str] = "too_large"


class UnreadableInputError(InputError):
    """The path cannot be read: missing, a directory, not a regular file, no permission."""

    reason: ClassVar[str] = "unreadable"


class MissingInputError(UnreadableInputError):
    """None of the paths given to a run exists: nothing is read and no output is created."""


class InvalidJSONError(InputError):
    """A .json/.jsonl file (or one JSONL line) is not valid JSON, or is nested too deeply."""

    reason: ClassVar[str] = "invalid_json"


class MissingTextError(InputError):
    """A JSON record has none of the text fields, or the field is empty or not a string."""

    reason: ClassVar[str] = "missing_text"


class UnsupportedFormatError(InputError):
    """A document format korex does not read (PDF, DOCX/HWPX, HWP), or JSON that is not records."""

    reason: ClassVar[str] = "unsupported_format"


class GazetteerError(KorexError):
    """A gazetteer or rule file (CSV) is missing, malformed or has an invalid row."""

    reason: ClassVar[str] = "gazetteer"


class OutputError(KorexError):
    """The output cannot be written: read-only, full disk, a name too long, a damaged state folder."""

    reason: ClassVar[str] = "output"


class OutputRefusedError(OutputError):
    """The output asked for is one korex will not write: an unknown format, a file korex did not write,
    one of the inputs, an output of another layout or table."""

    reason: ClassVar[str] = "output_refused"


class OutputBusyError(OutputError):
    """Another korex run is writing this output."""

    reason: ClassVar[str] = "output_busy"
