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
