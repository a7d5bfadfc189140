"""The short-answer component: a need named in plain words never stands in for the check-in an
urgent reading or a word of risk would give (independent review, 5 December)."""
import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.short_answers import ShortAnswerClassifier


def _run(text, ranking):
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message = Message(data={TEXT: text, INTENT: dict(intents[0]), INTENT_RANKING_KEY: intents})
    ShortAnswerClassifier({}).process_one(message)
    return [(item["name"], item["confidence"]) for item in message.get(INTENT_RANKING_KEY)]


def test_a_need_named_plainly_stands_in_for_the_fallback_when_no_risk_is_in_view():
    ranking = _run("she took it hard when her nan died in the summer",
                   [("nlu_fallback", 0.5), ("need_bereavement", 0.43), ("need_low_mood", 0.1)])
    assert ranking[0] == ("need_bereavement", 1.0)


@pytest.mark.parametrize("text, ranking", [
    # An urgent reading at or above its check-in level: the safety component asks.
    ("my nan died and all i want is to join her",
     [("nlu_fallback", 0.5), ("crisis_suicidal", 0.3), ("need_bereavement", 0.2)]),
    # A word of risk, whatever the model read.
    ("ive been making myself sick and theres blood, im scared",
     [("nlu_fallback", 0.5), ("need_eating_body_image", 0.4)]),
])
def test_a_named_need_never_replaces_what_the_safety_check_would_ask(text, ranking):
    assert _run(text, ranking)[0][0] == "nlu_fallback"

