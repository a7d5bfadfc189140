"""The real HTTP server, configured as `make run` configures it, with no action server."""
import json
import os
import sqlite3
import subprocess
import urllib.request

import pytest

from .conftest import ROOT, assert_crisis_routes, free_port, wait_for

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def rasa_server(model_path, tmp_path_factory):
    port = free_port()
    trackers = tmp_path_factory.mktemp("trackers") / "trackers.sqlite"
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_SQLITE_PATH=str(trackers),
               ACTION_SERVER_URL=f"http://127.0.0.1:{free_port()}/webhook",
               RASA_TELEMETRY_ENABLED="false")
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "rasa"), "run", "--model", model_path, "--port", str(port),
         "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", process, 180)
        yield f"http://127.0.0.1:{port}", trackers
    finally:
        process.terminate()
        process.wait(timeout=30)


def post(url: str, payload: dict) -> list:
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook",
                                     data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_rest_crisis_reply_without_action_server_is_stored(rasa_server):
    url, trackers = rasa_server
    replies = post(url, {"sender": "t1", "message": "i want to kill myself"})
    assert_crisis_routes("\n".join(r["text"] for r in replies))
    with sqlite3.connect(trackers) as db:
        kinds = [row[0] for row in db.execute(
            "select type_name from events where sender_id = 't1' order by id")]
    assert "user" in kinds and "bot" in kinds
