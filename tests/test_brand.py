"""The seller's brand: company, logo, colours and fonts from the source or a shared brand file change every family
in every format; what cannot be used as given is refused with where it is, or adjusted with a warning."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

import generator as lib
from generator.cli import main
from generator.document import theme
from generator.writers import fonts
from generator.writers.textfit import measured_in, text_width
from tests.conftest import EXAMPLE

needs_dejavu = pytest.mark.skipif(fonts.find("DejaVu Sans") is None, reason="the DejaVu fonts are not installed")


def brand_folder(tmp_path: Path, colours: str = '{primary: "#7A1F5C", accent: "#0B6E4F"}') -> Path:
    """Write a brand file with a logo into tmp_path/brand; return the brand file."""
    folder = tmp_path / "brand"
    folder.mkdir()
    Image.new("RGB", (300, 100), (122, 31, 92)).save(folder / "logo.png")
    fonts = "fonts: {heading: DejaVu Serif, body: DejaVu Sans}\n"
    text = f"company: Nordwind Systems\nlogo: logo.png\ncolors: {colours}\n{fonts}"
    (folder / "brand.yaml").write_text(text, encoding="utf-8")
    return folder / "brand.yaml"


def parts(path: Path) -> dict[str, bytes]:
    """Return every member of an Office package."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@needs_dejavu
def test_a_brand_file_changes_every_family_in_every_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "out"), "--brand", str(brand_folder(tmp_path))])
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "out").glob("*/*.*"))
    assert len(files) == 13
    for path in files:
        members = parts(path)
        xml = b"".join(body for name, body in members.items() if name.endswith(".xml"))
        assert b"7A1F5C" in xml and theme.NAVY.encode() not in xml, path.name
        assert b"DejaVu Sans" in xml and b'"Calibri"' not in xml, path.name
        pictures = [n for n in members if re.search(r"media/image\d+\.png$", n)]
        assert pictures, f"{path.name} shows the logo"
    deck = parts(next(p for p in files if p.name == "account-map.pptx"))
    slides = [n for n in deck if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert all(b"<p:pic>" in deck[n] for n in slides), "the logo is in every slide's footer"
    word = parts(next(p for p in files if p.name == "account-map.docx"))
    assert b"<pic:pic" in word["word/document.xml"] and any(
        b"<pic:pic" in body for n, body in word.items() if "header" in n
    )
    sheet = parts(next(p for p in files if p.name == "account-map.xlsx"))
    assert any(n.startswith("xl/drawings/") for n in sheet) and b"Nordwind Systems" in sheet["xl/worksheets/sheet1.xml"]


def test_without_a_brand_nothing_changes(tmp_path: Path) -> None:
    plan = lib.load_plan().plan
    assert plan.brand.is_empty
    branded = lib.with_brand(plan, None)
    assert lib.render(branded, "account-map", "pptx") == lib.render(plan, "account-map", "pptx")


def test_a_brand_section_in_the_source_is_read_with_its_logo(tmp_path: Path) -> None:
    brand_folder(tmp_path)
    source = tmp_path / "brand" / "account.yaml"
    text = (
        EXAMPLE.read_text(encoding="utf-8")
        + '\nbrand:\n  company: Nordwind\n  logo: logo.png\n  colors: {primary: "#0B3D91"}\n'
    )
    source.write_text(text, encoding="utf-8")
    plan = lib.load_plan(source).plan
    assert plan.brand.colors.primary == "0B3D91" and plan.picture("logo.png")
    assert b"0B3D91" in parts_of(lib.render(plan, "account-map", "docx"))


def parts_of(data: bytes) -> bytes:
    """Return the XML of a package in memory, joined."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return b"".join(package.read(n) for n in package.namelist() if n.endswith(".xml"))


def test_a_bad_brand_file_is_refused_with_where_each_problem_is(tmp_path: Path) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "brand.yaml").write_text('company: X\nlogo: ../secret.png\ncolors: {primary: "#12345"}\nfont: {}\n')
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "out"), "--brand", str(folder / "brand.yaml")])
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    assert "brand.yaml:3:10: colors.primary: expected a colour like \"#7A1F5C\"; got '#12345'" in result.stderr
    assert "brand.yaml:4:1: font: unknown key 'font'" in result.stderr


def test_a_logo_outside_the_brand_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "brand.yaml").write_text("logo: ../secret.png\n")
    Image.new("RGB", (10, 10)).save(tmp_path / "secret.png")
    result = CliRunner().invoke(main, ["blank", "-o", str(tmp_path / "out"), "--brand", str(folder / "brand.yaml")])
    assert result.exit_code == 1 and "logo: expected a picture inside the source's folder" in result.stderr


def test_a_light_colour_is_darkened_for_white_text_with_a_warning(tmp_path: Path) -> None:
    shared = lib.read_brand(brand_folder(tmp_path, '{primary: "#F2A900"}'))
    plan = lib.with_brand(lib.load_plan().plan, shared)
    warnings = [str(w) for w in lib.brand_warnings(plan)]
    assert any("brand.colors.primary: white text on #F2A900 reads at 2.0:1; darkened to #9D6E00" in w for w in warnings)
    assert theme.contrast(theme.WHITE, "9D6E00") >= 4.5
    assert b"9D6E00" in parts_of(lib.render(plan, "account-map", "pptx"))


def test_a_font_that_is_not_installed_is_measured_as_the_house_font_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "brand.yaml"
    path.write_text("fonts: {body: No Such Font Sans}\n")
    plan = lib.with_brand(lib.load_plan().plan, lib.read_brand(path))
    assert any("'No Such Font Sans' is not installed here" in str(w) for w in lib.brand_warnings(plan))
    with measured_in("No Such Font Sans"):
        assert text_width("Wahrscheinlichkeit", 10) == text_width("Wahrscheinlichkeit", 10)


@needs_dejavu
def test_text_is_fitted_with_the_brand_fonts_own_widths() -> None:
    house = text_width("Wahrscheinlichkeit Управление", 10)
    with measured_in("DejaVu Sans"):
        wide = text_width("Wahrscheinlichkeit Управление", 10)
    assert wide > house * 1.1  # DejaVu Sans is much wider than Carlito


def test_an_svg_logo_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    (tmp_path / "brand.yaml").write_text("logo: logo.svg\n")
    result = CliRunner().invoke(main, ["blank", "-o", str(tmp_path / "out"), "--brand", str(tmp_path / "brand.yaml")])
    assert result.exit_code == 1 and "brand.yaml:1:1: logo: an SVG drawing is not read" in result.stderr
    assert "save it as PNG" in result.stderr


def test_status_colours_of_the_brand_replace_the_house_ones_and_stay_readable(tmp_path: Path) -> None:
    path = tmp_path / "brand.yaml"
    path.write_text('colors: {green: "#0B6E4F", red: "#C8102E"}\n')
    plan = lib.with_brand(lib.load_plan().plan, lib.read_brand(path))
    workbook = parts_of(lib.render(plan, "strategic-account-plan", "xlsx"))
    (_, green), (_, tint), (_, ink) = theme.status_swaps("green", "0B6E4F")
    assert tint.encode() in workbook and theme.LIGHT["green"].encode() not in workbook
    assert theme.LIGHT["amber"].encode() in workbook, "a status the brand does not give keeps the house colour"
    assert theme.contrast(ink, tint) >= 4.5 and green == "0B6E4F"


def test_a_shared_brand_leaves_the_plan_it_dresses_as_it_was() -> None:
    """Dressing a plan in a shared brand (--brand) gives a copy with the brand's logo; the plan a script passed in
    keeps its own pictures (the copy's logo once leaked into it, and into every later document of the plan)."""
    from generator.sources import read_brand, with_brand

    plan = lib.load_plan().plan
    shared = read_brand(Path(__file__).resolve().parents[1] / "data" / "brand" / "nordwind.yaml")
    assert shared is not None and shared.logo is not None
    before = plan.picture(shared.brand.logo)
    branded = with_brand(plan, shared)
    assert branded.picture(shared.brand.logo) == shared.logo
    assert plan.picture(shared.brand.logo) == before is None
    assert plan == lib.load_plan().plan
