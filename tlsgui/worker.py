"""Child-process entry points (`tlsgui --worker NAME ...`), usable from the frozen installer build too."""

from __future__ import annotations

import os
import sys

from tlsgui.project.child_argv import PARENT_ENV, worker_command

__all__ = ["WORKERS", "run_worker", "worker_command"]

# name -> "module:function"; each takes the remaining argv and returns an exit code. Every entry is a
# pure module (no Qt): a child stays light and starts fast.
WORKERS: dict[str, str] = {
    "dhparams": "tlsgui.crypto.dhparams:worker_main",
    "dhparams-check": "tlsgui.crypto.dhparams:check_worker_main",
    "preview-test": "tlsgui.preview.live_check:worker_main",
}


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent() -> None:
    """In a worker child: be killed (SIGKILL) the moment the parent process ends, however it ends (D13).

    Linux's PR_SET_PDEATHSIG; if the parent is already gone (it died before this ran), exit at once.
    Elsewhere a no-op: there the parent kills its children on the way out (cancel, Ctrl+C, SIGTERM).
    The signal follows the parent *thread* that started the child: both starters (DhGeneration in the CLI,
    ProcessJob in the window) run on the main thread.
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
