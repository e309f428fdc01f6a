"""Proof in real clients: headless chromium (NSS trust in a temporary HOME) and curl against `tlsgui serve`."""

# Chromium (since 132; here 156) ignores HSTS for `localhost` itself (whatwg/fetch#1781, "Skip localhost when
# evaluating HSTS upgrades"), so the HSTS upgrade is proved on `shop.test`, a development name the CA permits,
# mapped to 127.0.0.1 inside the browser; for localhost the test shows the header reached the browser over
# the trusted connection. Every other host name resolves to nothing, so the browser's own background
# requests never leave this machine.

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from devca.cdp import Browser
from devca.conftest import rogue_leaf, run_bounded
from tlsgui.crypto.keys import generate_key, key_to_pem
from tlsgui.project.demo import write_demo
from tlsgui.project.store import load_project, save_project

PAGE = "DemoShop: tlsgui preview over HTTPS"
CHROMIUM = [
    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Chromium's automatic HTTPS upgrades would blur what HSTS does; the test wants HSTS alone.
    "--disable-features=HttpsUpgrades",
    "--host-resolver-rules=MAP localhost 127.0.0.1, MAP foo.localhost 127.0.0.1, MAP shop.test 127.0.0.1, "
    "MAP www.example.com 127.0.0.1, "
    "MAP * ~NOTFOUND",
]


def cert_verdicts(netlog: str) -> list[str]:
    """The certificate verifier's results in chromium's network log: "OK" or the net error's name, e.g.
    "ERR_CERT_AUTHORITY_INVALID" (headless --dump-dom prints nothing for a certificate interstitial)."""
    log = json.loads(netlog)
    names = {code: name for name, code in log["constants"]["netError"].items()}
    event = log["constants"]["logEventTypes"]["CERT_VERIFY_PROC"]
    return [names[e["params"]["net_error"]] if e["params"].get("net_error") else "OK"
            for e in log["events"] if e["type"] == event and "cert_status" in e.get("params", {})]


def path_errors(netlog: str) -> list[str]:
    """What chromium's path builder said about each chain it built to a trusted anchor."""
    log = json.loads(netlog)
    event = log["constants"]["logEventTypes"]["CERT_VERIFY_PROC_PATH_BUILT"]
    return [e["params"]["errors"] for e in log["events"] if e["type"] == event
            and e.get("params", {}).get("last_cert_trust", "").startswith("TRUSTED_ANCHOR")]


def chromium(home: Path, url: str, tmp_path: Path, *extra: str) -> tuple[str, str]:
    """(DOM, net-log text) of one headless chromium run with HOME `home` and a fresh profile."""
    run = len(list(tmp_path.glob("profile-*")))
    profile, netlog = tmp_path / f"profile-{run}", tmp_path / f"netlog-{run}.json"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache")}
    done = run_bounded([*CHROMIUM, f"--user-data-dir={profile}", f"--log-net-log={netlog}", *extra,
                        "--dump-dom", url], env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, netlog.read_text(errors="replace") if netlog.exists() else ""


def https_project(root: Path) -> Path:
    write_demo(root)
    project = load_project(root)
    save_project(project, project.settings.replace(**{"web.https_enabled": True, "web.hsts_enabled": True,
                                                       "web.hsts_max_age": 31536000}))
    return root


@pytest.fixture
def trusted(user_home, tmp_path):
    """A CA created and trusted with the real CLI in a private HOME; a project with a certificate from it."""
    for args in (["devca", "create", "--name", "tlsgui test development CA"], ["devca", "trust"]):
        done = subprocess.run([sys.executable, "-m", "tlsgui", *args],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    root = https_project(tmp_path / "DemoShop")
    done = subprocess.run([sys.executable, "-m", "tlsgui", "selfsigned", str(root), "--san",
                           "DNS:foo.localhost,DNS:shop.test,IP:127.0.0.1"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "issued by the development CA" in done.stdout, done.stderr
    return root


@pytest.fixture
def stranger_home(tmp_path) -> Path:
    """Another HOME whose NSS database exists but has never heard of the CA."""
    home = tmp_path / "stranger"
    db = home / ".pki" / "nssdb"
    db.mkdir(parents=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, timeout=30)
    return home


def ca_file(home: Path) -> Path:
    return home / ".local" / "share" / "tlsgui" / "devca" / "ca.pem"


def test_chromium_loads_the_page_when_the_machine_trusts_the_ca(trusted, serve, user_home, tmp_path):
    served = serve(trusted)
    port = served.port("web_https")
    dom, netlog = chromium(user_home, f"https://localhost:{port}/", tmp_path)
    assert PAGE in dom and cert_verdicts(netlog) == ["OK"]
    # HSTS reached the browser over the trusted connection (the header, as chromium's network log records it).
    assert "Strict-Transport-Security: max-age=31536000" in netlog
    # The name constraint "localhost" (no leading dot) permits the names below it as well.
    dom, netlog = chromium(user_home, f"https://foo.localhost:{port}/", tmp_path)
    assert PAGE in dom and cert_verdicts(netlog) == ["OK"]
    code, _, err = served.stop()
    assert code == 0, err


def test_chromium_refuses_the_same_certificate_without_trust(trusted, serve, stranger_home, tmp_path):
    served = serve(trusted)
    dom, netlog = chromium(stranger_home, f"https://localhost:{served.port('web_https')}/", tmp_path)
    assert PAGE not in dom and set(cert_verdicts(netlog)) == {"ERR_CERT_AUTHORITY_INVALID"}


@contextlib.contextmanager
def browser(home: Path, tmp_path: Path, netlog: Path):
    """A chromium driven over its DevTools pipe (two navigations in one profile), always ended."""
    run = len(list(tmp_path.glob("profile-*")))
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache")}
    session = Browser([*CHROMIUM, f"--user-data-dir={tmp_path / f'profile-{run}'}", f"--log-net-log={netlog}",
                       "about:blank"], env, timeout=120)
    try:
        yield session
    finally:
        session.close()


def test_chromium_applies_hsts_from_the_trusted_server(trusted, serve, user_home, stranger_home, tmp_path):
    """After one visit to https://shop.test:PORT/, the browser turns http://shop.test:PORT/ (plain HTTP to the
    TLS port, which cannot work) into https:// by itself: the page appears only because HSTS was applied."""
    served = serve(trusted)
    port = served.port("web_https")
    with browser(user_home, tmp_path, tmp_path / "trusted.json") as chrome:
        assert "errorText" not in chrome.navigate(f"https://shop.test:{port}/")
        assert chrome.evaluate("document.body.innerText").strip() == PAGE
        assert "errorText" not in chrome.navigate(f"http://shop.test:{port}/")
        assert chrome.evaluate("location.href") == f"https://shop.test:{port}/"
        assert chrome.evaluate("document.body.innerText").strip() == PAGE
    # The browser's network log names the reason for its internal redirect.
    assert "Non-Authoritative-Reason: HSTS" in (tmp_path / "trusted.json").read_text(errors="replace")
    # Control: a browser that does not trust the CA ignores the header (RFC 6797 section 8.1): no upgrade.
    with browser(stranger_home, tmp_path, tmp_path / "stranger.json") as chrome:
        assert chrome.navigate(f"https://shop.test:{port}/")["errorText"] == "net::ERR_CERT_AUTHORITY_INVALID"
        failed = chrome.navigate(f"http://shop.test:{port}/")
        assert failed.get("errorText") and chrome.evaluate("location.href") != f"https://shop.test:{port}/"
        assert PAGE not in (chrome.evaluate("document.body.innerText") or "")
    assert "Non-Authoritative-Reason: HSTS" not in (tmp_path / "stranger.json").read_text(errors="replace")


def test_a_stolen_ca_key_cannot_impersonate_a_public_site(trusted, serve, user_home, tmp_path):
    """A certificate for www.example.com signed with the CA key (outside tlsgui) is refused by chromium and
    curl on the machine that trusts the CA: the name constraints, not tlsgui's refusal, stop it."""
    from tlsgui.project.devca_folder import load_devca

    ca = load_devca()
    key = generate_key("ecdsa")
    (trusted / "cert.pem").write_bytes(rogue_leaf(ca, key, "www.example.com").public_bytes(Encoding.PEM)
                                       + ca.cert_pem())
    (trusted / "key.pem").write_bytes(key_to_pem(key))
    served = serve(trusted)
    port = served.port("web_https")
    dom, netlog = chromium(user_home, f"https://www.example.com:{port}/", tmp_path)
    # Chromium's verifier reaches the trusted CA, then refuses the leaf for its name constraints.
    assert PAGE not in dom and set(cert_verdicts(netlog)) == {"ERR_CERT_INVALID"}
    assert path_errors(netlog) and all("(CN=www.example.com) -----\nERROR: Not permitted by name constraints" in e
                                       for e in path_errors(netlog))
    done = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", str(ca_file(user_home)), "--resolve",
                           f"www.example.com:{port}:127.0.0.1", f"https://www.example.com:{port}/"],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 60 and "permitted subtree violation" in done.stderr, done.stderr


def test_curl_with_the_ca_gets_the_page_and_hsts(trusted, serve, user_home):
    served = serve(trusted)
    port = served.port("web_https")
    base = ["curl", "-sS", "-i", "--max-time", "10"]
    for url, extra in ((f"https://localhost:{port}/", []), (f"https://127.0.0.1:{port}/", []),
                       (f"https://shop.test:{port}/", ["--resolve", f"shop.test:{port}:127.0.0.1"])):
        done = subprocess.run([*base, "--cacert", str(ca_file(user_home)), *extra, url],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        assert "HTTP/1.1 200 OK" in done.stdout and PAGE in done.stdout
        assert "Strict-Transport-Security: max-age=31536000" in done.stdout
    # Without the CA (an empty bundle, so the result does not depend on this machine's store) curl refuses.
    empty = user_home / "empty.pem"
    empty.write_text("")
    done = subprocess.run([*base, "--cacert", str(empty), f"https://localhost:{port}/"], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode in (60, 77) and PAGE not in done.stdout, done.stderr
    json.dumps(served.ready)  # the ready file was valid JSON with every listener
