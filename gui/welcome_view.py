"""What an empty article list shows: the three ways to start, samples included."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from .input_kinds import kinds_description


class WelcomeView(QWidget):
    addFilesRequested = Signal()
    addFolderRequested = Signal()
    pasteRequested = Signal()
    samplesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        heading = QLabel("<h3>Start with your articles</h3>", self)
        text = QLabel("Add the news articles about the meeting you are briefing on "
                      f"({kinds_description()}). You can also drop files or folders anywhere on this window.", self)
        text.setWordWrap(True)
        text.setStyleSheet("color:#555")
        self.files_button = QPushButton("Add files…", self)
        self.folder_button = QPushButton("Add a folder…", self)
        self.paste_button = QPushButton("Paste text or a link…", self)
        self.samples_button = QPushButton("Try the sample articles", self)
        self.samples_button.setToolTip("Five short sample articles about an invented summit, to see how it works")
        sample_note = QLabel("New here? The samples show the whole process in a minute.", self)
        sample_note.setWordWrap(True)
        sample_note.setStyleSheet("color:#555")
        self.files_button.clicked.connect(self.addFilesRequested)
        self.folder_button.clicked.connect(self.addFolderRequested)
        self.paste_button.clicked.connect(self.pasteRequested)
        self.samples_button.clicked.connect(self.samplesRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addSpacing(8)
        for b in (self.files_button, self.folder_button, self.paste_button):
            b.setMinimumHeight(32)
            layout.addWidget(b)
        layout.addSpacing(16)
        layout.addWidget(sample_note)
        self.samples_button.setMinimumHeight(32)
        self.samples_button.setStyleSheet("QPushButton { background: #e6eefa; border: 1px solid #1d5fbf; "
                                          "border-radius: 4px; color: #1d5fbf; font-weight: bold; }"
                                          "QPushButton:hover { background: #d6e6fb; }")
        layout.addWidget(self.samples_button)
        layout.addStretch(2)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
