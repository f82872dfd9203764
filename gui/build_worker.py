"""The build on a pool thread: the window stays responsive and the user can cancel.

The worker touches no widget; it only emits signals from an object that lives on the UI
thread, so Qt queues them to the window.
"""
from __future__ import annotations

import time
import traceback

from PySide6.QtCore import QObject, QRunnable, Signal

from briefing import Article, BriefingOptions, BuildCancelled, CancelToken, build_briefing


class BuildSignals(QObject):
    progress = Signal(str, float)  # stage name, fraction of that stage done
    finished = Signal(object)  # briefing.BuildResult
    failed = Signal(str)  # a message for the user
    cancelled = Signal()


class BuildWorker(QRunnable):
    """Calls :func:`briefing.build_briefing` with a progress callback and a cancel token."""

    PROGRESS_INTERVAL = 0.05  # seconds between progress signals within one stage

    def __init__(self, articles: list[Article], options: BriefingOptions, cancel: CancelToken | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.options = options
        self.cancel = cancel or CancelToken()
        self.signals = BuildSignals()
        self._last_stage = ""
        self._last_time = 0.0

    def _progress(self, stage: str, fraction: float) -> None:
        now = time.monotonic()
        if stage != self._last_stage or fraction >= 1.0 or now - self._last_time >= self.PROGRESS_INTERVAL:
            self._last_stage, self._last_time = stage, now
            self.signals.progress.emit(stage, float(fraction))
        self.cancel.raise_if_cancelled()

    def run(self) -> None:
        try:
            result = build_briefing(self.articles, self.options, progress=self._progress, cancel=self.cancel)
        except BuildCancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # a bug in a stage must reach the user, not kill the thread silently
            traceback.print_exc()
            self.signals.failed.emit(f"{exc.__class__.__name__}: {exc}")
        else:
            if self.cancel.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
