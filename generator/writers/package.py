"""Office packages made deterministic: fixed zip times, document dates from the plan."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

from generator.document import theme
from generator.document.look import Look

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DEFAULT_DATE = date(2000, 1, 1)
_CORE = "docProps/core.xml"
_EMBEDDED = (".xlsx", ".docx", ".pptx")
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")
_CORE_LANGUAGE = re.compile(rb"<dc:language\b[^>]*>[^<]*</dc:language>")
_WORD_LANGUAGE = re.compile(rb'(<w:(?:lang|themeFontLang) w:val=")[^"]*(")')
_DRAWN_RUN = re.compile(rb"<a:(?:rPr|endParaRPr|defRPr)\b[^>]*>")
_LANG_ATTRIBUTE = re.compile(rb'\slang="[^"]*"')
_CHART_LANGUAGE = re.compile(rb'(<c:lang val=")[^"]*(")')
_TAGGED = ("word/", "ppt/", "xl/")
OFFICE_BLUE = b"4F81BD"  # Office's accent 1: the Word title's rule, the themes' first accent
HOUSE_BODY, HOUSE_HEADING = b"Calibri", b"Cambria"  # the house fonts as the templates name them (Carlito, Caladea)
_COLOUR_ATTRIBUTE = re.compile(rb'((?:w:)?(?:val|fill|color|rgb|lastClr)=")((?:FF|00)?)([0-9A-Fa-f]{6})(")')
_FONT_ATTRIBUTE = re.compile(rb'((?:typeface|w:ascii|w:hAnsi|w:cs|w:eastAsia|w:name|val)=")(Calibri|Cambria)(")')
_THEME_FONT = re.compile(rb'(<a:(major|minor)Font>\s*<a:latin typeface=")([^"]*)(")')


def normalize_package(data: bytes, when: date | None, language: str = "", look: Look | None = None) -> bytes:
    """Return the package with fixed zip timestamps, its document dates set to when, given a language tag
    (de-DE) every text declared in that language (spell-checking, screen readers), and given a brand's look its
    colours and fonts in place of the house ones."""
    swaps = _swaps(look)
    stamp = (when or DEFAULT_DATE).isoformat().encode() + b"T00:00:00Z"
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == _CORE:
                body = _core(body, stamp, language)
            elif info.filename.endswith(_EMBEDDED):
                body = normalize_package(body, when, language, look)  # chart workbooks inside a deck: own dates
            elif info.filename.startswith(_TAGGED) and info.filename.endswith(".xml"):
                body = declare_language(body, language.encode()) if language else body
                body = rebrand(body, swaps, look, info.filename.endswith("theme1.xml")) if swaps else body
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, body, compresslevel=6)
    return out.getvalue()


def _core(body: bytes, stamp: bytes, language: str) -> bytes:
    """Return the core properties with the document dates, no print date and the language (when given)."""
    body = _PRINTED.sub(b"", _W3CDTF.sub(rb"\g<1>" + stamp + rb"\g<3>", body))
    if not language:
        return body
    declared = b'<dc:language xmlns:dc="http://purl.org/dc/elements/1.1/">' + language.encode() + b"</dc:language>"
    body = _CORE_LANGUAGE.sub(b"", body)
    return body.replace(b"</cp:coreProperties>", declared + b"</cp:coreProperties>")


def declare_language(body: bytes, tag: bytes) -> bytes:
    """Return an XML part whose Word default language, drawn text runs and chart language are tag."""
    body = _WORD_LANGUAGE.sub(rb"\g<1>" + tag + rb"\g<2>", body)
    body = _DRAWN_RUN.sub(lambda run: _tagged(run.group(), tag), body)
    return _CHART_LANGUAGE.sub(rb"\g<1>" + tag + rb"\g<2>", body)


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
