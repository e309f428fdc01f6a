"""Finite-field DH parameters; the only module that uses cryptography's deprecated `dh` API."""

from __future__ import annotations

import warnings

from tlsgui.errors import TlsguiError

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import dh


def read_dh_bits(data: bytes) -> int:
    """The prime size of PEM DH parameters, or TlsguiError when the file is not readable as such."""
    try:
        params = serialization.load_pem_parameters(data)
    except (ValueError, TypeError):
        raise TlsguiError("dhparams.pem holds no readable PEM DH parameters.") from None
    if not isinstance(params, dh.DHParameters):
        raise TlsguiError("dhparams.pem holds parameters that are not DH parameters.")
    return params.parameter_numbers().p.bit_length()
