from briefing.clean import clean_article
from briefing.load import article_from_text
from briefing.sentences import (article_sentences, leaves_unfinished, list_item_text, quotes_balanced, split_sentences,
                                strip_dateline)


def test_abbreviations_do_not_end_sentences():
    text = ("Mr. Okafor met Gen. Ruiz in Washington on Feb. 3 to discuss U.S. aid. "
            "The talks ran late. Dr. Lee of the U.N. agency said little.")
    assert split_sentences(text) == [
        "Mr. Okafor met Gen. Ruiz in Washington on Feb. 3 to discuss U.S. aid.",
        "The talks ran late.",
        "Dr. Lee of the U.N. agency said little.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    text = "“We will not sign,” the envoy said. “The offer is too small.” The talks resumed later."
    assert split_sentences(text) == [
        "“We will not sign,” the envoy said.",
        "“The offer is too small.”",
        "The talks resumed later.",
    ]
    straight = 'He said "the deal is dead." Then he left the room.'
    assert split_sentences(straight) == ['He said "the deal is dead."', "Then he left the room."]


def test_dateline_is_not_part_of_the_sentence():
    assert strip_dateline("NAIROBI — The mediators arrived on Monday.") == "The mediators arrived on Monday."
    assert strip_dateline("BRUSSELS (Reuters) - Ministers met today.") == "Ministers met today."
    assert strip_dateline("The EU — and its allies — met.") == "The EU — and its allies — met."


def test_a_live_blog_entry_time_is_not_part_of_the_sentence():
    text = ("Live: envoys meet in Tarsk\n\n"
            "The two delegations arrived at the palace early on Friday morning.\n\n"
            "The host minister opened the session with a short welcome.\n\n"
            "The first round lasted barely an hour, officials said.\n\n"
            "15:10 - The envoy told reporters the two sides had agreed to swap 300 prisoners each.\n\n"
            "16:05 GMT: Talks will resume in Tarsk next week, the host minister said.\n\n"
            "9:30 p.m. ET - The envoys left the palace without a joint statement.\n\n"
            "The vote on the text was won 12:30 - a narrow margin, by any measure.\n\n"
            "4.50 - The price of a tonne of wheat, in euros, after the deal was signed.\n\n"
            "9:30 amet - Lorem text pasted by mistake stays as it was written.\n")
    texts = [s.text for s in article_sentences(clean_article(article_from_text(text, source_id="1")))]
    assert "The envoy told reporters the two sides had agreed to swap 300 prisoners each." in texts
    assert "Talks will resume in Tarsk next week, the host minister said." in texts
    assert "The envoys left the palace without a joint statement." in texts
    assert "The vote on the text was won 12:30 - a narrow margin, by any measure." in texts
    assert "4.50 - The price of a tonne of wheat, in euros, after the deal was signed." in texts  # no clock time
    assert "9:30 amet - Lorem text pasted by mistake stays as it was written." in texts  # no zone word


def test_headings_and_list_labels_are_not_sentences():
    text = ("Ministers Meet on Grain Exports\n"
            "1. What Each Side Wants\n"
            "The exporters want a lower quota on wheat shipments this year.\n"
            "Risks Ahead\n"
            "Negotiators warned that a failure could trigger new export bans.\n")
    clean = clean_article(article_from_text(text, source_id="1"))
    texts = [s.text for s in article_sentences(clean)]
    assert texts == ["The exporters want a lower quota on wheat shipments this year.",
                     "Negotiators warned that a failure could trigger new export bans."]


def test_each_sentence_knows_the_heading_it_stands_under():
    text = ("Ministers Meet on Grain Exports\n"
            "The two ministers meet in Tallin on Monday for a second round.\n"
            "What Could Go Wrong\n"
            "The harvest fell 30 percent short of the forecast this summer.\n"
            "Storage silos in the south are already half empty.\n")
    clean = clean_article(article_from_text(text, source_id="1"))
    headings = [(s.text.split()[1], s.heading) for s in article_sentences(clean)]
    assert headings == [("two", ""), ("harvest", "What Could Go Wrong"), ("silos", "What Could Go Wrong")]


def test_a_bulleted_key_point_is_no_point_and_no_heading_of_what_follows():
    text = ("Grain talks - live\n"
            "Key points\n"
            "• Ministers from the two exporters meet for a second day in Tallin to settle the quota for next year\n"
            "• Kestria has tabled a rival offer on wheat\n"
            "- Storage silos could run short\n"
            "• Key dates\n"
            "The two ministers meet in Tallin on Monday for a second round.\n")
    clean = clean_article(article_from_text(text, source_id="1"))
    kinds = [(p.text, p.is_heading, p.is_list_item) for p in clean.paragraphs[:5]]
    assert kinds == [("Key points", True, False), (clean.paragraphs[1].text, False, True),  # long: may be a point
                     ("Kestria has tabled a rival offer on wheat", True, True),
                     ("Storage silos could run short", True, True), ("Key dates", True, False)]
    sentences = article_sentences(clean)
    assert [(s.text.split()[1], s.heading) for s in sentences] == [("from", "Key points"), ("two", "Key dates")]
    clean = clean_article(article_from_text(text.replace("• Key dates\n", ""), source_id="1"))
    assert [s.heading for s in article_sentences(clean)] == ["Key points"] * 2  # not "Storage silos could run short"
    labels = ("Grain talks explained\n• What each side wants\nThe exporters want a lower quota on wheat this year.\n"
              "• What could go wrong\nNegotiators warned that a failure could trigger new export bans.\n")
    clean = clean_article(article_from_text(labels, source_id="1"))  # a bullet alone labels what follows
    assert [s.heading for s in article_sentences(clean)] == ["What each side wants", "What could go wrong"]


def test_items_finishing_an_unfinished_line_are_read_with_it():
    text = ("Council urges restraint\n"
            "The regional council met in Orvik on Tuesday to review the truce with both delegations.\n"
            "The council calls on both governments to:\n"
            "- Reopen the border crossings to grain lorries within a week;\n"
            "- release the detained fishermen held since the spring; and\n"
            "- name two envoys each\n"
            "Both delegations left Orvik without speaking to reporters after the meeting.\n"
            "Three trade-offs keep coming up:\n"
            "- Kestria could lower its tariff on wheat next season.\n"
            "- Tallin could open its ports to Kestrian ships.\n")
    clean = clean_article(article_from_text(text, source_id="1"))
    sentences = article_sentences(clean)
    assert [s.text for s in sentences[1:3]] == [  # the joining punctuation goes; the words stay as written
        "Reopen the border crossings to grain lorries within a week",
        "release the detained fishermen held since the spring"]
    assert [s.previous for s in sentences[1:3]] == ["The council calls on both governments to:"] * 2
    assert [s.completes for s in sentences] == [False, True, True, False, False, False]  # the last: too short
    assert sentences[3].previous == "name two envoys each"
    assert [s.text.split()[0] for s in sentences[3:]] == ["Both", "Kestria", "Tallin"]  # sentences of their own
    assert leaves_unfinished("The council calls on both governments to:")
    assert leaves_unfinished("Under the deal, Kestria will:")
    assert not leaves_unfinished("Three trade-offs keep coming up:")
    assert not leaves_unfinished("The main points of the deal include:")  # items may be sentences
    assert list_item_text("pay a bonus of $150 million when the licence is renewed, or") == \
        "pay a bonus of $150 million when the licence is renewed"
    assert list_item_text("cut the duty to 5 percent.") == "cut the duty to 5 percent."
    in_paragraph = text.replace("Tuesday to review the truce with both delegations.\nThe council",
                                "Tuesday to review the truce with both delegations. The council")
    sentences = article_sentences(clean_article(article_from_text(in_paragraph, source_id="1")))
    assert sentences[1].previous == "The council calls on both governments to:"  # the line, not its paragraph


def test_questions_and_quote_fragments_are_not_points():
    text = ("What might each side give up in the end?\n"
            "“We are not looking for a fight. We are looking for water,” the minister told reporters.\n"
            "The delegation expects a long night of talks in the capital.\n")
    clean = clean_article(article_from_text(text, source_id="1"))
    texts = [s.text for s in article_sentences(clean)]
    assert texts == ["The delegation expects a long night of talks in the capital."]
    assert not quotes_balanced("“We are not looking for a fight.")


def test_a_plain_fact_under_a_question_heading_takes_that_heading():
    text = ("Ministers Meet on Grain Exports\n"
            "The two ministers meet in Tallin on Monday for a second round.\n"
            "What could go wrong?\n"
            "The harvest fell 30 percent short of the forecast this summer.\n")
    clean = clean_article(article_from_text(text, source_id="1"))
    assert [s.heading for s in article_sentences(clean)] == ["", "What could go wrong?"]


def test_each_sentence_knows_whether_it_opens_its_paragraph():
    text = ("Ministers Meet on Grain Exports\n\n"
            "The two ministers meet in Tallin on Monday for a second round. "
            "Both want the quota settled before the harvest.\n\n"
            "The deal would run for three years and cover wheat and barley.\n")
    clean = clean_article(article_from_text(text, source_id="1"))
    opens = [(s.text.split()[1], s.opens_paragraph) for s in article_sentences(clean)]
    assert opens == [("two", True), ("want", False), ("deal", True)]
