"""Recognising urgent messages: suicide risk, self-harm now, immediate danger, and disclosures
of abuse or exploitation.

Plain Python on spaCy's rule machinery (tokenizer exceptions, a lemma lookup table, Matcher),
with no Rasa import: ``bot.nlu.safety`` is the thin Rasa glue. The lexicon
(``lexicon.yml``) is data that safeguarding reviewers can read and extend; ``matcher`` turns it
into spaCy patterns; ``assess`` weighs what matched (negation, hypotheticals, history, jokes,
third-party reports) into a decision: urgent (with its class), a gentle check-in, or nothing.
"""
from .assess import Assessment, Decision, assess, decide  # noqa: F401
