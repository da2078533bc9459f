"""Outputs are deterministic and written atomically."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest

import generator as lib
from generator.files import write_atomic
from generator.model.plan import AccountPlan


def test_two_builds_are_byte_identical(tmp_path: Path, example: AccountPlan) -> None:
    first = {o.path.name: o.path.read_bytes() for o in lib.generate(example, tmp_path / "a")}
    second = {o.path.name: o.path.read_bytes() for o in lib.generate(example, tmp_path / "b")}
    assert first == second and len(first) >= 5


def test_zip_entries_have_fixed_timestamps(built: dict[str, Path]) -> None:
    for path in built.values():
        with zipfile.ZipFile(path) as package:
            assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_blank_is_deterministic_too(tmp_path: Path) -> None:
    first = lib.render(lib.blank_plan(), "kam-action-plan", "docx")
    assert first == lib.render(lib.blank_plan(), "kam-action-plan", "docx")


def test_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old contents")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, b"new contents")
    assert target.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_packages_are_zips_any_tool_reads_the_same_way_as_zipfile_writes_them() -> None:
    """The package writer's archive is byte for byte what Python's zipfile writes, except that the parts written
    anew for every account are deflated by ISA-L: every zip reader opens it and finds the same parts."""
    import io
    import zipfile

    from isal import isal_zlib

    from generator.writers.package import FAST_LEVEL, ZIP_TIME, package, written_anew

    text = "".join(f"<a:p><a:r><a:t>{i * 7919 % 1000} value {i % 7}</a:t></a:r></a:p>" for i in range(2000))
    template = [
        ("[Content_Types].xml", b"<Types/>"),
        ("ppt/slideLayouts/slideLayout1.xml", text.encode()),  # a template's: deflated once, at zipfile's default
        ("docProps/app.xml", "<Properties>é</Properties>".encode()),
    ]
    anew = [
        ("word/document.xml", "<w:document>é</w:document>".encode()),
        ("ppt/slides/slide1.xml", text.encode()),  # written anew for every account: deflated fast
    ]
    assert [written_anew(name) for name, _ in template + anew] == [False, False, False, True, True]
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in template:
            entry = zipfile.ZipInfo(name, ZIP_TIME)
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(entry, body)
    assert package(template, None) == expected.getvalue()
    made = package(template + anew, None)
    archive = zipfile.ZipFile(io.BytesIO(made))
    assert archive.testzip() is None
    assert [(i.filename, archive.read(i), i.date_time, i.external_attr) for i in archive.infolist()] == [
        (name, body, ZIP_TIME, 0o644 << 16) for name, body in template + anew
    ]
    fast = isal_zlib.compress(text.encode(), FAST_LEVEL, -15)
    assert archive.getinfo("ppt/slides/slide1.xml").compress_size == len(fast) < len(text) / 10
    assert fast in made


def test_a_template_part_met_again_is_copied_as_deflated_not_deflated_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts the same in every document (themes, styles, layouts) cost nothing after the second document."""
    from tests.conftest import pure_module

    packaging = pure_module("generator.writers.package")  # its own calls spied on
    theme = b"<a:theme>" + b"x" * 5000 + b"</a:theme>"
    for _ in range(2):
        packaging.package([("ppt/theme/theme1.xml", theme)], None, "en-US")
    deflated: list[bytes] = []
    real = packaging._member

    def spied(body: bytes, *fast: bool) -> object:
        deflated.append(body)
        return real(body, *fast)

    monkeypatch.setattr(packaging, "_member", spied)
    parts = [("ppt/theme/theme1.xml", theme), ("docProps/core.xml", b"<cp:coreProperties/>")]
    first = packaging.package(parts, None, "en-US")
    assert deflated == [b"<cp:coreProperties/>"]
    assert first == packaging.package(parts, None, "en-US")


def test_a_long_part_written_anew_is_deflated_at_once_and_a_short_one_remembered() -> None:
    """An account's own long parts (its slides, sheets, Word body) are deflated without being kept or looked up
    (the memo of template parts holds none of them), short ones (a blank sheet, a notes page) are remembered; the
    package is the same bytes either way."""
    from tests.conftest import pure_module

    packaging = pure_module("generator.writers.package")
    long, short = b"<p:sld>" + b"y" * packaging.OWN_PART + b"</p:sld>", b"<p:notes>z</p:notes>"
    parts = [("ppt/slides/slide1.xml", long), ("ppt/notesSlides/notesSlide1.xml", short)]
    made = [packaging.package(parts, None, "de-DE") for _ in range(3)]
    assert made[0] == made[1] == made[2]
    remembered = [body for _, body in packaging._PACKED]
    assert short in remembered and long not in remembered
    with zipfile.ZipFile(io.BytesIO(made[0])) as package:
        assert package.read("ppt/slides/slide1.xml") == long  # no run: nothing to declare


@pytest.mark.parametrize(
    "xml",
    [
        b'<a:p><a:r><a:rPr sz="1400" b="1"><a:solidFill/></a:rPr><a:t>x</a:t></a:r><a:endParaRPr/></a:p>',
        b"<a:p><a:pPr><a:defRPr></a:defRPr></a:pPr><a:r><a:rPr/><a:t>rPr lang</a:t></a:r><a:rPrX/></a:p>",
        b'<a:p><a:r><a:rPr lang="en-US" sz="1400"/></a:r><a:r><a:rPr\nlang="fr-FR"/></a:r><a:r><a:rPr/></a:r></a:p>',
    ],
)
def test_every_drawn_run_is_declared_in_the_document_s_language_once(xml: bytes) -> None:
    """Every run of a slide or chart says its language exactly once, first (spell-checking in German or French);
    the same whether the part had a language on some run before or not."""
    import re

    from generator.writers import package

    declared = package.declare_language(xml, b"de-DE")
    starts = re.findall(rb"<a:(?:rPr|endParaRPr|defRPr)\b[^>]*>", declared)
    assert starts and all(re.findall(rb'\slang="([^"]*)"', tag) == [b"de-DE"] for tag in starts)
    assert declared == package._DRAWN_RUN.sub(lambda run: package._tagged(run.group(), b"de-DE"), xml)
    assert b"<a:rPrX/>" in declared or b"<a:rPrX/>" not in xml


def test_a_worksheet_s_text_is_never_taken_for_language_markup() -> None:
    """Cell text that looks like markup is escaped text: a worksheet is zipped as it is in any language."""
    from generator.writers import package

    sheet = b'<worksheet><c t="inlineStr"><is><t>&lt;a:rPr&gt; lang="x" w:lang w:val="y"</t></is></c></worksheet>'
    part = [("xl/worksheets/sheet1.xml", sheet)]
    assert package.package(part, None, "de-DE") == package.package(part, None)
    assert package.declare_language(sheet, b"de-DE") == sheet


def test_word_and_chart_parts_are_declared_in_the_document_s_language() -> None:
    """Word's default language, its theme font language and a chart's language all become the document's."""
    from generator.writers import package

    word = b'<w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:themeFontLang w:val="en-GB"/><w:langX/>'
    assert package.declare_language(word, b"de-DE") == (
        b'<w:rPr><w:lang w:val="de-DE" w:eastAsia="zh-CN"/></w:rPr><w:themeFontLang w:val="de-DE"/><w:langX/>'
    )
    chart = b'<c:chartSpace><c:lang val="en-US"/><a:defRPr sz="1200"/></c:chartSpace>'
    assert package.declare_language(chart, b"fr-FR") == (
        b'<c:chartSpace><c:lang val="fr-FR"/><a:defRPr lang="fr-FR" sz="1200"/></c:chartSpace>'
    )


def test_a_part_s_name_spares_looking_for_other_kinds_languages_with_the_same_result() -> None:
    """Every part of the example's thirteen files is declared in German the same whether its name says what kind
    of part it is (Word's language looked for in Word parts only, a chart's in charts only) or not."""
    from generator.writers import package

    plan = lib.load_plan().plan
    checked = 0
    for family, formats in lib.families_table().items():
        for fmt in formats:
            with zipfile.ZipFile(io.BytesIO(lib.render(plan, family, fmt))) as made:
                for name in made.namelist():
                    if name.startswith(("word/", "ppt/", "xl/")) and name.endswith(".xml"):
                        body = made.read(name)
                        assert package.declare_language(body, b"de-DE", name) == package.declare_language(
                            body, b"de-DE"
                        ), name
                        checked += 1
    assert checked > 300


@pytest.mark.parametrize(
    "partname",
    ["/ppt/slides/slide12.xml", "/ppt/presentation.xml", "/word/document.xml", "/docProps/core.xml", "/a.xml"],
)
def test_a_part_s_relationships_are_named_as_the_office_libraries_name_them(partname: str) -> None:
    from docx.opc.packuri import PackURI as WordURI
    from pptx.opc.packuri import PackURI

    from generator.writers.package import rels_member

    assert rels_member(partname) == PackURI(partname).rels_uri.membername == WordURI(partname).rels_uri.membername


def test_a_short_part_written_anew_is_deflated_by_zlib_and_a_long_one_by_isal() -> None:
    """ISA-L is not deterministic for short parts (one process now and then deflated a sheet's 237-byte relationship
    part differently): a short part written anew is deflated as zlib deflates it, a long one as ISA-L does."""
    from isal import isal_zlib

    from generator.writers.package import FAST_LEVEL, ISAL_SHORTEST, SHORT_LEVEL, package

    short = b'<Relationships><Relationship Target="/xl/tables/table3.xml" Id="rId1"/></Relationships>'
    long = b"<worksheet>" + b"".join(b'<c r="A%d"><v>%d</v></c>' % (i, i * 7919) for i in range(900)) + b"</worksheet>"
    assert len(short) < ISAL_SHORTEST <= len(long)
    made = package([("xl/worksheets/_rels/sheet1.xml.rels", short), ("xl/worksheets/sheet1.xml", long)], None)
    assert zlib.compress(short, SHORT_LEVEL, -15) in made
    assert isal_zlib.compress(long, FAST_LEVEL, -15) in made
