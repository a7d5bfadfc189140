"""What a message says after it opens as an ordinary reply or answer to the bot.

Why: the model reads a whole message, and an opening it knows well outweighs what follows: "any
other ones, i just want it all to be over" was read as a wish for more services at the model's
full confidence (the independent review of round 19), and "3. one of my students is in the
toilets now and has messaged her friend that she's cutting", said to "who is the help for?", as
the answer alone (development set 17). The NLU reads the rest on its own as well
(bot/nlu/clauses.py) and keeps that reading when it is more urgent (safety/clauses.py).
"""
from __future__ import annotations

import re
from typing import Optional

from services_catalog.locality import AMBIGUOUS, FOUND, OUTSIDE, resolve

from .after_list import has_risk_words, opens_as_a_list_reply
from .answers import short_answer
from .details import find_age, find_place, only_a_detail

#: A clause of a message: its words and the punctuation after them.
_CLAUSE = re.compile(r"[^.,;:!?\n()]+[.,;:!?\n()]*")
_CLAUSE_END = re.compile(r"[.,;:!?\n()\s]+$")
#: A greeting alone opens any message; it is no reply to the bot.
_GREETING = re.compile(r"^\W*(?:hi|hiya|hello|hey|heya|hallo|morning|evening|afternoon)\W*$")
#: Longer messages are read whole only (a reply with a long story after it is still split:
#: the review of round 20).
_LONGEST = 2000
#: Where a new clause starts without a comma: a dash between words, an ellipsis, or a word that
#: turns to another matter ("ok thanks - he said if i tell anyone", "ty also my dad hit me",
#: "cheers but honestly ...").
_TURN = re.compile(r"\s[-\u2013\u2014]+\s|[\u2013\u2014\u2026]|\s(?=(?:also|oh and|anyway|anyways|btw|but|"
                   r"and also|ps)\b)", re.IGNORECASE)
#: Laughter beside a reply is still the reply ("haha ok thanks", "no lol").
_LAUGHTER = re.compile(r"\b(?:lol+|lmao+|lmfao|haha\w*|hehe\w*|jk)\b"
                       r"|[\U0001F600-\U0001F64F\U0001F923\U0001F480]")
#: A choice from the bot's numbered question, alone or with a word or two ("1", "1 i guess",
#: "3. someone i work with"), never a count ("20 tablets", "3 days").
_CHOICE = re.compile(r"^\d{1,2}(?:\s+(?:i\s+guess|i\s+think|probably|maybe|me|its\s+me|it's\s+me|for\s+me|"
                     r"my\s+\w+|someone\s+i\s+work\s+with|a\s+pupil|a\s+student))?$")
#: Words that say who the help is for, as an answer ("me", "its me", "my son").
_WHO = re.compile(r"^(?:me|its\s+me|it's\s+me|for\s+me|myself|my\s+(?:son|daughter|child|kid|boy|girl)|"
                  r"a\s+(?:pupil|student|young\s+person))$")
#: A few words that only say more closely where ("near the station", "by the bridge").
_WHERE_ONLY = re.compile(r"^(?:just\s+|right\s+)?(?:near|by|next\s+to|opposite|behind|outside|on|in|at|off|"
                         r"round|around|close\s+to|up\s+by|down\s+by)\s+(?:\S+\s*){1,3}[.!]?$",
                         re.IGNORECASE)
#: The most words a plain answer clause has ("our college is in harlow", "hes 15 in year 10").
_ANSWER_WORDS = 6


def _opens_as_an_answer(clause: str) -> bool:
    """A plain answer to the bot's own question: yes or no, a numbered choice, who it is for,
    an age or a place, in a short clause with no word of risk."""
    if has_risk_words(clause) or len(clause.split()) > _ANSWER_WORDS:
        return False
    if short_answer(clause) is not None or _CHOICE.match(clause) or _WHO.match(clause):
        return True
    if find_age(clause) is not None or find_place(clause) is not None:
        return True
    place = resolve(clause)  # a place on its own ("rochester", "ME7")
    return place.exact and place.status in (FOUND, AMBIGUOUS, OUTSIDE)


def told_after_a_reply(text: str) -> Optional[str]:
    """What ``text`` says after it opens as an ordinary reply: "any other ones, it's all
    arranged for friday" gives "it's all arranged for friday"; "1 i guess. anyway i looked up
    the tide times" gives "anyway i looked up the tide times"; None when it opens otherwise or
    says nothing more. Clauses are read in order: each that is a courtesy, a question about the
    list, a referral or next-step question, any other reply read_after_list knows, or a plain
    answer (yes or no, a numbered choice, who it is for, an age, a place), never a clause with a
    word of risk, is part of the opening; the rest begins at the first clause that is none of
    these. A greeting alone is no reply ("hi, i need help with my son" is a message like any
    other)."""
    raw = _TURN.sub(", ", (text or "").replace("\u2019", "'"))
    if not raw.strip() or len(raw) > _LONGEST or only_a_detail(raw):
        return None  # "dartford, by the bridge" is the place said, not a place and a bridge
    start, replied = 0, False
    for found in _CLAUSE.finditer(raw):
        clause = re.sub(r"\s+", " ", _CLAUSE_END.sub("", _LAUGHTER.sub(" ", found.group(0))).strip().lower())
        if not clause or _GREETING.match(clause):
            start = found.end()
            continue
        if not (opens_as_a_list_reply(clause, found.group(0)) or _opens_as_an_answer(clause)):
            break
        start, replied = found.end(), True
    rest = raw[start:].strip()
    if _WHERE_ONLY.match(rest):
        return None  # "maidstone, near the station": where, said more closely
    return rest if replied and len(re.findall(r"[^\W\d_]+", rest)) >= 2 else None
