"""The details component: a model-only check-in on a message that puts a detail right is an
answer; a risk word keeps the check-in."""
import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.details import DetailsExtractor


def _run(text, intent, evidence):
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.3},
                            "safety": {"evidence": evidence}})
    DetailsExtractor({}).process_one(message)
    return message.get(INTENT)["name"]


@pytest.mark.parametrize("text", [
    "wait thats my dads postcode, im at my mums mostly, SS9 9ZZ",
    "sorry should have said, im a teacher and its for a boy in my class, hes 13",
])
def test_a_model_only_check_in_on_a_correction_is_an_answer(text):
    assert _run(text, "risk_check_in", []) == "inform"


def test_a_correction_with_a_risk_word_keeps_its_check_in():
    evidence = [{"class": "crisis_suicidal", "tier": "ambiguous", "text": "over it"}]
    assert _run("sorry im 15 not 16 and im so over it", "risk_check_in", evidence) == "risk_check_in"


def test_an_age_put_right_that_the_model_took_for_off_topic_is_an_answer():
    # conversations28 (development), in other words: "Sorry, I can't help with that" before.
    assert _run("oh wait hes 12 now, birthday was last week lol", "out_of_scope", []) == "inform"
    assert _run("what's the weather like in margate", "out_of_scope", []) == "out_of_scope"


def test_a_check_in_on_a_message_that_corrects_nothing_is_kept():
    assert _run("got excluded again today, mum says i need to talk to someone",
                "risk_check_in", []) == "risk_check_in"



@pytest.mark.parametrize("text, intent", [
    # Found by the independent review: a detail and "sorry", "wait" or "i mean" beside words of
    # risk is no correction; the check-in or the rephrase request (with 999 and SHOUT) stays.
    ("sorry. leigh. i dont see the point anymore", "risk_check_in"),
    ("wait im 15 and i was assaulted at a party", "risk_check_in"),
    ("wait the young person is 16, has been missing from care since monday", "risk_check_in"),
    ("i mean im 15 and i dont see the point", "nlu_fallback"),
    ("sorry im 15 and no one cares if im gone", "nlu_fallback"),
])
def test_a_detail_beside_words_of_risk_is_no_correction(text, intent):
    assert _run(text, intent, []) == intent


def test_a_fallback_with_any_word_of_the_lexicon_is_no_correction():
    # Found by the independent review of this stop's changes: a support word ("rope") beside a
    # family word and "not" made the message an answer to the form.
    text = ("my son is really down and there's a rope in his room that wasn't there before, "
            "not sure what it's for")
    rope = [{"class": "crisis_suicidal", "tier": "support", "text": "rope"}]
    assert _run(text, "nlu_fallback", rope) == "nlu_fallback"
    assert _run("sorry he's 11 not 12", "nlu_fallback", []) == "inform"



def _urgent(text, confidence, evidence=(), source="unchanged"):
    message = Message(data={TEXT: text, INTENT: {"name": "crisis_danger", "confidence": confidence},
                            "safety": {"evidence": list(evidence), "source": source}})
    DetailsExtractor({}).process_one(message)
    return message.get(INTENT)["name"]


def test_an_unsure_urgent_reading_of_the_model_alone_on_a_correction_is_asked():
    """conversations32 (development; other words): the crisis reply to a correction of who the
    help is for, the model's danger 0.58 alone."""
    text = "sorry its for my niece not me, shes 12. she gets them before school"
    assert _urgent(text, 0.6) == "risk_check_in"
    assert _urgent(text, 0.95) == "crisis_danger"  # a sure reading keeps its reply
    assert _urgent(text, 0.6, [{"class": "crisis_danger", "tier": "support", "text": "x"}]) \
        == "crisis_danger"
    assert _urgent("sorry its for my niece, shes 12 and shes been hit", 0.6) == "crisis_danger"
    assert _urgent("my niece gets them before school", 0.6) == "crisis_danger"


@pytest.mark.parametrize("text", [
    # "not" saying how someone is puts nothing right: the model's reading stands.
    "im not ok at all, im 16 dover", "not coping tbh. im 15 margate",
])
def test_not_saying_how_someone_is_is_no_correction(text):
    assert _run(text, "risk_check_in", []) == "risk_check_in"
    assert _urgent(text, 0.6) == "crisis_danger"
