"""Rasa NLU component: exact yes/no answers and one-word commands ("stop", "more") from
signposting.answers, before the safety check.

Runs after DIET and the fallback classifier and before the safety component, so an urgent
message is still raised above it.
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from signposting.answers import command, short_answer

from .base import RuleComponent, set_intent


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class ShortAnswerClassifier(RuleComponent, IntentClassifier):
    def process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        answer = short_answer(text) or command(text)
        if answer:
            set_intent(message, answer, 1.0, drop=("nlu_fallback",))
