"""The environment Word templates render in: Jinja's sandbox, strict and autoescaped, whatever way it looks a
context's keys up."""

from __future__ import annotations

import pytest
from jinja2 import StrictUndefined, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from generator.writers.docx.render import environment

CONTEXT = {"row": {"name": "A & B", "items": ["x"], "keys": "a key", "_private": 1, "empty": ""}, "n": 3}
TEMPLATES = [
    "{{ row.name }}",
    "{{ row.empty }}|",
    "{{ row['items'] | join(',') }}",
    "{{ row.items is callable }}",  # a dict's own attribute wins over a key, as in Jinja
    "{{ row.keys is callable }}",
    "{% for key in row %}{{ key }},{% endfor %}",
    "{{ n.real }}",
    "{{ row._private }}",  # a key, not an attribute: Jinja's sandbox gives it too
]


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_template_renders_as_in_jinja_s_own_sandbox(template: str) -> None:
    own = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    assert environment().from_string(template).render(CONTEXT) == own.from_string(template).render(CONTEXT)


def test_a_missing_key_still_fails_strictly() -> None:
    with pytest.raises(UndefinedError):
        environment().from_string("{{ row.missing }}").render(CONTEXT)


def test_the_sandbox_still_refuses_python_s_internals() -> None:
    with pytest.raises(SecurityError):
        environment().from_string("{{ row.__class__.__subclasses__() }}").render(CONTEXT)
