"""What validation needs to know about the files on disk, gathered elsewhere (the model reads no files)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tlsgui.model.release import Release

if TYPE_CHECKING:
    from datetime import datetime

    from tlsgui.model.cert_details import CertDetails


@dataclass(frozen=True)
class CertFacts:
    """A certificate as the rules see it (tlsgui.crypto.summary makes them)."""

    subject: str
    issuer: str
    key_type: str  # "RSA", "ECDSA", or another algorithm name
    key_bits: int
    not_before: datetime
    not_after: datetime
    names: tuple[str, ...]  # subjectAltName DNS names and IP addresses
    self_signed: bool
    signature_hash: str  # e.g. "sha256"; "" when unknown
    server_auth: bool | None = None  # None: no extendedKeyUsage extension
    matches_key: bool | None = None  # None: no key.pem to compare with
    chain_length: int = 1


@dataclass(frozen=True)
class FileFacts:
    """Which TLS files exist and, once they were read, what they hold."""

    tls_folder: str = ""
    key_present: bool = False
    cert_present: bool = False
    dhparams_present: bool = False
    cert: CertFacts | None = None
    chain: tuple[CertDetails, ...] = ()  # every certificate of cert.pem, for the chain view
    cert_error: str = ""  # cert.pem or key.pem exists but cannot be read
    dh_bits: int | None = None
    dh_error: str = ""
    key_in_git: bool = False  # key.pem is inside a git work tree and not ignored
    # Offline WebPKI verification of cert.pem against Mozilla's roots (crypto/trust.py); None: not checked.
    trusted: bool | None = None
    trust_problems: tuple[str, ...] = ()  # why browsers would not trust it (unknown root, incomplete chain, ...)
    usage_problems: tuple[str, ...] = ()  # key usage no TLS client accepts
    chain_warnings: tuple[str, ...] = ()  # an intermediate is missing but browsers can fetch it (AIA)
    name_problems: tuple[str, ...] = ()  # web.host_names the certificate does not cover
    keys_in_git: tuple[str, ...] = ()  # other files with private keys (pending, backups) git would track
    key_mode: int | None = None  # key.pem's permission bits
    # Which 4D runs the project (None: unknown; the checks then assume policy.versions.ASSUMED).
    release: Release | None = None
    # (file name, calls TLS_ApplySettings) for onStartup.4dm and onServerStartup.4dm; () when not looked at.
    startup: tuple[tuple[str, bool], ...] = ()
    # When the files were read (project/facts.py); None for presence facts, which read nothing.
    read_at: datetime | None = None

    @property
    def now(self) -> datetime:
        """The moment the verdicts are about (expiry, not yet valid): when the files were read, else the present."""
        if self.read_at is not None:
            return self.read_at
        from datetime import datetime, timezone  # not needed to open a project and paint its window

        return datetime.now(timezone.utc)

