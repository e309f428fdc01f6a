"""What sslyze, testssl.sh and tlsgui's probe each say of one listener, in one shape, so they can be compared."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tlsgui.policy.rating import forward_secret, is_3des, is_anonymous, is_null, is_rc4

#: testssl.sh checks run, once per configuration: protocols, each cipher, HTTP headers, certificate.
#: No DNS (-n none, --ip), no phone-out (its default), no prompts (--warnings off, stdin closed).
TESTSSL_CHECKS = ("-p", "-e", "-h", "-S")
TESTSSL_TIMEOUT = 300  # seconds for one run; ~35 s measured on an idle 2-core machine
VERSIONS = {"TLS1": "TLS 1.0", "TLS1_1": "TLS 1.1", "TLS1_2": "TLS 1.2", "TLS1_3": "TLS 1.3"}


@dataclass(frozen=True)
class View:
    """One tool's findings about one listener."""

    tool: str
    protocols: frozenset[str]  # {"TLS 1.2", "TLS 1.3"}
    suites: frozenset[str]  # accepted suites, OpenSSL names (TLS 1.3: the RFC names)
    forward_secret: frozenset[str]  # of those, the ones with an ephemeral, authenticated key exchange
    hsts: int | None  # max-age, None without the header (or not a web listener)
    leaf_sha256: str  # lower-case hex
    trusted: bool  # the chain verifies against Mozilla's / the system's roots

    def row(self) -> dict:
        return {"protocols": sorted(self.protocols), "suites": len(self.suites),
                "forward_secret": len(self.forward_secret), "hsts": self.hsts, "trusted": self.trusted}


def scanner_fs(names) -> frozenset[str]:
    """Forward-secret suites as both scanners count them: ephemeral key exchange, not anonymous, NULL, RC4, 3DES."""
    return frozenset(n for n in names if forward_secret(n) and not (is_anonymous(n) or is_null(n) or is_rc4(n)
                                                                    or is_3des(n)))


def _max_age(header: str | None) -> int | None:
    match = re.search(r"max-age=(\d+)", header or "")
    return int(match.group(1)) if match else None


def probe_view(listener) -> View:
    facts = listener.facts
    suites = frozenset(facts.get("tls12_suites", []) + facts.get("tls13_suites", []))
    trusted = listener.check("chain_verifies")
    return View("tlsgui", frozenset(facts["protocols"]), suites, scanner_fs(suites), _max_age(facts.get("hsts")),
                facts["leaf_sha256"], bool(trusted and trusted.passed))


# -- testssl.sh ---------------------------------------------------------------------------------------------

def find_testssl() -> str:
    path = shutil.which("testssl") or shutil.which("testssl.sh")
    assert path, "testssl.sh is a test dependency (packaging/system-deps.sh peers)"
    return path


def run_testssl(port: int, folder: Path) -> list[dict]:
    """One bounded testssl.sh run in its own session; the whole process group is ended whatever happens."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "testssl.json"
    env = {**os.environ, "HOME": str(folder), "TMPDIR": str(folder)}
    command = [find_testssl(), "--quiet", "--color", "0", "--warnings", "off", "-n", "none", "--ip", "127.0.0.1",
               "--connect-timeout", "5", "--openssl-timeout", "5", *TESTSSL_CHECKS, "--jsonfile", str(out),
               f"localhost:{port}"]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env=env, cwd=folder, start_new_session=True)
    try:
        text, _ = process.communicate(timeout=TESTSSL_TIMEOUT)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # openssl children testssl.sh may have left behind
        except ProcessLookupError:
            pass
        process.wait()
    (folder / "testssl.txt").write_bytes(text or b"")
    assert out.is_file(), (text or b"").decode(errors="replace")[-2000:]
    return json.loads(out.read_text())


def view_from_testssl(findings: list[dict]) -> View:
    by_id = {item["id"]: item for item in findings}
    protocols = frozenset(name for key, name in VERSIONS.items()
                          if by_id.get(key, {}).get("finding", "").startswith("offered"))
    # "x2f     AES128-SHA      RSA      AES   128   TLS_RSA_WITH_AES_128_CBC_SHA": code, name, key exchange, ...
    rows = [item["finding"].split() for item in findings if item["id"].startswith("cipher_x")]
    suites = frozenset(row[1] for row in rows)
    ephemeral = [row[1] for row in rows if row[2] in ("ECDH", "DH")]  # as measured in the ServerKeyExchange
    hsts = by_id.get("HSTS_time", {}).get("finding", "")
    seconds = re.search(r"=(\d+) seconds", hsts)
    trust = by_id.get("cert_chain_of_trust", {})
    return View("testssl.sh", protocols, suites, scanner_fs(ephemeral),
                int(seconds.group(1)) if seconds else None,
                by_id.get("cert_fingerprintSHA256", {}).get("finding", "").lower(), trust.get("severity") == "OK")


# -- sslyze ---------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
SSLYZE_SCAN = ROOT / "bench" / "sslyze_scan.py"
SSLYZE_TIMEOUT = 300


def sslyze_python() -> Path:
    """The interpreter of .venv-scanners (`make scanners`), where sslyze has the cryptography it supports."""
    path = Path(os.environ.get("TLSGUI_SCANNERS_PYTHON", ROOT / ".venv-scanners" / "bin" / "python"))
    assert path.exists(), f"sslyze's virtualenv is missing: run `make scanners` (looked for {path})"
    return path


def sslyze_views(targets: dict[str, tuple[int, bool]]) -> dict[str, View]:
    """Scan every (port, web) target at once with sslyze (one child, bounded); views by target name."""
    request = {"targets": [{"name": name, "port": port, "web": web} for name, (port, web) in targets.items()]}
    done = subprocess.run([str(sslyze_python()), str(SSLYZE_SCAN)], input=json.dumps(request) + "\n",
                          capture_output=True, text=True, timeout=SSLYZE_TIMEOUT)
    assert done.returncode == 0, done.stderr[-3000:]
    views = {}
    for name, item in json.loads(done.stdout)["views"].items():
        views[name] = View("sslyze", frozenset(item["protocols"]), frozenset(item["suites"]),
                           scanner_fs(item["ephemeral"]), item["hsts"], item["leaf_sha256"], item["trusted"])
    return views
