"""A few hundred made-up conversations through the real servers, then the insights job over
them: the data behind the README's screenshots of ``/insights`` and ``insights report``.

    .venv/bin/python -m bench.insights_demo [--conversations 400] [--out build/insights-demo]

1. Starts an action server and a Rasa server (tests/support/processes.py) with a fresh SQLite
   tracker store, and holds the conversations through the webchat and REST channels, a few
   at a time: needs, ages, places (postcodes, towns, outside the areas, "rather not say"),
   parents and professionals, "more", answers to the feedback question, urgent messages.
2. Moves each conversation back in time, whole, to a random moment between 1 July and
   30 September 2026 (more in the evenings, as Kooth and Shout see), keeping the order and
   gaps of its events: conversations held in a few minutes cannot fill a quarter otherwise,
   and only a period that has ended is published. The REST channel's conversations are
   marked as SMS (``twilio_sms``): SMS replies would go out through Twilio, which a demo
   must not call, and the REST channel answers the same way.
3. Runs the insights job into ``<out>/insights.sqlite`` and writes ``insights report`` for the
   quarter and each month, for the whole footprint and for Kent, as CSV, JSON and HTML.

Nothing here is a real person's words. Start the web server on the same store to look at the
dashboard: ``INSIGHTS_DB_URL=sqlite:///<out>/insights.sqlite INSIGHTS_USERS_FILE=... python -m web``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import List, Tuple

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
START, DAYS = datetime(2026, 7, 1), 92

NEEDS = [
    ("i keep getting panic attacks", 8), ("i feel really low all the time", 8),
    ("im being bullied at school", 6), ("i cant sleep at night", 4),
    ("my mum and dad keep arguing", 4), ("i feel so lonely", 4),
    ("exams are stressing me out so much", 5), ("i get really angry all the time", 3),
    ("i think i might have adhd", 3), ("i keep making myself sick after eating", 3),
    ("my nan died last month and i cant stop crying", 2), ("i hurt myself sometimes", 3),
    ("im worried about how much i drink", 1), ("im not sure about my sexuality", 2),
    ("i keep having flashbacks", 1), ("i hear voices other people dont", 1),
    ("i just want to feel better", 2),
]
PARENT = [("my son is being bullied at school", 4), ("my daughter has stopped eating", 2),
          ("my child won't go to school", 4), ("my son is really anxious", 4),
          ("my daughter is self harming", 2), ("my son has meltdowns, we think he is autistic", 3)]
PROFESSIONAL = [("one of my pupils is very anxious", 2), ("a student in my class seems low", 2)]
PLACES = [("ME14 1XX", 6), ("Maidstone", 4), ("Canterbury", 4), ("Dartford", 3), ("Margate", 3),
          ("Ashford", 3), ("Chatham", 5), ("Gillingham", 3), ("Chelmsford", 5),
          ("Colchester", 5), ("Basildon", 4), ("Harlow", 3), ("Braintree", 2),
          ("Southend", 4), ("Grays", 3), ("Tunbridge Wells", 2), ("Folkestone", 3),
          ("Manchester M1 1AE", 2), ("rather not say", 3), ("CM1 1AA", 3), ("SS1 1AA", 2)]
URGENT = ["i want to kill myself", "i took a load of pills", "someone is hurting me at home",
          "i dont want to be here anymore"]
FEEDBACK = [("/affirm", 5), ("/dont_know", 3), ("/deny", 2), ("more", 2), ("thanks", 2)]


def pick(rng: random.Random, weighted):
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def script(rng: random.Random) -> Tuple[str, List[str]]:
    """(channel, messages) of one made-up conversation. The messages after the first are
    answers, given when the bot asks for them (see converse): the age, the place, who it is for,
    the feedback answer, "more"."""
    channel = rng.choice(["webchat", "webchat", "rest"])
    kind = rng.random()
    if kind < 0.07:
        messages = [rng.choice(URGENT), rng.choice(["yes", "no", "i dont know"])]
        if rng.random() < 0.4:
            messages += [pick(rng, NEEDS), f"age:{rng.randint(11, 19)}",
                         f"place:{pick(rng, PLACES)}", "who:1"]
        return channel, messages
    if kind < 0.12:
        return channel, [rng.choice(["hi", "what do you do?", "who can see this?", "hello"])]
    if kind < 0.35:
        need, age, who = pick(rng, PARENT), rng.randint(4, 16), "2"
    elif kind < 0.40:
        need, age, who = pick(rng, PROFESSIONAL), rng.randint(8, 17), "3"
    else:
        need, age, who = pick(rng, NEEDS), rng.choice([12, 13, 14, 15, 15, 16, 16, 17, 18, 19,
                                                       21, 24]), "1"
    messages = ([rng.choice(["hi", "hello"])] if rng.random() < 0.3 else []) + [need]
    if rng.random() < 0.85:
        messages.append(f"age:{age}" if rng.random() < 0.9 else "age:rather not say")
        messages.append(f"place:{pick(rng, PLACES)}")
        messages.append(f"who:{who}")
        if rng.random() < 0.75:
            messages.append(f"feedback:{pick(rng, FEEDBACK)}")
        if rng.random() < 0.2:
            messages.append("more")
    return channel, messages


#: What the bot's question asks for, by words in it, and the answer kind that fits.
ASKS = (("was this helpful", "feedback"), ("how old", "age"), ("where do", "place"),
        ("is this for you", "who"))


async def converse(http: aiohttp.ClientSession, rasa_url: str, sender: str, channel: str,
                   messages: List[str]) -> None:
    """Sends the first message, then each answer when the bot asks for its kind (skipping
    answers to questions it did not ask); plain messages are sent as they come."""
    replies = ""
    for message in messages:
        kind, _, text = message.partition(":") if ":" in message else ("", "", message)
        if kind:
            asked = next((k for words, k in ASKS if words in replies.lower()), None)
            if asked != kind:
                continue
        async with http.post(f"{rasa_url}/webhooks/{channel}/webhook",
                             json={"sender": sender, "message": text}) as answer:
            body = await answer.json(content_type=None)
        replies = "\n".join(m.get("text") or "" for m in body if isinstance(m, dict))[-400:]


async def hold_all(rasa_url: str, people: List[Tuple[str, str, List[str]]], at_once: int) -> None:
    gate = asyncio.Semaphore(at_once)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:
        async def one(person):
            async with gate:
                await converse(http, rasa_url, *person)
        await asyncio.gather(*(one(p) for p in people))


def move_back(trackers: Path, rng: random.Random, sms: set) -> None:
    """Each conversation moved whole to a random moment of the quarter (more in the evening);
    those held through the REST channel marked as SMS."""
    hours = list(range(24))
    weights = [2, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 4, 6, 7, 8, 9, 10, 10, 8, 4]
    with sqlite3.connect(trackers) as db:
        senders = [r[0] for r in db.execute("SELECT DISTINCT sender_id FROM events")]
        for sender in senders:
            first = db.execute("SELECT min(timestamp) FROM events WHERE sender_id = ?",
                               (sender,)).fetchone()[0]
            moment = START + timedelta(days=rng.randrange(DAYS),
                                       hours=rng.choices(hours, weights)[0],
                                       minutes=rng.randrange(60))
            shift = moment.timestamp() - first
            rows = db.execute("SELECT id, timestamp, data FROM events WHERE sender_id = ?",
                              (sender,)).fetchall()
            for row_id, stamp, data in rows:
                event = json.loads(data)
                event["timestamp"] = event["timestamp"] + shift
                if sender in sms and event.get("event") == "user":
                    event["input_channel"] = "twilio_sms"
                db.execute("UPDATE events SET timestamp = ?, data = ? WHERE id = ?",
                           (stamp + shift, json.dumps(event), row_id))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.insights_demo")
    parser.add_argument("--conversations", type=int, default=400)
    parser.add_argument("--at-once", type=int, default=6)
    parser.add_argument("--out", default=str(ROOT / "build" / "insights-demo"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--rasa-port", type=int, default=None)
    parser.add_argument("--action-port", type=int, default=None)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    trackers, store_path = out / "trackers.sqlite", out / "insights.sqlite"
    for path in (trackers, store_path):
        path.unlink(missing_ok=True)
    rng = random.Random(args.seed)
    people = [(f"demo-{uuid.uuid4()}", *script(rng)) for _ in range(args.conversations)]

    sys.path.insert(0, str(ROOT))
    from tests.support.processes import ActionServer, RasaServer

    catalogue = f"sqlite:///{ROOT / 'build' / 'catalogue.sqlite'}"
    started = time.monotonic()
    with ActionServer(catalogue, out, port=args.action_port) as actions, \
            RasaServer(ROOT / "models" / "current.tar.gz", trackers, actions.webhook, out,
                       port=args.rasa_port) as rasa:
        asyncio.run(hold_all(rasa.url, people, args.at_once))
    messages = sum(len(p[2]) for p in people)
    print(f"insights demo: {len(people)} conversations, {messages} messages in "
          f"{time.monotonic() - started:.0f} s")
    move_back(trackers, rng, {sender for sender, channel, _ in people if channel == "rest"})

    import sqlalchemy as sa

    from insights import job, publish, report
    from insights.store import InsightsStore, make_engine

    store = InsightsStore(make_engine(f"sqlite:///{store_path}"))
    summary = job.run(sa.create_engine(f"sqlite:///{trackers}", future=True), store,
                      keep_months=None)
    made = publish.publish_new(store)
    print(f"insights demo: coded {summary.sessions} sessions; published {', '.join(made)}")
    for name in ("2026-Q3", "2026-07", "2026-08", "2026-09"):
        views = publish.views(store, publish.periods.parse(name))
        assert views is not None
        for scope in ("all", "kent"):
            for fmt in ("csv", "json", "html"):
                text = report.FORMATS[fmt](views["scopes"][scope])
                (out / f"report-{name}-{scope}.{fmt}").write_text(text, encoding="utf-8")
    print(f"insights demo: reports in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
