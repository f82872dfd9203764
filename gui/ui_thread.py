"""What keeps the UI thread quick while workers run Python on the pool.

Qt runs the window on one thread, and every paint, row or timer that Python serves
needs the GIL, which a busy worker holds, and stops while the garbage collector scans
the heap. These helpers are what the window and its workers do about that; none
touches a widget.
"""
from __future__ import annotations

import gc
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_quick_handovers = 0  # workers running with the short switch interval
_collector_pauses = 0  # builds running with the collector paused
_collector_was_enabled = True
_switch_interval_before = 0.005

# Seconds a busy thread may hold the GIL while another waits for it (Python's default is
# 0.005). Every call from Qt into Python on the UI thread (a row's data, a delegate's paint,
# a timer) must take the GIL back from the worker; a repaint makes dozens of such calls.
UI_SWITCH_INTERVAL = 0.0005


@contextmanager
def gil_handed_over_quickly() -> Iterator[None]:
    """While a worker runs Python on a pool thread, let the UI thread have the GIL within 0.5 ms.

    With the default 5 ms switch interval, a repaint during a build waited up to 5 ms for
    each of its calls into Python, 150-250 ms in all on a loaded machine (a CI run of the
    500-article heartbeat test saw 206 ms). At 0.5 ms the waits shrink tenfold, and the
    build takes a few per cent longer. Nested and concurrent workers share one setting;
    the previous interval comes back when the last one ends.
    """
    global _quick_handovers, _switch_interval_before
    with _lock:
        if _quick_handovers == 0:
            _switch_interval_before = sys.getswitchinterval()
            sys.setswitchinterval(min(UI_SWITCH_INTERVAL, _switch_interval_before))
        _quick_handovers += 1
    try:
        yield
    finally:
        with _lock:
            _quick_handovers -= 1
            if _quick_handovers == 0:
                sys.setswitchinterval(_switch_interval_before)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a build runs.

    A build allocates hundreds of thousands of objects, which sets off full collections
    that scan the whole heap with the GIL held: the window would freeze for 100 ms and
    more each time. A build makes no reference cycles (a test checks), so its data is
    freed by reference counting. When the last build ends, what is alive then is frozen
    (see :func:`settle_collector`) before the collector resumes: otherwise its first
    collection scans everything the build allocated, 90 ms measured after 500 articles.
    Reading files does make cycles (the Word and PDF readers), so loading never pauses it.
    """
    global _collector_pauses, _collector_was_enabled
    with _lock:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _lock:
            _collector_pauses -= 1
            if _collector_pauses == 0:
                gc.freeze()
                if _collector_was_enabled:
                    gc.enable()


@contextmanager
def ui_thread_first() -> Iterator[None]:
    """What a build does to keep the window responsive: both of the above."""
    with gil_handed_over_quickly(), collector_paused():
        yield


def settle_collector() -> None:
    """Move the objects alive now out of the collector's sight (``gc.freeze``).

    Called once files are read (a build's end does the same, see :func:`collector_paused`):
    what exists then (Qt, NLTK, the lexicons, the articles, the last build) lives on, and
    a full collection over it costs 100-200 ms with the GIL held, felt as a frozen window. Frozen objects are
    still freed by reference counting when dropped. Freezing is instant; collecting
    first would cost the very pause this avoids. While a build has the collector paused
    this waits for the build's end, which freezes. (Cycles a Word or PDF file's reader
    left while a build had the collector paused are then kept for good: a few per file
    read during a build.)
    """
    with _lock:
        if _collector_pauses == 0:
            gc.freeze()
