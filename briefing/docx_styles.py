"""The Word styles a briefing uses, named in one place.

``tools/make_templates.py`` defines every one of them in each built-in template, the
renderer uses only these, and a test checks that each template has them all: python-docx
silently falls back to "Normal" when a style is missing, so a typo would go unnoticed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

StyleKind = Literal["paragraph", "character", "table"]


@dataclass(frozen=True)
class StyleRef:
    name: str
    kind: StyleKind


# Title block
TITLE = StyleRef("Title", "paragraph")
SUBTITLE = StyleRef("Subtitle", "paragraph")
META = StyleRef("Briefing Meta", "paragraph")  # date prepared, "Based on N articles ..."
MARKING = StyleRef("Marking", "paragraph")  # handling marking, in header and footer

# Body
HEADING_1 = StyleRef("Heading 1", "paragraph")
HEADING_2 = StyleRef("Heading 2", "paragraph")
BULLET = StyleRef("List Bullet", "paragraph")
TAKEAWAY = StyleRef("Takeaway", "paragraph")
QUOTE = StyleRef("Quote", "paragraph")
SOURCE_ENTRY = StyleRef("Source Entry", "paragraph")
TABLE_HEADING = StyleRef("Table Heading", "paragraph")
TABLE_TEXT = StyleRef("Table Text", "paragraph")
TABLE = StyleRef("Briefing Table", "table")

# Running text inside paragraphs
CITATION = StyleRef("Citation", "character")  # [1] linking to the Sources list
SUPPORT_NOTE = StyleRef("Support Note", "character")  # "3 sources"
POINT_CONTEXT = StyleRef("Point Context", "character")  # the sentence a point leans on, muted
TAKEAWAY_LABEL = StyleRef("Takeaway Label", "character")  # the section a takeaway comes from
QUOTE_SPEAKER = StyleRef("Quote Speaker", "character")
SOURCE_LABEL = StyleRef("Source Label", "character")  # the [1] that starts a Sources entry
HYPERLINK = StyleRef("Hyperlink", "character")

# Page furniture
HEADER = StyleRef("Header", "paragraph")
FOOTER = StyleRef("Footer", "paragraph")

REQUIRED_STYLES: tuple[StyleRef, ...] = (
    TITLE, SUBTITLE, META, MARKING, HEADING_1, HEADING_2, BULLET, TAKEAWAY, QUOTE, SOURCE_ENTRY,
    TABLE_HEADING, TABLE_TEXT, TABLE, CITATION, SUPPORT_NOTE, POINT_CONTEXT, TAKEAWAY_LABEL, QUOTE_SPEAKER,
    SOURCE_LABEL, HYPERLINK, HEADER, FOOTER,
)
"""Every style the renderers put into a document."""
