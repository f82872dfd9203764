"""E-mails and saved pages (.mhtml): body text unwrapped, Subject/From/Date as metadata."""
import io

import pytest

from briefing.formats import LoadError, LoadLimits
from briefing.formats import eml as eml_format

from input_files import RIVER, SHIPPING, eml_bytes, web_page

LIMITS = LoadLimits()


def read(data: bytes):
    return eml_format.read(io.BytesIO(data), LIMITS)


def test_plain_mail_is_unwrapped_and_described():
    mail = read(eml_bytes(RIVER, subject="River treaty: morning note", sender="Delta Weekly <desk@delta.example>"))
    lines = mail.text.split("\n")
    for sentence in RIVER:
        assert sentence in lines
    assert (mail.title, mail.outlet, mail.date) == ("River treaty: morning note", "Delta Weekly", "2031-03-04")


def test_sender_without_a_name_gives_the_domain():
    mail = read(eml_bytes(RIVER, subject="x", sender="news@delta.example"))
    assert mail.outlet == "delta.example"


def test_html_only_newsletter():
    mail = read(eml_bytes([], subject="Shipping levy", sender="Port News <a@b.example>", html=web_page(SHIPPING)))
    assert SHIPPING[1] in mail.text
    assert "INJECTED" not in mail.text
    assert mail.title == "Shipping levy"


def test_rich_html_wins_over_a_plain_part_that_only_says_view_online():
    mail = read(eml_bytes(["View this newsletter in your browser."], subject="Levy", sender="a@b.example",
                          html=web_page(SHIPPING)))
    assert SHIPPING[2] in mail.text


def test_undeclared_charset_is_detected():
    raw = ("Subject: Zölle\nFrom: a@b.example\nContent-Type: text/plain\n\n"
           "Die Gespräche über Zölle müssen bis März abgeschlossen sein, sagte der Außenminister.\n").encode("cp1252")
    mail = read(raw)
    assert "Die Gespräche über Zölle" in mail.text
    assert mail.title == "Zölle"


def test_saved_web_page_mhtml():
    html = web_page(SHIPPING[1:])
    raw = ("From: <Saved by Blink>\nSnapshot-Content-Location: https://gazette.example/valletta\n"
           "Subject: Shipping talks open in Valletta\nDate: Mon, 4 Mar 2024 10:00:00 -0000\nMIME-Version: 1.0\n"
           'Content-Type: multipart/related; type="text/html"; boundary="B"\n\n'
           "--B\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n"
           "Content-Location: https://gazette.example/valletta\n\n"
           + html.replace("=", "=3D") + "\n--B--\n").encode("utf-8")
    page = read(raw)
    assert SHIPPING[1] in page.text
    assert page.outlet == "Harbour Gazette" and page.title == "Shipping talks open in Valletta"
    assert page.url is not None  # the loader drops it for files; a fetched page keeps its own address


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\x00\x01\x02" * 100, "binary data"),
    (b"%PDF-1.4 a pdf named eml", "binary data; it looks like a PDF"),
    (b"Just a line of text without any headers at all.\n", "no message headers"),
    (b"Subject: nothing\nFrom: a@b.example\n\n   \n", "no readable text"),
])
def test_unreadable_messages(data, reason):
    with pytest.raises(LoadError, match=reason):
        read(data)
