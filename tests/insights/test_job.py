"""The job: each closed session coded once, however often and wherever it runs; nothing in
the insights store that leads back to a conversation. Runs on SQLite, and on PostgreSQL in
`make test-scale`."""
from __future__ import annotations

import multiprocessing
import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa

from insights import job
from insights.codes import LONDON
from insights.store import InsightsStore, make_engine
from tests.insights.events import Script

START = datetime(2026, 11, 2, 8, 0, tzinfo=LONDON)
HOUR = 3600.0


def conversation(start: datetime, sessions: int = 1) -> Script:
    s = Script(start)
    for n in range(sessions):
        s.session().user("i cant sleep", "need_sleep", after=2 * HOUR if n else 1)
        s.slot("need", "sleep").say("utter_ack_sleep")
    return s


def fill(trackers, count: int = 30):
    """``count`` conversations an hour apart; every third has a second session two hours on."""
    senders = {}
    for n in range(count):
        s = conversation(START + timedelta(hours=n), sessions=2 if n % 3 == 0 else 1)
        sender = f"conv-{uuid.uuid4()}"
        trackers.add(sender, s.events)
        senders[sender] = s
    return senders


def total_sessions(senders) -> int:
    return sum(sum(1 for e in s.events if e["event"] == "session_started")
               for s in senders.values())


def test_each_closed_session_is_coded_once_over_many_runs(trackers, store):
    senders = fill(trackers)
    expected = total_sessions(senders)
    t0 = START.timestamp()
    coded = 0
    # Runs every 90 minutes from before the first session has closed until all have.
    for step in range(0, 40):
        summary = job.run(trackers.engine, store, now=t0 + step * 1.5 * HOUR, keep_months=None)
        coded += summary.sessions
        again = job.run(trackers.engine, store, now=t0 + step * 1.5 * HOUR, keep_months=None)
        assert again.sessions == 0           # the same moment twice: nothing new
    assert coded == expected == store.count()


def test_a_session_still_open_waits_for_a_later_run(trackers, store):
    s = conversation(START)
    trackers.add("open-one", s.events)
    last = s.now
    assert job.run(trackers.engine, store, now=last + 30 * 60, keep_months=None).sessions == 0
    assert job.run(trackers.engine, store, now=last + 65 * 60, keep_months=None).sessions == 0
    assert job.run(trackers.engine, store, now=last + 71 * 60, keep_months=None).sessions == 1


def _run_in_another_process(tracker_url, insights_url, now, queue):
    engine = sa.create_engine(tracker_url, future=True)
    summary = job.run(engine, InsightsStore(make_engine(insights_url)), now=now, keep_months=None)
    queue.put(summary.sessions)


def test_two_jobs_at_once_on_two_servers_count_each_session_once(trackers, tracker_url,
                                                                  insights_url, store):
    senders = fill(trackers, 40)
    store.create()
    now = START.timestamp() + 100 * HOUR
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_run_in_another_process,
                               args=(tracker_url, insights_url, now + n, queue))
               for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    counts = sorted(queue.get(timeout=10) for _ in workers)
    assert sum(counts) == total_sessions(senders) == store.count()
    assert counts[:2] == [0, 0]              # the first did everything; the others waited


def test_nothing_stored_leads_back_to_a_conversation(trackers, store):
    senders = fill(trackers, 12)
    job.run(trackers.engine, store, now=START.timestamp() + 100 * HOUR, keep_months=None)
    rows = store.all_rows()
    text = repr(rows)
    for sender, script in senders.items():
        assert sender not in text
        for event in script.events:
            assert repr(event["timestamp"]) not in text
            assert str(int(event["timestamp"])) not in text
    keys = [row["key"] for row in rows if "key" in row and "hour_of_week" in row]
    assert len(set(keys)) == len(keys) == 16
    assert all(len(k) == 32 and int(k, 16) >= 0 for k in keys)


def test_records_are_kept_for_the_months_given(trackers, store):
    fill(trackers, 3)
    summary = job.run(trackers.engine, store, now=START.timestamp() + 100 * HOUR, keep_months=1)
    assert summary.sessions == 4 and summary.purged == 0 and store.count() == 4
    # Two months on, November is past keeping for one month.
    later = job.run(trackers.engine, store, now=START.timestamp() + 70 * 24 * HOUR,
                    keep_months=1)
    assert later.sessions == 0 and later.purged == 4 and store.count() == 0


def test_records_read_back_and_a_final_period_is_published_once(trackers, store):
    from insights import publish
    from insights.periods import parse

    fill(trackers, 24)
    job.run(trackers.engine, store, now=START.timestamp() + 60 * 24 * HOUR, keep_months=None)
    records = store.records(parse("2026-11").start, parse("2026-11").end)
    assert len(records) == 32 and all(r.needs == ("sleep",) for r in records)
    made = publish.publish_new(store)
    assert made == ["2026-11"]                 # the quarter is not over
    first = publish.views(store, parse("2026-11"))
    assert first["scopes"]["all"]["tables"] and publish.publish_new(store) == []
    assert publish.views(store, parse("2026-11")) == first
