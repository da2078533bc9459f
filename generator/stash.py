"""Checked plans kept between a batch's check and its build, so each source is read and validated once.

The duplicate-folder check needs every account's folder before anything is written, and holding the plans
in memory would grow with the portfolio: a worker that checked a source leaves its plan in a private folder
(mode 0700, made and removed by the batch), and the worker that builds it takes it from there while the source
still has the bytes it was checked with.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.model.plan import AccountPlan


@contextmanager
def folder(enabled: bool) -> Iterator[str]:
    """Yield a new private stash folder, removed afterwards with what is left in it ('' when not enabled)."""
    made = tempfile.mkdtemp(prefix="accountplan-checked-") if enabled else ""
    try:
        yield made
    finally:
        if made:
            shutil.rmtree(made, ignore_errors=True)


def _entry(folder: str, source: Path) -> Path:
    """Return where a source's checked plan is kept."""
    return Path(folder) / hashlib.sha256(str(source).encode("utf-8")).hexdigest()


def source_digest(source: Path) -> str:
    """Return the SHA-256 of a source's bytes ('' when it cannot be read)."""
    try:
        return hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError:
        return ""


def put(folder: str, source: Path, digest: str, plan: AccountPlan) -> None:
    """Keep a checked plan with the digest of the bytes it was read from (nothing when there is no stash)."""
    if folder and digest:
        with contextlib.suppress(OSError):  # a full disk costs the build a second read, nothing more
            _entry(folder, source).write_bytes(pickle.dumps((digest, plan), pickle.HIGHEST_PROTOCOL))


def take(folder: str, source: Path) -> AccountPlan | None:
    """Return and forget a source's checked plan, or None when there is none or the source changed since."""
    if not folder:
        return None
    entry = _entry(folder, source)
    try:
        kept = entry.read_bytes()
        entry.unlink()
    except OSError:
        return None
    try:  # written by this batch, in its own private folder: never a user's file
        digest, plan = pickle.loads(kept)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError):  # cut short (a full disk): read the source
        return None
    return plan if isinstance(plan, AccountPlan) and digest == source_digest(source) else None
