"""CLI commands over the settings: demo, check, settings, settings set."""

from __future__ import annotations

import sys

from tlsgui.cli.output import print_json, print_problems
from tlsgui.errors import TlsguiError
from tlsgui.model.options import OPTIONS, option
from tlsgui.model.settings import Source
from tlsgui.policy.grade import predict_grade
from tlsgui.policy.validation import Severity, validate
from tlsgui.project.demo import write_demo
from tlsgui.project.facts import gather_facts
from tlsgui.project.store import load_project, save_project

JSON_FORMAT = 1


def register(sub) -> None:
    demo = sub.add_parser("demo", help="write the demo 4D project into DIR")
    demo.add_argument("dir")
    demo.set_defaults(handler=cmd_demo)

    check = sub.add_parser("check", help="validate settings and files (exit 0 ok, 1 errors, 2 unreadable)")
    check.add_argument("project")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument("--ics", metavar="FILE", help="also write an iCalendar event (with alarms) for the "
                                                    "certificate's expiry")
    check.set_defaults(handler=cmd_check)

    settings = sub.add_parser(
        "settings", help="show effective settings with their source; 'set KEY=VALUE...' changes and saves",
        usage="tlsgui settings PROJECT [--json] | tlsgui settings PROJECT set KEY=VALUE... [--force] | "
              "tlsgui settings PROJECT wire-startup",
    )
    settings.add_argument("project")
    settings.add_argument("action", nargs="?", choices=["set", "wire-startup"],
                          help="set: change settings and save; wire-startup: call TLS_ApplySettings from the "
                               "On Startup and On Server Startup database methods")
    settings.add_argument("assignments", nargs="*", metavar="KEY=VALUE")
    settings.add_argument("--json", action="store_true", help="machine-readable output")
    settings.add_argument("--force", action="store_true",
                          help="save even if a settings file was changed by another program since loading, "
                               "or tls.cipher_list has words this OpenSSL cannot use")
    settings.set_defaults(handler=cmd_settings)


def cmd_demo(args) -> int:
    root = write_demo(args.dir)
    print(f"Demo 4D project written to {root}")
    return 0


def _load_readable(path):
    project = load_project(path)
    if project.error:
        raise project.error
    return project


def cmd_check(args) -> int:
    project = _load_readable(args.project)
    facts = gather_facts(project)
    problems = validate(project.settings, facts)
    grade = predict_grade(project.settings, facts)
    errors = any(p.severity is Severity.ERROR for p in problems)
    calendar = _write_calendar(project, facts, args.ics) if args.ics else None
    if args.json:
        print_json({
            "format": JSON_FORMAT,
            "project": str(project.paths.root),
            "ok": not errors,
            "4d_version": project.version.as_json(),
            "problems": [p.as_json() for p in problems],
            "grade": grade.as_json(),
            "notices": project.notices,
            **({"ics": calendar} if args.ics else {}),
        })
    else:
        print(f"{project.paths.name} ({project.paths.root})")
        print(f"4D version: {project.version.describe()}")
        for notice in project.notices:
            print(f"note: {notice}")
        if problems:
            print_problems(problems)
        else:
            print("No problems found.")
        trusted = f" ({grade.if_trusted} if trusted)" if grade.if_trusted else ""
        print(f"Predicted SSL Labs grade: {grade.grade}{trusted}")
        for reason in grade.reasons:
            print(f"  - {reason}")
        if calendar:
            print(f"Wrote the expiry event ({calendar['expires']}) to {calendar['file']}")
    return 1 if errors else 0


def _write_calendar(project, facts, path) -> dict | None:
    """`check --ics FILE`: the expiry as an iCalendar event; a missing certificate writes nothing, with words."""
    from tlsgui.project.expiry_calendar import expiry_event, write_ics

    cert = facts.cert
    if cert is None:
        print(f"tlsgui: no readable cert.pem in {facts.tls_folder}: no calendar event written.", file=sys.stderr)
        return None
    write_ics(path, expiry_event(project.paths.name, project.paths.root, list(cert.names), cert.not_before,
                                 cert.not_after))
    return {"file": str(path), "expires": cert.not_after.isoformat(timespec="seconds")}


def _show(project, as_json: bool) -> None:
    if as_json:
        print_json({
            "format": JSON_FORMAT,
            "project": str(project.paths.root),
            "4d_version": project.version.as_json(),
            "settings": {
                o.key: {
                    "value": project.sources[o.key].value,
                    "source": project.sources[o.key].source.value,
                    "file": project.sources[o.key].path or None,
                }
                for o in OPTIONS
            },
            "remote_web": {
                attribute: {"value": sourced.value, "source": sourced.source.value, "file": sourced.path}
                for attribute, sourced in project.remote_web.items()
            },
        })
        return
    print(f"4D version: {project.version.describe()}")
    width = max(len(o.key) for o in OPTIONS)
    for o in OPTIONS:
        sourced = project.sources[o.key]
        value = sourced.value
        text = ("true" if value else "false") if isinstance(value, bool) else (repr(value) if value == "" else str(value))
        # 4D has no such setting as web.host_names: its default is tlsgui's (the JSON keeps "default").
        label = "tlsgui default" if o.tlsgui_only and sourced.source is Source.DEFAULT else sourced.source.label
        print(f"{o.key:<{width}}  {text:<24}  {label}")
    for line in remote_web_lines(project):
        print(line)


def remote_web_lines(project) -> list[str]:
    """The web server of 4D in remote mode, read-only (tlsgui does not edit that section)."""
    from tlsgui.project.store import REMOTE_WEB, REMOTE_WEB_ELEMENT

    if not project.remote_web:
        return []
    lines = [f"Web server of 4D in remote mode ({REMOTE_WEB_ELEMENT}, read-only):"]
    for attribute, sourced in project.remote_web.items():
        lines.append(f"  {REMOTE_WEB[attribute]:<12} {attribute}={sourced.value!r}  {sourced.source.label}")
    return lines


def parse_assignments(assignments: list[str]) -> dict:
    """KEY=VALUE words into checked values; TlsguiError naming the first bad one."""
    if not assignments:
        raise TlsguiError("Nothing to set.", fix="Give one or more KEY=VALUE, e.g. web.https_port=8443.")
    values = {}
    for text in assignments:
        key, sep, raw = text.partition("=")
        if not sep:
            raise TlsguiError(f"{text!r} has no '='.", fix="Write KEY=VALUE, e.g. web.https_enabled=true.")
        values[key.strip()] = option(key.strip()).parse(raw)
    return values


def _refuse_unusable_cipher_list(text: str) -> None:
    """A list OpenSSL would use only in part is refused before anything is written (exit 2)."""
    from tlsgui.policy.ciphers import analyse, describe_unknown

    analysis = analyse(text)
    if analysis.error:
        raise TlsguiError(analysis.error, where="tls.cipher_list",
                          fix="Use OpenSSL cipher names (openssl ciphers -v), or choose a profile. Nothing was written.")
    if analysis.unknown:
        raise TlsguiError(describe_unknown(analysis.unknown), where="tls.cipher_list",
                          fix="Correct or remove those names (nothing was written), or add --force to save the "
                              "list as it is.")


def cmd_settings(args) -> int:
    if args.action is None:
        if args.assignments:
            raise TlsguiError(f"Unknown action {args.assignments[0]!r}.", fix="Use: settings PROJECT set KEY=VALUE.")
        _show(_load_readable(args.project), args.json)
        return 0
    if args.action == "wire-startup":
        return _wire_startup(args)
    # Parse every assignment before touching the project: one bad value writes nothing.
    values = parse_assignments(args.assignments)
    project = _load_readable(args.project)
    if "tls.cipher_list" in values and not args.force:
        _refuse_unusable_cipher_list(values["tls.cipher_list"])
    new = project.settings.replace(**values)
    if new.changed_keys(project.settings):
        from tlsgui.project.transaction import project_lock

        save_project(project, new, force=args.force, check_only=True)  # refusals first: no lock file made
        # Read again under the project lock, so an edit another tlsgui saved a moment ago is kept: two
        # `settings set` at once both land (audit D5), instead of one being lost or refused as a conflict.
        with project_lock(project.paths):
            project = _load_readable(args.project)
            new = project.settings.replace(**values)
            result = save_project(project, new, force=args.force)
    else:
        result = save_project(project, new, force=args.force)
    problems = validate(new, gather_facts(project))
    if args.json:
        print_json({"format": JSON_FORMAT, "project": str(project.paths.root),
                    "written": [str(p) for p in result.written], "backup": result.backup_id,
                    "problems": [p.as_json() for p in problems]})
    else:
        if result.written:
            for path in result.written:
                print(f"wrote {path}")
        else:
            print("Nothing changed; no file was written.")
        if problems:
            print_problems(problems)
    return 0


def _wire_startup(args) -> int:
    from tlsgui.project.method_file import render_method
    from tlsgui.project.startup import METHOD, wire_startup

    if args.assignments:
        raise TlsguiError(f"wire-startup takes no KEY=VALUE ({args.assignments[0]!r}).",
                          fix="Run: tlsgui settings PROJECT wire-startup")
    project = _load_readable(args.project)
    method = render_method(project.settings, project.version.effective).encode("utf-8")
    written, backup = wire_startup(project.paths, method)
    if args.json:
        print_json({"format": JSON_FORMAT, "project": str(project.paths.root),
                    "written": [str(p) for p in written], "backup": backup})
    elif written:
        for path in written:
            print(f"wrote {path}")
        if backup:
            print(f"backup {backup}")
    else:
        print(f"On Startup and On Server Startup already call {METHOD}; nothing was written.")
    return 0
