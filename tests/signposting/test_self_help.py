import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import yaml

from services_catalog.taxonomy import load_taxonomy
from signposting.self_help import CONTENT_FILE, SelfHelpIdea, idea_for, load_ideas

NEEDS = sorted(load_taxonomy().needs)
AUDIENCES = ("young_person", "parent_carer", "professional")
# Written out again here rather than imported, so a loosened rule in the module fails a test.
SMS_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@_")


def _raw():
    return yaml.safe_load(CONTENT_FILE.read_text(encoding="utf-8"))


def _shipped_ideas():
    return [(need, audience, idea) for need, entry in load_ideas().items() if entry
            for audience, idea in entry.items()]


def test_the_shipped_file_loads_with_exactly_the_taxonomy_needs():
    assert sorted(load_ideas()) == NEEDS


@pytest.mark.parametrize("need", NEEDS)
def test_every_need_has_an_idea_for_each_audience_or_a_reason(need):
    entry = _raw()["ideas"][need]
    if "none" in entry:
        assert entry["none"].strip() and idea_for(need) is None
    else:
        assert all(isinstance(idea_for(need, audience), SelfHelpIdea) for audience in AUDIENCES)


def test_psychosis_never_gets_a_tip():
    assert "none" in _raw()["ideas"]["psychosis"]
    assert all(idea_for("psychosis", audience) is None for audience in AUDIENCES + (None,))


@pytest.mark.parametrize("need, audience, idea", _shipped_ideas(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_idea_fits_one_plain_sms_and_has_no_phone_number(need, audience, idea):
    assert 0 < len(idea.text) <= 200
    assert set(idea.text) <= SMS_SAFE, set(idea.text) - SMS_SAFE
    assert not re.search(r"\d{4,}|\d{3,}\s\d{3,}", idea.text), "numbers belong to services, not tips"


@pytest.mark.parametrize("need, audience, idea", _shipped_ideas(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_source_is_https_on_an_nhs_or_charity_site(need, audience, idea):
    parts = urlsplit(idea.source_url)
    assert parts.scheme == "https" and idea.source_title.strip()
    assert re.search(r"(^|\.)(nhs\.uk|mind\.org\.uk|youngminds\.org\.uk|childline\.org\.uk|samaritans\.org"
                     r"|annafreud\.org|beateatingdisorders\.org\.uk|cruse\.org\.uk|winstonswish\.org"
                     r"|kooth\.com|talktofrank\.com|papyrus-uk\.org|anti-bullyingalliance\.org\.uk)$",
                     parts.hostname)


def test_audience_none_or_unknown_falls_back_to_the_young_person():
    young = idea_for("anxiety", "young_person")
    assert idea_for("anxiety") == young
    assert idea_for("anxiety", None) == young
    assert idea_for("anxiety", "martian") == young
    assert idea_for("anxiety", "parent_carer") != young
    assert idea_for("anxiety", "parent_carer").source_url == young.source_url


def test_an_unknown_need_or_urgent_route_gets_no_tip():
    assert idea_for("crisis_self_harm") is None
    assert idea_for("not_a_need", "parent_carer") is None


def test_loading_does_not_import_rasa():
    code = "import sys, signposting.self_help as s; s.idea_for('sleep'); print('rasa' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _broken(tmp_path, change):
    raw = _raw()
    change(raw["ideas"])
    path = tmp_path / "self_help.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _set(need, *keys, value):
    def change(ideas):
        target = ideas[need]
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return change


@pytest.mark.parametrize("change, message", [
    (lambda ideas: ideas.pop("sleep"), r"sleep: missing"),
    (lambda ideas: ideas["bullying"].pop("professional"), r"bullying\.professional: missing"),
    (_set("anxiety", "young_person", value="Breathe. " * 23), r"anxiety\.young_person: 207 characters"),
    (_set("anxiety", "source", "url", value="https://www.sleepfoundation.org/sleep-hygiene"),
     r"anxiety\.source\.url: 'www\.sleepfoundation\.org' is not on the allowed list"),
    (_set("anxiety", "source", "url", value="https://nhs.uk.example.com/breathing"),
     r"anxiety\.source\.url: 'nhs\.uk\.example\.com'"),
    (_set("anxiety", "source", "url", value="http://www.nhs.uk/breathing"), r"anxiety\.source\.url: must be a plain https"),
    (_set("low_mood", "parent_carer", value="Don\u2019t worry, talk to them."),
     r"low_mood\.parent_carer: '\u2019' \(RIGHT SINGLE QUOTATION MARK\) is not plain GSM-7"),
    (_set("sleep", "young_person", value="Screens off before bed \u2014 it helps."),
     r"sleep\.young_person: .*EM DASH"),
    (_set("psychosis", "young_person", value="Try breathing."), r"psychosis: has none: and ideas"),
    (_set("trauma", "none", value=""), r"trauma\.none: must be non-empty"),
    (lambda ideas: ideas.update(worry={"none": "A typo for anxiety."}), r"worry: not a need code"),
])
def test_a_broken_file_is_refused_naming_the_need_and_field(tmp_path, change, message):
    with pytest.raises(ValueError, match=message):
        load_ideas(_broken(tmp_path, change))


def test_the_unbroken_copy_loads_so_the_refusals_above_are_real(tmp_path):
    assert load_ideas(_broken(tmp_path, lambda ideas: None)) == load_ideas()
