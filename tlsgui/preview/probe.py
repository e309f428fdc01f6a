"""The handshake probe: real clients against each listener, every observation compared with the settings."""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from tlsgui.crypto.peer import chain_problems, der_to_pem, describe, is_self_signed, name_covered
from tlsgui.policy.ciphers import forward_secret
from tlsgui.policy.limits import MIN_DH_BITS
from tlsgui.policy.rating import RatingFacts, rate, weak_kind
from tlsgui.preview.context import offers_dhe, tls12_cipher_names
from tlsgui.preview.handshake import ALERT_PROTOCOL_VERSION, Handshake, Unreachable, handshake, plain_request
from tlsgui.preview.hello import TLS13_SUITES, Enumeration, accepted_suites, tls12_suites
from tlsgui.preview.http import parse_response
from tlsgui.preview.openssl_cli import SClientResult, describe_key_exchange, s_client
from tlsgui.preview.plan import LABELS, PreviewPlan, plan_for
from tlsgui.preview.report import Check, ListenerReport, Report
from tlsgui.preview.server import Listener, PreviewServer

VERSIONS = ("1.0", "1.1", "1.2", "1.3")
DHE_ONLY = "kDHE:!aNULL:@SECLEVEL=0"
#: RFC 7919 groups: a TLS 1.3 client offering only these gets finite-field DHE, whatever the TLS 1.2 list says.
FFDHE_GROUPS = "ffdhe2048:ffdhe3072:ffdhe4096"
WEAK_WORDS = {"null_suite": "no encryption", "anonymous_suite": "no authentication", "export_suite": "export-grade",
              "des_suite": "single DES", "rc4_modern": "RC4", "3des_modern": "3DES, 64-bit blocks"}


@dataclass(frozen=True)
class Expectations:
    """What the settings say a listener must do; None where it is unknown (a probe of a bare HOST:PORT)."""

    min_version: str = "1.2"
    min_known: bool = True  # False for a bare HOST:PORT: min_version is only what we hope for
    tls12_ciphers: frozenset[str] | None = None
    chain: tuple[bytes, ...] | None = None  # cert.pem
    host_names: tuple[str, ...] = ()
    dh_bits: int | None = None  # dhparams.pem's size; None: no file
    dhe_offered: bool | None = None  # the cipher list has a DHE suite; None: unknown
    hsts_max_age: int | None = None  # None: HSTS off
    https_port: int | None = None  # where HTTP must redirect; None: HTTPS off


@dataclass(frozen=True)
class Target:
    """Where the probe connects, and the name it sends as SNI (virtual hosts choose a certificate by it)."""

    host: str
    port: int
    timeout: float = 5.0
    sni: str | None = None

    def shake(self, **options) -> Handshake:
        options.setdefault("sni", self.sni)
        return handshake(self.host, self.port, timeout=self.timeout, **options)

    def s_client(self, extra: Sequence[str] = ()) -> SClientResult:
        sni = ["-servername", self.sni] if self.sni else ["-noservername"]
        return s_client(self.host, self.port, [*sni, *extra], timeout=self.timeout * 2)


def _rank(version: str) -> int:
    return VERSIONS.index(version) if version in VERSIONS else -1


def _refusal_check(target: Target, version: str, minimum: str, attempt: Handshake | None = None) -> Check:
    name, title = f"refuses_tls{version}", f"TLS {version} is refused (minimum is {minimum})"
    attempt = attempt or target.shake(version=version)
    if attempt.ok:
        return Check(name, title, False, f"TLS {version} was accepted ({attempt.cipher})",
                     f"The server accepts TLS {version} although tls.min_version is {minimum}.")
    if attempt.client_could_not_try:
        return Check(name, title, None, f"not tested: this machine's OpenSSL cannot offer TLS {version}")
    if attempt.reason == "timeout":
        # Silence is neither a refusal nor an acceptance: say so rather than pass it.
        return Check(name, title, None, f"not known: no answer to a TLS {version} hello within {target.timeout:g} s")
    if attempt.reason == ALERT_PROTOCOL_VERSION:
        return Check(name, title, True, "refused with alert 70 (protocol_version)")
    return Check(name, title, True, f"refused ({attempt.reason}), not with alert 70 (protocol_version)")


def _version_checks(target: Target, expect: Expectations, accepts: dict[str, Handshake]) -> list[Check]:
    checks = []
    for version in VERSIONS:
        if _rank(version) < _rank(expect.min_version):
            checks.append(_refusal_check(target, version, expect.min_version, accepts[version]))
        elif version in ("1.2", "1.3"):
            attempt = accepts[version]
            title = f"TLS {version} is accepted"
            if version == "1.2" and not attempt.ok and not expect.min_known and accepts["1.3"].ok:
                # A server that speaks only TLS 1.3 made that choice; nothing in it needs a fix.
                checks.append(Check("accepts_tls1.2", "TLS 1.2 is accepted", None,
                                    "refused: this server speaks TLS 1.3 only (clients without TLS 1.3, e.g. "
                                    "before Android 10, Java 11 or Windows 11, cannot connect)"))
                continue
            checks.append(Check(f"accepts_tls{version}", title, attempt.ok,
                                attempt.cipher if attempt.ok else attempt.message,
                                "" if attempt.ok else f"Clients using TLS {version} cannot connect: "
                                                      "check the cipher list and the key type."))
    return checks


def _suite_checks(target: Target, expect: Expectations, accepts: dict[str, Handshake]) -> tuple[list[Check], dict]:
    """Every suite the server accepts, found as scanners do: hand-written hellos, one suite taken out each time.

    The hellos offer every suite OpenSSL knows at security level 0 (NULL and anonymous ones included) and the
    RC4, DES, 3DES and EXPORT suites this OpenSSL has dropped, so a server built on another library is seen too.
    """
    facts: dict = {}
    found: list[Enumeration] = []
    if accepts["1.2"].ok:
        tls12 = accepted_suites(target.host, target.port, tls12_suites(), sni=target.sni, timeout=target.timeout)
        facts["tls12_suites"] = list(tls12.accepted)
        found.append(tls12)
    if accepts["1.3"].ok:
        tls13 = accepted_suites(target.host, target.port, TLS13_SUITES, tls13=True, sni=target.sni,
                                timeout=target.timeout)
        facts["tls13_suites"] = list(tls13.accepted)
        found.append(tls13)
    if not found:
        return [], facts
    weak = [(name, kind) for name in facts.get("tls12_suites", []) if (kind := weak_kind(name))]
    incomplete = any(item.timed_out for item in found)
    facts["weak_suites"] = [name for name, _kind in weak]
    title = "No NULL, anonymous, EXPORT, DES, RC4 or 3DES suite is accepted"
    if weak:
        detail = "accepted: " + ", ".join(f"{name} ({WEAK_WORDS[kind]})" for name, kind in weak)
        check = Check("weak_suites", title, False, detail,
                      "Remove them from tls.cipher_list (or add !eNULL:!aNULL:!EXPORT:!DES:!RC4:!3DES), "
                      "or choose a profile.")
    elif incomplete:
        check = Check("weak_suites", title, None, "not known: the server stopped answering during the scan")
    else:
        count = len(facts.get("tls12_suites", [])) + len(facts.get("tls13_suites", []))
        check = Check("weak_suites", title, True, f"{count} suite(s) accepted, none of them weak")
    checks = [check]
    allowed = expect.tls12_ciphers
    if allowed is not None and "tls12_suites" in facts:
        outside = [name for name in facts["tls12_suites"] if name not in allowed]
        checks.append(Check("suites_allowed", "Every TLS 1.2 suite accepted is one the cipher list allows",
                            not outside, ", ".join(outside) or f"{len(facts['tls12_suites'])} suite(s)",
                            "The server accepts suites outside tls.cipher_list."))
    return checks, facts


def _cipher_checks(target: Target, main: Handshake, expect: Expectations,
                   accepts: dict[str, Handshake]) -> tuple[list[Check], dict]:
    facts = {"protocol": f"TLS {main.version}", "cipher": main.cipher,
             "forward_secrecy": forward_secret(main.version, main.cipher)}
    checks = [Check("protocol", f"Negotiated protocol is at least TLS {expect.min_version}",
                    _rank(main.version) >= _rank(expect.min_version), f"TLS {main.version}, {main.cipher}",
                    f"An up-to-date client got TLS {main.version}.")]
    observed = target.s_client()
    kx = describe_key_exchange(observed.temp_key) if observed.ran else ""
    facts["key_exchange"] = kx or ("unknown (needs the openssl command)" if not observed.ran else "unknown")
    fs = forward_secret(main.version, main.cipher)
    checks.append(Check("forward_secrecy", "Key exchange has forward secrecy", fs,
                        f"{'yes' if fs else 'no'}; key exchange: {facts['key_exchange']}",
                        "The cipher list lets the server pick a suite without ECDHE/DHE; add ECDHE suites first."))
    if _rank(expect.min_version) <= _rank("1.2"):
        tls12 = accepts["1.2"]
        if tls12.ok:
            facts["tls12_cipher"] = tls12.cipher
            allowed = expect.tls12_ciphers
            checks.append(Check(
                "cipher_allowed", "TLS 1.2 suite is one the cipher list allows",
                None if allowed is None else tls12.cipher in allowed, tls12.cipher,
                "The server picked a suite outside tls.cipher_list."))
            if not forward_secret("1.2", tls12.cipher):
                checks.append(Check("forward_secrecy_tls12", "TLS 1.2 key exchange has forward secrecy", False,
                                    tls12.cipher, "Put ECDHE suites first in tls.cipher_list."))
    return checks, facts


def _tls13_ffdhe(target: Target) -> str:
    """'DH 2048 bits' when a TLS 1.3 client offering only RFC 7919 groups gets finite-field DHE, else ''."""
    observed = target.s_client(["-tls1_3", "-groups", FFDHE_GROUPS])
    return describe_key_exchange(observed.temp_key) if observed.handshake_ok and observed.dh_bits else ""


def _dhe_check(target: Target, expect: Expectations, accepts: dict[str, Handshake], facts: dict) -> Check | None:
    if _rank(expect.min_version) > _rank("1.2") or not accepts["1.2"].ok:
        return None  # TLS 1.3 has no DHE suite choice here; dhparams.pem plays no role
    via_openssl = target.s_client(["-tls1_2", "-cipher", DHE_ONLY])
    if via_openssl.ran:
        negotiated, cipher, bits = via_openssl.handshake_ok, via_openssl.cipher, via_openssl.dh_bits
    else:
        attempt = target.shake(version="1.2", ciphers=DHE_ONLY)
        negotiated, cipher, bits = attempt.ok, attempt.cipher, None
    if negotiated and bits:
        facts["dh_bits"] = bits
    seen = f"{cipher} with DH {bits} bits" if negotiated and bits else (cipher if negotiated else "no DHE suite")
    title = "DHE uses dhparams.pem"
    if expect.dhe_offered is None:
        weak = negotiated and bits is not None and bits < MIN_DH_BITS
        return Check("dhe", "DHE key exchange", False if weak else None, seen,
                     f"DH below {MIN_DH_BITS} bits is breakable (Logjam)." if weak else "")
    if expect.dh_bits is not None and expect.dhe_offered:
        ok = negotiated and (bits is None or bits == expect.dh_bits)
        return Check("dhe", title, ok, seen, f"dhparams.pem has {expect.dh_bits} bits but the server used "
                                             f"{bits if negotiated else 'no DHE'}.")
    if expect.dh_bits is not None:
        return Check("dhe", title, None if not negotiated else False, f"{seen}; the cipher list has no DHE suite, "
                     "so dhparams.pem is not used", "DHE was negotiated outside tls.cipher_list.")
    if negotiated:
        return Check("dhe", "No DHE without dhparams.pem", False, seen,
                     "The server used DH parameters that are not the project's.")
    why = ("there is no dhparams.pem: 4D generates a 2048-bit one at first start (slow); install ffdhe2048 now"
           if expect.dhe_offered else "the cipher list has no DHE suite")
    tls13 = _tls13_ffdhe(target) if accepts["1.3"].ok else ""
    if tls13:
        # Only TLS 1.2 lacks DHE: TLS 1.3 clients that ask for RFC 7919 groups still get it.
        return Check("dhe", "DHE key exchange", None,
                     f"TLS 1.2: no DHE suite ({why}); TLS 1.3: DHE offered with RFC 7919 groups ({tls13})")
    return Check("dhe", "DHE key exchange", None, f"not offered: {why}")


def _chain_checks(target: Target, served: tuple[bytes, ...], expect: Expectations) -> list[Check]:
    checks = []
    if expect.chain is not None:
        leaf_ok = bool(served) and served[0] == expect.chain[0]
        checks.append(Check("leaf", "The served certificate is cert.pem's", leaf_ok,
                            describe(served[0]) if served else "no certificate",
                            "The server sends another certificate than the project's cert.pem."))
        same = served == expect.chain
        checks.append(Check("chain_sent", "The served chain is all of cert.pem", same,
                            f"{len(served)} of {len(expect.chain)} certificate(s)",
                            "Intermediate certificates missing or extra: clients may not verify the chain."))
    problems = chain_problems(list(served)) if served else ["no certificate was served"]
    checks.append(Check("chain_order", "The chain is in order (each certificate issued by the next)",
                        not problems, "; ".join(problems) or f"{len(served)} certificate(s)",
                        "Put the server certificate first, then each intermediate followed by its issuer."))
    anchors = [der for der in (expect.chain or served) if is_self_signed(der)]
    cadata = "\n".join(der_to_pem(der).decode("ascii") for der in anchors) if anchors else "system"
    where = ("the project's own root" if expect.chain is not None else "the served self-signed root") if anchors \
        else "the system's trusted roots"
    verified = target.shake(cadata=cadata)
    checks.append(Check("chain_verifies", f"The chain verifies against {where}", verified.ok,
                        "verify OK" if verified.ok else verified.message,
                        "Clients will reject this certificate: install the full chain from your CA."))
    names = expect.host_names
    if not names:
        checks.append(Check("host_names", "Host names are covered", None,
                            "no host names set (web.host_names): not checked"))
    for name in names:
        if verified.ok:
            attempt = target.shake(cadata=cadata, server_hostname=name)
            ok, how = attempt.ok, "verified by OpenSSL" if attempt.ok else attempt.message
        else:
            ok = bool(served) and name_covered(served[0], name)
            how = "by name only (the chain did not verify)"
        checks.append(Check(f"host_name:{name}", f"The certificate is valid for {name}", ok, how,
                            f"Add {name} to the certificate's subjectAltName, or fix web.host_names."))
    return checks


def probe_tls(host: str, port: int, expect: Expectations, *, role: str = "address", label: str = "",
              timeout: float = 5.0, web: bool = False, sni: str | None = None) -> ListenerReport:
    """Every check of one TLS listener; Unreachable (a TlsguiError) when nothing listens."""
    label = label or "TLS server"
    target = Target(host, port, timeout, sni)
    main = target.shake(request=_get(host, port) if web else None)
    if not main.ok:
        check = Check("handshake", "A TLS handshake succeeds", False, main.message or main.reason,
                      "No client can connect: compare tls.min_version and tls.cipher_list with the key type.")
        return ListenerReport(role, label, host, port, True, (check,))
    checks = [Check("handshake", "A TLS handshake succeeds", True, f"TLS {main.version}")]
    accepts = {version: target.shake(version=version) for version in VERSIONS}
    cipher_checks, facts = _cipher_checks(target, main, expect, accepts)
    facts["protocols"] = [f"TLS {version}" for version in VERSIONS if accepts[version].ok]
    facts["leaf_sha256"] = hashlib.sha256(main.chain[0]).hexdigest() if main.chain else ""
    checks += _version_checks(target, expect, accepts) + cipher_checks
    suite_checks, suite_facts = _suite_checks(target, expect, accepts)
    checks += suite_checks
    facts.update(suite_facts)
    dhe = _dhe_check(target, expect, accepts, facts)
    if dhe is not None:
        checks.append(dhe)
    facts["chain"] = [describe(der) for der in main.chain]
    checks += _chain_checks(target, main.chain, expect)
    if web:
        checks += _hsts_checks(main.response, expect)
        facts["hsts"] = parse_response(main.response)[1].get("strict-transport-security")
    facts["grade"] = _observed_grade(facts, main.chain, expect, web)
    return ListenerReport(role, label, host, port, True, tuple(checks), facts)


def _observed_grade(facts: dict, chain: tuple[bytes, ...], expect: Expectations, web: bool) -> dict:
    """The grade SSL Labs' guide gives what was observed (policy/rating.py), beside the one `check` predicts."""
    from datetime import datetime, timezone

    from tlsgui.crypto.trust import leaf_key_facts, trust_of_served

    key_type, key_bits, signature = leaf_key_facts(chain[0]) if chain else ("", 0, "")
    trust = trust_of_served(chain, expect.host_names, datetime.now(timezone.utc))
    hsts = None
    header = facts.get("hsts")
    if header:
        age = next((part.strip()[8:] for part in header.split(";") if part.strip().startswith("max-age=")), "")
        hsts = int(age) if age.isdigit() else None
    rating = rate(RatingFacts(
        https=True, tls_versions=tuple(p.removeprefix("TLS ") for p in facts.get("protocols", [])),
        tls12_suites=tuple(facts.get("tls12_suites", [])), dh_bits=facts.get("dh_bits"), key_type=key_type,
        key_bits=key_bits, signature_hash=signature,
        trust_problems=(trust.problems + trust.usage_problems) if trust else ("The chain could not be read.",),
        name_problems=trust.name_problems if trust else (), hsts_max_age=hsts if web else None))
    return {"grade": rating.grade, "if_trusted": rating.if_trusted, "reasons": list(rating.reasons)}


def _get(host: str, port: int) -> bytes:
    return f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: tlsgui-probe\r\nConnection: close\r\n\r\n".encode()


def _hsts_checks(response: bytes, expect: Expectations) -> list[Check]:
    status, headers = parse_response(response)
    checks = [Check("https_page", "The HTTPS page answers", status == 200, f"HTTP {status or 'no answer'}",
                    "The HTTPS listener did not answer a GET.")]
    hsts = headers.get("strict-transport-security")
    if expect.hsts_max_age is None:
        checks.append(Check("hsts", "No HSTS header (HSTS is off)", hsts is None, hsts or "absent",
                            "The server sends HSTS although web.hsts_enabled is false."))
    else:
        wanted = f"max-age={expect.hsts_max_age}"
        ok = hsts is not None and wanted in [part.strip() for part in hsts.split(";")]
        checks.append(Check("hsts", f"Strict-Transport-Security: {wanted}", ok, hsts or "absent",
                            f"Browsers will not pin HTTPS as configured (expected {wanted})."))
    return checks


def probe_http(host: str, port: int, expect: Expectations, timeout: float = 5.0) -> ListenerReport:
    try:
        status, headers = parse_response(plain_request(host, port, _get(host, port), timeout))
    except Unreachable:
        raise
    except OSError:  # e.g. a time-out while reading: the answer never came
        status, headers = 0, {}
    if expect.https_port is None:
        check = Check("redirect", "HTTP answers (HTTPS is off, so no redirect)", None, f"HTTP {status}")
    else:
        wanted = f"https://{host}" + ("" if expect.https_port == 443 else f":{expect.https_port}") + "/"
        location = headers.get("location", "")
        check = Check("redirect", "HTTP redirects to HTTPS (301)", status == 301 and location == wanted,
                      f"HTTP {status or 'no answer'}" + (f" to {location}" if location else ""),
                      f"Expected 301 to {wanted}.")
    return ListenerReport("web_http", LABELS["web_http"], host, port, False, (check,))


def expectations(plan: PreviewPlan, context, listeners: list[Listener]) -> Expectations:
    settings = plan.settings
    https = next((item for item in listeners if item.role == "web_https"), None)
    files = plan.files
    return Expectations(
        min_version=settings.tls_min_version,
        tls12_ciphers=tls12_cipher_names(context) if context else None,
        chain=files.chain if files else None,
        host_names=plan.host_names,
        dh_bits=files.dh_bits if files else None,
        dhe_offered=offers_dhe(context) if context else None,
        hsts_max_age=settings.web_hsts_max_age if settings.web_hsts_enabled else None,
        https_port=https.port if https else None)


def probe_plan(plan: PreviewPlan, listeners: list[Listener], context, timeout: float = 5.0,
               on_listener: Callable[[Listener], None] | None = None) -> Report:
    """Probe the listeners of a running preview of `plan`; `on_listener` hears which one is probed next."""
    expect = expectations(plan, context, listeners)
    reports = []
    for item in listeners:
        if on_listener is not None:
            on_listener(item)
        if item.tls:
            reports.append(probe_tls(item.host, item.port, expect, role=item.role, label=LABELS[item.role],
                                     timeout=timeout, web=item.role == "web_https",
                                     sni=plan.host_names[0] if plan.host_names else None))
        else:
            reports.append(probe_http(item.host, item.port, expect, timeout))
    notes = [*plan.notes, *(f"warning: {w}" for w in plan.warnings),
             *(f"{LABELS[item.role]}: {item.note}" for item in listeners if item.note)]
    return Report(str(plan.root), tuple(reports), tuple(notes))


def probe_project(path: str | Path, timeout: float = 5.0) -> Report:
    """Start a preview of the project in this process, probe every listener, stop it."""
    plan = plan_for(path)
    with PreviewServer(plan, timeout=timeout) as server:
        return probe_plan(plan, server.listeners, server.context, timeout)


def probe_address(host: str, port: int, timeout: float = 5.0) -> Report:
    """Probe any TLS server: facts, old protocols refused, chain order and trust, the host name if one was given."""
    try:
        ipaddress.ip_address(host)
        names: tuple[str, ...] = ()
    except ValueError:
        names = (host,) if host != "localhost" else ()
    report = probe_tls(host, port, Expectations(host_names=names, min_known=False), timeout=timeout,
                       sni=names[0] if names else None)
    return Report(f"{host}:{port}", (report,), ("No project given: checked against TLS 1.2 as the minimum.",))
