"""The probe sees what a scanner sees: weak suites, TLS 1.3-only servers, silent old versions, DHE per protocol."""

from __future__ import annotations

import socket
import struct
import threading

import pytest
from conftest import run_cli

from tlsgui.preview.probe import Target, _refusal_check, probe_address, probe_project
from tlsgui.preview.report import render_text

NULL_LIST = "AES128-SHA:NULL-SHA256:@SECLEVEL=0"


def test_null_suite_is_seen_and_named(tls_project):
    # Defect 2: the probe offered ALL:@SECLEVEL=0, which excludes eNULL, so NULL-SHA256 was invisible.
    report = probe_project(tls_project(tls__cipher_list=NULL_LIST))
    for role in ("web_https", "client_server", "sql"):
        listener = report.listener(role)
        assert listener.facts["tls12_suites"] == ["AES128-SHA", "NULL-SHA256"], listener.facts
        weak = listener.check("weak_suites")
        assert weak.passed is False and "NULL-SHA256 (no encryption)" in weak.detail
    assert not report.passed


def test_anonymous_suite_is_seen(tls_project, ffdhe2048):
    report = probe_project(tls_project(tls__cipher_list="ECDHE-RSA-AES128-GCM-SHA256:ADH-AES128-GCM-SHA256:"
                                                        "@SECLEVEL=0", dhparams=ffdhe2048))
    weak = report.listener("sql").check("weak_suites")
    assert weak.passed is False and "ADH-AES128-GCM-SHA256 (no authentication)" in weak.detail, weak


def test_default_list_has_no_weak_suite_and_lists_every_suite(tls_project):
    listener = probe_project(tls_project()).listener("web_https")
    assert listener.check("weak_suites").passed is True
    assert listener.check("suites_allowed").passed is True
    assert "ECDHE-RSA-AES256-GCM-SHA384" in listener.facts["tls12_suites"]
    assert set(listener.facts["tls13_suites"]) == {"TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                                                   "TLS_AES_128_GCM_SHA256"}


@pytest.fixture
def legacy_server():
    """A peer answering like an OpenSSL 1.0 server configured with DES-CBC3-SHA only: ServerHello or alert 40.

    This machine's OpenSSL has no 3DES, so no real server here can accept it; the probe's hand-written hellos
    must still find it on a 4D built with an older library. Only the first flight is spoken, as scanners read.
    """
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def answer(conn: socket.socket) -> None:
        head = conn.recv(5)
        body = b""
        while len(body) < struct.unpack("!H", head[3:5])[0]:
            body += conn.recv(4096)
        offset = 4 + 2 + 32
        offset += 1 + body[offset]
        length = struct.unpack("!H", body[offset:offset + 2])[0]
        suites = {struct.unpack("!H", body[offset + 2 + i:offset + 4 + i])[0] for i in range(0, length, 2)}
        if 0x000A in suites:
            hello = b"\x03\x03" + bytes(32) + b"\x00" + b"\x00\x0a" + b"\x00"
            message = b"\x02" + struct.pack("!I", len(hello))[1:] + hello
            conn.sendall(b"\x16\x03\x03" + struct.pack("!H", len(message)) + message)
        else:
            conn.sendall(b"\x15\x03\x03\x00\x02\x02\x28")

    def loop():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                try:
                    answer(conn)
                except (OSError, IndexError, struct.error):
                    pass

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(5)
    listener.close()


def test_hellos_find_a_suite_this_openssl_cannot_offer(legacy_server):
    from tlsgui.preview.hello import accepted_suites, tls12_suites

    found = accepted_suites("127.0.0.1", legacy_server, tls12_suites(), timeout=5)
    assert found.accepted == ("DES-CBC3-SHA",) and not found.timed_out


def test_tls13_only_server_is_understood_by_address(tls_project, serve, pki):
    # Defect 7: probe HOST:PORT of a TLS 1.3-only server failed accepts_tls1.2 with a fix to change the list.
    served = serve(tls_project(cert=pki.selfsigned, key=pki.selfsigned_key, tls__min_version="1.3"))
    report = probe_address("127.0.0.1", served.port("client_server"))
    listener = report.listeners[0]
    check = listener.check("accepts_tls1.2")
    assert check.passed is None and "TLS 1.3 only" in check.detail and not check.reason
    assert listener.check("accepts_tls1.3").passed is True
    assert "tls12_suites" not in listener.facts and len(listener.facts["tls13_suites"]) == 3
    assert listener.check("dhe") is None
    assert report.passed, render_text(report)


def test_old_version_hello_that_times_out_is_not_a_pass():
    # Defect 7: a TLS 1.0 hello that got no answer was reported as "[pass] refused".
    silent = socket.create_server(("127.0.0.1", 0))  # the kernel accepts; nobody ever answers
    try:
        check = _refusal_check(Target("127.0.0.1", silent.getsockname()[1], timeout=0.5), "1.0", "1.2")
    finally:
        silent.close()
    assert check.passed is None and check.status == "info"
    assert "not known" in check.detail and "0.5 s" in check.detail


def test_dhe_says_what_only_tls12_lacks(tls_project):
    # Defect 7: "not offered" although TLS 1.3 clients asking for RFC 7919 groups get finite-field DHE.
    dhe = probe_project(tls_project()).listener("web_https").check("dhe")
    assert dhe.passed is None and not dhe.detail.startswith("not offered"), dhe
    assert dhe.detail.startswith("TLS 1.2: no DHE suite (there is no dhparams.pem")
    assert "TLS 1.3: DHE offered with RFC 7919 groups (DH 2048 bits)" in dhe.detail


def test_serve_summary_counts_refused_connections(tls_project, serve):
    # Defect 7: the summary said nothing of connections closed at once because every slot was busy.
    served = serve(tls_project(), "--timeout", "30")
    port = served.port("sql")
    idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(70)]
    try:
        # The server holds 64; each one past that is closed at once: wait for those closes (EOF).
        closed = 0
        for sock in idle[64:]:
            closed += sock.recv(1) == b""
        assert closed == 6
    finally:
        for sock in idle:
            sock.close()
    code, out, err = served.stop()
    assert code == 0, err
    assert "6 refused (all slots busy)" in out, out


def test_probe_cli_names_the_null_suite(tls_project):
    done = run_cli("probe", tls_project(tls__cipher_list=NULL_LIST))
    assert done.returncode == 1
    assert "[FAIL] No NULL, anonymous, EXPORT, DES, RC4 or 3DES suite is accepted — accepted: NULL-SHA256" \
        in done.stdout
