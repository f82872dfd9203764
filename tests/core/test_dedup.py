from briefing.dedup import group_sentences, overlap, same_report
from briefing.documents import Sentence
from briefing.lexicon import stopwords


def sent(text, article, pos=0):
    return Sentence(text=text, article_id=article, paragraph=0, position=pos)


def test_exact_copies_across_articles_are_one_point_citing_both():
    a = sent("The union wants a 5% pay rise for all port workers this year.", "1")
    b = sent("The union wants a 5% pay rise for all port workers this year.", "2")
    [cand] = group_sentences([a, b], stopwords())
    assert cand.sources == ["1", "2"] and cand.support == 2


def test_copies_within_one_article_count_once():
    a = sent("The union wants a 5% pay rise for all port workers this year.", "1", 0)
    b = sent("The union wants a 5% pay rise for all port workers this year.", "1", 7)
    [cand] = group_sentences([a, b], stopwords())
    assert cand.support == 1


def test_near_copies_merge_and_remember_every_reporting_article():
    a = sent("The union wants a 5% pay rise for all port workers this year.", "1")
    b = sent("The union wants a 5% pay rise for all of the port workers this year, officials said.", "2")
    c = sent("Shipping firms warned that a strike could close the ports for weeks.", "2", 1)
    cands = group_sentences([a, b, c], stopwords())
    assert len(cands) == 2
    merged = next(x for x in cands if x.support == 2)
    # The point keeps one wording and cites only the article that has it verbatim.
    assert merged.text in (a.text, b.text)
    assert len(merged.sources) == 1 and len(merged.related) == 1


def test_different_sentences_on_one_topic_stay_apart():
    a = sent("The union wants a 5% pay rise for all port workers this year.", "1")
    b = sent("Port operators offered a 2% rise and a one-off bonus for workers.", "2")
    assert len(group_sentences([a, b], stopwords())) == 2


def test_overlap_is_share_of_smaller_set():
    assert overlap(frozenset("abcd"), frozenset("ab")) == 1.0
    assert overlap(frozenset("abcd"), frozenset("xy")) == 0.0
    assert overlap(frozenset(), frozenset("ab")) == 0.0


def test_a_sentence_adding_a_fact_of_its_own_is_not_a_copy_of_the_shorter_one():
    # Merged, the shorter wording (two sources) would stand for both and Orvane's demand
    # would be lost.
    short = "Veldmark plans to require licences for exports of advanced chips to sanctioned countries."
    longer = ("Veldmark plans to require export licences for advanced chips sold to countries under "
              "sanctions, and Orvane wants the plant exempted from the new licence regime.")
    # The company and its plant are named all over, so the index pairs the two sentences.
    others = ["Orvane wants the plant to open in 2029, its chief executive said.",
              "Under the regime, Orvane wants the plant exempted from rules on what can be sold abroad."]
    cands = group_sentences([sent(short, "1"), sent(short, "3"), sent(longer, "2")]
                            + [sent(t, "4", i) for i, t in enumerate(others, 1)], stopwords())
    assert sorted(c.text for c in cands) == sorted([short, longer, *others])


def test_same_report_allows_a_short_attribution_tail():
    bag = lambda t: frozenset(t.split())
    assert same_report(bag("union wants pay rise port workers year"),
                       bag("union wants pay rise port workers year officials said monday"), 0.7)
    assert not same_report(bag("union wants pay rise port workers year"),
                           bag("union wants pay rise port workers year operators offered bonus one-off ports"), 0.7)


def test_a_copy_with_an_attribution_added_is_still_a_copy():
    from briefing.pipeline import attribution_stems

    short = "Veldmark wants at least 70% of the permanent jobs at the plant to go to local residents."
    longer = short[:-1] + ", Industry Minister Lotte Harkel told reporters in Veldstadt on Tuesday."
    # Harkel and Veldstadt named elsewhere too, so the index pairs the two sentences.
    others = ["Industry Minister Lotte Harkel told reporters in Veldstadt on Tuesday that talks would go on.",
              "Harkel told reporters on Tuesday the minister would meet Orvane again in Veldstadt."]
    cands = group_sentences([sent(short, "1"), sent(short, "3"), sent(longer, "2")]
                            + [sent(t, "4", i) for i, t in enumerate(others, 1)], stopwords(),
                            attribution=attribution_stems())
    [merged] = [c for c in cands if "70%" in c.text]
    assert merged.text == short and merged.related == ["2"] and merged.support == 3
