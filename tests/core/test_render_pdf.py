"""PDF export through LibreOffice, checked with poppler.

These tests need ``soffice`` and ``pdftotext``/``pdfinfo``. On a developer machine without
them they are skipped; in CI (CI set) they must run, and fail if the tools are missing
(``.ci/run`` installs libreoffice-writer-nogui and poppler-utils).
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.model import Briefing
from briefing.output import OutputError
from briefing.render_pdf import PdfUnavailable, convert_docx_to_pdf, find_soffice, render_pdf

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "briefing.json"


def require_tools() -> None:
    missing = [t for t in ("pdftotext", "pdfinfo") if shutil.which(t) is None]
    if find_soffice() is None:
        missing.insert(0, "soffice")
    if not missing:
        return
    message = f"PDF tests need {', '.join(missing)}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must install libreoffice-writer-nogui and poppler-utils)")
    pytest.skip(message)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_briefing(seeds_dir) -> Briefing:
    from briefing.load import load_inputs
    from briefing.pipeline import build_briefing

    b = build_briefing(load_inputs([seeds_dir]).articles).briefing
    b.marking = "OFFICIAL - SENSITIVE"
    return b


def test_seed_briefing_converts_to_pdf_with_its_text(seed_briefing, tmp_path):
    require_tools()
    out = render_pdf(seed_briefing, tmp_path / "seeds.pdf")
    text = squash(pdf_text(out))
    assert squash(seed_briefing.title) in text
    for heading in ("Key takeaways", "Objectives", "Concessions", "Risks", "Sources"):
        assert heading in text
    first_point = seed_briefing.sections[0].points[0].text
    assert squash(first_point)[:60] in text
    pages = pdf_pages(out)
    assert f"Page 1 of {pages}" in text  # the footer fields were computed
    assert text.count("OFFICIAL - SENSITIVE") >= 2 * pages  # header and footer of every page
    assert pages <= 3, f"the default briefing on the seeds takes {pages} pages"
    assert not list(tmp_path.glob(".seeds.pdf*"))  # no temporary file left behind


@pytest.mark.parametrize("template", ["standard", "compact"])
def test_each_template_renders_the_fixture_to_pdf(tmp_path, template):
    require_tools()
    b = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    out = render_pdf(b, tmp_path / f"{template}.pdf", template)
    text = squash(pdf_text(out))
    assert "Norway is prepared to fund a $250 million research centre" in text
    assert "What it refers to" in text and "Mateo Rivas" in text
    assert pdf_pages(out) <= 2


def test_missing_libreoffice_is_a_clear_error_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_SOFFICE", str(tmp_path / "no-soffice"))
    b = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    with pytest.raises(PdfUnavailable, match="LibreOffice"):
        render_pdf(b, tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()


def test_a_failing_conversion_keeps_the_old_file(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("BRIEFING_SOFFICE", str(fake))
    target = tmp_path / "b.pdf"
    target.write_bytes(b"%PDF old")
    docx = tmp_path / "b.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(OutputError, match="could not be loaded"):
        convert_docx_to_pdf(docx, target)
    assert target.read_bytes() == b"%PDF old"


def test_cli_pdf_without_libreoffice_exits_1_but_writes_the_docx(tmp_path, seeds_dir, monkeypatch):
    from briefing.cli import main

    monkeypatch.setenv("BRIEFING_SOFFICE", str(tmp_path / "no-soffice"))
    code = main(["build", str(seeds_dir), "-o", str(tmp_path / "b.docx"), "--pdf", str(tmp_path / "b.pdf")])
    assert code == 1
    assert (tmp_path / "b.docx").exists() and not (tmp_path / "b.pdf").exists()
