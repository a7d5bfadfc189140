"""The feedback question follows a list of services only: not a failed search, not an empty
one, and never in a session that had an urgent reply."""
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.feedback import ActionOfferFeedback

AFTER_URGENT = [{"event": "session_started"},
                {"event": "action", "name": "utter_crisis_suicidal"}]


async def offered(shown, events=()) -> bool:
    tracker = Tracker(sender_id="test", slots={"shown": shown}, latest_message={},
                      events=[{"event": "session_started"}, *events], paused=False,
                      followup_action=None, active_loop={},
                      latest_action_name="action_find_services")
    result = await ActionOfferFeedback().run(CollectingDispatcher(), tracker, {})
    return any(e.get("event") == "followup" and e.get("name") == "utter_ask_feedback"
               for e in result)


async def test_asked_after_a_list_of_services():
    assert await offered(3.0)


async def test_not_asked_when_the_catalogue_was_down_or_nothing_was_found():
    # action_find_services sets shown to None in both cases; a question about a list the
    # person never saw would follow the honest "the directory is not available" reply.
    assert not await offered(None)


async def test_not_asked_after_an_urgent_reply_or_twice():
    assert not await offered(3.0, AFTER_URGENT[1:])
    assert not await offered(3.0, [{"event": "action", "name": "utter_ask_feedback"}])


async def test_not_asked_after_a_list_that_offers_a_further_need():
    # "You also mentioned sleep: just say" ends that list; a "yes please" is for sleep.
    tracker = Tracker(sender_id="test", slots={"shown": 3.0, "need": "bullying",
                                               "other_needs": ["sleep"]},
                      latest_message={}, events=[{"event": "session_started"}], paused=False,
                      followup_action=None, active_loop={},
                      latest_action_name="action_find_services")
    assert await ActionOfferFeedback().run(CollectingDispatcher(), tracker, {}) == []
