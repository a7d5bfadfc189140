"""Read an age from a free-text answer ("15", "I'm fifteen", "15yo", "twenty one", "year 9",
"in sixth form"). School years give the youngest age in the year (Year 9 is 13-14), which
keeps services that start at that age."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

YOUTH_MIN, YOUTH_MAX = 0, 25
OLDEST_PLAUSIBLE = 120

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[\s-]+(" + "|".join(list(_UNITS)[1:10]) + r"))?|("
    + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"))\b"
)
#: A number, not part of a decimal ("1.5"); a full stop after it ends the sentence ("16.").
_DIGITS = re.compile(r"(?<![\d.])(-?\d{1,4})(?!\d|\.\d)")
_EXPLICIT = re.compile(r"\b(\d{1,3})\s*(?:years?|yrs?|yo|y/o|y\.o\.)\b"
                       r"|\b(?:i'?m|i am|is|she'?s|he'?s|aged?)\s+(\d{1,3})\b")
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})\b")
_STAGES = (
    # Year 12 and Year 13 by their older names (conversations28: "lower sixth").
    (re.compile(r"\blower\s+(?:sixth|6th)\b"), 16),
    (re.compile(r"\bupper\s+(?:sixth|6th)\b"), 17),
    (re.compile(r"\b(?:sixth|6th)[\s-]?form\b"), 16),
    # A college year, as a 16 to 18-year-old says it ("college first year": development set 51):
    # the youngest age in it, as for school years.
    (re.compile(r"\b(?:(?:first|1st)\s+year\s+(?:of\s+|at\s+|in\s+)?college"
                r"|college\s+(?:first|1st)\s+year)\b"), 16),
    (re.compile(r"\b(?:(?:second|2nd)\s+year\s+(?:of\s+|at\s+|in\s+)?college"
                r"|college\s+(?:second|2nd)\s+year)\b"), 17),
    (re.compile(r"\b(?:(?:first|1st)\s+year\s+(?:of\s+|at\s+|in\s+)?uni(?:versity)?"
                r"|uni(?:versity)?\s+(?:first|1st)\s+year)\b"), 18),
    (re.compile(r"\breception\b"), 4),
    (re.compile(r"\bnursery\b"), 3),
)

#: An age said beside a school stage beats the stage ("upper sixth, 18": the independent review
#: of round 20; 18 decides between adult and children's services).
_STATED_BESIDE = re.compile(r"(?<![\d.])(?:1[0-9]|2[0-5])(?![\d.:/])")

#: A number at the start of the answer is the age, whatever follows ("16 (year 11)").
_LEADING = re.compile(r"^\s*(\d{1,3})(?![\d:/]|\.\d|st\b|nd\b|rd\b|th\b)")
MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|"
           r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
#: An age the young person is about to reach: the age now is one less ("17 next month",
#: "she'll be 5 in march", "turns 12 next week"); "turned 18 last week" is 18 already.
#: When an age will be reached: "next month", "in january", "on the 3rd", "on boxing day".
COMING_WHEN = (r"(?:next\s+(?:week|month|year|term)|in\s+(?:a|two|three|few|\d+)\s+(?:weeks?|months?)"
               r"|in\s+(?:" + MONTHS + r")|on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?|soon|this\s+(?:week|month)"
               # "16 in the summer" (conversations34).
               r"|in\s+the\s+(?:summer|spring|autumn|winter|new\s+year|holidays)|this\s+(?:summer|spring|autumn|winter)"
               # "i'll be 16 on boxing day", "she'll be 12 on saturday" (conversations22).
               r"|on\s+(?:boxing\s+day|christmas(?:\s+(?:day|eve))?|new\s+year'?s?(?:\s+(?:day|eve))?|"
               r"(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b")
_COMING = re.compile(
    r"(?:\b(?:turns|turning|will be|'ll be|gonna be|going to be)\s+\S+"
    r"|\d{1,3}|\b(?:" + "|".join(["one", "two", "three", "four", "five", "six", "seven",
                                   "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                                   "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                                   "nineteen", "twenty"]) + r"))"
    r"\s+" + COMING_WHEN)
#: "nearly 16", "almost 12": the age now is one less ("16 nearly 17" is 16: the number said
#: first is the age).
_NEARLY = re.compile(r"\b(?:nearly|almost|nearlly|nearley)\s+(\d{1,2}|[a-z]+teen|eleven|twelve|ten|"
                     r"nine|eight|seven|six|five|four|three|two|twenty)\b")
_TURNS_SOON = re.compile(r"\b(?:turns|turning|will be|'ll be|gonna be|going to be)\b")

ADULT, NOT_AN_AGE, MISSING = "adult", "not_an_age", "missing"

#: Number words long enough that a near miss is still plainly that number ("tweleve",
#: "fiteen", "sixten"); short ones are not guessed at ("fine" is not "five").
_LONG_NUMBER_WORDS = {w: n for w, n in _UNITS.items() if len(w) >= 6 and 11 <= n <= 19}
_LONG_NUMBER_WORDS.update({"twenty": 20})
TYPO_CUTOFF = 0.8


def _value_of(number: str) -> Optional[int]:
    """ "16" or "sixteen" as a number; None for a word that is not one."""
    return int(number) if number.isdigit() else _UNITS.get(number, _TENS.get(number))


def _misspelt_number(text: str) -> Optional[int]:
    """The one number word a short answer misspells, when it is close to one (and to one only)."""
    words = re.findall(r"[a-z]+", text)
    if not words or len(words) > 4:
        return None
    found = set()
    for word in words:
        if len(word) < 5:
            continue
        close = difflib.get_close_matches(word, list(_LONG_NUMBER_WORDS), n=2, cutoff=TYPO_CUTOFF)
        if len(close) == 1:
            found.add(_LONG_NUMBER_WORDS[close[0]])
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class AgeAnswer:
    age: Optional[int]
    problem: Optional[str] = None  # ADULT, NOT_AN_AGE or MISSING

    @property
    def ok(self) -> bool:
        return self.problem is None


#: Only a short answer is a date of birth ("she was born in may 2019"): in a longer message a
#: year of birth may be anyone's ("my dad was born in 1975 and he hits me").
BORN_MAX_WORDS = 6
#: ... or a little longer when it is plainly the young person's: "He was born in 2011, in the
#: April" (conversations28), "my son was born in march 2012".
BORN_MAX_WORDS_OWN = 9
_OWN = re.compile(r"^\W*(?:(?:he|she|they|i)\s+(?:was|were)|(?:my|our)\s+(?:son|daughter|child|kid|boy|girl|"
                  r"little\s+one|youngest|eldest|oldest)\s+(?:was|is))\s+born\b")
#: A date of birth given instead of an age: "born march 2011", "born in 2009", "dob 2010",
#: "born in 2011, in the April".
_BORN = re.compile(r"\b(?:born|dob|d\.o\.b\.?)\s*(?:in\s+|on\s+|:\s*)?(?:(" + MONTHS
                   + r")\s+)?((?:19|20)\d\d)\b(?:\W+(?:in\s+)?(?:the\s+)?(" + MONTHS + r")\b)?")
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}


def _age_from_birth(text: str, today: Optional[date] = None) -> Optional[int]:
    """The age now of someone born in that month and year; with the year alone, or in this
    month, the younger of the two ages they may be (services that start at an age are kept)."""
    born = _BORN.search(text)
    if not born:
        return None
    # The longer form only with no other age said beside it ("she was born in 2011, she's 12
    # now" is 12).
    own = _OWN.search(text) and not _DIGITS.search(text[:born.start()] + " " + text[born.end():])
    if len(text.split()) > (BORN_MAX_WORDS_OWN if own else BORN_MAX_WORDS):
        return None
    today = today or date.today()
    year = int(born.group(2))
    said = (born.group(1) or born.group(3) or "")[:3]
    month = next((number for name, number in _MONTH_NUMBER.items() if said and name.startswith(said)), 0)
    age = today.year - year - (1 if not month or month >= today.month else 0)
    return age if 0 <= age <= OLDEST_PLAUSIBLE else None


def parse_age(text: str, today: Optional[date] = None) -> AgeAnswer:
    text = (text or "").lower().replace("\u2019", "'")[:500]
    from_birth = _age_from_birth(text, today)
    if from_birth is not None:
        return AgeAnswer(from_birth, ADULT) if from_birth > YOUTH_MAX else AgeAnswer(from_birth)
    explicit = _EXPLICIT.search(text)
    school_year = _SCHOOL_YEAR.search(text)
    leading = _LEADING.match(text)
    if leading and not school_year or leading and school_year and school_year.start() > 0:
        value = int(leading.group(1))
    elif explicit:
        value = int(explicit.group(1) or explicit.group(2))
    elif school_year and 1 <= int(school_year.group(1)) <= 13:
        value = int(school_year.group(1)) + 4  # Year 1 is 5-6, Year 9 is 13-14
    elif any(pattern.search(text) for pattern, _ in _STAGES):
        stated = _STATED_BESIDE.search(text)
        value = int(stated.group()) if stated else next(
            age for pattern, age in _STAGES if pattern.search(text))
    elif (digits := _DIGITS.search(text)) is not None:
        value = int(digits.group(1))
    else:
        word = _WORD_NUMBER.search(text)
        if not word:
            typo = _misspelt_number(text)
            if typo is None:
                return AgeAnswer(None, MISSING)
            return AgeAnswer(typo)
        if word.group(3):
            value = _UNITS[word.group(3)]
        else:
            value = _TENS[word.group(1)] + (_UNITS[word.group(2)] if word.group(2) else 0)
    if value < 0 or value > OLDEST_PLAUSIBLE:
        return AgeAnswer(None, NOT_AN_AGE)
    nearly = _NEARLY.search(text)
    nearly_this = nearly is not None and _value_of(nearly.group(1)) == value
    if value > 0 and (_COMING.search(text) or nearly_this) and not re.search(r"\bturned\b", text):
        value -= 1
    if value > YOUTH_MAX:
        return AgeAnswer(value, ADULT)
    return AgeAnswer(value)


# -- ages said in passing ("I'm 15", "she's 9"): the pieces signposting.details and
# signposting.audience build their patterns from.
NUMBER_WORD = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
               r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
               r"(?:[\s-](?:one|two|three|four|five))?)")
#: ... up to 25, a young person's age ("she'll be 40 on saturday" is an adult's birthday).
YOUTH_NUMBER = NUMBER_WORD.replace(r"\d{1,3}", r"[1-9]|1\d|2[0-5]", 1)
HEDGES = r"(?:(?:only|just|nearly|almost|actually|now|really|turning)\s+)*"
#: After "I'm 15" or "she's 9" an age is followed by the end of a clause, "and", "from", a
#: pronoun starting the next clause, or "years"; "im 2 scared", "I am 100 percent done",
#: "im 24/7 anxious" and "she's 5 foot 2" are not ages. Texting's "n" and "&" are "and"
#: ("im 15 n live in gravesend"), and a question may follow ("im 25 is that too old").
AGE_ENDS = (r"(?=\s*(?:$|[,.;:!?()&+]|(?:and|n|nd|an|but|so|from|in|living|live|at|with|years?|yrs?|"
            r"yo|y/o|now|too|though|tho|i|im|i'm|my|we|she|he|they|it|its|it's|lol|x+|not|is|was|"
            r"hes|he's|shes|she's|theyre|they're|has|had|been|"
            r"next|soon|yesterday|today|last|on|this|what|how|who|pls|please|help|btw|fyi|"
            # ... or an unpunctuated next clause: "hes 17 some lads with a knife are waiting"
            # (conversations34).
            r"some|the|there|these|those)\b))")

FIRST_PERSON_AGE = re.compile(
    r"\b(?:i'?m|i\s+am|im)\s+" + HEDGES + NUMBER_WORD + AGE_ENDS +
    r"|\b(?:i'?m|i\s+am|im)\s+" + NUMBER_WORD + r"\s*(?:years?|yrs?|yo|y/o)\b"
    r"|\bi'?m\s+in\s+(?:year|yr|sixth|6th)")
