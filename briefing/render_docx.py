"""Render a :class:`~briefing.model.Briefing` to Word on a style template.

Every part comes from the one model: title block, key takeaways, the sections (grouped by
party where the model says whose point it is), key figures, notable quotes and the
numbered sources that every citation links to. Every style used is named in
:mod:`briefing.docx_styles` and defined by the template; the code sets no direct
formatting, and no empty paragraph is used for spacing.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from urllib.parse import urlparse

from . import docx_styles as S
from .model import Briefing, Point, Section, Source, briefing_note
from .output import write_atomic
from .parties import grouped_by_party
from .takeaways import key_takeaways
from .word_template import DEFAULT_TEMPLATE, TemplateError, open_template, template_names, template_path

__all__ = ["DEFAULT_TEMPLATE", "MARKINGS", "TemplateError", "briefing_facts", "build_document", "render_docx",
           "template_names", "template_path"]

MARKINGS = ("OFFICIAL", "OFFICIAL - SENSITIVE", "CONFIDENTIAL", "RESTRICTED", "INTERNAL")
"""Common handling markings offered as choices; any text may be used."""

SHORT_TITLE_CHARS = 70
PROPERTY_LIMIT = 255  # characters Word allows in a document property (python-docx refuses more)


def property_text(text: str) -> str:
    """``text`` shortened to what a document property holds; the page shows it whole."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[:PROPERTY_LIMIT - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[PROPERTY_LIMIT // 2:] else cut) + "\u2026"


DEFAULT_SUBJECT = "Pre-summit briefing: objectives, concessions and risks"
FIGURES_HEADING = "Key figures"
QUOTES_HEADING = "Notable quotes"
TAKEAWAYS_HEADING = "Key takeaways"
SOURCES_HEADING = "Sources"
# Heads the points of no one party when party headings follow, so that they do not read
# as part of the party listed before them.
UNATTRIBUTED_HEADING = "Shared or unattributed"
FIGURE_COLUMNS = ("Figure", "What it refers to", "Source")
FIGURE_WIDTHS = (0.17, 0.71, 0.12)  # shares of the text width


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _plain(value):
    """Strings as Word can hold them: no control characters, one line, single spaces."""
    if isinstance(value, str):
        return " ".join(_NOT_XML.sub("", value).split())
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def printable(briefing: Briefing) -> Briefing:
    """A copy of the briefing whose text Word can store (an edited briefing may hold anything)."""
    return Briefing.from_dict(_plain(briefing.to_dict()))


# ---------------------------------------------------------------------------- wording

def parse_created(created: str) -> _dt.datetime | None:
    try:
        return _dt.datetime.fromisoformat(created)
    except (TypeError, ValueError):
        return None


def long_date(created: str) -> str:
    when = parse_created(created)
    return f"{when.day} {when:%B %Y}" if when else created


def short_title(title: str, limit: int = SHORT_TITLE_CHARS) -> str:
    """The title cut at a word boundary to fit a running header."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + "…"


def outlet_of(source: Source) -> str | None:
    if source.outlet:
        return source.outlet
    if source.url:
        host = urlparse(source.url).hostname or ""
        return host[4:] if host.startswith("www.") else (host or None)
    return None


def based_on(briefing: Briefing) -> str:
    """'Based on N articles from M outlets' (the outlets only when every article names one)."""
    n = len(briefing.sources)
    text = f"Based on {n} article{'s' if n != 1 else ''}"
    outlets = [outlet_of(s) for s in briefing.sources]
    if n and all(outlets):
        m = len(set(o.lower() for o in outlets if o))
        text += f" from {m} outlet{'s' if m != 1 else ''}"
    return text


def briefing_facts(briefing: Briefing) -> str:
    """The line under the title: when prepared, from how much."""
    parts = []
    if briefing.created:
        parts.append(f"Prepared {long_date(briefing.created)}")
    parts.append(based_on(briefing))
    if briefing.parties:
        parts.append("Parties: " + ", ".join(briefing.parties))
    return "  ·  ".join(parts)


def source_location(source: Source) -> tuple[str, str | None]:
    """What to show for where a source came from, and the URL to link, if any."""
    if source.url:
        return source.url, source.url
    if source.path:
        return Path(source.path).name, None
    return "", None


# A Sources entry reads "Title — Outlet, date · file": a headline may itself contain full
# stops and commas, so the parts are set apart by marks a headline seldom uses.
OUTLET_GAP = " \u2014 "
LOCATION_GAP = " \u00b7 "


def source_entry_parts(source: Source) -> tuple[str, str, str, str | None]:
    """A Sources entry as (title, "Outlet, date", shown location, URL to link): the one
    wording of the Word file, the Markdown and the window's preview."""
    details = ", ".join(d for d in (outlet_of(source), source.date) if d)
    shown, url = source_location(source)
    return source.title or "Untitled", details, shown, url


def source_entry(source: Source) -> str:
    """The Sources entry as plain text: "[1] Title — Outlet, date · file"."""
    title, details, shown, _url = source_entry_parts(source)
    return (f"[{source.id}] {title}" + (OUTLET_GAP + details if details else "")
            + (LOCATION_GAP + shown if shown else ""))


def support_note(point: Point) -> str | None:
    """"3 sources", naming those that report the point in other words and so are not
    cited after it: a count the reader cannot follow to an article is no support."""
    if point.support <= 1:
        return None
    also = [s for s in dict.fromkeys(point.related) if s not in point.sources]
    return f"{point.support} sources" + (f"; also reported by {''.join(f'[{s}]' for s in also)}" if also else "")


def grouped_points(section: Section, parties: list[str]) -> list[tuple[str | None, list[Point]]]:
    """Points with no party first, then one group per party in the briefing's party order:
    (heading, points), the first headed :data:`UNATTRIBUTED_HEADING` when parties follow.

    Only sections grouped by party (:func:`~briefing.parties.grouped_by_party`) are: Risks
    keep their order whoever the points are about.
    """
    if not grouped_by_party(section.key):
        return [(None, list(section.points))] if section.points else []
    groups: list[tuple[str | None, list[Point]]] = []
    order = list(parties) + sorted({p.party for p in section.points if p.party and p.party not in parties})
    for party in order:
        points = [p for p in section.points if p.party == party]
        if points:
            groups.append((party, points))
    loose = [p for p in section.points if not p.party]
    if loose:
        groups.insert(0, (UNATTRIBUTED_HEADING if groups else None, loose))
    return groups


# ---------------------------------------------------------------------------- document

class _Writer:
    """Adds the parts of a briefing to a python-docx document, styles by name only."""

    def __init__(self, doc, briefing: Briefing):
        from . import word_oxml

        self.doc = doc
        self.b = briefing
        self.ox = word_oxml
        self.known_sources = {s.id for s in briefing.sources}

    def style(self, ref: S.StyleRef):
        return self.doc.styles[ref.name]

    def para(self, text: str, ref: S.StyleRef, container=None):
        container = container if container is not None else self.doc
        return container.add_paragraph(text, style=self.style(ref))

    def citations(self, paragraph, ids: list[str], lead: str = " ") -> None:
        """``[1][3]``, each a link to its entry under Sources; unknown ids are skipped."""
        for sid in dict.fromkeys(ids):
            if sid not in self.known_sources:
                continue
            if lead:
                paragraph.add_run(lead)
                lead = ""
            self.ox.add_internal_link(paragraph, f"[{sid}]", self.ox.bookmark_name(sid), self.style(S.CITATION))

    def point(self, point: Point, ref: S.StyleRef = S.BULLET, label: str | None = None):
        p = self.doc.add_paragraph(style=self.style(ref))
        if label:
            p.add_run(label + "\u2002", self.style(S.TAKEAWAY_LABEL))
        if point.context:
            p.add_run(point.context + " ", self.style(S.POINT_CONTEXT))
        p.add_run(point.text)
        self.citations(p, point.sources)
        note = support_note(point)
        if note:
            p.add_run(f" ({note})", self.style(S.SUPPORT_NOTE))
        return p

    # -- parts, in document order

    def title_block(self) -> None:
        self.para(self.b.title or "Briefing", S.TITLE)
        if self.b.event:
            self.para(self.b.event, S.SUBTITLE)
        self.para(briefing_facts(self.b), S.META)

    def takeaways(self) -> None:
        items = key_takeaways(self.b)
        if not items:
            return
        self.para(TAKEAWAYS_HEADING, S.HEADING_1)
        for t in items:
            self.point(t.point, S.TAKEAWAY, label=t.label)

    def sections(self) -> None:
        for section in self.b.sections:
            self.para(section.heading, S.HEADING_1)
            if not section.points:
                self.para(section.empty_note, S.BULLET)
                continue
            for party, points in grouped_points(section, self.b.parties):
                if party:
                    self.para(party, S.HEADING_2)
                for point in points:
                    self.point(point)

    def figures(self) -> None:
        if not self.b.figures:
            return
        from docx.shared import Emu

        self.para(FIGURES_HEADING, S.HEADING_1)
        table = self.doc.add_table(rows=1, cols=len(FIGURE_COLUMNS))
        table.style = self.style(S.TABLE)
        table.autofit = False
        section = self.doc.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        for cell, text in zip(table.rows[0].cells, FIGURE_COLUMNS):
            cell.paragraphs[0].style = self.style(S.TABLE_HEADING)
            cell.paragraphs[0].add_run(text)
        for figure in self.b.figures:
            cells = table.add_row().cells
            for cell, text in zip(cells, (figure.value, figure.context)):
                cell.paragraphs[0].style = self.style(S.TABLE_TEXT)
                cell.paragraphs[0].add_run(text)
            cells[2].paragraphs[0].style = self.style(S.TABLE_TEXT)
            self.citations(cells[2].paragraphs[0], [figure.source], lead="")
        for i, share in enumerate(FIGURE_WIDTHS):
            table.columns[i].width = Emu(int(width * share))
            for cell in table.columns[i].cells:
                cell.width = Emu(int(width * share))

    def quotes(self) -> None:
        if not self.b.quotes:
            return
        self.para(QUOTES_HEADING, S.HEADING_1)
        for q in self.b.quotes:
            p = self.doc.add_paragraph(style=self.style(S.QUOTE))
            p.add_run(f"\u201c{q.text}\u201d")
            if q.speaker:
                p.add_run(f" \u2014 {q.speaker}", self.style(S.QUOTE_SPEAKER))
            self.citations(p, [q.source])

    def sources(self) -> None:
        if not self.b.sources:
            return
        self.para(SOURCES_HEADING, S.HEADING_1)
        for src in self.b.sources:
            p = self.doc.add_paragraph(style=self.style(S.SOURCE_ENTRY))
            self.ox.add_bookmarked_run(p, f"[{src.id}]", self.ox.bookmark_name(src.id), self.style(S.SOURCE_LABEL))
            title, details, shown, url = source_entry_parts(src)
            p.add_run("\t" + title)
            if details:
                p.add_run(OUTLET_GAP + details)
            if shown:
                p.add_run(LOCATION_GAP)
                if url:
                    self.ox.add_external_link(p, shown, url, self.style(S.HYPERLINK))
                else:
                    p.add_run(shown)

    # -- page furniture

    @staticmethod
    def _drop_empty_paragraphs(container) -> None:
        """Empty paragraphs (a new header part has one) would add a blank line above ours."""
        from docx.oxml.ns import qn

        for p in container.paragraphs:
            if not [c for c in p._p if c.tag != qn("w:pPr")]:
                p._p.getparent().remove(p._p)

    def _fill_header(self, header, with_title: bool) -> None:
        if not (with_title or self.b.marking):
            return
        self._drop_empty_paragraphs(header)
        if self.b.marking:
            self.para(self.b.marking, S.MARKING, header)
        if with_title:
            self.para(f"{short_title(self.b.title)}\t{long_date(self.b.created)}", S.HEADER, header)

    def _fill_footer(self, footer) -> None:
        self._drop_empty_paragraphs(footer)
        if not self.ox.has_field(footer._element, "PAGE"):
            p = self.para("Page ", S.FOOTER, footer)
            self.ox.add_field(p, "PAGE")
            p.add_run(" of ")
            self.ox.add_field(p, "NUMPAGES")
        if self.b.marking:
            self.para(self.b.marking, S.MARKING, footer)

    def page_furniture(self) -> None:
        section = self.doc.sections[-1]
        self._fill_header(section.header, with_title=True)
        self._fill_footer(section.footer)
        if section.different_first_page_header_footer:
            self._fill_header(section.first_page_header, with_title=False)
            self._fill_footer(section.first_page_footer)
        if self.doc.settings.odd_and_even_pages_header_footer:
            self._fill_header(section.even_page_header, with_title=True)
            self._fill_footer(section.even_page_footer)

    def properties(self, author: str | None) -> None:
        props = self.doc.core_properties
        props.title = property_text(self.b.title)
        props.subject = property_text(self.b.event or DEFAULT_SUBJECT)
        props.author = property_text(author or "")
        props.last_modified_by = property_text(author or "")
        props.keywords = property_text(", ".join(["briefing", *self.b.parties]))
        props.comments = briefing_note(len(self.b.sources))
        props.category = "Briefing"
        props.content_status = property_text(self.b.marking or "")
        props.revision = 1
        when = parse_created(self.b.created) or _dt.datetime.now().astimezone()
        if when.tzinfo is not None:
            when = when.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        props.created = props.modified = when


def _clear_body(doc) -> None:
    """Remove the template's body content; the final section properties (page setup) stay."""
    from docx.oxml.ns import qn

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()


def build_document(briefing: Briefing, template: str | os.PathLike[str] | None = None, *,
                   author: str | None = None):
    """A python-docx ``Document`` holding the briefing. Raises TemplateError for a bad template."""
    doc = open_template(template)
    _clear_body(doc)
    w = _Writer(doc, printable(briefing))
    w.title_block()
    w.takeaways()
    w.sections()
    w.figures()
    w.quotes()
    w.sources()
    w.page_furniture()
    w.properties(author)
    return doc


def render_docx(briefing: Briefing, path: str | os.PathLike[str], template: str | os.PathLike[str] | None = None,
                *, author: str | None = None) -> Path:
    """Write the briefing as .docx atomically. Raises TemplateError or OutputError."""
    doc = build_document(briefing, template or DEFAULT_TEMPLATE, author=author)
    return write_atomic(path, lambda tmp: doc.save(str(tmp)))
