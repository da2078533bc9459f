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
_CORE_LANGUAGE = re.compile(rb"<dc:language\b[^>]*>[^<]*</dc:language>")
_WORD_LANGUAGE = re.compile(rb'(<w:(?:lang|themeFontLang) w:val=")[^"]*(")')
_DRAWN_RUN = re.compile(rb"<a:(?:rPr|endParaRPr|defRPr)\b[^>]*>")
_LANG_ATTRIBUTE = re.compile(rb'\slang="[^"]*"')
_CHART_LANGUAGE = re.compile(rb'(<c:lang val=")[^"]*(")')
_TAGGED = ("word/", "ppt/", "xl/charts/", "xl/drawings/")


def normalize_package(data: bytes, when: date | None, language: str = "") -> bytes:
    """Return the package with fixed zip timestamps, its document dates set to when and, given a language tag
    (de-DE), every text declared in that language (spell-checking, screen readers)."""
    stamp = (when or DEFAULT_DATE).isoformat().encode() + b"T00:00:00Z"
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == _CORE:
                body = _core(body, stamp, language)
            elif info.filename.endswith(_EMBEDDED):
                body = normalize_package(body, when, language)  # chart workbooks inside a deck: own dates
            elif language and info.filename.startswith(_TAGGED) and info.filename.endswith(".xml"):
                body = declare_language(body, language.encode())
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
