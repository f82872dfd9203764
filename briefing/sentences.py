"""Stage 3: split paragraphs into sentences with NLTK Punkt, offline.

Punkt normally loads trained parameters from ``nltk_data``; we build them instead from
the abbreviation list shipped in ``resources/abbreviations.txt``, so nothing is
downloaded. Sentences keep their closing quote marks; headings never become sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .documents import CleanArticle, Sentence
from .lexicon import abbreviations, word_list

# "TOKYO — " or "WASHINGTON (Reuters) - " at the start of a story is a dateline, not text.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s+(?=[A-Z“\"‘'])")
DATELINE_PARAGRAPHS = 3  # a dateline stands in the first paragraphs of a story only
_LEADING_CLOSERS = re.compile(r"^([”’\"')\]]+)(\s+|$)")
# "the U.S." ends a sentence when the next capitalised word does not continue a name.
_COUNTRY_ABBREV_END = re.compile(r"(?<=\bthe )(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.)(?= ([A-Z][\w’'-]*))")
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")


@lru_cache(maxsize=1)
def punkt_tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


def _split_after_country_abbreviations(sentence: str) -> list[str]:
    followers = word_list("abbreviation_followers.txt")
    parts, start = [], 0
    for m in _COUNTRY_ABBREV_END.finditer(sentence):
        if m.group(1).lower() not in followers:
            parts.append(sentence[start:m.end()].strip())
            start = m.end()
    parts.append(sentence[start:].strip())
    return [p for p in parts if p]


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, verbatim, with closing quotes kept at their end.

    Remembered per paragraph (a bounded cache): later stages and rebuilds split the
    same paragraphs again, and Punkt is the slowest step of reading an article.
    """
    return list(_split_paragraph(text))


@lru_cache(maxsize=32768)
def _split_paragraph(text: str) -> tuple[str, ...]:
    raw = [part for s in punkt_tokenizer().tokenize(text) for part in _split_after_country_abbreviations(s)]
    out: list[str] = []
    start = 0  # where the last sentence stands in the paragraph
    for s in raw:
        m = _LEADING_CLOSERS.match(s)
        if m and out and text.startswith(out[-1] + m.group(1), start):  # only quotes that close it verbatim
            out[-1] = out[-1] + m.group(1)
            s = s[m.end():]
        s = s.strip()
        if s:
            found = text.find(s, start)
            start = found if found >= 0 else start
            out.append(s)
    return tuple(out)


def strip_dateline(sentence: str) -> str:
    return _DATELINE.sub("", sentence, count=1)


@lru_cache(maxsize=1)
def _timestamp() -> re.Pattern[str]:
    """"15:10 - The envoy told reporters ..." or "09:42 GMT: ...": a live blog's entry time
    opens its paragraph, as a dateline opens a story; it is no part of the sentence. Only a
    clock time, and after it at most two words of ``resources/time_zones.txt`` ("9:30 p.m. ET - ")."""
    zones = "|".join(re.escape(z) for z in sorted(word_list("time_zones.txt"), key=len, reverse=True))
    zone = rf"\s*(?i:{zones})(?![^\W_])"  # a whole word: "9:30 amet - " is no "am" and "et"
    return re.compile(rf"^(?:[01]?\d|2[0-3]):[0-5]\d(?:{zone}){{0,2}}\s*[—–:-]{{1,2}}\s+(?=[A-Z“\"‘'])")


def strip_paragraph_label(sentence: str, paragraph: int) -> str:
    """The first sentence of a paragraph without the label before it: a dateline in the
    first paragraphs ("TOKYO — "), a live blog's entry time in any ("15:10 - ")."""
    if paragraph < DATELINE_PARAGRAPHS:
        sentence = strip_dateline(sentence)
    return _timestamp().sub("", sentence, count=1)


def word_count(text: str) -> int:
    return len(text.split())


def quotes_balanced(text: str) -> bool:
    """False for a sentence that opens a quotation another sentence closes (a fragment of it)."""
    if text.count("\u201c") != text.count("\u201d"):
        return False
    return text.count('"') % 2 == 0


def fit_for_point(text: str, min_words: int, max_words: int) -> bool:
    """A point must stand alone: a statement, of sensible length, not half a quotation,
    not a line introducing what follows it ("Ministers agreed on three steps:")."""
    n = word_count(text)
    end = text.rstrip("\"'\u201d\u2019)")
    return (min_words <= n <= max_words and bool(_WORD.search(text))
            and not end.endswith(("?", ":")) and quotes_balanced(text))


def leaves_unfinished(text: str) -> bool:
    """Does a line end in a colon after a word waiting for a verb ("... calls on both sides
    to:", "Under the deal, Kestria will:")? Then the list after it finishes its sentence."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return False
    words = _WORD.findall(stripped)
    return bool(words) and words[-1].lower() in word_list("unfinished_endings.txt")


def list_item_text(text: str) -> str:
    """An item finishing the line before a list, without the punctuation joining it to the
    next ("pay a signature bonus of $150 million;" or "...; and"): still word for word."""
    return _ITEM_JOINER.sub("", text)


_ITEM_JOINER = re.compile(r"\s*(?:[;,]\s*(?:and|or)?|\s(?:and|or))\s*$")


def article_sentences(clean: CleanArticle, min_words: int = 6, max_words: int = 60) -> list[Sentence]:
    """All body sentences of an article fit to be briefing points, in order.

    The items of a bulleted list after a line waiting for its verb ("Vellmar is prepared
    to:") each finish that line's sentence: an item's first sentence is kept with that
    line as ``previous`` and ``completes`` set, so it is read, attributed and shown with it.
    """
    out: list[Sentence] = []
    position = 0
    previous = heading = ""
    unfinished = ""  # the line the list items now finish, if any
    for p_index, para in enumerate(clean.paragraphs):
        if not para.is_list_item:
            # the line is the paragraph's last sentence: "Talks resumed on Tuesday. Kestrania is prepared to:"
            unfinished = (split_sentences(para.text) or [para.text])[-1] if leaves_unfinished(para.text) else ""
        elif unfinished:  # even a short, heading-like item: it ends a sentence
            parts = split_sentences(para.text)
            for i, text in enumerate(parts):
                text = list_item_text(text) if i == 0 else text
                if fit_for_point(text, min_words, max_words):
                    out.append(Sentence(text=text, article_id=clean.article.id, paragraph=p_index,
                                        position=position, previous=unfinished if i == 0 else previous,
                                        heading=heading, opens_paragraph=i == 0, completes=i == 0))
                previous = text
                position += 1
            continue
        if para.is_heading or para.is_summary:
            previous = ""  # a heading starts a new topic
            if para.is_heading and not para.is_list_item:
                heading = para.text
            continue
        for i, text in enumerate(split_sentences(para.text)):
            if i == 0:
                text = strip_paragraph_label(text, p_index)
            if fit_for_point(text, min_words, max_words):
                out.append(Sentence(text=text, article_id=clean.article.id, paragraph=p_index,
                                    position=position, previous=previous, heading=heading,
                                    opens_paragraph=i == 0))
            previous = text
            position += 1
    return out
