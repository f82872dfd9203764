"""``briefing-gui [FILE...]``: start the window, optionally with these articles listed."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

ORGANIZATION = "Briefing"
APPLICATION = "Briefing"


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-gui",
        description="Open the briefing window: pick articles, build, review and export a Word briefing.")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="article files or folders to list (starts a new session; the last one is kept "
                             "and can be reopened from the File menu)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    args, qt_args = make_parser().parse_known_args(args_in)

    from PySide6.QtWidgets import QApplication

    from .binding_check import guard_none_references
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    guard_none_references()
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Briefing")
    window = MainWindow(restore_session=not args.files)
    if args.files:
        window.start_with_files(args.files)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
