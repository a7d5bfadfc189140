"""Round 13 of language identification (languages_dev12, 2026-12-05), by kind of miss, on
sentences written for these tests (not rows of any set), and English look-alikes that must stay
English, some made up to share the new marker words."""
import pytest

from languages.normalise import normalise
from languages.urgent import lexicon, urgent_in
from tests.support.languages import language_of


@pytest.mark.parametrize("text, code", [
    # Spanish's inverted question and exclamation marks part words like any other punctuation
    ("¡hola! ¿qué tal?", "es"),
    ("¿me puedes ayudar?", "es"),
    # Spanish: informal and regional words (no aguanto, pienso, tiene, Spain's vale, con el)
    ("ya no aguanto mas", "es"),
    ("pienso mucho en ti", "es"),
    ("mi hijo tiene miedo", "es"),
    ("tengo mucha ansiedad con el insti", "es"),
    ("vale pues, gracias", "es"),
    # Lithuanian without marks: a lot (daug), stress, because of (del) the exams
    ("labai daug streso", "lt"),
    ("nerimauju del egzaminu", "lt"),
    # Turkish chat past negatives (-amadim, -emedim) and an appointment (randevu)
    ("uyuyamadim bu gece", "tr"),
    ("randevu alamadim hala", "tr"),
    # Gheg and Kosovo forms typed without ë and ç
    ("qysh je bre", "sq"),
    ("a po flet shqip", "sq"),
    ("nuk po muj me fjet", "sq"),
    ("nuk kam asnje shok ketu", "sq"),
    # Banglish: fear spelt voy/bhoy, plurals with gulo/gula, is there any (kono ... ache)
    ("voy lage khub", "bn"),
    ("ekta chele gulo amake bully kore", "bn"),
    ("ami Chatham e thaki, kono help ache kina", "bn"),
    # Vietnamese without tone marks, Roman Pashto
    ("toi rat met", "vi"),
    ("za pa english na pohegam", "ps"),
    # a language's short words around English loans and place names
    ("mieszkamy w Dover, corka ma anxiety", "pl"),
    ("Chatham mein koi therapist hai kya", "ur"),
    ("mi hija tiene panic attacks", "es"),
    ("mi-e frica sa merg la school", "ro"),
])
def test_round_thirteen_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text, code, urgent_class", [
    # one word shouted for help: a whole message on its own
    ("auxilio!!", "es", "crisis_danger"),
    ("imdat!", "tr", "crisis_danger"),
    # Spanish: reflexive infinitives and throwing oneself off
    ("a veces pienso en matarme", "es", "crisis_suicidal"),
    ("me tiro por la ventana esta noche", "es", "crisis_suicidal"),
    ("el pibe me obliga a vender droga", "es", "safeguarding_disclosure"),
    # Portuguese chat forms and an adult touching
    ("eu tava me cortando ontem", "pt", "crisis_self_harm"),
    ("meu padrasto mexe em mim", "pt", "safeguarding_disclosure"),
    # Gheg: dek for vdek (to die)
    ("dua me dek sonte", "sq", "crisis_suicidal"),
    # Banglish: someone following, being made to sell
    ("ekta lok amake follow korche", "bn", "crisis_danger"),
    ("ora amake drugs bechte bolche", "bn", "safeguarding_disclosure"),
    # Roman Nepali (myself + the -chu first person) and Roman Punjabi (puts a hand on)
    ("ma afulai kaatchu", "ne", "crisis_self_harm"),
    ("oh mainu hath lagaunda", "pa", "safeguarding_disclosure"),
])
def test_round_thirteen_urgent_words_in_their_everyday_forms(text, code, urgent_class):
    assert language_of(text) == code
    assert urgent_in(text, code) == urgent_class


@pytest.mark.parametrize("text", [
    # English texting's "du" (do) beside "me"; aches; a vale; names (Tung, Vang, Ola, Del)
    "can u du me a favour", "wat du me n u do", "my head ache", "stomach ache again",
    "Vale", "the vale near us", "Tung", "my friend Tung", "Vang", "Ola", "Del", "del boy",
    # English words the new markers sit beside
    "my rat died", "whats on the menu lol", "oh hai guys", "hai", "I watched Con Air", "Esta",
    "shukran for earlier",
])
def test_round_thirteen_english_stays_english(text):
    assert language_of(text) is None


def test_inverted_marks_are_word_breaks():
    assert normalise("¿Qué tal?") == "que tal"
    assert normalise("¡¡Ayuda!!") == "ayuda"


def test_the_urgent_words_of_round_thirteen_are_in_the_lexicon():
    # safety/other_languages.yml: the round's words beside the earlier ones
    assert {"me cortando", "mexe em mim"} <= {t.text for t in lexicon()["pt"]}
    assert {"du me dek", "dua me dek"} <= {t.text for t in lexicon()["sq"]}
    assert {"follow korche", "bechte bole"} <= {t.text for t in lexicon()["bn"]}
