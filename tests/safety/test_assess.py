"""The safety lexicon and its decisions, on messages written for these tests (the development
set in tests/data/ is for measuring, in bench/safety.py, not for unit tests)."""
import pytest

from safety.assess import CHECK_IN, CHECK_IN_INTENT, NONE, URGENT, assess, decide


@pytest.mark.parametrize("text, urgent_class", [
    ("i really want to kill myself tonight", "crisis_suicidal"),
    ("i wnat to die", "crisis_suicidal"),
    ("everybody would be better off without me", "crisis_suicidal"),
    ("i cant do this anymore", "crisis_suicidal"),
    ("sorted my things out and gave away my stuff, wont be around much longer", "crisis_suicidal"),
    ("i took 3 paracetamol to make the pain inside stop", "crisis_self_harm"),
    ("swallowed half a packet of my mums tablets", "crisis_self_harm"),
    ("just cut again and it wont stop bleeding", "crisis_self_harm"),
    ("my stepdad is hitting me right now", "crisis_danger"),
    ("there's a man outside my flat with a knife", "crisis_danger"),
    ("I'm being forced to have sex and I'm only 12 years old", "safeguarding_disclosure"),
    ("my uncle touches me when mum is at work", "safeguarding_disclosure"),
    ("older boys make me sell weed for them", "safeguarding_disclosure"),
    ("someone online says he'll post my nudes unless i pay him", "safeguarding_disclosure"),
])
def test_urgent(text, urgent_class):
    result = assess(text)
    assert (result.level, result.urgent_class) == (URGENT, urgent_class), result.as_dict()


@pytest.mark.parametrize("text", [
    "kms", "ugh kms lol", "this maths homework is killing me", "i could unalive myself lol",
])
def test_slang_and_hyperbole_get_a_check_in(text):
    assert assess(text).level == CHECK_IN


@pytest.mark.parametrize("text", [
    "my legs are killing me after netball",
    "i'm not suicidal, just really stressed about mocks",
    "i would never hurt myself",
    "i used to self harm when i was 13 but i'm doing much better now",
    "took 2 paracetamol for my period pain",
    "can i take ibuprofen with my sertraline",
    "in the film the main character kills himself and it was so sad",
    "overdosed on revision this week lol",
    "we had a pshe lesson about county lines today",
    "i cut myself shaving",
    "i'm dead tired",
    "dying to see the new film",
])
def test_not_urgent(text):
    assert assess(text).level == NONE, assess(text).as_dict()


def test_parent_and_professional_wording_is_recognised():
    assert assess("my son says he wants to kill himself").audience == "parent_carer"
    assert assess("one of my pupils told me her dad hits her").audience == "professional"
    assert assess("my friend took a load of pills").third_party


@pytest.mark.parametrize("text", ["", "   ", "🙂" * 50, "<script>alert(1)</script>", "x" * 10000,
                                  "\x00\x01 binary \uffff", "SELECT * FROM users; --"])
def test_bad_input_is_handled(text):
    assert assess(text).level in (URGENT, CHECK_IN, NONE)


def test_urgent_within_a_very_long_message():
    text = "blah " * 2000 + "i want to end my life" + " blah" * 500
    assert assess(text).level == URGENT


# -- combining with the model's ranking ---------------------------------------------------

def test_lexicon_raises_urgent_above_the_model():
    decision = decide(assess("i want to end my life"), [("need_low_mood", 0.95)])
    assert (decision.intent, decision.source) == ("crisis_suicidal", "lexicon")


def test_confident_model_paraphrase_stands_when_the_lexicon_saw_nothing():
    decision = decide(assess("something the lexicon does not know"), [("crisis_danger", 0.9)])
    assert (decision.intent, decision.changed) == ("crisis_danger", False)


def test_unsure_or_negated_urgent_guess_becomes_a_check_in():
    assert decide(assess("nothing known here"), [("crisis_suicidal", 0.4), ("greet", 0.3)]).intent == CHECK_IN_INTENT
    negated = decide(assess("i'm not suicidal"), [("crisis_suicidal", 0.9)])
    assert negated.intent == CHECK_IN_INTENT


def test_non_urgent_prediction_is_left_alone():
    decision = decide(assess("i feel anxious"), [("need_anxiety", 0.9), ("greet", 0.05)])
    assert (decision.intent, decision.changed) == ("need_anxiety", False)


def test_fallback_is_ignored_when_reading_the_ranking():
    decision = decide(assess("hmm"), [("nlu_fallback", 0.5), ("crisis_danger", 0.8)])
    assert decision.intent == "crisis_danger"


def test_explicit_negation_wins_over_a_sure_model():
    decision = decide(assess("i'm not suicidal, just stressed about exams"),
                      [("crisis_suicidal", 0.99), ("need_school_stress", 0.01)])
    assert decision.intent == "need_school_stress"


def test_history_gives_way_only_when_the_model_is_unsure():
    text = "i used to self harm when i was 13 but i'm doing much better now"
    assert decide(assess(text), [("crisis_self_harm", 0.7), ("need_self_harm", 0.3)]).intent == "need_self_harm"
    assert decide(assess(text), [("crisis_self_harm", 0.95), ("need_self_harm", 0.05)]).intent == CHECK_IN_INTENT
