"""Every step by which an output changes on disk: write, fsync, rename, unlink, truncate, append.

Outputs (`extractor.sinks`) touch their files only through these functions, so what a crash can cut
short is this short list, each step whole or not at all. A file is written to a name no reader looks
at, flushed and fsynced, and only then renamed to the name readers use (its directory fsynced after):
a file under its final name is complete. Appends (the journal) are fsynced line by line; a reader
cuts off a torn last line. The crash-point tests end the process before each of these steps.

fsync is what makes a step survive a power cut, not just a killed process; it costs a few
milliseconds per call on an SSD, paid about once a second by a batch run (see `sinks`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["append", "fsync", "fsync_dir", "replace", "truncate", "unlink", "write", "write_atomic"]


def fsync(fd: int) -> None:
    """Flush a file's data to the disk."""
    os.fsync(fd)


def fsync_dir(path: Path) -> None:
    """Make the names in a directory durable (renames, new files); a no-op where directories cannot be
    opened or fsynced (Windows, some network file systems)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write(path: Path, fill: Callable[[BinaryIO], None]) -> int:
    """Create or replace `path` with what `fill` writes, flushed and fsynced; returns its size in bytes.

    `path` is a temporary name: rename it into place with `replace` once it is complete.
    """
    with path.open("wb") as handle:
        fill(handle)
        handle.flush()
        fsync(handle.fileno())
        return handle.tell()


def replace(source: Path, target: Path) -> None:
    """Rename `source` over `target` in one step (readers see the old file or the new one, never a mix)."""
    os.replace(source, target)


def write_atomic(path: Path, fill: Callable[[BinaryIO], None]) -> int:
    """Write `path` whole or not at all: through a temporary name, then renamed; returns its size."""
    tmp = path.with_name(f".{path.name}.tmp")
    size = write(tmp, fill)
    replace(tmp, path)
    fsync_dir(path.parent)
    return size


def append(path: Path, data: bytes) -> None:
    """Append `data` to `path` (created if missing), fsynced."""
    with path.open("ab") as handle:
        handle.write(data)
        handle.flush()
        fsync(handle.fileno())


def truncate(path: Path, size: int) -> None:
    """Cut `path` to its first `size` bytes (a torn last record), fsynced."""
    with path.open("r+b") as handle:
        handle.truncate(size)
        handle.flush()
        fsync(handle.fileno())


def unlink(path: Path) -> None:
    """Remove `path` if it exists."""
    path.unlink(missing_ok=True)
