"""Benchmarks that print figures (speed, memory, model quality); run with python -m bench.<name>."""
