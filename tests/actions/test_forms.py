"""The signposting form: age, place and who is asking, validated through the SDK's own run().

Each answer is run through ``ValidateSignpostForm().run`` (so extraction, the dynamic
``required_slots`` and the next requested slot all take part), and the reply texts checked.
The catalogue behind ``required_slots`` is replaced by a stub unless a test says otherwise.
"""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import OperationalError

from actions import search as actions_search
from actions.forms import NOT_GIVEN, OUTSIDE_AREA, ValidateSignpostForm
from tests.support.actions import DOMAIN, FORM_SLOTS, StubCatalogue, answer, form_tracker

AUDIENCES = ("young_person", "parent_carer", "professional")
FIVE_AREAS = {"kent", "medway", "essex", "southend", "thurrock"}

REASK_AGE = "Please send a number, for example 15, or say \"rather not say\"."
MOVE_ON_AGE = "Let's move on. I'll show support that isn't limited by age."
REASK_PLACE = "Sorry, I don't recognise that place."
MOVE_ON_PLACE = "Let's move on. I'll show services you can use wherever you live."
REASK_AUDIENCE = ("Sorry, I didn't follow. Reply 1 if it's for you, 2 for your child, or 3 for a "
                  "young person you work with.")
ADULT_NOTE = ("This service is for young people up to 25, so I'll show you support that's open "
              "to adults too.")
UNDER_5_NOTE = ("For a child under 5, support usually comes through their parent or carer, so "
                "I'll show support for parents and families.")
NO_AGE_NOTE = "That's OK. I'll show support that isn't limited by age."
NATIONAL_NOTE = "That's fine. I'll show you services you can use wherever you live in the UK."


@pytest.fixture(autouse=True)
def same_for_everyone(monkeypatch):
    """By default the results do not depend on who is asking, so audience is never asked."""
    stub = StubCatalogue()
    monkeypatch.setattr(actions_search, "catalogue", lambda: stub)
    return stub


def without_requested(result):
    return {k: v for k, v in result.items() if k != "requested_slot"}


def pick(result, *names):
    return {name: result.get(name, "<not set>") for name in names}


# -- age ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, age", [
    ("15", 15), ("im fourteen", 14), ("fifteen", 15), ("twenty one", 21), ("I'm 13 years old", 13),
    ("year 9", 13), ("she's in year 7", 11), ("in sixth form", 16), ("25", 25), ("<b>15</b>", 15),
    ("15 🙂", 15),
])
async def test_age_is_read_from_digits_words_and_school_years(text, age):
    result, messages = await answer("age", text)
    assert pick(result, "age", "failed_answers") == {"age": age, "failed_answers": None}
    assert messages == []


async def test_a_bare_age_says_nothing_about_who_is_writing():
    result, _ = await answer("age", "15")
    assert result == {"age": 15, "failed_answers": None, "requested_slot": "location"}


@pytest.mark.parametrize("slot, text, history", [
    ("age", "im fourteen", ()),
    ("age", "15", ["i can't sleep and my exams are soon"]),
    ("location", "i live in maidstone", ["I feel anxious all the time"]),
])
async def test_someone_writing_about_themselves_is_taken_as_the_young_person(slot, text, history):
    result, messages = await answer(slot, text, history=history, age=15)
    assert result["audience"] == "young_person"
    assert messages == []


@pytest.mark.parametrize("history", [
    ["my son can't sleep"], ["I'm a teacher"], ["she won't eat"], ["I'm worried about them"],
])
async def test_someone_writing_about_another_person_is_not_taken_as_the_young_person(history):
    result, _ = await answer("age", "I'm not sure, maybe 15", history=history)
    assert result["age"] == 15 and "audience" not in result


async def test_an_audience_already_known_is_not_replaced():
    result, _ = await answer("age", "im 15", audience="professional")
    assert "audience" not in result


async def test_a_child_under_5_stays_with_parent_support_even_in_the_first_person():
    result, messages = await answer("age", "im 4")
    assert result["audience"] == "parent_carer" and messages == [UNDER_5_NOTE]


@pytest.mark.parametrize("text, age", [("32", 32), ("twenty six", 26), ("I'm 40", 40)])
async def test_age_over_25_is_kept_with_the_adult_note(text, age):
    result, messages = await answer("age", text)
    assert result["age"] == age
    assert messages == [ADULT_NOTE]


@pytest.mark.parametrize("text, age", [("3", 3), ("0", 0), ("four", 4), ("reception", 4)])
async def test_under_5_means_parent_and_carer_support_with_a_note(text, age):
    result, messages = await answer("age", text)
    assert result["age"] == age and result["audience"] == "parent_carer"
    assert messages == [UNDER_5_NOTE]


async def test_under_5_from_a_young_person_still_goes_to_parents():
    result, messages = await answer("age", "4", audience="young_person")
    assert result["audience"] == "parent_carer" and messages == [UNDER_5_NOTE]


@pytest.mark.parametrize("audience", ["professional", "parent_carer"])
async def test_under_5_keeps_an_audience_that_already_fits(audience):
    result, messages = await answer("age", "3", audience=audience)
    assert result["age"] == 3
    assert "audience" not in result or result["audience"] == audience
    assert messages == []


async def test_5_is_not_under_5():
    result, messages = await answer("age", "5")
    assert result["age"] == 5 and "audience" not in result and messages == []


@pytest.mark.parametrize("text, opening", [
    ("blue", "Sorry, I didn't catch an age there."),
    ("🙂", "Sorry, I didn't catch an age there."),
    ("<b>hello</b>", "Sorry, I didn't catch an age there."),
    ("300", "That doesn't look like an age."),
    ("I am 300 years old", "That doesn't look like an age."),
    ("-3", "That doesn't look like an age."),
])
async def test_bad_age_is_asked_again_with_a_clear_message(text, opening):
    result, messages = await answer("age", text)
    assert result == {"age": None, "failed_answers": 1.0, "requested_slot": "age"}
    assert messages == [f"{opening} {REASK_AGE}"]


async def test_after_the_third_unusable_age_in_a_row_the_form_moves_on():
    slots = {}
    for attempt, text in enumerate(["blue", "300", "🙂"], 1):
        result, messages = await answer("age", text, **slots)
        slots.update(without_requested(result))
        if attempt < 3:
            assert result["age"] is None and result["failed_answers"] == float(attempt)
            assert messages[0].endswith(REASK_AGE)
            assert result["requested_slot"] == "age"
    assert result["age"] == NOT_GIVEN and result["failed_answers"] is None
    assert messages == [MOVE_ON_AGE]
    assert result["requested_slot"] == "location"


async def test_a_good_age_clears_the_count_of_failed_answers():
    result, _ = await answer("age", "14", failed_answers=2.0)
    assert result["age"] == 14 and result["failed_answers"] is None


async def test_a_kept_adult_age_clears_the_count_of_failed_answers():
    # Two unusable ages, then "40" (kept, with the adult note): one bad place after that is the
    # first unusable place answer, not the third unusable answer "in a row".
    result, _ = await answer("age", "40", failed_answers=2.0)
    slots = {"failed_answers": 2.0, **without_requested(result)}
    result, messages = await answer("location", "blahblahville", **slots)
    assert result["location"] is None, "one bad place after a usable age must be asked again"
    assert messages[0].startswith(REASK_PLACE)


@pytest.mark.parametrize("text, intent", [
    ("rather not say", "inform"), ("I'd rather not", "inform"), ("skip", "inform"),
    ("prefer not to say", "inform"), ("pass", "rather_not_say"),
    ("idk", "inform"), ("dunno", "inform"), ("not sure", "inform"), ("no clue", "dont_know"),
])
async def test_rather_not_say_or_dont_know_age_moves_on_without_an_age(text, intent):
    result, messages = await answer("age", text, intent, failed_answers=1.0)
    assert without_requested(result) == {"age": NOT_GIVEN, "failed_answers": None}
    assert messages == [NO_AGE_NOTE]


@pytest.mark.parametrize("text", ["x" * 10_000, "9" * 10_000, "<script>alert('hi')</script>",
                                  "😀😀😀", "", "   "])
async def test_strange_age_answers_get_a_clear_answer_and_never_raise(text):
    result, messages = await answer("age", text)
    assert result["age"] is None and len(messages) == 1
    assert messages[0].endswith(REASK_AGE) and len(messages[0]) < 200


@pytest.mark.parametrize("slot, text, said", [
    ("age", "why do u need that", "Services are for different ages"),
    ("age", "whats that for?", "Services are for different ages"),
    ("location", "why do u need that", "Services are local"),
    ("location", "why would i tell u where i live", "Services are local"),
    ("location", "do i have to say", "Services are local"),
])
async def test_asking_why_gets_the_reason_and_the_question_again_without_counting_a_failure(
        slot, text, said):
    """conversations17: "why do u need that" is not a place the bot does not know."""
    result, messages = await answer(slot, text, "nlu_fallback", failed_answers=1.0)
    assert result[slot] is None and "failed_answers" not in result
    assert len(messages) == 1 and messages[0].startswith(said) and "rather not say" in messages[0]


# -- location -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, location, area, district", [
    ("ME7 1AA", "Medway", "medway", "Medway"),                     # full postcode
    ("me7 1aa", "Medway", "medway", "Medway"),
    ("ME14", "Maidstone, Kent", "kent", "Maidstone"),              # outcode
    ("CM1", "Chelmsford, Essex", "essex", "Chelmsford"),
    ("Dartford", "Dartford, Kent", "kent", "Dartford"),            # town
    ("i live in maidstone", "Maidstone, Kent", "kent", "Maidstone"),
    ("Maidstome", "Maidstone, Kent", "kent", "Maidstone"),         # typo
    ("canvey", "Canvey Island, Castle Point, Essex", "essex", "Castle Point"),  # alias
    ("Grays", "Grays, Thurrock", "thurrock", "Thurrock"),
    ("SS0", "Southend-on-Sea", "southend", "Southend-on-Sea"),
    ("<b>Maidstone</b>", "Maidstone, Kent", "kent", "Maidstone"),  # HTML around a town
])
async def test_place_sets_location_area_and_district(text, location, area, district):
    result, messages = await answer("location", text, age=15)
    assert pick(result, "location", "area", "district", "failed_answers") == {
        "location": location, "area": area, "district": district, "failed_answers": None}
    assert messages == []


async def test_place_finishes_the_form_when_audience_does_not_matter():
    result, _ = await answer("location", "Dartford", age=15)
    assert result["requested_slot"] is None


@pytest.mark.parametrize("text, matched", [("SW1A 1AA", "SW1A 1AA"), ("M1", "M1"),
                                           ("EH1 1AA", "EH1 1AA")])
async def test_place_outside_the_areas_means_national(text, matched):
    result, messages = await answer("location", text, age=15)
    assert without_requested(result) == {"location": matched, "area": OUTSIDE_AREA,
                                         "district": None, "failed_answers": None}
    assert messages == ["That looks like somewhere outside Kent, Medway, Essex, Southend and "
                        "Thurrock, so I'll show you services available across the UK."]


@pytest.mark.parametrize("text", ["Cambridge", "Croydon", "Enfield"])
async def test_a_big_town_outside_the_areas_is_not_taken_for_a_village_inside(text):
    # Cambridge, Croydon and Enfield are outside the five areas; a fuzzy match must not turn
    # them into Abridge, Roydon or Shenfield (Essex) and show Essex services as local.
    result, _ = await answer("location", text, age=15)
    assert result.get("area") not in FIVE_AREAS, result


async def test_ambiguous_outcode_is_asked_again_listing_the_districts():
    result, messages = await answer("location", "DA1", age=15)
    assert without_requested(result) == {"location": None, "failed_answers": 1.0, "area": None,
                                         "district": None, "location_choices": None,
                                         "location_question": "again"}
    # Why; the place question that follows says how to answer (location_question "again").
    assert messages == ["DA1 covers more than one area (Bexley, Dartford)."]


@pytest.mark.parametrize("text, location, area, district", [
    ("westcliff", "Westcliff-on-Sea, Southend-on-Sea", "southend", "Southend-on-Sea"),
    ("Shoebury", "Shoeburyness, Southend-on-Sea", "southend", "Southend-on-Sea"),
    ("sarfend", "Southend-on-Sea", "southend", "Southend-on-Sea"),
    ("Clacton", "Clacton-on-Sea, Tendring, Essex", "essex", "Tendring"),
    ("tunny wells", "Royal Tunbridge Wells, Tunbridge Wells, Kent", "kent", "Tunbridge Wells"),
    ("Halstead in Essex, near Braintree", "Halstead, Braintree, Essex", "essex", "Braintree"),
    ("Rainham Kent", "Rainham, Medway", "medway", "Medway"),
    ("he's in Gillingham with his dad in the week and Rainham with me", "Gillingham, Medway",
     "medway", "Medway"),
])
async def test_places_as_locals_say_them(text, location, area, district):
    result, messages = await answer("location", text, age=15)
    assert pick(result, "location", "area", "district", "failed_answers") == {
        "location": location, "area": area, "district": district, "failed_answers": None}
    assert messages == []


@pytest.mark.parametrize("text, said", [
    ("Birmingham", "Birmingham (West Midlands) is outside"),
    ("manchester", "Manchester (Greater Manchester) is outside"),
    ("Hastings", "Hastings (East Sussex) is outside"),
    ("Croydon", "Croydon (Greater London) is outside"),
    ("Brighton", "Brighton (East Sussex) is outside"),
])
async def test_a_town_elsewhere_means_national_services_and_the_bot_names_it(text, said):
    result, messages = await answer("location", text, age=15, failed_answers=1.0)
    assert without_requested(result) == {"location": said.split(" (")[0], "area": OUTSIDE_AREA,
                                         "district": None, "failed_answers": None}
    assert messages == [f"{said} Kent, Medway, Essex, Southend and Thurrock, so I'll show you "
                        "services available across the UK."]


async def test_a_city_elsewhere_is_taken_over_a_village_here_and_the_village_is_mentioned():
    result, messages = await answer("location", "Leeds", age=15)
    assert (result["location"], result["area"]) == ("Leeds", OUTSIDE_AREA)
    assert messages == [
        "I've taken that as Leeds (West Yorkshire), outside Kent, Medway, Essex, Southend and "
        "Thurrock, so I'll show you services available across the UK. If you meant Leeds "
        "(Maidstone, Kent), send the postcode."]


LEIGHS = ["Leigh-on-Sea (Southend-on-Sea)", "Leigh (Sevenoaks, Kent)"]


async def test_a_name_of_two_places_in_different_areas_is_asked_about():
    result, messages = await answer("location", "leigh", age=15)
    assert without_requested(result) == {
        "location": None, "failed_answers": 1.0, "area": None, "district": None,
        "location_choices": LEIGHS, "location_question": "which"}
    assert result["requested_slot"] == "location"
    assert messages == ["Which Leigh do you mean?"]


@pytest.mark.parametrize("area, district, location", [
    ("essex", "Castle Point", "Leigh-on-Sea, Southend-on-Sea"),   # moved next door
    ("kent", "Tonbridge and Malling", "Leigh, Sevenoaks, Kent"),
])
async def test_a_name_of_two_places_said_after_a_known_place_is_the_one_nearby(area, district, location):
    """conversations17: "oh wait we just moved to leigh" after Benfleet is Leigh-on-Sea."""
    result, messages = await answer("location", "leigh", age=15, area=area, district=district)
    assert result["location"] == location and messages == []


async def test_a_neighbouring_area_settles_it_too():
    result, messages = await answer("location", "leigh", age=15, area="thurrock", district="Thurrock")
    assert result["location"] == "Leigh-on-Sea, Southend-on-Sea"   # Southend is Thurrock's neighbour


async def test_a_name_of_two_places_with_no_place_known_yet_is_asked_about():
    result, messages = await answer("location", "halstead", age=7, area="outside", district=None)
    assert result["location"] is None and messages[0] == "Which Halstead do you mean?"


async def test_places_of_different_names_are_asked_about_as_a_place():
    """ "on the island" is Canvey Island, Sheerness or West Mersea: the question names none of
    them (it once asked "Which Canvey Island do you mean?", conversations6)."""
    result, messages = await answer("location", "on the island", age=14)
    assert result["location"] is None and result["location_question"] == "which"
    assert messages == ["Which place do you mean?"]


async def test_another_detail_given_while_places_are_offered_offers_them_again():
    """ "it's for my child" after "Which Halstead do you mean?" (conversations24): the choice
    again, not the way out of it alone ("If it's somewhere else, ...")."""
    halsteads = ["Halstead (Braintree, Essex)", "Halstead (Sevenoaks, Kent)"]
    dispatcher = CollectingDispatcher()
    events = await ValidateSignpostForm().run(
        dispatcher, form_tracker("location", "it's for my child", age=11, failed_answers=1.0,
                                 location_choices=halsteads, location_question="which"), DOMAIN)
    [message] = dispatcher.messages
    assert message["response"] == "utter_reask_location_choice"
    assert (message["option_1"], message["option_2"]) == tuple(halsteads)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("location", None) is None and "location_choices" not in slots


async def test_a_postcode_of_two_districts_with_the_place_named_is_that_place():
    """ "ME3 9ZZ, hoo": Medway and Gravesham share ME3; Hoo is in Medway (conversations24)."""
    result, messages = await answer("location", "ME3 9ZZ, hoo", age=15)
    assert (result["location"], result["district"], messages) == ("Hoo, Medway", "Medway", [])


async def test_the_question_carries_the_places_as_buttons():
    dispatcher = CollectingDispatcher()
    await ValidateSignpostForm().run(dispatcher, form_tracker("location", "Halstead", age=15),
                                     DOMAIN)
    [message] = dispatcher.messages
    assert message["response"] == "utter_reask_location_choice"
    assert (message["option_1"], message["option_2"]) == (
        "Halstead (Braintree, Essex)", "Halstead (Sevenoaks, Kent)")
    assert message["payload_2"] == '/inform{"place": "Halstead (Sevenoaks, Kent)"}'


@pytest.mark.parametrize("text, district", [
    ("2", "Sevenoaks"), ("1", "Southend-on-Sea"), ("the kent one", "Sevenoaks"),
    ("Southend", "Southend-on-Sea"), (LEIGHS[1], "Sevenoaks"),   # a button's payload
    ("Chelmsford", "Chelmsford"),                                 # somewhere else after all
])
async def test_the_answer_to_which_place_is_read_with_the_places_offered(text, district):
    result, messages = await answer("location", text, age=15, failed_answers=1.0,
                                    location_choices=LEIGHS, location_question="which")
    assert (result["district"], result["failed_answers"]) == (district, None)
    assert (result["location_choices"], result["location_question"]) == (None, None)
    assert messages == []


async def test_a_number_that_is_none_of_the_places_is_asked_again():
    result, messages = await answer("location", "7", age=15, failed_answers=1.0,
                                    location_choices=LEIGHS, location_question="which")
    assert (result["location"], result["failed_answers"]) == (None, 2.0)
    assert messages[0].startswith(REASK_PLACE)


async def test_a_third_unusable_place_answer_moves_on_even_when_it_is_a_choice():
    result, messages = await answer("location", "leigh", age=15, failed_answers=2.0,
                                    location_choices=LEIGHS, location_question="which")
    assert without_requested(result) == {
        "location": NOT_GIVEN, "area": OUTSIDE_AREA, "failed_answers": None, "district": None,
        "location_choices": None, "location_question": None}
    assert messages == [MOVE_ON_PLACE]


@pytest.mark.parametrize("text", ["blahblahville", "🏠", "300", "x" * 10_000,
                                  "<script>alert(1)</script>", "1" * 10_000])
async def test_nonsense_place_is_asked_again_with_an_example(text):
    result, messages = await answer("location", text, age=15)
    assert without_requested(result) == {"location": None, "failed_answers": 1.0, "area": None,
                                         "district": None, "location_choices": None,
                                         "location_question": "again"}
    assert messages == [REASK_PLACE]
    assert result["requested_slot"] == "location"


async def test_another_detail_given_where_the_place_was_asked_is_not_called_an_unknown_place():
    # conversations12: a correction of who it is for came while the place was asked.
    result, messages = await answer("location", "wait sorry its not for me its for my little bro, "
                                    "hes 12. he keeps having them at school", age=16)
    assert without_requested(result) == {"location": None}
    assert messages == []
    assert result["requested_slot"] == "location"


async def test_after_the_third_unusable_place_the_form_moves_on_with_national_services():
    slots = {"age": 15}
    for text in ["blahblahville", "DA1", "🏠"]:
        result, messages = await answer("location", text, **slots)
        slots.update(without_requested(result))
    # The re-asks' "again" wording of the place question is cleared with the rest.
    assert without_requested(result) == {"location": NOT_GIVEN, "area": OUTSIDE_AREA,
                                         "failed_answers": None, "district": None,
                                         "location_choices": None, "location_question": None}
    assert messages == [MOVE_ON_PLACE]


@pytest.mark.parametrize("text, intent", [
    ("prefer not to say", "inform"), ("rather not say", "inform"),
    ("none of your business", "inform"),
    ("nah", "rather_not_say"), ("idk", "inform"), ("not sure", "inform"), ("no clue", "dont_know"),
])
async def test_rather_not_say_or_dont_know_place_means_national_services(text, intent):
    result, messages = await answer("location", text, intent, age=15, failed_answers=2.0)
    assert without_requested(result) == {"location": NOT_GIVEN, "area": OUTSIDE_AREA,
                                         "district": None, "failed_answers": None}
    assert messages == [NATIONAL_NOTE]


async def test_place_already_not_given_stays_national_without_a_message():
    result, messages = await answer("location", NOT_GIVEN, age=15)
    assert result["location"] == NOT_GIVEN and result["area"] == OUTSIDE_AREA
    assert messages == []


async def test_a_place_outside_the_areas_clears_the_count_of_failed_answers():
    # Two unusable places, then a usable one outside the areas: one unclear "who is it for?"
    # answer after that must be asked again, not count as the third unusable answer in a row.
    result, _ = await answer("location", "SW1A 1AA", age=15, failed_answers=2.0)
    slots = {"age": 15, "failed_answers": 2.0, **without_requested(result)}
    result, messages = await answer("audience", "banana", **slots)
    assert result["audience"] is None, "one unclear audience answer must be asked again"
    assert messages == [REASK_AUDIENCE]


# -- audience -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, audience", [
    ("1", "young_person"), ("2", "parent_carer"), ("3", "professional"),
    ("for my son", "parent_carer"), ("I'm a teacher", "professional"),
    ("I’m a SENCo", "professional"), ("me", "young_person"), ("young_person", "young_person"),
    ("professional", "professional"),
])
async def test_audience_is_read(text, audience):
    result, messages = await answer("audience", text, age=15, location="Dartford, Kent",
                                    area="kent", district="Dartford")
    assert result["audience"] == audience
    assert messages == []


@pytest.mark.parametrize("text", ["banana", "🙂", "x" * 10_000, "<b>?</b>", "7"])
async def test_unclear_audience_is_asked_again(text):
    result, messages = await answer("audience", text, age=15, location="Dartford, Kent",
                                    area="kent", district="Dartford")
    assert result["audience"] is None and result["failed_answers"] == 1.0
    assert messages == [REASK_AUDIENCE]


async def test_after_the_third_unclear_audience_the_form_moves_on_as_a_young_person():
    result, messages = await answer("audience", "banana", age=15, location="Dartford, Kent",
                                    area="kent", failed_answers=2.0)
    assert result["audience"] == "young_person" and result["failed_answers"] is None
    assert messages == ["Let's move on."]


@pytest.mark.parametrize("text, intent", [("rather not say", "inform"), ("idk", "inform"),
                                          ("whatever", "dont_know")])
async def test_rather_not_say_audience_means_services_a_young_person_can_use(text, intent):
    result, messages = await answer("audience", text, intent, age=15, location="Dartford, Kent",
                                    area="kent")
    assert result["audience"] == "young_person" and messages == []


# -- required_slots -------------------------------------------------------------------------

async def required(**slots):
    tracker = form_tracker("location", slots.pop("location", None), **slots)
    return await ValidateSignpostForm().required_slots(list(FORM_SLOTS), CollectingDispatcher(),
                                                       tracker, DOMAIN)


async def test_audience_is_not_asked_when_results_do_not_depend_on_it(same_for_everyone):
    assert await required(age=15, location="Dartford, Kent", area="kent",
                          district="Dartford", need="anxiety") == ["age", "location"]
    assert {c["audience"] for c in same_for_everyone.calls} == set(AUDIENCES)
    assert all(c["limit"] == 3 and c["need"] == "anxiety" and c["area"] == "kent"
               and c["district"] == "Dartford" and c["age"] == 15
               for c in same_for_everyone.calls)


async def test_audience_is_asked_when_results_depend_on_it(monkeypatch):
    stub = StubCatalogue(by_audience={"professional": ("a", "b", "referral-only")})
    monkeypatch.setattr(actions_search, "catalogue", lambda: stub)
    assert await required(age=15, location="Dartford, Kent", area="kent",
                          district="Dartford", need="anxiety") == FORM_SLOTS


async def test_only_the_top_three_count_when_deciding(monkeypatch):
    # The same three, in another order: the person would see the same services.
    stub = StubCatalogue(by_audience={"parent_carer": ("c", "a", "b")})
    monkeypatch.setattr(actions_search, "catalogue", lambda: stub)
    assert await required(age=15, location="x", area="kent", need="anxiety") == ["age", "location"]


async def test_a_known_audience_is_kept():
    assert await required(age=15, location="x", area="kent", audience="parent_carer") == FORM_SLOTS


@pytest.mark.parametrize("slots", [{}, {"age": 15}, {"location": "Dartford, Kent"}])
async def test_audience_is_not_asked_before_age_and_place_are_known(same_for_everyone, slots):
    assert await required(**slots) == ["age", "location"]
    assert same_for_everyone.calls == []


async def test_no_age_and_national_search_without_age_or_area(same_for_everyone):
    await required(age=NOT_GIVEN, location=NOT_GIVEN, area=OUTSIDE_AREA)
    assert same_for_everyone.calls
    assert all(c["age"] is None and c["area"] is None and c["need"] == "general_wellbeing"
               for c in same_for_everyone.calls)


@pytest.mark.parametrize("error", [OperationalError("select", {}, Exception("locked")),
                                   RuntimeError("catalogue file missing")])
async def test_a_broken_catalogue_does_not_break_required_slots(monkeypatch, error):
    monkeypatch.setattr(actions_search, "catalogue", lambda: StubCatalogue(error=error))
    assert await required(age=15, location="Dartford, Kent", area="kent") == ["age", "location"]


async def test_a_catalogue_that_cannot_even_be_opened_does_not_break_the_form(monkeypatch):
    def cannot_open():
        raise OperationalError("connect", {}, Exception("unable to open database file"))
    monkeypatch.setattr(actions_search, "catalogue", cannot_open)
    result, messages = await answer("location", "Dartford", age=15)
    assert result["area"] == "kent" and result["requested_slot"] is None and messages == []


def _top3(catalogue, need, area, district, audience):
    return frozenset(m.service.id for m in catalogue.search(need, age=15, area=area,
                                                            district=district, audience=audience))


def _find_case(catalogue, differ: bool):
    """A need and place in the test catalogue where the top three do (or do not) differ."""
    places = [("kent", "Maidstone"), ("medway", "Medway"), ("essex", "Chelmsford"),
              ("southend", "Southend-on-Sea"), ("thurrock", "Thurrock")]
    for need in ("anxiety", "low_mood", "bereavement", "identity", "substance_use", "sleep"):
        for area, district in places:
            tops = {_top3(catalogue, need, area, district, a) for a in AUDIENCES}
            if (len(tops) > 1) == differ:
                return need, area, district
    pytest.fail("no case in the test catalogue where the top three "
                + ("differ" if differ else "agree"))


@pytest.mark.parametrize("differ", [False, True])
async def test_required_slots_with_the_test_catalogue(monkeypatch, catalogue, differ):
    monkeypatch.setattr(actions_search, "catalogue", lambda: catalogue)
    need, area, district = _find_case(catalogue, differ)
    slots = await required(need=need, age=15, location=district, area=area, district=district)
    assert ("audience" in slots) == differ, (need, area)


async def test_form_asks_audience_next_when_it_matters(monkeypatch):
    stub = StubCatalogue(by_audience={"parent_carer": ("x", "y", "z")})
    monkeypatch.setattr(actions_search, "catalogue", lambda: stub)
    result, _ = await answer("location", "Dartford", age=15, need="anxiety")
    assert result["area"] == "kent"
    # The full domain list is kept, so the SDK leaves the next question to Rasa's form, which
    # asks the first empty slot: audience. (When audience is dropped, requested_slot is None.)
    assert "requested_slot" not in result


# -- the first question of a form run -------------------------------------------------------
# The questions are domain responses (domain/signposting.yml; tests/test_domain_questions.py).
# utter_ask_age is the offer of support when requested_slot is still unset while it is asked,
# so at activation the validation leaves the first question to Rasa's form whenever the form
# would ask the same slot, rather than setting requested_slot before the question.

def activation_tracker(**slots) -> Tracker:
    """The form has just been activated: nothing requested yet, no answer to validate."""
    return Tracker(sender_id="test", slots={**slots, "requested_slot": None}, latest_message={},
                   events=[], paused=False, followup_action=None,
                   active_loop={"name": "signpost_form"}, latest_action_name="action_listen")


async def at_activation(**slots):
    dispatcher = CollectingDispatcher()
    events = await ValidateSignpostForm().run(dispatcher, activation_tracker(**slots), DOMAIN)
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


@pytest.mark.parametrize("slots", [{}, {"audience": "parent_carer"}, {"location": "Dartford"}])
async def test_at_activation_the_first_question_is_left_to_rasas_form(slots):
    # Without this the audience being unknown (a shorter required_slots list) made the SDK set
    # requested_slot to age before the question, and the offer of support was never made.
    assert await at_activation(**slots) == ({}, [])


async def test_at_activation_with_age_and_place_known_the_form_ends_when_audience_does_not_matter():
    assert await at_activation(age=15, location="Dartford") == ({"requested_slot": None}, [])


async def test_at_activation_with_age_and_place_known_the_audience_question_is_rasas_choice(
        monkeypatch):
    stub = StubCatalogue(by_audience={"parent_carer": ("x", "y", "z")})
    monkeypatch.setattr(actions_search, "catalogue", lambda: stub)
    # The full domain list: the SDK leaves the question to the form, which asks audience.
    assert await at_activation(age=15, location="Dartford", area="kent") == ({}, [])


async def test_mid_form_the_next_question_is_still_set_by_the_validation():
    result, _ = await answer("age", "15")
    assert result["requested_slot"] == "location"
    result, _ = await answer("age", "banana")
    assert result["requested_slot"] == "age"


# -- a plain answer the model took for a check-in ------------------------------------------------

async def test_a_model_only_check_in_that_answers_the_question_is_read_as_the_answer():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.forms import ValidateSignpostForm

    tracker = form_tracker("location", None, intent="risk_check_in")
    tracker.latest_message = {"text": "broadstairs", "safety": {"evidence": []},
                              "intent": {"name": "risk_check_in", "confidence": 0.3}}
    events = await ValidateSignpostForm().run(CollectingDispatcher(), tracker, DOMAIN)
    slots = {e["name"]: e["value"] for e in events}
    assert slots["area"] == "kent" and "Broadstairs" in slots["location"]


async def test_a_check_in_with_a_risk_phrase_is_never_taken_as_an_answer():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.forms import ValidateSignpostForm

    tracker = form_tracker("location", None, intent="risk_check_in")
    tracker.latest_message = {"text": "broadstairs bridge, going to jump",
                              "safety": {"evidence": [{"class": "crisis_suicidal"}]},
                              "intent": {"name": "risk_check_in", "confidence": 0.9}}
    events = await ValidateSignpostForm().run(CollectingDispatcher(), tracker, DOMAIN)
    assert "location" not in {e.get("name") for e in events if e.get("value")}
