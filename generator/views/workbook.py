"""Plan -> plain workbook specifications per family: sheets, tables, raw values, formula templates.

Formulas are templates: {key} is the same row's cell of the column with that key, {Sheet.key} is
that table column's whole data range, {Sheet!B3} a plain reference, {name} a defined name. The
Excel writer resolves them, so a user who edits a cell sees the totals follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.catalog import Catalog, catalog
from generator.model import figures
from generator.model.enums import (
    ActionCategory,
    ActionStatus,
    BuyingRole,
    Cadence,
    Channel,
    DecisionRole,
    Direction,
    KpiArea,
    KpiUnit,
    Level,
    Quadrant,
    Rag,
    ResourceType,
    ReviewFrequency,
    SolutionStatus,
    Stage,
    Stance,
    Vocabulary,
)
from generator.model.plan import AccountPlan

Row = dict[str, Any]
SCORES = ["1", "2", "3", "4", "5"]


@dataclass(frozen=True)
class Col:
    """One table column: header, row key, kind of value, width, drop-down list name, formula template."""

    header: str
    key: str
    kind: str = "text"  # text | money | percent | date | int | number | formula-money | formula-percent | formula-text
    width: float = 16
    options: str = ""
    formula: str = ""
    indent_key: str = ""


@dataclass
class Table:
    """A list written as an Excel table."""

    sheet: str
    title: str
    name: str
    columns: list[Col]
    rows: list[Row]
    rules: list[tuple[str, str]] = field(default_factory=list)  # (rule kind, column key)
    chart: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fields:
    """A sheet of label / value pairs (values may be formulas)."""

    sheet: str
    title: str
    rows: list[tuple[str, Any, str]]  # label, value, kind
    names: dict[str, int] = field(default_factory=dict)  # defined name -> row index in rows


@dataclass
class Grid:
    """A sheet drawn as a grid (heat map, timeline): cells, fills and formulas decided by the writer."""

    sheet: str
    title: str
    kind: str
    data: dict[str, Any]


@dataclass
class WorkbookSpec:
    """A whole workbook: its sheets in order, the drop-down lists, instructions for the blank."""

    sheets: list[Table | Fields | Grid]
    lists: dict[str, list[str]]
    instructions: list[str] = field(default_factory=list)
    title: str = ""


def _lists(cat: Catalog) -> dict[str, list[str]]:
    """Return every drop-down list by name, as display labels."""
    vocabularies: list[type[Vocabulary]] = [
        ActionStatus,
        ActionCategory,
        Stage,
        Stance,
        BuyingRole,
        DecisionRole,
        Level,
        Channel,
        Cadence,
        SolutionStatus,
        KpiArea,
        KpiUnit,
        Direction,
        ResourceType,
        ReviewFrequency,
        Rag,
        Quadrant,
    ]
    lists = {v.vocabulary(): [cat.enum(v.vocabulary(), m.value) for m in v] for v in vocabularies}
    lists["score"] = SCORES
    lists["yes_no"] = [cat.label("yes"), cat.label("no")]
    return lists


class Builder:
    """Turns a plan into workbook specs; enum values become catalogue labels."""

    def __init__(self, plan: AccountPlan) -> None:
        self.plan = plan
        self.cat = catalog(plan.plan.language)
        self.L = self.cat.labels

    def enum(self, value: Vocabulary | None) -> str:
        """Return the label of a vocabulary value ('' for none)."""
        return "" if value is None else self.cat.enum(type(value).vocabulary(), value.value)

    def col(self, label_key: str, key: str, kind: str = "text", width: float = 16, **extra: Any) -> Col:
        """Return a column whose header comes from the catalogue."""
        return Col(self.L[label_key], key, kind, width, **extra)

    # -- shared tables ---------------------------------------------------------------------
    def pipeline(self) -> Table:
        """Return the opportunity pipeline with weighted value as a formula."""
        rows = [
            {
                "name": o.name,
                "value": o.value,
                "probability": o.probability / 100,
                "quarter": o.quarter,
                "stage": self.enum(o.stage),
                "owner": o.owner,
                "next_step": o.next_step,
            }
            for o in self.plan.opportunities
        ]
        return Table(
            "Pipeline",
            self.L["opportunity_pipeline"],
            "Pipeline",
            [
                self.col("opportunity", "name", width=40),
                self.col("value", "value", "money", 14),
                self.col("probability", "probability", "percent", 12),
                self.col("weighted_value", "weighted", "formula-money", 16, formula="={value}*{probability}"),
                self.col("timing", "quarter", width=11),
                self.col("stage", "stage", width=15, options="stage"),
                self.col("owner", "owner", width=18),
                self.col("next_step", "next_step", width=40),
            ],
            rows,
        )

    def stages(self) -> Table:
        """Return the pipeline by stage as SUMIF formulas over the pipeline, with its chart."""
        rows = [{"stage": self.cat.enum("stage", s.value)} for s in Stage]
        return Table(
            "Pipeline by stage",
            self.L["pipeline_by_stage"],
            "ByStage",
            [
                self.col("stage", "stage", width=18),
                self.col("count", "count", "formula-number", 10, formula="=COUNTIF({Pipeline.stage},{stage})"),
                self.col(
                    "value", "value", "formula-money", 16, formula="=SUMIF({Pipeline.stage},{stage},{Pipeline.value})"
                ),
                self.col(
                    "weighted_value",
                    "weighted",
                    "formula-money",
                    16,
                    formula="=SUMIF({Pipeline.stage},{stage},{Pipeline.weighted})",
                ),
            ],
            rows,
            chart={
                "kind": "bar",
                "title": self.L["pipeline_chart"],
                "categories": "stage",
                "series": ["value", "weighted"],
            },
        )

    def streams(self) -> Table:
        """Return the revenue streams with growth as a formula, and their chart."""
        rows = [{"name": s.name, "current": s.current, "target": s.target} for s in self.plan.revenue_streams]
        return Table(
            "Revenue streams",
            self.L["annual_targets"],
            "Streams",
            [
                self.col("revenue_stream", "name", width=34),
                self.col("current", "current", "money", 16),
                self.col("target", "target", "money", 16),
                self.col(
                    "growth",
                    "growth",
                    "formula-percent",
                    12,
                    formula='=IF(N({current})=0,"",({target}-{current})/{current})',
                ),
            ],
            rows,
            chart={
                "kind": "bar",
                "title": self.L["streams_chart"],
                "categories": "name",
                "series": ["current", "target"],
            },
        )

    def kpis(self) -> Table:
        """Return the KPIs with their red/amber/green status as a formula."""
        higher = self.cat.enum("direction", "higher_is_better")
        green, amber, red = (self.cat.enum("rag", r) for r in ("green", "amber", "red"))
        rows = [
            {
                "area": self.enum(k.area),
                "name": k.name,
                "unit": self.enum(k.unit),
                "target": k.target,
                "actual": k.actual,
                "direction": self.enum(k.direction),
                "tolerance": k.tolerance / 100,
            }
            for k in self.plan.kpis
        ]
        status = (
            f'=IF({{actual}}="","",IF({{direction}}="{higher}",'
            f'IF({{actual}}>={{target}},"{green}",IF({{target}}-{{actual}}<=ABS({{target}})*{{tolerance}},'
            f'"{amber}","{red}")),IF({{actual}}<={{target}},"{green}",'
            f'IF({{actual}}-{{target}}<=ABS({{target}})*{{tolerance}},"{amber}","{red}"))))'
        )
        return Table(
            "Scorecard",
            self.L["health_scorecard"],
            "Scorecard",
            [
                self.col("kpi_area_label", "area", width=14, options="kpi_area"),
                self.col("kpi", "name", width=40),
                self.col("unit", "unit", width=11, options="kpi_unit"),
                self.col("target", "target", "number", 13),
                self.col("actual", "actual", "number", 13),
                self.col("direction", "direction", width=18, options="direction"),
                self.col("tolerance", "tolerance", "percent", 11),
                self.col("rag", "status", "formula-text", 11, formula=status),
            ],
            rows,
            rules=[("rag", "status")],
        )

    def risks(self) -> Table:
        """Return the risk register with the score as a formula and a heat-map colouring."""
        rows = [
            {
                "risk": r.risk,
                "impact": r.impact,
                "probability": r.probability,
                "mitigation": r.mitigation,
                "owner": r.owner,
                "review": self.enum(r.review),
            }
            for r in self.plan.risks
        ]
        return Table(
            "Risks",
            self.L["risk_register"],
            "Risks",
            [
                self.col("risk", "risk", width=44),
                self.col("impact", "impact", "int", 10, options="score"),
                self.col("probability", "probability", "int", 12, options="score"),
                self.col("score", "score", "formula-number", 10, formula="={impact}*{probability}"),
                self.col("mitigation", "mitigation", width=44),
                self.col("owner", "owner", width=18),
                self.col("review", "review", width=13, options="review_frequency"),
            ],
            rows,
            rules=[("risk", "score")],
        )

    def heat_map(self) -> Grid:
        """Return the impact x probability heat map (counts of risks per cell)."""
        return Grid(
            "Heat map",
            self.L["risk_heat_map"],
            "heat_map",
            {"impact": self.L["impact"], "probability": self.L["probability"]},
        )

    def actions(self, sheet: str = "Actions", objective: bool = False) -> Table:
        """Return the action tracker: status drop-down, overdue flagged by formula and colour."""
        done, cancelled = self.cat.enum("action_status", "done"), self.cat.enum("action_status", "cancelled")
        rows = [
            {
                "category": self.enum(a.category),
                "objective": a.objective,
                "action": a.action,
                "owner": a.owner,
                "stakeholders": "; ".join(a.stakeholders),
                "start": a.start,
                "due": a.due,
                "status": self.enum(a.status),
                "milestone": self.L["yes"] if a.milestone else "",
                "notes": a.notes,
            }
            for a in self.plan.actions
        ]
        overdue = (
            f'=IF(AND(N({{due}})>0,{{due}}<PlanDate,{{status}}<>"{done}",{{status}}<>"{cancelled}"),'
            f'"{self.L["overdue"]}","")'
        )
        columns = [self.col("category", "category", width=24, options="action_category")]
        if objective:
            columns.append(self.col("objective", "objective", width=28))
        columns += [
            self.col("action", "action", width=44),
            self.col("owner", "owner", width=18),
            self.col("external_stakeholders", "stakeholders", width=24),
            self.col("start", "start", "date", 12),
            self.col("due", "due", "date", 12),
            self.col("status", "status", width=14, options="action_status"),
            self.col("milestone", "milestone", width=11, options="yes_no"),
            self.col("overdue", "overdue", "formula-text", 11, formula=overdue),
            self.col("notes", "notes", width=36),
        ]
        return Table(sheet, self.L["action_plan_quarter"], "Actions", columns, rows, rules=[("overdue", "overdue")])

    def people(self) -> Table:
        """Return the stakeholders in hierarchy order: level column and names indented by level."""
        rows = []
        for s, level in figures.hierarchy_order(self.plan):
            rows.append(
                {
                    "level": level,
                    "name": s.name,
                    "title": s.title,
                    "department": s.department,
                    "reports_to": s.reports_to,
                    "buying_role": self.enum(s.buying_role),
                    "decision_role": self.enum(s.decision_role),
                    "decision_maker": self.L["yes"] if figures.is_decision_maker(s) else "",
                    "influence": self.enum(s.influence),
                    "interest": self.enum(s.interest),
                    "relationship": s.relationship,
                    "stance": self.enum(s.stance),
                    "channel": self.enum(s.channel),
                    "cadence": self.enum(s.cadence),
                    "style": s.style,
                }
            )
        return Table(
            "People",
            self.L["key_people"],
            "People",
            [
                self.col("level", "level", "int", 7),
                self.col("name", "name", width=30, indent_key="level"),
                self.col("title", "title", width=30),
                self.col("department", "department", width=22),
                self.col("reports_to", "reports_to", width=22),
                self.col("buying_role", "buying_role", width=17, options="buying_role"),
                self.col("decision_role", "decision_role", width=18, options="decision_role"),
                self.col("decision_maker", "decision_maker", width=12, options="yes_no"),
                self.col("influence", "influence", width=11, options="level"),
                self.col("interest", "interest", width=11, options="level"),
                self.col("relationship_short", "relationship", "int", 11, options="score"),
                self.col("stance", "stance", width=13, options="stance"),
                self.col("channel", "channel", width=13, options="channel"),
                self.col("cadence", "cadence", width=13, options="cadence"),
                self.col("style", "style", width=36),
            ],
            rows,
            rules=[("stance", "stance"), ("decision", "decision_maker")],
        )

    def matrix(self) -> Table:
        """Return each stakeholder's matrix position (formulas over People) and the scatter chart."""
        low, medium, high = (self.cat.enum("level", v) for v in ("low", "medium", "high"))
        rows = [{"name": s.name} for s in self.plan.stakeholders]
        found = "INDEX({People.AXIS},MATCH({name},{People.name},0))"
        position = f'=IFERROR(IF({found}="{high}",3,IF({found}="{medium}",2,IF({found}="{low}",1,""))),"")'
        return Table(
            "Matrix",
            self.L["influence_interest_matrix"],
            "Matrix",
            [
                self.col("name", "name", width=30),
                self.col("interest", "interest", "formula-number", 11, formula=position.replace("AXIS", "interest")),
                self.col("influence", "influence", "formula-number", 11, formula=position.replace("AXIS", "influence")),
            ],
            rows,
            chart={
                "kind": "scatter",
                "title": self.L["influence_interest_matrix"],
                "x_title": self.L["axis_interest"],
                "y_title": self.L["axis_influence"],
            },
        )

    def simple_table(self, sheet: str, title_key: str, name: str, columns: list[Col], rows: list[Row]) -> Table:
        """Return a plain table."""
        return Table(sheet, self.L[title_key], name, columns, rows)

    def summary(self) -> Fields:
        """Return the strategic summary: identity and the computed figures as formulas."""
        info, L = self.plan.plan, self.L
        rows: list[tuple[str, Any, str]] = [
            (L["account"], self.plan.account.name, "text"),
            (L["planning_period"], info.period, "text"),
            (L["prepared_by"], info.prepared_by, "text"),
            (L["version"], info.version, "text"),
            (L["date"], info.date, "date"),
            (L["current_revenue"], "=SUM({Streams.current})", "formula-money"),
            (L["target_revenue"], "=SUM({Streams.target})", "formula-money"),
            (L["growth"], '=IF(B8=0,"",(B9-B8)/B8)', "formula-percent"),
            (L["pipeline_value"], "=SUM({Pipeline.value})", "formula-money"),
            (L["weighted_pipeline"], "=SUM({Pipeline.weighted})", "formula-money"),
            (L["overdue_actions"], f'=COUNTIF({{Actions.overdue}},"{L["overdue"]}")', "formula-number"),
        ]
        return Fields("Summary", L["strategic_account_plan"], rows, names={"PlanDate": 4})


def strategic_workbook(plan: AccountPlan) -> WorkbookSpec:
    """Return the strategic account plan's numbers as a workbook."""
    b = Builder(plan)
    sheets: list[Table | Fields | Grid] = [
        b.summary(),
        b.pipeline(),
        b.stages(),
        b.streams(),
        b.kpis(),
        b.risks(),
        b.heat_map(),
        b.actions(),
    ]
    return WorkbookSpec(sheets, _lists(b.cat), _instructions(b, plan), b.L["strategic_account_plan"])


def sales_workbook(plan: AccountPlan) -> WorkbookSpec:
    """Return the sales account plan: one sheet per section."""
    b = Builder(plan)
    L = b.L
    p = plan.account.profile
    overview = Fields(
        "Overview",
        L["account_overview"],
        [
            (L["account_name"], plan.account.name, "text"),
            (L["account_manager"], plan.plan.account_manager, "text"),
            (L["customer_revenue"], p.revenue, "money"),
            (L["our_revenue"], figures.current_revenue(plan) if plan.revenue_streams else None, "money"),
            (L["industry"], p.industry, "text"),
            (L["employees"], p.employees, "int"),
            (L["relationship_strength"], '=IFERROR(AVERAGE({Contacts.relationship}),"")', "formula-number"),
            (L["key_competitors"], ", ".join(c.name for c in plan.competitors), "text"),
            (L["planning_period"], plan.plan.period, "text"),
            (L["last_reviewed"], plan.plan.last_reviewed, "date"),
            (L["date"], plan.plan.date, "date"),
            (L["overview"], plan.account.overview, "text"),
        ],
        names={"PlanDate": 10},
    )
    contacts = b.simple_table(
        "Contacts",
        "key_contacts",
        "Contacts",
        [
            b.col("name", "name", width=26),
            b.col("title", "title", width=30),
            b.col("relationship_strength", "relationship", "int", 14, options="score"),
            b.col("stance", "stance", width=13, options="stance"),
            b.col("channel", "channel", width=13, options="channel"),
        ],
        [
            {
                "name": s.name,
                "title": s.title,
                "relationship": s.relationship,
                "stance": b.enum(s.stance),
                "channel": b.enum(s.channel),
            }
            for s in plan.stakeholders
        ],
    )
    contacts.rules.append(("stance", "stance"))
    goals = b.simple_table(
        "Goals",
        "account_goals",
        "Goals",
        [
            b.col("goal", "goal", width=40),
            b.col("challenges", "challenges", width=40),
            b.col("measures_of_success", "measure", width=30),
        ],
        [{"goal": g.goal, "challenges": g.challenges, "measure": g.measure} for g in plan.goals],
    )
    solutions = b.simple_table(
        "Solutions",
        "account_solutions",
        "Solutions",
        [
            b.col("solution", "solution", width=32),
            b.col("value_roi", "value", width=32),
            b.col("objections", "objections", width=30),
            b.col("handling", "handling", width=32),
            b.col("status", "status", width=14, options="solution_status"),
        ],
        [
            {
                "solution": s.solution,
                "value": s.value,
                "objections": s.objections,
                "handling": s.handling,
                "status": b.enum(s.status),
            }
            for s in plan.solutions
        ],
    )
    d = plan.account.decision_process
    steps = b.simple_table(
        "Decision process",
        "decision_process",
        "BuyingSteps",
        [b.col("step", "step", "int", 8), b.col("buying_steps", "text", width=70)],
        [{"step": i, "text": t} for i, t in enumerate(d.buying_steps, 1)],
    )
    decision = Fields(
        "Decision",
        L["who_decides"],
        [
            (L["who_decides"], "; ".join(s.name for s in plan.stakeholders if figures.is_decision_maker(s)), "text"),
            (L["budget_cycle"], plan.account.financial_health.budget_cycle, "text"),
            (L["procurement"], b.enum(plan.account.financial_health.procurement), "text"),
            (L["procurement_path"], d.procurement_path, "text"),
            (L["typical_cycle"], d.typical_cycle, "text"),
            (L["decision_criteria"], "; ".join(d.criteria), "text"),
        ],
    )
    return WorkbookSpec(
        [overview, contacts, goals, solutions, steps, decision, b.actions(objective=True)],
        _lists(b.cat),
        _instructions(b, plan),
        L["sales_account_plan"],
    )


def account_map_workbook(plan: AccountPlan) -> WorkbookSpec:
    """Return the account map: the hierarchy table, quadrant counts and the influence-interest scatter."""
    b = Builder(plan)
    high = b.cat.enum("level", "high")
    quadrant_rows = []
    for q, (infl, inter) in {
        "champions": ("=", "="),
        "influencers": ("=", "<>"),
        "users": ("<>", "="),
        "others": ("<>", "<>"),
    }.items():
        formula = f'=COUNTIFS({{People.influence}},"{infl}{high}",{{People.interest}},"{inter}{high}")'
        quadrant_rows.append(
            {"quadrant": b.cat.enum("quadrant", q), "meaning": b.L[f"quadrant_{q}_description"], "count": formula}
        )
    quadrants = b.simple_table(
        "Quadrants",
        "influence_interest_matrix",
        "Quadrants",
        [
            b.col("quadrant", "quadrant", width=20),
            b.col("quadrant_meaning", "meaning", width=60),
            b.col("count", "count", "formula-number", 10, formula="{count}"),
        ],
        quadrant_rows,
    )
    return WorkbookSpec([b.people(), quadrants, b.matrix()], _lists(b.cat), _instructions(b, plan), b.L["account_map"])


def kam_workbook(plan: AccountPlan) -> WorkbookSpec:
    """Return the KAM action plan: the seven elements, the tracker and its timeline."""
    b = Builder(plan)
    L = b.L
    p = plan.account.profile
    profile = Fields(
        "Profile",
        L["kam_customer_profile"],
        [
            (L["account_name"], plan.account.name, "text"),
            (L["industry"], p.industry, "text"),
            (L["revenue"], p.revenue, "money"),
            (L["employees"], p.employees, "int"),
            (L["locations"], ", ".join(p.locations), "text"),
            (L["segment"], b.enum(plan.account.segment), "text"),
            (L["date"], plan.plan.date, "date"),
            (L["overview"], plan.account.overview, "text"),
            (
                L["key_decision_makers"],
                "; ".join(s.name for s in plan.stakeholders if figures.is_decision_maker(s)),
                "text",
            ),
            (L["total_budget"], "=SUM({Resources.amount})", "formula-money"),
            (L["overdue_actions"], f'=COUNTIF({{Actions.overdue}},"{L["overdue"]}")', "formula-number"),
        ],
        names={"PlanDate": 6},
    )
    s = plan.swot
    longest = max(len(s.strengths), len(s.weaknesses), len(s.opportunities), len(s.threats))
    swot = b.simple_table(
        "SWOT",
        "swot",
        "SWOT",
        [b.col(k, k, width=40) for k in ("strengths", "weaknesses", "opportunities", "threats")],
        [
            {
                k: (getattr(s, k)[i] if i < len(getattr(s, k)) else "")
                for k in ("strengths", "weaknesses", "opportunities", "threats")
            }
            for i in range(longest)
        ],
    )
    competitors = b.simple_table(
        "Competitors",
        "competitive_landscape",
        "Competitors",
        [
            b.col("competitor", "name", width=24),
            b.col("competitor_strengths", "strengths", width=36),
            b.col("our_advantages", "our_advantages", width=36),
            b.col("threat", "threat", width=10, options="level"),
        ],
        [
            {"name": c.name, "strengths": c.strengths, "our_advantages": c.our_advantages, "threat": b.enum(c.threat)}
            for c in plan.competitors
        ],
    )
    goals = b.simple_table(
        "Goals",
        "kam_goals",
        "Goals",
        [
            b.col("goal", "goal", width=40),
            b.col("measure", "measure", width=28),
            b.col("target", "target", width=24),
            b.col("due", "due", "date", 12),
        ],
        [{"goal": g.goal, "measure": g.measure, "target": g.target, "due": g.due} for g in plan.goals],
    )
    strategies = b.simple_table(
        "Strategies",
        "kam_strategies",
        "Strategies",
        [b.col("strategy", "strategy", width=44), b.col("tactics", "tactics", width=60)],
        [{"strategy": st.strategy, "tactics": "\n".join(st.tactics)} for st in plan.strategies],
    )
    resources = b.simple_table(
        "Resources",
        "kam_resources",
        "Resources",
        [
            b.col("resource", "resource", width=44),
            b.col("resource_type", "type", width=12, options="resource_type"),
            b.col("amount", "amount", "money", 14),
            b.col("owner", "owner", width=18),
            b.col("notes", "notes", width=30),
        ],
        [
            {"resource": r.resource, "type": b.enum(r.type), "amount": r.amount, "owner": r.owner, "notes": r.notes}
            for r in plan.resources
        ],
    )
    reviews = b.simple_table(
        "Reviews",
        "review_cadence",
        "Reviews",
        [
            b.col("frequency", "frequency", width=14, options="review_frequency"),
            b.col("what_is_reviewed", "topics", width=70),
        ],
        [{"frequency": b.enum(r.frequency), "topics": "; ".join(r.topics)} for r in plan.review_cadence],
    )
    team = b.simple_table(
        "Our team",
        "roles_ours",
        "Team",
        [
            b.col("name", "name", width=22),
            b.col("title", "title", width=30),
            b.col("role", "role", width=22),
            b.col("responsibilities", "responsibilities", width=50),
        ],
        [{"name": m.name, "title": m.title, "role": m.role, "responsibilities": m.responsibilities} for m in plan.team],
    )
    communication = b.simple_table(
        "Communication",
        "communication_styles",
        "Communication",
        [
            b.col("contact", "name", width=24),
            b.col("channel", "channel", width=13, options="channel"),
            b.col("cadence", "cadence", width=13, options="cadence"),
            b.col("style", "style", width=50),
        ],
        [
            {"name": st.name, "channel": b.enum(st.channel), "cadence": b.enum(st.cadence), "style": st.style}
            for st in plan.stakeholders
        ],
    )
    timeline = Grid("Timeline", L["timeline"], "timeline", {"months": _months(plan)})
    sheets: list[Table | Fields | Grid] = [
        profile,
        swot,
        competitors,
        goals,
        strategies,
        b.actions(),
        timeline,
        resources,
        b.kpis(),
        reviews,
        team,
        b.people(),
        communication,
    ]
    return WorkbookSpec(sheets, _lists(b.cat), _instructions(b, plan), L["kam_action_plan"])


def _months(plan: AccountPlan) -> list[date]:
    """Return the first day of each month the actions span (12 months from the plan date when none)."""
    days = [d for a in plan.actions for d in (a.start, a.due) if d]
    first = min(days) if days else (plan.plan.date or date(2027, 1, 1))
    last = max(days) if days else date(first.year + 1, first.month, 1)
    months: list[date] = []
    cursor = date(first.year, first.month, 1)
    while cursor <= last and len(months) < 36:
        months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return months


def localise(spec: WorkbookSpec, cat: Catalog) -> WorkbookSpec:
    """Return spec with its sheet names taken from the catalogue (sheet_<name>)."""
    for sheet in spec.sheets:
        sheet.sheet = cat.label("sheet_" + sheet.sheet.lower().replace(" ", "_"))
    return spec


def _instructions(b: Builder, plan: AccountPlan) -> list[str]:
    """Return the instructions sheet of the blank variant (none for a filled plan)."""
    if not plan.is_blank:
        return []
    return [b.L[f"instructions_{i}"] for i in range(1, 7)]


WORKBOOKS: dict[str, Callable[[AccountPlan], WorkbookSpec]] = {
    "strategic-account-plan": strategic_workbook,
    "sales-account-plan": sales_workbook,
    "account-map": account_map_workbook,
    "kam-action-plan": kam_workbook,
}
