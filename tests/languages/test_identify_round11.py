"""Round 11 of language identification (languages_dev10, 2026-12-05), by kind of miss, on
sentences written for these tests (not rows of any set), and English look-alikes that must stay
English."""
import pytest

from languages.urgent import urgent_in
from tests.support.languages import language_of


@pytest.mark.parametrize("text, code", [
    # chat spellings as typed on a phone: Roman Urdu, Banglish, Spanish, Vietnamese without tones
    ("mje samajh ni ata kia kru", "ur"),
    ("bht pareshan hun kr rha hun kuch", "ur"),
    ("ami khub tired kichu bhalo lage na", "bn"),
    ("tumi kemon acho", "bn"),
    ("tengo miedo xq no duermo", "es"),
    ("e bi lo au qua", "vi"),
    # clipped forms and colloquial words
    ("reik pagalbos labai", "lt"),
    ("une kam ankth sonte", "sq"),
    ("tsk ederim abla", "tr"),
    # two marker phrases among loans English has ("appointment"), or romanised thanks
    ("coreczka ma appointment ale boi sie", "pl"),
    ("dera manana", "ps"),
    ("amesegnalehu", "am"),
])
def test_round_eleven_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text, code, urgent_class", [
    ("mje ab ni jeena yr", "ur", "crisis_suicidal"),
    ("koi ghar me ghus aya", "ur", "crisis_danger"),
    ("hat ketechi abar", "bn", "crisis_self_harm"),
    ("ko muon song nua dau", "vi", "crisis_suicidal"),
    ("nenoriu gyvent daugiau", "lt", "crisis_suicidal"),
    ("babam kapiyi kiriyo", "tr", "crisis_danger"),
    ("me quemo los brazos", "es", "crisis_self_harm"),
    ("po e djeg veten", "sq", "crisis_self_harm"),
])
def test_round_eleven_urgent_words_typed_on_a_phone(text, code, urgent_class):
    assert language_of(text) == code
    assert urgent_in(text, code) == urgent_class


@pytest.mark.parametrize("text", [
    # a borrowed thank-you with an English form of address stays English
    "gracias bro", "gracias mate", "gracias hun xx",
    # English words and names that look like the chat spellings above
    "Niha said hi", "Maile is my friend", "my ankle aches", "the ferry to Calais",
])
def test_round_eleven_english_stays_english(text):
    assert language_of(text) is None


@pytest.mark.parametrize("text", ["gracias", "si gracias", "gracias amigo"])
def test_a_borrowed_word_alone_or_with_its_own_language_keeps_it(text):
    assert language_of(text) == "es"
