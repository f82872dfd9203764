"""Test inputs written by code, good and broken, so no binary fixture is committed.

The articles are about invented meetings (a fisheries summit, a river treaty, a
shipping conference); nothing here is about the seed event.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from email.message import EmailMessage
from pathlib import Path

FISHERIES = [
    "Fisheries ministers from the northern states meet in Tromsø on Thursday for two days of talks.",
    "The coastal states want binding catch limits for mackerel before the next season opens, officials said.",
    "Norway may offer wider access to its waters if the other delegations accept stricter quotas on herring.",
    "Talks could collapse if the dispute over the islands' fishing zone is raised again, diplomats warned.",
]
RIVER = [
    "Delegations from the upstream and downstream countries gather in Vientiane to revise the river treaty.",
    "The downstream government seeks guaranteed water flows during the dry season, its negotiator said.",
    "The upstream side could accept joint monitoring of its dams in exchange for funding for new turbines.",
    "A drought this spring may harden positions and push the talks past their deadline, analysts cautioned.",
]
SHIPPING = [
    "Transport ministers open a conference in Valletta on Monday to agree rules for cleaner shipping.",
    "Port states aim to set a common levy on heavy fuel oil by the end of the decade, the chair said.",
    "Shipowners are prepared to fund green corridors if the levy is phased in over ten years, a source said.",
    "The conference risks deadlock if the largest flag states refuse any levy at all, observers fear.",
]


def article(title: str, sentences: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(sentences) + "\n"


# ---- good files --------------------------------------------------------------------------------------------

def docx_bytes(paragraphs: list[str], *, title: str | None = None, created: dt.datetime | None = None,
               table: list[list[str]] | None = None) -> bytes:
    import docx

    doc = docx.Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    doc.core_properties.title = title or ""
    if created:
        doc.core_properties.created = created
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_bytes(lines: list[str], *, title: str | None = None, pages: int = 1) -> bytes:
    """A small real PDF whose pages show ``lines`` in Helvetica (a text layer); no lines: no text layer."""
    objects: list[str] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    font = 3 + 2 * pages
    info = font + 1
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    for i in range(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
        for line in lines:
            ops += [f"{_pdf_string(line)} Tj", "T*"]
        ops.append("ET")
        stream = "\n".join(ops) if lines else "0.9 g 72 72 468 648 re f"  # a grey box: a page with no text
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(f"<< /Title {_pdf_string(title)} >>" if title else "<< >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def wrap(text: str, width: int = 70) -> list[str]:
    """Hard-wrapped lines, as a PDF page or a mail program sets them."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


def encrypted_pdf_bytes(lines: list[str], password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(lines))))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


WEB_PAGE = """<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<html><head><title>Shipping talks open in Valletta | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-03-04T08:00:00Z">
<script>document.write("INJECTED SCRIPT TEXT")</script>
<style>p {{ color: red }}</style>
<link rel="stylesheet" href="http://127.0.0.1:9/never.css">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Shipping talks open in Valletta</h1>
{paragraphs}
<img src="http://127.0.0.1:9/tracker.png" alt="">
<iframe src="http://127.0.0.1:9/frame.html"></iframe>
<p>Entity test: &secret; end.</p>
<script src="http://127.0.0.1:9/evil.js"></script>
</article>
<footer>Copyright 2031 Harbour Gazette. All rights reserved.</footer>
</body></html>
"""


def web_page(sentences: list[str]) -> str:
    return WEB_PAGE.format(paragraphs="\n".join(f"<p>{s}</p>" for s in sentences))


def eml_bytes(sentences: list[str], *, subject: str, sender: str, html: str | None = None,
              wrap_plain: bool = True, date: str = "Tue, 04 Mar 2031 09:30:00 +0100") -> bytes:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = "desk@example.org"
    msg["Date"] = date
    if sentences:
        body = "\n\n".join("\n".join(wrap(s, 60)) if wrap_plain else s for s in sentences)
        msg.set_content(body + "\n")
    if html is not None:
        if sentences:
            msg.add_alternative(html, subtype="html")
        else:
            msg.set_content(html, subtype="html")
    return bytes(msg)


def zip_bomb_docx(path: Path, unpacked_mb: int = 300) -> None:
    """A .docx whose document part unpacks to ``unpacked_mb`` MB of spaces from a few hundred KB."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(unpacked_mb):
                f.write(chunk)


GOOD = "good"


def write_good_inputs(folder: Path) -> dict[str, Path]:
    """Readable inputs in every format, odd encodings, odd names, nested folders; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    nested = folder / "nested" / "deeper — 深い"
    nested.mkdir(parents=True)
    files: dict[str, Path] = {}

    def put(key: str, path: Path, data: bytes) -> None:
        path.write_bytes(data)
        files[key] = path

    fish = article("Northern fisheries summit opens", FISHERIES)
    put("utf8_bom", folder / "fisheries_bom.txt", b"\xef\xbb\xbf" + fish.encode("utf-8"))
    put("utf16", nested / "rivière_utf16.txt", article("River treaty talks resume", RIVER).encode("utf-16"))
    put("cp1252", folder / "cp1252 “quotes”.txt",
        article("Shipping levy talks", [s.replace("said", "said — “on record”") for s in SHIPPING])
        .encode("cp1252"))
    put("latin1", folder / "négociations_latin1.md",
        ("# Négociations à Genève\n\nLes délégations se réunissent à Genève pour négocier un accord sur "
         "la pêche, a déclaré le ministre.\n\nLe gouvernement côtier veut des quotas plus stricts avant l'été, "
         "selon des sources officielles.\n").encode("latin-1"))
    put("controls", folder / "control\u200bchars.txt",
        ("Port talks\n\nThe port authority wants\x07 a new\x00 berth for container\x1b ships by next year.\n\n"
         "The\x0c unions may accept longer shifts if wages rise with inflation, their leader said.\n")
        .encode("utf-8"))
    put("unicode_name", nested / "会談 🌍 סיכום Ωmega e\u0301.txt",
        article("Rail corridor summit", [
            "Rail ministers from five countries meet in Almaty to plan a new freight corridor.",
            "Kazakhstan wants transit fees shared by distance travelled, its delegation said.",
        ]).encode("utf-8"))
    put("html", folder / "valletta.html", web_page(SHIPPING[1:]).encode("utf-8"))
    put("docx", nested / "river brief.docx", docx_bytes(
        ["River treaty: what each side wants"] + RIVER[1:],
        title="River treaty talks", created=dt.datetime(2031, 2, 1, 9, 0)))
    put("pdf", folder / "fisheries.pdf", pdf_bytes(
        [ln for s in FISHERIES[1:] for ln in wrap(s)], title="Fisheries summit outlook"))
    put("eml", folder / "newsletter.eml", eml_bytes(
        ["Morning briefing on the rail corridor talks in Almaty.",
         "The freight operators want one customs check at each border instead of three, the newsletter says.",
         "Several governments may waive transit fees for the first two years if volumes grow."],
        subject="Morning Brief: rail corridor talks", sender="Corridor Weekly <news@corridor.example>"))
    return files


# ---- broken files ------------------------------------------------------------------------------------------

def write_bad_inputs(folder: Path, *, big_text_mb: int = 50) -> dict[Path, str]:
    """Every kind of unusable input; path -> regular expression its reason must match."""
    folder.mkdir(parents=True, exist_ok=True)
    bad: dict[Path, str] = {}

    def put(name: str, data: bytes, reason: str) -> Path:
        path = folder / name
        path.write_bytes(data)
        bad[path] = reason
        return path

    put("empty.txt", b"", "empty")
    put("whitespace.md", b"  \n\t\r\n   \n", "empty")
    put("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary data.*PNG")
    put("spreadsheet.xlsb", b"\x00\x01binary", "unsupported file type '.xlsb'")
    put("old report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "unsupported file type '.doc'.*docx")
    put("not a zip.docx", b"This is plain text pretending to be a Word document.\n", "not a Word document")
    real_docx = docx_bytes(SHIPPING)
    put("truncated.docx", real_docx[: len(real_docx) // 2], "damaged or truncated Word document")
    zip_bomb_docx(folder / "bomb.docx")
    bad[folder / "bomb.docx"] = r"too large when unpacked \(300 MB; the limit is 200 MB\)"
    put("fake.pdf", b"<html><body>not a pdf</body></html>", "not a PDF")
    put("empty.pdf", b"", "empty")
    put("locked.pdf", encrypted_pdf_bytes(wrap(RIVER[1])), "encrypted PDF.*password")
    put("scan.pdf", pdf_bytes([]), "no text layer")
    put("garbage.eml", b"\x00\x01\x02\x03" * 100, "binary data")
    big = folder / "huge.txt"
    with open(big, "wb") as f:
        line = ("The delegates talked about quotas and levies for a long time. " * 16 + "\n").encode()
        for _ in range(big_text_mb * (1 << 20) // len(line) + 1):
            f.write(line)
    bad[big] = rf"too large \({big_text_mb} MB; the limit is 10 MB\)"
    put("one line.txt", ("negotiation " * 100_000).encode(), "no sentences")
    loop = folder / "loop"
    loop.mkdir()
    (loop / "back").symlink_to(folder, target_is_directory=True)  # a link loop: folder/loop/back -> folder
    (folder / "self.txt").symlink_to(folder / "self.txt")
    bad[folder / "self.txt"] = "link loop"
    (folder / "gone.txt").symlink_to(folder / "deleted-before-reading.txt")
    bad[folder / "gone.txt"] = "broken link"
    bell = folder / "bell\x07name.txt"
    bell.write_text("A file whose name rings a bell; it has sentences in it. It is fine otherwise.\n")
    bad[bell] = "file name has control characters"
    raw = os.path.join(os.fsencode(folder), b"caf\xe9 latin1 name.txt")
    with open(raw, "wb") as f:
        f.write(b"Another readable text whose name is not UTF-8. It has two sentences.\n")
    bad[Path(os.fsdecode(raw))] = "bytes that are not text"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        bad[folder / "pipe.txt"] = "not a regular file"
    return bad
