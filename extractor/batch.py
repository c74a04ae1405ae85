"""Batch runs: which files to read, and one Document (or FileError row) per document in them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

from extractor import loader
from extractor.errors import KorexError
from extractor.models import Document, FileError

if TYPE_CHECKING:
    from extractor import Extractor

#: File suffixes read from folders; a file named explicitly is read whatever its suffix.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"})


def iter_paths(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, pattern: str = "*"
) -> Iterator[Path]:
    """Files to read, in a stable order: named files as given, folders walked recursively.

    In folders, only files whose name matches `pattern` and whose suffix is a document format
    are taken; hidden files and folders (`.git`, `.ipynb_checkpoints`) are skipped. A path that
    does not exist is still yielded, so the reader reports it as an error row instead of losing it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or not fnmatch(name, pattern):
                    continue
                if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                    yield Path(root) / name


def extract_folder(
    extractor: Extractor,
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    pattern: str = "*",
) -> Iterator[Document | FileError]:
    """Documents of every file under `paths`, in order; a file that cannot be read becomes a FileError."""
    for path in iter_paths(paths, pattern=pattern):
        try:
            loaded = loader.load_file(path)
        except KorexError as exc:
            yield FileError(path=str(path), reason=exc.reason, message=str(exc))
            continue
        for number, item in enumerate(loaded):
            try:
                yield extractor.extract_loaded(item, record=number if len(loaded) > 1 else None)
            except KorexError as exc:
                yield FileError(path=str(path), reason=exc.reason, message=str(exc), record=number)
