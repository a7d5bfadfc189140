"""Plain names for needs, and further needs read from one message's intent ranking."""
import pytest

from services_catalog.taxonomy import load_taxonomy
from signposting.needs import (
    ALSO_MEANT,
    LABELS,
    named_instead_of_fallback,
    need_label,
    needs_named,
    other_needs,
    topic_named,
)


def test_every_need_in_the_taxonomy_has_a_plain_label():
    assert set(load_taxonomy().needs) <= set(LABELS)
    assert all(label and "_" not in label for label in LABELS.values())


@pytest.mark.parametrize("code, label", [("low_mood", "feeling low"), ("anxiety", "worry or panic"),
                                         ("psychosis", "hearing or seeing things"),
                                         ("made_up_need", "made up need")])
def test_need_label(code, label):
    assert need_label(code) == label


def test_a_second_need_at_the_threshold_is_also_meant():
    ranking = [("need_anxiety", 0.6), ("need_sleep", ALSO_MEANT), ("need_low_mood", 0.1499)]
    assert ALSO_MEANT == 0.15
    assert other_needs(ranking, "need_anxiety") == ["sleep"]


def test_the_top_need_is_not_repeated():
    assert other_needs([("need_anxiety", 0.9), ("need_sleep", 0.5)], "need_anxiety") == ["sleep"]
    assert other_needs([("need_anxiety", 0.9)], "need_anxiety") == []


def test_general_wellbeing_and_other_intents_are_not_needs_to_mention():
    ranking = [("need_anxiety", 0.4), ("need_general_wellbeing", 0.3), ("greet", 0.5),
               ("crisis_suicidal", 0.2), ("ask_self_help", 0.2)]
    assert other_needs(ranking, "need_anxiety") == []


def test_at_most_two_in_ranking_order():
    ranking = [("need_anxiety", 0.3), ("need_low_mood", 0.25), ("need_sleep", 0.2),
               ("need_bullying", 0.2)]
    assert other_needs(ranking, "need_anxiety") == ["low_mood", "sleep"]


def test_an_empty_ranking():
    assert other_needs([], "need_anxiety") == []


# -- the bot's own topic names, typed back ------------------------------------------------------

def _topics_response():
    from tests.support.domain import domain

    return domain().responses["utter_fallback_topics"]


def test_every_topic_the_bot_offers_is_read_back_as_its_need():
    """Each button of the topics list, by its title, and each name in the list's text, maps to
    the need of the button's payload, so "family" typed back is never "not understood"."""
    from signposting.needs import topic_named

    webchat = next(v for v in _topics_response() if v.get("channel") == "webchat")
    text = webchat["text"].lower()
    for button in webchat["buttons"]:
        need = button["payload"].removeprefix("/need_")
        assert topic_named(button["title"]) == need, button
        assert topic_named(button["title"].upper() + " please") == need
    for name in ("worry or panic", "low mood", "self-harm", "eating or body image", "grief",
                 "bullying", "family", "school stress", "sleep", "anger", "autism or adhd",
                 "drugs or alcohol", "identity", "something traumatic", "loneliness",
                 "hearing or seeing things"):
        assert name in text, name
        assert topic_named(name), name


@pytest.mark.parametrize("text", ["my family keeps arguing", "", None, "x" * 100, "familyy",
                                  "i love my family", "🙂"])
def test_only_a_topic_name_on_its_own_is_read_exactly(text):
    from signposting.needs import topic_named

    assert topic_named(text) is None


def test_a_second_need_named_in_the_same_message_is_offered_after_the_list():
    from signposting.needs import other_needs

    assert other_needs([], "need_bullying", "he's being bullied and now he can't sleep") == \
        ["sleep"]
    assert other_needs([("need_sleep", 0.3)], "need_bullying", "he is bullied") == ["sleep"]
    assert other_needs([], "need_anxiety", "I feel anxious all the time") == []


@pytest.mark.parametrize("text, read_as, need", [
    ("the stress means I can't sleep either - is there anything for that?",
     "need_school_stress", "sleep"),
    ("i also feel really anxious", "need_sleep", "anxiety"),
    ("he's bullied and he can't sleep either", "need_bullying", None),
    ("i can't sleep either", "need_sleep", None),
    ("i want to die too", "crisis_suicidal", None),
    ("i can't sleep", "need_school_stress", None)])
def test_a_worry_added_to_the_first_is_read_as_the_new_need(text, read_as, need):
    from signposting.needs import added_need

    assert added_need(text, read_as) == need


@pytest.mark.parametrize("text, code", [
    ("school stuff", "school_stress"), ("the eating thing", "eating_body_image"),
    ("its mainly family", "family_relationships"), ("general stuff", "general_wellbeing"),
    ("sleep issues", "sleep"),
])
def test_a_topic_name_with_filler_words_around_it_is_that_topic(text, code):
    assert topic_named(text) == code


@pytest.mark.parametrize("text", ["stuff", "the", "school trip", "my mum", "things"])
def test_filler_alone_or_another_word_is_no_topic(text):
    assert topic_named(text) is None


@pytest.mark.parametrize("text, read_as, expected", [
    ("since the fire my son is terrified and he won't sleep on his own", "nlu_fallback", "sleep"),
    ("the kids at her new place bully her every day", "nlu_fallback", "bullying"),
    ("she has stopped going to school since christmas", "nlu_fallback", "school_stress"),
    ("wont sleep", "nlu_fallback", None),                       # too short: an answer or a word
    ("my son won't sleep at night", "need_anxiety", None),       # the model read it: kept
    ("we moved house last month and it's been a lot", "nlu_fallback", None),  # nothing named
    # Out of scope for its hyperbole, but a worry named plainly (conversations24).
    ("literally dying of embarrassment and i cant stop overthinking it, who helps w that",
     "out_of_scope", "anxiety"),
    ("my daughter is 13 and she panics every morning before school", "nlu_fallback", "anxiety"),
])
def test_a_fallback_that_names_a_need_plainly_is_that_need(text, read_as, expected):
    assert named_instead_of_fallback(text, read_as) == expected


@pytest.mark.parametrize("text", ["just want some tips to cope better", "any ideas to help me cope",
                                  "how do i look after my mental health"])
def test_asking_how_to_cope_is_general_wellbeing_when_the_model_falls_back(text):
    assert named_instead_of_fallback(text, "nlu_fallback") == "general_wellbeing"


def test_a_named_worry_comes_before_coping():
    assert named_instead_of_fallback("how do i cope with my anxiety", "nlu_fallback") == "anxiety"


def test_a_need_named_in_a_message_read_as_out_of_scope_is_that_need():
    """ "this homework is killing me" is school stress, not "Sorry, I can't help with that"."""
    assert named_instead_of_fallback("this homework is killing me", "out_of_scope") == "school_stress"
    assert named_instead_of_fallback("can you tell me a joke", "out_of_scope") is None


@pytest.mark.parametrize("text, need", [
    # Round 7 (conversations6, development): how young people and parents name school work and
    # low mood when the model falls back or reads the message as out of scope.
    ("this place is killing me, 5 tests this week and loads of hw", "school_stress"),
    ("my mocks start monday and i cant stop crying", "school_stress"),
    ("my daughter has been really withdrawn and I wondered what there is for her", "low_mood"),
    ("he's been a bit down lately and barely talks to us", "low_mood"),
])
def test_round_seven_needs_named_on_fallback(text, need):
    assert named_instead_of_fallback(text, "out_of_scope") == need


@pytest.mark.parametrize("text, read_as, need", [
    # Round 15 (conversations16, development): a second worry said as what happened, after the
    # list ("as well", "also"), which the model read as another need or could not read.
    ("Thank you. She took it hard when her nan died in August as well.", "nlu_fallback",
     "bereavement"),
    ("cheers. also he told me last wk he thinks hes bi n is scared his dad will kick off",
     "need_psychosis", "identity"),
    ("we lost our dog in the summer too", "need_anxiety", "bereavement"),
    # conversations42 (development): "might be bi", after the list.
    ("She also told me last night she thinks she might be bi and she's scared of how her dad will take "
     "it. Is there anything for that too?", "nlu_fallback", "identity"),
    ("also the sessions will be bi-weekly too", "nlu_fallback", None),
    # Not a death, not a person: no second need.
    ("my phone died too", "nlu_fallback", None),
    ("i nearly died laughing as well", "nlu_fallback", None),
    ("bye for now, thanks also", "nlu_fallback", None),
])
def test_round_fifteen_second_worries_named_plainly(text, read_as, need):
    from signposting.needs import added_need

    assert added_need(text, read_as) == need


@pytest.mark.parametrize("text, need", [
    # Round 15 (conversations17, development): the signs of an eating worry and trouble with
    # friends as people tell them, when the model could not read the message.
    ("she's started skipping lunch and asks if her legs look big", "eating_body_image"),
    ("ive been making myself sick after dinner", "eating_body_image"),
    ("he counts calories in everything now", "eating_body_image"),
    ("my friends are being really weird with me", "family_relationships"),
    ("she fell out with her friendship group last week", "family_relationships"),
])
def test_round_fifteen_needs_named_on_fallback(text, need):
    assert named_instead_of_fallback(text, "nlu_fallback") == need


@pytest.mark.parametrize("text", [
    "they keep calling me names about my weight",   # bullying, which the model reads
    "i feel sick every morning before school",
    "my friend is being weird about the party",
])
def test_round_fifteen_leaves_these_unnamed(text):
    assert named_instead_of_fallback(text, "nlu_fallback") is None


@pytest.mark.parametrize("text, named", [
    # conversations11 (development): loneliness said as not knowing anyone.
    ("tbh its mostly cos i dont know anyone since i moved here, its just me in the flat every night",
     ["loneliness"]),
    ("we moved and she doesnt know anyone at her new school", ["loneliness"]),
    ("i have no one to talk to", ["loneliness"]),
    ("i dont know anyone who can help", []),
])
def test_loneliness_said_plainly(text, named):
    assert needs_named(text) == named


@pytest.mark.parametrize("text, named", [
    # conversations2 (development): a school report and failing, said plainly.
    ("my mum is literally gonna kill me when she sees my report, failed like everything this term",
     ["school_stress"]),
    ("the police report said he was fine", []),
    ("i failed my driving test", []),
])
def test_school_worries_said_plainly(text, named):
    assert needs_named(text) == named


@pytest.mark.parametrize("text", [
    # conversations6 and 12 (development): aggression and lashing out, said plainly.
    "he's become really aggressive with his little brother",
    "when she's wound up she lashes out at her little brother",
])
def test_aggression_said_plainly(text):
    assert needs_named(text) == ["anger_behaviour"]


@pytest.mark.parametrize("text", [
    # Round 19 (conversations26, development), in other words: a parent who is the worry.
    "can i speak to someone about my dad, hes so controlling",
    "my mum is always in my business and i hate it",
])
def test_a_parent_named_as_the_worry_is_family(text):
    assert needs_named(text)[:1] == ["family_relationships"]


@pytest.mark.parametrize("text, need", [
    # Round 26 (conversations40, development; other words): "a nightmare" said of a child is
    # not sleep; the worry named after it is the need.
    ("my 13 year old has become an absolute nightmare, screaming at us all, is there help with anger",
     "anger_behaviour"),
    ("the school run is a nightmare, she just wont go in most days", "school_stress"),
    ("she has nightmares about the crash most nights", "sleep"),
    ("i keep having a nightmare about what happened to me", "sleep"),
])
def test_round_twenty_six_a_nightmare_is_not_sleep(text, need):
    assert named_instead_of_fallback(text, "nlu_fallback") == need


@pytest.mark.parametrize("text, need", [
    # Round 26 (development set 20; other words): worries named plainly when the model falls back.
    ("i care for my dad since his stroke and i never see my mates", "family_relationships"),
    ("he just doesn't talk to us anymore, stays in his room", "family_relationships"),
    ("their mum went to prison last month and they're all over the place", "family_relationships"),
    ("honestly just family problems", "family_relationships"),
    ("my 4 year old has terrible tantrums at bedtime", "anger_behaviour"),
    ("year 1 boy keeps biting other children at playtime", "anger_behaviour"),
    ("my son says no one will play with him at breaktime", "loneliness"),
    ("she hears voices that aren't there sometimes, she is calm about it", "psychosis"),
    ("he's adopted and struggling a lot with where he comes from", "identity"),
    ("how can i get my self-esteem back", "general_wellbeing"),
])
def test_round_twenty_six_needs_named_on_fallback(text, need):
    assert named_instead_of_fallback(text, "nlu_fallback") == need


@pytest.mark.parametrize("text", ["im in prison of my own mind lol", "i left my bag out in the rain",
                                  # The independent review of round 26.
                                  "we visited an old prison on the history trip, it was so creepy",
                                  "i look after my sisters kids on saturdays and im knackered"])
def test_round_twenty_six_leaves_these_unnamed(text):
    assert named_instead_of_fallback(text, "nlu_fallback") is None
