"""ArticleListModel alone: rows, roles, ticks and problem entries."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing import ProjectArticle
from briefing.load import article_from_text
from gui.article_list_model import ArticleEntry, ArticleListModel

TEXT = ("Delegates from Ostrava and Lund met on Monday.\n"
        "The two cities want a shared rail timetable by spring.\n")


def entry(title: str = "Rail talks", checked: bool = True, **origin) -> ArticleEntry:
    article = article_from_text(TEXT, source_id="x", title=title, url=origin.get("url"))
    return ArticleEntry(origin=ProjectArticle(checked=checked, **origin), article=article)


def bad_entry(path: str = "/tmp/broken.pdf") -> ArticleEntry:
    return ArticleEntry(origin=ProjectArticle(path=path, checked=False), problem="not a PDF (damaged)")


@pytest.fixture
def model() -> ArticleListModel:
    m = ArticleListModel()
    m.add_entries([entry("Rail talks", path="/news/rail.txt"),
                   entry("Port deal", checked=False, url="https://www.harbour.example/port"),
                   bad_entry()])
    return m


def test_passes_qt_model_checks(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)


def test_roles(model):
    i = model.index(0)
    assert model.data(i, ArticleListModel.TitleRole) == "Rail talks"
    assert model.data(i, Qt.ItemDataRole.DisplayRole) == "Rail talks"
    assert model.data(i, ArticleListModel.WordsRole) == len(TEXT.split())
    assert model.data(i, ArticleListModel.StatusRole) == "Ready"
    assert model.data(i, ArticleListModel.ProblemRole) is None
    assert model.data(i, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "/news/rail.txt" in model.data(i, Qt.ItemDataRole.ToolTipRole)
    port = model.index(1)
    assert model.data(port, ArticleListModel.OutletRole) == "harbour.example"
    assert model.data(port, ArticleListModel.StatusRole) == "Not included"
    assert model.data(port, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.roleNames()[ArticleListModel.ProblemRole] == b"problem"


def test_unreadable_entry_shows_reason_and_cannot_be_ticked(model):
    i = model.index(2)
    assert model.data(i, ArticleListModel.ProblemRole) == "not a PDF (damaged)"
    assert model.data(i, ArticleListModel.StatusRole) == "Cannot be used: not a PDF (damaged)"
    assert model.data(i, ArticleListModel.TitleRole) == "broken.pdf"
    assert model.data(i, Qt.ItemDataRole.CheckStateRole) is None
    assert not model.flags(i) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(i, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.set_all_checked(True)
    assert [e.title for e in model.checked_entries()] == ["Rail talks", "Port deal"]


def test_ticking_emits_checked_changed_and_data_changed(qtbot, model):
    i = model.index(1)
    with qtbot.waitSignal(model.checkedChanged), qtbot.waitSignal(model.dataChanged):
        assert model.setData(i, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.entry(1).origin.checked
    assert model.data(i, ArticleListModel.StatusRole) == "Ready"


def test_tick_all_and_none(qtbot, model):
    with qtbot.waitSignal(model.checkedChanged):
        model.set_all_checked(False)
    assert model.checked_entries() == []
    model.set_all_checked(True)
    assert len(model.checked_entries()) == 2


def test_remove_rows_and_clear(qtbot, model):
    keys = [e.key for e in model.entries]
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_rows([0, 2])
    assert [e.key for e in model.entries] == [keys[1]]
    assert model.row_of(keys[0]) == -1
    model.clear()
    assert model.rowCount() == 0


def test_rows_are_found_by_key_after_rows_come_and_go(model):
    keys = [e.key for e in model.entries]
    assert [model.row_of(k) for k in keys] == [0, 1, 2]
    model.remove_rows([0])
    assert [model.row_of(k) for k in keys] == [-1, 0, 1]
    late = entry("Ferry rota")
    model.add_entries([late])
    assert model.row_of(late.key) == 2 and model.entry_by_key(late.key) is late
    model.clear()
    assert model.row_of(keys[1]) == -1 and model.entry_by_key(late.key) is None


def test_placeholder_is_filled_once_loaded(qtbot):
    m = ArticleListModel()
    placeholder = ArticleEntry(origin=ProjectArticle(path="/news/late.txt"))
    m.add_entries([placeholder])
    assert m.data(m.index(0), ArticleListModel.StatusRole) == "Loading…"
    assert m.data(m.index(0), ArticleListModel.TitleRole) == "late.txt"
    with qtbot.waitSignal(m.dataChanged):
        m.update_entry(placeholder.key, article=article_from_text(TEXT, source_id="1", path=Path("/news/late.txt")))
    assert m.checked_entries() == [placeholder]


def test_build_notes_replace_status(model):
    model.set_notes({model.entry(0).key: "Cited by 2 points"})
    assert model.data(model.index(0), ArticleListModel.StatusRole) == "Cited by 2 points"
    model.set_notes({})
    assert model.data(model.index(0), ArticleListModel.StatusRole) == "Ready"


def test_keys_are_unique():
    assert len({entry().key for _ in range(5)}) == 5
