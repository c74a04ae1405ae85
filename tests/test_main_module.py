"""`python -m extractor` is the korex command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import extractor


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extractor", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_python_m_extractor_runs_the_command(tmp_path: Path) -> None:
    version = run("--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"korex {extractor.__version__}"
    schema = run("schema", cwd=tmp_path)
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["title"] == "korex Document"


def test_python_m_extractor_passes_on_the_exit_status(tmp_path: Path) -> None:
    usage = run("no-such-command", cwd=tmp_path)
    assert usage.returncode == 2
    assert "usage: korex" in usage.stderr
