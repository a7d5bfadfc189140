"""The in-memory copies a server keeps between turns: bounded in number and in time, and never
used once their tracker changed without being saved."""
from types import SimpleNamespace

from bot.stores.kept_trackers import KeptTrackers


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def tracker(sender_id, events=3):
    return SimpleNamespace(sender_id=sender_id, events=[object()] * events)


def test_a_kept_tracker_is_given_back_with_its_version():
    kept = KeptTrackers(clock=Clock())
    alice = tracker("alice")
    kept.put("alice", alice, (3, 41))
    entry = kept.get("alice")
    assert entry.tracker is alice and entry.version == (3, 41) and entry.length == 3
    assert kept.get("bob") is None


def test_a_tracker_changed_after_it_was_kept_is_not_given_back():
    kept = KeptTrackers(clock=Clock())
    alice = tracker("alice")
    kept.put("alice", alice, (3, 41))
    alice.events.append(object())  # a turn that failed before it was saved
    assert kept.get("alice") is None
    assert len(kept) == 0


def test_copies_expire():
    clock = Clock()
    kept = KeptTrackers(seconds=600, clock=clock)
    kept.put("alice", tracker("alice"), (3, 41))
    clock.now += 599
    assert kept.get("alice") is not None
    clock.now += 2
    assert kept.get("alice") is None


def test_expired_copies_go_when_anything_is_kept_not_only_when_asked_for():
    clock = Clock()
    kept = KeptTrackers(seconds=600, clock=clock)
    for name in ("alice", "bob"):
        kept.put(name, tracker(name), (3, 1))
    clock.now += 601
    kept.put("carol", tracker("carol"), (3, 2))
    assert len(kept) == 1 and kept.get("carol") is not None


def test_the_least_recently_kept_go_first_beyond_the_bound():
    kept = KeptTrackers(most=2, clock=Clock())
    for name in ("alice", "bob"):
        kept.put(name, tracker(name), (3, 1))
    kept.put("alice", kept.get("alice").tracker, (4, 2))  # alice saved again: most recent
    kept.put("carol", tracker("carol"), (3, 3))
    assert len(kept) == 2
    assert kept.get("bob") is None
    assert kept.get("alice") is not None and kept.get("carol") is not None


def test_dropping_an_unknown_conversation_is_harmless():
    kept = KeptTrackers(clock=Clock())
    kept.drop("nobody")
    assert len(kept) == 0
