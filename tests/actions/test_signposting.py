import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import OperationalError

from actions import signposting
from actions.signposting import CATALOGUE_DOWN, ActionFindServices


def tracker(**slots) -> Tracker:
    return Tracker(sender_id="test", slots=slots, latest_message={}, events=[], paused=False,
                   followup_action=None, active_loop={}, latest_action_name="signpost_form")


@pytest.fixture
def use_test_catalogue(monkeypatch, catalogue):
    monkeypatch.setattr(signposting, "catalogue", lambda: catalogue)


async def run(**slots):
    dispatcher = CollectingDispatcher()
    events = await ActionFindServices().run(dispatcher, tracker(**slots), {})
    assert events == []
    return [m["text"] for m in dispatcher.messages]


async def test_lists_the_best_three_local_services(use_test_catalogue, catalogue):
    (reply,) = await run(need="anxiety", age=15, area="medway", location="Medway")
    expected = [m.service.name for m in catalogue.search("anxiety", 15, "medway")]
    assert reply.startswith("Here is support that could help near Medway:")
    for number, name in enumerate(expected, 1):
        assert f"{number}. {name}:" in reply
    assert "4." not in reply


async def test_outside_area_gets_national_services(use_test_catalogue):
    (reply,) = await run(need="low_mood", age=15, area="outside", location="SW1A 1AA")
    assert reply.startswith("Here is support available across the UK:")
    assert "Kent" not in reply and "SET CAMHS" not in reply


async def test_catalogue_down_gives_the_24_7_routes(monkeypatch):
    def broken():
        raise OperationalError("select", {}, Exception("database is locked"))
    monkeypatch.setattr(signposting, "catalogue", broken)
    assert await run(need="anxiety", age=15, area="kent") == [CATALOGUE_DOWN]


async def test_age_not_given_searches_without_an_age(use_test_catalogue):
    (reply,) = await run(need="anxiety", age="not given", area="outside", location="not given")
    assert reply.startswith("Here is support available across the UK:")
