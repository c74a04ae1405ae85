"""The Kiwi tokenizer: exact coverage of the text, Kiwi tags and forms, shared tokens, chunking."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.tokenizer import LONGEST_SENTENCE, SPACE_TAG, UNKNOWN_TAG, KiwiTokenizer, split_chunks

nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "korex.KiwiTokenizer.v1"}}})

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
ANY_TEXT = st.lists(
    st.one_of(
        HANGUL,
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
        st.characters(codec="utf-8"),  # anything, control characters included
        st.sampled_from(list("0123456789 .,·-()[]「」\n\t\r\u3000\u200b")),
        st.sampled_from(["외교부", "제1차관", "했다", "2024.06.28", "6.28.(금)", "한미일", "  ", "\n\n"]),
    ),
    max_size=50,
).map("".join)


def assert_covers(text: str) -> None:
    doc = nlp(text)
    assert doc.text == text
    position = 0
    for token in doc:
        assert token.idx == position, (token.text, token.idx, position)
        assert text[token.idx : token.idx + len(token.text)] == token.text
        position = token.idx + len(token.text) + len(token.whitespace_)
    assert position == len(text)


@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_tokens_cover_any_text_exactly_in_order(text: str) -> None:
    assert_covers(text)


def test_tags_and_forms_come_from_kiwi() -> None:
    doc = nlp("박민호 외교부 제2차관은 회담했다.")
    tokens = [(t.text, t.tag_, t.lemma_) for t in doc]
    assert ("박민호", "NNP", "박민호") in tokens
    assert ("외교부", "NNG", "외교부") in tokens
    assert ("2", "SN", "2") in tokens
    # 했 is 하 and 었 on the same character: one token, both morphemes.
    assert ("했", "XSV+EP", "하+었") in tokens
    assert tokens[-1] == (".", "SF", ".")


def test_whitespace_runs_are_tokens_and_single_spaces_are_not() -> None:
    doc = nlp("외교부는\n\n  발표했다 오늘")
    assert [t.text for t in doc if t.tag_ == SPACE_TAG] == ["\n\n  "]
    assert doc[0].whitespace_ == ""
    assert any(t.whitespace_ == " " for t in doc)


def test_characters_kiwi_skips_become_unknown_tokens() -> None:
    text = "외교부\u200b발표"
    doc = nlp(text)
    assert doc.text == text
    assert all(t.tag_ for t in doc)
    assert {t.tag_ for t in doc} - {SPACE_TAG, UNKNOWN_TAG}


def test_dates_are_not_glued_into_one_serial_token() -> None:
    doc = nlp("2024. 6. 28. 2005-2014년간")
    assert "2005" in [t.text for t in doc]
    assert all(len(t.text) < 12 for t in doc)


def test_sentences_follow_kiwi() -> None:
    doc = nlp("양국은 협력하기로 하였다. 이어서 공동성명을 발표하였다.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["양국은 협력하기로 하였다.", "이어서 공동성명을 발표하였다."]



@pytest.mark.parametrize(
    "unit",
    ["한-캐나다 외교차관 전략대화 ", "박민호 외교부 제2차관 ", "핵심광물 공급망 협력 강화 "],
)
def test_a_text_without_stops_is_cut_into_sentences_at_spaces(unit: str) -> None:
    text = unit * (3 * LONGEST_SENTENCE // len(unit))
    sentences = list(nlp(text).sents)
    assert len(sentences) >= 3
    assert all(len(s.text) <= LONGEST_SENTENCE + len(unit) for s in sentences)
    assert all(s.start_char == 0 or text[s.start_char - 1] == " " for s in sentences)


def test_a_long_written_sentence_stays_whole() -> None:
    clause = "양국은 교역과 투자, 공급망과 에너지 분야의 협력을 확대해 나가기로 하였으며, "
    text = clause * ((LONGEST_SENTENCE - 100) // len(clause)) + "이를 위한 후속 협의를 이어가기로 하였다."
    assert LONGEST_SENTENCE // 2 < len(text) < LONGEST_SENTENCE
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "올해 주요 일정\n- 3.4. 한-칠레 외교장관 회담 (서울)\n- 4.9. 제3차 한-페루 정책협의회 (리마)",
        "주간 일정 안내\n○ 화요일 주한 스웨덴 대사 접견\n○ 목요일 한-노르웨이 차관 협의",
        "이번 방문의 성과\n□ 공급망 협력 양해각서 서명 (10.2.)\n□ 청년 교류 확대 합의 (10.3.)",
    ],
)
def test_each_list_item_on_its_own_line_is_a_sentence(text: str) -> None:
    lines = text.split("\n")
    assert [s.text.strip() for s in nlp(text).sents] == lines


def test_a_line_continuing_a_phrase_is_no_new_item() -> None:
    text = "양측은 다음 사항에 대해\n- 긴밀히 협력해 나가기로 하였다."
    assert len(list(nlp(text).sents)) == 1

def test_long_texts_are_cut_at_line_ends_and_keep_offsets() -> None:
    line = "외교부는 오늘 정례 브리핑을 열었다.\n"
    text = line * 50
    tokenizer = KiwiTokenizer(nlp.vocab, max_chunk_chars=100)
    doc = tokenizer(text)
    assert doc.text == text
    assert [t.idx for t in doc if t.text == "외교부"] == [i * len(line) for i in range(50)]


def test_chunks_fall_back_to_spaces_then_hard_cuts() -> None:
    assert split_chunks("가 나 다 라", limit=4) == [(0, "가 나 "), (4, "다 라")]
    assert split_chunks("가나다라마", limit=2) == [(0, "가나"), (2, "다라"), (4, "마")]
    assert split_chunks("", limit=2) == [(0, "")]


def test_pipe_matches_single_calls() -> None:
    texts = ["한일 외교장관 회담", "", "미국 국무부 부장관이 방한했다."]
    assert [d.text for d in KiwiTokenizer(nlp.vocab).pipe(texts, batch_size=2)] == texts


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_the_recorded_token_table_is_the_docs_own(text: str) -> None:
    """The table the tokenizer records while laying morphemes says what the Doc's tokens say."""
    from extractor.tokens import TokenTable, table_of

    doc = nlp(text)
    recorded, rebuilt = table_of(doc), TokenTable.from_doc(doc)
    for name in ("text", "starts", "ends", "tags", "heads", "spaced", "solid"):
        assert getattr(recorded, name) == getattr(rebuilt, name), name
    # the recorded lemma is the first morpheme's form, exact even where a form holds `+`
    assert all(token.lemma_.startswith(lemma) for token, lemma in zip(doc, recorded.lemmas, strict=True))


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT, st.integers(-2, 60), st.integers(-2, 60), st.integers(0, 5))
def test_the_words_within_a_span_are_its_tokens_other_than_whitespace(
    text: str, start: int, end: int, count: int
) -> None:
    """`solid_within`, whole or its first words, found by bisection, hold what a pass over `within` keeps."""
    from extractor.tokens import table_of

    table = table_of(nlp(text))
    words = [i for i in table.within(start, end) if table.tags[i] != SPACE_TAG]
    assert table.solid_within(start, end) == words
    assert table.solid_within(start, end, count) == words[:count]
    tokens = range(max(0, start), max(0, end))  # read as token indexes
    among = [i for i in tokens if i < len(table) and table.tags[i] != SPACE_TAG]
    assert table.solid_among(tokens) == among
    assert table.solid_among(tokens, count) == among[:count]


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT, st.integers(-2, 60), st.integers(1, 20))
def test_the_tokens_within_a_span_are_those_sharing_its_characters(
    text: str, start: int, length: int
) -> None:
    """`within` holds the tokens with a character in `text[start:end]` (spaCy's expanded `char_span`)."""
    from extractor.tokens import table_of

    doc = nlp(text)
    end = start + length
    inside = range(max(start, 0), min(end, len(text)))
    sharing = [t.i for t in doc if any(t.idx <= char < t.idx + len(t) for char in inside)]
    assert list(table_of(doc).within(start, end)) == sharing


@given(ANY_TEXT, st.integers(0, 60))
def test_the_stripped_ends_are_where_the_stripped_prefix_ends_and_suffix_starts(text: str, end: int) -> None:
    """`stripped_end` and `stripped_start` say what `rstrip` and `lstrip` of a copy say."""
    from extractor.tokens import stripped_end, stripped_start

    assert stripped_end(text, end) == len(text[:end].rstrip())
    assert stripped_start(text, end) == end + len(text[end:]) - len(text[end:].lstrip())
