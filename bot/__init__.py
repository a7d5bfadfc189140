"""Rasa-side glue, thin by design: knowledge lives in the plain packages (safety, signposting,
services_catalog), and this package adapts them to Rasa 3.6.

- ``nlu/``       NLU components registered in config.yml (safety, details, short answers)
- ``dialogue/``  the policy, its guards and its rule index
- ``channels/``  REST, web chat, socket.io and Twilio SMS
- ``stores/``    tracker store, lock stores, turn gate, retention job
- ``patches/``   every replacement of a Rasa internal, applied by ``install()``
- ``__main__``   ``python -m bot``: Rasa's command line with the patches installed
"""
