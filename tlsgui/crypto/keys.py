"""Private keys: generate RSA/ECDSA keys, write them as PEM, read any PEM/DER key, compare public keys."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tlsgui.errors import PasswordNeeded, TlsguiError
from tlsgui.policy.limits import MIN_RSA_BITS, RSA_SIZES

CURVES = {"p256": ec.SECP256R1, "p384": ec.SECP384R1}


def generate_key(key_type: str = "rsa", *, bits: int | None = None, curve: str | None = None):
    """A new private key. RSA 2048 is the default: every 4D network layer (including the legacy one) takes it."""
    key_type = key_type.lower()
    if key_type == "rsa":
        if curve:
            raise TlsguiError("--curve applies to ECDSA keys only.", fix="Use --type ecdsa, or drop --curve.")
        bits = bits or MIN_RSA_BITS
        if bits < MIN_RSA_BITS:
            raise TlsguiError(f"An RSA key of {bits} bits is too weak; browsers and CAs refuse under {MIN_RSA_BITS}.",
                              fix="Use 2048 (default), 3072 or 4096 bits.")
        if bits not in RSA_SIZES:
            raise TlsguiError(f"{bits} bits is not an offered RSA size.", fix="Use 2048, 3072 or 4096 bits.")
        return rsa.generate_private_key(public_exponent=65537, key_size=bits)
    if key_type == "ecdsa":
        if bits:
            raise TlsguiError("--bits applies to RSA keys only.", fix="Use --curve p256 or p384 for ECDSA.")
        curve = (curve or "p256").lower()
        if curve not in CURVES:
            raise TlsguiError(f"{curve!r} is not an offered curve.", fix="Use p256 (default) or p384.")
        return ec.generate_private_key(CURVES[curve]())
    raise TlsguiError(f"{key_type!r} is not a key type.", fix="Use rsa (default) or ecdsa.")


def key_to_pem(key) -> bytes:
    """Unencrypted PKCS#8 PEM with LF line endings: what 4D reads as key.pem."""
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def public_bytes(key_or_public) -> bytes:
    """The SubjectPublicKeyInfo DER of a private or public key: equal bytes mean the same key pair."""
    public = key_or_public.public_key() if hasattr(key_or_public, "private_bytes") else key_or_public
    return public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def same_key(a, b) -> bool:
    return public_bytes(a) == public_bytes(b)


def key_description(key_or_public) -> tuple[str, int]:
    """("RSA", 2048), ("ECDSA", 256), or (algorithm name, 0) for other key types."""
    public = key_or_public.public_key() if hasattr(key_or_public, "private_bytes") else key_or_public
    if isinstance(public, rsa.RSAPublicKey):
        return "RSA", public.key_size
    if isinstance(public, ec.EllipticCurvePublicKey):
        return "ECDSA", public.curve.key_size
    return type(public).__name__.removesuffix("PublicKey").lstrip("_"), 0


def describe_key(key_or_public) -> str:
    """'RSA 2048-bit' or 'ECDSA P-256', for people."""
    public = key_or_public.public_key() if hasattr(key_or_public, "private_bytes") else key_or_public
    if isinstance(public, rsa.RSAPublicKey):
        return f"RSA {public.key_size}-bit"
    if isinstance(public, ec.EllipticCurvePublicKey):
        return f"ECDSA {public.curve.name.replace('secp256r1', 'P-256').replace('secp384r1', 'P-384')}"
    return type(public).__name__.removesuffix("PublicKey").lstrip("_")


def load_private_key(data: bytes, *, password: bytes | None = None, where: str = "", der: bool = False):
    """A private key from PEM (PKCS#8 plain or encrypted, traditional RSA/EC) or DER, with words on failure."""
    loader = serialization.load_der_private_key if der else serialization.load_pem_private_key
    encrypted = b"ENCRYPTED" in data if not der else None
    try:
        try:
            key = loader(data, password=password)
        except TypeError:
            # cryptography raises TypeError for "encrypted, no password" and "password, not encrypted".
            if password is None:
                raise PasswordNeeded("The private key is encrypted with a password, and none was given.",
                                     wrong=False, where=where,
                                     fix="Give the password with --password-file FILE (a file holding only it).") from None
            password = None  # not encrypted after all: the password (given for another file) is not needed
            key = loader(data, password=None)
    except TlsguiError:
        raise
    except ValueError:
        if b"-----BEGIN CERTIFICATE-----" in data or _is_der_certificate(data):
            raise TlsguiError("The key file holds a certificate, not a private key.", where=where,
                              fix="Give the private key file (key.pem, .key), made with the certificate "
                                  "request.") from None
        if password is not None and encrypted is not False:
            raise PasswordNeeded("The password does not open this private key (wrong password, or a damaged "
                                 "key).", wrong=True, where=where,
                                 fix="Check the password file: it must hold the password only.") from None
        raise TlsguiError("The private key cannot be read (damaged or truncated).", where=where,
                          fix="Use the key file exactly as it was saved.") from None
    except Exception as exc:  # unsupported algorithms surface as UnsupportedAlgorithm
        raise TlsguiError(f"The private key cannot be used ({exc}).", where=where,
                          fix="Use an RSA or ECDSA key.") from None
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise TlsguiError("This private key is neither RSA nor ECDSA, which 4D does not support.", where=where,
                          fix="Create a new key with `tlsgui key`.")
    return key


def _is_der_certificate(data: bytes) -> bool:
    from cryptography import x509

    try:
        x509.load_der_x509_certificate(data)
    except ValueError:
        return False
    except x509.InvalidVersion:  # a certificate all the same, with a damaged version field
        return True
    return True
