"""Reading a reply to a list of services (signposting/after_list.py): other options, a question
about a service shown, a closing, or nothing this module should decide."""
from __future__ import annotations

import pytest

from signposting.after_list import (
    ABOUT_SHOWN,
    CLOSING,
    MORE,
    NEW_NEED,
    NEXT_STEPS,
    REFERRAL,
    WHO_IS_TOLD,
    asks_about_the_list,
    asks_for_the_carer,
    list_choice,
    read_after_list,
)


@pytest.mark.parametrize("text", [
    # asked in other words
    "got anything near Deal?", "anything for dads?", "is there a helpline i can ring at night",
    "do you have any drop in ones", "what about counselling in school, is there anything like that",
    "Could you show me further options, please?", "i need another one i can text not call",
    "is there anything that doesn't need a referral?", "is that it?", "next",
    # told as what is wrong with the list
    "none of those suit him", "nah none of them are right for me",
    "been on the waiting list for the first two for ages", "they all want a GP letter",
    "we can't pay for private", "these are all miles away", "im 24 so most of these wont take me",
    "tried the app, hated it, and the counselling one said im too old",
    "been there done that with all 3", "that's not really what i was after tbh",
    "honestly none of these r gonna work with my shifts", "cant do daytimes, i work",
    # a place beyond the list
    "4", "option 5 please",
])
def test_a_wish_for_other_options(text):
    assert read_after_list(text) == MORE


@pytest.mark.parametrize("text", [
    "does the first one cost anything", "how long is the wait for the 3rd one",
    "is number 1 open on saturdays",
    "What are the opening hours for the one in Colchester?", "is that app free",
    "Is there a referral form for number 3, or is it by phone only?", "2",
    # conversations17: what happens on going, asked of "they" or of the young person.
    "Would she have to be weighed?",
    "will they ring me back?", "would he have to talk in a group?", "do I need a referral?",
])
def test_a_question_about_a_service_shown(text):
    assert read_after_list(text) == ABOUT_SHOWN


@pytest.mark.parametrize("text", [
    "k thanks", "cool thanks x", "Thanks, I'll look into those this evening", "thx bye",
    "brilliant I'll ring them tomorrow", "No, that's everything, thank you",
    "No further options needed.", "not right now thanks", "maybe later", "lol ok",
    "that's really helpful", "this is so much easier than ringing round",
])
def test_a_closing(text):
    assert read_after_list(text) == CLOSING


@pytest.mark.parametrize("text", [
    # left to the model: needs, corrections, questions about the bot, a plain no
    "sometimes i hear stuff that isnt there",
    "sorry im actually 16 not 14", "i meant Rochester not Rochford", "you're a bot aren't you",
    "no", "nope", "hmm", "", "x" * 301,
    # answers to "was this helpful?" that are not a closing
    "not helpful at all", "no they weren't useful", "no, not great", "kind of helpful",
    "do you think im mad?", "will it get better?", "is she going to be ok?",
])
def test_what_this_module_leaves_to_the_model(text):
    assert read_after_list(text) is None


@pytest.mark.parametrize("text", [
    # A new worry told about someone: asked which topic it is, not answered with more of the
    # same list (conversations11 found these shown the next services for the first worry).
    "also i cant sleep at all, like up till 4 every night",
    "she's also started skipping meals and keeps saying she's too fat, do they help with that?",
    "since the funeral he has been lashing out at his brother, is there anything for that?",
    "tbh the real thing is i dont know anyone since i moved, its just me every evening",
    "on top of that she's been refusing to go to school lately",
    "Something else has come up, he has been getting bullied, anything for that?",
])
def test_a_new_worry(text):
    assert read_after_list(text) == NEW_NEED


@pytest.mark.parametrize("text, reading", [
    # ... but a message about the list with a person in it is still about the list.
    ("also are any of these free", MORE),
    ("he also says the first two are too far", MORE),
    ("she also cant travel that far", MORE),
    ("also I was wondering if any of these do evenings", MORE),
    ("none of those suit him, he also hates talking on the phone", MORE),
])
def test_a_person_named_in_a_reply_about_the_list(text, reading):
    assert read_after_list(text) == reading


def test_a_question_naming_a_service_shown_but_wanting_another_asks_for_more():
    assert read_after_list("is there another one like the first one but online?") == MORE


@pytest.mark.parametrize("text, number", [("4", 4), ("option 4 please", 4), ("no. 2", 2),
                                          ("#3", 3), ("14", None), ("4 years", None)])
def test_a_place_in_the_list_is_one_digit_alone(text, number):
    assert list_choice(text) == number


@pytest.mark.parametrize("text", [
    # Found by the review: risk or distress after a list keeps the reply it had without this
    # module (the rephrase request, which leads with 999 and SHOUT).
    "what about something for tonight, i can't keep myself safe", "i need a way out",
    "great, more waiting. i'll be dead before they see me", "something to make it all stop",
    "tried them all, nothing works, i give up", "already tried all of them and i'm still here unfortunately",
    "all of these are pointless", "i'll try them but if they don't work that's it for me",
    "cant talk to any of them, he checks my phone", "i'll check out for good", "cool. bye forever lol",
    "perfect. thanks for nothing", "great, just great. nobody can help me", "i'm fine. i'm always fine.",
    "does the second one help if your parents hit you", "what about me? i'm struggling too",
    "none of these are for adults, i'm the mum and i'm not coping", "is anyone there",
    "Thanks, I'll look into those tonight",
    "will they hurt me?", "do they know i cant go on", "would she have to know im cutting",
    # Found by the independent review of 5 December: a practical question that tells more.
    "would they still see me if i'm not here next week", "would i have to go back home after",
    "will they ring my house? he checks the phone", "would i have to say what he did",
    "can i go on my own because of what my uncle did", "will they weigh him? he collapsed today",
    "would she have to be weighed, shes not eaten for a week", "not sure i can go on the same way",
    "will he know it was me who told", "do i have to live like this",
    "would i have to see him again",
    "will they take me away from my mum if i tell", "will they know about my arms",
    # Who would be told, with more besides (whose reply is the rephrase request, or the model's).
    "do they tell ur parents? my dad hits me", "would they tell my mum, i took pills",
    "is it confidential, i want to die", "do they tell ur parents if ur cutting",
    "would they call the police on my dad", "will my parents find out about my arms",
    "would they ring the police on him", "will they tell my mum? im scared of what hell do tonight",
    # ... and anything said after the question (independent review of round 17).
    "do any of these have to contact my parents? because that would be really bad for me",
    "will they tell my mum about the nudes", "would they tell my carers if im going to meet him",
    "do they tell ur parents cos i dont want them to see my arms",
    "would they tell school? hes in my year and he forced me", "would they tell my dad? he'd batter me",
    "will my parents find out? im 14 and he's 19", "would they tell my parents if i took something",
    "would the school find out about the photos he's got of me",
    # Goodbyes said as thanks, a plan, a search for a way (second review of round 17).
    "thanks x i love you all", "thanks, i'll deal with it my own way", "thanks, if these dont work i'm out",
    "say sorry to my mum for me", "thank you, i'm ready now", "ty for being kind at the end",
    "thanks but it wont change my mind", "how do i refer myself? i've been planning how to do it",
    "any others? been googling how many it takes", "running out of reasons", "i've been looking up ways",
    "i don't see myself getting through the weekend", "ok but i've already done it",
    "before i do something i regret",
])
def test_risk_or_distress_is_never_read_as_a_reply_to_the_list(text):
    assert read_after_list(text) is None


@pytest.mark.parametrize("text, reading", [
    # conversations12: "is there one ...", "one that ..." ask for another service.
    ("Thank you. But I work until 6 each day, is there one what is open in the evening?", MORE),
    ("is there one i can just text", MORE),
    # "the one in ..." and "one that ..." name a service shown more often than they ask for
    # another ("thanks, I'll ring the one in Dartford tomorrow").
    # Services asked for a new worry are not services of the list.
    ("Thanks. She has also shared that she's questioning her gender and is very worried about "
     "how her family will react. Are there services that specialise in that?", NEW_NEED),
    ("also, are any of these free?", MORE),
    ("also is there any options for weekends", MORE),
    ("is the second one open on saturdays?", ABOUT_SHOWN),
])
def test_one_that_does_something_else_and_services_for_a_new_worry(text, reading):
    assert read_after_list(text) == reading


@pytest.mark.parametrize("text", [
    # A cost or a wait asked of the list, with a plea or a worry beside it (independent review,
    # 5 December, evening): never the reply about the services shown.
    "how long is the wait for these? i need help now",
    "how long is the wait? i'm not sure i can wait that long",
    "do i need to pay? i've got nothing", "does it cost anything, i cant tell my mum",
    "do i have to pay for any of these, i'd pay anything to stop hearing him",
    "how long is the waiting list? i cant wait any longer",
])
def test_a_cost_or_wait_question_with_more_besides_is_not_about_the_list(text):
    assert read_after_list(text) != ABOUT_SHOWN


@pytest.mark.parametrize("text", [
    "thanks. how long is the waiting for these?",
    "Thank you. Sorry if this is a silly question, but do we have to pay for any of these?",
])
def test_a_cost_or_wait_question_about_the_list(text):
    assert read_after_list(text) == ABOUT_SHOWN


@pytest.mark.parametrize("text", [
    # conversations36 (development; other words): a typical wait, the cost with why it matters,
    # whether someone may come along.
    "what are the usual waiting times for them?", "Do any of these cost anything? Money's really tight.",
    "do they cost anything, we're on a tight budget", "could she take her dad to the second one?",
])
def test_a_wait_a_cost_or_company_asked_of_the_list(text):
    assert read_after_list(text) == ABOUT_SHOWN


@pytest.mark.parametrize("text", [
    "what are the waiting times? i cant wait, i want to die",
    # The independent review of round 24: how long one can bear it.
    "what are the waiting times because i dont know how much longer i can do this",
    "how long is the wait? not sure how much longer he can cope",
    "do they cost anything? money is tight and hes hitting me",
    "can i go with my friend who was attacked",
])
def test_more_told_beside_a_wait_or_a_cost_is_not_only_about_the_list(text):
    assert read_after_list(text) != ABOUT_SHOWN


def test_a_place_to_go_in_person_is_about_the_list():
    # conversations16 (development); never with a word of risk ("tonight").
    assert asks_about_the_list("She don't like to speak on telephone. Is there some place she can go "
                               "with me, in person?")
    assert read_after_list("is there somewhere i can go tonight, i cant go home") is None


@pytest.mark.parametrize("text", [
    # Whether a service shown would tell someone (conversations17 and 22): asked before a young
    # person says more; answered with what is promised and an invitation to say more.
    "do they tell ur parents", "do they tell the police", "if i went to one of them would they ring my mum",
    "thanks. do they tell ur parents?", "Thanks, would they have to tell my mum at all?",
    "ok ty would they tell my mum",
    "will my school find out", "does my mum have to know", "can i go without telling my dad",
    "can i go without my parents knowing", "is it confidential", "will they tell his school?",
    # ... and whether someone would find out they wrote here or went (conversations36,
    # development; other words)
    "would my mum find out i texted this", "will school know if i contacted one of them",
    "would they ring my dad if i called them", "is this anonymous?", "are they anonymous though",
])
def test_whether_a_service_would_tell_someone(text):
    assert read_after_list(text) == WHO_IS_TOLD


@pytest.mark.parametrize("text", [
    # The independent reviews of round 25: a reason given after the question tells more, and
    # keeps the reply the message had.
    "do any of these have to contact my mum? shes the whole problem",
    "would they tell my mum? they'd send me to pakistan", "would they tell my dad? he'd batter me",
    "do they tell school? i was carrying for someone",
])
def test_whether_someone_is_told_then_a_reason_is_not_only_that_question(text):
    assert read_after_list(text) != WHO_IS_TOLD


@pytest.mark.parametrize("text", [
    # More said than the question: what was done, a threat, a fear (kept from this reading).
    "would they tell my mum if i took something", "would my dad find out i messaged this, he'd kill me",
    "would my school find out i cut", "will they tell my mum i used her pills",
    "would the police find out i ran away",
])
def test_more_than_whether_someone_is_told_is_not_that_question(text):
    assert read_after_list(text) != WHO_IS_TOLD


def test_courtesies_said_together_are_about_the_list():
    # conversations20 (development): "ok ty" before a question about referral.
    assert asks_about_the_list("ok ty. can i refer myself to them or does it have to go thru my gp")
    assert not asks_about_the_list("ok ty. i dont think i can wait, i want to die")


@pytest.mark.parametrize("text", [
    # How to get referred, asked after the list (conversations26, development; other words).
    "Can I refer her to number 2 myself or does school have to?",
    "could we refer him ourselves or must it go through the doctor?",
    "does she need a GP letter first", "do I need my parents permission to go?",
    "ok ty. can i refer myself to them or does it have to go thru my gp",
])
def test_how_to_get_a_referral(text):
    assert read_after_list(text) == REFERRAL


@pytest.mark.parametrize("text", [
    # What to do or say next, asked after the list (conversations26, development; other words).
    "should we let his school know first?", "how do I even bring it up with her?",
    "how do I approach his form tutor about it?", "ok. what do I say to the GP?",
    "Should I speak to her dad about it?",
])
def test_what_to_do_next(text):
    assert read_after_list(text) == NEXT_STEPS


@pytest.mark.parametrize("text", [
    # Not a question what to do: a wish for others, a risk, a statement.
    "is there anything that doesn't need a referral?",
    "what should i do if she tries to hurt herself again?",
    "should i just end it all",
    "i told the school already",
    "any others I can refer myself to?",
    "what do I do, she's stood by the window and won't come away",
    "what should I do now?",
])
def test_not_a_next_step_question(text):
    assert read_after_list(text) not in (REFERRAL, NEXT_STEPS)


@pytest.mark.parametrize("text", [
    # Who a service is for, or what kind of help it gives (conversations30, development; other
    # words): the whole message is about the list.
    "Thanks. Anything specifically for parents of under-8s? Mum would do a course.",
    "is there anything just for the under 5s",
    "what about something for me as his dad?",
    "ok. any for younger kids? a parenting course maybe",
    "Are there any workshops for carers?",
    # conversations34 (development; other words): carers asking for themselves, and why.
    "ok thanks. anything for us as foster carers? we're both shattered tbh",
    "Is there anything for me as mum too? I'm absolutely exhausted",
])
def test_who_a_service_is_for_is_about_the_list(text):
    assert asks_about_the_list(text)
    assert read_after_list(text) == MORE


@pytest.mark.parametrize("text", [
    "anything for under 8s? she keeps hitting herself",
    "any for parents? of course i feel like giving up",
    "a course? of course not, she wont leave her room",
    # The independent review of round 22: more told of someone after who a service is for.
    "anything for parents whose son is in a gang",
    "what about for me as her mum when he locks us in the house",
    "is there a course for carers because im scared of him",
    # Tiredness is said; more than tiredness is more besides.
    "anything for us as carers? we're worn down and i cant go on",
    "anything for me as his mum, im not coping",
    "any for parents? im exhausted from hiding his knives",
])
def test_who_a_service_is_for_with_more_besides_is_not_only_about_the_list(text):
    assert not asks_about_the_list(text)


@pytest.mark.parametrize("text", [
    # conversations34 (development; other words): a parent or carer asking for themselves.
    "is there anything for me as well? im really struggling with it all tbh",
    "What about support for us as his foster carers? We're exhausted.",
    "anything for me? it's just me and her and i'm finding it really hard",
    "Thanks. Is there something for parents themselves?",
    "anything for me? ive been crying in the bathroom most nights",
])
def test_a_carer_asking_for_support_for_themselves(text):
    assert asks_for_the_carer(text)


@pytest.mark.parametrize("text", [
    "anything for me? i cant go on like this",
    "is there anything for me, hes hitting me now",
    "anything for me as her mum when he locks us in",
    "anything for parents of under 8s",
    "im not coping",
    "is there anything for me? she keeps cutting herself",
    "anything for me? i cried because he hit me again",
    # The independent review of round 23.
    "anything for me? ive been crying since i found the messages from that man on her phone",
    "is there any help for us getting her away from those men",
    "anything for me? i burst into tears when the police brought her home at 3am",
    "is there any help for me getting him out of the house before he kills us",
])
def test_not_only_a_carer_asking_for_themselves(text):
    assert not asks_for_the_carer(text)


def test_a_plan_to_text_a_service_is_a_closing():
    # The independent review of round 25: "text" read as a wish for services that text.
    assert read_after_list("ok ill text that app later x") == CLOSING
    # ... never with a word of risk, nor a question whether a service texts.
    assert read_after_list("ill text them later if im still alive") != CLOSING
    assert read_after_list("which ones will text me back") != CLOSING
