"""The key account management action plan: the seven elements, roles and communication styles, a tracker."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from generator.document import theme
from generator.document.blocks import (
    Bullets,
    Cover,
    Document,
    Fields,
    Format,
    Kind,
    Paragraph,
    Part,
    Row,
    Section,
    Table,
    Timeline,
)
from generator.document.format import Formatter
from generator.families import parts, stakeholders, tables, tracking
from generator.families.account_map import people_sheet
from generator.families.common import (
    chosen,
    deck_cover,
    formatter,
    identity,
    lines,
    meta,
    plan_date,
    raw_field,
    section,
    sheet,
    shown,
    workbook,
)
from generator.model import figures
from generator.model.plan import AccountPlan

FAMILY = "kam-action-plan"
FORMATS = ("docx", "pptx", "xlsx")
PROFILE = ("industry", "revenue", "employees", "locations", "segment")


class Shared:
    """The tables the three formats share."""

    def __init__(self, plan: AccountPlan, f: Formatter) -> None:
        self.plan, self.f = plan, f
        self.people = stakeholders.people(plan, f)
        self.competitors = tables.competitors(plan, f)
        self.goals = tables.goals(plan, f)
        self.strategies = tables.strategies(plan, f)
        self.actions = tracking.actions(plan, f).flat()
        self.resources = tables.resources(plan, f)
        self.kpis = tracking.kpis(plan, f).flat()
        self.reviews = tracking.reviews(plan, f)
        self.team = stakeholders.team(plan, f)


def build(plan: AccountPlan, formats: tuple[str, ...] = ()) -> Document:
    """Return the KAM action plan's document, with the parts of the chosen formats (none: every one)."""
    s = Shared(plan, f := formatter(plan))
    made = (lambda: written(s), lambda: deck(s), lambda: numbers(s))
    return Document(meta(plan, f, FAMILY, "kam_action_plan"), chosen(formats, FORMATS, made))


def written(s: Shared) -> Part:
    """Return the Word document: the seven elements in order."""
    f, plan, L = s.f, s.plan, s.f.cat.labels
    cover = Cover(f.text(plan.account.name, "company_name"), (L["kam_action_plan"],), identity(plan, f), page=True)
    sections = (
        *_written_head(s),
        *_written_tail(s),
    )
    return Part(Format.DOCX, sections, cover)


def _written_head(s: Shared) -> tuple[Section, ...]:
    """Return the profile, roles and situation chapters."""
    f, plan, L = s.f, s.plan, s.f.cat.labels
    return (
        section(
            f,
            "kam_customer_profile",
            L["kam_customer_profile"],
            Paragraph(parts.overview(plan, f)),
            parts.profile_fields(plan, f, PROFILE),
        ),
        section(f, "key_decision_makers", L["key_decision_makers"], Bullets(parts.decision_makers(plan, f)), level=2),
        section(
            f,
            "roles_customer",
            L["roles_customer"],
            s.people.pick(("indented", 1.6), ("title", 1.6), ("buying_role", 1.2), ("decision_role", 1.2)),
            level=2,
        ),
        section(
            f,
            "communication_styles",
            L["communication_styles"],
            s.people.pick(("name", 1.4, L["contact"]), ("channel", 1), ("cadence", 1), ("style", 3)),
            level=2,
        ),
        section(
            f,
            "kam_situation",
            L["kam_situation"],
            parts.swot(plan, f),
            s.competitors.pick(("name", 1.2), ("strengths", 2), ("our_advantages", 2), ("threat", 0.8)),
        ),
        section(
            f, "kam_goals", L["kam_goals"], s.goals.pick(("goal", 2.2), ("measure", 2), ("target", 1.2), ("due", 0.9))
        ),
    )


def _written_tail(s: Shared) -> tuple[Section, ...]:
    """Return the strategies, action plan, resources and monitoring chapters."""
    f, L = s.f, s.f.cat.labels
    return (
        section(f, "kam_strategies", L["kam_strategies"], s.strategies.pick(("strategy", 2), ("tactics", 3))),
        section(
            f,
            "kam_action_plan_element",
            L["kam_action_plan_element"],
            s.actions.pick(("action", 2.6), ("owner", 1.1), ("due", 0.9), ("status", 0.9), ("milestone", 0.6)),
        ),
        section(
            f,
            "kam_resources",
            L["kam_resources"],
            s.resources.pick(("resource", 2.2), ("type", 0.9), ("amount", 1), ("owner", 1.1), ("notes", 1.8)),
        ),
        section(
            f,
            "roles_ours",
            L["roles_ours"],
            s.team.pick(("name", 1.4), ("title", 1.5), ("role", 1.3), ("responsibilities", 2.8)),
            level=2,
        ),
        section(
            f,
            "kam_monitoring",
            L["kam_monitoring"],
            s.kpis.pick(("name", 2.6), ("target", 1), ("actual", 1), ("rag", 0.8)),
        ),
        section(f, "review_cadence", L["review_cadence"], s.reviews.pick(("frequency", 1), ("topics", 4)), level=2),
    )


def deck(s: Shared) -> Part:
    """Return the presentation: the seven elements, roles and communication styles."""
    slides = shown(s.f, (*_deck_head(s), *_deck_tail(s)))
    return Part(Format.PPTX, slides, deck_cover(s.plan, s.f, "kam_action_plan"))


def _deck_head(s: Shared) -> tuple[Section, ...]:
    """Return the profile, situation, goals and strategy slides."""
    f, plan, L = s.f, s.plan, s.f.cat.labels
    lines(f, s.reviews, lambda r: f"{r.cell('frequency').text}: {r.cell('topics').text}")
    return (
        section(
            f,
            "kam_profile",
            L["kam_customer_profile"],
            Bullets((parts.overview(plan, f),), L["overview"]),
            parts.profile_fields(plan, f, PROFILE, L["business_profile"]),
            Bullets(parts.decision_makers(plan, f), L["key_decision_makers"]),
            note="kam_profile",
        ),
        section(f, "swot", L["kam_situation"], parts.swot(plan, f), note="swot"),
        section(
            f,
            "competitors",
            f"{L['kam_situation']} — {L['competitive_landscape']}",
            s.competitors.pick(("name", 1.2), ("strengths", 2), ("our_advantages", 2), ("threat", 0.7)),
            note="competitors",
        ),
        section(
            f,
            "kam_goals",
            L["kam_goals"],
            s.goals.pick(("goal", 2.4), ("measure", 1.8), ("target", 1.4), ("due", 0.9)),
            note="kam_goals",
        ),
        section(
            f,
            "kam_strategies",
            L["kam_strategies"],
            s.strategies.pick(("strategy", 2), ("tactics", 3)),
            note="kam_strategies",
        ),
        section(
            f,
            "action_plan",
            L["kam_action_plan_element"],
            s.actions.pick(("action", 2.8), ("owner", 1.1), ("due", 0.9), ("status", 0.9), ("milestone", 0.6)),
            note="action_plan",
        ),
    )


def _deck_tail(s: Shared) -> tuple[Section, ...]:
    """Return the action plan, resources, monitoring and roles slides."""
    f, L = s.f, s.f.cat.labels
    reviews = lines(f, s.reviews, lambda r: f"{r.cell('frequency').text}: {r.cell('topics').text}")
    return (
        section(
            f,
            "kam_resources",
            L["kam_resources"],
            s.resources.pick(("resource", 2.4), ("type", 0.8), ("amount", 0.9), ("owner", 1.1), ("notes", 1.6)),
            note="kam_resources",
        ),
        section(
            f,
            "scorecard",
            L["kam_monitoring"],
            s.kpis.pick(("name", 3), ("target", 1), ("actual", 1), ("rag", 0.8)),
            note="scorecard",
        ),
        section(
            f,
            "review_cadence",
            f"{L['kam_monitoring']} — {L['review_cadence']}",
            Bullets(reviews, L["review_cadence"]),
            note="review_collaboration",
        ),
        section(
            f,
            "roles_ours",
            f"{L['kam_roles']} — {L['roles_ours']}",
            s.team.pick(("name", 1.4), ("title", 1.6), ("role", 1.3), ("responsibilities", 3)),
            note="kam_roles",
        ),
        section(
            f,
            "roles_customer",
            f"{L['kam_roles']} — {L['roles_customer']}",
            s.people.pick(("name", 1.4), ("title", 1.8), ("buying_role", 1.2), ("decision_role", 1.2)),
            note="kam_roles",
        ),
        section(
            f,
            "communication",
            L["communication_styles"],
            s.people.pick(("name", 1.4, L["contact"]), ("channel", 1), ("cadence", 1), ("style", 3.2)),
            note="communication",
        ),
    )


def numbers(s: Shared) -> Part:
    """Return the workbook: the seven elements, the tracker and its timeline."""
    return workbook(s.plan, s.f, *_sheets_head(s), *_sheets_tail(s))


def _sheets_head(s: Shared) -> tuple[Section, ...]:
    """Return the profile, situation, goals, strategies and tracker sheets."""
    f, plan, L = s.f, s.plan, s.f.cat.labels
    return (
        sheet(f, "profile", profile_fields(plan, f)),
        sheet(f, "swot", swot_table(plan, f)),
        sheet(
            f,
            "competitors",
            replace(
                s.competitors.pick(("name", 24), ("strengths", 36), ("our_advantages", 36), ("threat", 10), chars=True),
                title=L["competitive_landscape"],
            ),
        ),
        sheet(
            f,
            "goals",
            replace(
                s.goals.pick(("goal", 40), ("measure", 28), ("target", 24), ("due", 12), chars=True),
                title=L["kam_goals"],
            ),
        ),
        sheet(f, "strategies", s.strategies.pick(("strategy", 44), ("tactics", 60), chars=True)),
        sheet(f, "actions", tracking.action_sheet(s.actions)),
    )


def _sheets_tail(s: Shared) -> tuple[Section, ...]:
    """Return the resources, monitoring, roles and communication sheets."""
    f, plan, L = s.f, s.plan, s.f.cat.labels
    communication = s.people.pick(
        ("name", 24, L["contact"]), ("channel", 13), ("cadence", 13), ("style", 50), chars=True
    )
    return (
        sheet(f, "timeline", timeline(plan, f)),
        sheet(
            f,
            "resources",
            s.resources.pick(("resource", 44), ("type", 12), ("amount", 14), ("owner", 18), ("notes", 30), chars=True),
        ),
        sheet(
            f,
            "scorecard",
            s.kpis.pick(
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
        sheet(f, "reviews", s.reviews.pick(("frequency", 14), ("topics", 70), chars=True)),
        sheet(
            f, "our_team", s.team.pick(("name", 22), ("title", 30), ("role", 22), ("responsibilities", 50), chars=True)
        ),
        sheet(f, "people", people_sheet(s.people)),
        sheet(
            f,
            "communication",
            Table("Communication", communication.columns, communication.rows, title=L["communication_styles"]),
        ),
    )


def profile_fields(plan: AccountPlan, f: Formatter) -> Fields:
    """Return the profile sheet's fields, the budget total and overdue count as live formulas."""
    p = plan.account.profile
    makers = "; ".join(s.name for s in plan.stakeholders if figures.is_decision_maker(s))
    overdue = f'=COUNTIF({{Actions.overdue}},"{f.label("overdue")}")'
    return Fields(
        (
            raw_field(f, "account_name", plan.account.name),
            raw_field(f, "industry", p.industry),
            raw_field(f, "revenue", p.revenue, Kind.MONEY),
            raw_field(f, "employees", p.employees, Kind.INT),
            raw_field(f, "locations", ", ".join(p.locations)),
            raw_field(f, "segment", f.enum(plan.account.segment, "") if plan.account.segment else ""),
            plan_date(plan, f),
            raw_field(f, "overview", plan.account.overview),
            raw_field(f, "key_decision_makers", makers),
            raw_field(f, "total_budget", None, Kind.MONEY, "=SUM({Resources.amount})"),
            raw_field(f, "overdue_actions", None, Kind.NUMBER, overdue),
        ),
        f.label("kam_customer_profile"),
    )


SWOT = ("strengths", "weaknesses", "opportunities", "threats")


def swot_table(plan: AccountPlan, f: Formatter) -> Table:
    """Return the SWOT as four side-by-side worksheet columns."""
    lists = [getattr(plan.swot, k) for k in SWOT]
    longest = max(len(x) for x in lists)
    rows = tuple(
        Row(tuple((k, tables.text(x[i] if i < len(x) else "")) for k, x in zip(SWOT, lists, strict=True)))
        for i in range(longest)
    )
    columns = tuple(tables.col(f, k, chars=40) for k in SWOT)
    return Table("SWOT", columns, rows, title=f.label("swot"))


def timeline(plan: AccountPlan, f: Formatter) -> Timeline:
    """Return the Gantt-like timeline over the action tracker, by month."""
    columns = tuple(tables.col(f, k) for k in ("action", "owner", "start", "due", "status"))
    closed = tracking.closed_labels(f)
    return Timeline(f.label("timeline"), "Actions", months(plan), columns, closed, (theme.GREY, theme.RED, theme.TEAL))


def months(plan: AccountPlan) -> tuple[date, ...]:
    """Return the first day of each month the actions span (12 months from the plan date when none)."""
    days = [d for a in plan.actions for d in (a.start, a.due) if d]
    first = min(days) if days else (plan.plan.date or date(2027, 1, 1))
    last = max(days) if days else date(first.year + 1, first.month, 1)
    found: list[date] = []
    cursor = date(first.year, first.month, 1)
    while cursor <= last and len(found) < 36:
        found.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return tuple(found)
