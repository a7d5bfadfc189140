"""The dashboard's accounts and sign-in tokens.

Accounts come from ``INSIGHTS_USERS_FILE`` (lines ``name:$argon2id$...``, ``#`` comments) or
``INSIGHTS_USERS`` (the same lines, separated by newlines or ``;``). There is no default
account and no default password: with neither set, nobody can sign in and the dashboard says
it is not configured. Passwords are stored only as Argon2id hashes (argon2-cffi, the OWASP
first choice: memory-hard, so a stolen file is slow to attack on GPUs), made with
``python -m insights add-user`` or ``hash-password``.

A signed-in browser holds one cookie, ``insights_session``, for the ``/insights`` path only
(the chat and the directory never see it), HttpOnly, SameSite=Strict, Secure unless
``INSIGHTS_COOKIE_INSECURE=1`` (local testing over plain HTTP). It carries the name, an expiry
and a fingerprint of the account's hash, signed with HMAC-SHA256 under
``INSIGHTS_SESSION_SECRET``: changing a password or removing the account ends its sessions.
Without that secret each process makes a random one (sign-ins then last until a restart and
do not carry across several web servers).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Tuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

logger = logging.getLogger(__name__)

USERS_FILE_ENV = "INSIGHTS_USERS_FILE"
USERS_ENV = "INSIGHTS_USERS"
SECRET_ENV = "INSIGHTS_SESSION_SECRET"
COOKIE = "insights_session"
SESSION_SECONDS = 4 * 3600
MIN_PASSWORD = 12
#: Sign-in attempts per account (and per process) before it must wait.
MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60
_NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")

_hasher = PasswordHasher()  # argon2-cffi's defaults: Argon2id, RFC 9106 low-memory profile
#: Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password needs {MIN_PASSWORD} characters or more (three random "
                         "words make a good one)")
    return _hasher.hash(password)


def parse_accounts(text: str) -> Dict[str, str]:
    accounts = {}
    for line in re.split(r"[\n;]", text):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, hashed = line.partition(":")
        name, hashed = name.strip(), hashed.strip()
        if _NAME.fullmatch(name) and hashed.startswith("$argon2"):
            accounts[name] = hashed
        else:
            logger.warning("insights accounts: a line that is not name:$argon2... was ignored")
    return accounts


def load_accounts() -> Dict[str, str]:
    """The accounts from the file and the environment (the environment's win on a clash)."""
    accounts: Dict[str, str] = {}
    path = os.environ.get(USERS_FILE_ENV)
    if path:
        try:
            accounts.update(parse_accounts(Path(path).read_text(encoding="utf-8")))
        except OSError as error:
            logger.error("insights accounts file cannot be read: %s", type(error).__name__)
    accounts.update(parse_accounts(os.environ.get(USERS_ENV, "")))
    return accounts


def add_user(path: Path, name: str, password: str) -> None:
    if not _NAME.fullmatch(name):
        raise ValueError("a name is 1 to 64 letters, digits, dots, hyphens, underscores or @")
    hashed = hash_password(password)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if line.partition(":")[0].strip() != name]
    lines.append(f"{name}:{hashed}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)


def _fingerprint(hashed: str) -> str:
    return hashlib.sha256(hashed.encode()).hexdigest()[:16]


@dataclass
class Accounts:
    """Accounts, sign-in checks and tokens for one web server process."""
    accounts: Dict[str, str]
    secret: bytes

    @classmethod
    def from_environment(cls) -> "Accounts":
        secret = os.environ.get(SECRET_ENV, "")
        if secret and len(secret) < 32:
            raise ValueError(f"{SECRET_ENV} must be 32 characters or more")
        if not secret:
            logger.warning("%s is not set: dashboard sign-ins last until this server restarts "
                           "and work on this server only", SECRET_ENV)
        return cls(load_accounts(), secret.encode() if secret else secrets.token_bytes(32))

    def __post_init__(self) -> None:
        self._failures: Dict[str, Tuple[int, float]] = {}
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return bool(self.accounts)

    def locked_out(self, name: str) -> bool:
        with self._lock:
            count, since = self._failures.get(name, (0, 0.0))
            if count >= MAX_FAILURES and time.time() - since < LOCKOUT_SECONDS:
                return True
            if count >= MAX_FAILURES:
                self._failures.pop(name, None)
            return False

    def check(self, name: str, password: str) -> bool:
        """True for a known name with its password; slow (Argon2) whatever the answer."""
        hashed = self.accounts.get(name)
        if self.locked_out(name):
            _verify(_DUMMY, password)
            return False
        ok = _verify(hashed or _DUMMY, password) and hashed is not None
        with self._lock:
            if ok:
                self._failures.pop(name, None)
            else:
                count, _ = self._failures.get(name, (0, 0.0))
                self._failures[name] = (count + 1, time.time())
        return ok

    def token(self, name: str, now: Optional[float] = None) -> str:
        expires = int((now or time.time()) + SESSION_SECONDS)
        body = f"{name}|{expires}|{_fingerprint(self.accounts[name])}"
        return _b64(body.encode()) + "." + _b64(self._sign(body))

    def who(self, token: Optional[str], now: Optional[float] = None) -> Optional[str]:
        """The signed-in name a token stands for, None for anything else."""
        if not token or "." not in token or len(token) > 512:
            return None
        encoded, _, signature = token.partition(".")
        try:
            body = _unb64(encoded).decode()
            given = _unb64(signature)
        except (ValueError, UnicodeDecodeError):
            return None
        if not hmac.compare_digest(given, self._sign(body)):
            return None
        name, expires, fingerprint = (body.split("|") + ["", "", ""])[:3]
        hashed = self.accounts.get(name)
        if not hashed or not expires.isdigit() or int(expires) < (now or time.time()):
            return None
        return name if hmac.compare_digest(fingerprint, _fingerprint(hashed)) else None

    def _sign(self, body: str) -> bytes:
        return hmac.new(self.secret, body.encode(), hashlib.sha256).digest()


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
