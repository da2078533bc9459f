"""Output files written safely: atomically, with the user's usual permissions, an account's suite all at once.

A suite (the files of one account) is written into a staging folder beside its final place, then each file is
renamed into place and the folder synced, while an advisory lock keeps a second build of the same account
waiting (its lock file is removed when the build is done); what an interrupted build left (staging folders,
'.part' files) is removed by the next one. A write that fails names its file and leaves the previous suite as it
was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.errors import WriterError

STAGING = ".staging-"


def file_mode() -> int:
    """Return the mode a new file gets under the process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        _write_synced(Path(temporary), data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_synced(path: Path, data: bytes) -> None:
    """Write data to path, flushed to disk, with the usual permissions."""
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, file_mode())


def write_suite(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write an account's files into folder together; return their paths. WriterError names a file that failed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriterError(f"cannot write {folder}: {error.strerror or error}") from None
    with _locked(folder):
        _clean(folder)
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=folder))
        try:
            staged = [_stage(staging, name, data) for name, data in files.items()]
            placed = [_place(path, folder / path.name) for path in staged]
            _sync(folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return placed


def _stage(staging: Path, name: str, data: bytes) -> Path:
    """Write one file into the staging folder, synced, with the usual permissions."""
    path = staging / name
    try:
        _write_synced(path, data)
    except OSError as error:
        raise WriterError(f"cannot write {name}: {error.strerror or error}; the previous files are unchanged") from None
    return path


def _place(staged: Path, final: Path) -> Path:
    """Rename a staged file over its final name (atomic on one file system)."""
    try:
        os.replace(staged, final)
    except OSError as error:
        raise WriterError(f"cannot write {final}: {error.strerror or error}") from None
    return final


def _clean(folder: Path) -> None:
    """Remove what an interrupted build left in folder: staging folders and temporary '.part' files."""
    for leftover in folder.iterdir():
        if leftover.name.startswith(STAGING) and leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        elif leftover.name.startswith(".") and leftover.name.endswith(".part"):
            leftover.unlink(missing_ok=True)


def _sync(folder: Path) -> None:
    """Flush a folder's entries to disk where the system allows it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def lock_path(folder: Path) -> Path:
    """Return the lock file of an account's folder: hidden, beside it, while a build of the account runs."""
    return folder.parent / f".{folder.name}.lock"


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an advisory lock on an account's folder: a second build of the same account waits for the first. The
    lock file is removed while it is held, so none is left beside the folder; a build that waited on a removed
    file locks the new one instead."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; builds of one account should not overlap there
        yield
        return
    path = lock_path(folder)
    while True:
        handle = open(path, "a+b")  # noqa: SIM115  # held open across the yield: the lock lives as long as it
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        if _still_at(handle.fileno(), path):
            break
        handle.close()
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        handle.close()  # releases the lock


def _still_at(descriptor: int, path: Path) -> bool:
    """Return True when an open file is still the file at path (not removed or replaced since it was opened)."""
    try:
        found, held = path.stat(), os.fstat(descriptor)
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (held.st_dev, held.st_ino)
