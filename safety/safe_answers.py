"""What an answer to "are you (is your child) safe right now?" says: safe, not known to be safe,
or neither (then the bot asks again, with 999 first).

The question follows every crisis reply, so its answers decide whether a person is told to call
999 now or can go on to find support. A wrong "safe" would send someone at risk on to a list of
services; a wrong "unclear" asks a parent who wrote "Yes, she's fine, she's downstairs watching
telly" the same question again, and a conversation that should have reached help stalls
(development sets 44, 47, 51). So "safe" is read only where the answer opens by saying that the
one asked about is safe and everything after it is on a short allow-list (where they are, a safe
adult, something ordinary, thanks); everything else is asked again. The policy reads it only
after the suicidal reply (bot/dialogue/guards.py).

Plain Python with no Rasa import: the policy's guards (bot/dialogue/guards.py) read the bot's last
question from the tracker and call these.
"""
from __future__ import annotations

import re

from safety.assess import assess

#: A short, plain answer that says safe: "im safe now", "yes we're ok", "she's fine now hes gone".
#: Anything else ("not sure if im safe", "safe? not really", "i'm ok for now but he'll be back
#: at 6", "i think shes ok, she's just really drowsy": the review of round 23) is asked again.
_PLAINLY_SAFE = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|yh|ya|yea)\W+)?(?:(?:i'?m|im|i\s+am|we'?re|we\s+are|were|she'?s|shes|she\s+is|"
    r"he'?s|hes|he\s+is|they'?re|theyre|they\s+are)\s+)?(?:safe|ok|okay|fine|alright|all\s+right)"
    r"(?:\W+(?:now|thanks|thank\s+you|ty|at\s+home|here|home|atm|rn|honestly|promise|"
    r"(?:he'?s|hes|she'?s|shes|they'?ve|theyve|he\s+has|she\s+has)\s+(?:gone|left)(?:\s+out)?|"
    r"at\s+(?:my|a|her|his)\s+(?:\w+'?s|friends?|nans?|mums?|dads?)(?:\s+house)?))*\W*$")


#: An answer that says the person asked about is not known to be safe: where they are is not
#: known, they cannot be reached ("She's 15. I don't know what to do, should I go out looking for
#: her or stay here in case she comes back??", a mother whose daughter left a note and went out:
#: conversations36; "i dont know where he is", "she's not answering"). Not safe, then: the reply
#: is 999 now, also after the question was asked again. Worry alone ("it's her I'm worried
#: about") is not this: a parent says it of a child at home too, and is asked again.
_NOT_KNOWN_SAFE = re.compile(
    r"\b(?:(?:don'?t|dont|do\s+not|doesn'?t|no\s+one|nobody)\s+knows?\s+(?:where|if|whether)\s+(?:she|he|they)"
    r"|(?:don'?t|dont|do\s+not)\s+know\s+where\s+(?:my|our)\s+\w+\s+(?:is|are|has\s+gone|went)"
    r"|(?:idk|dunno|dno|i\s+dont\s+no)\s+where\s+(?:she|he|they|my\s+\w+)\b"
    r"|no\s+idea\s+where|(?:can'?t|cant|cannot|couldn'?t)\s+(?:find|reach|get\s+hold\s+of|"
    r"get\s+through\s+to|contact)\s+(?:her|him|them)|(?:isn'?t|is\s+not|not|aren'?t|won'?t|wont)\s+"
    r"(?:answering|picking\s+up|pick\s+up|replying)(?!\s+(?:my|me|the|your|our)\s+(?:questions?|messages\s+properly))"
    r"|(?:his|her|their)\s+(?:phone|mobile)(?:\s+is|'?s)?\s+(?:off|dead|switched\s+off|going\s+to\s+voicemail)"
    r"|(?:she|he|they)(?:\s+has|\s+have|'?s|'?ve)?\s+(?:ran|run|stormed|walked|took)\s+(?:off|out|away)\b"
    r"(?!\s+(?:of|on)\b)"
    r"|(?:she'?s|shes|he'?s|hes|they'?re|theyre|is|are)\s+missing"
    r"|(?:go(?:ing)?\s+(?:out\s+)?|be\s+)?looking\s+for\s+(?:her|him|them)\b(?!\s+(?:a|some)\b)"
    r"|(?:in\s+case|till|until|til)\s+(?:she|he|they)\s+(?:comes?|gets?)\s+(?:back|home)"
    r"|(?:hasn'?t|has\s+not|haven'?t|have\s+not)\s+(?:come\s+(?:home|back)|been\s+home|replied|answered))\b")


#: ... unless the same answer says they are with the writer ("yes he's here with me, he's just
#: not answering my questions": the independent review of round 25).
_WITH_THE_WRITER = re.compile(r"\b(?:(?:here|home|sat|sitting|next\s+to\s+me|upstairs|"
                              r"in\s+(?:her|his|their)\s+room)\s+with\s+(?:me|us)|"
                              r"with\s+(?:me|us)\s+(?:now|here|at\s+home)|(?:she'?s|shes|he'?s|hes|"
                              r"they'?re|theyre)\s+(?:here|home|back|in\s+(?:her|his|their)\s+room))\b")


#: Someone said to be (safe): "im", "she's", "theyre" ...; and the words that say safe.
_SOMEONE_IS = r"(?:i'?m|im|we'?re|she'?s|shes|he'?s|hes|they'?re|theyre)"
_SAFE_WORD = r"(?:safe|ok|okay|fine|alright)"

#: ... nor when it opens by saying they are safe ("yes hes safe, hes at school, i just cant get
#: hold of him": the second review of round 25): asked again, as before.
_SAYS_SAFE_FIRST = re.compile(r"^\W*(?:(?:yes|yeah|yep|yh|ya|yea)\W+)?(?:" + _SOMEONE_IS + r"\s+)?"
                              + _SAFE_WORD + r"\b")


#: ... nor when it says after all that they are safe or found ("he walked out, thank god, we're
#: safe now", "she ran off but her dads found her": the independent review of round 26).
_SAFE_AFTER_ALL = re.compile(r"\b(?:found\s+(?:her|him|them)|safe\s+now|calm(?:er)?\s+now|"
                             r"(?:" + _SOMEONE_IS + r"|were|we\s+are|(?:she|he|they)\s+(?:is|are))\s+"
                             + _SAFE_WORD + r")\b")


#: An answer that opens by saying not safe and goes on: "not really hes back when the pub shuts"
#: (conversations42), "im not safe, hes outside". Said only of safety after the safety question.
_OPENS_NOT_SAFE = re.compile(r"^\W*(?:(?:no|nah|nope)\W+)?"
                             r"(?:not\s+(?:really|rlly|rly)\b(?!\W*(?:sure|too\b))|"
                             r"not\s+at\s+all\b|not\s+safe\b|(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+not\s+safe\b|"
                             # "no im not" as the whole answer ("no im not, hes outside") or with
                             # how they are ("no im not ok", "nope im not coping"), never "no im not
                             # going to do anything" (the two reviews of round 27).
                             r"(?:no|nah|nope)\W+(?:i'?m|im)\s+not\s*(?:[,.;!]|$|(?:ok|okay|safe|alright|fine|"
                             r"coping|good|well|at\s+home|home|in\s+a\s+good|going\s+to\s+be\s+(?:ok|okay|safe|"
                             r"alright|fine))\b)|nowhere(?:\s+is)?\s+safe\b)")


#: Asking what to do, said last: "mum n dad are out what do i do", "idk what to do" (a brother
#: and a sister of a young person bleeding in the bathroom, development sets 57 and 59, were
#: asked their age by the services form).
_ASKS_WHAT = (r"(?:what\s+(?:do|should|shall|can|must)\s+(?:i|we|u)\s+do|what\s+now|"
              r"(?:idk|dunno|(?:i\s+)?(?:don'?t|dont|do\s+not)\s+know)\s+what\s+(?:to|i\s+should|we\s+should)\s+do)"
              r"(?:\s+(?:now|pls|plz|please|rn|then|here))*[\W_]*")
_WHAT_TO_DO = re.compile(r"(?:^|\W)" + _ASKS_WHAT + r"$")
#: ... never when help is there or called, or someone with them ("ive already called 999, what
#: now", "the paramedics are here what do i do", "shes in hospital now", "she's with a teacher":
#: the independent review of this reading), nor an answer that opens with a yes, says safe or
#: looks back ("she showed me old scars last week").
_HELP_THERE = re.compile(r"\b(?:999|111|ambulance|paramedics?|police|hospital|a\s*&\s*e|doctors?|gp|nurse|"
                         r"teachers?|called|rang|phoned|ringing|calling|on\s+the\s+phone|"
                         r"parents?\s+know|mum\s+knows|dad\s+knows|safe|fine|ok|okay|alright|last\s+(?:week|month|year|night)|"
                         r"old\s+scars?|ago|used\s+to|yesterday|sometimes|for\s+ages|all\s+the\s+time|asleep|in\s+bed|"
                         r"at\s+school|in\s+class|scratch(?:es)?|not\s+in\s+danger|with\s+(?:her|him|them)\s+now|"
                         r"(?:mum|dad|nan|gran|parents?)(?:'?s|\s+is|\s+are)\s+with|how\s+(?:do|can|should)\s+i\s+help)\b")
_OPENS_YES = re.compile(r"^\W*(?:yes|yeah|yep|yh|ya|yea|i\s+think\s+so)\b")


def asks_what_to_do(text: str) -> bool:
    """The answer to "is the young person you're worried about safe right now?" ends by asking
    what to do, and says nothing of their being safe, of help there or called, or of the past:
    not known to be safe. Read only of a peer telling of another young person hurt or in danger
    (bot/dialogue/guards.py), who is asked again, with 999 first; a parent's "I don't know what
    to do" is too often about a worry of every day to be read so."""
    key = (text or "").lower().replace("\u2019", "'").strip()
    return len(key) <= 160 and bool(_WHAT_TO_DO.search(key)) and not _OPENS_YES.match(key) \
        and not _HELP_THERE.search(key) and not _SAYS_SAFE_FIRST.match(key)


#: A bare ask: only what to do, with "no", "idk", "help", "please" or being alone beside it.
_BARE_ASK = re.compile(r"^\W*(?:(?:no|nah|not\s+really|idk|i\s+don'?t\s+know|not\s+sure|help|"
                       r"please|pls|plz|mum\s+(?:n|and|&)\s+dad\s+(?:are|r)\s+out|(?:i'?m|im)\s+on\s+my\s+own|"
                       r"(?:i'?m|im)\s+(?:home\s+)?alone|no\s+one(?:'?s|\s+is)\s+(?:here|home))\W+)*")


def asks_only_what_to_do(text: str) -> bool:
    """Asking what to do and nothing more ("idk what to do", "help what do i do", "im on my own
    what do i do"): asked a second time, not known to be safe (bot/dialogue/guards.py)."""
    key = (text or "").lower().replace("\u2019", "'").strip()
    if not asks_what_to_do(key):
        return False
    bare = _BARE_ASK.match(key)
    rest = key[bare.end():] if bare else key
    return bool(re.fullmatch(r"\W*" + _ASKS_WHAT, key) or re.fullmatch(_ASKS_WHAT, rest))


def unsure_of_safety(text: str) -> bool:
    """The answer to "are you (is your child) safe right now?" says that someone is not known to
    be safe: missing, not answering, where they are not known, or "not really" and more."""
    key = (text or "").lower().replace("\u2019", "'")
    if len(key) <= 300 and _OPENS_NOT_SAFE.match(key):
        return not _SAFE_AFTER_ALL.search(key)  # "he's back" here is the danger, not the child
    return (len(key) <= 300 and bool(_NOT_KNOWN_SAFE.search(key)) and not _WITH_THE_WRITER.search(key)
            and not _SAYS_SAFE_FIRST.match(key) and not _SAFE_AFTER_ALL.search(key))


def says_safe(text: str) -> bool:
    """A short answer that says plainly that the person (or the child) is safe now."""
    text = (text or "").lower().replace("\u2019", "'").strip()
    return len(text.split()) <= 8 and bool(_PLAINLY_SAFE.match(text))


#: Who is said to be safe: the writer (and family), or the young person asked about.
_FIRST = r"(?:i'?m|im|i\s+am|we'?re|we\s+are|were)\s+"
_THIRD = r"(?:she'?s|shes|she\s+is|he'?s|hes|he\s+is|they'?re|theyre|they\s+are|we'?re|we\s+are|were)\s+"
_YES = r"(?:yes|yeah|yep|yh|ya|yea)\W+"
_QUITE = r"(?:totally\s+|completely\s+|perfectly\s+|absolutely\s+|definitely\s+)?"
_SAFE_OR_OK = _QUITE + r"(?:safe|fine|alright|all\s+right|ok|okay)"
#: A safe adult the young person is with.
_ADULT = (r"(?:dad|mum|mom|nan|nana|nanna|gran|granny|grandad|grandma|grandpa|grandparents|parents|aunt|"
          r"auntie|aunty|uncle|husband|wife|partner)")
#: Someone the young person is with: the writer, the family, a safe adult.
_COMPANY = (r"(?:(?:sat|sitting)\s+(?:here\s+)?with\s+(?:me|us)|with\s+(?:me|us)|next\s+to\s+me|"
            r"with\s+(?:my|her|his|their|our)\s+" + _ADULT + r")")
#: Where the young person is, said before whom they are with ("at home with me").
_PLACE = (r"(?:here|home|at\s+home|back\s+home|downstairs|in\s+the\s+(?:lounge|kitchen|living\s+room|"
          r"front\s+room|sitting\s+room))")
#: Where they are: at home, with the writer or a safe adult, at school.
_WHERE = (r"(?:" + _PLACE + r"|" + _COMPANY + r"|at\s+school|"
          r"at\s+(?:my|her|his|their|our)\s+" + _ADULT + r"'?s?(?:\s+house)?)")
#: What they are doing, when it is plainly ordinary.
_DOING = (r"(?:watching\s+(?:the\s+)?(?:telly|tv|a\s+film|a\s+movie|netflix|youtube|football)|"
          r"playing\s+(?:on\s+)?(?:his|her|their|the|my)?\s*(?:xbox|ps5|ps4|playstation|switch|games?|football)|"
          r"doing\s+(?:her|his|their|my)\s+homework|"
          r"(?:having|eating)\s+(?:(?:her|his|their|my|our)\s+)?(?:tea|dinner|lunch|breakfast|supper))")
#: One clause of the rest of the answer that adds only where they are or what ordinary thing
#: they are doing, or thanks: "she's downstairs watching telly", "with us", "thank you".
_HARMLESS = re.compile(
    r"(?:(?:" + _FIRST + r"|" + _THIRD + r")(?:" + _SAFE_OR_OK + r"\s+)?)?(?:(?:sat|sitting|right)\s+)?"
    r"(?:(?:" + _WHERE + r"|" + _DOING + r")(?:\s+(?:" + _WHERE + r"|" + _DOING + r"))*"
    r"(?:\s+(?:now|right\s+now))?"
    r"|now|right\s+now|thanks|thank\s+you|ty|cheers|x+)")
#: Trailing off or shouting: "she's fine...", "IM FINE!!!" (the third independent review).
_TRAILS_OFF = re.compile(r"\.\.|\u2026|!!")
_CLAUSE_BREAK = re.compile(r"\s*(?:[,.;:!]+|\band\b|\s-\s)\s*")


def _opening(of_another: bool) -> "re.Pattern[str]":
    """Who is safe, said first, with a yes or without ("yes she's fine", "he's safe"), or a yes,
    who, and whom they are with ("yes hes at home with me now"); never a place alone ("im here",
    "she's at home", "he's at school" say where, not safe: the third independent review), a bare
    "ok", "yes ok" or "yeah alright", which also only acknowledge, nor with a sign of distress
    before it or trailing off after it ("\U0001F62D im fine", "she's fine...")."""
    who = _THIRD if of_another else _FIRST
    return re.compile(r"^[\s\"'(]*(?:(?:" + _YES + r")?" + who + _SAFE_OR_OK + r"\b|" + _YES + who
                      + r"(?:" + _PLACE + r"\s+)*" + _COMPANY + r"\b)")


_OPENS_SAFE = {flag: _opening(flag) for flag in (False, True)}


def says_safe_and_more(text: str, of_another: bool = False) -> bool:
    """An answer that says plainly who is safe ("she's fine", "yes were safe"; with
    ``of_another`` the young person an adult asks about, otherwise the writer), and adds, if
    anything, only where they are, a safe adult they are with, something ordinary they are
    doing, or thanks ("Yes, he's safe with us", "Yes, she's fine, she's downstairs watching
    telly", "yes hes at home with me now": development sets 44, 47, 51): safe. Anything else
    after it is not read, and the question is asked again: an open list of what may not be
    safe ("just a bit drowsy", "she says", "hes in the other room") cannot be written (the
    first independent review of this change found 67 of 140 not-safe answers passing such a
    list). Thirty words at most, and no word of the safety lexicon."""
    key = (text or "").lower().replace("\u2019", "'").strip()
    if len(key.split()) > 30 or _TRAILS_OFF.search(key) or not key.isascii():
        return False
    opening = _OPENS_SAFE[of_another].match(key)
    if opening is None:
        return False
    rest = key[opening.end():]
    return all(_HARMLESS.fullmatch(part.strip()) for part in _CLAUSE_BREAK.split(rest) if part.strip()) \
        and not assess(text).evidence
