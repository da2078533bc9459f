"""The PowerPoint writer lays out every block kind of any document, no family involved."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from generator.writers.pptx import build_deck
from tests.writers import sample


def slides() -> list[str]:
    """Return the text of each slide of the sample deck."""
    prs = Presentation(io.BytesIO(build_deck(sample.document())))
    texts = []
    for slide in prs.slides:
        parts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        parts += [c.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells]
        texts.append("\n".join(parts))
    return texts


def test_one_slide_per_section_after_the_title() -> None:
    texts = slides()
    assert len(texts) == 8 and texts[0].startswith("Sample Co")


def test_each_kind_shows_its_content() -> None:
    text = "\n".join(slides())
    for value in ("1K", "Owner: Ada Sample", "1. a", "Box 2", "Champions (1)", "★ Boss", "Group B", "Basalt deal"):
        assert value in text, value


def test_the_chart_is_native() -> None:
    prs = Presentation(io.BytesIO(build_deck(sample.document())))
    assert any(shape.has_chart for slide in prs.slides for shape in slide.shapes)


def test_no_word_of_a_german_table_cell_is_broken_when_all_fit() -> None:
    """Befürworter*in stays whole: a deck column is as wide as its cells' longest word where all columns fit."""

    import generator as lib
    from generator.writers.pptx.text import INSET_X
    from generator.writers.textfit import EMU_PER_PT, text_width

    plan = lib.load_plan(Path(__file__).resolve().parents[3] / "data" / "examples" / "halden-freight-de.yaml").plan
    prs = Presentation(io.BytesIO(lib.render(plan, "account-map", "pptx")))
    tables = [s.table for slide in prs.slides for s in slide.shapes if s.has_table]
    assert tables
    for table in tables:
        for row in list(table.rows)[1:]:
            for cell, column in zip(row.cells, table.columns, strict=True):
                size = cell.text_frame.paragraphs[0].runs[0].font.size.pt if cell.text else 12
                room = (column.width - 2 * INSET_X) / EMU_PER_PT
                assert all(text_width(word, size) <= room for word in cell.text.split()), cell.text


def test_the_org_chart_legend_note_is_shown_in_full_in_every_language() -> None:
    """The decision-maker note beside the stance legend is never cut with an ellipsis (German and Russian ones take
    two lines), and it stays below the chart's boxes."""

    import generator as lib
    from generator.catalog import find_catalog

    source = Path(__file__).resolve().parents[3] / "data" / "examples" / "halden-freight-ru.yaml"
    for language in ("en", "de", "fr", "ru"):
        plan = lib.in_language(lib.load_plan(source).plan, language)
        note = find_catalog(language).label("decision_mark_legend")
        prs = Presentation(io.BytesIO(lib.render(plan, "account-map", "pptx")))
        slide = next(s for s in prs.slides if any(note in sh.text_frame.text for sh in s.shapes if sh.has_text_frame))
        box = next(sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text == note)
        people = [sh for sh in slide.shapes if sh.has_text_frame and sh.shape_type == 1 and sh.top < box.top]
        assert people and all(p.top + p.height <= box.top for p in people), language


def test_org_chart_boxes_show_every_name_and_title_in_full_in_one_type_size() -> None:
    """A page with room below its boxes makes them taller rather than cutting a title to 'Chief Executive …', and
    every box on a page is set in the same size (the Rheintal example has long German names and titles)."""

    import generator as lib

    plan = lib.load_plan(Path(__file__).resolve().parents[3] / "data" / "examples" / "rheintal-kliniken.yaml").plan
    people = {s.name: s.title for s in plan.stakeholders}
    prs = Presentation(io.BytesIO(lib.render(plan, "account-map", "pptx")))
    pages = 0
    for slide in prs.slides:
        texts = [(s, s.text_frame.text.lstrip("★ ").split("\n")) for s in slide.shapes if s.has_text_frame]
        boxes = [shape for shape, lines in texts if lines[0] in people]
        if len(boxes) < 2:
            continue
        pages += 1
        for box in boxes:
            name, title = box.text_frame.text.lstrip("★ ").split("\n")
            assert title == people[name] and "…" not in box.text_frame.text, box.text_frame.text
        sizes = {r.font.size for box in boxes for p in box.text_frame.paragraphs[:1] for r in p.runs}
        assert len(sizes) == 1, sizes
    assert pages == 5


def test_every_shape_on_a_slide_has_its_own_id() -> None:
    """Shapes written as XML and shapes python-pptx adds (charts, pictures) never share an id on a slide, even when
    a placeholder is removed in between (PowerPoint repairs a deck whose ids repeat)."""
    import generator as lib

    plan = lib.load_plan().plan
    for family in ("strategic-account-plan", "account-map"):
        prs = Presentation(io.BytesIO(lib.render(plan, family, "pptx")))
        for slide in prs.slides:
            ids = [shape.shape_id for shape in slide.shapes]
            assert len(ids) == len(set(ids)), (family, ids)


def test_decks_share_the_master_s_parts_and_never_change_them() -> None:
    """Every deck reuses the loaded master's layouts, masters and themes (not copies): decks with charts, notes,
    tables and org charts leave them as loaded, so the next deck starts from the same master."""
    import generator as lib
    from generator import resources
    from generator.writers.pptx.deck import laid_out, loaded

    master = loaded(resources.template_version("master.pptx"))
    before = {part.name: (part.data(), dict(part.rels)) for part in master.parts.values()}
    plan = lib.load_plan().plan
    for family in ("strategic-account-plan", "account-map"):
        lib.render(plan, family, "pptx")
    canvas = laid_out(sample.document())
    assert {part.name: (part.data(), dict(part.rels)) for part in master.parts.values()} == before
    mine = {id(part) for part in canvas.parts()}
    layouts = {id(part) for part in master.parts.values() if part.name.startswith("/ppt/slideLayouts/")}
    assert layouts <= mine and id(master.presentation) not in mine and id(master.core) not in mine


@pytest.mark.parametrize("example", ["halden-freight-de", "halden-freight-ru", "rheintal-kliniken"])
def test_no_word_of_an_org_chart_box_is_broken_in_two(example: str) -> None:
    """A level holds fewer boxes side by side when a box could not hold a name's or title's longest word at the
    smallest type: "Leiter Unternehmensarchitektur" is never shown as "Unternehmensarchite" over "ktur"."""

    import generator as lib
    from generator.writers.pptx.text import INSET_X
    from generator.writers.textfit import BOLD, EMU_PER_PT, longest_word

    plan = lib.load_plan(Path(__file__).resolve().parents[3] / "data" / "examples" / f"{example}.yaml").plan
    people = {s.name for s in plan.stakeholders}
    prs = Presentation(io.BytesIO(lib.render(plan, "account-map", "pptx")))
    boxes = [
        shape
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame and shape.text_frame.text.lstrip("★ ").split("\n")[0] in people
    ]
    assert len(boxes) >= len(people)
    for box in boxes:
        room = (box.width - 2 * INSET_X) / EMU_PER_PT
        for paragraph in box.text_frame.paragraphs:
            size = paragraph.runs[0].font.size.pt
            words = paragraph.text.replace("-", "- ")  # a line may break after a hyphen
            widest = longest_word(words, size * (BOLD if paragraph.runs[0].font.bold else 1.0))
            assert widest <= room, (paragraph.text, widest, room)


def test_a_long_deck_costs_in_proportion_to_its_slides(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each new slide is related to the presentation without searching all of its relationships (python-pptx's
    relate_to does: a deck of a thousand slides, an org chart of 3,000 people, cost the square of its length)."""
    import yaml
    from pptx.opc.package import _Relationships

    import generator as lib
    from generator.model.validation import validate_data
    from tests.conftest import EXAMPLE
    from tests.stress import grown

    plan = validate_data(grown(yaml.safe_load(EXAMPLE.read_text("utf-8")), 300, 0)).plan
    assert plan is not None
    searched: list[int] = []
    search = _Relationships._get_matching

    def counted(rels: _Relationships, *a: Any, **k: Any) -> Any:
        searched.append(len(rels))
        return search(rels, *a, **k)

    monkeypatch.setattr(_Relationships, "_get_matching", counted)
    prs = Presentation(io.BytesIO(lib.render(plan, "account-map", "pptx")))
    assert len(prs.slides) > 60
    long_searches = [count for count in searched if count > 20]  # a slide's or notes page's own few: searched
    assert len(long_searches) <= 3  # python-pptx makes each layout's first slide of the process, the rest are ours


def test_a_size_too_large_for_one_slide_at_a_glance_is_skipped_with_the_same_deck(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A table whose rows could not fit one slide even at one line each skips straight to a smaller size, and one
    laid out at a size is given up at its second slide: the slides are the ones laying it out wholly at every
    size gives."""
    import yaml

    from generator.families import document
    from generator.model.validation import validate_data
    from tests.conftest import EXAMPLE, pure_module
    from tests.stress import grown

    plan = validate_data(grown(yaml.safe_load(EXAMPLE.read_text("utf-8")), 60, 80)).plan
    assert plan is not None
    table = pure_module("generator.writers.pptx.table")  # its own calls spied on
    deck = pure_module("generator.writers.pptx.deck")  # lays tables out with the spied copy
    monkeypatch.setattr(deck, "table_slide", table.table_slide)
    documents = [document(plan, family) for family in ("strategic-account-plan", "kam-action-plan")]
    probes: list[float] = []
    height = table.row_height

    def measured(texts: list[str], widths: list[int], size: float) -> int:
        if texts == [""] and len(widths) == 1:
            probes.append(size)
        found: int = height(texts, widths, size)
        return found

    laid: list[int] = []
    lay = table._lay

    def counted(*args: object) -> object:
        laid.append(1)
        return lay(*args)

    monkeypatch.setattr(table, "_lay", counted)
    monkeypatch.setattr(table, "row_height", measured)
    glanced = [deck.build_deck(d) for d in documents]
    assert probes
    rows_laid, laid[:] = len(laid), []
    monkeypatch.setattr(table, "row_height", lambda t, w, s: 0 if t == [""] and len(w) == 1 else height(t, w, s))
    assert [deck.build_deck(d) for d in documents] == glanced
    given_up, laid[:] = len(laid), []  # no glance: a size given up at its second slide
    wholly = table._laid
    monkeypatch.setattr(table, "_laid", lambda shown, of, laying, whole=False: wholly(shown, of, laying, True))
    assert [deck.build_deck(d) for d in documents] == glanced
    assert rows_laid < given_up < len(laid) and rows_laid < len(laid) * 0.7  # laid at one size, not three


def test_no_slide_keeps_an_empty_content_placeholder() -> None:
    """Content boxes are taken out of every slide that does not fill them (found once per layout, by their place
    in a new slide): PowerPoint would show 'Click to add text' in each left behind."""
    import generator as lib
    from generator.writers.pptx.master import BODY

    plan = lib.load_plan().plan
    for family in ("strategic-account-plan", "sales-account-plan", "account-map", "kam-action-plan"):
        for slide in Presentation(io.BytesIO(lib.render(plan, family, "pptx"))).slides:
            left = [s.name for s in slide.placeholders if s.placeholder_format.idx in BODY and not s.has_text_frame]
            empty = [s.name for s in slide.placeholders if s.has_text_frame and not s.text_frame.text.strip()]
            assert not left and not empty, (family, slide.slide_id, left, empty)
