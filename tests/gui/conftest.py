"""GUI test setup: the offscreen platform (set before Qt is imported), temporary settings and sessions.

Every window is created through ``make_window`` so that it uses its own settings file and
session file in ``tmp_path`` and is closed at the end, which waits for its thread pool.
"""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from gui.main_window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def river_dir() -> Path:
    """Four short articles about an invented river summit (tests/fixtures/river_summit)."""
    return FIXTURES / "river_summit"


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def session_path(tmp_path) -> Path:
    return tmp_path / "appdata" / "session.briefing"


@pytest.fixture
def make_window(qtbot, settings_path, session_path) -> Callable[..., MainWindow]:
    windows: list[MainWindow] = []

    def make(restore_session: bool = True) -> MainWindow:
        window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat), session_path,
                            restore_session=restore_session)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        assert window.pool.activeThreadCount() == 0, "a worker thread was left running"
        window.deleteLater()  # its timers must not fire in a later test's event loop
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers with queued paths, records what it was offered."""

    def __init__(self) -> None:
        self.answers: list[Path] = []
        self.offered: list[str] = []

    def __call__(self, parent, caption, start, filter_="", *args, **kwargs):
        self.offered.append(start)
        return (str(self.answers.pop(0)) if self.answers else "", filter_)


@pytest.fixture
def save_dialog(monkeypatch) -> SaveDialog:
    dialog = SaveDialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return dialog


@pytest.fixture
def no_dialogs(monkeypatch) -> list[tuple[str, str]]:
    """Records message boxes instead of showing them; questions are answered Yes, warnings Retry."""
    shown: list[tuple[str, str]] = []

    def record(kind, answer):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, f"{title}: {text}"))
            return answer
        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Retry))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    return shown
