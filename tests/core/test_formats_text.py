"""Plain text: encodings detected, not guessed; controls removed; sentences stay substrings of the file."""
import io

import pytest

from briefing.formats import LoadError, LoadLimits
from briefing.formats import text as text_format
from briefing.formats.text import decode_bytes, normalize_text, one_line, unwrap_lines
from briefing.load import article_from_text
from briefing.pipeline import build_briefing
from briefing.tokens import normalize_for_match

from input_files import FISHERIES, RIVER, SHIPPING, article

SAMPLE = "Les négociations à Genève reprendront lundi, a déclaré le ministre « très confiant »."


@pytest.mark.parametrize("data", [
    SAMPLE.encode("utf-8"),
    b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
    SAMPLE.encode("utf-16"),  # with its byte-order mark
    b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
    SAMPLE.encode("utf-16-le"),  # no mark
    SAMPLE.encode("utf-16-be"),  # no mark
    SAMPLE.encode("utf-32"),
    SAMPLE.encode("latin-1"),
    SAMPLE.encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16", "utf16be-bom", "utf16le", "utf16be", "utf32", "latin1", "cp1252"])
def test_encodings_are_detected(data):
    assert decode_bytes(data) == SAMPLE


def test_windows_1252_punctuation_is_read_right():
    text = "The minister’s “final offer” — a 5% cut — was rejected, officials said."
    assert decode_bytes(text.encode("cp1252")) == text


def test_short_latin1_text_without_language_evidence_is_windows_1252():
    assert decode_bytes("Café naïve".encode("latin-1")) == "Café naïve"


def test_utf8_with_a_few_windows_1252_bytes_pasted_in_keeps_both_right():
    # A word processor's curly quotes pasted into a UTF-8 file: read as Windows-1252
    # throughout, every "é" of the file would become "Ã©".
    data = "Café talks in Zürich – the ministers’ line:".encode("utf-8") + b" \x93no deal\x94 isn\x92t an option."
    assert decode_bytes(data) == "Café talks in Zürich – the ministers’ line: “no deal” isn’t an option."


def test_windows_1252_text_with_one_accidental_utf8_pair_stays_windows_1252():
    text = "Er sagte: „Das ist bloß“ heute, und die Delegation reiste ab."
    assert decode_bytes(text.encode("cp1252")) == text


def test_cyrillic_code_page_is_detected():
    text = "Переговоры в Женеве возобновятся в понедельник, заявил министр иностранных дел."
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01" + bytes(range(256)) * 4, "PDF file"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, "zip archive"),
    (bytes(range(256)) * 16, None),
    (b"\x00" * 4000, None),
])
def test_binary_data_is_refused_and_named(data, what):
    with pytest.raises(LoadError, match="binary data, not text" + (f".*{what}" if what else "")):
        decode_bytes(data)


def test_bom_that_lies_is_a_clear_error():
    with pytest.raises(LoadError, match="marked as UTF-8"):
        decode_bytes(b"\xef\xbb\xbfok \xff\xfe broken")


def test_a_few_control_characters_are_removed_not_refused():
    raw = "The port\x07 wants a\x00 new berth\x1b by next year.\r\nUnions may\x0b agree.\x7f\x85Done.\ufffe"
    text = normalize_text(decode_bytes(raw.encode("utf-8")))
    assert text == "The port wants a new berth by next year.\nUnions may agree.\nDone."


def test_lone_surrogates_are_removed():
    assert normalize_text("a\ud800b\udfffc") == "abc"


def test_metadata_becomes_one_clean_line():
    assert one_line("  Talks\n resume\x07 on\tMonday  ") == "Talks resume on Monday"
    assert one_line("   ") is None
    assert one_line("x" * 500, 20).endswith("…")


def test_read_refuses_whitespace_and_files_grown_past_the_limit():
    limits = LoadLimits(max_file_bytes=100)
    with pytest.raises(LoadError, match="empty"):
        text_format.read(io.BytesIO(b" \n\t \r\n"), limits)
    with pytest.raises(LoadError, match="too large"):
        text_format.read(io.BytesIO(b"x" * 101), limits)


def test_unwrap_joins_hard_wrapped_paragraphs_and_keeps_short_lines():
    wrapped = ("Talks in Oslo\n\n"
               "The ministers want a deal on fishing quotas before the summer, officials\n"
               "said on Tuesday, and the coastal states may offer access to their waters in\n"
               "return for stricter limits.\n"
               "- first item\n"
               "- second item\n\n"
               "A second and neighbouring arrangement on the shared stocks and an agree-\n"
               "ment on inspections is also on the table, the ministers confirmed.\n")
    out = unwrap_lines(wrapped).split("\n")
    assert out[0] == "Talks in Oslo"
    assert ("The ministers want a deal on fishing quotas before the summer, officials said on Tuesday, "
            "and the coastal states may offer access to their waters in return for stricter limits.") in out
    assert "- first item" in out and "- second item" in out
    assert "the shared stocks and an agree-ment on inspections" in out[-1]


def test_unwrap_ends_a_paragraph_where_the_next_word_would_have_fitted():
    wrapped = ("The ministers want a deal on fishing quotas before the summer, officials\n"
               "said on Tuesday, and the coastal states may offer access.\n"
               "Inspectors from both sides would then board each other's trawlers, at\n"
               "first in the northern zone only, according to the draft seen by us.\n")
    out = unwrap_lines(wrapped).split("\n")
    assert out == ["The ministers want a deal on fishing quotas before the summer, officials said on Tuesday, "
                   "and the coastal states may offer access.",
                   "Inspectors from both sides would then board each other's trawlers, at first in the "
                   "northern zone only, according to the draft seen by us."]


def test_unwrap_keeps_a_headline_apart_from_the_byline_under_it():
    wrapped = ("Analysis: Halden Has a Plan for Adler. Adler May Have Other Ideas About It\n"
               "By Petra Aaltonen\n"
               "CASTELLANE - For a country of 19 million people that sits within missile range\n"
               "of a hostile neighbour, there is no such thing as a routine trip to the capital.\n")
    out = unwrap_lines(wrapped).split("\n")
    assert out[0] == "Analysis: Halden Has a Plan for Adler. Adler May Have Other Ideas About It"
    assert out[1] == "By Petra Aaltonen"
    # A line full of names that goes on in lower case is prose, not a headline.
    names = ("The talks between Prime Minister Tomas Halden and President Corvin Adler Of\n"
             "the Federal Union begin on Tuesday in the old castle above the harbour town.\n")
    assert unwrap_lines(names).count("\n") == 0


def test_unwrap_joins_format_flowed_lines():
    assert unwrap_lines("A soft \nbreak here.\nHard.") == "A soft break here.\nHard."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_every_point_from_a_text_file_is_a_substring_of_the_file(encoding):
    body = article("Northern fisheries summit opens",
                   [s.replace("said", "said “quietly”") if encoding != "latin-1" else s
                    for s in FISHERIES + RIVER + SHIPPING])
    raw = body.replace("\n", "\r\n").encode(encoding)
    file_text = decode_bytes(raw)
    art = article_from_text(file_text, source_id="1")
    points = [p for s in build_briefing([art]).briefing.sections for p in s.points]
    assert points
    for p in points:
        assert p.text in file_text
