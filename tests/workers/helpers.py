"""Helpers for the worker tests: is a process still there, is a child past start-up, what a folder holds."""

from __future__ import annotations

import os
from pathlib import Path


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def child_is_generating(pid: int) -> bool:
    """True once the child has imported cryptography, i.e. it is past start-up and inside the real work."""
    maps = Path(f"/proc/{pid}/maps")
    if not Path("/proc/self/maps").exists():
        return True  # no /proc (macOS): cancel right away, which still proves the kill
    try:
        return "_rust" in maps.read_text()
    except OSError:
        return False


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())
