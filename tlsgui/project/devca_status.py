"""What the window shows about the development CA: whether cert.pem comes from it and whether this machine trusts it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tlsgui.errors import TlsguiError


@dataclass(frozen=True)
class DevcaState:
    """The local development CA as the Certificates page and the wizard describe it."""

    ca_name: str = ""  # "" when this machine user has no development CA
    problem: str = ""  # a damaged or foreign CA file, in words
    issued_by_ca: bool | None = None  # the installed leaf; None when there is no readable cert.pem
    trusted_in: tuple[str, ...] = ()  # "NSS database /home/me/.pki/nssdb", ...
    not_trusted_in: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # stores that could not be asked (certutil missing...), with the reason

    @property
    def trusted(self) -> bool:
        return bool(self.trusted_in)


def devca_state(cert_path: Path | None = None) -> DevcaState:
    """Read the CA (a few hundred bytes) and ask the default trust stores (certutil -L: ~20 ms)."""
    from tlsgui.project.devca_folder import CA_CERT, devca_folder, load_devca
    from tlsgui.project.trust_stores import platform_stores

    try:
        ca = load_devca()
    except TlsguiError as exc:
        return DevcaState(problem=str(exc))
    if ca is None:
        return DevcaState()
    issued = None
    if cert_path is not None and cert_path.is_file():
        from tlsgui.crypto.devca import issued_by
        from tlsgui.crypto.importer import read_bundle

        try:
            leaf = read_bundle(cert_path.read_bytes()[:1 << 20], str(cert_path)).certificates[0]
            issued = issued_by(leaf, ca.certificate)
        except (TlsguiError, IndexError, OSError):
            issued = None
    yes: list[str] = []
    no: list[str] = []
    unknown: list[str] = []
    for store in platform_stores(devca_folder() / CA_CERT):
        label = f"{store.label} {store.where}"
        try:
            (yes if store.holds(ca) else no).append(label)
        except TlsguiError as exc:
            unknown.append(f"{label}: {exc.message} {exc.fix}".strip())
    return DevcaState(ca.name, "", issued, tuple(yes), tuple(no), tuple(unknown))


def trust_plan_words(nss_db: Path | None = None) -> str:
    """What "Trust on this computer" changes and how to undo it, for the wizard (plain text with <b>)."""
    from tlsgui.project.devca_folder import devca_folder
    from tlsgui.project.trust_stores import default_nss_db

    db = nss_db or default_nss_db()
    return (f"Finish makes a development CA (unless there is one) in <b>{devca_folder()}</b> (its key readable only by you) and "
            f"adds it to this user's browser trust store, the NSS database <b>{db}</b> (Chrome, Chromium; "
            "Firefox keeps its own). The certificate is then issued by that CA, valid at most 90 days. "
            "The CA can sign only development names (localhost, .localhost, .test, .local, .internal, loopback "
            "and private addresses), so even a copied CA key cannot impersonate a public site. "
            "<b>Undo:</b> <code>tlsgui devca untrust</code> removes it from the trust store again.")
