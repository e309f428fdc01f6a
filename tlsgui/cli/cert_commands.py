"""CLI commands for certificates and files: key, csr, install, selfsigned, dhparams, backups, export."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from pathlib import Path

from tlsgui.cli.output import print_json
from tlsgui.errors import TlsguiError
from tlsgui.policy.files import DH_FILE
from tlsgui.project.store import load_project

JSON_FORMAT = 1


def register(sub) -> None:
    key = sub.add_parser("key", help="create a new pending private key (kept until its certificate is installed)")
    key.add_argument("project")
    key.add_argument("--type", default="rsa", choices=["rsa", "ecdsa"], help="rsa (default) or ecdsa")
    key.add_argument("--bits", type=int, help="RSA size: 2048 (default), 3072 or 4096")
    key.add_argument("--curve", choices=["p256", "p384"], help="ECDSA curve: p256 (default) or p384")
    key.add_argument("--json", action="store_true", help="machine-readable output")
    key.set_defaults(handler=cmd_key)

    csr = sub.add_parser("csr", help="certificate request (PEM) from the pending key, with a readable summary")
    csr.add_argument("project")
    csr.add_argument("--cn", required=True, help="common name: the server's main host name")
    for flag, words in (("--country", "2-letter country code"), ("--state", "state or province"),
                        ("--locality", "city"), ("--org", "organization"), ("--unit", "organizational unit"),
                        ("--email", "e-mail address")):
        csr.add_argument(flag, default="", help=words)
    csr.add_argument("--san", default="", help="more names: DNS:name,IP:addr,... (the CN is always included)")
    csr.add_argument("--out", help="also write the request to FILE")
    csr.add_argument("--pending", metavar="ID", help="use this pending key instead of the newest")
    csr.add_argument("--json", action="store_true", help="machine-readable output")
    csr.set_defaults(handler=cmd_csr)

    install = sub.add_parser("install", help="install a certificate (PEM, DER, PKCS#7, PKCS#12) with its key")
    install.add_argument("project")
    install.add_argument("files", nargs="+", metavar="FILE")
    install.add_argument("--key", help="the private key file (default: the matching pending key)")
    install.add_argument("--password-file", help="a file holding only the password of a PKCS#12 or key file")
    install.add_argument("--force", action="store_true", help="install even if a check fails (e.g. expired)")
    install.add_argument("--json", action="store_true", help="machine-readable output")
    install.set_defaults(handler=cmd_install)

    selfsigned = sub.add_parser("selfsigned", help="make and install a development certificate: issued by the "
                                                   "development CA when there is one (tlsgui devca), else "
                                                   "self-signed")
    selfsigned.add_argument("project")
    selfsigned.add_argument("--cn", default="localhost", help="common name (default localhost)")
    selfsigned.add_argument("--san", default="", help="names: DNS:name,IP:addr,... "
                                                      "(default localhost, 127.0.0.1, ::1)")
    selfsigned.add_argument("--days", type=int, help="validity: 1 to 90 days from the development CA (default 90), "
                                                     "1 to 398 self-signed (default 365)")
    selfsigned.add_argument("--self-signed", action="store_true",
                            help="a bare self-signed certificate even when a development CA exists")
    selfsigned.add_argument("--type", default="rsa", choices=["rsa", "ecdsa"])
    selfsigned.add_argument("--json", action="store_true", help="machine-readable output")
    selfsigned.set_defaults(handler=cmd_selfsigned)

    dh = sub.add_parser("dhparams", help="install dhparams.pem: a standard RFC 7919 group (default ffdhe2048), "
                                         "custom generated parameters, or a file; --check only reads")
    dh.add_argument("project")
    mode = dh.add_mutually_exclusive_group()
    mode.add_argument("--group", choices=["ffdhe2048", "ffdhe3072", "ffdhe4096"])
    mode.add_argument("--generate", type=int, metavar="BITS", help="generate custom parameters: 2048, 3072, 4096 "
                                                                   "(seconds to minutes; Ctrl+C cancels)")
    mode.add_argument("--file", help="install these PEM DH parameters after checking them")
    mode.add_argument("--check", action="store_true", help="check the installed dhparams.pem, write nothing")
    dh.add_argument("--allow-test-size", action="store_true", help=argparse.SUPPRESS)
    dh.add_argument("--json", action="store_true", help="machine-readable output")
    dh.set_defaults(handler=cmd_dhparams)

    backups = sub.add_parser("backups", help="list the backups of replaced files; --restore ID puts one back")
    backups.add_argument("project")
    backups.add_argument("--restore", metavar="ID")
    backups.add_argument("--json", action="store_true", help="machine-readable output")
    backups.set_defaults(handler=cmd_backups)

    export = sub.add_parser("export", help="copy cert.pem and key.pem to DIR (for a remote 4D client)")
    export.add_argument("project")
    export.add_argument("dir")
    export.add_argument("--force", action="store_true", help="replace different files already in DIR")
    export.set_defaults(handler=cmd_export)


def _project(path):
    project = load_project(path)
    if project.error:
        raise project.error
    return project


def _git_rules_missing(path) -> list[str]:
    """Before a command that writes a key: the ignore rules the project's git lacks (the core adds them)."""
    from tlsgui.project.gitignore import missing_in_work_tree
    from tlsgui.project.locate import ProjectPaths, find_project_root

    try:
        return missing_in_work_tree(ProjectPaths(find_project_root(path)))
    except (OSError, TlsguiError):
        return []


def _git_notice(project, missing: list[str]) -> None:
    """Say that the ignore rules were added to .gitignore (audit D9), when they were."""
    from tlsgui.project.gitignore import missing_in_work_tree

    if missing and not missing_in_work_tree(project.paths):
        print(f"note: the project is in a git work tree; added ignore rules ({', '.join(missing)}) to "
              f"{project.paths.root / '.gitignore'}", file=sys.stderr)


def _git_notice_folder(project, folder: Path) -> None:
    from tlsgui.policy.files import KEY_FILE
    from tlsgui.project.gitignore import tracked, work_tree

    if work_tree(folder) is not None and tracked([Path(folder).absolute() / KEY_FILE]):
        print(f"tlsgui: warning: {folder} is in a git work tree that does not ignore key.pem: do not commit the "
              "exported private key (add key.pem to its .gitignore).", file=sys.stderr)


def cmd_key(args) -> int:
    from tlsgui.project.pending import create_pending_key

    project = _project(args.project)
    missing = _git_rules_missing(args.project)
    pending = create_pending_key(project.paths, args.type, args.bits, args.curve)
    _git_notice(project, missing)
    if args.json:
        print_json({"format": JSON_FORMAT, **pending.as_json()})
    else:
        info = pending.as_json()
        print(f"New pending key {pending.id} ({info['key']}), kept until its certificate is installed:")
        print(f"  {pending.key_path}")
        print("Next: tlsgui csr PROJECT --cn www.example.com")
    return 0


def cmd_csr(args) -> int:
    from tlsgui.crypto.csr import (
        CsrFields,
        build_csr,
        csr_summary,
        load_csr,
        parse_san_list,
        san_suggestions,
        summary_lines,
    )
    from tlsgui.project.atomic import check_plain_target, write_atomic
    from tlsgui.project.pending import get_pending, write_pending_csr

    project = _project(args.project)
    fields = CsrFields(common_name=args.cn, country=args.country, state=args.state, locality=args.locality,
                       organization=args.org, unit=args.unit, email=args.email, sans=parse_san_list(args.san))
    pending = get_pending(project.paths, args.pending)
    if args.out:
        check_plain_target(Path(args.out), "--out file")  # D16: never replace a symlink or /dev/stdout
    pem = build_csr(pending.load(), fields)  # every field is checked before anything is written
    if args.out:
        write_atomic(Path(args.out), pem, mode=0o644)
    path = write_pending_csr(pending, pem)
    summary = csr_summary(load_csr(pem))
    have = {n.lower() for n in summary["names"]}
    suggestions = [n for n in san_suggestions(project.settings.web_host_names, args.cn) if n not in have]
    if args.json:
        print_json({"format": JSON_FORMAT, "pending": pending.id, "csr_file": str(path), "out": args.out,
                    "summary": summary, "suggestions": suggestions, "pem": pem.decode()})
        return 0
    print("\n".join(summary_lines(summary)))
    if suggestions:
        print(f"suggestion: this project's host names also include {', '.join(suggestions)}; "
              f"add them with --san {','.join('DNS:' + n for n in suggestions)}")
    print(f"\nRequest saved to {path}" + (f" and {args.out}" if args.out else ""))
    print("Send it to your certification authority, then: tlsgui install PROJECT FILE...\n")
    print(pem.decode(), end="")
    return 0


def _print_checks(checks) -> None:
    for check in checks:
        label = check.severity.value if check.severity else "ok"
        print(f"{label:<8} {check.message}")
        if check.fix and check.severity:
            print(f"{'':<8} fix: {check.fix}")


def cmd_install(args) -> int:
    from tlsgui.crypto.summary import certificate_summary
    from tlsgui.project.install import install_certificate, read_password

    project = _project(args.project)
    password = read_password(args.password_file)
    missing = _git_rules_missing(args.project)
    plan, backup = install_certificate(project, args.files, args.key, password, force=args.force)
    _git_notice(project, missing)
    if args.json:
        print_json({"format": JSON_FORMAT, "folder": str(plan.folder), "key_source": plan.key_source,
                    "certificate": certificate_summary(plan.chain.leaf),
                    "chain": [c.subject.rfc4514_string() for c in plan.chain.certificates],
                    "checks": [c.as_json("check") for c in plan.checks], "notices": plan.notices, "backup": backup})
        return 0
    for notice in plan.notices:
        print(f"note: {notice}")
    _print_checks(plan.checks)
    print(f"Installed cert.pem ({len(plan.chain.certificates)} certificate(s): leaf"
          f"{' + intermediates' if plan.chain.intermediates else ''}) and key.pem (from {plan.key_source}) "
          f"in {plan.folder}")
    if backup:
        print(f"The previous files are in backup {backup} (tlsgui backups PROJECT --restore {backup}).")
    for note in location_notes(project):
        print(f"note: {note}")
    return 0


def cmd_selfsigned(args) -> int:
    from tlsgui.crypto.checks import check_certificate
    from tlsgui.crypto.csr import parse_san_list
    from tlsgui.crypto.devca import issue_leaf
    from tlsgui.crypto.importer import read_bundle
    from tlsgui.crypto.keys import generate_key
    from tlsgui.crypto.selfsigned import DEFAULT_SANS, make_selfsigned
    from tlsgui.policy.devca import DEFAULT_LEAF_DAYS
    from tlsgui.project.devca_folder import load_devca
    from tlsgui.project.install import install_selfsigned, outside_notice, tls_folder

    project = _project(args.project)
    if outside_notice(project):
        print(f"note: {outside_notice(project)}")
    sans = parse_san_list(args.san) or DEFAULT_SANS
    # A damaged or foreign CA file stops here in words (--self-signed does not read it at all).
    ca = None if args.self_signed else load_devca()
    key = generate_key(args.type)
    if ca is not None:
        pem = issue_leaf(ca, key, args.cn, sans, DEFAULT_LEAF_DAYS if args.days is None else args.days)
    else:
        pem = make_selfsigned(key, args.cn, sans, 365 if args.days is None else args.days)
    missing = _git_rules_missing(args.project)
    backup = install_selfsigned(project, key, pem)
    _git_notice(project, missing)
    chain = read_bundle(pem).certificates
    checks = check_certificate(chain[0], key=key, host_names=project.settings.web_host_names,
                               self_signed=ca is None)
    issuer = f"issued by the development CA \"{ca.name}\"" if ca else "self-signed"
    if args.json:
        print_json({"format": JSON_FORMAT, "folder": str(tls_folder(project)), "backup": backup,
                    "issuer": "devca" if ca else "self-signed", "ca_sha256": ca.fingerprint if ca else None,
                    "checks": [c.as_json("check") for c in checks]})
        return 0
    _print_checks(checks)
    print(f"Installed a development certificate ({issuer}) in {tls_folder(project)}")
    if ca is None and not args.self_signed:
        print("Browsers will warn about it; `tlsgui devca create` and `tlsgui devca trust` make certificates "
              "this computer trusts.")
    if backup:
        print(f"The previous files are in backup {backup}.")
    for note in location_notes(project):
        print(f"note: {note}")
    return 0


def location_notes(project) -> list[str]:
    """Where the other servers read key.pem/cert.pem on the project's 4D release (policy/versions.py)."""
    from tlsgui.policy.versions import install_locations

    version = project.version
    release = version.effective
    assumed = "" if version.release else " (assumed; set project.4d_version)"
    enabled = {"client_server": project.settings.client_server_encryption, "sql": project.settings.sql_tls_enabled}
    words = {"client_server": "Client-server encryption", "sql": "SQL TLS"}
    notes = []
    for item in install_locations(release):
        if item.server == "web" or not enabled[item.server]:
            continue
        if not item.needs_files:
            notes.append(f"{words[item.server]} on 4D {release}{assumed}: files {item.where}.")
        elif item.server == "client_server":
            notes.append(f"{words[item.server]} on 4D {release}{assumed} reads key.pem and cert.pem {item.where}: "
                         "copy them there (tlsgui export PROJECT DIR).")
    return notes


def _dh_usage_note(project) -> str:
    from tlsgui.policy.files import dhparams_used

    settings = project.settings
    if settings.tls_min_version == "1.3":
        return "With TLS 1.3 only, dhparams.pem is not used (TLS 1.3 has its own groups)."
    if not dhparams_used(settings):
        return "No DHE suite is enabled in tls.cipher_list, so 4D does not use dhparams.pem."
    return ""


EXIT_TERMINATED = 143  # 128 + SIGTERM, what a shell reports for a terminated program


class _Terminated(BaseException):
    """SIGTERM arrived; a BaseException so that no `except Exception` swallows it on the way out."""


@contextlib.contextmanager
def _terminate_as_exception():
    """While a DH child runs, SIGTERM (sent to this process alone, e.g. by `kill` or a service manager)
    raises _Terminated, so the child is killed on the way out instead of being left computing (orphaned)."""
    def raise_terminated(signum, frame):
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def cmd_dhparams(args) -> int:
    from tlsgui.crypto import dhparams
    from tlsgui.project import install

    project = _project(args.project)
    target = install.tls_folder(project) / install.DH
    backup = None
    if not args.check and install.outside_notice(project):
        print(f"note: {install.outside_notice(project)}")
    if args.check:
        info = dhparams.check_dhparams(install.read_input(target, DH_FILE), str(target))
        action = f"{target} is fine: {info.describe()}."
    elif args.file:
        info, backup = install.install_dhparams(project, install.read_input(args.file), str(args.file))
        action = f"Installed {info.describe()} as {target}."
    elif args.generate:
        def started() -> None:
            print(f"Generating {args.generate}-bit DH parameters in a child process (Ctrl+C cancels)...",
                  flush=True)

        with _terminate_as_exception():
            try:
                info, backup = install.generate_dhparams(project, args.generate, args.allow_test_size,
                                                         started=started)
            except _Terminated:
                print("tlsgui: terminated (SIGTERM): the DH generation was stopped; nothing was written.",
                      file=sys.stderr)
                return EXIT_TERMINATED
        action = f"Installed {info.describe()} as {target}."
    else:
        info, backup = install.install_dhparams(project, dhparams.group_pem(args.group or "ffdhe2048"))
        action = f"Installed {info.describe()} as {target}."
    note = _dh_usage_note(project)
    if args.json:
        print_json({"format": JSON_FORMAT, "file": str(target), "bits": info.bits, "group": info.group,
                    "backup": backup, "note": note})
        return 0
    print(action)
    if backup:
        print(f"The previous dhparams.pem is in backup {backup}.")
    if note:
        print(f"note: {note}")
    return 0


def cmd_backups(args) -> int:
    from tlsgui.project.backups import list_backups, restore_backup
    from tlsgui.project.install import tls_folder

    project = _project(args.project)
    also = [tls_folder(project)]
    if args.restore:
        backup = restore_backup(project.paths, args.restore, also)
        for item in backup.files:
            print(f"restored {item.original}")
        return 0
    backups = list_backups(project.paths, also)
    if args.json:
        print_json({"format": JSON_FORMAT, "backups": [
            {"id": b.id, "created": b.created, "reason": b.reason, "folder": str(b.base),
             "files": [f.relative for f in b.files], "complete": b.complete, "problem": b.problem or None}
            for b in backups]})
        return 0
    if not backups:
        print("No backups yet.")
    for backup in backups:
        where = "" if backup.base == project.paths.root else f" (in {backup.base})"
        if backup.problem:
            print(f"{backup.id}  cannot be restored: {backup.problem}{where}")
            continue
        print(f"{backup.id}  {backup.reason}: {', '.join(f.relative for f in backup.files)}{where}")
    return 0


def cmd_export(args) -> int:
    from tlsgui.project.install import export_files

    project = _project(args.project)
    _git_notice_folder(project, Path(args.dir))
    for path in export_files(project, args.dir, force=args.force):
        print(f"wrote {path}")
    print("Copy these next to the remote 4D client's database (4D doc: the client database folder).")
    for note in location_notes(project):
        print(f"note: {note}")
    return 0
