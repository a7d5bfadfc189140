"""One home for each word: what the bot says in a conversation is a domain response, the few
texts needed outside Rasa are in signposting/texts.py, and the two never say the 24/7 routes
differently."""
import re
from pathlib import Path

import yaml

from signposting import texts
from tests.support.domain import domain

ROOT = Path(__file__).resolve().parents[1]
#: How every sentence that lists the national routes begins.
ROUTES_START = "You can get help any time:"


def responses_said_by_actions() -> set:
    names = set()
    for path in (ROOT / "actions").glob("*.py"):
        names |= set(re.findall(r'"(utter_[a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    return names


def test_every_response_the_actions_say_is_in_the_domain():
    missing = responses_said_by_actions() - set(domain().responses)
    assert not missing, missing


def test_the_validation_rules_name_exactly_the_responses_the_actions_say():
    rules = yaml.safe_load((ROOT / "data" / "rules" / "said_by_actions.yml").read_text())
    named = {step["action"] for rule in rules["rules"] for step in rule["steps"]}
    # utter_services_unavailable is also said by the policy's guard, and has its own rule.
    assert named == responses_said_by_actions() - {"utter_services_unavailable"}


def test_the_actions_write_no_reply_text_of_their_own():
    for path in (ROOT / "actions").glob("*.py"):
        assert "utter_message(text=" not in path.read_text(encoding="utf-8"), path.name


def test_every_response_that_lists_the_routes_words_them_as_signposting_texts_does():
    found = 0
    for name, variations in domain().responses.items():
        for variation in variations:
            text = variation.get("text") or ""
            if ROUTES_START in text:
                found += 1
                assert texts.ROUTES_24_7 in text, name
    assert found >= 3


def test_texts_outside_rasa_that_list_the_routes_use_the_one_wording():
    for text in (texts.NONE_OPEN, texts.CHAT_UNAVAILABLE, texts.DIRECTORY_UNAVAILABLE,
                 texts.DIRECTORY_NONE_OPEN, texts.DIRECTORY_NO_MATCH):
        assert text.endswith(texts.ROUTES_24_7)
    assert texts.MAYBE_NONE_OPEN.endswith(texts.ROUTES_24_7[1:])


def test_the_texts_module_does_not_import_rasa():
    import subprocess
    import sys

    code = "import sys, signposting.texts; print('rasa' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={"PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "False", result.stderr
