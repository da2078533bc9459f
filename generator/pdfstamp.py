"""PDFs made byte-identical from run to run: LibreOffice stamps the time of the export into a PDF (its
information, its XMP metadata and, in a PDF/A, the colour profile it embeds) and an identifier made from it.

Each stamp is set to the Office file's own date (the plan's), and the identifier to a digest of the PDF; where a
stamp changes a stream's length, the cross-reference table is moved to match.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from datetime import datetime

_INFO_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\(D:)(\d{14})")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")
_IDENTIFIER = re.compile(rb"(/ID \[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>\s*\])")
_CHECKSUM = re.compile(rb"(/DocChecksum /)[0-9A-Fa-f]{32}")
_ICC_STREAM = re.compile(rb"<</N 3/Length (\d+) 0 R/Filter/FlateDecode>>\r?\nstream\r?\n")
ICC_DATE, ICC_ID = slice(24, 36), slice(84, 100)  # an ICC profile header's creation time and its MD5


def settled(pdf: bytes, when: datetime) -> bytes:
    """Return a PDF whose time stamps are when and whose identifier is a digest of its content."""
    pdf = _INFO_DATE.sub(lambda m: m[1] + when.strftime("%Y%m%d%H%M%S").encode(), pdf)
    pdf = _XMP_DATE.sub(lambda m: m[1] + when.strftime("%Y-%m-%dT%H:%M:%S").encode(), pdf)
    at = 0
    while (found := _ICC_STREAM.search(pdf, at)) is not None:  # found again after each: an edit moves what follows
        pdf, at = _settled_profile(pdf, found, when), found.end()
    blanked = _CHECKSUM.sub(b"", _IDENTIFIER.sub(b"", pdf))
    digest = hashlib.md5(blanked, usedforsecurity=False).hexdigest().upper().encode()
    pdf = _IDENTIFIER.sub(lambda m: m[1] + digest + m[2] + digest + m[3], pdf)
    return _CHECKSUM.sub(lambda m: m[1] + digest, pdf)


def _settled_profile(pdf: bytes, found: re.Match[bytes], when: datetime) -> bytes:
    """Return the PDF with one embedded colour profile dated when (deflated again, its length object and the
    cross-reference table moved to match); unchanged when it cannot be."""
    start, length = found.end(), _object_value(pdf, int(found[1]))
    if length is None or not pdf.startswith(b"\nendstream", start + length[0]):
        return pdf
    try:
        profile = bytearray(zlib.decompress(pdf[start : start + length[0]]))
    except zlib.error:
        return pdf
    if len(profile) < 128:
        return pdf
    profile[ICC_DATE] = struct.pack(">6H", when.year, when.month, when.day, when.hour, when.minute, when.second)
    if any(profile[ICC_ID]):
        profile[ICC_ID] = _profile_id(bytes(profile))
    packed = zlib.compress(bytes(profile), 9)
    digits = (length[1], length[1] + len(str(length[0])), str(len(packed)).encode())
    return _edited(pdf, [(start, start + length[0], packed), digits])


def _edited(pdf: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Return the PDF with byte ranges replaced (start, end, new bytes), every object's offset in the
    cross-reference table and the table's own offset moved to match; unchanged when the table is not the one
    classic table LibreOffice writes."""
    table = re.search(rb"startxref\r?\n(\d+)\r?\n%%EOF\s*$", pdf)
    heading = re.compile(rb"xref\r?\n0 (\d+)\r?\n").match(pdf, int(table[1])) if table else None
    if table is None or heading is None or any(end > heading.start() for _, end, _ in edits):
        return pdf

    def moved(offset: int) -> int:
        return offset + sum(len(new) - (end - begin) for begin, end, new in edits if end <= offset)

    entries = heading.end()
    count = int(heading[1])
    rows = [pdf[entries + 20 * i : entries + 20 * i + 20] for i in range(count)]
    if not all(re.fullmatch(rb"\d{10} \d{5} [nf](?: \r| \n|\r\n)", row) for row in rows):
        return pdf
    rows = [b"%010d" % moved(int(row[:10])) + row[10:] if row[17:18] == b"n" else row for row in rows]
    pieces, at = [], 0
    for begin, end, new in sorted(edits):
        pieces += [pdf[at:begin], new]
        at = end
    pieces += [
        pdf[at:entries],
        b"".join(rows),
        pdf[entries + 20 * count : table.start(1)],
        b"%d" % moved(int(table[1])),
    ]
    return b"".join(pieces) + pdf[table.end(1) :]


def _object_value(pdf: bytes, number: int) -> tuple[int, int] | None:
    """Return the integer an indirect object holds (a stream's length) and where its digits start."""
    found = re.search(rb"(?:^|\n)" + str(number).encode() + rb" 0 obj\r?\n(\d+)\r?\nendobj", pdf)
    return (int(found[1]), found.start(1)) if found else None


def _profile_id(profile: bytes) -> bytes:
    """Return an ICC profile's identifier: the MD5 of the profile with its flags, intent and identifier zeroed."""
    zeroed = bytearray(profile)
    for field in (slice(44, 48), slice(64, 68), ICC_ID):
        zeroed[field] = bytes(field.stop - field.start)
    return hashlib.md5(bytes(zeroed), usedforsecurity=False).digest()
