"""Speed under load: this bot beside the `rasa init` template bot, in one run.

    .venv/bin/python -m bench.load [--levels 1,10,50] [--messages-per-level 400]
                                   [--repeat 1] [--keep-baseline DIR] [--model FILE]
                                   [--only ours|baseline|both] [--json results/load.json]
    .venv/bin/python -m bench.load --profile 3 [--model FILE]    # where a message's time goes

About 7 minutes for one run of both bots at the default levels (plus a minute to train the
baseline the first time); --repeat 3 about 20. Experiments: --model a model trained elsewhere,
--endpoints another endpoints file for this bot, --pythonpath DIR to load a sitecustomize.py
into this bot's Rasa server (a change tried without editing the code), --label to name it.
See docs/performance.md for figures and findings.

The baseline is the template bot of `rasa init --no-prompt` (TEDPolicy, DIET with entities,
ResponseSelector; its own data), trained in a temporary folder (about a minute here), or
reused from --keep-baseline DIR (created there when missing, and kept). Telemetry is off.

Each bot is served as `rasa run` with its REST channel, one bot at a time (never both under
load at once). This bot runs as `make run` runs it: its credentials.yml and endpoints.yml, its
action server as scripts/run.sh starts it (`python -m actions.server --actions actions`, the
catalogue build/catalogue.sqlite) and a SQLite tracker store in a temporary folder. The
baseline runs with the template's credentials and endpoints (in-memory tracker store, no action
server); --baseline-sqlite gives it a temporary SQLite tracker store too. The model (--model,
default models/current.tar.gz) is copied first, so a retrain during the run changes nothing.

Measured per bot:
- start-up: spawn of `rasa run` to the first answer of GET / (the model is loaded before the
  server listens) and to the first reply to a message (what a person would wait for);
- model load: `Agent.load` of the model in a fresh process, timed on its own (and the import
  of Rasa before it);
- RSS: VmRSS of the Rasa server process and its children after warm-up, and its peak (VmHWM)
  after the load levels; this bot's action server separately;
- at each concurrency level N: N conversations at once (distinct sender ids, each sending its
  messages one after another, a new conversation when one ends), until --messages-per-level
  messages have been sent; latency per request p50/p95/p99 and messages per second.
  Saturation is the highest messages per second over the levels.
This bot's messages are a mix of what people send (a need, an age, a place, "more", chit-chat,
urgent messages in about one in six), with wording like tests/data/nlu_test.yml and
tests/test_stories.yml (made-up text only); urgent and other messages are reported apart. The
baseline's messages are from its own data (greet, mood_great, mood_unhappy, affirm, deny,
bot_challenge, goodbye).

Targets (this bot over the baseline, same run): p95 at 10 conversations at most 0.5x; start-up
(to the first reply) at most 0.6x; Rasa server RSS at most 0.8x; urgent messages no slower
than others (p50 and p95 at every level). With --repeat R the bots are measured R times,
alternating which goes first; the table shows medians with the range (min-max) beside them.

--profile runs this bot's conversations in-process instead (Agent.handle_text, the action
server as a subprocess, the tracker store of the endpoints file) and prints milliseconds per
message for each NLU component, the policies, the tracker store and each custom action call.

The machine is shared (2 cores here, other jobs running): figures move by tens of percent
from run to run, so read ratios from the same run and use --repeat for the spread. The load
generator runs on the same machine and takes a share of the CPU (the same for both bots).
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import aiohttp

from tests.support.processes import Server
from tests.support.sanic_apps import free_port

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
#: The baseline runs as stock Rasa; this bot as `make run` starts it, with the project's patches.
RASA = VENV_BIN / "rasa"
OUR_RASA = [sys.executable, "-m", "bot"]
#: How `make run` starts the action server (scripts/run.sh): the project's quiet wrapper of
#: rasa_sdk's server when there is one.
ACTION_SERVER = "actions.server" if (ROOT / "actions" / "server.py").exists() else "rasa_sdk"
URGENT = "urgent"

# --- messages ------------------------------------------------------------------------------
# (kind, text) per message; kinds: urgent, need, age, place, more, chitchat. Made-up text,
# worded like the held-out set and the test conversations.
OURS: List[List[Tuple[str, str]]] = [
    [("chitchat", "hello"), ("need", "i feel anxious all the time and i dont know why"),
     ("age", "15"), ("place", "ME14 1XX"), ("more", "more"), ("chitchat", "thank you")],
    [("need", "my 14 year old son in dartford is being bullied at school"), ("more", "more"),
     ("chitchat", "are you a real person"), ("chitchat", "bye")],
    [("urgent", "i want to kill myself"), ("chitchat", "thank you")],
    [("need", "i cant get to sleep until 4am most nights"), ("age", "im 16"),
     ("place", "i live in maidstone"), ("more", "any others?"),
     ("chitchat", "who can see what i type")],
    [("chitchat", "hey"), ("need", "my exams are stressing me out so much"), ("age", "17"),
     ("urgent", "ive taken a load of paracetamol"), ("place", "southend"),
     ("chitchat", "thanks")],
    [("need", "i feel so low and empty"), ("age", "idk"), ("place", "Gillingham"),
     ("more", "show me more services"), ("chitchat", "bye")],
    [("urgent", "my dad hits me with a belt when im naughty"),
     ("chitchat", "will you tell my parents")],
    [("chitchat", "what do you do"), ("need", "people at school keep picking on me"),
     ("age", "year 9"), ("place", "basildon"), ("more", "more"), ("chitchat", "thank you")],
    [("need", "my friend died last month and i cant stop crying"), ("age", "13"),
     ("place", "CT2 8NX"), ("more", "what else is there"), ("chitchat", "cheers")],
    [("urgent", "theres a man following me home and i dont feel safe"), ("chitchat", "ok")],
    [("need", "my daughter gets really angry and breaks things"), ("age", "she's 9"),
     ("place", "We live in Southend"), ("more", "more options")],
    [("chitchat", "hiya"), ("urgent", "kms fr i cant do this anymore"),
     ("chitchat", "is this confidential")],
    [("need", "i feel lonely"), ("age", "seventeen"), ("place", "grays"), ("more", "more"),
     ("chitchat", "am i talking to a bot")],
    [("need", "im worried about my sons adhd"), ("age", "My son is 14"), ("place", "RM17"),
     ("urgent", "he just told me he has a plan to end his life this weekend")],
]

BASELINE: List[List[Tuple[str, str]]] = [
    [("chitchat", "hello"), ("chitchat", "I am feeling very good"), ("chitchat", "bye")],
    [("chitchat", "hey there"), ("chitchat", "I am sad"), ("chitchat", "yes"),
     ("chitchat", "goodbye")],
    [("chitchat", "good morning"), ("chitchat", "my day was horrible"), ("chitchat", "no"),
     ("chitchat", "are you a bot?")],
    [("chitchat", "hi"), ("chitchat", "great"), ("chitchat", "am I talking to a human?"),
     ("chitchat", "see you later")],
    [("chitchat", "good evening"), ("chitchat", "I don't feel very well"),
     ("chitchat", "of course"), ("chitchat", "have a nice day")],
]


# --- processes -----------------------------------------------------------------------------

def children(pid: int) -> List[int]:
    """Every descendant of pid (from /proc/*/stat)."""
    parent_of = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent_of[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        kids = [p for p, parent in parent_of.items() if parent == current]
        found += kids
        frontier += kids
    return found


def status_kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_mib(pid: int, field: str = "VmRSS") -> float:
    return sum(status_kib(p, field) for p in [pid] + children(pid)) / 1024


def named(name: str, server: Server) -> Server:
    server.name = name  # for the errors wait_http raises
    return server


def base_env(**extra: str) -> Dict[str, str]:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
               SQLALCHEMY_SILENCE_UBER_WARNING="1", PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


async def wait_http(url: str, server: Server, timeout: float, method: str = "GET",
                    payload: Optional[dict] = None) -> float:
    """Poll until url answers 200 (and, for a message, a non-empty reply); returns the time."""
    deadline = time.perf_counter() + timeout
    async with aiohttp.ClientSession() as session:
        while time.perf_counter() < deadline:
            if not server.running():
                raise RuntimeError(f"{server.name} exited; see {server.log}")
            try:
                async with session.request(method, url, json=payload,
                                           timeout=aiohttp.ClientTimeout(total=60)) as r:
                    body = await r.read()
                    if r.status == 200 and (payload is None or json.loads(body)):
                        return time.perf_counter()
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                pass
            await asyncio.sleep(0.05)
    raise RuntimeError(f"{server.name} did not answer {url} within {timeout:.0f} s; "
                       f"see {server.log}")


def model_load_seconds(model: Path, cwd: Path, env: Dict[str, str]) -> Tuple[float, float]:
    """(import of Rasa, Agent.load of the model) in a fresh process."""
    code = (
        "import time, json, logging, warnings\n"
        "warnings.filterwarnings('ignore')\n"
        "t0 = time.perf_counter()\n"
        "from rasa.core.agent import Agent\n"
        "t1 = time.perf_counter()\n"
        f"Agent.load({str(model)!r})\n"
        "t2 = time.perf_counter()\n"
        "print(json.dumps([t1 - t0, t2 - t1]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, check=True,
                         capture_output=True, text=True).stdout
    return tuple(json.loads(out.strip().splitlines()[-1]))


# --- load ----------------------------------------------------------------------------------

async def post(session: aiohttp.ClientSession, url: str, sender: str, text: str):
    start = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as r:
            body = await r.read()
            ok = r.status == 200 and bool(json.loads(body))
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        ok = False
    return (time.perf_counter() - start) * 1000, ok


async def run_level(url: str, scripts, concurrency: int, total: int, tag: str):
    """`concurrency` conversations at once until `total` messages have been sent."""
    issued = 0
    samples: List[Tuple[str, float, bool]] = []

    async def worker(index: int, session):
        nonlocal issued
        for round_ in itertools.count():
            script = scripts[(index + round_ * concurrency) % len(scripts)]
            sender = f"{tag}-{index}-{round_}"
            for kind, text in script:
                if issued >= total:
                    return
                issued += 1
                ms, ok = await post(session, url, sender, text)
                samples.append((kind, ms, ok))

    connector = aiohttp.TCPConnector(limit=concurrency + 5)
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        start = time.perf_counter()
        await asyncio.gather(*(worker(i, session) for i in range(concurrency)))
        seconds = time.perf_counter() - start
    return samples, seconds


def percentile(samples, q):
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def summary(latencies: List[float]) -> Dict[str, float]:
    return {"n": len(latencies), "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99),
            "mean": statistics.fmean(latencies) if latencies else float("nan")}


async def measure_bot(bot: str, args, model: Path, workdir: Path, run_index: int) -> dict:
    port = free_port()
    servers: List[Server] = []
    result: dict = {"bot": bot}
    try:
        if bot == "ours":
            action_port = free_port()
            env = base_env(PYTHONPATH=str(ROOT),
                           CATALOGUE_DB_URL=f"sqlite:///{ROOT / 'build' / 'catalogue.sqlite'}",
                           ACTION_SERVER_URL=f"http://localhost:{action_port}/webhook",
                           TRACKER_SQLITE_PATH=str(workdir / f"trackers-{run_index}.sqlite"))
            actions = named("action server", Server(
                [sys.executable, "-m", ACTION_SERVER, "--actions", "actions", "--port",
                 str(action_port)], env, action_port, workdir / "actions.log"))
            # --pythonpath (experiments) applies to the Rasa server only.
            env = dict(env, PYTHONPATH=os.pathsep.join(args.pythonpath + [str(ROOT)]))
            servers.append(actions)
            started = actions.launch().launched_at
            ready = await wait_http(f"http://localhost:{action_port}/health", actions, 120)
            result["action_server_startup_s"] = ready - started
            rasa_argv = [*OUR_RASA, "run", "--model", str(model), "--port", str(port),
                         "--credentials", "credentials.yml", "--endpoints", args.endpoints]
            cwd, scripts, tag_prefix = ROOT, OURS, "load"
        else:
            env = base_env()
            endpoints = "endpoints.yml"
            if args.baseline_sqlite:
                endpoints = str(workdir / "baseline-endpoints.yml")
                Path(endpoints).write_text(
                    "tracker_store:\n  type: SQL\n  dialect: sqlite\n"
                    f"  db: {workdir / f'baseline-trackers-{run_index}.sqlite'}\n")
            rasa_argv = [str(RASA), "run", "--model", str(model), "--port", str(port),
                         "--credentials", "credentials.yml", "--endpoints", endpoints]
            cwd, scripts, tag_prefix = Path(args.baseline_dir), BASELINE, "load"

        rasa = named("rasa server", Server(rasa_argv, env, port, workdir / f"rasa-{bot}.log", cwd))
        servers.append(rasa)
        url = f"http://localhost:{port}/webhooks/rest/webhook"
        started = rasa.launch().launched_at
        up = await wait_http(f"http://localhost:{port}/", rasa, 600)
        first = await wait_http(url, rasa, 120, "POST",
                                {"sender": f"startup-{run_index}", "message": "hello"})
        result["startup_http_s"] = up - started
        result["startup_first_reply_s"] = first - started

        # Warm-up: every script once, one conversation at a time, then a few at once.
        warm, _ = await run_level(url, scripts, 1, args.warmup, f"warm-{run_index}")
        warm2, _ = await run_level(url, scripts, 5, args.warmup, f"warm5-{run_index}")
        result["warmup_errors"] = sum(not ok for _, _, ok in warm + warm2)
        await asyncio.sleep(1.0)
        result["rss_mib"] = tree_mib(rasa.process.pid)
        if bot == "ours":
            result["action_rss_mib"] = tree_mib(actions.process.pid)

        result["levels"] = {}
        for level in args.levels:
            samples, seconds = await run_level(url, scripts, level, args.messages_per_level,
                                               f"{tag_prefix}-{run_index}-{level}")
            all_ms = [ms for _, ms, _ in samples]
            entry = {"all": summary(all_ms), "seconds": seconds,
                     "msgs_per_s": len(samples) / seconds,
                     "errors": sum(not ok for _, _, ok in samples)}
            if bot == "ours":
                entry["urgent"] = summary([ms for k, ms, _ in samples if k == URGENT])
                entry["other"] = summary([ms for k, ms, _ in samples if k != URGENT])
                entry["by_kind"] = {k: summary([ms for kk, ms, _ in samples if kk == k])
                                    for k in sorted({k for k, _, _ in samples})}
            result["levels"][str(level)] = entry
            print(f"  {bot}: {level:>3} conversations: {len(samples)} messages in {seconds:5.1f} s,"
                  f" p50 {entry['all']['p50']:6.0f} ms, p95 {entry['all']['p95']:6.0f} ms,"
                  f" {entry['msgs_per_s']:5.1f} msgs/s, errors {entry['errors']}", flush=True)
        result["rss_peak_mib"] = tree_mib(rasa.process.pid, "VmHWM")
        result["rss_after_load_mib"] = tree_mib(rasa.process.pid)
        if bot == "ours":
            result["action_rss_after_load_mib"] = tree_mib(actions.process.pid)
    finally:
        for server in reversed(servers):
            server.stop()
    result["import_rasa_s"], result["model_load_s"] = model_load_seconds(model, cwd, env)
    levels = result["levels"]
    result["saturation_msgs_per_s"] = max(v["msgs_per_s"] for v in levels.values())
    result["saturation_level"] = max(levels, key=lambda k: levels[k]["msgs_per_s"])
    return result


# --- baseline ------------------------------------------------------------------------------

def baseline_model(directory: Path) -> Path:
    models = sorted((directory / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if models:
        return models[-1]
    directory.mkdir(parents=True, exist_ok=True)
    print(f"training the baseline: rasa init --no-prompt --init-dir {directory}", flush=True)
    start = time.perf_counter()
    subprocess.run([str(RASA), "init", "--no-prompt", "--init-dir", str(directory)],
                   cwd=directory, env=base_env(), check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    print(f"  trained in {time.perf_counter() - start:.0f} s", flush=True)
    models = sorted((directory / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise RuntimeError(f"rasa init trained no model in {directory}")
    return models[-1]


# --- profile -------------------------------------------------------------------------------

def profile(args) -> int:
    """Where a message's time goes, in-process: this bot's scripts through Agent.handle_text
    (the tracker store and action endpoint of --endpoints, the action server as a
    subprocess), timing every graph node (NLU components, policies), the tracker store, and
    each custom action call (request, HTTP round trip including the action server, Rasa's
    check of the reply). Milliseconds per message, averaged over the mix."""
    import logging
    import urllib.request
    import warnings
    from collections import Counter, defaultdict

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    workdir = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    action_port = free_port()
    os.environ.update(PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false",
                      CATALOGUE_DB_URL=f"sqlite:///{ROOT / 'build' / 'catalogue.sqlite'}",
                      ACTION_SERVER_URL=f"http://localhost:{action_port}/webhook",
                      TRACKER_SQLITE_PATH=str(workdir / "trackers.sqlite"))
    actions = named("action server", Server(
        [sys.executable, "-m", ACTION_SERVER, "--actions", "actions", "--port", str(action_port)],
        base_env(), action_port, workdir / "actions.log"))
    actions.launch()
    try:
        from rasa.core.actions.action import RemoteAction
        from rasa.core.agent import Agent
        from rasa.core.lock_store import LockStore
        from rasa.core.processor import MessageProcessor
        from rasa.core.tracker_store import TrackerStore
        from rasa.core.utils import AvailableEndpoints
        from rasa.engine.graph import GraphNode
        from rasa.utils.endpoints import EndpointConfig
        from rasa.utils.log_utils import configure_structlog

        from bot import patches

        patches.install()  # as `python -m bot run` does
        configure_structlog(logging.WARNING)
        seconds: Dict[str, float] = defaultdict(float)
        calls: Counter = Counter()

        def timed(cls, method, name_of, is_async=False):
            original = getattr(cls, method)
            if is_async:
                async def wrapper(self, *a, **k):
                    start = time.perf_counter()
                    try:
                        return await original(self, *a, **k)
                    finally:
                        name = name_of(self)
                        seconds[name] += time.perf_counter() - start
                        calls[name] += 1
            else:
                def wrapper(self, *a, **k):
                    start = time.perf_counter()
                    try:
                        return original(self, *a, **k)
                    finally:
                        name = name_of(self)
                        seconds[name] += time.perf_counter() - start
                        calls[name] += 1
            setattr(cls, method, wrapper)

        endpoints = AvailableEndpoints.read_endpoints(str(ROOT / args.endpoints))
        start = time.perf_counter()
        agent = Agent.load(str(Path(args.model).resolve()),
                           tracker_store=TrackerStore.create(endpoints.tracker_store),
                           lock_store=LockStore.create(endpoints.lock_store),
                           action_endpoint=endpoints.action)
        load_seconds = time.perf_counter() - start
        # Timers go on after loading: the model's own modules may replace some of these.
        timed(GraphNode, "__call__", lambda n: f"graph node {n._node_name}")
        timed(MessageProcessor, "parse_message", lambda _: "NLU, whole pipeline", True)
        timed(MessageProcessor, "_predict_next_with_tracker",
              lambda _: "policies, whole prediction (per call)")
        timed(MessageProcessor, "get_tracker", lambda _: "tracker store: retrieve", True)
        timed(MessageProcessor, "save_tracker", lambda _: "tracker store: save", True)
        timed(RemoteAction, "run", lambda a: f"custom action {a.name()} (all of it)", True)
        timed(RemoteAction, "_action_call_format",
              lambda _: "  custom actions: build the request (tracker, domain)")
        timed(RemoteAction, "_validate_action_result",
              lambda _: "  custom actions: Rasa's jsonschema check of the reply")
        timed(EndpointConfig, "request",
              lambda _: "  custom actions: HTTP round trip incl. action server", True)

        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://localhost:{action_port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)

        async def conversations(prefix: str, rounds: int):
            by_kind = defaultdict(list)
            for round_ in range(rounds):
                for index, script in enumerate(OURS):
                    for kind, text in script:
                        start = time.perf_counter()
                        await agent.handle_text(text, sender_id=f"{prefix}-{round_}-{index}")
                        by_kind[kind].append((time.perf_counter() - start) * 1000)
            return by_kind

        asyncio.run(conversations("warm", 1))
        seconds.clear()
        calls.clear()
        by_kind = asyncio.run(conversations("profile", args.profile))
    finally:
        actions.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    n = sum(len(v) for v in by_kind.values())
    total = sum(sum(v) for v in by_kind.values())
    print(f"model {args.model}, endpoints {args.endpoints}; Agent.load {load_seconds:.1f} s")
    print(f"{n} messages in-process (Agent.handle_text), {total / n:.1f} ms per message")
    for kind, values in sorted(by_kind.items()):
        print(f"  {kind:<10} n={len(values):<4} mean {statistics.fmean(values):6.1f} ms"
              f"   p50 {percentile(values, 50):6.1f} ms")
    per_msg = {name: value / n * 1000 for name, value in seconds.items()}
    actions_ms = sum(v for k, v in per_msg.items() if k.startswith("custom action "))
    parts = [("NLU (parse_message)", per_msg.get("NLU, whole pipeline", 0.0)),
             ("policies (every prediction of the turn)",
              per_msg.get("policies, whole prediction (per call)", 0.0)),
             ("tracker store (retrieve + save)", per_msg.get("tracker store: retrieve", 0.0)
              + per_msg.get("tracker store: save", 0.0)),
             ("custom actions (request, action server, reply check, events)", actions_ms)]
    print("\nsummary, ms per message (mean over the mix):")
    for label, value in parts:
        print(f"  {label:<64}{value:8.2f}")
    rest = total / n - sum(v for _, v in parts)
    print(f"  {'everything else (processor, events, responses, lock)':<64}{rest:8.2f}")
    print(f"\n{'where':<66}{'ms/msg':>8}{'calls/msg':>10}{'ms/call':>9}")
    for name, value in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"{name:<66}{value / n * 1000:8.2f}{calls[name] / n:10.2f}"
              f"{value / calls[name] * 1000:9.2f}")
    return 0


# --- report --------------------------------------------------------------------------------

def header(args, model: Path) -> List[str]:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    versions = []
    for module in ("rasa", "rasa_sdk", "tensorflow", "spacy", "sanic", "aiohttp"):
        try:
            versions.append(f"{module} {__import__(module).__version__}")
        except Exception:  # noqa: BLE001 - a header line only
            pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    return [
        f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"load average at start {os.getloadavg()[0]:.2f}",
        f"python {platform.python_version()}; " + ", ".join(versions) + f"; repo {commit}",
        f"this bot: {model}"
        + (f" (endpoints {args.endpoints})" if args.endpoints != "endpoints.yml" else "")
        + (f" (PYTHONPATH first: {':'.join(args.pythonpath)})" if args.pythonpath else "")
        + f"; baseline: rasa init template in {args.baseline_dir}"
        + (" (SQLite tracker store)" if args.baseline_sqlite else " (in-memory tracker store)"),
        f"levels {','.join(map(str, args.levels))} concurrent conversations, "
        f"{args.messages_per_level} messages per level, {args.repeat} run(s)",
    ]


def newest_input() -> float:
    files = [ROOT / "config.yml", *(ROOT / "domain").glob("*.yml"), *(ROOT / "data").rglob("*.yml")]
    return max(f.stat().st_mtime for f in files if f.exists())


def med(values: List[float]) -> Tuple[float, float, float]:
    values = [v for v in values if v == v]
    if not values:
        return float("nan"), float("nan"), float("nan")
    return statistics.median(values), min(values), max(values)


def cell(values: List[float], fmt: str) -> str:
    m, lo, hi = med(values)
    text = format(m, fmt)
    if len(values) > 1:
        text += f" ({format(lo, fmt)}-{format(hi, fmt)})"
    return text


def table(runs: Dict[str, List[dict]], args) -> Tuple[List[str], bool]:
    ours, base = runs.get("ours", []), runs.get("baseline", [])
    rows: List[Tuple[str, List[float], List[float], str, Optional[str], bool]] = []
    # (label, ours values, baseline values, format, target text, lower is better)

    def get(run_list, path):
        out = []
        for r in run_list:
            value = r
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None:
                out.append(value)
        return out

    levels = [str(level) for level in args.levels]
    for level in levels:
        for q in ("p50", "p95", "p99"):
            target = "<= 0.50x" if (level == "10" and q == "p95") else None
            rows.append((f"latency {q} @{level} (ms)", get(ours, ["levels", level, "all", q]),
                         get(base, ["levels", level, "all", q]), ".0f", target, True))
    for level in levels:
        rows.append((f"msgs/s @{level}", get(ours, ["levels", level, "msgs_per_s"]),
                     get(base, ["levels", level, "msgs_per_s"]), ".1f", None, False))
    # (label, key in each run's results, format, target)
    single = [("msgs/s at saturation", "saturation_msgs_per_s", ".1f", None),
              ("start-up to GET / (s)", "startup_http_s", ".1f", None),
              ("start-up to first reply (s)", "startup_first_reply_s", ".1f", "<= 0.60x"),
              ("model load, Agent.load (s)", "model_load_s", ".2f", None),
              ("import rasa (s)", "import_rasa_s", ".2f", None),
              ("Rasa server RSS after warm-up (MiB)", "rss_mib", ".0f", "<= 0.80x"),
              ("Rasa server peak RSS (MiB)", "rss_peak_mib", ".0f", None)]
    for label, key, fmt, target in single:
        rows.append((label, get(ours, [key]), get(base, [key]), fmt, target,
                     not key.endswith("msgs_per_s")))
    rows.append(("action server RSS after warm-up (MiB)", get(ours, ["action_rss_mib"]), [],
                 ".0f", None, True))
    rows.append(("errors (all levels)",
                 [sum(v["errors"] for v in r["levels"].values()) for r in ours],
                 [sum(v["errors"] for v in r["levels"].values()) for r in base], ".0f", None, True))

    lines = [f"{'figure':<40}{args.label[:21]:>22}{'baseline':>22}{'ratio':>8}{'target':>10}"
             "  verdict"]
    all_pass = True
    for label, o, b, fmt, target, _ in rows:
        ratio_text, verdict = "", ""
        if o and b:
            ratios = [x / y for x, y in zip(o, b) if y]
            if ratios:
                ratio = statistics.median(ratios)
                ratio_text = f"{ratio:.2f}x"
                if target:
                    limit = float(target.split()[1].rstrip("x"))
                    ok = ratio <= limit
                    verdict = "PASS" if ok else "FAIL"
                    all_pass &= ok
        o_text = cell(o, fmt) if o else "-"
        b_text = cell(b, fmt) if b else "-"
        lines.append(f"{label:<40}{o_text:>22}{b_text:>22}{ratio_text:>8}{target or '':>10}"
                     f"  {verdict}")

    if ours and "urgent" in ours[0]["levels"][levels[0]]:
        lines.append("")
        lines.append(f"{'this bot: urgent vs other':<40}{'urgent':>22}{'other':>22}{'ratio':>8}"
                     f"{'target':>10}  verdict")
        for level in levels:
            for q in ("p50", "p95"):
                u = get(ours, ["levels", level, "urgent", q])
                o = get(ours, ["levels", level, "other", q])
                ratios = [x / y for x, y in zip(u, o) if y]
                ratio = statistics.median(ratios) if ratios else float("nan")
                ok = ratio <= 1.0
                all_pass &= ok
                n = get(ours, ["levels", level, "urgent", "n"])
                lines.append(f"{f'latency {q} @{level} (ms), urgent n={sum(n)}':<40}"
                             f"{cell(u, '.0f'):>22}{cell(o, '.0f'):>22}{ratio:>7.2f}x"
                             f"{'<= 1.00x':>10}  {'PASS' if ok else 'FAIL'}")
        lines.append("")
        lines.append("this bot, p50 / p95 by kind of message (ms), median over runs:")
        kinds = sorted({k for r in ours for v in r["levels"].values() for k in v["by_kind"]})
        lines.append(f"{'kind':<10}" + "".join(f"{'@' + level:>16}" for level in levels))
        for kind in kinds:
            parts = []
            for level in levels:
                p50 = med(get(ours, ["levels", level, "by_kind", kind, "p50"]))[0]
                p95 = med(get(ours, ["levels", level, "by_kind", kind, "p95"]))[0]
                parts.append(f"{p50:.0f} / {p95:.0f}".rjust(16))
            lines.append(f"{kind:<10}" + "".join(parts))
    return lines, all_pass


async def main_async(args) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        workdir = Path(tmp)
        model = Path(args.model).resolve()
        snapshot = workdir / model.name
        shutil.copy2(model, snapshot)  # a retrain during the run must not change what is measured
        if args.only in ("both", "baseline"):
            args.baseline_dir = str(Path(args.keep_baseline or workdir / "baseline").resolve())
            base_model = baseline_model(Path(args.baseline_dir))
        else:
            args.baseline_dir, base_model = "-", None
        lines = header(args, model)
        if args.only != "baseline" and model.stat().st_mtime < newest_input():
            lines.append(f"WARNING: {model} is older than config.yml, domain/ or data/: it may not "
                         "match the code (make train, or --model a fresh one)")
        print("\n".join(lines), flush=True)
        runs: Dict[str, List[dict]] = {"ours": [], "baseline": []}
        for index in range(args.repeat):
            order = ["ours", "baseline"] if index % 2 == 0 else ["baseline", "ours"]
            for bot in order:
                if args.only not in ("both", bot):
                    continue
                print(f"run {index + 1}/{args.repeat}: {bot}", flush=True)
                result = await measure_bot(bot, args, snapshot if bot == "ours" else base_model,
                                           workdir, index)
                result["load_average_after"] = os.getloadavg()[0]
                runs[bot].append(result)
        rows, all_pass = table(runs, args)
        print()
        print("\n".join(lines))
        print("\n".join(rows))
        if args.only == "both":
            print(f"\nall targets: {'PASS' if all_pass else 'FAIL'}")
        print(f"load average at end {os.getloadavg()[0]:.2f} "
              "(a busy machine makes every figure worse)")
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(json.dumps({"header": lines, "runs": runs,
                                                   "table": rows}, indent=2))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1,10,50",
                        help="concurrent conversations per level, comma-separated")
    parser.add_argument("--messages-per-level", type=int, default=400)
    parser.add_argument("--warmup", type=int, default=60, help="messages to warm up with")
    parser.add_argument("--repeat", type=int, default=1, help="measure each bot this many times")
    parser.add_argument("--model", default=str(ROOT / "models" / "current.tar.gz"))
    parser.add_argument("--keep-baseline", metavar="DIR",
                        help="reuse the baseline trained in DIR (trained there when missing)")
    parser.add_argument("--baseline-sqlite", action="store_true",
                        help="give the baseline a SQLite tracker store too")
    parser.add_argument("--endpoints", default="endpoints.yml",
                        help="this bot's endpoints file (experiments)")
    parser.add_argument("--pythonpath", action="append", default=[], metavar="DIR",
                        help="put DIR before the repository on this bot's PYTHONPATH, e.g. for "
                             "a sitecustomize.py that tries a change without editing the code")
    parser.add_argument("--label", default="this bot", help="name of this bot in the table")
    parser.add_argument("--only", choices=("both", "ours", "baseline"), default="both")
    parser.add_argument("--json", help="also write every figure to this file")
    parser.add_argument("--profile", type=int, default=0, metavar="ROUNDS",
                        help="instead of the load test: where this bot's time goes per message, "
                             "in-process, over ROUNDS passes of its conversations")
    args = parser.parse_args(argv)
    if args.profile:
        return profile(args)
    args.levels = [int(x) for x in args.levels.split(",")]
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
