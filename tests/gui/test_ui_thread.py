"""What workers change in the interpreter while they run, and give back after."""
from __future__ import annotations

import gc
import sys

import pytest

from gui.ui_thread import (UI_SWITCH_INTERVAL, collector_paused, gil_handed_over_quickly, settle_collector,
                           ui_thread_first)


def test_a_build_pauses_the_collector_and_hands_the_gil_over_quickly_until_the_last_one_ends():
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


def test_workers_ending_in_any_order_give_everything_back():
    before = sys.getswitchinterval()
    build, load = ui_thread_first(), gil_handed_over_quickly()
    build.__enter__()
    load.__enter__()
    build.__exit__(None, None, None)  # the build ends first: the collector resumes, the load still reads
    assert gc.isenabled() and sys.getswitchinterval() == pytest.approx(UI_SWITCH_INTERVAL)
    load.__exit__(None, None, None)
    assert gc.isenabled() and sys.getswitchinterval() == pytest.approx(before)


def test_reading_files_leaves_the_collector_on():
    """The Word and PDF readers make reference cycles: paused, they would pile up."""
    with gil_handed_over_quickly():
        assert gc.isenabled()


def test_settling_waits_for_the_build_which_freezes_what_lives_on_when_it_ends():
    kept = [[i] for i in range(100)]  # objects the collector tracks
    with collector_paused():
        frozen = gc.get_freeze_count()
        settle_collector()
        assert gc.get_freeze_count() == frozen
        more = [[i] for i in range(100)]
    assert gc.get_freeze_count() > frozen  # else the first collection scans all the build made
    del kept, more
