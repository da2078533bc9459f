"""Views: a validated plan -> the plain values each document shows (pure, no Office code)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.catalog import catalog
from generator.model import figures
from generator.model.enums import Quadrant, Stage
from generator.model.plan import AccountPlan
from generator.views import sections as s
from generator.views.format import Formatter

View = dict[str, Any]


def formatter(plan: AccountPlan) -> Formatter:
    """Return the formatter of a plan's language and currency."""
    return Formatter(catalog(plan.plan.language), plan.plan.currency, blank=plan.is_blank)


def _base(plan: AccountPlan, f: Formatter) -> View:
    """Return what every view has: labels, document values, whether it is blank."""
    return {"L": dict(f.cat.labels), "doc": s.document(plan, f), "blank": plan.is_blank, "notes": dict(f.cat.notes)}


def strategic_view(plan: AccountPlan) -> View:
    """Return the values of the strategic account plan."""
    f = formatter(plan)
    return {
        **_base(plan, f),
        "summary": s.summary(plan, f),
        "profile": s.profile(plan, f),
        "initiatives": s.initiatives(plan, f),
        "key_initiatives": f.items(s.key_initiatives(plan), "initiative"),
        "key_people": s.key_people(plan, f),
        "strategy_map": s.strategy_map(plan, f),
        "industry": s.industry(plan, f),
        "quadrants": s.quadrants(plan, f),
        "people": s.people(plan, f),
        "interactions": s.interactions(plan, f),
        "relationship_expansion": f.items(plan.relationship_expansion, "relationship_expansion"),
        "current": s.current_business(plan, f),
        "competitors": s.competitors(plan, f),
        "swot": s.swot(plan, f),
        "streams": s.revenue_streams(plan, f),
        "annual_goals": f.items(plan.account.annual_goals, "annual_goal"),
        "opportunities": s.opportunities(plan, f),
        "pipeline": s.pipeline_totals(plan, f),
        "stages": s.stages(plan, f),
        "action_groups": s.action_groups(plan, f),
        "kpi_groups": s.kpi_groups(plan, f),
        "risks": s.risks(plan, f),
        "reviews": s.reviews(plan, f),
        "collaboration": s.collaboration(plan, f),
        "documentation": f.items(plan.documentation_standards, "documentation_standard"),
        "charts": charts(plan, f),
    }


def sales_view(plan: AccountPlan) -> View:
    """Return the values of the sales account plan."""
    f = formatter(plan)
    avg = figures.relationship_average(plan)
    profile = s.profile(plan, f)
    return {
        **_base(plan, f),
        "overview": {
            **profile,
            "our_revenue": f.money(figures.current_revenue(plan) if plan.revenue_streams else None, "revenue"),
            "relationship": f.hint("relationship") if avg is None else f"{avg:.1f}/5",
            "key_contacts": ", ".join(s.key_people(plan, f, limit=4)),
            "key_competitors": f.joined((c.name for c in plan.competitors), "competitor"),
        },
        "goals": s.goals(plan, f),
        "solutions": s.solutions(plan, f),
        "decision": s.decision_process(plan, f),
        "profile": profile,
        "actions": s.actions(plan, f),
        "action_counts": s.action_counts(plan, f),
    }


def account_map_view(plan: AccountPlan) -> View:
    """Return the values of the account map."""
    f = formatter(plan)
    return {
        **_base(plan, f),
        "people": s.people(plan, f),
        "decision_makers": s.decision_makers(plan, f),
        "quadrants": s.quadrants(plan, f),
        "levels": s.levels(plan, f),
        "stances": [{"stance": f.cat.enum("stance", k), "colour": c} for k, c in s.STANCE_COLOURS.items()],
        "scatter": scatter(plan),
    }


def kam_view(plan: AccountPlan) -> View:
    """Return the values of the key account management action plan (the seven elements)."""
    f = formatter(plan)
    return {
        **_base(plan, f),
        "profile": s.profile(plan, f),
        "decision_makers": s.decision_makers(plan, f),
        "swot": s.swot(plan, f),
        "competitors": s.competitors(plan, f),
        "goals": s.goals(plan, f),
        "strategies": s.strategies(plan, f),
        "actions": s.actions(plan, f),
        "resources": s.resources(plan, f),
        "budget_total": f.money(sum(r.amount or 0 for r in plan.resources) if plan.resources else None),
        "kpis": s.kpis(plan, f),
        "reviews": s.reviews(plan, f),
        "team": s.team(plan, f),
        "people": s.people(plan, f),
        "action_counts": s.action_counts(plan, f),
    }


def simple_view(plan: AccountPlan) -> View:
    """Return the values of the simple one-document account plan."""
    f = formatter(plan)
    return {**_base(plan, f), "team": s.team(plan, f), "actions": s.actions(plan, f)}


def charts(plan: AccountPlan, f: Formatter) -> View:
    """Return the numbers behind the native charts."""
    by_stage = figures.pipeline_by_stage(plan)
    return {
        "streams": {
            "categories": [r.name for r in plan.revenue_streams],
            "current": [r.current for r in plan.revenue_streams],
            "target": [r.target for r in plan.revenue_streams],
        },
        "stages": {
            "categories": [f.cat.enum("stage", t.stage.value) for t in by_stage],
            "value": [t.value for t in by_stage],
            "weighted": [t.weighted for t in by_stage],
            "keys": [t.stage.value for t in by_stage],
        },
    }


LEVEL_POSITION = {"low": 1, "medium": 2, "high": 3}


def scatter(plan: AccountPlan) -> list[View]:
    """Return each stakeholder's position for the influence-interest scatter."""
    return [
        {
            "name": st.name,
            "interest": LEVEL_POSITION[st.interest.value],
            "influence": LEVEL_POSITION[st.influence.value],
            "quadrant": figures.quadrant(st).value,
        }
        for st in plan.stakeholders
    ]


VIEWS: dict[str, Callable[[AccountPlan], View]] = {
    "strategic-account-plan": strategic_view,
    "sales-account-plan": sales_view,
    "account-map": account_map_view,
    "kam-action-plan": kam_view,
    "simple-account-plan": simple_view,
}

__all__ = ["VIEWS", "Quadrant", "Stage", "View"]
