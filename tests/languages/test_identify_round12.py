"""Round 12 of language identification (languages_dev11, 2026-12-05), by kind of miss, on
sentences written for these tests (not rows of any set), and English look-alikes that must stay
English, some made up to share the new marker words."""
import pytest

from languages.identify import turkish_case_endings
from languages.urgent import lexicon, urgent_in
from tests.support.languages import language_of


@pytest.mark.parametrize("text, code", [
    # chat abbreviations and spoken forms: Turkish, Spanish, Roman Urdu, Banglish, Vietnamese
    ("mrb, ingilizcem zayif", "tr"),
    ("tmm tsk abi", "tr"),
    ("uyuyamiyom hic", "tr"),
    ("me agobio mucho en el insti", "es"),
    ("no pego ojo por la noche", "es"),
    ("kya aap english samajhte ho", "ur"),
    ("apni bangla janen?", "bn"),
    ("ki obosta apu", "bn"),
    ("thik ase pore kotha bolbo", "bn"),
    ("porikkhar jonno khub chinta hoy", "bn"),
    ("buon wa hix", "vi"),
    ("co ai noi chuyen ko", "vi"),
    # romanised Punjabi and Dari, Russian word order
    ("meri dhee school nahi jandi", "pa"),
    ("tashakor", "fa"),
    ("жить не хочется", "ru"),
    # a language's short words around an English loan or place name
    ("ar yra kokia pagalba", "lt"),
    ("ce sa fac acum", "ro"),
    ("moramos em Dover", "pt"),
    ("Chatham'da oturuyoruz, yardim var mi", "tr"),
    ("mera beta ka interview kab tak milega", "ur"),
])
def test_round_twelve_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text, code, urgent_class", [
    ("me he cortao otra vez", "es", "crisis_self_harm"),
    ("ya no quiero seguir aqui", "es", "crisis_suicidal"),
    ("hay un tipo que me sigue desde el bus", "es", "crisis_danger"),
    ("mi tio me zurra", "es", "safeguarding_disclosure"),
    ("gebermek istiyorum artik", "tr", "crisis_suicidal"),
    ("abim bana el kaldiriyo", "tr", "safeguarding_disclosure"),
    ("khudkushi kr lunga", "ur", "crisis_suicidal"),
    ("ammi roz maarti hain", "ur", "safeguarding_disclosure"),
    ("moira jaite ichha kore", "bn", "crisis_suicidal"),
    ("baire keu dariye ache", "bn", "crisis_danger"),
    ("geriau manes nebutu", "lt", "crisis_suicidal"),
    ("vel pasipjoviau ranka", "lt", "crisis_self_harm"),
    ("do ta vra veten sonte", "sq", "crisis_suicidal"),
    ("chan song qua roi", "vi", "crisis_suicidal"),
    ("bo dap con hoai", "vi", "safeguarding_disclosure"),
    ("жить не хочу больше", "ru", "crisis_suicidal"),
])
def test_round_twelve_urgent_words_in_their_everyday_forms(text, code, urgent_class):
    assert language_of(text) == code
    assert urgent_in(text, code) == urgent_class


@pytest.mark.parametrize("text", [
    # English texting's "wa" (what), "nbr" (number), "tmm" (tomorrow), "ta" (thanks), "tsk"
    "so wa u saying", "wa gwan bro", "nbr", "whats ur nbr", "tmm", "see u tmm", "tsk tsk",
    "ta, com here",
    # names and English words beside the new urgent words and markers
    "Moira said hi", "its Moira", "jackie chan songs are the best", "Chan doing well",
    "dap me up bro", "dap em up", "lions have manes", "dont be rubbish at it", "Koks",
    # an apostrophe after a name in English is no Turkish case ending
    "Maidstone's counsellor", "O'Dea is my surname", "I'd go to Dover tmrw",
])
def test_round_twelve_english_stays_english(text):
    assert language_of(text) is None


def test_turkish_case_endings_are_read_on_names_only():
    assert turkish_case_endings("Maidstone'da, Chatham'dan, Basildon'daki") == 3
    assert turkish_case_endings("I'd, she'd, Tom's, O'Dea, ma'am") == 0


def test_the_urgent_words_of_round_twelve_are_in_the_lexicon():
    # safety/other_languages.yml: the round's words beside the earlier ones, class by class
    terms = {t.text for t in lexicon()["es"]}
    assert {"me corto", "me he cort"} <= terms
