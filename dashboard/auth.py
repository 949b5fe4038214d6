"""Who may change data: an editor password, configured only as a salted hash.

Set AGING_EDITOR_PASSWORD_HASH (or `editor_password_hash` in .streamlit/secrets.toml) to what

    python -m dashboard.auth

prints for the password. Without one, importing and reviewing are off; viewing never asks.
Failed attempts are limited per browser session and per server process, so guessing is slow.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import secrets
import sys
import threading
import time

ENV = "AGING_EDITOR_PASSWORD_HASH"
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAX_FAILURES = 5  # in a row, in one session, before it must wait
LOCKOUT_SECONDS = 60.0
PROCESS_FAILURES_PER_MINUTE = 20  # across every session of this server


def make_hash(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check(password: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **SCRYPT)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual.hex(), digest)


def configured_hash() -> str | None:
    value = os.environ.get(ENV)
    if value:
        return value.strip()
    try:
        import streamlit as st

        return str(st.secrets.get("editor_password_hash") or "") or None
    except Exception:  # no secrets file is not an error: editing is simply off
        return None


class Limiter:
    """Failed attempts: a session waits after MAX_FAILURES in a row; the process refuses past its rate."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._recent: list[float] = []

    def allowed(self, session: dict, now: float | None = None) -> float:
        """Seconds to wait before another attempt (0: go ahead)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self._recent = [t for t in self._recent if now - t < 60]
            if len(self._recent) >= PROCESS_FAILURES_PER_MINUTE:
                return 60 - (now - self._recent[0])
        until = session.get("auth_locked_until", 0.0)
        return max(0.0, until - now)

    def failed(self, session: dict, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._recent.append(now)
        session["auth_failures"] = session.get("auth_failures", 0) + 1
        if session["auth_failures"] >= MAX_FAILURES:
            session["auth_locked_until"] = now + LOCKOUT_SECONDS
            session["auth_failures"] = 0

    def succeeded(self, session: dict) -> None:
        session["auth_failures"] = 0


LIMITER = Limiter()


if __name__ == "__main__":
    first = getpass.getpass("editor password: ")
    if len(first) < 8 or getpass.getpass("again: ") != first:
        print("error: passwords differ or are shorter than 8 characters", file=sys.stderr)
        sys.exit(2)
    print(make_hash(first))
