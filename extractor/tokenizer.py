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
from itertools import chain
from typing import Any

import numpy
import spacy
from kiwipiepy import Kiwi, Match
from spacy.attrs import LEMMA, SENT_START, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.tokens import SPACE_TAG, UNKNOWN_TAG, TokenTable, set_table

#: Longest piece of text given to Kiwi at once; longer texts are cut at line ends (or, failing
#: that, at spaces) so that memory stays bounded and offsets stay exact.
MAX_CHUNK_CHARS = 20_000
#: Characters a sentence may run before one is started at the next space. Written sentences run to
#: about 600 (a list of attendees); a page without stops (names or keywords repeated hundreds of
#: times) would otherwise be one sentence, and the event rules read a trigger's whole sentence.
LONGEST_SENTENCE = 1_000
#: Marks that open a list item or a note: a line opening with one, after a line that may end a
#: sentence, starts a sentence (a schedule's items, which Kiwi may run together).
LIST_MARKS = frozenset("-•·○●□■▲△◦ㅇ※*")
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
        self.ends: list[int] = []
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.tags: list[str] = []
        self.heads: list[str] = []
        self.lemmas: list[str] = []
        self.first_forms: list[str] = []
        self.sent_starts: list[int] = []  # 1 where a sentence starts, else -1 (spaCy's SENT_START)
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
                word = piece[run_start:run_end]
                self._add(start + run_start, word, tag, 1 if not self.words else -1)
        self.pos = end

    def _add(self, start: int, word: str, tag: str, sent_start: int) -> None:
        """A token of its own characters and one tag (whitespace, skipped text)."""
        self.starts.append(start)
        self.ends.append(start + len(word))
        self.words.append(word)
        self.spaces.append(False)
        self.tags.append(tag)
        self.heads.append(tag)
        self.lemmas.append(word)
        self.first_forms.append(word)
        self.sent_starts.append(sent_start)

    def lay(self, offset: int, length: int, tokens: Iterable[Any]) -> None:
        """Lay one chunk's Kiwi tokens (the chunk starts at `offset`) onto the Doc; a chunk starts a sentence.

        Morphemes that overlap the previous piece of surface, or have no characters, join it (at the
        very start, zero-length ones join the piece after them). Kiwi's sentence breaks are kept where a
        sentence can end: after a final ending (했다., 합니다), or at a line break after a line that does
        not stop mid-phrase (a headline, a list item); a line opening with a list mark after such a line
        always starts one. Kiwi also breaks after the dots of a date
        (6.28.(금)), which these two conditions rule out. A blank line after such a line always ends a
        sentence.
        """
        text, words, spaces = self.text, self.words, self.spaces
        add_start, add_end, add_word = self.starts.append, self.ends.append, words.append
        add_space = spaces.append
        add_tag, add_head, add_lemma = self.tags.append, self.heads.append, self.lemmas.append
        add_form, add_sent_start = self.first_forms.append, self.sent_starts.append
        limit = offset + length
        pending_tags: list[str] = []
        pending_forms: list[str] = []
        final = False
        previous_sentence = previous_last = None
        sentence_from = offset  # where the sentence being laid starts
        # The piece being built: its span, joined tags and forms, first and last tag, Kiwi sentence.
        g_start = g_end = -1
        g_tag = g_head = g_last = g_lemma = g_form = ""
        g_sentence = None
        pos = self.pos  # the end of the last token laid
        for tok in chain(tokens, (None,)):
            if tok is not None:
                start = offset + tok.start
                end = start + tok.len
                if end > limit:
                    start, end = min(start, limit), limit
                if g_end >= 0 and (start < g_end or end == start):
                    if start < g_start:
                        g_start = start
                    if end > g_end:
                        g_end = end
                    g_last = tok.tag
                    g_tag = f"{g_tag}+{g_last}"
                    g_lemma = f"{g_lemma}+{tok.form}"
                    continue
                if end == start:
                    pending_tags.append(tok.tag)
                    pending_forms.append(tok.form)
                    continue
            if g_end >= 0:
                begin = g_start if g_start > pos else pos
                if g_end > begin:
                    breaks = 0  # line breaks before the piece that may end a sentence
                    if begin == pos + 1 and text[pos] == " " and spaces and not spaces[-1]:
                        spaces[-1] = True  # the usual gap: one plain space after a word
                    elif begin > pos:
                        gap = text[pos:begin]
                        if "\n" in gap and not _continues(previous_last or "EF"):
                            breaks = gap.count("\n")
                        self.pos = pos
                        self.gap(begin)
                    if breaks:
                        new_sentence = (
                            previous_last is None  # a chunk starts a sentence
                            or breaks >= 2
                            or g_sentence != previous_sentence
                            or begin - sentence_from > LONGEST_SENTENCE
                            or text[begin] in LIST_MARKS
                        )
                    else:  # the usual case, on one line
                        new_sentence = (
                            previous_last is None
                            or (final and g_sentence != previous_sentence)
                            or (begin > pos and begin - sentence_from > LONGEST_SENTENCE)
                        )
                    if new_sentence:
                        sentence_from = begin
                    add_start(begin)
                    add_end(g_end)
                    add_word(text[begin:g_end])
                    add_space(False)
                    add_tag(g_tag)
                    add_head(g_head)
                    add_lemma(g_lemma)
                    add_form(g_form)
                    add_sent_start(1 if new_sentence else -1)
                    pos = g_end
                    previous_sentence, previous_last = g_sentence, g_last
                    if g_last == "EF":
                        final = True
                    elif g_last not in _CLOSING:
                        final = False
            if tok is None:
                self.pos = pos
                break
            g_start, g_end, g_last, g_sentence = start, end, tok.tag, tok.sent_position
            g_form = g_lemma = tok.form
            g_tag = g_last
            if pending_tags:
                g_head = pending_tags[0]
                g_tag = "+".join([*pending_tags, g_last])
                g_lemma = "+".join([*pending_forms, g_form])
                g_form = pending_forms[0]
                pending_tags, pending_forms = [], []
            else:
                g_head = g_last

    def doc(self, vocab: Vocab) -> Doc:
        """The finished Doc, its text the input exactly, with its token table attached."""
        self.gap(len(self.text))
        doc = Doc(vocab, words=self.words, spaces=self.spaces)
        if self.words:
            # Tags, lemmas and sentence starts set in one call, each distinct string hashed once:
            # a third of the time of passing them to Doc() as strings and booleans.
            add = vocab.strings.add
            hashed = {value: add(value) for value in {*self.tags, *self.lemmas}}.__getitem__
            columns = numpy.empty((len(self.words), 3), dtype=numpy.uint64)
            columns[:, 0] = numpy.fromiter(map(hashed, self.tags), dtype=numpy.uint64)
            columns[:, 1] = numpy.fromiter(map(hashed, self.lemmas), dtype=numpy.uint64)
            columns[:, 2] = numpy.array(self.sent_starts, dtype=numpy.int64).view(numpy.uint64)
            doc.from_array([TAG, LEMMA, SENT_START], columns)
        table = TokenTable(
            self.text, self.starts, self.ends, self.tags, self.heads, self.first_forms, self.spaces
        )
        set_table(doc, table)
        return doc


def _runs(piece: str) -> Iterator[tuple[int, int, bool]]:
    """Split `piece` into maximal runs of whitespace and of other characters."""
    start = 0
    for i in range(1, len(piece) + 1):
        if i == len(piece) or piece[i].isspace() != piece[start].isspace():
            yield start, i, piece[start].isspace()
            start = i


def _continues(last: str) -> bool:
    """Whether a line cannot end a sentence on a token whose last morpheme has this tag: a particle, a
    connective or adnominal ending, or a comma (speeches break their lines mid-sentence)."""
    return last.startswith("J") or last in ("EC", "ETM", "SP")


_CLOSING = frozenset({"SF", "SSC", "SE", "SS", "SO", "SW"})


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
                builder.lay(offset, len(piece), next(analyses))
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
