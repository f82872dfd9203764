"""A start-up check of the Qt binding for a known defect that would crash the window.

PySide6 6.12.0 drops a reference to ``None`` on every call that returns nothing
(``setData``, ``setToolTip`` ...). On Python 3.12 and later ``None`` is immortal and this
is harmless; on Python 3.11 its count reaches zero after some minutes of editing and the
interpreter aborts, losing unsaved work. ``pyproject.toml`` excludes that release; this
check catches a binding installed some other way.
"""
from __future__ import annotations

import ctypes
import sys
from typing import Callable

PROBE_CALLS = 64
# What Python 3.12 gives None (PEP 683): a count that no leak of this kind can exhaust.
IMMORTAL_COUNT = 1 << 40


def none_references_lost(calls: int = PROBE_CALLS) -> int:
    """How many references to None the binding loses over ``calls`` calls returning nothing."""
    from PySide6.QtGui import QStandardItem

    item = QStandardItem()
    before = sys.getrefcount(None)
    for _ in range(calls):
        item.setToolTip("")
    return max(before - sys.getrefcount(None), 0)


def guard_none_references(probe: Callable[[], int] = none_references_lost,
                          warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> bool:
    """Warn, and keep None alive as Python 3.12 does, when the binding leaks references to it.

    Returns True when the defect was found.
    """
    if sys.version_info >= (3, 12) or probe() < PROBE_CALLS // 2:
        return False
    import PySide6

    warn(f"briefing-gui: PySide6 {PySide6.__version__} loses references to None on Python "
         f"{sys.version_info.major}.{sys.version_info.minor} and would crash during editing; "
         "working around it. Install another release: pip install 'PySide6-Essentials!=6.12.0'")
    ctypes.c_ssize_t.from_address(id(None)).value += IMMORTAL_COUNT
    return True
