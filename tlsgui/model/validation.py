"""Validation of settings against each other and the files: a list of Problems, each with words and a fix."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from tlsgui.crypto.ciphers import analyse
from tlsgui.model.facts import FileFacts
from tlsgui.model.options import BY_KEY, is_host_name, split_names
from tlsgui.policy.acme import warning_period

ONE_YEAR = 31536000
TWO_YEARS = 63072000
TEN_YEARS = 10 * ONE_YEAR


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    key: str  # the setting key the problem is about ("files.cert" etc. for files)
    message: str
    fix: str = ""

    def as_json(self) -> dict:
        return {"severity": self.severity.value, "key": self.key, "message": self.message, "fix": self.fix}


def _ports(settings) -> list[tuple[str, str, int]]:
    """(key, what, port) of every port the enabled servers listen on."""
    out = []
    if settings.web_http_enabled:
        out.append(("web.http_port", "HTTP", BY_KEY["web.http_port"].effective_port(settings.web_http_port)))
    if settings.web_https_enabled:
        out.append(("web.https_port", "HTTPS", settings.web_https_port))
    cs = BY_KEY["client_server.port"].effective_port(settings.client_server_port)
    # 4D Server also uses the application port + 1 (DB4D server) and + 2 (remote debugger).
    out += [
        ("client_server.port", "client-server", cs),
        ("client_server.port", "client-server (port + 1, DB4D)", cs + 1),
        ("client_server.port", "client-server (port + 2, debugger)", cs + 2),
    ]
    if settings.sql_launch_at_startup or settings.sql_tls_enabled:
        out.append(("sql.port", "SQL", BY_KEY["sql.port"].effective_port(settings.sql_port)))
    return out


def _port_problems(settings) -> list[Problem]:
    problems = []
    for key in ("web.http_port", "web.https_port", "client_server.port", "sql.port"):
        option = BY_KEY[key]
        value = settings.get(key)
        if value == 0 and option.zero_means is None:
            problems.append(Problem(Severity.ERROR, key, f"{option.label} 0 is not allowed.", option.range_hint()))
        elif not 0 <= value <= 65535:
            problems.append(Problem(Severity.ERROR, key, f"{option.label} {value} is not a TCP port.",
                                    option.range_hint()))
    if settings.client_server_port > 65533:
        problems.append(Problem(Severity.ERROR, "client_server.port",
                                "4D also needs the two ports after the application server port, which do not exist.",
                                "Use a port of 65533 or lower."))
    seen: dict[int, tuple[str, str]] = {}
    for key, what, port in _ports(settings):
        if port in seen and seen[port][0] != key:
            other_key, other = seen[port]
            problems.append(Problem(
                Severity.ERROR, key, f"The {what} port {port} is also used by {other}.",
                "Give each server its own port.",
            ))
        seen.setdefault(port, (key, what))
    return problems


def _file_problems(settings, facts: FileFacts) -> list[Problem]:
    problems = []
    users = [
        ("web.https_enabled", settings.web_https_enabled, "HTTPS"),
        ("client_server.encryption", settings.client_server_encryption, "client-server encryption"),
        ("sql.tls_enabled", settings.sql_tls_enabled, "SQL TLS"),
    ]
    missing = [name for name, present in (("key.pem", facts.key_present), ("cert.pem", facts.cert_present))
               if not present]
    for key, enabled, what in users:
        if enabled and missing:
            problems.append(Problem(
                Severity.ERROR, key,
                f"{what[0].upper() + what[1:]} is enabled but {' and '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} missing in {facts.tls_folder or 'the project folder'}.",
                "Install a certificate (Certificates page), or a development certificate for testing.",
            ))
    if facts.cert_error:
        problems.append(Problem(Severity.ERROR, "files.cert", facts.cert_error,
                                "Install the certificate again from the Certificates page."))
    cert = facts.cert
    if cert:
        if cert.matches_key is False:
            problems.append(Problem(Severity.ERROR, "files.cert",
                                    "cert.pem does not belong to key.pem: the servers cannot start TLS.",
                                    "Install the certificate issued for this key, or the key it was issued for."))
        if cert.not_after <= facts.now:
            problems.append(Problem(Severity.ERROR, "files.cert",
                                    f"The certificate expired on {cert.not_after:%Y-%m-%d}.",
                                    "Request a new certificate and install it."))
        elif cert.not_after - facts.now < warning_period(cert.not_before, cert.not_after):
            left = cert.not_after - facts.now
            when = f"{left.days} days" if left.days else f"{int(left.total_seconds() // 3600)} hours"
            problems.append(Problem(Severity.WARNING, "files.cert",
                                    f"The certificate expires in {when}, on {cert.not_after:%Y-%m-%d %H:%M} UTC.",
                                    "Renew it now (for a certificate from `tlsgui acme`: tlsgui renew PROJECT, "
                                    "and check its timer with --install-timer)."))
        if cert.not_before > facts.now:
            problems.append(Problem(Severity.ERROR, "files.cert",
                                    f"The certificate is not valid before {cert.not_before:%Y-%m-%d %H:%M} UTC.",
                                    "Check this machine's clock, or wait."))
        if cert.key_type == "RSA" and cert.key_bits < 2048:
            problems.append(Problem(Severity.ERROR, "files.cert",
                                    f"The certificate's RSA key has only {cert.key_bits} bits.",
                                    "Use a 2048-bit or larger key."))
        if cert.signature_hash in ("sha1", "md5"):
            problems.append(Problem(Severity.ERROR, "files.cert",
                                    f"The certificate is signed with {cert.signature_hash.upper()}, which browsers reject.",
                                    "Ask the certification authority for a SHA-256 certificate."))
        if cert.self_signed:
            problems.append(Problem(Severity.WARNING, "files.cert",
                                    "The certificate is self-signed: fine for development only; browsers and "
                                    "clients will not trust it.",
                                    "For production, request a certificate from a certification authority."))
        if cert.key_type == "ECDSA" and settings.client_server_legacy_network_layer \
                and settings.client_server_encryption:
            problems.append(Problem(Severity.ERROR, "client_server.legacy_network_layer",
                                    "The legacy network layer does not support ECDSA certificates.",
                                    "Use ServerNet (turn off the legacy layer) or an RSA certificate."))
        names = split_names(settings.web_host_names)
        uncovered = [n for n in names if not _covered(n, cert.names)]
        if uncovered:
            problems.append(Problem(Severity.WARNING, "web.host_names",
                                    f"The certificate does not cover {', '.join(uncovered)}.",
                                    "Request a certificate whose subjectAltName lists every host name."))
    if facts.key_in_git:
        problems.append(Problem(Severity.WARNING, "files.key",
                                "key.pem is inside a git work tree and not ignored: it could be committed.",
                                "Add key.pem to .gitignore."))
    if facts.dh_error:
        problems.append(Problem(Severity.ERROR, "files.dhparams", facts.dh_error,
                                "Install a standard group (ffdhe2048) from the Certificates page."))
    elif facts.dh_bits is not None and facts.dh_bits < 2048:
        problems.append(Problem(Severity.ERROR, "files.dhparams",
                                f"dhparams.pem has only {facts.dh_bits} bits (Logjam).",
                                "Install the standard ffdhe2048 group or larger."))
    return problems


def _covered(name: str, sans: tuple[str, ...]) -> bool:
    name = name.lower()
    for san in sans:
        san = san.lower()
        if san == name:
            return True
        if san.startswith("*.") and "." in name and name.split(".", 1)[1] == san[2:]:
            return True
    return False


def _hsts_problems(settings) -> list[Problem]:
    problems = []
    age = settings.web_hsts_max_age
    if age > TEN_YEARS:
        problems.append(Problem(Severity.ERROR, "web.hsts_max_age",
                                f"An HSTS max age of {age} seconds is over ten years.",
                                "Use 31536000 (1 year) or 63072000 (2 years)."))
    if not settings.web_hsts_enabled:
        return problems
    if not settings.web_https_enabled:
        problems.append(Problem(Severity.ERROR, "web.hsts_enabled", "HSTS needs HTTPS, which is disabled.",
                                "Enable HTTPS, or turn HSTS off."))
    if not settings.web_http_enabled:
        problems.append(Problem(Severity.WARNING, "web.hsts_enabled",
                                "HTTP is disabled, so a first visit to http:// cannot be redirected to HTTPS "
                                "and never sees the HSTS header.",
                                "Enable HTTP as well; 4D then redirects it to HTTPS."))
    if age == 0:
        problems.append(Problem(Severity.WARNING, "web.hsts_max_age",
                                "max-age=0 tells browsers to forget HSTS for this site.",
                                "Use 31536000 (1 year) or more."))
    elif age < ONE_YEAR:
        problems.append(Problem(Severity.WARNING, "web.hsts_max_age",
                                f"An HSTS max age under one year ({age} s) cannot be preloaded and misses A+.",
                                "Use 31536000 (1 year) or 63072000 (2 years)."))
    elif TWO_YEARS < age <= TEN_YEARS:
        problems.append(Problem(Severity.WARNING, "web.hsts_max_age",
                                f"An HSTS max age over two years ({age} s) is longer than anyone recommends.",
                                "Use 63072000 (2 years)."))
    return problems


def _tls_problems(settings, facts: FileFacts) -> list[Problem]:
    problems = []
    if settings.tls_min_version in ("1.0", "1.1"):
        problems.append(Problem(Severity.WARNING, "tls.min_version",
                                f"TLS {settings.tls_min_version} is obsolete (RFC 8996); browsers refuse it "
                                "and SSL Labs caps the grade at B.",
                                "Use TLS 1.2 or 1.3."))
    if settings.client_server_legacy_network_layer and settings.client_server_encryption:
        problems.append(Problem(Severity.INFO, "client_server.legacy_network_layer",
                                "The legacy network layer ignores the minimum TLS version.",
                                "Use ServerNet to apply it to client-server connections too."))
    text = settings.tls_cipher_list
    tls_used = settings.web_https_enabled or settings.client_server_encryption or settings.sql_tls_enabled
    if not text.strip():
        if tls_used and not facts.dhparams_present and settings.tls_min_version != "1.3":
            problems.append(Problem(Severity.INFO, "files.dhparams",
                                    "There is no dhparams.pem: 4D generates one at first start, which can take "
                                    "several minutes.",
                                    "Install the standard ffdhe2048 group now (instant)."))
        return problems
    if settings.tls_min_version == "1.3":
        problems.append(Problem(Severity.INFO, "tls.cipher_list",
                                "With TLS 1.3 only, the cipher list has no effect (it applies to TLS 1.2 and older).",
                                "Clear it, or allow TLS 1.2."))
    analysis = analyse(text)
    if analysis.error:
        problems.append(Problem(Severity.ERROR, "tls.cipher_list", analysis.error,
                                "Check the spelling against `openssl ciphers -v`, or choose a profile."))
        return problems
    if analysis.unknown:
        problems.append(Problem(Severity.ERROR, "tls.cipher_list",
                                f"OpenSSL does not know {', '.join(repr(t) for t in analysis.unknown)} "
                                "and would silently ignore it.",
                                "Correct the spelling, or choose a profile."))
    if settings.tls_min_version == "1.3":
        return problems
    if analysis.anonymous:
        problems.append(Problem(Severity.ERROR, "tls.cipher_list",
                                "The list allows anonymous suites, which anyone in the middle can intercept.",
                                "Add !aNULL to the list."))
    if not analysis.forward_secret:
        problems.append(Problem(Severity.WARNING, "tls.cipher_list",
                                "No suite with ECDHE or DHE: no forward secrecy (4D's doc: a custom list must "
                                "contain DH or ECDH entries).",
                                "Add ECDHE suites, or choose the Intermediate profile."))
    if not analysis.aead:
        problems.append(Problem(Severity.WARNING, "tls.cipher_list",
                                "No AEAD suite (GCM or ChaCha20-Poly1305): SSL Labs caps the grade at B.",
                                "Add ECDHE-RSA-AES128-GCM-SHA256 or choose the Intermediate profile."))
    if analysis.dhe and not facts.dhparams_present:
        problems.append(Problem(Severity.WARNING, "files.dhparams",
                                "DHE suites are enabled but there is no dhparams.pem: 4D generates one at first "
                                "start, which can take several minutes.",
                                "Install the standard ffdhe2048 group now (instant)."))
    if facts.dhparams_present and not analysis.dhe:
        problems.append(Problem(Severity.INFO, "files.dhparams",
                                "dhparams.pem is not used: the cipher list has no DHE suite.", ""))
    return problems


def validate(settings, facts: FileFacts | None = None) -> list[Problem]:
    """Every problem with these settings and files, errors first."""
    facts = facts or FileFacts()
    problems = _port_problems(settings) + _hsts_problems(settings) + _tls_problems(settings, facts)
    problems += _file_problems(settings, facts)
    bad_names = [n for n in split_names(settings.web_host_names) if not is_host_name(n)]
    if bad_names:
        problems.append(Problem(Severity.ERROR, "web.host_names", f"{bad_names[0]!r} is not a host name.",
                                "Use names like www.example.com, separated by commas."))
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(problems, key=lambda p: order[p.severity])
