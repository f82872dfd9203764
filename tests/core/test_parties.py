from pathlib import Path

import pytest

from briefing.clean import clean_article
from briefing.documents import Article
from briefing.load import load_inputs
from briefing.model import Point, Section
from briefing.parties import (Countries, PartyModel, attribute_points, countries, discover_countries, find_parties,
                              link_capitals, link_leaders, subject_party)

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "articles"


@pytest.fixture(scope="module")
def model() -> PartyModel:
    return find_parties([clean_article(a) for a in load_inputs([ARTICLES]).articles])


def test_parties_are_the_countries_the_coverage_is_about(model):
    assert model.parties == ["Norway", "Chile"]
    assert model.mentions["China"] == 1  # named once: not a party


def test_leaders_are_tied_to_their_country():
    leaders = link_leaders([
        "Norway's Prime Minister Ingrid Halvorsen will host Chilean President Mateo Rivas.",
        "Talks with Prime Minister Anil Mehta of India are planned.",
        "Germany’s chancellor, Lena Vogel, said little.",
        "Poland's Prime Minister Łukasz Żak will join them.",
        "Halvorsen, Rivas, Mehta, Vogel and Żak will meet again in May.",
    ])
    assert leaders["Halvorsen"] == "Norway" and leaders["Ingrid Halvorsen"] == "Norway"
    assert leaders["Rivas"] == "Chile"
    assert leaders["Mehta"] == "India"
    assert leaders["Vogel"] == "Germany"
    assert leaders["Łukasz Żak"] == "Poland"  # a capital need not be A to Z


def test_a_short_name_is_the_word_used_alone_and_names_the_best_known_leader():
    leaders = link_leaders([
        "North Korean leader Ri Chol Ho will meet U.S. Ambassador Daniel Ri on Tuesday.",
        "Ri Chol Ho wants sanctions relief, and Ri Chol Ho has said so for years.",
        "Ri, for his part, is expected to press for guarantees. Ri Song Il, his aide, agreed.",
    ])
    assert leaders["Ri Chol Ho"] == "North Korea" and leaders["Daniel Ri"] == "United States"
    assert leaders["Ri"] == "North Korea"  # the family name comes first; the envoy is named less
    assert "Ho" not in leaders and "Daniel" not in leaders


def test_a_name_runs_on_through_its_particles_and_the_surname_with_them_is_the_short_name():
    leaders = link_leaders([
        "European Commission President Ursula von der Leyen joined the talks.",
        "Von der Leyen said the bloc wants balanced trade. Officials close to von der Leyen agreed.",
        "Saudi Crown Prince Mohammed bin Salman met the envoy.",
    ])
    assert leaders["Ursula von der Leyen"] == "European Union"
    assert leaders["von der Leyen"] == leaders["Von der Leyen"] == "European Union"
    assert leaders["Mohammed bin Salman"] == "Saudi Arabia"
    model = find_parties([clean_article(Article(id="1", title="Talks", text=(
        "European Commission President Ursula von der Leyen met Chinese President Xi Jinping. "
        "Von der Leyen wants balanced trade. China wants investment. Xi wants calm. The EU wants access.")))])
    assert subject_party("Von der Leyen wants a more balanced trade relationship with Beijing.", model) == \
        "European Union"


def test_a_short_name_after_a_country_a_title_or_a_day_still_stands_alone():
    leaders = link_leaders([
        "Russian President Vladimir Putin met Chinese President Xi Jinping.",
        "Russia's Putin wants a deal. China's Xi agreed.",
        "U.S. President Donald Trump arrives on Monday. On Tuesday Trump said little.",
    ])
    assert (leaders["Putin"], leaders["Xi"], leaders["Trump"]) == ("Russia", "China", "United States")


def test_a_short_name_two_leaders_share_equally_names_neither():
    leaders = link_leaders([
        "Chilean President Rosa Vidal met Peru's Foreign Minister Tomas Vidal.",
        "Vidal said the talks went well.",
    ])
    assert "Vidal" not in leaders and leaders["Rosa Vidal"] == "Chile"


@pytest.mark.parametrize("text, party", [
    ("Halvorsen wants a binding commitment from Chile to cut antibiotic use.", "Norway"),
    ("In exchange, Chile could offer to adopt Norwegian farm inspection standards.", "Chile"),
    ("The Chilean government has signalled it may accept tighter limits.", "Chile"),
    ("However, Oslo is prepared to fund a research centre.", "Norway"),
    ("When he arrives in Oslo, Rivas will ask for lithium investment.", "Chile"),
    ("Speaking alongside Halvorsen, Rivas said he wants lithium investment.", "Chile"),
    ("Speaking at the summit, which opens in Oslo on Monday, Rivas will press for lithium investment.", "Chile"),
    ("Pressed steel exports from Norway, which Chile wants curbed, rose last year.", None),
    ("Both Norway and Chile want a shared position at the conference.", None),
    ("Norway, Chile and Peru want a shared position.", None),
    ("Norway also wants Chile to cut antibiotic use in its farms.", "Norway"),  # Chile is the object
    ("Halvorsen could reassure Chile that Oslo will not lecture.", "Norway"),
    ("The two leaders will discuss fisheries and minerals.", None),
    ("China, which buys much of the salmon, is watching the talks.", None),  # not a party
    ("Analysts expect the talks to end with a statement on ocean rules for Chile.", None),
    # someone naming no party reports what a party wants or offers
    ("Two people familiar with the talks said Chile is ready to cut its tariffs.", "Chile"),
    ("Senior officials in the administration pointed out that Halvorsen is keen on an accord.", "Norway"),
    ("Press reports said Norway would fund the research centre.", "Norway"),  # "reports" is the noun
    ("Officials said a Chilean offer of a lithium quota is on the table.", "Chile"),
    ("It is likely that Chile will offer a lithium quota.", "Chile"),  # "it" stands for no one
    ("It's likely that Chile will offer a lithium quota.", "Chile"),
    ("It seems Norway will fund the research centre.", "Norway"),
    ("It looks likely that Chile will offer a lithium quota.", "Chile"),
    ("It is demanding that Chile open its market to salmon feed.", None),  # "it" is someone
    ("Diplomats say the Chilean government could offer a lithium quota.", "Chile"),
    ("Sources told the newspaper that Oslo would fund the research centre.", "Norway"),
    ("Chilean officials said Norway wants stricter farm rules.", "Chile"),  # the reporter is a party
    # an aside after the reporter does not make the reporter too long to be one
    ("Defence Minister Ana Maria Soto, who leads the delegation of the ministry, said Oslo wanted a port.", "Norway"),
    ("Analysts said that if Rivas moves quickly, Norway could fund a port.", None),  # a condition
    ("Officials said he wants the talks with Chile to go well.", None),  # "he" is someone else
    ("He repeated that Chile was willing to fund a port.", "Chile"),
    ("Negotiators have announced a deadline, and Chilean officials will meet.", None),  # an object, not a report
    # a pronoun subject is whoever it stands for, never the party named after the verb
    ("It wants Chile to cut antibiotic use in its farms.", None),
    ("They also want Norway to share its inspection data.", None),
    # a subject that is no party: the party after the verb is its object
    ("Notably, the commission wants Chile to cut antibiotic use.", None),
    ("The council is also pressing Norway to share its inspection data.", None),
    ("The government has asked Chile to write off its loans.", None),
    ("The government of Chile has asked for a loan.", "Chile"),
    # ... but a verb before the subject, or a noun like "offer", leaves the party where it is
    ("Also on the table is Chile's offer to adopt Norwegian standards.", "Chile"),
    ("At stake is Norway's demand for a binding commitment.", "Norway"),
    ("An offer from Norway to fund a research centre is on the table.", "Norway"),
    ("The demands of Chile include a lithium quota.", "Chile"),
    # an opening "For <party>," says whose matter it is, whatever party the subject names
    ("For Oslo, the priority is a firm Chilean commitment on farm rules.", "Norway"),
    ("For Chile, Norwegian standards are the price of access.", "Chile"),
    ("For years, Norway has wanted stricter farm rules.", "Norway"),  # no party in the phrase
    ("For Chile and Norway, the stakes are high.", None),  # two: the phrase is no one's
    ("For China, the priority is cheap salmon from Norway.", None),  # a country, but no side
    ("For China, Chile is the priority market.", None),  # China's view, though Chile is the subject
])
def test_subject_party(model, text, party):
    assert subject_party(text, model) == party


def test_every_point_is_attributed_but_only_want_and_offer_sections_are_grouped(model):
    """A risk keeps its party unseen, so that moved to Objectives it is listed under it."""
    from briefing.render_docx import grouped_points

    aim = Point("Norway wants stricter farm rules for salmon.", ["1"])
    risk = Point("Norway could walk away from the talks entirely.", ["1"])
    sections = [Section("objectives", "Objectives", [aim]), Section("risks", "Risks", [risk])]
    attribute_points(sections, model)
    assert aim.party == "Norway" and risk.party == "Norway"
    assert grouped_points(sections[0], model.parties) == [("Norway", [aim])]
    assert grouped_points(sections[1], model.parties) == [(None, [risk])]


def test_an_existing_party_is_kept(model):
    point = Point("Chile is seeking guaranteed access for its lithium.", ["1"], party="Norway")
    attribute_points([Section("objectives", "Objectives", [point])], model)
    assert point.party == "Norway"


def test_no_country_named_means_no_parties():
    cleaned = [clean_article(Article(id="1", text="The committee met on Tuesday to discuss the budget plan.",
                                     title="Committee meets"))]
    model = find_parties(cleaned)
    assert model.parties == []
    assert subject_party("The committee wants more money.", model) is None


def test_countries_missing_from_the_list_are_found_by_their_demonym():
    text = ("Valdora wants a binding flow guarantee. The Valdoran cabinet met on Monday. "
            "Nereth says Valdora must move first. Nerethi officials want tariff cuts. "
            "Valdora and Nereth meet in Lindern; Nereth hopes for a deal. "
            "Asia watched as Asian markets rose. Asia was calm.")
    found = discover_countries([text])
    assert found == {"Valdora": "Valdora", "Valdoran": "Valdora", "Nereth": "Nereth", "Nerethi": "Nereth"}
    model = find_parties([clean_article(Article(id="1", text=text, title="Talks"))])
    assert set(model.parties) == {"Valdora", "Nereth"}
    assert subject_party("Nerethi officials want tariff cuts on wheat.", model) == "Nereth"


@pytest.mark.parametrize("name, country", [
    ("Eritrean", "Eritrea"), ("Ivory Coast", "Côte d'Ivoire"), ("Côte d’Ivoire", "Côte d'Ivoire"),
    ("Congo", "Democratic Republic of the Congo"), ("Republic of the Congo", "Republic of the Congo"),
    ("Guinea-Bissau", "Guinea-Bissau"), ("Papua New Guinea", "Papua New Guinea"), ("Guinean", "Guinea"),
    ("Dominican", "Dominican Republic"), ("Burkinabe", "Burkina Faso"), ("GCC", "Gulf Cooperation Council"),
    ("Republic of Congo", "Republic of the Congo"), ("Congo Republic", "Republic of the Congo"),
    ("Democratic Republic of Congo", "Democratic Republic of the Congo"), ("Guinea Bissau", "Guinea-Bissau"),
])
def test_small_states_and_blocs_are_on_the_list_and_the_longest_name_wins(name, country):
    # A summit of any two states can be held out; a state missing from the list is found
    # only by its demonym or offices, and then not by its capital or other names.
    text = f"Talks went on. {name} officials want a border deal."
    assert [countries().canonical[m.group(0)] for m in countries().pattern.finditer(text)] == [country]


@pytest.mark.parametrize("text", ["Chad Bown, an economist at a think tank, expects tariffs to rise.",
                                  "Riots broke out in Benin City on Monday.", "Jordan Bardella wants a vote."])
def test_a_country_s_name_opening_a_person_s_or_a_place_s_name_is_no_country(text):
    assert not [m.group(0) for m in countries().pattern.finditer(text)]
    assert [m.group(0) for m in countries().pattern.finditer("Chad wants aid. Jordan's king and Benin agreed.")] \
        == ["Chad", "Jordan", "Benin"]


@pytest.mark.parametrize("text", ["The Northern Ireland Assembly would vote on the plan every four years.",
                                  "A Northern Irish party props up the government.",
                                  "New Mexico farmers want water."])
def test_a_place_whose_name_ends_in_a_country_s_name_is_no_country(text):
    assert not [m.group(0) for m in countries().pattern.finditer(text)]
    assert [m.group(0) for m in countries().pattern.finditer("Ireland, Irish farmers and Mexico.")] \
        == ["Ireland", "Irish", "Mexico"]


def test_a_demonym_and_a_head_of_government_s_title_of_one_country_tie_the_leader_to_it():
    leaders = link_leaders(["Irish Taoiseach Ciara Dunne will meet the prime minister on Thursday."])
    assert leaders.get("Ciara Dunne") == "Ireland"


def test_a_pronoun_subject_takes_the_party_of_the_sentence_before(model):
    pronoun = Point("It also wants the ban on salmon farm permits lifted by spring.", ["1"])
    unrelated = Point("They will meet again in the autumn.", ["1"])
    sections = [Section("objectives", "Objectives", [pronoun, unrelated])]
    attribute_points(sections, model, previous={
        pronoun.text: "Chile wants a larger share of the profits from its lithium mines.",
        unrelated.text: "The two leaders will discuss fisheries and minerals.",
    })
    assert pronoun.party == "Chile"
    assert unrelated.party is None


def test_a_pronoun_after_a_pronoun_takes_the_party_of_the_sentence_before_both(model):
    """"Chile wants ... It says that must come first. It also wants ...": the sentence
    before points back too, so the one before it says who; a sentence that names someone
    else ends the search ("The two leaders will discuss ...")."""
    chained = Point("It also wants the ban on salmon farm permits lifted by spring.", ["1"])
    stopped = Point("It also wants a seat on the fisheries board.", ["1"])
    sections = [Section("objectives", "Objectives", [chained, stopped])]
    attribute_points(sections, model, previous={
        chained.text: ("It says that must come first.", "Chile wants a larger share of the lithium profits."),
        stopped.text: ("The two leaders will discuss fisheries.", "Chile wants a larger share of the lithium profits."),
    })
    assert chained.party == "Chile"
    assert stopped.party is None


def test_an_opening_phrase_about_its_owner_takes_the_party_of_the_sentence_before(model):
    point = Point("At the top of its list is a ban on new salmon farm permits.", ["1"])
    sections = [Section("objectives", "Objectives", [point])]
    attribute_points(sections, model, previous={point.text: "Chile has drawn up a long list of demands."})
    assert point.party == "Chile"


def test_the_forum_of_the_meeting_is_not_a_party():
    body = ("Kenya wants a faster phase-out of coal at the UN climate talks in Geneva. "
            "Chile is seeking new finance for adaptation. The UN process has been slow this year. "
            "Kenya and Chile have both said the UN conference must end with a firm date.")
    articles = [clean_article(Article(id=str(i), text=f"Climate Talks Open\n{body}\n", title="Climate Talks Open"))
                for i in range(1, 4)]
    assert set(find_parties(articles).parties) == {"Kenya", "Chile"}


@pytest.mark.parametrize("text, leans", [
    ("However, his government wants a longer transition for farmers.", True),
    ("These could include a port lease of ninety-nine years.", True),
    ("The deal was blocked by the regulator last year.", True),
    ("In return, Kenya could lower its tariffs on machinery.", False),
    ("This week the ministers meet in Nairobi for a second round.", False),
])
def test_a_point_leans_on_context_when_its_subject_points_back(text, leans):
    from briefing.parties import leans_on_context
    assert leans_on_context(text) is leans


@pytest.mark.parametrize("text, pronoun", [
    ("Still, it wants the talks to run past the deadline.", True),
    ("Still, it seems the talks will run past the deadline.", False),  # "it" stands for no one
    ("Still, it looks likely that the talks will run past the deadline.", False),
    ("However, it is unclear whether the talks will run past the deadline.", False),
])
def test_a_pronoun_after_an_opening_is_someone_unless_impersonal(text, pronoun):
    from briefing.parties import pronoun_after_opening
    assert pronoun_after_opening(text) is pronoun


def test_a_capital_introduced_by_apposition_names_its_country():
    """Lists know real capitals; an unknown one is learned where the copy introduces it."""
    text = ("Valdora wants a binding flow guarantee. The Valdoran cabinet met on Monday. "
            "Nereth says Valdora must move first. Nerethi officials want tariff cuts. "
            "Officials in Halvik, the Nerethi capital, say the kingdom wants a flow guarantee. "
            "On Monday, the Valdoran capital was calm. Meanwhile, the Nerethi capital, it seemed, slept. "
            "Nereth hopes for a deal in Lindern, and Nereth will sign.")
    index = Countries.of({**countries().canonical, **discover_countries([text])})
    assert link_capitals([text], index) == {"Halvik": "Nereth"}
    model = find_parties([clean_article(Article(id="1", text=text, title="Talks"))])
    assert subject_party("Halvik has also hinted it might drop its case at the tribunal.", model) == "Nereth"
    assert subject_party("Officials in Halvik say the kingdom is pressing for a guarantee.", model) == "Nereth"
    assert subject_party("Officials in Lindern say the venue is ready for the talks.", model) is None


@pytest.mark.parametrize("text", [
    "In March, the Nerethi capital hosted a fair.",
    "Yesterday, the Nerethi capital was calm.",
    "Last Thursday, the Nerethi capital voted.",
    "The trade fair was opened by Maren Holt, the Nerethi capital's mayor.",
    "In the Valdoran capital, Western diplomats said the mood was calm.",
    "Valdora's capital, Reuters reported, is calm.",
    "Valdora's capital Investment Fund grew by a tenth.",
])
def test_only_a_closed_apposition_names_a_capital(text):
    index = Countries.of({**countries().canonical, "Nereth": "Nereth", "Nerethi": "Nereth",
                          "Valdora": "Valdora", "Valdoran": "Valdora"})
    assert link_capitals([text], index) == {}


RIVER = Path(__file__).resolve().parents[1] / "fixtures" / "river_summit"


def test_parties_named_by_the_user_are_the_parties_even_without_a_demonym():
    """"Lakeland" has no demonym in the river articles, so it is not found; named, it is a
    party, its leader is tied to it by "President Ama Orlen of Lakeland", and points
    whose subject is Orlen or Lakeland are Lakeland's."""
    cleaned = [clean_article(a) for a in load_inputs([RIVER]).articles]
    assert find_parties(cleaned).parties == ["Norvia"]
    model = find_parties(cleaned, named=("lakeland", "Norvia"))
    assert model.parties == ["Lakeland", "Norvia"]  # spelt as the articles spell it
    assert model.leaders["Orlen"] == "Lakeland"
    assert subject_party("Orlen hopes to secure a joint monitoring commission.", model) == "Lakeland"
    assert find_parties(cleaned, named=("Borlia",)).parties == ["Borlia"]  # named nowhere: as typed
    again = find_parties(cleaned, named=("lakeland", "Norvia"), found=find_parties(cleaned))  # as the build calls it
    assert (again.parties, again.leaders, again.mentions) == (model.parties, model.leaders, model.mentions)


def test_a_named_party_may_be_any_known_name_of_a_country():
    cleaned = [clean_article(a) for a in load_inputs([ARTICLES]).articles]
    model = find_parties(cleaned, named=("santiago", "Norwegian", "Chile"))
    assert model.parties == ["Chile", "Norway"]  # a capital or demonym is its country, once


def test_a_named_leader_or_taught_demonym_is_the_country_and_a_new_name_keeps_its_capital():
    texts = ["President Ama Orlen of Valdora met the Nerethi envoy.", "Valdora and the Valdoran navy wait.",
             "Valdora wants a treaty.", "The Labour party wants a vote.", "Labour costs and the labour market."]
    cleaned = [clean_article(Article(id=str(i), title=f"T{i}", text=t)) for i, t in enumerate(texts, 1)]
    model = find_parties(cleaned, named=("valdoran", "Orlen", "labour"))
    assert model.parties == ["Valdora", "Labour"]  # the demonym and the leader are Valdora's; "Labour" as written
    assert subject_party("The labour market could tighten.", model) is None


def test_naming_the_parties_groups_the_points_but_never_changes_them():
    from briefing import BriefingOptions, build_briefing

    articles = load_inputs([RIVER]).articles
    found = build_briefing(articles, BriefingOptions()).briefing
    named = build_briefing(articles, BriefingOptions(parties=("Norvia",))).briefing
    assert [[p.text for p in s.points] for s in named.sections] == [[p.text for p in s.points] for s in found.sections]


REBEL_TALKS = [
    "Negotiators for Kandoria and the Tarsel Liberation Front (TLF) met in Orvik on Monday, hosted by Belmark.",
    "The TLF wants self-rule for the Tarsel hills. The TLF has also asked for a prisoner release.",
    "Kandoria's Tarsel Liberation Front said it was ready to free 41 captured soldiers.",
    "The government could offer the TLF two cabinet posts. Kandoria wants the TLF to disarm.",
    "The rebels are also demanding that Kandorian troops withdraw 30 kilometres. The TLF said Kandoria must move first.",
    "Kandoria and the TLF traded blame. Kandoria said the Kandorian army held its lines. Belmark urged calm.",
]


def rebel_articles():
    return [clean_article(Article(id=str(i), title=f"T{i}", text=t)) for i, t in enumerate(REBEL_TALKS, 1)]


def test_a_country_without_a_demonym_is_found_by_the_offices_only_a_state_has():
    text = ("The Republic of Veldmark and the chipmaker met again. Veldmark wants jobs. "
            "Veldmark's Industry Minister Lotte Harkel spoke. Kestria's economy minister said Kestria "
            "would bid. Kestria's government agreed. President Yoon's government and Yoon's cabinet met; Yoon left.")
    found = discover_countries([text])
    assert found == {"Veldmark": "Veldmark", "Kestria": "Kestria"}  # not Yoon, whom a title names


def test_a_company_named_with_its_legal_form_is_found_with_the_short_name_the_copy_uses():
    from briefing.parties import discover_companies

    texts = ["Veldmark and the chipmaker Orvane Systems Inc. met. Orvane wants subsidies; Orvane may build.",
             "Shares in Japan Inc rose. The Harbour Gazette Ltd reported. Harbour is a word here."]
    found = discover_companies(texts, countries().canonical)
    assert found["Orvane"] == found["Orvane Systems Inc."] == found["Orvane Systems"] == "Orvane Systems"
    assert "Japan" not in found and "Harbour" not in found  # a country; a first word used once alone
    model = find_parties([clean_article(Article(id="1", text=" ".join(texts[:1] * 3) + " Veldmark's "
                                                "government and Veldmark's parliament agreed.", title="Talks"))])
    assert set(model.parties) == {"Orvane Systems", "Veldmark"}
    assert subject_party("Orvane is seeking grants worth 30% of the cost.", model) == "Orvane Systems"


def test_a_body_the_articles_name_with_an_acronym_is_a_party_when_named_often():
    """No list of countries holds a rebel movement: its name and acronym are learned from
    "Tarsel Liberation Front (TLF)", and it is counted like a country."""
    model = find_parties(rebel_articles())
    assert model.parties[:2] == ["Tarsel Liberation Front", "Kandoria"]
    assert subject_party("The TLF wants self-rule for the Tarsel hills.", model) == "Tarsel Liberation Front"


def test_only_a_named_body_is_found_from_its_acronym():
    from briefing.parties import discover_organisations

    texts = ["Talks on a Free Trade Agreement (FTA) resumed as the Chief Executive Officer (CEO) of the port "
             "spoke of Liquefied Natural Gas (LNG), Prime Minister (PM) Ama Orlen and the Tarsel Liberation Front (TLF)."]
    assert discover_organisations(texts) == {"Tarsel Liberation Front": "Tarsel Liberation Front",
                                             "TLF": "Tarsel Liberation Front"}



def test_a_leader_the_copy_calls_the_country_s_president_is_that_country_s():
    """Lakeland's own press writes "President Ama Orlen" without the country; "the
    Lakeland president" elsewhere ties her to it, unless another unlinked president could
    be meant or the description already has its linked holder."""
    from briefing.parties import link_leaders

    texts = ["President Ama Orlen will meet Kestrian President Ivo Marr in Velsa.",
             "Orlen wants a pipeline deal. The Lakeland president has said so twice.",
             "The Kestrian president has made no promises, and the mercenaries, whose leader Tom Rask spoke, "
             "stayed away."]
    c = Countries.of({**countries().canonical, "Lakeland": "Lakeland", "Kestrian": "Kestria", "Kestria": "Kestria"})
    assert link_leaders(texts, c) == {"Ama Orlen": "Lakeland", "Orlen": "Lakeland", "Ivo Marr": "Kestria"}
    two_unlinked = texts + ["President Ben Sollo of no stated country spoke."]
    assert "Ama Orlen" not in link_leaders(two_unlinked, c)
    former = [t.replace("President Ama Orlen", "former President Ama Orlen") for t in texts]
    assert "Ama Orlen" not in link_leaders(former, c)
    assert "Ama Orlen" not in link_leaders(["Former President Ama Orlen spoke."] + texts[1:], c)
    # Kestria already has its man ("Kestria's chancellor, Ivo Marr"): the other chancellor is not Kestria's
    linked_otherwise = ["Kestria's chancellor, Ivo Marr, came to Velsa. "
                        "Chancellor Ada Vey of no stated country met him.",
                        "The Kestrian chancellor said Kestria wanted closer ties."]
    assert "Ada Vey" not in link_leaders(linked_otherwise, c)
    # ", the Lakeland president" stands beside a name that may be anyone's
    apposition = ["President Ivo Marr hosted Ama Orlen, the Lakeland president, in Velsa."]
    assert "Ivo Marr" not in link_leaders(apposition, c)


def test_an_acronym_used_often_and_spelt_out_elsewhere_is_that_body():
    """Wire copy often writes "the MRF" throughout and "the Marsh Rifles Force" in another
    paragraph, never with brackets: the two still name one side."""
    from briefing.parties import _acronyms

    texts = ["Kandoria's army and the MRF met in Velsa. The MRF wants a ceasefire line; the MRF may free prisoners.",
             "Fighting between the army and the paramilitary Marsh Rifles Force began in June.",
             "The CEO of the port spoke twice about the PTO."]
    assert _acronyms(texts) == {"Marsh Rifles Force": "MRF"}  # CEO and PTO are never spelt out
    assert _acronyms(texts[:1] + ["The Marsh Rifles Force (MRF) spoke."]) == {"Marsh Rifles Force": "MRF"}
    assert _acronyms(texts[1:] + ["The MRF met the MRF."]) == {}  # used twice: a passing name
    inside = "Envoys met the Marsh Rifles Force of General Tom Vell and the Kandorian army."
    assert _acronyms(texts[:1] + [inside]) == {"Marsh Rifles Force": "MRF"}  # a stretch inside a longer run
    model = find_parties([clean_article(Article(id=str(i), title=f"T{i}", text=" ".join(texts[:2])))
                          for i in range(1, 4)])
    assert "Marsh Rifles Force" in model.parties
    assert subject_party("The MRF wants a ceasefire line.", model) == "Marsh Rifles Force"

def test_a_country_owning_another_country_s_name_keeps_the_subject():
    texts = ["Ukraine wants Russia to withdraw. Russia wants Ukraine to stay neutral."] * 3
    model = find_parties([clean_article(Article(id=str(i), title=f"T{i}", text=t)) for i, t in enumerate(texts, 1)])
    assert sorted(model.parties) == ["Russia", "Ukraine"]
    assert subject_party("Ukraine's Russian-speaking regions want more autonomy from Kyiv.", model) == "Ukraine"
    assert subject_party("Russia’s Ukraine policy is unlikely to change.", model) == "Russia"


@pytest.mark.parametrize("text, party", [
    # the owner is not the one who acts
    ("Kandoria's Tarsel Liberation Front said it was ready to free 41 captured soldiers.", "Tarsel Liberation Front"),
    ("Kandoria's defence minister said the army would hold its lines.", "Kandoria"),
    # a party after "demanding that" is the object, not the subject
    ("The rebels are also demanding that Kandorian troops withdraw 30 kilometres.", None),
    ("The rebels are demanding that the Kandorian army withdraw.", None),
])
def test_the_subject_is_the_owned_name_and_never_the_object_of_a_demand(text, party):
    assert subject_party(text, find_parties(rebel_articles())) == party


def test_a_typed_common_noun_is_that_party_in_either_case_and_an_acronym_is_its_full_name():
    cleaned = rebel_articles()
    for typed in (("government", "TLF"), ("Government", "Tarsel Liberation Front"), ("the Government", "TLF")):
        model = find_parties(cleaned, named=typed)
        assert model.parties == ["Government", "Tarsel Liberation Front"]
        assert subject_party("The government could offer the TLF two cabinet posts.", model) == "Government"
        assert subject_party("The TLF has also asked for a prisoner release.", model) == "Tarsel Liberation Front"


def test_a_typed_name_the_articles_capitalise_only_to_open_a_sentence_is_a_common_noun():
    texts = ["Rebels seized the bridge on Monday. Kandoria wants a ceasefire.",
             "Rebels want the army out of the valley. Kandoria met the envoy.",
             "Rebels could free 40 prisoners. Kandoria said it was ready."]
    cleaned = [clean_article(Article(id=str(i), title=f"T{i}", text=t)) for i, t in enumerate(texts, 1)]
    for typed in ("rebels", "REBELS", "Rebels"):
        model = find_parties(cleaned, named=(typed, "Kandoria"))
        assert model.parties == ["Rebels", "Kandoria"] and model.mentions["Rebels"] == 3
        assert subject_party("Rebels want the army out of the valley.", model) == "Rebels"


def test_a_civil_body_opened_by_a_country_s_name_is_not_the_country():
    text = ("Veldmark's government and Veldmark's parliament met Orvane Systems Inc. on Monday. Veldmark wants jobs. "
            "Orvane wants grants. Orvane may build. Veldmark may pay.")
    model = find_parties([clean_article(Article(id="1", text=text, title="Talks"))])
    assert subject_party("The Veldmark Metalworkers' Federation wants a collective agreement.", model) is None
    assert subject_party("The Veldmark Industry Ministry wants a data law.", model) == "Veldmark"


def test_the_government_is_the_only_state_at_a_table_with_a_company_or_a_movement():
    text = ("Veldmark's government and Veldmark's parliament met Orvane Systems Inc. on Monday. Veldmark wants jobs. "
            "Orvane wants grants. Orvane may build. Veldmark may pay.")
    model = find_parties([clean_article(Article(id="1", text=text, title="Talks"))])
    assert subject_party("The government wants at least 70% of the jobs to go to residents.", model) == "Veldmark"
    two_states = find_parties([clean_article(Article(id="1", text=text + " Kestria's government and Kestria's "
                                                     "army said Kestria may bid. Kestria wants the plant. Kestria "
                                                     "may pay. Kestria will not wait. Kestria waits.", title="Talks"))])
    assert "Kestria" in two_states.parties
    assert subject_party("The government wants at least 70% of the jobs to go to residents.", two_states) is None


def test_the_company_is_the_only_company_at_the_table():
    text = ("Veldmark's government and Veldmark's parliament met Orvane Systems Inc. on Monday. Veldmark wants jobs. "
            "Orvane wants grants. Orvane may build. Veldmark may pay.")
    model = find_parties([clean_article(Article(id="1", text=text, title="Talks"))])
    assert model.company == "Orvane Systems"
    for said in ("The company says it needs that certainty before it builds.", "The company wants grants worth 30%.",
                 "Officials said the company could offer a training academy."):
        assert subject_party(said, model) == "Orvane Systems", said
    assert subject_party("The firm deadline Veldmark has set is 30 June.", model) == "Veldmark"  # an adjective
    other = find_parties([clean_article(Article(id="1", text=text + " Kestel Resources Ltd lost the tender.",
                                                title="Talks"))])
    assert other.company is None  # "the company" may be Kestel Resources'
    assert subject_party("The company wants Veldmark to reopen the tender.", other) is None
    assert subject_party("Officials say the government could offer the plant cheap power.", model) == "Veldmark"
    assert subject_party("Officials say the talks could collapse.", model) is None
    rival = find_parties([clean_article(Article(id="1", text=text + " Kestel Mining plc said Kestel Mining may bid. "
                                                "Kestel Mining wants the plant. Kestel Mining may pay. Kestel Mining "
                                                "will not wait. Kestel Mining waits.", title="Talks"))])
    assert "Kestel Mining" in rival.parties and rival.company is None  # which company?
    assert subject_party("The company says it needs that certainty before it builds.", rival) is None


def test_the_sole_state_s_cabinet_and_ministries_are_the_state_but_not_another_country_s():
    talks = ("Veldmark's government and Veldmark's parliament met Orvane Systems Inc. on Monday. Veldmark wants "
             "jobs. Orvane wants grants. Orvane may build. Veldmark may pay.")
    rival = " Kestria's government and Kestria's army said Kestria may bid."  # one article: no party
    model = find_parties([clean_article(Article(id=str(n), text=talks + (rival if n == 1 else ""), title="Talks"))
                          for n in (1, 2, 3)])
    assert model.parties == ["Veldmark", "Orvane Systems"] and model.government == "Veldmark"
    for text in ("The Industry Ministry has also floated a data corridor.", "The cabinet wants a deal by May.",
                 "The Trade and Industry Ministry wants jobs for residents."):
        assert subject_party(text, model) == "Veldmark", text
    for text in ("The Kestrian Economy Ministry wants the plant.", "The German Economy Ministry wants the plant.",
                 "The Chief Cabinet Secretary wants the plant.",
                 "The Foreign Ministry in Beijing wants the export curbs lifted."):
        assert subject_party(text, model) is None, text


def test_office_holders_no_country_claims_are_the_sole_state_s():
    talks = ("Veldmark's government and Veldmark's parliament met Orvane Systems Inc. on Monday. Veldmark wants "
             "jobs. Orvane wants grants. Orvane may build. Veldmark may pay. Prime Minister Emil Vasmaa has joined "
             "the talks. Industry Minister Lotte Harkel met Orvane president Jan Roos. Kestria's economy minister "
             "Ilse Brandt said Kestria may bid. Kestria's government and Kestria's army agree. Vasmaa arrived.")
    model = find_parties([clean_article(Article(id=str(n), text=talks if n == 1 else talks.split(" Kestria")[0],
                                                title="Talks")) for n in (1, 2, 3)])
    assert model.government == "Veldmark"
    assert model.leaders["Emil Vasmaa"] == model.leaders["Vasmaa"] == model.leaders["Lotte Harkel"] == "Veldmark"
    assert model.leaders.get("Jan Roos") == "Orvane Systems" and "Ilse Brandt" not in model.leaders
    others = find_parties([clean_article(Article(id=str(n), title="Talks", text=talks.split(" Kestria")[0] + (
        " The chipmaker's president Anna Berg agreed. Commission President Ursula von der Leyen approved the aid. "
        "China has objected. Foreign Minister Wang Yi said so. Talks met Prime Minister Emil Vasmaa Tuesday.")))
        for n in (1, 2, 3)])
    assert others.government == "Veldmark" and others.leaders["Emil Vasmaa"] == "Veldmark"
    for name in ("Anna Berg", "Berg", "Ursula von der Leyen", "Wang Yi", "Tuesday", "Emil Vasmaa Tuesday"):
        assert others.leaders.get(name) != "Veldmark", name
    assert subject_party("Vasmaa wants a deal signed before the recess.", model) == "Veldmark"
    alone = find_parties([clean_article(Article(id="1", text="Prime Minister Emil Vasmaa met Chilean and Peruvian "
                                                "envoys. Chile wants a deal. Peru wants a deal.", title="Talks"))])
    assert model.government and alone.government is None and "Emil Vasmaa" not in alone.leaders


def test_a_leader_s_surname_with_a_state_s_offices_is_no_country():
    text = ("Israeli Prime Minister Benjamin Netanyahu met the envoy. Netanyahu's government wants guarantees. "
            "Netanyahu's cabinet will vote. Netanyahu wants the hostages freed.")
    assert "Netanyahu" not in discover_countries([text])
    # a title ending a sentence does not make the next sentence's name a person's
    text = "Orvane met the ambassador. Kestria has offered land. Kestria's government and Kestria's army agreed."
    assert discover_countries([text]) == {"Kestria": "Kestria"}
    assert discover_countries(["Talks on a Government of National Unity resumed. National elections were held. "
                               "The parliament of National Unity met. National pride rose."]) == {}
    # the title may stand before up to two given names, with a short title's full stop
    for person in ("President Velo's", "Mr. Velo", "Prime Minister Anna Maria Velo", "the president, Velo"):
        text = f"Talks began. {person} spoke. Velo's government and Velo's army agreed."
        assert discover_countries([text]) == ({"Velo": "Velo"} if "," in person else {}), person
    # a long title ending a sentence does not hide the next title ("... the prime minister. President Velo")
    text = "Velo's government met. Velo's army agreed. It said so, according to the prime minister. President Velo said."
    assert discover_countries([text]) == {}


def test_a_company_s_name_drops_what_stands_before_it():
    from briefing.parties import discover_companies

    texts = ["Japan's Toyota Motor Corp. wants lower tariffs. Toyota builds cars. Toyota may invest.",
             "On Tuesday Orvane Systems Inc. said it would build. Talks resume on Tuesday."]
    found = discover_companies(texts, countries().canonical)
    assert found["Toyota"] == "Toyota Motor" and "Japan's" not in found
    assert "Tuesday" not in found and found["Orvane Systems Inc."] == "Orvane Systems"


def test_a_hyphenated_title_still_ties_a_leader_to_a_country():
    assert link_leaders(["Vice-President Ama Orlen of Kenya arrived on Monday."]).get("Ama Orlen") == "Kenya"


def test_a_country_named_with_the_after_a_leader_s_name_still_ties_the_leader():
    leaders = link_leaders(["President Ama Orlen of the Philippines met Chancellor Ivo Marr of the Netherlands.",
                            "Orlen and Marr spoke for an hour."])
    assert leaders["Ama Orlen"] == "Philippines" and leaders["Orlen"] == "Philippines"
    assert leaders["Marr"] == "Netherlands"
    heads = link_leaders(["President Ama Orlen of the Philippine Red Cross and Chairman Ivo Marr of the US "
                          "Chamber of Commerce spoke. Orlen and Marr spoke again."])
    assert heads == {}  # heads of bodies named after a country


def test_a_linked_leader_s_aide_speaks_for_the_leader_s_country():
    leaders = link_leaders(["Norway's Prime Minister Ingrid Halvorsen met reporters.",
                            "Halvorsen's special envoy Tomas Varga flew to Lima on Monday.",
                            "Varga said the offer stood.", "Mateo's adviser Ana Ruiz said nothing."])
    assert leaders.get("Tomas Varga") == "Norway" and leaders.get("Varga") == "Norway"
    assert "Ana Ruiz" not in leaders  # "Mateo" is no linked leader
    on_monday = link_leaders(["Norway's Prime Minister Ingrid Halvorsen met reporters.",
                              "Halvorsen's envoy Tomas Varga Monday met the Lima delegation."])
    assert on_monday.get("Tomas Varga") == "Norway" and "Monday" not in on_monday
    assert link_leaders(["Chile's President Ingrid May spoke on Monday."]).get("Ingrid May") == "Chile"  # a month

def test_a_title_word_before_a_body_s_name_names_no_leader():
    leaders = link_leaders(["Kestria's envoy addressed the United Nations General Assembly in May.",
                            "United Nations Secretary-General Ama Orlen said the Assembly would vote."])
    assert "Assembly" not in leaders and "General Assembly" not in leaders
    assert not link_leaders(["United Nations General Assembly President Ama Orlen opened the session.",
                             "The Assembly will vote on Friday, and Orlen will chair it."])
    assert leaders.get("Ama Orlen") == "United Nations"


def test_the_government_is_not_the_sole_state_s_when_it_names_another_or_the_user_names_more():
    text = ("Veldmark's government and Veldmark's parliament met Orvane Systems Inc. on Monday. Veldmark wants jobs. "
            "Orvane wants grants. Orvane may build. Veldmark may pay.")
    cleaned = [clean_article(Article(id="1", text=text, title="Talks"))]
    found = find_parties(cleaned)
    assert subject_party("The government of Germany has offered cheaper land.", found) != "Veldmark"
    typed = find_parties(cleaned, named=("Veldmark", "Kestria", "Orvane"), found=found)
    assert subject_party("The government wants at least 70% of the jobs to go to residents.", typed) is None
    own = find_parties(cleaned, named=("Veldmark", "government", "Orvane"), found=found)
    assert subject_party("The government wants at least 70% of the jobs to go to residents.", own) == "Government"


def test_the_abbreviation_us_in_a_subject_is_the_country_not_the_pronoun():
    """"A senior US State Department official said Iran had ..." is the United States
    speaking; "us" is a stop word, but not where it names a party."""
    model = PartyModel(parties=["United States", "Iran"])
    point = Point("A senior US State Department official said Iran had pocketed the compromises offered.", ["1"])
    attribute_points([Section("risks", "Risks", [point])], model)
    assert point.party == "United States"
    told = Point("Iran told us that the talks would resume.", ["1"])
    attribute_points([Section("risks", "Risks", [told])], model)
    assert told.party == "Iran"


@pytest.mark.parametrize("parties, text", [
    (["Bosnia and Herzegovina", "Serbia"], "Bosnia and Herzegovina and Serbia want the border reopened."),
    (["South Korea", "Japan"], "The Republic of Korea and Japan want a deal on the fishing grounds."),
])
def test_a_name_of_several_words_counts_once_in_a_joint_subject(parties, text):
    """The stop words inside a name ("and", "of") are the name's, not the subject's: two
    parties joined as one subject still have no single party."""
    point = Point(text, ["1"])
    attribute_points([Section("objectives", "Objectives", [point])], PartyModel(parties=parties))
    assert point.party is None


def test_the_short_form_of_a_listed_country_is_that_country_not_a_new_one():
    """"Korea" and "Korean" in coverage of a Seoul summit are South Korea; of two listed
    countries ending in the word, the one the texts name most."""
    texts = ["South Korea wants a written tariff deal. South Korea will also press on steel.",
             "Korean carmakers fear the levy. Korea has offered a fund. Korean yards could help.",
             "Korea wants calm; North Korea may test a missile. South Korean officials agree."]
    found = discover_countries(texts)
    assert found.get("Korea") == "South Korea" and found.get("Korean") == "South Korea"
    cleaned = [clean_article(Article(id=str(i), text=t, title="Talks")) for i, t in enumerate(texts, 1)]
    assert "Korea" not in find_parties(cleaned).parties
    lanka = ["Lanka said no. Lankan officials agree. Lanka wants more. Lanka may wait."]
    assert discover_countries(lanka).get("Lankan") == "Sri Lanka"
    # named as often as each other (Seoul twice, Pyongyang and North Korea once each): neither
    even = ["Korea agreed. Korean carmakers. Korea wants. Korea said.",
            "Seoul and Pyongyang met; North Korea fired. Seoul said."]
    assert discover_countries(even).get("Korea") == "Korea"

