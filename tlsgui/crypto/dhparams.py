"""Finite-field DH parameters; the only module that uses cryptography's deprecated `dh` API."""

from __future__ import annotations

import random
import warnings
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dh
from cryptography.utils import CryptographyDeprecationWarning

from tlsgui.errors import TlsguiError
from tlsgui.policy.files import DH_FILE
from tlsgui.policy.limits import DH_SIZES, DH_TEST_SIZE, MAX_TLS_FILE, MIN_DH_BITS

# RFC 7919 appendix A: the named groups (what Mozilla's generator and certbot ship), as PKCS#3 PEM.
# Checked in tests against `openssl genpkey -genparam -pkeyopt group:ffdheN` and against p computed
# from the RFC's formula p = 2^b - 2^(b-64) + {[2^(b-130) e] + X} * 2^64 - 1.
FFDHE_GROUPS: dict[str, bytes] = {
    "ffdhe2048": (
        b"-----BEGIN DH PARAMETERS-----\n"
        b"MIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz\n"
        b"+8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a\n"
        b"87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7\n"
        b"YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi\n"
        b"7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD\n"
        b"ssbzSibBsu/6iGtCOGEoXJf//////////wIBAg==\n"
        b"-----END DH PARAMETERS-----\n"
    ),
    "ffdhe3072": (
        b"-----BEGIN DH PARAMETERS-----\n"
        b"MIIBiAKCAYEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz\n"
        b"+8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a\n"
        b"87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7\n"
        b"YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi\n"
        b"7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD\n"
        b"ssbzSibBsu/6iGtCOGEfz9zeNVs7ZRkDW7w09N75nAI4YbRvydbmyQd62R0mkff3\n"
        b"7lmMsPrBhtkcrv4TCYUTknC0EwyTvEN5RPT9RFLi103TZPLiHnH1S/9croKrnJ32\n"
        b"nuhtK8UiNjoNq8Uhl5sN6todv5pC1cRITgq80Gv6U93vPBsg7j/VnXwl5B0rZsYu\n"
        b"N///////////AgEC\n"
        b"-----END DH PARAMETERS-----\n"
    ),
    "ffdhe4096": (
        b"-----BEGIN DH PARAMETERS-----\n"
        b"MIICCAKCAgEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz\n"
        b"+8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a\n"
        b"87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7\n"
        b"YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi\n"
        b"7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD\n"
        b"ssbzSibBsu/6iGtCOGEfz9zeNVs7ZRkDW7w09N75nAI4YbRvydbmyQd62R0mkff3\n"
        b"7lmMsPrBhtkcrv4TCYUTknC0EwyTvEN5RPT9RFLi103TZPLiHnH1S/9croKrnJ32\n"
        b"nuhtK8UiNjoNq8Uhl5sN6todv5pC1cRITgq80Gv6U93vPBsg7j/VnXwl5B0rZp4e\n"
        b"8W5vUsMWTfT7eTDp5OWIV7asfV9C1p9tGHdjzx1VA0AEh/VbpX4xzHpxNciG77Qx\n"
        b"iu1qHgEtnmgyqQdgCpGBMMRtx3j5ca0AOAkpmaMzy4t6Gh25PXFAADwqTs6p+Y0K\n"
        b"zAqCkc3OyX3Pjsm1Wn+IpGtNtahR9EGC4caKAH5eZV9q//////////8CAQI=\n"
        b"-----END DH PARAMETERS-----\n"
    ),
}


def read_dh_bits(data: bytes) -> int:
    """The prime size of PEM DH parameters, or TlsguiError when the file is unreadable or p is not prime."""
    info = inspect_dhparams(data)
    if not info.probable_prime:
        raise TlsguiError("The DH modulus p in dhparams.pem is not a prime number, so these parameters are unsafe.")
    return info.bits


_SMALL_PRIMES = (3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97)


def _known_p() -> dict[int, str]:
    return {_numbers(pem).p: name for name, pem in FFDHE_GROUPS.items()}


def group_pem(name: str) -> bytes:
    """The PEM of a named RFC 7919 group; TlsguiError naming the known ones otherwise."""
    if name not in FFDHE_GROUPS:
        raise TlsguiError(f"{name!r} is not a standard DH group.", fix="Use ffdhe2048, ffdhe3072 or ffdhe4096.")
    return FFDHE_GROUPS[name]


@dataclass(frozen=True)
class DhInfo:
    """What an existing dhparams.pem holds."""

    bits: int
    generator: int
    group: str  # "ffdhe2048" etc. for an RFC 7919 group, "" for custom parameters
    probable_prime: bool

    def describe(self) -> str:
        kind = f"the standard {self.group} group" if self.group else "custom parameters"
        return f"{self.bits}-bit DH parameters ({kind})"


def _numbers(data: bytes):
    """p and g of PEM DH parameters; ValueError/TypeError when they are not readable as such."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        params = serialization.load_pem_parameters(data)
        if not isinstance(params, dh.DHParameters):
            raise TypeError("not DH")
        return params.parameter_numbers()


def is_probable_prime(n: int, rounds: int = 12) -> bool:
    """Miller-Rabin with random bases: a composite passes with probability below 4**-rounds."""
    if n < 2:
        return False
    for small in (2, *_SMALL_PRIMES):
        if n % small == 0:
            return n == small
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    rng = random.SystemRandom()
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


@dataclass(frozen=True)
class _Numbers:
    p: int
    g: int


def _der_ints(der: bytes, count: int) -> list[int] | None:
    """The first `count` INTEGERs of a DER SEQUENCE; None when the bytes are not shaped like that."""
    def length(pos: int) -> tuple[int, int]:
        first = der[pos]
        if first < 0x80:
            return first, pos + 1
        n = first & 0x7F
        return int.from_bytes(der[pos + 1:pos + 1 + n], "big"), pos + 1 + n

    try:
        if der[0] != 0x30:
            return None
        size, pos = length(1)
        if pos + size != len(der):
            return None
        values = []
        for _ in range(count):
            if der[pos] != 0x02:
                return None
            size, pos = length(pos + 1)
            if pos + size > len(der):
                return None
            values.append(int.from_bytes(der[pos:pos + size], "big", signed=True))
            pos += size
        return values
    except IndexError:
        return None


def _pem_p_g(data: bytes) -> tuple[int | None, int | None]:
    """p and g read by hand from PKCS#3 or X9.42 PEM (both start with p, g), so that parameters OpenSSL
    refuses to load (e.g. p not prime) can still be named precisely."""
    import base64
    import binascii
    import re

    match = re.search(rb"-----BEGIN ((?:X9\.42 )?DH PARAMETERS)-----(.*?)-----END \1-----", data, re.S)
    if not match:
        return None, None
    try:
        der = base64.b64decode(b"".join(match.group(2).split()), validate=True)
    except (binascii.Error, ValueError):
        return None, None
    values = _der_ints(der, 2)
    return (values[0], values[1]) if values else (None, None)


def inspect_dhparams(data: bytes, where: str = DH_FILE) -> DhInfo:
    """Read PEM DH parameters; TlsguiError only when the file is not readable as such."""
    if len(data) > MAX_TLS_FILE:
        raise TlsguiError(f"The file is {len(data) // 1024} KiB; DH parameters are under 2 KiB (limit 1 MiB).", where=where,
                          fix="Choose the dhparams.pem file itself.")
    if not data.strip():
        raise TlsguiError("The file is empty.", where=where, fix="Install a standard group (ffdhe2048) instead.")
    if b"-----BEGIN DH PARAMETERS-----" not in data and b"-----BEGIN X9.42 DH PARAMETERS-----" not in data:
        for label, words in ((b"CERTIFICATE-----", "a certificate"), (b"PRIVATE KEY-----", "a private key")):
            if b"-----BEGIN " in data and label in data:
                raise TlsguiError(f"The file holds {words}, not DH parameters.", where=where,
                                  fix="Choose the dhparams.pem file, or install a standard group (ffdhe2048) "
                                      "with `tlsgui dhparams PROJECT`.")
        raise TlsguiError("The file holds no PEM DH parameters (no BEGIN DH PARAMETERS line).", where=where,
                          fix="Install a standard group (ffdhe2048) instead.")
    p, g = _pem_p_g(data)
    if p is None or g is None:
        raise TlsguiError("The DH parameters cannot be read (damaged or truncated PEM).", where=where,
                          fix="Install a standard group (ffdhe2048) instead.")
    numbers = _Numbers(p, g)
    group = _known_p().get(numbers.p, "")
    # A known RFC 7919 prime needs no test. Others get Miller-Rabin; pure-Python modular exponentiation
    # costs ~40 ms per round at 2048 bits and ~280 ms at 4096, so fewer rounds for larger primes, as
    # FIPS 186-4 table C.1 allows for large candidates (a random composite fails the first round anyway).
    bits = numbers.p.bit_length()
    prime = bool(group) or is_probable_prime(numbers.p, rounds=12 if bits <= 2048 else 6 if bits <= 3072 else 4)
    return DhInfo(numbers.p.bit_length(), numbers.g, group, prime)


def check_dhparams(data: bytes, where: str = DH_FILE, info: DhInfo | None = None,
                   min_bits: int = MIN_DH_BITS) -> DhInfo:
    """Read and judge DH parameters (`info`: already inspected); TlsguiError saying what is wrong.

    `min_bits` is lowered only for the 512-bit parameters tests generate.
    """
    info = info or inspect_dhparams(data, where)
    if info.bits < min_bits:
        raise TlsguiError(f"The DH prime has only {info.bits} bits; at least {MIN_DH_BITS} are needed (Logjam).",
                          where=where, fix="Install the standard ffdhe2048 group or larger.")
    if not info.probable_prime:
        raise TlsguiError("The DH modulus p is not a prime number, so these parameters are unsafe.",
                          where=where, fix="Install a standard group (ffdhe2048) instead.")
    if info.generator < 2:
        raise TlsguiError(f"The DH generator {info.generator} is invalid.", where=where,
                          fix="Install a standard group (ffdhe2048) instead.")
    try:
        _numbers(data)  # what OpenSSL (and so 4D) will do with the file
    except (ValueError, TypeError):
        raise TlsguiError("OpenSSL refuses these DH parameters (its parameter check failed).", where=where,
                          fix="Install a standard group (ffdhe2048) instead.") from None
    return info


def check_size(bits: int, allow_test_size: bool = False) -> None:
    """Refuse a size custom generation does not offer (512 bits only for tests)."""
    if bits not in DH_SIZES and not (allow_test_size and bits == DH_TEST_SIZE):
        raise TlsguiError(f"{bits} bits is not offered for DH parameters.",
                          fix="Use " + ", ".join(map(str, DH_SIZES[:-1])) + f" or {DH_SIZES[-1]}.")


def generate_pem(bits: int, *, allow_test_size: bool = False) -> bytes:
    """New safe-prime DH parameters (generator 2) as PEM; seconds to minutes, so run it in a child process.

    `allow_test_size` admits 512 bits, which takes milliseconds; only tests use it, and validation
    still refuses such a file if anyone installs it.
    """
    check_size(bits, allow_test_size)
    # FFDH is deprecated in cryptography 50; containing that API is this module's purpose.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        params = dh.generate_parameters(generator=2, key_size=bits)
    return params.parameter_bytes(serialization.Encoding.PEM, serialization.ParameterFormat.PKCS3)


def verify_generated(pem: bytes, bits: int, where: str = DH_FILE) -> DhInfo:
    """The check every generated PEM passes before it may become dhparams.pem (CLI and window alike):
    readable, of the size asked for, a safe prime with a valid generator that OpenSSL loads."""
    info = inspect_dhparams(pem, where)
    if info.bits != bits:
        raise TlsguiError(f"The worker produced {info.bits}-bit parameters instead of {bits}; nothing was written.",
                          fix="Try again.")
    return check_dhparams(pem, where, info, min_bits=min(bits, MIN_DH_BITS))


def check_worker_main(argv: list[str]) -> int:
    """`tlsgui --worker dhparams-check --bits N`: verify_generated on stdin's PEM; exit 0 printing the bits.

    This runs in a child because loading custom parameters runs OpenSSL's primality checks while holding
    the GIL (~0.45 s at 2048 bits): done in the GUI process, even on a thread, it freezes the window.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="tlsgui --worker dhparams-check")
    parser.add_argument("--bits", type=int, required=True)
    args = parser.parse_args(argv)
    try:
        info = verify_generated(sys.stdin.buffer.read(), args.bits)
    except TlsguiError as exc:
        print(f"tlsgui: {exc}", file=sys.stderr)
        return 2
    print(info.bits)
    return 0


def worker_main(argv: list[str]) -> int:
    """`tlsgui --worker dhparams --bits N`: PEM on stdout, exit 0; a message on stderr and exit 2 otherwise.

    The child never touches the project: the parent writes the file atomically once the child succeeded,
    so killing the child at any moment leaves nothing behind.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="tlsgui --worker dhparams")
    parser.add_argument("--bits", type=int, required=True)
    parser.add_argument("--allow-test-size", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        pem = generate_pem(args.bits, allow_test_size=args.allow_test_size)
    except TlsguiError as exc:
        print(f"tlsgui: {exc}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(pem)
    sys.stdout.flush()
    return 0
