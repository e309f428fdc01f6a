"""Regression tests for what fuzzing and the bad-input corpus found in the importer and its neighbours."""

from __future__ import annotations

import datetime

import pytest
from conftest import FIXTURES, tree_bytes
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tlsgui.crypto.dhparams import inspect_dhparams
from tlsgui.crypto.importer import read_bundle
from tlsgui.crypto.keys import load_private_key
from tlsgui.errors import TlsguiError
from tlsgui.project.settings_file import parse_settings

DER = serialization.Encoding.DER


@pytest.fixture(scope="module")
def leaf_der() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "www.example.com")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(DER)


def _pem(der: bytes) -> bytes:
    import base64

    return b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(der) + b"-----END CERTIFICATE-----\n"


def _only_words(data: bytes, *words: str) -> TlsguiError:
    with pytest.raises(TlsguiError) as caught:
        read_bundle(data, "received.crt")
    for word in words:
        assert word in str(caught.value)
    return caught.value


@pytest.mark.parametrize("wrap", [_pem, lambda der: der], ids=["pem", "der"])
def test_unknown_public_key_algorithm_is_refused_at_import(leaf_der, wrap):
    # Found by fuzzing: cryptography decodes the key lazily, so summaries and checks raised UnsupportedAlgorithm.
    ec_oid = bytes.fromhex("06072a8648ce3d0201")
    assert ec_oid in leaf_der
    damaged = leaf_der.replace(ec_oid, bytes.fromhex("0607268648ce3d0201"))
    _only_words(wrap(damaged), "algorithm that tlsgui and 4D cannot use")


def test_damaged_extension_is_refused_at_import(leaf_der):
    # Found by fuzzing: a BasicConstraints value whose SEQUENCE became a SET failed later, in cert_facts.
    value = bytes.fromhex("04023000")
    assert value in leaf_der
    _only_words(_pem(leaf_der.replace(value, bytes.fromhex("04023100"))), "damaged", "Download the file")


@pytest.mark.parametrize("wrap", [_pem, lambda der: der], ids=["pem", "der"])
def test_invalid_certificate_version_is_our_error(leaf_der, wrap):
    # Found by fuzzing: x509.InvalidVersion is not a ValueError, so it escaped every `except ValueError`.
    version = bytes.fromhex("a003020102")
    assert leaf_der.count(version) == 1
    _only_words(wrap(leaf_der.replace(version, bytes.fromhex("a00302010a"))), "damaged")


def test_request_with_invalid_version_is_still_named_a_request():
    # Found by fuzzing: x509.load_der_x509_csr raised InvalidVersion for a request whose version was 1.
    from tlsgui.crypto.csr import load_csr

    der = (FIXTURES / "bad" / "request-der.csr").read_bytes()
    version = bytes.fromhex("020100")
    damaged = der.replace(version, bytes.fromhex("020101"), 1)
    _only_words(damaged, "certificate request (CSR), not a certificate")
    with pytest.raises(TlsguiError, match="not a readable certificate request"):
        load_csr(damaged)


@pytest.mark.parametrize("armour", [False, True])
def test_pkcs7_that_is_not_signed_data_is_our_error(armour):
    # Found by fuzzing: PKCS#7 "data" content raised UnsupportedAlgorithm ("only basic signed structures").
    data_oid = bytes.fromhex("06092a864886f70d010701")
    body = data_oid + bytes.fromhex("a0030401") + b"x"
    der = b"\x30" + bytes([len(body)]) + body
    if armour:
        import base64

        _only_words(b"-----BEGIN PKCS7-----\n" + base64.encodebytes(der) + b"-----END PKCS7-----\n",
                    "PKCS#7 (.p7b) file is damaged")
    else:
        _only_words(der, "neither PEM, DER, PKCS#7 nor PKCS#12")


def test_utf16_pem_is_read_with_a_notice(leaf_der):
    text = _pem(leaf_der).decode()
    imported = read_bundle("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"), "notepad.crt")
    assert len(imported.certificates) == 1
    assert any("UTF-16" in n for n in imported.notices)


@pytest.mark.parametrize("data, words", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(64), "a JPEG image"),
    (b"PK\x03\x04" + b"-----BEGIN CERTIFICATE-----", "a ZIP archive"),
    (b"<!DOCTYPE html><html><body>404</body></html>", "a web page (HTML)"),
    (b"%PDF-1.7\n", "a PDF document"),
    (b"-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n", "a public key, not a certificate"),
    (b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n", "SSH or DSA key"),
], ids=["jpeg", "zip", "html", "pdf", "public-key", "openssh-key"])
def test_files_picked_by_mistake_are_named(data, words):
    _only_words(data, words)


def test_a_certificate_given_as_the_key_is_named(leaf_der):
    for data, der in ((_pem(leaf_der), False), (leaf_der, True)):
        with pytest.raises(TlsguiError, match="holds a certificate, not a private key"):
            load_private_key(data, where="--key", der=der)


def test_dhparams_file_that_holds_a_certificate_is_named(leaf_der):
    with pytest.raises(TlsguiError, match="holds a certificate, not DH parameters"):
        inspect_dhparams(_pem(leaf_der))


@pytest.mark.parametrize("data, words", [
    ("\ufeff<?xml version='1.0'?><preferences stamp='1'/>".encode("utf-16"), "UTF-16 text"),
    (b"<preferences\x00\x01\x02", "binary data"),
    (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "x">]><preferences stamp="1"/>', "declares XML entities"),
], ids=["utf16", "binary", "entities"])
def test_settings_reader_names_the_problem(data, words, tmp_path):
    with pytest.raises(TlsguiError, match=words):
        parse_settings(data, tmp_path / "settings.4DSettings")


def test_real_settings_files_still_parse():
    for path in sorted((FIXTURES / "settings").glob("*.4DSettings")):
        assert parse_settings(path.read_bytes(), path).to_bytes() == path.read_bytes()


def test_only_ca_certificates_say_so(demo, tmp_path):
    from tlsgui.project.install import plan_install
    from tlsgui.project.store import load_project

    bundle = FIXTURES / "bad" / "ca-certificates-only.pem"
    before = tree_bytes(demo)
    with pytest.raises(TlsguiError, match="only CA certificates"):
        plan_install(load_project(demo), [bundle])
    assert tree_bytes(demo) == before


def test_installed_cert_pem_that_cannot_be_decoded_gives_words(leaf_der, demo):
    # Found by fuzzing the installed files: `tlsgui check` and the window's facts crashed in cert_facts.
    from tlsgui.project.facts import gather_facts
    from tlsgui.project.store import load_project

    ec_oid = bytes.fromhex("06072a8648ce3d0201")
    (demo / "cert.pem").write_bytes(_pem(leaf_der.replace(ec_oid, bytes.fromhex("0607268648ce3d0201"))))
    facts = gather_facts(load_project(demo))
    assert facts.cert is None and "cannot use" in facts.cert_error


def test_key_file_holding_a_certificate_with_a_damaged_version(leaf_der):
    damaged = leaf_der.replace(bytes.fromhex("a003020102"), bytes.fromhex("a00302010a"))
    with pytest.raises(TlsguiError, match="holds a certificate, not a private key"):
        load_private_key(damaged, where="--key", der=True)


def test_ber_pkcs7_from_windows_is_read_without_noise():
    # Windows exports .p7b in BER; cryptography then warns on stderr, which the CLI showed as noise.
    import warnings

    der = (FIXTURES / "bad" / "chain.p7b").read_bytes()
    assert der[:2] == b"\x30\x82"
    ber = b"\x30\x80" + der[4:] + b"\x00\x00"  # the outer SEQUENCE with an indefinite length
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        imported = read_bundle(ber, "windows.p7b")
    assert len(imported.certificates) == 2
    assert not caught


def test_ber_pkcs12_is_read_without_noise():
    # Found by fuzzing (plan_install): cryptography warns when a .pfx needs its BER fallback.
    import warnings

    der = (FIXTURES / "bad" / "certificate-only.pfx").read_bytes()
    assert der[:2] == b"\x30\x82"
    ber = b"\x30\x80" + der[4:] + b"\x00\x00"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        imported = read_bundle(ber, "windows.pfx")
    assert len(imported.certificates) == 1 and imported.pkcs12_without_key
    assert not caught, [str(w.message) for w in caught]
