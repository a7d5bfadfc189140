"""Tests that depend on one of the project's patches to Rasa (bot/patches/) say so here: the
patch is installed for them and a test fails, rather than passing for the wrong reason, when
``BOT_PATCHES_OFF`` has switched it off."""
from __future__ import annotations

import pytest

from bot import patches


def require_patch(name: str) -> None:
    assert name in patches.NAMES, f"no patch named {name!r}"
    patches.install()
    if name not in patches.installed():
        pytest.fail(f"this test needs the {name} patch to Rasa, which {patches.OFF_ENV} "
                    f"switched off")
