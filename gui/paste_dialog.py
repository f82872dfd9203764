"""Add an article by pasting its text, or a link to it."""
from __future__ import annotations

import re

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
                               QWidget)

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def is_link(text: str) -> bool:
    return bool(_URL.match(text.strip()))


class PasteDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, initial: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste an article")
        self.resize(640, 480)
        intro = QLabel("Paste the article's text below, or a link to it (starting with https://).", self)
        intro.setWordWrap(True)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("Title (optional: taken from the first line)")
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("Article text or link")
        self.text.setPlainText(initial)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add article")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text.toPlainText().strip()))

    def pasted(self) -> tuple[str, str | None]:
        """The text (or link) and the title the user typed, if any."""
        return self.text.toPlainText().strip(), (self.title.text().strip() or None)
