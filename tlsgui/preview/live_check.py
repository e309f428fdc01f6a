"""The window's "Test TLS" child: preview servers and probe with the window's settings, one JSON answer."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import Callable

from tlsgui.errors import TlsguiError
from tlsgui.model.options import option
from tlsgui.preview.plan import LABELS, plan_for
from tlsgui.preview.probe import probe_plan
from tlsgui.preview.report import Report
from tlsgui.preview.server import PreviewServer

ANSWER_FORMAT = 1
#: Progress lines on stdout start with this; the last line is the answer. (stdout, not stderr: the window
#: peeks at stdout without consuming it, and stderr stays whole for the message of a crash.)
PROGRESS_PREFIX = "@progress "
#: The window sends a few kilobytes of settings on stdin; more than this is not its message.
STDIN_LIMIT = 1_000_000


def run_test(project: str, values: dict | None, timeout: float,
             progress: Callable[[dict], None] = lambda _event: None) -> Report:
    """Serve the project on 127.0.0.1 with `values` applied, probe every listener, stop; TlsguiError for bad files."""
    plan = plan_for(project, values)
    server = PreviewServer(plan, timeout=timeout)  # key/cert/DH/cipher errors stop us here, before binding
    listeners = server.bind()
    count = len(listeners)
    progress({"text": f"Started {count} preview listener{'' if count == 1 else 's'} on 127.0.0.1",
              "listening": [item.as_json() for item in listeners]})
    server.start()
    try:
        report = probe_plan(plan, listeners, server.context, timeout, on_listener=lambda item: progress(
            {"text": f"Checking {LABELS[item.role]} on {item.host}:{item.port}…"}))
    finally:
        server.stop()
    return not_applied_yet(report, plan)


# Checks whose result depends on a setting that only TLS_ApplySettings gives 4D (tlsgui/policy/applied.py).
_CHECKS_OF = {"tls.min_version": ("protocol", "refuses_"), "tls.cipher_list": ("cipher_allowed",),
              "web.hsts_enabled": ("hsts",)}


def not_applied_yet(report: Report, plan) -> Report:
    """The preview applies every setting; 4D does not apply those its startup methods never hand it.

    Such checks become information, "not applied by 4D yet", rather than a pass 4D would not match.
    """
    from dataclasses import replace

    from tlsgui.model.release import parse_release
    from tlsgui.policy.applied import LABELS as SETTING_WORDS
    from tlsgui.policy.applied import unapplied
    from tlsgui.project.locate import ProjectPaths
    from tlsgui.project.startup import startup_methods

    startup = tuple((m.path.name, m.calls) for m in startup_methods(ProjectPaths(plan.root).database_methods))
    missing = unapplied(plan.settings, parse_release(plan.release), startup) if plan.release else None
    if missing is None:
        return report
    prefixes = tuple(p for key in missing.keys for p in _CHECKS_OF[key])
    listeners = []
    for item in report.listeners:
        checks = tuple(
            replace(check, passed=None, title=f"{check.title} (not applied by 4D yet)",
                    detail=f"{check.detail}; the preview applies it, 4D does not: {missing.fix}".lstrip("; "))
            if check.name.startswith(prefixes) and check.passed is not None else check
            for check in item.checks)
        listeners.append(replace(item, checks=checks))
    words = ", ".join(SETTING_WORDS[k] for k in missing.keys)
    return replace(report, listeners=tuple(listeners),
                   notes=(*report.notes, f"Not applied by 4D yet: {words}. {missing.message}"))


def read_values(raw: bytes) -> dict | None:
    """The settings values of the child's stdin, `{"values": {dotted key: value}}`, each checked against its
    option; None when there are none; TlsguiError in words for anything else (found by fuzzing the reader:
    bad JSON, a list, a wrong type or unknown key, invalid UTF-8 or deep nesting used to end in a traceback)."""
    where = "the settings sent to the test worker"
    if len(raw) > STDIN_LIMIT:
        raise TlsguiError(f"The settings are too large ({len(raw)} bytes; at most {STDIN_LIMIT}).", where=where)
    if not raw.strip():
        return None
    try:
        answer = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TlsguiError("The settings are not UTF-8 text.", where=where) from None
    except RecursionError:
        raise TlsguiError("The settings are nested too deeply to be read.", where=where) from None
    except ValueError as exc:
        raise TlsguiError(f"The settings are not valid JSON ({exc}).", where=where) from None
    if not isinstance(answer, dict) or set(answer) - {"values"}:
        raise TlsguiError('The settings must be a JSON object {"values": {...}} and nothing else.', where=where)
    values = answer.get("values")
    if values is None or values == {}:
        return None
    if not isinstance(values, dict):
        raise TlsguiError('"values" must be a JSON object of setting keys and values.', where=where)
    for key, value in values.items():  # each key and value checked now, before any listener starts
        option(key).check(value)
    return values


def _emit_progress(event: dict) -> None:
    print(PROGRESS_PREFIX + json.dumps(event), flush=True)


def worker_main(argv: list[str]) -> int:
    """`tlsgui --worker preview-test PROJECT [--timeout S] [--deadline S]`, settings values as JSON on stdin.

    Prints progress lines, then `{"format": 1, "report": ...}` or `{"format": 1, "error": {message, where, fix,
    check, title, remedies}}` and exits 0;
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
    try:
        values = read_values(sys.stdin.buffer.read(STDIN_LIMIT + 1))
    except TlsguiError as exc:
        # Not the window's message: say so and write nothing (no progress, no answer, no listener started).
        print(f"tlsgui: {_short(str(exc))}", file=sys.stderr)
        return 2
    try:
        report = run_test(args.project, values, args.timeout, _emit_progress)
    except TlsguiError as exc:
        # A FilesRefused names the failed check, so the window lists it in red; anything else is a message.
        answer = {"format": ANSWER_FORMAT,
                  "error": {"message": exc.message, "where": exc.where, "fix": exc.fix,
                            "check": getattr(exc, "check", ""), "title": getattr(exc, "title", ""),
                            "remedies": list(exc.remedies)}}
    else:
        answer = {"format": ANSWER_FORMAT, "report": report.as_json()}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
    return 0


def probe_main(argv: list[str]) -> int:
    """`tlsgui --worker probe-address HOST:PORT [--timeout S] [--deadline S]`: the window's "Probe a Server";
    prints the same one-line answer as `worker_main` (a report, or an error in words) and exits 0."""
    from tlsgui.preview.address import parse_address
    from tlsgui.preview.probe import probe_address

    parser = argparse.ArgumentParser(prog="tlsgui --worker probe-address")
    parser.add_argument("address")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per connection")
    parser.add_argument("--deadline", type=int, default=120, help="seconds before the child ends itself")
    args = parser.parse_args(argv)
    if hasattr(signal, "alarm"):
        signal.alarm(max(1, args.deadline))
    try:
        host, port = parse_address(args.address)
        _emit_progress({"text": f"Checking {host}:{port}…"})
        report = probe_address(host, port, timeout=args.timeout)
    except TlsguiError as exc:
        answer = {"format": ANSWER_FORMAT, "error": {"message": exc.message, "where": exc.where, "fix": exc.fix,
                                                     "check": "", "title": "", "remedies": list(exc.remedies)}}
    else:
        answer = {"format": ANSWER_FORMAT, "report": report.as_json()}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
    return 0


def _short(text: str, limit: int = 500) -> str:
    """One line of at most `limit` characters: a value quoted in a message can be as long as the input."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
