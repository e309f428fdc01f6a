"""One host matcher: validation, the certificate checks and the probe give the same answer for every host form."""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tlsgui.crypto.checks import check_certificate
from tlsgui.crypto.peer import name_covered
from tlsgui.crypto.summary import cert_facts
from tlsgui.model.facts import FileFacts
from tlsgui.model.settings import Settings
from tlsgui.policy.hosts import covers, normalise
from tlsgui.policy.validation import validate

NOW = datetime.now(timezone.utc)
SANS = ("www.example.com", "*.apps.example.com", "xn--bcher-kva.example", "::1", "127.0.0.1", "::ffff:10.0.0.7")

# (host as a person types it, covered by SANS): the cases where copies of the matcher used to disagree.
CASES = [
    ("www.example.com", True),
    ("WWW.Example.COM.", True),
    ("example.com", False),  # a wildcard never covers its parent
    ("shop.apps.example.com", True),
    ("a.shop.apps.example.com", False),  # nor two labels
    ("apps.example.com", False),
    ("bücher.example", True),  # IDNA: the SAN holds the A-label
    ("xn--bcher-kva.example", True),
    ("BÜCHER.example", True),
    ("0:0::1", True),  # the same IPv6 address as ::1, written long
    ("0000:0000:0000:0000:0000:0000:0000:0001", True),
    ("[::1]", True),
    ("127.0.0.1", True),
    ("::ffff:127.0.0.1", False),  # an IPv6 address: OpenSSL compares 16 bytes with the 4-byte SAN
    ("::ffff:a00:7", True),  # the mapped SAN itself, in its other spelling
    ("10.0.0.7", False),
    ("127.0.0.2", False),
    ("1.apps.example.com", True),
]


@pytest.fixture(scope="module")
def certificate():
    key = ec.generate_private_key(ec.SECP256R1())
    entries = []
    for name in SANS:
        try:
            entries.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            entries.append(x509.DNSName(name))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "www.example.com")])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(NOW - timedelta(days=1))
            .not_valid_after(NOW + timedelta(days=90))
            .add_extension(x509.SubjectAlternativeName(entries), critical=False)
            .sign(key, hashes.SHA256()))
    return cert


@pytest.mark.parametrize("host, expected", CASES)
def test_every_user_of_the_matcher_agrees(certificate, host, expected):
    der = certificate.public_bytes(serialization.Encoding.DER)
    facts = cert_facts(certificate)
    assert covers(host, facts.names) is expected
    # the probe (served certificate)
    assert name_covered(der, host) is expected
    # the certificate checks (install, files status)
    names_check = next(c for c in check_certificate(certificate, host_names=host) if c.name == "names")
    assert names_check.passed is expected, names_check.message
    # validation of the project's settings and files; web.host_names keeps IP and IDNA forms as typed
    settings = Settings().replace(**{"web.host_names": host.strip("[]")})
    uncovered = [p for p in validate(settings, FileFacts(key_present=True, cert_present=True, cert=facts, read_at=NOW))
                 if p.key == "web.host_names"]
    assert (not uncovered) is expected, uncovered


def test_normalised_forms():
    assert normalise("0:0::1") == normalise("::1") == "::1"
    assert normalise("[::1]") == "::1"
    assert normalise("WWW.Example.com.") == "www.example.com"
    assert normalise("*.Bücher.example") == "*.xn--bcher-kva.example"
    assert normalise("::ffff:127.0.0.1") == "::ffff:7f00:1" != normalise("127.0.0.1")


def test_a_wildcard_never_covers_an_ip_address():
    assert not covers("10.0.0.1", ["*.0.0.1"])
    assert not covers("1.2.3.4", ["*"])
