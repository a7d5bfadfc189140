"""Insights for commissioners: a coded record of each conversation session, never its words,
and the published tables made from it with disclosure control.

- ``codes``: the closed vocabularies of the record (age bands, areas, steps, channels ...).
- ``coding``: one session's coded record from its tracker events (plain dicts, no Rasa).
- ``store``: the insights database (SQLite by default, PostgreSQL to scale out).
- ``job``: reads the tracker store, codes the sessions that have closed, writes them once.
- ``periods``, ``tables``, ``disclosure``, ``report``: the published tables of a month or quarter.
- ``auth``: the dashboard's accounts (Argon2id hashes) and signed sign-in tokens.

Only ``job`` imports Rasa (to read the tracker store the server is configured with).
"""
