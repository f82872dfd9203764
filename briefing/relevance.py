"""Which articles seem to be about something else than the rest.

A stray file in the input folder (a cycle-lane story among summit coverage) would fill
the sections with its own sentences. Each article's words, weighted by how few articles
use them, are compared with the words of all the other articles together (cosine); an
article far less similar than the set's typical article is reported, never dropped: the
user chose it, and a local-angle piece can be legitimately different.

On our seventeen test summits every article of five sentences or more scored at least
0.6 of its set's median similarity; an article of another summit fell below half of it
in about nine trials of ten (the misses: disputes of the same kind, such as two dams).
A short piece (a wire brief, a pasted paragraph) scores low against a long rest whatever
its subject, so articles under ``MIN_SENTENCES`` are not judged.
"""
from __future__ import annotations

import math
import statistics
from collections import Counter
from typing import Callable, Iterable, Mapping

MIN_ARTICLES = 3  # with fewer, there is no "rest" to compare against
MIN_SENTENCES = 5  # shorter articles are not judged (cosine is low for any short text)
OFF_TOPIC_SHARE = 0.5  # reported below this share of the median article's similarity


def similarity_to_rest(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]]) -> dict[str, float]:
    """Article id -> cosine similarity of its words to those of all the other articles.

    ``texts`` are each article's sentences; ``bag`` gives a sentence's words (the build
    passes the content-stem sets it has already computed, so the check costs little).
    The rest's vector is the total minus the article's own, so each article costs only
    its own words (the whole check is linear in the input).
    """
    ids = list(texts)
    counts = [Counter(w for t in texts[i] for w in bag(t)) for i in ids]
    n = len(counts)
    df = Counter(w for c in counts for w in c)
    idf2 = {w: (math.log((n + 1) / d) + 1.0) ** 2 for w, d in df.items()}
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    total_norm2 = sum(idf2[w] * t * t for w, t in total.items())
    out = {}
    for article_id, own in zip(ids, counts):
        dot = own_norm2 = 0.0
        rest_norm2 = total_norm2
        for w, c in own.items():
            t = total[w]
            dot += idf2[w] * c * (t - c)
            own_norm2 += idf2[w] * c * c
            rest_norm2 -= idf2[w] * (t * t - (t - c) ** 2)
        norm = math.sqrt(own_norm2) * math.sqrt(max(rest_norm2, 0.0))
        out[article_id] = dot / norm if norm else 0.0
    return out


def off_topic_articles(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]]) -> list[str]:
    """Ids of the articles that share far fewer words with the others than is usual in this set."""
    if len(texts) < MIN_ARTICLES:
        return []
    sims = similarity_to_rest(texts, bag)
    typical = statistics.median(sims.values())
    sizes = {aid: len(list(t)) for aid, t in texts.items()}
    return [aid for aid, s in sims.items() if s < OFF_TOPIC_SHARE * typical and sizes[aid] >= MIN_SENTENCES]
