"""Excel writer: a document's workbook part -> .xlsx with tables, drop-downs, formulas, highlights and charts."""

from __future__ import annotations

from generator.document.blocks import Document, Format
from generator.writers.package import package
from generator.writers.xlsx.sheets import Sheets

__all__ = ["XlsxWriter", "build_workbook"]


def build_workbook(document: Document) -> bytes:
    """Return the .xlsx bytes of a document's workbook part."""
    return package(workbook_parts(document), document.meta.when)


def workbook_parts(document: Document) -> list[tuple[str, bytes]]:
    """Return the package members of a document's workbook part, not yet zipped."""
    return Sheets(document.part(Format.XLSX), document.meta).build().parts()


class XlsxWriter:
    """Writes a document's workbook part as a working .xlsx workbook."""

    name: str = "xlsx"
    out_suffix: str = ".xlsx"

    def parts(self, document: Document) -> list[tuple[str, bytes]]:
        """Return the .xlsx members."""
        return workbook_parts(document)
