"""Lock-outs after wrong secrets: per client address, with doubling waits.

The upload token is the only secret of the web UI; without a limit a script tried 300
tokens a second. Clients are addresses as web.helpers.client_address gives them (an
IPv6 client by its /64). After `after` wrong tokens in a row from one address, that address is
locked out for `base` seconds; each further wrong token after a lock-out ends doubles
the wait (at most MAX_SECONDS). While locked out every attempt is refused, the right
token too, so guessing gains nothing from speed. The right token resets the count; so
does an hour without a wrong one.

The state is in this process (a dict under a lock): the server is one process with
many threads, and a restart forgets it (an attacker gains one round of `after`
guesses per restart). It holds at most MAX_CLIENTS addresses, the stalest forgotten
first, so a flood of addresses cannot grow it without bound. Flask-Limiter counts
requests per window; a back-off that doubles per failure is not among its strategies,
hence this small module.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable

MAX_SECONDS = 3600.0
MAX_CLIENTS = 10_000


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0
    last: float = 0.0


class Lockout:
    """Counts wrong attempts per client and says how long a client is locked out."""

    def __init__(self, after: int, base: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.after = after
        self.base = base
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[str, _Record] = {}

    def wait(self, client: str) -> float:
        """Seconds until `client` may try again (0: now)."""
        with self._lock:
            r = self._records.get(client)
            return max(0.0, r.locked_until - self._clock()) if r else 0.0

    def failed(self, client: str) -> float:
        """Count a wrong attempt; the length of the lock-out it starts, or 0."""
        now = self._clock()
        with self._lock:
            r = self._records.get(client)
            if r is None or now - r.last > MAX_SECONDS:
                self._prune()
                r = self._records[client] = _Record()
            r.failures += 1
            r.last = now
            if r.failures < self.after:
                return 0.0
            seconds = min(MAX_SECONDS, self.base * 2 ** (r.failures - self.after))
            r.locked_until = now + seconds
            return seconds

    def failures(self, client: str) -> int:
        with self._lock:
            r = self._records.get(client)
            return r.failures if r else 0

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._records.pop(client, None)

    def _prune(self) -> None:
        if len(self._records) >= MAX_CLIENTS:  # forget the tenth least recently wrong
            for client in sorted(self._records, key=lambda c: self._records[c].last)[:len(self._records) // 10]:
                del self._records[client]
