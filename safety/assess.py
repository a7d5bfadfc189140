"""Weigh what the lexicon matched into a decision, and combine it with the NLU model's.

Principles (from safe-messaging and safeguarding practice):
- A clear signal of suicide risk, self-harm now, an overdose of any amount, immediate danger
  or a disclosure of abuse is urgent, whatever else the message says.
- Slang, hyperbole and jokes ("kms", "this homework is killing me", "lol") get a gentle
  check-in question, never silence and never the full crisis script; a yes escalates.
- Negation ("I'm not suicidal"), history ("I used to self-harm"), fiction and lessons, and
  ordinary medicine use ("2 paracetamol for my headache") are not urgent; if the model still
  thinks they are, the answer is a check-in, not nothing.
- When two urgent classes match, the most immediate leads: danger, then self-harm (an overdose
  needs treatment), then suicidal thoughts, then a disclosure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Set, Tuple

import yaml
from spacy.tokens import Doc

from signposting.audience import PARENT_CARER, PROFESSIONAL, tells_of_another_only, writer_of

from .lexicon import URGENT_CLASSES
from .matcher import Hit, SafetyMatcher

URGENT, CHECK_IN, NONE = "urgent", "check_in", "none"
CHECK_IN_INTENT = "risk_check_in"
PRIORITY = ("crisis_danger", "crisis_self_harm", "crisis_suicidal", "safeguarding_disclosure")

FIRST_PERSON = {"i", "me", "my", "myself", "meself", "m", "am", "im", "mine"}
# Demotions and what they lead to: to nothing, or to a check-in question.
TO_NONE = {"negation", "history", "fiction", "information", "accident", "benign", "hyperbole",
           "behaviour", "unusual"}
#: Modifier lists that mark an ordinary context for risky-sounding words.
BENIGN_CONTEXTS = ("benign_medicine", "information", "fiction", "accident", "history",
                   "hyperbole_objects", "laughter", "everyday", "trivial_threat", "feedback")
#: A "now", "tonight" or "again" this close to a match overrides a history word elsewhere.
CURRENT_DISTANCE = 6
#: Words that turn a sentence to another matter: an information cue before them says nothing of
#: what comes after.
_TURNS = frozenset({"but", "however", "also", "although", "though"})
#: Winning words: "beat me at fifa" (never "touched me at swimming").
_WINNING = frozenset({"beat", "beats", "beating", "beaten", "thrash", "thrashed", "thrashes", "finish",
                      "destroy", "destroys", "destroyed", "smash", "smashed", "batter", "battered"})
#: Blows that a pillow or a snowball can be ("he hit me with a cushion").
_PLAY_BLOWS = frozenset({"hit", "hits", "hitting", "whack", "whacked", "whacks", "slap", "slapped",
                         "bash", "bashed", "beat", "beats"})
#: A blow said after a throw in play makes it no game ("... and then punches me").
_BLOWS = frozenset({"punch", "punches", "punched", "punching", "hit", "hits", "hitting", "kick",
                    "kicks", "kicked", "kicking", "slap", "slaps", "slapped", "knife", "hurt", "hurts",
                    "strangle", "strangled", "choke", "choked", "stab", "stabbed"})
#: Someone who drove instead of a drunk adult ("... and mum had to drive").
_OTHER_DRIVERS = frozenset({"mum", "mom", "mam", "dad", "nan", "nanny", "grandad", "grandma", "uncle",
                            "aunt", "auntie", "i", "we", "stepdad", "stepmum", "sister", "brother"})
#: Laughter before one of these is not about what follows ("no haha im not, but ...").
_AFTER_A_JOKE = _TURNS | {"seriously", "honestly", "anyway"}
#: ... when the laughing clause is an answer or a denial ("no haha", "im fine lol", "jk"),
#: never "lol honestly if i have to sit through another maths lesson i'll kill myself" (the
#: independent review of round 21).
_ANSWER_OPENINGS = frozenset({"no", "nah", "nope", "yes", "yeah", "yep", "ok", "okay", "jk", "i",
                              "not"})
#: Words that say something is still going on ("he's still downstairs", "they keep messaging
#: her"): an assault told with them is not over, whoever was told.
_GOING_ON = frozenset({"still", "keep", "keeps", "kept", "again", "anymore", "everyday", "every"})
#: Words that tell a clause in the present: a wish, a feeling, a plan of now.
_SAID_NOW = frozenset({"feel", "feels", "feeling", "want", "wants", "wanna", "am", "m", "keep", "keeps",
                       "think", "thinks", "thinking", "need", "needs", "wish", "going", "gonna"})
#: Verbs that open a self-harm match and say it was done on purpose ("held my hand on the hob").
DELIBERATE = {"held", "hold", "holding", "holds", "pressed", "press", "pressing", "put", "putting"}
TO_CHECK_IN = {"laughter", "trivial", "hypothetical", "perception", "own_question", "not_said"}
#: Someone else named as the subject: a question about them, not about the writer.
OTHER_SUBJECTS = {"he", "she", "they", "someone", "somebody", "people", "kids", "children",
                  "teenagers", "teens"}


@dataclass(frozen=True)
class Evidence:
    urgent_class: str
    tier: str
    text: str
    demoted_by: Optional[str] = None

    @property
    def outcome(self) -> str:
        if self.tier == "strong":
            if self.demoted_by is None:
                return URGENT
            return CHECK_IN if self.demoted_by in TO_CHECK_IN else NONE
        if self.demoted_by is None:
            return CHECK_IN
        if self.demoted_by == "laughter" and self.urgent_class == "crisis_suicidal":
            return CHECK_IN  # "kms lol" still deserves a gentle question
        return NONE


@dataclass(frozen=True)
class Assessment:
    level: str
    urgent_class: Optional[str] = None  # the class that leads (for check-ins, the likeliest)
    evidence: Tuple[Evidence, ...] = ()
    third_party: bool = False
    audience: Optional[str] = None  # parent_carer / professional when the wording says so
    #: Contexts seen that make a risky-sounding message ordinary (everyday medicine use, a
    #: lesson, an accident, history, a film): the model's urgent guesses become check-ins.
    benign_context: Tuple[str, ...] = ()

    @property
    def demoted(self) -> bool:
        """A risk phrase was found but read as negated, past, fictional or benign, or the
        message is set in an ordinary context."""
        return bool(self.benign_context) or any(
            e.outcome == NONE for e in self.evidence if e.tier != "support")

    @property
    def explained(self) -> bool:
        """Every risk phrase found was read as negated, past, fictional, benign or an
        accident."""
        phrases = [e for e in self.evidence if e.tier != "support"]
        return bool(phrases) and all(e.outcome == NONE for e in phrases)

    @property
    def negated(self) -> bool:
        """Every risk phrase found was explicitly negated ("I'm not suicidal")."""
        phrases = [e for e in self.evidence if e.tier != "support"]
        return bool(phrases) and all(e.demoted_by == "negation" for e in phrases)

    def as_dict(self) -> Dict:
        return {"level": self.level, "urgent_class": self.urgent_class,
                "third_party": self.third_party, "audience": self.audience,
                "evidence": [{"class": e.urgent_class, "tier": e.tier, "text": e.text,
                              "demoted_by": e.demoted_by} for e in self.evidence]}


@dataclass(frozen=True)
class Decision:
    intent: str
    confidence: float
    source: str  # "lexicon", "model", "model+lexicon" or "unchanged"
    assessment: Assessment = field(default_factory=lambda: Assessment(NONE))

    @property
    def changed(self) -> bool:
        return self.source != "unchanged"


@lru_cache(maxsize=1)
def default_matcher() -> SafetyMatcher:
    return SafetyMatcher()


def assess(text: str, matcher: Optional[SafetyMatcher] = None, doc: Optional[Doc] = None) -> Assessment:
    matcher = matcher or default_matcher()
    doc = doc if doc is not None else matcher.doc(text)
    hits = matcher.hits(doc)
    modifiers: Dict[str, List[Hit]] = {}
    for hit in hits:
        if hit.kind == "modifier":
            modifiers.setdefault(hit.tier, []).append(hit)
    risk = _drop_devices(_drop_contained([h for h in hits if h.kind in URGENT_CLASSES]),
                         modifiers.get("device", []), doc, matcher)
    risk = _done_to_a_child(risk)
    if _STILL_WANTS_TO.search(doc.text):
        # "i tried to kill myself a month ago and i still want to": the wish goes on, so the
        # past attempt is no history (a pattern cannot see the message end).
        modifiers.setdefault("again_intent", []).append(
            Hit("modifier", "again_intent", 0, 0, "still want to"))
    context = _Context(doc, matcher, modifiers, risk)
    evidence = []
    for hit in risk:
        demotion = None if hit.tier == "support" else context.demotion(hit)
        evidence.append(Evidence(hit.kind, hit.tier, hit.text, demotion))
    evidence = _support_upgrades(evidence, risk, context)
    third_party, audience = _who(doc, matcher)
    if context._laughing():
        modifiers.setdefault("laughter", [])
        modifiers["laughter"].append(Hit("modifier", "laughter", 0, 0, "laughter"))
    age_gap = _age_gap(doc, matcher)
    if age_gap:
        evidence.append(Evidence("safeguarding_disclosure", "strong", age_gap))
    # An ordinary-medicine cue ("every night", "been on") is a benign context only in a
    # message that names a medicine.
    if modifiers.get("benign_medicine") and not context._names_medicine(doc):
        del modifiers["benign_medicine"]
    benign = tuple(sorted(name for name in BENIGN_CONTEXTS if modifiers.get(name)))
    # A young child's behaviour told plainly ("a 4 year old who is hitting and biting most
    # days": conversations22) is an ordinary context too: the model's urgent guess on it becomes
    # a check-in, as on the other contexts; a risk phrase of the lexicon still decides.
    if any(context._young_childs_behaviour(m) for m in modifiers.get("child_behaviour", [])):
        benign = tuple(sorted(benign + ("child_behaviour",)))
    outcomes = [(e.outcome, e.urgent_class) for e in evidence if e.tier != "support"]
    for level in (URGENT, CHECK_IN):
        classes = {cls for outcome, cls in outcomes if outcome == level}
        if classes:
            lead = next(c for c in PRIORITY if c in classes)
            speaker = _speaker(level, doc, audience) if not third_party else audience
            return Assessment(level, lead, tuple(evidence), third_party, speaker, benign)
    return Assessment(NONE, None, tuple(evidence), third_party, audience, benign)


@dataclass(frozen=True)
class Thresholds:
    """How sure the NLU model must be, for one urgent class, when the lexicon found no risk
    phrase (or only an unsure one). Set per class in config.yml from the development sets
    (bench/calibrate.py); these defaults are the uncalibrated ones."""
    #: The model alone, lexicon silent: the crisis reply from here.
    crisis: float = 0.6
    #: The model alone below ``crisis``: a check-in question from here; below it, noise.
    check_in: float = 0.0
    #: The lexicon's match was unsure (slang, hyperbole): the crisis reply when the model is
    #: this sure, unless the context is figurative.
    confirm: float = 0.6
    #: An urgent intent ranked below the top this sure asks a check-in question.
    second: float = 0.5


THRESHOLDS_FILE = Path(__file__).with_name("thresholds.yml")


@lru_cache(maxsize=1)
def load_thresholds(path: Path = THRESHOLDS_FILE) -> Dict[str, Thresholds]:
    """The calibrated thresholds per urgent class (thresholds.yml); every class must be there."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = set(URGENT_CLASSES) - set(raw)
    if missing:
        raise ValueError(f"{path.name}: no thresholds for {sorted(missing)}")
    return {name: Thresholds(**{k: float(v) for k, v in values.items()})
            for name, values in raw.items()}


def decide(assessment: Assessment, ranking: Sequence[Tuple[str, float]],
           urgent_threshold: float = 0.6, check_in_threshold: float = 0.5,
           sure_threshold: float = 0.9, per_class: Optional[Mapping[str, Thresholds]] = None,
           detail_only: bool = False, fallback_threshold: float = 0.5) -> Decision:
    """Combine the lexicon's assessment with the model's intent ranking (best first).

    The lexicon can raise an urgent intent above the model, and turns the model's urgent
    guesses on slang, negation or history into a check-in. When the lexicon saw nothing, a
    confident urgent prediction stands (a paraphrase the lexicon does not know), an unsure one
    becomes a check-in, and one below the class's check-in threshold is noise: a fallback is
    not evidence of risk. A message that is only an age, a place or a number (``detail_only``,
    an answer to the bot's question) is never urgent on the model's word alone.
    """
    default = Thresholds(crisis=urgent_threshold, confirm=urgent_threshold,
                         second=check_in_threshold)

    def limits(name: str) -> Thresholds:
        return (per_class or {}).get(name, default)

    if assessment.level == URGENT and assessment.urgent_class:
        return Decision(assessment.urgent_class, 1.0, "lexicon", assessment)
    fallback = ranking[0] if ranking and ranking[0][0] == "nlu_fallback" else None
    ranking = [(name, conf) for name, conf in ranking if name != "nlu_fallback"]
    top, confidence = ranking[0] if ranking else ("", 0.0)
    if assessment.level == CHECK_IN:
        figurative = bool(assessment.benign_context) or any(
            e.demoted_by in ("laughter", "trivial") for e in assessment.evidence)
        # As sure as the model alone must be for the crisis reply is enough beside an unsure
        # phrase too (the review of round 18: suicidal 0.59 beside "sitting on the wall of the
        # bridge" became a check-in where the model alone gave the crisis reply).
        sure = min(limits(top).confirm, limits(top).crisis)
        if top in URGENT_CLASSES and confidence >= sure and not figurative:
            # The model confirms it is urgent; the lexicon knows what the words are about.
            return Decision(assessment.urgent_class or top, confidence, "model+lexicon", assessment)
        return Decision(CHECK_IN_INTENT, 1.0, "lexicon", assessment)
    if not ranking:
        return Decision("", 0.0, "unchanged", assessment)
    if detail_only and not assessment.evidence and (top in URGENT_CLASSES
                                                    or top == CHECK_IN_INTENT):
        return Decision("inform", 1.0, "details", assessment)
    if top in URGENT_CLASSES:
        if assessment.explained and confidence < limits(top).crisis:
            # The lexicon found the risky phrase and read it as negated, past, fictional or
            # benign ("I'm not suicidal, just stressed"): answer the rest of the message.
            others = [(n, c) for n, c in ranking
                      if n not in URGENT_CLASSES and n != CHECK_IN_INTENT]
            if others:
                return Decision(others[0][0], others[0][1], "lexicon", assessment)
        if assessment.demoted or confidence < limits(top).crisis:
            # A risk phrase read as past, negated or figurative still asks; an ordinary
            # context alone ("instead of", a small child's tantrum) makes a sure guess a
            # check-in, but does not raise a guess below the check-in level out of noise
            # ("can i text them instead of ringing?", disclosure 0.14: development set 14).
            phrase_demoted = any(e.demoted_by for e in assessment.evidence)
            if phrase_demoted or confidence >= limits(top).check_in:
                return Decision(CHECK_IN_INTENT, confidence, "model+lexicon", assessment)
            return _noise(ranking, fallback, fallback_threshold, assessment)
        return Decision(top, confidence, "unchanged", assessment)
    if top != CHECK_IN_INTENT and not assessment.demoted and any(
            name in URGENT_CLASSES and conf >= limits(name).second for name, conf in ranking[1:]):
        return Decision(CHECK_IN_INTENT, confidence, "model", assessment)
    return Decision(top, confidence, "unchanged", assessment)


def checked_class(assessment: Assessment, ranking: Sequence[Tuple[str, float]]) -> str:
    """What a check-in question checks: the class of the risk phrase found, else the model's
    best urgent reading, else suicidal thoughts (the reply for "yes" is then the suicidal
    one, which gives every 24/7 route)."""
    if assessment.urgent_class:
        return assessment.urgent_class
    return next((name for name, _ in ranking if name in URGENT_CLASSES), "crisis_suicidal")


def _noise(ranking: Sequence[Tuple[str, float]], fallback: Optional[Tuple[str, float]],
           fallback_threshold: float, assessment: Assessment) -> Decision:
    """An urgent guess too unsure to act on, with no risk phrase: the best other reading, or
    the fallback when nothing else is sure enough."""
    others = [(n, c) for n, c in ranking if n not in URGENT_CLASSES and n != CHECK_IN_INTENT]
    if others and others[0][1] >= fallback_threshold:
        return Decision(others[0][0], others[0][1], "model", assessment)
    return Decision("nlu_fallback", fallback[1] if fallback else 0.0, "model", assessment)


# -- reading the context of a match ---------------------------------------------------------

#: Words that end a clause: a modifier in another clause says nothing about a match.
CLAUSE_BREAKS = {",", ".", ";", ":", "!", "?", "but", "and", "though", "although", "however",
                 "because", "cos", "coz", "cuz", "so", "then", "-", "\u2014", "\u2013", "also",
                 "anyway", "now"}
#: A wish that goes on, said last: "... and i still want to" (see again_intent in lexicon.yml).
_STILL_WANTS_TO = re.compile(r"\bstill\s+(?:want|wants|wanna)(?:\s+to)?\W*$", re.IGNORECASE)
#: Autism said of the child (see _meltdown_head_banging).
_AUTISM = frozenset({"autistic", "autism", "asd", "asc", "sensory", "pda", "neurodivergent"})
#: A head-banging that hurt: never only behaviour.
_HEAD_INJURY = frozenset({"bruise", "bruises", "bruised", "bruising", "lump", "lumps", "concussion",
                          "concussed", "unconscious", "knocked", "split", "cut", "cuts", "hospital",
                          "a&e", "ambulance", "dizzy", "sick", "vomiting", "vomited", "stitches", "marks",
                          "mark", "bump", "bumps", "drowsy", "sleepy", "confused", "egg", "swelling",
                          "doctor", "gp", "injured", "injury", "headache", "bleeding", "blood", "black"})
#: Told as happening now, or not stopping: never only behaviour (a test of round 26: "... and now
#: he has a big bump"; "this evening", "won't stop": the second review of round 31).
_NOW_WORDS = frozenset({"now", "tonight", "today", "currently", "evening", "moment", "stop"})
#: An age over 10 (see _meltdown_head_banging).
_OLDER_AGE = re.compile(r"\b(?:1[1-9]|2[0-5])\s*(?:years?|yrs?|yo|y/o|y\.o)\b"
                        r"|\b(?:is|'s|s|aged|age)\s+(?:1[1-9]|2[0-5])\b"
                        r"|\b(?:year|yr|y)\s?(?:[7-9]|1[0-3])\b|\b(?:teen|teenager|teenage)\b")
#: Pictures that show a body, said in everyday words, are never only ridicule (the review of
#: round 31: "pics of me in my knickers ... everyone is laughing"); nor pictures held over
#: someone as a threat, or held by an adult or a stranger (its second review); "online" alone
#: is where bullying happens ("posting pics of me online and making fun of me").
_UNDRESSED = re.compile(r"\b(?:knickers|pants|boxers|thong|lingerie|bikini|swimsuit|no\s+top|topless|"
                        r"nothing\s+on|no\s+clothes|half[\s-]+naked|undressed|undressing|"
                        r"doing\s+stuff|me\s+and\s+my\s+(?:bf|boyfriend|gf|girlfriend)|in\s+bed|deep\s?fakes?|"
                        r"shower|changing\s+rooms?|"
                        r"getting\s+changed|from\s+when\s+we\s+were\s+together|sent\s+(?:him|her|them))\b"
                        r"|\b(?:will|'ll|ll|gonna|going\s+to)\s+(?:post|send|share|show|put)|\bunless\b|"
                        r"\bif\s+i\s+(?:don'?t|dont|do\s+not|won'?t|wont)\b|\bmeet\s+(?:him|her|them|up)\b|"
                        r"\bsend\s+(?:more|them\s+to)\b|\b(?:older|stranger|strangers|grown|adult)\b|"
                        r"\b(?:a|an|some|this|the)\s+(?:\w+\s+)?(?:man|bloke)\b")
#: Where one sleeps, or nowhere to, or put out of home (see _without_a_bed).
_NO_BED = re.compile(r"\b(?:accommodation|halls|boarding|house|residence|dorms?|digs|flat|home|homeless|"
                     r"nowhere|sleep|sleeping|slept|tonight|car|streets?|park|bench|won'?t\s+have\s+me|"
                     r"wont\s+have\s+me|following|night|station|bus|[0-9]\s?am|me\s+out|"
                     r"where\s+(?:do|can|should|will)\s+i\s+go)\b")
#: A parent who came to staff about their child (see _young_childs_behaviour).
_REPORTER_CAME = re.compile(r"\b(?:came|come|spoke|talked|rang|phoned|emailed|wrote)\s+(?:to|in\s+to)?\s*"
                            r"(?:me|us)\b"
                            r"|\b(?:told|asked)\s+(?:me|us)\b")
#: Who might one day tell staff something, and the telling (see _supposed_telling).
_SUPPOSED_TELLERS = frozenset({"pupil", "child", "student", "kid", "learner", "young", "teenager", "girl",
                               "boy"})
_TELLING = frozenset({"tells", "tell", "told", "says", "discloses", "disclose", "disclosed", "confides",
                      "comes", "came"})
_REAL_TELLING = re.compile(r"\b(?:she|he|they|who)\s+(?:has\s+|have\s+|just\s+|already\s+)?"
                           r"(?:told|showed|said\s+to|came\s+to)\s+(?:me|us)\b|\b(?:today|yesterday|"
                           r"this\s+morning|this\s+afternoon|last\s+night|last\s+week|earlier|just\s+now|"
                           r"hinted|mentioned|in\s+my\s+class|one\s+of\s+my|one\s+did|asking\s+for|"
                           r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|crying|"
                           r"(?:she|he)'?s\s+\d{1,2}|\d{1,2}\s*(?:years?|yrs?)\s*old)\b")
#: Words that tell what happens in a film or game named before them ("the film where he ...").
_CONTENT_LINKS = frozenset({"where", "which", "about", "whose", "wherein"})
#: Gore told of a film or game (see _in_story): no person, no act.
_GORE = frozenset({"lots", "lot", "loads", "load", "of", "so", "much", "a", "blood", "bloody", "gore",
                   "killing", "killings", "guns", "gun", "shooting", "stabbing", "stabbings", "murder",
                   "murders", "violence", "and"})
#: Media said only as when something happened: "while watching the film", "after the game".
_WHEN_WORDS = frozenset({"while", "whilst", "after", "before", "during", "since", "when"})
#: A real person acting in a clause of their own beside a film or game (see _in_story).
_REAL_PRONOUNS = frozenset({"he", "she", "they", "hes", "shes", "theyre", "we"})
#: Who the clause is about: a first-person subject ("my character" is not one).
FIRST_PERSON_SUBJECT = {"i", "me", "myself", "meself", "m", "am", "im"}
#: Words between a negation and a match that mean "even more", not "not" ("never been so").
INTENSIFIERS = {"more", "so", "than", "ever", "worse"}
#: Information words that are a piece of writing (an essay about a character's death).
WRITING = {"write", "writes", "wrote", "writing", "written", "essay"}
#: After a match, the end of what was negated: "I never thought of it until now", "I've never
#: had those thoughts before".
UNTIL = {"until", "till", "til", "untill", "before"}
#: "before anyone asks", "before you ask": an aside, not the end of what was negated.
ASIDE_AFTER_BEFORE = {"anyone", "anybody", "you", "u", "someone", "somebody", "people", "asking", "ask"}
#: "joking obviously", "only kidding": the writer's own joke counts as laughter.
JOKING = {"joking", "kidding"}
JOKE_OWNERS = {"just", "only", "obviously", "clearly", "totally", "am", "m", "'m"}


class _Context:
    def __init__(self, doc: Doc, matcher: SafetyMatcher, modifiers: Dict[str, List[Hit]],
                 hits: Sequence[Hit] = ()):
        self.doc = doc
        self.hits = tuple(hits)
        # "a teaching assistant", "the teaching staff" are people told, not a lesson.
        modifiers["information"] = [
            h for h in modifiers.get("information", [])
            if not (h.end < len(doc) and doc[h.end - 1].norm_ == "teaching"
                    and doc[h.end].norm_ in ("assistant", "assistants", "staff"))]
        # "held her hand over the cooker to teach her a lesson" is a punishment, not a lesson
        # (round 19).
        punished = {j for i in range(len(doc) - 3)
                    if doc[i].norm_ in ("teach", "teaching", "taught") and doc[i + 2].norm_ == "a"
                    and doc[i + 3].norm_ == "lesson" for j in range(i, i + 4)}
        modifiers["information"] = [h for h in modifiers.get("information", [])
                                    if not punished & set(range(h.start, h.end))]
        # "Is it normal for my mum's boyfriend to come in my room at night?": a question about
        # the writer's own life is how many children first tell, not a request for information.
        # A parent's or teacher's "is it normal for my son to ..." stays a question (review).
        if any(t.norm_ in FIRST_PERSON for t in doc) and \
                writer_of(doc.text) not in (PARENT_CARER, PROFESSIONAL):
            own = {(h.start, h.end) for h in modifiers.get("own_question", [])}
            modifiers["information"] = [
                h for h in modifiers.get("information", [])
                if not any(s <= h.start and h.end <= e for s, e in own)]
        self.lexicon = matcher.lexicon
        self.modifiers = modifiers
        self.negation = set(matcher.lexicon.negation)
        self.filler = set(matcher.lexicon.negation_filler)
        self.laughter = set(matcher.lexicon.laughter)
        # "when he finds me." is someone hiding, never a trivial threat ("if she finds me with a
        # vape" is one): a cue followed by "me" and the end of the clause is dropped (round 23).
        modifiers["trivial_threat"] = [
            h for h in modifiers.get("trivial_threat", [])
            if not (h.end < len(doc) and doc[h.end].norm_ in ("me", "us", "him", "her", "them")
                    and (h.end + 1 >= len(doc) or doc[h.end + 1].is_punct
                         or doc[h.end + 1].norm_ in CLAUSE_BREAKS))]
        # "if she killed herself" is not a past event: a history match right after "if" is dropped.
        modifiers["history"] = [h for h in modifiers.get("history", [])
                                if not any(t.norm_ == "if" for t in doc[max(0, h.start - 2):h.start])]
        history_tokens: Set[int] = {i for h in modifiers.get("history", []) + modifiers.get("resolved", [])
                                    for i in range(h.start, h.end)}
        self.current = [h for h in modifiers.get("current", [])
                        if not any(i in history_tokens for i in range(h.start, h.end))
                        and not _just_as_only(h, doc)]
        self.clause_of = _clauses(doc)
        self.other_self = set(matcher.lexicon.classes["other_self"])

    def _sentence(self, hit: Hit):
        return self.doc[hit.start].sent

    def _same_clause(self, name: str, hit: Hit, apart: bool = False) -> bool:
        """A ``name`` modifier in the match's clause; with ``apart``, not one that is a word
        of the match itself ("nails" in "digging her nails into her arms" is no accident)."""
        clause = self.clause_of[hit.start]
        return any(self.clause_of[m.start] == clause or self.clause_of[max(m.end - 1, m.start)] == clause
                   for m in self.modifiers.get(name, []) if not (apart and _within(m, hit)))

    def _in_sentence(self, name: str, hit: Hit, before_only: bool = False,
                     apart: bool = False) -> bool:
        sent = self._sentence(hit)
        return any(sent.start <= m.start < sent.end and (not before_only or m.start < hit.start)
                   for m in self.modifiers.get(name, []) if not (apart and _within(m, hit)))

    def _asked_for_information(self, hit: Hit) -> bool:
        """An information cue in the match's sentence, with no turn to another matter between
        them ("we're after advice about attendance, but also she showed me her arms tonight")."""
        sent = self._sentence(hit)
        for m in self.modifiers.get("information", []):
            if not sent.start <= m.start < sent.end or _within(m, hit):
                continue
            low, high = (m.end, hit.start) if m.start < hit.start else (hit.end, m.start)
            turns = [t.i for t in self.doc[low:high] if t.norm_ in _TURNS]
            # ... unless what follows the turn, before the match, asks about a case ("but also
            # what to do if a student says ...", "however ... what to do when a child hasn't been
            # collected"). A request after the report ("my 14 year old says she is going to kill
            # herself, also do you have any information about anxiety") never makes it one.
            if not turns or (m.start < hit.start and any(
                    t.norm_ in ("if", "when") for t in self.doc[turns[-1]:hit.start])):
                return True
        return False

    def _near(self, name: str, hit: Hit, distance: int = 8) -> bool:
        sent = self._sentence(hit)
        return any(sent.start <= m.start < sent.end and m.start < hit.end + distance
                   and m.end > hit.start - distance for m in self.modifiers.get(name, []))

    def _perceived(self, hit: Hit) -> bool:
        """A perception cue in the match's clause ("i think people are following me", "they
        watch me everywhere i go"); "I think" after the match is a reporter's hedge, not an odd
        perception ("she's swallowed a button battery I think": development set 18)."""
        clause = self.clause_of[hit.start]
        return any((self.clause_of[m.start] == clause or self.clause_of[max(m.end - 1, m.start)] == clause)
                   and not (m.start >= hit.end and self.doc[m.start].norm_ == "i"
                            and self._hedge_at(m.start + 2) and not self._watched(hit))
                   for m in self.modifiers.get("perception", []))

    def _watched(self, hit: Hit) -> bool:
        """Being followed, watched or tracked: "people are following me i think, because of the
        chip in my head" stays an odd perception (the review of round 22)."""
        return any(t.norm_.startswith(("follow", "watch", "spy", "spied", "track", "stalk"))
                   for t in self.doc[hit.start:hit.end])

    def _hedge_at(self, i: int) -> bool:
        """ "I think" ends its clause here: "... a button battery I think, she's drooling"."""
        return i >= len(self.doc) or self.doc[i].is_punct or self.doc[i].norm_ in ("and", "but", "so")

    def _commanded(self, hit: Hit) -> bool:
        """The match is itself voices telling someone to act ("the voices are telling him to
        hurt his little brother": development set 13): a danger, not an odd perception."""
        return any(t.norm_ in ("tell", "tells", "telling", "told") for t in self.doc[hit.start:hit.end])

    def _reported(self, hit: Hit) -> bool:
        """Someone real said or posted it: a post, a message, or "said" with "my friend" (or
        "my son", "one of my pupils") in the message. A story's character says things too, so
        "said" alone is not enough; nobody in a film "posted on her story"."""
        if self._in_sentence("reported_acts", hit):
            return True
        third = set(self.lexicon.classes["third_party"])
        norms = [t.norm_ for t in self.doc]
        relation = any(n in ("my", "our", "one") and any(w in third for w in norms[i + 1:i + 4])
                       for i, n in enumerate(norms))
        return relation and self._in_sentence("reported_speech", hit)

    def _in_story(self, hit: Hit) -> bool:
        """The match is part of a film, game, book or song named near it: in its clause ("in
        the film the girl kills herself", "a film where a boy cuts himself"), or in a clause of
        its own with no real person acting. Not a real person's act beside the media ("he
        played the game all night and now says he wants to kill himself"), nor media that only
        say when it happened ("he cut himself while watching the film", "after the film she
        tried to hang herself"), unless the match is told as what happens in them ("after
        watching the film where he kills himself i felt sad"). Media named only by their kind
        ("shooting games", "a horror movie") make a story only of gore that names no one ("lots
        of blood and killing"): "plays violent video games and has started cutting himself" is
        a real child (round 31, development set 47 and its review)."""
        sent = self._sentence(hit)
        clause = self.clause_of[hit.start]
        gore = self._gore_only(hit)
        # A character counts only as the one acting in the match's own clause ("my son copies
        # the characters in his games, he tried to hang himself" is a real child).
        characters = any(t.norm_ in ("character", "characters") and self.clause_of[t.i] == clause
                         for t in sent)
        cues = list(self.modifiers.get("fiction", []))
        if cues or self.modifiers.get("media_kinds"):
            cues += self.modifiers.get("story_places", [])
        if gore:
            cues += self.modifiers.get("media_kinds", [])
        for m in cues:
            if not (sent.start <= m.start < sent.end and m.start < hit.end + 8 and m.end > hit.start - 8):
                continue
            before = self.doc[max(sent.start, m.start - 3):m.start]
            told_in_it = m.end <= hit.start and any(
                t.norm_ in _CONTENT_LINKS for t in self.doc[m.end:hit.start])
            if not _within(m, hit) and not told_in_it and any(t.norm_ in _WHEN_WORDS for t in before):
                continue  # "while watching the film", "after playing the game": when, not what
            if characters or self.clause_of[m.start] == clause or self.clause_of[m.end - 1] == clause \
                    or not self._real_actor(hit, back=not gore):
                return True
        return False

    def _gore_only(self, hit: Hit) -> bool:
        """A match of gore that names no one and no act of anyone's ("lots of blood")."""
        return all(t.norm_ in _GORE for t in self.doc[hit.start:hit.end])

    def _real_actor(self, hit: Hit, back: bool = True) -> bool:
        """Someone real acts in the match: "he", "she", "they" or the writer's own "my son",
        "our daughter" before or in it in its clause, or, with ``back``, in the clauses before
        it in its sentence when its own has no subject ("she watched the film and tried to hang
        herself": the review of round 31). A reflexive "himself" is no actor; a character or a
        person of the story met first ("a boy", "the girl") ends the search."""
        third = set(self.lexicon.classes["third_party"])
        sent = self._sentence(hit)
        i = hit.end - 1
        clause = self.clause_of[hit.start]
        while i >= sent.start:
            if self.clause_of[i] != clause:
                if not back:
                    return False
                clause = self.clause_of[i]
            norm = self.doc[i].norm_
            previous = self.doc[i - 1].norm_ if i > sent.start else ""
            if norm in _REAL_PRONOUNS or (norm in third and previous in ("my", "our")):
                return True
            if norm in ("character", "characters") or (norm in third and previous in ("a", "the", "this")):
                return False
            i -= 1
        return False

    def _other_subject(self, hit: Hit) -> bool:
        """Someone other than the writer is named in the match's clause ("is it normal for a
        teenager to...", "is it normal that she...")."""
        clause = self.clause_of[hit.start]
        third = set(self.lexicon.classes["third_party"]) | OTHER_SUBJECTS
        return any(t.norm_ in third for t, c in zip(self.doc, self.clause_of) if c == clause)

    def _first_person(self, hit: Hit) -> bool:
        """A first-person subject in the match's clause, up to the end of the match."""
        clause = self.clause_of[hit.start]
        i = hit.start
        while i > 0 and self.clause_of[i - 1] == clause:
            i -= 1
        return any(t.norm_ in FIRST_PERSON_SUBJECT for t in self.doc[i:hit.end])

    def demotion(self, hit: Hit) -> Optional[str]:
        if self._negated(hit):
            return "negation"
        if self._not_said_by_another(hit):
            return "not_said"
        # A dose looked up for an illness ("looked up how many calpol to give a 4 year old with
        # a temperature") is ordinary whichever class the match is of (round 19).
        if hit.kind in ("crisis_self_harm", "crisis_suicidal") and self._medicine_is_benign(hit):
            return "benign"
        if any(m.start in (hit.end, hit.end - 1) for m in self.modifiers.get("hyperbole_objects", [])) \
                and not self._without_a_bed(hit):
            return "hyperbole"
        child = _young_child(self.doc, 0, hit.start) if any(
            m.start == hit.end for m in self.modifiers.get("out_of_sight", [])) else None
        if child is not None and not any(t.norm_ in self._adults() for t in self.doc[child + 1:hit.start]):
            # A young child who will not let a parent out of sight is clingy; said of anyone
            # else (a boyfriend, a stepdad, "the man i'm staying with") it stays urgent.
            return "behaviour"
        if self._figurative_killing(hit):
            return "hyperbole"
        if self._in_play(hit):
            return "play"
        if hit.kind == "crisis_danger" and self._longing(hit):
            return "longing"
        if hit.kind == "crisis_danger" and self._animal(hit):
            return "animal"
        if hit.kind == "crisis_danger" and self._thrown_at_by_bullies(hit):
            return "bullying"
        if hit.kind == "crisis_danger" and self._another_driver(hit):
            return "another_driver"
        first_person = self._first_person(hit)
        if not first_person and self._in_story(hit) and not self._reported(hit):
            return "fiction"
        if hit.kind in ("crisis_suicidal", "crisis_self_harm") and not first_person \
                and self._in_sentence("own_question", hit) and not self._other_subject(hit) \
                and not self._injury(hit):
            return "own_question"  # "is it normal to hope you don't wake up?": check in
        # "an essay that reads like a suicide note": a likeness is a judgement of real words,
        # never the topic of a lesson or an essay.
        if hit.kind == "safeguarding_disclosure" and self._ridicule(hit):
            return "bullying"
        likened = self.doc[hit.start].norm_ == "like"
        wound_question = self._injury(hit) and self._in_sentence("own_question", hit)
        # "is it normal that my mum's boyfriend comes into my room at night": the writer is the
        # one it happens to, so it is a disclosure asked as a question.
        writer_harmed = hit.kind == "safeguarding_disclosure" and any(
            t.norm_ in ("me", "my", "myself") for t in self.doc[hit.start:hit.end])
        # Never a question about a real child who said it or is doing it now: "is it normal for a
        # 13 year old to say she wishes she was dead? she said it at dinner", "we're after advice
        # about attendance, but also ... tonight the cuts ... need stitches" (development set 12).
        happening = bool(self.modifiers.get("said_for_real"))
        if not likened and ((not first_person and self._asked_for_information(hit)
                             and not wound_question and not writer_harmed and not happening)
                            or self._teaching(hit)):
            return "information"
        if not any(t.norm_ in FIRST_PERSON_SUBJECT or t.norm_ in ("my", "myself", "me")
                   for t in self.doc[hit.start:hit.end]) and any(
                m.start <= hit.start and hit.end <= m.end and (m.start, m.end) != (hit.start, hit.end)
                for m in self.modifiers.get("service_list", [])):
            return "information"  # "a list of local domestic abuse services": a topic
        if hit.kind in ("safeguarding_disclosure", "crisis_danger") and not first_person \
                and self._sentence_opens_with_question(hit):
            return "information"  # "What's county lines?"; never for suicide or self-harm
        if hit.kind == "crisis_self_harm" and self._same_clause("accident", hit, apart=True) \
                and not self._on_purpose() and not self._held_there(hit):
            return "accident"
        if hit.kind in ("crisis_danger", "safeguarding_disclosure") and self._young_childs_behaviour(hit):
            return "behaviour"
        if hit.kind == "crisis_self_harm" and self._meltdown_head_banging(hit):
            return "behaviour"
        # A history cue in the match's clause, or in its sentence when the message says it is
        # over ("I took an overdose, but that was 5 years ago and I'm doing well now").
        if (self._same_clause("history", hit) or (
                self.modifiers.get("resolved") and self._dated_after(hit))) \
                and not self._current_near(hit) and not self.modifiers.get("again_intent"):
            if hit.kind != "safeguarding_disclosure" or (
                    self.modifiers.get("resolved") and not self.modifiers.get("first_telling")):
                return "history"  # a past disclosure is still a disclosure unless it is over
        if hit.kind == "crisis_danger" and hit.tier == "ambiguous" and self.modifiers.get("resolved") \
                and any(t.norm_.startswith("assault") for t in self.doc[hit.start:hit.end]) \
                and not self.current and not any(t.norm_ in _GOING_ON for t in self.doc):
            # "she was assaulted at a party, the police are involved and she's safe": an assault
            # told as done and being handled. Only an assault: a report to the police or social
            # care says nothing of whether any other danger is over (independent review: "my
            # son's been gone since friday, the police were informed").
            return "history"
        if hit.kind in ("crisis_suicidal", "crisis_danger"):
            if self._laughing(hit) and not self._concrete(hit):
                return "laughter"
            if hit.kind == "crisis_suicidal" and self._same_clause("trivial", hit):
                return "trivial"
            if (hit.kind == "crisis_danger" and hit.tier == "ambiguous"
                    and self.modifiers.get("trivial_threat")):
                return "trivial"
        if self._hypothetical(hit) and not _has_quantity(hit, self.doc):
            if hit.kind == "safeguarding_disclosure" and self._supposed_telling(hit):
                return "information"
            return "hypothetical"
        if self.modifiers.get("unusual_experiences") and not self._current_near(hit) and (
                (hit.kind == "crisis_danger" and _followed(hit, self.doc))
                or (hit.kind == "safeguarding_disclosure" and hit.tier == "ambiguous")):
            return "unusual"  # "being followed" beside "controlling my thoughts": psychosis
        if hit.kind == "crisis_danger" and self._in_sentence("panic", hit) and any(
                t.norm_.startswith("breath") for t in self.doc[hit.start:hit.end]) \
                and not self._current_near(hit):
            # "panic attacks, shaking, says she can't breathe properly"; not "she gets anxiety
            # but now she's not breathing".
            return "panic"
        if hit.kind == "crisis_danger" and self._perceived(hit) \
                and not self._current_near(hit) and not self._commanded(hit):
            return "perception"
        return None

    def _dated_after(self, hit: Hit) -> bool:
        """A history cue in the match's sentence that dates it: in its clause, said after it
        ("I took an overdose, but that was 5 years ago"), or before it when the match's own
        clause is not told in the present ("last year she had a bad patch and took an overdose,
        she's fine now"); never a date before a wish of now ("two years ago my best friend
        hanged herself and i feel like ending it too": the second independent review of round
        33)."""
        sent = self._sentence(hit)
        clause = self.clause_of[hit.start]
        said_now = any(t.norm_ in _SAID_NOW for t in self.doc if self.clause_of[t.i] == clause)
        return any(sent.start <= m.start < sent.end
                   and (m.start >= hit.start or self.clause_of[max(m.end - 1, m.start)] == clause
                        or not said_now)
                   for m in self.modifiers.get("history", []))

    def _negated(self, hit: Hit) -> bool:
        """A negation just before the match, with only filler words between ("I'm not
        suicidal", "I would never", "no one abuses me"). Not: "can't stop looking at",
        "never been so suicidal", "no, I want to die", "never had those thoughts until now",
        "I've never felt suicidal before"."""
        clause = self.clause_of[hit.start]
        if any(t.norm_ in UNTIL and not (t.norm_ == "before" and self._opens_clause_rest(t.i))
               for t in self.doc[hit.end:] if self.clause_of[t.i] == clause):
            return False
        before = [t.norm_ for t in self.doc[max(0, hit.start - 4):hit.start]]
        if before and before[-1] in ("him", "her", "them"):
            # "nothing like him hurting himself", "no sign of her harming herself" (never
            # "there's nothing like cutting myself to make the pain stop")
            if before[-3:-1] == ["nothing", "like"] \
                    or before[-4:-1] in (["no", "sign", "of"], ["no", "signs", "of"]):
                return True
        steps = 0
        start = hit.start
        if hit.tier == "ambiguous" and start >= 3 and self.doc[start - 1].norm_ in ("or", "nor") \
                and self.doc[start - 2].norm_ in _COORDINATED_STATES:
            # "she's not upset or in any danger" (a parent, conversations40): the negation of
            # the state before "or" is the match's too; only for a weak match ("he isnt
            # violent or threatening to kill me" keeps its strong one: the independent review).
            start -= 2
        for i in range(start - 1, -1, -1):
            token = self.doc[i]
            norm = token.norm_
            # "no" negates as "no one", or right before the match ("she has no thoughts of
            # harming herself"); never across a comma ("no, I want to die").
            if norm in self.negation or (norm == "no" and i + 1 < len(self.doc)
                                         and (self.doc[i + 1].norm_ in ("one", "body")
                                              or i == start - 1)):
                between = {t.norm_ for t in self.doc[i + 1:min(len(self.doc), hit.end + 2)]}
                return not (between & INTENSIFIERS)
            if norm not in self.filler or steps >= self.lexicon.negation_window:
                return False
            steps += 1
        return False

    def _not_said_by_another(self, hit: Hit) -> bool:
        """ "she's not said anything about wanting to die", "he hasn't mentioned anything about
        hurting himself" (a parent, conversations38): someone else has said nothing of it. Only
        of another person (never "I've not mentioned I'm suicidal to anyone"), only when nothing
        follows in the clause ("... but she's been looking up how many it takes", "... to
        anyone"), and only down to a check-in (the independent review of round 25)."""
        doc = self.doc
        i = hit.start - 1
        if i >= 0 and doc[i].norm_ in ("about", "of"):
            i -= 1
        if i < 1 or doc[i].norm_ != "anything" or doc[i - 1].norm_ not in _SAID:
            return False
        i -= 2
        while i >= 0 and doc[i].norm_ in ("ever", "really", "actually", "once"):
            i -= 1
        if i < 0 or doc[i].norm_ not in self.negation:
            return False
        subject = {t.norm_ for t in doc[max(0, i - 3):i]}
        if not subject & {"she", "he", "they"} or subject & FIRST_PERSON:
            return False
        # Only thoughts and self-harm not spoken of, and only when nothing else in the whole
        # message tells of risk: no other match of the lexicon at all, and no word after it that
        # goes on ("... , she's locked in the bathroom", "... since he got out of hospital": the
        # second review of round 25).
        if hit.kind not in ("crisis_suicidal", "crisis_self_harm"):
            return False
        if any(other is not hit and (other.tier != "support" or other.start > hit.start)
               and not (other.end <= hit.start and self._negated(other)) for other in self.hits):
            return False
        return not any(t.norm_ in _MORE_TOLD_AFTER for t in doc[hit.end:])

    def _opens_clause_rest(self, i: int) -> bool:
        """ "not suicidal before anyone asks": "before" and someone else asking is an aside;
        "never felt suicidal before" and "never suicidal before I started college" are not."""
        return i + 1 < len(self.doc) and self.doc[i + 1].norm_ in ASIDE_AFTER_BEFORE

    def _teaching(self, hit: Hit) -> bool:
        """ "How can I teach Year 8 about sextortion": information before the topic, same clause.
        For suicide and self-harm, only a piece of writing about someone else: "I've got to
        write about why Juliet kills herself" (the match names her as its subject)."""
        clause = self.clause_of[hit.start]
        before = [m for m in self.modifiers.get("information", [])
                  if self.clause_of[m.start] == clause and m.start < hit.start]
        if hit.kind == "safeguarding_disclosure":
            # "is it normal for my uncle to touch me like that": the writer is the one harmed,
            # so it is a disclosure asked as a question, never a lesson.
            writer = ("me", "my", "myself")
            return bool(before) and not any(t.norm_ in writer for t in self.doc[hit.start:hit.end])
        about_someone_else = any(t.norm_ in self.other_self for t in self.doc[hit.start:hit.end])
        return about_someone_else and any(self.doc[m.start].norm_ in WRITING for m in before)

    def _hypothetical(self, hit: Hit) -> bool:
        """A hypothetical that opens the match's sentence ("what if...", "if I ever...")."""
        sent = self._sentence(hit)
        return any(m.start <= sent.start + 1 and m.start < hit.start and sent.start <= m.start
                   for m in self.modifiers.get("hypothetical", []))

    def _without_a_bed(self, hit: Hit) -> bool:
        """ "kicked out of college accommodation, sleeping in my car", "kicked out of school
        boarding house ... where do i go tonight": sent away from where one sleeps, or with
        nowhere to go, is a danger whatever it is called (the review of round 31)."""
        return any(t.norm_.startswith("kick") for t in self.doc[hit.start:hit.end]) \
            and bool(_NO_BED.search(self.doc.text.lower()))

    def _meltdown_head_banging(self, hit: Hit) -> bool:
        """ "Meltdowns after school, screaming, sometimes banging his head on the floor" (an
        autistic child, or one of 10 or under): head-banging in a meltdown is behaviour that
        challenges, for the child's GP or autism team, not a self-harm crisis (development sets
        46 and 51). Never with an injury, a mark or a hospital anywhere in the message, nor
        for an older child with no autism said ("my 15 year old bangs her head on the wall")."""
        words = [t.norm_ for t in self.doc[hit.start:hit.end]]
        if "head" not in words or not any(w.startswith(("bang", "bash", "hit", "headbang")) for w in words):
            return False
        if not self._in_sentence("child_behaviour", hit):
            return False
        norms = {t.norm_ for t in self.doc}
        if norms & (set(self.lexicon.classes.get("injury", ())) | _HEAD_INJURY | _NOW_WORDS):
            return False
        if _OLDER_AGE.search(self.doc.text.lower()):
            return False  # an age over 10 anywhere: maybe the one who bangs (the second review)
        return bool(norms & _AUTISM) or _young_child(self.doc, 0, len(self.doc)) is not None

    def _writers_own_role(self, i: int) -> bool:
        """ "Hi, I'm a Year 1 teacher in Sheerness.": the adult named is the writer introducing
        themselves, not an adult in the child's home (development set 47)."""
        before = [t.norm_ for t in self.doc[max(0, i - 4):i]]
        return any(w in ("am", "m", "im") for w in before) and any(w in ("a", "an") for w in before)

    def _supposed_telling(self, hit: Hit) -> bool:
        """ "What should I do if a pupil ever tells me they are being hurt at home?": what a
        child might one day tell, asked by staff to learn the steps, is a question of procedure
        (development set 46). Only "a"/"any" child, pupil or student: "what do I do if my child
        tells me someone is touching her" may be a hint already given, and stays a check-in."""
        if writer_of(self.doc.text) != PROFESSIONAL:
            return False  # only staff asking the steps ("asking for my mate": the second review)
        if self.modifiers.get("said_for_real") or _REAL_TELLING.search(self.doc.text.lower()):
            return False  # "... she told me today": a telling that happened
        sent = self._sentence(hit)
        words = [t.norm_ for t in self.doc[sent.start:hit.start]]
        for i, word in enumerate(words[:-1]):
            if word in ("a", "any") and words[i + 1] in _SUPPOSED_TELLERS and any(
                    w in _TELLING for w in words[i + 2:i + 6]):
                return True
        return False

    def _held_there(self, hit: Hit) -> bool:
        """ "I held my hand on the hob": holding or pressing it there is done on purpose (a burn
        from a hob is an accident only when the message says so)."""
        return self.doc[hit.start].norm_ in DELIBERATE and not any(
            t.norm_ in ("accident", "accidentally") for t in self.doc)

    def _on_purpose(self) -> bool:
        return any(t.norm_ in ("purpose", "deliberately", "deliberate", "intentionally") for t in self.doc)

    def _concrete(self, hit: Hit) -> bool:
        """A means, place or act named in the match, or a plan, means or time word of its class
        anywhere in the message: "lol" beside it is nervous laughter, not a joke."""
        concrete = set(self.lexicon.classes.get("concrete", ()))
        if any(t.norm_ in concrete for t in self.doc[hit.start:hit.end]):
            return True
        return any(h.tier == "support" and h.kind == hit.kind for h in self.hits)

    def _ridicule(self, hit: Hit) -> bool:
        """Pictures of the writer posted to make fun of them, with nothing sexual said: bullying
        (its reply and services), not image-based abuse."""
        images = set(self.lexicon.classes.get("image", ()))
        sexual = set(self.lexicon.classes.get("sexual", ()))
        return (any(t.norm_ in images for t in self.doc[hit.start:hit.end])
                and self._in_sentence("ridicule", hit)
                and not any(t.norm_ in sexual for t in self.doc)
                and not _UNDRESSED.search(self.doc.text.lower())
                and not self._taken_exposed(hit))

    def _taken_exposed(self, hit: Hit) -> bool:
        """ "they took pics of me getting changed", "... in the shower", "... asleep at a
        sleepover" (round 29): a picture taken so is never only a joke. Only in the words right
        after the picture, in its clause (the second review: "i hide in the toilets at lunch
        now" later on is still bullying); "changed" only as "getting changed"."""
        exposed = set(self.lexicon.classes.get("exposed", ()))
        clause = self.clause_of[hit.start]
        after = [t for t in self.doc[hit.end:hit.end + _EXPOSED_REACH] if self.clause_of[t.i] == clause]
        return any(t.norm_ in exposed or (t.norm_ == "changed" and t.i > 0 and self.doc[t.i - 1].norm_
                                          in ("getting", "get", "got", "was", "were"))
                   for t in after)

    def _another_driver(self, hit: Hit) -> bool:
        """ "dad was drunk and mum had to drive us home": someone else had to drive (never "he
        is drunk and has to drive us", nor the keys: the drunk adult may be the one)."""
        span = [t.norm_ for t in self.doc[hit.start:hit.end]]
        return span[:2] == ["drunk", "and"] and any(
            span[i] in _OTHER_DRIVERS and span[i + 1] in ("had", "has") and span[i + 2] == "to"
            for i in range(2, len(span) - 2))

    def _longing(self, hit: Hit) -> bool:
        """ "my daughter is missing her dad": "missing" with who is missed right after it, and
        then the end of the clause or how the child misses them ("since he moved out", "so
        much", "at bedtime"). Never "gone|went|been missing", and never with anything else
        after who is named: texted without commas, "missing her dad is out looking" or
        "missing school rang" is a missing child (the review of round 23)."""
        doc = self.doc
        if doc[hit.end - 1].norm_ != "missing" or hit.end >= len(doc) or any(
                t.norm_ in ("gone", "went", "been", "go", "going") for t in doc[hit.start:hit.end]):
            return False
        people = set(self.lexicon.classes["longed_for"])
        i = hit.end
        if doc[i].norm_ in ("her", "his", "their", "my") and i + 1 < len(doc) and doc[i + 1].norm_ in people:
            i += 2
        elif doc[i].norm_ in ("him", "her", "them"):
            i += 1
        elif doc[i].norm_ in _ABSENT_FROM:
            # "my son is missing school a lot because of anxiety": time off, not a missing child.
            i += 1
            return i >= len(doc) or doc[i].is_punct or doc[i].norm_ in _ABSENCE_TAILS
        else:
            return False
        return i >= len(doc) or doc[i].is_punct or doc[i].norm_ in _LONGING_TAILS

    def _animal(self, hit: Hit) -> bool:
        """ "my dog swallowed a battery": an animal that swallowed, ate, drank or chewed
        something, named just before the match that begins with that verb. Never a fall, a
        bite or "isn't breathing" (the review of round 23: "chasing the cat fell down the
        stairs and isnt breathing")."""
        doc, classes = self.doc, self.lexicon.classes
        if doc[hit.start].norm_ not in _INGESTING:
            return False
        pets = set(classes["pets"])
        before = [t for t in doc[max(0, hit.start - 3):hit.start]
                  if self.clause_of[t.i] == self.clause_of[hit.start]]
        first = next((n for n, t in enumerate(before) if t.norm_ in pets), None)
        # From the animal to the verb, only more of its name or "has just": "my dog has just".
        return first is not None and all(t.norm_ in pets or t.norm_ in _PET_TO_VERB
                                         for t in before[first:])

    def _thrown_at_by_bullies(self, hit: Hit) -> bool:
        """ "getting picked on every day at school, they throw stuff at me on the bus": things of
        no danger (stuff, a bag, food) thrown at someone, told as bullying that keeps
        happening. Never a brick, a knife or a bottle, an injury, hiding, a threat to throw, or
        anything said of now (the review of round 23)."""
        words = [t.norm_ for t in self.doc[hit.start:hit.end]]
        throwing = set(self.lexicon.classes["throwing"])
        harmless = set(self.lexicon.classes["harmless_thrown"])
        if not any(w in throwing for w in words) or not any(w in harmless for w in words):
            return False
        if not self.modifiers.get("bullied") or not self.modifiers.get("habitual") or self.current:
            return False
        injury = set(self.lexicon.classes["injury"]) | _HURT_WORDS
        if any(t.norm_ in injury or t.norm_ in ("outside", "hiding", "hide", "hid") for t in self.doc):
            return False
        verb = next(t for t in self.doc[hit.start:hit.end] if t.norm_ in throwing)
        before = [t.norm_ for t in self.doc[max(0, verb.i - 3):verb.i]]
        if any(w in ("will", "'ll", "going", "gonna", "threaten", "threatened", "threatening")
               for w in before):
            return False  # "they keep saying theyll throw acid at me"
        # "theyre throwing stones at me" is now; "they keep throwing stuff" is not.
        return not verb.norm_.endswith("ing") or (
            verb.i > 0 and self.doc[verb.i - 1].norm_ in ("keep", "keeps", "kept", "always"))

    def _in_play(self, hit: Hit) -> bool:
        """ "the kids are throwing snowballs at me", "my brother will beat me again at fifa",
        "he hit me with a cushion", "cut her fringe again 10 minutes ago": a throw of a thing
        thrown in play with no blow after it, beating someone at a game, a blow with a pillow,
        or a cut whose object is hair or nails (the review of round 20). Never an animal near
        a disclosure, a coach's touching at a sport, or "he throws pillows at me and then
        punches me" (the independent review of round 21)."""
        span = self.doc[hit.start:hit.end]
        norms = {t.norm_ for t in span}
        if hit.kind == "crisis_self_harm":
            hair = set(self.lexicon.classes.get("hair", ()))
            poss = set(self.lexicon.classes.get("poss", ())) | {"the", "a", "some"}
            for i, t in enumerate(span[:-1]):
                if t.lower_.startswith(("cut", "trim", "chop")):
                    after = [u.norm_ for u in span[i + 1:i + 3]]
                    if after and (after[0] in hair or (after[0] in poss and after[1:] and after[1] in hair)):
                        return True
            return False
        if hit.kind not in ("crisis_danger", "safeguarding_disclosure"):
            return False
        sentence_after = [t.norm_ for t in self.doc[hit.end:self._sentence(hit).end]]
        if set(sentence_after) & _BLOWS:
            return False
        if norms & set(self.lexicon.classes.get("play_things", ())) \
                and norms & set(self.lexicon.classes.get("throwing", ())):
            return True
        play = [m for m in self.modifiers.get("play", []) if m.start in (hit.end, hit.end - 1)]
        if not play:
            return False
        objects = {t.norm_ for m in play for t in self.doc[m.start:m.end]}
        if norms & _WINNING and not objects & set(self.lexicon.classes.get("play_things", ())):
            return True  # beaten at a game
        return bool(norms & _PLAY_BLOWS and objects & set(self.lexicon.classes.get("play_things", ())))

    def _adults(self) -> Set[str]:
        """Words for an adult, of the family or not ("since my daughter turned 3 my husband
        won't let me out of his sight": the independent review of round 22)."""
        return set(self.lexicon.classes["family_adult"]) | ADULT_WORDS | {"someone", "somebody"}

    def _injury(self, hit: Hit) -> bool:
        """ "is it normal for a cut to be gaping open?": a question about a wound is about
        treatment now, never a general question."""
        injury = set(self.lexicon.classes.get("injury", ()))
        return any(t.norm_ in injury for t in self._sentence(hit))

    def _laughing(self, hit: Optional[Hit] = None) -> bool:
        """lol, haha, jk, a crying-laughing emoji, unless "not joking" is said anywhere. For a
        match, only laughter in its sentence or in a short sentence right after it counts: "my
        screen cracked lol. also I've worked out how I'm going to end things" is not a joke."""
        norms = [t.norm_ for t in self.doc]
        for i, norm in enumerate(norms):
            # "not joking", "no joke", "not even joking" (development set 17)
            before = norms[max(0, i - 2):i]
            if norm in ("joking", "kidding", "joke", "jk") and before and (
                    before[-1] in ("not", "no", "n't") or before == ["not", "even"]):
                return False
        near = range(len(self.doc))
        if hit is not None:
            sent = self._sentence(hit)
            # and the first two words of the next sentence ("... into the sea. joking obviously")
            near = range(sent.start, min(len(self.doc), sent.end + 2))
        for i in near:
            token = self.doc[i]
            if hit is not None and i < hit.start and i <= 3 and norms[0] in _ANSWER_OPENINGS and any(
                    norms[j] in _AFTER_A_JOKE for j in range(i + 1, hit.start)):
                continue  # "no haha im not, but he says he'll kill me": the joke was the answer
            if token.norm_ in JOKING and self._says_joking(i):
                return True
            if token.norm_ in self.laughter or token.text in self.laughter:
                if not any(self.doc[j].norm_ in self.negation for j in range(max(0, i - 2), i)):
                    return True
        return False

    def _says_joking(self, i: int) -> bool:
        """ "joking obviously", "only kidding", "I'm joking": the writer's own joke, not "idk
        if she's joking"."""
        before = self.doc[i - 1].norm_ if i else ""
        after = self.doc[i + 1].norm_ if i + 1 < len(self.doc) else ""
        return before in JOKE_OWNERS or after in ("obviously", "lol", "lmao", "haha")

    def _sentence_opens_with_question(self, hit: Hit) -> bool:
        sent = self._sentence(hit)
        return any(m.start == sent.start for m in self.modifiers.get("question_openers", []))

    def _current_near(self, hit: Hit) -> bool:
        clause = self.clause_of[hit.start]
        return any(self.clause_of[m.start] == clause or
                   (m.start < hit.end + CURRENT_DISTANCE and m.end > hit.start - CURRENT_DISTANCE)
                   for m in self.current)

    def _names_medicine(self, tokens) -> bool:
        medicine = set(self.lexicon.classes["medicine"]) | {"overdose", "dose", "doses"}
        return any(t.norm_ in medicine or t.lemma_ in medicine for t in tokens)

    def _medicine_is_benign(self, hit: Hit) -> bool:
        """Ordinary use of a medicine named in the match ("I take 2 paracetamol every night
        for my period"). A cue such as "every night" says nothing about a match that names
        no medicine ("burning myself every night")."""
        span = self.doc[hit.start:hit.end]
        something = any(t.norm_ == "something" for t in span)  # "taken something for my migraine"
        if not self._same_clause("benign_medicine", hit) or not (
                self._names_medicine(span) or something):
            return False
        window = self.doc[hit.start:min(len(self.doc), hit.end + 8)]
        if any(t.norm_ in ("purpose", "numb", "nothing", "die", "dead", "end", "stop") for t in window):
            return False  # "on purpose", "to feel numb", "to make it stop"
        span = self.doc[hit.start:hit.end]
        stock = {"all", "whole", "load", "loads", "rest", "packet", "packets", "box", "bottle",
                 "extra", "handful", "bunch", "strip", "too", "unknown", "quantity", "amount",
                 "ingested"}
        if any(t.norm_ in stock for t in span) or "overdose" in {t.lemma_ for t in span}:
            return False
        norms = [t.norm_ for t in span]
        if any(a == "some" and b == "of" for a, b in zip(norms, norms[1:])):
            return False  # "some of my tablets"
        numbers = [_number(t) for t in span if t.like_num]
        return all(n is not None and n <= 2 for n in numbers)

    def _figurative_killing(self, hit: Hit) -> bool:
        """ "my feet are killing me": a body part before a figurative "killing me"; so is
        "this heat is killing me" (a thing or people that only a figure of speech says kill
        the writer: never before "myself")."""
        span = self.doc[hit.start:hit.end]
        if not any(t.norm_.startswith(("kill", "kil")) for t in span):
            return False
        parts = set(self.lexicon.classes["body_part"])
        if span[-1].norm_ == "me":
            parts |= set(self.lexicon.classes.get("hyperbole_subjects", ()))
        return any(self.doc[i].norm_ in parts for i in range(max(0, hit.start - 4), hit.start))

    def _young_childs_behaviour(self, hit: Hit) -> bool:
        """ "My 6 year old hits me when he gets angry", "he's 9 and has meltdowns, throwing
        things": a child of 10 or under named before the match in its sentence, with no adult,
        no one else's words and no "I" between them or in the match, in a sentence about the
        child's behaviour."""
        sent = self._sentence(hit)
        # The child and their behaviour may be told in the sentence before: "my son have 7
        # years and he is always angry. shouting, throwing things at home" (conversations14).
        start = self.doc[sent.start - 1].sent.start if sent.start else sent.start
        if not any(start <= m.start < sent.end for m in self.modifiers.get("child_behaviour", [])):
            return False
        child = _young_child(self.doc, start, hit.start)
        if child is None:
            # ... or named just after it, as a parent adds the age: "He had a full-on tantrum in
            # Tesco, screaming that he hates me. He's 4." (development set 15). Only the child's
            # own acts in the match ("screaming that", "kicking the door"), and
            # nobody else anywhere in the two sentences: no adult, no "I", no injury or weapon
            # ("She had a meltdown and her stepdad punched her. She's 6.", "... I hit him with a
            # belt. He's 6.": the independent review of round 19).
            after_end = self.doc[sent.end].sent.end if sent.end < len(self.doc) else sent.end
            later = _young_child(self.doc, hit.end, after_end)
            if later is None or not any(t.norm_ in _OWN_ACTS for t in self.doc[hit.start:hit.end]):
                return False
            others = ADULT_WORDS | set(self.lexicon.classes["family_adult"]) | {
                "i", "im", "someone", "somebody"} | set(self.lexicon.classes.get("injury", ())) | set(
                self.lexicon.classes["weapon"]) | _MARKS
            return not any(t.norm_ in others for t in self.doc[start:after_end])
        never = set(self.lexicon.classes.get("injury", ())) | set(self.lexicon.classes["weapon"]) | _MARKS
        if any(t.norm_ in never for t in self.doc[hit.start:hit.end]):
            return False  # a bruise, a wound, a knife: never behaviour (review of round 18)
        adults = set(self.lexicon.classes["family_adult"]) | ADULT_WORDS | {"someone", "somebody"}
        # Across two sentences, no adult anywhere in them ("my husband is so angry all the
        # time. my daughter is 5 and he throws things at her" is a danger) ...
        # (an adult before the child in its own sentence who came to the writer is the one
        # reporting: "a mum came to me about her 6 year old's meltdowns"; never "my partner
        # loses his temper with my 5 year old and he's hitting ...": the second review).
        since = start if start < sent.start else child + 1
        reporter = _REPORTER_CAME.search(self.doc[sent.start:child].text.lower()) \
            if child > sent.start else None
        between = [t for t in self.doc[since:hit.end] if not (reporter and sent.start <= t.i < child)]
        if any(t.norm_ in adults and not self._writers_own_role(t.i) for t in between) or any(
                t.norm_ in REPORTED_SPEECH or t.norm_ in ("i", "im") for t in self.doc[child + 1:hit.end]):
            return False
        # ... nor an adult who does something to the child anywhere after it ("... slams doors
        # and told me his stepdad hurts him": the review of round 18); "mum says it's just as
        # hard at home" is an adult's view, not an act.
        tokens = self.doc[child + 1:]
        return not any(t.norm_ in adults and any(
            u.norm_ in _ADULT_ACTS for u in tokens[i + 1:i + 5]) for i, t in enumerate(tokens))


#: A young child's own acts in a tantrum, which a match read as the child's behaviour must name
#: when the age comes after it.
_OWN_ACTS = frozenset({"screaming", "screams", "screamed", "shouting", "shouts", "shouted", "kicking",
                       "kicks", "kicked", "hitting", "hits", "throwing", "throws", "threw", "biting",
                       "bites", "slamming", "slams", "slammed", "smashing", "smashed", "punching",
                       "scratching", "hates", "hate", "swearing"})

#: How many words after a picture may say it was taken while someone changed or washed.
_EXPOSED_REACH = 6

#: Marks on a child's body, which are never read as the child's behaviour.
_MARKS = frozenset({"bruise", "bruises", "bruised", "bruising", "marks", "welts", "burns", "black",
                    "broken", "fractured", "fracture", "cuts", "cut"})

#: What an adult named after a young child does to them, which makes the child's behaviour
#: a sign, not the matter ("she says mummy's boyfriend did it").
_ADULT_ACTS = frozenset({"did", "does", "done", "hurt", "hurts", "hit", "hits", "hitting", "kick",
                         "kicks", "kicked", "beat", "beats", "punch", "punches", "punched", "slap",
                         "slaps", "slapped", "smack", "smacks", "smacked", "touch", "touches",
                         "touched", "grab", "grabs", "grabbed", "push", "pushes", "pushed", "locks",
                         "locked", "burnt", "burned", "bit", "shakes", "shook", "threw", "throws"})

#: Besides "tablet" itself: a message that names these takes a tablet for a medicine.
_AMOUNTS = frozenset({"tablets", "pills", "pill", "strip", "strips", "packet", "packets", "box",
                      "boxes", "blister", "blisters", "bottle", "load", "loads", "handful"})


def _drop_devices(risk: List[Hit], devices: List[Hit], doc: Doc, matcher: SafetyMatcher) -> List[Hit]:
    """ "he screams when I take the tablet away": a self-harm match that overlaps a device cue
    is dropped, so that the model's own reading decides (demoting it as ordinary medicine use
    would also hold back the model's urgent guess: the independent review of round 18 found
    "... with a knife because i took the tablet away" read as anger). Not when the message names
    another medicine or an amount ("took the tablet away, found a strip of empty tablets")."""
    if not devices:
        return risk
    medicine = set(matcher.lexicon.classes["medicine"]) - {"tablet"}
    if any(t.norm_ in _AMOUNTS or (t.norm_ in medicine) for t in doc):
        return risk
    return [h for h in risk if h.kind != "crisis_self_harm" or not any(
        d.start < h.end and h.start < d.end for d in devices)]


def _done_to_a_child(risk: List[Hit]) -> List[Hit]:
    """ "her dad held her hand over the hob": the self-harm match ("held her hand over the hob")
    inside a disclosure match that names the adult who did it is the adult's act, so its reply
    is the disclosure's (the independent review of round 19)."""
    disclosures = [h for h in risk if h.kind == "safeguarding_disclosure" and h.tier == "strong"]
    return [h for h in risk if not (h.kind == "crisis_self_harm" and any(
        _within(h, d) for d in disclosures))]


def _within(modifier: Hit, hit: Hit) -> bool:
    """The modifier's words are some of the match's own, and fewer of them."""
    return (hit.start <= modifier.start and modifier.end <= hit.end
            and modifier.end - modifier.start < hit.end - hit.start)


def _clauses(doc: Doc) -> List[int]:
    """The clause number of every token."""
    numbers, clause = [], 0
    for token in doc:
        if token.is_sent_start and token.i:
            clause += 1
        numbers.append(clause)  # a break word belongs to the clause it ends
        if token.norm_ in CLAUSE_BREAKS:
            clause += 1
    return numbers


def _followed(hit: Hit, doc: Doc) -> bool:
    """A danger match about being followed or watched (not a weapon, a threat or a place)."""
    return any(t.norm_.startswith(("follow", "watch", "track", "spied", "spy"))
               for t in doc[hit.start:hit.end])


def _has_quantity(hit: Hit, doc: Doc) -> bool:
    return any(t.norm_ in ("all", "whole", "too", "load", "loads") or t.like_num
               for t in doc[hit.start:hit.end])


def _number(token) -> Optional[float]:
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "a": 1}
    try:
        return float(token.text)
    except ValueError:
        return words.get(token.norm_)


#: Someone other than a young child acting, or speaking, between the child and a match.
#: How a child misses someone, after who is named: "missing her dad since he moved out".
_LONGING_TAILS = frozenset({"since", "so", "loads", "lots", "a", "really", "terribly", "badly", "at",
                            "every", "lately", "too", "more", "x", "xx"})
#: What a child misses by staying away, and how: "missing school a lot", "missing lessons
#: because of anxiety" (never "missing school rang to say she never arrived").
_ABSENT_FROM = frozenset({"school", "lessons", "classes", "college", "lectures", "uni"})
_ABSENCE_TAILS = frozenset({"a", "loads", "lots", "because", "cos", "coz", "cuz", "due", "since",
                            "every", "most", "again", "more", "and", "days", "weeks", "recently",
                            "lately", "too", "so"})
#: A pet that swallowed, ate, drank or chewed something: "my dog swallowed a battery".
_INGESTING = frozenset({"swallowed", "swallow", "swallows", "ate", "eaten", "eat", "eats", "drank",
                        "drunk", "drink", "chewed", "chew", "chewing"})
#: What may stand between a pet and what it swallowed: "the puppy has just eaten".
_PET_TO_VERB = frozenset({"my", "our", "the", "has", "just", "'s", "s", "a"})
#: Words of harm beside things thrown: never only bullying.
_HURT_WORDS = frozenset({"head", "face", "eye", "eyes", "dizzy", "blacking", "blacked", "unconscious",
                         "burnt", "burned", "burn", "hurt", "hurts", "injured", "concussion", "sick",
                         "knocked", "bleeding", "blood", "stitches"})
ADULT_WORDS = {"man", "men", "adult", "adults", "grown", "stranger", "boss", "manager"}
REPORTED_SPEECH = {"says", "said", "told", "tells", "saw", "sees", "watched", "heard", "hears"}
_YOUNG_CHILD_WORDS = {"toddler", "toddlers", "preschooler", "baby"}


#: After "just", a habit or a state: "just" then means "only", not "a moment ago" ("i just get
#: really bad panic attacks ... like i cant breathe": conversations36).
_HABIT_AFTER_JUST = frozenset({"get", "gets", "feel", "feels", "tend", "tends", "usually", "normally",
                               "sometimes", "often"})


def _just_as_only(hit: Hit, doc: Doc) -> bool:
    """A "just" of the current cues that means "only": "i just get panic attacks"."""
    return doc[hit.start:hit.end].text.lower() == "just" and hit.end < len(doc) \
        and doc[hit.end].norm_ in _HABIT_AFTER_JUST


#: How someone is, which "not ... or" negates together with a weak match after it ("not upset
#: or in any danger").
_COORDINATED_STATES = frozenset({"upset", "distressed", "unwell", "ill", "sick", "sad", "low", "scared",
                                 "frightened", "worried"})

#: Said (or not) of someone else: "she's not said anything about ...".
_SAID = frozenset({"said", "mentioned", "say", "mention", "talked", "spoken"})
#: Words after such a match that tell more than nothing said: "but", "to anyone", "because".
_MORE_TOLD_AFTER = frozenset({"but", "because", "cos", "coz", "to", "for", "though", "tho", "yet", "until",
                              "till", "anyone", "anybody", "still", "since", "today", "tonight", "now",
                              "just",
                              "found", "locked", "hospital", "tablets", "pills", "blood", "knife", "rope",
                              "note", "letter", "goodbye", "missing", "gone", "hidden", "hid", "hiding",
                              "researching", "googling", "searched", "looked", "cuts", "marks", "scars",
                              "burns", "bruises", "last", "yesterday", "again", "however", "although"})


def _young_child(doc: Doc, start: int, end: int) -> Optional[int]:
    """Where, in doc[start:end], a child of 10 or under is last named by someone else: "my 6
    year old", "he's 9", "Year 3 boy (7)", "our toddler" (not "I'm 8": a child writing)."""
    found = None
    for i in range(start, end):
        token = doc[i]
        if token.norm_ in _YOUNG_CHILD_WORDS:
            found = i
        if not token.like_num:
            continue
        value = _number(token)
        before = doc[i - 1].norm_ if i else ""
        after = doc[i + 1].norm_ if i + 1 < len(doc) else ""
        # "my daughter just turned 5" (conversations32), not "i just turned 9".
        turned = before in ("turned", "turns", "turning") and not any(
            t.norm_ in ("i", "im", "m", "am") for t in doc[max(0, i - 3):i])
        is_age = turned or after in ("year", "years", "yr", "yrs", "yo", ")") or before in (
            "'s", "s", "is", "aged", "age", "(") or (
            # The age as a clause of its own, as a parent adds it: "... w him. 7, meltdowns
            # every single morning, kicking the door" (conversations26).
            before in ("", ".", ",", ";") and after in ("", ".", ",", ";"))
        first_person = before in ("m", "am", "'m", "im") or (i > 1 and doc[i - 2].norm_ == "i")
        if value is not None and 0 < value <= 10 and is_age and not first_person:
            found = i
    return found


_AGE_WORDS = {"i", "im", "m", "am", "is", "s", "'s", "she", "he", "aged", "age", "only"}
_PARTNER_WORDS = {"boyfriend", "girlfriend", "partner", "bf", "gf", "father", "man", "guy", "bloke",
                  "lad", "older", "fella", "husband", "dating", "seeing", "pregnant", "sex"}


def _age_gap(doc: Doc, matcher: SafetyMatcher) -> Optional[str]:
    """A child under 16 with a partner aged 18 or more, or a pregnancy under 16: the numbers
    are read, so "i'm 14 and my boyfriend is 24" is a disclosure whatever the wording."""
    ages = []
    for i, token in enumerate(doc):
        if not token.like_num:
            continue
        value = _number(token)
        if value is None or not 8 <= value <= 60:
            continue
        before = doc[i - 1].norm_ if i else ""
        after = doc[i + 1].norm_ if i + 1 < len(doc) else ""
        # "he's like 30": "like" after "is" is a rough age, not a comparison.
        rough = before in ("like", "about", "around") and any(
            t.norm_ in ("is", "s", "'s") for t in doc[max(0, i - 3):i - 1])
        if before in _AGE_WORDS or rough or after in ("year", "years", "yo", "yr", "yrs"):
            ages.append(value)
    norms = {t.norm_ for t in doc}
    if not ages or not norms & _PARTNER_WORDS:
        return None
    young, old = min(ages), max(ages)
    if young < 16 and (old >= 18 and old - young >= 4 or "pregnant" in norms):
        return f"age {young:g} with {old:g}" if old != young else f"pregnant at {young:g}"
    return None


def _drop_contained(hits: List[Hit]) -> List[Hit]:
    """Keep the longest of overlapping matches of the same class and tier."""
    kept: List[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if any(k.kind == hit.kind and k.tier == hit.tier and k.start <= hit.start and hit.end <= k.end
               for k in kept):
            continue
        kept.append(hit)
    return kept


def _support_upgrades(evidence: List[Evidence], hits: List[Hit], context: _Context) -> List[Evidence]:
    """An ambiguous match becomes urgent with a plan, means or time word of its class
    ("kms tonight", "urge to cut and I have the blade"), unless it was a joke or a figure of
    speech."""
    supported = {e.urgent_class for e in evidence if e.tier == "support"}
    out = []
    for e, hit in zip(evidence, hits):
        if e.tier == "ambiguous" and e.demoted_by is None and e.urgent_class in supported:
            support_hits = [h for h in hits if h.tier == "support" and h.kind == e.urgent_class
                            and (h.end <= hit.start or h.start >= hit.end)]
            if support_hits:
                e = Evidence(e.urgent_class, "strong", f"{e.text} + {support_hits[0].text}")
        out.append(e)
    return out


def _who(doc: Doc, matcher: SafetyMatcher) -> Tuple[bool, Optional[str]]:
    """Is this about someone else, and who is writing (signposting.audience, the one inference
    of the writer every part of the bot uses)? "my friend", "one of my pupils", "she said"
    make it about someone else."""
    third = set(matcher.lexicon.classes["third_party"])
    norms = [t.norm_ for t in doc]
    third_party = False
    for i, norm in enumerate(norms):
        nearby = norms[i + 1:i + 4]
        if norm in ("my", "our", "a", "one") and any(w in third for w in nearby):
            third_party = True
        if norm in ("he", "she", "they") and nearby[:1] and nearby[0] in (
                "says", "said", "told", "texted", "messaged", "is", "has"):
            third_party = True
        # "He's just told me he swallowed ...", "she has now told me": someone telling the writer.
        if norm in ("he", "she", "they") and any(
                w in ("told", "tells", "telling", "showed", "shown") and norms[i + k + 2:i + k + 3] == ["me"]
                for k, w in enumerate(nearby)):
            third_party = True
    audience = writer_of(doc.text)
    adult = audience in (PARENT_CARER, PROFESSIONAL)
    return third_party or adult, audience


def _speaker(assessment_level: str, doc: Doc, audience: Optional[str]) -> Optional[str]:
    """A first-person disclosure or crisis with no sign of a parent or professional writing
    comes from a young person: say so, so an earlier "my son..." does not word this reply. Not
    when the message tells only of someone else, the writer's "I" only reporting ("I think
    he's being made to carry drugs. Police came round once. Who do I talk to", from a
    grandmother who had said who she was: conversations49, development; "She's 13. She's cut
    her thighs tonight, I've got a towel on it"): nothing is said of the writer then, and who
    they said they were stands (signposting.audience.tells_of_another_only)."""
    if audience or assessment_level == NONE:
        return audience
    if any(t.norm_ in FIRST_PERSON for t in doc) and not tells_of_another_only(doc.text):
        return "young_person"
    return None
