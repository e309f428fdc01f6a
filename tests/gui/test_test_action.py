"""The "Test TLS" action: preview servers + probe in a child, on the window's current settings, as a checklist."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from gui.conftest import tree_bytes, write_cert

# A whole test (child start, two listeners, ~15 handshakes) takes about a second on a quiet machine.
RUN_MS = 30_000


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _refused(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(2)
        try:
            sock.connect(("127.0.0.1", port))
        except ConnectionRefusedError:
            return True
    return False


def _run_test(qtbot, window, page: str):
    """Click the page's Test TLS… button and wait until the test ends (either way)."""
    window.show_page(page)
    button = window.page(page).ui.test_button
    assert button.isEnabled() and button.text().replace("&", "") == "Test TLS…"
    button.click()
    dialog = window.test_dialog
    assert dialog is not None and dialog.isVisible() and dialog.running
    qtbot.waitUntil(lambda: not dialog.running, timeout=RUN_MS)
    return dialog


def wire(project: Path) -> None:
    """On Startup and On Server Startup call TLS_ApplySettings, as `tlsgui settings PROJECT wire-startup` makes them."""
    methods = project / "Project" / "Sources" / "DatabaseMethods"
    methods.mkdir(parents=True, exist_ok=True)
    for name in ("onStartup.4dm", "onServerStartup.4dm"):
        (methods / name).write_text("TLS_ApplySettings\n")


@pytest.fixture
def https_demo(demo, rsa_key):
    write_cert(demo, rsa_key)
    wire(demo)
    return demo


def test_green_checklist_for_a_real_self_signed_certificate_with_unsaved_edits(qtbot, open_window, https_demo):
    window = open_window(https_demo)
    before = tree_bytes(https_demo)
    # Unsaved edits: HTTPS on (saved off in the demo), HSTS on, the certificate's host name.
    window.document.push_setting("web.https_enabled", True)
    window.document.push_setting("web.hsts_enabled", True)
    window.document.push_setting("web.host_names", "shop.example.com")
    window.document.push_setting("client_server.encryption", True)
    window.document.push_setting("sql.tls_enabled", True)
    assert window.document.dirty
    started = time.monotonic()
    dialog = _run_test(qtbot, window, "tls")
    assert time.monotonic() - started < RUN_MS / 1000
    view = dialog.report_view
    assert view.report is not None, view.summary.text()
    assert view.report.passed, [(item.role, c.name, c.detail) for item, c in view.report.failures()]
    assert "All" in view.summary.text() and "unsaved edits" in view.summary.text()
    https = view.item("web_https")
    assert https.text(0).startswith("✔ Passed: Web server (HTTPS) — 127.0.0.1:")
    assert "TLS 1." in https.text(1) and "key exchange" in https.text(1)
    for name in ("handshake", "refuses_tls1.1", "chain_order", "chain_verifies", "host_name:shop.example.com"):
        assert view.item("web_https", name).text(0).startswith("✔"), name
    assert view.item("web_https", "hsts").text(1) == "max-age=63072000"
    assert view.item("web_http", "redirect").text(0).startswith("✔ Passed: HTTP redirects to HTTPS")
    for role, label in (("client_server", "Application server (client-server)"), ("sql", "SQL server")):
        assert view.item(role).text(0).startswith(f"✔ Passed: {label} — 127.0.0.1:")
        assert view.item(role, "chain_verifies").text(0).startswith("✔")
        assert view.item(role, "refuses_tls1.0").text(1).startswith("refused")
    assert "everything matches" in dialog.progress.status_label.text()
    assert dialog.again_button.isEnabled()
    assert _gone(dialog.job.pid)  # the child stopped by itself
    assert all(_refused(item["port"]) for item in dialog.job.listeners)
    assert tree_bytes(https_demo) == before  # testing writes nothing, and did not save the edits
    assert window.document.dirty


def test_half_installed_certificate_gives_a_clear_message(qtbot, open_window, https_demo, prompts):
    (https_demo / "cert.pem").unlink()
    window = open_window(https_demo)
    window.document.push_setting("web.https_enabled", True)
    dialog = _run_test(qtbot, window, "certificates")
    text = dialog.report_view.summary.text()
    assert dialog.report_view.report is None
    assert "The test could not run" in text and "there is no certificate: cert.pem is missing" in text
    assert "What to do:" in text and "development certificate" in text
    assert "Traceback" not in text and not prompts.errors
    assert _gone(dialog.job.pid)


def test_no_certificate_at_all_is_tested_with_a_throw_away_one(qtbot, open_window, demo):
    # 4D then serves its built-in certificate: the preview stands in for it and says so.
    wire(demo)
    window = open_window(demo)
    window.document.push_setting("web.https_enabled", True)
    dialog = _run_test(qtbot, window, "certificates")
    view = dialog.report_view
    assert view.report is not None, view.summary.text()
    assert "built-in certificate, which no browser trusts" in view.notes.text()
    assert "throw-away self-signed certificate" in view.notes.text()
    assert view.item("web_https", "handshake").text(0).startswith("✔")


def test_settings_4d_does_not_apply_yet_are_not_shown_as_passed(qtbot, open_window, demo, rsa_key):
    write_cert(demo, rsa_key)  # and no startup method calls TLS_ApplySettings
    window = open_window(demo)
    for key in ("web.https_enabled", "web.hsts_enabled"):
        window.document.push_setting(key, True)
    dialog = _run_test(qtbot, window, "tls")
    view = dialog.report_view
    hsts = view.item("web_https", "hsts")
    assert hsts.text(0).startswith("ℹ") and "(not applied by 4D yet)" in hsts.text(0)
    assert "wire-startup" in hsts.text(1)
    assert "Not applied by 4D yet: HSTS." in view.notes.text()


def test_a_mismatched_key_is_a_red_check_with_its_fix(qtbot, open_window, https_demo):
    stranger = ec.generate_private_key(ec.SECP256R1())
    (https_demo / "key.pem").write_bytes(stranger.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    window = open_window(https_demo)
    window.document.push_setting("web.https_enabled", True)
    dialog = _run_test(qtbot, window, "certificates")
    view = dialog.report_view
    row = view.item("files", "key_matches")
    assert row is not None, view.summary.text()
    assert row.text(0) == "✘ Failed: key.pem matches cert.pem"
    assert row.text(1) == "key.pem does not match the certificate in cert.pem."
    assert view.fix_text("files", "key_matches").startswith("Fix: Install the certificate that was issued")
    assert "cannot start" in view.summary.text()


def test_cancel_kills_the_child_and_frees_its_ports(qtbot, open_window, https_demo):
    window = open_window(https_demo)
    window.document.push_setting("web.https_enabled", True)
    window.document.push_setting("client_server.encryption", True)
    window.show_page("tls")
    with qtbot.waitSignal(window.page("tls").test_requested, timeout=1000):
        window.page("tls").ui.test_button.click()
    dialog = window.test_dialog
    with qtbot.waitSignal(dialog.job.listeners_bound, timeout=RUN_MS):
        pass
    pid, ports = dialog.job.pid, [item["port"] for item in dialog.job.listeners]
    assert len(ports) == 3 and _alive(pid)
    with qtbot.waitSignal(dialog.job.job_cancelled, timeout=5000):
        dialog.progress.cancel_button.click()
    assert _gone(pid)
    assert all(_refused(port) for port in ports)
    assert "Test cancelled" in dialog.report_view.summary.text()
    assert dialog.again_button.isEnabled()


def test_closing_the_window_while_a_test_runs_leaves_no_child(qtbot, open_window, https_demo, prompts):
    window = open_window(https_demo)
    window.document.push_setting("web.https_enabled", True)
    window.test_action.trigger()
    dialog = window.test_dialog
    with qtbot.waitSignal(dialog.job.listeners_bound, timeout=RUN_MS):
        pass
    pid, ports = dialog.job.pid, [item["port"] for item in dialog.job.listeners]
    assert _alive(pid)
    assert window.close()  # unsaved edits: the prompt answers Discard
    assert prompts.asked == [window.document.name]
    assert not dialog.running and _gone(pid)
    assert all(_refused(port) for port in ports)


def test_a_test_is_bounded_in_time(qtbot, open_window, https_demo):
    window = open_window(https_demo)
    window.document.push_setting("web.https_enabled", True)
    from tlsgui.windows.check_dialog import TlsTestDialog

    window.test_dialog = TlsTestDialog(window)
    window.test_dialog.job.deadline_ms = 50  # shorter than the child's own start-up
    with qtbot.waitSignal(window.test_dialog.job.job_failed, timeout=5000) as failed:
        window.test_tls()
    assert "did not finish within 0.05 s" in failed.args[0]
    assert _gone(window.test_dialog.job.pid)
    assert "did not finish" in window.test_dialog.report_view.summary.text()


def test_a_field_with_an_invalid_value_is_tested_with_its_last_valid_value(qtbot, open_window, https_demo):
    window = open_window(https_demo)
    window.document.push_setting("web.https_enabled", True)
    page = window.page("web")
    page.editor("web.https_port").setText("70000")
    page.editor("web.https_port").textEdited.emit("70000")
    assert "web.https_port" in window.document.input_errors
    dialog = _run_test(qtbot, window, "tls")
    assert dialog.report_view.report is not None and dialog.report_view.report.passed
    notes = dialog.report_view.notes
    assert notes.isVisibleTo(dialog) and "web.https_port holds text that is not a valid value" in notes.text()
