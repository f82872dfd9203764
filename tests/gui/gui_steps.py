"""Steps the GUI tests share: add files and wait until read, build and wait until done."""
from __future__ import annotations

from gui.main_window import MainWindow

BUILD_TIMEOUT = 60_000
LOAD_TIMEOUT = 30_000


def load_and_wait(qtbot, window: MainWindow, paths) -> None:
    with qtbot.waitSignal(window.loadingFinished, timeout=LOAD_TIMEOUT):
        window.add_paths(list(paths))


def build_and_wait(qtbot, window: MainWindow, expect: str = "finished") -> None:
    with qtbot.waitSignal(window.buildEnded, timeout=BUILD_TIMEOUT) as blocker:
        window.build()
    assert blocker.args == [expect]
