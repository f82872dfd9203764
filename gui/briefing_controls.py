"""Title, event line, parties, words per section, template and marking: the briefing's settings the user edits."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from briefing import Briefing, BriefingOptions, Edits
from briefing.edits import party_list

from .templates import builtin_templates, marking_choices, template_label

CHOOSE_TEMPLATE = "\x00choose"


class BriefingControls(QWidget):
    """Edits the text fields live; emits which setting changed so the window can follow at once."""

    titleEdited = Signal(str)
    eventEdited = Signal(str)
    partiesEdited = Signal(list)  # the typed parties; empty: those found in the articles
    wordsChanged = Signal(int)
    templateChanged = Signal(str)
    templateFileRequested = Signal()  # "Your own template…" was picked
    markingChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("Chosen from the articles when you build")
        self.title.setToolTip("The briefing's title. Leave empty to use the most representative headline.")
        self.event = QLineEdit(self)
        self.event.setPlaceholderText("e.g. Summit in Brightwater, 12 May")
        self.event.setToolTip("A line under the title: the meeting, place and date.")
        self.parties = QLineEdit(self)
        self.parties.setPlaceholderText("Found in the articles when you build")
        self.parties.setToolTip(
            "Whose objectives and concessions the briefing groups points under, separated by commas.\n"
            "Leave empty to use the parties found in the articles. A point of a party you remove\n"
            "is listed without one; give a point a party with its Party menu.")
        self.words = QSpinBox(self)
        self.words.setRange(10, 2000)
        self.words.setSingleStep(25)
        self.words.setValue(BriefingOptions().words_per_section)
        self.words.setSuffix(" words per section")
        self.words.setKeyboardTracking(False)
        self.words.setToolTip("How long each section may be. The briefing is rebuilt to fit.")
        self.template = QComboBox(self)
        self.template.setToolTip("The Word template: fonts, spacing and page layout of the exported file.")
        self._fill_templates(None)
        self.marking = QComboBox(self)
        self.marking.setEditable(True)
        self.marking.setToolTip("A handling marking printed on the briefing, e.g. Confidential. Empty for none.")
        for m in marking_choices():
            self.marking.addItem(m or "None", m)
        self.marking.lineEdit().setPlaceholderText("None")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("T&itle", self.title)
        form.addRow("E&vent", self.event)
        form.addRow("Pa&rties", self.parties)
        # Length, template and marking share a row: the briefing below gets the height.
        document = QHBoxLayout()
        document.addWidget(self.words, 3)
        for text, field in (("&Template", self.template), ("&Marking", self.marking)):
            label = QLabel(text, self)
            label.setBuddy(field)
            document.addSpacing(8)
            document.addWidget(label)
            document.addWidget(field, 2)
        length = QLabel("&Length", self)
        length.setBuddy(self.words)
        form.addRow(length, document)

        self.title.textEdited.connect(self.titleEdited)
        self.event.textEdited.connect(self.eventEdited)
        self.parties.textEdited.connect(lambda text: self.partiesEdited.emit(party_list(text)))
        self.words.valueChanged.connect(self.wordsChanged)
        self.template.currentIndexChanged.connect(self._template_picked)
        self.marking.currentTextChanged.connect(lambda _t: self.markingChanged.emit(self.current_marking()))

    def _fill_templates(self, user_template: str | None) -> None:
        was_blocked = self.template.blockSignals(True)
        self.template.clear()
        for i, (name, description) in enumerate(builtin_templates().items()):
            self.template.addItem(template_label(name), name)
            self.template.setItemData(i, description, Qt.ItemDataRole.ToolTipRole)
        if user_template and user_template not in builtin_templates():
            self.template.addItem(template_label(user_template), user_template)
            self.template.setItemData(self.template.count() - 1, user_template, Qt.ItemDataRole.ToolTipRole)
        self.template.addItem("Your own template…", CHOOSE_TEMPLATE)
        self.template.setItemData(self.template.count() - 1, "Use a Word .docx or .dotx file with your styles",
                                  Qt.ItemDataRole.ToolTipRole)
        self._last_template = 0
        self.template.blockSignals(was_blocked)

    def _template_picked(self, index: int) -> None:
        if self.template.itemData(index) == CHOOSE_TEMPLATE:
            self.template.blockSignals(True)
            self.template.setCurrentIndex(self._last_template)
            self.template.blockSignals(False)
            self.templateFileRequested.emit()
            return
        self._last_template = index
        self.templateChanged.emit(self.current_template())

    def current_template(self) -> str:
        data = self.template.currentData()
        return "" if not data or data == CHOOSE_TEMPLATE else data

    def current_marking(self) -> str:
        text = self.marking.currentText().strip()
        return "" if text == "None" else text

    def show_edits(self, edits: Edits, built: Briefing | None = None) -> None:
        """Put the edits' values in the fields without emitting change signals.

        ``built`` is the briefing as built: its title and parties show as the fields'
        placeholders, so an empty field reads as "these, from the articles".
        """
        widgets = (self.title, self.event, self.parties, self.words, self.template, self.marking)
        for w in widgets:
            w.blockSignals(True)
        try:
            if self.title.text() != (edits.title or ""):
                self.title.setText(edits.title or "")
            if built is not None:
                # Grey text alone looked unset: say that it is the title in use.
                self.title.setPlaceholderText(f"{built.title}  (from the articles; type to change)")
                found = ", ".join(built.parties)
                self.parties.setPlaceholderText(f"{found}  (from the articles; type to change)" if found
                                                else "None found in the articles; type them, e.g. Japan, United States")
            if self.event.text() != (edits.event or ""):
                self.event.setText(edits.event or "")
            typed = ", ".join(edits.parties or [])
            if party_list(self.parties.text()) != (edits.parties or []):
                self.parties.setText(typed)
            self.words.setValue(edits.words_per_section or BriefingOptions().words_per_section)
            self._fill_templates(edits.template)
            i = self.template.findData(edits.template) if edits.template else 0
            self.template.setCurrentIndex(max(i, 0))
            self._last_template = max(i, 0)
            marking = edits.marking or ""
            i = self.marking.findData(marking)
            if i >= 0:
                self.marking.setCurrentIndex(i)
            else:
                self.marking.setEditText(marking)
        finally:
            for w in widgets:
                w.blockSignals(False)
