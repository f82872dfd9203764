"""The load stage: folders, links, odd names and every bad file named once with its reason."""
import os
from pathlib import Path

import pytest

from briefing import load as load_module
from briefing.documents import Article
from briefing.formats import LoadError, LoadLimits
from briefing.load import article_from_text, list_inputs, load_inputs, shown
from briefing.pipeline import build_briefing

from input_files import FISHERIES, RIVER, article, write_bad_inputs, write_good_inputs


def reasons(result) -> dict[str, str]:
    return {p.source: p.reason for p in result.problems}


def test_every_good_format_and_name_is_read_with_metadata(tmp_path):
    good = write_good_inputs(tmp_path)
    loaded = load_inputs([tmp_path])
    assert loaded.problems == []
    by_path = {a.path: a for a in loaded.articles}
    assert set(by_path) == {Path(os.path.abspath(p)) for p in good.values()}
    assert [a.id for a in loaded.articles] == [str(i) for i in range(1, len(good) + 1)]
    eml = by_path[good["eml"]]
    assert (eml.title, eml.outlet, eml.date) == ("Morning Brief: rail corridor talks", "Corridor Weekly", "2031-03-04")
    html = by_path[good["html"]]
    assert (html.title, html.outlet, html.date) == ("Shipping talks open in Valletta", "Harbour Gazette", "2024-03-04")
    assert by_path[good["docx"]].date == "2031-02-01"
    assert by_path[good["unicode_name"]].title == "Rail corridor summit"
    assert "é" in by_path[good["latin1"]].text and "“on record”" in by_path[good["cp1252"]].text
    assert "\x07" not in by_path[good["controls"]].text


def test_every_bad_file_is_named_once_with_its_reason(tmp_path):
    bad = write_bad_inputs(tmp_path / "bad", big_text_mb=11)
    good = write_good_inputs(tmp_path / "good")
    loaded = load_inputs([tmp_path])
    found = reasons(loaded)
    assert len(found) == len(loaded.problems) == len(bad)
    for path, pattern in bad.items():
        assert shown(path) in found, path
        assert __import__("re").search(pattern, found[shown(path)]), (path, found[shown(path)])
    assert len(loaded.articles) == len(good)


def test_big_text_file_is_refused_from_its_size_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    from briefing.formats import text as text_format

    def never(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(text_format, "read", never)
    loaded = load_inputs([big])
    assert reasons(loaded) == {str(big): "too large (50 MB; the limit is 10 MB)"}


def test_text_too_long_after_extraction(tmp_path):
    (tmp_path / "a.txt").write_text(article("Talks", FISHERIES))
    loaded = load_inputs([tmp_path], LoadLimits(max_text_chars=100))
    assert list(reasons(loaded).values())[0].startswith("too much text (")


def test_missing_inputs_and_duplicates(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(article("Talks", FISHERIES))
    (tmp_path / "link.txt").symlink_to(a)
    loaded = load_inputs([a, tmp_path, tmp_path / "nope.txt"])
    assert len(loaded.articles) == 1  # the same real file, given three ways, is read once
    assert reasons(loaded) == {str(tmp_path / "nope.txt"): "no such file or folder"}


def test_links_of_other_kinds_are_named_as_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my talks.txt").write_text(article("Talks", FISHERIES))
    file_link = (tmp_path / "my talks.txt").as_uri()  # file:///…/my%20talks.txt, as a browser copies it
    gone = (tmp_path / "gone.txt").as_uri()
    loaded = load_inputs(["ftp://files.example.org/talks.txt", file_link, gone, "file://server/share/a.txt"])
    assert reasons(loaded) == {
        "ftp://files.example.org/talks.txt": "ftp:// links cannot be read; only http:// and https:// "
                                             "(save the page and add the file)",
        gone: "no such file or folder",  # named as typed, not as the path it stands for
        "file://server/share/a.txt": "a file:// link to another computer cannot be read; "
                                     "copy the file here or open it through a mapped drive",
    }
    assert [a.path.name for a in loaded.articles] == ["my talks.txt"]


def test_hidden_and_office_lock_files_are_passed_over_silently(tmp_path):
    (tmp_path / "a.txt").write_text(article("Talks", FISHERIES))
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "~$report.docx").write_bytes(b"\x05owner")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("not an article. really not.")
    loaded = load_inputs([tmp_path])
    assert len(loaded.articles) == 1 and loaded.problems == []


def test_symlink_loops_end(tmp_path):
    (tmp_path / "a.txt").write_text(article("Talks", FISHERIES))
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)
    (sub / "again").symlink_to(sub, target_is_directory=True)
    loaded = load_inputs([tmp_path, sub])
    assert len(loaded.articles) == 1 and loaded.problems == []


def test_file_that_disappears_between_listing_and_reading(tmp_path, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(article("Talks", FISHERIES))
    b.write_text(article("River", RIVER))
    real_list = load_module.list_inputs

    def list_then_delete(*args, **kwargs):
        items = real_list(*args, **kwargs)
        b.unlink()
        return items

    monkeypatch.setattr(load_module, "list_inputs", list_then_delete)
    loaded = load_inputs([tmp_path])
    assert [x.path.name for x in loaded.articles] == ["a.txt"]
    assert reasons(loaded) == {str(b): "disappeared before it could be read (moved or deleted?)"}


def test_file_limit(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Talks round {i}\n\nThe delegates met for round {i} of the talks today.\n")
    problems = []
    assert len(list_inputs([tmp_path], problems, LoadLimits(max_files=3))) == 3
    assert problems[0].reason == "more than 3 files; only the first 3 were read"


def test_a_reader_bug_is_named_not_raised(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Anything at all. Really.")
    from briefing.formats import FORMATS

    text_format = next(f for f in FORMATS if f.name == "text")
    monkeypatch.setattr(load_module, "format_for", lambda suffix: type(text_format)(
        "text", text_format.suffixes, lambda stream, limits: 1 / 0))
    loaded = load_inputs([tmp_path])
    assert reasons(loaded) == {str(tmp_path / "a.txt"): "cannot be read (ZeroDivisionError: division by zero)"}


def test_shown_makes_any_name_one_printable_line():
    assert shown(Path("a\nb\x07.txt")) == "a\\nb\\x07.txt"
    assert shown(Path(os.fsdecode(b"caf\xe9.txt"))) == "caf\\xe9.txt"
    assert shown(Path("会談 🌍.txt")) == "会談 🌍.txt"


def test_unsupported_types_say_what_to_do(tmp_path):
    for name in ("a.doc", "b.odt", "c.xyz", "README"):
        (tmp_path / name).write_text("x")
    found = reasons(load_inputs([tmp_path]))
    assert found[str(tmp_path / "a.doc")] == "unsupported file type '.doc' (old Word format; save it as .docx)"
    assert found[str(tmp_path / "b.odt")] == "unsupported file type '.odt' (save it as .docx)"
    assert found[str(tmp_path / "c.xyz")].startswith("unsupported file type '.xyz' (readable: .txt")
    assert found[str(tmp_path / "README")].startswith("unsupported file type 'none'")


def test_article_from_text_cleans_metadata_and_refuses_empty():
    art = article_from_text("Body text here. More.", source_id="1", title=" A\ntitle\x07 ", outlet="  ", date="2024-01-02")
    assert (art.title, art.outlet, art.date) == ("A title", None, "2024-01-02")
    with pytest.raises(LoadError, match="empty"):
        article_from_text(" \n\x00\x07 \t", source_id="1")


def test_endless_text_without_a_sentence_is_refused():
    with pytest.raises(LoadError, match="no sentences to quote \\(1,200,000 characters without a full stop\\)"):
        article_from_text("negotiation " * 100_000, source_id="1")


@pytest.mark.parametrize("text", [
    "negotiation " * 60_000,  # one line of words and no sentence end
    "x" * 2_000_000,  # one word
    ("delegates talk about quotas " * 40 + ". ") * 500,  # very long "sentences"
    "By " + "Anna " * 50_000,  # looks like a byline
    "(" * 100_000 + ")" * 100_000,
])
def test_one_huge_line_goes_through_every_stage(text):
    art = Article(id="1", text=text, title="Huge", content_hash="h")
    small = article_from_text(article("Fisheries summit", FISHERIES), source_id="2")
    result = build_briefing([art, small])
    for section in result.briefing.sections:
        for point in section.points:
            assert point.sources == ["2"]


def test_total_text_of_one_build_is_limited(tmp_path):
    for name, sentences in (("a.txt", FISHERIES), ("b.txt", RIVER), ("c.txt", FISHERIES[:1])):
        (tmp_path / name).write_text(article("Talks", sentences))
    loaded = load_inputs([tmp_path], LoadLimits(max_total_chars=600))
    assert [a.path.name for a in loaded.articles] == ["a.txt", "c.txt"]
    assert reasons(loaded)[str(tmp_path / "b.txt")].startswith("not read: with it the inputs would hold more than 600")
    assert [a.id for a in loaded.articles] == ["1", "2"]


@pytest.mark.parametrize("line, outlet", [
    ("© 2026 Meridian Media Group. All rights reserved.", "Meridian Media"),
    ("Copyright 2024-2025 Eastline News Agency", "Eastline News Agency"),
    ("(c) 2023, The Harbour Times", "The Harbour Times"),
    ("© The Drava Courier", "The Drava Courier"),
    ("(c) Orbit Policy Review 2025. Reproduction without permission prohibited.", "Orbit Policy Review"),
    ("Newsline 24 - copyright 2025, all rights reserved", "Newsline 24"),
    ("Bank of Tarsk Review | © 2024-2025", "Bank of Tarsk Review"),
])
def test_a_plain_text_article_takes_its_outlet_from_the_copyright_line(line, outlet):
    from briefing.load import article_from_text
    text = f"Ministers Meet on Grain\nThe two ministers meet in Tallin on Monday for a second round.\n{line}\n"
    assert article_from_text(text, source_id="1").outlet == outlet


@pytest.mark.parametrize("line", ["The court ruled on copyright.", "The new law extends copyright 2025.",
                                  "Section 4(c) 2019"])
def test_a_sentence_ending_in_copyright_is_text_not_a_copyright_line(line):
    from briefing.clean import is_boilerplate
    assert not is_boilerplate(line)


def test_without_a_copyright_line_there_is_no_outlet_and_a_given_one_wins():
    from briefing.load import article_from_text
    text = "Ministers Meet on Grain\nCopyright law was debated for years.\n© 2026 Harbour Times\n"
    assert article_from_text("Ministers Meet\nThe two ministers meet on Monday.\n", source_id="1").outlet is None
    assert article_from_text(text, source_id="1", outlet="Wire").outlet == "Wire"


@pytest.mark.parametrize("top, outlet", [
    ("TALLIN, May 2 (Baltic Press Agency) - The two ministers met on Monday.", "Baltic Press Agency"),
    ("By Ana Reyes, Political Editor, The Harbour Times", "The Harbour Times"),
    ("By Ana Reyes, Drava Courier diplomatic correspondent", "Drava Courier"),
    ("The Lisor Ledger | By Tomas Reine", "The Lisor Ledger"),
    ("Posted by the GrainWatch team | May 2", "GrainWatch"),
    ("By Eastline News staff", "Eastline News"),
    ("By Ana Reyes", None),
    ("The Daily Star reported that the talks would open on Monday.", None),
])
def test_a_plain_text_article_takes_its_outlet_from_a_dateline_byline_or_masthead(top, outlet):
    from briefing.load import article_from_text
    text = f"Ministers Meet on Grain\n{top}\n\nThe two ministers meet in Tallin on Monday for a second round.\n"
    assert article_from_text(text, source_id="1").outlet == outlet


def test_the_copyright_holder_wins_over_the_byline_and_drops_its_year():
    from briefing.load import article_from_text
    text = ("Ministers Meet on Grain\nBy Ana Reyes, The Harbour Times\n\nThe ministers meet on Monday.\n"
            "Copyright © Harbour Times Media 2031\n")
    assert article_from_text(text, source_id="1").outlet == "Harbour Times"


@pytest.mark.parametrize("company, outlet", [
    ("Lion City Observer Media Pte", "Lion City Observer"),
    ("The Harbourfront Times Company", "The Harbourfront Times"),
    ("Alpine Dispatch Ltd", "Alpine Dispatch"),
    ("Meridian Post Media Group", "Meridian Post"),
    ("Meridian Media Group", "Meridian Media"),  # two words are kept: "Meridian" alone says less
    ("Guardian News & Media Limited", "Guardian News"),
    ("Nikkei Inc.", "Nikkei"),
    ("Pacific Wire Service", "Pacific Wire Service"),
    ("News Corp", "News Corp"),  # not "News"
    ("Pte Ltd", "Pte Ltd"),
])
def test_a_copyright_holder_company_names_its_outlet_without_company_words(company, outlet):
    from briefing.load import outlet_from_company
    assert outlet_from_company(company) == outlet


@pytest.mark.parametrize("top, date", [
    ("Published: February 6, 2031 9:41 a.m. EST", "2031-02-06"),
    ("Thursday, 6 Feb. 2031", "2031-02-06"),
    ("Updated on March 3rd, 2031", "2031-03-03"),
    ("2031-02-06", "2031-02-06"),
    ("Published: 2031-02-06T09:41:00Z", "2031-02-06"),
    ("Published on: Thu 6 Feb 2031 09.41 GMT", "2031-02-06"),
    ("February 6, 2031, 9:41 a.m. EST | Updated 11:02 a.m.", "2031-02-06"),
    ("By Ana Reyes | February 6, 2031", "2031-02-06"),
    ("By Ana Reyes, Political Editor \u00b7 Thu 6 Feb 2031, 09:41", "2031-02-06"),
    ("By Ana Reyes \u2014 Updated February 6, 2031", "2031-02-06"),
    ("By Ana Reyes - February 6, 2031", "2031-02-06"),
    ("By the end of February 6, 2031 the two ministers hope to have signed a text.", None),  # a sentence
    ("By Friday, March 7, 2031, both sides must reply.", None),
    ("By contrast, February 6, 2031 looks early.", None),
    ("By law, 2031-02-06 is the deadline for a reply.", None),
    ("February 30, 2031", None),  # no such day
    ("June 4, 2029: The Night the Talks Broke Down", None),  # a headline about that day
    ("Deadline May 1, 2031 Looms Over the Grain Talks", None),  # a headline with a date in it
    # A date inside a sentence is news, not the article's date.
    ("February 6, 2031 was when the two ministers last met in Tallin for a round of grain talks.", None),
])
def test_a_plain_text_article_takes_its_date_from_a_date_line_near_the_top(top, date):
    text = f"Ministers Meet on Grain\n{top}\n\nThe two ministers meet in Tallin on Monday for a second round.\n"
    assert article_from_text(text, source_id="1").date == date
    assert article_from_text(text, source_id="1", date="2030-01-01").date == "2030-01-01"


def test_a_date_line_above_the_headline_is_not_the_title():
    text = "February 6, 2031\nMinisters Meet on Grain\n\nThe two ministers meet in Tallin on Monday for a second round.\n"
    article = article_from_text(text, source_id="1")
    assert (article.title, article.date) == ("Ministers Meet on Grain", "2031-02-06")


def test_a_bare_date_line_is_the_date_and_never_a_point(tmp_path):
    body = "\n".join(FISHERIES)
    (tmp_path / "a.txt").write_text(f"Ministers Meet on Fish\nFebruary 6, 2031\n\n{body}\n", encoding="utf-8")
    result = build_briefing(load_inputs([tmp_path]).articles)
    assert [s.date for s in result.briefing.sources] == ["2031-02-06"]
    points = [p.text for s in result.briefing.sections for p in s.points]
    assert points and not any("2031" in p and len(p.split()) < 5 for p in points)


def test_a_line_with_a_long_run_of_spaces_is_read_at_once():
    """A PDF text layer can hold wide gaps; the copyright patterns must not backtrack over them."""
    from briefing.load import article_from_text
    text = "Ministers Meet on Grain\nThe two ministers meet in Tallin on Monday.\nThe Harbour Times \u00a9" + " " * 1000 + "2025\n"
    assert article_from_text(text, source_id="1").outlet == "The Harbour Times"
