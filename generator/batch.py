"""Batch production: many sources into one output folder, in parallel, incrementally, in stable shards.

Each source is read and checked on its own, so a broken one is reported with all its problems while the others
build. Accounts whose source, options and generator are unchanged, and whose files are still as written, are
skipped (a manifest in the output folder remembers them). Shards split the sorted sources by a hash of each
path, so machines of a scheduler can share a portfolio without talking to each other.
"""

from __future__ import annotations

import gc
import glob
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from generator import resources, stash
from generator.errors import AccountPlanError, UsageError
from generator.files import write_atomic, write_suite
from generator.model.plan import AccountPlan
from generator.pdf import PdfOptions
from generator.sources import BrandFile

MANIFEST = ".accountplan-manifest.json"
CONNECT_SECONDS = 10  # how long to wait for a Dask scheduler to answer
SUFFIXES = (".yaml", ".yml", ".xlsx")


@dataclass(frozen=True)
class Source:
    """A source file and the argument it was found under (shards hash the path relative to it)."""

    path: Path
    key: str


@dataclass
class FileReport:
    """One written file: its path, size and SHA-256."""

    path: str
    size: int
    sha256: str


@dataclass
class AccountReport:
    """What became of one source: built, skipped (unchanged) or failed (with its messages)."""

    source: str
    status: str
    folder: str = ""
    files: list[FileReport] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    fingerprint: str = ""
    inputs: dict[str, str] = field(default_factory=dict)  # other files the source names (photos) -> SHA-256
    errors: list[str] = field(default_factory=list)  # what went wrong after the files were written (a PDF)


@dataclass(frozen=True)
class Options:
    """What a batch builds: where, which families and formats."""

    out: Path
    families: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    language: str = ""  # overrides each plan's language when given
    pdf: PdfOptions | None = None  # also a PDF of each Word document and deck (workbooks when asked)
    templates: str = ""  # the user's template folder (checked before the batch starts)
    brand: str = ""  # a brand file every account is dressed in

    def fingerprint(self) -> str:
        """Return a hash of the options and of the generator (version and bundled templates)."""
        from generator import __version__

        digest = hashlib.sha256(f"{__version__}|{self.families}|{self.formats}|{self.language}|{self.pdf}".encode())
        folder = resources.templates()
        for name in sorted(p.name for p in folder.iterdir() if p.name.endswith((".docx", ".pptx", ".png"))):
            digest.update(name.encode() + resources.template(name))  # the user's copy where they have one
        shared = _brand_file(self.brand)
        if shared is not None:
            digest.update(shared.brand.model_dump_json().encode() + (shared.logo or b""))
        return digest.hexdigest()


def find_sources(arguments: Sequence[str | Path]) -> list[Source]:
    """Return the sources named: files, folders (searched recursively) and glob patterns, sorted, deduplicated;
    hidden files and Office lock files (~$name.xlsx) are skipped. UsageError when an argument matches nothing."""
    found: dict[Path, Source] = {}
    for argument in arguments:
        text = str(argument)
        matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))] if glob.has_magic(text) else [Path(text)]
        if not matches or not all(m.exists() for m in matches):
            raise UsageError(f"no such source: {text}")
        for match in matches:
            base = match if match.is_dir() else match.parent
            for path in _files(match):
                found.setdefault(path, Source(path, path.relative_to(base).as_posix()))
    return sorted(found.values(), key=lambda s: str(s.path))


def _files(path: Path) -> list[Path]:
    """Return the source files at a path: the file itself, or every source below a folder."""
    if not path.is_dir():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
        and not p.name.startswith("~$")
    )


def shard(sources: Sequence[Source], index: int, count: int) -> list[Source]:
    """Return the index-th (1-based) of count stable slices: a source's slice depends on its own path only."""
    return [s for s in sources if int(hashlib.sha256(s.key.encode()).hexdigest(), 16) % count == index - 1]


def parse_shard(text: str) -> tuple[int, int]:
    """Return (index, count) of 'I/N', or UsageError."""
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise UsageError(f"--shard takes I/N, like 2/5; got {text!r}") from None
    if not 1 <= index <= count:
        raise UsageError(f"--shard {text}: expected 1 <= I <= N")
    return index, count


def load_account(source: Path, language: str = "", brand: str = "") -> tuple[AccountReport, AccountPlan | None]:
    """Read and check one source (runs in a worker) in the language asked for (its own when none); a failed report
    carries every problem, prefixed by the file."""
    import generator as lib

    try:
        loaded = lib.load_plan(source)
        plan = lib.with_brand(lib.in_language(loaded.plan, language), _brand_file(brand))
    except AccountPlanError as error:
        return AccountReport(str(source), "failed", messages=error.messages()), None
    folder = lib.account_folder(plan)
    pictures = {
        str(source.parent / m.photo): _source_hash(source.parent / m.photo) for m in loaded.plan.team if m.photo
    }
    warned = [*loaded.warnings, *lib.brand_warnings(plan)]
    report = AccountReport(str(source), "loaded", folder, messages=[str(w) for w in warned], inputs=pictures)
    return report, plan


@cache
def _brand_file(path: str) -> BrandFile | None:
    """Return the brand file a batch shares, read once per worker (None when there is none)."""
    from generator.sources import read_brand

    return read_brand(Path(path)) if path else None


def check_account(source: Path, language: str = "", brand: str = "", kept: str = "") -> AccountReport:
    """Return one source's report once it is read and checked (runs in a worker); the plan is left in the
    batch's stash folder kept when there is one (not in memory, so the batch's memory does not grow with the
    portfolio)."""
    digest = stash.source_digest(source) if kept else ""
    report, plan = load_account(source, language, brand)
    if plan is not None:
        stash.put(kept, source, digest, plan)
    return report


def build_account(report: AccountReport, options: Options, kept: str = "") -> tuple[AccountReport, dict[str, bytes]]:
    """Return a checked account's files (runs in a worker): its plan as checked, taken from the stash folder
    kept, or its source read again (no stash, or the source changed since)."""
    plan = stash.take(kept, Path(report.source))
    if plan is None:
        again, plan = load_account(Path(report.source), options.language, options.brand)
        if plan is None:  # the source changed since it was checked
            return again, {}
    return render_account(report, plan, options)


def render_account(
    report: AccountReport, plan: AccountPlan, options: Options
) -> tuple[AccountReport, dict[str, bytes]]:
    """Return one checked account's files as bytes (runs in a worker, local or remote; the caller writes them)."""
    import generator as lib

    resources.use_templates(options.templates or None)  # a worker builds with the user's templates too
    try:
        made = lib.suite(plan, options.families, options.formats)
    except AccountPlanError as error:
        return AccountReport(report.source, "failed", messages=error.messages()), {}
    finally:
        settle()
    return report, {name: data for name, _, _, data in made}


def write_account(report: AccountReport, files: dict[str, bytes], options: Options) -> AccountReport:
    """Write an account's files together into its folder; return what was written."""
    if report.status == "failed":
        return report
    folder = options.out / report.folder
    try:
        paths = write_suite(folder, files)
    except AccountPlanError as error:
        return AccountReport(report.source, "failed", messages=error.messages())
    written = [FileReport(str(p), len(files[p.name]), _sha256(files[p.name])) for p in paths]
    return AccountReport(report.source, "built", str(folder), written, report.messages, inputs=report.inputs)


def _sha256(data: bytes) -> str:
    """Return the hex SHA-256 of data."""
    return hashlib.sha256(data).hexdigest()


class Manifest:
    """What the previous runs built, per source: the source's hash, the options' fingerprint and the files."""

    def __init__(self, out: Path) -> None:
        self.path = out / MANIFEST
        self.accounts: dict[str, dict[str, Any]] = self._read()

    def _read(self) -> dict[str, dict[str, Any]]:
        """Return the recorded accounts; a missing, corrupt or foreign manifest records nothing."""
        try:
            data = json.loads(self.path.read_text("utf-8"))
            accounts = data["accounts"] if data.get("format") == 1 else {}
            return {k: v for k, v in accounts.items() if isinstance(v, dict)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def unchanged(self, source: Path, fingerprint: str) -> AccountReport | None:
        """Return the report of a source whose inputs and files are as recorded (None: it must be built)."""
        entry = self.accounts.get(str(source))
        if not entry or entry.get("fingerprint") != fingerprint or entry.get("source") != _source_hash(source):
            return None
        inputs = entry.get("inputs", {})
        if not isinstance(inputs, dict) or any(_source_hash(Path(p)) != h for p, h in inputs.items()):
            return None
        files = [FileReport(**f) for f in entry.get("files", []) if isinstance(f, dict)]
        if not files or not all(_intact(f) for f in files):
            return None
        return AccountReport(str(source), "skipped", entry.get("folder", ""), files)

    def record(self, report: AccountReport, fingerprint: str) -> None:
        """Remember a built account."""
        path = Path(report.source)
        self.accounts[report.source] = {
            "source": _source_hash(path),
            "fingerprint": fingerprint,
            "folder": report.folder,
            "files": [asdict(f) for f in report.files],
            "inputs": report.inputs,
        }

    def save(self) -> None:
        """Write the manifest atomically."""
        text = json.dumps({"format": 1, "accounts": self.accounts}, indent=1, sort_keys=True)
        write_atomic(self.path, text.encode("utf-8"))


def _source_hash(path: Path) -> str:
    """Return the hash of a source file's bytes ('' when it cannot be read)."""
    try:
        return _sha256(path.read_bytes())
    except OSError:
        return ""


def _intact(report: FileReport) -> bool:
    """Return True when a recorded file is still there with the bytes it was written with."""
    try:
        path = Path(report.path)
        return path.stat().st_size == report.size and _sha256(path.read_bytes()) == report.sha256
    except (OSError, TypeError):
        return False


def duplicate_folders(reports: Iterable[AccountReport]) -> list[str]:
    """Return a message for each source that names the same account (output folder) as an earlier one."""
    seen: dict[str, str] = {}
    found = []
    for report in reports:
        if not report.folder:
            continue
        if report.folder in seen:
            first = seen[report.folder]
            found.append(f"{first} and {report.source} describe the same account (folder {report.folder})")
        seen.setdefault(report.folder, report.source)
    return found


def run(
    sources: Sequence[Source],
    options: Options,
    jobs: int = 1,
    force: bool = False,
    progress: Callable[[AccountReport], None] | None = None,
    scheduler: str = "",
) -> list[AccountReport]:
    """Build every source (skipping unchanged ones unless forced); return a report per source, in source order.
    Two sources of the same account are refused before anything is written."""
    manifest = Manifest(options.out)
    fingerprint = options.fingerprint()
    reports: dict[str, AccountReport] = {}
    todo = []
    for source in sources:
        skipped = None if force else manifest.unchanged(source.path, fingerprint)
        if skipped:
            reports[skipped.source] = skipped
        else:
            todo.append(source.path)
    # a source is read once: its checked plan is kept on disk for its build (Dask workers may run elsewhere)
    with stash.folder(not scheduler) as kept, _Dask(scheduler) if scheduler else _pool(jobs, len(todo)) as pool:
        count = len(todo)
        checked = list(
            pool.map(check_account, todo, [options.language] * count, [options.brand] * count, [kept] * count)
        )
        clashes = duplicate_folders([*reports.values(), *checked])
        if clashes:
            raise AccountPlanError("\n".join(clashes))
        for report in reports.values():
            _tell(progress, report)
        work = [r for r in checked if r.status != "failed"]
        for report in checked:
            if report.status == "failed":
                reports[report.source] = report
                _tell(progress, report)
        try:
            rendered = pool.map(build_account, work, [options] * len(work), [kept] * len(work))
            for made, files in rendered:
                report = write_account(made, files, options)
                reports[report.source] = report
                if report.status == "built" and options.pdf is None:  # with PDFs: recorded once they are made
                    manifest.record(report, fingerprint)
                _tell(progress, report)
            if options.pdf is not None:
                built = [r for r in reports.values() if r.status == "built"]
                _add_pdfs(built, options.pdf, jobs)
                for report in built:  # with its PDFs; an account whose PDF failed is built again next time
                    if not report.errors:
                        manifest.record(report, fingerprint)
        finally:
            manifest.save()
    return [reports[str(s.path)] for s in sources if str(s.path) in reports]


def _add_pdfs(built: list[AccountReport], pdf: PdfOptions, jobs: int) -> None:
    """Make the PDFs of the accounts just built, each worker converting a share of them with one LibreOffice;
    add the PDFs to their reports, and the files that could not be converted to their errors."""
    if not built:
        return
    shares = [built[i::jobs] for i in range(min(jobs, len(built)))]
    with _pool(jobs, len(shares)) as pool:
        results = list(
            pool.map(convert_share, [[[f.path for f in r.files] for r in s] for s in shares], [pdf] * len(shares))
        )
    for share, converted in zip(shares, results, strict=True):
        for report, (pdfs, errors) in zip(share, converted, strict=True):
            report.files.extend(pdfs)
            report.errors.extend(errors)


def convert_share(accounts: list[list[str]], pdf: PdfOptions) -> list[tuple[list[FileReport], list[str]]]:
    """Return, per account (its files), the PDFs made of them and the files that could not be converted (runs in
    a worker; its LibreOffice serves every account of the share)."""
    from generator.pdf import Converter

    with Converter(pdf) as converter:
        made, problems = converter.convert([Path(f) for files in accounts for f in files])
    result = []
    for files in accounts:
        folder = Path(files[0]).parent
        pdfs = [FileReport(str(p), p.stat().st_size, _sha256(p.read_bytes())) for p in made if p.parent == folder]
        errors = [str(p) for p in problems if Path(p.where).parent == folder]
        result.append((pdfs, errors))
    return result


def _tell(progress: Callable[[AccountReport], None] | None, report: AccountReport) -> None:
    """Pass a report to the progress callback, if any."""
    if progress is not None:
        progress(report)


BATCH_GC_THRESHOLDS = (10_000, 50, 1_000)  # Python's (700, 10, 10) spent 11 % of a build collecting, these 4-6 %
_SETTLING = {"on": False, "frozen": False}  # whether this process settles after each account, and has frozen


def collect_less() -> None:
    """Make the garbage collector run less often while accounts are built (rendering makes many short-lived
    objects and few cycles), and settle after each account."""
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
    _SETTLING["on"] = True


def settle() -> None:
    """Free what an account left in reference cycles (python-pptx's parts point at their
    packages and hold native XML trees the collector would free only in a rare full collection, so a worker's
    memory grew account by account), then freeze what is left (templates prepared once, caches), so later
    collections scan only the next account's objects (scanning the survivors of every account again cost 2-3 ms
    an account)."""
    if not _SETTLING["on"]:
        return
    gc.collect()
    gc.freeze()
    _SETTLING["frozen"] = True


class _InProcess:
    """A stand-in for a process pool that runs each call here, in order (--jobs 1), collecting less meanwhile and
    settling after each account when there are several (one account would pay a full collection for nothing)."""

    def __init__(self, settle: bool = True) -> None:
        self.settle = settle

    def __enter__(self) -> _InProcess:
        self.thresholds, self.settling = gc.get_threshold(), dict(_SETTLING)
        collect_less()
        _SETTLING["on"] = self.settle
        return self

    def __exit__(self, *exc: object) -> None:
        gc.set_threshold(*self.thresholds)
        if _SETTLING["frozen"] and not self.settling["frozen"]:
            gc.unfreeze()  # a library caller's objects are theirs to collect again
        _SETTLING.update(self.settling)

    def map(self, function: Callable[..., Any], *iterables: Iterable[Any]) -> Iterable[Any]:
        """Return the results lazily, in order."""
        return map(function, *iterables)


class _Dask:
    """Accounts as tasks on an existing Dask cluster: workers read and render, this process writes the files."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError('--scheduler needs the Dask extra: pip install "accountplan[dask]"') from None
        try:
            self.client = Client(address, timeout=CONNECT_SECONDS)
        except OSError as error:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None

    def __enter__(self) -> _Dask:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def map(self, function: Callable[..., Any], *iterables: Iterable[Any]) -> Iterable[Any]:
        """Return the results in order, computed on the cluster (pure=False: every account is its own task)."""
        lists = [list(items) for items in iterables]
        futures = self.client.map(function, *lists, pure=False)
        results: list[Any] = self.client.gather(futures)
        return results


def _pool(jobs: int, count: int) -> Any:
    """Return a pool of jobs worker processes (or this process, for one job or one account)."""
    if jobs <= 1 or count <= 1:
        return _InProcess(settle=count > 1)
    return ProcessPoolExecutor(max_workers=jobs, initializer=collect_less)


def usable_cores() -> int:
    """Return how many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
