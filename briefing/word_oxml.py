"""The few WordprocessingML constructs python-docx has no API for.

Bookmarks (targets of citations), internal and external hyperlinks, and fields
(PAGE / NUMPAGES). Each helper builds the smallest valid OXML and returns python-docx
objects where it can, so the renderer never writes XML itself.
"""
from __future__ import annotations

import itertools
import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_bookmark_ids = itertools.count(1)


def bookmark_name(key: str) -> str:
    """A valid Word bookmark name for a key: starts with a letter, word characters, at most 40."""
    return ("src_" + re.sub(r"\W", "_", key))[:40]


def add_bookmarked_run(paragraph: Paragraph, text: str, name: str, style=None) -> Run:
    """A run wrapped in a bookmark ``name``, the target of internal links."""
    bid = str(next(_bookmark_ids))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bid)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bid)
    paragraph._p.append(start)
    run = paragraph.add_run(text, style)
    paragraph._p.append(end)
    return run


def _hyperlink(paragraph: Paragraph, text: str, style, **attrs: str) -> Run:
    link = OxmlElement("w:hyperlink")
    for key, value in attrs.items():
        link.set(qn(key), value)
    run = paragraph.add_run(text, style)  # added to the paragraph, then moved into the link
    link.append(run._r)
    paragraph._p.append(link)
    return run


def add_internal_link(paragraph: Paragraph, text: str, anchor: str, style=None) -> Run:
    """A run that jumps to bookmark ``anchor`` when clicked."""
    return _hyperlink(paragraph, text, style, **{"w:anchor": anchor, "w:history": "1"})


def add_external_link(paragraph: Paragraph, text: str, url: str, style=None) -> Run:
    """A run that opens ``url``."""
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    return _hyperlink(paragraph, text, style, **{"r:id": rid, "w:history": "1"})


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A complex field (e.g. ``PAGE``, ``NUMPAGES``) with a cached result the suite updates."""
    def char(kind: str) -> None:
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(fld)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def has_field(element, instruction: str) -> bool:
    """True when ``element`` (a header or footer) already holds a field with this instruction."""
    word = re.compile(rf"(^|\s){re.escape(instruction)}(\s|$)")
    for instr in element.iter(qn("w:instrText")):
        if word.search((instr.text or "").strip()):
            return True
    for simple in element.iter(qn("w:fldSimple")):
        if word.search(simple.get(qn("w:instr"), "").strip()):
            return True
    return False
