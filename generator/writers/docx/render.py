"""docxtpl rendering: a template prepared once per process, rendered strictly, sandboxed and autoescaped."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from functools import cache, lru_cache, partial
from typing import Any

from docx import Document
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.parser import element_class_lookup, parse_xml
from docx.shared import Mm
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from generator import resources
from generator.errors import TemplateError
from generator.writers.declared import Declared
from generator.writers.docx.context import looked_up
from generator.writers.docx.elements import replaced
from generator.writers.docx.facts import Facts, table_facts
from generator.writers.docx.inline_pictures import Picture
from generator.writers.docx.listing import resolved
from generator.writers.docx.tables import PICTURE, fitted_tables, may_hold, possible_marks
from generator.writers.docx.textbody import Emptied, TextBody, as_text, emptied, escaped, number_pictures
from generator.writers.package import Parts, package

PHOTO_WIDTH = Mm(20)
RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # as docxtpl renders them
OWN_PROPERTIES = ("author", "title")  # set for each document after docxtpl renders the template's
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_MARKED = ("\n<w:p ", "\n<w:p>")  # a line break before a paragraph: docxtpl takes it out of a rendered part
KEPT_RELATIONSHIPS = 256  # sets of a part's relationships kept serialized, per template
_LENIENT = etree.XMLParser(recover=True, resolve_entities=False)  # docxtpl's leniency, python-docx's elements
_LENIENT.set_element_class_lookup(element_class_lookup)
_BLANK_BETWEEN = re.compile(r">\s+<")
_DECLARED = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"  # as python-docx writes a part
_SELF_CLOSED_PARAGRAPH = re.compile(r"<w:p [^>]*/>")
_DECLARATION = re.compile(r' xmlns:\w+="[^"]*"')
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_BODY, _W_TABLE, _W_GRID_COL, _W_ROW, _W_CELL = (f"{_W}{n}" for n in ("body", "tbl", "gridCol", "tr", "tc"))
_W_SPAN = f"{_W}tcPr/{_W}gridSpan"
_WP_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_PICTURE_MARKS = (PICTURE, "<wp:docPr", " xmlns:", "<a:")  # what a drawn picture adds to a body (inline_pictures)
_LANGUAGE_MARKS = ("<w:lang", "<w:themeFontLang", "<a:")  # what package.declare_language changes in a Word part
_LISTING_MARKS = ("txbxContent", "<w:p ")  # text boxes, paragraphs written with attributes (see listed)


def lines(items: Any) -> Markup:
    """Return a list as escaped lines (each becomes a line break in Word)."""
    return Markup("\n").join(escape(item) for item in _as_list(items))


def bullets(items: Any) -> Markup:
    """Return a list as escaped bullet lines."""
    return Markup("\n").join(Markup("• ") + escape(item) for item in _as_list(items))


def _as_list(items: Any) -> list[Any]:
    """Return items as a list (a single string is one item)."""
    return [items] if isinstance(items, str) else list(items)


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, looking a context mapping's keys up first when no attribute of a dict has their name
    (row.name: see context.looked_up, set as each environment's getattr), its templates writing values out as
    plain escaped text."""

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        """Return a template compiled as Jinja compiles it, writing its values out escaped as plain text (see
        textbody.escaped: the same characters, without a Markup made for each value)."""
        template = super().from_string(source, globals, template_class)
        template.root_render_func.__globals__["escape"] = escaped  # its module's own: it only wraps what is written
        return template


def environment() -> SandboxedEnvironment:
    """Return the strict, sandboxed, autoescaping Jinja environment templates render in."""
    env = _Sandbox(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    env.getattr = partial(looked_up, partial(SandboxedEnvironment.getattr, env))  # type: ignore[method-assign]
    env.filters["lines"] = lines
    env.filters["bullets"] = bullets
    return env


class PreparedTemplate(DocxTemplate):  # type: ignore[misc]
    """A docxtpl template whose XML clean-up and Jinja compile happen once, not per render."""

    docx: Any
    docx_ids_index: int  # the last number docxtpl gave a drawing
    is_rendered: bool
    links: list[tuple[Any, Any, frozenset[str]]]  # the body, headers and footers: XML, relationships as loaded
    pictures: list[Any]  # the image parts as loaded
    kept: set[Any]  # the parts no render changes
    reusable: bool  # no footnotes: a render leaves nothing that the next could read as template
    frame: tuple[bytes, bytes]  # the document's XML before and after its body
    properties: dict[str, Any]  # the compiled document properties docxtpl renders

    def __init__(self, data: bytes, name: str, bundled: bool = False) -> None:
        super().__init__(io.BytesIO(data))
        self.data = data
        self.name = name
        self.bundled = bundled  # ours: a rendered body is written as text (see textbody), not parsed
        self.written: bytes | None = None  # the document's XML as text, when the last render wrote it so
        self.env = environment()
        self.compiled: dict[str, Any] = {}
        self.empties: dict[str, Emptied | None] = {}  # per part, its elements code may leave empty (see textbody)
        self.grids_fit = False  # whether the last rendered body's tables' grids fit their rows (see textbody.grids_fit)
        self.stories: dict[Any, bytes] = {}  # the headers and footers the last render wrote as text
        self.possible: frozenset[str] | None = None  # the marks a rendered body may hold (see tables.possible_marks)
        self.held: frozenset[str] | None = None  # those the last rendered body may hold, with a drawn picture's
        self.facts: dict[str, Facts] = {}  # what a bundled body's tables hold (see facts.table_facts)
        self.drawn = False  # whether the part being rendered drew a picture (its markup: see inline_pictures)
        self._prepare()

    def _prepare(self) -> None:
        """Clean up and compile the body, headers and footers."""
        self.init_docx()
        head, _, rest = self.docx.part.blob.partition(b"<w:body")
        self.frame = head, rest[rest.rindex(b"</w:body>") + len(b"</w:body>") :]  # the document around its body
        try:
            self._compile("body", self.get_xml())
            for uri in (self.HEADER_URI, self.FOOTER_URI):
                for _, part in self.get_headers_footers(uri):
                    self._compile(str(part.partname), self.get_part_xml(part))
            props = self.docx.core_properties
            self.properties = {name: self._compiled_property(getattr(props, name)) for name in RENDERED_PROPERTIES}
        except JinjaError as error:
            raise TemplateError(f"template {self.name}: {error}") from None
        if self.possible is not None:  # the document's own XML around the body, as its body's
            self.possible |= {mark for mark in _LANGUAGE_MARKS if any(mark.encode() in part for part in self.frame)}
        self.docx = None

    def _compile(self, key: str, xml: str) -> None:
        """Compile the Jinja template of one part's XML, and see which of its elements its code may leave empty.
        docxtpl puts each paragraph on a line of its own before compiling (for its error context, which
        TemplateError does not show) and takes every line break before a paragraph out after rendering: only the
        taking out is done (see _render)."""
        source = self.patch_xml(xml) if key != "body" else self._undeclared(self.patch_xml(xml))
        self.compiled[key], self.empties[key] = self.env.from_string(source), emptied(source)
        if key == "body":  # what our own templates' markup holds is all a body rendered from them holds
            marks = _PICTURE_MARKS + _LANGUAGE_MARKS + _LISTING_MARKS
            self.possible = possible_marks(source, marks) if self.bundled else None
            self.facts = table_facts(source) if self.bundled else {}

    def _undeclared(self, source: str) -> str:
        """Return a body's source without the namespace declarations its opening tag inherits from the document
        (lxml writes them there when it writes the body alone, and drops them when the body is moved back): taken
        out once here, as fix_tables takes out the others from each rendered body."""
        end = source.find(">") + 1
        if "{" in source[:end]:
            return source  # template code in the tag: what it declares is known only once rendered
        return self._uninherited(source[:end]) + source[end:]

    def _uninherited(self, xml: str) -> str:
        """Return xml without the namespace declarations the document around the body makes already."""
        return _DECLARATION.sub(lambda m: "" if m[0].encode() in self.frame[0] else m[0], xml)

    def init_docx(self, reload: bool = True) -> None:
        """Load the document from the template bytes once (each render replaces the body, headers, footers and
        properties it fills, and forgets the pictures it added); again after each render only when the template
        has footnotes (docxtpl renders those in place)."""
        if not self.docx or (self.is_rendered and reload and not self.reusable):
            self.docx = Document(io.BytesIO(self.data))
            part = self.docx.part
            self.reusable = not any(p.content_type == FOOTNOTES for p in part.package.parts)
            kinds = (self.HEADER_URI, self.FOOTER_URI)
            stories = [part] + [r.target_part for r in part.rels.values() if r.reltype in kinds]
            self.links = [(story, story._element, frozenset(story.rels)) for story in stories]
            self.next_ids = {story: story.next_id for story in stories}  # its rendered text never changes it
            self.pictures = list(part.package.image_parts)
            changed = {story for story, _, _ in self.links} | {part.package._core_properties_part}
            self.kept = {p for p in part.package.parts if p not in changed} if self.reusable else set()
            self.serialized: dict[str, bytes] = {}
            self.constants_set = False  # whether the template's properties without code were set in this document
            self.relationships: dict[tuple[object, ...], bytes] = {}
            self.types: dict[tuple[tuple[str, str], ...], bytes] = {}  # content types by the parts they list
        self.is_rendered = False

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """Render the template's footnotes as docxtpl does, when it has any (docxtpl looks for them among every
        part, once for each section of the document)."""
        if not self.reusable:
            super().render_footnotes(context, jinja_env)

    def forget_pictures(self) -> None:
        """Drop what the last render added: its XML, pictures (relationships and image parts): the next render
        starts from the document as it was loaded, its pictures numbered from the first again."""
        for story, element, loaded in self.links:
            story._element = element
            for added in [rid for rid in story.rels if rid not in loaded]:
                del story.rels[added]
                story.rels._target_parts_by_rId.pop(added, None)
        self.docx._element = self.docx.part._element
        self.docx.part.package.image_parts._image_parts[:] = self.pictures

    def resolve_listing(self, xml: str, breaks: list[int] | None = None, possible: frozenset[str] | None = None) -> str:
        """Return the XML with tabs, line and page breaks in text made Word's, paragraph by paragraph as docxtpl
        does, but only in the paragraphs that have any (found from the breaks, where they are when known, when
        paragraphs cannot nest; possible: the marks the XML may hold, when known, see tables.possible_marks)."""
        breaks = _breaks(xml) if breaks is None else breaks
        if not breaks:
            return xml
        spans = listed(xml, breaks, possible)
        if spans is None:
            return resolved(xml)  # every paragraph walked, as docxtpl walks them
        return replaced(xml, spans, resolved)

    def fix_tables(self, xml: str) -> Any:
        """Return the rendered body, inside the whole document: written as text as lxml would write it (a bundled
        template's), else parsed once (leniently, as docxtpl parses it; lxml moving a body into a document costs
        more than the rest of a render), its tables' grids mended by docxtpl where a row has more or fewer cells
        than its grid."""
        head, tail = self.frame
        declared = may_hold(self.held, " xmlns:") and " xmlns:" in xml  # inherited declarations: a move drops them
        inherited = self._uninherited(xml) if declared else xml
        written = self._as_text("body", inherited)
        if written is not None:
            return written
        body = etree.fromstring(head + inherited.encode("utf-8") + tail, _LENIENT).find(_W_BODY)
        if _grids_fit(body):
            return body
        mended = super().fix_tables(etree.tostring(body, encoding="unicode"))
        body.getparent().replace(body, mended)
        return mended

    def fix_docpr_ids(self, tree: Any) -> None:
        """Number the body's drawings from 1001 in document order, as docxtpl does (ids collide otherwise)."""
        if isinstance(tree, TextBody):
            return
        for drawing in tree.iter(_WP_DOC_PR):
            self.docx_ids_index += 1
            drawing.attrib["id"] = str(self.docx_ids_index)

    def map_tree(self, tree: Any) -> None:
        """Make the document the rendered body is in the document's (a body written as text: the document's XML)."""
        if isinstance(tree, TextBody):
            numbered, self.docx_ids_index = number_pictures(tree, self.docx_ids_index)
            head, tail = self.frame
            written = b"".join((head, numbered.xml.encode("utf-8"), tail))  # the body copied once
            declared = self.held is not None and not any(mark in self.held for mark in _LANGUAGE_MARKS)
            self.written = Declared(written) if declared else written
            return
        self.written = None
        self.docx._part._element = self.docx._element = tree.getroottree().getroot()

    def _as_text(self, key: str, xml: str) -> TextBody | None:
        """Return a rendered part of a bundled template as lxml would write it, or None when it must be parsed."""
        empty = self.empties[key] if self.bundled and self.reusable else None
        grids = self.grids_fit if key == "body" else None  # the body's tables were looked at as they were fitted
        pictured = may_hold(self.held, "<wp:docPr") if key == "body" else True  # known for a body, else looked for
        return as_text(xml, empty, grids, pictured) if empty is not None else None

    def map_headers_footers_xml(self, rel_key: str, xml: bytes) -> None:
        """Put a rendered header or footer into its part (the part stays: its kind, its relationships): written as
        text as python-docx would write it (a bundled template's, without blanks between tags, which python-docx's
        parser drops), else parsed."""
        part = self.docx._part.rels[rel_key].target_part
        text = xml.decode("utf-8")
        written = self._as_text(str(part.partname), text) if not _BLANK_BETWEEN.search(text) else None
        if written is not None:
            self.stories[part] = _DECLARED + written.xml.encode("utf-8")
            return
        self.stories.pop(part, None)
        part._element = parse_xml(xml)

    def _compiled_property(self, source: str) -> Any:
        """Return a document property's template compiled, or its text when it holds no template code."""
        return source if not any(mark in source for mark in ("{{", "{%", "{#")) else self.env.from_string(source)

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """Render the template's own document properties, compiled once (never the last document's values); one
        without template code is set once in the loaded document, the title and author not at all (each document's
        own replace them)."""
        props = self.docx.core_properties
        for name, template in self.properties.items():
            if not isinstance(template, str):
                setattr(props, name, template.render(context))
            elif name not in OWN_PROPERTIES and not self.constants_set:
                setattr(props, name, template)
        self.constants_set = True

    def variables(self) -> set[str]:
        """Return the top-level variables the template uses."""
        return set(self.get_undeclared_template_variables(jinja_env=self.env))

    def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
        """Return the rendered body XML."""
        return self._render("body", self.docx._part, context)

    def build_headers_footers_xml(self, context: dict[str, Any], uri: str, jinja_env: Any = None) -> Any:
        """Yield the rendered XML of each header or footer part."""
        for rel_key, part in self.get_headers_footers(uri):
            yield rel_key, self._render(str(part.partname), part, context).encode("utf-8")

    def _render(self, key: str, part: Any, context: dict[str, Any]) -> str:
        """Render one compiled part (values are data: never evaluated, always escaped)."""
        self.current_rendering_part, self.drawn = part, False
        try:
            xml = self.compiled[key].render(context)
        except JinjaError as error:
            raise TemplateError(f"template {self.name}: {error}") from None
        if key == "body":
            possible = self.possible
            self.held = possible | frozenset(_PICTURE_MARKS) if possible is not None and self.drawn else possible
            xml, self.grids_fit = fitted_tables(xml, self.held, self.facts)
        breaks = _breaks(xml)  # a rendered value's line breaks, and the template's, if it has any
        if any(xml.startswith(mark, at) for at in breaks for mark in _MARKED):  # as docxtpl takes them out
            for mark in _MARKED:
                xml = xml.replace(mark, mark[1:])
            breaks = _breaks(xml)
        return str(self.resolve_listing(xml, breaks, self.held if key == "body" else None))

    def render_bytes(self, context: dict[str, Any], title: str, author: str, when: date | None) -> bytes:
        """Render context and return the document's bytes with fixed properties."""
        return package(self.render_parts(context, title, author, when), when)

    def render_parts(
        self, context: dict[str, Any], title: str, author: str, when: date | None
    ) -> list[tuple[str, bytes]]:
        """Render context and return the document's package members with fixed properties, not yet zipped."""
        self.render(context, jinja_env=self.env, autoescape=True)
        stamp = datetime.combine(when or date(2000, 1, 1), datetime.min.time(), tzinfo=UTC)
        props = self.docx.core_properties
        # document properties hold at most 255 characters: metadata only, the content is whole
        props.title, props.author, props.last_modified_by = title[:255], author[:255], "accountplan"
        props.created = props.modified = stamp
        props.revision = 1
        self.is_saved = True
        pkg, parts = self.docx.part.package, Parts()
        found = pkg.parts  # python-docx walks every relationship to list them: once
        for part in found:
            part.before_marshal()
        parts.write(CONTENT_TYPES_URI, self._content_types(found))
        parts.write(PACKAGE_URI.rels_uri, self._rels_xml(pkg.rels))  # as python-docx's PackageWriter, once
        for part in found:
            parts.part(part.partname, self._blob(part), self._rels_xml(part.rels) if len(part.rels) else None)
        self.forget_pictures()
        return parts.members

    def _content_types(self, found: list[Any]) -> bytes:
        """Return the package's content types as python-docx writes them, written once for each set of parts (most
        documents of a template have the template's parts and the same pictures' kinds)."""
        key = tuple((str(part.partname), part.content_type) for part in found)
        written = self.types.get(key)
        if written is None:
            if len(self.types) >= KEPT_RELATIONSHIPS:
                self.types.clear()
            written = self.types[key] = _ContentTypesItem.from_parts(found).blob
        return written

    def _rels_xml(self, rels: Any) -> bytes:
        """Return a part's relationships as python-docx writes them, serialized once for each set of them (most
        parts' relationships are the template's own, every time)."""
        key = tuple(
            (r._rId, r._reltype, r._is_external, r._target if r._is_external else r._target.partname, r._baseURI)
            for r in rels.values()
        )
        found = self.relationships.get(key)
        if found is None:
            if len(self.relationships) >= KEPT_RELATIONSHIPS:
                self.relationships.clear()
            found = self.relationships[key] = bytes(rels.xml)
        return found

    def _blob(self, part: Any) -> bytes:
        """Return a part's XML as python-docx writes it: serialized once for the template's parts no render
        changes (styles, numbering, settings, theme), every time for the rest."""
        if part is self.docx.part and self.written is not None:
            return self.written
        if part in self.stories:
            return self.stories[part]
        if part not in self.kept:
            return bytes(part.blob)
        name = str(part.partname)
        if name not in self.serialized:
            self.serialized[name] = part.blob
        return self.serialized[name]


def listed(xml: str, breaks: list[int], possible: frozenset[str] | None = None) -> list[tuple[int, int]] | None:
    """Return where the paragraphs lie that hold the breaks (tabs, bells, line or page breaks), as docxtpl finds
    paragraphs (from an opening to the first closing after it), found from the breaks alone; None when a paragraph
    may hold another (a text box) or an opening tag closes itself, which only a walk over every paragraph gets right.
    possible: the marks of _LISTING_MARKS the XML may hold, when known (the others not looked for)."""
    boxed, attributed = (may_hold(possible, mark) for mark in _LISTING_MARKS)
    if (boxed and "txbxContent" in xml) or (attributed and "<w:p " in xml and _SELF_CLOSED_PARAGRAPH.search(xml)):
        return None  # the looks are far quicker than a walk
    spans: list[tuple[int, int]] = []
    for at in breaks:
        after = spans[-1][1] if spans else 0  # paragraphs do not nest: this one opened after the last one closed
        if at < after:
            continue  # in the paragraph found last
        start = xml.rfind("<w:p>", after, at)
        start = max(start, xml.rfind("<w:p ", after, at)) if attributed else start
        end = xml.find("</w:p>", xml.find(">", start)) + len("</w:p>") if start >= 0 else -1
        if start >= 0 and end > at:
            spans.append((start, end))
    return spans


def _breaks(xml: str) -> list[int]:
    """Return where the tabs, bells, line and page breaks are, in order (str.find looks far faster than a regular
    expression's character class)."""
    found = []
    for character in "\t\a\n\f":
        at = xml.find(character)
        while at >= 0:
            found.append(at)
            at = xml.find(character, at + 1)
    return sorted(found)


def _grids_fit(body: Any) -> bool:
    """Return whether every table's grid has as many columns as its widest row spans and no row has more cells
    (docxtpl's fix_tables would change nothing), counted as docxtpl counts them."""
    for table in body.iter(_W_TABLE):
        columns = len(table.findall(f"{_W}tblGrid/{_W_GRID_COL}"))
        rows = [row.findall(_W_CELL) for row in table.iter(_W_ROW)]
        if any(len(cells) > columns for cells in rows):
            return False
        spanned = table.find(f".//{_W}gridSpan") is not None
        widest = max((_spans(cells) if spanned else len(cells) for cells in rows), default=0)
        if widest != columns:
            return False
    return True


def _spans(cells: list[Any]) -> int:
    """Return how many grid columns a row's cells span."""
    return sum(int(span.get(f"{_W}val", "1")) if (span := cell.find(_W_SPAN)) is not None else 1 for cell in cells)


def prepared(family: str) -> PreparedTemplate:
    """Return the prepared template of a family (the user's when they gave one), loaded and compiled once."""
    return _prepared(family, resources.template_version(f"{family}.docx"))


@lru_cache(maxsize=32)
def _prepared(family: str, version: tuple[str, int, int]) -> PreparedTemplate:
    """Return the prepared template of a family from the user's folder or the bundled ones."""
    return PreparedTemplate(resources.template(f"{family}.docx"), f"{family}.docx", bundled=not version[0])


@cache
def placeholder_photo() -> bytes:
    """Return the picture shown for a team member without a photo, read once per process."""
    return resources.template("placeholder-photo.png")


def logos(template: PreparedTemplate, logo: bytes | None) -> dict[str, Any]:
    """Return the seller's logo as the title page and the running header show it ('' without one)."""
    if not logo:
        return {"logo": "", "header_logo": ""}
    return {
        "logo": Picture(template, logo, height=Mm(16)),
        "header_logo": Picture(template, logo, height=Mm(5)),
    }


def picture(template: PreparedTemplate) -> Any:
    """Return the maker of inline pictures for a template: the placeholder when a photo is missing."""

    def make(photo: Any) -> Picture:
        return Picture(template, photo or placeholder_photo(), width=PHOTO_WIDTH)

    return make
