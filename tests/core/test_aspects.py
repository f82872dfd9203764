import pytest

from briefing.pipeline import default_scorer
from briefing.tokens import stem, stems

SECTIONS = ("objectives", "concessions", "risks")

# Sentences written for these tests, about meetings other than any sample; each states
# one section's frame clearly.
CASES = [
    ("objectives", "Brazil is seeking guarantees that its beef exports will not face new quotas."),
    ("objectives", "The mediators hope to win a 30-day truce before the rainy season begins."),
    ("objectives", "Canberra wants the alliance to fund a second submarine base in the north."),
    ("objectives", "The union's main goal is to protect pensions for workers who retire before 2030."),
    ("objectives", "Both delegations aim to agree a joint statement on maritime safety."),
    ("objectives", "Diplomats say the president's primary aim is to bring the fishing fleets back to the table."),
    ("objectives", "Lisbon would also like Rabat to help share the cost of patrolling the strait."),
    ("objectives", "Accra hopes the two delegations will agree to reopen the border crossings."),
    ("risks", "Any deal would look like a surrender at home and could derail the talks."),
    ("concessions", "In return, Kenya could offer to lower its tariffs on imported machinery."),
    ("concessions", "The rebels are prepared to release 200 prisoners if the shelling stops."),
    ("concessions", "Berlin has signalled it may buy more liquefied gas from its partners."),
    ("concessions", "The company pledged to invest $2 billion in new plants in the region."),
    ("concessions", "Officials said Ottawa is willing to share more of the cost of the radar network."),
    ("risks", "Analysts warned that a collapse of the talks could trigger a new round of fighting."),
    ("risks", "Hardliners in parliament have threatened to block any deal that cedes territory."),
    ("risks", "The dispute over fishing rights remains the main sticking point and could derail the summit."),
    ("risks", "Markets fear an unpredictable escalation if the sanctions are tightened."),
    ("risks", "Critics say the plan is a risky gamble that could leave the ports exposed."),
    ("risks", "Fishing grounds off the reef have become a flashpoint for both navies."),
    ("risks", "Any thaw between the two capitals is fragile, and one miscalculation could end it."),
]


@pytest.mark.parametrize("text", [
    "Weak consumer demand the past two quarters has dragged on growth.",
    "Chinese demand a decade ago drove soybean prices to a record.",
])
def test_demand_as_a_noun_is_no_aim(text):
    assert default_scorer()(text)["objectives"] == 0, default_scorer()(text)


@pytest.mark.parametrize("expected,text", CASES)
def test_each_sentence_scores_highest_for_its_section(expected, text):
    scores = default_scorer()(text)
    best = max(SECTIONS, key=lambda k: scores[k])
    assert best == expected, scores


@pytest.mark.parametrize("text", [
    "For the premier, the visit is a chance to show that Tarsk is not isolated after the sanctions.",
    "For Orvane's president, the trip offers a chance to present himself as a statesman.",  # not an offer
    "Lisk sees the summit as an opportunity to drive a wedge between its two rivals.",
])
def test_what_a_meeting_is_a_chance_to_do_for_a_side_is_its_aim(text):
    scorer = default_scorer()
    assert scorer.frame_of(text) == "objectives", scorer(text)
    assert scorer(text)["objectives"] > max(scorer(text)["concessions"], scorer(text)["risks"])


@pytest.mark.parametrize("text", [
    "There is little chance to reach a deal before the deadline expires on Friday.",
    "The summit may be the last chance to avert a trade war between the two blocs.",
])
def test_little_or_the_last_chance_is_no_aim(text):
    assert default_scorer()(text)["objectives"] == 0


def test_a_risk_word_as_the_object_of_a_mitigating_verb_is_an_aim():
    scores = default_scorer()("The two navies will hold drills to deter threats to shipping lanes.")
    assert scores["objectives"] > scores["risks"]


@pytest.mark.parametrize("text", [
    "The new power line eases pressure on the grid in the north.",
    "Officials said the accord reduced tension along the river for the first time in months.",
    "The new law ended years of uncertainty for dairy farmers.",
    "The court ruling that ended years of uncertainty was welcomed in both capitals.",
])
def test_a_mitigating_verb_in_a_finite_form_reports_an_effect_not_an_aim_nor_a_risk(text):
    """"to ease pressure" is sought; "the new line eases pressure" is harm undone."""
    assert default_scorer()(text)["objectives"] == 0.0
    assert default_scorer().frame_of(text) is None


def test_a_wish_for_a_formula_that_avoids_harm_is_still_an_aim():
    assert default_scorer().frame_of("Lima is looking for a formula that avoids a trade war.") == "objectives"


@pytest.mark.parametrize("text", [
    "The museum tells the story of the city since the Cold War.",
    "The Threat Reduction Agency will send two inspectors.",
    "Analysts at the International Crisis Group expect a long meeting.",
])
def test_a_cue_word_inside_a_name_is_no_cue(text):
    """"since the Cold War" dates a plan; "Threat Reduction Agency" and "Crisis Group" are bodies."""
    scores = default_scorer()(text)
    assert default_scorer().frame_of(text) is None and scores["risks"] < 1.5, scores


def test_a_capital_opening_a_quote_is_still_a_cue():
    assert default_scorer()('The minister said: "War would ruin the valley."')["risks"] >= 2.0


def test_an_opening_exchange_phrase_leaves_the_frame_to_its_main_clause():
    """"In return," links to the offer before; what follows says who wants what."""
    scorer = default_scorer()
    assert scorer.frame_of("In return, Kestria wants the northern port reopened by spring.") == "objectives"
    assert scorer.frame_of("In return, Kestria is likely to seek a seat on the board.") == "objectives"
    # an aside after the main clause does not: the offer is the point
    assert scorer.frame_of("In return, Kestria could reopen the port, a move Lima has long wanted.") == "concessions"
    # the linking phrase's own cue counts less, so the aim is no tie with an offer
    scores = scorer("In return, Kestria wants the northern port reopened by spring.")
    assert scores["objectives"] > scores["concessions"], scores
    # and a condition is no linking phrase
    assert scorer.frame_of("If talks collapse, Lima wants guarantees.") == "risks"


def test_a_hedged_giving_verb_after_a_wish_is_what_is_wished_for():
    """The hedge belongs to the wish: "is expected to seek the release" asks for it."""
    scorer = default_scorer()
    sought = "Lima is expected to seek the release of the six jailed fishermen held in Quito."
    assert scorer.frame_of(sought) == "objectives"
    scores = scorer(sought)
    assert scores["objectives"] > scores["concessions"], scores
    given = scorer("Quito is expected to release the six jailed fishermen from Lima.")
    assert given["concessions"] >= 3.0 and given["objectives"] == 0.0, given
    # where the verb stands decides only the frame, not how late in a long sentence the cue is
    late = scorer("The Quito government, according to two officials at the talks, could within weeks "
                  "lift its ban on Peruvian poultry and eggs.")
    assert late["concessions"] >= 3.0 and late["concessions"] > late["risks"], late


def test_a_wish_inside_a_condition_is_no_aim():
    """Nobody is asking yet: the wish is only supposed."""
    text = "If the ministry asked for more time, the commission would consult its members first."
    assert default_scorer()(text)["objectives"] == 0.0


def test_a_wish_in_the_main_clause_after_a_condition_still_counts():
    text = "The bank would not object if Kenya asked for more time and it wants a deal by October."
    assert default_scorer()(text)["objectives"] > 0.0


def test_a_condition_that_names_a_price_still_states_an_aim():
    text = "The rebels would hand over their heavy guns only if they first receive a guarantee of safe passage."
    assert default_scorer()(text)["objectives"] > 0.0


@pytest.mark.parametrize("text", [
    "Several senators have said they want binding guarantees on the grain corridor before any vote.",
    "Opposition lawmakers in Tallin have urged the minister to reject any cut in the fishing quota.",
])
def test_a_demand_from_lawmakers_or_critics_at_home_is_a_risk_not_an_aim(text):
    scores = default_scorer()(text)
    assert scores["risks"] > scores["objectives"]


@pytest.mark.parametrize("text", [
    "The fisheries minister has said she wants binding guarantees on the quota.",
    "After meeting senators on Tuesday, the fisheries minister said she wants binding guarantees on the quota.",
])
def test_the_same_demand_from_a_party_at_the_table_is_an_aim(text):
    scores = default_scorer()(text)
    assert scores["objectives"] > scores["risks"]


def test_an_aside_after_the_subject_does_not_make_the_frame_a_side_clause():
    """A cue deep in a long sentence counts less, but ", who ..., " before the verb is not depth."""
    scorer = default_scorer()
    aside = ("The president, who regards the old fishing accord as one of the proudest achievements of his "
             "first term, is expected to press the premier to reopen the northern grounds.")
    side = ("The two leaders will meet at the hotel on Friday after a week of talks, and the "
            "president is expected to press the premier to reopen the northern grounds.")
    assert len(aside.split()) == len(side.split())
    assert scorer(aside)["objectives"] > scorer(side)["objectives"]


def test_plain_background_scores_low():
    scores = default_scorer()("The summit takes place in a hotel beside the lake on Friday.")
    assert max(scores.values()) < 2.0


@pytest.mark.parametrize("text", [
    "The monsoon starts in May and usually cuts off the mountain roads until September.",
    "Theresa May said the two sides cut their delegations to ten people each.",
])
def test_a_modal_spelled_with_a_capital_inside_a_sentence_is_a_name_not_a_hedge(text):
    assert default_scorer()(text)["concessions"] == 0, default_scorer()(text)


def test_a_modal_in_a_title_case_heading_still_hedges():
    assert default_scorer()("What The Rebels May Cut")["concessions"] > 0


@pytest.mark.parametrize("text", [
    "The mediator, Ana Ruiz, declined to discuss the details of any offer.",
    "Port officials did not respond to questions about a possible compromise on fees.",
    "The minister declined to say whether Lisbon would offer more patrol boats.",
])
def test_a_source_saying_nothing_states_no_offer(text):
    assert default_scorer()(text)["concessions"] == 0, default_scorer()(text)


def test_silence_ends_with_its_clause():
    text = "The ministry declined to comment, but two officials said Lisbon could offer more patrol boats."
    assert default_scorer()(text)["concessions"] > 2.5


@pytest.mark.parametrize("reaction, statement", [
    ("Lisbon gave the proposal a cool reception.",
     "Lisbon's proposal would open the strait to fishing fleets."),
    ("Port officials greeted the offer with open relief.",
     "Port officials welcomed the offer to cut berthing fees by half."),
    ("Dock workers met the request with a strike.",
     "The request now under discussion would fund two new frigates."),
])
def test_a_cue_noun_pointing_back_to_an_offer_counts_less_than_one_stating_it(reaction, statement):
    scorer = default_scorer()
    assert max(scorer(reaction).values()) < 1.5, scorer(reaction)
    assert max(scorer(statement).values()) >= 2.5, scorer(statement)


@pytest.mark.parametrize("text", [
    "The goal, officials said, is a ceasefire by June.",
    "For the port city, the priority remains the highway.",
    "The offer, a 20 percent cut in fees, was tabled on Monday.",
    "Such concessions, diplomats say, could unlock a deal.",
])
def test_a_cue_noun_opening_its_clause_states_what_it_names(text):
    assert max(default_scorer()(text).values()) >= 2.5, default_scorer()(text)


@pytest.mark.parametrize("text, section", [
    ('Soto told reporters: "Perhaps we can cut fees."', "concessions"),
    ("Lisbon MAY cut fees.", "concessions"),
])
def test_a_modal_opening_a_quote_or_in_capitals_still_hedges(text, section):
    assert default_scorer()(text)[section] > 0, default_scorer()(text)


def test_the_month_is_no_hedge_before_a_name_either():
    assert default_scorer()("Since May, Juba has cut the number of checkpoints on the highway.")["concessions"] == 0


@pytest.mark.parametrize("text, section", [
    ("The rebels did not return to the talks after the government refused to release the prisoners.", "risks"),
    ("Juba did not reply in kind and instead offered to release 200 prisoners.", "concessions"),
    ("The ministry declined to comment but officials said Lisbon could offer more patrol boats.", "concessions"),
])
def test_words_of_silence_in_their_plain_sense_or_before_a_turn_leave_the_cues(text, section):
    assert default_scorer()(text)[section] >= 2.5, default_scorer()(text)


def test_cue_forms_that_stem_alike_count_once():
    scorer = default_scorer()
    assert scorer("They plan to meet.")["objectives"] == scorer("They plans to meet.")["objectives"]


def test_a_plain_fact_under_a_risk_heading_is_a_risk():
    from briefing.aspects import score_candidates
    from briefing.documents import Candidate, Sentence

    fact = "The harvest fell 30 percent short of the forecast this summer."
    def candidate(heading):
        return Candidate(text=fact, members=[Sentence(fact, "1", 3, 5, heading=heading)], sources=["1"])
    under_risks, loose = candidate("6. What Could Go Wrong"), candidate("")
    score_candidates([under_risks, loose], default_scorer(), SECTIONS, 2.5)
    assert under_risks.section == "risks"
    assert loose.section is None


def test_a_sentence_with_its_own_frame_keeps_it_after_another_sections_sentence():
    """"It wants ..." after an offer is an aim; "These may include ..." after one is an offer."""
    from briefing.aspects import score_candidates
    from briefing.documents import Candidate, Sentence

    offer = "Oslo is prepared to lift its quota on mackerel catches for two seasons."
    def candidate(text):
        return Candidate(text=text, members=[Sentence(text, "1", 2, 4, previous=offer)], sources=["1"])
    aim = candidate("Its interest is plain: it wants the boats of both fleets back at sea by spring.")
    more = candidate("It could also open two harbours to foreign trawlers.")
    score_candidates([aim, more], default_scorer(), SECTIONS, 2.5)
    assert aim.section == "objectives", aim.scores
    assert more.section == "concessions", more.scores


@pytest.mark.parametrize("text", [
    "The fishermen's union says it will never accept a quota below last year's catch.",
    "Quito will never give up its claim to the disputed reef.",
    "The rebels would accept nothing less than a full withdrawal of the army.",
    "The rebels will accept nothing less than a full withdrawal of the army.",
    "Officials say Pretoria is unwilling to lower its tariffs on steel.",
    "Kenya conceded little on tea tariffs in the final text.",
    "The two shipping lines have declined to contribute to the relief fund.",
    "Neither Quito nor Lima has said it will pay for the new lighthouse.",
    "Neither side is willing to give ground on the border crossings.",
])
def test_a_refused_offer_is_not_a_concession(text):
    scores = default_scorer()(text)
    assert scores["concessions"] < scores["risks"], scores


@pytest.mark.parametrize("text, section", [
    ("An executive said the export rules could cut the company off from its largest customers.", "risks"),
    ("Kestria could cut its neighbours off from the grid.", "risks"),
    ("Norway could sell extra gas out of its reserves.", "concessions"),  # no "sell out": not next to it
    ("Lima could cut its levies on fertiliser by half.", "concessions"),
    ("Lima may drop its claim to the reef.", "concessions"),
])
def test_a_particle_makes_a_giving_verb_harm(text, section):
    scores = default_scorer()(text)
    assert max(SECTIONS, key=lambda k: scores[k]) == section, scores


@pytest.mark.parametrize("text", [
    "Lima may not only buy more wheat but also offer to cut its levies on fertiliser.",
    "Officials did not rule out a gesture of goodwill, such as releasing the detained crew.",
    "Hanoi is expected to renew its pledge not to raise export duties on rice.",
    "Not surprisingly, Kenya offered to lower its tariffs on tea.",
    "Kenya, not Uganda, offered to lower its tariffs on tea.",
    "Kenya did not hesitate to offer lower tariffs on tea.",
    "Kenya could offer a little more on tea.",
    "Kenya could offer little by little cuts in its tariffs on tea.",
    "Kenya made an offer, little noticed at the time, to lower tariffs on tea.",
    "Prices declined so Kenya offered to buy more rice from Vietnam.",
    "Neither side would comment, but Kenya offered to lower its tariffs on tea.",
    "Neither side has ruled out a compromise on the fishing quotas.",
    "Nobody expected Kenya to offer such deep cuts in its tea tariffs.",
    "Kenya made an offer neither Uganda nor Tanzania could match.",
])
def test_a_negation_that_refuses_nothing_leaves_an_offer(text):
    scores = default_scorer()(text)
    assert max(SECTIONS, key=lambda k: scores[k]) == "concessions", scores


def test_little_by_little_undoes_only_little():
    assert default_scorer().frame_of("Kenya offered little by way of concessions on tea.") == "risks"


@pytest.mark.parametrize("text", [
    "5. Risks to the deal",
    "2) Threats to the talks",
])
def test_a_numbered_heading_in_sentence_case_keeps_its_cue(text):
    assert default_scorer().frame_of(text) == "risks"


def test_hoping_another_side_will_act_is_an_aim_strong_enough_to_be_a_point():
    """"Beijing hopes India will ease curbs ..." scored 2.0 (the bare noun "hope") and
    was no candidate at all, though it is the plainest way news states an aim."""
    from briefing import BriefingOptions

    scores = default_scorer()("Kestrania hopes Veloria will ease its curbs on foreign investment in ports.")
    assert max(SECTIONS, key=lambda k: scores[k]) == "objectives"
    assert scores["objectives"] >= BriefingOptions().min_aspect_score


@pytest.mark.parametrize("text", [
    "Officials in Quito have not ruled out a partial release of the seized fishing boats.",
    "The treasury has not ruled out a longer grace period on the bridge loan, people familiar with the talks said.",
])
def test_not_ruling_something_out_is_an_opening_not_a_refusal(text):
    """"ruled out" alone refuses (a risk); inside "not ruled out" it is the opposite, and
    the longer cue decides."""
    scores = default_scorer()(text)
    assert max(SECTIONS, key=lambda k: scores[k]) == "concessions", scores
    assert default_scorer()("Officials in Quito have not ruled out smaller steps.")["risks"] == 0


def test_ruling_something_out_is_still_a_refusal():
    scores = default_scorer()("Quito has ruled out any release of the seized fishing boats.")
    assert scores["risks"] > scores["concessions"], scores


@pytest.mark.parametrize("text", [
    "The plan could serve as a basis for talks on the border crossings, officials in Accra said.",
    "Delegates described the Kenyan draft as a starting point for the tariff talks.",
])
def test_a_text_offered_as_a_basis_for_talks_is_a_concession(text):
    scores = default_scorer()(text)
    assert scores["concessions"] > max(scores["objectives"], scores["risks"]), scores


def test_trying_to_appear_as_something_is_an_aim():
    scores = default_scorer()("Hanoi tries to present itself as a neutral host for the fishing talks.")
    assert scores["objectives"] > max(scores["concessions"], scores["risks"]), scores


def test_what_a_country_buys_every_year_is_background_but_could_buy_is_an_offer():
    """A habit ("Ghana buys ...") is no offer: at the weight of "offer" it filled the
    concessions of a summit with trade statistics. Hedged, it is one."""
    from briefing import BriefingOptions

    scorer, least = default_scorer(), BriefingOptions().min_aspect_score
    assert scorer("Ghana buys most of its rice from Vietnam and Thailand.")["concessions"] < least
    hedged = scorer("Ghana could buy more rice from Vietnam next year.")
    assert max(SECTIONS, key=lambda k: hedged[k]) == "concessions" and hedged["concessions"] >= least


def test_a_refusal_after_an_opening_still_counts_as_a_refusal():
    """The first "ruled out" lies inside "not ruled out"; the second stands on its own and
    is a refusal, whichever clause comes first."""
    scorer = default_scorer()
    opening = "Lima has not ruled out a partial release of the boats, but Quito has "
    refused = scorer(opening + "ruled out any new quota.")
    neutral = scorer(opening + "discussed any new quota.")
    assert refused["risks"] > neutral["risks"], (refused, neutral)
    first = scorer("Quito has ruled out any new quota, but Lima has not ruled out a partial release of the boats.")
    assert first["risks"] >= 2.0, first


def test_the_war_a_summit_is_about_is_its_topic_not_a_risk():
    """In talks to end a war, "war" and "conflict" are in nearly every sentence; an agreed
    swap of prisoners of war is no risk, while a feared wider war still is."""
    from briefing import BriefingOptions

    scorer, least = default_scorer(), BriefingOptions().min_aspect_score
    assert scorer("The two sides agreed an exchange of 400 prisoners of war, the largest of the conflict.")["risks"] < least
    assert scorer("Analysts fear the border clashes could spark a wider war.")["risks"] >= least


def test_the_dispute_a_summit_is_about_is_its_topic_not_a_risk():
    """Talks to settle "a dispute" or "the row" name it in background paragraphs and
    explainer headings ("What is the row about?"); a feared escalation is still a risk."""
    from briefing import BriefingOptions

    scorer, least = default_scorer(), BriefingOptions().min_aspect_score
    assert scorer("The dispute dates to 2019, when Norvia began building the first of its dams.")["risks"] < least
    assert scorer("What is the row about?")["risks"] < least
    assert scorer("The row over the dams could escalate into a trade war.")["risks"] >= least


def test_the_terms_of_a_deal_are_offers_where_they_open_the_sentence():
    """"Under the agreement, Lima will ..." lists what a side gives; "under the deal" told
    in passing, inside a clause, is no frame (a cue marked ^ in the cue file)."""
    from briefing import BriefingOptions

    scorer, least = default_scorer(), BriefingOptions().min_aspect_score
    terms = "Under the agreement, Lima will open two harbours to foreign trawlers for five years."
    assert scorer.frame_of(terms) == "concessions"
    assert scorer("Quito, under the accord, will keep its coastguard out of the disputed reef.")["concessions"] >= least
    assert scorer.frame_of("But under the deal, Lima will open two harbours to foreign trawlers.") == "concessions"
    for passing in ("Two hundred trawlers are expected to sail home under the deal that ended the blockade.",
                    "The trawlers sailed home in March, under the accord that ended the blockade.",
                    "Under the draft law, fishermen would face fines for landing undersized cod."):
        assert scorer(passing)["concessions"] < least, passing


def test_a_cue_marked_to_open_its_clause_keeps_the_mark_when_compiled():
    from briefing.aspects import compile_cues

    cues = compile_cues([(2.5, "^under the deal"), (2.0, "under the deal")], stems)
    assert sorted((c.weight, c.opens_clause) for c in cues) == [(2.0, False), (2.5, True)]


def test_conceding_that_something_is_so_gives_nothing():
    scorer = default_scorer()
    assert scorer("The envoy conceded that the talks had stalled over the border crossings.")["concessions"] == 0.0
    assert scorer("Officials privately concede there is room for movement on the royalty.")["concessions"] == 0.0
    assert scorer("The envoy conceded it would take months to settle the border question.")["concessions"] == 0.0
    assert scorer.frame_of("Kenya may concede more ground on tea tariffs next year.") == "concessions"


def test_what_a_side_has_agreed_to_do_is_an_offer_but_agreeing_to_meet_is_not():
    scorer = default_scorer()
    assert scorer.frame_of("Quito agreed to open two harbours to foreign trawlers in March.") == "concessions"
    assert scorer.frame_of("Lima has agreed to scrap its levy on Ecuadorian tuna.") == "concessions"
    for nothing_given in ("The two ministers agreed to meet again in Lima next month.",
                          "The delegations agreed to hold another round of talks in Quito.",
                          "The two ministers agreed to disagree on the reef."):
        assert scorer(nothing_given)["concessions"] == 0.0, nothing_given


def test_a_word_marked_not_to_follow_a_cue_is_kept_apart_when_compiled():
    from briefing.aspects import compile_cues

    (cue,) = compile_cues([(2.5, "concede ~that ~which")], stems)
    assert cue.parts == ((stem("concede"),),) and cue.not_before == frozenset({stem("that"), stem("which")})


@pytest.mark.parametrize("line", ["concede ~ that", "concede~that", "concede ~that ground", "under ^the deal",
                                  "^~under the deal", "agree ... ~that", "concede ~in return"])
def test_a_cue_line_with_a_misplaced_mark_is_refused_not_misread(line):
    from briefing.aspects import compile_cues

    with pytest.raises(ValueError, match="cue"):
        compile_cues([(2.5, line)], stems)
