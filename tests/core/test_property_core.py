"""Properties of the core on any text: no exception, and every point is verbatim in the source it cites."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.formats import LoadError
from briefing.load import article_from_text
from briefing.pipeline import build_briefing
from briefing.render_docx import build_document
from briefing.tokens import normalize_for_match

ANY_CHAR = st.characters(exclude_categories=())  # surrogates and controls included
ANY_TEXT = st.text(ANY_CHAR, max_size=400)

# Words that make sentences the aspect cues pick up, so that points are actually chosen.
WORDS = ["the", "delegation", "wants", "seeks", "may", "offer", "could", "collapse", "risk", "talks", "deal",
         "tariffs", "quotas", "minister", "said", "concessions", "aims", "to", "secure", "warned", "fail",
         "agreement", "in", "exchange", "for", "access", "ports", "dispute", "sanctions", "Dr.", "U.S.", "“", "”",
         "—", "'s", "(Reuters)", "TOKYO", "5%", "$3 billion", "é", "ß", "会談", "مفاوضات", "\u200b", "\u00ad", "\t"]
SEPARATORS = [" "] * 12 + ["  ", "\n", "\r\n", "\n\n", ". ", "? ", "! ", ".” ", "… ", "; ", ": ", "\u2028", "\x85"]


@st.composite
def article_like(draw) -> str:
    """Text shaped like an article, with noise: points are chosen from it, so the verbatim check bites."""
    parts: list[str] = []
    word = st.sampled_from(WORDS)
    noise = st.text(ANY_CHAR, min_size=1, max_size=6)
    for _ in range(draw(st.integers(3, 12))):  # sentences
        n = draw(st.integers(2, 25))
        words = draw(st.lists(st.one_of(word, word, word, word, noise), min_size=n, max_size=n))
        seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=n, max_size=n))
        parts.append("".join(w + s for w, s in zip(words, seps)))
        parts.append(draw(st.sampled_from([". ", ".\n", ".\n\n", "?\n", " ", "\n"])))
    return "".join(parts)


def check_points_are_verbatim(articles) -> None:
    result = build_briefing(articles)
    # A copy left out closes its gap in the numbering: cite ids are the renumbered ones.
    by_id = {result.renumbered.get(a.id, a.id): normalize_for_match(a.text) for a in articles}
    for section in result.briefing.sections:
        for point in section.points:
            assert point.sources, point
            for sid in point.sources:
                assert normalize_for_match(point.text) in by_id[sid], (point.text, sid)
    build_document(result.briefing)  # every string is valid in a Word document


def articles_from(texts: list[str]):
    out = []
    for i, text in enumerate(texts, 1):
        try:
            out.append(article_from_text(text, source_id=str(i)))
        except LoadError:
            continue
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_any_unicode_text_builds_without_exception(texts):
    check_points_are_verbatim(articles_from(texts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(article_like(), min_size=1, max_size=3))
def test_points_from_article_like_text_are_verbatim_in_their_source(texts):
    check_points_are_verbatim(articles_from(texts))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_give_a_reason(data):
    from briefing.formats.text import decode_bytes

    try:
        text = decode_bytes(data)
    except LoadError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str)
