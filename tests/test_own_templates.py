"""A user's own templates: exported from the bundled ones, restyled, checked before anything builds, used by
every worker of a batch; a broken folder refused with one message per problem and the file it is in."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from generator import resources
from generator.cli import main
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _bundled_afterwards() -> object:
    """Leave the process on the bundled templates whatever a test chose."""
    yield
    resources.use_templates(None)


def run(*args: str) -> tuple[int, str, str]:
    """Return exit code, stdout and stderr of one command."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def edit(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one member of an Office package in place."""
    with zipfile.ZipFile(path) as package:
        members = [(info, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for info, body in members:
            package.writestr(info, change(body) if info.filename == member else body)


def test_exported_templates_build_exactly_what_the_bundled_ones_build(tmp_path: Path) -> None:
    code, out, _ = run("templates", "export", str(tmp_path / "mine"))
    assert code == 0 and out.count("wrote") == 6
    assert run("templates", "check", str(tmp_path / "mine"))[0] == 0
    assert run("build", "-o", str(tmp_path / "bundled"), "--family", "account-map")[0] == 0
    assert (
        run("build", "-o", str(tmp_path / "own"), "--family", "account-map", "--templates", str(tmp_path / "mine"))[0]
        == 0
    )
    for path in (tmp_path / "bundled").glob("*/*"):
        assert path.read_bytes() == (tmp_path / "own" / path.parent.name / path.name).read_bytes(), path.name


def test_a_restyled_template_changes_the_documents_of_every_worker(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    run("templates", "export", str(mine))
    edit(mine / "account-map.docx", "word/styles.xml", lambda xml: xml.replace(b"1F3864", b"7A1F5C"))
    edit(mine / "master.pptx", "ppt/theme/theme1.xml", lambda xml: xml.replace(b"<a:dk2>", b"<a:dk2><!--mine-->", 1))
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("a", "b"):
        text = (ROOT / "data" / "example.yaml").read_text(encoding="utf-8")
        (sources / f"{name}.yaml").write_text(text.replace("Halden Freight Group", f"Account {name.upper()}"))
    args = ["build", str(sources), "-o", str(tmp_path / "out"), "--family", "account-map", "--jobs", "2"]
    code, _, err = run(*args, "--templates", str(mine), "--quiet")
    assert code == 0, err
    for word in (tmp_path / "out").glob("*/account-map.docx"):
        assert b"7A1F5C" in zipfile.ZipFile(word).read("word/styles.xml")
    decks = list((tmp_path / "out").glob("*/account-map.pptx"))
    assert len(decks) == 2 and all(b"<!--mine-->" in zipfile.ZipFile(d).read("ppt/theme/theme1.xml") for d in decks)


def test_a_broken_template_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    run("templates", "export", str(mine))
    unknown = b"<w:p><w:r><w:t>{{ S.nosuch.title }}</w:t></w:r></w:p></w:body>"
    edit(mine / "account-map.docx", "word/document.xml", lambda xml: xml.replace(b"</w:body>", unknown))
    broken = b"<w:p><w:r><w:t>{% for x in %}</w:t></w:r></w:p></w:body>"
    edit(mine / "kam-action-plan.docx", "word/document.xml", lambda xml: xml.replace(b"</w:body>", broken))
    master = Presentation(str(mine / "master.pptx"))
    next(layout for layout in master.slide_layouts if layout.name == "Chart").name = "Diagramm"
    master.save(str(mine / "master.pptx"))
    (mine / "notes.docx").write_bytes((mine / "simple-account-plan.docx").read_bytes())
    code, _, err = run("build", "-o", str(tmp_path / "out"), "--templates", str(mine))
    assert code == 1 and not (tmp_path / "out").exists()
    lines = err.strip().splitlines()
    assert len(lines) == 4
    assert "master.pptx: the layout 'Chart' is missing" in err
    assert "account-map.docx: a tag names 'nosuch', which this family does not provide" in err
    assert "kam-action-plan.docx: the template is not valid Jinja" in err
    assert "notes.docx: not a template of a family with a Word document" in err


def test_a_missing_template_folder_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("blank", "-o", str(tmp_path), "--templates", str(tmp_path / "nowhere"))
    assert code == 1 and "no such template folder" in err


def account_maps_of_two_accounts(tmp_path: Path, templates: Path) -> list[Path]:
    """Build the account maps of two accounts (Rheintal-Kliniken and Seeblick-Kliniken) in one worker with a
    template folder; return them."""
    sources = tmp_path / "sources"
    sources.mkdir()
    example = (ROOT / "data" / "examples" / "rheintal-kliniken.yaml").read_text("utf-8")
    (sources / "a.yaml").write_text(example, "utf-8")
    (sources / "b.yaml").write_text(example.replace("Rheintal-Kliniken", "Seeblick-Kliniken"), "utf-8")
    out = tmp_path / "out"
    arguments = ("build", str(sources), "-o", str(out), "--family", "account-map", "--jobs", "1")
    assert run(*arguments, "--templates", str(templates))[0] == 0
    return sorted(out.glob("*/account-map.docx"))


def test_a_template_s_document_properties_are_its_own_and_rendered_for_each_document(tmp_path: Path) -> None:
    """A property written in the template stays in every document; one with template code is rendered for each
    document of the batch, never the last one's value; the title and author are each document's own."""
    from docx import Document

    mine = tmp_path / "mine"
    run("templates", "export", str(mine))
    edit(
        mine / "account-map.docx",
        "docProps/core.xml",
        lambda xml: xml.replace(b"<dc:subject/>", b"<dc:subject>{{ cover.subtitle|join(' / ') }}</dc:subject>").replace(
            b"<dc:description></dc:description>", b"<dc:description>Prepared by Sales Ops</dc:description>"
        ),
    )
    documents = account_maps_of_two_accounts(tmp_path, mine)
    assert len(documents) == 2
    subjects = []
    for path in documents:
        props = Document(str(path)).core_properties
        assert props.comments == "Prepared by Sales Ops"
        assert ("Seeblick" in props.subject) == ("seeblick" in path.parent.name) and "Kliniken" in props.title
        subjects.append(props.subject)
    assert len(set(subjects)) == 2 and all(subjects)


FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def with_footnotes(path: Path, text: str) -> None:
    """Give a Word template a footnotes part holding text (as Word keeps footnotes)."""
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r>'
        f"<w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    with zipfile.ZipFile(path) as package:
        members = {info.filename: package.read(info.filename) for info in package.infolist()}
    members["word/footnotes.xml"] = footnotes
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/></Types>'.encode()
    )
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rId999" Type="{FOOTNOTES_RELATIONSHIP}" Target="footnotes.xml"/></Relationships>'.encode(),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in members.items():
            package.writestr(name, body)


def test_a_template_s_footnotes_are_rendered_for_each_document(tmp_path: Path) -> None:
    """Footnotes with template code are rendered for each document of a batch, each with its own account."""
    mine = tmp_path / "mine"
    run("templates", "export", str(mine))
    with_footnotes(mine / "account-map.docx", "Source: {{ cover.subtitle|join(' / ') }}")
    documents = account_maps_of_two_accounts(tmp_path, mine)
    assert len(documents) == 2
    for path in documents:
        footnotes = zipfile.ZipFile(path).read("word/footnotes.xml").decode()
        name = "Seeblick" if "seeblick" in path.parent.name else "Rheintal"
        assert f"{name}-Kliniken" in footnotes and "Source: " in footnotes and "{{" not in footnotes


def test_a_master_whose_presentation_is_written_unlike_powerpoint_s_is_refused_with_a_message(tmp_path: Path) -> None:
    """A master whose presentation part declares its relationships' namespace elsewhere than PowerPoint does (so a
    deck's slides could not be listed as text) is refused with a message naming it, never a traceback."""
    mine = tmp_path / "mine"
    run("templates", "export", str(mine))
    r = b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

    def moved(xml: bytes) -> bytes:
        return xml.replace(r, b"", 1).replace(b"<p:sldMasterId ", b"<p:sldMasterId" + r + b" ", 1)

    edit(mine / "master.pptx", "ppt/presentation.xml", moved)
    code, _, err = run("build", "-o", str(tmp_path / "out"), "--templates", str(mine), "--family", "account-map")
    assert code == 1 and "Traceback" not in err
    assert "master.pptx: its presentation part is not written as PowerPoint writes it" in err
