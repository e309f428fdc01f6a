"""The rules that depend on which 4D runs the project: own certificate files, ECDSA, start-up wiring."""

from __future__ import annotations

from tlsgui.model.facts import FileFacts
from tlsgui.policy.applied import unapplied
from tlsgui.policy.files import CERT_FILE, KEY_FILE, tls_users
from tlsgui.policy.findings import Finding, Severity
from tlsgui.policy.versions import ASSUMED, holds, source

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
BUILTIN_REASON = "4D's built-in certificate (no key.pem/cert.pem of the project's own): not trusted."


def _release(facts: FileFacts):
    return facts.release or ASSUMED


def _assumed(facts: FileFacts) -> str:
    return "" if facts.release else f" (4D {ASSUMED} assumed: set project.4d_version to the 4D that runs it)"


def own_files_findings(settings, facts: FileFacts) -> list[Finding]:
    """TLS on without the project's own key.pem/cert.pem: what 4D then does, release by release.

    Nothing stops a server here: 4D ships default files (v19/v20 Admin/tls.md), and from 20 R4 client-server
    and SQL TLS need no files at all. Only half a pair (a key without its certificate, or the reverse) is an
    error: 4D cannot use one file without the other.
    """
    missing = [name for name, present in ((KEY_FILE, facts.key_present), (CERT_FILE, facts.cert_present))
               if not present]
    release, assumed = _release(facts), _assumed(facts)
    dynamic = holds("cs_sql_tls_without_files", release)
    folder = facts.tls_folder or "the project folder"
    out = []
    for key, what in tls_users(settings):
        if key in ("client_server.encryption", "sql.tls_enabled") and dynamic:
            continue  # 4D 20 R4+: "configured dynamically (no certificate files are required)"
        if key == "client_server.encryption" and holds("app_server_files_in_resources", release):
            # 20 to 20 R3: the application server reads its files from the Resources folder, not the project's.
            out.append(Finding(
                INFO, key,
                f"On 4D {release}{assumed}, client-server encryption uses the {KEY_FILE} and {CERT_FILE} of the "
                "Resources folder of the 4D Server application (and of each remote 4D), not those of the project "
                "folder; without files there, 4D uses its built-in certificate.",
                f"Copy the project's files there (tlsgui export PROJECT DIR). See {source('app_server_files_in_resources')}"))
            continue
        if not missing:
            continue
        if len(missing) == 1:
            present = CERT_FILE if missing == [KEY_FILE] else KEY_FILE
            out.append(Finding(
                ERROR, key, f"{what[0].upper() + what[1:]} is enabled and {present} is in {folder}, but "
                            f"{missing[0]} is missing: 4D cannot use one without the other.",
                "Install the certificate and its key together (Certificates page), or remove the lone file."))
            continue
        out.append(Finding(
            WARNING, key,
            f"{what[0].upper() + what[1:]} is on without the project's own {KEY_FILE} and {CERT_FILE} (in "
            f"{folder}): 4D uses its built-in certificate, which every 4D installation shares and no browser or "
            f"client trusts{assumed}.",
            "Install a certificate (Certificates page), or a development certificate for testing.",
            cap="T" if key == "web.https_enabled" else "",
            reason=BUILTIN_REASON if key == "web.https_enabled" else "",
            rule="cert.builtin" if key == "web.https_enabled" else ""))
    return out


def ecdsa_findings(settings, facts: FileFacts) -> list[Finding]:
    """An ECDSA certificate before 4D 20 R4, which added ECDSA support (20 R4 release notes)."""
    cert = facts.cert
    release = _release(facts)
    if not cert or cert.key_type != "ECDSA" or holds("ecdsa_certificates", release) or not tls_users(settings):
        return []
    return [Finding(ERROR, "files.cert",
                    f"The certificate has an ECDSA key, which 4D supports from 20 R4 on; this project runs on "
                    f"4D {release}{_assumed(facts)}, whose servers cannot use it.",
                    "Use an RSA certificate, or set project.4d_version if the project runs on 20 R4 or later.")]


def startup_findings(settings, facts: FileFacts) -> list[Finding]:
    """Settings only TLS_ApplySettings gives 4D, while a startup method does not call it."""
    missing = unapplied(settings, _release(facts), facts.startup)
    if missing is None:
        return []
    return [Finding(WARNING, "files.startup", missing.message + _assumed(facts), missing.fix)]


def hsts_rules_findings(settings, facts: FileFacts) -> list[Finding]:
    """On 4D 21+, HSTS goes through HTTPRules.json, which 4D applies only with scalable sessions or none."""
    if not (settings.web_hsts_enabled and settings.web_https_enabled) or not holds("http_rules_file", _release(facts)):
        return []
    return [Finding(INFO, "web.hsts_enabled",
                    f"On 4D {_release(facts)}, tlsgui sends HSTS with a rule in Project/Sources/HTTPRules.json, which "
                    "4D applies when its web server uses scalable sessions or no sessions.",
                    f"Check the web session mode in 4D's Settings. See {source('http_rules_file')}#requirements")]
