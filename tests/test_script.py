"""Scripts as users write them: the README's example saved as a file and run, with and without the
`if __name__ == "__main__":` guard that worker processes need."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import workers

ROOT = Path(__file__).resolve().parent.parent


def run_script(path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONWARNINGS="default")
    return subprocess.run(
        [sys.executable, str(path)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def readme_script() -> str:
    """The README's first Python block, which it says to save as a script."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)[0]


def test_the_readme_example_runs_as_a_script(tmp_path: Path) -> None:
    script = tmp_path / "first.py"
    script.write_text(readme_script(), encoding="utf-8")
    result = run_script(script, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "['AUS', 'KOR']"
    assert lines[2].startswith("STRATEGIC_DIALOGUE ['AUS', 'KOR'] 2025-03-14 Seoul 9")
    folder = [line for line in lines if re.match(r"^[\w#-]+ \[", line)]
    names = {p.stem for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".md", ".html"}}
    assert names <= {line.split()[0] for line in folder}


# Written for these tests in the style of ministry press releases; people and meetings are invented.
TEXTS = {
    "a.txt": "한일 외교장관이 도쿄에서 회담했다.\n",
    "b.txt": "정부는 미국 국무부와 협의했다.\n",
    "c.txt": "",
}

UNGUARDED = """
import extractor

for item in extractor.extract_folder("docs", jobs=2):
    if isinstance(item, extractor.FileError):
        print("not read", item.path.rsplit("/", 1)[-1], item.reason)
    else:
        print(item.id, ",".join(item.countries))
"""


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    for name, text in TEXTS.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_script_without_the_guard_runs_in_one_process_and_says_why(docs: Path) -> None:
    """Worker processes would run the script again (and fail to start workers of their own): korex
    says so in one line, names the line, and analyses in the calling process."""
    script = docs / "unguarded.py"
    script.write_text(UNGUARDED, encoding="utf-8")
    result = run_script(script, cwd=docs)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["a JPN,KOR", "b USA", "not read c.txt empty"]
    warning = [line for line in result.stderr.splitlines() if "RuntimeWarning" in line]
    assert len(warning) == 1 and warning[0].startswith(f"{script}:4: RuntimeWarning: unguarded.py asks")
    assert '`if __name__ == "__main__":`' in warning[0] and "Traceback" not in result.stderr


def test_the_same_script_with_the_guard_uses_worker_processes(docs: Path) -> None:
    guarded = "\n".join(
        ["import extractor", "", "def main():", *(f"    {line}" for line in UNGUARDED.splitlines()[3:])]
    )
    script = docs / "guarded.py"
    script.write_text(f'{guarded}\n\nif __name__ == "__main__":\n    main()\n', encoding="utf-8")
    result = run_script(script, cwd=docs)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["a JPN,KOR", "b USA", "not read c.txt empty"]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("source", "line", "unguarded"),
    [
        ("run()\n", 1, True),
        ('if __name__ == "__main__":\n    run()\n', 2, False),
        ("if '__main__' == __name__:\n    x = 1\n    run()\n", 3, False),
        ('if __name__ == "__main__":\n    pass\nrun()\n', 3, True),
        ('def f():\n    run()\nif __name__ != "tests":\n    f()\n', 4, True),
    ],
)
def test_guarded_calls_are_told_from_unguarded_ones(
    source: str, line: int, unguarded: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads the script's own `if __name__ == "__main__":` blocks around the calling line."""
    script = tmp_path / "job.py"
    script.write_text(source, encoding="utf-8")
    module = type(sys)("__main__")
    module.__file__ = str(script)
    module.__spec__ = None
    found: list[object] = []
    module.run = lambda: found.append(workers.unguarded_main())
    monkeypatch.setitem(sys.modules, "__main__", module)
    exec(compile(source, str(script), "exec"), vars(module))
    assert found == [(str(script), line) if unguarded else None]
