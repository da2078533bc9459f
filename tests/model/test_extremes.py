"""Extreme but valid plans: deep hierarchies, long cycles, the last dates; all validate fast and build."""

from __future__ import annotations

import time
from typing import Any

import generator as lib
from generator.document.people import Person
from generator.model.validation import validate_data
from generator.writers.pptx import orgchart


def chain(length: int, cycle: bool = False) -> dict[str, Any]:
    """Return raw data of a plan whose stakeholders form one reporting chain."""
    people = [{"name": f"P{i}", "reports_to": f"P{i - 1}" if i else ""} for i in range(length)]
    if cycle:
        people[0]["reports_to"] = f"P{length - 1}"
    return {"plan": {"date": "2026-11-16"}, "account": {"name": "Deep"}, "stakeholders": people}


def test_a_long_reporting_cycle_is_found_in_linear_time() -> None:
    started = time.perf_counter()
    outcome = validate_data(chain(4000, cycle=True))
    assert time.perf_counter() - started < 5  # was 113 s with the cubic check
    assert [m for _, m in outcome.problems] == ["reporting cycle: P0 -> P3999 -> P3998 -> ... -> P1 -> P0"]


def test_a_very_deep_hierarchy_builds_its_workbook_and_word_map() -> None:
    plan = validate_data(chain(400)).plan
    assert plan is not None
    assert lib.render(plan, "account-map", "xlsx") and lib.render(plan, "account-map", "docx")


def test_the_org_chart_pages_any_depth_without_recursion() -> None:
    people = [Person(f"P{i}", "", f"P{i - 1}" if i else "", "BFBFBF", "262626", False, "") for i in range(3000)]
    pages = orgchart.paginate(people)
    shown = {node.name for page in pages for node in page.nodes}
    assert len(shown) == 3000 and all(page.levels <= orgchart.MAX_LEVELS for page in pages)


def test_the_last_date_every_format_shows_builds_the_timeline() -> None:
    data = {
        "plan": {"date": "9998-11-16"},
        "account": {"name": "Late"},
        "actions": [{"action": "Close", "start": "9998-12-01", "due": "9998-12-31"}],
    }
    plan = validate_data(data).plan
    assert plan is not None
    assert lib.render(plan, "kam-action-plan", "xlsx")
