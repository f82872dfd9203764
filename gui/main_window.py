"""The main window: articles on the left, the reader in the middle, the briefing on the right.

A thin layer over the :mod:`briefing` API. Loading and building run on a thread pool
and report back through signals; the user's edits are plain :class:`briefing.Edits`
laid over each build with :func:`briefing.apply_edits`; the whole session is saved as
a project file after every change, so a restart or a crash loses nothing.
"""
from __future__ import annotations

import copy
import dataclasses
import html
import json
import os
import re
import time
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, QStandardPaths, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFrame, QHBoxLayout, QLabel, QListView, QMainWindow,
                               QMenu, QMessageBox, QProgressBar, QPushButton, QSplitter, QStackedWidget, QToolBar,
                               QVBoxLayout, QWidget)

import briefing
from briefing import (Article, Briefing, BriefingOptions, BuildResult, CancelToken, Edits, OutputError, Project,
                      ProjectArticle, ProjectError, apply_edits, load_project, save_project)
from briefing.clean import clean_article
from briefing.documents import CleanArticle
from briefing.edits import point_key
from briefing.load import LoadError, article_from_text
from briefing.model import OWN_BRIEFING_REASON
from briefing.pipeline import STAGES
from briefing.sample_articles import sample_paths

from .article_delegate import ArticleDelegate
from .article_list_model import ArticleEntry, ArticleListModel
from .briefing_controls import BriefingControls
from .build_snapshot import BuildSnapshot
from .build_worker import BuildWorker, WarmUpWorker, new_build_cache
from .ui_thread import settle_collector
from .desktop import open_file, show_in_folder
from .export_worker import KINDS, ExportWorker, available_kinds
from .input_kinds import file_dialog_filter, links_supported
from .load_worker import LoadedInput, LoadWorker
from .paste_dialog import PasteDialog, is_link
from .preview_view import PreviewView
from .reader_view import ReaderView
from .welcome_view import WelcomeView

APP_NAME = "Briefing"
PROJECT_FILTER = "Briefing projects (*.briefing);;All files (*)"
STAGE_LABELS = {
    "load": "Reading files", "clean": "Cleaning articles", "sentences": "Cleaning articles and finding sentences",
    "dedup": "Merging repeated sentences", "aspects": "Sorting into objectives, concessions and risks",
    "select": "Choosing points", "model": "Assembling the briefing",
}
MAX_RECENT = 8
# the article note of an article that shares far fewer words with the others than usual
OFF_TOPIC_NOTE = "Off topic? Little in common with the others"
NOT_ENGLISH_NOTE = "Not English? Only English is read"
SHORT_NOTE = "Too short for an article?"  # the row says its word count already
EMPTY_PREVIEW = "Your briefing will appear here.\n\nTick the articles to use on the left and press Build briefing."
PRIMARY_STYLE = """
QPushButton#buildButton { background: #1d5fbf; color: white; font-weight: bold; font-size: 11pt;
    padding: 9px 14px; border: none; border-radius: 4px; }
QPushButton#buildButton:hover { background: #174f9f; }
QPushButton#buildButton:disabled { background: #a9bfdf; color: #eef3fa; }
QPushButton#exportButton { font-weight: bold; padding: 7px 12px; }
QLabel.paneTitle { font-weight: bold; font-size: 11pt; padding: 2px 0 4px 0; }
QFrame#staleBanner, QFrame#exportBar, QLabel#mixedBanner { border-radius: 4px; }
QFrame#staleBanner, QLabel#mixedBanner { background: #fff4d6; border: 1px solid #e8c66a; }
QLabel#mixedBanner { padding: 4px 8px; }
QFrame#exportBar { background: #e3f3e8; border: 1px solid #8cc9a2; }
"""


def default_session_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or Path.home())
    return folder / "session.briefing"


def _pane_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("class", "paneTitle")
    return label


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w\s-]", "", text, flags=re.UNICODE).strip().lower()
    return re.sub(r"[\s_-]+", "-", slug)[:60].strip("-") or "briefing"


def time_taken(seconds: float) -> str:
    """"in 1.3 s", or "in under 0.1 s" for a rebuild from cache: "0.0 s" reads as if nothing ran."""
    return f"in {seconds:.1f} s" if seconds >= 0.05 else "in under 0.1 s"


class MainWindow(QMainWindow):
    buildEnded = Signal(str)  # "finished", "cancelled" or "failed"
    loadingFinished = Signal()  # every file being read has been read
    exported = Signal(object)  # the Path written
    exportFailed = Signal(str)

    def __init__(self, settings: QSettings | None = None, session_path: Path | None = None,
                 restore_session: bool = True) -> None:
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.session_path = Path(session_path) if session_path else default_session_path()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.articles = ArticleListModel(self)
        self.edits = Edits()
        self.options = BriefingOptions()
        self.snapshot: BuildSnapshot | None = None
        self.briefing: Briefing | None = None  # the build with the user's edits laid over it
        self.project_path: Path | None = None
        self.last_export: Path | None = None
        self._exported_state: str | None = None  # what the last export wrote (see _export_state)
        self._exporting_state: str | None = None
        self._build: BuildWorker | None = None
        self._export: ExportWorker | None = None
        # An export asked for while a drop's refill runs: written once the refill ends, so
        # that the file holds the point that took the dropped one's place.
        self._export_after_build: tuple[str, Path] | None = None
        self._build_started = 0.0
        self._loads: list[LoadWorker] = []
        self._load_tallies: dict[LoadWorker, Counter[str]] = {}
        self._rereads: set[LoadWorker] = set()  # reading the articles of an opened project
        self._open_note: str | None = None  # said with the summary once those are read
        self._built_articles: tuple[int, ...] | None = None  # keys of the articles the briefing was built from
        self._build_when_loaded = False
        self._undo: list[Edits] = []
        self._making_room: tuple[str, list[str]] | None = None  # a move's section and its points before it
        self._redo: list[Edits] = []
        self._cleaned_cache: dict[int, CleanArticle] = {}
        self._selected_point: str | None = None
        self._built_words = 0
        self._built_left_out: frozenset[str] = frozenset()  # the points the last build chose around
        self._built_parties: tuple[str, ...] = ()  # the parties the user had named for it
        self._cache = new_build_cache()  # a rebuild redoes only new or changed articles
        self._closing = False

        self._autosave = QTimer(self, singleShot=True, interval=400)
        self._autosave.timeout.connect(self._autosave_when_idle)
        self._save_after_build = False
        self._rebuild_timer = QTimer(self, singleShot=True, interval=500)
        self._rebuild_timer.timeout.connect(self._rebuild_after_settings_change)

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.setStyleSheet(PRIMARY_STYLE)
        self._make_actions()
        self._make_layout()
        self._make_menus()
        self._make_status_bar()
        self.articles.checkedChanged.connect(self._articles_changed)
        self.articles.rowsInserted.connect(self._update_article_pane)
        self.articles.rowsRemoved.connect(self._update_article_pane)
        self.articles.modelReset.connect(self._update_article_pane)
        self._restore_geometry()
        self._apply_default_settings()
        self._update_article_pane()
        self._update_actions()
        self._warm_up = WarmUpWorker()
        self._warm_up.setAutoDelete(False)
        self.pool.start(self._warm_up)
        if restore_session:
            self.restore_session()

    # ================================================================================ setup
    def _action(self, text: str, slot: Callable, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.add_files_action = self._action("&Add Files…", self.add_files_dialog, S.Open,
                                             "Add article files to the list (Ctrl+O)")
        self.add_folder_action = self._action("Add &Folder…", self.add_folder_dialog, "Ctrl+Shift+O",
                                              "Add every article in a folder and its subfolders")
        self.paste_action = self._action("&Paste Text or Link…", self.paste_dialog, "Ctrl+Shift+V",
                                         "Add an article by pasting its text or a link to it")
        self.samples_action = self._action("Open &Sample Articles", self.add_samples, None,
                                           "Five short sample articles about an invented summit")
        self.remove_action = self._action("&Remove", self.remove_selected, S.Delete,
                                          "Remove the selected articles from the list")
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.check_all_action = self._action("Tick &All", lambda: self.articles.set_all_checked(True), "Ctrl+Shift+A",
                                             "Include every article in the briefing")
        self.check_none_action = self._action("Tick &None", lambda: self.articles.set_all_checked(False), None,
                                              "Leave every article out, then tick the ones you want")
        self.toggle_check_action = self._action("Tick or Untick Selected", self.toggle_selected, Qt.Key.Key_Space)
        self.toggle_check_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.build_action = self._action("&Build Briefing", self.build, "Ctrl+B",
                                         "Build the briefing from the ticked articles (Ctrl+B)")
        self.cancel_action = self._action("&Cancel Build", self.cancel_build, Qt.Key.Key_Escape, "Stop the build")
        self.export_action = self._action("&Export to Word…", self.export_word, "Ctrl+E",
                                          "Save the briefing as a Word document (Ctrl+E)")
        self.export_markdown_action = self._action("Export as &Markdown…", lambda: self.export("markdown"))
        self.export_pdf_action = self._action("Export as P&DF…", lambda: self.export("pdf"))
        self.export_markdown_action.setVisible("markdown" in available_kinds())
        self.export_pdf_action.setVisible("pdf" in available_kinds())
        self.new_action = self._action("&New Session", self.new_session, S.New,
                                       "Start again with an empty list (the current session is kept as a backup)")
        self.open_project_action = self._action("&Open Project…", self.open_project_dialog, "Ctrl+Shift+P")
        self.save_project_action = self._action("&Save Project", self.save_project, S.Save,
                                                "Save the articles, ticks and edits as a project file")
        self.save_project_as_action = self._action("Save Project &As…", self.save_project_as, S.SaveAs)
        self.previous_session_action = self._action("Reopen &Previous Session", self.reopen_previous_session)
        self.quit_action = self._action("&Quit", self.close, S.Quit)
        self.undo_action = self._action("&Undo", self.undo, S.Undo, "Undo the last change to the briefing")
        self.redo_action = self._action("&Redo", self.redo, S.Redo, "Redo")
        self.about_action = self._action("&About Briefing", self.show_about)
        self.help_action = self._action("&Quick Start", self.show_quick_start, S.HelpContents)

    def _make_layout(self) -> None:
        # -- left: the articles
        left = QWidget(self)
        self.welcome = WelcomeView(left)
        self.welcome.addFilesRequested.connect(self.add_files_dialog)
        self.welcome.addFolderRequested.connect(self.add_folder_dialog)
        self.welcome.pasteRequested.connect(self.paste_dialog)
        self.welcome.samplesRequested.connect(self.add_samples)
        self.article_view = QListView(left)
        self.article_view.setObjectName("articleList")
        self.article_view.setModel(self.articles)
        self.article_view.setItemDelegate(ArticleDelegate(self.article_view))
        self.article_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.article_view.setUniformItemSizes(True)
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_view.customContextMenuRequested.connect(self._article_menu)
        self.article_view.selectionModel().currentChanged.connect(lambda *_: self.refresh_reader())
        self.article_view.addActions([self.remove_action, self.toggle_check_action])
        self.article_stack = QStackedWidget(left)
        self.article_stack.addWidget(self.welcome)
        self.article_stack.addWidget(self.article_view)
        self.article_toolbar = QToolBar("Articles", left)
        self.article_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.add_files_action, self.add_folder_action, self.paste_action):
            self.article_toolbar.addAction(a)
        self.article_toolbar.addSeparator()
        self.article_toolbar.addAction(self.remove_action)
        self.article_toolbar.widgetForAction(self.add_files_action).setText("Add files…")
        self.article_toolbar.widgetForAction(self.add_folder_action).setText("Add folder…")
        self.article_toolbar.widgetForAction(self.paste_action).setText("Paste…")
        self.tick_all_button = QPushButton("Tick all", left)
        self.tick_none_button = QPushButton("None", left)
        for b, a in ((self.tick_all_button, self.check_all_action), (self.tick_none_button, self.check_none_action)):
            b.setFlat(True)
            b.setToolTip(a.toolTip())
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.setStyleSheet("QPushButton { color: #1d5fbf; padding: 0 4px; } QPushButton:disabled { color: #aaa; }")
            b.clicked.connect(a.trigger)
        self.count_label = QLabel(left)
        self.count_label.setStyleSheet("color:#555")
        self.build_button = QPushButton("Build briefing", left)
        self.build_button.setObjectName("buildButton")
        self.build_button.setToolTip("Build the briefing from the ticked articles (Ctrl+B)")
        self.build_button.clicked.connect(self.build)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(_pane_title("1  Articles", left))
        left_layout.addWidget(self.article_toolbar)
        left_layout.addWidget(self.article_stack, 1)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.tick_all_button)
        count_row.addWidget(self.tick_none_button)
        left_layout.addLayout(count_row)
        left_layout.addWidget(self.build_button)

        # -- centre: the reader
        centre = QWidget(self)
        self.reader_title = _pane_title("Reading", centre)
        self.reader = ReaderView(centre)
        self.reader.setAcceptDrops(False)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(4, 8, 4, 8)
        centre_layout.addWidget(self.reader_title)
        centre_layout.addWidget(self.reader, 1)

        # -- right: the briefing
        right = QWidget(self)
        self.controls = BriefingControls(right)
        self.controls.titleEdited.connect(self._title_edited)
        self.controls.eventEdited.connect(self._event_edited)
        self.controls.partiesEdited.connect(self._parties_edited)
        self.controls.wordsChanged.connect(self._words_changed)
        self.controls.templateChanged.connect(self._template_changed)
        self.controls.markingChanged.connect(self._marking_changed)
        self.controls.templateFileRequested.connect(self.choose_template_file)
        self.stale_banner = QFrame(right)
        self.stale_banner.setObjectName("staleBanner")
        self.stale_label = QLabel("The ticked articles changed since this briefing was built.", self.stale_banner)
        self.stale_label.setWordWrap(True)
        rebuild = QPushButton("Rebuild", self.stale_banner)
        rebuild.clicked.connect(self.build)
        banner_layout = QHBoxLayout(self.stale_banner)
        banner_layout.setContentsMargins(8, 4, 4, 4)
        banner_layout.addWidget(self.stale_label, 1)
        banner_layout.addWidget(rebuild)
        self.stale_banner.hide()
        self.mixed_banner = QLabel(right)
        self.mixed_banner.setObjectName("mixedBanner")
        self.mixed_banner.setWordWrap(True)
        self.mixed_banner.hide()
        self.preview = PreviewView(right)
        self.preview.pointSelected.connect(self._point_selected)
        self.preview.pinRequested.connect(self.pin_point)
        self.preview.dropRequested.connect(self.drop_point)
        self.preview.moveRequested.connect(self.move_point)
        self.preview.partyRequested.connect(self.set_point_party)
        self.preview.restoreRequested.connect(self.restore_point)
        self.preview.showInArticleRequested.connect(lambda sel: self.show_point_in_article(sel[1]))
        self.preview_empty = QLabel(EMPTY_PREVIEW, right)
        self.preview_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_empty.setWordWrap(True)
        self.preview_empty.setStyleSheet("color:#777; padding:24px")
        self.preview_stack = QStackedWidget(right)
        self.preview_stack.addWidget(self.preview_empty)
        self.preview_stack.addWidget(self.preview)
        self.export_bar = QFrame(right)
        self.export_bar.setObjectName("exportBar")
        self.export_label = QLabel(self.export_bar)
        self.export_label.setWordWrap(True)
        self.open_button = QPushButton("Open", self.export_bar)
        self.open_button.setToolTip("Open the exported file")
        self.open_button.clicked.connect(lambda: self.last_export and open_file(self.last_export))
        self.folder_button = QPushButton("Show in folder", self.export_bar)
        self.folder_button.clicked.connect(lambda: self.last_export and show_in_folder(self.last_export))
        bar_layout = QHBoxLayout(self.export_bar)
        bar_layout.setContentsMargins(8, 4, 4, 4)
        bar_layout.addWidget(self.export_label, 1)
        bar_layout.addWidget(self.open_button)
        bar_layout.addWidget(self.folder_button)
        self.export_bar.hide()
        self.export_button = QPushButton("Export to Word…", right)
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip("Save the briefing as a Word document (Ctrl+E)")
        self.export_button.clicked.connect(self.export_word)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        export_row.addWidget(self.export_button)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 8, 8, 8)
        right_layout.addWidget(_pane_title("2  Briefing", right))
        right_layout.addWidget(self.controls)
        right_layout.addSpacing(4)
        right_layout.addWidget(self.stale_banner)
        right_layout.addWidget(self.mixed_banner)
        right_layout.addWidget(self.preview_stack, 1)
        right_layout.addWidget(self.export_bar)
        right_layout.addLayout(export_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for w in (left, centre, right):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setChildrenCollapsible(False)
        # never so narrow that "Remove" hides behind the toolbar's overflow arrow
        margins = left.layout().contentsMargins()
        left.setMinimumWidth(self.article_toolbar.sizeHint().width() + margins.left() + margins.right())
        self.setCentralWidget(self.splitter)
        self.resize(1400, 860)
        self.splitter.setSizes([380, 500, 520])

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        for a in (self.add_files_action, self.add_folder_action, self.paste_action, self.samples_action):
            file.addAction(a)
        self.recent_menu = file.addMenu("Recent &Folders")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addSeparator()
        for a in (self.new_action, self.open_project_action, self.save_project_action, self.save_project_as_action,
                  self.previous_session_action):
            file.addAction(a)
        file.addSeparator()
        for a in (self.export_action, self.export_markdown_action, self.export_pdf_action):
            file.addAction(a)
        file.addSeparator()
        file.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for a in (self.check_all_action, self.check_none_action, self.remove_action):
            edit.addAction(a)
        build = bar.addMenu("&Build")
        build.addAction(self.build_action)
        build.addAction(self.cancel_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)
        for a in (self.build_action, self.cancel_action, self.export_action, self.undo_action, self.redo_action):
            self.addAction(a)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.progress_label = QLabel(status)
        self.progress_bar = QProgressBar(status)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setFixedWidth(220)
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", status)
        self.cancel_button.setToolTip("Stop the build (Esc)")
        self.cancel_button.clicked.connect(self.cancel_build)
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            status.addPermanentWidget(w)
            w.hide()
        status.showMessage("Ready", 3000)

    # ================================================================================ articles
    def add_paths(self, paths: list[str | Path]) -> None:
        """Add files and folders to the list; they are read on a pool thread."""
        inputs = [(str(p), None) for p in paths if str(p).strip()]
        if inputs:
            self._start_load(inputs)

    def _start_load(self, inputs: list[tuple[str, int | None]], again: bool = False) -> None:
        """Read ``inputs`` on a pool thread; ``again`` when they are the listed articles of an
        opened project (the summary then says "read again", not "added")."""
        worker = LoadWorker(inputs)
        worker.setAutoDelete(False)
        self._load_tallies[worker] = Counter()
        if again:
            self._rereads.add(worker)
        worker.signals.loaded.connect(lambda batch, w=worker: self._on_inputs_loaded(batch, w))
        worker.signals.progress.connect(lambda done, total: self.statusBar().showMessage(
            f"Reading articles… {done} of {total}"))
        worker.signals.finished.connect(lambda w=worker: self._on_load_finished(w))
        self._loads.append(worker)
        self.statusBar().showMessage("Reading articles…")
        self._update_actions()
        self.pool.start(worker)

    def _on_inputs_loaded(self, batch: list[LoadedInput], worker: LoadWorker) -> None:
        tally = self._load_tallies.setdefault(worker, Counter())
        new: list[ArticleEntry] = []
        known = {e.origin.path for e in self.articles.entries if e.origin.path}
        for item in batch:
            articles, problems = list(item.result.articles), list(item.result.problems)
            if item.placeholder is not None:
                entry = self.articles.entry_by_key(item.placeholder)
                if entry is not None:
                    if articles:
                        article = articles.pop(0)
                        if entry.origin.url and not entry.origin.text:
                            # keep what the link gave, so the session reopens without the network
                            entry.origin.text, entry.origin.title = article.text, article.title
                        self.articles.update_entry(item.placeholder, article=article)
                        tally["read" if worker in self._rereads else "added"] += 1
                    else:
                        reason = problems.pop(0).reason if problems else "nothing to read here"
                        self.articles.update_entry(item.placeholder, problem=reason)
                        tally["bad"] += 1
                    self._cleaned_cache.pop(item.placeholder, None)
            for article in articles:
                path = str(article.path) if article.path else None
                if path and path in known:
                    tally["already"] += 1
                    continue
                known.add(path)
                new.append(ArticleEntry(origin=ProjectArticle(path=path, url=article.url,
                                                              text=None if path else article.text),
                                        article=article))
                tally["added"] += 1
            for problem in problems:
                if problem.source in known:
                    tally["already"] += 1
                    continue
                known.add(problem.source)
                origin = (ProjectArticle(url=problem.source, checked=False) if is_link(problem.source)
                          else ProjectArticle(path=problem.source, checked=False))
                new.append(ArticleEntry(origin=origin, problem=problem.reason))
                tally["bad"] += 1
        self.articles.add_entries(new)
        if self.article_view.currentIndex().row() < 0 and self.articles.rowCount():
            self.article_view.setCurrentIndex(self.articles.index(0))
        self._schedule_save()

    @staticmethod
    def load_summary(tally: Counter[str]) -> str:
        """What one round of reading did, for the status bar: "Added 4 articles; 1 could not be read …"."""
        def articles(n: int) -> str:
            return f"{n} article{'s' if n != 1 else ''}"
        parts = []
        if tally["added"]:
            parts.append(f"Added {articles(tally['added'])}")
        if tally["read"]:
            parts.append(f"Read {articles(tally['read'])} again")
        if tally["bad"]:
            parts.append(f"{tally['bad']} could not be read (see the list)")
        if tally["already"]:
            parts.append(f"{tally['already']} already in the list")
        return "; ".join(parts) + "." if parts else "Nothing to read there."

    def _on_load_finished(self, worker: LoadWorker) -> None:
        if worker in self._loads:
            self._loads.remove(worker)
        tally = self._load_tallies.pop(worker, Counter())
        again = worker in self._rereads
        self._rereads.discard(worker)
        if not self._closing:
            summary, timeout = self.load_summary(tally), 15000 if tally["bad"] else 8000
            if again and self._open_note:
                summary, self._open_note, timeout = f"{self._open_note} {summary}", None, 15000
            self.statusBar().showMessage(summary, timeout)
        self._update_actions()
        self.refresh_reader()
        if not self._loads:
            settle_collector()  # the articles just read live on; a full collection over them would freeze the build
            self.loadingFinished.emit()
            if self.snapshot is not None and (self.articles_changed_since_build or self._left_out_changed_since_build
                                              or self._parties_changed_since_build):
                self._rebuild_timer.start()  # a drop, restore or party typed while reading still needs its rebuild
        if not self._loads and self._build_when_loaded and not self._closing:
            self._build_when_loaded = False
            if self.articles.checked_entries():
                self.build()

    def add_text(self, text: str, title: str | None = None) -> ArticleEntry | None:
        """Add pasted text as an article; returns its entry, or None if it has no text."""
        try:
            article = article_from_text(text, source_id="pasted", title=title)
        except LoadError as exc:
            self.statusBar().showMessage(f"Not added: the pasted text is {exc}.", 8000)
            return None
        entry = ArticleEntry(origin=ProjectArticle(text=article.text, title=title), article=article)
        self.articles.add_entries([entry])
        self.article_view.setCurrentIndex(self.articles.index(self.articles.row_of(entry.key)))
        self.statusBar().showMessage(f"Added pasted article “{entry.title}”.", 5000)
        self._schedule_save()
        return entry

    def add_link(self, url: str) -> bool:
        if not links_supported():
            QMessageBox.information(self, "Links are not supported yet",
                                    "This version cannot fetch articles from links yet.\n\n"
                                    "Open the article in your browser, select all its text, copy it "
                                    "and paste the text here instead.")
            return False
        entry = ArticleEntry(origin=ProjectArticle(url=url))
        self.articles.add_entries([entry])
        self._start_load([(url, entry.key)])
        return True

    def add_samples(self) -> None:
        files = sample_paths()
        if not files:
            QMessageBox.information(self, "No sample articles", "The sample articles are not installed.")
            return
        self.add_paths(files)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.article_view.selectionModel().selectedRows()})
        if not rows and self.article_view.currentIndex().isValid():
            rows = [self.article_view.currentIndex().row()]
        if not rows:
            return
        pasted = [r for r in rows if not self.articles.entry(r).origin.path and not self.articles.entry(r).origin.url]
        if pasted:
            answer = QMessageBox.question(
                self, "Remove pasted text?",
                f"{len(pasted)} of the selected articles {'was' if len(pasted) == 1 else 'were'} pasted in, "
                "so the text exists only here. Remove anyway?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        for r in rows:
            self._cleaned_cache.pop(self.articles.entry(r).key, None)
        self.articles.remove_rows(rows)
        self.statusBar().showMessage(f"Removed {len(rows)} article{'s' if len(rows) != 1 else ''}.", 5000)
        self.refresh_reader()

    def toggle_selected(self) -> None:
        rows = [i.row() for i in self.article_view.selectionModel().selectedRows()]
        usable = [r for r in rows if self.articles.entry(r).usable]
        if not usable:
            return
        target = not all(self.articles.entry(r).origin.checked for r in usable)
        for r in usable:
            self.articles.setData(self.articles.index(r), target, Qt.ItemDataRole.CheckStateRole)

    def _articles_changed(self) -> None:
        self._update_article_pane()
        self._update_stale()
        self._schedule_save()
        if self.articles_changed_since_build:
            self._rebuild_timer.start()  # the briefing follows the ticked articles

    def _update_article_pane(self, *_args) -> None:
        entries = self.articles.entries
        self.article_stack.setCurrentWidget(self.article_view if entries else self.welcome)
        ticked = self.articles.checked_entries()
        words = sum(e.words for e in ticked)
        bad = sum(1 for e in entries if e.problem)
        text = f"{len(ticked)} of {len(entries)} articles ticked · {words:,} words" if entries else ""
        if bad:
            text += f" · {bad} unreadable"
        self.count_label.setText(text)
        self._update_actions()

    def _article_menu(self, pos) -> None:
        index = self.article_view.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            if not self.article_view.selectionModel().isSelected(index):
                self.article_view.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            menu.addAction(self.toggle_check_action)
            menu.addAction(self.remove_action)
            entry = self.articles.entry(index.row())
            if entry.origin.path:
                show = menu.addAction("Show in Folder")
                show.triggered.connect(lambda: show_in_folder(Path(entry.origin.path)))
            menu.addSeparator()
        menu.addAction(self.check_all_action)
        menu.addAction(self.check_none_action)
        menu.exec(self.article_view.viewport().mapToGlobal(pos))

    # ---------------------------------------------------------------- dialogs for adding
    def _start_folder(self) -> str:
        return str(self.settings.value("lastFolder", str(Path.home())))

    def _remember_folder(self, folder: Path) -> None:
        self.settings.setValue("lastFolder", str(folder))
        recent = [f for f in self._recent_folders() if f != str(folder)]
        self.settings.setValue("recentFolders", [str(folder)] + recent[:MAX_RECENT - 1])

    def _recent_folders(self) -> list[str]:
        value = self.settings.value("recentFolders", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        folders = [f for f in self._recent_folders() if Path(f).is_dir()]
        if not folders:
            self.recent_menu.addAction("No recent folders").setEnabled(False)
        for folder in folders:
            action = self.recent_menu.addAction(folder)
            action.setToolTip(f"Add the articles in {folder}")
            action.triggered.connect(lambda _=False, f=folder: self.add_paths([f]))

    def add_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Add articles", self._start_folder(), file_dialog_filter())
        if files:
            self._remember_folder(Path(files[0]).parent)
            self.add_paths(files)

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles", self._start_folder())
        if folder:
            self._remember_folder(Path(folder))
            self.add_paths([folder])

    def paste_dialog(self, initial: str = "") -> None:
        dialog = PasteDialog(self, initial)
        if dialog.exec() != PasteDialog.DialogCode.Accepted:
            return
        text, title = dialog.pasted()
        if is_link(text):
            self.add_link(text)
        else:
            self.add_text(text, title)

    # ---------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        links = [u.toString() for u in mime.urls() if not u.isLocalFile() and u.scheme() in ("http", "https")]
        event.acceptProposedAction()
        if local:
            self.add_paths(local)
        for link in links:
            self.add_link(link)
        if not local and not links and mime.hasText():
            text = mime.text().strip()
            if is_link(text):
                self.add_link(text)
            elif text:
                self.paste_dialog(text)

    # ================================================================================ build
    @property
    def articles_changed_since_build(self) -> bool:
        """Whether the ticked, readable articles differ from those of the briefing shown."""
        if self.snapshot is None:
            return False
        return tuple(e.key for e in self.articles.checked_entries()) != self._built_articles

    @property
    def loading(self) -> bool:
        return bool(self._loads)

    @property
    def building(self) -> bool:
        return self._build is not None

    def build(self) -> None:
        """Build from the ticked articles on a pool thread."""
        if self._build is not None:
            return
        entries = self.articles.checked_entries()
        if not entries:
            self.statusBar().showMessage("Tick at least one article to build a briefing.", 6000)
            return
        self._rebuild_timer.stop()
        articles: list[Article] = []
        entry_of_source: dict[str, int] = {}
        for n, entry in enumerate(entries, 1):
            assert entry.article is not None
            articles.append(dataclasses.replace(entry.article, id=str(n)))
            entry_of_source[str(n)] = entry.key
        options = dataclasses.replace(self.options, words_per_section=self.controls.words.value(),
                                      title=None, event=None, leave_out=self._left_out(),
                                      parties=self._named_parties)
        # Only the drops or parties changed: the build fills the dropped points' place or
        # groups the points anew, and the status bar keeps saying what the user did
        # ("Dropped the point. Undo with Ctrl+Z ...").
        refill = self._refill_due
        worker = BuildWorker(articles, options, CancelToken(), cache=self._cache)
        worker.refill = refill
        worker.setAutoDelete(False)
        worker.entry_of_source = entry_of_source
        worker.article_keys = tuple(entry_of_source.values())
        worker.signals.progress.connect(self._on_build_progress)
        worker.signals.finished.connect(self._on_build_finished)
        worker.signals.failed.connect(self._on_build_failed)
        worker.signals.cancelled.connect(self._on_build_cancelled)
        self._build = worker
        self._build_started = time.monotonic()
        self.progress_bar.setValue(0)
        self.progress_label.setText("Starting…" if self._export_after_build is None else self._waiting_export_note())
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            w.show()
        self.cancel_button.setEnabled(True)
        if not refill:
            self.statusBar().clearMessage()
        self.preview_empty.setText("Building the briefing…")
        self._update_actions()
        self.pool.start(worker)

    def cancel_build(self) -> None:
        if self._build is not None:
            self._build.cancel.cancel()
            self.progress_label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def _on_build_progress(self, stage: str, fraction: float) -> None:
        if self._build is None or self._build.cancel.cancelled:
            return
        label = STAGE_LABELS.get(stage, stage.replace("_", " ").capitalize())
        if stage in STAGES:
            overall = (STAGES.index(stage) + max(0.0, min(fraction, 1.0))) / len(STAGES)
            self.progress_bar.setValue(int(overall * 1000))
        if self._export_after_build is None:  # else it keeps saying the file is on its way
            self.progress_label.setText(f"{label}…")

    def _end_build(self) -> BuildWorker | None:
        worker, self._build = self._build, None
        if self._save_after_build:
            self._save_after_build = False
            self._schedule_save()
        self.preview_empty.setText(EMPTY_PREVIEW)
        self.cancel_button.hide()
        if self._export is None:
            self.progress_label.hide()
            self.progress_bar.hide()
        self._update_actions()
        return worker

    def _on_build_finished(self, result: BuildResult) -> None:
        worker = self._end_build()
        if worker is None or self._closing:
            return
        # A copy left out in the middle of the list: the core numbered the sources after
        # it anew, so that they run [1], [2], [3] as the Word file says.
        entry_of_source = {result.renumbered.get(sid, sid): key for sid, key in worker.entry_of_source.items()}
        self.snapshot = BuildSnapshot(result, entry_of_source)
        self._built_articles = worker.article_keys
        self._built_words = worker.options.words_per_section
        self._built_left_out = worker.options.leave_out
        self._built_parties = worker.options.parties
        seconds = time.monotonic() - self._build_started
        self.refresh_briefing()
        self.preview_stack.setCurrentWidget(self.preview)
        n = len(result.briefing.sources)  # as the Word file will say: copies counted once
        if worker.options.leave_out == self._left_out():  # the build that took the move in
            self._say_who_made_room()
            self._making_room = None
        if not worker.refill:
            self.statusBar().showMessage(f"Briefing built from {n} article{'s' if n != 1 else ''} "
                                         f"{time_taken(seconds)}. Review the points, then export to Word.", 10000)
        self._update_stale()
        self._schedule_save()
        self._export_waiting_for_build(finished=True)
        if (self.controls.words.value() != self._built_words or self.articles_changed_since_build
                or self._left_out_changed_since_build or self._parties_changed_since_build):
            self._rebuild_timer.start()
        self.buildEnded.emit("finished")

    def _on_build_failed(self, message: str) -> None:
        self._end_build()
        self._export_waiting_for_build()
        QMessageBox.critical(self, "The build failed",
                             f"The briefing could not be built:\n\n{message}\n\nYour articles and edits are kept.")
        self.buildEnded.emit("failed")

    def _on_build_cancelled(self) -> None:
        self._end_build()
        self._export_waiting_for_build()
        self.statusBar().showMessage("Build cancelled." + (" The previous briefing is still shown." if self.snapshot
                                                           else ""), 6000)
        self.buildEnded.emit("cancelled")

    def _rebuild_after_settings_change(self) -> None:
        """Rebuild once the articles or the length settle (not while files are still being read)."""
        if self.snapshot is not None and not self.building and not self.loading and not self._closing:
            if self.articles.checked_entries():
                self.build()
        if not self.building:
            self._export_waiting_for_build()  # no refill after all: write what is shown

    def _update_stale(self) -> None:
        stale = self.snapshot is not None and self.articles_changed_since_build
        self.stale_banner.setVisible(stale and not self.building)
        self._show_warnings()  # one banner at a time: a changed list no longer says which meeting is which
        self._update_actions()

    # ================================================================================ the briefing
    @property
    def _left_out_changed_since_build(self) -> bool:
        return self.snapshot is not None and self._left_out() != self._built_left_out

    def _left_out(self) -> frozenset[str]:
        """The points a build must not choose: those dropped, and those moved (and so
        pinned) to another section, whose place in their own section the next best takes."""
        return frozenset(self.edits.dropped) | frozenset(k for k in self.edits.moved if k in self.edits.pinned)

    @property
    def _named_parties(self) -> tuple[str, ...]:
        return tuple(self.edits.parties or ())

    @property
    def _parties_changed_since_build(self) -> bool:
        return self.snapshot is not None and self._named_parties != self._built_parties

    def refresh_briefing(self) -> None:
        """Lay the edits over the last build and show the result everywhere.

        A drop or restore since the build also starts a quick rebuild from the cache, so
        that the next best point takes a dropped point's words (or a restored point its
        place back).
        """
        if self._left_out_changed_since_build and not self.building:
            QTimer.singleShot(0, self._rebuild_after_settings_change)  # at once: nothing to settle
        if self.snapshot is None:
            self.briefing = None
            self.preview.set_briefing(None)
            self.preview_stack.setCurrentWidget(self.preview_empty)
        else:
            self.briefing = apply_edits(self.snapshot.result.briefing, self.edits)
            self.preview.set_briefing(self.briefing, self.edits.dropped)
            self.preview_stack.setCurrentWidget(self.preview)
            counts = self.snapshot.points_per_entry(self.briefing)
            self.articles.set_notes(self._build_notes(counts))
        self._show_warnings()
        self.controls.show_edits(self.edits, self.snapshot.result.briefing if self.snapshot else None)
        self.refresh_reader()
        self._update_export_note()
        self._update_actions()

    def _show_warnings(self) -> None:
        """Say above the briefing what the build doubts about its articles: two meetings in
        one list, an article not in English, an article about something else, a file too
        short to be an article; and a typed party that no article names."""
        result = self.snapshot.result if self.snapshot else None
        said: list[str] = []
        if result is not None:
            title = {s.id: s.title for s in result.briefing.sources}

            def named(ids: list[str]) -> str:
                return ", ".join(f"“{title.get(i, i)}”" for i in ids[:3]) + (" and others" if len(ids) > 3 else "")

            if result.mixed:
                meetings = " and ".join(f"meeting {n} ({len(g)} articles, like “{title.get(g[0], g[0])}”)"
                                        for n, g in enumerate(result.mixed, 1))
                said.append(f"These articles seem to cover two different meetings: {meetings}. "
                            "The list notes say which is which: untick one meeting and rebuild for a clearer briefing.")
            if result.not_english:
                said.append(f"{named(result.not_english)} {'does' if len(result.not_english) == 1 else 'do'} not "
                            "read as English: the method reads English only, so few or no points come from "
                            f"{'it' if len(result.not_english) == 1 else 'them'}.")
            if result.off_topic:
                said.append(f"{named(result.off_topic)} {'shares' if len(result.off_topic) == 1 else 'share'} few "
                            "words with the other articles: is it about this meeting?")
            if result.short:
                shown = [f"“{title.get(i, i)}” ({n} word{'s' if n != 1 else ''})" for i, n in result.short.items()]
                one = len(shown) == 1
                listed = ", ".join(shown[:3]) + (f" and {len(shown) - 3} more" if len(shown) > 3 else "")
                said.append(f"{listed} {'is' if one else 'are'} too short for "
                            f"{'a news article: is it one' if one else 'news articles: are they articles'}? "
                            f"Untick {'it' if one else 'them'} if not.")
            if result.unnamed_parties:
                names = ", ".join(f"“{p}”" for p in result.unnamed_parties)
                said.append(f"No article names {names}, so no point is listed under "
                            f"{'it' if len(result.unnamed_parties) == 1 else 'them'}: check the spelling in Parties.")
        self.mixed_banner.setText("\n".join(said))
        self.mixed_banner.setVisible(bool(said) and not self.articles_changed_since_build)

    def _build_notes(self, counts: dict[int, int]) -> dict[int, str]:
        """What the build did with each article: points cited, or the same text counted once."""
        assert self.snapshot is not None
        notes: dict[int, str] = {}
        off_topic = {self.snapshot.entry_of_source.get(sid) for sid in self.snapshot.result.off_topic}
        foreign = {self.snapshot.entry_of_source.get(sid) for sid in self.snapshot.result.not_english}
        groups = self.snapshot.result.mixed
        meeting = {self.snapshot.entry_of_source.get(sid): n for n, g in enumerate(groups, 1) for sid in g}
        copies = self.snapshot.result.copies
        for source_id, key in self.snapshot.entry_of_source.items():
            entry = self.articles.entry_by_key(key)
            if entry is None or entry.article is None:
                continue
            if source_id in copies:  # the same text, or the same sentences in another format
                original = self.articles.entry_by_key(self.snapshot.entry_of_source.get(copies[source_id], -1))
                notes[key] = f"Same text as “{original.title if original else 'another article'}”; counted once"
                continue
            n = counts.get(key, 0)
            # short enough to be read whole under the title in the narrow list, with a prefix
            notes[key] = f"Cited by {n} point{'s' if n != 1 else ''}" if n else "Not cited"
            if key in off_topic:
                notes[key] = OFF_TOPIC_NOTE + " · " + notes[key]
            if key in foreign:
                notes[key] = NOT_ENGLISH_NOTE + " · " + notes[key]
            if source_id in self.snapshot.result.short:
                notes[key] = SHORT_NOTE + " · " + notes[key]
            if key in meeting:
                notes[key] = f"Meeting {meeting[key]} of {len(groups)} · " + notes[key]
        return notes

    def _edit(self, change: Callable[[Edits], None], message: str) -> None:
        self._making_room = None
        self._undo.append(copy.deepcopy(self.edits))
        self._redo.clear()
        change(self.edits)
        self.refresh_briefing()
        self.statusBar().showMessage(message, 5000)
        self._schedule_save()

    def _find_point(self, text: str) -> tuple[str, briefing.Point] | None:
        if self.briefing is None:
            return None
        key = point_key(text)
        for section in self.briefing.sections:
            for point in section.points:
                if point_key(point.text) == key:
                    return section.key, point
        return None

    def pin_point(self, text: str, pin: bool = True) -> None:
        found = self._find_point(text)
        if found is None:
            return
        section, point = found
        if pin:
            self._edit(lambda e: e.pin(point, section, self.briefing), "Pinned: the point stays through rebuilds.")
        else:
            self._edit(lambda e: e.unpin(text), "Unpinned.")

    def drop_point(self, text: str) -> None:
        if self._find_point(text) is None:
            return
        self._edit(lambda e: e.drop(text), "Dropped the point. Undo with Ctrl+Z, or bring it back from “Dropped”.")

    def move_point(self, text: str, section: str) -> None:
        """Move a point to another section, pinned there: the section it left takes the
        next best point, and the one it joins keeps to its length (as for a pin put back)."""
        found = self._find_point(text)
        if found is None or self.briefing is None:
            return
        now, point = found
        briefing_now = self.briefing
        heading = next((s.heading for s in self.briefing.sections if s.key == section), section)

        def move(e: Edits) -> None:
            if not e.is_pinned(text):
                e.pin(point, now, briefing_now)
            e.move(text, section)

        before = self._points_of(section)
        self._edit(move, f"Moved the point to {heading}, pinned there. Undo with Ctrl+Z.")
        # the section it joins keeps to its length, now or once the quick rebuild is in
        self._making_room = (section, before)
        self._say_who_made_room()
        self.preview.select_point(text)

    def _points_of(self, section: str) -> list[str]:
        shown = self.briefing
        return [p.text for s in (shown.sections if shown else []) if s.key == section for p in s.points]

    def _say_who_made_room(self) -> None:
        """After a move into a full section, name the point that left it to keep the section
        to its length: it is not among the dropped, and would otherwise be lost unseen."""
        if self._making_room is None or self.briefing is None:
            return
        section, before = self._making_room
        after = set(self._points_of(section))
        gone = [t for t in before if t not in after]
        if not gone:
            return
        self._making_room = None
        heading = next((s.heading for s in self.briefing.sections if s.key == section), section)
        shown = gone[0] if len(gone[0]) <= 80 else gone[0][:78].rstrip() + "…"
        more = f" and {len(gone) - 1} more" if len(gone) > 1 else ""
        self.statusBar().showMessage(f"Moved the point to {heading}, pinned there; to keep {heading} to its length, "
                                     f"“{shown}”{more} left it. Undo with Ctrl+Z.", 15000)

    def set_point_party(self, text: str, party: str) -> None:
        """Say whose point this is ("" for no one party's); it moves under that party's heading."""
        if self._find_point(text) is None:
            return
        self._edit(lambda e: e.set_party(text, party or None),
                   f"The point is now listed under {party}." if party else "The point is now listed without a party.")
        self.preview.select_point(text)

    def restore_point(self, key: str) -> None:
        self._edit(lambda e: e.restore(key), "Brought the point back.")

    def undo(self) -> None:
        """Step back one change to the points; the title, event and length stay as typed."""
        if self._undo:
            self._redo.append(self.edits)
            self.edits = self.edits.with_points_of(self._undo.pop())
            self.refresh_briefing()
            self._schedule_save()

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self.edits)
            self.edits = self.edits.with_points_of(self._redo.pop())
            self.refresh_briefing()
            self._schedule_save()

    def _title_edited(self, text: str) -> None:
        self.edits.title = text if text.strip() else None
        self._settings_edited()

    def _event_edited(self, text: str) -> None:
        self.edits.event = text if text.strip() else None
        self._settings_edited()

    def _parties_edited(self, parties: list[str]) -> None:
        """The typed parties go to a quick rebuild from the cache, which finds each one's points."""
        self.edits.parties = parties or None
        self._settings_edited()
        if self._parties_changed_since_build:
            self._rebuild_timer.start()

    def _words_changed(self, value: int) -> None:
        self.edits.words_per_section = value
        self.settings.setValue("defaults/words", value)
        self._settings_edited()
        if self.snapshot is not None:
            self._rebuild_timer.start()

    def _template_changed(self, name: str) -> None:
        self.edits.template = name or None
        self.settings.setValue("defaults/template", name)
        self._settings_edited()

    def _marking_changed(self, marking: str) -> None:
        self.edits.marking = marking or None
        self.settings.setValue("defaults/marking", marking)
        self._settings_edited()

    def _settings_edited(self) -> None:
        if self.snapshot is not None:
            self.briefing = apply_edits(self.snapshot.result.briefing, self.edits)
            self.preview.set_briefing(self.briefing, self.edits.dropped)
            self._update_export_note()
        self._schedule_save()

    # ================================================================================ the reader
    def _point_selected(self, selection) -> None:
        self._selected_point = point_key(selection[1].text) if selection else None
        if selection and self.snapshot is not None:
            current = self.current_entry()
            cited = {self.snapshot.entry_of_source.get(s) for s in selection[1].sources}
            if current is None or current.key not in cited:
                first = next((self.snapshot.entry_of_source[s] for s in selection[1].sources
                              if s in self.snapshot.entry_of_source), None)
                if first is not None and self.articles.row_of(first) >= 0:
                    self.article_view.setCurrentIndex(self.articles.index(self.articles.row_of(first)))
                    return  # refresh_reader follows from the selection change
        self.refresh_reader()

    def show_point_in_article(self, point: briefing.Point) -> None:
        self.preview.select_point(point.text)
        self._point_selected((None, point))

    def current_entry(self) -> ArticleEntry | None:
        index = self.article_view.currentIndex()
        return self.articles.entry(index.row()) if index.isValid() else None

    def refresh_reader(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self.reader_title.setText("Reading")
            self.reader.show_hint()
            return
        self.reader_title.setText("Reading: cleaned text" if entry.usable else "Reading")
        cleaned = self.snapshot.cleaned(entry.key) if self.snapshot else None
        if cleaned is None and entry.article is not None:
            cleaned = self._cleaned_cache.get(entry.key)
            if cleaned is None:
                cleaned = self._cleaned_cache[entry.key] = clean_article(entry.article)
        highlights = self.snapshot.highlights(entry.key, self.briefing) if self.snapshot and self.briefing else []
        names = {s.key: s.heading for s in self.briefing.sections} if self.briefing else {}
        self.reader.show_entry(entry, cleaned, highlights, names, self._selected_point)

    # ================================================================================ export
    def export_word(self) -> None:
        self.export("docx")

    @property
    def exporting(self) -> bool:
        return self._export is not None

    def _ask_save_path(self, kind: str, suggested: Path | None = None) -> Path | None:
        suffix, label, name = KINDS[kind]
        if suggested is None:
            folder = Path(str(self.settings.value("exportFolder", "") or
                              QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                              or Path.home()))
            suggested = folder / (_slug(self.briefing.title if self.briefing else "briefing") + suffix)
        chosen, _ = QFileDialog.getSaveFileName(self, f"Export to {name}", str(suggested), label)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            # the dialog asked about overwriting the name without the suffix, not this one
            path = path.with_name(path.name + suffix)
            if path.exists():
                answer = QMessageBox.question(self, "Replace file?", f"{path.name} already exists. Replace it?")
                if answer != QMessageBox.StandardButton.Yes:
                    return None
        if self._is_article_file(path):
            QMessageBox.warning(self, "Choose another name", f"{path.name} is one of the articles in the list; "
                                "saving the briefing there would destroy it.")
            return self._ask_save_path(kind, path)
        return path

    def _is_article_file(self, path: Path) -> bool:
        """Is ``path`` a file in the list, other than an earlier briefing (which may be replaced)?"""
        real = os.path.realpath(path)
        return any(e.origin.path and e.problem != OWN_BRIEFING_REASON and os.path.realpath(e.origin.path) == real
                   for e in self.articles.entries)

    def export(self, kind: str = "docx", path: Path | None = None) -> bool:
        """Ask where (unless ``path`` is given) and write the briefing there on a pool thread.

        Returns whether an export started; ``exported`` or ``exportFailed`` follows.
        """
        if self.briefing is None:
            self.statusBar().showMessage("Build the briefing first, then export it.", 6000)
            return False
        if self._export is not None or self._export_after_build is not None:
            return False
        path = path or self._ask_save_path(kind)
        if path is None:
            return False
        if self._build is not None and self._build.refill:
            self._export_after_build = (kind, path)
            self.progress_label.setText(self._waiting_export_note())
            self._update_actions()
            return True
        self._start_export(kind, path)
        return True

    def _waiting_export_note(self) -> str:
        assert self._export_after_build is not None
        return f"Saving {self._export_after_build[1].name} once the briefing is refilled…"

    @property
    def _refill_due(self) -> bool:
        """Has the user dropped or moved a point, or named parties, since the last build, so
        that a refill will follow (not a rebuild of changed articles or length)?"""
        return ((self._left_out_changed_since_build or self._parties_changed_since_build)
                and not self.articles_changed_since_build and self.controls.words.value() == self._built_words)

    def _export_waiting_for_build(self, finished: bool = False) -> None:
        """Write the export asked for during the build that just ended, as the window now
        shows it; after a finished build, not while another refill is due (a second drop
        made during the first refill): that one's end writes it."""
        if self._export_after_build is None or (finished and self._refill_due and not self._closing):
            return
        (kind, path), self._export_after_build = self._export_after_build, None
        if self.briefing is not None:
            self._start_export(kind, path)
        else:
            self._update_actions()

    def _start_export(self, kind: str, path: Path) -> None:
        self._exporting_state = self._export_state()
        worker = ExportWorker(kind, copy.deepcopy(self.briefing), path, self.edits.template)
        worker.setAutoDelete(False)
        worker.signals.finished.connect(self._on_exported)
        worker.signals.failed.connect(self._on_export_failed)
        self._export = worker
        self.progress_label.setText(f"Saving {path.name}…")
        self.progress_bar.setRange(0, 0)
        self.progress_label.show()
        self.progress_bar.show()
        self._update_actions()
        self.pool.start(worker)

    def _export_state(self) -> str | None:
        """The briefing as an export would write it, less the time it was made (a pin
        counts: pinned points lead the key takeaways)."""
        if self.briefing is None:
            return None
        data = self.briefing.to_dict()
        data.pop("created", None)
        return json.dumps([data, self.edits.template], sort_keys=True, default=str)

    def _update_export_note(self) -> None:
        """Say whether the file last saved still holds what the window shows."""
        if self.last_export is None:
            return
        name = html.escape(self.last_export.name)
        if self._export_state() == self._exported_state:
            self.export_label.setText(f"Saved <b>{name}</b>")
        else:
            self.export_label.setText(f"Saved <b>{name}</b> before your latest changes: export again to include them")

    def _end_export(self) -> ExportWorker | None:
        worker, self._export = self._export, None
        self.progress_bar.setRange(0, 1000)
        if not self.building:
            self.progress_label.hide()
            self.progress_bar.hide()
        self._update_actions()
        return worker

    def _on_exported(self, written: Path) -> None:
        self._end_export()
        self.last_export = written
        self._exported_state = self._exporting_state
        self.settings.setValue("exportFolder", str(written.parent))
        self.export_label.setToolTip(str(written))
        self._update_export_note()
        self.export_bar.show()
        self.statusBar().showMessage(f"Saved {written}", 10000)
        self.exported.emit(written)

    def _on_export_failed(self, message: str, path_problem: bool) -> None:
        worker = self._end_export()
        self.exportFailed.emit(message)
        if worker is None or self._closing:
            return
        message = message[:1].upper() + message[1:]  # the core's messages are written for stderr
        if not path_problem:
            QMessageBox.warning(self, "Could not export the briefing", f"{message}\n\nThe briefing is still open.")
            return
        answer = QMessageBox.warning(
            self, "Could not save the briefing",
            f"{message}\n\nThe briefing is still open. Choose another place to save it?",
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Retry:
            path = self._ask_save_path(worker.kind, worker.path)
            if path is not None:
                self.export(worker.kind, path)

    def choose_template_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a Word template", self._start_folder(),
                                              "Word templates (*.docx *.dotx)")
        if name:
            self._template_changed(name)
            self.controls.show_edits(self.edits)
            self.statusBar().showMessage(f"Exports will use your template {Path(name).name}.", 6000)

    # ================================================================================ session
    def project(self) -> Project:
        current = self.article_view.currentIndex().row()
        options = dataclasses.replace(self.options, words_per_section=self.controls.words.value())
        return Project(articles=[copy.copy(e.origin) for e in self.articles.entries],
                       edits=copy.deepcopy(self.edits), options=options,
                       current=current if current >= 0 else None, built=self.snapshot is not None)

    def _schedule_save(self) -> None:
        if not self._closing:
            self._autosave.start()

    def _autosave_when_idle(self) -> None:
        """Save the session, but not while a build runs: writing and flushing the file on the
        UI thread then froze the window for 70 ms and more; the build's end saves instead."""
        if self._build is not None:
            self._save_after_build = True
            return
        self.save_session()

    def save_session(self) -> bool:
        self._autosave.stop()
        try:
            self.session_path.parent.mkdir(parents=True, exist_ok=True)
            save_project(self.project(), self.session_path)
        except (OutputError, OSError) as exc:
            self.statusBar().showMessage(f"Could not save the session: {exc}", 10000)
            return False
        return True

    def restore_session(self) -> None:
        if not self.session_path.exists():
            return
        try:
            project = load_project(self.session_path)
        except ProjectError as exc:
            damaged = self.session_path.with_name(self.session_path.name + ".damaged")
            try:
                self.session_path.replace(damaged)
            except OSError:
                pass
            self.statusBar().showMessage(f"Your last session could not be restored: {exc}. "
                                         f"A copy was kept as {damaged.name}.", 15000)
            return
        self.apply_project(project)
        if project.problems:
            self._say_after_reading("Session restored, but " + "; ".join(project.problems) + ".", 15000)
        elif project.articles:
            self._say_after_reading("Your last session has been restored.", 6000)

    def apply_project(self, project: Project) -> None:
        """Replace the session with ``project``: files are read again, pasted text is used as saved."""
        self.cancel_build()
        self._open_note = None
        self.snapshot = None
        self.briefing = None
        self._undo.clear()
        self._redo.clear()
        self._cleaned_cache.clear()
        self.articles.clear()
        self.export_bar.hide()
        self.edits = copy.deepcopy(project.edits)
        self.options = project.options
        entries: list[ArticleEntry] = []
        to_load: list[tuple[str, int | None]] = []
        for origin in project.articles:
            entry = ArticleEntry(origin=copy.copy(origin))
            if origin.text:
                try:
                    entry.article = article_from_text(origin.text, source_id="saved", title=origin.title,
                                                      url=origin.url, path=Path(origin.path) if origin.path else None)
                except LoadError as exc:
                    entry.problem = str(exc)
            elif origin.path or origin.url:
                to_load.append((origin.path or origin.url or "", entry.key))
            entries.append(entry)
        self.articles.add_entries(entries)
        self.controls.show_edits(self.edits)
        self.controls.words.blockSignals(True)
        self.controls.words.setValue(self.edits.words_per_section or project.options.words_per_section)
        self.controls.words.blockSignals(False)
        self.refresh_briefing()
        if project.current is not None and project.current < self.articles.rowCount():
            self.article_view.setCurrentIndex(self.articles.index(project.current))
        self._build_when_loaded = project.built
        if to_load:
            self._start_load(to_load, again=True)
        elif project.built and self.articles.checked_entries():
            self._build_when_loaded = False
            self.build()

    def start_with_files(self, paths: list[str | Path]) -> None:
        """A new session listing ``paths`` (the saved session is kept as the previous one)."""
        if self.session_path.exists():
            try:
                self.previous_session_path().write_bytes(self.session_path.read_bytes())
            except OSError:
                pass
        self.add_paths(paths)
        self._update_actions()

    def new_session(self) -> None:
        self._keep_previous_session()
        self.project_path = None
        self.apply_project(Project(edits=Edits(template=self.edits.template, marking=self.edits.marking,
                                               words_per_section=self.edits.words_per_section)))
        self.setWindowTitle(APP_NAME)
        self.statusBar().showMessage("New session. The previous one can be reopened from the File menu.", 8000)
        self.save_session()

    def previous_session_path(self) -> Path:
        return self.session_path.with_name("previous-session.briefing")

    def _keep_previous_session(self) -> None:
        if self.articles.rowCount():
            try:
                self.session_path.parent.mkdir(parents=True, exist_ok=True)
                save_project(self.project(), self.previous_session_path())
            except (OutputError, OSError):
                pass

    def reopen_previous_session(self) -> None:
        path = self.previous_session_path()
        if not path.exists():
            self.statusBar().showMessage("There is no previous session to reopen.", 6000)
            return
        self.open_project(path, keep_current=True)

    def _say_after_reading(self, message: str, timeout: int) -> None:
        """Show ``message`` now, or with the reading summary when the articles are still being read."""
        if self._rereads:
            self._open_note = message
        else:
            self.statusBar().showMessage(message, timeout)

    def open_project_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open project", self._start_folder(), PROJECT_FILTER)
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path, keep_current: bool = True) -> bool:
        try:
            project = load_project(path)
        except ProjectError as exc:
            QMessageBox.warning(self, "Cannot open the project", str(exc))
            return False
        if keep_current:
            self._keep_previous_session()
        self.apply_project(project)
        if path != self.previous_session_path():
            self.project_path = path
            self.setWindowTitle(f"{path.stem} — {APP_NAME}")
        msg = f"Opened {path.name}."
        if project.problems:
            msg += " Some parts were damaged: " + "; ".join(project.problems) + "."
        self._say_after_reading(msg, 15000)
        self._schedule_save()
        return True

    def save_project(self) -> bool:
        if self.project_path is None:
            return self.save_project_as()
        return self._write_project(self.project_path)

    def save_project_as(self) -> bool:
        start = self.project_path or Path(self._start_folder()) / f"{_slug(self.briefing.title if self.briefing else 'briefing')}.briefing"
        name, _ = QFileDialog.getSaveFileName(self, "Save project", str(start), PROJECT_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".briefing":
            path = path.with_name(path.name + ".briefing")
        return self._write_project(path)

    def _write_project(self, path: Path) -> bool:
        try:
            save_project(self.project(), path)
        except OutputError as exc:
            QMessageBox.warning(self, "Could not save the project", str(exc))
            return False
        self.project_path = path
        self.setWindowTitle(f"{path.stem} — {APP_NAME}")
        self.statusBar().showMessage(f"Saved project {path.name}.", 6000)
        return True

    # ================================================================================ window
    def _update_actions(self) -> None:
        has_briefing = self.briefing is not None
        ticked = bool(self.articles.checked_entries())
        building = self.building
        self.build_action.setEnabled(ticked and not building)
        self.build_button.setEnabled(ticked and not building)
        if building:
            self.build_button.setText("Building…")
        elif self.snapshot is not None and self.articles_changed_since_build:
            self.build_button.setText("Rebuild briefing")
        else:
            self.build_button.setText("Build briefing")
        self.build_button.setToolTip("Build the briefing from the ticked articles (Ctrl+B)" if ticked
                                     else "Tick at least one article first")
        self.cancel_action.setEnabled(building)
        can_export = has_briefing and self._export is None and self._export_after_build is None
        for a in (self.export_action, self.export_markdown_action, self.export_pdf_action):
            a.setEnabled(can_export)
        self.export_button.setEnabled(can_export)
        self.undo_action.setEnabled(bool(self._undo))
        self.redo_action.setEnabled(bool(self._redo))
        has_rows = self.articles.rowCount() > 0
        for a in (self.remove_action, self.check_all_action, self.check_none_action):
            a.setEnabled(has_rows)
        self.tick_all_button.setVisible(has_rows)
        self.tick_none_button.setVisible(has_rows)
        self.previous_session_action.setEnabled(self.previous_session_path().exists())
        if hasattr(self, "stale_banner"):
            self.stale_banner.setVisible(self.snapshot is not None and not building
                                         and self.articles_changed_since_build)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def _apply_default_settings(self) -> None:
        """A new session starts with the template, marking and length the user chose last."""
        template = str(self.settings.value("defaults/template", "") or "")
        marking = str(self.settings.value("defaults/marking", "") or "")
        self.edits.template = template or None
        self.edits.marking = marking or None
        self.controls.show_edits(self.edits)
        words = self.settings.value("defaults/words")
        try:
            value = int(words) if words is not None else None
        except (TypeError, ValueError):
            value = None
        if value is not None and value >= 10:
            self.edits.words_per_section = value
            self.controls.words.blockSignals(True)
            self.controls.words.setValue(value)
            self.controls.words.blockSignals(False)

    def show_about(self) -> None:
        try:
            version = metadata.version("briefing")
        except metadata.PackageNotFoundError:
            version = "development"
        QMessageBox.about(self, "About Briefing",
                          f"<h3>Briefing {version}</h3>"
                          "<p>Turns a pile of news articles about a meeting into a Word briefing on the "
                          "parties' <b>objectives</b>, the <b>concessions</b> on the table and the <b>risks</b>.</p>"
                          "<p>Every line of the briefing is a sentence taken word for word from one of your "
                          "articles, and cites it.</p>")

    def show_quick_start(self) -> None:
        QMessageBox.information(self, "Quick start",
                                "1. Add your articles: Add files, a folder, paste text, or drop files on the window.\n"
                                "2. Tick the ones to use and press Build briefing (Ctrl+B).\n"
                                "3. Review the points on the right: select one to see it in its article; "
                                "Pin, Drop or Move it; set the title and event line.\n"
                                "4. Export to Word (Ctrl+E).\n\n"
                                "Your work is saved as you go and comes back when you reopen the window.")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        if self._build is not None:
            self._build.cancel.cancel()
        for worker in list(self._loads):
            worker.cancel.cancel()
        self._warm_up.cancel.cancel()
        self._export_waiting_for_build()  # asked for: written as shown, not lost with the refill
        self.pool.waitForDone()  # an export in progress finishes: never leave half a file
        self.save_session()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
