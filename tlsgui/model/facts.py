"""What validation needs to know about the files on disk, gathered elsewhere (the model reads no files)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from tlsgui.model.release import Release

if TYPE_CHECKING:
    from tlsgui.model.cert_facts import CertFacts


@dataclass(frozen=True)
class FileFacts:
    """Which TLS files exist and, once they were read, what they hold."""

    tls_folder: str = ""
    key_present: bool = False
    cert_present: bool = False
    dhparams_present: bool = False
    cert: CertFacts | None = None
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
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


def __getattr__(name: str):
    # CertFacts lives in its own module so that opening a project does not create it: a dataclass costs
    # 1-2 ms of start-up, and no certificate is read before the first paint. Old imports keep working.
    if name == "CertFacts":
        from tlsgui.model.cert_facts import CertFacts

        return CertFacts
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
