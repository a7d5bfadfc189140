"""Validate languages_dev3 and print count tables (markdown) for README.md.

Run:  /work/main/.venv/bin/python tests/data/blind/languages_dev3/stats.py
Exits non-zero if any check fails. Uses only PyYAML and the standard library.
"""
import collections
import pathlib
import sys
import unicodedata

import yaml

HERE = pathlib.Path(__file__).resolve().parent
HEADER = "# languages_dev3: DEVELOPMENT set, written blind on 2026-12-03"

LANGS = ["ar", "ckb", "kmr", "ps", "prs", "fa", "ur", "pa", "bn", "ne", "hi", "ti",
         "am", "sq", "vi", "pl", "ro", "lt", "bg", "ru", "uk", "tr", "pt", "es"]
LATIN_3 = {"ar", "fa", "ur", "pa", "bn", "ne", "hi", "bg", "ru", "uk"}
URGENT = ["crisis_suicidal", "crisis_self_harm", "crisis_danger", "safeguarding_disclosure"]
CLASSES = URGENT + ["everyday"]
SCRIPTS = {"Latn", "Arab", "Cyrl", "Deva", "Guru", "Beng", "Ethi"}
# Unicode character-name prefix that each script code must match.
SCRIPT_NAME = {"Latn": "LATIN", "Arab": "ARABIC", "Cyrl": "CYRILLIC", "Deva": "DEVANAGARI",
               "Guru": "GURMUKHI", "Beng": "BENGALI", "Ethi": "ETHIOPIC"}

errors = []


def load(name):
    path = HERE / name
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith(HEADER):
        errors.append(f"{name}: missing header comment")
    data = yaml.safe_load(raw)
    if not isinstance(data, list):
        errors.append(f"{name}: top level is not a list")
        return []
    return data


def dominant_script(text):
    counts = collections.Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        for code, prefix in SCRIPT_NAME.items():
            if name.startswith(prefix):
                counts[code] += 1
                break
        else:
            counts["other"] += 1
    return counts.most_common(1)[0][0] if counts else None


def check_rows(name, rows, required, optional=()):
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            errors.append(f"{name}[{i}]: not a mapping")
            continue
        keys = set(row)
        missing = set(required) - keys
        extra = keys - set(required) - set(optional)
        if missing:
            errors.append(f"{name}[{i}]: missing {sorted(missing)}")
        if extra:
            errors.append(f"{name}[{i}]: unexpected {sorted(extra)}")
        if not isinstance(row.get("text"), str) or not row.get("text", "").strip():
            errors.append(f"{name}[{i}]: empty or non-string text")


foreign = load("foreign.yml")
english = load("english.yml")
mixed = load("mixed.yml")

check_rows("foreign.yml", foreign, ["text", "lang", "urgent", "class", "script", "english"], ["note"])
check_rows("english.yml", english, ["text", "lang", "kind"])
check_rows("mixed.yml", mixed, ["text", "lang", "urgent", "class", "english"])

# ---- foreign.yml checks
by_lang = collections.defaultdict(list)
for r in foreign:
    by_lang[r.get("lang")].append(r)
    if r.get("class") not in CLASSES:
        errors.append(f"foreign: bad class {r.get('class')!r}: {r.get('text')!r}")
    if r.get("urgent") is not (r.get("class") in URGENT):
        errors.append(f"foreign: urgent/class mismatch: {r.get('text')!r}")
    if r.get("script") not in SCRIPTS:
        errors.append(f"foreign: bad script {r.get('script')!r}: {r.get('text')!r}")
    elif dominant_script(r["text"]) != r["script"]:
        looks = dominant_script(r["text"])
        errors.append(f"foreign: script {r['script']} but text looks {looks}: {r['text']!r}")
if sorted(by_lang) != sorted(LANGS):
    errors.append(f"foreign: languages {sorted(by_lang)} != expected")
for lang in LANGS:
    rows = by_lang.get(lang, [])
    cls = collections.Counter(r.get("class") for r in rows)
    if len(rows) != 16:
        errors.append(f"foreign {lang}: {len(rows)} rows, expected 16")
    for c in URGENT:
        if cls[c] != 2:
            errors.append(f"foreign {lang}: {cls[c]} x {c}, expected 2")
    if cls["everyday"] != 8:
        errors.append(f"foreign {lang}: {cls['everyday']} everyday, expected 8")
    latin = sum(1 for r in rows if r.get("script") == "Latn")
    if lang in LATIN_3 and latin != 3:
        errors.append(f"foreign {lang}: {latin} Latin rows, expected 3")

# ---- english.yml checks
for r in english:
    if r.get("lang") != "en":
        errors.append(f"english: lang {r.get('lang')!r}: {r.get('text')!r}")
if len(english) != 300:
    errors.append(f"english: {len(english)} rows, expected 300")

# ---- mixed.yml checks
mixed_en = [r for r in mixed if r.get("lang") == "en"]
mixed_fx = [r for r in mixed if r.get("lang") != "en"]
for r in mixed:
    if r.get("class") not in CLASSES:
        errors.append(f"mixed: bad class {r.get('class')!r}: {r.get('text')!r}")
    if r.get("urgent") is not (r.get("class") in URGENT):
        errors.append(f"mixed: urgent/class mismatch: {r.get('text')!r}")
if len(mixed) != 48 or len(mixed_en) != 24:
    errors.append(f"mixed: {len(mixed)} rows / {len(mixed_en)} en, expected 48 / 24")
if sorted(r.get("lang") for r in mixed_fx) != sorted(LANGS):
    errors.append("mixed: foreign rows are not exactly one per language")

# ---- duplicates (within and across files, case/space-insensitive)
seen = {}
for fname, rows in (("foreign", foreign), ("english", english), ("mixed", mixed)):
    for r in rows:
        key = " ".join(str(r.get("text", "")).casefold().split())
        if key in seen:
            errors.append(f"duplicate text {r.get('text')!r} in {fname} (first in {seen[key]})")
        seen[key] = fname


# ---- tables
def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


print("### foreign.yml by language\n")
rows = []
for lang in LANGS:
    rs = by_lang.get(lang, [])
    cls = collections.Counter(r["class"] for r in rs)
    scr = collections.Counter(r["script"] for r in rs)
    rows.append([lang, len(rs), sum(r["urgent"] for r in rs)] + [cls[c] for c in CLASSES]
                + [", ".join(f"{k} {v}" for k, v in sorted(scr.items()))])
rows.append(["**total**", len(foreign), sum(r["urgent"] for r in foreign)]
            + [sum(1 for r in foreign if r["class"] == c) for c in CLASSES] + [""])
print(table(["lang", "rows", "urgent", "suicidal", "self_harm", "danger", "safeguarding",
             "everyday", "scripts"], rows))

print("\n### foreign.yml by script\n")
print(table(["script", "rows"], sorted(collections.Counter(r["script"] for r in foreign).items())))

print("\n### english.yml by kind\n")
kinds = collections.Counter(r["kind"] for r in english)
print(table(["kind", "rows"], list(kinds.items()) + [["**total**", len(english)]]))

print("\n### mixed.yml by language\n")
mc = collections.Counter(r["lang"] for r in mixed)
mu = collections.Counter(r["lang"] for r in mixed if r["urgent"])
print(table(["lang", "rows", "urgent"], [[k, mc[k], mu[k]] for k in ["en"] + LANGS]
            + [["**total**", len(mixed), sum(mu.values())]]))

print(f"\nTotal rows: {len(foreign) + len(english) + len(mixed)}; duplicates: none"
      if not any(e.startswith("duplicate") for e in errors) else "")

if errors:
    print("\nERRORS:", file=sys.stderr)
    for e in errors:
        print("  " + e, file=sys.stderr)
    sys.exit(1)
print("All checks passed.", file=sys.stderr)
