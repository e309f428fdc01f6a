"""Child-side checks (`tlsgui --worker dhparams-check --bits N`); no Qt here, the child stays light."""

from __future__ import annotations

import argparse
import sys

from tlsgui.crypto.dhparams import read_dh_bits
from tlsgui.errors import TlsguiError


def dhparams_check_main(argv: list[str]) -> int:
    """Read PEM DH parameters on stdin; exit 0 printing the bits when they are readable and of size N.

    This runs in a child because loading custom parameters runs OpenSSL's primality checks while holding
    the GIL (~0.45 s at 2048 bits): done in the GUI process, even on a thread, it freezes the window.
    """
    parser = argparse.ArgumentParser(prog="tlsgui --worker dhparams-check")
    parser.add_argument("--bits", type=int, required=True)
    args = parser.parse_args(argv)
    try:
        bits = read_dh_bits(sys.stdin.buffer.read())
        if bits != args.bits:
            raise TlsguiError(f"The worker produced {bits}-bit parameters instead of {args.bits}; "
                              "nothing was written.", fix="Try again.")
    except TlsguiError as exc:
        print(f"tlsgui: {exc}", file=sys.stderr)
        return 2
    print(bits)
    return 0
