"""The sales account plan: overview, goals, solutions, the customer's decision process, the action plan."""

from __future__ import annotations

from dataclasses import replace

from generator.document.blocks import (
    Bullets,
    Cell,
    Cover,
    Document,
    Fields,
    Format,
    Kind,
    Paragraph,
    Part,
    Section,
    Table,
    row,
)
from generator.document.format import Formatter
from generator.families import parts, stakeholders, tables, tracking
from generator.families.common import (
    chosen,
    deck_cover,
    fields,
    formatter,
    items,
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

FAMILY = "sales-account-plan"
FORMATS = ("docx", "pptx", "xlsx")


def build(plan: AccountPlan, formats: tuple[str, ...] = ()) -> Document:
    """Return the sales account plan's document, with the parts of the chosen formats (none: every one)."""
    f = formatter(plan)
    shared = (tables.goals(plan, f), tables.solutions(plan, f), tracking.actions(plan, f).flat())
    made = (lambda: written(plan, f, *shared), lambda: deck(plan, f, *shared), lambda: numbers(plan, f, *shared))
    return Document(meta(plan, f, FAMILY, "sales_account_plan"), chosen(formats, FORMATS, made))


def overview(plan: AccountPlan, f: Formatter) -> dict[str, str]:
    """Return the account overview's texts by label key."""
    info, p = plan.plan, parts.profile(plan, f)
    avg = figures.relationship_average(plan)
    return {
        "account_manager": f.text(info.account_manager or info.prepared_by, "name"),
        "customer_revenue": p["revenue"],
        "our_revenue": f.money(figures.current_revenue(plan) if plan.revenue_streams else None, "revenue"),
        "industry": p["industry"],
        "employees": p["employees"],
        "relationship_strength": f.hint("relationship") if avg is None else f"{avg:.1f}/5",
        "key_contacts": ", ".join(parts.key_people(plan, f, limit=4)),
        "key_competitors": f.joined((c.name for c in plan.competitors), "competitor"),
        "planning_period": f.text(info.period, "period"),
        "last_reviewed": f.date(info.last_reviewed),
    }


def decision(plan: AccountPlan, f: Formatter) -> dict[str, str]:
    """Return how the customer decides: cycle, procurement and path texts by label key."""
    d, p = plan.account.decision_process, parts.profile(plan, f)
    return {
        "budget_cycle": p["budget_cycle"],
        "procurement": p["procurement"],
        "procurement_path": f.text(d.procurement_path, "procurement_path"),
        "typical_cycle": f.text(d.typical_cycle, "typical_cycle"),
    }


def written(plan: AccountPlan, f: Formatter, goals: Table, solutions: Table, actions: Table) -> Part:
    """Return the Word document."""
    L, d = f.cat.labels, plan.account.decision_process
    account = f.text(plan.account.name, "company_name")
    cover = Cover(L["sales_account_plan"], (account,), Fields(()))
    criteria = items(f, d.criteria, "criterion")
    return Part(
        Format.DOCX,
        (
            section(
                f,
                "account_overview",
                L["account_overview"],
                fields(f, ("account_name", account), *overview(plan, f).items()),
            ),
            section(f, "overview", L["overview"], Paragraph(parts.overview(plan, f)), level=2),
            section(
                f,
                "account_goals",
                L["account_goals"],
                goals.pick(("goal", 2), ("challenges", 2), ("measure", 2, L["measures_of_success"])),
            ),
            section(
                f,
                "account_solutions",
                L["account_solutions"],
                solutions.pick(
                    ("solution", 1.6), ("value", 1.6), ("objections", 1.6), ("handling", 1.8), ("status", 0.9)
                ),
            ),
            section(f, "decision_process", L["decision_process"]),
            section(f, "buying_steps", L["buying_steps"], Bullets(items(f, d.buying_steps, "buying_step")), level=2),
            section(
                f,
                "who_decides",
                L["who_decides"],
                Bullets(parts.decision_makers(plan, f)),
                fields(f, *decision(plan, f).items(), ("decision_criteria", "", criteria)),
                level=2,
            ),
            section(
                f,
                "account_action_plan",
                L["account_action_plan"],
                actions.pick(("objective", 1.6), ("action", 2.4), ("owner", 1.1), ("due", 0.9), ("status", 0.9)),
            ),
        ),
        cover,
    )


def deck(plan: AccountPlan, f: Formatter, goals: Table, solutions: Table, actions: Table) -> Part:
    """Return the presentation."""
    L, d = f.cat.labels, plan.account.decision_process
    steps = items(f, d.buying_steps, "buying_step")
    who = (*parts.decision_makers(plan, f), *(f"{L[k]}: {v}" for k, v in decision(plan, f).items()))
    slides = (
        section(
            f,
            "account_overview",
            L["account_overview"],
            fields(f, *overview(plan, f).items(), title=L["account_overview"]),
            Bullets((parts.overview(plan, f),), L["overview"]),
            note="account_overview",
        ),
        section(
            f,
            "account_goals",
            L["account_goals"],
            goals.pick(("goal", 2), ("challenges", 2), ("measure", 1.6, L["measures_of_success"])),
            note="account_goals",
        ),
        section(
            f,
            "account_solutions",
            L["account_solutions"],
            solutions.pick(("solution", 1.6), ("value", 1.7), ("objections", 1.6), ("handling", 1.7), ("status", 0.8)),
            note="account_solutions",
        ),
        section(
            f,
            "decision_process",
            L["decision_process"],
            Bullets(steps, L["buying_steps"], numbered=True),
            Bullets(who, L["who_decides"]),
            Bullets(items(f, d.criteria, "criterion"), L["decision_criteria"]),
            note="decision_process",
        ),
        section(
            f,
            "account_action_plan",
            L["account_action_plan"],
            actions.pick(("objective", 1.6), ("action", 2.6), ("owner", 1.1), ("due", 0.9), ("status", 0.9)),
            note="action_plan",
        ),
    )
    return Part(Format.PPTX, shown(f, slides), deck_cover(plan, f, "sales_account_plan"))


def numbers(plan: AccountPlan, f: Formatter, goals: Table, solutions: Table, actions: Table) -> Part:
    """Return the workbook: one sheet per section."""
    L = f.cat.labels
    contacts = stakeholders.people(plan, f).pick(
        ("name", 26),
        ("title", 30),
        ("relationship", 14, L["relationship_strength"]),
        ("stance", 13),
        ("channel", 13),
        chars=True,
    )
    return workbook(
        plan,
        f,
        sheet(f, "overview", overview_fields(plan, f)),
        sheet(f, "contacts", Table("Contacts", contacts.columns, contacts.rows, title=L["key_contacts"])),
        sheet(
            f,
            "goals",
            replace(
                goals.pick(("goal", 40), ("challenges", 40), ("measure", 30, L["measures_of_success"]), chars=True),
                title=L["account_goals"],
            ),
        ),
        sheet(
            f,
            "solutions",
            solutions.pick(
                ("solution", 32), ("value", 32), ("objections", 30), ("handling", 32), ("status", 14), chars=True
            ),
        ),
        sheet(f, "decision_process", buying_steps(plan, f)),
        sheet(f, "decision", decision_fields(plan, f)),
        sheet(f, "actions", tracking.action_sheet(actions, objective=True)),
    )


def buying_steps(plan: AccountPlan, f: Formatter) -> Table:
    """Return the buying steps as a numbered worksheet table."""
    steps = plan.account.decision_process.buying_steps
    columns = (tables.col(f, "step", kind=Kind.INT, chars=8), tables.col(f, "text", "buying_steps", chars=70))
    rows = tuple(row(step=Cell(str(i), i), text=tables.text(t)) for i, t in enumerate(steps, 1))
    return Table("BuyingSteps", columns, rows, title=f.label("decision_process"))


def overview_fields(plan: AccountPlan, f: Formatter) -> Fields:
    """Return the overview sheet's fields (the relationship strength as a live average over Contacts)."""
    info, p = plan.plan, plan.account.profile
    ours = figures.current_revenue(plan) if plan.revenue_streams else None
    return Fields(
        (
            raw_field(f, "account_name", plan.account.name),
            raw_field(f, "account_manager", info.account_manager),
            raw_field(f, "customer_revenue", p.revenue, Kind.MONEY),
            raw_field(f, "our_revenue", ours, Kind.MONEY),
            raw_field(f, "industry", p.industry),
            raw_field(f, "employees", p.employees, Kind.INT),
            raw_field(f, "relationship_strength", None, Kind.NUMBER, '=IFERROR(AVERAGE({Contacts.relationship}),"")'),
            raw_field(f, "key_competitors", ", ".join(c.name for c in plan.competitors)),
            raw_field(f, "planning_period", info.period),
            raw_field(f, "last_reviewed", info.last_reviewed, Kind.DATE),
            plan_date(plan, f),
            raw_field(f, "overview", plan.account.overview),
        ),
        f.label("account_overview"),
    )


def decision_fields(plan: AccountPlan, f: Formatter) -> Fields:
    """Return the decision sheet's fields."""
    d, h = plan.account.decision_process, plan.account.financial_health
    makers = "; ".join(s.name for s in plan.stakeholders if figures.is_decision_maker(s))
    return Fields(
        (
            raw_field(f, "who_decides", makers),
            raw_field(f, "budget_cycle", h.budget_cycle),
            raw_field(f, "procurement", f.enum(h.procurement, "") if h.procurement else ""),
            raw_field(f, "procurement_path", d.procurement_path),
            raw_field(f, "typical_cycle", d.typical_cycle),
            raw_field(f, "decision_criteria", "; ".join(d.criteria)),
        ),
        f.label("who_decides"),
    )


__all__ = ["FAMILY", "FORMATS", "Section", "build"]
