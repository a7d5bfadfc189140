"""ORUK feed speed: a page of 1,000 services from a synthetic catalogue of 1,000.

    .venv/bin/python -m bench.oruk [--services 1000] [--repeat 30] [--port 0] [--seed 7]

Loads the synthetic services of bench.catalogue into a temporary SQLite database, starts the
real web server on it (``python -m web``, one worker, loopback), and times whole HTTP requests
for a page of 1,000 (``per_page=1000``): the plain list, the list with three filters, and the
services at locations; then the same pages rendered in this process without HTTP (the feed's
answer and its JSON), and the feed's build from the database after a load.

Target (issue 19): a page of 1,000 services renders in well under a second.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Callable, List

from bench.catalogue import percentile, synthetic_documents
from services_catalog.db import make_engine
from services_catalog.loader import load_documents
from services_catalog.oruk.feed import FeedCatalogue
from services_catalog.oruk.records import term_id

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(call: Callable[[], int], repeat: int) -> List[float]:
    call()  # warm
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: List[float], size: int) -> None:
    print(f"  {label:<52} p50 {statistics.median(samples):7.1f} ms   "
          f"p95 {percentile(samples, 95):7.1f} ms   max {max(samples):7.1f} ms   "
          f"{size / 1024:,.0f} KiB")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    self_referral = term_id("access", "self_referral")
    queries = {
        "the list": f"per_page={args.services}",
        "filtered: search, term, maximum_age": f"per_page={args.services}&search=service"
                                               f"&taxonomy_term_id={self_referral}"
                                               "&maximum_age=25",
    }
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'synthetic.sqlite'}"
        engine = make_engine(url)
        load_documents(engine, synthetic_documents(args.services, random.Random(args.seed)))
        start = time.perf_counter()
        feed = FeedCatalogue(engine).snapshot()
        build_ms = (time.perf_counter() - start) * 1000

        port = args.port or free_port()
        env = dict(os.environ, CATALOGUE_DB_URL=url, WEB_PORT=str(port),
                   PYTHONPATH=str(ROOT), RASA_URL="http://127.0.0.1:9")
        server = subprocess.Popen([sys.executable, "-m", "web"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}/oruk"
            for _ in range(200):
                try:
                    urllib.request.urlopen(base, timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.1)
            print(f"ORUK feed, {args.services} synthetic services, {args.repeat} requests each, "
                  f"whole HTTP requests to python -m web on 127.0.0.1:{port}")
            pages = dict(queries, **{"services at locations": f"per_page={args.services}"})
            for label, query in pages.items():
                path = "/service_at_locations" if label.startswith("services at") else "/services"
                address = f"{base}{path}?{query}"
                body = urllib.request.urlopen(address).read()
                report(f"{label} ({json.loads(body)['size']} on the page)",
                       timed(lambda address=address: len(urllib.request.urlopen(address).read()),
                             args.repeat),
                       len(body))
        finally:
            server.terminate()
            server.wait(timeout=30)
        print("the same pages rendered in this process (the feed's answer and its JSON):")
        for label, query in queries.items():
            size = len(json.dumps(feed.list_services(query)))
            report(label, timed(lambda query=query: len(json.dumps(feed.list_services(query))),
                                args.repeat), size)
        print(f"  feed built from the database after a load: {build_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
