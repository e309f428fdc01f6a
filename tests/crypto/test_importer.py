"""Whatever a CA sends is read, and the chain is ordered leaf → intermediates without the root."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from crypto.conftest import make_cert, pem, pem_key, rsa_key
from tlsgui.crypto.importer import order_chain, read_bundle
from tlsgui.crypto.keys import same_key
from tlsgui.errors import TlsguiError


def der(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def subjects(certs) -> list[str]:
    return [c.subject.rfc4514_string() for c in certs]


def test_pem_any_order_ordered_root_left_out(ca):
    bundle = pem(ca.root) + pem(ca.inter) + pem(ca.leaf)
    chain = order_chain(read_bundle(bundle).certificates)
    assert chain.certificates == [ca.leaf, ca.inter]
    assert chain.root == ca.root and chain.missing_issuer == ""
    assert any("Left out the root certificate CN=tlsgui Test Root" in n for n in chain.notices())


def test_duplicates_dropped_and_crlf_accepted(ca):
    bundle = (pem(ca.inter) + pem(ca.leaf) + pem(ca.inter)).replace(b"\n", b"\r\n")
    imported = read_bundle(bundle)
    assert imported.notices == []
    chain = order_chain(imported.certificates)
    assert chain.certificates == [ca.leaf, ca.inter] and chain.duplicates == 1
    assert "Dropped 1 duplicate certificate(s)." in chain.notices()


def test_cr_only_converted_with_notice(ca):
    imported = read_bundle((pem(ca.leaf) + pem(ca.inter)).replace(b"\n", b"\r"), "mac.pem")
    assert len(imported.certificates) == 2
    assert any("CR-only (old Mac) line endings, which 4D rejects; converted to LF" in n for n in imported.notices)


def test_missing_intermediate_reported(ca):
    chain = order_chain(read_bundle(pem(ca.leaf)).certificates)
    assert chain.certificates == [ca.leaf]
    assert chain.missing_issuer == "CN=tlsgui Test Intermediate"


def test_der_pkcs7_and_unrelated_certificates(ca):
    assert read_bundle(der(ca.leaf)).certificates == [ca.leaf]
    p7 = pkcs7.serialize_certificates([ca.root, ca.leaf, ca.inter], serialization.Encoding.DER)
    chain = order_chain(read_bundle(p7).certificates)
    assert chain.certificates == [ca.leaf, ca.inter]
    p7_pem = pkcs7.serialize_certificates([ca.inter, ca.leaf], serialization.Encoding.PEM)
    assert order_chain(read_bundle(p7_pem).certificates).certificates == [ca.leaf, ca.inter]
    other_root_key = rsa_key()
    stranger = make_cert("Another CA", other_root_key.public_key(), None, other_root_key, ca=True)
    chain = order_chain(read_bundle(pem(ca.leaf) + pem(stranger) + pem(ca.inter)).certificates)
    assert chain.certificates == [ca.leaf, ca.inter] and chain.unrelated == [stranger]


def test_two_server_certificates_refused(ca):
    other = ca.issue("other.example.com", ca.other_key.public_key())
    with pytest.raises(TlsguiError, match="2 unrelated server certificates"):
        order_chain(read_bundle(pem(ca.leaf) + pem(other)).certificates)


@pytest.mark.parametrize("password", [b"s3cret", None])
def test_pkcs12_with_and_without_password(ca, password):
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    data = pkcs12.serialize_key_and_certificates(b"www", ca.leaf_key, ca.leaf, [ca.inter, ca.root], encryption)
    imported = read_bundle(data, "site.pfx", password)
    assert same_key(imported.keys[0], ca.leaf_key)
    assert order_chain(imported.certificates).certificates == [ca.leaf, ca.inter]


def test_pkcs12_password_errors(ca):
    data = pkcs12.serialize_key_and_certificates(b"www", ca.leaf_key, ca.leaf, None,
                                                 serialization.BestAvailableEncryption(b"right"))
    with pytest.raises(TlsguiError, match="The password does not open this PKCS#12 file"):
        read_bundle(data, "site.pfx", b"wrong")
    with pytest.raises(TlsguiError, match="protected by a password, and none was given"):
        read_bundle(data, "site.pfx")
    keyless = pkcs12.serialize_key_and_certificates(b"www", None, ca.leaf, None, serialization.NoEncryption())
    imported = read_bundle(keyless, "nokey.p12")
    assert imported.keys == [] and imported.pkcs12_without_key
    assert any("holds no private key" in n for n in imported.notices)


@pytest.mark.parametrize("kind", ["pkcs8", "pkcs8-encrypted", "traditional", "traditional-encrypted"])
def test_key_formats(ca, kind):
    password = b"pw" if kind.endswith("encrypted") else None
    data = pem_key(ca.leaf_key, password, traditional=kind.startswith("traditional"))
    label = b"ENCRYPTED PRIVATE KEY" if kind == "pkcs8-encrypted" else (
        b"RSA PRIVATE KEY" if kind.startswith("traditional") else b"PRIVATE KEY")
    assert b"-----BEGIN " + label in data
    imported = read_bundle(data + pem(ca.leaf), "bundle.pem", password)
    assert same_key(imported.keys[0], ca.leaf_key)
    if password:
        with pytest.raises(TlsguiError, match="encrypted with a password, and none was given"):
            read_bundle(data, "key.pem")
        with pytest.raises(TlsguiError, match="The password does not open this private key"):
            read_bundle(data, "key.pem", b"nope")


def test_ec_key(ec_key):
    imported = read_bundle(pem_key(ec_key, traditional=True))
    assert same_key(imported.keys[0], ec_key)


def test_pem_extracted_from_an_email(ca):
    mail = (b"From: ca@example.net\nSubject: Your certificate\n\nDear customer,\nhere is your certificate:\n\n"
            + pem(ca.leaf) + b"\nand the intermediate:\n" + pem(ca.inter) + b"\nRegards,\nThe CA\n")
    imported = read_bundle(mail, "mail.txt")
    assert order_chain(imported.certificates).certificates == [ca.leaf, ca.inter]
    assert any("ignored the text around the PEM blocks" in n for n in imported.notices)
    quoted = b"".join(b"> " + line + b"\n" for line in mail.splitlines())
    imported = read_bundle(quoted, "reply.txt")
    assert order_chain(imported.certificates).certificates == [ca.leaf, ca.inter]
    assert any("removed the e-mail quote marks" in n for n in imported.notices)


BAD = {
    "empty": (b"", "The file is empty."),
    "blank": (b"\n\n  \n", "The file is empty."),
    "garbage": (bytes(range(256)) * 4, "neither PEM, DER, PKCS#7 nor PKCS#12"),
    "text": (b"hello, this is not a certificate\n", "holds no PEM block"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_files(name):
    data, words = BAD[name]
    with pytest.raises(TlsguiError, match=words.replace(".", r"\.").replace("(", r"\(").replace("#", "#")):
        read_bundle(data, name)


def test_damaged_pem(ca):
    text = pem(ca.leaf).decode()
    lines = text.splitlines()
    corrupted = "\n".join(lines[:3] + [lines[3][:10] + "!!!*" + lines[3][14:]] + lines[4:]) + "\n"
    with pytest.raises(TlsguiError, match="CERTIFICATE block number 1 is damaged: its base64 text is corrupted"):
        read_bundle(corrupted.encode())
    truncated = "\n".join(lines[:8]) + "\n"
    with pytest.raises(TlsguiError, match="'BEGIN CERTIFICATE' has no matching END line: the file is truncated"):
        read_bundle(truncated.encode())
    no_begin = "\n".join(lines[1:]) + "\n"
    with pytest.raises(TlsguiError, match="The line '-----BEGIN CERTIFICATE-----' is missing"):
        read_bundle(no_begin.encode())
    body_only = "\n".join(lines[1:-1]) + "\n"
    with pytest.raises(TlsguiError, match="base64 certificate data without its"):
        read_bundle(body_only.encode())
    cut_body = "\n".join(lines[:5] + lines[-1:]) + "\n"  # valid base64, incomplete DER
    with pytest.raises(TlsguiError, match="damaged or truncated: it is not a readable certificate"):
        read_bundle(cut_body.encode())


def test_csr_and_key_where_a_certificate_was_expected(ca, tmp_path):
    from tlsgui.crypto.csr import CsrFields, build_csr

    csr = build_csr(ca.leaf_key, CsrFields("www.example.com"))
    with pytest.raises(TlsguiError, match=r"This is a certificate request \(CSR\), not a certificate"):
        read_bundle(csr)
    csr_der = base64.b64decode(b"".join(csr.splitlines()[1:-1]))
    with pytest.raises(TlsguiError, match=r"certificate request \(CSR\)"):
        read_bundle(csr_der)
    imported = read_bundle(pem_key(ca.leaf_key))
    with pytest.raises(TlsguiError, match="The files hold no certificate, only a private key"):
        order_chain(imported.certificates)


def test_over_one_mebibyte(ca):
    with pytest.raises(TlsguiError, match="limit 1 MiB"):
        read_bundle(pem(ca.leaf) * 1000)


def test_root_not_sent_is_normal_when_intermediates_are(ca):
    chain = order_chain(read_bundle(pem(ca.inter) + pem(ca.leaf)).certificates)
    assert chain.certificates == [ca.leaf, ca.inter]
    assert chain.missing_issuer == "" and chain.top_issuer == "CN=tlsgui Test Root"


def test_password_given_for_an_unencrypted_key_is_ignored(ca):
    imported = read_bundle(pem_key(ca.leaf_key), "key.pem", b"not needed")
    assert same_key(imported.keys[0], ca.leaf_key)
    with pytest.raises(TlsguiError, match=r"The private key cannot be read \(damaged or truncated\)"):
        read_bundle(pem_key(ca.leaf_key).replace(b"MII", b"MIJ", 1), "key.pem", b"not needed")
