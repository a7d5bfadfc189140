"""Conversation test bench: scripted personas talk to the bot and each conversation is checked."""
