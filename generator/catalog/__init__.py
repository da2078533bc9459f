"""Labels, hints and messages per language: the only place document text comes from."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.errors import UnknownNameError


def _languages() -> tuple[str, ...]:
    """Return the languages there is a catalogue for: the .yaml files beside this module."""
    files = resources.files("generator.catalog").iterdir()
    return tuple(sorted(f.name.removesuffix(".yaml") for f in files if f.name.endswith(".yaml")))


LANGUAGES = _languages()  # found from the catalogue files: adding de.yaml adds German


class Catalog:
    """The labels and hints of one language, looked up by key."""

    def __init__(self, language: str, entries: dict[str, Any]) -> None:
        self.language = language
        self.labels: dict[str, str] = entries["labels"]
        self.hints: dict[str, str] = entries["hints"]
        self.notes: dict[str, str] = entries.get("notes", {})
        self.enums: dict[str, dict[str, str]] = entries["enums"]
        self.typical: dict[str, Any] = entries.get("typical", {})  # what a blank plan pre-lists

    def label(self, key: str) -> str:
        """Return the label for key (KeyError if the catalogue lacks it)."""
        return self.labels[key]

    def hint(self, key: str) -> str:
        """Return the bracketed hint shown in a blank field."""
        return f"[{self.hints[key]}]"

    def enum(self, vocabulary: str, value: str) -> str:
        """Return the display label of one value of a closed vocabulary."""
        return self.enums[vocabulary][value]

    def note(self, key: str) -> str:
        """Return the speaker note / guidance text for key."""
        return self.notes[key]


@cache
def catalog(language: str = "en") -> Catalog:
    """Return the catalogue of language, loaded once per process."""
    if language not in LANGUAGES:
        raise UnknownNameError("language", language, list(LANGUAGES))
    text = resources.files("generator.catalog").joinpath(f"{language}.yaml").read_text("utf-8")
    return Catalog(language, yaml.safe_load(text))
