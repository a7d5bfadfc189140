"""NLU components registered in config.yml, each thin glue over a plain package: the safety
lexicon's decision (``safety``), exact short answers and commands (``short_answers``), details
said in passing (``details``), on a shared base (``base``); and the builder of the blank spaCy
pipeline they all tokenise with (``spacy_pipeline``)."""
