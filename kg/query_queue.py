"""Fair shares of the SPARQL query workers between clients.

A handful of worker processes run every query of the server (kg.sparql_exec). Handed
out first come, first served, one client sending slow queries held every worker and
everyone else's query waited out its time limit (503). Here:

- one client (an address) runs at most `running_share` queries at once (half the
  workers, at least one), so with two or more workers another client always finds one;
- it may have at most `client_share` queries running or waiting; one more is refused
  at once (QueryBusy, which the web layer answers 503 with Retry-After);
- at most `queue_size` queries wait in all; when full, a new one is refused at once;
- a free worker goes to the waiting client with the fewest queries running, the
  earliest first among equals (round robin between clients, FIFO within one);
- a query waits at most `wait` seconds for a worker, then is refused (QueryBusy).

The state is in this process (one server process, many threads): a server run as
several processes shares fairly within each.
"""
from __future__ import annotations

import itertools
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

from kg.errors import QueryBusy

T = TypeVar("T")


@dataclass(eq=False)
class _Ticket(Generic[T]):
    client: str
    seq: int
    slot: T | None = None


class FairQueue(Generic[T]):
    """Hands `slots` (query workers) to clients fairly; see the module docstring."""

    def __init__(self, slots: Iterable[T], *, queue_size: int, client_share: int,
                 running_share: int | None = None, retry_after: int = 10) -> None:
        self._idle: deque[T] = deque(slots)
        n = len(self._idle)
        self.queue_size = queue_size
        self.client_share = client_share
        self.running_share = running_share or max(1, n // 2)
        self.retry_after = max(1, retry_after)
        self._cond = threading.Condition()
        self._waiting: list[_Ticket[T]] = []
        self._running: Counter[str] = Counter()
        self._held: Counter[str] = Counter()  # running + waiting, per client
        self._seq = itertools.count()

    def acquire(self, client: str, wait: float) -> T:
        """A slot for `client`, waiting up to `wait` seconds; QueryBusy when refused."""
        with self._cond:
            if self._held[client] >= self.client_share:
                raise QueryBusy(f"이 주소에서 보낸 질의 {self.client_share}개가 이미 실행 중이거나 대기 중입니다. 앞의 "
                                f"질의가 끝난 뒤 다시 시도하세요 (this client already has {self.client_share} queries "
                                f"running or waiting; retry when they have finished)", self.retry_after)
            if len(self._waiting) >= self.queue_size and not (self._idle and self._can_run(client)):
                raise QueryBusy(f"질의 대기열이 가득 찼습니다({len(self._waiting)}개 대기 중). {self.retry_after}초 뒤 "
                                f"다시 시도하세요 (the query queue is full; retry in {self.retry_after} s)",
                                self.retry_after)
            ticket: _Ticket[T] = _Ticket(client, next(self._seq))
            self._waiting.append(ticket)
            self._held[client] += 1
            deadline = time.monotonic() + wait
            try:
                self._dispatch()
                while ticket.slot is None:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise QueryBusy(f"질의 처리기가 모두 사용 중입니다. {self.retry_after}초 뒤 다시 "
                                        f"시도하세요 (all query workers are busy; waited {wait:g} s)",
                                        self.retry_after)
                    self._cond.wait(left)
            except BaseException:
                if ticket.slot is not None:  # handed a slot just as the wait ended
                    self._give_back(client, ticket.slot)
                else:
                    self._waiting.remove(ticket)
                    self._drop(self._held, client)
                    self._dispatch()
                raise
            return ticket.slot

    def release(self, client: str, slot: T) -> None:
        """Give back the slot `client` acquired (or the worker that replaced it)."""
        with self._cond:
            self._give_back(client, slot)

    def _give_back(self, client: str, slot: T) -> None:
        self._drop(self._running, client)
        self._drop(self._held, client)
        self._idle.append(slot)
        self._dispatch()

    def _can_run(self, client: str) -> bool:
        return self._running[client] < self.running_share

    def _dispatch(self) -> None:
        """Hand idle slots to waiting clients: fewest running first, then the earliest."""
        handed = False
        while self._idle:
            eligible = [t for t in self._waiting if self._can_run(t.client)]
            if not eligible:
                break
            t = min(eligible, key=lambda t: (self._running[t.client], t.seq))
            self._waiting.remove(t)
            t.slot = self._idle.popleft()
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
