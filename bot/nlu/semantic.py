"""Rasa NLU component: a pretrained sentence embedding of each message, as dense features for
DIET beside the sparse word and character n-grams (thin glue over the ``semantic`` package).

The vectors place wording the training data never used near wording it did, so DIET is less
sure of itself on messages unlike any it learned from. Only a sentence-level feature is given:
with no transformer layers, DIET classifies intents from the sentence position alone, so
per-token vectors would be computed and never used. DIET projects the sparse sentence features
to ``dense_dimension``, concatenates these, and brings sequence and sentence features to a
common size itself (Rasa's ``RasaFeatureCombiningLayer``).

The encoder's vectors have unit length; they are scaled to length sqrt(dim) (values of about
one, like DIET's other inputs) so that DIET's weight regularisation does not mute them.

``model`` is the folder semantic.fetch filled (make does), read at load time as SpacyNLP reads
its pipeline: the weights are a build artefact beside the model, not inside it, and the
Makefile retrains when they change.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import semantic

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = "build/semantic/wordllama"


def model_folder(name: str) -> Path:
    """The configured folder, relative to the working directory or else to the project."""
    path = Path(name)
    if path.is_absolute() or path.exists():
        return path
    return ROOT / path


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class SemanticFeaturizer(DenseFeaturizer, GraphComponent):
    """Sentence features from a pretrained encoder (semantic.load)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DenseFeaturizer.get_default_config(), "model": DEFAULT_MODEL}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["tokenizers", "safetensors"]

    def __init__(self, config: Dict[Text, Any], name: Text,
                 encoder: Optional[semantic.Encoder] = None) -> None:
        super().__init__(name, config)
        self.encoder = encoder or semantic.load(model_folder(config["model"]))
        self.scale = np.float32(np.sqrt(self.encoder.dim))

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SemanticFeaturizer":
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        pass

    def features(self, text: str) -> np.ndarray:
        """The sentence feature of one text: shape (1, dim)."""
        return (self.encoder.embed(text) * self.scale).reshape(1, -1)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            # A text with no tokens (empty, only spaces) has no other features either; a
            # sentence feature alone would not match the input DIET was trained on.
            if isinstance(text, str) and message.get(TOKENS_NAMES[TEXT]):
                self.add_features_to_message(None, self.features(text), TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
