"""The built-in sample articles (an invented summit), shipped inside the package."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_paths() -> list[Path]:
    """The sample article files, in order; never the folder's README."""
    with resources.as_file(resources.files("briefing").joinpath("samples")) as folder:
        path = Path(folder)
    if not path.is_dir():
        return []
    return sorted(f for f in path.iterdir() if f.is_file() and f.suffix.lower() == ".txt")
