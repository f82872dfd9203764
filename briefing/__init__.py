"""Extractive pre-summit briefings: objectives, concessions and risks from news articles.

The public API; it never imports Qt. Typical use::

    from briefing import load_inputs, build_briefing, render_docx
    loaded = load_inputs(["articles/"])
    result = build_briefing(loaded.articles)
    render_docx(result.briefing, "briefing.docx")
"""
from .cancel import BuildCancelled, CancelToken, ProgressCallback
from .documents import Article, LoadProblem, LoadResult
from .edits import Edits, PinnedPoint, apply_edits
from .load import load_inputs
from .model import Briefing, Point, Section, Source
from .options import SECTION_HEADINGS, BriefingOptions
from .output import OutputError
from .pipeline import BuildResult, build_briefing
from .project import Project, ProjectArticle, ProjectError, load_project, save_project
from .render_docx import render_docx
from .render_markdown import render_markdown
from .render_pdf import PdfUnavailable, render_pdf
from .word_template import TemplateError, builtin_templates

__all__ = [
    "Article", "Briefing", "BriefingOptions", "BuildCancelled", "BuildResult", "CancelToken", "LoadProblem",
    "LoadResult", "OutputError", "Point", "ProgressCallback", "SECTION_HEADINGS", "Section", "Source",
    "build_briefing", "load_inputs", "render_docx",
    "PdfUnavailable", "TemplateError", "builtin_templates", "render_markdown", "render_pdf",
    "Edits", "PinnedPoint", "apply_edits",
    "Project", "ProjectArticle", "ProjectError", "load_project", "save_project",
]
