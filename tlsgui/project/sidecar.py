"""The versioned JSON sidecar for the settings 4D keeps in no XML key (HSTS, minimum TLS, ciphers, SQL TLS)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from tlsgui.errors import SettingsFileError, TlsguiError
from tlsgui.model.options import BY_KEY, Storage

FORMAT = 1
MAX_SIZE = 1024 * 1024


def _migrate_0_to_1(data: dict) -> dict:
    # Format 0 (tlsgui before 0.1) was a flat object of key: value.
    return {"format": 1, "settings": {k: v for k, v in data.items() if k != "format"}}


# MIGRATIONS[n] turns format n into format n + 1; a new format adds one function here.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _migrate_0_to_1}


@dataclass
class Sidecar:
    path: Path
    values: dict[str, Any] = field(default_factory=dict)  # only keys present in the file
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, kept as they are
    migrated_from: int | None = None

    def to_bytes(self) -> bytes:
        settings = {**self.extra, **{k: self.values[k] for k in BY_KEY if k in self.values}}
        data = {"format": FORMAT, "generator": "tlsgui", "settings": settings}
        import json  # here and in parse_sidecar: a project without a sidecar opens without loading json
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def parse_sidecar(data: bytes, path: Path) -> Sidecar:
    import json

    where = str(path)
    if len(data) > MAX_SIZE:
        raise SettingsFileError("The file is too large to be tlsgui's settings.", where=where)
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsFileError("The file is not UTF-8 text.", where=where) from None
    except RecursionError:
        raise SettingsFileError("The JSON nests too deeply to be tlsgui's settings.", where=where,
                                fix="Restore it from .tlsgui/backups/, or delete it to go back to the defaults.") from None
    except json.JSONDecodeError as exc:
        raise SettingsFileError(
            f"Line {exc.lineno}, column {exc.colno}: the JSON is malformed ({exc.msg}).", where=where,
            fix="Correct it, or restore it from .tlsgui/backups/.",
        ) from None
    if not isinstance(raw, dict):
        raise SettingsFileError("The file must hold a JSON object.", where=where,
                                fix="Restore it from .tlsgui/backups/, or delete it to go back to the defaults.")
    version = raw.get("format", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SettingsFileError(f"format={version!r} is not a format number.", where=where)
    if version > FORMAT:
        raise SettingsFileError(
            f"The file was written by a newer tlsgui (format {version}; this one reads up to {FORMAT}).",
            where=where, fix="Upgrade tlsgui; the file was left as it is.",
        )
    migrated_from = version if version < FORMAT else None
    while version < FORMAT:
        raw = MIGRATIONS[version](raw)
        version += 1
    settings = raw.get("settings", {})
    if not isinstance(settings, dict):
        raise SettingsFileError('"settings" must be a JSON object.', where=where)
    sidecar = Sidecar(path, migrated_from=migrated_from)
    for key, value in settings.items():
        option = BY_KEY.get(key)
        if option is None or option.storage is not Storage.SIDECAR:
            sidecar.extra[key] = value
            continue
        try:
            sidecar.values[key] = option.check(value)
        except TlsguiError as exc:
            raise SettingsFileError(f"{key}: {exc.message}", where=where, fix=exc.fix) from None
    return sidecar
