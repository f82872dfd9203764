"""Links (http and https): the page is fetched with a timeout and a size limit, then read.

Only http and https are followed, redirects included; the download stops at the size
limit and at an overall deadline, so a slow or endless server cannot stall the build.
"""
from __future__ import annotations

import http.client
import io
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message

from .base import Extracted, LoadError, LoadLimits, describe_size, too_large
from .html import extract_html
from .text import decode_bytes, decode_declared

SCHEMES = ("http", "https")
USER_AGENT = "briefing/0.1 (article reader)"

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}


def is_link(item: str) -> bool:
    """Whether an input names a link rather than a file (``http://`` or ``https://``)."""
    return urllib.parse.urlsplit(item.strip()).scheme.lower() in SCHEMES and "://" in item


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise LoadError(f"the link redirects to a non-web address ({newurl[:80]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(host: str) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [_HttpOnlyRedirects()]
    if host in ("localhost", "::1") or host.startswith("127."):
        handlers.append(urllib.request.ProxyHandler({}))  # a proxy cannot reach this machine's own servers
    return urllib.request.build_opener(*handlers)


def _check(url: str) -> urllib.parse.SplitResult:
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise LoadError(f"not a valid link ({exc})") from exc
    if parts.scheme.lower() not in SCHEMES:
        raise LoadError("only http and https links can be read")
    if not parts.hostname or any(c.isspace() or ord(c) < 32 for c in url):
        raise LoadError("not a valid link")
    return parts


def _failure(exc: BaseException, limits: LoadLimits) -> LoadError:
    if isinstance(exc, urllib.error.HTTPError):
        if 300 <= exc.code < 400 and "not allowed" in str(exc.reason):
            return LoadError("the link redirects to a non-web address")
        return LoadError(f"HTTP {exc.code}" + (f" ({exc.reason})" if exc.reason else ""))
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, LoadError):
        return reason
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return LoadError(f"timed out (no answer within {limits.url_timeout:g} s)")
    if isinstance(reason, socket.gaierror):
        return LoadError("could not connect (unknown host or no network)")
    if isinstance(reason, ssl.SSLError):
        return LoadError(f"could not connect securely ({getattr(reason, 'reason', None) or reason})")
    if isinstance(reason, ConnectionRefusedError):
        return LoadError("could not connect (connection refused)")
    if isinstance(reason, (http.client.HTTPException, ConnectionError)):
        return LoadError(f"the server broke off the connection ({reason.__class__.__name__})")
    if isinstance(reason, OSError):
        return LoadError(f"could not connect ({reason.strerror or reason})")
    return LoadError(f"could not connect ({reason})")


def download(url: str, limits: LoadLimits) -> tuple[bytes, Message, str]:
    """The body, headers and final address of ``url``; :class:`LoadError` with the reason otherwise."""
    parts = _check(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + limits.url_deadline
    try:
        with _opener(parts.hostname or "").open(request, timeout=limits.url_timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limits.max_download_bytes:
                raise too_large(int(declared), limits.max_download_bytes)
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(65536):
                size += len(chunk)
                if size > limits.max_download_bytes:
                    raise LoadError(f"too large (more than the limit of {describe_size(limits.max_download_bytes)})")
                if time.monotonic() > deadline:
                    raise LoadError(f"timed out (the download took more than {limits.url_deadline:g} s)")
                chunks.append(chunk)
            return b"".join(chunks), response.headers, response.geturl()
    except LoadError:
        raise
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        raise _failure(exc, limits) from exc


def fetch(url: str, limits: LoadLimits) -> Extracted:
    """Download a link and read it by its content type (web page, text, PDF, Word, e-mail)."""
    from . import docx, eml, pdf

    data, headers, final = download(url, limits)
    ctype = headers.get_content_type().lower() if headers.get("Content-Type") else ""
    charset = headers.get_content_charset()
    path = urllib.parse.urlsplit(final).path.lower()
    if not data.strip():
        raise LoadError("the page is empty")
    if ctype in _HTML_TYPES or (not ctype and path.endswith((".html", ".htm", "/"))):
        page = extract_html(decode_declared(data, charset) if charset else data, url=final)
    elif ctype in _TEXT_TYPES:
        page = Extracted(text=decode_declared(data, charset) if charset else decode_bytes(data))
    elif ctype == "application/pdf" or (ctype in ("", "application/octet-stream") and path.endswith(".pdf")):
        page = pdf.read(io.BytesIO(data), limits)
    elif ctype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document" or (
            ctype in ("", "application/octet-stream") and path.endswith(".docx")):
        page = docx.read(io.BytesIO(data), limits)
    elif ctype == "message/rfc822":
        page = eml.read(io.BytesIO(data), limits)
    else:
        raise LoadError(f"unsupported content type '{ctype or 'none'}' (expected a web page, text, PDF or Word file)")
    page.url = final
    return page

