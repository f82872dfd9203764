"""End to end on the shared seed articles, through the command line, as a user runs it.

Pins the quality floors (like trafilatura's eval gate): the same scorer the project is
judged by, on the real seed articles, at 150 words a section. The floors are the figures
the method reaches today, so that no change makes them worse; issue 2 asks for 0.85 in
every section, which objectives and risks do not reach yet (see the README).
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from briefing.tokens import normalize_for_match

FLOORS = {"recall": {"objectives": 0.6, "concessions": 0.8, "risks": 0.6},
          "misplaced": 1, "redundant": 0, "boilerplate": 0, "verbatim": 1.0}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("seeds")
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(seeds_dir), "-o", str(out / "b.docx"),
         "--json", str(out / "b.json"), "--words-per-section", "150"],
        capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out, json.loads((out / "b.json").read_text(encoding="utf-8"))


def load_scorer(shared_dir: Path):
    spec = importlib.util.spec_from_file_location("score_briefing", shared_dir / "eval" / "score_briefing.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_json_contract(seed_build, seeds_dir):
    _, data = seed_build
    assert isinstance(data["title"], str) and data["title"]
    ids = {s["id"] for s in data["sources"]}
    assert len(data["sources"]) == 5
    for s in data["sources"]:
        assert {"id", "title", "path"} <= set(s) and Path(s["path"]).is_absolute()
    keys = [s["key"] for s in data["sections"]]
    assert keys[:3] == ["objectives", "concessions", "risks"]
    for section in data["sections"][:3]:
        assert section["heading"] and section["points"]
        assert sum(len(p["text"].split()) for p in section["points"]) <= 150
        for point in section["points"]:
            assert point["sources"] and set(point["sources"]) <= ids
            for sid in point["sources"]:
                path = next(s["path"] for s in data["sources"] if s["id"] == sid)
                source_text = normalize_for_match(Path(path).read_text(encoding="utf-8"))
                assert normalize_for_match(point["text"]) in source_text


def test_docx_reads_back_with_every_point(seed_build):
    out, data = seed_build
    doc = Document(str(out / "b.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    for section in data["sections"][:3]:
        assert section["heading"] in text
        for point in section["points"]:
            assert point["text"] in text


def test_eval_floors(seed_build, shared_dir):
    out, _ = seed_build
    scorer = load_scorer(shared_dir)
    nuggets = json.loads((shared_dir / "eval" / "seeds.nuggets.json").read_text(encoding="utf-8"))
    brief = json.loads((out / "b.json").read_text(encoding="utf-8"))
    sections = {s["key"]: scorer.cap_words(s.get("points", []), 150) for s in brief["sections"]}
    result = scorer.score(nuggets, sections, brief["sources"], base=out)
    for key, figures in result["sections"].items():
        assert figures["recall"] >= FLOORS["recall"][key], (key, figures)
    assert result["misplaced"] <= FLOORS["misplaced"]
    assert result["redundant"] == FLOORS["redundant"], result["redundant_pairs"]
    assert result["boilerplate"] == FLOORS["boilerplate"]
    assert result["verbatim"] == FLOORS["verbatim"]
