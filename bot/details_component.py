"""Rasa NLU component: details given in passing become entities (signposting.details).

"my 14 year old son in Dartford" fills the form's age and place before it asks, and says a
parent is writing. Extraction is rule-based because these details have exact shapes (ages,
postcodes, a gazetteer of place names) that a statistical extractor would need thousands of
annotated examples to learn as reliably; the knowledge is in the plain ``signposting`` package.
Runs after the safety component and never overrides the audience it inferred.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES, ENTITY_ATTRIBUTE_CONFIDENCE, ENTITY_ATTRIBUTE_END, ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE, EXTRACTOR, TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from signposting.details import extract


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class DetailsExtractor(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DetailsExtractor":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):  # button payloads carry their own entities
                continue
            details = extract(text)
            entities = list(message.get(ENTITIES, []))
            present = {e.get(ENTITY_ATTRIBUTE_TYPE) for e in entities}
            found = {"age": None if details.age is None else str(details.age),
                     "place": details.place, "relation": details.relation,
                     "audience": details.audience}
            for name, value in found.items():
                if value is None or name in present:
                    continue
                start = text.lower().find(value.lower()) if name == "place" else -1
                entities.append({
                    ENTITY_ATTRIBUTE_TYPE: name, ENTITY_ATTRIBUTE_VALUE: value,
                    ENTITY_ATTRIBUTE_START: max(start, 0),
                    ENTITY_ATTRIBUTE_END: start + len(value) if start >= 0 else len(text),
                    ENTITY_ATTRIBUTE_CONFIDENCE: 1.0, EXTRACTOR: "DetailsExtractor",
                })
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
