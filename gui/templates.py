"""Which Word templates and markings the user can choose, asked of the core where it knows."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import briefing.render_docx as render_module

DEFAULT_MARKINGS = ["", "Internal", "Confidential", "Restricted"]


def template_names() -> list[str]:
    """Names of the shipped templates, the default first."""
    for name in ("template_names", "list_templates", "available_templates"):
        lister = getattr(render_module, name, None)
        if callable(lister):
            names = [str(n) for n in lister()]
            if names:
                return names
    found = sorted(Path(str(p.name)).stem for p in resources.files("briefing.templates").iterdir()
                   if p.name.endswith(".docx") and not p.name.startswith((".", "~")))
    default = getattr(render_module, "DEFAULT_TEMPLATE", "standard")
    return sorted(found, key=lambda n: (n != default, n))


def template_file(name: str | None) -> Path | None:
    """The template's file for :func:`briefing.render_docx`, or None for the default."""
    if not name:
        return None
    return render_module.template_path(name)


def marking_choices() -> list[str]:
    for name in ("MARKINGS", "marking_choices", "DEFAULT_MARKINGS"):
        value = getattr(render_module, name, None)
        value = value() if callable(value) else value
        if isinstance(value, (list, tuple)) and value:
            return [""] + [str(v) for v in value if v]
    return list(DEFAULT_MARKINGS)
