"""A user's own templates: exported as a starting point, and checked before any account builds with them.

A template folder may hold master.pptx (the decks' slide master) and a Word template per family
(<family>.docx); what it does not hold comes from the bundled templates. A master must have every layout the
decks use, each with its title and as many content placeholders as the bundled one; a Word template must be
valid Jinja and name nothing its family does not provide (it is rendered once with the family's blank plan and
once with the example to find out).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from generator import resources
from generator.errors import TemplateError
from generator.files import write_atomic

MASTER = "master.pptx"
LAYOUTS = ("Title", "Section", "Title and Content", "Two Columns", "Three Columns", "Table", "Chart")
_BODY = (1, 2, 13, 14)  # idx of content placeholders: body, object, picture-free text
_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def export(folder: Path | str) -> list[Path]:
    """Write the bundled master and Word templates into folder (to restyle and use with --templates); return
    their paths."""
    from generator.families import FAMILIES

    names = [MASTER, *(f"{name}.docx" for name, family in FAMILIES.items() if "docx" in family.formats)]
    written = []
    for name in names:
        path = Path(folder) / name
        write_atomic(path, resources.templates().joinpath(name).read_bytes())
        written.append(path)
    return written


def use(folder: Path | str | None) -> None:
    """Check the user's templates in folder and build with them for the rest of this process (None: the bundled
    ones); TemplateError lists every problem before anything is built."""
    if folder:
        check(folder)
    resources.use_templates(folder)


def check(folder: Path | str) -> None:
    """Raise TemplateError with one message per problem of the user's templates in folder (nothing to say:
    they can be used)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise TemplateError(f"{folder}: no such template folder")
    problems = _master_problems(folder / MASTER) if (folder / MASTER).is_file() else []
    for path in sorted(folder.glob("*.docx")):
        problems += _word_problems(path)
    if problems:
        raise TemplateError("\n".join(problems))


def _master_problems(path: Path) -> list[str]:
    """Return what the decks need and a user's master lacks: layouts, titles, content placeholders."""
    from pptx import Presentation

    try:
        mine = _layouts(Presentation(str(path)))
    except Exception as error:  # python-pptx raises many kinds for a broken package
        return [f"{path}: not a PowerPoint file that can be read ({type(error).__name__})"]
    bundled = _layouts(Presentation(io.BytesIO(resources.templates().joinpath(MASTER).read_bytes())))
    problems = []
    for name in LAYOUTS:
        if name not in mine:
            problems.append(f"{path}: the layout {name!r} is missing; the decks use {', '.join(LAYOUTS)}")
            continue
        (has_title, bodies), (needs_title, needed) = mine[name], bundled[name]
        if needs_title and not has_title:
            problems.append(f"{path}: layout {name!r} has no title placeholder")
        if bodies < needed:
            problems.append(f"{path}: layout {name!r} has {bodies} content placeholder(s); the decks need {needed}")
    return problems


def _layouts(presentation: object) -> dict[str, tuple[bool, int]]:
    """Return each layout's name: whether it has a title placeholder, and how many content placeholders."""
    found = {}
    for layout in presentation.slide_layouts:  # type: ignore[attr-defined]
        kinds = [ph.placeholder_format.idx for ph in layout.placeholders]
        found[layout.name] = (0 in kinds, sum(1 for idx in kinds if idx in _BODY or idx > 9))
    return found


def _word_problems(path: Path) -> list[str]:
    """Return what is wrong with a user's Word template: not a family's, bad Jinja, names the family lacks."""
    from generator.families import FAMILIES

    family = path.stem
    if family not in FAMILIES or "docx" not in FAMILIES[family].formats:
        known = ", ".join(f"{n}.docx" for n, f in FAMILIES.items() if "docx" in f.formats)
        return [f"{path}: not a template of a family with a Word document; expected one of {known}"]
    try:
        _render_both(path, family)
    except TemplateError as error:
        return [f"{path}: {_plain(str(error))}"]
    return []


def _render_both(path: Path, family: str) -> None:
    """Render a Word template with its family's blank plan and with the example (TemplateError if it fails)."""
    import generator as lib
    from generator.writers.docx import values
    from generator.writers.docx.render import PreparedTemplate

    try:
        template = PreparedTemplate(path.read_bytes(), path.name)
    except TemplateError:
        raise
    except Exception as error:  # not a Word file at all
        raise TemplateError(f"{path.name}: not a Word file that can be read ({type(error).__name__})") from None
    for plan in (lib.blank_plan(), lib.load_plan().plan):
        document = lib.check(plan, [family], ["docx"])[0]
        template.render_bytes(values(template, document), "", "", None)
        template = PreparedTemplate(path.read_bytes(), path.name)


def _plain(message: str) -> str:
    """Return a template error without its 'template NAME:' prefix, naming the tag the family lacks."""
    text = message.split(": ", 1)[-1]
    if text.startswith("not a Word file"):
        return text
    found = _UNDEFINED.search(text)
    if found:
        return f"a tag names {found.group(1) or found.group(2)!r}, which this family does not provide ({text})"
    return f"the template is not valid Jinja: {text}"
