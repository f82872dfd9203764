"""The real window, driven as a user would: add, build, review, edit, export, restore."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from briefing.cli import main
from briefing.edits import point_key
from gui.article_list_model import ArticleListModel
from gui.preview_view import KIND, SECTION

from gui_steps import build_and_wait, load_and_wait


def points(window) -> dict[str, list[str]]:
    return {s.key: [p.text for p in s.points] for s in window.briefing.sections}


def docx_sections(path: Path) -> dict[str, list[str]]:
    """Heading 1 -> the paragraphs under it, as read back from the Word file."""
    out: dict[str, list[str]] = {}
    current = None
    for p in docx.Document(str(path)).paragraphs:
        if p.style.name.startswith("Heading 1"):
            current = p.text
            out[current] = []
        elif current is not None and p.text.strip():
            out[current].append(p.text)
    return out


def test_first_start_is_empty_with_samples_one_click_away(window):
    assert window.article_stack.currentWidget() is window.welcome
    assert window.welcome.samples_button.isVisible()
    assert not window.build_button.isEnabled()
    assert not window.export_button.isEnabled()
    assert window.preview_stack.currentWidget() is window.preview_empty


def test_samples_button_lists_the_samples(qtbot, window):
    with qtbot.waitSignal(window.loadingFinished, timeout=30_000):
        window.welcome.samples_button.click()
    assert window.articles.rowCount() >= 3
    assert all(e.usable for e in window.articles.entries)
    assert not any("readme" in (e.origin.path or "").lower() for e in window.articles.entries)
    assert window.article_stack.currentWidget() is window.article_view


def test_seeds_build_drop_move_export_and_read_back(qtbot, window, seeds_dir, save_dialog, tmp_path):
    load_and_wait(qtbot, window, sorted(seeds_dir.iterdir()))
    assert window.articles.rowCount() == 5
    assert window.build_button.isEnabled()
    qtbot.mouseClick(window.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.briefing is not None, timeout=60_000)
    before = points(window)
    assert all(before[k] for k in ("objectives", "concessions", "risks"))
    assert window.preview_stack.currentWidget() is window.preview

    # drop the first objective with the Drop button
    dropped = before["objectives"][0]
    assert window.preview.select_point(dropped)
    with qtbot.waitSignal(window.buildEnded, timeout=30_000):  # the next best point takes its words
        qtbot.mouseClick(window.preview.drop_button, Qt.MouseButton.LeftButton)
    assert dropped not in points(window)["objectives"]
    assert window.preview.restore_button.isVisible()

    # move the first risk to concessions through the point's context menu
    moved = points(window)["risks"][0]
    assert window.preview.select_point(moved)
    menu = window.preview.build_context_menu()
    move_menu = next(a.menu() for a in menu.actions() if a.text() == "Move to")
    risks_before = points(window)["risks"]
    concessions_before = points(window)["concessions"]
    with qtbot.waitSignal(window.buildEnded, timeout=30_000):  # the risks take the next best point
        next(a for a in move_menu.actions() if a.text() == "Concessions").trigger()
    assert moved in points(window)["concessions"] and moved not in points(window)["risks"]
    after = points(window)["concessions"]
    assert set(after) - {moved} <= set(concessions_before)  # the move brings no other point with it
    assert len(set(concessions_before) - set(after)) <= 1  # at most the weakest made room
    assert window.edits.is_pinned(moved)  # it stays where the user put it
    assert set(points(window)["risks"]) - set(risks_before)  # refilled
    budget = window.briefing.words_per_section
    for key in ("concessions", "risks"):
        assert sum(len(p.text.split()) for p in window.briefing.section(key).points) <= budget

    window.controls.title.setText("Briefing for the Washington meeting")
    window.controls.title.textEdited.emit("Briefing for the Washington meeting")
    out = tmp_path / "briefing.docx"
    save_dialog.answers.append(out)
    with qtbot.waitSignal(window.exported, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert out.exists()
    assert window.export_bar.isVisible() and window.last_export == out
    assert window.export_label.text() == "Saved <b>briefing.docx</b>"
    window.undo_action.trigger()  # the move: the file no longer holds what the window shows
    assert "before your latest changes" in window.export_label.text()
    window.redo_action.trigger()
    assert window.export_label.text() == "Saved <b>briefing.docx</b>"

    sections = docx_sections(out)
    body = "\n".join(t for lines in sections.values() for t in lines)
    assert dropped not in body
    assert any(moved in t for t in sections["Concessions"])  # after its lead-in, if it has one
    assert not any(moved in t for t in sections.get("Risks", []))
    assert docx.Document(str(out)).paragraphs[0].text == "Briefing for the Washington meeting"

    # a move into a full section: the status bar says which point made room
    objectives_before = points(window)["objectives"]
    moved = points(window)["risks"][0]
    assert window.preview.select_point(moved)
    with qtbot.waitSignal(window.buildEnded, timeout=30_000):
        window.move_point(moved, "objectives")
    gone = [t for t in objectives_before if t not in points(window)["objectives"]]
    assert gone
    message = window.statusBar().currentMessage()
    assert "left it" in message and gone[0][:40] in message, message


def test_cancel_a_build(qtbot, window, tmp_path, no_dialogs):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"a{i:03}.txt").write_text(
            f"Talks number {i}\n\nDelegation {i} wants a new canal agreement with partner {i + 1}. "
            f"Officials warn that the talks could fail over fees number {i}. "
            f"Partner {i} is ready to offer lower tolls in exchange for access.\n", encoding="utf-8")
    load_and_wait(qtbot, window, [folder])
    cancelled = []
    window.buildEnded.connect(cancelled.append)
    window.build()
    assert window.building and window.cancel_button.isVisible()
    assert not window.build_button.isEnabled()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cancelled == ["cancelled"], timeout=60_000)
    assert not window.building
    assert window.briefing is None
    assert not window.cancel_button.isVisible()
    assert window.build_button.isEnabled()
    assert "cancelled" in window.statusBar().currentMessage().lower()


def test_a_bad_file_is_listed_with_its_reason(qtbot, window, river_dir, tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    missing = tmp_path / "gone.txt"
    load_and_wait(qtbot, window, [river_dir / "01_harbour_herald.txt", bad, missing])
    rows = {window.articles.data(window.articles.index(r), ArticleListModel.TitleRole): r
            for r in range(window.articles.rowCount())}
    assert set(rows) >= {"scan.txt", "gone.txt"}
    problem = window.articles.data(window.articles.index(rows["scan.txt"]), ArticleListModel.ProblemRole)
    assert problem
    assert "2 could not be read" in window.statusBar().currentMessage()
    assert "unreadable" in window.count_label.text()
    window.article_view.setCurrentIndex(window.articles.index(rows["scan.txt"]))
    assert "cannot be used" in window.reader.toPlainText()
    build_and_wait(qtbot, window)
    assert len(window.briefing.sources) == 1


def test_reader_highlights_used_sentences_and_follows_the_selected_point(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    window.article_view.setCurrentIndex(window.articles.index(0))
    assert window.reader.highlight_count == 0
    build_and_wait(qtbot, window)
    window.article_view.setCurrentIndex(window.articles.index(0))
    assert window.reader.highlight_count > 0
    assert "Used in the briefing" in window.reader.toPlainText()

    # selecting a point shows the article it comes from
    point = window.briefing.section("risks").points[-1]
    window.preview.select_point(point.text)
    cited = window.snapshot.entry_of_source[point.sources[0]]
    assert window.current_entry().key == cited
    assert point.text in window.reader.toPlainText()
    assert "font-weight:bold" in window.reader.toHtml() or "font-weight:700" in window.reader.toHtml()


def test_reader_shows_a_live_blog_s_key_points_as_a_list_not_as_headings(qtbot, window, tmp_path):
    blog = tmp_path / "blog.txt"
    blog.write_text("Grain talks - live\n\nKey points\n• Kestria has tabled a rival offer on wheat\n"
                    "• Storage silos could run short by May\n\nThe two ministers meet in Tallin on Monday for a "
                    "second round of talks on wheat quotas and storage.\n", encoding="utf-8")
    load_and_wait(qtbot, window, [blog])
    window.article_view.setCurrentIndex(window.articles.index(0))
    text = window.reader.toPlainText()
    assert "• Kestria has tabled a rival offer on wheat" in text and "• Storage silos" in text
    assert "•" not in text.split("Key points")[0]


def test_edits_survive_a_rebuild_after_adding_an_article(qtbot, window, river_dir):
    files = sorted(river_dir.glob("*.txt"))
    load_and_wait(qtbot, window, files[:3])
    window.controls.words.setValue(40)
    build_and_wait(qtbot, window)
    first = points(window)
    dropped, moved = first["objectives"][0], first["concessions"][0]
    pinned = first["risks"][-1]
    window.drop_point(dropped)
    window.move_point(moved, "objectives")
    window.pin_point(pinned, True)
    window.controls.event.setText("Brightwater, Tuesday")
    window.controls.event.textEdited.emit("Brightwater, Tuesday")

    load_and_wait(qtbot, window, [files[3]])
    assert window.stale_banner.isVisible()
    assert window.build_button.text() == "Rebuild briefing"
    build_and_wait(qtbot, window)
    second = points(window)
    assert len(window.briefing.sources) == 4
    assert dropped not in sum(second.values(), [])
    assert moved in second["objectives"]
    assert pinned in second["risks"]
    assert window.briefing.event == "Brightwater, Tuesday"
    assert not window.stale_banner.isVisible()


def test_pin_shows_in_preview_and_undo_redo(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    text = points(window)["objectives"][0]
    window.preview.select_point(text)
    qtbot.mouseClick(window.preview.pin_button, Qt.MouseButton.LeftButton)
    assert window.preview.selected_point()[1].pinned
    assert window.preview.pin_button.text() == "Unpin"
    window.drop_point(text)
    assert text not in points(window)["objectives"]
    window.undo_action.trigger()
    assert text in points(window)["objectives"]
    window.redo_action.trigger()
    assert text not in points(window)["objectives"]
    key = point_key(text)
    window.restore_point(key)
    assert text in points(window)["objectives"]


def test_undo_steps_back_a_point_edit_but_keeps_the_title_typed_since(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    text = points(window)["objectives"][0]
    window.drop_point(text)
    window.controls.title.setText("Water talks: what to expect")
    window.controls.title.textEdited.emit("Water talks: what to expect")
    window.undo_action.trigger()
    assert text in points(window)["objectives"]
    assert window.briefing.title == "Water talks: what to expect"
    assert window.edits.title == "Water talks: what to expect"


def test_a_dropped_point_gives_its_words_to_the_next_best_and_restoring_brings_it_back(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    window.controls.words.setValue(40)
    build_and_wait(qtbot, window)
    before = points(window)["objectives"]
    with qtbot.waitSignal(window.buildEnded, timeout=10000):  # the refill build, from the cache
        window.drop_point(before[0])
    after = points(window)["objectives"]
    assert before[0] not in after
    assert [t for t in after if t not in before], "a point the first build left out takes the words"
    assert window.statusBar().currentMessage().startswith("Dropped the point")
    with qtbot.waitSignal(window.buildEnded, timeout=10000):
        window.restore_point(point_key(before[0]))
    assert points(window)["objectives"] == before
    build_and_wait(qtbot, window)  # asked for, with nothing changed: it still says what it did
    assert window.statusBar().currentMessage().startswith("Briefing built from")


def test_a_build_from_cache_does_not_say_it_took_no_time():
    from gui.main_window import time_taken

    assert time_taken(0.01) == "in under 0.1 s"
    assert time_taken(1.26) == "in 1.3 s"


def test_title_and_marking_follow_at_once_and_words_rebuild(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    assert re.fullmatch(r"Briefing built from \d+ articles in (under 0\.1|\d+\.\d) s\. .*",
                        window.statusBar().currentMessage())
    qtbot.keyClicks(window.controls.title, "River summit briefing")
    assert window.briefing.title == "River summit briefing"
    title_row = window.preview.model.index(0, 0)
    assert title_row.data(KIND) == "title" and title_row.data(Qt.ItemDataRole.DisplayRole) == "River summit briefing"
    window.controls.marking.setEditText("Confidential")
    assert window.briefing.marking == "Confidential"
    long_words = sum(len(p.split()) for p in points(window)["objectives"])
    with qtbot.waitSignal(window.buildEnded, timeout=60_000):
        window.controls.words.setValue(25)
    assert window.briefing.words_per_section == 25
    assert sum(len(p.split()) for p in points(window)["objectives"]) <= max(25, long_words)
    assert all(sum(len(p.split()) for p in pts) <= 25 for pts in points(window).values())


def test_export_error_keeps_the_briefing_and_offers_another_place(qtbot, window, river_dir, save_dialog,
                                                                  no_dialogs, tmp_path):
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    save_dialog.answers += [tmp_path / "no-such-folder" / "b.docx", tmp_path / "b"]
    with qtbot.waitSignal(window.exported, timeout=30_000) as blocker:
        window.export_word()
    assert blocker.args == [tmp_path / "b.docx"] and (tmp_path / "b.docx").exists()
    assert any(kind == "warning" and "does not exist" in text for kind, text in no_dialogs)
    assert any(text.startswith("Could not save the briefing: Cannot write ") for _, text in no_dialogs)
    assert window.briefing is not None


def test_an_export_asked_for_during_a_drop_s_refill_holds_the_point_that_took_its_place(
        qtbot, window, seeds_dir, save_dialog, tmp_path, monkeypatch):
    import threading

    from gui.build_worker import BuildWorker
    load_and_wait(qtbot, window, sorted(seeds_dir.iterdir()))
    build_and_wait(qtbot, window)
    before = points(window)["risks"]
    release, started = threading.Event(), threading.Event()
    run = BuildWorker.run

    def held_run(worker):  # the refill waits until the export has been asked for
        started.set()
        release.wait(30)
        run(worker)

    monkeypatch.setattr(BuildWorker, "run", held_run)
    out = tmp_path / "briefing.md"
    save_dialog.answers.append(out)
    try:
        assert window.preview.select_point(before[0])
        window.drop_point(before[0])
        qtbot.waitUntil(started.is_set, timeout=10_000)
        assert window.building
        assert window.export("markdown")
        assert not out.exists() and not window.export_button.isEnabled()
        window._on_build_progress("select", 0.5)  # the refill's next step keeps the note
        assert "once the briefing is refilled" in window.progress_label.text()
        window.drop_point(before[1])  # a second drop while the first refill runs: its refill is awaited too
        monkeypatch.setattr(BuildWorker, "run", run)
    finally:
        release.set()
    with qtbot.waitSignal(window.exported, timeout=30_000):
        pass
    assert not window.building
    added = [t for t in points(window)["risks"] if t not in before]
    assert added  # the refill took the dropped points' words
    text = out.read_text(encoding="utf-8")
    assert before[0] not in text and before[1] not in text and all(t in text for t in points(window)["risks"])
    assert window.export_label.text() == "Saved <b>briefing.md</b>"


def test_export_never_overwrites_silently_when_adding_the_suffix(qtbot, window, river_dir, save_dialog,
                                                                 monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    existing = tmp_path / "b.docx"
    existing.write_bytes(b"keep me")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    save_dialog.answers.append(tmp_path / "b")
    assert window.export("docx") is False
    assert existing.read_bytes() == b"keep me"
    assert save_dialog.offered[0].endswith(".docx")


def test_export_never_writes_over_an_article_in_the_list(qtbot, window, river_dir, save_dialog, no_dialogs,
                                                         tmp_path):
    articles = sorted(river_dir.glob("*.txt"))
    article = tmp_path / "herald.md"
    article.write_bytes(articles[0].read_bytes())
    kept = article.read_bytes()
    load_and_wait(qtbot, window, [article, *articles[1:]])
    build_and_wait(qtbot, window)
    save_dialog.answers += [article, tmp_path / "briefing.md"]
    with qtbot.waitSignal(window.exported, timeout=30_000) as blocker:
        assert window.export("markdown")
    assert blocker.args == [tmp_path / "briefing.md"] and article.read_bytes() == kept
    assert any(kind == "warning" and "one of the articles" in text for kind, text in no_dialogs)


def test_export_may_replace_an_earlier_briefing_in_the_list(qtbot, window, river_dir, save_dialog, no_dialogs,
                                                            tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(river_dir, folder)
    assert main(["build", str(folder), "-o", str(folder / "b.docx")]) == 0
    load_and_wait(qtbot, window, [folder])
    build_and_wait(qtbot, window)
    save_dialog.answers.append(folder / "b.docx")
    with qtbot.waitSignal(window.exported, timeout=30_000) as blocker:
        assert window.export("docx")
    assert blocker.args == [folder / "b.docx"] and not no_dialogs


def test_paste_text_adds_an_article(qtbot, window):
    entry = window.add_text("Ferry Talks Resume\n\nThe islands want a daily ferry. Officials warn of delays.")
    assert entry is not None and entry.title == "Ferry Talks Resume"
    assert window.articles.rowCount() == 1
    assert window.add_text("   ") is None
    assert "empty" in window.statusBar().currentMessage()


def test_a_link_is_fetched_off_the_ui_thread_and_kept_for_offline_restore(qtbot, window, tmp_path):
    page = ("<html><head><title>Ferry Talks Resume</title></head><body><article><h1>Ferry Talks Resume</h1>"
            "<p>The island councils want a daily ferry between the two harbours before the summer season.</p>"
            "<p>Officials warn that the talks could stall over the cost of a second vessel this year.</p>"
            "</article></body></html>")
    (tmp_path / "story.html").write_text(page, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        with qtbot.waitSignal(window.loadingFinished, timeout=30_000):
            assert window.add_link(url)
    finally:
        server.shutdown()
        thread.join()
    entry = window.articles.entry(0)
    assert entry.usable and entry.origin.url == url
    assert "daily ferry" in entry.origin.text
    assert window.statusBar().currentMessage() == "Added 1 article."  # new, not "read again"


def test_links_when_the_core_cannot_fetch_them(qtbot, window, no_dialogs, monkeypatch):
    import gui.main_window as mw
    monkeypatch.setattr(mw, "links_supported", lambda: False)
    assert not window.add_link("https://news.example/story")
    assert no_dialogs and "not supported yet" in no_dialogs[0][1]
    assert window.articles.rowCount() == 0


def test_drop_files_on_the_window(qtbot, window, river_dir):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(river_dir))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loadingFinished, timeout=30_000):
        window.dropEvent(event)
    assert window.articles.rowCount() == 4


def test_adding_the_same_file_twice_lists_it_once(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir / "01_harbour_herald.txt"])
    load_and_wait(qtbot, window, [river_dir])
    assert window.articles.rowCount() == 4
    assert "already in the list" in window.statusBar().currentMessage()


def test_remove_and_tick_none(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    window.check_none_action.trigger()
    assert not window.build_button.isEnabled()
    window.check_all_action.trigger()
    assert window.build_button.isEnabled()
    window.article_view.setCurrentIndex(window.articles.index(0))
    window.remove_selected()
    assert window.articles.rowCount() == 3


def test_session_is_restored_after_a_restart(qtbot, make_window, river_dir, session_path):
    first = make_window()
    load_and_wait(qtbot, first, [river_dir])
    first.add_text("Pasted Notes On The Summit\n\nThe delegations hope to sign a river accord before winter.")
    first.articles.setData(first.articles.index(1), False, Qt.ItemDataRole.CheckStateRole)
    build_and_wait(qtbot, first)
    dropped = points(first)["objectives"][0]
    first.drop_point(dropped)
    first.controls.title.setText("Restored title")
    first.controls.title.textEdited.emit("Restored title")
    unticked = first.articles.entry(1).title
    first.close()
    assert session_path.exists()

    second = make_window()
    with qtbot.waitSignal(second.buildEnded, timeout=60_000):
        pass
    assert second.articles.rowCount() == 5
    assert [e.title for e in second.articles.entries if not e.origin.checked] == [unticked]
    assert any(e.origin.text and "river accord" in e.origin.text for e in second.articles.entries)
    assert second.briefing.title == "Restored title"
    assert dropped not in sum(points(second).values(), [])
    assert second.controls.title.text() == "Restored title"


def test_autosave_survives_a_crash(qtbot, make_window, river_dir, session_path):
    """No close: the session file written after the last change is what a crash leaves."""
    first = make_window()
    load_and_wait(qtbot, first, [river_dir])
    qtbot.waitUntil(lambda: session_path.exists(), timeout=5_000)
    second_session = session_path.read_text(encoding="utf-8")
    assert "01_harbour_herald.txt" in second_session


def test_autosave_waits_for_a_running_build(qtbot, make_window, river_dir, session_path):
    """Writing and flushing the session file on the UI thread would freeze the window mid-build."""
    window = make_window()
    load_and_wait(qtbot, window, [river_dir])
    qtbot.waitUntil(lambda: session_path.exists(), timeout=5_000)
    session_path.unlink()
    with qtbot.waitSignal(window.buildEnded, timeout=60_000):
        window.build()
        window._autosave_when_idle()  # the timer firing while the build runs
        assert not session_path.exists()
    qtbot.waitUntil(lambda: session_path.exists(), timeout=5_000)


def test_damaged_session_is_kept_aside_with_a_message(make_window, session_path):
    session_path.parent.mkdir(parents=True, exist_ok=True)
    session_path.write_text('{"format": "briefing-project", "version": 1, "articles": [', encoding="utf-8")
    window = make_window()
    assert window.articles.rowCount() == 0
    assert "could not be restored" in window.statusBar().currentMessage()
    assert session_path.with_name("session.briefing.damaged").exists()


def test_new_session_keeps_the_previous_one(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    window.new_session()
    assert window.articles.rowCount() == 0
    assert window.previous_session_action.isEnabled()
    with qtbot.waitSignal(window.loadingFinished, timeout=30_000):
        window.reopen_previous_session()
    assert window.articles.rowCount() == 4


def test_save_and_open_project(qtbot, window, river_dir, save_dialog, tmp_path):
    load_and_wait(qtbot, window, [river_dir])
    save_dialog.answers.append(tmp_path / "river")
    assert window.save_project_as()
    saved = tmp_path / "river.briefing"
    assert saved.exists()
    assert window.windowTitle().startswith("river")
    window.new_session()
    with qtbot.waitSignal(window.loadingFinished, timeout=30_000):
        assert window.open_project(saved)
    assert window.articles.rowCount() == 4


def test_status_counts_every_article_read_not_only_the_last_batch(qtbot, window, river_dir, monkeypatch):
    from gui.load_worker import LoadWorker
    monkeypatch.setattr(LoadWorker, "BATCH_SECONDS", -1.0)  # one batch per file
    load_and_wait(qtbot, window, sorted(river_dir.iterdir()))
    assert window.articles.rowCount() == 4
    assert window.statusBar().currentMessage() == "Added 4 articles."


def test_a_project_moved_with_its_articles_opens_them_and_says_what_was_read(qtbot, window, river_dir,
                                                                             save_dialog, tmp_path):
    shutil.copytree(river_dir, tmp_path / "old" / "river")
    load_and_wait(qtbot, window, [tmp_path / "old" / "river"])
    save_dialog.answers.append(tmp_path / "old" / "talks")
    assert window.save_project_as()
    window.new_session()
    (tmp_path / "old").rename(tmp_path / "new")
    (tmp_path / "new" / "river" / "01_harbour_herald.txt").unlink()
    with qtbot.waitSignal(window.loadingFinished, timeout=30_000):
        assert window.open_project(tmp_path / "new" / "talks.briefing")
    assert [e.usable for e in window.articles.entries].count(True) == 3
    message = window.statusBar().currentMessage()
    assert message.startswith("Opened talks.briefing.")
    assert "Read 3 articles again; 1 could not be read (see the list)." in message


def test_two_meetings_in_the_list_are_named_above_the_briefing_and_in_the_list(qtbot, window, river_dir):
    summits = river_dir.parent / "summits"
    load_and_wait(qtbot, window, [summits / "trade_talks", summits / "ceasefire"])
    build_and_wait(qtbot, window)
    assert window.mixed_banner.isVisible()
    assert "two different meetings: meeting 1 (5 articles, like “" in window.mixed_banner.text()
    statuses = [window.articles.data(window.articles.index(r), ArticleListModel.StatusRole)
                for r in range(window.articles.rowCount())]
    assert sorted(s.split(" · ")[0] for s in statuses) == ["Meeting 1 of 2"] * 5 + ["Meeting 2 of 2"] * 4
    for row in range(5, 9):  # untick the ceasefire articles and rebuild: one meeting
        window.articles.setData(window.articles.index(row), False, Qt.ItemDataRole.CheckStateRole)
    assert window.stale_banner.isVisible() and not window.mixed_banner.isVisible()  # one banner at a time
    build_and_wait(qtbot, window)
    assert not window.mixed_banner.isVisible()


def test_recent_folders_remembered(qtbot, window, river_dir, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(river_dir)))
    with qtbot.waitSignal(window.loadingFinished, timeout=30_000):
        window.add_folder_dialog()
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()] == [str(river_dir)]


def test_shortcuts_and_menus(window):
    shortcuts = {a.text(): a.shortcut().toString() for a in
                 (window.add_files_action, window.build_action, window.export_action)}
    assert shortcuts == {"&Add Files…": "Ctrl+O", "&Build Briefing": "Ctrl+B", "&Export to Word…": "Ctrl+E"}
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Build", "&Help"]
    assert window.build_button.toolTip()


def test_section_rows_in_preview(qtbot, window, river_dir):
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    kinds = [(window.preview.model.index(r, 0).data(KIND), window.preview.model.index(r, 0).data(SECTION))
             for r in range(window.preview.model.rowCount())]
    assert [s for k, s in kinds if k == "section"] == ["objectives", "concessions", "risks"]
    assert all(a.isEnabled() for a in (window.export_action,))


@pytest.mark.parametrize("argv", [[], ["--help"]])
def test_app_parser(argv, capsys):
    from gui.app import make_parser
    if argv:
        with pytest.raises(SystemExit):
            make_parser().parse_args(argv)
        assert "FILE" in capsys.readouterr().out
    else:
        assert make_parser().parse_args(argv).files == []


def test_settings_remember_template_marking_and_length_for_new_sessions(qtbot, make_window):
    first = make_window()
    first.controls.template.setCurrentIndex(first.controls.template.findData("compact"))
    first.controls.marking.setEditText("INTERNAL")
    first.controls.words.setValue(90)
    first.new_session()
    assert (first.edits.template, first.edits.marking, first.edits.words_per_section) == ("compact", "INTERNAL", 90)
    first.close()
    second = make_window(restore_session=False)
    assert (second.edits.template, second.edits.marking, second.edits.words_per_section) == ("compact", "INTERNAL", 90)
    assert second.controls.current_template() == "compact"


def test_export_uses_the_chosen_template_and_markdown(qtbot, window, river_dir, save_dialog, tmp_path, monkeypatch):
    import briefing
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    window.controls.template.setCurrentIndex(window.controls.template.findData("compact"))
    used = []
    real = briefing.render_docx
    monkeypatch.setattr(briefing, "render_docx", lambda b, p, t=None, **k: used.append(t) or real(b, p, t, **k))
    with qtbot.waitSignal(window.exported, timeout=30_000):
        window.export("docx", tmp_path / "compact.docx")
    assert used == ["compact"]
    assert window.export_markdown_action.isVisible()
    save_dialog.answers.append(tmp_path / "notes.md")
    with qtbot.waitSignal(window.exported, timeout=30_000):
        window.export_markdown_action.trigger()
    text = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert window.briefing.section("objectives").points[0].text.split()[0] in text


def test_briefing_gui_command_opens_with_the_files_listed(tmp_path, river_dir):
    """``briefing-gui FILE...`` in its own process (its event loop runs to the end), with
    settings and the session in a temporary home."""
    files = [str(f) for f in sorted(river_dir.glob("*.txt"))[:2]]
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        import gui.main_window as mw
        from gui.app import main

        shown = mw.MainWindow.show

        def show(self):
            shown(self)
            def check():
                if self.loading or self.articles.rowCount() == 0:
                    QTimer.singleShot(50, check)
                    return
                print("TITLES", [e.title for e in self.articles.entries], self.session_path)
                self.close()
            QTimer.singleShot(0, check)

        mw.MainWindow.show = show
        sys.exit(main({files!r}))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("TITLES"))
    assert "Lakeland and Norvia Leaders Meet Over the Shared River" in line
    assert str(tmp_path) in line  # the session went to the temporary home


def test_paste_dialog_adds_the_text_as_an_article(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gui.paste_dialog import PasteDialog

    def fill_and_accept(dialog: PasteDialog) -> int:
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.title.setText("Ferry talks")
        dialog.text.setPlainText("The island councils want a daily ferry before the summer season.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteDialog, "exec", fill_and_accept)
    window.paste_action.trigger()
    assert [e.title for e in window.articles.entries] == ["Ferry talks"]
    assert window.articles.entry(0).origin.text.startswith("The island councils")


def list_statuses(window) -> dict[str, str]:
    """Title -> the status line under it in the article list, as the user reads them."""
    model = window.articles
    return {model.data(model.index(r), ArticleListModel.TitleRole): model.data(model.index(r), ArticleListModel.StatusRole)
            for r in range(model.rowCount())}


def test_a_copy_of_an_article_is_counted_once_and_sources_stay_numbered_in_a_row(qtbot, window, river_dir, tmp_path):
    """The same file under another name, and the same story in another format, are each
    noted as a copy and the status bar counts what the Word file will list. The build
    leaves both out and numbers the sources after them anew, so the sources run [1] to [4]
    with no gap, and each row still shows its own article."""
    import shutil
    copies = tmp_path / "copies"
    copies.mkdir()
    shutil.copy(river_dir / "01_harbour_herald.txt", copies / "01_copy.txt")
    text = (river_dir / "02_valley_times.txt").read_text(encoding="utf-8")
    (copies / "02_as_web_page.html").write_text(
        "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip()) + "</body></html>",
        encoding="utf-8")
    load_and_wait(qtbot, window, [river_dir / "01_harbour_herald.txt", river_dir / "02_valley_times.txt",
                                  copies / "01_copy.txt", copies / "02_as_web_page.html",
                                  river_dir / "03_river_post.txt", river_dir / "04_late_dispatch.txt"])
    build_and_wait(qtbot, window)
    assert [s.id for s in window.snapshot.result.briefing.sources] == ["1", "2", "3", "4"]
    assert window.statusBar().currentMessage().startswith("Briefing built from 4 articles")
    entries = window.articles.checked_entries()
    notes = {e.key: e.note for e in entries}
    copied = [n for n in notes.values() if n and n.startswith("Same text as")]
    assert len(copied) == 2, notes
    source_of_entry = window.snapshot.source_of_entry
    numbers = {s.id for s in window.briefing.sources}
    used = [e for e in entries if source_of_entry.get(e.key) in numbers]
    assert sorted(source_of_entry[e.key] for e in used) == ["1", "2", "3", "4"]
    assert all(window.snapshot.cleaned(e.key).article.title == e.article.title for e in used)
    assert any(window.snapshot.highlights(entries[-1].key, window.briefing))  # the last row's points, not another's


@pytest.mark.parametrize("stray, status, title, banner", [
    ("off_topic/cycle_lanes.txt", "Off topic?", "City council approves new cycle lanes for the old town",
     "shares few words"),
    ("other_languages/hafengespraeche.txt", "Not English?", "Hafengespräche in Brightwater beginnen",
     "does not read as English"),
    ("off_topic/desk_note.txt", "Too short for an article?", "Ring the embassy about hotel rooms for the river summit.",
     "(10 words) is too short for a news article: is it one?"),
])
def test_an_article_about_something_else_or_not_in_english_is_marked_in_the_list(qtbot, window, river_dir,
                                                                                  stray, status, title, banner):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / stray
    load_and_wait(qtbot, window, sorted(river_dir.glob("*.txt")) + [fixture])
    build_and_wait(qtbot, window)
    statuses = list_statuses(window)
    marked = [t for t, s in statuses.items() if s.startswith(status)]
    assert marked == [title]
    # said above the briefing too: the list note alone was cut short in a narrow list
    assert window.mixed_banner.isVisible()
    assert window.mixed_banner.text().startswith(f"“{title}” {banner}")


def test_several_short_files_are_named_each_with_its_word_count(qtbot, window, river_dir, tmp_path):
    (tmp_path / "a_note.txt").write_text("Book the car.\n", encoding="utf-8")
    (tmp_path / "b_note.txt").write_text("Print the agenda twice for the river summit delegates.\n", encoding="utf-8")
    load_and_wait(qtbot, window, sorted(river_dir.glob("*.txt")) + sorted(tmp_path.glob("*.txt")))
    build_and_wait(qtbot, window)
    banner = window.mixed_banner.text()
    assert "“Book the car.” (3 words), “Print the agenda twice for the river summit delegates.” (9 words) " \
           "are too short for news articles" in banner, banner
    statuses = list_statuses(window)
    assert statuses["Book the car."] == "Too short for an article? · Not cited"


def party_labels(window) -> list[str]:
    model = window.preview.model
    return [model.index(r, 0).data() for r in range(model.rowCount()) if model.index(r, 0).data(KIND) == "party"]


def test_the_user_names_the_parties_and_says_whose_point_it_is(qtbot, window, river_dir, save_dialog, tmp_path):
    """The river summit's articles name Lakeland without a demonym, so only Norvia is found:
    the user types both, the points whose subject is Lakeland (or its president) follow,
    one point is set apart by hand, and the Word file says so."""
    load_and_wait(qtbot, window, [river_dir])
    build_and_wait(qtbot, window)
    assert window.briefing.parties == ["Norvia"]
    assert "Norvia" in window.controls.parties.placeholderText()
    aim = next(p for p in window.briefing.section("objectives").points if p.text.startswith("Lakeland wants"))
    assert aim.party is None
    with qtbot.waitSignal(window.buildEnded, timeout=30_000):  # a quick rebuild from the cache
        qtbot.keyClicks(window.controls.parties, "lakeland, norvia")
    assert window.briefing.parties == ["Lakeland", "Norvia"]  # spelt as the articles spell them
    assert not window.mixed_banner.isVisible()
    assert window.preview.select_point(aim.text)
    assert window.preview.selected_point()[1].party == "Lakeland"

    next(a for a in window.preview.party_menu.actions() if a.text() == "No party").trigger()
    assert window.preview.selected_point()[1].text == aim.text  # still selected, now without a party
    assert window.preview.selected_point()[1].party is None
    window.undo_action.trigger()
    assert window.preview.select_point(aim.text) and window.preview.selected_point()[1].party == "Lakeland"
    assert window.briefing.parties == ["Lakeland", "Norvia"]  # undo is for points, not typed fields
    window.redo_action.trigger()
    assert window.preview.select_point(aim.text) and window.preview.selected_point()[1].party is None
    with qtbot.waitSignal(window.buildEnded, timeout=30_000):
        qtbot.keyClicks(window.controls.parties, "x")  # "norviax": a slip of the keyboard
    assert window.mixed_banner.isVisible() and "No article names “norviax”" in window.mixed_banner.text()
    with qtbot.waitSignal(window.buildEnded, timeout=30_000):
        qtbot.keyClick(window.controls.parties, Qt.Key.Key_Backspace)
    assert not window.mixed_banner.isVisible()

    out = tmp_path / "parties.docx"
    save_dialog.answers.append(out)
    with qtbot.waitSignal(window.exported, timeout=30_000):
        window.export_action.trigger()
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    assert any("Parties: Lakeland, Norvia" in text for _, text in paragraphs)
    lakeland = [text for style, text in paragraphs if style.startswith("Heading 2")]
    assert "Lakeland" in lakeland and "Norvia" in lakeland
    at = next(i for i, (_, text) in enumerate(paragraphs) if text.startswith(aim.text))
    assert next(text for style, text in reversed(paragraphs[:at]) if style.startswith("Heading")) == "Shared or unattributed"


def test_a_narrow_window_still_shows_every_article_button(qtbot, window):
    """The article toolbar hid "Remove" behind its overflow arrow at about 1100 pixels."""
    window.show()
    window.resize(600, 500)  # narrower than the panes allow: the window keeps their minimum
    qtbot.waitUntil(lambda: window.article_toolbar.width() > 0)
    toolbar = window.article_toolbar
    for action in (window.add_files_action, window.add_folder_action, window.paste_action, window.remove_action):
        button = toolbar.widgetForAction(action)
        assert button.isVisible() and button.geometry().right() <= toolbar.width(), action.text()
