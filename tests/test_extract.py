"""extract(): a Document for any string, with entities whose offsets index its text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor
from extractor.models import Document

KOREAN_ISH = st.lists(
    st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
        st.characters(codec="utf-8"),
        st.sampled_from(
            ["한미일", "일본", "외교부", "·", "-", "북한", "러북", "2024.06.28", "\n", " ", "(", "제"]
        ),
    ),
    max_size=75,
).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(KOREAN_ISH)
def test_any_text_gives_a_document_whose_entities_index_its_text(
    korex: extractor.Extractor, text: str
) -> None:
    doc = korex.extract(text)
    assert isinstance(doc, Document)
    for entity in doc.entities:
        assert 0 <= entity.start < entity.end <= len(doc.text)
        assert doc.text[entity.start : entity.end] == entity.text
    Document.model_validate_json(doc.model_dump_json())


def test_the_readme_sentence(korex: extractor.Extractor) -> None:
    doc = korex.extract("한일 외교장관이 29일 도쿄에서 회담했다.")
    assert {"JPN", "KOR"} <= set(doc.countries)
    assert doc.text == "한일 외교장관이 29일 도쿄에서 회담했다."


def test_plain_text_is_kept_unchanged(korex: extractor.Extractor) -> None:
    text = "  외교부는 오늘 한-캐나다 외교장관 회담 결과를 발표했다.\n\n양측은 협력을 확대하기로 했다.  "
    assert korex.extract(text).text == text


def test_caller_metadata_is_kept(korex: extractor.Extractor) -> None:
    doc = korex.extract("정부는 성명을 발표했다.", doc_date=dt.date(2025, 3, 14), source="memo.txt")
    assert doc.doc_date == "2025-03-14"
    assert doc.source == "memo.txt"
    assert doc.id == "memo"


def test_ids_are_stable_for_the_same_text(korex: extractor.Extractor) -> None:
    assert korex.extract("같은 문서").id == korex.extract("같은 문서").id
    assert korex.extract("같은 문서").id != korex.extract("다른 문서").id


def test_bad_arguments_are_clear_errors(korex: extractor.Extractor) -> None:
    with pytest.raises(TypeError, match="extract_file"):
        korex.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        korex.extract("문서", doc_date="28 June 2024")


def test_module_functions_use_one_default_extractor() -> None:
    assert extractor.default_extractor() is extractor.default_extractor()
    assert extractor.extract("미국과 일본").countries == ["JPN", "USA"]


_CYCLE_PROBE = """
import gc, json, sys
from collections import Counter
import extractor

text = sys.argv[1]
extractor.extract(text, doc_date="2025-09-22")
gc.collect()
gc.disable()
gc.set_debug(gc.DEBUG_SAVEALL)  # keep what the collector finds, to say what it was
extractor.extract(text, doc_date="2025-09-22")
gc.collect()
print(json.dumps(Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.garbage)))
"""


def test_a_document_leaves_no_garbage_cycles() -> None:
    """Everything a document builds is freed as soon as its record is made, not left to the collector
    (which would then scan it on every later document of a long run). Measured in a process of its
    own: threads other tests leave running (Dask's event loop) make garbage of their own meanwhile."""
    import json
    import subprocess
    import sys

    text = (
        "조현우 외교부 장관은 9.22.(월) 서울에서 마리 뒤부아 프랑스 외교장관과 회담을 갖고, "
        "양국 관계와 한반도 정세에 대해 논의하였다.\n\n"
        "양 장관은 9.5.(금) 통화에 이어 협의를 이어가기로 하였다."
    )
    probe = subprocess.run(
        [sys.executable, "-c", _CYCLE_PROBE, text], capture_output=True, text=True, timeout=300, check=True
    )
    found = json.loads(probe.stdout.strip().splitlines()[-1])
    assert not found, f"cycles left to the collector: {found}"
