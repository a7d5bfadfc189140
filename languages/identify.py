"""Is a message written in a language other than English, and which?

``identify(text)`` returns None for English (and for anything with no letters: numbers,
postcodes, emoji), else an ``Identification``. The order of evidence, strongest first:

1. **Script.** Letters outside the Latin alphabet are never English. Gurmukhi is Punjabi,
   Bengali script is Bengali. Within a script shared by several languages, letters only one of
   them uses decide (Pashto's ښ ځ څ, Sorani's ە ێ ۆ, Urdu's ے ں ٹ, Persian's پ چ ژ گ and its
   own yeh and kaf; Ukrainian's і ї є ґ, Russian's ы э ё), then marker words (markers.yml:
   Nepali against Hindi in Devanagari, Tigrinya against Amharic in Ethiopic with Amharic's own
   verb endings, for which no library here has a model; Arabic's function words when neither
   Arabic's nor Persian's own letters are there), then lingua's models.
2. **Latin letters.** English texting, slang, names and one-word answers must never be taken
   for another language, so a Latin message is another language only when
   - it holds that language's marker words or urgent phrases (markers.yml, the urgent
     lexicon's terms of two words or more: phrases no English message has), or letters only that
     language uses in at least 30% of its words (two or more, in four words or more: names carry
     such letters), and lingua's confidence that it is English (on the text as written and with
     its letters' marks taken off) is below one half (below 0.1 for a message of more than three
     words unless it holds two marker phrases); or
   - it has at least two words and eight letters, lingua's most likely language (among English,
     the supported Latin-script languages and their near neighbours) is that language with
     confidence at least one half, and its confidence in English is below 0.1.
   A message mostly in English with a few words of another language therefore stays English;
   one mostly in another language with an English word does not.

lingua-language-detector's models ship inside its package; the detectors are built once, for a
few languages each, and load their models when first used (``preload()`` loads them at once).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

import yaml

from .normalise import normalise
from .scripts import scripts
from .urgent import languages_with_urgent_words

MARKERS = Path(__file__).parent / "markers.yml"

#: Languages with a reply (signposting/content/languages.yml), by the script they are written in.
LATIN = ("pl", "ro", "lt", "tr", "pt", "es", "sq", "vi")
#: Latin-script languages lingua also weighs, so that a message in one of them is not forced
#: onto the nearest supported language; none of them is answered in its own language.
LATIN_NEIGHBOURS = ("fr", "de", "it", "nl", "id", "tl", "sw", "so", "cy")
CYRILLIC = ("ru", "uk", "bg")
ARABIC = ("ar", "fa", "ur")

#: Thresholds of the Latin rules (module docstring; measured in bench/languages.py).
LATIN_MIN_CONFIDENCE = 0.5
#: ... and with a word only English has among the message's words.
MIXED_MIN_CONFIDENCE = 0.8
LATIN_MAX_ENGLISH = 0.1
EVIDENCE_MAX_ENGLISH = 0.5
EVIDENCE_MAX_WORDS = 3
LATIN_MIN_WORDS = 2
LATIN_MIN_LETTERS = 8


@dataclass(frozen=True)
class Identification:
    language: str        # ISO 639 code of a language with a reply ("pl", "ckb", "fa", ...)
    script: str          # ISO 15924 code of the letters that decided it ("Latn", "Arab", ...)
    how: str             # "script", "letters", "words", "model"
    confidence: float = 1.0


# -- marker words -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Marker:
    words: Tuple[str, ...]   # normalised words, matched in a row
    stem: bool               # the last word may run on ("smutn*" matches "smutna")
    exact: str               # non-empty: the marker must appear as written (accents kept)
    loan: bool = False       # a word English texting has borrowed too ("gracias mate")


@lru_cache(maxsize=1)
def _markers() -> Dict[str, Tuple[_Marker, ...]]:
    """Marker words per language. "word*" is a stem; "=word" must be written with its marks
    ("=olá": "ola" alone could be anything); "^word" is a loanword English texting uses too,
    evidence only when no other word of the message is English's own (_loans_in_english)."""
    data = yaml.safe_load(MARKERS.read_text(encoding="utf-8"))
    out: Dict[str, Tuple[_Marker, ...]] = {}
    for code, entries in data.items():
        markers = []
        for entry in entries:
            entry = str(entry)
            loan = entry.startswith("^")
            entry = entry.lstrip("^")
            exact = entry[1:].casefold() if entry.startswith("=") else ""
            entry = entry.lstrip("=")
            markers.append(_Marker(tuple(normalise(entry.rstrip("*")).split()),
                                   entry.endswith("*"), exact, loan))
        out[code] = tuple(markers)
    return out


def _spans(marker: _Marker, words: List[str], raw: str) -> List[Tuple[int, int]]:
    """Where the marker is in the text, as (first word, word after the last); an exact marker
    (matched on the raw text) is given the empty span (-1, -1)."""
    if marker.exact:
        found = re.search(rf"(?<!\w){re.escape(marker.exact)}(?!\w)", raw) is not None
        return [(-1, -1)] if found else []
    size = len(marker.words)
    spans = []
    for i in range(len(words) - size + 1):
        window = words[i:i + size]
        if window[:-1] == list(marker.words[:-1]) and (
                window[-1].startswith(marker.words[-1]) if marker.stem
                else window[-1] == marker.words[-1]):
            spans.append((i, i + size))
    return spans


def _inside(span: Tuple[int, int], other: Tuple[int, int]) -> bool:
    return (span[0] >= 0 and other[0] >= 0 and other[0] <= span[0] and span[1] <= other[1]
            and other[1] - other[0] > span[1] - span[0])


def _marker_spans(text: str, codes: Optional[Iterable[str]] = None, loans: bool = True
                  ) -> Dict[str, List[List[Tuple[int, int]]]]:
    """Where each language's markers are in the text: per language, one list of spans for each
    marker found (``loans``: loanword markers too)."""
    words = normalise(text).split()
    raw = (text or "").casefold()
    found: Dict[str, List[List[Tuple[int, int]]]] = {}
    for code, markers in _markers().items():
        if codes is not None and code not in codes:
            continue
        spans = [s for s in (_spans(m, words, raw) for m in markers if loans or not m.loan) if s]
        if spans:
            found[code] = spans
    return found


def marker_hits(text: str, codes: Optional[Iterable[str]] = None,
                loans: bool = True) -> Dict[str, int]:
    """How many of each language's marker words the text holds (whole words, in a row). A
    marker found only inside a longer marker of another language does not count: the longer
    phrase says more ("mersi mnogo" is Bulgarian, though "mersi" alone is Romanian).
    ``loans=False`` leaves out the loanwords English texting uses too ("gracias")."""
    found = _marker_spans(text, codes, loans)
    out = {}
    for code, spans in found.items():
        others = [o for c, lists in found.items() if c != code for spans_ in lists for o in spans_]
        count = sum(1 for spans_ in spans
                    if not all(any(_inside(s, o) for o in others) for s in spans_))
        if count:
            out[code] = count
    return out


# -- lingua -----------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _detector(codes: Tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [IsoCode639_1.from_str(code) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


def confidences(text: str, codes: Tuple[str, ...]) -> Dict[str, float]:
    """lingua's confidence in each of ``codes`` (they add up to 1; all 0 when it cannot tell)."""
    values = _detector(codes).compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): v.value for v in values}


def _latin_codes() -> Tuple[str, ...]:
    return ("en",) + LATIN + LATIN_NEIGHBOURS


def preload() -> None:
    """Build the detectors and load their models now rather than on the first message."""
    for codes in (_latin_codes(), CYRILLIC, ARABIC):
        _detector(codes).compute_language_confidence_values("preload")
        confidences({"Cyrl": "привет", "Arab": "سلام"}.get(codes[0], "hello there"), codes)
    confidences("привет мир", CYRILLIC)
    confidences("سلام دنیا", ARABIC)


# -- scripts ----------------------------------------------------------------------------------

_PASHTO = set("ټډړږښځڅګڼېۍ")
_SORANI = set("ەێۆڵڕڤ")
_URDU = set("ٹڈڑںےۓھہ")
_PERSIAN = set("پچژگیک")
_ARABIC_ONLY = set("ةىيكإأؤ")


def _arabic_script(text: str) -> Tuple[str, str]:
    letters = set(text)
    if letters & _SORANI:
        return "ckb", "letters"
    if letters & _PASHTO:
        return "ps", "letters"
    words = marker_hits(text, ("ps-arab", "ckb-arab", "ur-arab"))
    if words:
        return max(words, key=lambda c: words[c]).split("-")[0], "words"
    if letters & _URDU:
        return "ur", "letters"
    persian, arabic = len(letters & _PERSIAN), len(letters & _ARABIC_ONLY)
    if persian and not arabic:
        return "fa", "letters"
    if arabic and not persian:
        return "ar", "letters"
    # Neither language's own letters ("انت موجود؟"): Arabic's own function words decide.
    if not persian and marker_hits(text, ("ar-arab",)):
        return "ar", "words"
    scores = confidences(text, ARABIC)
    return (max(scores, key=lambda c: scores[c]) if any(scores.values()) else "ar"), "model"


_UKRAINIAN = set("іїєґ")
_RUSSIAN = set("ыэё")
_BULGARIAN_WORDS = re.compile(r"(?<!\w)(съм|искам|ще|какво|няма|защо|обичам|сме|сте|къде|тъжен|тъжна"
                              r"|благодаря|здравей|здравейте|помощ|училище|страх|мама ми)(?!\w)")


def _cyrillic(text: str) -> Tuple[str, str]:
    lowered = text.casefold()
    letters = set(lowered)
    if letters & _UKRAINIAN:
        return "uk", "letters"
    if letters & _RUSSIAN:
        return "ru", "letters"
    if _BULGARIAN_WORDS.search(lowered) or re.search(r"ъ(?=\w)", lowered):
        return "bg", "letters"
    # Then the three languages' marker words ("помогите" is Russian; lingua, on one word, said
    # Bulgarian), when one language has more of them than the others.
    hits = marker_hits(text, CYRILLIC)
    ranked = sorted(hits.values(), reverse=True)
    if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]):
        return max(hits, key=lambda c: hits[c]), "words"
    scores = confidences(text, CYRILLIC)
    return (max(scores, key=lambda c: scores[c]) if any(scores.values()) else "ru"), "model"


_NEPALI_ENDINGS = re.compile(r"(छु|छ|छन्|छौं|छैन|न्छ|न्छु|दैन|ँदैन|नुहुन्छ|हुन्छ)(?!\w)")


def _devanagari(text: str) -> Tuple[str, str]:
    hits = marker_hits(text, ("ne-deva", "hi-deva"))
    nepali = hits.get("ne-deva", 0) + len(_NEPALI_ENDINGS.findall(text))
    hindi = hits.get("hi-deva", 0)
    return ("hi" if hindi > nepali else "ne"), "words"


#: Amharic verb endings Tigrinya does not have: "-ለሁ" (I do), "-ኛል" (it ... me: ይሰማኛል),
#: "-ኩት"/"-ኩ" (I did: ቆረጥኩት; Tigrinya's is "-ኹ"), "-ኝ" (me: ተከተለኝ; Tigrinya's is "-ኒ").
_AMHARIC_ENDINGS = re.compile("(?:ለሁ|ኛል|ኩት|ኩ|ኝ)(?!\\w)")


def _ethiopic(text: str) -> Tuple[str, str]:
    hits = marker_hits(text, ("ti-ethi", "am-ethi"))
    tigrinya = 2 * hits.get("ti-ethi", 0) + text.count("ኣ") + len(re.findall("[ቐ-ቝኸ-ዀ]", text))
    amharic = 2 * hits.get("am-ethi", 0) + text.count("አ") + len(_AMHARIC_ENDINGS.findall(text))
    return ("am" if amharic > tigrinya else "ti"), "words"


# -- Latin ------------------------------------------------------------------------------------

_LATIN_WORD = re.compile(r"[^\W\d_]+")
_SUPPORTED_LATIN = set(LATIN) | {"kmr", "ar", "fa", "ur", "hi", "ne", "bn", "pa", "ru", "bg", "uk",
                                  "ps", "am", "ti"}
#: Two different marker phrases of one language: no English message holds two, so lingua need
#: only find English less likely than not ("kam shume anxiety dhe nuk fle dot").
MARKERS_ENOUGH = 2
#: lingua's confidence in a marker's language this many times its confidence in English is
#: enough on its own (a sentence of that language with an English word in it).
FOREIGN_OVER_ENGLISH = 2.0
#: The rest of a message, marker words left out, this long and English to lingua: the message
#: is English with a word of another language in it ("can u help me pls, spasibo").
ENGLISH_REST_MIN_WORDS = 3
#: English words that are no word of any Latin-script language answered here (nor common in
#: their texting): they say a short message is English around an unknown word ("im so delulu",
#: "gracias for listening"). Not "me", "no", "my", "to", "a", "i", "on", "in": those are Spanish,
#: Polish, Albanian or Romanian words too.
ENGLISH_ONLY_WORDS = frozenset({
    "the", "you", "and", "for", "with", "what", "just", "this", "that", "have", "got", "really",
    "very", "too", "not", "im", "ive", "u", "ur", "dont", "cant", "wont", "lol", "omg", "tbh",
    "idk", "it", "its", "is", "so", "feel", "like", "your", "about", "of", "are", "was", "be",
    "he", "she", "they", "we", "him", "her", "them", "our", "his", "why", "how", "when",
    # Round 8 (languages_dev7, 2026-12-04): more of English's own function words and everyday
    # words, none a word of the Latin-script languages answered here ("son" is Spanish, "can"
    # and "at" Turkish, "has" Spanish: left out)
    "from", "yr", "year", "but", "if", "will", "would", "been", "does", "did", "know", "want",
    "need", "please", "thanks", "thank", "hey", "okay", "yeah", "school", "daughter", "anxiety",
    "anxious", "worried", "scared", "people", "friends", "friend", "everyone", "anyone",
    "someone", "nothing", "something", "think", "said", "told", "gonna", "wanna",
    # Round 10 (languages_dev9, 2026-12-05, development): family words and where someone lives
    # ("my mociute lives in vilnius" is English with a Lithuanian word for grandmother)
    "lives", "lived", "living", "went", "going", "moved", "works", "mum", "dad", "nan", "grandma",
    "grandad", "brother", "sister", "cousin", "auntie", "uncle",
})


#: How English texting addresses someone: beside a borrowed thank-you or greeting they say the
#: message is English ("gracias mate", "merci bro"). Never evidence of English on their own.
ENGLISH_ADDRESS = frozenset({"mate", "m8", "bro", "bruv", "babe", "hun", "fam", "lads", "guys",
                             "fella", "innit", "lol", "xx", "xxx"})


def _loans_in_english(text: str, evidence: Dict[str, int]) -> Dict[str, int]:
    """The evidence without the languages whose only markers are loanwords English texting uses
    ("^gracias") when another word of the message is English's own or an English form of
    address ("gracias mate"); "si, gracias" and "gracias x todo" keep theirs."""
    words = normalise(text).split()
    english = {w for w in words if w in ENGLISH_ONLY_WORDS or w in ENGLISH_ADDRESS}
    if not english:
        return evidence
    plain = _marker_spans(text, evidence, loans=False)
    loans = _marker_spans(text, evidence)
    return {code: count for code, count in evidence.items()
            if not (code in loans and code not in plain
                    and count == len(loans[code]))}


def _likeliest(word: str) -> Optional[str]:
    scores = confidences(word, _latin_codes())
    return max(scores, key=lambda c: scores[c]) if scores else None


def _english_around(text: str, evidence: Dict[str, int], words: List[str]) -> bool:
    """Marker words were the only evidence and the words around them are English: a thank-you
    or a greeting in another language at the end of an English message."""
    if letter_evidence(words):
        return False
    spans = [span for lists in _marker_spans(text, evidence).values() for found in lists
             for span in found if span[0] >= 0]
    plain = normalise(text).split()
    rest = [w for i, w in enumerate(plain) if not any(a <= i < b for a, b in spans)]
    rest = [w for w in rest if _LATIN_WORD.fullmatch(w)]
    if max(evidence.values()) >= MARKERS_ENOUGH:
        # Two marker phrases make a message another language's, unless the English around
        # them is most of it ("hola, necesito ayuda for my brother's anxiety, he's 12").
        marked = sum(b - a for a, b in spans)
        if (len(rest) < max(2 * marked, ENGLISH_REST_MIN_WORDS + 2)
                or not any(w in ENGLISH_ONLY_WORDS for w in rest)):
            return False
    if len(words) <= EVIDENCE_MAX_WORDS:
        # A short message: only when every other word is English's own ("gracias for
        # listening"), never on lingua's word alone.
        return len(rest) >= 2 and any(w in ENGLISH_ONLY_WORDS for w in rest) and all(
            w in ENGLISH_ONLY_WORDS or _likeliest(w) == "en" for w in rest)
    if len(rest) < ENGLISH_REST_MIN_WORDS:
        return False
    scores = confidences(" ".join(rest), _latin_codes())
    return bool(scores) and max(scores, key=lambda c: scores[c]) == "en"


#: Letters, among the languages answered here, that only one of them uses (Vietnamese's tone
#: marks on its vowels, Turkish's dotless i, Polish's ogonek and kreska letters, Romanian's comma
#: letters and ă â, Lithuanian's dotted e and its ogonek vowels, Spanish's ñ, Portuguese's nasal vowels,
#: Albanian's ë).
DISTINCT_LETTERS = {
    "vi": set("ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơưăĩũ"),
    "tr": set("ğı"),
    "pl": set("łńśźżć"),
    "ro": set("șțăâ"),  # ă and â are also Vietnamese: a tie goes to lingua (î is also Kurmanji)
    "lt": set("ėįųū"),
    "es": set("ñ¿¡"),
    "pt": set("ãõ"),
    "sq": set("ë"),
}
#: The share of a message's words that must carry one language's letters for them to count;
#: names carry such letters ("Zoë", "Nguyễn Văn", "Łukasz"), so they also count only in a
#: message of LETTERS_MIN_MESSAGE words or more, on LETTERS_MIN_WORDS of them or more.
LETTERS_MIN_SHARE = 0.3
LETTERS_MIN_MESSAGE = 4
LETTERS_MIN_WORDS = 2


#: Arabic written in Latin letters ("Arabizi") spells the sounds English has no letter for
#: with digits: 3 for ayn, 5 for kha, 7 for ha ("ta3bane", "7ali", "5alas"). A digit inside a
#: word, or opening one of four letters or more, is that; English texting's digits are 2, 4 and
#: 8 ("2day", "gr8") and its 3, 5 and 7 stand before a unit ("3am", "7th", "5pm").
_ARABIZI = re.compile(r"(?<![\w])(?:[a-z]+[357][a-z]+|[357][a-z]{3,})(?![\w])", re.IGNORECASE)
ARABIZI_MIN_WORDS = 2


def arabizi_words(text: str) -> int:
    """How many words of the text are written in Arabizi's digits (see _ARABIZI)."""
    return len(_ARABIZI.findall(text or ""))


#: Turkish writes a case ending after an apostrophe on a name: where, from where and which
#: ("Maidstone'da", "Chatham'dan", "Basildon'daki", "Dover'dayim"). English puts no such ending
#: after an apostrophe ("'d", "'s" and "'ll" are its own; "O'Dea" has one letter before it).
# Round 12 (languages_dev11, 2026-12-05, development).
_TURKISH_CASE = re.compile(r"(?<![\w'’])[A-Z][a-z]+['’][dt][ae](?:n|ki|yim|yım|yiz|yız)?(?!\w)")


def turkish_case_endings(text: str) -> int:
    """How many names in the text carry a Turkish case ending after an apostrophe."""
    return len(_TURKISH_CASE.findall(text or ""))


def letter_evidence(words: List[str]) -> Dict[str, int]:
    """Languages whose own letters are in at least LETTERS_MIN_SHARE of the words (and at least
    two words of a message of four or more)."""
    found: Dict[str, int] = {}
    if len(words) < LETTERS_MIN_MESSAGE:
        return found
    # A capitalised word after the first is a name ("my name is Nguyễn Văn"), not evidence.
    counted = [w.casefold() for i, w in enumerate(words) if i == 0 or not w[:1].isupper()]
    for code, letters in DISTINCT_LETTERS.items():
        count = sum(1 for w in counted if letters & set(w))
        if count >= max(LETTERS_MIN_WORDS, LETTERS_MIN_SHARE * len(words)):
            found[code] = count
    return found


def _marked_share(text: str, code: str) -> float:
    """The share of the text's Latin words that are inside ``code``'s marker phrases."""
    words = normalise(text).split()
    spans = [span for found in _marker_spans(text, (code,)).get(code, []) for span in found
             if span[0] >= 0]
    covered = {i for start, end in spans for i in range(start, end)}
    latin = [i for i, w in enumerate(words) if _LATIN_WORD.fullmatch(w)]
    return sum(1 for i in latin if i in covered) / len(latin) if latin else 0.0


def _only_markers(text: str, code: str) -> bool:
    """Every Latin word of the text is inside one of ``code``'s marker phrases."""
    return _marked_share(text, code) == 1.0


#: Two marker phrases or more covering this share of a message's words make it that language's
#: whatever lingua says of the rest: the English words left are loans ("appointment", "CAMHS")
#: that weigh more, marks taken off, than the language's short words.
MARKED_SHARE = 2 / 3


def _names_only(words: List[str]) -> bool:
    """A few capitalised words and nothing else: a person's or a place's name ("Zofia Łęcka",
    "São Paulo"), which English messages are full of; lingua alone never decides on these."""
    return len(words) <= EVIDENCE_MAX_WORDS and all(w[:1].isupper() for w in words)


def _latin(text: str) -> Optional[Identification]:
    words = [w for w in _LATIN_WORD.findall(text)]
    if not words:
        return None
    words_plain = _LATIN_WORD.findall(normalise(text))
    evidence: Dict[str, int] = dict(letter_evidence(words))
    for code, count in marker_hits(text, _SUPPORTED_LATIN).items():
        evidence[code] = evidence.get(code, 0) + count
    arabizi = arabizi_words(text)
    # One Arabizi word counts beside an Arabic marker word ("zalame ... taba3i").
    if arabizi >= ARABIZI_MIN_WORDS or (arabizi and "ar" in evidence):
        evidence["ar"] = evidence.get("ar", 0) + arabizi
    # A Turkish case ending on an English place name counts beside a Turkish marker word
    # ("Maidstone'da counsellor var mi?").
    if "tr" in evidence and turkish_case_endings(text):
        evidence["tr"] += turkish_case_endings(text)
    for code, terms in languages_with_urgent_words(text, phrases_only=True).items():
        if code in _SUPPORTED_LATIN:
            evidence[code] = evidence.get(code, 0) + len(terms)
    # Round 14 (languages_dev13, 2026-12-05): a language whose only evidence was a loanword set
    # aside as English texting ("obrigado mate") is not taken from lingua alone either.
    kept = _loans_in_english(text, evidence)
    set_aside = set(evidence) - set(kept)
    evidence = kept
    scores = confidences(text, _latin_codes())
    # One letter only another language uses ("ę") makes lingua rule English out altogether, so
    # English is also weighed on the text with the marks taken off: "my mum says dziękuję
    # but i feel so anxious" is English.
    english = max(scores.get("en", 0.0),
                  confidences(" ".join(words_plain), _latin_codes()).get("en", 0.0))
    # Longer messages need lingua to agree that they are not English, so that an English
    # sentence quoting a phrase of another language stays English.
    if evidence and not _english_around(text, evidence, words):
        best = max(evidence, key=lambda c: (evidence[c], scores.get(c, 0.0)))
        # A message made of one language's marker words and nothing else ("mamnoon", "da
        # sigur"): lingua's English on a word it has no model for is noise, and no marker is an
        # English word (tests/languages/test_identify.py).
        if _only_markers(text, best):
            return Identification(best, "Latn", "words", max(scores.get(best, 0.0), 0.5))
        limit = (EVIDENCE_MAX_ENGLISH if len(words) <= EVIDENCE_MAX_WORDS
                 or max(evidence.values()) >= MARKERS_ENOUGH else LATIN_MAX_ENGLISH)
        # Or lingua itself finds the marker's language far likelier than English ("nie moge
        # spac przez anxiety": one English word in a Polish sentence).
        if english < limit or scores.get(best, 0.0) >= FOREIGN_OVER_ENGLISH * max(english, 0.1):
            return Identification(best, "Latn", "words", max(scores.get(best, 0.0), 0.5))
        if evidence[best] >= MARKERS_ENOUGH and _marked_share(text, best) >= MARKED_SHARE:
            return Identification(best, "Latn", "words", max(scores.get(best, 0.0), 0.5))
    # Capitalised words after the first are mostly names ("its Bartosz", "im Dovydas"): lingua
    # alone decides only on the other words' length.
    common = [w for i, w in enumerate(words) if i == 0 or not w[:1].isupper()]
    letters = sum(len(w) for w in common)
    # English's own words do not count towards lingua's evidence: "im so delulu" is one unknown
    # word in English, not Romanian.
    foreign = [w for w in common if w.casefold() not in ENGLISH_ONLY_WORDS]
    if len(foreign) < LATIN_MIN_WORDS or letters < LATIN_MIN_LETTERS or _names_only(words):
        return None
    others = {c: v for c, v in scores.items() if c != "en"}
    if not others:
        return None
    top = max(others, key=lambda c: others[c])
    # With a word only English has among them ("my mociute lives in vilnius"), lingua alone must
    # be surer: an English sentence naming a relative or a place in another language.
    least = MIXED_MIN_CONFIDENCE if len(foreign) < len(common) else LATIN_MIN_CONFIDENCE
    if (top in LATIN and top not in set_aside and others[top] >= least
            and english < LATIN_MAX_ENGLISH):
        return Identification(top, "Latn", "model", others[top])
    return None


# -- the decision -----------------------------------------------------------------------------

_BY_SCRIPT = {"Guru": "pa", "Beng": "bn"}
_CAPITALISED = re.compile(r"(?<![\w])[A-Z][a-z]+(?![\w])")
_OTHER_SCRIPT_WORD = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F]{2,}")


def identify(text: str) -> Optional[Identification]:
    """The language of a message that is not English, or None (English, or no letters)."""
    counts = scripts(text or "")
    total = sum(counts.values())
    if not total:
        return None
    non_latin = {s: n for s, n in counts.items() if s != "Latn"}
    # A capitalised Latin word beside two or more words of another script is a place or a
    # person ("ኣብ Folkestone ሓገዝ ኣሎ ድዩ?"): it does not count against the script the message is
    # written in (one word of another script in English stays English: "i told Ali ❤️ مرحبا").
    if non_latin and len(_OTHER_SCRIPT_WORD.findall(text or "")) >= 2:
        total -= sum(len(w) for w in _CAPITALISED.findall(text or ""))
    if non_latin and sum(non_latin.values()) * 2 >= total:
        script = max(non_latin, key=lambda s: non_latin[s])
        if script in _BY_SCRIPT:
            return Identification(_BY_SCRIPT[script], script, "script")
        handlers = {"Arab": _arabic_script, "Cyrl": _cyrillic, "Deva": _devanagari,
                    "Ethi": _ethiopic}
        if script in handlers:
            code, how = handlers[script](text)
            return Identification(code, script, how)
        return None  # a script with no reply here (Chinese, Greek, ...): the English path
    return _latin(text)


def identify_all(texts: Iterable[str]) -> List[Optional[Identification]]:
    return [identify(t) for t in texts]


def language_names() -> Mapping[str, str]:
    from signposting.languages import load

    return {language.code: language.name for language in load().languages}
