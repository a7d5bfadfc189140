"""The taxonomy (services_catalog/taxonomy.yml) is the one source of the codes: every list of
needs, urgent classes and audiences elsewhere must agree with it, so a need added there cannot
be silently missing from the policy, the domain, the rules or the training data."""
import subprocess
import sys
from pathlib import Path

import yaml
from rasa.shared.core.domain import Domain

from safety.lexicon import URGENT_CLASSES
from services_catalog.taxonomy import load_taxonomy
from signposting.audience import AUDIENCES

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = load_taxonomy()
CONFIG = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
DOMAIN = Domain.load(str(ROOT / "domain"))
NEED_INTENTS = set(TAXONOMY.need_intents)


def policy_config() -> dict:
    return next(p for p in CONFIG["policies"] if p["name"].endswith("UrgentFirstRulePolicy"))


def test_urgent_intents_of_the_policy_are_the_urgent_classes_and_the_check_in():
    """The taxonomy's classes, the check-in, and an urgent message in another language."""
    assert set(policy_config()["urgent_intents"]) == set(TAXONOMY.urgent) | {
        "risk_check_in", "other_language_urgent"}


def test_every_need_interrupts_the_form():
    assert NEED_INTENTS <= set(policy_config()["interrupting_intents"])


def test_the_safety_lexicon_knows_exactly_the_urgent_classes():
    assert URGENT_CLASSES == tuple(TAXONOMY.urgent)


def test_audience_codes_are_the_taxonomys():
    assert set(AUDIENCES) == set(TAXONOMY.audiences)


def test_the_domain_has_every_need_and_urgent_intent_and_reply():
    assert NEED_INTENTS | set(TAXONOMY.urgent) <= set(DOMAIN.intents)
    for code in TAXONOMY.needs:
        assert f"utter_ack_{code}" in DOMAIN.responses, code
    for code in TAXONOMY.urgent:
        assert f"utter_{code}" in DOMAIN.responses, code


def test_the_need_slot_maps_every_need_intent_to_its_code():
    need = next(slot for slot in DOMAIN.slots if slot.name == "need")
    mapped = {m["intent"]: m["value"] for m in need.mappings if m.get("type") == "from_intent"}
    assert mapped == TAXONOMY.need_intents


def test_every_need_and_urgent_class_has_training_data():
    for code in TAXONOMY.needs:
        assert (ROOT / "data" / "nlu" / "needs" / f"{code}.yml").exists(), code
    for code in TAXONOMY.urgent:
        assert (ROOT / "data" / "nlu" / "urgent" / f"{code}.yml").exists(), code


def test_the_need_rules_are_what_the_generator_writes_from_the_taxonomy():
    result = subprocess.run([sys.executable, "scripts/need_rules.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_safety_component_runs_before_the_one_that_says_who_is_writing():
    names = [item["name"] for item in CONFIG["pipeline"]]
    assert names.index("bot.nlu.safety.SafetyClassifier") < names.index(
        "bot.nlu.details.DetailsExtractor")


def test_no_urgent_or_need_message_is_taken_as_a_free_text_answer():
    """The form's free-text mappings refuse every urgent and need intent (domain/signposting.yml,
    not_an_answer): such a message must reach its rules, never fill an age or a place."""
    for slot in DOMAIN.slots:
        for mapping in slot.mappings:
            if mapping.get("type") == "from_text" and mapping.get("conditions"):
                refused = set(mapping.get("not_intent") or [])
                assert NEED_INTENTS | set(TAXONOMY.urgent) | {"risk_check_in"} <= refused, \
                    slot.name
