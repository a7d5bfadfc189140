"""What the project's NLU components share: Rasa's registration for a component with nothing to
train, and the two ways they change a parsed message (the intent, an entity).

Each component (safety, short answers, details) is glue over a plain package; keeping the
message-editing here means they all edit the parse the same way, so a later component sees
exactly what an earlier one decided.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message


class RuleComponent(GraphComponent):
    """A component with nothing to train, made from its config alone."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.config = config

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RuleComponent":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.process_one(message)
        return messages

    def process_one(self, message: Message) -> None:
        raise NotImplementedError


def set_intent(message: Message, name: str, confidence: float,
               drop: tuple = ()) -> None:
    """Make ``name`` the message's intent, first in the ranking (without its old entry, nor any
    intent named in ``drop``)."""
    intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: max(confidence, 0.0)}
    ranking = [item for item in message.get(INTENT_RANKING_KEY) or []
               if item.get(INTENT_NAME_KEY) not in (name, *drop)]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(intent)] + ranking, add_to_output=True)


def add_entity(message: Message, name: str, value: str, extractor: str,
               start: int = 0, end: int = -1, replace: bool = True) -> None:
    """Add an entity found by a rule (confidence 1). ``replace`` drops any entity of the same
    type first; otherwise an existing one is kept and this one is not added."""
    entities = list(message.get(ENTITIES, []))
    if any(e.get(ENTITY_ATTRIBUTE_TYPE) == name for e in entities):
        if not replace:
            return
        entities = [e for e in entities if e.get(ENTITY_ATTRIBUTE_TYPE) != name]
    text = message.get(TEXT) or ""
    entities.append({
        ENTITY_ATTRIBUTE_TYPE: name, ENTITY_ATTRIBUTE_VALUE: value,
        ENTITY_ATTRIBUTE_START: start, ENTITY_ATTRIBUTE_END: len(text) if end < 0 else end,
        ENTITY_ATTRIBUTE_CONFIDENCE: 1.0, EXTRACTOR: extractor,
    })
    message.set(ENTITIES, entities, add_to_output=True)
