"""Round 16 of language identification (languages_dev15, 2026-12-06), by kind of miss, on
sentences written for these tests (not rows of any set), and English look-alikes that must stay
English, some made up to share the new marker words."""
import pytest

from tests.support.languages import language_of


@pytest.mark.parametrize("text, code", [
    # Spanish of Spain (vosotros) and what time you open
    ("hablais ingles o espanol?", "es"), ("a que hora abren mañana", "es"), ("buenass, una pregunta", "es"),
    # Lithuanian: hi, when are you open
    ("labukas, man reikia pagalbos", "lt"), ("kada jus dirbate?", "lt"),
    # Albanian: good evening as typed, until when are you open
    ("mirembrema, kam nje pyetje", "sq"), ("deri ne sa jeni hapur sot?", "sq"),
    # Portuguese: do you speak Portuguese
    ("voces falam portugues?", "pt"),
    # Kurmanji: a man with a knife at the door, years old, can't sleep
    ("zilamek li ber derî ye", "kmr"), ("kurê min 10 salî ye", "kmr"),
])
def test_round_sixteen_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text", [
    # English words and names the new markers sit beside
    "the ber was closed", "li is my mate", "my mate zilan", "isc exam tomorrow",
    "falmouth is nice", "i went to portugal", "what time do they open", "im from leeds",
    "i had a buenas time lol",
])
def test_round_sixteen_english_stays_english(text):
    assert language_of(text) is None
