"""E-mails (.eml) such as forwarded newsletters, and web pages saved as one file (.mht, .mhtml).

Both are MIME messages. From a mail the plain-text body is taken, unwrapped, unless the
HTML body holds clearly more text (newsletters whose plain part only says "view this
in your browser"); Subject, From and Date give title, outlet and date.
"""
from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage
from typing import BinaryIO

from .base import Extracted, LoadError, LoadLimits, read_at_most, sniff
from .html import extract_html
from .text import decode_bytes, unwrap_lines

SUFFIXES = (".eml", ".mht", ".mhtml")


def _content(part: EmailMessage) -> str:
    """The part's text in its declared charset; detected when none is declared or it is wrong."""
    if part.get_param("charset") is not None:
        try:
            return part.get_content()
        except (LookupError, UnicodeError, ValueError, KeyError, AssertionError):
            pass
    payload = part.get_payload(decode=True) or b""
    return decode_bytes(payload) if payload.strip() else ""


def _header(msg: EmailMessage, name: str) -> str | None:
    """A header's text; raw 8-bit headers (no RFC 2047 encoding) are decoded by detection."""
    try:
        value = msg.get(name)
    except (ValueError, IndexError, TypeError, AttributeError):
        value = None
    if value is None:
        return None
    text = str(value)
    if "\ufffd" in text:
        for key, raw in msg.raw_items():
            if key.lower() == name.lower():
                try:
                    return decode_bytes(raw.encode("utf-8", "surrogateescape")).strip()
                except (LoadError, UnicodeError):
                    break
    return text


def _outlet(sender: str | None) -> str | None:
    if not sender:
        return None
    name, address = email.utils.parseaddr(sender)
    if name:
        return name
    return address.rpartition("@")[2] or None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _words(text: str) -> int:
    return len(text.split())


def read(stream: BinaryIO, limits: LoadLimits) -> Extracted:
    data = read_at_most(stream, limits.max_file_bytes)
    if not data.strip():
        raise LoadError("empty (no text)")
    what = sniff(data[:64])
    if what or b"\x00" in data[:4096]:
        raise LoadError(f"not an e-mail or saved page (binary data{f'; it looks like {what}' if what else ''})")
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not msg.keys():
        raise LoadError("not an e-mail or saved page (no message headers)")
    try:
        plain_part = msg.get_body(preferencelist=("plain",))
        html_part = msg.get_body(preferencelist=("html",))
    except (KeyError, ValueError, AttributeError, TypeError) as exc:
        raise LoadError(f"damaged message ({exc.__class__.__name__})") from exc
    if plain_part is None and html_part is None and not msg.is_multipart() and msg.get_content_maintype() == "text":
        plain_part = msg  # a bare message with no Content-Type is plain text
    plain = unwrap_lines(_content(plain_part)) if plain_part is not None else ""
    snapshot = _header(msg, "Snapshot-Content-Location")  # a page saved by a browser, not a mail
    page = None
    if html_part is not None:
        try:
            page = extract_html(_content(html_part), url=snapshot)
        except LoadError:
            page = None
    if page is not None and (snapshot or _words(page.text) > 1.5 * _words(plain)):
        text = page.text
    else:
        text, page = plain, None
    if not text.strip():
        raise LoadError("the message has no readable text")
    subject, date = _header(msg, "Subject"), _date(_header(msg, "Date"))
    if snapshot:
        return Extracted(text=text, title=(page.title if page else None) or subject,
                         outlet=page.outlet if page else None, date=(page.date if page else None) or date, url=snapshot)
    return Extracted(text=text, title=subject or (page.title if page else None),
                     outlet=_outlet(_header(msg, "From")) or (page.outlet if page else None),
                     date=date or (page.date if page else None))
