from briefing.dedup import group_sentences, overlap
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
