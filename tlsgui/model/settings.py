"""The settings values: a frozen, typed value class over the option declarations, plus their sources."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from typing import Any, NamedTuple

from tlsgui.model.options import OPTIONS, option


def _field_name(key: str) -> str:
    return key.replace(".", "_")


def _default(key: str) -> Any:
    return option(key).default


@dataclass(frozen=True)
class Settings:
    """Effective values of every declared option (field names: dotted keys with underscores).

    The fields are typed so that mypy checks every `settings.web_http_port`; their defaults are the
    declarations' (tlsgui/model/options.py), and the import-time check below keeps the two in step.
    """

    web_http_enabled: bool = _default("web.http_enabled")
    web_http_port: int = _default("web.http_port")
    web_https_enabled: bool = _default("web.https_enabled")
    web_https_port: int = _default("web.https_port")
    web_listening_address: str = _default("web.listening_address")
    web_certificate_folder: str = _default("web.certificate_folder")
    web_host_names: str = _default("web.host_names")
    web_hsts_enabled: bool = _default("web.hsts_enabled")
    web_hsts_max_age: int = _default("web.hsts_max_age")
    client_server_encryption: bool = _default("client_server.encryption")
    client_server_port: int = _default("client_server.port")
    client_server_legacy_network_layer: bool = _default("client_server.legacy_network_layer")
    sql_launch_at_startup: bool = _default("sql.launch_at_startup")
    sql_port: int = _default("sql.port")
    sql_tls_enabled: bool = _default("sql.tls_enabled")
    tls_min_version: str = _default("tls.min_version")
    tls_cipher_list: str = _default("tls.cipher_list")
    project_4d_version: str = _default("project.4d_version")

    def get(self, key: str) -> Any:
        option(key)
        return getattr(self, _field_name(key))

    def replace(self, **changes: Any) -> Settings:
        """A copy with some values changed, given by dotted key: `settings.replace(**{"web.http_port": 8080})`."""
        checked = {_field_name(key): option(key).check(value) for key, value in changes.items()}
        values = {_field_name(opt.key): getattr(self, _field_name(opt.key)) for opt in OPTIONS}
        return type(self)(**{**values, **checked})

    def as_dict(self) -> dict[str, Any]:
        return {opt.key: getattr(self, _field_name(opt.key)) for opt in OPTIONS}

    def changed_keys(self, other: Settings) -> list[str]:
        return [opt.key for opt in OPTIONS if self.get(opt.key) != other.get(opt.key)]


# A new Option needs its field here (and only here besides its declaration): refuse to start otherwise.
if [(f.name, f.type) for f in fields(Settings)] != [(_field_name(o.key), o.type.__name__) for o in OPTIONS]:
    raise ImportError("tlsgui.model.settings.Settings and tlsgui.model.options.OPTIONS list different settings")


class Source(Enum):
    """Where an effective value was read from, lowest precedence first (4D's order)."""

    DEFAULT = "default"
    STRUCTURE = "structure"  # Project/Sources/settings.4DSettings
    USER = "user"  # Settings/settings.4DSettings
    USER_DATA = "user_data"  # Data/Settings/settings.4DSettings
    HTTP_RULES = "http_rules"  # Project/Sources/HTTPRules.json (4D 21+: HSTS as a response header rule)
    SIDECAR = "sidecar"  # Project/Sources/tls-settings.json

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    Source.DEFAULT: "4D default",
    Source.STRUCTURE: "settings.4DSettings (structure)",
    Source.USER: "Settings/settings.4DSettings (user)",
    Source.USER_DATA: "Data/Settings/settings.4DSettings (user, data file)",
    Source.HTTP_RULES: "HTTPRules.json",
    Source.SIDECAR: "tls-settings.json",
}


class Sourced(NamedTuple):
    """A value together with the file it came from (an immutable record: a NamedTuple is made faster than a
    frozen dataclass, and one is made per setting when a project opens)."""

    value: Any
    source: Source
    path: str = ""  # the file, when the source is a file
