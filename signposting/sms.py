"""Replies as text messages: plain GSM-7 text, buttons as numbered options, sensible splits.

A phone shows markdown as stray stars and brackets, and one curly quote or dash switches a
whole message from GSM-7 (160 characters a segment) to UCS-2 (70), more than doubling what a
reply costs and how many pieces it arrives in. So replies are made plain and GSM-7 first, and
segments are counted the way carriers count them. A turn longer than ``MAX_SEGMENTS`` goes as
several texts, split between paragraphs, then sentences, then words, and never inside a phone
number or a web address, which must stay usable on the screen that shows them.

The opt-out keywords are the carriers' (Twilio's defaults): they are matched exactly, as the
carrier matches them, so that we never answer a STOP the carrier has already acted on.
No Rasa import: the channel in bot/channels/twilio/channel.py is the glue.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Sequence

#: Texts longer than this many segments are sent as several texts. Three concatenated
#: segments still arrive as one message on nearly every phone.
MAX_SEGMENTS = 3

#: Incoming text beyond this is cut before it reaches the model (SMS bodies are at most 1,600
#: characters; WhatsApp allows more).
MAX_INCOMING_CHARS = 2000

# GSM 03.38: the basic table (one septet each) and the extension table (escape + one septet).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM_SINGLE, GSM_MULTI = 160, 153   # septets in one segment, and per part of a long message
UCS2_SINGLE, UCS2_MULTI = 70, 67   # UTF-16 code units likewise

#: Characters that would force UCS-2, with the GSM-7 text that reads the same.
REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
    "\u3000": " ", "\t": " ", "\u200b": "", "\ufeff": "", "\u00ad": "",
    "\u2022": "-", "\u2023": "-", "\u25e6": "-", "\u2043": "-", "\u2219": "-", "\u00b7": "-",
    "\u25aa": "-", "\u25cf": "-",
    "\u00d7": "x", "\u2122": "TM", "\u00a9": "(c)", "\u00ae": "(R)", "\u00bd": "1/2",
    "\u00bc": "1/4", "\u00be": "3/4",
}

OPT_OUT = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit"})
OPT_IN = frozenset({"start", "yes", "unstop"})
HELP = frozenset({"help", "info"})

_URL_END = r"[^\s<>\".,;:!?)\]']"   # an address does not end in the sentence's punctuation
_URL = re.compile(rf"(?:https?://|www\.)[^\s<>\"]+{_URL_END}"
                  rf"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|info|io)"
                  rf"(?:/[^\s<>\"]*{_URL_END})?", re.IGNORECASE)
#: Digit groups joined by single spaces or hyphens: "0800 068 4141", "+44 7700 900123".
_PHONE = re.compile(r"\+?\(?\d[\d)]*(?:[ -]\(?\d[\d()]*)+")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"
                     r"|(?<![\w/])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_CODE = re.compile(r"`([^`\n]+)`")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_LIST_MARK = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_HOLD = "\x00"   # stands in for a space that must not be split at


# -- keywords -------------------------------------------------------------------------------

def keyword(body: str) -> Optional[str]:
    """ "stop", "start" or "help" for a carrier keyword sent on its own, else None.

    Exact single words only, as the carrier matches them: "STOP" opts out at the carrier,
    "stop please" does not, so only the first must go unanswered.
    """
    word = (body or "").strip().lower()
    if word in OPT_OUT:
        return "stop"
    if word in OPT_IN:
        return "start"
    if word in HELP:
        return "help"
    return None


# -- characters and segments ----------------------------------------------------------------

def to_gsm(text: str) -> str:
    """Swap characters that would force UCS-2 for GSM-7 ones that read the same.

    Letters with accents outside GSM-7 lose the accent; anything else (emoji) is kept, and
    the message is then counted as UCS-2.
    """
    out = []
    for char in text.replace("\r\n", "\n"):
        if char in GSM_BASIC or char in GSM_EXTENSION:
            out.append(char)
        elif char in REPLACEMENTS:
            out.append(REPLACEMENTS[char])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", char)
                           if not unicodedata.combining(c))
            out.append(base if base and base.isascii() and base.isalnum() else char)
    return "".join(out)


def is_gsm(text: str) -> bool:
    return all(c in GSM_BASIC or c in GSM_EXTENSION for c in text)


def encoding(text: str) -> str:
    return "GSM-7" if is_gsm(text) else "UCS-2"


def _units(text: str) -> List[int]:
    """Each character's size: septets for GSM-7, UTF-16 code units for UCS-2."""
    if is_gsm(text):
        return [2 if c in GSM_EXTENSION else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def segments(text: str) -> int:
    """How many SMS segments the text is billed and delivered as (0 for no text).

    A character never straddles two segments: an extension character's escape pair and an
    emoji's surrogate pair stay whole, so a long message can take one segment more than a
    plain division suggests.
    """
    if not text:
        return 0
    units = _units(text)
    single, multi = (GSM_SINGLE, GSM_MULTI) if is_gsm(text) else (UCS2_SINGLE, UCS2_MULTI)
    if sum(units) <= single:
        return 1
    count, used = 1, 0
    for size in units:
        if used + size > multi:
            count, used = count + 1, 0
        used += size
    return count


# -- plain text -----------------------------------------------------------------------------

def strip_markdown(text: str) -> str:
    """Markdown as a phone would want it: **bold** and _x_ plain, [text](url) as "text url"."""
    text = _LINK.sub(lambda m: m.group(2) if m.group(1) == m.group(2)
                     else f"{m.group(1)} {m.group(2)}", text)
    urls: List[str] = []

    def hold(match: re.Match) -> str:
        urls.append(match.group(0))
        return f"\x01{len(urls) - 1}\x01"

    text = _URL.sub(hold, text)   # underscores and stars in addresses are not emphasis
    text = _CODE.sub(r"\1", text)
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    text = _ITALIC.sub(lambda m: m.group(1) or m.group(2), text)
    text = _HEADING.sub("", text)
    text = _LIST_MARK.sub(r"\1- ", text)
    return re.sub("\x01(\\d+)\x01", lambda m: urls[int(m.group(1))], text)


def plain(text: str) -> str:
    """Reply text ready for a phone: no markdown, GSM-7 where possible, tidy whitespace."""
    text = to_gsm(strip_markdown(text or ""))
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# -- buttons --------------------------------------------------------------------------------

def numbered_options(buttons: Sequence[Mapping], start: int = 1):
    """("Reply 1 for Yes, 2 for No.", {"1": "/affirm", "2": "/deny"}) for a list of buttons."""
    parts, options = [], {}
    for number, button in enumerate(buttons, start):
        title = plain(str(button.get("title") or button.get("payload") or "")).rstrip(".")
        options[str(number)] = str(button.get("payload") or button.get("title") or "")
        parts.append(f"{number} for {title}")
    # "1 for Yes, delete it; 2 for No, keep it": commas inside titles call for semicolons.
    joiner = "; " if any("," in part for part in parts) else ", "
    text = f"Reply {joiner.join(parts)}." if parts else ""
    return text, options


# -- splitting ------------------------------------------------------------------------------

def _fits(text: str, max_segments: int) -> bool:
    return segments(text) <= max_segments


def _words(text: str) -> List[str]:
    """Words, with phone numbers and addresses kept whole."""
    held = _PHONE.sub(lambda m: m.group(0).replace(" ", _HOLD), text)
    return [w.replace(_HOLD, " ") for w in held.split()]


def _pieces(text: str, level: int) -> List[str]:
    if level == 0:
        return [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if level == 1:
        return [p for p in text.split("\n") if p.strip()]
    if level == 2:
        held = _URL.sub(lambda m: m.group(0).replace(".", _HOLD), text)
        return [p.replace(_HOLD, ".") for p in _SENTENCE_END.split(held) if p.strip()]
    return _words(text)


_JOINERS = ["\n\n", "\n", " ", " "]


def _pack(text: str, max_segments: int, level: int) -> List[str]:
    if level >= len(_JOINERS):
        return [text]   # one word longer than the limit (a very long address): sent whole
    joiner, chunks, current = _JOINERS[level], [], ""
    for piece in _pieces(text, level):
        candidate = f"{current}{joiner}{piece}" if current else piece
        if _fits(candidate, max_segments):
            current = candidate
            continue
        if current:
            chunks.append(current)
            current = ""
        if _fits(piece, max_segments):
            current = piece
        else:
            parts = _pack(piece, max_segments, level + 1)
            chunks.extend(parts[:-1])
            current = parts[-1]
    if current:
        chunks.append(current)
    return chunks


def split_sms(text: str, max_segments: int = MAX_SEGMENTS) -> List[str]:
    """The text as one or more texts of at most ``max_segments`` segments each."""
    text = text.strip()
    if not text:
        return []
    if _fits(text, max_segments):
        return [text]
    return [chunk.strip() for chunk in _pack(text, max_segments, 0) if chunk.strip()]


# -- a whole turn ---------------------------------------------------------------------------

@dataclass
class Turn:
    """What to send for one turn of the bot, and what a numbered reply would mean."""
    texts: List[str] = field(default_factory=list)
    options: Dict[str, str] = field(default_factory=dict)


def format_turn(messages: Iterable[Mapping], max_segments: int = MAX_SEGMENTS) -> Turn:
    """All of a turn's bot messages as texts to send, buttons turned into numbered options.

    Messages are dicts as Rasa's collecting channel keeps them (text, buttons, image,
    attachment); anything else (custom payloads) has no text form and is left out.
    """
    paragraphs: List[str] = []
    options: Dict[str, str] = {}
    for message in messages:
        text = plain(message.get("text") or "")
        buttons = message.get("buttons") or []
        if buttons:
            line, numbered = numbered_options(buttons, start=len(options) + 1)
            options.update(numbered)
            text = f"{text}\n{line}" if text else line
        for link in (message.get("image"), message.get("attachment")):
            if isinstance(link, str) and link.strip():
                text = f"{text}\n{link.strip()}" if text else link.strip()
        if text:
            paragraphs.append(text)
    return Turn(split_sms("\n\n".join(paragraphs), max_segments), options)
