"""The settings values: a frozen value class generated from the option declarations, plus their sources."""

from __future__ import annotations

from enum import Enum
from typing import Any, NamedTuple, cast

from tlsgui.model import settings_values as _generated
from tlsgui.model.options import OPTIONS, option


def _field_name(key: str) -> str:
    return key.replace(".", "_")


class _SettingsBase:
    """Key-based access shared by the generated Settings class."""

    def get(self, key: str) -> Any:
        option(key)
        return getattr(self, _field_name(key))

    def replace(self, **changes: Any) -> "Settings":
        """A copy with some values changed, given by dotted key: `settings.replace(**{"web.http_port": 8080})`."""
        checked = {_field_name(key): option(key).check(value) for key, value in changes.items()}
        values = {_field_name(opt.key): getattr(self, _field_name(opt.key)) for opt in OPTIONS}
        return cast("Settings", type(self)(**{**values, **checked}))

    def as_dict(self) -> dict[str, Any]:
        return {opt.key: getattr(self, _field_name(opt.key)) for opt in OPTIONS}

    def changed_keys(self, other: "Settings") -> list[str]:
        return [opt.key for opt in OPTIONS if self.get(opt.key) != other.get(opt.key)]


# Generated from OPTIONS, so that adding an Option (then `make ui`) is all a new setting needs. The class
# body is written out once by packaging/build_settings.py instead of dataclasses.make_dataclass at every start.
if _generated.FIELDS != tuple((_field_name(opt.key), opt.default) for opt in OPTIONS):
    raise ImportError("tlsgui/model/settings_values.py does not match OPTIONS: run `make ui`")


class Settings(_generated.SettingsValues, _SettingsBase):
    """Effective values of every declared option (field names: dotted keys with underscores)."""


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
