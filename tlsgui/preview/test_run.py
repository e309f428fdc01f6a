"""The window's "Test TLS" child: preview servers and probe with the window's settings, one JSON answer."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import Callable

from tlsgui.errors import TlsguiError
from tlsgui.preview.plan import LABELS, plan_for
from tlsgui.preview.probe import probe_plan
from tlsgui.preview.report import Report
from tlsgui.preview.server import PreviewServer

ANSWER_FORMAT = 1
#: Progress lines on stdout start with this; the last line is the answer. (stdout, not stderr: the window
#: peeks at stdout without consuming it, and stderr stays whole for the message of a crash.)
PROGRESS_PREFIX = "@progress "


def run_test(project: str, values: dict | None, timeout: float,
             progress: Callable[[dict], None] = lambda _event: None) -> Report:
    """Serve the project on 127.0.0.1 with `values` applied, probe every listener, stop; TlsguiError for bad files."""
    plan = plan_for(project, values)
    server = PreviewServer(plan, timeout=timeout)  # key/cert/DH/cipher errors stop us here, before binding
    listeners = server.bind()
    progress({"text": f"Started {len(listeners)} preview listener(s) on 127.0.0.1",
              "listening": [item.as_json() for item in listeners]})
    server.start()
    try:
        return probe_plan(plan, listeners, server.context, timeout, on_listener=lambda item: progress(
            {"text": f"Checking {LABELS[item.role]} on {item.host}:{item.port}…"}))
    finally:
        server.stop()


def _emit_progress(event: dict) -> None:
    print(PROGRESS_PREFIX + json.dumps(event), flush=True)


def worker_main(argv: list[str]) -> int:
    """`tlsgui --worker preview-test PROJECT [--timeout S] [--deadline S]`, settings values as JSON on stdin.

    Prints progress lines, then `{"format": 1, "report": ...}` or `{"format": 1, "error": {message, where, fix,
    check, title}}` and exits 0;
    any other exit is a crash. The parent kills it to cancel; it also stops by itself after `--deadline`
    seconds (SIGALRM's default action ends the process, even if a handshake thread hangs), so it never
    outlives a parent that died without killing it.
    """
    parser = argparse.ArgumentParser(prog="tlsgui --worker preview-test")
    parser.add_argument("project")
    parser.add_argument("--timeout", type=float, default=3.0, help="seconds per connection")
    parser.add_argument("--deadline", type=int, default=120, help="seconds before the child ends itself")
    args = parser.parse_args(argv)
    if hasattr(signal, "alarm"):  # POSIX; on Windows the parent's deadline alone bounds it
        signal.alarm(max(1, args.deadline))
    values = None
    raw = sys.stdin.read()
    if raw.strip():
        values = json.loads(raw).get("values") or None
    try:
        report = run_test(args.project, values, args.timeout, _emit_progress)
    except TlsguiError as exc:
        # A FilesRefused names the failed check, so the window lists it in red; anything else is a message.
        answer = {"format": ANSWER_FORMAT,
                  "error": {"message": exc.message, "where": exc.where, "fix": exc.fix,
                            "check": getattr(exc, "check", ""), "title": getattr(exc, "title", "")}}
    else:
        answer = {"format": ANSWER_FORMAT, "report": report.as_json()}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
    return 0
