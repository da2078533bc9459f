"""The accountplan command: parse arguments, call the library, print; nothing else."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

import generator as lib
from generator import batch
from generator import templates as own_templates
from generator.errors import AccountPlanError, Problem
from generator.pdf import DEFAULT_FORMATS, PdfOptions
from generator.resources import example_source

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn the library's errors into messages on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AccountPlanError as error:
            for line in error.messages():
                click.echo(f"error: {line}", err=True)
            sys.exit(error.exit_code)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"error: cannot write {where}{error.strerror or error}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _warn(warnings: Sequence[Problem]) -> None:
    """Print the warnings met while reading a source."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def _print_outputs(outputs: Sequence[lib.Output]) -> None:
    """Print each written file."""
    _print_paths([output.path for output in outputs])


def _print_paths(paths: Sequence[Path]) -> None:
    """Print each written path."""
    for path in paths:
        click.echo(f"wrote {path}")


SOURCE = click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))
OUT = click.option(
    "-o",
    "--out",
    "out",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into.",
)
FAMILY = click.option(
    "--family", "families", multiple=True, metavar="F", help="Only this family (repeatable); see `accountplan list`."
)


def _language_option(told: str) -> Callable[[F], F]:
    """Return the --language option, its help naming the catalogues' languages."""
    return click.option(
        "--language", "language", metavar="LANG", default=None, help=told.format(languages=", ".join(lib.LANGUAGES))
    )


LANGUAGE = _language_option("Documents in this language ({languages}) instead of the plan's own.")
PDF = click.option(
    "--pdf",
    "pdf",
    is_flag=False,
    flag_value="docx,pptx",
    default=None,
    metavar="[xlsx]",
    help="Also a PDF of each Word document (<family>.pdf) and deck (<family>-slides.pdf); "
    "--pdf=xlsx adds the workbooks (<family>-workbook.pdf). Needs LibreOffice.",
)
TEMPLATES = click.option(
    "--templates",
    "templates",
    metavar="DIR",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Your own master.pptx and Word templates (<family>.docx); see `accountplan templates export`.",
)
BRAND = click.option(
    "--brand",
    "brand",
    metavar="FILE",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Your company's look for every account: company, logo, colours, fonts (a YAML file; see the README).",
)
PDF_A = click.option("--pdf-a", "pdf_a", is_flag=True, help="Make the PDFs PDF/A-2b (for archiving).")
FORMAT = click.option(
    "--format", "formats", multiple=True, metavar="EXT", help="Only this format: docx, pptx or xlsx (repeatable)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(lib.__version__, prog_name="accountplan")
def main() -> None:
    """Make client-ready account plans (Word, PowerPoint, Excel) from one YAML or Excel source."""


@main.command()
@click.argument("sources", nargs=-1)
@OUT
@FAMILY
@FORMAT
@LANGUAGE
@PDF
@PDF_A
@TEMPLATES
@BRAND
@click.option("--jobs", "-j", type=click.IntRange(1), default=None, help="Worker processes (default: usable cores).")
@click.option("--force", is_flag=True, help="Rebuild accounts whose sources and files are unchanged.")
@click.option("--shard", metavar="I/N", help="Build only the I-th of N stable slices of the sources.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report to stdout.")
@click.option("--scheduler", metavar="ADDRESS", default="", help="Run the accounts on this Dask scheduler.")
@reports_errors
def build(
    sources: tuple[str, ...],
    out: Path,
    families: tuple[str, ...],
    formats: tuple[str, ...],
    language: str | None,
    pdf: str | None,
    pdf_a: bool,
    templates: Path | None,
    brand: Path | None,
    jobs: int | None,
    force: bool,
    shard: str | None,
    quiet: bool,
    as_json: bool,
    scheduler: str,
) -> None:
    """Write the documents of each SOURCE (files, folders, glob patterns; default: the bundled example) to
    OUT/<account>/. Several sources build in parallel; unchanged accounts are skipped."""
    batch_options = jobs is not None or force or shard or as_json or scheduler
    pdfs = _pdf_options(pdf, pdf_a)
    own_templates.use(templates)
    shared = lib.read_brand(brand) if brand else None
    if len(sources) <= 1 and not batch_options and (not sources or Path(sources[0]).is_file()):
        loaded = lib.load_plan(Path(sources[0]) if sources else None)
        plan = lib.with_brand(lib.in_language(loaded.plan, language), shared)
        _warn([*loaded.warnings, *lib.brand_warnings(plan)])
        outputs = lib.generate(plan, out, families, formats)
        _print_outputs(outputs)
        _pdfs(outputs, pdfs)
        return
    options = batch.Options(out, families, formats, language or "", pdfs, str(templates or ""), str(brand or ""))
    _batch(sources, options, (jobs, scheduler), force, shard, quiet, as_json)


def _batch(
    arguments: tuple[str, ...],
    options: batch.Options,
    workers: tuple[int | None, str],
    force: bool,
    shard: str | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Build many sources; exit 1 when any failed."""
    sources = batch.find_sources(arguments or [str(example_source())])
    if shard:
        sources = batch.shard(sources, *batch.parse_shard(shard))
    started = time.perf_counter()
    with _progress(len(sources), quiet or as_json) as tell:
        jobs, scheduler = workers
        reports = batch.run(sources, options, jobs or batch.usable_cores(), force, tell, scheduler)
    for report in reports:
        for message in report.messages:
            label = "warning" if report.status != "failed" else "error"
            click.echo(f"{label}: {_located(message, report.source)}", err=True)
        for error in report.errors:
            click.echo(f"error: {error}", err=True)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in reports], indent=1, ensure_ascii=False))
    if not quiet:
        click.echo(_summary(reports, time.perf_counter() - started), err=as_json)
    if any(r.status == "failed" or r.errors for r in reports):
        sys.exit(1)


def _pdf_options(pdf: str | None, archive: bool) -> PdfOptions | None:
    """Return what --pdf and --pdf-a ask for (None: no PDFs); UsageError for anything but --pdf or --pdf=xlsx."""
    if pdf is None:
        if archive:
            raise click.UsageError("--pdf-a goes with --pdf")
        return None
    if pdf not in ("docx,pptx", "xlsx"):
        raise click.UsageError(f"--pdf takes no value or 'xlsx' (--pdf=xlsx); got {pdf!r}")
    formats = DEFAULT_FORMATS if pdf == "docx,pptx" else (*DEFAULT_FORMATS, "xlsx")
    return PdfOptions(formats, archive)


def _pdfs(outputs: Sequence[lib.Output], options: PdfOptions | None) -> None:
    """Write and print the PDFs of written files; exit 1 when one could not be made (the Office files stay)."""
    if options is None:
        return
    made, problems = lib.make_pdfs(outputs, options)
    _print_outputs(made)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        sys.exit(1)


def _located(message: str, source: str) -> str:
    """Return a message that names its source file."""
    return message if message.startswith(source) else f"{source}: {message}"


def _summary(reports: Sequence[batch.AccountReport], seconds: float) -> str:
    """Return the closing line: accounts built, skipped, failed, files, seconds."""
    count = {s: sum(1 for r in reports if r.status == s) for s in ("built", "skipped", "failed")}
    files = sum(len(r.files) for r in reports if r.status == "built")
    return (
        f"{count['built']} built, {count['skipped']} skipped, {count['failed']} failed; "
        f"{files} files in {seconds:.1f} s"
    )


@contextlib.contextmanager
def _progress(total: int, silent: bool) -> Iterator[Callable[[batch.AccountReport], None]]:
    """Yield a callback that advances a progress bar on stderr (only on a terminal, and not when silent)."""
    if silent or not sys.stderr.isatty():
        yield lambda report: None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="account", file=sys.stderr) as bar:
        yield lambda report: bar.update(1)


@main.command()
@OUT
@FAMILY
@FORMAT
@_language_option("Templates in this language ({languages}), or 'all': written to OUT/blank/<LANG>/.")
@PDF
@PDF_A
@TEMPLATES
@BRAND
@reports_errors
def blank(
    out: Path,
    families: tuple[str, ...],
    formats: tuple[str, ...],
    language: str | None,
    pdf: str | None,
    pdf_a: bool,
    templates: Path | None,
    brand: Path | None,
) -> None:
    """Write blank templates (hints in every field) to OUT/blank/ (OUT/blank/<LANG>/ with --language)."""
    pdfs = _pdf_options(pdf, pdf_a)
    own_templates.use(templates)
    shared = lib.read_brand(brand) if brand else None
    outputs: list[lib.Output] = []
    if not language:
        outputs = lib.generate(lib.with_brand(lib.blank_plan(), shared), out, families, formats)
    for each in (lib.LANGUAGES if language == "all" else (language,)) if language else ():
        plan = lib.with_brand(lib.in_language(lib.blank_plan(), each), shared)
        outputs += lib.generate(plan, out, families, formats, folder=f"{lib.BLANK_FOLDER}/{each}")
    _print_outputs(outputs)
    _pdfs(outputs, pdfs)


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def validate(source: Path) -> None:
    """Check SOURCE and list every problem (exit 1) or summarise it (exit 0)."""
    loaded = lib.load_plan(source)
    _warn(loaded.warnings)
    plan = loaded.plan
    lib.check(plan)
    click.echo(
        f"ok: {plan.account.name}: {len(plan.stakeholders)} stakeholders, "
        f"{len(plan.opportunities)} opportunities, {len(plan.actions)} actions, "
        f"{len(plan.risks)} risks, {len(plan.kpis)} KPIs"
    )


@main.command()
@click.option(
    "-o",
    "--out",
    "out",
    default="account-plan.xlsx",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Data workbook to write.",
)
@LANGUAGE
@reports_errors
def init(out: Path, language: str | None) -> None:
    """Write a blank data workbook to fill in Excel instead of YAML (its help in LANG)."""
    click.echo(f"wrote {lib.init_workbook(out, language)}")


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def convert(source: Path, out: Path) -> None:
    """Turn a YAML source into a data workbook (OUT.xlsx) or a data workbook into YAML (OUT.yaml)."""
    click.echo(f"wrote {lib.convert(source, out)}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the data source (for editor autocompletion)."""
    click.echo(lib.schema())


@main.group(name="templates")
def templates_group() -> None:
    """Your own templates: start from the bundled ones, restyle them in PowerPoint and Word."""


@templates_group.command(name="export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def templates_export(folder: Path) -> None:
    """Write the bundled master.pptx and Word templates into FOLDER, to restyle and use with --templates."""
    _print_paths(own_templates.export(folder))


@templates_group.command(name="check")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def templates_check(folder: Path) -> None:
    """Check your templates in FOLDER: every layout and placeholder the decks need, every Word tag known."""
    own_templates.check(folder)
    click.echo(f"ok: {folder}")


@main.command(name="list")
def list_families() -> None:
    """List the families and the formats of each."""
    for family, formats in lib.families_table().items():
        click.echo(f"{family:<24} {', '.join(formats)}")
