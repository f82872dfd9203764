"""How the work grows with the input, counted rather than timed (timings live in ``bench/``)."""
import random
from itertools import accumulate
from pathlib import Path

import pytest

import briefing.dedup as dedup
import briefing.pipeline as pipeline
import briefing.tokens as tokens
from briefing.cache import BuildCache
from briefing.documents import Sentence
from briefing.lexicon import stopwords
from briefing.load import article_from_text, load_inputs

FIXTURES = Path(__file__).parents[1] / "fixtures" / "fisheries_talks"
PER_SENTENCE_BOUND = dedup.RARE_KEYS * dedup.MAX_POSTINGS


def synthetic_sentences(n: int, vocabulary: int, seed: int = 7) -> list[Sentence]:
    """Sentences of Zipf-distributed words, a fifth of them followed by a one-word variant."""
    rng = random.Random(seed)
    words = [f"term{i}" for i in range(vocabulary)]
    cumulative = list(accumulate(1 / (i + 1) for i in range(vocabulary)))
    texts: list[str] = []
    while len(texts) < n:
        picked = rng.choices(words, cum_weights=cumulative, k=rng.randint(10, 24))
        texts.append(" ".join(picked) + ".")
        if rng.random() < 0.2:
            picked[rng.randrange(len(picked))] = rng.choice(words)
            texts.append(" ".join(picked) + ".")
    return [Sentence(text=t, article_id=str(i // 30), paragraph=0, position=i % 30) for i, t in enumerate(texts[:n])]


def dedup_comparisons(sentences: list[Sentence], monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    real = dedup.overlap

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(dedup, "overlap", counting)
    dedup.group_sentences(sentences, stopwords())
    monkeypatch.setattr(dedup, "overlap", real)
    return calls


def test_dedup_compares_each_sentence_with_a_bounded_number_of_others(monkeypatch):
    # A small postings cap makes the bound bite at test sizes; the product keeps a larger one.
    monkeypatch.setattr(dedup, "MAX_POSTINGS", 8)
    bound = dedup.RARE_KEYS * dedup.MAX_POSTINGS
    small, large = 4000, 8000
    counts = {n: dedup_comparisons(synthetic_sentences(n, vocabulary=500), monkeypatch) for n in (small, large)}
    for n, count in counts.items():
        assert count <= bound * n  # all pairs would be n * (n - 1) / 2
    assert counts[large] <= 2.5 * counts[small]  # twice the sentences, about twice the work


def test_dedup_comparisons_stay_far_below_all_pairs_on_a_wide_vocabulary(monkeypatch):
    n = 8000
    count = dedup_comparisons(synthetic_sentences(n, vocabulary=20000), monkeypatch)
    assert count <= PER_SENTENCE_BOUND * n
    assert count <= n * (n - 1) / 2 / 100


NEW_ARTICLE = """Ostmark offers haddock for cod as Selby talks resume
Ostmark is prepared to give up part of its haddock quota if Varella grants its trawlers a larger share of cod.
Varella wants an independent observer on every Ostmark trawler that fishes near the spawning grounds.
Skippers warned that another month in port could bankrupt the smaller family boats on both coasts.
"""


class CountingScorer:
    def __init__(self, scorer):
        self.scorer = scorer
        self.texts: list[str] = []

    def __call__(self, text):
        self.texts.append(text)
        return self.scorer(text)

    def frame_of(self, text):
        self.texts.append(text)
        return self.scorer.frame_of(text)


@pytest.fixture
def counted(monkeypatch):
    """Texts that the frame scorer and the word-bag function were actually run on."""
    seen = {"scores": [], "bags": []}
    real_scorer, real_stems = pipeline.default_scorer, tokens.content_stems

    def scorer():
        counting = CountingScorer(real_scorer())
        counting.texts = seen["scores"]
        return counting

    def stems(text, stop):
        seen["bags"].append(text)
        return real_stems(text, stop)

    monkeypatch.setattr(pipeline, "default_scorer", scorer)
    monkeypatch.setattr(tokens, "content_stems", stems)
    tokens.content_stem_set.cache_clear()  # word bags are remembered process-wide
    yield seen
    tokens.content_stem_set.cache_clear()


def test_rebuild_scores_and_tokenises_only_new_sentences(counted):
    articles = load_inputs([FIXTURES]).articles
    cache = BuildCache()
    first = pipeline.build_briefing(articles, cache=cache)
    assert counted["scores"] and counted["bags"]
    assert len(counted["scores"]) <= 2 * len(first.candidates)  # each candidate (and, for "This ...", the one before)

    for log in counted.values():
        log.clear()
    pipeline.build_briefing(articles, cache=cache)
    assert counted == {"scores": [], "bags": []}

    added = article_from_text(NEW_ARTICLE, source_id="5")
    pipeline.build_briefing(articles + [added], cache=cache)
    new_sentences = NEW_ARTICLE.splitlines()[1:]
    assert counted["scores"] and set(counted["scores"]) <= set(new_sentences)
    assert counted["bags"] and set(counted["bags"]) <= set(new_sentences)
