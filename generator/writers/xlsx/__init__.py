"""Excel writer: a document's workbook part -> .xlsx with tables, drop-downs, formulas, highlights and charts."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from generator.document.blocks import Document, Format
from generator.writers.package import Parts, package
from generator.writers.xlsx.sheets import Sheets

__all__ = ["XlsxWriter", "build_workbook"]


def build_workbook(document: Document) -> bytes:
    """Return the .xlsx bytes of a document's workbook part."""
    return package(workbook_parts(document), document.meta.when)


def workbook_parts(document: Document) -> list[tuple[str, bytes]]:
    """Return the package members of a document's workbook part, not yet zipped."""
    meta = document.meta
    wb = Sheets(document.part(Format.XLSX), meta).build()
    props = wb.properties
    props.title, props.creator, props.lastModifiedBy = meta.title[:255], meta.author[:255], "accountplan"
    stamp = datetime.combine(meta.when or date(2000, 1, 1), datetime.min.time())
    props.created = props.modified = stamp
    parts = Parts()
    InMemoryWriter(wb, parts).write_data()
    return parts.members


class InMemoryWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's workbook writer with each sheet written in memory, not through a temporary file."""

    def write_worksheet(self, ws: Any) -> None:
        """Write one sheet's XML to the parts."""
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.out.getvalue())
        self.manifest.append(ws)


class XlsxWriter:
    """Writes a document's workbook part as a working .xlsx workbook."""

    name: str = "xlsx"
    out_suffix: str = ".xlsx"

    def parts(self, document: Document) -> list[tuple[str, bytes]]:
        """Return the .xlsx members."""
        return workbook_parts(document)
