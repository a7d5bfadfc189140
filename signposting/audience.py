"""Who is writing: a young person, a parent or carer, or a professional. One inference, used by
every part of the bot that words a reply for the writer or orders services for them.

The three codes are the taxonomy's audiences (services_catalog/taxonomy.yml). The writer shows
in the wording: a staff role or the words only staff use ("one of my pupils", "I'm a SENCo",
"my caseload") make a professional; "my son", "our daughter" a parent or carer; "I'm 15" a young
person. ``writer_of`` reads one message; ``writes_as_young_person`` and ``about_someone_else``
read a conversation so far; ``parse_audience`` reads an answer to "is this for you, your child,
or someone you work with?", whose numbered choices count as well as words.

A slip here changes the wording and the order of services, never which urgent help is given.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional

from .ages import FIRST_PERSON_AGE, NUMBER_WORD

YOUNG_PERSON, PARENT_CARER, PROFESSIONAL = "young_person", "parent_carer", "professional"
AUDIENCES = (YOUNG_PERSON, PARENT_CARER, PROFESSIONAL)

#: Words about a young person that only staff use ("my pupils", "a learner on my caseload").
PROFESSIONAL_WORDS = frozenset({"pupil", "pupils", "learner", "learners", "senco", "dsl",
                                "caseload", "tutee", "tutees", "colleague"})
#: "my"/"our" and one of these within four words: a parent or carer writing.
PARENT_WORDS = frozenset({"son", "daughter", "child", "kid", "kids", "stepson", "stepdaughter",
                          "teenager", "teen", "grandson", "granddaughter", "toddler", "baby",
                          "foster", "youngest", "eldest", "oldest", "twins", "stepchild",
                          "children"})

#: "my lad", "our lass", "my little boy": a parent's plain words for their child. "Boy" and
#: "girl" only straight after "my" (or "my little"), as "my girl" further on may be a friend.
_MY_CHILD_SAID_PLAINLY = re.compile(
    r"(?:lad|lass|little\s+(?:boy|girl|one|lad|lass)|middle\s+one|boy|girl)\b(?!\s+friend)")

#: Who the young person is to the writer, and so who is writing.
RELATIONS = {
    **{w: PARENT_CARER for w in ("son", "daughter", "child", "kid", "stepson", "stepdaughter",
                                 "grandson", "granddaughter", "grandchild", "toddler",
                                 "teenager", "foster child", "niece", "nephew", "godson",
                                 "goddaughter", "godchild")},
    **{w: PROFESSIONAL for w in ("pupil", "student", "learner", "tutee", "client", "patient")},
    **{w: YOUNG_PERSON for w in ("friend", "mate", "bestie", "brother", "sister", "bro", "sis", "boyfriend",
                                 "girlfriend", "cousin", "classmate")},
}
#: Up to three words may stand between ("my eldest son", "a 15 year old daughter"), never
#: another's word or a preposition: "a row with her boyfriend" is not the writer's boyfriend (a
#: grandfather's report of an overdose got the young person's wording: development set 53).
_RELATION = re.compile(r"\b(?:my|our|a|one\s+of\s+my|one\s+of\s+our)\s+"
                       r"(?:(?!(?:her|his|their|your|its|with|who|that|which)\b)\w+\s+){0,3}?("
                       + "|".join(sorted(RELATIONS, key=len, reverse=True)) + r")s?\b")
#: Early years staff (conversations22): "nursery manager", "early years practitioner".
_EARLY_YEARS = (r"nursery\s+(?:nurse|manager|worker|practitioner|teacher)|"
                r"early\s+years\s+(?:practitioner|worker|teacher|lead)|pre-?school\s+(?:leader|manager|worker)")
#: "I'm a Year 1 teacher in Sheerness", "I'm a primary school teacher" (conversations47,
#: development: a teacher got the young person's crisis wording): a word and a school year or
#: a kind of school or class before the role, never "as a result my teacher ...".
_ROLE = re.compile(r"\b(?:i'?m|i\s+am|im|as)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?"
                   r"(?:(?:year|yr)\s?\d{1,2}\s+|(?:school|class|form|college|primary|secondary|supply|"
                   r"cover)\s+)?(teacher|senco|dsl|"
                   r"tutor|head\s?teacher|school\s+nurse|youth\s+worker|social\s+worker|gp|"
                   r"counsellor|mentor|pastoral\s+(?:lead|manager|worker|officer)|support\s+worker|ta|teaching\s+assistant|lsa|"
                   # Development set 51: "I'm a pastoral manager at a sixth form".
                   r"safeguarding\s+lead|wellbeing\s+(?:lead|officer)|attendance\s+officer|early\s+help\s+worker|"
                   r"health\s+visitor|"
                   r"learning\s+support\s+assistant|head\s+of\s+year|dmhl|mental\s+health\s+lead|"
                   r"child\s+minder|childminder|" + _EARLY_YEARS + r")\b"
                   # Not another's role: "im the pastoral manager's son", "as the health visitor
                   # said" (the review of round 31).
                   r"(?!'s|\s+(?:said|says|told|tells|thinks|suggested)\b)")
#: A head of year, of a key stage or of sixth form: "Head of Year 9." (conversations32).
_HEAD_OF = (r"head\s+of\s+(?:(?:year|yr)(?:\s?\d{1,2})?|sixth\s+form|6th\s+form|ks\s?[2-5]|"
            r"key\s+stage\s+[2-5]|pastoral|inclusion|house)")
#: A role named with what or where it serves: "College counsellor.", "Drugs worker at a GP
#: surgery.", "College wellbeing lead.", "football coach," (conversations36 and 38).
_QUALIFIED_ROLE = (r"(?:college|school|uni|university|sixth\s+form|student|drugs?|drug\s+and\s+alcohol|"
                   r"substance\s+misuse|wellbeing|mental\s+health|pastoral|inclusion|camhs|nhs|community|"
                   r"sports?|football|rugby|netball|cricket|swimming|swim|dance|boxing|gym|church|scout|"
                   r"cadet|young\s+carers?|outreach|detached|pe|english|maths|math|science|music|art|drama|"
                   r"history|geography|re|french|spanish|german|computing|ict|dt|food|send|sen|supply|"
                   r"cover|primary|secondary|nursery|reception|year\s?\d{1,2}|yr\s?\d{1,2})"
                   r"(?:\s+(?:wellbeing|support|liaison|welfare|mental\s+health|pastoral|inclusion|youth))?\s+"
                   r"(?:counsellor|worker|lead|officer|nurse|practitioner|manager|adviser|advisor|coordinator|"
                   r"co-ordinator|coach|mentor|therapist|leader|tutor|chaplain|teacher|assistant)")
#: Staff introduce themselves by their role before the message: "GP here.", "school nurse - yr 7
#: boy ...", "Pastoral lead here", "TA here", "Year 6 teacher:". Only at the start, or as
#: "<role> here" anywhere, so that "my teacher said" stays a young person's words.
_STAFF_ROLES = (r"(?:(?:year|yr)\s?\d{1,2}\s+)?(?:class\s+|form\s+|sixth\s+form\s+)?teacher|senco|dsl|"
                r"(?:form\s+|sixth\s+form\s+)?tutor|head\s?teacher|deputy\s+head|head\s+of\s+year|"
                r"school\s+nurse|nurse|gp|doctor|paediatrician|youth\s+worker|social\s+worker|"
                r"family\s+support\s+worker|support\s+worker|early\s+help\s+worker|health\s+visitor|"
                r"pastoral\s+(?:lead|manager|worker)|safeguarding\s+lead|learning\s+mentor|mentor|"
                r"teaching\s+assistant|lunchtime\s+supervisor|counsellor|school\s+counsellor|"
                # Front-desk staff who pass a family's question on (conversations20).
                r"(?:gp|surgery|practice|school)\s+receptionist|attendance\s+officer|childminder|"
                + _EARLY_YEARS)
#: Roles of two words or more, which no young person opens a message with: "School nurse in
#: Tenterden.", "Support worker with a young carer, 18, ...".
_COMPOUND_ROLES = (r"school\s+nurse|youth\s+worker|social\s+worker|(?:family\s+)?support\s+worker|"
                   r"early\s+help\s+worker|health\s+visitor|pastoral\s+(?:lead|manager|worker)|"
                   r"safeguarding\s+lead|learning\s+mentor|teaching\s+assistant|lunchtime\s+supervisor|"
                   r"school\s+counsellor|head\s+of\s+year|deputy\s+head|(?:form|sixth\s+form)\s+tutor|"
                   r"(?:year|yr)\s?\d{1,2}\s+teacher|class\s+teacher|(?:gp|surgery|practice|school)\s+receptionist|"
                   r"attendance\s+officer|" + _EARLY_YEARS)
#: How staff open a message before their role: "Hi, quick one. Youth worker at a centre in
#: Southend." (conversations20).
_GREETING = (r"^\W*(?:(?:hi|hello|hiya|morning|afternoon)\W+)?"
             r"(?:(?:quick\s+(?:one|question|q)|just\s+a\s+quick\s+one)\W+)?")
_ROLE_INTRO = re.compile(_GREETING + r"(?:i'?m\s+(?:a|an|the)\s+)?(?:"
                         + _STAFF_ROLES + r")(?:\s+here\b|\s*[-\u2013:,.(])"
                         r"|\b(?:" + _STAFF_ROLES + r"|ta)\s+here\b")  # "ta," alone is thanks
#: A role named with what it serves, opening the message ("College counsellor.", "football
#: coach,"), or said with a place of work ("drugs worker at a GP surgery"): staff only with a
#: sign of someone they work with ("here", "one of my", a pupil or a client, another's age) and
#: never when the writer is the one harmed: a young person may open with the role of the one
#: who harms them ("football coach, he keeps messaging me": the independent review of round 25).
_QUALIFIED_INTRO = re.compile(_GREETING + r"(?:i'?m\s+(?:a|an|the)\s+)?" + _QUALIFIED_ROLE
                              + r"(?:\s+here\b|\s*[-\u2013:,.(]|\s+(?:in|at|with|for|from|working|based)\b)")
_STAFF_SIGN = re.compile(
    r"\b(?:one\s+of\s+(?:my|our)|(?:my|our|a|the)\s+(?:pupils?|students?|learners?|clients?|"
    r"young\s+(?:person|people)|under\s?\d{1,2}s?)|pupils?|students?|learners?|clients?|"
    r"\d{1,2}\s?(?:yo|y/o|y\.o\.?|yrs?\s+old|years?\s+old|year-old)|aged\s+\d{1,2}|"
    r"(?:year|yr)\s?\d{1,2}\s+(?:boy|girl|pupil|student|lad)|"
    r"(?:boy|girl|pupil|student|lad|learner|client)\s+(?:is|aged|age|of)\s+\d{1,2})\b")
#: The writer in the first person, other than as staff speak of their work ("told me", "I work
#: with", "I teach"): a young person writing about themselves ("im 14", "i want to die").
_WRITER_HERSELF = re.compile(r"\b(?:i|im|i'm|i'd|i'll|ive|i've|me|myself)\b")
_STAFF_FIRST_PERSON = re.compile(r"\b(?:told|showed|asked)\s+me\b|\bi\s+(?:work|teach|coach|support|see|"
                                 r"run|look\s+after|manage|mentor|am\s+(?:a|an|the)|'m\s+(?:a|an|the))\b|"
                                 r"\bi'?m\s+(?:a|an|the)\s+\w+")


#: A leader of a uniformed youth group saying so: "im a scout leader in wickford. one of my
#: scouts (12) has just told me ..." (development set 53). Never "as the scout leader was driving
#: me home", nor a young leader ("im a young scout leader", "im an assistant scout leader, im
#: 17": the second independent review), nor one the writer is harmed by.
_GROUP_LEADER = re.compile(r"\b(?:i'?m|i\s+am|im)\s+(?:a|an|the)\s+(?:scout|cub|beaver|explorer|brownie|"
                           r"guide|rainbow|cadet)\s+leader\b")


#: ... who may say what a child in their group asks of them ("hes begging me not to tell anyone").
_ASKED_OF_ME = re.compile(r"\b(?:begging|begged|pleading|pleaded|asking|asked)\s+(?:with\s+)?me\b")


def _group_leader(lower: str) -> bool:
    if not _GROUP_LEADER.search(lower) or FIRST_PERSON_AGE.search(lower) or not _STAFF_SIGN.search(lower):
        return False
    rest = _ASKED_OF_ME.sub(" ", _STAFF_FIRST_PERSON.sub(" ", lower))
    return not _WRITER_SUFFERS.search(rest)


#: A volunteer who helps run a group: "I help run a Tuesday youth club in a church hall" (development
#: set 55).
_HELPS_RUN = re.compile(r"\bi\s+help\s+(?:to\s+)?(?:run|lead)\s+(?:a|an|the|our)\s+(?:\w+\s+){0,2}"
                        r"(?:club|group|team|troop|unit|project|centre|center|scouts|guides|cadets|brigade)\b")


#: A coach of an age group ("I coach an under-14s football team in Gravesend": development set
#: 59), read as a helper is (_helps_run): many young people coach a younger team too ("i coach
#: an under 12s football team and i've been feeling really low": the second review).
_COACHES_AGE_GROUP = re.compile(r"\bi\s+(?:coach|run|manage|help\s+(?:to\s+)?(?:coach|run))\s+"
                                r"(?:a|an|the|our)\s+"
                                r"(?:under[\s-]?\d{1,2}'?s?|u\d{1,2}'?s?)\s+(?:\w+\s+){0,2}"
                                r"(?:team|side|squad|club|group)\b")
#: ... and a coach's words of one of the team: "I'm worried about one of my lads".
_COACH_OF_PLAYERS = re.compile(r"\b(?:i'?m\s+(?:really\s+|a\s+bit\s+|quite\s+)?(?:worried|concerned)\s+"
                               r"(?:about|for)\s+)?one\s+of\s+my\s+(?:lads|players|boys|girls|squad|team)\b")


def _helps_run(lower: str) -> bool:
    """... staff only when telling of one of the group, with nothing of the writer's own but
    reporting and asking, and no young age or school year of theirs (the independent review of
    round 33: "i help run the lgbt club at school and i want to kill myself", "i help to run a
    drama group and my boyfriend hits me", "... im in year 10 ...")."""
    helper = _HELPS_RUN.search(lower)
    found = helper or _COACHES_AGE_GROUP.search(lower)
    if not found or not _STAFF_SIGN.search(lower) or FIRST_PERSON_AGE.search(lower) \
            or _YOUNG_IN_A_ROLE.search(lower) or re.search(r"\bat\s+(?:my\s+|our\s+)?school\b", lower):
        return False
    rest = lower[:found.start()] + " " + lower[found.end():]
    if helper is None:
        rest = _COACH_OF_PLAYERS.sub(" one of the team ", rest)
    rest = _STAFF_FIRST_PERSON.sub(" ", rest)
    rest = _STAFF_ASKS.sub(" ", _ASKED_OF_ME.sub(" ", _HELPER_ME.sub(" ", rest)))
    return not _WRITER_HERSELF.search(rest) and not re.search(r"\bmy\b", rest)


def _qualified_staff(lower: str) -> bool:
    """A qualified role opening the message, with a sign of someone the writer works with and
    nothing of the writer themselves (see _QUALIFIED_INTRO; "college counsellor, useless, i came
    here because i want to die", "football coach, ... im 14": the second review of round 25)."""
    return bool(_QUALIFIED_INTRO.search(lower) and _STAFF_SIGN.search(lower)
                and not _WRITER_HERSELF.search(_STAFF_FIRST_PERSON.sub(" ", lower)))


#: A head of a year, key stage or sixth form opening the message ("Head of Year 9. Student aged
#: 13, ...": conversations32): staff, unless the message is about the writer ("head of sixth form
#: touched me": the independent review of round 22) and says neither "here" nor what a pupil told.
_HEAD_OF_INTRO = re.compile(_GREETING + r"(?:i'?m\s+(?:the\s+)?)?" + _HEAD_OF
                            # ... or where: "I'm Head of Year 11 at a school in Southend-on-sea"
                            # (development set 53).
                            + r"(?:\s+(here)\b|\s*[-\u2013:,.(]|\s+(?:at|in)\s+(?:a|an|the|our)\s+)"
                            r"|\b" + _HEAD_OF + r"\s+(here)\b")


def _head_of_intro(lower: str) -> bool:
    found = _HEAD_OF_INTRO.search(lower)
    if found is None:
        return False
    said_here = bool(found.group(1) or found.group(2))
    return said_here or not _WRITER_SUFFERS.search(_PUPIL_TOLD_ME.sub(" ", lower))


#: ... or followed by where or with whom they work; not when the writer is the one harmed ("deputy
#: head at school gave me a detention and now I want to die" is a young person's).
_ROLE_AT = re.compile(_GREETING + r"(?:(?:" + _COMPOUND_ROLES
                      + r")\s+(?:in|at|on|with|from|for|working|based)\b"
                      # One word said with a school, as staff say where they work: "Teacher at a
                      # secondary in Swanscombe." (never "teacher at school said ...").
                      r"|(?:teacher|tutor|senco|dsl|ta|nurse|counsellor|mentor)\s+at\s+(?:a|an)\s+"
                      r"(?:\w+\s+)?(?:secondary|primary|school|college|academy|infant|junior|special|pru)\b"
                      # ... and a coach with a club: "coach at a junior club in rayleigh"
                      # (conversations34).
                      r"|(?:i'?m\s+a\s+)?coach\s+(?:at|of|for|with)\s+(?:a|an)\s+(?:\w+\s+){0,2}(?:club|team|academy|"
                      r"squad|gym)(?:\s+(?:here|in\s+[a-z]+(?:\s+[a-z]+)?))?\s*(?:[.,:;\-\u2013]|$))")
#: Staff who open with where they work rather than their role: "I work on reception at a GP
#: surgery in Westcliff. A 16 year old lad has just come to the desk ..." (development set 51).
_WORKS_THERE = re.compile(
    _GREETING + r"i\s+work\s+(?:on\s+(?:the\s+)?(?:reception|front\s+desk)\s+"
    r"|as\s+(?:a|an)\s+\w+(?:\s+\w+)?\s+)?(?:at|in|for)\s+(?:a|an|the|our)\s+(?:\w+\s+)?"
    r"(?:(?:gp|doctors'?|doctor's)\s+(?:surgery|practice)|"
    r"surgery|pharmacy|school|primary|secondary|college|academy|nursery|pre-?school|"
    r"youth\s+(?:club|centre|center)|"
    r"children'?s\s+home|hospital|camhs|library|leisure\s+centre|(?:after[- ]school|breakfast)\s+club|"
    r"pru)\b")
#: What staff say of the one they help that names the writer only as the helper.
_HELPER_ME = re.compile(r"\b(?:let|lets|told|tell|tells|showed|asked|asks|came\s+to|come\s+to|help|want)"
                        r"\s+me\b"
                        # ... or keep with them: "She's sitting in the back office with me"
                        # (development set 55).
                        r"|\b(?:(?:room|office|here)|(?:sitting|sat|waiting|staying))\s+with\s+me\b")


#: A young person's job ("i work at a primary school as a volunteer", "Saturday job").
_YOUNG_WORKER = re.compile(r"\b(?:saturday|weekend|part[\s-]?time|apprentice\w*|volunteer\w*|young\s+leader|"
                           r"work\s+experience|placement|cleaner|lifeguard|student|trainee)\b")
#: A young person in a staff role of their own: "I work at a school as an apprentice TA, i'm 17
#: years old and my boyfriend hits me" (the second review of round 31).
_YOUNG_IN_A_ROLE = re.compile(r"\b(?:apprentice\w*|work\s+experience|trainee)\b|\b(?:i'?m|i\s+am|im)\s+"
                              r"(?:1[0-9]|[4-9])(?:\s*(?:years?|yrs?)(?:\s+old)?)?\b(?!\s*(?:years?\s+)?"
                              r"(?:into|in\s+the|qualified|teaching))")
#: How staff speak of themselves while reporting: asking what to do, not knowing.
_STAFF_ASKS = re.compile(r"\b(?:what|who|how|where|when)\s+(?:do|should|can|could|would|shall)\s+i\b|"
                         r"\b(?:should|can|could|do|shall)\s+i\s+(?:ring|call|tell|refer|contact|do|say|"
                         r"signpost|point|report)\b|\bi'?m\s+not\s+(?:sure|clinical|medical|trained|qualified)\b|\bi\s+(?:don'?t|dont)\s+know\b|"
                         r"\bi\s+(?:work|think|thought|wanted|want\s+to\s+(?:know|check|ask|help|make))\b")


def _works_there(lower: str) -> bool:
    """Opens with where the writer works, and goes on about another young person (an age, a
    pupil, a client), with nothing of the writer's own besides ("i work at a nursery and my
    manager keeps touching me", "I work at a nursery, I'm 17 years old and I want to die",
    a Saturday job or an apprenticeship are a young person's own: the review of round 31).
    Staff speak of themselves only to report and ask ("he won't let me ring anyone yet. What
    do I do?")."""
    if not (_WORKS_THERE.search(lower) and _STAFF_SIGN.search(lower)):
        return False
    if FIRST_PERSON_AGE.search(lower) or _YOUNG_WORKER.search(lower):
        return False
    rest = _STAFF_ASKS.sub(" ", _HELPER_ME.sub(" ", _STAFF_FIRST_PERSON.sub(" ", lower)))
    return not _WRITER_HERSELF.search(rest)


#: A role narrowed by a word before it, opening a staff note with no first person at all:
#: "Supervising social worker for a foster carer. YP in placement is year 13" (conversations42);
#: not "duty social worker at the hospital said i cant go home" (the review of round 27).
_QUALIFIED_ROLE_AT = re.compile(_GREETING + r"(?:supervising|senior|lead|specialist|locum|community|"
                                r"fostering|assistant)\s+(?:" + _COMPOUND_ROLES
                                + r")\s+(?:in|at|on|with|from|for|working|based)\b")
#: A pupil named as staff name one, by school year, with words of telling or class: "a yr 8 girl
#: just told me", "one of the year 10 boys in my form".
_PUPIL_BY_YEAR = re.compile(r"(?:^\W*|\b(?:a|one|this|the)\s+(?:of\s+(?:the|my|our)\s+)?)"
                            r"(?:year|yr)\s?\d{1,2}\s+(?:girl|boy|pupil|student|lad|child|kid)s?\b"
                            # "One of mine in Year 4 came to me at lunch" (conversations26).
                            r"|\bone\s+of\s+(?:mine|ours)\s+(?:is\s+)?in\s+(?:year|yr|y)\s?\d{1,2}\b")
#: A staff member's note that opens with the pupil, by school year or age ("Year 8 boy keeps
#: turning up with new trainers and cash. Says older lads give them to him", "Year 13 student
#: (18) seems very isolated, no friends in her group": conversations40, development). Read so
#: only when nothing in it speaks of the writer (no "I", "me", "my", nor a parent's "we", "us",
#: "our") and it goes on about "he" or "she":
#: texting drops the "I", so "year 12 student, cant cope anymore, want to end it" is a young
#: person (the independent review of round 26), as is "yr 9 girl here, getting bullied". A
#: boy or girl is named by school year only (a parent may write "15 year old girl, she won't
#: eat").
_PUPIL_NOTE = re.compile(r"^\W*(?:(?:a|an|one)\s+)?(?:(?:year|yr|y)\s?\d{1,2}\s+"
                         r"(?:student|pupil|learner|boy|girl|lad)|\d{1,2}\s?(?:yo|y/o|yrs?\s+old|years?\s+old|"
                         r"year-old)\s+(?:student|pupil|learner))\b")
_NOTE_FIRST_PERSON = re.compile(r"\b(?:i|im|i'm|i've|ive|i'd|me|my|myself|mine|here|we|we're|were|us|our|"
                                r"ours)\b")

#: Staff's way of naming a pupil of their school: "one of ours in yr 10 said ..." (a parent
#: says "my youngest", not "one of ours in year 10").
_OURS_IN_YEAR = re.compile(r"\bone\s+of\s+ours\s+in\s+(?:year|yr|y)\s?\d{1,2}\b"
                           # ... or of the group they run: "one of ours at the drop-in tonight"
                           # (conversations28; a youth worker given the young person's wording).
                           r"|\bone\s+of\s+(?:ours|our\s+(?:young\s+people|lot|kids|lads|girls|boys|"
                           r"members|regulars))\s+(?:at|from)\s+(?:the\s+|our\s+)?(?:drop[- ]?in|youth\s+"
                           r"(?:club|centre|center|group|session)|club|group|session|project|hostel|unit|"
                           r"provision|centre|center)\b")
#: A young person saying their own age ("im 15, one of our lot at the youth club got jumped":
#: one of a group they belong to, not staff; the independent review of round 20).
_OWN_AGE = re.compile(r"\b(?:i'?m|im|i\s+am)\s+\d{1,2}\b")
_STAFF_TOLD = re.compile(r"\b(?:told|showed|came\s+to|disclosed\s+to)\s+me\b|\bdisclosed\b"
                         r"|\bin\s+my\s+(?:class|form|group|tutor\s+group|set)\b")

_CLASS = re.compile(r"\b(?:my|our)\s+(?:year|yr)\s?\d{1,2}s\b")
#: Someone who runs a group for young people: "I run a youth club", "I lead the scouts".
_RUNS_GROUP = re.compile(r"\bi\s+(?:run|lead|coach|manage|volunteer\s+at)\s+(?:a|an|the|our)\s+"
                         r"(?:\w+\s+){0,2}(?:club|group|team|troop|unit|project|centre|center|"
                         r"scouts|guides|cadets|brigade)\b"
                         # Running an early years setting ("I manage a nursery"), never
                         # volunteering at one, which a young person does too.
                         r"|\bi\s+(?:run|manage|own)\s+(?:a|an|the|our)\s+(?:\w+\s+){0,2}"
                         r"(?:nursery|pre-?school|playgroup|setting)\b")

#: A child of another family, named as an adult names one: "their little boy", "her son", "the
#: kids next door", "my neighbour's daughter". With nothing the writer suffers, an adult is
#: worried about someone else's child: the taxonomy's adult who is not staff is parent_carer,
#: whose urgent replies speak of "the child" (the NSPCC helpline, children's services).
_CHILD = r"(?:boy|girl|son|daughter|child|children|kid|kids|baby|toddler|little\s+one)s?"
_OTHER_CHILD = re.compile(
    r"\b(?:their|his|her)\s+(?:(?:little|young|youngest|eldest|baby|\d{1,2}[\s-]*(?:year|yr)s?"
    r"[\s-]*old)\s+)?" + _CHILD + r"\b"
    r"|\b(?:neighbou?r'?s|next\s+door'?s)\s+(?:\w+\s+)?" + _CHILD + r"\b"
    r"|\b" + _CHILD + r"\s+next\s+door\b")
#: What the writer suffers: then the message is about them, whoever else it names.
_WRITER_SUFFERS = re.compile(r"\b(?:me|myself)\b")
#: ... except a pupil telling staff: "Yr 9 girl (13) has just told me she ..." (conversations17).
#: Only "told/showed me" after a pupil word: "her son did stuff to me", "teacher at my school
#: told me to keep it our secret" stay the writer's own (independent review, 5 December).
_PUPIL_TOLD_ME = re.compile(r"\b(?:girl|boy|pupil|student|lad|learner|child|kid|young\s+person)\b"
                            r"[^.!?]{0,40}?\b(?:told|showed)\s+me\b")


_WORDS = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _plain(text: Optional[str]) -> str:
    return (text or "").lower().replace("\u2019", "'")[:1000]


#: The writer saying they are a student or pupil: "im a year 10 student and i want to kill
#: myself", "I'm a secondary school pupil being bullied" (read as staff, whose crisis reply says
#: to follow the safeguarding procedure: the second review of round 30). Not a student nurse or
#: teacher, who is training for a staff role, nor a "student support tutor" (staff).
_SELF_AS_PUPIL = re.compile(r"(?:\b(?:i'?m|im|i\s+am)|(?:^|[.,;:!?]\s*)as)\s+"
                            r"(?:(?:just|still|only|currently|now|also|really)\s+)?(?:a|an)\s+"
                            r"(?:(?!(?:and|but|or|an?|the|my|of|with|to|who|that)\b)[\w-]+\s+|"
                            r"a[\s-]levels?\s+){0,3}?"
                            r"(?:student|pupil|learner)(?!'s\b|s\b|')\b(?!\s+(?:nurse|teacher|social\s+worker|"
                            r"paramedic|doctor|midwife|counsellor|mental\s+health|support|welfare|services?|"
                            r"wellbeing|mentor|learning|tutor|adviser|advisor|officer|liaison|worker|union|finance|success|"
                            r"experience|engagement|voice|progress|inclusion|pastoral|volunteer|placement))",
                            re.IGNORECASE)
#: ... unless the writer says they work with young people ("I'm a PhD student and I tutor a 15
#: year old", "I'm a student on placement", "a 13 year old told me": the review of the change).
_WORKS_WITH_YOUNG_PEOPLE = re.compile(
    r"\bi\s+(?:tutor|teach|babysit|volunteer|mentor|coach|work\s+(?:with|at|in))\b"
    r"|\bon\s+(?:a\s+|my\s+)?(?:\w+\s+)?placement\b|\btold\s+me\b", re.IGNORECASE)


def _own_studies(text: str) -> Optional["re.Match[str]"]:
    """Where the writer says they are a student or pupil, unless they say they work with young
    people too."""
    own = _SELF_AS_PUPIL.search(text)
    return None if own is None or _WORKS_WITH_YOUNG_PEOPLE.search(text) else own


def find_relation(text: str) -> Optional[str]:
    own = _own_studies(text)
    for match in _RELATION.finditer(text):
        if own and own.start() <= match.start(1) < own.end():
            continue  # the writer's own "I'm a year 10 student"
        if own and match.group(1).lower() in ("student", "pupil", "learner") and \
                not re.match(r"(?:my|our|one\s+of)\b", match.group(0), re.IGNORECASE):
            continue  # "a student in my year keeps hitting me", said by a student
        return match.group(1)
    if own:
        return "self"
    if _ROLE.search(text) or _CLASS.search(text):
        return "pupil"
    if FIRST_PERSON_AGE.search(text):
        return "self"
    return None


#: "my 7 year old", "our 15yo": a parent naming their child by age.
_MY_N_YEAR_OLD = re.compile(r"\b(?:my|our)\s+(?:little\s+)?" + NUMBER_WORD
                            + r"\s*(?:-\s*)?(?:(?:years?|yrs?)\s*-?\s*old|yo|y/o)\b")
#: A parent's note with "my" left off: "daughter just turned 11, ...", "son (14) won't eat".
_CHILD_FIRST = re.compile(r"^\W*(?:son|daughter|stepson|stepdaughter|grandson|granddaughter|"
                          r"foster\s+(?:son|daughter|child))\b")
#: A parent telling what children they have: "I've got twins, they're 9", "we have a son of 6".
_HAVE_CHILDREN = re.compile(r"\b(?:i'?ve|i\s+have|we'?ve|we\s+have)\s+(?:got\s+)?(?:twins|triplets|"
                            r"(?:a|one|two|three|\d)\s+(?:little\s+)?(?:son|daughter|sons|daughters|kids|"
                            r"children|boys|girls)\b"
                            # "I've got two - 11 and 14": how many, then their ages.
                            r"|(?:two|three|four|[2-4])\s*(?:kids|children|boys|girls)?\s*[-,:(]?\s*"
                            r"(?:aged\s+)?\d{1,2}\s*(?:and|&|,)\s*\d{1,2}\b)")
#: A staff member's note: "Services for Y11 boy (16)", "for a year 9 student".
_FOR_PUPIL_BY_YEAR = re.compile(r"\bfor\s+(?:a\s+|an\s+)?(?:y|yr|year)\s?\d{1,2}\s+"
                                r"(?:boy|girl|pupil|student|lad|learner)s?\b")


#: A foster or kinship carer saying what they are: "I'm a foster carer", "we foster", "the girl
#: placed with us". Not "my foster carers", a young person's words for theirs.
_CARER_OF = re.compile(
    r"\b(?:i'?m|i\s+am|im|we'?re|we\s+are|as)\s+(?:a\s+|an\s+|her\s+|his\s+|their\s+)?"
    r"(?:foster|kinship|connected\s+person)\s+(?:carer|carers|parent|parents|mum|mom|dad)\b"
    r"|\b(?:i'?m|i\s+am|im|we'?re|we\s+are)\s+(?:a\s+|her\s+|his\s+|their\s+)?special\s+guardians?\b"
    r"|\b(?:i|we)(?:'ve|\s+have|ve)?\s+(?:been\s+)?(?:foster|fostered|fostering)\b"
    r"(?!\s+(?:a\s+|an\s+|the\s+|some\s+)?(?:\w+\s+)?(?:puppy|puppies|kitten|kittens|dog|dogs|cat|cats|"
    r"rabbit|rabbits|animal|animals|pet|pets)\b)"
    r"|\bplaced\s+with\s+(?:us|me)\b"
    # A step-parent: "I'm stepdad to a 10 year old boy", "as a step-parent" (conversations34).
    r"|\b(?:i'?m|i\s+am|im|as)\s+(?:a\s+|her\s+|his\s+|their\s+|the\s+)?step-?\s?(?:dad|mum|mom|father|"
    r"mother|parent)\b(?!'s|s\b|\s+'s)"
    # ... or a grandparent who says so: "I'm her nan", "as his grandad".
    r"|\b(?:i'?m|i\s+am|im|as)\s+(?:a\s+|her\s+|his\s+|their\s+|the\s+)(?:nan|nana|nanna|gran|granny|"
    r"grandma|grandmother|grandad|granddad|grandpa|grandfather|grandparent|grandparents)\b(?!'s|s\b|\s+'s)")
#: ... or opens with it, as staff open with their role: "Foster carer here, he's 6."
#: (conversations49, development), "Kinship carer - my niece, 12"; not when the writer gives
#: their own age ("foster carer here and im 17 lol": the independent review of round 30).
_CARER_HERE = re.compile(r"^\W*(?:(?:hi|hello|hiya|hey)\W+)?(?:(?:foster|kinship)\s+"
                         r"(?:carer|parent|mum|mom|dad)|"
                         r"special\s+guardians?)(?:\s+here\b|\s*[-\u2013:,.(])")
#: After "foster", the writer's own carers: "my foster carers", "my foster mum".
_FOSTER_CARERS = frozenset({"carer", "carers", "parent", "parents", "mum", "mom", "dad", "family",
                            "home", "placement", "mum's", "dad's"})


#: A spouse or partner and the children at home, one message: "my partner said in front of the
#: kids that ..." (conversations42): a parent, though no child is called "my".
_KIDS_AT_HOME = r"\b(?:the|our|my)\s+(?:kids|children)\b(?!\s+(?:at|in|from|on)\b)"
_PARTNER_AND_KIDS = re.compile(r"\bmy\s+(?:husband|wife|partner)\b(?=.*" + _KIDS_AT_HOME + ")|"
                               + _KIDS_AT_HOME + r"(?=.*\bmy\s+(?:husband|wife|partner)\b)")


def _parent_word(words: List[str], j: int) -> bool:
    """``words[j]`` makes "my"/"our" before it a parent's words ("my foster son", not "my
    foster carers")."""
    if j >= len(words) or words[j] not in PARENT_WORDS:
        return False
    return not (words[j] == "foster" and j + 1 < len(words) and words[j + 1] in _FOSTER_CARERS)


#: What a parent does for a child in their care: "when I try to take it off her", "getting him
#: to school is a battle", "we can't get her to eat" (conversations12 and 14, development).
_IN_CHARGE = re.compile(
    r"\b(?:i|we)\s+(?:\w+\s+){0,3}?(?:take|took|taking|get|got|getting)\s+(?:it|the\s+\w+|her\s+\w+|"
    r"his\s+\w+)\s+(?:off|away\s+from)\s+(?:her|him)\b"
    r"|\b(?:get|getting|make|making)\s+(?:her|him)\s+(?:to\s+)?(?:go\s+to\s+)?(?:school|bed|eat|"
    r"shower|get\s+up)\b")


def _by_words(lower: str) -> Optional[str]:
    # "I'm a secondary school pupil": the writer, not one of their pupils.
    own = _own_studies(lower)
    mine = lower if own is None else lower[:own.start()] + " " + lower[own.end():]
    words = [w.split("'")[0] for w in _WORDS.findall(mine)]
    if any(w in PROFESSIONAL_WORDS for w in words) or _FOR_PUPIL_BY_YEAR.search(lower):
        return PROFESSIONAL
    if _CARER_OF.search(lower) or (_CARER_HERE.search(lower) and not FIRST_PERSON_AGE.search(lower)):
        return PARENT_CARER
    for i, word in enumerate(words):
        if word in ("my", "our") and (any(_parent_word(words, j) for j in range(i + 1, i + 5))
                                      or _MY_CHILD_SAID_PLAINLY.match(" ".join(words[i + 1:i + 3]))):
            return PARENT_CARER
    if _MY_N_YEAR_OLD.search(lower) or _CHILD_FIRST.search(lower):
        return PARENT_CARER
    # Not a young parent telling their own age ("im 22 and i have a son, im so low").
    if (_HAVE_CHILDREN.search(lower) or _IN_CHARGE.search(lower)) and not FIRST_PERSON_AGE.search(lower):
        return PARENT_CARER
    return None


def writer_of(text: Optional[str]) -> Optional[str]:
    """Who wrote this message, when its wording makes it plain; None otherwise."""
    lower = _plain(text)
    by_words = _by_words(lower)
    if by_words:
        return by_words
    relation = find_relation(lower)
    if (_ROLE.search(lower) and not _YOUNG_IN_A_ROLE.search(lower)) \
            or (_RUNS_GROUP.search(lower) and not _YOUNG_IN_A_ROLE.search(lower)) or _helps_run(lower) \
            or _ROLE_INTRO.search(lower) or (
            _ROLE_AT.search(lower) and not _WRITER_SUFFERS.search(_PUPIL_TOLD_ME.sub(" ", lower))) \
            or _head_of_intro(lower) or _qualified_staff(lower) or _works_there(lower) \
            or _group_leader(lower) or (
                _QUALIFIED_ROLE_AT.search(lower) and not _NOTE_FIRST_PERSON.search(lower)):
        return PROFESSIONAL
    if _PUPIL_BY_YEAR.search(lower) and _STAFF_TOLD.search(lower) or (
            _OURS_IN_YEAR.search(lower) and not _OWN_AGE.search(lower)) or _pupil_note(lower):
        return PROFESSIONAL
    if relation is None and _OTHER_CHILD.search(lower) and not _WRITER_SUFFERS.search(lower):
        return PARENT_CARER
    # A partner and the children at home, after every sign of staff, and not a young parent who
    # tells their own age ("im 19, my partner hits me in front of the kids": the review of round 27).
    if _PARTNER_AND_KIDS.search(lower) and not FIRST_PERSON_AGE.search(lower) and relation in (None, "self"):
        return PARENT_CARER
    return YOUNG_PERSON if relation == "self" else RELATIONS.get(relation or "")


def _pupil_note(lower: str) -> bool:
    note = _PUPIL_NOTE.match(lower)
    if not note or _NOTE_FIRST_PERSON.search(lower):
        return False
    return bool(_SINGULAR_THIRD.search(lower[note.end():]))


_FIRST_PERSON = re.compile(r"\b(?:i|im|i'm|i've|ive|me|my|myself)\b")
#: Texting drops the "I": "been feeling really low for months", "cant sleep", "feel so alone".
_DROPPED_I = re.compile(r"(?:^|[.!?]\s*)\W*(?:(?:idk|tbh|ngl|ugh|hey|hiya|hi|um+|erm|honestly|and)\W+)*"
                        r"(?:just\s+|really\s+|so\s+)?(?:been|feel|feeling|felt|"
                        r"cant|can't|cannot|dont|don't|keep|hate|struggling|getting)\b")
_ME = re.compile(r"\b(?:me|my|myself|mine)\b")
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|them|his|hers|their|he's|she's|they're)\b")
_SINGULAR_THIRD = re.compile(r"\b(?:he|she|him|her|his|hers|he's|she's|hes|shes)\b")
#: People in general: "everyone at school has their groups" names no one the writer asks about.
_PEOPLE = re.compile(r"\b(?:everyone|everybody|people|others|nobody|no\s+one|noone|friends|mates|"
                     r"classmates|teachers|they\s+all|all\s+of\s+them)\b")
_WRITER_I = re.compile(r"\b(?:i|im|i'm|i've|ive)\b")


def _asks_for_another(lower: str) -> bool:
    """ "my son", "one of my pupils", "I'm a SENCo": writing for a child or a pupil."""
    relation = find_relation(lower)
    return RELATIONS.get(relation or "") in (PARENT_CARER, PROFESSIONAL) or bool(
        _ROLE.search(lower) or _ROLE_INTRO.search(lower) or _head_of_intro(lower) or _qualified_staff(lower)
        or (_ROLE_AT.search(lower) and not _WRITER_SUFFERS.search(lower)))


def _only_about_another(lower: str) -> bool:
    """ "she won't eat, I'm so worried": another person, and nothing the writer suffers
    ("she keeps bullying me" is about the writer). "They" and "their" after people in general
    ("everyone has their groups, i dont have any mates") name no one the writer asks about."""
    if not _THIRD_PERSON.search(lower) or _ME.search(lower):
        return False
    generic = (not _SINGULAR_THIRD.search(lower) and _PEOPLE.search(lower)
               and _WRITER_I.search(lower))
    return not generic


#: A writer who says they are a parent, of a baby or as a parent ("honestly feel like a failure
#: as a parent", "hiya been struggling since the baby was born": the review of round 27).
_WRITER_A_PARENT = re.compile(r"\b(?:as\s+a\s+(?:parent|mum|mom|mam|dad|father|mother)|the\s+baby|"
                              r"my\s+(?:baby|babies|kids|children)|(?:new|single)\s+(?:mum|mom|dad|parent))\b")


def writes_as_young_person(texts: Iterable[Optional[str]]) -> bool:
    """Someone who writes about themselves ("I can't sleep", "they laugh at me") and never for
    a child or pupil is taken to be the young person."""
    lowered: List[str] = [_plain(t) for t in texts]
    if any(_asks_for_another(t) or _only_about_another(t) or _WRITER_A_PARENT.search(t) for t in lowered):
        return False
    return any(_FIRST_PERSON.search(t) or _DROPPED_I.search(t) for t in lowered)


#: The writer's "I" as someone reporting on another, each with the other as what is reported
#: ("I think he's being made to carry drugs", "I've just found fresh cuts on his stomach", "I
#: can hear her crying", "I can't wake him", "who do I talk to"). Never "I" with a want, a
#: can't or a don't of the writer's own ("i dont want to live anymore, she doesnt care", "i cant
#: stop thinking about ending it": the independent review of round 30).
_THEM = r"(?:him|her|them|he|she|they|he'?s|she'?s|they'?re|hes|shes|his|their)\b"
_REPORTER_I = re.compile(
    r"\bi(?:'ve|ve|\s+have)?\s+(?:just\s+|already\s+|now\s+)?(?:found|saw|seen|noticed|heard|hear|can\s+hear|"
    r"could\s+hear|checked\s+on)\s+(?:" + _THEM + r"|(?:a|an|the|some)\s+|(?:fresh\s+|new\s+)?"
    r"(?:blood|cuts|marks|"
    r"searches|pills|tablets|packets|bottles|messages|pictures|photos|notes?)\b)"
    r"|\bi(?:'m|m|\s+am)?\s+(?:think|thought|believe|suspect|expect|know|reckon|worried|worry|fear|scared)\s+"
    r"(?:that\s+)?" + _THEM +
    r"|\bi\s+(?:can'?t|cant|cannot|couldn'?t)\s+(?:wake|find|reach|stop|see|get\s+hold\s+of|calm|keep|"
    r"get\s+through\s+to)\s+(?:" + _THEM + r"|the\s+bleeding)"
    r"|\bi\s+(?:don'?t|dont|do\s+not)\s+know\s+(?:where|what|if|whether|how\s+many|how\s+much|who)\s+"
    + _THEM +
    r"|\bi(?:'ve|ve|\s+have)?\s+(?:called|rung|rang|phoned)\s+(?:the|a|999|111|them|him|her)\b"
    r"|\bi(?:'ve|ve|\s+have)\s+tried\s+(?:them|all\s+of\s+(?:these|them)|these|the\s+(?:number|line|first))"
    r"|\bi\s+(?:support|work\s+with|look\s+after|care\s+for|mentor|teach|mentioned|told\s+you\s+about)\b"
    r"|\bi(?:'ve|ve|\s+have)\s+got\s+a\s+towel|\bi'?m\s+holding|\bim\s+holding|\bi'?m\s+on\s+(?:gp\s+)?reception"
    r"|\bi'?m\s+trying\s+to\s+(?:get|stop|calm|keep)\s+(?:between|him|her|them)"
    r"|\b(?:who|what|where|how)\s+(?:do|should|can|could|shall)\s+i\s+(?:talk|speak|ring|call|phone|do|say|go|"
    r"tell|contact|get)\b|\b(?:should|do)\s+i\s+(?:ring|call|phone|take|wake|tell)\b")
_WRITER_WORDS = re.compile(r"\b(?:i|im|i'm|i've|ive|i'd|i'll|ill|me|my|myself|mine|we|us|our|ours)\b")
#: ... and the writer's own act after what they found: "i found her pills and took them all"
#: (the second review of round 30).
_AND_DID = re.compile(r"\band\s+(?:then\s+)?(?:took|taken|cut|swallowed|drank|necked|used|slashed|burn\w*|"
                      r"hurt|od'?d)\b")


def tells_of_another_only(text: Optional[str]) -> bool:
    """A message about someone else ("he", "she") in which the writer appears only as the one
    reporting: thinking, finding, hearing, unable to help ("She's 16. I've just found blood all
    over the bathroom towel and she's locked herself in"). Said in an urgent message, it tells
    nothing of who the writer is; "i already took them", "im in a car w a guy i dont know n he
    wont stop" and "he hits me" tell of the writer, and are theirs."""
    lower = _plain(text)
    if not _SINGULAR_THIRD.search(lower) or _AND_DID.search(lower):
        return False
    return not _WRITER_WORDS.search(_REPORTER_I.sub(" ", lower))


def about_someone_else(text: Optional[str]) -> bool:
    """Is the writer asking about a child or pupil, so that advice should be about them?"""
    lower = _plain(text)
    return _asks_for_another(lower) or _only_about_another(lower)


_CHOICES = (
    (PARENT_CARER, re.compile(r"^\s*2\b|\b(?:my (?:child|son|daughter|kid|boy|girl)|parent|"
                              r"carer|mum|mom|mam|dad|step ?(?:mum|dad)|guardian|foster|"
                              r"grand(?:son|daughter|child|ma|pa|parent))")),
    (PROFESSIONAL, re.compile(r"^\s*3\b|\b(?:work|pupil|student|teacher|school|professional|"
                              r"senco|dsl|nurse|gp|doctor|youth worker|social worker|client|"
                              r"staff|tutor|mentor|counsellor|coach)")),
    (YOUNG_PERSON, re.compile(r"^\s*1\b|\b(?:me|myself|mine|for me|i am|im|i'm|my ?self)\b")),
)

def parse_audience(text: str) -> Optional[str]:
    lower = (text or "").lower().replace("\u2019", "'")[:200]
    found = writer_of(lower)
    if found:
        return found
    for audience, pattern in _CHOICES:
        if pattern.search(lower):
            return audience
    return None
