"""PDFs settled to the plan's date: two exports a moment apart become the same bytes, still a readable PDF."""

from __future__ import annotations

import re
import struct
import zlib
from datetime import datetime

from generator.pdfstamp import ICC_DATE, settled

PLAN_DAY = datetime(2026, 11, 16)


def _export(at: datetime, level: int) -> bytes:
    """Return a small PDF as LibreOffice writes a PDF/A at a moment: its colour profile dated then and deflated at
    some level (its length varies with the date), the export's time in its information and metadata, an identifier
    made from it, and a classic cross-reference table."""
    profile = bytearray(b"\x00\x00\x02\x00lcms" + bytes(120) + b"rXYZ" * 100)
    profile[ICC_DATE] = struct.pack(">6H", at.year, at.month, at.day, at.hour, at.minute, at.second)
    packed = zlib.compress(bytes(profile), level)
    stamp = at.strftime("%Y%m%d%H%M%S").encode()
    objects = [
        b"<</N 3/Length 2 0 R/Filter/FlateDecode>>\nstream\n" + packed + b"\nendstream",
        b"%d" % len(packed),
        b"<</Type/Metadata>>\nstream\n<xmp:CreateDate>" + at.strftime("%Y-%m-%dT%H:%M:%S").encode() + b"Z"
        b"</xmp:CreateDate>\nendstream",
        b"<</Producer(LibreOffice)/CreationDate(D:" + stamp + b"Z')>>",
    ]
    body, offsets = b"%PDF-1.6\n", []
    for number, content in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    table = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    digest = zlib.crc32(stamp).to_bytes(4, "big").hex().upper().encode() * 4
    body += b"trailer\n<</Size 5/Info 4 0 R\n/ID [ <" + digest + b">\n<" + digest + b"> ]\n/DocChecksum /" + digest
    return body + b"\n>>\nstartxref\n%d\n%%%%EOF\n" % table


def test_two_exports_a_moment_apart_become_the_same_pdf_dated_as_the_plan() -> None:
    first, second = _export(datetime(2026, 12, 2, 6, 45, 25), 6), _export(datetime(2026, 12, 2, 6, 45, 29), 1)
    assert len(first) != len(second)  # the profiles deflate to different lengths, as LibreOffice's do
    settled_first = settled(first, PLAN_DAY)
    assert settled_first == settled(second, PLAN_DAY)
    assert b"/CreationDate(D:20261116000000Z')" in settled_first
    assert b"<xmp:CreateDate>2026-11-16T00:00:00Z" in settled_first
    assert settled(settled_first, PLAN_DAY) == settled_first


def test_a_settled_pdf_keeps_every_object_where_its_table_says_and_its_profile_whole() -> None:
    pdf = settled(_export(datetime(2026, 12, 2, 6, 45, 25), 1), PLAN_DAY)
    table = int(re.search(rb"startxref\n(\d+)", pdf)[1])  # type: ignore[index]
    assert pdf[table:].startswith(b"xref\n0 5\n")
    rows = pdf[table:].split(b"\n")[3:7]
    assert [pdf[int(row[:10]) :].split(b"\n")[0] for row in rows] == [b"%d 0 obj" % n for n in range(1, 5)]
    length = int(re.search(rb"2 0 obj\n(\d+)", pdf)[1])  # type: ignore[index]
    start = pdf.index(b"stream\n") + len(b"stream\n")
    assert pdf[start + length :].startswith(b"\nendstream")
    profile = zlib.decompress(pdf[start : start + length])
    assert struct.unpack(">6H", profile[ICC_DATE]) == (2026, 11, 16, 0, 0, 0)
