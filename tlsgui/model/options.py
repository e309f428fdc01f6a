"""Every TLS-related 4D setting, declared once: key, type, 4D's default, words for a person, storage."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple, TypedDict

from tlsgui.errors import TlsguiError


class Storage(Enum):
    """Where a setting lives on disk."""

    XML = "settings.4DSettings"
    SIDECAR = "tls-settings.json"


class XmlPath(NamedTuple):
    """An attribute of an element below `<com.4d>` in settings.4DSettings.

    A NamedTuple, not a frozen dataclass: the same immutable record, made without compiling methods at start-up.
    """

    element: str  # slash-separated path below com.4d, e.g. "web/standalone_server/configuration"
    attribute: str


@dataclass(frozen=True)
class Option:
    """One setting: the single place its key, type, default, label, help and storage are declared."""

    key: str
    type: type  # bool, int or str
    default: Any
    label: str  # 4D's own words in the Settings dialog, where it has the setting
    help: str
    page: str  # the page that edits it: "web", "client_server", "sql", "tls", "certificates" (pages/registry.py)
    xml: XmlPath | None = None  # None: kept in the sidecar (4D has no XML key for it)
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    zero_means: int | None = None  # 4D reads 0 as this port; None: 0 is not allowed
    tlsgui_only: bool = False  # 4D has no such setting (tlsgui's own, kept in the sidecar): no "4D default"

    def __post_init__(self) -> None:
        if self.tlsgui_only and self.xml is not None:
            raise ValueError(f"{self.key}: a tlsgui-only setting cannot have a 4D XML path")

    @property
    def storage(self) -> Storage:
        return Storage.XML if self.xml else Storage.SIDECAR

    @property
    def object_name(self) -> str:
        """The Qt objectName of the editor for this option (dots become underscores)."""
        return self.key.replace(".", "_")

    def parse(self, text: str) -> Any:
        """Turn text typed by a person (CLI, form field) into a checked value, or raise TlsguiError."""
        raw = text.strip()
        if self.type is bool:
            lowered = raw.lower()
            if lowered in ("true", "false"):
                return lowered == "true"
            raise TlsguiError(f"{raw!r} is not a boolean.", where=self.key, fix="Use true or false.")
        if self.type is int:
            try:
                value = int(raw, 10)
            except ValueError:
                raise TlsguiError(
                    f"{raw!r} is not a whole number.", where=self.key, fix=self.range_hint()
                ) from None
            return self.check(value)
        return self.check(raw)

    def check(self, value: Any) -> Any:
        """Check an already-typed value against the declaration; return it or raise TlsguiError."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise TlsguiError(f"{value!r} is not a boolean.", where=self.key, fix="Use true or false.")
            return value
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TlsguiError(f"{value!r} is not a whole number.", where=self.key, fix=self.range_hint())
            if value == 0 and self.zero_means is not None:
                return value
            if (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum
            ):
                raise TlsguiError(f"{value} is out of range.", where=self.key, fix=self.range_hint())
            return value
        if not isinstance(value, str):
            raise TlsguiError(f"{value!r} is not text.", where=self.key)
        if self.choices and value not in self.choices:
            raise TlsguiError(
                f"{value!r} is not one of the allowed values.",
                where=self.key,
                fix="Use one of: " + ", ".join(self.choices) + ".",
            )
        if self.key == "web.listening_address" and value not in ("", "any"):
            try:
                ipaddress.ip_address(value)
            except ValueError:
                raise TlsguiError(
                    f"{value!r} is not an IP address.",
                    where=self.key,
                    fix="Use an IPv4 or IPv6 address of this machine, or leave it empty for any address.",
                ) from None
        if self.key == "web.host_names":
            bad = [name for name in split_names(value) if not is_host_name(name)]
            if bad:
                raise TlsguiError(
                    f"{bad[0]!r} is not a host name or IP address.",
                    where=self.key,
                    fix="Separate names with commas, e.g. www.example.com, example.com.",
                )
        if "\n" in value or "\r" in value:
            raise TlsguiError("A line break is not allowed here.", where=self.key)
        if self.key == "project.4d_version":
            from tlsgui.model.release import normalize_release

            return normalize_release(value, self.key)  # "20R4" is kept as 4D writes it: "20 R4"
        return value

    def range_hint(self) -> str:
        if self.minimum is None:
            return ""
        zero = f" (0 means {self.zero_means})" if self.zero_means is not None else ""
        return f"Use a number from {self.minimum} to {self.maximum}{zero}."

    def effective_port(self, value: int) -> int:
        """The port 4D really listens on for this value (0 stands for the default on some servers)."""
        return self.zero_means if value == 0 and self.zero_means is not None else value


_WEB = "web/standalone_server/configuration"
class _Range(TypedDict):
    minimum: int
    maximum: int


_PORT: _Range = {"minimum": 1, "maximum": 65535}

OPTIONS: tuple[Option, ...] = (
    Option(
        "web.http_enabled", bool, True, "Enable HTTP", "Accept non-secure HTTP connections.", "web",
        XmlPath(_WEB, "allowHttp"),
    ),
    Option(
        "web.http_port", int, 80, "HTTP Port", "TCP port of the web server for HTTP; 0 means 80.", "web",
        XmlPath(_WEB, "port_number"), zero_means=80, **_PORT,
    ),
    # A missing allow_ssl is HTTPS off: 4D's Settings dialog shows Enable HTTPS unchecked for a new project, and
    # real projects (tests/data/corpus) write allow_ssl="false" 22 times and "true" 3 times, never relying
    # on an "on" default.
    Option(
        "web.https_enabled", bool, False, "Enable HTTPS", "Accept TLS (HTTPS) connections.", "web",
        XmlPath(_WEB, "allow_ssl"),
    ),
    # 4D documents "0 means 80" for HTTP only; for HTTPS 0 is not documented, so it is refused.
    Option(
        "web.https_port", int, 443, "HTTPS Port", "TCP port of the web server for HTTPS.", "web",
        XmlPath(_WEB, "https_port_number"), **_PORT,
    ),
    Option(
        "web.listening_address", str, "", "IP Address",
        "The address the web server listens on; empty means any address of this machine.", "web",
        XmlPath(_WEB, "listening_address"),
    ),
    Option(
        "web.certificate_folder", str, "", "Certificate folder",
        "Folder holding key.pem and cert.pem; empty means next to the project folder.", "certificates",
        XmlPath(_WEB, "certificate_folder"),
    ),
    # No 4D setting names the host; the certificate checks and the CSR wizard need it, so tlsgui keeps it.
    Option(
        "web.host_names", str, "", "Host names",
        "Names clients use to reach these servers (comma-separated), e.g. www.example.com; "
        "used to check the certificate and to fill in a certificate request.", "certificates", tlsgui_only=True,
    ),
    Option(
        "web.hsts_enabled", bool, False, "Enable HSTS",
        "Send Strict-Transport-Security so browsers only use HTTPS for this site.", "web",
    ),
    Option(
        "web.hsts_max_age", int, 63072000, "HSTS max age",
        "How long (seconds) browsers remember to use HTTPS only; 4D's default is 2 years.", "web",
        minimum=0, maximum=2**31 - 1,
    ),
    Option(
        "client_server.encryption", bool, False, "Encrypt Client-Server Communications",
        "Use TLS between 4D Server and remote 4D clients. Restart 4D Server to apply.", "client_server",
        XmlPath("server/network/client_server", "use_encryption"),
    ),
    Option(
        "client_server.port", int, 19813, "Port Number",
        "TCP port of the application server; 4D also uses the next two ports.", "client_server",
        XmlPath("server/network/options", "publication_port"), zero_means=19813, **_PORT,
    ),
    Option(
        "client_server.legacy_network_layer", bool, False, "Use legacy network layer",
        "The legacy layer predates ServerNet; it ignores the minimum TLS version and cannot use ECDSA.",
        "client_server", XmlPath("server/network/options", "use_legacy_network_layer"),
    ),
    Option(
        "sql.launch_at_startup", bool, False, "Launch SQL Server at Startup",
        "Start the SQL server when the application opens.", "sql",
        XmlPath("sql/publication", "launch_at_startup"),
    ),
    Option(
        "sql.port", int, 19812, "TCP Port", "TCP port of the SQL server; 0 means 19812.", "sql",
        XmlPath("sql/publication", "port_number"), zero_means=19812, **_PORT,
    ),
    # The XML attribute 4D writes for SQL "Enable TLS" is not confirmed, so it is not guessed.
    Option(
        "sql.tls_enabled", bool, False, "Enable TLS",
        "Encrypt SQL connections; clients append :ssl to the server address in SQL LOGIN.", "sql",
    ),
    Option(
        "tls.min_version", str, "1.2", "Minimum TLS version",
        "Oldest TLS version the servers accept (v19 default: TLS 1.2).", "tls",
        choices=("1.0", "1.1", "1.2", "1.3"),
    ),
    Option(
        "tls.cipher_list", str, "", "Cipher list",
        "OpenSSL cipher string for TLS 1.2 and older; empty means 4D's built-in list.", "tls",
    ),
    # Which 4D runs the project decides which TLS rules apply (tlsgui/policy/versions.py). The .4DProject's
    # compatibilityVersion is only a hint, so the user can say; empty means "use the hint".
    Option(
        "project.4d_version", str, "", "4D version",
        "The 4D release that runs this project, e.g. 20 R4 or 21: tlsgui checks the settings against that "
        "release's TLS behaviour. Empty: read from the project file's compatibilityVersion.", "tls",
        tlsgui_only=True,
    ),
)

BY_KEY: dict[str, Option] = {option.key: option for option in OPTIONS}


def option(key: str) -> Option:
    """Look up a declared option, with a message that lists the known keys."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise TlsguiError(
            f"Unknown setting {key!r}.", fix="Known settings: " + ", ".join(BY_KEY) + "."
        ) from None


#: Attributes 4D keeps outside the options above but tlsgui needs to read.
ALLOW_USER_SETTINGS = XmlPath("general", "allow_user_settings")


def keys_on_page(page: str) -> tuple[str, ...]:
    """The settings a page edits, in declaration order."""
    return tuple(o.key for o in OPTIONS if o.page == page)


def split_names(text: str) -> list[str]:
    """Host names from a comma-separated list, without duplicates, in order."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        seen.setdefault(part.strip().lower().rstrip("."), None)
    return [name for name in seen if name]


def is_host_name(name: str) -> bool:
    """A DNS name (a leading '*.' wildcard allowed; internationalised names too) or an IP address."""
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    if not name.isascii():
        # An internationalised name is checked in the ASCII form clients send and CAs certify (IDNA).
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            return False
    labels = name.removeprefix("*.").split(".")
    if len(name) > 253 or not labels:
        return False
    for label in labels:
        if not 1 <= len(label) <= 63 or label.startswith("-") or label.endswith("-"):
            return False
        if not all(c.isascii() and (c.isalnum() or c == "-") for c in label):
            return False
    return not labels[-1].isdigit()
