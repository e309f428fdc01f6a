"""`tlsgui selfsigned`: a development certificate with proper SANs and serverAuth, at most 398 days."""

from __future__ import annotations

import stat

import pytest
from conftest import run_cli, tree_bytes

from crypto.conftest import cli, openssl, out


def test_selfsigned_default_checked_with_openssl(demo):
    done = run_cli("selfsigned", demo)
    assert done.returncode == 0, done.stderr
    cert, key = demo / "cert.pem", demo / "key.pem"
    text = out(openssl("x509", "-in", cert, "-noout", "-text"))
    assert "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1" in text
    assert "TLS Web Server Authentication" in text
    assert "CA:FALSE" in text and "sha256WithRSAEncryption" in text
    verified = openssl("verify", "-CAfile", cert, cert)
    assert verified.returncode == 0 and "OK" in out(verified)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert out(openssl("pkey", "-in", key, "-pubout")) == out(openssl("x509", "-in", cert, "-noout", "-pubkey"))
    assert "self-signed: fine for development only" in done.stdout
    # Validation flags it for development only.
    check = run_cli("check", demo)
    assert "self-signed: fine for development only" in check.stdout


def test_selfsigned_names_days_ecdsa(capsys, demo):
    code, _, err = cli(capsys, "selfsigned", demo, "--cn", "dev.example.com", "--san", "DNS:api.example.com,IP:10.1.2.3",
                       "--days", "398", "--type", "ecdsa")
    assert code == 0, err
    text = out(openssl("x509", "-in", demo / "cert.pem", "-noout", "-text"))
    assert "DNS:dev.example.com, DNS:api.example.com, IP Address:10.1.2.3" in text
    assert "ecdsa-with-SHA256" in text
    dates = out(openssl("x509", "-in", demo / "cert.pem", "-noout", "-startdate", "-enddate"))
    from datetime import datetime
    start, end = (datetime.strptime(line.split("=", 1)[1], "%b %d %H:%M:%S %Y GMT")
                  for line in dates.strip().splitlines())
    assert (end - start).days == 398


@pytest.mark.parametrize("args, words", [
    (("--days", "399"), "399 days is out of range"),
    (("--days", "0"), "0 days is out of range"),
    (("--cn", ""), "The common name is empty"),
    (("--san", "DNS:-bad-.example"), "is not a valid host name or IP address"),
])
def test_selfsigned_refused(capsys, demo, args, words):
    cli(capsys, "selfsigned", demo)
    before = tree_bytes(demo)
    code, _, err = cli(capsys, "selfsigned", demo, *args)
    assert code == 2 and words in err, err
    assert tree_bytes(demo) == before


def test_selfsigned_passes_the_webpki_verifier_with_itself_as_anchor(capsys, demo):
    """Issue 16 item 5: SKI and AKI, CA:FALSE, key usage, serverAuth and SAN, so that a strict verifier
    (cryptography's x509.verification, as sslyze uses) accepts it once the user trusts the certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    from tlsgui.crypto.devca import webpki_problem
    from tlsgui.crypto.keys import load_private_key

    code, _, err = cli(capsys, "selfsigned", demo, "--self-signed", "--san", "DNS:localhost,DNS:shop.test,IP:127.0.0.1")
    assert code == 0, err
    cert = x509.load_pem_x509_certificate((demo / "cert.pem").read_bytes())
    ext = cert.extensions
    assert ext.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier == \
        ext.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert ext.get_extension_for_class(x509.BasicConstraints).critical
    for host in ("localhost", "shop.test", "127.0.0.1"):
        assert webpki_problem([cert], cert, host) is None, host
    assert "subjectAltName" in webpki_problem([cert], cert, "other.test")
    # The same certificate re-signed without its AKI is what tlsgui made before: the verifier refuses it.
    key = load_private_key((demo / "key.pem").read_bytes())
    builder = (x509.CertificateBuilder().subject_name(cert.subject).issuer_name(cert.issuer)
               .public_key(cert.public_key()).serial_number(cert.serial_number)
               .not_valid_before(cert.not_valid_before_utc).not_valid_after(cert.not_valid_after_utc))
    for extension in ext:
        if not isinstance(extension.value, x509.AuthorityKeyIdentifier):
            builder = builder.add_extension(extension.value, extension.critical)
    old = builder.sign(key, hashes.SHA256())
    assert "2.5.29.35: Certificate is missing required extension" in (webpki_problem([old], old, "localhost") or "")  # AKI
