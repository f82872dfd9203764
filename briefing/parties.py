"""The parties to the meeting, and which party a point belongs to.

Parties are the countries (or unions) the articles are about: names, demonyms and
metonyms from ``resources/countries.txt`` ("Japan", "Japanese", "Tokyo"); a country not
in that list is recognised when a capitalised name used often has its demonym beside it
("Valdora" and "Valdoran", rules in ``resources/demonym_rules.txt``) or is given a
state's offices ("Kestria's economy minister", ``resources/state_offices.txt``); bodies
named with an acronym ("Equatoria Liberation Movement (ELM)") or, for companies, their
legal form ("Orvane Systems Inc."); plus leaders tied to a country by the way news copy
introduces them ("Japan's Prime Minister Shigeru Ishiba", "President Emmanuel Macron of
France"; titles in ``resources/titles.txt``). Every mention counts for its party; the
parties are the few most mentioned, provided they run through the coverage rather than
one article. With one state at the table, "the government" is that state.

A point belongs to a party when that party is the grammatical subject: after dropping an
opening connective or introductory phrase ("However,", "In exchange,", "When he
arrives ..., "), the first content words name exactly one party. Every point gets its
party, but only sections about what a party wants or offers are grouped by it: a risk
is everyone's, and a risk the user moves to Objectives is then listed under its party.
Points with no clear party stay ungrouped.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Collection, Mapping, Sequence

from .discourse import opens_with_anaphor, owner_is_before, personal_pronouns, strip_opening, subject_aside
from .documents import CleanArticle
from .lexicon import kinded_lists, opening_pattern, resource_lines, stopwords, word_list
from .model import Section
from .tokens import LOWER, UPPER

PARTY_SECTIONS = ("objectives", "concessions")
"""Sections whose points are grouped by party: what a party wants, what it offers."""
MAX_PARTIES = 6  # an alliance summit has five or six members at the table
# a party is mentioned at least this share as often as the most mentioned one...
MIN_SHARE_OF_TOP = 0.3
# ...and in at least this share of the articles
MIN_ARTICLE_SHARE = 0.5
SUBJECT_WORDS = 3  # content words at the start of a clause that make up its subject

_POSSESSIVE = r"(?:[’']s?)?"
_POSSESSED = re.compile(r"[’']s?\s+")  # between an owner and a name it owns
_NAME_WORD = rf"{UPPER}[\w’'\-]*{LOWER}[\w’'\-]*"


def grouped_by_party(section_key: str) -> bool:
    """True for the sections whose points are listed under their party."""
    return section_key in PARTY_SECTIONS


@dataclass(frozen=True)
class Countries:
    """Every way of naming each country, and one regex finding them all."""

    canonical: dict[str, str]  # alias -> country name
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, canonical: dict[str, str]) -> "Countries":
        aliases = sorted(canonical, key=len, reverse=True)
        before_a_name = _countries_before_a_name()
        in_a_place = _places_with_a_country_name()
        alternation = "|".join("".join(rf"(?<!{re.escape(p)}\s)" for p in in_a_place.get(a, ()))
                               + re.escape(a) + (rf"(?!\s+{UPPER}[a-z])" if a in before_a_name else "")
                               for a in aliases)
        # The first letters up front let the engine skip most places at one look instead
        # of trying every alias there (a third of a 2000-article build's party search).
        firsts = "".join(sorted({re.escape(a[0]) for a in aliases}))
        ahead = rf"(?=[{firsts}])" if firsts else ""
        return cls(dict(canonical), re.compile(rf"(?<![\w.\-]){ahead}(?:{alternation})(?![\w])"))


@lru_cache(maxsize=1)
def _countries_before_a_name() -> frozenset[str]:
    """Country names that open a person's or a place's name ("Chad Bown"), as written."""
    return frozenset(resource_lines("countries_before_a_name.txt"))


@lru_cache(maxsize=1)
def _places_with_a_country_name() -> dict[str, tuple[str, ...]]:
    """Country word -> the words before it that make a place of it ("Ireland": "Northern")."""
    out: dict[str, list[str]] = {}
    for line in resource_lines("places_with_a_country_name.txt"):
        before, _, country = line.rpartition(" ")
        out.setdefault(country, []).append(before)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def countries() -> Countries:
    """The countries of ``resources/countries.txt``."""
    canonical: dict[str, str] = {}
    for line in resource_lines("countries.txt"):
        fields = [f.strip() for f in line.split("|")]
        name = fields[0]
        canonical[name] = name
        for f in fields[1:]:
            for alias in (a.strip() for a in f.split(",")):
                if alias:
                    canonical.setdefault(alias, name)
    return Countries.of(canonical)


@lru_cache(maxsize=1)
def _demonym_rules() -> tuple[tuple[str, ...], frozenset[str]]:
    rules = kinded_lists("demonym_rules.txt")
    return rules.get("suffix", ()), frozenset(rules.get("not_country", ()))


@lru_cache(maxsize=65536)
def _capitalised(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\b[A-Z][a-z]{2,}\b", text))


def discover_countries(texts: list[str], min_count: int = 3) -> dict[str, str]:
    """Countries missing from the list, found as a frequent name whose demonym also occurs,
    or that the copy gives a state's offices at least twice ("Kestria's economy minister",
    "the Republic of Veldmark"; ``resources/state_offices.txt``) and never a title (so not
    "President Yoon's government").

    Returns alias -> country ("Valdoran" -> "Valdora", "Valdora" -> "Valdora").
    """
    known = countries().canonical
    suffixes, not_country = _demonym_rules()
    stop = stopwords()
    counts = Counter(w for t in texts for w in _capitalised(t))
    offices = Counter(name for t in texts for name in _office_owners(t))
    found: dict[str, str] = {}
    titled: frozenset[str] | None = None
    for name, n in counts.items():
        if n < min_count or name in known or name in not_country or name.lower() in stop \
                or name.lower() in _title_words():
            continue
        stems = {name} | ({name[:-1]} if name[-1] in "aeiouy" else set())
        for stem in stems:
            demonym = next((stem + x for x in suffixes if counts.get(stem + x) and stem + x != name), None)
            if demonym and demonym not in known:
                found[name] = found[demonym] = _named_in_short(name, texts) or name
                break
        else:
            if offices[name] >= 2:
                if titled is None:  # a name given a title in any paragraph (remembered per paragraph)
                    titled = frozenset().union(*map(_titled_words, texts))
                if name not in titled:
                    found[name] = _named_in_short(name, texts) or name
    return found


def _named_in_short(name: str, texts: list[str]) -> str | None:
    """The listed country that ``name`` shortens, when it is the last word of listed names:
    "Korea" and "Korean" in coverage of a Seoul summit are South Korea, not a new country.
    Of two ("South Korea", "North Korea"), the one the texts name most by any of its names
    ("Seoul", "ROK"); none when they are named equally often. Of one ("Sri Lanka"), that one."""
    longer = _last_words_of_countries().get(name)
    if not longer or len(longer) == 1:
        return longer[0] if longer else None
    named = {nation: sum(len(_any_name_of(nation).findall(t)) for t in texts) for nation in longer}
    ranked = sorted(named.items(), key=lambda kv: -kv[1])
    if ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


@lru_cache(maxsize=64)
def _any_name_of(nation: str) -> re.Pattern[str]:
    """Every listed name of ``nation`` ("South Korea", "Seoul", "ROK"), as whole words."""
    aliases = "|".join(re.escape(a) for a, n in countries().canonical.items() if n == nation)
    return re.compile(rf"(?<![\w\-])(?:{aliases})(?![\w\-])")


@lru_cache(maxsize=1)
def _last_words_of_countries() -> dict[str, tuple[str, ...]]:
    """Last word -> the listed countries whose name of several words ends in it, and whose
    people are called by a name of several words ending in a form of it ("South Korea",
    "South Korean"; not "European Union", "European")."""
    out: dict[str, set[str]] = {}
    for alias, nation in countries().canonical.items():
        if " " in nation and " " in alias and alias != nation:
            word, said = nation.rsplit(" ", 1)[1], alias.rsplit(" ", 1)[1]
            if said != word and said.startswith(word):
                out.setdefault(word, set()).add(nation)
    return {word: tuple(sorted(nations)) for word, nations in out.items()}


@lru_cache(maxsize=1)
def _state_office_patterns() -> tuple[re.Pattern[str], ...]:
    offices = kinded_lists("state_offices.txt")
    owned = "|".join(re.escape(o) for o in offices["owned"])
    of = "|".join(re.escape(o) for o in offices["of"])
    name = r"(?P<name>[A-Z][a-z]{2,})"
    return (re.compile(rf"(?<![\w\-]){name}[’']s\s+(?:[\w\-]+\s+){{0,2}}?(?i:{owned})\b"),
            re.compile(rf"(?i:\b(?:{of}))\s+of\s+(?:the\s+)?{name}(?![\w\-])(?!\s+{UPPER})"))  # not "... of National Unity"


@lru_cache(maxsize=65536)
def _office_owners(text: str) -> tuple[str, ...]:
    """The names a text gives a state's offices ("Kestria's economy minister"), remembered
    per paragraph: a rebuild looks at every article again."""
    return tuple(m.group("name") for p in _state_office_patterns() for m in p.finditer(text))


@lru_cache(maxsize=1)
def _title_then_words() -> re.Pattern[str]:
    # the title, then (looking ahead, so that a title among them is found too) up to three words
    return re.compile(rf"(?<![\w\-])(?:{_titles_pattern()})(\.?)\s+(?=(\S+)(?:\s+(\S+))?(?:\s+(\S+))?)")


_NAME_WORD_WHOLE = re.compile(_NAME_WORD)
_WORD_START = re.compile(r"\w+(?![\w\-])")


@lru_cache(maxsize=65536)
def _titled_words(text: str) -> frozenset[str]:
    """The words a text writes as a person's name: after a title, with at most two given
    names between ("President Yoon", "Prime Minister Benjamin Netanyahu", "Mr. Netanyahu").
    A name the copy ever gives a title is a person's, not a country's."""
    out: set[str] = set()
    for m in _title_then_words().finditer(text):
        title = m.group(0)[:m.start(1) - m.start()]
        if m.group(1) and len(title) > 4:  # "the ambassador. Kestria has ..." ends a sentence
            continue
        for word in (w for w in m.groups()[1:] if w):
            start = _WORD_START.match(word)
            if start:
                out.add(start.group(0))  # "Yoon" of "Yoon's"
            if not _NAME_WORD_WHOLE.fullmatch(word):
                break  # only given names come between
    return frozenset(out)


def discover_companies(texts: list[str], known: Mapping[str, str]) -> dict[str, str]:
    """Companies the copy names with their legal form ("Orvane Systems Inc."), which may
    be a side of the meeting (a government and a company negotiating a plant).

    Returns alias -> name ("Orvane Systems Inc." -> "Orvane Systems", the name itself,
    and "Orvane" when the copy also uses that first word on its own at least twice).
    Words before the name that are no part of it are dropped ("On Tuesday", "Japan's").
    Whether one is a party is decided, like a country's, by how often the articles name it.
    """
    found: dict[str, str] = {}
    names: set[tuple[str, ...]] = set()
    for text in texts:
        for words, form in _company_names(text):
            name = " ".join(words)
            if name in known or words[0] in known:
                continue
            found[name] = found[f"{name} {form}"] = found.get(name, name)
            names.add(words)
    if any(len(w) > 1 for w in names):  # the first word used on its own: all its uses less those opening a name
        capitalised = Counter(w for t in texts for w in _capitalised(t))
        opening = Counter(pair for t in texts for pair in _capitalised_pairs(t))
        for words in names:
            if len(words) > 1 and capitalised[words[0]] - opening[words[:2]] >= 2:
                found[words[0]] = found[" ".join(words)]
    return found


@lru_cache(maxsize=1)
def _company_pattern() -> re.Pattern[str]:
    legal = "|".join(re.escape(f.rstrip(".")) for f in kinded_lists("company_forms.txt").get("legal", ()))
    return re.compile(rf"(?<![\w\-])((?:{UPPER}[\w&’'\-]*\s+){{1,3}})({legal})(\.?)(?![\w\-])")


@lru_cache(maxsize=65536)
def _company_names(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each company a paragraph names with its legal form: (the name's words, the form as
    written), less the words before it that are no part of it; remembered per paragraph."""
    skip = _not_name_words()
    out = []
    for m in _company_pattern().finditer(text):
        words = m.group(1).split()
        while words and (words[0].lower().rstrip(".") in skip or _POSSESSED.search(words[0] + " ")):
            words = words[1:]
        if words:
            out.append((tuple(words), m.group(2) + m.group(3)))
    return tuple(out)


@lru_cache(maxsize=65536)
def _capitalised_pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(re.findall(r"\b([A-Z][a-z]{2,})(?=\s+([A-Z][\w&’'\-]*))", text))  # overlapping: "The Harbour Gazette"


MIN_ACRONYM_USES = 3  # an acronym used this often names something the copy is about
_ACRONYM_USE = re.compile(rf"(?<![\w.\-])({UPPER}{{2,8}})(?![\w\-])")
_CAPITALISED_WORD = rf"{UPPER}{LOWER}[\w’'\-]*+"
_CAPITALISED_RUN = re.compile(rf"\b{_CAPITALISED_WORD}(?:\s+(?:(?:of|for|and|the)\s+)*{_CAPITALISED_WORD})+")
_ACRONYM = re.compile(rf"\b((?:{UPPER}[\w’'\-]*+\s+(?:(?:of|for|and|the)\s+)*){{1,7}}{UPPER}[\w’'\-]*+)"
                      rf"\s+\(({UPPER}{{2,8}})\)")


def _acronyms(texts: list[str]) -> dict[str, str]:
    """Full name -> acronym, for each "Equatoria Liberation Movement (ELM)" in the texts
    whose acronym is the initials of the name's last capitalised words, and for each
    acronym the copy uses often without defining it in brackets but spells out elsewhere."""
    defined = {full: short for text in texts for full, short in _acronym_pairs(text)}
    return {**_spelt_out_elsewhere(texts, frozenset(defined.values())), **defined}


def _spelt_out_elsewhere(texts: list[str], defined: frozenset[str]) -> dict[str, str]:
    """Full name -> acronym for an acronym used at least ``MIN_ACRONYM_USES`` times and
    never defined in brackets, whose initials a capitalised name of the texts has: wire
    copy writes "the MRF" in one paragraph and "the Marsh Rifles Force" in another, and
    both name one side. The name the texts use most wins."""
    uses = Counter(a for text in texts for a in _acronym_uses(text))
    known = countries().canonical
    wanted = {a for a, k in uses.items() if k >= MIN_ACRONYM_USES and a not in defined and a not in known}
    if not wanted:
        return {}
    spelt: dict[str, Counter[str]] = {}
    for text in texts:
        for run in _capitalised_runs(text):
            words = run.split()
            capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
            initials = "".join(words[i][0] for i in capitals)
            for size in range(2, min(len(capitals), 8) + 1):  # any stretch: "the Marsh Rifles Force of General X"
                for start in range(len(capitals) - size + 1):
                    if initials[start:start + size] in wanted:
                        full = " ".join(words[capitals[start]:capitals[start + size - 1] + 1])
                        spelt.setdefault(initials[start:start + size], Counter())[full] += 1
    return {names.most_common(1)[0][0]: short for short, names in spelt.items()}


@lru_cache(maxsize=65536)
def _acronym_uses(text: str) -> tuple[str, ...]:
    """Every acronym a paragraph uses, remembered: each build counts them over all articles."""
    return tuple(_ACRONYM_USE.findall(text))


@lru_cache(maxsize=65536)
def _capitalised_runs(text: str) -> tuple[str, ...]:
    """Runs of two or more capitalised words ("Marsh Rifles Force"), remembered per paragraph."""
    return tuple(m.group(0) for m in _CAPITALISED_RUN.finditer(text))


@lru_cache(maxsize=65536)
def _acronym_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """(full name, acronym) for each acronym one paragraph defines; remembered per paragraph."""
    out = []
    for m in _ACRONYM.finditer(text):
        words = m.group(1).split()
        short = m.group(2)
        capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
        if len(capitals) >= len(short):
            first = capitals[-len(short)]
            if "".join(words[i][0] for i in capitals[-len(short):]) == short:
                out.append((" ".join(words[first:]), short))
    return tuple(out)


def discover_organisations(texts: list[str], acronyms: dict[str, str] | None = None) -> dict[str, str]:
    """Bodies the articles name in full with an acronym ("Equatoria Liberation Movement
    (ELM)"): a rebel movement, a party or an agency, which no list of countries holds.

    Returns alias -> name ("ELM" -> "Equatoria Liberation Movement", and the name itself),
    for names ending in a word for a body (``resources/body_nouns.txt``): not "Free Trade
    Agreement (FTA)" nor "Prime Minister (PM)". Whether one is a party of the meeting is
    decided, like a country's, by how often the articles name it. ``acronyms``: those of
    the texts, when already found.
    """
    known = countries().canonical
    bodies = word_list("body_nouns.txt")
    titles = _title_words()
    found: dict[str, str] = {}
    for full, short in (_acronyms(texts) if acronyms is None else acronyms).items():
        words = [w.lower() for w in full.split()]
        if full in known or short in known or words[-1] not in bodies or all(w in titles for w in words):
            continue
        found[full] = found[short] = full
    return found


@lru_cache(maxsize=1)
def _titles_pattern() -> str:
    titles = sorted(resource_lines("titles.txt"), key=len, reverse=True)
    firsts = "".join(sorted({re.escape(t[0].lower()) for t in titles}))
    return f"(?i:(?=[{firsts}])(?:" + "|".join(re.escape(t) for t in titles) + "))"


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for t in resource_lines("titles.txt") for w in t.split())


@dataclass
class PartyModel:
    """What :func:`find_parties` learned: the parties, and every name that points to one."""

    parties: list[str] = field(default_factory=list)
    leaders: dict[str, str] = field(default_factory=dict)  # surname or full name -> country
    mentions: Counter[str] = field(default_factory=Counter)
    countries: Countries = field(default_factory=countries)
    # parties that are no country: a body named with an acronym, or a name the user typed
    bodies: frozenset[str] = frozenset()
    acronyms: dict[str, str] = field(default_factory=dict)  # every "full name (ACRONYM)" of the texts
    government: str | None = None  # the party "the government" names (see _with_sole_government)
    companies: frozenset[str] = frozenset()  # the bodies found as companies ("Orvane Systems Inc.")
    company: str | None = None  # the party "the company" names: the one company at the table

    def name_forms(self) -> list[str]:
        """Every name, demonym and leader that points to one of the parties ("Japan",
        "Japanese", "Ishiba")."""
        wanted = set(self.parties)
        return ([alias for alias, nation in self.countries.canonical.items() if nation in wanted]
                + [name for name, nation in self.leaders.items() if nation in wanted])

    def names_in(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, country)`` of every country or known leader named in ``text``."""
        c = self.countries
        found = [(s, e, c.canonical[name]) for s, e, name in _matches(c.pattern.pattern, text)
                 if not _opens_a_body_name(text, e)]
        if self.leaders:
            names = "|".join(re.escape(n) for n in sorted(self.leaders, key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w\-])(?:{names})(?![\w\-])", text):
                if not any(s <= m.start() < e for s, e, _ in found):
                    found.append((m.start(), m.end(), self.leaders[m.group(0)]))
        if self.government:
            found += [(m.start(), m.end(), self.government) for m in _the_government().finditer(text)
                      if not any(s < m.end() and m.start() < e for s, e, _ in found)
                      and not self._names_a_country(m.group(0).split()[1:-1])]
        if self.company:
            found += [(m.start(), m.end(), self.company) for m in _the_company().finditer(text)
                      if not any(s < m.end() and m.start() < e for s, e, _ in found)]
        return sorted(found)

    def _names_a_country(self, words: list[str]) -> bool:
        """Is one of ``words`` a country's name or a form of it ("Kestrian" for a Kestria
        found by its offices, whose demonym the index may lack)?"""
        return any(w.startswith(alias) for w in words for alias in self.countries.canonical
                   if len(alias) >= 4 and alias[:1] == w[:1])


def _opens_a_body_name(text: str, end: int) -> bool:
    """Does the name ending at ``end`` open a civil body's name ("Veldmark Metalworkers'
    Federation")? That body is not the country (``resources/civil_body_nouns.txt``)."""
    following = _BODY_NAME_TAIL.match(text, end)
    return bool(following) and following.group(1).lower() in word_list("civil_body_nouns.txt")


# the last capitalised word of the name run after a country ("... Business Federation")
_BODY_NAME_TAIL = re.compile(rf"(?:\s+{UPPER}[\w\-]*[’']?){{0,3}}?\s+({UPPER}[a-z]+)(?![\w\-’'])(?!\s+{UPPER})")


@lru_cache(maxsize=1)
def _the_government() -> re.Pattern[str]:
    """ "the government", "the cabinet", "the Industry Ministry"; not "the government of
    Germany" or "the Foreign Ministry in Beijing" (which name their own) nor "the Kestrian
    Economy Ministry" (a country's name inside: see names_in)."""
    nouns = "|".join(re.escape(n) for n in sorted(word_list("government_nouns.txt"), key=len, reverse=True))
    department = rf"(?:{UPPER}[\w\-]*\s+(?:and\s+)?){{1,3}}[Mm]inistry"  # "the Trade and Industry Ministry"
    return re.compile(rf"(?<![\w\-])[Tt]he\s+(?:{department}|(?i:{nouns}))(?![\w\-])(?!\s+(?:of|in)\b)")


@lru_cache(maxsize=1)
def _the_company() -> re.Pattern[str]:
    """ "the company" (``resources/company_nouns.txt``); not "the company of ..."."""
    nouns = "|".join(re.escape(n) for n in sorted(word_list("company_nouns.txt"), key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])[Tt]he\s+(?i:{nouns})(?![\w\-])(?!\s+(?:of|in)\b)")


@lru_cache(maxsize=65536)
def _matches(pattern: str, text: str) -> tuple[tuple[int, int, str], ...]:
    """Remembered per paragraph, so a rebuild after one new article reads only its text."""
    return tuple((m.start(), m.end(), m.group(0)) for m in re.compile(pattern).finditer(text))


def _body(cleaned: CleanArticle) -> list[str]:
    return [p.text for p in cleaned.paragraphs if not p.is_heading]


@lru_cache(maxsize=8)
def _leader_patterns(country: str, title: str, name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = re.compile(rf"(?P<country>{country}){_POSSESSIVE}\s+(?:(?:former|then-|ex-)\s*)?"
                        rf"(?:{title})(?:\s+(?:{title}))*,?\s+(?P<name>{name})")
    # (?<!\w): "Vice-President"; "the": "President Ama Orlen of the Philippines"; not the
    # head of a body named after a country ("President Ivo Marr of the Philippine Red Cross")
    after = re.compile(rf"(?<!\w)(?:{title})\s+(?P<name>{name})\s+of\s+(?:the\s+)?(?P<country>{country})"
                       rf"(?![\w\-])(?!\s+{UPPER})")
    return before, after


def link_leaders(texts: list[str], c: Countries | None = None) -> dict[str, str]:
    """Leader name (full name and short name) -> country, from "<country> <title> <Name>" phrases.

    The short name is the word of the full name that the copy uses on its own: "Trump"
    for "Donald Trump", but "Kim" for "Kim Jong Un". When two leaders share it (the envoy
    "Sung Kim" and "Kim Jong Un"), it names the one whose full name is used most.
    """
    c = c or countries()
    country = c.pattern.pattern
    title = _titles_pattern()
    patterns = (country, title, _person_name())
    votes: dict[str, Counter[str]] = {}
    for text in texts:
        for country_name, found_name in _leader_phrases(text, patterns):
            words = _person_words(found_name)
            nation = c.canonical.get(country_name)
            full = " ".join(words)
            if not words or nation is None or full in c.canonical:
                continue
            votes.setdefault(full, Counter())[nation] += 1
    full_names = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    full_names = {**_described_leaders(texts, c, full_names), **full_names}
    leaders = {**_short_names(full_names, texts, c), **full_names}
    aides = _aides_of_leaders(texts, leaders, c)
    if not aides:
        return leaders
    full_names = {**aides, **full_names}
    return {**_short_names(full_names, texts, c), **full_names}


def _person_words(found_name: str) -> list[str]:
    """The words of a matched name that name the person: no title ("President"), no day
    after it ("Ama Orlen Tuesday"), and none at all for a body ("the Lakeland General
    Assembly President ...": a title word before a body's name is no person)."""
    words = [w for w in found_name.split() if w.lower().rstrip(".") not in _title_words()]
    while words and words[-1].lower() in word_list("weekday_names.txt"):  # not months: "Theresa May"
        words.pop()
    bodies = word_list("body_nouns.txt")
    return [] if any(w.lower() in bodies for w in words) else words


def _aides_of_leaders(texts: list[str], leaders: Mapping[str, str], c: Countries) -> dict[str, str]:
    """Full name -> country of a person the copy introduces as a linked leader's aide
    ("Orlen's special envoy Tomas Varga"): the aide speaks for the leader's country. The
    owner is looked up by the word before the possessive."""
    if not leaders:
        return {}
    votes: dict[str, Counter[str]] = {}
    for text in texts:
        for owner, found_name in _aide_phrases(text):
            nation = leaders.get(owner)
            words = _person_words(found_name) if nation else []
            full = " ".join(words)
            if len(words) < 2 or full in c.canonical or full in leaders:
                continue
            votes.setdefault(full, Counter())[nation] += 1
    return {full: v.most_common(1)[0][0] for full, v in votes.items()}


@lru_cache(maxsize=1)
def _aide_pattern() -> re.Pattern[str]:
    title = _titles_pattern()
    return re.compile(rf"(?<![\w\-])(?P<owner>{_NAME_WORD})[’']s?\s+(?:{title})(?:\s+(?:{title}))*,?\s+"
                      rf"(?P<name>{_person_name()})")


@lru_cache(maxsize=65536)
def _aide_phrases(text: str) -> tuple[tuple[str, str], ...]:
    """(owner, name) of every "<Owner>'s <title> <Name>" phrase; remembered per paragraph."""
    if "'" not in text and "’" not in text:
        return ()
    return tuple((m.group("owner"), m.group("name")) for m in _aide_pattern().finditer(text))


def _described_leaders(texts: list[str], c: Countries, linked: Mapping[str, str]) -> dict[str, str]:
    """Full name -> country for a leader the copy never gives a country ("President Ama
    Orlen") but calls "the Lakeland president" elsewhere: when one person only, not yet
    linked and not "former", bears that title, and no one is yet tied to Lakeland, the
    description names them. Copy from a leader's own country seldom writes its name
    before the title."""
    described: set[tuple[str, str]] = set()
    titled: dict[str, set[str]] = {}
    for text in texts:
        for country, description, title, titled_name in _descriptions(c.pattern.pattern, text):
            if country:
                described.add((c.canonical[country], description.lower()))
                continue
            words = _person_words(re.sub(r"[’']s?$", "", titled_name))
            name = " ".join(words)
            if len(words) > 1 and name not in c.canonical and title[:1].isupper():  # not "whose leader X"
                titled.setdefault(title.lower(), set()).add(name)
    out: dict[str, str | None] = {}
    with_a_leader = set(linked.values())
    for nation, title in sorted(described):
        holders = titled.get(title, set())
        if nation in with_a_leader:
            continue  # "the Kestrian chancellor" may be Marr, tied by "Kestria's chancellor, Ivo Marr"
        unlinked = holders - linked.keys()
        if len(unlinked) == 1:
            name = next(iter(unlinked))
            out[name] = nation if out.get(name, nation) == nation else None  # two countries: no link
    return {name: nation for name, nation in out.items() if nation}


@lru_cache(maxsize=65536)
def _descriptions(country: str, text: str) -> tuple[tuple[str, str, str, str], ...]:
    """(country, title) of each "the <country> <title>" and (title, name) of each titled
    name in a paragraph, remembered: each build reads every paragraph again."""
    pattern = _description_pattern(country, _titles_pattern(), _person_name(2))
    return tuple((m.group("country") or "", m.group("described") or "", m.group("title") or "", m.group("name") or "")
                 for m in pattern.finditer(text))


@lru_cache(maxsize=2)
def _description_pattern(country: str, title: str, name: str) -> re.Pattern[str]:
    """ "the <country> <title>" neither after a comma (", the US president": in apposition to
    a name, which may be anyone's) nor before a name; or "<Title> <Full Name>" not after
    "former" or "the late"."""
    return re.compile(rf"(?<!,\s)(?<![\w\-])[Tt]he\s+(?P<country>{country})\s+(?P<described>{title})(?![\w\-])"
                      rf"(?!,?\s+{UPPER})"
                      rf"|(?<![Ff]ormer\s)(?<!late\s)(?<![\w\-])(?P<title>{title})\s+(?P<name>{name})")


@lru_cache(maxsize=2)
def _person_name(least: int = 1) -> str:
    """``least`` to three capitalised words, with the particles of ``resources/name_particles.txt``
    between them ("Ursula von der Leyen")."""
    particles = "|".join(re.escape(p) for p in sorted(word_list("name_particles.txt"), key=len, reverse=True))
    return rf"{_NAME_WORD}(?:\s+(?:(?:{particles})\s+){{0,2}}{_NAME_WORD}){{{least - 1},2}}"


def _particle_surname(full: str) -> str | None:
    """ "von der Leyen" of "Ursula von der Leyen"; None for a name without particles."""
    words = full.split()
    particles = word_list("name_particles.txt")
    at = next((i for i, w in enumerate(words) if i > 0 and w in particles), None)
    return " ".join(words[at:]) if at is not None and at < len(words) - 1 else None


def _short_names(full_names: dict[str, str], texts: list[str], c: Countries) -> dict[str, str]:
    """Short name -> country for the leaders in ``full_names`` (see :func:`link_leaders`)."""
    candidates = {full: [w for w in {full.split()[0], full.split()[-1], _particle_surname(full)}
                         if w and w not in c.canonical]
                  for full in full_names if len(full.split()) > 1}
    words = sorted({w for ws in candidates.values() for w in ws} | set(full_names), key=len, reverse=True)
    if not words:
        return {}
    alone: Counter[str] = Counter()
    used: Counter[str] = Counter()
    # a surname opening with a particle is capitalised to open a sentence ("Von der Leyen said")
    pattern = rf"(?<![\w\-])(?:{'|'.join(_any_first_case(w) for w in words)})(?![\w\-])"
    not_names = _not_name_words()
    candidates_of = set(words)
    for text in texts:
        for word, before, capital_after in _name_uses(pattern, text):
            if word not in full_names and word not in candidates_of:
                word = word[:1].lower() + word[1:]  # "Von der Leyen" opening a sentence
            used[word] += 1
            joined = capital_after or (before and re.sub(r"[’']s$", "", before) not in c.canonical
                                       and before.lower().rstrip(".") not in not_names)
            if (" " not in word or word[:1].islower()) and not joined:  # a word, or "von der Leyen"
                alone[word] += 1
    claims: dict[str, list[tuple[int, str]]] = {}
    for full, options in candidates.items():
        best = max(options, key=lambda w: (alone[w], w == full.split()[-1]), default=None)
        if best is not None and alone[best] > 0:
            claims.setdefault(best, []).append((used[full], full_names[full]))
    out: dict[str, str] = {}
    for short, claimants in claims.items():
        claimants.sort(reverse=True)
        if len(claimants) == 1 or claimants[0][0] > claimants[1][0] or claimants[0][1] == claimants[1][1]:
            out[short] = claimants[0][1]
            if short[:1].islower():
                out[short[:1].upper() + short[1:]] = claimants[0][1]
    return out


def _any_first_case(word: str) -> str:
    """``word`` as a pattern that also matches it with its first letter capitalised, if lower."""
    if word[:1].islower():
        return f"[{word[0]}{word[0].upper()}]{re.escape(word[1:])}"
    return re.escape(word)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Capitalised words that may stand before a name without being part of it ("President
    Trump", "On Tuesday Trump said")."""
    return (stopwords() | _title_words() | word_list("calendar_words.txt") | word_list("time_nouns.txt")
            | word_list("month_names.txt") | word_list("weekday_names.txt"))


@lru_cache(maxsize=65536)
def _name_uses(pattern: str, text: str) -> tuple[tuple[str, str, bool], ...]:
    """Every use of the names in ``pattern`` (full names first): the name, the capitalised
    word right before it ("" if none), and whether a capitalised word follows ("Kim" in
    "Kim Yong Chol"); remembered per paragraph."""
    uses = []
    for m in re.finditer(pattern, text):
        before = re.search(r"(?:^|\s)([A-Z][\w’'\-]*)\s+$", text[max(0, m.start() - 40):m.start()])
        uses.append((m.group(0), before.group(1) if before else "", bool(re.match(r"\s+[A-Z]", text[m.end():]))))
    return tuple(uses)


@lru_cache(maxsize=65536)
def _leader_phrases(text: str, patterns: tuple[str, str, str]) -> tuple[tuple[str, str], ...]:
    """(country, name) of every "<country> <title> <Name>" phrase; remembered per paragraph."""
    return tuple((m.group("country"), m.group("name"))
                 for pattern in _leader_patterns(*patterns) for m in pattern.finditer(text))


def names_the_forum(text: str, end: int) -> bool:
    """Is the name ending at ``end`` a label of the meeting ("UN climate talks", "NATO summit")?"""
    following = re.match(r"\s+([A-Za-z\-]+)", text[end:])
    return bool(following) and following.group(1).lower() in word_list("forum_nouns.txt")


@lru_cache(maxsize=1)
def _capital_nouns() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in word_list("capital_nouns.txt")) + r")\b")


_CITY_WORD = r"\b[A-Z](?=[\w’'\-]*[a-z])[\w’'\-]*+"  # possessive: no backtracking on long runs
_CLOSES = r"(?=\s*[,.;:)\u2014]|\s*$)"  # the apposition ends here: "Halvik, the Nerethi capital, said"


@lru_cache(maxsize=8)
def _capital_patterns(country: str) -> tuple[re.Pattern[str], ...]:
    nouns = "|".join(re.escape(n) for n in word_list("capital_nouns.txt"))
    city = rf"(?P<city>{_CITY_WORD}(?:\s+{_CITY_WORD})?)"
    place = rf"(?P<country>{country})"
    return (re.compile(rf"{city},\s+(?:the|its)\s+{place}\s+(?:{nouns}){_CLOSES}"),  # Halvik, the Nerethi capital,
            re.compile(rf"\b[Tt]he\s+{place}\s+(?:{nouns}),\s+{city}{_CLOSES}"),  # the Nerethi capital, Halvik,
            re.compile(rf"{place}[’']s?\s+(?:{nouns}),?\s+{city}{_CLOSES}"),  # Nereth's capital, Halvik,
            re.compile(rf"{city},\s+{place}[’']s\s+(?:{nouns}){_CLOSES}"))  # Halvik, Nereth's capital.


def link_capitals(texts: list[str], c: Countries) -> dict[str, str]:
    """City -> country, for cities the text introduces as a country's capital.

    Lists know real capitals ("Tokyo"); a capital they do not know is learned from the
    apposition news copy uses to introduce it ("in Halvik, the Nerethi capital").
    """
    openers = {w for kind in ("connective", "introducer") for w in kinded_lists("clause_openers.txt").get(kind, ())}
    times = word_list("time_nouns.txt") | word_list("calendar_words.txt")
    votes: dict[str, Counter[str]] = {}
    named = _capital_nouns()
    for text in texts:
        if not named.search(text):  # most paragraphs name no capital: skip the costly patterns
            continue
        for pattern in _capital_patterns(c.pattern.pattern):
            for m in pattern.finditer(text):
                nation = c.canonical.get(m.group("country"))
                words = m.group("city").split()
                while words and (words[0].lower() in stopwords() or words[0].lower() in _title_words()
                                 or words[0].lower() in openers or words[0].lower() in times):
                    words.pop(0)  # "In Drevna, the ...", "Meanwhile, the ...", "On Monday, the ..."
                city = " ".join(words)
                if nation is None or not city or city in c.canonical:
                    continue
                votes.setdefault(city, Counter())[nation] += 1
    return {city: v.most_common(1)[0][0] for city, v in votes.items()}


def _named(names: tuple[str, ...], known: dict[str, str], leaders: dict[str, str],
           texts: list[str], acronyms: dict[str, str]) -> dict[str, str]:
    """Name -> party for parties the user named.

    A name the articles use for a country ("US", "japanese", a demonym they taught) is
    that country, and so is a leader's name ("Putin"); any other name ("Lakeland",
    "Hamas") is a party of its own, spelt as the articles spell it with a capital
    ("Labour", not the "labour" of "labour costs"). A name the articles write only in
    lower case or to open a sentence ("government", "the rebels") is a common noun: it is
    that party in either case, headed with a capital. An acronym the articles define ("Equatoria
    Liberation Movement (ELM)") names the same party as the full name, whichever was typed.
    """
    folded = {alias.casefold(): nation for alias, nation in known.items()}
    for name, nation in leaders.items():  # "Ama Orlen", and "Orlen" though the copy never uses it alone
        for form in (name, name.split()[-1]):
            folded.setdefault(form.casefold(), nation)
    out: dict[str, str] = {}
    for name in (" ".join(n.split()) for n in names):
        if not name:
            continue
        if name.lower().startswith("the ") and name.casefold() not in folded:
            name = name[4:].strip()  # "the Government", "the US": the article is no part of the name
        if name.casefold() in folded:
            out[name] = folded[name.casefold()]
            continue
        spelt = _spelling(name, texts)
        if spelt is None:  # a common noun: "rebels", "Rebels" and "REBELS" alike
            low = name.lower()
            party = low[:1].upper() + low[1:]
            out[low] = out[party] = party
            continue
        out[spelt] = spelt
        for full, short in acronyms.items():
            if spelt in (full, short):
                out[full] = out[short] = spelt
    return out


def _spelling(name: str, texts: list[str]) -> str | None:
    """How the articles write ``name`` with a capital inside a sentence (a proper name),
    ``name`` itself if they never write it, or None when they write it only in lower case
    or with the capital of a sentence's first word (a common noun)."""
    pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", re.IGNORECASE)
    capitalised: Counter[str] = Counter()
    common = False
    for text in texts:
        for m in pattern.finditer(text):
            if m.group(0)[:1].isupper() and not _opens_sentence(text, m.start()):
                capitalised[m.group(0)] += 1
            else:
                common = True
    if capitalised:
        return capitalised.most_common(1)[0][0]
    return None if common else name


def _opens_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:"


def find_parties(articles: list[CleanArticle], max_parties: int = MAX_PARTIES,
                 named: tuple[str, ...] = (), found: PartyModel | None = None) -> PartyModel:
    """The parties of the meeting: those ``named`` (by the user), else the most mentioned.

    ``found``, the model of the same articles without names, saves learning their
    countries and leaders again.
    """
    texts_by_article = [_body(ca) for ca in articles]
    texts = [t for ts in texts_by_article for t in ts]
    if found is not None:
        index, leaders, bodies, acronyms = found.countries, found.leaders, found.bodies, found.acronyms
        companies = found.companies
    else:
        acronyms = _acronyms(texts)
        organisations = discover_organisations(texts, acronyms)
        found_companies = discover_companies(texts, {**countries().canonical, **organisations})
        companies = frozenset(found_companies.values()) - frozenset(organisations.values())
        organisations = {**found_companies, **organisations}
        bodies = frozenset(organisations.values())
        index = Countries.of({**organisations, **countries().canonical, **discover_countries(texts)})
        index = Countries.of({**link_capitals(texts, index), **index.canonical})
        leaders = link_leaders(texts, index)
    found_bodies = bodies  # found in the articles, not named by the user
    chosen = _named(named, index.canonical, leaders, texts, acronyms)
    nations = set(index.canonical.values())
    new_names = {n: p for n, p in chosen.items() if p not in nations}  # with "ELM", "government"
    if new_names:  # "President Ama Orlen of Lakeland" now ties Orlen to Lakeland
        index = Countries.of({**index.canonical, **new_names})
        leaders = link_leaders(texts, index)
        bodies = bodies | frozenset(new_names.values())
    model = PartyModel(leaders=leaders, countries=index, bodies=bodies, acronyms=acronyms, companies=companies)
    article_count: Counter[str] = Counter()
    for article_texts in texts_by_article:
        here: set[str] = set()
        for text in article_texts:
            for _, end, nation in model.names_in(text):
                if names_the_forum(text, end):
                    continue
                model.mentions[nation] += 1
                here.add(nation)
        article_count.update(here)
    if chosen:
        model.parties = list(dict.fromkeys(chosen.values()))
        return _with_sole_government(model, found_bodies, texts)
    if not model.mentions:
        return model
    top = model.mentions.most_common(1)[0][1]
    needed = max(1, math.ceil(MIN_ARTICLE_SHARE * len(articles)))
    model.parties = [n for n, k in model.mentions.most_common()
                     if k >= max(2, MIN_SHARE_OF_TOP * top) and article_count[n] >= needed][:max_parties]
    return _with_sole_government(model, found_bodies, texts)


def _with_sole_government(model: PartyModel, found_bodies: frozenset[str], texts: list[str]) -> PartyModel:
    """When one party is a state and the others are bodies the articles name as such
    (``found_bodies``: a company, a rebel movement), "the government" of the copy is
    that state's: "The government wants at least 70% of the jobs" is Veldmark's aim in
    talks with a chipmaker. Not when the user named a party "government" themselves, nor
    a side the list does not know (it may be a state). Likewise, when one party is a
    company the copy names with its legal form, "the company" is that one."""
    at_table = [p for p in model.parties if p in model.companies]
    if len(model.companies) == 1 and len(at_table) == 1 and len(model.parties) > 1:
        model.company = at_table[0]  # "The company says it needs ..." is Vellmar's, if no other company is named
    governments = word_list("government_nouns.txt")
    if any(p.lower() in governments for p in model.parties):
        return model
    states = [p for p in model.parties if p not in found_bodies]
    if len(states) == 1 and len(model.parties) > 1:
        model.government = states[0]
        unclaimed = _unclaimed_office_holders(texts, model)
        model.leaders = {**_short_names(unclaimed, texts, model.countries), **unclaimed, **model.leaders}
    return model


def _unclaimed_office_holders(texts: list[str], model: PartyModel) -> dict[str, str]:
    """Full name -> the sole state, for people the copy gives a state's title ("Prime
    Minister Emil Vasmaa", "Industry Minister Lotte Harkel") but never a country: at a
    table with one state, they hold its offices. Not a name any country claims once
    ("Kestria's economy minister Ilse Brandt", "Minister Ilse Brandt of Kestria")."""
    titles = "|".join(re.escape(t) for t in sorted(kinded_lists("state_offices.txt")["titled"], key=len, reverse=True))
    held = re.compile(rf"(?<![\w\-])(?i:{titles})\s+(?P<name>{_person_name(2)})"
                      rf"(?P<of>\s+of\s+(?:the\s+)?{UPPER}[\w\-]*)?")
    holders: set[str] = set()
    claimed: set[str] = set()
    for text in texts:
        for m in held.finditer(text):
            words = _person_words(m.group("name"))  # "Prime Minister Emil Vasmaa Tuesday"
            name = " ".join(words)
            if len(words) < 2 or name in model.leaders or name in model.countries.canonical:
                continue
            # another state named in this sentence or the one before ("China has objected.
            # Foreign Minister Wang Yi said ...") may be whose office it is
            sentences = re.split(r"(?<=[.!?])\s+", text[:m.start()])
            near = " ".join(sentences[-2:]) + " " + (m.group("of") or "")
            if any(nation != model.government and nation not in model.bodies
                   for _, _, nation in model.names_in(near)):
                claimed.add(name)
            else:
                holders.add(name)
    return {name: model.government for name in sorted(holders - claimed) if model.government}


def leans_on_context(text: str) -> bool:
    """True when the subject points back to an earlier sentence ("However, he will ...",
    "At the top of its list is ...").

    The pointers are those of :mod:`briefing.discourse`; only the opening connectives and
    phrases are dropped here first.
    """
    return opens_with_anaphor(strip_opening(text)) or owner_is_before(text)


def pronoun_after_opening(text: str) -> bool:
    """Is the subject a pronoun standing after an opening phrase ("Above all, it wants ...",
    "Furthermore, he will ...")? Then only an earlier sentence says who. Not when the
    opening names someone, whom the pronoun may stand for ("When Biden and Xi last met,
    they agreed ..."), and not for "It ..." alone (:func:`briefing.discourse.refers_back`)."""
    body = text.lstrip("“\"‘' ")
    rest = strip_opening(text)
    if len(rest) >= len(body):
        return False
    calendar = word_list("weekday_names.txt") | word_list("month_names.txt")
    opening = body[:len(body) - len(rest)].split()
    if any(w[:1].isupper() and w.strip(",.").lower() not in calendar for w in opening[1:]):
        return False  # "In July, they agreed" still points back
    first = _WORD.match(rest)
    if not first or first.group(0).lower() not in personal_pronouns():
        return False
    speech = kinded_lists("reported_speech.txt")
    low = rest.lower()
    impersonal = opening_pattern("reported_speech.txt", "impersonal")
    if impersonal and impersonal.match(low):
        return False  # "Still, it seems ..." is no one
    copula = opening_pattern("reported_speech.txt", "impersonal_copula")
    found = copula.match(low) if copula else None
    following = low[found.end():].split()[:3] if found else []
    return not any(w in speech["impersonal_complement"] for w in following)


def speaker_is_pronoun(text: str) -> bool:
    """True when a pronoun says what follows ("She said China wanted ..."): a party heading
    over the point names whose aim it is, not who "she" is."""
    reported = _reported_clause(strip_opening(text))
    if reported is None:
        return False
    reporter = reported[0].lstrip("“\"‘' ").lower()
    speech = kinded_lists("reported_speech.txt")
    if any(reporter.startswith(p) for p in speech["impersonal"] + speech["impersonal_copula"]):
        return False  # "It is likely that China ...": this "it" is no one
    opening = _WORD.match(reporter)
    return bool(opening) and opening.group(0) in personal_pronouns()


_COORDINATION = re.compile(r"[\s,]*(?:(?:and|or|as well as|nor|&)\b)?[\s,]*", re.IGNORECASE)


REPORTER_WORDS = 10  # "Two people familiar with the preparations said ..."
_WORD = re.compile(r"[\w’'.\-]+")


def _reported_clause(clause: str) -> tuple[str, str | None] | None:
    """Reporter and report of "Analysts say Tokyo ...", "Officials pointed out that
    Washington ...", "It is likely that Chile ...", or None.

    The report counts only when it opens with a name ("Sereth is prepared ...", "the EU
    might ..."): a pronoun, a condition or a gerund ("he wants ...", "if Kim moved ...",
    "normalizing relations with ...") has its subject elsewhere.
    """
    speech = kinded_lists("reported_speech.txt")
    low = clause.lower()
    impersonal = opening_pattern("reported_speech.txt", "impersonal", "impersonal_copula")
    found = impersonal.match(low) if impersonal else None
    opening = found.group(0) if found else None
    if opening:
        rest = list(_WORD.finditer(clause, len(opening)))
        if opening in speech["impersonal_copula"]:
            that = next((j for j, w in enumerate(rest[:3]) if w.group(0).lower() in speech["complementizer"]), None)
            if that is None or any(w.group(0).lower().endswith("ing") for w in rest[:that]):
                return None  # "It is demanding that ...": "it" is someone
            rest = rest[that:]
        return clause[:len(opening)], _report(clause, rest, speech)
    # "Deng, who leads the government delegation, said Juba wanted ...": an aside does not
    # count towards the reporter's words
    asides = [m.span() for m in subject_aside().finditer(clause)] if subject_aside() else []
    words = [w for w in _WORD.finditer(clause) if not any(a <= w.start() < b for a, b in asides)][:REPORTER_WORDS]
    for i, m in enumerate(words[1:], start=1):
        following = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
        if m.group(0).lower() not in speech["verb"] or following in speech["verb"]:
            continue  # "Press reports said ...": the noun before the verb
        return clause[:m.start()], _report(clause, list(_WORD.finditer(clause, m.end())), speech)
    return None


def _report(clause: str, rest: list[re.Match[str]], speech: dict[str, tuple[str, ...]]) -> str | None:
    """The report after its verb, from its subject on, if that subject is a name."""
    if rest and rest[0].group(0).lower() in speech["particle"]:  # "pointed out that"
        rest = rest[1:]
    that = next((j for j, w in enumerate(rest[:4]) if w.group(0).lower() in speech["complementizer"]), None)
    if that is not None:
        rest = rest[that + 1:]
    if rest and rest[0].group(0).lower() in speech["determiner"]:
        # "Officials say the government could offer ...": a noun that names a side
        side_nouns = word_list("government_nouns.txt") | word_list("company_nouns.txt")
        if len(rest) > 1 and rest[1].group(0).lower() in side_nouns:
            return clause[rest[0].start():]
        rest = rest[1:]
    return clause[rest[0].start():] if rest and rest[0].group(0)[:1].isupper() else None


def subject_party(text: str, model: PartyModel) -> str | None:
    """The party named first in the subject of ``text``, or None.

    A second party in the subject makes it None only when the two are joined ("Both
    Norway and Chile want ..."); one named after a verb is the object ("Washington also
    wants China to curb ..."; "The union wants Karvenia to ..." has no party). When the
    subject reports ("Diplomats say the government could ..."), the party is the
    reporter's, or else that of the report's subject.
    """
    if not model.parties:
        return None
    seen_by = _perspective_party(text, model)
    if seen_by is not None:  # "For Beijing, Chile's offer falls short" is China's view, no side's
        return seen_by if seen_by in model.parties else None
    clause = strip_opening(text)
    reported = _reported_clause(clause)
    if reported is None:
        return _clause_party(clause, model)
    reporter, report = reported
    party = _clause_party(reporter, model)
    if party is None and report:
        party = _clause_party(report, model)
    return party


def _perspective_party(text: str, model: PartyModel) -> str | None:
    """The party of an opening "For Riyadh," or "For the Japanese,": the sentence says what
    the matter is to that party ("For Riyadh, the priority is a firm American security
    guarantee"), whoever its subject names. None when the phrase is more than a party's name."""
    opening = re.match(r"\s*[“\"‘']?(\w+)\s+(?:the\s+)?([^,;:]{2,60}),", text)
    if not opening or opening.group(1).lower() not in kinded_lists("clause_openers.txt").get("perspective", ()):
        return None
    who = opening.group(2)
    names = model.names_in(who)
    if len(names) != 1:
        return None
    start, end, party = names[0]
    return party if start == 0 and not who[end:].strip(" ’'s") else None


def _clause_party(clause: str, model: PartyModel) -> str | None:
    """The party named first in the subject of one clause (see :func:`subject_party`)."""
    opening = _WORD.match(clause.lstrip("“\"‘' "))
    if opening and opening.group(0).lower() in personal_pronouns():
        return None  # "It wants Kesmar to ...": the subject is whoever "it" is, not Kesmar
    stop = stopwords()
    titles = _title_words()
    enders = kinded_lists("subject_enders.txt")["verb"]
    names = model.names_in(clause)
    seen: list[tuple[int, int, str]] = []
    content = 0
    words = list(_WORD.finditer(clause))
    for i, m in enumerate(words):
        word = m.group(0).lower().strip(".")
        if word in enders and not seen and i > 0 and _names_next(words[i + 1:i + 5], names):
            break  # "The union wants Karvenia to ...": a party right after the verb is its object
        word = re.sub(r"[’']s$", "", word)
        inside = [s for s, e, _ in names if s <= m.start() < e]
        if (word in stop or word in titles) and not inside:
            continue  # but "cabinet" in "the cabinet" (a government) is no title's word, nor "US" the pronoun "us"
        if inside and m.start() not in inside:
            continue  # "of Korea" in "the Republic of Korea": a name counts once, at its first word
        content += 1
        if content > SUBJECT_WORDS:
            break
        seen += [n for n in names if n[0] <= m.start() < n[1] and n not in seen]
    # "Kandoria's Tarsel Liberation Front ...": the body owned is the one who acts (but
    # "Ukraine's Russian-speaking regions" are Ukraine's)
    seen = [n for n, after in zip(seen, seen[1:] + [None])
            if not (after and after[2] in model.bodies and _POSSESSED.fullmatch(clause[n[1]:after[0]]))]
    if not seen:
        return None
    first = seen[0]
    for start, _, nation in seen[1:]:
        if nation != first[2] and _COORDINATION.fullmatch(clause[first[1]:start]):
            return None
    return first[2] if first[2] in model.parties else None


def _names_next(following: list[re.Match[str]], names: list[tuple[int, int, str]]) -> bool:
    """True when the next word starts a name, after any adverb, "that" or article ("also
    wants Karvenia", "is demanding that the Karvenian army ...")."""
    adverbs = kinded_lists("subject_enders.txt")["adverb"]
    speech = kinded_lists("reported_speech.txt")
    skipped = set(adverbs) | set(speech["complementizer"]) | set(speech["determiner"])
    while len(following) > 1 and following[0].group(0).lower() in skipped:
        following = following[1:]
    return bool(following) and any(start == following[0].start() for start, _, _ in names)


def attribute_points(sections: list[Section], model: PartyModel,
                     previous: Mapping[str, str | Sequence[str]] | None = None,
                     completing: Collection[str] = ()) -> None:
    """Set ``Point.party`` on the points whose subject is one party (see :func:`grouped_by_party`).

    "It also wants ..." names no one: its party is the subject of the sentence before it
    (``previous`` maps a point's text to that sentence, or to the sentences before it,
    nearest first), so the reader still sees whose aim it is. When that sentence points
    back too ("Tehran wants ... It says that must happen first. It also wants ..."), the
    one before it is asked. So is it for the texts in ``completing``, list items that
    finish the line before them ("Vellmar is prepared to:" then "- build a smelter ...,
    provided the government ..."): their subject is in that line, never in the item.
    """
    previous = previous or {}
    for section in sections:
        for point in section.points:
            if point.party is not None:
                continue
            item = point.text in completing
            # an item's subject is in the line before it, unless it is a sentence of its own
            # ("- Kestrania will guarantee the power supply.")
            if not item or point.text[:1].isupper():
                point.party = subject_party(point.text, model)
            if point.party is not None or not (item or leans_on_context(point.text)):
                continue
            before = previous.get(point.text) or ()
            for text in (before,) if isinstance(before, str) else before:
                point.party = subject_party(text, model)
                if point.party is not None or not leans_on_context(text):
                    break
