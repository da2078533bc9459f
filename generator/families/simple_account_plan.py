"""The simple account plan: one Word document with the plan header, the team with photos, the action table."""

from __future__ import annotations

from generator.document.blocks import Cover, Document, Format, Part
from generator.families import stakeholders, tracking
from generator.families.common import fields, formatter, meta, section
from generator.model.plan import AccountPlan

FAMILY = "simple-account-plan"
FORMATS = ("docx",)


def build(plan: AccountPlan, formats: tuple[str, ...] = ()) -> Document:
    """Return the simple account plan's document (its one part, Word, whatever the chosen formats)."""
    f, info, L = formatter(plan), plan.plan, formatter(plan).cat.labels
    header = fields(
        f,
        ("date", f.date(info.date)),
        ("created_by", f.text(info.prepared_by, "name_title")),
        ("version", f.text(info.version, "version")),
        ("plan_goal", f.text(info.goal, "plan_goal")),
    )
    cover = Cover(L["simple_account_plan"], (f.text(plan.account.name, "company_name"),), header)
    team = stakeholders.team(plan, f).pick(("photo", 1), ("name", 1.6), ("title", 1.8), ("role", 1.6))
    actions = (
        tracking.actions(plan, f)
        .flat()
        .pick(
            ("action", 1.8, L["action_step"]),
            ("owner", 1.1, L["responsible"]),
            ("description", 2),
            ("status", 0.9),
            ("stakeholders", 1.3),
            ("notes", 1.5, L["notes_constraints"]),
        )
    )
    sections = (
        section(f, "account_plan_team", L["account_plan_team"], team),
        section(f, "account_action_plan", L["account_action_plan"], actions),
    )
    return Document(meta(plan, f, FAMILY, "simple_account_plan"), (Part(Format.DOCX, sections, cover),))
