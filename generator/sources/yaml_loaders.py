"""YAML loaders as the YAML source reads with them: only true/false are booleans, each scalar's tag remembered,
numbers that keep the text they were written as. Kept apart from the reader, which is compiled: these are classes
on PyYAML's own."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import ScalarNode


class SourceFloat(float):
    """A float that remembers the text it was written as."""

    source: str


class SourceInt(int):
    """An int that remembers the text it was written as."""

    source: str


class Resolving:
    """A loader's tag resolution with each scalar's tag remembered (the same keys and values recur in every
    source; PyYAML matches the resolvers' patterns in Python for every scalar)."""

    yaml_path_resolvers: dict[Any, Any]

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """Return the tag of a node."""
        if kind is ScalarNode and not self.yaml_path_resolvers:
            return scalar_tag(value, tuple(implicit))
        return super().resolve(kind, value, implicit)  # type: ignore[misc]


class Loader(Resolving, yaml.SafeLoader):
    """SafeLoader where only true/false are booleans (yes/no/on/off stay text)."""


class FastLoader(Resolving, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same loader on libyaml's parser where PyYAML has it (five times faster, the same marks)."""


@lru_cache(maxsize=8_192)  # bounded: a batch of many sources must not grow memory
def scalar_tag(value: str, implicit: tuple[bool, bool]) -> str:
    """Return the tag a scalar resolves to, as PyYAML's resolve finds it with the loaders' resolvers."""
    if implicit[0]:
        for tag, pattern in RESOLVERS.get(value[:1], []) + RESOLVERS.get(None, []):
            if pattern.match(value):
                return str(tag)
    return str(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG)


RESOLVERS = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
for _first in "tTfF":
    RESOLVERS.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )
Loader.yaml_implicit_resolvers = FastLoader.yaml_implicit_resolvers = RESOLVERS
