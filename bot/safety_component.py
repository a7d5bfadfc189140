"""Rasa NLU component: the safety lexicon's decision on every message.

Runs after DIET and the FallbackClassifier. It can raise an urgent intent above DIET's
prediction (and above a fallback), turn an unsure or figurative urgent guess into the
``risk_check_in`` intent (with a ``risk_class`` entity saying what it checks), and adds an
``audience`` entity when the wording shows who is writing ("my son", "one of my pupils"), so
that the reply can be worded for them. The knowledge is in the plain ``safety`` package; this is glue.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES, ENTITY_ATTRIBUTE_CONFIDENCE, ENTITY_ATTRIBUTE_END, ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE, EXTRACTOR, INTENT, INTENT_NAME_KEY,
    INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from safety.assess import assess, decide, default_matcher

logger = logging.getLogger(__name__)

SAFETY_KEY = "safety"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SafetyClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # DIET's urgent predictions at or above this stand when the lexicon saw nothing.
            "urgent_threshold": 0.6,
            # An urgent intent ranked below the top at or above this asks a check-in question.
            "check_in_threshold": 0.5,
            # Below this, an urgent guess on a phrase the lexicon read as negated, past,
            # fictional or benign gives way to the best non-urgent intent.
            "sure_threshold": 0.9,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.config = config
        self.matcher = default_matcher()

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SafetyClassifier":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process(message)
        return messages

    def _process(self, message: Message) -> None:
        text = message.get(TEXT)
        if not text:
            return
        assessment = assess(text, self.matcher)
        ranking = [(item.get(INTENT_NAME_KEY), item.get(PREDICTED_CONFIDENCE_KEY, 0.0))
                   for item in message.get(INTENT_RANKING_KEY) or []]
        if not ranking and message.get(INTENT):
            intent = message.get(INTENT)
            ranking = [(intent.get(INTENT_NAME_KEY), intent.get(PREDICTED_CONFIDENCE_KEY, 0.0))]
        decision = decide(assessment, ranking, self.config["urgent_threshold"],
                          self.config["check_in_threshold"], self.config["sure_threshold"])
        if decision.changed and decision.intent:
            self._set_intent(message, decision.intent, decision.confidence)
        if assessment.audience:
            self._add_entity(message, "audience", assessment.audience)
        if decision.intent == "risk_check_in":
            # What the check-in is about, so that a "yes" gets that class's reply.
            self._add_entity(message, "risk_class", assessment.urgent_class or "crisis_suicidal")
        message.set(SAFETY_KEY, {**assessment.as_dict(), "source": decision.source,
                                 "intent": decision.intent}, add_to_output=True)

    @staticmethod
    def _set_intent(message: Message, name: str, confidence: float) -> None:
        intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: max(confidence, 0.0)}
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or []
                   if item.get(INTENT_NAME_KEY) != name]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(intent)] + ranking, add_to_output=True)

    @staticmethod
    def _add_entity(message: Message, name: str, value: str) -> None:
        entities = [e for e in message.get(ENTITIES, []) if e.get(ENTITY_ATTRIBUTE_TYPE) != name]
        text = message.get(TEXT) or ""
        entities.append({
            ENTITY_ATTRIBUTE_TYPE: name, ENTITY_ATTRIBUTE_VALUE: value,
            ENTITY_ATTRIBUTE_START: 0, ENTITY_ATTRIBUTE_END: len(text),
            ENTITY_ATTRIBUTE_CONFIDENCE: 1.0, EXTRACTOR: "SafetyClassifier",
        })
        message.set(ENTITIES, entities, add_to_output=True)

