"""Round 17 of language identification (languages_dev16, 2026-12-06), by kind of miss, on
sentences written for these tests (not rows of any set), and English look-alikes that must stay
English, some made up to share the new marker words."""
import pytest

from languages.urgent import languages_with_urgent_words
from tests.support.languages import language_of


@pytest.mark.parametrize("text, code", [
    # Roman Hindi or Urdu: a goodbye ("I won't be here"), take care, anger, for myself
    ("sabko bye bolna, main nahi rahungi kal se", "ur"), ("ammi ka khayal rakhna, main ja rahi hoon", "ur"),
    ("mujhe bahut gussa aata hai, apne liye help chahiye", "ur"),
    # Amharic in Latin letters: very, I want, myself
    ("betam azenalehu, erdata efeligalehu", "am"),
    # Roman Nepali: years old, I live, no friend
    ("ma 15 barsa ko hu, Margate ma baschu", "ne"),
])
def test_round_seventeen_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text, code, urgent_class", [
    ("sabko bye, ab main nahi rahunga", "ur", "crisis_suicidal"),
    ("gussa aata hai toh khud ko maarta hoon, sar patakta hoon", "ur", "crisis_self_harm"),
    ("do ladke school se follow kar rahe hain, dhamki de rahe hain", "ur", "crisis_danger"),
    ("betam dekemegn, rasen megdel efeligalehu", "am", "crisis_suicidal"),
])
def test_round_seventeen_urgent_words(text, code, urgent_class):
    terms = languages_with_urgent_words(text).get(code) or []
    assert urgent_class in {t.urgent_class for t in terms}


@pytest.mark.parametrize("text", [
    # English words and names the new markers sit beside
    "bye everyone, see you at sabko", "i betam 5 quid lol", "my mate rasen", "sathi is my friend's name",
    "the barsa ko match was good",
])
def test_round_seventeen_english_stays_english(text):
    assert language_of(text) is None
