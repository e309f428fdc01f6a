"""Finite-field DH parameters; the only module that uses cryptography's deprecated `dh` API."""

from __future__ import annotations

import warnings

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dh
from cryptography.utils import CryptographyDeprecationWarning

from tlsgui.errors import TlsguiError


def read_dh_bits(data: bytes) -> int:
    """The prime size of PEM DH parameters, or TlsguiError when the file is not readable as such."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            params = serialization.load_pem_parameters(data)
    except (ValueError, TypeError):
        raise TlsguiError("dhparams.pem holds no readable PEM DH parameters.") from None
    if not isinstance(params, dh.DHParameters):
        raise TlsguiError("dhparams.pem holds parameters that are not DH parameters.")
    return params.parameter_numbers().p.bit_length()


CUSTOM_SIZES = (2048, 3072, 4096)
TEST_SIZE = 512


def generate_pem(bits: int, *, allow_test_size: bool = False) -> bytes:
    """New safe-prime DH parameters (generator 2) as PEM; seconds to minutes, so run it in a child process.

    `allow_test_size` admits 512 bits, which takes milliseconds; only tests use it, and validation
    still refuses such a file if anyone installs it.
    """
    if bits not in CUSTOM_SIZES and not (allow_test_size and bits == TEST_SIZE):
        raise TlsguiError(f"{bits} bits is not offered.", fix="Use 2048, 3072 or 4096.")
    # FFDH is deprecated in cryptography 50; containing that API is this module's purpose.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        params = dh.generate_parameters(generator=2, key_size=bits)
    return params.parameter_bytes(serialization.Encoding.PEM, serialization.ParameterFormat.PKCS3)


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
