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
from itertools import repeat
from operator import mul, sub
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


def similarity_to_rest(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]],
                       counts: Mapping[str, Counter[str]] | None = None) -> dict[str, float]:
    """Article id -> cosine similarity of its words to those of all the other articles.

    ``texts`` are each article's sentences; ``bag`` gives a sentence's words (the build
    passes the content-stem sets it has already computed, so the check costs little).
    The rest's vector is the total minus the article's own, so each article costs only
    its own words (the whole check is linear in the input). ``counts``: each article's
    word counts, when the caller has them (see :func:`article_words`).
    """
    ids = list(texts)
    by_id = _word_counts(texts, bag, counts)
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


def off_topic_articles(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]],
                       counts: Mapping[str, Counter[str]] | None = None) -> list[str]:
    """Ids of the articles that share far fewer words with the others than is usual in this set."""
    if len(texts) < MIN_ARTICLES:
        return []
    sims = similarity_to_rest(texts, bag, counts)
    typical = statistics.median(sims.values())
    sizes = {aid: len(list(t)) for aid, t in texts.items()}
    return [aid for aid, s in sims.items() if s < OFF_TOPIC_SHARE * typical and sizes[aid] >= MIN_SENTENCES]


def article_words(sentences: Iterable[str], bag: Callable[[str], Iterable[str]]) -> Counter[str]:
    """How often each word of ``bag`` occurs in one article's sentences; a build passes
    these to the checks remembered per article, so a rebuild counts new articles only."""
    return Counter(w for t in sentences for w in bag(t))


def _word_counts(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]],
                 counts: Mapping[str, Counter[str]] | None = None) -> dict[str, Counter[str]]:
    if counts is not None:
        return {aid: counts[aid] for aid in texts}
    return {aid: article_words(ts, bag) for aid, ts in texts.items()}


def _idf(counts: Iterable[Counter[str]]) -> dict[str, float]:
    """Smoothed inverse article frequency: words few articles use weigh most."""
    counts = list(counts)
    df = Counter(w for c in counts for w in c)
    return {w: math.log((len(counts) + 1) / d) + 1.0 for w, d in df.items()}


def _unit_vectors(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]],
                  counts: Mapping[str, Counter[str]] | None = None) -> dict[str, Vector]:
    counts = _word_counts(texts, bag, counts)
    idf = _idf(counts.values())
    out = {}
    for aid, c in counts.items():
        v = {w: k * idf[w] for w, k in c.items()}
        norm = math.sqrt(_norm2(v)) or 1.0
        out[aid] = {w: x / norm for w, x in v.items()}
    return out


def _sum(vectors: Iterable[Vector]) -> Vector:
    total: Vector = {}
    for v in vectors:
        for w, x in v.items():
            total[w] = total.get(w, 0.0) + x
    return total


def _group_sums(vectors: Mapping[str, Vector], groups: list[list[str]], total: Vector) -> list[Vector]:
    """The sums of the two groups' vectors: the smaller group's summed, the other's as the
    total less that (a pass over the set's words instead of the larger group's)."""
    small = 0 if len(groups[0]) <= len(groups[1]) else 1
    summed = _sum(vectors[i] for i in groups[small])
    rest = {w: t - summed.get(w, 0.0) for w, t in total.items()}
    return [summed, rest] if small == 0 else [rest, summed]


def _dot(a: Vector, b: Vector) -> float:
    """Dot product over ``a``'s words, summed without a Python loop (the checks' inner loop)."""
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def _norm2(v: Vector) -> float:
    values = v.values()
    return sum(map(mul, values, values))


def _cosine(a: Vector, b: Vector, b_norm: float | None = None) -> float:
    """``a`` is a unit vector; ``b`` any vector (its norm may be given)."""
    if b_norm is None:
        b_norm = math.sqrt(_norm2(b))
    return _dot(a, b) / b_norm if b_norm else 0.0


def _nearer(v: Vector, centres: list[Vector], inverse_norms: list[float]) -> int:
    """0 or 1: the centre unit vector ``v`` has the larger cosine with (0 on a tie); both
    dot products in one pass over ``v``'s words, the split's inner loop."""
    first, second = centres
    get0, get1 = first.get, second.get
    d0 = d1 = 0.0
    for w, x in v.items():
        d0 += x * get0(w, 0.0)
        d1 += x * get1(w, 0.0)
    return 0 if d0 * inverse_norms[0] >= d1 * inverse_norms[1] else 1


def _nearer_of_halves(words: tuple[str, ...], weights: tuple[float, ...], first: Vector, v_total: float,
                      inverse_norms: list[float]) -> int:
    """:func:`_nearer` for a vector given as its words and weights, when the two centres
    together are the sum of all vectors: the dot product with the second is ``v_total``
    (the vector's with that sum) less that with the first, and the one product left is
    summed without a Python loop (the split's inner loop over 500 articles)."""
    d0 = sum(map(mul, weights, map(first.get, words, repeat(0.0, len(words)))))
    return 0 if d0 * inverse_norms[0] >= (v_total - d0) * inverse_norms[1] else 1


def _move(v: Vector, source: Vector, target: Vector) -> None:
    for w, x in v.items():
        source[w] -= x
        target[w] = target.get(w, 0.0) + x


def _cosine_without(v: Vector, total: Vector, total_norm2: float) -> float:
    """Cosine of unit vector ``v`` with ``total - v``, in the time of ``v``'s own words
    (only the entries of ``v``'s words change, so the rest of ``total`` is never copied)."""
    weights = v.values()
    before = list(map(total.__getitem__, v))
    rest = list(map(sub, before, weights))
    norm2 = total_norm2 - (sum(map(mul, before, before)) - sum(map(mul, rest, rest)))
    norm = math.sqrt(max(norm2, 0.0))
    return sum(map(mul, weights, rest)) / norm if norm > 1e-9 else 0.0


def mixed_topics(texts: Mapping[str, Iterable[str]], bag: Callable[[str], Iterable[str]],
                 counts: Mapping[str, Counter[str]] | None = None) -> list[list[str]]:
    """Two groups of article ids when the set mixes two meetings, else ``[]``.

    Articles too short to judge are in neither group. The larger group comes first; in
    each, the article closest to the group's centre is first, so its title can name the group.
    """
    judged = {aid: t for aid, t in ((aid, list(t)) for aid, t in texts.items()) if len(t) >= MIN_SENTENCES}
    if not 2 * MIN_GROUP <= len(judged) <= MAX_SPLIT_ARTICLES:
        return []
    vectors = _unit_vectors(judged, bag, counts)
    ids = list(vectors)
    position = {aid: n for n, aid in enumerate(ids)}
    total = _sum(vectors.values())
    total_norm = math.sqrt(_norm2(total))
    with_total = {i: _dot(vectors[i], total) for i in ids}
    first = min(ids, key=lambda i: with_total[i] / total_norm if total_norm else 0.0)
    second = min(ids, key=lambda i: _dot(vectors[i], vectors[first]))
    centres = [dict(vectors[first]), dict(vectors[second])]
    entries = {i: (tuple(v), tuple(v.values())) for i, v in vectors.items()}
    side: dict[str, int] = {}  # article id -> the group it is in
    groups: list[list[str]] = [[], []]
    for _ in range(SPLIT_ROUNDS):
        inverse = [1 / (math.sqrt(_norm2(c)) or 1.0) for c in centres]
        if side:  # the centres are the two groups' sums, together the sum of all vectors
            nearer = {i: _nearer_of_halves(*entries[i], centres[0], with_total[i], inverse) for i in ids}
        else:
            nearer = {i: _nearer(vectors[i], centres, inverse) for i in ids}
        new: list[list[str]] = [[i for i in ids if nearer[i] == k] for k in (0, 1)]
        if not all(new) or new == groups:
            groups = new
            break
        if side:  # move only the articles that changed group: a round costs their words, not all
            for i in ids:
                if nearer[i] != side[i]:
                    _move(vectors[i], centres[side[i]], centres[nearer[i]])
        else:
            centres = _group_sums(vectors, new, total)
        groups, side = new, nearer
    if min(len(g) for g in groups) < MIN_GROUP:
        return []
    centres = _group_sums(vectors, groups, total)
    norms2 = [_norm2(c) for c in centres]
    own: dict[str, float] = {}
    other: list[float] = []
    for k, group in enumerate(groups):
        for i in group:
            own[i] = _cosine_without(vectors[i], centres[k], norms2[k])
            other.append(_cosine(vectors[i], centres[1 - k], math.sqrt(norms2[1 - k])))
    mean_own = sum(own.values()) / len(own)
    if not mean_own or (sum(other) / len(other)) / mean_own >= MIXED_RATIO:
        return []
    # rounded: two articles alone in a group tie exactly, and summing order must not decide
    ordered = [sorted(g, key=lambda i: (-round(own[i], 9), position[i])) for g in groups]
    return sorted(ordered, key=len, reverse=True)


def short_articles(texts: Mapping[str, str], min_words: int = MIN_ARTICLE_WORDS) -> dict[str, int]:
    """Id -> word count of the articles too short to be news coverage (a note saved in the
    folder, a headline alone). Used all the same: the user chose them."""
    counts = {aid: len(text.split()) for aid, text in texts.items()}
    return {aid: n for aid, n in counts.items() if n < min_words}


def not_english(texts: Mapping[str, str], function_words: frozenset[str],
                judge: Callable[[str, frozenset[str]], bool] | None = None) -> list[str]:
    """Ids of the articles that do not read as English: mostly letters of another script,
    or few English function words. They are used all the same; the user is told why they
    give no points. ``judge``: :func:`reads_foreign` (the default), or a remembered copy of it."""
    judge = judge or reads_foreign
    return [aid for aid, text in texts.items() if judge(text, function_words)]


def reads_foreign(text: str, function_words: frozenset[str]) -> bool:
    """Is one article's text not English (see :func:`not_english`)?"""
    words = _LETTER_WORDS.findall(text.lower())  # one pass over the text
    letters = sum(map(len, words))
    if letters < LANGUAGE_MIN_LETTERS:
        return False
    if sum(len(w) for w in words if w.isascii()) < 0.5 * letters:
        return True
    return (len(words) >= LANGUAGE_MIN_WORDS
            and sum(map(function_words.__contains__, words)) < ENGLISH_FUNCTION_SHARE * len(words))
