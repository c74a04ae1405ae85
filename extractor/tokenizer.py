"""A spaCy tokenizer backed by Kiwi: Kiwi's morphemes laid on the original characters.

`Doc.text` is always the input exactly. Each token is a surface slice of the text; its `tag_`
is the Kiwi tag (NNP, NNG, JKS, SN, ...) and its `lemma_` the morpheme's form. Morphemes that
share characters (했 = 하/XSV + 었/EP) or have none (a dropped copula) share one token, whose tag
and lemma join the parts with `+`. Whitespace runs other than one plain space become their own
tokens tagged `_SP`, and characters Kiwi skips become tokens tagged `UN`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from kiwipiepy import Kiwi, Match
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.tokens import SPACE_TAG, UNKNOWN_TAG, TokenTable, set_table

#: Longest piece of text given to Kiwi at once; longer texts are cut at line ends (or, failing
#: that, at spaces) so that memory stays bounded and offsets stay exact.
MAX_CHUNK_CHARS = 20_000
#: Kiwi's default matching without SERIAL: SERIAL glues `2024. 6. 28. 2005` into one token,
#: which hides date and number boundaries from the rules.
MATCH_OPTIONS = Match.ALL & ~Match.SERIAL

_kiwi: Kiwi | None = None
_kiwi_lock = threading.Lock()
_kiwi_threads = -1


def set_threads(threads: int) -> None:
    """How many threads the process's Kiwi analyses lists with (-1: all cores); call before first use.

    Batch workers share the cores: each takes its share rather than all of them."""
    global _kiwi_threads
    if _kiwi is not None and threads != _kiwi_threads:
        raise RuntimeError("Kiwi is already built in this process; set its threads before first use")
    _kiwi_threads = threads


def get_kiwi() -> Kiwi:
    """The process's one Kiwi, built and warmed on first use.

    The typo and multi-word dictionaries are left out: press releases are edited text, and the
    two dictionaries triple the start-up time (0.96 s instead of 3.05 s) for no gain here.
    """
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                kiwi = Kiwi(num_workers=_kiwi_threads, load_typo_dict=False, load_multi_dict=False)
                kiwi.tokenize("")
                _kiwi = kiwi
    return _kiwi


def split_chunks(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut `text` into `(offset, piece)` parts of at most `limit` characters, at line ends if possible."""
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + 1, end)
            if cut == -1:
                cut = text.rfind(" ", start + 1, end)
            if cut != -1:
                end = cut + 1
        chunks.append((start, text[start:end]))
        start = end
    return chunks


class _Builder:
    """Collects words, their offsets, spaces, tags, lemmas and sentence starts for one Doc."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.tags: list[str] = []
        self.lemmas: list[str] = []
        self.sent_starts: list[bool] = []
        self.pos = 0

    def gap(self, end: int) -> None:
        """Emit the characters between the last token and `end` (whitespace or skipped text)."""
        start = self.pos
        if end <= start:
            return
        piece = self.text[start:end]
        if piece == " " and self.words and not self.spaces[-1]:
            self.spaces[-1] = True
        else:
            for run_start, run_end, is_space in _runs(piece):
                tag = SPACE_TAG if is_space else UNKNOWN_TAG
                self._add(start + run_start, piece[run_start:run_end], tag, None, False)
        self.pos = end

    def token(self, start: int, end: int, tags: list[str], forms: list[str], sent_start: bool) -> None:
        """Emit one token covering `text[start:end]`."""
        if start > self.pos:
            self.gap(start)
        tag = tags[0] if len(tags) == 1 else "+".join(tags)
        lemma = forms[0] if len(forms) == 1 else "+".join(forms)
        self._add(start, self.text[start:end], tag, lemma, sent_start)
        self.pos = end

    def _add(self, start: int, word: str, tag: str, lemma: str | None, sent_start: bool) -> None:
        self.starts.append(start)
        self.words.append(word)
        self.spaces.append(False)
        self.tags.append(tag)
        self.lemmas.append(word if lemma is None else lemma)
        self.sent_starts.append(sent_start or len(self.words) == 1)

    def doc(self, vocab: Vocab) -> Doc:
        """The finished Doc, its text the input exactly, with its token table attached."""
        self.gap(len(self.text))
        if not self.words:
            doc = Doc(vocab, words=[], spaces=[])
        else:
            doc = Doc(
                vocab,
                words=self.words,
                spaces=self.spaces,
                tags=self.tags,
                lemmas=self.lemmas,
                sent_starts=self.sent_starts,
            )
        set_table(doc, TokenTable.of(self.text, self.starts, self.words, self.tags, self.lemmas, self.spaces))
        return doc


def _runs(piece: str) -> Iterator[tuple[int, int, bool]]:
    """Split `piece` into maximal runs of whitespace and of other characters."""
    start = 0
    for i in range(1, len(piece) + 1):
        if i == len(piece) or piece[i].isspace() != piece[start].isspace():
            yield start, i, piece[start].isspace()
            start = i


def _groups(offset: int, length: int, tokens: Iterable[Any]) -> list[list[Any]]:
    """Group one chunk's Kiwi tokens into `[start, end, tags, forms, sentence]` surface pieces.

    A morpheme that overlaps the previous piece joins it; one with no characters joins the piece
    before it (or, at the very start, the piece after it).
    """
    limit = offset + length
    groups: list[list[Any]] = []
    pending_tags: list[str] = []
    pending_forms: list[str] = []
    group: list[Any] | None = None
    for tok in tokens:
        start = offset + tok.start
        end = start + tok.len
        if end > limit:
            start, end = min(start, limit), limit
        if group is not None and (start < group[1] or end == start):
            if start < group[0]:
                group[0] = start
            if end > group[1]:
                group[1] = end
            group[2].append(tok.tag)
            group[3].append(tok.form)
        elif end == start:
            pending_tags.append(tok.tag)
            pending_forms.append(tok.form)
        else:
            group = [start, end, [*pending_tags, tok.tag], [*pending_forms, tok.form], tok.sent_position]
            groups.append(group)
            if pending_tags:
                pending_tags, pending_forms = [], []
    return groups


def _continues(tags: list[str]) -> bool:
    """Whether a line cannot end a sentence on a token with these tags: a particle, a connective or
    adnominal ending, or a comma (speeches break their lines mid-sentence)."""
    last = tags[-1]
    return last.startswith("J") or last in ("EC", "ETM", "SP")


_CLOSING = frozenset({"SF", "SSC", "SE", "SS", "SO", "SW"})


def _lay(builder: _Builder, offset: int, length: int, tokens: Iterable[Any]) -> None:
    """Lay one chunk's Kiwi tokens onto the builder; a chunk always starts a sentence.

    Kiwi's sentence breaks are kept where a sentence can end: after a final ending (했다., 합니다),
    or at a line break after a line that does not stop mid-phrase (a headline, a list item). Kiwi
    also breaks after the dots of a date (6.28.(금)), which these two conditions rule out. A blank
    line after such a line always ends a sentence.
    """
    previous_sentence = None
    previous_tags: list[str] | None = None
    final = False
    for start, end, tags, forms, sentence in _groups(offset, length, tokens):
        start = max(start, builder.pos)
        if end <= start:
            continue
        gap = builder.text[builder.pos : start]
        line_break = "\n" in gap and not _continues(previous_tags or ["EF"])
        new_sentence = (
            previous_tags is None
            or (sentence != previous_sentence and (final or line_break))
            or (line_break and gap.count("\n") >= 2)
        )
        builder.token(start, end, tags, forms, new_sentence)
        previous_sentence = sentence
        previous_tags = tags
        if tags[-1] == "EF":
            final = True
        elif tags[-1] not in _CLOSING:
            final = False


def _analyse(pieces: list[str]) -> Iterator[Any]:
    """Kiwi's analysis of each piece, in order: several go to Kiwi's threads as a list, one is analysed
    directly (a one-item list costs a thread hand-off, a third more on a short release)."""
    kiwi = get_kiwi()
    if len(pieces) == 1:
        return iter([kiwi.tokenize(pieces[0], match_options=MATCH_OPTIONS)])
    return iter(kiwi.tokenize(pieces, match_options=MATCH_OPTIONS)) if pieces else iter(())


class KiwiTokenizer:
    """spaCy tokenizer: Kiwi morphemes as tokens, exact offsets, Kiwi tags in `tag_`."""

    def __init__(self, vocab: Vocab, *, max_chunk_chars: int = MAX_CHUNK_CHARS) -> None:
        self.vocab = vocab
        self.max_chunk_chars = max_chunk_chars

    def __call__(self, text: str) -> Doc:
        """Tokenize one text into a Doc whose text equals `text`."""
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Tokenize many texts; Kiwi analyses a batch's chunks on its own threads."""
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, texts: list[str]) -> Iterator[Doc]:
        plans = [split_chunks(text, self.max_chunk_chars) for text in texts]
        pieces = [piece for plan in plans for _, piece in plan]
        analyses = _analyse(pieces)
        for text, plan in zip(texts, plans, strict=True):
            builder = _Builder(text)
            for offset, piece in plan:
                _lay(builder, offset, len(piece), next(analyses))
            yield builder.doc(self.vocab)

    def to_bytes(self, **_: Any) -> bytes:
        """Nothing to serialise: the tokenizer's state is Kiwi's shipped model."""
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> KiwiTokenizer:
        """Nothing to restore (see `to_bytes`)."""
        return self

    def to_disk(self, _path: Any, **_: Any) -> None:
        """Nothing to write (see `to_bytes`)."""

    def from_disk(self, _path: Any, **_: Any) -> KiwiTokenizer:
        """Nothing to read (see `to_bytes`)."""
        return self


@spacy.registry.tokenizers("korex.KiwiTokenizer.v1")
def create_kiwi_tokenizer(max_chunk_chars: int = MAX_CHUNK_CHARS) -> Any:
    """Registry entry: `[nlp.tokenizer] @tokenizers = "korex.KiwiTokenizer.v1"`."""

    def make(nlp: spacy.Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab, max_chunk_chars=max_chunk_chars)

    return make
