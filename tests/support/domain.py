"""What the Rasa server would say for a message the action server sent by response name.

The actions say fixed texts by naming a domain response (``utter_message(response=...)``), and
Rasa fills it in; the action tests see only the name. ``render`` fills it in as Rasa's response
generator does (the variation for the channel, else the one without a channel or condition;
``{name}`` from the message's values), so the tests check the words a person would read.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def domain() -> Any:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain"))


def render(message: Dict[str, Any], channel: Optional[str] = None) -> str:
    """The text of a dispatcher message: its own text, or its response's, filled in."""
    from rasa.core.nlg.interpolator import interpolate_text

    name = message.get("response")
    if not name:
        return message["text"]
    variations = domain().responses.get(name)
    assert variations, f"{name} is not a response in the domain"
    plain = [v for v in variations if not v.get("condition")]
    chosen = ([v for v in plain if v.get("channel") == channel] if channel else []) or \
        [v for v in plain if not v.get("channel")]
    assert chosen, f"{name} has no variation without a condition for channel {channel}"
    values = {k: v for k, v in message.items() if k not in ("text", "response")}
    return interpolate_text(chosen[0]["text"], values)


def said(name: str, **values: Any) -> str:
    """The words of the domain response ``name`` (no condition, no channel), filled in."""
    return render({"response": name, **values})
