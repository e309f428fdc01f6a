"""What `tlsgui acme` (or the wizard) asks for, checked with words before anything is sent (no network imports)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path

from tlsgui.crypto.csr import CsrFields, check_fields, san_names
from tlsgui.errors import TlsguiError
from tlsgui.policy import acme as rules
from tlsgui.project.acme_store import OrderSettings

CHALLENGES = ("http-01", "dns-01")


@dataclass
class Request:
    """What `tlsgui acme` (or the wizard) asks for; `settings` is what is remembered for renewal."""

    settings: OrderSettings
    agree_tos: bool = False
    eab_hmac_key: str = ""  # used once to bind the account, never stored
    http_address: str = ""  # where the HTTP-01 answer listens ('' = every address, as the CA comes from outside)
    challenge_port: int = 80  # the port the CA validates HTTP-01 on (RFC 8555 section 8.3: 80)


@dataclass
class Result:
    domains: list[str]
    folder: Path
    not_before: datetime.datetime
    not_after: datetime.datetime
    key_type: str
    backup: str | None
    chain_length: int
    resumed: bool = False
    checks: list = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"domains": self.domains, "folder": str(self.folder), "key_type": self.key_type,
                "not_before": self.not_before.isoformat(timespec="seconds"),
                "not_after": self.not_after.isoformat(timespec="seconds"), "backup": self.backup,
                "chain_length": self.chain_length, "resumed": self.resumed,
                "checks": [c.as_json("check") for c in self.checks], "notices": self.notices}


def _never() -> bool:
    return False


def _quiet(_: str) -> None:
    pass


def check_request(project, request: Request) -> OrderSettings:
    """Refuse bad input with words before anything is written or sent (exit 2); the settings, normalised."""
    s = request.settings
    domains = [d.strip().lower().rstrip(".") for d in s.domains if d.strip()]
    if not domains:
        raise TlsguiError("No domain given.", where="--domain", fix="Give --domain www.example.com (repeatable).")
    for name in domains:
        if rules.needs_dns_01(name, s.challenge):
            raise TlsguiError(f"{name}: a wildcard name can only be validated with DNS-01.", where="--domain",
                              fix="Add --challenge dns-01.")
    check_fields(CsrFields(common_name=domains[0].removeprefix("*.")))
    san_names(CsrFields(common_name=domains[0].removeprefix("*."),
                        sans=tuple(f"DNS:{d.removeprefix('*.')}" for d in domains[1:])))
    try:
        directory, _ = rules.resolve_directory(s.directory)
    except ValueError as exc:
        raise TlsguiError(str(exc), where="--directory", fix="Use letsencrypt, letsencrypt-staging, zerossl, "
                                                             "google, or the CA's https:// directory URL.") from None
    if s.challenge not in CHALLENGES:
        raise TlsguiError(f"{s.challenge!r} is not a challenge type tlsgui answers.", where="--challenge",
                          fix="Use http-01 or dns-01.")
    if s.challenge == "http-01" and s.webroot and s.http_port is not None:
        raise TlsguiError("--http-port and --webroot exclude each other.", fix="Choose one.")
    if s.challenge == "dns-01" and (s.webroot or s.http_port is not None):
        raise TlsguiError("--http-port and --webroot apply to HTTP-01 only.", fix="Drop them, or use http-01.")
    http_port = s.http_port
    if s.challenge == "http-01" and not s.webroot:
        http_port = 80 if http_port is None else http_port
        if not 1 <= http_port <= 65535:
            raise TlsguiError(f"Port {http_port} is not a TCP port.", where="--http-port", fix="Use 1 to 65535.")
    if s.key_type not in ("rsa", "ecdsa"):
        raise TlsguiError(f"{s.key_type!r} is not a key type.", where="--key-type", fix="Use ecdsa or rsa.")
    ca_bundle = s.ca_bundle
    if ca_bundle:
        path = Path(ca_bundle).expanduser().resolve()
        if not path.is_file():
            raise TlsguiError("The CA bundle does not exist.", where=str(ca_bundle),
                              fix="Give the PEM file of the test CA's root.")
        ca_bundle = str(path)
    return replace(s, domains=domains, directory=directory, http_port=http_port, ca_bundle=ca_bundle)


def default_key_type(project) -> str:
    return rules.default_key_type(project.version.release,
                                  project.settings.client_server_legacy_network_layer)


def key_type_warning(project, key_type: str) -> str:
    return rules.key_type_warning(key_type, project.version.release,
                                  project.settings.client_server_legacy_network_layer)


def reload_words(project) -> str:
    return rules.reload_words(project.version.release)


def web_folder(project) -> Path:
    # 4D's default HTML root is WebFolder beside Project/ (Settings > Web > Configuration, "Default HTML Root").
    return project.paths.root / "WebFolder"
