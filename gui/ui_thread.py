"""What keeps the UI thread quick while workers run Python on the pool.

Qt runs the window on one thread, and every paint, row or timer that Python serves
needs the GIL, which a busy worker holds. These two helpers are what the window and
its workers do about that; neither touches a widget.
"""
from __future__ import annotations

import gc
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_workers_lock = threading.Lock()
_workers_running = 0
_collector_was_enabled = True
_switch_interval_before = 0.005

# Seconds a busy thread may hold the GIL while another waits for it (Python's default is
# 0.005). Every call from Qt into Python on the UI thread (a row's data, a delegate's paint,
# a timer) must take the GIL back from the build; a repaint makes dozens of such calls.
UI_SWITCH_INTERVAL = 0.001


@contextmanager
def ui_thread_first() -> Iterator[None]:
    """Keep the UI thread's waits short while a worker runs Python on a pool thread.

    Two things froze the window during a build. Python's cyclic garbage collector: a
    build allocates hundreds of thousands of objects, which sets off full collections
    that scan the whole heap with the GIL held, 100 ms and more each; it is paused (the
    build's data is freed by reference counting) and resumes when the last worker ends.
    And the GIL's hand-over: with the default 5 ms switch interval, a repaint during a
    build waited up to 5 ms for each of its calls into Python, 150-250 ms in all on a
    loaded machine; at 1 ms the waits shrink fivefold and the build takes a few per cent longer.
    """
    global _workers_running, _collector_was_enabled, _switch_interval_before
    with _workers_lock:
        if _workers_running == 0:
            _collector_was_enabled = gc.isenabled()
            _switch_interval_before = sys.getswitchinterval()
            gc.disable()
            sys.setswitchinterval(min(UI_SWITCH_INTERVAL, _switch_interval_before))
        _workers_running += 1
    try:
        yield
    finally:
        with _workers_lock:
            _workers_running -= 1
            if _workers_running == 0:
                sys.setswitchinterval(_switch_interval_before)
                if _collector_was_enabled:
                    gc.enable()


def settle_collector() -> None:
    """Move the objects alive now out of the collector's sight (``gc.freeze``).

    Called once the language tools are loaded and after each build: what exists then
    (Qt, NLTK, the lexicons, the last build) lives on, and a full collection over it
    costs 100-200 ms with the GIL held, felt as a frozen window. Frozen objects are
    still freed by reference counting when dropped; the core makes no reference
    cycles, so nothing is kept that would otherwise be collected. Freezing is instant;
    collecting first would cost the very pause this avoids.
    """
    gc.freeze()
