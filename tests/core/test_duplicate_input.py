"""Duplicated input changes nothing: the same article under three names is one source."""
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefing import build_briefing, load_inputs

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "fisheries_talks"


def briefing_by_content(result) -> dict:
    """The briefing with source ids and paths replaced by titles: what a reader sees."""
    b = result.briefing
    title_of = {s.id: s.title for s in b.sources}
    return {
        "title": b.title,
        "sources": sorted((s.title, s.words) for s in b.sources),
        "sections": [(s.key, [(p.text, [title_of[i] for i in p.sources], [title_of[i] for i in p.related], p.score)
                              for p in s.points]) for s in b.sections],
    }


def triplicate(folder: Path, into: Path) -> Path:
    """Every file three times: as it is, as "<name> (2)" (sorts first) and as "copy of <name>"."""
    into.mkdir()
    for f in sorted(folder.glob("*.txt")):
        shutil.copyfile(f, into / f.name)
        shutil.copyfile(f, into / f"{f.stem} (2){f.suffix}")
        shutil.copyfile(f, into / f"copy of {f.name}")
    return into


@pytest.mark.parametrize("folder", [
    pytest.param(SEEDS, id="seeds", marks=pytest.mark.skipif(not SEEDS.is_dir(), reason="no seed articles here")),
    pytest.param(FIXTURES, id="fixtures"),
])
def test_each_file_three_times_gives_the_same_briefing(folder, tmp_path):
    once = load_inputs([folder])
    thrice = load_inputs([triplicate(folder, tmp_path / "thrice")])
    # Copies are left out as they are read, so the sources are numbered [1] ... [n] without gaps.
    assert [a.id for a in thrice.articles] == [str(i + 1) for i in range(len(once.articles))]
    assert len(thrice.problems) == 2 * len(once.articles)
    assert all("counted once" in p.reason for p in thrice.problems)

    expected = build_briefing(once.articles)
    result = build_briefing(thrice.articles)
    assert any(s.points for s in expected.briefing.sections)
    assert briefing_by_content(result) == briefing_by_content(expected)


def test_copies_added_one_by_one_are_counted_once_by_the_build():
    """The window adds articles in several steps; the build still counts a copy once."""
    once = load_inputs([FIXTURES]).articles
    copies = [replace(a, id=str(len(once) + i + 1)) for i, a in enumerate(once)]
    expected = build_briefing(once)
    result = build_briefing(once + copies)
    assert len(result.briefing.sources) == len(once)
    assert len(result.skipped) == len(once) and all("counted once" in p.reason for p in result.skipped)
    assert briefing_by_content(result) == briefing_by_content(expected)


def saved_as_web_page(original: Path, page: Path) -> Path:
    lines = [line for line in original.read_text(encoding="utf-8").splitlines() if line.strip()]
    page.write_text(f"<html><head><title>{lines[0]}</title></head><body><h1>{lines[0]}</h1>"
                    + "".join(f"<p>{line}</p>" for line in lines[1:]) + "<p>Share this article</p></body></html>",
                    encoding="utf-8")
    return page


def test_the_same_story_in_another_format_is_counted_once(tmp_path):
    """A web page saved from the same story differs in bytes, not in sentences."""
    page = saved_as_web_page(sorted(FIXTURES.glob("*.txt"))[0], tmp_path / "saved_page.html")
    once = load_inputs([FIXTURES]).articles
    both = load_inputs([FIXTURES, page]).articles
    assert len(both) == len(once) + 1  # the loader cannot tell: the bytes differ
    result = build_briefing(both)
    copy_id = both[-1].id
    assert result.copies == {copy_id: both[0].id}
    assert [p.source for p in result.skipped] == ["saved_page.html"]
    assert "counted once" in result.skipped[0].reason
    assert briefing_by_content(result) == briefing_by_content(build_briefing(once))


def test_a_copy_in_another_format_in_the_middle_leaves_no_gap_in_the_sources(tmp_path):
    """Read as [1] story, [2] its web page, [3] ... : the page is left out by the build, and
    the sources after it are numbered anew, so the Word file cites [1], [2], [3], never a
    missing [2]. Every id in the result is a new one."""
    first, *rest = sorted(FIXTURES.glob("*.txt"))
    page = saved_as_web_page(first, tmp_path / "saved_page.html")
    loaded = load_inputs([first, page, *rest]).articles
    assert [a.id for a in loaded] == [str(i) for i in range(1, len(rest) + 3)]
    result = build_briefing(loaded)
    numbers = [str(i) for i in range(1, len(rest) + 2)]
    assert [s.id for s in result.briefing.sources] == numbers
    assert result.renumbered == {"2": "copy-2", **{str(i + 1): str(i) for i in range(2, len(rest) + 2)}}
    assert result.copies == {"copy-2": "1"}
    cited = {i for s in result.briefing.sections for p in s.points for i in (*p.sources, *p.related)}
    assert cited and cited <= set(numbers)
    assert [ca.article.id for ca in result.cleaned] == numbers
    assert {m.article_id for c in result.candidates for m in c.members} <= set(numbers)
    assert briefing_by_content(result) == briefing_by_content(build_briefing(load_inputs([first, *rest]).articles))


def test_what_was_left_out_is_said_with_the_new_numbers():
    """Text given without a file is named by its number: after renumbering, "same text as 3"
    would name the wrong article."""
    from briefing.load import article_from_text
    stories = [f.read_text(encoding="utf-8") for f in sorted(FIXTURES.glob("*.txt"))[:3]]
    articles = [article_from_text(t, source_id=str(i)) for i, t in enumerate([stories[0], stories[1], stories[1],
                                                                              stories[2]], 1)]
    result = build_briefing(articles)
    assert [s.id for s in result.briefing.sources] == ["1", "2", "3"]
    assert [(p.source, p.reason) for p in result.skipped] == [("copy-3", "same text as 2; counted once")]


@pytest.mark.parametrize("kept, left_out, expected", [
    (["1", "2", "3"], ["4"], {}),  # the copy was last: no gap
    (["2", "3"], ["4"], {}),  # a gap the caller made is the caller's
    (["1", "3"], ["2"], {"3": "2", "2": "copy-2"}),
    (["2", "3", "5"], ["4"], {"5": "4", "4": "copy-4"}),
    (["a", "c"], ["b"], {}),  # ids that are not numbers are the caller's own: kept
    (["1", "3"], ["same-2", "2"], {"3": "2", "2": "copy-2"}),  # only a number could be taken twice
    (["2", "10"], ["1"], {"2": "1", "10": "9", "1": "copy-1"}),  # number order, not text order
])
def test_closed_numbering(kept, left_out, expected):
    from briefing.pipeline import closed_numbering
    assert closed_numbering(kept, left_out) == expected


def test_an_article_sharing_a_few_sentences_with_another_is_no_copy():
    from briefing.pipeline import copied_articles
    first = ["Talks open on Monday.", "Oslo wants a quota.", "Reykjavik may offer access.", "Fleets are idle."]
    later = ["Talks open on Monday.", "Oslo wants a quota.", "Observers fear a walkout.", "Prices rose."]
    assert copied_articles({"1": first, "2": later}) == {}
    assert copied_articles({"1": first, "2": list(reversed(first))}) == {"2": "1"}
    # a copy of an article that shares sentences with an earlier one is still its copy
    assert copied_articles({"1": first, "2": later, "3": list(later)}) == {"3": "2"}


def test_a_copy_with_sentences_of_its_own_says_they_were_left_out():
    from briefing.documents import Article
    from briefing.pipeline import copy_reason
    original = Article(id="1", title="Talks", text="", path=Path("talks.txt"))
    reason = copy_reason(["Talks open on Monday.", "A walkout is feared."], original, ["Talks open on Monday."])
    assert reason == "same text as talks.txt; counted once (1 sentence of its own left out)"
