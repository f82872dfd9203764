"""Stage 6: choose each section's points within its word budget.

Relevance is the candidate's frame score for the section, weighted by how central it is
to the whole set of articles (cosine with the support-weighted centroid, one pass) and
by how many articles report it. Maximal marginal relevance (Carbonell and Goldstein,
1998) then picks points greedily by relevance per word, never one that repeats a point
already chosen in any section.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Iterable

from .dedup import overlap
from .documents import Candidate

BagOfWords = Callable[[str], list[str]]

POOL_SIZE = 300  # candidates per section considered by MMR; keeps selection linear in input size


def centrality(candidates: list[Candidate], bag: BagOfWords) -> list[float]:
    """Cosine of each candidate's tf-idf vector with the support-weighted centroid."""
    bags = [Counter(bag(c.text)) for c in candidates]
    n = len(bags) or 1
    df = Counter(w for b in bags for w in b)
    idf = {w: math.log(1 + n / d) for w, d in df.items()}
    vecs = []
    centroid: Counter[str] = Counter()
    for c, b in zip(candidates, bags):
        v = {w: tf * idf[w] for w, tf in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        v = {w: x / norm for w, x in v.items()}
        vecs.append(v)
        for w, x in v.items():
            centroid[w] += x * c.support
    cnorm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    return [sum(x * centroid[w] for w, x in v.items()) / cnorm for v in vecs]


def relevance(cand: Candidate, section: str, central: float) -> float:
    frame = cand.scores.get(section, 0.0)
    others = max((v for k, v in cand.scores.items() if k != section), default=0.0)
    margin = max(frame - 0.5 * others, 0.0)
    return margin * (0.5 + central) * (1.0 + 0.25 * math.log(cand.support))


def select_points(candidates: list[Candidate], sections: Iterable[str], words_per_section: int,
                  bag: BagOfWords, *, redundancy_overlap: float = 0.5, mmr_lambda: float = 0.7
                  ) -> dict[str, list[Candidate]]:
    """Points per section, most important first, each section within the word budget."""
    sections = tuple(sections)
    central = centrality(candidates, bag)
    bags = {id(c): frozenset(bag(c.text)) for c in candidates}
    for c, x in zip(candidates, central):
        c.importance = x
    pools = {k: [(relevance(c, k, x), c) for c, x in zip(candidates, central) if c.section == k] for k in sections}
    for k in sections:
        pools[k] = sorted(pools[k], key=lambda rc: -rc[0])[:POOL_SIZE]
    chosen: dict[str, list[Candidate]] = {k: [] for k in sections}
    used = {k: 0 for k in sections}
    all_chosen: list[Candidate] = []
    while True:
        best = None
        for k in sections:
            budget_left = words_per_section - used[k]
            top = max((rel for rel, _ in pools[k]), default=1.0) or 1.0
            for rel, c in pools[k]:
                n = len(c.text.split())
                if n > budget_left or rel <= 0:
                    continue
                sim = max((overlap(bags[id(c)], bags[id(o)]) for o in all_chosen), default=0.0)
                if sim >= redundancy_overlap:
                    continue
                value = mmr_lambda * rel / top - (1 - mmr_lambda) * sim
                density = value / math.sqrt(n)
                if best is None or density > best[0]:
                    best = (density, k, c, rel)
        if best is None:
            break
        _, k, c, rel = best
        c.importance = rel
        chosen[k].append(c)
        all_chosen.append(c)
        used[k] += len(c.text.split())
        pools[k] = [(r, o) for r, o in pools[k] if o is not c]
    for k in sections:
        chosen[k].sort(key=lambda c: -c.importance)
    return chosen
