"""The date normaliser as a pipeline component: every date expression as a DATE mention.

The anchor for relative dates and missing years is the document date the Extractor puts in
`doc.user_data["korex_doc_date"]` (the dateline, front matter, or the caller's `doc_date`). An
expression nothing resolves (`4일` in a page without a date, `지난주`, `1990년대`) is a mention all
the same, with `norm` None, so that a reader sees it marked; only resolved values reach
`Document.dates`.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from extractor.dates import find_dates
from extractor.mentions import Mention, mentions
from extractor.models import EntityLabel, EntitySource
from extractor.tokens import text_of

ANCHOR_KEY = "korex_doc_date"


def anchor_of(doc: Doc) -> dt.date | None:
    """The document date that relative dates in `doc` are resolved against."""
    return doc.user_data.get(ANCHOR_KEY)


class DateMentions:
    """spaCy component: DATE mentions, `norm` `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or None if unresolved."""

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        for match in find_dates(text_of(doc), anchor_of(doc), infer_anchor=True):
            found.append(
                Mention(
                    EntityLabel.DATE,
                    match.start,
                    match.end,
                    norm=match.value,
                    source=EntitySource.RULE,
                    data={
                        "end_value": match.end_value,
                        "resolved_from": match.resolved_from,
                    },
                )
            )
        return doc


@Language.factory("korex_dates", default_config={"gazetteers": []})
def make_date_mentions(nlp: Language, name: str, gazetteers: list[str]) -> DateMentions:
    """Factory: the date words come from the shipped `date_words.csv`."""
    return DateMentions()
