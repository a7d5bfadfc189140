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


def test_a_check_in_on_a_message_that_corrects_nothing_is_kept():
    assert _run("got excluded again today, mum says i need to talk to someone",
                "risk_check_in", []) == "risk_check_in"


@pytest.mark.parametrize("text", [
    # conversations2, after a change to the training data: the model alone gave the full
    # danger reply (0.60-0.65) to these corrections.
    "wait thats my dads postcode, im at my mums mostly, SS9 9ZZ",
    "sorry shd have said, im a youth worker, its for one of the lads at our club, hes 17",
])
def test_a_model_only_crisis_on_a_short_correction_is_the_correction(text):
    assert _run(text, "crisis_danger", []) == "inform"


@pytest.mark.parametrize("text, intent, evidence", [
    # A risk phrase keeps the crisis reply, however much else looks like a correction.
    ("sorry, basildon. my partner is going mad and the kids are here",
     "crisis_danger", [{"class": "crisis_danger", "tier": "core", "text": "going mad"}]),
    # "not" alone is no correction; nor is a message with no age or place in it.
    ("Not what I need. 17yo learner just told me he's been holding drugs for a gang",
     "safeguarding_disclosure", []),
    ("sorry, my girlfriend is at the cliffs and says shes not coming back", "crisis_suicidal", []),
    # A long message that gives an age says more than a correction.
    ("sorry this is long, im 16 and i work saturdays at a cafe and college is fine and my dad has "
     "moved out and ive been saving my meds", "crisis_suicidal", []),
])
def test_a_crisis_that_is_more_than_a_correction_is_kept(text, intent, evidence):
    assert _run(text, intent, evidence) == intent
