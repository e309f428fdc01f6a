"""The TLS files 4D reads, their names written once, which server reads which, and when dhparams.pem is used."""

from __future__ import annotations

# 4D doc, Admin/tls.md ("Installing key.pem and cert.pem files", "Perfect Forward Secrecy"): the servers read
# the private key and certificate from these two files, and the DH parameters for DHE suites from the third.
KEY_FILE = "key.pem"
CERT_FILE = "cert.pem"
DH_FILE = "dhparams.pem"
TLS_FILES = (KEY_FILE, CERT_FILE, DH_FILE)

# key.pem is an unencrypted private key that only the user 4D runs as needs: tlsgui writes it 0600, and (as
# ssh does for its keys) any permission for the group or other users is reported.
PRIVATE_KEY_MODE = 0o600


def key_too_open(mode: int) -> bool:
    """Other users (the group included) may read, change or run the key file."""
    return bool(mode & 0o077)

#: (enabling setting key, words) of every server that reads key.pem and cert.pem when TLS is on.
TLS_USERS = (
    ("web.https_enabled", "HTTPS"),
    ("client_server.encryption", "client-server encryption"),
    ("sql.tls_enabled", "SQL TLS"),
)


def tls_users(settings) -> list[tuple[str, str]]:
    """(key, words) of the servers these settings make read key.pem and cert.pem."""
    return [(key, words) for key, words in TLS_USERS if settings.get(key)]


def tls_used(settings) -> bool:
    return bool(tls_users(settings))


def dhparams_used(settings, analysis=None) -> bool:
    """Whether a DHE suite can be negotiated, so that dhparams.pem matters (Admin/tls.md, Perfect Forward Secrecy).

    TLS 1.3 has no DHE suite choice. An empty cipher list is 4D's built-in one, predicted as OpenSSL's
    DEFAULT, which has DHE suites. `analysis`: the policy.ciphers analysis of the list, when the caller has one.
    """
    if settings.tls_min_version == "1.3":
        return False
    if not settings.tls_cipher_list.strip():
        return True
    if analysis is None:
        from tlsgui.policy.ciphers import analyse

        analysis = analyse(settings.tls_cipher_list)
    return analysis.dhe
