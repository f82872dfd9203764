from functools import partial

from briefing.documents import Candidate, Sentence
from briefing.lexicon import stopwords
from briefing.pipeline import generic_stems
from briefing.select import select_points, weighted_overlap
from briefing.tokens import content_stems

BAG = partial(content_stems, stop=stopwords())
SECTIONS = ("objectives", "concessions", "risks")


def cand(text, section, score=6.0, article="1", position=0):
    c = Candidate(text=text, members=[Sentence(text, article, 0, position)], sources=[article])
    c.scores = {k: (score if k == section else 0.0) for k in SECTIONS}
    c.section = section
    return c


POOL = [
    cand("The farmers' union wants a guaranteed minimum price for wheat exports next season.", "objectives"),
    cand("The farmers' union wants a guaranteed minimum price for wheat exports, its leader said on Monday.",
         "objectives", article="2"),
    cand("The ministry is seeking a new rail link to the northern port of Tarsk.", "objectives", 4.0, "2", 1),
    cand("Exporters hope the deal will open shipping lanes through the strait to grain carriers.", "objectives", 3.0, "3"),
    cand("In return, the ministry could offer lower fees for container ships at Tarsk.", "concessions"),
    cand("The rival bloc has threatened to block the rail link if the port fees fall.", "risks"),
]


def test_each_section_stays_within_its_budget():
    chosen = select_points(POOL, SECTIONS, 30, BAG, generic=generic_stems())
    for k in SECTIONS:
        assert sum(len(c.text.split()) for c in chosen[k]) <= 30


def test_a_point_repeating_a_chosen_point_is_not_chosen():
    chosen = select_points(POOL, SECTIONS, 150, BAG, generic=generic_stems())
    texts = [c.text for c in chosen["objectives"]]
    union_wants = [t for t in texts if t.startswith("The farmers' union wants")]
    assert len(union_wants) == 1
    assert len(texts) == 3


def test_points_stay_in_their_section_and_none_is_lost_for_lack_of_room():
    chosen = select_points(POOL, SECTIONS, 150, BAG, generic=generic_stems())
    assert [c.text for c in chosen["concessions"]] == [POOL[4].text]
    assert [c.text for c in chosen["risks"]] == [POOL[5].text]


def test_a_dropped_point_is_never_chosen_nor_its_repeat_and_the_next_best_takes_its_words():
    first = [c.text for c in select_points(POOL, SECTIONS, 30, BAG, generic=generic_stems())["objectives"]]
    assert first[0].startswith("The farmers' union wants")
    again = [c.text for c in select_points(POOL, SECTIONS, 30, BAG, generic=generic_stems(),
                                           leave_out=frozenset({first[0]}))["objectives"]]
    assert not any(t.startswith("The farmers' union wants") for t in again)  # nor in other words
    assert set(again) - set(first) and sum(len(t.split()) for t in again) <= 30


def test_a_drop_keeps_every_other_point_and_nothing_dropped_gives_the_first_briefing():
    first = select_points(POOL, SECTIONS, 40, BAG, generic=generic_stems())
    kept = {k: [c.text for c in cs] for k, cs in first.items()}
    dropped = kept["objectives"][-1]
    again = select_points(POOL, SECTIONS, 40, BAG, generic=generic_stems(), leave_out=frozenset({dropped}))
    for k, texts in kept.items():
        assert set(texts) - {dropped} <= {c.text for c in again[k]}
    back = select_points(POOL, SECTIONS, 40, BAG, generic=generic_stems(), leave_out=frozenset())
    assert {k: [c.text for c in cs] for k, cs in back.items()} == kept


def test_clearer_frames_come_first():
    chosen = select_points(POOL, SECTIONS, 150, BAG, generic=generic_stems())
    scores = [c.importance for c in chosen["objectives"]]
    assert scores == sorted(scores, reverse=True)


def test_weighted_overlap_counts_rare_words_more():
    rarity = {"wheat": 3.0, "price": 2.0, "union": 0.5, "port": 1.0}
    a = frozenset({"wheat", "price", "union"})
    b = frozenset({"wheat", "port"})
    assert weighted_overlap(a, b, rarity) == 3.0 / 4.0
    assert weighted_overlap(a, frozenset(), rarity) == 0.0


def _after(text, previous, section, position):
    c = Candidate(text=text, members=[Sentence(text, "7", 0, position, previous)], sources=["7"])
    c.scores = {k: (6.0 if k == section else 0.0) for k in SECTIONS}
    c.section = section
    return c


def test_a_new_aim_of_the_same_party_is_kept_an_elaboration_of_a_chosen_point_is_not():
    first = "The fishing board wants the herring quota raised by a fifth next spring."
    pool = [
        _after(first, "", "objectives", 0),
        _after("It also wants the ban on night trawling lifted before the autumn season.", first,
               "objectives", 1),
        _after("This demand would double the catch of the northern fleet within two years.", first,
               "objectives", 2),
    ]
    chosen = [c.text for c in select_points(pool, SECTIONS, 150, BAG, generic=generic_stems())["objectives"]]
    assert first in chosen
    assert pool[1].text in chosen
    assert pool[2].text not in chosen


def test_an_offer_outranks_the_short_comment_on_it_that_follows():
    """"That would let Norvia avoid ..." comments on the offer before it and inherits its
    frame; being short, it had outscored the offer itself, which then stood only as its
    lead-in."""
    offer = "Velda could accept compensation spread over five years, or partly paid in shipping capacity."
    pool = [
        _after(offer, "", "concessions", 3),
        _after("That would let Norvia avoid admitting liability.", offer, "concessions", 4),
    ]
    pool[1].scores["concessions"] = 9.0  # its own "would let" and four fifths of the offer's frame
    chosen = [c.text for c in select_points(pool, SECTIONS, 14, BAG, generic=generic_stems())["concessions"]]
    assert chosen == [offer]


def test_a_sentence_naming_too_little_is_never_a_point():
    vague = cand("Both sides have cards to play.", "concessions", score=9.0)
    offer = POOL[4]
    chosen = select_points([vague, offer], SECTIONS, 150, BAG, generic=generic_stems())
    assert [c.text for c in chosen["concessions"]] == [offer.text]


def test_a_sentence_that_only_counts_the_items_to_come_is_never_a_point():
    announcer = cand("Three dangers could upset the port talks this spring.", "risks", score=9.0)
    risk = POOL[5]
    chosen = select_points([announcer, risk], SECTIONS, 150, BAG, generic=generic_stems())
    assert [c.text for c in chosen["risks"]] == [risk.text]


def test_a_party_name_does_not_make_the_next_fact_about_that_party_look_old():
    """Names say who, not what: after one point about Norland, another Norland demand
    still adds its own facts, and beats a vaguer sentence that names nobody."""
    words = "amber birch cedar delta ember fjord grove heath inlet juniper kelp larch moss nettle".split()
    background = [cand(f"{'Norland officials' if i % 3 == 0 else 'Clerks'} filed the {w} report at the harbour.",
                       None, article=str(1 + i % 5), position=9 + i) for i, w in enumerate(words)]
    first = cand("Norland wants Estmark to raise the herring quota by a third.", "objectives", 8.0)
    second = cand("Norland also demands licences for its trawlers on the Dogger shelf.", "objectives", 6.0, "2")
    vague = cand("Fishermen hope the talks end well before the spring season starts.", "objectives", 4.0, "3")
    pool = background + [first, second, vague]
    names = frozenset(BAG("Norland Estmark"))
    with_names = select_points(pool, SECTIONS, 22, BAG, generic=generic_stems(), names=names)
    assert [c.text for c in with_names["objectives"]] == [first.text, second.text]
    without = select_points(pool, SECTIONS, 22, BAG, generic=generic_stems())
    assert [c.text for c in without["objectives"]] == [first.text, vague.text]


def test_a_reported_fact_outranks_a_quotation_of_equal_weight():
    """A section reports; voices go to Notable quotes. With room for one of two equally
    framed sentences, the one opening with a quotation gives way."""
    quoted = cand("“The grain terminal lease at Tarsk would run for ninety-nine years,” said one adviser.",
                  "concessions")
    reported = cand("The grain terminal lease at Tarsk would run for ninety-nine years, one adviser said.",
                    "concessions", article="2")
    for pool in ([quoted, reported], [reported, quoted]):
        chosen = select_points(pool, SECTIONS, 16, BAG, generic=generic_stems())
        assert [c.text for c in chosen["concessions"]] == [reported.text]


def test_a_quotation_needs_more_than_twice_the_frame_to_win():
    """Quotations chosen into sections were colour 7 times in 8; even a quotation
    framed more than twice as clearly as the report gives way to it."""
    quoted = cand("“The grain terminal lease at Tarsk would run for ninety-nine years,” said one adviser.",
                  "concessions", 6.0)
    reported = cand("The grain terminal lease at Tarsk would run for ninety-nine years, one adviser said.",
                    "concessions", 2.5, article="2")
    chosen = select_points([quoted, reported], SECTIONS, 16, BAG, generic=generic_stems())
    assert [c.text for c in chosen["concessions"]] == [reported.text]


def test_a_sentence_from_an_article_body_outranks_the_same_report_in_a_lead():
    """An article's first sentences report the news peg; given room for one of two
    reports of the same aim in other words, the one from further down an article is taken,
    though the lead says it in a word less."""
    lead = cand("Tarsk's farmers want a guaranteed minimum price for their wheat exports next season.",
                "objectives", position=0)
    body = cand("Farmers from Tarsk want a guaranteed minimum price for wheat exports next season.",
                "objectives", article="2", position=6)
    for pool in ([lead, body], [body, lead]):
        chosen = select_points(pool, SECTIONS, 14, BAG, generic=generic_stems())
        assert [c.sources for c in chosen["objectives"]] == [["2"]]


def test_a_lead_sentence_is_still_a_point_when_nothing_else_says_it():
    lead = cand("Farmers from Tarsk want a guaranteed minimum price for wheat exports next season.",
                "objectives", position=1)
    chosen = select_points([lead], SECTIONS, 14, BAG, generic=generic_stems())
    assert [c.text for c in chosen["objectives"]] == [lead.text]
