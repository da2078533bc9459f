"""Build the bundled Word templates (docxtpl tags) from code: python -m generator.office_templates.build_templates.

The .docx files this writes are committed; a person may restyle them in Word (styles, colours,
fonts, header and footer) as long as the {{ tags }} stay. Labels come from the catalogue (L.*).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

NAVY = RGBColor(0x1F, 0x38, 0x64)
TEAL = RGBColor(0x1A, 0x7F, 0x8E)
GREY = RGBColor(0x40, 0x40, 0x40)
HEADER_FILL = "1F3864"
BAND_FILL = "EEF2F8"
FONT = "Calibri"

Column = tuple[str, str, float]  # header expression, cell expression, width in cm


class DocBuilder:
    """Builds one template document with the house style."""

    def __init__(self, landscape: bool = False) -> None:
        self.doc = Document()
        self._styles()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.0))
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.8)
        self.width = (section.page_width - section.left_margin - section.right_margin) / 360000

    def _styles(self) -> None:
        """Set fonts and colours of the styles the templates use."""
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size, normal.font.color.rgb = FONT, Pt(10.5), GREY
        normal.paragraph_format.space_after = Pt(4)
        rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)
        for name, size, colour in (
            ("Title", 30, NAVY),
            ("Heading 1", 17, NAVY),
            ("Heading 2", 13, TEAL),
            ("Heading 3", 11, NAVY),
            ("Subtitle", 14, TEAL),
        ):
            style = styles[name]
            style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), colour
            style.font.bold = name != "Subtitle"
            style.font.italic = False
            style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:asciiTheme"), "minorHAnsi")
        styles["Heading 1"].paragraph_format.space_before = Pt(18)
        styles["Heading 1"].paragraph_format.keep_with_next = True
        styles["Heading 2"].paragraph_format.keep_with_next = True
        styles["List Bullet"].font.name = FONT

    # -- paragraphs ---------------------------------------------------------------------------
    def heading(self, expr: str, level: int = 1) -> None:
        """Add a heading whose text is a template expression."""
        self.doc.add_heading("{{ " + expr + " }}", level)

    def para(
        self,
        text: str,
        style: str | None = None,
        bold: bool = False,
        size: float | None = None,
        colour: RGBColor | None = None,
        align: WD_ALIGN_PARAGRAPH | None = None,
    ) -> None:
        """Add a paragraph of template text."""
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = colour
        if align is not None:
            paragraph.alignment = align

    def bullets(self, list_expr: str, item: str = "x") -> None:
        """Add one bullet paragraph per item of a list."""
        self.doc.add_paragraph("{%p for " + item + " in " + list_expr + " %}")
        self.doc.add_paragraph("{{ " + item + " }}", style="List Bullet")
        self.doc.add_paragraph("{%p endfor %}")

    def page_break(self) -> None:
        """Add a page break."""
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables -------------------------------------------------------------------------------
    def fields(self, rows: Sequence[tuple[str, str]], label_width: float = 5.0) -> None:
        """Add a two-column table of label / value expressions."""
        table = self._table(len(rows), 2, [label_width, self.width - label_width])
        for row, (label, value) in zip(table.rows, rows, strict=True):
            self._cell(row.cells[0], "{{ " + label + " }}", bold=True, fill=BAND_FILL)
            self._cell(row.cells[1], "{{ " + value + " }}")
        self.doc.add_paragraph()

    def table(
        self,
        columns: Sequence[Column],
        rows_expr: str,
        item: str = "r",
        size: float = 9.5,
        header: bool = True,
        footer: Sequence[str] | None = None,
    ) -> None:
        """Add a table with a repeating header row and one row per item of rows_expr."""
        widths = self._widths(columns)
        extra = 1 if footer else 0
        table = self._table(3 + (1 if header else 0) + extra, len(columns), widths)
        rows = list(table.rows)
        if header:
            self._header(rows.pop(0), [c[0] for c in columns], size)
        self._loop_row(rows[0], "{%tr for " + item + " in " + rows_expr + " %}")
        for cell, (_, expr, _) in zip(rows[1].cells, columns, strict=True):
            self._cell(cell, expr if expr.startswith("{%") else "{{ " + expr + " }}", size=size)
        self._loop_row(rows[2], "{%tr endfor %}")
        if footer:
            for cell, expr in zip(rows[3].cells, footer, strict=True):
                self._cell(cell, "{{ " + expr + " }}" if expr else "", size=size, bold=True, fill=BAND_FILL)
        self.doc.add_paragraph()

    def grid(self, cells: Sequence[Sequence[tuple[str, str, str]]]) -> None:
        """Add a grid of boxes, each with a title, a list (as bullets) and a fill colour."""
        columns = len(cells[0])
        table = self._table(len(cells), columns, [self.width / columns] * columns)
        for row, specs in zip(table.rows, cells, strict=True):
            for cell, (title, body, fill) in zip(row.cells, specs, strict=True):
                self._cell(cell, "{{ " + title + " }}", bold=True, fill=fill, colour=NAVY, size=11)
                paragraph = cell.add_paragraph()
                run = paragraph.add_run("{{ " + body + "|bullets }}")
                run.font.size = Pt(10)
        self.doc.add_paragraph()

    def _widths(self, columns: Sequence[Column]) -> list[float]:
        """Return column widths scaled to the text width."""
        total = sum(c[2] for c in columns)
        return [c[2] * self.width / total for c in columns]

    def _table(self, rows: int, cols: int, widths: Sequence[float]):  # type: ignore[no-untyped-def]
        """Return a bordered table with fixed column widths."""
        table = self.doc.add_table(rows=rows, cols=cols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
        _borders(table)
        return table

    def _header(self, row, labels: Sequence[str], size: float) -> None:  # type: ignore[no-untyped-def]
        """Style a header row and mark it to repeat on every page."""
        tr_pr = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
        for cell, label in zip(row.cells, labels, strict=True):
            self._cell(
                cell,
                "{{ " + label + " }}" if label else "",
                bold=True,
                fill=HEADER_FILL,
                colour=RGBColor(0xFF, 0xFF, 0xFF),
                size=size,
            )

    def _loop_row(self, row, tag: str) -> None:  # type: ignore[no-untyped-def]
        """Put a docxtpl row tag in the first cell of a row."""
        row.cells[0].paragraphs[0].add_run(tag)

    def _cell(
        self,
        cell,
        text: str,
        bold: bool = False,
        fill: str | None = None,  # type: ignore[no-untyped-def]
        colour: RGBColor | None = None,
        size: float | None = None,
    ) -> None:
        """Write template text into a cell."""
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(1)
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = colour
        if fill:
            _fill(cell, fill)

    # -- page furniture -----------------------------------------------------------------------
    def title_page(self, subtitle_expr: str, fields: Sequence[tuple[str, str]]) -> None:
        """Add the title page: title, account, then the plan's identity fields."""
        for _ in range(5):
            self.doc.add_paragraph()
        self.para("{{ doc.account }}", style="Title")
        self.para("{{ " + subtitle_expr + " }}", style="Subtitle")
        self.doc.add_paragraph()
        self.fields(fields)

    def header_footer(self) -> None:
        """Add the running header (account, title) and footer (version, page X of Y)."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        run = header.add_run("{{ doc.account }} · {{ doc.title }}")
        run.font.size, run.font.color.rgb = Pt(8.5), TEAL
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for text in ("{{ L.version }} {{ doc.version }} · {{ doc.date }} · {{ L.page }} ",):
            footer.add_run(text).font.size = Pt(8.5)
        _field(footer, "PAGE", "1")
        footer.add_run(" {{ L.of }} ").font.size = Pt(8.5)
        _field(footer, "NUMPAGES", "1")

    def toc(self, entries: Sequence[str]) -> None:
        """Add a table of contents field, pre-filled with the chapter titles."""
        self.heading("L.contents", 1)
        begin = self.doc.add_paragraph()
        _fld_char(begin, "begin")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-1" \\h \\z \\u '
        run = begin.add_run()
        run._r.append(instr)
        _fld_char(begin, "separate")
        begin.add_run("{{ " + entries[0] + " }}")
        for expr in entries[1:]:
            self.doc.add_paragraph("{{ " + expr + " }}")
        end = self.doc.add_paragraph()
        _fld_char(end, "end")
        self.page_break()

    def save(self, path: Path) -> None:
        """Save the template with fixed document properties."""
        props = self.doc.core_properties
        props.author = props.last_modified_by = "accountplan"
        props.title = ""
        props.comments = ""
        self.doc.save(str(path))


def _fld_char(paragraph, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Append a field character run (begin / separate / end)."""
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _field(paragraph, code: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    """Append a simple field (PAGE, NUMPAGES) to a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "17")
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _fill(cell, colour: str) -> None:  # type: ignore[no-untyped-def]
    """Shade a cell."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    tc_pr.append(shading)


def _borders(table) -> None:  # type: ignore[no-untyped-def]
    """Give a table thin light-grey borders."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "B4BECF")):
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    tbl_pr.append(borders)


IDENTITY = [
    ("L.prepared_by", "doc.prepared_by"),
    ("L.date", "doc.date"),
    ("L.version", "doc.version"),
    ("L.planning_period", "doc.period"),
    ("L.last_reviewed", "doc.last_reviewed"),
]


def strategic() -> DocBuilder:
    """Return the full written strategic account plan (order of source 000)."""
    b = DocBuilder()
    b.title_page("L.strategic_account_plan", IDENTITY)
    b.page_break()
    chapters = [
        "L.executive_summary",
        "L.company_overview",
        "L.stakeholder_mapping",
        "L.opportunity_analysis",
        "L.strategic_action_plan",
        "L.success_metrics",
        "L.risk_assessment",
        "L.plan_execution",
    ]
    b.toc(chapters)
    b.header_footer()
    b.heading("L.executive_summary")
    b.table(
        [
            ("L.current_revenue", "summary.current_revenue", 1),
            ("L.target_revenue", "summary.target_revenue", 1),
            ("L.growth", "summary.growth", 1),
            ("L.weighted_pipeline", "summary.weighted_pipeline", 1),
        ],
        "[summary]",
        item="x",
    )
    b.heading("L.key_objectives", 2)
    b.bullets("summary.objectives")
    b.heading("L.success_factors", 2)
    b.bullets("summary.success_factors")
    b.heading("L.resource_needs", 2)
    b.table([("L.resource_type", "r.type", 1), ("L.resources", "r.entries", 4)], "summary.resources")

    b.heading("L.company_overview")
    b.heading("L.business_profile", 2)
    b.para("{{ doc.overview }}")
    b.fields(
        [
            ("L.industry", "profile.industry"),
            ("L.revenue", "profile.revenue"),
            ("L.employees", "profile.employees"),
            ("L.locations", "profile.locations"),
            ("L.ownership", "profile.ownership"),
            ("L.segment", "doc.segment"),
        ]
    )
    b.heading("L.financial_health", 2)
    b.fields(
        [
            ("L.growth_trajectory", "profile.growth_trajectory"),
            ("L.profitability", "profile.profitability"),
            ("L.budget_cycle", "profile.budget_cycle"),
            ("L.procurement", "profile.procurement"),
        ]
    )
    b.heading("L.strategic_initiatives", 2)
    b.fields(
        [
            ("L.business_priorities", "initiatives.business_priorities|bullets"),
            ("L.technology_roadmap", "initiatives.technology_roadmap|bullets"),
            ("L.market_expansion", "initiatives.market_expansion|bullets"),
            ("L.operational_excellence", "initiatives.operational_excellence|bullets"),
        ]
    )
    b.heading("L.strategy_map", 2)
    b.grid(
        [
            [
                ("L.customer_goals", "strategy_map.goals", "EAF4F4"),
                ("L.customer_problems", "strategy_map.problems", "FBEFE3"),
                ("L.customer_culture", "strategy_map.culture", "EEF2F8"),
            ]
        ]
    )
    b.heading("L.industry_analysis", 2)
    b.table(
        [("L.factor", "r.factor", 1.2), ("L.trend", "r.trend", 3), ("L.impact_on_account", "r.impact", 3)], "industry"
    )

    b.heading("L.stakeholder_mapping")
    b.heading("L.influence_interest_matrix", 2)
    b.table(
        [
            ("L.quadrant", "q.title", 1.3),
            ("L.quadrant_meaning", "q.description", 2.5),
            ("L.people", "q.names|lines", 2.5),
        ],
        "quadrants",
        item="q",
    )
    b.doc.add_paragraph("{%p for q in quadrants %}")
    b.heading("q.title", 2)
    b.doc.add_paragraph("{%p for p in q.people %}")
    b.para("{{ p.name_title }}", bold=True, colour=NAVY)
    b.fields(
        [
            ("L.decision_role", "p.decision_role"),
            ("L.buying_role", "p.buying_role"),
            ("L.relationship_strength", "p.relationship"),
            ("L.preferred_channel", "p.channel"),
            ("L.motivators", "p.motivators"),
            ("L.concerns", "p.concerns"),
            ("L.engagement_strategy", "p.engagement"),
            ("L.last_interaction", "p.last_date"),
            ("L.outcome", "p.last_outcome"),
        ]
    )
    b.doc.add_paragraph("{%p endfor %}")
    b.doc.add_paragraph("{%p endfor %}")
    b.heading("L.relationship_history", 2)
    b.table(
        [
            ("L.date", "r.date", 1),
            ("L.stakeholder", "r.stakeholder", 1.4),
            ("L.channel", "r.channel", 1),
            ("L.by", "r.by", 1.2),
            ("L.outcome", "r.outcome", 3),
        ],
        "interactions",
    )
    b.heading("L.relationship_expansion", 2)
    b.bullets("relationship_expansion")

    b.heading("L.opportunity_analysis")
    b.heading("L.current_business", 2)
    b.fields(
        [
            ("L.products", "current.products"),
            ("L.annual_contract_value", "current.annual_contract_value"),
            ("L.contract_terms", "current.contract_terms"),
            ("L.renewal_date", "current.renewal_date"),
            ("L.usage", "current.usage"),
            ("L.expansion_potential", "current.expansion_potential"),
        ]
    )
    b.heading("L.competitive_landscape", 2)
    b.table(
        [
            ("L.competitor", "r.name", 1.2),
            ("L.competitor_strengths", "r.strengths", 2),
            ("L.our_advantages", "r.our_advantages", 2),
            ("L.customer_view", "r.customer_view", 2),
            ("L.threat", "r.threat", 0.8),
        ],
        "competitors",
    )
    b.fields([("L.switching_costs", "current.switching_costs")])
    b.heading("L.swot", 2)
    b.grid(
        [
            [("L.strengths", "swot.strengths", "E3F1E8"), ("L.weaknesses", "swot.weaknesses", "FBEFE3")],
            [("L.opportunities", "swot.opportunities", "EAF4F4"), ("L.threats", "swot.threats", "F9E3E3")],
        ]
    )
    b.heading("L.annual_targets", 2)
    b.bullets("annual_goals")
    b.table(
        [
            ("L.revenue_stream", "r.name", 2),
            ("L.current", "r.current", 1),
            ("L.target", "r.target", 1),
            ("L.growth", "r.growth", 0.8),
        ],
        "streams",
        footer=["L.total", "summary.current_revenue", "summary.target_revenue", "summary.growth"],
    )
    b.heading("L.opportunity_pipeline", 2)
    b.table(
        [
            ("L.opportunity", "r.name", 2.2),
            ("L.value", "r.value", 1),
            ("L.probability", "r.probability", 0.8),
            ("L.weighted_value", "r.weighted", 1),
            ("L.timing", "r.quarter", 0.8),
            ("L.stage", "r.stage", 1),
        ],
        "opportunities",
        footer=["L.total", "pipeline.value", "", "pipeline.weighted", "", ""],
    )
    b.heading("L.pipeline_by_stage", 2)
    b.table(
        [
            ("L.stage", "r.stage", 1.5),
            ("L.count", "r.count", 0.7),
            ("L.value", "r.value", 1),
            ("L.weighted_value", "r.weighted", 1),
        ],
        "stages",
    )

    b.heading("L.strategic_action_plan")
    b.doc.add_paragraph("{%p for g in action_groups %}")
    b.heading("g.title", 2)
    b.table(
        [
            ("", "a.check", 0.35),
            ("L.action", "a.action", 3.2),
            ("L.owner", "a.owner", 1.2),
            ("L.due", "a.due", 1),
            ("L.status", "a.status", 1),
        ],
        "g.actions",
        item="a",
    )
    b.doc.add_paragraph("{%p endfor %}")

    b.heading("L.success_metrics")
    b.doc.add_paragraph("{%p for g in kpi_groups %}")
    b.heading("g.title", 2)
    b.table(
        [
            ("L.kpi", "k.name", 3),
            ("L.target", "k.target", 1),
            ("L.actual", "k.actual", 1),
            ("L.rag", "{% cellbg k.rag_colour %}{{ k.rag }}", 0.9),
        ],
        "g.kpis",
        item="k",
    )
    b.doc.add_paragraph("{%p endfor %}")

    b.heading("L.risk_assessment")
    b.table(
        [
            ("L.risk", "r.risk", 2.4),
            ("L.impact", "r.impact", 0.6),
            ("L.probability", "r.probability", 0.7),
            ("L.score", "{% cellbg r.rag_colour %}{{ r.score }}", 0.55),
            ("L.mitigation", "r.mitigation", 2.4),
            ("L.owner", "r.owner", 1.1),
            ("L.review", "r.review", 0.9),
        ],
        "risks",
        size=9,
    )
    b.para("{{ L.risk_scale }}", size=8.5)

    b.heading("L.plan_execution")
    b.heading("L.review_cadence", 2)
    b.table([("L.frequency", "r.frequency", 1), ("L.what_is_reviewed", "r.topics", 4)], "reviews")
    b.heading("L.collaboration_framework", 2)
    b.table(
        [("L.function", "r.team", 1.3), ("L.who", "r.who", 1.3), ("L.responsibilities", "r.responsibilities", 3.5)],
        "collaboration",
    )
    b.heading("L.documentation_standards", 2)
    b.bullets("documentation")
    return b


def sales() -> DocBuilder:
    """Return the sales account plan."""
    b = DocBuilder()
    b.para("{{ L.sales_account_plan }}", style="Title")
    b.para("{{ doc.account }}", style="Subtitle")
    b.header_footer()
    b.doc.sections[0].different_first_page_header_footer = False
    b.heading("L.account_overview")
    b.fields(
        [
            ("L.account_name", "doc.account"),
            ("L.account_manager", "doc.account_manager"),
            ("L.customer_revenue", "overview.revenue"),
            ("L.our_revenue", "overview.our_revenue"),
            ("L.industry", "overview.industry"),
            ("L.employees", "overview.employees"),
            ("L.relationship_strength", "overview.relationship"),
            ("L.key_contacts", "overview.key_contacts"),
            ("L.key_competitors", "overview.key_competitors"),
            ("L.planning_period", "doc.period"),
            ("L.last_reviewed", "doc.last_reviewed"),
        ]
    )
    b.heading("L.overview", 2)
    b.para("{{ doc.overview }}")
    b.heading("L.account_goals")
    b.table(
        [("L.goal", "r.goal", 2), ("L.challenges", "r.challenges", 2), ("L.measures_of_success", "r.measure", 2)],
        "goals",
    )
    b.heading("L.account_solutions")
    b.table(
        [
            ("L.solution", "r.solution", 1.6),
            ("L.value_roi", "r.value", 1.6),
            ("L.objections", "r.objections", 1.6),
            ("L.handling", "r.handling", 1.8),
            ("L.status", "r.status", 0.9),
        ],
        "solutions",
        size=9,
    )
    b.heading("L.decision_process")
    b.heading("L.buying_steps", 2)
    b.bullets("decision.buying_steps")
    b.heading("L.who_decides", 2)
    b.bullets("decision.decision_makers")
    b.fields(
        [
            ("L.budget_cycle", "profile.budget_cycle"),
            ("L.procurement", "profile.procurement"),
            ("L.procurement_path", "decision.procurement_path"),
            ("L.typical_cycle", "decision.typical_cycle"),
            ("L.decision_criteria", "decision.criteria|bullets"),
        ]
    )
    b.heading("L.account_action_plan")
    b.table(
        [
            ("L.objective", "r.objective", 1.6),
            ("L.action", "r.action", 2.4),
            ("L.owner", "r.owner", 1.1),
            ("L.due", "r.due", 0.9),
            ("L.status", "r.status", 0.9),
        ],
        "actions",
        size=9,
    )
    return b


def account_map() -> DocBuilder:
    """Return the account map (landscape: the hierarchy table is wide)."""
    b = DocBuilder(landscape=True)
    b.para("{{ L.account_map }}", style="Title")
    b.para("{{ doc.account }} · {{ doc.date }}", style="Subtitle")
    b.header_footer()
    b.doc.sections[0].different_first_page_header_footer = False
    b.heading("L.who_decides")
    b.bullets("decision_makers")
    b.para("{{ L.decision_mark_legend }}", size=9)
    b.heading("L.key_people")
    b.table(
        [
            ("L.name", "p.decision_mark }} {{ p.indented", 2.6),
            ("L.title", "p.title", 2),
            ("L.department", "p.department", 1.4),
            ("L.reports_to", "p.reports_to", 1.5),
            ("L.buying_role", "p.buying_role", 1.3),
            ("L.decision_role", "p.decision_role", 1.3),
            ("L.influence", "p.influence", 0.9),
            ("L.interest", "p.interest", 0.9),
            ("L.relationship_short", "p.relationship", 0.8),
            ("L.stance", "{% cellbg p.stance_colour %}{{ p.stance }}", 1),
            ("L.channel", "p.channel", 1),
        ],
        "people",
        item="p",
        size=8.5,
    )
    b.heading("L.influence_interest_matrix")
    b.grid(
        [
            [
                ("quadrants[1].title", "quadrants[1].names", "EEF2F8"),
                ("quadrants[0].title", "quadrants[0].names", "E3F1E8"),
            ],
            [
                ("quadrants[3].title", "quadrants[3].names", "F4F4F4"),
                ("quadrants[2].title", "quadrants[2].names", "EAF4F4"),
            ],
        ]
    )
    b.para("{{ L.matrix_axes }}", size=9)
    b.heading("L.legend")
    b.table([("L.stance", "{% cellbg s.colour %}{{ s.stance }}", 1)], "stances", item="s")
    b.heading("L.people_per_level", 2)
    b.table([("L.level", "r.level", 1), ("L.count", "r.count", 1)], "levels")
    return b


def kam() -> DocBuilder:
    """Return the key account management action plan: the seven elements."""
    b = DocBuilder()
    b.title_page("L.kam_action_plan", IDENTITY)
    b.page_break()
    b.header_footer()
    b.heading("L.kam_customer_profile")
    b.para("{{ doc.overview }}")
    b.fields(
        [
            ("L.industry", "profile.industry"),
            ("L.revenue", "profile.revenue"),
            ("L.employees", "profile.employees"),
            ("L.locations", "profile.locations"),
            ("L.segment", "doc.segment"),
        ]
    )
    b.heading("L.key_decision_makers", 2)
    b.bullets("decision_makers")
    b.heading("L.roles_customer", 2)
    b.table(
        [
            ("L.name", "p.indented", 1.6),
            ("L.title", "p.title", 1.6),
            ("L.buying_role", "p.buying_role", 1.2),
            ("L.decision_role", "p.decision_role", 1.2),
        ],
        "people",
        item="p",
        size=9,
    )
    b.heading("L.communication_styles", 2)
    b.table(
        [
            ("L.contact", "p.name", 1.4),
            ("L.channel", "p.channel", 1),
            ("L.cadence", "p.cadence", 1),
            ("L.style", "p.style", 3),
        ],
        "people",
        item="p",
        size=9,
    )
    b.heading("L.kam_situation")
    b.grid(
        [
            [("L.strengths", "swot.strengths", "E3F1E8"), ("L.weaknesses", "swot.weaknesses", "FBEFE3")],
            [("L.opportunities", "swot.opportunities", "EAF4F4"), ("L.threats", "swot.threats", "F9E3E3")],
        ]
    )
    b.table(
        [
            ("L.competitor", "r.name", 1.2),
            ("L.competitor_strengths", "r.strengths", 2),
            ("L.our_advantages", "r.our_advantages", 2),
            ("L.threat", "r.threat", 0.8),
        ],
        "competitors",
        size=9,
    )
    b.heading("L.kam_goals")
    b.table(
        [
            ("L.goal", "r.goal", 2.2),
            ("L.measure", "r.measure", 2),
            ("L.target", "r.target", 1.2),
            ("L.due", "r.due", 0.9),
        ],
        "goals",
        size=9,
    )
    b.heading("L.kam_strategies")
    b.table([("L.strategy", "r.strategy", 2), ("L.tactics", "r.tactics|bullets", 3)], "strategies", size=9)
    b.heading("L.kam_action_plan_element")
    b.table(
        [
            ("L.action", "r.action", 2.6),
            ("L.owner", "r.owner", 1.1),
            ("L.due", "r.due", 0.9),
            ("L.status", "r.status", 0.9),
            ("L.milestone", "r.milestone", 0.6),
        ],
        "actions",
        size=9,
    )
    b.heading("L.kam_resources")
    b.table(
        [
            ("L.resource", "r.resource", 2.2),
            ("L.resource_type", "r.type", 0.9),
            ("L.amount", "r.amount", 1),
            ("L.owner", "r.owner", 1.1),
            ("L.notes", "r.notes", 1.8),
        ],
        "resources",
        size=9,
        footer=["L.total_budget", "", "budget_total", "", ""],
    )
    b.heading("L.roles_ours", 2)
    b.table(
        [
            ("L.name", "r.name", 1.4),
            ("L.title", "r.title", 1.5),
            ("L.role", "r.role", 1.3),
            ("L.responsibilities", "r.responsibilities", 2.8),
        ],
        "team",
        size=9,
    )
    b.heading("L.kam_monitoring")
    b.table(
        [
            ("L.kpi", "k.name", 2.6),
            ("L.target", "k.target", 1),
            ("L.actual", "k.actual", 1),
            ("L.rag", "{% cellbg k.rag_colour %}{{ k.rag }}", 0.8),
        ],
        "kpis",
        item="k",
        size=9,
    )
    b.heading("L.review_cadence", 2)
    b.table([("L.frequency", "r.frequency", 1), ("L.what_is_reviewed", "r.topics", 4)], "reviews", size=9)
    return b


def simple() -> DocBuilder:
    """Return the simple one-document account plan."""
    b = DocBuilder()
    b.para("{{ L.simple_account_plan }}", style="Title")
    b.para("{{ doc.account }}", style="Subtitle")
    b.header_footer()
    b.doc.sections[0].different_first_page_header_footer = False
    b.fields(
        [
            ("L.date", "doc.date"),
            ("L.created_by", "doc.prepared_by"),
            ("L.version", "doc.version"),
            ("L.plan_goal", "doc.goal"),
        ]
    )
    b.heading("L.account_plan_team")
    b.table(
        [
            ("L.photo", "m.picture", 1),
            ("L.name", "m.name", 1.6),
            ("L.title", "m.title", 1.8),
            ("L.role", "m.role", 1.6),
        ],
        "team",
        item="m",
    )
    b.heading("L.account_action_plan")
    b.table(
        [
            ("L.action_step", "r.action", 1.8),
            ("L.responsible", "r.owner", 1.1),
            ("L.description", "r.description", 2),
            ("L.status", "r.status", 0.9),
            ("L.external_stakeholders", "r.stakeholders", 1.3),
            ("L.notes_constraints", "r.notes", 1.5),
        ],
        "actions",
        size=8.5,
    )
    return b


BUILDERS = {
    "strategic-account-plan": strategic,
    "sales-account-plan": sales,
    "account-map": account_map,
    "kam-action-plan": kam,
    "simple-account-plan": simple,
}


def placeholder_photo(path: Path) -> Path:
    """Write the grey silhouette shown for a team member without a photo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 240), (226, 231, 238))
    draw = ImageDraw.Draw(image)
    draw.ellipse((80, 40, 160, 120), fill=(160, 172, 189))
    draw.ellipse((40, 130, 200, 300), fill=(160, 172, 189))
    image.save(path, format="PNG", optimize=True)
    return path


def build_all(folder: Path) -> list[Path]:
    """Write every Word template and the placeholder photo into folder; return their paths."""
    written = [placeholder_photo(folder / "placeholder-photo.png")]
    for family, build in BUILDERS.items():
        path = folder / f"{family}.docx"
        build().save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for written_path in build_all(target):
        print(written_path)
