"""Build korex's spaCy `Language`: the Kiwi tokenizer, then the components in pipeline order.

The components are registered spaCy factories configured by plain values, so a pipeline is
`spacy.blank("ko", config=...)` plus `add_pipe` calls and can be inspected or changed like any
spaCy pipeline. Building one loads Kiwi and the gazetteers; do it once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

import extractor.events
import extractor.linker
import extractor.ruler
import extractor.rules.countries
import extractor.rules.date_mentions
import extractor.rules.orgs
import extractor.rules.people
import extractor.tokenizer  # noqa: F401  (registers the tokenizer and the components)

TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "korex.KiwiTokenizer.v1"}}}

#: Component names in the order they run: gazetteer ruler, rules, fuzzy linker, date normaliser, events.
COMPONENTS: tuple[str, ...] = (
    "korex_gazetteer_ruler",
    "korex_country_compounds",
    "korex_org_suffixes",
    "korex_people",
    "korex_linker",
    "korex_dates",
    "korex_events",
)


def build(gazetteers: Sequence[str | Path] = ()) -> Language:
    """A new pipeline; `gazetteers` are user folders whose rows take precedence over the shipped ones."""
    nlp = spacy.blank("ko", config=TOKENIZER_CONFIG)
    folders = [str(Path(folder).resolve()) for folder in gazetteers]
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"gazetteers": folders})
    return nlp


@cache
def shared(gazetteers: tuple[str, ...] = (), fingerprint: str = "") -> Language:
    """The process's pipeline for these gazetteer folders, built on first use; `fingerprint` (of their
    contents, `gazetteer.fingerprint`) tells their versions apart: a new one reads the files again."""
    from extractor import gazetteer

    gazetteer.forget()
    return build(gazetteers)
