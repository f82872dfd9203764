"""PDF export: the Word briefing converted by LibreOffice (``soffice --headless``).

The PDF is exactly what the .docx looks like in an office suite, so there is no second
layout to keep in step. Conversion runs with a private LibreOffice profile (a running
LibreOffice or a parallel conversion would otherwise make ``soffice`` quietly do
nothing) and the result is moved into place atomically.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .model import BRIEFING_CREATOR, Briefing
from .output import OutputError, write_atomic

CONVERT_TIMEOUT_S = 180
_CANDIDATES = (
    "/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


_NO_SOFFICE = "PDF export needs LibreOffice (soffice), which is not installed; install it or write the .docx only"


class PdfUnavailable(OutputError):
    """No LibreOffice to convert with."""


def find_soffice() -> str | None:
    """The LibreOffice executable: $BRIEFING_SOFFICE, then the PATH, then the usual install places."""
    override = os.environ.get("BRIEFING_SOFFICE")
    if override:
        return override if Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((c for c in _CANDIDATES if Path(c).is_file()), None)


def convert_docx_to_pdf(docx: str | os.PathLike[str], path: str | os.PathLike[str],
                        timeout: float = CONVERT_TIMEOUT_S) -> Path:
    """Convert an existing .docx to PDF at ``path``. Raises PdfUnavailable or OutputError."""
    target = Path(path)
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(target, _NO_SOFFICE)
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as tmp:
        work = Path(tmp)
        source = work / "briefing.docx"
        shutil.copyfile(docx, source)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(work), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise OutputError(target, f"LibreOffice took longer than {timeout:.0f} s") from None
        except OSError as exc:
            raise PdfUnavailable(target, f"LibreOffice could not be started ({exc.strerror or exc})") from exc
        pdf = work / "briefing.pdf"
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            detail = (done.stderr or done.stdout or "").strip().splitlines()
            reason = detail[-1] if detail else f"exit status {done.returncode}"
            raise OutputError(target, f"LibreOffice could not convert the briefing ({reason})")
        _stamp(pdf)
        return write_atomic(target, lambda out: shutil.copyfile(pdf, out))


def _stamp(pdf: Path) -> None:
    """Name this program as the PDF's creator, so the PDF reader leaves the briefing out
    when it lies among the articles of a later build. A PDF that pypdf cannot rewrite is
    kept as LibreOffice made it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    stamped = pdf.with_name("stamped.pdf")
    try:
        writer = PdfWriter(clone_from=PdfReader(pdf))
        writer.add_metadata({"/Creator": BRIEFING_CREATOR})
        with open(stamped, "wb") as out:
            writer.write(out)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError):
        return
    os.replace(stamped, pdf)


def render_pdf(briefing: Briefing, path: str | os.PathLike[str], template: str | os.PathLike[str] | None = None,
               *, author: str | None = None) -> Path:
    """Write the briefing as PDF: rendered to Word on ``template``, then converted."""
    from .render_docx import render_docx

    if find_soffice() is None:  # say so before doing the work
        raise PdfUnavailable(path, _NO_SOFFICE)
    with tempfile.TemporaryDirectory(prefix="briefing-docx-") as tmp:
        docx = render_docx(briefing, Path(tmp) / "briefing.docx", template, author=author)
        return convert_docx_to_pdf(docx, path)
