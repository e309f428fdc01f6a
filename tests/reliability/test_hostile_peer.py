"""A real hostile TLS peer on 127.0.0.1: `tlsgui probe` against servers that send odd certificates must report,
in bounded time, never crash; plus regression tests of each odd certificate through crypto/peer.py."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import ssl
import threading
import time

import pytest
from conftest import run_cli
from cryptography.hazmat.primitives.asymmetric import ed25519

from reliability.odd_certs import DER, Pki, build, key_pem, patched, pem
from tlsgui.crypto import peer
from tlsgui.crypto.importer import read_bundle
from tlsgui.errors import TlsguiError

#: The probe's per-connection time-out here; a whole probe makes about a dozen connections.
TIMEOUT = "2"
#: The test server ends by itself after this many seconds, even if a test never stops it.
SERVER_LIFETIME = 60.0


@pytest.fixture(scope="module")
def pki():
    return Pki()


@contextlib.contextmanager
def raw_server(behaviour, hold: bool = True):
    """A TCP server on 127.0.0.1 that does `behaviour(conn)` with every connection; stops on exit or by itself.

    `hold` keeps each connection open until the server stops (a silent peer), else it is closed after
    `behaviour`."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop, ends, held = threading.Event(), time.monotonic() + SERVER_LIFETIME, []

    def loop():
        while not stop.is_set() and time.monotonic() < ends:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(conn)
            with contextlib.suppress(OSError):
                behaviour(conn)
            if not hold:
                held.remove(conn)
                conn.close()
        for conn in held:
            conn.close()
        listener.close()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        assert not thread.is_alive(), "the test server did not stop"


def hostile_server(tmp_path, chain_pem: bytes, key):
    """A Python ssl server sending `chain_pem` as it is (any order, any content); stops on exit or by itself."""
    (tmp_path / "chain.pem").write_bytes(chain_pem)
    (tmp_path / "key.pem").write_bytes(key_pem(key))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_ciphers("DEFAULT:@SECLEVEL=0")  # else OpenSSL refuses a chain key it cannot size ("too small")
    context.load_cert_chain(tmp_path / "chain.pem", tmp_path / "key.pem")

    def handshake(conn):
        conn.settimeout(3)
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.recv(1)

    return raw_server(handshake, hold=False)


def _probe(port: int):
    started = time.monotonic()
    done = run_cli("probe", f"127.0.0.1:{port}", "--json", "--timeout", TIMEOUT, timeout=90)
    elapsed = time.monotonic() - started
    assert "Traceback" not in done.stderr and "Warning" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), done.stderr
    assert elapsed < 60
    report = json.loads(done.stdout)
    listener = report["listeners"][0]
    return {check["name"]: check for check in listener["checks"]}, listener


CASES = {
    # name: (the chain served, the server key, words the report must show). OpenSSL refuses to serve a leaf
    # whose extensions are invalid (X509V3: INVALID_CERTIFICATE), but sends whatever follows the leaf as it is.
    "damaged_san": lambda p: ([p.leaf(), p.damaged_san_leaf(), p.inter, p.root], p.leaf_key, "cannot be read"),
    "duplicate_san": lambda p: ([p.leaf(), p.duplicate_san_leaf(), p.inter, p.root], p.leaf_key, "cannot be read"),
    "unknown_key_intermediate": lambda p: ([p.leaf(), p.unknown_key_intermediate(), p.root], p.leaf_key,
                                           "cannot be read"),
    "wrong_order": lambda p: ([p.leaf(), p.root, p.inter], p.leaf_key, "out of order"),
    "expired_intermediate": lambda p: ([p.leaf(), p.expired_intermediate(), p.root], p.leaf_key, "expired"),
    "huge_san_list": lambda p: ([p.leaf(sans=tuple(f"host{i}.example.com" for i in range(2500))), p.inter, p.root],
                                p.leaf_key, "verify OK"),
    "control_characters_in_name": lambda p: ([p.leaf(cn="evil\x1b[2J\x07name"), p.inter, p.root], p.leaf_key,
                                             "verify OK"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_probe_reports_a_hostile_peer(pki, tmp_path, case):
    chain, key, words = CASES[case](pki)
    with hostile_server(tmp_path, pem(*chain), key) as port:
        checks, listener = _probe(port)
    assert checks["handshake"]["passed"] is True
    details = " ".join(f"{c['detail']} {c.get('fix', '')}" for c in checks.values())
    assert words in details, details
    assert all(name.isprintable() for name in listener["facts"]["chain"])
    if case != "huge_san_list" and case != "control_characters_in_name":
        assert any(c["passed"] is False for c in checks.values())


def test_probe_reports_an_ed25519_leaf(pki, tmp_path):
    """An Ed25519 server key: OpenSSL serves it; the report names it (4D cannot use it, the probe must not care)."""
    key = ed25519.Ed25519PrivateKey.generate()
    leaf = build("localhost", key, "Odd Intermediate", pki.int_key, sans=("localhost",))
    with hostile_server(tmp_path, pem(leaf, pki.inter, pki.root), key) as port:
        checks, listener = _probe(port)
    assert checks["handshake"]["passed"] is True
    assert listener["facts"]["chain"][0] == "CN=localhost"
    assert checks["chain_order"]["passed"] is True


# Each odd certificate through the functions the probe calls, and through the importer (same rule there).

def _odd(pki):
    return {"damaged_san": pki.damaged_san_leaf(), "duplicate_san": pki.duplicate_san_leaf(),
            "unknown_key": pki.unknown_key_intermediate()}


@pytest.mark.parametrize("name", ["damaged_san", "duplicate_san", "unknown_key"])
def test_odd_certificate_is_described_not_raised(pki, name):
    der = _odd(pki)[name]
    assert peer.describe(der).startswith("(unreadable certificate) The certificate")
    assert peer.is_self_signed(der) is False
    assert peer.names_of(der) == [] and peer.name_covered(der, "localhost") is False
    problems = peer.chain_problems([der, pki.inter.public_bytes(DER), pki.root.public_bytes(DER)])
    assert problems[0].startswith("certificate 1 cannot be read")
    with pytest.raises(TlsguiError, match="Certificate 1 of the file"):
        peer.chain_ders(pem(der))
    with pytest.raises(TlsguiError, match="damaged|algorithm"):
        read_bundle(pem(der), "odd.pem")


def test_duplicate_extension_is_refused_by_the_importer_in_words(pki):
    """Regression: x509.DuplicateExtension is not a ValueError and escaped importer.readable()."""
    with pytest.raises(TlsguiError, match="Duplicate 2.5.29.17 extension"):
        read_bundle(pem(pki.duplicate_san_leaf()), "dup.pem")


def test_asn1_errors_are_short_words(pki):
    """Regression: cryptography's ASN.1 errors are Rust debug dumps; the message keeps the kind and the place."""
    text = peer.describe(pki.damaged_san_leaf())
    assert "invalid ASN.1, UnexpectedTag in subject_alternative_name" in text and "{" not in text


def test_control_characters_in_a_subject_are_escaped(pki):
    der = pki.leaf(cn="evil\x1b[2Jname").public_bytes(DER)
    assert peer.describe(der) == "CN=evil\\x1b[2Jname"


def test_der_to_pem_needs_no_parsing():
    """Any bytes the server sent can be re-armoured for OpenSSL (which decides what it accepts)."""
    assert peer.der_to_pem(b"\x30\x03\x02\x01\x05").startswith(b"-----BEGIN CERTIFICATE-----\nMAMCAQU=\n")


PEERS = {
    # name: (what the server does, words of the failed handshake check)
    "silent": (lambda conn: None, "no handshake within 1 s"),
    "closes": (lambda conn: conn.close(), "the server closed the connection"),  # EOF or a reset: timing
    "garbage": (lambda conn: conn.sendall(b"\x16\x03\x01\xff\xff" + b"\x00" * 64), "WRONG_VERSION|LENGTH|PACKET|EOF"),
}


@pytest.mark.parametrize("peer_name", sorted(PEERS))
def test_probe_of_a_peer_that_never_handshakes_is_bounded(peer_name):
    behaviour, words = PEERS[peer_name]
    with raw_server(behaviour) as port:
        started = time.monotonic()
        done = run_cli("probe", f"127.0.0.1:{port}", "--json", "--timeout", "1", timeout=60)
        elapsed = time.monotonic() - started
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert elapsed < 15
    check = {c["name"]: c for c in json.loads(done.stdout)["listeners"][0]["checks"]}["handshake"]
    assert check["passed"] is False
    assert re.search(words, check["detail"], re.I), check["detail"]


def test_key_pem_of_an_unknown_type_is_refused_in_words(pki):
    """Regression: the preview's key match raised UnsupportedAlgorithm for a key.pem of an unknown algorithm."""
    import base64

    from cryptography.hazmat.primitives import serialization

    der = ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    odd = der.replace(b"\x06\x03\x2b\x65\x70", b"\x06\x03\x2b\x65\x63")  # an OID no library knows
    key = b"-----BEGIN PRIVATE KEY-----\n" + base64.encodebytes(odd) + b"-----END PRIVATE KEY-----\n"
    with pytest.raises(TlsguiError, match="key of a type tlsgui and 4D cannot use"):
        peer.key_cert_index(key, [pki.root.public_bytes(DER)])


def test_a_negative_serial_number_is_read_without_a_warning(pki):
    """Regression (`make fuzz`): cryptography warns when `serial_number` is read, and the summary read it unfiltered;
    the probe's reader must not warn either."""
    import warnings

    from tlsgui.crypto.summary import certificate_summary

    cert = pki.leaf()
    serial = cert.serial_number.to_bytes(20, "big")
    assert serial[0] < 0x80
    der = patched(cert, pki.int_key, b"\x02\x14" + serial, b"\x02\x14" + bytes([serial[0] | 0x80]) + serial[1:])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        imported = read_bundle(pem(der), "negative.pem")
        summary = certificate_summary(imported.certificates[0])
        assert peer.describe(der) == "CN=localhost" and peer.chain_problems([der, pki.inter.public_bytes(DER)]) == []
    assert not caught, [str(w.message) for w in caught]
    assert summary["serial"].startswith("-")
