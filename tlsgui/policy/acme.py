"""ACME facts and rules: CA presets, when to renew, when to warn, which key type 4D loads, problems in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tlsgui.model.release import Release
from tlsgui.policy.certificates import RENEW_FRACTION_LEFT
from tlsgui.policy.versions import holds


@dataclass(frozen=True)
class CaPreset:
    """A public ACME CA offered by name (`--directory NAME`)."""

    name: str
    label: str
    directory: str
    terms: str  # where its subscriber agreement is published (the directory's meta.termsOfService says the same)
    eab_required: bool  # External Account Binding (RFC 8555 section 7.3.4) needed before an account is made
    staging: bool = False


# Directory URLs as each CA documents them. ZeroSSL and Google Trust Services require External Account Binding:
# the key id and HMAC key come from the CA's web console (ZeroSSL: Developer section; Google: `gcloud publicca
# external-account-keys create`).
PRESETS = {p.name: p for p in (
    CaPreset("letsencrypt", "Let's Encrypt", "https://acme-v02.api.letsencrypt.org/directory",
             "https://letsencrypt.org/repository/", False),
    CaPreset("letsencrypt-staging", "Let's Encrypt (staging: untrusted test certificates)",
             "https://acme-staging-v02.api.letsencrypt.org/directory",
             "https://letsencrypt.org/docs/staging-environment/", False, staging=True),
    CaPreset("zerossl", "ZeroSSL", "https://acme.zerossl.com/v2/DV90", "https://zerossl.com/terms/", True),
    CaPreset("google", "Google Trust Services", "https://dv.acme-v02.api.pki.goog/directory",
             "https://pki.goog/repository/", True),
)}


def resolve_directory(value: str) -> tuple[str, CaPreset | None]:
    """A `--directory` value (a preset name or an https URL) as (URL, preset or None); ValueError with words."""
    value = (value or "letsencrypt").strip()
    preset = PRESETS.get(value.lower())
    if preset is not None:
        return preset.directory, preset
    if value.lower().startswith(("https://", "http://")):
        return value, next((p for p in PRESETS.values() if p.directory == value), None)
    raise ValueError(f"{value!r} is neither an ACME directory URL nor one of {', '.join(PRESETS)}.")


def needs_dns_01(name: str, challenge: str) -> bool:
    """True for a wildcard name asked with another challenge: CAs validate wildcards by DNS-01 only (RFC 8555
    section 8.3: HTTP-01 proves one host; Let's Encrypt's and ZeroSSL's documented policy)."""
    return name.startswith("*.") and challenge != "dns-01"


# --- When to renew --------------------------------------------------------------------------------------------
# Without ARI (RFC 9773) the rule is certbot's and Let's Encrypt's advice: renew when a third of the lifetime
# is left (60 of 90 days used; for a 6-day certificate, at 4 days): certificates.RENEW_FRACTION_LEFT.


def renewal_due_at(not_before: datetime, not_after: datetime) -> datetime:
    """When a certificate with this validity is due for renewal if the CA gives no ARI window."""
    return not_after - (not_after - not_before) * RENEW_FRACTION_LEFT


def ari_pick(start: datetime, end: datetime, now: datetime) -> datetime:
    """The moment inside the CA's suggested window (RFC 9773 section 4.2) at which to renew.

    RFC 9773 asks clients to pick a random time in the window so renewals spread out; the acme library's
    `renewal_time` does that pick; this is the deterministic fallback used when it is not called: the start,
    or now when the window already began.
    """
    return max(start, min(now, end))


# --- Which key 4D loads (policy/versions.py: "ecdsa_certificates") ---------------------------------------------


def default_key_type(version: Release | None, legacy_network_layer: bool) -> str:
    """ECDSA P-256 where 4D loads it, else RSA 2048.

    4D 20 R4 release notes (docs/Notes/updates.md, "20 R4"): "Support of ECDSA certificates"; Admin/tls.md
    (Encryption): not available with the legacy network layer. Unknown version: RSA, which every 4D loads.
    """
    if version is None or legacy_network_layer or not holds("ecdsa_certificates", version):
        return "rsa"
    return "ecdsa"


def key_type_warning(key_type: str, version: Release | None, legacy_network_layer: bool) -> str:
    """Words when `key_type` is one this project's 4D will not load ('' when it will, or when unknown)."""
    if key_type != "ecdsa":
        return ""
    if legacy_network_layer:
        return ("4D does not load ECDSA certificates with the legacy network layer (Admin/tls.md, Encryption); "
                "4D's servers may fail to start TLS with this key.")
    if version is not None and not holds("ecdsa_certificates", version):
        return (f"This project is for 4D {version}; 4D loads ECDSA certificates from 20 R4 on "
                "(release notes, 20 R4). Use --key-type rsa unless you upgrade.")
    return ""


# --- After a renewal -----------------------------------------------------------------------------------------
RELOAD_WORDS = ("4D's web server reads key.pem and cert.pem when it starts (Admin/tls.md): restart the web "
                "server to serve the new certificate, e.g. call the generated method TLS_RestartWebServer "
                "(WEB STOP SERVER then WEB START SERVER) from a scheduled worker, or restart 4D.")



def reload_words(version: Release | None) -> str:
    """What the project's 4D needs after a renewal replaced key.pem/cert.pem.

    20 R4 release notes and Admin/tls.md ("Enabling TLS with the other servers"): from 20 R4 the client-server
    and SQL servers' TLS is configured dynamically, without certificate files, so only the web server needs the
    new files; before, every server reads them at start-up.
    """
    if version is not None and holds("cs_sql_tls_without_files", version):
        return RELOAD_WORDS + (f" With 4D {version}, client-server and SQL TLS do not use these files "
                               "(configured dynamically since 20 R4): only the web server needs the restart.")
    known = f"With 4D {version}" if version is not None else "Before 4D 20 R4"
    return RELOAD_WORDS + (f" {known}, 4D Server's client-server and SQL servers read them too, when they start: "
                           "restart 4D Server to use the new certificate there.")


# --- The CA's problems in words (RFC 8555 section 6.7, urn:ietf:params:acme:error:*) ---------------------------
PROBLEM_WORDS = {
    "rateLimited": ("The CA refused: too many requests for these names or this account (rate limit).",
                    "Wait before trying again (the CA's message says how long); use the staging CA for tests."),
    "rejectedIdentifier": ("The CA will not issue for one of these names (policy: e.g. an internal or "
                           "blocked name).",
                           "Use only public domain names you control; localhost and .local cannot be issued."),
    "dns": ("The CA could not look up the name in DNS (no such record, or the DNS server failed).",
            "Check the name's A/AAAA (HTTP-01) or TXT (DNS-01) record exists at your DNS provider."),
    "connection": ("The CA could not connect to this server to check the challenge.",
                   "Make sure the name points to this computer and port 80 is open from the internet "
                   "(firewall, router port forwarding)."),
    "unauthorized": ("The CA reached a server but the answer did not prove control of the name.",
                     "With --webroot, 4D's web server must serve WebFolder/.well-known/acme-challenge/; with "
                     "--http-port, stop 4D's web server first; with DNS-01, check the TXT record's value."),
    "incorrectResponse": ("The CA got a wrong answer to the challenge.",
                          "Check nothing else answers on that name and port (another server, a proxy)."),
    "caa": ("A CAA record in the name's DNS forbids this CA from issuing.",
            "Add a CAA record allowing this CA, or use the CA the record allows."),
    "tls": ("The CA's TLS connection to the server failed.", "Check the server's HTTPS setup on port 443."),
    "badNonce": ("The CA kept rejecting the request's one-time number (nonce).", "Try again in a minute."),
    "malformed": ("The CA found the request malformed.", "Report this to tlsgui's developers."),
    "externalAccountRequired": ("This CA needs External Account Binding before it makes an account.",
                                "Give --eab-kid and --eab-hmac-key from the CA's web console."),
    "unauthorizedAccount": ("The CA does not accept this account.", "Check the EAB key id and HMAC key."),
    "accountDoesNotExist": ("The CA no longer knows this project's ACME account.",
                            "Run `tlsgui acme` again: a new account is made."),
    "invalidContact": ("The CA refused the e-mail address.", "Give a real address with --email, or none."),
    "unsupportedContact": ("The CA refused the e-mail address.", "Give a plain mailto address with --email."),
    "badCSR": ("The CA refused the certificate request.", "Report this to tlsgui's developers."),
    "badPublicKey": ("The CA refused the key type.", "Try --key-type rsa."),
    "orderNotReady": ("The order was not ready to be finalized.", "Run the command again."),
    "serverInternal": ("The CA had an internal error.", "Try again later."),
    "userActionRequired": ("The CA needs you to do something on its website (e.g. accept new terms).",
                           "Open the URL in the CA's message."),
}


def problem_words(code: str | None, detail: str = "") -> tuple[str, str]:
    """(message, fix) for an ACME problem type (the part after urn:ietf:params:acme:error:)."""
    message, fix = PROBLEM_WORDS.get(code or "", ("The CA refused the request.", "Read the CA's message."))
    if detail:
        message = f"{message} The CA said: {detail}"
    return message, fix
