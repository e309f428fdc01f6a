"""Which settings reach 4D only through TLS_ApplySettings, and whether 4D calls it at start-up."""

from __future__ import annotations

from typing import NamedTuple

from tlsgui.model.release import Release
from tlsgui.policy.versions import default_min_tls, holds

# 4D keeps the minimum TLS version, the cipher list and (before 21) HSTS only per session: they are set with
# SET DATABASE PARAMETER / WEB SET OPTION (https://developer.4d.com/docs/WebServer/webServerConfig), so
# they reach 4D only when the On Startup / On Server Startup database methods call the generated method.
LABELS = {"tls.min_version": "the minimum TLS version", "tls.cipher_list": "the cipher list",
          "web.hsts_enabled": "HSTS"}

# How 4D's language applies each of them (the generated method writes these lines, project/method_file.py):
# SET DATABASE PARAMETER's "Min TLS version" takes the TLSv1_x constants (also KB 78102) and "SSL cipher list" an OpenSSL
# cipher string (https://developer.4d.com/docs/commands/set-database-parameter); WEB SET OPTION's "Web HSTS
# enabled" takes 1 and "Web HSTS max age" seconds (https://developer.4d.com/docs/commands/web-set-option).
MIN_TLS_CONSTANTS = {"1.0": "TLSv1_0", "1.1": "TLSv1_1", "1.2": "TLSv1_2", "1.3": "TLSv1_3"}
MIN_TLS_STATEMENT = "SET DATABASE PARAMETER(Min TLS version; {constant})"
CIPHER_LIST_STATEMENT = "SET DATABASE PARAMETER(SSL cipher list; {quoted})"
HSTS_STATEMENTS = ("WEB SET OPTION(Web HSTS enabled; 1)", "WEB SET OPTION(Web HSTS max age; {seconds})")
WHO = {"onStartup.4dm": "4D (local or remote)", "onServerStartup.4dm": "4D Server"}


def method_keys(settings, release: Release) -> tuple[str, ...]:
    """The settings TLS_ApplySettings applies: those that differ from the release's own default."""
    keys = []
    if settings.tls_min_version != default_min_tls(release):
        keys.append("tls.min_version")
    if settings.tls_cipher_list:
        keys.append("tls.cipher_list")
    if settings.web_hsts_enabled and not holds("http_rules_file", release):
        keys.append("web.hsts_enabled")  # 4D 21+ sends it from HTTPRules.json, without code
    return tuple(keys)


class Unapplied(NamedTuple):
    keys: tuple[str, ...]  # settings 4D does not apply yet
    missing: tuple[str, ...]  # startup method files that do not call TLS_ApplySettings
    message: str
    fix: str


def unapplied(settings, release: Release, startup: tuple[tuple[str, bool], ...]) -> Unapplied | None:
    """Words for settings that 4D will not apply because a startup method does not call the method."""
    keys = method_keys(settings, release)
    missing = tuple(name for name, calls in startup if not calls)
    if not keys or not missing or not startup:
        return None
    labels = [LABELS[k] for k in keys]
    what = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    who = " or ".join(WHO.get(name, name) for name in missing)
    files = " and ".join(missing)
    return Unapplied(keys, missing,
                     f"{what[0].upper() + what[1:]} {'reaches' if len(keys) == 1 else 'reach'} 4D only through "
                     f"TLS_ApplySettings, which {files} {'does' if len(missing) == 1 else 'do'} not call: {who} "
                     f"will not apply {'it' if len(keys) == 1 else 'them'}.",
                     "Use \"Call TLS_ApplySettings at start-up\" (TLS policy page) or run "
                     "`tlsgui settings PROJECT wire-startup`.")
