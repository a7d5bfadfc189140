"""Rasa NLU component: exact yes/no answers and one-word commands ("stop", "more") from
signposting.answers, before the safety check.

Runs after DIET and the fallback classifier and before the safety component, so an urgent
message is still raised above it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from signposting.answers import command, short_answer


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class ShortAnswerClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ShortAnswerClassifier":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            answer = short_answer(message.get(TEXT) or "") or command(message.get(TEXT) or "")
            if answer:
                intent = {INTENT_NAME_KEY: answer, PREDICTED_CONFIDENCE_KEY: 1.0}
                ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                           if r.get(INTENT_NAME_KEY) not in (answer, "nlu_fallback")]
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [dict(intent)] + ranking, add_to_output=True)
        return messages
