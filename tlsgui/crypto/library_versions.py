"""The versions of the TLS libraries tlsgui runs on (cryptography and the OpenSSL behind it, Python's ssl)."""

from __future__ import annotations


def library_versions() -> dict[str, str]:
    import ssl

    import cryptography
    from cryptography.hazmat.backends.openssl.backend import backend

    return {"cryptography": cryptography.__version__,
            "OpenSSL (cryptography)": backend.openssl_version_text(),
            "OpenSSL (Python ssl)": ssl.OPENSSL_VERSION}
