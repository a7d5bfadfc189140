"""Tracker stores that forget a conversation when the person confirms "delete my data"."""
import sqlite3

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.stores.tracker_store import (
    ERASE_ON,
    ErasableInMemoryTrackerStore,
    ErasableSQLTrackerStore,
    erasure_requested,
)


def user(text, intent):
    return UserUttered(text, {"name": intent, "confidence": 1.0})


def turn(text, intent, *bot_actions):
    events = [user(text, intent)]
    for action in bot_actions:
        events.append(ActionExecuted(action))
        if action.startswith("utter_"):
            events.append(BotUttered(f"(text of {action})"))
    return events + [ActionExecuted("action_listen")]


OPENING = ([ActionExecuted("action_listen")]
           + turn("i feel anxious", "need_anxiety", "utter_acknowledge_anxiety", "signpost_form")
           + [SlotSet("age", "15"), SlotSet("location", "Dartford, Kent")])
ASK_TO_DELETE = turn("delete my data", "delete_my_data", "utter_confirm_delete")
CONFIRM = turn("yes", "affirm", ERASE_ON)


def tracker(sender_id, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender_id, list(events))


def stored_rows(path, sender_id):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT type_name, action_name FROM events WHERE sender_id = ?",
                          (sender_id,)).fetchall()


@pytest.fixture
def sql_store(tmp_path):
    path = tmp_path / "trackers.db"
    return ErasableSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path)), path


@pytest.fixture
def memory_store():
    return ErasableInMemoryTrackerStore(Domain.empty())


# -- when to erase --------------------------------------------------------------------------

def test_a_normal_turn_is_not_an_erasure():
    assert not erasure_requested(tracker("a", *OPENING, *ASK_TO_DELETE))


def test_the_confirmed_turn_is_an_erasure():
    assert erasure_requested(tracker("a", *OPENING, *ASK_TO_DELETE, *CONFIRM))


def test_a_deletion_before_the_latest_user_message_is_not_an_erasure():
    events = [*OPENING, *ASK_TO_DELETE, *CONFIRM, *turn("hi", "greet", "utter_greet")]
    assert not erasure_requested(tracker("a", *events))


def test_the_marker_must_be_the_deletion_reply_itself():
    events = [*OPENING, *turn("yes", "affirm", "utter_conversation_started")]
    assert not erasure_requested(tracker("a", *events))


# -- SQL store ------------------------------------------------------------------------------

async def test_sql_a_tracker_saved_normally_keeps_its_events(sql_store):
    store, path = sql_store
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    rows = stored_rows(path, "alice")
    assert len(rows) == len(conversation.events)
    assert ("user", None) in rows and ("action", "signpost_form") in rows
    assert len((await store.retrieve("alice")).events) == len(conversation.events)


async def test_sql_later_turns_are_appended(sql_store):
    store, path = sql_store
    await store.save(tracker("alice", *OPENING))
    await store.save(tracker("alice", *OPENING, *ASK_TO_DELETE))
    assert len(stored_rows(path, "alice")) == len(OPENING) + len(ASK_TO_DELETE)


async def test_sql_confirmed_deletion_erases_every_row_of_that_conversation(sql_store):
    store, path = sql_store
    await store.save(tracker("alice", *OPENING))
    await store.save(tracker("alice", *OPENING, *ASK_TO_DELETE))
    assert stored_rows(path, "alice")

    await store.save(tracker("alice", *OPENING, *ASK_TO_DELETE, *CONFIRM))

    assert stored_rows(path, "alice") == []
    assert await store.retrieve("alice") is None
    assert "alice" not in await store.keys()


async def test_sql_erasure_leaves_other_conversations_alone(sql_store):
    store, path = sql_store
    bob = tracker("bob", *OPENING, *ASK_TO_DELETE)
    await store.save(bob)
    await store.save(tracker("alice", *OPENING))
    bob_rows = stored_rows(path, "bob")

    await store.save(tracker("alice", *OPENING, *ASK_TO_DELETE, *CONFIRM))

    assert stored_rows(path, "alice") == []
    assert stored_rows(path, "bob") == bob_rows and len(bob_rows) == len(bob.events)


async def test_sql_an_earlier_deletion_marker_does_not_erase(sql_store):
    store, path = sql_store
    events = [*OPENING, *ASK_TO_DELETE, *CONFIRM, *turn("hi", "greet", "utter_greet")]
    await store.save(tracker("alice", *events))
    assert len(stored_rows(path, "alice")) == len(events)


async def test_sql_the_next_conversation_after_an_erasure_starts_afresh(sql_store):
    store, path = sql_store
    await store.save(tracker("alice", *OPENING, *ASK_TO_DELETE))
    await store.save(tracker("alice", *OPENING, *ASK_TO_DELETE, *CONFIRM))
    fresh = tracker("alice", ActionExecuted("action_listen"), *turn("hi", "greet", "utter_greet"))
    await store.save(fresh)
    rows = stored_rows(path, "alice")
    assert len(rows) == len(fresh.events)
    assert ("action", "signpost_form") not in rows


async def test_sql_erase_returns_how_many_rows_went(sql_store):
    store, path = sql_store
    await store.save(tracker("alice", *OPENING))
    assert store.erase("alice") == len(OPENING)
    assert store.erase("alice") == 0
    assert stored_rows(path, "alice") == []


# -- in-memory store ------------------------------------------------------------------------

async def test_memory_a_tracker_saved_normally_keeps_its_events(memory_store):
    conversation = tracker("alice", *OPENING)
    await memory_store.save(conversation)
    assert len((await memory_store.retrieve("alice")).events) == len(conversation.events)


async def test_memory_confirmed_deletion_forgets_only_that_conversation(memory_store):
    await memory_store.save(tracker("alice", *OPENING))
    await memory_store.save(tracker("bob", *OPENING))
    bob_before = memory_store.store["bob"]

    await memory_store.save(tracker("alice", *OPENING, *ASK_TO_DELETE, *CONFIRM))

    assert "alice" not in memory_store.store
    assert await memory_store.retrieve("alice") is None
    assert memory_store.store["bob"] == bob_before


async def test_memory_erasure_of_an_unknown_conversation_does_not_fail(memory_store):
    await memory_store.save(tracker("carol", *OPENING, *ASK_TO_DELETE, *CONFIRM))
    assert "carol" not in memory_store.store


async def test_memory_an_earlier_deletion_marker_does_not_erase(memory_store):
    events = [*OPENING, *ASK_TO_DELETE, *CONFIRM, *turn("hi", "greet", "utter_greet")]
    await memory_store.save(tracker("alice", *events))
    assert len((await memory_store.retrieve("alice")).events) == len(events)


def test_the_sqlite_store_writes_ahead_and_syncs_at_checkpoints(tmp_path):
    from bot.stores.tracker_store import ErasableSQLTrackerStore

    store = ErasableSQLTrackerStore(dialect="sqlite", db=str(tmp_path / "t.sqlite"))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


async def test_sql_erased_text_is_left_neither_in_the_file_nor_in_the_write_ahead_log(sql_store):
    from pathlib import Path

    import sqlalchemy

    store, path = sql_store
    secret = "my-made-up-secret-worry-0f3a9"

    def like_a_build_without_secure_delete(connection, _):
        connection.execute("PRAGMA secure_delete = OFF")

    sqlalchemy.event.listen(store.engine, "connect", like_a_build_without_secure_delete)
    said = turn(secret, "need_anxiety", "utter_acknowledge_anxiety")
    await store.save(tracker("alice", *OPENING, *said))
    await store.save(tracker("bob", *OPENING))  # another conversation stays
    files = [Path(str(path)), Path(f"{path}-wal")]
    assert any(secret.encode() in f.read_bytes() for f in files if f.exists())

    await store.save(tracker("alice", *OPENING, *said, *ASK_TO_DELETE, *CONFIRM))

    assert not any(secret.encode() in f.read_bytes() for f in files if f.exists())
    assert stored_rows(path, "bob")


# -- conversations kept between turns (bot/stores/kept_trackers.py) --------------------------------

def stored_columns(path, sender_id):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT sender_id, type_name, timestamp, intent_name, action_name, "
                          "data FROM events WHERE sender_id = ? ORDER BY id",
                          (sender_id,)).fetchall()


def as_dicts(conversation):
    return [event.as_dict() for event in conversation.events]


def another_server(path):
    return ErasableSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))


async def test_sql_the_saved_tracker_is_used_next_turn_while_nothing_changed(sql_store):
    store, _ = sql_store
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    assert await store.retrieve("alice") is conversation
    assert await store.retrieve("alice") is conversation


async def test_sql_turns_on_a_kept_tracker_are_stored_once_each_and_in_order(sql_store):
    store, path = sql_store
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    for text in ("i cant sleep", "im 15", "dartford"):
        kept = await store.retrieve("alice")
        assert kept is conversation
        for event in turn(text, "inform", "utter_ack"):
            kept.update(event)
        await store.save(kept)
    assert len(stored_rows(path, "alice")) == len(conversation.events)
    assert as_dicts(await another_server(path).retrieve("alice")) == as_dicts(conversation)


async def test_sql_rows_written_from_a_kept_tracker_are_those_rasa_writes(tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore

    ours = ErasableSQLTrackerStore(domain=Domain.empty(), dialect="sqlite",
                                   db=str(tmp_path / "ours.db"))
    rasas = SQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "rasa.db"))
    conversation = tracker("alice", *OPENING)
    for store in (ours, rasas):
        await store.save(conversation)
    kept = await ours.retrieve("alice")
    assert kept is conversation
    for event in [SlotSet("age", 15.0), *turn("i feel anxious", "need_anxiety", "utter_ack")]:
        kept.update(event)
    for store in (ours, rasas):
        await store.save(kept)
    assert (stored_columns(tmp_path / "ours.db", "alice")
            == stored_columns(tmp_path / "rasa.db", "alice"))


async def test_sql_another_servers_turn_is_seen(sql_store):
    store, path = sql_store
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    other = another_server(path)
    theirs = await other.retrieve("alice")
    for event in turn("im 15", "inform", "utter_ack"):
        theirs.update(event)
    await other.save(theirs)

    ours = await store.retrieve("alice")
    assert ours is not conversation
    assert as_dicts(ours) == as_dicts(theirs)
    for event in turn("dartford", "inform", "utter_ack"):
        ours.update(event)
    await store.save(ours)
    assert len(stored_rows(path, "alice")) == len(ours.events)


async def test_sql_an_erasure_on_another_server_is_seen(sql_store):
    store, path = sql_store
    await store.save(tracker("alice", *OPENING))
    another_server(path).erase("alice")
    assert await store.retrieve("alice") is None


async def test_sql_a_conversation_purged_by_the_retention_job_is_not_brought_back(sql_store):
    store, path = sql_store
    await store.save(tracker("alice", *OPENING))
    with sqlite3.connect(path) as db:  # another process deletes the rows
        db.execute("DELETE FROM events WHERE sender_id = 'alice'")
    assert await store.retrieve("alice") is None


async def test_sql_a_turn_that_failed_before_saving_is_not_used(sql_store):
    store, path = sql_store
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    conversation.update(user("this turn never got saved", "inform"))
    again = await store.retrieve("alice")
    assert again is not conversation
    assert len(again.events) == len(stored_rows(path, "alice")) == len(OPENING)


async def test_sql_a_new_session_is_read_back_from_the_database(sql_store):
    from rasa.shared.core.events import SessionStarted

    store, path = sql_store
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    for event in [ActionExecuted("action_session_start"), SessionStarted(),
                  ActionExecuted("action_listen"), *turn("hi", "greet", "utter_greet")]:
        conversation.update(event)
    await store.save(conversation)
    again = await store.retrieve("alice")
    assert again is not conversation  # the database read starts at the latest session
    assert len(stored_rows(path, "alice")) == len(conversation.events)
    assert again.events[0].type_name == "session_started"


async def test_sql_a_new_conversation_is_kept_from_its_first_turn(sql_store):
    from rasa.shared.core.events import SessionStarted

    store, path = sql_store
    conversation = await store.get_or_create_tracker("alice")  # saves the opening listen
    for event in [ActionExecuted("action_session_start"), SessionStarted(),
                  ActionExecuted("action_listen"), *turn("hi", "greet", "utter_greet")]:
        conversation.update(event)
    await store.save(conversation)
    assert await store.retrieve("alice") is conversation
    assert len(stored_rows(path, "alice")) == len(conversation.events)
    from_database = await another_server(path).retrieve("alice")
    assert from_database.applied_events() == conversation.applied_events()


async def test_sql_nothing_is_kept_when_keeping_is_off(tmp_path):
    store = ErasableSQLTrackerStore(domain=Domain.empty(), dialect="sqlite",
                                    db=str(tmp_path / "t.db"), keep_conversations=0)
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    again = await store.retrieve("alice")
    assert again is not conversation and as_dicts(again) == as_dicts(conversation)


async def test_sql_with_an_event_broker_every_new_event_is_streamed_once(tmp_path):
    class Broker:
        def __init__(self):
            self.published = []

        def publish(self, event, *args, **kwargs):
            self.published.append(event)

    broker = Broker()
    store = ErasableSQLTrackerStore(domain=Domain.empty(), dialect="sqlite",
                                    db=str(tmp_path / "t.db"), event_broker=broker)
    conversation = tracker("alice", *OPENING)
    await store.save(conversation)
    again = await store.retrieve("alice")
    assert again is not conversation
    for event in turn("im 15", "inform", "utter_ack"):
        again.update(event)
    await store.save(again)
    assert len(broker.published) == len(again.events)
