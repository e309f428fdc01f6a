"""Write the bad-input corpus (files a person could feed tlsgui) and its index expected.json.

Usage: python tests/data/bad/make_corpus.py   (rewrites the files next to this script)

Deterministic where the formats allow: keys are derived from fixed numbers (RSA primes from a seeded
generator, EC keys from fixed scalars), dates and serials are fixed, and certificates are signed with RSA
PKCS#1 v1.5 or Ed25519, whose signatures carry no randomness. PKCS#12 and encrypted PEM keys embed a
random salt, and the 512-bit DH parameters are generated, so those few files differ between runs.
Dates are chosen so that no expectation depends on today's date before 2040.
"""

from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tlsgui.crypto.dhparams import FFDHE_GROUPS, generate_pem, is_probable_prime  # noqa: E402
from tlsgui.project.demo import DEMO_SETTINGS  # noqa: E402

PEM, DER = serialization.Encoding.PEM, serialization.Encoding.DER
PASSWORD = b"correct horse"
# Valid long enough that only the intended check fails until 2040 (a long lifetime is only a warning).
LONG = (datetime(2025, 1, 1, tzinfo=timezone.utc), datetime(2040, 1, 1, tzinfo=timezone.utc))


# --- deterministic keys --------------------------------------------------------------------------------

def _prime(rng: random.Random, bits: int) -> int:
    while True:
        candidate = rng.getrandbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if candidate % 65537 != 1 and is_probable_prime(candidate, rounds=20):
            return candidate


def rsa_key(seed: int, bits: int = 2048) -> rsa.RSAPrivateKey:
    rng = random.Random(seed)
    p, q = _prime(rng, bits // 2), _prime(rng, bits // 2)
    e = 65537
    d = pow(e, -1, (p - 1) * (q - 1))
    public = rsa.RSAPublicNumbers(e, p * q)
    return rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q),
                                 rsa.rsa_crt_iqmp(p, q), public).private_key()


def noise(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def ec_key(seed: int) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(0x7115_0000_0000 + seed, ec.SECP256R1())


# --- certificates -----------------------------------------------------------------------------------------

def _name(cn: str, org: str = "Corpus Example") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)])


def certificate(subject: str, public, issuer: str, signer, *, serial: int, ca: bool = False,
                dates=LONG, sans=("www.example.com",), eku=(ExtendedKeyUsageOID.SERVER_AUTH,),
                hash_algorithm: hashes.HashAlgorithm | None = None) -> x509.Certificate:
    hash_algorithm = hash_algorithm or hashes.SHA256()
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(public).serial_number(serial).not_valid_before(dates[0]).not_valid_after(dates[1])
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in sans]), critical=False)
        if eku:
            builder = builder.add_extension(x509.ExtendedKeyUsage(list(eku)), critical=False)
    if isinstance(hash_algorithm, hashes.SHA1):
        return _sha1_resign(builder.sign(signer, hashes.SHA256()), signer)
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hash_algorithm
    return builder.sign(signer, algorithm)


SHA256_RSA = bytes.fromhex("06092a864886f70d01010b")  # OID 1.2.840.113549.1.1.11
SHA1_RSA = bytes.fromhex("06092a864886f70d010105")  # OID 1.2.840.113549.1.1.5


def _sha1_resign(cert: x509.Certificate, signer: rsa.RSAPrivateKey) -> x509.Certificate:
    """cryptography refuses to sign with SHA-1, which is the point here: swap the OID and sign by hand."""
    from cryptography.hazmat.primitives.asymmetric import padding

    tbs = cert.tbs_certificate_bytes.replace(SHA256_RSA, SHA1_RSA)
    signature = signer.sign(tbs, padding.PKCS1v15(), hashes.SHA1())
    return _assemble(tbs, b"\x30\x0d" + SHA1_RSA + b"\x05\x00", signature)


def _assemble(tbs: bytes, algorithm: bytes, signature: bytes) -> x509.Certificate:
    bits = b"\x03" + _der_len(len(signature) + 1) + b"\x00" + signature
    body = tbs + algorithm + bits
    return x509.load_der_x509_certificate(b"\x30" + _der_len(len(body)) + body)


def root_bundle(count: int = 12) -> bytes:
    """A CA bundle like the system's ca-certificates.crt: self-signed Ed25519 roots, one with a negative
    serial number as some old real roots have (RFC 5280 forbids it; cryptography warns when reading it)."""
    import warnings

    out = b""
    for index in range(1, count + 1):
        key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes([index]) * 32)
        name = f"Corpus Bundle Root {index}"
        cert = certificate(name, key.public_key(), name, key, serial=0x0B00 + index, ca=True)
        if index == 6:
            serial = bytes.fromhex("02020b06")
            assert cert.tbs_certificate_bytes.count(serial) == 1
            tbs = cert.tbs_certificate_bytes.replace(serial, bytes.fromhex("02028b06"))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                cert = _assemble(tbs, bytes.fromhex("300506032b6570"), key.sign(tbs))
        out += cert.public_bytes(PEM)
    return out


class Pki:
    """A small CA (root → intermediate) and a leaf for www.example.com, all derived from fixed numbers."""

    def __init__(self) -> None:
        self.root_key = rsa_key(1)
        self.int_key = rsa_key(2)
        self.leaf_key = ec_key(3)
        self.other_key = ec_key(4)
        self.root = certificate("Corpus Root CA", self.root_key.public_key(), "Corpus Root CA", self.root_key,
                                serial=1001, ca=True)
        self.intermediate = certificate("Corpus Intermediate CA", self.int_key.public_key(), "Corpus Root CA",
                                        self.root_key, serial=1002, ca=True)
        self.leaf = self.issue("www.example.com", self.leaf_key.public_key(), serial=2001)

    def issue(self, cn: str, public, *, serial: int, **kwargs) -> x509.Certificate:
        return certificate(cn, public, "Corpus Intermediate CA", self.int_key, serial=serial, **kwargs)


def pem(*items) -> bytes:
    out = b""
    for item in items:
        if isinstance(item, x509.Certificate):
            out += item.public_bytes(PEM)
        elif isinstance(item, x509.CertificateSigningRequest):
            out += item.public_bytes(PEM)
        else:
            out += key_pem(item)
    return out


def key_pem(key, fmt=serialization.PrivateFormat.PKCS8, password: bytes | None = None) -> bytes:
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return key.private_bytes(PEM, fmt, encryption)


def _der_int(value: int) -> bytes:
    body = value.to_bytes(value.bit_length() // 8 + 1, "big")
    return b"\x02" + _der_len(len(body)) + body


def _der_len(n: int) -> bytes:
    if n < 128:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def dh_pem(p: int, g: int = 2) -> bytes:
    import base64
    import textwrap

    body = _der_int(p) + _der_int(g)
    der = b"\x30" + _der_len(len(body)) + body
    text = "\n".join(textwrap.wrap(base64.b64encode(der).decode(), 64))
    return f"-----BEGIN DH PARAMETERS-----\n{text}\n-----END DH PARAMETERS-----\n".encode()


# RFC 2409 section 6.2, the 1024-bit MODP group ("Oakley group 2"): the old Apache/OpenSSL default.
MODP_1024 = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", 16)


def _ffdhe2048_p() -> int:
    from tlsgui.crypto.dhparams import _pem_p_g

    return _pem_p_g(FFDHE_GROUPS["ffdhe2048"])[0]


# --- settings files ----------------------------------------------------------------------------------------

def settings_variants() -> dict[str, bytes]:
    good = DEMO_SETTINGS.encode()
    newer = DEMO_SETTINGS.replace(
        "\t\t<web>\n",
        '\t\t<quantum_cache enabled="true" mode="auto"><tier level="3"/></quantum_cache>\n'
        '\t\t<web future_flag="yes">\n').replace(
        'publish_at_startup="true">', 'publish_at_startup="true" http3_enabled="true" ech_mode="2">')
    return {
        "settings-unclosed-tag.4DSettings": good.replace(b"</com.4d>\n</preferences>\n", b"</com.4d>\n"),
        "settings-wrong-encoding-declaration.4DSettings": good.replace(b'encoding="UTF-8"', b'encoding="UTF-16"'),
        "settings-latin1-bytes.4DSettings": good.replace(b'name="DemoShop"',
                                                         'name="Caf\u00e9Shop"'.encode("latin-1")),
        "settings-binary.4DSettings": noise(7, 3000),
        "settings-bom-utf16.4DSettings": "\ufeff".encode("utf-16-le") + DEMO_SETTINGS.replace(
            'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
        "settings-empty.4DSettings": b"",
        "settings-plist.4DSettings": b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD '
                                     b'PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist '
                                     b'version="1.0"><dict><key>port</key><integer>80</integer></dict></plist>\n',
        "settings-entity-bomb.4DSettings": (
            b'<?xml version="1.0"?>\n<!DOCTYPE preferences [\n <!ENTITY a "aaaaaaaaaa">\n'
            + b"".join(f' <!ENTITY {c} "{("&" + p + ";") * 10}">\n'.encode() for p, c in zip("abcdefgh", "bcdefghi", strict=True))
            + b']>\n<preferences stamp="1"><com.4d><web><standalone_server><configuration port_number="&i;"/>'
              b"</standalone_server></web></com.4d></preferences>\n"),
        "settings-bad-port.4DSettings": good.replace(b'port_number="8080"', b'port_number="eighty"'),
        "settings-newer-4d.4DSettings": newer.encode(),
    }


def sidecar_variants() -> dict[str, bytes]:
    return {
        "sidecar-bad-json.json": b'{"format": 1, "settings": {"web.hsts_enabled": true,}\n',
        "sidecar-newer-format.json": b'{"format": 7, "generator": "tlsgui 9.0", "settings": {}}\n',
        "sidecar-wrong-type.json": b'{"format": 1, "settings": {"web.hsts_max_age": "two years"}}\n',
        "sidecar-not-object.json": b'["web.hsts_enabled", true]\n',
    }


# --- the corpus ----------------------------------------------------------------------------------------------

def build() -> dict[str, bytes]:
    """File name -> bytes for every file of the corpus."""
    pki = Pki()
    leaf_pem = pem(pki.leaf)
    files: dict[str, bytes] = {}

    csr = (x509.CertificateSigningRequestBuilder().subject_name(_name("www.example.com"))
           .sign(pki.int_key, hashes.SHA256()))  # RSA signer: deterministic
    files["request-instead-of-cert.csr"] = csr.public_bytes(PEM)
    files["request-der.csr"] = csr.public_bytes(DER)
    files["bare-key.pem"] = key_pem(pki.leaf_key)
    files["bare-key-traditional-rsa.key"] = key_pem(pki.int_key, serialization.PrivateFormat.TraditionalOpenSSL)
    files["bare-key-encrypted.pem"] = key_pem(pki.leaf_key, password=PASSWORD)
    files["half-certificate.pem"] = leaf_pem[: len(leaf_pem) // 2]
    lines = leaf_pem.splitlines(keepends=True)
    files["certificate-body-cut.pem"] = lines[0] + b"".join(lines[1:4]) + lines[-1]
    files["certificate-without-begin-line.pem"] = b"".join(lines[1:])
    files["base64-without-armor.txt"] = b"".join(lines[1:-1])
    files["certificate-crlf.crt"] = leaf_pem.replace(b"\n", b"\r\n")
    files["certificate-cr-only.crt"] = leaf_pem.replace(b"\n", b"\r")
    files["certificate-utf16.pem"] = "\ufeff".encode("utf-16-le") + leaf_pem.decode().encode("utf-16-le")
    files["certificate-utf8-bom.pem"] = b"\xef\xbb\xbf" + leaf_pem
    other_leaf = pki.issue("shop.example.org", pki.other_key.public_key(), serial=2002, sans=("shop.example.org",))
    mail = ("From: ssl@ca.example\nTo: dev@example.com\nSubject: Your certificates\n\n"
            "Hello,\n\nplease find your certificate below.\n\n{}\nBest regards,\nThe CA team\n")
    files["email-two-certificates.eml"] = mail.format(leaf_pem.decode() + "\n" + pem(other_leaf).decode()).encode()
    quoted = "".join("> " + line for line in leaf_pem.decode().splitlines(keepends=True))
    files["email-one-certificate-quoted.eml"] = ("On Monday, the CA wrote:\n" + mail.format(quoted)).encode()
    files["windows-der.cer"] = pki.leaf.public_bytes(DER)
    files["chain.p7b"] = pkcs7.serialize_certificates([pki.leaf, pki.intermediate], DER)
    files["chain-pem.p7b"] = pkcs7.serialize_certificates([pki.leaf, pki.intermediate], PEM)
    der = files["chain.p7b"]  # as Windows exports it: BER, the outer SEQUENCE with an indefinite length
    files["chain-windows-ber.p7b"] = b"\x30\x80" + der[2 + (der[1] & 0x7F):] + b"\x00\x00"
    files["protected.pfx"] = pkcs12.serialize_key_and_certificates(
        b"www", pki.leaf_key, pki.leaf, [pki.intermediate], serialization.BestAvailableEncryption(PASSWORD))
    files["wrong-password.txt"] = b"Tr0ub4dor&3\n"
    files["certificate-only.pfx"] = pkcs12.serialize_key_and_certificates(
        b"www", None, pki.leaf, None, serialization.NoEncryption())
    files["empty.pem"] = b""
    files["only-whitespace.crt"] = b" \n\n\t\n"
    files["photo-renamed.pem"] = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                                  + noise(3, 600) + b"\xff\xd9")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        for name, data in (("www_example_com.crt", leaf_pem), ("ca-bundle.crt", pem(pki.intermediate))):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, data)
    files["certificates.zip"] = archive.getvalue()
    files["download-error-page.crt"] = (b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
                                        b"<body><h1>Not Found</h1><p>The requested URL was not found.</p>"
                                        b"</body></html>\n")
    files["random-binary.der"] = b"\x30\x82\x01\x00" + noise(5, 256)
    files["public-key.pem"] = pki.leaf_key.public_key().public_bytes(
        PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    files["openssh-key.pem"] = (b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"
                                b"AAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ\n-----END OPENSSH PRIVATE KEY-----\n")
    files["dhparams-given-as-certificate.pem"] = FFDHE_GROUPS["ffdhe2048"]

    # Bundles holding a certificate and its key, each with exactly one thing wrong.
    expired = pki.issue("www.example.com", pki.leaf_key.public_key(), serial=2003,
                        dates=(datetime(2019, 1, 1, tzinfo=timezone.utc), datetime(2020, 1, 1, tzinfo=timezone.utc)))
    files["expired-with-key.pem"] = pem(expired, pki.leaf_key)
    not_yet = pki.issue("www.example.com", pki.leaf_key.public_key(), serial=2004,
                        dates=(datetime(2040, 1, 1, tzinfo=timezone.utc), datetime(2041, 1, 1, tzinfo=timezone.utc)))
    files["not-yet-valid-with-key.pem"] = pem(not_yet, pki.leaf_key)
    files["certificate-for-another-key.pem"] = pem(pki.leaf, pki.other_key)
    files["another-key.key"] = key_pem(pki.other_key)
    weak_key = rsa_key(6, 1024)
    files["rsa-1024-with-key.pem"] = pem(pki.issue("www.example.com", weak_key.public_key(), serial=2005), weak_key)
    files["sha1-signed-with-key.pem"] = pem(pki.issue("www.example.com", pki.leaf_key.public_key(), serial=2006,
                                                      hash_algorithm=hashes.SHA1()), pki.leaf_key)
    files["client-certificate-with-key.pem"] = pem(pki.issue(
        "www.example.com", pki.leaf_key.public_key(), serial=2007, eku=(ExtendedKeyUsageOID.CLIENT_AUTH,)),
        pki.leaf_key)
    ed_key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    files["ed25519-with-key.pem"] = pem(certificate("www.example.com", ed_key.public_key(), "www.example.com",
                                                    ed_key, serial=2008), ed_key)
    files["ca-certificates-only.pem"] = pem(pki.intermediate, pki.root)
    files["ca-bundle.crt"] = root_bundle()

    # DH parameters (`tlsgui dhparams PROJECT --file FILE`).
    files["dh-512.pem"] = generate_pem(512, allow_test_size=True)
    files["dh-1024-rfc2409.pem"] = dh_pem(MODP_1024)
    composite = _ffdhe2048_p() + 2
    while is_probable_prime(composite, rounds=4):
        composite += 2
    files["dh-not-prime.pem"] = dh_pem(composite)
    files["dh-generator-1.pem"] = dh_pem(_ffdhe2048_p(), 1)
    files["dh-really-a-certificate.pem"] = leaf_pem
    files["dh-truncated.pem"] = FFDHE_GROUPS["ffdhe2048"][:200]
    files["dh-empty.pem"] = b""

    files.update(settings_variants())
    files.update(sidecar_variants())
    return files


# file -> (how it is fed, extra arguments, expected exit code, substring of the message)
# "install": tlsgui install PROJECT FILE [extra]; "dhparams": tlsgui dhparams PROJECT --file FILE;
# "settings": the file becomes Project/Sources/settings.4DSettings, then tlsgui check PROJECT;
# "sidecar": the file becomes Project/Sources/tls-settings.json, then tlsgui check PROJECT.
CASES: dict[str, tuple[str, list[str], int, str]] = {
    "request-instead-of-cert.csr": ("install", [], 2, "certificate request (CSR), not a certificate"),
    "request-der.csr": ("install", [], 2, "certificate request (CSR), not a certificate"),
    "bare-key.pem": ("install", [], 2, "hold no certificate, only a private key"),
    "bare-key-traditional-rsa.key": ("install", [], 2, "hold no certificate, only a private key"),
    "bare-key-encrypted.pem": ("install", [], 2, "encrypted with a password, and none was given"),
    "half-certificate.pem": ("install", [], 2, "has no matching END line: the file is truncated"),
    "certificate-body-cut.pem": ("install", [], 2, "damaged or truncated"),
    "certificate-without-begin-line.pem": ("install", [], 2, "'-----BEGIN CERTIFICATE-----' is missing"),
    "base64-without-armor.txt": ("install", [], 2, "base64 certificate data without its '-----BEGIN"),
    "certificate-crlf.crt": ("install", [], 2, "No private key for this certificate"),
    "certificate-cr-only.crt": ("install", [], 2, "No private key for this certificate"),
    "certificate-utf16.pem": ("install", [], 2, "No private key for this certificate"),
    "certificate-utf8-bom.pem": ("install", [], 2, "No private key for this certificate"),
    "email-two-certificates.eml": ("install", [], 2, "2 unrelated server certificates"),
    "email-one-certificate-quoted.eml": ("install", [], 2, "No private key for this certificate"),
    "windows-der.cer": ("install", [], 2, "No private key for this certificate"),
    "chain.p7b": ("install", [], 2, "No private key for this certificate"),
    "chain-pem.p7b": ("install", [], 2, "No private key for this certificate"),
    "chain-windows-ber.p7b": ("install", [], 2, "No private key for this certificate"),
    "protected.pfx": ("install", [], 2, "protected by a password, and none was given"),
    "certificate-only.pfx": ("install", [], 2, "PKCS#12 file holds no private key"),
    "empty.pem": ("install", [], 2, "The file is empty"),
    "only-whitespace.crt": ("install", [], 2, "The file is empty"),
    "photo-renamed.pem": ("install", [], 2, "JPEG image, not a certificate"),
    "certificates.zip": ("install", [], 2, "ZIP archive"),
    "download-error-page.crt": ("install", [], 2, "web page (HTML), not a certificate"),
    "random-binary.der": ("install", [], 2, "neither PEM, DER, PKCS#7 nor PKCS#12"),
    "public-key.pem": ("install", [], 2, "a public key, not a certificate"),
    "openssh-key.pem": ("install", [], 2, "SSH or DSA key (OPENSSH PRIVATE KEY)"),
    "dhparams-given-as-certificate.pem": ("install", [], 2, "These are DH parameters, not a certificate"),
    "expired-with-key.pem": ("install", [], 2, "expired on 2020-01-01. Nothing was installed"),
    "not-yet-valid-with-key.pem": ("install", [], 2, "not valid yet"),
    "certificate-for-another-key.pem": ("install", [], 2, "private key in the files does not match"),
    "rsa-1024-with-key.pem": ("install", [], 2, "(RSA 1024-bit) is too weak"),
    "sha1-signed-with-key.pem": ("install", [], 2, "signed with SHA1"),
    "client-certificate-with-key.pem": ("install", [], 2, "not meant for TLS servers"),
    "ed25519-with-key.pem": ("install", [], 2, "neither RSA nor ECDSA"),
    "ca-certificates-only.pem": ("install", [], 2, "only CA certificates"),
    "ca-bundle.crt": ("install", [], 2, "only CA certificates (12, a CA bundle"),
    "dh-512.pem": ("dhparams", [], 2, "only 512 bits"),
    "dh-1024-rfc2409.pem": ("dhparams", [], 2, "only 1024 bits"),
    "dh-not-prime.pem": ("dhparams", [], 2, "not a prime number"),
    "dh-generator-1.pem": ("dhparams", [], 2, "generator 1 is invalid"),
    "dh-really-a-certificate.pem": ("dhparams", [], 2, "holds a certificate, not DH parameters"),
    "dh-truncated.pem": ("dhparams", [], 2, "damaged or truncated"),
    "dh-empty.pem": ("dhparams", [], 2, "The file is empty"),
    "settings-unclosed-tag.4DSettings": ("settings", [], 2, "The file looks cut short"),
    "settings-wrong-encoding-declaration.4DSettings": ("settings", [], 0, "Predicted SSL Labs grade"),
    "settings-latin1-bytes.4DSettings": ("settings", [], 2, "not UTF-8 text (byte 0xe9 at line 17)"),
    "settings-binary.4DSettings": ("settings", [], 2, "binary data, not XML text"),
    "settings-bom-utf16.4DSettings": ("settings", [], 2, "UTF-16 text; 4D writes and reads settings files as UTF-8"),
    "settings-empty.4DSettings": ("settings", [], 2, "The file is empty"),
    "settings-plist.4DSettings": ("settings", [], 2, "not a 4D settings file. Restore it from a backup"),
    "settings-entity-bomb.4DSettings": ("settings", [], 2, "declares XML entities"),
    "settings-bad-port.4DSettings": ("settings", [], 2, "eighty"),
    "settings-newer-4d.4DSettings": ("settings", [], 0, "Predicted SSL Labs grade"),
    "sidecar-bad-json.json": ("sidecar", [], 2, "JSON"),
    "sidecar-newer-format.json": ("sidecar", [], 2, "newer tlsgui (format 7"),
    "sidecar-wrong-type.json": ("sidecar", [], 2, "web.hsts_max_age"),
    "sidecar-not-object.json": ("sidecar", [], 2, "must hold a JSON object. Restore it from .tlsgui/backups/"),
    # Files used with options: a wrong password, and a --key that belongs to another certificate.
    "protected.pfx --password-file wrong-password.txt": ("install", ["--password-file", "wrong-password.txt"], 2,
                                                         "password does not open this PKCS#12 file"),
    "windows-der.cer --key another-key.key": ("install", ["--key", "another-key.key"], 2,
                                              "issued for another key"),
    "windows-der.cer --key windows-der.cer": ("install", ["--key", "windows-der.cer"], 2,
                                              "holds a certificate, not a private key"),
}


def index() -> dict:
    cases = {}
    for name, (command, extra, code, words) in CASES.items():
        cases[name] = {"file": name.split(" ")[0], "command": command, "args": extra, "exit": code, "message": words}
    return {"format": 1, "about": "Bad-input corpus: tests/reliability/test_bad_corpus.py feeds each file to the "
                                  "real CLI; regenerate with make_corpus.py.", "cases": cases}


def main() -> int:
    files = build()
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    stale = {p.name for p in HERE.iterdir() if p.is_file()} - set(files) - {"make_corpus.py", "expected.json"}
    for name in stale:
        (HERE / name).unlink()
    used = {c.split(" ")[0] for c in CASES} | {a for _c, extra, _e, _m in CASES.values() for a in extra}
    unused = set(files) - used
    if unused:
        raise SystemExit(f"files without a case: {sorted(unused)}")
    (HERE / "expected.json").write_text(json.dumps(index(), indent=1) + "\n")
    print(f"wrote {len(files)} files and {len(CASES)} cases to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
