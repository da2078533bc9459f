"""The tables that track the plan: actions, KPIs, risks, the review cadence and collaboration."""

from __future__ import annotations

from generator.document import theme
from generator.document.blocks import Cell, Column, Group, Highlight, Kind, Row, Table, row
from generator.document.charts import HeatMap
from generator.document.format import Formatter
from generator.families.common import CHECKED, DECISION_MARK, UNCHECKED, label_fills, shared
from generator.families.tables import col, text
from generator.model import figures
from generator.model.enums import ActionCategory, ActionStatus, KpiArea, KpiUnit
from generator.model.plan import AccountPlan, Action, Kpi, Risk


def action_row(a: Action, plan: AccountPlan, f: Formatter) -> Row:
    """Return everything the documents show about one action."""
    return row(
        group=a.category.value if a.category else "other",
        category=text(f.enum(a.category, "action_category"), f.enum(a.category, "") if a.category else ""),
        objective=text(f.text(a.objective, "objective"), a.objective),
        action=text(a.action),
        description=text(f.text(a.description, "description"), a.description),
        owner=text(f.text(a.owner, "owner"), a.owner),
        stakeholders=text(f.joined(a.stakeholders, "external"), "; ".join(a.stakeholders)),
        start=Cell(f.date(a.start), a.start),
        due=Cell(f.date(a.due), a.due),
        status=text(f.enum(a.status, "action_status")),
        check=Cell(CHECKED if a.status.value == "done" else UNCHECKED),
        milestone=Cell(DECISION_MARK if a.milestone else "", f.label("yes") if a.milestone else ""),
        notes=text(f.text(a.notes, "notes"), a.notes),
    )


def closed_labels(f: Formatter) -> tuple[str, ...]:
    """Return the labels of the statuses that close an action (it can no longer be overdue)."""
    return tuple(f.enum(s, "action_status") for s in sorted(figures.CLOSED_STATUSES, key=list(ActionStatus).index))


@shared
def actions(plan: AccountPlan, f: Formatter) -> Table:
    """Return the action tracker: grouped by category for reading, overdue flagged in a workbook."""
    still_open = ",".join(f'{{status}}<>"{label}"' for label in closed_labels(f))
    overdue = f'=IF(AND(N({{due}})>0,{{due}}<PlanDate,{still_open}),"{f.label("overdue")}","")'
    alert = Highlight(theme.LIGHT["red"], equals=f.label("overdue"), font=theme.ALERT_TEXT, whole_row=True)
    columns = (
        col(f, "category", options="action_category"),
        col(f, "objective"),
        col(f, "action"),
        col(f, "description", note=True),
        col(f, "owner"),
        col(f, "stakeholders", "external_stakeholders"),
        col(f, "start", kind=Kind.DATE),
        col(f, "due", kind=Kind.DATE),
        col(f, "status", options="action_status"),
        Column("check", ""),
        col(f, "milestone", options="yes_no"),
        col(f, "overdue", formula=overdue, highlights=(alert,)),
        col(f, "notes", note=True),
    )
    groups = (
        *(Group(c.value, f.enum(c, "action_category")) for c in ActionCategory),
        Group("other", f.label("other_actions")),
    )
    rows = f.rows(plan.actions, lambda a: action_row(a, plan, f))
    return Table("Actions", columns, rows, f.placeholders(_blank_action(f)), f.label("action_plan_quarter"), groups)


def _blank_action(f: Formatter) -> Row:
    """Return an action row of hints."""
    hint = f.hint_row(
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
    return Row((*hint.cells, ("check", Cell(UNCHECKED)), ("milestone", Cell(""))))


def kpi_value(kpi: Kpi, value: float | None, f: Formatter) -> str:
    """Return a KPI figure in its unit."""
    if value is None:
        return f.hint("actual")
    if kpi.unit is KpiUnit.PERCENT:
        return f.percent(value)
    if kpi.unit is KpiUnit.CURRENCY:
        return f.money(value)
    return f.number(value, "actual")


def _kpi_row(kpi: Kpi, f: Formatter) -> Row:
    """Return one KPI with its red/amber/green mark."""
    rag = figures.kpi_rag(kpi)
    return row(
        group=kpi.area.value,
        area=text(f.enum(kpi.area, "kpi_area")),
        name=text(kpi.name),
        unit=text(f.enum(kpi.unit, "kpi_unit")),
        target=Cell(kpi_value(kpi, kpi.target, f), kpi.target),
        actual=Cell(kpi_value(kpi, kpi.actual, f), kpi.actual),
        direction=text(f.enum(kpi.direction, "direction")),
        tolerance=Cell(f.percent(kpi.tolerance), kpi.tolerance / 100),
        rag=Cell(f.enum(rag, "rag"), fill=theme.RAG[rag.value] if rag else theme.NO_RAG),
    )


@shared
def kpis(plan: AccountPlan, f: Formatter) -> Table:
    """Return the health scorecard, grouped by area; a workbook works out red/amber/green itself."""
    higher = f.cat.enum("direction", "higher_is_better")
    green, amber, red = (f.cat.enum("rag", r) for r in ("green", "amber", "red"))
    status = (
        f'=IF({{actual}}="","",IF({{direction}}="{higher}",'
        f'IF({{actual}}>={{target}},"{green}",IF({{target}}-{{actual}}<=ABS({{target}})*{{tolerance}},'
        f'"{amber}","{red}")),IF({{actual}}<={{target}},"{green}",'
        f'IF({{actual}}-{{target}}<=ABS({{target}})*{{tolerance}},"{amber}","{red}"))))'
    )
    columns = (
        col(f, "area", "kpi_area_label", options="kpi_area"),
        col(f, "name", "kpi"),
        col(f, "unit", options="kpi_unit"),
        col(f, "target", kind=Kind.NUMBER),
        col(f, "actual", kind=Kind.NUMBER),
        col(f, "direction", options="direction", internal=True),
        col(f, "tolerance", kind=Kind.PERCENT, internal=True),
        col(f, "rag", formula=status, coloured=True, highlights=label_fills(f.cat, "rag", theme.RAG)),
    )
    hint = f.hint_row(name="kpi", area="kpi_area", target="target", actual="actual", rag="rag")
    hint = Row(tuple((k, Cell(c.text, fill=theme.NO_RAG) if k == "rag" else c) for k, c in hint.cells))
    groups = tuple(Group(a.value, f.enum(a, "kpi_area")) for a in KpiArea)
    rows = f.rows(plan.kpis, lambda k: _kpi_row(k, f)) if not plan.is_blank else _typical_kpis(f, hint)
    return Table("Scorecard", columns, rows, f.placeholders(hint), f.label("health_scorecard"), groups)


def _typical_kpis(f: Formatter, hint: Row) -> tuple[Row, ...]:
    """Return the usual KPIs a blank scorecard lists, figures left as hints."""
    higher = f.cat.enum("direction", "higher_is_better")

    def typical(area: str, unit: str, name: str) -> Row:
        cells = dict(hint.cells)
        cells.update(
            area=text(f.cat.enum("kpi_area", area)),
            name=text(name),
            unit=text(f.cat.enum("kpi_unit", unit)),
            direction=text(higher),
        )
        return Row(tuple(cells.items()), group=area)

    return tuple(typical(*entry) for entry in f.cat.typical["kpis"])


def risks(plan: AccountPlan, f: Formatter) -> Table:
    """Return the risk register, highest score first; a workbook scores and colours it itself."""

    def to_row(r: Risk) -> Row:
        score = figures.risk_score(r)
        return row(
            risk=text(r.risk),
            impact=Cell(str(r.impact), r.impact),
            probability=Cell(str(r.probability), r.probability),
            score=Cell(str(score), fill=theme.RAG[figures.risk_rag(score).value]),
            mitigation=text(f.text(r.mitigation, "mitigation"), r.mitigation),
            owner=text(f.text(r.owner, "owner"), r.owner),
            review=text(f.enum(r.review, "review_frequency"), f.enum(r.review, "") if r.review else ""),
        )

    bands = (
        Highlight(theme.RAG["red"], low=figures.RISK_RED_FROM),
        Highlight(theme.RAG["amber"], low=figures.RISK_AMBER_FROM, high=figures.RISK_RED_FROM - 1),
        Highlight(theme.RAG["green"], low=1, high=figures.RISK_AMBER_FROM - 1),
    )
    columns = (
        col(f, "risk"),
        col(f, "impact", kind=Kind.INT, options="score"),
        col(f, "probability", kind=Kind.INT, options="score"),
        col(f, "score", kind=Kind.NUMBER, formula="={impact}*{probability}", coloured=True, highlights=bands),
        col(f, "mitigation"),
        col(f, "owner"),
        col(f, "review", options="review_frequency"),
    )
    hint = f.hint_row(
        risk="risk",
        impact="score",
        probability="score",
        score="risk_score",
        mitigation="mitigation",
        owner="owner",
        review="review_frequency",
    )
    hint = Row(tuple((k, Cell(c.text, fill=theme.NO_RAG) if k == "score" else c) for k, c in hint.cells))
    ordered = sorted(plan.risks, key=lambda r: -figures.risk_score(r))
    return Table("Risks", columns, f.rows(ordered, to_row), f.placeholders(hint), f.label("risk_register"))


def reviews(plan: AccountPlan, f: Formatter) -> Table:
    """Return the review cadence."""
    rows = f.rows(
        plan.review_cadence,
        lambda r: row(
            frequency=text(f.enum(r.frequency, "review_frequency")),
            topics=text(f.joined(r.topics, "topics", "; "), "; ".join(r.topics)),
        ),
    )
    if plan.is_blank:  # the usual rhythm, to adapt
        rows = tuple(
            row(frequency=text(f.cat.enum("review_frequency", k)), topics=text("; ".join(v)))
            for k, v in f.cat.typical["reviews"].items()
        )
    columns = (col(f, "frequency", options="review_frequency"), col(f, "topics", "what_is_reviewed"))
    hint = f.hint_row(frequency="review_frequency", topics="topics")
    return Table("Reviews", columns, rows, f.placeholders(hint), f.label("review_cadence"))


def collaboration(plan: AccountPlan, f: Formatter) -> Table:
    """Return the collaboration framework."""
    rows = f.rows(
        plan.collaboration,
        lambda c: row(
            team=text(f.enum(c.team, "team")),
            who=text(f.text(c.who, "name")),
            responsibilities=text(f.text(c.responsibilities, "responsibilities")),
        ),
    )
    if plan.is_blank:  # the usual functions, names to fill in
        rows = tuple(
            row(team=text(f.cat.enum("team", k)), who=text(f.hint("name"), ""), responsibilities=text(v))
            for k, v in f.cat.typical["collaboration"].items()
        )
    columns = (col(f, "team", "function"), col(f, "who"), col(f, "responsibilities"))
    hint = f.hint_row(team="team", who="name", responsibilities="responsibilities")
    return Table("Collaboration", columns, rows, f.placeholders(hint))


def action_sheet(actions: Table, objective: bool = False) -> Table:
    """Return the action tracker's columns as a worksheet shows them."""
    first = (("category", 24), ("objective", 28)) if objective else (("category", 24),)
    return actions.flat().pick(
        *first,
        ("action", 44),
        ("owner", 18),
        ("stakeholders", 24),
        ("start", 12),
        ("due", 12),
        ("status", 14),
        ("milestone", 11),
        ("overdue", 11),
        ("notes", 36),
        chars=True,
    )


def heat_map(f: Formatter) -> HeatMap:
    """Return the impact x probability heat map over the risk register, tinted by the risk rules."""
    fills = tuple(
        tuple(theme.LIGHT[figures.risk_rag(impact * p).value] for p in range(1, 6)) for impact in range(5, 0, -1)
    )
    caption = f"{f.label('impact')} ↓ / {f.label('probability')} →"
    return HeatMap(f.label("risk_heat_map"), "Risks", "impact", "probability", caption, fills)
