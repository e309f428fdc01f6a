"""`tlsgui acme` against Debian's Pebble on 127.0.0.1: issued, installed, verified by openssl; failures change nothing."""

from __future__ import annotations

import json
import os
import stat
import subprocess

from tlsgui.project.demo import write_demo

from .helpers import acme, issued, openssl_verify, tree
from .pebble_env import free_port


def test_issue_and_install_verifies_against_pebbles_root(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    done = acme(project, "--domain", "shop.example.test", "--domain", "www.shop.example.test",
                *pebble.cli_args(), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and sorted(report["domains"]) == ["shop.example.test", "www.shop.example.test"]
    key, cert = project / "key.pem", project / "cert.pem"
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    verified = openssl_verify(pebble.root, cert)
    assert verified.returncode == 0 and "OK" in verified.stdout, verified.stdout + verified.stderr
    pub_key = subprocess.run(["openssl", "pkey", "-in", str(key), "-pubout"], capture_output=True, text=True)
    pub_cert = subprocess.run(["openssl", "x509", "-in", str(cert), "-noout", "-pubkey"], capture_output=True,
                              text=True)
    assert pub_key.stdout == pub_cert.stdout and pub_key.stdout
    state = project / ".tlsgui" / "acme"
    assert stat.S_IMODE(os.stat(state / "account-key.pem").st_mode) == 0o600
    remembered = json.loads((state / "order.json").read_text())["settings"]
    assert remembered["domains"] == ["shop.example.test", "www.shop.example.test"]
    assert remembered["http_port"] == pebble.http_port
    assert not (state / "journal.json").exists() and not (state / "order-key.pem").exists()
    method = project / "Project" / "Sources" / "Methods" / "TLS_RestartWebServer.4dm"
    assert "WEB STOP SERVER" in method.read_text() and "WEB START SERVER" in method.read_text()


def test_bad_nonces_are_retried_silently(tmp_path, pebble_factory):
    # 60 % of nonces rejected: of some 15 POSTs, several fail with badNonce and are sent again.
    pebble = pebble_factory(nonce_reject=60)
    project = write_demo(tmp_path / "Shop")
    done = issued(project, pebble)
    assert "badnonce" not in (done.stdout + done.stderr).lower() and "one-time number" not in done.stderr
    # A HEAD for a fresh nonce follows only a rejected POST (a good answer carries the next nonce).
    fresh_nonces = (pebble.folder / "pebble.log").read_text().count("HEAD /nonce-plz")
    assert fresh_nonces >= 2
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0


def test_second_order_reuses_the_account_and_backs_up_the_pair(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    account = (project / ".tlsgui" / "acme" / "accounts.json").read_bytes()
    first = (project / "cert.pem").read_bytes()
    done = issued(project, pebble, extra=["--json"])
    assert json.loads(done.stdout)["backup"]
    assert (project / ".tlsgui" / "acme" / "accounts.json").read_bytes() == account
    assert (project / "cert.pem").read_bytes() != first
    backups = list((project / ".tlsgui" / "backups").rglob("*-cert.pem"))
    assert any(b.read_bytes() == first for b in backups)


def test_failed_validation_leaves_the_project_byte_identical(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    before = tree(project)
    # tlsgui answers on another port than the one Pebble's VA asks: the CA cannot connect.
    args = pebble.cli_args(http=False) + ["--http-port", str(free_port())]
    done = acme(project, "--domain", "shop.example.test", *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "could not connect" in done.stderr and "port 80" in done.stderr
    assert tree(project) == before


def test_first_failed_order_installs_nothing(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    before = tree(project)
    done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(http=False),
                "--http-port", str(free_port()), "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["ok"] is False and report["code"] == "connection"
    after = tree(project)
    assert {k: v for k, v in after.items() if not k.startswith(".tlsgui/")} == before
    assert not (project / "key.pem").exists() and not (project / "cert.pem").exists()
    assert not (project / ".tlsgui" / "acme" / "order-key.pem").exists()


def test_bad_input_exits_2_and_writes_nothing(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    before = tree(project)
    for args, words in ((["--domain", "bad_name!"], "not a valid host name"),
                        (["--domain", "a.example.test", "--directory", "nowhere"], "neither an ACME directory"),
                        (["--domain", "a.example.test", "--challenge", "dns-01", "--webroot"], "HTTP-01 only"),
                        (["--domain", "*.example.test"], "DNS-01"),
                        (["--domain", "a.example.test", "--ca-bundle", str(tmp_path / "none.pem")], "does not exist")):
        done = acme(project, *pebble.cli_args(http=False), *args)  # the last --directory/--ca-bundle wins
        assert done.returncode == 2, (args, done.stderr)
        assert words in done.stderr, (args, done.stderr)
    assert tree(project) == before


def test_untrusted_ca_https_is_refused_in_words(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    done = acme(project, "--domain", "a.example.test", "--directory", pebble.directory, "--agree-tos")
    assert done.returncode == 1
    assert "not trusted" in done.stderr and "--ca-bundle" in done.stderr
    assert not (project / "cert.pem").exists()


def test_terms_must_be_agreed(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    args = [a for a in pebble.cli_args() if a != "--agree-tos"]
    done = acme(project, "--domain", "a.example.test", *args)
    assert done.returncode == 2 and "--agree-tos" in done.stderr
    assert not (project / ".tlsgui").exists()


def test_acme_state_folder_is_private_and_never_a_link(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    assert stat.S_IMODE(os.stat(project / ".tlsgui" / "acme").st_mode) == 0o700
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = write_demo(tmp_path / "Other")
    (other / ".tlsgui").mkdir()
    (other / ".tlsgui" / "acme").symlink_to(elsewhere)
    done = acme(other, "--domain", "shop.example.test", *pebble.cli_args())
    assert done.returncode == 2 and "symbolic link" in done.stderr
    assert list(elsewhere.iterdir()) == []
