"""Cooperative cancellation and progress reporting for long builds."""
from __future__ import annotations

import threading
from typing import Callable

ProgressCallback = Callable[[str, float], None]
"""Called as ``progress(stage_name, fraction_done)`` with fraction in 0..1."""


class BuildCancelled(Exception):
    """Raised inside a build when its :class:`CancelToken` was cancelled."""


class CancelToken:
    """Thread-safe flag a caller sets to stop a running build at the next stage step."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise BuildCancelled("build cancelled")
