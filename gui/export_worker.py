"""Writing the briefing to Word, Markdown or PDF on a pool thread (PDF runs LibreOffice, which takes seconds)."""
from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

import briefing
from briefing import Briefing, OutputError

KINDS = {
    # kind: (suffix, file dialog filter, menu name)
    "docx": (".docx", "Word document (*.docx)", "Word"),
    "markdown": (".md", "Markdown (*.md)", "Markdown"),
    "pdf": (".pdf", "PDF document (*.pdf)", "PDF"),
}


def available_kinds() -> list[str]:
    """Export formats the core offers."""
    return [k for k in KINDS if callable(getattr(briefing, f"render_{k}", None))]


class ExportSignals(QObject):
    finished = Signal(object)  # the Path written
    failed = Signal(str, bool)  # message, whether another place might work (a path problem)


class ExportWorker(QRunnable):
    def __init__(self, kind: str, briefing_: Briefing, path: Path, template: str | None) -> None:
        super().__init__()
        self.kind, self.briefing, self.path, self.template = kind, briefing_, path, template
        self.signals = ExportSignals()

    def run(self) -> None:
        try:
            if self.kind == "docx":
                written = briefing.render_docx(self.briefing, self.path, self.template)
            elif self.kind == "pdf":
                written = briefing.render_pdf(self.briefing, self.path, self.template)
            else:
                written = briefing.render_markdown(self.briefing, self.path)
        except getattr(briefing, "PdfUnavailable", ()) as exc:
            self.signals.failed.emit(getattr(exc, "reason", str(exc)), False)
        except OutputError as exc:
            self.signals.failed.emit(str(exc), True)
        except getattr(briefing, "TemplateError", ()) as exc:
            self.signals.failed.emit(f"The Word template cannot be used: {exc}", False)
        except OSError as exc:
            self.signals.failed.emit(f"cannot write {self.path}: {exc.strerror or exc}", True)
        except Exception as exc:  # a rendering bug must reach the user, and the briefing stays open
            traceback.print_exc()
            self.signals.failed.emit(f"{exc.__class__.__name__}: {exc}", False)
        else:
            self.signals.finished.emit(Path(written))
