"""The briefing preview, section by section, with per-point actions: pin, drop, move.

The view only shows a briefing and asks for changes through signals; the window turns
them into :class:`briefing.Edits` and shows the result again.
"""
from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QInputDialog, QLabel, QListView, QMenu, QPushButton,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

from briefing import Briefing, Point
from briefing.edits import point_key
from briefing.parties import grouped_by_party
from briefing.takeaways import key_takeaways

from .section_style import section_style

_render_docx = import_module("briefing.render_docx")  # the module (the package exports a function of that name)

KIND, SECTION, KEY, POINT, DETAIL, WORDS, CONTEXT = (Qt.ItemDataRole.UserRole + i for i in range(1, 8))
PAD = 8
BAR = 4
BAR_GAP = 6  # between the colour bar and the text
RIGHT_PAD = 4  # between the text and the card's right edge


def _cites(ids: list[str]) -> str:
    return "".join(f"[{i}]" for i in dict.fromkeys(ids))


TAKEAWAYS_NOTE = "the strongest points below"
ARTICLES_NOTE = "from the articles"
PARTY_TIP = "Whose aim or offer this point is: it is listed under that party"
NO_PARTY_TIP = "Risks are not listed by party; move the point to Objectives or Concessions to give it one"
Rows = list[tuple[str, str]]


def document_parts(briefing: Briefing) -> tuple[Rows, list[tuple[str, str, Rows]]]:
    """What the Word file has besides the sections, as (text, detail) rows: the key
    takeaways (shown above the sections), then key figures, notable quotes and sources.

    Read-only here: takeaways follow from the points, the rest from the articles; they
    are shown so the briefing is reviewed as it will be sent.
    """
    takeaways = [(t.point.text, " · ".join(filter(None, (t.label, _cites(t.point.sources),
                                                           _render_docx.support_note(t.point)))))
                 for t in key_takeaways(briefing)]
    after: list[tuple[str, str, Rows]] = []
    if briefing.figures:
        after.append((_render_docx.FIGURES_HEADING, ARTICLES_NOTE,
                      [(f"{f.value} — {f.context}", _cites([f.source])) for f in briefing.figures]))
    if briefing.quotes:
        after.append((_render_docx.QUOTES_HEADING, ARTICLES_NOTE,
                      [(f"\u201c{q.text}\u201d" + (f" \u2014 {q.speaker}" if q.speaker else ""), _cites([q.source]))
                       for q in briefing.quotes]))
    if briefing.sources:
        after.append((_render_docx.SOURCES_HEADING, "", [(_render_docx.source_entry(s), "") for s in briefing.sources]))
    return takeaways, after


def elided(text: str, font: QFont, width: int) -> str:
    """One line of ``text`` that fits ``width``, ending in "…" where it is cut (not mid-word unseen)."""
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))


def _words(points: list[Point]) -> int:
    return sum(len(p.text.split()) for p in points)


class PointDelegate(QStyledItemDelegate):
    """Paints section headings as coloured rules and points as wrapped paragraphs with a colour bar."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        body = QFont(option.font)
        heading = QFont(option.font)
        heading.setPointSizeF(option.font.pointSizeF() * 1.15)
        heading.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        return body, heading, small

    @staticmethod
    def _title_font(option: QStyleOptionViewItem) -> QFont:
        big = QFont(option.font)
        big.setPointSizeF(option.font.pointSizeF() * 1.45)
        big.setBold(True)
        return big

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        # the width paint() wraps text at, so a measured row never clips its last line
        return max(width - 2 * PAD - BAR - BAR_GAP - RIGHT_PAD, 120)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        body, heading, small = self._fonts(option)
        kind = index.data(KIND)
        width = self._width(option)
        if kind in ("section", "part"):
            return QSize(width, QFontMetrics(heading).height() + 2 * PAD + 6)
        if kind == "note":
            text = QFontMetrics(body).boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap,
                                                   index.data(Qt.ItemDataRole.DisplayRole))
            detail = QFontMetrics(small).height() + 2 if index.data(DETAIL) else 0
            return QSize(width, text.height() + detail + PAD + 4)
        if kind == "empty":
            return QSize(width, QFontMetrics(small).height() + 2 * PAD)
        if kind == "party":
            return QSize(width, QFontMetrics(body).height() + PAD)
        if kind == "title":
            big = self._title_font(option)
            title = QFontMetrics(big).boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap,
                                                   index.data(Qt.ItemDataRole.DisplayRole))
            event = index.data(DETAIL)
            extra = QFontMetrics(body).height() + 2 if event else 0
            marking = QFontMetrics(small).height() + 2 if index.data(WORDS) else 0
            return QSize(width, title.height() + extra + marking + 2 * PAD)
        text = QFontMetrics(body).boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap,
                                               index.data(Qt.ItemDataRole.DisplayRole))
        context = index.data(CONTEXT)
        lead = 0
        if context:
            lead = QFontMetrics(self._context_font(option)).boundingRect(
                QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, context).height() + 2
        return QSize(width, lead + text.height() + QFontMetrics(small).height() + 2 * PAD + 6)

    def _context_font(self, option: QStyleOptionViewItem) -> QFont:
        font = self._fonts(option)[2]
        font.setItalic(True)
        return font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        body, heading, small = self._fonts(option)
        style = section_style(index.data(SECTION) or "")
        r = option.rect
        painter.save()
        kind = index.data(KIND)
        if kind == "section":
            painter.setPen(QColor(style.strong))
            painter.setFont(heading)
            text_rect = r.adjusted(PAD, PAD + 4, -PAD, -PAD)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             index.data(Qt.ItemDataRole.DisplayRole))
            words, budget = index.data(WORDS)
            painter.setFont(small)
            painter.setPen(QColor("#a86a00") if words > budget else QColor("#666666"))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{words} / {budget} words")
            painter.fillRect(QRect(r.left() + PAD, r.bottom() - 2, r.width() - 2 * PAD, 2), QColor(style.strong))
            painter.restore()
            return
        if kind == "part":  # a read-only part of the document: neutral, no word count
            painter.setPen(QColor("#444444"))
            painter.setFont(heading)
            text_rect = r.adjusted(PAD, PAD + 4, -PAD, -PAD)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             index.data(Qt.ItemDataRole.DisplayRole))
            if index.data(DETAIL):
                painter.setFont(small)
                painter.setPen(QColor("#666666"))
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, index.data(DETAIL))
            painter.fillRect(QRect(r.left() + PAD, r.bottom() - 2, r.width() - 2 * PAD, 1), QColor("#999999"))
            painter.restore()
            return
        if kind == "note":
            inner = r.adjusted(PAD + BAR + BAR_GAP, 2, -PAD - RIGHT_PAD, -2)
            painter.setFont(body)
            painter.setPen(QColor("#333333"))
            used = painter.boundingRect(inner, Qt.TextFlag.TextWordWrap, index.data(Qt.ItemDataRole.DisplayRole))
            painter.drawText(inner, Qt.TextFlag.TextWordWrap, index.data(Qt.ItemDataRole.DisplayRole))
            if index.data(DETAIL):
                painter.setFont(small)
                painter.setPen(QColor("#666666"))
                painter.drawText(QRect(inner.left(), used.bottom() + 2, inner.width(), QFontMetrics(small).height()),
                                 Qt.AlignmentFlag.AlignLeft, elided(index.data(DETAIL), small, inner.width()))
            painter.restore()
            return
        if kind == "title":
            inner = r.adjusted(PAD, PAD, -PAD, -PAD)
            marking = index.data(WORDS)
            if marking:
                bold_small = QFont(small)
                bold_small.setBold(True)
                painter.setFont(bold_small)
                painter.setPen(QColor("#b8322a"))
                painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, marking.upper())
                inner = inner.adjusted(0, QFontMetrics(small).height() + 2, 0, 0)
            painter.setFont(self._title_font(option))
            painter.setPen(option.palette.text().color())
            used = painter.boundingRect(inner, Qt.TextFlag.TextWordWrap, index.data(Qt.ItemDataRole.DisplayRole))
            painter.drawText(inner, Qt.TextFlag.TextWordWrap, index.data(Qt.ItemDataRole.DisplayRole))
            event = index.data(DETAIL)
            if event:
                painter.setFont(body)
                painter.setPen(QColor("#555555"))
                painter.drawText(QRect(inner.left(), used.bottom() + 2, inner.width(), QFontMetrics(body).height()),
                                 Qt.AlignmentFlag.AlignLeft, elided(event, body, inner.width()))
            painter.restore()
            return
        if kind == "party":
            bold = QFont(body)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor(style.strong))
            painter.drawText(r.adjusted(PAD, PAD // 2, -PAD, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             index.data(Qt.ItemDataRole.DisplayRole))
            painter.restore()
            return
        if kind == "empty":
            painter.setFont(small)
            painter.setPen(QColor("#777777"))
            painter.drawText(r.adjusted(PAD + BAR + 6, 0, -PAD, 0), Qt.AlignmentFlag.AlignVCenter,
                             index.data(Qt.ItemDataRole.DisplayRole))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = r.adjusted(PAD, 3, -PAD, -3)
        if selected:
            painter.fillRect(card, QColor(style.light))
            painter.setPen(QColor(style.strong))
            painter.drawRect(card.adjusted(0, 0, -1, -1))
        painter.fillRect(QRect(card.left(), card.top(), BAR, card.height()), QColor(style.strong))
        inner = card.adjusted(BAR + BAR_GAP, 3, -RIGHT_PAD, -3)
        context = index.data(CONTEXT)
        if context:  # the sentence the point leans on, muted above it
            painter.setFont(self._context_font(option))
            painter.setPen(QColor("#777777"))
            lead = painter.boundingRect(inner, Qt.TextFlag.TextWordWrap, context)
            painter.drawText(inner, Qt.TextFlag.TextWordWrap, context)
            inner = inner.adjusted(0, lead.height() + 2, 0, 0)
        painter.setFont(body)
        painter.setPen(option.palette.text().color())
        text = index.data(Qt.ItemDataRole.DisplayRole)
        used = painter.boundingRect(inner, Qt.TextFlag.TextWordWrap, text)
        painter.drawText(inner, Qt.TextFlag.TextWordWrap, text)
        painter.setFont(small)
        detail_rect = QRect(inner.left(), used.bottom() + 2, inner.width(), QFontMetrics(small).height())
        point: Point = index.data(POINT)
        if point.pinned:
            painter.setPen(QColor(style.strong))
            label = "PINNED  "
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft, label)
            detail_rect = detail_rect.adjusted(QFontMetrics(bold).horizontalAdvance(label), 0, 0, 0)
            painter.setFont(small)
        painter.setPen(QColor("#666666"))
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft, elided(index.data(DETAIL), small, detail_rect.width()))
        painter.restore()


class PointList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setItemDelegate(PointDelegate(self))

    def resizeEvent(self, event) -> None:  # rows re-wrap to the new width
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class PreviewView(QWidget):
    """Sections and points of the (edited) briefing; emits what the user wants changed."""

    pointSelected = Signal(object)  # (section key, Point) or None
    pinRequested = Signal(str, bool)  # point text, pin (True) or unpin (False)
    dropRequested = Signal(str)  # point text
    moveRequested = Signal(str, str)  # point text, target section key
    partyRequested = Signal(str, str)  # point text, party ("" for none)
    restoreRequested = Signal(str)  # point key of a dropped point
    showInArticleRequested = Signal(object)  # (section key, Point)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.list = PointList(self)
        self.list.setObjectName("previewList")
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self._briefing: Briefing | None = None
        self._sections: dict[str, str] = {}
        self._dropped: dict[str, str] = {}
        self._refilling = False

        self.pin_button = QPushButton("Pin", self)
        self.pin_button.setToolTip("Keep this point in the briefing, even after a rebuild (P)")
        self.pin_button.clicked.connect(self._toggle_pin)
        self.drop_button = QPushButton("Drop", self)
        self.drop_button.setToolTip("Take this point out of the briefing (Delete)")
        self.drop_button.clicked.connect(self._drop)
        self.move_button = QPushButton("Move to", self)
        self.move_button.setToolTip("Put this point in another section")
        self.move_menu = QMenu(self)
        self.move_button.setMenu(self.move_menu)
        self.party_button = QPushButton("Party", self)
        self.party_button.setToolTip(PARTY_TIP)
        self.party_menu = QMenu(self)
        self.party_button.setMenu(self.party_menu)
        self.restore_button = QPushButton(self)
        self.restore_button.setToolTip("Bring back a point you dropped")
        self.restore_menu = QMenu(self)
        self.restore_button.setMenu(self.restore_menu)

        pin_key = QAction(self.list)
        pin_key.setShortcut(QKeySequence(Qt.Key.Key_P))
        pin_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        pin_key.triggered.connect(self._toggle_pin)
        drop_key = QAction(self.list)
        drop_key.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)])
        drop_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        drop_key.triggered.connect(self._drop)
        self.list.addActions([pin_key, drop_key])

        self.hint = QLabel("Select a point to pin, drop or move it.", self)
        self.hint.setStyleSheet("color:#777")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.pin_button, self.drop_button, self.move_button, self.party_button):
            buttons.addWidget(b)
        buttons.addWidget(self.hint)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- showing ---------------------------------------------------------------------------
    def set_briefing(self, briefing: Briefing | None, dropped: dict[str, str] | None = None) -> None:
        """Show ``briefing``; the selected point stays selected if it is still there."""
        keep = self.selected_point()
        keep_key = point_key(keep[1].text) if keep else None
        # the selected point's place among the points (rows shift: takeaways change with the points)
        old_rows = self.point_rows()
        keep_place = old_rows.index(self.list.currentIndex().row()) if keep is not None else -1
        self._briefing = briefing
        self._dropped = dict(dropped or {})
        self._refilling = True
        self.model.clear()
        self._sections = {s.key: s.heading for s in briefing.sections} if briefing else {}
        select_row = -1
        if briefing is not None:
            head = QStandardItem(briefing.title)
            head.setData("title", KIND)
            head.setData(briefing.event, DETAIL)
            head.setData(briefing.marking or "", WORDS)
            head.setToolTip("Edit the title, event line and marking above")
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.model.appendRow(head)
            takeaways, trailing = document_parts(briefing)
            if takeaways:
                self._add_part(_render_docx.TAKEAWAYS_HEADING, TAKEAWAYS_NOTE, takeaways)
            for section in briefing.sections:
                head = QStandardItem(section.heading)
                head.setData("section", KIND)
                head.setData(section.key, SECTION)
                head.setData((_words(section.points), briefing.words_per_section), WORDS)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.model.appendRow(head)
                if not section.points:
                    empty = QStandardItem(f"{section.empty_note} Move a point here, or rebuild with "
                                          + ("more articles." if section.candidates == 0 else "more words or articles."))
                    empty.setData("empty", KIND)
                    empty.setData(section.key, SECTION)
                    empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    self.model.appendRow(empty)
                for party, points in _render_docx.grouped_points(section, briefing.parties):
                    if party:
                        label = QStandardItem(party)
                        label.setData("party", KIND)
                        label.setData(section.key, SECTION)
                        label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                        self.model.appendRow(label)
                    for point in points:
                        select_row = self._add_point(briefing, section.key, point, keep_key, select_row)
            for heading, note, rows in trailing:
                self._add_part(heading, note, rows)
        if select_row < 0 and keep is not None:
            # the selected point went (dropped): select the one that took its place, for keyboard work
            rows = self.point_rows()
            select_row = rows[min(keep_place, len(rows) - 1)] if rows else -1
        if select_row >= 0:
            self.list.setCurrentIndex(self.model.index(select_row, 0))
        self._refilling = False
        now = self.selected_point()
        if keep is not None or now is not None:
            self.pointSelected.emit(now)
        self._fill_restore_menu()
        self._update_buttons()

    def _add_part(self, heading: str, note: str, rows: Rows) -> None:
        """A read-only part of the document: a heading (with where it comes from) and its rows."""
        head = QStandardItem(heading)
        head.setData("part", KIND)
        head.setData(note, DETAIL)
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.model.appendRow(head)
        for text, detail in rows:
            item = QStandardItem(text)
            item.setData("note", KIND)
            item.setData(detail, DETAIL)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.model.appendRow(item)

    def _add_point(self, briefing: Briefing, section: str, point: Point, keep_key: str | None, select_row: int) -> int:
        item = QStandardItem(point.text)
        item.setData("point", KIND)
        item.setData(section, SECTION)
        item.setData(point_key(point.text), KEY)
        item.setData(point, POINT)
        item.setData(self._detail(briefing, point), DETAIL)
        item.setData(point.context, CONTEXT)
        item.setToolTip(self._tooltip(briefing, point))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.model.appendRow(item)
        if point_key(point.text) == keep_key:
            return self.model.rowCount() - 1
        return select_row

    @staticmethod
    def _detail(briefing: Briefing, point: Point) -> str:
        cited = "".join(f"[{s}]" for s in point.sources)
        also = [s for s in point.related if s not in point.sources]
        try:
            title = briefing.source(point.sources[0]).title if point.sources else ""
        except KeyError:
            title = ""
        if len(title) > 60:
            title = title[:59].rstrip() + "…"
        named = f"Source {cited} {title}".rstrip()
        return named + (f" · also reported by {''.join(f'[{s}]' for s in also)}" if also else "")

    @staticmethod
    def _tooltip(briefing: Briefing, point: Point) -> str:
        lines = []
        for sid in point.sources:
            try:
                lines.append(f"[{sid}] {briefing.source(sid).title}")
            except KeyError:
                pass
        return "\n".join(lines) + ("\nPinned: kept through rebuilds" if point.pinned else "")

    def point_rows(self) -> list[int]:
        return [r for r in range(self.model.rowCount()) if self.model.index(r, 0).data(KIND) == "point"]

    def selected_point(self) -> tuple[str, Point] | None:
        index = self.list.currentIndex()
        if not index.isValid() or index.data(KIND) != "point":
            return None
        return index.data(SECTION), index.data(POINT)

    def select_point(self, text: str) -> bool:
        key = point_key(text)
        for r in self.point_rows():
            if self.model.index(r, 0).data(KEY) == key:
                self.list.setCurrentIndex(self.model.index(r, 0))
                self.list.scrollTo(self.model.index(r, 0))
                return True
        return False

    # -- actions -----------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._refilling:
            return
        self._update_buttons()
        sel = self.selected_point()
        self.pointSelected.emit(sel)

    def _update_buttons(self) -> None:
        sel = self.selected_point()
        for b in (self.pin_button, self.drop_button, self.move_button):
            b.setEnabled(sel is not None)
        self.party_button.setEnabled(sel is not None and grouped_by_party(sel[0]))
        self.party_button.setToolTip(PARTY_TIP if sel is None or grouped_by_party(sel[0]) else NO_PARTY_TIP)
        self.hint.setVisible(sel is None and bool(self.point_rows()))
        self.pin_button.setText("Unpin" if sel and sel[1].pinned else "Pin")
        self.move_menu.clear()
        if sel is not None:
            for key, heading in self._sections.items():
                if key != sel[0]:
                    action = self.move_menu.addAction(heading)
                    action.triggered.connect(lambda _=False, k=key, t=sel[1].text: self.moveRequested.emit(t, k))
        self.party_menu.clear()
        if sel is not None and grouped_by_party(sel[0]):
            self._fill_party_menu(self.party_menu, sel[1])
        self.restore_button.setText(f"Dropped ({len(self._dropped)})")
        self.restore_button.setVisible(bool(self._dropped))

    def _fill_party_menu(self, menu: QMenu, point: Point) -> None:
        """One checkable entry per party of the briefing or given to a point by hand, "No
        party", and "Other party…" for a side the build did not find; the point's own is ticked."""
        parties = list(self._briefing.parties) if self._briefing else []
        given = {p.party for s in self._briefing.sections for p in s.points} if self._briefing else set()
        parties += sorted(p for p in given if p and p not in parties)
        for party in [*parties, ""]:
            action = menu.addAction((party or "No party").replace("&", "&&"))  # "&" would mark a shortcut
            action.setCheckable(True)
            action.setChecked((point.party or "") == party)
            action.triggered.connect(lambda _=False, p=party, t=point.text: self.partyRequested.emit(t, p))
        menu.addSeparator()
        other = menu.addAction("Other party…")
        other.triggered.connect(lambda _=False, t=point.text: self._ask_party(t))

    def _ask_party(self, text: str) -> None:
        """Ask for a side the build did not find ("Mireland"), and list the point under it."""
        name, ok = QInputDialog.getText(self, "Other party", "List this point under the party:")
        name = " ".join(name.split())
        if ok and name:
            self.partyRequested.emit(text, name)

    def _fill_restore_menu(self) -> None:
        self.restore_menu.clear()
        for key, text in self._dropped.items():
            label = text if len(text) <= 90 else text[:88] + "…"
            action = self.restore_menu.addAction(label)
            action.setToolTip(text)
            action.triggered.connect(lambda _=False, k=key: self.restoreRequested.emit(k))

    def _toggle_pin(self) -> None:
        sel = self.selected_point()
        if sel is not None:
            self.pinRequested.emit(sel[1].text, not sel[1].pinned)

    def _drop(self) -> None:
        sel = self.selected_point()
        if sel is not None:
            self.dropRequested.emit(sel[1].text)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid() or index.data(KIND) != "point":
            return
        self.list.setCurrentIndex(index)
        menu = self.build_context_menu()
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def build_context_menu(self) -> QMenu:
        """The per-point menu for the selected point (separate so tests can drive it)."""
        sel = self.selected_point()
        menu = QMenu(self)
        if sel is None:
            return menu
        section, point = sel
        pin = menu.addAction("Unpin" if point.pinned else "Pin (keep through rebuilds)")
        pin.triggered.connect(lambda: self.pinRequested.emit(point.text, not point.pinned))
        drop = menu.addAction("Drop from the briefing")
        drop.triggered.connect(lambda: self.dropRequested.emit(point.text))
        move = menu.addMenu("Move to")
        for key, heading in self._sections.items():
            if key != section:
                a = move.addAction(heading)
                a.triggered.connect(lambda _=False, k=key: self.moveRequested.emit(point.text, k))
        parties = menu.addMenu("Party")
        if grouped_by_party(section):
            self._fill_party_menu(parties, point)
        else:
            parties.setEnabled(False)
            parties.setToolTip(NO_PARTY_TIP)
        menu.addSeparator()
        show = menu.addAction("Show in its article")
        show.triggered.connect(lambda: self.showInArticleRequested.emit(sel))
        return menu
