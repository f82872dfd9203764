"""Which Word templates and markings the user can choose, as the core lists them."""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

import briefing

# the module, not the function of the same name that the package exports
render_module = import_module("briefing.render_docx")

DEFAULT_MARKINGS = ("Internal", "Confidential", "Restricted")


def builtin_templates() -> dict[str, str]:
    """Built-in template name -> one-line description, the default first."""
    lister = getattr(briefing, "builtin_templates", None)
    if callable(lister):
        return dict(lister())
    names = getattr(render_module, "template_names", None)
    return {n: "" for n in (names() if callable(names) else ["standard"])}


def template_label(spec: str) -> str:
    """How a template is named in the window: a built-in by its name, a file by its file name."""
    if spec in builtin_templates():
        return spec.replace("_", " ").capitalize()
    return f"{Path(spec).name} (your template)"


def marking_choices() -> list[str]:
    """The markings offered (the user may type another); the empty marking first."""
    markings = getattr(render_module, "MARKINGS", None) or DEFAULT_MARKINGS
    return [""] + [str(m) for m in markings if m]
