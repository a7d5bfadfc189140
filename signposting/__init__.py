"""Conversation knowledge that is not tied to Rasa: reading answers (ages) and writing replies.

Rasa actions are thin glue over this package, so a later change of framework keeps it.
"""
