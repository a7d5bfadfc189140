"""Plain names for the taxonomy's needs: as the bot says them back ("You also mentioned ..."),
and as the bot's list of topics names them, so that a topic typed back ("family", "autism or
ADHD") is read as exactly that need rather than guessed at.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

LABELS = {
    "anxiety": "worry or panic",
    "low_mood": "feeling low",
    "self_harm": "self-harm",
    "eating_body_image": "eating or body image",
    "bereavement": "grief",
    "bullying": "bullying",
    "family_relationships": "family or relationships",
    "school_stress": "school stress",
    "sleep": "sleep",
    "anger_behaviour": "anger",
    "neurodevelopmental": "autism or ADHD",
    "substance_use": "drugs or alcohol",
    "identity": "identity",
    "trauma": "something traumatic",
    "loneliness": "loneliness",
    "psychosis": "hearing or seeing things",
    "general_wellbeing": "how you're feeling",
}
#: The names of the topics list (domain/conversation.yml, utter_fallback_topics: its text and
#: its buttons; tests/signposting/test_needs.py checks the two agree), and the labels above.
TOPIC_NAMES: Dict[str, Tuple[str, ...]] = {
    "anxiety": ("worry or panic", "worry", "panic", "anxiety"),
    "low_mood": ("low mood", "feeling low", "depression"),
    "self_harm": ("self-harm", "self harm", "selfharm"),
    "eating_body_image": ("eating or body image", "eating", "body image"),
    "bereavement": ("grief", "bereavement"),
    "bullying": ("bullying",),
    "family_relationships": ("family", "family or relationships", "relationships"),
    "school_stress": ("school stress", "school"),
    "sleep": ("sleep",),
    "anger_behaviour": ("anger",),
    "neurodevelopmental": ("autism or adhd", "autism", "adhd"),
    "substance_use": ("drugs or alcohol", "drugs", "alcohol"),
    "identity": ("identity",),
    "trauma": ("something traumatic", "trauma"),
    "loneliness": ("loneliness",),
    "psychosis": ("hearing or seeing things",),
    "general_wellbeing": ("something else", "general"),
}
_BY_NAME = {name: code for code, names in TOPIC_NAMES.items() for name in names}
_NOT_WORDS = re.compile(r"[^a-z\s-]+")
_POLITE = re.compile(r"^(?:(?:um+|erm+|er|uh+|ok|okay|yeah|yes|yh|ye|maybe|i guess|probably)\s+)*"
                     r"|\s+(?:please|pls|plz|i guess|i think|probably|tbh)$")
#: Words around a topic name that add nothing: "school stuff", "the eating thing", "its mainly
#: family", "general stuff".
_AROUND = re.compile(r"^(?:(?:the|its|it's|it is|mainly|mostly|more|just|about|my)\s+)+"
                     r"|(?:\s+(?:stuff|things?|issues?|problems?|related|mainly|mostly|really))+$")
PREFIX = "need_"
#: A second need intent this sure, next to the first, is taken as also meant.
ALSO_MEANT = 0.15


def need_label(code: str) -> str:
    return LABELS.get(code, code.replace("_", " "))


def topic_named(text: Optional[str]) -> Optional[str]:
    """The need a message names when it is just one of the bot's own topic names ("family",
    "Autism or ADHD", "grief please"); None for anything longer, which the model reads."""
    if not text or len(text) > 40:
        return None
    key = _NOT_WORDS.sub(" ", text.lower().replace("\u2019", "'"))
    key = _POLITE.sub("", re.sub(r"\s+", " ", key).strip()).strip()
    return _BY_NAME.get(key) or _BY_NAME.get(_AROUND.sub("", key).strip())


#: People whose death is a bereavement, not a phone or a battery that "died".
_PEOPLE = (r"nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|grandpa|grandfather|"
           r"mum|mom|mother|dad|father|brother|sister|uncle|auntie|aunt|cousin|friend|mate|wife|"
           r"husband|partner|stepdad|stepmum|grandparent|baby|son|daughter|dog|cat|pet")

#: Words that name a need plainly, for a second need in the same message ("my daughter is
#: being bullied and now she can't sleep"): specific enough that naming one is never a guess.
NAMED_BY = {
    # Round 18 (conversations24): "cant stop overthinking everything", "she panics every morning".
    "anxiety": r"anxious|anxiety|panic attacks?|panicking|panics|overthink(?:s|ing)?|over[- ]thinking",
    "low_mood": (r"depressed|depression|low mood"
                 # Round 7 (conversations6): how parents say it ("he's been a bit quiet lately").
                 r"|withdrawn|(?:a bit |really |very |so )?(?:quiet|down|low|flat) lately"
                 r"|not (?:him|her)self"),
    # Not "he has become a nightmare", "mornings are an absolute nightmare" (conversations40).
    "sleep": (r"sleep(?:ing)?|insomnia|(?<!is a )(?<!was a )(?<!been a )(?<!become a )(?<!s a )"
              r"(?<!are a )(?<!an absolute )(?<!a total )(?<!a complete )(?<!a living )(?<!such a )"
              r"nightmares?"),
    "eating_body_image": (r"eating disorders?|eating (?:difficulties|problems|issues)|not eating|won'?t eat"
                          r"|body image|restricting (?:her |his |their )?(?:food|eating)"
                          r"|hates? (?:how|the way) (?:she|he|i|they) looks?"
                          r"|(?:won'?t|doesn'?t|refuses to) (?:have|let) (?:her |his |their )?photos?"
                          # Round 15 (conversations17): the signs as parents and young people tell them.
                          r"|skipp(?:ing|ed|s) (?:meals|lunch|breakfast|dinner|tea)"
                          r"|(?:legs|thighs|stomach|tummy|belly|bum|arms|face|body) (?:look|looks|looking) "
                          r"(?:big|fat|huge)|calories|calorie counting|what i eat in a day"
                          r"|(?:making|made|make|makes) (?:myself|herself|himself|themselves) "
                          r"(?:sick|throw up)"
                          r"|throw(?:ing|s)? up after (?:meals|eating|food|tea|dinner|lunch)"
                          r"|weigh(?:s|ing)? (?:myself|herself|himself) (?:every|all the time|constantly)"),
    # Round 15 (conversations16): how people say a death ("she took it hard when her nan died").
    "bereavement": (r"grief|grieving|bereave\w*|funeral"
                    r"|(?:(?:" + _PEOPLE + r") (?:died|passed away|passed on|passing))"
                    r"|(?:(?:lost|losing|death of|loss of) (?:her|his|my|their|our|a) (?:" + _PEOPLE + r"))"),
    "bullying": r"bull(?:y|ied|ying)|picked on",
    "school_stress": (r"exams?|homework|revision|coursework|past papers?"
                      r"|school refus\w*|school avoidance|won'?t go (?:in|to school|into school)"
                      r"|(?:stopped|not|isn'?t|hasn'?t been|haven'?t been|refus\w*) (?:going |to go )?"
                      r"(?:to |in |into )?school|missing (?:a lot of )?school"
                      r"|can'?t face (?:going to )?school"
                      # Round 7 (conversations6): "6 tests this week n they keep piling on more hw".
                      r"|mocks|gcses|a ?levels|hw|revising|(?:school|maths|english|science|spelling) tests?"
                      r"|tests? (?:this|next) week"
                      # Round 16 (conversations2): "when she sees my report, failed like everything".
                      r"|(?:school|my|her|his) report|fail(?:ed|ing) (?:\w+ ){0,2}?"
                      r"(?:everything|exams?|subjects?|mocks|gcses|maths|english|science|my grades)"),
    # Round 16 (conversations6 and 12): aggression and lashing out, said plainly.
    "anger_behaviour": (r"angry|anger|temper|meltdowns?|aggressive|aggression|lash(?:es|ing|ed)? out"
                        # Round 26 (development set 20): defiance and a young child's biting.
                        r"|defiant|defiance|tantrums?"
                        r"|biting (?:and hitting )?(?:other|others|children|kids)"),
    # Round 8 (conversations9): "my mum n dad keep fighting", "we argue constantly".
    "family_relationships": (r"(?:parents|mum and dad|mum n dad|mum & dad|mum|dad) "
                             r"(?:keep|keeps|are always|always|won'?t stop) "
                             r"(?:fighting|arguing|rowing|shouting)"
                             r"|(?:we|and i|and me) (?:argue|fight|row)(?: \w+)? "
                             r"(?:constantly|all the time|every day|non-?stop)"
                             # Round 15 (conversations17): trouble with friends, said plainly.
                             r"|(?:friends|mates|friendship group|best friend|bestie|bff) "
                             r"(?:r|are|is|keep|have been|has been|been) (?:being )?"
                             r"(?:really |so |a bit |proper |kinda )?"
                             r"(?:weird|off|funny|horrible|mean|nasty|ignoring)"
                             r"|f[ae]ll(?:en|ing)? out with (?:my |her |his |their )?"
                             r"(?:friends?|mates?|best friend|bestie|friendship group|bff)"
                             # Round 19 (conversations26): "can i talk 2 some1 about my mum being
                             # sooo cringe n always in my business".
                             r"|(?:talk|speak|chat) (?:\w+ ){0,3}?about (?:my )?(?:mum|mam|mom|dad|parents|"
                             r"family|stepdad|stepmum|step ?parents?)\b"
                             r"|(?:mum|mam|mom|dad|parents|family) (?:being|is|are) (?:so+ |really |proper |"
                             r"always )?(?:cringe|annoying|embarrassing|strict|controlling|nosy|"
                             r"in my business)"
                             # Round 26 (development set 20): young carers, a child who has stopped
                             # talking to a parent, a parent in prison, "family probs".
                             r"|young carers?|(?:(?:look|looks|looking) after|(?:care|cares|caring) for) "
                             r"(?:my|her|his|their) (?:mum|mam|mom|dad|parents?|nan)"
                             r"|(?:won'?t|doesn'?t|does not|will not|never) (?:talk|speak|open up) "
                             r"to (?:me|us)"
                             r"|(?:dad|mum|mam|mom|father|mother|stepdad|brother|sister|parent)'?s? "
                             r"(?:\w+ )?(?:gone|went|sent|is|been|'s|s) (?:to |in )(?:prison|jail)"
                             r"|family (?:probs|problems|issues|stuff|things|troubles)"),
    "neurodevelopmental": r"autis\w*|adhd|asd",
    "substance_use": r"drinking|alcohol|drugs|weed|vaping",
    # "he thinks hes bi": "bi" only after a word saying who is (conversations16).
    "identity": (r"coming out|came out|gay|lesbian|bisexual|trans(?:gender)?|racism|non-?binary"
                 # Round 27 (conversations42): "she thinks she might be bi" (not "bi-weekly" nor
                 # "bi polar": the independent review).
                 r"|pansexual|lgbt\w*|bi-?curious|bi-sexual"
                 r"|(?:he'?s|she'?s|i'?m|they'?re|hes|shes|im|am|is|being|be|maybe|prob|probably) bi"
                 r"(?!-|\s+(?:polar|weekly|monthly|annual|yearly|lingual))"
                 # Round 26 (development set 20): an adopted child asking who she is.
                 r"|(?:struggling|struggles|questions?|asking) (?:\w+ ){0,3}?"
                 r"(?:who (?:she|he|i|they) (?:is|am|are)|where (?:she|he|i|they) (?:comes?|came) from)"),
    # Round 16 (conversations11): "i dont know anyone since i moved here", "no one to talk to".
    "loneliness": (r"lonely|loneliness|no friends|no mates"
                   r"|(?:don'?t|do not|doesn'?t|does not) know (?:anyone|anybody)"
                   r"(?! (?:who|whos|who'?s|whose|that|with|else|like))"
                   r"|(?:no ?one|nobody|no body) to (?:talk to|hang out with|go out with|sit with)"
                   # Round 26 (development set 20): "nobody plays with her at school".
                   r"|(?:no ?one|nobody|no body|no-one) (?:plays|wants to play|will play|sits|talks) "
                   r"with (?:her|him|me)"
                   r"|left out"),
    "psychosis": (r"hearing voices|hears voices|seeing things"
                  # Round 26 (development set 20): "sees things other people can't".
                  r"|(?:sees?|hears?|seeing|hearing) (?:things|voices|people) (?:other people|others|"
                  r"no one else|nobody else|that aren'?t there|that are not there)"),
}
_NAMED = {code: re.compile(r"\b(?:" + words + r")\b") for code, words in NAMED_BY.items()}


def needs_named(text: Optional[str]) -> List[str]:
    """The needs a message names plainly, in the order of the list above."""
    lower = (text or "").lower().replace("\u2019", "'")[:2000]
    return [code for code, pattern in _NAMED.items() if pattern.search(lower)]


def other_needs(ranking: Sequence[Tuple[str, float]], top: str,
                text: Optional[str] = None) -> List[str]:
    """Further needs in one message ("I'm anxious and can't sleep"): the needs the message names
    plainly first (naming one is never a guess), then the intent ranking's."""
    from_model = [name[len(PREFIX):] for name, confidence in ranking
                  if name.startswith(PREFIX) and name != top and confidence >= ALSO_MEANT
                  and name != PREFIX + "general_wellbeing"]
    named = [code for code in needs_named(text) if PREFIX + code != top]
    return list(dict.fromkeys(named + from_model))[:2]


#: Words that add something to what was said before ("I can't sleep either").
_ADDED = re.compile(r"\b(?:either|too|also|as well|another thing|on top of that|"
                    r"anything for that)\b")


def added_need(text: Optional[str], read_as: Optional[str]) -> Optional[str]:
    """A second worry added to the first ("the stress means I can't sleep either - is there
    anything for that?"): when the message adds something and names exactly one need plainly,
    and the model read it as another need (the first worry's words are still in it), the
    named one is what the person is asking about now."""
    lower = (text or "").lower().replace("\u2019", "'")[:500]
    if not _ADDED.search(lower):
        return None
    named = needs_named(lower)
    if len(named) != 1 or PREFIX + named[0] == read_as:
        return None
    if read_as and not (read_as.startswith(PREFIX) or read_as == "nlu_fallback"):
        return None
    return named[0]


#: A message this long that the model could not read, but that names a need plainly, is about
#: that need (shorter ones are answers to the bot's questions or single words).
NAMED_MIN_WORDS = 4


def named_instead_of_fallback(text: Optional[str], read_as: Optional[str]) -> Optional[str]:
    """ "Since the fire my son is terrified and he won't sleep on his own": when the model falls
    back on a message (or reads it as out of scope: "this homework is killing me" is not "Sorry,
    I can't help with that"; or a named worry as general wellbeing) that plainly names a need,
    the named need (the first, in the order of NAMED_BY) is a better answer than "I'm not sure
    I understood"; the others it names are offered after the list (other_needs)."""
    if read_as not in ("nlu_fallback", "out_of_scope", "need_general_wellbeing") or len(
            (text or "").split()) < NAMED_MIN_WORDS:
        return None
    named = needs_named(text)
    if named:
        # General wellbeing is the model's reading of a wish for support that names no worry:
        # one that does name one ("something more specialist for eating difficulties") is that.
        return named[0]
    if read_as == "need_general_wellbeing":
        return None
    lower = (text or "").lower().replace("\u2019", "'")[:2000]
    return "general_wellbeing" if _WELLBEING.search(lower) else None


#: Asking for ways to cope or feel better, naming no worry: general wellbeing. Only when the
#: model falls back (never a second need: "I can't cope" is said of every worry).
_WELLBEING = re.compile(r"\b(?:tips|ways|how|help|advice|ideas|strategies)\s+(?:\w+\s+){0,3}?"
                        r"(?:cope|coping|feel better|look after my (?:mental health|wellbeing|self))"
                        r"|\bcop(?:e|ing) better\b|\bcoping (?:tips|strategies|skills)\b"
                        r"|\b(?:my|mental) (?:wellbeing|well-being)\b|\bself[- ]care\b"
                        # Round 26 (development set 20): "my confidence is so low".
                        r"|\b(?:confidence|self[- ]esteem|self[- ]worth)\b")
