"""Intent classification quality: a held-out test set, and cross-validation on the training data.

    .venv/bin/python -m bench.nlu                 # held-out set with the trained model (~30 s)
    .venv/bin/python -m bench.nlu --cv 5          # also 5-fold cross-validation (trains 5 models)
    .venv/bin/python -m bench.nlu --model M --cv 5 --config C   # a variant's model and config

The held-out set (tests/data/nlu_test.yml) was written independently of the training data and
is never trained on. Messages go through the whole NLU pipeline (DIET, fallback, short answers,
safety component), so an urgent message read as a check-in counts as an error. Reported: per
intent precision, recall, F1 and support; macro-F1; the most frequent confusions.
Target (issue 5): macro-F1 at least 0.90 on the held-out set.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Rasa's command line with the project's patches, as the Makefile runs it.
RASA = [sys.executable, "-m", "bot"]


def run_rasa(args, out: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3",
               RASA_TELEMETRY_ENABLED="false")
    subprocess.run([*RASA, "test", "nlu", *args, "--out", str(out), "--no-plot"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return json.loads((out / "intent_report.json").read_text())


def confusions(out: Path, top: int):
    path = out / "intent_errors.json"
    if not path.exists():
        return []
    errors = json.loads(path.read_text())
    counts = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
    return counts.most_common(top)


def table(title: str, report: dict, out: Path, top: int) -> float:
    intents = sorted(k for k, v in report.items() if isinstance(v, dict) and "support" in v
                     and k not in ("macro avg", "weighted avg", "micro avg"))
    print(f"\n{title}")
    print(f"{'intent':<32}{'precision':>10}{'recall':>8}{'f1':>8}{'n':>6}")
    for name in intents:
        row = report[name]
        print(f"{name:<32}{row['precision']:>10.2f}{row['recall']:>8.2f}{row['f1-score']:>8.2f}"
              f"{row['support']:>6}")
    macro = report["macro avg"]["f1-score"]
    print(f"{'macro avg':<32}{report['macro avg']['precision']:>10.3f}"
          f"{report['macro avg']['recall']:>8.3f}{macro:>8.3f}")
    print(f"accuracy {report.get('accuracy', 0):.3f}")
    pairs = confusions(out, top)
    if pairs:
        print("most frequent confusions (label -> predicted: count):")
        for (label, predicted), count in pairs:
            print(f"  {label} -> {predicted}: {count}")
    return macro


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "models" / "current.tar.gz"))
    parser.add_argument("--test", default=str(ROOT / "tests" / "data" / "nlu_test.yml"))
    parser.add_argument("--config", default="config.yml",
                        help="pipeline for the cross-validation (default: config.yml)")
    parser.add_argument("--cv", type=int, default=0, help="folds of cross-validation (0: none)")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        held_out = Path(tmp) / "held_out"
        report = run_rasa(["--model", args.model, "--nlu", args.test], held_out)
        macro = table(f"held-out set ({args.test})", report, held_out, args.top)
        print(f"target macro-F1 >= 0.90: {'met' if macro >= 0.90 else 'NOT met'}")
        if args.cv:
            folds = Path(tmp) / "cv"
            report = run_rasa(["--nlu", "data/nlu", "--config", args.config, "--cross-validation",
                               "--folds", str(args.cv)], folds)
            table(f"{args.cv}-fold cross-validation on data/nlu", report, folds, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
