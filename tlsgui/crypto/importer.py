"""Read whatever a CA sends (PEM, DER, PKCS#7, PKCS#12, keys) and order the chain leaf → intermediates."""

from __future__ import annotations

import base64
import binascii
import re
import warnings
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from tlsgui.crypto.keys import key_to_pem, load_private_key
from tlsgui.crypto.sniff import plain_text, sniff
from tlsgui.errors import PasswordNeeded, TlsguiError
from tlsgui.policy.limits import MAX_TLS_FILE

_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 #]+)-----(.*?)-----END \1-----", re.S)
_BEGIN = re.compile(rb"-----BEGIN ([A-Z0-9 #]+)-----")
_END = re.compile(rb"-----END ([A-Z0-9 #]+)-----")
KEY_LABELS = (b"PRIVATE KEY", b"RSA PRIVATE KEY", b"EC PRIVATE KEY", b"ENCRYPTED PRIVATE KEY")
CSR_LABELS = (b"CERTIFICATE REQUEST", b"NEW CERTIFICATE REQUEST")
PUBLIC_KEY_LABELS = (b"PUBLIC KEY", b"RSA PUBLIC KEY")
SSH_LABELS = (b"OPENSSH PRIVATE KEY", b"SSH2 ENCRYPTED PRIVATE KEY", b"DSA PRIVATE KEY")
CHOOSE = "Choose the certificate file the CA sent (.crt, .cer, .pem, .p7b, .pfx)."
CSR_WORDS = ("This is a certificate request (CSR), not a certificate.",
             "Send the request to your certification authority and install the certificate it sends back.")


@dataclass
class Imported:
    """What a set of files held: certificates (in file order), private keys, and notices for the person."""

    certificates: list[x509.Certificate] = field(default_factory=list)
    keys: list = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    pkcs12_without_key: bool = False

    def extend(self, other: Imported) -> None:
        self.certificates += other.certificates
        self.keys += other.keys
        self.notices += other.notices
        self.pkcs12_without_key |= other.pkcs12_without_key


def _b64(body: bytes, label: str, index: int, where: str) -> bytes:
    lines = [line.strip() for line in body.splitlines()]
    # A traditional encrypted key has "Proc-Type:" / "DEK-Info:" headers before its base64 body.
    text = b"".join(line for line in lines if line and b":" not in line)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise TlsguiError(f"The {label} block number {index} is damaged: its base64 text is corrupted.",
                          where=where, fix="Copy the block again exactly as the CA sent it, or download "
                                           "the file again.") from None


def _certificate_from_der(der: bytes, label: str, index: int, where: str) -> x509.Certificate:
    try:
        return readable(x509.load_der_x509_certificate(der), where)
    except (ValueError, x509.InvalidVersion):  # InvalidVersion is not a ValueError (found by fuzzing)
        raise TlsguiError(f"The {label} block number {index} is damaged or truncated: it is not a readable "
                          "certificate.", where=where, fix="Download the file from the CA again.") from None


def readable(cert: x509.Certificate, where: str = "") -> x509.Certificate:
    """`cert`, once every part the app reads has been decoded; TlsguiError when one is damaged or unknown.

    cryptography parses a certificate's key, extensions and names lazily, so a damaged or unknown key or
    extension would only fail later, deep in a check or a summary (found by fuzzing the importer).
    """
    try:
        # Each access decodes one lazily parsed part; the values themselves are not needed here.
        _ = (cert.public_key(), cert.signature_hash_algorithm, cert.subject.rfc4514_string(),
             cert.issuer.rfc4514_string(), cert.not_valid_before_utc, cert.not_valid_after_utc)
        _ = [extension.value for extension in cert.extensions]
    except UnsupportedAlgorithm as exc:
        raise TlsguiError(f"The certificate uses an algorithm that tlsgui and 4D cannot use ({exc}).", where=where,
                          fix="Ask the CA for an RSA or ECDSA certificate signed with SHA-256.") from None
    except (ValueError, x509.DuplicateExtension, x509.UnsupportedGeneralNameType) as exc:
        # The last two are not ValueErrors: a signed certificate with the same extension twice (found by the
        # peer fuzzer, tests/reliability/test_fuzz_peer.py) escaped this check.
        raise TlsguiError(f"The certificate is damaged: a part of it cannot be read ({asn1_words(exc)}).", where=where,
                          fix="Download the file from the CA again.") from None
    return cert


def asn1_words(exc: Exception) -> str:
    """cryptography's reason, without the Rust debug dump of its ASN.1 errors (which a server can fill)."""
    text = str(exc) or type(exc).__name__
    if "ParseError" in text:
        where = re.search(r'location: \[([^\]]*)\]', text)
        kind = re.search(r"kind: (\w+)", text)
        text = "invalid ASN.1" + (f", {kind.group(1)}" if kind else "") + \
            (f" in {where.group(1).replace(chr(34), '')}" if where else "")
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 160 else text[:159] + "…"


def _unquote(data: bytes) -> tuple[bytes, bool]:
    """Remove e-mail quote marks ('> ') in front of PEM lines, when every BEGIN line carries them."""
    prefixes = re.findall(rb"(?m)^(.*?)-----BEGIN ", data)
    if prefixes and all(re.fullmatch(rb"[ \t]*(?:>[ \t]?)+", p) for p in prefixes):
        return re.sub(rb"(?m)^[ \t]*(?:>[ \t]?)+", b"", data), True
    return data, False


def _read_pem(data: bytes, where: str, password: bytes | None) -> Imported:
    out = Imported()
    if b"\r" in data and b"\n" not in data:
        data = data.replace(b"\r", b"\n")
        out.notices.append(f"{where}: the file uses CR-only (old Mac) line endings, which 4D rejects; "
                           "converted to LF.")
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    data, was_quoted = _unquote(data)
    if was_quoted:
        out.notices.append(f"{where}: removed the e-mail quote marks ('>') in front of the PEM lines.")
    blocks = list(_BLOCK.finditer(data))
    begins, ends = _BEGIN.findall(data), _END.findall(data)
    if len(begins) > len(blocks) or len(ends) > len(blocks):
        done = {m.group(1) for m in blocks}
        if len(begins) > len(ends) or any(b not in done for b in begins):
            label = next((b for b in begins if b not in done), begins[-1]).decode()
            raise TlsguiError(f"The PEM block 'BEGIN {label}' has no matching END line: the file is truncated.",
                              where=where, fix=f"Copy the whole block, through '-----END {label}-----'.")
        label = next((e for e in ends if e not in done), ends[-1]).decode()
        raise TlsguiError(f"The line '-----BEGIN {label}-----' is missing before a PEM block.", where=where,
                          fix=f"Add the line '-----BEGIN {label}-----' above the base64 text (copy the whole "
                              "block, from BEGIN to END).")
    outside = _BLOCK.sub(b"", data).strip()
    if outside:
        out.notices.append(f"{where}: ignored the text around the PEM blocks.")
    for index, match in enumerate(blocks, 1):
        label, body = match.group(1), match.group(2)
        name = label.decode()
        if label in (b"CERTIFICATE", b"X509 CERTIFICATE", b"TRUSTED CERTIFICATE"):
            out.certificates.append(_certificate_from_der(_b64(body, name, index, where), name, index, where))
        elif label == b"PKCS7":
            out.certificates += _pkcs7(_b64(body, name, index, where), where)
        elif label in KEY_LABELS:
            _b64(body, name, index, where)  # a damaged body gets the same words as a damaged certificate
            out.keys.append(load_private_key(match.group(0) + b"\n", password=password, where=where))
        elif label in PUBLIC_KEY_LABELS:
            raise TlsguiError("This is a public key, not a certificate: a certificate is a public key signed by "
                              "a certification authority.", where=where,
                              fix="Send your certificate request (CSR) to the CA and install the certificate it "
                                  "sends back.")
        elif label in SSH_LABELS:
            raise TlsguiError(f"This is an SSH or DSA key ({name}), which TLS servers cannot use.", where=where,
                              fix="Create a TLS key and request with `tlsgui key PROJECT` and `tlsgui csr PROJECT`.")
        elif label in CSR_LABELS:
            raise TlsguiError(CSR_WORDS[0], where=where, fix=CSR_WORDS[1])
        elif label in (b"DH PARAMETERS", b"X9.42 DH PARAMETERS"):
            raise TlsguiError("These are DH parameters, not a certificate.", where=where,
                              fix="Install them with `tlsgui dhparams PROJECT --file FILE`.")
        else:
            raise TlsguiError(f"A PEM block '{name}' is neither a certificate nor a private key.", where=where,
                              fix=CHOOSE)
    return out


def _pkcs7(der: bytes, where: str) -> list[x509.Certificate]:
    try:
        return [readable(c, where) for c in pkcs7.load_der_pkcs7_certificates(der)]
    # UnsupportedAlgorithm: PKCS#7 content other than signed data (enveloped, plain data), found by fuzzing.
    except (ValueError, UnsupportedAlgorithm, x509.InvalidVersion):
        raise TlsguiError("The PKCS#7 (.p7b) file is damaged or holds no certificate.", where=where,
                          fix="Download it from the CA again, or ask for PEM files.") from None


def _looks_like_pkcs12(data: bytes) -> bool:
    # PFX ::= SEQUENCE { version INTEGER (3), ... } (RFC 7292 section 4)
    if len(data) < 8 or data[0] != 0x30:
        return False
    n = data[1]
    offset = 2 + (n & 0x7F if n & 0x80 else 0)
    return data[offset:offset + 3] == b"\x02\x01\x03"


def _read_pkcs12(data: bytes, where: str, password: bytes | None) -> Imported:
    # A password given for another file (a key) must not make an unprotected PKCS#12 unreadable.
    attempts = [password, None, b""] if password is not None else [None, b""]
    for attempt in attempts:
        try:
            loaded = pkcs12.load_pkcs12(data, attempt)
            break
        except (ValueError, x509.InvalidVersion):
            continue
        except UnsupportedAlgorithm as exc:
            raise TlsguiError(f"The PKCS#12 file uses an encryption tlsgui cannot read ({exc}).", where=where,
                              fix="Export it again with AES-256 encryption (the default of current tools).") from None
    else:
        if password is None:
            raise PasswordNeeded("The PKCS#12 file is protected by a password, and none was given.", wrong=False,
                                 where=where, fix="Give the password with --password-file FILE (a file holding only it).")
        raise PasswordNeeded("The password does not open this PKCS#12 file (wrong password, or a damaged file).",
                             wrong=True, where=where,
                             fix="Check the password file: it must hold the password only.")
    out = Imported()
    if loaded.cert is not None:
        out.certificates.append(readable(loaded.cert.certificate, where))
    out.certificates += [readable(c.certificate, where) for c in loaded.additional_certs]
    if loaded.key is not None:
        out.keys.append(load_private_key(key_to_pem(loaded.key), where=where))  # only RSA/ECDSA pass
    else:
        out.pkcs12_without_key = True
        out.notices.append(f"{where}: the PKCS#12 file holds no private key.")
    if not out.certificates:
        raise TlsguiError("The PKCS#12 file holds no certificate.", where=where)
    return out


def read_bundle(data: bytes, where: str = "", password: bytes | None = None) -> Imported:
    """Everything in one file's bytes; TlsguiError with specific words when it is not usable."""
    with warnings.catch_warnings():
        # Old CA certificates with a negative serial number (RFC 5280 forbids it) make cryptography warn on
        # stderr, which the CLI would show as noise; they are still read.
        warnings.filterwarnings("ignore", message="Parsed a serial number which wasn't positive")
        # Windows exports .p7b and .pfx in BER; cryptography reads them but warns (found by fuzzing).
        warnings.filterwarnings("ignore", message=".* could not be parsed as DER, falling back to parsing as BER")
        return _read_bundle(data, where, password)


def _read_bundle(data: bytes, where: str, password: bytes | None) -> Imported:
    if len(data) > MAX_TLS_FILE:
        raise TlsguiError(f"The file is {len(data) // 1024} KiB; certificate files are far smaller (limit 1 MiB).",
                          where=where, fix="Choose the certificate file itself, not an archive or a folder.")
    if not data.strip():
        raise TlsguiError("The file is empty.", where=where, fix="Choose the certificate file the CA sent.")
    kind = sniff(data)
    if kind:
        fix = "Extract it and choose the certificate file inside." if "archive" in kind else CHOOSE
        if kind.startswith("a web page"):
            fix = "The download probably failed: download the certificate from the CA again. " + CHOOSE
        raise TlsguiError(f"This is {kind}, not a certificate file.", where=where, fix=fix)
    data, notices = plain_text(data, where)
    if b"-----BEGIN" in data or b"-----END" in data:
        found = _read_pem(data, where, password)
        found.notices[:0] = notices
        return found
    if _looks_like_pkcs12(data):
        return _read_pkcs12(data, where, password)
    if data[:1] == b"\x30":
        for attempt in (_der_certificate, _der_pkcs7, _der_csr, _der_key):
            found = attempt(data, where, password)
            if found is not None:
                return found
    if all(32 <= b < 127 or b in (9, 10, 13) for b in data[:4096]):
        compact = re.sub(rb"\s", b"", data)
        if re.fullmatch(rb"[A-Za-z0-9+/=]{40,}", compact) and compact.startswith(b"MII"):
            raise TlsguiError("The text looks like base64 certificate data without its '-----BEGIN "
                              "CERTIFICATE-----' and '-----END CERTIFICATE-----' lines.", where=where,
                              fix="Copy the whole block, including the BEGIN and END lines.")
        raise TlsguiError("The text holds no PEM block (no '-----BEGIN CERTIFICATE-----' line).", where=where,
                          fix=CHOOSE)
    raise TlsguiError("The file is neither PEM, DER, PKCS#7 nor PKCS#12: it is not a certificate file.",
                      where=where, fix=CHOOSE)


def _der_certificate(data, where, password):
    try:
        cert = x509.load_der_x509_certificate(data)
    except ValueError:
        return None
    except x509.InvalidVersion:
        raise TlsguiError("The certificate is damaged: its version field is invalid.", where=where,
                          fix="Download the file from the CA again.") from None
    return Imported(certificates=[readable(cert, where)])


def _der_pkcs7(data, where, password):
    try:
        certificates = pkcs7.load_der_pkcs7_certificates(data)
    except (ValueError, UnsupportedAlgorithm, x509.InvalidVersion):
        return None
    return Imported(certificates=[readable(c, where) for c in certificates])


def _der_csr(data, where, password):
    try:
        x509.load_der_x509_csr(data)
    except ValueError:
        return None
    except x509.InvalidVersion:  # a request with a damaged version field is still a request (found by fuzzing)
        pass
    raise TlsguiError(CSR_WORDS[0], where=where, fix=CSR_WORDS[1])


def _der_key(data, where, password):
    try:
        return Imported(keys=[load_private_key(data, password=password, where=where, der=True)])
    except TlsguiError:
        return None


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def is_self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    return _issued_by(cert, cert)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
        return True
    except Exception:  # wrong signature, unsupported algorithm: either way not its issuer
        return False


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False


@dataclass
class Chain:
    """The certificates in install order: leaf then intermediates; the root is never part of cert.pem."""

    leaf: x509.Certificate
    intermediates: list[x509.Certificate]
    root: x509.Certificate | None = None  # a self-signed root found in the files (left out)
    # The leaf's issuer when the files hold no certificate of it: public CAs issue server certificates from
    # intermediates, so an intermediate is almost certainly missing. (When intermediates are present, the
    # last one's issuer is normally a root that clients already have: that is `top_issuer`, not a problem.)
    missing_issuer: str = ""
    top_issuer: str = ""
    duplicates: int = 0
    unrelated: list[x509.Certificate] = field(default_factory=list)

    @property
    def certificates(self) -> list[x509.Certificate]:
        return [self.leaf, *self.intermediates]

    def notices(self) -> list[str]:
        out = []
        if self.duplicates:
            out.append(f"Dropped {self.duplicates} duplicate certificate(s).")
        if self.root is not None:
            out.append(f"Left out the root certificate {self.root.subject.rfc4514_string()}: clients have "
                       "their own copy, and sending it only slows the handshake.")
        if self.unrelated:
            out.append("Ignored certificate(s) that are not part of this chain: "
                       + "; ".join(c.subject.rfc4514_string() for c in self.unrelated) + ".")
        return out


def order_chain(certificates: list[x509.Certificate]) -> Chain:
    """Leaf first, then each issuer found in the set, up to (excluding) a self-signed root; duplicates dropped."""
    if not certificates:
        raise TlsguiError("The files hold no certificate, only a private key.",
                          fix="Add the certificate file the CA sent.")
    unique: dict[bytes, x509.Certificate] = {}
    for cert in certificates:
        unique.setdefault(cert.fingerprint(hashes.SHA256()), cert)
    certs = list(unique.values())
    duplicates = len(certificates) - len(certs)
    issuers = {id(c) for c in certs for other in certs if other is not c and _issued_by(other, c)}
    candidates = [c for c in certs if id(c) not in issuers and not (len(certs) > 1 and is_self_signed(c))]
    if len(candidates) > 1:
        non_ca = [c for c in candidates if not is_ca(c)]
        candidates = non_ca or candidates
    if not candidates:  # only CA certificates that issue each other (a loop) or a lone root
        candidates = certs if len(certs) > 1 else [certs[0]]
    if len(candidates) > 1:
        if all(is_ca(c) or c.issuer == c.subject for c in candidates):
            # e.g. the system's ca-certificates.crt or a CA's "root bundle" picked instead of the server's file
            raise TlsguiError(f"The files hold only CA certificates ({len(certs)}, a CA bundle such as "
                              "ca-certificates.crt), not your server certificate.",
                              fix="Choose the certificate the CA issued for your server (it names your host).")
        names = "; ".join(c.subject.rfc4514_string() for c in candidates[:3])
        more = f" and {len(candidates) - 3} more" if len(candidates) > 3 else ""
        raise TlsguiError(f"The files hold {len(candidates)} unrelated server certificates ({names}{more}).",
                          fix="Install one certificate at a time, with its own intermediates.")
    leaf = candidates[0]
    chain = Chain(leaf, [], duplicates=duplicates)
    current, used = leaf, {id(leaf)}
    while not is_self_signed(current):
        issuer = next((c for c in certs if id(c) not in used and _issued_by(current, c)), None)
        if issuer is None:
            chain.top_issuer = current.issuer.rfc4514_string()
            if current is leaf:
                chain.missing_issuer = chain.top_issuer
            break
        used.add(id(issuer))
        if is_self_signed(issuer):
            chain.root = issuer
            break
        chain.intermediates.append(issuer)
        current = issuer
    chain.unrelated = [c for c in certs if id(c) not in used]
    return chain
