"""The display values of each section of the plan, shared by the family views."""

from __future__ import annotations

from typing import Any

from generator.model import figures
from generator.model.enums import ActionCategory, KpiArea, KpiUnit, Quadrant, Rag, ResourceType
from generator.model.plan import (
    AccountPlan,
    Action,
    Competitor,
    Goal,
    IndustryFactor,
    InteractionRecord,
    Kpi,
    Opportunity,
    Resource,
    Risk,
    Solution,
    Stakeholder,
    TeamMember,
)
from generator.views.format import Formatter, Row

RAG_COLOURS = {Rag.GREEN: "2E9E5B", Rag.AMBER: "F2A900", Rag.RED: "D64545"}
NO_RAG_COLOUR = "BFBFBF"
STANCE_COLOURS = {
    "champion": "2E9E5B",
    "supporter": "8CC084",
    "neutral": "BFBFBF",
    "sceptic": "F2A900",
    "blocker": "D64545",
}
CHECKED, UNCHECKED = "☑", "☐"
DECISION_MARK = "★"


def document(plan: AccountPlan, f: Formatter) -> Row:
    """Return the title-page and header values."""
    info = plan.plan
    return {
        "title": f.text(info.title, "plan_title"),
        "account": f.text(plan.account.name, "company_name"),
        "prepared_by": f.text(info.prepared_by, "name_title"),
        "account_manager": f.text(info.account_manager or info.prepared_by, "name"),
        "date": f.date(info.date),
        "version": f.text(info.version, "version"),
        "period": f.text(info.period, "period"),
        "last_reviewed": f.date(info.last_reviewed),
        "goal": f.text(info.goal, "plan_goal"),
        "segment": f.enum(plan.account.segment, "segment"),
        "overview": f.text(plan.account.overview, "overview"),
    }


def summary(plan: AccountPlan, f: Formatter) -> Row:
    """Return the executive summary: the computed figures and the objectives."""
    blank = not plan.revenue_streams
    current = None if blank else figures.current_revenue(plan)
    target = None if blank else figures.target_revenue(plan)
    growth = figures.plan_growth_percent(plan)
    weighted = figures.weighted_pipeline(plan) if plan.opportunities else None
    return {
        "current_revenue": f.money(current, "revenue"),
        "target_revenue": f.money(target, "revenue"),
        "growth": f.percent(growth, "growth", signed=True),
        "weighted_pipeline": f.money(weighted, "amount"),
        "current_revenue_short": f.money_short(current, "revenue"),
        "target_revenue_short": f.money_short(target, "revenue"),
        "weighted_pipeline_short": f.money_short(weighted, "amount"),
        "objectives": f.items(plan.executive_summary.objectives, "objective"),
        "success_factors": f.items(plan.executive_summary.success_factors, "success_factor"),
        "resources": resource_needs(plan, f),
    }


def resource_needs(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the resource needs grouped as team, budget and support."""
    return [
        {
            "type": f.enum(kind, "resource_type"),
            "entries": f.joined((_resource_text(r, f) for r in plan.resources if r.type is kind), "resource"),
        }
        for kind in ResourceType
    ]


def _resource_text(resource: Resource, f: Formatter) -> str:
    """Return a resource as one line, with its amount when it has one."""
    if resource.amount is None:
        return resource.resource
    return f"{resource.resource} ({f.money(resource.amount)})"


def profile(plan: AccountPlan, f: Formatter) -> Row:
    """Return the business profile and financial health."""
    p, h = plan.account.profile, plan.account.financial_health
    revenue = f.money(p.revenue, "revenue")
    if p.revenue is not None and p.revenue_year:
        revenue += f" ({p.revenue_year})"
    return {
        "industry": f.text(p.industry, "industry"),
        "revenue": revenue,
        "employees": f.number(p.employees, "employees"),
        "locations": f.joined(p.locations, "locations"),
        "ownership": f.enum(p.ownership, "ownership"),
        "website": f.text(p.website, "website"),
        "growth_trajectory": f.enum(h.growth_trajectory, "growth_trajectory"),
        "profitability": f.enum(h.profitability, "profitability"),
        "budget_cycle": f.text(h.budget_cycle, "budget_cycle"),
        "procurement": f.enum(h.procurement, "procurement"),
    }


def initiatives(plan: AccountPlan, f: Formatter) -> Row:
    """Return the customer's strategic initiatives, one list per kind."""
    i = plan.account.initiatives
    return {
        "business_priorities": f.items(plan.account.priorities, "priority"),
        "technology_roadmap": f.items(i.technology_roadmap, "technology_roadmap"),
        "market_expansion": f.items(i.market_expansion, "market_expansion"),
        "operational_excellence": f.items(i.operational_excellence, "operational_excellence"),
    }


def key_initiatives(plan: AccountPlan) -> list[str]:
    """Return every initiative of the customer in one list."""
    i = plan.account.initiatives
    return [*i.technology_roadmap, *i.market_expansion, *i.operational_excellence]


def strategy_map(plan: AccountPlan, f: Formatter) -> Row:
    """Return the customer strategy map: goals, problems and culture."""
    a = plan.account
    return {
        "goals": f.items(a.annual_goals, "annual_goal"),
        "problems": f.items(a.challenges, "challenge"),
        "culture": f.items(a.culture, "culture"),
    }


def industry(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the industry analysis rows."""

    def row(x: IndustryFactor) -> Row:
        return {"factor": f.enum(x.factor, "factor"), "trend": x.trend, "impact": f.text(x.impact, "impact")}

    return f.rows(plan.industry_analysis, row, f.hint_row(factor="factor", trend="trend", impact="impact"))


def person(s: Stakeholder, f: Formatter, level: int = 1) -> Row:
    """Return everything the documents show about one stakeholder."""
    last = s.last_interaction
    decision = figures.is_decision_maker(s)
    return {
        "name": s.name,
        "title": f.text(s.title, "title"),
        "name_title": f"{s.name}, {s.title}" if s.title else s.name,
        "department": f.text(s.department, "department"),
        "reports_to": s.reports_to or "—",
        "level": level,
        "indented": "\u2003" * (level - 1) + ("└ " if level > 1 else "") + s.name,
        "buying_role": f.enum(s.buying_role, "buying_role"),
        "decision_role": f.enum(s.decision_role, "decision_role"),
        "decision_maker": decision,
        "decision_mark": DECISION_MARK if decision else "",
        "influence": f.enum(s.influence, "level"),
        "interest": f.enum(s.interest, "level"),
        "relationship": f.score(s.relationship, "relationship"),
        "stance": f.enum(s.stance, "stance"),
        "stance_value": s.stance.value,
        "stance_colour": STANCE_COLOURS[s.stance.value],
        "channel": f.enum(s.channel, "channel"),
        "cadence": f.enum(s.cadence, "cadence"),
        "style": f.text(s.style, "style"),
        "motivators": f.text(s.motivators, "motivators"),
        "concerns": f.text(s.concerns, "concerns"),
        "engagement": f.text(s.engagement, "engagement"),
        "last_date": f.date(last.date if last else None),
        "last_outcome": f.text(last.outcome if last else "", "outcome"),
        "quadrant": figures.quadrant(s).value,
    }


def blank_person(f: Formatter) -> Row:
    """Return a stakeholder row of hints."""
    keys = (
        "title",
        "department",
        "buying_role",
        "decision_role",
        "relationship",
        "stance",
        "channel",
        "cadence",
        "style",
        "motivators",
        "concerns",
        "engagement",
    )
    row: Row = {key: f.hint(key) for key in keys}
    row.update(influence=f.hint("level"), interest=f.hint("level"))
    row.update(
        name=f.hint("name"),
        name_title=f.hint("name_title"),
        reports_to=f.hint("reports_to"),
        level=1,
        indented=f.hint("name"),
        decision_maker=False,
        decision_mark="",
        stance_value="neutral",
        stance_colour=STANCE_COLOURS["neutral"],
        last_date=f.hint("date"),
        last_outcome=f.hint("outcome"),
        quadrant="others",
    )
    return row


def people(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the stakeholders in hierarchy order with their level."""
    if not plan.stakeholders:
        return [blank_person(f)]
    return [person(s, f, level) for s, level in figures.hierarchy_order(plan)]


def quadrants(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the four quadrants of the influence-interest matrix with their people."""
    grouped = figures.stakeholders_by_quadrant(plan)
    return [
        {
            "key": q.value,
            "title": f.enum(q, "quadrant"),
            "description": f.label(f"quadrant_{q.value}_description"),
            "people": [person(s, f) for s in grouped[q]] or ([blank_person(f)] if f.blank else []),
            "names": [p.name for p in grouped[q]] or [f.hint("name_title")],
            "count": len(grouped[q]),
        }
        for q in Quadrant
    ]


def decision_makers(plan: AccountPlan, f: Formatter) -> list[str]:
    """Return who makes the buying decision, as 'Name, Title'."""
    names = [person(s, f)["name_title"] for s in plan.stakeholders if figures.is_decision_maker(s)]
    return names or [f.hint("name_title")]


def key_people(plan: AccountPlan, f: Formatter, limit: int = 6) -> list[str]:
    """Return the people who matter most: decision makers, then high influence."""
    ranked = sorted(plan.stakeholders, key=lambda s: (not figures.is_decision_maker(s), s.influence.value != "high"))
    names = [person(s, f)["name_title"] for s in ranked[:limit]]
    return names or [f.hint("name_title")]


def levels(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return how many stakeholders sit on each hierarchy level."""
    counts = figures.stakeholders_per_level(plan)
    return [{"level": str(level), "count": str(n)} for level, n in counts.items()] or [{"level": "1", "count": "0"}]


def interactions(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the relationship history, newest first."""

    def row(x: InteractionRecord) -> Row:
        return {
            "date": f.date(x.date),
            "stakeholder": x.stakeholder,
            "channel": f.enum(x.channel, "channel"),
            "by": f.text(x.by, "name"),
            "outcome": f.text(x.outcome, "outcome"),
        }

    ordered = sorted(plan.interactions, key=lambda x: x.date, reverse=True)
    return f.rows(
        ordered, row, f.hint_row(date="date", stakeholder="name", channel="channel", by="name", outcome="outcome")
    )


def current_business(plan: AccountPlan, f: Formatter) -> Row:
    """Return what the customer buys from us today."""
    c = plan.current_business
    return {
        "products": f.joined(c.products, "products"),
        "products_list": f.items(c.products, "products"),
        "annual_contract_value": f.money(c.annual_contract_value, "amount"),
        "contract_terms": f.text(c.contract_terms, "contract_terms"),
        "renewal_date": f.date(c.renewal_date),
        "usage": f.text(c.usage, "usage"),
        "expansion_potential": f.text(c.expansion_potential, "expansion_potential"),
        "switching_costs": f.text(c.switching_costs, "switching_costs"),
    }


def competitors(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the competitor rows."""

    def row(c: Competitor) -> Row:
        return {
            "name": c.name,
            "strengths": f.text(c.strengths, "competitor_strengths"),
            "our_advantages": f.text(c.our_advantages, "our_advantages"),
            "customer_view": f.text(c.customer_view, "customer_view"),
            "threat": f.enum(c.threat, "level"),
        }

    return f.rows(
        plan.competitors,
        row,
        f.hint_row(
            name="competitor",
            strengths="competitor_strengths",
            our_advantages="our_advantages",
            customer_view="customer_view",
            threat="level",
        ),
    )


def swot(plan: AccountPlan, f: Formatter) -> Row:
    """Return the four SWOT lists."""
    s = plan.swot
    return {
        "strengths": f.items(s.strengths, "strength"),
        "weaknesses": f.items(s.weaknesses, "weakness"),
        "opportunities": f.items(s.opportunities, "opportunity_swot"),
        "threats": f.items(s.threats, "threat"),
    }


def revenue_streams(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the revenue streams with their growth."""
    return f.rows(
        plan.revenue_streams,
        lambda s: {
            "name": s.name,
            "current": f.money(s.current),
            "target": f.money(s.target),
            "growth": f.label("new_stream")
            if not s.current
            else f.percent(figures.growth_percent(s.current, s.target), "growth", signed=True),
        },
        f.hint_row(name="revenue_stream", current="amount", target="amount", growth="growth"),
    )


def opportunities(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the pipeline rows with their weighted values."""

    def row(o: Opportunity) -> Row:
        return {
            "name": o.name,
            "value": f.money(o.value),
            "probability": f.percent(o.probability),
            "weighted": f.money(figures.weighted_value(o)),
            "quarter": f.text(o.quarter, "quarter"),
            "stage": f.enum(o.stage, "stage"),
            "owner": f.text(o.owner, "name"),
            "next_step": f.text(o.next_step, "next_step"),
        }

    return f.rows(
        plan.opportunities,
        row,
        f.hint_row(
            name="opportunity",
            value="amount",
            probability="percent",
            weighted="amount",
            quarter="quarter",
            stage="stage",
            owner="name",
            next_step="next_step",
        ),
    )


def pipeline_totals(plan: AccountPlan, f: Formatter) -> Row:
    """Return the pipeline's total and weighted total."""
    empty = not plan.opportunities
    return {
        "value": f.money(None if empty else figures.pipeline_value(plan)),
        "weighted": f.money(None if empty else figures.weighted_pipeline(plan)),
        "count": str(len(plan.opportunities)),
    }


def stages(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the pipeline by stage."""
    return [
        {
            "stage": f.enum(t.stage, "stage"),
            "count": str(t.count),
            "value": f.money(t.value),
            "weighted": f.money(t.weighted),
        }
        for t in figures.pipeline_by_stage(plan)
    ]


def action_row(a: Action, plan: AccountPlan, f: Formatter) -> Row:
    """Return everything the documents show about one action."""
    overdue = figures.is_overdue(a, plan.plan.date)
    return {
        "action": a.action,
        "objective": f.text(a.objective, "objective"),
        "description": f.text(a.description, "description"),
        "owner": f.text(a.owner, "owner"),
        "stakeholders": f.joined(a.stakeholders, "external"),
        "start": f.date(a.start),
        "due": f.date(a.due),
        "status": f.enum(a.status, "action_status"),
        "status_value": a.status.value,
        "category": f.enum(a.category, "action_category"),
        "check": CHECKED if a.status.value == "done" else UNCHECKED,
        "milestone": DECISION_MARK if a.milestone else "",
        "notes": f.text(a.notes, "notes"),
        "overdue": overdue,
        "overdue_mark": f.label("overdue") if overdue else "",
    }


def blank_action(f: Formatter) -> Row:
    """Return an action row of hints."""
    row = f.hint_row(
        action="action",
        objective="objective",
        description="description",
        owner="owner",
        stakeholders="external",
        start="date",
        due="date",
        status="action_status",
        category="action_category",
        notes="notes",
    )
    row.update(check=UNCHECKED, milestone="", overdue=False, overdue_mark="", status_value="not_started")
    return row


def actions(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the action rows in plan order."""
    return f.rows(plan.actions, lambda a: action_row(a, plan, f), blank_action(f))


def action_groups(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the actions grouped by category (relationship building first)."""
    groups = []
    for category in ActionCategory:
        members = [a for a in plan.actions if a.category is category]
        rows = [action_row(a, plan, f) for a in members] or [blank_action(f)]
        groups.append({"title": f.enum(category, "action_category"), "key": category.value, "actions": rows})
    other = [a for a in plan.actions if a.category is None]
    if other:
        groups.append(
            {"title": f.label("other_actions"), "key": "other", "actions": [action_row(a, plan, f) for a in other]}
        )
    return groups


def action_counts(plan: AccountPlan, f: Formatter) -> Row:
    """Return actions by status and the overdue count."""
    return {
        "by_status": [
            {"status": f.cat.enum("action_status", s.value), "count": str(n)}
            for s, n in figures.actions_by_status(plan).items()
        ],
        "overdue": str(len(figures.overdue_actions(plan))),
    }


def kpi_value(kpi: Kpi, value: float | None, f: Formatter) -> str:
    """Return a KPI figure in its unit."""
    if value is None:
        return f.hint("actual")
    if kpi.unit is KpiUnit.PERCENT:
        return f.percent(value)
    if kpi.unit is KpiUnit.CURRENCY:
        return f.money(value)
    return f.number(value)


def kpi_row(kpi: Kpi, f: Formatter) -> Row:
    """Return one KPI with its red/amber/green mark."""
    rag = figures.kpi_rag(kpi)
    return {
        "name": kpi.name,
        "area": f.enum(kpi.area, "kpi_area"),
        "target": kpi_value(kpi, kpi.target, f),
        "actual": kpi_value(kpi, kpi.actual, f),
        "rag": f.enum(rag, "rag"),
        "rag_value": rag.value if rag else "",
        "rag_colour": RAG_COLOURS[rag] if rag else NO_RAG_COLOUR,
    }


def blank_kpi(f: Formatter) -> Row:
    """Return a KPI row of hints."""
    row = f.hint_row(name="kpi", area="kpi_area", target="target", actual="actual", rag="rag")
    row.update(rag_value="", rag_colour=NO_RAG_COLOUR)
    return row


def kpis(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return every KPI row."""
    return f.rows(plan.kpis, lambda k: kpi_row(k, f), blank_kpi(f))


def kpi_groups(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the KPIs grouped as financial, relationship and operational."""
    return [
        {
            "title": f.enum(area, "kpi_area"),
            "key": area.value,
            "kpis": [kpi_row(k, f) for k in plan.kpis if k.area is area] or [blank_kpi(f)],
        }
        for area in KpiArea
    ]


def risks(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the risk register, highest score first."""

    def row(r: Risk) -> Row:
        score = figures.risk_score(r)
        rag = figures.risk_rag(score)
        return {
            "risk": r.risk,
            "impact": str(r.impact),
            "probability": str(r.probability),
            "score": str(score),
            "rag": f.enum(rag, "rag"),
            "rag_colour": RAG_COLOURS[rag],
            "mitigation": f.text(r.mitigation, "mitigation"),
            "owner": f.text(r.owner, "owner"),
            "review": f.enum(r.review, "review_frequency"),
        }

    ordered = sorted(plan.risks, key=lambda r: -figures.risk_score(r))
    hint = f.hint_row(
        risk="risk",
        impact="score",
        probability="score",
        score="score",
        rag="rag",
        mitigation="mitigation",
        owner="owner",
        review="review_frequency",
    )
    hint["rag_colour"] = NO_RAG_COLOUR
    return f.rows(ordered, row, hint)


def reviews(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the review cadence."""
    return f.rows(
        plan.review_cadence,
        lambda r: {"frequency": f.enum(r.frequency, "review_frequency"), "topics": f.joined(r.topics, "topics", "; ")},
        f.hint_row(frequency="review_frequency", topics="topics"),
    )


def collaboration(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the collaboration framework."""
    return f.rows(
        plan.collaboration,
        lambda c: {
            "team": f.enum(c.team, "team"),
            "who": f.text(c.who, "name"),
            "responsibilities": f.text(c.responsibilities, "responsibilities"),
        },
        f.hint_row(team="team", who="name", responsibilities="responsibilities"),
    )


def team(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return our account team."""

    def row(m: TeamMember) -> Row:
        return {
            "name": m.name,
            "title": f.text(m.title, "title"),
            "role": f.text(m.role, "role"),
            "responsibilities": f.text(m.responsibilities, "responsibilities"),
            "photo": m.photo,
        }

    hint = f.hint_row(name="name", title="title", role="role", responsibilities="responsibilities")
    hint["photo"] = ""
    return f.rows(plan.team, row, hint)


def goals(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return our goals for the account."""

    def row(g: Goal) -> Row:
        return {
            "goal": g.goal,
            "challenges": f.text(g.challenges, "challenges"),
            "measure": f.text(g.measure, "measure"),
            "target": f.text(g.target, "target"),
            "due": f.date(g.due),
        }

    return f.rows(
        plan.goals,
        row,
        f.hint_row(goal="goal", challenges="challenges", measure="measure", target="target", due="date"),
    )


def strategies(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the strategies with their tactics."""
    return f.rows(
        plan.strategies,
        lambda s: {
            "strategy": s.strategy,
            "tactics": f.items(s.tactics, "tactic"),
            "tactics_text": f.joined(s.tactics, "tactic", "; "),
        },
        {"strategy": f.hint("strategy"), "tactics": [f.hint("tactic")], "tactics_text": f.hint("tactic")},
    )


def solutions(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the solutions we propose."""

    def row(s: Solution) -> Row:
        return {
            "solution": s.solution,
            "value": f.text(s.value, "value_roi"),
            "objections": f.text(s.objections, "objections"),
            "handling": f.text(s.handling, "handling"),
            "status": f.enum(s.status, "solution_status"),
        }

    return f.rows(
        plan.solutions,
        row,
        f.hint_row(
            solution="solution",
            value="value_roi",
            objections="objections",
            handling="handling",
            status="solution_status",
        ),
    )


def resources(plan: AccountPlan, f: Formatter) -> list[Row]:
    """Return the resource allocation rows."""
    return f.rows(
        plan.resources,
        lambda r: {
            "resource": r.resource,
            "type": f.enum(r.type, "resource_type"),
            "amount": f.money(r.amount) if r.amount is not None else "—",
            "owner": f.text(r.owner, "owner"),
            "notes": f.text(r.notes, "notes"),
        },
        f.hint_row(resource="resource", type="resource_type", amount="amount", owner="owner", notes="notes"),
    )


def decision_process(plan: AccountPlan, f: Formatter) -> Row:
    """Return how the customer decides."""
    d = plan.account.decision_process
    return {
        "buying_steps": f.items(d.buying_steps, "buying_step"),
        "criteria": f.items(d.criteria, "criterion"),
        "procurement_path": f.text(d.procurement_path, "procurement_path"),
        "typical_cycle": f.text(d.typical_cycle, "typical_cycle"),
        "decision_makers": decision_makers(plan, f),
    }


def any_value(row: dict[str, Any]) -> bool:
    """Return True when a row has any non-empty text."""
    return any(isinstance(v, str) and v for v in row.values())
