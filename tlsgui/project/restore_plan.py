"""What restoring a backup would change, file by file, before anything is written."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class RestoreChange(NamedTuple):
    path: Path  # where the file lives in the project
    state: str  # "replace" (differs from the file there now), "same" (identical) or "create" (none there now)


def restore_changes(backup) -> list[RestoreChange]:
    """For a tlsgui.project.backups.Backup: what `restore_backup` would do to each file it holds."""
    out = []
    for item in backup.files:
        original = Path(item.original)
        if not original.is_file():
            out.append(RestoreChange(original, "create"))
            continue
        try:
            same = original.read_bytes() == Path(item.stored).read_bytes()
        except OSError:
            same = False
        out.append(RestoreChange(original, "same" if same else "replace"))
    return out
