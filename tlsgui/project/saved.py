"""SaveResult: what save_project wrote (its own module: made at the first save, not at start-up)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SaveResult:
    """The files written (empty when there was nothing to save) and the backup taken first, if any."""

    written: tuple[Path, ...]
    backup_id: str | None = None
