"""What young people write never reaches the logs at the level the server runs at (INFO).

Logs are copied, mailed and kept far longer than conversations (which are deleted on request
and by bot/stores/retention.py), so a message in a log line escapes both. Everything that could carry
a line is captured: every stdlib logger (lowered to INFO where something raised it, so the
check is stricter than production), Rasa's structlog output (configured as `rasa run`
configures it, which renders through stdlib logging), anything written to stdout/stderr, and
the action server's own output. The messages are made up and distinctive, so any hit is a leak.
"""
from __future__ import annotations

import asyncio
import logging
import sys
import uuid
from pathlib import Path

import pytest

from tests.support.processes import ActionServer
from tests.support.sanic_apps import sanic_test_mode, serve_channels

ROOT = Path(__file__).resolve().parents[1]

ANXIOUS = "zebra-canary-7781 i feel anxious"
URGENT = "zebra-canary-9921 i want to kill myself"
POSTCODE = "ME14 1XX"
#: Looked for case-insensitively, in every captured line.
NEEDLES = [ANXIOUS, URGENT, POSTCODE, "zebra-canary-7781", "zebra-canary-9921", "ME141XX",
           "i want to kill myself"]

#: Attributes every LogRecord has; anything else came in through `extra=` and a JSON
#: formatter in production would print it.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
#: Written through each captured route at the end of every test, to prove the capture works.
MARKERS = ("capture-check-logging", "capture-check-structlog", "capture-check-stdout")


@pytest.fixture(scope="module")
def action_server(catalogue_url, tmp_path_factory):
    """The action server as `make run` starts it (default log level INFO), output kept."""
    with ActionServer(catalogue_url, tmp_path_factory.mktemp("action-server")) as server:
        yield server.webhook, server.log


@pytest.fixture(scope="module")
def agent(model_path, action_server):
    from rasa.core.agent import Agent
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import EndpointConfig

    from bot.stores.tracker_store import ErasableInMemoryTrackerStore

    return Agent.load(model_path, action_endpoint=EndpointConfig(action_server[0]),
                      tracker_store=ErasableInMemoryTrackerStore(Domain.empty()))


def _forget_cached_structlog_loggers() -> None:
    """Make Rasa's module-level structlog loggers pick up the configuration again.

    Rasa configures structlog with cache_logger_on_first_use, so a logger used earlier in the
    session (e.g. by tests/conversation at WARNING) would otherwise keep its old level here.
    """
    import structlog._config

    for module in list(sys.modules.values()):
        for value in list(getattr(module, "__dict__", {}).values()):
            if isinstance(value, structlog._config.BoundLoggerLazyProxy):
                vars(value).pop("bind", None)


@pytest.fixture
def logs(caplog, capfd, action_server):
    """A function returning everything logged or printed since the test started."""
    import structlog
    from rasa.utils.log_utils import configure_structlog

    saved_structlog = structlog.get_config()
    saved_loggers = {}
    for name, item in list(logging.root.manager.loggerDict.items()):
        if isinstance(item, logging.Logger):
            saved_loggers[name] = (item.level, item.disabled)
            if item.level > logging.INFO:
                item.setLevel(logging.INFO)
            item.disabled = False
    caplog.set_level(logging.INFO)
    configure_structlog(logging.INFO)  # as `rasa run` does at its default level
    _forget_cached_structlog_loggers()
    action_log = action_server[1]
    action_log_start = action_log.stat().st_size

    def everything() -> str:
        import rasa.core.processor

        logging.getLogger("rasa.core.processor").info(MARKERS[0])
        rasa.core.processor.structlogger.info(MARKERS[1])
        print(MARKERS[2])
        parts = [caplog.text]
        for record in caplog.records:
            parts.append(record.getMessage())
            parts.extend(f"{k}={v!r}" for k, v in vars(record).items() if k not in _STANDARD)
        captured = capfd.readouterr()
        sys.stdout.write(captured.out)  # keep it visible in pytest's report on failure
        sys.stderr.write(captured.err)
        parts += [captured.out, captured.err]
        with action_log.open("rb") as output:
            output.seek(action_log_start)
            parts.append(output.read().decode("utf-8", "replace"))
        output = "\n".join(parts)
        missing = [marker for marker in MARKERS if marker not in output]
        assert not missing, f"the capture itself is broken: {missing} not captured"
        return output

    yield everything

    structlog.configure(**saved_structlog)
    _forget_cached_structlog_loggers()
    for name, (level, disabled) in saved_loggers.items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.disabled = disabled


def assert_no_message_text(output: str) -> None:
    lowered = output.lower()
    leaks = []
    for needle in NEEDLES:
        at = lowered.find(needle.lower())
        if at >= 0:
            leaks.append(f"{needle!r} in: ...{output[max(0, at - 300):at + 200]}...")
    assert not leaks, "message text reached the logs:\n" + "\n\n".join(leaks)


def texts(replies) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


async def test_conversations_leave_no_message_text_in_the_logs(agent, logs):
    person, other = f"logs-{uuid.uuid4()}", f"logs-{uuid.uuid4()}"
    assert "How old" in texts(await agent.handle_text(ANXIOUS, sender_id=person))
    assert "Where do you live" in texts(await agent.handle_text("15", sender_id=person))
    # The postcode goes through the form validation and the catalogue search (action server).
    assert "near Maidstone" in texts(await agent.handle_text(POSTCODE, sender_id=person))
    assert "999" in texts(await agent.handle_text(URGENT, sender_id=other))

    assert_no_message_text(logs())


# -- through the channels credentials.yml enables, when a turn goes wrong ----------------------

class _Unavailable:
    """A tracker store whose database has gone away: every lookup fails."""

    def __init__(self, wrapped):
        self._wrapped = wrapped

    def __getattr__(self, name):
        return getattr(self._wrapped, name)

    async def get_or_create_tracker(self, *args, **kwargs):
        raise ConnectionError("the tracker store is unavailable")

    async def retrieve(self, *args, **kwargs):
        raise ConnectionError("the tracker store is unavailable")


class _Stuck(_Unavailable):
    """A tracker store that takes far longer than the caller will wait."""

    async def get_or_create_tracker(self, *args, **kwargs):
        await asyncio.sleep(30)

    async def retrieve(self, *args, **kwargs):
        await asyncio.sleep(30)


@pytest.fixture(scope="module")
def test_mode():
    """Sanic 21.12 starts a second app in a process only in test mode (tests/support/sanic_apps.py)."""
    with sanic_test_mode():
        yield


@pytest.mark.parametrize("trouble", ["the turn fails", "the caller gives up"])
@pytest.mark.parametrize("channel", ["rest", "webchat"])
async def test_a_turn_that_goes_wrong_leaves_no_message_text_in_the_logs(
        agent, logs, monkeypatch, test_mode, channel, trouble):
    """The REST channel and the web chat's channel, served as `rasa run` serves them: a
    database failure, and a caller that stops waiting (a phone losing signal, a proxy's
    timeout) are ordinary events in production and must not write the message to the log.

    Rasa 3.6.21's own REST channel fails this: rasa/core/channels/rest.py (RestInput.receive)
    logs ``text=`` at ERROR as "rest.message.received.timeout" when the caller hangs up and as
    "rest.message.received.failure" (with the traceback's local variables, the text again,
    when rendered as JSON) when the turn raises. credentials.yml therefore serves `rest` with
    bot/channels/rest.py, which is what is tested here.
    """
    import aiohttp

    from bot.channels.rest import QuietRestInput
    from bot.channels.webchat import WebChatInput

    body = {"sender": f"logs-{uuid.uuid4()}", "message": URGENT}
    async with serve_channels([QuietRestInput(), WebChatInput()], agent, access_log=True,
                              configure_logging=False) as base:
        url = f"{base}/webhooks/{channel}/webhook"
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=body) as answer:  # first, a turn that works
                assert "999" in texts(await answer.json())

            store = agent.processor.tracker_store
            if trouble == "the turn fails":
                monkeypatch.setattr(agent.processor, "tracker_store", _Unavailable(store))
                async with http.post(url, json={**body, "message": ANXIOUS}) as answer:
                    await answer.read()
            else:
                monkeypatch.setattr(agent.processor, "tracker_store", _Stuck(store))
                with pytest.raises(asyncio.TimeoutError):
                    async with http.post(url, json={**body, "message": ANXIOUS},
                                         timeout=aiohttp.ClientTimeout(total=1)) as answer:
                        await answer.read()
                await asyncio.sleep(1)  # the server notices the hang-up and cancels the turn

    assert_no_message_text(logs())
