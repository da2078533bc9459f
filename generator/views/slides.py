"""Family views -> plain slide specifications (what each slide shows); the PowerPoint writer lays them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.views import View
from generator.views.format import EMPTY, PLACEHOLDER

Row = dict[str, Any]


@dataclass(frozen=True)
class Block:
    """A titled list of lines: bullets, or 'Label: value' fields."""

    heading: str
    items: list[str]
    fill: str = ""
    bullets: bool = True


@dataclass(frozen=True)
class Column:
    """One table column: header label, the row key it shows, its relative width."""

    label: str
    key: str
    weight: float = 1.0
    colour_key: str = ""


@dataclass(frozen=True)
class Series:
    """One chart series."""

    name: str
    values: list[float]


@dataclass
class Slide:
    """One slide (or several, when a table continues): its kind, title, notes and content."""

    kind: str
    title: str
    notes: str
    subtitle: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    group_key: str = ""
    categories: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    chart_hint: str = ""
    tiles: list[tuple[str, str]] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class Deck:
    """A whole presentation: footer text and slides."""

    footer: str
    slides: list[Slide]


def _lines(v: View, rows: list[Row], compose: Callable[[Row], str]) -> list[str]:
    """Return one line per real row; for an empty list, the hint line (blank plan) or a dash (filled plan)."""
    real = [compose(row) for row in rows if not row.get(PLACEHOLDER)]
    if real or not rows:
        return real
    return [compose(rows[0])] if v["blank"] else [EMPTY]


def _review(row: Row) -> str:
    """Return one review-cadence line."""
    return f"{row['frequency']}: {row['topics']}"


def _fields(pairs: list[tuple[str, str]]) -> list[str]:
    """Return label/value pairs as 'Label: value' lines."""
    return [f"{label}: {value}" for label, value in pairs]


def _title(v: View, title_key: str) -> Slide:
    """Return the title slide."""
    L, doc = v["L"], v["doc"]
    return Slide(
        "title",
        doc["account"],
        _note(v, "title"),
        subtitle=[
            f"{L[title_key]} · {doc['period']}",
            f"{L['prepared_by']}: {doc['prepared_by']} · {doc['date']} · {L['version']} {doc['version']}",
        ],
    )


def _note(v: View, key: str) -> str:
    """Return the speaker note of a slide from the catalogue."""
    return str(v["notes"].get(key, ""))


def _table(v: View, title: str, note: str, columns: list[Column], rows: list[Row], group: str = "") -> Slide:
    """Return a table slide."""
    return Slide("table", title, _note(v, note), columns=columns, rows=rows, group_key=group)


def _chart_hint(v: View, values: list[float]) -> str:
    """Return the hint shown in place of a chart without data."""
    return "" if any(values) else f"[{v['L']['chart_empty']}]"


def strategic_deck(v: View) -> Deck:
    """Return the strategic account plan presentation (slides 1-14 and the planning tools)."""
    L, s, p = v["L"], v["summary"], v["profile"]
    charts = v["charts"]
    slides = [
        _title(v, "strategic_account_plan"),
        Slide(
            "tiles",
            L["executive_summary"],
            _note(v, "executive_summary"),
            tiles=[
                (s["current_revenue_short"], L["current_revenue"]),
                (s["target_revenue_short"], L["target_revenue"]),
                (s["growth"], L["growth"]),
                (s["weighted_pipeline_short"], L["weighted_pipeline"]),
            ],
            blocks=[
                Block(L["key_objectives"], s["objectives"]),
                Block(L["success_factors"], s["success_factors"]),
                Block(L["resource_needs"], [f"{r['type']}: {r['entries']}" for r in s["resources"]]),
            ],
        ),
        Slide(
            "columns",
            L["business_overview"],
            _note(v, "business_overview"),
            blocks=[
                Block(L["key_priorities"], v["initiatives"]["business_priorities"]),
                Block(L["key_initiatives"], v["key_initiatives"]),
                Block(L["key_people"], v["key_people"]),
            ],
        ),
        Slide(
            "columns",
            L["company_profile_health"],
            _note(v, "company_profile"),
            blocks=[
                Block(
                    L["business_profile"],
                    _fields(
                        [
                            (L["industry"], p["industry"]),
                            (L["revenue"], p["revenue"]),
                            (L["employees"], p["employees"]),
                            (L["locations"], p["locations"]),
                            (L["ownership"], p["ownership"]),
                            (L["segment"], v["doc"]["segment"]),
                        ]
                    ),
                ),
                Block(
                    L["financial_health"],
                    _fields(
                        [
                            (L["growth_trajectory"], p["growth_trajectory"]),
                            (L["profitability"], p["profitability"]),
                            (L["budget_cycle"], p["budget_cycle"]),
                            (L["procurement"], p["procurement"]),
                        ]
                    ),
                ),
            ],
        ),
        Slide(
            "grid",
            L["customer_initiatives"],
            _note(v, "initiatives"),
            blocks=[
                Block(L["business_priorities"], v["initiatives"]["business_priorities"], "E3EAF4"),
                Block(L["technology_roadmap"], v["initiatives"]["technology_roadmap"], "E1F0F2"),
                Block(L["market_expansion"], v["initiatives"]["market_expansion"], "FDF3DC"),
                Block(L["operational_excellence"], v["initiatives"]["operational_excellence"], "E3F1E8"),
            ],
        ),
        Slide(
            "columns",
            L["strategy_map"],
            _note(v, "strategy_map"),
            blocks=[
                Block(L["customer_goals"], v["strategy_map"]["goals"]),
                Block(L["customer_problems"], v["strategy_map"]["problems"]),
                Block(L["customer_culture"], v["strategy_map"]["culture"]),
            ],
        ),
        _table(
            v,
            L["industry_analysis"],
            "industry_analysis",
            [
                Column(L["factor"], "factor", 1.2),
                Column(L["trend"], "trend", 3),
                Column(L["impact_on_account"], "impact", 3),
            ],
            v["industry"],
        ),
        Slide(
            "chart",
            L["annual_targets"],
            _note(v, "annual_targets"),
            categories=charts["streams"]["categories"],
            series=[
                Series(L["current"], charts["streams"]["current"]),
                Series(L["target"], charts["streams"]["target"]),
            ],
            chart_hint=_chart_hint(v, charts["streams"]["target"]),
            blocks=[
                Block(L["annual_targets"], v["annual_goals"]),
                Block(
                    L["total"],
                    _fields(
                        [
                            (L["current"], s["current_revenue"]),
                            (L["target"], s["target_revenue"]),
                            (L["growth"], s["growth"]),
                        ]
                    ),
                ),
            ],
        ),
        _table(
            v,
            L["annual_targets"],
            "revenue_streams",
            [
                Column(L["revenue_stream"], "name", 2.5),
                Column(L["current"], "current"),
                Column(L["target"], "target"),
                Column(L["growth"], "growth", 0.8),
            ],
            v["streams"],
        ),
        Slide("matrix", L["influence_interest_matrix"], _note(v, "matrix"), rows=v["quadrants"], labels=_axes(L)),
        _table(
            v,
            L["relationship_history"],
            "relationship_history",
            [
                Column(L["date"], "date", 1),
                Column(L["stakeholder"], "stakeholder", 1.4),
                Column(L["channel"], "channel", 1),
                Column(L["by"], "by", 1.2),
                Column(L["outcome"], "outcome", 3.2),
            ],
            v["interactions"],
        ),
        Slide("grid", L["swot"], _note(v, "swot"), blocks=_swot(v)),
        Slide(
            "columns",
            L["current_business_competition"],
            _note(v, "current_business"),
            blocks=[
                Block(
                    L["current_business"],
                    _fields(
                        [
                            (L["products"], v["current"]["products"]),
                            (L["annual_contract_value"], v["current"]["annual_contract_value"]),
                            (L["contract_terms"], v["current"]["contract_terms"]),
                            (L["renewal_date"], v["current"]["renewal_date"]),
                            (L["usage"], v["current"]["usage"]),
                            (L["expansion_potential"], v["current"]["expansion_potential"]),
                            (L["switching_costs"], v["current"]["switching_costs"]),
                        ]
                    ),
                ),
                Block(
                    L["competitors"],
                    _lines(
                        v,
                        v["competitors"],
                        lambda c: f"{c['name']} — {c['strengths']} / {L['our_advantages']}: {c['our_advantages']}",
                    ),
                ),
            ],
        ),
        _table(
            v,
            L["competitive_landscape"],
            "competitors",
            [
                Column(L["competitor"], "name", 1.2),
                Column(L["competitor_strengths"], "strengths", 2),
                Column(L["our_advantages"], "our_advantages", 2),
                Column(L["customer_view"], "customer_view", 2),
                Column(L["threat"], "threat", 0.7),
            ],
            v["competitors"],
        ),
        _table(
            v,
            L["opportunity_pipeline"],
            "pipeline",
            [
                Column(L["opportunity"], "name", 2.4),
                Column(L["value"], "value", 1),
                Column(L["probability"], "probability", 0.8),
                Column(L["weighted_value"], "weighted", 1),
                Column(L["timing"], "quarter", 0.8),
                Column(L["stage"], "stage", 1),
            ],
            [
                *v["opportunities"],
                {
                    "name": L["total"],
                    "value": v["pipeline"]["value"],
                    "probability": "",
                    "weighted": v["pipeline"]["weighted"],
                    "quarter": "",
                    "stage": "",
                    "total": True,
                },
            ],
        ),
        Slide(
            "chart",
            L["pipeline_by_stage"],
            _note(v, "pipeline_chart"),
            categories=charts["stages"]["categories"],
            series=[
                Series(L["value"], charts["stages"]["value"]),
                Series(L["weighted_value"], charts["stages"]["weighted"]),
            ],
            chart_hint=_chart_hint(v, charts["stages"]["value"]),
            blocks=[
                Block(L["weighted_total"], [v["pipeline"]["weighted"]]),
                Block(
                    L["opportunity_pipeline"],
                    [f"{r['stage']}: {r['count']} · {r['value']}" for r in v["stages"] if r["count"] != "0"]
                    or [v["pipeline"]["value"]],
                ),
            ],
        ),
        _table(
            v,
            L["action_plan_quarter"],
            "action_plan",
            [
                Column(L["action"], "action", 3.2),
                Column(L["owner"], "owner", 1.2),
                Column(L["due"], "due", 0.9),
                Column(L["status"], "status", 0.9),
            ],
            _grouped(v["action_groups"], "actions"),
            group="group",
        ),
        _table(
            v,
            L["health_scorecard"],
            "scorecard",
            [
                Column(L["kpi"], "name", 3),
                Column(L["target"], "target", 1),
                Column(L["actual"], "actual", 1),
                Column(L["rag"], "rag", 0.8, colour_key="rag_colour"),
            ],
            _grouped(v["kpi_groups"], "kpis"),
            group="group",
        ),
        _table(
            v,
            L["risk_register"],
            "risks",
            [
                Column(L["risk"], "risk", 2.4),
                Column(L["impact"], "impact", 0.6),
                Column(L["probability"], "probability", 0.8),
                Column(L["score"], "score", 0.6, colour_key="rag_colour"),
                Column(L["mitigation"], "mitigation", 2.6),
                Column(L["owner"], "owner", 1.1),
                Column(L["review"], "review", 0.9),
            ],
            v["risks"],
        ),
        Slide(
            "columns",
            L["review_collaboration"],
            _note(v, "review_collaboration"),
            blocks=[
                Block(L["review_cadence"], _lines(v, v["reviews"], _review)),
                Block(
                    L["collaboration_framework"],
                    _lines(v, v["collaboration"], lambda r: f"{r['team']} ({r['who']}): {r['responsibilities']}"),
                ),
            ],
        ),
    ]
    return Deck(_footer(v, "strategic_account_plan"), slides)


def _axes(L: dict[str, str]) -> dict[str, str]:
    """Return the axis captions of the influence-interest matrix."""
    return {"influence": L["axis_influence"], "interest": L["axis_interest"], "high": L["high"], "lower": L["lower"]}


def _swot(v: View) -> list[Block]:
    """Return the four SWOT boxes."""
    L, swot = v["L"], v["swot"]
    return [
        Block(L["strengths"], swot["strengths"], "E3F1E8"),
        Block(L["weaknesses"], swot["weaknesses"], "FBEFE3"),
        Block(L["opportunities"], swot["opportunities"], "E1F0F2"),
        Block(L["threats"], swot["threats"], "F9E3E3"),
    ]


def _grouped(groups: list[Row], key: str) -> list[Row]:
    """Return the rows of groups flattened, each group introduced by a group row."""
    rows: list[Row] = []
    for group in groups:
        rows.append({"group": group["title"]})
        rows.extend(group[key])
    return rows


def _footer(v: View, title_key: str) -> str:
    """Return the footer text of a deck."""
    return f"{v['doc']['account']} · {v['L'][title_key]} · {v['doc']['period']}"


def sales_deck(v: View) -> Deck:
    """Return the sales account plan presentation."""
    L, o, d = v["L"], v["overview"], v["decision"]
    slides = [
        _title(v, "sales_account_plan"),
        Slide(
            "columns",
            L["account_overview"],
            _note(v, "account_overview"),
            blocks=[
                Block(
                    L["account_overview"],
                    _fields(
                        [
                            (L["account_manager"], v["doc"]["account_manager"]),
                            (L["customer_revenue"], o["revenue"]),
                            (L["our_revenue"], o["our_revenue"]),
                            (L["industry"], o["industry"]),
                            (L["employees"], o["employees"]),
                            (L["relationship_strength"], o["relationship"]),
                            (L["key_contacts"], o["key_contacts"]),
                            (L["key_competitors"], o["key_competitors"]),
                            (L["planning_period"], v["doc"]["period"]),
                            (L["last_reviewed"], v["doc"]["last_reviewed"]),
                        ]
                    ),
                ),
                Block(L["overview"], [v["doc"]["overview"]]),
            ],
        ),
        _table(
            v,
            L["account_goals"],
            "account_goals",
            [
                Column(L["goal"], "goal", 2),
                Column(L["challenges"], "challenges", 2),
                Column(L["measures_of_success"], "measure", 1.6),
            ],
            v["goals"],
        ),
        _table(
            v,
            L["account_solutions"],
            "account_solutions",
            [
                Column(L["solution"], "solution", 1.6),
                Column(L["value_roi"], "value", 1.7),
                Column(L["objections"], "objections", 1.6),
                Column(L["handling"], "handling", 1.7),
                Column(L["status"], "status", 0.8),
            ],
            v["solutions"],
        ),
        Slide(
            "columns",
            L["decision_process"],
            _note(v, "decision_process"),
            blocks=[
                Block(
                    L["buying_steps"], [f"{i}. {step}" for i, step in enumerate(d["buying_steps"], 1)], bullets=False
                ),
                Block(
                    L["who_decides"],
                    [
                        *d["decision_makers"],
                        *_fields(
                            [
                                (L["budget_cycle"], v["profile"]["budget_cycle"]),
                                (L["procurement"], v["profile"]["procurement"]),
                                (L["procurement_path"], d["procurement_path"]),
                                (L["typical_cycle"], d["typical_cycle"]),
                            ]
                        ),
                    ],
                ),
                Block(L["decision_criteria"], d["criteria"]),
            ],
        ),
        _table(
            v,
            L["account_action_plan"],
            "action_plan",
            [
                Column(L["objective"], "objective", 1.6),
                Column(L["action"], "action", 2.6),
                Column(L["owner"], "owner", 1.1),
                Column(L["due"], "due", 0.9),
                Column(L["status"], "status", 0.9),
            ],
            v["actions"],
        ),
    ]
    return Deck(_footer(v, "sales_account_plan"), slides)


def account_map_deck(v: View) -> Deck:
    """Return the account map presentation: org chart, matrix, stakeholder table."""
    L = v["L"]
    slides = [
        _title(v, "account_map"),
        Slide(
            "org",
            L["org_chart"],
            _note(v, "org_chart"),
            people=v["people"],
            legend=[(s["stance"], s["colour"]) for s in v["stances"]],
            labels={"decision": L["decision_mark_legend"]},
        ),
        Slide("matrix", L["influence_interest_matrix"], _note(v, "matrix"), rows=v["quadrants"], labels=_axes(L)),
        _table(
            v,
            L["stakeholder_table"],
            "stakeholder_table",
            [
                Column(L["name"], "marked_name", 1.7),
                Column(L["title"], "title", 1.9),
                Column(L["buying_role"], "buying_role", 1.2),
                Column(L["decision_role"], "decision_role", 1.2),
                Column(L["influence"], "influence", 0.8),
                Column(L["interest"], "interest", 0.8),
                Column(L["relationship_short"], "relationship", 0.7),
                Column(L["stance"], "stance", 0.9, colour_key="stance_colour"),
            ],
            [{**p, "marked_name": f"{p['decision_mark']} {p['name']}".strip()} for p in v["people"]],
        ),
    ]
    return Deck(_footer(v, "account_map"), slides)


def kam_deck(v: View) -> Deck:
    """Return the key account management action plan presentation (the seven elements)."""
    L, p = v["L"], v["profile"]
    slides = [
        _title(v, "kam_action_plan"),
        Slide(
            "columns",
            L["kam_customer_profile"],
            _note(v, "kam_profile"),
            blocks=[
                Block(L["overview"], [v["doc"]["overview"]]),
                Block(
                    L["business_profile"],
                    _fields(
                        [
                            (L["industry"], p["industry"]),
                            (L["revenue"], p["revenue"]),
                            (L["employees"], p["employees"]),
                            (L["locations"], p["locations"]),
                            (L["segment"], v["doc"]["segment"]),
                        ]
                    ),
                ),
                Block(L["key_decision_makers"], v["decision_makers"]),
            ],
        ),
        Slide("grid", L["kam_situation"], _note(v, "swot"), blocks=_swot(v)),
        _table(
            v,
            f"{L['kam_situation']} — {L['competitive_landscape']}",
            "competitors",
            [
                Column(L["competitor"], "name", 1.2),
                Column(L["competitor_strengths"], "strengths", 2),
                Column(L["our_advantages"], "our_advantages", 2),
                Column(L["threat"], "threat", 0.7),
            ],
            v["competitors"],
        ),
        _table(
            v,
            L["kam_goals"],
            "kam_goals",
            [
                Column(L["goal"], "goal", 2.4),
                Column(L["measure"], "measure", 1.8),
                Column(L["target"], "target", 1.4),
                Column(L["due"], "due", 0.9),
            ],
            v["goals"],
        ),
        _table(
            v,
            L["kam_strategies"],
            "kam_strategies",
            [Column(L["strategy"], "strategy", 2), Column(L["tactics"], "tactics_text", 3)],
            v["strategies"],
        ),
        _table(
            v,
            L["kam_action_plan_element"],
            "action_plan",
            [
                Column(L["action"], "action", 2.8),
                Column(L["owner"], "owner", 1.1),
                Column(L["due"], "due", 0.9),
                Column(L["status"], "status", 0.9),
                Column(L["milestone"], "milestone", 0.6),
            ],
            v["actions"],
        ),
        _table(
            v,
            L["kam_resources"],
            "kam_resources",
            [
                Column(L["resource"], "resource", 2.4),
                Column(L["resource_type"], "type", 0.8),
                Column(L["amount"], "amount", 0.9),
                Column(L["owner"], "owner", 1.1),
                Column(L["notes"], "notes", 1.6),
            ],
            [
                *v["resources"],
                {
                    "resource": L["total_budget"],
                    "type": "",
                    "amount": v["budget_total"],
                    "owner": "",
                    "notes": "",
                    "total": True,
                },
            ],
        ),
        _table(
            v,
            L["kam_monitoring"],
            "scorecard",
            [
                Column(L["kpi"], "name", 3),
                Column(L["target"], "target", 1),
                Column(L["actual"], "actual", 1),
                Column(L["rag"], "rag", 0.8, colour_key="rag_colour"),
            ],
            v["kpis"],
        ),
        Slide(
            "columns",
            f"{L['kam_monitoring']} — {L['review_cadence']}",
            _note(v, "review_collaboration"),
            blocks=[Block(L["review_cadence"], _lines(v, v["reviews"], _review))],
        ),
        _table(
            v,
            f"{L['kam_roles']} — {L['roles_ours']}",
            "kam_roles",
            [
                Column(L["name"], "name", 1.4),
                Column(L["title"], "title", 1.6),
                Column(L["role"], "role", 1.3),
                Column(L["responsibilities"], "responsibilities", 3),
            ],
            v["team"],
        ),
        _table(
            v,
            f"{L['kam_roles']} — {L['roles_customer']}",
            "kam_roles",
            [
                Column(L["name"], "name", 1.4),
                Column(L["title"], "title", 1.8),
                Column(L["buying_role"], "buying_role", 1.2),
                Column(L["decision_role"], "decision_role", 1.2),
            ],
            v["people"],
        ),
        _table(
            v,
            L["communication_styles"],
            "communication",
            [
                Column(L["contact"], "name", 1.4),
                Column(L["channel"], "channel", 1),
                Column(L["cadence"], "cadence", 1),
                Column(L["style"], "style", 3.2),
            ],
            v["people"],
        ),
    ]
    return Deck(_footer(v, "kam_action_plan"), slides)


DECKS: dict[str, Callable[[View], Deck]] = {
    "strategic-account-plan": strategic_deck,
    "sales-account-plan": sales_deck,
    "account-map": account_map_deck,
    "kam-action-plan": kam_deck,
}
