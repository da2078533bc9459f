"""The non-table blocks families share: profile fields, SWOT, the matrix, the org chart, cards, figures."""

from __future__ import annotations

from generator.document import theme
from generator.document.blocks import Box, Boxes, Card, Cards, Fields, Tile, Tiles
from generator.document.charts import Chart, Series
from generator.document.format import Formatter
from generator.document.people import Matrix, OrgChart, Person, Quadrant
from generator.families.common import DECISION_MARK, fields, items
from generator.model import figures
from generator.model.enums import Quadrant as QuadrantKey
from generator.model.plan import AccountPlan, Stakeholder


def name_title(s: Stakeholder) -> str:
    """Return 'Name, Title' (or the name alone)."""
    return f"{s.name}, {s.title}" if s.title else s.name


def profile(plan: AccountPlan, f: Formatter) -> dict[str, str]:
    """Return the business profile and financial health as display texts by label key."""
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
        "segment": f.enum(plan.account.segment, "segment"),
        "growth_trajectory": f.enum(h.growth_trajectory, "growth_trajectory"),
        "profitability": f.enum(h.profitability, "profitability"),
        "budget_cycle": f.text(h.budget_cycle, "budget_cycle"),
        "procurement": f.enum(h.procurement, "procurement"),
    }


def profile_fields(plan: AccountPlan, f: Formatter, keys: tuple[str, ...], title: str = "") -> Fields:
    """Return some profile fields in the given order."""
    values = profile(plan, f)
    return fields(f, *((k, values[k]) for k in keys), title=title)


BUSINESS = ("industry", "revenue", "employees", "locations", "ownership", "segment")
HEALTH = ("growth_trajectory", "profitability", "budget_cycle", "procurement")


def overview(plan: AccountPlan, f: Formatter) -> str:
    """Return the account's overview text."""
    return f.text(plan.account.overview, "overview")


def initiatives(plan: AccountPlan, f: Formatter) -> dict[str, tuple[str, ...]]:
    """Return the customer's strategic initiatives, one list per kind."""
    i = plan.account.initiatives
    return {
        "business_priorities": items(f, plan.account.priorities, "priority"),
        "technology_roadmap": items(f, i.technology_roadmap, "technology_roadmap"),
        "market_expansion": items(f, i.market_expansion, "market_expansion"),
        "operational_excellence": items(f, i.operational_excellence, "operational_excellence"),
    }


def key_initiatives(plan: AccountPlan, f: Formatter) -> tuple[str, ...]:
    """Return every initiative of the customer in one list."""
    i = plan.account.initiatives
    return items(f, [*i.technology_roadmap, *i.market_expansion, *i.operational_excellence], "initiative")


def swot(plan: AccountPlan, f: Formatter) -> Boxes:
    """Return the four SWOT boxes."""
    s = plan.swot
    return Boxes(
        (
            Box(f.label("strengths"), items(f, s.strengths, "strength"), theme.TINT["green"]),
            Box(f.label("weaknesses"), items(f, s.weaknesses, "weakness"), theme.TINT["orange"]),
            Box(f.label("opportunities"), items(f, s.opportunities, "opportunity_swot"), theme.TINT["teal"]),
            Box(f.label("threats"), items(f, s.threats, "threat"), theme.TINT["red"]),
        )
    )


def strategy_map(plan: AccountPlan, f: Formatter) -> Boxes:
    """Return the customer strategy map: goals, problems and culture."""
    a = plan.account
    return Boxes(
        (
            Box(f.label("customer_goals"), items(f, a.annual_goals, "annual_goal"), theme.TINT["teal"]),
            Box(f.label("customer_problems"), items(f, a.challenges, "challenge"), theme.TINT["orange"]),
            Box(f.label("customer_culture"), items(f, a.culture, "culture"), theme.TINT["blue"]),
        )
    )


def matrix(plan: AccountPlan, f: Formatter) -> Matrix:
    """Return the influence-interest matrix with every stakeholder named in their quadrant."""
    grouped = figures.stakeholders_by_quadrant(plan)
    quadrants = tuple(
        Quadrant(
            q.value,
            f.enum(q, "quadrant"),
            f.label(f"quadrant_{q.value}_description"),
            tuple(p.name for p in grouped[q]) or (f.hint("name_title"),),
            len(grouped[q]) if plan.stakeholders else None,
            theme.QUADRANT[q.value],
        )
        for q in QuadrantKey
    )
    L = f.cat.labels
    return Matrix(quadrants, L["matrix_axes"], L["axis_influence"], L["axis_interest"], L["high"], L["lower"])


def org_chart(plan: AccountPlan, f: Formatter) -> OrgChart:
    """Return the hierarchy for the org chart, boxes coloured by stance, decision makers marked."""
    people = tuple(_person(s, f) for s, _ in figures.hierarchy_order(plan)) or (_blank_person(f),)
    legend = tuple((f.cat.enum("stance", k), c) for k, c in theme.STANCE.items())
    return OrgChart(people, legend, f.label("decision_mark_legend"))


def _person(s: Stakeholder, f: Formatter) -> Person:
    """Return one org chart box."""
    fill = theme.STANCE[s.stance.value]
    decision = figures.is_decision_maker(s)
    mark = DECISION_MARK if decision else ""
    return Person(s.name, f.text(s.title, "title"), s.reports_to or "—", fill, theme.text_on(fill), decision, mark)


def _blank_person(f: Formatter) -> Person:
    """Return the org chart box of a blank plan."""
    fill = theme.STANCE["neutral"]
    return Person(f.hint("name"), f.hint("title"), f.hint("reports_to"), fill, theme.text_on(fill), False, "")


def cards(plan: AccountPlan, f: Formatter) -> Cards:
    """Return a card per stakeholder, grouped by quadrant (a blank card per quadrant in a blank plan)."""
    grouped = figures.stakeholders_by_quadrant(plan)
    groups = []
    for q in QuadrantKey:
        made = tuple(_card(s, f) for s in grouped[q]) or ((_blank_card(f),) if f.blank else ())
        groups.append((f.enum(q, "quadrant"), made))
    return Cards(tuple(groups))


CARD = (
    "decision_role",
    "buying_role",
    "relationship_strength",
    "preferred_channel",
    "motivators",
    "concerns",
    "engagement_strategy",
    "last_interaction",
    "outcome",
)


def _card(s: Stakeholder, f: Formatter) -> Card:
    """Return one stakeholder's card."""
    last = s.last_interaction
    values = (
        f.enum(s.decision_role, "decision_role"),
        f.enum(s.buying_role, "buying_role"),
        f.score(s.relationship, "relationship"),
        f.enum(s.channel, "channel"),
        f.text(s.motivators, "motivators"),
        f.text(s.concerns, "concerns"),
        f.text(s.engagement, "engagement"),
        f.date(last.date if last else None),
        f.text(last.outcome if last else "", "outcome"),
    )
    return Card(name_title(s), fields(f, *zip(CARD, values, strict=True)))


def _blank_card(f: Formatter) -> Card:
    """Return the card of hints."""
    hints = ("decision_role", "buying_role", "relationship", "channel", "motivators", "concerns", "engagement")
    values = (*(f.hint(h) for h in hints), f.hint("date"), f.hint("outcome"))
    return Card(f.hint("name_title"), fields(f, *zip(CARD, values, strict=True)))


def decision_makers(plan: AccountPlan, f: Formatter) -> tuple[str, ...]:
    """Return who makes the buying decision, as 'Name, Title'."""
    names = tuple(name_title(s) for s in plan.stakeholders if figures.is_decision_maker(s))
    return names or (f.hint("name_title"),)


def key_people(plan: AccountPlan, f: Formatter, limit: int = 6) -> tuple[str, ...]:
    """Return the people who matter most: decision makers, then high influence."""
    ranked = sorted(plan.stakeholders, key=lambda s: (not figures.is_decision_maker(s), s.influence.value != "high"))
    return tuple(name_title(s) for s in ranked[:limit]) or (f.hint("name_title"),)


def summary_figures(plan: AccountPlan, f: Formatter) -> dict[str, tuple[str, str]]:
    """Return the executive summary's figures: (full text, short text) by label key."""
    blank = not plan.revenue_streams
    current = None if blank else figures.current_revenue(plan)
    target = None if blank else figures.target_revenue(plan)
    weighted = figures.weighted_pipeline(plan) if plan.opportunities else None
    growth = f.percent(figures.plan_growth_percent(plan), "growth", signed=True)
    return {
        "current_revenue": (f.money(current, "revenue"), f.money_short(current, "revenue")),
        "target_revenue": (f.money(target, "revenue"), f.money_short(target, "revenue")),
        "growth": (growth, growth),
        "weighted_pipeline": (f.money(weighted, "amount"), f.money_short(weighted, "amount")),
    }


def tiles(plan: AccountPlan, f: Formatter) -> Tiles:
    """Return the executive summary's four big figures."""
    figs = summary_figures(plan, f)
    return Tiles(tuple(Tile(short, f.label(key), full) for key, (full, short) in figs.items()))


def chart(f: Formatter, categories: list[str], series: list[tuple[str, list[float]]], basis: int = 0) -> Chart:
    """Return a column chart, with the hint shown in its place when its basis series has no numbers."""
    hint = "" if any(series[basis][1]) else f"[{f.label('chart_empty')}]"
    shown = tuple(Series(name, tuple(map(float, values))) for name, values in series)  # 0.0 as a compiled build has it
    labels = tuple(f.money_label(value) for value in series[-1][1])
    return Chart(tuple(categories), shown, hint, f.money_format(short=True), labels)


def current_business(plan: AccountPlan, f: Formatter) -> dict[str, str]:
    """Return what the customer buys from us today, by label key."""
    c = plan.current_business
    return {
        "products": f.joined(c.products, "products"),
        "annual_contract_value": f.money(c.annual_contract_value, "amount"),
        "contract_terms": f.text(c.contract_terms, "contract_terms"),
        "renewal_date": f.date(c.renewal_date),
        "usage": f.text(c.usage, "usage"),
        "expansion_potential": f.text(c.expansion_potential, "expansion_potential"),
        "switching_costs": f.text(c.switching_costs, "switching_costs"),
    }
