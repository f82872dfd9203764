"""Render a :class:`~briefing.model.Briefing` as Markdown, for pasting into an email.

The same parts, in the same order and with the same wording as the Word briefing
(title block, key takeaways, sections grouped by party, key figures, notable quotes,
sources); citations are plain ``[1]`` since anchors do not survive an email client.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .model import Briefing, Point, briefing_note
from .output import write_text_atomic
from .render_docx import (FIGURE_COLUMNS, FIGURES_HEADING, LOCATION_GAP, OUTLET_GAP, QUOTES_HEADING, SOURCES_HEADING,
                          TAKEAWAYS_HEADING, briefing_facts, grouped_points, source_entry_parts, support_note)
from .takeaways import key_takeaways

# Only what would turn into markup is escaped, so that the text still reads well pasted
# as plain text into an email: "01_wire.txt" and "[1]" stay as they are (an underscore
# inside a word is never emphasis; a bracket is a link only before "(", "[" or ":", and a
# task box only at the start; "&" only where it would start an entity such as "&copy;").
_SPECIAL = re.compile(r"([\\`*<>|~]|(?<![^\W_])_|_(?![^\W_])|\](?=[(\[:])|^\[|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(\s)")


def escape(text: str) -> str:
    """Markdown-inert text: emphasis, links, tables and line-start markers escaped."""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text)


def _cites(ids: list[str], known: set[str]) -> str:
    cites = "".join(f"[{i}]" for i in dict.fromkeys(ids) if i in known)
    return f" {cites}" if cites else ""


def _point(point: Point, known: set[str], label: str | None = None) -> str:
    note = support_note(point)
    head = f"**{escape(label)}:** " if label else ""
    if point.context:
        head += f"*{escape(point.context)}* "
    return f"- {head}{escape(point.text)}{_cites(point.sources, known)}" + (f" *({note})*" if note else "")


def briefing_markdown(briefing: Briefing) -> str:
    known = {s.id for s in briefing.sources}
    out: list[str] = []
    if briefing.marking:
        out += [f"**{escape(briefing.marking.upper())}**", ""]
    out += [f"# {escape(briefing.title or 'Briefing')}", ""]
    if briefing.event:
        out += [f"*{escape(briefing.event)}*", ""]
    out += [escape(briefing_facts(briefing)), ""]

    takeaways = key_takeaways(briefing)
    if takeaways:
        out += [f"## {TAKEAWAYS_HEADING}", ""]
        for t in takeaways:
            out.append(_point(t.point, known, t.label))
        out.append("")

    for section in briefing.sections:
        out += [f"## {escape(section.heading)}", ""]
        if not section.points:
            out += [f"- {section.empty_note}", ""]
            continue
        for party, points in grouped_points(section, briefing.parties):
            if party:
                out += [f"### {escape(party)}", ""]
            out += [_point(p, known) for p in points]
            out.append("")

    if briefing.figures:
        out += [f"## {FIGURES_HEADING}", "", "| " + " | ".join(FIGURE_COLUMNS) + " |", "|---|---|---|"]
        for f in briefing.figures:
            out.append(f"| {escape(f.value)} | {escape(f.context)} |{_cites([f.source], known) or ' '} |")
        out.append("")

    if briefing.quotes:
        out += [f"## {QUOTES_HEADING}", ""]
        for q in briefing.quotes:
            speaker = f" — {escape(q.speaker)}" if q.speaker else ""
            out += [f"> “{escape(q.text)}”{speaker}{_cites([q.source], known)}", ""]

    out += [f"## {SOURCES_HEADING}", ""]
    for s in briefing.sources:
        title, details, shown, url = source_entry_parts(s)
        entry = escape(title)
        if details:
            entry += OUTLET_GAP + escape(details)
        if url:
            entry += LOCATION_GAP + f"<{url}>"
        elif shown:
            entry += LOCATION_GAP + escape(shown)
        out.append(f"- [{escape(s.id)}] " + entry)
    out += ["", f"*{escape(briefing_note(len(briefing.sources)))}*"]
    if briefing.marking:
        out += ["", f"**{escape(briefing.marking.upper())}**"]
    return "\n".join(out).rstrip() + "\n"


def render_markdown(briefing: Briefing, path: str | os.PathLike[str]) -> Path:
    """Write the briefing as Markdown (UTF-8) atomically."""
    return write_text_atomic(path, briefing_markdown(briefing))
