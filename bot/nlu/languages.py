"""Rasa NLU component: a message in another language gets the ``other_language`` or
``other_language_urgent`` intent, with the language as the ``language`` entity.

The bot reads only English. ``languages.identify`` says whether a message is in one of the
languages the bot has a reply for (never taking English texting, names or one-word answers for
another language); the urgent lexicon of that language (safety/other_languages.yml), or the
English safety lexicon's own urgent decision on words in the message, makes it urgent. The rules
(data/rules/languages.yml) answer with domain responses only, so the path works with the action
server down; ``other_language_urgent`` is one of the policy's urgent intents (config.yml), so it
interrupts a form and is never rate-limited.

Runs after the safety component and before the details component (config.yml; a test checks the
order): on an English message it changes nothing, except that DIET's guess of one of its two
intents never stands (the next intent in DIET's ranking takes its place, or nlu_fallback below
the fallback threshold). The knowledge is in the plain ``languages`` package; this is glue.
"""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from languages.identify import Identification, identify, preload
from languages.urgent import urgent_in
from signposting.languages import codes

from .base import RuleComponent, add_entity, set_intent
from .safety import SAFETY_KEY

EXTRACTOR_NAME = "LanguageClassifier"
LANGUAGE_KEY = "language"
OTHER = "other_language"
OTHER_URGENT = "other_language_urgent"
#: The safety component's urgent decisions (an English urgent word inside a foreign message).
URGENT_INTENTS = frozenset({"crisis_suicidal", "crisis_self_harm", "crisis_danger",
                            "safeguarding_disclosure", "risk_check_in"})


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class LanguageClassifier(RuleComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Below this, DIET's next guess on an English message becomes nlu_fallback (as the
        # FallbackClassifier's threshold in config.yml).
        return {"fallback_threshold": 0.5}

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.supported = frozenset(codes())
        preload()   # the models load now, not on someone's first message

    def process_one(self, message: Message) -> None:
        text = message.get(TEXT)
        if not text or text.startswith("/"):
            return
        found = identify(text)
        if found is None or found.language not in self.supported:
            self._english(message)
            return
        urgent_class = urgent_in(text, found.language) or self._safety_urgent(message)
        intent = OTHER_URGENT if urgent_class else OTHER
        set_intent(message, intent, 1.0, drop=(OTHER, OTHER_URGENT, "nlu_fallback"))
        add_entity(message, LANGUAGE_KEY, found.language, EXTRACTOR_NAME)
        message.set(LANGUAGE_KEY, _record(found, urgent_class), add_to_output=True)

    @staticmethod
    def _safety_urgent(message: Message) -> str:
        safety = message.get(SAFETY_KEY) or {}
        if safety.get("intent") in URGENT_INTENTS and "lexicon" in str(safety.get("source")):
            return str(safety.get("urgent_class") or "crisis_suicidal")
        return ""

    def _english(self, message: Message) -> None:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if intent not in (OTHER, OTHER_URGENT):
            return
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or []
                   if item.get(INTENT_NAME_KEY) not in (OTHER, OTHER_URGENT, "nlu_fallback")]
        best = ranking[0] if ranking else None
        if best and best.get(PREDICTED_CONFIDENCE_KEY, 0.0) >= self.config["fallback_threshold"]:
            set_intent(message, best[INTENT_NAME_KEY], best[PREDICTED_CONFIDENCE_KEY],
                       drop=(OTHER, OTHER_URGENT))
        else:
            set_intent(message, "nlu_fallback", self.config["fallback_threshold"],
                       drop=(OTHER, OTHER_URGENT))


def _record(found: Identification, urgent_class: str) -> Dict[str, Any]:
    return {"code": found.language, "script": found.script, "how": found.how,
            "urgent_class": urgent_class or None}
