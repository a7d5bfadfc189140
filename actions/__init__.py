"""The action server: thin Rasa SDK glue over services_catalog and signposting.

rasa-sdk discovers every Action subclass in this package; one module per concern.
"""
