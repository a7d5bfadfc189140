"""Calls to the action server: the bounded wait, the reply checks and the kept-open connections
(bot/patches/action_calls.py), installed by bot.patches.install()."""
import pytest
import rasa.core.actions.action as remote_action
import rasa.utils.endpoints as endpoints

from bot import patches
from bot.patches import action_calls as action_timeout


@pytest.fixture(autouse=True)
def installed():
    patches.install({})
    yield
    patches.install({})


def test_installing_the_patches_bounds_rasas_wait_for_the_action_server():
    assert remote_action.DEFAULT_REQUEST_TIMEOUT == action_timeout.DEFAULT_SECONDS
    assert endpoints.DEFAULT_REQUEST_TIMEOUT == action_timeout.DEFAULT_SECONDS
    patches.uninstall(["action_timeout"])
    assert remote_action.DEFAULT_REQUEST_TIMEOUT == action_timeout.RASA_TIMEOUT == 300
    assert endpoints.DEFAULT_REQUEST_TIMEOUT == action_timeout.RASA_TIMEOUT


@pytest.mark.parametrize("raw, seconds", [("", 10.0), ("  ", 10.0), ("2.5", 2.5), ("300", 300.0)])
def test_the_setting(raw, seconds):
    assert action_timeout.action_timeout({"ACTION_SERVER_TIMEOUT": raw}) == seconds
    assert action_timeout.action_timeout({}) == action_timeout.DEFAULT_SECONDS


@pytest.mark.parametrize("raw", ["ten", "0", "-1", "301", "nan"])
def test_a_bad_setting_is_refused_with_its_name(raw):
    with pytest.raises(ValueError, match="ACTION_SERVER_TIMEOUT"):
        action_timeout.action_timeout({"ACTION_SERVER_TIMEOUT": raw})


GOOD = {"events": [{"event": "slot", "name": "shown", "value": 3.0, "timestamp": None}],
        "responses": [{"text": "Here is support", "buttons": []}]}


def test_a_good_reply_passes_the_check_and_the_check_is_rasas_own_schema():
    from rasa.core.actions.action import RemoteAction

    assert RemoteAction._validate_action_result is action_timeout._validate_action_result
    assert RemoteAction(name="x", action_endpoint=None)._validate_action_result(GOOD)
    assert action_timeout._RESPONSE_VALIDATOR.schema == RemoteAction.action_response_format_spec()


@pytest.mark.parametrize("bad", [{"events": "not a list"}, {"events": [{"no": "event key"}]},
                                 [1, 2]])
def test_a_bad_reply_raises_rasas_error_with_its_explanation(bad):
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction(name="x", action_endpoint=None)._validate_action_result(bad)


# -- connections kept open while a server runs ----------------------------------------------

async def _client_ports(calls):
    """Calls through Rasa's EndpointConfig.request to a small server that notes the client's
    port of each request: one port means one connection."""
    import aiohttp.web
    from rasa.utils.endpoints import EndpointConfig

    ports = []

    async def webhook(request):
        ports.append(request.transport.get_extra_info("peername")[1])
        return aiohttp.web.json_response(GOOD)

    app = aiohttp.web.Application()
    app.router.add_post("/webhook", webhook)
    runner = aiohttp.web.AppRunner(app)
    await runner.setup()
    site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        for _ in range(calls):
            assert await endpoint.request(json={"next_action": "x"}, method="post") == GOOD
    finally:
        await runner.cleanup()
    return ports


async def test_while_a_server_runs_action_calls_share_one_kept_open_connection():
    import asyncio

    action_timeout.serving(asyncio.get_running_loop())
    try:
        ports = await _client_ports(4)
        assert len(ports) == 4 and len(set(ports)) == 1
    finally:
        await action_timeout.stopped()
    assert not action_timeout._sessions  # closed when the server stopped


async def test_outside_a_running_server_each_call_connects_afresh_as_in_rasa():
    ports = await _client_ports(3)
    assert len(set(ports)) == 3


async def test_without_the_patch_a_running_server_connects_afresh_for_each_call():
    import asyncio

    patches.uninstall(["action_connections"])
    action_timeout.serving(asyncio.get_running_loop())
    try:
        ports = await _client_ports(3)
        assert len(set(ports)) == 3
    finally:
        await action_timeout.stopped()


async def test_the_channels_start_and_stop_the_sharing_with_the_server():
    import asyncio

    from bot.channels.rest import QuietRestInput
    from tests.support.sanic_apps import sanic_test_mode, serve_channels

    with sanic_test_mode():
        async with serve_channels([QuietRestInput()], agent=None):
            assert action_timeout._serving is asyncio.get_running_loop()
        assert action_timeout._serving is None
