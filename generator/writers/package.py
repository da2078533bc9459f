"""Office packages made deterministic: fixed zip times, document dates from the plan."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DEFAULT_DATE = date(2000, 1, 1)
_CORE = "docProps/core.xml"
_EMBEDDED = (".xlsx", ".docx", ".pptx")
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")


def normalize_package(data: bytes, when: date | None) -> bytes:
    """Return the package with fixed zip timestamps and its document dates set to when."""
    stamp = (when or DEFAULT_DATE).isoformat().encode() + b"T00:00:00Z"
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == _CORE:
                body = _PRINTED.sub(b"", _W3CDTF.sub(rb"\g<1>" + stamp + rb"\g<3>", body))
            elif info.filename.endswith(_EMBEDDED):
                body = normalize_package(body, when)  # chart workbooks inside a deck carry their own dates
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, body, compresslevel=6)
    return out.getvalue()
