"""Every certificate check says the specific thing in plain words."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography import x509

from crypto.conftest import NOW, make_cert, openssl, rsa_key
from tlsgui.crypto.checks import check_certificate
from tlsgui.crypto.importer import read_bundle
from tlsgui.policy.findings import Severity, worst
from tlsgui.policy.hosts import covers


def by_name(checks, name):
    found = [c for c in checks if c.name == name]
    assert found, f"no {name} check in {checks}"
    return found[0]


def test_good_certificate_passes(ca):
    checks = check_certificate(ca.leaf, key=ca.leaf_key, host_names="www.example.com, example.com")
    assert worst(checks) is None, [c.message for c in checks if c.severity]
    assert by_name(checks, "key").message == "The certificate belongs to the private key."
    assert by_name(checks, "names").message == "Covers every host name: www.example.com, example.com."
    assert by_name(checks, "usage").message == "Allowed for TLS servers (serverAuth)."


def test_key_mismatch(ca):
    check = by_name(check_certificate(ca.leaf, key=ca.other_key), "key")
    assert check.severity is Severity.ERROR
    assert check.message.startswith("The certificate does not match the private key")


@pytest.mark.parametrize("start, days, severity, words", [
    (NOW + timedelta(days=2), 90, Severity.ERROR, "The certificate is not valid yet: it starts on"),
    (NOW - timedelta(days=100), 90, Severity.ERROR, "The certificate expired on"),
    (NOW - timedelta(days=80), 90, Severity.WARNING, "The certificate expires in 9 days"),
])
def test_dates(ca, start, days, severity, words):
    cert = ca.issue("www.example.com", start=start, days=days)
    check = by_name(check_certificate(cert), "dates")
    assert check.severity is severity and words in check.message


def test_lifetime_over_398_days(ca):
    check = by_name(check_certificate(ca.issue("www.example.com", days=399)), "lifetime")
    assert check.severity is Severity.WARNING
    assert "valid for 399 days; browsers reject server certificates valid for more than 398 days" in check.message
    assert not [c for c in check_certificate(ca.issue("www.example.com", days=398)) if c.name == "lifetime"]


def test_weak_key(ca):
    weak = rsa_key(1024)
    check = by_name(check_certificate(ca.issue("www.example.com", weak.public_key())), "strength")
    assert check.severity is Severity.ERROR and check.message == "The key (RSA 1024-bit) is too weak."


@pytest.mark.parametrize("digest", ["sha1", "md5"])
def test_sha1_md5(tmp_path, digest):
    cert_file = tmp_path / "old.pem"
    done = openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", tmp_path / "k.pem", "-out", cert_file,
                   f"-{digest}", "-subj", "/CN=old.example.com", "-days", "30")
    assert done.returncode == 0, done.stderr
    cert = read_bundle(cert_file.read_bytes()).certificates[0]
    check = by_name(check_certificate(cert), "hash")
    assert check.severity is Severity.ERROR
    assert f"signed with {digest.upper()}, which browsers reject" in check.message


def test_server_auth_eku(ca):
    from cryptography.x509.oid import ExtendedKeyUsageOID

    client_only = ca.issue("www.example.com", eku=(ExtendedKeyUsageOID.CLIENT_AUTH,))
    check = by_name(check_certificate(client_only), "usage")
    assert check.severity is Severity.ERROR and "lacks serverAuth" in check.message
    no_eku = ca.issue("www.example.com", eku=())
    assert by_name(check_certificate(no_eku), "usage").passed


def test_san_coverage(ca):
    check = by_name(check_certificate(ca.leaf, host_names="www.example.com, shop.example.com"), "names")
    assert check.severity is Severity.WARNING
    assert check.message.startswith("The certificate does not cover shop.example.com")
    wildcard = ca.issue("*.example.com", sans=("*.example.com",))
    assert by_name(check_certificate(wildcard, host_names="a.example.com"), "names").passed
    assert not by_name(check_certificate(wildcard, host_names="a.b.example.com"), "names").passed
    no_san = ca.issue("www.example.com", sans=())
    assert "no subjectAltName" in by_name(check_certificate(no_san), "names").message


def test_covers():
    assert covers("WWW.Example.com.", ["www.example.com"])
    assert covers("127.0.0.1", ["localhost", "127.0.0.1"])
    assert not covers("example.com", ["*.example.com"])
    assert not covers("10.0.0.1", ["*.0.0.1"])


def test_self_signed_and_missing_intermediate(ca):
    key = rsa_key()
    own = make_cert("dev.example.com", key.public_key(), None, key)
    check = by_name(check_certificate(own, key=key), "issuer")
    assert check.severity is Severity.WARNING and "self-signed: fine for development only" in check.message
    check = by_name(check_certificate(ca.leaf, missing_issuer="CN=tlsgui Test Intermediate"), "chain")
    assert check.severity is Severity.WARNING
    assert "The issuer certificate (CN=tlsgui Test Intermediate) is not in the files" in check.message


def test_as_json(ca):
    data = [c.as_json("check") for c in check_certificate(ca.leaf, key=ca.other_key)]
    assert {"check": "key", "severity": "error"}.items() <= data[0].items()
    assert isinstance(ca.leaf, x509.Certificate)
