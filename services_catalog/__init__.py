"""The services catalogue: what the assistant signposts to, and where people are.

Plain Python (SQLAlchemy, no Rasa) so that the catalogue can be loaded, queried and tested on
its own, and survive a later change of conversation framework.
"""
