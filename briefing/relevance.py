"""Which articles seem to be about something else than the rest, whether the set mixes
two meetings, and which files are too short to be news articles (a note saved in the
folder: fewer than ``MIN_ARTICLE_WORDS`` words).

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

Two meetings in one set (a folder of Singapore coverage added to a folder of Geneva
coverage) pass that check, as each article has company in its own half. So the articles
are also split in two groups by their words (two-means over the same weighted words), and
the set is reported as mixed when the articles are, on average, far less similar to the
other group than to the rest of their own (``MIXED_RATIO``), both groups having at least
``MIN_GROUP`` articles (short articles are left out, as above). On our twenty-one sets,
no set was mixed (a ratio of at least 0.87), while all 210 even mixes of two sets and
all 420 mixes of a set with two articles of another were (at most 0.56), split along the
right line in all but one.
"""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from typing import Callable, Iterable, Mapping

Vector = dict[str, float]

MIN_ARTICLES = 3  # with fewer, there is no "rest" to compare against
MIN_SENTENCES = 5  # shorter articles are not judged (cosine is low for any short text)
OFF_TOPIC_SHARE = 0.5  # reported below this share of the median article's similarity
MIXED_RATIO = 0.7  # mixed when similarity to the other group is below this share of that to one's own
MIN_GROUP = 2  # a single stray article is the off-topic check's business
MIN_ARTICLE_WORDS = 40  # a two-sentence wire brief has about this many; a pasted note fewer
MAX_SPLIT_ARTICLES = 500  # beyond, a pile is not one hand-picked set; the check would cost a rebuild's time
SPLIT_ROUNDS = 8
# English news copy is a third or more function words (0.32 to 0.45 over every article of
# our test sets); German copy scored 0.03. Cue lists and sentence rules read English only.
ENGLISH_FUNCTION_SHARE = 0.12
LANGUAGE_MIN_WORDS = 30
LANGUAGE_MIN_LETTERS = 40
_LETTER_WORDS = re.compile(r"[^\W\d_]+")


def similarity_to_rest(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]]) -> dict[str, float]:
    """Article id -> cosine similarity of its words to those of all the other articles.

    ``texts`` are each article's sentences; ``bag`` gives a sentence's words (the build
    passes the content-stem sets it has already computed, so the check costs little).
    The rest's vector is the total minus the article's own, so each article costs only
    its own words (the whole check is linear in the input).
    """
    ids = list(texts)
    by_id = _word_counts(texts, bag)
    counts = [by_id[i] for i in ids]
    idf2 = {w: x * x for w, x in _idf(counts).items()}
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


def _word_counts(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]]) -> dict[str, Counter[str]]:
    return {aid: Counter(w for t in ts for w in bag(t)) for aid, ts in texts.items()}


def _idf(counts: Iterable[Counter[str]]) -> dict[str, float]:
    """Smoothed inverse article frequency: words few articles use weigh most."""
    counts = list(counts)
    df = Counter(w for c in counts for w in c)
    return {w: math.log((len(counts) + 1) / d) + 1.0 for w, d in df.items()}


def _unit_vectors(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]]) -> dict[str, Vector]:
    counts = _word_counts(texts, bag)
    idf = _idf(counts.values())
    out = {}
    for aid, c in counts.items():
        v = {w: k * idf[w] for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[aid] = {w: x / norm for w, x in v.items()}
    return out


def _sum(vectors: Iterable[Vector]) -> Vector:
    total: Vector = {}
    for v in vectors:
        for w, x in v.items():
            total[w] = total.get(w, 0.0) + x
    return total


def _cosine(a: Vector, b: Vector, b_norm: float | None = None) -> float:
    """``a`` is a unit vector; ``b`` any vector (its norm may be given)."""
    if b_norm is None:
        b_norm = math.sqrt(sum(x * x for x in b.values()))
    return sum(x * b.get(w, 0.0) for w, x in a.items()) / b_norm if b_norm else 0.0


def _cosine_without(v: Vector, total: Vector, total_norm2: float) -> float:
    """Cosine of unit vector ``v`` with ``total - v``, in the time of ``v``'s own words
    (only the entries of ``v``'s words change, so the rest of ``total`` is never copied)."""
    rest = {w: total[w] - x for w, x in v.items()}
    norm2 = total_norm2 - sum(total[w] ** 2 - r ** 2 for w, r in rest.items())
    norm = math.sqrt(max(norm2, 0.0))
    return sum(x * rest[w] for w, x in v.items()) / norm if norm > 1e-9 else 0.0


def mixed_topics(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]]) -> list[list[str]]:
    """Two groups of article ids when the set mixes two meetings, else ``[]``.

    Articles too short to judge are in neither group. The larger group comes first; in
    each, the article closest to the group's centre is first, so its title can name the group.
    """
    judged = {aid: t for aid, t in ((aid, list(t)) for aid, t in texts.items()) if len(t) >= MIN_SENTENCES}
    if not 2 * MIN_GROUP <= len(judged) <= MAX_SPLIT_ARTICLES:
        return []
    vectors = _unit_vectors(judged, bag)
    ids = list(vectors)
    position = {aid: n for n, aid in enumerate(ids)}
    total = _sum(vectors.values())
    total_norm = math.sqrt(sum(x * x for x in total.values()))
    first = min(ids, key=lambda i: _cosine(vectors[i], total, total_norm))
    second = min(ids, key=lambda i: sum(x * vectors[first].get(w, 0.0) for w, x in vectors[i].items()))
    centres = [dict(vectors[first]), dict(vectors[second])]
    groups: list[list[str]] = [[], []]
    for _ in range(SPLIT_ROUNDS):
        norms = [math.sqrt(sum(x * x for x in c.values())) for c in centres]
        new: list[list[str]] = [[], []]
        for i in ids:
            near = 0 if _cosine(vectors[i], centres[0], norms[0]) >= _cosine(vectors[i], centres[1], norms[1]) else 1
            new[near].append(i)
        if not all(new) or new == groups:
            groups = new
            break
        groups = new
        centres = [_sum(vectors[i] for i in g) for g in groups]
    if min(len(g) for g in groups) < MIN_GROUP:
        return []
    centres = [_sum(vectors[i] for i in g) for g in groups]
    norms2 = [sum(x * x for x in c.values()) for c in centres]
    own: dict[str, float] = {}
    other: list[float] = []
    for k, group in enumerate(groups):
        for i in group:
            own[i] = _cosine_without(vectors[i], centres[k], norms2[k])
            other.append(_cosine(vectors[i], centres[1 - k], math.sqrt(norms2[1 - k])))
    mean_own = sum(own.values()) / len(own)
    if not mean_own or (sum(other) / len(other)) / mean_own >= MIXED_RATIO:
        return []
    ordered = [sorted(g, key=lambda i: (-own[i], position[i])) for g in groups]
    return sorted(ordered, key=len, reverse=True)


def short_articles(texts: Mapping[str, str], min_words: int = MIN_ARTICLE_WORDS) -> dict[str, int]:
    """Id -> word count of the articles too short to be news coverage (a note saved in the
    folder, a headline alone). Used all the same: the user chose them."""
    counts = {aid: len(text.split()) for aid, text in texts.items()}
    return {aid: n for aid, n in counts.items() if n < min_words}


def not_english(texts: Mapping[str, str], function_words: frozenset[str]) -> list[str]:
    """Ids of the articles that do not read as English: mostly letters of another script,
    or few English function words. They are used all the same; the user is told why they
    give no points."""
    out = []
    for aid, text in texts.items():
        words = _LETTER_WORDS.findall(text.lower())  # one pass over the text; it runs on every build
        letters = sum(map(len, words))
        if letters < LANGUAGE_MIN_LETTERS:
            continue
        if sum(len(w) for w in words if w.isascii()) < 0.5 * letters:
            out.append(aid)
        elif (len(words) >= LANGUAGE_MIN_WORDS
              and sum(map(function_words.__contains__, words)) < ENGLISH_FUNCTION_SHARE * len(words)):
            out.append(aid)
    return out
