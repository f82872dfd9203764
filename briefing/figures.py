"""Key figures and notable quotes, verbatim, from the cleaned articles.

Figures are amounts of money, percentages and counts (a number with what it counts:
"20 Indian soldiers", not a bare "20"), each with the clause of its sentence that says
what it refers to, cut from the sentence word for word ("…" marks a cut). Quotes are
passages in quotation marks long enough to be a statement, with the speaker named by
the attribution around them ("said X", "X told reporters", "according to X"); quotes
whose speaker cannot be named are left out, since an unattributed quote is of no use in
a briefing. The words that make a number a figure and the verbs of attribution are data
files in ``resources/``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .discourse import opens_with, opens_with_anaphor
from .documents import CleanArticle
from .lexicon import kinded_lists, resource_lines, stopwords, word_list
from .model import Figure, Quote
from .sentences import split_sentences, strip_paragraph_label
from .tokens import LOWER, UPPER, content_stems

MAX_FIGURES = 8
MERGE_SHARE = 0.2  # rows of one value merge when their clauses share this share of words
# A row whose amounts another row shows beside others ("$9.4bn" after "30%; $9.4bn") merges
# into it when the clauses share this share: "2 percent" is often a second fact ("if
# spending rises above 2 percent") where a target of "2.5 percent; 2 percent" is shown.
WIDER_MERGE_SHARE = 0.4
MAX_QUOTES = 4
MIN_QUOTE_WORDS = 6
MAX_QUOTE_WORDS = 60
MAX_CONTEXT_WORDS = 40  # most sentences whole; a longer one keeps its start, where the subject is
WORDS_AFTER_FIGURE = 4  # a window cut before the figure keeps this many words after it
MIN_CONTEXT_WORDS = 6
KIND_ORDER = {"amount": 0, "percent": 1, "count": 2, "duration": 3}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "20-60", "20 to 60", "between 20 and 60": one figure, once _is_range has checked it
_NUMBER_RANGE = (rf"(?:(?i:between)\s+(?:{_NUMBER})\s+and\s+(?:{_NUMBER})"
                 rf"|(?:{_NUMBER})(?:[-–]|\s+to\s+)(?:{_NUMBER}))")
_DIGIT = re.compile(r"\d")
_RANGE_HINT = re.compile(r"\d(?:[-–]|\s+to\s+)\d|(?i:between)\s+\d")  # cheap test before the range forms
_RANGE_GAP = re.compile(r"[-–]|\s+to\s+|\s+and\s+")  # between two figures that bound a range
_SCALE_SPELLED = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion", "tn": "trillion"}
_SCALE_FACTOR = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def figure_words() -> dict[str, tuple[str, ...]]:
    """The entries of ``resources/figures.txt`` by kind, longest first."""
    return kinded_lists("figures.txt")


def _alternation(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(i) for i in items)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
    """(kind, is a range, pattern): each kind's range form is tried before its single form,
    and durations before counts, so "10 to 15 years" is not read as a count "10"."""
    w = figure_words()
    scale_word = rf"\s?(?:{_alternation(w['scale'])})\b"
    scale = rf"(?:{scale_word})?"
    qualifier = rf"(?:\b(?i:{_alternation(w['qualifier'])})\s+)?"
    symbol = _alternation(w["currency_symbol"])
    short_scale = rf"(?:{_alternation(w['short_scale'])})\b"  # "$750m": only against an amount

    def amount(number: str) -> str:
        return (rf"{qualifier}(?:(?<![\w$€£¥])(?:{symbol})\s?(?:{number})(?:{scale_word}|{short_scale})?"
                rf"|\b(?:{number}){scale}\s(?:{_alternation(w['currency_word'])})\b)")

    def percent(number: str) -> str:
        return rf"{qualifier}\b(?:{number})\s?(?:{_alternation(w['percent'])})(?!\w)"

    def count(number: str) -> str:
        # never right after ":" either: "21:45 GMT" is a clock time
        return rf"{qualifier}(?<![\w$€£¥.,:\-/])(?:{number}){scale}(?=\s+[A-Za-z])(?![\w,.%/-])"

    def duration(number: str) -> str:
        return rf"{qualifier}(?<![\w$€£¥.,:\-/])(?:{number})\s+(?i:{_alternation(w['duration'])})\b"

    return tuple((kind, is_range, re.compile(form(_NUMBER_RANGE if is_range else _NUMBER)))
                 for kind, form in (("amount", amount), ("percent", percent), ("duration", duration),
                                    ("count", count))
                 for is_range in (True, False))


@lru_cache(maxsize=1)
def _scale_after_number() -> re.Pattern[str]:
    return re.compile(rf"\d\s?(?:{_alternation(figure_words()['scale'])})\b")


def _magnitude(value: str) -> float:
    """The first number of ``value`` times its scale word: "$500 million" is 5e8."""
    m = re.search(rf"({_NUMBER})\s?([a-z]+)?", value.lower())
    if not m:
        return 0.0
    scale = m.group(2) or ""
    return float(m.group(1).replace(",", "")) * _SCALE_FACTOR.get(_SCALE_SPELLED.get(scale, scale), 1.0)


def _is_range(sentence: str, start: int, low: str, high: str) -> bool:
    """Do ``low`` and ``high`` bound a range? Not "52-48" (a vote), not "from 1,550 to 700"
    (a change, two figures)."""
    lo, hi = _magnitude(low), _magnitude(high)
    if lo == hi == 0.0 or lo >= hi:
        return False
    return not re.search(r"\bfrom\s*$", sentence[:start], re.IGNORECASE)


@dataclass(frozen=True)
class _Match:
    kind: str
    start: int
    end: int
    value: str
    number: str = ""  # the figure without what it counts: "20" of "20 Indian soldiers", for merging


@lru_cache(maxsize=1)
def _not_count_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that make a number no count: before it ("November 5"), and after it, where a
    unit of time makes it a duration ("18 months"); and the words joining two numbers of
    one date or time ("May 6 to 10")."""
    w = figure_words()
    return frozenset(w["not_count"]), frozenset(w["not_count"]) | frozenset(w["duration"]), frozenset(w["range_link"])


def _is_count(sentence: str, m: re.Match[str]) -> bool:
    value = m.group(0)
    numbers = re.findall(_NUMBER, value)
    if not numbers:
        return False
    number = float(numbers[-1].replace(",", ""))  # the top of a range
    has_scale = bool(_scale_after_number().search(value))
    if any(re.fullmatch(r"(1[89]|20)\d\d", n) for n in numbers) and not has_scale:
        return False  # a year, or years ("the 1950-53 war")
    if number < 10 and not has_scale:
        return False  # journalists write small counts in words; digits are labels
    written = sentence[:m.start()].split()[-3:]
    before = [w.lower().strip(".,") for w in written]
    after = [w.lower().rstrip(",;:") for w in sentence[m.end():].split()[:3]]
    not_count, not_count_after, links = _not_count_words()

    def no_count(word: str) -> bool:  # "p.m." as listed, or "years." ending the sentence
        return word in not_count_after or word.rstrip(".") in not_count_after

    if before and before[-1] in not_count:
        return False  # "November 5"
    if written and written[-1] in figure_words()["label"]:
        return False  # "No 10", as written: not "troops number 5,000"
    if len(before) == 3 and before[2] in links and re.fullmatch(_NUMBER, before[1]) and before[0] in not_count:
        return False  # the end of "May 6 to 10", "pages 4 and 12"
    if after and no_count(after[0]):
        return False
    if len(after) == 3 and after[0] in links and no_count(after[2]):
        return False  # "sentences of 16 and nine years", "from 10 to 11 p.m." (but also "45 and two days later")
    return True


COUNTED_WORDS = 4  # "1,550 deployed strategic nuclear warheads": the noun a count counts is this near
_FOLLOWING_WORD = re.compile(r"\s+([A-Za-z][\w’'.\-]*)([,;:.]?)")


def _is_plural(word: str, plurals: frozenset[str]) -> bool:
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))) or word in plurals


@lru_cache(maxsize=1)
def _counted_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that end what a count counts, and plurals without an -s."""
    return (frozenset(figure_words()["not_counted"]) | word_list("prepositions.txt"),
            frozenset(figure_words()["counted_plural"]))


def _counted_end(sentence: str, end: int) -> int:
    """Where what a count counts ends: through its plural noun ("54,000 U.S. military
    personnel", "12 police officers", "3,488 kilometres"); with none within a few words,
    the bare number ("20 died"), and never into "of", "each", "were"."""
    stop, plurals = _counted_words()
    at, head = end, None
    for _ in range(COUNTED_WORDS):
        m = _FOLLOWING_WORD.match(sentence, at)
        if not m or m.group(1).lower() in stop:
            break
        word, at = m.group(1).lower(), m.end(1)
        ends = bool(m.group(2))
        if word.endswith(".") and "." not in word[:-1]:  # "kilometres." ends the sentence; "U.S." does not
            word, at, ends = word[:-1], at - 1, True
        if _is_plural(word, plurals):
            head = at  # and on through "police officers"
        elif head is not None:
            break
        if ends:  # a clause ends here
            break
    return head or end


def find_figures_in(sentence: str) -> list[_Match]:
    """Amounts, percentages, counts and durations in a sentence, left to right, not overlapping."""
    return list(_figures_in(sentence))


@lru_cache(maxsize=65536)
def _figures_in(sentence: str) -> tuple[_Match, ...]:
    """Remembered per sentence, so a rebuild after one new article reads only its sentences."""
    found: list[_Match] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    if not _DIGIT.search(sentence):
        return ()
    ranged = bool(_RANGE_HINT.search(sentence))
    for kind, is_range, pattern in _patterns():
        if is_range and not ranged:
            continue
        for m in pattern.finditer(sentence):
            if not free(m.start(), m.end()):
                continue
            if is_range:
                numbers = re.findall(_NUMBER, m.group(0))
                if not _is_range(sentence, m.start(), numbers[0], numbers[-1]):
                    continue
            end = m.end()
            if kind == "count":
                if not _is_count(sentence, m):
                    continue
                end = _counted_end(sentence, end)
            found.append(_Match(kind, m.start(), end, sentence[m.start():end].strip(), m.group(0).strip()))
            taken.append((m.start(), end))
    return tuple(_join_ranges(sentence, sorted(found, key=lambda f: f.start)))


def _join_ranges(sentence: str, found: list[_Match]) -> list[_Match]:
    """Two figures of a kind that bound one range become one figure: "$1 billion to
    $2 billion", "between 40% and 60%"."""
    out: list[_Match] = []
    for f in found:
        last = out[-1] if out else None
        gap = sentence[last.end:f.start] if last else ""
        between = bool(last) and sentence[:last.start].rstrip().lower().endswith("between")
        if last and last.kind == f.kind and _RANGE_GAP.fullmatch(gap) and (between or "and" not in gap):
            start = sentence[:last.start].rstrip().lower().rindex("between") if between else last.start
            if _is_range(sentence, start, last.value, f.value):
                out[-1] = _Match(f.kind, start, f.end, sentence[start:f.end].strip())
                continue
        out.append(f)
    return out


_CLAUSE_BREAK = re.compile(r",\s+|;\s+|:\s+|\s+[—–]\s+|\s+-\s+|\s*\(|\)\s*")
_RELATIVE = "who|whom|whose|which|that|where|when"
# A clause that leans on the one before: too little alone to say what a figure is.
_DEPENDENT_START = re.compile(rf"^(?:{_RELATIVE}|including|such as|with|to|up|down|compared|against|versus|than|from)\b",
                              re.IGNORECASE)
# An apposition leans on the clause before too ("buy 160 aircraft, a deal worth about $20
# billion"), unless that clause is the sentence's opening phrase ("After 12 rounds of talks,
# a deal worth $5 billion was signed": the main clause).
_APPOSITION_START = re.compile(r"^an?\b", re.IGNORECASE)
# A window of words cut after the figure ends before one of these, where a clause starts.
_CLAUSE_START = re.compile(rf"^(?:{_RELATIVE}|while|although|because)\b", re.IGNORECASE)


def _opens_with_a_phrase(sentence: str, i: int, cuts: list[int]) -> bool:
    """Is the clause before clause ``i`` the sentence's opening phrase ("After 12 rounds of
    talks, ...", "Under the accord, ...")?"""
    return i == 1 and opens_with(sentence[:cuts[0]], "introducer")


def figure_context(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` around [start, end), verbatim, "…" where it is cut."""
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    i = max(k for k, b in enumerate(bounds[:-1]) if b <= start)
    lo, hi = bounds[i], cuts[i] if i < len(cuts) else len(sentence)
    j = i
    while hi < end and j + 1 < len(cuts):  # a figure never straddles a cut
        j += 1
        hi = cuts[j]
    # too short, or a dependent clause: take in the clause before (and after) it
    while i > 0 and (len(sentence[lo:hi].split()) < MIN_CONTEXT_WORDS
                     or _DEPENDENT_START.match(sentence[lo:hi])
                     or (_APPOSITION_START.match(sentence[lo:hi]) and not _opens_with_a_phrase(sentence, i, cuts))):
        i -= 1
        lo = bounds[i]
    while len(sentence[lo:hi].split()) < MIN_CONTEXT_WORDS and j + 1 < len(cuts):
        j += 1
        hi = cuts[j]
    text = sentence[lo:hi]
    words = text.split(" ")
    if len(words) > MAX_CONTEXT_WORDS:  # a window of words: from the clause's start, where its subject is
        offset = len(sentence[lo:end].split(" "))  # words up to the figure's end
        first = max(0, min(offset + WORDS_AFTER_FIGURE - MAX_CONTEXT_WORDS, len(words) - MAX_CONTEXT_WORDS))
        last = first + MAX_CONTEXT_WORDS
        if last < len(words):  # end before a dependent clause after the figure, if one starts in the window
            last = next((k for k in range(last - 1, offset + WORDS_AFTER_FIGURE - 1, -1)
                         if _CLAUSE_START.match(words[k]) or words[k - 1].endswith(",")), last)
        lo_cut, hi_cut = first > 0, last < len(words)
        text = " ".join(words[first:last])
        lo = lo if not lo_cut else -1
        hi = hi if not hi_cut else -1
    text = text.strip().rstrip(",;:")
    prefix = "…" if lo != 0 else ""
    suffix = "" if (hi == len(sentence) or text.endswith((".", "?", "!", ".”", '."'))) else "…"
    return f"{prefix}{text}{suffix}"


def _sentences(cleaned: CleanArticle):
    for p_index, para in enumerate(cleaned.paragraphs):
        if para.is_heading:
            continue
        for i, text in enumerate(split_sentences(para.text)):
            yield (strip_paragraph_label(text, p_index) if i == 0 else text)


def _value_key(value: str) -> str:
    """One key for one amount however it is written: "$750m" and "$750 million" alike."""
    w = figure_words()
    v = value.lower()
    for q in w["qualifier"]:
        v = re.sub(rf"^{re.escape(q)}\s+", "", v)
    for pair in w["currency_named"]:
        symbol, _, word = pair.partition(" ")
        if v.endswith(" " + word):
            v = symbol + v[: -len(word) - 1]
            break
    for word in w["percent"]:  # "2-3 percent" is "2-3%"; "percentage points" are no per cent
        if word != "%" and "point" not in word and v.endswith(word):
            v = v[: -len(word)].rstrip() + "%"
            break
    v = re.sub(r"[\s,]", "", v)
    # "18 to 30", "between 18 and 30" and "18–30" are "18-30"
    v = re.sub(r"^between(?=\d)|(?<=\d)(?:to|and|–)(?=\d)", lambda m: "" if m.group(0) == "between" else "-", v)
    short = "|".join(sorted(_SCALE_SPELLED, key=len, reverse=True))
    return re.sub(rf"(?<=\d)({short})$", lambda m: _SCALE_SPELLED[m.group(1)], v)


@lru_cache(maxsize=65536)
def _figure_rows(sentence: str) -> tuple[tuple[str, str, str, str, frozenset[str]], ...]:
    """(value, context, kind, value key, context words) per clause with figures; remembered
    per sentence, so a rebuild after one new article reads only its sentences."""
    stop = stopwords()
    found = find_figures_in(sentence)
    contexts = [figure_context(sentence, m.start, m.end) for m in found]
    groups: dict[str, list[_Match]] = {}
    for m, context in zip(found, contexts):
        # "... a target of 2.5 percent ... by 2030, up from the current 2 percent.": a
        # context that holds another figure's whole context is one row for both
        wider = [c for c in contexts if c != context and context.strip("…") in c]
        groups.setdefault(max(wider, key=len) if wider else context, []).append(m)
    return tuple(("; ".join(m.value for m in ms), context, min((m.kind for m in ms), key=KIND_ORDER.__getitem__),
                  "; ".join(sorted(_value_key(m.number or m.value) for m in ms)),  # "2%; 2.5%" is "2.5%; 2%"
                  frozenset(content_stems(context, stop)))
                 for context, ms in groups.items())


def extract_figures(articles: list[CleanArticle], limit: int = MAX_FIGURES) -> list[Figure]:
    """The key figures of the articles: one row per clause, repeats across articles merged."""
    rows: list[tuple[Figure, str, int]] = []  # figure, value key, order
    bags: list[frozenset[str]] = []  # each row's context words
    rows_by_value: dict[str, list[int]] = {}  # value key -> rows that show it
    counts: Counter[str] = Counter()
    for ca in articles:
        seen_here: set[str] = set()
        for sentence in _sentences(ca):
            for value, context, kind, key, bag in _figure_rows(sentence):
                if key not in seen_here:
                    counts[key] += 1
                    seen_here.add(key)
                figure = Figure(value=value, context=context, source=ca.article.id, kind=kind)
                # The same amount twice is almost always the same thing reported twice: one
                # shared word besides the figure is enough to merge the rows. A row showing
                # the amount beside another ("30%; $9.4bn") already says it.
                values = key.split("; ")
                showing = set(rows_by_value.get(values[0], ()))
                for v in values[1:]:
                    showing &= set(rows_by_value.get(v, ()))
                same = next((i for i in sorted(showing)
                             if len(bag & bags[i]) >= max(1.0, (MERGE_SHARE if rows[i][1] == key else WIDER_MERGE_SHARE)
                                                          * min(len(bag), len(bags[i])))), None)
                if same is None:
                    narrower = _narrower_row(values, bag, rows, bags, rows_by_value)
                    if narrower is not None:  # the wider report came second: it takes the row's place
                        counts[key] += counts[rows[narrower][1]]
                        rows[narrower], bags[narrower] = (figure, key, narrower), bag
                        for v in values:
                            if narrower not in rows_by_value.setdefault(v, []):
                                rows_by_value[v].append(narrower)
                        continue
                    for v in values:
                        rows_by_value.setdefault(v, []).append(len(rows))
                    bags.append(bag)
                    rows.append((figure, key, len(rows)))
                    continue
                if rows[same][1] != key and rows[same][1] not in seen_here:
                    counts[rows[same][1]] += 1  # a second report of the wider row's amounts
                    seen_here.add(rows[same][1])
                elif (rows[same][1] == key and opens_with_anaphor(rows[same][0].context)
                      and not opens_with_anaphor(context) and not context.startswith("…")):
                    # "It is also considering ... 15 km": say who, from another report (but
                    # not from a clause cut from its sentence, which says no more who)
                    rows[same] = (figure, key, same)
    rows.sort(key=lambda r: (KIND_ORDER[r[0].kind], -counts[r[1]], r[2]))
    chosen = rows[:limit]
    chosen.sort(key=lambda r: (KIND_ORDER[r[0].kind], r[2]))
    return [r[0] for r in chosen]


def _narrower_row(values: list[str], bag: frozenset[str], rows: list[tuple[Figure, str, int]],
                  bags: list[frozenset[str]], rows_by_value: dict[str, list[int]]) -> int | None:
    """A row showing some of ``values`` and nothing else, of the same clause (see
    ``WIDER_MERGE_SHARE``): "at least 70%" when "at least 70%; 3,200 permanent jobs" comes."""
    wanted = set(values)
    for i in sorted({i for v in values for i in rows_by_value.get(v, ())}):
        if set(rows[i][1].split("; ")) < wanted and \
                len(bag & bags[i]) >= max(1.0, WIDER_MERGE_SHARE * min(len(bag), len(bags[i]))):
            return i
    return None


# ---------------------------------------------------------------------------- quotes

_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
_NAME_WORD = rf"(?:{UPPER}[\w’'\-]+|{UPPER}\.)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von|der|al|bin|da|del|la|le))*"


@lru_cache(maxsize=1)
def speech_verbs() -> str:
    return "|".join(sorted(word_list("speech_verbs.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    return tuple(sorted(resource_lines("titles.txt"), key=len, reverse=True))


def _clean_name(name: str | None) -> str | None:
    """Drop titles and function words around a candidate name; None when nothing name-like is left."""
    if not name:
        return None
    stop = stopwords()
    words = name.split()
    title_words = {w.lower().rstrip(".") for t in titles() for w in t.split()}
    while words and (words[0].lower().rstrip(".") in title_words or words[0].lower() in stop):
        words = words[1:]
    while words and words[-1].lower() in stop:
        words = words[:-1]
    words = [w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in words]
    if not words or all(w.lower() in stop for w in words):
        return None
    return " ".join(words)


@lru_cache(maxsize=1)
def _described_speaker() -> re.Pattern[str]:
    """ "..., foreign ministry spokesperson Mao Ning told ...": a short lower-case description
    (or a country's: "China's foreign minister") before the name. Not a new clause
    ("..., and Moscow recalled its envoy"), and not a phrase about someone else: "an aide
    to Prime Minister Ishiba said", "officials in Beijing said" quote neither."""
    stops = frozenset(figure_words()["not_description"]) | word_list("prepositions.txt")
    not_described = "|".join(sorted(stops, key=len, reverse=True))
    described = rf"(?:the\s+)?(?:{UPPER}[\w\-]*[’']s\s+)?(?:(?!(?:{not_described})\b)[a-z][\w\-]*\s+){{1,4}}"
    return re.compile(rf"\s*[,.]?\s*{described}({_NAME})\s+(?:{speech_verbs()})\b")


def _speaker_after(after: str) -> tuple[str | None, bool]:
    """Speaker in the attribution after a quote: (name, pronoun?)."""
    verbs = speech_verbs()
    m = re.match(rf"\s*[,.]?\s*(?:{verbs})\s+({_NAME})", after)
    if m:
        return _clean_name(m.group(1)), False
    m = re.match(rf"\s*[,.]?\s*({_NAME}|he|she|they|He|She|They)\s+(?:{verbs})\b", after)
    if m:
        name = m.group(1)
        if name.lower() in ("he", "she", "they"):
            return None, True
        return _clean_name(name), False
    m = _described_speaker().match(after)
    if m:
        return _clean_name(m.group(1)), False
    return None, False


def _speaker_before(before: str) -> str | None:
    """Speaker in the attribution before a quote ("X said:", "according to X,")."""
    m = re.search(rf"\b[Aa]ccording to ({_NAME})(?:,[^“”\"]{{0,160}})?,?\s*$", before)
    if m:
        return _clean_name(m.group(1))
    verbs = speech_verbs()
    sentence = re.split(r"(?<=[.!?”])\s+", before.strip())[-1] if before.strip() else ""
    if re.search(rf"\b(?:{verbs})(?:\s+\w+)?[,:]?\s*$", sentence):
        m = re.match(rf"\s*({_NAME})", sentence)
        if m:
            return _clean_name(m.group(1))
    return None


def _full_name(name: str, text: str) -> str:
    """Expand a surname to the fullest form the article uses ("Ishiba" -> "Shigeru Ishiba")."""
    if " " in name:
        return name
    title_words = {w.lower().rstrip(".") for t in titles() for w in t.split()}
    forms = Counter(m.group(1) for m in re.finditer(rf"\b({UPPER}{LOWER}[\w’'\-]*)\s+{re.escape(name)}\b", text)
                    if m.group(1).lower().rstrip(".") not in title_words
                    and m.group(1).lower() not in stopwords())
    if not forms:
        return name
    return f"{forms.most_common(1)[0][0]} {name}"


def extract_quotes(articles: list[CleanArticle], limit: int = MAX_QUOTES) -> list[Quote]:
    """Attributed statements in quotation marks, at most one per speaker, in article order."""
    found: list[Quote] = []
    seen_text: set[str] = set()
    speakers: set[str] = set()
    for ca in articles:
        body = tuple(p.text for p in ca.paragraphs if not p.is_heading)
        for quote, speaker in _attributed_quotes(body, ca.body_text):
            key = re.sub(r"\W+", " ", quote.lower()).strip()
            if key in seen_text:
                continue
            seen_text.add(key)
            if speaker in speakers:
                continue
            speakers.add(speaker)
            found.append(Quote(text=quote.rstrip(","), speaker=speaker, source=ca.article.id))
    return found[:limit]


@lru_cache(maxsize=10_000)
def _attributed_quotes(paragraphs: tuple[str, ...], full_text: str) -> tuple[tuple[str, str], ...]:
    """(quote, speaker) of one article, in order; remembered per article text."""
    out: list[tuple[str, str]] = []
    for text in paragraphs:
        previous_speaker: str | None = None
        previous_end = -1
        for m in _QUOTED.finditer(text):
            quote = (m.group(1) or m.group(2)).strip()
            speaker, pronoun = _speaker_after(text[m.end():m.end() + 160])
            if speaker is None and not pronoun:
                speaker = _speaker_before(text[max(0, m.start() - 200):m.start()])
            if speaker is None and previous_speaker and (pronoun or previous_end >= 0):
                speaker = previous_speaker  # "..." said X. "..." (X goes on)
            if speaker is None:
                previous_end = -1
                continue
            speaker = _full_name(speaker, full_text)
            previous_speaker, previous_end = speaker, m.end()
            if MIN_QUOTE_WORDS <= len(quote.split()) <= MAX_QUOTE_WORDS:
                out.append((quote, speaker))
    return tuple(out)
