"""spaCy users build korex's pipeline from a config alone: its components and tokenizer are entry points."""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extractor import pipeline

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
TOKENIZER = "korex.KiwiTokenizer.v1"

CONFIG = f"""
[nlp]
lang = "ko"
pipeline = {json.dumps(list(pipeline.COMPONENTS))}

[nlp.tokenizer]
@tokenizers = "{TOKENIZER}"

[components]
""" + "".join(f'\n[components.{name}]\nfactory = "{name}"\n' for name in pipeline.COMPONENTS)

#: Run in a fresh interpreter that never imports `extractor` itself: spaCy must find everything.
SCRIPT = """
import json, sys
import spacy
from thinc.api import Config

nlp = spacy.blank("ko", config=Config().from_disk(sys.argv[1]))
doc = nlp("김민준 외교부 제1차관은 서울에서 존 스미스(John Smith) 미국 국무부 부장관과 회담했다.")
print(json.dumps({
    "pipeline": nlp.pipe_names,
    "persons": [doc.text[m.start:m.end] for m in doc._.mentions if m.label.value == "PERSON"],
    "events": [e.type.value for e in doc.user_data["korex_events"]],
}, ensure_ascii=False))
"""


def declared() -> dict[str, dict[str, str]]:
    """The entry points pyproject.toml declares, by group."""
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["entry-points"]


def _resolve(target: str) -> object:
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr)


def test_pyproject_declares_every_component_and_the_tokenizer() -> None:
    points = declared()
    assert set(points["spacy_factories"]) == set(pipeline.COMPONENTS)
    for name, target in points["spacy_factories"].items():
        assert spacy.registry.factories.get(Language.get_factory_name(name)) is _resolve(target)
    assert set(points["spacy_tokenizers"]) == {TOKENIZER}
    assert spacy.registry.tokenizers.get(TOKENIZER) is _resolve(points["spacy_tokenizers"][TOKENIZER])


def test_a_pipeline_builds_from_a_config_file_alone(tmp_path: Path) -> None:
    installed = {
        point.name: point.value
        for point in importlib.metadata.entry_points(group="spacy_factories")
        if point.dist is not None and point.dist.name == "korex"
    }
    if installed != declared()["spacy_factories"]:
        pytest.skip(
            "the installed korex predates pyproject.toml's entry points: reinstall it (pip install .)"
        )
    config = tmp_path / "config.cfg"
    config.write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(config)],
        cwd=tmp_path,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    built = json.loads(result.stdout)
    assert built["pipeline"] == list(pipeline.COMPONENTS)
    assert {"김민준", "존 스미스"} <= set(built["persons"])
    assert "TALKS" in built["events"]
