"""Certificate requests (PKCS#10): the fields of 4D's GENERATE CERTIFICATE REQUEST plus SANs, and a summary."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from tlsgui.crypto.keys import describe_key
from tlsgui.errors import TlsguiError
from tlsgui.model.options import is_host_name, split_names
from tlsgui.policy.hosts import normalise

# Names that no public CA can certify (CA/Browser Forum Baseline Requirements 7.1.4.2, RFC 6762, RFC 8375).
INTERNAL_SUFFIXES = (".local", ".lan", ".internal", ".intranet", ".corp", ".home", ".home.arpa",
                     ".localdomain", ".test", ".example", ".invalid", ".localhost")


@dataclass(frozen=True)
class CsrFields:
    common_name: str
    country: str = ""
    state: str = ""
    locality: str = ""
    organization: str = ""
    unit: str = ""
    email: str = ""
    sans: tuple[str, ...] = field(default_factory=tuple)  # "DNS:name", "IP:addr" or a bare name/address


def parse_san_list(text: str) -> tuple[str, ...]:
    """`DNS:a.example,IP:10.0.0.1,b.example` into entries; the CLI's --san syntax."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


def _general_name(entry: str) -> x509.GeneralName:
    kind, sep, value = entry.partition(":")
    if sep and kind.strip().upper() in ("DNS", "IP"):
        kind, value = kind.strip().upper(), value.strip()
    else:
        kind, value = "", entry.strip()
    if kind in ("", "IP"):
        try:
            return x509.IPAddress(ipaddress.ip_address(value))
        except ValueError:
            if kind == "IP":
                raise TlsguiError(f"SAN {entry!r} is not a valid IP address.", where="--san",
                                  fix="Write IP addresses like IP:192.0.2.10 or IP:2001:db8::1.") from None
    name = value.lower().rstrip(".")
    if not name or not is_host_name(name) or name.replace(".", "").isdigit():
        raise TlsguiError(f"SAN {entry!r} is not a valid host name or IP address.", where="--san",
                          fix="Use names like www.example.com (letters, digits, '-', dots), or IP:192.0.2.10.")
    # A CA certifies, and a client sends, an internationalised name in its ASCII (IDNA A-label) form.
    return x509.DNSName(normalise(name))


def check_fields(fields: CsrFields) -> None:
    cn = fields.common_name.strip()
    if not cn:
        raise TlsguiError("The common name is empty.", where="--cn",
                          fix="Give the server's main host name, e.g. --cn www.example.com.")
    if len(cn) > 64:
        raise TlsguiError(f"The common name has {len(cn)} characters; at most 64 are allowed.", where="--cn",
                          fix="Use the main host name as common name and list other names with --san.")
    country = fields.country.strip()
    if country and (len(country) != 2 or not country.isascii() or not country.isalpha()):
        raise TlsguiError(f"The country {country!r} is not a 2-letter ISO 3166 code.", where="--country",
                          fix="Use two letters, e.g. FR, US, DE.")
    if fields.email and ("@" not in fields.email or " " in fields.email.strip()):
        raise TlsguiError(f"{fields.email!r} is not an e-mail address.", where="--email")


def san_names(fields: CsrFields) -> list[x509.GeneralName]:
    """The SAN entries of a request: the common name first (browsers ignore the CN), then the others, once each."""
    names: list[x509.GeneralName] = [_general_name(fields.common_name.strip())]
    for entry in fields.sans:
        name = _general_name(entry)
        if name not in names:
            names.append(name)
    return names


def build_csr(key, fields: CsrFields) -> bytes:
    """A PEM certificate request signed with `key` (SHA-256); TlsguiError naming the first bad field."""
    check_fields(fields)
    names = san_names(fields)
    attributes = [(NameOID.COUNTRY_NAME, fields.country.strip().upper()),
                  (NameOID.STATE_OR_PROVINCE_NAME, fields.state.strip()),
                  (NameOID.LOCALITY_NAME, fields.locality.strip()),
                  (NameOID.ORGANIZATION_NAME, fields.organization.strip()),
                  (NameOID.ORGANIZATIONAL_UNIT_NAME, fields.unit.strip()),
                  (NameOID.COMMON_NAME, fields.common_name.strip()),
                  (NameOID.EMAIL_ADDRESS, fields.email.strip())]
    subject = x509.Name([x509.NameAttribute(oid, value) for oid, value in attributes if value])
    builder = (x509.CertificateSigningRequestBuilder().subject_name(subject)
               .add_extension(x509.SubjectAlternativeName(names), critical=False))
    csr = builder.sign(key, hashes.SHA256())
    return csr.public_bytes(serialization.Encoding.PEM)


def load_csr(data: bytes, where: str = "") -> x509.CertificateSigningRequest:
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_csr(data)
        return x509.load_der_x509_csr(data)
    except (ValueError, x509.InvalidVersion):
        raise TlsguiError("This is not a readable certificate request.", where=where) from None


def _is_internal(name: str) -> bool:
    try:
        address = ipaddress.ip_address(name)
        return address.is_private or address.is_loopback or address.is_link_local
    except ValueError:
        pass
    name = name.lower().removeprefix("*.")
    return "." not in name or name == "localhost" or name.endswith(INTERNAL_SUFFIXES)


def request_names(csr: x509.CertificateSigningRequest) -> list[str]:
    try:
        san = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return list(san.get_values_for_type(x509.DNSName)) + [str(a) for a in san.get_values_for_type(x509.IPAddress)]


def csr_warnings(csr: x509.CertificateSigningRequest) -> list[str]:
    """Plain-words warnings about a request, before it goes to a CA."""
    warnings = []
    cns = csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    cn = str(cns[0].value) if cns else ""
    names = request_names(csr)
    if not names:
        warnings.append("The request has no subjectAltName: browsers ignore the common name and will reject "
                        "the certificate. Create the request with tlsgui, which always adds one.")
    try:
        ipaddress.ip_address(cn)
        warnings.append(f"The common name {cn} is an IP address: most CAs do not certify IP addresses, and "
                        "clients that reach the server by name will not match it. Use a host name.")
    except ValueError:
        pass
    for name in [cn, *names]:
        if name.startswith("*."):
            warnings.append(f"{name} is a wildcard: it covers one level only ({name[2:]} itself is not "
                            "covered), and a stolen key then compromises every such host.")
            break
    internal = [n for n in dict.fromkeys([cn, *names]) if n and _is_internal(n)]
    if internal:
        warnings.append(f"{', '.join(internal)}: internal-only name(s) that no public CA certifies; use a "
                        "self-signed or internal-CA certificate for them.")
    return warnings


def csr_summary(csr: x509.CertificateSigningRequest) -> dict:
    """A decoded, readable summary of a request (subject fields, names, key, signature)."""
    labels = {NameOID.COMMON_NAME: "common name", NameOID.COUNTRY_NAME: "country",
              NameOID.STATE_OR_PROVINCE_NAME: "state", NameOID.LOCALITY_NAME: "locality",
              NameOID.ORGANIZATION_NAME: "organization", NameOID.ORGANIZATIONAL_UNIT_NAME: "unit",
              NameOID.EMAIL_ADDRESS: "e-mail"}
    subject = {labels.get(a.oid, a.oid.dotted_string): str(a.value) for a in csr.subject}
    hash_algorithm = csr.signature_hash_algorithm
    return {
        "subject": subject,
        "names": request_names(csr),
        "key": describe_key(csr.public_key()),
        "signature": f"{hash_algorithm.name.upper() if hash_algorithm else 'unknown'}, "
                     f"{'valid' if csr.is_signature_valid else 'INVALID'}",
        "warnings": csr_warnings(csr),
    }


def summary_lines(summary: dict) -> list[str]:
    lines = [f"{label:<13} {value}" for label, value in summary["subject"].items()]
    lines.append(f"{'names (SAN)':<13} {', '.join(summary['names']) or 'none'}")
    lines.append(f"{'key':<13} {summary['key']}")
    lines.append(f"{'signature':<13} {summary['signature']}")
    lines += [f"warning: {w}" for w in summary["warnings"]]
    return lines


def san_suggestions(host_names: str, common_name: str = "") -> list[str]:
    """The project's own host names (web.host_names), as SAN suggestions not yet covered by the CN."""
    return [n for n in split_names(host_names) if n != common_name.strip().lower() and is_host_name(n)]
