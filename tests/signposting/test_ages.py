import pytest

from signposting.ages import ADULT, MISSING, NOT_AN_AGE, parse_age


@pytest.mark.parametrize("text, age", [
    ("15", 15), ("im 15", 15), ("I'm 13 years old", 13), ("fifteen", 15), ("twenty one", 21),
    ("twenty-one", 21), ("15yo", 15), ("she's 9", 9), ("0", 0), ("25", 25),
])
def test_ages_in_range(text, age):
    answer = parse_age(text)
    assert answer.ok and answer.age == age


@pytest.mark.parametrize("text, problem, age", [
    ("300", NOT_AN_AGE, None), ("-3", NOT_AN_AGE, None), ("30", ADULT, 30),
    ("dunno", MISSING, None), ("", MISSING, None), ("🙂", MISSING, None), ("1.5", MISSING, None),
])
def test_ages_out_of_range_or_missing(text, problem, age):
    answer = parse_age(text)
    assert not answer.ok
    assert (answer.problem, answer.age) == (problem, age)


@pytest.mark.parametrize("text, age", [
    ("year 9", 13), ("she's in year 7", 11), ("yr 11", 15), ("in sixth form", 16), ("6th form", 16),
    ("lower sixth", 16), ("im in upper 6th", 17), ("upper sixth, 18", 18), ("in lower 6th but 17", 17),
    ("reception", 4), ("my son is 15 and in year 10", 15), ("14 years old, year 9", 14),
])
def test_school_years_and_stages(text, age):
    answer = parse_age(text)
    assert answer.ok and answer.age == age


@pytest.mark.parametrize("text, age", [
    ("17 next month", 16), ("16 in march", 15), ("she'll be 5 next month", 4),
    ("turns 12 next week", 11), ("turned 18 last week", 18), ("16 (year 11)", 16),
    ("9 next week", 8), ("15", 15), ("nearly 16", 15), ("she's almost twelve", 11),
    ("16 nearly 17", 16), ("13 nearly 14", 13)])
def test_an_age_about_to_be_reached_is_the_age_now(text, age):
    assert parse_age(text).age == age


@pytest.mark.parametrize("text, age", [("16.", 16), ("he is 9.", 9), ("14. why", 14)])
def test_a_full_stop_after_the_number_ends_the_sentence(text, age):
    """ "16." once read as no age at all (the full stop was taken for a decimal point)."""
    assert parse_age(text).age == age


def test_a_decimal_is_not_an_age():
    assert parse_age("1.5").age is None


@pytest.mark.parametrize("text, age", [("tweleve", 12), ("fiteen", 15), ("sixten", 16),
                                       ("thirten lol", 13), ("nineteeen", 19)])
def test_a_misspelt_number_word_is_still_the_age(text, age):
    assert parse_age(text).age == age


@pytest.mark.parametrize("text", ["im fine", "tree", "plenty", "no idea"])
def test_short_or_ordinary_words_are_not_guessed_as_numbers(text):
    assert parse_age(text).age is None


@pytest.mark.parametrize("text, age", [
    ("born march 2011", 15), ("born in 2011", 14), ("born sept 2012", 14), ("dob 2010", 15),
    ("she was born in may 2019", 7),
    # the month after the year, said of the young person (conversations28, development).
    ("She was born in 2012, in the June", 14), ("he was born 2010 in march", 16),
])
def test_a_date_of_birth_gives_the_age_now(text, age):
    from datetime import date
    assert parse_age(text, today=date(2026, 12, 4)).age == age


def test_born_without_a_year_is_no_age():
    assert parse_age("i was born in a hospital").age is None


def test_a_year_of_birth_in_a_longer_message_is_not_taken_for_the_age():
    from datetime import date
    assert parse_age("she was born in 2011, she's 12 now", today=date(2026, 12, 4)).age == 12
    assert parse_age("my dad was born in 1975 and he hits me", today=date(2026, 12, 4)).age != 51


@pytest.mark.parametrize("text, age", [
    # conversations51 (development): a college year, as a 16 to 18-year-old says it.
    ("college first year", 16), ("first year at college", 16), ("2nd year of college", 17),
    ("first year uni", 18), ("1st year of university", 18),
])
def test_a_college_or_university_year_gives_its_youngest_age(text, age):
    answer = parse_age(text)
    assert answer.ok and answer.age == age
