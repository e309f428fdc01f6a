"""Every rule about settings and files, once: each verdict a Finding, read by validation and by the grade."""

from __future__ import annotations

from tlsgui.model.facts import FileFacts
from tlsgui.model.options import BY_KEY, is_host_name, split_names
from tlsgui.policy import certificates, files, limits, rating
from tlsgui.policy.ciphers import analyse, describe_unknown
from tlsgui.policy.files import CERT_FILE, DH_FILE, KEY_FILE, dhparams_used, tls_used
from tlsgui.policy.findings import Finding, Severity
from tlsgui.policy.hosts import uncovered
from tlsgui.policy.ports import listening_ports
from tlsgui.policy.version_rules import ecdsa_findings, hsts_rules_findings, own_files_findings, startup_findings

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _port_findings(settings) -> list[Finding]:
    out = []
    for key in ("web.http_port", "web.https_port", "client_server.port", "sql.port"):
        option = BY_KEY[key]
        value = settings.get(key)
        if value == 0 and option.zero_means is None:
            out.append(Finding(ERROR, key, f"{option.label} 0 is not allowed.", option.range_hint()))
        elif not 0 <= value <= 65535:
            out.append(Finding(ERROR, key, f"{option.label} {value} is not a TCP port.", option.range_hint()))
    if settings.client_server_port > 65533:
        out.append(Finding(ERROR, "client_server.port",
                           "4D also needs the two ports after the application server port, which do not exist.",
                           "Use a port of 65533 or lower."))
    seen: dict[int, tuple[str, str]] = {}
    for key, what, port in listening_ports(settings):
        if port in seen and seen[port][0] != key:
            other_key, other = seen[port]
            out.append(Finding(ERROR, key, f"The {what} port {port} is also used by {other}.",
                               "Give each server its own port."))
        seen.setdefault(port, (key, what))
    return out


def _file_findings(settings, facts: FileFacts) -> list[Finding]:
    out = []
    out += own_files_findings(settings, facts) + ecdsa_findings(settings, facts) + startup_findings(settings, facts)
    out += hsts_rules_findings(settings, facts)
    if facts.cert_error:
        out.append(Finding(ERROR, "files.cert", facts.cert_error,
                           "Install the certificate again from the Certificates page."))
    out += _cert_findings(settings, facts)
    if facts.key_in_git:
        out.append(Finding(WARNING, "files.key",
                           f"{KEY_FILE} is inside a git work tree and not ignored: it could be committed.",
                           f"Add {KEY_FILE} to .gitignore."))
    if facts.keys_in_git:
        shown = ", ".join(facts.keys_in_git[:3]) + (f" and {len(facts.keys_in_git) - 3} more"
                                                    if len(facts.keys_in_git) > 3 else "")
        out.append(Finding(WARNING, "files.key", f"Private keys git would track (not ignored): {shown}.",
                           "Add .tlsgui/ and *.key.pem to .gitignore (tlsgui adds them when it writes a key)."))
    if facts.key_mode is not None and files.key_too_open(facts.key_mode):
        # 4D reads key.pem as the user it runs as; nobody else needs to (the file is an unencrypted key).
        out.append(Finding(WARNING, "files.key",
                           f"Other users have access to {KEY_FILE} (mode {facts.key_mode:04o}).",
                           f"Make it private: mode {files.PRIVATE_KEY_MODE:04o} (chmod 600 {KEY_FILE}; the "
                           "Certificates page does it with one click; tlsgui writes it so)."))
    if facts.dh_error:
        out.append(Finding(ERROR, "files.dhparams", facts.dh_error,
                           "Install a standard group (ffdhe2048) from the Certificates page."))
    elif facts.dh_bits is not None and facts.dh_bits < limits.MIN_DH_BITS:
        out.append(Finding(ERROR, "files.dhparams", f"{DH_FILE} has only {facts.dh_bits} bits (Logjam).",
                           "Install the standard ffdhe2048 group or larger.",
                           cap="B", reason=f"DH parameters of {facts.dh_bits} bits: capped at B.",
                           rule="dh.size"))
    return out


def _cert_findings(settings, facts: FileFacts) -> list[Finding]:
    cert = facts.cert
    if not cert:
        return []
    out = []
    now = facts.now  # one instant for every verdict below
    if cert.matches_key is False:
        out.append(Finding(ERROR, "files.cert", f"{CERT_FILE} does not belong to {KEY_FILE}: the servers cannot "
                           "start TLS.", "Install the certificate issued for this key, or the key it was issued for."))
    if certificates.expired(cert.not_after, now):
        out.append(Finding(ERROR, "files.cert", f"The certificate expired on {cert.not_after:%Y-%m-%d}.",
                           "Request a new certificate and install it.",
                           cap="T", reason="The certificate has expired, so it is not trusted.", rule="cert.expired"))
    elif certificates.expiring_soon(cert.not_before, cert.not_after, now):
        out.append(Finding(WARNING, "files.cert",
                           f"The certificate expires in {certificates.time_left(cert.not_after, now)}, on "
                           f"{cert.not_after:%Y-%m-%d %H:%M} UTC.",
                           "Renew it now (for a certificate from `tlsgui acme`: tlsgui renew PROJECT, and check "
                           "its timer with --install-timer)."))
    if certificates.not_yet_valid(cert.not_before, now):
        out.append(Finding(ERROR, "files.cert",
                           f"The certificate is not valid before {cert.not_before:%Y-%m-%d %H:%M} UTC.",
                           "Check this machine's clock, or wait."))
    if not certificates.key_supported(cert.key_type):
        out.append(Finding(ERROR, "files.cert", f"The certificate's key type ({cert.key_type}) is not supported by 4D.",
                           "Use an RSA or ECDSA certificate."))
    elif cert.key_type == "RSA" and certificates.key_too_weak(cert.key_type, cert.key_bits):
        out.append(Finding(ERROR, "files.cert", f"The certificate's RSA key has only {cert.key_bits} bits.",
                           f"Use a {limits.MIN_RSA_BITS}-bit or larger key.",
                           cap="B", reason=f"An RSA key of {cert.key_bits} bits: capped at B.", rule="cert.rsa_size"))
    elif certificates.key_too_weak(cert.key_type, cert.key_bits):
        out.append(Finding(ERROR, "files.cert", f"The certificate's ECDSA key has only {cert.key_bits} bits.",
                           "Use P-256 or P-384."))
    if certificates.hash_broken(cert.signature_hash):
        md5 = cert.signature_hash == "md5"
        out.append(Finding(ERROR, "files.cert",
                           f"The certificate is signed with {cert.signature_hash.upper()}, which browsers reject.",
                           "Ask the certification authority for a SHA-256 certificate.",
                           cap="F" if md5 else "", reason="An MD5 signature: F." if md5 else "", rule="cert.hash"))
    if cert.self_signed:
        out.append(Finding(WARNING, "files.cert",
                           "The certificate is self-signed: fine for development only; browsers and "
                           "clients will not trust it.",
                           "For production, request a certificate from a certification authority.",
                           cap="T", reason="The certificate is self-signed, so it is not trusted.",
                           rule="cert.self_signed"))
    if not cert.self_signed:  # a self-signed certificate has its own finding above
        for problem in facts.trust_problems:
            out.append(Finding(WARNING, "files.cert", problem,
                               "Install the full chain your CA sent (tlsgui install PROJECT FILE), or a "
                               "certificate from a CA that browsers trust.",
                               cap="T", reason=problem, rule="cert.untrusted"))
    for problem in facts.chain_warnings:
        out.append(Finding(WARNING, "files.cert", problem,
                           "Install the full chain your CA sent (tlsgui install PROJECT FILE orders it)."))
    for problem in facts.usage_problems:
        out.append(Finding(ERROR, "files.cert", problem,
                           "Ask the CA for a certificate with key usage digitalSignature (and keyEncipherment "
                           "for RSA) and extended key usage serverAuth.", cap="T", reason=problem, rule="cert.usage"))
    if cert.key_type == "ECDSA" and settings.client_server_legacy_network_layer \
            and settings.client_server_encryption:
        out.append(Finding(ERROR, "client_server.legacy_network_layer",
                           "The legacy network layer does not support ECDSA certificates.",
                           "Use ServerNet (turn off the legacy layer) or an RSA certificate."))
    missing = uncovered(split_names(settings.web_host_names), cert.names)
    if missing:
        out.append(Finding(WARNING, "web.host_names", f"The certificate does not cover {', '.join(missing)}.",
                           "Request a certificate whose subjectAltName lists every host name."))
    return out


def _hsts_findings(settings) -> list[Finding]:
    out = []
    age = settings.web_hsts_max_age
    if age > limits.TEN_YEARS:
        out.append(Finding(ERROR, "web.hsts_max_age", f"An HSTS max age of {age} seconds is over ten years.",
                           "Use 31536000 (1 year) or 63072000 (2 years)."))
    if not settings.web_hsts_enabled:
        return out
    if not settings.web_https_enabled:
        out.append(Finding(ERROR, "web.hsts_enabled", "HSTS needs HTTPS, which is disabled.",
                           "Enable HTTPS, or turn HSTS off."))
    if not settings.web_http_enabled:
        out.append(Finding(WARNING, "web.hsts_enabled",
                           "HTTP is disabled, so a first visit to http:// cannot be redirected to HTTPS "
                           "and never sees the HSTS header.",
                           "Enable HTTP as well; 4D then redirects it to HTTPS."))
    if age == 0:
        out.append(Finding(WARNING, "web.hsts_max_age", "max-age=0 tells browsers to forget HSTS for this site.",
                           "Use 31536000 (1 year) or more."))
    elif age < rating.HSTS_A_PLUS:
        out.append(Finding(WARNING, "web.hsts_max_age",
                           f"An HSTS max age under 180 days ({age} s) misses A+ and cannot be preloaded.",
                           "Use 31536000 (1 year) or 63072000 (2 years)."))
    elif age < limits.ONE_YEAR:
        out.append(Finding(INFO, "web.hsts_max_age",
                           f"An HSTS max age under one year ({age} s) earns A+ but cannot be preloaded "
                           "(hstspreload.org asks for a year).", "Use 31536000 (1 year) to allow preloading."))
    elif limits.TWO_YEARS < age <= limits.TEN_YEARS:
        out.append(Finding(WARNING, "web.hsts_max_age",
                           f"An HSTS max age over two years ({age} s) is longer than anyone recommends.",
                           "Use 63072000 (2 years)."))
    return out


def hsts_earns_a_plus(settings) -> bool:
    """The predicted grade's A+: HSTS on, with a max age of at least 180 days (rating.HSTS_A_PLUS)."""
    return settings.web_hsts_enabled and settings.web_hsts_max_age >= rating.HSTS_A_PLUS


def _tls_findings(settings, facts: FileFacts) -> list[Finding]:
    out = []
    if settings.tls_min_version in limits.OBSOLETE_TLS:
        out.append(Finding(WARNING, "tls.min_version",
                           f"TLS {settings.tls_min_version} is obsolete (RFC 8996); browsers refuse it "
                           "and SSL Labs caps the grade at B.", "Use TLS 1.2 or 1.3.",
                           cap=rating.CAPS["old_protocols"].grade, rule="tls.obsolete_version",
                           reason=rating.reason("old_protocols", version=settings.tls_min_version + (
                               " and 1.1" if settings.tls_min_version == "1.0" else ""))))
    if settings.client_server_legacy_network_layer and settings.client_server_encryption:
        out.append(Finding(INFO, "client_server.legacy_network_layer",
                           "The legacy network layer ignores the minimum TLS version.",
                           "Use ServerNet to apply it to client-server connections too."))
    text = settings.tls_cipher_list
    if not text.strip():
        if tls_used(settings) and not facts.dhparams_present and dhparams_used(settings):
            out.append(Finding(INFO, "files.dhparams",
                               f"There is no {DH_FILE}: 4D generates one at first start, which can take "
                               "several minutes.", "Install the standard ffdhe2048 group now (instant)."))
        if settings.tls_min_version != "1.3":
            out.append(Finding(None, "tls.cipher_list", "", rule="cipher.builtin",
                               reason="The cipher list is 4D's built-in one (not published); predicted as "
                                      "OpenSSL's default."))
            if tls_used(settings):
                out += _legacy_suite_findings(analyse(""), builtin=True)
        return out
    if settings.tls_min_version == "1.3":
        out.append(Finding(INFO, "tls.cipher_list",
                           "With TLS 1.3 only, the cipher list has no effect (it applies to TLS 1.2 and older).",
                           "Clear it, or allow TLS 1.2."))
    analysis = analyse(text)
    if analysis.error or not analysis.suites:
        if analysis.error:
            out.append(Finding(ERROR, "tls.cipher_list", analysis.error,
                               "Check the spelling against `openssl ciphers -v`, or choose a profile."))
        if settings.tls_min_version != "1.3":
            out.append(Finding(None, "tls.cipher_list", "", cap="F", rule="cipher.no_suite",
                               reason="The cipher list selects no suite: TLS 1.2 handshakes fail."))
        if analysis.error:
            return out
    if analysis.unknown:
        # Weak suites this OpenSSL lacks (RC4, 3DES, EXPORT...) are graded as an older 4D would serve them.
        lacking = [(kind, found) for kind, found in rating.weak_suites((), analysis.unknown)]
        caps = [rating.CAPS[kind].grade for kind, _found in lacking]
        worst = next((grade for grade in reversed(rating.ORDER) if grade in caps), "")
        out.append(Finding(ERROR, "tls.cipher_list", describe_unknown(analysis.unknown),
                           "Correct the spelling or remove the name, or choose a profile.", cap=worst,
                           reason=" ".join(rating.reason(kind, suites=", ".join(found)) for kind, found in lacking)
                           + (" If 4D's OpenSSL still has them." if lacking else ""),
                           rule="cipher.unknown" if lacking else ""))
    if settings.tls_min_version == "1.3":
        return out
    names = tuple(suite.name for suite in analysis.suites)
    for kind, found in rating.weak_suites(names):
        cap, listed = rating.CAPS[kind], ", ".join(found)
        out.append(Finding(ERROR if cap.error else WARNING, "tls.cipher_list", cap.message.format(suites=listed),
                           cap.fix, cap=cap.grade, reason=rating.reason(kind, suites=listed), rule=f"cipher.{kind}"))
    tls13 = rating.TLS13_ALWAYS_ON
    if not analysis.forward_secret:
        if tls13:
            out.append(Finding(WARNING, "tls.cipher_list",
                               "No TLS 1.2 suite with ECDHE or DHE: clients limited to TLS 1.2 get no forward "
                               "secrecy (4D's doc: a custom list must contain DH or ECDH entries). TLS 1.3 always "
                               "has it, so the grade is not capped.",
                               "Add ECDHE suites, or choose the Intermediate profile.",
                               reason="No TLS 1.2 suite has forward secrecy; TLS 1.3 (always on in 4D) has it, so "
                                      "no cap (SSL Labs caps only what modern clients get).",
                               rule="cipher.no_forward_secrecy"))
        else:
            cap = rating.CAPS["no_forward_secrecy"]
            out.append(Finding(WARNING, "tls.cipher_list", cap.message, cap.fix, cap=cap.grade,
                               reason=rating.reason("no_forward_secrecy"), rule="cipher.no_forward_secrecy"))
    if not analysis.aead:
        if tls13:
            out.append(Finding(WARNING, "tls.cipher_list",
                               "No TLS 1.2 suite is AEAD (GCM or ChaCha20-Poly1305): clients limited to TLS 1.2 "
                               "use CBC. TLS 1.3 is always AEAD, so the grade is not capped.",
                               "Add ECDHE-RSA-AES128-GCM-SHA256 or choose the Intermediate profile.",
                               reason="No TLS 1.2 suite is AEAD; TLS 1.3 (always on in 4D) is, so no cap.",
                               rule="cipher.no_aead"))
        else:
            cap = rating.CAPS["no_aead"]
            out.append(Finding(WARNING, "tls.cipher_list", cap.message, cap.fix, cap=cap.grade,
                               reason=rating.reason("no_aead"), rule="cipher.no_aead"))
    out += _legacy_suite_findings(analysis, builtin=False)
    used = dhparams_used(settings, analysis)
    if used and not facts.dhparams_present:
        out.append(Finding(WARNING, "files.dhparams",
                           f"DHE suites are enabled but there is no {DH_FILE}: 4D generates one at first "
                           "start, which can take several minutes.",
                           "Install the standard ffdhe2048 group now (instant)."))
    if facts.dhparams_present and not used:
        out.append(Finding(INFO, "files.dhparams", f"{DH_FILE} is not used: the cipher list has no DHE suite.", ""))
    return out


def _legacy_suite_findings(analysis, *, builtin: bool) -> list[Finding]:
    """CBC suites and RSA key exchange: scanners list them as weak, Mozilla's Intermediate profile leaves them out
    (https://wiki.mozilla.org/Security/Server_Side_TLS); SSL Labs does not cap the grade for them."""
    cbc = [s.name for s in analysis.suites if not s.aead and not rating.weak_kind(s.name)]
    rsa = [s.name for s in analysis.suites if s.kx == "RSA" and not rating.weak_kind(s.name)]
    if not (cbc or rsa):
        return []
    what = "4D's built-in list (predicted as OpenSSL's default)" if builtin else "The cipher list"
    parts = []
    if cbc:
        parts.append(f"{len(cbc)} CBC suite(s), e.g. {cbc[0]} (padding-oracle attacks such as Lucky13)")
    if rsa:
        parts.append(f"{len(rsa)} with RSA key exchange, e.g. {rsa[0]} (no forward secrecy for the TLS 1.2 "
                     "clients that pick them)")
    return [Finding(INFO, "tls.cipher_list",
                    f"{what} has {' and '.join(parts)}; Mozilla's Intermediate profile leaves both out and "
                    "scanners list them as weak (no grade cap).",
                    "Choose the Intermediate profile: ECDHE and DHE suites with AES-GCM or ChaCha20 only.")]


def _host_name_findings(settings) -> list[Finding]:
    bad = [n for n in split_names(settings.web_host_names) if not is_host_name(n)]
    if not bad:
        return []
    return [Finding(ERROR, "web.host_names", f"{bad[0]!r} is not a host name.",
                    "Use names like www.example.com, separated by commas.")]


def findings(settings, facts: FileFacts | None = None) -> list[Finding]:
    """Every verdict of every rule on these settings and files, in rule order (problems and grade notes)."""
    facts = facts or FileFacts()
    return (_port_findings(settings) + _hsts_findings(settings) + _tls_findings(settings, facts)
            + _file_findings(settings, facts) + _host_name_findings(settings))
