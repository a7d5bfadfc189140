"""The channels a Rasa server of this project listens on, named in credentials.yml: REST
(``rest``), the web chat page's REST channel (``webchat``), socket.io for an embedded widget
(``socketio``) and Twilio SMS (``twilio/``), each over the shared behaviour in ``base``."""
