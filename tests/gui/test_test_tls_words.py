"""Test TLS in the window's words: nothing to test says so, fixes are buttons, never command lines."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from gui.conftest import write_cert
from tlsgui.preview.report import Check, ListenerReport, Report
from tlsgui.widgets import check_report
from tlsgui.widgets.job_progress import format_duration

RUN_MS = 30_000


def test_the_fresh_demo_has_nothing_to_test_and_offers_the_three_switches(qtbot, window):
    window.test_action.trigger()
    dialog = window.test_dialog
    view = dialog.report_view
    assert not dialog.running and dialog.job.pid in (None, 0)  # no child started for nothing
    text = view.summary.text()
    assert "Nothing to test: HTTPS, client-server encryption and SQL TLS are off." in text
    assert "passed" not in text and "✔" not in text
    assert view.remedies.texts() == ["Web: Enable HTTPS", "Client-server: Encrypt Client-Server Communications",
                                     "SQL: Enable TLS"]
    assert all(button.isVisibleTo(dialog) for button in view.remedies.buttons)
    # The SQL button shows the SQL page with the keyboard focus on its TLS switch.
    view.remedies.buttons[2].click()
    assert window.current_page_name() == "sql"
    assert window.focusWidget() is window.page("sql").editor("sql.tls_enabled")


def test_a_report_with_only_information_rows_never_says_all_passed(qtbot):
    view = check_report.CheckReportView()
    qtbot.addWidget(view)
    http = ListenerReport("web_http", "Web server (HTTP)", "127.0.0.1", 8080, False,
                          (Check("https_redirect", "HTTP redirects to HTTPS", None, "HTTPS is off"),))
    view.show_report(Report("demo", (http,)))
    text = view.summary.text()
    assert "No pass/fail checks ran" in text and "All" not in text and "✔" not in text
    assert len(view.remedies.buttons) == 3


def test_plural_forms_and_status_words(qtbot):
    view = check_report.CheckReportView()
    qtbot.addWidget(view)
    https = ListenerReport("web_https", "Web server (HTTPS)", "127.0.0.1", 8443, True,
                           (Check("handshake", "TLS handshake", True, "TLS 1.3"),))
    view.show_report(Report("demo", (https,)))
    assert "All 1 check passed" in view.summary.text()
    assert view.item("web_https", "handshake").text(0) == "✔ Passed: TLS handshake"
    failing = ListenerReport("web_https", "Web server (HTTPS)", "127.0.0.1", 8443, True,
                             (Check("handshake", "TLS handshake", True), Check("hsts", "HSTS header", False,
                                                                                reason="Turn on HSTS.")))
    view.show_report(Report("demo", (failing,)))
    assert "1 of 2 checks failed" in view.summary.text()
    assert view.item("web_https", "hsts").text(0) == "✘ Failed: HSTS header"
    assert view.item("web_https").text(0).startswith("✘ Failed: Web server (HTTPS)")


def test_no_certificate_offers_buttons_not_commands(qtbot, open_window, demo, prompts, rsa_key):
    # key.pem without cert.pem: a half-installed pair stops the servers (with neither file, 4D serves its
    # built-in certificate and the test runs).
    write_cert(demo, rsa_key)
    (demo / "cert.pem").unlink()
    window = open_window(demo)
    window.document.push_setting("web.https_enabled", True)
    window.test_action.trigger()
    dialog = window.test_dialog
    qtbot.waitUntil(lambda: not dialog.running, timeout=RUN_MS)
    view = dialog.report_view
    text = view.summary.text()
    assert "cert.pem is missing" in text
    assert "tlsgui " not in text and "PROJECT" not in text and "--cn" not in text
    assert "Make a development certificate" in text
    assert view.remedies.texts() == ["Make a Development Certificate…", "Install a Certificate…"]
    view.remedies.buttons[0].click()  # opens the wizard straight on the development certificate
    from tlsgui.wizard.ids import PageId

    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.currentId() == PageId.DEVELOPMENT
    # The page makes its key in the background; closing while it works would ask first (and the recorded
    # answer is No), so wait for it, then close: nothing is left running for the next test.
    qtbot.waitUntil(lambda: not wizard.context.busy, timeout=RUN_MS)
    wizard.reject()
    assert not wizard.isVisible()


def test_a_refused_chain_order_fix_names_no_command(qtbot, open_window, demo, rsa_key, tmp_path):
    write_cert(demo, rsa_key)
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    write_cert(stranger, ec.generate_private_key(ec.SECP256R1()), names=("other.example.com",))
    # The server certificate second: the preview refuses the order, as 4D's server would send the wrong one.
    (demo / "cert.pem").write_bytes((stranger / "cert.pem").read_bytes() + (demo / "cert.pem").read_bytes())
    window = open_window(demo)
    window.document.push_setting("web.https_enabled", True)
    window.test_action.trigger()
    dialog = window.test_dialog
    qtbot.waitUntil(lambda: not dialog.running, timeout=RUN_MS)
    fix = dialog.report_view.fix_text("files", "chain_order")
    assert fix.startswith("Fix: ") and "tlsgui " not in fix, fix
    assert dialog.report_view.remedies.texts() == ["Install a Certificate…"]


@pytest.mark.parametrize(("ms", "text"), [(0, "under 0.1 s"), (40, "0.1 s"), (430, "0.4 s"), (2_500, "2.5 s"),
                                          (12_000, "12 s"), (65_000, "1:05")])
def test_done_in_is_never_zero_for_a_sub_second_run(ms, text):
    assert format_duration(ms) == text


def test_an_unreadable_cert_pem_offers_install_not_a_command(qtbot, open_window, demo, rsa_key):
    write_cert(demo, rsa_key)
    (demo / "cert.pem").write_text("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")
    window = open_window(demo)
    window.document.push_setting("web.https_enabled", True)
    window.test_action.trigger()
    dialog = window.test_dialog
    qtbot.waitUntil(lambda: not dialog.running, timeout=RUN_MS)
    text = dialog.report_view.summary.text()
    assert "cert.pem" in text and "tlsgui " not in text, text
    assert dialog.report_view.remedies.texts() == ["Install a Certificate…"]
