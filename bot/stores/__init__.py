"""Where conversations are kept and how their turns take turns: the erasable tracker store and
its in-memory copies (``tracker_store``, ``kept_trackers``), the lock stores (``lock_store``) and
the turn gate inside them (``turn_gate``), and the retention job (``retention``,
``python -m bot.stores.retention``)."""
