"""Property: any plan the model accepts survives YAML -> data workbook -> YAML unchanged, and builds.

Few examples by default; HYPOTHESIS_EXAMPLES=500 python -m pytest tests/sources/test_round_trip.py for many.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Literal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import generator as lib
from generator.model.enums import ActionStatus, Level, Stage, Stance
from generator.model.plan import AccountPlan
from generator.model.validation import validate_data
from tests.docx_text import docx_text

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "15"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# every script, punctuation, spaces, newlines; XML-illegal controls are cleaned at load with a warning
SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
TEXT = st.text(st.characters(exclude_categories=SURROGATES, exclude_characters="\x00"), max_size=60)
ITEM = TEXT.map(str.strip).filter(lambda s: bool(s) and "\n" not in s and "\r" not in s)
NAME = ITEM.filter(lambda s: len(s) < 40)
DAY = st.dates(date(1900, 3, 1), date(9998, 12, 31))
MONEY = st.floats(0, 1e15, allow_nan=False, allow_infinity=False).map(lambda v: float(f"{v:.15g}"))


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """Return raw data of a random plan."""
    names = draw(st.lists(NAME, min_size=0, max_size=6, unique=True))
    people = [
        {
            "name": n,
            "title": draw(TEXT),
            "reports_to": names[i - 1] if i and draw(st.booleans()) else "",
            "influence": draw(st.sampled_from(list(Level))).value,
            "stance": draw(st.sampled_from(list(Stance))).value,
        }
        for i, n in enumerate(names)
    ]
    return {
        "plan": {"date": draw(DAY).isoformat(), "version": draw(TEXT), "title": draw(TEXT)},
        "account": {
            "name": draw(NAME),
            "overview": draw(TEXT),
            "profile": {"locations": draw(st.lists(ITEM, max_size=3))},
        },
        "swot": {"strengths": draw(st.lists(ITEM, max_size=3))},
        "stakeholders": people,
        "opportunities": [
            {
                "name": draw(ITEM),
                "value": draw(MONEY),
                "probability": draw(st.integers(0, 100)),
                "stage": draw(st.sampled_from(list(Stage))).value,
            }
            for _ in range(draw(st.integers(0, 3)))
        ],
        "actions": [
            {
                "action": draw(ITEM),
                "status": draw(st.sampled_from(list(ActionStatus))).value,
                "due": draw(DAY).isoformat(),
                "stakeholders": draw(st.lists(st.sampled_from(names), max_size=2)) if names else [],
            }
            for _ in range(draw(st.integers(0, 3)))
        ],
        "strategies": [{"strategy": draw(ITEM), "tactics": draw(st.lists(ITEM, max_size=3))}],
    }


def through(plan: AccountPlan, suffix: str) -> AccountPlan:
    """Return the plan written as a source of this kind and read back."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan{suffix}"
        path.write_bytes(lib.source_bytes(plan, suffix))
        return lib.load_plan(path).plan


@SETTINGS
@given(plans())
def test_convert_is_lossless_both_ways(data: dict[str, Any]) -> None:
    outcome = validate_data(data)
    assume(outcome.plan is not None)
    plan = outcome.plan
    assert plan is not None
    from_yaml = through(plan, ".yaml")
    assert from_yaml == plan
    assert through(from_yaml, ".xlsx") == plan


@SETTINGS
@given(plans())
def test_every_valid_plan_builds_every_file(data: dict[str, Any]) -> None:
    outcome = validate_data(data)
    assume(outcome.plan is not None)
    plan = outcome.plan
    assert plan is not None
    lib.check(plan)
    for family, formats in lib.families_table().items():
        for fmt in formats:
            assert lib.render(plan, family, fmt)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        path.write_bytes(lib.render(plan, "strategic-account-plan", "docx"))
        text = docx_text(path)
    shown = (
        [o.name for o in plan.opportunities] + [a.action for a in plan.actions] + [s.name for s in plan.stakeholders]
    )
    assert all(_normal(value) in _normal(text) for value in shown)


def _normal(text: str) -> str:
    """Return text without white space (Word keeps tabs and line breaks as marks, not characters)."""
    return "".join(text.split())
