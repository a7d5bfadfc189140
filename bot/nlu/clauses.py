"""Rasa NLU components: the rest of a message that opens as a reply, read on its own too.

"any other ones, it's all arranged for friday": the model reads the whole message, and the
opening it knows well (a wish for more services) outweighs the rest, which it reads as suicidal
on its own. ``ClauseSplitter``, first in the pipeline, adds the rest
(signposting.rest.told_after_a_reply) as a second message, so every component after it
(tokenizer, features, DIET, the fallback, the safety lexicon) reads it as it would any message;
``ClauseReading``, straight after the safety component, gives the whole message the rest's
reading when that is more urgent (safety.clauses.stronger) and takes the second message out,
so nothing after it, nor the tracker, ever sees it. The knowledge is in the plain packages; this
is glue.

The rest is marked with the index of the message it came from: each component returns the list
it was given, in order, with the added messages at its end.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from safety.assess import CHECK_IN_INTENT, load_thresholds
from safety.clauses import REST_SOURCE, stronger
from signposting.rest import told_after_a_reply

from .base import RuleComponent, add_entity, set_intent
from .safety import EXTRACTOR_NAME as SAFETY_EXTRACTOR
from .safety import SAFETY_KEY

#: On a message added by ClauseSplitter: the index of the message it is the rest of.
REST_OF = "rest_of"
#: On the whole message, in its parse: the rest and how it was read (for the logs and the
#: calibration bench), when the rest was read.
REST_KEY = "rest"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class ClauseSplitter(RuleComponent, IntentClassifier):
    """Adds the rest of each message that opens as a reply, to be read on its own."""

    def process(self, messages: List[Message]) -> List[Message]:
        added = []
        for index, message in enumerate(messages):
            text = message.get(TEXT)
            if not text or text.startswith("/") or message.get(REST_OF) is not None:
                continue
            rest = told_after_a_reply(text)
            if rest:
                added.append(Message(data={TEXT: rest, REST_OF: index}))
        return messages + added if added else messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class ClauseReading(RuleComponent, IntentClassifier):
    """Gives a message the urgent reading of its rest, and drops the added messages."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.levels = load_thresholds()

    def process(self, messages: List[Message]) -> List[Message]:
        wholes = [m for m in messages if m.get(REST_OF) is None]
        for rest in messages:
            index = rest.get(REST_OF)
            if index is not None and 0 <= index < len(messages):
                self._merge(messages[index], rest)
        return wholes

    def _merge(self, whole: Message, rest: Message) -> None:
        rest_intent = rest.get(INTENT) or {}
        reading = (rest_intent.get(INTENT_NAME_KEY), float(rest_intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0))
        whole_intent = whole.get(INTENT) or {}
        rest_safety: Dict[Text, Any] = rest.get(SAFETY_KEY) or {}
        chosen = stronger((whole_intent.get(INTENT_NAME_KEY),
                           float(whole_intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0)), reading,
                          self.levels, whole_level=str((whole.get(SAFETY_KEY) or {}).get("level")),
                          rest_level=str(rest_safety.get("level")))
        note = {"text": rest.get(TEXT), "intent": reading[0], "confidence": round(reading[1], 4),
                "source": rest_safety.get("source"), "model": rest_safety.get("model")}
        safety = dict(whole.get(SAFETY_KEY) or {})
        if chosen is None:
            safety[REST_KEY] = note
            whole.set(SAFETY_KEY, safety, add_to_output=True)
            return
        name, confidence = chosen
        set_intent(whole, str(name), confidence)
        if name == CHECK_IN_INTENT:
            # What the check-in checks: the class the rest was read as.
            add_entity(whole, "risk_class", str(reading[0]), SAFETY_EXTRACTOR)
        # The whole message's lexicon evidence stays (it read every word); what decided is the
        # rest's reading, so the guards that set aside the model's unsure guesses on replies to
        # a list (bot/dialogue/guards.py) see that the source is not the whole message's model.
        # "rest:" and the rest's own source: a reading the lexicon made stays one for the
        # language component (an English urgent phrase in a mostly Spanish message: the
        # independent review of round 20).
        safety.update({REST_KEY: note, "source": f"{REST_SOURCE}{rest_safety.get('source')}",
                       "intent": name, "urgent_class": safety.get("urgent_class") or reading[0]})
        whole.set(SAFETY_KEY, safety, add_to_output=True)
