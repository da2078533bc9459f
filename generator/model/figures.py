"""The figures the documents compute rather than ask for, computed in this one place."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from generator.model.enums import (
    ActionStatus,
    BuyingRole,
    DecisionRole,
    Direction,
    Level,
    Quadrant,
    Rag,
    Stage,
)
from generator.model.plan import AccountPlan, Action, Kpi, Opportunity, Risk, Stakeholder

CLOSED_STATUSES = frozenset({ActionStatus.DONE, ActionStatus.CANCELLED, ActionStatus.REJECTED})
RISK_RED_FROM = 15
RISK_AMBER_FROM = 8


def current_revenue(plan: AccountPlan) -> float:
    """Return this year's revenue: the sum of the revenue streams."""
    return sum(stream.current for stream in plan.revenue_streams)


def target_revenue(plan: AccountPlan) -> float:
    """Return the target revenue: the sum of the streams' targets."""
    return sum(stream.target for stream in plan.revenue_streams)


def growth_percent(current: float, target: float) -> float | None:
    """Return the growth from current to target in percent, None when current is zero."""
    if not current:
        return None
    return (target - current) / current * 100


def plan_growth_percent(plan: AccountPlan) -> float | None:
    """Return the plan's growth target in percent."""
    return growth_percent(current_revenue(plan), target_revenue(plan))


def weighted_value(opportunity: Opportunity) -> float:
    """Return value x probability of one opportunity."""
    return opportunity.value * opportunity.probability / 100


def counted(plan: AccountPlan) -> list[Opportunity]:
    """Return the opportunities the pipeline totals count: every one except those closed lost."""
    return [o for o in plan.opportunities if o.stage is not Stage.CLOSED_LOST]


def weighted_pipeline(plan: AccountPlan) -> float:
    """Return the probability-weighted value of the pipeline, closed-lost deals left out."""
    return sum(weighted_value(opportunity) for opportunity in counted(plan))


def pipeline_value(plan: AccountPlan) -> float:
    """Return the unweighted value of the pipeline, closed-lost deals left out."""
    return sum(opportunity.value for opportunity in counted(plan))


@dataclass(frozen=True)
class StageTotal:
    """The pipeline at one stage: how many opportunities, their value and weighted value."""

    stage: Stage
    count: int
    value: float
    weighted: float


def pipeline_by_stage(plan: AccountPlan) -> list[StageTotal]:
    """Return one total per stage, in pipeline order, stages without opportunities included."""
    return [_stage_total(plan, stage) for stage in Stage]


def _stage_total(plan: AccountPlan, stage: Stage) -> StageTotal:
    """Return the total of one stage."""
    at_stage = [o for o in plan.opportunities if o.stage is stage]
    value = sum(o.value for o in at_stage)
    weighted = sum(weighted_value(o) for o in at_stage)
    return StageTotal(stage, len(at_stage), value, weighted)


def quadrant(stakeholder: Stakeholder) -> Quadrant:
    """Return where a stakeholder sits in the influence-interest matrix."""
    high_influence = stakeholder.influence is Level.HIGH
    high_interest = stakeholder.interest is Level.HIGH
    if high_influence and high_interest:
        return Quadrant.CHAMPIONS
    if high_influence:
        return Quadrant.INFLUENCERS
    if high_interest:
        return Quadrant.USERS
    return Quadrant.OTHERS


def stakeholders_by_quadrant(plan: AccountPlan) -> dict[Quadrant, list[Stakeholder]]:
    """Return the stakeholders of each quadrant, every quadrant present."""
    result: dict[Quadrant, list[Stakeholder]] = {q: [] for q in Quadrant}
    for stakeholder in plan.stakeholders:
        result[quadrant(stakeholder)].append(stakeholder)
    return result


def is_decision_maker(stakeholder: Stakeholder) -> bool:
    """Return True for whoever makes the buying decision."""
    return (
        stakeholder.decision_role is DecisionRole.FINAL_APPROVER or stakeholder.buying_role is BuyingRole.ECONOMIC_BUYER
    )


def hierarchy_levels(plan: AccountPlan) -> dict[str, int]:
    """Return each stakeholder's level in the hierarchy, 1 for those who report to nobody (linear time)."""
    return {s.name: level for s, level in hierarchy_order(plan)}


def stakeholders_per_level(plan: AccountPlan) -> dict[int, int]:
    """Return how many stakeholders each hierarchy level holds."""
    return dict(sorted(Counter(hierarchy_levels(plan).values()).items()))


def hierarchy_order(plan: AccountPlan) -> list[tuple[Stakeholder, int]]:
    """Return stakeholders depth-first from each root, with their level."""
    names = {s.name for s in plan.stakeholders}
    children: dict[str, list[Stakeholder]] = {}
    roots = []
    for stakeholder in plan.stakeholders:
        if stakeholder.reports_to in names and stakeholder.reports_to != stakeholder.name:
            children.setdefault(stakeholder.reports_to, []).append(stakeholder)
        else:
            roots.append(stakeholder)
    ordered: list[tuple[Stakeholder, int]] = []
    seen: set[str] = set()
    for root in roots:
        _walk(root, children, ordered, seen)
    return ordered + [(s, 1) for s in plan.stakeholders if s.name not in seen]


def _walk(
    root: Stakeholder, children: dict[str, list[Stakeholder]], ordered: list[tuple[Stakeholder, int]], seen: set[str]
) -> None:
    """Append root and its reports depth-first, with an explicit stack (any depth, no recursion)."""
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if node.name in seen:
            continue
        seen.add(node.name)
        ordered.append((node, level))
        stack.extend((child, level + 1) for child in reversed(children.get(node.name, [])))


def relationship_average(plan: AccountPlan) -> float | None:
    """Return the mean relationship strength (1-5) over stakeholders who have one."""
    scores = [s.relationship for s in plan.stakeholders if s.relationship is not None]
    return sum(scores) / len(scores) if scores else None


def is_overdue(action: Action, plan_date: date | None) -> bool:
    """Return True for an action due before the plan date and not done or cancelled."""
    if plan_date is None or action.due is None:
        return False
    return action.due < plan_date and action.status not in CLOSED_STATUSES


def overdue_actions(plan: AccountPlan) -> list[Action]:
    """Return the actions that are overdue on the plan date."""
    return [a for a in plan.actions if is_overdue(a, plan.plan.date)]


def actions_by_status(plan: AccountPlan) -> dict[ActionStatus, int]:
    """Return how many actions have each status, every status present."""
    counts = Counter(action.status for action in plan.actions)
    return {status: counts.get(status, 0) for status in ActionStatus}


def risk_score(risk: Risk) -> int:
    """Return impact x probability (1-25)."""
    return risk.impact * risk.probability


def risk_rag(score: int) -> Rag:
    """Return the heat-map colour of a risk score."""
    if score >= RISK_RED_FROM:
        return Rag.RED
    if score >= RISK_AMBER_FROM:
        return Rag.AMBER
    return Rag.GREEN


def kpi_rag(kpi: Kpi) -> Rag | None:
    """Return red/amber/green of a KPI's actual against its target, None without actual."""
    if kpi.actual is None:
        return None
    slack = abs(kpi.target) * kpi.tolerance / 100
    higher = kpi.direction is Direction.HIGHER_IS_BETTER
    gap = kpi.target - kpi.actual if higher else kpi.actual - kpi.target
    if gap <= 0:
        return Rag.GREEN
    return Rag.AMBER if gap <= slack else Rag.RED
