"""Restarting the Rasa server in the middle of a conversation loses nothing.

A real `rasa run` (credentials.yml, endpoints.yml: the SQLite tracker store at
TRACKER_SQLITE_PATH in a temporary folder) with a real action server, as `make run` starts
them (tests/support/processes.py). The form is started, the server is stopped (SIGTERM, as Ctrl-C or a
service manager stops it) and started again on the same tracker database; the answer to the
form's question is taken as if nothing had happened. Then the server is killed outright
(SIGKILL: a crash, an out-of-memory kill) and the conversation still finishes with services.
A turn in progress when the server is told to stop is finished, answered and stored.
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from tests.support.processes import ActionServer, RasaServer, say, snapshot_model, stored_events


@pytest.fixture(scope="module")
def stack(model_path, catalogue_url, tmp_path_factory):
    """(the Rasa server, the action server), both running."""
    folder = tmp_path_factory.mktemp("restart")
    model = snapshot_model(folder, Path(model_path))
    with ActionServer(catalogue_url, folder) as actions:
        # The hung-action-server test needs Rasa to give up (bot/patches/action_calls.py) before
        # Sanic's graceful shutdown does (15 s): the default, set here whatever the caller's.
        rasa = RasaServer(model, folder / "trackers.sqlite", actions.webhook, folder,
                          ACTION_SERVER_TIMEOUT="10")
        rasa.start()
        try:
            yield rasa, actions
        finally:
            rasa.stop()


def user_texts(events: List[Dict]) -> List[str]:
    return [e["text"] for e in events if e["event"] == "user"]


def assert_kept(before: List[Dict], after: List[Dict]) -> None:
    """Everything stored before the restart is still there, unchanged and first."""
    assert after[:len(before)] == before


def test_the_form_carries_on_after_a_restart_and_after_a_crash(stack):
    rasa, _ = stack
    person = f"restart-{uuid.uuid4()}"
    assert "How old" in say(rasa, person, "I'm being bullied")
    before = stored_events(rasa.trackers, person)

    assert rasa.stop() == 0, rasa.log_tail()       # stopped as Ctrl-C stops it
    rasa.start()
    assert "Where do you live" in say(rasa, person, "15")   # the form's next question
    after_restart = stored_events(rasa.trackers, person)
    assert_kept(before, after_restart)

    rasa.kill()                                      # then a crash
    rasa.start()
    reply = say(rasa, person, "Dartford")
    if "Reply 1" in reply:                           # who is asking, when it matters here
        reply = say(rasa, person, "1")
    assert "Here is support" in reply and "Dartford" in reply
    events = stored_events(rasa.trackers, person)
    assert_kept(after_restart, events)
    assert user_texts(events)[:3] == ["I'm being bullied", "15", "Dartford"]
    # One session throughout: the restarts did not start the conversation afresh.
    assert [e["event"] for e in events].count("session_started") == 1
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["need"] == "bullying" and slots["age"] == 15 and slots["area"] == "kent"


@contextlib.contextmanager
def hung(actions: ActionServer) -> Iterator[None]:
    """The action server replaced, on its port, by one that accepts and never answers."""
    actions.stop()
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", actions.port))
    listener.listen(16)
    try:
        yield
    finally:
        listener.close()
        actions.start()


def test_a_turn_in_progress_when_the_server_stops_is_finished_and_stored(stack):
    """The turn waits for a hung action server (up to ACTION_SERVER_TIMEOUT, 10 s) when the
    server is told to stop: Sanic lets the request finish first, so the person gets the
    honest reply and the turn is stored."""
    rasa, actions = stack
    if not rasa.running():
        rasa.start()
    person = f"restart-{uuid.uuid4()}"
    say(rasa, person, "i feel anxious all the time")
    say(rasa, person, "16")
    answer: Dict[str, str] = {}
    with hung(actions):
        turn = threading.Thread(target=lambda: answer.update(reply=say(rasa, person, "Chelmsford")))
        turn.start()
        time.sleep(2)
        assert turn.is_alive(), "the turn should still be waiting for the action server"
        code = rasa.stop()
        turn.join(timeout=60)
    assert code == 0, rasa.log_tail()
    assert "can't look services up right now" in answer.get("reply", ""), answer
    rasa.start()
    events = stored_events(rasa.trackers, person)
    assert user_texts(events) == ["i feel anxious all the time", "16", "Chelmsford"]
    last_turn = events[max(i for i, e in enumerate(events) if e["event"] == "user"):]
    assert any(e["event"] == "bot" and "can't look services up" in e["text"] for e in last_turn)
    reply = say(rasa, person, "Chelmsford")          # said again: the form carries on
    if "Reply 1" in reply:
        reply = say(rasa, person, "1")
    assert "Here is support" in reply and "Chelmsford" in reply
