import pytest

from briefing.discourse import announces_a_list, leans_on_previous, opens_with_anaphor
from briefing.lexicon import opening_pattern


def test_pointers_back_at_the_start():
    assert opens_with_anaphor("These could include cheaper fuel and new ferries.")
    assert opens_with_anaphor("It also wants the border reopened.")
    assert not opens_with_anaphor("This week the ministers meet again in Oslo.")
    assert not opens_with_anaphor("Thailand wants the border reopened.")


def test_demonstratives_early_in_the_sentence():
    assert leans_on_previous("An economist noted that this proposal would help both sides.")
    assert leans_on_previous("Under such a deal, fishing quotas would rise.")
    assert leans_on_previous("Under that agreement, Oslo promised a greater say in planning.")
    assert not leans_on_previous("Officials said that the talks would resume this year in Rome.")
    assert not leans_on_previous("The envoy said that talks would resume.")


def test_a_pronoun_after_an_opening_preposition_points_back_but_a_possessive_points_ahead():
    assert leans_on_previous("In it, the two countries said they opposed attacks on nuclear plants.")
    assert leans_on_previous("Under them, fishing fleets could enter the bay twice a year.")
    assert not leans_on_previous("For its part, Tarsk has signaled that it could resume sharing data.")
    assert not leans_on_previous("In Beijing, the two sides met for three hours on Friday.")


def test_a_definite_generic_noun_at_the_start_points_back():
    assert opens_with_anaphor("The deal was blocked by regulators last year.")
    assert not opens_with_anaphor("The ministers met in Oslo.")


def test_only_a_pointer_back_carries_the_frame_on():
    from briefing.discourse import continues_previous

    assert continues_previous("These may include cheaper fuel and new ferries.")
    assert continues_previous("This proposal would cut costs for both sides.")
    assert continues_previous("They also want a seat at the table.")
    assert not continues_previous("This summit will be a test for both leaders.")
    assert not continues_previous("Thailand wants the border reopened.")


def test_a_pronoun_subject_is_a_new_point_a_pointer_is_an_elaboration():
    from briefing.discourse import elaborates_previous

    assert elaborates_previous("This proposal would cut costs for both sides.")
    assert elaborates_previous("An economist noted that this proposal would help both sides.")
    assert not elaborates_previous("It also wants the border reopened.")
    assert not elaborates_previous("“They want the border reopened,” the envoy said.")
    assert not elaborates_previous("Thailand wants the border reopened.")


def test_a_definite_noun_just_named_refers_back():
    from briefing.discourse import elaborates, refers_back, repeats_a_noun_of

    before = "Lisbon wants Madrid to stop blocking a $2 billion loan from the regional bank."
    assert repeats_a_noun_of("The loan would pay for new turbines and grid links.", before)
    assert repeats_a_noun_of("The Spanish loans would pay for new turbines.", before)
    assert not repeats_a_noun_of("The turbines arrive in May.", before)
    assert not repeats_a_noun_of("The loan would pay for new turbines.", "")
    assert refers_back("The loan would pay for new turbines.", before)
    assert elaborates("The loan would pay for new turbines.", before)
    assert not elaborates("It also wants a seat on the bank's board.", before)


def test_an_opening_phrase_about_its_owner_needs_the_sentence_before():
    from briefing.discourse import owner_is_before

    assert owner_is_before("At the top of its list is a new rail link to the coast.")
    assert owner_is_before("Among their demands is a seat on the river commission.")
    assert not owner_is_before("For its part, Kordavia could agree to a moratorium.")  # the owner follows
    assert not owner_is_before("Japan wants its exports spared from the tariffs.")  # the owner comes first
    assert not owner_is_before("At the summit the two leaders will sign a fisheries pact.")



@pytest.mark.parametrize("text, announces", [
    ("Three dangers stand out for the talks this spring.", True),
    ("Two obstacles remain.", True),
    ("Two key demands loom over the talks.", True),
    ("The two risks are a border clash and a walkout.", False),  # names them
    ("Three risks are a clash, a walkout and a veto.", False),
    ("Three risks: a clash, a walkout and a veto.", False),
    ("Two ministers resigned.", False),
    ("Despite the progress, several obstacles remain.", True),  # an opening phrase only links it
    ("For now, three questions hang over the deal.", True),
    ("But two obstacles remain.", True),  # a connective with no comma is an opening too
    ("In Halvor, two ministers resigned.", False),
    ("Two obstacles remain, officials say.", True),  # an attribution after it is no opening phrase
    ("Since March, three concessions were offered by Kestria to the rebels.", False),  # says more
    ("Several hurdles remain before the treaty can be signed by both parliaments next year.", False),
])
def test_a_short_sentence_counting_what_comes_next_announces_a_list(text, announces):
    assert announces_a_list(text) is announces



def test_opening_pattern_finds_whole_opening_phrases_longest_first():
    introducer = opening_pattern("clause_openers.txt", "introducer")
    assert introducer is not None
    assert introducer.match("instead, the two sides agreed") is None  # "in" is no opener of "instead"
    assert introducer.match("in lima, the minister said").group(0) == "in"
    impersonal = opening_pattern("reported_speech.txt", "impersonal", "impersonal_copula")
    assert impersonal.match("it seems the deal holds").group(0) == "it seems"  # not "it"
    assert impersonal.match("it is likely that talks resume").group(0) == "it is"
    assert opening_pattern("clause_openers.txt", "no such kind") is None


@pytest.mark.parametrize("text, adds", [
    ("It also wants recognition of its 2019 filing.", True),
    ("Beijing is also seeking relief from export controls.", True),
    ("Also at stake is the May launch.", True),
    ("Kenya wants the border reopened.", False),
    ("Kenya wants the border reopened, and it would also accept monitors.", False),  # "also" deep in a clause
])
def test_a_sentence_adding_to_what_was_said_before(text, adds):
    from briefing.discourse import adds_to_previous
    assert adds_to_previous(text) is adds
