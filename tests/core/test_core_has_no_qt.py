"""The core never imports Qt or the window (as in napari and Anki): checked two ways."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_core_imports_and_builds_with_qt_blocked(tmp_path):
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'gui'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import briefing, briefing.cli, briefing.pipeline, briefing.render_docx\n"
        "from briefing import load_inputs, build_briefing, render_docx\n"
        f"res = build_briefing(load_inputs([{str(REPO / 'briefing' / 'samples')!r}]).articles)\n"
        f"render_docx(res.briefing, {str(tmp_path / 'b.docx')!r})\n"
        "assert not any(m.split('.')[0] in ('PySide6', 'gui') for m in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_import_linter_contract():
    """The contract in pyproject.toml ([tool.importlinter]) is kept."""
    lint = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "KEPT" in proc.stdout
