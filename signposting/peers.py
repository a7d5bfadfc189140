"""A friend, brother, sister or cousin telling of another young person's crisis.

A young person's crisis reply asks "Are you safe right now?" and tells the writer what to do
for themselves; a parent's or a professional's speaks of "your child" or "the young person"
(signposting.audience says who writes). Someone who is neither, writing about a mate or a
sibling ("my little sister is 16 and shes been saying everyone would be better off without
her", "my mate just snapped me saying goodbye"), was asked whether they were safe and then
told "Please call 999 now" when they answered about her (development sets 53, 55 and 57).
This reads one urgent message: is it plainly about someone else, the writer appearing only as
the one who reports (told me, found her, worried about him, what do I do)?

The answer has three values, because most messages say too little: ``PEER`` (plainly about
another, told by someone who is not a parent or staff), ``OWN`` (the writer's own crisis, or
an adult writing, whose own replies exist), and None (mixed or unclear: whatever an earlier
urgent message said stands, so "im 20 and its just me and her in tonight", said after the
report, does not turn the replies back to the writer's own; on a first message, the young
person's own reply).

A young person telling of their own crisis names others all the time: the boyfriend who left,
the brother who "doesnt know", the one who hurts them. Reading them as telling of another
would ask them about "the young person you're worried about" (two independent reviews found
87 of 180, then 60 of 231 fresh, such messages read so by the first two drafts). So PEER needs
all of: no word of the writer's own left once the few ways of reporting are taken out (told
me, made me promise, worried about her, what do I do, I think she, I found him); no clause that
opens as texting does when it drops the "I" ("took a load of pills, dont tell my sister", "whats
the point anymore, he's gone"); not an adult's partner ("my mums boyfriend"); for suicidal
thoughts and self-harm, a positive sign that the crisis is theirs (she said, took, cut, isn't
answering; herself; her cuts); and for danger or a disclosure, a peer named as the one harmed
("my friends mum hits him"), never only as the one who harms ("my boyfriend is drunk and has a
knife"), and never the writer's own door. Anything less is not PEER, which keeps the writer's
own reply: the safer slip.

A slip changes the wording of the crisis reply, never whether 999 and the 24/7 routes are
given (tests/test_crisis_routes.py).
"""
from __future__ import annotations

import re
from typing import Optional

from .audience import PARENT_CARER, PROFESSIONAL, writer_of

PEER, OWN = "peer", "own"
_DANGER_OR_ABUSE = ("crisis_danger", "safeguarding_disclosure")

#: Someone of the writer's own generation: "my best mate", "my little sister", "one of my
#: friends", "a friend of mine", "my bf", "a girl in my class".
_PEER_WORD = (r"(?:friend|mate|bestie|bff|bf|gf|boyfriend|girlfriend|brother|sister|bro|sis|"
              r"sibling|cousin|classmate|twin|stepbrother|stepsister|step\s+brother|step\s+sister)s?")
_PEER_NAMED = re.compile(
    r"\b(?:my|our)\s+(?:(?:\w+|\w+'s)[\s-]+){0,2}?" + _PEER_WORD + r"\b"
    r"|\b(?:a|one\s+of\s+my|one\s+of\s+our)\s+(?:(?:close|good|best)\s+)?(?:friend|mate)s?"
    r"(?:\s+of\s+mine)?\b|\b(?:a\s+)?(?:girl|boy|lad|someone|kid)\s+(?:in|from)\s+(?:my|our)\s+"
    r"(?:class|year|form|team|school)\b")
_THIRD = re.compile(r"\b(?:he|she|him|her|his|hers|he's|she's|hes|shes|himself|herself)\b")
#: The writer only as the one told, reporting or asking what to do: a short list, each of which
#: says nothing of the writer's own state ("i cant", "i keep", "im at", "scared of" are not here).
_REPORTING = re.compile(
    r"\b(?:told|tells|texted|texts|texting|messaged|messages|messaging|sent|sends|sending|showed|shows|"
    r"snapped|snapchatted|dm'?d|rang|called|phoned)\s+(?:me|us)\b"
    r"|\bmade\s+(?:me|us)\s+promise\b|\b(?:i|we)\s+promised\b|\b(?:wants|asked|begged)\s+(?:me|us)\s+(?:not\s+)?to\b"
    r"|\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+(?:so\s+|really\s+|rly\s+|proper\s+|well\s+)?(?:worried|scared|"
    r"frightened|concerned|panicking)\s+(?:about|for)\b"
    r"|\b(?:(?:i|we)\s+)?(?:don'?t|dont|do\s+not)\s+know\s+(?:what\s+to\s+(?:do|say)|how\s+to\s+help|who\s+to\s+tell)\b"
    r"(?!\s+(?:any\s?more|with\s+myself|with\s+my\s+life))"
    r"|\b(?:what|how|who)\s+(?:do|should|can|could|shall)\s+(?:i|we)\s+(?:do|help|say|tell|call|ring|talk\s+to)\b"
    r"|\b(?:should|do|can|could)\s+(?:i|we)\s+(?:tell|call|ring|phone|report|text|help)\b"
    r"|\b(?:i|we)\s+(?:think|reckon|believe|know)\s+(?:that\s+)?"
    r"(?=(?:she|he|they|my|our|her|his|shes|hes|she's|he's|they're|the\s+friend)\b)"
    r"|\b(?:i|we)(?:'ve|ve|\s+have)?\s+(?:just\s+)?(?:found|saw|seen|noticed|heard)\s+"
    r"(?=(?:her|him|them|his|my|our|a|some|blood)\b)"
    r"|\b(?:i|we)\s+(?:can'?t|cant|cannot|couldn'?t)\s+(?:wake|find|reach|get\s+hold\s+of|get\s+through\s+to)\s+"
    r"(?=(?:her|him|them)\b)"
    r"|\bhelp\s+me\s+help\b|\b(?:i|we)\s+need\s+help\s+(?:for|with)\b|\b(?:can|could)\s+(?:you|u)\s+help(?:\s+me)?\b"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:with\s+(?:her|him|them)|on\s+my\s+way)\b|\bme\s+and\s+my\s+(?:mates|friends)\b"
    r"|\b(?:just\s+)?me\s+and\s+(?:her|him|them)\b|\bi\s+(?:don'?t|dont)\s+think(?=\s+(?:so|but)\b|\s*[,.;!?]|\s*$)"
    r"|\b(?:i|we)(?:'ve|ve|\s+have)?\s+(?:tried|been\s+trying)\s+(?:calling|ringing|texting|messaging|to\s+(?:call|ring|"
    r"text|reach|talk\s+to))\s+(?:her|him|them)\b"
    r"|\b(?:i|we)(?:'ve|ve|\s+have)?\s+(?:already\s+)?(?:called|rung|rang|phoned)\s+(?:999|111|an\s+ambulance|the\s+police|"
    r"her|his|their)\b|\b(?:i|we)\s+(?:noticed|found\s+out|saw|seen)\b|\bwe\s+(?:think|reckon|found)\b"
    r"|\bi\s+(?:can'?t|cant)\s+tell\s+anyone\b|\bi'?m\s+the\s+only\s+one\s+who\s+knows\b|\bim\s+the\s+only\s+one\s+who\s+knows\b"
    r"|\bis\s+there\s+anything\s+(?:i|we)\s+can\s+do\b|\bhelp\s+me\b(?=\W+(?:my|our|with|for)\b)"
    r"|\b(?:telling|saying\s+to|says\s+to|said\s+to)\s+(?:me|us)\b"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:his|her|their)\s+(?:\w+\s+)?(?:sister|brother|cousin|friend|mate|girlfriend|boyfriend)\b"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:at|in)\s+(?:uni|university|college|work|sixth\s+form)\b"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:outside|at|in)\s+(?:hers|his|theirs|her|their)\b"
    r"|\bi\s+(?:don'?t|dont)\s+want\s+(?:her|him|them)\s+to\b|\bi\s+(?:can'?t|cant)\s+lose\s+(?:her|him|them)\b")
#: In danger, where the writer is: "now hes here and banging on my door" (the second review).
_WRITERS_PLACE = re.compile(r"\b(?:my|our)\s+(?:door|front\s+door|house|home|room|flat|window|bedroom)\b"
                            r"|\b(?:is|are|s|re)\s+(?:here|downstairs|upstairs|outside)\b")
#: Worry at the end of a clause, said of the one at risk ("my friend wants to kill themself and
#: i'm scared"): reporting after a suicidal or self-harm message, never after danger, where
#: "im so scared" is the writer's own.
_WORRIED = re.compile(r"\b(?:i'?m|im|i\s+am)\s+(?:so\s+|really\s+|rly\s+|proper\s+)?"
                      r"(?:worried|scared|frightened|panicking)(?=\s*(?:$|[.,;:!?]|\band\b|\bbut\b))"
                      r"|\b(?:i'?m|im|i\s+am)\s+(?:so\s+|really\s+)?(?:worried|scared)\s+(?:that\s+)?"
                      r"(?=(?:my|our|she|he|they|shes|hes|she's|he's|the\s+friend)\b)")
_WRITER = re.compile(r"\b(?:i|im|i'm|i've|ive|iv|i'd|id|i'll|imma|ima|me|my|myself|mine|we|we're|us|our)\b")
#: The writer harmed or at risk themselves, however else the message is worded: "my boyfriend
#: hits me", "my brother and me both want to die", "i want to die too", "no its me not him".
_OWN_HARM = re.compile(
    r"\b(?:myself|ourselves)\b|\b(?:hit|hits|hitting|hurt|hurts|hurting|touch\w*|beat\w*|kick\w*|"
    r"punch\w*|threaten\w*|kill|rape\w*|abus\w*|forc\w*|grab\w*|slap\w*|strangl\w*|chok\w*|"
    r"follow\w*)\s+(?:me|us)\b|\b(?:made|makes|make|making)\s+(?:me|us)\s+(?!promise)\w+"
    r"|\b(?:sends?|sent|sending)\s+(?:me|us)\s+(?:\w+\s+)?(?:nudes|pics|dick|explicit|porn|sexual|rude|dirty)"
    r"|\b(?:me|i)\s+(?:too|as\s+well)\b|\bi\s+do\s+too\b|\bso\s+(?:do|am|have|would|did)\s+i\b|\bsame\s+here\b"
    r"|\bi\s+feel\s+the\s+same\b|\bi\s+(?:want|wanna)\s+to\s+(?:die|be\s+with\s+(?:her|him|them))\b"
    r"|\bboth\s+of\s+us\b|\bwe\s+(?:both|all)\b|\b(?:she|he|they|friend|mate|sister|brother)\s+(?:and|&)\s+(?:me|i)\b"
    r"|^\W*(?:me|i)\s+(?:and|&)\s+(?!my\s+(?:mates|friends)\b)"
    r"|\bit'?s\s+(?:actually\s+|really\s+|just\s+)?me\b(?!\s+and\b)"
    r"|\bits\s+(?:actually\s+|really\s+|just\s+)?me\b(?!\s+and\b)|\btalking\s+about\s+me\b|\b(?:there\s+is|theres|there's)\s+no\s+"
    r"(?:friend|mate)\b|\bnot\s+(?:a|my)\s+(?:friend|mate)\b")
#: A clause that opens as texting does when it drops the "I": "took a load of pills, dont tell
#: my sister", "cant cope anymore since my gf left", "love you all, tell my best friend goodbye".
_FILLER = (r"(?:(?:hi|hey|hiya|omg|ok|okay|so|um+|erm|pls|please|just|honestly|literally|tbh|ngl|idk|and|now|"
           r"still)\W+)*")
_DROPPED_I = re.compile(
    r"(?:^|[.,;:!?\n]|\band\b|\bbut\b)\s*" + _FILLER +
    r"(?:cant|can't|cannot|took|taken|take|cut|cutting|started|keep|kept|gonna|going|want|wanna|wish|dont|"
    r"don't|thinking|think|relapsed|relapsing|did|done|been|feel|feeling|felt|need|love|sorry|goodbye|bye|"
    r"tell|tried|trying|never|hate|had|got|gotta|am|scared|frightened|terrified|stuck|locked|hiding|sat|"
    r"sitting|standing|swallowed|overdosed|bleeding|written|wrote|leaving|lost|hurting|hurt|ready|planning|"
    r"necked|downed|bought|couldnt|couldn't|ended|ending|od'?d|burnt|burned|sick\s+of|cba|kms|whats\s+the\s+point|"
    r"nothing\s+left|life\s+is|note'?s|notes|blood|so\s+much\s+blood|the\s+bleeding|"
    r"no\s+point|not\s+safe|at\s+the|in\s+the|on\s+the|home\s+alone|alone)\b")
#: For danger or a disclosure: the other young person as the one harmed, or in danger (said of
#: "the friend", "she" or "he": what the peer was named is replaced by "the friend").
_HARMED = (r"(?:her|him|them|herself|himself|themselves|themself)\b")
_THEY_ARE_HARMED = re.compile(
    r"\b(?:hits?|hitting|hurts?|hurting|beats?|beating|beaten|touch\w*|abus\w*|groom\w*|threaten\w*|kick\w*|"
    r"punch\w*|rap\w*|forc\w*|mak\w*|made|sell\w*|stab\w*|attack\w*|slap\w*|strangl\w*|chok\w*|lock\w*|"
    r"hold\w*|held|keep\w*|kept|film\w*|send\w*|sent|pressur\w*|pay\w*|paid|giv\w*|gave|messag\w*|"
    r"drag\w*|push\w*|shov\w*|scream\w*\s+at|shout\w*\s+at)\s+(?:\w+\s+){0,2}?" + _HARMED +
    r"|\b(?:she|he|they|she'?s|he'?s|shes|hes|they'?re|" + _PEER_WORD + r")\s+(?:\(?\d{1,2}\)?\s+)?"
    r"(?:is\s+|are\s+|s\s+|has\s+been\s+|"
    r"have\s+been\s+|was\s+|were\s+)?(?:being|getting|got)\s+(?:\w+ed|made|beaten|hit|hurt|sold|held|kept|"
    r"taken|groomed)\b"
    r"|\b(?:let|take|taking|took|following|follow|kill|batter|hurt|get|find|reach|drag|leave|left|grab|hold)\s+"
    r"(?:her|him|them)\b|\b(?:in|into|outside)\s+(?:her|his|their)\s+(?:room|flat|house|car)\b"
    r"|\b(?:the\s+friend|she|he|they|she'?s|he'?s|shes|hes)\s+(?:\w+\s+){0,2}?(?:missing|not\s+(?:waking|answering|breathing|"
    r"home)|hasn'?t\s+come\s+home|hasnt\s+come\s+home|isn'?t\s+answering|isnt\s+answering|stuck|bleeding|collapsed|"
    r"unconscious|on\s+the\s+(?:bridge|roof|tracks)|with\s+(?:an?\s+|some\s+)?(?:older|strange|random)|off\s+with|"
    r"can'?t\s+get\s+out|cant\s+get\s+out|been\s+drinking|into\s+a\s+car|in\s+a\s+car)")


#: A positive sign that a suicidal or self-harm crisis is the other's (the second independent
#: review: with only the absence of the writer's words, 60 of 231 own crises such as "whats the
#: point anymore, he's gone" read as telling of him): the other as the subject of a word of
#: risk or of telling, a reflexive after a harm, what is theirs (her cuts, his note), or the
#: writer finding them or unable to wake or reach them.
_SUBJECT = r"(?:she|he|they|shes|hes|she's|he's|they're|the\s+friend)"
_OTHER_AT_RISK = re.compile(
    r"\b(?:kill\w*|hurt\w*|harm\w*|cut\w*|burn\w*|hang\w*|starv\w*|scratch\w*|end)\s+(?:\w+\s+)?"
    r"(?:herself|himself|themselves|themself|her\s+life|his\s+life|their\s+life)\b"
    r"|\bthe\s+friend\s+(?:\w+\s+){0,2}?(?:reports|put\s+a\s+post|posted)\b"
    r"|\b" + _SUBJECT + r"\s+(?:\w+\s+){0,2}?(?:said|says|saying|told|tells|telling|"
    r"keeps\s+(?:saying|talking|cutting|hurting|self)|wants?\s+to\s+(?:die|kill|end|jump|hurt|cut)|wanted|took|"
    r"taken|cut|cuts|cutting|posted|posts|sent|sends|texted|messaged|wrote|written|tried|trying|overdosed|od'?d|"
    r"self[- ]?harm\w*|hurt\w*|burn\w*|scratch\w*|"
    r"going\s+to|gonna|plans?|planning|talk\w*\s+about|searched|searching|been\s+\w+ing|isn'?t\s+answering|"
    r"isnt\s+answering|not\s+answering|won'?t\s+(?:wake|answer|open|reply)|wont\s+(?:wake|answer|open|reply)|"
    r"hasn'?t\s+come|hasnt\s+come|is\s+(?:missing|bleeding|unconscious|on\s+the|in\s+the)|on\s+the\s+(?:bridge|roof|"
    r"tracks)|threaten\w*|swallowed|drank|downed|necked|giving\s+away|said\s+goodbye)\b"
    r"|\breports\s+(?:her|him|them)\b|\b(?:her|his|their)\s+(?:cuts|wrist|wrists|arms?|legs?|thighs?|note|goodbye|"
    r"story|post)\b")
#: An adult's partner is no peer: "my mums boyfriend is hitting her again" is a child at home
#: where the mother is hurt (the second review).
_ADULTS_PARTNER = re.compile(r"\b(?:my|our)\s+(?:mum|mom|mam|dad|nan|nans|aunt|auntie|uncle|step\s?dad|"
                             r"stepdad|stepmum)'?s?\s+(?:boyfriend|girlfriend|bf|gf|partner|fella)\b")
#: With nobody else named, "too", "same" or "both" is the writer's own ("same. want to die").
_SAME_TOO = re.compile(r"\b(?:too|as\s+well|either|same|both)\b")


#: The writer's own age, said while reporting ("im 20 and its just me and her in tonight").
_OWN_AGE = re.compile(r"\b(?:i'?m|im|i\s+am)\s+(?:only\s+)?\d{1,2}\b")
#: The writer as subject or object: what is left of it after reporting is the writer's own.
_FIRST_PERSON = re.compile(r"\b(?:i|im|i'm|i've|ive|iv|i'd|id|i'll|imma|ima|me|myself|we|we're|us)\b")


def reporter_of(text: Optional[str], urgent_class: Optional[str] = None,
                risk_words: bool = True) -> Optional[str]:
    """``PEER``, ``OWN`` or None (see the module's docstring); ``urgent_class`` is the class
    the message was read as (None for a check-in); ``risk_words`` says whether the safety
    lexicon found a word of risk in it. With nobody else named, a message with no word of risk
    that is no correction ("what do i do", "im shaking", "ive called 999", said by a sister
    after her report and read as urgent by the model alone) says nothing of whose crisis it is."""
    lower = (text or "").lower().replace("\u2019", "'")[:1000]
    if not lower.strip():
        return None
    if writer_of(lower) in (PARENT_CARER, PROFESSIONAL) or _OWN_HARM.search(lower):
        return OWN
    if _ADULTS_PARTNER.search(lower):
        return None
    named = _PEER_NAMED.search(lower)
    if not named and not _THIRD.search(lower):
        if _SAME_TOO.search(lower) or _DROPPED_I.search(lower):
            return OWN
        return OWN if _WRITER.search(lower) and risk_words else None
    # Reporting is replaced by a word, so that what follows it does not open a clause.
    rest = _REPORTING.sub(" reports ", _PEER_NAMED.sub(" the friend ", lower))
    if urgent_class == "crisis_danger":
        rest = _OWN_AGE.sub(" reports ", rest)
    if urgent_class in _DANGER_OR_ABUSE:
        # The writer's own age counts in a disclosure: "hes 25 and im 14" is about the writer.
        if _FIRST_PERSON.search(rest) or _DROPPED_I.search(rest) or _WRITERS_PLACE.search(lower):
            return OWN
        # ... and a peer named: "dads hitting mum again, hes gonna kill her" is a child at home.
        return PEER if named and _THEY_ARE_HARMED.search(rest) and not _WRITER.search(rest) else None
    rest = _WORRIED.sub(" reports ", _OWN_AGE.sub(" reports ", rest))
    if _FIRST_PERSON.search(rest) or _DROPPED_I.search(rest):
        return OWN
    return PEER if _OTHER_AT_RISK.search(rest) and not _WRITER.search(rest) else None
