"""The build on a pool thread: the window stays responsive and the user can cancel.

The worker touches no widget; it only emits signals from an object that lives on the UI
thread, so Qt queues them to the window.
"""
from __future__ import annotations

import inspect
import time
import traceback

from PySide6.QtCore import QObject, QRunnable, Signal

from briefing import Article, BriefingOptions, BuildCancelled, CancelToken, build_briefing
from briefing.load import article_from_text

from .ui_thread import ui_thread_first


def new_build_cache() -> object | None:
    """A cache a window keeps across its builds, if the core offers one."""
    if "cache" not in inspect.signature(build_briefing).parameters:
        return None
    try:
        from briefing.cache import BuildCache
    except ImportError:
        return None
    return BuildCache()


class BuildSignals(QObject):
    progress = Signal(str, float)  # stage name, fraction of that stage done
    finished = Signal(object)  # briefing.BuildResult
    failed = Signal(str)  # a message for the user
    cancelled = Signal()


class BuildWorker(QRunnable):
    """Calls :func:`briefing.build_briefing` with a progress callback and a cancel token."""

    PROGRESS_INTERVAL = 0.05  # seconds between progress signals within one stage

    def __init__(self, articles: list[Article], options: BriefingOptions, cancel: CancelToken | None = None,
                 cache: object | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.cache = cache
        self.options = options
        self.cancel = cancel or CancelToken()
        self.signals = BuildSignals()
        self.refill = False  # set by the window: only the user's drops changed since the last build
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
            with ui_thread_first():
                extra = {"cache": self.cache} if self.cache is not None else {}
                result = build_briefing(self.articles, self.options, progress=self._progress, cancel=self.cancel,
                                        **extra)
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


WARM_UP_TEXT = ("Warm-up Meeting\n\n"
                "The two delegations want a new agreement on shared roads before the winter session. "
                "Officials are ready to offer lower fees in return for faster border checks. "
                "Observers warn that the talks could stall over costs.\n")


class WarmUpSignals(QObject):
    finished = Signal()


class WarmUpWorker(QRunnable):
    """Builds one tiny briefing when the window opens, so the user's first build starts warm.

    The first build of a session otherwise imports the language tools and reads the
    lexicons, which takes a second or more; doing it while the user is still picking
    articles makes the first build as quick as the next.
    """

    def __init__(self) -> None:
        super().__init__()
        self.cancel = CancelToken()
        self.signals = WarmUpSignals()

    def run(self) -> None:
        try:
            with ui_thread_first():
                build_briefing([article_from_text(WARM_UP_TEXT, source_id="1")], BriefingOptions(), cancel=self.cancel)
        except Exception:  # warming up is an optimisation; the real build reports real errors
            pass
        finally:
            self.signals.finished.emit()
