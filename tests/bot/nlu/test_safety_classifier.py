"""The safety component: what a check-in checks, so that a "yes" gets that class's reply."""
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.safety import SafetyClassifier


def _run(text, ranking):
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message = Message(data={TEXT: text, INTENT: dict(intents[0]), INTENT_RANKING_KEY: intents})
    SafetyClassifier(SafetyClassifier.get_default_config()).process_one(message)
    return message.get(INTENT)["name"], {e["entity"]: e["value"] for e in message.get(ENTITIES) or []}


def test_an_urgent_reading_of_the_model_alone_says_what_a_check_in_would_check():
    # After a list, the dialogue may ask about an unsure suicidal guess instead of answering it
    # (bot/dialogue/guards.py): a "yes" then gets the suicidal reply for who is writing.
    intent, entities = _run("Thanks, I'll ring the second one tomorrow morning.",
                            [("crisis_suicidal", 0.52), ("thanks", 0.2)])
    assert intent == "crisis_suicidal"
    assert entities.get("risk_class") == "crisis_suicidal"


def test_a_plain_need_sets_nothing_to_check():
    intent, entities = _run("i cant sleep at night", [("need_sleep", 0.9), ("need_anxiety", 0.05)])
    assert intent == "need_sleep" and "risk_class" not in entities
