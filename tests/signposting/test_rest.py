"""What a message says after it opens as a reply or an answer (signposting/rest.py)."""
import pytest

from signposting.rest import told_after_a_reply


@pytest.mark.parametrize("text, rest", [
    # What follows an opening reply is read on its own too (bot/nlu/clauses.py): the review of
    # round 19 found these read whole as the opening alone (phrases written for this test).
    ("any other ones, it's all arranged for friday", "it's all arranged for friday"),
    ("can i self refer? i dont want to live", "i dont want to live"),
    ("thanks, ive sorted everything out for after", "ive sorted everything out for after"),
    ("should i tell the school? she posted a goodbye message on insta",
     "she posted a goodbye message on insta"),
    ("ok. do any of them do text? my arms are a mess again", "my arms are a mess again"),
])
def test_what_follows_an_opening_reply(text, rest):
    assert told_after_a_reply(text) == rest


@pytest.mark.parametrize("text", [
    "any others?",  # nothing follows
    "any other ones? we're on the waiting list for camhs already",  # about the list too
    "hi, i need help with my son",  # a greeting is no reply
    "my son is 14 and gets really anxious",  # no opening reply
    "can i self refer? ok",  # nothing more said
    "x" * 400,
])
def test_nothing_follows_an_opening_reply(text):
    assert told_after_a_reply(text) is None


def test_a_statement_is_no_opening_reply_though_the_list_reading_would_take_it():
    # "full" reads as a list that will not do; said of a tantrum, it opens nothing (development
    # set 15, in other words).
    assert told_after_a_reply("she had a full-blown meltdown at school, kicking and biting. she's 5") is None
    assert told_after_a_reply("none of those suit him, he has decided how") == "he has decided how"


@pytest.mark.parametrize("text, rest", [
    # Round 21 (development set 17, in other words): a plain answer to the bot's own question
    # opens a message too; a dash, an ellipsis or a turning word starts a clause; laughter
    # beside the opening is part of it; a long story after a reply is still read.
    ("2. my daughter has locked herself in the shed", "my daughter has locked herself in the shed"),
    ("nah. but my uncle keeps messaging me at night", "but my uncle keeps messaging me at night"),
    ("rochester. not that ill be around to go", "not that ill be around to go"),
    ("shes 13, she hasnt been home since friday", "she hasnt been home since friday"),
    ("ok cheers - he says hes waiting outside", "he says hes waiting outside"),
    ("thanks… i wont be needing them", "i wont be needing them"),
    ("lol ok thanks also my step dad hit me", "also my step dad hit me"),
    ("thank you. " + "we have tried everything at home and school. " * 20 + "she left a note",
     ("we have tried everything at home and school. " * 20 + "she left a note").strip()),
])
def test_what_follows_an_opening_answer(text, rest):
    assert told_after_a_reply(text) == rest


@pytest.mark.parametrize("text", [
    "20 tablets is that a lot",  # a count is no numbered choice
    "thanks anyway",  # nothing more said
    "is there also one in dover",  # no opening reply
    "thanks, " + "a" * 2000,  # too long to split
    # A place said more closely is the place (the fragment alone read as a crisis: dev14).
    "Dartford, by the bridge",
    "maidstone, near the station",
])
def test_no_opening_answer(text):
    assert told_after_a_reply(text) is None
