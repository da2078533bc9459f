"""PDFs made byte-identical from run to run: LibreOffice stamps the time of the export into a PDF (its
information, its XMP metadata and, in a PDF/A, the colour profile it embeds) and an identifier made from it.

Each stamp is set to the Office file's own date (the plan's), and the identifier to a digest of the PDF, in place:
every object keeps its offset, so the cross-reference table stays true.
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
    for found in list(_ICC_STREAM.finditer(pdf)):
        pdf = _settled_profile(pdf, found, when)
    blanked = _CHECKSUM.sub(b"", _IDENTIFIER.sub(b"", pdf))
    digest = hashlib.md5(blanked, usedforsecurity=False).hexdigest().upper().encode()
    pdf = _IDENTIFIER.sub(lambda m: m[1] + digest + m[2] + digest + m[3], pdf)
    return _CHECKSUM.sub(lambda m: m[1] + digest, pdf)


def _settled_profile(pdf: bytes, found: re.Match[bytes], when: datetime) -> bytes:
    """Return the PDF with one embedded colour profile dated when, written over the same bytes (blanks after its
    endstream where it came out shorter); unchanged when it cannot be."""
    start, length = found.end(), _object_value(pdf, int(found[1]))
    close = pdf.find(b"endobj", start)
    if length is None or close < 0 or not pdf.startswith(b"\nendstream", start + length[0]):
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
    blanks = close - start - len(packed) - len(b"\nendstream\n")
    digits = str(len(packed)).encode()
    if blanks < 0 or len(digits) != len(str(length[0])):
        return pdf
    pdf = pdf[:start] + packed + b"\nendstream" + b" " * blanks + b"\n" + pdf[close:]
    return pdf[: length[1]] + digits + pdf[length[1] + len(digits) :]


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
