"""The rest of a message that opens as a reply, read on its own (bot/nlu/clauses.py): added as
a second message, given to the whole when more urgent, and never passed on."""
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.clauses import REST_OF, ClauseReading, ClauseSplitter
from bot.nlu.safety import SAFETY_KEY


def _read(message, intent, confidence, safety=None):
    reading = {"name": intent, "confidence": confidence}
    message.set(INTENT, reading)
    message.set(INTENT_RANKING_KEY, [dict(reading)])
    message.set(SAFETY_KEY, safety or {"source": "unchanged", "evidence": [], "model": []})


def _split(text):
    return ClauseSplitter({}).process([Message(data={TEXT: text})])


def test_the_rest_is_added_as_a_message_of_its_own():
    messages = _split("any other ones, it's all arranged for friday")
    assert [m.get(TEXT) for m in messages] == ["any other ones, it's all arranged for friday",
                                               "it's all arranged for friday"]
    assert messages[1].get(REST_OF) == 0 and messages[0].get(REST_OF) is None


def test_the_rest_after_a_plain_answer_is_added_too():
    # Round 21 (development set 17, in other words): an answer to "who is the help for?" or
    # to a check-in, then what matters.
    messages = _split("3. a lad in my form has just cut his arm open in the toilets")
    assert [m.get(TEXT) for m in messages][1] == "a lad in my form has just cut his arm open in the toilets"
    assert _split("no. but my uncle says hell hurt me if i tell")[1].get(TEXT) == \
        "but my uncle says hell hurt me if i tell"


def test_a_message_with_no_opening_reply_is_left_alone():
    assert len(_split("my son is 14 and gets really anxious")) == 1
    assert len(_split("/affirm")) == 1


def _merged(whole_reading, rest_reading):
    whole, rest = _split("any other ones, i just want it all to be over")
    _read(whole, *whole_reading)
    _read(rest, *rest_reading)
    kept = ClauseReading({}).process([whole, rest])
    assert kept == [whole]  # the added message never reaches the tracker
    return whole


def test_a_sure_urgent_rest_gives_the_crisis_reading():
    whole = _merged(("ask_more_services", 1.0), ("crisis_suicidal", 0.95))
    assert whole.get(INTENT)["name"] == "crisis_suicidal"
    assert whole.get(SAFETY_KEY)["source"] == "rest:unchanged"
    assert whole.get(SAFETY_KEY)["rest"]["text"] == "i just want it all to be over"


def test_a_rest_read_by_the_lexicon_keeps_lexicon_in_its_source():
    # The language component counts an English urgent phrase only from the lexicon (the
    # independent review of round 20: a mostly Spanish message lost its urgent reply).
    whole, rest = _split("thanks, im going to end it all")
    _read(whole, "risk_check_in", 1.0, {"source": "lexicon", "evidence": [], "level": "check_in"})
    _read(rest, "crisis_suicidal", 1.0, {"source": "lexicon", "evidence": [], "level": "check_in"})
    ClauseReading({}).process([whole, rest])
    assert "lexicon" in whole.get(SAFETY_KEY)["source"]
    assert whole.get(SAFETY_KEY)["urgent_class"] == "crisis_suicidal"


def test_a_less_sure_urgent_rest_asks_the_check_in_for_its_class():
    whole = _merged(("ask_more_services", 1.0), ("crisis_danger", 0.7))
    assert whole.get(INTENT)["name"] == "risk_check_in"
    assert ("risk_class", "crisis_danger") in [(e["entity"], e["value"]) for e in whole.get(ENTITIES)]


def test_a_rest_below_its_crisis_level_or_a_check_in_changes_nothing():
    assert _merged(("ask_more_services", 1.0), ("crisis_danger", 0.4)).get(INTENT)["name"] == \
        "ask_more_services"
    assert _merged(("nlu_fallback", 0.5), ("risk_check_in", 0.35)).get(INTENT)["name"] == "nlu_fallback"


def test_an_urgent_whole_keeps_its_reading():
    whole = _merged(("crisis_self_harm", 1.0), ("crisis_suicidal", 0.99))
    assert whole.get(INTENT)["name"] == "crisis_self_harm"
    assert whole.get(SAFETY_KEY)["source"] == "unchanged"
