"""The environment Word templates render in: Jinja's sandbox, strict and autoescaped, whatever way it looks a
context's keys up."""

from __future__ import annotations

import pytest
from jinja2 import StrictUndefined, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from generator.writers.docx import textbody
from generator.writers.docx.render import environment, lines
from generator.writers.docx.textbody import escaped

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


TRICKY = ["", "plain", "A & B <C> 'd' \"e\"", "&amp; stays escaped twice", "Ölpreis → 7 % <b>", "\u00a0€ 1.250,00"]


@pytest.mark.parametrize("value", [*TRICKY, 42, 3.5, None, Markup("<b>kept</b>"), ["a<b"]])
def test_a_value_is_written_out_escaped_as_markupsafe_escapes_it(value: object) -> None:
    """Values are data: every character markupsafe escapes is escaped, in strings and in anything else."""
    assert str(escaped(value)) == str(escape(value))


@pytest.mark.parametrize("value", TRICKY)
def test_a_value_is_escaped_the_same_without_markupsafe_s_c_code(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The escaping written here stands in where markupsafe's C code (private, so guarded) is missing."""
    monkeypatch.setattr(textbody, "_escape_text", None)
    assert escaped(value) == str(escape(value))


def test_values_and_filtered_lists_come_out_of_a_template_as_in_jinja_s_own_sandbox() -> None:
    """Autoescaped output, a filter's Markup and text built in a block are each escaped once, never twice."""
    template = (
        "{% for t in texts %}<w:t>{{ t }}</w:t>{{ t ~ '&' }}{% endfor %}{{ texts|lines }}"
        "{% set s %}{{ texts[2] }}{% endset %}{{ s }}{% filter upper %}{{ texts[2] }}{% endfilter %}"
    )
    context = {"texts": TRICKY}
    own = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    own.filters["lines"] = lines
    assert environment().from_string(template).render(context) == own.from_string(template).render(context)
    assert "A &amp; B &lt;C&gt; &#39;d&#39; &#34;e&#34;" in environment().from_string(template).render(context)
