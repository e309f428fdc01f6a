"""Every readable field of a certificate (subject, fingerprints, key, SANs, usages, extensions) as text."""

from __future__ import annotations

import warnings
from datetime import timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tlsgui.errors import TlsguiError
from tlsgui.model.cert_details import CertDetails

#: Name attributes RFC 4514 has no short name for, which cryptography would print as a dotted OID.
NAME_OVERRIDES = {NameOID.EMAIL_ADDRESS: "emailAddress", NameOID.SERIAL_NUMBER: "serialNumber",
                  NameOID.SURNAME: "SN", NameOID.GIVEN_NAME: "GN", NameOID.TITLE: "title",
                  NameOID.ORGANIZATION_IDENTIFIER: "organizationIdentifier",
                  NameOID.BUSINESS_CATEGORY: "businessCategory", NameOID.JURISDICTION_COUNTRY_NAME:
                  "jurisdictionC", NameOID.POSTAL_CODE: "postalCode", NameOID.UNSTRUCTURED_NAME: "unstructuredName"}
KEY_USAGES = (("digital_signature", "Digital signature"), ("content_commitment", "Non-repudiation"),
              ("key_encipherment", "Key encipherment"), ("data_encipherment", "Data encipherment"),
              ("key_agreement", "Key agreement"), ("key_cert_sign", "Certificate signing"),
              ("crl_sign", "CRL signing"))
EXTENDED_USAGES = {ExtendedKeyUsageOID.SERVER_AUTH: "TLS server (serverAuth)",
                   ExtendedKeyUsageOID.CLIENT_AUTH: "TLS client (clientAuth)",
                   ExtendedKeyUsageOID.CODE_SIGNING: "Code signing", ExtendedKeyUsageOID.EMAIL_PROTECTION:
                   "Email protection", ExtendedKeyUsageOID.OCSP_SIGNING: "OCSP signing",
                   ExtendedKeyUsageOID.TIME_STAMPING: "Time stamping"}


def name_text(name: x509.Name) -> str:
    """A distinguished name as RFC 4514 text, with names (not numbers) for the attributes people see."""
    return name.rfc4514_string(NAME_OVERRIDES)


def _colons(data: bytes) -> str:
    return ":".join(f"{b:02X}" for b in data)


def _serial(cert: x509.Certificate) -> str:
    with warnings.catch_warnings():  # a negative serial (some old roots) warns when it is read
        warnings.filterwarnings("ignore", message="Parsed a serial number which wasn't positive")
        serial = cert.serial_number
    raw = serial.to_bytes(max(1, (serial.bit_length() + 8) // 8), "big", signed=True)
    return _colons(raw.lstrip(b"\0") or b"\0")


def _key(cert: x509.Certificate) -> str:
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return f"RSA {key.key_size} bits"
    if isinstance(key, ec.EllipticCurvePublicKey):
        return f"ECDSA {key.curve.name} ({key.curve.key_size} bits)"
    return type(key).__name__.removesuffix("PublicKey").lstrip("_")


def _general_name(value) -> str:
    if isinstance(value, x509.DNSName):
        return f"DNS:{value.value}"
    if isinstance(value, x509.IPAddress):
        return f"IP:{value.value}"
    if isinstance(value, x509.RFC822Name):
        return f"email:{value.value}"
    if isinstance(value, x509.UniformResourceIdentifier):
        return f"URI:{value.value}"
    if isinstance(value, x509.DirectoryName):
        return f"DirName:{name_text(value.value)}"
    return str(getattr(value, "value", value))


def _oid_name(oid) -> str:
    name = getattr(oid, "_name", "")
    return name if name and name != "Unknown OID" else oid.dotted_string


def _extension_value(ext: x509.Extension) -> str:
    value = ext.value
    if isinstance(value, x509.SubjectAlternativeName | x509.IssuerAlternativeName):
        return ", ".join(_general_name(v) for v in value)
    if isinstance(value, x509.BasicConstraints):
        return "CA" + (f", path length {value.path_length}" if value.path_length is not None else "") \
            if value.ca else "not a CA"
    if isinstance(value, x509.KeyUsage):
        return ", ".join(_key_usages(value))
    if isinstance(value, x509.ExtendedKeyUsage):
        return ", ".join(EXTENDED_USAGES.get(oid, _oid_name(oid)) for oid in value)
    if isinstance(value, x509.SubjectKeyIdentifier):
        return _colons(value.digest)
    if isinstance(value, x509.AuthorityKeyIdentifier):
        return _colons(value.key_identifier) if value.key_identifier else "(issuer and serial)"
    if isinstance(value, x509.NameConstraints):
        allowed = ", ".join(_general_name(v) for v in value.permitted_subtrees or ())
        return f"permitted: {allowed or 'none'}"
    if isinstance(value, x509.AuthorityInformationAccess):
        return ", ".join(f"{_oid_name(d.access_method)}: {_general_name(d.access_location)}" for d in value)
    if isinstance(value, x509.CRLDistributionPoints):
        return ", ".join(_general_name(n) for point in value for n in (point.full_name or ()))
    if isinstance(value, x509.CertificatePolicies):
        return ", ".join(_oid_name(p.policy_identifier) for p in value)
    return type(value).__name__


def _key_usages(usage: x509.KeyUsage) -> list[str]:
    out = []
    for attr, label in KEY_USAGES:
        if getattr(usage, attr):
            out.append(label)
    if usage.key_agreement:
        if usage.encipher_only:
            out.append("Encipher only")
        if usage.decipher_only:
            out.append("Decipher only")
    return out


def certificate_details(cert: x509.Certificate) -> CertDetails:
    """All the fields of `cert` as text."""
    der = cert.public_bytes(serialization.Encoding.DER)
    extensions: list[tuple[str, bool, str]] = []
    names: tuple[str, ...] = ()
    usages: list[str] = []
    is_ca = False
    for ext in cert.extensions:
        extensions.append((_oid_name(ext.oid), ext.critical, _extension_value(ext)))
        if isinstance(ext.value, x509.SubjectAlternativeName):
            names = tuple(_general_name(v) for v in ext.value)
        elif isinstance(ext.value, x509.KeyUsage):
            usages += _key_usages(ext.value)
        elif isinstance(ext.value, x509.ExtendedKeyUsage):
            usages += [EXTENDED_USAGES.get(oid, _oid_name(oid)) for oid in ext.value]
        elif isinstance(ext.value, x509.BasicConstraints):
            is_ca = ext.value.ca
    cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    algorithm = cert.signature_algorithm_oid
    return CertDetails(
        subject=name_text(cert.subject), issuer=name_text(cert.issuer),
        common_name=str(cn[0].value) if cn else name_text(cert.subject),
        serial=_serial(cert),
        not_before=cert.not_valid_before_utc.astimezone(timezone.utc),
        not_after=cert.not_valid_after_utc.astimezone(timezone.utc),
        sha256=_colons(cert.fingerprint(hashes.SHA256())), sha1=_colons(cert.fingerprint(hashes.SHA1())),
        key=_key(cert), signature=_oid_name(algorithm), names=names, key_usage=tuple(usages),
        extensions=tuple(extensions), self_signed=cert.issuer == cert.subject, is_ca=is_ca,
        pem=cert.public_bytes(serialization.Encoding.PEM), der=der)


def chain_details(cert_path: Path) -> tuple[CertDetails, ...]:
    """Every certificate of cert.pem in file order (server first when it is installed right)."""
    from tlsgui.crypto.importer import readable

    try:
        chain = x509.load_pem_x509_certificates(cert_path.read_bytes())
    except OSError as exc:
        raise TlsguiError(f"Cannot read {cert_path.name} ({exc.strerror or exc}).", where=str(cert_path)) from None
    except (ValueError, x509.InvalidVersion):
        raise TlsguiError("cert.pem holds no readable PEM certificate.", where=str(cert_path)) from None
    return tuple(certificate_details(readable(cert, str(cert_path))) for cert in chain)
