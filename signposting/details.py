"""Details people give without being asked: an age, a place, who the young person is to them.

"my 14 year old son in Dartford is being bullied" already answers both of the bot's
questions; asking them again is the kind of thing that makes people give up. Free text is
full of false friends ("I can't deal with it": Deal is a town in Kent; "b4 school": B4 is a
Birmingham postcode district), so a detail is only taken when the wording makes it plain:
an age needs an age word or a first-person "I'm 15"; a place needs a postcode of the five
areas, a place name after "in", "from", "near", "on" or "live(s) in" (where someone lives or
moved to first), or a clause that is only a place ("... someone to talk to. margate"), never
an everyday word that is also a place ("on the bridge", "stone cold").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional, Sequence

from services_catalog.locality import (
    AMBIGUOUS,
    FOUND,
    OUTSIDE,
    normalise_name,
    resolve,
    without_lead_in,
)

from .ages import (
    AGE_ENDS,
    COMING_WHEN,
    HEDGES,
    NUMBER_WORD,
    OLDEST_PLAUSIBLE,
    YOUTH_NUMBER,
    parse_age,
)
from .audience import PARENT_CARER, YOUNG_PERSON, find_relation, writer_of

#: Said after one's own age: "22 if that matters", "17 if u need to know", "19 in case it helps".
_MAY_HELP = (r"(?:if|in\s+case)\s+(?:that|it|this|thats|that's|its|it's)\s*(?:matters|helps|counts|"
             r"is\s+relevant|relevant|important|makes\s+a\s+difference)\b|if\s+(?:relevant|needed|"
             r"(?:you|u)\s+need\s+(?:to\s+know|it)|(?:you|u)\s+(?:must|wanna|want\s+to)\s+know|"
             r"(?:thats|that's|that\s+is|its|it's)\s+ok|(?:ur|you'?re|your|youre)\s+wondering)\b")
#: Words for a young person an age can follow ("my lad is 10", "my daughter (14)").
_YOUNG_PEOPLE = (r"son|daughter|child|kid|boy|girl|lad|lass|stepson|stepdaughter|grandson|grandchild|"
                 r"grandkid|stepchild|stepkid|niece|nephew|"
                 r"young\s+man|young\s+woman|young\s+adult|"
                 r"granddaughter|teenager|teen|pupil|student|friend|brother|sister|youngest|eldest|"
                 r"oldest|girls|boys|kids|children|pupils|students|class|people|person|twins")
#: A parent's "my middle one is 7", "our little one is 4" (development set 47): the age only
#: when no other is said ("my middle one is 7 and my eldest is 15 and she's cutting" is about
#: the eldest; "my little one is 2 and i want to die, im 19": the review of round 31).
_ONE_OF_MINE = re.compile(r"\b(?:my|our)\s+(?:middle|little|youngest|eldest|oldest)\s+one\s+(?:is|'s|s)\s+"
                          r"(\d{1,2})\b(?!\s*(?:weeks?|months?|feet|foot|ft|stone|kg|days?)\b)")
_AGE_PHRASES = re.compile(
    # Not a time since or for something: "self-harmed two years ago", "3 years since dad
    # died", "off school for 2 years now".
    r"(?<!for )(?<!last )(?<!past )(?<!over )(?<!within )"
    r"\b" + NUMBER_WORD + r"\s*(?:-\s*)?(?:years?|yrs?|yo|y/o)(?:\s*-?\s*old)?\b"
    r"(?!\s*(?:ago|since|later|before|back|earlier|of|now|in\s+a\s+row|running)\b)"
    r"|\b(?:i'?m|i\s+am|im|she'?s|he'?s|they'?re|she\s+is|he\s+is|they\s+are|who'?s|who\s+is|"
    # Twins share one age: "I have twins who are 10", "the twins are 7".
    r"twins\s+(?:who\s+)?(?:are|r)|"
    # ... and turn an age together: "twins who turn 12 next month" (conversations26).
    r"(?:twins|who|they|both)\s+(?:both\s+)?turn|"
    r"(?:" + _YOUNG_PEOPLE + r")(?:\s+is|\s*'s)|(?:just\s+)?turned|turns|turning)"
    r"\s+" + HEDGES + NUMBER_WORD + AGE_ENDS +
    # "my daughter (14)", "one of our lads (16)" (not "a group of teens (30)").
    r"|\b(?:" + _YOUNG_PEOPLE + r"|(?:our|my|his|her|their)\s+(?:lads|lasses|sons|daughters|stepsons|"
    r"stepdaughters))\s*(?:\(\s*|,\s*)" + NUMBER_WORD + r"\s*(?:\)|,)"
    # Staff naming the young person by how they know them: "one of the young people I work
    # with (14)", "a young carer, 18, who ...".
    r"|\b(?:work(?:ing)?\s+with|i\s+see|i\s+support|i\s+teach|i\s+mentor|carer|apprentice|learner|client|"
    r"tutee|mentee)\s*(?:\(\s*|,\s*)" + NUMBER_WORD + r"\s*(?:\)|,)"
    r"|\baged?\s+" + NUMBER_WORD + r"\b"
    # An age about to be reached, said in passing: "she'll be 12 in january", "i'll be 16 on
    # boxing day" (conversations22; parse_age takes one off).
    r"|\b(?:i'?ll|she'?ll|he'?ll|they'?ll|(?:i|she|he|they)\s+will)\s+be\s+" + YOUTH_NUMBER
    + r"\s+(?=" + COMING_WHEN + r")"
    # ... or opening the message: "16 in the summer n live on eastchurch" (conversations34).
    r"|^\s*(?:[4-9]|1\d|2[0-5])\s+(?=" + COMING_WHEN
    + r"\s*(?:$|[,.;!]|(?:n|and|&)?\s*(?:i\s+)?(?:live|from|in)\b))"
    # ... or a young person's own, in a clause of its own that says it may help: "lost it at my
    # manager last wk. 22 if that matters. broadstairs" (conversations42); 11 to 25 only, never
    # an adult's own age nor a score or a count (the independent review of round 27).
    r"|(?:^|[.,;!?]\s*|\b(?:i'?m|im|i\s+am)\s+)(?:1[1-9]|2[0-5])\s*,?\s+(?=" + _MAY_HELP + r")"
    # ... or the young person's, said of them: "he's 14 if that matters".
    r"|\b(?:he'?s|she'?s|hes|shes|he\s+is|she\s+is|they'?re|they\s+are)\s+(?:[4-9]|1\d|2[0-5])\s*,?\s+(?="
    + _MAY_HELP + r")"
    # "is that normal at 15?" (conversations22): an age asked about, not a time.
    r"|\b(?:normal|usual|typical|common|expected|healthy)\s+(?:at|for)\s+(?:(?:the\s+)?age\s+)?"
    r"(?:[4-9]|1\d|2[0-5])(?=\s*(?:$|[,.;:!?)]|or\b|and\b|is\b|though\b|tho\b))"
    # The number straight after the young person, as non-native and hurried writers put it:
    # "my son 17 he have big knife", "a lad of 14 we work with" (conversations16).
    r"|\b(?:my|our|a|the|his|her)\s+(?:son|daughter|child|kid|boy|girl|lad|lass|stepson|stepdaughter|"
    r"grandson|granddaughter|teenager|teen|pupil|student|niece|nephew|brother|sister|young\s+man|"
    r"young\s+woman)\s+(?:of\s+)?(?:[1-9]|1\d|2[0-5])\b"
    r"(?![.:/%]\d|\s*(?:%|x\b|times\b|weeks?\b|days?\b|months?\b|hours?\b|mins?\b|minutes?\b|"
    r"am\b|pm\b|o'?clock\b|(?:years?|yrs?)\s+ago\b|\w+\s+ago\b))"
    # A correction: "sorry 21 not 12", "i meant 14", "oops, 16".
    r"|\b(?:[4-9]|1\d|2[0-5])\s+not\s+\d{1,2}(?=\s*(?:$|[.!,]|lol\b|sorry\b|x\b|years?\b|yrs?\b))"
    r"|\b(?:i\s+meant|meant|sorry|oops|typo)\s*[,:-]?\s*(?:[4-9]|1\d|2[0-5])"
    r"(?=\s*(?:$|[.!,]|not\b|lol\b|sorry\b|x\b|years?\b|yrs?\b))"
    r"|\b(?:in\s+)?(?:year|yr)\s?(?:[1-9]|1[0-3])s?\b"
    # Staff shorthand, "Y8 girl", "(Y9)": only beside a pupil word or in brackets ("gr8 day y9"
    # is not a school year).
    r"|\by(?:[1-9]|1[0-3])(?=\s*[),;:]|\s+(?:girl|boy|pupil|student|lad|lass|child|kid|class|group|"
    r"form|female|male|learner|teacher|tutor|ta)s?\b)"
    r"|\b(?:in\s+)?(?:sixth|6th)[\s-]?form\b"
    # A child in reception ("my little boy is in reception", "started reception in september").
    r"|\b(?:is|s|'s|are)\s+in\s+reception\b|\bin\s+reception\s+class\b"
    r"|\b(?:started|starting|starts|start)\s+reception\b"
    # ... "a little girl in reception who's having night terrors" (development set 55); never a
    # desk ("a girl in reception at the surgery").
    r"|\b(?:(?:a|my|our|her|his|their)\s+little\s+(?:girl|boy|one|lad)|(?:my|our)\s+(?:son|daughter))\s+in\s+"
    r"reception\b(?!\s+(?:at|desk|area|today|right|now|saying|waiting|crying|asking))"
    # ... and staff naming one: "Reception child, possible ADHD", "one of our reception pupils"
    # (conversations36).
    r"|\breception\s+(?:child|children|pupils?|boys?|girls?|kids?|age|aged)\b"
    # A clinician's shorthand, age then sex: "17F, low mood 3/12".
    r"|\b(?:[5-9]|1\d|2[0-5])\s?[fmFM](?=\s*[,.;)])"
    # A sports team's age group: "one of my U14s", "he plays in the u12s" (conversations34).
    r"|\b(?:my|our|his|her)\s+u-?(?:[6-9]|1\d|2[0-3])s?\b|\bin\s+the\s+u-?(?:[6-9]|1\d|2[0-3])s\b"
)
#: ... which is the age below it: an under-14 is 13 at most.
_TEAM = re.compile(r"\bu-?(\d{1,2})s?$")
_SCHOOL_YEAR = re.compile(r"(?:in\s+)?(?:year|yr|y)\s?\d|(?:in\s+)?(?:sixth|6th)|.*\breception\b")
_POSTCODE_LIKE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?(?:\s*\d[A-Za-z]{2})?)\b")
_PLACE_CUE = re.compile(
    # "i live rite by bluewater" (conversations34): home right by, next to or just off a place.
    # "he lives 'down by Chatham docks'" (development set 57): down or up by, quoted; never
    # "down by the harbour", "up by the high street" (a common noun that is also a hamlet's
    # or a street's name: the second review of round 34).
    r"\b(?:(?:live|lives|living|based|stay|stays|staying)(?:\s+['\"\u2018\u201c]?(?:(?:right|rite|just|really)\s+)?"
    r"(?:(?:down|up|over|out|round)\s+(?:by|near|in|at|off)(?!\s+the\b)|in|at|near|around|by|next\s+to|close\s+to|off))?|"
    r"from|in|near|meant|mean|"
    r"(?:moved|moving|move)\s+(?:(?:last|this|next)\s+(?:week|month|year|weekend)\s+)?(?:to|over\s+to)|"
    r"around|round|nr|on|at|outside|close\s+to|"
    # "Family address is Bexleyheath." (a school nurse, conversations47): a home's address only
    # (never "my email address is ...", "the clinic address is ...": the second review).
    r"(?:(?:home|family|postal|her|his|their|our|my)\s+address|postcode)(?:\s+is|:)|"
    # "round lakeside way", "down grays way" (conversations24): where one is, said loosely.
    r"(?:up|down|over)(?=\s+[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*)?\s+way\b))\s+['\"\u2018\u201c]?"
    r"((?:[a-z][a-z'.-]*)(?:\s+[a-z][a-z'.-]*){0,3})", re.IGNORECASE)


@dataclass(frozen=True)
class Details:
    age: Optional[int] = None
    place: Optional[str] = None      # the words naming the place, to be resolved by the form
    relation: Optional[str] = None   # son, pupil, friend ... or "self"
    audience: Optional[str] = None   # who is writing, when the wording makes it plain


#: The writer's own two children's ages in one breath: "I've got two - 11 and 14", "my kids are 9
#: and 12", "we have 2 boys 7 and 10" (not a child's siblings or cousins, nor marks in mocks).
_TWO_AGES = re.compile(
    r"\b(?:(?:i'?ve|i\s+have|we'?ve|we\s+have|i'?ve\s+got|we'?ve\s+got|i\s+got|we\s+got)\s+(?:two|2)"
    r"(?:\s+(?:kids|children|boys|girls|sons|daughters))?"
    r"|(?:my|our)\s+(?:two|2|kids|children|boys|girls|sons|daughters)\s+(?:are|r|aged))"
    r"\s*[-,:(]?\s*(?:aged\s+)?([1-9]|1\d|2[0-5])\s*(?:and|&|\+|n)\s*([1-9]|1\d|2[0-5])\b"
    r"(?!\s*(?:%|times|weeks?|days?|months?|hours?|mins?|minutes?|am|pm|o'?clock)\b)", re.IGNORECASE)
#: Which of the two the writer is worried about.
_OLDER = re.compile(r"\b(?:older|oldest|eldest|elder|big(?:ger)?\s+one)\b", re.IGNORECASE)
_YOUNGER = re.compile(r"\b(?:younger|youngest|little\s+one|baby\s+of\s+the\s+family)\b", re.IGNORECASE)


def _one_of_two(text: str) -> Optional[int]:
    """The age of the one of two children the writer says is the worry ("I've got two - 11 and
    14 ... it's the older one I'm worried about"); None when they do not say which."""
    pair = _TWO_AGES.search(text)
    if not pair or any(p.end() <= pair.start() or p.start() >= pair.end()
                       for p in _AGE_PHRASES.finditer(text)):
        return None  # an age said for the young person elsewhere is theirs
    older, younger = bool(_OLDER.search(text)), bool(_YOUNGER.search(text))
    if older == younger:
        return None
    ages = (int(pair.group(1)), int(pair.group(2)))
    return max(ages) if older else min(ages)


#: "for nearly", "over about", "in the last": a length of time follows, not an age.
_A_WHILE_BEFORE = re.compile(r"\b(?:for|over|past|last|within|since|in)\s+"
                             r"(?:(?:nearly|almost|about|around|over|like|just|roughly|approximately|at\s+least|a\s+good|the\s+(?:last|past))\s+)+$"
                             # ... or a time gone by: "back in year 9", "when i was in year 7",
                             # "since year 8" (conversations22: a student of 19).
                             r"|\b(?:back|since|ever\s+since|until|till|til|"
                             r"when\s+(?:i|he|she|they|we)\s+(?:was|were))\s+(?:in\s+)?$")


#: Someone other than the young person, whose age a "he's 19" just after is ("theres this guy on
#: discord hes 19", "a man online who says hes 17": development conversations30).
_OTHER_PERSON = re.compile(r"\b(?:guy|(?<!young\s)man|bloke|boyfriend|girlfriend|bf|gf|ex|stranger)\b"
                           r"[^.!?]{0,40}$", re.IGNORECASE)
_HE_OR_SHE_IS = re.compile(r"(?:he|she|who)(?:'?s|\s+is)\b", re.IGNORECASE)


def _someone_elses(text: str, phrase: "re.Match[str]") -> bool:
    """An age said as "he's 19" just after someone other than the young person."""
    return bool(_HE_OR_SHE_IS.match(phrase.group(0))) and bool(_OTHER_PERSON.search(text[:phrase.start()]))


def find_age(text: str) -> Optional[int]:
    chosen = _one_of_two(text)
    if chosen is not None:
        return chosen
    # "16 (year 11)", "16, ...", and "15. tbh doesnt matter ..." (conversations22: the age, then
    # the rest of the answer); a full stop only after 10 to 25 ("6. how long is the wait" picks
    # from a list).
    if (re.match(r"\s*\d{1,2}\s*(?:\(|,)", text) or re.match(r"\s*(?:1\d|2[0-5])\.(?!\d)", text)) \
            and not re.search(r"[%£$/:]", text) and not _COUNTED.search(text[:30]):
        answer = parse_age(text)  # "16 (year 11)": the number said first is the age
        return answer.age if answer.ok else None
    # Not a time for or since something with a hedge before it ("haven't done it for nearly
    # three years", "for about 2 years now": conversations22); the lookbehinds above take the
    # plain "for 2 years".
    phrases = [p for p in _AGE_PHRASES.finditer(text) if not _A_WHILE_BEFORE.search(text[:p.start()])
               and not _someone_elses(text, p)]
    if not phrases:
        ones = _ONE_OF_MINE.findall(text.lower())
        if len(ones) != 1:
            return None  # "my middle one is 10 and my oldest one is 16": which is asked about?
        return int(ones[0]) if 0 < int(ones[0]) <= OLDEST_PLAUSIBLE else None
    # An age said as a number beats a school year, which only approximates one: "Y12 student
    # (17)" is 17.
    phrase = next((p for p in phrases if not _SCHOOL_YEAR.match(p.group(0))
                   and not _TEAM.search(p.group(0).lower())),
                  next((p for p in phrases if not _SCHOOL_YEAR.match(p.group(0))), phrases[0]))
    shorthand = re.fullmatch(r"(\d{1,2})\s?[fm]", phrase.group(0), re.IGNORECASE)
    if shorthand:
        return int(shorthand.group(1))
    team = _TEAM.search(phrase.group(0).lower())
    if team:
        return int(team.group(1)) - 1
    # With the words just after it: "turns 12 next week" is 11 now.
    said = text[phrase.start():phrase.end() + 25]
    answer = parse_age(re.sub(r"(\d)s\b", r"\1", said))  # "my year 9s"
    if answer.age is None or answer.age > OLDEST_PLAUSIBLE:
        return None
    return answer.age


def find_place(text: str, clauses: bool = True) -> Optional[str]:
    """The words naming a place in ``text``; with ``clauses`` False, not from a clause that is
    only a place somewhere in a longer message (an answer to "where?" starts with it)."""
    for match in _POSTCODE_LIKE.finditer(text):
        code = match.group(1)
        # Only a postcode-shaped word that really is one in the five areas (or a full
        # postcode anywhere): "b4", "y9" and "gr8" are not places.
        place = resolve(code)
        full = " " in code.strip() or len(code.replace(" ", "")) >= 5
        settled = resolve(text.strip()) if place.status == AMBIGUOUS else None
        if settled is not None and settled.status == FOUND and settled.kind == "place":
            # "ME3 9ZZ, hoo": the place named settles which district (never the whole message
            # as the place: "ME3 9ZZ, hoo, hes hitting me", review of round 18).
            return f"{code.upper()}, {settled.matched}"
        if place.status == AMBIGUOUS:
            # ... or the place named elsewhere in the message: "Is this bullying? We're Hoo way,
            # ME3." (conversations42), when it lies in one of the postcode's districts.
            elsewhere = find_place(text[:match.start()] + " " + text[match.end():], clauses)
            settled = resolve(f"{code.upper()}, {elsewhere}") if elsewhere else None
            if settled is not None and settled.status == FOUND and settled.kind == "place":
                return f"{code.upper()}, {settled.matched}"
        if place.status in (FOUND, AMBIGUOUS) or (full and place.status == OUTSIDE):
            return code.upper()
    # A message that is all one place, with what places it ("Halstead in Essex, near
    # Braintree", "Rainham Kent"): the whole of it, not the county named after "in". (One
    # word alone is left to the form: "Deal" or "Seal" said on their own may be words.)
    whole = text.strip().strip(".!")
    if 2 <= len(whole.split()) <= 8 and whole.isascii() and not _OUTSIDE_AN_AREA.search(whole) and \
            without_lead_in(whole) == normalise_name(whole):
        place = resolve(whole)
        if place.kind == "place" and place.exact and place.status != "unknown" and (
                place.status != OUTSIDE or _named_elsewhere(whole)):
            return whole
    first = _place_then_landmark(text)
    if first:
        return first
    # Two details in one short answer, a comma between them ("14, Margate", "Gravesend, 15").
    parts = [p.strip().strip(".!") for p in text.split(",")]
    if 2 <= len(parts) <= 3 and len(text.split()) <= 8 and any(
            parse_age(p).ok and parse_age(p).age is not None for p in parts):
        for part in parts:
            if not part or part[:1].isdigit():
                continue
            named = resolve(part)
            if named.kind == "place" and named.exact and named.status not in (
                    "unknown", OUTSIDE) and (" " in part or len(part) >= 5):
                return part
    put_right = _place_put_right(text)
    if put_right:
        return put_right
    # Where someone lives now is meant over a place named in passing ("these are all in Kent -
    # we've just moved to Leigh-on-Sea"): cues of living or moving are read first.
    for match in sorted(_cues(text), key=lambda cue: _home_first(text, cue)):
        # "on", "at" and "outside" are mostly not about places ("on edge", "at home", "outside
        # the river"): after them, only a name that is no everyday word ("on Sheppey", "Year 7
        # at Meopham", "outside Faversham").
        before = text[max(0, match.start() - 30):match.start()]
        if re.match(r"at\b", match.group(0), re.IGNORECASE) and not (
                _AT_SCHOOL.search(before) or _LIVES_OUT_AT.search(before)):
            continue  # "a meltdown at Wembley", "shopping at Lakeside": an outing, not home
        cue_words = text[match.start():match.start(1)]
        loose = re.match(r"on|at|outside|close|round|up|down|over", match.group(0),
                         re.IGNORECASE) is not None or re.search(
                             r"\b(?:by|to|off)\s*$", cue_words, re.IGNORECASE) is not None
        if _OUTSIDE_AN_AREA.match(text[match.start():]):
            continue  # "so just outside Kent", "outside of Essex": not there
        home = _lives_here(text, match) or _home_first(text, match) <= 1
        leading = _leading_place(match.group(1), everyday=not loose, home=home)
        if leading and loose and _STREET.match(match.group(1)[len(leading):]):
            continue  # "we live on sutton road in southend": a street, not Sutton
        if leading:
            return leading
        misspelt = _misspelt_home(text, match) if _lives_here(text, match) else None
        if misspelt:
            return misspelt
    return _place_on_its_own(text) if clauses else None


def _misspelt_home(text: str, cue: re.Match) -> Optional[str]:
    """A misspelt town said as home and ending its clause: "were in gravesnd", "we live in
    chelmsfrod" (conversations32). One word of seven letters or more that the place data know
    only as a near spelling of one place in the five areas, never an everyday word."""
    word = cue.group(1).split()[0].rstrip(".'-")
    end = cue.start(1) + len(word)
    if len(word) < 7 or not _ENDS_CLAUSE.match(text[end:]) or _everyday(word):
        return None  # seven letters or more: "stroke" is no Strood (the review of round 22)
    lower = word.lower()
    if lower in _HALF_A_NAME or any(lower.endswith(e) for e in ("ing", "ed", "es")):
        return None  # "crossing", "twisted", "sandwiches": words, not misspelt Cressing, Twinstead ...
    place = resolve(word)
    if place.kind == "place" and not place.exact and place.status == FOUND:
        return word
    return None


_ENDS_CLAUSE = re.compile(r"\s*(?:[.,;:!?)\n]|$)")
#: The first word of a place's name, which is near another place's: "tunbridge" (Wells), not
#: Tonbridge.
_HALF_A_NAME = frozenset({"tunbridge"})


#: "at" names where a pupil is at school ("Year 7 at Meopham", "she's at school at Sandwich"),
#: never an outing (independent review, 5 December).
_AT_SCHOOL = re.compile(r"(?:\b(?:year|yr|y)\s?\d{1,2}|\b(?:school|college|academy|sixth\s+form|primary|"
                        r"secondary|grammar|uni|university))\s*$", re.IGNORECASE)


#: "at" after living names home: "She lives with dad out at St Osyth" (conversations32).
_LIVES_OUT_AT = re.compile(r"\b(?:lives?|living|stays?|staying|based)(?:\s+with\s+(?:\w+\s+){0,2}?\w+)?"
                           r"\s+(?:out|over|up|down)\s*$", re.IGNORECASE)


#: What places a place by another: "just over the border from Harlow", "near Faversham".
_LANDMARK = re.compile(r"^\W*(?:(?:it'?s|its|which\s+is|that'?s|thats)\s+)?(?:just\s+|right\s+)?"
                       r"(?:over|across|near|nr|by|outside|off|next\s+to|"
                       r"close\s+to|not\s+far\s+from|between|(?:on\s+)?the\s+other\s+side|"
                       r"on\s+the\s+(?:border|edge|outskirts))\b", re.IGNORECASE)


def _place_then_landmark(text: str) -> Optional[str]:
    """A place said first, then what it is near ("bishop's stortford, just over the border from
    harlow", "Selling - near Faversham"): the first is where the person is, even outside the
    five areas; the landmark only helps find it."""
    parts = re.split(r",|\s[-\u2013]\s|\(", text, maxsplit=1)
    if len(parts) < 2 or not _LANDMARK.match(parts[1]):
        return None
    first = parts[0].strip().strip(".!")
    if not 1 <= len(first.split()) <= 4 or not first.isascii() or _everyday(first):
        return None
    place = resolve(first)
    same = place.exact or re.sub(r"\W", "", first.lower()) == re.sub(r"\W", "", (
        place.matched or "").lower())  # "bishop's stortford" is Bishops Stortford
    if place.kind == "place" and same and place.status != "unknown":
        return first
    return None


#: "the Colchester area", "the Medway area", "the Thanet side": a place, "the" before it.
_THE_AREA = re.compile(r"the\s+((?:[A-Za-z][\w'-]*\s+){1,3}(?:area|district|borough|side|way|end)\b)",
                       re.IGNORECASE)


def _leading_place(words: str, everyday: bool = True, home: bool = False) -> Optional[str]:
    """The most leading words of ``words`` that name a place (four letters or more; one
    outside the five areas only when named with a capital, or, with ``home``, said as where
    the writer lives; with ``everyday`` False, not a single word that is also an everyday one)."""
    area = _THE_AREA.match(words)
    if area:
        # "covering a few secondaries in the Colchester area" (conversations49, development:
        # asked where the young person lives after saying so): the whole of "Colchester
        # area" must name the place ("the town area" is not the ward called Town).
        place = resolve(area.group(1))
        if place.kind == "place" and place.status in (FOUND, AMBIGUOUS) and not _everyday(
                area.group(1).split()[0]):
            return area.group(1)
    parts = words.split()
    for size in range(len(parts), 0, -1):
        chunk = " ".join(parts[:size])
        if len(chunk) < (3 if home else 4) or (not everyday and _everyday(chunk)) or \
                _OUTSIDE_AN_AREA.search(chunk):
            continue
        place = resolve(chunk)
        if not place.exact and re.match(r"the\s+\S+\s+\S", chunk, re.IGNORECASE):
            # "we live out on the Isle of Grain" (development set 53): a name of two words or
            # more after "the" is that name.
            named = resolve(chunk[4:])
            place = named if named.exact else place
        if place.status != "unknown" and place.kind == "place" and place.exact and (
                place.status != OUTSIDE or _named_elsewhere(chunk) or (
                    home and normalise_name(chunk) not in _NOT_PLACES_IN_PASSING)):
            return chunk.rstrip(".'-")
    return None


#: "outside Kent", "outside of Essex": said of a county or an area, where someone is not (a
#: social worker's "He's now with carers in Rye, East Sussex, so just outside Kent" was read as
#: Kent, and Kent's services listed: development set 53). "Just outside Faversham" is near it.
_OUTSIDE_AN_AREA = re.compile(r"outside\s+(?:of\s+)?(?:kent|essex|the\s+(?:county|"
                              r"area|five\s+areas))\b", re.IGNORECASE)

#: Cues that say where someone lives now, read before the others.
_LIVING = re.compile(r"(?:live|lives|living|based|moved|moving)\b", re.IGNORECASE)
#: ... said of the writer or the young person, not of someone else ("my mum lives in Colchester").
_WHO_LIVES = re.compile(r"\b(?:i|we|he|she|they|i'?m|im|we'?re|he'?s|she'?s|they'?re|i'?ve|ive|"
                        r"we'?ve|just|now|currently|but|actually|really|mainly|mostly)\s+(?:\w+\s+)?$"
                        # ... or a clause of its own: "school in Maldon, lives in Chelmsford".
                        r"|(?:^|[,.;:(]|\s[-\u2013])\s*$", re.IGNORECASE)
#: Words after a name that make it a street: "on Sutton Road".
_STREET = re.compile(r"\s*(?:road|rd|street|st|lane|ln|avenue|ave|close|way|drive|crescent|grove|"
                     r"gardens|terrace|hill|place|court|parade|park)\b", re.IGNORECASE)
#: Words before a lone name that make it a person's: "my friend, milton, says ...".
_PERSON_BEFORE = re.compile(r"\b(?:friend|mate|bestie|brother|sister|bro|sis|cousin|boyfriend|girlfriend|"
                            r"called|named|teacher|mr|mrs|miss|ms)\W*$", re.IGNORECASE)


#: "we are in Hastings", "we're in hastings": where the writer's family is, as "we live in" ...
_WE_ARE = re.compile(r"\b(?:we\s+are|we['\u2019]re)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: "im in croydon", "i'm currently in bromley": where the writer is, read as home like "we are in".
_I_AM = re.compile(r"\b(?:i\s+am|i['\u2019]?m)\s+(?:still\s+|currently\s+|now\s+|actually\s+)?$",
                   re.IGNORECASE)
#: ... typed without the apostrophe, opening a sentence: ". were in gravesnd" (conversations32);
#: read so only for a place in the five areas that ends the clause ("were in london last week",
#: "were in birmingham at my nans when ..." are visits: the independent review of round 22).
_WERE = re.compile(r"(?:^|[.!?;]\s*)were\s+$", re.IGNORECASE)
#: ... unless it is a visit ("we're in london for the day").
_VISIT = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:for\s+(?:the|a)\s+(?:day|weekend|week|night|holiday)|"
                    r"on\s+holiday|visiting|at\s+the\s+weekend|this\s+weekend|today|for\s+now)\b",
                    re.IGNORECASE)


def _lives_here(text: str, cue: re.Match) -> bool:
    """A cue of living or moving said of the writer or the young person."""
    before = text[max(0, cue.start() - 25):cue.start()]
    if re.match(r"in\b", cue.group(0), re.IGNORECASE) and _WE_ARE.search(before):
        return not _VISIT.match(text[cue.start(1):])
    if re.match(r"in\b", cue.group(0), re.IGNORECASE) and _I_AM.search(before):
        # "is there anyone i can talk to? im in croydon" (conversations42): only a place that
        # ends its clause and is no visit ("im in london for the day", "im in bed").
        place = cue.group(1).strip()
        return len(place.split()) <= 3 and _ENDS_CLAUSE.match(text[cue.end(1):]) is not None and \
            not _VISIT.match(text[cue.start(1):])
    if re.match(r"in\b", cue.group(0), re.IGNORECASE) and _WERE.search(before):
        place = cue.group(1).strip()
        return len(place.split()) <= 2 and _ENDS_CLAUSE.match(text[cue.end(1):]) is not None and \
            resolve(place).status in (FOUND, AMBIGUOUS)
    return bool(_LIVING.match(cue.group(0))) and bool(_WHO_LIVES.search(before))


#: "she lives just over the border in", "he's living with his dad now in": a cue of living,
#: then a few words, then "in" (development conversations30: the college's town was taken).
_LIVES_THEN_IN = re.compile(r"\b(?:i|we|he|she|they)\s+(?:lives?|living|is\s+living|are\s+living|"
                            r"'?s\s+living)\b(?:\s+[\w']+){1,5}\s+$", re.IGNORECASE)
#: A child's placement: "He's now with carers in Rye", "she's placed with her aunt in" (a social
#: worker's correction, development set 53); read after "we live in" and "we're in", never a
#: stay ("shes with her dad in brighton every other weekend": the independent review).
_PLACED_IN = re.compile(r"\b(?:he|she|they)(?:'?s|'?re|\s+is|\s+are)\s+(?:now\s+|currently\s+)?"
                        r"(?:placed\s+with|with\s+(?:(?:new|foster|kinship|his|her|their)\s+)?carers|"
                        r"with\s+(?:a\s+|his\s+|her\s+|their\s+|new\s+)?foster\s+(?:carers?|parents|family|mum|dad))"
                        r"\b(?:\s+[\w']+){0,3}\s+$", re.IGNORECASE)


def _home_first(text: str, cue: re.Match) -> int:
    """The order place cues are read in: "we live in" first, then "we are in", then others
    ("they were in london when it happened, we live in gravesend" is Gravesend)."""
    if _LIVING.match(cue.group(0)) and _lives_here(text, cue):
        return 0
    if re.match(r"in\b", cue.group(0), re.IGNORECASE) and \
            _LIVES_THEN_IN.search(text[max(0, cue.start() - 50):cue.start()]):
        return 0
    if _lives_here(text, cue):
        return 1
    before = text[max(0, cue.start() - 50):cue.start()]
    placed = re.match(r"in\b", cue.group(0), re.IGNORECASE) and _PLACED_IN.search(before) and \
        not _VISIT.match(text[cue.start(1):])
    return 1 if placed else 2


#: Clauses of a message: a place can be one on its own ("... someone to talk to. margate").
_CLAUSES = re.compile(r"[.,;:!?()\n]|\s[-\u2013]\s")
#: Place names here that are also everyday words or first names ("stone", "deal", "the river",
#: "Ashley"): never a place on their own in the middle of a message, or after "on".
_EVERYDAY_NAMES = frozenset("""bridge seal bean ware march street reading sale hook bury hale hyde
bath wells deal ham stone river worth loose selling messing matching mucking throws warden
sandwich crouch grain minster capel lower upper common green heath marsh park cross end hill
east west north south hope greet birch bobbing brook broadway chalk cooling grange lade platt
ripple staple steeple stock stoke thong sugarloaf ashley shelley hartley preston ramsey ridley""".split())


def _everyday(chunk: str) -> bool:
    words = normalise_name(chunk).split()
    words = words[1:] if len(words) > 1 and words[0] == "the" else words
    return len(words) == 1 and words[0] in _EVERYDAY_NAMES


#: A clause that is only an age: "14", "shes 14", "im 15", "aged 9".
_AGE_CLAUSE = re.compile(r"(?:(?:i'?m|im|i\s+am|she'?s|shes|he'?s|hes|they'?re|theyre|age|aged)\s+)?"
                         r"(?:[4-9]|1\d|2[0-5])(?:\s*(?:yo|y/o|yrs?(?:\s+old)?|years?(?:\s+old)?))?",
                         re.IGNORECASE)


def _beside_an_age(clauses: List[str], number: int) -> bool:
    """The clause before or after ``clauses[number]`` is only an age: "shes 14. deal" names
    Deal, as "big deal" or "it's a deal" do not (conversations26)."""
    return any(0 <= n < len(clauses) and _AGE_CLAUSE.fullmatch(clauses[n].strip())
               for n in (number - 1, number + 1))


def _place_on_its_own(text: str) -> Optional[str]:
    """A clause of a longer message that is only a place in the five areas, as people add
    where they are: "just need someone to talk to. margate", "im 16, witham", "Rochester. to
    be honest im frightened". Not a word that is also an everyday one, unless an age is said
    on its own beside it ("shes 14. deal")."""
    clauses = [c.strip(" '\"") for c in _CLAUSES.split(text)]
    if len(clauses) < 2:
        return None
    for number, clause in enumerate(clauses):
        if number and _PERSON_BEFORE.search(clauses[number - 1]):
            continue  # "my friend, milton, says hes going to hurt himself"
        if not 1 <= len(clause.split()) <= 4 or len(clause) < 3 or \
                (len(clause) < 4 or _everyday(clause)) and not _beside_an_age(clauses, number) or \
                not re.fullmatch(r"[A-Za-z][A-Za-z' -]*", clause):
            continue
        place = resolve(clause)
        if place.kind == "place" and place.exact and place.status in (FOUND, AMBIGUOUS):
            return clause
    return None


#: "the Grays one not Basildon", "Chatham not Chelmsford": a place put right, the new one first.
_NOT_PLACE = re.compile(r"\b((?:[a-z][\w'.-]*\s+){0,2}[a-z][\w'.-]*)\s+(?:one\s+)?not\s+(?:in\s+|the\s+)?"
                        r"((?:[a-z][\w'.-]*)(?:\s+[a-z][\w'.-]*){0,2})", re.IGNORECASE)


_LEAD_INS = {"in", "at", "the", "near", "from", "to", "one", "is", "its", "it's", "lives", "live"}


def _place_put_right(text: str) -> Optional[str]:
    """The place in "X not Y" when both name places ("this pupil is at the Grays one not
    Basildon"): the one said first is meant."""
    for match in _NOT_PLACE.finditer(text):
        if not _leading_place(match.group(2)):
            continue
        words = match.group(1).split()
        for start in range(len(words)):
            if words[start].lower() in _LEAD_INS:
                continue
            leading = _leading_place(" ".join(words[start:]))
            if leading:
                return leading
    return None


def _cues(text: str):
    """Every place cue, overlapping ones too: "near the station in Basildon" is read from
    "near" and again from "in"."""
    at = 0
    while True:
        match = _PLACE_CUE.search(text, at)
        if match is None:
            return
        yield match
        at = match.start() + 1


#: Towns elsewhere whose names are also everyday words after "in" ("in March").
_NOT_PLACES_IN_PASSING = frozenset({"march", "may", "reading", "street", "sale", "bath"})


def _named_elsewhere(chunk: str) -> bool:
    """A town outside the five areas, named in passing ("my son in Leeds"): only when it is
    written with a capital and is not also an everyday word ("in March", "in the bath")."""
    return chunk[:1].isupper() and normalise_name(chunk) not in _NOT_PLACES_IN_PASSING


#: A bare number below this is taken for a numbered choice ("1", "2", "3"), not an age.
BARE_AGE_FROM = 4

#: A number that is a clause of its own: nothing but spaces between it and the clause's ends
#: (the message's ends, a full stop, comma, semicolon, "!", "?", a line break or a dash). Not a
#: time ("3:15"), a decimal ("1.5"), money, a score, or a number in brackets ("a team of lads
#: (25)": the bracket's own reading is _AGE_PHRASES').
_NUMBER_CLAUSE = re.compile(r"(?:^|(?<![\d£$])[.,;!?\n]|\s[-\u2013])\s*(\d{1,2})\s*"
                            r"(?=$|[,;!?\n]|\.(?!\d)|\s[-\u2013]\s)")


#: Beside a number, words that make it a count, not an age: "20, that's how many times she's
#: cried", "paracetamol. 24. i feel sick" (the independent review of round 19).
_COUNTED = re.compile(r"\b(?:how\s+many|times|x|of\s+them|took|taken|pills?|tablets?|paracetamol|"
                      r"paras|ibuprofen|meds|cans|drinks|shots|mg|quid|pounds|percent|out\s+of)\b|[£$%]")


def _age_on_its_own(text: str) -> Optional[int]:
    """A young person's age said as a clause of its own in a longer message, as people add it
    with the place: "can u help w eating stuff ... 17. CM9 9ZZ", "at the end of my rope w him. 7,
    meltdowns every morning", "need someone to talk to, 16, sheerness" (conversations26). Only
    one such number (numbered points are a list) and only from BARE_AGE_FROM to 25."""
    found = [m for m in _NUMBER_CLAUSE.finditer(text)
             if not re.match(r"[:.]\d", text[m.end(1):m.end(1) + 2])
             and not _COUNTED.search(text[max(0, m.start(1) - 14):m.end(1) + 24])]
    if len(found) != 1:
        return None
    value = int(found[0].group(1))
    if found[0].start(1) == len(text) - len(text.lstrip()) and value < 10 and \
            text[found[0].end(1):].lstrip().startswith("."):
        return None  # "6. how long is the wait": a pick from the list, as find_age reads it
    return value if BARE_AGE_FROM <= value <= 25 else None


def extract(text: str) -> Details:
    text = (text or "")[:1000]
    lower = text.lower().replace("\u2019", "'")
    age, place = find_age(lower), find_place(text)
    if only_a_detail(text):
        # "15" or "broadstairs" on its own, even with no question asked (after a crisis reply,
        # say): the answer to the question asked before, kept so it is not asked again.
        bare = parse_age(text) if place is None else None
        if age is None and bare and bare.ok and bare.age is not None and \
                bare.age >= BARE_AGE_FROM:
            age = bare.age
        if place is None and not (bare and bare.ok and bare.age is not None):
            place = text.strip().strip(".,!?")
    if age is None and not only_a_detail(text):
        age = _age_on_its_own(lower)
    if age is None or place is None:
        # "any1 who can help w that? im 18 basildon" (conversations34): both details at the end
        # of a text, with no word between them.
        tail = _AGE_THEN_PLACE.search(lower)
        if tail:
            named = resolve(tail.group(2))
            if named.kind == "place" and named.exact and named.status in (FOUND, AMBIGUOUS):
                age = int(tail.group(1)) if age is None else age
                place = tail.group(2) if place is None else place
    writer = writer_of(lower)
    own = _ADULT_OWN_AGE.search(lower)
    if own and age == int(own.group(1)) and _CARING_FOR.search(lower):
        # "Is there anything for grandparents like me? I'm 68 and it's a lot to take on", "im 30
        # and my son is 8" (conversations36): an adult's own age beside the child they care for
        # is not the young person's, nor a sign that the writer is one.
        age = find_age(lower[:own.start()] + " " + lower[own.end():])
        writer = writer if writer not in (None, YOUNG_PERSON) else PARENT_CARER
    if age is None and place and "," in text and len(text.split()) <= 8:
        # "Gravesend, 15": the other part of a two-detail answer is the age.
        numbers = [parse_age(p) for p in text.split(",") if p.strip().isdigit()]
        if len(numbers) == 1 and numbers[0].ok and (numbers[0].age or 0) >= BARE_AGE_FROM:
            age = numbers[0].age
    return Details(age=age, place=place, relation=find_relation(lower), audience=writer)


#: A writer's own age as an adult, beyond the service's 0-25 ("I'm 68", "im 30").
_ADULT_OWN_AGE = re.compile(r"\b(?:i'?m|im|i\s+am)\s+(?:(?:now|only|nearly|almost)\s+)?(2[6-9]|[3-9]\d)\b"
                            r"(?!\s*(?:%|months?|weeks?|days?|mins?|minutes?|hours?|miles?|stone|kg))")
#: ... beside the child they care for, or saying they are a parent or carer ("grandparents like
#: me", "as her nan", "my granddaughter"). Not their own parents ("im 30 and my mum has MS").
_CARING_FOR = re.compile(
    r"\b(?:(?:grand)?parents?|carers?|mums?|dads?|nans?|grans?|grannies|grandads?)\s+like\s+me\b"
    r"|\bas\s+(?:a|her|his|their|the)\s+(?:grand)?(?:parent|mum|dad|carer|nan|gran|grandad)\b"
    r"|\b(?:foster|kinship)\s+carers?\b|\bspecial\s+guardian\b"
    r"|\bfor\s+(?:us\s+|me\s+)?(?:as\s+)?(?:parents|carers|grandparents|mums|dads)\b"
    r"|\bmy\s+(?:(?:step-?|grand)?(?:son|daughter|child|children|kids?)|boy|girl|lad|teen|teenager|"
    r"grandchild(?:ren)?|grandkids?|grandson|granddaughter)\b")


#: "im 18 basildon", "i'm 15 gravesend": an age and a town (one to three words) ending a text.
_AGE_THEN_PLACE = re.compile(r"(?:^|[.?!,]\s*|\s)(?:i'?m|im|i\s+am)\s+(1[0-9]|2[0-5]|[4-9])\s+"
                             r"([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){0,2})\W*$")


#: Words that may come with a bare detail without making it more than one ("he's 9 now",
#: "we live in Deal", "sorry, Margate").
_FILLER = re.compile(
    r"\b(?:i|we|i'?m|i am|im|he'?s|she'?s|they'?re|he is|she is|they are|we'?re|we are|my|our|"
    r"son|daughter|child|kid|lad|girl|boy|is|aged?|years?|yrs?|old|now|just|actually|sorry|"
    r"oh|ok|okay|um+|erm+|yeah|yes|well|live|lives|living|in|at|near|from|the|area|town|"
    r"village|postcode|it'?s|its|thanks|thank you|please|x+|"
    # A place described rather than named: "a little village just outside Ashford" (a crisis
    # reply on the model's word alone, conversations28), "on the edge of Rochester".
    r"a|little|small|tiny|hamlet|outside|outskirts|edge|of|on|by|close to|next to|round|"
    r"around|bit)\b")


def only_a_detail(text: str) -> bool:
    """Is the whole message an age, a place or postcode, or a number, and nothing else? Such a
    message answers the bot's question ("15", "broadstairs", "CT10", "she's 9") and carries
    no risk of its own: with no risk phrase in it, a model's urgent guess on it is noise."""
    text = (text or "").strip()
    if not text or len(text) > 40 or re.search(r"[%£$€/:@#+=]", text):
        return False  # "15%", "24/7", "3:30", "@name": numbers that are not ages or places
    lower = text.lower().replace("\u2019", "'")
    if re.fullmatch(r"\d{1,3}", lower):
        return True
    rest = re.sub(r"\s+", " ", _FILLER.sub(" ", re.sub(r"[^\w\s']", " ", lower))).strip()
    if not rest:
        return False
    if len(rest.split()) <= 2 and parse_age(rest).ok:
        return True
    place = resolve(rest)
    return place.status in (FOUND, AMBIGUOUS, OUTSIDE) and (
        place.kind in ("postcode", "outcode") or place.exact)


def answers_question(slot: Optional[str], text: str) -> bool:
    """Does the message give what the bot just asked for (an age, a place, who it is for)?
    Used to keep a plain answer from being taken as anything else; what the answer means is
    read later, by the form."""
    text = (text or "").strip()
    if not slot or not text or len(text) > 200:
        return False
    if slot == "age":
        return parse_age(text).ok or find_age(text.lower()) is not None
    if slot == "location":
        # Excuses a model-only check-in: only a place said as the answer, not one added after
        # something else ("not that it matters now. margate" keeps its check-in).
        if find_place(text, clauses=False):
            return True
        head = re.split(r"[,.;!?(]| - ", text, maxsplit=1)[0].strip()
        return bool(head) and len(head.split()) <= 4 and resolve(head).status != "unknown"
    if slot == "audience":
        from .audience import parse_audience

        return parse_audience(text) is not None
    return False


def other_details_only(text: str) -> bool:
    """A message given where a place was asked for that names no place but gives another
    detail (an age, who the young person is): "wait sorry its not for me its for my little
    bro, hes 12". Not an unknown place to complain about."""
    found = extract(text)
    return found.place is None and len(text.split()) > 3 and (
        found.age is not None or found.relation is not None)


#: The intent the safety component gives an unsure urgent guess (safety.assess).
CHECK_IN_INTENT = "risk_check_in"
#: A plain answer is short ("Margate, sorry is that too far?"); a longer message that gives
#: the detail and says more keeps its check-in, whatever the detail.
PLAIN_ANSWER_WORDS = 8


#: Support words of the safety lexicon that say where someone lives: in an answer to "where do
#: you live?" ("hockley, one of the roads off the main road near the woods", conversations28)
#: they are the answer, not a sign of risk. Not "bridge", "station", "cliff" or "roof": where
#: someone is may be where they mean to jump.
WHERE_WORDS = frozenset({"road", "roads", "woods", "wood", "street", "lane", "estate", "fields"})


def risk_in(evidence: Sequence[Mapping[str, Any]], requested_slot: Optional[str]) -> bool:
    """Any lexicon match in ``evidence``, but for WHERE_WORDS in an answer to the place
    question."""
    return any(not (requested_slot == "location" and e.get("tier") == "support"
                    and str(e.get("text", "")).strip().lower() in WHERE_WORDS) for e in evidence)


def plain_answer(requested_slot: Optional[str], text: str, intent: Optional[str],
                 risk_evidence: bool) -> bool:
    """A check-in guessed from the model alone, with no risk phrase in the message, on a
    message that answers the question just asked ("Margate, sorry is that too far?" to "where
    do you live?"): an answer, not a risk. The policy lets the form take it and the form reads
    it; a risk phrase, or a model sure enough to give the crisis reply, still interrupts."""
    return (intent == CHECK_IN_INTENT and not risk_evidence
            and len((text or "").split()) <= PLAIN_ANSWER_WORDS
            and answers_question(requested_slot, text))


#: Words that say a detail given earlier is being put right.
_CORRECTION = re.compile(r"\b(?:actually|sorry|oops|wait|i meant|meant to say|i mean|not|wrong|"
                         r"mistake|correction|turned|typo|apologies|apologise|apologize|my bad|"
                         r"should have|should've|shoulda|rather than|instead|clearer|correct)\b")


#: Words of risk or distress: a message with any of them is never only a correction, whatever
#: detail it gives ("sorry. leigh. i dont see the point anymore", "wait im 15 and i was
#: assaulted at a party"); it keeps the reply the safety layer and the model give it.
_DISTRESS = re.compile(
    r"\b(?:point|pointless|gone|burden|die|died|dying|dead|death|kill\w*|suicid\w*|end\w*\s+(?:it|things|my)|"
    r"hurt\w*|harm\w*|cut\w*|bleed\w*|blood|pills?|tablets?|overdose\w*|sick|starv\w*|"
    r"assault\w*|attack\w*|rape\w*|abus\w*|touch\w*|pictures?|pics|photos?|nudes?|groom\w*|"
    r"missing|run\s+away|ran\s+away|following|followed|threat\w*|knife|blade|weapon|gang|drugs?|"
    r"hit|hits|hitting|beat\w*|scared|afraid|frightened|terrified|unsafe|safe|danger\w*|police|"
    r"hospital|a&e|emergency|help|no\s*one|nobody|alone|hate\s+myself|worthless|hopeless|"
    r"can'?t\s+cope|cant\s+cope|not\s+coping|give\s+up|tonight|forever)\b")


#: "not" saying how someone is ("im not ok", "not coping", "feeling not great"), never a detail
#: put right.
_NOT_A_STATE = re.compile(r"\b(?:i'?m|im|i\s+am|am|feel\w*|doing|been|she'?s|he'?s|shes|hes|they'?re)\s+"
                          r"(?:really\s+|just\s+|so\s+)?not\b|\bnot\s+(?:really\s+)?(?:ok|okay|good|great|well|"
                          r"coping|fine|safe|sure|doing|feeling|happy|alright|right|managing|sleeping|eating)\b")


def corrects_details(text: str) -> bool:
    """A message the model could not place that gives an age or a place and says it is
    putting something right ("sorry, I got that wrong - he turned 18 last week"), or is only
    a detail: it answers or corrects the bot's questions rather than saying something new."""
    text = (text or "")[:300]
    if only_a_detail(text):
        return True
    if _DISTRESS.search(text.lower().replace("\u2019", "'")):
        return False
    found = extract(text)
    lower = text.lower().replace("\u2019", "'")
    cues = {m.group(0) for m in _CORRECTION.finditer(lower)}
    if cues == {"not"} and _NOT_A_STATE.search(lower):
        # "im not ok, im 16 dover" says how someone is, and puts nothing right.
        return False
    return (found.age is not None or found.place is not None or found.relation is not None) \
        and bool(cues)


#: The rows of a keyboard: four or more neighbouring keys in a row is mashing, not a word.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_RUNS = {row[i:i + 4] for row in _ROWS for i in range(len(row) - 3)}
_RUNS |= {run[::-1] for run in _RUNS}


def keyboard_mash(text: str) -> bool:
    """ "asdfgh qwerty": every word of letters holds four neighbouring keys of one keyboard row
    (or has no vowel at all, "sdfkj"). Such a message gives no detail and means nothing, however
    sure a model is of it (a model with word-piece features found 'asdfgh qwerty' a likely
    answer to a question)."""
    words = re.findall(r"[a-z]+", text.lower())
    if not words or len(text) > 60:
        return False
    return all(len(w) >= 4 and (any(r in w for r in _RUNS) or not re.search(r"[aeiouy]", w))
               for w in words)
