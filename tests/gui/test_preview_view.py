"""The preview list alone: a point that leans on the sentence before shows it above."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt

from briefing.model import Briefing
from briefing.takeaways import key_takeaways
from gui.preview_view import CONTEXT, DETAIL, KIND, POINT, SECTION, PreviewView

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "briefing.json"


def point_rows_of(view: PreviewView) -> list[int]:
    return view.point_rows()


def shown_view(qtbot, briefing: Briefing) -> PreviewView:
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    view.set_briefing(briefing)
    return view


def point_rows(view: PreviewView):
    model = view.model
    return [model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(KIND) == "point"]


def test_context_is_shown_muted_above_the_point_it_explains(qtbot):
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    view = shown_view(qtbot, briefing)
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


def rows_of(view: PreviewView, kind: str) -> list[str]:
    model = view.model
    return [model.index(r, 0).data() for r in range(model.rowCount()) if model.index(r, 0).data(KIND) == kind]


def test_the_rest_of_the_document_is_shown_read_only_in_word_order(qtbot):
    """The Word file also has key takeaways, figures, quotes and sources: the preview shows
    them too, so the briefing is reviewed as it will be sent, but only points can be edited."""
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    view = shown_view(qtbot, briefing)
    assert rows_of(view, "part") == ["Key takeaways", "Key figures", "Notable quotes", "Sources"]
    model = view.model
    kinds = [model.index(r, 0).data(KIND) for r in range(model.rowCount())]
    first_section, last_point = kinds.index("section"), max(i for i, k in enumerate(kinds) if k == "point")
    assert kinds.index("part") < first_section  # takeaways come first, as in Word
    assert all(kinds[i] != "part" for i in range(first_section, last_point))
    notes = rows_of(view, "note")
    assert len(notes) == len(key_takeaways(briefing)) + len(briefing.figures) + len(briefing.quotes) + 3
    assert notes[-3].startswith("[1] ") and any(f.value in n for f in briefing.figures for n in notes)
    for r in range(model.rowCount()):
        if model.index(r, 0).data(KIND) in ("part", "note"):
            assert not model.item(r).flags() & Qt.ItemFlag.ItemIsSelectable
    view.list.viewport().grab()

    # Takeaways follow the points: a dropped point's takeaway goes with it.
    top = key_takeaways(briefing)[0].point
    assert top.text in notes
    for section in briefing.sections:
        section.points = [p for p in section.points if p.text != top.text]
    view.set_briefing(briefing)
    assert top.text not in rows_of(view, "note")
    takeaway_details = [model.index(r, 0).data(DETAIL) for r in range(model.rowCount())
                        if model.index(r, 0).data(KIND) == "note"][:len(key_takeaways(briefing))]
    assert all("[" in d for d in takeaway_details)
    # As in Word, a takeaway several articles report says how many.
    assert any(t.point.support > 1 for t in key_takeaways(briefing))
    for t, detail in zip(key_takeaways(briefing), takeaway_details):
        assert detail.endswith(f" · {t.point.support} sources") == (t.point.support > 1)


def test_dropping_a_point_selects_the_next_point_though_the_takeaways_change(qtbot):
    """Takeaway rows above the sections change with the points, so the place of the
    selection is kept among the points, not as a row number."""
    def shown(view):
        return [view.model.index(r, 0).data(POINT).text for r in point_rows_of(view)]

    first = PreviewView()
    qtbot.addWidget(first)
    first.set_briefing(Briefing.from_json(FIXTURE.read_text(encoding="utf-8")))
    order = shown(first)  # as displayed: grouped by party
    for i, text in enumerate(order[:-1]):
        briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
        view = PreviewView()
        qtbot.addWidget(view)
        view.set_briefing(briefing)
        assert view.select_point(text)
        for section in briefing.sections:
            section.points = [p for p in section.points if p.text != text]
        view.set_briefing(briefing)
        assert view.selected_point()[1].text == shown(view)[i], text


def test_an_empty_section_says_whether_nothing_was_found_or_nothing_fitted(qtbot):
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    briefing.sections[1].points.clear()
    briefing.sections[1].candidates = 4  # sentences of this kind, all too long for the budget
    briefing.sections[2].points.clear()
    briefing.sections[2].candidates = 0
    view = shown_view(qtbot, briefing)
    notes = rows_of(view, "empty")
    assert len(notes) == 2
    assert notes[0].startswith(f"No sentence of these articles was chosen for {briefing.sections[1].heading.lower()} at this length.")
    assert notes[1].startswith(f"No sentence of these articles reads as {briefing.sections[2].heading.lower()}.")
    assert all("Move a point here" in note for note in notes)


def test_party_menu_lists_the_parties_ticks_the_points_own_and_asks_for_a_change(qtbot):
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    view = shown_view(qtbot, briefing)
    norway = next(i for i in point_rows(view) if i.data(POINT).party == "Norway")
    view.list.setCurrentIndex(norway)
    point = norway.data(POINT)
    assert view.party_button.isEnabled()
    entries = [(a.text(), a.isChecked()) for a in view.party_menu.actions() if not a.isSeparator()]
    assert entries == [("Norway", True), ("Chile", False), ("No party", False), ("Other party…", False)]
    with qtbot.waitSignal(view.partyRequested) as asked:
        view.party_menu.actions()[2].trigger()
    assert asked.args == [point.text, ""]
    submenu = next(a.menu() for a in view.build_context_menu().actions() if a.text() == "Party")
    with qtbot.waitSignal(view.partyRequested) as asked:
        submenu.actions()[1].trigger()
    assert asked.args == [point.text, "Chile"]


def test_other_party_lists_a_point_under_a_side_the_build_did_not_find(qtbot, monkeypatch):
    """With no parties found, the menu still offers a way to name one; a name given by hand
    is then offered for the other points too."""
    from PySide6.QtWidgets import QInputDialog

    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    briefing.parties = []
    for section in briefing.sections:
        for point in section.points:
            point.party = None
    view = shown_view(qtbot, briefing)
    first = point_rows(view)[0]
    view.list.setCurrentIndex(first)
    actions = [a for a in view.party_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["No party", "Other party…"] and actions[0].isChecked()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("  Mire  land ", True))
    with qtbot.waitSignal(view.partyRequested) as asked:
        actions[1].trigger()
    assert asked.args == [first.data(POINT).text, "Mire land"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Mireland", False))  # cancelled
    with qtbot.assertNotEmitted(view.partyRequested):
        actions[1].trigger()
    briefing.sections[0].points[0].party = "Mireland"  # as the window's edit would set it
    view.set_briefing(briefing)
    view.list.setCurrentIndex(point_rows(view)[1])
    assert "Mireland" in [a.text() for a in view.party_menu.actions()]


def test_a_risk_has_no_party_menu(qtbot):
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    view = shown_view(qtbot, briefing)
    risk = next(i for i in point_rows(view) if i.data(SECTION) == "risks")
    view.list.setCurrentIndex(risk)
    assert view.drop_button.isEnabled() and not view.party_button.isEnabled()
    assert "not listed by party" in view.party_button.toolTip()
    submenu = next(a.menu() for a in view.build_context_menu().actions() if a.text() == "Party")
    assert not submenu.isEnabled()


def test_a_source_line_too_long_for_the_card_ends_in_an_ellipsis():
    from PySide6.QtGui import QFont, QFontMetrics

    from gui.preview_view import elided

    font = QFont()
    line = "Source [3] China says border should be put in its proper place as talks continue"
    short = elided(line, font, QFontMetrics(font).horizontalAdvance(line) // 2)
    assert short.endswith("…") and line.startswith(short[:-1])
    assert elided(line, font, 10_000) == line


def test_the_selected_point_stays_in_sight_when_a_long_briefing_is_refilled(qtbot):
    """A pin or a drop refills the list; in a briefing of hundreds of rows the point being
    worked on must still be on screen (rows laid out in batches lost it past the first)."""
    briefing = Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))
    risks = briefing.sections[-1]
    risks.points = [dataclasses.replace(risks.points[i % len(risks.points)],
                                        text=f"{risks.points[i % len(risks.points)].text} (item {i})")
                    for i in range(150)]
    view = shown_view(qtbot, briefing)
    assert view.select_point(risks.points[-1].text)

    def in_sight() -> bool:
        return view.list.visualRect(view.list.currentIndex()).intersects(view.list.viewport().rect())

    qtbot.waitUntil(in_sight)
    view.set_briefing(briefing)
    assert view.selected_point()[1].text == risks.points[-1].text
    qtbot.waitUntil(in_sight)
    view.resize(720, 600)
    qtbot.waitUntil(in_sight)
