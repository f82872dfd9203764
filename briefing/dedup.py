"""Stage 4: merge sentences that say the same thing into one :class:`Candidate`.

Exact copies (after case, quote and spacing normalisation) merge first; near copies
are found through an inverted index on each sentence's rarest words, so the work grows
with the number of sentences, not its square.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import partial
from typing import Callable, Iterable

from .documents import Candidate, Sentence
from .tokens import content_stems, normalize_for_match

RARE_KEYS = 3
MAX_POSTINGS = 64
# A longer sentence that holds a shorter one and adds this many content words of its own,
# making up this share of it, says more than the shorter one: "Veldmark plans to require
# export licences ..., and Orvane wants the plant exempted" is not a copy of "Veldmark
# plans to require licences ...". Merged, the one with more sources would stand for both
# and the added fact would be lost. A byline-style tail ("…, officials said on Monday")
# adds fewer. Over our 28 sets this keeps seven pairs apart: three sets gain a fact (the
# water treaty, the migration pact, the chip plant), two lose one (arms control, where a
# tail "a move that could complicate negotiations" is kept apart; the dam dispute, where
# the longer wording takes a budget a short fact had); mean recall 0.683 to 0.685.
ADDED_WORDS = 5
ADDED_SHARE = 0.4


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's words that the other set also has."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def same_report(a: frozenset[str], b: frozenset[str], threshold: float,
                attribution: frozenset[str] = frozenset()) -> bool:
    """Do two sentences (as content-word sets) report one fact? Most of the smaller one's
    words are in the other, and the larger one adds no fact of its own (``ADDED_WORDS``;
    words of an attribution, ``attribution``, such as "told reporters on Tuesday", add none)."""
    if overlap(a, b) < threshold:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    added = len(big - small - attribution)
    return not (added >= ADDED_WORDS and added / len(big) >= ADDED_SHARE)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_sentences(sentences: list[Sentence], stop: frozenset[str], threshold: float = 0.7, *,
                    bag: Callable[[str], Iterable[str]] | None = None,
                    attribution: frozenset[str] = frozenset()) -> list[Candidate]:
    """Candidates in order of first appearance, each remembering every reporting article.

    ``bag`` gives a sentence's content stems (the build passes a remembered one).
    """
    bag = bag or partial(content_stems, stop=stop)
    exact: dict[str, list[Sentence]] = {}
    for s in sentences:
        exact.setdefault(normalize_for_match(s.text), []).append(s)
    keys = list(exact)
    bags = [frozenset(bag(exact[k][0].text)) for k in keys]
    df = Counter(w for bag in bags for w in bag)
    postings: dict[str, list[int]] = defaultdict(list)
    uf = _UnionFind(len(keys))
    for i, own in enumerate(bags):
        rare = sorted(own, key=lambda w: (df[w], w))[:RARE_KEYS]
        if len(own) >= 4:
            seen: set[int] = set()
            root = uf.find(i)
            for w in rare:
                for j in postings[w]:
                    if j in seen:
                        continue
                    seen.add(j)
                    # Already in one group: comparing again could not change anything.
                    if len(bags[j]) >= 4 and uf.find(j) != root and same_report(own, bags[j], threshold, attribution):
                        uf.union(i, j)
                        root = uf.find(i)
        for w in rare:
            if len(postings[w]) < MAX_POSTINGS:
                postings[w].append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[uf.find(i)].append(i)
    candidates = []
    for root in sorted(groups):
        members_keys = groups[root]
        # The wording most articles share stands for the group; then the shorter one.
        best = members_keys[0] if len(members_keys) == 1 else max(
            members_keys, key=lambda i: (len({s.article_id for s in exact[keys[i]]}), -len(keys[i]), -i))
        rep = exact[keys[best]]
        sources = list(dict.fromkeys(s.article_id for s in rep))
        members = [s for i in members_keys for s in exact[keys[i]]]
        members.sort(key=lambda s: (s is not rep[0], s.position))
        related = list(dict.fromkeys(s.article_id for s in members if s.article_id not in sources))
        candidates.append(Candidate(text=rep[0].text, members=[rep[0]] + [m for m in members if m is not rep[0]],
                                    sources=sources, related=related))
    return candidates
