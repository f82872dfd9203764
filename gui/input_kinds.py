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
    """Whether :func:`briefing.load_inputs` can fetch a web link."""
    try:
        module = importlib.import_module("briefing.formats.url")
    except ImportError:
        return False
    return callable(getattr(module, "is_link", None)) and "url" in (load_module.__doc__ or "").lower() + " ".join(
        n.lower() for n in dir(load_module))
