"""Title, event line, words per section, template and marking: the briefing's settings the user edits."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from briefing import BriefingOptions, Edits

from .templates import marking_choices, template_names


class BriefingControls(QWidget):
    """Edits the text fields live; emits which setting changed so the window can follow at once."""

    titleEdited = Signal(str)
    eventEdited = Signal(str)
    wordsChanged = Signal(int)
    templateChanged = Signal(str)
    markingChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("Chosen from the articles when you build")
        self.title.setToolTip("The briefing's title. Leave empty to use the most representative headline.")
        self.event = QLineEdit(self)
        self.event.setPlaceholderText("e.g. Summit in Brightwater, 12 May")
        self.event.setToolTip("A line under the title: the meeting, place and date.")
        self.words = QSpinBox(self)
        self.words.setRange(10, 2000)
        self.words.setSingleStep(25)
        self.words.setValue(BriefingOptions().words_per_section)
        self.words.setSuffix(" words")
        self.words.setKeyboardTracking(False)
        self.words.setToolTip("How long each section may be. The briefing is rebuilt to fit.")
        self.template = QComboBox(self)
        self.template.setToolTip("The Word template: fonts, spacing and page layout of the exported file.")
        for name in template_names():
            self.template.addItem(name.replace("_", " ").capitalize(), name)
        self.marking = QComboBox(self)
        self.marking.setEditable(True)
        self.marking.setToolTip("A handling marking printed on the briefing, e.g. Confidential. Empty for none.")
        for m in marking_choices():
            self.marking.addItem(m or "None", m)
        self.marking.lineEdit().setPlaceholderText("None")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Title", self.title)
        form.addRow("Event", self.event)
        form.addRow("Length", self.words)
        form.addRow("Template", self.template)
        form.addRow("Marking", self.marking)

        self.title.textEdited.connect(self.titleEdited)
        self.event.textEdited.connect(self.eventEdited)
        self.words.valueChanged.connect(self.wordsChanged)
        self.template.currentIndexChanged.connect(lambda _i: self.templateChanged.emit(self.current_template()))
        self.marking.currentTextChanged.connect(lambda _t: self.markingChanged.emit(self.current_marking()))

    def current_template(self) -> str:
        return self.template.currentData() or ""

    def current_marking(self) -> str:
        text = self.marking.currentText().strip()
        return "" if text == "None" else text

    def show_edits(self, edits: Edits, built_title: str | None = None) -> None:
        """Put the edits' values in the fields without emitting change signals."""
        widgets = (self.title, self.event, self.words, self.template, self.marking)
        for w in widgets:
            w.blockSignals(True)
        try:
            if self.title.text() != (edits.title or ""):
                self.title.setText(edits.title or "")
            if built_title:
                self.title.setPlaceholderText(built_title)
            if self.event.text() != (edits.event or ""):
                self.event.setText(edits.event or "")
            self.words.setValue(edits.words_per_section or BriefingOptions().words_per_section)
            i = self.template.findData(edits.template) if edits.template else 0
            self.template.setCurrentIndex(max(i, 0))
            marking = edits.marking or ""
            i = self.marking.findData(marking)
            if i >= 0:
                self.marking.setCurrentIndex(i)
            else:
                self.marking.setEditText(marking)
        finally:
            for w in widgets:
                w.blockSignals(False)
