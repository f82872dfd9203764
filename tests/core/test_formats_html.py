"""Web pages: main text and metadata; scripts, entities and remote resources never run or fetched."""
import socket

import pytest

from briefing.formats import LoadError, LoadLimits
from briefing.formats.html import extract_html
from briefing.load import load_inputs

from input_files import SHIPPING, web_page


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_main_text_title_outlet_and_date(no_network):
    page = extract_html(web_page(SHIPPING[1:]).encode("utf-8"))
    assert page.title == "Shipping talks open in Valletta"
    assert page.outlet == "Harbour Gazette"
    assert page.date == "2024-03-04"
    for sentence in SHIPPING[1:]:
        assert sentence in page.text.split("\n")
    assert "Home" not in page.text and "All rights reserved" not in page.text
    assert no_network == []


def test_scripts_entities_and_remote_resources_are_not_run_expanded_or_fetched(no_network):
    page = extract_html(web_page(SHIPPING[1:]).encode("utf-8"))
    assert "INJECTED" not in page.text and "document.write" not in page.text
    assert "root:" not in page.text  # /etc/passwd was not read through the external entity
    assert "color: red" not in page.text
    assert no_network == []


def test_page_in_legacy_encoding_declared_in_meta():
    html = ('<html><head><meta charset="windows-1252"><title>Zölle</title></head><body><article>'
            "<p>Die Gespräche über Zölle müssen bis März abgeschlossen sein, sagte der Außenminister am Montag.</p>"
            "<p>Die Regierung könnte Zugeständnisse bei den Quoten machen, wenn die Partner zustimmen.</p>"
            "</article></body></html>").encode("cp1252")
    page = extract_html(html)
    assert "Die Gespräche über Zölle müssen bis März abgeschlossen sein" in page.text


def test_very_short_page_still_gives_its_text():
    page = extract_html(b"<html><body><p>Talks resume on Monday in Geneva, officials said.</p></body></html>")
    assert "Talks resume on Monday in Geneva" in page.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n ", "empty"),
    (b"<html><head><script>var a = 1;</script></head><body><img src='x.png'></body></html>", "no readable text"),
    (b"\x00\x01\x02\x03" * 200 + bytes(range(256)), "binary data"),
])
def test_pages_without_text_are_refused(data, reason):
    with pytest.raises(LoadError, match=reason):
        extract_html(data)


def test_html_file_through_the_loader_keeps_its_metadata(tmp_path, no_network):
    (tmp_path / "valletta.htm").write_text(web_page(SHIPPING[1:]), encoding="utf-8")
    loaded = load_inputs([tmp_path])
    assert loaded.problems == []
    (art,) = loaded.articles
    assert (art.title, art.outlet, art.date, art.url) == ("Shipping talks open in Valletta", "Harbour Gazette",
                                                          "2024-03-04", None)


def test_html_file_over_the_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    loaded = load_inputs([big], LoadLimits(max_file_bytes=1000))
    assert [p.reason for p in loaded.problems] == ["too large (2 KB; the limit is 1 KB)"]


def _bare_page(title: str) -> bytes:
    body = "".join(f"<p>{s}</p>" for s in SHIPPING[1:])
    return (f"<html><head><title>{title}</title></head><body><article>"
            f"<h1>Shipping talks open in Valletta</h1>{body}</article></body></html>").encode("utf-8")


@pytest.mark.parametrize("title, outlet", [
    ("Shipping talks open in Valletta | Harbour Gazette", "Harbour Gazette"),
    ("Shipping talks open in Valletta \u2014 The Island Courier", "The Island Courier"),
    ("Shipping talks open in Valletta", None),
    # What stands before the separator is not the headline: the dash is the headline's own.
    ("Shipping talks - day two", None),
    ("Shipping talks open in Valletta | A site whose tagline runs on far too long to be a name", None),
])
def test_outlet_from_the_page_title_suffix_when_the_page_names_none(title, outlet, no_network):
    page = extract_html(_bare_page(title))
    assert page.title == "Shipping talks open in Valletta"
    assert page.outlet == outlet


def test_no_outlet_is_read_from_a_title_the_page_does_not_state_as_its_headline(no_network):
    """Without an <h1> or og:title the headline is the <title> cut at its last dash, so
    what follows the dash ("day two", "Analysis") is the headline's, not an outlet."""
    body = "".join(f"<p>{s}</p>" for s in SHIPPING[1:])
    for title in ("Shipping talks - day two", "Shipping talks resume \u2013 Analysis"):
        page = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
        assert extract_html(page.encode("utf-8")).outlet is None


def test_outlet_from_the_title_of_a_page_in_a_legacy_encoding(no_network):
    body = "".join(f"<p>{s}</p>" for s in SHIPPING[1:])
    page = (f'<html><head><meta charset="iso-8859-1"><title>Shipping talks open in Valletta | Le T\u00e9l\u00e9gramme'
            f"</title></head><body><article><h1>Shipping talks open in Valletta</h1>{body}</article></body></html>")
    assert extract_html(page.encode("latin-1")).outlet == "Le T\u00e9l\u00e9gramme"


def test_tags_that_never_close_do_not_stall_the_title_search(no_network):
    """Unbounded runs made this page (about 60 KB) take minutes; bounded ones take milliseconds.
    No timing is asserted: a regression shows as a test that does not finish."""
    body = "".join(f"<p>{s}</p>" for s in SHIPPING[1:])
    junk = "<meta property='og:title' " * 1000 + "<h1 a" * 2000 + "<title a" * 2000
    page = f"<html><head><title>Shipping talks</title></head><body><article>{body}</article>{junk}</body></html>"
    assert extract_html(page.encode("utf-8")).text


def test_a_copyright_year_is_not_taken_for_the_date_but_the_markup_date_is():
    """A reader takes the date in Sources for the day the story ran: a "Copyright 2025"
    line made it "2025-01-01" on a page that gives no date at all."""
    body = "".join(f"<p>{s}</p>" for s in SHIPPING[1:]) + "<p>Copyright 2025 Harbour Gazette. All rights reserved.</p>"
    undated = f"<html><head><title>Shipping talks</title></head><body><article>{body}</article></body></html>"
    assert extract_html(undated).date is None
    dated = undated.replace("<article>", '<article><time datetime="2024-03-04">4 March 2024</time>')
    assert extract_html(dated).date == "2024-03-04"
