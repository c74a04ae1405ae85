"""Signings: documents signed at one occasion are one AGREEMENT.

A text that counts the documents signed (7건의 양해각서를 체결했다) and names some of them in later
sentences (또 '… MOU'도 맺었다) reports one signing; a document dated by its month or year alone
(지난해 체결한 협정) was signed before and stays its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.events import reports
from extractor.events.draft import Draft
from extractor.events.labels import Type


def signed_before(text: str, package: Draft, draft: Draft) -> bool:
    """A document dated by no more than its month or year (지난해 체결한 협정) is none of those a text
    counts as signed (7건의 양해각서를 체결했다): it was signed before."""
    coarse = bool(draft.date) and len(draft.date or "") < len("2025-01-01")
    return coarse and package.type is Type.AGREEMENT and reports.counted_documents(text, package.trigger)


def package_of(text: str, merged: Sequence[Draft], draft: Draft) -> Draft | None:
    """The earlier counted signing a document belongs to (`in_package`), if any; only documents are."""
    if draft.type is not Type.AGREEMENT:
        return None
    return next((m for m in merged if in_package(text, m, draft)), None)


def in_package(text: str, package: Draft, draft: Draft) -> bool:
    """A document a later sentence names (또 '… MOU'도 체결했다) is one of those an earlier one counted
    as signed by the same sides (7건의 양해각서를 체결했다) on a day that does not differ."""
    return (
        draft.type is Type.AGREEMENT is package.type
        and package.countries == draft.countries
        and package.sentence.start_char < draft.sentence.start_char
        and reports.counted_documents(text, package.trigger)
        and not (draft.earlier or draft.recalled or draft.background or signed_before(text, package, draft))
        and package.date in (None, draft.date or package.date)
    )
