"""Speed and memory of the generator, printed as figures: python tests/benchmark.py [--accounts N].

Targets (checked here, never in timed unit tests): a stress deck (60 actions, 40 stakeholders,
800-character texts) builds in about a second; preparing a Word template happens once per
process, so the n-th document costs a fraction of the first; batch production scales linearly.
Ratios are compared within one run because the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import generator as lib  # noqa: E402
from generator.model.plan import AccountPlan  # noqa: E402
from generator.model.validation import validate_data  # noqa: E402
from tests.stress import grown, stress_data  # noqa: E402


def timed(action: Callable[[], object], repeat: int = 5) -> float:
    """Return the fewest seconds action took in repeat runs: other processes on a shared machine only ever add
    time, so the fastest run is the steadiest figure (as timeit advises); ratios take it on both sides."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return min(runs)


def zip_bound(data: bytes) -> float:
    """Return the seconds it takes just to deflate a package's parts: the floor no writer can go below."""
    import zipfile

    parts = [
        (i.filename, zipfile.ZipFile(io.BytesIO(data)).read(i.filename))
        for i in zipfile.ZipFile(io.BytesIO(data)).infolist()
    ]

    def pack() -> None:
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as package:
            for name, body in parts:
                package.writestr(name, body, compresslevel=6)

    return timed(pack, 5)


def python_gauge() -> float:
    """Return the seconds PyYAML's pure-Python loader takes to read the example source: a fixed, Python-heavy work
    (dicts, strings, calls, like a build) no change to this project moves. The zip bound is deflate's C code; on a
    shared host the two have moved apart (a build 50 % slower while the zip bound stayed)."""
    import yaml

    text = (ROOT / "data" / "example.yaml").read_text("utf-8")
    return timed(lambda: yaml.load(text, Loader=yaml.SafeLoader), 3)


RATIO_TARGETS = {"pptx": 4.0, "xlsx": 3.0, "docx": 1.0}  # issue 10: each file at most this many zip bounds


def suite_bound(plan: AccountPlan) -> float:
    """Return the seconds it takes just to deflate the parts of a plan's 13 files: the machine's speed now."""
    return sum(zip_bound(lib.render(plan, f, x)) for f, formats in lib.families_table().items() for x in formats)


@contextlib.contextmanager
def collected_as_in_a_batch() -> Iterator[None]:
    """Collect garbage inside as every build does (generator.batch's in-process pool: less often, what the process
    holds after its first account frozen), then as before: per-file figures then count what a build pays, not
    Python's default collections scanning the benchmark's own objects."""
    from generator.batch import _InProcess, settle

    with _InProcess():
        settle()
        yield


def per_file(plan: AccountPlan, label: str) -> float:
    """Print the cost of every family and format of a plan (its document built and written, as lib.render does),
    the writer's share alone (the document is built once per family for all its formats), each one's ratio to
    the zip bound and that ratio's target; return the total."""
    from generator import _write
    from generator.families import document

    total = 0.0
    for family, formats in lib.families_table().items():
        for fmt in formats:
            seconds = timed(lambda f=family, x=fmt: lib.render(renamed(plan), f, x))  # type: ignore[misc]
            built = iter([document(renamed(plan), family) for _ in range(5)])  # each new: its parts never zipped
            writer = timed(lambda b=built, x=fmt: _write(next(b), x))  # type: ignore[misc]
            bound = zip_bound(lib.render(plan, family, fmt))
            total += seconds
            print(
                f"  {label:<8} {family:<24} {fmt:<5} {seconds * 1000:6.0f} ms ×{seconds / bound:5.1f}"
                f"   writer alone {writer * 1000:6.0f} ms ×{writer / bound:5.1f}"
                f"   zip bound {bound * 1000:5.1f} ms (target ≤ {RATIO_TARGETS[fmt]:.0f}×)"
            )
    return total


_RENAMED = iter(range(10**9))


def renamed(plan: AccountPlan) -> AccountPlan:
    """Return the plan under a new account name: a document of its own, so none of its parts were zipped before
    (template parts were: that is what a batch sees too)."""
    name = f"{plan.account.name} {next(_RENAMED)}"
    return plan.model_copy(update={"account": plan.account.model_copy(update={"name": name})})


_SUITE_CPU = (  # builds one YAML source's suite in a fresh, warmed process, as a batch worker does; prints its CPU-s
    "import sys, time; import generator as lib; from generator.batch import collect_less; collect_less(); "
    "lib.suite(lib.load_plan().plan); plan = lib.load_plan(sys.argv[1]).plan; start = time.process_time(); "
    "files = lib.suite(plan); print(len(files), time.process_time() - start)"
)


def scaling() -> None:
    """Print what the example grown to 300 and to 3,000 stakeholders and actions costs, each built in a fresh
    process (after the example, as a batch worker's later accounts) with the garbage collector set as a build sets
    it: linear means about ×10."""
    import subprocess

    import yaml

    base = yaml.safe_load((ROOT / "data" / "example.yaml").read_text("utf-8"))
    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (300, 3000):
            source = Path(folder) / f"grown-{size}.yaml"
            source.write_text(yaml.safe_dump(grown(base, size, size), allow_unicode=True), "utf-8")
            done = subprocess.run([sys.executable, "-c", _SUITE_CPU, str(source)], capture_output=True, text=True)
            count, cpu = done.stdout.split()
            seconds.append(float(cpu))
            print(f"  {size:>5} stakeholders and actions: {count} files in {seconds[-1]:.1f} CPU-s (fresh process)")
    print(f"  ten times the plan costs ×{seconds[1] / seconds[0]:.1f} (linear: about ×10)")


def prepared_vs_cold(plan: AccountPlan) -> None:
    """Print what preparing Word templates once per process saves."""
    from docxtpl import DocxTemplate

    from generator import resources
    from generator.families import document
    from generator.writers.docx.context import context
    from generator.writers.docx.render import environment

    family = "strategic-account-plan"
    view = context(document(plan, family))
    view["doc"].update({"logo": "", "header_logo": ""})  # no brand: the templates' logo tags render empty
    data = resources.templates().joinpath(f"{family}.docx").read_bytes()

    def cold() -> None:
        template = DocxTemplate(io.BytesIO(data))
        template.render(view, jinja_env=environment(), autoescape=True)
        template.save(io.BytesIO())

    warm = timed(lambda: lib.render(plan, family, "docx"), 5)
    plain = timed(cold, 5)
    print(
        f"  docx, template prepared once: {warm * 1000:.0f} ms; docxtpl preparing every time: "
        f"{plain * 1000:.0f} ms (ratio {plain / warm:.2f})"
    )


def naive_table_rows(plan: AccountPlan) -> None:
    """Print python-pptx's row-by-row table API against the writer's single pass."""
    from pptx import Presentation
    from pptx.util import Inches

    rows = 300

    def naive() -> None:
        prs = Presentation()
        table = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_table(rows, 5, 0, 0, Inches(9), Inches(6)).table
        for r in range(rows):
            for c in range(5):
                table.cell(r, c).text = "x"

    def single_pass() -> None:
        from pptx.table import _Cell

        prs = Presentation()
        table = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_table(rows, 5, 0, 0, Inches(9), Inches(6)).table
        for tr in table._tbl.tr_lst:
            for tc in tr.tc_lst:
                _Cell(tc, table).text = "x"

    slow, fast = timed(naive), timed(single_pass)
    print(
        f"  {rows}-row table: table.cell(r, c) {slow * 1000:.0f} ms; single pass over rows "
        f"{fast * 1000:.0f} ms (ratio {slow / fast:.1f})"
    )


def batch(plan: AccountPlan, accounts: int) -> None:
    """Print the cost of producing the whole suite for many accounts in one process."""
    plans = [
        plan.model_copy(update={"account": plan.account.model_copy(update={"name": f"Account {i:03d}"})})
        for i in range(accounts)
    ]
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        files = sum(len(lib.generate(p, folder)) for p in plans)
        seconds = time.perf_counter() - start
    print(
        f"  {accounts} accounts, {files} files: {seconds:.1f} s ({seconds / accounts * 1000:.0f} ms per account, "
        f"{seconds / files * 1000:.0f} ms per file)"
    )


def memory(plan: AccountPlan) -> None:
    """Print the peak Python memory of building the stress suite."""
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as folder:
        lib.generate(plan, folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak traced Python memory, whole stress suite: {peak / 1e6:.0f} MB; process max RSS so far: {rss:.0f} MB")


def distinct_sources(folder: Path, count: int) -> None:
    """Write count distinct account sources: names, numbers, texts and list lengths varied (every person renamed,
    every text of four words or more reworded, every amount scaled), every 25th grown to 200 stakeholders and 300
    actions, every 50th broken."""
    import random

    import yaml

    base = yaml.safe_load((ROOT / "data" / "example.yaml").read_text("utf-8"))
    rng = random.Random(7)
    words = base["account"]["overview"].split()
    for index in range(count):
        data = yaml.safe_load(yaml.safe_dump(base))
        data = _Varied(rng, data, words).value(data)
        data["account"]["name"] = f"Portfolio Account {index:04d} {rng.choice(['GmbH', 'SA', 'Ltd', 'AB'])}"
        data["account"]["overview"] = " ".join(rng.sample(words, k=min(len(words), rng.randint(10, 60))))
        data["actions"] = data["actions"][: rng.randint(1, len(data["actions"]))]
        data["opportunities"] = data["opportunities"][: rng.randint(1, len(data["opportunities"]))]
        for opportunity in data["opportunities"]:
            opportunity["value"] = rng.randrange(10_000, 5_000_000)
        if index % 25 == 12:
            data = grown(data, 200, 300)
        if index % 50 == 49:
            data["account"]["segment"] = "not-a-segment"
        (folder / f"account-{index:04d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


_FIRST = "Ana Bernd Chloé Dmitri Elif Farid Greta Hugo Inès Jonas Katja Luca Mei Nils Olga Pierre Rosa Sven Tariq Ulla"
_LAST = "Almeida Brandt Castell Dubois Eriksen Fischer Górski Hansen Ivanova Jansen Keller Lindqvist Moreau Novák"


class _Varied:
    """An account's raw data made unlike the example's: people renamed wherever they are named, texts of four words
    or more reworded (the same text the same way, so groups and references hold), amounts scaled."""

    def __init__(self, rng: Any, data: dict[str, Any], words: list[str]) -> None:
        people = [p["name"] for p in data["stakeholders"]] + [m["name"] for m in data["team"]]
        pool = [f"{first} {last}" for first in _FIRST.split() for last in _LAST.split()]
        self.rng, self.words = rng, words
        self.texts: dict[str, str] = dict(zip(people, rng.sample(pool, len(people)), strict=True))

    def value(self, value: Any) -> Any:
        """Return a value varied: mappings and lists item by item, texts and amounts each their own way."""
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 10_000:
            return round(value * self.rng.uniform(0.3, 3.0), -3)
        return value

    def text(self, text: str) -> str:
        """Return a person's new name, or a text of four words or more reworded: shuffled, some words dropped or
        added, so lengths vary too."""
        if text not in self.texts and len(text.split()) >= 4:
            words = text.split()
            self.rng.shuffle(words)
            kept = words[: self.rng.randint(3, len(words))]
            self.texts[text] = " ".join(kept + self.rng.sample(self.words, self.rng.randint(0, len(words))))
        return self.texts.get(text, text)


@contextlib.contextmanager
def built_folder(count: int, jobs: int) -> Iterator[tuple[list[str], Path]]:
    """Yield the command that builds a folder of count distinct accounts with jobs workers, and its output folder."""
    with tempfile.TemporaryDirectory() as folder:
        sources, out = Path(folder) / "sources", Path(folder) / "out"
        sources.mkdir()
        distinct_sources(sources, count)
        yield [sys.executable, "-m", "generator", "build", str(sources), "-o", str(out), "--jobs", str(jobs)], out


_PEAK = (  # runs a command and prints the peak RSS of its largest process (KB) and its exit code
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], capture_output=True).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def portfolio(count: int, jobs: int, example: AccountPlan) -> float:
    """Print what building a folder of distinct accounts with the CLI costs against the target (1,000 accounts in
    60 s wall on 2 cores, so 0.06 s each), and the incremental re-run; return the first run's peak RSS (MB). The
    CPU an account is also given in zip bounds of the example suite measured just before and just after: the
    machine's speed moves by a tenth and more within an hour (by half, once), and this ratio lets runs of different
    hours be compared; two bounds far apart say the host changed speed during the run."""
    import subprocess

    peaks = []
    with built_folder(count, jobs) as (command, _):
        for label in ("first run", "second run (unchanged)"):
            bound, gauge = suite_bound(example), python_gauge()
            start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            done = subprocess.run([sys.executable, "-c", _PEAK, *command, "--quiet"], capture_output=True, text=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall, cpu = (
                time.perf_counter() - start,
                (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            )
            bounds = (bound, suite_bound(example))  # before and after: a host that slowed down meanwhile shows
            gauges = (gauge, python_gauge())
            peak, code = done.stdout.split()[-2:]
            peaks.append(int(peak) / 1024)
            print(
                f"  {label}: {count} accounts, --jobs {jobs}: {wall:.1f} s wall (target {count * 0.06:.0f} s), "
                f"{cpu:.1f} CPU-s ({cpu / count * 1000:.0f} ms CPU per account, {cpu / count / max(bounds):.1f}-"
                f"{cpu / count / min(bounds):.1f} times the example suite's zip bound of {bounds[0] * 1000:.0f} ms "
                f"before and {bounds[1] * 1000:.0f} ms after; Python gauge {gauges[0] * 1000:.0f} ms before and "
                f"{gauges[1] * 1000:.0f} ms after), exit {code}, "
                f"peak RSS of its largest process {int(peak) / 1024:.0f} MB (target < 250, flat)"
            )
    return peaks[0]


def pdfs(count: int, jobs: int) -> None:
    """Print what the PDFs of a batch cost per PDF (target: 0.5 s wall per PDF with 2 workers)."""
    import subprocess

    with built_folder(count, jobs) as (command, out):
        start = time.perf_counter()
        subprocess.run([*command, "--quiet"], capture_output=True, check=False)
        office = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([*command, "--quiet", "--pdf", "--force"], capture_output=True, check=False)
        both = time.perf_counter() - start
        made = len(list(out.glob("*/*.pdf")))
        share = max(both - office, 0.0)
        print(
            f"  {count} accounts, --jobs {jobs}: {made} PDFs in {share:.1f} s beyond the Office files "
            f"({share / max(made, 1):.2f} s per PDF; target 0.50)"
        )


def build_kind() -> str:
    """Return how the generator is installed: its hot modules compiled with mypyc, or plain Python."""
    from generator.writers import textfit

    compiled = not (textfit.__file__ or "").endswith(".py")
    return (
        "hot modules compiled with mypyc"
        if compiled
        else "plain Python (no C compiler at install, or ACCOUNTPLAN_PURE)"
    )


def main() -> None:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument(
        "--portfolio", type=int, nargs="*", default=[], help="also build folders of this many distinct accounts"
    )
    parser.add_argument("--scale", action="store_true", help="also build the example grown to 300 and 3,000 people")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pdfs", type=int, default=0, help="also time the PDFs of this many accounts (LibreOffice)")
    args = parser.parse_args()
    example = lib.load_plan().plan
    outcome = validate_data(stress_data())
    assert outcome.plan is not None
    stress = outcome.plan
    lib.render(example, "strategic-account-plan", "docx")  # warm the per-process template caches
    print(f"generator: {build_kind()}")
    print("per file (fastest of 5; the collector set as a build sets it):")
    with collected_as_in_a_batch():
        example_total = per_file(example, "example")
        stress_total = per_file(stress, "stress")
    print(f"  whole suite: example {example_total:.2f} s, stress {stress_total:.2f} s")
    print("preparation once per process:")
    prepared_vs_cold(example)
    print("PowerPoint tables:")
    naive_table_rows(example)
    print("batch:")
    batch(example, args.accounts)
    print("memory:")
    memory(stress)
    if args.scale:
        print("plan size (linear?):")
        scaling()
    peaks = []
    for count in args.portfolio:
        print("portfolio (accountplan build FOLDER):")
        peaks.append((count, portfolio(count, args.jobs, example)))
    if len(peaks) > 1:
        (few, low), (many, high) = peaks[0], peaks[-1]
        print(f"  peak RSS, {many} against {few} accounts: {high / low - 1:+.0%} (target: within ±10 %)")
    if args.pdfs:
        print("PDFs (accountplan build FOLDER --pdf):")
        pdfs(args.pdfs, args.jobs)


if __name__ == "__main__":
    main()
