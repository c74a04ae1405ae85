"""Which files a batch run reads: the files named, and the documents inside the folders named."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

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
