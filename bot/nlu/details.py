"""Rasa NLU component: details given in passing become entities (signposting.details).

"my 14 year old son in Dartford" fills the form's age and place before it asks, and says a
parent is writing. Extraction is rule-based because these details have exact shapes (ages,
postcodes, a gazetteer of place names) that a statistical extractor would need thousands of
annotated examples to learn as reliably; the knowledge is in the plain ``signposting`` package.

The only component that says who is writing (the ``audience`` entity, and on an urgent message
the ``reporter`` entity: a friend or family member telling of another young person), from
signposting.audience. It runs after the safety component (config.yml; a test checks the order)
and takes the writer from its assessment when there is one: that assessment also knows a young
person telling of their own crisis.
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from safety.assess import URGENT_CLASSES
from safety.clauses import from_the_rest
from signposting.details import CHECK_IN_INTENT, corrects_details, extract, keyboard_mash
from signposting.peers import reporter_of

from .base import RuleComponent, add_entity, set_intent
from .safety import SAFETY_KEY

EXTRACTOR_NAME = "DetailsExtractor"
#: The model's urgent reading on a correction this sure keeps its crisis reply.
CORRECTION_SURE = 0.9


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class DetailsExtractor(RuleComponent, EntityExtractorMixin):
    def process_one(self, message: Message) -> None:
        text = message.get(TEXT)
        if not text or text.startswith("/"):  # button payloads carry their own entities
            return
        details = extract(text)
        writer = (message.get(SAFETY_KEY) or {}).get("audience") or details.audience
        found = {"age": None if details.age is None else str(details.age),
                 "place": details.place, "relation": details.relation, "audience": writer}
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        safety = message.get(SAFETY_KEY) or {}
        risk_words = [e for e in safety.get("evidence") or []
                      if str(e.get("text", "")).strip().lower() != "help"]
        # An age put right that the model took for something off topic ("oh wait im 16 now lol
        # birthday was tuesday": out of scope at 0.95, conversations28) is an answer too.
        if intent in ("nlu_fallback", "out_of_scope") and corrects_details(text) and not risk_words:
            # Not understood as anything else, but it gives or corrects a detail: an answer.
            # Not with a word of the lexicon, however weak (the independent review: "my son is
            # really down and there's a rope in his room ..., not sure what it's for"): that
            # keeps the rephrase request, with 999 and SHOUT.
            set_intent(message, "inform", 1.0)
        elif intent in URGENT_CLASSES and safety.get("source") == "unchanged" \
                and not safety.get("evidence") and corrects_details(text) and not from_the_rest(safety) \
                and float((message.get(INTENT) or {}).get("confidence") or 0.0) < CORRECTION_SURE:
            # The model's urgent reading alone, unsure, on a message that puts a detail right with
            # no word of risk or distress ("sorry its for my nephew not me, hes 13. hes been
            # getting them at school", danger 0.58 after retraining: conversations32): asked,
            # never the crisis reply, and never taken for a plain answer either.
            set_intent(message, CHECK_IN_INTENT, 1.0)
            add_entity(message, "risk_class", str(intent), EXTRACTOR_NAME)
        elif intent == CHECK_IN_INTENT and not safety.get("evidence") and corrects_details(text) \
                and not from_the_rest(safety):
            # A check-in the model alone guessed, on a message with no risk word that puts a
            # detail right ("wait thats my dads postcode, im at my mums mostly, SS9 9ZZ"): the
            # same rule as a plain answer to the bot's question (signposting.details).
            set_intent(message, "inform", 1.0)
        elif intent == "inform" and not any(found.values()) and keyboard_mash(text):
            # An "answer" with no detail in it that is keys mashed: not understood.
            set_intent(message, "nlu_fallback", 1.0)
        final = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if final in URGENT_CLASSES or final == CHECK_IN_INTENT:
            # Who tells of it: a friend or sister telling of another young person gets the
            # crisis reply worded for them (the reporter slot; signposting/peers.py). A message
            # that does not say keeps what an earlier urgent message said.
            found["reporter"] = reporter_of(text, final if final in URGENT_CLASSES else None,
                                            risk_words=any(e.get("tier") in ("strong", "ambiguous")
                                                           for e in risk_words))
        for name, value in found.items():
            if value is None:
                continue
            start = text.lower().find(value.lower()) if name == "place" else -1
            # An entity already there (a button's payload gives its own) is kept.
            add_entity(message, name, value, EXTRACTOR_NAME, start=max(start, 0),
                       end=start + len(value) if start >= 0 else -1, replace=False)

