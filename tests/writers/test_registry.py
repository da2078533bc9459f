"""The writer table: bundled writers load on first use, so checking a source never pays for an Office library."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.errors import UnknownNameError
from generator.writers import get_writer, register
from tests.conftest import ROOT

OFFICE_LIBRARIES = ("openpyxl", "pptx", "docx", "docxtpl", "PIL")


def _imported_after(code: str) -> set[str]:
    """Return the Office libraries a fresh interpreter has imported after running code."""
    probe = f"{code}\nimport sys; print(' '.join(m for m in {OFFICE_LIBRARIES!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(done.stdout.split())


def test_validating_a_yaml_source_imports_no_office_library() -> None:
    code = "import generator; generator.load_plan('data/example.yaml')"
    assert _imported_after(code) == set()


def test_a_writer_is_imported_when_it_is_first_asked_for() -> None:
    imported = _imported_after("import generator.writers as w; w.get_writer('pptx')")
    assert "pptx" in imported and not imported & {"openpyxl", "docx", "docxtpl"}


def test_writing_a_yaml_account_s_workbooks_imports_no_spreadsheet_library() -> None:
    """Workbooks are written by the project's own XML writer: openpyxl stays for reading Excel sources."""
    code = (
        "import tempfile; import generator as g; p = g.load_plan('data/example.yaml').plan; "
        "g.generate(p, formats=['xlsx'], out_dir=tempfile.mkdtemp())"
    )
    assert "openpyxl" not in _imported_after(code)


def test_the_workbook_theme_is_the_one_openpyxl_wrote() -> None:
    from openpyxl.writer.theme import theme_xml

    from generator.writers.xlsx.theme import THEME_XML

    assert theme_xml == THEME_XML


def test_an_unknown_format_lists_the_bundled_ones() -> None:
    with pytest.raises(UnknownNameError) as raised:
        get_writer("pdf")
    assert all(name in str(raised.value) for name in ("docx", "pptx", "xlsx"))


def test_a_second_writer_of_a_bundled_format_is_refused() -> None:
    class Other:
        name, out_suffix = "xlsx", ".xlsx"

        def parts(self, document: object) -> list[tuple[str, bytes]]:
            return []

    with pytest.raises(ValueError, match="already registered"):
        register(Other())


def test_threads_asking_for_a_writer_at_once_all_get_it() -> None:
    code = (
        "import threading, generator.writers as w\n"
        "got = []\n"
        "threads = [threading.Thread(target=lambda: got.append(w.get_writer('docx').name)) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "assert got == ['docx'] * 8, got"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
