"""Finding services: the best three, "more", open-now, and the 24/7 routes when nothing fits.

Most tests use the test catalogue (built from the real data files); the ones that need exact
opening hours or a given number of results use made-up services behind a stub catalogue.
"""
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from sqlalchemy.exc import OperationalError

from actions import search as actions_search
from actions import signposting
from actions.signposting import ActionMoreServices
from services_catalog.query import ContactView, ServiceView
from signposting.replies import open_now
from signposting.texts import NONE_OPEN, ROUTES_24_7
from tests.support.actions import StubCatalogue, run
from tests.support.domain import said

UK = ZoneInfo("Europe/London")
SUNDAY_3AM = datetime(2025, 6, 1, 3, 0, tzinfo=UK)
MONDAY_10AM = datetime(2025, 6, 2, 10, 0, tzinfo=UK)
SAY_MORE = "Say \"more\" to see other options."
NONE_OPEN_CLAIM = "None of these is open right now."
CATALOGUE_DOWN = said("utter_services_unavailable")
NO_MATCH = said("utter_no_match")
NOTHING_YET = said("utter_nothing_searched_yet")

# Made-up contact details only (01632 960xxx is reserved by Ofcom for drama).
PHONE = ContactView("phone", "01632 960000", None, None, None, "confirmed",
                    "https://example.org", date.today())
WEEKDAYS_9_TO_5 = tuple((day, 9 * 60, 17 * 60) for day in range(5))


def made_up(number: int, schedule=WEEKDAYS_9_TO_5, always_open=False, access=()) -> ServiceView:
    return ServiceView(
        id=f"made-up-{number}", name=f"Made-up service {number}", summary="Help for tests.",
        url="https://example.org", hours=None, always_open=always_open, minimum_age=None,
        maximum_age=None, areas=("kent",), needs=("anxiety",), urgent=(),
        audiences=("young_person",), thrive=(), access=access, contacts=(PHONE,),
        source="https://example.org", assured_date=date.today(), schedule=schedule)


@pytest.fixture
def use_test_catalogue(monkeypatch, catalogue):
    monkeypatch.setattr(actions_search, "catalogue", lambda: catalogue)


@pytest.fixture
def stub(monkeypatch):
    def use(services):
        catalogue = StubCatalogue(services)
        monkeypatch.setattr(actions_search, "catalogue", lambda: catalogue)
        return catalogue
    return use


@pytest.fixture
def at(monkeypatch):
    def set_time(moment):
        monkeypatch.setattr(signposting, "now", lambda: moment)
        return moment
    return set_time


def numbered(reply: str):
    return [line for line in reply.split("\n") if re.match(r"\d+\. ", line)]


def shown(events):
    """The slot the paging reads (the others are for the insights job: see below)."""
    return [event for event in events if event["name"] == "shown"]


def expected(catalogue, need, age=None, area=None, district=None, audience=None):
    return [m.service for m in catalogue.search(need, age, area, district, audience, limit=None)]


# -- the first page ---------------------------------------------------------------------------

async def test_lists_the_best_three_local_services(use_test_catalogue, catalogue):
    services = expected(catalogue, "anxiety", 15, "medway", "Medway")
    assert len(services) > 3
    events, (reply,) = await run(need="anxiety", age=15, area="medway", district="Medway",
                                 location="Medway")
    assert shown(events) == [SlotSet("shown", 3.0)]
    assert reply.startswith("Here is support that could help near Medway:\n")
    assert [line.split(":")[0] for line in numbered(reply)] == [
        f"{n}. {s.name}" for n, s in enumerate(services[:3], 1)]
    assert reply.count(SAY_MORE) == 1


async def test_outside_area_gets_national_services(use_test_catalogue, catalogue):
    events, (reply,) = await run(need="low_mood", age=15, area="outside", location="SW1A 1AA")
    assert reply.startswith("Here is support available across the UK:\n")
    names = {s.name for s in catalogue.all() if not s.national}
    assert not any(name in reply for name in names)
    assert "Kent" not in reply and "SET CAMHS" not in reply


async def test_age_not_given_searches_without_an_age_and_without_a_limit(stub):
    catalogue = stub([made_up(1)])
    await run(need="anxiety", age="not given", area="outside", location="not given")
    assert catalogue.calls == [{"need": "anxiety", "age": None, "area": None, "district": None,
                                "audience": None, "limit": None}]


async def test_no_need_searches_general_wellbeing(stub):
    catalogue = stub([made_up(1)])
    await run(age=15, area="kent", district="Dartford", location="Dartford, Kent",
              audience="parent_carer")
    assert catalogue.calls == [{"need": "general_wellbeing", "age": 15, "area": "kent",
                                "district": "Dartford", "audience": "parent_carer", "limit": None}]


async def test_three_or_fewer_results_do_not_offer_more(stub, at):
    at(MONDAY_10AM)
    stub([made_up(1), made_up(2), made_up(3)])
    events, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent")
    assert len(numbered(reply)) == 3 and SAY_MORE not in reply
    assert shown(events) == [SlotSet("shown", 3.0)]


async def test_one_result_is_shown_and_counted(stub, at):
    at(MONDAY_10AM)
    stub([made_up(1)])
    events, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent")
    assert numbered(reply) == ["1. Made-up service 1: Help for tests. Call 01632 960000. Open now."]
    assert shown(events) == [SlotSet("shown", 1.0)]


async def test_four_results_offer_more(stub, at):
    at(MONDAY_10AM)
    stub([made_up(n) for n in range(1, 5)])
    _, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent")
    assert len(numbered(reply)) == 3 and reply.count(SAY_MORE) == 1


# -- open now ---------------------------------------------------------------------------------

async def test_none_open_gives_the_24_7_routes(stub, at):
    at(SUNDAY_3AM)
    stub([made_up(n) for n in range(1, 5)])
    events, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent")
    lines = reply.split("\n")
    assert all(line.endswith("Closed now.") for line in numbered(reply))
    assert NONE_OPEN in lines
    assert lines.index(NONE_OPEN) == 4  # after the intro and the three services
    assert shown(events) == [SlotSet("shown", 3.0)]


async def test_open_services_say_so_and_there_is_no_none_open_line(stub, at):
    at(MONDAY_10AM)
    stub([made_up(n) for n in range(1, 4)])
    _, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent")
    assert all(line.endswith("Open now.") for line in numbered(reply))
    assert NONE_OPEN_CLAIM not in reply


async def test_one_open_service_is_enough_to_leave_out_the_none_open_line(stub, at):
    at(SUNDAY_3AM)
    stub([made_up(1), made_up(2, schedule=(), always_open=True), made_up(3)])
    _, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent")
    assert [line.rsplit(" ", 2)[-2:] for line in numbered(reply)] == [
        ["Closed", "now."], ["Open", "now."], ["Closed", "now."]]
    assert NONE_OPEN_CLAIM not in reply


async def test_unknown_hours_are_not_called_closed(stub, at):
    # Only service 1 is known to be closed; nobody knows whether 2 and 3 are open, so the reply
    # must not tell the person that none of them is open.
    at(SUNDAY_3AM)
    stub([made_up(1), made_up(2, schedule=()), made_up(3, schedule=())])
    _, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent")
    lines = numbered(reply)
    assert lines[0].endswith("Closed now.")
    assert not lines[1].endswith("now.") and not lines[2].endswith("now.")
    assert NONE_OPEN_CLAIM not in reply


async def test_open_now_with_the_test_catalogue(use_test_catalogue, catalogue, at):
    moment = at(SUNDAY_3AM)
    services = expected(catalogue, "anxiety", 15)[:3]
    states = [open_now(s, moment) for s in services]
    assert True in states  # national anxiety support includes a 24/7 line
    _, (reply,) = await run(need="anxiety", age=15, area="outside", location="not given")
    for line, state in zip(numbered(reply), states):
        assert line.endswith({True: "Open now.", False: "Closed now."}.get(state, "."))
    assert NONE_OPEN_CLAIM not in reply


# -- who is asking ----------------------------------------------------------------------------

async def test_professionals_see_who_can_refer(use_test_catalogue):
    _, (reply,) = await run(need="anxiety", age=15, area="kent", district="Maidstone",
                            location="Maidstone, Kent", audience="professional")
    assert "Referral by" in reply and "refer themselves" in reply


async def test_young_people_do_not_see_referral_routes(use_test_catalogue):
    _, (reply,) = await run(need="anxiety", age=15, area="kent", district="Maidstone",
                            location="Maidstone, Kent", audience="young_person")
    assert "Referral by" not in reply and "The young person can" not in reply


async def test_referral_line_from_made_up_access_codes(stub, at):
    at(MONDAY_10AM)
    stub([made_up(1, access=("gp", "school", "self_referral")), made_up(2)])
    _, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent",
                            audience="professional")
    first, second = numbered(reply)
    assert "Referral by a GP or school; the young person can refer themselves." in first
    assert "Referral" not in second


async def test_parent_intro_says_your_child(use_test_catalogue):
    _, (reply,) = await run(need="anxiety", age=15, area="kent", district="Dartford",
                            location="Dartford, Kent", audience="parent_carer")
    assert reply.startswith("Here is support that could help your child near Dartford, Kent:\n")


async def test_parent_intro_for_national_services_says_your_child(use_test_catalogue):
    _, (reply,) = await run(need="anxiety", age=15, area="outside", location="not given",
                            audience="parent_carer")
    assert reply.startswith("Here is support for your child available across the UK:\n")


@pytest.mark.parametrize("audience", [None, "young_person", "professional"])
async def test_other_intros_do_not_mention_a_child(use_test_catalogue, audience):
    _, (reply,) = await run(need="anxiety", age=15, area="kent", location="Dartford, Kent",
                            district="Dartford", audience=audience)
    assert reply.startswith("Here is support that could help near Dartford, Kent:\n")


# -- other needs ------------------------------------------------------------------------------

@pytest.mark.parametrize("others, mention", [
    (["sleep"], "sleep"), (["low_mood", "sleep"], "feeling low"), (["anxiety", "sleep"], "sleep"),
])
async def test_another_need_from_the_same_message_is_mentioned(stub, at, others, mention):
    at(MONDAY_10AM)
    stub([made_up(1)])
    _, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent",
                            other_needs=others)
    assert reply.endswith(f"You also mentioned {mention}. Just say if you'd like support with "
                          "that too.")
    assert reply.count("You also mentioned") == 1


@pytest.mark.parametrize("others", [None, [], ["anxiety"]])
async def test_nothing_else_mentioned_when_there_is_no_other_need(stub, at, others):
    at(MONDAY_10AM)
    stub([made_up(1)])
    _, (reply,) = await run(need="anxiety", area="kent", location="Dartford, Kent",
                            other_needs=others)
    assert "You also mentioned" not in reply


# -- nothing to show ---------------------------------------------------------------------------

async def test_catalogue_down_gives_the_24_7_routes(monkeypatch):
    def broken():
        raise OperationalError("select", {}, Exception("database is locked"))
    monkeypatch.setattr(actions_search, "catalogue", broken)
    assert await run(need="anxiety", age=15, area="kent") == ([SlotSet("shown", None)],
                                                              [CATALOGUE_DOWN])


async def test_no_match_gives_the_24_7_routes(stub):
    stub([])
    assert await run(need="anxiety", age=15, area="kent") == (
        [SlotSet("shown", None), SlotSet("found_local", False)], [NO_MATCH])


async def test_no_match_with_the_test_catalogue(use_test_catalogue):
    assert await run(need="not_a_need", age=15, area="kent") == (
        [SlotSet("shown", None), SlotSet("found_local", False)], [NO_MATCH])


def test_the_fallback_texts_carry_the_24_7_routes():
    for text in (CATALOGUE_DOWN, NO_MATCH, NONE_OPEN):
        assert text.endswith(ROUTES_24_7)
    assert "999" in ROUTES_24_7 and "SHOUT to 85258" in ROUTES_24_7


# -- more -------------------------------------------------------------------------------------

async def more(**slots):
    return await run(ActionMoreServices, **slots)


@pytest.mark.parametrize("need, age, area, district, location", [
    ("anxiety", 15, "medway", "Medway", "Medway"),
    # conversations12: a list shown with no need named (support in general) goes on too; "is
    # there one open in the evening?" got "tell me what you'd like support with first".
    (None, 22, "essex", "Tendring", "Clacton-on-Sea"),
])
async def test_more_shows_the_next_page_numbered_from_4(use_test_catalogue, catalogue, need, age,
                                                        area, district, location):
    slots = dict(age=age, area=area, district=district, location=location)
    services = expected(catalogue, need or "general_wellbeing", age, area, district)
    assert len(services) > 4
    events, (reply,) = await more(shown=3.0, **slots, **({"need": need} if need else {}))
    assert reply.startswith("Here are more options:\n")
    assert [line.split(":")[0] for line in numbered(reply)] == [
        f"{n}. {s.name}" for n, s in enumerate(services[3:6], 4)]
    assert shown(events) == [SlotSet("shown", float(min(6, len(services))))]


async def test_paging_through_to_the_end(stub, at):
    at(MONDAY_10AM)
    stub([made_up(n) for n in range(1, 8)])
    slots = dict(need="anxiety", area="kent", location="Dartford, Kent")
    events, (reply,) = await run(**slots)
    assert shown(events) == [SlotSet("shown", 3.0)] and SAY_MORE in reply

    events, (reply,) = await more(shown=3.0, **slots)
    assert [line[:20] for line in numbered(reply)] == [
        "4. Made-up service 4", "5. Made-up service 5", "6. Made-up service 6"]
    assert shown(events) == [SlotSet("shown", 6.0)] and SAY_MORE in reply

    events, (reply,) = await more(shown=6.0, **slots)
    assert [line[:20] for line in numbered(reply)] == ["7. Made-up service 7"]
    assert shown(events) == [SlotSet("shown", 7.0)] and SAY_MORE not in reply

    events, messages = await more(shown=7.0, **slots)
    assert events == []
    assert messages == ["That's everything I have for this. " + ROUTES_24_7]
    assert messages == [said("utter_no_more_services")]


async def test_more_does_not_repeat_the_other_need(stub, at):
    at(MONDAY_10AM)
    stub([made_up(n) for n in range(1, 8)])
    _, (reply,) = await more(shown=3.0, need="anxiety", area="kent", location="Dartford, Kent",
                             other_needs=["sleep"])
    assert "You also mentioned" not in reply


async def test_more_on_a_closed_page_gives_the_24_7_routes(stub, at):
    at(SUNDAY_3AM)
    stub([made_up(n) for n in range(1, 6)])
    _, (reply,) = await more(shown=3.0, need="anxiety", area="kent", location="Dartford, Kent")
    assert NONE_OPEN in reply.split("\n")


async def test_more_before_any_results_says_what_to_do(stub):
    catalogue = stub([made_up(1)])
    assert await more() == ([], [NOTHING_YET])
    assert await more(said="anything else?", shown=0.0) == ([], [NOTHING_YET])
    assert catalogue.calls == []


@pytest.mark.parametrize("slots", [{"need": "bereavement"}, {"need": "anxiety", "shown": 0.0},
                                   {"need": "anxiety", "area": "kent", "age": 6}])
async def test_more_before_any_list_with_a_need_named_goes_on_with_the_search(stub, slots):
    """conversations38 (development): a list held back by a (false) danger reply, then "Is
    there anything more for children as young as her?" got "tell me what you'd like support
    with first", the need being known."""
    catalogue = stub([made_up(1)])
    assert await more(said="Is there anything more for children as young as her?", **slots) \
        == ([FollowupAction("signpost_form")], [])
    assert catalogue.calls == []


async def test_more_before_any_list_said_with_a_worry_at_length_gets_the_topics(stub):
    """conversations36 (development): "Year 6 teacher here. One of my boys wrote ... his anger
    in class is getting worse. Any local support?" was read as "more" and got "tell me what
    you'd like support with first"."""
    stub([made_up(1)])
    said_ = ("Year 9 tutor here. One of my girls keeps storming out of lessons and slamming "
             "doors, it's getting worse. Any local support?")
    assert await more(said=said_) == ([], [said("utter_ask_topic")])


async def test_more_when_the_catalogue_is_down(monkeypatch):
    def broken():
        raise OperationalError("select", {}, Exception("database is locked"))
    monkeypatch.setattr(actions_search, "catalogue", broken)
    assert await more(shown=3.0, need="anxiety", area="kent") == ([], [CATALOGUE_DOWN])


async def test_more_uses_the_same_search_as_the_first_page(stub):
    catalogue = stub([made_up(n) for n in range(1, 8)])
    slots = dict(need="sleep", age="not given", area="kent", district="Swale",
                 audience="professional", location="Sheerness, Swale, Kent")
    await run(**slots)
    await more(shown=3.0, **slots)
    first, second = catalogue.calls
    assert first == second == {"need": "sleep", "age": None, "area": "kent", "district": "Swale",
                               "audience": "professional", "limit": None}


# -- asked for something in particular after a list ("do any of them do text only?") -------------

# Made-up: 07700 900xxx is reserved by Ofcom for drama.
TEXTS = ContactView("text", "07700 900123", None, None, None, "confirmed", "https://example.org",
                    date.today())
UNCONFIRMED_TEXTS = ContactView("text", "07700 900456", None, None, None, "unverified",
                                "https://example.org", date.today())
PLACE = dict(need="anxiety", area="kent", location="Ramsgate, Thanet, Kent", shown=3.0)


def texting(number: int, contact=TEXTS) -> ServiceView:
    service = made_up(number)
    object.__setattr__(service, "contacts", (contact,))
    return service


async def test_a_wish_lists_the_shown_ones_that_have_it_then_the_next_with_their_numbers(stub, at):
    at(MONDAY_10AM)
    stub([made_up(1), texting(2), made_up(3), made_up(4), made_up(5), texting(6), made_up(7)])
    events, (reply,) = await more(said="do any of them do text only? i cant do phone calls", **PLACE)
    assert reply.startswith("Services I found that take texts:\n")
    assert [line.split(":")[0] for line in numbered(reply)] == ["2. Made-up service 2",
                                                                 "6. Made-up service 6"]
    assert "no other" not in reply
    assert events == []  # "more" goes on from the list as it was shown


async def test_a_wish_only_shown_services_have_says_there_are_no_others(stub, at):
    at(MONDAY_10AM)
    stub([made_up(1), texting(2), made_up(3), made_up(4)])
    _, (reply,) = await more(said="is there one i can just text", **PLACE)
    assert [line.split(":")[0] for line in numbered(reply)] == ["2. Made-up service 2"]
    assert "I found no other services that take texts." in reply


async def test_a_wish_no_service_has_is_said_and_the_next_ones_follow(stub, at):
    at(MONDAY_10AM)
    # A text number not confirmed is never read out, so it cannot answer "can I text them?".
    stub([made_up(1), made_up(2), made_up(3), texting(4, UNCONFIRMED_TEXTS), made_up(5)])
    events, (none_fit, page) = await more(said="he wont talk on the phone", **PLACE)
    assert none_fit == "None of the services I found say that they take texts or work online."
    assert page.startswith("Here are more options:\n") and numbered(page)[0].startswith("4. ")
    assert SlotSet("shown", 5.0) in events


async def test_times_come_from_the_schedules(stub, at):
    at(MONDAY_10AM)
    late = made_up(5, schedule=tuple((day, 16 * 60, 21 * 60) for day in range(5)))
    stub([made_up(n) for n in range(1, 5)] + [late, made_up(6, always_open=True)])
    _, (reply,) = await more(said="Do any of these run in the evenings? Mum works until 6", **PLACE)
    assert [line.split(":")[0] for line in numbered(reply)] == ["5. Made-up service 5",
                                                                 "6. Made-up service 6"]


async def test_the_way_asked_for_comes_first_in_the_text_message_too(stub, at):
    # Found by the independent review: by SMS, one way in is given, a phone number first, so
    # "Services I found that take texts" showed a number to call.
    at(MONDAY_10AM)
    both = made_up(4)
    object.__setattr__(both, "contacts", (PHONE, TEXTS))
    stub([made_up(1), made_up(2), made_up(3), both])
    tracker_slots = dict(PLACE)
    _, (reply,) = await more(said="any i can text? i cant do phone calls", **tracker_slots)
    assert "4. Made-up service 4: Help for tests. Text 07700 900123; call 01632 960000." in reply
    from signposting.replies import compact_entry
    assert compact_entry(both, 4, prefer=("text",)) == "4. Made-up service 4: text 07700 900123."
    assert compact_entry(both, 4) == "4. Made-up service 4: call 01632 960000."


async def test_more_without_a_wish_is_the_next_page(stub, at):
    at(MONDAY_10AM)
    stub([made_up(1), texting(2), made_up(3), made_up(4), texting(5)])
    _, (reply,) = await more(said="more please", **PLACE)
    assert reply.startswith("Here are more options:\n")


# -- what the insights job reads (domain/insights.yml) -----------------------------------------

async def test_a_search_records_whether_it_found_and_showed_a_local_service(
        use_test_catalogue, catalogue):
    events, _ = await run(need="anxiety", age=15, area="medway", district="Medway",
                          location="Medway")
    assert SlotSet("found_local", True) in events and SlotSet("shown_local", True) in events
    events, _ = await run(need="low_mood", age=15, area="outside", location="SW1A 1AA")
    assert SlotSet("found_local", False) in events and SlotSet("shown_local", False) in events


async def test_more_records_whether_any_service_shown_so_far_was_local(stub, at):
    at(MONDAY_10AM)
    national = [made_up(n) for n in range(1, 4)]
    for service in national:
        object.__setattr__(service, "areas", ("national",))
    stub(national + [made_up(4)])
    events, _ = await run(need="anxiety", area="kent", location="Dartford, Kent")
    assert SlotSet("found_local", True) in events and SlotSet("shown_local", False) in events
    events, _ = await more(need="anxiety", area="kent", location="Dartford, Kent", shown=3.0)
    assert events == [SlotSet("shown", 4.0), SlotSet("shown_local", True)]


async def test_yes_to_the_further_need_offered_searches_for_it():
    from actions.signposting import ActionAcceptOtherNeed
    events, replies = await run(ActionAcceptOtherNeed, need="bullying", other_needs=["sleep"],
                                age=9, area="kent", location="Tunbridge Wells")
    assert SlotSet("need", "sleep") in events and SlotSet("other_needs", None) in events
    assert FollowupAction("action_find_services") in events and replies == []


async def test_a_plain_yes_with_nothing_offered_is_invited_to_say_more():
    from actions.signposting import ActionAcceptOtherNeed
    events, replies = await run(ActionAcceptOtherNeed, need="bullying", other_needs=None)
    assert not any(e.get("event") == "followup" for e in events)
    assert replies == [said("utter_tell_me_more")]

