"""`check` verifies cert.pem offline as a browser would: Mozilla's roots (certifi) and cryptography's WebPKI verifier."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from conftest import run_cli
from cryptography import x509

from tlsgui.crypto.trust import check_trust, mozilla_roots

NOW = datetime.now(timezone.utc)


def certs(*pems: bytes) -> list[x509.Certificate]:
    return [cert for pem in pems for cert in x509.load_pem_x509_certificates(pem)]


def checked(root) -> dict:
    done = run_cli("check", root, "--json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def messages(data: dict, severity: str) -> list[str]:
    return [p["message"] for p in data["problems"] if p["severity"] == severity]


def test_chain_to_an_unknown_root_is_graded_t(tls_project, pki):
    # Defect 4: a leaf from an unknown CA, installed with its chain, was graded A with no problem.
    data = checked(tls_project(cert=pki.chain + pki.root))
    warnings = messages(data, "warning")
    assert any(m.startswith("Unknown root: O=tlsgui tests,CN=tlsgui test root is not in Mozilla's root store")
               for m in warnings), warnings
    assert data["grade"]["grade"] == "T" and data["grade"]["if_trusted"] == "A+"
    assert data["grade"]["reasons"][0].startswith("Unknown root:")


def test_incomplete_chain_is_said_in_words(tls_project, pki):
    data = checked(tls_project(cert=pki.leaf))
    assert any("Incomplete chain or unknown CA: cert.pem ends with O=tlsgui tests,CN=localhost, issued by "
               "O=tlsgui tests,CN=tlsgui test intermediate" in m for m in messages(data, "warning")), data
    assert data["grade"]["grade"] == "T"


def test_incomplete_chain_a_browser_can_complete_is_a_warning_not_t(tls_project, odd_leaves):
    # SSL Labs fetches a missing intermediate from the AIA address ("Extra download") and still trusts the
    # chain; Firefox, curl and 4D's clients do not. So: a warning, and no T for that reason.
    data = checked(tls_project(cert=odd_leaves["aia"]))
    warnings = messages(data, "warning")
    assert any(m.startswith("Incomplete chain: cert.pem ends with O=tlsgui tests,CN=localhost") and
               "http://ca.example.test/intermediate.der" in m for m in warnings), warnings
    assert data["grade"]["grade"] == "A+", data["grade"]


def test_wrong_key_usage_is_an_error_even_under_the_projects_own_root(tls_project, pki, odd_leaves):
    data = checked(tls_project(cert=odd_leaves["client_auth"] + pki.intermediate + pki.root))
    errors = messages(data, "error")
    assert any("key usage does not allow a TLS server (required EKU not found)" in m for m in errors), errors
    assert data["ok"] is False and data["grade"]["grade"] == "T"


def test_verifier_words_for_each_case(pki, odd_leaves):
    root = tuple(certs(pki.root))
    good = check_trust(certs(pki.chain), ("localhost",), NOW, roots=root)
    assert good.trusted and good == type(good)(True)
    wrong_host = check_trust(certs(pki.chain), ("localhost", "www.example.com"), NOW, roots=root)
    assert not wrong_host.trusted and not wrong_host.problems
    assert wrong_host.name_problems == ("The certificate does not cover www.example.com (a browser's WebPKI check).",)
    usage = check_trust(certs(odd_leaves["key_cert_sign"], pki.intermediate), ("localhost",), NOW, roots=root)
    assert not usage.trusted and "keyCertSign" in usage.usage_problems[0]
    unknown = check_trust(certs(pki.chain, pki.root), ("localhost",), NOW)
    assert not unknown.trusted and unknown.problems[0].startswith("Unknown root:")
    selfsigned = check_trust(certs(pki.selfsigned), (), NOW)
    assert selfsigned.problems == ("The certificate is self-signed: no browser trusts it unless told to.",)
    assert not selfsigned.usage_problems and not selfsigned.name_problems


def test_mozilla_roots_come_from_certifi():
    import certifi

    roots = mozilla_roots()
    assert len(roots) > 100
    assert len(roots) == open(certifi.where(), "rb").read().count(b"-----BEGIN CERTIFICATE-----")


def test_development_ca_chain_is_named_and_otherwise_clean(tmp_path):
    import os

    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    root = tmp_path / "Shop"
    for args in (("demo", root), ("devca", "create"), ("selfsigned", root, "--cn", "localhost"),
                 ("settings", root, "set", "web.https_enabled=true")):
        done = run_cli(*args, env=env)
        assert done.returncode == 0, (args, done.stderr)
    data = json.loads(run_cli("check", root, "--json", env=env).stdout)
    certs_said = [p["message"] for p in data["problems"] if p["key"] == "files.cert"]
    # One sentence about the CA; nothing else: the chain passes the WebPKI verifier under its own root.
    assert len(certs_said) == 1 and certs_said[0].startswith("Issued by tlsgui's development CA"), certs_said
    assert data["grade"]["grade"] == "T" and data["grade"]["if_trusted"] == "A"
