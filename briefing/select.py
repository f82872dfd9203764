"""Stage 6: choose each section's points within its word budget.

A briefing should state as many distinct, concrete facts as its budget allows, each in
the section whose frame it has. So selection is budgeted concept coverage (Gillick and
Favre, 2009) weighted by the frame score: a sentence is worth the concepts (content
words) it adds that no chosen point has stated yet, each concept weighted by how many
articles mention it and how specific it is, divided by the sentence's length. This is
maximal marginal relevance (Carbonell and Goldstein, 1998) with novelty measured as
uncovered concepts; a sentence repeating half of a chosen point is never taken.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from typing import Callable, Iterable

from .discourse import announces_a_list, elaborates, refers_back
from .dedup import overlap
from .documents import Candidate, Sentence
from .tokens import normalize_for_match

BagOfWords = Callable[[str], list[str]]

POOL_SIZE = 300  # candidates per section considered; keeps selection linear in input size
# Frame margin above which a sentence is "clearly" of its section. At 6, every sentence
# with a clear frame counted the same, and a vaguer one could outweigh a sharper one on
# information alone: over our 24 sets 13 points sat in the wrong section. At 8 there are
# 9, and mean recall is 0.685 (was 0.673); 7 to 10 all do about as well.
FRAME_CAP = 8.0
GENERIC_WEIGHT = 0.15
LENGTH_EXPONENT = 0.6
PARAPHRASE_PENALTY = 2.0
MIN_RELATIVE_VALUE = 0.15  # a point worth less than this share of its section's first is filler
MIN_SPECIFIC_WORDS = 4  # "Both sides have cards to play." names too little to be a point
ANAPHOR_FACTOR = 0.8  # "This commitment would ..." needs the sentence before it to be understood
# "That would allow Belvaria to avoid admitting liability." comments on the offer before
# it; when that sentence is itself a candidate of the section, it is the point, and the
# comment (short, and inheriting the offer's frame) had outscored it. At a half, mean
# recall over our 65 sets rose from 0.6019 to 0.6033 (0.3: 0.6026, 0.7: 0.6026).
COMMENT_FACTOR = 0.5
# A sentence opening with a quotation ("'One bad day could undo six months,' said ...")
# is mostly colour: of such points chosen on our test summits 7 of 8 stated no gold
# fact. It is the briefing's "Notable quotes" that carries voices; a section reports.
# At a half, three such points were still chosen over nineteen article sets (the demo's
# concessions opened with "'On paper, the two lists fit together almost perfectly,'
# said …"); at a quarter none is, and no set loses a fact at 100, 150 or 200 words.
QUOTE_FACTOR = 0.25
QUOTE_MARKS = "\u201c\"\u2018'"
# An article's first sentences report the news peg: who met where, what was announced
# ("The leaders of the five states opened their summit in Tarsk on Tuesday ..."). Before
# this rule, over 41 of our sets, chosen points from an article's first three sentences
# stated a fact of their section 54% of the time (21 of 39), from its first four 71% (48
# of 68), later ones 82%. At 0.8 for the first four, mean recall over 37 sets rose from
# 0.657 to 0.662, and on three sets written afterwards and tested blind from 0.581 to
# 0.595; over all 42 sets it is 0.476 -> 0.479 at 100 words, 0.649 -> 0.653 at 150, but
# 0.739 -> 0.736 at 200 (three more misplaced points). At 150, 0.6 (more misplaced
# points) and the first sentence alone did no better.
LEAD_SENTENCES = 4
LEAD_FACTOR = 0.8


def weighted_overlap(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> float:
    """Share of the lighter sentence's specific content that the other also has (idf-weighted).

    Reports of one fact in other words share few words but the rare ones; weighting by
    rarity separates them from unrelated sentences (AUC 0.91 on our test summits).
    """
    return _weighted_overlap(a, b, sum(weight.get(w, 0.0) for w in a), sum(weight.get(w, 0.0) for w in b), weight)


def _weighted_overlap(a: frozenset[str], b: frozenset[str], mass_a: float, mass_b: float,
                      weight: dict[str, float]) -> float:
    small = min(mass_a, mass_b)
    if small <= 0:
        return 0.0
    return sum(weight.get(w, 0.0) for w in a & b) / small


def concept_weights(candidates: list[Candidate], bag: BagOfWords, generic: frozenset[str]) -> dict[str, float]:
    """Weight of each content word: corroboration (articles) times specificity (rarity in sentences)."""
    n = len(candidates) or 1
    sentence_freq: Counter[str] = Counter()
    article_freq: dict[str, set[str]] = {}
    for c in candidates:
        words = set(bag(c.text))
        sentence_freq.update(words)
        arts = set(c.sources) | set(c.related)
        for w in words:
            article_freq.setdefault(w, set()).update(arts)
    weights = {}
    for w, sf in sentence_freq.items():
        corroboration = float(len(article_freq[w]))
        specificity = math.log(1.0 + n / sf)
        weights[w] = corroboration * specificity * (GENERIC_WEIGHT if w in generic else 1.0)
    return weights


def information(words: Iterable[str], weights: dict[str, float]) -> float:
    return sum(weights[w] for w in words)


def specific_rarity(candidates: list[Candidate], concepts: dict[int, frozenset[str]],
                    generic: frozenset[str]) -> dict[str, float]:
    """Inverse sentence frequency of each specific (non-generic) word."""
    n = len(candidates) or 1
    freq: Counter[str] = Counter(w for c in candidates for w in concepts[id(c)])
    return {w: math.log(n / f) for w, f in freq.items() if w not in generic}


def lean_chain(cand: Candidate, by_text: dict[str, Sentence], depth: int = 2) -> tuple[str, ...]:
    """Keys of the sentences this candidate leans on: the one before it, and the one before
    that when that one leans in turn ("This initiative ..." after the offer it names)."""
    chain: list[str] = []
    sentence, text = cand.first, cand.text
    for _ in range(depth):
        if not (sentence.previous and elaborates(text, sentence.previous)):
            break
        key = normalize_for_match(sentence.previous)
        chain.append(key)
        if key not in by_text:
            break
        sentence = by_text[key]
        text = sentence.text
    return tuple(chain)


def opens_with_quote(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and first in QUOTE_MARKS


def standalone(cand: Candidate) -> float:
    """1 for a sentence a reader understands alone and that reports rather than quotes;
    less for one leaning on the sentence before, or opening with a quotation."""
    quoted = QUOTE_FACTOR if opens_with_quote(cand.text) else 1.0
    return quoted * (ANAPHOR_FACTOR if refers_back(cand.text, cand.first.previous) else 1.0)


def in_lead(cand: Candidate) -> bool:
    """True for a sentence among the first of an article that reports it: the news peg."""
    return min(m.position for m in cand.members) < LEAD_SENTENCES


def report_weight(cand: Candidate) -> float:
    """How much a candidate's information counts as a point: a standalone report, not the lead."""
    return standalone(cand) * (LEAD_FACTOR if in_lead(cand) else 1.0)


def frame_strength(cand: Candidate, section: str) -> float:
    """How clearly the candidate belongs to the section, in 0..1."""
    frame = cand.scores.get(section, 0.0)
    others = max((v for k, v in cand.scores.items() if k != section), default=0.0)
    margin = max(frame - 0.5 * others, 0.0)
    return min(margin, FRAME_CAP) / FRAME_CAP


def select_points(candidates: list[Candidate], sections: Iterable[str], words_per_section: int,
                  bag: BagOfWords, *, generic: frozenset[str] = frozenset(), names: frozenset[str] = frozenset(),
                  redundancy_overlap: float = 0.5, leave_out: frozenset[str] = frozenset()
                  ) -> dict[str, list[Candidate]]:
    """Points per section, most important first, each section within the word budget.

    ``leave_out`` holds the texts of points the user dropped. The briefing is chosen as if
    nothing were dropped, then the dropped points are taken out and only the words they
    freed are filled: every other point stays (a drop must not take points the user kept
    with it), what repeats a dropped point is not chosen in its place (it counts as
    stated), and with nothing dropped the first briefing comes back.

    ``names`` are the words naming the parties: they say who, not what, and stand in
    most sentences, so they weigh like generic words when measuring what a sentence adds
    and what it repeats. Otherwise the first point about a party would make every later
    fact about it look like old news. (A name still counts as a specific word of a point.)
    """
    sections = tuple(sections)
    weights = concept_weights(candidates, bag, generic | names)
    concepts = {id(c): frozenset(bag(c.text)) for c in candidates}
    rarity = specific_rarity(candidates, concepts, generic | names)
    pools: dict[str, list[tuple[float, Candidate]]] = {}
    for k in sections:
        pool = []
        for c in candidates:
            if c.section != k or len(concepts[id(c)] - generic) < MIN_SPECIFIC_WORDS or announces_a_list(c.text):
                continue
            strength = frame_strength(c, k)
            info = information(concepts[id(c)], weights)
            c.importance = (strength * info / len(c.text.split()) ** LENGTH_EXPONENT * report_weight(c)
                            * (1 + 0.25 * math.log(c.support)))
            if strength > 0:
                pool.append((strength, c))
        pool.sort(key=lambda sc: -sc[1].importance)
        pools[k] = pool[:POOL_SIZE]
    chosen: dict[str, list[Candidate]] = {k: [] for k in sections}
    used = {k: 0 for k in sections}
    # Novelty is judged within a section: "wants no tariffs" (an aim) and "has
    # threatened tariffs" (a risk) share words but are different points. What each
    # candidate repeats of the chosen points is updated as points are chosen, so a
    # round costs one comparison per candidate.
    covered: dict[str, set[str]] = {k: set() for k in sections}
    chosen_texts: set[str] = set()
    by_text = {normalize_for_match(m.text): m for c in candidates for m in c.members}
    pooled = [c for k in sections for _, c in pools[k]]
    chains = {id(c): lean_chain(c, by_text) for c in pooled}
    weight_as_point = {id(c): report_weight(c) for c in pooled}
    for k in sections:
        pooled_texts = {normalize_for_match(m.text) for _, c in pools[k] for m in c.members}
        for _, c in pools[k]:
            if chains[id(c)] and chains[id(c)][0] in pooled_texts:
                weight_as_point[id(c)] *= COMMENT_FACTOR
    mass = {id(c): sum(rarity.get(w, 0.0) for w in concepts[id(c)]) for c in pooled}
    repeats = {id(c): 0.0 for c in pooled}  # largest overlap with any chosen point
    echoes = {id(c): 0.0 for c in pooled}  # largest weighted overlap with a chosen point of its section
    lengths = {id(c): len(c.text.split()) for c in pooled}
    gains = {id(c): information(concepts[id(c)], weights) for c in pooled}  # of words not yet covered
    first_value: dict[str, float] = {}
    # Every point chosen, with the words it newly covered in its section, in order (a
    # dropped point stays: what repeats it counts as stated). A candidate is brought up
    # to date with the points chosen since it was last valued only when it is valued again.
    log: list[tuple[str, Candidate, frozenset[str]]] = []
    seen = {id(c): 0 for c in pooled}
    order = {id(c): (n, i) for n, k in enumerate(sections) for i, (_, c) in enumerate(pools[k])}

    def value_now(k: str, strength: float, c: Candidate) -> float | None:
        """The candidate's value as a point now, or None when it cannot be chosen in this
        fill (too long for what is left of the budget, repeating a chosen point, or filler)."""
        i = id(c)
        if lengths[i] > words_per_section - used[k]:
            return None
        if seen[i] < len(log):
            regain = False
            for section, p, new in log[seen[i]:]:
                repeats[i] = max(repeats[i], overlap(concepts[i], concepts[id(p)]))
                if section == k:
                    regain = regain or bool(concepts[i] & new)
                    echoes[i] = max(echoes[i], _weighted_overlap(concepts[i], concepts[id(p)], mass[i],
                                                                 mass.get(id(p), 0.0), rarity))
            seen[i] = len(log)
            if regain:
                gains[i] = information(concepts[i] - covered[k], weights)
        if repeats[i] >= redundancy_overlap:
            return None
        echo = 1.0 if any(key in chosen_texts for key in chains[i]) else echoes[i]
        novelty = max(1.0 - PARAPHRASE_PENALTY * echo, 0.0)
        value = (strength * novelty * gains[i] / lengths[i] ** LENGTH_EXPONENT * weight_as_point[i]
                 * (1 + 0.25 * math.log(c.support)))
        return None if value < MIN_RELATIVE_VALUE * first_value.get(k, 0.0) else value

    def fill() -> None:
        """Choose points while any is worth its words and fits: each round the candidate of
        highest value (the first in section and pool order on a tie). A value only falls
        as points are chosen, so a candidate is valued again only when its last value
        could still beat the best (lazy greedy: the same choices, a fraction of the work)."""
        heap = []
        for k in sections:
            for strength, c in pools[k]:
                value = value_now(k, strength, c)
                if value is not None:
                    heap.append((-value, order[id(c)], k, strength, c))
        heapq.heapify(heap)
        while heap:
            _, at, k, strength, c = heapq.heappop(heap)
            value = value_now(k, strength, c)
            if value is None:
                continue  # for good in this fill: budgets shrink, values fall
            if heap and (-value, at) > heap[0][:2]:
                heapq.heappush(heap, (-value, at, k, strength, c))
                continue
            if value <= 0:
                break
            first_value.setdefault(k, value)
            chosen[k].append(c)
            used[k] += lengths[id(c)]
            chosen_texts.update(normalize_for_match(m.text) for m in c.members)
            new = concepts[id(c)] - covered[k]
            covered[k] |= new
            log.append((k, c, new))
        taken = {id(c) for cs in chosen.values() for c in cs}
        for k in sections:
            pools[k] = [(s, o) for s, o in pools[k] if id(o) not in taken]

    fill()
    if leave_out:
        for k in sections:
            used[k] -= sum(lengths[id(c)] for c in chosen[k] if c.text in leave_out)
            chosen[k] = [c for c in chosen[k] if c.text not in leave_out]
            pools[k] = [(s, o) for s, o in pools[k] if o.text not in leave_out]
        fill()
    for k in sections:
        chosen[k].sort(key=lambda c: -c.importance)
    return chosen
