"""Fixtures for the development CA: a private HOME and data folder, a CA in it, and certificates it issues."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from preview.conftest import serve  # noqa: F401  (the fixture: `tlsgui serve` as a real process, always ended)

from tlsgui.crypto.devca import DevCa


@pytest.fixture
def user_home(tmp_path, monkeypatch) -> Path:
    """HOME and XDG_DATA_HOME inside tmp_path, for this process and every child it starts."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


@pytest.fixture
def devca(user_home) -> DevCa:
    """A development CA created the way `tlsgui devca create` does, in the private data folder."""
    from tlsgui.project.devca_folder import create_ca

    return create_ca("tlsgui test development CA")


def rogue_leaf(ca: DevCa, key, name: str) -> x509.Certificate:
    """What a thief holding the CA key could sign: a well-formed server certificate for any `name`."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ski = ca.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(ca.certificate.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
            .sign(ca.key, hashes.SHA256()))


def run_bounded(argv: list[str], *, timeout: float = 90, **kwargs) -> subprocess.CompletedProcess:
    """Run a program that starts children of its own (chromium): in its own process group, which is
    killed at the end whatever happens, so no child outlives the test."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, **kwargs)
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if process.poll() is None:
            process.wait(timeout=10)
    return subprocess.CompletedProcess(argv, process.returncode, out, err)
