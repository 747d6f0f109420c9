"""A server that fetches what its visitors name connects only to the public address it
checked: a name that rebinds to this machine between the check and the connection
(DNS rebinding) reaches nothing local, redirects included, and private IPv4 addresses
spelled as IPv6 (mapped, NAT64, 6to4, Teredo) are refused like the plain ones."""
from __future__ import annotations

import http.server
import ipaddress
import socket
import threading
from typing import Any, Iterator

import pytest

from ingest.loaders import netsafe
from ingest.loaders.fetch import load_url
from core.model import Document

PAGE = "<html><head><meta charset='utf-8'><title>보도자료</title></head><body><p>산업통상자원부는 7일 발표했다.</p></body></html>"


class _Site(http.server.BaseHTTPRequestHandler):
    """The page, or a redirect to `/go?to=ADDRESS`; counts the requests it answers."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        if self.path.startswith("/go?to="):
            self.send_response(302)
            self.send_header("Location", self.path[len("/go?to="):])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _serve(host: str, port: int = 0) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer((host, port), _Site)
    server.hits = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture()
def servers(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, Any]]:
    """(the outside, the inside): two servers on one port. 127.0.0.1 stands for a public
    web server (the policy treats it as public here); 127.0.0.2 is the intranet."""
    outside = _serve("127.0.0.1")
    try:
        inside = _serve("127.0.0.2", outside.server_address[1])
    except OSError:
        outside.shutdown()
        outside.server_close()
        pytest.skip("127.0.0.2 cannot be bound here")
    real = netsafe.public
    monkeypatch.setattr(netsafe, "public", lambda ip: str(ip) == "127.0.0.1" or real(ip))
    yield outside, inside
    for s in (outside, inside):
        s.shutdown()
        s.server_close()


def _stub_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> list[str]:
    """getaddrinfo that answers each name from its list in turn (the last one ever after),
    as a rebinding DNS server would; other names go to the real resolver."""
    real, asked = socket.getaddrinfo, []

    def stub(host: str, port: Any, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        if host not in answers:
            return real(host, port, *args, **kwargs)
        asked.append(host)
        ip = answers[host].pop(0) if len(answers[host]) > 1 else answers[host][0]
        return real(ip, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", stub)
    return asked


def test_a_name_that_rebinds_to_the_intranet_after_the_check_reaches_only_the_checked_address(
        servers: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    outside, inside = servers
    port = outside.server_address[1]
    asked = _stub_dns(monkeypatch, {"rebind.kg.test": ["127.0.0.1", "127.0.0.2"]})
    (doc,) = load_url(f"http://rebind.kg.test:{port}/press", timeout=5, public_only=True)
    assert isinstance(doc, Document) and "산업통상자원부" in doc.text
    assert outside.hits == ["/press"] and inside.hits == []
    assert asked == ["rebind.kg.test"]                          # resolved once, for check and connection


def test_every_redirect_is_checked_and_pinned_too(servers: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    outside, inside = servers
    port = outside.server_address[1]
    _stub_dns(monkeypatch, {"www.kg.test": ["127.0.0.1"], "rebind.kg.test": ["127.0.0.1", "127.0.0.2"],
                            "intranet.kg.test": ["127.0.0.2"]})
    (doc,) = load_url(f"http://www.kg.test:{port}/go?to=http://rebind.kg.test:{port}/press", timeout=5,
                      public_only=True)
    assert isinstance(doc, Document) and doc.url == f"http://rebind.kg.test:{port}/press"
    (err,) = load_url(f"http://www.kg.test:{port}/go?to=http://intranet.kg.test:{port}/secret", timeout=5,
                      public_only=True)
    assert isinstance(err, Exception) and "내부망을 가리켜" in str(err) and "intranet.kg.test" in str(err)
    assert inside.hits == []


def test_without_the_public_only_guard_the_command_line_still_fetches_local_addresses(
        servers: tuple[Any, Any]) -> None:
    _, inside = servers
    (doc,) = load_url(f"http://127.0.0.2:{inside.server_address[1]}/press", timeout=5)
    assert isinstance(doc, Document) and inside.hits == ["/press"]


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.0.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
    "::1", "fe80::1", "fd00::1", "::",
    "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",     # IPv4-mapped
    "::10.0.0.1", "::8.8.8.8",                                            # IPv4-compatible (deprecated)
    "::ffff:0:10.0.0.1",                                                  # SIIT translated
    "64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", "64:ff9b::169.254.169.254",  # NAT64
    "64:ff9b:1::a00:1", "64:ff9b:1::808:808",                             # local-use NAT64
    "2002:a00:1::1", "2002:7f00:1::", "2002:a9fe:a9fe::1",                # 6to4 of private ones
    "2001:0:4136:e378:8000:63bf:f5ff:fffe", "2001:0:a00:1::1",            # Teredo
])
def test_private_addresses_in_every_spelling_are_refused(address: str) -> None:
    assert not netsafe.public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8",
                                     "2002:808:808::1"])
def test_public_addresses_pass_in_their_spellings(address: str) -> None:
    assert netsafe.public(ipaddress.ip_address(address))


def test_a_literal_private_address_is_refused_before_any_connection() -> None:
    for url in ("http://[::ffff:127.0.0.1]:9/", "http://[64:ff9b::7f00:1]:9/", "http://2130706433:9/"):
        (err,) = load_url(url, timeout=5, public_only=True)
        assert isinstance(err, Exception) and "내부망을 가리켜" in str(err), (url, err)


def _self_signed(tmp_path: Any, name: str) -> tuple[str, str]:
    """(certificate, key) files of a self-signed certificate for `name`."""
    import datetime  # noqa: PLC0415

    from cryptography import x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


def test_https_connects_to_the_checked_address_and_still_verifies_the_name(
        servers: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """The pinned connection speaks TLS to the host name (SNI and certificate check), not to
    the address: a certificate for www.kg.test passes, the same server under another name fails."""
    import ssl  # noqa: PLC0415

    cert, key = _self_signed(tmp_path, "www.kg.test")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.hits = []  # type: ignore[attr-defined]
    served = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    served.load_cert_chain(cert, key)
    server.socket = served.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        trusted = ssl.create_default_context(cafile=cert)
        monkeypatch.setattr(ssl, "_create_default_https_context", lambda *a, **kw: trusted)
        port = server.server_address[1]
        _stub_dns(monkeypatch, {"www.kg.test": ["127.0.0.1", "127.0.0.2"], "other.kg.test": ["127.0.0.1"]})
        (doc,) = load_url(f"https://www.kg.test:{port}/press", timeout=5, public_only=True)
        assert isinstance(doc, Document) and "산업통상자원부" in doc.text
        (err,) = load_url(f"https://other.kg.test:{port}/press", timeout=5, public_only=True)
        assert isinstance(err, Exception) and "CERTIFICATE_VERIFY_FAILED" in str(err), err
        assert server.hits == ["/press"] and servers[1].hits == []  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
