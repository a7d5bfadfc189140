"""Rasa NLU component: exact yes/no answers and one-word commands ("stop", "more") from
signposting.answers, and the bot's own topic names typed back ("family", "autism or ADHD") from
signposting.needs, before the safety check; a message the model fell back on that names a need
plainly ("he won't sleep on his own") is about that need, and one that asks for other options
in other words ("any more? the first one has a waiting list") asks for more, and one that asks
for help without saying what with ("hello, I need some support for my daughter") is met as a
greeting is: with the invitation to say what is going on.

Runs after DIET and the fallback classifier and before the safety component, so an urgent
message is still raised above it.
"""
from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from safety.assess import CHECK_IN_INTENT, load_thresholds
from signposting.answers import (
    HELP_REQUEST,
    YES_LEADS,
    asks_for_help,
    asks_for_more,
    command,
    leads_with_yes,
    pleads_for_help,
    short_answer,
)
from signposting.needs import PREFIX, added_need, named_instead_of_fallback, topic_named

from .base import RuleComponent, set_intent

#: Words beside a named need that may be risk ("all i want is to join her", "theres blood in it",
#: "i fainted"); not the after-list words of distress ("not coping", "struggling"), which a parent
#: asking for their own anxiety says too (conversations9), nor being scared ("also kinda scared
#: bc ive started making myself sick", conversations17), nor hyperbole the lexicon reads ("this
#: mock is killing me", conversations11): a risk phrase of the lexicon is still raised above a
#: named need by the safety component.
_NAMED_RISK = re.compile(
    r"\b(?:want\w*\s+to\s+die|suicid\w*|end\s+it|end\s+my|not\s+(?:be\s+)?here|"
    r"join\s+(?:him|her|them)|be\s+with\s+(?:him|her|them)\s+again|should\s+have\s+been\s+me|"
    r"(?:no|the|any)\s+point|can'?t\s+go\s+on|cant\s+go\s+on|way\s+out|give\s+up|hurt\w*\s+(?:my|her|him)self|"
    r"cut\w*|blood\w*|faint\w*|collaps\w*|passed\s+out|starv\w*|deserve|overdose|pills|tablets|"
    r"unsafe|not\s+safe|(?<!never\s)(?:hit|hits|hitting)|touch\w*|secret)\b")


def _risk_in_view(message: Message, text: str) -> bool:
    """Words of risk, or an urgent reading of the model at or above its class's check-in level:
    then a need named in plain words must not stand in for the check-in the safety component
    would give ("my nan died and all i want is to join her"; independent review, 5 December)."""
    if _NAMED_RISK.search(text.lower().replace("\u2019", "'")):
        return True
    limits = load_thresholds()
    lowest = min(t.check_in for t in limits.values())
    for item in message.get("intent_ranking") or []:
        name, confidence = item.get(INTENT_NAME_KEY), item.get("confidence") or 0.0
        level = limits[name].check_in if name in limits else (
            lowest if name == CHECK_IN_INTENT else None)
        if level is not None and confidence >= level:
            return True
    return False


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class ShortAnswerClassifier(RuleComponent, IntentClassifier):
    def process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        read_as = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        topic = topic_named(text)
        named = None
        if topic is None and not _risk_in_view(message, text):
            topic = added_need(text, read_as)
            named = None if topic else named_instead_of_fallback(text, read_as)
        answer = short_answer(text) or command(text) or (PREFIX + topic if topic else None)
        if answer is None and asks_for_more(text, read_as):
            # A wish for others said with a worry's word beside it ("Is there something nearer
            # to Swanley? ... he panics on the train", conversations22) asks for other options.
            answer = "ask_more_services"
        elif answer is None and named:
            answer = PREFIX + named
        elif answer is None and asks_for_help(text, read_as):
            answer = "greet"
        if answer:
            set_intent(message, answer, 1.0, drop=("nlu_fallback",))
        if leads_with_yes(text):
            # Read by the policy's guard: after the check-in question it means yes.
            message.set(YES_LEADS, True, add_to_output=True)
        if pleads_for_help(text):
            # Read by the policy's guard: after "are you safe right now?" it means not safe.
            message.set(HELP_REQUEST, True, add_to_output=True)
