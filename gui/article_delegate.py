"""Two lines per article: the title, then outlet, length and status (a problem in red)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .article_list_model import ArticleListModel

PAD = 5


class ArticleDelegate(QStyledItemDelegate):
    def _small(self, option: QStyleOptionViewItem) -> QFont:
        f = QFont(option.font)
        f.setPointSizeF(option.font.pointSizeF() * 0.9)
        return f

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        height = QFontMetrics(bold).height() + QFontMetrics(self._small(option)).height() + 2 * PAD + 2
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(2, PAD, -PAD, -PAD)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        problem = index.data(ArticleListModel.ProblemRole)
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        fm = QFontMetrics(bold)
        text_colour = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        if not checked and not selected:
            text_colour = QColor("#777777")
        painter.setFont(bold)
        painter.setPen(text_colour)
        title = fm.elidedText(index.data(ArticleListModel.TitleRole), Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)

        small = self._small(opt)
        sfm = QFontMetrics(small)
        parts = [p for p in (index.data(ArticleListModel.OutletRole),) if p]
        words = index.data(ArticleListModel.WordsRole)
        if words:
            parts.append(f"{words:,} words")
        parts.append(index.data(ArticleListModel.StatusRole))
        line = sfm.elidedText(" · ".join(parts), Qt.TextElideMode.ElideRight, text_rect.width())
        if selected:
            colour = opt.palette.highlightedText().color()
        elif problem:
            colour = QColor("#b8322a")
        else:
            colour = QColor("#666666")
        painter.setFont(small)
        painter.setPen(colour)
        painter.drawText(QRect(text_rect.left(), text_rect.top() + fm.height() + 2, text_rect.width(), sfm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.restore()
