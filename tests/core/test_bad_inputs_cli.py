"""End to end: a folder of every bad input beside good files and the seeds builds, naming each bad file once."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.load import shown

from input_files import write_bad_inputs, write_good_inputs

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"


def build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing", "build", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="backslashreplace", timeout=120, cwd=REPO)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.fail(f"the shared seed articles are missing: {SEEDS} (CI keeps ../shared beside the repo)")
    root = tmp_path_factory.mktemp("inputs")
    bad = write_bad_inputs(root / "bad")
    good = write_good_inputs(root / "good")
    shutil.copytree(SEEDS, root / "seeds", ignore=shutil.ignore_patterns(".*"))
    return root, bad, good


def test_everything_beside_the_seeds_builds_and_every_bad_file_is_named_once(mixed_folder, tmp_path):
    root, bad, good = mixed_folder
    out, js = tmp_path / "briefing.docx", tmp_path / "briefing.json"
    proc = build(str(root), "-o", str(out), "--json", str(js))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert all(line.startswith("briefing: ") for line in lines), proc.stderr
    for path, reason in bad.items():
        named = [line for line in lines if f"{shown(path)}: " in line]
        assert len(named) == 1, (path, proc.stderr)
        assert __import__("re").search(reason, named[0]), named[0]

    data = json.loads(js.read_text(encoding="utf-8"))
    sources = {s["path"] for s in data["sources"]}
    for path in good.values():
        assert os.path.abspath(path) in sources, path
    for seed in sorted((root / "seeds").glob("*.txt")):
        assert str(seed) in sources
    assert any(s["points"] for s in data["sections"])

    import docx

    assert docx.Document(str(out)).paragraphs  # the Word file is whole and opens


def test_a_link_and_a_missing_file_among_the_seeds(tmp_path):
    proc = build(str(SEEDS), "http://127.0.0.1:9/article", str(tmp_path / "gone.txt"), "-o", str(tmp_path / "b.docx"))
    assert proc.returncode == 0, proc.stderr
    assert "briefing: skipped http://127.0.0.1:9/article: could not connect" in proc.stderr
    assert f"briefing: skipped {tmp_path / 'gone.txt'}: no such file or folder" in proc.stderr


@pytest.mark.parametrize("make_target, message", [
    (lambda d: d / "missing" / "b.docx", "does not exist"),
    (lambda d: (d / "b.docx").mkdir() or d / "b.docx", "it is a folder"),
    (lambda d: (d / "file").write_text("x") and d / "file" / "b.docx", "is not a folder"),
])
def test_output_that_cannot_be_written_exits_1_with_a_clear_message(tmp_path, make_target, message):
    target = make_target(tmp_path)
    proc = build(str(SEEDS), "-o", str(target))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert f"briefing: cannot write {target}: " in proc.stderr and message in proc.stderr


def test_locked_output_keeps_the_previous_file(tmp_path):
    target = tmp_path / "b.docx"
    target.write_bytes(b"the previous briefing")
    (tmp_path / ".~lock.b.docx#").write_text("someone,host,2024")
    proc = build(str(SEEDS), "-o", str(target))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "open in LibreOffice" in proc.stderr
    assert target.read_bytes() == b"the previous briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~lock.b.docx#", "b.docx"]


def test_json_that_cannot_be_written_exits_1(tmp_path):
    (tmp_path / "b.json").mkdir()
    proc = build(str(SEEDS), "-o", str(tmp_path / "b.docx"), "--json", str(tmp_path / "b.json"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"cannot write {tmp_path / 'b.json'}: it is a folder" in proc.stderr


def test_only_bad_inputs_exit_1(tmp_path):
    write_bad_inputs(tmp_path, big_text_mb=11)
    proc = build(str(tmp_path), "-o", str(tmp_path / "b.docx"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "no usable input" in proc.stderr
    assert not (tmp_path / "b.docx").exists()
