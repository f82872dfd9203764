import json
import shutil
import subprocess
import sys

import pytest

from briefing.cli import main
from briefing.model import Briefing
from briefing.render_pdf import find_soffice


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def test_demo_builds_from_the_built_in_samples(tmp_path):
    out = tmp_path / "demo.docx"
    assert main(["demo", "-o", str(out), "--json", str(tmp_path / "demo.json")]) == 0
    data = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    assert out.stat().st_size > 0
    assert len(data["sources"]) >= 4
    assert all(s["points"] for s in data["sections"][:3])


def test_usage_errors_exit_2(tmp_path):
    assert run("build").returncode == 2
    assert run("build", str(tmp_path)).returncode == 2  # no -o
    bad = run("build", str(tmp_path), "-o", str(tmp_path / "x.docx"), "--words-per-section", "many")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_two_outputs_naming_one_file_is_a_usage_error(tmp_path):
    """--json over the Word file would leave JSON in a .docx and still exit 0."""
    out = tmp_path / "o.docx"
    proc = run("build", str(tmp_path), "-o", str(out), "--json", str(tmp_path / "." / "o.docx"))
    assert proc.returncode == 2
    assert "-o and --json name the same file" in proc.stderr and not out.exists()


def test_no_usable_input_exits_1_and_names_each_file(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    proc = run("build", str(tmp_path), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.docx"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    for name in ("empty.txt", "image.png", "missing.txt"):
        assert sum(name in line for line in lines) == 1, proc.stderr
    assert not (tmp_path / "x.docx").exists()


def test_unwritable_output_exits_1(tmp_path, seeds_dir):
    proc = run("build", str(seeds_dir), "-o", str(tmp_path / "no" / "such" / "dir" / "x.docx"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "x.docx" in proc.stderr


@pytest.mark.parametrize("budget", [60, 300])
def test_word_budget_is_respected(tmp_path, seeds_dir, budget):
    proc = run("build", str(seeds_dir), "-o", str(tmp_path / "b.docx"), "--json", str(tmp_path / "b.json"),
               "--words-per-section", str(budget))
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    for section in data["sections"][:3]:
        assert sum(len(p["text"].split()) for p in section["points"]) <= budget


def test_demo_uses_only_the_sample_articles():
    from briefing.sample_articles import sample_paths

    paths = sample_paths()
    assert len(paths) == 5 and all(p.suffix == ".txt" for p in paths)


def test_output_names_and_folders_are_checked_before_any_work(tmp_path, seeds_dir):
    wrong = run("build", str(seeds_dir), "-o", str(tmp_path / "briefing.txt"))
    assert wrong.returncode == 2 and ".docx" in wrong.stderr
    missing = run("build", str(seeds_dir), "-o", str(tmp_path / "b.docx"), "--json", str(tmp_path / "no" / "b.json"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    assert not (tmp_path / "b.docx").exists()


def test_an_empty_section_is_warned_about_and_not_called_empty_of_facts(tmp_path, seeds_dir):
    proc = run("build", str(seeds_dir), "-o", str(tmp_path / "b.docx"), "--md", str(tmp_path / "b.md"),
               "--words-per-section", "12")
    assert proc.returncode == 0
    assert "warning: no point for objectives" in proc.stderr
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "state nothing" not in md and "was chosen for objectives at this length" in md
    assert "a larger --words-per-section may find one" in proc.stderr  # there were objectives, all too long


def test_a_section_no_sentence_belongs_to_is_not_blamed_on_the_budget(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Harbour Festival Opens\nThe harbour festival opened on Saturday with music on three stages.\n"
        "About 40,000 visitors walked the quays during the afternoon and evening.\n"
        "Food stalls from twelve towns sold fish soup, pastries and cider near the old crane.\n"
        "The organisers want the council to fund a second stage next summer.\n", encoding="utf-8")
    proc = run("build", str(folder), "-o", str(tmp_path / "b.docx"), "--words-per-section", "1000",
               "--md", str(tmp_path / "b.md"), "--json", str(tmp_path / "b.json"))
    assert proc.returncode == 0
    assert "warning: no point for risks: no sentence of the articles reads as one" in proc.stderr
    assert "larger --words-per-section" not in proc.stderr
    # The document says the same as the warning, and so does a briefing read back from JSON.
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "No sentence of these articles reads as risks." in md and "at this length" not in md
    briefing = Briefing.from_dict(json.loads((tmp_path / "b.json").read_text(encoding="utf-8")))
    assert briefing.section("risks").empty_note == "No sentence of these articles reads as risks."


def test_a_briefing_with_no_point_at_all_is_not_written_and_exits_1(tmp_path):
    """Headings over empty sections are not a briefing; a script must see that it failed."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Harbour Festival Opens\nThe harbour festival opened on Saturday with music on three stages.\n"
        "About 40,000 visitors walked the quays during the afternoon and evening.\n", encoding="utf-8")
    proc = run("build", str(folder), "-o", str(tmp_path / "b.docx"), "--json", str(tmp_path / "b.json"))
    assert proc.returncode == 1
    assert "nothing written: the briefing would have no point at all" in proc.stderr
    assert not (tmp_path / "b.docx").exists() and not (tmp_path / "b.json").exists()
    assert "no sentence made a point in any section" in " ".join(run("build", "--help").stdout.split())


def test_an_article_about_something_else_is_named_on_stderr(tmp_path):
    from pathlib import Path
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    stray = fixtures / "off_topic" / "cycle_lanes.txt"
    proc = run("build", str(fixtures / "river_summit"), str(stray), "-o", str(tmp_path / "b.docx"))
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "shares few words" in line]
    assert len(warnings) == 1 and "cycle_lanes.txt" in warnings[0]
    alone = run("build", str(fixtures / "river_summit"), "-o", str(tmp_path / "c.docx"))
    assert "shares few words" not in alone.stderr
    assert "two different meetings" not in alone.stderr


def test_warnings_name_the_right_file_after_a_copy_in_the_middle_is_left_out(tmp_path, capsys):
    """The build renumbers the sources after a copy it leaves out; the warnings must still
    name the off-topic and the German article, not the files now holding their numbers."""
    from pathlib import Path
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    first, *rest = sorted((fixtures / "river_summit").glob("*.txt"))
    lines = [line for line in first.read_text(encoding="utf-8").splitlines() if line.strip()]
    page = tmp_path / "first_as_page.html"
    page.write_text("<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>", encoding="utf-8")
    inputs = [first, page, *rest, fixtures / "off_topic" / "cycle_lanes.txt",
              fixtures / "other_languages" / "hafengespraeche.txt"]
    out = tmp_path / "b.json"
    assert main(["build", *map(str, inputs), "-o", str(tmp_path / "b.docx"), "--json", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [s["id"] for s in json.loads(out.read_text(encoding="utf-8"))["sources"]] == [str(i) for i in range(1, 7)]
    named = {line.split(": ")[2] for line in err if "shares few words" in line}
    assert "cycle_lanes.txt" in named and named <= {"cycle_lanes.txt", "hafengespraeche.txt"}
    foreign = [line for line in err if "does not read as English" in line]
    assert len(foreign) == 1 and "hafengespraeche.txt" in foreign[0]
    assert any(line.startswith("briefing: skipped first_as_page.html: same text as") for line in err)


def test_two_meetings_in_one_build_are_warned_about_with_a_headline_of_each(tmp_path):
    from pathlib import Path
    summits = Path(__file__).resolve().parents[1] / "fixtures" / "summits"
    proc = run("build", str(summits / "trade_talks"), str(summits / "ceasefire"), "-o", str(tmp_path / "b.docx"))
    assert proc.returncode == 0, proc.stderr
    warning = next(line for line in proc.stderr.splitlines() if "two different meetings" in line)
    assert "5 articles like “" in warning and "4 articles like “" in warning
    assert "01_wire_talks_open.txt" in warning and "05_blog_six_questions.txt" in warning


def test_two_meetings_with_files_of_one_name_say_which_folder_each_is_in(tmp_path):
    from pathlib import Path
    summits = Path(__file__).resolve().parents[1] / "fixtures" / "summits"
    for name in ("camp_david", "sochi"):
        shutil.copytree(summits / name, tmp_path / name)
    proc = run("build", str(tmp_path / "camp_david"), str(tmp_path / "sochi"), "-o", str(tmp_path / "b.docx"))
    warning = next(line for line in proc.stderr.splitlines() if "two different meetings" in line)
    assert "camp_david/01_meridian_wire.txt" in warning and "sochi/01_meridian_wire.txt" in warning
    assert "camp_david/02_han_river_herald.txt" not in warning  # a name of its own needs no folder


def test_an_output_naming_one_of_the_articles_is_a_usage_error(tmp_path, seeds_dir):
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    article = sorted(folder.glob("*.txt"))[0]
    kept = article.read_bytes()
    proc = run("build", str(folder), "-o", str(tmp_path / "b.docx"), "--md", str(article))
    assert proc.returncode == 2 and "is one of the input files" in proc.stderr
    assert article.read_bytes() == kept and not (tmp_path / "b.docx").exists()


def test_an_input_that_could_not_be_read_is_not_overwritten_but_an_earlier_briefing_is(tmp_path, seeds_dir):
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    notes = folder / "notes.docx"
    notes.write_text("plain text with a .docx name", encoding="utf-8")
    proc = run("build", str(folder), "-o", str(notes))
    assert proc.returncode == 2 and "is one of the input files" in proc.stderr
    assert notes.read_text(encoding="utf-8") == "plain text with a .docx name"
    assert run("build", str(folder), "-o", str(folder / "b.docx")).returncode == 0
    assert run("build", str(folder), "-o", str(folder / "b.docx")).returncode == 0  # replaces the earlier one


@pytest.mark.skipif(find_soffice() is None, reason="PDF export needs LibreOffice")
def test_earlier_briefings_of_every_kind_in_the_input_folder_are_not_articles(tmp_path, seeds_dir):
    """A briefing left beside its articles must not be cited as a source of the next one."""
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    first = run("build", str(folder), "-o", str(folder / "b.docx"), "--md", str(folder / "b.md"),
                "--pdf", str(folder / "b.pdf"), "--json", str(tmp_path / "first.json"))
    assert first.returncode == 0, first.stderr
    again = run("build", str(folder), "-o", str(tmp_path / "again.docx"), "--json", str(tmp_path / "again.json"))
    assert again.returncode == 0
    for name in ("b.docx", "b.md", "b.pdf"):
        assert f"skipped {folder / name}: a briefing written by this program" in again.stderr
    first_sources, again_sources = (json.loads((tmp_path / name).read_text(encoding="utf-8"))["sources"]
                                    for name in ("first.json", "again.json"))
    assert len(again_sources) == len(first_sources)


def test_an_article_not_in_english_is_named_on_stderr(tmp_path):
    from pathlib import Path
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    proc = run("build", str(fixtures / "river_summit"), str(fixtures / "other_languages" / "hafengespraeche.txt"),
               "-o", str(tmp_path / "b.docx"))
    assert proc.returncode == 0
    assert "warning: hafengespraeche.txt: does not read as English" in proc.stderr
    assert proc.stderr.count("does not read as English") == 1


def test_parties_named_on_the_command_line_group_the_points(tmp_path):
    from pathlib import Path

    river = Path(__file__).resolve().parents[1] / "fixtures" / "river_summit"
    out, js = tmp_path / "r.docx", tmp_path / "r.json"
    assert main(["build", str(river), "-o", str(out), "--json", str(js), "--parties", "lakeland; Norvia"]) == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["parties"] == ["Lakeland", "Norvia"]
    aims = {p["text"]: p.get("party") for p in data["sections"][0]["points"]}
    assert any(t.startswith("Lakeland wants") and party == "Lakeland" for t, party in aims.items())
    bad = run("build", str(river), "-o", str(tmp_path / "x.docx"), "--parties", " , ")
    assert bad.returncode == 2 and "name at least one party" in bad.stderr
    misspelt = run("build", str(river), "-o", str(tmp_path / "m.docx"), "--parties", "Lakelnd, Norvia")
    assert misspelt.returncode == 0
    assert "warning: --parties: no article names “Lakelnd”" in misspelt.stderr and "“Norvia”" not in misspelt.stderr
