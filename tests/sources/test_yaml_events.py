"""A YAML source is built from the parser's events in one pass: the same values, places, problems and refusals as
composing the document and building it from its nodes, whatever anchors, aliases, tags and keys it holds."""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SourceError
from generator.sources import yaml_source
from generator.sources.yaml_loaders import FastLoader, Loader
from generator.sources.yaml_source import _composed, _Events

KEYS = ["name", "value", "name", "<<", "123", "true", "~", "a b", "'quoted'", "Größe"]
SCALARS = ["x", "1", "-2", "1.5", "1e3", "2026-12-01", "yes", "true", "~", "", "'7'", '"a\\tb"', "!!str 5", "0x1F"]
SCALARS += ["Ländergeschäftsführung", "null", ".nan", "2026-13-45", "[]", "{}", "!!int x", "!custom y"]


class _Document:
    """A random YAML document: block and flow collections, anchors and aliases, merge keys, tags, duplicate keys
    and keys that are not text, now and then a second document or a syntax error."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.anchors: list[str] = []

    def text(self) -> str:
        rng = self.rng
        body = self.node(0, 0)
        if rng.random() < 0.05:
            body += "\n---\nsecond: 1"
        if rng.random() < 0.05:
            body += "\nbroken: [unclosed"
        return body + "\n"

    def node(self, indent: int, depth: int) -> str:
        """Return a node: a scalar or flow collection on its line, or a block collection on the lines below (its
        anchor, if any, first, where the key or dash that holds it ends)."""
        rng = self.rng
        choice = rng.random()
        if depth > 3 or choice < 0.35:
            return self.scalar()
        if choice < 0.45:
            return f"{self.anchor()} {self.flow()}".strip()
        anchor, pad = self.anchor(), " " * indent
        if choice < 0.75:
            entries = [f"{pad}{rng.choice(KEYS)}:{self.held(indent, depth)}" for _ in range(rng.randint(1, 4))]
        else:
            entries = [f"{pad}-{self.held(indent, depth)}" for _ in range(rng.randint(1, 3))]
        return f"{anchor}\n" + "\n".join(entries) if depth else "\n".join(entries)

    def held(self, indent: int, depth: int) -> str:
        """Return the node a key or dash holds, as written after it."""
        value = self.node(indent + 2, depth + 1)
        return f" {value}"

    def flow(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return "[" + ", ".join(self.scalar() for _ in range(rng.randint(0, 3))) + "]"
        pairs = (f"{rng.choice(KEYS)}: {self.scalar()}" for _ in range(rng.randint(0, 3)))
        return "{" + ", ".join(pairs) + "}"

    def anchor(self) -> str:
        if self.rng.random() < 0.25:
            self.anchors.append(f"a{len(self.anchors)}")
            return f"&{self.anchors[-1]}"
        return ""

    def scalar(self) -> str:
        rng = self.rng
        if self.anchors and rng.random() < 0.15:
            return f"*{rng.choice(self.anchors)}"
        if rng.random() < 0.03:
            return "*undefined"
        anchor = self.anchor()
        return f"{anchor} {rng.choice(SCALARS)}".strip() if anchor else rng.choice(SCALARS)


def _typed(value: Any) -> Any:
    """Return a value with the types and written text of its numbers shown (what equality alone would not)."""
    if isinstance(value, dict):
        return [(k, _typed(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, float) and value != value:
        return ("nan", getattr(value, "source", None))
    return (type(value).__name__, value, getattr(value, "source", None))


def _places(marks: dict[Any, Any]) -> list[tuple[Any, tuple[int, int]]]:
    """Return every field's place as its line and column."""
    return [(loc, (mark.line, mark.column)) for loc, mark in marks.items()]


def _outcome(read: Any) -> Any:
    """Return what reading gives: the typed data, every place (line, column) and problem, or the refusal."""
    try:
        data, locations = read()
    except SourceError as error:
        return ("refused", error.messages())
    places = _places(locations.places)
    return ("read", _typed(data), places, [str(p) for p in locations.problems])


@pytest.mark.parametrize("seed", range(400))
@pytest.mark.parametrize("loader", [FastLoader, Loader])
def test_events_build_what_the_composed_document_builds(seed: int, loader: Any) -> None:
    text = _Document(seed).text()
    path = Path("source.yaml")
    events = _outcome(lambda: _Events(path, loader).read(text) or _composed(text, path, loader))
    assert events == _outcome(lambda: _composed(text, path, loader)), text


def test_read_without_noting_places_the_same_data_and_finds_the_same_places_when_asked() -> None:
    """A source is read without noting where each field is (a valid one never needs it); a problem's place is found
    by reading the text again: the same places as noting them at once, anchors and aliases replayed alike."""
    path = Path("source.yaml")
    for seed in range(300):
        text = _Document(seed).text()
        noted = _outcome(lambda: yaml_source._read(text, path, FastLoader))  # noqa: B023
        if noted[0] != "read":
            continue
        data, locations = yaml_source._read(text, path, FastLoader, noted=False)
        assert _typed(data) == noted[1], text
        assert _places(locations.noted()) == noted[2], text


def test_a_valid_source_s_places_are_not_noted_until_asked(tmp_path: Path) -> None:
    source = tmp_path / "s.yaml"
    source.write_text("account:\n  name: Acme\n  people: [Ann, Bo]\n", "utf-8")
    data, locations = yaml_source.read_yaml(source)
    assert data == {"account": {"name": "Acme", "people": ["Ann", "Bo"]}} and not locations.places
    assert locations.where(("account", "people", 1)) == f"{source}:3:17"


def test_most_random_documents_are_read_from_their_events() -> None:
    """The generator above exercises the event reader, not only the composer it leaves odd documents to."""
    read = sum(_events_only(_Document(seed).text()) for seed in range(400))
    assert 150 < read < 390


def _events_only(text: str) -> bool:
    """Return whether the event reader read a text itself."""
    try:
        return _Events(Path("source.yaml"), FastLoader).read(text) is not None
    except SourceError:
        return True


def test_an_alias_repeats_its_anchor_s_values_in_full() -> None:
    text = "base: &b {due: 2026-12-01, owners: [Ann, Bo]}\nfirst: *b\nsecond: *b\n"
    data, locations = yaml_source._read(text, Path("s.yaml"), FastLoader)
    assert data["first"] == data["second"] == {"due": datetime.date(2026, 12, 1), "owners": ["Ann", "Bo"]}
    assert data["second"] is not data["first"]  # built again, as the composer's builder builds it
    assert locations.where(("second", "owners", 1)) == "s.yaml:1:42"  # where the repeated value was written


@pytest.mark.parametrize("depth", [39, 40, 41, 42])
@pytest.mark.parametrize("style", ["flow", "block", "aliased"])
def test_nesting_is_refused_past_the_limit_where_the_composer_refuses_it(depth: int, style: str) -> None:
    if style == "flow":
        text = "[" * depth + "]" * depth + "\n"
    elif style == "block":
        text = "".join(f"{'  ' * level}k:\n" for level in range(depth - 1)) + f"{'  ' * (depth - 1)}k: [x]\n"
    else:  # an alias that nests its anchor's lists deeper than the text does
        text = "a: &a " + "[" * (depth - 2) + "]" * (depth - 2) + "\nb: [*a]\n"
    path = Path("source.yaml")
    assert _outcome(lambda: yaml_source._read(text, path, FastLoader)) == _outcome(
        lambda: _composed(text, path, FastLoader)
    )
    deepest = {"flow": 40, "block": 39, "aliased": 41}[style]  # the block text's last level holds a list too
    assert (_outcome(lambda: yaml_source._read(text, path, FastLoader))[0] == "read") == (depth <= deepest)


@pytest.mark.parametrize("items", range(40, 52))
def test_too_many_values_are_refused_at_the_event_the_composer_refuses_them(
    items: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_source, "MAX_EVENTS", 50)
    text = "list:\n" + "".join(f"- {n}\n" for n in range(items))
    path = Path("source.yaml")
    got = _outcome(lambda: yaml_source._read(text, path, FastLoader))
    assert got == _outcome(lambda: _composed(text, path, FastLoader))
    assert got[0] == ("read" if items < 43 else "refused")  # the stream's end is its 51st event for 43 items
