"""The reply to a message in another language, from signposting/content/languages.yml.

Each language has five short sentences (this chat reads only English; 999 in danger; NHS 111
option 2; how to ask for an interpreter; Childline), composed here into two replies:

- ``help``: 999 and NHS 111 option 2 first, then "this chat reads only English", then how to ask
  for an interpreter and Childline (a message we cannot read: it may be urgent in words our
  per-language lexicons do not know, so the routes lead every reply in another language);
- ``urgent``: the same routes first, 999 leading, with the interpreter in the first paragraph and
  "this chat reads only English" last (a message whose words say someone may be at risk).

Each reply is two paragraphs, so that an SMS split keeps every text within three segments even
in UCS-2 (tests/test_languages_content.py). Numbers are never translated: the sentences carry
placeholders filled from the file's ``numbers`` (ASCII digits, the catalogue's own), and the
interpreter phrase is English, the words to say on the phone. No Rasa import.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

import yaml

CONTENT = Path(__file__).parent / "content" / "languages.yml"

SENTENCES = ("only_english", "danger", "urgent", "interpreter", "childline")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    native: str
    script: str
    direction: str
    produced: str
    awaits_native_review: bool
    say: Tuple[str, ...]
    text: Mapping[str, str]
    also: Tuple[str, ...] = field(default=())

    def sentence(self, key: str, numbers: Mapping[str, str]) -> str:
        ask = " / ".join(f'"Interpreter, {name}"' for name in self.say)
        return self.text[key].format(ask=ask, **numbers).strip()

    def reply(self, kind: str, numbers: Mapping[str, str]) -> str:
        """``help`` or ``urgent``: two paragraphs in this language."""
        s = {key: self.sentence(key, numbers) for key in SENTENCES}
        if kind == "urgent":
            first = [s["danger"], s["urgent"], s["interpreter"]]
            second = [s["childline"], s["only_english"]]
        elif kind == "help":
            first = [s["danger"], s["urgent"], s["only_english"]]
            second = [s["interpreter"], s["childline"]]
        else:
            raise ValueError(kind)
        return " ".join(first) + "\n\n" + " ".join(second)


@dataclass(frozen=True)
class Content:
    numbers: Mapping[str, str]
    english: Mapping[str, str]
    languages: Tuple[Language, ...]
    facts: Tuple[Mapping[str, str], ...]

    def by_code(self) -> Dict[str, Language]:
        codes: Dict[str, Language] = {}
        for language in self.languages:
            codes[language.code] = language
            for other in language.also:
                codes[other] = language
        return codes

    def get(self, code: Optional[str]) -> Optional[Language]:
        return self.by_code().get(code or "")

    def english_after(self, kind: str) -> str:
        return " ".join(self.english[f"after_{kind}"].split())

    def texts_by_language(self) -> Dict[str, Language]:
        """Every reply text in another language, to the language it is in (the web chat page
        marks each with its ``lang`` and ``dir``)."""
        return {language.reply(kind, self.numbers): language
                for language in self.languages for kind in ("help", "urgent")}


def _language(entry: Mapping) -> Language:
    return Language(
        code=entry["code"], name=entry["name"], native=entry["native"], script=entry["script"],
        direction=entry["direction"], produced=entry["produced"],
        awaits_native_review=bool(entry["awaits_native_review"]),
        say=tuple(entry["say"]), text=dict(entry["text"]), also=tuple(entry.get("also") or ()))


@lru_cache(maxsize=1)
def load(path: Path = CONTENT) -> Content:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Content(numbers=dict(data["numbers"]), english=dict(data["english"]),
                   languages=tuple(_language(e) for e in data["languages"]),
                   facts=tuple(data.get("facts") or ()))


def codes() -> List[str]:
    return [language.code for language in load().languages]
