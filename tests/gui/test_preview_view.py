"""The preview list alone: a point that leans on the sentence before shows it above."""
from __future__ import annotations

from pathlib import Path

from briefing.model import Briefing
from gui.preview_view import CONTEXT, KIND, POINT, PreviewView

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "briefing.json"


def point_rows(view: PreviewView):
    model = view.model
    return [model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(KIND) == "point"]


def test_context_is_shown_muted_above_the_point_it_explains(qtbot):
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    view.set_briefing(briefing)
    target = briefing.sections[1].points[0].text
    row = next(i for i in point_rows(view) if i.data(POINT).text == target)
    plain_height = view.list.sizeHintForIndex(row).height()
    assert row.data(CONTEXT) is None

    briefing.sections[1].points[0].context = "Ardenia is expected to offer several concessions in return."
    view.set_briefing(briefing)
    row = next(i for i in point_rows(view) if i.data(POINT).text == target)
    assert row.data(CONTEXT) == "Ardenia is expected to offer several concessions in return."
    assert view.list.sizeHintForIndex(row).height() > plain_height
    view.list.viewport().grab()  # paints the row with its context without error


def test_refilling_the_preview_many_times_keeps_python_alive(qtbot):
    """Typing a title refills the preview on every key. PySide6 6.12.0 loses a reference to
    None on each call that returns nothing; a few hundred refills then crashed Python 3.11
    (pyproject excludes it; gui/binding_check.py guards a binding installed anyway)."""
    import sys
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    for section in briefing.sections:
        for point in section.points:
            point.context = None
    view = PreviewView()
    qtbot.addWidget(view)
    before = sys.getrefcount(None)
    for i in range(40):
        briefing.title = f"Briefing {i}"
        view.set_briefing(briefing)
    view.model.clear()
    assert sys.getrefcount(None) >= before - 20
