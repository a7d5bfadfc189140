"""SMS and WhatsApp through Twilio: the channel (``channel``), sending (``sender``), conversation
ids that hold no number (``identity``), short-lived memories of message ids, numbered options
and opt-outs (``memory``) and the settings (``settings``). credentials.yml names the channel as
``bot.channels.twilio.TwilioSmsInput``."""
from .channel import CHANNEL_NAME, TwilioSmsInput  # noqa: F401
