"""``python -m bot <command>``: Rasa's own command line (``run``, ``train``, ``test``, ``shell``,
``data validate`` ...) with this project's patches to Rasa installed first (bot/patches/).

The one visible place where the patches go in: the Makefile and scripts/run.sh start Rasa this
way, never as plain ``rasa``, so every Rasa process of the project runs the same code.
"""
from __future__ import annotations

import sys


def main() -> None:
    from bot import patches

    patches.install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"  # Rasa's help and errors name its own command
    rasa_main()


if __name__ == "__main__":
    main()
