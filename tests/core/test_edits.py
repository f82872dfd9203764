"""The user's edits: plain data laid over a fresh build, and their JSON round trip."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing import BriefingOptions, build_briefing, load_inputs
from briefing.edits import Edits, apply_edits, point_key, source_key
from briefing.model import Briefing, Point, Section, Source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "river_summit"


def make_briefing(points: dict[str, list[tuple[str, list[str], float]]], words: int = 150) -> Briefing:
    sources = [Source(id="1", title="Harbour Herald story", path="/news/harbour.txt"),
               Source(id="2", title="Valley Times story", url="https://valley.example/talks"),
               Source(id="3", title="Pasted notes")]
    sections = [Section(key=k, heading=k.title(), points=[Point(text=t, sources=s, score=sc) for t, s, sc in pts])
                for k, pts in points.items()]
    return Briefing(title="Built title", event="", created="2031-05-01T09:00:00+00:00", sources=sources,
                    sections=sections, words_per_section=words)


@pytest.fixture
def briefing() -> Briefing:
    return make_briefing({
        "objectives": [("Lakeland wants a binding water treaty.", ["1"], 0.9),
                       ("Norvia seeks access to the river port.", ["2"], 0.8)],
        "concessions": [("Norvia is willing to release extra water.", ["2"], 0.7)],
        "risks": [("Talks could collapse over the dam schedule.", ["1", "3"], 0.6)],
    })


def texts(b: Briefing, key: str) -> list[str]:
    return [p.text for p in b.section(key).points]


def test_point_key_ignores_case_quotes_and_spacing():
    assert point_key("“Lakeland  wants” a Treaty.") == point_key('"lakeland wants" a treaty')
    assert point_key("Lakeland wants a treaty.") != point_key("Norvia wants a treaty.")


def test_source_key_prefers_path_then_link_then_text_digest_then_title(briefing):
    assert [source_key(s) for s in briefing.sources] == [
        "path:/news/harbour.txt", "url:https://valley.example/talks", "title:Pasted notes"]
    assert source_key(Source(id="4", title="Pasted notes", content_hash="ab12")) == "text:ab12"


def test_pin_from_one_of_two_pastes_with_one_title_comes_back_citing_that_paste():
    old = make_briefing({"objectives": [("Norvia seeks access to the river port.", ["5"], 0.8)],
                         "concessions": [], "risks": []})
    old.sources[2:] = [Source(id="4", title="Pasted notes", content_hash="first"),
                       Source(id="5", title="Pasted notes", content_hash="second")]
    edits = Edits()
    edits.pin(old.section("objectives").points[0], "objectives", old)
    rebuilt = make_briefing({"objectives": [], "concessions": [], "risks": []})
    rebuilt.sources[2:] = [Source(id="3", title="Pasted notes", content_hash="second"),
                           Source(id="4", title="Pasted notes", content_hash="first")]
    assert apply_edits(rebuilt, edits).section("objectives").points[0].sources == ["3"]


def test_pin_saved_before_digests_finds_pasted_text_by_title(briefing):
    edits = Edits.from_dict({"pinned": {"x": {"text": "Talks could collapse over the dam schedule.",
                                              "section": "risks", "sources": ["title:Pasted notes"]}}})
    rebuilt = make_briefing({"objectives": [], "concessions": [], "risks": []})
    rebuilt.sources[2].content_hash = "cafe"
    assert apply_edits(rebuilt, edits).section("risks").points[0].sources == ["3"]


def test_no_edits_changes_nothing_but_is_a_copy(briefing):
    out = apply_edits(briefing, Edits())
    assert out == briefing
    out.sections[0].points.clear()
    assert briefing.sections[0].points


def test_dropped_point_stays_out_and_can_be_restored(briefing):
    edits = Edits()
    edits.drop("Norvia seeks access to the river port.")
    assert texts(apply_edits(briefing, edits), "objectives") == ["Lakeland wants a binding water treaty."]
    edits.restore("Norvia seeks access to the river port.")
    assert len(texts(apply_edits(briefing, edits), "objectives")) == 2


def test_moved_point_goes_to_its_new_section(briefing):
    edits = Edits()
    edits.move("Talks could collapse over the dam schedule.", "concessions")
    out = apply_edits(briefing, edits)
    assert texts(out, "risks") == []
    assert texts(out, "concessions")[-1] == "Talks could collapse over the dam schedule."


def test_move_to_unknown_section_leaves_point_in_place(briefing):
    edits = Edits(moved={point_key("Talks could collapse over the dam schedule."): "no-such-section"})
    assert texts(apply_edits(briefing, edits), "risks") == ["Talks could collapse over the dam schedule."]


def test_pinned_point_marked_and_put_back_when_a_new_build_leaves_it_out(briefing):
    edits = Edits()
    point = briefing.section("objectives").points[1]
    point.party = "Norvia"
    point.lead_in = "Norvia's delegation landed on Sunday."
    edits.pin(point, "objectives", briefing)
    assert apply_edits(briefing, edits).section("objectives").points[1].pinned

    # A rebuild with one more article: numbers shift and the pinned point was not chosen.
    rebuilt = make_briefing({"objectives": [("A new point about fishing rights.", ["1"], 0.95)],
                             "concessions": [], "risks": []})
    rebuilt.sources.insert(0, Source(id="0", title="New article", path="/news/new.txt"))
    rebuilt.sources[2].id = "7"  # the Valley Times story is now article 7
    out = apply_edits(rebuilt, edits)
    pinned = [p for p in out.section("objectives").points if p.pinned]
    assert [p.text for p in pinned] == ["Norvia seeks access to the river port."]
    assert pinned[0].sources == ["7"]
    assert pinned[0].party == "Norvia"
    assert pinned[0].context == "Norvia's delegation landed on Sunday."  # still understood alone


def test_put_back_pin_does_not_repeat_a_lead_in_that_is_a_point_of_its_section(briefing):
    edits = Edits()
    point = briefing.section("objectives").points[1]
    point.lead_in = "Lakeland wants a binding water treaty."  # the point just above it
    edits.pin(point, "objectives", briefing)
    rebuilt = make_briefing({"objectives": [("Lakeland wants a binding water treaty.", ["1"], 0.9)],
                             "concessions": [], "risks": []})
    out = apply_edits(rebuilt, edits)
    put_back = [p for p in out.section("objectives").points if p.pinned]
    assert [p.text for p in put_back] == ["Norvia seeks access to the river port."]
    assert put_back[0].context is None


def leaning_briefing() -> Briefing:
    """"It also wants ..." under the heading Norvia, whose lead-in only says who "it" is."""
    out = make_briefing({"objectives": [("Norvia seeks access to the river port.", ["2"], 0.9),
                                        ("It also wants a seat on the basin commission.", ["2"], 0.8)],
                         "concessions": [], "risks": [("Talks could collapse over the dam schedule.", ["1"], 0.7)]})
    out.parties = ["Norvia", "Lakeland"]
    first, leaning = out.section("objectives").points
    first.party = leaning.party = "Norvia"
    leaning.lead_in, leaning.lead_in_says_who = first.text, True
    return out


@pytest.mark.parametrize("edit", ["none", "move", "no party", "drop lead-in"])
def test_a_point_shows_its_lead_in_again_only_when_an_edit_takes_away_what_said_who(edit):
    leaning = "It also wants a seat on the basin commission."
    edits = Edits()
    if edit == "move":
        edits.move(leaning, "risks")
    elif edit == "no party":
        edits.set_party(leaning, None)
    elif edit == "drop lead-in":
        edits.drop("Norvia seeks access to the river port.")
    out = apply_edits(leaning_briefing(), edits)
    point = next(p for s in out.sections for p in s.points if p.text == leaning)
    # unedited, the heading Norvia says who (and the lead-in is a point just above it)
    assert point.context == (None if edit in ("none", "drop lead-in") else "Norvia seeks access to the river port.")


def test_a_lead_in_that_says_more_than_who_shows_under_a_party_heading_too():
    out = leaning_briefing()
    out.section("objectives").points.pop(0)
    point = out.section("objectives").points[0]
    point.lead_in_says_who = False  # "These could include ...": the heading does not say what "these" are
    assert apply_edits(out, Edits()).section("objectives").points[0].context == point.lead_in
    point.lead_in_says_who = True
    assert apply_edits(out, Edits()).section("objectives").points[0].context is None


def test_a_lead_in_that_is_a_point_above_shows_once_that_point_is_dropped():
    out = leaning_briefing()
    out.section("objectives").points[1].lead_in_says_who = False
    kept = apply_edits(out, Edits()).section("objectives").points[1]
    assert kept.context is None  # said just above
    edits = Edits()
    edits.drop("Norvia seeks access to the river port.")
    assert apply_edits(out, edits).section("objectives").points[0].context == "Norvia seeks access to the river port."


def test_pin_whose_sources_are_all_gone_waits(briefing):
    edits = Edits()
    edits.pin(briefing.section("objectives").points[1], "objectives", briefing)
    without_source = make_briefing({"objectives": [], "concessions": [], "risks": []})
    without_source.sources = [s for s in without_source.sources if s.id != "2"]
    assert texts(apply_edits(without_source, edits), "objectives") == []
    assert edits.pinned  # still remembered for when the article comes back


def test_put_back_pin_displaces_weakest_unprotected_point_to_keep_the_budget():
    old = make_briefing({"objectives": [("One two three four five six seven eight nine ten.", ["1"], 0.5)],
                         "concessions": [], "risks": []}, words=20)
    edits = Edits()
    edits.pin(old.section("objectives").points[0], "objectives", old)
    new = make_briefing({"objectives": [("Strong point with exactly seven words here.", ["1"], 0.9),
                                        ("Weak point that also has seven words.", ["2"], 0.1)],
                         "concessions": [], "risks": []}, words=20)
    out = apply_edits(new, edits)
    assert texts(out, "objectives") == ["Strong point with exactly seven words here.",
                                        "One two three four five six seven eight nine ten."]


def test_drop_unpins_and_pin_undrops(briefing):
    edits = Edits()
    point = briefing.section("risks").points[0]
    edits.pin(point, "risks", briefing)
    edits.drop(point.text)
    assert not edits.is_pinned(point.text)
    assert texts(apply_edits(briefing, edits), "risks") == []
    edits.pin(point, "risks", briefing)
    assert texts(apply_edits(briefing, edits), "risks") == [point.text]


def test_moving_a_pinned_point_moves_its_pin(briefing):
    edits = Edits()
    point = briefing.section("risks").points[0]
    edits.pin(point, "risks", briefing)
    edits.move(point.text, "objectives")
    assert edits.pinned[point_key(point.text)].section == "objectives"
    empty = make_briefing({"objectives": [], "concessions": [], "risks": []})
    assert texts(apply_edits(empty, edits), "objectives") == [point.text]


def test_title_event_marking_and_words_overrides(briefing):
    edits = Edits(title="  Brightwater river summit  ", event="Brightwater, 12 May", marking="Internal",
                  words_per_section=80)
    out = apply_edits(briefing, edits)
    assert (out.title, out.event, out.marking, out.words_per_section) == (
        "Brightwater river summit", "Brightwater, 12 May", "Internal", 80)
    assert apply_edits(briefing, Edits(title="   ")).title == "Built title"


def test_json_round_trip(briefing):
    edits = Edits(title="T", event="E", words_per_section=90, template="standard", marking="Restricted")
    edits.drop("Norvia seeks access to the river port.")
    briefing.section("risks").points[0].lead_in = "The dam is half built."
    edits.pin(briefing.section("risks").points[0], "risks", briefing)
    edits.move("Lakeland wants a binding water treaty.", "concessions")
    again = Edits.from_json(edits.to_json())
    assert again == edits
    assert again.pinned[point_key("Talks could collapse over the dam schedule.")].lead_in == "The dam is half built."
    assert not again.is_empty and Edits().is_empty


@pytest.mark.parametrize("data, message", [
    ([], "object"),
    ({"dropped": ["x"]}, "dropped"),
    ({"pinned": {"k": {"text": "x"}}}, "section"),
    ({"pinned": {"k": {"text": "x", "section": "risks", "score": "high"}}}, "score"),
    ({"words_per_section": 3}, "at least 10"),
    ({"title": 5}, "title"),
    ({"pinned": {"k": {"text": "x", "section": "risks", "lead_in": 3}}}, "lead_in"),
    ({"version": 99}, "newer"),
])
def test_from_dict_says_what_is_wrong(data, message):
    with pytest.raises(ValueError, match=message):
        Edits.from_dict(data)


def test_edits_survive_a_real_rebuild_after_adding_an_article():
    loaded = load_inputs(sorted(FIXTURES.glob("*.txt")))
    options = BriefingOptions(words_per_section=40)
    first = build_briefing(loaded.articles[:3], options).briefing
    edits = Edits()
    dropped = first.section("objectives").points[0]
    pinned = first.section("risks").points[-1]
    moved = first.section("concessions").points[0]
    edits.drop(dropped.text)
    edits.pin(pinned, "risks", first)
    edits.move(moved.text, "objectives")

    second = apply_edits(build_briefing(loaded.articles, options).briefing, edits)
    all_texts = [p.text for s in second.sections for p in s.points]
    assert dropped.text not in all_texts
    assert pinned.text in texts(second, "risks")
    assert moved.text in texts(second, "objectives")
    json.dumps(second.to_dict())


def test_with_points_of_takes_point_decisions_and_keeps_settings(briefing):
    before = Edits(title="Old title", words_per_section=150)
    after = Edits(title="New title", words_per_section=90, event="Geneva")
    after.drop("Lakeland wants a binding water treaty.")
    undone = after.with_points_of(before)
    assert (undone.title, undone.event, undone.words_per_section) == ("New title", "Geneva", 90)
    assert not undone.dropped and after.dropped


def with_parties(b: Briefing) -> Briefing:
    b.parties = ["Lakeland", "Norvia"]
    b.section("objectives").points[0].party = "Lakeland"
    b.section("objectives").points[1].party = "Norvia"
    b.section("concessions").points[0].party = "Norvia"
    return b


def parties_of(b: Briefing, key: str) -> list[str | None]:
    return [p.party for p in b.section(key).points]


def test_user_gives_a_point_another_party_or_none_and_a_rebuild_keeps_it(briefing):
    edits = Edits()
    edits.set_party("Norvia seeks access to the river port.", "Lakeland")
    edits.set_party("norvia is willing to release extra water", None)  # found by its words
    out = apply_edits(with_parties(briefing), edits)
    assert parties_of(out, "objectives") == ["Lakeland", "Lakeland"]
    assert parties_of(out, "concessions") == [None]
    assert briefing.section("objectives").points[1].party == "Norvia"  # the build itself is untouched
    again = Edits.from_json(edits.to_json())
    assert parties_of(apply_edits(briefing, again), "objectives") == ["Lakeland", "Lakeland"]


def test_typed_parties_are_for_the_build_and_leave_the_built_ones_alone(briefing):
    """The build finds the typed parties' names and points ("Valdoran" is Valdora there);
    laid over a build, the typed list changes nothing, and a party given to a point must be
    one of the briefing's."""
    edits = Edits(parties=["Valdoran", "Borlia"])
    edits.set_party("Talks could collapse over the dam schedule.", "Borlia")
    out = apply_edits(with_parties(briefing), edits)
    assert out.parties == ["Lakeland", "Norvia"]
    assert parties_of(out, "objectives") == ["Lakeland", "Norvia"]
    assert parties_of(out, "risks") == [None]  # Borlia is no party of this build
    briefing.parties.append("Borlia")  # a build that was given it
    assert parties_of(apply_edits(briefing, edits), "risks") == ["Borlia"]


def test_undo_steps_back_a_party_change_but_not_the_typed_parties():
    before = Edits(parties=["Lakeland"])
    after = Edits(parties=["Lakeland", "Norvia"])
    after.set_party("Lakeland wants a binding water treaty.", None)
    undone = after.with_points_of(before)
    assert undone.party_of == {} and undone.parties == ["Lakeland", "Norvia"]


def test_pinning_after_a_party_change_keeps_the_new_party(briefing):
    edits = Edits()
    with_parties(briefing)
    edits.set_party("Norvia seeks access to the river port.", "Lakeland")
    shown = apply_edits(briefing, edits)
    edits.pin(shown.section("objectives").points[1], "objectives", shown)
    assert edits.pinned[point_key("Norvia seeks access to the river port.")].party == "Lakeland"


@pytest.mark.parametrize("data, message", [({"party_of": {"k": 3}}, "party_of"), ({"parties": "Lakeland"}, "parties")])
def test_bad_party_edits_are_refused_with_the_field_named(data, message):
    with pytest.raises(ValueError, match=message):
        Edits.from_dict(data)


def test_a_risk_moved_to_objectives_is_listed_under_the_party_found_for_it(briefing):
    from briefing.render_docx import grouped_points

    with_parties(briefing)
    risk = briefing.section("risks").points[0]
    risk.party = "Norvia"  # found by the build, not shown among the risks
    assert grouped_points(briefing.section("risks"), briefing.parties) == [(None, [risk])]
    out = apply_edits(briefing, Edits(moved={point_key(risk.text): "objectives"}))
    groups = dict(grouped_points(out.section("objectives"), out.parties))
    assert risk.text in [p.text for p in groups["Norvia"]]


def test_a_point_leaning_on_a_point_of_its_section_is_listed_right_after_it():
    # No party headings (none found): "It also wants ..." three points below its lead-in
    # would be read as the union's aim.
    out = make_briefing({"objectives": [("Orvane is seeking grants worth 30% of the cost.", ["2"], 0.9),
                                        ("The union wants a collective agreement at the plant.", ["2"], 0.8),
                                        ("It also wants an exemption from the data law.", ["2"], 0.7)],
                         "concessions": [], "risks": []})
    leaning = out.section("objectives").points[2]
    leaning.lead_in, leaning.lead_in_says_who = "Orvane is seeking grants worth 30% of the cost.", True
    shown = apply_edits(out, Edits()).section("objectives").points
    assert [p.text for p in shown] == ["Orvane is seeking grants worth 30% of the cost.",
                                       "It also wants an exemption from the data law.",
                                       "The union wants a collective agreement at the plant."]
    assert shown[1].context is None  # said just above


def test_a_lead_in_listed_under_another_heading_is_shown_before_the_point():
    out = leaning_briefing()
    first, leaning = out.section("objectives").points
    first.party = "Lakeland"  # the user listed the lead-in under another side
    shown = apply_edits(out, Edits()).section("objectives").points
    assert [p.text for p in shown] == [first.text, leaning.text]
    assert shown[1].context is None  # the heading Norvia says who "it" is
    leaning.lead_in_says_who = False
    assert apply_edits(out, Edits()).section("objectives").points[1].context == first.text


def test_points_whose_lead_ins_point_at_each_other_are_all_kept():
    # Two articles give the same two sentences in opposite orders.
    out = make_briefing({"objectives": [("Orvane wants grants.", ["1"], 0.9), ("The union wants a deal.", ["2"], 0.8)],
                         "concessions": [], "risks": []})
    a, b = out.section("objectives").points
    a.lead_in, b.lead_in = b.text, a.text
    assert sorted(texts(apply_edits(out, Edits()), "objectives")) == sorted([a.text, b.text])


def test_a_point_follows_its_lead_in_under_a_party_heading_too():
    out = leaning_briefing()
    first, leaning = out.section("objectives").points
    other = Point("Norvia also wants a second bridge over the river.", ["1"], party="Norvia")
    out.section("objectives").points = [first, other, leaning]  # "It also wants ..." would read as the bridge's
    shown = apply_edits(out, Edits()).section("objectives").points
    assert [p.text for p in shown] == [first.text, leaning.text, other.text]
    assert shown[1].context is None


def test_edits_leave_the_build_itself_as_it_was(briefing):
    """The window lays the edits over one build again and again: the copy shares the
    sources it only reads, but its sections and its lists are its own."""
    before = briefing.to_dict()
    edits = Edits()
    edits.drop("Norvia seeks access to the river port.")
    edits.title = "Edited title"
    out = apply_edits(briefing, edits)
    out.sources.pop()
    out.sections[0].points.clear()
    assert briefing.to_dict() == before
    assert out.title == "Edited title" and out.sources is not briefing.sources
