"""Wizard test helpers: a test CA (root → intermediate) that signs real certificates, openssl, page driving."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = dt.datetime.now(dt.timezone.utc)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "tlsgui test CA"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca_cert(subject, issuer, public_key, signer, path_length):
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=2)).not_valid_after(NOW + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .sign(signer, hashes.SHA256()))


@dataclass
class CertAuthority:
    """A root and an intermediate (ECDSA: instant to make); `issue` signs server certificates with the intermediate."""

    root_key: object
    root: x509.Certificate
    intermediate_key: object
    intermediate: x509.Certificate

    def issue(self, public_key, names=("shop.example.com",), days=90, start_days_ago=1) -> x509.Certificate:
        start = NOW - dt.timedelta(days=start_days_ago)
        return (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
                .issuer_name(self.intermediate.subject).public_key(public_key)
                .serial_number(x509.random_serial_number())
                .not_valid_before(start).not_valid_after(start + dt.timedelta(days=days))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
                .sign(self.intermediate_key, hashes.SHA256()))

    def sign_csr(self, csr_pem: bytes, days=90) -> x509.Certificate:
        """What a CA does with the request: check its signature, certify its key for its SAN names."""
        csr = x509.load_pem_x509_csr(csr_pem)
        assert csr.is_signature_valid
        san = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        return self.issue(csr.public_key(), tuple(san.get_values_for_type(x509.DNSName)), days=days)

    def chain_pem(self, leaf: x509.Certificate) -> bytes:
        return pem(leaf) + pem(self.intermediate)

    def write_root(self, folder: Path) -> Path:
        path = folder / "test-root.pem"
        path.write_bytes(pem(self.root))
        return path


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def pfx_bytes(key, cert, chain=(), password: bytes | None = b"secret") -> bytes:
    encryption = (serialization.BestAvailableEncryption(password) if password
                  else serialization.NoEncryption())
    return pkcs12.serialize_key_and_certificates(b"shop", key, cert, list(chain), encryption)


@pytest.fixture(scope="session")
def test_ca() -> CertAuthority:
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = _ca_cert(_name("tlsgui Test Root"), _name("tlsgui Test Root"), root_key.public_key(), root_key, 1)
    intermediate_key = ec.generate_private_key(ec.SECP256R1())
    intermediate = _ca_cert(_name("tlsgui Test Intermediate"), root.subject, intermediate_key.public_key(),
                            root_key, 0)
    return CertAuthority(root_key, root, intermediate_key, intermediate)


@pytest.fixture(scope="session")
def other_key():
    """A second RSA key: certificates for it match nothing in the project."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def openssl(*args: str, input: bytes | None = None) -> str:
    done = subprocess.run(["openssl", *map(str, args)], capture_output=True, input=input, timeout=30)
    return (done.stdout + done.stderr).decode(errors="replace")


def assert_pair_on_disk(folder: Path, root_file: Path | None = None) -> None:
    """key.pem (0600) and cert.pem in `folder` belong together (openssl says so) and verify up to the root."""
    key, cert = folder / "key.pem", folder / "cert.pem"
    assert key.stat().st_mode & 0o777 == 0o600
    cert_pub = openssl("x509", "-in", cert, "-noout", "-pubkey")
    key_pub = openssl("pkey", "-in", key, "-pubout")
    assert "BEGIN PUBLIC KEY" in cert_pub and cert_pub == key_pub
    if "RSA" in openssl("pkey", "-in", key, "-noout", "-text")[:200]:
        modulus = openssl("x509", "-in", cert, "-noout", "-modulus")
        assert modulus.startswith("Modulus=") and modulus == openssl("rsa", "-in", key, "-noout", "-modulus")
    if root_file is not None:
        verified = openssl("verify", "-CAfile", root_file, "-untrusted", cert, cert)
        assert verified.strip() == f"{cert}: OK", verified


def start_wizard(window, path: str):
    window.open_wizard(path)
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    return wizard


def go_next(qtbot, wizard, timeout=20000) -> None:
    """Wait until the page lets the person go on (background work done), then press Next."""
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=timeout)
    before = wizard.currentId()
    wizard.next()
    assert wizard.currentId() != before, f"Next did not leave page {before}"


def thread_free(runner) -> bool:
    return not runner.running and runner.pool.activeThreadCount() == 0


def finish(qtbot, wizard) -> list[str]:
    """Click Finish (it must be enabled) and return the paths the wizard reports written."""
    from PySide6.QtWidgets import QWizard

    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isEnabled()
    with qtbot.waitSignal(wizard.files_written) as blocker:
        button.click()
    assert not wizard.isVisible()
    return blocker.args[0]
