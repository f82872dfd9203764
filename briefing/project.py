"""The project file: a working session (articles, which are ticked, edits, options) as JSON.

The window saves one after every change so that a restart or a crash loses nothing, and
the user can save and reopen named projects. Files are written atomically. Each file
article is stored by its absolute path and by its path relative to the project file, so
a folder moved or copied with its project (to a USB stick, another machine) still finds
its articles. Reading is tolerant: a damaged entry is skipped and reported in :attr:`Project.problems`; a file
that cannot be used at all raises :class:`ProjectError` with a message for the user.
"""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .edits import Edits
from .options import BriefingOptions
from .output import write_text_atomic

PROJECT_FORMAT = "briefing-project"
PROJECT_VERSION = 1
PROJECT_SUFFIX = ".briefing"


class ProjectError(Exception):
    """A project file that cannot be opened; the message says which and why."""


@dataclass
class ProjectArticle:
    """One entry of the article list: a file, a link, or text pasted by the user.

    Files are stored by path and read again on opening; pasted text (and the text
    fetched from a link) is stored itself, since it exists nowhere else.
    """

    path: str | None = None
    url: str | None = None
    text: str | None = None
    title: str | None = None
    checked: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, data: Any) -> "ProjectArticle":
        if not isinstance(data, dict):
            raise ValueError("not an object")
        values = {}
        for name in ("path", "url", "text", "title"):
            v = data.get(name)
            if v is not None and not isinstance(v, str):
                raise ValueError(f"'{name}' is not text")
            values[name] = v
        if not (values["path"] or values["url"] or values["text"]):
            raise ValueError("has no path, link or text")
        checked = data.get("checked", True)
        if not isinstance(checked, bool):
            raise ValueError("'checked' is not true or false")
        return cls(checked=checked, **values)


@dataclass
class Project:
    articles: list[ProjectArticle] = field(default_factory=list)
    edits: Edits = field(default_factory=Edits)
    options: BriefingOptions = field(default_factory=BriefingOptions)
    current: int | None = None  # the article selected in the list
    built: bool = False  # a briefing had been built, so the window builds it again on opening
    problems: list[str] = field(default_factory=list)  # what reading skipped; never written

    def to_dict(self, folder: Path | None = None) -> dict[str, Any]:
        """The JSON object; with ``folder`` (the project file's), file paths relative to it too."""
        options = dataclasses.asdict(self.options)
        options["sections"] = list(options["sections"])
        options["parties"] = list(options["parties"])
        options.pop("leave_out")  # the edits' dropped points, saved with the edits
        return {"format": PROJECT_FORMAT, "version": PROJECT_VERSION,
                "articles": [_with_relative(a.to_dict(), folder) for a in self.articles],
                "edits": self.edits.to_dict(), "options": options, "current": self.current, "built": self.built}

    def to_json(self, folder: Path | None = None) -> str:
        return json.dumps(self.to_dict(folder), ensure_ascii=False, indent=1)


def _with_relative(entry: dict[str, Any], folder: Path | None) -> dict[str, Any]:
    if folder is not None and entry.get("path"):
        try:
            entry["relative"] = Path(os.path.relpath(entry["path"], folder)).as_posix()
        except ValueError:  # another drive on Windows: no relative path
            pass
    return entry


def _follow_move(article: ProjectArticle, raw: dict[str, Any], folder: Path) -> str | None:
    """Point a file article that is gone from its absolute path to where it is now relative
    to the project file, if it is there; returns the old path when it moved."""
    relative = raw.get("relative")
    if not article.path or os.path.exists(article.path) or not isinstance(relative, str) or not relative:
        return None
    moved = folder / relative
    if not moved.is_file():
        return None
    old, article.path = article.path, str(moved.resolve())
    return old


def _follow_moves_in_edits(edits: Edits, moves: dict[str, str]) -> None:
    """A pinned point cites its articles by path: cite them where they are now."""
    def key(k: str) -> str:
        return f"path:{moves[k[5:]]}" if k.startswith("path:") and k[5:] in moves else k
    for point in edits.pinned.values():
        point.sources = [key(k) for k in point.sources]
        point.related = [key(k) for k in point.related]


def save_project(project: Project, path: str | os.PathLike[str]) -> Path:
    """Write the project atomically; raises :class:`~briefing.output.OutputError`."""
    folder = Path(os.path.abspath(path)).parent
    return write_text_atomic(path, project.to_json(folder))


def project_from_dict(data: Any, name: str = "project", folder: Path | None = None) -> Project:
    """The project in ``data``; ``folder`` is the project file's, where moved articles are looked for."""
    if not isinstance(data, dict) or data.get("format") != PROJECT_FORMAT:
        raise ProjectError(f"{name} is not a briefing project file")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProjectError(f"{name} is damaged: it has no valid format version")
    if version > PROJECT_VERSION:
        raise ProjectError(f"{name} was saved by a newer version of this program (format {version}); "
                           "please update to open it")
    project = Project()
    moves: dict[str, str] = {}  # old path -> new path of articles moved with the project
    articles = data.get("articles", [])
    if not isinstance(articles, list):
        project.problems.append("the article list was damaged and has been left out")
        articles = []
    for n, raw in enumerate(articles, 1):
        try:
            article = ProjectArticle.from_dict(raw)
        except ValueError as exc:
            project.problems.append(f"article {n} was damaged ({exc}) and has been left out")
            continue
        old = _follow_move(article, raw, folder) if folder is not None else None
        if old is not None:
            moves[old] = article.path or old
        project.articles.append(article)
    try:
        project.edits = Edits.from_dict(data.get("edits", {}))
        _follow_moves_in_edits(project.edits, moves)
    except (ValueError, TypeError) as exc:
        project.problems.append(f"your edits were damaged ({exc}) and have been reset")
    project.options = _options_from_dict(data.get("options", {}), project.problems)
    current = data.get("current")
    if isinstance(current, int) and not isinstance(current, bool) and 0 <= current < len(project.articles):
        project.current = current
    project.built = data.get("built") is True
    return project


def _options_from_dict(data: Any, problems: list[str]) -> BriefingOptions:
    if not isinstance(data, dict):
        problems.append("the build options were damaged and have been reset")
        return BriefingOptions()
    defaults = BriefingOptions()
    values: dict[str, Any] = {}
    for f in dataclasses.fields(BriefingOptions):
        if f.name not in data or f.name == "leave_out":
            continue
        value, default = data[f.name], getattr(defaults, f.name)
        if f.name == "sections" and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            values[f.name] = tuple(value)
        elif f.name == "parties" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            values[f.name] = tuple(value)
        elif default is None and (value is None or isinstance(value, str)):
            values[f.name] = value
        elif type(value) is type(default) or (isinstance(default, float) and type(value) is int):
            values[f.name] = value
        else:
            problems.append(f"the option '{f.name}' was damaged and has been reset")
    try:
        return BriefingOptions(**values)
    except (ValueError, TypeError) as exc:
        problems.append(f"the build options were invalid ({exc}) and have been reset")
        return BriefingOptions()


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file; raises :class:`ProjectError` if it cannot be used at all."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ProjectError(f"{p.name} does not exist") from None
    except OSError as exc:
        raise ProjectError(f"cannot read {p.name}: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise ProjectError(f"{p.name} is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProjectError(f"{p.name} is not a briefing project file (not text)") from None
    except json.JSONDecodeError as exc:
        if not raw.lstrip().startswith(b"{"):  # an article or a note picked by mistake
            raise ProjectError(f"{p.name} is not a briefing project file (if it is an article, add it to "
                               "the article list instead)") from None
        raise ProjectError(f"{p.name} is damaged: it breaks off or is garbled near line {exc.lineno}") from None
    except RecursionError:
        raise ProjectError(f"{p.name} is damaged (nested too deeply)") from None
    return project_from_dict(data, p.name, Path(os.path.abspath(p)).parent)
