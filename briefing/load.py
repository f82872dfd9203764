"""Stage 1: read the inputs (files, folders, http(s) links, i.e. URLs) into :class:`Article` objects.

Each format has its reader in :mod:`briefing.formats`. Problems are collected, never
raised: every unusable input becomes one :class:`LoadProblem` with a one-line reason,
and the rest are read all the same.
"""
from __future__ import annotations

import contextlib
import datetime
import errno
import hashlib
import itertools
import os
import re
import stat
import unicodedata
import urllib.parse
import urllib.request
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .documents import Article, LoadProblem, LoadResult
from .formats import Extracted, LoadError, LoadLimits, format_for, unsupported_reason
from .formats.base import too_large
from .formats.text import decode_bytes, looks_binary, normalize_text, one_line
from .formats.url import fetch, is_link
from .lexicon import boilerplate_patterns, kinded_lists, resource_lines, word_list
from .model import BRIEFING_COMMENT, OWN_BRIEFING_REASON

__all__ = ["LoadError", "LoadLimits", "article_from_text", "decode_bytes", "guess_title", "list_inputs",
           "load_file", "load_inputs", "load_link", "looks_binary", "normalize_text", "shown"]

Input = Path | str  # a file, or a link

# A text this long without one sentence end is not prose (a data dump, one endless
# line): there is nothing to quote from it.
_SENTENCE_END = re.compile("[.!?\u037e\u0589\u061f\u06d4\u0964\u1362\u3002\uff01\uff0e\uff1f]")
_PROSE_CHECK_CHARS = 10_000


# str.title() artefacts in exported headlines: "Japan’S", "Don’T", "They’Re".
_TITLE_CASED_CLITIC = re.compile(r"(?<=[a-z])([’'])(S|T|D|M|Re|Ll|Ve)\b")


def tidy_headline(line: str) -> str:
    """Undo the capital after an apostrophe that title-casing tools leave ("Japan’S")."""
    return _TITLE_CASED_CLITIC.sub(lambda m: m.group(1) + m.group(2).lower(), line)


LEDE_RATIO = 1.5


def guess_title(lines: list[str], fallback: str) -> str:
    """The headline: a short line near the top, preferably one that is repeated.

    News exports often put a lede or kicker first and repeat the headline; a line
    that occurs twice near the top without a closing full stop is the best evidence.
    """
    top = list(itertools.islice((ln.strip() for ln in lines[:200] if ln.strip() and not dateline_date([ln])), 6))
    top = [tidy_headline(re.sub(r"^#+\s*", "", ln)) for ln in top]

    def short(ln: str) -> bool:
        return 2 <= len(ln.split()) <= 22

    for ln in top:
        if short(ln) and top.count(ln) > 1 and not ln.endswith("."):
            return ln
    for ln in top[:3]:
        if short(ln) and not ln.endswith((".", ":", ";")):
            # "1. High-Stakes Visit" is the first section's heading: its words, not its number
            # (a better name for the article than a file name like "001_1747a8d9").
            return _NUMBERED_HEADING.sub("", ln)
    if top and short(top[0]) and (not top[0].endswith(".") or _lede_follows(top)):
        return top[0]
    return fallback


_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")


def title_from_file_name(path: Path) -> str:
    """The title an article gets when its text has no headline."""
    return one_line(path.stem.replace("_", " "))


def lacks_headline(article: Article) -> bool:
    """Was the article titled by its file name or its first section's heading, for want of a
    headline? Such a title names the article, but not the whole briefing."""
    top = list(itertools.islice(filter(None, map(str.strip, article.text[:2000].splitlines())), 6))
    if article.path is not None and article.title == title_from_file_name(article.path):
        # a file named after its headline has one (tidying keeps a line's length, so only
        # lines as long as the title are tidied: most top lines are whole paragraphs)
        return not any(len(ln) == len(article.title) and tidy_headline(ln) == article.title for ln in top)
    first = tidy_headline(top[0]) if top else ""
    return bool(_NUMBERED_HEADING.match(first)) and _NUMBERED_HEADING.sub("", first) == article.title


def _lede_follows(top: list[str]) -> bool:
    """Is a short first line ending in a full stop a headline ("X seeks Y. That may be a
    big ask.")? Only when a longer paragraph follows it; a first line as long as the next
    is the article's own first sentence, which must stay in the text."""
    return len(top) < 2 or len(top[1].split()) >= LEDE_RATIO * len(top[0].split())


def copyright_holder(text: str) -> str | None:
    """The outlet named by the article's last copyright line ("© 2026 Meridian Media Group.").

    Plain text loses its masthead; the copyright line that cleaning removes is often the
    only place that still says who published it. The line is recognised by the same
    boilerplate pattern that removes it (its group ``holder``).
    """
    holding = [p for p in boilerplate_patterns() if "holder" in p.groupindex]
    holders = []
    for line in text.splitlines():
        line = " ".join(line.split())  # as clean.is_boilerplate: no run of spaces to backtrack over
        if not line:
            continue
        m = next((m for m in (p.fullmatch(line) for p in holding) if m and m.group("holder")), None)
        if m:
            holders.append(m.group("holder").strip())
    holders = [h for h in holders if len(h.split()) <= 8 and h[0].isupper() and h.lower() != "all rights reserved"]
    return outlet_from_company(holders[-1]) if holders else None


def outlet_from_company(name: str) -> str:
    """The outlet a publisher's company name stands for: "Lion City Observer Media Pte" is
    the "Lion City Observer", "The Harbour Times Company" is "The Harbour Times"."""
    forms = {kind: frozenset(words) for kind, words in kinded_lists("company_forms.txt").items()}
    words = name.replace(",", " ").split()
    while len(words) > 1 and (words[-1] in forms.get("legal", ()) or words[-1] in ("&", "and")
                              or (len(words) > 2 and words[-1] in forms.get("corporate", ()))):
        words.pop()
    generic = forms.get("legal", frozenset()) | forms.get("corporate", frozenset()) | _outlet_nouns()
    if len(words) == 1 and words[0] in generic:
        return name  # "News Corp" is not "News"
    return " ".join(words)


@lru_cache(maxsize=1)
def _outlet_nouns() -> frozenset[str]:
    return frozenset(w for line in resource_lines("outlet_nouns.txt") for w in line.split())


_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,[^()\n]{0,60})?\s\((?P<outlet>[A-Z][^()\n]{1,50})\)\s*[-–—]")
_BY = re.compile(r"(?:posted by|written by|by)\s+", re.IGNORECASE)
_STAFF = re.compile(r"(?:the\s+)?(?P<outlet>[A-Z].*?)\s+(?:staff|team|desk|reporters?)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _outlet_run() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, _outlet_nouns()), key=len, reverse=True))
    word = r"[A-Z][\w&'’.-]*"
    return re.compile(rf"(?:\bThe\s+)?(?:{word}\s+){{0,4}}(?:{nouns})\b(?:\s+(?:{nouns})\b)?")


def masthead_outlet(lines: list[str], limit: int = 6) -> str | None:
    """The outlet named near the top: a dateline ("SORVENNE, March 16 (Lakeshore Press
    Agency) -"), a byline ("By Ana Reyes, Political Editor, The Harbour Times", "By the
    GridWatch team") or a masthead ("The Lisor Courier | By ..."); None when the top names none.

    Only lines that look like a byline, masthead or dateline are read, so a sentence
    naming a newspaper ("the Daily Star reported ...") is never taken for the outlet.
    """
    for line in [ln.strip() for ln in lines if ln.strip()][1:limit]:
        m = _DATELINE.match(line)
        if m:
            return m.group("outlet").strip()
        if len(line.split()) > 16 or not (_BY.match(line) or "|" in line):
            continue
        for part in re.split(r"\s*[|,·•]\s*", line):
            by = _BY.match(part)
            if by:  # "By Ana Reyes" names a person; "By Eastline News staff" an outlet
                staff = _STAFF.fullmatch(part[by.end():])
                if staff:
                    return staff.group("outlet")
                continue
            m = _outlet_run().search(part)
            if m and m.group(0)[0].isupper():
                return m.group(0).strip()
    return None


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    return {name: number for number, line in enumerate(resource_lines("month_names.txt"), 1)
            for name in line.split()}


def _weekday_names() -> frozenset[str]:
    return word_list("weekday_names.txt")


@lru_cache(maxsize=1)
def _date_label() -> str:
    """ "Published on: Thu, 6 Feb 2025": a label, then perhaps a weekday, then the date."""
    days = "|".join(sorted(_weekday_names(), key=len, reverse=True))
    return (r"(?:(?:published|updated|posted|last updated|date)\s*(?:on)?\s*:?\s*)?"
            rf"(?:(?:{days})\.?,?\s+)?")


_DATE_FORMS = (
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",  # February 6, 2025
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\b",  # 6 Feb. 2025
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:\b|(?=T\d))",  # 2025-02-06T09:41Z
)


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_date_label() + form, re.IGNORECASE) for form in _DATE_FORMS)
_DATE_LINE_TAIL = 40  # ", 9:41 a.m. EST | Updated 11:02 a.m." may follow the date
# "June 4, 1989: The Night the Tanks Came" is a headline about that day, not a date line.
_HEADLINE_AFTER_DATE = re.compile(r"\s*[:\u2013\u2014-]\s*[A-Z]")


# "By Ana Reyes | February 6, 2025": a byline, a separator, then the date line.
_BYLINE_SEPARATOR = re.compile(r"\s*[|\u00b7\u2022\u2013\u2014,]\s*|\s+-\s+")
_BYLINE_CHARS = 120  # "By Ana Reyes, Political Editor, The Harbour Times |"


def _date_starts(line: str) -> list[int]:
    """Where a date line may start: the line's start, or after the separators of a byline
    whose words are names ("By Ana Reyes |"), not "By Friday," or "By contrast,"."""
    starts = [0]
    by = _BY.match(line)
    if by and line[by.end():by.end() + 1].isupper():
        calendar = set(_month_numbers()) | _weekday_names()
        first = line[by.end():].split(None, 1)[0].strip(",.").lower()
        if first not in calendar:
            starts += [m.end() for m in _BYLINE_SEPARATOR.finditer(line, 0, _BYLINE_CHARS)]
    return starts


def dateline_date(lines: list[str], limit: int = 8) -> str | None:
    """The ISO date of a line near the top that is a date and little else.

    Text exports keep the page's date line ("Published: February 6, 2025 9:41 a.m.",
    "6 Feb 2025", "By Ana Reyes | February 6, 2025"); a date inside a sentence is the
    news, not the article's date.
    """
    months = _month_numbers()
    for line in itertools.islice((ln.strip() for ln in lines if ln.strip()), limit):
        for pattern, start in itertools.product(_date_patterns(), _date_starts(line)):
            m = pattern.match(line, start)
            if not m or len(line) - m.end() > _DATE_LINE_TAIL or _HEADLINE_AFTER_DATE.match(line, m.end()):
                continue
            month = m.group("month")
            number = int(month) if month.isdigit() else months.get(month.lower())
            try:
                return datetime.date(int(m.group("year")), number or 0, int(m.group("day"))).isoformat()
            except ValueError:
                continue
    return None


# The closing line of a Markdown briefing (model.briefing_note), kept when it is pasted into an e-mail.
_OWN_BRIEFING = re.compile(rf"(?m)^\W*{re.escape(BRIEFING_COMMENT)} \d+ articles?: every point is a sentence quoted")


def article_from_text(text: str, *, source_id: str, path: Path | None = None, url: str | None = None,
                      title: str | None = None, outlet: str | None = None, date: str | None = None) -> Article:
    """An :class:`Article` from text already read; :class:`LoadError` when there is no text."""
    text = normalize_text(text)
    if not text.strip():
        raise LoadError("empty (no text)")
    if _OWN_BRIEFING.search(text):
        raise LoadError(OWN_BRIEFING_REASON)
    if len(text) > _PROSE_CHECK_CHARS and not _SENTENCE_END.search(text):
        raise LoadError(f"no sentences to quote ({len(text):,} characters without a full stop)")
    fallback = title_from_file_name(path) if path else None
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    head = text[:20000].splitlines()
    outlet = outlet or copyright_holder(text) or masthead_outlet(head[:8])
    date = date or dateline_date(head)
    return Article(id=source_id, text=text, title=one_line(title) or guess_title(head, fallback or source_id),
                   path=path, url=url, outlet=one_line(outlet, 120), date=one_line(date, 40), content_hash=digest)


def shown(item: Input) -> str:
    """An input as one printable line: bytes that are not text as \\xNN, control characters escaped."""
    raw = item if isinstance(item, str) else os.fspath(item)
    text = os.fsencode(raw).decode("utf-8", "backslashreplace") if isinstance(item, Path) else raw
    return "".join(c if unicodedata.category(c) not in ("Cc", "Cs", "Zl", "Zp") else c.encode("unicode_escape").decode()
                   for c in text)


def _unusable_name(path: Path) -> bool:
    """A name that cannot go into a Word document or JSON: control characters, or bytes that are not text."""
    return any(unicodedata.category(c) in ("Cc", "Cs") or c in "\ufffe\uffff" for c in path.name) or \
        any(unicodedata.category(c) == "Cs" for c in str(path))


@contextlib.contextmanager
def _open_regular(path: Path) -> Iterator[tuple[BinaryIO, int]]:
    """The file opened for reading, with its size; pipes and devices are refused without blocking."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError("a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a device, pipe or socket)")
        stream = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with stream:
        yield stream, info.st_size


def _os_reason(exc: OSError, path: Path) -> str:
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return "broken link (what it points to does not exist)"
        return "disappeared before it could be read (moved or deleted?)"
    if exc.errno == errno.ELOOP:
        return "a link that leads back to itself (link loop)"
    if isinstance(exc, PermissionError):
        return "no permission to read it"
    if isinstance(exc, IsADirectoryError):
        return "a folder"
    return f"cannot be read ({exc.strerror or exc.__class__.__name__})"


def _article(extracted: Extracted, source_id: str, limits: LoadLimits, path: Path | None = None) -> Article:
    if len(extracted.text) > limits.max_text_chars:
        raise LoadError(f"too much text ({len(extracted.text):,} characters; the limit is {limits.max_text_chars:,})")
    return article_from_text(extracted.text, source_id=source_id, path=path, url=extracted.url,
                             title=extracted.title, outlet=extracted.outlet, date=extracted.date)


def load_file(path: Path, source_id: str, limits: LoadLimits | None = None) -> Article:
    """Read one file; raises :class:`LoadError` with a user-facing reason."""
    limits = limits or LoadLimits()
    fmt = format_for(path.suffix)
    if fmt is None:
        raise LoadError(unsupported_reason(path.suffix))
    if _unusable_name(path):
        raise LoadError("the file name has control characters or bytes that are not text; rename the file")
    try:
        with _open_regular(path) as (stream, size):
            if size == 0:
                raise LoadError("empty (no text)")
            if size > fmt.max_bytes(limits):
                raise too_large(size, fmt.max_bytes(limits))
            extracted = fmt.read(stream, limits)
    except OSError as exc:
        raise LoadError(_os_reason(exc, path)) from exc
    extracted.url = None  # a saved page is cited by its file
    return _article(extracted, source_id, limits, path=Path(os.path.abspath(path)))


def load_link(url: str, source_id: str, limits: LoadLimits | None = None) -> Article:
    """Fetch and read one http(s) link; raises :class:`LoadError` with a user-facing reason."""
    limits = limits or LoadLimits()
    return _article(fetch(url.strip(), limits), source_id, limits)


def _skip_silently(name: str) -> bool:
    """Hidden files and office lock files ("~$report.docx") are not inputs anyone chose."""
    return name.startswith((".", "~$"))


# "ftp://host/file": a link of a kind we do not fetch (file:// links name local files
# and are read). As a path it would be reported as "ftp:/host/file", not what the user
# typed. (Two letters at least, so a Windows drive "C://" stays a path.)
_OTHER_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]+)://")


def list_inputs(inputs: Iterable[str | os.PathLike[str]], problems: list[LoadProblem],
                limits: LoadLimits | None = None) -> list[Input]:
    """Links, and files with folders expanded (recursively, in name order, each real file and folder once).

    Links to folders are followed, but a folder already seen (a link loop) is not entered
    again; at most ``limits.max_files`` files are listed.
    """
    limits = limits or LoadLimits()
    items: list[Input] = []
    seen: set[str] = set()

    def add(item: Input, key: str) -> bool:
        if key in seen:
            return True
        if len(items) >= limits.max_files:
            return False
        seen.add(key)
        items.append(item)
        return True

    for item in inputs:
        if isinstance(item, str) and is_link(item):
            add(item.strip(), item.strip())
            continue
        other = _OTHER_SCHEME.match(item.strip()) if isinstance(item, str) else None
        if other and other.group(1).lower() == "file" and not os.path.lexists(item):
            # A file:// link (as a browser copies it) names a file on this computer.
            link = urllib.parse.urlsplit(item.strip())
            path = urllib.request.url2pathname(link.path)
            if link.netloc.lower() not in ("", "localhost"):
                problems.append(LoadProblem(shown(item.strip()), "a file:// link to another computer cannot be read; "
                                            "copy the file here or open it through a mapped drive"))
                continue
            if not os.path.lexists(path):
                problems.append(LoadProblem(shown(item.strip()), "no such file or folder"))
                continue
            item = path
        elif other and not os.path.lexists(item):
            problems.append(LoadProblem(shown(item.strip()), f"{other.group(1).lower()}:// links cannot be read; "
                                        "only http:// and https:// (save the page and add the file)"))
            continue
        p = Path(item)
        try:
            if p.is_dir():
                if not _walk(p, add, problems):
                    problems.append(LoadProblem(shown(p), f"more than {limits.max_files} files; "
                                                f"only the first {limits.max_files} were read"))
            elif p.exists() or p.is_symlink():
                if not add(p, os.path.realpath(p)):
                    problems.append(LoadProblem(shown(p), f"not read: more than {limits.max_files} files were given"))
            else:
                problems.append(LoadProblem(shown(p), "no such file or folder"))
        except OSError as exc:
            problems.append(LoadProblem(shown(p), _os_reason(exc, p)))
    return items


def _walk(root: Path, add, problems: list[LoadProblem]) -> bool:
    """Add the files under ``root``; False once the file limit is reached."""
    visited: set[str] = set()

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        problems.append(LoadProblem(shown(where), f"folder cannot be opened ({exc.strerror or exc})"))

    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in visited:
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if _skip_silently(name):
                continue
            path = Path(folder) / name
            if not add(path, os.path.realpath(path)):
                return False
    return True


def load_inputs(inputs: Iterable[str | os.PathLike[str]], limits: LoadLimits | None = None) -> LoadResult:
    """Load every usable input; every unusable one becomes a :class:`LoadProblem`."""
    limits = limits or LoadLimits()
    result = LoadResult()
    total = 0
    seen: dict[str, Article] = {}
    for item in list_inputs(inputs, result.problems, limits):
        source_id = str(len(result.articles) + 1)
        try:
            if isinstance(item, str):
                article = load_link(item, source_id, limits)
            else:
                article = load_file(item, source_id, limits)
        except LoadError as exc:
            result.problems.append(LoadProblem(shown(item), str(exc)))
        except Exception as exc:  # noqa: BLE001 - a reader's bug on odd input must not stop the other files
            detail = str(exc).splitlines()[0][:200] if str(exc).strip() else ""
            result.problems.append(LoadProblem(shown(item), f"cannot be read ({exc.__class__.__name__}"
                                                             + (f": {detail})" if detail else ")")))
        else:
            if total + len(article.text) > limits.max_total_chars:
                result.problems.append(LoadProblem(shown(item), (
                    f"not read: with it the inputs would hold more than {limits.max_total_chars:,} characters "
                    "of text, the limit for one build")))
                continue
            first = seen.get(article.content_hash)
            if first is not None:  # the same story twice is one source, and keeps the numbers [1], [2] ... whole
                result.problems.append(LoadProblem(shown(item), same_text_reason(first)))
                continue
            seen[article.content_hash] = article
            total += len(article.text)
            result.articles.append(article)
    return result


def same_text_reason(first: Article) -> str:
    return f"same text as {first.display_name}; counted once"
