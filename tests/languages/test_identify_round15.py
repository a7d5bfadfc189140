"""Round 15 of language identification (languages_dev14, 2026-12-06), by kind of miss, on
sentences written for these tests (not rows of any set), and English look-alikes that must stay
English, some made up to share the new marker words."""
import pytest

from languages.urgent import lexicon, urgent_in
from tests.support.languages import language_of


@pytest.mark.parametrize("text, code", [
    # Albanian: I live in (jetoj ne), years old as typed (vjece), exams, I'll try it
    ("jetoj ne Margate me mamin", "sq"),
    ("djali eshte 9 vjece", "sq"),
    ("kam frike nga provimet", "sq"),
    ("ok, e provoj neser", "sq"),
    # Lithuanian: I live (gyvenu)
    ("gyvenu Chatham su mama", "lt"),
    ("esu 16 ir gyvenu Southende", "lt"),
])
def test_round_fifteen_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text, code, urgent_class", [
    # Spanish: cut again, with words between "me" and the verb
    ("ayer me he vuelto a cortar las piernas", "es", "crisis_self_harm"),
    ("he vuelto a cortarme", "es", "crisis_self_harm"),
    # Albanian: to cut oneself, and "pritem" (also "I am expected") beside a razor blade
    ("dua me pre veten", "sq", "crisis_self_harm"),
    ("prap po pritem me zhilet", "sq", "crisis_self_harm"),
])
def test_round_fifteen_urgent_words(text, code, urgent_class):
    assert language_of(text) == code
    assert urgent_in(text, code) == urgent_class


@pytest.mark.parametrize("text", [
    # English words and names the new markers sit beside
    "provo", "jet", "I provoked him", "pritt stick", "the gym was packed", "jet lag",
    "i live in gillingham", "im 13 and i live in grays",
])
def test_round_fifteen_english_stays_english(text):
    assert language_of(text) is None


def test_the_urgent_words_of_round_fifteen_are_in_the_lexicon():
    # safety/other_languages.yml: the round's words beside the earlier ones (awaiting review)
    assert {"vuelto a cortar", "he vuelto a cort"} <= {t.text for t in lexicon()["es"]}
    assert "me pre veten" in {t.text for t in lexicon()["sq"]}
    # "pritem" and "u prita" also mean being expected or welcomed: never urgent words alone.
    assert not {"po pritem", "u prita", "pritem me"} & {t.text for t in lexicon()["sq"]}


@pytest.mark.parametrize("text, code", [
    # The independent review of round 15: an everyday object after a term (a haircut), and
    # Albanian being expected or welcomed.
    ("me he vuelto a cortar el pelo", "es"), ("manana me corto el pelo", "es"),
    ("me corto las unas", "es"), ("u prita shume mire ne shkollen e re", "sq"),
    ("une po pritem nga shoqet te dielen", "sq"),
])
def test_everyday_cutting_and_being_expected_are_not_urgent(text, code):
    assert urgent_in(text, code) is None


def test_a_term_with_no_everyday_object_after_it_stays_urgent():
    assert urgent_in("me corto el pelo y despues me corto los brazos", "es") == "crisis_self_harm"
    assert urgent_in("me he vuelto a cortar las piernas", "es") == "crisis_self_harm"
