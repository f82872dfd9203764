"""What a non-editable install ships: every subpackage, the data files, the templates.

Editable installs read the source tree and hide a package missing from pyproject.toml,
so this builds the real wheel and looks inside it.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    mapped = {str(Path(v)): k for k, v in config.get("package-dir", {}).items()}
    found = set()
    for init in REPO.glob("*/**/__init__.py"):
        folder = init.parent.relative_to(REPO)
        if folder.parts[0] in (".venv", "tests", "bench", "tools", "docs", "build"):
            continue
        found.add(mapped.get(str(folder), ".".join(folder.parts)))
    assert found <= listed, f"not in [tool.setuptools] packages: {sorted(found - listed)}"


def test_the_wheel_holds_code_data_and_templates(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "-w", str(tmp_path), str(REPO)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    [wheel] = tmp_path.glob("briefing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("briefing/formats/html.py", "briefing/resources/cues/objectives.txt",
                     "briefing/resources/abbreviations.txt", "briefing/templates/standard.docx",
                     "briefing/templates/compact.docx", "gui/app.py"):
        assert expected in names, expected
    assert sum(n.startswith("briefing/samples/") and n.endswith(".txt") for n in names) == 5
