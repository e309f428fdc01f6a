"""`tlsgui probe`: the handshake report against previews of real projects and against other TLS servers."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import warnings

import pytest
from conftest import run_cli

from tlsgui.preview.probe import probe_address, probe_project
from tlsgui.preview.report import Report, render_text

TLS_ROLES = ("web_https", "client_server", "sql")


def passed(report: dict, role: str) -> dict[str, bool | None]:
    listener = next(item for item in report["listeners"] if item["role"] == role)
    return {check["name"]: check["passed"] for check in listener["checks"]}


def test_everything_matches(tls_project, pki, ffdhe2048):
    root = tls_project(cert=pki.chain + pki.root, dhparams=ffdhe2048)
    done = run_cli("probe", root, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["format"] == 1 and report["ok"] is True and report["target"] == str(root)
    assert [item["role"] for item in report["listeners"]] == ["web_http", *TLS_ROLES]
    for role in TLS_ROLES:
        checks = passed(report, role)
        for name in ("handshake", "refuses_tls1.0", "refuses_tls1.1", "accepts_tls1.2", "accepts_tls1.3",
                     "protocol", "forward_secrecy", "cipher_allowed", "dhe", "leaf", "chain_sent", "chain_order",
                     "chain_verifies", "host_name:localhost"):
            assert checks[name] is True, (role, name, checks)
        listener = next(item for item in report["listeners"] if item["role"] == role)
        assert listener["facts"]["protocol"] == "TLS 1.3" and listener["facts"]["forward_secrecy"] is True
        assert listener["facts"]["key_exchange"] == "X25519"
        assert len(listener["facts"]["chain"]) == 3
        details = {check["name"]: check["detail"] for check in listener["checks"]}
        assert details["refuses_tls1.1"] == "refused with alert 70 (protocol_version)"
        assert "DH 2048 bits" in details["dhe"]
    assert passed(report, "web_https")["hsts"] is True
    assert passed(report, "web_http")["redirect"] is True


def test_minimum_13_is_reported(tls_project, pki):
    report = probe_project(tls_project(cert=pki.selfsigned, key=pki.selfsigned_key, tls__min_version="1.3"))
    assert report.passed, render_text(report)
    sql = report.listener("sql")
    assert sql.check("refuses_tls1.2").passed is True and sql.check("accepts_tls1.3").passed is True
    assert sql.check("accepts_tls1.2") is None and sql.check("dhe") is None


def test_without_dhparams_dhe_is_information(tls_project, pki):
    report = probe_project(tls_project(cert=pki.chain + pki.root))
    dhe = report.listener("web_https").check("dhe")
    assert dhe.passed is None and "no dhparams.pem" in dhe.detail
    assert report.passed


def test_host_name_not_covered_fails_with_a_reason(tls_project, pki):
    root = tls_project(cert=pki.chain + pki.root, web__host_names="localhost, shop.example.com")
    done = run_cli("probe", root)
    assert done.returncode == 1
    assert "[FAIL] The certificate is valid for shop.example.com" in done.stdout
    assert "Add shop.example.com to the certificate's subjectAltName" in done.stdout
    assert "[pass] The certificate is valid for localhost" in done.stdout


def test_chain_out_of_order_fails(tls_project, pki):
    report = probe_project(tls_project(cert=pki.leaf + pki.root + pki.intermediate))
    assert not report.passed
    order = report.listener("client_server").check("chain_order")
    assert order.passed is False and "out of order" in order.detail
    assert any("out of order" in note for note in report.notes)
    names = {check.name for _listener, check in report.failures()}
    assert "chain_order" in names


def test_chain_without_root_does_not_verify_against_system_roots(tls_project):
    report = probe_project(tls_project())  # leaf + intermediate of a private CA
    check = report.listener("sql").check("chain_verifies")
    assert check.passed is False and "system" in check.title and check.reason
    # The host name is then judged from the certificate's names alone, and says so.
    assert "by name only" in report.listener("sql").check("host_name:localhost").detail


def test_hsts_off_is_checked_both_ways(tls_project, pki):
    report = probe_project(tls_project(cert=pki.selfsigned, key=pki.selfsigned_key, web__hsts_enabled=False))
    hsts = report.listener("web_https").check("hsts")
    assert hsts.passed is True and hsts.detail == "absent"


def test_report_is_a_plain_value(tls_project, pki):
    report = probe_project(tls_project(cert=pki.selfsigned, key=pki.selfsigned_key))
    assert isinstance(report, Report)
    data = json.loads(json.dumps(report.as_json()))
    assert data["ok"] is True
    check = data["listeners"][1]["checks"][0]
    assert set(check) == {"name", "title", "status", "passed", "detail", "reason"}
    text = render_text(report)
    assert text.splitlines()[0] == f"Handshake report for {report.target}"
    assert text.endswith("Everything matches the settings.")


def test_probe_address_of_a_running_serve(tls_project, pki, serve):
    served = serve(tls_project(cert=pki.selfsigned, key=pki.selfsigned_key))
    done = run_cli("probe", f"127.0.0.1:{served.port('sql')}", "--json")
    assert done.returncode == 0, done.stdout
    listener = json.loads(done.stdout)["listeners"][0]
    assert listener["facts"]["chain"] == ["O=tlsgui tests,CN=localhost"]
    assert {c["name"]: c["passed"] for c in listener["checks"]}["chain_verifies"] is True


def test_probe_address_of_plain_http_fails_clearly(tls_project, serve):
    served = serve(tls_project())
    done = run_cli("probe", f"127.0.0.1:{served.port('web_http')}")
    assert done.returncode == 1 and "[FAIL] A TLS handshake succeeds" in done.stdout


@pytest.fixture
def old_tls_server(pki, tmp_path):
    """A plain Python ssl server that still accepts TLS 1.1: the probe must flag it."""
    (tmp_path / "c.pem").write_bytes(pki.selfsigned)
    (tmp_path / "k.pem").write_bytes(pki.selfsigned_key)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1_1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.load_cert_chain(tmp_path / "c.pem", tmp_path / "k.pem")
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            conn.settimeout(5)
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(1)
            except (OSError, ssl.SSLError):
                conn.close()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(5)
    listener.close()


def test_probe_flags_a_server_that_accepts_tls11(old_tls_server):
    report = probe_address("127.0.0.1", old_tls_server)
    check = report.listeners[0].check("refuses_tls1.1")
    assert check.passed is False and "accepted" in check.detail
    assert not report.passed
