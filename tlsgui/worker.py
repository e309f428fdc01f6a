"""Child-process entry points (`tlsgui --worker NAME ...`), usable from the frozen installer build too."""

from __future__ import annotations

import os
import sys

# name -> "module:function"; each takes the remaining argv and returns an exit code.
WORKERS: dict[str, str] = {
    "dhparams": "tlsgui.crypto.dhparams:worker_main",
    "dhparams-check": "tlsgui.workers.checks:dhparams_check_main",
    "preview-test": "tlsgui.preview.test_run:worker_main",
}


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


# Children start here, never in the caller's working directory (D1); workers only take absolute paths.
WORKER_CWD = os.path.abspath(os.sep)
PARENT_ENV = "TLSGUI_PARENT_PID"  # the pid the child must die with (D13)
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def worker_environment() -> dict[str, str]:
    """The environment for a worker child: this one, plus who its parent is."""
    return {**os.environ, PARENT_ENV: str(os.getpid())}


def die_with_parent() -> None:
    """In a worker child: be killed (SIGKILL) the moment the parent process ends, however it ends (D13).

    Linux's PR_SET_PDEATHSIG; if the parent is already gone (it died before this ran), exit at once.
    Elsewhere a no-op: there the parent kills its children on the way out (cancel, Ctrl+C, SIGTERM).
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    expected = os.environ.get(PARENT_ENV, "")
    if expected.isdigit() and os.getppid() != int(expected):
        os._exit(3)  # the parent ended before the death signal was armed: nobody waits for this result


def run_worker(argv: list[str]) -> int:
    die_with_parent()
    if not argv or argv[0] not in WORKERS:
        print(f"tlsgui: unknown worker {argv[:1]}; known: {', '.join(sorted(WORKERS)) or 'none'}",
              file=sys.stderr)
        return 2
    import importlib

    module_name, function_name = WORKERS[argv[0]].split(":")
    return int(getattr(importlib.import_module(module_name), function_name)(argv[1:]) or 0)
