"""What building an account costs in instructions, a figure the machine's speed does not move:
python tests/instructions.py [--accounts N]. Needs valgrind (apt-get install valgrind).

The wall clock on a shared machine moves by a tenth to a half within an hour, more than most changes to the code;
callgrind counts the instructions the whole `build` command executes (start-up, reading, checking, building,
writing) for 2 and for 2 + N of the benchmark's distinct accounts (the first ones, none grown or broken), with one
job; the difference divided by N is what one more account costs, the same on any machine within a fraction of a
per cent. Compare it before and after a change (it takes a few minutes).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.benchmark import distinct_sources  # noqa: E402

FIRST = 2  # accounts in the run whose count is taken away: start-up, templates prepared, caches filled


def instructions(sources: Path, out: Path) -> int:
    """Return the instructions callgrind counts for building a folder of sources with one job."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m", "generator"]
    command += ["build", str(sources), "-o", str(out), "--jobs", "1", "--quiet"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"the build failed under valgrind (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_account(accounts: int) -> float:
    """Return the instructions one more ordinary account costs, from builds of FIRST and FIRST + accounts."""
    with tempfile.TemporaryDirectory() as folder:
        few, many = Path(folder) / "few", Path(folder) / "many"
        few.mkdir()
        many.mkdir()
        distinct_sources(many, FIRST + accounts)
        for source in sorted(many.iterdir())[:FIRST]:
            shutil.copy(source, few / source.name)
        base = instructions(few, Path(folder) / "out-few")
        whole = instructions(many, Path(folder) / "out-many")
    return (whole - base) / accounts


def main() -> None:
    """Print the instructions an ordinary account costs to build."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--accounts", type=int, default=10, help="accounts measured beyond the first two (< 12)")
    accounts = parser.parse_args().accounts
    if not 1 <= accounts <= 10:
        raise SystemExit("--accounts takes 1 to 10 (the 13th generated account is grown to 200 stakeholders)")
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    print(f"one ordinary account, whole build: {per_account(accounts) / 1e6:.1f} M instructions ({accounts} accounts)")


if __name__ == "__main__":
    main()
