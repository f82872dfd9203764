"""The reader: one article's cleaned text, with the sentences used in the briefing highlighted."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from briefing.documents import CleanArticle

from .article_list_model import ArticleEntry
from .build_snapshot import Highlight
from .section_style import section_style

_HINT = ("<p style='color:#666'>Select an article on the left to read it here.</p>"
         "<p style='color:#666'>Once the briefing is built, the sentences it uses are highlighted "
         "in the colour of their section.</p>")


def _mark(paragraph: str, highlights: list[Highlight], selected: str | None) -> str:
    """The paragraph as HTML with each highlighted sentence wrapped in its section colour."""
    spans: list[tuple[int, int, Highlight]] = []
    for h in highlights:
        start = paragraph.find(h.sentence)
        if start >= 0:
            spans.append((start, start + len(h.sentence), h))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out, pos = [], 0
    for start, end, h in spans:
        if start < pos:
            continue
        out.append(html.escape(paragraph[pos:start]))
        style = section_style(h.section)
        text = html.escape(paragraph[start:end])
        if h.point == selected:
            out.append(f"<a name='selected'></a><span style='background-color:{style.light};"
                       f"color:{style.strong};font-weight:bold'>{text}</span>")
        else:
            out.append(f"<span style='background-color:{style.light}'>{text}</span>")
        pos = end
    out.append(html.escape(paragraph[pos:]))
    return "".join(out)


class ReaderView(QTextBrowser):
    """Read-only; links open nowhere, so a stray click cannot navigate away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("reader")
        self.document().setDocumentMargin(16)
        self.highlight_count = 0
        self.show_hint()

    def show_hint(self) -> None:
        self.highlight_count = 0
        self.setHtml(_HINT)

    def show_entry(self, entry: ArticleEntry, cleaned: CleanArticle | None, highlights: list[Highlight],
                   section_names: dict[str, str], selected_point: str | None = None) -> None:
        parts = [f"<h2 style='margin-bottom:2px'>{html.escape(entry.title)}</h2>"]
        meta = [m for m in (entry.outlet, f"{entry.words:,} words" if entry.usable else "", entry.where) if m]
        parts.append(f"<p style='color:#666;margin-top:0'>{html.escape(' · '.join(meta))}</p>")
        if entry.problem:
            parts.append(f"<p style='color:#b8322a'><b>This file cannot be used:</b> {html.escape(entry.problem)}.</p>"
                         "<p style='color:#666'>It stays in the list so you can see what happened; "
                         "remove it with <i>Remove</i>, or fix the file and add it again.</p>")
            self._set(parts, 0)
            return
        if cleaned is None:
            parts.append("<p style='color:#666'>Loading…</p>")
            self._set(parts, 0)
            return
        used = {h.section for h in highlights}
        if highlights:
            chips = " &nbsp; ".join(
                f"<span style='background-color:{section_style(k).light};color:{section_style(k).strong}'>"
                f"&nbsp;{html.escape(name)}&nbsp;</span>" for k, name in section_names.items() if k in used)
            parts.append(f"<p style='color:#444'>Used in the briefing: {chips}</p>")
        elif not entry.origin.checked:
            parts.append("<p style='color:#666'><i>Not ticked: this article is left out of the briefing.</i></p>")
        found = 0
        for para in cleaned.paragraphs:
            marked = _mark(para.text, highlights, selected_point)
            found += marked.count("<span style='background-color")
            if para.is_list_item:
                parts.append(f"<p style='margin:2px 0 2px 12px'>•&nbsp;{marked}</p>")
            elif para.is_heading:
                parts.append(f"<p style='font-weight:bold;margin-top:10px'>{marked}</p>")
            else:
                parts.append(f"<p style='line-height:130%'>{marked}</p>")
        if cleaned.removed:
            parts.append(f"<p style='color:#888;font-size:small'><i>{len(cleaned.removed)} line(s) left out as "
                         "headline repeats, duplicates, adverts or credits.</i></p>")
        self._set(parts, found)
        if selected_point is not None and found:
            self.scrollToAnchor("selected")
            bar = self.verticalScrollBar()
            bar.setValue(max(0, bar.value() - self.viewport().height() // 4))  # some context above it

    def _set(self, parts: list[str], highlight_count: int) -> None:
        self.highlight_count = highlight_count
        self.setHtml("".join(parts))
