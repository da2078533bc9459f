"""PowerPoint decks reopened with python-pptx: titles, values, charts, org chart, notes, blank hints."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Pt

import generator as lib
from generator.document import theme
from generator.families import FAMILIES, document
from generator.model import figures
from generator.model.plan import AccountPlan
from tests import render_check
from tests.conftest import MINIMAL, write_yaml

DECKS = [name for name, family in FAMILIES.items() if "pptx" in family.formats]

LEFTOVERS = re.compile(r"\{\{|\}\}|\{%|%\}|\bNone\b|_x000[0-9A-F]_")


def deck_texts(path: Path) -> list[str]:
    """Return the visible text of each slide (shapes and table cells)."""
    texts = []
    for slide in Presentation(str(path)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        texts.append("\n".join(parts))
    return texts


def titles(path: Path) -> list[str]:
    """Return the title of each slide."""
    return [s.shapes.title.text_frame.text for s in Presentation(str(path)).slides]


def test_strategic_deck_has_all_fourteen_slides_of_the_spec(built: dict[str, Path]) -> None:
    shown = titles(built["strategic-account-plan.pptx"])
    expected = [
        "Halden Freight Group",
        "Executive Summary",
        "Business Overview",
        "Company Profile & Financial Health",
        "The Customer's Strategic Initiatives",
        "Annual Account Targets & Revenue Streams",
        "Influence–Interest Matrix",
        "SWOT Analysis",
        "Current Business & Competitive Landscape",
        "Opportunity Pipeline",
        "Action Plan for the Quarter",
        "Account Health Scorecard",
        "Risk Register",
        "Review Cadence & Collaboration",
        "Customer Strategy Map",
        "Industry Analysis",
        "Relationship History",
        "Competitive Landscape",
        "Pipeline by Stage",
    ]
    for title in expected:
        assert any(t == title or t.startswith(title + " (") for t in shown), title
    assert len(Presentation(str(built["strategic-account-plan.pptx"])).slides) >= 14


def test_strategic_deck_is_16_by_9(built: dict[str, Path]) -> None:
    prs = Presentation(str(built["strategic-account-plan.pptx"]))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)


def test_charts_are_native_and_their_series_equal_the_data(built: dict[str, Path], example: AccountPlan) -> None:
    charts = [
        shape.chart
        for slide in Presentation(str(built["strategic-account-plan.pptx"])).slides
        for shape in slide.shapes
        if shape.has_chart
    ]
    assert len(charts) >= 2
    streams = next(c for c in charts if _names(c) == [s.name for s in example.revenue_streams])
    assert list(streams.series[0].values) == [s.current for s in example.revenue_streams]
    assert list(streams.series[1].values) == [s.target for s in example.revenue_streams]
    stages = next(c for c in charts if "Negotiation" in _names(c))
    assert list(stages.series[1].values) == [t.weighted for t in figures.pipeline_by_stage(example)]


def test_executive_summary_shows_the_big_numbers(built: dict[str, Path]) -> None:
    path = built["strategic-account-plan.pptx"]
    text = next(t for title, t in zip(titles(path), deck_texts(path), strict=True) if title == "Executive Summary")
    for figure in ("€1.8M", "€2.9M", "+58.5%", "€1.4M", "Current annual revenue", "Weighted pipeline"):
        assert figure in text


def test_matrix_places_every_stakeholder_in_their_quadrant(built: dict[str, Path], example: AccountPlan) -> None:
    prs = Presentation(str(built["strategic-account-plan.pptx"]))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Influence–Interest Matrix")
    boxes = {
        shape.text_frame.text.split(" (")[0]: shape.text_frame.text
        for shape in slide.shapes
        if shape.has_text_frame and "(" in shape.text_frame.text.split("\n")[0]
    }
    titles_by_quadrant = {
        "champions": "Manage closely",
        "influencers": "Keep satisfied",
        "users": "Keep informed",
        "others": "Monitor",
    }
    for stakeholder in example.stakeholders:
        assert stakeholder.name in boxes[titles_by_quadrant[figures.quadrant(stakeholder).value]]


def test_action_plan_is_grouped_by_category(built: dict[str, Path]) -> None:
    text = "\n".join(
        t
        for t, s in zip(
            titles(built["strategic-account-plan.pptx"]), deck_texts(built["strategic-account-plan.pptx"]), strict=True
        )
        if t.startswith("Action Plan")
        for t in [s]
    )
    positions = [
        text.index(group)
        for group in ("Relationship Building", "Opportunity Development", "Competitive Defence", "Account Intelligence")
    ]
    assert positions == sorted(positions)


def test_scorecard_and_risks_carry_red_amber_green(built: dict[str, Path]) -> None:
    prs = Presentation(str(built["strategic-account-plan.pptx"]))
    fills = set()
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        if cell.fill.type == 1:
                            fills.add(str(cell.fill.fore_color.rgb))
    assert set(theme.RAG.values()) <= fills


def test_account_map_has_a_real_org_chart(built: dict[str, Path], example: AccountPlan) -> None:
    prs = Presentation(str(built["account-map.pptx"]))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Organisation Chart"))
    connectors = [s for s in slide.shapes if s.shape_type == 21 or s._element.tag.endswith("cxnSp")]
    reporting = [s for s in example.stakeholders if s.reports_to]
    assert len(connectors) == len(reporting)
    boxes = {
        s.text_frame.text.split("\n")[0].lstrip("★ "): s
        for s in slide.shapes
        if s.has_text_frame and s.text_frame.text and s.top < slide.shapes.title.top + Pt(1000)
    }
    for stakeholder in example.stakeholders:
        assert stakeholder.name in boxes
    decider = boxes["Henrik Aalto"]
    assert decider.text_frame.text.startswith("★") and decider.line.width == Pt(3)
    assert str(boxes["Claire Dubois"].fill.fore_color.rgb) == theme.STANCE["blocker"]


def test_large_org_chart_splits_by_branch(stress: AccountPlan, tmp_path: Path) -> None:
    path = tmp_path / "map.pptx"
    path.write_bytes(lib.render(stress, "account-map", "pptx"))
    org = [t for t in titles(path) if t.startswith("Organisation Chart")]
    assert len(org) > 1
    shown = "\n".join(deck_texts(path)[1 : 1 + len(org)])
    assert all(f"Manager {i} with" in shown for i in range(23))


def test_long_tables_continue_with_the_header_repeated(stress: AccountPlan, tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(lib.render(stress, "strategic-account-plan", "pptx"))
    prs = Presentation(str(path))
    pages = [s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Action Plan for the Quarter (")]
    assert len(pages) >= 3
    assert pages[-1].shapes.title.text_frame.text.endswith(f"({len(pages)}/{len(pages)})")
    for slide in pages:
        table = next(s for s in slide.shapes if s.has_table).table
        assert [c.text for c in table.rows[0].cells] == ["Action", "Owner", "Due", "Status"]


def test_text_is_never_below_10_points(stress: AccountPlan, tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(lib.render(stress, "kam-action-plan", "pptx"))
    sizes = {int(m) for m in re.findall(rb'sz="(\d+)"', zipfile.ZipFile(path).read("ppt/slides/slide2.xml"))}
    assert sizes and min(sizes) >= 1000


def test_shortened_text_is_in_the_speaker_notes(stress: AccountPlan, tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(lib.render(stress, "strategic-account-plan", "pptx"))
    prs = Presentation(str(path))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "SWOT Analysis")
    assert "…" in "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert stress.swot.threats[0] in slide.notes_slide.notes_text_frame.text


@pytest.mark.parametrize("family", list(DECKS))
def test_every_slide_has_speaker_notes(built: dict[str, Path], family: str) -> None:
    for slide in Presentation(str(built[f"{family}.pptx"])).slides:
        assert len(slide.notes_slide.notes_text_frame.text) > 40


@pytest.mark.parametrize("family", list(DECKS))
def test_blank_decks_show_hints_and_no_leftovers(built_blank: dict[str, Path], family: str) -> None:
    texts = deck_texts(built_blank[f"{family}.pptx"])
    joined = "\n".join(texts)
    assert "[Company name]" in joined and len(re.findall(r"\[[^\]]+\]", joined)) >= 10
    assert not LEFTOVERS.findall(joined)


def test_blank_charts_are_empty_frames_with_a_hint(built_blank: dict[str, Path]) -> None:
    prs = Presentation(str(built_blank["strategic-account-plan.pptx"]))
    assert not [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert "[The chart draws itself from the table: fill in the figures]" in "\n".join(
        deck_texts(built_blank["strategic-account-plan.pptx"])
    )


@pytest.mark.parametrize("family", list(DECKS))
def test_google_slides_safe_no_smartart_macros_or_embedded_fonts(built: dict[str, Path], family: str) -> None:
    names = zipfile.ZipFile(built[f"{family}.pptx"]).namelist()
    assert not [n for n in names if "diagram" in n or "vba" in n.lower() or n.startswith("ppt/fonts/")]


def test_values_are_exact_and_line_endings_clean(tmp_path: Path) -> None:
    value = 'AT&T <b> "q" {{ 7*7 }} شركة 北京 🚚'
    overview = "a\\r\\nb\\x07c"
    source = write_yaml(tmp_path, MINIMAL.replace("Test Account", f"'{value}'") + f'  overview: "{overview}"\n')
    loaded = lib.load_plan(source)
    path = tmp_path / "deck.pptx"
    path.write_bytes(lib.render(loaded.plan, "sales-account-plan", "pptx"))
    texts = deck_texts(path)
    assert texts[0].startswith(value)
    assert "a\nbc" in "\n".join(texts) or "a\vbc" in "\n".join(texts)
    xml = b"".join(zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist() if n.endswith(".xml"))
    assert b"_x000D_" not in xml and b"_x0007_" not in xml and b"49" not in xml.split(b"{{ 7*7 }}")[0][-5:]


def test_document_properties_hold_the_title_and_author_exactly(tmp_path: Path) -> None:
    value = 'AT&T <b> "q" شركة 北京 🚚 ' + "x" * 300
    source = write_yaml(tmp_path, MINIMAL.replace("Test Account", f"'{value}'"))
    plan = lib.load_plan(source).plan
    for family in ("sales-account-plan", "account-map"):
        path = tmp_path / f"{family}.pptx"
        path.write_bytes(lib.render(plan, family, "pptx"))
        props, meta = Presentation(str(path)).core_properties, document(plan, family).meta
        assert value[:40] in props.title and props.title == meta.title[:255]  # at most 255 characters: metadata
        assert (props.author, props.last_modified_by, props.revision) == (meta.author[:255], "accountplan", 1)
        assert props.created.date() == props.modified.date() == plan.plan.date


def test_every_slide_has_the_footer_and_its_number(built: dict[str, Path]) -> None:
    for number, text in enumerate(deck_texts(built["sales-account-plan.pptx"]), 1):
        assert "Halden Freight Group · Sales Account Plan · FY2027 (Jan–Dec 2027)" in text
        assert f"\n{number}" in text


def test_a_sparse_filled_plan_never_composes_placeholder_rows_into_sentences(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL)).plan
    path = tmp_path / "deck.pptx"
    path.write_bytes(lib.render(plan, "strategic-account-plan", "pptx"))
    text = "\n".join(deck_texts(path))
    assert "— —" not in text and "— (—)" not in text and "—: —" not in text
    assert "Industry Analysis" not in titles(path)  # a section without data gets no slide of dashes


def test_strategic_deck_opens_with_an_agenda_and_divides_its_chapters(built: dict[str, Path]) -> None:
    path = built["strategic-account-plan.pptx"]
    names = titles(path)
    agenda = deck_texts(path)[names.index("Agenda")]
    chapters = ("Summary and Company Overview", "The Customer and Its People", "Business and Opportunities")
    for chapter in (*chapters, "Plan Execution"):
        assert chapter in agenda and chapter in names
    assert names.index("Agenda") == 1 and names.index(chapters[1]) < names.index("Influence–Interest Matrix")


def test_lists_have_real_bullets_with_a_hanging_indent(built: dict[str, Path]) -> None:
    slide = Presentation(str(built["strategic-account-plan.pptx"])).slides[
        titles(built["strategic-account-plan.pptx"]).index("Business Overview")
    ]
    xml = "".join(s._element.xml for s in slide.shapes if s.has_text_frame)
    assert '<a:buChar char="•"/>' in xml and 'indent="-' in xml
    assert "• " not in "".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


@pytest.mark.parametrize("which", ["example", "second", "stress"])
def test_side_by_side_boxes_share_one_size_and_continuations_are_balanced(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    plan = request.getfixturevalue(which)
    findings = []
    for family in (f for f in FAMILIES if "pptx" in FAMILIES[f].formats):
        path = tmp_path / f"{family}.pptx"
        path.write_bytes(lib.render(plan, family, "pptx"))
        findings += render_check.deck_findings(path, path.name)
    assert not findings, "\n".join(map(str, findings))


def test_a_cover_leaves_out_what_the_plan_does_not_say(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL)).plan
    path = tmp_path / "deck.pptx"
    path.write_bytes(lib.render(plan, "account-map", "pptx"))
    cover = deck_texts(path)[0]
    assert "—" not in cover and "Version" not in cover


def _names(chart: Any) -> list[str]:
    """Return a chart's categories as written, before they were broken into lines to fit under their columns."""
    return [str(c).replace("-\n", "-").replace("\n", " ") for c in chart.plots[0].categories]
