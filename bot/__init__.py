"""Rasa-side glue: the NLU and policy components, custom channels and web pages.

Knowledge lives in plain packages (services_catalog, signposting); this package adapts them
to Rasa 3.6 and should stay thin.
"""
