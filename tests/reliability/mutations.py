"""Byte-level damage for fuzzing DER (certificates, PKCS#7, PKCS#12) as hypothesis draws."""

from __future__ import annotations

from hypothesis import strategies as st


def mutate_der(draw, der: bytearray) -> None:
    """Damage DER in place the ways files and servers really go wrong."""
    kind = draw(st.sampled_from(["flip", "cut", "insert", "length", "dup", "byte"]))
    at = draw(st.integers(0, max(0, len(der) - 1)))
    if kind == "flip" and der:
        der[at] ^= 1 << draw(st.integers(0, 7))
    elif kind == "cut":
        del der[at: at + draw(st.integers(1, 32))]
    elif kind == "insert":
        der[at:at] = draw(st.binary(min_size=1, max_size=8))
    elif kind == "length" and der:
        # A DER length byte is what parsers trust most: make it larger, smaller or indefinite.
        der[at] = draw(st.sampled_from([0x00, 0x7F, 0x80, 0x81, 0x82, 0x84, 0xFF, (der[at] + 1) % 256]))
    elif kind == "dup":
        piece = der[at: at + draw(st.integers(1, 64))]
        der[at:at] = piece
    elif der:
        der[at] = draw(st.integers(0, 255))
