"""PDF: the text layer with lines joined into paragraphs; fake, empty, encrypted and scanned files refused."""
import io

import pytest

from briefing.formats import LoadError, LoadLimits
from briefing.formats import pdf as pdf_format

from input_files import FISHERIES, encrypted_pdf_bytes, pdf_bytes, wrap

LIMITS = LoadLimits()


def read(data: bytes, limits: LoadLimits = LIMITS):
    return pdf_format.read(io.BytesIO(data), limits)


def test_text_layer_with_wrapped_lines_joined_back():
    lines = ["Northern fisheries summit"] + [ln for s in FISHERIES for ln in wrap(s, 60)]
    doc = read(pdf_bytes(lines, title="Fisheries summit outlook"))
    paragraphs = doc.text.split("\n")
    joined = " ".join(FISHERIES)
    assert joined in " ".join(paragraphs)
    assert doc.title == "Fisheries summit outlook"


def test_title_that_is_only_a_file_name_is_ignored():
    doc = read(pdf_bytes(wrap(FISHERIES[0]), title="Microsoft Word - draft3.docx"))
    assert doc.title is None


def test_pdf_protected_only_against_editing_opens_without_a_password():
    doc = read(encrypted_pdf_bytes(wrap(FISHERIES[1]), password=""))
    assert "binding catch limits for mackerel" in doc.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"<html>a web page named .pdf</html>", "not a PDF \\(no PDF header\\)"),
    (b"PK\x03\x04 zip named pdf", "not a PDF \\(it looks like a zip archive"),
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "damaged PDF"),
])
def test_files_that_are_not_readable_pdfs(data, reason):
    with pytest.raises(LoadError, match=reason):
        read(data)


def test_truncated_pdf_is_damaged():
    data = pdf_bytes(wrap(FISHERIES[0]))
    with pytest.raises(LoadError, match="damaged PDF|no text layer"):
        read(data[: len(data) // 3])


def test_encrypted_pdf_names_the_password():
    with pytest.raises(LoadError, match="encrypted PDF \\(it needs a password\\)"):
        read(encrypted_pdf_bytes(wrap(FISHERIES[0]), password="secret"))


def test_pdf_without_text_layer():
    with pytest.raises(LoadError, match="no text layer"):
        read(pdf_bytes([]))


def test_page_and_text_limits():
    with pytest.raises(LoadError, match="too many pages \\(3; the limit is 2\\)"):
        read(pdf_bytes(wrap(FISHERIES[0]), pages=3), LoadLimits(max_pdf_pages=2))
    with pytest.raises(LoadError, match="too much text"):
        read(pdf_bytes(wrap(FISHERIES[0]), pages=3), LoadLimits(max_text_chars=150))


def test_pypdf_warnings_do_not_reach_stderr(capfd):
    data = pdf_bytes(wrap(FISHERIES[0]))
    broken_xref = data.replace(b"startxref\n", b"startxref\n9").replace(b"xref\n0 ", b"xref\n0 ")
    try:
        read(broken_xref)
    except LoadError:
        pass
    assert capfd.readouterr().err == ""
