"""The retention job: whole conversations older than the limit go, nothing else, and it says so
without naming anyone. Every message and sender id here is made up."""
import os
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.stores.retention import main, parse_age, purge, senders_to_delete
from bot.stores.tracker_store import ErasableSQLTrackerStore

ROOT = Path(__file__).resolve().parents[3]
DAY = 24 * 3600
NOW = time.time()

OLD = "sender-retention-old-4c1e"        # latest event 40 days ago
MIXED = "sender-retention-mixed-9b7d"    # started 60 days ago, wrote again yesterday
RECENT = "sender-retention-recent-2a5f"  # latest event 10 days ago
TEXTS = {OLD: "canary-old-message-5521", MIXED: "canary-mixed-message-7312",
         RECENT: "canary-recent-message-8843"}


# -- the age ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("30d", timedelta(days=30)), ("12h", timedelta(hours=12)), ("90m", timedelta(minutes=90)),
    ("1d", timedelta(days=1)), (" 7d ", timedelta(days=7)),
])
def test_parse_age(text, expected):
    assert parse_age(text) == expected


@pytest.mark.parametrize("text", ["", "30", "-1d", "1y", "abc", "0d", "1.5d", "d", "30 d",
                                  "30D", "30dd", "99999999999999d"])
def test_parse_age_refuses(text):
    with pytest.raises(ValueError):
        parse_age(text)


# -- which conversations ----------------------------------------------------------------------

def test_senders_to_delete_goes_by_the_latest_event():
    rows = [("a", 100.0), ("b", 250.0), ("c", 199.9), ("d", 200.0)]
    assert senders_to_delete(rows, cutoff=200.0) == ["a", "c"]


def test_senders_to_delete_keeps_a_conversation_of_unknown_age():
    assert senders_to_delete([("a", None), ("b", 1.0)], cutoff=200.0) == ["b"]


def test_senders_to_delete_with_nothing():
    assert senders_to_delete([], cutoff=200.0) == []


# -- on a real SQLite tracker store ------------------------------------------------------------

def turn(text, days_ago):
    """A user message, the bot's reply and the listen that follows, `days_ago` days back."""
    at = NOW - days_ago * DAY
    return [UserUttered(text, {"name": "greet", "confidence": 1.0}, timestamp=at),
            ActionExecuted("utter_greet", timestamp=at + 1),
            BotUttered(f"reply to {text}", timestamp=at + 1),
            ActionExecuted("action_listen", timestamp=at + 2)]


def conversation(sender, *days_ago):
    events = [ActionExecuted("action_listen", timestamp=NOW - max(days_ago) * DAY - 5)]
    for days in days_ago:
        events += turn(f"{TEXTS[sender]} {days}", days)
    return DialogueStateTracker.from_events(sender, events)


def rows(path):
    """{sender_id: number of stored events}."""
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id"))


@pytest.fixture
async def filled(tmp_path):
    path = tmp_path / "trackers.sqlite"
    store = ErasableSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))
    trackers = [conversation(OLD, 45, 40), conversation(MIXED, 60, 1),
                conversation(RECENT, 12, 10)]
    for tracker in trackers:
        await store.save(tracker)
    before = rows(path)
    assert before == {t.sender_id: len(t.events) for t in trackers}
    return store, path, before


def cutoff(days):
    return time.time() - days * DAY


async def test_only_the_conversation_whose_latest_event_is_old_is_deleted(filled):
    store, path, before = filled
    summary = purge(store, cutoff(30))
    assert rows(path) == {MIXED: before[MIXED], RECENT: before[RECENT]}
    assert (summary.conversations, summary.events, summary.kept) == (1, before[OLD], 2)
    assert await store.retrieve(OLD) is None
    assert len((await store.retrieve_full_tracker(MIXED)).events) == before[MIXED]


async def test_deleted_text_is_gone_from_the_sqlite_file(filled):
    """Not merely unlinked: SQLite keeps deleted rows in free pages unless told otherwise."""
    store, path, _ = filled

    def like_a_build_without_secure_delete(connection, _):
        connection.execute("PRAGMA secure_delete = OFF")

    def stored_bytes() -> bytes:  # the file and its write-ahead log
        wal = Path(f"{path}-wal")
        return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    sqlalchemy.event.listen(store.engine, "connect", like_a_build_without_secure_delete)
    assert TEXTS[OLD].encode() in stored_bytes()
    purge(store, cutoff(30))
    data = stored_bytes()
    assert TEXTS[OLD].encode() not in data and OLD.encode() not in data
    assert TEXTS[MIXED].encode() in data


async def test_dry_run_deletes_nothing_and_counts_the_same(filled):
    store, path, before = filled
    summary = purge(store, cutoff(30), dry_run=True)
    assert rows(path) == before
    assert (summary.conversations, summary.events, summary.kept) == (1, before[OLD], 2)


async def test_a_shorter_age_takes_more_in_batches(filled):
    store, path, before = filled
    summary = purge(store, cutoff(5), batch_size=1)
    assert rows(path) == {MIXED: before[MIXED]}
    assert (summary.conversations, summary.events) == (2, before[OLD] + before[RECENT])


async def test_nothing_old_nothing_deleted(filled):
    store, path, before = filled
    summary = purge(store, cutoff(90))
    assert rows(path) == before and summary.conversations == summary.events == 0


async def test_a_conversation_that_comes_back_during_the_run_is_kept(filled, monkeypatch):
    """The person writes again after the job's first look but before its delete."""
    store, path, before = filled
    import bot.stores.retention as retention

    first_look = retention.senders_to_delete
    calls = []

    def and_then_the_person_writes(rows, cut):
        calls.append(1)
        if len(calls) == 2:  # the re-check inside the delete transaction
            with sqlite3.connect(path) as db:
                db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) "
                           "VALUES (?, 'user', ?, '{}')", (OLD, time.time()))
        return first_look(rows, cut)

    monkeypatch.setattr(retention, "senders_to_delete", and_then_the_person_writes)
    summary = purge(store, cutoff(30))
    assert rows(path)[OLD] == before[OLD] + 1
    assert (summary.conversations, summary.events, summary.kept) == (0, 0, 3)


# -- the command -------------------------------------------------------------------------------

def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "bot.stores.retention", *args], cwd=ROOT,
                          env=dict(os.environ, **(env or {})), capture_output=True, text=True,
                          timeout=120)


def endpoints(tmp_path, body):
    path = tmp_path / "endpoints.yml"
    path.write_text(body)
    return str(path)


def assert_nobody_named(output):
    for secret in [OLD, MIXED, RECENT, *TEXTS.values(), "canary"]:
        assert secret not in output


async def test_the_command_on_a_temporary_endpoints_file(filled, tmp_path):
    _, path, before = filled
    config = endpoints(tmp_path, "tracker_store:\n"
                                 "  type: bot.stores.tracker_store.ErasableSQLTrackerStore\n"
                                 "  dialect: sqlite\n  db: ${RETENTION_TEST_DB}\n")
    env = {"RETENTION_TEST_DB": str(path)}

    dry = run("--older-than", "30d", "--endpoints", config, "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    assert "would delete 1 conversation(s)" in dry.stdout and "nothing was deleted" in dry.stdout
    assert rows(path) == before

    done = run("--older-than", "30d", "--endpoints", config, env=env)
    assert done.returncode == 0, done.stderr
    assert f"deleted 1 conversation(s), {before[OLD]} event(s)" in done.stdout
    assert "kept 2 conversation(s)" in done.stdout
    assert rows(path) == {MIXED: before[MIXED], RECENT: before[RECENT]}
    for result in (dry, done):
        assert_nobody_named(result.stdout + result.stderr)
        assert result.stderr == ""  # a cron job that succeeded mails nothing but the summary


async def test_the_command_with_the_servers_own_endpoints_file(filled):
    """endpoints.yml as `make run` uses it: its ${VARIABLES} come from the environment."""
    _, path, before = filled
    env = {"TRACKER_SQLITE_PATH": str(path), "ACTION_SERVER_URL": "http://localhost:1/webhook"}
    done = run("--older-than", "30d", "--endpoints", "endpoints.yml", env=env)
    assert done.returncode == 0, done.stderr
    assert rows(path) == {MIXED: before[MIXED], RECENT: before[RECENT]}
    assert_nobody_named(done.stdout + done.stderr)


@pytest.mark.parametrize("args, message", [
    (["--older-than", "1y"], "not an age like 30d, 12h or 90m"),
    (["--older-than", "30"], "not an age like 30d, 12h or 90m"),
    (["--older-than=-1d"], "not an age like 30d, 12h or 90m"),
    (["--older-than", "-1d"], "expected one argument"),  # argparse takes -1d for an option
    (["--older-than", "0d"], "would delete every conversation"),
    ([], "required: --older-than"),
])
def test_the_command_refuses_a_bad_age(args, message, tmp_path):
    result = run(*args, "--endpoints", str(tmp_path / "unused.yml"))
    assert result.returncode == 2
    assert "error:" in result.stderr and message in result.stderr
    assert result.stdout == ""



# -- endpoints files it cannot use (in-process: quicker, same code) ---------------------------

@pytest.mark.parametrize("body, message", [
    ("tracker_store:\n  type: redis\n  url: localhost\n", "not SQL"),
    ("tracker_store:\n  type: mongod\n  url: mongodb://localhost:27017\n", "not SQL"),
    ("tracker_store:\n  type: bot.stores.tracker_store.ErasableInMemoryTrackerStore\n",
     "not an SQL tracker store"),
    ("tracker_store:\n  type: bot.no_such_module.Store\n", "cannot import"),
    ("action_endpoint:\n  url: http://localhost:5055/webhook\n", "no tracker_store"),
    ("tracker_store:\n  type: SQL\n  db: ${RETENTION_UNSET_VARIABLE}\n",
     "RETENTION_UNSET_VARIABLE"),
    ("tracker_store:\n  type: SQL\n  dialect: postgresql\n  port: five\n", "cannot be cast"),
])
def test_a_store_that_is_not_sql_is_refused(tmp_path, capsys, monkeypatch, body, message):
    monkeypatch.delenv("RETENTION_UNSET_VARIABLE", raising=False)
    assert main(["--older-than", "30d", "--endpoints", endpoints(tmp_path, body)]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_endpoints_file_is_refused_not_replaced(tmp_path, capsys):
    """Rasa's reader would quietly use ./endpoints.yml instead: the wrong database."""
    assert main(["--older-than", "30d", "--endpoints", str(tmp_path / "nope.yml")]) == 2
    assert "not found" in capsys.readouterr().err


def test_a_sqlite_database_that_does_not_exist_is_not_created(tmp_path, capsys):
    db = tmp_path / "never-started.sqlite"
    config = endpoints(tmp_path, f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {db}\n")
    assert main(["--older-than", "30d", "--endpoints", config]) == 0
    out = capsys.readouterr().out
    assert "does not exist yet; nothing to delete" in out and str(db) in out
    assert not db.exists()


def test_an_unreachable_database_fails_fast(tmp_path, capsys):
    """Rasa's store would retry forever; a nightly job must not hang."""
    config = endpoints(tmp_path, "tracker_store:\n  type: SQL\n  dialect: postgresql\n"
                                 "  url: 127.0.0.1\n  port: 1\n  db: rasa\n"
                                 "  username: someone\n  password: not-a-real-one\n")
    started = time.monotonic()
    assert main(["--older-than", "30d", "--endpoints", config]) == 1
    err = capsys.readouterr().err
    assert "cannot connect" in err and "not-a-real-one" not in err
    assert time.monotonic() - started < 30
