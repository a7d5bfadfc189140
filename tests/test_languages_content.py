"""The replies to messages in other languages (signposting/content/languages.yml, generated into
domain/languages.yml): every number a confirmed catalogue number, never translated; 999 first in
the urgent reply; every text within three SMS segments; every translation marked as awaiting a
native speaker's review; the generated files what the script writes."""
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.domain import Domain

from services_catalog.phones import numbers_in
from signposting.languages import SENTENCES, load
from signposting.sms import MAX_SEGMENTS, format_turn, segments

ROOT = Path(__file__).resolve().parents[1]
CONTENT = load()
LANGUAGES = list(CONTENT.languages)
DOMAIN = Domain.load(str(ROOT / "domain"))
REPLIES = ["utter_language_help", "utter_language_urgent"]


def confirmed_numbers(catalogue) -> set:
    return {number for service in catalogue.crisis_routes("crisis_suicidal")
            for contact in service.contacts if contact.kind in ("phone", "text") and contact.confirmed
            for number in numbers_in(contact.value)} | {"999"}


def test_the_generated_domain_and_rules_are_what_the_script_writes():
    result = subprocess.run([sys.executable, "scripts/language_responses.py", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_at_least_the_languages_the_issue_names():
    named = {"ar", "ckb", "ps", "fa", "ti", "am", "sq", "vi", "pl", "ro", "lt", "bg", "ne", "pa",
             "ur", "bn", "tr", "pt", "uk", "ru", "es"}
    assert named <= {language.code for language in LANGUAGES}
    assert CONTENT.get("prs") is CONTENT.get("fa")   # Dari is answered by the Persian entry


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_each_translation_says_how_it_was_made_and_awaits_review(language):
    assert language.awaits_native_review is True
    assert language.produced and language.name and language.native
    assert set(language.text) == set(SENTENCES)
    assert language.direction == ("rtl" if language.script in ("Arab", "Hebr") else "ltr")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_numbers_are_never_written_in_a_translation(language):
    for key, text in language.text.items():
        text = re.sub(r"\{\w+\}", "", text)   # the placeholders' names ({nhs111})
        assert not any(unicodedata.category(ch) == "Nd" for ch in text), (language.code, key)


@pytest.mark.parametrize("response", REPLIES + ["utter_language_help_en", "utter_language_urgent_en"])
def test_every_number_is_a_confirmed_catalogue_number_in_ascii_digits(catalogue, response):
    allowed = confirmed_numbers(catalogue)
    for variation in DOMAIN.responses[response]:
        text = variation["text"]
        assert numbers_in(text) == {"999", "111", "08001111"} | (
            {"85258"} if response.endswith("_en") or not variation.get("condition") else set()), text
        assert numbers_in(text) <= allowed
        digits = [ch for ch in text if unicodedata.category(ch) == "Nd"]
        assert all(ch.isascii() for ch in digits), text   # never another script's digits


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_urgent_reply_leads_with_999_then_111_then_childline(language):
    text = language.reply("urgent", CONTENT.numbers)
    assert text.startswith(language.sentence("danger", CONTENT.numbers))
    positions = [text.index(n) for n in ("999", "111", "0800 1111")]
    assert positions == sorted(positions)
    assert not any(ch.isdigit() for ch in text[:positions[0]])


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_help_reply_leads_with_the_routes_then_says_it_reads_only_english(language):
    """A message the bot cannot read may be urgent in words no lexicon knows: 999 and NHS 111
    lead every reply in another language, not only the urgent one."""
    text = language.reply("help", CONTENT.numbers)
    assert text.startswith(" ".join([language.sentence("danger", CONTENT.numbers),
                                     language.sentence("urgent", CONTENT.numbers)]))
    assert text.index("999") < text.index(language.sentence("only_english", CONTENT.numbers))
    assert text.index("999") < text.index("111") < text.index("0800 1111")
    assert "Interpreter, " in text


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
@pytest.mark.parametrize("kind", ["help", "urgent"])
def test_each_sms_text_of_a_turn_is_within_three_segments(language, kind):
    turn = format_turn([{"text": language.reply(kind, CONTENT.numbers)},
                        {"text": CONTENT.english_after(kind)}])
    assert turn.texts and len(turn.texts) <= 3
    assert all(segments(text) <= MAX_SEGMENTS for text in turn.texts), turn.texts


def test_each_domain_variation_is_the_data_files_reply():
    by_code = {v["condition"][0]["value"]: v["text"]
               for v in DOMAIN.responses["utter_language_urgent"] if v.get("condition")}
    assert by_code == {language.code: language.reply("urgent", CONTENT.numbers)
                       for language in LANGUAGES}


def test_no_reply_says_shout_or_childline_interprets():
    english = " ".join(CONTENT.english.values()).lower()
    assert "interpreter" in english
    for sentence in english.split("."):
        if "interpreter" in sentence:
            assert "shout" not in sentence and "childline" not in sentence


def test_the_facts_carry_their_sources():
    assert CONTENT.facts and all(f.get("source") and f.get("status") for f in CONTENT.facts)
    assert "/work/shared" not in (ROOT / "signposting" / "content" / "languages.yml").read_text()


def test_every_language_has_an_urgent_lexicon_with_every_class():
    lexicon = yaml.safe_load((ROOT / "safety" / "other_languages.yml").read_text())
    assert set(lexicon) == {language.code for language in LANGUAGES}
    for code, classes in lexicon.items():
        # Every class, and perhaps the everyday objects that make a term ordinary.
        assert set(classes) - {"ordinary_after"} == {"crisis_suicidal", "crisis_self_harm",
                                                     "crisis_danger", "safeguarding_disclosure"}, code
        assert all(classes.values()), code


@pytest.mark.parametrize("response", ["utter_ask_rephrase", "utter_fallback_topics", "utter_ask_topic",
                                      "utter_out_of_scope", "utter_slow_down"])
def test_every_reply_that_does_not_understand_carries_999_and_shout(response):
    for variation in DOMAIN.responses[response]:
        text = variation["text"]
        assert "999" in text and "SHOUT to 85258" in text, text
        assert segments(text) <= MAX_SEGMENTS and all(ord(ch) < 128 for ch in text)


def test_the_sms_replies_that_cannot_help_carry_999_and_shout():
    from signposting.texts import COULD_NOT_ANSWER, TEXT_ONLY

    for text in (TEXT_ONLY, COULD_NOT_ANSWER):
        assert "999" in text and "85258" in text
        assert segments(text) <= MAX_SEGMENTS
