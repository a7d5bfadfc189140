"""Sentence encoders over local files: a static token-embedding table, and a small BERT run in
numpy. Both return one unit-length float32 vector per text (zeros for a text with no tokens).

Why two: the static table (WordLlama) costs a table lookup and a mean per message; MiniLM reads
the words in context but costs a 6-layer transformer per message. docs/performance.md compares
them as features for the intent classifier.

Input is stripped (a blank message has no vector: zeros) and bounded before the tokenizer sees
it (MAX_CHARS) and after (max tokens), so a huge message costs no more than a long one. Nothing
here touches the network: the tokenizers and weights are read from the folder that
semantic.fetch filled.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

#: Characters of a message that are embedded; the rest is ignored (no message people send to
#: a chat bot needs more to say what it is about, and this bounds the tokenizer's work).
MAX_CHARS = 2000


class Encoder:
    """Text -> unit-length vector of ``dim`` float32 values."""

    dim: int
    folder: Path

    def embed(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def embed_many(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.embed(text) for text in texts]) if texts else \
            np.zeros((0, self.dim), np.float32)


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm > 0 else vector.astype(np.float32)


def _tokenizer(path: Path, max_tokens: int) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_tokens)
    return tokenizer


_DTYPES = {"F16": np.float16, "F32": np.float32}


def mapped_tensor(path: Path, name: str) -> np.ndarray:
    """One tensor of a safetensors file, memory-mapped read-only rather than read.

    The format is an 8-byte little-endian header length, a JSON header giving each tensor's
    dtype, shape and byte offsets after the header, then the data. Mapped, only the pages of the
    rows a process looks up take memory, and processes share them.
    """
    with open(path, "rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        entry = json.loads(handle.read(size))[name]
    start, end = entry["data_offsets"]
    dtype = np.dtype(_DTYPES[entry["dtype"]]).newbyteorder("<")
    table = np.memmap(path, dtype=dtype, mode="r", offset=8 + size, shape=tuple(entry["shape"]))
    if table.nbytes != end - start:
        raise ValueError(f"{path}: {name} has {end - start} bytes, expected {table.nbytes}")
    return table


class StaticEncoder(Encoder):
    """The mean of the text's token embeddings (WordLlama's pooling), then unit length.

    The table (32,000 x 256 float16, 16 MB) is memory-mapped (mapped_tensor): a message needs
    only its own rows, converted to float32 before the mean. Tokens are taken as the tokenizer
    splits the text, with no special tokens (as WordLlama does).
    """

    def __init__(self, folder: Path, max_tokens: int = 512) -> None:
        self.folder = folder
        self.table = mapped_tensor(folder / "embeddings.safetensors", "embedding.weight")
        self.dim = int(self.table.shape[1])
        self.tokenizer = _tokenizer(folder / "tokenizer.json", max_tokens)

    def token_ids(self, text: str) -> List[int]:
        text = text[:MAX_CHARS].strip()
        return self.tokenizer.encode(text, add_special_tokens=False).ids if text else []

    def embed(self, text: str) -> np.ndarray:
        ids = self.token_ids(text)
        if not ids:
            return np.zeros(self.dim, np.float32)
        return _unit(self.table[np.asarray(ids)].astype(np.float32).mean(axis=0))


class MiniLMEncoder(Encoder):
    """sentence-transformers' all-MiniLM-L6-v2 in numpy: BERT (6 layers, 12 heads, hidden 384,
    exact GELU, LayerNorm eps 1e-12), the mean of the last layer over all tokens ([CLS] and
    [SEP] included), then unit length, as the sentence-transformers model does.

    Weights are held as float32 (about 87 MB), each matrix transposed once at load so a message
    is plain ``x @ W``. Texts are cut at 128 tokens (the packaged tokenizer's setting; the
    model's own limit is 256): no message here is that long, and attention costs grow with the
    square of the length.
    """

    eps = 1e-12

    def __init__(self, folder: Path, max_tokens: int = 128) -> None:
        from scipy.special import erf  # only this encoder needs it

        self.erf = erf
        self.folder = folder
        weights = load_file(str(folder / "model.safetensors"))
        self.tokenizer = _tokenizer(folder / "tokenizer.json", max_tokens)
        w: Dict[str, np.ndarray] = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()
                                    if v.dtype != np.int64}
        self.word = w["embeddings.word_embeddings.weight"]
        self.dim = int(self.word.shape[1])
        self.heads = 12
        self.position = w["embeddings.position_embeddings.weight"]
        self.tokenizer.enable_truncation(min(max_tokens, len(self.position)))
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.embed_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        index = 0
        while f"encoder.layer.{index}.attention.self.query.weight" in w:
            p = f"encoder.layer.{index}."

            def dense(name: str, p: str = p):
                return (np.ascontiguousarray(w[p + name + ".weight"].T), w[p + name + ".bias"])

            q, k, v = dense("attention.self.query"), dense("attention.self.key"), \
                dense("attention.self.value")
            self.layers.append({
                "qkv": (np.ascontiguousarray(np.concatenate([q[0], k[0], v[0]], axis=1)),
                        np.concatenate([q[1], k[1], v[1]])),
                "out": dense("attention.output.dense"),
                "norm1": (w[p + "attention.output.LayerNorm.weight"],
                          w[p + "attention.output.LayerNorm.bias"]),
                "up": dense("intermediate.dense"),
                "down": dense("output.dense"),
                "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            })
            index += 1

    def _norm(self, x: np.ndarray, params) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * params[0] + params[1]

    def hidden_states(self, ids: Sequence[int]) -> np.ndarray:
        """The last layer's output, one row per token."""
        n = len(ids)
        x = self.word[np.asarray(ids)] + self.position[:n] + self.token_type
        x = self._norm(x, self.embed_norm)
        size = self.dim // self.heads
        for layer in self.layers:
            qkv = x @ layer["qkv"][0] + layer["qkv"][1]
            q, k, v = (qkv[:, i * self.dim:(i + 1) * self.dim].reshape(n, self.heads, size)
                       .transpose(1, 0, 2) for i in range(3))
            scores = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(size))
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(n, self.dim)
            x = self._norm(x + context @ layer["out"][0] + layer["out"][1], layer["norm1"])
            h = x @ layer["up"][0] + layer["up"][1]
            h = 0.5 * h * (1.0 + self.erf(h / np.float32(np.sqrt(2.0))))
            x = self._norm(x + h @ layer["down"][0] + layer["down"][1], layer["norm2"])
        return x.astype(np.float32)

    def embed(self, text: str) -> np.ndarray:
        text = text[:MAX_CHARS].strip()
        if not text:
            return np.zeros(self.dim, np.float32)
        ids = self.tokenizer.encode(text).ids     # [CLS] ... [SEP]
        return _unit(self.hidden_states(ids).mean(axis=0))


KINDS = {"static": StaticEncoder, "minilm": MiniLMEncoder}


def load(folder: str | Path) -> Encoder:
    """The encoder for a folder filled by semantic.fetch (its SOURCE.json names the kind)."""
    folder = Path(folder)
    manifest = json.loads((folder / "SOURCE.json").read_text(encoding="utf-8"))
    return KINDS[manifest["kind"]](folder)
