"""Every change this project makes to Rasa's own code at run time, listed in one place.

Rasa Open Source 3.6 is maintained, not developed, so where one of its internals is too slow or
waits too long, the project replaces it here rather than forking Rasa. Nothing is replaced when
a module is imported: ``install()`` does it, called explicitly by the project's entry point
(``python -m bot``, which the Makefile and scripts use instead of ``rasa``) and by the tests
that load a model in their own process. The channels log at server start which patches are in
place, so a server started some other way (plain ``rasa run``) says what it runs without.

Each patch has a name, what it is for and what it replaces. ``BOT_PATCHES_OFF`` (names separated
by commas, or ``all``) leaves the named ones as Rasa has them: to compare, or if a Rasa release
moved a name. Every behaviour stays correct without the speed patches; without
``action_timeout`` a hung action server holds a turn for Rasa's five minutes, not ten seconds.

Named "patches" rather than "speedups" because one of them (the action timeout) is about
reliability, not speed.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from importlib import import_module
from typing import Callable, Dict, List, Mapping, Optional, Tuple

logger = logging.getLogger(__name__)

OFF_ENV = "BOT_PATCHES_OFF"
SPEED, RELIABILITY = "speed", "reliability"


@dataclass(frozen=True)
class Patch:
    name: str
    purpose: str  # SPEED or RELIABILITY
    replaces: str  # the Rasa name it replaces
    module: str  # the module of this package with the two functions below
    on: str  # applies the patch
    off: str  # puts Rasa's own code back

    def _function(self, name: str) -> Callable[[], None]:
        # Imported only when needed: the patch modules import Rasa.
        return getattr(import_module(f"{__name__}.{self.module}"), name)

    def apply(self) -> None:
        self._function(self.on)()

    def undo(self) -> None:
        self._function(self.off)()


#: Every patch, in the order they are applied.
PATCHES: Tuple[Patch, ...] = (
    Patch("graph_runs", SPEED, "rasa.engine.runner.dask.DaskGraphRunner.run",
          "graph_runs", "use_in_order", "use_dask"),
    Patch("action_timeout", RELIABILITY,
          "DEFAULT_REQUEST_TIMEOUT of rasa.core.actions.action and rasa.utils.endpoints",
          "action_calls", "install_timeout", "remove_timeout"),
    Patch("action_checks", SPEED, "rasa.core.actions.action.RemoteAction._validate_action_result",
          "action_calls", "install_checks", "remove_checks"),
    Patch("action_connections", SPEED, "rasa.utils.endpoints.EndpointConfig.session",
          "action_calls", "install_connections", "remove_connections"),
)
NAMES = tuple(patch.name for patch in PATCHES)

_installed: Dict[str, Patch] = {}


def switched_off(environ: Optional[Mapping[str, str]] = None) -> List[str]:
    """The patch names ``BOT_PATCHES_OFF`` leaves out; an unknown name is an error, so a typo
    cannot leave a patch on that was meant to be off."""
    raw = (os.environ if environ is None else environ).get(OFF_ENV, "")
    names = [name.strip() for name in raw.split(",") if name.strip()]
    if "all" in names:
        return list(NAMES)
    unknown = sorted(set(names) - set(NAMES))
    if unknown:
        raise ValueError(f"{OFF_ENV} names unknown patches {unknown}; known: {', '.join(NAMES)}")
    return names


def install(environ: Optional[Mapping[str, str]] = None) -> List[str]:
    """Apply every patch not switched off and not applied yet; returns the names newly applied.
    Safe to call again: what is in place stays in place."""
    off = set(switched_off(environ))
    applied = []
    for patch in PATCHES:
        if patch.name in off or patch.name in _installed:
            continue
        patch.apply()
        _installed[patch.name] = patch
        applied.append(patch.name)
    if applied:
        logger.info("Rasa patches installed: %s", describe())
    return applied


def uninstall(names: Optional[List[str]] = None) -> None:
    """Put Rasa's own code back (all patches, or the named ones): for comparisons in tests."""
    for patch in reversed(PATCHES):
        if patch.name in _installed and (names is None or patch.name in names):
            patch.undo()
            del _installed[patch.name]


def installed() -> List[str]:
    return [patch.name for patch in PATCHES if patch.name in _installed]


def describe() -> str:
    """One line for the start-up log: what is replaced, and what runs as Rasa has it."""
    parts = [f"{p.name} ({p.purpose}: replaces {p.replaces})" for p in PATCHES
             if p.name in _installed]
    missing = [p.name for p in PATCHES if p.name not in _installed]
    text = "; ".join(parts) or "none"
    if missing:
        text += f". Not installed, Rasa's own code runs: {', '.join(missing)}"
    return text


def log_status() -> None:
    """At server start: INFO with every patch in place, WARNING naming any that is not (a server
    started with plain ``rasa`` rather than ``python -m bot``, or ``BOT_PATCHES_OFF``)."""
    if len(_installed) == len(PATCHES):
        logger.info("Rasa patches in place: %s", describe())
    else:
        logger.warning("Rasa patches: %s (start with `python -m bot` to install them; "
                       "%s=%r)", describe(), OFF_ENV, os.environ.get(OFF_ENV, ""))
