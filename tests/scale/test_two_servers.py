"""Two Rasa servers behind an imaginary load balancer: any server can take any turn.

Both servers run the trained model with endpoints.production.yml (PostgreSQL tracker store,
Redis lock store; TLS to the local Redis off) and one action server reading the catalogue from
PostgreSQL. Messages and sender ids are made up.
"""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List, Sequence

from services_catalog.db import make_engine
from services_catalog.query import Catalogue

from .conftest import (
    LOCK_PREFIX,
    NO_TLS_LINE,
    PRODUCTION_ENDPOINTS,
    TLS_LINE,
    new_sender,
    post,
    stored_events,
    text_of,
)

# -- helpers -------------------------------------------------------------------------------

def turns(events: List[dict]) -> List[dict]:
    """The stored conversation cut into turns: each user message with the events after it,
    up to the next user message."""
    result: List[dict] = []
    for event in events:
        if event["type_name"] == "user":
            result.append({"user": event, "after": []})
        elif result:
            result[-1]["after"].append(event)
    return result


def bot_texts(turn: dict) -> List[str]:
    return [e["data"].get("text") for e in turn["after"] if e["type_name"] == "bot"]


def latest_slots(events: List[dict]) -> Dict[str, object]:
    slots: Dict[str, object] = {}
    for event in events:
        if event["type_name"] == "slot":
            slots[event["data"]["name"]] = event["data"]["value"]
    return slots


def assert_stored_in_order(events: List[dict], sent: List[str], replies: List[List[dict]]):
    """Every message once, in the order sent, each followed by exactly the replies its
    sender received and by the bot listening again before the next message."""
    conversation = turns(events)
    assert [t["user"]["data"]["text"] for t in conversation] == sent
    for turn, received in zip(conversation, replies):
        assert bot_texts(turn) == [r["text"] for r in received], turn["user"]["data"]["text"]
        assert turn["after"][-1]["action_name"] == "action_listen"
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps)


def numbered_names(reply: str, known: Sequence[str] = ()) -> Dict[int, str]:
    """'4. Shout: Free, ...' -> {4: 'Shout'}; a name of ``known`` that has a colon in it
    ("Growing Minds: Affordable Service ...") is read whole."""
    names = {}
    longest_first = sorted(known, key=len, reverse=True)
    for line in reply.splitlines():
        number, dot, rest = line.partition(". ")
        if dot and number.isdigit():
            names[int(number)] = next((n for n in longest_first if rest.startswith(n + ":")),
                                      rest.split(":", 1)[0])
    return names


def lock_keys(sender: str):
    """The conversation's keys in Redis, as bot/stores/lock_store.py names them."""
    base = f"{LOCK_PREFIX}{{{sender}}}"
    return f"{base}:next", f"{base}:queue", f"{base}:expires"


def lock_tickets(redis_sync, sender: str) -> int:
    return redis_sync.zcard(lock_keys(sender)[1])


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds}s: {what}")
        time.sleep(0.005)


# -- the endpoints under test ---------------------------------------------------------------

def test_the_servers_use_the_production_endpoints_with_only_tls_to_redis_off(endpoints_file):
    production = PRODUCTION_ENDPOINTS.read_text(encoding="utf-8").splitlines()
    tested = endpoints_file.read_text(encoding="utf-8").splitlines()
    assert len(production) == len(tested)
    changed = [(p, t) for p, t in zip(production, tested) if p != t]
    assert changed == [(TLS_LINE, NO_TLS_LINE)]


# -- one conversation, alternating between the servers --------------------------------------

def test_one_conversation_alternating_between_two_servers(rasa_servers, tracker_engine,
                                                          pg_catalogue):
    a, b = rasa_servers
    sender = new_sender("alternating")
    catalogue = Catalogue(make_engine(pg_catalogue))
    sent, replies = [], []

    def say(server: str, message: str) -> str:
        sent.append(message)
        replies.append(post(server, sender, message))
        assert replies[-1], f"no reply to {message!r}"
        return text_of(replies[-1])

    # A hears the need and asks the age; B, which has never seen this conversation, takes the
    # answer as the age (the form's state came from PostgreSQL) and asks where.
    reply = say(a, "I'm being bullied at school")
    assert "Bullying is never OK" in reply
    assert replies[-1][-1]["text"].endswith("How old are you (or the young person you're asking about)?")
    reply = say(b, "15")
    assert reply.startswith("Where do you live?")

    # A finishes the form with the place and shows the first three services for bullying,
    # 15, Dartford, in the catalogue's order (read from PostgreSQL by the action server).
    reply = say(a, "Dartford")
    assert reply.startswith("Here is support that could help near Dartford, Kent:")
    assert 'Say "more" to see other options.' in reply
    slots = latest_slots(stored_events(tracker_engine, sender))
    assert (slots["need"], slots["age"], slots["area"], slots["district"]) == (
        "bullying", 15, "kent", "Dartford")
    expected = [m.service.name for m in catalogue.search(
        "bullying", age=15, area="kent", district="Dartford", audience=slots["audience"],
        limit=None)]
    assert len(expected) > 6
    assert numbered_names(reply, expected) == dict(enumerate(expected[:3], 1))

    # B continues the list where A stopped.
    reply = say(b, "more")
    assert reply.startswith("Here are more options:")
    assert numbered_names(reply, expected) == dict(enumerate(expected[3:6], 4))

    # A corrects the age and searches again; B answers a question without losing the place.
    reply = say(a, "actually I'm 12")
    expected_12 = [m.service.name for m in catalogue.search(
        "bullying", age=12, area="kent", district="Dartford", audience=slots["audience"],
        limit=3)]
    assert reply.startswith("Here is support that could help near Dartford, Kent:")
    assert numbered_names(reply, expected_12) == dict(enumerate(expected_12, 1))
    reply = say(b, "who can see this?")
    assert "nobody reads this chat" in reply

    events = stored_events(tracker_engine, sender)
    assert_stored_in_order(events, sent, replies)
    slots = latest_slots(events)
    assert (slots["age"], slots["district"], slots["shown"]) == (12, "Dartford", 3.0)


def test_the_action_server_reads_the_catalogue_from_postgresql(rasa_servers, tracker_engine,
                                                               scale_settings):
    """After a search, the action server holds a connection to the PostgreSQL catalogue."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    sender = new_sender("catalogue")
    post(rasa_servers[0], sender, "I feel lonely")
    post(rasa_servers[1], sender, "16")
    assert "near Chelmsford" in text_of(post(rasa_servers[0], sender, "Chelmsford"))
    database = make_url(scale_settings["TEST_CATALOGUE_DB_URL"]).database
    with tracker_engine.connect() as connection:
        connected = connection.execute(sa.text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()"),
            {"db": database}).scalar()
    assert connected >= 1


# -- messages in flight on both servers at once ---------------------------------------------

def test_messages_in_flight_on_both_servers_are_handled_one_at_a_time(
        rasa_servers, tracker_engine, redis_sync):
    """Another server holds the conversation's lock (a ticket issued in Redis by the lock
    store's own script) while one message arrives at each server. Both must queue behind it,
    answer only after it expires, and then take their turns one after the other, in the order
    they queued, each turn stored whole."""
    from bot.stores.lock_store import ISSUE

    a, b = rasa_servers
    sender = new_sender("concurrent")
    held = redis_sync.eval(ISSUE, 3, *lock_keys(sender), 5000)
    held_until = int(redis_sync.hget(lock_keys(sender)[2], held)) / 1000
    try:
        messages = [(a, "I feel anxious about my exams"), (b, "I can't sleep at night")]
        answered: Dict[str, float] = {}
        results: Dict[str, List[dict]] = {}

        def send(server: str, message: str) -> None:
            results[message] = post(server, sender, message)
            answered[message] = time.time()

        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = []
            for queued, (server, message) in enumerate(messages, start=2):
                futures.append(pool.submit(send, server, message))
                wait_until(lambda: lock_tickets(redis_sync, sender) >= queued, 10,  # noqa: B023
                           f"{message!r} queued in Redis behind the held ticket")
            assert time.time() < held_until and not answered, "answered while the lock was held"
            for future in futures:
                future.result(timeout=60)

        for _, message in messages:
            assert results[message], f"no reply to {message!r}"
            assert answered[message] >= held_until
        events = stored_events(tracker_engine, sender)
        assert_stored_in_order(events, [m for _, m in messages], [results[m] for _, m in messages])
        first, second = turns(events)
        assert first["user"]["timestamp"] >= held_until
        assert second["user"]["timestamp"] >= first["after"][-1]["timestamp"]
        wait_until(lambda: lock_tickets(redis_sync, sender) == 0, 5, "the queue emptied")
    finally:
        redis_sync.delete(*lock_keys(sender))   # left by a failed run only


ROUNDS = 12


def test_two_messages_reaching_both_servers_at_the_same_instant_are_both_kept(
        rasa_servers, tracker_engine):
    """Rasa's own Redis lock lost one of the two turns in 4 of 12 such rounds here
    (docs/deploy.md); bot/stores/lock_store.py must lose none."""
    import threading

    a, b = rasa_servers
    lost = []
    for round_ in range(ROUNDS):
        sender = new_sender(f"instant{round_}")
        post(a, sender, "hello")
        start = threading.Barrier(2)
        results: Dict[str, List[dict]] = {}
        messages = [(a, "I feel anxious about my exams"), (b, "I can't sleep at night")]

        # Called within this round only, so the round's names are the ones meant.
        def send(server: str, message: str) -> None:
            start.wait()  # noqa: B023
            results[message] = post(server, sender, message)  # noqa: B023

        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [pool.submit(send, s, m) for s, m in messages]:
                future.result(timeout=60)
        conversation = turns(stored_events(tracker_engine, sender))
        stored = [t["user"]["data"]["text"] for t in conversation]
        if sorted(stored[1:]) != sorted(m for _, m in messages):
            lost.append((round_, stored))
            continue
        for turn in conversation[1:]:  # each turn whole: its own replies, then listening
            text = turn["user"]["data"]["text"]
            assert bot_texts(turn) == [r["text"] for r in results[text]], text
            assert turn["after"][-1]["action_name"] == "action_listen"
    assert lost == [], f"turns lost in {len(lost)} of {ROUNDS} rounds: {lost}"


# -- "delete my data" -------------------------------------------------------------------------

def test_delete_my_data_on_one_server_erases_the_conversation_for_both(rasa_servers,
                                                                       tracker_engine):
    a, b = rasa_servers
    sender = new_sender("erase")
    post(a, sender, "I feel anxious all the time")
    assert "Where do you live" in text_of(post(b, sender, "14"))
    assert "Do you want me to delete this conversation?" in text_of(post(a, sender, "delete my data"))
    assert len(stored_events(tracker_engine, sender)) > 10

    assert text_of(post(b, sender, "yes")).startswith("Done. I've deleted this conversation.")
    assert stored_events(tracker_engine, sender) == []

    # A, which took most of the conversation, has nothing of it left either.
    reply = text_of(post(a, sender, "more"))
    assert reply.startswith("Tell me what you'd like support with first")
    stored = stored_events(tracker_engine, sender)
    assert [e["data"]["text"] for e in stored if e["type_name"] == "user"] == ["more"]
    assert not any("I feel anxious all the time" in json.dumps(e["data"]) for e in stored)
    assert "need" not in latest_slots(stored) and "age" not in latest_slots(stored)
