"""The build cache: a rebuild does only the new articles' work and gives the same briefing."""
from pathlib import Path

import pytest

import briefing.cache as cache_module
from briefing.cache import BuildCache, LruStore
from briefing.load import article_from_text, load_inputs
from briefing.options import BriefingOptions
from briefing.pipeline import build_briefing

FIXTURES = Path(__file__).parents[1] / "fixtures" / "fisheries_talks"


def comparable(result) -> dict:
    data = result.briefing.to_dict()
    data.pop("created")
    return data


@pytest.fixture
def articles():
    return load_inputs([FIXTURES]).articles


@pytest.fixture
def cleaned_texts(monkeypatch):
    """Texts that cleaning actually ran on, in order."""
    seen: list[str] = []
    real = cache_module.clean_article

    def counting(article):
        seen.append(article.text)
        return real(article)

    monkeypatch.setattr(cache_module, "clean_article", counting)
    return seen


def test_rebuild_after_adding_an_article_cleans_only_that_article(articles, cleaned_texts):
    cache = BuildCache()
    build_briefing(articles[:3], cache=cache)
    assert len(cleaned_texts) == 3
    rebuilt = build_briefing(articles, cache=cache)
    assert cleaned_texts[3:] == [articles[3].text]
    assert comparable(rebuilt) == comparable(build_briefing(articles))


def test_rebuild_after_editing_an_article_redoes_only_that_article(articles, cleaned_texts):
    cache = BuildCache()
    build_briefing(articles, cache=cache)
    edited = article_from_text(articles[1].text.replace("three months", "four months"),
                               source_id=articles[1].id, path=articles[1].path)
    again = [articles[0], edited, *articles[2:]]
    rebuilt = build_briefing(again, cache=cache)
    assert cleaned_texts[4:] == [edited.text]
    assert comparable(rebuilt) == comparable(build_briefing(again))
    assert any("four months" in p.text for p in rebuilt.cleaned[1].paragraphs)


def test_same_text_under_a_new_id_is_reused_with_the_new_id(articles, cleaned_texts):
    cache = BuildCache()
    build_briefing(articles, cache=cache)
    renumbered = [article_from_text(a.text, source_id=f"x{a.id}", path=a.path) for a in articles]
    result = build_briefing(renumbered, cache=cache)
    assert len(cleaned_texts) == 4  # nothing cleaned again
    ids = {sid for s in result.briefing.sections for p in s.points for sid in p.sources + p.related}
    assert ids and all(i.startswith("x") for i in ids)
    assert {s.id for s in result.briefing.sources} == {a.id for a in renumbered}
    assert comparable(result) == comparable(build_briefing(renumbered))


def test_options_that_change_sentences_are_part_of_the_key(articles, cleaned_texts):
    cache = BuildCache()
    build_briefing(articles, BriefingOptions(min_sentence_words=6), cache=cache)
    longer = BriefingOptions(min_sentence_words=14)
    result = build_briefing(articles, longer, cache=cache)
    assert len(cleaned_texts) == 8
    assert all(len(p.text.split()) >= 14 for s in result.briefing.sections for p in s.points)
    # Options that only change selection reuse every article.
    build_briefing(articles, BriefingOptions(min_sentence_words=14, words_per_section=60), cache=cache)
    assert len(cleaned_texts) == 8


def test_a_new_headline_is_a_new_key(articles):
    a = articles[0]
    cache = BuildCache()
    clean, _ = cache.article_work(a, 6, 60)
    retitled = article_from_text(a.text, source_id=a.id, title="Another headline")
    clean2, _ = cache.article_work(retitled, 6, 60)
    assert cache.articles.misses == 2
    assert clean2.article.title == "Another headline"
    # The repeated original headline is only dropped as a headline when it is the title.
    assert len(clean2.paragraphs) > len(clean.paragraphs)


def test_reused_work_cannot_be_changed_by_a_caller(articles):
    cache = BuildCache()
    clean, sentences = cache.article_work(articles[0], 6, 60)
    clean.paragraphs.clear()
    sentences.clear()
    clean2, sentences2 = cache.article_work(articles[0], 6, 60)
    assert clean2.paragraphs and sentences2


def test_memoize_computes_once_and_hands_out_copies():
    calls = []

    def scores(text):
        calls.append(text)
        return {"risks": float(len(text))}

    cache = BuildCache()
    remembered = cache.memoize("scores", scores)
    first = remembered("a risk")
    first["risks"] = -1.0
    assert remembered("a risk") == {"risks": 6.0}
    assert calls == ["a risk"]
    # Another name is another function: nothing shared.
    assert cache.memoize("other scores", scores)("a risk") == {"risks": 6.0}
    assert calls == ["a risk", "a risk"]


def test_memoize_remembers_none_too():
    calls = []

    def nothing(text):
        calls.append(text)

    remembered = BuildCache().memoize("nothing", nothing)
    remembered("x")
    remembered("x")
    assert calls == ["x"]


def test_lru_store_forgets_the_least_recently_used_first():
    store = LruStore(2)
    store.put("a", 1)
    store.put("b", 2)
    assert store.get("a") == 1  # "a" is now the most recent
    store.put("c", 3)
    assert store.get("b") is None and store.get("a") == 1 and store.get("c") == 3
    assert len(store) == 2


def test_bounded_cache_still_builds_the_same_briefing(articles):
    tiny = BuildCache(max_articles=1, max_texts=3)
    first = build_briefing(articles, cache=tiny)
    second = build_briefing(articles, cache=tiny)
    assert len(tiny.articles) == 1
    assert comparable(first) == comparable(second) == comparable(build_briefing(articles))


def test_capacity_must_be_positive():
    with pytest.raises(ValueError):
        LruStore(0)


def test_rebuild_counts_the_words_of_the_new_article_only(articles):
    """The off-topic, two-meetings and language checks look at every article on every
    build; what they need of each article is remembered, so a rebuild does the new one's."""
    cache = BuildCache()
    first = build_briefing(articles[:3], cache=cache)
    words, foreign = cache.memo_store("article words"), cache.memo_store("foreign")
    assert (words.misses, foreign.misses) == (3, 3)
    rebuilt = build_briefing(articles, cache=cache)
    assert (words.misses, foreign.misses) == (4, 4)
    assert (words.hits, foreign.hits) == (3, 3)
    fresh = build_briefing(articles)
    assert (rebuilt.off_topic, rebuilt.mixed, rebuilt.not_english) == (fresh.off_topic, fresh.mixed, fresh.not_english)
    assert first.off_topic == build_briefing(articles[:3]).off_topic


def test_what_is_remembered_per_article_keeps_to_the_articles_bound(articles):
    cache = BuildCache(max_articles=2)
    for n in range(len(articles)):
        build_briefing(articles[n:n + 1], cache=cache)
    assert len(cache.articles) == 2
    assert len(cache.memo_store("article words")) == len(cache.memo_store("foreign")) == 2
