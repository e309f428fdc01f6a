"""The window's test child: `tlsgui --worker preview-test` with settings values on stdin, one JSON answer."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import tree_bytes

from tlsgui.preview.live_check import PROGRESS_PREFIX, run_test
from tlsgui.preview.report import report_from_json


def _worker(project, values):
    done = subprocess.run([sys.executable, "-m", "tlsgui", "--worker", "preview-test", str(project),
                           "--timeout", "3"], input=json.dumps({"values": values}), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert all(line.startswith(PROGRESS_PREFIX) for line in lines[:-1])
    return [json.loads(line[len(PROGRESS_PREFIX):]) for line in lines[:-1]], json.loads(lines[-1])


def test_values_replace_the_saved_settings_and_nothing_is_written(tls_project, pki):
    root = tls_project(cert=pki.selfsigned, key=pki.selfsigned_key, web__https_enabled=False,
                       client_server__encryption=False, sql__tls_enabled=False)
    wire(root)
    before = tree_bytes(root)
    report = run_test(str(root), {"web.https_enabled": True, "tls.min_version": "1.3"}, timeout=3)
    assert [item.role for item in report.listeners] == ["web_http", "web_https"]
    https = report.listener("web_https")
    assert https.check("refuses_tls1.2").passed and https.facts["protocol"] == "TLS 1.3"
    assert report.passed, report.failures()
    assert tree_bytes(root) == before


def wire(root):
    methods = root / "Project" / "Sources" / "DatabaseMethods"
    methods.mkdir(parents=True, exist_ok=True)
    for name in ("onStartup.4dm", "onServerStartup.4dm"):
        (methods / name).write_text("TLS_ApplySettings\n")


def test_what_4d_does_not_apply_yet_is_information_not_a_pass(tls_project, pki):
    root = tls_project(cert=pki.selfsigned, key=pki.selfsigned_key, sql__tls_enabled=False,
                       client_server__encryption=False)
    report = run_test(str(root), {"tls.min_version": "1.3"}, timeout=3)
    https = report.listener("web_https")
    for name in ("refuses_tls1.2", "hsts", "protocol"):
        check = https.check(name)
        assert check.passed is None and check.title.endswith("(not applied by 4D yet)"), name
    assert https.check("handshake").passed is True
    assert any(n.startswith("Not applied by 4D yet: the minimum TLS version, HSTS.") for n in report.notes)
    (root / "Project/Sources/DatabaseMethods").mkdir(parents=True, exist_ok=True)
    (root / "Project/Sources/DatabaseMethods/onStartup.4dm").write_text("TLS_ApplySettings\n")
    # 4D Server still would not apply them: onServerStartup.4dm does not call it.
    report = run_test(str(root), {"tls.min_version": "1.3"}, timeout=3)
    assert report.listener("web_https").check("hsts").passed is None
    assert any("onServerStartup.4dm does not call: 4D Server will not apply them" in n for n in report.notes)


def test_the_worker_prints_progress_then_a_report_that_reads_back(tls_project, pki):
    root = tls_project(cert=pki.selfsigned, key=pki.selfsigned_key)
    events, answer = _worker(root, {"sql.tls_enabled": False})
    assert [item["role"] for item in events[0]["listening"]] == ["web_http", "web_https", "client_server"]
    assert events[1]["text"].startswith("Checking Web server (HTTP) on 127.0.0.1:")
    report = report_from_json(answer["report"])
    assert report.as_json() == answer["report"]  # the window sees exactly what the child saw
    assert report.passed and report.listener("sql") is None


def test_files_that_stop_the_server_name_their_check(tls_project, pki):
    _events, answer = _worker(tls_project(key=pki.selfsigned_key), {})
    assert answer["error"]["check"] == "key_matches"
    assert answer["error"]["message"] == "key.pem does not match the certificate in cert.pem."
    _events, answer = _worker(tls_project(cert=pki.intermediate + pki.leaf), {})
    assert answer["error"]["check"] == "chain_order" and "out of order" in answer["error"]["message"]


def test_a_missing_certificate_is_a_message_not_a_check(tls_project, tmp_path):
    root = tls_project()
    (root / "cert.pem").unlink()
    _events, answer = _worker(root, {})
    assert answer["error"]["check"] == "" and "cert.pem is missing" in answer["error"]["message"]
