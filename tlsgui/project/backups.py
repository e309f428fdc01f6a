"""Backups of replaced files in `.tlsgui/backups/<timestamp>/` (paths relative to the project), and putting one back."""

from __future__ import annotations

import json
import os
import shutil
import stat
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import _fsync_dir, _words, private_dir
from tlsgui.project.locate import ProjectPaths
from tlsgui.project.transaction import MAX_OLD, _inside, _write_new, project_lock, write_files
from tlsgui.safe_read import read_regular

MANIFEST = "manifest.json"
FORMAT = 2  # 1 (before): absolute "original" paths, which a copied project restored into the other one
INCOMPLETE = ".incomplete-"  # a backup being written; renamed to its id once its manifest is on disk
KEY_MODE, FILE_MODE = 0o600, 0o644


@dataclass(frozen=True)
class BackedUpFile:
    original: Path  # where the file lives: the backup's base folder joined with `relative`
    stored: Path  # its copy inside the backup folder
    relative: str = ""  # as the manifest says it, relative to the base folder (the project, or its TLS folder)


@dataclass(frozen=True)
class Backup:
    id: str
    folder: Path
    created: str  # ISO 8601, UTC
    reason: str
    files: tuple[BackedUpFile, ...]
    base: Path | None = None  # the folder the relative paths start from
    problem: str = ""  # set: listed, but cannot be restored (incomplete, or an entry pointing outside)

    @property
    def complete(self) -> bool:
        return not self.problem


def is_key_file(path: Path) -> bool:
    """key.pem and pending `*.key.pem`: restored as 0600 whatever mode their copy has (D7)."""
    return Path(path).name.endswith("key.pem")


def backup_base(paths: ProjectPaths, files: list[Path]) -> Path:
    """Where backups of `files` live: the project, or (a TLS folder outside it) the files' own folder, so a
    backup of another folder's key.pem never lands in, nor is restored from, this project (D10)."""
    root = Path(paths.root)
    outside = [Path(f) for f in files if not _lexically_inside(root, Path(f))]
    return Path(os.path.abspath(outside[0])).parent if outside else root


def _lexically_inside(root: Path, path: Path) -> bool:
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        return True
    except ValueError:
        return False


def backups_dir(base: Path) -> Path:
    return Path(base) / ".tlsgui" / "backups"


def _new_id(folder: Path) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    candidate, n = stamp, 1
    while (folder / candidate).exists():
        n += 1
        candidate = f"{stamp}-{n}"
    return candidate


def create_backup(paths: ProjectPaths, files: list[Path], reason: str) -> Backup | None:
    """Copy the existing ones of `files` into a new backup folder; None when none of them exists yet.

    The copy is built under a hidden name and renamed into place with its manifest, so a kill never leaves
    a backup without manifest (D17); every copy is 0600 in a 0700 folder.
    """
    existing = [Path(f) for f in files if Path(f).is_file()]
    if not existing:
        return None
    base = backup_base(paths, existing)
    with project_lock(paths):
        folder_dir = private_dir(backups_dir(base), inside=base)
        for item in folder_dir.iterdir():
            if item.name.startswith(INCOMPLETE) and not item.is_symlink():
                shutil.rmtree(item, ignore_errors=True)  # from a killed tlsgui: never listed, holds key copies
        backup_id = _new_id(folder_dir)
        folder = folder_dir / backup_id
        # Built in .tlsgui/tmp (emptied by the next tlsgui after a kill: D17), or, for a TLS folder on
        # another file system, under a hidden name in its backups folder (removed by its next backup).
        tmp = private_dir(paths.state_dir / "tmp", inside=paths.root)
        same_device = os.stat(tmp).st_dev == os.stat(folder_dir).st_dev
        work = tmp / f"backup-{backup_id}" if same_device else folder_dir / f"{INCOMPLETE}{backup_id}"
        try:
            os.mkdir(work, 0o700)
            os.chmod(work, 0o700)
            stored = []
            for index, original in enumerate(existing):
                target = work / f"{index:02d}-{original.name}"
                _write_new(target, read_regular(original, MAX_OLD, "file to back up"), KEY_MODE)
                relative = PurePosixPath(Path(os.path.abspath(original)).relative_to(os.path.abspath(base)))
                stored.append(BackedUpFile(original, folder / target.name, relative.as_posix()))
            created = datetime.now(timezone.utc).isoformat(timespec="seconds")
            manifest = {
                "format": FORMAT,
                "created": created,
                "reason": reason,
                "files": [{"original": f.relative, "stored": f.stored.name} for f in stored],
            }
            _write_new(work / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode("utf-8"), KEY_MODE)
            _fsync_dir(work)
            os.rename(work, folder)
            _fsync_dir(folder_dir)
        except OSError as exc:
            shutil.rmtree(work, ignore_errors=True)
            raise _words(exc, work) from None
        except TlsguiError as exc:
            shutil.rmtree(work, ignore_errors=True)
            raise TlsguiError(f"Could not back up the current files ({exc.message}); nothing was written.",
                              where=exc.where) from None
    return Backup(backup_id, folder, created, reason, tuple(stored), base)


def discard_backup(backup: Backup | None) -> None:
    """Remove a backup made for a write that then failed: nothing changed, so it backs up nothing."""
    if backup is not None:
        shutil.rmtree(backup.folder, ignore_errors=True)


def _read_backup(folder: Path, base: Path) -> Backup:
    try:
        data = json.loads(read_regular(folder / MANIFEST, 1024 * 1024, "backup manifest"))
        created, reason, entries = str(data["created"]), str(data.get("reason", "")), list(data["files"])
    except FileNotFoundError:
        return Backup(folder.name, folder, "", "", (), base, "incomplete: it has no manifest (a tlsgui was "
                                                             "probably interrupted while making it)")
    except (OSError, TlsguiError, ValueError, KeyError, TypeError):
        return Backup(folder.name, folder, "", "", (), base, "its manifest cannot be read")
    files, problem = [], ""
    for entry in entries:
        original = entry.get("original") if isinstance(entry, dict) else None
        stored = entry.get("stored") if isinstance(entry, dict) else None
        if not isinstance(original, str) or not isinstance(stored, str) or not stored or "/" in stored \
                or "\\" in stored or stored in (".", "..") or stored == MANIFEST:
            problem = problem or "its manifest names a file that is not in the backup"
            continue
        relative = original
        if PurePosixPath(original).is_absolute():  # format 1: accepted only for a file inside this base
            if not _lexically_inside(base, Path(original)):
                problem = problem or f"it names a file outside the project ({original}); refused"
                continue
            relative = PurePosixPath(Path(os.path.abspath(original)).relative_to(os.path.abspath(base))).as_posix()
        target = _inside(base, relative)
        if target is None:
            problem = problem or f"it names a file outside the project ({original}); refused"
            continue
        files.append(BackedUpFile(target, folder / stored, relative))
    return Backup(folder.name, folder, created, reason, tuple(files), base, problem)


def list_backups(paths: ProjectPaths, also: tuple | list = ()) -> list[Backup]:
    """Every backup of the project (and of the TLS folders in `also`), newest first; incomplete ones too,
    with their `problem`."""
    out = []
    bases = [Path(paths.root)]
    for extra in also:
        if Path(os.path.abspath(extra)) not in bases:
            bases.append(Path(os.path.abspath(extra)))
    for base in bases:
        folder_dir = backups_dir(base)
        if not folder_dir.is_dir() or folder_dir.is_symlink():
            continue
        for folder in folder_dir.iterdir():
            if folder.name.startswith(".") or folder.is_symlink() or not folder.is_dir():
                continue
            out.append(_read_backup(folder, base))
    return sorted(out, key=lambda b: b.id, reverse=True)


def restore_backup(paths: ProjectPaths, backup_id: str, also: tuple | list = ()) -> Backup:
    """Put every file of a backup back in place, all or none; the files they replace are backed up first.

    Only inside the backup's own folder (never through `..` or a symlinked folder), key files as 0600.
    """
    backups = list_backups(paths, also)
    match = [b for b in backups if b.id == backup_id]
    if not match:
        known = ", ".join(b.id for b in backups if b.complete) or "none"
        raise TlsguiError(f"No backup {backup_id!r}.", fix=f"Known backups: {known}.")
    backup = match[0]
    if backup.problem:
        raise TlsguiError(f"Backup {backup_id} cannot be restored: {backup.problem}; nothing was written.",
                          where=str(backup.folder), fix="Choose another backup (tlsgui backups PROJECT).")
    if not backup.files:
        raise TlsguiError(f"Backup {backup_id} holds no file; nothing was written.", where=str(backup.folder))
    contents: list[tuple[Path, bytes, int | None]] = []
    for item in backup.files:
        try:
            info = os.lstat(item.stored)
            if not stat.S_ISREG(info.st_mode):
                raise TlsguiError(f"Backup {backup_id} is damaged: its copy of {item.relative} is not a regular "
                                  "file; nothing was written.", where=str(item.stored))
            data = read_regular(item.stored, MAX_OLD, "backup copy")
        except FileNotFoundError:
            raise TlsguiError(f"Backup {backup_id} is incomplete: its copy of {item.relative} is missing; nothing "
                              "was written.", where=str(backup.folder),
                              fix="Choose another backup (tlsgui backups PROJECT).") from None
        contents.append((item.original, data, KEY_MODE if is_key_file(item.original) else FILE_MODE))
    with project_lock(paths):
        safety = create_backup(paths, [item.original for item in backup.files], f"before restoring {backup_id}")
        try:
            write_files(paths, contents)
        except BaseException:
            discard_backup(safety)
            raise
    return backup


def write_with_backup(paths: ProjectPaths, files: list[tuple[Path, bytes, int | None]], reason: str) -> Backup | None:
    """Back up the current `files`, then write them all as one transaction; a failure leaves no backup behind
    (so "nothing was written" is the whole truth). Returns the backup (None: nothing was replaced)."""
    with project_lock(paths):
        backup = create_backup(paths, [target for target, _data, _mode in files], reason)
        try:
            write_files(paths, files)
        except BaseException:
            discard_backup(backup)
            raise
    return backup

