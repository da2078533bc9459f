"""Office packages zipped once and deterministically: fixed zip times, document dates from the plan, every text in
the document's language and the brand's colours and fonts; a template's part met again is copied as it was
deflated."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, NamedTuple

from isal import isal_zlib

from generator.document import theme
from generator.document.look import Look
from generator.writers.declared import Declared

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DOS_DATE = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
DEFAULT_DATE = date(2000, 1, 1)
_CORE = "docProps/core.xml"
_EMBEDDED = (".xlsx", ".docx", ".pptx")
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")
_CORE_LANGUAGE = re.compile(rb"<dc:language\b[^>]*>[^<]*</dc:language>")
_WORD_LANGUAGES = tuple(
    (re.compile(rb"<w:" + name + rb' w:val="[^"]*"'), b"<w:" + name + b' w:val="')
    for name in (b"lang", b"themeFontLang")
)  # each with its literal start: replaced by a literal, no Python call a match
_DRAWN_RUN = re.compile(rb"<a:(?:rPr|endParaRPr|defRPr)\b[^>]*>")
_DRAWN_RUN_NAMES = tuple(
    (re.compile(rb"<a:" + name + rb"\b(?=[^>]*>)"), b"<a:" + name) for name in (b"rPr", b"endParaRPr", b"defRPr")
)  # a drawn run's start, by name: each replaced by a literal
_NAME_ENDS = (b">", b" ", b"/")  # what follows an element's name in its start tag, as lxml and the writers write it
_UNSPOKEN = ("xl/worksheets/", "xl/sharedStrings.xml")  # cells and their text only: no language to declare
_LANG_ATTRIBUTE = re.compile(rb'\slang="[^"]*"')
_CHART_LANGUAGE = re.compile(rb'<c:lang val="[^"]*"')
_TAGGED = ("word/", "ppt/", "xl/")
OFFICE_BLUE = b"4F81BD"  # Office's accent 1: the Word title's rule, the themes' first accent
HOUSE_BODY, HOUSE_HEADING = b"Calibri", b"Cambria"  # the house fonts as the templates name them (Carlito, Caladea)
_COLOUR_ATTRIBUTE = re.compile(rb'((?:w:)?(?:val|fill|color|rgb|lastClr)=")((?:FF|00)?)([0-9A-Fa-f]{6})(")')
_FONT_ATTRIBUTE = re.compile(rb'((?:typeface|w:ascii|w:hAnsi|w:cs|w:eastAsia|w:name|val)=")(Calibri|Cambria)(")')
_THEME_FONT = re.compile(rb'(<a:(major|minor)Font>\s*<a:latin typeface=")([^"]*)(")')
LEVEL = 6  # zlib's level for a template's parts (deflated once a process)
FAST_LEVEL = 1  # ISA-L's level for the parts written anew: 2.6 times as fast as zlib's level 3, 3 % larger
# ISA-L is not deterministic for short parts: now and then a process deflated a 237-byte sheet relationship part
# differently (the same content; one test run in about 13). Streamed through a compressor, which keeps its whole hash
# table, parts of 380 to 7,153 bytes differed in 6 of about 150 processes under load, so the table ISA-L cuts for a
# part under 4,096 bytes is not the cause; the cause is not known. No part of 8,192 bytes or more ever differed.
# Parts written anew shorter than this are deflated by zlib at SHORT_LEVEL.
ISAL_SHORTEST = 8192
SHORT_LEVEL = 1
_WRITTEN = (  # the parts written anew for every account: deflated fast
    "ppt/slides/",
    "ppt/notesSlides/",
    "ppt/charts/",
    "ppt/embeddings/",
    "word/document.xml",
    "word/header",
    "word/footer",
    "xl/worksheets/",
    "xl/tables/",
    "xl/charts/",
    "xl/drawings/",
    "xl/sharedStrings.xml",
)


def normalize_package(data: bytes, when: date | None, language: str = "", look: Look | None = None) -> bytes:
    """Return a package (.docx, .pptx, .xlsx bytes) made deterministic by package()."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return package(((i.filename, source.read(i.filename)) for i in source.infolist()), when, language, look)


def package(
    parts: Iterable[tuple[str, bytes]], when: date | None, language: str = "", look: Look | None = None
) -> bytes:
    """Return the zip of an Office package's parts with fixed zip timestamps, its document dates set to when, given
    a language tag (de-DE) every text declared in that language (spell-checking, screen readers), and given a
    brand's look its colours and fonts in place of the house ones. A part the same as before (template parts)
    is not deflated again."""
    swaps = _swaps(look)
    stamp = (when or DEFAULT_DATE).isoformat().encode() + b"T00:00:00Z"
    out = Zip()
    for name, body in parts:
        if name == _CORE:
            out.add(name, _member(_core(body, stamp, language)))
        elif name.endswith(_EMBEDDED):
            embedded = normalize_package(body, when, language, look)  # chart workbooks: own dates
            out.add(name, _member(embedded, written_anew(name)))
        elif name.startswith(_TAGGED) and name.endswith(".xml"):
            out.add(name, _tagged_member(name, body, language, look, swaps))
        else:
            out.add(name, _remembered(name, body, lambda b: b, written_anew(name)))
    return out.finish()


def _tagged_member(name: str, body: bytes, language: str, look: Look | None, swaps: dict[bytes, bytes]) -> Member:
    """Return the deflated member of an XML part in the package's language and brand."""
    spoken = language and not name.startswith(_UNSPOKEN) and not isinstance(body, Declared)

    def dressed(body: bytes) -> bytes:
        body = declare_language(body, language.encode(), name) if spoken else body
        return rebrand(body, swaps, look, name.endswith("theme1.xml")) if swaps else body

    return _remembered((name, language, look), body, dressed, written_anew(name))


class Parts:
    """The members an Office library writes, collected in order instead of zipped: package() zips them once."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri: Any, blob: bytes) -> None:
        """Take one part as python-pptx and python-docx write it (by its package URI)."""
        self.members.append((pack_uri.membername, blob))

    def part(self, pack_uri: Any, blob: bytes, rels: bytes | None) -> None:
        """Take one part and, when it has any, its relationships (as python-pptx and python-docx write them)."""
        self.write(pack_uri, blob)
        if rels is not None:
            self.members.append((rels_member(str(pack_uri)), rels))


def rels_member(partname: str) -> str:
    """Return the zip member of a part's relationships (/ppt/slides/slide1.xml: ppt/slides/_rels/slide1.xml.rels),
    as the libraries' rels_uri names it."""
    folder, _, name = partname.rpartition("/")
    return f"{folder}/_rels/{name}.rels"[1:]


class Member(NamedTuple):
    """One deflated zip member: its CRC, inflated size and deflated bytes."""

    crc: int
    size: int
    packed: bytes


def written_anew(name: str) -> bool:
    """Return True for a part written anew for every account (slides, sheets, a Word body): deflated fast by ISA-L;
    the others (a template's parts, deflated once a process) are deflated as zipfile does by default. The same
    part is always deflated the same way, so the same data gives the same bytes."""
    return name.startswith(_WRITTEN)


def _member(body: bytes, fast: bool = False) -> Member:
    """Return a part deflated fast (by ISA-L when it is long, by zlib at its fastest when it is short), or else as
    zipfile deflates it by default."""
    if fast and len(body) >= ISAL_SHORTEST:
        return Member(isal_zlib.crc32(body), len(body), isal_zlib.compress(body, FAST_LEVEL, -15))
    if fast:
        return Member(zlib.crc32(body), len(body), zlib.compress(body, SHORT_LEVEL, -15))
    squeeze = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return Member(zlib.crc32(body), len(body), squeeze.compress(body) + squeeze.flush())


_SEEN: dict[int, None] = {}  # hashes of parts met once: a part met twice is a template's and is remembered
_PACKED: dict[tuple[object, bytes], Member] = {}
_REMEMBERED = 2048
OWN_PART = 8192  # bytes: a part written anew this long is an account's own (its sheet, slide, body), never met again


def _remembered(key: object, body: bytes, dress: Callable[[bytes], bytes], fast: bool) -> Member:
    """Return the member of a dressed part, remembered when the same part came before (a template's theme,
    styles and layouts; a blank sheet, a short notes page): copied as it was deflated, not deflated again. A long
    part written anew is deflated at once (hashing it to look it up cost more than the rare repeat saved)."""
    if fast and len(body) >= OWN_PART:
        return _member(dress(body), fast)
    found = _PACKED.get((key, body))
    if found is not None:
        return found
    member = _member(dress(body), fast)
    mark = hash((key, body))
    if mark in _SEEN:
        if len(_PACKED) >= _REMEMBERED:
            del _PACKED[next(iter(_PACKED))]
        _PACKED[(key, body)] = member
    else:
        if len(_SEEN) >= 4 * _REMEMBERED:
            _SEEN.clear()
        _SEEN[mark] = None
    return member


_LOCAL = struct.Struct("<4s2B4HL2L2H")  # a member's local header, as zipfile packs it
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # its entry in the central directory
_END = struct.Struct("<4s4H2LH")


class Zip:
    """A zip archive written member by member, byte for byte as zipfile writes it (deflated, fixed times)."""

    def __init__(self) -> None:
        self.out: list[bytes] = []
        self.offset = 0
        self.directory: list[bytes] = []

    def add(self, name: str, member: Member) -> None:
        """Append one member."""
        encoded = name.encode("ascii") if name.isascii() else name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800
        head = (member.crc, len(member.packed), member.size, len(encoded))
        local = _LOCAL.pack(b"PK\x03\x04", 20, 0, flags, 8, 0, _DOS_DATE, *head, 0)
        self.out += (local, encoded, member.packed)
        self.directory.append(
            _CENTRAL.pack(
                b"PK\x01\x02", 20, 3, 20, 0, flags, 8, 0, _DOS_DATE, *head, 0, 0, 0, 0, 0o644 << 16, self.offset
            )
            + encoded
        )
        self.offset += len(local) + len(encoded) + len(member.packed)

    def finish(self) -> bytes:
        """Return the archive with its central directory."""
        size, count = sum(map(len, self.directory)), len(self.directory)
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, size, self.offset, 0)
        return b"".join([*self.out, *self.directory, end])  # one copy of the archive, not two


def _core(body: bytes, stamp: bytes, language: str) -> bytes:
    """Return the core properties with the document dates, no print date and the language (when given)."""
    body = _PRINTED.sub(b"", _W3CDTF.sub(rb"\g<1>" + stamp + rb"\g<3>", body))
    if not language:
        return body
    declared = b'<dc:language xmlns:dc="http://purl.org/dc/elements/1.1/">' + language.encode() + b"</dc:language>"
    body = _CORE_LANGUAGE.sub(b"", body)
    return body.replace(b"</cp:coreProperties>", declared + b"</cp:coreProperties>")


def declare_language(body: bytes, tag: bytes, name: str = "") -> bytes:
    """Return an XML part whose Word default language, drawn text runs and chart language are tag; given the
    part's name, Word's language is looked for only in a Word part and a chart's only in a chart."""
    if (not name or name.startswith("word/")) and b"ang w:val=" in body:  # w:lang, w:themeFontLang: looked for first
        for pattern, start in _WORD_LANGUAGES:
            body = pattern.sub(_literal(start + tag + b'"'), body)
    drawn = b"<a:" in body  # drawn text runs may be there (none in a Word body without pictures)
    if drawn and b'lang="' in body:  # a run may declare a language already: each start tag rewritten
        body = _DRAWN_RUN.sub(lambda run: _tagged(run.group(), tag), body)
    elif drawn:  # the language goes first, after the name: what _tagged does, without a call per run
        for pattern, element in _DRAWN_RUN_NAMES:
            body = _named_first(body, pattern, element, element + b' lang="' + tag + b'"')
    charted = (not name or "chart" in name) and b"<c:lang " in body
    return _CHART_LANGUAGE.sub(_literal(b'<c:lang val="' + tag + b'"'), body) if charted else body


def _named_first(body: bytes, pattern: re.Pattern[bytes], start: bytes, marked: bytes) -> bytes:
    """Return body with each start tag beginning with start (<a:rPr) beginning with marked instead: split at
    start, found with a plain search (a regular expression tries every <), and joined with marked when every
    start ends the name as the writers end it; else by the pattern."""
    pieces = body.split(start)
    if len(pieces) == 1:
        return body
    if all(piece[:1] in _NAME_ENDS for piece in pieces[1:]):
        return marked.join(pieces)
    return pattern.sub(_literal(marked), body)


def _literal(replacement: bytes) -> bytes:
    """Return a replacement re.sub puts in as it is (Python 3.11 expands one with group references in Python, once a
    match)."""
    return replacement.replace(b"\\", b"\\\\")


def _tagged(start_tag: bytes, tag: bytes) -> bytes:
    """Return a drawing run's start tag with its lang attribute set to tag."""
    name, _, rest = _LANG_ATTRIBUTE.sub(b"", start_tag).partition(b" ")
    if not rest:  # <a:rPr> or <a:rPr/>
        end = b"/>" if name.endswith(b"/>") else b">"
        return name.removesuffix(end) + b' lang="' + tag + b'"' + end
    return name + b' lang="' + tag + b'" ' + rest


def _swaps(look: Look | None) -> dict[bytes, bytes]:
    """Return the house colours a brand's look replaces, and by what (nothing without a brand)."""
    if look is None:
        return {}
    primary = look.primary.encode()
    swaps = {theme.NAVY.encode(): primary, OFFICE_BLUE: primary, theme.TEAL.encode(): look.accent.encode()}
    swaps |= {old.encode(): new.encode() for old, new in look.status}
    fonts = {HOUSE_BODY: look.body_font.encode(), HOUSE_HEADING: look.heading_font.encode()}
    return {old: new for old, new in (swaps | fonts).items() if new}


def rebrand(body: bytes, swaps: dict[bytes, bytes], look: Look | None, theme_part: bool) -> bytes:
    """Return an XML part in the brand's colours and fonts: every attribute naming a house colour or font, and a
    theme's heading and body fonts."""
    body = _COLOUR_ATTRIBUTE.sub(lambda m: m[1] + m[2] + swaps.get(m[3].upper(), m[3]) + m[4], body)
    body = _FONT_ATTRIBUTE.sub(lambda m: m[1] + swaps.get(m[2], m[2]) + m[3], body)
    if theme_part and look is not None:
        fonts = {b"major": look.heading_font.encode(), b"minor": look.body_font.encode()}
        body = _THEME_FONT.sub(lambda m: m[1] + (fonts[m[2]] or m[3]) + m[4], body)
    return body
