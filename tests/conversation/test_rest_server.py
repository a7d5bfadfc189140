"""The real HTTP server, configured as `make run` configures it, with no action server."""
import sqlite3
from pathlib import Path

import pytest

from tests.support.model import assert_crisis_routes
from tests.support.processes import RasaServer, post_json, unused_url


@pytest.fixture(scope="module")
def rasa_server(model_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rest-server")
    trackers = folder / "trackers.sqlite"
    with RasaServer(Path(model_path), trackers, unused_url(), folder) as rasa:
        yield rasa, trackers


def test_rest_crisis_reply_without_action_server_is_stored(rasa_server):
    rasa, trackers = rasa_server
    status, replies = post_json(rasa.rest, {"sender": "t1", "message": "i want to kill myself"},
                                timeout=30)
    assert status == 200
    assert_crisis_routes("\n".join(r["text"] for r in replies))
    with sqlite3.connect(trackers) as db:
        kinds = [row[0] for row in db.execute(
            "select type_name from events where sender_id = 't1' order by id")]
    assert "user" in kinds and "bot" in kinds
