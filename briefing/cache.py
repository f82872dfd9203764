"""Work a rebuild can reuse, kept between builds in one process.

The window rebuilds after every change to the article list, and most articles are the
same as last time. :class:`BuildCache` remembers each article's cleaned paragraphs and
sentences, keyed by what they depend on (a hash of the text, the headline that cleaning
drops, the sentence-length options), and the results of pure functions of one text
(word bags, frame scores), keyed by the text. A rebuild then does the per-article work
of new or edited articles only. Entries go least recently used first, so a long session
stays within a fixed number of entries however many builds it runs.

If cleaning or sentence splitting ever depends on another option, that option must join
:meth:`BuildCache.article_key`.
"""
from __future__ import annotations

import copy
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Callable, Generic, Hashable, TypeVar

from .clean import clean_article
from .documents import Article, CleanArticle, Paragraph, Sentence
from .sentences import article_sentences

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")
_MISSING = object()

MAX_ARTICLES = 10_000
MAX_TEXTS = 200_000  # per memoised function; about 30 sentences per article


class LruStore(Generic[K, V]):
    """A bounded mapping that forgets the least recently used entry first; thread-safe."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: K, default: V | None = None) -> V | None:
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is _MISSING:
                self.misses += 1
                return default
            self._items.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


@dataclass(frozen=True)
class _ArticleWork:
    """One article's cleaned text and sentences, independent of the article's id."""

    paragraphs: tuple[Paragraph, ...]
    removed: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    article_id: str  # the id the sentences were made with


class BuildCache:
    """Per-article and per-text results shared by successive builds (see the module docstring).

    Pass one instance to every :func:`briefing.build_briefing` call of a session; a build
    without one uses a fresh cache and so reuses nothing.
    """

    def __init__(self, max_articles: int = MAX_ARTICLES, max_texts: int = MAX_TEXTS) -> None:
        self.articles: LruStore[tuple, _ArticleWork] = LruStore(max_articles)
        self._max_texts = max_texts
        self._memos: dict[str, LruStore[tuple, object]] = {}
        self._memos_lock = threading.Lock()

    @staticmethod
    def article_key(article: Article, min_words: int, max_words: int) -> tuple:
        digest = article.content_hash or hashlib.blake2b(article.text.encode("utf-8"), digest_size=16).hexdigest()
        return (digest, article.title, min_words, max_words)

    def article_work(self, article: Article, min_words: int, max_words: int) -> tuple[CleanArticle, list[Sentence]]:
        """The cleaned article and its point-worthy sentences, computed once per content."""
        key = self.article_key(article, min_words, max_words)
        work = self.articles.get(key)
        if work is None:
            clean = clean_article(article)
            sentences = article_sentences(clean, min_words, max_words)
            work = _ArticleWork(tuple(clean.paragraphs), tuple(clean.removed), tuple(sentences), article.id)
            self.articles.put(key, work)
            return clean, sentences
        sentences = list(work.sentences)
        if work.article_id != article.id:  # same text, loaded again under another id
            sentences = [replace(s, article_id=article.id) for s in sentences]
        return CleanArticle(article=article, paragraphs=list(work.paragraphs), removed=list(work.removed)), sentences

    def memoize(self, name: str, fn: Callable[..., T], *, per_article: bool = False) -> Callable[..., T]:
        """``fn`` remembered by its arguments under ``name``; callers get a copy they may change.

        ``name`` stands for the function and everything it depends on besides its
        arguments: give a new name when that changes. ``per_article``: one entry per
        article (a whole article's text or sentences), so kept to the articles' bound.
        """
        with self._memos_lock:
            store = self._memos.setdefault(name, LruStore(self.articles.capacity if per_article else self._max_texts))

        def remembered(*args: Hashable) -> T:
            value = store.get(args, _MISSING)
            if value is _MISSING:
                value = fn(*args)
                store.put(args, value)
            return copy.copy(value)

        remembered.__name__ = f"remembered_{name.replace(' ', '_')}"
        remembered.__doc__ = fn.__doc__
        return remembered

    def memo_store(self, name: str) -> LruStore[tuple, object] | None:
        return self._memos.get(name)

    def clear(self) -> None:
        self.articles.clear()
        with self._memos_lock:
            for store in self._memos.values():
                store.clear()
