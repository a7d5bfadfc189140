"""The Makefile retrains the model when any file the trained pipeline runs or imports changes.

Its list (MODEL_CODE) is made from folders, not written by hand; this checks that every module
of the project that the pipeline's components and policies import, in a fresh interpreter, is
on it, so a new import from another folder cannot leave a stale model in place.
"""
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def pipeline_modules():
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    names = [item["name"] for item in config["pipeline"] + config["policies"]]
    return sorted({name.rsplit(".", 1)[0] for name in names if "." in name})


def test_the_pipeline_uses_project_components():
    assert "bot.nlu.safety" in pipeline_modules()
    assert "bot.dialogue.policy" in pipeline_modules()


def test_every_project_module_the_pipeline_imports_forces_a_retrain():
    code = ("import sys, json\n"
            f"import {', '.join(pipeline_modules())}\n"
            "import bot.patches, bot.nlu.spacy_pipeline\n"
            "bot.patches.install({})\n"
            "print(json.dumps(sorted(m.__file__ for m in list(sys.modules.values())\n"
            "                        if getattr(m, '__file__', None))))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env={"PYTHONPATH": str(ROOT),
                                                         "TF_CPP_MIN_LOG_LEVEL": "3",
                                                         "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {Path(f).resolve() for f in __import__("json").loads(result.stdout.splitlines()[-1])}
    ours = {path.relative_to(ROOT).as_posix() for path in imported
            if ROOT in path.parents and ".venv" not in path.parts}
    listed = set(subprocess.run(["make", "-s", "print-model-code"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.split())
    assert ours, "no project module was imported"
    assert ours <= listed, f"imported by the pipeline but not in MODEL_CODE: {ours - listed}"
