"""tlsgui's own HTTP-01 answer (--http-port): every address family, only the tokens of the order, words on a busy port."""

from __future__ import annotations

import http.client
import socket

import pytest

from tlsgui.acme.challenges import ChallengeServer
from tlsgui.errors import TlsguiError

from .pebble_env import free_port


def _get(host: str, port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_answers_on_ipv4_and_ipv6_loopback():
    port = free_port()
    with ChallengeServer(port) as server:  # "" = every address, as the CA comes from outside (A or AAAA)
        server.answers["tok-1"] = b"tok-1.thumbprint"
        assert _get("127.0.0.1", port, "/.well-known/acme-challenge/tok-1") == (200, b"tok-1.thumbprint")
        if socket.has_ipv6:
            assert _get("::1", port, "/.well-known/acme-challenge/tok-1") == (200, b"tok-1.thumbprint")
        assert _get("127.0.0.1", port, "/.well-known/acme-challenge/other")[0] == 404
        assert _get("127.0.0.1", port, "/index.html")[0] == 404


def test_busy_port_is_refused_in_words():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(TlsguiError) as caught:
            ChallengeServer(busy.getsockname()[1], "127.0.0.1")
    assert "Stop 4D's web server" in str(caught.value) and "--webroot" in str(caught.value)
