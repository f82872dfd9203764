from briefing.lexicon import stopwords
from briefing.tokens import concept_set, content_stem_set, stem


def test_stems_only_remove_inflections():
    assert stem("hopes") == stem("hoped") == stem("hoping") == stem("hope")
    assert stem("critical") != stem("critics")
    assert stem("investment") != stem("invest")


def test_figures_are_concepts_for_selection_but_not_for_dedup():
    text = "A $750 million bond payment falls due on July 14."
    assert {"750", "14"} <= concept_set(text, stopwords())
    assert not {"750", "14"} & content_stem_set(text, stopwords())
    assert content_stem_set(text, stopwords()) <= concept_set(text, stopwords())
