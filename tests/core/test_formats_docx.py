"""Word documents: text and core properties; broken archives and zip bombs refused without unpacking."""
import datetime as dt
import io
import zipfile

import pytest

from briefing.formats import LoadError, LoadLimits
from briefing.formats import docx as docx_format

from input_files import RIVER, docx_bytes, zip_bomb_docx

LIMITS = LoadLimits()


def read(data: bytes, limits: LoadLimits = LIMITS):
    return docx_format.read(io.BytesIO(data), limits)


def test_paragraphs_tables_and_core_properties():
    data = docx_bytes(RIVER, title="River treaty talks", created=dt.datetime(2024, 2, 1, 9, 30),
                      table=[["Side", "Wants"], ["Downstream", "Guaranteed flows in the dry season."]])
    doc = read(data)
    lines = doc.text.split("\n")
    for sentence in RIVER:
        assert sentence in lines
    assert "Guaranteed flows in the dry season." in lines and "Downstream" in lines
    assert doc.title == "River treaty talks"
    assert doc.date == "2024-02-01"


def test_document_without_title_property_has_none():
    assert read(docx_bytes(RIVER)).title is None


def test_a_document_saved_by_libreoffice_keeps_its_title_and_briefing_mark():
    """LibreOffice relates docProps/core.xml by a type python-docx did not read."""
    def as_libreoffice(data: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                body = zin.read(info.filename)
                if info.filename == "_rels/.rels":
                    body = body.replace(b"/package/2006/relationships/metadata/core-properties",
                                        b"/officedocument/2006/relationships/metadata/core-properties")
                zout.writestr(info, body)
        return out.getvalue()

    assert read(as_libreoffice(docx_bytes(RIVER, title="River treaty talks"))).title == "River treaty talks"


@pytest.mark.parametrize("placeholder", ["Word Document", "Document1", "Microsoft Word - river.docx", "Untitled"])
def test_a_placeholder_title_property_is_no_title(placeholder):
    """LibreOffice titles a text file it saves as .docx "Word Document"; that named the source."""
    assert read(docx_bytes(RIVER, title=placeholder)).title is None
    assert read(docx_bytes(RIVER, title="The Document That Split the Delta")).title is not None


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"Plain text with a .docx name.\n", "not a Word document \\(not a zip archive\\)"),
    (b"%PDF-1.4\n...", "not a Word document \\(it looks like a PDF file\\)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word \\(.doc\\) file or a password-protected"),
])
def test_files_that_are_not_word_documents(data, reason):
    with pytest.raises(LoadError, match=reason):
        read(data)


def test_truncated_document():
    data = docx_bytes(RIVER)
    with pytest.raises(LoadError, match="damaged or truncated Word document"):
        read(data[: len(data) * 2 // 3])


def test_zip_without_office_content():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(LoadError, match="zip archive without Office content"):
        read(buf.getvalue())


def test_other_office_file_renamed_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"/>')
    with pytest.raises(LoadError, match="not a readable Word document"):
        read(buf.getvalue())


def test_damaged_xml_inside():
    good = docx_bytes(RIVER)
    src = zipfile.ZipFile(io.BytesIO(good))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            z.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    with pytest.raises(LoadError, match="damaged Word document \\(invalid XML"):
        read(buf.getvalue())


def test_document_with_no_text():
    with pytest.raises(LoadError, match="no text"):
        read(docx_bytes([""]))


def test_zip_bomb_is_refused_from_its_directory_without_unpacking(tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.docx"
    zip_bomb_docx(bomb, unpacked_mb=300)
    assert bomb.stat().st_size < 2_000_000

    def no_unpacking(*args, **kwargs):
        raise AssertionError("a part was unpacked")

    monkeypatch.setattr(zipfile.ZipExtFile, "read", no_unpacking)
    monkeypatch.setattr(zipfile.ZipExtFile, "read1", no_unpacking)
    with open(bomb, "rb") as f, pytest.raises(LoadError, match=r"too large when unpacked \(300 MB; the limit is 200 MB\)"):
        docx_format.read(f, LIMITS)


def test_too_many_parts():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i in range(30):
            z.writestr(f"part{i}.xml", "")
    with pytest.raises(LoadError, match="30 parts; the limit is 20"):
        read(buf.getvalue(), LoadLimits(max_zip_members=20))


def test_entity_expansion_inside_the_document_is_refused_not_expanded():
    good = docx_bytes(RIVER)
    src = zipfile.ZipFile(io.BytesIO(good))
    xml = src.read("word/document.xml").decode()
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY xxe SYSTEM "file:///etc/passwd">'
              + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">' for i in range(1, 10))
              + "]>")
    head, rest = xml.split("?>", 1)
    xml = head + "?>" + laughs + rest.replace(RIVER[0], RIVER[0] + " &lol9; &xxe;", 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in src.infolist():
            z.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info))
    try:
        doc = read(buf.getvalue())
    except LoadError as exc:
        assert "damaged Word document" in str(exc)
    else:
        assert "lollol" not in doc.text and "root:" not in doc.text


def test_a_document_from_the_blank_template_has_no_date():
    assert read(docx_bytes(RIVER)).date is None  # python-docx's template says 2013-12-23


def test_an_earlier_briefing_in_the_input_folder_is_not_an_article(tmp_path):
    from briefing.load import load_inputs
    from briefing.model import Briefing, Point, Section, Source
    from briefing.render_docx import render_docx

    (tmp_path / "river.txt").write_text("River Talks Open\n" + "\n".join(RIVER) + "\n", encoding="utf-8")
    briefing = Briefing(title="River talks", event="", created="2031-03-01T09:00:00+00:00",
                        sources=[Source(id="1", title="River Talks Open", path=str(tmp_path / "river.txt"))],
                        sections=[Section(key="objectives", heading="Objectives",
                                          points=[Point(text=RIVER[0], sources=["1"])])])
    render_docx(briefing, tmp_path / "briefing.docx")
    loaded = load_inputs([tmp_path])
    assert [a.path.name for a in loaded.articles] == ["river.txt"]
    assert [(p.source.endswith("briefing.docx"), p.reason) for p in loaded.problems] == [
        (True, "a briefing written by this program, not an article")]
