"""Who is asking, from the answer to "is this for you, your child, or someone you work with?"."""
import pytest

from signposting.audience import PARENT_CARER, PROFESSIONAL, parse_audience, writer_of
from tests.support.domain import domain


def audience_question():
    """The domain's question as the web chat shows it, with its buttons."""
    return next(v for v in domain().responses["utter_ask_audience"] if v.get("buttons"))


def audience_question_words():
    return next(v for v in domain().responses["utter_ask_audience"] if not v.get("channel"))


@pytest.mark.parametrize("text, audience", [
    ("1", "young_person"), ("2", "parent_carer"), ("3", "professional"),
    (" 2 ", "parent_carer"), ("3.", "professional"), ("1!", "young_person"),
    ("me", "young_person"), ("myself", "young_person"), ("its for me", "young_person"),
    ("for a friend", "young_person"), ("my mate", "young_person"),
    ("for my son", "parent_carer"), ("for my daughter", "parent_carer"),
    ("my child", "parent_carer"),
    ("it's my son", "parent_carer"), ("mum", "parent_carer"), ("foster carer", "parent_carer"),
    ("I'm a teacher", "professional"), ("I\u2019m a SENCo", "professional"),
    ("I work with young people", "professional"), ("someone I work with", "professional"),
    ("school staff", "professional"), ("social worker", "professional"),
    ("my client", "professional"),
    ("i'm a GP", "professional"), ("a pupil", "professional"),
])
def test_answers(text, audience):
    assert parse_audience(text) == audience


@pytest.mark.parametrize("text", ["", None, "banana", "asdfgh", "4", "10", "what?", "meh",
                                  "😀", "<b>2</b>", "x" * 10_000])
def test_unclear_answers(text):
    assert parse_audience(text) is None


@pytest.mark.parametrize("text, audience", [
    ("I'm a parent", "parent_carer"),
    ("I'm her mum", "parent_carer"),
    ("im his dad", "parent_carer"),
    ("I'm a foster carer", "parent_carer"),
    ("I'm his teacher", "professional"),
    ("I am their social worker", "professional"),
])
def test_saying_who_you_are_in_the_first_person(text, audience):
    # "I'm" must not by itself mean the young person: a parent or a teacher says "I'm" too.
    assert parse_audience(text) == audience


def test_the_question_and_buttons_agree():
    """The domain's question and buttons (domain/signposting.yml) are read back as they mean."""
    question = audience_question()
    buttons = [(b["title"], b["payload"]) for b in question["buttons"]]
    assert [payload for _, payload in buttons] == ["1", "2", "3"]
    assert "Reply 1 for me, 2 for my child, 3 for someone I work with." in \
        audience_question_words()["text"]
    assert [parse_audience(p) for _, p in buttons] == ["young_person", "parent_carer",
                                                       "professional"]
    assert [parse_audience(t) for t, _ in buttons] == ["young_person", "parent_carer",
                                                       "professional"]


@pytest.mark.parametrize("text, audience", [
    # An adult worried about another family's child gets the adult's wording ("is the child
    # safe?", the NSPCC helpline), not "are you safe?" and Childline.
    ("I think my neighbour is hurting their little boy. I hear screaming most nights and he had "
     "bruises on his arms today.", "parent_carer"),
    ("the kids next door are left alone all weekend with no food", "parent_carer"),
    ("my neighbour's daughter told me her stepdad touches her", "parent_carer"),
    ("I'm worried about my niece, she says she wants to die", "parent_carer"),
    ("my nephew (15) has been cutting himself", "parent_carer"),
    ("a woman in my street screams at her 4 year old son every day", "parent_carer"),
    # ... but what the writer suffers makes it theirs, and a friend is a young person's word
    ("my neighbour keeps shouting at me and their son follows me home", None),
    ("my friend's dad hits his son", "young_person"),
    ("my mum hits me", None),
    ("I'm 14 and my stepdad hurts me", "young_person"),
    # someone who runs a group for young people writes as staff
    ("I run a youth club and one of our 17 year olds is skipping meals", "professional"),
    ("i coach a girls football team and one of them told me shes being bullied", "professional"),
    # Development set 59: an age group before the team.
    ("Hello, I coach an under-14s football team in Gravesend and I'm worried about one of my lads",
     "professional"),
    ("i coach the u12s rugby team and one of the boys has been really quiet", "professional"),
    # ... but not a young coach of a younger team telling of themselves (the second review).
    ("i coach an under 12s football team and i've been feeling really low", None),
    ("i coach an under 14s netball team and my boyfriend hits me", "young_person"),
    ("i coach an under 12s football team and im worried about myself", None),
])
def test_an_adult_reporting_another_familys_child(text, audience):
    assert writer_of(text) == audience


@pytest.mark.parametrize("text, audience", [
    ("Health visitor here, a mum on my list is worried about her 3 year old", PROFESSIONAL),
    ("form tutor - one of mine has stopped coming in", PROFESSIONAL),
    ("Deputy head: we have a year 11 with panic attacks", PROFESSIONAL),
    ("yr 10 boy came to me at lunch saying he feels low", PROFESSIONAL),
    ("My eldest is 12 and has stopped eating breakfast", PARENT_CARER),
    ("our youngest keeps waking at 3am", PARENT_CARER),
])
def test_staff_introduce_themselves_by_role_and_parents_by_birth_order(text, audience):
    assert writer_of(text) == audience


@pytest.mark.parametrize("text", [
    "ta, thanks",                      # British thanks, not a teaching assistant
    "my teacher said i should message here",
    "gp said i have anxiety",
    "year 9 girl here, need help",     # a young person saying who she is
])
def test_roles_named_by_a_young_person_do_not_make_staff(text):
    assert writer_of(text) != PROFESSIONAL


@pytest.mark.parametrize("text, audience", [
    ("Our 7 year old has just been diagnosed with ADHD", PARENT_CARER),
    ("my 15yo won't come out of her room", PARENT_CARER),
    ("son (14) has stopped going to football", PARENT_CARER),
    ("daughter just turned 9, wetting the bed again", PARENT_CARER),
    ("Looking for services for a Y10 girl, lives in Deal", PROFESSIONAL),
    ("support for year 8 pupil with anxiety", PROFESSIONAL),
])
def test_parents_and_staff_in_a_note(text, audience):
    """A parent naming the child by age or with the "my" left off, staff by school year."""
    assert writer_of(text) == audience


@pytest.mark.parametrize("text, audience", [
    # conversations11: a parent who found "my lad" cutting got the young person's crisis reply.
    ("just found my lad in the bathroom, he's cut his legs", PARENT_CARER),
    ("my boy won't come out of his room", PARENT_CARER),
    ("our lass is being picked on", PARENT_CARER),
    ("my little girl has nightmares every night", PARENT_CARER),
    ("my girl friend is really down", None),   # a friend, not a child
    ("me and my boys got kicked out of the park", None),
])
def test_a_parents_plain_words_for_their_child(text, audience):
    if audience:
        assert writer_of(text) == audience
    else:
        assert writer_of(text) != PARENT_CARER


@pytest.mark.parametrize("texts, young", [
    (["been so down for weeks, cant be bothered with anything"], True),   # the "I" left off
    (["feel like i have no mates, everyone has their own groups"], True),  # people in general
    (["everyone at school ignores me"], True),
    (["she won't eat and i'm worried sick"], False),                       # another person
    (["they won't go to school and i don't know what to do"], False),
])
def test_who_is_writing_about_themselves(texts, young):
    from signposting.audience import about_someone_else, writes_as_young_person
    assert writes_as_young_person(texts) is young
    assert about_someone_else(texts[0]) is not young


@pytest.mark.parametrize("text", [
    "School nurse in Tenterden. A Year 9 girl I see is very isolated",
    "Support worker with a young carer who is struggling at home",
    "Youth worker at a club in Grays, one lad is struggling",
    # conversations36 and 38 (development; other words): a role named with what it serves.
    "College counsellor. 17yo student, very isolated", "Hi, drugs worker at a surgery in Grays. 16yo",
    "College wellbeing lead. Student aged 18, lonely", "football coach, one of my under 15s",
    "Sixth form pastoral lead here, a student told me", "Young carers worker - lad is 13",
    "PE teacher. Year 10 boy, very withdrawn",
])
def test_a_two_word_role_opening_the_message_is_staff(text):
    assert writer_of(text) == "professional"


@pytest.mark.parametrize("text", [
    # conversations40 (development; other words): a staff note that opens with the pupil.
    "Year 9 girl keeps missing PE and says she feels sick before it", "Yr 7 boy, he won't eat at lunch",
    "17 yo student with low mood, she is struggling in lessons. Grays.",
    "Year 12 student seems withdrawn lately, he barely speaks",
])
def test_a_note_opening_with_a_pupil_by_year_is_staff(text):
    assert writer_of(text) == "professional"


@pytest.mark.parametrize("text", [
    "yr 9 girl here, getting bullied", "year 10 girl, everyone ignores me", "15 year old girl, she wont eat",
    "year 11 boy and i cant sleep", "Year 8 girl, they keep calling me names",
    "16 yo student, my anxiety is awful",
    # The independent review of round 26: texting drops the "I"; a parent's "we".
    "year 12 student, cant cope anymore, want to end it",
    "17 yo student with depression, thinking about suicide",
    "Year 9 boy, he won't go to school. What can we do as his parents?",
])
def test_a_young_person_or_parent_naming_a_school_year_is_not_staff(text):
    assert writer_of(text) != "professional"


@pytest.mark.parametrize("text", ["social worker came round today and i hate her",
                                  "my school counsellor said i should text this",
                                  "football coach is always shouting at me", "pe teacher said im fat",
                                  # The independent review of round 25: a young person opening
                                  # with the role of the one who harms them, or their own.
                                  "football coach, he keeps messaging me at night and asking for pics",
                                  "church youth leader, he says its our secret",
                                  "church youth leader - is it normal for him to want to meet me on "
                                  "my own and keep it secret",
                                  "Mental health nurse, 22, now i want to die",
                                  "camhs worker - i cant stop cutting", "maths teacher keeps touching my leg",
                                  "the college counsellor is useless, im 17 and so low",
                                  "teacher at my school keeps picking on me",
                                  "deputy head at school gave me a detention and now I want to die"])
def test_a_young_person_naming_staff_is_not_staff(text):
    assert writer_of(text) != "professional"


@pytest.mark.parametrize("text", [
    # conversations12: a mother of twins was asked "Where do you live?" as if for herself.
    "I've got twins, they're 9, and since their dad and I separated they've both been up and down",
    "we have two boys and the eldest has stopped sleeping",
])
def test_a_parent_telling_what_children_they_have(text):
    assert writer_of(text.lower()) == "parent_carer"


@pytest.mark.parametrize("text, audience", [
    # conversations14 (development): a foster carer was answered as the young person.
    ("I'm a foster carer and I'm worried about the 15 year old girl placed with us", "parent_carer"),
    ("we foster a boy of 9 and he has started wetting the bed again", "parent_carer"),
    ("im her special guardian and she wont talk to me", "parent_carer"),
    ("my foster son is 12", "parent_carer"),
    # A young person's words for their own carers are not a carer's.
    ("i live with my foster carers in maldon", None),
    ("im in foster care and my foster mum is nice but i feel so alone", None),
    ("my friend is staying with me and she said she wants to die", "young_person"),
])
def test_foster_and_kinship_carers(text, audience):
    assert writer_of(text.lower()) == audience


@pytest.mark.parametrize("text, audience", [
    # conversations12 and 14 (development): a parent asking "is it normal for a 14 year old"
    # was answered as the young person once the topic was named.
    ("Is it normal for a 14 year old to be on her phone until 3am? we end up rowing every night "
     "when I try to take it off her", "parent_carer"),
    ("every time we take the xbox away from him he kicks off", "parent_carer"),
    ("getting him to school is a battle every morning", "parent_carer"),
    ("we cant make her eat anything", "parent_carer"),
    # What is done to the writer is not what a parent does.
    ("my mum tries to take my phone off me", None),
    ("im 15 and my mum cant get me to school", "young_person"),
])
def test_what_a_parent_does_for_a_child_in_their_care(text, audience):
    assert writer_of(text.lower()) == audience


@pytest.mark.parametrize("text, audience", [
    # conversations20: a greeting and "quick one" before the role; front-desk staff.
    ("Hi, quick one. Youth worker at a centre in Southend. One of our lads is scared", PROFESSIONAL),
    ("Hi, GP receptionist here in Headcorn. A mum has asked us about her son", PROFESSIONAL),
    # A young person addressing the bot, or a young adult who works as a receptionist
    # (independent review, 5 December, evening).
    ("hey counsellor, im 15 and i dont want to be here anymore", "young_person"),
    ("receptionist - 22 - i've taken an overdose", None),
])
def test_roles_after_a_greeting(text, audience):
    assert writer_of(text) == audience


@pytest.mark.parametrize("text, audience", [
    # conversations26 (development), in other words: staff naming a pupil as one of theirs.
    ("One of mine in Year 5 came to me this morning with a bruise on her cheek", "professional"),
    ("one of ours in yr 11 has stopped eating at lunch", "professional"),
    ("one of mine is in year 4 and the other in year 6, both anxious", None),
    # ... or one of a youth group's (conversations28, development; other words).
    ("one of ours at the youth club has been drinking a lot, he's 16", "professional"),
    ("one of ours at home is poorly", None),
    # ... but a young person who says their age is one of a group (the review of round 20).
    ("im 14, one of ours at the youth club got jumped last night", "young_person"),
])
def test_one_of_mine_in_a_school_year(text, audience):
    assert writer_of(text) == audience


@pytest.mark.parametrize("text", [
    # conversations32 (development; other words): a head of year by their year.
    "Head of Year 10. One of mine lost her grandad last week and is not coping.",
    "head of yr 7 here - boy in my year very anxious",
    "Head of sixth form: student, 17, panic attacks before exams",
])
def test_a_head_of_year_is_staff(text):
    assert writer_of(text) == PROFESSIONAL


def test_a_young_person_naming_their_head_of_year_is_not_staff():
    assert writer_of("head of year 9 gave me a detention and now my mum is going to kill me") != PROFESSIONAL


@pytest.mark.parametrize("text", [
    # The independent review of round 22: a young person naming their head of year first.
    "head of sixth form (mr x) touched me and said not to tell",
    "head of year 9, she keeps shouting at me for nothing",
])
def test_a_head_of_year_named_by_a_young_person_about_themselves_is_not_staff(text):
    assert writer_of(text) != PROFESSIONAL


@pytest.mark.parametrize("text", [
    # conversations34 (development; other words): a step-parent or grandparent who says so.
    "im stepmum to two girls, the eldest is 13",
    "As his step-dad I don't know what to do any more",
    "I'm her grandad and she lives with us",
])
def test_a_step_parent_or_grandparent_who_says_so_is_a_carer(text):
    assert writer_of(text) == PARENT_CARER


@pytest.mark.parametrize("text", [
    "im scared of my stepdad", "my nan is ill", "im seeing my grandad later", "im going to my grans",
    "im her stepdad's daughter and he hits me", "i'm the gran's carer and im struggling",
])
def test_naming_a_step_parent_or_grandparent_is_not_being_one(text):
    assert writer_of(text) != PARENT_CARER


def test_a_coach_who_names_their_club_is_staff_but_not_someone_telling_of_one():
    assert writer_of("coach at a junior club in deal. one of my u13s is struggling") == PROFESSIONAL
    assert writer_of("coach at a club touched me") != PROFESSIONAL
    assert writer_of("coach at a club touched my friend") != PROFESSIONAL
    assert writer_of("coach at a boxing club has been sending snaps to girls in my year") != PROFESSIONAL


@pytest.mark.parametrize("text", [
    # conversations42 (development): a role with a word that narrows it.
    "Supervising social worker for a foster carer. YP in placement is year 13, nightmares most nights.",
    "senior youth worker at a centre in grays. 15yo lad, low mood",
])
def test_a_narrowed_staff_role_is_staff(text):
    assert writer_of(text) == PROFESSIONAL


@pytest.mark.parametrize("text", [
    # A student of a role; a young person naming the worker who said something to them (the
    # independent review of round 27).
    "student social worker at a college, my tutor is rubbish",
    "duty social worker at the hospital said i cant go home to my mum and i want to die",
    "lead support worker at the hostel keeps on at me, i want to end it",
])
def test_a_narrowed_role_with_the_writer_in_it_is_not_staff(text):
    assert writer_of(text) != PROFESSIONAL


@pytest.mark.parametrize("text", [
    # conversations42 (development): a mother threatened by her partner before the children.
    "my partner just said in front of the kids that when he gets back hes going to finish me",
    "my husband shouts at the children", "the children are scared of my wife",
])
def test_a_partner_and_the_children_at_home_are_a_parents_words(text):
    assert writer_of(text) == PARENT_CARER


@pytest.mark.parametrize("text", [
    "the kids at school laugh at me and my partner dumped me",
    # A young parent who tells their age; staff who mention a spouse (the review of round 27).
    "im 20 and my partner left me with the kids and i want to end it all",
    "im 19, my partner hits me in front of the kids",
    "im a TA and the kids in my class are lovely but my husband says i should quit",
])
def test_children_at_school_a_young_parent_or_staff_with_a_partner_are_not_a_parents_words(text):
    assert writer_of(text) != PARENT_CARER


@pytest.mark.parametrize("text", ["Foster carer here, he's 6. Every evening he has a tantrum",
                                  "Hi, foster mum here. She is 9", "Special guardian here. Grandson is 8"])
def test_a_carer_who_opens_with_what_they_are(text):
    # conversations49 (development): a foster carer got the young person's crisis wording.
    assert writer_of(text) == PARENT_CARER


@pytest.mark.parametrize("text", ["foster carers here are strict", "my foster carer here is nice",
                                  "foster carer said i cant go out"])
def test_a_young_persons_carers_do_not_make_a_carer(text):
    assert writer_of(text) != PARENT_CARER


from signposting.audience import tells_of_another_only  # noqa: E402


@pytest.mark.parametrize("text", [
    # conversations49 (development): a grandmother's second report got the young person's words.
    "I think he's being made to carry drugs. Police came round once. Who do I talk to",
    "She's 16. I've just found blood all over the bathroom towel and she's locked herself in",
    "She's 13. She's cut herself tonight and I can't stop the bleeding",
    "she's in the bathroom and I can hear her crying, she shouted she's going to cut",
])
def test_a_report_on_someone_else_tells_nothing_of_the_writer(text):
    assert tells_of_another_only(text)


@pytest.mark.parametrize("text", [
    "he hits me", "i think hes going to hit me again", "too late for that i already took them",
    "im in a car w a guy i dont know n he wont stop", "she keeps telling me to kill myself",
    "i want to die", "im going to cut tonight, she wont notice",
    # The independent reviews of round 30: a want or can't of the writer's own, the writer's act
    # after what they found, danger to "us".
    "since she died i dont want to live anymore", "i cant stop thinking about ending it, she doesnt care",
    "i want to end it, he cheated", "i found her pills and took them all", "i'm scared he'll kill us",
])
def test_the_writers_own_crisis_is_theirs(text):
    assert not tells_of_another_only(text)


@pytest.mark.parametrize("text, audience", [
    # conversations47 (development): a Year 1 teacher got the young person's crisis wording.
    ("Hi, I'm a Year 1 teacher in Sheerness. A mum came to me today in tears", PROFESSIONAL),
    ("I'm a primary school teacher", PROFESSIONAL), ("im a yr 6 teacher at a primary", PROFESSIONAL),
    ("im a year 10 and my teacher hates me", None), ("as a result my teacher called my mum", None),
])
def test_a_teacher_named_with_a_school_year_or_kind(text, audience):
    assert writer_of(text) == audience


@pytest.mark.parametrize("text", ["im her mum and i cant cope anymore, i want to die",
                                  "i'm 17 and im her mum, i cant do this i want to kill myself"])
def test_a_young_mother_in_crisis_is_not_read_as_a_parent_reporting(text):
    # The second review of round 30: "I'm her mum" as a parent's words gave a young mother in
    # crisis "Stay with them if you can" (as the review of round 29 found of "single mum").
    assert writer_of(text) != PARENT_CARER


@pytest.mark.parametrize("text", [
    # The second review of round 30: a young person saying they are a student or pupil was read
    # as staff, and a crisis reply would have told them to follow their safeguarding procedure.
    "im a year 10 student and i want to kill myself", "I'm a secondary school pupil being bullied",
    "im a college student and i cant cope", "as a student i feel so alone",
    "which of these are free? i'm a student and cant pay for anything",
    # ... and from the review of that change: "A level", "still", a later "pupils" of their own.
    "I'm an A level student and I want to die", "im still a student and i want to die",
    "im a student and my tutor keeps messaging me at night",
])
def test_a_writer_who_is_a_student_or_pupil_is_a_young_person(text):
    assert writer_of(text) == "young_person"


@pytest.mark.parametrize("text", [
    "one of my students is cutting", "im a teacher and a pupil told me her dad hits her",
    "Hi - I'm a student support tutor at a sixth form college. One of my students (17) is very low",
    "im a student nurse and one of my patients is 15 and self harming",
    # The review of the change: a pupil, client or patient of theirs named after it; work with
    # young people said beside it.
    "I'm a PGCE student and one of my students told me she wants to kill herself",
    "I'm a social work student and my client (15) wants to die",
    "I'm a nursing student and my patient is 15 and took an overdose",
    "I'm a phd student and i tutor a 15 year old who told me he wants to kill himself",
    "I'm a student learning mentor and a year 8 is self harming",
])
def test_staff_who_name_students_are_still_staff(text):
    assert writer_of(text) == PROFESSIONAL


@pytest.mark.parametrize("text", [
    # The review of the change: a student's parent, and "as a student" said of someone else.
    "I'm a student's mum and she's taken an overdose", "I'm a pupil's mum and he is suicidal",
    "I see him as a student with real potential but he told me he wants to die",
])
def test_a_students_parent_or_a_student_spoken_of_is_not_the_writer(text):
    assert writer_of(text) != "young_person"


@pytest.mark.parametrize("text", [
    # conversations51 (development): staff who open with where they work, or a pastoral role.
    "I work on reception at a GP surgery in Westcliff. A 16 year old lad has just come to the desk "
    "and says older boys make him carry parcels. He won't let me ring anyone yet.",
    "hi i work at a primary school, one of my pupils aged 9 keeps crying",
    "I'm a pastoral manager at a sixth form in Canterbury. Our Year 13s are struggling",
    "im the safeguarding lead at a primary and a year 4 told me something worrying",
])
def test_staff_who_say_where_they_work_or_a_pastoral_role(text):
    assert writer_of(text) == PROFESSIONAL


@pytest.mark.parametrize("text", [
    # ... never a young person harmed at work, nor one who works somewhere and is in crisis.
    "i work at a nursery and my manager keeps touching me, im 19",
    "i work at a cafe and im 17 and i want to die",
])
def test_a_young_person_who_works_somewhere_is_still_the_young_person(text):
    assert writer_of(text) == "young_person"


@pytest.mark.parametrize("text", ["Single mum of three, my middle one is 7 and has ADHD",
                                  "my middle one keeps hitting the others"])
def test_a_parent_who_says_my_middle_one(text):
    # conversations47 (development): a mum's "my middle one is 7" was asked her age and who for.
    assert writer_of(text) == PARENT_CARER


def test_a_young_apprentice_in_a_staff_role_is_the_young_person():
    # The second review of round 31: a 17-year-old apprentice TA's own disclosure.
    assert writer_of("I work at a school as an apprentice TA, i'm 17 years old and my boyfriend hits me") \
        == "young_person"


@pytest.mark.parametrize("text", [
    # Development set 53: a grandfather's report; "a row with her boyfriend" is hers, not the
    # writer's boyfriend.
    "She has just told me she swallowed a load of her nan's painkillers about an hour ago after a row "
    "with her boyfriend. She says she's fine and not to make a fuss. She is 15. What do I do?",
    "my son had a fight with his girlfriend and now says he wants to die",
])
def test_another_persons_partner_is_not_the_writers(text):
    assert writer_of(text) != "young_person"


@pytest.mark.parametrize("text", ["i had a row with my boyfriend", "me and a mate of mine", "my best friend"])
def test_the_writers_own_partner_or_friend_still_is(text):
    assert writer_of(text) == "young_person"


def test_a_scout_leader_is_staff():
    """Development set 53: a scout leader's report got the young person's wording."""
    assert writer_of("evening, im a scout leader in wickford. one of my scouts (12) has just told me his "
                     "stepdad hits him with a belt and hes got marks on his back. hes begging me not to "
                     "tell anyone and says he doesnt want to go home tonight") == PROFESSIONAL


@pytest.mark.parametrize("text", [
    # The independent review: a greeting before a role, or "begging me", must not make a young
    # person's own message staff's.
    "good evening, learning mentor, useless. im 15 and i cut myself",
    "good morning, teaching assistant, 17, my boyfriend hits me",
    "evening, football coach, keeps begging me for pics, hes 28 years old",
    # The second review: a scout leader who harms, and young leaders.
    "as the scout leader was driving me home he touched my leg", "im a scout leader and he touched me",
    "im a young scout leader and im 16 and i want to die",
    "im an assistant scout leader, im 17 and feeling suicidal",
])
def test_a_young_persons_greeting_and_a_role_named_stay_theirs(text):
    assert writer_of(text) != PROFESSIONAL


@pytest.mark.parametrize("text", ["my dad and brother hit me",
                                  "my mum and sister keep fighting and i cant cope"])
def test_two_relations_joined_by_and_are_still_the_writers(text):
    assert writer_of(text) == "young_person"


@pytest.mark.parametrize("text", [
    # Development set 53: staff telling of "a lot of students" (a draft of this round blocked
    # "of" between "a" and the relation), and a head of year saying where.
    "I'm Head of Year 11 at a school in Southend-on-sea. Mocks are coming up and I've got a lot of "
    "students really struggling with exam stress",
    "Head of year 9 at a secondary in Basildon, one of mine is struggling",
    "one of my at risk students",  # the second review: "at" between is no other's
])
def test_staff_telling_of_students_or_a_head_of_year_saying_where(text):
    assert writer_of(text) == PROFESSIONAL


@pytest.mark.parametrize("text", [
    # Development set 55: staff who say where they work, a child "of 13" and that she is with
    # them; a volunteer who helps run a club.
    "I work on reception at a GP surgery in Shoeburyness. A girl of 13 who came in for a sore throat "
    "appointment has just told me quietly that her mum's boyfriend hits her. She's sitting in the back "
    "office with me. I'm not clinical, what's the right thing to do?",
    "Hi, I help run a Tuesday youth club in a church hall in Gravesend. One of our girls, she's 14, "
    "told me tonight that older lads have been giving her lifts. Where do I go with this?",
])
def test_staff_at_a_surgery_or_helping_run_a_club(text):
    assert writer_of(text) == PROFESSIONAL


@pytest.mark.parametrize("text", [
    # ... never a young person who helps run one, or one harmed at work.
    "i help run a youth club and im 15",
    "i run a youth club and im 16 and i want to die",
    "i work at a gp surgery and a girl of 13 there, my manager is always alone with me and touches me",
    # The independent review of round 33.
    "i help run the lgbt club at school and i want to kill myself",
    "i help to run a drama group and my boyfriend hits me",
    "i help run a drama group, im in year 10, one of the year 7s told me she self harms",
])
def test_a_young_helper_or_one_harmed_is_not_staff(text):
    assert writer_of(text) != PROFESSIONAL
