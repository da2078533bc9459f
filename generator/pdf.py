"""PDFs of the written Office files, made by LibreOffice headless: tagged (accessible), with title, author and
language, optionally PDF/A.

A Converter is one worker's LibreOffice: its own profile (two workers never wait on one profile's lock), kept
warm between calls, and started once for a whole group of files of one kind, so a batch does not pay the start-up
per file. A call that hangs is killed after its timeout; files a call did not convert (LibreOffice crashed, or
hung) are tried again one by one, each with its own timeout, so only the file at fault is reported. LibreOffice
stamps the time of the export into a PDF: the stamps are set to the Office file's own date, so the same file gives
the same PDF (pdfstamp).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator.errors import AccountPlanError, Problem
from generator.files import file_mode
from generator.pdfstamp import settled

# suffix -> LibreOffice's export filter, and what the PDF's name adds so a family's plan and deck never collide
KINDS = {
    ".docx": ("writer_pdf_Export", ""),
    ".pptx": ("impress_pdf_Export", "-slides"),
    ".xlsx": ("calc_pdf_Export", "-workbook"),
}
DEFAULT_FORMATS = ("docx", "pptx")  # workbooks only when asked: they are for working in, not for sending
PACKAGES = "libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui"
START_SECONDS, FILE_SECONDS = 60.0, 60.0  # a call's timeout: LibreOffice's start plus each file's share
_LANGUAGE = re.compile(rb"<dc:language[^>]*>([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)</dc:language>")
_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z?</dcterms:created>")


class PdfError(AccountPlanError):
    """PDFs cannot be made at all: LibreOffice is missing (the Office files are written all the same)."""


@dataclass(frozen=True)
class PdfOptions:
    """Which formats get a PDF, whether it is PDF/A, and how long one file may take."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    archive: bool = False  # PDF/A-2b
    timeout: float = FILE_SECONDS


def pdf_name(path: Path) -> str:
    """Return the PDF's name of an Office file: account-map.pdf for the Word plan, account-map-slides.pdf for the
    deck, account-map-workbook.pdf for the workbook."""
    return f"{path.stem}{KINDS[path.suffix][1]}.pdf"


def soffice() -> str:
    """Return LibreOffice's executable, or PdfError naming the Debian packages to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfError(
            f"cannot make PDFs: LibreOffice is not installed (on Debian or Ubuntu: apt-get install {PACKAGES})"
        )
    return found


class Converter:
    """One worker's LibreOffice, converting groups of Office files into tagged PDFs beside them."""

    def __init__(self, options: PdfOptions = PdfOptions()) -> None:
        self.options = options
        self.executable = soffice()
        self.profile = Path(tempfile.mkdtemp(prefix="accountplan-libreoffice-"))

    def close(self) -> None:
        """Remove the worker's LibreOffice profile."""
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Converter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def convert(self, files: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
        """Write the PDF of each file the options ask for next to it; return the PDFs and a problem per file that
        could not be converted."""
        chosen = [f for f in files if f.suffix in KINDS and f.suffix[1:] in self.options.formats]
        made: list[Path] = []
        problems: list[Problem] = []
        groups: dict[tuple[str, str], list[Path]] = {}
        for path in chosen:  # one call per kind and language: LibreOffice tags a deck's PDF with its own locale
            groups.setdefault((path.suffix, language_of(path)), []).append(path)
        for (_, language), group in sorted(groups.items()):
            done, failed = self._kind(group, language)
            made += done
            problems += failed
        return made, problems

    def _kind(self, files: list[Path], language: str) -> tuple[list[Path], list[Problem]]:
        """Convert files of one kind and language in one LibreOffice call, then any it missed one by one."""
        with tempfile.TemporaryDirectory(prefix=".accountplan-pdf-", dir=files[0].parent.parent) as work:
            staged = _stage(files, Path(work))
            self._call(list(staged), Path(work) / "out", language)
            made, missed = self._collect(staged, Path(work) / "out")
            problems = []
            for source in missed:  # a crash or a hang: each file again, alone, so only the one at fault fails
                reason = self._call([source], Path(work) / "out", language)
                again, still = self._collect({source: staged[source]}, Path(work) / "out")
                made += again
                problems += [
                    Problem(str(staged[s]), "", f"no PDF made: {reason or 'LibreOffice wrote nothing'}") for s in still
                ]
        return made, problems

    def _call(self, sources: list[Path], out: Path, language: str) -> str:
        """Run LibreOffice on sources; return why it failed ('' when it exited cleanly)."""
        filter_name = KINDS[sources[0].suffix][0]
        settings = '"UseTaggedPDF":{"type":"boolean","value":"true"}'
        if self.options.archive:
            settings += ',"SelectPdfVersion":{"type":"long","value":"2"}'
        command = [
            self.executable,
            f"-env:UserInstallation={self.profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            f"pdf:{filter_name}:{{{settings}}}",
            "--outdir",
            str(out),
            *map(str, sources),
        ]
        seconds = START_SECONDS + self.options.timeout * len(sources)
        locale = f"{language.replace('-', '_')}.UTF-8"
        environment = {**os.environ, "LANG": locale, "LC_ALL": locale}
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, env=environment
        )
        try:
            _, error = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # LibreOffice and the helpers it started
            process.communicate()
            return f"LibreOffice did not finish within {seconds:.0f} s and was stopped"
        return (
            "" if process.returncode == 0 else f"LibreOffice failed ({error.decode(errors='replace').strip()[-200:]})"
        )

    def _collect(self, staged: dict[Path, Path], out: Path) -> tuple[list[Path], list[Path]]:
        """Move each PDF LibreOffice wrote into place; return the PDFs and the sources it missed."""
        made, missed = [], []
        for source, original in staged.items():
            written = out / f"{source.stem}.pdf"
            if not written.is_file() or written.stat().st_size == 0:
                missed.append(source)
                continue
            target = original.parent / pdf_name(original)
            written.write_bytes(settled(written.read_bytes(), created_of(original)))
            os.chmod(written, file_mode())
            os.replace(written, target)
            made.append(target)
        return made, missed


def language_of(path: Path) -> str:
    """Return the language an Office file declares (dc:language), en-GB when it declares none."""
    found = _LANGUAGE.search(_properties(path))
    return found.group(1).decode() if found else "en-GB"


def created_of(path: Path) -> datetime:
    """Return when an Office file says it was created (the plan's date), 1 January 2000 when it does not say."""
    found = _CREATED.search(_properties(path))
    return datetime.strptime(found.group(1).decode(), "%Y-%m-%dT%H:%M:%S") if found else datetime(2000, 1, 1)


def _properties(path: Path) -> bytes:
    """Return an Office file's document properties (docProps/core.xml; nothing when it has none)."""
    try:
        with zipfile.ZipFile(path) as package:
            return package.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return b""


def _stage(files: list[Path], work: Path) -> dict[Path, Path]:
    """Return links to the files in work, named so no two collide and each PDF gets its final stem."""
    staged = {}
    for index, path in enumerate(files):
        link = work / f"{index:05d}--{Path(pdf_name(path)).stem}{path.suffix}"
        try:
            os.link(path, link)
        except OSError:
            shutil.copyfile(path, link)
        staged[link] = path
    return staged
