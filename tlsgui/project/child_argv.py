"""The command line of a tlsgui child process (`tlsgui --worker NAME ...`), source and frozen build alike."""

from __future__ import annotations

import sys


def worker_command(*args: str) -> list[str]:
    """`[python, -m, tlsgui, --worker, *args]`, or `[tlsgui-executable, --worker, *args]` when frozen.

    A frozen build (PyInstaller) has no `-m`: its executable is the app itself, and `tlsgui.cli.main`
    routes `--worker` before anything else, so the same argv works in both cases.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, "--worker", *args]
    return [sys.executable, "-m", "tlsgui", "--worker", *args]
