"""What the PowerPoint writer writes as text (slides, notes, relationships, parts) is what python-pptx would write."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from generator.writers.pptx import build_deck
from tests.writers import sample
from tests.writers.pptx.pptx_pages import text_slide


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
