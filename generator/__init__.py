"""accountplan: client-ready account plans in Word, PowerPoint and Excel from one validated source."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.catalog import LANGUAGES, find_catalog
from generator.document import theme
from generator.document.blocks import Document
from generator.document.checks import oversized_cells
from generator.errors import AccountPlanError, OutputLimitError, Problem
from generator.families import FAMILY_IDS, check_family, families_table, formats_of
from generator.families import document as family_document  # not "document": that name is the subpackage
from generator.families.common import sharing
from generator.files import write_atomic, write_suite
from generator.model.limits import oversized_values
from generator.model.plan import AccountPlan
from generator.naming import account_slug
from generator.pdf import KINDS, Converter, PdfError, PdfOptions, pdf_name
from generator.resources import example_source
from generator.sources import BrandFile, LoadedPlan, codec, read_brand, read_source, with_brand
from generator.writers import fonts, get_writer
from generator.writers.package import normalize_package, package
from generator.writers.textfit import measured_in

__version__ = "0.1.0"
BLANK_FOLDER = "blank"


@dataclass(frozen=True)
class Output:
    """One file generate() wrote."""

    family: str
    format: str
    path: Path


def load_plan(source: Path | str | None = None) -> LoadedPlan:
    """Return the validated plan of a YAML or Excel source (the bundled example by default)."""
    return read_source(Path(source) if source is not None else example_source())


def brand_warnings(plan: AccountPlan) -> list[Problem]:
    """Return what a plan's brand cannot have as given: colours too light for white text (darkened), fonts not
    installed here (measured as the house font)."""
    brand, found = plan.brand, []
    for name, colour in (("primary", brand.colors.primary), ("accent", brand.colors.accent)):
        if colour and theme.readable(colour) != colour:
            ratio, kept = theme.contrast(theme.WHITE, colour), theme.readable(colour)
            message = (
                f"white text on #{colour} reads at {ratio:.1f}:1; darkened to #{kept} (4.5:1) where text sits on it"
            )
            found.append(Problem("brand", f"brand.colors.{name}", message))
    for name, family in (("heading", brand.fonts.heading), ("body", brand.fonts.body)):
        if family and fonts.widths(family) is None:
            message = f"{family!r} is not installed here: text is fitted as the house font (Carlito) would set it"
            found.append(Problem("brand", f"brand.fonts.{name}", message))
    return found


def blank_plan() -> AccountPlan:
    """Return the empty plan the blank variant is made from."""
    return AccountPlan()


def in_language(plan: AccountPlan, language: str | None) -> AccountPlan:
    """Return the plan with its documents' language set to language (unchanged when None or empty)."""
    if not language:
        return plan
    find_catalog(language)  # an unknown language is a usage error that lists the known ones
    return plan.model_copy(update={"plan": plan.plan.model_copy(update={"language": language})})


def render(plan: AccountPlan, family: str, fmt: str) -> bytes:
    """Return the bytes of one family in one format: deterministic for the same plan."""
    check_family(family)
    get_writer(fmt)
    if fmt not in formats_of(family):
        raise AccountPlanError(f"{family} is not made in {fmt}; it is made in {', '.join(formats_of(family))}")
    return _write(family_document(plan, family, (fmt,)), fmt)


def _write(doc: Document, fmt: str) -> bytes:
    """Return one format of a built document as a deterministic Office package."""
    writer = get_writer(fmt)
    with measured_in(doc.meta.look.body_font):  # text is fitted in the brand's font, measured from its file
        parts = writer.parts(doc)
    return package(parts, doc.meta.when, find_catalog(doc.meta.language).tag, doc.meta.look)


def check(plan: AccountPlan, families: Sequence[str] = (), formats: Sequence[str] = ()) -> list[Document]:
    """Return the chosen families' documents; OutputLimitError lists every value a chosen format cannot hold,
    typed once or made of several (a workbook cell of joined values), before anything is written."""
    with sharing():  # the tables several families show are built once
        docs = [family_document(plan, check_family(f), formats) for f in families or FAMILY_IDS]
    if formats and "xlsx" not in formats:
        return docs
    found = oversized_values(plan) + [m for doc in docs for m in oversized_cells(doc)]
    if found:
        raise OutputLimitError(found)
    return docs


def generate(
    plan: AccountPlan,
    out_dir: Path | str = "output",
    families: Sequence[str] = (),
    formats: Sequence[str] = (),
    folder: str | None = None,
) -> list[Output]:
    """Write the chosen families and formats of a plan under out_dir/<account-slug>/; return them.

    Every file is made in memory first, so a plan that cannot be written in some format writes nothing.
    """
    target = Path(out_dir) / (folder or account_folder(plan))
    made = suite(plan, families, formats)
    write_suite(target, {name: data for name, _, _, data in made})
    return [Output(family, fmt, target / name) for name, family, fmt, _ in made]


def account_folder(plan: AccountPlan) -> str:
    """Return the folder a plan's files go to: the blank folder, or the account's name made safe, with the
    language added when it is not English (so one account's German documents never overwrite its English ones)."""
    if plan.is_blank:
        return BLANK_FOLDER
    language = plan.plan.language
    return account_slug(plan.account.name) + ("" if language == "en" else f"-{language}")


def suite(
    plan: AccountPlan, families: Sequence[str] = (), formats: Sequence[str] = ()
) -> list[tuple[str, str, str, bytes]]:
    """Return the chosen files of a plan as (file name, family, format, bytes), nothing written; OutputLimitError
    when a value cannot be held."""
    for fmt in formats:
        get_writer(fmt)
    made = []
    for doc in check(plan, families, formats):
        for fmt in doc.formats():
            if not formats or fmt in formats:
                name = f"{doc.meta.family}{get_writer(fmt).out_suffix}"
                made.append((name, doc.meta.family, fmt, _write(doc, fmt)))
    return made


def make_pdfs(outputs: Sequence[Output], options: PdfOptions | None = None) -> tuple[list[Output], list[Problem]]:
    """Write a PDF beside each written Word document and deck (workbooks when the options ask) with one
    LibreOffice; return the PDFs and a problem per file that could not be converted. PdfError when LibreOffice is
    missing."""
    families = {o.path.parent / pdf_name(o.path): o.family for o in outputs if o.path.suffix in KINDS}
    with Converter(options or PdfOptions()) as converter:
        made, problems = converter.convert([o.path for o in outputs])
    return [Output(families[p], "pdf", p) for p in made], problems


def source_bytes(plan: AccountPlan, suffix: str) -> bytes:
    """Return a plan written as a data source: a data workbook (.xlsx) or YAML (.yaml/.yml)."""
    found = codec(suffix)
    data = found.write(plan)
    return normalize_package(data, plan.plan.date, find_catalog(plan.plan.language).tag) if found.package else data


def init_workbook(out: Path | str = "account-plan.xlsx", language: str | None = None) -> Path:
    """Write a blank data workbook (a sheet per section, drop-downs, notes on headers) in language; return its
    path."""
    path = Path(out)
    write_atomic(path, source_bytes(in_language(blank_plan(), language), path.suffix.lower() or ".xlsx"))
    return path


def convert(source: Path | str, out: Path | str) -> Path:
    """Write source (YAML or data workbook) as the other kind (chosen by out's suffix); return out."""
    loaded = read_source(Path(source), require_identity=False)
    path = Path(out)
    write_atomic(path, source_bytes(loaded.plan, path.suffix.lower()))
    return path


def schema() -> str:
    """Return the JSON Schema of the data source, for editors that autocomplete YAML."""
    return json.dumps(AccountPlan.model_json_schema(), indent=2, ensure_ascii=False)


__all__ = [
    "LANGUAGES",
    "AccountPlan",
    "AccountPlanError",
    "BrandFile",
    "LoadedPlan",
    "Output",
    "PdfError",
    "PdfOptions",
    "__version__",
    "blank_plan",
    "brand_warnings",
    "check",
    "convert",
    "families_table",
    "generate",
    "in_language",
    "init_workbook",
    "load_plan",
    "make_pdfs",
    "read_brand",
    "render",
    "schema",
    "source_bytes",
    "suite",
    "with_brand",
]
