"""Certificate facts the preview server and the handshake probe need: chain order, key match, host names."""

from __future__ import annotations

import base64
import warnings

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.utils import CryptographyDeprecationWarning

from tlsgui.crypto.importer import asn1_words, readable
from tlsgui.crypto.keys import public_bytes
from tlsgui.errors import TlsguiError
from tlsgui.policy.files import CERT_FILE, KEY_FILE
from tlsgui.policy.hosts import covers

#: Past this many certificates, chain_problems does not look for another order (it tries every pair).
REORDER_LIMIT = 16


# The certificates here come from any server `tlsgui probe HOST:PORT` reaches, or from a cert.pem edited by
# hand: OpenSSL accepted them in the handshake, but cryptography is stricter and parses key, names and
# extensions lazily. So every function here reads them through `load`, and says "cannot be read" in words
# rather than raising deep inside the probe (found by tests/reliability/test_fuzz_peer.py).


def load(der: bytes, where: str = "the served certificate") -> x509.Certificate:
    """A certificate whose every part the app reads decodes; TlsguiError (with words) when one does not."""
    try:
        with warnings.catch_warnings():
            # A negative serial number (some old real roots) is only deprecated: read, say nothing on stderr.
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            return readable(x509.load_der_x509_certificate(der), where)
    except (ValueError, x509.InvalidVersion) as exc:
        raise TlsguiError(f"The certificate cannot be read ({asn1_words(exc)}).", where=where) from None


def unreadable_reason(der: bytes) -> str:
    """Why `der` cannot be read, or "" when it can."""
    try:
        load(der)
    except TlsguiError as exc:
        return exc.message
    return ""


def chain_ders(pem: bytes, where: str = CERT_FILE) -> list[bytes]:
    """The certificates of a PEM file, in file order, as DER; TlsguiError when there is none or one is damaged."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            certs = x509.load_pem_x509_certificates(pem)
    except (ValueError, x509.InvalidVersion):
        raise TlsguiError("The file holds no readable PEM certificate.", where=where,
                          fix="Install the certificate again (tlsgui install PROJECT FILE).") from None
    ders = [c.public_bytes(serialization.Encoding.DER) for c in certs]
    for index, der in enumerate(ders):
        try:
            load(der, where)
        except TlsguiError as exc:
            raise TlsguiError(f"Certificate {index + 1} of the file: {exc.message}", where=where,
                              fix="Install the certificate again (tlsgui install PROJECT FILE).") from None
    return ders


def der_to_pem(der: bytes) -> bytes:
    """The same bytes in PEM armour (no parsing: any DER the server sent can be handed on to OpenSSL)."""
    body = base64.encodebytes(der).replace(b"\n", b"")
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return b"-----BEGIN CERTIFICATE-----\n" + b"\n".join(lines) + b"\n-----END CERTIFICATE-----\n"


def describe(der: bytes) -> str:
    """A short name for a certificate: its subject, e.g. 'CN=www.example.com,O=Example'.

    A certificate that cannot be read is described as "(unreadable certificate) why", never an exception.
    """
    try:
        return _name(load(der))
    except TlsguiError as exc:
        return f"(unreadable certificate) {exc.message}"


def is_self_signed(der: bytes) -> bool:
    """Whether the certificate issued itself; False when it cannot be read."""
    try:
        cert = load(der)
    except TlsguiError:
        return False
    return cert.issuer == cert.subject and _issued_by(cert, cert)


def key_cert_index(key_pem: bytes, ders: list[bytes], where: str = KEY_FILE) -> int | None:
    """The position in `ders` of the certificate whose public key is key.pem's, or None (unreadable ones never match)."""
    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except TypeError:
        raise TlsguiError("key.pem is encrypted with a password; 4D needs it unencrypted.", where=where) from None
    except ValueError:
        raise TlsguiError("key.pem holds no readable PEM private key.", where=where) from None
    except UnsupportedAlgorithm as exc:
        raise TlsguiError(f"key.pem holds a key of a type tlsgui and 4D cannot use ({exc}).", where=where,
                          fix="Use an RSA or ECDSA key.") from None
    wanted = public_bytes(key)
    for index, der in enumerate(ders):
        try:
            cert = load(der)
        except TlsguiError:
            continue
        if public_bytes(cert.public_key()) == wanted:
            return index
    return None


def chain_problems(ders: list[bytes]) -> list[str]:
    """Why a served chain is not in TLS order (leaf first, each certificate issued by the next); [] if it is.

    A certificate that cannot be read is a problem of its own ("certificate 2 cannot be read: …").
    """
    certs: list[x509.Certificate | None] = []
    problems = []
    for index, der in enumerate(ders):
        try:
            certs.append(load(der))
        except TlsguiError as exc:
            certs.append(None)
            problems.append(f"certificate {index + 1} cannot be read: {exc.message}")
    for index in range(len(certs) - 1):
        child, parent = certs[index], certs[index + 1]
        if child is not None and parent is not None and not _issued_by(child, parent):
            problems.append(f"certificate {index + 2} ({_name(parent)}) did not issue certificate "
                            f"{index + 1} ({_name(child)})")
    readable_certs = [c for c in certs if c is not None]
    if problems and len(readable_certs) == len(certs) and len(certs) <= REORDER_LIMIT \
            and _has_valid_order(readable_certs):
        problems.append("the same certificates in another order would form a valid chain: the chain is out of order")
    return problems


def names_of(der: bytes) -> list[str]:
    """subjectAltName DNS names and IP addresses of a certificate; [] when it cannot be read."""
    try:
        cert = load(der)
    except TlsguiError:
        return []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return list(san.get_values_for_type(x509.DNSName)) + [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]


def name_covered(der: bytes, host: str) -> bool:
    """Whether the certificate's subjectAltName covers `host` (the policy's one matcher, RFC 6125)."""
    return covers(host, names_of(der))


def _name(cert: x509.Certificate) -> str:
    return printable(cert.subject.rfc4514_string()) or "(empty subject)"


def printable(text: str, limit: int = 200) -> str:
    """`text` safe to print on a terminal: control characters as \\xNN (a hostile server's subject could hold
    escape sequences that rewrite what `tlsgui probe` shows), at most `limit` characters."""
    safe = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
    return safe if len(safe) <= limit else safe[:limit - 1] + "…"


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
        return True
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False


def _has_valid_order(certs: list[x509.Certificate]) -> bool:
    """Whether the leaf (first) and the others can be ordered into a chain (small chains only)."""
    chain, rest = [certs[0]], list(certs[1:])
    while rest:
        parent = next((c for c in rest if _issued_by(chain[-1], c)), None)
        if parent is None:
            return False
        chain.append(parent)
        rest.remove(parent)
    return True
