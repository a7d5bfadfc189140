"""Does training give the same model twice? Trains the NLU twice from the same files with the
environment `make train` uses (the Makefile's TRAIN_ENV), then parses every development
message with both and counts the differences.

    .venv/bin/python -m bench.reproducibility            # about 20 minutes on 2 cores
    .venv/bin/python -m bench.reproducibility --env ""   # without TRAIN_ENV, for comparison

Why it matters: a change is judged by a few held-out messages, and a model that moves on
retraining alone (it did: three held-out urgent messages between two trainings of the same
data, before TRAIN_ENV) hides what the change did.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import yaml

from bench.blind_sets import understanding_devs

ROOT = Path(__file__).resolve().parents[1]


def train_env() -> str:
    return subprocess.run(["make", "-s", "print-train-env"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


def train(name: str, out: Path, env_text: str) -> float:
    env = dict(os.environ, RASA_CACHE_DIRECTORY=str(out / f"cache-{name}"),
               RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2")
    env.update(dict(item.split("=", 1) for item in shlex.split(env_text)))
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "bot", "train", "nlu", "--config", "config.yml",
                    "--nlu", "data", "--domain", "domain", "--out", str(out),
                    "--fixed-model-name", name], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def messages() -> List[str]:
    texts = []
    for folder in understanding_devs():
        for path in sorted(folder.glob("*.yml")):
            texts += [row["text"] for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []
                      if isinstance(row, dict) and "text" in row]
    return texts


async def parse_all(model: Path, texts: Sequence[str]) -> List[Dict[str, float]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    found = []
    for text in texts:
        parsed = await agent.parse_message(text)
        found.append({r["name"]: r["confidence"] for r in parsed["intent_ranking"]}
                     | {"": parsed["intent"]["name"]})
    return found


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", default=None, help="training environment (default: TRAIN_ENV)")
    args = parser.parse_args(argv)
    from bot import patches

    patches.install()
    env_text = train_env() if args.env is None else args.env
    out = Path(tempfile.mkdtemp(prefix="bench-reproducibility-"))
    seconds = [train(name, out, env_text) for name in ("first", "second")]
    texts = messages()
    first, second = (asyncio.run(parse_all(out / f"{name}.tar.gz", texts))
                     for name in ("first", "second"))
    top = sum(a[""] != b[""] for a, b in zip(first, second))
    diff = max((abs(a[k] - b.get(k, 0.0)) for a, b in zip(first, second) for k in a if k),
               default=0.0)
    print(f"environment: {env_text or '(none)'}")
    print(f"training: {seconds[0]:.0f} s and {seconds[1]:.0f} s")
    print(f"{len(texts)} development messages: top intent differs on {top}, "
          f"largest confidence difference {diff:.6f}")
    return 0 if top == 0 and diff == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
