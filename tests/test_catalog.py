"""Every catalogue holds the same keys as the English one, so no document of any language lacks a label."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.catalog
from generator.catalog import LANGUAGES, catalog


def _keys(language: str) -> dict[str, set[str]]:
    """Return the keys of each part of a language's catalogue."""
    cat = catalog(language)
    parts = {"labels": cat.labels, "hints": cat.hints, "notes": cat.notes, "typical": cat.typical}
    keys = {name: set(part) for name, part in parts.items()}
    keys.update({f"enum {name}": set(values) for name, values in cat.enums.items()})
    return keys


def test_the_languages_are_the_catalogue_files() -> None:
    folder = Path(generator.catalog.__file__).parent
    assert tuple(sorted(p.stem for p in folder.glob("*.yaml"))) == LANGUAGES and "en" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_has_the_english_keys(language: str) -> None:
    assert _keys(language) == _keys("en")
