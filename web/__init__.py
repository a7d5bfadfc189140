"""The web front end: the chat page for young people and parents, and the services directory
for school staff, served from one origin by one small Sanic app (``python -m web``).

The chat talks to Rasa only through this server (web/chat.py), so the browser never needs a
second origin and the page can forbid every other one.
"""
