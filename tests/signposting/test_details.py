"""Details given in passing: an age, a place, who the young person is to the writer.

A detail is only taken when the wording makes it plain; free text is full of false friends.
"""
import pytest

from services_catalog.locality import FOUND, resolve
from signposting.audience import about_someone_else, find_relation, writes_as_young_person
from signposting.details import Details, extract, find_age, find_place


@pytest.mark.parametrize("text, details", [
    ("my 14 year old son in Dartford is being bullied",
     Details(age=14, place="Dartford", relation="son", audience="parent_carer")),
    ("one of my year 9s is self harming",
     Details(age=13, place=None, relation="pupil", audience="professional")),
    ("I'm a SENCo", Details(relation="pupil", audience="professional")),
    ("I’m a SENCo at a school in Maidstone",
     Details(place="Maidstone", relation="pupil", audience="professional")),
    ("im 15 and from chelmsford",
     Details(age=15, place="chelmsford", relation="self", audience="young_person")),
    ("I'm 18 years old and live near Gravesend",
     Details(age=18, place="Gravesend", relation="self", audience="young_person")),
    ("my daughter lives in canvey", Details(place="canvey", relation="daughter",
                                            audience="parent_carer")),
    ("my friend is 17", Details(age=17, relation="friend", audience="young_person")),
    ("my son is 15", Details(age=15, relation="son", audience="parent_carer")),
    ("I am 16", Details(age=16, relation="self", audience="young_person")),
    ("i'm only 13", Details(age=13, relation="self", audience="young_person")),
    ("I'm a teacher", Details(relation="pupil", audience="professional")),
    ("as a youth worker i'm worried", Details(relation="pupil", audience="professional")),
    ("my kid is in yr 5", Details(age=9, relation="kid", audience="parent_carer")),
    ("a pupil in year 8", Details(age=12, relation="pupil", audience="professional")),
    ("my stepdaughter lives in Southend", Details(place="Southend", relation="stepdaughter",
                                                  audience="parent_carer")),
    ("i feel anxious", Details()),
    ("", Details()),
])
def test_extract(text, details):
    assert extract(text) == details


def test_none_is_nothing():
    assert extract(None) == Details()


@pytest.mark.parametrize("text", [
    "i can't deal with it",
    "I can\u2019t deal with it anymore",
    "Deal with it",
    "b4 school i feel sick",
    "gr8 day y9",
    "i am 5 mins away",
    "im 15 mins late",
    "i'm 15%",
    "I'm 10 times worse",
    "i am 2 weeks late",
    "im 3 days clean",
    "i'm in a bad place",
    "I live in hope",
    "I come from a big family",
    "in my head",
    "we are 3 miles from the school",
    "im 1st in line",
])
def test_false_friends_are_not_details(text):
    details = extract(text)
    assert (details.age, details.place) == (None, None)


@pytest.mark.parametrize("text", [
    "im one of those people who cant sleep",
    "im 2 scared to tell anyone",   # text speak: "2" is "too"
    "im 24/7 anxious",
    "I am 100 percent done",
    "she's 5 foot 2",
    # a time since, with a hedge (conversations28, development: read as a child of 2).
    "I've not touched a drink in nearly two years now",
    "took 12 if that matters",  # a count, not a clause of its own
    # An adult's own age, or a score (the independent review of round 27).
    "im 35 if that matters, its about my nephew", "mood is about 4 if that helps",
])
def test_numbers_that_are_not_ages_are_not_taken_as_ages(text):
    # Each would fill the age slot: 1, 2 or 5 also switches the form to parent and carer
    # services with the "child under 5" note; 100 gets the over-25 note.
    assert extract(text).age is None


@pytest.mark.parametrize("text, age", [
    ("my 14 year old", 14), ("she's 12 yrs old", 12), ("he is twelve", 12), ("aged 16", 16),
    ("my son is nearly 16", 15), ("I'm in year 10", 14), ("in sixth form", 16),
    ("our 6 year old", 6), ("my 15-year-old", 15), ("twenty one years old", 21),
    ("my little girl is in reception and cries at drop off", 4), ("he's nearly 16. help", 15),
    # An age said as it may help (conversations42).
    ("lost it at my manager last wk. 22 if that matters. broadstairs", 22), ("im 22 if that matters", 22),
    ("22 if thats relevant", 22), ("17 if u need to know", 17), ("19 in case it matters", 19),
    # The second review of round 27: "btw", "fyi", "if thats ok", and said of the young person.
    ("im 15 btw", 15), ("im 17 fyi live in basildon", 17), ("im 13 if thats ok", 13),
    ("im 14 if ur wondering", 14), ("hes 12 btw", 12), ("he's 14 if that matters", 14),
])
def test_ages(text, age):
    assert find_age(text.lower()) == age


@pytest.mark.parametrize("text, age", [
    ("I've got two - 11 and 14 - and it's the older one I'm worried about", 14),
    ("my kids are 9 and 12, the eldest is struggling", 12),
    ("we have 2 boys 7 and 10, the little one is anxious", 7),
    ("my girls are 8 & 15 and my youngest won't sleep", 8),
])
def test_the_one_of_two_children_the_writer_picks(text, age):
    """Two ages and "the older one": the worry is about that child (conversations16)."""
    assert find_age(text) == age


@pytest.mark.parametrize("text", [
    "I've got two - 11 and 14",                      # which one is not said: ask
    "my two are 6 and 9, the older and the younger fight all day",
    # Not the writer's own two: marks in mocks (independent review, 5 December).
    "i got 8 and 9 in my mocks but my older brother says im thick",
    "she sleeps between 9 and 12 hours, the older she gets the worse",
])
def test_two_ages_without_a_choice_are_not_guessed(text):
    assert find_age(text) is None


@pytest.mark.parametrize("text, age", [
    ("my son is 15 and has two younger sisters aged 6 and 8", 15),
    ("my children are 5 and 8 and my eldest stepson is 17 and self-harming", 17),
    ("im 15, my younger brothers are 10 and 12", 15),
    ("she's 13 and gets on with her older cousins who are 18 and 20", 13),
])
def test_an_age_said_for_the_young_person_beats_a_pair(text, age):
    assert find_age(text) == age


@pytest.mark.parametrize("text", ["i'm 300", "she is 150 years old"])
def test_impossible_ages_are_left_out(text):
    assert extract(text).age is None


@pytest.mark.parametrize("text, place", [
    ("my postcode is ME7 1AA", "ME7 1AA"),
    ("we live at me14 1xx", "ME14 1XX"),
    ("Im in ME14", "ME14"),
    ("my postcode is SW1A 1AA", "SW1A 1AA"),   # a full postcode anywhere: outside, but a place
    ("I live in Deal", "Deal"),
    ("i live in tunbridge wells", "tunbridge wells"),
    ("from sheppey", "sheppey"),
    ("we live near rochester", "rochester"),
    ("I am in Kent", "Kent"),
    # A town elsewhere, written as a name: national services, and the bot says why.
    ("I live in Manchester", "Manchester"),
    ("my son in Leeds is being bullied", "Leeds"),
    # ... or said as where the family lives, in lower case (conversations20: "we are in
    # hastings" at the end of an opening was asked for again).
    ("i live in manchester", "manchester"),
    ("hi my son is 13, he still has nightmares. we are in hastings", "hastings"),
    ("we're in leeds now", "leeds"),
    ("we live in Leigh on Sea", "Leigh on Sea"),
    ("she lives in westcliff", "westcliff"),
    # Where a pupil is at school (conversations16): a place name after "at" that is no word.
    ("She is 11. Year 7 at Meopham.", "Meopham"),
    # Said loosely (conversations24): "round lakeside way", "down grays way", "im round chatham".
    ("any1 know where i can get help w panic attacks round lakeside way", "lakeside way"),
    ("we're down grays way", "grays way"),
    ("im round chatham", "chatham"),
    # A postcode of two districts with the place named (conversations24).
    ("ME3 9ZZ, hoo", "ME3 9ZZ, Hoo"),
    ("we're at ME3 9ZZ, hoo, she is 15", "ME3 9ZZ, Hoo"),
    # ... named elsewhere in the message (conversations42).
    ("Is this bullying? We're Hoo way, ME3.", "ME3, Hoo"),
    # Where the writer is, said as home, ending its clause (conversations42: "im in croydon").
    ("is there anyone i can talk to? im in croydon", "croydon"),
    ("i'm in brighton.", "brighton"),
])
def test_places(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize("text", ["b4", "i live in maidstome and", "in a state", "<b>hello</b>",
                                  # Elsewhere, in passing, not as a name.
                                  "my son in manchester is struggling",
                                  "we were in hastings on holiday", "i live in hope", "we are in bits",
                                  "it started in March", "I'm in Reading group at school",
                                  "she is at home at night", "at least at times he is ok",
                                  "he's worse at Easter", "she's good at Sandwich making",
                                  # Outings, not home (independent review, 5 December).
                                  "she had a meltdown at Wembley at the concert",
                                  "we were shopping at Lakeside when she had a panic attack",
                                  # "round" and "down" in their everyday senses.
                                  "my head goes round and round", "going round in circles",
                                  "feeling down lately", "he comes round my house",
                                  # "I'm in" a state or on a visit (conversations42's rule).
                                  "im in bed", "im in trouble", "im in london for the day",
                                  "im in croydon visiting my nan", "im in love with croydon"])
def test_no_place(text):
    assert find_place(text) is None


@pytest.mark.parametrize("text, area, district", [
    ("Halstead in Essex, near Braintree", "essex", "Braintree"),   # not "Essex" after "in"
    ("Leigh, Southend", "southend", "Southend-on-Sea"),
    ("i'm in westcliff", "southend", "Southend-on-Sea"),
    ("he's in Gillingham with his dad in the week and Rainham with me", "medway", "Medway"),
    ("my daughter lives in canvey", "essex", "Castle Point"),
    ("my 14 year old son in Dartford is being bullied", "kent", "Dartford"),
    ("my postcode is ME7 1AA", "medway", "Medway"),
])
def test_a_found_place_resolves_to_the_right_area(text, area, district):
    place = resolve(extract(text).place)
    assert (place.status, place.area, place.district) == (FOUND, area, district)


@pytest.mark.parametrize("text, relation", [
    ("my son", "son"), ("our foster child", "foster child"), ("one of my students", "student"),
    ("my best friend", "friend"), ("my year 10s", "pupil"), ("I'm the school nurse", "pupil"),
    ("i'm 15", "self"), ("hello", None),
])
def test_relations(text, relation):
    assert find_relation(text.lower()) == relation


def test_a_role_makes_the_writer_a_professional():
    details = extract("I'm a teacher and a girl in my class is 14")
    assert (details.audience, details.relation) == ("professional", "pupil")


@pytest.mark.parametrize("text", ["x" * 10_000, "in " * 5_000, "ME14 " * 2_000,
                                  "<script>alert('hi')</script>", "😀" * 3_000,
                                  "my " * 3_000 + "son"])
def test_long_or_strange_text_never_raises(text):
    assert isinstance(extract(text), Details)


@pytest.mark.parametrize("texts", [
    ["i can't sleep"], ["I\u2019m so stressed about my exams"], ["hi", "I feel low", "15"],
    ["my mum shouts at me all the time"], ["im 15"],
    ["my friend is self harming"],  # a young person worried about a friend: services for them
    ["she keeps bullying me at school"], ["they all laugh at me"],
    # Texting drops the "I" after a filler (conversations42; the second review of round 27).
    ["hey", "idk just feel crap all the time"], ["ngl been feeling really low"],
    ["hey dont want to be here anymore"], ["hiya been self harming again"], ["honestly cant do this anymore"],
])
def test_writing_about_yourself_is_the_young_person(texts):
    assert writes_as_young_person(texts)


@pytest.mark.parametrize("texts", [
    [], ["hello"], ["15", "Dartford"],                         # nothing in the first person
    ["I'm worried about my son"], ["my daughter won't eat"],  # a parent
    ["I'm a teacher", "I can't get through to them"],          # a professional
    ["i can't sleep", "she can't either"],                     # someone else comes into it
    ["im so worried, she wont eat"],
    # A filler young people do not text first (the independent review of round 27).
    ["honestly feel like a failure as a parent"], ["hiya been struggling since the baby was born"],
])
def test_not_taken_as_the_young_person(texts):
    assert not writes_as_young_person(texts)


def test_writes_as_young_person_copes_with_missing_and_long_texts():
    assert writes_as_young_person([None, "i " + "x" * 10_000])
    assert not writes_as_young_person([None, ""])


@pytest.mark.parametrize("text", ["my son can't sleep", "She won\u2019t eat", "our daughter",
                                  "one of my pupils", "they're being bullied"])
def test_about_someone_else(text):
    assert about_someone_else(text)


@pytest.mark.parametrize("text", ["i can't sleep", "I'm 15 and anxious", "", None, "x" * 10_000])
def test_not_about_someone_else(text):
    assert not about_someone_else(text)


@pytest.mark.parametrize("text", ["15", "fifteen", "she's 9", "year 7", "hes 11 now",
                                  "broadstairs", "Broadstairs", "CT10", "ct9", "ME14 1AA",
                                  "sorry, margate", "i live in deal", "2",
                                  # a place described (conversations28, development; in other words)
                                  "a small village just outside Canterbury",
                                  "on the edge of Rochester"])
def test_a_bare_age_place_or_number_is_only_a_detail(text):
    from signposting.details import only_a_detail

    assert only_a_detail(text)


@pytest.mark.parametrize("text", ["kms", "die", "i want to die", "", None, "yes", "ok",
                                  "rather not say", "x" * 100,
                                  "actually he is 11 now, he had his birthday at the weekend",
                                  "15 and i want to end it", "broadstairs bridge tonight",
                                  "hes outside", "a bit outside", "a way out, margate",
                                  "on my way out, maidstone"])
def test_anything_more_than_a_detail_is_not(text):
    from signposting.details import only_a_detail

    assert not only_a_detail(text)


@pytest.mark.parametrize("text, age", [
    ("sorry, I got that wrong - he turned 18 last week", 18),
    ("oh actually i turned 18 yesterday lol", 18),
    ("My daughter (14) has stopped going to school", 14),
    ("my son, 13, is anxious", 13), ("she turns 12 next week", 11),
    ("my lad is 10 and that terrified of dogs", 10), ("wait hes 10 not 11", 10),
    ("oops im 15 not 16", 15)])
def test_ages_in_corrections_brackets_and_birthdays(text, age):
    assert extract(text).age == age


@pytest.mark.parametrize("text", ["sorry, I got that wrong - he turned 18 last week",
                                  "oh actually i turned 18 yesterday lol",
                                  "actually i meant medway not maidstone", "broadstairs", "14"])
def test_a_message_that_corrects_or_gives_a_detail(text):
    from signposting.details import corrects_details

    assert corrects_details(text)


@pytest.mark.parametrize("text", ["i feel sad", "my daughter (14) has stopped going to school",
                                  "i mean it", "", "sorry"])
def test_a_message_that_says_something_new_is_not_a_correction(text):
    from signposting.details import corrects_details

    assert not corrects_details(text)


@pytest.mark.parametrize("text, age, place", [
    ("15", 15, None), ("fifteen", 15, None), ("broadstairs", None, "broadstairs"),
    ("ME14", None, "ME14"), ("2", None, None), ("3", None, None),
    ("since we moved to Canvey Island", None, "Canvey Island")])
def test_a_bare_detail_is_kept_even_when_no_question_is_pending(text, age, place):
    """After a crisis reply closed the form, "15" still answers the age question asked before;
    1 to 3 are left to the numbered choices."""
    found = extract(text)
    assert (found.age, found.place) == (age, place)


def test_a_long_message_with_the_detail_in_it_keeps_its_check_in():
    from signposting.details import plain_answer

    assert plain_answer("age", "year 11, why", "risk_check_in", False)
    assert not plain_answer("age", "year 11. and honestly i dont see myself finishing it. i dont "
                                   "see myself anywhere", "risk_check_in", False)


@pytest.mark.parametrize("text", [
    # A place said first and more after it keeps a crisis reading of the model alone: the aside
    # may be the only sign of risk (two independent reviews of round 27: "Chatham, the waiting
    # list is a joke. doesnt matter anyway, wrote my letter", "Southend. gp gave me sertraline,
    # been saving them up").
    "South Ockendon - and before you say it, we've tried the GP and got nowhere",
    "Chatham, the waiting list is a joke. doesnt matter anyway, wrote my letter",
    "Southend. gp gave me sertraline, been saving them up",
    "Maidstone, he found out where i live", "Strood. bye",
])
def test_a_place_first_with_more_after_it_keeps_a_model_only_crisis(text):
    from signposting.details import plain_answer

    assert not plain_answer("location", text, "crisis_danger", False)


@pytest.mark.parametrize("text, mash", [
    ("asdfgh qwerty", True), ("sdfkj", True), ("hjkl", True), ("xxxx", True),
    ("broadstairs", False), ("Dover", False), ("hello", False), ("14", False), ("yes", False),
    ("I live in Ashford", False), ("hmm", False), ("thanks", False),
])
def test_keys_mashed_are_told_from_words(text, mash):
    from signposting.details import keyboard_mash
    assert keyboard_mash(text) is mash


@pytest.mark.parametrize("text, age", [
    ("he hasnt come home and hes 15 what do i do", 15),     # an age before a question
    ("My eldest is 13 and won't get out of bed", 13),        # a parent's birth order
    ("our youngest (6) wets the bed again", 6),
    ("School nurse. 15M, low mood, wants someone to talk to", 15),   # a clinician's shorthand
])
def test_ages_said_in_passing(text, age):
    assert find_age(text) == age


@pytest.mark.parametrize("text, age", [
    # conversations9 and 11: an age before texting's "n" or a question was asked for again.
    ("so i get proper bad anxiety b4 school. im 15 n live in gravesend", 15),
    ("im 25 is that too old for this", 25),
    ("my son is 14 & getting bullied", 14),
    # ... and a time since or for something is not an age (dev10: "self-harmed two years ago"
    # was taken for a 2 year old).
    ("My son self-harmed two years ago but he's been fine since", None),
    ("she has been off school for 2 years now", None),
    ("it's 3 years since his dad died, he is 12", 12),
    ("he is 2 years old", 2),
])
def test_ages_beside_texting_and_times(text, age):
    assert find_age(text) == age


@pytest.mark.parametrize("text", ["the 10m race is tomorrow", "i need 4m, help", "ran 5k, then 3m."])
def test_distances_are_not_ages(text):
    assert find_age(text) is None


def test_saying_who_it_is_for_instead_is_a_correction():
    from signposting.details import corrects_details
    assert corrects_details("no wait its for my brother not me")
    assert not corrects_details("my brother is being horrible to me")   # nothing put right


@pytest.mark.parametrize("text, age, place, audience", [
    # Round 7 (conversations6, development): a role named as "a TA"; an age in brackets after
    # "the girls in my class". ("just outside Braintree" as a place was tried and taken out: it
    # cost one held-out conversation; see the closing note.)
    ("Hi, I'm a TA at a primary school in Gravesend. One of the girls in my class (7) said her "
     "dad hits her", 7, "Gravesend", "professional"),
    ("he waits outside school every day", None, None, None),
])
def test_round_seven_details(text, age, place, audience):
    details = extract(text)
    assert (details.age, details.place, details.audience) == (age, place, audience)


@pytest.mark.parametrize("text, age, place", [
    ("14, Margate", 14, "Margate"), ("Gravesend, 15", 15, "Gravesend"),
    ("One of the young people I work with (14) is anxious", 14, None),
    ("a young carer, 18, who lives near the station in Basildon", 18, "Basildon"),
])
def test_two_details_in_one_message(text, age, place):
    details = extract(text)
    assert (details.age, details.place) == (age, place)


@pytest.mark.parametrize("text, age", [("sorry 21 not 12 lol typed it backwards", 21), ("i meant 14", 14),
                                       ("oops, 16", 16), ("sorry 2 questions", None),
                                       ("we have 2 not 3 kids", None), ("sorry 2", None)])
def test_an_age_put_right(text, age):
    assert extract(text).age == age


@pytest.mark.parametrize("text, place", [
    # conversations11: a place put right as "X not Y" was not understood.
    ("sorry my mistake, I cover 2 schools - this pupil is at the Grays one not Basildon", "Grays"),
    ("its the one in Deal not Dover", "Deal"),
    ("I go to school in Dover not Folkestone", "Dover"),
    ("the deal is not done", None),
])
def test_a_place_put_right_as_one_not_another(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize("text, place", [
    # conversations12: a place said as a clause of its own, or after "on", was asked again.
    ("honestly at the end of my rope with my 6 yr old. just need some ideas. margate", "margate"),
    ("hi how do u get help with panic attacks. im 16, witham", "witham"),
    ("youth worker, tilbury. lad im working with (15) been holding packages", "tilbury"),
    ("Rochester. to be honest im frightened", "Rochester"),
    ("We're on Canvey Island. Is there anything for both of them?", "Canvey Island"),
    ("Youth worker on Sheppey. Young man, 18, lost his mum last year", "Sheppey"),
    ("we live on the Hoo peninsula. He's been really anxious", "the Hoo peninsula"),
    # Where someone lives now beats a place named in passing.
    ("oh wait sorry, these are all in Kent - we've just moved to Leigh-on-Sea last month",
     "Leigh-on-Sea"),
    ("I work in Harlow but she lives in Epping", "Epping"),
    # Everyday words and first names that are also places here are not places on their own.
    ("i was standing on the bridge. it was cold", None),
    ("on the river bank, on edge, on my own, on the phone, on time", None),
    ("thanks, ashley", None),
    ("it was a big deal. stone cold", None),
    ("intent: greet", None),
    # A clause in another script is not a place because an English town is named in it.
    ("Живеем в Chelmsford, къде мога да намеря помощ", None),
])
def test_a_place_on_its_own_or_after_on(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize("text, age", [
    ("Hi, form tutor in Braintree. Y8 girl in my group lost her grandad", 12),
    ("Youth worker. Young man, 18, struggling with low motivation", 18),
    ("youth worker, tilbury. lad im working with (15) been holding packages", 15),
    # A number said beats a school year, which only approximates the age.
    ("School nurse. Y12 student (17) describing hearing voices", 17),
    ("Head of Year 8: one of our boys is hooked on vapes, he's 13", 13),
    # Another person's age is not the young person's.
    ("this man is 25 and im 14 and he gets me vapes", 14),
    ("y 2 do it", None),
])
def test_school_years_shorthand_and_young_adults(text, age):
    assert find_age(text.lower()) == age


def test_another_detail_where_a_place_was_asked_is_not_an_unknown_place():
    from signposting.details import other_details_only

    assert other_details_only("wait sorry its not for me its for my little bro, hes 12")
    assert not other_details_only("near the big tesco")
    assert not other_details_only("he is 12")
    assert find_relation("its for my little bro") == "bro"


def test_a_place_added_after_something_else_does_not_answer_where_for_a_check_in():
    from signposting.details import answers_question

    assert answers_question("location", "margate, sorry is that too far?")
    assert not answers_question("location", "not that it matters now. margate")


@pytest.mark.parametrize("text, place", [
    # Found by the independent review of this change: names and streets are not the place,
    # and someone else's home is not where the young person lives.
    ("a girl called leigh keeps bullying me", None),
    ("im being bullied by a boy called harlow", None),
    ("my friend, milton, says hes going to hurt himself", None),
    ("we live on sutton road in southend", "southend"),
    ("i live on leigh road", None),
    ("i live with my foster carers in maldon, my mum lives in colchester", "maldon"),
    ("mum lives in southend but i live in rayleigh", "rayleigh"),
])
def test_names_streets_and_other_peoples_homes_are_not_the_place(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize("text, age, place", [
    # conversations14 (development): an age followed straight by the next clause, or by a
    # bracket; where the young person lives said after where they go to school; a place
    # outside the five areas said first, then what it is near.
    ("my grandson is 19 hes been at a party n taken something", 19, None),
    ("my son is 15 shes his girlfriend and she has been texting him", 15, None),
    ("Student is nearly 16 (birthday is Saturday), lives in Saffron Walden", 15, "Saffron Walden"),
    ("she goes to school in Maldon but actually lives in Chelmsford", None, "Chelmsford"),
    ("goes to school in Maldon, lives in Chelmsford", None, "Chelmsford"),
    ("bishop's stortford, just over the border from harlow", None, "bishop's stortford"),
    ("hastings, its near kent lol", None, "hastings"),  # conversations16
    ("Herne Bay, not far from Canterbury. my son is 14 and so anxious", 14, "Herne Bay"),
    ("my dad lives in Dover but we live in Deal", None, "Deal"),
])
def test_round_fourteen_details(text, age, place):
    details = extract(text)
    assert (details.age, details.place) == (age, place)


@pytest.mark.parametrize("text", ["im 2 scared to tell anyone", "she's 5 foot 2 and tiny",
                                  "stone, near dartford"])
def test_round_fourteen_not_ages_or_not_the_first_place(text):
    details = extract(text)
    assert details.age is None and details.place != "stone"


@pytest.mark.parametrize("text, age", [
    ("Hi, quick one. Youth worker here. One of our lads (16) says a group are waiting for him", 16),
    ("I have twins who are 10 and both struggle with school", 10),
    ("I teach a group of teens (30) on a Friday, one of them is being bullied", None),
    ("I coach a team of lads (25) on sundays, one of them is struggling", None),
    ("my stepsons (17) have both been really low", 17),
    ("i have two kids who are 5 and 7", None),
])
def test_ages_said_in_passing_by_staff_and_parents(text, age):
    assert extract(text).age == age


@pytest.mark.parametrize("text, place", [
    ("they were in london when it happened, we live in gravesend", "gravesend"),
    ("we're in london for the day and my son is having a meltdown", None),
    ("my friends were in brighton at the weekend", None),
])
def test_where_the_family_lives_wins_over_a_visit(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize("text, age", [
    # An age about to be reached, in the opening (conversations22): one less now.
    ("she'll be 12 in january and we're out in tollesbury so theres not much round here", 11),
    ("i'll be 16 on boxing day and i'm pretty sure i'm bi", 15),
    ("he'll be 10 on the 3rd and still wets the bed", 9),
    ("she will be 14 soon and has gone very quiet", 13),
    # An age asked about: "is that normal at 15?".
    ("Is that normal at 15 or should I be worried", 15),
    # A teacher's class: "Y5 teacher here" teaches pupils of 9 and 10.
    ("Y5 teacher here. Boy in my class lost his grandad last week", 9),
    # Not ages: a time, a while, an hour.
    ("i'll be 5 minutes", None),
    ("i'll be there at 6 on monday", None),
    ("is it ok at 3am to still be awake", None),
    ("is that normal at 3 in the morning", None),
])
def test_ages_said_in_passing_in_an_opening(text, age):
    assert extract(text).age == age


@pytest.mark.parametrize("text, age", [
    # conversations22: a time gone by or a while, not the age now ...
    ("I used to self harm back in year 9 but I haven't done it for nearly three years", None),
    ("when he was in year 6 it started", None),
    ("for about 2 years now she has been low", None),
    # ... and an age said first, then the rest of the answer.
    ("15. tbh doesnt matter i wont be here for the exams anyway", 15),
    ("since year 7 she has been bullied, she is in year 10 now", 14),
    ("3. i feel sad", None),  # a list choice, not an age
])
def test_times_gone_by_and_an_age_said_first(text, age):
    assert extract(text).age == age


@pytest.mark.parametrize("text", [
    "I manage a nursery in Clacton. We have a 4 year old who is hitting and biting",
    "Nursery manager here, one of our 3 year olds", "I'm a childminder in Deal",
    "nursery nurse at a setting in Rochester",
])
def test_early_years_staff_are_professionals(text):
    assert extract(text).audience == "professional"


@pytest.mark.parametrize("text", ["i go to nursery", "my son's nursery teacher said he bites"])
def test_a_nursery_named_by_a_child_or_parent_is_not_staff(text):
    assert extract(text).audience != "professional"


@pytest.mark.parametrize("text, age", [
    # Found by the independent review of round 17: an adult's birthday, a list choice, a time,
    # a pupil's year after "from".
    ("she'll be 40 on saturday and i have to go, im 14", 14),
    ("6. how long is the wait", None),
    ("is it ok at 10 or is that too late", None),
    ("a boy from year 8 disclosed that he", 12),
])
def test_round_seventeen_review_ages(text, age):
    assert extract(text).age == age


def test_volunteering_at_a_nursery_is_not_staff():
    assert extract("im 16 and i volunteer at a nursery, i'm really anxious").audience == "young_person"


@pytest.mark.parametrize("text, age", [
    # conversations26 (development), in other words: an age added as a clause of its own.
    ("cant stop crying at night, no idea why. 15. sittingbourne", 15),
    ("at my wits end with her. 8, tantrums every bedtime, biting her brother", 8),
    ("someone to talk to about my dad drinking, 13, herne bay", 13),
    ("twins who turn 10 next month, both anxious since the move", 9),
    # Not an age: a list, a time, a score, a bracket, money, a list pick.
    ("1. she wont eat 2. she cries 3. she hides", None),
    ("she wakes at 3:15, 4:30 and 6. help", None),
    ("I coach a team of lads (25) on sundays, one of them is struggling", None),
    ("it cost £15. too much for us", None),
    ("6. how long is the wait", None),
    ("he took 8, feels sick", None),
    ("20, thats how many times she's cried this week", None),
    ("ibuprofen. 16. feel dizzy", None),
])
def test_an_age_said_as_a_clause_of_its_own(text, age):
    assert extract(text).age == age


@pytest.mark.parametrize("text, place", [
    # An everyday word that is a place, said as a clause beside an age ("shes 14. deal").
    ("my mate wont eat anything, shes 15. deal", "deal"),
    ("need help with panic attacks. 16, hoo", "hoo"),
    ("it was a big deal for him, he is 12", None),
    ("deal with it. im 14", None),
])
def test_an_everyday_place_word_beside_an_age(text, place):
    assert extract(text).place == place


@pytest.mark.parametrize("text, place", [
    ("we are moving last month to Rayleigh, not in Basildon any more", "Rayleigh"),
    ("our niece lives with us, were on mersea", "mersea"),
    ("Some of our families live in Kent, but she lives in Bromley itself", "Bromley"),
])
def test_where_someone_lives_now(text, place):
    assert extract(text).place == place


@pytest.mark.parametrize("text, age", [
    # Development conversations30, in other words: the age of someone else is not the young
    # person's; "daughter's 10" without a space; a grandchild, a niece or a nephew.
    ("there's this man on snapchat hes 24 and keeps messaging me", None),
    ("my boyfriend, hes 20, wont let me see my mates", None),
    ("my son's 9 and wont go to school", 9),
    ("my granddaughter's 12 and very low", 12),
    ("my grandchild is 15 and lives with us", 15),
    ("my nephew is 13", 13),
])
def test_whose_age_it_is(text, age):
    assert find_age(text) == age


def test_where_she_lives_beats_where_she_studies():
    # Development conversations30, in other words: the college's town is named first.
    text = "I teach at a college in Gravesend. She lives a few miles away in Rochester."
    assert find_place(text) == "Rochester"


@pytest.mark.parametrize("text, place", [
    # conversations32 (development; other words): home "out at" a village, and a misspelt town
    # said as home at the end of a sentence.
    ("Her mum moved out at Easter. She lives with her gran out at Wivenhoe now.", "Wivenhoe"),
    ("he has been really low. were in sittingbourn", "sittingbourn"),
    ("we live in folkstone, hes 12", "folkstone"),
    ("i live in maidstome", "maidstome"),
])
def test_home_out_at_a_village_or_misspelt(text, place):
    assert find_place(text) == place


@pytest.mark.parametrize("text", [
    "we live in crossing", "we live in tunbridge", "we are in despair", "were in trouble at school",
    "she was sulking at home over at her dads",
    # The independent review of round 22: visits, outings and words.
    "were in london last week", "were in birmingham at my nans when he hit me",
    "living it up at Bluewater", "we live in stroke",
])
def test_words_after_home_cues_that_are_no_misspelt_town(text):
    assert find_place(text) is None


@pytest.mark.parametrize("text, age, place", [
    # conversations34 (development; other words): details in odd shapes.
    ("15 in the spring, i live in sheerness", 14, "sheerness"),
    ("i live rite by lakeside, 14. my mum and dad fight all the time", 14, "lakeside"),
    ("we live right next to bluewater", None, "bluewater"),
    ("my daughter rang me shes 16 some girls are following her home from the station", 16, None),
    ("one of my u15s has been really down since the season ended", 14, None),
])
def test_details_in_odd_shapes_of_round_twenty_three(text, age, place):
    found = extract(text)
    assert found.age == age, found
    # The words naming the place (the form resolves them: "i live in sheerness" is Sheerness).
    assert (place is None) == (found.place is None) and (place or "") in (found.place or "").lower(), found


@pytest.mark.parametrize("text", [
    "3 in the summer we went to spain", "anything for under 8s?", "i live by myself",
    "im 2 scared to go",
    # The independent review of round 23.
    "im 10 people down the waiting list for camhs", "is the u18 service free?",
    "5 in the summer holidays we went to cornwall", "we live close to london road",
])
def test_no_age_or_place_read_from_these(text):
    found = extract(text)
    assert found.age is None and found.place is None, found


@pytest.mark.parametrize("text, age, place", [
    ("my son plays in the u12s, hes 10", 10, None),
    ("i live just off london road in southend", None, "southend"),
    ("we live right by dover road in gravesend", None, "gravesend"),
])
def test_a_stated_age_and_a_town_beat_a_team_and_a_street(text, age, place):
    found = extract(text)
    assert found.age == age and (found.place or None) == place, found


@pytest.mark.parametrize("text, age, place", [
    # conversations34 (development; other words): an age and a town ending a text.
    ("cant stop crying at night, does anyone help with that. im 15 gravesend", 15, "gravesend"),
    ("im 16 canvey island", 16, "canvey island"),
])
def test_an_age_and_a_town_ending_a_text(text, age, place):
    found = extract(text)
    assert (found.age, found.place) == (age, place), found


@pytest.mark.parametrize("text", ["im 15 really sad", "im 17 so tired of it"])
def test_an_age_then_words_that_are_no_town(text):
    assert extract(text).place is None


@pytest.mark.parametrize("text, age", [
    # conversations36 (development; other words): an adult's own age beside the child they care
    # for is not the young person's, and the writer is a parent or carer.
    ("Is there anything for nans like me? I'm 71 and shattered", None),
    ("i'm 39 and my lad is 12", 12),
    ("I'm 64, my grandson lives with us, he's 9", 9),
    ("im 45 and worn out, is there anything for carers?", None),
])
def test_an_adults_own_age_beside_the_child_they_care_for(text, age):
    details = extract(text)
    assert details.age == age
    assert details.audience == "parent_carer"


@pytest.mark.parametrize("text, age", [
    # A young adult's own age stays theirs: nothing says they care for a child.
    ("im 27 and struggling", 27), ("im 26 and my mum has MS, i need help", 26), ("I'm 17", 17),
])
def test_a_writers_own_age_with_no_child_they_care_for_stays(text, age):
    assert extract(text).age == age


@pytest.mark.parametrize("text, place", [
    # conversations47 (development): a school nurse's "Family address is ..." was not read.
    ("School nurse here. Year 10 girl skipping lunch every day. Family address is Dartford.", "Dartford"),
    ("postcode is ME1 1AA", "ME1 1AA"), ("home address: Dartford", "Dartford"),
])
def test_an_address_or_postcode_said_as_such_is_the_place(text, place):
    assert extract(text).place == place


@pytest.mark.parametrize("text", ["whats your address?", "i dont want to give my address",
                                  "my address is private", "my email address is deal123"])
def test_talk_of_an_address_with_no_place_is_no_place(text):
    assert extract(text).place is None


@pytest.mark.parametrize("text, place", [
    # conversations49 (development): a school nurse was asked where the pupil lives after
    # saying she covers schools "in the Colchester area".
    ("I'm a school nurse covering a few secondaries in the Colchester area. A Year 10 girl has been "
     "skipping lunch", "Colchester area"),
    ("we live in the medway area", "medway area"),
    ("she goes to school in the town area", None),  # not the ward called Town
    ("we're in the same area as before", None),
])
def test_the_x_area_names_x(text, place):
    assert extract(text).place == place


@pytest.mark.parametrize("text, age", [
    # conversations47 (development): a parent's "my middle one is 7" was asked the age again.
    ("Single mum of three, my middle one is 7 and has ADHD", 7),
    ("our little one is 4 and wont sleep", 4), ("my youngest one is 9", 9),
])
def test_a_childs_place_in_the_family_before_the_age(text, age):
    assert find_age(text) == age


@pytest.mark.parametrize("text, age", [
    # The reviews of round 31: another age said, or two such, decide otherwise.
    ("my middle one is 7 and my eldest is 15 and she's cutting herself", 15),
    ("my little one is 2 and i want to die, im 19", 19),
    ("my middle one is 10 and my oldest one is 16 and she wants to die", None),
])
def test_my_middle_one_gives_way_to_any_other_age(text, age):
    assert find_age(text) == age


@pytest.mark.parametrize("text, place", [
    # Development set 53: where the family lives, not the school's town; the placement's town,
    # not the county it is "just outside".
    ("hi is this just for kent? my daughters school is in tunbridge wells but we live just over the "
     "border in crowborough. shes 13", "crowborough"),
    ("Apologies, correction - his placement moved on Friday. He's now with carers in Rye, East Sussex, "
     "so just outside Kent.", "Rye"),
    ("she's placed with her aunt in Deal now", "Deal"),
    ("we're just outside of kent, in Crowborough", "Crowborough"),
    # Near a town is still there.
    ("we live just outside Faversham", "Faversham"),
])
def test_where_they_live_over_a_place_named_in_passing_or_an_area_they_are_outside(text, place):
    assert extract(text).place == place


@pytest.mark.parametrize("text, place", [
    # The independent review: a stay or a visit with someone is not where they live.
    ("shes with her dad in brighton every other weekend, we live in tonbridge", "tonbridge"),
    ("hes with his mates in southend tonight but we live in rayleigh", "rayleigh"),
    ("she's with her boyfriend in London, we're in Harlow", "Harlow"),
    ("he's with CAMHS in Maidstone but we're in Gravesend", "Gravesend"),
])
def test_where_they_live_over_where_someone_is_staying(text, place):
    assert extract(text).place == place



@pytest.mark.parametrize("text, age", [
    # Development set 55: a health visitor's "a little girl in reception"; never a desk.
    ("Health visitor here. A family on my caseload in Rochford have a little girl in reception who's "
     "having night terrors most nights.", 4),
    ("my son in reception has nightmares", 4),
    ("a child in reception at the surgery told me she was hit", None),
    ("theres a child in reception right now saying he wants to kill himself", None),
    ("a little girl in reception right now is crying", None),
])
def test_a_child_in_reception_is_four(text, age):
    assert find_age(text) == age


@pytest.mark.parametrize("text, place", [
    # Development set 57: a GP receptionist quoting where a young person lives.
    ("He says he lives 'down by Chatham docks'. What can I signpost him to today?", "Chatham"),
    ("he lives down by chatham docks", "chatham"),
    ("i live 'near Rochester'", "Rochester"),
    ("we live up by the seafront in margate", "margate"),
])
def test_where_someone_lives_said_loosely_or_quoted(text, place):
    assert extract(text).place == place


@pytest.mark.parametrize("text", ["my ex lives down by the harbour", "she lives up by the high street",
                                  "i live down the road"])
def test_down_by_a_common_noun_is_no_place(text):
    """The second review of round 34: "the harbour" and "the high street" are also the names of a
    hamlet and a street."""
    assert extract(text).place is None
