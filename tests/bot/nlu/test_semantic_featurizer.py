"""The semantic featurizer hands DIET one sentence-level dense feature per message, of the
encoder's size, beside (not instead of) the sparse features; and config.yml runs it before
DIET."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS, TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import (
    FEATURE_TYPE_SENTENCE,
    FEATURE_TYPE_SEQUENCE,
    INTENT,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.semantic import DEFAULT_MODEL, SemanticFeaturizer, model_folder

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def featurizer() -> SemanticFeaturizer:
    folder = model_folder(DEFAULT_MODEL)
    if not (folder / "SOURCE.json").exists():
        pytest.fail(f"{folder} is missing: run make (python -m semantic.fetch wordllama {folder})")
    config = {**SemanticFeaturizer.get_default_config(), FEATURIZER_CLASS_ALIAS: "semantic"}
    return SemanticFeaturizer(config, "semantic_featurizer")


def tokenized(text: str, **data) -> Message:
    """A message as the tokenizer before the featurizer leaves it (one token per word)."""
    message = Message(data={TEXT: text, **data})
    words, start = [], 0
    for word in text.split():
        start = text.index(word, start)
        words.append(Token(word, start))
        start += len(word)
    message.set(TOKENS_NAMES[TEXT], words)
    return message


def test_a_message_gets_one_sentence_feature_of_the_encoders_size(featurizer):
    message = tokenized("i cant stop worrying about my exams")
    featurizer.process([message])
    sentence = message.get_dense_features(TEXT, ["semantic"])[1]
    assert message.get_dense_features(TEXT, ["semantic"])[0] is None      # no sequence feature
    assert sentence.features.shape == (1, featurizer.encoder.dim) == (1, 256)
    assert sentence.type == FEATURE_TYPE_SENTENCE and sentence.origin == ["semantic"]
    assert np.isclose(np.linalg.norm(sentence.features), np.sqrt(256), rtol=1e-4)


def test_training_examples_are_featurized_and_label_only_messages_are_left_alone(featurizer):
    examples = [tokenized("hello", intent="greet"),
                Message(data={INTENT: "greet"})]
    featurizer.process_training_data(TrainingData(examples))
    assert [len(m.features) for m in examples] == [1, 0]
    assert all(f.type != FEATURE_TYPE_SEQUENCE for m in examples for f in m.features)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_a_text_with_no_tokens_gets_no_feature_so_diet_sees_what_it_was_trained_on(
        featurizer, text):
    # A sentence feature with no sparse features beside it does not match DIET's inputs (the
    # empty message sent by a channel crashed the parse).
    message = tokenized(text)
    featurizer.process([message])
    assert message.features == []



def test_config_runs_it_before_diet_with_the_sparse_featurizers_kept():
    names = [c["name"] for c in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    assert names.index("bot.nlu.semantic.SemanticFeaturizer") < names.index("DIETClassifier")
    assert names.count("CountVectorsFeaturizer") == 2
