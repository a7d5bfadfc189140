"""What an answer to "are you (is your child) safe right now?" says: safe, not known to be safe,
or neither (then the bot asks again, with 999 first).

The question follows every crisis reply, so its answers decide whether a person is told to call
999 now or can go on to find support. A wrong "safe" would send someone at risk on to a list of
services; a wrong "unclear" asks a parent who wrote "Yes, she's fine, she's downstairs watching
telly" the same question again, and a conversation that should have reached help stalls
(development sets 44, 47, 51). So "safe" is read only where the answer opens by saying so and
nothing after it could be risk, doubt or a change to come; everything else is asked again.

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


#: An answer that opens by saying safe with a yes or of someone: "Yes, she's fine", "yes were
#: safe", "he's safe"; never a bare "ok", which also only acknowledges ("ok im in my room"). A
#: yes may say where instead: "yes hes at home with me now" (development set 47).
_SOMEONE = (r"(?:i'?m|im|i\s+am|we'?re|we\s+are|were|she'?s|shes|she\s+is|he'?s|hes|he\s+is|they'?re|"
            r"theyre|they\s+are)\s+")
_SAFE = (r"(?:totally\s+|completely\s+|perfectly\s+|absolutely\s+|definitely\s+)?"
         r"(?:safe|ok|okay|fine|alright|all\s+right)\b")
_WITH_ME = (r"(?:(?:here|home|back)\s+)?(?:with\s+(?:me|us)|(?:at|back)\s+home|home|here|sat\s+with|"
            r"sitting\s+with|next\s+to\s+me|downstairs|in\s+the\s+(?:lounge|kitchen|living\s+room))\b")
_OPENS_SAFE = re.compile(r"^\W*(?:(?:yes|yeah|yep|yh|ya|yea)\W+(?:" + _SOMEONE + r")?(?:" + _SAFE + "|"
                         + _WITH_ME + r")|" + _SOMEONE + _SAFE + r")")

#: The writer's own tiredness ("im just exhausted", "I'm shattered"): not a sign about the child.
_WRITER_TIRED = re.compile(r"\b(?:i'?m|im|i\s+am|i\s+feel|we'?re|we\s+are)\s+(?:just\s+|so\s+|really\s+|"
                           r"very\s+|a\s+bit\s+|completely\s+)*(?:tired|exhausted|knackered|shattered|"
                           r"drained|worn\s+out)\b")

#: After the opening, any of these leaves the answer unclear, and the question is asked again:
#: a question ("ok so what do i do now"), doubt or a contrast ("but", "i think", "for now"), a
#: negation ("i just cant get hold of him"), something to come ("he'll be back at 6", "when mum
#: goes to work"), the body after an overdose or an injury ("just a bit drowsy", "she's asleep
#: now"), fear, being alone or away, help called.
_NOT_ONLY_SAFE = re.compile(
    r"\?|\b(?:what|how|why|where|who|which|should|shall|could|would|can|do\s+i|do\s+we|"
    r"but|though|tho|although|except|however|apart|unless|whereas|"
    r"i\s+think|think\s+so|maybe|probably|perhaps|hope\w*|guess|suppose|should\s+be|seems?|"
    r"not\s+sure|unsure|idk|dunno|(?:don'?t|dont|do\s+not)\s+know|for\s+(?:now|the\s+moment|today|"
    r"tonight)|"
    r"not|no|never|nothing|nobody|nowhere|\w+n'?t|cant|wont|dont|doesnt|isnt|wasnt|didnt|arent|"
    r"havent|hasnt|cannot|"
    r"back|again|later|tonight|tomorrow|tomoz|tmrw|when|if|until|till|til|after|still|soon|"
    r"going\s+to|gonna|will|\w+'ll|"
    r"drows\w*|sleep\w*|asleep|tired|exhausted|groggy|unconscious|wak(?:e|ing)|woke|faint\w*|"
    r"dizzy|sick|vomit\w*|throw\w*\s+up|pale|breath\w*|bleed\w*|blood\w*|cut\w*|pills?|"
    r"tablets?|overdos\w*|took|taken|swallow\w*|drunk|drink\w*|high|hurt\w*|pain\w*|injur\w*|"
    r"passed\s+out|pass\s+out|black\w*\s+out|collaps\w*|grey|gray|blue|lips|floor|cold|clammy|"
    r"sweat\w*|shiver\w*|confused|mumbl\w*|slurr\w*|"
    r"bruis\w*|burn\w*|knife|knives|blades?|rope|scared|afraid|frightened|terrified|worried|"
    r"panic\w*|shak\w*|cry\w*|upset|threat\w*|outside|door|coming|on\s+(?:his|her|their)\s+way|"
    r"gone|went|left|missing|ran|run|lock\w*|hid\w*|police|ambulance|paramedics?|hospital|"
    r"a\s*&\s*e|999|111|alone|own|himself|herself|themselves|myself)\b")


def says_safe_and_more(text: str) -> bool:
    """An answer that opens by saying safe and goes on with only where they are or who they are
    with ("Yes, he's safe with us", "Yes, she's fine, she's downstairs watching telly", "yes were
    safe, hes out with his mates, im just exhausted"): safe, as a plain "she's fine" is. Thirty
    words at most, and nothing in it the safety lexicon reads at any tier."""
    key = (text or "").lower().replace("\u2019", "'").strip()
    opening = _OPENS_SAFE.match(key)
    if opening is None or len(key.split()) > 30:
        return False
    rest = _WRITER_TIRED.sub(" ", key[opening.end():])
    if _NOT_ONLY_SAFE.search(rest):
        return False
    return not assess(text).evidence


#: A plain no that opens the answer: "no hes outside the bathroom door. ive locked it". Not a
#: no to doing something ("no im not going to do anything", "no i havent taken anything"), nor
#: "no thanks".
_ANSWERS_NO = re.compile(
    r"^\W*(?:no|nope|nah|naw)\b(?!\W*(?:(?:i'?m|im|i\s+am)\s+not\s+(?:going|gonna|planning)|"
    r"(?:i\s+)?(?:won'?t|wont|will\s+not|would\s+never|wouldn'?t|didn'?t|didnt|haven'?t|havent|"
    r"have\s+not|did\s+not|never)|thanks|thank\s+you|ty|worries|problem|idea)\b)")


def answers_no(text: str) -> bool:
    """The answer to "are you safe right now?" opens with no, or "not really" and more: not
    safe, whatever else it says."""
    key = (text or "").lower().replace("\u2019", "'")
    if len(key) > 300:
        return False
    return bool(_ANSWERS_NO.match(key) or _OPENS_NOT_SAFE.match(key)) and not _SAFE_AFTER_ALL.search(key)
