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
    # Every intent is in the model's ranking: an urgent one far below its check-in level is no
    # reading at all (conversations11: "this chem mock is literally killing me").
    ranking = _run("she took it hard when her nan died in the summer",
                   [("nlu_fallback", 0.5), ("need_bereavement", 0.43), ("need_low_mood", 0.1),
                    ("risk_check_in", 0.01), ("crisis_suicidal", 0.01)])
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



@pytest.mark.parametrize("text, ranking, need", [
    # Hyperbole and a parent's own strain beside a named need keep the need (conversations11, 9).
    ("this chem mock is literally killing me, cant sleep, keep crying over my flashcards",
     [("out_of_scope", 0.72), ("need_anxiety", 0.08), ("risk_check_in", 0.01)], "need_sleep"),
    ("and what about my own anxiety? honestly I'm not coping very well myself",
     [("nlu_fallback", 0.5), ("need_anxiety", 0.4), ("risk_check_in", 0.02)], "need_anxiety"),
    ("also kinda scared bc ive started making myself sick after tea. not every day",
     [("nlu_fallback", 0.5), ("need_eating_body_image", 0.3), ("risk_check_in", 0.05)],
     "need_eating_body_image"),
])
def test_everyday_strain_beside_a_named_need_keeps_the_need(text, ranking, need):
    assert _run(text, ranking)[0] == (need, 1.0)


def test_a_wish_for_others_with_a_worrys_word_beside_it_asks_for_other_options():
    """conversations22: "Is there something nearer to Swanley? ... he panics on the train" is a
    wish for other options, not the worry's list shown again; said alone, "she panics every
    morning" names the worry."""
    wish = _run("Is there something nearer to Swanley? We have no car and he panics on the train.",
                [("nlu_fallback", 0.5), ("need_anxiety", 0.3)])
    assert wish[0] == ("ask_more_services", 1.0)
    worry = _run("my daughter is 13 and she panics every morning before school",
                 [("nlu_fallback", 0.5), ("need_school_stress", 0.3)])
    assert worry[0] == ("need_anxiety", 1.0)


def test_hitting_said_not_to_happen_is_no_word_of_risk():
    """conversations40 (development; other words): a parent's "he's never hit anyone" beside
    "is there anything for anger?" kept the fallback; "he hits me" still does."""
    ranking = [("nlu_fallback", 0.5), ("need_anger_behaviour", 0.45), ("risk_check_in", 0.01)]
    assert _run("he slams doors and shouts all day but he's never hit anyone. anything for anger?",
                ranking)[0] == ("need_anger_behaviour", 1.0)
    assert _run("he slams doors and shouts all day and he hits me. anything for anger?",
                ranking)[0][0] == "nlu_fallback"
    # The independent review of round 26: "hasn't hit me yet" is a worry about what may come.
    assert _run("he hasn't hit me yet but he's getting angrier. anything for anger?",
                ranking)[0][0] == "nlu_fallback"
