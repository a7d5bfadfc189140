"""Talk to the bot as the scenarios' people and check every conversation.

    python -m bench.conversations [--rasa-url URL | --start] [--only ID ...]
        [--channel sms|web] [--subset fast] [--json out.json] [--transcripts dir/]

Without --rasa-url or --start it talks to http://localhost:$RASA_PORT (5005 by default). SMS
scenarios need a server started with bench/conversations/credentials.yml (--start does); on
another server they are left out with a note.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Iterator, Optional, Sequence

from bench.conversations.catalogue import BenchCatalogue
from bench.conversations.report import print_totals, table, totals, write_json, write_transcripts
from bench.conversations.scenarios import load_scenarios
from bench.conversations.suite import run_scenarios
from bench.conversations.transports import sms_available


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.conversations",
                                     description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--rasa-url", help="a running Rasa server (default: localhost:$RASA_PORT)")
    where.add_argument("--start", action="store_true",
                       help="start the action and Rasa servers on free ports, stop them after")
    parser.add_argument("--only", nargs="+", default=(), metavar="ID", help="these scenarios")
    parser.add_argument("--scenarios", type=Path, help="another scenario file (default: scenarios.yml "
                        "beside this file), e.g. tests/data/blind/conversations2/scenarios.yml")
    parser.add_argument("--channel", choices=("sms", "web"),
                        help="every scenario on this channel instead of its own")
    parser.add_argument("--subset", choices=("fast",), help="only the scenarios marked fast")
    parser.add_argument("--web-endpoint", default="webchat", choices=("webchat", "rest"),
                        help="REST channel for web personas: webchat (the web page's, with "
                             "buttons; default) or rest")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument("--transcripts", type=Path, help="write one transcript per scenario")
    parser.add_argument("--logs", type=Path, help="with --start: keep the servers' logs here")
    return parser.parse_args(argv)


@contextlib.contextmanager
def rasa_server(args: argparse.Namespace) -> Iterator[str]:
    if args.start:
        from bench.conversations.servers import started_servers
        with started_servers(log_folder=args.logs) as url:
            yield url
    else:
        yield args.rasa_url or f"http://localhost:{os.environ.get('RASA_PORT', '5005')}"


def choose(args: argparse.Namespace) -> tuple:
    scenario_set = load_scenarios(args.scenarios) if args.scenarios else load_scenarios()
    chosen = scenario_set.select(args.only, fast=args.subset == "fast")
    if args.channel:
        chosen = [s.on_channel(args.channel) for s in chosen]
    return scenario_set.hard_checks, chosen


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    hard, chosen = choose(args)
    catalogue = BenchCatalogue()
    with rasa_server(args) as url:
        if any(s.channel == "sms" for s in chosen) and not sms_available(url):
            print(f"{url} has no capturing Twilio channel (start it with --credentials "
                  f"bench/conversations/credentials.yml, or use --start): SMS scenarios left "
                  f"out", file=sys.stderr)
            chosen = [s for s in chosen if s.channel != "sms"]
        outcomes = run_scenarios(chosen, url, catalogue, args.web_endpoint)
    table(outcomes, sys.stdout)
    summary = totals(outcomes, hard)
    print_totals(summary, sys.stdout)
    if args.json:
        write_json(outcomes, summary, args.json)
    if args.transcripts:
        write_transcripts(outcomes, args.transcripts)
    return 0 if outcomes and all(o.passed for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
