"""The window stays responsive while it builds a briefing from 500 articles.

The issue asks for this one measured GUI test: a 20 ms heartbeat timer on the UI thread
records the longest gap between its ticks while the build runs on the pool, through the
real window. A gap means the UI thread could not run (a long stretch holding the GIL, or
work done on the UI thread).
"""
from __future__ import annotations

import random
import time

from PySide6.QtCore import QTimer

from gui_steps import build_and_wait, load_and_wait

PLACES = ["Tallinn", "Quito", "Accra", "Hanoi", "Lisbon", "Windhoek", "Tbilisi", "Montevideo", "Oslo", "Kigali",
          "Manila", "Lima", "Almaty", "Dakar", "Reykjavik", "Bogota"]
TOPICS = ["fishing quotas", "grain exports", "a rail corridor", "power-line tariffs", "port fees",
          "border checks", "water rights", "a satellite launch", "vaccine supplies", "steel duties"]
WANTS = ["wants", "seeks", "hopes to secure", "aims to win", "is pressing for"]
OFFERS = ["is ready to offer", "may propose", "is willing to accept", "could agree to", "has offered"]
RISKS = ["warn that the talks could collapse over", "fear a dispute about", "see a risk of delay on",
         "say tensions remain over", "caution that a standoff on"]
# A stall our code causes comes back in every run of the same build; one caused by other
# processes on a busy two-CPU machine (seen in CI at 250 ms) does not, so a run over the
# limit is measured again, up to three times, and the test fails only if every run stalls.
STALL_LIMIT = 0.150
ATTEMPTS = 3
FILLER = ["The meeting follows months of preparation by junior officials.",
          "Reporters gathered outside the conference hall before dawn.",
          "Both delegations arrived a day early to settle the agenda.",
          "Local newspapers ran long profiles of the two negotiators.",
          "The venue was chosen because it lies halfway between the capitals."]


def article(i: int, rng: random.Random) -> str:
    a, b = rng.sample(PLACES, 2)
    lines = [f"{a} and {b} Meet Over {rng.choice(TOPICS).title()} (Report {i})", ""]
    for _ in range(rng.randint(6, 12)):
        topic = rng.choice(TOPICS)
        kind = rng.randrange(4)
        if kind == 0:
            lines.append(f"The delegation from {a} {rng.choice(WANTS)} a deal on {topic} within {i % 9 + 2} months.")
        elif kind == 1:
            lines.append(f"In return, {b} {rng.choice(OFFERS)} concessions on {topic} worth {i * 3 % 97} million.")
        elif kind == 2:
            lines.append(f"Analysts in {rng.choice(PLACES)} {rng.choice(RISKS)} {topic} before round {i % 7}.")
        else:
            lines.append(rng.choice(FILLER))
    return "\n".join(lines) + "\n"


def test_ui_thread_never_stalls_during_a_500_article_build(qtbot, window, tmp_path):
    rng = random.Random(500)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(500):
        (folder / f"report_{i:03}.txt").write_text(article(i, rng), encoding="utf-8")
    load_and_wait(qtbot, window, [folder])
    assert window.articles.rowCount() == 500

    worst_of_runs: list[float] = []
    for _ in range(ATTEMPTS):
        window._cache.clear()  # each run does the whole work again, as the first build does
        gaps = heartbeat_gaps(qtbot, window)
        assert window.briefing is not None and len(window.briefing.sources) == 500
        assert len(gaps) > 5, "the build was too quick to measure anything"
        worst_of_runs.append(max(gaps))
        if worst_of_runs[-1] < STALL_LIMIT:
            break
    assert min(worst_of_runs) < STALL_LIMIT, f"the UI thread stalled in every run: {worst_of_runs} s"


def heartbeat_gaps(qtbot, window) -> list[float]:
    """The gaps between ticks of a 20 ms UI-thread timer while one build runs."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    last[0] = time.perf_counter()
    build_and_wait(qtbot, window)
    heartbeat.stop()
    return gaps
