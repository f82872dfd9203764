"""Reading files off the UI thread, so that adding a folder of hundreds of articles never freezes the window."""
from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Signal

from briefing import CancelToken, LoadResult, load_inputs

from .ui_thread import gil_handed_over_quickly


@dataclass
class LoadedInput:
    """What one input (a file or a folder) gave: articles, problems, and the placeholder it fills."""

    source: str
    result: LoadResult
    placeholder: int | None = None


class LoadSignals(QObject):
    """Created on the UI thread, so that its signals are delivered there."""

    loaded = Signal(object)  # list[LoadedInput], in input order
    progress = Signal(int, int)  # inputs done, inputs in all
    finished = Signal()


class LoadWorker(QRunnable):
    """Runs :func:`briefing.load_inputs` on each input in turn, reporting results in batches."""

    BATCH_SECONDS = 0.2

    def __init__(self, inputs: list[tuple[str, int | None]], cancel: CancelToken | None = None) -> None:
        super().__init__()
        self.inputs = inputs
        self.cancel = cancel or CancelToken()
        self.signals = LoadSignals()

    def run(self) -> None:
        batch: list[LoadedInput] = []
        last = time.monotonic()
        try:
            with gil_handed_over_quickly():
                for done, (source, placeholder) in enumerate(self.inputs, 1):
                    if self.cancel.cancelled:
                        break
                    batch.append(LoadedInput(source, load_inputs([source]), placeholder))
                    if time.monotonic() - last > self.BATCH_SECONDS:
                        self.signals.loaded.emit(batch)
                        self.signals.progress.emit(done, len(self.inputs))
                        batch, last = [], time.monotonic()
                if batch:
                    self.signals.loaded.emit(batch)
                    self.signals.progress.emit(len(self.inputs), len(self.inputs))
        finally:
            self.signals.finished.emit()
