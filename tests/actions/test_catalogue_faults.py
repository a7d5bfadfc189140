"""The catalogue database down, locked or misconfigured, under the real Catalogue (no stubs).

The service lookup (actions/signposting.py) must answer with the honest CATALOGUE_DOWN reply
and the 24/7 routes, and the form (actions/forms.py, which asks the catalogue whether who is
asking would change the results) must carry on; neither may crash or hold a turn for long.

SQLite and locks: services_catalog/db.py sets no busy timeout, so a reader waits pysqlite's
default of 5 seconds for a writer's lock before "database is locked". A catalogue read before
the lock keeps answering from its last snapshot (services_catalog/query.py).

tests/actions/test_signposting.py and test_forms.py cover the same replies with stub
catalogues that raise; these use real databases: a copy of the test catalogue held under
BEGIN EXCLUSIVE by another connection, and CATALOGUE_DB_URL values that cannot work.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import pytest
from rasa_sdk.events import SlotSet

from actions import catalogue as actions_catalogue
from actions.signposting import ActionFindServices, ActionMoreServices
from services_catalog.db import SQLITE_BUSY_SECONDS
from services_catalog.query import Catalogue
from signposting.texts import ROUTES_24_7
from tests.support.actions import answer, run
from tests.support.domain import said
from tests.support.processes import ActionServer, exclusive_lock
from tests.support.sanic_apps import free_port

CATALOGUE_DOWN = said("utter_services_unavailable")
#: How long a locked SQLite catalogue is waited on.
BUSY_TIMEOUT = SQLITE_BUSY_SECONDS
#: What a turn may take beyond one busy timeout.
MARGIN = 3.0
SLOTS = dict(need="anxiety", age=15, area="kent", district="Maidstone", location="Maidstone, Kent")


@pytest.fixture(scope="module")
def sqlite_catalogue(tmp_path_factory) -> Path:
    """A SQLite catalogue of its own: locking a file is SQLite's fault mode, whichever database
    the rest of the run uses (make test-scale runs tests/actions on PostgreSQL)."""
    from services_catalog.db import make_engine
    from services_catalog.loader import load

    path = tmp_path_factory.mktemp("sqlite-catalogue") / "catalogue.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    load(engine)
    engine.dispose()
    return path


@pytest.fixture
def catalogue_copy(sqlite_catalogue, tmp_path) -> Path:
    path = tmp_path / "catalogue.sqlite"
    shutil.copyfile(sqlite_catalogue, path)
    return path


@pytest.fixture
def use_url(monkeypatch):
    """The actions' own catalogue() (one per process, lru_cache) made afresh from a URL."""
    def use(url: str) -> None:
        monkeypatch.setenv("CATALOGUE_DB_URL", url)
        actions_catalogue.catalogue.cache_clear()
    yield use
    actions_catalogue.catalogue.cache_clear()


@contextlib.contextmanager
def at_most(seconds: float) -> Iterator[None]:
    started = time.monotonic()
    yield
    took = time.monotonic() - started
    assert took < seconds, f"took {took:.1f} s (at most {seconds:.1f} s allowed)"


# -- locked ----------------------------------------------------------------------------------

@pytest.mark.parametrize("action, expected_events", [(ActionFindServices, [SlotSet("shown", None)]),
                                                     (ActionMoreServices, [])])
async def test_a_locked_catalogue_gets_the_honest_reply_within_the_busy_timeout(
        catalogue_copy, use_url, action, expected_events):
    use_url(f"sqlite:///{catalogue_copy}")
    with exclusive_lock(catalogue_copy), at_most(BUSY_TIMEOUT + MARGIN):
        events, texts = await run(action, shown=3.0, **SLOTS)
    assert (events, texts) == (expected_events, [CATALOGUE_DOWN])
    assert CATALOGUE_DOWN.endswith(ROUTES_24_7)


FORM_WAITS = (
    "BUG: with the catalogue locked and who is asking not yet known, the form's answer to "
    "'where do you live?' takes three busy timeouts (15 s): rasa_sdk calls required_slots three "
    "times per run, each asks the catalogue (_audience_matters) and each waits 5 s, because a "
    "catalogue with no snapshot tries the database again every time. Past "
    "ACTION_SERVER_TIMEOUT (10 s) Rasa gives up on the form's turn. Fix: in "
    "services_catalog/query.py remember a failed refresh for a few "
    "seconds even without a snapshot (raise at once meanwhile); and/or a shorter busy timeout "
    "(create_engine(..., connect_args={'timeout': 2}) for SQLite)")


async def test_a_locked_catalogue_does_not_stop_the_form(catalogue_copy, use_url):
    use_url(f"sqlite:///{catalogue_copy}")
    with exclusive_lock(catalogue_copy), at_most(BUSY_TIMEOUT + MARGIN):
        result, messages = await answer("location", "Maidstone", age=15, need="anxiety")
    assert result["area"] == "kent" and result["requested_slot"] is None and messages == []


async def test_a_catalogue_read_before_the_lock_answers_from_its_last_snapshot(
        catalogue_copy, use_url):
    use_url(f"sqlite:///{catalogue_copy}")
    _, before = await run(ActionFindServices, **SLOTS)
    assert before[0].startswith("Here is support")
    actions_catalogue.catalogue().refresh_seconds = 0     # every lookup tries the database
    with exclusive_lock(catalogue_copy), at_most(BUSY_TIMEOUT + MARGIN):
        _, during = await run(ActionFindServices, **SLOTS)
    assert during == before


async def test_the_lookup_works_again_once_the_lock_is_released(catalogue_copy, use_url):
    use_url(f"sqlite:///{catalogue_copy}")
    with exclusive_lock(catalogue_copy):
        assert (await run(ActionFindServices, **SLOTS))[1] == [CATALOGUE_DOWN]
    # A failed first read is remembered briefly, so a burst of lookups does not each wait.
    await asyncio.sleep(Catalogue.RETRY_SECONDS)
    assert (await run(ActionFindServices, **SLOTS))[1][0].startswith("Here is support")


# -- down or misconfigured ---------------------------------------------------------------------

def _bad_urls(tmp: Path) -> dict:
    (tmp / "a-file").write_text("not a folder")
    (tmp / "not-a-database.sqlite").write_bytes(b"this is not a SQLite file " * 100)
    return {
        "missing file": f"sqlite:///{tmp / 'missing' / 'catalogue.sqlite'}",
        "not a database": f"sqlite:///{tmp / 'not-a-database.sqlite'}",
        "PostgreSQL not listening": f"postgresql://nobody:secret@127.0.0.1:{free_port()}/catalogue",
        "unknown dialect": "nosuchdb://somewhere/catalogue",
        "not a URL": "this is not a database url",
        "driver not installed": "mysql://nobody:secret@127.0.0.1/catalogue",
        "folder cannot be made": f"sqlite:///{tmp / 'a-file' / 'catalogue.sqlite'}",
    }


#: Not SQLAlchemyError, which is all actions/signposting.py catches (the form catches Exception).
NOT_SQLALCHEMY = (
    "BUG: the service lookup crashes when the catalogue cannot even be opened for a reason "
    "that is not a SQLAlchemyError ({}): actions/signposting.py catches only SQLAlchemyError, "
    "so rasa_sdk answers 500 and Rasa logs the whole tracker (tests/channels/test_faults.py). "
    "Fix: catch Exception around _search() in ActionFindServices and ActionMoreServices, as "
    "actions/forms.py does")
BAD_URLS = [
    "missing file", "not a database", "PostgreSQL not listening", "unknown dialect", "not a URL",
    "driver not installed", "folder cannot be made",
]


@pytest.mark.parametrize("case", BAD_URLS)
@pytest.mark.parametrize("action, expected_events", [(ActionFindServices, [SlotSet("shown", None)]),
                                                     (ActionMoreServices, [])],
                         ids=["find", "more"])
async def test_a_catalogue_that_cannot_be_reached_gets_the_honest_reply(
        tmp_path, use_url, case, action, expected_events):
    use_url(_bad_urls(tmp_path)[case])
    with at_most(MARGIN):
        assert await run(action, shown=3.0, **SLOTS) == (expected_events, [CATALOGUE_DOWN])


@pytest.mark.parametrize("case", ["missing file", "not a database", "PostgreSQL not listening",
                                  "unknown dialect", "not a URL", "driver not installed",
                                  "folder cannot be made"])
async def test_a_catalogue_that_cannot_be_reached_does_not_stop_the_form(tmp_path, use_url, case):
    use_url(_bad_urls(tmp_path)[case])
    with at_most(MARGIN):
        result, messages = await answer("location", "Maidstone", age=15, need="anxiety")
    assert result["area"] == "kent" and result["requested_slot"] is None and messages == []


# -- the action server process while the catalogue is locked -------------------------------------

def _call(url: str, action: str, sender: str) -> float:
    """One action call as Rasa makes it; returns how long the answer took."""
    tracker = {"sender_id": sender, "slots": {**SLOTS, "audience": None, "shown": None},
               "latest_message": {"text": "Maidstone", "intent": {"name": "inform"}},
               "events": [], "paused": False, "followup_action": None, "active_loop": {},
               "latest_action_name": "action_listen"}
    body = json.dumps({"next_action": action, "sender_id": sender, "tracker": tracker,
                       "domain": {}, "version": "3.6.21"}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        json.loads(response.read())
    return time.monotonic() - started


STALL = ("BUG: a locked catalogue stalls the whole action server. The lookup is synchronous "
         "inside the async action (actions/signposting.py), so the event loop waits the busy "
         "timeout, and Catalogue.snapshot holds its lock without looking again, so queued "
         "lookups wait one busy timeout each (5, 10, 15 s...): other conversations' actions wait "
         "too, and past ACTION_SERVER_TIMEOUT (10 s) they get 'can't look services up'. Fix: "
         "await asyncio.to_thread(_search, tracker) in the actions (and the form's "
         "_audience_matters); in services_catalog/query.py re-check _checked after taking the "
         "lock and remember a failed refresh for a few seconds even without a snapshot")


def test_other_conversations_are_not_held_up_by_a_locked_catalogue(catalogue_copy, tmp_path):
    with ActionServer(f"sqlite:///{catalogue_copy}", tmp_path) as server:
        with exclusive_lock(catalogue_copy), ThreadPoolExecutor(4) as pool:
            lookups = [pool.submit(_call, server.webhook, "action_find_services", f"s{i}")
                       for i in range(2)]
            time.sleep(0.5)
            # The form's questions are domain responses (no action call); the self-help idea
            # is an action call with no catalogue in it (signposting/content/self_help.yml).
            idea = pool.submit(_call, server.webhook, "action_suggest_self_help", "someone-else")
            answered_in, looked_up_in = idea.result(), [f.result() for f in lookups]
    assert answered_in < 1.0, f"an action with no catalogue in it waited {answered_in:.1f} s"
    assert max(looked_up_in) < BUSY_TIMEOUT + MARGIN, f"lookups took {looked_up_in}"
