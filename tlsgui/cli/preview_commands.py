"""CLI commands that prove the TLS setup works: serve (loopback preview servers) and probe (handshake report)."""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from pathlib import Path

from tlsgui.cli.output import print_json
from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import write_atomic

_ADDRESS = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$")


def register(sub) -> None:
    serve = sub.add_parser("serve", help="loopback preview servers using the project's files and settings")
    serve.add_argument("project")
    serve.add_argument("--ready-file", metavar="F",
                       help="write a JSON object with every listener's role, host and port once all accept")
    # Seconds a client may stay silent during the handshake or the request (tests shorten it).
    serve.add_argument("--timeout", type=float, default=5.0, help=argparse.SUPPRESS)
    serve.set_defaults(handler=cmd_serve)

    probe = sub.add_parser("probe", help="handshake report: a preview of PROJECT, or any HOST:PORT "
                                         "(exit 0 all matches, 1 mismatches, 2 unusable)")
    probe.add_argument("target", metavar="PROJECT|HOST:PORT")
    probe.add_argument("--json", action="store_true", help="machine-readable output")
    probe.add_argument("--timeout", type=float, default=5.0, help=argparse.SUPPRESS)
    probe.set_defaults(handler=cmd_probe)


def cmd_serve(args) -> int:
    from tlsgui.preview.plan import LABELS, plan_for
    from tlsgui.preview.server import PreviewServer

    if args.ready_file:
        from tlsgui.project.atomic import check_plain_target

        check_plain_target(Path(args.ready_file), "ready file")  # before anything listens
    plan = plan_for(args.project)
    server = PreviewServer(plan, timeout=args.timeout)  # builds the TLS context: file and cipher errors stop here
    for warning in plan.warnings:
        print(f"tlsgui: warning: {warning}", file=sys.stderr)
    for note in plan.notes:
        print(f"tlsgui: note: {note}", file=sys.stderr)
    listeners = server.bind()
    try:
        stop = lambda _signum, _frame: server.stop_soon()  # noqa: E731
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        print(f"Preview of {plan.name} ({plan.root}), loopback only:")
        for item in listeners:
            extra = f"  ({item.note})" if item.note else ""
            print(f"  {LABELS[item.role]:<36} {item.url}{extra}")
        if args.ready_file:
            _write_ready(Path(args.ready_file), server.ready_json())
        print("Press Ctrl+C to stop.", flush=True)
    except BaseException:
        server.close()
        raise
    server.serve_forever()
    stats = server.stats
    print(f"Stopped: {stats.connections} connection(s), {stats.handshakes} handshake(s), "
          f"{stats.failed} failed handshake(s), {stats.refused} refused (all slots busy).", flush=True)
    return 0


def _write_ready(path: Path, data: dict) -> None:
    from tlsgui.project.atomic import check_plain_target

    check_plain_target(path, "ready file")  # D16: never replace a symlink or a device
    try:
        write_atomic(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    except OSError as exc:
        raise TlsguiError(f"Cannot write the ready file ({exc.strerror or exc}).", where=str(path)) from None


def _address(target: str) -> tuple[str, int] | None:
    """HOST:PORT, unless it names an existing path (a project folder called 'a:1' stays a project)."""
    match = _ADDRESS.match(target)
    if not match or Path(target).exists():
        return None
    port = int(match.group(2))
    if not 1 <= port <= 65535:
        raise TlsguiError(f"{port} is not a TCP port.", where=target, fix="Use a port from 1 to 65535.")
    return match.group(1).strip("[]"), port


def cmd_probe(args) -> int:
    from tlsgui.preview.probe import probe_address, probe_project
    from tlsgui.preview.report import render_text

    address = _address(args.target)
    if address:
        report = probe_address(*address, timeout=args.timeout)
    else:
        report = probe_project(args.target, timeout=args.timeout)
    if args.json:
        print_json(report.as_json())
    else:
        print(render_text(report))
    return 0 if report.passed else 1
