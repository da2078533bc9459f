"""The account map: who is who at the customer, the hierarchy, buying roles, influence, who decides."""

from __future__ import annotations

from dataclasses import replace

from generator.document.blocks import Bullets, Cover, Document, Fields, Format, Paragraph, Part, Table
from generator.document.format import Formatter
from generator.families import parts, stakeholders
from generator.families.common import chosen, deck_cover, formatter, meta, section, sheet, shown, workbook
from generator.model.plan import AccountPlan

FAMILY = "account-map"
FORMATS = ("docx", "pptx", "xlsx")


def build(plan: AccountPlan, formats: tuple[str, ...] = ()) -> Document:
    """Return the account map's document, with the parts of the chosen formats (none: every one)."""
    f = formatter(plan)
    people = stakeholders.people(plan, f)
    made = (lambda: written(plan, f, people), lambda: deck(plan, f, people), lambda: numbers(plan, f, people))
    return Document(meta(plan, f, FAMILY, "account_map"), chosen(formats, FORMATS, made))


def written(plan: AccountPlan, f: Formatter, people: Table) -> Part:
    """Return the Word document (landscape: the hierarchy table is wide)."""
    L = f.cat.labels
    subtitle = f"{f.text(plan.account.name, 'company_name')} · {f.date(plan.plan.date)}"
    hierarchy = people.pick(
        ("marked_indented", 2.6),
        ("title", 2),
        ("department", 1.4),
        ("reports_to", 1.5),
        ("buying_role", 1.3),
        ("decision_role", 1.3),
        ("influence", 0.9),
        ("interest", 0.9),
        ("relationship", 0.8),
        ("stance", 1),
        ("channel", 1),
    )
    sections = (
        section(
            f,
            "who_decides",
            L["who_decides"],
            Bullets(parts.decision_makers(plan, f)),
            Paragraph(L["decision_mark_legend"], small=True),
        ),
        section(f, "key_people", L["key_people"], hierarchy),
        section(f, "influence_interest_matrix", L["influence_interest_matrix"], parts.matrix(plan, f)),
        section(f, "legend", L["legend"], stakeholders.stance_legend(f)),
        section(
            f,
            "people_per_level",
            L["people_per_level"],
            stakeholders.levels(plan, f).pick(("level", 1), ("count", 1)),
            level=2,
        ),
    )
    return Part(Format.DOCX, sections, Cover(L["account_map"], (subtitle,), Fields(())))


def deck(plan: AccountPlan, f: Formatter, people: Table) -> Part:
    """Return the presentation: org chart, matrix, stakeholder table."""
    L = f.cat.labels
    table = people.pick(
        ("marked_name", 1.7),
        ("title", 1.9),
        ("buying_role", 1.2),
        ("decision_role", 1.2),
        ("influence", 0.8),
        ("interest", 0.8),
        ("relationship", 0.7),
        ("stance", 0.9),
    )
    slides = (
        section(f, "org_chart", L["org_chart"], parts.org_chart(plan, f), note="org_chart"),
        section(f, "matrix", L["influence_interest_matrix"], parts.matrix(plan, f), note="matrix"),
        section(f, "stakeholder_table", L["stakeholder_table"], table, note="stakeholder_table"),
    )
    return Part(Format.PPTX, shown(f, slides), deck_cover(plan, f, "account_map"))


def people_sheet(people: Table) -> Table:
    """Return the hierarchy worksheet: level column, names indented by level, every attribute."""
    return people.pick(
        ("level", 7),
        ("name", 30),
        ("title", 30),
        ("department", 22),
        ("reports_to", 22),
        ("buying_role", 17),
        ("decision_role", 18),
        ("decision_maker", 12),
        ("influence", 11),
        ("interest", 11),
        ("relationship", 11),
        ("stance", 13),
        ("channel", 13),
        ("cadence", 13),
        ("style", 36),
        chars=True,
    )


def numbers(plan: AccountPlan, f: Formatter, people: Table) -> Part:
    """Return the workbook: the hierarchy, live quadrant counts and the influence-interest scatter."""
    quadrants = stakeholders.quadrants(plan, f).pick(("quadrant", 20), ("meaning", 60), ("count", 10), chars=True)
    positions = stakeholders.positions(plan, f).pick(
        ("name", 30), ("interest", 11), ("influence", 11), ("short", 16), ("x", 8), ("y", 8), chars=True
    )
    return workbook(
        plan,
        f,
        sheet(f, "people", people_sheet(people)),
        sheet(f, "quadrants", replace(quadrants, title=f.label("influence_interest_matrix"))),
        sheet(f, "matrix", positions),
    )
