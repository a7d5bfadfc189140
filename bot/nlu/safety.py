"""Rasa NLU component: the safety lexicon's decision on every message.

Runs after DIET and the FallbackClassifier. It can raise an urgent intent above DIET's
prediction (and above a fallback), turn an unsure or figurative urgent guess into the
``risk_check_in`` intent (with a ``risk_class`` entity saying what it checks). Its assessment,
kept on the message as ``safety``, includes who is writing (a young person telling of their own
crisis, when nothing says otherwise), which the details component turns into the ``audience``
entity. The knowledge is in the plain ``safety`` package; this is glue.
"""
from __future__ import annotations

import logging
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

from safety.assess import (
    Thresholds,
    assess,
    checked_class,
    decide,
    default_matcher,
    load_thresholds,
)
from signposting.details import only_a_detail

from .base import RuleComponent, add_entity, set_intent

logger = logging.getLogger(__name__)

SAFETY_KEY = "safety"
EXTRACTOR_NAME = "SafetyClassifier"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SafetyClassifier(RuleComponent, IntentClassifier):
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
            # Per urgent class, {crisis, check_in, confirm, second} (safety.assess.Thresholds);
            # by default the ones calibrated on the development sets (safety/thresholds.yml).
            "thresholds": None,
            # The FallbackClassifier's threshold: what an unsure urgent guess falls back to.
            "fallback_threshold": 0.5,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.matcher = default_matcher()
        given = config.get("thresholds")
        self.per_class = ({name: Thresholds(**values) for name, values in given.items()}
                          if given is not None else load_thresholds())

    def process_one(self, message: Message) -> None:
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
                          self.config["check_in_threshold"], self.config["sure_threshold"],
                          per_class=self.per_class, detail_only=only_a_detail(text),
                          fallback_threshold=self.config["fallback_threshold"])
        if decision.changed and decision.intent:
            set_intent(message, decision.intent, decision.confidence)
        if decision.intent == "risk_check_in":
            # What the check-in is about, so that a "yes" gets that class's reply.
            # With no risk phrase, the model's own best urgent reading says what it was ("is
            # it normal for him to come in my room at night?" is checked as a disclosure).
            add_entity(message, "risk_class", checked_class(assessment, ranking), EXTRACTOR_NAME)
        # The model's own reading too (before this component's decision), for calibration
        # (bench/calibrate.py): the thresholds are chosen from how sure it was.
        message.set(SAFETY_KEY, {**assessment.as_dict(), "source": decision.source,
                                 "intent": decision.intent,
                                 "model": [[name, round(float(conf), 4)]
                                           for name, conf in ranking[:4]]},
                    add_to_output=True)
