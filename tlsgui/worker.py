"""Child-process entry points (`tlsgui --worker NAME ...`), usable from the frozen installer build too."""

from __future__ import annotations

import sys

from tlsgui.project.child_argv import worker_command

__all__ = ["WORKERS", "run_worker", "worker_command"]

# name -> "module:function"; each takes the remaining argv and returns an exit code. Every entry is a
# pure module (no Qt): a child stays light and starts fast.
WORKERS: dict[str, str] = {
    "dhparams": "tlsgui.crypto.dhparams:worker_main",
    "dhparams-check": "tlsgui.crypto.dhparams:check_worker_main",
    "preview-test": "tlsgui.preview.live_check:worker_main",
}


def run_worker(argv: list[str]) -> int:
    if not argv or argv[0] not in WORKERS:
        print(f"tlsgui: unknown worker {argv[:1]}; known: {', '.join(sorted(WORKERS)) or 'none'}",
              file=sys.stderr)
        return 2
    import importlib

    module_name, function_name = WORKERS[argv[0]].split(":")
    return int(getattr(importlib.import_module(module_name), function_name)(argv[1:]) or 0)
