"""The tables every family shares, each defined once with every column any format shows; formats pick columns."""

from __future__ import annotations

from typing import Any

from generator.document.blocks import Cell, ChartRef, Column, Kind, Row, Table, row
from generator.document.format import Formatter
from generator.model import figures
from generator.model.enums import ResourceType
from generator.model.plan import (
    AccountPlan,
    Competitor,
    Goal,
    IndustryFactor,
    InteractionRecord,
    Opportunity,
    Resource,
    Solution,
)

# a chart's category label: the name, abbreviated where a long one would run into its neighbours (the table
# beside it keeps the whole name)
CHART_NAME = '=IF(LEN({name})>30,LEFT({name},28)&"…",{name})'


def col(f: Formatter, key: str, label: str = "", **extra: Any) -> Column:
    """Return a column whose header is the catalogue label (label key defaults to the column key)."""
    return Column(key, f.label(label or key), **extra)


def text(value: str, raw: Any = None) -> Cell:
    """Return a cell showing text; its raw value is the text unless given."""
    return Cell(value, value if raw is None else raw)


def industry(plan: AccountPlan, f: Formatter) -> Table:
    """Return the industry analysis (PESTLE factors)."""

    def to_row(x: IndustryFactor) -> Row:
        return row(
            factor=text(f.enum(x.factor, "factor")), trend=text(x.trend), impact=text(f.text(x.impact, "impact"))
        )

    columns = (col(f, "factor"), col(f, "trend"), col(f, "impact", "impact_on_account"))
    hint = f.hint_row(factor="factor", trend="trend", impact="impact")
    return Table("Industry", columns, f.rows(plan.industry_analysis, to_row), f.placeholders(hint))


def interactions(plan: AccountPlan, f: Formatter) -> Table:
    """Return the relationship history, newest first."""

    def to_row(x: InteractionRecord) -> Row:
        return row(
            date=text(f.date(x.date), x.date),
            stakeholder=text(x.stakeholder),
            channel=text(f.enum(x.channel, "channel")),
            by=text(f.text(x.by, "name")),
            outcome=text(f.text(x.outcome, "outcome")),
        )

    columns = (col(f, "date"), col(f, "stakeholder"), col(f, "channel"), col(f, "by"), col(f, "outcome"))
    ordered = sorted(plan.interactions, key=lambda x: x.date, reverse=True)
    hint = f.hint_row(date="date", stakeholder="name", channel="channel", by="name", outcome="outcome")
    return Table("Interactions", columns, f.rows(ordered, to_row), f.placeholders(hint))


def competitors(plan: AccountPlan, f: Formatter) -> Table:
    """Return the competitive landscape."""

    def to_row(c: Competitor) -> Row:
        return row(
            name=text(c.name),
            strengths=text(f.text(c.strengths, "competitor_strengths"), c.strengths),
            our_advantages=text(f.text(c.our_advantages, "our_advantages"), c.our_advantages),
            customer_view=text(f.text(c.customer_view, "customer_view"), c.customer_view),
            threat=text(f.enum(c.threat, "level")),
        )

    columns = (
        col(f, "name", "competitor"),
        col(f, "strengths", "competitor_strengths"),
        col(f, "our_advantages"),
        col(f, "customer_view"),
        col(f, "threat", options="level"),
    )
    hint = f.hint_row(
        name="competitor",
        strengths="competitor_strengths",
        our_advantages="our_advantages",
        customer_view="customer_view",
        threat="level",
    )
    return Table("Competitors", columns, f.rows(plan.competitors, to_row), f.placeholders(hint))


def streams(plan: AccountPlan, f: Formatter, total: dict[str, str]) -> Table:
    """Return the revenue streams with their growth, its total row and its workbook chart."""

    def growth(current: float, target: float) -> str:
        if not current:
            return f.label("new_stream")
        return f.percent(figures.growth_percent(current, target), "growth", signed=True)

    rows = f.rows(
        plan.revenue_streams,
        lambda s: row(
            name=text(s.name),
            current=Cell(f.money(s.current), s.current),
            target=Cell(f.money(s.target), s.target),
            growth=Cell(growth(s.current, s.target)),
        ),
    )
    columns = (
        col(f, "name", "revenue_stream"),
        col(f, "current", kind=Kind.MONEY),
        col(f, "target", kind=Kind.MONEY),
        col(f, "growth", kind=Kind.CHANGE, formula='=IF(N({current})=0,"",({target}-{current})/{current})'),
        col(f, "chart_name", "chart_label", formula=CHART_NAME, internal=True),
    )
    hint = f.hint_row(name="revenue_stream", current="amount", target="amount", growth="growth")
    chart = ChartRef(f.label("streams_chart"), "chart_name", ("current", "target"))
    totals = Row((("name", Cell(f.label("total"))), *((k, Cell(v)) for k, v in total.items())), bold=True)
    return Table("Streams", columns, rows, f.placeholders(hint), f.label("annual_targets"), total=totals, chart=chart)


def pipeline(plan: AccountPlan, f: Formatter) -> Table:
    """Return the opportunity pipeline with weighted values and its total row."""

    def to_row(o: Opportunity) -> Row:
        return row(
            name=text(o.name),
            value=Cell(f.money(o.value), o.value),
            probability=Cell(f.percent(o.probability), o.probability / 100),
            weighted=Cell(f.money(figures.weighted_value(o))),
            quarter=text(f.quarter(o.quarter), f.quarter(o.quarter) if o.quarter else ""),
            stage=text(f.enum(o.stage, "stage")),
            owner=text(f.text(o.owner, "name"), o.owner),
            next_step=text(f.text(o.next_step, "next_step"), o.next_step),
        )

    columns = (
        col(f, "name", "opportunity"),
        col(f, "value", kind=Kind.MONEY),
        col(f, "probability", kind=Kind.PERCENT),
        col(f, "weighted", "weighted_value", kind=Kind.MONEY, formula="={value}*{probability}"),
        col(f, "quarter", "timing"),
        col(f, "stage", options="stage"),
        col(f, "owner"),
        col(f, "next_step", note=True),
    )
    empty = not plan.opportunities
    total = row(
        bold=True,
        name=Cell(f.label("pipeline_total")),
        value=Cell(f.money(None if empty else figures.pipeline_value(plan))),
        weighted=Cell(f.money(None if empty else figures.weighted_pipeline(plan))),
    )
    hint = f.hint_row(
        name="opportunity",
        value="amount",
        probability="percent",
        weighted="amount",
        quarter="quarter",
        stage="stage",
        owner="name",
        next_step="next_step",
    )
    rows = f.rows(plan.opportunities, to_row)
    return Table("Pipeline", columns, rows, f.placeholders(hint), f.label("opportunity_pipeline"), total=total)


def stages(plan: AccountPlan, f: Formatter) -> Table:
    """Return the pipeline by stage (in a workbook: live sums over the pipeline) and its chart."""
    rows = tuple(
        row(
            stage=text(f.enum(t.stage, "stage")),
            count=Cell(str(t.count)),
            value=Cell(f.money(t.value)),
            weighted=Cell(f.money(t.weighted)),
        )
        for t in figures.pipeline_by_stage(plan)
    )
    columns = (
        col(f, "stage"),
        col(f, "count", kind=Kind.NUMBER, formula="=COUNTIF({Pipeline.stage},{stage})"),
        col(f, "value", kind=Kind.MONEY, formula="=SUMIF({Pipeline.stage},{stage},{Pipeline.value})"),
        col(
            f,
            "weighted",
            "weighted_value",
            kind=Kind.MONEY,
            formula="=SUMIF({Pipeline.stage},{stage},{Pipeline.weighted})",
        ),
    )
    chart = ChartRef(f.label("pipeline_chart"), "stage", ("value", "weighted"))
    return Table("ByStage", columns, rows, (), f.label("pipeline_by_stage"), chart=chart)


def goals(plan: AccountPlan, f: Formatter) -> Table:
    """Return our goals for the account."""

    def to_row(g: Goal) -> Row:
        return row(
            goal=text(g.goal),
            challenges=text(f.text(g.challenges, "challenges"), g.challenges),
            measure=text(f.text(g.measure, "measure"), g.measure),
            target=text(f.text(g.target, "target"), g.target),
            due=Cell(f.date(g.due), g.due),
        )

    columns = (col(f, "goal"), col(f, "challenges"), col(f, "measure"), col(f, "target"), col(f, "due", kind=Kind.DATE))
    hint = f.hint_row(goal="goal", challenges="challenges", measure="measure", target="target", due="date")
    return Table("Goals", columns, f.rows(plan.goals, to_row), f.placeholders(hint))


def strategies(plan: AccountPlan, f: Formatter) -> Table:
    """Return the strategies with their tactics (a list in Word, one cell per strategy elsewhere)."""
    rows = f.rows(
        plan.strategies,
        lambda s: row(
            strategy=text(s.strategy),
            tactics=Cell(
                f.joined(s.tactics, "tactic", "; "), "\n".join(s.tactics), tuple(f.items(s.tactics, "tactic"))
            ),
        ),
    )
    columns = (col(f, "strategy"), col(f, "tactics", kind=Kind.BULLETS))
    hint = row(strategy=Cell(f.hint("strategy")), tactics=Cell(f.hint("tactic"), items=(f.hint("tactic"),)))
    return Table("Strategies", columns, rows, f.placeholders(hint), f.label("kam_strategies"))


def solutions(plan: AccountPlan, f: Formatter) -> Table:
    """Return the solutions we propose."""

    def to_row(s: Solution) -> Row:
        return row(
            solution=text(s.solution),
            value=text(f.text(s.value, "value_roi"), s.value),
            objections=text(f.text(s.objections, "objections"), s.objections),
            handling=text(f.text(s.handling, "handling"), s.handling),
            status=text(f.enum(s.status, "solution_status")),
        )

    columns = (
        col(f, "solution"),
        col(f, "value", "value_roi"),
        col(f, "objections"),
        col(f, "handling"),
        col(f, "status", options="solution_status"),
    )
    hint = f.hint_row(
        solution="solution", value="value_roi", objections="objections", handling="handling", status="solution_status"
    )
    return Table(
        "Solutions", columns, f.rows(plan.solutions, to_row), f.placeholders(hint), f.label("account_solutions")
    )


def resources(plan: AccountPlan, f: Formatter) -> Table:
    """Return the resource allocation with the total budget."""

    def to_row(r: Resource) -> Row:
        return row(
            resource=text(r.resource),
            type=text(f.enum(r.type, "resource_type")),
            amount=Cell(f.money(r.amount) if r.amount is not None else "—", r.amount),
            owner=text(f.text(r.owner, "owner"), r.owner),
            notes=text(f.text(r.notes, "notes"), r.notes),
        )

    columns = (
        col(f, "resource"),
        col(f, "type", "resource_type", options="resource_type"),
        col(f, "amount", kind=Kind.MONEY),
        col(f, "owner"),
        col(f, "notes"),
    )
    budget = f.money(sum(r.amount or 0 for r in plan.resources) if plan.resources else None)
    total = row(bold=True, resource=Cell(f.label("total_budget")), amount=Cell(budget))
    hint = f.hint_row(resource="resource", type="resource_type", amount="amount", owner="owner", notes="notes")
    rows = f.rows(plan.resources, to_row)
    return Table("Resources", columns, rows, f.placeholders(hint), f.label("kam_resources"), total=total)


def resource_needs(plan: AccountPlan, f: Formatter) -> Table:
    """Return the resource needs grouped as team, budget and support."""

    def entry(r: Resource) -> str:
        return r.resource if r.amount is None else f"{r.resource} ({f.money(r.amount)})"

    rows = tuple(
        row(
            type=Cell(f.enum(kind, "resource_type")),
            entries=Cell(f.joined((entry(r) for r in plan.resources if r.type is kind), "resource")),
        )
        for kind in ResourceType
    )
    return Table("ResourceNeeds", (col(f, "type", "resource_type"), col(f, "entries", "resources")), rows)
