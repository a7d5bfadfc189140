import pytest

from safety.lexicon import load_lexicon
from safety.matcher import SafetyMatcher
from safety.patterns import PatternError, compile_pattern, regular_forms

LEXICON = load_lexicon()


def matches(pattern: str, text: str) -> list:
    from spacy.matcher import Matcher

    m = SafetyMatcher()
    matcher = Matcher(m.nlp.vocab)
    matcher.add("p", compile_pattern(pattern, LEXICON))
    doc = m.doc(text)
    return [doc[s:e].text for _, s, e in matcher(doc)]


def test_lemma_forms_and_classes():
    assert "took" in matches("<take> @medicine", "i took tablets")[0]
    assert matches("<kill> @selfish", "killing myself") == ["killing myself"]


def test_gap_and_optional_words():
    assert matches("<take> ?... @medicine", "took all her mums pills") == ["took all her mums pills"]
    assert matches("want ?to die", "want die") == ["want die"]


def test_numbers_inside_alternatives():
    assert matches("took #num|some pills", "took 6 pills") == ["took 6 pills"]
    assert matches("took #num|some pills", "took some pills") == ["took some pills"]


def test_texting_forms_are_normalised():
    assert matches("not <want> to live", "i dont wanna live") == ["nt wanna live"] or \
        matches("not <want> to live", "i dont want to live") == ["nt want to live"]
    assert matches("i am", "im") == ["im"] or matches("i am", "im")


def test_regular_inflections():
    assert {"hold", "holds", "holding"} <= set(regular_forms("hold"))
    assert {"stab", "stabbed", "stabbing"} <= set(regular_forms("stab"))


def test_bad_patterns_are_rejected():
    with pytest.raises(PatternError):
        compile_pattern("?maybe ?...", LEXICON)
    with pytest.raises(PatternError):
        compile_pattern("@no_such_class", LEXICON)


def test_the_whole_lexicon_compiles_and_its_words_are_strings():
    from safety.lexicon import TIERS
    from safety.patterns import compile_all

    SafetyMatcher()  # compiles everything, or raises
    total = sum(len(compile_all(LEXICON.urgent[c][t], LEXICON)) for c in LEXICON.urgent for t in TIERS)
    assert total > 500
    assert all(isinstance(w, str) for w in LEXICON.negation + LEXICON.laughter)
