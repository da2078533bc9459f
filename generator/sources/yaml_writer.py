"""YAML written from a plan: a data source people can read and edit (vocabulary values as plain text, long text
as blocks, only what differs from the defaults)."""

from __future__ import annotations

import yaml

from generator.model.enums import Vocabulary
from generator.model.plan import AccountPlan


class _Dumper(yaml.SafeDumper):
    """YAML dumper that writes vocabulary values as plain text and long text as blocks."""


_Dumper.add_multi_representer(Vocabulary, lambda dumper, value: dumper.represent_str(value.value))


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Represent multi-line text as a literal block; text with YAML's other line breaks double-quoted (escaped)."""
    style = '"' if any(c in value for c in "\x85\u2028\u2029") else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def yaml_text(plan: AccountPlan) -> str:
    """Return the plan as a YAML data source (only what differs from the defaults)."""
    data = plan.model_dump(mode="python", exclude_defaults=True)
    header = "# accountplan data source (converted). Check it with: accountplan validate <this file>\n"
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
