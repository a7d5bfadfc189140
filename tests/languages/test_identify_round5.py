"""Round 5 of language identification (languages_dev4, 2026-12-04), by kind of miss, on sentences
written for these tests (not rows of any set), and English look-alikes that must stay English."""
import pytest

from languages.identify import identify, marker_hits
from tests.support.languages import language_of

EVERYDAY = [
    # "my postcode is ..." in each Latin-script language
    ("codul postal al meu este CT2 9ZZ", "ro"),
    ("mano pasto kodas yra ME15 9ZZ", "lt"),
    ("benim posta kodum DA11 9ZZ", "tr"),
    ("meu codigo postal é CT1 9ZZ", "pt"),
    ("mi codigo postal: DA1 9ZZ", "es"),
    ("kodi postar eshte CT9 9ZZ", "sq"),
    ("mój kod pocztowy to ME4 9ZZ", "pl"),
    ("ma buu chinh cua em la ME7 9ZZ", "vi"),
    # "where can I find help in <town>"
    ("unde pot gasi ajutor in Chatham?", "ro"),
    ("onde posso encontrar ajuda em Dover?", "pt"),
    ("donde encuentro ayuda en Margate", "es"),
    ("ku mund te gjej ndihme ne Dover", "sq"),
    ("kur galiu rasti pagalba Dartforde", "lt"),
    # "are you there?", "is anyone there?"
    ("esti acolo?", "ro"),
    ("ar kas nors cia yra?", "lt"),
    ("orada misin abla", "tr"),
    ("tem alguem aqui?", "pt"),
    ("hay alguien aqui?", "es"),
    ("je aty apo jo?", "sq"),
    ("jestes tam?", "pl"),
    # "I'm sad", "I feel", "thank you"
    ("to triste hoje", "pt"),
    ("me siento muy sola", "es"),
    ("gelek spas ji bo alîkariyê", "kmr"),
    ("mersi mnogo za pomoshta", "bg"),
    ("mersi mult pentru ajutor", "ro"),
    ("dyakuyu za vse", "uk"),
]


ROMANISED = [
    # romanised languages of other scripts
    ("nemitoonam bekhabam, kheili khastam", "fa"),
    ("khodamo dust nadaram, mamnoonam ke gush midi", "fa"),
    ("nijeke khub eka lage, ektu kotha bolbo", "bn"),
    ("mainu raat nu neend nahi aundi", "pa"),
    ("ahile ma ghar ma chhu", "ne"),
    ("tapailai dhanyabad", "ne"),
    ("main Dover mein rehta hoon, koi madad mil sakti hai?", "ur"),
    ("menya obizhayut kazhdyi den v shkole", "ru"),
    ("ya ne govoryu po-angliyski", "ru"),
    ("vitchym meni pohrozhuye", "uk"),
    ("chicho mi kazva che nikoi ne me obicha", "bg"),
    ("el zalame akhad kol shi taba3i", "ar"),   # one Arabizi word beside an Arabic marker
]


UNMARKED = [
    # Latin-script languages typed without their marks, dialect and clitic forms
    ("e k muon di hoc nua", "vi"),
    ("bo em danh me hang ngay", "vi"),
    ("lo qua khong ngu duoc", "vi"),
    ("s'dua me fol me askend", "sq"),
    ("e pres doren cdo dite", "sq"),
    ("ez bi şev pir tenê me", "kmr"),
    ("tou a pensar em magoar-me", "pt"),
    ("me volvi a quemar el brazo", "es"),
    ("ir vel deginu save", "lt"),
    # Romanian's ă and â count as its letters (Vietnamese also has them; î is also Kurmanji's)
    ("Mă gândesc că nu mai pot să trăiesc așa", "ro"),
    ("min dîsa xwe birîndar kir li malê", "kmr"),
]


SHARED_SCRIPTS = [
    # Arabic script with neither Arabic's nor Persian's own letters: Arabic's function words
    ("انت منو", "ar"),
    ("مش عارف شو اعمل", "ar"),
    ("تو اونجا هستی؟", "fa"),
    # Ethiopic: Amharic verb endings (-ኩ, -ኝ, -ኛል) against Tigrinya's (-ኹ, -ኒ)
    ("እጄን ቆረጥኩ", "am"),
    ("ሰውዬው ተከተለኝ", "am"),
    ("ኢደይ ቆሪጸ ኣለኹ", "ti"),
]


@pytest.mark.parametrize("text, code", EVERYDAY + ROMANISED + UNMARKED + SHARED_SCRIPTS)
def test_language_of_each_kind(text, code):
    assert language_of(text) == code


def test_a_longer_marker_of_another_language_outweighs_the_one_inside_it():
    assert marker_hits("mersi mnogo") == {"bg": 1}
    assert marker_hits("mersi") == {"ro": 1}


@pytest.mark.parametrize("text", [
    "my postcode is ME7 9ZZ", "are you there?", "is anyone there", "where can i find help in Chatham",
    "thank you so much", "im so sad", "to be honest im sad", "we went to the spas in bath for my bday",
    "at 3am i cut myself again", "a brisk walk helps me", "i dont speak english very well",
    "Elli said she misses me", "my friend Ammu is staying over", "me too", "to triple check",
    "pensar is spanish for think", "can u send me the kod", "misinformation on tiktok scares me",
    # names and words of other languages said in English, like "habibi" and "namaste"
    "my ammu looks after me", "im Azat", "Sanu is my best mate", "its Doren", "shukran habibi",
    "marhaba everyone", "shukriya bro",
])
def test_english_look_alikes_stay_english(text):
    assert identify(text) is None
