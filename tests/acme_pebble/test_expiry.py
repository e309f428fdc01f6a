"""The expiry watch: warn from 30 days (a third of the lifetime when shorter), error when expired, --ics."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tlsgui.model.facts import CertFacts, FileFacts
from tlsgui.model.settings import Settings
from tlsgui.policy.findings import Severity
from tlsgui.policy.validation import validate
from tlsgui.project.demo import write_demo

NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.timezone.utc)
DAY = datetime.timedelta(days=1)


def _date_problems(not_before, not_after):
    cert = CertFacts("CN=shop.example.test", "CN=CA", "ECDSA", 256, not_before, not_after, ("shop.example.test",),
                     False, "sha256", True, True)
    facts = FileFacts(key_present=True, cert_present=True, cert=cert, read_at=NOW)
    return [p for p in validate(Settings(), facts) if p.key == "files.cert" and "expire" in p.message]


@pytest.mark.parametrize("lifetime_days, left, severity", [
    (90, 31 * DAY, None),  # Let's Encrypt's 90 days, renewed at 60: never warns
    (90, 29 * DAY, Severity.WARNING),
    (398, 100 * DAY, None),
    (47, 16 * DAY, None),  # 2029's 47 days: a third is 15.7 days
    (47, 15 * DAY, Severity.WARNING),
    (6, 3 * DAY, None),  # a 6-day certificate would warn for its whole life with a 30-day rule
    (6, 1.5 * DAY, Severity.WARNING),
    (90, -DAY, Severity.ERROR),
])
def test_warning_period_follows_the_lifetime(lifetime_days, left, severity):
    not_after = NOW + left
    problems = _date_problems(not_after - lifetime_days * DAY, not_after)
    assert [p.severity for p in problems] == ([severity] if severity else [])


def _install_cert(project, not_before, not_after, tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "shop.example.test")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(not_before).not_valid_after(not_after)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("shop.example.test")]), critical=False)
            .sign(key, hashes.SHA256()))
    (tmp_path / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "k.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                       serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    done = subprocess.run([sys.executable, "-m", "tlsgui", "install", str(project), str(tmp_path / "c.pem"),
                           "--key", str(tmp_path / "k.pem"), "--force"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_check_warns_and_writes_an_ics_event(tmp_path):
    project = write_demo(tmp_path / "Shop")
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    not_after = now + 10 * DAY
    _install_cert(project, now - 80 * DAY, not_after, tmp_path)
    ics = tmp_path / "out" / "expiry.ics"
    done = subprocess.run([sys.executable, "-m", "tlsgui", "check", str(project), "--ics", str(ics)],
                          capture_output=True, text=True, timeout=60)
    assert "The certificate expires in 9 days" in done.stdout or "expires in 10 days" in done.stdout, done.stdout
    text = ics.read_bytes().decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert f"DTSTART:{not_after:%Y%m%dT%H%M%SZ}" in text
    assert re.findall(r"TRIGGER;RELATED=START:-PT(\d+)S", text) == [str(30 * 86400), str(86400)]
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "tlsgui renew" in text.replace("\r\n ", "")


def test_check_errors_when_expired(tmp_path):
    project = write_demo(tmp_path / "Shop")
    now = datetime.datetime.now(datetime.timezone.utc)
    _install_cert(project, now - 90 * DAY, now - DAY, tmp_path)
    done = subprocess.run([sys.executable, "-m", "tlsgui", "check", str(project)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1 and "expired on" in done.stdout


def test_ics_without_a_certificate_writes_nothing(tmp_path):
    project = write_demo(tmp_path / "Shop")
    ics = tmp_path / "expiry.ics"
    done = subprocess.run([sys.executable, "-m", "tlsgui", "check", str(project), "--ics", str(ics)],
                          capture_output=True, text=True, timeout=60)
    assert not ics.exists() and "no calendar event written" in done.stderr
