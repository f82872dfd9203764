from pathlib import Path

import pytest

from briefing.model import Briefing
from briefing.render_markdown import briefing_markdown, escape, render_markdown

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "briefing.json"


@pytest.fixture
def briefing() -> Briefing:
    return Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))


def test_same_parts_in_the_same_order_as_the_word_briefing(briefing):
    md = briefing_markdown(briefing)
    lines = md.splitlines()
    assert lines[0] == f"# {briefing.title}"
    assert f"*{briefing.event}*" in lines
    assert any(line.startswith("Prepared 10 June 2031") and "Based on 3 articles" in line for line in lines)
    h2 = [line[3:] for line in lines if line.startswith("## ")]
    assert h2 == ["Key takeaways", "Objectives", "Concessions", "Risks", "Key figures", "Notable quotes", "Sources"]
    assert [line[4:] for line in lines if line.startswith("### ")] == ["Shared or unattributed", "Norway", "Chile", "Norway", "Chile"]


def test_points_are_verbatim_with_citations_and_support(briefing):
    md = briefing_markdown(briefing)
    assert ("- Chile is seeking guaranteed access for its lithium to European battery plants and an end to "
            "Norwegian tariffs on processed fish. [1][2] *(3 sources; also reported by [3])*") in md.splitlines()
    for section in briefing.sections:
        for point in section.points:
            assert escape(point.text) in md


def test_figures_table_quotes_and_sources(briefing):
    lines = briefing_markdown(briefing).splitlines()
    start = lines.index("| Figure | What it refers to | Source |")
    assert lines[start + 1] == "|---|---|---|"
    rows = lines[start + 2:start + 2 + len(briefing.figures)]
    assert all(r.startswith("| ") and r.count(" | ") == 2 for r in rows)
    assert rows[0].startswith("| $250 million | Norway is prepared")
    assert "> “Chile will not accept rules written in Oslo for farms in Patagonia” — Mateo Rivas [2]" in lines
    assert "- [2] What Chile wants from the Oslo meeting \u2014 Southern Ledger \u00b7 " \
           "<https://ledger.example.org/chile-oslo>" in lines
    assert "- [1] Norway and Chile Open Talks on Salmon, Lithium and Ocean Rules \u2014 Coast Courier, " \
           "9 June 2031 \u00b7 01_coast_courier.txt" in lines  # reads well as plain text


def test_marking_top_and_bottom(briefing):
    briefing.marking = "Official - Sensitive"
    lines = briefing_markdown(briefing).splitlines()
    assert lines[0] == lines[-1] == "**OFFICIAL - SENSITIVE**"


def test_markdown_syntax_in_article_text_is_inert(briefing):
    briefing.sections[0].points[0].text = ("# Not a heading: *stars* and a | pipe, [a](link), [b][c], "
                                           "_under_ and <b>tag</b>")
    briefing.figures[0].context = "a | b"
    md = briefing_markdown(briefing)
    assert "\\*stars\\*" in md and "\\| pipe" in md and "\\<b\\>" in md
    assert "[a\\](link)" in md and "[b\\][c]" in md and "\\_under\\_" in md
    briefing.sections[0].points[0].text = "[ ] not a task box, ~~not struck~~, &copy; not an entity"
    md = briefing_markdown(briefing)
    assert "\\[ ] not a task box, \\~\\~not struck\\~\\~, \\&copy; not" in md
    assert "| a \\| b |" in md


def test_render_markdown_writes_utf8(briefing, tmp_path):
    path = render_markdown(briefing, tmp_path / "b.md")
    assert path.read_text(encoding="utf-8") == briefing_markdown(briefing)


def test_context_sentence_is_set_in_italics_before_the_point(briefing):
    point = briefing.sections[1].points[0]
    point.context = "Ardenia is expected to offer several concessions."
    lines = [l for l in briefing_markdown(briefing).splitlines() if point.text in l]
    assert f"- *{point.context}* {point.text} [" in lines[-1]  # under its section
    assert f":** *{point.context}* {point.text}" in lines[0]  # and among the takeaways
