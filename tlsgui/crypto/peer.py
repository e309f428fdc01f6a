"""Certificate facts the preview server and the handshake probe need: chain order, key match, host names."""

from __future__ import annotations

import ipaddress

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization

from tlsgui.errors import TlsguiError


def chain_ders(pem: bytes, where: str = "cert.pem") -> list[bytes]:
    """The certificates of a PEM file, in file order, as DER; TlsguiError when there is none."""
    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError:
        raise TlsguiError("The file holds no readable PEM certificate.", where=where,
                          fix="Install the certificate again (tlsgui install PROJECT FILE).") from None
    return [c.public_bytes(serialization.Encoding.DER) for c in certs]


def der_to_pem(der: bytes) -> bytes:
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


def describe(der: bytes) -> str:
    """A short name for a certificate: its subject, e.g. 'CN=www.example.com,O=Example'."""
    return x509.load_der_x509_certificate(der).subject.rfc4514_string() or "(empty subject)"


def is_self_signed(der: bytes) -> bool:
    cert = x509.load_der_x509_certificate(der)
    return cert.issuer == cert.subject and _issued_by(cert, cert)


def key_cert_index(key_pem: bytes, ders: list[bytes], where: str = "key.pem") -> int | None:
    """The position in `ders` of the certificate whose public key is key.pem's, or None."""
    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except TypeError:
        raise TlsguiError("key.pem is encrypted with a password; 4D needs it unencrypted.", where=where) from None
    except ValueError:
        raise TlsguiError("key.pem holds no readable PEM private key.", where=where) from None
    wanted = _spki(key.public_key())
    for index, der in enumerate(ders):
        if _spki(x509.load_der_x509_certificate(der).public_key()) == wanted:
            return index
    return None


def chain_problems(ders: list[bytes]) -> list[str]:
    """Why a served chain is not in TLS order (leaf first, each certificate issued by the next); [] if it is."""
    certs = [x509.load_der_x509_certificate(d) for d in ders]
    problems = []
    for index in range(len(certs) - 1):
        child, parent = certs[index], certs[index + 1]
        if not _issued_by(child, parent):
            problems.append(f"certificate {index + 2} ({_name(parent)}) did not issue certificate "
                            f"{index + 1} ({_name(child)})")
    if problems and _has_valid_order(certs):
        problems.append("the same certificates in another order would form a valid chain: the chain is out of order")
    return problems


def names_of(der: bytes) -> list[str]:
    """subjectAltName DNS names and IP addresses of a certificate."""
    cert = x509.load_der_x509_certificate(der)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return list(san.get_values_for_type(x509.DNSName)) + [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]


def name_covered(der: bytes, host: str) -> bool:
    """Whether the certificate's subjectAltName covers `host` (RFC 6125: a wildcard covers one left label)."""
    host = host.lower().rstrip(".")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for name in names_of(der):
        name = name.lower().rstrip(".")
        if address is not None:
            try:
                if ipaddress.ip_address(name) == address:
                    return True
            except ValueError:
                pass
            continue
        if name == host:
            return True
        if name.startswith("*.") and "." in host and host.split(".", 1)[1] == name[2:]:
            return True
    return False


def _spki(public_key) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _name(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string() or "(empty subject)"


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
        return True
    except (ValueError, TypeError, InvalidSignature):
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
