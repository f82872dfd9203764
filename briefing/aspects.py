"""Stage 5: score each candidate for objectives, concessions and risks.

What separates the sections is the *frame* of a sentence, not its topic: a party
wanting something, a party offering something (often hedged: "could offer", "is
prepared to"), or a hedged bad outcome ("could derail", "warned that"). The cue
phrases are data (``resources/cues/*.txt``); this module only matches them on stems,
adds the weight of modality, and lets a sentence inherit the frame of the heading it
stands under ("6. The Risks": "The dalen has lost 41% of its value") and, when it opens
with "These" or "Such", of the sentence before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Mapping

from .discourse import aside_pattern, continues_previous
from .documents import Candidate
from .tokens import raw_words, word_spans

Tokenizer = Callable[[str], list[str]]

INHERIT_SHARE = 0.8
HEADING_SHARE = 1.0  # under "What could go wrong" a plain fact is a risk as if it said so
NEGATIVE_SHARE = 0.5  # risk score per unit of negative valence (VADER scale, -4..0)
# Negative words support a risk but do not make one: past harm ("The war there has killed
# tens of thousands") is background, and at 3.0 such sentences outscored the hedged
# risks of their set. Capped at one ordinary risk cue, mean recall over our 29 sets
# rose from 0.674 to 0.685 (five sets gained, climate talks lost a risk); 1.5 to 2.5 all do better than 3.
NEGATIVE_CAP = 2.0
POSITIVE_SHARE = 0.3  # risk score taken off per unit of positive valence ("warming", "friendly")
LATE_POSITION = 0.5  # cues after this share of a long sentence...
LATE_MIN_TOKENS = 20  # sentences of at least this many words
LATE_CUE_SHARE = 0.6  # ... count this much: a side clause rather than the frame
FRAME_SETTER_WEIGHT = 2.5  # a cue this strong sets the frame of what follows it
FRAMED_CUE_SHARE = 0.25  # weight of another section's cue inside that frame
HARM_PARTICLE_WINDOW = 4  # "cut the company off": words from a verb to the particle that makes it harm
NEGATION_WINDOW = 3
REFERENCE_SHARE = 0.3  # weight of a cue noun that points back to an offer stated elsewhere
CONDITION_REACH = 8  # "if the minister of Kenya asked for": a condition's verb follows its subject
OPENING_PHRASE_WORDS = 3  # "In return," "In exchange," "For its part,"
OPENING_CUE_SHARE = 0.75  # weight of a cue in that phrase when the main clause sets another frame
PRESSURE_WINDOW = 8  # "75 senators and representatives signed a letter urging ..."
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")
_OPENS_SENTENCE = frozenset("\"'\u201c\u2018:(\u2013\u2014-")  # a capital after these opens a quote or a clause


def _title_case(words: list[str]) -> bool:
    """Most longer words capitalised: a title-case heading, whose capitals name nothing."""
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[:1].isupper() for w in long) >= 0.6 * len(long)


@dataclass(frozen=True)
class CuePhrase:
    weight: float
    parts: tuple[tuple[str, ...], ...]  # runs of stems; runs may have up to GAP words between them
    opens_clause: bool = False  # counts only where it opens its clause ("^under the deal")
    not_before: frozenset[str] = frozenset()  # stems that may not follow it ("concede ~that": an admission)


GAP = 4


MODAL = "<modal>"
NAME = "<name>"  # a token that only looks like a modal ("May" the month)


def _stem_run(run: str, stemmer: Tokenizer) -> tuple[str, ...]:
    out: list[str] = []
    for word in run.split():
        out.extend([MODAL] if word == MODAL else stemmer(word))
    return tuple(out)


def compile_cues(cues: Iterable[tuple[float, str]], stemmer: Tokenizer) -> list[CuePhrase]:
    """Stem every cue; forms that stem alike ("plan to", "plans to") count once, at the higher weight.

    ``^`` before a phrase: it counts only where it opens its clause; ``~word`` after it: a
    word that may not follow it. A line that puts either elsewhere is refused (ValueError),
    as a silent misreading would turn the cue into another one."""
    best: dict[tuple[tuple[tuple[str, ...], ...], bool, frozenset[str]], float] = {}
    for weight, phrase in cues:
        opens = phrase.startswith("^")
        words = phrase[opens:].split()
        first = next((i for i, w in enumerate(words) if w.startswith("~")), len(words))
        kept_words, followers = words[:first], [w[1:] for w in words[first:]]
        if ("^" in phrase[opens:] or not kept_words or kept_words[-1] == "..."
                or any("~" in w for w in kept_words) or not all(w.startswith("~") for w in words[first:])
                or any("~" in w or len(stemmer(w)) != 1 for w in followers)):
            raise ValueError(f"cue {phrase!r}: '^' may only open it, and each '~word' (one word) only end it")
        not_before = frozenset(t for w in followers for t in stemmer(w))
        kept = " ".join(kept_words)
        parts = tuple(_stem_run(run, stemmer) for run in kept.split("...") if run.strip())
        if parts:
            key = (parts, opens, not_before)
            best[key] = max(weight, best.get(key, 0.0))
    return [CuePhrase(w, p, opens, nb) for (p, opens, nb), w in best.items()]


def _run_at(tokens: list[str], run: tuple[str, ...], i: int, modals: frozenset[str]) -> bool:
    for j, part in enumerate(run):
        tok = tokens[i + j]
        if part == MODAL:
            if tok not in modals:
                return False
        elif tok != part:
            return False
    return True


def _find_run(tokens: list[str], run: tuple[str, ...], start: int, stop: int, modals: frozenset[str]) -> int:
    n = len(run)
    for i in range(start, min(stop, len(tokens) - n + 1)):
        if _run_at(tokens, run, i, modals):
            return i + n
    return -1


def match_span(tokens: list[str], cue: CuePhrase, modals: frozenset[str] = frozenset()) -> tuple[int, int, int]:
    """Where the cue first matches: its start, the start of its last run and its end; or (-1, -1, -1)."""
    return next(match_spans(tokens, cue, modals), (-1, -1, -1))


def match_spans(tokens: list[str], cue: CuePhrase,
                modals: frozenset[str] = frozenset()) -> Iterator[tuple[int, int, int]]:
    """Every place the cue matches, first to last, as in :func:`match_span`."""
    first = cue.parts[0]
    last_start = len(tokens) - len(first)
    if first[0] == MODAL:
        starts: Iterable[int] = range(last_start + 1)
    else:  # only where the first word stands: most cues are tried on sentences that hold it once
        starts = [i for i, t in enumerate(tokens) if t == first[0] and i <= last_start]
    for i in starts:
        if not _run_at(tokens, first, i, modals):
            continue
        end = i + len(first)
        last = i
        for run in cue.parts[1:]:
            end = _find_run(tokens, run, end, end + GAP + 1, modals)
            if end < 0:
                break
            last = end - len(run)
        else:
            yield i, last, end


def match_at(tokens: list[str], cue: CuePhrase, modals: frozenset[str] = frozenset()) -> int:
    """Index where the cue first matches, or -1."""
    return match_span(tokens, cue, modals)[0]


def matches(tokens: list[str], cue: CuePhrase, modals: frozenset[str] = frozenset()) -> bool:
    return match_at(tokens, cue, modals) >= 0


class AspectScorer:
    """Frame scores of a sentence per section; plain callable with its resources passed in."""

    def __init__(self, cues: Mapping[str, Iterable[tuple[float, str]]], modals: frozenset[str],
                 stemmer: Tokenizer, mitigators: frozenset[str] = frozenset(),
                 valence: Mapping[str, float] | None = None, pressure: frozenset[str] = frozenset(),
                 relatives: Iterable[str] = (), negation: Mapping[str, Iterable[str]] | None = None,
                 silence: Mapping[str, Iterable[str]] | None = None,
                 reference: Mapping[str, Iterable[str]] | None = None,
                 conditions: Mapping[str, Iterable[str]] | None = None,
                 prepositions: Iterable[str] = (), links: Iterable[str] = ()) -> None:
        self.stemmer = stemmer
        self.cues = {k: compile_cues(v, stemmer) for k, v in cues.items()}
        self.modals = frozenset(t for m in modals for t in stemmer(m))
        # Each cue filed under one word it cannot match without, so a sentence is only
        # tried against the cues whose word it contains (not all of them).
        self.cue_index: dict[str, list[tuple[str, CuePhrase]]] = {}
        for key, compiled in self.cues.items():
            for cue in compiled:
                anchor = next(t for run in cue.parts for t in run if t != MODAL)
                self.cue_index.setdefault(anchor, []).append((key, cue))
        self.mitigators = frozenset(t for m in mitigators for t in stemmer(m))
        # "declined to discuss ...", "did not respond to ...": no cue in the rest of the clause counts
        self.silence = compile_cues(((0.0, phrase) for phrase in (silence or {}).get("phrase", ())), stemmer)
        self.silence_openers = frozenset(cue.parts[0][0] for cue in self.silence)
        self.silence_turns = frozenset(t for w in (silence or {}).get("turn", ()) for t in stemmer(w))
        # "the offer as a gesture": a one-word cue after these and before none of those
        self.reference = {kind: frozenset(t for m in words for t in stemmer(m))
                          for kind, words in (reference or {}).items()}
        self.pressure = frozenset(t for m in pressure for t in stemmer(m))
        # words opening a linking phrase ("In return, ...", "In exchange, ...")
        self.prepositions = frozenset(t for m in prepositions for t in stemmer(m))
        # one-word links that may stand before a clause's opening ("But under the deal, ..."),
        # clause_openers.txt
        self.links = frozenset(t for m in links if len(m.split()) == 1 for t in stemmer(m))
        # "if" and the words that make a condition a demand ("only if"), cues/conditions.txt
        self.conditions = {kind: frozenset(t for m in words for t in stemmer(m))
                           for kind, words in (conditions or {}).items()}
        # "before", "after", "undone_by" and "subject" words of a refused offer (cues/negation.txt)
        self.negation = {kind: frozenset(t for m in (negation or {}).get(kind, ()) for t in stemmer(m))
                         for kind in ("before", "after", "undone_by", "subject")}
        self.not_after = [tuple(stemmer(p)) for p in (negation or {}).get("not_after", ())]
        self.refusing_phrases = [tuple(stemmer(p)) for p in (negation or {}).get("before_phrase", ())]
        # "could cut the company off", "may drop out": verb stem -> the particles that make
        # harm of it, and how far after the verb ("cut ... off": four words; "drop out": next)
        self.harm: dict[str, dict[str, int]] = {}
        for phrase in (negation or {}).get("harm", ()):
            verb, particle = stemmer(phrase.replace("...", " "))
            self.harm.setdefault(verb, {})[particle] = HARM_PARTICLE_WINDOW if "..." in phrase else 1
        # "Erdogan, who considers the deal his own, is expected to press ...": an aside
        # between the subject and its verb does not push the frame late into the sentence.
        self.aside = aside_pattern(relatives)
        # Negative words (stemmed) with their strength, from a sentiment lexicon.
        self.negative: dict[str, float] = {}
        self.positive: dict[str, float] = {}
        for word, value in (valence or {}).items():
            for t in stemmer(word):
                if value < 0:
                    self.negative[t] = min(self.negative.get(t, 0.0), value)
                elif value > 0:
                    self.positive[t] = max(self.positive.get(t, 0.0), value)

    def _tokens(self, text: str) -> list[str]:
        """Stems of ``text``, with a modal written as a name inside the sentence masked:
        "before the rains begin in May", "Theresa May said" name a month and a person, not a
        hedge. A capital that opens a quote ("said: \u201cPerhaps we can ...") or a word
        of a title-case heading ("What Leaders May Offer") is no name, and stays a modal."""
        tokens = list(self.stemmer(text))  # a copy: the stemmer may hand out a remembered list
        if not any(tokens[i] in self.modals for i in range(1, len(tokens))):
            return tokens  # most sentences: no need to read the words as written
        for i in self._named_positions(text, tokens):
            if tokens[i] in self.modals:
                tokens[i] = NAME
        return tokens

    def __call__(self, text: str) -> dict[str, float]:
        tokens = self._tokens(text)
        hedged = any(t in self.modals for t in tokens)
        hits = self._hits(text, tokens)
        # The first strong cue sets the frame; cues of other sections after it are
        # usually its content: in "wants Japan to contribute more" the offer is wished for.
        opening = self._opening_phrase_end(text) if hits else 0
        framing = self._framing(text, hits, opening)
        scores: dict[str, float] = {k: 0.0 for k in self.cues}
        asides = self._asides(text) if hits else []
        for at, key, weight, verb_at in hits:
            if framing is not None and verb_at > framing[0] and key != framing[1]:
                weight *= FRAMED_CUE_SHARE
            elif framing is not None and at < framing[0] and key != framing[1] and opening > at:
                weight *= OPENING_CUE_SHARE  # "In return," links; the main clause says what
            aside = sum(end - start for start, end in asides if end <= at)
            if len(tokens) >= LATE_MIN_TOKENS and at - aside > LATE_POSITION * (len(tokens) - aside):
                weight *= LATE_CUE_SHARE  # deep in a long sentence: a side clause, not its frame
            scores[key] += weight
        if "risks" in scores and self.negative:
            harmful = [i for i, t in enumerate(tokens) if t in self.negative and not self._mitigated(tokens, i)]
            named = self._named_positions(text, tokens) if harmful else frozenset()
            harm = sum(-self.negative[tokens[i]] for i in harmful if i not in named)
            good = sum(self.positive[t] for t in tokens if t in self.positive)
            scores["risks"] += min(NEGATIVE_SHARE * harm, NEGATIVE_CAP) - POSITIVE_SHARE * good
        # Modality turns a plan into an offer and a problem into a risk.
        if hedged:
            for key in ("concessions", "risks"):
                if scores.get(key, 0.0) > 0:
                    scores[key] += 1.0
        return scores

    def _hits(self, text: str, tokens: list[str]) -> list[tuple[int, str, float, int]]:
        """(position, section, weight, position of its verb) of every cue in the sentence,
        after the checks that move a cue to another section."""
        hits: list[tuple[int, str, float, int]] = []
        silent = self._silent_spans(text, tokens)
        found = [(key, cue, list(match_spans(tokens, cue, self.modals)))
                 for token in set(tokens) for key, cue in self.cue_index.get(token, ())]
        # A cue inside a longer, unbroken cue of another section is part of it: in "has
        # not ruled out smaller steps" the refusal "ruled out" is undone, the whole is an
        # opening. The cue counts where it first stands on its own.
        named = self._named_positions(text, tokens) if found else frozenset()
        found = [(key, cue, [sp for sp in spans if sp[0] not in named
                             and not (cue.opens_clause and not self._opens_clause(text, tokens, sp[0]))
                             and not (sp[2] < len(tokens) and tokens[sp[2]] in cue.not_before)])
                 for key, cue, spans in found]
        whole = [(a, e, key) for key, cue, spans in found if len(cue.parts) == 1 for a, _, e in spans]
        for key, cue, spans in found:
            own = next(((a, la, e) for a, la, e in spans if not any(
                k != key and wa <= a and e <= we and we - wa > e - a for wa, we, k in whole)), None)
            if own is None:
                continue
            at, last, end = own
            if any(start <= at < end for start, end in silent):
                continue
            # "to deter threats", "avoid a trade war": a risk word that is the object
            # of a mitigating verb describes an aim, not a risk; "the ruling ended months
            # of doubt" reports harm undone, neither.
            if key == "risks" and "objectives" in self.cues and self._mitigated(tokens, at):
                if self._undone(text, tokens, at):
                    continue
                key = "objectives"
            # "Senators have said they want guarantees": lawmakers' or critics'
            # demands bind a negotiator from home; they are a risk to the talks.
            elif key == "objectives" and "risks" in self.cues and self._pressed(text, tokens, at):
                key = "risks"
            # "will not accept", "refuses to give up": a refusal, not an offer.
            elif key == "concessions" and "risks" in self.cues and (
                    self._negated(text, tokens, (at, last), end) or self._made_harm(tokens, end)):
                key = "risks"
            if key == "objectives" and self._conditional(text, tokens, at):
                continue  # "if Kenya asked for more time": a wish supposed, not held
            if key != "risks" and self._refers_back(text, tokens, cue, at):  # "the risk" is one as stated
                weight = cue.weight * REFERENCE_SHARE
            else:
                weight = cue.weight
            # "is expected to seek the release of ...": a hedge's cue is framed where its verb
            # stands, so a wish that comes first frames it as wished for.
            hits.append((at, key, weight, last if cue.parts[0] == (MODAL,) else at))
        return hits

    def frame_of(self, text: str) -> str | None:
        """The section of the first cue strong enough to set the sentence's frame, if any."""
        hits = self._hits(text, self._tokens(text))
        framing = self._framing(text, hits, self._opening_phrase_end(text) if hits else 0)
        return framing[1] if framing else None

    def _framing(self, text: str, hits: list[tuple[int, str, float, int]], opening: int) -> tuple[int, str] | None:
        """Where the frame is set, and by which section: the first strong cue, but one in
        the clause right after a short opening phrase before one in the phrase ("In return,
        Kestria wants ...": the phrase links the sentence to the one before). ``opening`` is
        where that phrase ends (:meth:`_opening_phrase_end`)."""
        setters = [(at, key) for at, key, w, _ in hits if w >= FRAME_SETTER_WEIGHT]
        if not opening or not setters:
            return min(setters, default=None)
        clause_end = self._clause_bounds(text, opening)[1]  # "..., a move Lima has long wanted" is not it
        return min([h for h in setters if opening <= h[0] < clause_end] or setters)

    def _opening_phrase_end(self, text: str) -> int:
        """Token index after a short opening phrase led by a preposition and ending in a
        comma ("In return,", "In exchange,"), or 0 ("If talks fail," is a condition, "The
        offer, made on Monday," a subject)."""
        head, comma, _ = text.partition(",")
        if not comma or len(head.split()) > OPENING_PHRASE_WORDS:  # most sentences: no need to stem
            return 0
        words = self.stemmer(head)
        return len(words) if 0 < len(words) <= OPENING_PHRASE_WORDS and words[0] in self.prepositions else 0

    def _named_positions(self, text: str, tokens: list[str]) -> frozenset[int]:
        """Words written with a capital inside the sentence: part of a name ("since the Cold
        War", "the International Crisis Group"), so no cue starts there."""
        count, named = _capitalised_inside(text)
        return named if count == len(tokens) else frozenset()

    def _asides(self, text: str) -> list[tuple[int, int]]:
        """Token spans of the asides (", who ...,") in ``text``."""
        return [(len(self.stemmer(text[:m.start()])), len(self.stemmer(text[:m.end()])))
                for m in self.aside.finditer(text)] if self.aside else []

    def _negated(self, text: str, tokens: list[str], starts: tuple[int, ...], end: int) -> bool:
        """Is the cue refused, as in "will not accept", "would not ... accept" or "offer
        nothing"? ``starts`` are where its first and last runs begin, ``end`` where it ends.
        Only a negation in the cue's own clause counts ("Kenya, not Uganda, offered ..."),
        and not one a second negative undoes ("did not hesitate to offer", "not only ...")."""
        before, after = self.negation.get("before", frozenset()), self.negation.get("after", frozenset())
        undone, subject = self.negation.get("undone_by", frozenset()), self.negation.get("subject", frozenset())

        def refuses(i: int) -> bool:  # "refused", or a phrase such as "declined to" (not "prices declined")
            return tokens[i] in before or _phrase_at(tokens, i, self.refusing_phrases)

        if end < len(tokens) and tokens[end] in after and not _phrase_at(tokens, end, self.not_after) \
                and self._clause_bounds(text, end - 1)[1] > end:
            return True  # "offered nothing", but not "an offer, little noticed," nor "little by little"
        last = starts[-1]  # the subject of the cue's verb stands in the clause of its last run
        for i in range(self._clause_start(text, last), last):
            # "Neither Kenya nor Uganda has said it will pay"; but "Neither side has ruled out
            # a compromise": a second negative between them undoes it
            if tokens[i] in subject and not any(tokens[j] in before or tokens[j] in undone for j in range(i + 1, last)):
                return True
        for at in set(starts):
            window = range(max(0, at - NEGATION_WINDOW), at)
            if not any(refuses(i) for i in window):
                continue
            start = max(self._clause_start(text, at), window.start)
            if any(refuses(i) and tokens[i + 1] not in undone
                   and not (i > start and tokens[i - 1] in before)  # "is not reluctant to offer"
                   for i in range(start, at)):
                return True
        return False

    def _made_harm(self, tokens: list[str], end: int) -> bool:
        """Does a particle after the cue's verb make it harm ("could cut the company off from
        its customers", "may drop out"; but "could pull its troops out" is an offer)?"""
        particles = self.harm.get(tokens[end - 1], {}) if end else {}
        stop = min(end + HARM_PARTICLE_WINDOW, len(tokens))
        return any(particles.get(tokens[j], 0) > j - end for j in range(end, stop))

    def _refers_back(self, text: str, tokens: list[str], cue: CuePhrase, at: int) -> bool:
        """Is this one-word cue a noun pointing back to an offer stated elsewhere, as the
        object of a reaction ("welcomed the offer as a gesture", "gave the proposal a cool
        reception"), rather than one the sentence states ("the offer to lend ...", "The
        offer, a 20 percent cut, ...")? Only a cue after a determiner that follows a word of
        its own clause, and followed by a word that is no complement, points back."""
        if len(cue.parts) != 1 or len(cue.parts[0]) != 1 or at < 2:
            return False
        if tokens[at - 1] not in self.reference.get("determiner", ()):
            return False
        spans = word_spans(text)
        if len(spans) != len(tokens) or at + 1 >= len(tokens):
            return False
        # "For Juba, the priority ...": a determiner after a comma opens a subject
        if text[spans[at - 2][1]:spans[at - 1][0]].strip() or text[spans[at][1]:spans[at + 1][0]].strip():
            return False
        after = tokens[at + 1:at + 3]
        if after[0] in self.reference.get("adverb", ()):
            after = after[1:]
        return not (after and after[0] in self.reference.get("complement", ()))

    def _silent_spans(self, text: str, tokens: list[str]) -> list[tuple[int, int]]:
        """Token spans from a phrase of silence ("declined to say whether ...") to the end of its clause."""
        spans: list[tuple[int, int]] = []
        if not self.silence_openers.intersection(tokens):
            return spans
        for phrase in self.silence:
            at = match_at(tokens, phrase)
            if at >= 0:
                end = self._clause_bounds(text, at)[1]
                turn = next((i for i in range(at, end) if tokens[i] in self.silence_turns), end)
                spans.append((at, turn))  # "declined to comment but officials said ...": the turn speaks
        return spans

    def _clause_bounds(self, text: str, at: int) -> tuple[int, int]:
        """Token indices where the clause holding token ``at`` begins and just after it
        ends (clauses end at , ; : ( ) and dashes)."""
        start = 0
        for clause in _CLAUSE_BREAK.split(text):
            end = start + len(self.stemmer(clause))
            if end > at:
                return start, end
            start = end
        return start, start

    def _clause_start(self, text: str, at: int) -> int:
        return self._clause_bounds(text, at)[0]

    def _opens_clause(self, text: str, tokens: list[str], at: int) -> bool:
        """Does token ``at`` open its clause, perhaps after a link ("But under the deal, ...")?"""
        start = self._clause_start(text, at)
        return start == at or (start == at - 1 and tokens[start] in self.links)

    def _conditional(self, text: str, tokens: list[str], at: int) -> bool:
        """Is the cue at ``at`` the verb of a condition ("if Kenya asked for ...") and not
        of one that names a price ("only if ...")? The nearest opener in the cue's clause,
        at most ``CONDITION_REACH`` words before it and with no word ending the condition
        between, decides: in "... if Kenya asked for time and he wants a deal" the second
        wish is the main clause's."""
        openers = self.conditions.get("opener", frozenset())
        window = range(max(0, at - CONDITION_REACH), at)
        if not any(tokens[i] in openers for i in window):
            return False
        start = self._clause_start(text, at)
        nearest = max(i for i in window if tokens[i] in openers)
        if nearest < start or self.conditions.get("ends", frozenset()) & set(tokens[nearest + 1:at]):
            return False
        return not (nearest > 0 and tokens[nearest - 1] in self.conditions.get("undone_by", frozenset()))

    def _mitigated(self, tokens: list[str], at: int) -> bool:
        """Is the risk word at ``at`` the object of a mitigating verb ("to deter threats",
        "avoid a trade war")?"""
        return bool(self.mitigators & set(tokens[max(0, at - 3):at]))

    def _undone(self, text: str, tokens: list[str], at: int) -> bool:
        """Is every mitigating verb before the risk word at ``at`` written as a finite form
        ("the new line eases pressure on the grid", "the deal prevented a strike")? Then it
        reports an effect, not an aim."""
        written = raw_words(text)
        if len(written) != len(tokens):
            return False
        window = [i for i in range(max(0, at - 3), at) if tokens[i] in self.mitigators]
        return bool(window) and all(_finite_form(written[i]) for i in window)

    def _pressed(self, text: str, tokens: list[str], at: int) -> bool:
        """Is the cue at ``at`` voiced by a pressure group, named in its own clause before it?
        ("After meeting senators, the president said he wants ..." is the president's aim.)"""
        before = set(tokens[max(0, at - PRESSURE_WINDOW):at])
        if not self.pressure & before:
            return False
        start = self._clause_start(text, at)
        return bool(self.pressure & set(tokens[max(start, at - PRESSURE_WINDOW):at]))


def _phrase_at(tokens: list[str], i: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    """Does one of ``phrases`` (stemmed) start at ``tokens[i]``?"""
    return any(tuple(tokens[i:i + len(p)]) == p for p in phrases)


@lru_cache(maxsize=65536)
def _capitalised_inside(text: str) -> tuple[int, frozenset[int]]:
    """How many words ``text`` has, and which are written with a capital inside it. A
    capital opening a quote or a clause after a colon ("said: \u201cPerhaps we can ..."),
    the first word after a list number ("5. Risks to the deal"), and the words of a
    title-case heading ("What Leaders May Offer") name nothing. Remembered: the modal
    mask, the frame score and the frame setter all ask."""
    written = raw_words(text)
    if _title_case(written):
        return len(written), frozenset()
    first = next((i for i, w in enumerate(written) if not w.isdigit()), len(written))
    capitals = [i for i in range(first + 1, len(written)) if written[i][:1].isupper() and written[i][1:].islower()]
    if not capitals:
        return len(written), frozenset()
    spans = word_spans(text)
    return len(written), frozenset(i for i in capitals if text[:spans[i][0]].rstrip()[-1:] not in _OPENS_SENTENCE)


def _finite_form(word: str) -> bool:
    """"eases", "avoided": a verb that states what happens or happened, not what is sought.
    (Nouns in -s, "export curbs on", are no aim either.)"""
    word = word.lower()
    return word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))


def heading_frames(cand: Candidate, scorer: AspectScorer, sections: tuple[str, ...]) -> dict[str, float]:
    """The frame of the headings the candidate's sentences stand under (the strongest per section)."""
    out: dict[str, float] = {}
    for heading in {m.heading for m in cand.members if m.heading}:
        frame = scorer(heading)
        for k in sections:
            out[k] = max(out.get(k, 0.0), HEADING_SHARE * max(frame.get(k, 0.0), 0.0))
    return out


def completed_sentence(line: str, item: str) -> str:
    """The sentence a list item finishes, as read: the line before the list, then the item."""
    return line.rstrip().rstrip(":").rstrip() + " " + item


def score_candidates(candidates: list[Candidate], scorer: Callable[[str], dict[str, float]], sections: Iterable[str],
                     min_score: float, frame_of: Callable[[str], str | None] | None = None) -> None:
    """Set ``scores`` and ``section`` on every candidate (section None = background).

    ``scorer`` is an :class:`AspectScorer` or a memo of one; ``frame_of`` its
    :meth:`AspectScorer.frame_of` (by default the scorer's own).
    """
    frame_of = frame_of or getattr(scorer, "frame_of", None) or (lambda text: None)
    sections = tuple(sections)
    for cand in candidates:
        prev = cand.first.previous
        if cand.first.completes:  # "Vellmar is prepared to:" + "build a smelter ...": one sentence
            scores = scorer(completed_sentence(prev, cand.text))
        else:
            scores = scorer(cand.text)
        if prev and not cand.first.completes and continues_previous(cand.text):
            # "Its interest is simple: it wants the gas to keep flowing" after an offer is
            # still an aim: a sentence with a frame of its own takes only that frame's
            # share of the sentence before, never another section's.
            before = scorer(prev)
            own = frame_of(cand.text)
            for k in sections:
                if own is None or k == own:
                    scores[k] = scores.get(k, 0.0) + INHERIT_SHARE * before.get(k, 0.0)
        for k, value in heading_frames(cand, scorer, sections).items():
            scores[k] = scores.get(k, 0.0) + value
        cand.scores = {k: scores.get(k, 0.0) for k in sections}
        best = max(sections, key=lambda k: cand.scores[k])
        cand.section = best if cand.scores[best] >= min_score else None
