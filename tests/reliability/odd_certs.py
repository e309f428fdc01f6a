"""Odd but properly signed certificates, as a hostile or broken TLS server could send them (for the peer tests)."""

from __future__ import annotations

import datetime
import ipaddress

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.oid import NameOID

DER, PEM = serialization.Encoding.DER, serialization.Encoding.PEM
NOW = datetime.datetime.now(datetime.timezone.utc)
#: An unassigned extension OID (2.5.29.99) of the same encoded length as subjectAltName (2.5.29.17).
PLACEHOLDER_OID = x509.ObjectIdentifier("2.5.29.99")


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _sequence(*parts: bytes) -> bytes:
    body = b"".join(parts)
    return b"\x30" + _length(len(body)) + body


def _sign(signer, data: bytes) -> bytes:
    if isinstance(signer, ed25519.Ed25519PrivateKey):
        return signer.sign(data)
    if isinstance(signer, rsa.RSAPrivateKey):
        return signer.sign(data, padding.PKCS1v15(), hashes.SHA256())
    return signer.sign(data, ec.ECDSA(hashes.SHA256()))


def patched(cert: x509.Certificate, signer, old: bytes, new: bytes) -> bytes:
    """`cert` (DER) with `old` replaced by `new` inside the signed part, then signed again by `signer`: the
    signature is valid, so only the replaced part is odd."""
    der, tbs = cert.public_bytes(DER), cert.tbs_certificate_bytes
    assert tbs.count(old) == 1, "the patched bytes must be unambiguous"
    start = der.index(tbs) + len(tbs)
    alg_len = der[start + 1]  # the signature AlgorithmIdentifier is short (< 128 bytes)
    algorithm = der[start:start + 2 + alg_len]
    new_tbs = tbs.replace(old, new)
    signature = _sign(signer, new_tbs)
    bit_string = b"\x03" + _length(len(signature) + 1) + b"\x00" + signature
    return _sequence(new_tbs, algorithm, bit_string)


def name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def build(subject: str, key, issuer: str, signer, *, ca: bool = False, sans=(), ips=("127.0.0.1",),
          days: tuple[int, int] = (-1, 30), extensions=()) -> x509.Certificate:
    builder = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(NOW + datetime.timedelta(days=days[0]))
               .not_valid_after(NOW + datetime.timedelta(days=days[1]))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if sans or (not ca and ips):
        general = [x509.DNSName(s) for s in sans] + [x509.IPAddress(ipaddress.ip_address(i)) for i in ips]
        builder = builder.add_extension(x509.SubjectAlternativeName(general), critical=False)
    for extension in extensions:
        builder = builder.add_extension(extension, critical=False)
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return builder.sign(signer, algorithm)


class Pki:
    """A root (EC), an intermediate (EC) and keys for leaves; odd leaves and intermediates on demand."""

    def __init__(self) -> None:
        self.root_key = ec.generate_private_key(ec.SECP256R1())
        self.int_key = ec.generate_private_key(ec.SECP256R1())
        self.leaf_key = ec.generate_private_key(ec.SECP256R1())
        self.root = build("Odd Root", self.root_key, "Odd Root", self.root_key, ca=True)
        self.inter = build("Odd Intermediate", self.int_key, "Odd Root", self.root_key, ca=True)

    def leaf(self, **options) -> x509.Certificate:
        options.setdefault("sans", ("localhost",))
        return build(options.pop("cn", "localhost"), options.pop("key", self.leaf_key), "Odd Intermediate",
                     self.int_key, **options)

    def damaged_san_leaf(self) -> bytes:
        """A leaf whose subjectAltName holds a SET instead of a SEQUENCE: signed, but the extension is damaged."""
        odd = x509.UnrecognizedExtension(PLACEHOLDER_OID, b"\x31\x0b\x82\x09localhost")
        cert = self.leaf(sans=(), ips=(), extensions=(odd,))
        return patched(cert, self.int_key, b"\x06\x03\x55\x1d\x63", b"\x06\x03\x55\x1d\x11")

    def duplicate_san_leaf(self) -> bytes:
        """A leaf with subjectAltName twice (RFC 5280 forbids it; cryptography refuses to read the extensions)."""
        second = x509.UnrecognizedExtension(PLACEHOLDER_OID, b"\x30\x0b\x82\x09localhost")
        cert = self.leaf(extensions=(second,))
        return patched(cert, self.int_key, b"\x06\x03\x55\x1d\x63", b"\x06\x03\x55\x1d\x11")

    def unknown_key_intermediate(self) -> bytes:
        """An intermediate whose public key algorithm is unknown (its OID changed), signed by the root."""
        key = ed25519.Ed25519PrivateKey.generate()
        cert = build("Odd Intermediate", key, "Odd Root", self.root_key, ca=True)
        return patched(cert, self.root_key, b"\x06\x03\x2b\x65\x70", b"\x06\x03\x2b\x65\x63")

    def expired_intermediate(self) -> x509.Certificate:
        return build("Odd Intermediate", self.int_key, "Odd Root", self.root_key, ca=True, days=(-60, -30))


def pem(*certs) -> bytes:
    """PEM of certificates given as objects or DER bytes, in the order given."""
    return b"".join(_armour(cert if isinstance(cert, bytes) else cert.public_bytes(DER)) for cert in certs)


def _armour(der: bytes) -> bytes:
    import base64

    body = base64.encodebytes(der).replace(b"\n", b"")
    lines = b"\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return b"-----BEGIN CERTIFICATE-----\n" + lines + b"\n-----END CERTIFICATE-----\n"


def key_pem(key) -> bytes:
    return key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
