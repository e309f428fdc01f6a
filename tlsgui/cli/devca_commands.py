"""CLI commands for the local development CA: devca create, status, trust and untrust."""

from __future__ import annotations

from pathlib import Path

from tlsgui.cli.output import print_json
from tlsgui.errors import TlsguiError

JSON_FORMAT = 1


def register(sub) -> None:
    devca = sub.add_parser("devca", help="a local development CA this computer trusts, limited to development "
                                         "names (localhost, .test, .local, .internal, private addresses)")
    actions = devca.add_subparsers(dest="devca_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="make the CA in your data folder (never replaces one)")
    create.add_argument("--name", help="the CA's common name (default: tlsgui development CA (user@host))")
    create.add_argument("--json", action="store_true", help="machine-readable output")
    create.set_defaults(handler=cmd_create)
    status = actions.add_parser("status", help="where the CA is, its fingerprint, expiry, which stores trust it")
    status.add_argument("--nss-db", metavar="DIR", help="the NSS database to look in (default ~/.pki/nssdb)")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=cmd_status)
    for name, words in (("trust", "add the CA to this user's trust stores (browsers: the NSS database)"),
                        ("untrust", "remove the CA from the trust stores again")):
        action = actions.add_parser(name, help=words)
        action.add_argument("--nss-db", metavar="DIR", help="the NSS database (default ~/.pki/nssdb; "
                                                           "created if missing)")
        action.add_argument("--system", action="store_true",
                            help="also the system store (OpenSSL, curl); needs an administrator")
        action.add_argument("--json", action="store_true", help="machine-readable output")
        action.set_defaults(handler=cmd_trust if name == "trust" else cmd_untrust)


def _require_ca():
    from tlsgui.project.devca_folder import devca_folder, load_devca

    ca = load_devca()
    if ca is None:
        raise TlsguiError("There is no development CA yet.", where=str(devca_folder()),
                          fix="Create one with `tlsgui devca create`.")
    return ca


def _stores(args, ca):
    from tlsgui.project.devca_folder import CA_CERT, devca_folder
    from tlsgui.project.trust_stores import platform_stores

    return platform_stores(devca_folder() / CA_CERT, Path(args.nss_db) if args.nss_db else None,
                           system=getattr(args, "system", False))


def cmd_create(args) -> int:
    from tlsgui.project.devca_folder import CA_CERT, CA_KEY, create_ca, devca_folder

    ca = create_ca(args.name)
    folder = devca_folder()
    if args.json:
        print_json({"format": JSON_FORMAT, **_ca_json(ca, folder)})
        return 0
    print(f"Created the development CA \"{ca.name}\" in {folder}")
    print(f"  certificate {folder / CA_CERT}")
    print(f"  key         {folder / CA_KEY} (mode 0600: only you can read it)")
    print(f"  SHA-256     {ca.fingerprint}")
    print(f"  expires     {ca.expires:%Y-%m-%d}")
    print("It signs development names only (localhost, .localhost, .test, .local, .internal, loopback and private "
          "addresses), so a copied key cannot impersonate a public site.")
    print("Next: tlsgui devca trust, then tlsgui selfsigned PROJECT (the certificate is issued by this CA).")
    return 0


def _ca_json(ca, folder) -> dict:
    from tlsgui.project.devca_folder import CA_CERT, CA_KEY

    return {"folder": str(folder), "certificate": str(folder / CA_CERT), "key": str(folder / CA_KEY),
            "name": ca.name, "sha256": ca.fingerprint, "not_after": ca.expires.isoformat()}


def store_states(ca, stores) -> list[dict]:
    """[{store, where, trusted}] for each store; `error` instead of `trusted` when a store cannot be read."""
    states = []
    for store in stores:
        entry = {"store": store.label, "where": store.where}
        try:
            entry["trusted"] = store.holds(ca)
        except TlsguiError as exc:
            entry["trusted"] = None
            entry["error"] = str(exc)
        states.append(entry)
    return states


def cmd_status(args) -> int:
    from tlsgui.project.devca_folder import devca_folder, key_mode_problem, load_devca
    from tlsgui.project.trust_stores import NssDb, SystemStore, platform_stores

    folder = devca_folder()
    ca = load_devca()
    if ca is None:
        if args.json:
            print_json({"format": JSON_FORMAT, "exists": False, "folder": str(folder)})
        else:
            print(f"No development CA yet (it would be in {folder}). Create one with `tlsgui devca create`.")
        return 1
    stores = platform_stores(folder / "ca.pem", Path(args.nss_db) if args.nss_db else None)
    system = SystemStore.find()
    if system is not None:
        stores.append(system)
    states = store_states(ca, stores)
    others = next((s.others() for s in stores if isinstance(s, NssDb) and _safe(s)), [])
    warning = key_mode_problem(folder)
    if args.json:
        print_json({"format": JSON_FORMAT, "exists": True, **_ca_json(ca, folder), "trust_stores": states,
                    "key_mode_warning": warning})
        return 0
    print(f"Development CA \"{ca.name}\" in {folder}")
    print(f"  SHA-256  {ca.fingerprint}")
    print(f"  expires  {ca.expires:%Y-%m-%d}")
    for state in states:
        said = {True: "trusts it", False: "does not trust it", None: f"cannot tell: {state.get('error')}"}
        print(f"  {state['store']} {state['where']}: {said[state['trusted']]}")
    for name in others:
        if name != _nick(ca):
            print(f"  note: the NSS database also holds another tlsgui CA, \"{name}\" "
                  f"(remove it with certutil -D -d sql:DIR -n \"{name}\")")
    if warning:
        print(f"  warning: {warning}")
    return 0


def _nick(ca) -> str:
    from tlsgui.project.trust_stores import nickname

    return nickname(ca)


def _safe(store) -> bool:
    try:
        store.certutil()
        return True
    except TlsguiError:
        return False


def _report(args, results, verb: str, undo: str) -> int:
    if args.json:
        print_json({"format": JSON_FORMAT, "stores": [{"store": s.label, "where": s.where, "changed": changed}
                                                      for s, changed in results]})
        return 0
    for store, changed in results:
        print(f"{store.label} {store.where}: {verb if changed else 'already so, unchanged'}")
    print(undo)
    return 0


def cmd_trust(args) -> int:
    from tlsgui.project.trust_stores import trust

    ca = _require_ca()
    results = trust(ca, _stores(args, ca))
    return _report(args, results, "now trusts the development CA",
                   "Browsers started from now on accept certificates from it (restart running ones). "
                   "Undo: tlsgui devca untrust" + (" --system" if args.system else "")
                   + (f" --nss-db {args.nss_db}" if args.nss_db else ""))


def cmd_untrust(args) -> int:
    from tlsgui.project.trust_stores import untrust

    ca = _require_ca()
    results = untrust(ca, _stores(args, ca))
    return _report(args, results, "no longer trusts the development CA",
                   "The CA itself stays in your data folder; `tlsgui devca trust` adds it again.")
