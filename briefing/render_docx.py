"""Render a :class:`~briefing.model.Briefing` to Word on a style template from ``templates/``.

Every style used here is defined in the template; the code sets no direct formatting.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .model import Briefing
from .output import write_atomic

DEFAULT_TEMPLATE = "standard"


def template_path(name: str = DEFAULT_TEMPLATE) -> Path:
    ref = resources.files("briefing.templates").joinpath(f"{name}.docx")
    with resources.as_file(ref) as p:
        return Path(p)


def _citations(ids: list[str]) -> str:
    return " " + "".join(f"[{i}]" for i in ids)


def build_document(briefing: Briefing, template: str | os.PathLike[str] | None = None):
    from docx import Document

    doc = Document(str(template or template_path()))
    body = doc.element.body
    for child in list(body):
        if child.tag.endswith("}sectPr"):
            continue
        body.remove(child)
    doc.add_paragraph(briefing.title, style="Title")
    if briefing.event:
        doc.add_paragraph(briefing.event, style="Subtitle")
    for section in briefing.sections:
        doc.add_paragraph(section.heading, style="Heading 1")
        for point in section.points:
            doc.add_paragraph(point.text + _citations(point.sources), style="List Bullet")
    doc.add_paragraph("Sources", style="Heading 1")
    for src in briefing.sources:
        doc.add_paragraph(f"[{src.id}] {src.title}" + (f" ({Path(src.path).name})" if src.path else ""),
                          style="List Number")
    return doc


def render_docx(briefing: Briefing, path: str | os.PathLike[str], template: str | os.PathLike[str] | None = None) -> Path:
    doc = build_document(briefing, template)
    return write_atomic(path, lambda tmp: doc.save(str(tmp)))
