"""UK phone numbers and short codes, checked with Google's libphonenumber data (phonenumbers)."""
from __future__ import annotations

import re
from typing import Set

import phonenumbers

_DIGIT_RUN = re.compile(r"(?<![\w/])\d[\d ]*\d(?![\w/])")


def is_valid_uk_number(value: str) -> bool:
    """A full UK number (0800 1111) or a UK short code (999, 111, 116 123, 85258); not a
    number abroad, and not a premium-rate line."""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.region_code_for_number(number) not in ("GB", None) and number.country_code != 44:
        return False
    if phonenumbers.is_valid_short_number_for_region(number, "GB"):
        return True
    return (phonenumbers.is_valid_number_for_region(number, "GB")
            and phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.PREMIUM_RATE)


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def numbers_in(text: str) -> Set[str]:
    """The phone numbers and short codes in a reply, as digits only ("0800 1111" -> "08001111").

    Runs of digits that are not UK numbers ("under 19", "option 2", "24/7") are left out.
    """
    found = set()
    for match in _DIGIT_RUN.finditer(text):
        candidate = match.group().strip()
        if is_valid_uk_number(candidate):
            found.add(digits(candidate))
    return found
