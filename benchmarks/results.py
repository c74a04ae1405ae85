"""What every benchmark writes into `benchmarks/RESULTS.md`: the machine it ran on, and its own section.

Each benchmark owns one top-level section (`# Throughput`, `# Length sweep`, `# Grouping sweep`) and
replaces only that one, so they can be rerun one at a time.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine() -> str:
    """The CPU, core count, memory and Python of this machine, in one line."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(
            int(line.split()[1]) // 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f", {mem} GB RAM"
    except (OSError, StopIteration, ValueError):
        memory = ""
    system = f"{platform.system()} {platform.release()}"
    return f"{system}, {os.cpu_count()} CPUs ({cpu}){memory}, Python {platform.python_version()}"


def versions() -> str:
    """The versions of the packages that set the speed."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("kiwipiepy", "spacy", "pydantic"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            continue
    return ", ".join(found)


def load() -> str:
    """The load average: other processes share the machine."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def write_section(path: Path, text: str) -> None:
    """Put `text`, which starts with a `# Title` line, in place of that section of `path` (or at its end)."""
    title = text.splitlines()[0]
    old = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
    starts = [i for i, line in enumerate(old) if line.startswith("# ")]
    mine = next((i for i in starts if old[i].rstrip("\n") == title), None)
    if mine is None:
        body = "".join(old).rstrip("\n")
        path.write_text(f"{body}\n\n{text}" if body else text, encoding="utf-8")
        return
    end = next((i for i in starts if i > mine), len(old))
    before, after = "".join(old[:mine]), "".join(old[end:])
    path.write_text(before + text.rstrip("\n") + "\n" + ("\n" + after if after else ""), encoding="utf-8")
