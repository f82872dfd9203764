"""Synthetic news corpora of any size, grown from a handful of real articles.

A news monitor export is many outlets covering a few stories: each story is reported by
several articles that share sentences verbatim or lightly edited (wire copy), with
headlines repeated and advert lines in between. To make a corpus of N articles that
really grows (its distinct sentences grow with N), each story re-writes the base text
consistently: names become other invented names, numbers other numbers, and a share of
the content words other words of the base vocabulary; paragraphs are mixed across the
base articles. Everything is driven by one seed, so a corpus is the same on every run.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ARTICLES_PER_STORY = 3
WORDS_PER_ARTICLE = 250
WORD_SWAP_SHARE = 0.08
LIGHT_EDIT_SHARE = 0.3
BOILERPLATE = ("Advertisement", "Share this article", "© {year} {outlet}. All rights reserved.",
               "Sign up for our newsletter", "Photo: {outlet}")

_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_WORD = re.compile(r"[A-Z]\.(?:[A-Z]\.)+|[A-Za-z][A-Za-z-]*|\d[\d,.]*\d|\d")
_SYLLABLES = ("ka", "ro", "mi", "ten", "sha", "lo", "vin", "de", "ar", "os", "ul", "be", "za", "nor", "pel",
              "ta", "gri", "mo", "sen", "va", "ki", "dor", "ne", "lu", "fa", "hal", "ix", "re", "quo", "wen")


@dataclass(frozen=True)
class SyntheticArticle:
    name: str
    text: str


def _base_paragraphs(base: Path) -> tuple[list[str], list[str]]:
    """Headlines and body paragraphs (lines that read as prose) of every base article."""
    heads, body = [], []
    for path in sorted(base.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if not lines:
            continue
        heads.append(lines[0])
        body.extend(ln for ln in lines[1:] if len(ln.split()) >= 12 and ln.endswith((".", "”", '"')))
    if not body:
        raise ValueError(f"no article text under {base}")
    return heads, body


class _Renamer:
    """One story's consistent rewrite of names, numbers and some content words."""

    def __init__(self, rng: random.Random, vocabulary: list[str], names: frozenset[str]) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.names = names
        self.map: dict[str, str] = {}

    def _invent(self) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()

    def word(self, w: str, first: bool) -> str:
        if w in self.map:
            return self.map[w]
        if w[0].isdigit():
            new = str(self.rng.randint(2, 999))
        elif w in self.names or (w[0].isupper() and not first):
            new = self._invent()
        elif w.islower() and len(w) > 3 and self.rng.random() < WORD_SWAP_SHARE:
            new = self.rng.choice(self.vocabulary)
        else:
            new = w
        self.map[w] = new
        return new

    def sentence(self, s: str) -> str:
        out, last = [], 0
        for m in _WORD.finditer(s):
            out.append(s[last:m.start()])
            w = m.group()
            title = len(w) <= 3 and s[m.end():m.end() + 1] == "."  # Mr. Ms. Dr.
            out.append(w if title else self.word(w, first=m.start() == 0))
            last = m.end()
        out.append(s[last:])
        return "".join(out)


def _light_edit(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    """Another outlet's wording of the same sentence: one word swapped."""
    words = sentence.split()
    if len(words) < 8:
        return sentence
    i = rng.randrange(1, len(words) - 1)
    if words[i].isalpha() and words[i].islower():
        words[i] = rng.choice(vocabulary)
    return " ".join(words)


def make_corpus(base: Path, n: int, seed: int = 2024) -> list[SyntheticArticle]:
    """``n`` articles about ``ceil(n / ARTICLES_PER_STORY)`` stories, deterministic for ``seed``."""
    heads, body = _base_paragraphs(base)
    vocabulary = sorted({w for p in body for w in _WORD.findall(p) if w.islower() and len(w) > 3})
    lower = {w for p in body for w in _WORD.findall(p) if w.islower()}
    names = frozenset(m.group() for p in body for x in _SENTENCE_END.split(p)
                      for m in _WORD.finditer(x)
                      if m.start() > 0 and m.group()[0].isupper() and m.group().lower() not in lower)
    articles: list[SyntheticArticle] = []
    story_count = -(-n // ARTICLES_PER_STORY)
    for s in range(story_count):
        rng = random.Random(f"{seed}-{s}")
        renamer = _Renamer(rng, vocabulary, names)
        # A story: its own mix of base paragraphs, rewritten consistently.
        paragraphs = rng.sample(body, min(len(body), 14))
        story = [[renamer.sentence(x) for x in _SENTENCE_END.split(p)] for p in paragraphs]
        headline = renamer.sentence(rng.choice(heads))
        outlet = renamer._invent() + " News"
        for a in range(min(ARTICLES_PER_STORY, n - len(articles))):
            arng = random.Random(f"{seed}-{s}-{a}")
            order = list(range(len(story)))
            arng.shuffle(order)
            lines = [headline]
            if arng.random() < 0.5:
                lines.append(headline)  # exports often repeat the headline
            words = 0
            for i in order:
                if words >= WORDS_PER_ARTICLE:
                    break
                para = [(_light_edit(x, arng, vocabulary) if arng.random() < LIGHT_EDIT_SHARE else x)
                        for x in story[i]]
                lines.append(" ".join(para))
                words += sum(len(x.split()) for x in para)
                if arng.random() < 0.15:
                    lines.append(arng.choice(BOILERPLATE).format(year=2000 + s % 25, outlet=outlet))
            articles.append(SyntheticArticle(name=f"story{s:05d}_{a}.txt", text="\n".join(lines) + "\n"))
    return articles


def write_corpus(articles: list[SyntheticArticle], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for art in articles:
        (folder / art.name).write_text(art.text, encoding="utf-8")
