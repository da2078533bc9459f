"""The tables about people: stakeholders in hierarchy order, the matrix quadrants, our team."""

from __future__ import annotations

from generator.document import theme
from generator.document.blocks import NOTHING, Cell, ChartRef, Highlight, Kind, Row, Table, row
from generator.document.format import Formatter
from generator.families.common import DECISION_MARK, label_fills, shared
from generator.families.tables import col, text
from generator.model import figures
from generator.model.enums import Quadrant
from generator.model.plan import AccountPlan, Stakeholder


def team(plan: AccountPlan, f: Formatter) -> Table:
    """Return our account team, with a photo column for the Word plan."""
    rows = f.rows(
        plan.team,
        lambda m: row(
            name=text(m.name),
            title=text(f.text(m.title, "title"), m.title),
            role=text(f.text(m.role, "role"), m.role),
            responsibilities=text(f.text(m.responsibilities, "responsibilities"), m.responsibilities),
            photo=Cell("", plan.picture(m.photo) if m.photo else None),
        ),
    )
    columns = (
        col(f, "photo", kind=Kind.IMAGE),
        col(f, "name"),
        col(f, "title"),
        col(f, "role"),
        col(f, "responsibilities"),
    )
    hint = f.hint_row(name="name", title="title", role="role", responsibilities="responsibilities")
    return Table("Team", columns, rows, f.placeholders(hint), f.label("roles_ours"))


MAX_INDENT = 10  # a deeper level is indented as level 11: the name stays readable in its column


def person_row(s: Stakeholder, f: Formatter, level: int) -> Row:
    """Return everything the tables show about one stakeholder."""
    decision = figures.is_decision_maker(s)
    mark = DECISION_MARK if decision else ""
    lead = "\u2003" * min(level - 1, MAX_INDENT) + ("└ " if level > 1 else "")
    indented = lead + s.name
    return row(
        level=Cell(str(level), level),
        name=text(s.name),
        indented=Cell(indented),
        marked_indented=Cell(f"{lead}{mark}\u00a0{s.name}" if mark else indented),  # the star stays with the name
        marked_name=Cell(f"{mark}\u00a0{s.name}" if mark else s.name),
        title=text(f.text(s.title, "title"), s.title),
        department=text(f.text(s.department, "department"), s.department),
        reports_to=text(s.reports_to or "—", s.reports_to),
        buying_role=text(f.enum(s.buying_role, "buying_role"), f.enum(s.buying_role, "") if s.buying_role else ""),
        decision_role=text(f.enum(s.decision_role, "decision_role")),
        decision_maker=Cell("", f.label("yes") if decision else ""),
        influence=text(f.enum(s.influence, "level")),
        interest=text(f.enum(s.interest, "level")),
        relationship=Cell(f.score(s.relationship, "relationship"), s.relationship),
        stance=Cell(f.enum(s.stance, "stance"), f.enum(s.stance, "stance"), fill=theme.STANCE[s.stance.value]),
        channel=text(f.enum(s.channel, "channel"), f.enum(s.channel, "") if s.channel else ""),
        cadence=text(f.enum(s.cadence, "cadence"), f.enum(s.cadence, "") if s.cadence else ""),
        style=text(f.text(s.style, "style"), s.style),
        motivators=text(s.motivators or NOTHING),
        concerns=text(s.concerns or NOTHING),
        engagement=text(s.engagement or NOTHING),
        last_outcome=text(s.last_interaction.outcome if s.last_interaction and s.last_interaction.outcome else NOTHING),
    )


def blank_person(f: Formatter) -> Row:
    """Return a stakeholder row of hints."""
    name = f.hint("name")
    hints = ("title", "department", "buying_role", "decision_role", "relationship", "channel", "cadence", "style")
    return Row(
        (
            *row(
                level=Cell("1", 1),
                name=Cell(name),
                indented=Cell(name),
                marked_indented=Cell(f" {name}"),
                marked_name=Cell(name),
                reports_to=Cell(f.hint("reports_to")),
                influence=Cell(f.hint("level")),
                interest=Cell(f.hint("level")),
                stance=Cell(f.hint("stance"), fill=theme.STANCE["neutral"]),
            ).cells,
            *((k, Cell(f.hint(k))) for k in hints),
        )
    )


@shared
def people(plan: AccountPlan, f: Formatter) -> Table:
    """Return the stakeholders in hierarchy order with their level (names indented by level in a workbook)."""
    yes = f.label("yes")
    columns = (
        col(f, "level", kind=Kind.INT),
        col(f, "name", indent_key="level"),
        col(f, "indented", "name"),
        col(f, "marked_indented", "name"),
        col(f, "marked_name", "name"),
        col(f, "title"),
        col(f, "department", note=True),
        col(f, "reports_to"),
        col(f, "buying_role", options="buying_role"),
        col(f, "decision_role", options="decision_role"),
        col(f, "decision_maker", options="yes_no", highlights=(Highlight(theme.DECISION_FILL, equals=yes, bold=True),)),
        col(f, "influence", options="level"),
        col(f, "interest", options="level"),
        col(f, "relationship", "relationship_short", kind=Kind.INT, options="score"),
        col(f, "stance", options="stance", coloured=True, highlights=label_fills(f.cat, "stance", theme.STANCE)),
        col(f, "channel", options="channel"),
        col(f, "cadence", options="cadence"),
        col(f, "style"),
        col(f, "motivators", note=True),
        col(f, "concerns", note=True),
        col(f, "engagement", "engagement_strategy", note=True),
        col(f, "last_outcome", "outcome", note=True),
    )
    rows = tuple(person_row(s, f, level) for s, level in figures.hierarchy_order(plan))
    return Table("People", columns, rows, f.placeholders(blank_person(f)), f.label("key_people"))


def quadrants(plan: AccountPlan, f: Formatter) -> Table:
    """Return the four quadrants of the influence-interest matrix: meaning, people and (in a workbook) live counts."""
    grouped = figures.stakeholders_by_quadrant(plan)
    high = f.cat.enum("level", "high")
    signs = {"champions": ("=", "="), "influencers": ("=", "<>"), "users": ("<>", "="), "others": ("<>", "<>")}

    def to_row(q: Quadrant) -> Row:
        names = tuple(p.name for p in grouped[q]) or (f.hint("name_title"),)
        infl, inter = signs[q.value]
        count = f'=COUNTIFS({{People.influence}},"{infl}{high}",{{People.interest}},"{inter}{high}")'
        return row(
            quadrant=text(f.enum(q, "quadrant")),
            meaning=text(f.label(f"quadrant_{q.value}_description")),
            people=Cell("\n".join(names), items=names),
            count=Cell(str(len(grouped[q])), formula=count),
        )

    columns = (
        col(f, "quadrant"),
        col(f, "meaning", "quadrant_meaning"),
        col(f, "people", kind=Kind.LINES),
        col(f, "count", kind=Kind.NUMBER, own_formulas=True),
    )
    return Table("Quadrants", columns, tuple(to_row(q) for q in Quadrant), title=f.label("influence_interest_matrix"))


def levels(plan: AccountPlan, f: Formatter) -> Table:
    """Return how many stakeholders sit on each hierarchy level."""
    counts = figures.stakeholders_per_level(plan) or {1: 0}
    rows = tuple(row(level=Cell(str(level)), count=Cell(str(n))) for level, n in counts.items())
    return Table("Levels", (col(f, "level", "hierarchy_level"), col(f, "count")), rows)


def stance_legend(f: Formatter) -> Table:
    """Return the stance colours as a one-column table."""
    rows = tuple(row(stance=Cell(f.cat.enum("stance", k), fill=c)) for k, c in theme.STANCE.items())
    return Table("Stances", (col(f, "stance", coloured=True),), rows)


def positions(plan: AccountPlan, f: Formatter) -> Table:
    """Return each stakeholder's place in the matrix as live lookups into People, with the workbook scatter."""
    low, medium, high = (f.cat.enum("level", v) for v in ("low", "medium", "high"))
    found = "INDEX({People.AXIS},MATCH({name},{People.name},0))"
    position = f'=IFERROR(IF({found}="{high}",3,IF({found}="{medium}",2,IF({found}="{low}",1,""))),"")'
    rank = "COUNTIFS({^interest},{interest},{^influence},{influence})"  # among those in the same cell
    columns = (
        col(f, "name"),
        col(f, "interest", kind=Kind.NUMBER, formula=position.replace("AXIS", "interest")),
        col(f, "influence", kind=Kind.NUMBER, formula=position.replace("AXIS", "influence")),
        col(f, "short", "chart_label", formula='=IFERROR(LEFT({name},FIND(" ",{name})+1)&".",{name})', internal=True),
        col(
            f,
            "x",
            "chart_x",
            kind=Kind.NUMBER,
            formula=f'=IF(N({{interest}})=0,"",{{interest}}-0.4+MOD({rank}-1,2)*0.45)',
            internal=True,
        ),
        col(
            f,
            "y",
            "chart_y",
            kind=Kind.NUMBER,
            formula=f'=IF(N({{influence}})=0,"",{{influence}}+0.32-MOD(INT(({rank}-1)/2),5)*0.16)',
            internal=True,
        ),
    )
    rows = tuple(row(name=text(s.name)) for s, _ in figures.hierarchy_order(plan))
    title = f.label("influence_interest_matrix")
    x_title, y_title = (f"{f.label(k)}: {f.label('axis_scale')}" for k in ("axis_interest", "axis_influence"))
    chart = ChartRef(title, scatter=True, x_title=x_title, y_title=y_title)
    return Table("Matrix", columns, rows, title=title, chart=chart)
