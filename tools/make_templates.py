"""Build the Word style templates in ``templates/`` reproducibly.

    python tools/make_templates.py            # rewrite templates/*.docx
    python tools/make_templates.py --out DIR  # write them elsewhere (the tests compare)

Each house style defines every style named in ``briefing.docx_styles`` on top of
python-docx's default template, sets A4 page setup, and writes a .docx whose bytes depend
only on this script (fixed dates, fixed zip timestamps), so the committed files can be
checked against a fresh build.

Fonts are named by their Microsoft names (Arial, Times New Roman); LibreOffice renders
them with the metric-compatible Liberation Sans and Liberation Serif, Word with the
originals, so line breaks and page count agree in both suites.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import docx_styles as S  # noqa: E402
from briefing.word_template import add_list_definition  # noqa: E402

FIXED_DATE = dt.datetime(2025, 1, 1, 0, 0, 0)
ZIP_DATE = (2025, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class House:
    """The few choices that make a house style; everything else follows from them."""

    name: str
    description: str
    body_font: str
    heading_font: str
    body_size: float
    line: float  # line spacing, multiple of single
    after: float  # space after a body paragraph, pt
    title_size: float
    h1_size: float
    h2_size: float
    small_size: float  # meta, tables, sources, header/footer
    ink: str  # body text
    accent: str  # title, headings
    accent2: str  # second-level headings, citations
    muted: str  # meta lines, notes
    rule: str  # thin lines
    tint: str  # background of the takeaways box and table header
    margin_top: float
    margin_side: float
    margin_bottom: float


HOUSES = (
    House(name="standard", description="Serif body (Times New Roman / Liberation Serif), sans headings, "
          "dark-blue accent, roomy A4 layout",
          body_font="Times New Roman", heading_font="Arial", body_size=10.5, line=1.05, after=3.5,
          title_size=19, h1_size=13, h2_size=11, small_size=8.5,
          ink="1A1A1A", accent="1F3864", accent2="2F5496", muted="595959", rule="8EA9DB", tint="E9EFF8",
          margin_top=2.2, margin_side=2.3, margin_bottom=2.0),
    House(name="compact", description="Sans throughout (Arial / Liberation Sans), smaller type and "
          "narrow margins, slate-teal accent: the most text per page",
          body_font="Arial", heading_font="Arial", body_size=9.5, line=1.0, after=3,
          title_size=16, h1_size=11.5, h2_size=10, small_size=8,
          ink="1A1A1A", accent="12415A", accent2="1D6A80", muted="5F6B73", rule="9DBFCB", tint="E6F0F3",
          margin_top=1.7, margin_side=1.8, margin_bottom=1.6),
)


# ---------------------------------------------------------------------------- OXML helpers

def _set_fonts(rpr_parent, font: str) -> None:
    """Explicit fonts, theme references removed (a theme font would win over them)."""
    if hasattr(rpr_parent, "get_or_add_rPr"):
        rpr = rpr_parent.get_or_add_rPr()
    else:
        rpr = rpr_parent.find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), font)


def _border(side: str, color: str, size_eighths: int, space: int = 1) -> OxmlElement:
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), str(space))
    el.set(qn("w:color"), color)
    return el


def _ppr_child(ppr, tag: str, successors: tuple[str, ...] = ()) -> OxmlElement:
    """Replace ``tag`` in a pPr, keeping the schema order python-docx knows."""
    old = ppr.find(qn(tag))
    if old is not None:
        ppr.remove(old)
    el = OxmlElement(tag)
    ppr.insert_element_before(el, *successors) if hasattr(ppr, "insert_element_before") else ppr.append(el)
    return el


_PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                   "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                   "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                   "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                   "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _paragraph_borders(style, **sides: tuple[str, int, int]) -> None:
    ppr = style.element.get_or_add_pPr()
    pbdr = _ppr_child(ppr, "w:pBdr", _PPR_AFTER_PBDR)
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            pbdr.append(_border(side, *sides[side]))


def _paragraph_shading(style, fill: str) -> None:
    ppr = style.element.get_or_add_pPr()
    shd = _ppr_child(ppr, "w:shd", _PPR_AFTER_PBDR[1:])
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def _drop(element, tag: str) -> None:
    for child in element.findall(qn(tag)):
        element.remove(child)


# ---------------------------------------------------------------------------- styles

def _style(doc, ref: S.StyleRef, base: str | None = "Normal"):
    kind = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
            "table": WD_STYLE_TYPE.TABLE}[ref.kind]
    try:
        style = doc.styles[ref.name]
    except KeyError:
        style = doc.styles.add_style(ref.name, kind)
    if ref.kind == "paragraph" and base and ref.name != "Normal":
        style.base_style = doc.styles[base]
    style.hidden = False
    style.unhide_when_used = False
    style.quick_style = ref.kind != "table"
    return style


def _para(style, h: House, *, size: float, font: str | None = None, bold: bool = False, italic: bool = False,
          color: str | None = None, before: float = 0, after: float = 0, line: float | None = None,
          keep_next: bool = False, align=None, caps: bool = False) -> None:
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line if line is not None else h.line
    pf.keep_with_next = keep_next
    pf.widow_control = True
    if align is not None:
        pf.alignment = align
    _set_fonts(style.element, font or h.body_font)
    f = style.font
    f.size = Pt(size)
    f.bold = bold
    f.italic = italic
    f.all_caps = caps
    f.color.rgb = RGBColor.from_string(color or h.ink)
    szcs = style.element.get_or_add_rPr().find(qn("w:szCs"))
    if szcs is not None:
        szcs.set(qn("w:val"), str(round(size * 2)))


def _char(style, *, color: str | None = None, bold: bool | None = None, italic: bool | None = None,
          size: float | None = None, underline: bool | None = None, font: str | None = None) -> None:
    f = style.font
    if color:
        f.color.rgb = RGBColor.from_string(color)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    if size is not None:
        f.size = Pt(size)
    if underline is not None:
        f.underline = underline
    if font:
        _set_fonts(style.element, font)


def _bullet_numbering(doc, h: House) -> int:
    """A one-level bullet list for "List Bullet", indents matched to the house."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "singleLevel")
    abstract.append(multi)
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", "\u2022"), ("w:lvlJc", "left")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(int(Cm(0.55).twips)))
    ind.set(qn("w:hanging"), str(int(Cm(0.4).twips)))
    ppr.append(ind)
    lvl.append(ppr)
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), "Arial")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), h.accent2)
    rpr.extend([fonts, color])
    lvl.append(rpr)
    abstract.append(lvl)
    return add_list_definition(numbering, abstract)


def _table_style(doc, h: House) -> None:
    """Ruled table: tinted bold header row, thin rules between rows, no vertical lines."""
    style = _style(doc, S.TABLE, base=None)
    el = style.element
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"):
        _drop(el, tag)
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    ppr.append(spacing)
    el.append(ppr)
    tblpr = OxmlElement("w:tblPr")
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), "0")
    ind.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    borders.append(_border("top", h.accent, 8, 0))
    borders.append(_border("bottom", h.accent, 8, 0))
    borders.append(_border("insideH", h.rule, 4, 0))
    margins = OxmlElement("w:tblCellMar")
    for side, cm in (("top", 0.06), ("left", 0.12), ("bottom", 0.06), ("right", 0.12)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(int(Cm(cm).twips)))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblpr.extend([ind, borders, margins])
    el.append(tblpr)
    first = OxmlElement("w:tblStylePr")
    first.set(qn("w:type"), "firstRow")
    frpr = OxmlElement("w:rPr")
    frpr.append(OxmlElement("w:b"))
    fcolor = OxmlElement("w:color")
    fcolor.set(qn("w:val"), h.accent)
    frpr.append(fcolor)
    ftrpr = OxmlElement("w:trPr")
    ftrpr.append(OxmlElement("w:tblHeader"))
    ftcpr = OxmlElement("w:tcPr")
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), h.tint)
    ftcpr.append(shd)
    first.extend([frpr, ftrpr, ftcpr])
    el.append(first)


def _theme_fonts(doc, h: House) -> None:
    """Point the theme's major/minor Latin fonts at the house fonts, for styles we do not touch."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/theme"):
            part = rel.target_part
            xml = part.blob.decode("utf-8")
            xml = xml.replace('<a:latin typeface="Cambria"/>', f'<a:latin typeface="{h.heading_font}"/>', 1)
            xml = xml.replace('<a:latin typeface="Calibri"/>', f'<a:latin typeface="{h.body_font}"/>', 1)
            part._blob = xml.encode("utf-8")


def define_styles(doc, h: House) -> None:
    styles = doc.styles
    # document defaults and Normal
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    _set_fonts(rpr_default, h.body_font)
    normal = styles["Normal"]
    _para(normal, h, size=h.body_size, after=h.after)
    for name in ("Heading 1 Char", "Heading 2 Char", "Title Char", "Subtitle Char"):
        # the linked character styles would carry the old theme fonts into Word's UI
        if name in [s.name for s in styles]:
            _set_fonts(styles[name].element, h.heading_font)

    title = _style(doc, S.TITLE)
    _para(title, h, size=h.title_size, font=h.heading_font, bold=True, color=h.accent, after=4, line=1.0,
          keep_next=True)
    title.font.spacing = None
    ppr = title.element.get_or_add_pPr()
    _drop(ppr, "w:contextualSpacing")
    _drop(ppr, "w:pBdr")
    rpr = title.element.get_or_add_rPr()
    for tag in ("w:kern", "w:spacing"):
        _drop(rpr, tag)

    subtitle = _style(doc, S.SUBTITLE)
    _drop(subtitle.element.get_or_add_pPr(), "w:numPr")
    _para(subtitle, h, size=h.body_size + 1.5, font=h.heading_font, color=h.accent2, after=4, keep_next=True)
    _drop(subtitle.element.get_or_add_rPr(), "w:spacing")

    meta = _style(doc, S.META)
    _para(meta, h, size=h.small_size + 0.5, font=h.heading_font, color=h.muted, after=0, line=1.0,
          keep_next=True)
    meta_last = meta  # the last meta line carries the rule under the title block
    _paragraph_borders(meta_last, bottom=(h.accent, 6, 6))
    meta.paragraph_format.space_after = Pt(10)

    marking = _style(doc, S.MARKING)
    _para(marking, h, size=h.small_size + 0.5, font=h.heading_font, bold=True, color="9C1C1C", line=1.0,
          align=WD_ALIGN_PARAGRAPH.CENTER, caps=True)
    marking.font.spacing = None

    h1 = _style(doc, S.HEADING_1)
    _para(h1, h, size=h.h1_size, font=h.heading_font, bold=True, color=h.accent, before=h.body_size + 3,
          after=4, line=1.0, keep_next=True)
    _paragraph_borders(h1, bottom=(h.rule, 4, 2))
    h1.paragraph_format.keep_together = True

    h2 = _style(doc, S.HEADING_2)
    _para(h2, h, size=h.h2_size, font=h.heading_font, bold=True, color=h.accent2, before=6, after=2, line=1.0,
          keep_next=True)
    h2.paragraph_format.keep_together = True

    bullet = _style(doc, S.BULLET)
    _para(bullet, h, size=h.body_size, after=h.after)
    num_id = _bullet_numbering(doc, h)
    ppr = bullet.element.get_or_add_pPr()
    _drop(ppr, "w:contextualSpacing")
    ppr.get_or_add_numPr().get_or_add_numId().val = num_id
    bullet.paragraph_format.left_indent = Cm(0.55)
    bullet.paragraph_format.first_line_indent = Cm(-0.4)

    takeaway = _style(doc, S.TAKEAWAY)
    _para(takeaway, h, size=h.body_size, after=h.after, line=h.line)
    takeaway.paragraph_format.left_indent = Cm(0.3)
    takeaway.paragraph_format.right_indent = Cm(0.3)
    _paragraph_borders(takeaway, top=(h.tint, 24, 4), left=(h.accent, 24, 8), bottom=(h.tint, 24, 4),
                       right=(h.tint, 24, 4))
    _paragraph_shading(takeaway, h.tint)

    quote = _style(doc, S.QUOTE)
    _para(quote, h, size=h.body_size, italic=True, after=h.after + 1)
    quote.paragraph_format.left_indent = Cm(0.6)
    quote.paragraph_format.right_indent = Cm(0.6)
    _paragraph_borders(quote, left=(h.rule, 12, 8))

    source = _style(doc, S.SOURCE_ENTRY)
    _para(source, h, size=h.small_size + 0.5, after=2, line=1.0)
    source.paragraph_format.left_indent = Cm(0.8)
    source.paragraph_format.first_line_indent = Cm(-0.8)
    source.paragraph_format.tab_stops.add_tab_stop(Cm(0.8))

    th = _style(doc, S.TABLE_HEADING)
    _para(th, h, size=h.small_size + 0.5, font=h.heading_font, bold=True, color=h.accent, line=1.0,
          keep_next=True)
    td = _style(doc, S.TABLE_TEXT)
    _para(td, h, size=h.small_size + 0.5, line=1.0)

    header = _style(doc, S.HEADER)
    _para(header, h, size=h.small_size, font=h.heading_font, color=h.muted, line=1.0)
    _paragraph_borders(header, bottom=(h.rule, 4, 4))
    header.paragraph_format.space_after = Pt(0)
    footer = _style(doc, S.FOOTER)
    _para(footer, h, size=h.small_size, font=h.heading_font, color=h.muted, line=1.0,
          align=WD_ALIGN_PARAGRAPH.CENTER)
    for s in (header, footer):  # running title on the left, date (or the like) against the right margin
        _drop(s.element.get_or_add_pPr(), "w:tabs")
        s.paragraph_format.tab_stops.add_tab_stop(Cm(21.0 - 2 * h.margin_side), WD_TAB_ALIGNMENT.RIGHT)

    _char(_style(doc, S.CITATION), color=h.accent2, size=h.body_size - 1.5, font=h.heading_font)
    _char(_style(doc, S.SUPPORT_NOTE), color=h.muted, italic=True, size=h.body_size - 1.5, font=h.heading_font)
    _char(_style(doc, S.POINT_CONTEXT), color=h.muted, italic=True)
    _char(_style(doc, S.TAKEAWAY_LABEL), color=h.accent, bold=True, size=h.body_size - 1.5, font=h.heading_font)
    _char(_style(doc, S.QUOTE_SPEAKER), color=h.muted, italic=False, size=h.body_size - 1, font=h.heading_font)
    _char(_style(doc, S.SOURCE_LABEL), color=h.accent, bold=True, font=h.heading_font)
    _char(_style(doc, S.HYPERLINK), color=h.accent2, underline=True)

    _table_style(doc, h)
    _theme_fonts(doc, h)


# ---------------------------------------------------------------------------- document

def page_setup(doc, h: House) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(h.margin_top), Cm(h.margin_bottom)
    section.left_margin = section.right_margin = Cm(h.margin_side)
    section.header_distance = section.footer_distance = Cm(1.0)
    # first page: marking only in the header (the title block names the briefing)
    section.different_first_page_header_footer = True


def _drop_stale_parts(doc) -> None:
    """The base template's thumbnail and Word 2010 style copy would contradict our styles."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                del rels[rid]


def build_template(h: House):
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    define_styles(doc, h)
    page_setup(doc, h)
    _drop_stale_parts(doc)
    props = doc.core_properties
    props.title = f"Briefing template: {h.name}"
    props.subject = "Pre-summit briefing"
    props.author = "briefing"
    props.last_modified_by = "briefing"
    props.comments = h.description
    props.keywords = "briefing template"
    props.category = "template"
    props.revision = 1
    props.created = props.modified = FIXED_DATE
    return doc


def deterministic_bytes(doc) -> bytes:
    """Save with fixed zip timestamps, so the same script gives the same bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zin, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, data)
    return out.getvalue()


def write_templates(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for h in HOUSES:
        path = folder / f"{h.name}.docx"
        path.write_bytes(deterministic_bytes(build_template(h)))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "templates", help="folder to write (default templates/)")
    args = parser.parse_args(argv)
    for path in write_templates(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
