"""A few turns at once, the others in order of arrival (bot/stores/turn_gate.py), and the lock stores
that apply it inside each conversation's lock (bot/stores/lock_store.py)."""
import asyncio

import pytest

from bot.stores.turn_gate import TurnGate


async def _turns(gate, count, hold=0.01, log=None, urgent=()):
    log = [] if log is None else log
    inside = {"now": 0, "most": 0}

    async def turn(index):
        async with gate.turn(urgent=index in urgent):
            inside["now"] += 1
            inside["most"] = max(inside["most"], inside["now"])
            log.append(index)
            await asyncio.sleep(hold)
            inside["now"] -= 1

    tasks = []
    for index in range(count):
        tasks.append(asyncio.create_task(turn(index)))
        await asyncio.sleep(0)  # arrive one after another
    await asyncio.gather(*tasks)
    return log, inside["most"]


async def test_no_more_than_the_slots_at_once_and_the_rest_in_order_of_arrival():
    gate = TurnGate(2)
    order, most = await _turns(gate, 8)
    assert most == 2
    assert order == list(range(8))
    assert gate.active == 0 and gate.waiting == 0


async def test_urgent_turns_go_ahead_of_the_others_waiting_and_keep_their_own_order():
    order, most = await _turns(TurnGate(2), 8, urgent={5, 7})
    assert most == 2
    assert order == [0, 1, 5, 7, 2, 3, 4, 6]


async def test_one_slot_is_one_at_a_time():
    order, most = await _turns(TurnGate(1), 5)
    assert most == 1 and order == list(range(5))


async def test_a_waiting_turn_that_is_cancelled_gives_nothing_away():
    gate = TurnGate(1)
    async with gate.turn():
        waiter = asyncio.create_task(gate._enter(False))
        await asyncio.sleep(0)
        assert gate.waiting == 1
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert gate.waiting == 0
    assert gate.active == 0
    order, most = await _turns(gate, 3)  # the gate still works
    assert most == 1 and order == [0, 1, 2]


async def test_a_turn_cancelled_just_as_its_place_came_passes_the_place_on():
    gate = TurnGate(1)
    await gate._enter(False)
    first = asyncio.create_task(gate._enter(True))
    second = asyncio.create_task(gate._enter(False))
    await asyncio.sleep(0)
    gate._hand_over()  # the place goes to `first` ...
    first.cancel()  # ... which is cancelled before it runs
    with pytest.raises(asyncio.CancelledError):
        await first
    await asyncio.wait_for(second, 1)  # so `second` has it
    assert gate.active == 1
    gate._hand_over()
    assert gate.active == 0


async def test_a_turn_that_fails_frees_its_place():
    gate = TurnGate(1)
    with pytest.raises(RuntimeError):
        async with gate.turn():
            raise RuntimeError("a turn that failed")
    assert gate.active == 0
    async with gate.turn():
        assert gate.active == 1


@pytest.mark.parametrize("slots", [0, -1])
def test_at_least_one_turn(slots):
    with pytest.raises(ValueError):
        TurnGate(slots)


# -- in the lock stores ---------------------------------------------------------------------

def test_endpoints_yml_selects_the_gated_in_memory_store_with_two_turns(monkeypatch):
    from rasa.core.lock_store import LockStore
    from rasa.core.utils import AvailableEndpoints

    from bot.stores.lock_store import GatedInMemoryLockStore

    monkeypatch.setenv("ACTION_SERVER_URL", "http://localhost:5055/webhook")
    monkeypatch.setenv("TRACKER_SQLITE_PATH", "/tmp/unused.sqlite")
    store = LockStore.create(AvailableEndpoints.read_endpoints("endpoints.yml").lock_store)
    assert isinstance(store, GatedInMemoryLockStore)
    assert store.gate.slots == 2


@pytest.mark.parametrize("raw", ["two", "0", "-3", "1.5"])
def test_a_bad_turns_at_once_is_refused(raw):
    from bot.stores.lock_store import GatedInMemoryLockStore

    with pytest.raises(ValueError, match="turns_at_once"):
        GatedInMemoryLockStore(turns_at_once=raw)


async def test_the_in_memory_store_keeps_each_conversation_in_order_and_admits_two_turns():
    from bot.stores.lock_store import GatedInMemoryLockStore

    store = GatedInMemoryLockStore()
    inside = {"now": 0, "most": 0}
    log = []

    async def turn(conversation, index):
        async with store.lock(conversation):
            inside["now"] += 1
            inside["most"] = max(inside["most"], inside["now"])
            log.append((conversation, index))
            await asyncio.sleep(0.005)
            inside["now"] -= 1

    await asyncio.gather(*(turn(f"c{c}", i) for i in range(3) for c in range(4)))
    assert inside["most"] == 2
    for c in range(4):
        assert [i for conv, i in log if conv == f"c{c}"] == [0, 1, 2]
    assert store.gate.active == 0


async def test_in_the_lock_store_a_message_marked_urgent_goes_ahead():
    from bot.stores.lock_store import GatedInMemoryLockStore
    from bot.stores.turn_gate import URGENT

    store = GatedInMemoryLockStore(turns_at_once=1)
    log = []

    async def turn(conversation, urgent):
        URGENT.set(urgent)  # as bot/channels/urgent_hint.py does for the task handling a message
        async with store.lock(conversation):
            log.append(conversation)
            await asyncio.sleep(0.005)

    tasks = []
    for name, urgent in [("a", False), ("b", False), ("c", False), ("crisis", True)]:
        tasks.append(asyncio.create_task(turn(name, urgent)))
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    assert log == ["a", "crisis", "b", "c"]
