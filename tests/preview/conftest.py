"""Fixtures for the preview tests: a real CA chain, DH files, TLS-enabled demo projects and `tlsgui serve` runs."""

from __future__ import annotations

import datetime
import ipaddress
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

from tlsgui.project.demo import write_demo
from tlsgui.project.store import load_project, save_project

PEM = serialization.Encoding.PEM


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "tlsgui tests")])


def _cert(subject, issuer, public_key, signer, *, ca: bool, names=()):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               # As every CA's certificates: key identifiers, which strict verifiers (WebPKI) require.
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False))
    if issuer != subject or not ca:  # a root needs none; a leaf always does, self-signed or not
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), False)
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), True)
    else:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName(n) for n in names if not n[0].isdigit()]
            + [x509.IPAddress(ipaddress.ip_address(n)) for n in names if n[0].isdigit()]), False)
    return builder.sign(signer, hashes.SHA256())


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass(frozen=True)
class Pki:
    """root -> intermediate -> leaf (localhost, 127.0.0.1), a self-signed leaf and a stranger key, all PEM."""

    leaf_key: bytes
    leaf: bytes
    intermediate: bytes
    root: bytes
    selfsigned_key: bytes
    selfsigned: bytes
    other_key: bytes

    @property
    def chain(self) -> bytes:  # what a CA delivers, in TLS order (the root is not sent)
        return self.leaf + self.intermediate


def _key_pem(key) -> bytes:
    return key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


@pytest.fixture(scope="session")
def pki() -> Pki:
    root_key, inter_key, leaf_key, self_key = _key(), _key(), _key(), _key()
    root = _cert(_name("tlsgui test root"), _name("tlsgui test root"), root_key.public_key(), root_key, ca=True)
    inter = _cert(_name("tlsgui test intermediate"), root.subject, inter_key.public_key(), root_key, ca=True)
    leaf = _cert(_name("localhost"), inter.subject, leaf_key.public_key(), inter_key, ca=False,
                 names=("localhost", "127.0.0.1"))
    selfsigned = _cert(_name("localhost"), _name("localhost"), self_key.public_key(), self_key, ca=False,
                       names=("localhost", "127.0.0.1"))
    return Pki(_key_pem(leaf_key), leaf.public_bytes(PEM), inter.public_bytes(PEM), root.public_bytes(PEM),
               _key_pem(self_key), selfsigned.public_bytes(PEM), _key_pem(inter_key))


@pytest.fixture(scope="session")
def pki_files(pki, tmp_path_factory) -> Path:
    """root.pem for clients (curl --cacert, openssl -CAfile), in a folder outside any project."""
    folder = tmp_path_factory.mktemp("pki")
    (folder / "root.pem").write_bytes(pki.root)
    return folder


@pytest.fixture(scope="session")
def ffdhe2048(tmp_path_factory) -> bytes:
    """The RFC 7919 ffdhe2048 group as PEM DH parameters, made by the openssl command (instant)."""
    path = tmp_path_factory.mktemp("dh") / "ffdhe2048.pem"
    subprocess.run(["openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048",
                    "-out", str(path)], check=True, capture_output=True, timeout=30)
    return path.read_bytes()


@pytest.fixture(scope="session")
def dh512() -> bytes:
    done = subprocess.run([sys.executable, "-m", "tlsgui", "--worker", "dhparams", "--bits", "512",
                           "--allow-test-size"], capture_output=True, timeout=60, check=True)
    return done.stdout


def make_tls_project(root: Path, pki: Pki, cert: bytes | None = None, key: bytes | None = None,
                     dhparams: bytes | None = None, **settings) -> Path:
    """A demo project at `root` with HTTPS, HSTS, client-server and SQL TLS on and the CA-issued chain installed."""
    root = write_demo(root)
    values = {"web.https_enabled": True, "web.hsts_enabled": True, "web.hsts_max_age": 31536000,
              "web.host_names": "localhost", "client_server.encryption": True, "sql.tls_enabled": True}
    values.update({k.replace("__", "."): v for k, v in settings.items()})
    project = load_project(root)
    save_project(project, project.settings.replace(**values))
    (root / "cert.pem").write_bytes(pki.chain if cert is None else cert)
    (root / "key.pem").write_bytes(pki.leaf_key if key is None else key)
    if dhparams is not None:
        (root / "dhparams.pem").write_bytes(dhparams)
    return root


@pytest.fixture
def tls_project(tmp_path, pki):
    """make_tls_project in this test's tmp_path; keyword arguments as KEY__PART=VALUE settings."""
    counter = iter(range(100))

    def make(cert: bytes | None = None, key: bytes | None = None, dhparams: bytes | None = None, **settings):
        return make_tls_project(tmp_path / f"Shop{next(counter)}", pki, cert, key, dhparams, **settings)

    return make


@dataclass
class Served:
    process: subprocess.Popen
    ready: dict

    def port(self, role: str) -> int:
        return next(item["port"] for item in self.ready["listeners"] if item["role"] == role)

    def stop(self, sig=signal.SIGTERM, timeout: float = 10) -> tuple[int, str, str]:
        self.process.send_signal(sig)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out, err


@pytest.fixture
def serve(tmp_path):
    """Start `tlsgui serve ROOT --ready-file F` as a real process; always killed at the end of the test."""
    processes: list[subprocess.Popen] = []

    def start(root: Path, *extra: str, timeout: float = 20) -> Served:
        ready = tmp_path / f"ready-{len(processes)}.json"
        process = subprocess.Popen([sys.executable, "-m", "tlsgui", "serve", str(root), "--ready-file", str(ready),
                                    *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1"})
        processes.append(process)
        deadline = time.monotonic() + timeout
        while not ready.exists():
            if process.poll() is not None:
                out, err = process.communicate()
                raise AssertionError(f"serve exited with {process.returncode}: {err or out}")
            if time.monotonic() > deadline:
                raise AssertionError("serve did not write its ready file in time")
            time.sleep(0.05)
        return Served(process, json.loads(ready.read_text()))

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


@pytest.fixture(scope="session")
def odd_leaves(pki) -> dict[str, bytes]:
    """Leaves issued by the test intermediate: clientAuth only and keyCertSign key usage (no client accepts
    them), and one with an authorityInformationAccess caIssuers address (a fetchable intermediate)."""
    inter = x509.load_pem_x509_certificate(pki.intermediate)
    inter_key = serialization.load_pem_private_key(pki.other_key, None)
    leaf_key = serialization.load_pem_private_key(pki.leaf_key, None)
    out = {}
    for kind in ("client_auth", "key_cert_sign", "aia"):
        now = datetime.datetime.now(datetime.timezone.utc)
        builder = (x509.CertificateBuilder().subject_name(_name("localhost")).issuer_name(inter.subject)
                   .public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(hours=1))
                   .not_valid_after(now + datetime.timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(inter_key.public_key()), False)
                   .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), False))
        if kind == "client_auth":
            builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), False)
        elif kind == "aia":
            builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
            builder = builder.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                AuthorityInformationAccessOID.CA_ISSUERS,
                x509.UniformResourceIdentifier("http://ca.example.test/intermediate.der"))]), False)
        else:
            builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, True, False, False, False),
                                            True)
        out[kind] = builder.sign(inter_key, hashes.SHA256()).public_bytes(PEM)
    return out
