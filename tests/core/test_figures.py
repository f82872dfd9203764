from pathlib import Path

import pytest

from briefing.clean import clean_article
from briefing.documents import Article
from briefing.figures import MAX_CONTEXT_WORDS, extract_figures, extract_quotes, figure_context, find_figures_in
from briefing.load import load_inputs

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "articles"


def article(text: str, aid: str = "1") -> Article:
    return Article(id=aid, text=text, title="Headline of the story")


def values(sentence: str) -> list[tuple[str, str]]:
    return [(m.kind, m.value) for m in find_figures_in(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Norway is prepared to fund a $250 million research centre.", [("amount", "$250 million")]),
    ("The bloc pledged €3.5bn in grants.", [("amount", "€3.5bn")]),
    ("Sarvenia has weeks to find $750m for a bond payment.", [("amount", "$750m")]),
    ("Trade was worth 40 billion euros last year.", [("amount", "40 billion euros")]),
    ("Salmon now holds 24% of the market.", [("percent", "24%")]),
    ("Tariffs would fall by 15 percent over five years.", [("percent", "15 percent")]),
    ("Nearly 54,000 troops are stationed there.", [("count", "Nearly 54,000 troops")]),
    ("More than 300 delegates attended the talks.", [("count", "More than 300 delegates")]),
    # a count with what it counts, through its plural noun, not into "each" or "of"
    ("They deploy about 50,000 troops each along the line.", [("count", "about 50,000 troops")]),
    ("The ban covers more than 300 Chinese mobile apps.", [("count", "more than 300 Chinese mobile apps")]),
    ("There are nearly 54,000 U.S. military personnel in Japan.", [("count", "nearly 54,000 U.S. military personnel")]),
    ("The frontier runs for 3,488 kilometres.", [("count", "3,488 kilometres")]),
    ("Exercises within 50 kilometres of the line need notice.", [("count", "50 kilometres")]),
    # a time is a figure only with its unit: "22 years", never a bare "22" or "18"
    ("The colonel is serving 22 years for spying.", [("duration", "22 years")]),
    ("They have spent 18 months tightening sanctions.", [("duration", "18 months")]),
    ("Repayment would take 10-15 years.", [("duration", "10-15 years")]),
    ("The lease would run between 20 and 30 years.", [("duration", "between 20 and 30 years")]),
    ("Last year 12,000 migrants crossed the border.", [("count", "12,000 migrants")]),  # a time word before is no unit
    # a range is one figure, not two joined by "; "
    ("It may hold an estimated 20 to 60 warheads.", [("count", "an estimated 20 to 60 warheads")]),
    ("Between 5 and 10 ships patrol the strait.", [("count", "Between 5 and 10 ships")]),
    ("The rebels have 200-300 fighters in the hills.", [("count", "200-300 fighters")]),
    ("Tariffs of between 10% and 25% would apply.", [("percent", "between 10% and 25%")]),
    ("The fund would need $1 billion to $2 billion a year.", [("amount", "$1 billion to $2 billion")]),
    ("Some 5,300 were lost, and 7,700 troops are missing.", [("count", "Some 5,300"), ("count", "7,700 troops")]),
    ("Growth of 1-2 percent is expected.", [("percent", "1-2 percent")]),
    ("Growth of between 1 and 2 percent is expected.", [("percent", "between 1 and 2 percent")]),
    ("It would cost $1-2 billion a year.", [("amount", "$1-2 billion")]),
    ("It would cost $500 million to $1 billion a year.", [("amount", "$500 million to $1 billion")]),
    # not ranges: a vote, a change, a difference
    ("The senate passed the bill 52-48 on Tuesday.", []),
    ("The treaty cut arsenals from 1,550 to 700 warheads.", [("count", "1,550"), ("count", "700 warheads")]),
    ("Turnout rose to 62% – 4% more than in 2019.", [("percent", "62%"), ("percent", "4%")]),
    # a number after "No" is a label: Downing Street, a resolution
    ("A No 10 spokesperson said 40 ministers met.", [("count", "40 ministers")]),
    ("Resolution No. 12 and Number 10 officials were cited.", []),
])
def test_figures_are_found_with_their_qualifier(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The treaty of 1945 still governs the strait.",
    "The remains of soldiers killed in the 1950-53 war were returned.",
    "From 2018 to 2020 talks stalled.",
    "See pages 12-15 of the report for details.",
    "The leaders met on November 5 in the capital.",
    "The meeting starts at 9 a.m. on Friday.",
    "Only 3 ministers attended.",  # small counts are written in words; digits are labels
    "Two former Marines are serving sentences of 16 and nine years.",  # not a count "16"
    "Talks ran from 10 to 11 p.m. on Friday.",
    "The talks were held from May 6 to 10 in Lisk.",  # the end of a date range
    "The envoys met on June 3 and 24 in the capital.",
    "The truce takes effect at 21:45 Lisk time on Monday.",  # a clock time
    "The vote was set for 18:30 hours on Friday.",
])
def test_years_dates_times_and_small_numbers_are_not_figures(sentence):
    assert values(sentence) == []


def test_a_number_joined_to_a_duration_is_no_count():
    assert values("The vote could slip by 10 or 12 days.") == [("duration", "12 days")]


def test_context_is_a_verbatim_clause_marked_where_cut():
    sentence = ("The two countries traded fish worth about $1.8 billion last year, and Chilean salmon now holds "
                "24% of the market in Asia.")
    for m in find_figures_in(sentence):
        context = figure_context(sentence, m.start, m.end)
        assert context.strip("…") in sentence
        assert m.value in context
    first, second = find_figures_in(sentence)
    assert figure_context(sentence, first.start, first.end).endswith("…")
    assert figure_context(sentence, second.start, second.end).startswith("…")


def test_long_sentence_context_is_a_window_around_the_figure():
    sentence = ("Officials said that " + "after many long rounds of difficult and often bitter negotiation " * 3
                + "the partners finally agreed a fund of $40 million for the affected coastal towns and villages "
                + "which had been waiting " * 4 + "for years.")
    m = find_figures_in(sentence)[0]
    context = figure_context(sentence, m.start, m.end)
    assert "$40 million" in context
    assert len(context.split()) <= MAX_CONTEXT_WORDS
    assert context.startswith("…") and context.endswith("…")
    assert context.strip("…") in sentence


def test_a_long_clause_keeps_its_start_where_the_subject_is():
    """Cut before the figure, "…and the Sarvan League were preparing ..." says Kestrania was not."""
    sentence = ("A Western diplomat said Kestrania and the Sarvan League were also preparing a $250 million "
                "reconstruction package for the valley that would be released only if a ceasefire held for six "
                "months and both sides withdrew their heavy guns from the hills above the river crossing.")
    m = find_figures_in(sentence)[0]
    context = figure_context(sentence, m.start, m.end)
    assert context.startswith("A Western diplomat said Kestrania and the Sarvan League")
    assert context.endswith("for the valley…")  # cut before "that would ...", not mid-phrase
    assert context.rstrip("…") in sentence


def test_a_window_cut_after_the_figure_keeps_whom_it_is_for():
    sentence = ("Kestrania would lend 300 million euros to the water authority of Veloria over the next ten years, "
                "officials in both capitals said on Tuesday after the long meeting that ended late in the evening "
                "with a joint statement.")
    m = find_figures_in(sentence)[0]
    assert figure_context(sentence, m.start, m.end) == ("Kestrania would lend 300 million euros to the water "
                                                        "authority of Veloria over the next ten years…")


def test_a_repeated_figure_is_told_by_the_report_that_says_who():
    texts = ["Ardenia is also considering a pullback of its troops. It is offering to move its troops back "
             "15 kilometres from the river.",
             "Diplomats said Ardenia might pull its troops back 15 kilometres from the front line."]
    cleaned = [clean_article(Article(id=str(i), title=f"T{i}", text=t)) for i, t in enumerate(texts, 1)]
    row = next(f for f in extract_figures(cleaned) if f.value == "15 kilometres")
    assert row.context.startswith("Diplomats said Ardenia") and row.source == "2"


def test_extract_figures_from_articles_merges_repeats_and_keeps_sources():
    loaded = load_inputs([ARTICLES])
    cleaned = [clean_article(a) for a in loaded.articles]
    figures = extract_figures(cleaned)
    by_value = {f.value: f for f in figures}
    assert "$250 million" in by_value  # stated in two articles, listed once
    assert sum(f.value == "$250 million" for f in figures) == 1
    assert by_value["15 percent"].source == "3"
    assert [f.kind for f in figures] == sorted((f.kind for f in figures),
                                                 key=["amount", "percent", "count"].index)
    texts = {a.id: a.text for a in loaded.articles}
    for f in figures:
        assert f.context.strip("…") in texts[f.source]


def test_quotes_have_speakers_and_are_verbatim():
    loaded = load_inputs([ARTICLES])
    cleaned = [clean_article(a) for a in loaded.articles]
    quotes = extract_quotes(cleaned, limit=10)
    speakers = {q.speaker: q for q in quotes}
    assert set(speakers) == {"Ingrid Halvorsen", "Mateo Rivas", "Elena Soto", "Knut Berg"}
    texts = {a.id: a.text for a in loaded.articles}
    for q in quotes:
        assert q.text in texts[q.source]


@pytest.mark.parametrize("text, speaker", [
    ('"The deal is far from done and we will not rush it," said Anna Meyer, the chief negotiator.', "Anna Meyer"),
    ('“The deal is far from done and we will not rush it,” Meyer told reporters.', "Meyer"),
    ("According to Tom Reyes, a trade lawyer, \"nobody expects the tariff to go before the election.\"",
     "Tom Reyes"),
    ('Chancellor Vogel welcomed him warmly, saying, “This is a friendship that has lasted fifty years.”', "Vogel"),
    ('“Grain is the one area where he has delivered before,” said Kerem Öztürk, a former ambassador.', "Kerem Öztürk"),
    ('“The corridor will hold through the whole of the winter,” said Émilie Łukasik of the council.', "Émilie Łukasik"),
    ('"The border question should be kept in its proper place," ministry spokesperson Lin Wei told reporters.',
     "Lin Wei"),
    ('"We will not trade the harbour for a loan," Kestrania\'s foreign minister Ada Morn said.', "Ada Morn"),
])
def test_attribution_forms(text, speaker):
    quotes = extract_quotes([clean_article(article(text))])
    assert [q.speaker for q in quotes] == [speaker]


def test_surname_expands_to_the_full_name_used_in_the_article():
    text = ("Prime Minister Lena Vogel arrives on Monday for the first round of talks.\n"
            '"We want a fair deal for our farmers and our fishing towns," Vogel said.')
    assert [q.speaker for q in extract_quotes([clean_article(article(text))])] == ["Lena Vogel"]


def test_continuation_quote_keeps_speaker_and_one_quote_per_speaker():
    text = ('"This summit will decide the future of the whole alliance," said Omar Haddad, a former envoy. '
            '"Nobody in the region can afford another decade of mistrust between them."')
    quotes = extract_quotes([clean_article(article(text))])
    assert [(q.speaker, q.text.split()[0]) for q in quotes] == [("Omar Haddad", "This")]


@pytest.mark.parametrize("text", [
    'Putin answered with a retort, "It takes one to know one, and we all know it," and Moscow recalled its envoy.',
    '"We will not sign anything that ties our hands," an aide to Prime Minister Lena Vogel said.',
    '"We will not sign anything that ties our hands," a diplomat close to President Mateo Rivas told reporters.',
    '"We will not sign anything that ties our hands," officials in Brightwater said.',
])
def test_a_new_clause_or_someone_elses_aide_after_a_quote_is_no_attribution(text):
    assert extract_quotes([clean_article(article(text))]) == []


def test_unattributed_and_scare_quotes_are_left_out():
    text = ('The plan is described as a "golden age" by officials.\n'
            '"Everything depends on what the other side is willing to give up this week."\n'
            'Both sides call it a "win-win value proposition" for the two nations.')
    assert extract_quotes([clean_article(article(text))]) == []


@pytest.mark.parametrize("sentence", [
    "On spending, Norvia and Lakeland want a target of 3.5 percent of output by 2031, up from the current 2 percent.",
    "Exports to the bloc rose to $12 billion last year, compared with $9 billion in 2022.",
    "The state buyer agreed to buy 160 Lorval jets, a deal worth about $20 billion at list prices.",  # apposition
])
def test_a_figure_in_a_clause_leaning_on_the_one_before_shares_its_row(sentence):
    rows = extract_figures([clean_article(article(sentence))])
    assert len(rows) == 1 and "; " in rows[0].value, rows
    assert rows[0].context.endswith(sentence[-20:]), rows  # with the clause that compares
    assert "a deal worth" not in sentence or rows[0].context.startswith("The state buyer"), rows


def test_a_main_clause_after_an_opening_phrase_is_no_apposition():
    sentence = "After 12 rounds of talks over 18 months, a deal worth $5 billion was signed on Friday."
    rows = extract_figures([clean_article(article(sentence))])
    assert sorted(r.value for r in rows) == ["$5 billion", "12 rounds; over 18 months"], rows


def test_two_figures_told_in_either_order_are_one_row():
    from briefing.load import article_from_text

    a = article_from_text("Spending Row\nNorvia wants a defence target of 3 percent of output, up from 2 percent.\n",
                          source_id="1")
    b = article_from_text("Analysis\nA jump from 2 percent to 3 percent of output would be the largest defence rise yet.\n",
                          source_id="2")
    assert len(extract_figures([clean_article(a), clean_article(b)])) == 1


def test_one_amount_reported_by_two_articles_is_one_row():
    from briefing.load import article_from_text

    a = article_from_text("Port Deal Nears\nThe ministry could put up $900 million for a new rail link to the port.\n",
                          source_id="1")
    b = article_from_text("Rail Link Talks\nOfficials said the rail link would cost the ministry $900 million in all.\n"
                          "A separate fund of $900 million pays for hospitals in the north.\n", source_id="2")
    rows = [f for f in extract_figures([clean_article(a), clean_article(b)]) if f.value == "$900 million"]
    assert len(rows) == 2  # the rail link once, the hospitals fund (nothing in common) apart
    assert {r.source for r in rows} == {"1", "2"}


def test_an_amount_a_wider_row_already_shows_is_not_a_row_again():
    from briefing.load import article_from_text

    a = article_from_text("Chip Plant Talks\nHarkel said Veldmark wants at least 70% of the plant's 3,200 permanent "
                          "jobs to go to Veldmark residents.\n", source_id="1")
    b = article_from_text("Explainer\nThe government wants at least 70% of the permanent jobs to go to local "
                          "residents.\nVeldmark could raise its subsidy offer to 70% if the union agrees.\n",
                          source_id="2")
    rows = extract_figures([clean_article(a), clean_article(b)])
    assert [r.value for r in rows] == ["at least 70%; 3,200 permanent jobs", "70%"]  # the subsidy is another fact
    rows = extract_figures([clean_article(b), clean_article(a)])  # the wider report second
    assert sorted(r.value for r in rows) == ["70%", "at least 70%; 3,200 permanent jobs"]


def test_an_amount_written_short_and_in_full_is_one_row():
    from briefing.load import article_from_text

    a = article_from_text("Bond Deadline\nThe government must find $750m for a bond payment due in July.\n", source_id="1")
    b = article_from_text("Debt Talks\nA bond payment of $750 million falls due in July.\n", source_id="2")
    rows = extract_figures([clean_article(a), clean_article(b)])
    assert [r.value for r in rows] == ["$750m"]


@pytest.mark.parametrize("first, second", [
    ("The fund lends €150bn to arms makers in the bloc.",
     "The arms makers of the bloc may draw on 150 billion euros from the fund."),
    ("Visas would go to people aged 18 to 30 from either side.",
     "Visas for people aged 18-30 from either side are on offer."),
])
def test_one_amount_or_range_written_two_ways_is_one_row(first, second):
    rows = extract_figures([clean_article(article(first, "1")), clean_article(article(second, "2"))])
    assert len(rows) == 1


def test_one_count_told_with_other_nouns_is_one_row():
    """"20 Indian soldiers", "20 soldiers of the Indian army", "20 Indian troops": one
    figure, as when the table showed a bare "20"."""
    texts = ["The clash in the valley killed 20 Indian soldiers and wounded many more.",
             "In the valley clash, 20 soldiers of the Indian army were killed by stones and clubs.",
             "The valley clash left 20 Indian troops dead and the talks frozen."]
    figures = extract_figures([clean_article(article(t, str(i))) for i, t in enumerate(texts, 1)])
    assert [f.value for f in figures] == ["20 Indian soldiers"]


@pytest.mark.parametrize("sentence, expected", [
    ("In all, 20 died in the clash at the pass.", "20"),  # no plural noun near: the bare number, not "20 died"
    ("Some 12 police officers were hurt in the riot.", "Some 12 police officers"),
    ("Beijing is building 24 new nuclear reactors.", "24 new nuclear reactors"),
    ("The reform to 64 brought hundreds of thousands of people onto the streets.", "64"),
])
def test_a_count_stops_at_its_noun_and_never_takes_a_verb(sentence, expected):
    assert [m.value for m in find_figures_in(sentence)] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Kestrian forces on the border number 45,000 soldiers.", [("count", "45,000 soldiers")]),  # the verb
    ("The opposition won 286 No votes in the count.", [("count", "286 No votes")]),
])
def test_only_a_label_word_before_a_number_makes_it_a_label(sentence, expected):
    assert values(sentence) == expected


def test_yen_and_yuan_stay_apart_and_percent_is_one_sign():
    from briefing.figures import _value_key

    rows = extract_figures([clean_article(article("Lakeland pledged 100 billion yen in loans for ports.", "1")),
                            clean_article(article("Kestria pledged 100 billion yuan in loans for ports.", "2"))])
    assert sorted(r.value for r in rows) == ["100 billion yen", "100 billion yuan"]
    assert _value_key("2 to 3 percent") == _value_key("2-3%") == _value_key("between 2 and 3 per cent")
