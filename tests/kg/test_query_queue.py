"""Fair shares of the query workers (kg.query_queue), without processes: slots are
plain names, clients are threads."""
from __future__ import annotations

import threading
import time

import pytest

from core.errors import QueryBusy
from kg.read.query_queue import FairQueue


def test_one_client_cannot_hold_every_worker() -> None:
    q = FairQueue(["w1", "w2"], queue_size=8, client_share=4, retry_after=3)
    first = q.acquire("a", wait=1)
    with pytest.raises(QueryBusy, match="all query workers are busy") as e:
        q.acquire("a", wait=0.1)  # a worker is idle, but "a" already runs its half
    assert e.value.retry_after == 3
    other = q.acquire("b", wait=0.1)  # another client gets it at once
    assert {first.slot, other.slot} == {"w1", "w2"}


def test_a_client_over_its_share_is_refused_at_once() -> None:
    q = FairQueue(["w1"], queue_size=8, client_share=2, retry_after=5)
    q.acquire("a", wait=1)
    waiter = threading.Thread(target=lambda: pytest.raises(QueryBusy, q.acquire, "a", 0.5))
    waiter.start()
    time.sleep(0.1)  # "a": one running, one waiting
    with pytest.raises(QueryBusy) as e:
        q.acquire("a", wait=10)
    assert str(e.value).startswith("이 주소에서 보낸 질의 2개가 이미 실행 중이거나 대기 중입니다")
    assert e.value.retry_after == 5
    waiter.join(5)


def test_a_full_queue_refuses_at_once_but_not_a_client_it_can_serve() -> None:
    q = FairQueue(["w1", "w2"], queue_size=1, client_share=4)
    q.acquire("a", wait=1)
    waiter = threading.Thread(target=lambda: pytest.raises(QueryBusy, q.acquire, "a", 0.5))
    waiter.start()
    time.sleep(0.1)  # the queue holds one ("a" at its running share)
    assert q.acquire("b", wait=0).slot == "w2"  # an idle worker b may use: not refused
    with pytest.raises(QueryBusy, match="the query queue is full"):
        q.acquire("c", wait=10)
    waiter.join(5)


def test_the_next_free_worker_goes_to_the_client_that_used_them_least() -> None:
    q = FairQueue(["w"], queue_size=8, client_share=4)
    heavy = q.acquire("heavy", wait=1)
    time.sleep(0.2)
    order: list[str] = []

    def take(client: str) -> None:
        lease = q.acquire(client, wait=5)
        order.append(client)
        q.release(lease)

    waiting = [threading.Thread(target=take, args=("heavy",)), threading.Thread(target=take, args=("newcomer",))]
    for t in waiting:  # the heavy client asks first
        t.start()
        time.sleep(0.1)
    q.release(heavy)
    for t in waiting:
        t.join(5)
    assert order == ["newcomer", "heavy"]
    assert q.snapshot() == {"idle": 1, "waiting": 0, "running": 0}
