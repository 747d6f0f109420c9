"""Guessing the upload token: after KG_UPLOAD_LOCKOUT_AFTER wrong tokens (login form or
Bearer) an address is locked out for doubling times, 429 with Retry-After and a log
line; the right token is refused too until the lock-out ends. Other addresses and
logged-in sessions are not affected."""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.settings import Settings
from web import create_app
from web.lockout import MAX_SECONDS, Lockout

TOKEN = "시크릿-token-123"
ATTACKER = {"REMOTE_ADDR": "203.0.113.7"}
OTHER = {"REMOTE_ADDR": "198.51.100.9"}


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    s = Settings(data_dir=tmp_path / "data", upload_token=TOKEN, upload_lockout_after=3, upload_lockout_seconds=0.5)
    app = create_app(s, query_workers=0)
    app.config["TESTING"] = True
    yield app
    app.extensions["upload"].close()
    app.extensions["kg"].close()


def client_at(app: Flask, environ: dict[str, str]) -> FlaskClient:
    c = app.test_client()
    c.environ_base.update(environ)  # the address the server sees
    return c


def login(client: FlaskClient, token: str) -> int:
    html = client.get("/upload").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert csrf, html
    return client.post("/upload/login", data={"token": token, "csrf_token": csrf.group(1)}).status_code


def bearer(client: FlaskClient, token: str):  # noqa: ANN201
    return client.get("/upload/status.json", headers={"Authorization": f"Bearer {token}"})


def test_wrong_tokens_lock_the_address_out_and_the_lockout_ends(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    attacker = client_at(app, ATTACKER)
    assert login(attacker, "guess-1") == 403
    assert bearer(attacker, "guess-2").status_code == 403
    with caplog.at_level(logging.WARNING, logger="web.upload"):
        third = attacker.get("/upload.json", headers={"Authorization": "Bearer guess-3"})  # a JSON oracle counts too
    assert third.status_code == 429 and third.headers["Retry-After"] == "1"
    body = third.get_json()
    assert body["message"].startswith("업로드 토큰이 여러 번 틀려 이 주소에서 1초 동안은 토큰을 받지 않습니다")
    assert "(too many wrong upload tokens from this address; retry in 1 s)" in body["message"]
    assert [r.getMessage() for r in caplog.records] == ["upload: 203.0.113.7 locked out for 0.5 s after 3 wrong tokens"]

    # during the lock-out the right token is refused as well, by form and by header
    assert login(attacker, TOKEN) == 429
    refused = bearer(attacker, TOKEN)
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    # another address is not locked out
    assert bearer(client_at(app, OTHER), TOKEN).status_code == 200

    time.sleep(0.6)
    assert login(attacker, TOKEN) == 303  # over: the right token works, and the count starts again
    assert attacker.get("/upload/status.json").status_code == 200
    assert app.extensions["upload"].lockout.failures(ATTACKER["REMOTE_ADDR"]) == 0


def test_each_wrong_token_after_a_lockout_doubles_it(app: Flask) -> None:
    attacker = client_at(app, ATTACKER)
    for guess in ("a", "b"):
        assert bearer(attacker, guess).status_code == 403
    assert bearer(attacker, "c").status_code == 429  # 0.5 s
    time.sleep(0.6)
    again = bearer(attacker, "d")  # one more wrong token: 1 s
    assert again.status_code == 429 and again.headers["Retry-After"] == "1"
    time.sleep(0.6)
    assert bearer(attacker, TOKEN).status_code == 429  # still locked: it doubled
    time.sleep(0.5)
    assert bearer(attacker, TOKEN).status_code == 200


def test_lockout_arithmetic_with_a_clock() -> None:
    now = [1000.0]
    lock = Lockout(after=5, base=60, clock=lambda: now[0])
    assert [lock.failed("x") for _ in range(4)] == [0, 0, 0, 0]
    assert lock.wait("x") == 0
    assert lock.failed("x") == 60 and lock.wait("x") == 60
    now[0] += 60
    assert lock.wait("x") == 0 and lock.failed("x") == 120
    now[0] += 120
    for expected in (240, 480, 960, 1920, MAX_SECONDS, MAX_SECONDS):
        assert lock.failed("x") == expected
        now[0] += expected
    assert lock.wait("y") == 0  # other addresses are untouched
    now[0] += MAX_SECONDS + 1  # an hour without a wrong token: forgotten
    assert lock.failed("x") == 0 and lock.failures("x") == 1
    lock.succeeded("x")
    assert lock.failures("x") == 0


def test_an_ipv6_client_is_locked_out_by_its_64(app: Flask) -> None:
    for n in range(3):  # three addresses of one /64
        status = bearer(client_at(app, {"REMOTE_ADDR": f"2001:db8:1:2::{n + 1}"}), f"guess-{n}").status_code
    assert status == 429
    assert bearer(client_at(app, {"REMOTE_ADDR": "2001:db8:1:2:ffff::9"}), TOKEN).status_code == 429
    assert bearer(client_at(app, {"REMOTE_ADDR": "2001:db8:1:3::1"}), TOKEN).status_code == 200  # another /64
    assert bearer(client_at(app, {"REMOTE_ADDR": "::ffff:192.0.2.1"}), TOKEN).status_code == 200  # IPv4 as IPv6
