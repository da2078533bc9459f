"""The strategic account plan: the full written plan (order of source 000), the 14-part deck, the numbers."""

from __future__ import annotations

from dataclasses import replace

from generator.document import theme
from generator.document.blocks import (
    Box,
    Boxes,
    Bullets,
    Cover,
    Document,
    Fields,
    Format,
    Kind,
    Paragraph,
    Part,
    Section,
)
from generator.document.format import Formatter
from generator.families import parts, stakeholders, tables, tracking
from generator.families.common import (
    chaptered,
    chosen,
    deck_cover,
    fields,
    formatter,
    identity,
    items,
    lines,
    meta,
    plan_date,
    raw_field,
    section,
    sheet,
    table_section,
    workbook,
)
from generator.model import figures
from generator.model.enums import Stage
from generator.model.plan import AccountPlan

FAMILY = "strategic-account-plan"
FORMATS = ("docx", "pptx", "xlsx")


class Shared:
    """The blocks the plan's three formats share, each built once."""

    def __init__(self, plan: AccountPlan, f: Formatter) -> None:
        self.plan, self.f = plan, f
        self.figures = figs = parts.summary_figures(plan, f)
        total = {
            "current": figs["current_revenue"][0],
            "target": figs["target_revenue"][0],
            "growth": figs["growth"][0],
        }
        self.streams = tables.streams(plan, f, total)
        self.pipeline = tables.pipeline(plan, f)
        self.stages = tables.stages(plan, f)
        self.actions = tracking.actions(plan, f)
        self.kpis = tracking.kpis(plan, f)
        self.risks = tracking.risks(plan, f)
        self.competitors = tables.competitors(plan, f)
        self.industry = tables.industry(plan, f)
        self.interactions = tables.interactions(plan, f)
        self.reviews = tracking.reviews(plan, f)
        self.collaboration = tracking.collaboration(plan, f)
        self.initiatives = parts.initiatives(plan, f)
        self.current = parts.current_business(plan, f)


def build(plan: AccountPlan, formats: tuple[str, ...] = ()) -> Document:
    """Return the strategic account plan's document, with the parts of the chosen formats (none: every one)."""
    s = Shared(plan, f := formatter(plan))
    made = (lambda: written(s), lambda: deck(s), lambda: numbers(s))
    return Document(meta(plan, f, FAMILY, "strategic_account_plan"), chosen(formats, FORMATS, made))


# -- the written plan --------------------------------------------------------------------------------------------
def written(s: Shared) -> Part:
    """Return the written plan: title page, contents, the eight chapters of source 000."""
    f, plan = s.f, s.plan
    cover = Cover(f.text(plan.account.name, "company_name"), (f.label("strategic_account_plan"),), identity(plan, f))
    cover = replace(cover, page=True, contents=f.label("contents"))
    chapters = (*_summary(s), *_company(s), *_stakeholders(s), *_opportunities(s), *_execution(s))
    return Part(Format.DOCX, chapters, cover)


def _sub(f: Formatter, key: str, *blocks: object) -> Section:
    """Return a level-2 section titled by its label."""
    return section(f, key, f.label(key), *blocks, level=2)  # type: ignore[arg-type]


def _chapter(f: Formatter, key: str, *blocks: object) -> Section:
    """Return a level-1 section titled by its label."""
    return section(f, key, f.label(key), *blocks)  # type: ignore[arg-type]


def _summary(s: Shared) -> tuple[Section, ...]:
    """Return the executive summary chapter."""
    f, es = s.f, s.plan.executive_summary
    needs = tables.resource_needs(s.plan, f).pick(("type", 1), ("entries", 4))
    return (
        _chapter(f, "executive_summary", parts.tiles(s.plan, f)),
        _sub(f, "key_objectives", Bullets(items(f, es.objectives, "objective"))),
        _sub(f, "success_factors", Bullets(items(f, es.success_factors, "success_factor"))),
        _sub(f, "resource_needs", needs),
    )


def _company(s: Shared) -> tuple[Section, ...]:
    """Return the company overview chapter."""
    f, plan, i = s.f, s.plan, s.initiatives
    keys = ("business_priorities", "technology_roadmap", "market_expansion", "operational_excellence")
    return (
        _chapter(f, "company_overview"),
        _sub(f, "business_profile", Paragraph(parts.overview(plan, f)), parts.profile_fields(plan, f, parts.BUSINESS)),
        _sub(f, "financial_health", parts.profile_fields(plan, f, parts.HEALTH)),
        _sub(f, "strategic_initiatives", fields(f, *((k, "", i[k]) for k in keys))),
        _sub(f, "strategy_map", parts.strategy_map(plan, f)),
        _sub(f, "industry_analysis", s.industry.pick(("factor", 1.2), ("trend", 3), ("impact", 3))),
    )


def _stakeholders(s: Shared) -> tuple[Section, ...]:
    """Return the stakeholder mapping chapter."""
    f, plan = s.f, s.plan
    quadrants = stakeholders.quadrants(plan, f).pick(("quadrant", 1.3), ("meaning", 2.5), ("people", 2.5))
    history = s.interactions.pick(("date", 1), ("stakeholder", 1.4), ("channel", 1), ("by", 1.2), ("outcome", 3))
    return (
        _chapter(f, "stakeholder_mapping"),
        _sub(f, "influence_interest_matrix", quadrants, parts.cards(plan, f)),
        _sub(f, "relationship_history", history),
        _sub(f, "relationship_expansion", Bullets(items(f, plan.relationship_expansion, "relationship_expansion"))),
    )


def _opportunities(s: Shared) -> tuple[Section, ...]:
    """Return the opportunity analysis chapter."""
    f, plan, c = s.f, s.plan, s.current
    keys = ("products", "annual_contract_value", "contract_terms", "renewal_date", "usage", "expansion_potential")
    competitors = s.competitors.pick(
        ("name", 1.2), ("strengths", 2), ("our_advantages", 2), ("customer_view", 2), ("threat", 0.8)
    )
    pipeline = s.pipeline.pick(
        ("name", 1.9),
        ("value", 1),
        ("probability", 0.9),
        ("weighted", 1),
        ("quarter", 0.8),
        ("stage", 1.25),
        ("next_step", 1.9),
    )
    return (
        _chapter(f, "opportunity_analysis"),
        _sub(f, "current_business", fields(f, *((k, c[k]) for k in keys))),
        _sub(f, "competitive_landscape", competitors, fields(f, ("switching_costs", c["switching_costs"]))),
        _sub(f, "swot", parts.swot(plan, f)),
        _sub(
            f,
            "annual_targets",
            Bullets(items(f, plan.account.annual_goals, "annual_goal")),
            s.streams.pick(("name", 2), ("current", 1), ("target", 1), ("growth", 0.8)),
        ),
        _sub(f, "opportunity_pipeline", pipeline),
        _sub(f, "pipeline_by_stage", s.stages.pick(("stage", 1.5), ("count", 0.7), ("value", 1), ("weighted", 1))),
    )


def _execution(s: Shared) -> tuple[Section, ...]:
    """Return the action plan, success metrics, risk assessment and plan execution chapters."""
    f, plan = s.f, s.plan
    actions = s.actions.pick(("check", 0.35), ("action", 3.2), ("owner", 1.2), ("due", 1), ("status", 1))
    risks = s.risks.pick(
        ("risk", 2.4),
        ("impact", 0.6),
        ("probability", 0.7),
        ("score", 0.55),
        ("mitigation", 2.4),
        ("owner", 1.1),
        ("review", 0.9),
    )
    return (
        _chapter(f, "strategic_action_plan", actions),
        _chapter(f, "success_metrics", s.kpis.pick(("name", 3), ("target", 1), ("actual", 1), ("rag", 0.9))),
        _chapter(f, "risk_assessment", risks, Paragraph(f.label("risk_scale"), small=True)),
        _chapter(f, "plan_execution"),
        _sub(f, "review_cadence", s.reviews.pick(("frequency", 1), ("topics", 4))),
        _sub(
            f, "collaboration_framework", s.collaboration.pick(("team", 1.3), ("who", 1.3), ("responsibilities", 3.5))
        ),
        _sub(f, "documentation_standards", Bullets(items(f, plan.documentation_standards, "documentation_standard"))),
    )


# -- the deck ------------------------------------------------------------------------------------------------------
def deck(s: Shared) -> Part:
    """Return the presentation: slides 1-14 of the template and the planning tools of source 002."""
    L = s.f.cat.labels
    chapters = (
        (L["chapter_overview"], _deck_overview(s)),
        (L["chapter_customer"], _deck_customer(s)),
        (L["chapter_business"], _deck_business(s)),
        (L["plan_execution"], _deck_execution(s)),
    )
    goal = Bullets((s.f.text(s.plan.plan.goal, "plan_goal"),), L["plan_goal"])
    return Part(Format.PPTX, chaptered(s.f, chapters, goal), deck_cover(s.plan, s.f, "strategic_account_plan"))


def _deck_overview(s: Shared) -> tuple[Section, ...]:
    """Return the executive summary, business overview and company profile slides."""
    f, plan, L, es = s.f, s.plan, s.f.cat.labels, s.plan.executive_summary
    needs = lines(f, tables.resource_needs(plan, f), lambda r: f"{r.cell('type').text}: {r.cell('entries').text}")
    return (
        section(
            f,
            "executive_summary",
            L["executive_summary"],
            parts.tiles(plan, f),
            Bullets(items(f, es.objectives, "objective"), L["key_objectives"]),
            Bullets(items(f, es.success_factors, "success_factor"), L["success_factors"]),
            Bullets(needs, L["resource_needs"]),
            note="executive_summary",
        ),
        section(
            f,
            "business_overview",
            L["business_overview"],
            Bullets(s.initiatives["business_priorities"], L["key_priorities"]),
            Bullets(parts.key_initiatives(plan, f), L["key_initiatives"]),
            Bullets(parts.key_people(plan, f), L["key_people"]),
            note="business_overview",
        ),
        section(
            f,
            "company_profile",
            L["company_profile_health"],
            parts.profile_fields(plan, f, parts.BUSINESS, L["business_profile"]),
            parts.profile_fields(plan, f, parts.HEALTH, L["financial_health"]),
            note="company_profile",
        ),
    )


def _deck_customer(s: Shared) -> tuple[Section, ...]:
    """Return the customer's initiatives, strategy map, industry, targets and stakeholder slides."""
    f, plan, L, i = s.f, s.plan, s.f.cat.labels, s.initiatives
    tints = ("blue", "teal", "yellow", "green")
    grid = Boxes(tuple(Box(L[k], i[k], theme.TINT[t]) for k, t in zip(i, tints, strict=True)))
    figs = s.figures
    totals = fields(
        f,
        ("current", figs["current_revenue"][0]),
        ("target", figs["target_revenue"][0]),
        ("growth", figs["growth"][0]),
        title=L["total"],
    )
    streams = plan.revenue_streams
    chart = parts.chart(
        f,
        [r.name for r in streams],
        [(L["current"], [r.current for r in streams]), (L["target"], [r.target for r in streams])],
        basis=1,
    )
    history = s.interactions.pick(("date", 1), ("stakeholder", 1.4), ("channel", 1), ("by", 1.2), ("outcome", 3.2))
    return (
        section(f, "initiatives", L["customer_initiatives"], grid, note="initiatives"),
        section(f, "strategy_map", L["strategy_map"], parts.strategy_map(plan, f), note="strategy_map"),
        table_section(f, "industry_analysis", s.industry.pick(("factor", 1.2), ("trend", 3), ("impact", 3))),
        section(
            f,
            "annual_targets",
            L["annual_targets"],
            chart,
            Bullets(items(f, plan.account.annual_goals, "annual_goal"), L["customer_goals"]),
            totals,
            note="annual_targets",
        ),
        table_section(
            f,
            "revenue_streams",
            replace(s.streams, total=None).pick(("name", 2.5), ("current", 1), ("target", 1), ("growth", 0.8)),
            "annual_targets",
        ),
        section(f, "matrix", L["influence_interest_matrix"], parts.matrix(plan, f), note="matrix"),
        table_section(f, "relationship_history", history),
        section(
            f,
            "relationship_expansion",
            L["relationship_expansion"],
            Bullets(items(f, plan.relationship_expansion, "relationship_expansion")),
            note="relationship_expansion",
        ),
        section(f, "swot", L["swot"], parts.swot(plan, f), note="swot"),
    )


def _deck_business(s: Shared) -> tuple[Section, ...]:
    """Return the current business, competition and pipeline slides."""
    f, plan, L, c = s.f, s.plan, s.f.cat.labels, s.current
    adv = L["our_advantages"]
    competitor_lines = lines(
        f,
        s.competitors,
        lambda r: f"{r.cell('name').text} — {r.cell('strengths').text} / {adv}: {r.cell('our_advantages').text}",
    )
    stage_lines = tuple(
        f"{r.cell('stage').text}: {r.cell('count').text} · {r.cell('value').text}"
        for r in s.stages.rows
        if r.cell("count").text != "0"
    ) or (s.pipeline.total.cell("value").text,)  # type: ignore[union-attr]
    by_stage = figures.pipeline_by_stage(plan)
    chart = parts.chart(
        f,
        [f.enum(t.stage, "stage") for t in by_stage],
        [(L["value"], [t.value for t in by_stage]), (L["weighted_value"], [t.weighted for t in by_stage])],
    )
    weighted = s.pipeline.total.cell("weighted").text  # type: ignore[union-attr]
    return (
        section(
            f,
            "current_business",
            L["current_business_competition"],
            fields(f, *c.items(), title=L["current_business"]),
            Bullets(competitor_lines, L["competitors"]),
            note="current_business",
        ),
        table_section(
            f,
            "competitors",
            s.competitors.pick(
                ("name", 1.2), ("strengths", 2), ("our_advantages", 2), ("customer_view", 2), ("threat", 0.7)
            ),
            "competitive_landscape",
        ),
        table_section(
            f,
            "pipeline",
            s.pipeline.pick(
                ("name", 2.4), ("value", 1), ("probability", 0.8), ("weighted", 1), ("quarter", 0.8), ("stage", 1)
            ),
            "opportunity_pipeline",
        ),
        section(
            f,
            "pipeline_chart",
            L["pipeline_by_stage"],
            chart,
            Bullets((weighted,), L["weighted_total"]),
            Bullets(stage_lines, L["opportunity_pipeline"]),
            note="pipeline_chart",
        ),
    )


def _deck_execution(s: Shared) -> tuple[Section, ...]:
    """Return the action plan, scorecard, risk register and review slides."""
    f, L = s.f, s.f.cat.labels
    risks = s.risks.pick(
        ("risk", 2.4),
        ("impact", 0.6),
        ("probability", 0.8),
        ("score", 0.6),
        ("mitigation", 2.6),
        ("owner", 1.1),
        ("review", 0.9),
    )
    reviews = lines(f, s.reviews, lambda r: f"{r.cell('frequency').text}: {r.cell('topics').text}")
    collaboration = lines(
        f,
        s.collaboration,
        lambda r: f"{r.cell('team').text} ({r.cell('who').text}): {r.cell('responsibilities').text}",
    )
    return (
        table_section(
            f,
            "action_plan",
            s.actions.pick(("action", 3.2), ("owner", 1.2), ("due", 0.9), ("status", 0.9)),
            "action_plan_quarter",
        ),
        table_section(
            f, "scorecard", s.kpis.pick(("name", 3), ("target", 1), ("actual", 1), ("rag", 0.8)), "health_scorecard"
        ),
        table_section(f, "risks", risks, "risk_register"),
        section(
            f,
            "review_collaboration",
            L["review_collaboration"],
            Bullets(reviews, L["review_cadence"]),
            Bullets(collaboration, L["collaboration_framework"]),
            Bullets(items(f, s.plan.documentation_standards, "documentation_standard"), L["documentation_standards"]),
            note="review_collaboration",
        ),
    )


# -- the workbook --------------------------------------------------------------------------------------------------
def numbers(s: Shared) -> Part:
    """Return the plan's numbers as a working workbook."""
    return workbook(s.plan, s.f, *_sheets(s), *_tracking_sheets(s))


def _sheets(s: Shared) -> tuple[Section, ...]:
    """Return the summary, pipeline and revenue sheets."""
    f = s.f
    return (
        sheet(f, "summary", summary_fields(s.plan, f)),
        sheet(
            f,
            "pipeline",
            s.pipeline.pick(
                ("name", 40),
                ("value", 14),
                ("probability", 12),
                ("weighted", 16),
                ("quarter", 11),
                ("stage", 15),
                ("owner", 18),
                ("next_step", 40),
                chars=True,
            ),
        ),
        sheet(
            f,
            "pipeline_by_stage",
            s.stages.pick(("stage", 18), ("count", 10), ("value", 16), ("weighted", 16), chars=True),
        ),
        sheet(
            f,
            "revenue_streams",
            s.streams.pick(
                ("name", 34), ("current", 16), ("target", 16), ("growth", 12), ("chart_name", 20), chars=True
            ),
        ),
    )


def _tracking_sheets(s: Shared) -> tuple[Section, ...]:
    """Return the scorecard, risk, heat map and action sheets."""
    f = s.f
    return (
        sheet(
            f,
            "scorecard",
            s.kpis.flat().pick(
                ("area", 14),
                ("name", 40),
                ("unit", 11),
                ("target", 13),
                ("actual", 13),
                ("rag", 11),
                ("direction", 18),
                ("tolerance", 11),
                chars=True,
            ),
        ),
        sheet(
            f,
            "risks",
            s.risks.pick(
                ("risk", 44),
                ("impact", 10),
                ("probability", 12),
                ("score", 10),
                ("mitigation", 44),
                ("owner", 18),
                ("review", 13),
                chars=True,
            ),
        ),
        sheet(f, "heat_map", tracking.heat_map(f)),
        sheet(f, "actions", tracking.action_sheet(s.actions.flat())),
    )


def summary_fields(plan: AccountPlan, f: Formatter) -> Fields:
    """Return the summary sheet: identity and the computed figures as live formulas."""
    info = plan.plan
    overdue = f'=COUNTIF({{Actions.overdue}},"{f.label("overdue")}")'
    growth = '=IF({@current_revenue}=0,"",({@target_revenue}-{@current_revenue})/{@current_revenue})'
    money, number = Kind.MONEY, Kind.NUMBER
    lost = f'"<>{f.enum(Stage.CLOSED_LOST, "stage")}"'
    return Fields(
        (
            raw_field(f, "account", plan.account.name),
            raw_field(f, "planning_period", info.period),
            raw_field(f, "prepared_by", info.prepared_by),
            raw_field(f, "version", info.version),
            plan_date(plan, f),
            raw_field(f, "current_revenue", None, money, "=SUM({Streams.current})"),
            raw_field(f, "target_revenue", None, money, "=SUM({Streams.target})"),
            raw_field(f, "growth", None, Kind.CHANGE, growth),
            raw_field(f, "pipeline_value", None, money, f"=SUMIF({{Pipeline.stage}},{lost},{{Pipeline.value}})"),
            raw_field(f, "weighted_pipeline", None, money, f"=SUMIF({{Pipeline.stage}},{lost},{{Pipeline.weighted}})"),
            raw_field(f, "overdue_actions", None, number, overdue),
        ),
        f.label("strategic_account_plan"),
    )
