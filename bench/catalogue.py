"""Catalogue speed: search latency on the real catalogue and on 10,000 synthetic services,
and locality lookups per second.

    .venv/bin/python -m bench.catalogue [--queries 1000] [--synthetic 10000] [--seed 7]

Target (issue 3): p95 under 5 ms per search at 10,000 services.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import random
import statistics
import tempfile
import time
from pathlib import Path

from services_catalog.db import make_engine
from services_catalog.loader import load, load_documents
from services_catalog.locality import DATA, resolve
from services_catalog.query import Catalogue
from services_catalog.taxonomy import load_taxonomy


def percentile(samples, q):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def sample_places(rng: random.Random, n: int):
    with gzip.open(DATA / "postcodes.csv.gz", "rt") as fh:
        postcodes = [row["postcode"] for row in csv.DictReader(fh)]
    with open(DATA / "places.csv") as fh:
        towns = [row["place"] for row in csv.DictReader(fh)]
    outcodes = sorted({p.split()[0] for p in postcodes})
    typos = [t[:-2] + t[-1] for t in towns if len(t) > 6]
    pools = [postcodes, outcodes, towns, typos, ["SW1A 1AA", "M1 1AE", "nowhere-at-all"]]
    return [rng.choice(rng.choice(pools)) for _ in range(n)]


def synthetic_documents(n: int, rng: random.Random):
    taxonomy = load_taxonomy()
    needs, areas = list(taxonomy.needs), list(taxonomy.areas) + ["national"]
    services = []
    for i in range(n):
        low = rng.choice([0, 5, 10, 11, 13, 16, 18])
        services.append({
            "id": f"synthetic-{i}", "organisation": "synthetic", "name": f"Synthetic service {i}",
            "summary": "A synthetic service for benchmarking.", "description": "Synthetic.",
            "minimum_age": low, "maximum_age": rng.choice([a for a in (17, 18, 19, 25) if a >= low]),
            "areas": rng.sample(areas, rng.choice([1, 1, 1, 2])),
            "needs": rng.sample(needs, rng.randint(1, 6)),
            "audiences": ["young_person"], "thrive": ["getting_help"], "access": ["self_referral"],
            "schedule": [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00", "closes": "17:00"}],
            "source": "synthetic", "assured_date": "2026-11-01",
            "contacts": [{"kind": "phone", "value": "0800 1111", "source": "synthetic",
                          "status": "confirmed", "assured_date": "2026-11-01"}],
        })
    return [("synthetic.yml", {"organisations": [{"id": "synthetic", "name": "Synthetic"}],
                               "services": services})]


def time_searches(catalogue: Catalogue, queries, open_now=None):
    catalogue.snapshot()  # warm: the first call reads the database
    samples = []
    for need, age, area, district in queries:
        start = time.perf_counter()
        catalogue.search(need, age=age, area=area, district=district, open_now=open_now)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label, samples):
    print(f"  {label:<46} p50 {statistics.median(samples):7.3f} ms   "
          f"p95 {percentile(samples, 95):7.3f} ms   max {max(samples):7.3f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--synthetic", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    needs = list(load_taxonomy().needs)

    places = sample_places(rng, args.queries)
    start = time.perf_counter()
    resolved = [resolve(p) for p in places]
    locality_seconds = time.perf_counter() - start
    queries = [(rng.choice(needs), rng.randint(5, 25), r.area, r.district) for r in resolved]

    with tempfile.TemporaryDirectory() as tmp:
        real = Catalogue(make_engine(f"sqlite:///{Path(tmp) / 'real.sqlite'}"))
        services = load(real.engine).services
        start = time.perf_counter()
        synthetic = Catalogue(make_engine(f"sqlite:///{Path(tmp) / 'synthetic.sqlite'}"))
        load_documents(synthetic.engine, synthetic_documents(args.synthetic, rng))
        load_seconds = time.perf_counter() - start
        start = time.perf_counter()
        synthetic.snapshot()
        snapshot_seconds = time.perf_counter() - start

        print(f"catalogue search, {args.queries} random (need, age 5-25, place) queries")
        report(f"real catalogue ({services} services)", time_searches(real, queries))
        report("real catalogue, open now first", time_searches(real, queries, open_now=True))
        report(f"synthetic catalogue ({args.synthetic} services)", time_searches(synthetic, queries))
        report("synthetic, open now first", time_searches(synthetic, queries, open_now=True))
        print(f"  synthetic load (validate + write): {load_seconds:.1f} s; "
              f"snapshot build from the database: {snapshot_seconds * 1000:.0f} ms")
    print(f"locality: {len(places)} lookups (postcodes, outcodes, towns, typos, elsewhere) in "
          f"{locality_seconds * 1000:.0f} ms = {len(places) / locality_seconds:,.0f} lookups/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
