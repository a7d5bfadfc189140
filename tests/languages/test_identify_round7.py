"""Round 7 of language identification (languages_dev6, 2026-12-04), by kind of miss, on sentences
written for these tests (not rows of any set), and English look-alikes that must stay English."""
import pytest

from tests.support.languages import language_of

OTHER_LANGUAGES = [
    # a cry for help in one or two words, as typed on a phone
    ("socorro, preciso de ajuda", "pt"),
    ("me ajudem por favor", "pt"),
    ("ayudenme por favor", "es"),
    ("padekite man", "lt"),
    ("yardim edin lutfen", "tr"),
    ("cuu em voi", "vi"),
    # how are you, yes, I'm scared
    ("kasto cha hajur", "ne"),
    ("ki haal aa ji", "pa"),
    ("nasilsiniz hocam", "tr"),
    ("kam frike shume", "sq"),
    # romanised urgent words
    ("khud ko nuksan pohanchati hun", "ur"),
    ("ar bachte ichhe kore na amar", "bn"),
]


@pytest.mark.parametrize("text, code", OTHER_LANGUAGES)
def test_round_seven_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text", [
    # an English message with one word English has only lately ("delulu", "cooked")
    "im so delulu",
    "ngl im so cooked",
    "its giving delulu",
    # an English message around one word of another language
    "gracias for the help",
    "merci for listening",
    # a French phrase is not Albanian ("si je")
    "si je ne sais pas",
])
def test_round_seven_english_stays_english(text):
    assert language_of(text) is None


@pytest.mark.parametrize("text", ["Jonno hit me", "Chobi hit me", "Kahan hurt me", "hi im jonno",
                                  "i told Ali ❤️ مرحبا", "Tomasz from yr 10",
                                  "hola, necesito ayuda for my brother's anxiety, he's 12"])
def test_round_eight_english_stays_english(text):
    assert language_of(text) is None


@pytest.mark.parametrize("text, code", [("mamnoon", "fa"), ("помогите", "ru"), ("da sigur", "ro"),
                                        ("ኣብ Folkestone ሓገዝ ኣሎ ድዩ?", "ti"), ("ya no kiero vivir", "es")])
def test_round_eight_languages(text, code):
    assert language_of(text) == code
