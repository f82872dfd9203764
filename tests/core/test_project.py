"""The project file: a session saved as JSON, written atomically, read tolerantly."""
from __future__ import annotations

import json
import shutil

import pytest

from briefing import BriefingOptions
from briefing.edits import Edits, PinnedPoint
from briefing.output import OutputError
from briefing.project import Project, ProjectArticle, ProjectError, load_project, save_project


@pytest.fixture
def project() -> Project:
    edits = Edits(title="River talks", words_per_section=90, marking="Internal", parties=["Lakeland", "Norvia"])
    edits.drop("Some point.")
    edits.set_party("Norvia will offer water.", "Norvia")
    return Project(articles=[ProjectArticle(path="/news/a.txt"),
                             ProjectArticle(text="Pasted text about the talks.", title="Pasted", checked=False),
                             ProjectArticle(url="https://example.org/story", text="Fetched text.")],
                   edits=edits, options=BriefingOptions(words_per_section=90, min_sentence_words=5,
                                                        parties=("Lakeland", "Norvia")),
                   current=1, built=True)


def test_round_trip(project, tmp_path):
    path = save_project(project, tmp_path / "talks.briefing")
    again = load_project(path)
    assert again == project
    assert again.problems == []


def test_articles_moved_with_their_project_are_found_in_the_new_place(tmp_path):
    old = tmp_path / "old"
    (old / "news").mkdir(parents=True)
    article = old / "news" / "a.txt"
    article.write_text("Article text.", encoding="utf-8")
    edits = Edits()
    edits.pinned["k"] = PinnedPoint(text="Article text.", section="risks", sources=[f"path:{article}"],
                                    related=["path:/gone/b.txt"])
    save_project(Project(articles=[ProjectArticle(path=str(article)), ProjectArticle(path="/gone/b.txt")],
                         edits=edits), old / "talks.briefing")
    old.rename(tmp_path / "new")
    again = load_project(tmp_path / "new" / "talks.briefing")
    assert again.articles[0].path == str((tmp_path / "new" / "news" / "a.txt").resolve())
    assert again.edits.pinned["k"].sources == [f"path:{again.articles[0].path}"]  # a pin still cites it
    assert again.edits.pinned["k"].related == ["path:/gone/b.txt"]
    assert again.articles[1].path == "/gone/b.txt"  # not found anywhere: kept, and shown as missing


def test_a_copied_project_keeps_reading_the_original_articles_while_they_exist(tmp_path):
    (tmp_path / "p" / "news").mkdir(parents=True)
    article = tmp_path / "p" / "news" / "a.txt"
    article.write_text("Article text.", encoding="utf-8")
    save_project(Project(articles=[ProjectArticle(path=str(article))]), tmp_path / "p" / "talks.briefing")
    shutil.copytree(tmp_path / "p", tmp_path / "q")
    assert load_project(tmp_path / "q" / "talks.briefing").articles[0].path == str(article)


def test_save_leaves_no_temporary_file_and_replaces_old(project, tmp_path):
    path = tmp_path / "talks.briefing"
    path.write_text("old", encoding="utf-8")
    save_project(project, path)
    assert [p.name for p in tmp_path.iterdir()] == ["talks.briefing"]
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "briefing-project"


def test_save_into_missing_folder_is_an_output_error(project, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        save_project(project, tmp_path / "nowhere" / "talks.briefing")


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b'{"format": "briefing-project", "version": 1, "articles": [', "damaged: it breaks off .*near line 1"),
    (b"Talks Open In Selby\n\nOslo wants a quota.", "not a briefing project file .*article list"),
    (b"\xff\xfe\x00\x01garbage", "not a briefing project"),
    (b'{"hello": 1}', "not a briefing project"),
    (b'{"format": "briefing-project", "version": 7}', "newer version"),
    (b'{"format": "briefing-project"}', "no valid format version"),
    (b"[" * 100000, "damaged"),
])
def test_unusable_file_raises_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.briefing"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        load_project(path)


def test_missing_file(tmp_path):
    with pytest.raises(ProjectError, match="does not exist"):
        load_project(tmp_path / "gone.briefing")


def test_damaged_parts_are_skipped_and_reported(project, tmp_path):
    data = project.to_dict()
    data["articles"].insert(1, {"checked": True})
    data["articles"].insert(2, "not an entry")
    data["articles"].append({"path": 5})
    data["edits"]["words_per_section"] = "many"
    data["options"]["min_sentence_words"] = "few"
    data["current"] = 99
    path = tmp_path / "damaged.briefing"
    path.write_text(json.dumps(data), encoding="utf-8")
    again = load_project(path)
    assert again.articles == project.articles
    assert again.edits == Edits()
    assert again.options == BriefingOptions(words_per_section=90, parties=("Lakeland", "Norvia"))
    assert again.current is None
    assert len(again.problems) == 5
    assert any("article 2" in p and "no path, link or text" in p for p in again.problems)
    assert any("edits" in p for p in again.problems)
    assert any("min_sentence_words" in p for p in again.problems)


def test_invalid_option_values_reset_options(tmp_path, project):
    data = project.to_dict()
    data["options"]["words_per_section"] = 2
    path = tmp_path / "p.briefing"
    path.write_text(json.dumps(data), encoding="utf-8")
    again = load_project(path)
    assert again.options == BriefingOptions()
    assert any("options were invalid" in p for p in again.problems)
