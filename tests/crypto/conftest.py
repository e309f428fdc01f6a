"""Fixtures for certificate tests: session keys, a test CA (root → intermediate → leaf), openssl helpers."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tlsgui.project.locate import ProjectPaths
from tlsgui.project.pending import save_pending_key

NOW = datetime.now(timezone.utc)


def rsa_key(bits: int = 2048):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def pem_key(key, password: bytes | None = None, traditional: bool = False) -> bytes:
    fmt = serialization.PrivateFormat.TraditionalOpenSSL if traditional else serialization.PrivateFormat.PKCS8
    enc = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, fmt, enc)


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def make_cert(cn: str, public_key, issuer: x509.Certificate | None, issuer_key, *, ca: bool = False,
              sans: tuple[str, ...] | None = None, start: datetime | None = None, days: int = 90,
              eku=(ExtendedKeyUsageOID.SERVER_AUTH,)) -> x509.Certificate:
    """A certificate signed by `issuer_key` (self-signed when `issuer` is None), SHA-256."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    start = start or NOW - timedelta(days=1)
    builder = (x509.CertificateBuilder().subject_name(subject)
               .issuer_name(issuer.subject if issuer else subject).public_key(public_key)
               .serial_number(x509.random_serial_number())
               .not_valid_before(start).not_valid_after(start + timedelta(days=days))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                                        critical=True)
    else:
        names = sans if sans is not None else (cn,)
        if names:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]),
                                            critical=False)
        if eku:
            builder = builder.add_extension(x509.ExtendedKeyUsage(list(eku)), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass
class TestCA:
    root_key: object
    root: x509.Certificate
    inter_key: object
    inter: x509.Certificate
    leaf_key: object
    leaf: x509.Certificate
    other_key: object  # a second key: certificates for it do not match leaf_key

    def issue(self, cn: str, public_key=None, **kw) -> x509.Certificate:
        return make_cert(cn, public_key or self.leaf_key.public_key(), self.inter, self.inter_key, **kw)


@pytest.fixture(scope="session")
def ca() -> TestCA:
    root_key, inter_key, leaf_key, other_key = rsa_key(), rsa_key(), rsa_key(), rsa_key()
    root = make_cert("tlsgui Test Root", root_key.public_key(), None, root_key, ca=True, days=3650)
    inter = make_cert("tlsgui Test Intermediate", inter_key.public_key(), root, root_key, ca=True, days=1825)
    leaf = make_cert("www.example.com", leaf_key.public_key(), inter, inter_key,
                     sans=("www.example.com", "example.com"))
    return TestCA(root_key, root, inter_key, inter, leaf_key, leaf, other_key)


@pytest.fixture(scope="session")
def ec_key():
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture
def pending_project(demo, ca) -> Path:
    """The demo project with the test leaf's key stored as its pending key (as after `tlsgui key`)."""
    save_pending_key(ProjectPaths(demo), ca.leaf_key)
    return demo


def openssl(*args, input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the openssl CLI; returns the completed process (stdout+stderr as text)."""
    return subprocess.run(["openssl", *map(str, args)], input=input, capture_output=True, timeout=60)


def out(done: subprocess.CompletedProcess) -> str:
    return (done.stdout + done.stderr).decode(errors="replace")


def cli(capsys, *args) -> tuple[int, str, str]:
    """Run a tlsgui command in-process (fast); an uncaught exception (a traceback) fails the test."""
    from tlsgui.cli import main

    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err
