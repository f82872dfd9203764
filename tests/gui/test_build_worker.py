"""BuildWorker on a thread pool: its signals reach the test's (UI) thread; cancel stops it."""
from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import Qt, QThreadPool

from briefing import BriefingOptions, load_inputs
from gui.build_worker import BuildWorker


@pytest.fixture
def pool():
    p = QThreadPool()
    yield p
    p.waitForDone()
    assert p.activeThreadCount() == 0


def test_finished_with_progress_on_the_ui_thread(qtbot, pool, river_dir):
    articles = load_inputs([river_dir]).articles
    worker = BuildWorker(articles, BriefingOptions(words_per_section=40))
    stages, threads = [], []
    worker.signals.progress.connect(lambda stage, fraction: (stages.append(stage),
                                                             threads.append(threading.get_ident())))
    with qtbot.waitSignal(worker.signals.finished, timeout=60_000) as blocker:
        pool.start(worker)
    result = blocker.args[0]
    assert [s.key for s in result.briefing.sections] == ["objectives", "concessions", "risks"]
    assert any(s.points for s in result.briefing.sections)
    assert "sentences" in stages and stages[-1] == "model"
    assert set(threads) == {threading.get_ident()}


def test_cancel_before_start_emits_cancelled(qtbot, pool, river_dir):
    worker = BuildWorker(load_inputs([river_dir]).articles, BriefingOptions())
    worker.cancel.cancel()
    finished = []
    worker.signals.finished.connect(finished.append)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=60_000):
        pool.start(worker)
    assert finished == []


def test_cancel_during_progress(qtbot, pool, river_dir):
    worker = BuildWorker(load_inputs([river_dir]).articles, BriefingOptions())
    worker.PROGRESS_INTERVAL = 0.0
    # Cancelled from the worker's own thread at its first progress report, so that a build
    # made fast by warm caches cannot finish before the cancel arrives.
    worker.signals.progress.connect(lambda *_: worker.cancel.cancel(), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=60_000):
        pool.start(worker)


def test_a_failing_stage_is_reported_not_raised(qtbot, pool):
    worker = BuildWorker(["not an article"], BriefingOptions())  # type: ignore[list-item]
    with qtbot.waitSignal(worker.signals.failed, timeout=60_000) as blocker:
        pool.start(worker)
    assert "Error" in blocker.args[0]


def test_a_build_leaves_no_reference_cycles(river_dir):
    """The window freezes (gc.freeze) what is alive after a build, which is only safe if the
    core leaves no cyclic garbage for the collector: see gui.ui_thread.settle_collector."""
    from briefing import build_briefing
    from gui.build_worker import new_build_cache

    articles = load_inputs([river_dir]).articles
    cache = new_build_cache()
    extra = {"cache": cache} if cache is not None else {}
    build_briefing(articles, **extra)
    gc.collect()
    gc.disable()
    try:
        result = build_briefing(articles, **extra)
        assert result.briefing.sections
        del result
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0, f"a build left {found} objects in reference cycles"


def test_the_build_runs_with_the_ui_thread_first(qtbot, pool, river_dir):
    """Read from the worker's own thread at its progress reports: the collector is paused and
    the GIL is handed back quickly while the build runs, and both come back after it."""
    import sys

    from gui.ui_thread import UI_SWITCH_INTERVAL

    before = sys.getswitchinterval()
    worker = BuildWorker(load_inputs([river_dir]).articles, BriefingOptions())
    seen = []
    worker.signals.progress.connect(lambda *_: seen.append((gc.isenabled(), sys.getswitchinterval())),
                                    Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(worker.signals.finished, timeout=60_000):
        pool.start(worker)
    assert seen and all(not enabled and interval == pytest.approx(UI_SWITCH_INTERVAL) for enabled, interval in seen)
    assert gc.isenabled() and sys.getswitchinterval() == pytest.approx(before)
