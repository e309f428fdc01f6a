"""The development CA's certificates: name constraints, leaves that pass the WebPKI verifier, refusals in words."""

from __future__ import annotations

import subprocess

import pytest
from cryptography import x509

from devca.conftest import rogue_leaf
from tlsgui.crypto.devca import issue_leaf, permitted_subtrees, webpki_problem
from tlsgui.crypto.importer import read_bundle
from tlsgui.crypto.keys import generate_key
from tlsgui.errors import TlsguiError
from tlsgui.policy import devca as rules


def openssl_verify(tmp_path, ca, leaf_pem: bytes, host: str) -> subprocess.CompletedProcess:
    (tmp_path / "ca.pem").write_bytes(ca.cert_pem())
    (tmp_path / "leaf.pem").write_bytes(leaf_pem)
    flag = "-verify_ip" if host[0].isdigit() or ":" in host else "-verify_hostname"
    return subprocess.run(["openssl", "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile",
                           str(tmp_path / "ca.pem"), flag, host, str(tmp_path / "leaf.pem")],
                          capture_output=True, text=True, timeout=30)


def test_the_ca_is_name_constrained_and_signs_leaves_only(devca):
    cert = devca.certificate
    constraints = cert.extensions.get_extension_for_class(x509.NameConstraints)
    assert constraints.critical
    dns = [n.value for n in constraints.value.permitted_subtrees if isinstance(n, x509.DNSName)]
    ips = [str(n.value) for n in constraints.value.permitted_subtrees if isinstance(n, x509.IPAddress)]
    # No leading dot: RFC 5280's dNSName constraint "localhost" covers localhost and every name below it.
    assert dns == ["localhost", "test", "local", "internal"]
    assert ips == ["127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7"]
    assert constraints.value.excluded_subtrees is None
    basic = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca and basic.value.path_length == 0
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign
    assert cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    assert cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)


@pytest.mark.parametrize("cn, sans, hosts", [
    ("localhost", ("DNS:foo.localhost", "IP:127.0.0.1", "IP:::1"), ("localhost", "foo.localhost", "127.0.0.1", "::1")),
    ("shop.test", ("DNS:api.shop.test",), ("shop.test", "api.shop.test")),
    ("printer.local", ("IP:192.168.1.20", "IP:10.0.0.5", "IP:172.16.9.1"), ("printer.local", "192.168.1.20")),
    ("app.internal", ("IP:fd00::7",), ("app.internal", "fd00::7")),
])
def test_leaves_pass_the_webpki_verifier_and_openssl(tmp_path, devca, cn, sans, hosts):
    key = generate_key("ecdsa")
    pem = issue_leaf(devca, key, cn, sans)
    chain = read_bundle(pem).certificates
    assert [c.subject for c in chain] == [chain[0].subject, devca.certificate.subject]  # leaf + CA in cert.pem
    for host in hosts:
        assert webpki_problem(chain, devca.certificate, host) is None, host
        done = openssl_verify(tmp_path, devca, pem, host)
        assert done.returncode == 0 and ": OK" in done.stdout, done.stderr
    # The verifier is not a rubber stamp: a name the leaf does not carry fails.
    assert "subjectAltName" in webpki_problem(chain, devca.certificate, "other.test")


def test_leaf_extensions_are_what_strict_verifiers_want(devca):
    key = generate_key("rsa")
    leaf = read_bundle(issue_leaf(devca, key, "localhost")).certificates[0]
    ext = leaf.extensions
    assert not ext.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = ext.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.key_encipherment and not usage.key_cert_sign
    assert [u.dotted_string for u in ext.get_extension_for_class(x509.ExtendedKeyUsage).value] == ["1.3.6.1.5.5.7.3.1"]
    ca_ski = devca.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert ext.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier == ca_ski
    assert ext.get_extension_for_class(x509.SubjectKeyIdentifier)
    lifetime = leaf.not_valid_after_utc - leaf.not_valid_before_utc
    assert lifetime.days == rules.MAX_LEAF_DAYS == 90


@pytest.mark.parametrize("name", ["www.example.com", "localhost.example.com", "test.com", "8.8.8.8", "2001:db8::1",
                                  "192.169.0.1"])
def test_a_stolen_key_cannot_impersonate_a_public_site(tmp_path, devca, name):
    """Even a leaf signed with the CA key outside tlsgui fails every verifier: the name constraints hold."""
    key = generate_key("ecdsa")
    if name[0].isdigit():
        with pytest.raises(TlsguiError, match="not a loopback or private address"):
            issue_leaf(devca, key, "localhost", (f"IP:{name}",))
        return
    with pytest.raises(TlsguiError, match="is a public name"):
        issue_leaf(devca, key, name)
    leaf = rogue_leaf(devca, key, name)
    assert "name constraint" in webpki_problem([leaf], devca.certificate, name)
    from cryptography.hazmat.primitives.serialization import Encoding

    done = openssl_verify(tmp_path, devca, leaf.public_bytes(Encoding.PEM), name)
    assert done.returncode != 0 and "permitted subtree violation" in done.stdout + done.stderr


def test_leaf_lifetime_and_names_refused_in_words(devca):
    key = generate_key("ecdsa")
    with pytest.raises(TlsguiError, match=r"91 days is out of range .* \(1 to 90 days\)"):
        issue_leaf(devca, key, "localhost", days=91)
    with pytest.raises(TlsguiError, match="--cn/--san: example.org is a public name"):
        issue_leaf(devca, key, "localhost", ("DNS:example.org",))


def test_policy_names_match_the_constraints():
    dns = {n.value for n in permitted_subtrees() if isinstance(n, x509.DNSName)}
    assert dns == set(rules.DEVELOPMENT_DNS_SUFFIXES)
    assert rules.is_development_name("Foo.LOCALHOST.") and rules.is_development_name("*.shop.test")
    assert not rules.is_development_name("localhost.com") and not rules.is_development_name("11.0.0.1")
