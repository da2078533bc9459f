"""Labels, hints and messages per language: the only place document text comes from."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
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
FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it


class Recording(dict[str, Any]):
    """A dict that remembers which keys were read (the test for unused catalogue keys reads it, see recorded)."""

    def __init__(self, entries: dict[str, Any]) -> None:
        super().__init__(entries)
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def items(self) -> Any:
        self.read.update(self.keys())
        return super().items()


PARTS = ("labels", "hints", "notes", "enums", "typical")  # a catalogue's parts looked up by key


class Catalog:
    """The labels and hints of one language, looked up by key."""

    def __init__(self, language: str, entries: dict[str, Any]) -> None:
        self.language = language
        # Mappings, not dicts: compiled callers then read them through Recording's methods when they are recorded
        self.labels: Mapping[str, str] = entries["labels"]
        self.hints: Mapping[str, str] = entries["hints"]
        self.notes: Mapping[str, str] = entries.get("notes", {})
        self.enums: Mapping[str, dict[str, str]] = entries["enums"]
        self.typical: Mapping[str, Any] = entries.get("typical", {})  # what a blank plan pre-lists
        self.formats: dict[str, str] = entries["formats"]  # the locale and the date shapes of this language

    @property
    def tag(self) -> str:
        """Return the language tag files declare (de-DE): for spell-checking and screen readers."""
        return self.formats["tag"]

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
    return Catalog(language, catalog_data(language))


def catalog_data(language: str, loader: type[yaml.SafeLoader] = FAST_LOADER) -> dict[str, Any]:
    """Return a language's catalogue file as data, read with libyaml where PyYAML has it (a tenth of the time of
    PyYAML's own reader, the same data)."""
    text = resources.files("generator.catalog").joinpath(f"{language}.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=loader)  # a safe loader, C or Python
    return data


@contextmanager
def recorded(language: str = "en") -> Iterator[Catalog]:
    """Yield a language's catalogue with every key read from its parts remembered (each part's .read), then make
    its parts plain dicts again (reading through Recording cost a batch 1,700 interpreted calls an account)."""
    cat = catalog(language)
    plain = {name: getattr(cat, name) for name in PARTS}
    for name, part in plain.items():
        setattr(cat, name, Recording(dict(part)))
    try:
        yield cat
    finally:
        for name, part in plain.items():
            setattr(cat, name, part)


find_catalog = catalog  # the same, under a name that does not shadow this module in the package namespace
