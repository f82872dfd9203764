"""An article about something else is reported (not dropped) so the user can untick it."""
from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from briefing import BriefingOptions, build_briefing, load_inputs
from briefing.clean import clean_article
from briefing.lexicon import stopwords
from briefing.relevance import mixed_topics, not_english, off_topic_articles, similarity_to_rest
from briefing.tokens import content_stem_set

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RIVER = FIXTURES / "river_summit"
STRAY = FIXTURES / "off_topic" / "cycle_lanes.txt"
BAG = partial(content_stem_set, stop=stopwords())  # as the build passes it
SUMMITS = sorted(p for p in (FIXTURES / "summits").iterdir() if p.is_dir())


def paragraphs(folder: Path, prefix: str = "") -> dict[str, list[str]]:
    """Article id -> its body paragraphs (the check takes any texts of each article)."""
    out = {}
    for a in load_inputs([folder]).articles:
        out[prefix + a.id] = [p.text for p in clean_article(a).paragraphs if not p.is_heading]
    return out


@pytest.mark.parametrize("folder", [RIVER] + SUMMITS, ids=lambda p: p.name)
def test_every_article_of_one_summit_is_on_topic_and_the_set_is_not_mixed(folder):
    result = build_briefing(load_inputs([folder]).articles, BriefingOptions())
    assert result.off_topic == []
    assert result.mixed == []


def test_a_stray_article_is_reported_and_still_used():
    loaded = load_inputs([RIVER, STRAY])
    stray_id = next(a.id for a in loaded.articles if a.path and a.path.name == "cycle_lanes.txt")
    result = build_briefing(loaded.articles, BriefingOptions())
    assert result.off_topic == [stray_id]
    assert any(s.id == stray_id for s in result.briefing.sources)


def test_an_article_from_another_summit_is_reported():
    """Summit coverage shares much vocabulary ("talks", "officials"); a report of another
    meeting is still far less like the rest than any of their own articles."""
    own = paragraphs(FIXTURES / "summits" / "trade_talks")
    other = dict(list(paragraphs(FIXTURES / "summits" / "ceasefire", prefix="other-").items())[:1])
    sims = similarity_to_rest({**own, **other}, BAG)
    assert max(sims[i] for i in other) < min(sims[i] for i in own) / 2
    assert off_topic_articles({**own, **other}, BAG) == list(other)


def test_short_or_empty_articles_and_pairs_are_never_judged():
    """Cosine is low for any short text against a long rest: a wire brief or a pasted
    paragraph about the summit must not be called off topic."""
    river = paragraphs(RIVER)
    first = next(iter(river))
    brief = river | {"brief": river[first][:2], "empty": []}
    assert off_topic_articles(brief, BAG) == []
    two = dict(list(river.items())[:1]) | {"stray": paragraphs(STRAY.parent)["1"]}
    assert off_topic_articles(two, BAG) == []
    assert off_topic_articles({}, BAG) == []


@pytest.mark.parametrize("first, second, take", [
    ("trade_talks", "ceasefire", None),  # two halves
    ("water_treaty", "sarn_dam", None),  # two disputes of one kind (dams and rivers)
    ("geneva", "arms_control", 2),  # a set and two articles of another
])
def test_two_meetings_in_one_set_are_found_and_told_apart(first, second, take):
    own = paragraphs(FIXTURES / "summits" / first)
    other = dict(list(paragraphs(FIXTURES / "summits" / second, prefix="other-").items())[:take])
    groups = mixed_topics({**own, **other}, BAG)
    assert sorted(map(sorted, groups)) == sorted([sorted(own), sorted(other)])
    assert len(groups[0]) >= len(groups[1])  # the larger group first
    if take == 2:  # two articles alone in a group are equally central: the earlier one names it
        assert groups[1] == list(other)


def test_too_few_articles_are_never_called_mixed():
    trade = list(paragraphs(FIXTURES / "summits" / "trade_talks").items())
    cease = list(paragraphs(FIXTURES / "summits" / "ceasefire").items())
    assert mixed_topics(dict(trade[:1] + cease[:2]), BAG) == []  # one stray is the off-topic check's business
    assert mixed_topics({}, BAG) == []


def test_short_briefs_added_to_one_meeting_do_not_make_it_mixed():
    river = paragraphs(RIVER)
    briefs = {"brief-1": ["The river summit opens on Monday in the capital."],
              "brief-2": ["Delegates from four nations arrive today."], "empty": []}
    assert mixed_topics(river | briefs, BAG) == []


def test_articles_not_in_english_are_reported_and_still_used():
    """Cue lists and sentence rules read English: an article in German or Japanese gives no
    points, and the user should learn why rather than see it silently ignored."""
    others = FIXTURES / "other_languages"
    result = build_briefing(load_inputs([RIVER, others]).articles)
    foreign = {s.id: s.title for s in result.briefing.sources if s.id in result.not_english}
    assert len(foreign) == 2 and "Hafengespräche in Brightwater beginnen" in foreign.values()
    assert len(result.briefing.sources) == 6  # used all the same


def test_english_with_foreign_names_and_short_texts_is_not_reported():
    texts = {"1": "Zürich und Genève: the talks in Zürich will resume on Monday, officials in Genève said. " * 3,
             "2": "Ja.", "3": ""}
    assert not_english(texts, stopwords()) == []
    assert not_english({"1": (RIVER / "01_harbour_herald.txt").read_text(encoding="utf-8")}, stopwords()) == []
