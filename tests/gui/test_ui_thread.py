"""ui_thread_first: what a worker changes in the interpreter while it runs, and gives back after."""
from __future__ import annotations

import gc
import sys

import pytest

from gui.ui_thread import UI_SWITCH_INTERVAL, ui_thread_first


def test_collector_is_paused_and_the_gil_handed_over_quickly_while_workers_run():
    assert gc.isenabled()
    before = sys.getswitchinterval()
    assert before > UI_SWITCH_INTERVAL
    with ui_thread_first():
        with ui_thread_first():
            assert not gc.isenabled()
            assert sys.getswitchinterval() == pytest.approx(UI_SWITCH_INTERVAL)
        assert not gc.isenabled()
        assert sys.getswitchinterval() == pytest.approx(UI_SWITCH_INTERVAL)
    assert gc.isenabled()
    assert sys.getswitchinterval() == pytest.approx(before)
