"""Drive the window through its main states and save a screenshot of each.

Run under a virtual display, e.g.::

    xvfb-run -a -s "-screen 0 1440x900x24" python docs/make_screenshots.py OUTDIR [ARTICLES...]

ARTICLES default to the built-in samples. The main window with a built briefing is also
saved as ``docs/main-window.png`` when ``--readme`` is given.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir", type=Path)
    parser.add_argument("articles", nargs="*")
    parser.add_argument("--readme", action="store_true", help="also write docs/main-window.png")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Briefing")
    from briefing.sample_articles import sample_paths as sample_files
    from gui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="briefing-shots-"))
    window = MainWindow(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat), work / "session.briefing")
    window.resize(1400, 860)
    window.show()
    wait(300)

    def shot(name: str) -> None:
        wait(150)
        window.grab().save(str(args.outdir / f"{name}.png"))
        print("saved", args.outdir / f"{name}.png")

    shot("1-first-start")

    bad = work / "scanned-page.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    articles = args.articles or [str(p) for p in sample_files()]
    window.add_paths(articles + [str(bad)])
    wait_for(window.loadingFinished)
    window.article_view.setCurrentIndex(window.articles.index(window.articles.rowCount() - 1))
    shot("2-articles-with-a-bad-file")
    window.articles.remove_rows([window.articles.rowCount() - 1])  # as the user would, once seen
    window.article_view.setCurrentIndex(window.articles.index(0))

    grabbed = []

    def during_build(value: int) -> None:
        if value >= 250 and not grabbed:
            grabbed.append(value)
            window.grab().save(str(args.outdir / "3-building.png"))
            print("saved", args.outdir / "3-building.png")

    window.progress_bar.valueChanged.connect(during_build)
    window.build()
    wait_for(window.buildEnded)
    window.progress_bar.valueChanged.disconnect(during_build)
    shot("4-briefing-built")

    risks = window.briefing.section("risks").points
    if risks:
        window.preview.select_point(risks[0].text)
    shot("5-point-selected-reader-highlights")
    if args.readme:
        window.preview.select_point(window.briefing.section("objectives").points[0].text)
        window.preview.list.scrollToTop()
        wait(150)
        window.grab().save(str(HERE / "main-window.png"))
        print("saved", HERE / "main-window.png")

    window.controls.title.setText("Pre-summit briefing")
    window.controls.title.textEdited.emit("Pre-summit briefing")
    window.controls.event.setText("Leaders' meeting, this Friday")
    window.controls.event.textEdited.emit("Leaders' meeting, this Friday")
    objectives = window.briefing.section("objectives").points
    if len(objectives) > 1:
        window.pin_point(objectives[0].text)
        window.drop_point(objectives[1].text)
        wait_for(window.buildEnded)  # the next best point takes the dropped one's words
    window.export("docx", work / "briefing.docx")
    wait_for(window.exported)
    if objectives:
        window.preview.select_point(objectives[0].text)
    shot("6-edited-and-exported")

    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
