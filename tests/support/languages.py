"""The language code identify() gives a text, or None for English: what the rounds' tests assert."""
from typing import Optional

from languages.identify import identify


def language_of(text: str) -> Optional[str]:
    found = identify(text)
    return found.language if found else None
