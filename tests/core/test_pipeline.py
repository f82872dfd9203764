"""The build as a whole: what assemble_briefing adds to the chosen points."""
from pathlib import Path

from briefing import BriefingOptions, build_briefing, load_inputs
from briefing.cache import BuildCache
from briefing.edits import point_key, shown_lead_in
from briefing.load import article_from_text
from briefing.model import Briefing, Point
from briefing.pipeline import find_lead_in

ARRIVAL = "The Velorian delegation arrived in the capital on Sunday with a long list of ideas."
OFFER = "To win support, Veloria is expected to put several concessions on the table."


def context(point: Point, previous: str, same_paragraph: bool = True, grouped: bool = True) -> str | None:
    """What the point shows of the sentence before it, listed under its party or not."""
    found = find_lead_in(point.text, previous, same_paragraph)
    if found:
        point.lead_in, point.lead_in_says_who = found
    return shown_lead_in(point, grouped)


def test_a_pointer_back_shows_the_sentence_it_points_to():
    point = Point("These could include lower tariffs on Kestranian machinery and a new rail link.", ["1"])
    assert context(point, OFFER) == OFFER
    assert context(point, OFFER, grouped=False) == OFFER


def test_a_definite_noun_just_named_shows_the_sentence_that_named_it():
    point = Point("The loan would pay for a new dam on the upper river.", ["1"])
    assert context(point, "Veloria has blocked a $1.2 billion loan from the regional bank.")


def test_a_definite_noun_for_what_was_named_shows_the_sentence_before():
    """"The deal" after "a bid to buy ..." names the bid in other words."""
    before = "The ministers may also discuss Velor Rail's $2 billion bid to buy the Kestranian freight line."
    point = Point("The deal was blocked last year on security grounds.", ["1"], party="Kestrania")
    assert context(point, before) == before  # a party heading does not say which deal
    # across a paragraph break the sentence before is another topic, often a quote
    assert find_lead_in(point.text, '"We will not sell the line," the minister said.', same_paragraph=False) is None


def test_a_pronoun_needs_the_sentence_before_only_when_no_party_heading_says_who():
    before = "Kestrania wants a binding treaty on river flows."
    assert context(Point("It also wants a seat on the basin commission.", ["1"], party="Kestrania"), before) is None
    assert context(Point("It also wants a seat on the basin commission.", ["1"]), before) == before


def test_a_pronoun_that_says_what_follows_needs_the_sentence_before_whatever_the_party():
    """The heading "Kestrania" says whose aim it is, not who "she" is."""
    before = "Kestrania's foreign ministry spokeswoman Lida Marn briefed reporters on Monday."
    point = Point("She said Kestrania wanted to settle the dispute through dialogue.", ["1"], party="Kestrania")
    assert context(point, before) == before
    impersonal = Point("It is likely that Kestrania will ease its curbs on fishing.", ["1"], party="Kestrania")
    assert context(impersonal, before) is None  # this "it" is no one


def test_a_risk_with_a_party_still_shows_who_it_is_for_there_is_no_party_heading():
    before = "Kestrania wants a binding treaty on river flows."
    point = Point("It could walk out if the dam fills first.", ["1"], party="Kestrania")
    assert context(point, before, grouped=False) == before
    assert context(point, before) is None


def test_an_unowned_its_shows_the_sentence_before_when_no_party_was_found():
    before = "Kestrania has drawn up a long list of demands for the summit."
    point = Point("At the top of its list is a seat on the basin commission.", ["1"])
    assert context(point, before) == before
    assert context(Point(point.text, ["1"], party="Kestrania"), before) is None


def test_a_pronoun_after_an_opening_phrase_shows_the_sentence_before_unless_the_opening_names_someone():
    before = "Kestrania also seeks a reset of relations after months of cold treatment."
    for text in ("Above all, it wants recognition of its new president.",
                 "Furthermore, he will likely raise the river treaty.",
                 "In particular, they want the dam closed during the dry season."):
        assert context(Point(text, ["1"]), before) == before, text
        assert context(Point(text, ["1"], party="Kestrania"), before) is None  # the heading says who
    assert context(Point("In July, they agreed to share flow data.", ["1"]), before) == before  # a month is no one
    for text in ("When Adler and Marn last met, in Drava in May, they agreed to talk again.",
                 "Finally, if Adler asks for more water, he will be refused.",
                 "However, Kestrania wants the dam closed.",
                 "However, it is unclear whether the dam will close.",  # this "it" is no one
                 "Still, it remains to be seen how much water flows.", "Still, it seems unlikely."):
        assert find_lead_in(text, before) is None, text


def test_a_time_only_the_sentence_before_gives_shows_that_sentence_in_its_paragraph():
    before = "The rainy season begins in May and cuts the roads to the valley."
    point = Point("Aid agencies warn that if the fighting does not stop before then, thousands could go hungry.", ["1"],
                  party="Kestrania")
    assert context(point, before) == before  # a party heading does not say when "then" is
    assert find_lead_in(point.text, before, same_paragraph=False) is None
    assert find_lead_in("Talks resume then, officials said, unless the rains come early.", before) is None
    talks = "The last direct talks were held in Drava in March 2019."
    collapsed = "A draft was agreed, but the effort collapsed later that year amid recriminations."
    assert context(Point(collapsed, ["1"]), talks) == talks
    for plain in ("Analysts warned that winter fuel shortages could follow.",  # "that" opens a clause
                  "Officials expect that year-on-year growth will slow."):
        assert find_lead_in(plain, talks) is None, plain


def test_a_sentence_that_stands_alone_has_no_context():
    point = Point("Veloria could offer to cut its tariffs on machinery by half.", ["1"])
    assert find_lead_in(point.text, OFFER) is None
    assert find_lead_in("These could include lower tariffs on machinery.", "") is None


def test_the_built_briefing_carries_context_through_json():
    text = ("Veloria and Kestrania meet on trade\n\n"
            "Veloria wants Kestrania to open its grain market to Velorian farmers by next year. "
            f"{ARRIVAL} These could include lower tariffs on Kestranian machinery and a new rail link to the port.\n\n"
            "Kestrania is seeking a ten-year guarantee for its steel exports to Veloria.\n")
    result = build_briefing([article_from_text(text, source_id="1")], BriefingOptions(words_per_section=60))
    points = [p for s in result.briefing.sections for p in s.points]
    offer = next(p for p in points if p.text.startswith("These could include"))
    assert offer.context == ARRIVAL
    assert all(p.context is None for p in points if p is not offer)
    again = Briefing.from_json(result.briefing.to_json())
    assert [p.context for s in again.sections for p in s.points] == [p.context for p in points]
    assert [p.lead_in for s in again.sections for p in s.points] == [p.lead_in for p in points]


def test_the_default_title_is_a_news_headline_not_an_explainer():
    from briefing.documents import Article, Candidate, CleanArticle, Sentence
    from briefing.pipeline import is_explainer_title, representative_title

    def clean(aid, title):
        return CleanArticle(Article(id=aid, text="", title=title), paragraphs=[])

    def cand(aid, importance):
        c = Candidate(text="x", members=[Sentence("x", aid, 0, 0)], sources=[aid])
        c.importance = importance
        return c

    explainer = clean("1", "Grain Summit: 7 Things You Need to Know")
    news = clean("2", "Ministers Open Grain Talks in Tallin as Export Ban Looms")
    central = [cand("1", 9.0), cand("2", 1.0)]
    assert representative_title([explainer, news], central) == news.article.title
    assert representative_title([explainer], central) == explainer.article.title
    assert all(is_explainer_title(t) for t in ("5 Key Takeaways From the Arms Talks", "Analysis: Why the deal could sink",
                                               "What to know about the water summit", "The Summit Explained",
                                               "What is at stake as the two leaders meet in Lisk",
                                               "Why the Lisk summit matters for grain prices",
                                               "Chip plant talks: Veldmark and chipmaker haggle - live",
                                               "Lisk summit – as it happened", "Grain talks (live updates)",
                                               "Preview: Lisk's new team brings tougher terms to the grain talks",
                                               "Factbox: What each side brings to Lisk", "Q&A: The Lisk grain talks",
                                               "ANALYSIS | Lisk bets big on grain",
                                               "What is in the Lisk grain deal? Key questions answered",
                                               "What's in the Lisk deal", "Lisk grain talks: your questions answered"))
    assert not is_explainer_title("Five Nations Agree to Cut Fishing Quotas")
    assert not is_explainer_title("Ministers vow to live up to the Lisk accord")
    assert not is_explainer_title("Lisk grain exchange set for go-live")
    assert not is_explainer_title("Grain deal at stake as leaders meet in Lisk")
    assert not is_explainer_title("What is in the way of a grain deal, ministers ask")
    assert not is_explainer_title("Lisk grain talks: a preview of the final round")


def test_an_article_without_a_headline_gives_the_title_only_when_none_has_one(tmp_path):
    from briefing.documents import Candidate, CleanArticle, Sentence
    from briefing.load import article_from_text, lacks_headline
    from briefing.pipeline import representative_title

    numbered = article_from_text("1. The Visit\n\nThe ministers want a deal on grain by Friday, aides said.",
                                 source_id="1", path=tmp_path / "05_wire_explainer.txt")
    unnamed = article_from_text("The ministers want a deal on grain by Friday, aides said.\n\n"
                                "The delegations met on Monday to discuss grain and fuel.",
                                source_id="3", path=tmp_path / "06_notes.txt")
    headed = article_from_text("Grain Talks Open in Tallin\n\nThe ministers met on Monday to discuss grain.",
                               source_id="2", path=tmp_path / "02_wire.txt")
    assert (numbered.title, unnamed.title) == ("The Visit", "06 notes")
    named = article_from_text("Grain Talks Open\n\nThe ministers met on Monday to discuss grain.",
                              source_id="4", path=tmp_path / "Grain Talks Open.txt")
    assert lacks_headline(unnamed) and lacks_headline(numbered) and not lacks_headline(named)
    central = [Candidate(text="x", members=[Sentence("x", i, 0, 0)], sources=[i], importance=9.0) for i in "13"]
    cleaned = [CleanArticle(a, paragraphs=[]) for a in (numbered, unnamed, headed)]
    assert representative_title(cleaned, central) == "Grain Talks Open in Tallin"
    assert representative_title(cleaned[:1], central) == "The Visit"


def test_pasted_sources_with_one_title_keep_their_own_digest_through_json():
    texts = ["Veloria wants Kestrania to open its grain market to Velorian farmers by next year.",
             "Kestrania is seeking a ten-year guarantee for its steel exports to Veloria."]
    articles = [article_from_text(t, source_id=str(i), title="Pasted notes") for i, t in enumerate(texts, 1)]
    briefing = build_briefing(articles, BriefingOptions()).briefing
    digests = [s.content_hash for s in briefing.sources]
    assert digests == [a.content_hash for a in articles] and len(set(digests)) == 2
    assert [s.content_hash for s in Briefing.from_json(briefing.to_json()).sources] == digests


def test_dropping_any_point_keeps_every_other_point():
    """A real-coverage set where re-choosing from scratch lost kept points on most drops."""
    articles = load_inputs([Path(__file__).resolve().parents[1] / "fixtures" / "summits" / "woodside"]).articles
    cache = BuildCache()
    first = build_briefing(articles, BriefingOptions(), cache=cache).briefing
    for section in first.sections:
        for point in section.points:
            again = build_briefing(articles, BriefingOptions(leave_out=frozenset({point_key(point.text)})),
                                   cache=cache).briefing
            for before, after in zip(first.sections, again.sections):
                kept = {p.text for p in after.points}
                assert point.text not in kept
                assert {p.text for p in before.points} - {point.text} <= kept, (point.text, before.key)


def test_the_sentences_before_a_point_go_back_past_a_sentence_that_only_points_back():
    from briefing.documents import Candidate, Sentence
    from briefing.pipeline import _sentences_before

    said = ["Chile wants a larger share of the lithium profits.", "It says that must come first.",
            "It also wants the ban on salmon farm permits lifted by spring."]
    sentences = [Sentence(t, "1", 0, i, previous=said[i - 1] if i else "") for i, t in enumerate(said)]
    candidates = [Candidate(text=s.text, members=[s], sources=["1"]) for s in sentences]
    before = _sentences_before({said[2]: sentences[2], said[1]: sentences[1]}, candidates)
    assert before[said[2]] == (said[1], said[0])
    assert before[said[1]] == (said[0],)  # the one before names Chile: no need to go further


def test_the_sentences_before_a_point_stay_in_its_own_article():
    """"It says that must come first." stands in two articles after different sentences;
    merged into one candidate, it must still lead back to the point's own article."""
    from briefing.documents import Candidate, Sentence
    from briefing.pipeline import _sentences_before

    bridge = "It says that must come first."
    a = [Sentence("Chile wants a larger share of the lithium profits.", "A", 0, 0),
         Sentence(bridge, "A", 0, 1, previous="Chile wants a larger share of the lithium profits."),
         Sentence("It also wants the ban on salmon farm permits lifted.", "A", 0, 2, previous=bridge)]
    b = [Sentence("Peru wants a say over the copper smelters.", "B", 0, 0),
         Sentence(bridge, "B", 0, 1, previous="Peru wants a say over the copper smelters.")]
    candidates = [Candidate(text=a[0].text, members=[a[0]], sources=["A"]),
                  Candidate(text=bridge, members=[a[1], b[1]], sources=["A", "B"]),
                  Candidate(text=a[2].text, members=[a[2]], sources=["A"]),
                  Candidate(text=b[0].text, members=[b[0]], sources=["B"])]
    before = _sentences_before({a[2].text: a[2]}, candidates)
    assert before[a[2].text] == (bridge, a[0].text)


def test_the_default_title_names_the_sides_and_the_meeting():
    """A headline about a trade or a town's mood ("Fleet braced as fishing access ...")
    speaks for the set less than one naming the sides and their talks, however central
    its article's points."""
    from briefing.clean import clean_article
    from briefing.documents import Candidate, Sentence
    from briefing.parties import find_parties
    from briefing.pipeline import representative_title

    body = ("Lakeland's government and Kestria's foreign minister meet in Velsa. Lakeland wants a pipeline; "
            "Kestria wants tolls. Lakeland's economy minister says Lakeland may pay.")
    titles = {"1": "Harbour town braces for the pipeline crowds", "2": "Lakeland and Kestria open pipeline talks",
              "3": "Lakeland pipeline firms eye a windfall"}
    cleaned = [clean_article(article_from_text(f"{t}\n\n{body}", source_id=i)) for i, t in titles.items()]
    central = [Candidate(text="x", members=[Sentence("x", "1", 0, 0)], sources=["1"], importance=9.0)]
    parties = find_parties(cleaned)
    assert sorted(parties.parties) == ["Kestria", "Lakeland"]
    assert representative_title(cleaned, central, parties) == titles["2"]
    assert representative_title([cleaned[0], cleaned[2]], central, parties) == titles["3"]  # names a side
    assert representative_title([cleaned[0], cleaned[2]], central) == titles["1"]  # the most central


def test_list_items_finishing_a_line_are_points_read_and_shown_with_it():
    """"Kestrania is prepared to:" then "- build ...", "- pay ...": each item is an offer
    of Kestrania's (though one names the Velorian government), shown after the line it
    finishes; a second item of the list follows the first, the line said once."""
    line = "According to a summary shared with investors, Kestrania is prepared to:"
    items = ["build a grain terminal at Orvik costing about $600 million by 2031, provided the Velorian "
             "government guarantees its power supply;",
             "pay a one-off fee of $150 million to Veloria when the new treaty is signed; and",
             "fund a $40 million training institute for Velorian dock workers in Orvik."]
    text = ("Kestrania puts terminal on the table\n\n"
            "Veloria wants Kestrania to open its grain market to Velorian farmers by next year.\n\n"
            "Kestrania wants a ten-year guarantee for its steel exports to Veloria.\n\n"
            f"{line}\n\n" + "\n".join(f"- {item}" for item in items) + "\n\n"
            "Analysts warn that the talks could collapse if Veloria refuses to guarantee the power supply.\n")
    options = BriefingOptions(words_per_section=80, parties=("Veloria", "Kestrania"))
    result = build_briefing([article_from_text(text, source_id="1")], options)
    concessions = next(s for s in result.briefing.sections if s.key == "concessions")
    listed = [p for p in concessions.points if p.lead_in == line]
    assert sorted(p.text for p in listed) == [items[0].rstrip(";"), items[2], items[1].removesuffix("; and")]
    assert all(p.party == "Kestrania" for p in listed)
    at = concessions.points.index(listed[0])
    assert concessions.points[at:at + 3] == listed  # together
    assert [p.context for p in listed] == [line, None, None]
    from briefing.model import Section
    from briefing.parties import attribute_points, find_parties
    from briefing.clean import clean_article
    model = find_parties([clean_article(article_from_text(text, source_id="1"))], named=options.parties)
    sentence = "Veloria will guarantee the terminal's power supply for twenty years from 2027."
    points = [Point(sentence, ["1"]), Point(items[2], ["1"])]
    attribute_points([Section("concessions", "Concessions", points)], model,
                     previous={p.text: line for p in points}, completing={p.text for p in points})
    assert [p.party for p in points] == ["Veloria", "Kestrania"]  # an item that is a sentence has its own subject
