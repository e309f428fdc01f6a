"""The server-side ssl.SSLContext of a preview, built from exactly the project's files and TLS policy."""

from __future__ import annotations

import ssl
import warnings

from tlsgui.errors import TlsguiError
from tlsgui.preview.plan import FilesRefused, PreviewPlan

TLS_VERSIONS = {
    "1.0": ssl.TLSVersion.TLSv1,
    "1.1": ssl.TLSVersion.TLSv1_1,
    "1.2": ssl.TLSVersion.TLSv1_2,
    "1.3": ssl.TLSVersion.TLSv1_3,
}
#: An empty cipher list means the TLS library's own default list, as in 4D ("empty means 4D's built-in list").
DEFAULT_CIPHERS = "DEFAULT"


def set_min_version(context: ssl.SSLContext, version: str) -> None:
    # Python deprecates naming TLS 1.0/1.1; the preview must still honour a project that allows them.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = TLS_VERSIONS[version]


def server_context(plan: PreviewPlan) -> ssl.SSLContext:
    """TLS server context: min version, cipher list, cert.pem + key.pem, and dhparams.pem when present.

    Without dhparams.pem no DHE suite is ever negotiated: Python's ssl does not call OpenSSL's automatic
    DH selection (checked with OpenSSL 3.0: a DHE-only client gets alert 40 handshake_failure).
    """
    files = plan.files
    if files is None:
        raise TlsguiError("No listener uses TLS.")
    settings = plan.settings
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    set_min_version(context, settings.tls_min_version)
    cipher_list = settings.tls_cipher_list.strip() or DEFAULT_CIPHERS
    try:
        context.set_ciphers(cipher_list)
    except ssl.SSLError:
        raise FilesRefused("cipher_list", "The cipher list selects a suite",
                           f"No cipher can be selected from the cipher list {cipher_list!r}.",
                           where="tls.cipher_list",
                           fix="Use OpenSSL cipher names (openssl ciphers -v), or choose a profile.",
                           remedies=("setting:tls.cipher_list",)) from None
    try:
        context.load_cert_chain(str(files.cert), str(files.key))
    except ssl.SSLError as exc:
        raise FilesRefused("tls_library", "The TLS library accepts cert.pem and key.pem",
                           f"The TLS library refuses cert.pem and key.pem ({exc.reason or exc}).",
                           where=str(files.folder),
                           fix="Install a matching certificate and key (tlsgui install PROJECT FILE).",
                           remedies=("received",)) from None
    if files.dhparams is not None:
        try:
            context.load_dh_params(str(files.dhparams))
        except ssl.SSLError as exc:
            raise FilesRefused("dhparams", "The TLS library accepts dhparams.pem",
                               f"The TLS library refuses dhparams.pem ({exc.reason or exc}).",
                               where=str(files.dhparams),
                               fix="Install a standard group: tlsgui dhparams PROJECT --group ffdhe2048.",
                               remedies=("forward_secrecy",)) from None
    tls12 = [c for c in context.get_ciphers() if c["protocol"] != "TLSv1.3"]
    if not tls12 and settings.tls_min_version != "1.3":
        raise FilesRefused("cipher_list", "The cipher list selects a TLS 1.2 suite",
                           f"The cipher list {cipher_list!r} selects no suite for TLS 1.2 or older.",
                           where="tls.cipher_list", fix="Add TLS 1.2 suites, or set tls.min_version=1.3.",
                           remedies=("setting:tls.cipher_list", "setting:tls.min_version"))
    return context


def tls12_cipher_names(context: ssl.SSLContext) -> frozenset[str]:
    """The TLS 1.2-and-older suites a context may negotiate (TLS 1.3 suites are not configurable here)."""
    return frozenset(c["name"] for c in context.get_ciphers() if c["protocol"] != "TLSv1.3")


def offers_dhe(context: ssl.SSLContext) -> bool:
    return any(c.get("kea") == "kx-dhe" for c in context.get_ciphers())
