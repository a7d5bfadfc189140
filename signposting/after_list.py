"""What a message means when it comes straight after a list of services.

Out of context, "none of those suit him", "they all want a GP letter", "is number 2 free?" and
"great, I'll ring them tomorrow" are hard to read, and the model, which learnt needs and risks,
falls back on them ("Sorry, I'm not sure I understood"). Straight after a list they are plain:
the person wants other options, asks about a service shown, or is closing the conversation.
This module gives that reading from the words alone; the dialogue applies it only when the
bot's last turn showed a list, and never to a message read as urgent, a check-in or a need
(bot/dialogue/guards.py).

Read in this order: a message that is only the question whether a service would tell someone
("do they tell ur parents?", asked before a young person says more: its reply says what is
promised and invites them to say more), then anything with a word of risk (left to the model
and the rephrase request), then a question about a service shown ("how long is the wait for the
3rd one?"), then a new worry told about someone ("also she's started skipping lunch, is that something they
help with?", "since it happened he's also been getting into fights": not a wish for more of the
same list, which would show services for the first worry), then a wish for other options
(asked, or told as what is wrong with the list: "been on the waiting list for the first two for
ages", "we can't pay for private"), then a closing ("thanks, I'll look into those tonight", "no,
that's everything").
"""
from __future__ import annotations

import re
from typing import Optional

from .wishes import read_wishes

MORE = "more"
ABOUT_SHOWN = "about_shown"
WHO_IS_TOLD = "who_is_told"
CLOSING = "closing"
NEW_NEED = "new_need"
REFERRAL = "referral"
NEXT_STEPS = "next_steps"
FOR_THE_CARER = "for_the_carer"

#: A message this long is a story, not a reply to the list: left to the model.
_LONGEST = 300

#: A service in the list, named by its place in it or by what it is.
_ITEM = re.compile(
    r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th|5th|6th)"
    r"\s+(?:one|service|option|place|link|team|number|app|website|site|group)\b"
    r"|\b(?:number|no\.?|option|#)\s*\d\b"
    r"|\bthe\s+(?:\w+\s+){0,2}one\b"
    r"|\b(?:that|this|the)\s+(?:app|service|website|site|helpline|line|team|group|charity|"
    r"counsell?ing|counsell?or|clinic|hub|drop[- ]in|number)\b")
#: What happens when one goes to a service shown, asked of "they" or of the young person:
#: "would she have to be weighed?", "do I need a referral for it?", "will they ring me back?"
#: (conversations17). Not who is told, nor what happens to the family: children ask that before
#: they tell ("will he know it was me who told"), and keep the rephrase request (independent
#: review, 5 December).
_PRACTICAL = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|also)\W+)?(?:do|does|will|would|can|could|is|are|should)\s+"
    r"(?:they|them|you|u|it|she|he|i|we|my\s+(?:son|daughter|child|kid))\s+(?:\w+\s+){0,2}?"
    r"(?:have\s+to|need\s+to|has\s+to|ring|call|weigh|weighed|charge|visit|come\s+to|refer|"
    r"go\s+(?:on|by)\s+(?:my|her|his|their)\s+own|go\s+alone|need\s+a)\b")
#: ... about going, not about someone at home or what happened: "would i have to go back
#: home", "will they ring my house? he checks the phone", "would i have to say what he did" tell
#: more than a practical matter (independent review, 5 December).
_NOT_PRACTICAL = re.compile(
    r"\b(?:dad|stepdad|uncle|brother|boyfriend|husband|him|home|house|what\s+happened|"
    r"what\s+(?:he|she|they)\s+did|keep\s+it\s+from|find\s+out|know|knows|told|tell|tells|"
    r"police|court|social|away|arms|still|after|live|living|alive|exist|like\s+this|be\s+here|"
    r"keep\s+going|carry\s+on|feel)\b")


def _practical(key: str) -> bool:
    """A practical question about going to a service, asked in one clause ("would she have to
    be weighed?"), and not a wish read_wishes answers with services that have it."""
    clauses = [c for c in re.split(r"[.,;:!?\n]+|\s[-\u2013]\s", key) if c.strip()]
    return (len(clauses) == 1 and bool(_PRACTICAL.search(key)) and not _NOT_PRACTICAL.search(key)
            and not read_wishes(key))


#: Asking something about it: a question, or a question word and a practical matter.
_QUESTION = re.compile(
    r"\?|^\W*(?:does|do|is|are|can|could|how|what|when|where|will|would|who|which|should)\b")
#: Other or further options wanted, asked in other words than signposting.answers knows:
#: words that mean "not these" ...
_OTHER_WORDS = re.compile(
    r"\b(?:another|other|others|else|alternatives?|instead|further|more|extra|different)\b")
#: ... and asking whether something exists ("anything for dads?", "is there a group?").
_ANY_WORDS = re.compile(
    r"\b(?:any|anything|something|someone|somebody|somewhere|anyone)\b"
    r"|\b(?:is|are)\s+there\s+(?:a|an|any|some|one|ones)\b|\b(?:do|have)\s+you\s+(?:got|have)\b"
    r"|\bgot\s+any\b|\bwhat\s+about\b|\bi\s+(?:need|want)\s+(?:a|an|one|some)\b"
    r"|\bneeds?\s+(?:a|an|some)\w*\s+(?:who|that|which|for|in)\b"
    r"|\bspecifically\b|\bspecialist\b")
#: "does it cost anything": about a service, not a wish for another.
_ABOUT_WORDS = re.compile(r"\b(?:cost|costs|charge|pay|need)\s+anything\b"
                          # "what are typical waiting times for these?" (conversations36)
                          r"|\bwaiting\s+times?\b"
                          # "do we have to pay for any of these?": the cost of those shown.
                          r"|\b(?:have\s+to|need\s+to|got\s+to)\s+pay\b|\bpay\s+for\s+(?:any|them|it|these|those)\b")
#: "how long is the wait for these?", "how long is the waiting list": asked of those shown.
_HOW_LONG = re.compile(r"\bhow\s+long\s+(?:is|are|will|would|does|do)\b.*\b(?:the\s+wait|waiting|"
                       r"wait\s+(?:for\s+(?:them|it|these|those|an?\s+appointment|a\s+referral)|to\s+be\s+seen|times?))\b")
#: What is wrong with the list, told instead of asked: each means "not these, others".
_LIST_WONT_DO = re.compile(
    r"^\W*next\W*$|\bnone\s+of\s+(?:these|those|them|the|it)\b|\b(?:all|both)\s+(?:of\s+)?(?:these|those|them|three|3)\b"
    r"|\b(?:these|those|they|them)\s+(?:are\s+|r\s+)?all\b|\ball\s+(?:want|need|say|said|cost|have)\b"
    r"|\btoo\s+(?:far|old|young|expensive|long|big|small)\b|\bmiles\s+away\b|\bnowhere\s+near\b"
    r"|\b(?:not|n'?t)\s+(?:anywhere\s+)?near\b|\bwaiting\s+lists?\b"
    r"|\b(?:year|month|week)s?[- ]long\s+waits?\b"
    r"|\balready\s+(?:tried|done|had|been|seen|referred|used|on|with|rung|called|contacted)\b"
    r"|\b(?:tried|done|been\s+there)\b.*\b(?:all|those|these|them|that|it)\b"
    r"|\b(?:gp|doctor'?s?)\s+(?:letter|referral)\b|\bneed\s+a\s+referral\b"
    r"|\b(?:can'?t|cant|cannot|won'?t|wont|doesn'?t|dont|don'?t)\s+(?:do|pay|afford|get|make|go|"
    r"travel|drive|cover|take|talk|ring|call|phone|speak|see|suit|work)\b"
    r"|\b(?:private|discharged|closed|full|ended|not\s+(?:free|taking|accepting|suitable))\b"
    r"|\bnot\s+right\b(?!\s+now)|\bnot\s+(?:really\s+)?what\s+(?:i|we|he|she|they)\s+"
    r"(?:(?:was|were|am|are|is)\s+)?(?:after|looking|wanted|want|need|needed|meant)\b"
    r"|\bis\s+that\s+(?:all|it)\b|\bthat'?s\s+all\s+there\s+is\b")
#: A worry that was not in the first message: "also", "as well", "since then", "has started",
#: "lately" ...
_NEW_PROBLEM = re.compile(
    r"\b(?:also|as\s+well|on\s+top\s+of|another\s+thing|other\s+thing|"
    r"something\s+else\s+(?:has|is|came|come)|since\s+(?:it|then|that|the|she|he|i|we|they|"
    r"moving|moved|starting|started)|started|starting|begun|lately|recently|these\s+days)\b")
#: ... told about a person, not about the list ("also, are any of these free?"). Not
#: _OTHER_WORDS, whose "else" and "different" also tell a new worry ("something else has come
#: up").
_SUBJECT = re.compile(r"\b(?:she|he|they|i|we|shes|hes|she'?s|he'?s|they'?re|im|i'?m|ive|i'?ve|"
                      r"its\s+just\s+me)\b")
_ABOUT_LIST = re.compile(
    r"\b(?:these|those|them|any\s+of|the\s+list|ones|"
    r"(?:the|these|those|that|this|your|other|more)\s+(?:services?|options?)|"
    r"(?<!every )evenings?|(?<!every )weekends?|"
    r"online|chat|text|free|cost|wait\w*|referral|face\s+to\s+face|near(?:er|by)?|closer|"
    r"more|other|others|another|alternatives?|first|second|third|last\s+one|both|all\s+of|"
    r"travel|far|get\s+there|bus|drive|lift)\b")
#: What the person will do next with the list: "I'll ring them tomorrow", "we'll look into
#: those this evening" (a closing, though it names a way of contact or a time).
_OWN_PLAN = (r"\b(?:i'?ll|ill|i\s+will|we'?ll)\s+(?:text|txt|message|msg)\s+(?:them|it|that|this|the|one)\b|"
             r"\b(?:i'?ll|ill|i\s+will|we'?ll|will)\s+(?:ring|call|phone|look|pass|share|show|contact|"
             r"try|check|have\s+a\s+look|get\s+in\s+touch|email|discuss|read|go\s+through|do\s+that)\b")
#: The list is enough for now: thanks, goodbye, praise, or what the person will do next.
_CLOSING = re.compile(
    r"\b(?:thanks|thank\s*you|thank\s*u|thx|thanx|ty|ta|cheers|appreciated?|bye|goodbye|"
    r"great|brilliant|perfect|lovely|amazing|helpful|useful|good\s+to\s+know|noted|easier|"
    r"recommend(?:ing)?|that\s+was\s+quick)\b"
    r"|\bthat'?s\s+(?:all|everything|plenty|enough|fine|great|it\s+for\s+now)\b"
    r"|\b(?:no|nope|nah|not)\s+(?:thanks|thank\s+you|ta|for\s+now|right\s+now|at\s+(?:the\s+moment|this\s+stage))\b"
    r"|\b(?:no|nothing)\s+(?:\w+\s+)?(?:further|more|else)\b"
    r"|^\W*(?:lol\s+|ah\s+|oh\s+)?(?:ok|okay|k|kk|cool|nice|sound|sweet)(?:\s+(?:then|cool|ta))?\W*$"
    r"|\bmaybe\s+later\b|\b(?:i'?m|im|we'?re|were|i\s+am|we\s+are)\s+(?:ok|okay|fine|good|alright|sorted)\b"
    r"|" + _OWN_PLAN)


#: Words of distress or risk: a message with any of them is never read as a reply to the list
#: ("none of these will help, nothing will", "thanks for everything, bye forever", "what about
#: me? I'm struggling too"). It keeps the reply it would have had without this module: the
#: rephrase request, which leads with 999 and SHOUT and asks the person to say more.
_RISK = re.compile(
    r"\b(?:forever|for\s+good|give\s+up|giving\s+up|gave\s+up|pointless|too\s+late|still\s+here|"
    r"way\s+out|make\s+(?:it|this|everything)\s+(?:all\s+)?stop|nothing\s+(?:works?|will|helps?|ever)|"
    r"no\s*one|nobody|no\s+body|that'?s\s+it\s+for\s+me|dead|die|dying|death|kill\w*|suicid\w*|"
    r"tonight|safe|trust\s+myself|hurt\w*|harm\w*|hit|hits|hitting|beat\w*|cut|cuts|cutting|"
    r"end\s+it|can'?t\s+cope|cant\s+cope|not\s+coping|struggl\w*|scared|frightened|afraid|alone|"
    r"lonely|hopeless|worthless|pills?|tablets?|overdose|stupid|check\s+out|hold\s+on|checks?\s+my|"
    r"help\s+me|someone\s+now|anyone\s+there|is\s+anyone|unfortunately|thanks\s+for\s+nothing|"
    r"i'?m\s+(?:always\s+)?fine\b.*\bfine|be\s+around|be\s+here|be\s+alive|alive|if\s+i'?m\s+still|"
    # "can't go on", never "can I go on my own" or "go on the website" (conversations17).
    r"(?:go|carry)\s+on(?!\s+(?:my|her|his|their|our)\s+own\b|\s+(?:the|a|an|their|its)\s+"
    r"(?:website|site|app|bus|train|list|link|waiting\s+list|computer|laptop|phone)\b)|"
    r"anymore|goodbye|decided|made\s+up\s+my\s+mind|mind\s+(?:is\s+)?made\s+up|no\s+point|"
    r"(?:the|any)\s+point|done\s+with|had\s+enough|last\s+(?:time|message|thing)|"
    r"won'?t\s+need|wont\s+need|not\s+need\s+(?:them|it|any)|"
    # Found by the independent review of the after-list change: time running out, a plan or a
    # final act, slang for dying or an overdose, being overwhelmed, secrecy and control.
    r"tonite|2nite|make\s+it\s+(?:to|that|till|til|through)|last\s+(?:that|this)\s+long|hang\s+on|"
    r"by\s+then|won'?t\s+matter|til+\s+it'?s\s+over|final|doing\s+it|"
    r"(?:before|going\s+to|gonna|will|i'?ll|ill)\s+(?:i\s+)?do\s+(?:it|something|anything)|"
    r"do\s+(?:it|something)\s+(?:tonight|today|now|soon|properly)|"
    r"last\s+day|keep\s+going|urges?|o\.?d|kms|kmn|kmy|not\s+ok(?:ay)?|bad\s+way|really\s+bad|"
    r"falling\s+apart|breaking\s+point|nothing\s+left|(?:find|finding|found|finds)\s+out|secret|not\s+allowed|"
    r"violent|run(?:ning)?\s+away|urgent\w*|"
    # Found by the independent review of 5 December: not being here, running or hiding, a body
    # failing.
    r"not\s+(?:be\s+)?here|ran\s+away|hiding|hide|won'?t\s+last|wont\s+last|collaps\w*|faint\w*|"
    # ... and (the review of 5 December, evening) help needed now, a wait one cannot bear,
    # having nothing.
    r"help\s+(?:now|asap|today)|wait\s+that\s+long|wait\s+any\s*longer|got\s+nothing|"
    r"anything\s+to\s+(?:stop|make|get|end)|"
    # ... and (the review of round 17) having taken something: "would they tell my parents if
    # i took something".
    r"(?:took|taken|taking)\s+(?:something|summat|sth|anything|stuff|a\s+load|loads)|"
    # ... and (the second review of round 17) a plan, a search for a way, a goodbye said as
    # thanks: "running out of reasons", "been googling how many it takes", "i love you all",
    # "i'll deal with it my own way", "say sorry to my mum for me", "i'm ready now".
    r"reasons?|googl\w*|look(?:ing|ed)?\s+up|search(?:ing|ed)?\s+(?:for\s+)?(?:how|ways?)|ways?\s+to|"
    r"planning|planned|(?:a|my|the)\s+plan|get(?:ting)?\s+through|already\s+(?:done|did)\s+it|regret|"
    r"how\s+many\s+(?:it\s+)?(?:takes?|would)|how\s+much\s+it\s+takes|(?:i'?m|im|i\s+am)\s+(?:ready|out)|"
    r"ready\s+now|love\s+(?:you|u)\s+(?:all|guys|both)|my\s+own\s+way|(?:say|tell\s+\w+)\s+(?:i'?m\s+)?sorry|"
    r"at\s+the\s+end|change\s+my\s+mind|engine|"
    # ... and (round 19) something swallowed, the rest of a supply.
    r"swallow\w*|the\s+rest\s+of\s+(?:the|my|them|it|her|his)|"
    # ... and (the review of round 24) how long one can bear it: "what are the waiting times
    # because i dont know how much longer i can do this".
    r"(?:how\s+much\s+)?longer\s+(?:i|we|she|he)\s+(?:can|could|will\s+be\s+able\s+to)\s+"
    r"(?:do\s+this|take|cope|manage|hold|last|keep|go|stand|bear|survive)\w*|"
    r"blood\w*|passed\s+out|what\s+(?:he|she|they|my\s+\w+)\s+(?:did|does|done|has\s+done))\b")
#: A closing said with a "not" before the praise ("not helpful at all", "no, not great") or
#: hedged ("kind of helpful") answers "was this helpful?": left to the rules for that question.
_NOT_PRAISE = re.compile(
    r"\b(?:not|n'?t|never|no|nah|kind\s+of|kinda|sort\s+of|a\s+bit|bit|slightly|somewhat)\b"
    r"(?:\W+\w+){0,3}?\W+(?:helpful|useful|great|good|help|helped|brilliant|perfect)\b")


#: Who a young person fears would be told: a parent, the school, the police ...
_WHO = (r"(?:(?:my|ur|your|the|our|his|her|me)\s+)?(?:parents?|mum|mom|mam|mummy|dad|daddy|"
        r"mum\s+(?:and|n|&)\s+dad|family|carers?|foster\s+(?:carers?|parents?|mum|dad)|nan|"
        r"grandparents?|school|teachers?|college|uni|gp|doctor|social\s+(?:services|workers?)|"
        r"police|anyone|anybody)\b")
#: Asking whether a service shown would tell someone, and nothing else: "do they tell ur
#: parents", "would they ring my mum", "if i went to one of them would they ring my mum", "will my
#: school find out", "can i go without my parents knowing", "is it confidential" (conversations17
#: and 22). The whole message is the question: anything after it ("would they tell my dad? he'd
#: batter me", "would they tell my parents if i took something", "... about the nudes") tells
#: more, and keeps the reply it had (independent review of round 17).
_LEAD = (r"(?:(?:thanks|thank\s+you|thank\s+u|ty|ta|thx|cheers|ok|okay|also|and|but|so|sorry|"
         r"quick\s+question|just\s+wondering)\W+)*"
         r"(?:if\s+i\s+(?:went|go|rang|called|contacted|used)\s+(?:to\s+)?(?:one|any|them|it)"
         r"(?:\s+of\s+(?:them|these|those))?\W+)?")
_AUX = r"(?:do|does|will|would|could|can|are|is|have|has|must|should|wud|wld)\s+"
_TELL = (r"(?:tell|ring|call|phone|contact|inform|text|email|message|write\s+to|"
         r"share\s+(?:it\s+|this\s+|that\s+|anything\s+)?with|pass\s+(?:it|this|that|anything)\s+on\s+to)\s+")
_WORDS = r"(?:\w+\s+)"
#: ... and what they fear would be found out: that they wrote here or went to a service ("would my
#: school find out i messaged this", "will my parents find out i used this", "would they tell my
#: mum if i rang them": conversations36), and nothing more.
_USING_IT = (r"(?:\s+(?:that\s+|if\s+|when\s+)?(?:i|she|he|they|we|my\s+(?:son|daughter|child|kid))\s+"
             r"(?:messaged|message|messages|texted|text|texts|used|use|uses|contacted|contact|contacts|"
             r"rang|ring|rings|called|call|calls|spoke\s+to|talked\s+to|speaks\s+to|talks\s+to|"
             r"went\s+to|go\s+to|goes\s+to|wrote\s+to|came\s+(?:here|on\s+here)|"
             r"got\s+in\s+touch(?:\s+with)?|gets\s+in\s+touch(?:\s+with)?)"
             r"(?:\s+(?:this|you|u|here|them|it|this\s+(?:chat|service|number|bot)|"
             r"(?:one|any)\s+of\s+(?:them|these|those)|one))?)?")
_TOLD = re.compile(
    _LEAD + r"(?:" + _AUX + _WORDS + r"{0,5}?" + _TELL + _WHO
    + r"|" + _AUX + _WORDS + r"{0,3}?" + _WHO + r"\s+" + _WORDS
    + r"{0,2}?(?:find\s+out|know|be\s+told|get\s+told)"
    + r"|(?:is|are)\s+(?:it|they|them|this|these|those|any\s+of\s+(?:them|these|those))\s+"
    + _WORDS + r"?(?:confidential|anonymous)"
    + r"|(?:can|could)\s+i\s+" + _WORDS + r"{0,3}?without\s+(?:" + _WHO
    + r"\s+(?:knowing|finding\s+out)|telling\s+" + _WHO + r"))"
    + _USING_IT +
    r"(?:\s+(?:at\s+all|or\s+not|too|as\s+well|though|tho|then|lol|pls|please))?")


def who_is_told(text: str) -> bool:
    """The whole message asks whether a service shown would tell someone (a parent, the
    school, the police), with no word of risk. A young person asks it before they say more;
    the answer is what confidentiality means and where it is promised (Childline), with an
    invitation to say more (domain response utter_who_is_told). Anything said after the
    question keeps the reply the message had: a reason given for asking too often tells of harm
    ("? they'd send me to pakistan", "? i was carrying for someone": the independent reviews of
    round 25)."""
    key = (text or "").lower().replace("\u2019", "'").strip()
    if not key or len(key) > _LONGEST:
        return False
    core = re.sub(r"[\s?!.,]+$", "", re.sub(r"\s+", " ", key))
    core = re.sub(r"^\W+", "", core)
    # "find out" is a word of risk elsewhere ("if he finds out"), here the question itself.
    return bool(_TOLD.fullmatch(core)) and not _RISK.search(re.sub(r"\bfind(?:ing)?\s+out\b", " ", core))


#: The whole message a plan to contact a service shown, and nothing else: "Thanks, I'll ring the
#: second one tomorrow morning", "ok ill text that app later x".
_CONTACT_PLAN = re.compile(
    r"(?:(?:thanks|thank\s+(?:you|u)|ty|ta|thx|cheers|ok|okay|great|brilliant|lovely|right|cool)"
    r"\W+)*(?:i'?ll|i\s+will|ill|we'?ll|we\s+will|i'?m\s+going\s+to|im\s+going\s+to|i\s+am\s+going\s+to|"
    r"gonna|will)\s+(?:(?:probably|definitely|maybe|prob|def|try\s+and|try\s+to)\s+)?"
    r"(?:ring|call|phone|text|message|email|contact|try|look\s+at|check\s+out|have\s+a\s+look\s+at)\s+"
    r"(?:the\s+(?:first|second|third|1st|2nd|3rd|last)\s+(?:one|service|number|option)|"
    r"(?:number|no\.?|option)\s*\d|that\s+(?:one|app|service|website|helpline|line|number)|"
    r"them|it)"
    r"(?:\s+(?:tomorrow|tmrw|tmr|later|in\s+the\s+morning|tomorrow\s+morning|first\s+thing|on\s+monday|"
    r"after\s+school|after\s+work|at\s+lunch|this\s+afternoon|next\s+week|when\s+they\s+open|"
    r"in\s+a\s+bit|then))*"
    r"(?:\W+(?:thanks|thank\s+(?:you|u)|ty|thx|cheers|x+))*")


def plans_to_contact(text: str) -> bool:
    """The whole message is a plan to contact a service the list showed, with courtesies and
    a time ("Thanks, I'll ring the second one tomorrow morning")."""
    key = re.sub(r"[\s?!.,]+$", "", (text or "").lower().replace("\u2019", "'").strip())
    return len(key) <= _LONGEST and bool(_CONTACT_PLAN.fullmatch(key))


def has_risk_words(text: str) -> bool:
    """Words of distress or risk (_RISK) in ``text``."""
    return bool(_RISK.search((text or "").lower().replace("\u2019", "'")))


#: How to get referred to a service shown: "can I refer him myself or does it have to go through
#: the GP?", "do they need a letter from the doctor first", "do we need parents consent to refer
#: her or can we do it ourselves" (conversations26: each was "Sorry, I'm not sure I understood").
_REFERRAL = re.compile(
    r"\b(?:refer|referral|referred|self[- ]?refer\w*)\b"
    r"|\b(?:gp|doctor'?s?)\s+(?:letter|note)\b|\bletter\s+from\s+(?:the|a|her|his|their|my|our)\s+"
    r"(?:gp|doctor)\b|\bgo\s+through\s+(?:the|a|her|his|their|my|our)\s+(?:gp|doctor|school)\b"
    r"|\b(?:parents?'?|parental|their|her|his|my|our)\s+(?:consent|permission)\b")
#: What the adult (or young person) should do or say next: "what do I actually say to her?",
#: "should I ring the school first or go to the GP?", "should I tell their school what's going
#: on at home?", "how do I bring it up with him?" (conversations26).
#: Only questions of telling or talking to someone: "what do I do?" is also how a crisis is
#: asked ("what do I do, she's stood at the window and won't come away": the independent review
#: of round 19), and keeps the reply it had.
_NEXT_STEP = re.compile(
    r"\b(?:should|shall|do|must|could|can)\s+(?:i|we)\s+(?:\w+\s+){0,2}?(?:tell|ring|call|phone|email|"
    r"contact|talk\s+to|speak\s+to|inform|let|approach|involve|mention|bring\s+(?:it|this)\s+up)\b"
    r"|\b(?:what|how)\s+(?:do|should|shall|can|could|would)\s+(?:i|we)\s+(?:\w+\s+){0,2}?"
    r"(?:say|tell|talk|speak|approach|bring\s+(?:it|this)\s+up)\b")


#: A question: a question mark, or a clause that starts with a question word ("ok ty. can i
#: refer myself to them or does it have to go thru my gp").
_ASKED = re.compile(r"\?|(?:^|[.!,;:]\s*)\W*(?:(?:ok|okay|ty|so|and|but|also|right)\s+)?"
                    r"(?:does|do|is|are|can|could|how|what|when|where|will|would|who|which|should|"
                    r"shall|must)\b")


def asks_next_step(text: str) -> Optional[str]:
    """``referral`` for a question how to get a referral, ``next_steps`` for one what to do or
    say next, asked as a question and with no word of risk (which keeps the reply it had);
    None otherwise."""
    key = (text or "").lower().replace("\u2019", "'").strip()
    if not key or len(key) > _LONGEST or not _ASKED.search(key) or _RISK.search(key):
        return None
    if _OTHER_WORDS.search(key) or _ANY_WORDS.search(key):
        return None  # "is there anything that doesn't need a referral?": others wanted
    if _REFERRAL.search(key):
        return REFERRAL
    return NEXT_STEPS if _NEXT_STEP.search(key) else None


def read_after_list(text: str) -> Optional[str]:
    """``about_shown``, ``more``, ``closing`` or None (left to the model): what ``text`` means
    as the reply to a list of services."""
    raw = (text or "").replace("\u2019", "'").strip()
    if not raw or len(raw) > _LONGEST:
        return None
    key = raw.lower()
    if who_is_told(raw):
        return WHO_IS_TOLD
    if _RISK.search(key):
        return None
    number = list_choice(key)
    if number is not None:
        return MORE if number > 3 else ABOUT_SHOWN
    step = asks_next_step(raw)
    if step is not None:
        return step
    # A cost or a wait asked of the list, when the whole message is about the list ("how long
    # is the wait for these? i need help now" is not: independent review, 5 December).
    of_the_list = (_ABOUT_WORDS.search(key) or _HOW_LONG.search(key)) and asks_about_the_list(raw)
    if (_ITEM.search(key) or _practical(key) or of_the_list) \
            and _QUESTION.search(key) and not _OTHER_WORDS.search(key):
        return ABOUT_SHOWN
    if _NEW_PROBLEM.search(key) and _SUBJECT.search(key) and not _ABOUT_LIST.search(key):
        return NEW_NEED
    # What the person needs a service to offer ("she can go only in evening, and she want to
    # see a person face to face") asks for services that have it; not their own plan.
    if _LIST_WONT_DO.search(key) or _asks_for_others(raw, key) or (
            read_wishes(key) and not re.search(_OWN_PLAN, key)):
        return MORE
    if _CLOSING.search(key) and "?" not in key and not _NOT_PRAISE.search(key):
        return CLOSING
    return None


#: No word after, in the clause, that begins telling more of someone.
_NOTHING_TOLD_AFTER = (r"(?![^.?!,;]*\b(?:who|whose|whos|where|when|whenever|because|cos|coz|cuz|if|after|"
                       r"since|that|which|with)\b)")
#: What a list's services offer, besides the ways of contact and times signposting.wishes reads:
#: a website, the cost, the wait, a referral, the distance ("are any of them free?").
_OF_THE_LIST = re.compile(
    r"\b(?:website|email|e-mail|phone\s+calls?|telephone|opening|open|free|cost|costs|charge|pay|"
    r"waiting|wait|referral|refer|nearer|closer|nearby)\b"
    # ... who a service is for ("anything specifically for parents of under-8s?", "what about
    # for me as her mum?") and what kind of help it gives ("mum would do a course";
    # conversations30).
    # Never with more told of them in the clause ("for parents whose son is in a gang", "for me
    # as her mum when he locks us in": the independent review of round 22).
    r"|\bfor\s+(?:(?:parents|carers|mums|dads|families|grandparents|foster\s+carers)\b|"
    r"(?:the\s+)?under[- ]?\d{1,2}'?s?\b|(?:little|young|younger|small|older|big)\s+(?:ones|kids|children)\b|"
    r"teenagers\b|teens\b|(?:me|us)\s+as\s+(?:(?:her|his|their|a|the)\s+)?(?:mum|dad|parents?|carers?|nan|grandparents?|"
    r"step-?(?:mum|dad|parents?)|foster\s+carers?)\b)" + _NOTHING_TOLD_AFTER +
    r"|(?<!of\s)\b(?:courses?|workshops?|parenting\s+(?:programmes?|groups?|classes|support))\b"
    + _NOTHING_TOLD_AFTER +
    # ... and whether someone may come along ("can i go with my friend to the first one":
    # conversations36), with nothing more told of them.
    r"|\b(?:bring|take|go\s+with|come\s+with|go\s+along\s+with)\s+(?:my|a|her|his|their|our)\s+"
    r"(?:friends?|mates?|mum|mom|dad|parents?|partner|sister|brother|nan|gran|carer)\b" + _NOTHING_TOLD_AFTER)


#: Clauses of a reply to a list: at punctuation, a dash, "but", or "and" before a new subject
#: ("do any of them do text and im gonna od" is two).
_LIST_CLAUSES = re.compile(r"[.,;:!?\n()]+|\s[-\u2013]\s|\bbut\b|\band\s+(?=(?:i|im|i'm|i've|ive|"
                           r"he|hes|he's|she|shes|she's|they|theyre|my|we|it|its|it's|no\s*one)\b)")
#: A clause that is only a question about the list or a courtesy.
_BARE_LIST_QUESTION = re.compile(
    r"^\W*(?:is\s+there\s+(?:one|any|anything|something|anyone)|(?:do|are|does|is|can)\s+any"
    r"(?:\s+of\s+(?:them|these|those))?|which\s+(?:ones?|of\s+(?:them|these|those))|"
    r"any\s+of\s+(?:them|these|those)|what\s+about\s+(?:one|ones)|thanks|thank\s+(?:you|u)|ty|ta|"
    r"cheers|ok|okay|right|great|lovely|brilliant|sorry|hi|hello|also|realistically"
    # ... or asks for a place to go ("is there some place she can go with me", conversations16).
    r"|is\s+there\s+(?:some\s*(?:place|where)|a\s+place|anywhere)(?:\s+(?:she|he|they|i|we)\s+"
    r"(?:can|could)\s+go(?:\s+(?:with\s+(?:me|us|her|him)|to))?)?"
    # ... or a courtesy before the question: "sorry if this is a silly question", "just
    # wondering", "quick question" (conversations20).
    r"|(?:sorry\s+)?(?:(?:if\s+)?(?:this|it)\s+(?:is|might\s+be|may\s+be|sounds\s+like)\s+|to\s+ask\s+|for\s+the\s+)?"
    r"(?:a\s+)?(?:silly|daft|dumb|basic|quick|obvious)\s+(?:question|one|q)"
    r"|sorry\s+to\s+(?:ask|bother\s+you)|just\s+wondering|i\s+was\s+wondering|one\s+more\s+(?:question|thing)"
    # ... or when the family can go: "i work til 6", "he wont go on his own".
    r"|(?:i|we|mum|dad|my\s+(?:husband|wife|partner))\s+(?:work|works|working|finish|finishes)\s+"
    r"(?:till|til|until|to|at)\s+(?:\d{1,2}|late)"
    r"|(?:he|she|they|i)\s+(?:won'?t|wont|will\s+not|can'?t|cant|doesn'?t|does\s+not)\s+go\s+"
    r"(?:on\s+(?:his|her|their|my)\s+own|alone|by\s+(?:himself|herself|themselves|myself))"
    # ... or why a way of contact will not do: "it makes him panic", "phones make me anxious".
    r"|(?:it|that|they|phones?|calls?|the\s+phone)\s+(?:makes?|gets?)\s+(?:him|her|me|them)\s+"
    r"(?:really\s+|so\s+|too\s+)?(?:panic|panicky|anxious|nervous|uncomfortable|stressed|freeze|"
    r"shut\s+down))\W*$")


#: Courtesies said together: "ok ty", "thanks ok", "ok cool thanks" (conversations20).
#: Why a cost matters, said beside the question ("Do any of these cost anything? Money is tight.":
#: conversations36): the whole clause, nothing more told.
_MONEY_REASON = re.compile(
    r"^\W*(?:(?:but|and|as|cos|because|tbh)\s+)?(?:money(?:'s|\s+is)\s+(?:a\s+bit\s+|really\s+|very\s+)?"
    r"(?:tight|short|an\s+issue)|(?:we|i)\s+(?:can'?t|cannot|couldn'?t)\s+afford\s+(?:much|it|to\s+pay|"
    r"anything|private|a\s+lot)|(?:we'?re|were|we\s+are|i'?m|im|i\s+am)\s+(?:a\s+bit\s+|really\s+)?"
    r"(?:skint|broke|on\s+a\s+(?:tight\s+)?budget)|(?:we|i)\s+(?:don'?t|do\s+not)\s+have\s+(?:much|any)"
    r"\s+money)\W*$")
_COURTESIES = re.compile(r"^\W*(?:(?:thanks|thank\s+(?:you|u)|ty|ta|cheers|ok|okay|k|cool|right|great|lovely|"
                         r"brilliant|sorry|hi|hello|also)\W*)+$")


#: A parent's or carer's tiredness: "worn down", "shattered", "at the end of my tether".
_TIREDNESS = (r"(?:worn\s+(?:down|out)|exhausted|knackered|shattered|drained|frazzled|burnt\s+out|"
              r"burned\s+out|tired|run\s+ragged|at\s+(?:our|my)\s+wits'?\s+end|at\s+the\s+end\s+of\s+(?:our|my)\s+tether)")
#: A parent or carer saying why they ask for something for themselves: "Is there anything for
#: us as carers too? We're pretty worn down if I'm honest" (conversations34). Tiredness only:
#: "not coping" or "struggling" tell more, and keep the message from this reading.
_CARERS_TIRED = re.compile(
    r"^\W*(?:if\s+i'?m\s+honest\s+|to\s+be\s+honest\s+|tbh\s+|honestly\s+)?"
    r"(?:we|i)(?:'re|'m|\s+are|\s+am|re|m)?\s+(?:(?:both|all|pretty|really|so|very|quite|absolutely|completely|"
    r"just|a\s+bit|getting|feeling)\s+)*"
    + _TIREDNESS + r"(?:\s+(?:if\s+i'?m\s+honest|to\s+be\s+honest|tbh|honestly|too|as\s+well|now))*\W*$")


#: A parent or carer asking for something for themselves: "Is there anything for me?", "what
#: about support for us as carers", "anything for parents themselves" (conversations34).
_FOR_THE_CARER = re.compile(
    r"\b(?:anything|something|support|help|someone|anyone|any|services?|what\s+about)"
    # ... with only words of asking between ("is there any support out there for me"), and only
    # who they are and "too" after (the review of round 23: "any help for us getting her away
    # from those men" tells more).
    r"(?:\s+(?:there|that|which|available|else|at|all|out|you|can|could|suggest|recommend|offer|"
    r"specifically|just|locally|around|here|is|are|support|help|going|on|like|of|kind|sort|"
    r"services?|groups?|someone|anyone|to|talk))*\s+for\s+"
    r"(?:(?:me|us|myself|ourselves)\b(?:\s+as\s+(?:(?:her|his|their|a|the)\s+)?(?:mum|dad|mother|father|"
    r"parents?|carers?|foster\s+carers?|nan|grandparents?|step-?(?:mum|dad|parents?)|family))?"
    r"|(?:parents|carers|mums|dads)\s+themselves\b)"
    r"(?:\s+(?:too|as\s+well|also|though|then|please|pls|personally|really|now|here|locally|at\s+all|"
    r"or\s+just\s+(?:for\s+)?(?:him|her|them)))*\W*$")
#: ... and how it is for them: "I'm not coping brilliantly with all this", "it's just me and
#: him", "we're pretty worn down if I'm honest". Strain and tiredness only: words of death,
#: harm, fear or an end ("i cant go on", "scared of him") keep the message from this reading.
_CARERS_STRAIN = re.compile(
    r"^\W*(?:(?:if\s+i'?m\s+honest|to\s+be\s+honest|tbh|honestly|to\s+be\s+fair)\s+)?"
    r"(?:(?:i|we)(?:'m|'re|\s+am|\s+are|m|re)?\s+(?:(?:really|so|not|just|pretty|completely|absolutely|both|"
    r"all|a\s+bit|getting|feeling|also|too|honestly|genuinely|totally|literally)\s+)*"
    r"(?:coping|struggling(?:\s+to\s+cope)?|finding\s+(?:it|this|things)\s+(?:all\s+)?(?:really\s+|so\s+|very\s+)?"
    r"(?:hard|tough|difficult)|" + _TIREDNESS + r")"
    r"|(?:i|we)\s+(?:can'?t|cannot|cant)\s+cope"
    r"|it'?s\s+just\s+(?:me|us)(?:\s+and\s+(?:him|her|them|the\s+kids?|the\s+children))?"
    r"|it'?s\s+(?:getting\s+to|affecting|wearing\s+on)\s+(?:me|us)"
    r"|(?:i|we)\s+(?:feel|felt)\s+(?:like\s+)?(?:i'?m|im|we'?re|were)\s+getting\s+(?:it|this|everything)\s+(?:all\s+)?wrong)"
    r"(?:\s+(?:brilliantly|well|great|very\s+well|at\s+all|really|if\s+i'?m\s+honest|to\s+be\s+honest|"
    r"tbh|honestly|too|as\s+well|now|either|lately|recently|myself|ourselves|"
    r"with\s+(?:all\s+)?(?:this|it|that|him|her|them|everything)(?:\s+all)?))*\W*$")


#: ... or that they cry over it: "I cried in the car after drop-off again today".
_CARERS_CRYING = re.compile(r"^\W*(?:and\s+)?(?:i|we)(?:'ve|\s+have|ve)?\s+(?:(?:just|also|even|been|often|"
                            r"sometimes|always)\s+)*(?:cried|cry|crying|keep\s+crying|ended\s+up\s+crying|"
                            r"burst\s+into\s+tears|broke\s+down)"
                            # ... and only where or when: "in the car after drop-off again today".
                            r"(?:\s+(?:in|the|my|car|after|before|drop-?off|drop|off|school|run|pick-?up|"
                            r"again|today|tonight|yesterday|at|night|nights|every|most|morning|mornings|bathroom|"
                            r"kitchen|bed|myself|to|sleep|on|own|a|lot|times|loads|all|day|week|this|last|"
                            r"work|alone|shower|bedtime|evening|evenings|twice|once))*\W*$")


def asks_for_the_carer(text: str) -> bool:
    """A parent or carer asking for support for themselves, and perhaps saying how hard it is
    for them, and nothing else besides: every clause is that question, their strain, a
    courtesy or a question about the list, with no word of risk outside the strain (the
    guard in bot/dialogue/guards.py answers it only when the person is a parent or carer)."""
    lower = (text or "").lower().replace("\u2019", "'")
    clauses = [c.strip() for c in _LIST_CLAUSES.split(lower) if c and c.strip(" '\"")]
    if not clauses or not any(_FOR_THE_CARER.search(c) for c in clauses):
        return False
    return all(_CARERS_STRAIN.match(c) or (not _RISK.search(c) and (
        _FOR_THE_CARER.search(c) or _CARERS_CRYING.match(c) or _COURTESIES.match(c)
        or _BARE_LIST_QUESTION.match(c) or _OF_THE_LIST.search(c))) for c in clauses)


def asks_about_the_list(text: str) -> bool:
    """Every clause of the message is about what a list's services offer (a way to contact
    them, a time, a cost, a wait), says why ("i cant do phone calls", "mum works until 6"), or
    is a courtesy: a reply about the list itself, and nothing else besides ("do any of them do
    text, i keep getting the urges again" tells more than that)."""
    lower = (text or "").lower().replace("\u2019", "'")
    clauses = [c.strip() for c in _LIST_CLAUSES.split(lower) if c and c.strip(" '\"")]
    return bool(clauses) and all(
        _OF_THE_LIST.search(c) or read_wishes(c) or _BARE_LIST_QUESTION.match(c) or _COURTESIES.match(c)
        or _CARERS_TIRED.match(c) or _MONEY_REASON.match(c) for c in clauses)


def list_choice(text: str) -> Optional[int]:
    """The number in "4", "option 4 please", "no. 2": a place in the list (one digit), not an
    age, which the bot did not ask for."""
    found = re.fullmatch(r"\W*(?:number|no\.?|option|#)?\s*(\d)(?:\s+(?:please|pls|plz))?\W*",
                         (text or "").lower())
    return int(found.group(1)) if found else None


def _asks_for_others(raw: str, key: str) -> bool:
    if re.search(r"\bnear(?:er)?\s+[A-Z]", raw):
        return True
    wants = _OTHER_WORDS.search(key) or (_ANY_WORDS.search(key) and not _ABOUT_WORDS.search(key))
    return bool(wants) and not re.search(
        r"\b(?:no|not|nothing|don'?t|dont)\s+(?:\w+\s+)?(?:more|else|further|other|options?)\b"
        r"|\bno\s+(?:further|more|other)\b", key)


#: What read_after_list may say of a clause that opens a message as a reply to the list.
_READINGS_OF_A_REPLY = frozenset({MORE, ABOUT_SHOWN, CLOSING, WHO_IS_TOLD, REFERRAL, NEXT_STEPS})


def opens_as_a_list_reply(clause: str, said: str) -> bool:
    """A courtesy, a bare question about the list, a referral or next-step question, or a reply
    read_after_list knows that is asked ("?" or a question word) or names the list ("none of
    those suit him"): read_after_list alone, meant for a message the model could not place
    after a list, also reads a statement as a wish for others ("he had a full-on tantrum in
    tesco": "full", development set 15)."""
    if _BARE_LIST_QUESTION.match(clause) or _COURTESIES.match(clause):
        return True
    if asks_next_step(clause + "?") is not None:
        return True
    asked = "?" in said or _QUESTION.search(clause) is not None
    return read_after_list(clause) in _READINGS_OF_A_REPLY and (asked or bool(_ABOUT_LIST.search(clause)))
