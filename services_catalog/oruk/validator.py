"""``python -m services_catalog validate-feed URL``: the official ORUK validator's checks.

The official validator (OpenReferralUK/oruk-validator, .NET, BSD 3-Clause, copyright (c) 2025
Open Referral UK) cannot be installed here. This is a port of what it does to a feed, read
from its source at commit 8cbf722 (``OpenApiDiscoveryService``, ``OpenApiValidationService``,
``OpenReferralUKValidationResponseMapper``), step for step and with its message codes:

1. ``GET`` the base URL as given. A JSON ``version`` ("HSDS-UK-3.0", "3.0", "V3") selects
   that profile, else an ``openapi_url``; anything else means the 1.0 profile. Only the 3.0
   profile is carried here, so any other outcome is a failure that says why.
2. The endpoints, grouped by their path before the first ``{id}``: each list first, then its
   ``{id}`` endpoint. A list is read at ``?page=1`` (no other parameter is ever sent); when
   ``total_pages`` is above 1, the last page too, and the middle page (``total_pages // 2``)
   when it is above 2. A list of no items is a warning (``EMPTY_FEED_WARNING``) and nothing
   more is read from it.
3. Each ``{id}`` endpoint is read for the ids found on the first page of its list: all of them
   if there are ten or fewer, else ten at random. No ids: not tested (``NO_IDS_AVAILABLE``).
4. Every 2xx answer is validated against the endpoint's schema, formats asserted
   (:mod:`.schema_check`). A non-2xx answer from a required endpoint is an error
   (``REQUIRED_ENDPOINT_FAILED``), from an optional one a warning.
5. Outcome per endpoint (passed, passed with warnings, failed, not tested) by the official
   rules, including their quirks: schema errors in an optional list fail it, schema errors in
   an optional ``{id}`` endpoint only warn, and a 2xx answer that is not JSON is not an error.
   Each endpoint's messages are those of its first invalid answer; an endpoint slower than
   5 s on average gets a "Performance" warning.
6. The feed is valid when no endpoint failed (the website's ``service.isValid``) and no
   required endpoint failed or broke (the dashboard's check).

The verdict here is "fail" when the feed is not valid, "warn" when it is but some endpoint has
a message or an answer that did not validate, and "pass" otherwise. Which endpoints are
optional, and which schema answers ``/service_at_locations/{id}``, depend on the reading of
the profile (:mod:`.profile`).
"""
from __future__ import annotations

import json
import random
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Dict, List, Optional, Tuple

from .profile import VALIDATOR_SPEC, Endpoint, endpoints
from .schema_check import ERROR, WARNING, Finding, findings, normalise

#: The official validator sends a browser's User-Agent ("many servers reject requests without").
USER_AGENT = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/91.0.4472.124 Safari/537.36")
TIMEOUT_SECONDS = 30
DISCOVERY_TIMEOUT_SECONDS = 10
MAX_CONCURRENT = 5
MAX_IDS = 10
SLOW_MS = 5000
MAX_BODY = 64 * 1024 * 1024
#: The published OpenAPI documents of the 3.0 profile, for a ``/`` that names only its URL.
SPEC_URLS_3_0 = (
    "https://openreferraluk.org/specifications/3.0/openapi.json",
    "https://docs.openreferraluk.org/en/latest/openapi30.json",
    "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json",
    "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json",
)

NOT_TESTED, PASSED, WARNED, FAILED, BROKEN = (
    "NotTested", "PassedValidation", "PassedWithWarnings", "FailedValidation", "Error")
PASS, WARN, FAIL = "pass", "warn", "fail"


@dataclass
class Exchange:
    """One request and what came of it (the official HttpTestResult)."""

    url: str
    status: Optional[int] = None
    ok: bool = False
    body: Optional[str] = None
    seconds: float = 0.0
    error: Optional[str] = None
    tested_id: Optional[str] = None
    valid: bool = False
    findings: List[Finding] = field(default_factory=list)


Getter = Callable[[str, float], Exchange]


def fetch(url: str, timeout: float = TIMEOUT_SECONDS) -> Exchange:
    """GET a URL as the official validator does; never raises."""
    started = time.monotonic()
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 (http(s))
            status, raw = answer.status, answer.read(MAX_BODY)
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read(MAX_BODY)
    except (OSError, ValueError) as error:  # refused, timed out, not a URL
        return Exchange(url, seconds=time.monotonic() - started,
                        error=f"{type(error).__name__}: {error}"[:300])
    return Exchange(url, status, 200 <= status < 300, raw.decode("utf-8", errors="replace"),
                    time.monotonic() - started)


def _json(body: Optional[str]) -> Any:
    """The parsed body, or None when it is not JSON (or is JSON null)."""
    try:
        return json.loads(body or "")
    except ValueError:
        return None


# -- 1. discovery ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Discovery:
    profile: Optional[str]  # "3.0" when this port can go on
    reason: str


def _version_number(text: str) -> Optional[float]:
    cleaned = text.lower().replace("hsds-uk-", "").replace("v", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None


def discover(base_url: str, get: Getter = fetch) -> Discovery:
    answer = get(base_url, DISCOVERY_TIMEOUT_SECONDS)
    if not answer.ok:
        return Discovery(None, f"Defaulted to HSDS-UK 1.0 (base URL request failed: "
                               f"{answer.status or answer.error})")
    data = _json(answer.body)
    if not isinstance(data, dict):
        return Discovery(None, "Defaulted to HSDS-UK 1.0 (failed to parse base URL response)")
    version = data.get("version")
    number = _version_number(str(version)) if version not in (None, "") else None
    if number is not None:
        if f"{number:.1f}" == "3.0":
            return Discovery("3.0", f"Standard version {version} read from '/' endpoint")
        return Discovery(None, f"Version {version} read from '/' endpoint selects the HSDS-UK "
                               f"{number:.1f} profile, which this port does not carry")
    url = data.get("openapi_url") or data.get("openapiUrl") or data.get("open_api_url")
    if url:
        if str(url) in SPEC_URLS_3_0:
            return Discovery("3.0", "OpenAPI URL read from '/' endpoint (openapi_url field)")
        return Discovery(None, f"openapi_url {str(url)[:100]} is not the ORUK 3.0 profile, the "
                               "only one this port carries")
    return Discovery(None, "Defaulted to HSDS-UK 1.0 (no version or openapi_url found)")


# -- 2-5. endpoints --------------------------------------------------------------------------

@dataclass
class EndpointResult:
    endpoint: Endpoint
    status: str = NOT_TESTED
    exchanges: List[Exchange] = field(default_factory=list)

    @property
    def primary(self) -> Optional[Exchange]:
        """The first answer that did not validate, else the first (the official choice of
        which answer's messages to show)."""
        return next((x for x in self.exchanges if not x.valid), None) or \
            (self.exchanges[0] if self.exchanges else None)

    def messages(self) -> List[Finding]:
        primary, out, seen = self.primary, [], set()
        if primary is not None and not primary.valid:
            for finding in primary.findings:
                if finding.path not in seen:
                    seen.add(finding.path)
                    out.append(finding)
        timed = [x.seconds * 1000 for x in self.exchanges if x.seconds > 0]
        if self.status == PASSED and timed and sum(timed) / len(timed) > SLOW_MS:
            out.append(Finding(self.endpoint.path, f"Average response time is "
                               f"{sum(timed) / len(timed):.0f}ms, which may be slow",
                               "Performance", WARNING))
        return out


def _validate(answer: Exchange, endpoint: Endpoint) -> None:
    """Validate a 2xx answer's body; a body that is not JSON is left as it was (the official
    validator logs the parse failure and moves on)."""
    data = _json(answer.body)
    if data is None:
        return
    answer.findings = findings(data, endpoint.schema)
    answer.valid = not any(f.severity == ERROR for f in answer.findings)


def _refused(answer: Exchange, endpoint: Endpoint, path: str) -> str:
    code = answer.status or 0
    if endpoint.optional:
        answer.findings.append(Finding(
            path, f"Optional endpoint GET {path} returned non-success status {code}. This may "
                  "indicate the endpoint is not implemented, which is acceptable for optional "
                  "endpoints.", "OPTIONAL_ENDPOINT_NON_SUCCESS", WARNING))
        return WARNED
    answer.findings.append(Finding(
        path, f"Required endpoint GET {path} returned non-success status {code}. Expected 2xx "
              "status code.", "REQUIRED_ENDPOINT_FAILED", ERROR))
    return FAILED


def _url(base_url: str, path: str, page: Optional[int] = None) -> str:
    return base_url.rstrip("/") + path + (f"?page={page}" if page is not None else "")


def _single(base_url: str, endpoint: Endpoint, path: str, get: Getter, timeout: float,
            tested_id: Optional[str] = None) -> EndpointResult:
    result = EndpointResult(endpoint)
    answer = get(_url(base_url, path), timeout)
    answer.tested_id = tested_id
    result.exchanges.append(answer)
    if not answer.ok:
        result.status = _refused(answer, endpoint, path)
    if answer.ok and answer.body is not None:
        _validate(answer, endpoint)
        result.status = PASSED if answer.valid or not answer.findings else FAILED
    if result.status in (NOT_TESTED, PASSED, FAILED):
        if endpoint.optional:
            result.status = WARNED if not answer.valid else (PASSED if answer.ok else WARNED)
        elif result.status != FAILED:
            result.status = PASSED if answer.ok else FAILED
    answer.findings = normalise(answer.findings)
    return result


def pagination(body: Optional[str]) -> Tuple[Optional[int], int]:
    """(total pages, items on the page), read the way the official validator reads them."""
    data = _json(body)
    pages = None
    if isinstance(data, dict):
        for holder, name in ((data, "total_pages"), (data, "totalPages"),
                             (data.get("pagination"), "total_pages"),
                             (data.get("pagination"), "totalPages"),
                             (data.get("meta"), "total_pages"), (data.get("meta"), "totalPages")):
            if isinstance(holder, dict) and holder.get(name) is not None:
                token = holder[name]
                text = str(token) if not isinstance(token, bool) else ""
                pages = int(text) if text.lstrip("+-").isdigit() else None
                break
    if isinstance(data, list):
        return pages, len(data)
    count = 0
    if isinstance(data, dict):
        for name in ("data", "items", "results", "content", "contents"):
            if isinstance(data.get(name), list):
                count = len(data[name])
                break
        if count == 0:
            token = next((data[n] for n in ("size", "count", "length") if n in data), None)
            text = str(token) if isinstance(token, (int, str)) and not isinstance(token, bool) \
                else ""
            count = int(text) if text.lstrip("+-").isdigit() else 0
    return pages, count


def _paginated(base_url: str, endpoint: Endpoint, get: Getter, timeout: float) -> EndpointResult:
    result = EndpointResult(endpoint)
    first = get(_url(base_url, endpoint.path, 1), timeout)
    result.exchanges.append(first)
    if not first.ok:
        result.status = _refused(first, endpoint, endpoint.path)
        first.findings = normalise(first.findings)
        return result
    if first.body is not None:
        _validate(first, endpoint)
    pages, count = pagination(first.body)
    if count == 0:
        first.findings = normalise(first.findings + [Finding(
            endpoint.path, f"Paginated endpoint GET {endpoint.path} returned 0 items. Consider "
                           "verifying if this is expected or if the feed should contain data.",
            "EMPTY_FEED_WARNING", WARNING)])
        first.valid = False
        result.status = WARNED
        return result
    if pages is not None and pages > 1:
        for page in ([pages // 2] if pages > 2 else []) + [pages]:
            answer = get(_url(base_url, endpoint.path, page), timeout)
            result.exchanges.append(answer)
            if answer.ok and answer.body is not None:
                _validate(answer, endpoint)
    for answer in result.exchanges:
        answer.findings = normalise(answer.findings)
    result.status = _paginated_status(result)
    return result


def _paginated_status(result: EndpointResult) -> str:
    if any(not x.ok for x in result.exchanges):
        return WARNED if result.endpoint.optional else FAILED
    severities = {f.severity for x in result.exchanges for f in x.findings}
    if ERROR in severities:
        return FAILED
    if WARNING in severities:
        return WARNED
    return FAILED if any(not x.valid for x in result.exchanges) else PASSED


def _schema_fields(schema: Any, wanted: Callable[[str, Any], bool], into_items: bool,
                   out: List[str]) -> List[str]:
    """Property names of a schema that match, depth first, as the official validator walks it
    (properties, then array items for id fields, then allOf/anyOf/oneOf)."""
    if not isinstance(schema, dict):
        return out
    for name, sub in (schema.get("properties") or {}).items():
        if wanted(name, sub) and name not in out:
            out.append(name)
        _schema_fields(sub, wanted, into_items, out)
    if into_items and isinstance(schema.get("items"), dict):
        _schema_fields(schema["items"], wanted, into_items, out)
    for combiner in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(combiner) or []:
            _schema_fields(sub, wanted, into_items, out)
    return out


def _is_id_field(name: str, schema: Any) -> bool:
    lower = name.lower()
    if lower in ("id", "_id", "uid", "uuid", "identifier", "key") or lower.endswith("id"):
        return True
    if isinstance(schema, dict):
        description = str(schema.get("description") or "").lower()
        if "identifier" in description or "unique id" in description or " id " in description:
            return True
        return str(schema.get("format") or "").lower() in ("uuid", "guid")
    return False


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "True" if value else "False"
    return json.dumps(value)


def _id_of(item: Any, id_fields: List[str]) -> Optional[str]:
    if not isinstance(item, dict):
        return None
    for name in id_fields + ["id", "_id", "uid", "uuid", "identifier", "key"]:
        text = _text(item.get(name))
        if text.strip():
            return text
    return None


def ids_in(body: Optional[str], endpoint: Endpoint) -> List[str]:
    """The ids a list answer offers for its ``{id}`` endpoint."""
    data = _json(body)
    id_fields = _schema_fields(endpoint.schema, _is_id_field, True, [])
    ids: List[str] = []
    if isinstance(data, list):
        ids = [i for i in (_id_of(x, id_fields) for x in data) if i]
    elif isinstance(data, dict):
        arrays = _schema_fields(endpoint.schema,
                                lambda _n, s: isinstance(s, dict) and s.get("type") == "array",
                                False, [])
        for names in (arrays, ["data", "items", "results", "content", "contents"]):
            for name in names:
                if isinstance(data.get(name), list):
                    ids = [i for i in (_id_of(x, id_fields) for x in data[name]) if i]
                    break
            if ids:
                break
        if not ids:
            ids = [i for i in [_id_of(data, id_fields)] if i]
    return list(dict.fromkeys(ids))


def _with_ids(base_url: str, endpoint: Endpoint, ids: List[str], get: Getter, timeout: float,
              rng: random.Random, pool: ThreadPoolExecutor) -> EndpointResult:
    result = EndpointResult(endpoint)
    if not ids:
        message = "No extracted IDs available for parameter substitution. Endpoint was not tested."
        result.exchanges.append(Exchange(
            _url(base_url, endpoint.path), error=message,
            findings=[Finding(endpoint.path, message, "NO_IDS_AVAILABLE", WARNING)]))
        return result
    chosen = ids if len(ids) <= MAX_IDS else rng.sample(ids, MAX_IDS)
    singles = list(pool.map(
        lambda i: _single(base_url, endpoint, endpoint.path.replace("{id}", i), get, timeout, i),
        chosen))
    for single in singles:
        result.exchanges.extend(single.exchanges)
    severities = {f.severity for x in result.exchanges for f in x.findings}
    if all(s.status not in (FAILED, BROKEN) for s in singles):
        result.status = PASSED
    elif WARNING in severities and ERROR not in severities:
        result.status = WARNED
    else:
        result.status = FAILED
    return result


# -- 6. the report ---------------------------------------------------------------------------

@dataclass
class Report:
    base_url: str
    reading: str
    discovery: Discovery
    results: List[EndpointResult] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        """The website's ``service.isValid``: no endpoint failed."""
        return self.discovery.profile is not None and \
            all(r.status != FAILED for r in self.results)

    @property
    def failed_tests(self) -> int:
        """The dashboard's count: required endpoints that failed or broke."""
        return sum(1 for r in self.results
                   if r.status in (FAILED, BROKEN) and not r.endpoint.optional)

    def success(self, result: EndpointResult) -> bool:
        primary = result.primary
        return primary.valid if primary is not None else False

    @property
    def verdict(self) -> str:
        if not self.is_valid or self.failed_tests:
            return FAIL
        if any(r.status != PASSED or not self.success(r) or r.messages() for r in self.results):
            return WARN
        return PASS

    def as_oruk(self) -> Dict[str, Any]:
        """The official ORUK-format result (``POST /openreferraluk/validate``)."""
        suites = []
        for required, name, description in (
                (True, "Level 1 Compliance - Basic checks", "Will validate the required basic "
                 "endpoints. Validation will fail if it does not pass all these checks."),
                (False, "Level 2 Compliance - Extended checks", "Will validate all other "
                 "endpoints. Validation will not fail if it does not pass all these checks.")):
            members = [r for r in self.results if r.endpoint.optional != required]
            if not members:
                continue
            suites.append({
                "name": name, "description": description,
                "messageLevel": "error" if required else "warning", "required": required,
                "success": all(r.status in (PASSED, WARNED) for r in members),
                "tests": [{
                    "name": f"GET {r.endpoint.path}", "endpoint": self.base_url + r.endpoint.path,
                    "description": r.endpoint.summary, "status": r.status,
                    "id": r.primary.tested_id if r.primary else None,
                    "success": self.success(r),
                    "requests": [x.url for x in r.exchanges],
                    "messages": [{"name": f.code, "description": f.severity, "message": f.message,
                                  "errorIn": f.path, "errorAt": ""} for f in r.messages()],
                } for r in members],
            })
        return {"service": {"url": self.base_url, "isValid": self.is_valid,
                            "profile": "HSDS-UK-3.0" if self.discovery.profile else "Unknown",
                            "profileReason": self.discovery.reason},
                "reading": self.reading, "verdict": self.verdict,
                "failedTests": self.failed_tests, "testSuites": suites}

    def text(self) -> str:
        out = [f"{self.base_url}: {self.verdict.upper()} ({self.discovery.reason}; profile read "
               f"as: {self.reading})"]
        for suite in self.as_oruk()["testSuites"]:
            out.append(f"{suite['name']}: {'passed' if suite['success'] else 'FAILED'}")
            for test in suite["tests"]:
                out.append(f"  {test['status']:<18} {test['name']} ({len(test['requests'])} "
                           f"request{'s' if len(test['requests']) != 1 else ''})")
                for message in test["messages"]:
                    out.append(f"      {message['description']} {message['name']} at "
                               f"'{message['errorIn']}': {message['message']}")
        return "\n".join(out)


def validate_feed(base_url: str, reading: str = VALIDATOR_SPEC, get: Getter = fetch,
                  timeout: float = TIMEOUT_SECONDS, seed: Optional[int] = None) -> Report:
    """Validate the feed at ``base_url`` as the official validator would."""
    report = Report(base_url, reading, discover(base_url, get))
    if report.discovery.profile is None:
        return report
    rng = random.Random(seed)
    groups: Dict[str, List[Endpoint]] = {}
    for endpoint in endpoints(reading):
        groups.setdefault(endpoint.root, []).append(endpoint)
    with ThreadPoolExecutor(max_workers=MAX_CONCURRENT) as pool:
        for members in groups.values():
            found: List[str] = []
            for endpoint in [e for e in members if not e.parameterized]:
                test = _paginated if endpoint.paginated else _single_list
                result = _guarded(endpoint, base_url,
                                  partial(test, base_url, endpoint, get, timeout))
                report.results.append(result)
                answered = [x for x in result.exchanges if x.ok]
                if answered and any(x.body for x in answered):
                    found = ids_in(answered[0].body, endpoint) or found
            for endpoint in [e for e in members if e.parameterized]:
                report.results.append(_guarded(endpoint, base_url, partial(
                    _with_ids, base_url, endpoint, found, get, timeout, rng, pool)))
    return report


def _guarded(endpoint: Endpoint, base_url: str, test: Callable[[], EndpointResult]
             ) -> EndpointResult:
    """An endpoint test that broke (a bug here, or data no check expected) is reported as the
    official validator reports it: status Error, with what went wrong."""
    try:
        return test()
    except Exception as error:  # noqa: BLE001 - reported, never raised
        return EndpointResult(endpoint, BROKEN, [Exchange(
            _url(base_url, endpoint.path), error=f"{type(error).__name__}: {error}"[:300])])


def _single_list(base_url: str, endpoint: Endpoint, get: Getter, timeout: float
                 ) -> EndpointResult:
    return _single(base_url, endpoint, endpoint.path, get, timeout)
