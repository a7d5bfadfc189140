"""Deciding what the bot does next: the urgent-first rule policy (``policy``), the checks it makes
before any rule (``guards``: action server down, rate limit), and the index that finds the
rules that can match (``rule_index``)."""
