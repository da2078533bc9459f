"""Documents in every catalogue's language: the command line, each language's example, no English label left in
a translated document, and each file declaring its language for spell-checking and screen readers."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pptx import Presentation

import generator as lib
from generator.catalog import LANGUAGES, catalog
from generator.cli import main
from tests.conftest import ROOT, needs_office, needs_poppler
from tests.docx_text import docx_text
from tests.slide_check import rendered_words
from tests.test_content import deck_text
from tests.test_office import convert

TRANSLATED = [language for language in LANGUAGES if language != "en"]  # each needs its example below
EXAMPLES = {language: ROOT / "data" / "examples" / f"halden-freight-{language}.yaml" for language in TRANSLATED}
# labels spelled the same in English and in the language (loanwords, cognates, abbreviations): reviewed one by one;
# any other English label found in a translated document is a label someone forgot to translate
SAME = {
    "de": {
        *("Account", "Agenda", "Budget", "Champion", "Gatekeeper", "KPI", "Marketing", "Matrix", "Name", "Neutral"),
        *("Opportunity", "Pipeline", "Quadrant", "SWOT", "Scorecard", "Segment", "Stakeholder", "Status", "Team"),
        *("Text.", "Trend", "Version", "Website"),
    },
    "fr": {
        *("Action", "Actions", "Budget", "Champion", "Coach / champion", "Communication", "Contact", "Contacts"),
        *("Culture", "Date", "Description", "Impact", "Influence", "Marketing", "Page", "Photo", "Pipeline"),
        *("Quadrant", "Quadrants", "Qualification", "Rel. (1–5)", "SWOT", "Score", "Segment", "Solution"),
        *("Solutions", "Stable", "Style", "Total", "Type", "Version"),
    },
    "ru": {"Email", "KPI", "SWOT"},
}


def test_the_languages_are_english_german_french_and_russian() -> None:
    assert {"en", "de", "fr", "ru"} <= set(LANGUAGES)


def test_blank_language_all_writes_every_language_into_its_own_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["blank", "--language", "all", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for language in LANGUAGES:
        assert len(list((tmp_path / "blank" / language).iterdir())) == 13, language
    german = docx_text(tmp_path / "blank" / "de" / "kam-action-plan.docx")
    assert "Aktionsplan für das Key-Account-Management" in german and "[Name des Unternehmens]" in german
    assert not (tmp_path / "blank" / "kam-action-plan.docx").exists()


def test_build_language_overrides_the_plan_and_keeps_the_english_files(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-o", str(tmp_path), "--family", "account-map"]).exit_code == 0
    result = runner.invoke(main, ["build", "-o", str(tmp_path), "--family", "account-map", "--language", "ru"])
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert len(folders) == 2 and folders[1] == folders[0] + "-ru"
    assert "Карта аккаунта" in deck_text(tmp_path / folders[1] / "account-map.pptx")


def test_an_unknown_language_is_a_usage_error_naming_the_known_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["blank", "--language", "xx", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "unknown language 'xx'" in result.stderr and "de" in result.stderr


@pytest.fixture(scope="module", params=TRANSLATED)
def translated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[Path]]:
    """Return a language and the files of its example and its blank templates, written once."""
    language = request.param
    out = tmp_path_factory.mktemp(language)
    example = lib.load_plan(EXAMPLES[language]).plan
    assert example.plan.language == language
    files = [o.path for o in lib.generate(example, out)]
    files += [o.path for o in lib.generate(lib.in_language(lib.blank_plan(), language), out)]
    return language, files


def test_each_language_example_builds_all_thirteen_files(translated: tuple[str, list[Path]]) -> None:
    language, files = translated
    assert len(files) == 26
    assert all(p.parent.name.endswith(f"-{language}") for p in files[:13])


def _units(path: Path) -> Iterator[str]:
    """Yield every piece of text a reader sees in a file: paragraphs, cells, slide text, notes, sheet names."""
    if path.suffix == ".docx":
        yield from docx_text(path).split("\n")
    elif path.suffix == ".pptx":
        yield from deck_text(path).split("\n")
    else:
        workbook = load_workbook(path)
        for sheet in workbook.worksheets:
            yield sheet.title
            yield from (str(c.value) for row in sheet.iter_rows() for c in row if isinstance(c.value, str))


def _strings(language: str) -> set[str]:
    """Return every text of a language's catalogue: labels, hints, vocabulary labels, notes, typical entries."""
    cat = catalog(language)
    found = {*cat.labels.values(), *cat.hints.values(), *cat.notes.values()}
    found |= {label for values in cat.enums.values() for label in values.values()}
    found |= {name for _, _, name in cat.typical["kpis"]} | set(cat.typical["collaboration"].values())
    found |= {topic for topics in cat.typical["reviews"].values() for topic in topics}
    return {s for s in found if re.search(r"[A-Za-zА-я]{2}", s)}


def test_no_english_label_is_left_in_a_translated_document(translated: tuple[str, list[Path]]) -> None:
    language, files = translated
    english = _strings("en") - SAME.get(language, set())
    phrases = [e for e in english if len(e.split()) >= 3]  # long enough to be found inside a sentence
    left = []
    for path in files:
        for unit in _units(path):
            text = unit.strip().strip("[]").rstrip(":").strip()
            if text in english or any(phrase in unit for phrase in phrases):
                left.append(f"{path.parent.name}/{path.name}: {unit[:80]!r}")
    assert not left, left[:15]


def test_every_file_declares_its_language(translated: tuple[str, list[Path]]) -> None:
    language, files = translated
    tag = catalog(language).tag
    for path in files:
        with zipfile.ZipFile(path) as package:
            core = package.read("docProps/core.xml").decode()
            assert f">{tag}</dc:language>" in core, path
            parts = [n for n in package.namelist() if n.startswith(("word/", "ppt/slides/")) and n.endswith(".xml")]
            marks = {
                m for n in parts for m in re.findall(r'(?:w:val|lang)="([a-z]{2}-[A-Z]{2})"', package.read(n).decode())
            }
        assert marks <= {tag}, (path, marks)
    deck = next(p for p in files if p.suffix == ".pptx")
    run = Presentation(str(deck)).slides[0].shapes[0].text_frame.paragraphs[0].runs[0]
    assert run._r.get_or_add_rPr().get("lang") == tag


@needs_office
@needs_poppler
def test_a_german_chart_shows_german_separators_and_no_label_over_a_bar(tmp_path: Path) -> None:
    """LibreOffice draws the pipeline chart's axis as 1,8 Mio. € (the format's language, not 1.8), and the
    weighted labels, too wide for their bars at any size, are turned to read upwards: each as tall as it is long."""
    deck = tmp_path / "strategic-account-plan.pptx"
    deck.write_bytes(lib.render(lib.load_plan(EXAMPLES["de"]).plan, "strategic-account-plan", "pptx"))
    pdf = convert([deck], tmp_path)[0]
    pages, _ = rendered_words(pdf)
    chart = next(words for words in pages if any(text == "Phase" for text, _ in words[:4]))
    texts = [text for text, _ in chart]
    assert "1,8" in texts and "1.8" not in texts
    turned = [(x0, y0, x1, y1) for text, (x0, y0, x1, y1) in chart if text == "Tsd." and y1 - y0 > x1 - x0]
    assert len(turned) == 5  # 39, 48, 589, 704 and 45 Tsd. € (the axis's 200-800 Tsd. € read across)
