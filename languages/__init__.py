"""Which language a message is written in, before the English NLU reads it.

No Rasa import: ``identify`` (identify.py) says whether a message is in one of the languages the
bot has a reply for (signposting/content/languages.yml), from the message's script
(scripts.py), a few marker words and letters per language (markers.yml), the per-language
urgent lexicon (safety/other_languages.yml) and, for Latin, Cyrillic, Arabic and Devanagari text,
the statistical models that ship inside the ``lingua-language-detector`` package. English
texting, slang, names, postcodes and one-word answers are never taken for another language
(bench/languages.py measures it on every English set).
"""
