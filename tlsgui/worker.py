"""Child-process entry points (`tlsgui --worker NAME ...`), usable from the frozen installer build too."""

from __future__ import annotations

import sys

# name -> "module:function"; each takes the remaining argv and returns an exit code.
WORKERS: dict[str, str] = {
    "dhparams": "tlsgui.crypto.dhparams:worker_main",
    "dhparams-check": "tlsgui.workers.checks:dhparams_check_main",
    "preview-test": "tlsgui.preview.test_run:worker_main",
    "probe-address": "tlsgui.preview.test_run:probe_main",
}


def worker_command(*args: str) -> list[str]:
    """`[python, -m, tlsgui, --worker, *args]`, or `[tlsgui-executable, --worker, *args]` when frozen.

    A frozen build (PyInstaller) has no `-m`: its executable is the app itself, and `tlsgui.cli.main`
    routes `--worker` before anything else, so the same argv works in both cases.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, "--worker", *args]
    return [sys.executable, "-m", "tlsgui", "--worker", *args]


def run_worker(argv: list[str]) -> int:
    if not argv or argv[0] not in WORKERS:
        print(f"tlsgui: unknown worker {argv[:1]}; known: {', '.join(sorted(WORKERS)) or 'none'}",
              file=sys.stderr)
        return 2
    import importlib

    module_name, function_name = WORKERS[argv[0]].split(":")
    return int(getattr(importlib.import_module(module_name), function_name)(argv[1:]) or 0)
