"""The user's edits to a briefing, kept as plain data apart from any one build.

A build is thrown away and redone whenever the articles change; what the user decided
(drop this point, keep that one, move a third to another section, a better title) must
not be thrown away with it. :func:`apply_edits` lays the decisions over a fresh build.
Points are recognised by :func:`point_key` (their wording, ignoring case, quotes,
spacing and punctuation), sources by :func:`source_key` (file path, else link, else
the text's digest), since article numbers change between builds.
"""
from __future__ import annotations

import copy
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .model import Briefing, Point, Section, Source
from .parties import grouped_by_party

EDITS_VERSION = 1


def point_key(text: str) -> str:
    """The identity of a point: its words, ignoring case, quotes, spacing and punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def source_key(source: Source) -> str:
    """The identity of a source across builds (its article number is not).

    Pasted text has neither path nor link; its digest, not its title, tells two pastes
    with one title apart, so a pin never comes back citing the other one.
    """
    if source.path:
        return f"path:{source.path}"
    if source.url:
        return f"url:{source.url}"
    if source.content_hash:
        return f"text:{source.content_hash}"
    return f"title:{source.title}"


def _ids_by_key(sources: list[Source]) -> dict[str, str]:
    """Source key -> article number; pins saved before digests were kept find pasted text by title."""
    ids = {source_key(s): s.id for s in sources}
    for s in sources:
        if not s.path and not s.url:
            ids.setdefault(f"title:{s.title}", s.id)
    return ids


@dataclass
class PinnedPoint:
    """A point the user wants kept, with enough to put it back if a new build did not choose it."""

    text: str
    section: str
    sources: list[str]  # source keys with this exact wording
    related: list[str] = field(default_factory=list)  # source keys reporting it in other words
    score: float = 0.0
    party: str | None = None
    lead_in: str | None = None  # the sentence before, when the point leans on it ("These may include ...")
    lead_in_says_who: bool = False  # see Point.lead_in_says_who


@dataclass
class Edits:
    """Everything the user changed by hand; empty means "the briefing as built"."""

    dropped: dict[str, str] = field(default_factory=dict)  # point key -> wording, for "restore"
    pinned: dict[str, PinnedPoint] = field(default_factory=dict)  # point key -> point
    moved: dict[str, str] = field(default_factory=dict)  # point key -> section key
    # point key -> whose point it is; "" when the user said it is no one party's
    party_of: dict[str, str] = field(default_factory=dict)
    parties: list[str] | None = None  # the parties as the user typed them, for the build; None: as found
    title: str | None = None
    event: str | None = None
    words_per_section: int | None = None
    template: str | None = None
    marking: str | None = None

    # -- changes -------------------------------------------------------------------------
    def drop(self, text: str) -> None:
        key = point_key(text)
        self.pinned.pop(key, None)
        self.dropped[key] = text

    def restore(self, text_or_key: str) -> None:
        """Undo a drop."""
        self.dropped.pop(text_or_key, None)
        self.dropped.pop(point_key(text_or_key), None)

    def pin(self, point: Point, section: str, briefing: Briefing) -> None:
        """Keep ``point`` (currently in ``section`` of ``briefing``) through every rebuild."""
        key = point_key(point.text)
        self.dropped.pop(key, None)
        self.pinned[key] = PinnedPoint(
            text=point.text, section=section,
            sources=[source_key(briefing.source(i)) for i in point.sources if _has_source(briefing, i)],
            related=[source_key(briefing.source(i)) for i in point.related if _has_source(briefing, i)],
            score=point.score, party=point.party,
            lead_in=point.lead_in, lead_in_says_who=point.lead_in_says_who)

    def unpin(self, text: str) -> None:
        self.pinned.pop(point_key(text), None)

    def is_pinned(self, text: str) -> bool:
        return point_key(text) in self.pinned

    def move(self, text: str, section: str) -> None:
        key = point_key(text)
        self.moved[key] = section
        if key in self.pinned:
            self.pinned[key].section = section

    def set_party(self, text: str, party: str | None) -> None:
        """Say whose point this is (``None``: no one party's), through every rebuild."""
        key = point_key(text)
        self.party_of[key] = party or ""
        if key in self.pinned:
            self.pinned[key].party = party or None

    def with_points_of(self, other: "Edits") -> "Edits":
        """A copy of these edits with ``other``'s decisions about points.

        Undo steps back through drops, pins, moves and party changes only: the title,
        parties and length typed since belong to their own fields, and undoing a point
        must not undo them.
        """
        out = copy.deepcopy(self)
        out.dropped, out.pinned, out.moved, out.party_of = (
            copy.deepcopy(other.dropped), copy.deepcopy(other.pinned), copy.deepcopy(other.moved),
            copy.deepcopy(other.party_of))
        return out

    @property
    def is_empty(self) -> bool:
        return self == Edits()

    # -- JSON ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = EDITS_VERSION
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @classmethod
    def from_dict(cls, data: Any) -> "Edits":
        """Read edits written by :meth:`to_dict`; raises ``ValueError`` saying what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("edits must be a JSON object")
        version = data.get("version", EDITS_VERSION)
        if not isinstance(version, int) or version > EDITS_VERSION:
            raise ValueError(f"edits were written by a newer version (format {version})")
        dropped = _str_dict(data.get("dropped", {}), "dropped")
        moved = _str_dict(data.get("moved", {}), "moved")
        party_of = _str_dict(data.get("party_of", {}), "party_of")
        parties = data.get("parties")
        if parties is not None:
            parties = _str_list(parties, "parties")
        pinned_raw = data.get("pinned", {})
        if not isinstance(pinned_raw, dict):
            raise ValueError("'pinned' must be an object")
        pinned = {}
        for key, p in pinned_raw.items():
            if not isinstance(p, dict) or not isinstance(p.get("text"), str) or not isinstance(p.get("section"), str):
                raise ValueError(f"pinned point {key!r} has no text or section")
            score = p.get("score", 0.0)
            if not isinstance(score, (int, float)) or isinstance(score, bool):
                raise ValueError(f"pinned point {key!r} has a score that is not a number")
            pinned[key] = PinnedPoint(text=p["text"], section=p["section"],
                                      sources=_str_list(p.get("sources", []), "sources"),
                                      related=_str_list(p.get("related", []), "related"), score=float(score),
                                      party=_opt_str(p.get("party"), "party"),
                                      # older files kept only the lead-in as shown, as "context"
                                      lead_in=_opt_str(p.get("lead_in", p.get("context")), "lead_in"),
                                      lead_in_says_who=p.get("lead_in_says_who") is True)
        words = data.get("words_per_section")
        if words is not None and (not isinstance(words, int) or isinstance(words, bool) or words < 10):
            raise ValueError(f"'words_per_section' must be a whole number of at least 10, not {words!r}")
        return cls(dropped=dropped, pinned=pinned, moved=moved, party_of=party_of, parties=parties,
                   words_per_section=words,
                   **{k: _opt_str(data.get(k), k) for k in ("title", "event", "template", "marking")})

    @classmethod
    def from_json(cls, text: str) -> "Edits":
        return cls.from_dict(json.loads(text))


def shown_lead_in(point: Point, grouped: bool) -> str | None:
    """The point's lead-in unless the heading it is listed under says who "it" is."""
    if point.lead_in_says_who and point.party and grouped:
        return None
    return point.lead_in


def settle_lead_ins(section: Section) -> None:
    """Set what each point shows of its lead-in where it now stands.

    Decided again after every edit: a point moved to Risks, or set to no party, loses
    the heading that said who "it" is and needs its lead-in back. A lead-in that is
    itself a point listed with it (under the same heading) is not said twice: the point
    is put right after it ("Orvane is seeking grants ..." then "It also wants an
    exemption ..."), since far from it "it" would be read as whoever came just before.
    That holds until the lead-in point is dropped or listed elsewhere. Items of one
    bulleted list ("Vellmar is prepared to:" then "build ..." and "pay ...") are listed
    together, the line they finish shown once, before the first.
    """
    grouped = grouped_by_party(section.key)

    def group(point: Point) -> str | None:
        return point.party if grouped else None

    listed = {(group(p), point_key(p.text)): p for p in section.points}
    followers: dict[int, list[Point]] = {}
    leading: list[Point] = []
    first_item: dict[tuple[str | None, str], Point] = {}
    for point in section.points:
        # also when the heading says who "it" is: "It also insists ..." after another of
        # the side's points would be read as that point's subject
        lead = listed.get((group(point), point_key(point.lead_in))) if point.lead_in else None
        if lead is None and point.finishes_lead_in:  # items of one list: together, the line said once
            lead = first_item.setdefault((group(point), point_key(point.lead_in or "")), point)
        if lead is not None and lead is not point:
            followers.setdefault(id(lead), []).append(point)
        else:
            leading.append(point)

    ordered: list[Point] = []
    placed: set[int] = set()
    for start in leading + section.points:  # then any pair leaning on each other (two articles' orders)
        stack = [start]
        while stack:
            point = stack.pop()
            if id(point) not in placed:
                placed.add(id(point))
                ordered.append(point)
                stack.extend(reversed(followers.get(id(point), [])))
    section.points = ordered
    before: dict[str | None, Point] = {}
    for point in section.points:
        lead_in = shown_lead_in(point, grouped)
        previous = before.get(group(point))
        said_just_before = previous is not None and (
            point_key(previous.text) == point_key(lead_in or "")
            or (point.finishes_lead_in and point_key(previous.lead_in or "") == point_key(point.lead_in or "")))
        point.context = None if said_just_before else lead_in
        before[group(point)] = point


def _has_source(briefing: Briefing, source_id: str) -> bool:
    return any(s.id == source_id for s in briefing.sources)


def _str_dict(value: Any, name: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError(f"'{name}' must map text to text")
    return dict(value)


def _str_list(value: Any, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{name}' must be a list of text")
    return list(value)


def _opt_str(value: Any, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"'{name}' must be text")
    return value


def party_list(text: str) -> list[str]:
    """Parties typed as one line ("Japan, United States; South Korea"), each once, in order."""
    out: list[str] = []
    for name in re.split(r"[,;\n]", text):
        name = " ".join(name.split())
        if name and name.casefold() not in {n.casefold() for n in out}:
            out.append(name)
    return out


def _set_point_parties(out: Briefing, edits: Edits) -> None:
    """A point the user gave a party (or none) has it, if the briefing has that party.

    The parties themselves are the build's: parties the user typed (``edits.parties``)
    are passed to the build, which finds each one's names and points.
    """
    listed = {n.casefold(): n for n in out.parties}
    for section in out.sections:
        for point in section.points:
            chosen = edits.party_of.get(point_key(point.text))
            if chosen is not None:
                point.party = listed.get(chosen.casefold()) if chosen else None


def _words(points: list[Point]) -> int:
    return sum(len(p.text.split()) for p in points)


def apply_edits(briefing: Briefing, edits: Edits) -> Briefing:
    """A copy of ``briefing`` with the user's edits laid over it.

    Dropped points stay out; moved points go to their new section; a point the user gave
    a party (or none) has it; pinned points are kept, and put back if this build did not
    choose them (citing whichever of their sources are still in the briefing; a pin whose
    sources are all gone waits until one returns). A section that a put-back pin takes over
    its word budget gives up its weakest points that the user did not pin or move.
    """
    # Only sections and points change; sources, figures and quotes are only read, so the
    # copy shares them (deep-copying 500 sources cost each refill of the window 20 ms).
    out = replace(briefing, sections=copy.deepcopy(briefing.sections), sources=list(briefing.sources),
                  figures=list(briefing.figures), quotes=list(briefing.quotes), parties=list(briefing.parties))
    sections = {s.key: s for s in out.sections}
    id_of = _ids_by_key(out.sources)
    budget = edits.words_per_section or out.words_per_section

    placed: dict[str, list[Point]] = {k: [] for k in sections}
    present: set[str] = set()
    for section in out.sections:
        for point in section.points:
            key = point_key(point.text)
            if key in edits.dropped or key in present:
                continue
            present.add(key)
            target = edits.moved.get(key, section.key)
            point.pinned = key in edits.pinned
            placed[target if target in sections else section.key].append(point)

    refilled: set[str] = set()
    for key, pin in edits.pinned.items():
        if key in present or key in edits.dropped:
            continue
        target = edits.moved.get(key, pin.section)
        cited = [id_of[s] for s in pin.sources if s in id_of]
        if target not in sections or not cited:
            continue
        related = [id_of[s] for s in pin.related if s in id_of and id_of[s] not in cited]
        placed[target].append(Point(text=pin.text, sources=cited, related=related, score=pin.score,
                                    party=pin.party, pinned=True,
                                    lead_in=pin.lead_in, lead_in_says_who=pin.lead_in_says_who))
        present.add(key)
        refilled.add(target)

    for key in refilled:
        points = placed[key]
        while _words(points) > budget:
            spare = [p for p in points if not p.pinned and point_key(p.text) not in edits.moved]
            if not spare:
                break
            points.remove(min(spare, key=lambda p: p.score))
        points.sort(key=lambda p: -p.score)

    for section in out.sections:
        section.points = placed[section.key]
    _set_point_parties(out, edits)
    for section in out.sections:  # after the parties: a point set to no party needs its lead-in back
        settle_lead_ins(section)
    if edits.title and edits.title.strip():
        out.title = edits.title.strip()
    if edits.event is not None:
        out.event = edits.event.strip()
    if edits.marking is not None:
        out.marking = edits.marking.strip() or None
    out.words_per_section = budget
    return out
