"""The few fixed texts needed outside Rasa's domain, in one place.

Everything the bot says in a conversation is a domain response (domain/), so that Rasa picks
its SMS or web chat variant. A few texts are said where there is no domain: the service lists
the action server builds, the web pages when the bot or the catalogue cannot be reached, and the
SMS channel's own replies to HELP, to a picture, or when the bot failed. They are here, once.
tests/test_texts.py checks that every domain response listing the 24/7 routes uses these words.
"""
from __future__ import annotations

#: The national 24/7 routes, for when the catalogue cannot be read or has nothing that fits.
#: Must agree with the catalogue's crisis entries (tests/test_crisis_routes.py).
ROUTES_24_7 = (
    "You can get help any time: call NHS 111 and choose option 2, text SHOUT to 85258, "
    "call Childline on 0800 1111 (under 19) or Samaritans on 116 123. "
    "In an emergency call 999."
)
#: The same, leading a sentence when someone may need help now.
ROUTES_IF_NEEDED_NOW = "If you need someone right now, y" + ROUTES_24_7[1:]

# -- service lists (actions/signposting.py) --------------------------------------------------
NONE_OPEN = "None of these is open right now. " + ROUTES_24_7
#: When some hours are not known: no claim that they are closed, but the 24/7 routes anyway.
MAYBE_NONE_OPEN = ROUTES_IF_NEEDED_NOW
SAY_MORE = "Say \"more\" to see other options."
ALSO_MENTIONED = "You also mentioned {need}. Just say if you'd like support with that too."
#: The same lines for a text message, where three services must fit one text of at most three
#: segments (signposting/sms.py): the routes said briefly, every number still a confirmed one.
NONE_OPEN_SMS = "None is open now. Any time: call 111, option 2, or text SHOUT to 85258. Emergency: 999."
MAYBE_NONE_OPEN_SMS = "Need someone now? Call 111, option 2, or text SHOUT to 85258. Emergency: 999."
SAY_MORE_SMS = "Reply MORE for other options."
ALSO_MENTIONED_SMS = "You also mentioned {need}: just ask."
NEAR = "Here is support that could help{whom} near {where}:"
NATIONAL = "Here is support{whom} available across the UK:"
YOUR_CHILD = " your child"
MORE = "Here are more options:"
#: After a list, asked for services with something in particular ("any i can text?"):
#: signposting.wishes says what in words.
FITTING = "Services I found that {what}:"
NO_OTHERS_FIT = "I found no other services that {what}."

# -- SMS (bot/channels/twilio/) ----------------------------------------------------------------
HELP_TEXT = (
    "This is an automated service. It helps young people up to 25, parents and school staff "
    "in Kent, Medway, Essex, Southend and Thurrock find mental health support. It is not an "
    "emergency service and nobody reads messages as they arrive. In an emergency call 999. "
    "Any time, day or night, text SHOUT to 85258. Tell me what's going on to start. "
    "Text STOP to stop messages."
)
#: The one short line every reply that does not understand or cannot help carries (the two
#: fallbacks, out of scope, the rate limit, and these SMS replies): tests/test_texts.py.
NOW_LINE = "If you need help now, call 999 or text SHOUT to 85258."
TEXT_ONLY = ("I can only read text. Tell me in words what's going on. " + NOW_LINE)
#: Sent when the bot could not answer a message, so that nobody is left without a route.
COULD_NOT_ANSWER = ("Sorry, I couldn't answer that just now. Please try again in a minute. "
                    "Any time, day or night, text SHOUT to 85258. In an emergency call 999.")

# -- the web pages (web/) ----------------------------------------------------------------------
CHAT_UNAVAILABLE = "Sorry, the chat helper isn't working right now. " + ROUTES_24_7
DIRECTORY_UNAVAILABLE = "The services directory cannot be read right now. " + ROUTES_24_7
DIRECTORY_NONE_OPEN = "Nothing that fits is open right now. " + ROUTES_24_7
DIRECTORY_NO_MATCH = "No service fits exactly. " + ROUTES_24_7
