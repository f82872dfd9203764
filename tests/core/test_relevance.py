"""An article about something else is reported (not dropped) so the user can untick it."""
from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path

from briefing import BriefingOptions, build_briefing, load_inputs
from briefing.clean import clean_article
from briefing.lexicon import stopwords
from briefing.relevance import off_topic_articles, similarity_to_rest
from briefing.tokens import content_stem_set

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RIVER = FIXTURES / "river_summit"
STRAY = FIXTURES / "off_topic" / "cycle_lanes.txt"
BAG = partial(content_stem_set, stop=stopwords())  # as the build passes it


def test_every_article_of_one_summit_is_on_topic():
    for folder in [RIVER] + sorted(p for p in (FIXTURES / "summits").iterdir() if p.is_dir()):
        cleaned = [clean_article(a) for a in load_inputs([folder]).articles]
        assert off_topic_articles(cleaned, BAG) == [], folder.name


def test_a_stray_article_is_reported_and_still_used():
    loaded = load_inputs([RIVER, STRAY])
    stray_id = next(a.id for a in loaded.articles if a.path and a.path.name == "cycle_lanes.txt")
    cleaned = [clean_article(a) for a in loaded.articles]
    sims = similarity_to_rest(cleaned, BAG)
    assert sims[stray_id] < min(s for i, s in sims.items() if i != stray_id) / 2
    result = build_briefing(loaded.articles, BriefingOptions())
    assert result.off_topic == [stray_id]
    assert any(s.id == stray_id for s in result.briefing.sources)


def test_an_article_from_another_summit_is_reported():
    """Summit coverage shares much vocabulary ("talks", "officials"); a report of another
    meeting is still far less like the rest than any of their own articles."""
    own = [clean_article(a) for a in load_inputs([FIXTURES / "summits" / "trade_talks"]).articles]
    other = clean_article(load_inputs([FIXTURES / "summits" / "ceasefire"]).articles[0])
    other = dataclasses.replace(other, article=dataclasses.replace(other.article, id="other"))
    assert off_topic_articles(own + [other], BAG) == ["other"]


def test_two_articles_are_never_off_topic():
    cleaned = [clean_article(a) for a in load_inputs([RIVER / "01_harbour_herald.txt", STRAY]).articles]
    assert off_topic_articles(cleaned, BAG) == []
