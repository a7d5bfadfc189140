"""JSON Schema validation of ORUK responses, reported as the official validator reports it.

The official validator (Newtonsoft.Json.Schema under OpenReferralUK/oruk-validator) reads a
response as a stream and reports each problem with the JSON path where it met it
(``contents[0].url``) and messages such as "Required properties are missing from object:
name." It then drops array indices from paths and messages and keeps only the first problem
for each path (``NormalizeAndDeduplicateValidationErrors``). This module validates with
Python's jsonschema (draft 2020-12, the formats of :mod:`.formats`) and writes the problems
the same way: same wording for the kinds of problem the profile's schemas can raise, in the
order the document is read (a missing property at the end of its object), one per path.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Tuple

import jsonschema

from .formats import format_checker

_INDEX = re.compile(r"\[[^\]]*\]")
_JSON_TYPES = {"string": "String", "integer": "Integer", "number": "Number",
               "boolean": "Boolean", "object": "Object", "array": "Array", "null": "Null"}
ERROR, WARNING = "Error", "Warning"


@dataclass(frozen=True)
class Finding:
    """One problem: where (a JSON path), what, its code and its severity."""

    path: str
    message: str
    code: str = "VALIDATION_ERROR"
    severity: str = ERROR


def json_path(parts: Iterable[Any]) -> str:
    """Newtonsoft's JToken.Path: ``contents[0].url``; the root is ``""``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            text += f".{part}" if text else part
        else:
            text += "['" + part.replace("'", "\\'") + "']"
    return text


def _token_type(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, str):
        return "String"
    if value is None:
        return "Null"
    return "Array" if isinstance(value, list) else "Object"


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else list(wanted)
        expected = ", ".join(_JSON_TYPES.get(t, t) for t in wanted)
        return f"Invalid type. Expected {expected} but got {_token_type(error.instance)}."
    if error.validator == "format":
        return (f"String '{error.instance}' does not validate against format "
                f"'{error.validator_value}'.")
    if error.validator == "enum":
        return f"Value {json.dumps(error.instance)} is not defined in enum."
    return error.message


def _position(document: Any, parts: Iterable[Any]) -> Tuple[float, ...]:
    """Where a path is met when the document is read from the top: each key's place in its
    object (JSON objects keep their order when parsed), each index as it is."""
    key: List[float] = []
    node = document
    for part in parts:
        if isinstance(node, dict):
            key.append(list(node).index(part) if part in node else float("inf"))
        else:
            key.append(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return tuple(key)


_VALIDATORS: Dict[int, Tuple[Dict[str, Any], jsonschema.Draft202012Validator]] = {}


def _validator(schema: Dict[str, Any]) -> jsonschema.Draft202012Validator:
    """One validator per schema object (the profile's schemas are built once and kept)."""
    known = _VALIDATORS.get(id(schema))
    if known is None or known[0] is not schema:
        known = (schema, jsonschema.Draft202012Validator(schema, format_checker=format_checker()))
        _VALIDATORS[id(schema)] = known
    return known[1]


def raw_findings(document: Any, schema: Dict[str, Any]) -> List[Finding]:
    """Every problem, in reading order, with full paths (array indices kept)."""
    validator = _validator(schema)
    missing: Dict[Tuple[Any, ...], List[str]] = {}
    ordered: List[Tuple[Tuple[float, ...], Finding]] = []
    for error in validator.iter_errors(document):
        parts = tuple(error.absolute_path)
        if error.validator == "required":
            names = missing.setdefault(parts, [])
            if not names:  # one message per object, reported when its end is read
                ordered.append((_position(document, parts) + (float("inf"),),
                                Finding(json_path(parts), "", "REQUIRED")))
            names.extend(n for n in error.validator_value
                         if isinstance(error.instance, dict) and n not in error.instance
                         and n not in names)
            continue
        ordered.append((_position(document, parts), Finding(json_path(parts), _message(error))))
    ordered.sort(key=lambda item: item[0])
    out = []
    for _, finding in ordered:
        if finding.code == "REQUIRED":
            path_parts = next(p for p in missing if json_path(p) == finding.path)
            finding = Finding(finding.path, "Required properties are missing from object: "
                              + ", ".join(missing[path_parts]) + ".")
        out.append(finding)
    return out


def normalise(findings: Iterable[Finding]) -> List[Finding]:
    """Array indices dropped from paths and messages; the first finding of each path kept."""
    seen = set()
    out = []
    for finding in findings:
        path = _INDEX.sub("", finding.path)
        if path in seen:
            continue
        seen.add(path)
        out.append(Finding(path, _INDEX.sub("", finding.message), finding.code,
                           finding.severity))
    return out


def findings(document: Any, schema: Dict[str, Any]) -> List[Finding]:
    """The problems as the official validator lists them for one response."""
    return normalise(raw_findings(document, schema))
