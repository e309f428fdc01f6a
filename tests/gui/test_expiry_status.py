"""The expiry watch in the window: days left in the status bar, a notification inside the warning period,
and the renewal state of an ACME project on the Certificates page."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

DAY = datetime.timedelta(days=1)


def _install(project, tmp_path, days_left: float, lifetime: float = 90) -> None:
    now = datetime.datetime.now(datetime.timezone.utc)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "shop.example.com")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now + days_left * DAY - lifetime * DAY)
            .not_valid_after(now + days_left * DAY)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("shop.example.com")]), critical=False)
            .sign(key, hashes.SHA256()))
    (tmp_path / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "k.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    done = subprocess.run([sys.executable, "-m", "tlsgui", "install", str(project), str(tmp_path / "c.pem"), "--key",
                           str(tmp_path / "k.pem"), "--force"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_status_bar_days_left_and_one_notification(qtbot, open_window, demo, tmp_path):
    _install(demo, tmp_path, days_left=12.5)
    window = open_window(demo)
    qtbot.waitUntil(lambda: "left" in window.expiry_label.text(), timeout=20000)
    assert window.expiry_label.text() == "Certificate: 12 days left"
    assert "#8a5300" in window.expiry_label.styleSheet()
    assert window.expiry_notifications == ["Certificate: 12 days left"]
    window.document.refresh_facts()
    qtbot.waitUntil(lambda: window.document.facts_complete, timeout=20000)
    assert window.expiry_notifications == ["Certificate: 12 days left"]  # once per project, not per refresh


def test_no_notification_outside_the_warning_period(qtbot, open_window, demo, tmp_path):
    _install(demo, tmp_path, days_left=45.5)
    window = open_window(demo)
    qtbot.waitUntil(lambda: "left" in window.expiry_label.text(), timeout=20000)
    assert window.expiry_label.text() == "Certificate: 45 days left" and not window.expiry_notifications


def test_certificates_page_shows_the_renewal_state(qtbot, open_window, demo, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    _install(demo, tmp_path, days_left=80.5)
    state = demo / ".tlsgui" / "acme"
    state.mkdir(parents=True)
    (state / "order.json").write_text(json.dumps({"format": 1, "settings": {
        "domains": ["shop.example.com"], "directory": "https://acme-v02.api.letsencrypt.org/directory"}}))
    (state / "renew.log").write_text("2026-12-01T00:00:00+00:00 not due: a third of the lifetime is left from …\n")
    window = open_window(demo)
    window.show_page("certificates")
    page = window.page("certificates")
    qtbot.waitUntil(lambda: "due for renewal" in page.cert_renewal.text(), timeout=20000)  # once cert.pem is read
    words = page.cert_renewal.text()
    assert words.startswith("ACME (Let's Encrypt); ")
    assert "due for renewal from" in words and "no timer" in words and "last run: 2026-12-01" in words
