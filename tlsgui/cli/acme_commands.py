"""CLI commands for free certificates: acme (obtain and install) and renew (when due, or from a timer)."""

from __future__ import annotations

import argparse
import sys

from tlsgui.cli.output import print_json
from tlsgui.errors import TlsguiError

JSON_FORMAT = 1
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def register(sub) -> None:
    from tlsgui.policy.acme import PRESETS

    acme = sub.add_parser("acme", help="get a free certificate from an ACME CA (Let's Encrypt...) and install it")
    acme.add_argument("project")
    acme.add_argument("--domain", action="append", default=[], required=True, metavar="NAME",
                      help="a name for the certificate (repeatable; the first is the main name)")
    acme.add_argument("--directory", default="letsencrypt", metavar="URL|NAME",
                      help=f"the CA: {', '.join(PRESETS)} or its directory URL (default letsencrypt)")
    acme.add_argument("--email", default="", help="contact address for the CA account (optional)")
    acme.add_argument("--agree-tos", action="store_true", help="accept the CA's terms of service")
    acme.add_argument("--challenge", default="http-01", choices=["http-01", "dns-01"])
    where = acme.add_mutually_exclusive_group()
    where.add_argument("--http-port", type=int, metavar="N",
                       help="HTTP-01: tlsgui answers on port N itself (default 80; stop 4D's web server first)")
    where.add_argument("--webroot", action="store_true",
                       help="HTTP-01: write the answer into WebFolder/.well-known/acme-challenge/ for the running "
                            "4D web server to serve")
    acme.add_argument("--key-type", choices=["ecdsa", "rsa"],
                      help="default from the 4D version: ecdsa (20 R4+, not legacy network layer), else rsa")
    acme.add_argument("--eab-kid", default="", help="External Account Binding key id (ZeroSSL, Google)")
    acme.add_argument("--eab-hmac-key", default="", help="External Account Binding HMAC key (base64url)")
    acme.add_argument("--ca-bundle", default="", metavar="FILE", help="trust this CA root for the CA's HTTPS "
                                                                     "(a test CA)")
    _hidden(acme)
    acme.add_argument("--json", action="store_true", help="machine-readable output")
    acme.set_defaults(handler=cmd_acme)

    renew = sub.add_parser("renew", help="renew the ACME certificate when due (idempotent: safe from a timer)")
    renew.add_argument("project")
    renew.add_argument("--force", action="store_true", help="renew now even if not due")
    timer = renew.add_mutually_exclusive_group()
    timer.add_argument("--install-timer", action="store_true",
                       help="run `tlsgui renew` twice a day (systemd user timer, launchd agent, Task Scheduler)")
    timer.add_argument("--remove-timer", action="store_true", help="remove that timer")
    renew.add_argument("--eab-hmac-key", default="", help="only if the CA account must be bound again")
    _hidden(renew)
    renew.add_argument("--json", action="store_true", help="machine-readable output")
    renew.set_defaults(handler=cmd_renew)


def _hidden(parser) -> None:
    # Where the challenge is answered and checked; the defaults are the real world's (tests point them at
    # 127.0.0.1, Pebble's validation port and its fake DNS).
    parser.add_argument("--http-address", default="", help=argparse.SUPPRESS)
    parser.add_argument("--challenge-port", type=int, default=80, help=argparse.SUPPRESS)
    parser.add_argument("--dns-server", default="", help=argparse.SUPPRESS)


def _say(args):
    stream = sys.stderr if args.json else sys.stdout

    def say(text: str) -> None:
        print(text, file=stream, flush=True)

    return say


def _failed(args, exc: TlsguiError, code: int) -> int:
    if args.json:
        print_json({"format": JSON_FORMAT, "ok": False, "error": exc.message, "where": exc.where, "fix": exc.fix,
                    "code": getattr(exc, "code", "")})
    print(f"tlsgui: {exc}", file=sys.stderr)
    return code


def cmd_acme(args) -> int:
    from tlsgui.acme.client import AcmeFailed
    from tlsgui.acme.obtain import Request, default_key_type, key_type_warning, obtain
    from tlsgui.acme.request import reload_words
    from tlsgui.project.acme_store import OrderSettings
    from tlsgui.project.store import load_project

    say = _say(args)
    try:
        project = load_project(args.project)
        key_type = args.key_type or default_key_type(project)
        warning = key_type_warning(project, key_type) if args.key_type else ""
        if warning:
            say(f"warning: {warning}")
        settings = OrderSettings(domains=args.domain, directory=args.directory, email=args.email,
                                 challenge=args.challenge, http_port=args.http_port, webroot=args.webroot,
                                 key_type=key_type, ca_bundle=args.ca_bundle, eab_kid=args.eab_kid,
                                 dns_server=args.dns_server)
        request = Request(settings, agree_tos=args.agree_tos, eab_hmac_key=args.eab_hmac_key,
                          http_address=args.http_address, challenge_port=args.challenge_port)
        result = obtain(project, request, progress=say, dns_ready=_dns_ready(say))
    except AcmeFailed as exc:
        return _failed(args, exc, EXIT_FAILED)
    except TlsguiError as exc:
        return _failed(args, exc, EXIT_BAD_INPUT)
    if args.json:
        print_json({"format": JSON_FORMAT, "ok": True, **result.as_json(), "warning": warning,
                    "reload": reload_words(project)})
        return EXIT_OK
    _print_result(result, project)
    return EXIT_OK


def _dns_ready(say):
    def ready(name: str, value: str) -> None:
        if sys.stdin is not None and sys.stdin.isatty():
            input("Press Enter once the record is published (tlsgui then checks it resolves)... ")

    return ready


def _print_result(result, project) -> None:
    from tlsgui.acme.request import reload_words

    for notice in result.notices:
        print(f"note: {notice}")
    print(f"Installed cert.pem ({result.chain_length} certificate(s)) and key.pem ({result.key_type}) for "
          f"{', '.join(result.domains)} in {result.folder}, valid until {result.not_after:%Y-%m-%d %H:%M} UTC"
          f"{' (an interrupted order, finished)' if result.resumed else ''}.")
    if result.backup:
        print(f"The previous files are in backup {result.backup} (tlsgui backups PROJECT --restore {result.backup}).")
    print(reload_words(project))


def cmd_renew(args) -> int:
    from tlsgui.acme.renew import renew
    from tlsgui.project.store import load_project

    say = _say(args)
    try:
        project = load_project(args.project)
        if args.install_timer or args.remove_timer:
            return _timer(args, project)
        state, result = renew(project, force=args.force, eab_hmac_key=args.eab_hmac_key, progress=say,
                              http_address=args.http_address, challenge_port=args.challenge_port)
    except TlsguiError as exc:
        return _failed(args, exc, EXIT_FAILED)
    if args.json:
        print_json({"format": JSON_FORMAT, "ok": True, "renewed": result is not None, "due": state.as_json(),
                    "result": result.as_json() if result else None})
        return EXIT_OK
    if result is None:
        print(f"Not due: {state.words}.")
        return EXIT_OK
    print(f"Renewed ({state.source}): {state.words}.")
    _print_result(result, project)
    return EXIT_OK


def _timer(args, project) -> int:
    from tlsgui.acme import timers

    if args.install_timer:
        done = timers.install_timer(project.paths)
    else:
        done = timers.remove_timer(project.paths)
    if args.json:
        print_json({"format": JSON_FORMAT, "ok": True, **done.as_json()})
    else:
        for line in done.lines():
            print(line)
    return EXIT_OK
