"""What the core can read, so the window offers exactly that in its dialogs and messages."""
from __future__ import annotations

import importlib

from briefing import load as load_module

_FORMAT_MODULES = ("text", "html", "docx", "pdf", "eml")


def supported_suffixes() -> list[str]:
    """File suffixes the loader reads (".txt", ".docx", ...)."""
    suffixes: list[str] = []
    for name in _FORMAT_MODULES:
        try:
            module = importlib.import_module(f"briefing.formats.{name}")
        except ImportError:
            continue
        suffixes.extend(getattr(module, "SUFFIXES", ()))
    if not suffixes:
        suffixes = sorted(getattr(load_module, "TEXT_SUFFIXES", {".txt", ".md"}))
    return list(dict.fromkeys(s.lower() for s in suffixes))


def file_dialog_filter() -> str:
    patterns = " ".join(f"*{s}" for s in supported_suffixes())
    return f"Articles ({patterns});;All files (*)"


def links_supported() -> bool:
    """Whether :func:`briefing.load_inputs` fetches web links (it reads them with ``load_link``)."""
    return callable(getattr(load_module, "load_link", None))


_KIND_NAMES = {".txt": "text", ".md": "Markdown", ".docx": "Word", ".pdf": "PDF", ".html": "web pages",
               ".eml": "e-mails"}


def kinds_description() -> str:
    """The readable kinds of file in words: "text, Markdown, Word, PDF or web pages"."""
    names = [name for suffix, name in _KIND_NAMES.items() if suffix in supported_suffixes()]
    if links_supported():
        names.append("links")
    if len(names) <= 1:
        return names[0] if names else "text files"
    return ", ".join(names[:-1]) + " or " + names[-1]
