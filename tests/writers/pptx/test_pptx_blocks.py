"""The PowerPoint writer lays out every block kind of any document, no family involved."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from generator.writers.pptx import build_deck
from tests.writers import sample
from tests.writers.pptx.pptx_pages import text_slide


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


def test_relationships_written_as_text_are_python_pptx_s_own() -> None:
    """Every relationship part of a deck is byte for byte what python-pptx writes (Office reads them)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    from generator.writers.pptx.graph import base_of, from_pptx, rels_xml

    prs = Presentation(io.BytesIO(build_deck(sample.document())))
    prs.slides[0].part.relate_to("https://example.com/a?b=1&c=2", RT.HYPERLINK, is_external=True)
    parts = from_pptx(prs.part.package)[1]
    for part in prs.part.package.iter_parts():
        if part._rels:
            assert rels_xml(parts[id(part)].rels, base_of(str(part.partname))) == part.rels.xml


def test_a_deck_is_what_python_pptx_writes_of_it() -> None:
    """Opened and saved again by python-pptx, a deck is the same member for member, in the same order: its parts,
    relationships and content types are written as python-pptx's object model writes them (the sample's charts,
    tables, org chart and notes; the example's four decks; the branded example's logos)."""
    import zipfile

    import generator as lib
    from generator.sources import read_brand, with_brand

    root = Path(__file__).resolve().parents[3]
    plan = lib.load_plan().plan
    branded = with_brand(plan, read_brand(root / "data" / "brand" / "nordwind.yaml"))
    decks = [build_deck(sample.document())]
    decks += [
        lib.render(p, family, "pptx") for p in (plan, branded) for family in ("strategic-account-plan", "account-map")
    ]

    def members(data: bytes) -> list[tuple[str, bytes]]:
        zipped = zipfile.ZipFile(io.BytesIO(data))
        return [(name, zipped.read(name)) for name in zipped.namelist()]

    for deck in decks:
        again = io.BytesIO()
        Presentation(io.BytesIO(deck)).save(again)
        assert members(deck) == members(again.getvalue())


def test_no_word_of_a_german_table_cell_is_broken_when_all_fit() -> None:
    """Befürworter*in stays whole: a deck column is as wide as its cells' longest word where all columns fit."""
    from pathlib import Path

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


def test_a_swatch_written_as_xml_is_python_pptx_s_own() -> None:
    """The org chart legend's colour squares are the shapes python-pptx's setters make, id and name included."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE

    from generator.writers.pptx.text import saved, swatch

    def drawn(ours: bool) -> bytes:
        prs = Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        made = text_slide(slide)[0]
        for left in (10, 500):
            if ours:
                swatch(made, (left, 20, 30, 30), "AABBCC")
                continue
            square = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, 20, 30, 30)
            square.fill.solid()
            square.fill.fore_color.rgb = RGBColor.from_string("AABBCC")  # type: ignore[no-untyped-call]
            square.line.fill.background()
        return saved(made) if ours else bytes(slide.part.blob)

    assert drawn(True) == drawn(False)


def test_shapes_written_into_a_saved_slide_as_text_are_the_bytes_lxml_writes() -> None:
    """Shapes and titles wait beside a slide as XML text and are written into it when the deck is saved: each slide
    is byte for byte the one made by parsing them into its tree (text boxes, tables, org charts, charts, markup in
    the text)."""
    from pptx.opc.oxml import serialize_part_xml

    import generator as lib
    from generator.writers.pptx.deck import laid_out
    from generator.writers.pptx.text import flush, saved

    plan = lib.load_plan().plan
    tricky = plan.model_copy(update={"account": plan.account.model_copy(update={"name": 'A&B <xmlns:p> "Co"'})})
    documents = [sample.document()] + [d for p in (plan, tricky) for d in lib.check(p) if "pptx" in d.formats()]
    waited = 0
    for document in documents:
        for slide in laid_out(document).slides:
            waited += len(slide.shapes)
            as_text = saved(slide)
            flush(slide)
            assert as_text == serialize_part_xml(slide.element)
    assert waited > 200  # most shapes did wait as text


def test_the_org_chart_legend_note_is_shown_in_full_in_every_language() -> None:
    """The decision-maker note beside the stance legend is never cut with an ellipsis (German and Russian ones take
    two lines), and it stays below the chart's boxes."""
    from pathlib import Path

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


@pytest.mark.parametrize(
    ("first", "added"),
    [("", []), ("", ["shortened"]), ("Say this.", ["A | B", "x"]), ("a\vb\n\nc & <d> \x01 \r\t", ["\v", "\n"])],
)
def test_notes_written_as_text_are_python_pptx_s_own(first: str, added: list[str]) -> None:
    """A slide's notes page, its notes put in when the deck is saved, is byte for byte what python-pptx's notes
    slide and text frame write, notes added later included (line and paragraph breaks, escapes, empty notes)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    from generator.writers.pptx.notes import notes_blob, notes_page
    from generator.writers.pptx.text import append_notes, notes_frame

    def page(ours: bool) -> bytes:
        prs = Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        if ours:
            made = text_slide(slide)[0]
            made.notes = first
            for text in added:
                append_notes(made, text)
            return notes_blob(notes_page(prs.part.notes_master_part.notes_master), made.notes)
        frame = notes_frame(slide.notes_slide)
        frame.text = first
        for text in added:
            frame.text = f"{frame.text}\n\n{text}" if frame.text else text
        return bytes(slide.part.part_related_by(RT.NOTES_SLIDE).blob)

    assert page(True) == page(False)


def test_a_default_notes_master_made_once_per_master_is_python_pptx_s_own() -> None:
    """Every deck of a master deck without a notes master gets python-pptx's default one (made once per process):
    the same parts, names and relationships python-pptx makes for a slide's notes."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    from generator import resources
    from generator.writers.pptx.deck import laid_out, loaded
    from generator.writers.pptx.graph import base_of, rels_xml

    master = loaded(resources.template_version("master.pptx"))
    prs = Presentation(io.BytesIO(resources.template("master.pptx")))
    prs.slides.add_slide(prs.slide_layouts[0]).notes_slide  # noqa: B018  # python-pptx makes the notes master
    theirs = prs.part.part_related_by(RT.NOTES_MASTER)
    canvas = laid_out(sample.document())
    ours = canvas.notes_master
    assert ours is not None and ours is laid_out(sample.document()).notes_master  # one per process
    pairs = [
        (ours, theirs),
        *zip((r.target for r in ours.rels.values()), (r.target_part for r in theirs.rels.values()), strict=True),
    ]
    for mine, python_pptx in pairs:
        assert not isinstance(mine, str)
        assert (mine.name, mine.data()) == (str(python_pptx.partname), python_pptx.blob)
        assert len(mine.rels) == len(python_pptx.rels)  # a part without any has no relationships written
        assert not mine.rels or rels_xml(mine.rels, base_of(mine.name)) == python_pptx.rels.xml
    assert master.notes is not None and master.notes[0] is ours


def test_org_chart_boxes_show_every_name_and_title_in_full_in_one_type_size() -> None:
    """A page with room below its boxes makes them taller rather than cutting a title to 'Chief Executive …', and
    every box on a page is set in the same size (the Rheintal example has long German names and titles)."""
    from pathlib import Path

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
    from pathlib import Path

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


def test_text_written_as_xml_is_escaped_as_python_pptx_escapes_it() -> None:
    """Markup characters and control characters (a bell, a form feed pasted from a CRM) reach a slide as
    python-pptx's own text setter writes them, so PowerPoint shows the text as it was given."""
    from lxml import etree
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import nsdecls
    from pptx.text.text import _Run

    from generator.writers.pptx.text import runs_xml

    for text in ("A & B <c> \"d\" 'e'", "bell\x07 form\x0c feed\x1f_x", "\x00\x01\x08\t tab", "Größe €"):
        run = parse_xml(f"<a:r {nsdecls('a')}><a:t/></a:r>")
        _Run(run, None).text = text  # type: ignore[arg-type]
        ours = parse_xml(f"<a:p {nsdecls('a')}>{runs_xml(text)}</a:p>")[0]
        assert etree.tostring(ours) == etree.tostring(run), text


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


def test_shapes_written_as_text_go_before_the_slide_s_own_extensions() -> None:
    """A master whose slides carry extensions in their shape tree (PowerPoint writes some) gets its shapes before
    them, where python-pptx puts them: the slide is the one parsing every shape in gives."""
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import nsdecls

    from generator.writers.pptx.text import flush, saved, swatch

    def drawn(as_text: bool) -> bytes:
        prs = Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes._spTree.append(parse_xml(f"<p:extLst {nsdecls('p')}><p:ext uri='x'/></p:extLst>"))
        made = text_slide(slide)[0]
        swatch(made, (10, 20, 30, 30), "AABBCC")
        if not as_text:
            flush(made)
        return saved(made)

    assert drawn(True) == drawn(False)
    assert drawn(True).index(b"AABBCC") < drawn(True).index(b"<p:extLst>")


def test_a_deck_s_parts_are_walked_and_named_as_python_pptx_walks_and_names_them() -> None:
    """The writer's own walk of a deck's parts gives python-pptx's order (the zip's member order) and the same next
    free part names, for a deck with charts, notes and an external link."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    from generator.writers.pptx.graph import from_pptx, next_partname, walk

    prs = Presentation(io.BytesIO(build_deck(sample.document())))
    prs.slides[0].part.relate_to("https://example.com/a", RT.HYPERLINK, is_external=True)
    package = prs.part.package
    rels = from_pptx(package)[0]
    assert [p.name for p in walk(rels)] == [str(p.partname) for p in package.iter_parts()]
    assert len(walk(rels)) > 20
    for template in (
        "/ppt/charts/chart%d.xml",
        "/ppt/slides/slide%d.xml",
        "/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx",
    ):
        assert next_partname(walk(rels), template) == type(package).next_partname(package, template)


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


def test_each_shape_takes_the_id_python_pptx_would_give_it() -> None:
    """Ids are counted on from a new slide's layout and kept while shapes are only taken out: the shapes added
    after the slide's own placeholders are numbered on from them, one more each (python-pptx's numbering)."""
    import generator as lib

    plan = lib.load_plan().plan
    for family in ("strategic-account-plan", "kam-action-plan"):
        for slide in Presentation(io.BytesIO(lib.render(plan, family, "pptx"))).slides:
            own = [shape.shape_id for shape in slide.shapes if shape.is_placeholder]
            added = [shape.shape_id for shape in slide.shapes if not shape.is_placeholder]
            assert added == list(range(added[0], added[0] + len(added))), (family, own, added)
            assert added[0] > max(own, default=1) and added[0] <= max(own, default=1) + 4, (family, own, added)


def test_a_master_with_its_own_slide_picture_and_notes_master_gives_decks_python_pptx_would_write(
    tmp_path: Path,
) -> None:
    """A user's master that already holds a slide (with a picture and notes) keeps it first in every deck; the
    decks' notes pages use its notes master, a logo with the same bytes as its picture is the same image part, and
    python-pptx, saving a deck again, writes every member the same."""
    import zipfile

    import generator as lib
    from generator import resources
    from generator.sources import read_brand, with_brand

    root = Path(__file__).resolve().parents[3]
    logo = root / "data" / "brand" / "nordwind-logo.png"
    prs = Presentation(io.BytesIO(resources.template("master.pptx")))
    slide = prs.slides.add_slide(prs.slide_layouts.get_by_name("Title Only"))
    slide.shapes.add_picture(str(logo), 100, 100)
    slide.notes_slide.notes_text_frame.text = "The master's own notes."
    prs.save(str(tmp_path / "master.pptx"))
    plan = with_brand(lib.load_plan().plan, read_brand(root / "data" / "brand" / "nordwind.yaml"))
    resources.use_templates(tmp_path)
    try:
        deck = lib.render(plan, "account-map", "pptx")
    finally:
        resources.use_templates(None)
    again = io.BytesIO()
    Presentation(io.BytesIO(deck)).save(again)
    ours, theirs = zipfile.ZipFile(io.BytesIO(deck)), zipfile.ZipFile(again)
    assert [(n, ours.read(n)) for n in ours.namelist()] == [(n, theirs.read(n)) for n in theirs.namelist()]
    made = Presentation(io.BytesIO(deck))
    assert made.slides[0].notes_slide.notes_text_frame.text == "The master's own notes."
    assert len(made.slides) > 3 and all(s.has_notes_slide for s in made.slides)
    assert [n for n in ours.namelist() if n.startswith("ppt/media/")] == ["ppt/media/image1.png"]
    assert len([n for n in ours.namelist() if n.startswith("ppt/notesMasters/notesMaster")]) == 1
