"""Backups of replaced files in `.tlsgui/backups/<timestamp>/`, and putting one back."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import write_atomic
from tlsgui.project.locate import ProjectPaths

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BackedUpFile:
    original: Path  # where the file lived (absolute)
    stored: Path  # its copy inside the backup folder


@dataclass(frozen=True)
class Backup:
    id: str
    folder: Path
    created: str  # ISO 8601, UTC
    reason: str
    files: tuple[BackedUpFile, ...]


def _new_folder(paths: ProjectPaths) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    folder = paths.backups_dir / stamp
    n = 1
    while folder.exists():
        n += 1
        folder = paths.backups_dir / f"{stamp}-{n}"
    return folder


def create_backup(paths: ProjectPaths, files: list[Path], reason: str) -> Backup | None:
    """Copy the existing ones of `files` into a new backup folder; None when none of them exists yet."""
    existing = [Path(f) for f in files if Path(f).is_file()]
    if not existing:
        return None
    folder = _new_folder(paths)
    try:
        folder.mkdir(parents=True)
        folder.chmod(0o700)  # backups may hold private keys
        stored: list[BackedUpFile] = []
        for index, original in enumerate(existing):
            target = folder / f"{index:02d}-{original.name}"
            shutil.copy2(original, target)
            stored.append(BackedUpFile(original.resolve(), target))
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        manifest = {
            "created": created,
            "reason": reason,
            "files": [{"original": str(f.original), "stored": f.stored.name} for f in stored],
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise TlsguiError(
            f"Could not back up the current files ({exc.strerror or exc}); nothing was changed.",
            where=str(folder),
        ) from None
    return Backup(folder.name, folder, created, reason, tuple(stored))


def list_backups(paths: ProjectPaths) -> list[Backup]:
    """Every readable backup, newest first."""
    out: list[Backup] = []
    if not paths.backups_dir.is_dir():
        return out
    for folder in sorted(paths.backups_dir.iterdir(), reverse=True):
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            files = tuple(
                BackedUpFile(Path(f["original"]), folder / f["stored"]) for f in data["files"]
            )
            out.append(Backup(folder.name, folder, data["created"], data.get("reason", ""), files))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a folder someone put there by hand is not ours to list
    return out


def restore_backup(paths: ProjectPaths, backup_id: str) -> Backup:
    """Put the files of a backup back in place; the files they replace are backed up first."""
    match = [b for b in list_backups(paths) if b.id == backup_id]
    if not match:
        known = ", ".join(b.id for b in list_backups(paths)) or "none"
        raise TlsguiError(f"No backup {backup_id!r}.", fix=f"Known backups: {known}.")
    backup = match[0]
    create_backup(paths, [f.original for f in backup.files], f"before restoring {backup_id}")
    for item in backup.files:
        data = item.stored.read_bytes()
        write_atomic(item.original, data, mode=item.stored.stat().st_mode & 0o777)
    return backup
