"""The article list: every file, link or pasted text the user added, ticked or not.

Entries that could not be read stay in the list with their reason, so the user sees
what happened to every file without a dialog per failure.
"""
from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlparse

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefing import Article, ProjectArticle

_keys = itertools.count(1)

Index = QModelIndex | QPersistentModelIndex


@dataclass
class ArticleEntry:
    """One row: where the article came from, the loaded article, or why it could not be loaded."""

    origin: ProjectArticle
    article: Article | None = None
    problem: str | None = None
    note: str | None = None  # what the last build did with it ("3 points", "same text as ...")
    key: int = dataclasses.field(default_factory=lambda: next(_keys))

    @property
    def loading(self) -> bool:
        return self.article is None and self.problem is None

    @property
    def usable(self) -> bool:
        return self.article is not None

    @property
    def checked(self) -> bool:
        return self.origin.checked and self.usable

    @property
    def title(self) -> str:
        if self.article is not None:
            return self.article.title
        if self.origin.title:
            return self.origin.title
        if self.origin.path:
            return Path(self.origin.path).name
        return self.origin.url or "Pasted text"

    @property
    def outlet(self) -> str:
        if self.article is not None and self.article.outlet:
            return self.article.outlet
        url = (self.article.url if self.article else None) or self.origin.url
        if url:
            return urlparse(url).netloc.removeprefix("www.")
        return ""

    @property
    def words(self) -> int:
        return len(self.article.text.split()) if self.article is not None else 0

    @property
    def where(self) -> str:
        """Where the article came from, for tooltips and the reader."""
        if self.origin.path:
            return self.origin.path
        if self.origin.url:
            return self.origin.url
        return "text pasted into the window"

    @property
    def status(self) -> str:
        if self.problem:
            return f"Cannot be used: {self.problem}"
        if self.loading:
            return "Loading…"
        return self.note or ("Ready" if self.origin.checked else "Not included")


class ArticleListModel(QAbstractListModel):
    """The session's articles as a checkable list, with roles for each column of information."""

    TitleRole = Qt.ItemDataRole.UserRole + 1
    OutletRole = Qt.ItemDataRole.UserRole + 2
    WordsRole = Qt.ItemDataRole.UserRole + 3
    StatusRole = Qt.ItemDataRole.UserRole + 4
    ProblemRole = Qt.ItemDataRole.UserRole + 5
    EntryRole = Qt.ItemDataRole.UserRole + 6
    KeyRole = Qt.ItemDataRole.UserRole + 7

    checkedChanged = Signal()
    """The set of ticked articles changed (by the user or in code)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[ArticleEntry] = []
        self._row_by_key: dict[int, int] | None = None  # rebuilt after rows come or go

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({self.TitleRole: b"title", self.OutletRole: b"outlet", self.WordsRole: b"words",
                      self.StatusRole: b"status", self.ProblemRole: b"problem"})
        return names

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, self.TitleRole):
            return e.title
        if role == Qt.ItemDataRole.CheckStateRole:
            if not e.usable:
                return None
            return Qt.CheckState.Checked if e.origin.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{e.title}\n{e.where}\n{e.status}"
        if role == self.OutletRole:
            return e.outlet
        if role == self.WordsRole:
            return e.words
        if role == self.StatusRole:
            return e.status
        if role == self.ProblemRole:
            return e.problem
        if role == self.EntryRole:
            return e
        if role == self.KeyRole:
            return e.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._entries[index.row()].usable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        entry = self._entries[index.row()]
        if not entry.usable:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if entry.origin.checked == checked:
            return True
        entry.origin.checked = checked
        self.dataChanged.emit(index, index, [role, self.StatusRole])
        self.checkedChanged.emit()
        return True

    # -- the session's API ---------------------------------------------------------------
    @property
    def entries(self) -> list[ArticleEntry]:
        return list(self._entries)

    def entry(self, row: int) -> ArticleEntry:
        return self._entries[row]

    def row_of(self, key: int) -> int:
        """The row of the entry with ``key``, or -1; a lookup, since a build's end and a
        folder's reading ask it once per article (500 scans of 500 rows took 16 ms)."""
        if self._row_by_key is None:
            self._row_by_key = {e.key: row for row, e in enumerate(self._entries)}
        return self._row_by_key.get(key, -1)

    def entry_by_key(self, key: int) -> ArticleEntry | None:
        row = self.row_of(key)
        return self._entries[row] if row >= 0 else None

    def checked_entries(self) -> list[ArticleEntry]:
        return [e for e in self._entries if e.checked]

    def contains_path(self, path: str) -> bool:
        return any(e.origin.path == path for e in self._entries)

    def add_entries(self, entries: Iterable[ArticleEntry]) -> None:
        entries = list(entries)
        if not entries:
            return
        start = len(self._entries)
        self.beginInsertRows(QModelIndex(), start, start + len(entries) - 1)
        self._entries.extend(entries)
        self._row_by_key = None
        self.endInsertRows()
        self.checkedChanged.emit()

    def remove_rows(self, rows: Iterable[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._entries):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self._row_by_key = None
                self.endRemoveRows()
        self.checkedChanged.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self._entries.clear()
        self._row_by_key = None
        self.endResetModel()
        self.checkedChanged.emit()

    def set_all_checked(self, checked: bool) -> None:
        for e in self._entries:
            e.origin.checked = checked
        self._changed_all()
        self.checkedChanged.emit()

    def update_entry(self, key: int, *, article: Article | None = None, problem: str | None = None) -> None:
        """Fill in a placeholder once its file has been read."""
        row = self.row_of(key)
        if row < 0:
            return
        e = self._entries[row]
        e.article, e.problem = article, problem
        index = self.index(row)
        self.dataChanged.emit(index, index)
        self.checkedChanged.emit()

    def set_notes(self, notes: dict[int, str]) -> None:
        """What the last build did with each article, by key; others lose their note."""
        for e in self._entries:
            e.note = notes.get(e.key)
        self._changed_all()

    def _changed_all(self) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))
