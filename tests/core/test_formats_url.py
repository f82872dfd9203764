"""Links: fetched from a local http.server on 127.0.0.1 only, with a timeout and a size limit."""
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing.formats import LoadError, LoadLimits
from briefing.formats.url import fetch, is_link
from briefing.load import load_inputs

from input_files import FISHERIES, SHIPPING, pdf_bytes, web_page, wrap

LIMITS = LoadLimits(max_download_bytes=100_000, url_timeout=5.0)
RELEASE = threading.Event()  # holds the slow page until the test is done with it


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):  # keep the test output clean
        pass

    def send(self, status: int, ctype: str | None, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):  # noqa: N802 - the name http.server calls
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", web_page(SHIPPING[1:]).encode("utf-8")),
            "/plain.txt": (200, "text/plain; charset=windows-1252",
                           "Die Gespräche über Zölle gehen weiter, sagte der Minister am Montag.".encode("cp1252")),
            "/notes.txt": (200, "text/plain", "Talks resume on Monday, the ministers said.".encode("utf-16")),
            "/doc.pdf": (200, "application/pdf", pdf_bytes([ln for s in FISHERIES for ln in wrap(s)])),
            "/picture.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
            "/empty.html": (200, "text/html", b""),
        }
        if self.path in routes:
            self.send(*routes[self.path])
        elif self.path == "/declared-big":
            self.send(200, "text/html", b"<p>start</p>", length=50_000_000)
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"<p>" + b"x" * 8192 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/to-article":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/slow":
            RELEASE.wait(10)
            self.send(200, "text/html", b"<p>too late</p>")
        else:
            self.send(404, "text/html", b"<h1>Not found</h1>")


@pytest.fixture(scope="module")
def server():
    RELEASE.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)
    assert not thread.is_alive()


def test_is_link():
    assert is_link("https://example.org/a") and is_link("HTTP://x.example")
    assert not is_link("notes/http_article.txt") and not is_link("ftp://x.example/a") and not is_link("C:/x.txt")


def test_web_page_is_fetched_and_read(server):
    page = fetch(f"{server}/article.html", LIMITS)
    assert SHIPPING[1] in page.text and "INJECTED" not in page.text
    assert (page.title, page.outlet, page.url) == ("Shipping talks open in Valletta", "Harbour Gazette",
                                                   f"{server}/article.html")


def test_redirect_is_followed_and_final_address_kept(server):
    assert fetch(f"{server}/to-article", LIMITS).url == f"{server}/article.html"


def test_text_in_the_declared_charset(server):
    assert fetch(f"{server}/plain.txt", LIMITS).text.startswith("Die Gespräche über Zölle")


def test_text_without_charset_is_detected(server):
    assert fetch(f"{server}/notes.txt", LIMITS).text == "Talks resume on Monday, the ministers said."


def test_pdf_link(server):
    assert "binding catch limits for mackerel" in fetch(f"{server}/doc.pdf", LIMITS).text


@pytest.mark.parametrize("path, reason", [
    ("/missing", "^HTTP 404 \\(Not Found\\)$"),
    ("/picture.png", "unsupported content type 'image/png'"),
    ("/empty.html", "the page is empty"),
    ("/declared-big", "too large \\(48 MB; the limit is 98 KB\\)"),
    ("/endless", "too large \\(more than the limit of 98 KB\\)"),
    ("/to-file", "redirects to a non-web address"),
])
def test_bad_links_give_one_clear_reason(server, path, reason):
    with pytest.raises(LoadError, match=reason):
        fetch(f"{server}{path}", LIMITS)


def test_timeout(server):
    with pytest.raises(LoadError, match="timed out \\(no answer within 0.3 s\\)"):
        fetch(f"{server}/slow", LoadLimits(url_timeout=0.3))


def test_connection_refused():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(LoadError, match="could not connect \\(connection refused\\)"):
        fetch(f"http://127.0.0.1:{port}/", LIMITS)


@pytest.mark.parametrize("url, reason", [
    ("http://", "not a valid link"),
    ("http://127.0.0.1:99999/", "not a valid link"),
    ("http://exa mple.org/", "not a valid link"),
])
def test_malformed_links(url, reason):
    with pytest.raises(LoadError, match=reason):
        fetch(url, LIMITS)


def test_links_beside_files_through_the_loader(server, tmp_path):
    (tmp_path / "river.txt").write_text("River talks\n\nThe delegations meet on Monday to revise the treaty.\n")
    loaded = load_inputs([f"{server}/article.html", tmp_path, f"{server}/missing"])
    assert [a.url for a in loaded.articles] == [f"{server}/article.html", None]
    assert loaded.articles[0].title == "Shipping talks open in Valletta"
    assert [(p.source, p.reason) for p in loaded.problems] == [(f"{server}/missing", "HTTP 404 (Not Found)")]
