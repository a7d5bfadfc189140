"""Round 14 of language identification (languages_dev13, 2026-12-05), by kind of miss, on
sentences written for these tests (not rows of any set), and English look-alikes that must stay
English, some made up to share the new marker words."""
import pytest

from languages.urgent import lexicon, urgent_in
from tests.support.languages import language_of


@pytest.mark.parametrize("text, code", [
    # Spanish: chat q/k for que in set phrases, where is there ... near, a psychologist,
    # slang forms of address
    ("q onda, todo bien?", "es"),
    ("k onda", "es"),
    ("donde hay ayuda cerca de Dover", "es"),
    ("hay algun psicologo en Gravesend", "es"),
    ("parce estoy cansado", "es"),
    # Lithuanian: I want (noriu), bye (atė, ate iki), where to find (kur rast), psychologist,
    # teen abbreviations
    ("noriu pagalbos", "lt"),
    ("noriu su kazkuo pakalbet", "lt"),
    ("ate, iki", "lt"),
    ("atė", "lt"),
    ("kur rast pagalba Dartforde", "lt"),
    ("man reik psichologo", "lt"),
    ("krc nzn", "lt"),
    # Albanian (Gheg, no ë): I am (jom), very (shum), the -un participle, please (te lutem),
    # where is there (ku ka), psychologist, what (qka), I have (kom)
    ("jom shum i lodhun", "sq"),
    ("une jom mire", "sq"),
    ("te lutem me ndihmo", "sq"),
    ("ku ka ndihme ne Dartford", "sq"),
    ("ku ka psikolog per femije", "sq"),
    ("qka po ndodh me mu", "sq"),
    ("nuk kom ku me shku", "sq"),
    # Turkish keeps psikolog (the two languages tie on the word; lingua decides)
    ("psikolog randevusu lazim", "tr"),
    # Romanian, Portuguese, Vietnamese, Roman Urdu: a family word, the verb "has" or "is", and
    # the English name of the condition
    ("fiul meu are depression", "ro"),
    ("baiatul meu are panic attacks la scoala", "ro"),
    ("minha filha ta com panic attacks", "pt"),
    ("con em bi anxiety", "vi"),
    ("mera beta bahut stressed hai", "ur"),
    ("mera bhai depressed hai", "ur"),
    # Roman Urdu "jana chahta" (Punjabi says chaunda)
    ("beti college jana chahti hai", "ur"),
    # Roman Nepali: is it (huncha), to speak (bolnu)
    ("kasto huncha", "ne"),
    ("angreji bolnu parcha?", "ne"),
])
def test_round_fourteen_other_languages(text, code):
    assert language_of(text) == code


@pytest.mark.parametrize("text, code, urgent_class", [
    # Albanian: wounds on the arm, a razor blade
    ("kam plage ne dore", "sq", "crisis_self_harm"),
    ("prap me zhilet sonte", "sq", "crisis_self_harm"),
    # Albanian: hiding in the bathroom, someone wanting to get in
    ("jam fshehur ne banjo, babai po don me hy", "sq", "crisis_danger"),
    ("dikush po do te hyje brenda", "sq", "crisis_danger"),
    # Banglish: a hand on the body, hitting with something
    ("baba amar gaye hat dey", "bn", "safeguarding_disclosure"),
    ("ammu amake lathi diye mare", "bn", "safeguarding_disclosure"),
    # Roman Punjabi: is hitting (maar rahe), with the -e ne auxiliary
    ("oh sanu maar rahe ne", "pa", "crisis_danger"),
])
def test_round_fourteen_urgent_words(text, code, urgent_class):
    assert language_of(text) == code
    assert urgent_in(text, code) == urgent_class


@pytest.mark.parametrize("text", [
    # a loanword of thanks beside an English form of address: lingua alone does not decide
    "obrigado bro", "obrigada hun", "obrigado babe xx",
    # English words and names the new markers sit beside
    "ate already", "we ate at nandos", "I ate", "my psychologist is nice",
    "psychology homework", "beta test", "the beta version is out", "the mare in the field",
    "Amar", "my mate Amar", "que pasa", "que sera sera", "con artist", "are you there",
    "my sister's panic attacks are bad", "huncho", "plage", "don", "Don", "hy", "ku",
    "kom", "ne", "ka", "mare", "noria",
])
def test_round_fourteen_english_stays_english(text):
    assert language_of(text) is None


def test_the_urgent_words_of_round_fourteen_are_in_the_lexicon():
    # safety/other_languages.yml: the round's words beside the earlier ones (awaiting review)
    assert {"zhilet", "plage ne krah", "don me hy", "mshel n banjo"} <= {
        t.text for t in lexicon()["sq"]}
    assert {"gaye haat", "diye mare"} <= {t.text for t in lexicon()["bn"]}
    assert {"maar rahe", "maar reha"} <= {t.text for t in lexicon()["pa"]}
