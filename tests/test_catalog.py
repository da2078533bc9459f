"""Every catalogue holds the same keys as the English one, so no document of any language lacks a label."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator as lib
import generator.catalog
from generator.catalog import LANGUAGES, PARTS, catalog, recorded
from generator.families import FAMILY_IDS, formats_of
from generator.model.plan import AccountPlan
from generator.model.validation import validate_data
from tests.stress import stress_data


def _keys(language: str) -> dict[str, set[str]]:
    """Return the keys of each part of a language's catalogue."""
    cat = catalog(language)
    parts = {"labels": cat.labels, "hints": cat.hints, "notes": cat.notes, "typical": cat.typical}
    keys = {name: set(part) for name, part in parts.items()}
    keys.update({f"enum {name}": set(values) for name, values in cat.enums.items()})
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_catalogue_read_by_libyaml_is_what_pyyaml_reads(language: str) -> None:
    """The fast reader gives every label, hint and vocabulary exactly as PyYAML's own reader does."""
    import yaml

    from generator.catalog import FAST_LOADER, catalog_data

    assert FAST_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert catalog_data(language) == catalog_data(language, yaml.SafeLoader)


def test_the_languages_are_the_catalogue_files() -> None:
    folder = Path(generator.catalog.__file__).parent
    assert tuple(sorted(p.stem for p in folder.glob("*.yaml"))) == LANGUAGES and "en" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_has_the_english_keys(language: str) -> None:
    assert _keys(language) == _keys("en")


def _every_file(plan: AccountPlan) -> None:
    """Make every family in every format and the data workbook of plan, nothing written."""
    for family in FAMILY_IDS:
        for fmt in formats_of(family):
            lib.render(plan, family, fmt)
    lib.source_bytes(plan, ".xlsx")


def test_every_catalogue_key_is_used_by_some_document() -> None:
    """A key nobody reads is a label translated for nothing, or a sign that a document lost a heading."""
    with recorded("en") as cat:
        stress = validate_data(stress_data()).plan
        assert stress is not None
        for plan in (lib.load_plan().plan, lib.blank_plan(), stress):
            _every_file(plan)
        parts = {name: getattr(cat, name) for name in PARTS}
    unused = {name: sorted(set(part) - part.read) for name, part in parts.items()}
    assert unused == {name: [] for name in PARTS}
    assert all(type(getattr(cat, name)) is dict for name in PARTS)  # plain again: recording costs every build


@pytest.mark.parametrize("language", LANGUAGES)
def test_vocabulary_labels_fit_an_excel_drop_down(language: str) -> None:
    """Drop-down lists are comma-separated and at most 255 characters; each label must name one value."""
    for vocabulary, labels in catalog(language).enums.items():
        shown = list(labels.values())
        assert not [label for label in shown if "," in label], vocabulary
        assert len(set(shown)) == len(shown) and len(",".join(shown)) <= 255, vocabulary
