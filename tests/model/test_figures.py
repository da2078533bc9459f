"""The computed figures: each computed once, from data typed once."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model import figures
from generator.model.enums import ActionCategory, ActionStatus, Quadrant, Rag, Stage
from generator.model.plan import AccountPlan


def plan(**data: object) -> AccountPlan:
    """Return a plan from keyword sections."""
    return AccountPlan.model_validate(data)


def test_growth_is_target_over_current_of_the_streams() -> None:
    p = plan(
        revenue_streams=[{"name": "a", "current": 100, "target": 150}, {"name": "b", "current": 100, "target": 90}]
    )
    assert figures.current_revenue(p) == 200
    assert figures.target_revenue(p) == 240
    assert figures.plan_growth_percent(p) == pytest.approx(20.0)


def test_growth_without_current_revenue_is_none() -> None:
    assert figures.growth_percent(0, 100) is None


def test_weighted_pipeline_is_value_times_probability() -> None:
    p = plan(
        opportunities=[
            {"name": "a", "value": 1000, "probability": 40, "stage": "proposal"},
            {"name": "b", "value": 500, "probability": 100, "stage": "closed_won"},
        ]
    )
    assert figures.weighted_pipeline(p) == pytest.approx(900)
    by_stage = {t.stage: t for t in figures.pipeline_by_stage(p)}
    assert list(by_stage) == list(Stage)
    assert by_stage[Stage.PROPOSAL].weighted == pytest.approx(400)
    assert by_stage[Stage.DISCOVERY].count == 0


@pytest.mark.parametrize(
    ("influence", "interest", "expected"),
    [
        ("high", "high", Quadrant.CHAMPIONS),
        ("high", "medium", Quadrant.INFLUENCERS),
        ("high", "low", Quadrant.INFLUENCERS),
        ("medium", "high", Quadrant.USERS),
        ("low", "high", Quadrant.USERS),
        ("medium", "medium", Quadrant.OTHERS),
    ],
)
def test_quadrant_follows_the_influence_interest_matrix(influence: str, interest: str, expected: Quadrant) -> None:
    p = plan(stakeholders=[{"name": "x", "influence": influence, "interest": interest}])
    assert figures.quadrant(p.stakeholders[0]) is expected


def test_hierarchy_levels_and_order() -> None:
    p = plan(stakeholders=[{"name": "c", "reports_to": "b"}, {"name": "a"}, {"name": "b", "reports_to": "a"}])
    assert figures.hierarchy_levels(p) == {"a": 1, "b": 2, "c": 3}
    assert [(s.name, lvl) for s, lvl in figures.hierarchy_order(p)] == [("a", 1), ("b", 2), ("c", 3)]
    assert figures.stakeholders_per_level(p) == {1: 1, 2: 1, 3: 1}


def test_overdue_is_due_before_plan_date_and_not_done() -> None:
    p = plan(
        plan={"date": "2026-11-16"},
        actions=[
            {"action": "late", "due": "2026-11-01", "status": "in_progress"},
            {"action": "done", "due": "2026-11-01", "status": "done"},
            {"action": "cancelled", "due": "2026-11-01", "status": "cancelled"},
            {"action": "future", "due": "2026-12-01"},
        ],
    )
    assert [a.action for a in figures.overdue_actions(p)] == ["late"]
    assert figures.actions_by_status(p)[ActionStatus.DONE] == 1


def test_overdue_needs_a_plan_date() -> None:
    assert not figures.is_overdue(plan(actions=[{"action": "x", "due": date(2000, 1, 1)}]).actions[0], None)


def test_risk_score_and_colour() -> None:
    p = plan(risks=[{"risk": "r", "impact": 5, "probability": 3}])
    assert figures.risk_score(p.risks[0]) == 15
    assert figures.risk_rag(15) is Rag.RED
    assert figures.risk_rag(8) is Rag.AMBER
    assert figures.risk_rag(7) is Rag.GREEN


@pytest.mark.parametrize(
    ("target", "actual", "direction", "expected"),
    [
        (100, 100, "higher_is_better", Rag.GREEN),
        (100, 95, "higher_is_better", Rag.AMBER),
        (100, 80, "higher_is_better", Rag.RED),
        (5, 4, "lower_is_better", Rag.GREEN),
        (10, 10.5, "lower_is_better", Rag.AMBER),
        (10, 20, "lower_is_better", Rag.RED),
    ],
)
def test_kpi_rag_against_target(target: float, actual: float, direction: str, expected: Rag) -> None:
    p = plan(kpis=[{"name": "k", "area": "financial", "target": target, "actual": actual, "direction": direction}])
    assert figures.kpi_rag(p.kpis[0]) is expected


def test_kpi_without_actual_has_no_colour() -> None:
    assert figures.kpi_rag(plan(kpis=[{"name": "k", "area": "financial", "target": 1}]).kpis[0]) is None


def test_the_two_examples_use_every_action_status(example: AccountPlan, second: AccountPlan) -> None:
    assert {a.status for a in example.actions + second.actions} == set(ActionStatus)


def test_the_second_example_is_unlike_the_first(example: AccountPlan, second: AccountPlan) -> None:
    assert second.plan.currency != example.plan.currency and len(second.account.name) > 60
    assert len(second.stakeholders) >= 25 and len(second.actions) >= 40
    assert not second.industry_analysis and not second.interactions


def test_example_exercises_every_section(example: AccountPlan) -> None:
    levels = figures.hierarchy_levels(example)
    assert len(example.stakeholders) >= 10 and max(levels.values()) >= 3
    assert len(example.opportunities) >= 6 and len({o.stage for o in example.opportunities}) >= 4
    assert len(example.actions) >= 15
    assert len({a.status for a in example.actions}) >= 5
    assert {a.category for a in example.actions} == set(ActionCategory)
    assert len(example.risks) >= 5 and len(example.kpis) >= 8 and len(example.revenue_streams) >= 3
    assert all([example.swot.strengths, example.swot.weaknesses, example.swot.opportunities, example.swot.threats])
    assert len(example.team) >= 4
    assert figures.overdue_actions(example), "the example should show an overdue action"


def test_pipeline_totals_leave_out_closed_lost_deals() -> None:
    p = plan(
        opportunities=[
            {"name": "a", "value": 100, "probability": 50, "stage": "proposal"},
            {"name": "b", "value": 900, "probability": 0, "stage": "closed_lost"},
        ]
    )
    assert figures.pipeline_value(p) == 100 and figures.weighted_pipeline(p) == 50


def test_a_rejected_action_is_never_overdue() -> None:
    p = plan(plan={"date": "2027-01-01"}, actions=[{"action": "a", "due": "2026-01-01", "status": "rejected"}])
    assert not figures.overdue_actions(p)
