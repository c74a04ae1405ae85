"""Regenerate `gazetteers/countries.csv` from ISO 3166 (pycountry) and the curated aliases.

pycountry ships Korean names for every ISO 3166-1 country, but often only the long form and
with a few wrong or loaded strings; `gazetteers/curated/country_aliases.csv` sets the canonical
form Korean writers use, adds short forms and aliases, and removes the bad strings.

usage: python scripts/build_countries.py [OUT]
"""

from __future__ import annotations

import csv
import gettext
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "gazetteers" / "curated" / "country_aliases.csv"
OUT = ROOT / "gazetteers" / "countries.csv"
COLUMNS = ["id", "ko", "short", "compound", "en", "country", "source"]
ISO_SOURCE = f"ISO 3166-1 via pycountry {pycountry.__version__} (Korean names of the iso-codes project)"


def pycountry_forms(country: object, ko: gettext.NullTranslations) -> list[str]:
    """The Korean names pycountry ships for one country, without those that carry notes."""
    forms = []
    for field in ("name", "common_name", "official_name"):
        english = getattr(country, field, None)
        if not english:
            continue
        form = ko.gettext(english).strip()
        if form and form != english and not any(mark in form for mark in ",()"):
            forms.append(form)
    return forms


def unique(forms: list[str]) -> list[str]:
    """Forms in first-seen order, without repeats or blanks."""
    return list(dict.fromkeys(form for form in forms if form))


def build() -> list[dict[str, str]]:
    """One row per ISO country, curated forms first."""
    ko = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"])
    with CURATED.open(encoding="utf-8", newline="") as handle:
        curated = {row["id"]: row for row in csv.DictReader(handle)}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        extra = curated.get(country.alpha_3, {})
        removed = set(filter(None, extra.get("remove", "").split("|")))
        forms = [extra.get("canonical", ""), *extra.get("add", "").split("|"), *pycountry_forms(country, ko)]
        forms = [form for form in unique(forms) if form not in removed]
        if not forms:
            raise SystemExit(f"{country.alpha_3}: no Korean name; add one to {CURATED}")
        source = ISO_SOURCE + (f"; {extra['source']}" if extra.get("source") else "")
        rows.append(
            {
                "id": country.alpha_3,
                "ko": "|".join(forms),
                "short": extra.get("short", ""),
                "compound": extra.get("compound", ""),
                "en": getattr(country, "common_name", None) or country.name,
                "country": country.alpha_3,
                "source": source,
            }
        )
    unknown = set(curated) - {row["id"] for row in rows}
    if unknown:
        raise SystemExit(f"{CURATED}: ids not in ISO 3166-1: {sorted(unknown)}")
    return rows


def main(argv: list[str]) -> int:
    """Write the table to OUT (default: gazetteers/countries.csv)."""
    out = Path(argv[0]) if argv else OUT
    rows = build()
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
