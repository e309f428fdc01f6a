"""The local development CA's certificates: a name-constrained CA, the leaves it issues, and checks of both."""

from __future__ import annotations

import getpass
import ipaddress
import platform
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tlsgui.crypto.csr import CsrFields, check_fields, san_names
from tlsgui.crypto.importer import fingerprint
from tlsgui.crypto.keys import key_to_pem, load_private_key, same_key
from tlsgui.errors import TlsguiError
from tlsgui.policy import devca as rules

# Marks a CA made by tlsgui, so that a foreign CA file in the data folder is recognised as such.
ORGANIZATION = "tlsgui development CA"


def permitted_subtrees() -> list[x509.GeneralName]:
    """The CA's name constraints: the development names of policy/devca.py.

    DNS subtrees are written without a leading dot ("localhost", not ".localhost"): RFC 5280 section
    4.2.1.10 defines a dNSName constraint as the name itself plus any name made by adding labels on the
    left, so "localhost" permits both `localhost` and `foo.localhost`. The leading-dot form is defined only
    for URIs and e-mail; OpenSSL reads ".localhost" as "subdomains only" (refusing `localhost` itself), and
    strict verifiers refuse it as a malformed DNS name.
    """
    return ([x509.DNSName(name) for name in rules.DEVELOPMENT_DNS_SUFFIXES]
            + [x509.IPAddress(network) for network in rules.DEVELOPMENT_NETWORKS])


def _key_usage(*, signing_ca: bool, key_encipherment: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=key_encipherment,
                         data_encipherment=False, key_agreement=False, key_cert_sign=signing_ca,
                         crl_sign=signing_ca, encipher_only=False, decipher_only=False)


def default_ca_name() -> str:
    """"tlsgui development CA (user@host)": which machine user's CA it is, as a browser's list shows it."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (some containers): the host alone says enough
        user = ""
    host = platform.node() or "this computer"
    return f"{rules.DEFAULT_CA_NAME} ({user + '@' if user else ''}{host})"[:64]  # X.520 ub-common-name


def make_ca(name: str | None = None, now: datetime | None = None):
    """A new CA key (ECDSA P-256) and its self-signed, name-constrained certificate: (key, certificate)."""
    name = (name or default_ca_name()).strip()
    if not name or len(name) > 64:
        raise TlsguiError(f"The CA name must have 1 to 64 characters (it has {len(name)}).", where="--name")
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
                         x509.NameAttribute(NameOID.COMMON_NAME, name)])
    start = (now or datetime.now(timezone.utc)) - timedelta(hours=1)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=rules.CA_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=rules.CA_PATH_LENGTH), critical=True)
        .add_extension(_key_usage(signing_ca=True), critical=True)
        # Critical, as RFC 5280 section 4.2.1.10 requires: a client that cannot read it must refuse the CA.
        .add_extension(x509.NameConstraints(permitted_subtrees=permitted_subtrees(), excluded_subtrees=None),
                       critical=True)
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


@dataclass(frozen=True)
class DevCa:
    """A loaded development CA: its key and certificate, checked to belong together."""

    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    certificate: x509.Certificate

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def sha1(self) -> str:
        """The SHA-1 thumbprint macOS and Windows name certificates by (an identifier, not a security check)."""
        return self.certificate.fingerprint(hashes.SHA1()).hex().upper()

    @property
    def name(self) -> str:
        values = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(values[0].value) if values else self.certificate.subject.rfc4514_string()

    @property
    def expires(self) -> datetime:
        return self.certificate.not_valid_after_utc

    def cert_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def key_pem(self) -> bytes:
        return key_to_pem(self.key)


def read_ca_certificate(data: bytes, where: str) -> x509.Certificate:
    """The CA certificate of the data folder, refusing a damaged file or a CA tlsgui did not make."""
    try:
        cert = x509.load_pem_x509_certificate(data)
    except ValueError:
        raise TlsguiError("The development CA certificate cannot be read (damaged or not a PEM certificate).",
                          where=where, fix="Move the devca folder away and run `tlsgui devca create` again "
                                           "(then `tlsgui devca trust`).") from None
    problem = foreign_ca_problem(cert)
    if problem:
        raise TlsguiError(f"This is not a development CA made by tlsgui: {problem}.", where=where,
                          fix="tlsgui only uses its own name-constrained CA. Move this file away and run "
                              "`tlsgui devca create`.")
    return cert


def foreign_ca_problem(cert: x509.Certificate) -> str | None:
    """Why `cert` is not a tlsgui development CA (None when it is one)."""
    orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    if not orgs or orgs[0].value != ORGANIZATION:
        return f"its subject is {cert.subject.rfc4514_string()}"
    try:
        if not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            return "it is not a CA certificate"
        constraints = cert.extensions.get_extension_for_class(x509.NameConstraints).value
    except x509.ExtensionNotFound:
        return "it has no name constraints limiting it to development names"
    if set(constraints.permitted_subtrees or ()) != set(permitted_subtrees()) or constraints.excluded_subtrees:
        return "its name constraints are not the development names"
    return None


def load_ca(cert_data: bytes, key_data: bytes, cert_where: str, key_where: str) -> DevCa:
    """The CA from its two files; TlsguiError in words for a damaged, foreign or mismatched pair."""
    cert = read_ca_certificate(cert_data, cert_where)
    key = load_private_key(key_data, where=key_where)
    if not same_key(key, cert.public_key()):
        raise TlsguiError("The CA key does not belong to the CA certificate beside it.", where=key_where,
                          fix="Put the matching key back, or move the devca folder away and create a new CA.")
    return DevCa(key, cert)


def issue_leaf(ca: DevCa, key, common_name: str = "localhost", sans: tuple[str, ...] = (),
               days: int = rules.DEFAULT_LEAF_DAYS, now: datetime | None = None) -> bytes:
    """PEM leaf + CA certificate for `key`, signed by the development CA; refuses public names in words."""
    problem = rules.leaf_days_problem(days)
    if problem:
        raise TlsguiError(problem, where="--days", fix=f"Use 1 to {rules.MAX_LEAF_DAYS} days; renewing is one "
                                                        "command (or one click), so short is cheap.")
    fields = CsrFields(common_name=common_name, sans=tuple(sans))
    check_fields(fields)
    names = san_names(fields)
    for general in names:
        value = str(general.value)
        reason = rules.why_not_development(value)
        if reason:
            raise TlsguiError(reason, where="--cn/--san",
                              fix="Use a development name (e.g. myapp.localhost or myapp.test), or make a bare "
                                  "self-signed certificate with --self-signed, or get a real certificate for "
                                  "a public name (tlsgui csr).")
    start = (now or datetime.now(timezone.utc)) - timedelta(hours=1)
    end = min(start + timedelta(days=days), ca.expires)
    public = key.public_key()
    ca_ski = ca.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "tlsgui development certificate"),
                         x509.NameAttribute(NameOID.COMMON_NAME, common_name.strip())])
    leaf = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(ca.certificate.subject).public_key(public)
        .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signing_ca=False, key_encipherment=_is_rsa(public)), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    # cert.pem is leaf then CA: 4D sends the file as the chain, and a client that trusts the CA finds it.
    return leaf.public_bytes(serialization.Encoding.PEM) + ca.cert_pem()


def _is_rsa(public) -> bool:
    # RSA key exchange (TLS 1.2 RSA suites) needs keyEncipherment; ECDSA keys never do (RFC 5480 section 3).
    return hasattr(public, "key_size") and not hasattr(public, "curve")


def issued_by(cert: x509.Certificate, ca_cert: x509.Certificate) -> bool:
    """Whether `cert` was signed by the CA `ca_cert` (name and signature both)."""
    if cert.issuer != ca_cert.subject or cert == ca_cert:
        return False
    try:
        cert.verify_directly_issued_by(ca_cert)
        return True
    except Exception:  # a different key, or an algorithm mismatch: not issued by it either way
        return False


def webpki_problem(chain: list[x509.Certificate], anchor: x509.Certificate, host: str,
                   now: datetime | None = None) -> str | None:
    """None when `chain` (leaf first) verifies for `host` under the WebPKI rules with `anchor` trusted;
    else the verifier's words. This is cryptography's `x509.verification` (the rules of RFC 5280 and the
    CA/Browser Forum Baseline Requirements that browsers enforce)."""
    from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

    try:
        subject: x509.verification.Subject = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        subject = x509.DNSName(host)
    builder = PolicyBuilder().store(Store([anchor])).time(now or datetime.now(timezone.utc))
    verifier = builder.build_server_verifier(subject)
    try:
        verifier.verify(chain[0], chain[1:])
    except VerificationError as exc:
        return str(exc)
    return None
