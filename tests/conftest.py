"""Shared fixtures: one Extractor per test session (Kiwi takes a second to load)."""

from __future__ import annotations

from pathlib import Path

import pytest

import extractor

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def korex() -> extractor.Extractor:
    """The default Extractor, warmed once."""
    ex = extractor.default_extractor()
    ex.extract("")
    return ex


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` beside the checkout (seeds and dev corpus); tests needing it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED
