"""Faults: bad project files, taken ports, silent and garbage clients, a probe of a closed port."""

from __future__ import annotations

import os
import socket
import ssl
import time
from pathlib import Path

import pytest
from conftest import run_cli, tree_bytes, wait_for


def open_sockets(pid: int) -> int:
    """How many socket descriptors a live process holds (Linux /proc)."""
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            count += os.readlink(fd).startswith("socket:")
        except FileNotFoundError:  # closed while we looked
            pass
    return count


def assert_refused(root, *fragments: str, args=()):
    """serve stops at once with exit 2, a clear message, no traceback and nothing written."""
    before = tree_bytes(root)
    done = run_cli("serve", root, "--ready-file", root.parent / "ready.json", *args, timeout=30)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in done.stderr, done.stderr
    assert not (root.parent / "ready.json").exists()
    assert tree_bytes(root) == before
    return done.stderr


def test_https_enabled_with_a_key_but_no_certificate(tls_project):
    root = tls_project()
    (root / "cert.pem").unlink()
    message = assert_refused(root, "there is no certificate: cert.pem is missing", "tlsgui selfsigned")
    assert "Web server (HTTPS)" in message


@pytest.mark.parametrize(("version", "words"), [
    ("20 R4", "on 4D 20 R4 client-server and SQL TLS need no certificate files"),
    ("20", "on 4D 20 client-server and SQL TLS without key.pem/cert.pem use 4D's built-in certificate"),
])
def test_no_files_at_all_serves_a_throw_away_certificate_and_says_so(tls_project, serve, version, words):
    # 4D still starts its servers then (its built-in files; on 20 R4+ client-server/SQL need none).
    root = tls_project(project__4d_version=version)
    (root / "cert.pem").unlink()
    (root / "key.pem").unlink()
    before = tree_bytes(root)
    served = serve(root)
    with socket.create_connection(("127.0.0.1", served.port("client_server")), timeout=10) as raw:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        with context.wrap_socket(raw) as tls:
            assert tls.version() in ("TLSv1.2", "TLSv1.3")
    code, _out, err = served.stop()
    assert code == 0
    assert words in err and "throw-away self-signed certificate" in err and "4D's built-in certificate" in err
    assert tree_bytes(root) == before


def test_key_that_does_not_match(tls_project, pki):
    root = tls_project(key=pki.selfsigned_key)
    assert_refused(root, "key.pem does not match the certificate in cert.pem")


def test_chain_with_the_server_certificate_not_first(tls_project, pki):
    root = tls_project(cert=pki.intermediate + pki.leaf)
    assert_refused(root, "chain is out of order", "is number 2", "Put the server certificate first")


def test_chain_out_of_order_after_the_leaf_is_served_with_a_warning(tls_project, pki, serve):
    # leaf, root, intermediate: OpenSSL serves it as is; clients building strict paths may fail.
    served = serve(tls_project(cert=pki.leaf + pki.root + pki.intermediate))
    code, _out, err = served.stop()
    assert code == 0
    assert "warning: cert.pem:" in err and "out of order" in err


def test_dh_parameters_too_small(tls_project, dh512):
    assert_refused(tls_project(dhparams=dh512), "only 512 bits", "ffdhe2048")


def test_no_cipher_can_be_selected(tls_project):
    assert_refused(tls_project(tls__cipher_list="NO-SUCH-CIPHER"), "No cipher can be selected", "tls.cipher_list")


def test_two_servers_on_one_port(tls_project):
    # The application server also takes the two ports after its own (19813-19815).
    assert_refused(tls_project(sql__port=19814), "both set to port 19814")


def test_nothing_enabled(tls_project):
    root = tls_project(web__http_enabled=False, web__https_enabled=False, client_server__encryption=False,
                       sql__tls_enabled=False)
    assert_refused(root, "Nothing to preview")


def test_a_taken_port_falls_back_to_a_free_one(tls_project, serve):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        served = serve(tls_project(web__https_port=port))
        https = next(item for item in served.ready["listeners"] if item["role"] == "web_https")
        assert https["configured_port"] == port and https["port"] != port
        assert f"port {port} is in use; using {https['port']} instead" == https["note"]
        code, out, _err = served.stop()
    assert code == 0 and f"port {port} is in use" in out


def test_privileged_port_is_not_used(tls_project, serve):
    served = serve(tls_project(web__https_port=443))
    https = next(item for item in served.ready["listeners"] if item["role"] == "web_https")
    assert https["port"] >= 1024 and "needs administrator rights" in https["note"]


def _closed_within(sock: socket.socket, seconds: float) -> float:
    """Seconds until the server closes the connection; fails if it stays open longer than `seconds`."""
    start = time.monotonic()
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except ConnectionResetError:
        pass
    return time.monotonic() - start


def test_silent_and_garbage_clients_never_stall_the_server(tls_project, serve, pki_files):
    served = serve(tls_project(), "--timeout", "1")
    port = served.port("web_https")
    silent = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(20)]
    garbage = socket.create_connection(("127.0.0.1", port), timeout=5)
    garbage.sendall(os.urandom(64) + b"\x16\x03\x01\x00\x05hello")
    # While 20 clients say nothing, a real client still completes its handshake at once.
    context = ssl.create_default_context(cafile=str(pki_files / "root.pem"))
    started = time.monotonic()
    with context.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=5),
                             server_hostname="localhost") as tls:
        assert tls.version() == "TLSv1.3"
    assert time.monotonic() - started < 1.0
    assert _closed_within(garbage, 3) < 3
    for sock in silent:  # the handshake time-out (1 s here) closes them
        assert _closed_within(sock, 5) < 5
        sock.close()
    garbage.close()
    plain = socket.create_connection(("127.0.0.1", served.port("web_http")), timeout=5)
    plain.sendall(b"\x00\x01garbage\r\n\r\n")
    assert plain.recv(100).startswith(b"HTTP/1.1 400")
    plain.close()
    code, out, _err = served.stop()
    assert code == 0 and "failed handshake" in out


def test_stop_does_not_wait_for_silent_clients(tls_project, serve):
    served = serve(tls_project())  # default 5 s time-out
    port = served.port("sql")
    sockets_before = open_sockets(served.process.pid)
    silent = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(5)]
    # The server has accepted all five (each is a descriptor of its own) before it is told to stop.
    wait_for(lambda: open_sockets(served.process.pid) >= sockets_before + 5, what="the server to accept")
    started = time.monotonic()
    code, _out, _err = served.stop()
    assert code == 0 and time.monotonic() - started < 3
    for sock in silent:
        sock.close()


def test_probe_of_a_closed_port(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    done = run_cli("probe", f"127.0.0.1:{port}", timeout=30)
    assert time.monotonic() - started < 10
    assert done.returncode == 2
    assert f"Nothing listens on 127.0.0.1:{port} (connection refused)." in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("target", ["127.0.0.1:99999", "no-such-folder"])
def test_probe_of_a_bad_target(target, tmp_path):
    done = run_cli("probe", target, cwd=tmp_path, timeout=30)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.startswith("tlsgui: ")


def test_probe_of_a_project_with_https_but_no_certificate(tls_project):
    root = tls_project()
    (root / "cert.pem").unlink()
    before = tree_bytes(root)
    done = run_cli("probe", root, timeout=30)
    assert done.returncode == 2 and "there is no certificate" in done.stderr and "Traceback" not in done.stderr
    assert tree_bytes(root) == before


def test_probe_of_a_server_that_never_answers():
    # The kernel completes the TCP handshake from the backlog, but nobody ever speaks TLS.
    with socket.socket() as mute:
        mute.bind(("127.0.0.1", 0))
        mute.listen(8)
        started = time.monotonic()
        done = run_cli("probe", f"127.0.0.1:{mute.getsockname()[1]}", "--timeout", "1", timeout=30)
    assert time.monotonic() - started < 10
    assert done.returncode == 1 and "no handshake within 1 s" in done.stdout
