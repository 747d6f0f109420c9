"""Fetching only from the public internet when a server fetches what its visitors name.

Two holes a check of the host name alone leaves open, both closed here:

- DNS rebinding: a name that resolves to a public address for the check and to 127.0.0.1
  a moment later for the connection. The host is resolved once, every address is
  checked, and the socket connects to a checked address (`PublicOnly.connect`); the
  Host header and the TLS server name stay the host name, so certificates still match.
  Each redirect opens a new connection, so each hop is checked and pinned the same way.
- Private IPv4 addresses spelled as IPv6 (`public`): IPv4-mapped (::ffff:10.0.0.1),
  IPv4-compatible (::10.0.0.1), NAT64 (64:ff9b::10.0.0.1, and all of the local-use
  64:ff9b:1::/48), 6to4 (2002:0a00:0001::) and Teredo; Python's `is_global` calls several
  of these public.
"""
from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import urllib.request
from typing import Any, Callable

from ingest.loaders.base import PathLoadError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")            # RFC 6052: the last 32 bits are the IPv4 address
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")    # RFC 8215: local use, any layout: never public
_V4_COMPATIBLE = ipaddress.ip_network("::/96")           # deprecated ::a.b.c.d (and ::, ::1)
_V4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # RFC 2765 SIIT ::ffff:0:a.b.c.d


def public(ip: IPAddress) -> bool:
    """True when `ip` is a public unicast address, and so is every IPv4 address it carries."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return public(ip.ipv4_mapped)
        if ip in _NAT64_LOCAL or ip in _V4_COMPATIBLE:
            return False
        if ip in _NAT64 or ip in _V4_TRANSLATED:
            return public(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.sixtofour is not None and not public(ip.sixtofour):
            return False
        if ip.teredo is not None:
            return False  # a tunnel to a client behind NAT: no web server to fetch from
    return ip.is_global and not ip.is_multicast


def refused(url: str, host: str) -> PathLoadError:
    return PathLoadError(url, f"이 주소({host})는 이 서버나 내부망을 가리켜 웹에서 가져올 수 없습니다. "
                              f"명령줄의 kg ingest로 가져오거나, 관리자가 KG_UPLOAD_PRIVATE_URLS=on을 "
                              f"설정하세요 (refused: {host} is a local or private address)")


def resolve_public(url: str, host: str, port: int) -> list[tuple[Any, ...]]:
    """getaddrinfo's answers for `host`, once; PathLoadError when any of them is not public
    (a name with one private address among public ones is refused, not filtered)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as e:
        raise socket.gaierror(str(e)) from None
    for info in infos:
        if not public(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])):
            raise refused(url, host)
    return infos


class PublicOnly:
    """The connect step of the connections of one fetch (`url` names it in errors)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def connect(self, address: tuple[str, int], timeout: object = socket._GLOBAL_DEFAULT_TIMEOUT,  # noqa: SLF001
                source_address: tuple[str, int] | None = None) -> socket.socket:
        """socket.create_connection, but to the checked addresses only: no second lookup."""
        host, port = address
        error: OSError | None = None
        for family, kind, proto, _, sockaddr in resolve_public(self.url, host, port):
            sock = socket.socket(family, kind, proto)
            try:
                if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # noqa: SLF001 (http.client's own sentinel)
                    sock.settimeout(timeout)  # type: ignore[arg-type]
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as e:
                sock.close()
                error = e
        raise error or OSError(f"no address for {host}")

    def handlers(self) -> list[urllib.request.BaseHandler]:
        """urllib handlers that open every connection (redirects too) through `connect`,
        and no proxy: a proxy would resolve the name again, out of our sight."""
        return [urllib.request.ProxyHandler({}), _Handler(self.connect), _SecureHandler(self.connect)]


def _pinned(cls: type[http.client.HTTPConnection], connect: Callable[..., socket.socket],
            *args: Any, **kwargs: Any) -> http.client.HTTPConnection:
    conn = cls(*args, **kwargs)
    conn._create_connection = connect  # type: ignore[attr-defined]  # noqa: SLF001 (what connect() calls)
    return conn


class _Handler(urllib.request.HTTPHandler):
    def __init__(self, connect: Callable[..., socket.socket]) -> None:
        super().__init__()
        self.connect = connect

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_pinned, http.client.HTTPConnection, self.connect), req)


class _SecureHandler(urllib.request.HTTPSHandler):
    def __init__(self, connect: Callable[..., socket.socket]) -> None:
        super().__init__()
        self.connect = connect

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_pinned, http.client.HTTPSConnection, self.connect), req,
                            context=self._context)  # type: ignore[attr-defined]
