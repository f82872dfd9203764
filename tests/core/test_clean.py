from pathlib import Path

from briefing.clean import clean_article, is_boilerplate, is_heading
from briefing.load import article_from_text, guess_title

ARTICLE = """Leaders gather in Lisbon to try to save the fisheries pact.
Fisheries Pact Hangs on Lisbon Talks
By Maria Santos and Tom Reed

Fisheries Pact Hangs on Lisbon Talks
The two governments want a new quota deal before the season opens in March.
ADVERTISEMENT
Officials said the fleet owners could accept a cut of 10% if fuel subsidies continue.
The two governments want a new quota deal before the season opens in March.
Photo: Port of Lisbon / Agency Images
Read more: How quotas are set
Sign up for our daily briefing
© 2026 Example Media Group. All rights reserved.
"""


def test_title_is_the_repeated_headline_not_the_lede():
    assert guess_title(ARTICLE.splitlines(), "fallback") == "Fisheries Pact Hangs on Lisbon Talks"


def test_boilerplate_headlines_and_repeats_are_removed():
    clean = clean_article(article_from_text(ARTICLE, source_id="1"))
    body = [p.text for p in clean.paragraphs]
    assert body == [
        "Leaders gather in Lisbon to try to save the fisheries pact.",
        "The two governments want a new quota deal before the season opens in March.",
        "Officials said the fleet owners could accept a cut of 10% if fuel subsidies continue.",
    ]
    assert "ADVERTISEMENT" in clean.removed
    assert any(r.startswith("©") for r in clean.removed)


def test_boilerplate_patterns_leave_real_sentences_alone():
    assert is_boilerplate("ADVERTISING")
    assert is_boilerplate("By Jane Doe")
    assert is_boilerplate("Reporting by Ana Lima; Editing by Mark Ho")
    assert is_boilerplate("(Reporting by Ana Lima; Editing by Mark Ho)")
    assert is_boilerplate("By Ana Lima | The Relief Report | March 20, 2025")
    assert is_boilerplate("The views expressed are the author's own.")
    assert is_boilerplate("The opinions expressed in this column are those of the writer and not of this newspaper.")
    assert not is_boilerplate("The views expressed by the delegates were far apart, the author of the report said.")
    assert not is_boilerplate("The views expressed do not reflect those of the author's government, the minister said.")
    assert not is_boilerplate("Produced by the state oil company, the gas would flow through Norvia under the deal.")
    assert is_boilerplate("(Compiled by Harbour Herald staff)")
    assert is_boilerplate("Advertisement - Continue reading below")
    assert is_boilerplate("ADVERTISEMENT — Story continues below")
    assert not is_boilerplate("Advertisers continue to pull out of the region, the council said.")
    assert not is_boilerplate("By Thursday, negotiators hope to close the gap on tariffs.")
    assert not is_boilerplate("Sign-up rates for the program rose sharply, officials said.")
    assert not is_boilerplate("Credit markets reacted calmly to the announcement on Monday.")
    assert is_boilerplate("Updated 2 hours ago")
    assert is_boilerplate("Last updated: 35 minutes ago")
    assert not is_boilerplate("Updated figures released two days ago show the deficit widening.")
    assert is_boilerplate("Chief executive Marcus Delacorte arrives in Veldstadt on Tuesday. "
                          "Photograph: Reuben Aske/Wirenews")
    assert is_boilerplate("The envoy arrives on Tuesday. Photo: AP Photo/J. Scott Applewhite")
    assert is_boilerplate("Union members rally outside the ministry, March 3, 2025. Photo: Karl Bern/Wirenews")
    assert not is_boilerplate("The minister arrived on Tuesday. Photo opportunities were kept short, aides said.")
    assert not is_boilerplate("The offer still falls short, union leaders said. Picture: a plant that may never be built")


def test_headings_are_short_lines_without_a_full_stop():
    assert is_heading("3. The Focus on Economic Interests")
    assert is_heading("Energy and Economic Cooperation")
    assert not is_heading("The talks ended early.")
    assert not is_heading("“We will not sign,” the envoy said.")
    assert is_heading("What could go wrong?")  # an explainer's question heading
    assert not is_heading("“Why would we sign a deal that gives away our coast?”")
    assert not is_heading("Officials asked whether the talks could resume in the autumn, after the election, or only later?")


def test_a_numbered_first_heading_gives_a_title_without_its_number():
    lines = ["1. Ministers Arrive in Geneva", "The ministers want a deal on grain by Friday, aides said."]
    assert guess_title(lines, "fallback") == "Ministers Arrive in Geneva"


def test_title_casing_artefacts_after_an_apostrophe_are_undone():
    lines = ["Chile’S Minister Won’T Sign Grain Pact", "The minister wants better terms, aides said."]
    assert guess_title(lines, "fallback") == "Chile’s Minister Won’t Sign Grain Pact"
    shouting = ["CHILE’S MINISTER SIGNS", "The minister signed on Monday."]
    assert guess_title(shouting, "fallback") == "CHILE’S MINISTER SIGNS"
    assert guess_title(["O'Neill Leads Trade Mission", "Text follows here."], "x") == "O'Neill Leads Trade Mission"


def test_an_article_without_a_headline_keeps_its_first_sentence():
    text = ("Kestria wants a binding guarantee of 40 cubic metres per second, its negotiators said.\n"
            "Volmar is prepared to share gauge data from the dam and allow joint inspections.\n"
            "The talks could collapse if the Kestrian parliament rejects a deal below that figure.\n")
    article = article_from_text(text, source_id="1", path=Path("water_notes.txt"))
    assert article.title == "water notes"
    assert clean_article(article).body_text.startswith("Kestria wants a binding guarantee")


def test_a_headline_ending_in_a_full_stop_is_still_a_headline_above_a_lede():
    lines = ["Japan seeks to keep the status quo with its ally. That may be a big ask.",
             "TOKYO — As the prime minister prepares for his first meeting with the president, he is hoping "
             "to make a personal connection with a leader whose trade threats have rattled allies in Asia."]
    assert guess_title(lines, "fallback") == lines[0]
