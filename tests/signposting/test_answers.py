import pytest

from signposting.answers import (
    AFFIRM,
    DENY,
    UNSURE,
    asks_for_help,
    asks_for_more,
    leads_with_yes,
    pleads_for_help,
    short_answer,
)


@pytest.mark.parametrize("text", ["yes", "Yeah!", "yep", "im safe", "I'm safe.", "ok", "👍", "yes please"])
def test_yes(text):
    assert short_answer(text) == AFFIRM


@pytest.mark.parametrize("text", ["no", "No.", "nah", "nope", "not really", "no im not", "👎"])
def test_no(text):
    assert short_answer(text) == DENY


@pytest.mark.parametrize("text", ["no one cares about me", "yes i want to die", "i feel anxious",
                                  "", "x" * 1000, "not safe at home"])
def test_longer_messages_are_left_to_the_model(text):
    assert short_answer(text) is None


@pytest.mark.parametrize("text", ["idk", "not sure", "maybe", "dunno", "kind of"])
def test_unsure(text):
    assert short_answer(text) == UNSURE


def test_stretched_words():
    assert short_answer("nooo") == DENY and short_answer("yesss") == AFFIRM


@pytest.mark.parametrize("text", ["rather not say", "I'd rather not", "prefer not to say", "skip",
                                  "dont want to say", "not telling"])
def test_declines(text):
    from signposting.answers import declines
    assert declines(text)


@pytest.mark.parametrize("text", ["15", "maidstone", "i passed my exams", "i'd rather die",
                                  "a private school in maidstone", "near the pass"])
def test_not_declines(text):
    from signposting.answers import declines
    assert not declines(text)


# -- command() ------------------------------------------------------------------------------

from signposting.answers import command  # noqa: E402


@pytest.mark.parametrize("text, intent", [
    ("stop", "stop"), ("STOP", "stop"), ("Stop!", "stop"), ("quit", "stop"), ("end", "stop"),
    ("unsubscribe", "stop"), ("leave me alone", "stop"), ("stopppp", "stop"),
    ("restart", "restart_conversation"), ("Start again", "restart_conversation"),
    ("start over.", "restart_conversation"), ("reset", "restart_conversation"),
    ("more", "ask_more_services"), ("More please", "ask_more_services"),
    ("next", "ask_more_services"),
    ("moreee", "ask_more_services"), ("any more?", "ask_more_services"),
    ("delete my data", "delete_my_data"), ("  Delete my data.  ", "delete_my_data"),
    ("forget me", "delete_my_data"), ("delete this chat", "delete_my_data"),
    ("delete my chat", "delete_my_data"), ("erase my data", "delete_my_data"),
    ("delete my conversation", "delete_my_data"),
])
def test_commands(text, intent):
    assert command(text) == intent


@pytest.mark.parametrize("text", [
    "", None, "hello", "yes", "i want to stop living", "end it all", "i want to end it",
    "stop being mean to me", "i want more help", "i need more support", "next week",
    "delete my account", "please delete the photos he took", "reset my password",
    "more" + " " * 40, "x" * 10_000, "😀",
])
def test_not_commands(text):
    # Anything but the exact short command goes to the model (and the safety checks).
    assert command(text) is None


@pytest.mark.parametrize("text", ["i want to start again", "Can we start over?", "lets start again"])
def test_asking_to_start_again_is_the_restart_command(text):
    assert command(text) == "restart_conversation"


@pytest.mark.parametrize("text", [
    "any more? the first one has a waiting list",
    "Thanks. Is there anything else? Particularly anything for me as a parent, like a course or a group?",
    "is there anything else",
    "what other options are there",
    "have you got any other services",
    "ok any others?",
])
def test_more_asked_for_in_other_words(text):
    assert asks_for_more(text, "nlu_fallback")


@pytest.mark.parametrize("text, read_as", [
    ("no thats everything thanks", "nlu_fallback"),
    ("i dont want anything else", "nlu_fallback"),
    ("there is nothing else i can do", "nlu_fallback"),
    ("my son has other problems too", "nlu_fallback"),
    ("I need more help with his anger", "nlu_fallback"),
    ("any more? i keep thinking about ending it", "crisis_suicidal"),  # the model's reading stands
    ("anything else for his anxiety", "need_anxiety"),
    ("is that it then, i give up", "nlu_fallback"),
    ("my daughter won't talk to me about anything that is bothering her", "nlu_fallback"),
])
def test_not_a_request_for_more(text, read_as):
    assert not asks_for_more(text, read_as)


@pytest.mark.parametrize("text, more", [
    # Development set 53: read as a wish for self-help ideas, it got a tip after the list.
    ("any others? ideally something i can do in the evening", True),
    ("thanks, any other options? something she can do online", True),
    # ... but more ideas, or what the writer can do, are self-help.
    ("any more ideas i can try at home?", False), ("anything else i can do to help him?", False),
    ("is there anything i can do myself", False),
    # The independent review: more ideas or things to do, in other words.
    ("any more breathing exercises?", False), ("anything else to try at home?", False),
    ("any more coping ideas", False),
])
def test_more_opening_a_wish_for_something_to_do(text, more):
    assert asks_for_more(text, "ask_self_help") is more


@pytest.mark.parametrize("text", [
    "need help", "i need help", "I need some help please x", "hello i need some support for my daughter",
    "Hi, I need some advice about my son.", "can you help me", "can you help me please",
    "im looking for support for a pupil", "we need help", "hi can someone help",
    "is there anyone who can help", "need help for my son", "Good morning, I'd like some advice",
])
def test_a_request_for_help_that_names_no_worry(text):
    assert asks_for_help(text, "nlu_fallback") and pleads_for_help(text)


@pytest.mark.parametrize("text, read_as", [
    ("i need help with my anxiety", "nlu_fallback"),           # a worry: the model's job
    ("i need help now hes got a knife", "nlu_fallback"),
    ("i need help quitting weed", "need_substance_use"),
    ("i need to die", "nlu_fallback"),
    ("help", "nlu_fallback"),                                  # bare: the fallback's 999 line
    ("help me", "nlu_fallback"),
    ("i need help", "crisis_suicidal"),                        # the model's reading stands
    ("i need help " + "really " * 40, "nlu_fallback"),
])
def test_not_a_plain_request_for_help(text, read_as):
    assert not asks_for_help(text, read_as)


@pytest.mark.parametrize("text", ["help", "help me", "HELP!!", "please help", "someone help me now",
                                  "pls help me", "i need help", "help me 😭", "help help help",
                                  "i need you to help me", "help me please i'm scared"])
def test_a_plea_for_help(text):
    assert pleads_for_help(text)


@pytest.mark.parametrize("text", ["help my son", "i need help with sleep", "he helped me", "yes",
                                  "can you help me find a counsellor in dartford", ""])
def test_not_only_a_plea_for_help(text):
    assert not pleads_for_help(text)


@pytest.mark.parametrize("text", [
    "none of those work for us, i work shifts. any alternatives?",
    "Is there anything that could see him sooner?",
    "Anything online instead? She won't go to appointments.",
    "Can you show me others please?",
    "anything closer? i only have the bus",
    "any that do evenings?",
    "Is that it?",
])
def test_more_asked_for_with_what_it_must_offer(text):
    assert asks_for_more(text, "nlu_fallback")


def test_a_long_run_of_kisses_is_read_at_once():
    import time
    start = time.perf_counter()
    assert not asks_for_help("i need help " + "x" * 40 + " a", "nlu_fallback")
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("text", ["why do u need that", "why?", "y do u wanna know", "what's that for",
                                  "do I have to say", "why do you need to know my age", "how come"])
def test_asking_why_the_bot_asks(text):
    from signposting.answers import asks_why

    assert asks_why(text)


@pytest.mark.parametrize("text", ["why does no one want me", "why cant i sleep", "margate", "14",
                                  "i don't know why", "why not", "why is my son like this",
                                  "why do u need that " + "x" * 60,
                                  # Distress at the question (independent review, 5 December).
                                  "do i have to live like this", "do i have to go back home",
                                  "why do you need to know, he said hed kill me",
                                  "what for, theres no point", "why would you want to know, im worthless",
                                  "why do you need my location, hes looking for me"])
def test_not_asking_why_the_bot_asks(text):
    from signposting.answers import asks_why

    assert not asks_why(text)


@pytest.mark.parametrize("text", [
    "kinda yeah. not today maybe but its all i think about",
    "Yes, she says she is. She's sitting next to me and says she's thought about it every day",
    "yeah but im not gonna do anything", "yh sometimes", "yes i have thought about it",
    # A parent passing on the child's answer (development set 14).
    "He says yes. He told me he's going to do it when we're all asleep",
    "she said yeah, she has thought about it",
])
def test_a_yes_that_goes_on_leads_with_yes(text):
    assert leads_with_yes(text)


@pytest.mark.parametrize("text", [
    "yes", "yeah", "yeah no im fine", "yeah, no im fine", "yes im safe", "yes she is safe thanks",
    "yeah thanks, anyway can i get help with sleep", "yesterday was bad", "yeah! im ok now", "no",
])
def test_a_no_a_plain_yes_or_a_yes_to_being_safe_does_not(text):
    assert not leads_with_yes(text)


@pytest.mark.parametrize("text", [
    # A yes that goes on to reassure (independent review, 5 December, evening).
    "yes, she's safe, she's with her dad", "yes they're fine, it was a misunderstanding",
    "yeah sorry that was a joke lol", "yes it was a song lyric", "yeah, i didn't mean it like that",
    "yes i'm just stressed about exams", "yeah im grand thanks", "yes i understand, but no im not",
    "he says yes he's fine", "she said yes, she's safe at her dad's",
])
def test_a_yes_that_reassures_does_not_lead_with_yes(text):
    assert not leads_with_yes(text)


@pytest.mark.parametrize("text", ["yeah this isnt a joke", "yes but no one believes me",
                                  "yeah. everyone thinks i'm fine but i'm not"])
def test_a_yes_that_says_it_is_meant_leads_with_yes(text):
    assert leads_with_yes(text)


@pytest.mark.parametrize("text, asks", [
    ("can i talk to someone", True),
    ("is there someone i can talk to. like an actual person", True),
    ("im struggling and want to talk to someone", True),
    ("is there anyone to talk to", True),
    ("can i talk to someone at camhs on the phone", False),
    ("can i talk to my mum about it", False),
    ("i talked to someone at school", False),
    ("someone told me to talk to you", False),
    ("do they have someone to talk to", False),
])
def test_asks_for_a_person(text, asks):
    from signposting.answers import asks_for_a_person
    assert asks_for_a_person(text) is asks
