"""Replies as text messages: GSM-7 and UCS-2 segments, plain text, numbered options, splits."""
import pytest

from signposting.sms import (
    MAX_SEGMENTS,
    encoding,
    format_turn,
    is_gsm,
    keyword,
    numbered_options,
    plain,
    segments,
    split_sms,
    strip_markdown,
    to_gsm,
)
from signposting.texts import COULD_NOT_ANSWER, HELP_TEXT, TEXT_ONLY

# -- segments -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("", 0),
    ("a", 1),
    ("a" * 160, 1),
    ("a" * 161, 2),
    ("a" * 306, 2),
    ("a" * 307, 3),
    ("a" * 459, 3),
    ("a" * 460, 4),
])
def test_gsm7_segments(text, expected):
    assert encoding(text) == "GSM-7"
    assert segments(text) == expected


@pytest.mark.parametrize("char", list("[]{}^~|\\€"))
def test_extension_characters_count_double(char):
    assert segments(char * 80) == 1          # 160 septets
    assert segments(char * 81) == 2          # 162 septets
    assert segments("a" * 159 + char) == 2   # 161 septets: one character would say 1


def test_an_escape_pair_is_never_split_between_segments():
    # 152 + 2 + 152 = 306 septets would be two segments of 153, but the "[" cannot straddle.
    assert segments("a" * 152 + "[" + "a" * 152) == 3
    assert segments("a" * 151 + "[" + "a" * 153) == 2


def test_gsm_accented_letters_stay_gsm():
    assert is_gsm("é à ü Ñ £ ¥ § ¿ ¡ Δ") and segments("é" * 160) == 1


@pytest.mark.parametrize("text, expected", [
    ("á" * 70, 1),
    ("á" * 71, 2),
    ("á" * 134, 2),
    ("á" * 135, 3),
])
def test_ucs2_segments(text, expected):
    assert encoding(text) == "UCS-2"
    assert segments(text) == expected


def test_emoji_make_a_message_ucs2_and_count_two_units():
    assert encoding("ok 👍") == "UCS-2"
    assert segments("😀" * 35) == 1     # 70 UTF-16 units
    assert segments("😀" * 36) == 2
    assert segments("a" + "😀" * 35) == 2


def test_one_emoji_makes_a_long_gsm_text_cost_more():
    text = "a" * 150
    assert segments(text) == 1 and segments(text + "🙂") == 3


# -- characters -----------------------------------------------------------------------------

@pytest.mark.parametrize("raw, gsm", [
    ("it\u2019s", "it's"),
    ("\u2018quoted\u2019", "'quoted'"),
    ("\u201cquoted\u201d", '"quoted"'),
    ("9am \u2013 5pm", "9am - 5pm"),
    ("now \u2014 today", "now - today"),
    ("wait\u2026", "wait..."),
    ("0800\u00a01111", "0800 1111"),
    ("\u2022 Shout", "- Shout"),
    ("caf\u00e1", "cafa"),
    ("\u00e7a", "ca"),
])
def test_characters_that_force_ucs2_are_replaced(raw, gsm):
    assert to_gsm(raw) == gsm
    assert is_gsm(to_gsm(raw)) and not is_gsm(raw)


def test_gsm_text_and_emoji_are_left_alone():
    text = "Text SHOUT to 85258 [any time] €5 ok"
    assert to_gsm(text) == text
    assert to_gsm("thanks 😀") == "thanks 😀"


# -- markdown -------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("**Call 999** now", "Call 999 now"),
    ("__Call 999__ now", "Call 999 now"),
    ("this is _really_ hard", "this is really hard"),
    ("this is *really* hard", "this is really hard"),
    ("see [Childline](https://www.childline.org.uk)", "see Childline https://www.childline.org.uk"),
    ("[https://a.org](https://a.org)", "https://a.org"),
    ("# Support\nCall 111", "Support\nCall 111"),
    ("* one\n* two", "- one\n- two"),
    ("use `SHOUT`", "use SHOUT"),
])
def test_markdown_is_stripped(raw, expected):
    assert strip_markdown(raw) == expected


@pytest.mark.parametrize("text", [
    "https://www.example.org/my_page_here",
    "see https://www.nhs.uk/mental_health/_private_/x",
    "snake_case_words stay",
    "2 * 3 * 4",
    "https://example.org/search?q=_x_&sort=*new*",
])
def test_underscores_and_stars_that_are_not_emphasis_are_kept(text):
    assert strip_markdown(text) == text


def test_plain_makes_reply_text_ready_for_a_phone():
    raw = "**You\u2019re not alone** \u2013 see [Kooth](https://www.kooth.com)\u2026\n\n\n\nok"
    assert plain(raw) == "You're not alone - see Kooth https://www.kooth.com...\n\nok"


# -- numbered options -----------------------------------------------------------------------

def test_buttons_become_numbered_options():
    text, options = numbered_options([{"title": "Yes", "payload": "/affirm"},
                                      {"title": "No", "payload": "/deny"}])
    assert text == "Reply 1 for Yes, 2 for No."
    assert options == {"1": "/affirm", "2": "/deny"}


def test_titles_with_commas_are_separated_by_semicolons_and_made_plain():
    text, _ = numbered_options([{"title": "Yes, delete it", "payload": "/affirm"},
                                {"title": "No, keep it\u2019s", "payload": "/deny"}])
    assert text == "Reply 1 for Yes, delete it; 2 for No, keep it's."


def test_format_turn_joins_messages_and_numbers_buttons_across_them():
    turn = format_turn([
        {"recipient_id": "x", "text": "I'm **really** glad you told me."},
        {"recipient_id": "x", "text": "Are you safe right now?",
         "buttons": [{"title": "I'm safe right now", "payload": "/affirm"},
                     {"title": "I'm not safe", "payload": "/deny"}]},
        {"recipient_id": "x", "custom": {"anything": 1}},
    ])
    assert turn.texts == ["I'm really glad you told me.\n\nAre you safe right now?\n"
                          "Reply 1 for I'm safe right now, 2 for I'm not safe."]
    assert turn.options == {"1": "/affirm", "2": "/deny"}


def test_format_turn_without_buttons_has_no_options_and_images_become_links():
    turn = format_turn([{"text": "A leaflet:", "image": "https://example.org/a.png"}])
    assert turn.texts == ["A leaflet:\nhttps://example.org/a.png"] and turn.options == {}


def test_format_turn_of_nothing_sends_nothing():
    assert format_turn([]).texts == [] and format_turn([{"custom": {}}]).texts == []


# -- splitting ------------------------------------------------------------------------------

PARAGRAPH = ("Thank you for telling me. If you've taken any tablets, call 999 or go to A&E now. "
             "You can also talk to someone right now, day or night. ")
URL = "https://www.papyrus-uk.org/help-advice-resources/hopeline247_support_page"
NUMBERS = ["0800 068 4141", "116 123", "0808 800 5000", "+44 7700 900123", "0800 1111"]


def test_a_short_turn_is_one_text():
    assert split_sms("Call 999.") == ["Call 999."]
    assert split_sms("a" * 459) == ["a" * 459]


def test_a_long_turn_is_split_into_texts_of_at_most_max_segments():
    text = "\n\n".join([PARAGRAPH * 2] * 4)
    texts = split_sms(text)
    assert len(texts) > 1
    assert all(segments(t) <= MAX_SEGMENTS for t in texts)
    assert " ".join(t.replace("\n\n", " ") for t in texts).split() == text.split()


def test_paragraph_boundaries_come_first():
    first, second = "a " * 150, "b " * 150     # 300 characters each: two segments each
    texts = split_sms(f"{first.strip()}\n\n{second.strip()}")
    assert texts == [first.strip(), second.strip()]


def test_a_paragraph_that_fits_in_one_text_is_not_broken_up():
    intro = "Here are some places that can help." + " x" * 30
    crisis = (("- Call NHS 111 and choose option 2." + " y" * 80) + "\n"
              + ("- Text SHOUT to 85258." + " z" * 80))
    texts = split_sms(f"{intro}\n\n{crisis}")
    assert texts == [intro, crisis]


def test_then_sentence_boundaries():
    sentence = "This sentence is about sixty characters long, more or less. "
    texts = split_sms(sentence * 12)
    assert len(texts) == 2
    assert all(t.endswith("less.") for t in texts)


def test_then_word_boundaries():
    words = " ".join(f"word{i}" for i in range(150))   # one sentence of ~1,000 characters
    texts = split_sms(words)
    assert len(texts) == 3
    assert all(segments(t) <= MAX_SEGMENTS for t in texts)
    assert " ".join(texts) == words


@pytest.mark.parametrize("offset", range(0, 60, 3))
def test_phone_numbers_and_urls_are_never_split(offset):
    filler = "x" * offset
    body = " ".join(f"{filler} call {n} or see {URL} now" for n in NUMBERS * 4)
    texts = split_sms(body)
    assert len(texts) > 1
    joined = "|".join(texts)
    for item in NUMBERS + [URL]:
        assert joined.count(item) == body.count(item), item


def test_a_number_at_a_word_boundary_moves_whole_to_the_next_text():
    # Place "0800 068 4141" so that a word split would fall inside it.
    head = "w " * 224     # 448 characters: "call 0800" fits within 459, " 068" would not
    texts = split_sms(head + "call 0800 068 4141 now")
    assert texts == [head + "call", "0800 068 4141 now"]


def test_emoji_texts_are_split_by_ucs2_segments():
    text = " ".join(["hello 🙂"] * 60)
    texts = split_sms(text)
    assert all(segments(t) <= MAX_SEGMENTS for t in texts) and len(texts) == 3


# -- keywords and fixed texts ---------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("STOP", "stop"), ("stop", "stop"), (" Stop \n", "stop"), ("STOPALL", "stop"),
    ("unsubscribe", "stop"), ("Cancel", "stop"), ("END", "stop"), ("quit", "stop"),
    ("START", "start"), ("yes", "start"), ("UNSTOP", "start"),
    ("HELP", "help"), ("info", "help"),
])
def test_carrier_keywords(body, expected):
    assert keyword(body) == expected


@pytest.mark.parametrize("body", ["stop please", "please stop", "Stop.", "STOP!", "help me",
                                  "i need help", "start again", "yes please", "", "1"])
def test_only_exact_single_words_are_keywords(body):
    assert keyword(body) is None


@pytest.mark.parametrize("text", [HELP_TEXT, TEXT_ONLY, COULD_NOT_ANSWER])
def test_fixed_texts_are_gsm_and_short(text):
    assert is_gsm(text) and segments(text) <= MAX_SEGMENTS
    assert "999" in text


def test_help_text_says_what_the_service_is_and_how_to_stop():
    for words in ("automated", "not an emergency service", "call 999", "SHOUT to 85258",
                  "STOP", "Kent"):
        assert words in HELP_TEXT
