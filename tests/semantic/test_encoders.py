"""The semantic package: loading from a local folder, deterministic and bounded embedding, odd
input, and no network. Runs on a tiny model the test makes (always) and on the real model
files make fetches (build/semantic/, `make unit` fetches them first)."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import save_file
from tokenizers import Tokenizer, models, pre_tokenizers

import semantic
from semantic.encoders import MAX_CHARS

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "build" / "semantic" / "wordllama"
ODD = ["", " ", "\n\t", "😢😢😢", "🏳️‍🌈 im gay and scared", "كيف حالك", "我很难过",
       "Ich fühle mich schlecht", "x" * 200_000, "word " * 50_000, "\x00\x01 nul",
       "I'm 14 & can't sleep!!!???"]


def tiny_static(folder: Path, dim: int = 8) -> Path:
    """A model folder of the real layout: a word-level tokenizer over a few words and a random
    table, with the SOURCE.json semantic.fetch writes."""
    words = ["[UNK]", "i", "feel", "sad", "anxious", "happy", "sleep", "cant"]
    tokenizer = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(folder / "tokenizer.json"))
    table = np.random.default_rng(0).normal(size=(len(words), dim)).astype(np.float16)
    save_file({"embedding.weight": table}, str(folder / "embeddings.safetensors"))
    (folder / "SOURCE.json").write_text(json.dumps({"kind": "static"}))
    return folder


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> semantic.Encoder:
    return semantic.load(tiny_static(tmp_path_factory.mktemp("tiny")))


@pytest.fixture(scope="module")
def real() -> semantic.Encoder:
    if not (REAL / "SOURCE.json").exists():
        pytest.fail(f"{REAL} is missing: run make (python -m semantic.fetch wordllama {REAL})")
    return semantic.load(REAL)


def test_a_tiny_model_embeds_as_the_mean_of_its_token_vectors(tiny, tmp_path):
    folder = tiny_static(tmp_path / "again")
    table = semantic.load(folder).table        # type: ignore[attr-defined]
    expected = table[[1, 2, 3]].astype(np.float32).mean(axis=0)
    assert np.allclose(tiny.embed("i feel sad"), expected / np.linalg.norm(expected), atol=1e-6)


@pytest.mark.parametrize("name", ["tiny", "real"])
def test_vectors_are_unit_length_and_the_same_every_time(name, request):
    encoder = request.getfixturevalue(name)
    first = encoder.embed("i cant sleep and feel anxious")
    assert first.shape == (encoder.dim,) and first.dtype == np.float32
    assert np.isclose(np.linalg.norm(first), 1.0, atol=1e-5)
    assert np.array_equal(first, encoder.embed("i cant sleep and feel anxious"))
    again = semantic.load(encoder.folder)
    assert np.array_equal(first, again.embed("i cant sleep and feel anxious"))


@pytest.mark.parametrize("name", ["tiny", "real"])
def test_odd_input_gives_a_finite_vector(name, request):
    encoder = request.getfixturevalue(name)
    vectors = encoder.embed_many(ODD)
    assert vectors.shape == (len(ODD), encoder.dim)
    assert np.isfinite(vectors).all()
    assert not vectors[0].any() and not vectors[1].any()    # nothing to embed: zeros
    assert encoder.embed_many([]).shape == (0, encoder.dim)


def test_the_table_is_mapped_not_read_and_equals_what_safetensors_reads(real):
    from safetensors.numpy import load_file

    assert isinstance(real.table, np.memmap)
    expected = load_file(str(REAL / "embeddings.safetensors"))["embedding.weight"]
    assert real.table.dtype == expected.dtype and np.array_equal(real.table, expected)


def test_a_huge_message_costs_no_more_than_its_first_characters(real):
    start = time.perf_counter()
    huge = real.embed("I feel anxious. " * 100_000)
    assert time.perf_counter() - start < 0.5
    assert np.array_equal(huge, real.embed(("I feel anxious. " * 100_000)[:MAX_CHARS]))


def test_the_real_model_is_fast_and_places_paraphrases_together(real):
    texts = ["I can't stop worrying about everything", "im anxious all the time",
             "kids at school keep picking on me", "I've been bullied at school"]
    start = time.perf_counter()
    for _ in range(100):
        vectors = real.embed_many(texts)
    assert (time.perf_counter() - start) / 400 < 0.005       # about 0.1 ms here
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] and similarity[0, 1] > similarity[0, 3]
    assert similarity[2, 3] > similarity[2, 0] and similarity[2, 3] > similarity[2, 1]


def test_the_real_model_loads_and_embeds_with_no_network():
    """In a process with no network at all (its own network namespace, where the machine
    allows one) and with every Python socket connection refused."""
    code = (
        "import sys\n"
        "def refuse(event, args):\n"
        "    if event in ('socket.connect', 'socket.getaddrinfo'):\n"
        "        raise RuntimeError('network used: ' + event)\n"
        "sys.addaudithook(refuse)\n"
        "import semantic\n"
        f"print(semantic.load({str(REAL)!r}).embed('hello there').shape)\n")
    command = [sys.executable, "-c", code]
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        command = ["unshare", "-n", *command]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                 "HOME": "/nonexistent"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "(256,)"


def tiny_minilm(folder: Path, hidden: int = 24, layers: int = 2) -> Path:
    """A random BERT of MiniLM's layout (12 heads, as MiniLMEncoder assumes) with a word-piece
    tokenizer adding [CLS] and [SEP], to exercise the numpy forward pass."""
    from tokenizers import processors

    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "i", "feel", "sad", "##s", "anxious"]
    tokenizer = Tokenizer(models.WordPiece({w: i for i, w in enumerate(words)},
                                           unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(folder / "tokenizer.json"))
    rng = np.random.default_rng(1)

    def r(*shape):
        return rng.normal(scale=0.2, size=shape).astype(np.float32)

    w = {"embeddings.word_embeddings.weight": r(len(words), hidden),
         "embeddings.position_embeddings.weight": r(64, hidden),
         "embeddings.token_type_embeddings.weight": r(2, hidden),
         "embeddings.LayerNorm.weight": np.ones(hidden, np.float32),
         "embeddings.LayerNorm.bias": np.zeros(hidden, np.float32)}
    for n in range(layers):
        p = f"encoder.layer.{n}."
        for name, (out, inp) in {"attention.self.query": (hidden, hidden),
                                 "attention.self.key": (hidden, hidden),
                                 "attention.self.value": (hidden, hidden),
                                 "attention.output.dense": (hidden, hidden),
                                 "intermediate.dense": (4 * hidden, hidden),
                                 "output.dense": (hidden, 4 * hidden)}.items():
            w[p + name + ".weight"], w[p + name + ".bias"] = r(out, inp), r(out)
        for name in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[p + name + ".weight"] = np.ones(hidden, np.float32)
            w[p + name + ".bias"] = np.zeros(hidden, np.float32)
    save_file(w, str(folder / "model.safetensors"))
    (folder / "SOURCE.json").write_text(json.dumps({"kind": "minilm"}))
    return folder


def test_the_numpy_bert_embeds_deterministically_and_handles_odd_input(tmp_path):
    encoder = semantic.load(tiny_minilm(tmp_path / "minilm"))
    assert isinstance(encoder, semantic.MiniLMEncoder) and len(encoder.layers) == 2
    first = encoder.embed("i feel sad")
    assert first.shape == (24,) and np.isclose(np.linalg.norm(first), 1.0, atol=1e-5)
    assert np.array_equal(first, encoder.embed("i feel sad"))
    assert not np.allclose(first, encoder.embed("i feel anxious"))
    states = encoder.hidden_states(encoder.tokenizer.encode("i feel sad").ids)
    assert states.shape == (5, 24)                       # [CLS] i feel sad [SEP]
    assert np.allclose(states.mean(axis=-1), 0, atol=1e-4)  # each row layer-normalised
    vectors = encoder.embed_many(ODD[:-2] + ["sad " * 1000])  # cut at 128 tokens
    assert np.isfinite(vectors).all() and not vectors[0].any()
