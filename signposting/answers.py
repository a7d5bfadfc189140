"""Short answers to the bot's yes/no questions, recognised exactly rather than guessed.

"Are you safe right now?" must never meet "Sorry, I didn't understand" because a model was
unsure what "no" means. The lists are closed and small, so a lookup is the right tool; longer
messages are left to the NLU model.
"""
from __future__ import annotations

import re
from typing import Optional

from .after_list import has_risk_words

AFFIRM = "affirm"
DENY = "deny"
UNSURE = "dont_know"

_YES = {
    "yes", "yeah", "yea", "yeh", "yep", "yup", "ye", "yh", "ya", "yas", "ys", "y", "ok", "okay",
    "k", "kk", "sure", "please", "yes please", "yeah please", "go on", "ok please", "alright",
    "i'm safe", "im safe", "i am safe", "yes i'm safe", "yes im safe", "yeah im safe",
    "yeah i'm safe", "safe", "i'm ok", "im ok", "i am ok", "i'm okay", "im okay", "i'm fine",
    "im fine", "yes i am", "yeah i am", "i am", "yes i'm ok", "yes im ok", "👍", "yes thanks",
    "yeah thanks", "yes thank you", "that would help", "correct", "right", "true",
}
_NO = {
    "no", "nah", "nope", "na", "nay", "n", "no thanks", "no thank you", "nah thanks",
    "not really", "no i'm not", "no im not", "no i am not", "not at all", "no not really",
    "nah not really", "no way", "no it's not", "no its not", "definitely not", "i'm not",
    "im not", "i am not", "no i don't", "no i dont", "👎", "nah im good", "no i'm good",
    "no im good", "not now", "no not now",
}
#: A no and nothing more: no hedge ("not really", "not now", "i'm not" alone) that leaves the door
#: open to say more.
_PLAIN_NO = {"no", "nah", "nope", "na", "n", "no thanks", "no thank you", "nah thanks", "no i'm not",
             "no im not", "no i am not", "not at all", "definitely not", "no way", "nah im good",
             "no i'm good", "no im good"}


def plain_no(text: str) -> bool:
    """A plain no (the reply of the No button too): "no", "nope", "no im not", "not at all",
    with at most a full stop or "!" after it; never "no :(", "no 😔", "no..." or "no?", which
    may say more than no (the second review of round 29)."""
    said = (text or "").strip().lower().replace("\u2019", "'")
    if said == "/deny":
        return True
    said = re.sub(r"[.!]$", "", said)
    return bool(re.fullmatch(r"[a-z' ]+", said)) and said in _PLAIN_NO


#: After "are you safe right now?" these are treated as not safe; after a check-in, as yes.
_UNSURE = {
    "idk", "i dont know", "i don't know", "dont know", "don't know", "dunno", "not sure",
    "im not sure", "i'm not sure", "maybe", "kind of", "kinda", "sort of", "a bit", "a little",
    "sometimes", "i guess", "possibly", "no idea", "i dunno", "idk tbh", "not really sure",
}
#: One-word commands people send by text, recognised exactly (SMS users expect STOP to work).
_COMMANDS = {
    "stop": "stop", "quit": "stop", "end": "stop", "cancel": "stop", "unsubscribe": "stop",
    "stop please": "stop", "please stop": "stop", "stop it": "stop", "leave me alone": "stop",
    "restart": "restart_conversation", "start again": "restart_conversation",
    "start over": "restart_conversation", "reset": "restart_conversation",
    "i want to start again": "restart_conversation", "i want to start over": "restart_conversation",
    "can we start again": "restart_conversation", "can we start over": "restart_conversation",
    "lets start again": "restart_conversation", "let's start again": "restart_conversation",
    "start again please": "restart_conversation", "new conversation": "restart_conversation",
    "begin again": "restart_conversation", "start from the beginning": "restart_conversation",
    "more": "ask_more_services", "more please": "ask_more_services", "next": "ask_more_services",
    "show more": "ask_more_services", "any more": "ask_more_services",
    "anymore": "ask_more_services", "others": "ask_more_services", "more options": "ask_more_services",
    "delete my data": "delete_my_data", "delete": "delete_my_data", "forget me": "delete_my_data",
    "delete this": "delete_my_data", "delete my chat": "delete_my_data",
    "delete this chat": "delete_my_data", "delete conversation": "delete_my_data",
    "delete my conversation": "delete_my_data", "erase my data": "delete_my_data",
}
_REPEATS = re.compile(r"([a-z])\1{2,}")
_PUNCTUATION = re.compile(r"[^\w\s'👍👎]+")


def _key(text: str) -> str:
    key = _PUNCTUATION.sub(" ", (text or "").lower().replace("\u2019", "'"))
    return _REPEATS.sub(r"\1", re.sub(r"\s+", " ", key).strip())  # "nooo" -> "no"


def command(text: str) -> Optional[str]:
    """The intent of an exact one-word (or few-word) command, or None."""
    return _COMMANDS.get(_key(text)) if len(text or "") <= 40 else None


def short_answer(text: str) -> Optional[str]:
    """affirm, deny, dont_know, or None when the message is more than a short answer."""
    key = _key(text)
    if len(key) > 24:
        return None
    if key in _YES:
        return AFFIRM
    if key in _NO:
        return DENY
    if key in _UNSURE:
        return UNSURE
    return None


#: Asking for more or other options in other words ("any more? the first one has a waiting
#: list", "Thanks. Is there anything else?"), at the start of a sentence's clause.
_MORE_REQUEST = re.compile(
    r"(?:^|[.!?,]\s*|\b(?:thanks|thank you|ok|okay|cheers|ta)\b[\s,.!]*)"
    r"(?:is there |are there |have you got |got |do you have |can you show me |what about )?"
    r"(?:any ?more|anything (?:else|more)|something else|what else|any ?others?|"
    r"(?:any |some |what |which )?(?:other|more|different) "
    r"(?:options?|services?|places?|ideas?|support|help|groups?|ones?))\b")
_NOT_MORE = re.compile(r"\b(?:no|nothing|not|don'?t|dont|doesn'?t) (?:\w+ )?(?:any ?more|anything|else)\b")
#: What the model reads a "more" request as when it does not know it: nothing about a need.
_NOT_A_TASK = {"nlu_fallback", "out_of_scope", "thanks", "goodbye", "greet", "affirm", None}


#: Other options asked for with what they must offer ("anything closer?", "any that do
#: evenings?", "anything that could see her sooner?", "any alternatives?", "can you show me
#: others?", "is that it?"): after a list, these ask for more of it.
_MORE_WITH_WISH = re.compile(
    r"\b(?:any(?:thing|where)?|something|somewhere|some)\s+(?:that|which|who)\s+(?:do|does|can|"
    r"could|offers?|works?|sees?|runs?|opens?|takes?)\b"
    r"|\b(?:any(?:thing|where)?|something|somewhere)\s+(?:closer|nearer|sooner|quicker|faster|"
    r"online|local|free|cheaper|in\s+person|face\s+to\s+face|by\s+phone|over\s+the\s+phone|"
    r"in\s+the\s+evenings?|at\s+(?:the\s+)?weekends?|for\s+(?:evenings|weekends))\b"
    r"|\b(?:any|other|some)\s+alternatives?\b|^\W*alternatives?\b"
    r"|\b(?:show|give|find)\s+(?:me|us)\s+(?:some\s+)?(?:others|other\s+ones|more)\b"
    r"|^\W*(?:is\s+that\s+(?:it|all)|is\s+there\s+nothing\s+else|that'?s\s+it)\s*(?:\?|$)")


def asks_for_more(text: str, read_as: Optional[str]) -> bool:
    """ "any more? the first one has a waiting list": more options, when the model read the
    message as nothing about a need (a need named in it is read first, by the caller)."""
    key = (text or "").lower().replace("\u2019", "'")
    if len(key) > 300 or _NOT_MORE.search(key):
        return False
    if read_as == "ask_self_help" and _OPENS_WITH_MORE.match(key):
        return True  # "any others? ideally something i can do in the evening" (development set 53)
    if read_as not in _NOT_A_TASK:
        return False
    return bool(_MORE_REQUEST.search(key) or _MORE_WITH_WISH.search(key))


#: A message that opens by asking for other options, whatever it wishes for after: the model
#: reads "something i can do" in "any others? ideally something i can do in the evening" as a
#: wish for self-help ideas.
_OPENS_WITH_MORE = re.compile(r"^\W*(?:(?:thanks|thank\s+you|ok|okay|cheers|ta)\W+)?(?:are\s+there\s+|"
                              r"is\s+there\s+|have\s+you\s+got\s+|got\s+)?(?:any\s?more|any\s?others?|"
                              r"anything\s+else|something\s+else|(?:any\s+)?other\s+(?:options?|services?|"
                              r"places?|ones?))\b"
                              # ... never more ideas or things to do ("any more breathing exercises?",
                              # "anything else to try at home?": the independent review).
                              r"(?!(?:\s+[\w'-]+){0,2}\s+(?:ideas?|tips?|things|advice|self[\s-]?help|strategies|"
                              r"suggestions|exercises?|techniques?|activities|apps?|games?|books?|websites?)\b"
                              r"|\s+(?:to\s+(?:try|do)|(?:that\s+)?(?:i|we|you|he|she|they)\s+(?:can|could|should|"
                              r"might)\s+(?:do|try))\b)")


_DECLINE = re.compile(
    r"\b(?:(?:i'?d\s+)?rather\s+not(?:\s+say)?|prefer\s+not\s+to\s+say|(?:i\s+)?(?:do\s*n'?t|dont)\s+want\s+to\s+(?:say|tell)|"
    r"not\s+telling|skip(?:\s+(?:it|this|that))?|none\s+of\s+your\s+business)\b")


#: Asking why the bot wants to know ("why do u need that", "what's that for?", "do I have to
#: say?"), in answer to its question about age or place (conversations17).
_WHY_ASKED = re.compile(
    r"^\W*(?:(?:but|and|ok|okay|um|erm|hmm|wait)\W+)?(?:"
    r"(?:why|y|how\s+come)\W*$"
    r"|(?:why|y|how\s+come)\b(?:\W+\w+){0,3}?\W+(?:need|needs|want|wanna|ask|asking|asked|know|tell|give|say)\b"
    r"|(?:what|wot|wat|whats|what'?s)(?:\s+is)?\s+(?:that|it|this)\s+for\b"
    r"|what\s+for\b|what\s+do\s+(?:you|u)\s+need\s+(?:that|it|to\s+know)\s+for\b"
    r"|do\s+i\s+(?:have|need)\s+to\s+(?:say|tell\s+(?:you|u)|answer|give\s+(?:it|that|my))\b"
    r"|(?:is|s)\s+(?:that|it)\s+(?:needed|necessary|required)\b)")


def asks_why(text: str) -> bool:
    """Asking why the bot asks, instead of answering: the bot says why and that the question can
    be skipped, then asks again (no answer is taken from it, none is counted as failed)."""
    key = (text or "").lower().replace("\u2019", "'").strip()
    if len(key) > 60 or re.search(r"\d", key) or not _WHY_ASKED.search(key):
        return False
    # Distress beside the question ("why do you need to know, he said hed kill me", "what for,
    # theres no point") is not only a question (independent review, 5 December).
    if has_risk_words(key) or re.search(r"\b(?:worthless|help\s+now|looking\s+for\s+me|live\s+like|"
                                         r"go\s+back|go\s+home|ran|alive)\b", key):
        return False
    # "why ... need/want" only of the bot: "why does no one want me" is not about its question.
    return not re.match(r"\W*(?:\w+\W+)?(?:why|y|how\s+come)\b\W*\w", key) or bool(
        re.search(r"\b(?:you|u|ya|yous|this|that|it)\b", key))


def declines(text: str) -> bool:
    """ "Rather not say": the person would rather not give their age or where they live."""
    key = (text or "").lower().replace("\u2019", "'")
    return len(key) <= 60 and bool(_DECLINE.search(key))


#: Asking for help without saying what with ("need help", "hello, I need some support for my
#: daughter", "can you help me please"): the person is starting, so the bot invites them to say
#: what is going on (the greeting's "What's on your mind?") rather than saying it did not
#: understand. Only the whole message is read: any other word (a worry, a place, an age) leaves
#: it to the model. "help" alone, "help me" and "please help" are left to the fallback, whose
#: reply leads with what to do in an emergency.
_OPENER = (r"(?:(?:hi|hello|hey|hiya|heya|morning|afternoon|evening|"
           r"good (?:morning|afternoon|evening)|ok|okay|um|erm|so)\b[\s,.!]*)*")
_PLEASE = r"(?:[\s,]+(?:please|pls|plz|thanks|thank you|x+))*"  # a separator each: no backtracking
_ASK = (r"(?:(?:i|we)\s+(?:really\s+|just\s+)?(?:need|want|would like|could do with|could use)|"
        r"(?:i|we)'?d\s+like|"
        r"i'?m\s+(?:looking for|after|wanting)|looking for|"
        r"(?:can|could)\s+(?:i|we)\s+(?:get|have|ask for)|"
        r"(?:can|could)\s+(?:you|someone|anyone)\s+(?:please\s+)?(?:help|give me|give us)|"
        r"is there\s+(?:anyone|someone|somebody)\s+(?:who can|that can|to)\s+help|"
        r"need)")
_WHAT = (r"(?:\s+(?:some|a bit of|a little|any|)\s*(?:help|support|advice|guidance|info|information)"
         r"|\s+(?:me|us)|)")
_FOR = (r"(?:\s+(?:for|with|about|regarding)\s+(?:me|myself|us|"
        r"my\s+(?:son|daughter|child|kid|boy|girl|teenager|teen|grandson|granddaughter|"
        r"stepson|stepdaughter|foster child|brother|sister|friend|niece|nephew)|"
        r"(?:a|one of my)\s+(?:pupils?|students?|young (?:person|people)|learners?|child|children)))?")
_HELP_REQUEST = re.compile(
    rf"^{_OPENER}(?:please\s+)?{_ASK}{_WHAT}(?:\s+help)?{_FOR}{_PLEASE}[\s.!?]*$")


#: The parse-data key the NLU sets on a message that only asks for help (pleads_for_help).
HELP_REQUEST = "help_request"
#: "help", "help me", "please help", "someone help me now": too bare to be met with the
#: introduction, but, as the answer to "are you safe right now?", a plea (see pleads_for_help).
_BARE_HELP = re.compile(
    r"^(?:please\s+|pls\s+|plz\s+|someone\s+|somebody\s+|i\s+need\s+|need\s+|i\s+need\s+you\s+to\s+)*"
    r"help+(?:\s+help+)*(?:\s+(?:me|us))?(?:\s+(?:now|please|pls|plz|quick|asap))*"
    r"(?:[\s,.]+i'?m\s+(?:so\s+)?(?:scared|frightened|terrified))?[^\w]*$")
#: What the model may call a help request: nothing about a task, or "general wellbeing", its
#: reading of a wish for support that names no worry.
_VAGUE = _NOT_A_TASK | {"need_general_wellbeing"}


def _help_key(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").lower().replace("\u2019", "'")).strip()


def asks_for_help(text: str, read_as: Optional[str]) -> bool:
    """A request for help that names no worry yet, when the model read it as nothing more
    specific (a need it recognised is kept)."""
    key = _help_key(text)
    return read_as in _VAGUE and len(key) <= 120 and bool(_HELP_REQUEST.match(key))


def pleads_for_help(text: str) -> bool:
    """A request for help and nothing else, bare ("help me") or not ("I need some help"): as
    the answer to "are you safe right now?" it means not safe (bot/dialogue/guards.py)."""
    key = _help_key(text)
    return len(key) <= 120 and bool(_BARE_HELP.match(key) or _HELP_REQUEST.match(key))


#: The parse-data key the NLU sets on a message that opens with "yes" and goes on (leads_with_yes).
YES_LEADS = "yes_leads"
#: "kinda yeah. not today maybe but its all i think about", "Yes, she says she is. She's ...":
#: a yes, then more. Never "yeah no", "yes but no", "yes im safe", "yes i'm fine".
_YES_LEAD = re.compile(
    r"^\W*(?:(?:um+|erm+|well|honestly|tbh|ngl|i\s+mean)\W+)?"
    r"(?:(?:kinda|kind\s+of|sort\s+of|i\s+think|think|probably)\W+)?"
    # A parent passing on the child's answer: "He says yes. He told me ..." (development set 14).
    r"(?:(?:he|she|they)\s+(?:says|said|say)\s+)?"
    r"(?:yes|yeah|yea|yeh|yep|yup|yh|ye|ya|i\s+think\s+so)\b"
    r"(?![\s,!]*(?:no|nah|not|never|i'?m\s+(?:safe|fine|ok|okay|good|alright)|im\s+(?:safe|fine|ok|okay|good|alright)|"
    r"i\s+am\s+(?:safe|fine|ok|okay|good|alright)|(?:she|he|they)\s+(?:is|are|'?s|'?re)\s+(?:safe|fine|ok|okay|alright)|"
    r"safe|fine|ok|okay|thanks|thank\s+you|please)\b)")


#: ... nor a yes that goes on to reassure: a joke, a lyric, a figure of speech, only stress or
#: tiredness, fine or safe ("yes, she's safe, she's with her dad", "yeah sorry that was a joke
#: lol", "yes i'm just stressed about exams": independent review, 5 December, evening).
_REASSURED = re.compile(
    r"\b(?:jok\w*|kidding|lyrics?|song|figure\s+of\s+speech|didn'?t\s+mean|didnt\s+mean|"
    r"misunderstanding|just\s+(?:stressed|tired|meant|worried|asking|wondering|wanted)|"
    r"(?:i'?m|im|i\s+am|she'?s|shes|he'?s|hes|they'?re|theyre|she\s+is|he\s+is|they\s+are|"
    r"it'?s|its|all)\s+(?:\w+\s+)?(?:safe|fine|ok|okay|alright|grand|good|sorted)|"
    r"but\s+no\b(?!\s*(?:one|body))|no\s+i'?m\s+not|no\s+im\s+not)\b")
#: ... unless it says the yes is meant: "yeah this isnt a joke", "everyone thinks i'm fine but
#: i'm not", "yes but no one believes me" (independent review, 5 December, evening).
_MEANT = re.compile(r"\b(?:(?:not|isn'?t|isnt|aint|ain'?t|no)\s+(?:a\s+)?jok\w*|not\s+kidding|"
                    r"but\s+(?:i'?m|im|i\s+am|she'?s|shes|he'?s|hes|she\s+is|he\s+is)\s+not|"
                    r"no\s*one\s+believes|nobody\s+believes|(?:think|thinks|pretend\w*|act\w*|look\w*|seem\w*)"
                    r"\s+(?:like\s+)?(?:i'?m|im|i\s+am|she'?s|he'?s|she\s+is|he\s+is)\s+(?:fine|ok|okay|alright))")


def leads_with_yes(text: str) -> bool:
    """A message that opens with a yes and says more: as the answer to the check-in question
    ("are you thinking about ending your life or hurting yourself?") it means yes, whatever
    the model makes of the rest (bot/dialogue/guards.py). A plain yes is short_answer's."""
    key = _help_key(text)
    return (short_answer(text) is None and len(key) <= 400 and bool(_YES_LEAD.match(key))
            and (not _REASSURED.search(key) or bool(_MEANT.search(key))))


#: Someone to talk to, asked for in so many words: "can i talk to someone", "is there someone i
#: can talk to. like an actual person", "been feeling so low lately. is there anyone i can talk
#: to" (development sets 53 and 55). Never a service's way of working ("can i talk to someone
#: at camhs on the phone") nor talking to a known person ("can i talk to my mum about it").
_A_PERSON = (r"(?:someone|somebody|some1|anyone|anybody|any1|a\s+(?:real\s+|actual\s+)?(?:person|human)|"
             r"an\s+actual\s+(?:person|human)|a\s+real\s+one)")
_TALK = r"(?:talk|speak|chat)"
_ASKS_FOR_A_PERSON = re.compile(
    r"\b(?:can|could|may)\s+i\s+(?:please\s+)?" + _TALK + r"\s+(?:to|with)\s+" + _A_PERSON
    + r"|\b(?:is|are)\s+there\s+" + _A_PERSON + r"\s+(?:i\s+(?:can|could)\s+|to\s+)" + _TALK
    + r"|\b(?:i|and)\s+(?:just\s+|really\s+)?(?:want|need|wanna|would\s+like|'d\s+like|d\s+like)\s+(?:to\s+)?"
    + _TALK + r"\s+(?:to|with)\s+" + _A_PERSON
    + r"|\b(?:an\s+actual|a\s+real)\s+(?:person|human)\b")
#: ... unless it says where or with whom: "someone at school", "someone from camhs", "my mum".
_NAMED_PLACE = re.compile(r"\b" + _A_PERSON + r"\s+(?:at|from|in)\s+(?!all\b|the\s+moment\b|night\b)\w+")


def asks_for_a_person(text: str) -> bool:
    """A request for a person to talk to: the first reply then gives the lines that answer at
    once, any time (a young person who asked to talk should not have to wait for a list)."""
    key = _help_key(text)
    return len(key) <= 300 and bool(_ASKS_FOR_A_PERSON.search(key)) and not _NAMED_PLACE.search(key)
