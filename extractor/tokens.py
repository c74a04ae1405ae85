"""Each token's offsets, tags and lemma as plain lists: what the rules read, made once per Doc.

Every pass over a spaCy Doc creates a Token object per token, and on a press release those passes
cost more than the rules themselves. The tokenizer records these lists as it lays Kiwi's morphemes
on the text; a Doc made another way gets its table from its tokens on first use.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

#: Tag of a whitespace run other than one plain space (which is a token's `whitespace_`).
SPACE_TAG = "_SP"
#: Tag of characters Kiwi skipped.
UNKNOWN_TAG = "UN"
_KEY = "korex_tokens"


@dataclass(slots=True)
class TokenTable:
    """A Doc's tokens by index (the Doc's own token indexes): character offsets, the full tag
    (`XSV+EP`), the first morpheme's tag and form, and whether a plain space follows."""

    text: str
    starts: list[int]
    ends: list[int]
    tags: list[str]
    heads: list[str]
    lemmas: list[str]
    spaced: list[bool]
    #: `(start, end, first tag)` of each token that is not whitespace, for matching across tokens.
    solid: list[tuple[int, int, str]] = field(init=False)
    #: The index of each token that is not whitespace, in order: its tokens within a span, by bisection.
    solid_indexes: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.solid_indexes = [i for i, tag in enumerate(self.tags) if tag != SPACE_TAG]
        self.solid = [(self.starts[i], self.ends[i], self.heads[i]) for i in self.solid_indexes]

    @classmethod
    def from_doc(cls, doc: Doc) -> TokenTable:
        """The table of a Doc the korex tokenizer did not make."""
        tags = [t.tag_ for t in doc]
        return cls(
            doc.text,
            [t.idx for t in doc],
            [t.idx + len(t) for t in doc],
            tags,
            [tag.split("+", 1)[0] for tag in tags],
            [t.lemma_.split("+", 1)[0] for t in doc],
            [bool(t.whitespace_) for t in doc],
        )

    def __len__(self) -> int:
        return len(self.starts)

    def first_from(self, char: int) -> int:
        """Index of the first token starting at or after character `char` (`len(self)` if none)."""
        return bisect_left(self.starts, char)

    def holding(self, char: int) -> int:
        """Index of the token holding character `char`, or of the last one before it."""
        return max(0, bisect_right(self.starts, char) - 1)

    def within(self, start: int, end: int) -> range:
        """Indexes of the tokens that share characters with `text[start:end]` (spaCy's `char_span`
        with `alignment_mode="expand"`)."""
        starts = self.starts
        after = bisect_right(starts, start)  # the token before it holds `start` unless it ends first
        first = after - 1 if after and self.ends[after - 1] > start else after
        last = bisect_left(starts, end, first)
        return range(first, last if last > first else first)

    def solid_within(self, start: int, end: int, count: int | None = None) -> list[int]:
        """Indexes of the tokens other than whitespace within `text[start:end]` (as `within`), the first
        `count` of them when given: found by bisection, a look a few words ahead costs a few words."""
        return self.solid_among(self.within(start, end), count)

    def solid_among(self, tokens: range, count: int | None = None) -> list[int]:
        """Indexes of the tokens other than whitespace among `tokens` (a range of token indexes), the
        first `count` of them when given, found by bisection."""
        first = bisect_left(self.solid_indexes, tokens.start)
        stop = bisect_left(self.solid_indexes, tokens.stop, first)
        return self.solid_indexes[first : stop if count is None else min(first + count, stop)]


def stripped_end(text: str, end: int) -> int:
    """Where `text[:end].rstrip()` ends, found without copying the text before `end` (rules ask it at
    every meeting term of a long page)."""
    end = min(end, len(text))
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def stripped_start(text: str, start: int) -> int:
    """Where `text[start:].lstrip()` starts, found without copying the text after `start`."""
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def table_of(doc: Doc) -> TokenTable:
    """The Doc's token table, made once per Doc."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = TokenTable.from_doc(doc)
    return found


def set_table(doc: Doc, table: TokenTable) -> None:
    """Attach the table the tokenizer recorded while making `doc`."""
    doc.user_data[_KEY] = table


def text_of(doc: Doc) -> str:
    """The Doc's text, kept once: `Doc.text` joins every token anew on each access."""
    return table_of(doc).text
