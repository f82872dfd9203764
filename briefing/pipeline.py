"""The build: articles in, :class:`~briefing.model.Briefing` out, stage by stage.

Each stage is a module with a plain data type between them; this module only runs them
in order, reports progress through a plain callback and checks the cancel token
between steps, so the window can run it on a worker thread.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Iterable

from .aspects import AspectScorer, score_candidates
from .cache import BuildCache
from .cancel import CancelToken, ProgressCallback
from .dedup import group_sentences
from .discourse import elaborates, names_time_before, names_what_was_said, owner_is_before, refers_back
from .documents import Article, Candidate, CleanArticle, LoadProblem, Sentence
from .edits import point_key, settle_lead_ins
from .figures import extract_figures, extract_quotes
from .model import Briefing, Point, Section, Source
from .options import SECTION_HEADINGS, BriefingOptions
from .parties import (PartyModel, attribute_points, find_parties, leans_on_context, pronoun_after_opening,
                      speaker_is_pronoun)
from .relevance import article_words, mixed_topics, not_english, off_topic_articles, reads_foreign, short_articles
from .lexicon import cue_list, kinded_lists, pattern_list, stopwords, valence_lexicon, word_list
from .load import lacks_headline, same_text_reason
from .select import select_points
from .tokens import concept_set, content_stem_set, normalize_for_match, stems, words

STAGES = ("sentences", "dedup", "aspects", "select", "model")  # "sentences" covers cleaning too


@dataclass
class BuildResult:
    briefing: Briefing
    cleaned: list[CleanArticle] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[LoadProblem] = field(default_factory=list)
    # ids of articles sharing far fewer words with the others than usual (used all the same)
    off_topic: list[str] = field(default_factory=list)
    # two groups of ids when the articles seem to cover two meetings (larger group first), else []
    mixed: list[list[str]] = field(default_factory=list)
    # id of an article left out as a copy of another (the same text, or the same sentences
    # in another format) -> that other's id
    copies: dict[str, str] = field(default_factory=dict)
    # ids of articles that do not read as English (used all the same; they give few points)
    not_english: list[str] = field(default_factory=list)
    # id given -> id in this result, for each article renumbered so that a copy left out
    # leaves no gap in the sources ([1], [2], [3], not [1], [3], [4]); the other fields use the new ids
    renumbered: dict[str, str] = field(default_factory=dict)
    # parties the user named that no article names: no point can be listed under them
    unnamed_parties: list[str] = field(default_factory=list)
    # id -> word count of articles too short to be news coverage (used all the same)
    short: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=1)
def default_scorer() -> AspectScorer:
    cues = {k: cue_list(k) for k in SECTION_HEADINGS}
    return AspectScorer(cues, word_list("cues/modality.txt"), stems, word_list("cues/mitigation.txt"),
                        valence_lexicon(), pressure=word_list("cues/pressure_groups.txt"),
                        relatives=word_list("cues/relative_pronouns.txt"), negation=kinded_lists("cues/negation.txt"),
                        silence=kinded_lists("cues/silence.txt"), reference=kinded_lists("cues/reference.txt"),
                        conditions=kinded_lists("cues/conditions.txt"), prepositions=word_list("prepositions.txt"),
                        links=kinded_lists("clause_openers.txt").get("connective", ()))


def generic_stems() -> frozenset[str]:
    """Words that say little about *what* is at stake (``resources/generic_words.txt``)."""
    return frozenset(stems(" ".join(word_list("generic_words.txt"))))


@lru_cache(maxsize=1)
def attribution_stems() -> frozenset[str]:
    """Words of an attribution ("..., the industry minister told reporters on Tuesday"):
    speech verbs, titles, days, months and other time words. A copy with one added is
    still a copy (:func:`briefing.dedup.same_report`)."""
    names = ("speech_verbs.txt", "titles.txt", "weekday_names.txt", "month_names.txt", "calendar_words.txt",
             "time_nouns.txt")
    return frozenset(stems(" ".join(" ".join(word_list(n)) for n in names)))


def _report(progress: ProgressCallback | None, stage: str, fraction: float) -> None:
    if progress is not None:
        progress(stage, fraction)


def unique_articles(articles: list[Article]) -> tuple[list[Article], dict[str, str]]:
    """Drop articles whose text is identical to an earlier one: the same story twice is one source.

    Returns the articles kept and, for each left out, the id of the earlier one.
    """
    seen: dict[str, Article] = {}
    kept, same = [], {}
    for a in articles:
        if a.content_hash and a.content_hash in seen:
            same[a.id] = seen[a.content_hash].id
            continue
        seen[a.content_hash] = a
        kept.append(a)
    return kept, same


COPY_SHARE = 0.8  # an article with this share of its sentences in one earlier article is a copy of it
COPY_MIN_SENTENCES = 3


def copied_articles(texts: dict[str, list[str]]) -> dict[str, str]:
    """Articles that repeat an earlier one sentence for sentence: id -> the earlier one's id.

    The same story saved as a Word file and as a web page differs in bytes, so the loader's
    hash cannot tell; counted twice, it would double every point's support and look like a
    second meeting. A wire story two outlets ran unchanged is one source too.
    """
    holders: dict[str, list[str]] = {}
    copies: dict[str, str] = {}
    for article_id, sentences in texts.items():
        keys = {normalize_for_match(t) for t in sentences}
        hits = Counter(h for k in keys for h in holders.get(k, ()))
        if hits and len(keys) >= COPY_MIN_SENTENCES:
            original, shared = hits.most_common(1)[0]
            if shared >= COPY_SHARE * len(keys):
                copies[article_id] = original
                continue
        for k in keys:
            holders.setdefault(k, []).append(article_id)
    return copies


def closed_numbering(kept: list[str], left_out: Iterable[str]) -> dict[str, str]:
    """New ids that close the gaps left by articles left out of numbered sources: old id -> new id.

    Sources are cited by number, and a reader seeing [1], [3], [4] looks for the missing
    article. Each kept number moves down by the numbers left out below it, so the gaps
    the build made close and any the caller made stay. Only ids that are all numbers (as
    the loader and the window give them) change; a left-out number becomes
    "copy-<number>" so that no id means two articles. Empty when nothing needs to change.
    """
    if not kept or not all(i.isdecimal() for i in kept):
        return {}
    gone = sorted(int(i) for i in left_out if i.isdecimal())
    mapping = {}
    for old in kept:
        below = bisect_left(gone, int(old))
        if below:
            mapping[old] = str(int(old) - below)
    if mapping:
        mapping.update({str(n): f"copy-{n}" for n in gone})
    return mapping


def copy_reason(copy: list[str], original: Article, texts_of_original: list[str]) -> str:
    """Why a copy was left out, saying how many sentences of its own went with it."""
    kept = {normalize_for_match(t) for t in texts_of_original}
    own = len({normalize_for_match(t) for t in copy} - kept)
    extra = f" ({own} sentence{'s' if own != 1 else ''} of its own left out)" if own else ""
    return same_text_reason(original) + extra


def build_briefing(articles: list[Article], options: BriefingOptions | None = None, *,
                   progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                   cache: BuildCache | None = None) -> BuildResult:
    """Run every stage on already loaded articles.

    Pass the same ``cache`` to successive builds so that a rebuild only does the work of
    new or edited articles (see :mod:`briefing.cache`).
    """
    options = options or BriefingOptions()
    cancel = cancel or CancelToken()
    cache = cache if cache is not None else BuildCache()
    given = {a.id: a for a in articles}
    articles, same = unique_articles(articles)
    stop = stopwords()
    bag = partial(content_stem_set, stop=stop)

    cleaned: list[CleanArticle] = []
    sentences: list[Sentence] = []
    for i, article in enumerate(articles):
        cancel.raise_if_cancelled()
        clean, article_sents = cache.article_work(article, options.min_sentence_words, options.max_sentence_words)
        cleaned.append(clean)
        sentences.extend(article_sents)
        _report(progress, "sentences", (i + 1) / max(len(articles), 1))
    texts = sentences_by_article(cleaned, sentences)
    copies = copied_articles(texts)
    kept = [ca.article.id for ca in cleaned if ca.article.id not in copies]
    renumbered = closed_numbering(kept, [*same, *copies])
    # What was left out is said with the new numbers: "same text as 2" names the second source.
    shown = {i: replace(given[i], id=renumbered.get(i, i)) for pair in (*same.items(), *copies.items()) for i in pair}
    skipped = [LoadProblem(shown[c].display_name, same_text_reason(shown[o])) for c, o in same.items()]
    skipped += [LoadProblem(shown[c].display_name, copy_reason(texts[c], shown[o], texts[o])) for c, o in copies.items()]
    if copies:
        cleaned = [ca for ca in cleaned if ca.article.id not in copies]
        sentences = [s for s in sentences if s.article_id not in copies]
        texts = {aid: t for aid, t in texts.items() if aid not in copies}
    copies = {**same, **copies}
    if renumbered:
        new = renumbered.get
        cleaned = [replace(ca, article=replace(ca.article, id=new(ca.article.id, ca.article.id))) for ca in cleaned]
        sentences = [replace(s, article_id=new(s.article_id, s.article_id)) for s in sentences]
        texts = {new(aid, aid): t for aid, t in texts.items()}
        copies = {new(c, c): new(o, o) for c, o in copies.items()}

    cancel.raise_if_cancelled()
    _report(progress, "dedup", 0.0)
    candidates = group_sentences(sentences, stop, options.duplicate_overlap, bag=bag, attribution=attribution_stems())
    _report(progress, "dedup", 1.0)

    cancel.raise_if_cancelled()
    score_candidates(candidates, cache.memoize("frame scores", default_scorer()), options.sections,
                     options.min_aspect_score, frame_of=cache.memoize("frame setters", default_scorer().frame_of))
    _report(progress, "aspects", 1.0)

    cancel.raise_if_cancelled()
    found = find_parties(cleaned)
    # The parties the user named group the points; the points chosen are those of the
    # parties found, so naming the sides never changes what the briefing says.
    parties = find_parties(cleaned, named=options.parties, found=found) if options.parties else found
    concepts = partial(concept_set, stop=stop)
    chosen = select_points(candidates, options.sections, options.words_per_section, concepts,
                           generic=generic_stems(),
                           names=frozenset(w for name in found.name_forms() for w in concepts(name)),
                           redundancy_overlap=options.redundancy_overlap,
                           leave_out=frozenset(c.text for c in candidates if point_key(c.text) in options.leave_out)
                           if options.leave_out else frozenset())
    _report(progress, "select", 1.0)

    cancel.raise_if_cancelled()
    _report(progress, "model", 0.0)
    briefing = assemble_briefing(cleaned, chosen, candidates, options, parties)
    unnamed = [p for p in parties.parties if not parties.mentions[p]] if options.parties else []
    _report(progress, "model", 1.0)
    bodies = {ca.article.id: "\n".join(p.text for p in ca.paragraphs) for ca in cleaned}
    # The checks over every article are fed what is remembered per article: a rebuild
    # counts the words of new articles only.
    words_of = cache.memoize("article words", partial(article_words, bag=bag), per_article=True)
    counts = {aid: words_of(tuple(ts)) for aid, ts in texts.items()}
    foreign = cache.memoize("foreign", reads_foreign, per_article=True)
    return BuildResult(briefing=briefing, cleaned=cleaned, candidates=candidates, skipped=skipped,
                       off_topic=off_topic_articles(texts, bag, counts), mixed=mixed_topics(texts, bag, counts),
                       copies=copies, not_english=not_english(bodies, stop, foreign),
                       short=short_articles({ca.article.id: ca.article.text for ca in cleaned}),
                       renumbered=renumbered, unnamed_parties=unnamed)


def sentences_by_article(cleaned: list[CleanArticle], sentences: list[Sentence]) -> dict[str, list[str]]:
    """Each article's sentence texts, every article present (an article may have none)."""
    out: dict[str, list[str]] = {ca.article.id: [] for ca in cleaned}
    for s in sentences:
        out.setdefault(s.article_id, []).append(s.text)
    return out


def representative_title(cleaned: list[CleanArticle], candidates: list[Candidate],
                         parties: PartyModel | None = None) -> str:
    """The headline of the news report whose points are most central to the whole set,
    among those that best name the meeting (see :func:`_speaks_for_the_meeting`): a
    headline about the meeting's sides ("Britain and EU aim to seal defence pact") speaks
    for the set better than one about a trade or a town's mood ("Fleet braced as fishing
    access goes to the top table"). Names joined by a hyphen ("US-China talks") are not
    read: over our sets such headlines were mostly a markets or business angle.

    An article without a headline (titled by its file name or first section heading) gives
    the title only when no article has one.

    Explainer and opinion headlines ("7 Things to Know About ...", "Analysis: ...") are
    used only when no article has a plain news headline.
    """
    if not cleaned:
        return "Briefing"
    weight: dict[str, float] = {}
    for c in candidates:
        for sid in c.sources:
            weight[sid] = weight.get(sid, 0.0) + c.importance
    headed = [ca for ca in cleaned if not lacks_headline(ca.article)] or cleaned
    news = [ca for ca in headed if not is_explainer_title(ca.article.title)]
    best = max(news or headed, key=lambda ca: (_speaks_for_the_meeting(ca.article.title, parties),
                                               weight.get(ca.article.id, 0.0)))
    return best.article.title


def _speaks_for_the_meeting(title: str, parties: PartyModel | None) -> int:
    """How well a headline names the meeting: its sides (up to three), and a word for the meeting."""
    named = len({nation for _, _, nation in parties.names_in(title)} & set(parties.parties)) if parties else 0
    return min(named, 3) + any(w in word_list("meeting_words.txt") for w in words(title))


def is_explainer_title(title: str) -> bool:
    return any(p.search(title) for p in pattern_list("explainer_titles.txt"))


def find_lead_in(text: str, previous: str, same_paragraph: bool = True) -> tuple[str, bool] | None:
    """The sentence before a point when the point cannot be understood without it, and
    whether it only says who "it" is (a party heading over the point says that too).

    "These may include ..." needs it; so does "The deal was blocked ..." when that
    sentence is in its paragraph (across a paragraph break, "The proposal now under
    discussion ..." is a new topic, and the sentence before may be an unrelated quote);
    "It also wants ..." or "At the top of its list ..." to say who; "She said China
    wanted ..." in full, for a heading "China" does not say who she is; "Above all, it
    wants ..." too, its subject a pronoun after an opening phrase; "... if the
    fighting does not stop before then" to say when, in its paragraph.
    """
    if not previous:
        return None
    if (same_paragraph and (names_what_was_said(text) or names_time_before(text))) or elaborates(text, previous):
        return previous, False
    if refers_back(text, previous) or owner_is_before(text) or pronoun_after_opening(text):
        return previous, not speaker_is_pronoun(text)
    return None


def _sentences_before(first: dict[str, Sentence], candidates: list[Candidate], depth: int = 2
                      ) -> dict[str, tuple[str, ...]]:
    """Point text -> the sentences before its first wording, nearest first: the one before,
    and the one before that when the first only points back ("It says that must happen first.").
    Found by article and position, so a sentence two articles share leads back in the right one."""
    articles = {s.article_id for s in first.values()}
    at = {(m.article_id, m.position): m for c in candidates for m in c.members if m.article_id in articles}
    out: dict[str, tuple[str, ...]] = {}
    for text, sentence in first.items():
        chain: list[str] = []
        while sentence is not None and sentence.previous and len(chain) < depth:
            chain.append(sentence.previous)
            if not leans_on_context(sentence.previous):
                break
            before = at.get((sentence.article_id, sentence.position - 1))
            sentence = before if before is not None and before.text == sentence.previous else None
        out[text] = tuple(chain)
    return out


def assemble_briefing(cleaned: list[CleanArticle], chosen: dict[str, list[Candidate]],
                      candidates: list[Candidate], options: BriefingOptions, parties: PartyModel) -> Briefing:
    sources = [Source(id=ca.article.id, title=ca.article.title,
                      path=str(ca.article.path) if ca.article.path else None, url=ca.article.url,
                      outlet=ca.article.outlet, date=ca.article.date,
                      words=sum(len(p.text.split()) for p in ca.paragraphs),
                      content_hash=ca.article.content_hash or None) for ca in cleaned]
    sections = [Section(key=k, heading=SECTION_HEADINGS.get(k, k.title()),
                        points=[Point(text=c.text, sources=list(c.sources), related=list(c.related),
                                      score=round(c.importance, 4)) for c in chosen.get(k, [])],
                        candidates=sum(c.section == k for c in candidates))
                for k in options.sections]
    first = {c.text: c.first for cs in chosen.values() for c in cs}
    previous = {text: sentence.previous for text, sentence in first.items()}
    completing = frozenset(text for text, sentence in first.items() if sentence.completes)
    attribute_points(sections, parties, previous=_sentences_before(first, candidates), completing=completing)
    for section in sections:
        for point in section.points:
            if point.text in completing:  # "build a smelter ..." is read after "Vellmar is prepared to:"
                point.lead_in, point.lead_in_says_who = previous[point.text], False
                continue
            found = find_lead_in(point.text, previous.get(point.text, ""), not first[point.text].opens_paragraph)
            if found:
                point.lead_in, point.lead_in_says_who = found
        settle_lead_ins(section)
    return Briefing(
        title=options.title or representative_title(cleaned, candidates, parties),
        event=options.event or "",
        created=_dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        sources=sources, sections=sections, words_per_section=options.words_per_section,
        figures=extract_figures(cleaned), quotes=extract_quotes(cleaned), parties=parties.parties,
    )
