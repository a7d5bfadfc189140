"""Plain names of the taxonomy's codes, for people reading the directory or another directory
that shows this catalogue's ORUK feed (the codes themselves are in taxonomy.yml).
"""
from __future__ import annotations

#: Needs, for school staff and other directories (the bot's own, in signposting.needs, are
#: conversational).
NEED_LABELS = {
    "anxiety": "Anxiety, worry or panic",
    "low_mood": "Low mood or depression",
    "self_harm": "Self-harm (nothing urgent happening now)",
    "eating_body_image": "Eating difficulties or body image",
    "bereavement": "Bereavement and grief",
    "bullying": "Bullying",
    "family_relationships": "Family, friendship or relationship problems",
    "school_stress": "School stress, exams or not wanting to go to school",
    "sleep": "Sleep problems",
    "anger_behaviour": "Anger or behaviour",
    "neurodevelopmental": "Autism, ADHD or learning disabilities",
    "substance_use": "Drugs, alcohol or vaping",
    "identity": "Gender identity, sexuality or discrimination",
    "trauma": "Trauma, or abuse in the past",
    "loneliness": "Loneliness or isolation",
    "psychosis": "Hearing or seeing things (possible psychosis)",
    "general_wellbeing": "General wellbeing (no specific difficulty)",
}
AUDIENCE_LABELS = {
    "young_person": "Young people",
    "parent_carer": "Parents and carers",
    "professional": "School staff and other professionals",
}
ACCESS_LABELS = {
    "self_referral": "self-referral",
    "parent": "referral by a parent or carer",
    "professional": "referral by a professional",
    "gp": "referral by a GP",
    "school": "referral by school",
    "walk_in": "walk in",
}
#: The THRIVE groupings in the framework's order, from thriving to risk support.
THRIVE_LABELS = {
    "thriving": "Thriving",
    "getting_advice": "Getting advice",
    "getting_help": "Getting help",
    "getting_more_help": "Getting more help",
    "getting_risk_support": "Getting risk support",
}
#: The urgent classes, named as a directory would list them.
URGENT_LABELS = {
    "crisis_suicidal": "Suicidal thoughts or plans (urgent)",
    "crisis_self_harm": "Self-harm happening now (urgent)",
    "crisis_danger": "Immediate danger (urgent)",
    "safeguarding_disclosure": "Abuse or exploitation disclosed (urgent)",
}
#: What each THRIVE grouping offers, in the framework's own terms.
THRIVE_DESCRIPTIONS = {
    "thriving": "Support that helps children and young people stay well: prevention and "
                "promotion of wellbeing.",
    "getting_advice": "Advice and signposting: self-management, and one-off or light-touch "
                      "contact.",
    "getting_help": "Focused, goal-based help for a particular difficulty.",
    "getting_more_help": "Extensive or specialist help over a longer time.",
    "getting_risk_support": "Support where there is risk: risk management and crisis "
                            "response.",
}
