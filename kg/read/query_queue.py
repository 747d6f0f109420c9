"""Fair shares of the SPARQL query workers between clients.

A handful of worker processes run every query of the server (kg.sparql_exec). Handed
out first come, first served, four clients sending slow queries held every worker and
everyone else's query waited out its time limit (503). Here:

- one client (an address) runs at most `running_share` queries at once (half the
  workers, at least one), so with two or more workers another client finds one free;
- it may have at most `client_share` queries running or waiting; one more is refused
  at once (QueryBusy, which the web layer answers 503 with Retry-After);
- at most `queue_size` queries wait in all; when full, a new one is refused at once;
- a free worker goes to the waiting client with the fewest queries running, then the
  one that used the workers least lately (worker-seconds, halved every USAGE_HALF_LIFE
  seconds), then the earliest: a client whose slow queries are killed at the time limit
  waits behind a newcomer, whose quick query gets the next free worker;
- a query waits at most `wait` seconds for a worker, then is refused (QueryBusy).

The state is in this process (one server process, many threads): a server run as
several processes shares fairly within each.
"""
from __future__ import annotations

import itertools
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Generic, Iterable, TypeVar

from core.errors import QueryBusy

T = TypeVar("T")
USAGE_HALF_LIFE = 60.0   # seconds
MAX_REMEMBERED = 10_000  # clients whose usage is kept; the smallest are forgotten first


@dataclass(eq=False)
class Lease(Generic[T]):
    """One client's hold on a slot; `slot` may be swapped (a worker replaced)."""

    client: str
    seq: int
    slot: T | None = None
    since: float = field(default=0.0)


class FairQueue(Generic[T]):
    """Hands `slots` (query workers) to clients fairly; see the module docstring."""

    def __init__(self, slots: Iterable[T], *, queue_size: int, client_share: int,
                 running_share: int | None = None, retry_after: int = 10) -> None:
        self._idle: deque[T] = deque(slots)
        self.queue_size = queue_size
        self.client_share = client_share
        self.running_share = running_share or max(1, len(self._idle) // 2)
        self.retry_after = max(1, retry_after)
        self._cond = threading.Condition()
        self._waiting: list[Lease[T]] = []
        self._running: Counter[str] = Counter()
        self._held: Counter[str] = Counter()  # running + waiting, per client
        self._usage: dict[str, tuple[float, float]] = {}  # client → (worker-seconds, as of)
        self._seq = itertools.count()

    def acquire(self, client: str, wait: float) -> Lease[T]:
        """A lease on a slot for `client`, waiting up to `wait` seconds; QueryBusy when refused."""
        with self._cond:
            if self._held[client] >= self.client_share:
                raise QueryBusy(f"이 주소에서 보낸 질의 {self.client_share}개가 이미 실행 중이거나 대기 중입니다. 앞의 "
                                f"질의가 끝난 뒤 다시 시도하세요 (this client already has {self.client_share} queries "
                                f"running or waiting; retry when they have finished)", self.retry_after)
            if len(self._waiting) >= self.queue_size and not (self._idle and self._can_run(client)):
                raise QueryBusy(f"질의 대기열이 가득 찼습니다({len(self._waiting)}개 대기 중). {self.retry_after}초 뒤 "
                                f"다시 시도하세요 (the query queue is full; retry in {self.retry_after} s)",
                                self.retry_after)
            lease: Lease[T] = Lease(client, next(self._seq))
            self._waiting.append(lease)
            self._held[client] += 1
            deadline = time.monotonic() + wait
            try:
                self._dispatch()
                while lease.slot is None:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise QueryBusy(f"질의 처리기가 모두 사용 중입니다. {self.retry_after}초 뒤 다시 "
                                        f"시도하세요 (all query workers are busy; waited {wait:g} s)",
                                        self.retry_after)
                    self._cond.wait(left)
            except BaseException:
                if lease.slot is not None:  # handed a slot just as the wait ended
                    self._give_back(lease)
                else:
                    self._waiting.remove(lease)
                    self._drop(self._held, client)
                    self._dispatch()
                raise
            return lease

    def release(self, lease: Lease[T]) -> None:
        """Give back the lease's slot (the worker it holds now)."""
        with self._cond:
            self._give_back(lease)

    def _give_back(self, lease: Lease[T]) -> None:
        now = time.monotonic()
        self._usage[lease.client] = (self._used(lease.client, now) + now - lease.since, now)
        if len(self._usage) > MAX_REMEMBERED:
            for c in sorted(self._usage, key=lambda c: self._used(c, now))[:MAX_REMEMBERED // 10]:
                del self._usage[c]
        self._drop(self._running, lease.client)
        self._drop(self._held, lease.client)
        assert lease.slot is not None
        self._idle.append(lease.slot)
        self._dispatch()

    def _used(self, client: str, now: float) -> float:
        used, at = self._usage.get(client, (0.0, now))
        return used * 0.5 ** ((now - at) / USAGE_HALF_LIFE)

    def _can_run(self, client: str) -> bool:
        return self._running[client] < self.running_share

    def _dispatch(self) -> None:
        """Hand idle slots to waiting clients: fewest running, least used lately, earliest."""
        handed = False
        now = time.monotonic()
        while self._idle:
            eligible = [t for t in self._waiting if self._can_run(t.client)]
            if not eligible:
                break
            t = min(eligible, key=lambda t: (self._running[t.client], self._used(t.client, now), t.seq))
            self._waiting.remove(t)
            t.slot, t.since = self._idle.popleft(), now
            self._running[t.client] += 1
            handed = True
        if handed:
            self._cond.notify_all()

    @staticmethod
    def _drop(counter: Counter[str], client: str) -> None:
        counter[client] -= 1
        if counter[client] <= 0:
            del counter[client]  # the tables hold only clients with queries in flight

    def snapshot(self) -> dict[str, int]:
        """Idle slots, waiting and running queries (for tests and diagnostics)."""
        with self._cond:
            return {"idle": len(self._idle), "waiting": len(self._waiting), "running": sum(self._running.values())}
