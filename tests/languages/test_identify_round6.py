"""Round 6 of language identification (languages_dev5, 2026-12-04), by kind of miss, on sentences
written for these tests (not rows of any set), and English look-alikes that must stay English."""
import pytest

from tests.support.languages import language_of

OTHER_LANGUAGES = [
    # "do you speak <language>?" as people type it, without marks
    ("vorbesti romana? am nevoie de ajutor", "ro"),
    ("voce fala portugues por favor", "pt"),
    ("tu flet shqip a jo", "sq"),
    ("hablas espanol? necesito ayuda", "es"),
    ("farsi balad hasti dadash", "fa"),
    ("tusi punjabi bolde ho ji", "pa"),
    # one English word in a sentence of another language
    ("nie moge spac przez stress", "pl"),
    ("meri beti bohat stressed hai", "ur"),
    # romanised words for kin, blood and "what shall I do"
    ("mero chora ke garne hola", "ne"),
    ("amar chele khub kharap achhe, ki korbo", "bn"),
    ("porezalas opyat i krov idet", "ru"),
]


@pytest.mark.parametrize("text, code", OTHER_LANGUAGES)
def test_round_six_kinds_are_recognised(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text", [
    "can you help me please, spasibo",        # a thank-you in another language after English
    "thanks for listening, gracias",
    "feeling really low tonight and i cant talk to my mum, shukran",
    "si je ne sais pas",                       # French: "si je" is no Albanian marker
    "my nani calls me bohat cute lol",         # an English sentence with one borrowed word
])
def test_english_with_a_word_of_another_language_stays_english(text):
    assert language_of(text) is None
