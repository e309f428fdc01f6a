"""The command line of a tlsgui child process (`tlsgui --worker NAME ...`), source and frozen build alike."""

from __future__ import annotations

import os
import sys

# Children start here, never in the caller's working directory (audit D1); workers only take absolute paths.
WORKER_CWD = os.path.abspath(os.sep)
PARENT_ENV = "TLSGUI_PARENT_PID"  # the pid a child must die with (audit D13, tlsgui.worker.die_with_parent)


def worker_command(*args: str) -> list[str]:
    """`[python, -I, -m, tlsgui, --worker, *args]`, or `[tlsgui-executable, --worker, *args]` when frozen.

    A frozen build (PyInstaller) has no `-m`: its executable is the app itself, and `tlsgui.cli.main`
    routes `--worker` before anything else, so the same argv works in both cases.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, "--worker", *args]
    # -I (isolated): neither the working directory nor PYTHONPATH nor user site-packages is on sys.path, so a
    # `tlsgui/` folder where the user happens to be (a project from a zip) cannot replace the package (D1).
    return [sys.executable, "-I", "-m", "tlsgui", "--worker", *args]


def worker_environment() -> dict[str, str]:
    """The environment for a worker child: this one, plus who its parent is."""
    return {**os.environ, PARENT_ENV: str(os.getpid())}
