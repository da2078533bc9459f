"""Word documents reopened with python-docx: what a reader of each document would check."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate

import generator as lib
from generator.families import FAMILIES, document
from generator.model.figures import weighted_pipeline
from generator.model.plan import AccountPlan
from generator.writers.docx.context import context
from generator.writers.docx.elements import TABLE_START, element_spans
from generator.writers.docx.facts import Facts
from generator.writers.docx.grids import cells_on_grid
from generator.writers.docx.render import prepared
from generator.writers.docx.tables import OFF_GRID
from tests.conftest import MINIMAL, ROOT, needs_office, needs_poppler, soffice, write_yaml
from tests.docx_text import docx_text

VIEWS = [name for name, family in FAMILIES.items() if "docx" in family.formats]

LEFTOVERS = re.compile(r"\{\{|\}\}|\{%|%\}|\bNone\b|\bUndefined\b")


def with_body(family: str, change: Callable[[bytes], bytes]) -> bytes:
    """Return a bundled Word template with its document's XML changed."""
    members = zipfile.ZipFile(io.BytesIO(prepared(family).data))
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as package:
        for info in members.infolist():
            body = members.read(info)
            package.writestr(info, change(body) if info.filename == "word/document.xml" else body)
    return changed.getvalue()


def family_values(plan: AccountPlan, family: str) -> list[str]:
    """Return the example values a family's document must show."""
    names = [s.name for s in plan.stakeholders]
    actions = [a.action for a in plan.actions]
    values = {
        "strategic-account-plan": [
            *names,
            *(o.name for o in plan.opportunities),
            *(k.name for k in plan.kpis),
            *(r.risk for r in plan.risks),
            *plan.swot.threats,
            *actions,
            *(c.name for c in plan.competitors),
            *plan.executive_summary.objectives,
            *(r.name for r in plan.revenue_streams),
            *plan.documentation_standards,
        ],
        "sales-account-plan": [
            *(g.goal for g in plan.goals),
            *(s.solution for s in plan.solutions),
            *actions,
            *plan.account.decision_process.buying_steps,
            plan.plan.account_manager,
        ],
        "account-map": names + [s.title for s in plan.stakeholders],
        "kam-action-plan": [
            *(g.goal for g in plan.goals),
            *(s.strategy for s in plan.strategies),
            *actions,
            *(r.resource for r in plan.resources),
            *(k.name for k in plan.kpis),
            *(m.name for m in plan.team),
            *names,
        ],
        "simple-account-plan": [*(m.name for m in plan.team), *actions, plan.plan.goal],
    }
    return values[family]


@pytest.mark.parametrize("family", VIEWS)
def test_example_document_shows_every_value_of_its_family(
    built: dict[str, Path], example: AccountPlan, family: str
) -> None:
    text = docx_text(built[f"{family}.docx"])
    missing = [v for v in family_values(example, family) if v not in text]
    assert not missing
    assert example.account.name in text
    assert not LEFTOVERS.findall(text)


@pytest.mark.parametrize("family", VIEWS)
def test_blank_document_shows_hints_and_no_leftovers(built_blank: dict[str, Path], family: str) -> None:
    text = docx_text(built_blank[f"{family}.docx"])
    assert "[Company name]" in text
    assert len(re.findall(r"\[[^\]]+\]", text)) >= 8
    assert not LEFTOVERS.findall(text)


@pytest.mark.parametrize("family", VIEWS)
def test_template_variables_are_the_documents_context(example: AccountPlan, family: str) -> None:
    assert prepared(family).variables() == set(context(document(example, family)))


def test_strategic_plan_has_title_page_toc_and_running_header_footer(built: dict[str, Path]) -> None:
    document = Document(str(built["strategic-account-plan.docx"]))
    xml = document.element.xml
    assert "PAGEREF _Toc_ap_1" in xml and '<w:bookmarkStart w:id="1" w:name="_Toc_ap_1"/>' in xml
    section = document.sections[0]
    assert "Halden Freight Group" in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "2.1" in section.footer.paragraphs[0].text


def test_strategic_plan_shows_computed_figures(built: dict[str, Path], example: AccountPlan) -> None:
    text = docx_text(built["strategic-account-plan.docx"])
    assert f"€{weighted_pipeline(example):,.0f}" in text
    assert "€1,830,000" in text and "€2,900,000" in text and "+58.5%" in text


def test_table_header_rows_repeat_across_pages(built: dict[str, Path]) -> None:
    document = Document(str(built["sales-account-plan.docx"]))
    headers = [t for t in document.tables if 'w:tblHeader w:val="true"' in t._tbl.xml]
    assert len(headers) >= 3


def test_account_map_marks_decision_makers_and_indents_hierarchy(built: dict[str, Path]) -> None:
    text = docx_text(built["account-map.docx"])
    assert "★\u00a0Henrik Aalto" in text  # a no-break space: the star never ends a line alone
    assert "└ Pavel Horák" in text and "\u2003\u2003\u2003└ Pavel Horák" in text


def test_simple_plan_has_a_picture_per_team_member(built: dict[str, Path], example: AccountPlan) -> None:
    with zipfile.ZipFile(built["simple-account-plan.docx"]) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        body = package.read("word/document.xml").decode()
    assert media
    assert body.count("<pic:pic") == len(example.team)


def test_core_properties_come_from_the_plan(built: dict[str, Path]) -> None:
    props = Document(str(built["kam-action-plan.docx"])).core_properties
    assert props.created.date().isoformat() == "2026-11-16"
    assert props.modified == props.created
    assert "Halden Freight Group" in props.title


HOSTILE = {
    "injection": "{{ 7*7 }} {% if true %}x{% endif %}",
    "markup": "AT&T <b>bold</b> \"quoted\" 'single' & more > less",
    "rtl": "شركة الشحن الأوروبية — עברית",
    "cjk_emoji": "北京物流有限公司 🚚📦",
    "long": "x" * 20_000,
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_values_come_out_exactly_as_typed(tmp_path: Path, kind: str) -> None:
    value = HOSTILE[kind]
    text = MINIMAL.replace("name: Test Account", f"name: {_quoted(value)}")
    source = write_yaml(tmp_path, text + f"  overview: {_quoted(value)}\nteam:\n  - name: {_quoted(value)}\n")
    outputs = lib.generate(lib.load_plan(source).plan, tmp_path / "out", formats=["docx"])
    assert len(outputs) == 5
    for output in outputs:
        shown = docx_text(output.path)
        assert value in shown, output.family
        if kind == "injection":
            assert "49" not in shown


def test_control_characters_and_surrogates_never_truncate_the_document(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, MINIMAL + '  overview: "before\\x01\\x0b\\ud800after"\n')
    loaded = lib.load_plan(source)
    assert loaded.warnings
    output = lib.generate(loaded.plan, tmp_path / "out", ["strategic-account-plan"], ["docx"])[0]
    text = docx_text(output.path)
    assert "beforeafter" in text
    assert "Documentation Standards" in text  # the last chapter is still there


def test_newlines_become_line_breaks(tmp_path: Path) -> None:
    source = write_yaml(tmp_path, MINIMAL + '  overview: "line one\\r\\nline two"\n')
    output = lib.generate(lib.load_plan(source).plan, tmp_path, ["sales-account-plan"], ["docx"])[0]
    xml = Document(str(output.path)).element.xml
    assert "line one</w:t>" in xml and "<w:br/>" in xml and "_x000D_" not in xml


def _quoted(value: str) -> str:
    """Return value as a double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_a_filled_plan_shows_dashes_not_hints_where_data_is_missing(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL + "actions:\n  - {action: Call the CFO}\n")).plan
    for output in lib.generate(plan, tmp_path / "out", formats=["docx"]):
        text = docx_text(output.path)
        assert not re.findall(r"\[[A-Z][^\]]*\]", text), output.family
        assert "—" in text


def test_empty_quadrants_of_a_filled_plan_list_nobody(tmp_path: Path) -> None:
    plan = lib.load_plan(
        write_yaml(tmp_path, MINIMAL + "stakeholders:\n  - {name: Ann, influence: high, interest: high}\n")
    ).plan
    output = lib.generate(plan, tmp_path / "out", ["strategic-account-plan"], ["docx"])[0]
    text = docx_text(output.path)
    assert text.count("Role in the decision") == 1  # only Ann has a stakeholder card


def test_table_rows_never_split_and_headers_fit_their_columns(built: dict[str, Path]) -> None:
    document = Document(str(built["kam-action-plan.docx"]))
    rows = [r for t in document.tables for r in t.rows]
    assert rows and all(r._tr.xpath("./w:trPr/w:cantSplit") for r in rows)
    for table in document.tables:
        if table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"):
            for cell in table.rows[0].cells:
                longest = max((len(w) for w in cell.text.split()), default=0)
                assert cell.width.cm >= longest * 0.17, (cell.text, cell.width.cm)


def test_every_family_names_itself_in_the_running_header(built: dict[str, Path]) -> None:
    for family, title in (("sales-account-plan", "Sales Account Plan"), ("account-map", "Account Map")):
        header = Document(str(built[f"{family}.docx"])).sections[0].header.paragraphs[0].text
        assert header == f"Halden Freight Group · {title}"


def test_an_empty_list_reads_not_yet_assessed(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL)).plan
    path = tmp_path / "plan.docx"
    path.write_bytes(lib.render(plan, "strategic-account-plan", "docx"))
    assert "Not yet assessed" in docx_text(path) and "— — —" not in docx_text(path)


def test_not_yet_assessed_stands_in_the_first_column_a_table_shows(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL)).plan
    path = tmp_path / "kam.docx"
    path.write_bytes(lib.render(plan, "kam-action-plan", "docx"))
    people = next(t for t in Document(str(path)).tables if t.rows[0].cells[0].text == "Name")
    assert people.rows[1].cells[0].text == "Not yet assessed"


def test_a_document_is_the_same_whatever_was_rendered_before_it_in_the_process(example: AccountPlan) -> None:
    """Word templates are loaded once per process and reused: no picture, value or property of one document
    reaches the next (a batch worker's hundredth document is its first one's twin)."""
    import subprocess
    import sys

    from generator.sources import read_brand, with_brand

    root = Path(__file__).resolve().parents[3]
    branded = with_brand(example, read_brand(root / "data" / "brand" / "nordwind.yaml"))
    first = [lib.render(branded, family, "docx") for family in VIEWS]  # logos and photos: pictures added
    after = [lib.render(example, family, "docx") for family in VIEWS]
    again = [lib.render(branded, family, "docx") for family in VIEWS]
    assert first == again
    script = (
        "import sys, hashlib, generator as lib; plan = lib.load_plan().plan; "
        f"print(' '.join(hashlib.sha256(lib.render(plan, f, 'docx')).hexdigest() for f in {VIEWS!r}))"
    )
    fresh = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True)
    import hashlib

    assert fresh.stdout.split() == [hashlib.sha256(data).hexdigest() for data in after]


def test_a_table_whose_rows_outgrow_its_grid_gets_docxtpl_s_mended_grid() -> None:
    """A template looping over columns makes rows with more cells than the grid: its grid is mended as docxtpl
    mends it (the body is otherwise parsed once, not through docxtpl)."""
    from generator.writers.docx.render import PreparedTemplate

    template = PreparedTemplate(prepared("simple-account-plan").data, "simple-account-plan.docx")
    template.init_docx()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cell = "<w:tc><w:p/></w:tc>"
    body = (
        f'<w:body {w}><w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
        f"<w:tr>{cell * 4}</w:tr></w:tbl><w:p/></w:body>"
    )
    mended = template.fix_tables(body)
    widths = [col.get(f"{{{mended.nsmap['w']}}}w") for col in mended.iter(f"{{{mended.nsmap['w']}}}gridCol")]
    assert widths == ["2000"] * 4
    template.map_tree(mended)
    assert (
        template.docx.element.body is not None and len(template.docx.element.body.findall(".//w:tc", mended.nsmap)) == 4
    )


@pytest.mark.parametrize("family", VIEWS)
def test_paragraphs_lose_the_marks_put_before_them_for_rendering(built: dict[str, Path], family: str) -> None:
    with zipfile.ZipFile(built[f"{family}.docx"]) as package:
        assert b"<w:p" in package.read("word/document.xml")
        assert b"\n<w:p" not in package.read("word/document.xml")


def test_a_template_with_line_breaks_before_its_paragraphs_renders_as_docxtpl_renders_it(
    example: AccountPlan, tmp_path: Path
) -> None:
    """docxtpl takes a line break before a paragraph out of what it renders (it puts one there for its error
    context): a user's template with one there (after a Jinja comment between paragraphs) gives a document
    without it, showing the same text as the bundled template's."""

    from generator.writers.docx import values
    from generator.writers.docx.render import PreparedTemplate

    family = "account-map"
    noted = with_body(family, lambda body: body.replace(b"<w:body><w:p", b"<w:body>{# a note #}\n<w:p", 1))
    own = PreparedTemplate(noted, f"{family}.docx")
    (tmp_path / "own.docx").write_bytes(own.render_bytes(values(own, document(example, family)), "t", "a", None))
    (tmp_path / "bundled.docx").write_bytes(lib.render(example, family, "docx"))
    assert b"\n<w:p" not in zipfile.ZipFile(tmp_path / "own.docx").read("word/document.xml")
    assert docx_text(tmp_path / "own.docx") == docx_text(tmp_path / "bundled.docx")


def test_relationships_kept_serialized_are_python_docx_s_own(example: AccountPlan) -> None:
    """Every relationship part of Word documents written one after another (pictures added and dropped in between)
    is byte for byte what python-docx writes for the relationships it reads back."""
    family = "simple-account-plan"
    fewer = example.model_copy(update={"stakeholders": example.stakeholders[:1]})
    for plan in (example, fewer, example):
        data = lib.render(plan, family, "docx")
        package = Document(io.BytesIO(data)).part.package
        with zipfile.ZipFile(io.BytesIO(data)) as members:
            for part in package.iter_parts():
                if len(part.rels):
                    assert members.read(part.partname.rels_uri.membername) == part.rels.xml


@needs_office
@needs_poppler
def test_a_short_table_at_the_foot_of_a_page_moves_whole_to_the_next(tmp_path: Path) -> None:
    """The blank KAM plan's last table, Review Cadence (three rows), comes at the foot of a page: its heading, header
    and rows print together on the next page, not one row there and two on the next."""
    from tests import render_check

    path = tmp_path / "kam.docx"
    path.write_bytes(lib.render(lib.blank_plan(), "kam-action-plan", "docx"))
    pdf = render_check.to_pdf([path], tmp_path / "pdf", str(soffice()))[path]
    pages = [{word.text for word in page.words} for page in render_check.pages(pdf)]
    table = {"Cadence", "Frequency", "Monthly", "Quarterly", "Annually"}
    assert [table <= words for words in pages].count(True) == 1, [sorted(table & words) for words in pages]


@needs_office
@needs_poppler
@pytest.mark.parametrize("language", ["de", "ru"])
def test_a_header_s_bracket_is_never_broken_at_its_dash(language: str, tmp_path: Path) -> None:
    """The account map's rating header prints "Отн. (1–5)" on one line where the columns have room (Russian), and
    else breaks at the space ("Bez." over "(1–5)"), never at the dash ("Отн. (1–" over "5)")."""
    from tests import render_check

    plan = lib.load_plan(ROOT / "data" / "examples" / f"halden-freight-{language}.yaml").plan
    path = tmp_path / "map.docx"
    path.write_bytes(lib.render(plan, "account-map", "docx"))
    pdf = render_check.to_pdf([path], tmp_path / "pdf", str(soffice()))[path]
    words = [word for page in render_check.pages(pdf) for word in page.words]
    assert "(1–" not in {word.text for word in words} and "(1–5)" in {word.text for word in words}
    rows = {round(word.box[1]) for word in words if word.text == "Отн."}
    assert all(round(word.box[1]) in rows for word in words if word.text == "(1–5)") == (language == "ru")


@pytest.mark.parametrize("family", VIEWS)
def test_a_rendered_body_holds_no_markup_its_template_does_not(
    example: AccountPlan, stress: AccountPlan, family: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundled template's tables are fitted looking only for the markup its own holds (values are escaped text;
    a drawn picture adds its own, namespace declarations too): bodies rendered from the branded example (logo,
    photos) and the stress plan hold none of the rest, and are fitted, with what their template's tables hold
    known (type sizes, paragraphs), as looking for all of it and counting it in each table fits them; a body
    without language or drawing is handed to the package as needing no language declared, rightly."""
    from generator.sources import read_brand, with_brand
    from generator.writers.declared import Declared
    from generator.writers.docx import render, tables
    from generator.writers.package import declare_language

    seen: list[tuple[str, frozenset[str] | None, dict[str, Facts] | None]] = []

    def fitted(
        xml: str, possible: frozenset[str] | None = None, facts: dict[str, Facts] | None = None
    ) -> tuple[str, bool]:
        seen.append((xml, possible, facts))
        return tables.fitted_tables(xml, possible, facts)

    monkeypatch.setattr(render, "fitted_tables", fitted)
    branded = with_brand(example, read_brand(ROOT / "data" / "brand" / "nordwind.yaml"))
    declared = 0
    for plan in (branded, stress):
        lib.render(plan, family, "docx")
        written = render.prepared(family).written  # the document's XML, as the package got it
        if isinstance(written, Declared):  # in no need of its language declared: it is as declaring leaves it
            assert declare_language(bytes(written), b"de-DE", "word/document.xml") == written
            declared += 1
    assert declared or family == "simple-account-plan"  # every plan draws its team's photos there
    pictured = 0
    for xml, possible, facts in seen:
        assert possible is not None and facts
        spans = element_spans(xml, TABLE_START, "</w:tbl>")
        nested = {tables.NESTED} if tables._nested(xml, spans) else set()
        looked_for = tables.MARKS + render._PICTURE_MARKS + render._LANGUAGE_MARKS + render._LISTING_MARKS
        held = {mark for mark in looked_for if mark in xml} | nested
        held |= set() if cells_on_grid(xml) else {tables.OFF_GRID}
        assert held <= possible
        assert tables.fitted_tables(xml, possible, facts) == tables.fitted_tables(xml)
        breaks = render._breaks(xml)
        assert render.listed(xml, breaks, possible) == render.listed(xml, breaks)
        pictured += "<wp:extent " in xml
    assert pictured > 0 or family not in ("strategic-account-plan", "simple-account-plan")  # photos drawn


@pytest.mark.parametrize("family", VIEWS)
def test_a_bundled_body_is_compiled_without_the_declarations_its_document_makes(family: str) -> None:
    """The namespace declarations a body's opening tag inherits from its document are taken out of its source once,
    so no rendered body is searched for them: none is left for a rendered body to hold, and each one taken out is
    the document's own (its documents are written well: the other tests open them)."""
    template = prepared(family)
    assert template.possible is not None and " xmlns:" not in template.possible
    assert OFF_GRID not in template.possible  # its long rows' cells measured in its grid's widths, not read again
    loaded = DocxTemplate(io.BytesIO(template.data))
    loaded.init_docx()
    source = loaded.get_xml()  # the body as lxml writes it alone
    declared = re.findall(r' xmlns:\w+="[^"]*"', source[: source.find(">")])
    assert declared and all(d.encode() in template.frame[0] for d in declared)


def test_a_body_holding_a_language_gets_the_documents_own(example: AccountPlan) -> None:
    """A template whose body names a language (a run marked English) is not handed on as needing no language
    declared: the document says German there too."""
    from generator.writers.declared import Declared
    from generator.writers.docx import values
    from generator.writers.docx.render import PreparedTemplate
    from generator.writers.package import package

    family, english = "account-map", b'<w:p><w:r><w:rPr><w:lang w:val="en-US"/></w:rPr><w:t>English</w:t></w:r></w:p>'
    marked = with_body(family, lambda body: body.replace(b"<w:sectPr", english + b"<w:sectPr", 1))
    own = PreparedTemplate(marked, f"{family}.docx", bundled=True)
    parts = own.render_parts(values(own, document(example, family)), "t", "a", None)
    assert not isinstance(own.written, Declared)
    written = zipfile.ZipFile(io.BytesIO(package(parts, None, "de-DE"))).read("word/document.xml")
    assert b'<w:lang w:val="de-DE"/>' in written and b"en-US" not in written
