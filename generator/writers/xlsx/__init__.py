"""Excel writer: a document's workbook part -> .xlsx with tables, drop-downs, formulas, highlights and charts."""

from __future__ import annotations

import io
from datetime import date, datetime

from generator.document.blocks import Document, Format
from generator.writers.xlsx.sheets import Sheets

__all__ = ["XlsxWriter", "build_workbook"]


def build_workbook(document: Document) -> bytes:
    """Return the .xlsx bytes of a document's workbook part."""
    meta = document.meta
    wb = Sheets(document.part(Format.XLSX), meta).build()
    props = wb.properties
    props.title, props.creator, props.lastModifiedBy = meta.title[:255], meta.author[:255], "accountplan"
    stamp = datetime.combine(meta.when or date(2000, 1, 1), datetime.min.time())
    props.created = props.modified = stamp
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class XlsxWriter:
    """Writes a document's workbook part as a working .xlsx workbook."""

    name: str = "xlsx"
    out_suffix: str = ".xlsx"
    package: bool = True

    def write(self, document: Document) -> bytes:
        """Return the .xlsx bytes."""
        return build_workbook(document)
