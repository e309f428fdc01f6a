"""Webroot (a static server stands in for 4D), DNS-01 through the fake DNS, EAB, and the key type from the 4D version."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tlsgui.project.demo import write_demo

from .helpers import acme, key_algorithm, openssl_verify, project_with_version, tree
from .pebble_env import EAB_HMAC, EAB_KID
from .standin import StaticServer


def _webroot_args(pebble):
    return [*pebble.cli_args(http=False), "--webroot", "--challenge-port", str(pebble.http_port)]


def test_webroot_served_by_the_running_web_server(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    with StaticServer(project / "WebFolder", pebble.http_port) as web:
        done = acme(project, "--domain", "shop.example.test", *_webroot_args(pebble))
    assert done.returncode == 0, done.stdout + done.stderr
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0
    asked = [p for p in web.requests if p.startswith("/.well-known/acme-challenge/")]
    assert any("tlsgui-preflight-" in p for p in asked)  # the reachability check came first
    assert any("tlsgui-preflight-" not in p for p in asked)  # then the CA's own request
    assert "tlsgui-preflight-" in asked[0]
    # Cleaned up: tlsgui made .well-known/, and removed it with its files.
    assert not (project / "WebFolder" / ".well-known").exists()
    assert (project / "WebFolder" / "index.html").is_file()


def test_webroot_keeps_a_well_known_folder_that_was_there(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    (project / "WebFolder" / ".well-known").mkdir()
    (project / "WebFolder" / ".well-known" / "security.txt").write_text("Contact: mailto:a@example.test\n")
    with StaticServer(project / "WebFolder", pebble.http_port):
        done = acme(project, "--domain", "shop.example.test", *_webroot_args(pebble))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (project / "WebFolder" / ".well-known").iterdir()) == ["security.txt"]


def test_webroot_unreachable_fails_before_asking_the_ca(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    before = tree(project)
    orders_before = (pebble.folder / "pebble.log").read_text().count("POST /order-plz")
    done = acme(project, "--domain", "shop.example.test", *_webroot_args(pebble))  # no web server runs
    assert done.returncode == 1
    assert "cannot be reached" in done.stderr and "nothing was asked" in done.stderr
    assert (pebble.folder / "pebble.log").read_text().count("POST /order-plz") == orders_before
    after = tree(project)
    assert {k: v for k, v in after.items() if not k.startswith(".tlsgui/")} == before


def test_webroot_serving_another_folder_is_caught_by_the_preflight(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    other = tmp_path / "elsewhere"
    other.mkdir()
    with StaticServer(other, pebble.http_port):
        done = acme(project, "--domain", "shop.example.test", *_webroot_args(pebble))
    assert done.returncode == 1
    assert "does not serve the project's WebFolder" in done.stderr
    assert not (project / "WebFolder" / ".well-known").exists()


def test_dns01_shows_the_record_and_waits_until_it_resolves(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    child = subprocess.Popen([sys.executable, "-m", "tlsgui", "acme", str(project), "--domain", "shop.example.test",
                              "--challenge", "dns-01", *pebble.cli_args(http=False)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    try:
        lines = []
        for line in child.stdout:
            lines.append(line)
            match = re.search(r'(_acme-challenge\.shop\.example\.test)\. TXT "([^"]+)"', line)
            if match:
                assert "Waiting" not in "".join(lines[:-1])
                pebble.set_txt(match.group(1), match.group(2))
                break
        assert match, "".join(lines)
        # The rest through the same buffered reader (communicate() would skip what it already buffered).
        out, err = child.stdout.read(), child.stderr.read()
        child.wait(120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, "".join(lines) + out + err
    assert "resolves" in out
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0


def test_eab_required_binds_the_account(tmp_path, pebble_factory):
    pebble = pebble_factory(eab=True)
    project = write_demo(tmp_path / "Shop")
    done = acme(project, "--domain", "shop.example.test", *pebble.cli_args())
    assert done.returncode == 2 and "External Account Binding" in done.stderr
    assert not (project / ".tlsgui").exists()
    done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(), "--eab-kid", EAB_KID,
                "--eab-hmac-key", "AAAA" + EAB_HMAC[4:])
    assert done.returncode == 1, done.stderr  # the CA refuses a wrong HMAC key
    assert not (project / "cert.pem").exists()
    done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(), "--eab-kid", EAB_KID,
                "--eab-hmac-key", EAB_HMAC)
    assert done.returncode == 0, done.stderr
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0
    remembered = json.loads((project / ".tlsgui" / "acme" / "order.json").read_text())["settings"]
    assert remembered["eab_kid"] == EAB_KID and EAB_HMAC not in json.dumps(remembered)


def test_key_type_follows_the_4d_version(tmp_path, pebble):
    new = project_with_version(tmp_path / "New", 2050)  # 20 R5: ECDSA
    old = project_with_version(tmp_path / "Old", 1980)  # 19 R8: RSA only
    for project, expected in ((new, "ecdsa"), (old, "rsa")):
        done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(), "--json")
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report["key_type"] == expected
        assert ("only the web server" in report["reload"]) == (expected == "ecdsa")
        assert key_algorithm(project / "key.pem") == expected
    done = acme(old, "--domain", "shop.example.test", *pebble.cli_args(), "--key-type", "ecdsa")
    assert done.returncode == 0, done.stderr
    assert "warning: This project is for 4D 19 R8" in done.stdout
    assert key_algorithm(old / "key.pem") == "ecdsa"


def test_legacy_network_layer_gets_rsa(tmp_path, pebble):
    project = project_with_version(tmp_path / "Legacy", 2100)
    settings = project / "Project" / "Sources" / "settings.4DSettings"
    done = subprocess.run([sys.executable, "-m", "tlsgui", "settings", str(project), "set",
                           "client_server.legacy_network_layer=true"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "use_legacy_network_layer" in settings.read_text()
    done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["key_type"] == "rsa"
